//! The SQLite file's disk runs full under an applicant's autosaves: the save
//! that does not fit is refused with the service's Swedish message (503), the
//! portal keeps serving pages, saves work again once there is room, and the
//! file passes `PRAGMA integrity_check` with every acknowledged save in it.
//! Then the disk is made read-only: the portal refuses to start, in one line
//! naming the database, rather than serve pages that cannot save.

use crate::durability::{Portal, Visitor, create_applicants};
use sqlx::Row;
use std::{
    io::{ErrorKind, Write},
    path::Path,
    process::Command,
    time::Duration,
};

/// A tmpfs of its own, small enough to fill in a moment; unmounted when dropped.
struct SmallDisk {
    dir: tempfile::TempDir,
}

impl SmallDisk {
    fn mount(size: &str) -> SmallDisk {
        let dir = tempfile::tempdir().unwrap();
        mount(dir.path(), &format!("size={size}"));
        SmallDisk { dir }
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Remounts read-only once no process holds a file open for writing
    /// (connections closed by sqlx may take a moment to let go of theirs).
    async fn make_read_only(&self) {
        for _ in 0..50 {
            if try_mount(self.path(), "remount,ro").is_ok() {
                return;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        mount(self.path(), "remount,ro");
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg("-l").arg(self.dir.path()).status();
    }
}

fn try_mount(dir: &Path, options: &str) -> Result<(), String> {
    let out =
        Command::new("mount").args(["-t", "tmpfs", "-o", options, "tmpfs"]).arg(dir).output().expect("mount runs");
    if out.status.success() { Ok(()) } else { Err(String::from_utf8_lossy(&out.stderr).into_owned()) }
}

fn mount(dir: &Path, options: &str) {
    if let Err(err) = try_mount(dir, options) {
        panic!(
            "mount -o {options} on {} failed; this test fills a disk of its own and needs root, as scripts/test.sh \
             has: {err}",
            dir.display()
        );
    }
}

/// Writes zeros to `path` until the disk has no room left.
fn fill(path: &Path) {
    let mut file = std::fs::File::create(path).unwrap();
    let chunk = vec![0_u8; 64 * 1024];
    loop {
        match file.write(&chunk) {
            Ok(0) => break,
            Ok(_) => {}
            Err(err) if err.kind() == ErrorKind::StorageFull => break,
            Err(err) => panic!("filling the disk: {err}"),
        }
    }
}

/// One autosave of Ledning on `version`: the new version, or the refusal's status and body.
async fn save(visitor: &mut Visitor, application: &str, version: i64, text: &str) -> Result<i64, (u16, String)> {
    let base = version.to_string();
    let (status, body) = visitor
        .post(
            "/api/save_application",
            &[("application", application), ("text[ledning]", text), ("version[ledning]", &base)],
        )
        .await
        .expect("the portal answers");
    let reply: serde_json::Value = serde_json::from_str(&body).unwrap_or_default();
    match reply["saved"].as_array().map(Vec::as_slice) {
        Some([entry]) if status == 200 && entry[0] == "ledning" => Ok(entry[1].as_i64().unwrap()),
        _ => Err((status, body)),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_full_disk_refuses_the_save_clearly_and_corrupts_nothing() {
    let disk = SmallDisk::mount("6m");
    let file = disk.path().join("portal.db");
    let url = format!("sqlite://{}", file.display());
    let work = tempfile::tempdir().unwrap();
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .timeout(Duration::from_secs(15))
        .build()
        .unwrap();
    let portal = Portal::start(&url, work.path()).await;
    let (kommun, email) = create_applicants(&url).await.remove(0);
    let mut visitor = Visitor::logged_in(&portal.base_url, &client, &email).await;
    let application = visitor.application_id().await;

    // Every save until the disk refuses one: the first ones may still fit in
    // room SQLite already holds (its write-ahead log, free pages).
    let draft =
        |version: i64| format!("Utkast {version} om ledningen i {kommun}. {}", "Ledningen följer planen. ".repeat(200));
    let first = save(&mut visitor, &application, 0, &draft(1)).await;
    assert_eq!(first, Ok(1), "the first save, with room on the disk");
    let mut acknowledged = vec![(1, draft(1))];
    fill(&disk.path().join("fyllnad"));
    let refusal = loop {
        let version = acknowledged.last().map_or(0, |(v, _)| *v);
        let text = draft(version + 1);
        match save(&mut visitor, &application, version, &text).await {
            Ok(new_version) => acknowledged.push((new_version, text)),
            Err(refusal) => break refusal,
        }
        assert!(acknowledged.len() < 2_000, "the disk never refused a save: 2 000 saves of 5 000 characters fitted");
    };
    assert_eq!(refusal.0, 503, "a full disk is the service being unavailable: {}", refusal.1);
    assert!(refusal.1.contains("Unavailable"), "the editor is told which error it is: {}", refusal.1);
    let (status, page) = visitor.get("/ansokan").await.unwrap();
    assert_eq!(status, 200, "pages are still served while the disk is full");
    let last = acknowledged.last().map_or(0, |(v, _)| *v);
    assert!(page.contains(&format!("Utkast {last} om ledningen")), "the editor shows the last saved text");
    eprintln!("{} saves fitted on the full disk before one was refused", acknowledged.len() - 1);
    assert!(portal.log().contains("database or disk is full"), "the operator's log names the cause:\n{}", portal.log());

    // Room again: the next save works, based on the last acknowledged version.
    std::fs::remove_file(disk.path().join("fyllnad")).unwrap();
    let version = acknowledged.last().map_or(0, |(v, _)| *v);
    let text = "Sparat igen när disken fått plats.".to_owned();
    let saved = save(&mut visitor, &application, version, &text).await;
    assert_eq!(saved, Ok(version + 1), "saving works again once the disk has room");
    acknowledged.push((version + 1, text));
    drop(portal);

    let db = sqlx::SqlitePool::connect(&url).await.unwrap();
    let check: String = sqlx::query("PRAGMA integrity_check").fetch_one(&db).await.unwrap().get(0);
    assert_eq!(check, "ok", "the file is whole after the disk ran full");
    for (version, text) in &acknowledged {
        let body: Option<String> = sqlx::query(
            "SELECT body FROM application_versions WHERE application_id = $1 AND part = 'ledning' AND version = $2",
        )
        .bind(&application)
        .bind(version)
        .fetch_optional(&db)
        .await
        .unwrap()
        .map(|r| r.get("body"));
        assert_eq!(body.as_deref(), Some(text.as_str()), "acknowledged version {version} is kept");
    }
    db.close().await;

    // A read-only disk: the start stops with one line naming the database.
    disk.make_read_only().await;
    let out = Command::new(env!("CARGO_BIN_EXE_portal"))
        .arg("serve")
        .env("DATABASE_URL", &url)
        .env("PORTAL_ADDR", "127.0.0.1:0")
        .env("PORTAL_OUTBOX_DIR", work.path().join("outbox"))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "the portal does not serve a database it cannot write:\n{stderr}");
    assert!(
        stderr.contains("DATABASE_URL") && stderr.contains("cannot be written: Read-only file system"),
        "the line names the setting and the cause:\n{stderr}"
    );
    assert_eq!(stderr.trim().lines().count(), 1, "one line:\n{stderr}");
}
