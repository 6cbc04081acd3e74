//! Submissions of an application: each one numbered, with a copy of the text
//! as it was sent, so the jury reads exactly what was submitted.

use super::{from_db_time, to_db_time};
use chrono::{DateTime, Utc};
use sqlx::{AnyConnection, Row, any::AnyRow};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Submission {
    pub number: i64,
    pub reference: String,
    pub submitted_at: DateTime<Utc>,
    pub submitted_by_name: String,
}

fn submission(row: &AnyRow) -> Result<Submission, sqlx::Error> {
    Ok(Submission {
        number: row.try_get("number")?,
        reference: row.try_get("reference")?,
        submitted_at: from_db_time(&row.try_get::<String, _>("submitted_at")?)?,
        submitted_by_name: row.try_get("submitted_by_name")?,
    })
}

const COLUMNS: &str = "number, reference, submitted_at, submitted_by_name";

/// The submission already made with this request key, if any: a retried or
/// doubled request finds it instead of making another.
pub async fn by_request_key(
    conn: &mut AnyConnection,
    application_id: &str,
    request_key: &str,
) -> Result<Option<Submission>, sqlx::Error> {
    sqlx::query(&format!("SELECT {COLUMNS} FROM submissions WHERE application_id = $1 AND request_key = $2"))
        .bind(application_id)
        .bind(request_key)
        .fetch_optional(conn)
        .await?
        .as_ref()
        .map(submission)
        .transpose()
}

pub async fn next_number(conn: &mut AnyConnection, application_id: &str) -> Result<i64, sqlx::Error> {
    let row = sqlx::query("SELECT COALESCE(MAX(number), 0) + 1 AS next FROM submissions WHERE application_id = $1")
        .bind(application_id)
        .fetch_one(conn)
        .await?;
    row.try_get("next")
}

pub struct NewSubmission<'a> {
    pub application_id: &'a str,
    pub number: i64,
    pub reference: &'a str,
    pub request_key: &'a str,
    pub user_id: &'a str,
    pub user_name: &'a str,
    pub at: DateTime<Utc>,
    /// Every part and its text.
    pub parts: &'a [(String, String)],
}

/// Stores a submission with its copy of the text; call inside the
/// application's lock (`applications::lock`).
pub async fn insert(conn: &mut AnyConnection, new: &NewSubmission<'_>) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO submissions (application_id, number, reference, request_key, submitted_at, submitted_by, \
         submitted_by_name) VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(new.application_id)
    .bind(new.number)
    .bind(new.reference)
    .bind(new.request_key)
    .bind(to_db_time(new.at))
    .bind(new.user_id)
    .bind(new.user_name)
    .execute(&mut *conn)
    .await?;
    for (part, body) in new.parts {
        sqlx::query("INSERT INTO submission_parts (application_id, number, part, body) VALUES ($1, $2, $3, $4)")
            .bind(new.application_id)
            .bind(new.number)
            .bind(part)
            .bind(body)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// Every submission of an application, newest first.
pub async fn list(conn: &mut AnyConnection, application_id: &str) -> Result<Vec<Submission>, sqlx::Error> {
    sqlx::query(&format!("SELECT {COLUMNS} FROM submissions WHERE application_id = $1 ORDER BY number DESC"))
        .bind(application_id)
        .fetch_all(&mut *conn)
        .await?
        .iter()
        .map(submission)
        .collect()
}

/// One submission and its text, part by part.
pub async fn find(
    conn: &mut AnyConnection,
    application_id: &str,
    number: i64,
) -> Result<Option<(Submission, Vec<(String, String)>)>, sqlx::Error> {
    let Some(found) =
        sqlx::query(&format!("SELECT {COLUMNS} FROM submissions WHERE application_id = $1 AND number = $2"))
            .bind(application_id)
            .bind(number)
            .fetch_optional(&mut *conn)
            .await?
    else {
        return Ok(None);
    };
    let parts = sqlx::query("SELECT part, body FROM submission_parts WHERE application_id = $1 AND number = $2")
        .bind(application_id)
        .bind(number)
        .fetch_all(&mut *conn)
        .await?
        .iter()
        .map(|r| Ok((r.try_get("part")?, r.try_get("body")?)))
        .collect::<Result<Vec<_>, sqlx::Error>>()?;
    Ok(Some((submission(&found)?, parts)))
}

/// The latest submission of every application to a round, by application id.
pub async fn latest_of_round(
    conn: &mut AnyConnection,
    round_id: &str,
) -> Result<Vec<(String, Submission)>, sqlx::Error> {
    sqlx::query(
        "SELECT s.application_id, s.number, s.reference, s.submitted_at, s.submitted_by_name FROM submissions s \
         JOIN applications a ON a.id = s.application_id WHERE a.round_id = $1 AND s.number = \
         (SELECT MAX(n.number) FROM submissions n WHERE n.application_id = s.application_id)",
    )
    .bind(round_id)
    .fetch_all(&mut *conn)
    .await?
    .iter()
    .map(|r| Ok((r.try_get("application_id")?, submission(r)?)))
    .collect()
}

/// A kommun's application in an earlier round, with its latest submission.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Earlier {
    pub application_id: String,
    pub round_id: String,
    pub round_title: String,
    pub year: i64,
    pub submission: Submission,
}

/// The kommun's submitted applications to the award's rounds before `year`,
/// newest round first; drafts never submitted are not among them.
pub async fn earlier_of_kommun(
    conn: &mut AnyConnection,
    award_id: &str,
    kommun_kod: &str,
    year: i64,
) -> Result<Vec<Earlier>, sqlx::Error> {
    sqlx::query(
        "SELECT a.id AS application_id, r.id AS round_id, r.title, r.year, s.number, s.reference, s.submitted_at, \
         s.submitted_by_name FROM applications a JOIN rounds r ON r.id = a.round_id \
         JOIN submissions s ON s.application_id = a.id \
         WHERE r.award_id = $1 AND a.kommun_kod = $2 AND r.year < $3 AND s.number = \
         (SELECT MAX(n.number) FROM submissions n WHERE n.application_id = a.id) ORDER BY r.year DESC",
    )
    .bind(award_id)
    .bind(kommun_kod)
    .bind(year)
    .fetch_all(&mut *conn)
    .await?
    .iter()
    .map(|r| {
        Ok(Earlier {
            application_id: r.try_get("application_id")?,
            round_id: r.try_get("round_id")?,
            round_title: r.try_get("title")?,
            year: r.try_get("year")?,
            submission: submission(r)?,
        })
    })
    .collect()
}
