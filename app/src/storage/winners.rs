use super::Db;
use crate::domain::winner::{PastWinner, newest_first};
use sqlx::Row;
use std::collections::HashMap;

pub async fn list(db: &Db, award_id: &str) -> Result<Vec<PastWinner>, sqlx::Error> {
    let rows = sqlx::query("SELECT year, winner, kommun_kod, ceremony FROM past_winners WHERE award_id = $1")
        .bind(award_id)
        .fetch_all(db.pool())
        .await?;
    let finalist_rows =
        sqlx::query("SELECT year, name FROM past_finalists WHERE award_id = $1 ORDER BY year, position")
            .bind(award_id)
            .fetch_all(db.pool())
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
