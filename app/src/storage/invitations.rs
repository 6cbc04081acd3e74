//! An organiser's invitations of jurors and organisers, until accepted.

use super::{from_db_time, to_db_time};
use crate::domain::account::Role;
use chrono::{DateTime, Utc};
use sqlx::{AnyConnection, Row};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invitation {
    pub email: String,
    pub name: String,
    pub role: Role,
    pub round_id: Option<String>,
    pub round_title: Option<String>,
    pub invited_by: Option<String>,
    pub created_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
}

pub struct NewInvitation<'a> {
    pub token_hash: &'a str,
    pub email: &'a str,
    pub name: &'a str,
    pub role: Role,
    pub round_id: Option<&'a str>,
    pub invited_by: &'a str,
}

pub async fn insert(
    conn: &mut AnyConnection,
    new: &NewInvitation<'_>,
    now: DateTime<Utc>,
    expires_at: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO invitations (token_hash, email, name, role, round_id, invited_by, created_at, expires_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(new.token_hash)
    .bind(new.email)
    .bind(new.name)
    .bind(new.role.code())
    .bind(new.round_id)
    .bind(new.invited_by)
    .bind(to_db_time(now))
    .bind(to_db_time(expires_at))
    .execute(conn)
    .await?;
    Ok(())
}

const SELECT: &str = "SELECT i.email, i.name, i.role, i.round_id, r.title AS round_title, u.name AS invited_by, \
     i.created_at, i.expires_at FROM invitations i LEFT JOIN rounds r ON r.id = i.round_id \
     LEFT JOIN users u ON u.id = i.invited_by";

fn from_row(r: &sqlx::any::AnyRow) -> Result<Invitation, sqlx::Error> {
    let role: String = r.try_get("role")?;
    Ok(Invitation {
        email: r.try_get("email")?,
        name: r.try_get("name")?,
        role: Role::from_code(&role).ok_or_else(|| sqlx::Error::Decode(format!("unknown role {role:?}").into()))?,
        round_id: r.try_get("round_id")?,
        round_title: r.try_get("round_title")?,
        invited_by: r.try_get("invited_by")?,
        created_at: from_db_time(&r.try_get::<String, _>("created_at")?)?,
        expires_at: from_db_time(&r.try_get::<String, _>("expires_at")?)?,
    })
}

/// The invitation behind a link, if it is neither used nor expired.
pub async fn find_valid(
    conn: &mut AnyConnection,
    token_hash: &str,
    now: DateTime<Utc>,
) -> Result<Option<Invitation>, sqlx::Error> {
    let row = sqlx::query(&format!("{SELECT} WHERE i.token_hash = $1 AND i.accepted_at IS NULL"))
        .bind(token_hash)
        .fetch_optional(&mut *conn)
        .await?;
    Ok(row.map(|r| from_row(&r)).transpose()?.filter(|i| i.expires_at > now))
}

/// Marks the invitation accepted; `false` if another request was first.
pub async fn accept(conn: &mut AnyConnection, token_hash: &str, now: DateTime<Utc>) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE invitations SET accepted_at = $1 WHERE token_hash = $2 AND accepted_at IS NULL AND expires_at > $3",
    )
    .bind(to_db_time(now))
    .bind(token_hash)
    .bind(to_db_time(now))
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Invitations not yet accepted, newest first (expired ones included, marked by their date).
pub async fn pending(conn: &mut AnyConnection) -> Result<Vec<Invitation>, sqlx::Error> {
    sqlx::query(&format!("{SELECT} WHERE i.accepted_at IS NULL ORDER BY i.created_at DESC"))
        .fetch_all(&mut *conn)
        .await?
        .iter()
        .map(from_row)
        .collect()
}

/// Invitations sent to an address, for "my data".
pub async fn for_email(conn: &mut AnyConnection, email: &str) -> Result<Vec<Invitation>, sqlx::Error> {
    sqlx::query(&format!("{SELECT} WHERE i.email = $1 ORDER BY i.created_at DESC"))
        .bind(email)
        .fetch_all(&mut *conn)
        .await?
        .iter()
        .map(from_row)
        .collect()
}

pub async fn delete_for_email(conn: &mut AnyConnection, email: &str) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM invitations WHERE email = $1").bind(email).execute(conn).await?;
    Ok(())
}

/// Gives the newest open invitation to `email` a new link and a new time limit,
/// the old link no longer working; the invitation, or `None` when there is
/// no open one (accepted meanwhile).
pub async fn renew(
    conn: &mut AnyConnection,
    email: &str,
    token_hash: &str,
    expires_at: DateTime<Utc>,
) -> Result<Option<Invitation>, sqlx::Error> {
    let renewed = sqlx::query(
        "UPDATE invitations SET token_hash = $1, expires_at = $2 WHERE token_hash = (SELECT token_hash FROM \
         invitations WHERE email = $3 AND accepted_at IS NULL ORDER BY created_at DESC LIMIT 1)",
    )
    .bind(token_hash)
    .bind(to_db_time(expires_at))
    .bind(email)
    .execute(&mut *conn)
    .await?;
    if renewed.rows_affected() == 0 {
        return Ok(None);
    }
    sqlx::query(&format!("{SELECT} WHERE i.token_hash = $1"))
        .bind(token_hash)
        .fetch_optional(conn)
        .await?
        .map(|r| from_row(&r))
        .transpose()
}
