//! The kommuner's population: one figure per kommun with its year and source,
//! replaced by each import.

use super::{from_db_time, to_db_time};
use crate::domain::{
    kommun::{Kommun, Kommunkod},
    population::Population,
};
use chrono::{DateTime, Utc};
use sqlx::{AnyConnection, Row, any::AnyRow};

/// A kommun's population as imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Figure {
    pub population: i64,
    pub year: i64,
    pub source: String,
}

/// Who imported, and when.
#[derive(Debug, Clone, Copy)]
pub struct Import<'a> {
    pub year: i32,
    pub source: &'a str,
    pub at: DateTime<Utc>,
    pub user_id: Option<&'a str>,
    pub user_name: &'a str,
}

/// The latest import: when, by whom, and how many kommuner it gave figures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LatestImport {
    pub at: DateTime<Utc>,
    pub by_name: String,
    pub kommuner: i64,
}

const UPSERT: &str = "INSERT INTO kommun_population \
     (kommun_kod, population, year, source, imported_at, imported_by, imported_by_name) \
     VALUES ($1, $2, $3, $4, $5, $6, $7)";

/// Writes every row, replacing the kommun's earlier figure; call inside the
/// import's transaction, so a failure leaves the earlier figures whole.
pub async fn replace(conn: &mut AnyConnection, rows: &[Population], import: Import<'_>) -> Result<(), sqlx::Error> {
    let sql = format!(
        "{UPSERT} ON CONFLICT (kommun_kod) DO UPDATE SET population = excluded.population, year = excluded.year, \
         source = excluded.source, imported_at = excluded.imported_at, imported_by = excluded.imported_by, \
         imported_by_name = excluded.imported_by_name"
    );
    for row in rows {
        bind(sqlx::query(&sql), row, import).execute(&mut *conn).await?;
    }
    Ok(())
}

/// Writes the rows only for kommuner without a figure (the demo data).
pub async fn add_missing(conn: &mut AnyConnection, rows: &[Population], import: Import<'_>) -> Result<(), sqlx::Error> {
    let sql = format!("{UPSERT} ON CONFLICT (kommun_kod) DO NOTHING");
    for row in rows {
        bind(sqlx::query(&sql), row, import).execute(&mut *conn).await?;
    }
    Ok(())
}

fn bind<'q>(
    query: sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>>,
    row: &Population,
    import: Import<'q>,
) -> sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>> {
    query
        .bind(row.kod.as_str().to_owned())
        .bind(row.population)
        .bind(i64::from(import.year))
        .bind(import.source)
        .bind(to_db_time(import.at))
        .bind(import.user_id)
        .bind(import.user_name)
}

fn figure(row: &AnyRow) -> Result<Option<Figure>, sqlx::Error> {
    let Some(population) = row.try_get::<Option<i64>, _>("population")? else { return Ok(None) };
    Ok(Some(Figure { population, year: row.try_get("year")?, source: row.try_get("source")? }))
}

/// One kommun's figure, if any has been imported.
pub async fn of(conn: &mut AnyConnection, kod: &str) -> Result<Option<Figure>, sqlx::Error> {
    sqlx::query("SELECT population, year, source FROM kommun_population WHERE kommun_kod = $1")
        .bind(kod)
        .fetch_optional(&mut *conn)
        .await?
        .as_ref()
        .map(figure)
        .transpose()
        .map(Option::flatten)
}

/// Every kommun with its län and figure, in kommunkod order.
pub async fn table(conn: &mut AnyConnection) -> Result<Vec<(Kommun, Option<Figure>)>, sqlx::Error> {
    sqlx::query(
        "SELECT k.kod, k.namn, l.namn AS lan, p.population, p.year, p.source FROM kommuner k \
         JOIN lan l ON l.kod = k.lan_kod LEFT JOIN kommun_population p ON p.kommun_kod = k.kod ORDER BY k.kod",
    )
    .fetch_all(&mut *conn)
    .await?
    .iter()
    .map(|r| {
        let kod: String = r.try_get("kod")?;
        let kommun = Kommun {
            kod: Kommunkod::parse(&kod).map_err(|e| sqlx::Error::Decode(Box::new(e)))?,
            namn: r.try_get("namn")?,
            lan: r.try_get("lan")?,
        };
        Ok((kommun, figure(r)?))
    })
    .collect()
}

pub async fn latest_import(conn: &mut AnyConnection) -> Result<Option<LatestImport>, sqlx::Error> {
    let Some(row) = sqlx::query(
        "SELECT imported_at, imported_by_name, COUNT(*) AS n FROM kommun_population \
         GROUP BY imported_at, imported_by_name ORDER BY imported_at DESC LIMIT 1",
    )
    .fetch_optional(&mut *conn)
    .await?
    else {
        return Ok(None);
    };
    Ok(Some(LatestImport {
        at: from_db_time(&row.try_get::<String, _>("imported_at")?)?,
        by_name: row.try_get("imported_by_name")?,
        kommuner: row.try_get("n")?,
    }))
}
