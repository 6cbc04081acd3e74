//! The `portal` binary as an operator meets it: its help, its refusal of bad
//! settings, and a clean stop on SIGTERM.

mod common;

use common::{Backend, TestDb};
use std::{
    process::{Command, Stdio},
    time::{Duration, Instant},
};

fn portal() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_portal"));
    cmd.env_clear().env("PATH", std::env::var("PATH").unwrap_or_default());
    cmd
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

    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let mut child = portal()
        .env("DATABASE_URL", &db.url)
        .env("PORTAL_ADDR", format!("127.0.0.1:{port}"))
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
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
    Command::new("kill").args(["-TERM", &child.id().to_string()]).status().unwrap();
    let status = child.wait().unwrap();
    assert!(status.success(), "exit after SIGTERM: {status}");
    let mut log = String::new();
    std::io::Read::read_to_string(child.stdout.as_mut().unwrap(), &mut log).unwrap();
    assert!(log.contains("portal stopped"), "{log}");
    assert!(log.contains("path=/healthz") && log.contains("status=200"), "one line per request: {log}");
    assert!(!log.contains("hemligt"), "query strings (tokens) never reach the log: {log}");
}

#[tokio::test]
async fn send_test_mail_reports_delivery_through_smtp_and_a_failure_in_one_line() {
    let db = TestDb::new(Backend::Sqlite).await;
    let sink = common::SmtpSink::running().await;
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

    let down = common::SmtpSink::stopped();
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
