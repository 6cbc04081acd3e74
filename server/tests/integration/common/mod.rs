//! Test harness: a fresh database per test (a SQLite file in a temporary folder,
//! or a new database on the PostgreSQL server the test script started) and the
//! real portal served on a random loopback port.

use app::{
    auth::password::PasswordHasher,
    config::Settings,
    domain::{
        account::{Email, PersonName, Role},
        kommun::Kommunkod,
    },
    state::Clock,
    storage::{Db, users},
};
use server::startup;
use sqlx::{Connection, Executor, PgConnection};
use std::collections::HashMap;
use tokio::net::TcpListener;
use tracing_subscriber::{Layer, layer::SubscriberExt, util::SubscriberInitExt};

pub mod queries;

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
    settings_for(db_url, "http://127.0.0.1:3000")
}

/// Settings for a portal reachable at `base_url` (its links in e-mail start with it).
pub fn settings_for(db_url: &str, base_url: &str) -> Settings {
    let vars: HashMap<&str, String> = HashMap::from([
        ("DATABASE_URL", db_url.to_owned()),
        ("PORTAL_ADDR", "127.0.0.1:0".to_owned()),
        ("PORTAL_BASE_URL", base_url.to_owned()),
        ("LEPTOS_SITE_ROOT", format!("{}/../target/site", env!("CARGO_MANIFEST_DIR"))),
    ]);
    Settings::from_lookup(|name| vars.get(name).cloned()).expect("test settings are valid")
}

/// A database whose schema stands as it did before migration `first_left_out`,
/// for a test of that migration on the rows it finds.
pub async fn migrated_before(db: &TestDb, first_left_out: i64) -> Db {
    let pool = Db::connect(&db.url).await.unwrap();
    let mut before = sqlx::migrate!("../migrations");
    before.migrations =
        std::borrow::Cow::Owned(before.migrations.iter().filter(|m| m.version < first_left_out).cloned().collect());
    before.run(pool.pool()).await.unwrap();
    pool
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
        TestPortal::serving(TestDb::new(backend).await, clock).await
    }

    /// A portal on a database made beforehand (by the `portal` binary, say).
    pub async fn serving(test_db: TestDb, clock: Clock) -> TestPortal {
        // Server logs appear beside a failing test's output.
        let log = tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "info".into());
        let _ = tracing_subscriber::registry()
            .with(tracing_subscriber::fmt::layer().with_test_writer().with_filter(log))
            .with(queries::QueryCounter.with_filter(tracing_subscriber::filter::filter_fn(|m| {
                m.target() == "sqlx::query" || ["request", "action"].contains(&m.name())
            })))
            .try_init();
        let db = open(&test_db).await;
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base_url = format!("http://{}", listener.local_addr().unwrap());
        let state = startup::app_state(settings_for(&test_db.url, &base_url), db.clone(), clock);
        tokio::spawn(startup::serve(state, listener, std::future::pending()));
        let client = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .timeout(std::time::Duration::from_secs(15))
            .build()
            .unwrap();
        TestPortal { base_url, client, db, test_db }
    }

    /// The same portal, database and all, served a second time on another
    /// clock: what a person sees at another moment, without a restart.
    pub async fn at(&self, clock: Clock) -> String {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base_url = format!("http://{}", listener.local_addr().unwrap());
        let state = startup::app_state(settings_for(&self.test_db.url, &base_url), self.db.clone(), clock);
        tokio::spawn(startup::serve(state, listener, std::future::pending()));
        base_url
    }

    /// The same portal served a second time as though at `public_url` (https behind a
    /// TLS-terminating proxy, say); the address it listens on is returned.
    pub async fn served_as(&self, public_url: &str, clock: Clock) -> String {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let listen_url = format!("http://{}", listener.local_addr().unwrap());
        let state = startup::app_state(settings_for(&self.test_db.url, public_url), self.db.clone(), clock);
        tokio::spawn(startup::serve(state, listener, std::future::pending()));
        listen_url
    }

    /// The same portal served a second time behind a reverse proxy on this
    /// machine (`PORTAL_TRUSTED_PROXIES=127.0.0.1`): its `X-Forwarded-For` names the client.
    pub async fn behind_proxy(&self, clock: Clock) -> String {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base_url = format!("http://{}", listener.local_addr().unwrap());
        let mut settings = settings_for(&self.test_db.url, &base_url);
        settings.trusted_proxies = vec!["127.0.0.1/32".parse().unwrap()];
        let state = startup::app_state(settings, self.db.clone(), clock);
        tokio::spawn(startup::serve(state, listener, std::future::pending()));
        base_url
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client.get(format!("{}{path}", self.base_url)).send().await.expect("request reaches the portal")
    }

    pub async fn page(&self, path: &str) -> (u16, String) {
        let res = self.get(path).await;
        let status = res.status().as_u16();
        (status, text_of(res).await)
    }

    pub fn browser(&self) -> Browser {
        Browser {
            base_url: self.base_url.clone(),
            client: self.client.clone(),
            cookies: HashMap::new(),
            forwarded_for: None,
        }
    }

    /// The one message waiting for `to` (subject, plain-text body), taken out
    /// of the queue as a person empties their inbox; `None` if there is none.
    pub async fn take_mail_to(&self, to: &str) -> Option<(String, String)> {
        use sqlx::Row;
        let rows = sqlx::query("SELECT subject, body_text FROM mail_queue WHERE recipient = $1")
            .bind(to)
            .fetch_all(self.db.pool())
            .await
            .unwrap();
        assert!(rows.len() <= 1, "more than one message to {to}");
        sqlx::query("DELETE FROM mail_queue WHERE recipient = $1").bind(to).execute(self.db.pool()).await.unwrap();
        rows.first().map(|r| (r.get("subject"), r.get("body_text")))
    }

    /// The one message for `to`, waited for: sign-up and reset do their work after
    /// answering (so that their timing tells nothing), and queue the mail a moment later.
    pub async fn await_mail_to(&self, to: &str) -> Option<(String, String)> {
        let started = std::time::Instant::now();
        // Read-only while waiting: a write every few milliseconds would keep the
        // portal's own write waiting on SQLite's lock.
        loop {
            if !self.mail_subjects(to).await.is_empty() {
                return self.take_mail_to(to).await;
            }
            if started.elapsed() > std::time::Duration::from_secs(15) {
                return None;
            }
            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        }
    }

    /// The one number `sql` (`SELECT COUNT(*) AS n …`) answers, with `binds` for `$1`, `$2` ….
    pub async fn count(&self, sql: &str, binds: &[&str]) -> i64 {
        use sqlx::Row;
        let mut query = sqlx::query(sql);
        for bind in binds {
            query = query.bind(*bind);
        }
        query.fetch_one(self.db.pool()).await.unwrap().get("n")
    }

    /// The subjects of every message queued for `to`.
    pub async fn mail_subjects(&self, to: &str) -> Vec<String> {
        use sqlx::Row;
        sqlx::query("SELECT subject FROM mail_queue WHERE recipient = $1 ORDER BY subject")
            .bind(to)
            .fetch_all(self.db.pool())
            .await
            .unwrap()
            .iter()
            .map(|r| r.get("subject"))
            .collect()
    }

    /// An account that can log in at once, with `PASSWORD`.
    pub async fn create_user(&self, email: &str, role: Role, kommun: Option<&str>) -> String {
        let hash = password_hash().await;
        let kod = kommun.map(|k| Kommunkod::parse(k).unwrap());
        let mut conn = self.db.pool().acquire().await.unwrap();
        let email = Email::parse(email).unwrap();
        let name = PersonName::parse(&format!("Test {}", role.code())).unwrap();
        let new = users::NewUser {
            email: &email,
            name: &name,
            phone: None,
            role,
            kommun: kod.as_ref(),
            password_hash: hash,
            email_confirmed_at: Some(chrono::Utc::now()),
        };
        users::insert(&mut conn, &new, chrono::Utc::now()).await.unwrap()
    }

    /// A browser logged in as a new account of `role`.
    /// Gives the account a name of its own, for pages that list people by name.
    pub async fn rename(&self, email: &str, name: &str) {
        sqlx::query("UPDATE users SET name = $1 WHERE email = $2")
            .bind(name)
            .bind(email)
            .execute(self.db.pool())
            .await
            .unwrap();
    }

    pub async fn logged_in(&self, email: &str, role: Role, kommun: Option<&str>) -> Browser {
        let id = self.create_user(email, role, kommun).await;
        if role == Role::Juror {
            // A juror sits on a round: the current one.
            let mut conn = self.db.pool().acquire().await.unwrap();
            app::storage::jury::assign(&mut conn, "ehalsokommun-2027", &id).await.unwrap();
        }
        let mut browser = self.browser();
        let res = browser.submit("/logga-in", "/api/log_in", &[("email", email), ("password", PASSWORD)]).await;
        let start = match role {
            Role::Applicant => "/ansokan",
            Role::Juror => "/jury",
            Role::Organiser => "/konto",
        };
        assert_eq!(res.location().as_deref(), Some(start), "{email} logs in");
        browser
    }
}

pub const PASSWORD: &str = "tre gröna äpplen i Kalmar";

/// One hash of `PASSWORD` for all test accounts: hashing is slow by design.
async fn password_hash() -> &'static str {
    static HASH: tokio::sync::OnceCell<String> = tokio::sync::OnceCell::const_new();
    HASH.get_or_init(|| async { PasswordHasher::default().hash(PASSWORD).await.unwrap() }).await
}

/// A browser without JavaScript: keeps cookies, posts forms as a browser
/// does (with its Origin and the form's hidden CSRF field), follows nothing by itself.
pub struct Browser {
    pub base_url: String,
    client: reqwest::Client,
    pub cookies: HashMap<String, String>,
    /// What a reverse proxy in front of the portal would say of this client.
    forwarded_for: Option<String>,
}

pub struct Answer {
    pub status: u16,
    pub headers: reqwest::header::HeaderMap,
    pub body: String,
}

impl Answer {
    pub fn location(&self) -> Option<String> {
        self.headers.get("location").map(|v| v.to_str().unwrap().to_owned())
    }

    pub fn set_cookies(&self) -> Vec<String> {
        self.headers.get_all("set-cookie").iter().map(|v| v.to_str().unwrap().to_owned()).collect()
    }
}

impl Browser {
    fn cookie_header(&self) -> String {
        self.cookies.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join("; ")
    }

    async fn answer(&mut self, res: reqwest::Response) -> Answer {
        for value in res.headers().get_all("set-cookie") {
            let text = value.to_str().unwrap();
            let (pair, attributes) = text.split_once(';').unwrap_or((text, ""));
            let (name, value) = pair.split_once('=').unwrap();
            if attributes.contains("Max-Age=0") {
                self.cookies.remove(name);
            } else {
                self.cookies.insert(name.to_owned(), value.to_owned());
            }
        }
        let status = res.status().as_u16();
        let headers = res.headers().clone();
        Answer { status, headers, body: text_of(res).await }
    }

    pub async fn get(&mut self, path: &str) -> Answer {
        let res = self
            .with_forwarded(self.client.get(format!("{}{path}", self.base_url)))
            .header("cookie", self.cookie_header())
            .header("accept", "text/html")
            .send()
            .await
            .unwrap();
        self.answer(res).await
    }

    /// A file as a download link fetches it: status, content type and bytes.
    pub async fn download(&self, path: &str) -> (u16, String, Vec<u8>) {
        let res = self
            .client
            .get(format!("{}{path}", self.base_url))
            .header("cookie", self.cookie_header())
            .send()
            .await
            .unwrap();
        let kind = res.headers().get("content-type").map(|v| v.to_str().unwrap().to_owned()).unwrap_or_default();
        (res.status().as_u16(), kind, res.bytes().await.unwrap().to_vec())
    }

    /// Posts `fields` to `action` as a plain HTML form on `page` would.
    pub async fn post(&mut self, page: &str, action: &str, fields: &[(&str, &str)], extra_csrf: bool) -> Answer {
        let mut form: Vec<(String, String)> = fields.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        if extra_csrf && let Some(token) = self.cookies.get("portal_csrf") {
            form.push(("csrf".into(), token.clone()));
        }
        let res = self
            .with_forwarded(self.client.post(format!("{}{action}", self.base_url)))
            .header("cookie", self.cookie_header())
            .header("accept", "text/html,application/xhtml+xml")
            .header("origin", &self.base_url)
            .header("referer", format!("{}{page}", self.base_url))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(serde_urlencoded::to_string(&form).unwrap())
            .send()
            .await
            .unwrap();
        self.answer(res).await
    }

    /// Posts a form with a file (`multipart/form-data`) as the browser does:
    /// `fields` first (the CSRF field among them when `csrf`), then the file.
    pub async fn upload(
        &mut self,
        page: &str,
        action: &str,
        fields: &[(&str, &str)],
        file: (&str, &str, &[u8]),
        csrf: bool,
    ) -> Answer {
        let boundary = "----portal-test-7d1f";
        let mut body = Vec::new();
        let token = self.cookies.get("portal_csrf").cloned().filter(|_| csrf);
        for (name, value) in token.iter().map(|t| ("csrf", t.as_str())).chain(fields.iter().copied()) {
            body.extend_from_slice(
                format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n")
                    .as_bytes(),
            );
        }
        let (name, file_name, bytes) = file;
        body.extend_from_slice(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"; filename=\"{file_name}\"\r\n\
                 Content-Type: text/csv\r\n\r\n"
            )
            .as_bytes(),
        );
        body.extend_from_slice(bytes);
        body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
        let res = self
            .with_forwarded(self.client.post(format!("{}{action}", self.base_url)))
            .header("cookie", self.cookie_header())
            .header("accept", "text/html,application/xhtml+xml")
            .header("origin", &self.base_url)
            .header("referer", format!("{}{page}", self.base_url))
            .header("content-type", format!("multipart/form-data; boundary={boundary}"))
            .body(body)
            .send()
            .await
            .unwrap();
        self.answer(res).await
    }

    /// Opens `page` (which gives the CSRF cookie) and submits its form.
    pub async fn submit(&mut self, page: &str, action: &str, fields: &[(&str, &str)]) -> Answer {
        let opened = self.get(page).await;
        assert!(opened.status < 400, "{page} opens: {}", opened.status);
        self.post(page, action, fields, true).await
    }

    /// The same person, with the same cookies, at another address of the portal.
    pub fn at(&self, base_url: &str) -> Browser {
        Browser {
            base_url: base_url.to_owned(),
            cookies: self.cookies.clone(),
            forwarded_for: self.forwarded_for.clone(),
            client: self.client.clone(),
        }
    }

    /// The same browser with every request carrying `X-Forwarded-For: address`, as
    /// a reverse proxy adds it (or as a client could send it itself).
    pub fn forwarded_for(mut self, address: &str) -> Browser {
        self.forwarded_for = Some(address.to_owned());
        self
    }

    fn with_forwarded(&self, request: reqwest::RequestBuilder) -> reqwest::RequestBuilder {
        match &self.forwarded_for {
            Some(address) => request.header("x-forwarded-for", address),
            None => request,
        }
    }

    /// Follows a redirect answer and returns the page it leads to.
    pub async fn follow(&mut self, answer: &Answer) -> Answer {
        let to = answer.location().unwrap_or_else(|| panic!("a redirect, got {} {}", answer.status, answer.body));
        self.get(&to).await
    }
}

/// The path of the first portal link in a message body (`http://…/bekrafta/…`).
pub fn link_path(body: &str, base_url: &str, prefix: &str) -> String {
    let start = body.find(&format!("{base_url}{prefix}")).unwrap_or_else(|| panic!("no {prefix} link in {body}"));
    let url: String = body[start..].chars().take_while(|c| !c.is_whitespace()).collect();
    url[base_url.len()..].to_owned()
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

/// HTML as a person reads it: without the empty comments (`<!>`) Leptos
/// writes beside dynamic text for hydration, which would split every phrase
/// the tests look for.
pub fn readable(html: &str) -> String {
    html.replace("<!>", "")
}

/// A response's body, `readable`.
pub async fn text_of(res: reqwest::Response) -> String {
    readable(&res.text().await.expect("the body arrives"))
}
