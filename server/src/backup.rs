//! `portal backup` and `portal restore`: SQLite by SQLite itself (a snapshot
//! with `VACUUM INTO`, restored in one transaction, the portal may run);
//! PostgreSQL by its own tools, `pg_dump` and `pg_restore`, which must be on PATH.

use crate::startup::{self, StartError};
use app::{config::Settings, storage::backup};
use std::{path::Path, process::Command};

fn is_sqlite(settings: &Settings) -> bool {
    settings.database_url.starts_with("sqlite:")
}

pub async fn backup(settings: &Settings, file: &Path) -> Result<(), StartError> {
    if is_sqlite(settings) {
        let db = startup::open_database(settings).await?;
        backup::write_sqlite_backup(&db, file).await.map_err(|e| StartError::Input(e.to_string()))?;
    } else {
        if file.exists() {
            return Err(StartError::Input(backup::BackupError::Exists(file.display().to_string()).to_string()));
        }
        let mut dump = Command::new("pg_dump");
        dump.args(["--format=custom", "--no-owner", "--no-privileges", "--file"]).arg(file);
        run_tool(dump.arg(&settings.database_url))?;
    }
    println!("backup written to {}", file.display());
    Ok(())
}

pub async fn restore(settings: &Settings, file: &Path) -> Result<(), StartError> {
    if is_sqlite(settings) {
        let db = startup::open_database(settings).await?;
        backup::restore_sqlite_backup(&db, file).await.map_err(|e| StartError::Input(e.to_string()))?;
    } else {
        if !file.exists() {
            return Err(StartError::Input(backup::BackupError::Missing(file.display().to_string()).to_string()));
        }
        // Read without migrating or seeding: the database about to be replaced may be
        // newer, half-migrated or damaged, and the restore must still go ahead.
        let counters = match app::storage::Db::connect(&settings.database_url).await {
            Ok(db) => {
                let counters = backup::change_counters(&db).await;
                db.close().await;
                counters
            }
            Err(_) => Vec::new(),
        };
        // One transaction: a restore that fails leaves the database as it was.
        let mut restore = Command::new("pg_restore");
        restore.args(["--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction", "--dbname"]);
        run_tool(restore.arg(&settings.database_url).arg(file))?;
        // A backup from an older version is brought up to date.
        let db = startup::open_database(settings).await?;
        backup::counters_go_on(&db, &counters).await.map_err(|e| StartError::Input(e.to_string()))?;
    }
    println!("restored from {}", file.display());
    Ok(())
}

fn run_tool(command: &mut Command) -> Result<(), StartError> {
    let name = command.get_program().to_string_lossy().into_owned();
    let out = command.output().map_err(|e| StartError::Input(format!("{name}: {e} (is it installed and on PATH?)")))?;
    if out.status.success() {
        Ok(())
    } else {
        Err(StartError::Input(format!("{name} failed: {}", String::from_utf8_lossy(&out.stderr).trim())))
    }
}
