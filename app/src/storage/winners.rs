use super::to_db_time;
use crate::domain::winner::{PastWinner, newest_first};
use chrono::{DateTime, Utc};
use sqlx::{AnyConnection, Row};
use std::collections::HashMap;

/// Whether a winner of `past_winners w` is public at `$1`: a round announced
/// under embargo joins the archive when the embargo ends.
const PUBLIC_AT: &str = "NOT EXISTS (SELECT 1 FROM rounds r WHERE r.award_id = w.award_id AND r.year = w.year \
     AND (r.published_at IS NULL OR r.published_at > $1))";

/// Each award's latest public winner at `now`: its year and name.
pub async fn latest_public(
    conn: &mut AnyConnection,
    now: DateTime<Utc>,
) -> Result<HashMap<String, (i32, String)>, sqlx::Error> {
    let rows = sqlx::query(&format!(
        "SELECT award_id, year, winner FROM past_winners w WHERE {PUBLIC_AT} ORDER BY award_id, year DESC"
    ))
    .bind(to_db_time(now))
    .fetch_all(conn)
    .await?;
    let mut latest = HashMap::new();
    for row in rows {
        let year: i64 = row.try_get("year")?;
        let year = i32::try_from(year).map_err(|e| sqlx::Error::Decode(Box::new(e)))?;
        latest.entry(row.try_get("award_id")?).or_insert((year, row.try_get("winner")?));
    }
    Ok(latest)
}

/// The archive of `award_id` as the public sees it at `now` (`PUBLIC_AT`).
pub async fn list(
    conn: &mut AnyConnection,
    award_id: &str,
    now: DateTime<Utc>,
) -> Result<Vec<PastWinner>, sqlx::Error> {
    let rows = sqlx::query(&format!(
        "SELECT year, winner, entry_title, kommun_kod, entries, ceremony FROM past_winners w \
         WHERE {PUBLIC_AT} AND award_id = $2"
    ))
    .bind(to_db_time(now))
    .bind(award_id)
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
            let entries: Option<i64> = row.try_get("entries")?;
            Ok(PastWinner {
                year: i32::try_from(year).map_err(|e| sqlx::Error::Decode(Box::new(e)))?,
                winner: row.try_get("winner")?,
                entry_title: row.try_get("entry_title")?,
                kommunkod: row.try_get("kommun_kod")?,
                entries: entries.map(|n| super::to_u32(n, "entries")).transpose()?,
                finalists: finalists.remove(&year).unwrap_or_default(),
                ceremony: row.try_get("ceremony")?,
            })
        })
        .collect::<Result<Vec<_>, sqlx::Error>>()?;
    Ok(newest_first(winners))
}

/// Adds an announced round's winner and finalists to the archive; call inside
/// the announcement's transaction.
pub async fn insert(conn: &mut AnyConnection, award_id: &str, winner: &PastWinner) -> Result<(), sqlx::Error> {
    write(conn, award_id, winner, "Juryns beslut i portalen", "").await.map(|_| ())
}

/// Adds a winner from the award's history, told by `sources`, unless the archive
/// has that year already. Answers whether it was added.
pub async fn insert_missing(
    conn: &mut AnyConnection,
    award_id: &str,
    winner: &PastWinner,
    sources: &str,
) -> Result<bool, sqlx::Error> {
    write(conn, award_id, winner, sources, " ON CONFLICT (award_id, year) DO NOTHING").await
}

async fn write(
    conn: &mut AnyConnection,
    award_id: &str,
    winner: &PastWinner,
    sources: &str,
    on_conflict: &str,
) -> Result<bool, sqlx::Error> {
    let inserted = sqlx::query(&format!(
        "INSERT INTO past_winners (award_id, year, winner, entry_title, kommun_kod, entries, ceremony, sources) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8){on_conflict}"
    ))
    .bind(award_id)
    .bind(i64::from(winner.year))
    .bind(&winner.winner)
    .bind(&winner.entry_title)
    .bind(&winner.kommunkod)
    .bind(winner.entries.map(i64::from))
    .bind(&winner.ceremony)
    .bind(sources)
    .execute(&mut *conn)
    .await?
    .rows_affected();
    if inserted == 0 {
        return Ok(false);
    }
    for (position, name) in (0i64..).zip(&winner.finalists) {
        sqlx::query("INSERT INTO past_finalists (award_id, year, position, name) VALUES ($1, $2, $3, $4)")
            .bind(award_id)
            .bind(i64::from(winner.year))
            .bind(position)
            .bind(name)
            .execute(&mut *conn)
            .await?;
    }
    Ok(true)
}
