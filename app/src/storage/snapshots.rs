//! The ranking frozen when the jury decides: what the organisers' ranking
//! shows from then on, whatever is edited later. A decision taken back and
//! taken again freezes the ranking anew.

use super::{from_db_time, to_db_time};
use chrono::{DateTime, Utc};
use sqlx::{AnyConnection, Row};

/// Freezes `body` (the ranking as JSON) as the round's ranking, taken at `taken_at`.
pub async fn freeze(
    conn: &mut AnyConnection,
    round_id: &str,
    taken_at: DateTime<Utc>,
    body: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO ranking_snapshots (round_id, taken_at, body) VALUES ($1, $2, $3) \
         ON CONFLICT (round_id) DO UPDATE SET taken_at = excluded.taken_at, body = excluded.body",
    )
    .bind(round_id)
    .bind(to_db_time(taken_at))
    .bind(body)
    .execute(conn)
    .await?;
    Ok(())
}

/// The round's frozen ranking and when it was taken.
pub async fn frozen(conn: &mut AnyConnection, round_id: &str) -> Result<Option<(DateTime<Utc>, String)>, sqlx::Error> {
    let Some(row) = sqlx::query("SELECT taken_at, body FROM ranking_snapshots WHERE round_id = $1")
        .bind(round_id)
        .fetch_optional(&mut *conn)
        .await?
    else {
        return Ok(None);
    };
    Ok(Some((from_db_time(&row.try_get::<String, _>("taken_at")?)?, row.try_get("body")?)))
}
