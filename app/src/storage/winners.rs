use super::to_db_time;
use crate::domain::winner::{PastWinner, newest_first};
use chrono::{DateTime, Utc};
use sqlx::{AnyConnection, Row};
use std::collections::HashMap;

/// The archive as the public sees it at `now`: a round announced under
/// embargo joins it when the embargo ends.
pub async fn list(
    conn: &mut AnyConnection,
    award_id: &str,
    now: DateTime<Utc>,
) -> Result<Vec<PastWinner>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT year, winner, kommun_kod, ceremony FROM past_winners w WHERE award_id = $1 AND NOT EXISTS \
         (SELECT 1 FROM rounds r WHERE r.award_id = w.award_id AND r.year = w.year \
          AND (r.published_at IS NULL OR r.published_at > $2))",
    )
    .bind(award_id)
    .bind(to_db_time(now))
    .fetch_all(&mut *conn)
    .await?;
    let finalist_rows =
        sqlx::query("SELECT year, name FROM past_finalists WHERE award_id = $1 ORDER BY year, position")
            .bind(award_id)
            .fetch_all(&mut *conn)
            .await?;

    let mut finalists: HashMap<i64, Vec<String>> = HashMap::new();
    for row in finalist_rows {
        finalists.entry(row.try_get("year")?).or_default().push(row.try_get("name")?);
    }
    let winners = rows
        .into_iter()
        .map(|row| {
            let year: i64 = row.try_get("year")?;
            Ok(PastWinner {
                year: i32::try_from(year).map_err(|e| sqlx::Error::Decode(Box::new(e)))?,
                winner: row.try_get("winner")?,
                kommunkod: row.try_get("kommun_kod")?,
                finalists: finalists.remove(&year).unwrap_or_default(),
                ceremony: row.try_get("ceremony")?,
            })
        })
        .collect::<Result<Vec<_>, sqlx::Error>>()?;
    Ok(newest_first(winners))
}

/// Adds an announced round's winner and finalists to the archive; call inside
/// the announcement's transaction.
pub async fn insert(conn: &mut sqlx::AnyConnection, award_id: &str, winner: &PastWinner) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO past_winners (award_id, year, winner, kommun_kod, ceremony, sources) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(award_id)
    .bind(i64::from(winner.year))
    .bind(&winner.winner)
    .bind(&winner.kommunkod)
    .bind(&winner.ceremony)
    .bind("Juryns beslut i portalen")
    .execute(&mut *conn)
    .await?;
    for (position, name) in (0i64..).zip(&winner.finalists) {
        sqlx::query("INSERT INTO past_finalists (award_id, year, position, name) VALUES ($1, $2, $3, $4)")
            .bind(award_id)
            .bind(i64::from(winner.year))
            .bind(position)
            .bind(name)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}
