//! The outgoing mail queue. Claiming uses a lease so that several portal
//! instances, or a worker restarted after a crash, never send a row twice at once.

use super::{from_db_time, to_db_time};
use crate::mail::OutgoingMail;
use chrono::{DateTime, Duration, Utc};
use sqlx::{AnyConnection, Row};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueuedMail {
    pub id: String,
    pub mail: OutgoingMail,
    pub attempts: u32,
}

/// Queues a message; call inside the transaction of the event that causes it.
pub async fn enqueue(conn: &mut AnyConnection, mail: &OutgoingMail, now: DateTime<Utc>) -> Result<String, sqlx::Error> {
    enqueue_at(conn, mail, now, now).await
}

/// Queues a message that is not sent before `due` (an embargo).
pub async fn enqueue_at(
    conn: &mut AnyConnection,
    mail: &OutgoingMail,
    now: DateTime<Utc>,
    due: DateTime<Utc>,
) -> Result<String, sqlx::Error> {
    let id = uuid::Uuid::new_v4().to_string();
    sqlx::query(
        "INSERT INTO mail_queue (id, recipient, subject, body_text, body_html, created_at, next_attempt_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(&id)
    .bind(&mail.to)
    .bind(&mail.subject)
    .bind(&mail.text)
    .bind(&mail.html)
    .bind(to_db_time(now))
    .bind(to_db_time(due))
    .execute(conn)
    .await?;
    Ok(id)
}

/// Claims up to `limit` messages that are due and not claimed by another worker.
pub async fn claim_due(
    conn: &mut AnyConnection,
    now: DateTime<Utc>,
    lease: Duration,
    limit: i64,
) -> Result<Vec<QueuedMail>, sqlx::Error> {
    let now_text = to_db_time(now);
    let candidates = sqlx::query(
        "SELECT id FROM mail_queue WHERE sent_at IS NULL AND next_attempt_at <= $1 \
         AND (claimed_until IS NULL OR claimed_until <= $2) ORDER BY next_attempt_at LIMIT $3",
    )
    .bind(&now_text)
    .bind(&now_text)
    .bind(limit)
    .fetch_all(&mut *conn)
    .await?;

    let mut claimed = Vec::new();
    for row in candidates {
        let id: String = row.try_get("id")?;
        // The conditional update is the claim: only one worker's update matches.
        let won = sqlx::query(
            "UPDATE mail_queue SET claimed_until = $1 WHERE id = $2 AND sent_at IS NULL \
             AND (claimed_until IS NULL OR claimed_until <= $3)",
        )
        .bind(to_db_time(now + lease))
        .bind(&id)
        .bind(&now_text)
        .execute(&mut *conn)
        .await?
        .rows_affected()
            == 1;
        if !won {
            continue;
        }
        let row =
            sqlx::query("SELECT recipient, subject, body_text, body_html, attempts FROM mail_queue WHERE id = $1")
                .bind(&id)
                .fetch_one(&mut *conn)
                .await?;
        claimed.push(QueuedMail {
            mail: OutgoingMail {
                to: row.try_get("recipient")?,
                subject: row.try_get("subject")?,
                text: row.try_get("body_text")?,
                html: row.try_get("body_html")?,
            },
            attempts: super::to_u32(row.try_get("attempts")?, "attempts")?,
            id,
        });
    }
    Ok(claimed)
}

pub async fn mark_sent(conn: &mut AnyConnection, id: &str, now: DateTime<Utc>) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE mail_queue SET sent_at = $1, claimed_until = NULL, last_error = NULL WHERE id = $2")
        .bind(to_db_time(now))
        .bind(id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

pub async fn mark_failed(
    conn: &mut AnyConnection,
    id: &str,
    retry_at: DateTime<Utc>,
    error: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE mail_queue SET attempts = attempts + 1, next_attempt_at = $1, claimed_until = NULL, \
         last_error = $2 WHERE id = $3",
    )
    .bind(to_db_time(retry_at))
    .bind(error)
    .bind(id)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Where a message stands, for operators and tests.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MailStatus {
    pub attempts: u32,
    pub next_attempt_at: DateTime<Utc>,
    pub sent_at: Option<DateTime<Utc>>,
    pub last_error: Option<String>,
}

pub async fn status(conn: &mut AnyConnection, id: &str) -> Result<Option<MailStatus>, sqlx::Error> {
    let Some(row) = sqlx::query("SELECT attempts, next_attempt_at, sent_at, last_error FROM mail_queue WHERE id = $1")
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?
    else {
        return Ok(None);
    };
    let sent_at: Option<String> = row.try_get("sent_at")?;
    Ok(Some(MailStatus {
        attempts: super::to_u32(row.try_get("attempts")?, "attempts")?,
        next_attempt_at: from_db_time(&row.try_get::<String, _>("next_attempt_at")?)?,
        sent_at: sent_at.as_deref().map(from_db_time).transpose()?,
        last_error: row.try_get("last_error")?,
    }))
}

/// The subjects of messages to an address and when each was queued, newest first.
/// A message held until a later time (an embargoed outcome) is not theirs to
/// see, nor to infer from, until it is due.
pub async fn for_recipient(
    conn: &mut AnyConnection,
    recipient: &str,
    now: DateTime<Utc>,
) -> Result<Vec<(String, DateTime<Utc>)>, sqlx::Error> {
    sqlx::query(
        "SELECT subject, created_at FROM mail_queue WHERE recipient = $1 \
         AND (sent_at IS NOT NULL OR attempts > 0 OR next_attempt_at <= $2) ORDER BY created_at DESC",
    )
    .bind(recipient)
    .bind(to_db_time(now))
    .fetch_all(&mut *conn)
    .await?
    .into_iter()
    .map(|r| Ok((r.try_get("subject")?, from_db_time(&r.try_get::<String, _>("created_at")?)?)))
    .collect()
}

/// At account deletion: removes the copies of messages delivered to the
/// address and those held for later (an embargoed outcome); what is due now,
/// such as the notice of a password change, still goes out.
pub async fn delete_for_deleted_account(
    conn: &mut AnyConnection,
    recipient: &str,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "DELETE FROM mail_queue WHERE recipient = $1 \
         AND (sent_at IS NOT NULL OR (attempts = 0 AND next_attempt_at > $2))",
    )
    .bind(recipient)
    .bind(to_db_time(now))
    .execute(conn)
    .await?;
    Ok(())
}

/// Removes the messages still waiting for an address (access taken away).
pub async fn delete_unsent_to(conn: &mut AnyConnection, recipient: &str) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM mail_queue WHERE recipient = $1 AND sent_at IS NULL")
        .bind(recipient)
        .execute(conn)
        .await?;
    Ok(())
}
