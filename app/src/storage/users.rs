use super::{from_db_time, to_db_time};
use crate::domain::{
    account::{Email, PersonName, Phone, Role},
    kommun::Kommunkod,
};
use chrono::{DateTime, Utc};
use sqlx::{AnyConnection, Row};

pub struct NewUser<'a> {
    pub email: &'a Email,
    pub name: &'a PersonName,
    pub phone: Option<&'a str>,
    pub role: Role,
    /// Required for applicants, absent for everyone else.
    pub kommun: Option<&'a Kommunkod>,
    pub password_hash: &'a str,
    /// Set when the address is already known to work (an organiser created on
    /// the command line); sign-ups confirm by the link they are sent.
    pub email_confirmed_at: Option<DateTime<Utc>>,
}

#[derive(Debug, thiserror::Error)]
pub enum InsertUserError {
    #[error("an account with this e-mail address already exists")]
    EmailTaken,
    #[error(transparent)]
    Database(#[from] sqlx::Error),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredUser {
    pub id: String,
    pub email: String,
    pub name: String,
    pub phone: Option<String>,
    pub role: Role,
    pub kommun_kod: Option<String>,
    pub password_hash: String,
    pub email_confirmed: bool,
    /// An applicant may act for their kommun (`access::acts_at_sign_up`); always true for other roles.
    pub approved: bool,
    /// An organiser has taken away the person's access.
    pub blocked: bool,
    pub created_at: DateTime<Utc>,
}

pub async fn insert(
    conn: &mut AnyConnection,
    user: &NewUser<'_>,
    now: DateTime<Utc>,
) -> Result<String, InsertUserError> {
    let exists = sqlx::query("SELECT 1 FROM users WHERE email = $1")
        .bind(user.email.as_str())
        .fetch_optional(&mut *conn)
        .await?
        .is_some();
    if exists {
        return Err(InsertUserError::EmailTaken);
    }
    let id = uuid::Uuid::new_v4().to_string();
    let result = sqlx::query(
        "INSERT INTO users (id, email, name, phone, role, kommun_kod, password_hash, email_confirmed_at, created_at, \
         approved_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)",
    )
    .bind(&id)
    .bind(user.email.as_str())
    .bind(user.name.as_str())
    .bind(user.phone)
    .bind(user.role.code())
    .bind(user.kommun.map(Kommunkod::as_str))
    .bind(user.password_hash)
    .bind(user.email_confirmed_at.map(to_db_time))
    .bind(to_db_time(now))
    .execute(&mut *conn)
    .await;
    match result {
        Ok(_) => Ok(id),
        // Two sign-ups racing past the check above: the unique index decides.
        Err(sqlx::Error::Database(e)) if e.is_unique_violation() => Err(InsertUserError::EmailTaken),
        Err(e) => Err(e.into()),
    }
}

const SELECT: &str = "SELECT id, email, name, phone, role, kommun_kod, password_hash, email_confirmed_at, created_at, \
     approved_at, blocked_at FROM users";

fn from_row(r: &sqlx::any::AnyRow) -> Result<StoredUser, sqlx::Error> {
    let role: String = r.try_get("role")?;
    Ok(StoredUser {
        id: r.try_get("id")?,
        email: r.try_get("email")?,
        name: r.try_get("name")?,
        phone: r.try_get("phone")?,
        role: Role::from_code(&role).ok_or_else(|| sqlx::Error::Decode(format!("unknown role {role:?}").into()))?,
        kommun_kod: r.try_get("kommun_kod")?,
        password_hash: r.try_get("password_hash")?,
        email_confirmed: r.try_get::<Option<String>, _>("email_confirmed_at")?.is_some(),
        approved: r.try_get::<Option<String>, _>("approved_at")?.is_some(),
        blocked: r.try_get::<Option<String>, _>("blocked_at")?.is_some(),
        created_at: from_db_time(&r.try_get::<String, _>("created_at")?)?,
    })
}

pub async fn find_by_email(conn: &mut AnyConnection, email: &Email) -> Result<Option<StoredUser>, sqlx::Error> {
    let row =
        sqlx::query(&format!("{SELECT} WHERE email = $1")).bind(email.as_str()).fetch_optional(&mut *conn).await?;
    row.as_ref().map(from_row).transpose()
}

pub async fn find(conn: &mut AnyConnection, id: &str) -> Result<Option<StoredUser>, sqlx::Error> {
    let row = sqlx::query(&format!("{SELECT} WHERE id = $1")).bind(id).fetch_optional(&mut *conn).await?;
    row.as_ref().map(from_row).transpose()
}

/// Everyone with an account, organisers first, then jurors, then applicants by kommun.
pub async fn list(conn: &mut AnyConnection) -> Result<Vec<StoredUser>, sqlx::Error> {
    sqlx::query(&format!("{SELECT} ORDER BY role, kommun_kod, email"))
        .fetch_all(&mut *conn)
        .await?
        .iter()
        .map(from_row)
        .collect()
}

/// Every applicant of a kommun, approved or waiting, by name.
pub async fn colleagues(conn: &mut AnyConnection, kommun_kod: &str) -> Result<Vec<StoredUser>, sqlx::Error> {
    sqlx::query(&format!("{SELECT} WHERE role = 'sokande' AND kommun_kod = $1 ORDER BY name, email"))
        .bind(kommun_kod)
        .fetch_all(&mut *conn)
        .await?
        .iter()
        .map(from_row)
        .collect()
}

/// Whether the kommun has an applicant other than `except` who can let a newcomer in
/// (`access::lets_colleagues_in`, asked here of the database).
pub async fn has_approved_applicant(
    conn: &mut AnyConnection,
    kommun_kod: &str,
    except: &str,
) -> Result<bool, sqlx::Error> {
    Ok(sqlx::query(
        "SELECT 1 FROM users WHERE role = 'sokande' AND kommun_kod = $1 AND approved_at IS NOT NULL \
         AND email_confirmed_at IS NOT NULL AND blocked_at IS NULL AND id <> $2",
    )
    .bind(kommun_kod)
    .bind(except)
    .fetch_optional(&mut *conn)
    .await?
    .is_some())
}

/// Approves (or, with `None`, withdraws) an applicant's membership of their kommun.
pub async fn set_approved(conn: &mut AnyConnection, id: &str, at: Option<DateTime<Utc>>) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE users SET approved_at = $1 WHERE id = $2 AND role = 'sokande'")
        .bind(at.map(to_db_time))
        .bind(id)
        .execute(conn)
        .await
        .map(|_| ())
}

/// Takes away `id`'s access (`Some`) or gives it back (`None`), on behalf of
/// `by`; false when nothing changes (already so) or `by` has lost their own
/// access meanwhile. Call inside a transaction: on PostgreSQL the first
/// statement locks `by`'s row, so two organisers blocking each other at once
/// cannot both succeed.
pub async fn set_blocked(
    conn: &mut AnyConnection,
    id: &str,
    by: &str,
    at: Option<DateTime<Utc>>,
) -> Result<bool, sqlx::Error> {
    let actor = sqlx::query("UPDATE users SET blocked_at = blocked_at WHERE id = $1 AND blocked_at IS NULL")
        .bind(by)
        .execute(&mut *conn)
        .await?;
    if actor.rows_affected() != 1 {
        return Ok(false);
    }
    let changed =
        sqlx::query("UPDATE users SET blocked_at = $2 WHERE id = $1 AND (blocked_at IS NULL) = ($2 IS NOT NULL)")
            .bind(id)
            .bind(at.map(super::to_db_time))
            .execute(&mut *conn)
            .await?;
    Ok(changed.rows_affected() == 1)
}

/// A kommun's applicants with a confirmed address: who gets its receipts and reminders.
pub async fn applicants_of(conn: &mut AnyConnection, kommun_kod: &str) -> Result<Vec<StoredUser>, sqlx::Error> {
    sqlx::query(&format!(
        "{SELECT} WHERE role = 'sokande' AND kommun_kod = $1 AND email_confirmed_at IS NOT NULL \
         AND approved_at IS NOT NULL AND blocked_at IS NULL ORDER BY email"
    ))
    .bind(kommun_kod)
    .fetch_all(conn)
    .await?
    .iter()
    .map(from_row)
    .collect()
}

pub async fn confirm_email(conn: &mut AnyConnection, id: &str, now: DateTime<Utc>) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE users SET email_confirmed_at = $1 WHERE id = $2 AND email_confirmed_at IS NULL")
        .bind(to_db_time(now))
        .bind(id)
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn set_password(conn: &mut AnyConnection, id: &str, password_hash: &str) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE users SET password_hash = $1 WHERE id = $2").bind(password_hash).bind(id).execute(conn).await?;
    Ok(())
}

pub async fn update_profile(
    conn: &mut AnyConnection,
    id: &str,
    name: &PersonName,
    phone: Option<&Phone>,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE users SET name = $1, phone = $2 WHERE id = $3")
        .bind(name.as_str())
        .bind(phone.map(Phone::as_str))
        .bind(id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Removes the account; its sessions, links and jury assignments go with it.
pub async fn delete(conn: &mut AnyConnection, id: &str) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM users WHERE id = $1").bind(id).execute(conn).await?;
    Ok(())
}

/// How many people of `role` can still log in.
pub async fn count_role(conn: &mut AnyConnection, role: Role) -> Result<i64, sqlx::Error> {
    sqlx::query("SELECT COUNT(*) AS n FROM users WHERE role = $1 AND blocked_at IS NULL")
        .bind(role.code())
        .fetch_one(&mut *conn)
        .await?
        .try_get("n")
}
