//! The accessibility statement (one row) and the feedback visitors send.

use super::{from_db_time, to_db_time};
use crate::domain::accessibility::{Compliance, Feedback, Statement};
use chrono::{DateTime, NaiveDate, Utc};
use sqlx::{AnyConnection, Row};

const COLUMNS: &str =
    "organisation, compliance, known_issues, alternatives, contact_email, tested, published_on, reviewed_on";

fn date(text: &str) -> Result<NaiveDate, sqlx::Error> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|e| sqlx::Error::Decode(Box::new(e)))
}

pub async fn statement(conn: &mut AnyConnection) -> Result<Option<Statement>, sqlx::Error> {
    let sql = format!("SELECT {COLUMNS} FROM accessibility_statement WHERE id = 1");
    let Some(row) = sqlx::query(&sql).fetch_optional(&mut *conn).await? else { return Ok(None) };
    let compliance: String = row.try_get("compliance")?;
    let known_issues: String = row.try_get("known_issues")?;
    Ok(Some(Statement {
        organisation: row.try_get("organisation")?,
        compliance: Compliance::from_code(&compliance)
            .ok_or_else(|| sqlx::Error::Decode(format!("unknown compliance {compliance}").into()))?,
        known_issues: known_issues.lines().filter(|l| !l.is_empty()).map(str::to_owned).collect(),
        alternatives: row.try_get("alternatives")?,
        contact_email: row.try_get("contact_email")?,
        tested: row.try_get("tested")?,
        published_on: date(&row.try_get::<String, _>("published_on")?)?,
        reviewed_on: date(&row.try_get::<String, _>("reviewed_on")?)?,
    }))
}

/// Writes the statement; `insert_only` leaves an existing one alone (the seed).
pub async fn save(
    conn: &mut AnyConnection,
    statement: &Statement,
    by: Option<&str>,
    insert_only: bool,
) -> Result<(), sqlx::Error> {
    let on_conflict = if insert_only {
        "DO NOTHING"
    } else {
        "DO UPDATE SET organisation = excluded.organisation, compliance = excluded.compliance, \
         known_issues = excluded.known_issues, alternatives = excluded.alternatives, \
         contact_email = excluded.contact_email, tested = excluded.tested, published_on = excluded.published_on, \
         reviewed_on = excluded.reviewed_on, updated_by_name = excluded.updated_by_name"
    };
    let sql = format!(
        "INSERT INTO accessibility_statement (id, {COLUMNS}, updated_by_name) \
         VALUES (1, $1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (id) {on_conflict}"
    );
    sqlx::query(&sql)
        .bind(&statement.organisation)
        .bind(statement.compliance.code())
        .bind(statement.known_issues.join("\n"))
        .bind(&statement.alternatives)
        .bind(&statement.contact_email)
        .bind(&statement.tested)
        .bind(statement.published_on.format("%Y-%m-%d").to_string())
        .bind(statement.reviewed_on.format("%Y-%m-%d").to_string())
        .bind(by)
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn add_feedback(conn: &mut AnyConnection, feedback: &Feedback, at: DateTime<Utc>) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO accessibility_feedback (id, received_at, page, message, reply_to) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(uuid::Uuid::new_v4().to_string())
    .bind(to_db_time(at))
    .bind(&feedback.page)
    .bind(&feedback.message)
    .bind(&feedback.reply_to)
    .execute(conn)
    .await?;
    Ok(())
}

/// Every piece of feedback, newest first.
pub async fn feedback(conn: &mut AnyConnection) -> Result<Vec<(DateTime<Utc>, Feedback)>, sqlx::Error> {
    sqlx::query("SELECT received_at, page, message, reply_to FROM accessibility_feedback ORDER BY received_at DESC, id")
        .fetch_all(&mut *conn)
        .await?
        .iter()
        .map(|r| {
            Ok((
                from_db_time(&r.try_get::<String, _>("received_at")?)?,
                Feedback { message: r.try_get("message")?, page: r.try_get("page")?, reply_to: r.try_get("reply_to")? },
            ))
        })
        .collect()
}
