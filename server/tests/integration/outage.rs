//! The database gone for a while, as it happens in operation: PostgreSQL is
//! stopped under the running portal and started again. Meanwhile pages say so
//! in Swedish and a save is refused, not half-written; afterwards the portal
//! works again by itself, without a restart, with exactly what was acknowledged.
//!
//! The test runs its own PostgreSQL cluster, since stopping the shared one
//! would stop every other test.

use crate::durability::{Portal, Visitor, create_applicants};
use sqlx::Row;
use std::{
    path::{Path, PathBuf},
    process::Command,
    time::{Duration, Instant},
};

/// A PostgreSQL cluster of this test alone, on a free loopback port.
struct OwnCluster {
    bin: PathBuf,
    data: PathBuf,
    port: u16,
    as_postgres: bool,
}

impl OwnCluster {
    fn create(dir: &Path) -> OwnCluster {
        let bin = std::fs::read_dir("/usr/lib/postgresql")
            .expect("Debian's postgresql is installed (scripts/test.sh installs it)")
            .filter_map(|e| e.ok().map(|e| e.path().join("bin")))
            .max()
            .expect("a PostgreSQL version");
        let as_postgres = Command::new("id").arg("-u").output().is_ok_and(|o| o.stdout.starts_with(b"0\n"));
        if as_postgres {
            // initdb refuses to run as root; the cluster belongs to the postgres user.
            assert!(Command::new("chown").args(["-R", "postgres"]).arg(dir).status().unwrap().success());
        }
        let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let cluster = OwnCluster { bin, data: dir.join("pgdata"), port, as_postgres };
        cluster.run("initdb", &["-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8", "-D"]);
        cluster.start();
        cluster
    }

    fn command(&self, tool: &str, args: &[&str]) -> Command {
        let mut command = if self.as_postgres {
            let mut c = Command::new("runuser");
            c.args(["-u", "postgres", "--"]).arg(self.bin.join(tool));
            c
        } else {
            Command::new(self.bin.join(tool))
        };
        command.args(args).arg(&self.data);
        command
    }

    fn run(&self, tool: &str, args: &[&str]) {
        let out = self.command(tool, args).output().unwrap();
        assert!(out.status.success(), "{tool}: {}", String::from_utf8_lossy(&out.stderr));
    }

    fn start(&self) {
        let options = format!("-p {} -c listen_addresses=127.0.0.1 -k {}", self.port, self.data.display());
        let log = self.data.with_file_name("pg.log");
        self.run("pg_ctl", &["-w", "-l", &log.display().to_string(), "-o", &options, "start", "-D"]);
    }

    fn stop(&self) {
        self.run("pg_ctl", &["-w", "-m", "fast", "stop", "-D"]);
    }

    fn url(&self) -> String {
        format!("postgres://postgres@127.0.0.1:{}/postgres", self.port)
    }
}

impl Drop for OwnCluster {
    fn drop(&mut self) {
        let _ = self.command("pg_ctl", &["-m", "immediate", "stop", "-D"]).output();
    }
}

/// The editor's autosave of the Ledning part, based on `version`.
async fn save(visitor: &mut Visitor, application: &str, text: &str, version: &str) -> (u16, String) {
    let fields = [("application", application), ("text[ledning]", text), ("version[ledning]", version)];
    visitor.post("/api/save_application", &fields).await.unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn with_postgresql_stopped_pages_say_so_nothing_is_half_written_and_the_portal_recovers_by_itself() {
    let dir = tempfile::tempdir().unwrap();
    let cluster = OwnCluster::create(dir.path());
    let url = cluster.url();
    let portal = Portal::start(&url, dir.path()).await;
    let applicants = create_applicants(&url).await;
    let client = reqwest::Client::builder().timeout(Duration::from_secs(20)).build().unwrap();
    let mut anna = Visitor::logged_in(&portal.base_url, &client, &applicants[0].1).await;
    let application = anna.application_id().await;
    let (status, body) = save(&mut anna, &application, "Ledningen före avbrottet.", "0").await;
    assert_eq!(status, 200, "{body}");

    cluster.stop();
    let (status, page) = anna.get("/ansokan").await.unwrap();
    let h1 = page.split("<h1").nth(1).unwrap_or_default().chars().take(120).collect::<String>();
    assert_eq!(status, 503, "{h1}");
    assert!(page.contains("<h1>Något gick fel</h1>") && page.contains("<html lang=\"sv\">"), "{page}");
    let (status, body) = save(&mut anna, &application, "Ledningen under avbrottet.", "1").await;
    assert_eq!(status, 503, "the save is refused, not acknowledged: {body}");
    let (health, _) = anna.get("/healthz").await.unwrap();
    assert_eq!(health, 503);
    // Without JavaScript the same save is answered with everything typed, to send again
    // later: the form's page cannot load now, and the text is larger than a cookie holds.
    let long = "Ledningen under avbrottet, skriven utan JavaScript & med <vinklar>. ".repeat(80);
    let fields = [("application", application.as_str()), ("text[ledning]", long.as_str()), ("version[ledning]", "1")];
    let (status, kept) = anna.plain_post("/api/save_application", &fields).await.unwrap();
    assert_eq!(status, 503, "{kept}");
    assert!(kept.contains("<h1>Det du skrev finns kvar</h1>"), "{kept}");
    let escaped = long.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;");
    assert!(kept.contains(&format!("name=\"text[ledning]\" rows=\"30\" cols=\"80\">\n{escaped}</textarea>")), "{kept}");
    assert!(kept.contains(r#"<form method="post" action="/api/save_application">"#), "{kept}");
    assert!(kept.contains(&format!(r#"<input type="hidden" name="application" value="{application}">"#)), "{kept}");

    // Started again: the portal finds its database by itself, without a restart.
    cluster.start();
    let started = Instant::now();
    loop {
        let (status, _) = anna.get("/healthz").await.unwrap();
        if status == 200 {
            break;
        }
        assert!(started.elapsed() < Duration::from_secs(30), "the portal did not recover:\n{}", portal.log());
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    let (status, page) = anna.get("/ansokan").await.unwrap();
    assert_eq!(status, 200, "the session outlived the outage: {page}");
    assert!(page.contains("Ledningen före avbrottet.") && !page.contains("Ledningen under avbrottet."));
    // The kept page's form, sent again now, saves the text.
    let (status, editor) = anna.plain_post("/api/save_application", &fields).await.unwrap();
    assert_eq!(status, 200, "saved, and (the redirect followed) on to the editor: {editor}");
    assert!(editor.contains("skriven utan JavaScript &amp; med &lt;vinklar&gt;."), "{editor}");
    let (status, body) = save(&mut anna, &application, "Ledningen efter avbrottet.", "2").await;
    assert_eq!(status, 200, "{body}");

    let db = app::storage::Db::connect(&url).await.unwrap();
    let versions: Vec<(i64, String)> = sqlx::query(
        "SELECT version, body FROM application_versions WHERE application_id = $1 AND part = 'ledning' ORDER BY version",
    )
    .bind(&application)
    .fetch_all(db.pool())
    .await
    .unwrap()
    .iter()
    .map(|r| (r.get(0), r.get(1)))
    .collect();
    assert_eq!(
        versions,
        vec![
            (1, "Ledningen före avbrottet.".to_owned()),
            (2, long.clone()),
            (3, "Ledningen efter avbrottet.".to_owned())
        ],
        "exactly what was acknowledged, nothing from the outage"
    );
}
