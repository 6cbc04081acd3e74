use crate::domain::kommun::{Kommun, Kommunkod};
use sqlx::AnyConnection;
use sqlx::Row;

pub async fn count(conn: &mut AnyConnection) -> Result<i64, sqlx::Error> {
    sqlx::query("SELECT COUNT(*) AS n FROM kommuner").fetch_one(&mut *conn).await?.try_get("n")
}

pub async fn find(conn: &mut AnyConnection, kod: &Kommunkod) -> Result<Option<Kommun>, sqlx::Error> {
    let row = sqlx::query(
        "SELECT k.kod, k.namn, l.namn AS lan FROM kommuner k JOIN lan l ON l.kod = k.lan_kod WHERE k.kod = $1",
    )
    .bind(kod.as_str())
    .fetch_optional(&mut *conn)
    .await?;
    row.map(|r| {
        let kod: String = r.try_get("kod")?;
        Ok(Kommun {
            kod: Kommunkod::parse(&kod).map_err(|e| sqlx::Error::Decode(Box::new(e)))?,
            namn: r.try_get("namn")?,
            lan: r.try_get("lan")?,
        })
    })
    .transpose()
}

/// All kommuner with their län, in Swedish alphabetical order of name.
pub async fn list(conn: &mut AnyConnection) -> Result<Vec<Kommun>, sqlx::Error> {
    let rows = sqlx::query("SELECT k.kod, k.namn, l.namn AS lan FROM kommuner k JOIN lan l ON l.kod = k.lan_kod")
        .fetch_all(&mut *conn)
        .await?;
    let mut all = rows
        .into_iter()
        .map(|r| {
            let kod: String = r.try_get("kod")?;
            Ok(Kommun {
                kod: Kommunkod::parse(&kod).map_err(|e| sqlx::Error::Decode(Box::new(e)))?,
                namn: r.try_get("namn")?,
                lan: r.try_get("lan")?,
            })
        })
        .collect::<Result<Vec<_>, sqlx::Error>>()?;
    // The databases sort å, ä, ö differently; Swedish order is decided here.
    all.sort_by(|a, b| crate::domain::swedish::collate(&a.namn, &b.namn));
    Ok(all)
}

/// The 21 län: SCB's länskod and name, in code order.
pub async fn lans(conn: &mut AnyConnection) -> Result<Vec<(String, String)>, sqlx::Error> {
    sqlx::query("SELECT kod, namn FROM lan ORDER BY kod")
        .fetch_all(&mut *conn)
        .await?
        .iter()
        .map(|r| Ok((r.try_get("kod")?, r.try_get("namn")?)))
        .collect()
}
