//! Accounts as people use them, through the real portal and plain form posts
//! (no JavaScript): sign up, confirm, log in and out, reset, profile, delete,
//! invitations, throttling, sessions and CSRF, on SQLite and PostgreSQL.

use crate::common::{Answer, BACKENDS, Backend, Browser, PASSWORD, TestPortal, link_path};
use app::{domain::account::Role, state::Clock};
use sqlx::Row;

fn clock() -> Clock {
    Clock::Fixed("2027-01-10T10:00:00Z".parse().unwrap())
}

const NEW_PASSWORD: &str = "fyra blå cyklar vid Nacka strand";

async fn sign_up(browser: &mut Browser, email: &str, kommun: &str) -> Answer {
    browser
        .submit(
            "/registrera",
            "/api/sign_up",
            &[("name", "Anna Svensson"), ("email", email), ("phone", ""), ("kommun", kommun), ("password", PASSWORD)],
        )
        .await
}

async fn log_in(browser: &mut Browser, email: &str, password: &str) -> Answer {
    browser.submit("/logga-in", "/api/log_in", &[("email", email), ("password", password)]).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_applicant_signs_up_confirms_by_the_mailed_link_and_logs_in_on_both_databases() {
    for backend in BACKENDS {
        let portal = TestPortal::start(backend, clock()).await;
        let mut browser = portal.browser();
        let done = sign_up(&mut browser, "Anna.Svensson@Kalmar.se", "Kalmar (Kalmar län)").await;
        assert_eq!(done.location().as_deref(), Some("/registrera/skickat"), "{backend:?}: {}", done.body);
        let (subject, first) = portal.await_mail_to("anna.svensson@kalmar.se").await.expect("a confirmation mail");
        assert_eq!(subject, "Bekräfta din e-postadress");
        let first_link = link_path(&first, &portal.base_url, "/bekrafta/");

        // Not yet confirmed: the right password gets a new link, not a session, and the same answer
        // as a wrong one (anyone can create an unconfirmed account for an address, with a password of
        // their own: a different answer would tell whether the address had an account before).
        let early = log_in(&mut browser, "anna.svensson@kalmar.se", PASSWORD).await;
        assert_eq!(early.location().as_deref(), Some("/logga-in"));
        let main = |page: String| page[page.find("<main").unwrap()..page.find("</main>").unwrap()].to_owned();
        let early_page = main(browser.follow(&early).await.body);
        assert!(early_page.contains("Bekräfta först adressen med länken i mejlet"), "{backend:?}");
        let wrong = log_in(&mut browser, "anna.svensson@kalmar.se", "inte rätt lösenord alls").await;
        assert_eq!(main(browser.follow(&wrong).await.body), early_page, "{backend:?}: the same answer");
        assert!(!browser.cookies.contains_key("portal_session"));

        let (subject, body) = portal.take_mail_to("anna.svensson@kalmar.se").await.expect("a new link");
        assert_eq!(subject, "Bekräfta din e-postadress");
        let link = link_path(&body, &portal.base_url, "/bekrafta/");
        let old_token = first_link.trim_start_matches("/bekrafta/");
        let void = browser.submit(&first_link, "/api/confirm_email", &[("token", old_token)]).await;
        assert!(browser.follow(&void).await.body.contains("Länken fungerar inte längre"), "a new link voids the old");
        let confirm_page = browser.get(&link).await;
        assert_eq!(confirm_page.status, 200);
        assert!(confirm_page.body.contains("Bekräfta e-postadressen"));
        let token = link.trim_start_matches("/bekrafta/");
        let confirmed = browser.post(&link, "/api/confirm_email", &[("token", token)], true).await;
        assert_eq!(confirmed.location().as_deref(), Some("/logga-in?klart=bekraftad"), "{backend:?}");
        let again = browser.post(&link, "/api/confirm_email", &[("token", token)], true).await;
        assert_eq!(again.location().as_deref(), Some(link.as_str()), "a used link sends back to its page");
        assert!(browser.follow(&again).await.body.contains("Länken fungerar inte längre"));

        let logged_in = log_in(&mut browser, "anna.svensson@kalmar.se", PASSWORD).await;
        assert_eq!(logged_in.location().as_deref(), Some("/ansokan"), "{backend:?}");
        let cookie = logged_in.set_cookies().into_iter().find(|c| c.starts_with("portal_session=")).unwrap();
        assert!(
            cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax") && cookie.contains("Path=/"),
            "{cookie}"
        );
        assert!(!cookie.contains("Secure"), "plain http on loopback: {cookie}");
        let account = browser.get("/konto").await;
        assert_eq!(account.status, 200);
        assert!(account.body.contains("Anna Svensson") && account.body.contains("sökande, Kalmar"), "header shows who");
        assert!(account.body.contains("Logga ut"));
        assert!(!account.body.contains("href=\"/arrangor/personer\""), "no organiser menu for applicants");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_sign_up_input_gets_swedish_messages_beside_the_fields_and_keeps_what_was_typed() {
    let portal = TestPortal::start(Backend::Sqlite, clock()).await;
    let mut browser = portal.browser();
    let long_name = "Å".repeat(201);
    let answer = browser
        .submit(
            "/registrera",
            "/api/sign_up",
            &[
                ("name", &long_name),
                ("email", "anna@"),
                ("phone", "ring mig"),
                ("kommun", "Atlantis"),
                ("password", "lösenord1234"),
            ],
        )
        .await;
    assert_eq!(answer.status, 303);
    assert_eq!(answer.location().as_deref(), Some("/registrera"));
    let page = browser.follow(&answer).await;
    for message in [
        "Namnet får vara högst 200 tecken.",
        "Ange en e-postadress, till exempel namn@kommun.se.",
        "Ange telefonnumret med siffror",
        "Det finns ingen kommun som heter ”Atlantis”",
        "Lösenordet är för vanligt",
    ] {
        assert!(page.body.contains(message), "lacks {message:?}");
    }
    assert!(page.body.contains("value=\"anna@\""), "the e-mail typed is kept");
    assert!(page.body.contains("value=\"Atlantis\""), "the kommun typed is kept");
    assert!(!page.body.contains("lösenord1234"), "a password is never sent back");
    assert!(page.body.contains("aria-invalid=\"true\""));
    // Shown once: a reload is a fresh form.
    let reload = browser.get("/registrera").await;
    assert!(!reload.body.contains("Atlantis"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sign_up_with_a_taken_address_answers_as_for_a_new_one_and_tells_the_owner_by_mail() {
    for backend in BACKENDS {
        let portal = TestPortal::start(backend, clock()).await;
        let mut browser = portal.browser();
        let first = sign_up(&mut browser, "anna@kalmar.se", "0880").await;
        assert_eq!(first.location().as_deref(), Some("/registrera/skickat"));
        assert_eq!(portal.await_mail_to("anna@kalmar.se").await.unwrap().0, "Bekräfta din e-postadress");
        let second = sign_up(&mut browser, "ANNA@kalmar.se", "Nacka").await;
        assert_eq!(second.location(), first.location(), "{backend:?}: the same answer for a taken address");
        assert!(!browser.follow(&second).await.body.contains("finns redan"), "{backend:?}");
        let (subject, body) = portal.await_mail_to("anna@kalmar.se").await.expect("the owner is told");
        assert_eq!(subject, "Du har redan ett konto");
        assert!(body.contains("/glomt-losenord") && !body.contains("Anna Svensson"), "{body}");
        let accounts = portal.count("SELECT COUNT(*) AS n FROM users WHERE email = 'anna@kalmar.se'", &[]).await;
        assert_eq!(accounts, 1, "{backend:?}: no second account");
        let kommun: Option<String> = sqlx::query("SELECT kommun_kod FROM users WHERE email = 'anna@kalmar.se'")
            .fetch_one(portal.db.pool())
            .await
            .unwrap()
            .get("kommun_kod");
        assert_eq!(kommun.as_deref(), Some("0880"), "{backend:?}: the account is as it was");

        // Someone filling the owner's inbox gets no more than a few messages an hour through.
        for _ in 0..5 {
            sign_up(&mut browser, "anna@kalmar.se", "Nacka").await;
        }
        tokio::time::sleep(std::time::Duration::from_millis(500)).await;
        let told = portal.mail_subjects("anna@kalmar.se").await;
        assert_eq!(told.len(), 2, "{backend:?}: three an hour in all: {told:?}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn log_in_does_not_tell_whether_an_address_exists_and_throttles_guessing() {
    for backend in BACKENDS {
        let portal = TestPortal::start(backend, clock()).await;
        portal.create_user("eva@nacka.se", Role::Applicant, Some("0182")).await;
        let mut browser = portal.browser();
        let wrong = log_in(&mut browser, "eva@nacka.se", "fel lösenord här").await;
        let main = |page: String| page[page.find("<main").unwrap()..page.find("</main>").unwrap()].to_owned();
        let wrong_page = main(browser.follow(&wrong).await.body);
        let unknown = log_in(&mut browser, "ingen@nacka.se", "fel lösenord här").await;
        let unknown_page = main(browser.follow(&unknown).await.body);
        assert!(wrong_page.contains("Fel e-postadress eller lösenord."));
        assert_eq!(
            wrong_page.replace("eva@nacka.se", "X"),
            unknown_page.replace("ingen@nacka.se", "X"),
            "{backend:?}: the same page either way"
        );

        for _ in 0..4 {
            log_in(&mut browser, "eva@nacka.se", "fel lösenord här").await;
        }
        // The sixth attempt, with the right password, waits.
        let throttled = log_in(&mut browser, "eva@nacka.se", PASSWORD).await;
        let page = browser.follow(&throttled).await.body;
        assert!(page.contains("För många misslyckade inloggningar. Vänta 15 minuter"), "{backend:?}");
        assert!(!browser.cookies.contains_key("portal_session"));

        // No permanent lock-out: once the window has passed, the right password works.
        sqlx::query("UPDATE login_failures SET failed_at = '2027-01-10T09:40:00Z'")
            .execute(portal.db.pool())
            .await
            .unwrap();
        let later = log_in(&mut browser, "eva@nacka.se", PASSWORD).await;
        assert_eq!(later.location().as_deref(), Some("/ansokan"), "{backend:?}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sessions_get_a_new_id_at_log_in_end_at_log_out_and_after_idle_or_absolute_time() {
    let portal = TestPortal::start(Backend::Sqlite, clock()).await;
    let mut browser = portal.logged_in("sven@kalmar.se", Role::Applicant, Some("0880")).await;
    let first_id = browser.cookies["portal_session"].clone();
    assert_eq!(log_in(&mut browser, "sven@kalmar.se", PASSWORD).await.location().as_deref(), Some("/ansokan"));
    let second_id = browser.cookies["portal_session"].clone();
    assert_ne!(first_id, second_id, "a new id at log-in");
    let sessions = portal.count("SELECT COUNT(*) AS n FROM sessions", &[]).await;
    assert_eq!(sessions, 1, "the session before the log-in has ended");

    // Log-out ends the session on the server: the old cookie opens nothing.
    let stolen = browser.cookies.clone();
    let out = browser.post("/konto", "/api/log_out", &[], true).await;
    assert_eq!(out.location().as_deref(), Some("/logga-in?klart=utloggad"));
    let mut thief = portal.browser();
    thief.cookies = stolen;
    assert_eq!(thief.get("/konto").await.location().as_deref(), Some("/logga-in?tillbaka=/konto"));

    // Idle for two hours (the clock is fixed, so the session is aged instead).
    let mut browser = portal.logged_in("idle@kalmar.se", Role::Applicant, Some("0880")).await;
    assert_eq!(browser.get("/konto").await.status, 200);
    sqlx::query("UPDATE sessions SET last_seen_at = '2027-01-10T08:00:00Z'").execute(portal.db.pool()).await.unwrap();
    let expired = browser.get("/konto").await;
    assert_eq!(expired.location().as_deref(), Some("/logga-in?tillbaka=/konto"));
    assert!(expired.set_cookies().iter().any(|c| c.starts_with("portal_session=;") && c.contains("Max-Age=0")));

    // Twelve hours after log-in, however busy.
    let mut browser = portal.logged_in("busy@kalmar.se", Role::Applicant, Some("0880")).await;
    sqlx::query("UPDATE sessions SET created_at = '2027-01-09T22:00:00Z', last_seen_at = '2027-01-10T09:59:00Z'")
        .execute(portal.db.pool())
        .await
        .unwrap();
    assert_eq!(browser.get("/konto").await.location().as_deref(), Some("/logga-in?tillbaka=/konto"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reset_link_works_once_within_an_hour_and_ends_every_session() {
    for backend in BACKENDS {
        let portal = TestPortal::start(backend, clock()).await;
        let mut other_device = portal.logged_in("lisa@kalmar.se", Role::Applicant, Some("0880")).await;
        let mut browser = portal.browser();

        let unknown = browser.submit("/glomt-losenord", "/api/request_reset", &[("email", "ingen@kalmar.se")]).await;
        let known = browser.submit("/glomt-losenord", "/api/request_reset", &[("email", "lisa@kalmar.se")]).await;
        assert_eq!(unknown.location(), known.location(), "{backend:?}: the same answer either way");
        assert_eq!(known.location().as_deref(), Some("/glomt-losenord/skickat"));
        let (subject, body) = portal.await_mail_to("lisa@kalmar.se").await.unwrap();
        assert!(portal.take_mail_to("ingen@kalmar.se").await.is_none(), "asked first, done first");
        assert_eq!(subject, "Välj ett nytt lösenord");
        let link = link_path(&body, &portal.base_url, "/aterstall/");
        let token = link.trim_start_matches("/aterstall/").to_owned();

        let weak = browser.submit(&link, "/api/reset_password", &[("token", &token), ("password", "kort")]).await;
        assert!(browser.follow(&weak).await.body.contains("Lösenordet måste ha minst 12 tecken."));
        let reset =
            browser.submit(&link, "/api/reset_password", &[("token", &token), ("password", NEW_PASSWORD)]).await;
        assert_eq!(reset.location().as_deref(), Some("/logga-in?klart=aterstallt"), "{backend:?}");
        assert_eq!(
            other_device.get("/konto").await.location().as_deref(),
            Some("/logga-in?tillbaka=/konto"),
            "a reset ends every session"
        );
        let reused =
            browser.submit(&link, "/api/reset_password", &[("token", &token), ("password", NEW_PASSWORD)]).await;
        assert!(browser.follow(&reused).await.body.contains("Länken fungerar inte längre"));
        assert_eq!(log_in(&mut browser, "lisa@kalmar.se", PASSWORD).await.location().as_deref(), Some("/logga-in"));
        assert_eq!(log_in(&mut browser, "lisa@kalmar.se", NEW_PASSWORD).await.location().as_deref(), Some("/ansokan"));
        assert_eq!(portal.take_mail_to("lisa@kalmar.se").await.unwrap().0, "Ditt lösenord är ändrat");

        // A link older than an hour is refused.
        browser.submit("/glomt-losenord", "/api/request_reset", &[("email", "lisa@kalmar.se")]).await;
        let link = link_path(&portal.await_mail_to("lisa@kalmar.se").await.unwrap().1, &portal.base_url, "/aterstall/");
        sqlx::query("UPDATE account_tokens SET expires_at = '2027-01-10T09:59:59Z'")
            .execute(portal.db.pool())
            .await
            .unwrap();
        let token = link.trim_start_matches("/aterstall/").to_owned();
        let late = browser.submit(&link, "/api/reset_password", &[("token", &token), ("password", PASSWORD)]).await;
        assert!(browser.follow(&late).await.body.contains("Länken fungerar inte längre"), "{backend:?}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_person_changes_name_phone_and_password_sees_their_data_and_deletes_the_account() {
    let portal = TestPortal::start(Backend::Sqlite, clock()).await;
    let mut browser = portal.logged_in("olle@kalmar.se", Role::Applicant, Some("0880")).await;
    let saved =
        browser.post("/konto", "/api/update_profile", &[("name", "Olle Ek"), ("phone", "0480-45 00 00")], true).await;
    assert_eq!(saved.location().as_deref(), Some("/konto?klart=sparat"));
    let page = browser.follow(&saved).await.body;
    assert!(
        page.contains("Dina uppgifter är sparade.")
            && page.contains("value=\"Olle Ek\"")
            && page.contains("0480-45 00 00")
    );

    let wrong = browser
        .post(
            "/konto",
            "/api/change_password",
            &[("current_password", "inte rätt alls"), ("new_password", NEW_PASSWORD)],
            true,
        )
        .await;
    assert!(browser.follow(&wrong).await.body.contains("Lösenordet stämmer inte."));
    let changed = browser
        .post("/konto", "/api/change_password", &[("current_password", PASSWORD), ("new_password", NEW_PASSWORD)], true)
        .await;
    assert_eq!(changed.location().as_deref(), Some("/konto?klart=losenord"));

    let data = browser.get("/konto/mina-uppgifter").await;
    assert_eq!(data.status, 200);
    assert!(data.body.contains("Olle Ek") && data.body.contains("Ditt lösenord är ändrat"), "mail to me is listed");
    let json = browser.get("/konto/mina-uppgifter.json").await;
    assert_eq!(json.status, 200);
    let value: serde_json::Value = serde_json::from_str(&json.body).unwrap();
    assert_eq!(value["account"]["email"], "olle@kalmar.se");
    assert_eq!(value["account"]["phone"], "0480-45 00 00");

    let unticked = browser.post("/konto/radera", "/api/delete_account", &[("password", NEW_PASSWORD)], true).await;
    assert!(browser.follow(&unticked).await.body.contains("Kryssa i rutan"));
    let deleted = browser
        .post("/konto/radera", "/api/delete_account", &[("password", NEW_PASSWORD), ("confirm", "ja")], true)
        .await;
    assert_eq!(deleted.location().as_deref(), Some("/logga-in?klart=raderat"));
    let users = portal.count("SELECT COUNT(*) AS n FROM users WHERE email = 'olle@kalmar.se'", &[]).await;
    assert_eq!(users, 0);
    assert_eq!(portal.mail_subjects("olle@kalmar.se").await, ["Ditt konto är raderat", "Ditt lösenord är ändrat"]);
    assert_eq!(browser.get("/konto").await.status, 303, "the session went with the account");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_organiser_invites_a_juror_who_sets_a_password_and_reviews_that_round() {
    for backend in BACKENDS {
        let portal = TestPortal::start(backend, clock()).await;
        let mut organiser = portal.logged_in("eva@vitalis.se", Role::Organiser, None).await;
        let people = organiser.get("/arrangor/personer").await;
        assert_eq!(people.status, 200);
        let round_id: String =
            sqlx::query("SELECT id FROM rounds").fetch_one(portal.db.pool()).await.unwrap().get("id");

        // No role chosen (a radio group sends nothing then): said beside the field, name and address kept.
        let no_role = organiser
            .post("/arrangor/personer", "/api/invite", &[("name", "Jonas Berg"), ("email", "jonas@skr.se")], true)
            .await;
        assert_eq!(no_role.location().as_deref(), Some("/arrangor/personer"), "{backend:?}");
        let back = organiser.follow(&no_role).await.body;
        assert!(back.contains("Välj om personen ska bli jurymedlem eller arrangör."), "{backend:?}");
        assert!(back.contains("value=\"Jonas Berg\"") && back.contains("value=\"jonas@skr.se\""), "{backend:?}");

        let no_round = organiser
            .post(
                "/arrangor/personer",
                "/api/invite",
                &[("name", "Jonas Berg"), ("email", "jonas@skr.se"), ("role", "jurymedlem")],
                true,
            )
            .await;
        assert!(organiser.follow(&no_round).await.body.contains("Välj vilken omgång jurymedlemmen ska bedöma."));
        let sent = organiser
            .post(
                "/arrangor/personer",
                "/api/invite",
                &[("name", "Jonas Berg"), ("email", "jonas@skr.se"), ("role", "jurymedlem"), ("round", &round_id)],
                true,
            )
            .await;
        assert_eq!(sent.location().as_deref(), Some("/arrangor/personer?klart=inbjuden"), "{backend:?}");
        assert!(organiser.follow(&sent).await.body.contains("jonas@skr.se"), "listed as waiting");

        let (subject, body) = portal.take_mail_to("jonas@skr.se").await.unwrap();
        assert_eq!(subject, "Inbjudan till Utmärkelseportalen");
        assert!(body.contains("jurymedlem i Sveriges eHälsokommun 2027"), "{body}");
        let link = link_path(&body, &portal.base_url, "/inbjudan/");
        let mut juror = portal.browser();
        let page = juror.get(&link).await;
        assert!(page.body.contains("jonas@skr.se") && page.body.contains("value=\"Jonas Berg\""));
        let token = link.trim_start_matches("/inbjudan/").to_owned();
        let accepted = juror
            .post(
                &link,
                "/api/accept_invitation",
                &[("token", &token), ("name", "Jonas Berg"), ("phone", ""), ("password", NEW_PASSWORD)],
                true,
            )
            .await;
        assert_eq!(accepted.location().as_deref(), Some("/logga-in?klart=konto-skapat"), "{backend:?}");
        let reused = juror
            .post(
                &link,
                "/api/accept_invitation",
                &[("token", &token), ("name", "X"), ("phone", ""), ("password", NEW_PASSWORD)],
                true,
            )
            .await;
        assert!(juror.follow(&reused).await.body.contains("Inbjudan gäller inte längre"));
        assert_eq!(
            log_in(&mut juror, "jonas@skr.se", NEW_PASSWORD).await.location().as_deref(),
            Some("/jury"),
            "a juror starts at the jury's list"
        );
        let account = juror.get("/konto").await.body;
        assert!(account.contains("jurymedlem"));
        let rounds: Vec<String> = sqlx::query("SELECT round_id FROM jury_assignments")
            .fetch_all(portal.db.pool())
            .await
            .unwrap()
            .iter()
            .map(|r| r.get("round_id"))
            .collect();
        assert_eq!(rounds, std::slice::from_ref(&round_id));
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_cross_site_post_is_refused_with_403() {
    let portal = TestPortal::start(Backend::Sqlite, clock()).await;
    let mut browser = portal.logged_in("kim@kalmar.se", Role::Applicant, Some("0880")).await;
    let client = reqwest::Client::new();
    let cookie = browser.cookies.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join("; ");
    let token = browser.cookies["portal_csrf"].clone();
    let url = format!("{}/api/update_profile", portal.base_url);
    let body = format!("name=Hacked&phone=&csrf={token}");
    // Another site's page posting a form: its Origin gives it away, token or not.
    let forged = client
        .post(&url)
        .header("cookie", &cookie)
        .header("origin", "https://evil.example")
        .header("content-type", "application/x-www-form-urlencoded")
        .body(body.clone())
        .send()
        .await
        .unwrap();
    assert_eq!(forged.status(), 403);
    assert!(forged.text().await.unwrap().contains("Begäran avvisades"));
    // Without the token (another site cannot read it).
    let tokenless = client
        .post(&url)
        .header("cookie", &cookie)
        .header("origin", &portal.base_url)
        .header("content-type", "application/x-www-form-urlencoded")
        .body("name=Hacked&phone=")
        .send()
        .await
        .unwrap();
    assert_eq!(tokenless.status(), 403);
    let name: String = sqlx::query("SELECT name FROM users WHERE email = 'kim@kalmar.se'")
        .fetch_one(portal.db.pool())
        .await
        .unwrap()
        .get("name");
    assert_ne!(name, "Hacked");
    assert_eq!(browser.get("/konto").await.status, 200);
}
