//! The kommun's context, on SQLite and PostgreSQL: the organiser imports the
//! population from a CSV file (a bad row refuses the whole file and is
//! reported; a new import replaces the figures), and the jury reads the
//! kommun's län and population, its application last year and what changed
//! since, which applicants, anonymous visitors and jurors with jäv never see.

use crate::{
    applying::complete,
    common::{BACKENDS, Browser, TestPortal, readable},
    jury::{log_in_at, open_clock, review_clock, start_review, submitted_application},
};
use app::{
    domain::{account::Role, application::Status, kommun::Kommunkod, population::Population},
    storage::{
        applications::{self, Writer},
        population::{self, Import},
        rounds, seed, submissions,
    },
};
use sqlx::Row;

const PAGE: &str = "/arrangor/kommuner";

async fn import(organiser: &mut Browser, year: &str, source: &str, file: &[u8]) -> crate::common::Answer {
    organiser.get(PAGE).await;
    organiser
        .upload(
            PAGE,
            "/api/import_population",
            &[("year", year), ("source", source)],
            ("fil", "folkmangd.csv", file),
            true,
        )
        .await
}

async fn figure(portal: &TestPortal, kod: &str) -> Option<(i64, i64, String)> {
    sqlx::query("SELECT population, year, source FROM kommun_population WHERE kommun_kod = $1")
        .bind(kod)
        .fetch_optional(portal.db.pool())
        .await
        .unwrap()
        .map(|r| (r.get("population"), r.get("year"), r.get("source")))
}

async fn count(portal: &TestPortal, sql: &str) -> i64 {
    sqlx::query(sql).fetch_one(portal.db.pool()).await.unwrap().get(0)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_organiser_imports_the_population_all_or_nothing_and_again() {
    for backend in BACKENDS {
        let portal = TestPortal::start(backend, open_clock()).await;
        let mut organiser = portal.logged_in("org@vitalis.se", Role::Organiser, None).await;
        let page = organiser.get(PAGE).await;
        assert_eq!(page.status, 200, "{backend:?}");
        assert!(page.body.contains("Ingen folkmängd är importerad ännu.") && page.body.contains("Upplands Väsby"));
        assert!(page.body.contains(r#"enctype="multipart/form-data""#), "{backend:?}: a file form without JavaScript");

        // Two bad rows: nothing is imported, and each is reported by its line.
        let bad = "Kommunkod;Kommun;Folkmängd\n0880;Kalmar;71 930\n9999;Okänd;5\n0180;Stockholm;många\n";
        let answer = import(&mut organiser, "2023", "SCB", bad.as_bytes()).await;
        assert_eq!(answer.location().as_deref(), Some(PAGE), "{backend:?}: {}", answer.body);
        let back = readable(&organiser.follow(&answer).await.body);
        assert!(back.contains("2 rader i filen är felaktiga, så ingenting importerades."), "{backend:?}: {back}");
        assert!(back.contains("Rad 3: 9999 är inte kommunkoden för någon av Sveriges 290 kommuner."), "{backend:?}");
        assert!(back.contains("Rad 4: folkmängden ”många” är inte ett heltal."), "{backend:?}");
        assert!(back.contains(r#"value="SCB""#) && back.contains(r#"value="2023""#), "{backend:?}: typed text kept");
        assert_eq!(count(&portal, "SELECT COUNT(*) FROM kommun_population").await, 0, "{backend:?}");

        // A file upload without the CSRF field is refused like any forged form.
        organiser.get(PAGE).await;
        let forged = organiser
            .upload(
                PAGE,
                "/api/import_population",
                &[("year", "2023"), ("source", "SCB")],
                ("fil", "f.csv", b"a;b\n0880;1\n"),
                false,
            )
            .await;
        assert_eq!(forged.status, 403, "{backend:?}");

        // SCB's region form, with a byte order mark and the country's row.
        let scb = "\u{feff}\"region\";\"2023\"\n\"00 Riket\";\"10 551 707\"\n\"0880 Kalmar\";\"71 930\"\n\"0180 Stockholm\";\"984 748\"\n";
        let answer = import(&mut organiser, "2023", "SCB, folkmängd 31 december 2023", scb.as_bytes()).await;
        assert_eq!(answer.location().as_deref(), Some("/arrangor/kommuner?klart=folkmangd-importerad"), "{backend:?}");
        let page = readable(&organiser.follow(&answer).await.body);
        assert!(page.contains("Folkmängden är importerad."), "{backend:?}");
        assert!(page.contains("71\u{a0}930") && page.contains("för 2 kommuner"), "{backend:?}: {page}");
        assert_eq!(figure(&portal, "0880").await, Some((71930, 2023, "SCB, folkmängd 31 december 2023".into())));
        let logged =
            "SELECT COUNT(*) FROM audit_log WHERE action = 'folkmangd-import' AND detail LIKE '%2 kommuner (1 rader%'";
        assert_eq!(count(&portal, logged).await, 1, "{backend:?}: the import is in the log");

        // Again, a year later, with the zero Excel dropped: Kalmar is replaced, Stockholm keeps its figure.
        let answer = import(&mut organiser, "2024", "SCB 2024", b"kod;folkm\xe4ngd\n880;72 100\n").await;
        assert_eq!(answer.location().as_deref(), Some("/arrangor/kommuner?klart=folkmangd-importerad"), "{backend:?}");
        assert_eq!(figure(&portal, "0880").await, Some((72100, 2024, "SCB 2024".into())), "{backend:?}");
        assert_eq!(figure(&portal, "0180").await.map(|f| f.1), Some(2023), "{backend:?}");

        // Over the portal's 1 MiB: refused before anything reads it, with a Swedish page.
        let huge = vec![b'1'; 1_100_000];
        let answer = import(&mut organiser, "2024", "SCB", &huge).await;
        assert_eq!(answer.status, 413, "{backend:?}");
        assert!(answer.body.contains("Filen är för stor") && answer.body.contains(r#"href="/arrangor/kommuner""#));

        // Only organisers import.
        let mut applicant = portal.logged_in("anna@kalmar.se", Role::Applicant, Some("0880")).await;
        applicant.get("/").await;
        let refused = applicant
            .upload(
                "/",
                "/api/import_population",
                &[("year", "2023"), ("source", "x")],
                ("fil", "f.csv", b"a;b\n0880;1\n"),
                true,
            )
            .await;
        assert_eq!(refused.status, 403, "{backend:?}");
        assert_eq!(applicant.get(PAGE).await.status, 403, "{backend:?}");
        assert_eq!(figure(&portal, "0880").await.map(|f| f.0), Some(72100), "{backend:?}");
    }
}

/// The kommun's application to last year's round (the round made as the demo
/// makes it), submitted twice (the second time with `anvandning`) or left as a
/// draft; its id.
async fn last_years(portal: &TestPortal, kommun: &str, email: &str, anvandning: &str, submit: bool) -> String {
    let db = &portal.db;
    let current = rounds::find(&mut db.conn().await.unwrap(), "ehalsokommun-2027").await.unwrap().unwrap();
    let mut tx = db.begin_write().await.unwrap();
    let round = seed::year_before(&mut tx, &current).await.unwrap();
    tx.commit().await.unwrap();
    let at = round.deadline.last_minute_utc() - chrono::Duration::days(3);
    let user_id = portal.create_user(email, Role::Applicant, Some(kommun)).await;
    let writer = Writer { user_id: &user_id, name: "Förra sökande" };
    let application = applications::open(&mut db.conn().await.unwrap(), &round.id, kommun, at).await.unwrap();
    let mut parts: Vec<(String, String)> =
        complete("Kalmar leder med invånarna.").iter().map(|(p, t, _)| (p.to_string(), t.to_string())).collect();
    parts.retain(|(p, _)| p != "anvandning");
    parts.push(("anvandning".into(), anvandning.into()));
    let mut tx = db.begin_write().await.unwrap();
    applications::lock(&mut tx, &application.id, at).await.unwrap();
    for (part, text) in &parts {
        applications::save_part(&mut tx, &application.id, part, 0, text, &writer, at).await.unwrap();
    }
    if submit {
        let first: Vec<(String, String)> = parts
            .iter()
            .map(|(p, t)| (p.clone(), if p == "anvandning" { "En första version.".into() } else { t.clone() }))
            .collect();
        for (number, parts) in [(1, &first), (2, &parts)] {
            let new = submissions::NewSubmission {
                application_id: &application.id,
                number,
                reference: &format!("EH-2026-TEST-{number}"),
                request_key: &format!("test-{number}"),
                user_id: &user_id,
                user_name: "Förra sökande",
                at,
                parts,
            };
            submissions::insert(&mut tx, &new).await.unwrap();
        }
        applications::set_status(&mut tx, &application.id, Status::Submitted).await.unwrap();
    }
    tx.commit().await.unwrap();
    application.id
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_jury_reads_the_kommuns_population_history_and_changes_unless_jav() {
    for backend in BACKENDS {
        let portal = TestPortal::start(backend, open_clock()).await;
        let earlier = last_years(&portal, "0880", "forra@kalmar.se", "Digitala tillsynsbesök i 40 hem.", true).await;
        let nacka_earlier = last_years(&portal, "0182", "forra@nacka.se", "Nacka förra året.", true).await;
        let kalmar = submitted_application(&portal, "anna@kalmar.se", "0880", "Kalmar leder med invånarna.").await;
        // Umeå began last year but never submitted: this year's application has no history.
        last_years(&portal, "2480", "forra@umea.se", "Ett utkast.", false).await;
        let umea = submitted_application(&portal, "ulla@umea.se", "2480", "Umeå prövar.").await;
        let kommun = Kommunkod::parse("0880").unwrap();
        let import = Import { year: 2023, source: "SCB", at: chrono::Utc::now(), user_id: None, user_name: "Test" };
        let mut tx = portal.db.begin_write().await.unwrap();
        population::replace(&mut tx, &[Population { kod: kommun, population: 71930 }], import).await.unwrap();
        tx.commit().await.unwrap();

        portal.logged_in("anna.juror@skr.se", Role::Juror, None).await;
        portal.logged_in("bert.juror@inera.se", Role::Juror, None).await;
        portal.logged_in("cilla.juror@rkl.se", Role::Juror, None).await;
        portal.logged_in("org@vitalis.se", Role::Organiser, None).await;
        let later = portal.at(review_clock()).await;
        let mut organiser = log_in_at(&portal, &later, "org@vitalis.se").await;
        start_review(&mut organiser).await;
        let mut anna = log_in_at(&portal, &later, "anna.juror@skr.se").await;

        let reading = format!("/jury/ansokan/{kalmar}");
        let changes = format!("{reading}/forandringar");
        let earlier_page = format!("{reading}/tidigare/{earlier}");

        // The reading view: län, population with year and source, last year's application.
        let page = readable(&anna.get(&reading).await.body);
        assert!(page.contains("Om kommunen") && page.contains("Kalmar län"), "{backend:?}: {page}");
        assert!(page.contains("71\u{a0}930 invånare (2023)") && page.contains("Källa: SCB"), "{backend:?}");
        assert!(page.contains(&format!(r#"href="{earlier_page}""#)), "{backend:?}");
        assert!(page.contains("Sveriges eHälsokommun 2026") && page.contains("Vad har ändrats sedan 2026"));

        // Last year's text as submitted, and what changed since, word by word.
        let old = anna.get(&earlier_page).await;
        assert_eq!(old.status, 200, "{backend:?}");
        // The latest of last year's submissions, as with this year's.
        let old = readable(&old.body);
        assert!(old.contains("Digitala tillsynsbesök i 40 hem.") && old.contains("EH-2026-TEST-2"), "{backend:?}");
        assert!(!old.contains("En första version."), "{backend:?}");
        let diff = anna.get(&changes).await;
        assert_eq!(diff.status, 200, "{backend:?}");
        let diff = readable(&diff.body);
        assert!(diff.contains("Kalmar: vad har ändrats sedan 2026"), "{backend:?}: {diff}");
        assert!(diff.contains("[borttaget:] </span>40<"), "{backend:?}: {diff}");
        assert!(diff.contains("[tillagt:] </span>400<"), "{backend:?}: {diff}");
        assert!(diff.contains("1 ord tillagda, 1 ord borttagna.") && diff.contains("Oförändrat sedan 2026."));

        let umea_page = readable(&anna.get(&format!("/jury/ansokan/{umea}")).await.body);
        assert!(umea_page.contains("Västerbottens län") && umea_page.contains("Inte importerad"), "{backend:?}");
        assert!(umea_page.contains("Kommunen har inte skickat in någon ansökan i en tidigare omgång."), "{backend:?}");
        assert_eq!(anna.get(&format!("/jury/ansokan/{umea}/forandringar")).await.status, 404, "{backend:?}");

        // Another kommun's earlier application is not reached through Kalmar's.
        assert_eq!(anna.get(&format!("{reading}/tidigare/{nacka_earlier}")).await.status, 404, "{backend:?}");

        // A juror with declared jäv for Kalmar sees nothing of its context or history.
        let mut bert = log_in_at(&portal, &later, "bert.juror@inera.se").await;
        let declared = bert
            .post(
                "/jury/jav",
                "/api/declare_conflict",
                &[("round", "ehalsokommun-2027"), ("kommun", "Kalmar"), ("reason", "Anställd")],
                true,
            )
            .await;
        assert!(declared.status == 303, "{backend:?}");
        assert!(!bert.get(&reading).await.body.contains("Om kommunen"), "{backend:?}");
        for path in [&changes, &earlier_page] {
            assert_eq!(bert.get(path).await.status, 403, "{backend:?}: {path}");
        }
        // Asked by the page's script (no HTML wanted), the server function says the same.
        let (status, _, _) = bert.download(&format!("/api/changes_since?application={kalmar}")).await;
        assert_eq!(status, 403, "{backend:?}");
        // So does one whose employer points to a probable jäv not yet answered.
        let mut cilla = log_in_at(&portal, &later, "cilla.juror@rkl.se").await;
        let employer = [("employer_kind", "region"), ("employer_region", "08")];
        cilla.post("/jury/jav", "/api/save_employer", &employer, true).await;
        assert_eq!(cilla.get(&changes).await.status, 403, "{backend:?}");
        let (status, _, _) =
            cilla.download(&format!("/api/earlier_application?application={kalmar}&earlier={earlier}")).await;
        assert_eq!(status, 403, "{backend:?}");

        // Applicants and anonymous visitors are refused; organisers read it.
        let mut applicant = log_in_at(&portal, &later, "anna@kalmar.se").await;
        assert_eq!(applicant.get(&changes).await.status, 403, "{backend:?}");
        let (status, _, _) = applicant.download(&format!("/api/kommun_context?application={kalmar}")).await;
        assert_eq!(status, 403, "{backend:?}");
        let mut anonymous = portal.browser().at(&later);
        let refused = anonymous.get(&changes).await;
        assert!(refused.status == 303 && refused.location().is_some_and(|l| l.starts_with("/logga-in")));
        let api = portal.get(&format!("/api/changes_since?application={kalmar}")).await;
        assert_eq!(api.status().as_u16(), 401, "{backend:?}");
        assert_eq!(organiser.get(&changes).await.status, 200, "{backend:?}");
    }
}
