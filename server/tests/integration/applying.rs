//! A kommun's application as applicants use it without JavaScript, through the
//! real portal on SQLite and PostgreSQL: write, save, conflict, history,
//! submit with a receipt, reopen, the deadline and extensions, reminders, and
//! what other kommuner and roles cannot do.

use crate::common::{Answer, BACKENDS, Browser, PASSWORD, TestPortal, link_path};
use app::{domain::account::Role, mail::reminders, state::Clock};
use sqlx::Row;

fn clock() -> Clock {
    Clock::Fixed("2027-01-10T10:00:00Z".parse().unwrap())
}

/// The application id the editor's form carries.
fn application_id(page: &str) -> String {
    let start = page.find(r#"name="application" value=""#).expect("the application form") + 26;
    page[start..].chars().take_while(|c| *c != '"').collect()
}

fn hidden(page: &str, name: &str) -> String {
    let marker = format!(r#"name="{name}" value=""#);
    let start = page.find(&marker).unwrap_or_else(|| panic!("no {name} in the page")) + marker.len();
    page[start..].chars().take_while(|c| *c != '"').collect()
}

pub(crate) async fn open_application(browser: &mut Browser) -> String {
    let page = browser.get("/ansokan").await;
    assert_eq!(page.status, 200, "{}", page.body);
    application_id(&page.body)
}

/// Posts the editor form with these parts as "Spara utkast" would.
pub(crate) async fn save(browser: &mut Browser, id: &str, parts: &[(&str, &str, i64)], action: &str) -> Answer {
    let texts: Vec<(String, String)> = parts
        .iter()
        .flat_map(|(part, text, version)| {
            [(format!("text[{part}]"), text.to_string()), (format!("version[{part}]"), version.to_string())]
        })
        .collect();
    let mut fields: Vec<(&str, &str)> = vec![("application", id), ("action", action)];
    fields.extend(texts.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    browser.post("/ansokan", "/api/save_application", &fields, true).await
}

async fn current(portal: &TestPortal, id: &str, part: &str) -> Option<(i64, String)> {
    sqlx::query("SELECT version, body FROM application_parts WHERE application_id = $1 AND part = $2")
        .bind(id)
        .bind(part)
        .fetch_optional(portal.db.pool())
        .await
        .unwrap()
        .map(|r| (r.get("version"), r.get("body")))
}

pub(crate) fn complete(ledning: &str) -> Vec<(&str, &str, i64)> {
    vec![
        ("ledning", ledning, 0),
        ("infrastruktur", "Vi har byggt ut välfärdsteknik i hemtjänsten.", 0),
        ("kompetens", "Alla medarbetare har gått utbildningen.", 0),
        ("anvandning", "Digitala tillsynsbesök i 400 hem.", 0),
        ("sammanfattning", "Kalmar leder med invånarna i centrum.", 0),
        ("kontakt_namn", "Anna Andersson", 0),
        ("kontakt_titel", "Digitaliseringsstrateg", 0),
        ("kontakt_epost", "anna.andersson@kalmar.se", 0),
        ("kontakt_telefon", "0480-45 00 00", 0),
    ]
}

pub(crate) async fn submit(browser: &mut Browser, id: &str) -> (Answer, String) {
    let page = browser.get("/ansokan/skicka-in").await;
    // An incomplete application's page has no form; a hand-made post is refused all the same.
    let key = if page.body.contains(r#"name="request_key""#) {
        hidden(&page.body, "request_key")
    } else {
        "handgjord".into()
    };
    let answer = browser
        .post("/ansokan/skicka-in", "/api/submit_application", &[("application", id), ("request_key", &key)], true)
        .await;
    (answer, key)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_application_is_written_submitted_once_with_a_receipt_reopened_and_resubmitted() {
    for backend in BACKENDS {
        let portal = TestPortal::start(backend, clock()).await;
        let mut anna = portal.logged_in("anna@kalmar.se", Role::Applicant, Some("0880")).await;
        portal.create_user("bo@kalmar.se", Role::Applicant, Some("0880")).await;
        let id = open_application(&mut anna).await;
        let editor = anna.get("/ansokan").await.body;
        assert!(editor.contains("Ansökan från Kalmar"), "{backend:?}");
        // Before a word is written: no identifiable care recipients, and the text may be an allmän handling.
        assert!(editor.contains("Beskriv inte enskilda personer som får vård eller omsorg"), "{backend:?}");
        assert!(editor.contains("Ansökan kan vara en allmän handling hos er kommun"), "{backend:?}");
        for section in ["Ledning", "Infrastruktur", "Kompetens", "Användning"] {
            assert!(editor.contains(section), "{backend:?}: {section}");
        }
        assert!(editor.contains("0 av 6\u{a0}000 tecken"), "{backend:?}: the counter against the default limit");

        // Incomplete: the submit page lists what is missing, and a submit is refused.
        let attack = "Vi leder </textarea><script>alert(1)</script>\r\nmed invånarna.";
        let first = save(&mut anna, &id, &[("ledning", attack, 0)], "save").await;
        assert_eq!(first.location().as_deref(), Some("/ansokan?klart=utkast-sparat#status"), "{backend:?}");
        let page = anna.follow(&first).await.body;
        assert!(page.contains("Utkastet är sparat."));
        assert_eq!(hidden(&page, "version[ledning]"), "1", "{backend:?}: the next plain save is based on version 1");
        assert_eq!(hidden(&page, "version[kompetens]"), "0");
        assert!(
            page.contains("Vi leder &lt;/textarea&gt;&lt;script&gt;alert(1)&lt;/script&gt;\nmed invånarna."),
            "{backend:?}: escaped, one line end"
        );
        assert!(!page.contains("<script>alert(1)"), "{backend:?}: markup in a section never runs");
        let check = anna.get("/ansokan/skicka-in").await.body;
        assert!(check.contains("Det här behöver göras innan ni kan skicka in"));
        assert!(
            check.contains("Infrastruktur: fyll i en text.") && check.contains("Namn: fyll i en text."),
            "{backend:?}"
        );
        let (refused, _) = submit(&mut anna, &id).await;
        assert_eq!(refused.location().as_deref(), Some("/ansokan/skicka-in"));

        // Complete it; a doubled submission is one submission.
        let mut parts = complete("Vi leder med invånarna.");
        parts[0].2 = 1;
        let completed = save(&mut anna, &id, &parts, "save").await;
        assert_eq!(completed.location().as_deref(), Some("/ansokan?klart=utkast-sparat#status"), "{backend:?}");
        let (done, key) = submit(&mut anna, &id).await;
        assert_eq!(done.location().as_deref(), Some("/ansokan/inskickad/1"), "{backend:?}: {}", done.body);
        let again = anna
            .post("/ansokan/skicka-in", "/api/submit_application", &[("application", &id), ("request_key", &key)], true)
            .await;
        assert_eq!(again.location().as_deref(), Some("/ansokan/inskickad/1"), "{backend:?}: the retry finds the first");
        let count: i64 =
            sqlx::query("SELECT COUNT(*) AS n FROM submissions").fetch_one(portal.db.pool()).await.unwrap().get("n");
        assert_eq!(count, 1, "{backend:?}");
        let receipt = anna.get("/ansokan/inskickad/1").await.body;
        assert!(receipt.contains("SE-2027-0880-1") && receipt.contains("Vi leder med invånarna."), "{backend:?}");
        for to in ["anna@kalmar.se", "bo@kalmar.se"] {
            let (subject, body) = portal.take_mail_to(to).await.expect("a receipt to every applicant of the kommun");
            assert!(subject.contains("SE-2027-0880-1"), "{subject}");
            assert!(body.contains("Vi leder med invånarna.") && body.contains("Anna Andersson"), "{backend:?}");
        }

        // Submitted is locked: a save from a stale page changes nothing but is kept as the writer's copy.
        let stale = save(&mut anna, &id, &[("ledning", "Sent tillägg", 2)], "save").await;
        assert_eq!(stale.location().as_deref(), Some("/ansokan#status"));
        assert_eq!(current(&portal, &id, "ledning").await.unwrap().1, "Vi leder med invånarna.");
        let locked = anna.get("/ansokan").await.body;
        assert!(locked.contains("Inskickad. Ansökan är låst"), "{backend:?}");
        assert!(locked.contains("Sent tillägg"), "{backend:?}: the writer's text is not lost");

        // Reopen, settle the kept copy by saving it, resubmit: two submissions, the first kept as it was.
        let reopened = anna.post("/ansokan", "/api/reopen_application", &[("application", &id)], true).await;
        assert_eq!(reopened.location().as_deref(), Some("/ansokan?klart=oppnad"), "{backend:?}");
        let mine = save(&mut anna, &id, &[("ledning", "Sent tillägg", 2)], "mine:ledning").await;
        assert_eq!(mine.location().as_deref(), Some("/ansokan?klart=utkast-sparat#status"));
        assert_eq!(current(&portal, &id, "ledning").await.unwrap(), (3, "Sent tillägg".to_owned()));
        let (second, _) = submit(&mut anna, &id).await;
        assert_eq!(second.location().as_deref(), Some("/ansokan/inskickad/2"), "{backend:?}");
        // The submit form of before the reopening, sent again (the back button): no submission, a clear message.
        let reopened = anna.post("/ansokan", "/api/reopen_application", &[("application", &id)], true).await;
        assert_eq!(reopened.location().as_deref(), Some("/ansokan?klart=oppnad"));
        let outdated = anna
            .post("/ansokan/skicka-in", "/api/submit_application", &[("application", &id), ("request_key", &key)], true)
            .await;
        assert_eq!(outdated.location().as_deref(), Some("/ansokan/skicka-in"), "{backend:?}");
        assert!(anna.follow(&outdated).await.body.contains("Sidan var gammal"), "{backend:?}");
        let first_copy = anna.get("/ansokan/inskickad/1").await.body;
        assert!(first_copy.contains("En tidigare inskickning") && first_copy.contains("Vi leder med invånarna."));
        portal.test_db.destroy().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_save_based_on_an_old_version_is_a_conflict_and_the_writer_chooses() {
    for backend in BACKENDS {
        let portal = TestPortal::start(backend, clock()).await;
        let mut anna = portal.logged_in("anna@kalmar.se", Role::Applicant, Some("0880")).await;
        let mut bo = portal.logged_in("bo@kalmar.se", Role::Applicant, Some("0880")).await;
        let id = open_application(&mut anna).await;
        assert_eq!(open_application(&mut bo).await, id, "one application per kommun and round");

        save(&mut anna, &id, &[("ledning", "Annas text", 0)], "save").await;
        let clash = save(&mut bo, &id, &[("ledning", "Bos text", 0), ("kompetens", "Bos kompetens", 0)], "save").await;
        assert_eq!(clash.location().as_deref(), Some("/ansokan#del-ledning"), "{backend:?}");
        assert_eq!(current(&portal, &id, "ledning").await.unwrap(), (1, "Annas text".to_owned()), "{backend:?}");
        assert_eq!(current(&portal, &id, "kompetens").await.unwrap(), (1, "Bos kompetens".to_owned()));

        let page = bo.get("/ansokan").await.body;
        assert!(page.contains("En kollega har sparat en nyare version"), "{backend:?}");
        assert!(page.contains("Annas text") && page.contains("Bos text"), "{backend:?}: both texts shown");
        assert!(!anna.get("/ansokan").await.body.contains("En kollega har sparat"), "only the later writer is asked");
        let check = bo.get("/ansokan/skicka-in").await.body;
        assert!(check.contains("Du har egna texter som krockade"), "{backend:?}: submitting names the undecided copy");

        // Bo keeps his own: it becomes the next version; nothing of Anna's is lost from the history.
        save(&mut bo, &id, &[("ledning", "Bos text", 0)], "mine:ledning").await;
        assert_eq!(current(&portal, &id, "ledning").await.unwrap(), (2, "Bos text".to_owned()), "{backend:?}");
        let history = anna.get("/ansokan/historik/ledning").await.body;
        assert!(history.contains("Version 2") && history.contains("Version 1"), "{backend:?}");
        let old = anna.get("/ansokan/historik/ledning?version=1").await.body;
        assert!(old.contains("Annas text") && old.contains("Återställ den här versionen"));

        // Anna restores her version: a third version with her text.
        let restored = anna
            .post(
                "/ansokan/historik/ledning?version=1",
                "/api/restore_version",
                &[("application", &id), ("part", "ledning"), ("version", "1")],
                true,
            )
            .await;
        assert_eq!(restored.location().as_deref(), Some("/ansokan?klart=aterstalld#del-ledning"), "{backend:?}");
        assert_eq!(current(&portal, &id, "ledning").await.unwrap(), (3, "Annas text".to_owned()));

        // A writer who takes the saved version drops their copy.
        save(&mut bo, &id, &[("ledning", "Bos andra försök", 2)], "save").await;
        assert!(bo.get("/ansokan").await.body.contains("Bos andra försök"));
        save(&mut bo, &id, &[("ledning", "Bos andra försök", 2)], "theirs:ledning").await;
        let settled = bo.get("/ansokan").await.body;
        assert!(!settled.contains("Bos andra försök") && !settled.contains("En kollega har sparat"), "{backend:?}");
        assert_eq!(current(&portal, &id, "ledning").await.unwrap().0, 3);

        // A whole-form post (no JavaScript) carries parts its writer never touched: a
        // colleague's newer text there is kept, and it is no conflict.
        save(&mut anna, &id, &[("ledning", "Annas fjärde", 3)], "save").await;
        let whole =
            save(&mut bo, &id, &[("ledning", "Annas text", 3), ("kompetens", "Bos nya kompetens", 1)], "save").await;
        assert_eq!(whole.location().as_deref(), Some("/ansokan?klart=utkast-sparat#status"), "{backend:?}");
        assert_eq!(current(&portal, &id, "ledning").await.unwrap(), (4, "Annas fjärde".to_owned()), "{backend:?}");
        assert_eq!(current(&portal, &id, "kompetens").await.unwrap(), (2, "Bos nya kompetens".to_owned()));
        portal.test_db.destroy().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn nobody_but_the_kommuns_applicants_can_read_or_change_its_application() {
    let portal = TestPortal::start(crate::common::Backend::Sqlite, clock()).await;
    let mut anna = portal.logged_in("anna@kalmar.se", Role::Applicant, Some("0880")).await;
    let id = open_application(&mut anna).await;
    save(&mut anna, &id, &[("ledning", "Kalmars hemliga utkast", 0)], "save").await;

    let mut nacka = portal.logged_in("nils@nacka.se", Role::Applicant, Some("0182")).await;
    let own = open_application(&mut nacka).await;
    assert_ne!(own, id);
    assert!(!nacka.get("/ansokan").await.body.contains("Kalmars hemliga utkast"));
    let foreign = save(&mut nacka, &id, &[("ledning", "Nackas text", 1)], "save").await;
    assert_eq!(foreign.location().as_deref(), Some("/ingen-behorighet"), "refused: {}", foreign.body);
    assert!(nacka.follow(&foreign).await.body.contains("Du har inte behörighet"));
    for (action, fields) in [
        ("/api/submit_application", vec![("application", id.as_str()), ("request_key", "x")]),
        ("/api/reopen_application", vec![("application", id.as_str())]),
        ("/api/restore_version", vec![("application", id.as_str()), ("part", "ledning"), ("version", "1")]),
    ] {
        let answer = nacka.post("/ansokan", action, &fields, true).await;
        assert_eq!(answer.location().as_deref(), Some("/ingen-behorighet"), "{action}");
        assert!(nacka.follow(&answer).await.body.contains("Du har inte behörighet"), "{action}");
    }
    assert_eq!(current(&portal, &id, "ledning").await.unwrap().1, "Kalmars hemliga utkast");

    // Organisers see the status, never a draft's text.
    let mut organiser = portal.logged_in("o@vitalis.se", Role::Organiser, None).await;
    let overview = organiser.get("/arrangor/ansokningar").await.body;
    assert!(overview.contains("Kalmar") && overview.contains("Utkast"), "{overview}");
    assert!(!overview.contains("Kalmars hemliga utkast"));
    let refused = save(&mut organiser, &id, &[("ledning", "x", 1)], "save").await;
    assert_eq!(refused.status, 403);
    portal.test_db.destroy().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_deadline_closes_at_midnight_swedish_time_and_an_extension_keeps_one_kommun_open() {
    for backend in BACKENDS {
        // 15 April 2027 is summer time: 23:59:59 in Sweden is 21:59:59 UTC.
        let portal = TestPortal::start(backend, Clock::Fixed("2027-04-15T21:59:59Z".parse().unwrap())).await;
        let mut anna = portal.logged_in("anna@kalmar.se", Role::Applicant, Some("0880")).await;
        let id = open_application(&mut anna).await;
        save(&mut anna, &id, &[("ledning", "I sista sekunden", 0)], "save").await;
        assert_eq!(current(&portal, &id, "ledning").await.unwrap().1, "I sista sekunden", "{backend:?}");

        let midnight = portal.at(Clock::Fixed("2027-04-15T22:00:00Z".parse().unwrap())).await;
        let mut late = anna.at(&midnight);
        let page = late.get("/ansokan").await.body;
        assert!(page.contains("Ansökan har stängt") && page.contains("15 april 2027 kl. 23.59"), "{backend:?}");
        assert!(page.contains("readonly"), "{backend:?}: the draft is read-only");
        let refused = save(&mut late, &id, &[("ledning", "För sent", 1)], "save").await;
        assert_eq!(refused.location().as_deref(), Some("/ansokan#status"));
        assert_eq!(current(&portal, &id, "ledning").await.unwrap().1, "I sista sekunden", "{backend:?}");
        assert!(late.get("/ansokan").await.body.contains("För sent"), "{backend:?}: kept for the writer, not lost");

        // An organiser gives Kalmar until 22 April 12.00.
        let mut organiser = portal.logged_in("o@vitalis.se", Role::Organiser, None).await.at(&midnight);
        let bad = organiser
            .submit(
                "/arrangor/ansokningar",
                "/api/grant_extension",
                &[("kommun", "Kalmar"), ("date", "2027-04-10"), ("time", "12:00"), ("reason", "")],
            )
            .await;
        let form = organiser.follow(&bad).await.body;
        assert!(form.contains("måste vara senare än omgångens sista ansökningsdag"), "{backend:?}");
        assert!(form.contains("Skriv varför kommunen får längre tid"));
        let granted = organiser
            .submit(
                "/arrangor/ansokningar",
                "/api/grant_extension",
                &[
                    ("kommun", "Kalmar (Kalmar län)"),
                    ("date", "2027-04-22"),
                    ("time", "12:00"),
                    ("reason", "Driftstopp"),
                ],
            )
            .await;
        assert_eq!(granted.location().as_deref(), Some("/arrangor/ansokningar?klart=forlangt"), "{backend:?}");
        let overview = organiser.follow(&granted).await.body;
        assert!(overview.contains("22 april 2027 kl. 12.00") && overview.contains("Driftstopp"), "{backend:?}");

        let saved = save(&mut late, &id, &[("ledning", "Med förlängning", 1)], "mine:ledning").await;
        assert_eq!(saved.location().as_deref(), Some("/ansokan?klart=utkast-sparat#status"), "{backend:?}");
        assert_eq!(current(&portal, &id, "ledning").await.unwrap().1, "Med förlängning");
        assert!(late.get("/ansokan").await.body.contains("förlängd för er kommun"));

        // Nacka has no extension: closed.
        let mut nils = portal.logged_in("nils@nacka.se", Role::Applicant, Some("0182")).await.at(&midnight);
        let nacka = nils.get("/ansokan").await.body;
        assert!(nacka.contains("Ansökan har stängt") && !nacka.contains(r#"name="application""#), "{backend:?}");
        portal.test_db.destroy().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reminders_go_to_unsubmitted_drafts_a_week_and_a_day_before_once_each() {
    for backend in BACKENDS {
        let portal = TestPortal::start(backend, clock()).await;
        let mut anna = portal.logged_in("anna@kalmar.se", Role::Applicant, Some("0880")).await;
        let id = open_application(&mut anna).await;
        save(&mut anna, &id, &complete("Klart"), "save").await;
        let mut nils = portal.logged_in("nils@nacka.se", Role::Applicant, Some("0182")).await;
        open_application(&mut nils).await;
        let (done, _) = submit(&mut anna, &id).await;
        assert_eq!(done.location().as_deref(), Some("/ansokan/inskickad/1"));
        portal.take_mail_to("anna@kalmar.se").await;

        let base = &portal.base_url;
        let eight_days = Clock::Fixed("2027-04-07T21:00:00Z".parse().unwrap());
        assert_eq!(reminders::send_due(&portal.db, base, eight_days).await.unwrap(), 0, "{backend:?}");
        let six_days = Clock::Fixed("2027-04-09T21:00:00Z".parse().unwrap());
        assert_eq!(reminders::send_due(&portal.db, base, six_days).await.unwrap(), 1, "{backend:?}: Nacka only");
        assert_eq!(reminders::send_due(&portal.db, base, six_days).await.unwrap(), 0, "{backend:?}: once");
        let (subject, body) = portal.take_mail_to("nils@nacka.se").await.expect("Nacka is reminded");
        assert!(subject.starts_with("Påminnelse") && body.contains("15 april 2027 kl. 23.59"), "{subject}");
        assert!(portal.take_mail_to("anna@kalmar.se").await.is_none(), "Kalmar has submitted");
        let last_day = Clock::Fixed("2027-04-15T06:00:00Z".parse().unwrap());
        assert_eq!(reminders::send_due(&portal.db, base, last_day).await.unwrap(), 1, "{backend:?}");
        assert!(portal.take_mail_to("nils@nacka.se").await.is_some());
        portal.test_db.destroy().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn text_over_the_limit_is_saved_whole_and_submitting_says_how_much_to_cut() {
    let portal = TestPortal::start(crate::common::Backend::Sqlite, clock()).await;
    let mut anna = portal.logged_in("anna@kalmar.se", Role::Applicant, Some("0880")).await;
    let id = open_application(&mut anna).await;
    let long = "å".repeat(6_120);
    let mut parts = complete(&long);
    parts[7].1 = "inte en adress";
    save(&mut anna, &id, &parts, "save").await;
    assert_eq!(current(&portal, &id, "ledning").await.unwrap().1.chars().count(), 6_120, "nothing is cut");
    let editor = anna.get("/ansokan").await.body;
    assert!(editor.contains("6\u{a0}120 av 6\u{a0}000 tecken – 120 för många"), "the counter says it");
    let check = anna.get("/ansokan/skicka-in").await.body;
    assert!(
        check.contains("Ledning: texten har 6\u{a0}120 tecken men får ha högst 6\u{a0}000. Korta den med 120 tecken.")
    );
    assert!(check.contains("E-postadress: ange en e-postadress som fungerar"));
    portal.test_db.destroy().await;
}

/// Signs up and confirms an applicant through the pages, as a person would.
async fn sign_up_and_confirm(portal: &TestPortal, email: &str, kommun: &str) -> Browser {
    let mut browser = portal.browser();
    let fields = [("name", "Ny Person"), ("email", email), ("phone", ""), ("kommun", kommun), ("password", PASSWORD)];
    let done = browser.submit("/registrera", "/api/sign_up", &fields).await;
    assert_eq!(done.location().as_deref(), Some("/registrera/skickat"), "{}", done.body);
    let (_, body) = portal.await_mail_to(email).await.expect("a confirmation link");
    let link = link_path(&body, &portal.base_url, "/bekrafta/");
    let token = link.trim_start_matches("/bekrafta/").to_owned();
    browser.submit(&link, "/api/confirm_email", &[("token", &token)]).await;
    let logged_in = browser.submit("/logga-in", "/api/log_in", &[("email", email), ("password", PASSWORD)]).await;
    assert_eq!(logged_in.location().as_deref(), Some("/ansokan"));
    browser
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_first_applicant_of_a_kommun_from_another_domain_waits_for_an_organiser() {
    for backend in BACKENDS {
        let portal = TestPortal::start(backend, clock()).await;
        // Anyone may type a kommun's name, and a look-alike domain is anyone's to register.
        let mut gmail = sign_up_and_confirm(&portal, "borgholm.kansli@gmail.com", "Borgholm").await;
        let mut lookalike = sign_up_and_confirm(&portal, "anna@kalmar.nu", "Kalmar").await;
        for page in [gmail.get("/ansokan").await.body, lookalike.get("/ansokan").await.body] {
            assert!(page.contains("Ditt konto väntar på att bli godkänt"), "{backend:?}");
            assert!(!page.contains(r#"name="application""#), "{backend:?}: no application to write yet");
        }

        // The organiser sees both first, marked as theirs alone to approve, the domain named.
        let mut organiser = portal.logged_in("o@vitalis.se", Role::Organiser, None).await;
        let people = organiser.get("/arrangor/personer").await.body;
        let waiting = &people[people.find("Sökande som väntar på godkännande").expect("the waiting list")..];
        let waiting = &waiting[..waiting.find("</section>").unwrap()];
        for email in ["borgholm.kansli@gmail.com", "anna@kalmar.nu"] {
            let at = waiting.find(email).unwrap_or_else(|| panic!("{backend:?}: {email} is listed"));
            let row = &waiting[at..at + waiting[at..].find("</tr>").unwrap()];
            assert!(row.contains("Först för kommunen: bara arrangören kan godkänna"), "{backend:?}: {row}");
            assert!(row.contains("inte kommunens egen domän"), "{backend:?}: {row}");
        }

        // Approved: told by mail, and the application opens.
        let id: String = sqlx::query("SELECT id FROM users WHERE email = 'borgholm.kansli@gmail.com'")
            .fetch_one(portal.db.pool())
            .await
            .unwrap()
            .get("id");
        let approved = organiser.post("/arrangor/personer", "/api/approve_applicant", &[("user", &id)], true).await;
        assert_eq!(approved.location().as_deref(), Some("/arrangor/personer?klart=godkand"), "{backend:?}");
        let (subject, body) = portal.await_mail_to("borgholm.kansli@gmail.com").await.expect("the approval mail");
        assert_eq!(subject, "Du kan nu skriva i Borgholms ansökan", "{backend:?}");
        assert!(body.contains("/ansokan"), "{backend:?}: {body}");
        assert!(gmail.get("/ansokan").await.body.contains(r#"name="application""#), "{backend:?}");
        let people = organiser.get("/arrangor/personer").await.body;
        let waiting = &people[people.find("Sökande som väntar på godkännande").unwrap()..];
        let waiting = &waiting[..waiting.find("</section>").unwrap()];
        assert!(!waiting.contains("borgholm.kansli@gmail.com") && waiting.contains("anna@kalmar.nu"), "{backend:?}");

        // A first sign-up never confirmed lets nobody in, so it holds nobody back either.
        let mut never = portal.browser();
        let fields = [
            ("name", "Ny Person"),
            ("email", "aldrig@nacka.se"),
            ("phone", ""),
            ("kommun", "Nacka"),
            ("password", PASSWORD),
        ];
        let answered = never.submit("/registrera", "/api/sign_up", &fields).await;
        assert_eq!(answered.location().as_deref(), Some("/registrera/skickat"), "{backend:?}");
        portal.await_mail_to("aldrig@nacka.se").await.expect("a confirmation link");
        let mut nils = sign_up_and_confirm(&portal, "nils@nacka.se", "Nacka").await;
        assert!(nils.get("/ansokan").await.body.contains(r#"name="application""#), "{backend:?}");
        portal.test_db.destroy().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn signing_up_for_a_kommun_that_has_applicants_waits_for_a_colleague_to_let_one_in() {
    for backend in BACKENDS {
        let portal = TestPortal::start(backend, clock()).await;
        // The first applicant of a kommun is let in at once.
        let mut first = sign_up_and_confirm(&portal, "forsta@borgholm.se", "Borgholm").await;
        assert!(first.get("/ansokan").await.body.contains(r#"name="application""#), "{backend:?}");

        let mut anna = portal.logged_in("anna@kalmar.se", Role::Applicant, Some("0880")).await;
        let id = open_application(&mut anna).await;
        save(&mut anna, &id, &[("ledning", "Kalmars utkast", 0)], "save").await;

        // Someone signs up "for Kalmar": they wait, see nothing, change nothing.
        let mut stranger = sign_up_and_confirm(&portal, "okand@example.com", "Kalmar").await;
        let (subject, body) = portal.take_mail_to("anna@kalmar.se").await.expect("the colleague is asked");
        assert!(subject.contains("vill skriva i Kalmars ansökan") && body.contains("okand@example.com"), "{subject}");
        assert!(!body.contains("Ny Person"), "no free text of the stranger's in mail to the kommun: {body}");
        let waiting = stranger.get("/ansokan").await.body;
        assert!(waiting.contains("Ditt konto väntar på att bli godkänt"), "{backend:?}");
        assert!(!waiting.contains("Kalmars utkast") && !waiting.contains(r#"name="application""#), "{backend:?}");
        // Nothing of the kommun: not its applicants' names or addresses, by the page or the API.
        let api = stranger.get("/api/my_application").await.body;
        for shown in [waiting.as_str(), api.as_str()] {
            assert!(!shown.contains("anna@kalmar.se") && !shown.contains("forsta@"), "{backend:?}: {shown}");
        }
        let refused = save(&mut stranger, &id, &[("ledning", "Klotter", 1)], "save").await;
        assert_eq!(refused.location().as_deref(), Some("/ingen-behorighet"), "{backend:?}");
        assert!(!stranger.get("/ansokan/historik/ledning").await.body.contains("Kalmars utkast"));
        assert_eq!(current(&portal, &id, "ledning").await.unwrap().1, "Kalmars utkast");

        let stranger_id: String = sqlx::query("SELECT id FROM users WHERE email = 'okand@example.com'")
            .fetch_one(portal.db.pool())
            .await
            .unwrap()
            .get("id");
        // Nobody of another kommun, and no one waiting, may let them in.
        let mut nils = portal.logged_in("nils@nacka.se", Role::Applicant, Some("0182")).await;
        let foreign = nils.post("/ansokan", "/api/approve_applicant", &[("user", &stranger_id)], true).await;
        assert_eq!(foreign.location().as_deref(), Some("/ingen-behorighet"), "{backend:?}");

        // A colleague knows them: let in, they see and write the application.
        let approved = anna.post("/ansokan", "/api/approve_applicant", &[("user", &stranger_id)], true).await;
        assert_eq!(approved.location().as_deref(), Some("/ansokan?klart=godkand#kollegor"), "{backend:?}");
        assert!(stranger.get("/ansokan").await.body.contains("Kalmars utkast"), "{backend:?}");

        // The organiser can take it back.
        let mut organiser = portal.logged_in("o@vitalis.se", Role::Organiser, None).await;
        let people = organiser.get("/arrangor/personer").await.body;
        assert!(people.contains("okand@example.com") && people.contains("Ta bort från kommunens ansökan"));
        let withdrawn =
            organiser.post("/arrangor/personer", "/api/withdraw_applicant", &[("user", &stranger_id)], true).await;
        assert_eq!(withdrawn.location().as_deref(), Some("/arrangor/personer?klart=borttagen"), "{backend:?}");
        assert!(stranger.get("/ansokan").await.body.contains("Ditt konto väntar"), "{backend:?}");
        portal.test_db.destroy().await;
    }
}
