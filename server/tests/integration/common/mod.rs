//! Test harness: a fresh database per test (a SQLite file in a temporary folder,
//! or a new database on the PostgreSQL server the test script started) and the
//! real portal served on a random loopback port.

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

/// A real SMTP server on loopback (Python's aiosmtpd) that stores what it
/// receives in a Maildir. `scripts/test.sh` installs aiosmtpd.
pub struct SmtpSink {
    pub port: u16,
    maildir: tempfile::TempDir,
    child: Option<std::process::Child>,
}

impl SmtpSink {
    /// A sink whose port is reserved but whose server is not running yet.
    pub fn stopped() -> SmtpSink {
        let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        SmtpSink { port, maildir: tempfile::tempdir().unwrap(), child: None }
    }

    pub async fn running() -> SmtpSink {
        let mut sink = SmtpSink::stopped();
        sink.start().await;
        sink
    }

    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    pub async fn start(&mut self) {
        let child = std::process::Command::new("python3")
            .args(["-m", "aiosmtpd", "-n", "-l", &format!("127.0.0.1:{}", self.port)])
            .args(["-c", "aiosmtpd.handlers.Mailbox"])
            // Maildir creates its tmp/new/cur folders only when the folder itself is new.
            .arg(self.maildir.path().join("mail"))
            .stdout(std::process::Stdio::null())
            .spawn()
            .expect("python3 runs");
        self.child = Some(child);
        for _ in 0..100 {
            if tokio::net::TcpStream::connect(("127.0.0.1", self.port)).await.is_ok() {
                return;
            }
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        panic!("aiosmtpd did not start: run scripts/test.sh, which installs it (pip install aiosmtpd)");
    }

    /// Every message received so far, raw.
    pub fn messages(&self) -> Vec<String> {
        let Ok(entries) = std::fs::read_dir(self.maildir.path().join("mail/new")) else {
            return Vec::new();
        };
        entries.map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap()).collect()
    }
}

impl Drop for SmtpSink {
    fn drop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}
