//! The jury's deliberation: the discussion of each application and each
//! juror's marks for the shortlist.

use super::{from_db_time, to_db_time};
use chrono::{DateTime, Utc};
use sqlx::{AnyConnection, Row};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Post {
    pub user_id: Option<String>,
    pub author_name: String,
    pub body: String,
    pub posted_at: DateTime<Utc>,
}

pub async fn add_post(
    conn: &mut AnyConnection,
    application_id: &str,
    (user_id, name): (&str, &str),
    body: &str,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO jury_posts (id, application_id, user_id, author_name, body, posted_at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(uuid::Uuid::new_v4().to_string())
    .bind(application_id)
    .bind(user_id)
    .bind(name)
    .bind(body)
    .bind(to_db_time(now))
    .execute(conn)
    .await?;
    Ok(())
}

/// The discussion of an application, oldest first.
pub async fn posts(conn: &mut AnyConnection, application_id: &str) -> Result<Vec<Post>, sqlx::Error> {
    sqlx::query(
        "SELECT user_id, author_name, body, posted_at FROM jury_posts WHERE application_id = $1 \
         ORDER BY posted_at, id",
    )
    .bind(application_id)
    .fetch_all(&mut *conn)
    .await?
    .iter()
    .map(|r| {
        Ok(Post {
            user_id: r.try_get("user_id")?,
            author_name: r.try_get("author_name")?,
            body: r.try_get("body")?,
            posted_at: from_db_time(&r.try_get::<String, _>("posted_at")?)?,
        })
    })
    .collect()
}

/// Marks (`true`) or unmarks an application for the shortlist, for one juror.
pub async fn set_mark(
    conn: &mut AnyConnection,
    application_id: &str,
    user_id: &str,
    marked: bool,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    if marked {
        sqlx::query(
            "INSERT INTO shortlist_marks (application_id, user_id, marked_at) VALUES ($1, $2, $3) \
             ON CONFLICT DO NOTHING",
        )
        .bind(application_id)
        .bind(user_id)
        .bind(to_db_time(now))
        .execute(conn)
        .await?;
    } else {
        sqlx::query("DELETE FROM shortlist_marks WHERE application_id = $1 AND user_id = $2")
            .bind(application_id)
            .bind(user_id)
            .execute(conn)
            .await?;
    }
    Ok(())
}

/// Every mark in a round: (application, juror).
pub async fn marks_in_round(conn: &mut AnyConnection, round_id: &str) -> Result<Vec<(String, String)>, sqlx::Error> {
    sqlx::query(
        "SELECT m.application_id, m.user_id FROM shortlist_marks m JOIN applications a ON a.id = m.application_id \
         WHERE a.round_id = $1",
    )
    .bind(round_id)
    .fetch_all(&mut *conn)
    .await?
    .iter()
    .map(|r| Ok((r.try_get("application_id")?, r.try_get("user_id")?)))
    .collect()
}
