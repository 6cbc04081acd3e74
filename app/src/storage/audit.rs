//! The audit log: who did what to a round and when, kept with the name as it was.

use super::{from_db_time, to_db_time};
use chrono::{DateTime, Utc};
use sqlx::{AnyConnection, Row};

/// Who acts: an account (its id and name), or the portal itself.
#[derive(Debug, Clone, Copy)]
pub struct Actor<'a> {
    pub user_id: Option<&'a str>,
    pub name: &'a str,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub at: DateTime<Utc>,
    pub actor_name: String,
    pub round_id: Option<String>,
    /// A stable code such as "omgang-steg" or "beslut-sparat".
    pub action: String,
    pub detail: String,
}

/// Records an entry; call inside the transaction of the change it records.
pub async fn record(
    conn: &mut AnyConnection,
    actor: Actor<'_>,
    round_id: Option<&str>,
    action: &str,
    detail: &str,
    at: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO audit_log (id, at, actor_id, actor_name, round_id, action, detail) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(uuid::Uuid::new_v4().to_string())
    .bind(to_db_time(at))
    .bind(actor.user_id)
    .bind(actor.name)
    .bind(round_id)
    .bind(action)
    .bind(detail)
    .execute(conn)
    .await?;
    Ok(())
}

/// Every entry, newest first.
pub async fn list(conn: &mut AnyConnection) -> Result<Vec<Entry>, sqlx::Error> {
    sqlx::query("SELECT at, actor_name, round_id, action, detail FROM audit_log ORDER BY at DESC, id")
        .fetch_all(&mut *conn)
        .await?
        .into_iter()
        .map(|r| {
            Ok(Entry {
                at: from_db_time(&r.try_get::<String, _>("at")?)?,
                actor_name: r.try_get("actor_name")?,
                round_id: r.try_get("round_id")?,
                action: r.try_get("action")?,
                detail: r.try_get("detail")?,
            })
        })
        .collect()
}
