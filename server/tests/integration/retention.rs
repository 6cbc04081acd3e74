//! Gallring and the privacy notice through the real portal, on SQLite and
//! PostgreSQL, on fixed clocks: nothing goes before its date; at the date the
//! dry run lists exactly what the run then removes, and the run logs it;
//! winners and accounts still in use are kept; a second run does nothing; only
//! organisers set the periods; the notice states them and covers every table.

use crate::{
    applying::{open_application, save},
    common::{BACKENDS, Backend, TestDb, TestPortal, open},
    jury::{log_in_at, open_clock, three_submitted},
};
use app::{
    domain::{
        account::Role,
        privacy::unaccounted,
        retention::{ANONYMISED, Item, PORTAL_ACTOR, Step},
    },
    retention::{dry_run, run_due},
    state::Clock,
    storage::audit::{self, Actor},
};
use chrono::{DateTime, Utc};
use sqlx::Row;

const ROUND: &str = "ehalsokommun-2027";
const ANNOUNCED: &str = "2027-05-14T08:00:00Z";
const BASE: &str = "http://portal.test";

fn at(text: &str) -> DateTime<Utc> {
    text.parse().unwrap()
}

async fn exec(portal: &TestPortal, sql: &str, binds: &[&str]) {
    let query = binds.iter().fold(sqlx::query(sql), |q, b| q.bind(b.to_string()));
    query.execute(portal.db.pool()).await.unwrap();
}

async fn texts(portal: &TestPortal, sql: &str, binds: &[&str]) -> Vec<String> {
    let query = binds.iter().fold(sqlx::query(sql), |q, b| q.bind(b.to_string()));
    query.fetch_all(portal.db.pool()).await.unwrap().iter().map(|r| r.get::<String, _>(0)).collect()
}

async fn count(portal: &TestPortal, sql: &str, binds: &[&str]) -> i64 {
    let query = binds.iter().fold(sqlx::query(sql), |q, b| q.bind(b.to_string()));
    query.fetch_one(portal.db.pool()).await.unwrap().get::<i64, _>(0)
}

fn of_round(items: &[Item]) -> Vec<(Step, u64, Vec<String>)> {
    items.iter().filter(|i| i.round.is_some()).map(|i| (i.step, i.count, i.names.clone())).collect()
}

/// A round of 2027 announced with Kalmar the winner; Nacka and Umeå submitted
/// without an outcome, Stockholm's draft never submitted; a juror of 2027 only,
/// and one who also sits on the 2028 round that is not announced.
async fn announced_round(portal: &TestPortal) -> (String, String) {
    let (kalmar, nacka, _umea) = three_submitted(portal).await;
    let mut stockholm = portal.logged_in("sara@stockholm.se", Role::Applicant, Some("0180")).await;
    let draft = open_application(&mut stockholm).await;
    save(&mut stockholm, &draft, &[("ledning", "Vi har börjat.", 0)], "save").await;
    portal.logged_in("juror@skr.se", Role::Juror, None).await;
    portal.logged_in("later@inera.se", Role::Juror, None).await;
    portal.logged_in("org@vitalis.se", Role::Organiser, None).await;
    exec(
        portal,
        "INSERT INTO rounds (id, award_id, year, title, intro, criteria_text, eligibility, opens_at, deadline_at, \
         ceremony_at, ceremony_place, contact, created_at, state) SELECT 'ehalsokommun-2028', award_id, 2028, \
         'Sveriges eHälsokommun 2028', intro, criteria_text, eligibility, opens_at, deadline_at, ceremony_at, \
         ceremony_place, contact, created_at, 'utkast' FROM rounds WHERE id = $1",
        &[ROUND],
    )
    .await;
    exec(
        portal,
        "INSERT INTO jury_assignments (round_id, user_id) SELECT 'ehalsokommun-2028', id FROM users WHERE email = $1",
        &["later@inera.se"],
    )
    .await;
    for (id, application) in [("r1", &kalmar), ("r2", &nacka)] {
        exec(
            portal,
            "INSERT INTO reviews (id, application_id, user_id, private_note, jury_comment, version, updated_at) \
             SELECT $1, $2, id, 'Min egen anteckning', 'Stark ansökan', 1, $3 FROM users WHERE email = 'juror@skr.se'",
            &[id, application, "2027-04-20T10:00:00Z"],
        )
        .await;
    }
    exec(
        portal,
        "INSERT INTO decisions (round_id, application_id, outcome, decided_by_name, decided_at) \
         VALUES ($1, $2, 'vinnare', 'Olga Organisatör', $3)",
        &[ROUND, &kalmar, ANNOUNCED],
    )
    .await;
    exec(
        portal,
        "INSERT INTO motivation_versions (round_id, application_id, version, text, written_by_name, written_at) \
         VALUES ($1, $2, 1, 'Kalmar sätter invånarna först.', 'Olga Organisatör', $3)",
        &[ROUND, &kalmar, ANNOUNCED],
    )
    .await;
    exec(
        portal,
        "INSERT INTO motivation_signoffs (round_id, application_id, user_id, version, signed_at) \
         SELECT $1, $2, id, 1, $3 FROM users WHERE email = 'juror@skr.se'",
        &[ROUND, &kalmar, ANNOUNCED],
    )
    .await;
    exec(portal, "UPDATE rounds SET state = 'offentliggjord', published_at = $1 WHERE id = $2", &[ANNOUNCED, ROUND])
        .await;
    // Written beside the portal: the counter tells it the round changed (`rounds::CurrentRounds`).
    app::storage::rounds::changed(&mut portal.db.conn().await.unwrap()).await.unwrap();
    let mut tx = portal.db.begin_write().await.unwrap();
    let actor = Actor { user_id: None, name: "Olga Organisatör" };
    audit::record(&mut tx, actor, Some(ROUND), "inbjudan", "Bjöd in Jens Jury (jens@skr.se)", at(ANNOUNCED))
        .await
        .unwrap();
    tx.commit().await.unwrap();
    (kalmar, nacka)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_run_removes_exactly_what_the_dry_run_lists_when_it_is_due_and_keeps_winners_and_accounts_in_use() {
    for backend in BACKENDS {
        let portal = TestPortal::start(backend, open_clock()).await;
        let (kalmar, nacka) = announced_round(&portal).await;

        // A minute before the year has passed nothing of the round goes.
        let before = at("2028-05-14T07:59:00Z");
        assert_eq!(of_round(&dry_run(&portal.db, before).await.unwrap()), vec![], "{backend:?}");
        let early = run_due(&portal.db, BASE, before).await.unwrap();
        assert!(early.iter().all(|i| i.round.is_none()), "{backend:?}: {early:?}");
        assert_eq!(count(&portal, "SELECT COUNT(*) FROM applications", &[]).await, 4, "{backend:?}");

        // At the date: the dry run, on the organisers' page too, then the run doing exactly that.
        let due = at("2028-05-14T08:00:00Z");
        let listed = dry_run(&portal.db, due).await.unwrap();
        assert_eq!(
            of_round(&listed),
            vec![
                (Step::Drafts, 1, vec!["Stockholm".to_owned()]),
                (Step::Unsuccessful, 2, vec!["Nacka".to_owned(), "Umeå".to_owned()]),
            ],
            "{backend:?}"
        );
        let later = portal.at(Clock::Fixed(due)).await;
        let mut organiser = log_in_at(&portal, &later, "org@vitalis.se").await;
        let page = organiser.get("/arrangor/gallring").await;
        assert_eq!(page.status, 200, "{backend:?}");
        assert!(page.body.contains("Inskickade ansökningar utan utmärkelse"), "{backend:?}");
        assert!(page.body.contains("Nacka, Umeå"), "{backend:?}");
        assert_eq!(count(&portal, "SELECT COUNT(*) FROM applications", &[]).await, 4, "{backend:?}: dry");

        // Two portals on one database run at the same moment: one removes, the other finds nothing.
        let listed = dry_run(&portal.db, due).await.unwrap();
        let (first, second) = tokio::join!(run_due(&portal.db, BASE, due), run_due(&portal.db, BASE, due));
        let (first, second) = (first.unwrap(), second.unwrap());
        let removed = if first.is_empty() {
            second
        } else {
            assert_eq!(second, vec![], "{backend:?}");
            first
        };
        assert_eq!(removed, listed, "{backend:?}: the run does what the dry run said");
        assert_eq!(texts(&portal, "SELECT id FROM applications", &[]).await, vec![kalmar.clone()], "{backend:?}");
        assert_eq!(count(&portal, "SELECT COUNT(*) FROM reviews WHERE application_id = $1", &[&nacka]).await, 0);
        assert_eq!(count(&portal, "SELECT COUNT(*) FROM reviews WHERE application_id = $1", &[&kalmar]).await, 1);
        // The early run removed the ended sessions; this one the applications.
        let logged = texts(
            &portal,
            "SELECT detail FROM audit_log WHERE action = 'gallring' AND at = $1",
            &[&due.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)],
        )
        .await;
        assert_eq!(logged.len(), 1, "{backend:?}");
        assert!(logged[0].contains("Nacka, Umeå") && logged[0].contains("Stockholm"), "{backend:?}: {}", logged[0]);
        assert_eq!(count(&portal, "SELECT COUNT(*) FROM retention_runs", &[]).await, 2, "{backend:?}");
        let history = organiser.get("/arrangor/gallring").await.body;
        assert!(history.contains("Tidigare gallringar") && history.contains("Nacka, Umeå"), "{backend:?}");
        assert_eq!(run_due(&portal.db, BASE, due).await.unwrap(), vec![], "{backend:?}: twice is a no-op");
        assert_eq!(count(&portal, "SELECT COUNT(*) FROM retention_runs", &[]).await, 2, "{backend:?}");

        // Two years on: personal data goes; the winner's text and motivation stay.
        let personal = at("2029-05-14T08:00:00Z");
        let listed = dry_run(&portal.db, personal).await.unwrap();
        let steps: Vec<Step> = of_round(&listed).into_iter().map(|(s, _, _)| s).collect();
        assert_eq!(steps, vec![Step::ContactDetails, Step::WriterNames, Step::Reviews, Step::SignOffs], "{backend:?}");
        let accounts = listed.iter().find(|i| i.step == Step::Accounts).expect("accounts");
        assert_eq!(accounts.count, 5, "{backend:?}: the four applicants and the 2027 juror: {accounts:?}");
        assert!(listed.iter().any(|i| i.step == Step::AuditNames), "{backend:?}");
        let removed = run_due(&portal.db, BASE, personal).await.unwrap();
        assert_eq!(removed, listed, "{backend:?}");
        let contact = texts(
            &portal,
            "SELECT body FROM application_parts WHERE application_id = $1 AND part LIKE 'kontakt_%' \
             UNION ALL SELECT body FROM application_versions WHERE application_id = $1 AND part LIKE 'kontakt_%' \
             UNION ALL SELECT body FROM submission_parts WHERE application_id = $1 AND part LIKE 'kontakt_%'",
            &[&kalmar],
        )
        .await;
        assert!(!contact.is_empty() && contact.iter().all(String::is_empty), "{backend:?}: {contact:?}");
        let ledning = texts(
            &portal,
            "SELECT body FROM application_parts WHERE application_id = $1 AND part = 'ledning'",
            &[&kalmar],
        )
        .await;
        assert_eq!(ledning, vec!["Kalmar leder.".to_owned()], "{backend:?}");
        let names = texts(
            &portal,
            "SELECT saved_by_name FROM application_parts UNION SELECT saved_by_name FROM application_versions \
             UNION SELECT submitted_by_name FROM submissions UNION SELECT decided_by_name FROM decisions \
             UNION SELECT written_by_name FROM motivation_versions",
            &[],
        )
        .await;
        assert_eq!(names, vec![ANONYMISED.to_owned()], "{backend:?}");
        let motivation = texts(&portal, "SELECT text FROM motivation_versions", &[]).await;
        assert_eq!(motivation, vec!["Kalmar sätter invånarna först.".to_owned()], "{backend:?}");
        assert_eq!(count(&portal, "SELECT COUNT(*) FROM reviews", &[]).await, 0, "{backend:?}");
        assert_eq!(count(&portal, "SELECT COUNT(*) FROM motivation_signoffs", &[]).await, 0, "{backend:?}");
        let left = texts(&portal, "SELECT email FROM users ORDER BY email", &[]).await;
        assert_eq!(left, vec!["later@inera.se".to_owned(), "org@vitalis.se".to_owned()], "{backend:?}");
        let actors = texts(&portal, "SELECT DISTINCT actor_name FROM audit_log WHERE at <= $1", &[ANNOUNCED]).await;
        assert!(actors.iter().all(|a| a == ANONYMISED || a == PORTAL_ACTOR), "{backend:?}: {actors:?}");
        let invited = texts(&portal, "SELECT detail FROM audit_log WHERE action = 'inbjudan'", &[]).await;
        assert_eq!(invited, vec![ANONYMISED.to_owned()], "{backend:?}");
        let record = texts(&portal, "SELECT summary FROM retention_runs", &[]).await.join("\n");
        assert!(!record.contains("Test sokande") && !record.contains("Test jurymedlem"), "{backend:?}: {record}");
        assert_eq!(run_due(&portal.db, BASE, personal).await.unwrap(), vec![], "{backend:?}: twice is a no-op");
        // Each person is told why, with the way to the notice; the mail goes on its own schedule.
        let told = texts(&portal, "SELECT body_text FROM mail_queue WHERE recipient = 'juror@skr.se'", &[]).await;
        assert_eq!(told.len(), 1, "{backend:?}");
        assert!(told[0].contains("på 24 månader") && told[0].contains("http://portal.test/integritet"), "{}", told[0]);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn only_organisers_set_the_periods_and_the_privacy_notice_states_them() {
    for backend in BACKENDS {
        let portal = TestPortal::start(backend, open_clock()).await;
        let mut visitor = portal.browser();
        let notice = visitor.get("/integritet").await;
        assert_eq!(notice.status, 200, "{backend:?}");
        assert!(notice.body.contains("Vitalis är personuppgiftsansvarig"), "{backend:?}");
        assert!(notice.body.contains("raderas 12 månader efter att omgången offentliggjorts"), "{backend:?}");
        assert!(notice.body.contains("avidentifieras 24 månader efter händelsen"), "{backend:?}");
        assert!(notice.body.contains("efter 2 timmar utan aktivitet och senast 12 timmar"), "{backend:?}");
        for link in [r#"href="/konto/mina-uppgifter""#, r#"href="/konto/radera""#, r#"href="https://www.imy.se/"#] {
            assert!(notice.body.contains(link), "{backend:?}: {link}");
        }
        assert!(visitor.get("/").await.body.contains(r#"<a href="/integritet">Personuppgifter</a>"#), "{backend:?}");

        let mut applicant = portal.logged_in("a@kalmar.se", Role::Applicant, Some("0880")).await;
        let mut juror = portal.logged_in("j@skr.se", Role::Juror, None).await;
        let good = [("applications_months", "6"), ("personal_months", "18")];
        for who in [&mut applicant, &mut juror] {
            assert_eq!(who.get("/arrangor/gallring").await.status, 403, "{backend:?}");
            let forged = who.post("/arrangor/gallring", "/api/save_retention", &good, true).await;
            assert_eq!(forged.status, 403, "{backend:?}");
        }
        let anonymous = visitor.get("/arrangor/gallring").await;
        assert_eq!(anonymous.location().as_deref(), Some("/logga-in?tillbaka=/arrangor/gallring"), "{backend:?}");

        let mut organiser = portal.logged_in("org@vitalis.se", Role::Organiser, None).await;
        let page = organiser.get("/arrangor/gallring").await.body;
        assert!(page.contains("Ingen har ändrat tiderna ännu"), "{backend:?}");
        assert!(page.contains(r#"href="/arrangor/gallring""#), "{backend:?}: in the organisers' menu");
        let bad = [("applications_months", "0"), ("personal_months", "tolv")];
        let refused = organiser.post("/arrangor/gallring", "/api/save_retention", &bad, true).await;
        let back = organiser.follow(&refused).await.body;
        // In the error summary and beside each of the two fields.
        assert_eq!(back.matches("Ange ett helt antal månader, från 1 till 120.").count(), 4, "{backend:?}");
        assert!(back.contains(r#"value="tolv""#), "{backend:?}: what was typed is kept");
        let shorter = [("applications_months", "18"), ("personal_months", "6")];
        let refused = organiser.post("/arrangor/gallring", "/api/save_retention", &shorter, true).await;
        let back = organiser.follow(&refused).await.body;
        assert!(back.contains("Personuppgifter kan inte sparas kortare tid än ansökningarna"), "{backend:?}");
        assert_eq!(count(&portal, "SELECT COUNT(*) FROM retention_settings", &[]).await, 0, "{backend:?}");

        let saved = organiser.post("/arrangor/gallring", "/api/save_retention", &good, true).await;
        assert_eq!(saved.location().as_deref(), Some("/arrangor/gallring?klart=gallring-sparad"), "{backend:?}");
        let notice = visitor.get("/integritet").await.body;
        assert!(notice.contains("raderas 6 månader efter att omgången offentliggjorts"), "{backend:?}");
        assert!(notice.contains("avidentifieras 18 månader efter händelsen"), "{backend:?}");
        let logged = texts(&portal, "SELECT detail FROM audit_log WHERE action = 'gallringstider'", &[]).await;
        assert_eq!(logged.len(), 1, "{backend:?}");
    }
}

/// Every table of the live schema is in the privacy registry or marked as
/// holding no personal data, so the notice cannot fall behind a migration.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_table_of_the_schema_is_accounted_for_in_the_privacy_notice() {
    for backend in BACKENDS {
        let test_db = TestDb::new(backend).await;
        let db = open(&test_db).await;
        let listing = if backend == Backend::Sqlite {
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        } else {
            "SELECT CAST(tablename AS TEXT) FROM pg_tables WHERE schemaname = 'public'"
        };
        let schema: Vec<String> =
            sqlx::query(listing).fetch_all(db.pool()).await.unwrap().iter().map(|r| r.get(0)).collect();
        assert!(schema.len() > 30, "{backend:?}: {schema:?}");
        let (missing, stale) = unaccounted(&schema);
        assert!(missing.is_empty(), "{backend:?}: tables the privacy registry does not account for: {missing:?}");
        assert!(stale.is_empty(), "{backend:?}: tables the registry names that do not exist: {stale:?}");
    }
}
