use super::{from_db_time, to_db_time};
use crate::domain::{access::Viewer, account::Role};
use chrono::{DateTime, Utc};
use sqlx::{AnyConnection, Row};

/// A live session as stored: its times decide whether it has expired.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredSession {
    pub user_id: String,
    pub created_at: DateTime<Utc>,
    pub last_seen_at: DateTime<Utc>,
}

pub async fn create(
    conn: &mut AnyConnection,
    id_hash: &str,
    user_id: &str,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    sqlx::query("INSERT INTO sessions (id_hash, user_id, created_at, last_seen_at) VALUES ($1, $2, $3, $4)")
        .bind(id_hash)
        .bind(user_id)
        .bind(to_db_time(now))
        .bind(to_db_time(now))
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn find(conn: &mut AnyConnection, id_hash: &str) -> Result<Option<StoredSession>, sqlx::Error> {
    let row = sqlx::query("SELECT user_id, created_at, last_seen_at FROM sessions WHERE id_hash = $1")
        .bind(id_hash)
        .fetch_optional(&mut *conn)
        .await?;
    row.map(|r| {
        Ok(StoredSession {
            user_id: r.try_get("user_id")?,
            created_at: from_db_time(&r.try_get::<String, _>("created_at")?)?,
            last_seen_at: from_db_time(&r.try_get::<String, _>("last_seen_at")?)?,
        })
    })
    .transpose()
}

pub async fn touch(conn: &mut AnyConnection, id_hash: &str, now: DateTime<Utc>) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE sessions SET last_seen_at = $1 WHERE id_hash = $2")
        .bind(to_db_time(now))
        .bind(id_hash)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

pub async fn delete(conn: &mut AnyConnection, id_hash: &str) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM sessions WHERE id_hash = $1").bind(id_hash).execute(conn).await?;
    Ok(())
}

/// Ends every session of a person: after a password change or reset.
pub async fn delete_for_user(conn: &mut AnyConnection, user_id: &str) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM sessions WHERE user_id = $1").bind(user_id).execute(conn).await?;
    Ok(())
}

/// Every other session of a person, keeping the one they use now.
pub async fn delete_others(conn: &mut AnyConnection, user_id: &str, keep_hash: &str) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM sessions WHERE user_id = $1 AND id_hash <> $2")
        .bind(user_id)
        .bind(keep_hash)
        .execute(conn)
        .await?;
    Ok(())
}

/// Start and last use of each of a person's sessions, newest first.
pub async fn list_for_user(
    conn: &mut AnyConnection,
    user_id: &str,
) -> Result<Vec<(DateTime<Utc>, DateTime<Utc>)>, sqlx::Error> {
    sqlx::query("SELECT created_at, last_seen_at FROM sessions WHERE user_id = $1 ORDER BY created_at DESC")
        .bind(user_id)
        .fetch_all(&mut *conn)
        .await?
        .into_iter()
        .map(|r| {
            Ok((
                from_db_time(&r.try_get::<String, _>("created_at")?)?,
                from_db_time(&r.try_get::<String, _>("last_seen_at")?)?,
            ))
        })
        .collect()
}

/// Who a session's person is, with what their role binds them to; nobody
/// once an organiser has taken their access away.
pub async fn viewer(conn: &mut AnyConnection, user_id: &str) -> Result<Option<Viewer>, sqlx::Error> {
    let row = sqlx::query(
        "SELECT u.id, u.name, u.email, u.role, u.kommun_kod, u.approved_at, k.namn AS kommun_namn \
         FROM users u LEFT JOIN kommuner k ON k.kod = u.kommun_kod WHERE u.id = $1 AND u.blocked_at IS NULL",
    )
    .bind(user_id)
    .fetch_optional(&mut *conn)
    .await?;
    let Some(r) = row else { return Ok(None) };
    let role: String = r.try_get("role")?;
    let role = Role::from_code(&role).ok_or_else(|| sqlx::Error::Decode(format!("unknown role {role:?}").into()))?;
    let kommun = match (r.try_get::<Option<String>, _>("kommun_kod")?, r.try_get::<Option<String>, _>("kommun_namn")?) {
        (Some(code), Some(name)) => Some((code, name)),
        _ => None,
    };
    let jury_rounds = super::jury::rounds_of(&mut *conn, user_id).await?;
    Ok(Some(Viewer {
        user_id: r.try_get("id")?,
        name: r.try_get("name")?,
        email: r.try_get("email")?,
        role,
        kommun,
        approved: r.try_get::<Option<String>, _>("approved_at")?.is_some(),
        jury_rounds,
    }))
}
