//! Backups as an operator makes them: `portal backup` of a database in use,
//! changes after it, `portal restore`, and every table is exactly as it was at
//! the backup, on SQLite and on PostgreSQL. A damaged backup is refused and
//! changes nothing.

use crate::{
    common::{BACKENDS, Backend, TestPortal},
    jury::{open_clock, submitted_application},
};
use app::storage::Db;
use sqlx::Row;
use std::{collections::BTreeMap, path::Path, process::Command};

/// Every row of every table, as text, sorted: what "the same database" means here.
async fn every_table(url: &str) -> BTreeMap<String, Vec<String>> {
    let db = Db::connect(url).await.unwrap();
    let sqlite = db.backend() == app::storage::Backend::Sqlite;
    let listing = if sqlite {
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    } else {
        "SELECT CAST(tablename AS TEXT) FROM pg_tables WHERE schemaname = 'public'"
    };
    let tables: Vec<String> =
        sqlx::query(listing).fetch_all(db.pool()).await.unwrap().iter().map(|r| r.get(0)).collect();
    let mut all = BTreeMap::new();
    for table in tables {
        let select = if sqlite {
            let columns: Vec<String> = sqlx::query(&format!("SELECT name FROM pragma_table_info('{table}')"))
                .fetch_all(db.pool())
                .await
                .unwrap()
                .iter()
                .map(|r| format!("quote(\"{}\")", r.get::<String, _>(0)))
                .collect();
            format!("SELECT {} FROM \"{table}\"", columns.join(" || '|' || "))
        } else {
            format!("SELECT CAST(t AS TEXT) FROM \"{table}\" t")
        };
        let mut rows: Vec<String> =
            sqlx::query(&select).fetch_all(db.pool()).await.unwrap().iter().map(|r| r.get(0)).collect();
        rows.sort();
        all.insert(table, rows);
    }
    db.close().await;
    all
}

/// The rounds' change counter from `every_table`'s rows (`'rounds'|3` or `(rounds,3)`).
fn rounds_counter(rows: &[String]) -> i64 {
    let row = rows.iter().find(|r| r.contains("rounds")).expect("a counter for the rounds");
    let digits: String =
        row.chars().rev().skip_while(|c| !c.is_ascii_digit()).take_while(char::is_ascii_digit).collect();
    digits.chars().rev().collect::<String>().parse().expect("a number")
}

fn run_portal(command: &str, url: &str, file: &Path) -> Result<String, String> {
    let out = Command::new(env!("CARGO_BIN_EXE_portal"))
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("DATABASE_URL", url)
        .arg(command)
        .arg(file)
        .output()
        .unwrap();
    let (stdout, stderr) = (String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    if out.status.success() { Ok(stdout.into_owned()) } else { Err(stderr.into_owned()) }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_restored_backup_has_every_table_as_it_was_and_a_damaged_one_changes_nothing() {
    for backend in BACKENDS {
        let portal = TestPortal::start(backend, open_clock()).await;
        let url = portal.test_db.url.clone();
        submitted_application(&portal, "anna@kalmar.se", "0880", "Kalmar leder.").await;
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("portal.backup");

        let at_backup = every_table(&url).await;
        let said = run_portal("backup", &url, &file).unwrap_or_else(|e| panic!("{backend:?}: {e}"));
        assert!(said.contains("backup written to"), "{backend:?}: {said}");
        let again = run_portal("backup", &url, &file).unwrap_err();
        assert!(again.starts_with("portal: ") && again.contains("already exists"), "{backend:?}: {again}");

        // Life goes on after the backup: a new application, and the archive loses a row.
        submitted_application(&portal, "nils@nacka.se", "0182", "Nacka bygger.").await;
        sqlx::query("DELETE FROM past_finalists WHERE year = 2023").execute(portal.db.pool()).await.unwrap();
        portal.db.close().await;
        let changed = every_table(&url).await;
        assert_ne!(changed["applications"], at_backup["applications"], "{backend:?}");

        // A damaged backup is refused, and the database is left as it was.
        let damaged = dir.path().join("damaged.backup");
        std::fs::write(&damaged, b"SQLite format 3\0 but not really").unwrap();
        let refused = run_portal("restore", &url, &damaged).unwrap_err();
        assert!(refused.starts_with("portal: "), "{backend:?}: {refused}");
        assert_eq!(every_table(&url).await, changed, "{backend:?}: nothing changed");

        let said = run_portal("restore", &url, &file).unwrap_or_else(|e| panic!("{backend:?}: {e}"));
        assert!(said.contains("restored from"), "{backend:?}: {said}");
        let mut restored = every_table(&url).await;
        assert_eq!(restored.keys().collect::<Vec<_>>(), at_backup.keys().collect::<Vec<_>>(), "{backend:?}");
        // The change counters go on past both the backup's and the replaced database's.
        let counter = |tables: &BTreeMap<String, Vec<String>>| rounds_counter(&tables["change_counters"]);
        assert!(counter(&restored) > counter(&changed).max(counter(&at_backup)), "{backend:?}: {restored:?}");
        restored.remove("change_counters");
        for (table, rows) in at_backup.iter().filter(|(table, _)| *table != "change_counters") {
            assert_eq!(&restored[table], rows, "{backend:?}: table {table}");
        }
        if backend == Backend::Sqlite {
            let db = Db::connect(&url).await.unwrap();
            let check: String = sqlx::query("PRAGMA integrity_check").fetch_one(db.pool()).await.unwrap().get(0);
            assert_eq!(check, "ok");
        }
    }
}

/// A PostgreSQL backup taken before a migration restores onto a database that has
/// had it: the tables the migration made (whose references would keep the backup's
/// own tables from being replaced) go, and the portal makes them again from the
/// backup's rows when it starts.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_older_postgres_backup_restores_and_is_brought_up_to_date() {
    let test_db = crate::common::TestDb::new(Backend::Postgres).await;
    let db = crate::common::migrated_before(&test_db, 20261208000021).await;
    for sql in [
        "INSERT INTO lan (kod, namn) VALUES ('08', 'Kalmar län')",
        "INSERT INTO kommuner (kod, namn, lan_kod) VALUES ('0880', 'Kalmar', '08')",
        "INSERT INTO awards (id, name, organiser, description) VALUES ('ehalsokommun', 'Sveriges eHälsokommun', 'Vitalis', '')",
        "INSERT INTO past_winners (award_id, year, winner, kommun_kod, ceremony, sources) VALUES \
         ('ehalsokommun', 2016, 'Kalmar kommun', '0880', 'Vitalis 2016', 'backupen')",
    ] {
        sqlx::query(sql).execute(db.pool()).await.unwrap();
    }
    db.close().await;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("before-awards.backup");
    run_portal("backup", &test_db.url, &file).unwrap();

    // The new version starts on the database, then the older backup is restored.
    crate::common::open(&test_db).await.close().await;
    let said = run_portal("restore", &test_db.url, &file).unwrap_or_else(|e| panic!("{e}"));
    assert!(said.contains("restored from"), "{said}");

    let db = crate::common::open(&test_db).await;
    let awards = db.awards().await.unwrap();
    assert_eq!(awards.len(), 6, "the migration and the seed ran again on the backup's rows");
    assert_eq!(awards[0].kinds, [app::domain::award::Kind::Kommun]);
    let winners =
        app::storage::winners::list(&mut db.conn().await.unwrap(), "ehalsokommun", chrono::Utc::now()).await.unwrap();
    let backup_row = winners.iter().find(|w| w.year == 2016).expect("the backup's winner");
    assert_eq!(backup_row.kommunkod.as_deref(), Some("0880"));
}
