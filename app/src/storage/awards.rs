//! The awards: one row each, with their partners, the kinds of organisation they
//! admit and what they are judged on. Written by the seed; read through
//! `Db::awards`, which keeps them under the rounds' change counter.

use super::rounds;
use crate::domain::award::{Award, Entries, Kind, Process};
use sqlx::{AnyConnection, Row};
use std::collections::HashMap;

/// Every award, in the start page's order.
pub async fn list(conn: &mut AnyConnection) -> Result<Vec<Award>, sqlx::Error> {
    let mut partners =
        grouped(&mut *conn, "SELECT award_id, name FROM award_partners ORDER BY award_id, position").await?;
    let mut criteria =
        grouped(&mut *conn, "SELECT award_id, title FROM award_criteria ORDER BY award_id, position").await?;
    let mut kinds = grouped(&mut *conn, "SELECT award_id, kind FROM award_kinds").await?;
    let rows = sqlx::query(
        "SELECT id, name, organiser, description, cadence_years, entries, process, first_year FROM awards \
         ORDER BY position, id",
    )
    .fetch_all(&mut *conn)
    .await?;
    rows.into_iter()
        .map(|row| {
            let id: String = row.try_get("id")?;
            let mut kinds = kinds
                .remove(&id)
                .unwrap_or_default()
                .iter()
                .map(|code| Kind::from_code(code).ok_or_else(|| unknown("award_kinds.kind", code)))
                .collect::<Result<Vec<_>, _>>()?;
            kinds.sort();
            let entries: String = row.try_get("entries")?;
            let process: String = row.try_get("process")?;
            let first_year: Option<i64> = row.try_get("first_year")?;
            Ok(Award {
                partners: partners.remove(&id).unwrap_or_default(),
                criteria: criteria.remove(&id).unwrap_or_default(),
                name: row.try_get("name")?,
                organiser: row.try_get("organiser")?,
                description: row.try_get("description")?,
                cadence_years: super::to_u32(row.try_get("cadence_years")?, "cadence_years")?,
                entries: Entries::from_code(&entries).ok_or_else(|| unknown("awards.entries", &entries))?,
                process: Process::from_code(&process).ok_or_else(|| unknown("awards.process", &process))?,
                first_year: first_year.map(i32::try_from).transpose().map_err(|e| sqlx::Error::Decode(Box::new(e)))?,
                kinds,
                id,
            })
        })
        .collect()
}

/// Adds `award` in place `position` unless an award has its address. Its
/// partners, kinds and criteria are added only where it has none, so what an
/// organiser has changed stays. Answers whether anything was added.
pub async fn insert_missing(conn: &mut AnyConnection, award: &Award, position: i64) -> Result<bool, sqlx::Error> {
    let mut added = sqlx::query(
        "INSERT INTO awards (id, name, organiser, description, position, cadence_years, entries, process, first_year) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (id) DO NOTHING",
    )
    .bind(&award.id)
    .bind(&award.name)
    .bind(&award.organiser)
    .bind(&award.description)
    .bind(position)
    .bind(i64::from(award.cadence_years))
    .bind(award.entries.code())
    .bind(award.process.code())
    .bind(award.first_year.map(i64::from))
    .execute(&mut *conn)
    .await?
    .rows_affected()
        > 0;
    if !has_rows(&mut *conn, "award_kinds", &award.id).await? {
        for kind in &award.kinds {
            sqlx::query("INSERT INTO award_kinds (award_id, kind) VALUES ($1, $2)")
                .bind(&award.id)
                .bind(kind.code())
                .execute(&mut *conn)
                .await?;
            added = true;
        }
    }
    for (table, column, values) in
        [("award_partners", "name", &award.partners), ("award_criteria", "title", &award.criteria)]
    {
        if has_rows(&mut *conn, table, &award.id).await? {
            continue;
        }
        for (position, value) in (0i64..).zip(values) {
            sqlx::query(&format!("INSERT INTO {table} (award_id, position, {column}) VALUES ($1, $2, $3)"))
                .bind(&award.id)
                .bind(position)
                .bind(value)
                .execute(&mut *conn)
                .await?;
            added = true;
        }
    }
    if added {
        rounds::changed(conn).await?;
    }
    Ok(added)
}

async fn has_rows(conn: &mut AnyConnection, table: &str, award_id: &str) -> Result<bool, sqlx::Error> {
    let sql = format!("SELECT 1 FROM {table} WHERE award_id = $1");
    Ok(sqlx::query(&sql).bind(award_id).fetch_optional(conn).await?.is_some())
}

/// The second column of `sql`'s rows, grouped by the first, in order.
async fn grouped(conn: &mut AnyConnection, sql: &str) -> Result<HashMap<String, Vec<String>>, sqlx::Error> {
    let mut groups: HashMap<String, Vec<String>> = HashMap::new();
    for row in sqlx::query(sql).fetch_all(conn).await? {
        groups.entry(row.try_get(0)?).or_default().push(row.try_get(1)?);
    }
    Ok(groups)
}

fn unknown(column: &str, code: &str) -> sqlx::Error {
    sqlx::Error::Decode(format!("{column}: unknown code {code:?}").into())
}
