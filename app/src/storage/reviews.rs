//! How a round is reviewed (criteria, scale, closed or not) and each juror's
//! review of each application. A save is a compare-and-set on the review's
//! version, so a page that is behind (another tab) never overwrites newer work.

use super::{Db, from_db_time, to_db_time, to_u32};
use crate::domain::review::{Progress, Recommendation, ReviewSettings, Scale, ScoredCriterion, Scores};
use chrono::{DateTime, Utc};
use sqlx::{AnyConnection, Row, any::AnyRow};

pub async fn settings(db: &Db, round_id: &str) -> Result<Option<ReviewSettings>, sqlx::Error> {
    let pool = db.pool();
    let Some(row) = sqlx::query(
        "SELECT scale_min, scale_max, review_closed_at, tie_break FROM review_settings WHERE round_id = $1",
    )
    .bind(round_id)
    .fetch_optional(pool)
    .await?
    else {
        return Ok(None);
    };
    let labels: Vec<(i64, String)> =
        sqlx::query("SELECT value, label FROM review_scale_steps WHERE round_id = $1 ORDER BY value")
            .bind(round_id)
            .fetch_all(pool)
            .await?
            .iter()
            .map(|r| Ok((r.try_get("value")?, r.try_get("label")?)))
            .collect::<Result<_, sqlx::Error>>()?;
    let (min, max): (i64, i64) = (row.try_get("scale_min")?, row.try_get("scale_max")?);
    let criteria = sqlx::query(
        "SELECT slug, title, description, weight FROM review_criteria WHERE round_id = $1 ORDER BY position",
    )
    .bind(round_id)
    .fetch_all(pool)
    .await?
    .iter()
    .map(|r| {
        Ok(ScoredCriterion {
            slug: r.try_get("slug")?,
            title: r.try_get("title")?,
            description: r.try_get("description")?,
            weight: to_u32(r.try_get("weight")?, "weight")?,
        })
    })
    .collect::<Result<_, sqlx::Error>>()?;
    let closed_at: Option<String> = row.try_get("review_closed_at")?;
    Ok(Some(ReviewSettings {
        criteria,
        scale: Scale {
            min,
            max,
            labels: (min..=max)
                .map(|v| labels.iter().find(|(n, _)| *n == v).map(|(_, l)| l.clone()).unwrap_or_default())
                .collect(),
        },
        closed_at: closed_at.as_deref().map(from_db_time).transpose()?,
        tie_break: row.try_get("tie_break")?,
    }))
}

/// Gives a round its first settings unless it has some: an organiser's
/// changes (a criterion removed) survive every restart.
pub async fn create_if_missing(
    conn: &mut AnyConnection,
    round_id: &str,
    settings: &ReviewSettings,
) -> Result<(), sqlx::Error> {
    let created = sqlx::query(
        "INSERT INTO review_settings (round_id, scale_min, scale_max, tie_break) VALUES ($1, $2, $3, $4) \
         ON CONFLICT DO NOTHING",
    )
    .bind(round_id)
    .bind(settings.scale.min)
    .bind(settings.scale.max)
    .bind(&settings.tie_break)
    .execute(&mut *conn)
    .await?
    .rows_affected();
    if created == 1 {
        write_criteria_and_steps(conn, round_id, &settings.criteria, &settings.scale).await?;
    }
    Ok(())
}

/// The organiser's new criteria, scale and tie rule, replacing the old ones.
pub async fn replace(
    conn: &mut AnyConnection,
    round_id: &str,
    criteria: &[ScoredCriterion],
    scale: &Scale,
    tie_break: Option<&str>,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE review_settings SET scale_min = $2, scale_max = $3, tie_break = $4 WHERE round_id = $1")
        .bind(round_id)
        .bind(scale.min)
        .bind(scale.max)
        .bind(tie_break)
        .execute(&mut *conn)
        .await?;
    sqlx::query("DELETE FROM review_criteria WHERE round_id = $1").bind(round_id).execute(&mut *conn).await?;
    sqlx::query("DELETE FROM review_scale_steps WHERE round_id = $1").bind(round_id).execute(&mut *conn).await?;
    write_criteria_and_steps(conn, round_id, criteria, scale).await
}

async fn write_criteria_and_steps(
    conn: &mut AnyConnection,
    round_id: &str,
    criteria: &[ScoredCriterion],
    scale: &Scale,
) -> Result<(), sqlx::Error> {
    for (position, c) in (0i64..).zip(criteria) {
        sqlx::query(
            "INSERT INTO review_criteria (round_id, slug, position, title, description, weight) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(round_id)
        .bind(&c.slug)
        .bind(position)
        .bind(&c.title)
        .bind(&c.description)
        .bind(i64::from(c.weight))
        .execute(&mut *conn)
        .await?;
    }
    for (value, label) in scale.steps() {
        sqlx::query("INSERT INTO review_scale_steps (round_id, value, label) VALUES ($1, $2, $3)")
            .bind(round_id)
            .bind(value)
            .bind(label)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

pub async fn set_closed(
    conn: &mut AnyConnection,
    round_id: &str,
    at: Option<DateTime<Utc>>,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE review_settings SET review_closed_at = $2 WHERE round_id = $1")
        .bind(round_id)
        .bind(at.map(to_db_time))
        .execute(conn)
        .await?;
    Ok(())
}

/// Whether any juror has saved a review in the round: from then on the
/// criteria and the scale stay as they are.
pub async fn started(conn: &mut AnyConnection, round_id: &str) -> Result<bool, sqlx::Error> {
    Ok(sqlx::query(
        "SELECT 1 FROM reviews r JOIN applications a ON a.id = r.application_id WHERE a.round_id = $1 LIMIT 1",
    )
    .bind(round_id)
    .fetch_optional(conn)
    .await?
    .is_some())
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredReview {
    pub application_id: String,
    pub user_id: String,
    pub juror_name: String,
    pub scores: Scores,
    pub private_note: String,
    pub jury_comment: String,
    pub version: i64,
    pub updated_at: DateTime<Utc>,
    pub done_at: Option<DateTime<Utc>>,
    /// What the review said when first marked done, when its juror first saw the jury's work.
    pub seen_scores: Option<Scores>,
    /// Why the juror last reopened it ("Ångra Klar").
    pub reopen_reason: Option<String>,
}

impl StoredReview {
    pub fn progress(&self) -> Progress {
        if self.done_at.is_some() { Progress::Done } else { Progress::Draft }
    }

    /// Changed since its juror first saw the jury's work (`domain::review::changed_after_seen`).
    pub fn changed_after_seen(&self) -> bool {
        crate::domain::review::changed_after_seen(self.seen_scores.as_ref(), &self.scores)
    }
}

const COLUMNS: &str = "r.id, r.application_id, r.user_id, u.name AS juror_name, r.recommendation, r.private_note, \
                       r.jury_comment, r.version, r.updated_at, r.done_at, r.seen_scores, r.reopen_reason";

/// Reviews matching `filter` (on `r`, the review, and `a`, its application), with their scores.
async fn load(db: &Db, filter: &str, binds: &[&str]) -> Result<Vec<StoredReview>, sqlx::Error> {
    let sql = format!(
        "SELECT {COLUMNS} FROM reviews r JOIN users u ON u.id = r.user_id \
         JOIN applications a ON a.id = r.application_id WHERE {filter} ORDER BY u.name, r.id"
    );
    let mut query = sqlx::query(&sql);
    for bind in binds {
        query = query.bind(*bind);
    }
    let rows = query.fetch_all(db.pool()).await?;
    let score_sql = format!(
        "SELECT s.review_id, s.criterion, s.score FROM review_scores s JOIN reviews r ON r.id = s.review_id \
         JOIN applications a ON a.id = r.application_id WHERE {filter}"
    );
    let mut query = sqlx::query(&score_sql);
    for bind in binds {
        query = query.bind(*bind);
    }
    let mut scores: Vec<(String, String, i64)> = query
        .fetch_all(db.pool())
        .await?
        .iter()
        .map(|r| Ok((r.try_get("review_id")?, r.try_get("criterion")?, r.try_get("score")?)))
        .collect::<Result<_, sqlx::Error>>()?;
    rows.iter()
        .map(|row| {
            let id: String = row.try_get("id")?;
            let mine: Vec<(String, i64)> = scores
                .extract_if(.., |(review, _, _)| *review == id)
                .map(|(_, criterion, score)| (criterion, score))
                .collect();
            review(row, mine)
        })
        .collect()
}

fn review(row: &AnyRow, scores: Vec<(String, i64)>) -> Result<StoredReview, sqlx::Error> {
    let recommendation: Option<String> = row.try_get("recommendation")?;
    let done_at: Option<String> = row.try_get("done_at")?;
    let seen_scores: Option<String> = row.try_get("seen_scores")?;
    Ok(StoredReview {
        // Written by `mark_seen` from the same type; unreadable only if edited by hand, and then not counted as seen.
        seen_scores: seen_scores.as_deref().and_then(|json| serde_json::from_str(json).ok()),
        reopen_reason: row.try_get("reopen_reason")?,
        application_id: row.try_get("application_id")?,
        user_id: row.try_get("user_id")?,
        juror_name: row.try_get("juror_name")?,
        scores: Scores { scores, recommendation: recommendation.as_deref().and_then(Recommendation::from_code) },
        private_note: row.try_get("private_note")?,
        jury_comment: row.try_get("jury_comment")?,
        version: row.try_get("version")?,
        updated_at: from_db_time(&row.try_get::<String, _>("updated_at")?)?,
        done_at: done_at.as_deref().map(from_db_time).transpose()?,
    })
}

pub async fn find(db: &Db, application_id: &str, user_id: &str) -> Result<Option<StoredReview>, sqlx::Error> {
    Ok(load(db, "r.application_id = $1 AND r.user_id = $2", &[application_id, user_id]).await?.pop())
}

pub async fn of_application(db: &Db, application_id: &str) -> Result<Vec<StoredReview>, sqlx::Error> {
    load(db, "r.application_id = $1", &[application_id]).await
}

pub async fn of_round(db: &Db, round_id: &str) -> Result<Vec<StoredReview>, sqlx::Error> {
    load(db, "a.round_id = $1", &[round_id]).await
}

/// What a juror's save carries.
pub struct ReviewInput<'a> {
    pub scores: &'a Scores,
    pub private_note: &'a str,
    pub jury_comment: &'a str,
}

/// Saves a review if it is still at `base` (0: none saved yet) and returns
/// the new version; `None` when a newer save came first.
pub async fn save(
    conn: &mut AnyConnection,
    application_id: &str,
    user_id: &str,
    base: i64,
    input: &ReviewInput<'_>,
    now: DateTime<Utc>,
) -> Result<Option<i64>, sqlx::Error> {
    let recommendation = input.scores.recommendation.map(Recommendation::code);
    let written = if base == 0 {
        sqlx::query(
            "INSERT INTO reviews (id, application_id, user_id, recommendation, private_note, jury_comment, version, \
             updated_at) VALUES ($1, $2, $3, $4, $5, $6, 1, $7) ON CONFLICT DO NOTHING",
        )
        .bind(uuid::Uuid::new_v4().to_string())
        .bind(application_id)
        .bind(user_id)
        .bind(recommendation)
        .bind(input.private_note)
        .bind(input.jury_comment)
        .bind(to_db_time(now))
        .execute(&mut *conn)
        .await?
    } else {
        sqlx::query(
            "UPDATE reviews SET recommendation = $4, private_note = $5, jury_comment = $6, version = version + 1, \
             updated_at = $7 WHERE application_id = $1 AND user_id = $2 AND version = $3 AND done_at IS NULL",
        )
        .bind(application_id)
        .bind(user_id)
        .bind(base)
        .bind(recommendation)
        .bind(input.private_note)
        .bind(input.jury_comment)
        .bind(to_db_time(now))
        .execute(&mut *conn)
        .await?
    };
    if written.rows_affected() == 0 {
        return Ok(None);
    }
    let id: String = sqlx::query("SELECT id FROM reviews WHERE application_id = $1 AND user_id = $2")
        .bind(application_id)
        .bind(user_id)
        .fetch_one(&mut *conn)
        .await?
        .try_get("id")?;
    sqlx::query("DELETE FROM review_scores WHERE review_id = $1").bind(&id).execute(&mut *conn).await?;
    for (criterion, score) in &input.scores.scores {
        sqlx::query("INSERT INTO review_scores (review_id, criterion, score) VALUES ($1, $2, $3)")
            .bind(&id)
            .bind(criterion)
            .bind(*score)
            .execute(&mut *conn)
            .await?;
    }
    Ok(Some(base + 1))
}

/// Marks a review done (`Some`) or not done (`None`) at `version`, which it
/// moves on by one; false when the review is not at that version.
pub async fn set_done(
    conn: &mut AnyConnection,
    application_id: &str,
    user_id: &str,
    version: i64,
    at: Option<DateTime<Utc>>,
) -> Result<bool, sqlx::Error> {
    let changed = sqlx::query(
        "UPDATE reviews SET done_at = $4, version = version + 1 WHERE application_id = $1 AND user_id = $2 \
         AND version = $3",
    )
    .bind(application_id)
    .bind(user_id)
    .bind(version)
    .bind(at.map(to_db_time))
    .execute(conn)
    .await?;
    Ok(changed.rows_affected() == 1)
}

/// Keeps what a review says when it is first marked done: from then on its juror
/// has seen the jury's work. Later "Klar" leave it as it is.
pub async fn mark_seen(
    conn: &mut AnyConnection,
    application_id: &str,
    user_id: &str,
    scores: &Scores,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    let json = serde_json::to_string(scores).map_err(|e| sqlx::Error::Encode(Box::new(e)))?;
    sqlx::query(
        "UPDATE reviews SET seen_at = $3, seen_scores = $4 WHERE application_id = $1 AND user_id = $2 \
         AND seen_at IS NULL",
    )
    .bind(application_id)
    .bind(user_id)
    .bind(to_db_time(now))
    .bind(json)
    .execute(conn)
    .await?;
    Ok(())
}

/// Records why the juror reopened their done review.
pub async fn set_reopen_reason(
    conn: &mut AnyConnection,
    application_id: &str,
    user_id: &str,
    reason: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE reviews SET reopen_reason = $3 WHERE application_id = $1 AND user_id = $2")
        .bind(application_id)
        .bind(user_id)
        .bind(reason)
        .execute(conn)
        .await?;
    Ok(())
}
