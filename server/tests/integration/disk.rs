//! The SQLite file's disk runs full under an applicant's autosaves: the save
//! that does not fit is refused with the service's Swedish message (503), the
//! portal keeps serving pages, saves work again once there is room, and the
//! file passes `PRAGMA integrity_check` with every acknowledged save in it.
//! (It found that a connection which met the full disk stayed broken: see
//! `storage::Db::connect`.)
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

/// A folder with something mounted on it; unmounted when dropped.
struct Mounted {
    dir: tempfile::TempDir,
}

impl Mounted {
    /// A tmpfs of its own, small enough to fill in a moment.
    fn small_disk(size: &str) -> Mounted {
        let mounted = Mounted { dir: tempfile::tempdir().unwrap() };
        mount(&["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"], mounted.path());
        mounted
    }

    /// The same files seen through a read-only bind mount. Remounting the disk
    /// itself read-only would fail while any process (a child another test
    /// started, say) still held a file on it open for writing.
    fn read_only_view(&self) -> Mounted {
        let view = Mounted { dir: tempfile::tempdir().unwrap() };
        let source = self.path().to_str().expect("a temporary folder's name is text");
        mount(&["--bind", source], view.path());
        mount(&["-o", "remount,ro,bind"], view.path());
        view
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }
}

impl Drop for Mounted {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg("-l").arg(self.dir.path()).status();
    }
}

fn mount(args: &[&str], target: &Path) {
    let out = Command::new("mount").args(args).arg(target).output().expect("mount runs");
    assert!(
        out.status.success(),
        "mount {args:?} {} failed; this test mounts disks of its own and needs root, as scripts/test.sh has: {}",
        target.display(),
        String::from_utf8_lossy(&out.stderr)
    );
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
    let disk = Mounted::small_disk("6m");
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

    // Room again: saves work, on whichever pooled connection they get (the one
    // that met the full disk must not be handed out in a broken state).
    std::fs::remove_file(disk.path().join("fyllnad")).unwrap();
    for n in 1..=10 {
        let version = acknowledged.last().map_or(0, |(v, _)| *v);
        let text = format!("Sparat igen, gång {n}, när disken fått plats.");
        let saved = save(&mut visitor, &application, version, &text).await;
        assert_eq!(saved, Ok(version + 1), "save {n} once the disk has room:\n{}", portal.log());
        acknowledged.push((version + 1, text));
    }
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
    let read_only = disk.read_only_view();
    let out = Command::new(env!("CARGO_BIN_EXE_portal"))
        .arg("serve")
        .env("DATABASE_URL", format!("sqlite://{}", read_only.path().join("portal.db").display()))
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
