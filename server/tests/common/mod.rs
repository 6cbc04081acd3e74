//! Test harness: a fresh database per test (a SQLite file in a temporary folder,
//! or a new database on the PostgreSQL server the test script started) and the
//! real portal served on a random loopback port.
#![allow(dead_code)] // each test binary uses its own part of the harness

use app::{config::Settings, state::Clock, storage::Db};
use server::startup;
use sqlx::{Connection, Executor, PgConnection};
use std::collections::HashMap;
use tokio::net::TcpListener;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

pub const BACKENDS: [Backend; 2] = [Backend::Sqlite, Backend::Postgres];

pub struct TestDb {
    pub url: String,
    pub backend: Backend,
    // Dropping it removes the SQLite file's folder.
    _dir: Option<tempfile::TempDir>,
}

/// The PostgreSQL server of this test run. `scripts/test.sh` starts one on
/// loopback and sets the variable; without it the PostgreSQL half cannot run,
/// and saying so is better than passing silently.
fn postgres_admin_url() -> String {
    std::env::var("TEST_POSTGRES_URL").unwrap_or_else(|_| {
        panic!("TEST_POSTGRES_URL is not set: run scripts/test.sh, which starts a PostgreSQL server for the tests")
    })
}

impl TestDb {
    pub async fn new(backend: Backend) -> TestDb {
        match backend {
            Backend::Sqlite => {
                let dir = tempfile::tempdir().expect("temporary folder");
                let url = format!("sqlite://{}", dir.path().join("data/portal.db").display());
                TestDb { url, backend, _dir: Some(dir) }
            }
            Backend::Postgres => {
                let admin = postgres_admin_url();
                let name = format!("portal_test_{}", uuid::Uuid::new_v4().simple());
                let mut conn = PgConnection::connect(&admin).await.expect("connect to the test PostgreSQL server");
                conn.execute(format!("CREATE DATABASE {name}").as_str()).await.expect("create test database");
                let base = admin.rsplit_once('/').map(|(base, _)| base).unwrap_or(&admin);
                TestDb { url: format!("{base}/{name}"), backend, _dir: None }
            }
        }
    }

    /// Makes the database unreachable for good, as a crashed server would.
    pub async fn destroy(&self) {
        if self.backend == Backend::Postgres {
            let name = self.url.rsplit('/').next().unwrap();
            let mut conn = PgConnection::connect(&postgres_admin_url()).await.unwrap();
            conn.execute(format!("DROP DATABASE {name} WITH (FORCE)").as_str()).await.unwrap();
        }
    }
}

pub fn settings(db_url: &str) -> Settings {
    let vars: HashMap<&str, String> = HashMap::from([
        ("DATABASE_URL", db_url.to_owned()),
        ("PORTAL_ADDR", "127.0.0.1:0".to_owned()),
        ("LEPTOS_SITE_ROOT", format!("{}/../target/site", env!("CARGO_MANIFEST_DIR"))),
    ]);
    Settings::from_lookup(|name| vars.get(name).cloned()).expect("test settings are valid")
}

pub async fn open(db: &TestDb) -> Db {
    startup::open_database(&settings(&db.url)).await.expect("database opens, migrates and seeds")
}

pub struct TestPortal {
    pub base_url: String,
    pub client: reqwest::Client,
    pub db: Db,
    pub test_db: TestDb,
}

impl TestPortal {
    pub async fn start(backend: Backend, clock: Clock) -> TestPortal {
        // Server logs appear beside a failing test's output.
        let _ = tracing_subscriber::fmt()
            .with_env_filter(tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "info".into()))
            .with_test_writer()
            .try_init();
        let test_db = TestDb::new(backend).await;
        let db = open(&test_db).await;
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base_url = format!("http://{}", listener.local_addr().unwrap());
        let state = startup::app_state(settings(&test_db.url), db.clone(), clock);
        tokio::spawn(startup::serve(state, listener, std::future::pending()));
        let client = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .timeout(std::time::Duration::from_secs(15))
            .build()
            .unwrap();
        TestPortal { base_url, client, db, test_db }
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client.get(format!("{}{path}", self.base_url)).send().await.expect("request reaches the portal")
    }

    pub async fn page(&self, path: &str) -> (u16, String) {
        let res = self.get(path).await;
        let status = res.status().as_u16();
        (status, res.text().await.unwrap())
    }
}
