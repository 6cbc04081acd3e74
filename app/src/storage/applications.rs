//! A kommun's application: the row, its parts with every version, the copies
//! kept on a conflict, and the reminders sent.
//!
//! Every change runs in a transaction opened by `lock`, whose first statement
//! writes the application row: PostgreSQL then holds the row lock and SQLite
//! the write lock for the rest of the transaction, so two saves of one
//! application take turns and a compare-and-set on a part's version is exact.

use super::{from_db_time, to_db_time};
use crate::domain::application::{Reminder, Status};
use chrono::{DateTime, Utc};
use sqlx::{AnyConnection, Row, any::AnyRow};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Application {
    pub id: String,
    pub round_id: String,
    pub kommun_kod: String,
    pub status: Status,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// A part's current text, or one of its earlier versions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartVersion {
    pub part: String,
    pub version: i64,
    pub body: String,
    pub saved_by_name: String,
    pub saved_at: DateTime<Utc>,
}

/// A writer's own text that met a newer version of the part.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConflictCopy {
    pub part: String,
    pub base_version: i64,
    pub body: String,
    pub saved_at: DateTime<Utc>,
}

fn status_of(code: &str) -> Result<Status, sqlx::Error> {
    Status::from_code(code).ok_or_else(|| sqlx::Error::Decode(format!("unknown application status {code:?}").into()))
}

fn application(row: &AnyRow) -> Result<Application, sqlx::Error> {
    Ok(Application {
        id: row.try_get("id")?,
        round_id: row.try_get("round_id")?,
        kommun_kod: row.try_get("kommun_kod")?,
        status: status_of(&row.try_get::<String, _>("status")?)?,
        created_at: from_db_time(&row.try_get::<String, _>("created_at")?)?,
        updated_at: from_db_time(&row.try_get::<String, _>("updated_at")?)?,
    })
}

fn part_version(row: &AnyRow) -> Result<PartVersion, sqlx::Error> {
    Ok(PartVersion {
        part: row.try_get("part")?,
        version: row.try_get("version")?,
        body: row.try_get("body")?,
        saved_by_name: row.try_get("saved_by_name")?,
        saved_at: from_db_time(&row.try_get::<String, _>("saved_at")?)?,
    })
}

const COLUMNS: &str = "id, round_id, kommun_kod, status, created_at, updated_at";

/// The kommun's application to the round, created on first open.
pub async fn open(
    conn: &mut AnyConnection,
    round_id: &str,
    kommun_kod: &str,
    now: DateTime<Utc>,
) -> Result<Application, sqlx::Error> {
    if let Some(found) = for_kommun(&mut *conn, round_id, kommun_kod).await? {
        return Ok(found);
    }
    let at = to_db_time(now);
    sqlx::query(
        "INSERT INTO applications (id, round_id, kommun_kod, status, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $5) ON CONFLICT (round_id, kommun_kod) DO NOTHING",
    )
    .bind(uuid::Uuid::new_v4().to_string())
    .bind(round_id)
    .bind(kommun_kod)
    .bind(Status::Draft.code())
    .bind(&at)
    .execute(&mut *conn)
    .await?;
    // Two colleagues opening it at once both get the one row that won.
    for_kommun(&mut *conn, round_id, kommun_kod).await?.ok_or(sqlx::Error::RowNotFound)
}

pub async fn for_kommun(
    conn: &mut AnyConnection,
    round_id: &str,
    kommun_kod: &str,
) -> Result<Option<Application>, sqlx::Error> {
    sqlx::query(&format!("SELECT {COLUMNS} FROM applications WHERE round_id = $1 AND kommun_kod = $2"))
        .bind(round_id)
        .bind(kommun_kod)
        .fetch_optional(&mut *conn)
        .await?
        .as_ref()
        .map(application)
        .transpose()
}

pub async fn find(conn: &mut AnyConnection, id: &str) -> Result<Option<Application>, sqlx::Error> {
    sqlx::query(&format!("SELECT {COLUMNS} FROM applications WHERE id = $1"))
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?
        .as_ref()
        .map(application)
        .transpose()
}

/// Every application to a round.
pub async fn of_round(conn: &mut AnyConnection, round_id: &str) -> Result<Vec<Application>, sqlx::Error> {
    sqlx::query(&format!("SELECT {COLUMNS} FROM applications WHERE round_id = $1 ORDER BY kommun_kod"))
        .bind(round_id)
        .fetch_all(&mut *conn)
        .await?
        .iter()
        .map(application)
        .collect()
}

/// Starts a change: takes the application's lock for the transaction and
/// answers its status as it is now.
pub async fn lock(conn: &mut AnyConnection, id: &str, now: DateTime<Utc>) -> Result<Option<Status>, sqlx::Error> {
    let row = sqlx::query("UPDATE applications SET updated_at = $1 WHERE id = $2 RETURNING status")
        .bind(to_db_time(now))
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?;
    row.map(|r| status_of(&r.try_get::<String, _>("status")?)).transpose()
}

/// The status as it is now, inside a transaction.
pub async fn status(conn: &mut AnyConnection, id: &str) -> Result<Option<Status>, sqlx::Error> {
    let row = sqlx::query("SELECT status FROM applications WHERE id = $1").bind(id).fetch_optional(conn).await?;
    row.map(|r| status_of(&r.try_get::<String, _>("status")?)).transpose()
}

pub async fn set_status(conn: &mut AnyConnection, id: &str, status: Status) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE applications SET status = $1 WHERE id = $2")
        .bind(status.code())
        .bind(id)
        .execute(conn)
        .await
        .map(|_| ())
}

const PART_COLUMNS: &str = "part, version, body, saved_by_name, saved_at";

/// The current text of every part that has been saved.
pub async fn parts(conn: &mut AnyConnection, id: &str) -> Result<Vec<PartVersion>, sqlx::Error> {
    sqlx::query(&format!("SELECT {PART_COLUMNS} FROM application_parts WHERE application_id = $1"))
        .bind(id)
        .fetch_all(conn)
        .await?
        .iter()
        .map(part_version)
        .collect()
}

/// Who saves, for the version's record.
pub struct Writer<'a> {
    pub user_id: &'a str,
    pub name: &'a str,
}

/// Saves `body` as the next version of `part` if its current version is still
/// `base` (0: never saved). Answers the new version, or `None` when a newer
/// one has been saved meanwhile. Call inside `lock`'s transaction.
pub async fn save_part(
    conn: &mut AnyConnection,
    id: &str,
    part: &str,
    base: i64,
    body: &str,
    writer: &Writer<'_>,
    now: DateTime<Utc>,
) -> Result<Option<i64>, sqlx::Error> {
    let at = to_db_time(now);
    let changed = if base == 0 {
        sqlx::query(
            "INSERT INTO application_parts (application_id, part, version, body, saved_by, saved_by_name, saved_at) \
             VALUES ($1, $2, 1, $3, $4, $5, $6) ON CONFLICT (application_id, part) DO NOTHING",
        )
        .bind(id)
        .bind(part)
        .bind(body)
        .bind(writer.user_id)
        .bind(writer.name)
        .bind(&at)
        .execute(&mut *conn)
        .await?
    } else {
        sqlx::query(
            "UPDATE application_parts SET version = version + 1, body = $1, saved_by = $2, saved_by_name = $3, \
             saved_at = $4 WHERE application_id = $5 AND part = $6 AND version = $7",
        )
        .bind(body)
        .bind(writer.user_id)
        .bind(writer.name)
        .bind(&at)
        .bind(id)
        .bind(part)
        .bind(base)
        .execute(&mut *conn)
        .await?
    };
    if changed.rows_affected() == 0 {
        return Ok(None);
    }
    let version = base + 1;
    sqlx::query(
        "INSERT INTO application_versions (application_id, part, version, body, saved_by_name, saved_at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(id)
    .bind(part)
    .bind(version)
    .bind(body)
    .bind(writer.name)
    .bind(&at)
    .execute(&mut *conn)
    .await?;
    Ok(Some(version))
}

/// Every saved version of a part, newest first.
pub async fn history(conn: &mut AnyConnection, id: &str, part: &str) -> Result<Vec<PartVersion>, sqlx::Error> {
    sqlx::query(&format!(
        "SELECT {PART_COLUMNS} FROM application_versions WHERE application_id = $1 AND part = $2 ORDER BY version DESC"
    ))
    .bind(id)
    .bind(part)
    .fetch_all(&mut *conn)
    .await?
    .iter()
    .map(part_version)
    .collect()
}

pub async fn version<'e>(
    executor: impl sqlx::Executor<'e, Database = sqlx::Any>,
    id: &str,
    part: &str,
    version: i64,
) -> Result<Option<PartVersion>, sqlx::Error> {
    sqlx::query(&format!(
        "SELECT {PART_COLUMNS} FROM application_versions WHERE application_id = $1 AND part = $2 AND version = $3"
    ))
    .bind(id)
    .bind(part)
    .bind(version)
    .fetch_optional(executor)
    .await?
    .as_ref()
    .map(part_version)
    .transpose()
}

/// Keeps (or replaces) the writer's own copy of a part that could not be saved.
pub async fn keep_conflict(
    conn: &mut AnyConnection,
    id: &str,
    part: &str,
    user_id: &str,
    base_version: i64,
    body: &str,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO application_conflicts (application_id, part, user_id, base_version, body, saved_at) \
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (application_id, part, user_id) \
         DO UPDATE SET base_version = excluded.base_version, body = excluded.body, saved_at = excluded.saved_at",
    )
    .bind(id)
    .bind(part)
    .bind(user_id)
    .bind(base_version)
    .bind(body)
    .bind(to_db_time(now))
    .execute(conn)
    .await
    .map(|_| ())
}

pub async fn drop_conflict(conn: &mut AnyConnection, id: &str, part: &str, user_id: &str) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM application_conflicts WHERE application_id = $1 AND part = $2 AND user_id = $3")
        .bind(id)
        .bind(part)
        .bind(user_id)
        .execute(conn)
        .await
        .map(|_| ())
}

/// The writer's own copies waiting for a choice.
pub async fn conflicts(conn: &mut AnyConnection, id: &str, user_id: &str) -> Result<Vec<ConflictCopy>, sqlx::Error> {
    sqlx::query(
        "SELECT part, base_version, body, saved_at FROM application_conflicts \
         WHERE application_id = $1 AND user_id = $2",
    )
    .bind(id)
    .bind(user_id)
    .fetch_all(&mut *conn)
    .await?
    .iter()
    .map(|r| {
        Ok(ConflictCopy {
            part: r.try_get("part")?,
            base_version: r.try_get("base_version")?,
            body: r.try_get("body")?,
            saved_at: from_db_time(&r.try_get::<String, _>("saved_at")?)?,
        })
    })
    .collect()
}

/// The reminders already sent for each application of a round.
pub async fn reminders_sent(conn: &mut AnyConnection, round_id: &str) -> Result<Vec<(String, Reminder)>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT r.application_id, r.kind FROM application_reminders r \
         JOIN applications a ON a.id = r.application_id WHERE a.round_id = $1",
    )
    .bind(round_id)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows
        .iter()
        .filter_map(|r| {
            let kind = Reminder::from_code(&r.try_get::<String, _>("kind").ok()?)?;
            Some((r.try_get("application_id").ok()?, kind))
        })
        .collect())
}

/// Records a reminder; false if it had been recorded already (by another
/// instance of the portal), so it is sent once.
pub async fn record_reminder(
    conn: &mut AnyConnection,
    id: &str,
    reminder: Reminder,
    now: DateTime<Utc>,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "INSERT INTO application_reminders (application_id, kind, sent_at) VALUES ($1, $2, $3) \
         ON CONFLICT (application_id, kind) DO NOTHING",
    )
    .bind(id)
    .bind(reminder.code())
    .bind(to_db_time(now))
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}
