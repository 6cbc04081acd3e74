//! Durability of autosaves and submissions, as an operator would check it
//! after a crash: the real `portal` process is killed (SIGKILL, no shutdown at
//! all) in the middle of a burst of autosaves from eight kommuner, four of
//! which submit on the way, started again on the same database, and every save
//! it had acknowledged is still there with exactly its text (in the database
//! and on the part's history page), and every acknowledged submission with its
//! copy of the text, its receipt page and its receipt mail, queued once.

use crate::{
    applying::complete,
    common::{BACKENDS, PASSWORD, TestDb, readable},
};
use app::{
    auth::password::PasswordHasher,
    domain::{
        account::{Email, PersonName, Role},
        kommun::Kommunkod,
    },
    storage::{Db, users},
};
use sqlx::Row;
use std::{
    collections::{BTreeMap, HashMap},
    path::{Path, PathBuf},
    process::{Child, Command},
    sync::{
        Arc, Mutex,
        atomic::{AtomicBool, AtomicUsize, Ordering},
    },
    time::{Duration, Instant},
};

/// One applicant per kommun, so every applicant writes their own application.
const KOMMUNER: [(&str, &str); 8] = [
    ("0880", "kalmar"),
    ("0182", "nacka"),
    ("0180", "stockholm"),
    ("1480", "goteborg"),
    ("1280", "malmo"),
    ("0380", "uppsala"),
    ("0580", "linkoping"),
    ("2480", "umea"),
];

/// The shortest burst, and how many acknowledgements it should have before the kill.
const MIN_BURST: Duration = Duration::from_millis(300);
const WANTED_ACKS: usize = 40;

/// The real `portal serve` in a child process; killed when dropped, also when
/// the test panics, so no portal outlives its test.
pub(crate) struct Portal {
    child: Child,
    pub(crate) base_url: String,
    log: PathBuf,
}

impl Portal {
    /// Starts the binary on a free loopback port and waits until `/healthz` answers 200.
    pub(crate) async fn start(db_url: &str, dir: &Path) -> Portal {
        let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let base_url = format!("http://127.0.0.1:{port}");
        let log = dir.join(format!("portal-{port}.log"));
        let out = std::fs::File::create(&log).unwrap();
        let child = Command::new(env!("CARGO_BIN_EXE_portal"))
            .arg("serve")
            .env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .env("DATABASE_URL", db_url)
            .env("PORTAL_ADDR", format!("127.0.0.1:{port}"))
            .env("PORTAL_BASE_URL", &base_url)
            .env("PORTAL_OUTBOX_DIR", dir.join("outbox"))
            .env("PORTAL_FIXED_TIME", "2027-01-10T10:00:00Z")
            .env("LEPTOS_SITE_ROOT", format!("{}/../target/site", env!("CARGO_MANIFEST_DIR")))
            .env("RUST_LOG", "warn")
            .current_dir(dir)
            .stdout(out.try_clone().unwrap())
            .stderr(out)
            .spawn()
            .expect("the portal binary starts");
        let mut portal = Portal { child, base_url, log };
        portal.wait_until_healthy().await;
        portal
    }

    pub(crate) fn log(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    async fn wait_until_healthy(&mut self) {
        let client = reqwest::Client::builder().timeout(Duration::from_secs(5)).build().unwrap();
        let started = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                panic!("the portal exited ({status}) before it was healthy:\n{}", self.log());
            }
            if let Ok(res) = client.get(format!("{}/healthz", self.base_url)).send().await
                && res.status().as_u16() == 200
            {
                return;
            }
            assert!(started.elapsed() < Duration::from_secs(30), "the portal did not become healthy:\n{}", self.log());
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }

    /// SIGKILL: no graceful shutdown, nothing flushed by the portal itself.
    fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Portal {
    fn drop(&mut self) {
        self.kill();
    }
}

/// A browser without JavaScript's cookie jar, posting as the editor's script
/// does: `Accept: application/json`, the portal's Origin, and the CSRF field.
pub(crate) struct Visitor {
    base_url: String,
    client: reqwest::Client,
    cookies: HashMap<String, String>,
}

impl Visitor {
    fn new(base_url: &str, client: &reqwest::Client) -> Visitor {
        Visitor { base_url: base_url.to_owned(), client: client.clone(), cookies: HashMap::new() }
    }

    fn cookie_header(&self) -> String {
        self.cookies.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join("; ")
    }

    /// Keeps the cookies of an answer, reads its body; fails if the connection died.
    async fn answer(&mut self, res: reqwest::Response) -> Result<(u16, String), reqwest::Error> {
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
        Ok((status, readable(&res.text().await?)))
    }

    pub(crate) async fn get(&mut self, path: &str) -> Result<(u16, String), reqwest::Error> {
        let res = self
            .client
            .get(format!("{}{path}", self.base_url))
            .header("cookie", self.cookie_header())
            .header("accept", "text/html")
            .send()
            .await?;
        self.answer(res).await
    }

    /// Posts as the page's script does (JSON answers).
    pub(crate) async fn post(
        &mut self,
        action: &str,
        fields: &[(&str, &str)],
    ) -> Result<(u16, String), reqwest::Error> {
        self.send(action, fields, "application/json").await
    }

    /// Posts as a browser without JavaScript does (pages, and redirects the client follows).
    pub(crate) async fn plain_post(
        &mut self,
        action: &str,
        fields: &[(&str, &str)],
    ) -> Result<(u16, String), reqwest::Error> {
        self.send(action, fields, "text/html").await
    }

    async fn send(
        &mut self,
        action: &str,
        fields: &[(&str, &str)],
        accept: &str,
    ) -> Result<(u16, String), reqwest::Error> {
        let token = self.cookies.get("portal_csrf").expect("a page gave the CSRF cookie first").clone();
        let mut form: Vec<(&str, &str)> = vec![("csrf", &token)];
        form.extend_from_slice(fields);
        let res = self
            .client
            .post(format!("{}{action}", self.base_url))
            .header("cookie", self.cookie_header())
            .header("accept", accept)
            .header("origin", &self.base_url)
            .header("content-type", "application/x-www-form-urlencoded")
            .body(serde_urlencoded::to_string(&form).unwrap())
            .send()
            .await?;
        self.answer(res).await
    }

    /// Logs `email` in with `PASSWORD`, as the log-in page's script would.
    pub(crate) async fn logged_in(base_url: &str, client: &reqwest::Client, email: &str) -> Visitor {
        let mut visitor = Visitor::new(base_url, client);
        let (status, _) = visitor.get("/logga-in").await.unwrap();
        assert_eq!(status, 200, "the log-in page opens");
        let (status, body) = visitor.post("/api/log_in", &[("email", email), ("password", PASSWORD)]).await.unwrap();
        assert_eq!(status, 200, "{email} logs in: {body}");
        assert!(body.contains("/ansokan"), "{email} is sent to the application: {body}");
        assert!(visitor.cookies.contains_key("portal_session"), "{email} has a session");
        visitor
    }

    /// The id of the kommun's application, from the editor's form.
    pub(crate) async fn application_id(&mut self) -> String {
        let (status, page) = self.get("/ansokan").await.unwrap();
        assert_eq!(status, 200, "{page}");
        let marker = r#"name="application" value=""#;
        let start = page.find(marker).expect("the application form") + marker.len();
        page[start..].chars().take_while(|c| *c != '"').collect()
    }
}

/// The version a history page shows: its section, not the data the page
/// carries for its script (which holds every version's text).
fn shown_version(page: &str) -> &str {
    let Some(start) = page.find(r#"class="version-shown""#) else { return "" };
    let end = page[start..].find("</section>").map_or(page.len(), |end| start + end);
    &page[start..end]
}

/// A save the portal acknowledged: 200 with the new version of the part.
#[derive(Debug, Clone)]
struct Ack {
    application: String,
    version: i64,
    text: String,
}

/// A submission the portal acknowledged: 200 with the way to its receipt.
#[derive(Debug, Clone)]
struct Submitted {
    application: String,
    /// The Ledning text of the last save before it: the text submitted.
    ledning: String,
}

/// What every applicant's loop shares with the test.
#[derive(Clone, Default)]
struct Shared {
    stop: Arc<AtomicBool>,
    in_flight: Arc<AtomicUsize>,
    acks: Arc<Mutex<Vec<Ack>>>,
    submissions: Arc<Mutex<Vec<Submitted>>>,
}

/// Half the kommuner complete their application before the burst and submit
/// it after this many acknowledged saves of Ledning.
const SUBMIT_AFTER: usize = 3;

fn submits(kommun: &str) -> bool {
    KOMMUNER.iter().position(|(_, k)| *k == kommun).is_some_and(|i| i % 2 == 0)
}

/// What one applicant's autosave loop saw.
#[derive(Default)]
struct Burst {
    acknowledged: usize,
    /// Requests that died with the process (sent, no complete answer).
    cut_off: usize,
}

/// One applicant saving the Ledning section as fast as the portal answers,
/// each save based on the version the previous one was acknowledged with,
/// until the process dies under it, or until the applicant submits.
async fn autosave(
    mut visitor: Visitor,
    application: String,
    kommun: &'static str,
    shared: Shared,
) -> Result<Burst, String> {
    let Shared { stop, in_flight, acks, submissions } = shared;
    let mut burst = Burst::default();
    let mut version = 0_i64;
    let mut last_text = None;
    for n in 1.. {
        if stop.load(Ordering::SeqCst) {
            break;
        }
        if let Some(ledning) = last_text.clone().filter(|_| submits(kommun) && burst.acknowledged == SUBMIT_AFTER) {
            in_flight.fetch_add(1, Ordering::SeqCst);
            let key = format!("avbrott-{kommun}");
            let answer =
                visitor.post("/api/submit_application", &[("application", &application), ("request_key", &key)]).await;
            in_flight.fetch_sub(1, Ordering::SeqCst);
            let Ok((status, body)) = answer else {
                burst.cut_off += 1;
                break;
            };
            if status != 200 || !body.contains("/ansokan/inskickad/1") {
                return Err(format!("{kommun}: the submission answered {status}: {body}"));
            }
            submissions.lock().unwrap().push(Submitted { application: application.clone(), ledning });
            break;
        }
        let text = format!("Ledningen i {kommun} leder arbetet, utkast nummer {n} av autosparningen.");
        let base = version.to_string();
        in_flight.fetch_add(1, Ordering::SeqCst);
        let answer = visitor
            .post(
                "/api/save_application",
                &[("application", &application), ("text[ledning]", &text), ("version[ledning]", &base)],
            )
            .await;
        in_flight.fetch_sub(1, Ordering::SeqCst);
        let Ok((status, body)) = answer else {
            // The process was killed before it answered: not acknowledged.
            burst.cut_off += 1;
            break;
        };
        if status != 200 {
            return Err(format!("{kommun}: save {n} answered {status}: {body}"));
        }
        let reply: serde_json::Value =
            serde_json::from_str(&body).map_err(|e| format!("{kommun}: save {n} answered {body}: {e}"))?;
        let saved = reply["saved"].as_array().cloned().unwrap_or_default();
        let new_version = match saved.as_slice() {
            [entry] if entry[0] == "ledning" => entry[1].as_i64(),
            _ => None,
        };
        let Some(new_version) = new_version else {
            return Err(format!("{kommun}: save {n} was not saved: {body}"));
        };
        if new_version != version + 1 {
            return Err(format!("{kommun}: save {n} on version {version} became version {new_version}"));
        }
        acks.lock().unwrap().push(Ack { application: application.clone(), version: new_version, text: text.clone() });
        last_text = Some(text);
        burst.acknowledged += 1;
        version = new_version;
    }
    Ok(burst)
}

/// Applicants created directly in the database, confirmed, with `PASSWORD`.
pub(crate) async fn create_applicants(url: &str) -> Vec<(&'static str, String)> {
    let db = Db::connect(url).await.unwrap();
    let hash = PasswordHasher::default().hash(PASSWORD).await.unwrap();
    let mut conn = db.pool().acquire().await.unwrap();
    let mut created = Vec::new();
    for (code, kommun) in KOMMUNER {
        let email = Email::parse(&format!("ledning@{kommun}.se")).unwrap();
        let name = PersonName::parse(&format!("Anna i {kommun}")).unwrap();
        let kod = Kommunkod::parse(code).unwrap();
        let new = users::NewUser {
            email: &email,
            name: &name,
            phone: None,
            role: Role::Applicant,
            kommun: Some(&kod),
            password_hash: &hash,
            email_confirmed_at: Some(chrono::Utc::now()),
        };
        users::insert(&mut conn, &new, chrono::Utc::now()).await.unwrap();
        created.push((kommun, email.as_str().to_owned()));
    }
    drop(conn);
    // Closed before the kill: the restarted portal alone recovers the database.
    db.close().await;
    created
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn every_acknowledged_autosave_survives_a_kill_in_the_middle_of_a_burst() {
    for backend in BACKENDS {
        let test_db = TestDb::new(backend).await;
        let dir = tempfile::tempdir().unwrap();
        let client = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .timeout(Duration::from_secs(15))
            .build()
            .unwrap();

        let mut portal = Portal::start(&test_db.url, dir.path()).await;
        let applicants = create_applicants(&test_db.url).await;
        let mut writers = Vec::new();
        for (kommun, email) in &applicants {
            let mut visitor = Visitor::logged_in(&portal.base_url, &client, email).await;
            let application = visitor.application_id().await;
            if submits(kommun) {
                let mut fields = vec![("application".to_owned(), application.clone())];
                for (part, text, version) in complete("").into_iter().filter(|(part, ..)| *part != "ledning") {
                    fields.push((format!("text[{part}]"), text.to_owned()));
                    fields.push((format!("version[{part}]"), version.to_string()));
                }
                let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
                let (status, body) = visitor.post("/api/save_application", &fields).await.unwrap();
                assert_eq!(status, 200, "{backend:?}: {kommun} completes the other parts: {body}");
            }
            writers.push((*kommun, application, visitor));
        }
        let applications: BTreeMap<String, &str> = writers.iter().map(|(k, id, _)| (id.clone(), *k)).collect();
        assert_eq!(applications.len(), KOMMUNER.len(), "{backend:?}: one application per kommun");

        // The burst: everyone saves at once; the process is killed under it.
        let shared = Shared::default();
        let Shared { stop, in_flight, acks, submissions } = shared.clone();
        let started = Instant::now();
        let loops: Vec<_> = writers
            .into_iter()
            .map(|(kommun, application, visitor)| tokio::spawn(autosave(visitor, application, kommun, shared.clone())))
            .collect();
        while started.elapsed() < MIN_BURST
            || (acks.lock().unwrap().len() < WANTED_ACKS && started.elapsed() < Duration::from_secs(20))
        {
            if loops.iter().all(|l| l.is_finished()) {
                break;
            }
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
        let in_flight_at_kill = in_flight.load(Ordering::SeqCst);
        portal.kill();
        let burst_time = started.elapsed();
        stop.store(true, Ordering::SeqCst);
        let log = portal.log();
        drop(portal);
        let (mut cut_off, mut acknowledged) = (0, 0);
        for l in loops {
            match l.await.unwrap() {
                Ok(burst) => (cut_off, acknowledged) = (cut_off + burst.cut_off, acknowledged + burst.acknowledged),
                Err(problem) => panic!("{backend:?}: {problem}\nportal log:\n{log}"),
            }
        }
        let acks = acks.lock().unwrap().clone();
        assert_eq!(acks.len(), acknowledged, "{backend:?}: every acknowledgement recorded");
        assert!(!acks.is_empty(), "{backend:?}: no save was acknowledged before the kill, the test proves nothing");
        let submissions = submissions.lock().unwrap().clone();
        assert!(!submissions.is_empty(), "{backend:?}: no submission was acknowledged before the kill");

        // Started again on the same database.
        let portal = Portal::start(&test_db.url, dir.path()).await;
        let db = Db::connect(&test_db.url).await.unwrap();
        let mut lost = Vec::new();
        for ack in &acks {
            let body: Option<String> = sqlx::query(
                "SELECT body FROM application_versions WHERE application_id = $1 AND part = 'ledning' AND version = $2",
            )
            .bind(&ack.application)
            .bind(ack.version)
            .fetch_optional(db.pool())
            .await
            .unwrap()
            .map(|r| r.get("body"));
            if body.as_deref() != Some(ack.text.as_str()) {
                lost.push(format!(
                    "{} version {}: acknowledged {:?}, stored {body:?}",
                    applications[&ack.application], ack.version, ack.text
                ));
            }
        }
        assert!(lost.is_empty(), "{backend:?}: acknowledged saves lost after the kill:\n{}", lost.join("\n"));

        let mut unacknowledged_commits = 0;
        for (application, kommun) in &applications {
            let highest = acks.iter().filter(|a| &a.application == application).map(|a| a.version).max().unwrap_or(0);
            let current: Option<(i64, String)> = sqlx::query(
                "SELECT version, body FROM application_parts WHERE application_id = $1 AND part = 'ledning'",
            )
            .bind(application)
            .fetch_optional(db.pool())
            .await
            .unwrap()
            .map(|r| (r.get("version"), r.get("body")));
            let (version, body) = current.unwrap_or((0, String::new()));
            assert!(version >= highest, "{backend:?}: {kommun} is at version {version}, {highest} was acknowledged");
            unacknowledged_commits += version - highest;
            if version > 0 {
                let history: String = sqlx::query(
                    "SELECT body FROM application_versions \
                     WHERE application_id = $1 AND part = 'ledning' AND version = $2",
                )
                .bind(application)
                .bind(version)
                .fetch_one(db.pool())
                .await
                .unwrap()
                .get("body");
                assert_eq!(history, body, "{backend:?}: {kommun}'s current text is its last version");
            }
        }
        let mut references = HashMap::new();
        for submitted in &submissions {
            let kommun = applications[&submitted.application];
            let row = sqlx::query(
                "SELECT s.reference, a.status, p.body FROM submissions s \
                 JOIN applications a ON a.id = s.application_id \
                 JOIN submission_parts p ON p.application_id = s.application_id AND p.number = s.number \
                 WHERE s.application_id = $1 AND s.number = 1 AND p.part = 'ledning'",
            )
            .bind(&submitted.application)
            .fetch_optional(db.pool())
            .await
            .unwrap();
            let Some(row) = row else {
                panic!("{backend:?}: {kommun}'s acknowledged submission is lost after the kill")
            };
            let reference: String = row.get("reference");
            assert_eq!(row.get::<String, _>("status"), "inskickad", "{backend:?}: {kommun} is still submitted");
            assert_eq!(row.get::<String, _>("body"), submitted.ledning, "{backend:?}: {kommun}'s submitted Ledning");
            let receipts: i64 = sqlx::query(
                "SELECT COUNT(*) AS n FROM mail_queue WHERE recipient = $1 AND subject LIKE '%' || $2 || '%'",
            )
            .bind(format!("ledning@{kommun}.se"))
            .bind(&reference)
            .fetch_one(db.pool())
            .await
            .unwrap()
            .get("n");
            assert_eq!(receipts, 1, "{backend:?}: {kommun}'s receipt {reference} is queued once");
            references.insert(kommun, reference);
        }
        db.close().await;

        // And through the portal: each applicant logs in again and finds every
        // acknowledged version with its text on the history page.
        let mut checks = tokio::task::JoinSet::new();
        for (kommun, email) in applicants {
            let mine: Vec<Ack> = acks.iter().filter(|a| applications[&a.application] == kommun).cloned().collect();
            let reference = references.get(kommun).cloned();
            let (base_url, client) = (portal.base_url.clone(), client.clone());
            checks.spawn(async move {
                let mut visitor = Visitor::logged_in(&base_url, &client, &email).await;
                let mut missing = Vec::new();
                if let Some(reference) = reference {
                    let (status, page) = visitor.get("/ansokan/inskickad/1").await.unwrap();
                    if status != 200 || !page.contains(&reference) {
                        missing.push(format!("{kommun}'s receipt {reference} ({status})"));
                    }
                }
                for ack in mine {
                    let (status, page) =
                        visitor.get(&format!("/ansokan/historik/ledning?version={}", ack.version)).await.unwrap();
                    if status != 200 || !shown_version(&page).contains(&ack.text) {
                        missing.push(format!("{kommun} version {} ({status}): {:?}", ack.version, ack.text));
                    }
                }
                missing
            });
        }
        let missing: Vec<String> = checks.join_all().await.into_iter().flatten().collect();
        assert!(missing.is_empty(), "{backend:?}: not on the history page after the restart:\n{}", missing.join("\n"));

        println!(
            "{backend:?}: {} saves and {} submissions acknowledged in {burst_time:?} before SIGKILL, {in_flight_at_kill} \
             in flight at the kill, {cut_off} cut off, {unacknowledged_commits} committed but never acknowledged; all \
             found after restart",
            acks.len(),
            submissions.len()
        );
        drop(portal);
        test_db.destroy().await;
    }
}
