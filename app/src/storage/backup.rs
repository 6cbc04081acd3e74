//! Backups of the SQLite database, made and restored by SQLite itself, while
//! the portal runs. (PostgreSQL's are made with its own tools; see `portal backup`.)
//!
//! A backup is `VACUUM INTO`: one consistent snapshot in a new file. A restore
//! replaces the contents of every table with the backup's in one transaction,
//! so the running portal sees the database either as it was or as restored.

use super::Db;
use sqlx::{Connection, Row};
use std::path::Path;

#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error("{0} already exists; choose a new file name, so that no backup is overwritten")]
    Exists(String),
    #[error("{0} does not exist")]
    Missing(String),
    #[error("the backup {file} is damaged: {report}")]
    Damaged { file: String, report: String },
    #[error(
        "the backup is from another version of the portal (schema {backup}, this portal {current}); \
         restore it with the version that made it"
    )]
    OtherVersion { backup: i64, current: i64 },
    #[error(transparent)]
    Database(#[from] sqlx::Error),
}

/// Writes a consistent copy of the whole database to `file`, which must not
/// exist, and checks the copy.
pub async fn write_sqlite_backup(db: &Db, file: &Path) -> Result<(), BackupError> {
    let name = file.display().to_string();
    if file.exists() {
        return Err(BackupError::Exists(name));
    }
    sqlx::query("VACUUM INTO $1").bind(&name).execute(db.pool()).await?;
    let mut conn = db.pool().acquire().await?;
    attach(&mut conn, file).await?;
    let checked = check_attached(&mut conn, &name).await;
    detach(&mut conn).await?;
    checked.map(|_| ())
}

/// Replaces every table's rows with those of the backup in `file`, in one
/// transaction. The backup must be whole and of the same schema version.
pub async fn restore_sqlite_backup(db: &Db, file: &Path) -> Result<(), BackupError> {
    let name = file.display().to_string();
    if !file.exists() {
        return Err(BackupError::Missing(name));
    }
    let mut conn = db.pool().acquire().await?;
    attach(&mut conn, file).await?;
    let restored = async {
        let backup = check_attached(&mut conn, &name).await?;
        let current: i64 =
            sqlx::query("SELECT MAX(version) FROM main._sqlx_migrations").fetch_one(&mut *conn).await?.try_get(0)?;
        if backup != current {
            return Err(BackupError::OtherVersion { backup, current });
        }
        let tables: Vec<String> = sqlx::query(
            "SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' \
             AND name NOT IN ('_sqlx_migrations', 'change_counters') ORDER BY name",
        )
        .fetch_all(&mut *conn)
        .await?
        .iter()
        .map(|r| r.try_get(0))
        .collect::<Result<_, _>>()?;
        // Rows go in table by table, so the references are checked once all
        // are in (foreign keys cannot be switched off inside a transaction).
        sqlx::query("PRAGMA foreign_keys = OFF").execute(&mut *conn).await?;
        let mut tx = conn.begin_with("BEGIN IMMEDIATE").await?;
        for table in &tables {
            sqlx::query(&format!("DELETE FROM main.\"{table}\"")).execute(&mut *tx).await?;
        }
        for table in &tables {
            sqlx::query(&format!("INSERT INTO main.\"{table}\" SELECT * FROM backup.\"{table}\""))
                .execute(&mut *tx)
                .await?;
        }
        // The counters go on from where they stand (`counters_go_on`).
        sqlx::query("UPDATE change_counters SET version = version + 1").execute(&mut *tx).await?;
        let broken = sqlx::query("PRAGMA main.foreign_key_check").fetch_all(&mut *tx).await?;
        if let Some(row) = broken.first() {
            let table: String = row.try_get(0)?;
            return Err(BackupError::Damaged {
                file: name.clone(),
                report: format!("a reference in {table} is broken"),
            });
        }
        tx.commit().await?;
        Ok(())
    }
    .await;
    sqlx::query("PRAGMA foreign_keys = ON").execute(&mut *conn).await?;
    detach(&mut conn).await?;
    restored
}

/// The change counters (`storage::rounds::CurrentRounds`), before a restore that
/// replaces them (PostgreSQL's); none when the table is not there yet.
pub async fn change_counters(db: &Db) -> Vec<(String, i64)> {
    match sqlx::query("SELECT name, version FROM change_counters").fetch_all(db.pool()).await {
        Ok(rows) => rows.iter().filter_map(|r| Some((r.try_get(0).ok()?, r.try_get(1).ok()?))).collect(),
        Err(err) => {
            tracing::warn!("no change counters to move on past: {err}");
            Vec::new()
        }
    }
}

/// The tables of a PostgreSQL database, before a restore replaces them; none when
/// they cannot be read (the restore goes ahead as for a new database).
pub async fn postgres_tables(db: &Db) -> Vec<String> {
    let listing = "SELECT CAST(tablename AS TEXT) FROM pg_tables WHERE schemaname = current_schema()";
    match sqlx::query(listing).fetch_all(db.pool()).await {
        Ok(rows) => rows.iter().filter_map(|r| r.try_get(0).ok()).collect(),
        Err(err) => {
            tracing::warn!("the tables to replace could not be listed: {err}");
            Vec::new()
        }
    }
}

/// SQL that drops every one of `tables`, before a restore makes the backup's: its
/// own `--clean` drops only what the backup holds, and a table, constraint or
/// reference made since (by a later migration) would stay and stop it.
pub fn drop_tables(tables: &[String]) -> String {
    tables.iter().map(|table| format!("DROP TABLE IF EXISTS \"{}\" CASCADE;\n", table.replace('"', "\"\""))).collect()
}

/// After a restore, every change counter goes on beyond both what it was before
/// and what the backup had: an instance still running keeps rows read under a
/// value that the restored counter could otherwise reach again with other rows.
pub async fn counters_go_on(db: &Db, before: &[(String, i64)]) -> Result<(), sqlx::Error> {
    for (name, version) in before {
        sqlx::query("UPDATE change_counters SET version = version + $2 + 1 WHERE name = $1")
            .bind(name)
            .bind(version)
            .execute(db.pool())
            .await?;
    }
    Ok(())
}

async fn attach(conn: &mut sqlx::AnyConnection, file: &Path) -> Result<(), sqlx::Error> {
    sqlx::query("ATTACH DATABASE $1 AS backup").bind(file.display().to_string()).execute(conn).await.map(|_| ())
}

async fn detach(conn: &mut sqlx::AnyConnection) -> Result<(), sqlx::Error> {
    sqlx::query("DETACH DATABASE backup").execute(conn).await.map(|_| ())
}

/// The attached backup's integrity, and its schema version.
async fn check_attached(conn: &mut sqlx::AnyConnection, name: &str) -> Result<i64, BackupError> {
    let damaged = |report: String| BackupError::Damaged { file: name.to_owned(), report };
    let report: Vec<String> = match sqlx::query("PRAGMA backup.integrity_check").fetch_all(&mut *conn).await {
        Ok(rows) => rows.iter().map(|r| r.try_get(0)).collect::<Result<_, _>>()?,
        Err(err) => return Err(damaged(err.to_string())),
    };
    if report != ["ok"] {
        return Err(damaged(report.join("; ")));
    }
    match sqlx::query("SELECT MAX(version) FROM backup._sqlx_migrations").fetch_one(&mut *conn).await {
        Ok(row) => Ok(row.try_get(0)?),
        Err(_) => Err(damaged("it has none of the portal's tables".into())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_table_is_dropped_by_its_quoted_name() {
        let tables = ["awards", "odd\"name"].map(String::from);
        assert_eq!(
            drop_tables(&tables),
            "DROP TABLE IF EXISTS \"awards\" CASCADE;\nDROP TABLE IF EXISTS \"odd\"\"name\" CASCADE;\n"
        );
    }
}
