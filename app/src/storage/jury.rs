use super::{Db, from_db_time, to_db_time};
use chrono::{DateTime, Utc};
use sqlx::{AnyConnection, Row};

pub async fn assign(conn: &mut AnyConnection, round_id: &str, user_id: &str) -> Result<(), sqlx::Error> {
    sqlx::query("INSERT INTO jury_assignments (round_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING")
        .bind(round_id)
        .bind(user_id)
        .execute(conn)
        .await?;
    Ok(())
}

/// Takes the juror off the round; false if they were not on it.
pub async fn unassign(conn: &mut AnyConnection, round_id: &str, user_id: &str) -> Result<bool, sqlx::Error> {
    let removed = sqlx::query("DELETE FROM jury_assignments WHERE round_id = $1 AND user_id = $2")
        .bind(round_id)
        .bind(user_id)
        .execute(conn)
        .await?;
    Ok(removed.rows_affected() == 1)
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

/// The jurors assigned to a round: id and name, by name.
pub async fn jurors_of(db: &Db, round_id: &str) -> Result<Vec<(String, String)>, sqlx::Error> {
    sqlx::query(
        "SELECT u.id, u.name FROM jury_assignments j JOIN users u ON u.id = j.user_id WHERE j.round_id = $1 \
         ORDER BY u.name, u.email",
    )
    .bind(round_id)
    .fetch_all(db.pool())
    .await?
    .into_iter()
    .map(|r| Ok((r.try_get("id")?, r.try_get("name")?)))
    .collect()
}

/// A juror's declared conflict of interest (jäv) for a kommun.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    pub user_id: String,
    pub juror_name: String,
    pub kommun_kod: String,
    pub kommun: String,
    pub reason: String,
    pub declared_at: DateTime<Utc>,
}

/// Declares jäv; declaring it again for the same kommun changes nothing.
pub async fn declare_conflict(
    conn: &mut AnyConnection,
    round_id: &str,
    user_id: &str,
    kommun_kod: &str,
    reason: &str,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO jury_conflicts (round_id, user_id, kommun_kod, reason, declared_at) VALUES ($1, $2, $3, $4, $5) \
         ON CONFLICT DO NOTHING",
    )
    .bind(round_id)
    .bind(user_id)
    .bind(kommun_kod)
    .bind(reason)
    .bind(to_db_time(now))
    .execute(conn)
    .await?;
    Ok(())
}

/// Every declaration in a round, by kommun then juror.
pub async fn conflicts_in_round(db: &Db, round_id: &str) -> Result<Vec<Conflict>, sqlx::Error> {
    let mut all: Vec<Conflict> = sqlx::query(
        "SELECT c.user_id, u.name AS juror_name, c.kommun_kod, k.namn AS kommun, c.reason, c.declared_at \
         FROM jury_conflicts c JOIN users u ON u.id = c.user_id JOIN kommuner k ON k.kod = c.kommun_kod \
         WHERE c.round_id = $1",
    )
    .bind(round_id)
    .fetch_all(db.pool())
    .await?
    .iter()
    .map(|r| {
        Ok(Conflict {
            user_id: r.try_get("user_id")?,
            juror_name: r.try_get("juror_name")?,
            kommun_kod: r.try_get("kommun_kod")?,
            kommun: r.try_get("kommun")?,
            reason: r.try_get("reason")?,
            declared_at: from_db_time(&r.try_get::<String, _>("declared_at")?)?,
        })
    })
    .collect::<Result<_, sqlx::Error>>()?;
    all.sort_by(|a, b| crate::domain::swedish::collate(&a.kommun, &b.kommun).then(a.juror_name.cmp(&b.juror_name)));
    Ok(all)
}
