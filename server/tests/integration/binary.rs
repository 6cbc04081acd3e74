//! The `portal` binary as an operator meets it: its help, its refusal of bad
//! settings, and a clean stop on SIGTERM.

use crate::common::{Backend, TestDb, TestPortal};
use app::state::Clock;
use sqlx::Row;
use std::{
    process::{Command, Stdio},
    time::{Duration, Instant},
};

fn portal() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_portal"));
    cmd.env_clear().env("PATH", std::env::var("PATH").unwrap_or_default());
    cmd
}

/// `portal serve` on `db`, on a free port (returned with the process), its log to `stdout`.
fn serving(db: &TestDb, stdout: Stdio) -> (u16, std::process::Child) {
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let child = portal()
        .env("DATABASE_URL", &db.url)
        .env("PORTAL_ADDR", format!("127.0.0.1:{port}"))
        .env("LEPTOS_SITE_ROOT", format!("{}/../target/site", env!("CARGO_MANIFEST_DIR")))
        .stdout(stdout)
        .spawn()
        .unwrap();
    (port, child)
}

#[test]
fn help_lists_the_subcommands() {
    let out = portal().arg("--help").output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    for word in ["serve", "migrate", "DATABASE_URL"] {
        assert!(text.contains(word), "--help lacks {word}: {text}");
    }
}

#[test]
fn a_bad_setting_stops_the_start_with_one_line_naming_it() {
    let out = portal().env("PORTAL_ADDR", "localhost").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.starts_with("portal: PORTAL_ADDR: "), "{err}");
}

#[tokio::test]
async fn migrate_creates_the_sqlite_file_and_serve_stops_cleanly_on_sigterm() {
    let db = TestDb::new(Backend::Sqlite).await;
    let out = portal().arg("migrate").env("DATABASE_URL", &db.url).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let file = db.url.trim_start_matches("sqlite://");
    assert!(std::path::Path::new(file).exists(), "{file} was created");

    let (port, mut child) = serving(&db, Stdio::piped());
    let started = Instant::now();
    let client = reqwest::Client::new();
    loop {
        if let Ok(res) = client.get(format!("http://127.0.0.1:{port}/healthz?token=hemligt")).send().await {
            assert_eq!(res.status().as_u16(), 200);
            break;
        }
        assert!(started.elapsed() < Duration::from_secs(30), "portal did not start");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    // One-time links carry their secret in the path: the log gets the route only.
    let secrets = ["aterstall/hemlig-aterstallning", "bekrafta/hemlig-bekraftelse", "inbjudan/hemlig-inbjudan"];
    for path in secrets.iter().chain(&["aterstall/hemlig-okand/extra"]) {
        client.get(format!("http://127.0.0.1:{port}/{path}")).send().await.unwrap();
    }
    Command::new("kill").args(["-TERM", &child.id().to_string()]).status().unwrap();
    let status = child.wait().unwrap();
    assert!(status.success(), "exit after SIGTERM: {status}");
    let mut log = String::new();
    std::io::Read::read_to_string(child.stdout.as_mut().unwrap(), &mut log).unwrap();
    assert!(log.contains("portal stopped"), "{log}");
    assert!(log.contains("route=/healthz") && log.contains("status=200"), "one line per request: {log}");
    assert!(!log.contains("hemligt"), "query strings (tokens) never reach the log: {log}");
    assert!(!log.contains("hemlig-"), "tokens in paths never reach the log: {log}");
    for route in ["route=/aterstall/{token}", "route=/bekrafta/{token}", "route=/inbjudan/{token}"] {
        assert!(log.contains(route), "the matched route is logged instead: {route} in {log}");
    }
}

#[tokio::test]
async fn send_test_mail_reports_delivery_through_smtp_and_a_failure_in_one_line() {
    let db = TestDb::new(Backend::Sqlite).await;
    let sink = crate::common::SmtpSink::running().await;
    let out = portal()
        .args(["send-test-mail", "--to", "anna@kalmar.se"])
        .env("DATABASE_URL", &db.url)
        .env("SMTP_URL", sink.url())
        .env("MAIL_FROM", "Portalen <noreply@portal.example.se>")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().last(), Some("sent to anna@kalmar.se"));
    assert_eq!(sink.messages().len(), 1);

    let down = crate::common::SmtpSink::stopped();
    let out = portal()
        .args(["send-test-mail", "--to", "anna@kalmar.se"])
        .env("DATABASE_URL", &db.url)
        .env("SMTP_URL", down.url())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.starts_with("portal: mail: not delivered"), "{err}");
}

#[tokio::test]
async fn the_first_organiser_is_created_with_a_password_from_stdin_never_from_argv() {
    use std::io::Write;
    let db = TestDb::new(Backend::Sqlite).await;
    let create = |email: &str, password: &str| {
        let mut child = portal()
            .args(["create-organiser", "--email", email, "--name", "Maria Sterner"])
            .env("DATABASE_URL", &db.url)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        writeln!(child.stdin.take().unwrap(), "{password}").unwrap();
        child.wait_with_output().unwrap()
    };
    let out = create("Maria@Vitalis.se", "tre gröna äpplen i Kalmar");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "created organiser maria@vitalis.se");

    let weak = create("ny@vitalis.se", "password1234");
    assert_eq!(weak.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&weak.stderr).trim(),
        "portal: Lösenordet är för vanligt och lätt att gissa. Välj ett annat, gärna en mening."
    );
    let short = create("ny@vitalis.se", "kort");
    assert!(String::from_utf8_lossy(&short.stderr).contains("minst 12 tecken"));
    let twice = create("MARIA@vitalis.se", "ett helt annat långt lösenord");
    assert_eq!(String::from_utf8_lossy(&twice.stderr).trim(), "portal: det finns redan ett konto för maria@vitalis.se");

    // The stored password is an argon2id hash that verifies.
    let test_db = app::storage::Db::connect(&db.url).await.unwrap();
    let email = app::domain::account::Email::parse("maria@vitalis.se").unwrap();
    let user = app::storage::users::find_by_email(&mut test_db.conn().await.unwrap(), &email).await.unwrap().unwrap();
    assert_eq!(user.role, app::domain::account::Role::Organiser);
    assert!(user.email_confirmed);
    assert!(user.password_hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"));
    let hasher = app::auth::password::PasswordHasher::default();
    assert!(hasher.verify("tre gröna äpplen i Kalmar", &user.password_hash).await.unwrap());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn seed_demo_gives_every_role_a_login_once_however_often_it_runs() {
    let db = TestDb::new(Backend::Sqlite).await;
    // As the README starts the demo to show the jury: on the morning after the deadline.
    let seed = || {
        portal()
            .env("DATABASE_URL", &db.url)
            .env("PORTAL_FIXED_TIME", "2027-04-16T08:00:00Z")
            .arg("seed-demo")
            .output()
            .unwrap()
    };
    let first = seed();
    assert!(first.status.success(), "{}", String::from_utf8_lossy(&first.stderr));
    let said = String::from_utf8_lossy(&first.stdout);
    assert!(said.contains(&format!("arrangor@demo.example.se (arrangor), password: {DEMO_PASSWORD}")), "{said}");
    let again = seed();
    assert!(again.status.success());
    assert!(String::from_utf8_lossy(&again.stdout).contains("jury@demo.example.se exists"));

    let test_db = app::storage::Db::connect(&db.url).await.unwrap();
    let users = app::storage::users::list(&mut test_db.conn().await.unwrap()).await.unwrap();
    // The organiser, two jurors, Kalmar's applicant and one per submitted application.
    assert_eq!(users.len(), 7, "kept, not duplicated");
    let hasher = app::auth::password::PasswordHasher::default();
    for user in &users {
        assert!(hasher.verify(DEMO_PASSWORD, &user.password_hash).await.unwrap(), "{}", user.email);
    }
    let kalmar = users.iter().find(|u| u.email == "sokande@kalmar.demo.example.se").unwrap();
    assert_eq!(kalmar.kommun_kod.as_deref(), Some("0880"));
    test_db.close().await;

    // The demo juror on the morning after the deadline, as the README says.
    let portal = TestPortal::serving(db, Clock::Fixed("2027-04-16T08:00:00Z".parse().unwrap())).await;
    let mut juror = portal.browser();
    let login = [("email", "jury@demo.example.se"), ("password", DEMO_PASSWORD)];
    assert_eq!(juror.submit("/logga-in", "/api/log_in", &login).await.location().as_deref(), Some("/jury"));
    let list = juror.get("/jury").await;
    for kommun in ["Mörbylånga", "Västervik", "Oskarshamn"] {
        assert!(list.body.contains(kommun), "{kommun} is on the jury's list: {}", list.body);
    }
    assert!(list.body.contains("Juryn som helhet: 3 av 6 bedömningar klara."), "{}", list.body);
    // Kalmar's draft is not the jury's.
    assert_eq!(list.body.matches("href=\"/jury/ansokan/").count(), 3, "{}", list.body);
    // The other demo juror's comment waits until the demo juror's own review is done.
    let start = list.body.find("href=\"/jury/ansokan/").expect("a link to an application") + "href=\"".len();
    let application: String = list.body[start..].chars().take_while(|c| *c != '"').collect();
    let page = juror.get(&application).await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("Du ser de andra jurymedlemmarnas poäng"), "{}", page.body);
}

const DEMO_PASSWORD: &str = "demo vid Kalmarsund 2027";

#[tokio::test]
async fn a_sign_up_answered_just_before_sigterm_is_finished_before_the_portal_stops() {
    let db = TestDb::new(Backend::Sqlite).await;
    let (port, mut child) = serving(&db, Stdio::null());
    let base = format!("http://127.0.0.1:{port}");
    let client = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();
    let started = Instant::now();
    let page = loop {
        if let Ok(res) = client.get(format!("{base}/registrera")).header("accept", "text/html").send().await {
            break res;
        }
        assert!(started.elapsed() < Duration::from_secs(30), "portal did not start");
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    let csrf = page
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(|c| c.strip_prefix("portal_csrf=").and_then(|rest| rest.split(';').next()))
        .expect("a CSRF cookie")
        .to_owned();
    let form = serde_urlencoded::to_string([
        ("name", "Stina Sist"),
        ("email", "stina@kalmar.se"),
        ("phone", ""),
        ("kommun", "Kalmar"),
        ("password", crate::common::PASSWORD),
        ("csrf", csrf.as_str()),
    ])
    .unwrap();
    let answer = client
        .post(format!("{base}/api/sign_up"))
        .header("origin", &base)
        .header("accept", "text/html")
        .header("content-type", "application/x-www-form-urlencoded")
        .header("cookie", format!("portal_csrf={csrf}"))
        .body(form)
        .send()
        .await
        .unwrap();
    assert_eq!(answer.headers().get("location").and_then(|v| v.to_str().ok()), Some("/registrera/skickat"));
    // At once, while the password is still being hashed after the answer.
    Command::new("kill").args(["-TERM", &child.id().to_string()]).status().unwrap();
    assert!(child.wait().unwrap().success());
    let pool = crate::common::open(&db).await;
    let queued: i64 = sqlx::query("SELECT COUNT(*) AS n FROM mail_queue WHERE recipient = 'stina@kalmar.se'")
        .fetch_one(pool.pool())
        .await
        .unwrap()
        .get("n");
    assert_eq!(queued, 1, "the account and its confirmation mail were made before the portal stopped");
}
