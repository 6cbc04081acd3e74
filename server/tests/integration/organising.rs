//! Running a round from open to announced through the real portal, on SQLite
//! and PostgreSQL: each step confirmed and in order, the decision with its
//! motivations, nothing public before the announcement, then the winner page,
//! the archive, the outcome mails and the audit log.

use crate::{
    common::{BACKENDS, Browser, TestPortal},
    jury::{ALL, log_in_at, open_clock, review, review_clock, start_review, submitted_application, three_submitted},
};
use app::domain::account::Role;
use sqlx::Row;

async fn step(organiser: &mut Browser, from: &str, to: &str, confirm: bool) -> crate::common::Answer {
    let mut fields = vec![("from", from), ("to", to)];
    if confirm {
        fields.push(("confirm", "ja"));
    }
    organiser.post("/arrangor/omgang", "/api/step_round", &fields, true).await
}

/// A step that is refused: what the page it sends back to says.
async fn refused(organiser: &mut Browser, from: &str, to: &str, confirm: bool) -> String {
    let answer = step(organiser, from, to, confirm).await;
    assert_eq!(answer.location().as_deref(), Some("/arrangor/omgang"), "{from} → {to} is refused");
    organiser.follow(&answer).await.body
}

/// The motivation's newest version as its page shows it (the form's `version`).
pub(crate) fn shown_version(page: &str) -> String {
    let at = page.find("name=\"version\" value=\"").expect("the motivation form") + "name=\"version\" value=\"".len();
    page[at..].split('"').next().unwrap().to_owned()
}

/// Writes a new version of the application's motivation; the answer's location.
pub(crate) async fn write_motivation(writer: &mut Browser, application: &str, text: &str) -> Option<String> {
    let page = format!("/jury/motiveringar/{application}");
    let version = shown_version(&writer.get(&page).await.body);
    let fields = [("application", application), ("version", version.as_str()), ("text", text)];
    writer.post(&page, "/api/save_motivation", &fields, true).await.location()
}

/// The juror signs off the motivation as their page shows it; the answer's location.
pub(crate) async fn sign_motivation(juror: &mut Browser, application: &str) -> Option<String> {
    let page = format!("/jury/motiveringar/{application}");
    let version = shown_version(&juror.get(&page).await.body);
    let fields = [("application", application), ("version", version.as_str())];
    juror.post(&page, "/api/sign_motivation", &fields, true).await.location()
}

/// The jury's decision: the organiser records the outcomes (`(application, outcome, motivation)`),
/// writes each motivation, and every juror signs it off.
pub(crate) async fn decide(organiser: &mut Browser, jurors: &mut [&mut Browser], choices: &[(&str, &str, &str)]) {
    let outcomes: Vec<(String, &str)> = choices.iter().map(|(id, o, _)| (format!("outcome[id-{id}]"), *o)).collect();
    let fields: Vec<(&str, &str)> = outcomes.iter().map(|(k, v)| (k.as_str(), *v)).collect();
    let saved = organiser.post("/arrangor/beslut", "/api/save_decision", &fields, true).await;
    assert_eq!(saved.location().as_deref(), Some("/arrangor/beslut?klart=beslut-sparat"));
    for juror in jurors.iter_mut() {
        crate::jury::finish_reviews(juror).await;
    }
    for (application, _, text) in choices {
        let written = write_motivation(organiser, application, text).await;
        assert!(written.is_some_and(|l| l.contains("klart=motivering-sparad")), "{application}");
        for juror in jurors.iter_mut() {
            let signed = sign_motivation(juror, application).await;
            assert!(signed.is_some_and(|l| l.ends_with("klart=motivering-godkand")), "{application}");
        }
    }
}

/// The body of the outcome mail queued for `to`.
async fn outcome_mail(portal: &TestPortal, to: &str) -> Option<String> {
    sqlx::query("SELECT body_text FROM mail_queue WHERE recipient = $1 AND subject LIKE '%juryns beslut'")
        .bind(to)
        .fetch_optional(portal.db.pool())
        .await
        .unwrap()
        .map(|r| r.get("body_text"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_round_goes_step_by_step_to_an_announced_winner_and_nothing_is_public_before() {
    for backend in BACKENDS {
        let portal = TestPortal::start(backend, open_clock()).await;
        let (kalmar, nacka, umea) = three_submitted(&portal).await;
        portal.logged_in("hard@skr.se", Role::Juror, None).await;
        let mut organiser = portal.logged_in("org@vitalis.se", Role::Organiser, None).await;

        // Before the deadline: applications cannot close, steps go one at a time, and each needs its box.
        let early = refused(&mut organiser, "oppen", "stangd", true).await;
        assert!(
            early.contains(
                "Ansökan kan inte stängas än: den sista kommunens ansökningstid går ut 15 april 2027 kl. 23.59"
            ),
            "{backend:?}: {early}"
        );
        let skipped = refused(&mut organiser, "oppen", "bedomning", true).await;
        assert!(skipped.contains("Omgången kan inte gå från Öppen till Bedömning"), "{backend:?}");
        let unconfirmed = refused(&mut organiser, "oppen", "stangd", false).await;
        assert!(unconfirmed.contains("Kryssa i rutan för att bekräfta steget."), "{backend:?}");
        let state: String = sqlx::query("SELECT state FROM rounds").fetch_one(portal.db.pool()).await.unwrap().get(0);
        assert_eq!(state, "oppen", "{backend:?}: nothing moved");

        // After the deadline the organiser closes applications and starts the review.
        let later = portal.at(review_clock()).await;
        let mut organiser = log_in_at(&portal, &later, "org@vitalis.se").await;
        start_review(&mut organiser).await;
        let round_page = organiser.get("/arrangor/omgang").await.body;
        assert!(round_page.contains("aria-current=\"step\""), "{backend:?}");
        assert!(round_page.contains("Öppen → Stängd") && round_page.contains("Stängd → Bedömning"), "{backend:?}");
        let public = portal.browser().at(&later).get("/utmarkelser/ehalsokommun").await.body;
        assert!(public.contains("Ansökan har stängt."), "{backend:?}");
        let (status, kind, ics) = portal.browser().at(&later).download("/utmarkelser/ehalsokommun/omgang.ics").await;
        assert_eq!((status, kind.as_str()), (200, "text/calendar; charset=utf-8"), "{backend:?}");
        let ics = String::from_utf8(ics).unwrap();
        assert!(ics.contains("SUMMARY:Utdelning: Sveriges eHälsokommun 2027\r\n"), "{backend:?}: {ics}");
        assert!(
            public.contains("href=\"/utmarkelser/ehalsokommun/omgang.ics\""),
            "{backend:?}: the round page links to it"
        );

        let mut juror = log_in_at(&portal, &later, "hard@skr.se").await;
        for (application, score) in [(&kalmar, "5"), (&nacka, "4"), (&umea, "2")] {
            let scores: Vec<(&str, &str)> = ALL.iter().map(|c| (*c, score)).collect();
            review(&mut juror, application, "0", &scores, &[("recommendation", "nominera"), ("action", "klar")]).await;
        }

        // The reading packet holds every submitted text, each under its kommun.
        let packet = organiser.get("/arrangor/laspaket").await.body;
        for (kommun, text) in [("Kalmar", "Kalmar leder."), ("Nacka", "Nacka bygger."), ("Umeå", "Umeå prövar.")] {
            assert!(packet.contains(&format!(">{kommun}</h2>")) && packet.contains(text), "{backend:?}: {kommun}");
        }
        assert_eq!(packet.matches("class=\"packet-entry\"").count(), 3, "{backend:?}");

        // The decision page lists the applications in ranking order.
        let page = organiser.get("/arrangor/beslut").await.body;
        let (k, n, u) =
            (page.find("Kalmar (SE-").unwrap(), page.find("Nacka (SE-").unwrap(), page.find("Umeå (SE-").unwrap());
        assert!(k < n && n < u, "{backend:?}: in ranking order");
        let outcome = |id: &str| format!("outcome[id-{id}]");
        let (ok, on) = (outcome(&kalmar), outcome(&nacka));

        // Two winners: refused, what was chosen kept.
        let two = [(ok.as_str(), "vinnare"), (on.as_str(), "vinnare")];
        let back = organiser.post("/arrangor/beslut", "/api/save_decision", &two, true).await;
        let back = organiser.follow(&back).await.body;
        assert!(back.contains("Välj en enda vinnare."), "{backend:?}");

        // A winner and a finalist, with a motivation for the winner only: the round cannot be decided yet.
        let complete = [(ok.as_str(), "vinnare"), (on.as_str(), "nominerad")];
        let saved = organiser.post("/arrangor/beslut", "/api/save_decision", &complete, true).await;
        assert_eq!(saved.location().as_deref(), Some("/arrangor/beslut?klart=beslut-sparat"), "{backend:?}");
        write_motivation(&mut organiser, &kalmar, "Modigt och genomfört, med invånarna i centrum.").await;
        let not_yet = refused(&mut organiser, "bedomning", "beslutad", true).await;
        assert!(not_yet.contains("Beslutet är inte färdigt: Skriv juryns motivering."), "{backend:?}");

        // Both written, but not yet signed off by the juror.
        write_motivation(&mut organiser, &nacka, "Stora steg under året.").await;
        let unsigned = refused(&mut organiser, "bedomning", "beslutad", true).await;
        assert!(
            unsigned.contains("Beslutet är inte färdigt: Motiveringen för Kalmar är inte godkänd av Test"),
            "{backend:?}: {unsigned}"
        );
        for application in [&kalmar, &nacka] {
            sign_motivation(&mut juror, application).await;
        }
        let decided = step(&mut organiser, "bedomning", "beslutad", true).await;
        assert_eq!(decided.location().as_deref(), Some("/arrangor/omgang?klart=steg-taget"), "{backend:?}");

        // Decided: the jury's review is closed, the decision locked, and nothing public yet.
        let locked = organiser.post("/arrangor/beslut", "/api/save_decision", &complete, true).await;
        assert!(
            organiser.follow(&locked).await.body.contains("Beslutet kan ändras bara medan omgången är i bedömning")
        );
        assert!(
            juror.get(&format!("/jury/ansokan/{kalmar}")).await.body.contains("Bedömningen är stängd"),
            "{backend:?}"
        );
        let mut visitor = portal.browser().at(&later);
        for path in ["/utmarkelser/ehalsokommun", "/utmarkelser/ehalsokommun/vinnare"] {
            let body = visitor.get(path).await.body;
            assert!(!body.contains("Modigt och genomfört") && !body.contains("juryns beslut"), "{backend:?}: {path}");
        }
        assert_eq!(outcome_mail(&portal, "anna@kalmar.se").await, None, "{backend:?}");

        // Back to the jury and decided again: allowed until it is announced.
        let unconfirmed = step(&mut organiser, "beslutad", "bedomning", false).await;
        assert_eq!(
            unconfirmed.location().as_deref(),
            Some("/arrangor/beslut"),
            "{backend:?}: said on the decision page"
        );
        assert!(organiser.follow(&unconfirmed).await.body.contains("Kryssa i rutan för att bekräfta steget."));
        let reopened = step(&mut organiser, "beslutad", "bedomning", true).await;
        assert_eq!(reopened.location().as_deref(), Some("/arrangor/beslut?klart=beslut-oppnat"), "{backend:?}");
        step(&mut organiser, "bedomning", "beslutad", true).await;

        // The announcement.
        let announced = step(&mut organiser, "beslutad", "offentliggjord", true).await;
        assert_eq!(announced.location().as_deref(), Some("/arrangor/omgang?klart=steg-taget"), "{backend:?}");
        let winners = visitor.get("/utmarkelser/ehalsokommun/vinnare").await.body;
        assert!(winners.contains("Sveriges eHälsokommun 2027: juryns beslut"), "{backend:?}");
        assert!(winners.contains("Modigt och genomfört, med invånarna i centrum."), "{backend:?}");
        assert!(winners.contains("Stora steg under året."), "{backend:?}");
        let archive: (String, String) = sqlx::query(
            "SELECT w.winner, f.name FROM past_winners w JOIN past_finalists f ON f.year = w.year WHERE w.year = 2027",
        )
        .fetch_one(portal.db.pool())
        .await
        .map(|r| (r.get(0), r.get(1)))
        .unwrap();
        assert_eq!(archive, ("Kalmar".to_owned(), "Nacka".to_owned()), "{backend:?}");
        let home = visitor.get("/utmarkelser/ehalsokommun").await.body;
        assert!(home.contains("Läs juryns motiveringar") && home.contains("Kalmar"), "{backend:?}");

        let to_kalmar = outcome_mail(&portal, "anna@kalmar.se").await.expect("Kalmar hears");
        assert!(to_kalmar.contains("Grattis! Kalmar har vunnit Sveriges eHälsokommun 2027."), "{to_kalmar}");
        assert!(to_kalmar.contains("Modigt och genomfört, med invånarna i centrum."), "{to_kalmar}");
        let to_nacka = outcome_mail(&portal, "nils@nacka.se").await.expect("Nacka hears");
        assert!(to_nacka.contains("Nacka är en av finalisterna") && to_nacka.contains("Stora steg under året."));
        let to_umea = outcome_mail(&portal, "ulla@umea.se").await.expect("Umeå hears");
        assert!(to_umea.contains("Umeå gick inte vidare den här gången.") && !to_umea.contains("Modigt"), "{to_umea}");

        // The end: no further step, and the log says who did what.
        let done = organiser.get("/arrangor/omgang").await.body;
        assert!(done.contains("Omgången är avslutad. Det finns inget nästa steg."), "{backend:?}");
        let after = refused(&mut organiser, "offentliggjord", "bedomning", true).await;
        assert!(after.contains("Omgången kan inte gå från Offentliggjord till Bedömning"), "{backend:?}");
        let log = organiser.get("/arrangor/logg").await.body;
        for line in ["Beslutad → Offentliggjord", "Beslutet sparat (Kalmar: Vinnare, Nacka: Finalist (nominerad))"] {
            assert!(log.contains(line), "{backend:?}: {line} in the log");
        }
        assert_eq!(juror.get("/arrangor/logg").await.status, 403, "{backend:?}");
    }
}

/// Every invitation link mailed to `to`, as paths (the clock stands still, so in no set order).
async fn invitation_links(portal: &TestPortal, to: &str) -> Vec<String> {
    sqlx::query("SELECT body_text FROM mail_queue WHERE recipient = $1")
        .bind(to)
        .fetch_all(portal.db.pool())
        .await
        .unwrap()
        .iter()
        .map(|r| crate::common::link_path(&r.get::<String, _>("body_text"), &portal.base_url, "/inbjudan/"))
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn organisers_resend_invitations_seat_and_unseat_jurors_and_the_log_says_so() {
    for backend in BACKENDS {
        let portal = TestPortal::start(backend, open_clock()).await;
        let mut organiser = portal.logged_in("org@vitalis.se", Role::Organiser, None).await;
        let invite = [
            ("name", "Jonna Jury"),
            ("email", "jonna@inera.se"),
            ("role", "jurymedlem"),
            ("round", "ehalsokommun-2027"),
        ];
        organiser.post("/arrangor/personer", "/api/invite", &invite, true).await;
        let first = invitation_links(&portal, "jonna@inera.se").await.remove(0);

        let resent =
            organiser.post("/arrangor/personer", "/api/resend_invitation", &[("email", "jonna@inera.se")], true).await;
        assert_eq!(resent.location().as_deref(), Some("/arrangor/personer?klart=inbjudan-igen"), "{backend:?}");
        let links = invitation_links(&portal, "jonna@inera.se").await;
        assert_eq!(links.len(), 2, "{backend:?}: the invitation went out again");
        let second = links.into_iter().find(|l| *l != first).expect("a new link");
        let mut jonna = portal.browser();
        assert!(
            jonna.get(&first).await.body.contains("Inbjudan gäller inte längre"),
            "{backend:?}: the old link is dead"
        );
        let token = second.trim_start_matches("/inbjudan/");
        let fields = [("token", token), ("name", "Jonna Jury"), ("phone", ""), ("password", crate::common::PASSWORD)];
        let accepted = jonna.submit(&second, "/api/accept_invitation", &fields).await;
        assert_eq!(
            accepted.location().as_deref(),
            Some("/logga-in?klart=konto-skapat"),
            "{backend:?}: {}",
            accepted.body
        );
        let mut jonna = crate::jury::log_in_at(&portal, &portal.base_url, "jonna@inera.se").await;
        assert!(!jonna.get("/jury").await.body.contains("Du sitter inte i juryn"), "{backend:?}");

        // Taken off the jury: the list is gone for her; put back, it returns.
        let id: String = sqlx::query("SELECT id FROM users WHERE email = 'jonna@inera.se'")
            .fetch_one(portal.db.pool())
            .await
            .unwrap()
            .get(0);
        let seat = |seat| [("user", id.clone()), ("round", "ehalsokommun-2027".to_owned()), ("seat", seat)];
        let off = seat("nej".to_owned());
        let off: Vec<(&str, &str)> = off.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let answer = organiser.post("/arrangor/personer", "/api/set_jury_seat", &off, true).await;
        assert_eq!(answer.location().as_deref(), Some("/arrangor/personer?klart=ur-juryn"), "{backend:?}");
        assert!(jonna.get("/jury").await.body.contains("Du sitter inte i juryn"), "{backend:?}");
        let on = seat("ja".to_owned());
        let on: Vec<(&str, &str)> = on.iter().map(|(k, v)| (*k, v.as_str())).collect();
        organiser.post("/arrangor/personer", "/api/set_jury_seat", &on, true).await;
        assert!(!jonna.get("/jury").await.body.contains("Du sitter inte i juryn"), "{backend:?}");

        // A reminder now to the kommuner with a draft: Kalmar's, not Nacka's submitted one.
        let mut kalmar = portal.logged_in("anna@kalmar.se", Role::Applicant, Some("0880")).await;
        crate::applying::open_application(&mut kalmar).await;
        submitted_application(&portal, "nils@nacka.se", "0182", "Nacka bygger.").await;
        let reminded = organiser.post("/arrangor/ansokningar", "/api/remind_drafts", &[], true).await;
        assert_eq!(
            reminded.location().as_deref(),
            Some("/arrangor/ansokningar?klart=paminnelse-skickad"),
            "{backend:?}"
        );
        let reminders = |subjects: Vec<String>| subjects.iter().filter(|s| s.starts_with("Påminnelse")).count();
        assert_eq!(reminders(portal.mail_subjects("anna@kalmar.se").await), 1, "{backend:?}");
        assert_eq!(reminders(portal.mail_subjects("nils@nacka.se").await), 0, "{backend:?}");

        let log = organiser.get("/arrangor/logg").await.body;
        for line in [
            "Skickade en påminnelse till 1 kommun med en ansökan som inte är inskickad",
            "Bjöd in Jonna Jury (jonna@inera.se) som jurymedlem",
            "Skickade inbjudan till Jonna Jury (jonna@inera.se) igen",
            "Jonna Jury (jonna@inera.se) tog emot inbjudan som jurymedlem",
            "Tog bort Jonna Jury (jonna@inera.se) ur juryn för Sveriges eHälsokommun 2027",
            "Satte Jonna Jury (jonna@inera.se) i juryn för Sveriges eHälsokommun 2027",
        ] {
            assert!(log.contains(line), "{backend:?}: «{line}» in the log");
        }
        // Only organisers change a jury.
        let refused = jonna.post("/jury", "/api/set_jury_seat", &off, true).await;
        assert_ne!(refused.status, 303, "{backend:?}: {}", refused.status);
        assert!(
            sqlx::query("SELECT 1 FROM jury_assignments WHERE user_id = $1")
                .bind(&id)
                .fetch_optional(portal.db.pool())
                .await
                .unwrap()
                .is_some()
        );

        // Access taken away: her session ends at once, her password no longer lets her in,
        // mail still waiting for her is dropped, and no reset link goes out.
        let waiting = |portal: &TestPortal| {
            let pool = portal.db.pool().clone();
            async move {
                sqlx::query("SELECT COUNT(*) FROM mail_queue WHERE recipient = 'jonna@inera.se' AND sent_at IS NULL")
                    .fetch_one(&pool)
                    .await
                    .unwrap()
                    .get::<i64, _>(0)
            }
        };
        assert!(waiting(&portal).await > 0, "{backend:?}: her invitations wait in the queue");
        let removed = organiser.post("/arrangor/personer", "/api/remove_access", &[("user", &id)], true).await;
        assert_eq!(removed.location().as_deref(), Some("/arrangor/personer?klart=atkomst-borttagen"), "{backend:?}");
        assert_eq!(waiting(&portal).await, 0, "{backend:?}");
        let twice = organiser.post("/arrangor/personer", "/api/remove_access", &[("user", &id)], true).await;
        assert_eq!(twice.location().as_deref(), Some("/arrangor/personer"), "{backend:?}: nothing more to do");
        let mut forgot = portal.browser();
        forgot.submit("/glomt-losenord", "/api/request_reset", &[("email", "jonna@inera.se")]).await;
        assert_eq!(waiting(&portal).await, 0, "{backend:?}: no reset link for a blocked account");
        let jury_page = jonna.get("/jury").await;
        assert_eq!(jury_page.status, 303, "{backend:?}: logged out");
        let mut again = portal.browser();
        let refused = again
            .submit("/logga-in", "/api/log_in", &[("email", "jonna@inera.se"), ("password", crate::common::PASSWORD)])
            .await;
        let back = again.follow(&refused).await.body;
        assert!(back.contains("Kontot har inte längre åtkomst till portalen."), "{backend:?}");
        let people = organiser.get("/arrangor/personer").await.body;
        assert!(people.contains("Ge åtkomst igen"), "{backend:?}");
        // Given back: she logs in again. Her own access an organiser cannot take away.
        organiser.post("/arrangor/personer", "/api/restore_access", &[("user", &id)], true).await;
        log_in_at(&portal, &portal.base_url, "jonna@inera.se").await;
        let own: String = sqlx::query("SELECT id FROM users WHERE email = 'org@vitalis.se'")
            .fetch_one(portal.db.pool())
            .await
            .unwrap()
            .get(0);
        let own = organiser.post("/arrangor/personer", "/api/remove_access", &[("user", &own)], true).await;
        assert_eq!(own.location().as_deref(), Some("/ingen-behorighet"), "{backend:?}");
        assert_eq!(organiser.get("/arrangor/personer").await.status, 200, "{backend:?}: still in");
        let log = organiser.get("/arrangor/logg").await.body;
        assert!(log.contains("Tog bort åtkomsten för Jonna Jury (jonna@inera.se)"), "{backend:?}");
        let lines: i64 = sqlx::query("SELECT COUNT(*) FROM audit_log WHERE detail LIKE 'Tog bort åtkomsten%'")
            .fetch_one(portal.db.pool())
            .await
            .unwrap()
            .get(0);
        assert_eq!(lines, 1, "{backend:?}: the second click changed nothing and logged nothing");
        assert!(log.contains("Gav Jonna Jury (jonna@inera.se) åtkomst igen"), "{backend:?}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_new_round_is_copied_as_a_draft_opens_only_after_the_last_one_and_a_round_with_applications_stays() {
    for backend in BACKENDS {
        let portal = TestPortal::start(backend, open_clock()).await;
        submitted_application(&portal, "anna@kalmar.se", "0880", "Kalmar leder.").await;
        let mut organiser = portal.logged_in("org@vitalis.se", Role::Organiser, None).await;
        let page = organiser.get("/arrangor/omgangar").await.body;
        assert!(page.contains("Sveriges eHälsokommun 2027") && page.contains(">Öppen<"), "{backend:?}");
        // eHälsokommun is given every year: the next round's year is proposed.
        assert!(page.contains("name=\"year\" value=\"2028\""), "{backend:?}: {page}");

        let copy = |year: &'static str, opens: &'static str, deadline: &'static str| {
            [
                ("source", "ehalsokommun-2027"),
                ("year", year),
                ("title", "Sveriges eHälsokommun 2028"),
                ("opens", opens),
                ("deadline", deadline),
                ("ceremony", "2028-05-10T18:00"),
                ("ceremony_place", "Svenska Mässan, Göteborg"),
            ]
        };
        // Bad input: said beside each field, everything typed kept.
        let bad = organiser
            .post("/arrangor/omgangar", "/api/copy_round", &copy("2027", "2028-04-20", "2028-04-14"), true)
            .await;
        let back = organiser.follow(&bad).await.body;
        assert!(back.contains("Utmärkelsen har redan en omgång det året."), "{backend:?}");
        assert!(back.contains("Sista ansökningsdag måste komma efter öppningsdagen."), "{backend:?}");
        assert!(back.contains("value=\"2028-04-20\""), "{backend:?}: the dates are kept");

        let made = organiser
            .post("/arrangor/omgangar", "/api/copy_round", &copy("2028", "2027-11-01", "2028-04-14"), true)
            .await;
        assert_eq!(made.location().as_deref(), Some("/arrangor/omgangar?klart=omgang-skapad"), "{backend:?}");
        let criteria: i64 = sqlx::query("SELECT COUNT(*) FROM review_criteria WHERE round_id = 'ehalsokommun-2028'")
            .fetch_one(portal.db.pool())
            .await
            .unwrap()
            .get(0);
        assert_eq!(criteria, 8, "{backend:?}: the jury's criteria carry over");
        let home = portal.browser().get("/utmarkelser/ehalsokommun").await.body;
        assert!(
            home.contains("Sveriges eHälsokommun 2027") && !home.contains("2028"),
            "{backend:?}: a draft is not public"
        );
        let again = organiser
            .post("/arrangor/omgangar", "/api/copy_round", &copy("2029", "2028-11-01", "2029-04-14"), true)
            .await;
        assert!(organiser.follow(&again).await.body.contains("En omgång förbereds redan."), "{backend:?}");

        // 2027 is running: 2028 cannot open yet, and 2027, with its applications, cannot be removed.
        let open = [("round", "ehalsokommun-2028"), ("confirm", "ja")];
        let refused = organiser.post("/arrangor/omgangar", "/api/open_round", &open, true).await;
        assert!(organiser.follow(&refused).await.body.contains("En annan omgång pågår."), "{backend:?}");
        let remove_2027 = [("round", "ehalsokommun-2027"), ("confirm_removal", "ja")];
        let refused = organiser.post("/arrangor/omgangar", "/api/delete_round", &remove_2027, true).await;
        let back = organiser.follow(&refused).await.body;
        assert!(back.contains("Omgången har ansökningar och kan inte tas bort."), "{backend:?}");

        let unconfirmed =
            organiser.post("/arrangor/omgangar", "/api/delete_round", &[("round", "ehalsokommun-2028")], true).await;
        assert!(organiser.follow(&unconfirmed).await.body.contains("Kryssa i rutan"), "{backend:?}");
        let remove = [("round", "ehalsokommun-2028"), ("confirm_removal", "ja")];
        let removed = organiser.post("/arrangor/omgangar", "/api/delete_round", &remove, true).await;
        assert_eq!(removed.location().as_deref(), Some("/arrangor/omgangar?klart=omgang-borttagen"), "{backend:?}");
        let rounds: i64 = sqlx::query("SELECT COUNT(*) FROM rounds").fetch_one(portal.db.pool()).await.unwrap().get(0);
        assert_eq!(rounds, 1, "{backend:?}");
        let log = organiser.get("/arrangor/logg").await.body;
        assert!(log.contains("Skapade Sveriges eHälsokommun 2028 i utkast, kopierad från Sveriges eHälsokommun 2027"));
        assert!(log.contains("Tog bort Sveriges eHälsokommun 2028 (utkast)"), "{backend:?}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_draft_rounds_texts_areas_criteria_jury_and_partners_are_edited_until_it_opens() {
    for backend in BACKENDS {
        let portal = TestPortal::start(backend, open_clock()).await;
        let mut organiser = portal.logged_in("org@vitalis.se", Role::Organiser, None).await;
        assert!(organiser.get("/arrangor/omgangar/utkast").await.body.contains("Ingen omgång förbereds just nu."));
        let copy = [
            ("source", "ehalsokommun-2027"),
            ("year", "2028"),
            ("title", "Sveriges eHälsokommun 2028"),
            ("opens", "2027-11-01"),
            ("deadline", "2028-04-14"),
            ("ceremony", "2028-05-10T18:00"),
            ("ceremony_place", "Svenska Mässan, Göteborg"),
        ];
        organiser.post("/arrangor/omgangar", "/api/copy_round", &copy, true).await;
        let page = organiser.get("/arrangor/omgangar/utkast").await.body;
        assert!(page.contains("value=\"2027-11-01\"") && page.contains("value=\"2028-05-10T18:00\""), "{backend:?}");
        assert!(page.contains("name=\"section_title[3]\"") && page.contains("value=\"Användning\""), "{backend:?}");

        let mut edit: Vec<(&str, &str)> = vec![
            ("round", "ehalsokommun-2028"),
            ("title", "Sveriges eHälsokommun 2028"),
            ("intro", "Utmärkelsen lyfter kommuner som tagit stora steg under året."),
            ("criteria_text", "Juryn bedömer helheten och stegen under året."),
            ("eligibility", "Alla kommuner."),
            ("contact", "Maria Sterner, Vitalis"),
            ("opens", "2027-11-01"),
            ("deadline", "2028-04-14"),
            ("ceremony", "2028-05-10T18:00"),
            ("ceremony_place", "Svenska Mässan, Göteborg"),
            ("section_slug[0]", "ledning"),
            ("section_title[0]", "Ledning och styrning"),
            ("section_guidance[0]", "Hur ledningen styr."),
            ("section_limit[0]", "8000"),
            ("section_slug[1]", "infrastruktur"),
            ("section_title[1]", "Infrastruktur"),
            ("section_guidance[1]", "Den tekniska grunden."),
            ("section_limit[1]", "6000"),
            ("section_remove[1]", "ja"),
            ("section_slug[2]", ""),
            ("section_title[2]", "Ändrat på ett år"),
            ("section_guidance[2]", "Vad är nytt sedan förra året?"),
            ("section_limit[2]", "3000"),
            ("criterion_slug[0]", ""),
            ("criterion_title[0]", "Inflytande och delaktighet"),
            ("criterion_description[0]", "Invånarnas inflytande."),
            ("jury", "Anna Andersson, ordförande, SKR\nBo Berg, Inera"),
            ("partners", "SKR\nInera"),
            ("theme", " Det nya   Sverige "),
        ];
        // Bad input: said beside each field, everything typed kept.
        let mut bad = edit.clone();
        bad[2] = ("intro", " ");
        bad[13] = ("section_limit[0]", "99");
        let back = organiser.post("/arrangor/omgangar/utkast", "/api/save_draft_round", &bad, true).await;
        assert_eq!(back.location().as_deref(), Some("/arrangor/omgangar/utkast"), "{backend:?}");
        let back = organiser.follow(&back).await.body;
        assert!(back.contains("Fyll i texten."), "{backend:?}");
        assert!(back.contains("Skriv antalet tecken som ett tal mellan 100 och 50 000."), "{backend:?}");
        assert!(back.contains("value=\"Ändrat på ett år\"") && back.contains("value=\"99\""), "{backend:?}: kept");

        let saved = organiser.post("/arrangor/omgangar/utkast", "/api/save_draft_round", &edit, true).await;
        assert_eq!(
            saved.location().as_deref(),
            Some("/arrangor/omgangar/utkast?klart=omgang-utkast-sparat"),
            "{backend:?}"
        );
        let notice = organiser.follow(&saved).await.body;
        assert!(
            notice.contains("Det syns inte för allmänheten förrän omgången öppnas."),
            "{backend:?}: the organisers' own notice"
        );
        let round = app::storage::rounds::find(&mut portal.db.conn().await.unwrap(), "ehalsokommun-2028")
            .await
            .unwrap()
            .unwrap();
        let sections: Vec<(&str, &str, u32)> =
            round.sections.iter().map(|s| (s.slug.as_str(), s.title.as_str(), s.max_chars)).collect();
        assert_eq!(
            sections,
            vec![("ledning", "Ledning och styrning", 8000), ("andrat-pa-ett-ar", "Ändrat på ett år", 3000)],
            "{backend:?}"
        );
        assert_eq!(round.intro, "Utmärkelsen lyfter kommuner som tagit stora steg under året.", "{backend:?}");
        assert_eq!(round.criteria.len(), 1, "{backend:?}");
        assert_eq!(round.jury[0].title, "ordförande, SKR", "{backend:?}");
        assert_eq!(round.partners, vec!["SKR".to_owned(), "Inera".to_owned()], "{backend:?}");
        assert_eq!(round.theme, "Det nya Sverige", "{backend:?}");
        assert!(
            !portal.browser().get("/utmarkelser/ehalsokommun").await.body.contains("Ändrat på ett år"),
            "{backend:?}: still not public"
        );

        // The jury's criteria of the draft, on the review settings page of that round.
        let settings = organiser.get("/arrangor/bedomning?omgang=ehalsokommun-2028").await.body;
        assert!(settings.contains("Sveriges eHälsokommun 2028") && !settings.contains("Stäng bedömningen"));
        let criteria = [
            ("round", "ehalsokommun-2028"),
            ("slug[0]", ""),
            ("title[0]", "Steg under året"),
            ("description[0]", "Hur långt kommunen kommit sedan förra året."),
            ("weight[0]", "2"),
            ("scale_max", "3"),
            ("labels", "Svagt\nGott\nFramstående"),
        ];
        let saved = organiser.post("/arrangor/bedomning", "/api/save_review_settings", &criteria, true).await;
        assert_eq!(
            saved.location().as_deref(),
            Some("/arrangor/bedomning?omgang=ehalsokommun-2028&klart=kriterier-sparade"),
            "{backend:?}"
        );
        let titles: Vec<String> = sqlx::query("SELECT title FROM review_criteria WHERE round_id = 'ehalsokommun-2028'")
            .fetch_all(portal.db.pool())
            .await
            .unwrap()
            .into_iter()
            .map(|r| r.get(0))
            .collect();
        assert_eq!(titles, vec!["Steg under året".to_owned()], "{backend:?}");

        // Once it has opened (here: another organiser's tab), the form is refused and nothing changes.
        sqlx::query("UPDATE rounds SET state = 'oppen' WHERE id = 'ehalsokommun-2028'")
            .execute(portal.db.pool())
            .await
            .unwrap();
        app::storage::rounds::changed(&mut portal.db.conn().await.unwrap()).await.unwrap();
        let call = portal.browser().get("/utmarkelser/ehalsokommun").await.body;
        assert!(call.contains("Årets tema: <strong lang=\"sv\">Det nya Sverige</strong>"), "{backend:?}: {call}");
        edit[2] = ("intro", "För sent ändrad.");
        let late = organiser.post("/arrangor/omgangar/utkast", "/api/save_draft_round", &edit, true).await;
        assert!(organiser.follow(&late).await.body.contains("Omgången har öppnats och kan inte längre ändras här."));
        // 2027 is now a past round: its settings are not open for change through the address.
        let past = organiser.get("/arrangor/bedomning?omgang=ehalsokommun-2027").await.body;
        assert!(past.contains("Det finns ingen") && !past.contains("name=\"scale_max\""), "{backend:?}");
        let round = app::storage::rounds::find(&mut portal.db.conn().await.unwrap(), "ehalsokommun-2028")
            .await
            .unwrap()
            .unwrap();
        assert_ne!(round.intro, "För sent ändrad.", "{backend:?}");
        assert!(organiser.get("/arrangor/logg").await.body.contains("Ändrade utkastet Sveriges eHälsokommun 2028"));
    }
}

/// Three kommuner apply, one juror reviews, and the organiser decides: Kalmar
/// wins, Nacka is a finalist, Umeå is not chosen. The organiser, on the clock
/// after the deadline, is returned.
async fn decided_round(portal: &TestPortal) -> Browser {
    let (kalmar, nacka, _) = three_submitted(portal).await;
    portal.logged_in("hard@skr.se", Role::Juror, None).await;
    portal.logged_in("org@vitalis.se", Role::Organiser, None).await;
    let later = portal.at(review_clock()).await;
    let mut organiser = log_in_at(portal, &later, "org@vitalis.se").await;
    start_review(&mut organiser).await;
    let mut juror = log_in_at(portal, &later, "hard@skr.se").await;
    let choices = [
        (kalmar.as_str(), "vinnare", "Modigt och genomfört."),
        (nacka.as_str(), "nominerad", "Stora steg under året."),
    ];
    decide(&mut organiser, &mut [&mut juror], &choices).await;
    let decided = step(&mut organiser, "bedomning", "beslutad", true).await;
    assert_eq!(decided.location().as_deref(), Some("/arrangor/omgang?klart=steg-taget"));
    organiser
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn under_embargo_the_winner_page_and_every_outcome_mail_go_out_at_the_ceremony_not_a_second_before() {
    use app::{state::Clock, storage::mail_queue};
    let at = |s: &str| -> chrono::DateTime<chrono::Utc> { s.parse().unwrap() };
    for backend in BACKENDS {
        let portal = TestPortal::start(backend, open_clock()).await;
        let mut organiser = decided_round(&portal).await;
        let announce = |embargo: &'static str| {
            [("from", "beslutad"), ("to", "offentliggjord"), ("confirm", "ja"), ("embargo", embargo)]
        };
        // The step form offers the ceremony as the embargo; a time that has passed, or is no time, is
        // refused with the text kept.
        let form = organiser.get("/arrangor/omgang").await.body;
        assert!(form.contains("Embargo till (datum och klockslag, frivilligt)"), "{backend:?}");
        assert!(form.contains("value=\"2027-05-12T18:00\""), "{backend:?}: the ceremony, 12 May 18.00");
        for (typed, message) in [
            ("2027-04-15T18:00", "Embargotiden har redan passerat."),
            ("12 maj kväll", "Ange embargotiden som datum och klockslag"),
        ] {
            let refused = organiser.post("/arrangor/omgang", "/api/step_round", &announce(typed), true).await;
            let back = organiser.follow(&refused).await.body;
            assert!(back.contains(message) && back.contains(&format!("value=\"{typed}\"")), "{backend:?}: {typed}");
        }

        // Announced on 16 April under embargo until the ceremony, 12 May 18.00 Swedish time (16.00 UTC).
        let done = organiser.post("/arrangor/omgang", "/api/step_round", &announce("2027-05-12T18:00"), true).await;
        assert_eq!(done.location().as_deref(), Some("/arrangor/omgang?klart=steg-taget"), "{backend:?}");
        let page = organiser.get("/arrangor/omgang").await.body;
        assert!(page.contains("Beslutet ligger under embargo till 12 maj 2027 kl. 18.00. Då syns det på webbplatsen och alla kommuner som ansökt får sitt besked med e-post, av sig självt. Ingen har fått besked ännu."), "{backend:?}");
        let log = organiser.get("/arrangor/logg").await.body;
        assert!(log.contains("Beslutad → Offentliggjord, under embargo till 12 maj 2027 kl. 18.00"), "{backend:?}");

        // Every kommun's mail is due at the minute: the chosen first, the others a second later.
        let due: Vec<(String, String)> =
            sqlx::query("SELECT recipient, next_attempt_at FROM mail_queue WHERE subject LIKE '%juryns beslut'")
                .fetch_all(portal.db.pool())
                .await
                .unwrap()
                .iter()
                .map(|r| (r.get(0), r.get(1)))
                .collect();
        let of = |who: &str| due.iter().find(|(to, _)| to == who).map(|(_, at)| at.clone()).expect("queued");
        assert_eq!(of("anna@kalmar.se"), "2027-05-12T16:00:00Z", "{backend:?}");
        assert_eq!(of("nils@nacka.se"), "2027-05-12T16:00:00Z", "{backend:?}");
        assert_eq!(of("ulla@umea.se"), "2027-05-12T16:00:01Z", "{backend:?}");
        let kalmar_text = outcome_mail(&portal, "anna@kalmar.se").await.unwrap();
        assert!(kalmar_text.contains("Grattis! Kalmar har vunnit") && kalmar_text.contains("Modigt och genomfört."));

        // The mail worker's claim: nothing a second before the minute, the winner's at it.
        let lease = chrono::Duration::seconds(60);
        let claimed = |at: &'static str| {
            let db = portal.db.clone();
            async move {
                mail_queue::claim_due(&mut db.conn().await.unwrap(), at.parse().unwrap(), lease, 100)
                    .await
                    .unwrap()
                    .into_iter()
                    .filter(|q| q.mail.subject.ends_with("juryns beslut"))
                    .map(|q| q.mail.to)
                    .collect::<Vec<String>>()
            }
        };
        assert_eq!(claimed("2027-05-12T15:59:59Z").await, Vec::<String>::new(), "{backend:?}");
        let first = claimed("2027-05-12T16:00:00Z").await;
        assert!(first.contains(&"anna@kalmar.se".to_owned()) && !first.contains(&"ulla@umea.se".to_owned()));
        assert_eq!(claimed("2027-05-12T16:00:01Z").await, vec!["ulla@umea.se".to_owned()], "{backend:?}");

        // The public: nothing at 17.59.59, everything at 18.00.
        for (clock, public) in [("2027-05-12T15:59:59Z", false), ("2027-05-12T16:00:00Z", true)] {
            let url = portal.at(Clock::Fixed(at(clock))).await;
            let mut visitor = portal.browser().at(&url);
            let winners = visitor.get("/utmarkelser/ehalsokommun/vinnare").await.body;
            assert_eq!(winners.contains("Modigt och genomfört."), public, "{backend:?} at {clock}");
            assert_eq!(winners.contains(">2027<"), public, "{backend:?} at {clock}: the archive too");
            assert_eq!(
                visitor.get("/utmarkelser/ehalsokommun").await.body.contains("Läs juryns motiveringar"),
                public,
                "{backend:?} {clock}"
            );
        }
    }
}
