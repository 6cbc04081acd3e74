//! One-time links to an existing account: confirm the e-mail address, reset
//! the password. Only the token's hash is stored.

use super::{from_db_time, to_db_time};
use chrono::{DateTime, Utc};
use sqlx::{AnyConnection, Row};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    ConfirmEmail,
    ResetPassword,
}

impl Purpose {
    fn code(self) -> &'static str {
        match self {
            Purpose::ConfirmEmail => "bekrafta",
            Purpose::ResetPassword => "aterstall",
        }
    }
}

pub async fn insert(
    conn: &mut AnyConnection,
    token_hash: &str,
    user_id: &str,
    purpose: Purpose,
    now: DateTime<Utc>,
    expires_at: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO account_tokens (token_hash, user_id, purpose, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(token_hash)
    .bind(user_id)
    .bind(purpose.code())
    .bind(to_db_time(now))
    .bind(to_db_time(expires_at))
    .execute(conn)
    .await?;
    Ok(())
}

/// The account a token belongs to, if it is unused and not expired.
pub async fn find_valid(
    conn: &mut AnyConnection,
    token_hash: &str,
    purpose: Purpose,
    now: DateTime<Utc>,
) -> Result<Option<String>, sqlx::Error> {
    let row = sqlx::query(
        "SELECT user_id, expires_at FROM account_tokens WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL",
    )
    .bind(token_hash)
    .bind(purpose.code())
    .fetch_optional(&mut *conn)
    .await?;
    match row {
        Some(r) if from_db_time(&r.try_get::<String, _>("expires_at")?)? > now => Ok(Some(r.try_get("user_id")?)),
        _ => Ok(None),
    }
}

/// Uses the token up: of two requests racing with the same link, one wins.
pub async fn take(
    conn: &mut AnyConnection,
    token_hash: &str,
    purpose: Purpose,
    now: DateTime<Utc>,
) -> Result<Option<String>, sqlx::Error> {
    let row = sqlx::query(
        "UPDATE account_tokens SET used_at = $1 \
         WHERE token_hash = $2 AND purpose = $3 AND used_at IS NULL AND expires_at > $4 RETURNING user_id",
    )
    .bind(to_db_time(now))
    .bind(token_hash)
    .bind(purpose.code())
    .bind(to_db_time(now))
    .fetch_optional(conn)
    .await?;
    row.map(|r| r.try_get("user_id")).transpose()
}

/// Makes a person's earlier links of this kind void when a new one is sent.
pub async fn void_for_user(
    conn: &mut AnyConnection,
    user_id: &str,
    purpose: Purpose,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE account_tokens SET used_at = $1 WHERE user_id = $2 AND purpose = $3 AND used_at IS NULL")
        .bind(to_db_time(now))
        .bind(user_id)
        .bind(purpose.code())
        .execute(conn)
        .await?;
    Ok(())
}
