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
        let (counters, tables) = match app::storage::Db::connect(&settings.database_url).await {
            Ok(db) => {
                let read = (backup::change_counters(&db).await, backup::postgres_tables(&db).await);
                db.close().await;
                read
            }
            Err(_) => (Vec::new(), Vec::new()),
        };
        // Every table goes first and comes back as the backup has it: `--clean` alone
        // drops only what the backup holds, and a table, constraint or reference made
        // since by a later migration would stop it. The migrations then bring an older
        // backup up to date when the portal starts.
        let drop = backup::drop_tables(&tables);
        let script = run_tool(
            Command::new("pg_restore")
                .args(["--clean", "--if-exists", "--no-owner", "--no-privileges", "--file", "-"])
                .arg(file),
        )?;
        // One transaction: a restore that fails leaves the database as it was.
        let mut psql = Command::new("psql");
        psql.args(["--no-psqlrc", "--quiet", "--single-transaction", "--set", "ON_ERROR_STOP=1", "--dbname"])
            .arg(&settings.database_url);
        run_tool_with_input(&mut psql, format!("{drop}{script}").as_bytes())?;
        // A backup from an older version is brought up to date.
        let db = startup::open_database(settings).await?;
        backup::counters_go_on(&db, &counters).await.map_err(|e| StartError::Input(e.to_string()))?;
    }
    println!("restored from {}", file.display());
    Ok(())
}

/// Runs a tool and answers what it wrote to standard output.
fn run_tool(command: &mut Command) -> Result<String, StartError> {
    run_tool_with_input(command, &[])
}

fn run_tool_with_input(command: &mut Command, input: &[u8]) -> Result<String, StartError> {
    use std::{io::Write, process::Stdio};
    let name = command.get_program().to_string_lossy().into_owned();
    let missing = |e: std::io::Error| StartError::Input(format!("{name}: {e} (is it installed and on PATH?)"));
    let mut child =
        command.stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().map_err(missing)?;
    let mut stdin = child.stdin.take().expect("stdin is piped");
    let written = std::thread::scope(|scope| {
        let writer = scope.spawn(move || stdin.write_all(input));
        let out = child.wait_with_output();
        (writer.join(), out)
    });
    let out = match written {
        (_, Err(e)) => return Err(missing(e)),
        (Ok(Err(e)), _) => return Err(StartError::Input(format!("{name}: {e}"))),
        (_, Ok(out)) => out,
    };
    if out.status.success() {
        Ok(String::from_utf8_lossy(&out.stdout).into_owned())
    } else {
        Err(StartError::Input(format!("{name} failed: {}", String::from_utf8_lossy(&out.stderr).trim())))
    }
}
