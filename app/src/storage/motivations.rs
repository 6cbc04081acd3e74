//! The jury's motivations: every version of each, and each juror's sign-off
//! with the version it names.

use super::{from_db_time, to_db_time};
use crate::domain::lifecycle::RoundState;
use chrono::{DateTime, Utc};
use sqlx::{AnyConnection, Row};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Version {
    pub application_id: String,
    pub version: i64,
    pub text: String,
    pub written_by_name: String,
    pub written_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignedOff {
    pub application_id: String,
    pub user_id: String,
    pub version: i64,
    pub signed_at: DateTime<Utc>,
}

fn version_of(r: &sqlx::any::AnyRow) -> Result<Version, sqlx::Error> {
    Ok(Version {
        application_id: r.try_get("application_id")?,
        version: r.try_get("version")?,
        text: r.try_get("text")?,
        written_by_name: r.try_get("written_by_name")?,
        written_at: from_db_time(&r.try_get::<String, _>("written_at")?)?,
    })
}

const VERSION_COLUMNS: &str = "application_id, version, text, written_by_name, written_at";

/// Every version in the round, oldest first per application.
pub async fn versions_of_round(conn: &mut AnyConnection, round_id: &str) -> Result<Vec<Version>, sqlx::Error> {
    sqlx::query(&format!(
        "SELECT {VERSION_COLUMNS} FROM motivation_versions WHERE round_id = $1 ORDER BY application_id, version"
    ))
    .bind(round_id)
    .fetch_all(&mut *conn)
    .await?
    .iter()
    .map(version_of)
    .collect()
}

/// Where taking a motivation's turn leaves it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Turn {
    Taken,
    /// The round is no longer in review.
    Locked,
    /// The application is not chosen.
    NotChosen,
}

/// Takes the motivation's turn: the first statements of a transaction that
/// writes a version or a sign-off write the round's row (only while the decision
/// is open, `RoundState::DECISION_OPEN`) and the decision's, so such transactions take turns with each other
/// and with the step that decides, on both databases.
pub async fn lock(conn: &mut AnyConnection, round_id: &str, application_id: &str) -> Result<Turn, sqlx::Error> {
    let in_review = sqlx::query("UPDATE rounds SET state = state WHERE id = $1 AND state = $2")
        .bind(round_id)
        .bind(RoundState::DECISION_OPEN.code())
        .execute(&mut *conn)
        .await?;
    if in_review.rows_affected() != 1 {
        return Ok(Turn::Locked);
    }
    let chosen =
        sqlx::query("UPDATE decisions SET decided_at = decided_at WHERE round_id = $1 AND application_id = $2")
            .bind(round_id)
            .bind(application_id)
            .execute(&mut *conn)
            .await?;
    Ok(if chosen.rows_affected() == 1 { Turn::Taken } else { Turn::NotChosen })
}

/// Clears every sign-off of the application's motivation: its outcome changed, so the text is read anew.
pub async fn clear_sign_offs(
    conn: &mut AnyConnection,
    round_id: &str,
    application_id: &str,
) -> Result<u64, sqlx::Error> {
    let cleared = sqlx::query("DELETE FROM motivation_signoffs WHERE round_id = $1 AND application_id = $2")
        .bind(round_id)
        .bind(application_id)
        .execute(conn)
        .await?;
    Ok(cleared.rows_affected())
}

/// The newest version number of one motivation (0: none yet), read inside the writing transaction.
pub async fn current_version(
    conn: &mut AnyConnection,
    round_id: &str,
    application_id: &str,
) -> Result<(i64, String), sqlx::Error> {
    let row = sqlx::query(
        "SELECT version, text FROM motivation_versions WHERE round_id = $1 AND application_id = $2 \
         ORDER BY version DESC LIMIT 1",
    )
    .bind(round_id)
    .bind(application_id)
    .fetch_optional(conn)
    .await?;
    row.map_or(Ok((0, String::new())), |r| Ok((r.try_get("version")?, r.try_get("text")?)))
}

/// Adds version `version`; the caller has checked, in the same transaction, that it follows the newest.
pub async fn add_version(
    conn: &mut AnyConnection,
    round_id: &str,
    application_id: &str,
    version: i64,
    text: &str,
    (user_id, name): (&str, &str),
    at: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO motivation_versions (round_id, application_id, version, text, written_by, written_by_name, \
         written_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(round_id)
    .bind(application_id)
    .bind(version)
    .bind(text)
    .bind(user_id)
    .bind(name)
    .bind(to_db_time(at))
    .execute(conn)
    .await?;
    Ok(())
}

/// Every juror's latest sign-off in the round.
pub async fn sign_offs_of_round(conn: &mut AnyConnection, round_id: &str) -> Result<Vec<SignedOff>, sqlx::Error> {
    sign_offs(&mut *conn, round_id).await
}

/// The same, read inside a transaction.
pub async fn sign_offs_in(conn: &mut AnyConnection, round_id: &str) -> Result<Vec<SignedOff>, sqlx::Error> {
    sign_offs(conn, round_id).await
}

async fn sign_offs<'e>(
    executor: impl sqlx::Executor<'e, Database = sqlx::Any>,
    round_id: &str,
) -> Result<Vec<SignedOff>, sqlx::Error> {
    sqlx::query("SELECT application_id, user_id, version, signed_at FROM motivation_signoffs WHERE round_id = $1")
        .bind(round_id)
        .fetch_all(executor)
        .await?
        .iter()
        .map(|r| {
            Ok(SignedOff {
                application_id: r.try_get("application_id")?,
                user_id: r.try_get("user_id")?,
                version: r.try_get("version")?,
                signed_at: from_db_time(&r.try_get::<String, _>("signed_at")?)?,
            })
        })
        .collect()
}

/// Records that the juror signed `version`, replacing an earlier sign-off.
pub async fn sign(
    conn: &mut AnyConnection,
    round_id: &str,
    application_id: &str,
    user_id: &str,
    version: i64,
    at: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO motivation_signoffs (round_id, application_id, user_id, version, signed_at) \
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (round_id, application_id, user_id) \
         DO UPDATE SET version = excluded.version, signed_at = excluded.signed_at",
    )
    .bind(round_id)
    .bind(application_id)
    .bind(user_id)
    .bind(version)
    .bind(to_db_time(at))
    .execute(conn)
    .await?;
    Ok(())
}
