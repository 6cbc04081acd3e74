//! Failed log-ins, kept for a day, counted to throttle guessing.

use super::{Backend, Db, from_db_time, to_db_time};
use chrono::{DateTime, Duration, Utc};
use sqlx::{AnyConnection, Row};

pub async fn record(db: &Db, keys: &[&str], now: DateTime<Utc>) -> Result<(), sqlx::Error> {
    let mut tx = db.begin_write().await?;
    for key in keys {
        sqlx::query("INSERT INTO login_failures (throttle_key, failed_at) VALUES ($1, $2)")
            .bind(*key)
            .bind(to_db_time(now))
            .execute(&mut *tx)
            .await?;
        sqlx::query("DELETE FROM login_failures WHERE throttle_key = $1 AND failed_at < $2")
            .bind(*key)
            .bind(to_db_time(now - Duration::days(1)))
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await
}

/// Counts one event under `key` if `decide`, given the events under it since `since`
/// (newest first), admits it. The reading and the counting are one transaction that
/// takes turns with every other on the same key (`BEGIN IMMEDIATE` on SQLite, an
/// advisory lock on PostgreSQL): requests at the same moment cannot all slip under a limit.
pub async fn admit<E>(
    db: &Db,
    key: &str,
    since: DateTime<Utc>,
    now: DateTime<Utc>,
    decide: impl FnOnce(&[DateTime<Utc>]) -> Result<(), E>,
) -> Result<Result<(), E>, sqlx::Error> {
    let mut tx = db.begin_write().await?;
    if db.backend() == Backend::Postgres {
        sqlx::query("SELECT pg_advisory_xact_lock(hashtext($1))").bind(key).execute(&mut *tx).await?;
    }
    let recent = sqlx::query(
        "SELECT failed_at FROM login_failures WHERE throttle_key = $1 AND failed_at >= $2 ORDER BY failed_at DESC",
    )
    .bind(key)
    .bind(to_db_time(since))
    .fetch_all(&mut *tx)
    .await?
    .into_iter()
    .map(|r| from_db_time(&r.try_get::<String, _>("failed_at")?))
    .collect::<Result<Vec<_>, sqlx::Error>>()?;
    if let Err(refused) = decide(&recent) {
        return Ok(Err(refused));
    }
    sqlx::query("INSERT INTO login_failures (throttle_key, failed_at) VALUES ($1, $2)")
        .bind(key)
        .bind(to_db_time(now))
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(Ok(()))
}

/// The failures under `key` since `since`, newest first.
pub async fn since(
    conn: &mut AnyConnection,
    key: &str,
    since: DateTime<Utc>,
) -> Result<Vec<DateTime<Utc>>, sqlx::Error> {
    sqlx::query(
        "SELECT failed_at FROM login_failures WHERE throttle_key = $1 AND failed_at >= $2 ORDER BY failed_at DESC",
    )
    .bind(key)
    .bind(to_db_time(since))
    .fetch_all(&mut *conn)
    .await?
    .into_iter()
    .map(|r| from_db_time(&r.try_get::<String, _>("failed_at")?))
    .collect()
}

pub async fn clear(conn: &mut AnyConnection, key: &str) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM login_failures WHERE throttle_key = $1").bind(key).execute(&mut *conn).await?;
    Ok(())
}

/// Forgets an account's failures when the account is deleted: those counted
/// under the account, under each address together with the account, and the
/// mail anyone caused to its address.
pub async fn delete_for_account(conn: &mut AnyConnection, email: &str) -> Result<(), sqlx::Error> {
    sqlx::query(
        "DELETE FROM login_failures WHERE throttle_key = $1 OR throttle_key = $3 \
         OR (throttle_key LIKE 'ip-konto:%' AND substr(throttle_key, length(throttle_key) - length(CAST($2 AS TEXT)) + 1) = CAST($2 AS TEXT))",
    )
    .bind(format!("konto:{email}"))
    .bind(format!(":{email}"))
    .bind(format!("brev:{email}"))
    .execute(conn)
    .await?;
    Ok(())
}
