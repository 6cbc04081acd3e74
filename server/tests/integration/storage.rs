//! The schema, the seed data and the queries, on a real SQLite file and a real
//! PostgreSQL server alike.

use crate::common::{BACKENDS, Backend, TestDb, open};
use app::domain::kommun::Kommunkod;
use app::storage::{kommuner, rounds, seed, winners};
use sqlx::Row;

async fn each_backend<F, Fut>(test: F)
where
    F: Fn(Backend) -> Fut,
    Fut: std::future::Future<Output = ()>,
{
    for backend in BACKENDS {
        test(backend).await;
    }
}

#[tokio::test]
async fn a_new_database_holds_all_290_kommuner_with_their_lan() {
    each_backend(|backend| async move {
        let test_db = TestDb::new(backend).await;
        let db = open(&test_db).await;
        assert_eq!(kommuner::count(&mut db.conn().await.unwrap()).await.unwrap(), 290, "{backend:?}");
        let kalmar =
            kommuner::find(&mut db.conn().await.unwrap(), &Kommunkod::parse("0880").unwrap()).await.unwrap().unwrap();
        assert_eq!((kalmar.namn.as_str(), kalmar.lan.as_str()), ("Kalmar", "Kalmar län"), "{backend:?}");
        let stockholm =
            kommuner::find(&mut db.conn().await.unwrap(), &Kommunkod::parse("0180").unwrap()).await.unwrap().unwrap();
        assert_eq!(stockholm.lan, "Stockholms län", "{backend:?}");
        assert!(
            kommuner::find(&mut db.conn().await.unwrap(), &Kommunkod::parse("0999").unwrap()).await.unwrap().is_none()
        );
    })
    .await;
}

#[tokio::test]
async fn the_2027_round_is_seeded_with_four_sections_in_order_and_a_swedish_deadline() {
    each_backend(|backend| async move {
        let test_db = TestDb::new(backend).await;
        let db = open(&test_db).await;
        let round =
            rounds::current(&mut db.conn().await.unwrap(), seed::EHALSOKOMMUN).await.unwrap().expect("a current round");
        assert_eq!(round.title, "Sveriges eHälsokommun 2027");
        let titles: Vec<&str> = round.sections.iter().map(|s| s.title.as_str()).collect();
        assert_eq!(titles, ["Ledning", "Infrastruktur", "Kompetens", "Användning"], "{backend:?}");
        assert!(round.sections.iter().all(|s| s.max_chars == 6000));
        assert_eq!(round.deadline.last_minute_utc().to_rfc3339(), "2027-04-15T21:59:00+00:00", "{backend:?}");
        assert_eq!(round.criteria.len(), 4);
        assert_eq!(round.criteria[0].title, "Inflytande och delaktighet");
        assert_eq!(round.jury.len(), 6);
        assert_eq!(round.partners.first().map(String::as_str), Some("Vitalis"));
        assert_eq!(round, seed::ehalsokommun_2027(), "{backend:?}: stored and read back unchanged");
    })
    .await;
}

#[tokio::test]
async fn past_winners_come_newest_first_with_finalists_in_the_listed_order() {
    each_backend(|backend| async move {
        let test_db = TestDb::new(backend).await;
        let db = open(&test_db).await;
        let list = winners::list(&mut db.conn().await.unwrap(), seed::EHALSOKOMMUN, chrono::Utc::now()).await.unwrap();
        let years: Vec<i32> = list.iter().map(|w| w.year).collect();
        assert_eq!(years, [2023, 2022, 2019, 2018, 2017], "{backend:?}");
        assert_eq!(list[0].winner, "Kalmar kommun");
        assert_eq!(list[0].kommunkod.as_deref(), Some("0880"));
        assert!(list[0].finalists.is_empty());
        assert_eq!(list[3].finalists, ["Sollentuna", "Karlskrona", "Leksand", "Rättvik", "Eskilstuna"], "{backend:?}");
    })
    .await;
}

#[tokio::test]
async fn starting_again_neither_duplicates_nor_overwrites_seed_data() {
    each_backend(|backend| async move {
        let test_db = TestDb::new(backend).await;
        let db = open(&test_db).await;
        // An organiser's edit must survive a restart.
        sqlx::query("UPDATE rounds SET ceremony_place = $1 WHERE id = $2")
            .bind("Vitalis, Göteborg")
            .bind("ehalsokommun-2027")
            .execute(db.pool())
            .await
            .unwrap();
        db.close().await;

        let db = open(&test_db).await;
        assert_eq!(kommuner::count(&mut db.conn().await.unwrap()).await.unwrap(), 290);
        assert_eq!(
            winners::list(&mut db.conn().await.unwrap(), seed::EHALSOKOMMUN, chrono::Utc::now()).await.unwrap().len(),
            5
        );
        let round = rounds::current(&mut db.conn().await.unwrap(), seed::EHALSOKOMMUN).await.unwrap().unwrap();
        assert_eq!(round.ceremony_place, "Vitalis, Göteborg", "{backend:?}");
        assert_eq!(round.sections.len(), 4, "{backend:?}");
    })
    .await;
}

#[tokio::test]
async fn sqlite_runs_with_wal_foreign_keys_and_a_busy_timeout() {
    let test_db = TestDb::new(Backend::Sqlite).await;
    let db = open(&test_db).await;
    let mut conn = db.pool().acquire().await.unwrap();
    let journal_mode: String = sqlx::query("PRAGMA journal_mode").fetch_one(&mut *conn).await.unwrap().get(0);
    assert_eq!(journal_mode, "wal");
    let foreign_keys: i64 = sqlx::query("PRAGMA foreign_keys").fetch_one(&mut *conn).await.unwrap().get(0);
    assert_eq!(foreign_keys, 1);
    let busy_timeout: i64 = sqlx::query("PRAGMA busy_timeout").fetch_one(&mut *conn).await.unwrap().get(0);
    assert_eq!(busy_timeout, 5000);
    // Foreign keys are enforced: a kommun in an unknown län is refused.
    let err = sqlx::query("INSERT INTO kommuner (kod, namn, lan_kod) VALUES ('9999', 'Ingenstans', '99')")
        .execute(&mut *conn)
        .await;
    assert!(err.is_err(), "foreign key must be enforced");
}

#[tokio::test]
async fn postgres_enforces_the_same_constraints() {
    let test_db = TestDb::new(Backend::Postgres).await;
    let db = open(&test_db).await;
    let err = sqlx::query("INSERT INTO kommuner (kod, namn, lan_kod) VALUES ('9999', 'Ingenstans', '99')")
        .execute(db.pool())
        .await;
    assert!(err.is_err(), "foreign key must be enforced");
}

#[tokio::test]
async fn one_account_per_email_address_whatever_its_case() {
    use app::domain::account::{Email, PersonName, Role};
    use app::storage::users::{self, InsertUserError, NewUser};
    each_backend(|backend| async move {
        let test_db = TestDb::new(backend).await;
        let db = open(&test_db).await;
        let now = "2027-01-10T10:00:00Z".parse().unwrap();
        let kalmar = Kommunkod::parse("0880").unwrap();
        let name = PersonName::parse("Anna Svensson").unwrap();
        let first = Email::parse("anna@kalmar.se").unwrap();
        let applicant = NewUser {
            email: &first,
            name: &name,
            phone: Some("0480-450000"),
            role: Role::Applicant,
            kommun: Some(&kalmar),
            password_hash: "$argon2id$stub",
            email_confirmed_at: None,
        };
        let mut conn = db.pool().acquire().await.unwrap();
        let id = users::insert(&mut conn, &applicant, now).await.unwrap();

        let shouted = Email::parse("ANNA@Kalmar.SE").unwrap();
        let again = NewUser { email: &shouted, ..applicant };
        assert!(matches!(users::insert(&mut conn, &again, now).await, Err(InsertUserError::EmailTaken)), "{backend:?}");

        let stored =
            users::find_by_email(&mut db.conn().await.unwrap(), &shouted).await.unwrap().expect("found by any case");
        assert_eq!(stored.id, id);
        assert_eq!(stored.role, Role::Applicant);
        assert_eq!(stored.kommun_kod.as_deref(), Some("0880"));
        assert!(!stored.email_confirmed, "{backend:?}: a sign-up starts unconfirmed");

        // The schema itself refuses an applicant without a kommun and an organiser with one.
        let organiser_email = Email::parse("org@vitalis.se").unwrap();
        let organiser_with_kommun =
            NewUser { email: &organiser_email, role: Role::Organiser, kommun: Some(&kalmar), ..again };
        assert!(users::insert(&mut conn, &organiser_with_kommun, now).await.is_err(), "{backend:?}");
    })
    .await;
}

#[tokio::test]
async fn a_failing_query_is_an_internal_error_not_an_outage() {
    use app::error::AppError;
    each_backend(|backend| async move {
        let test_db = TestDb::new(backend).await;
        let db = open(&test_db).await;
        let fail = |sql: &'static str| {
            let db = db.clone();
            async move { sqlx::query(sql).execute(db.pool()).await.map(|_| ()).expect_err(sql) }
        };
        // A unique violation is 23505 on PostgreSQL and 2067 on SQLite: all digits
        // either way, and never to be read as the other database's "database busy".
        let duplicate = "INSERT INTO lan (kod, namn) VALUES ('01', 'Stockholms län')";
        assert_eq!(AppError::from(fail(duplicate).await), AppError::Internal, "{backend:?}");
        assert_eq!(AppError::from(fail("SELECT * FROM finns_inte").await), AppError::Internal, "{backend:?}");
        db.close().await;
        assert_eq!(AppError::from(fail("SELECT 1").await), AppError::Unavailable, "{backend:?}");
    })
    .await;
}

/// Many saves of one part, all based on the same version, at the same moment:
/// exactly one becomes the next version, every other one is told it met a
/// newer version, and the history holds each saved version once.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_saves_on_the_same_version_make_one_new_version_and_conflicts_for_the_rest() {
    use app::storage::applications::{self, Writer};
    for backend in BACKENDS {
        let test_db = TestDb::new(backend).await;
        let db = open(&test_db).await;
        let now = chrono::Utc::now();
        let application =
            applications::open(&mut db.conn().await.unwrap(), "ehalsokommun-2027", "0880", now).await.unwrap();
        sqlx::query(
            "INSERT INTO users (id, email, name, role, kommun_kod, password_hash, created_at) \
             VALUES ('skribent', 'skribent@kalmar.se', 'Skribent', 'sokande', '0880', 'x', '2027-01-10T10:00:00Z')",
        )
        .execute(db.pool())
        .await
        .unwrap();
        let writers: Vec<_> = (0..8)
            .map(|i| {
                let (db, id) = (db.clone(), application.id.clone());
                tokio::spawn(async move {
                    let mut tx = db.begin_write().await.unwrap();
                    applications::lock(&mut tx, &id, now).await.unwrap().expect("the application");
                    let writer = Writer { user_id: "skribent", name: "Skribent" };
                    let body = format!("Text {i}");
                    let saved = applications::save_part(&mut tx, &id, "ledning", 0, &body, &writer, now).await.unwrap();
                    tx.commit().await.unwrap();
                    saved.map(|version| (version, body))
                })
            })
            .collect();
        let mut won = Vec::new();
        for writer in writers {
            won.extend(writer.await.unwrap());
        }
        assert_eq!(won.len(), 1, "{backend:?}: exactly one save on version 0 wins");
        let (version, body) = &won[0];
        assert_eq!(*version, 1);
        let history = applications::history(&mut db.conn().await.unwrap(), &application.id, "ledning").await.unwrap();
        assert_eq!(history.iter().map(|v| (v.version, v.body.clone())).collect::<Vec<_>>(), vec![(1, body.clone())]);
        // The next save on version 1 wins; one on version 0 still does not.
        let mut tx = db.begin_write().await.unwrap();
        let writer = Writer { user_id: "skribent", name: "Skribent" };
        assert_eq!(
            applications::save_part(&mut tx, &application.id, "ledning", 1, "Ny", &writer, now).await.unwrap(),
            Some(2)
        );
        assert_eq!(
            applications::save_part(&mut tx, &application.id, "ledning", 0, "Gammal", &writer, now).await.unwrap(),
            None
        );
        tx.commit().await.unwrap();
        test_db.destroy().await;
    }
}

/// Two portal instances on one database, as a larger deployment runs: each keeps the
/// current round in memory, and a change made through one is seen at once by the
/// other, even though it never hears of it (the change counter, `rounds::CurrentRounds`).
#[tokio::test]
async fn a_round_changed_by_one_instance_is_read_fresh_by_another() {
    use app::domain::lifecycle::RoundState;
    each_backend(|backend| async move {
        let test_db = TestDb::new(backend).await;
        let (one, other) = (open(&test_db).await, open(&test_db).await);
        let kept = other.current_round(seed::EHALSOKOMMUN).await.unwrap().expect("a current round");
        assert_eq!(kept.state, RoundState::Open, "{backend:?}");

        // Changed beside the instance's back, without the counter: it keeps what it read.
        sqlx::query("UPDATE rounds SET title = 'Ändrad utan räknare' WHERE id = $1")
            .bind(&kept.id)
            .execute(one.pool())
            .await
            .unwrap();
        assert_eq!(other.current_round(seed::EHALSOKOMMUN).await.unwrap().unwrap().title, kept.title, "{backend:?}");

        // Changed the portal's way, through the other instance: read fresh.
        let mut tx = one.begin_write().await.unwrap();
        assert!(rounds::set_state(&mut tx, &kept.id, RoundState::Open, RoundState::Closed).await.unwrap());
        tx.commit().await.unwrap();
        let fresh = other.current_round(seed::EHALSOKOMMUN).await.unwrap().unwrap();
        assert_eq!((fresh.state, fresh.title.as_str()), (RoundState::Closed, "Ändrad utan räknare"), "{backend:?}");

        // A refused step (the round is no longer open) changes nothing and keeps what is kept.
        let mut tx = one.begin_write().await.unwrap();
        assert!(!rounds::set_state(&mut tx, &kept.id, RoundState::Open, RoundState::Closed).await.unwrap());
        tx.commit().await.unwrap();
        assert_eq!(other.current_round(seed::EHALSOKOMMUN).await.unwrap().unwrap(), fresh, "{backend:?}");
    })
    .await;
}
