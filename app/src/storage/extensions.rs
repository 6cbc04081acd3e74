//! Later deadlines granted to single kommuner, each with its reason.

use super::{from_db_time, to_db_time};
use crate::domain::deadline::Deadline;
use chrono::{DateTime, Utc};
use sqlx::{AnyConnection, Row, any::AnyRow};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Extension {
    pub kommun_kod: String,
    pub deadline: Deadline,
    pub reason: String,
    pub granted_by_name: String,
    pub granted_at: DateTime<Utc>,
}

fn extension(row: &AnyRow) -> Result<Extension, sqlx::Error> {
    Ok(Extension {
        kommun_kod: row.try_get("kommun_kod")?,
        deadline: Deadline::from_utc(from_db_time(&row.try_get::<String, _>("deadline_at")?)?),
        reason: row.try_get("reason")?,
        granted_by_name: row.try_get("granted_by_name")?,
        granted_at: from_db_time(&row.try_get::<String, _>("granted_at")?)?,
    })
}

const COLUMNS: &str = "kommun_kod, deadline_at, reason, granted_by_name, granted_at";

pub async fn find(
    conn: &mut AnyConnection,
    round_id: &str,
    kommun_kod: &str,
) -> Result<Option<Extension>, sqlx::Error> {
    sqlx::query(&format!("SELECT {COLUMNS} FROM deadline_extensions WHERE round_id = $1 AND kommun_kod = $2"))
        .bind(round_id)
        .bind(kommun_kod)
        .fetch_optional(&mut *conn)
        .await?
        .as_ref()
        .map(extension)
        .transpose()
}

pub async fn of_round(conn: &mut AnyConnection, round_id: &str) -> Result<Vec<Extension>, sqlx::Error> {
    sqlx::query(&format!("SELECT {COLUMNS} FROM deadline_extensions WHERE round_id = $1"))
        .bind(round_id)
        .fetch_all(&mut *conn)
        .await?
        .iter()
        .map(extension)
        .collect()
}

/// Grants (or changes) one kommun's deadline.
pub async fn grant(
    conn: &mut AnyConnection,
    round_id: &str,
    kommun_kod: &str,
    deadline: Deadline,
    reason: &str,
    granted_by: (&str, &str),
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO deadline_extensions (round_id, kommun_kod, deadline_at, reason, granted_by, granted_by_name, \
         granted_at) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (round_id, kommun_kod) DO UPDATE SET \
         deadline_at = excluded.deadline_at, reason = excluded.reason, granted_by = excluded.granted_by, \
         granted_by_name = excluded.granted_by_name, granted_at = excluded.granted_at",
    )
    .bind(round_id)
    .bind(kommun_kod)
    .bind(to_db_time(deadline.last_minute_utc()))
    .bind(reason)
    .bind(granted_by.0)
    .bind(granted_by.1)
    .bind(to_db_time(now))
    .execute(&mut *conn)
    .await
    .map(|_| ())
}
