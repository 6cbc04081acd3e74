use super::Db;
use sqlx::{AnyConnection, Row};

pub async fn assign(conn: &mut AnyConnection, round_id: &str, user_id: &str) -> Result<(), sqlx::Error> {
    sqlx::query("INSERT INTO jury_assignments (round_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING")
        .bind(round_id)
        .bind(user_id)
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn rounds_of(db: &Db, user_id: &str) -> Result<Vec<String>, sqlx::Error> {
    sqlx::query("SELECT round_id FROM jury_assignments WHERE user_id = $1 ORDER BY round_id")
        .bind(user_id)
        .fetch_all(db.pool())
        .await?
        .into_iter()
        .map(|r| r.try_get("round_id"))
        .collect()
}

/// The titles of a juror's rounds, for "my data".
pub async fn round_titles_of(db: &Db, user_id: &str) -> Result<Vec<String>, sqlx::Error> {
    sqlx::query(
        "SELECT r.title FROM jury_assignments j JOIN rounds r ON r.id = j.round_id WHERE j.user_id = $1 ORDER BY r.year",
    )
    .bind(user_id)
    .fetch_all(db.pool())
    .await?
    .into_iter()
    .map(|r| r.try_get("title"))
    .collect()
}
