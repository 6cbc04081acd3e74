//! What a person typed into a form that came back with problems, when it is larger
//! than a cookie holds (`api::form::finish`): kept for a minute under the hash of a
//! token only their browser has, in the cookie the page they are sent back to reads
//! and then forgets (`api::form::forget_echo`). A page may hold several forms, so
//! each reads without removing; the minute, and gallring, remove it.

use super::{from_db_time, to_db_time};
use chrono::{DateTime, Utc};
use sqlx::{AnyConnection, Row};

/// At most this many wait at once: a flood of oversized posts fills no disk; past
/// it, a form's text is answered at once instead (`kept_text`), still whole.
pub const MAX_WAITING: i64 = 500;

/// Keeps `problems`; `false` when `MAX_WAITING` already wait.
pub async fn keep(
    conn: &mut AnyConnection,
    id_hash: &str,
    problems: &str,
    now: DateTime<Utc>,
    expires_at: DateTime<Utc>,
) -> Result<bool, sqlx::Error> {
    // Those never read (a closed tab) go with the next one kept, if gallring has not taken them.
    sqlx::query("DELETE FROM form_echoes WHERE expires_at <= $1").bind(to_db_time(now)).execute(&mut *conn).await?;
    let waiting: i64 =
        sqlx::query("SELECT COUNT(*) AS n FROM form_echoes").fetch_one(&mut *conn).await?.try_get("n")?;
    if waiting >= MAX_WAITING {
        return Ok(false);
    }
    sqlx::query("INSERT INTO form_echoes (id_hash, problems, expires_at) VALUES ($1, $2, $3)")
        .bind(id_hash)
        .bind(problems)
        .bind(to_db_time(expires_at))
        .execute(&mut *conn)
        .await?;
    Ok(true)
}

/// The kept problems, within their minute.
pub async fn find(conn: &mut AnyConnection, id_hash: &str, now: DateTime<Utc>) -> Result<Option<String>, sqlx::Error> {
    let row = sqlx::query("SELECT problems, expires_at FROM form_echoes WHERE id_hash = $1")
        .bind(id_hash)
        .fetch_optional(&mut *conn)
        .await?;
    let Some(row) = row else { return Ok(None) };
    let expires_at = from_db_time(&row.try_get::<String, _>("expires_at")?)?;
    (expires_at > now).then(|| row.try_get::<String, _>("problems")).transpose()
}
