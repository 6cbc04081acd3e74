use super::{Db, to_db_time};
use crate::domain::{
    account::{Email, PersonName, Role},
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
    pub role: Role,
    pub kommun_kod: Option<String>,
    pub password_hash: String,
    pub email_confirmed: bool,
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
        "INSERT INTO users (id, email, name, phone, role, kommun_kod, password_hash, email_confirmed_at, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
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

pub async fn find_by_email(db: &Db, email: &Email) -> Result<Option<StoredUser>, sqlx::Error> {
    let row = sqlx::query(
        "SELECT id, email, name, role, kommun_kod, password_hash, email_confirmed_at FROM users WHERE email = $1",
    )
    .bind(email.as_str())
    .fetch_optional(db.pool())
    .await?;
    row.map(|r| {
        let role: String = r.try_get("role")?;
        Ok(StoredUser {
            id: r.try_get("id")?,
            email: r.try_get("email")?,
            name: r.try_get("name")?,
            role: Role::from_code(&role).ok_or_else(|| sqlx::Error::Decode(format!("unknown role {role:?}").into()))?,
            kommun_kod: r.try_get("kommun_kod")?,
            password_hash: r.try_get("password_hash")?,
            email_confirmed: r.try_get::<Option<String>, _>("email_confirmed_at")?.is_some(),
        })
    })
    .transpose()
}
