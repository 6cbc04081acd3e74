//! How a round is reviewed (criteria, scale, closed or not) and each juror's
//! review of each application. A save is a compare-and-set on the review's
//! version, so a page that is behind (another tab) never overwrites newer work.

use super::{
    from_db_time,
    jury::{EMPLOYER_COLUMNS, EMPLOYER_JOINS, employer_from},
    to_db_time, to_u32,
};
use crate::domain::{
    employer::Employer,
    lifecycle::RoundState,
    review::{Progress, Recommendation, ReviewSettings, Scale, ScoredCriterion, Scores},
};
use chrono::{DateTime, Utc};
use sqlx::{AnyConnection, Row, any::AnyRow};

pub async fn settings(conn: &mut AnyConnection, round_id: &str) -> Result<Option<ReviewSettings>, sqlx::Error> {
    let Some(row) = sqlx::query(
        "SELECT scale_min, scale_max, review_closed_at, tie_break FROM review_settings WHERE round_id = $1",
    )
    .bind(round_id)
    .fetch_optional(&mut *conn)
    .await?
    else {
        return Ok(None);
    };
    let labels: Vec<(i64, String)> =
        sqlx::query("SELECT value, label FROM review_scale_steps WHERE round_id = $1 ORDER BY value")
            .bind(round_id)
            .fetch_all(&mut *conn)
            .await?
            .iter()
            .map(|r| Ok((r.try_get("value")?, r.try_get("label")?)))
            .collect::<Result<_, sqlx::Error>>()?;
    let (min, max): (i64, i64) = (row.try_get("scale_min")?, row.try_get("scale_max")?);
    let criteria = criteria(&mut *conn, round_id).await?;
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

/// The round's criteria, in their order.
pub async fn criteria(conn: &mut AnyConnection, round_id: &str) -> Result<Vec<ScoredCriterion>, sqlx::Error> {
    sqlx::query("SELECT slug, title, description, weight FROM review_criteria WHERE round_id = $1 ORDER BY position")
        .bind(round_id)
        .fetch_all(conn)
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
        .collect()
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
    pub id: String,
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
async fn load(conn: &mut AnyConnection, filter: &str, binds: &[&str]) -> Result<Vec<StoredReview>, sqlx::Error> {
    let sql = format!(
        "SELECT {COLUMNS} FROM reviews r JOIN users u ON u.id = r.user_id \
         JOIN applications a ON a.id = r.application_id WHERE {filter} ORDER BY u.name, r.id"
    );
    let mut query = sqlx::query(&sql);
    for bind in binds {
        query = query.bind(*bind);
    }
    let rows = query.fetch_all(&mut *conn).await?;
    let score_sql = format!(
        "SELECT s.review_id, s.criterion, s.score FROM review_scores s JOIN reviews r ON r.id = s.review_id \
         JOIN applications a ON a.id = r.application_id WHERE {filter}"
    );
    let mut query = sqlx::query(&score_sql);
    for bind in binds {
        query = query.bind(*bind);
    }
    let mut scores: Vec<(String, String, i64)> = query
        .fetch_all(&mut *conn)
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
        // Written by `save` and `reopen` from the same type; unreadable only if edited by hand, and then not counted as seen.
        seen_scores: seen_scores.as_deref().and_then(|json| serde_json::from_str(json).ok()),
        reopen_reason: row.try_get("reopen_reason")?,
        id: row.try_get("id")?,
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

pub async fn of_application(conn: &mut AnyConnection, application_id: &str) -> Result<Vec<StoredReview>, sqlx::Error> {
    load(conn, "r.application_id = $1", &[application_id]).await
}

pub async fn of_round(conn: &mut AnyConnection, round_id: &str) -> Result<Vec<StoredReview>, sqlx::Error> {
    load(conn, "a.round_id = $1", &[round_id]).await
}

/// What a juror's save carries.
pub struct ReviewInput<'a> {
    pub scores: &'a Scores,
    pub private_note: &'a str,
    pub jury_comment: &'a str,
}

/// What a juror's save decides on, read in its own transaction: the application's
/// round and kommun, whether it was ever submitted, the round's scale, and the
/// juror's standing for the kommun (declared jäv, employer, answer to a flag).
pub struct JurorsEntry {
    pub round_id: String,
    pub round_state: RoundState,
    pub kommun_kod: String,
    pub kommun: String,
    pub submitted: bool,
    /// The round's scale, and when the review closes; none before the round has review settings.
    pub scale: Option<(i64, i64)>,
    pub closed_at: Option<DateTime<Utc>>,
    pub conflicted: bool,
    pub employer: Option<Employer>,
    /// The juror's answer to a flag for the kommun: the employer as it read then, and whether jäv.
    pub answer: Option<(String, bool)>,
}

pub async fn jurors_entry(
    conn: &mut AnyConnection,
    application_id: &str,
    user_id: &str,
) -> Result<Option<JurorsEntry>, sqlx::Error> {
    let sql = format!(
        "SELECT a.round_id, r.state, a.kommun_kod, ak.namn AS kommun, \
         (SELECT COUNT(*) FROM submissions s WHERE s.application_id = a.id) AS submissions, \
         rs.scale_min, rs.scale_max, rs.review_closed_at, \
         (SELECT COUNT(*) FROM jury_conflicts c WHERE c.round_id = a.round_id AND c.user_id = u.id \
          AND c.kommun_kod = a.kommun_kod) AS conflicts, \
         {EMPLOYER_COLUMNS}, fa.employer AS answered_for, fa.conflicted AS answered_jav \
         FROM applications a JOIN rounds r ON r.id = a.round_id JOIN users u ON u.id = $2 \
         LEFT JOIN kommuner ak ON ak.kod = a.kommun_kod LEFT JOIN review_settings rs ON rs.round_id = a.round_id \
         {EMPLOYER_JOINS} LEFT JOIN jury_flag_answers fa ON fa.round_id = a.round_id AND fa.user_id = u.id \
         AND fa.kommun_kod = a.kommun_kod WHERE a.id = $1"
    );
    let Some(row) = sqlx::query(&sql).bind(application_id).bind(user_id).fetch_optional(conn).await? else {
        return Ok(None);
    };
    let state: String = row.try_get("state")?;
    let kommun_kod: String = row.try_get("kommun_kod")?;
    let scale = match (row.try_get::<Option<i64>, _>("scale_min")?, row.try_get::<Option<i64>, _>("scale_max")?) {
        (Some(min), Some(max)) => Some((min, max)),
        _ => None,
    };
    let closed_at: Option<String> = row.try_get("review_closed_at")?;
    let answered_for: Option<String> = row.try_get("answered_for")?;
    let answered_jav: Option<i64> = row.try_get("answered_jav")?;
    Ok(Some(JurorsEntry {
        round_id: row.try_get("round_id")?,
        round_state: RoundState::from_code(&state)
            .ok_or_else(|| sqlx::Error::Decode(format!("round state {state:?}").into()))?,
        kommun: row.try_get::<Option<String>, _>("kommun")?.unwrap_or_else(|| kommun_kod.clone()),
        kommun_kod,
        submitted: row.try_get::<i64, _>("submissions")? > 0,
        scale,
        closed_at: closed_at.as_deref().map(from_db_time).transpose()?,
        conflicted: row.try_get::<i64, _>("conflicts")? > 0,
        employer: employer_from(&row)?,
        answer: answered_for.zip(answered_jav.map(|jav| jav == 1)),
    }))
}

/// The juror's review of the application, with its scores, in one statement.
pub async fn find(
    conn: &mut AnyConnection,
    application_id: &str,
    user_id: &str,
) -> Result<Option<StoredReview>, sqlx::Error> {
    let sql = format!(
        "SELECT {COLUMNS}, s.criterion, s.score FROM reviews r JOIN users u ON u.id = r.user_id \
         LEFT JOIN review_scores s ON s.review_id = r.id WHERE r.application_id = $1 AND r.user_id = $2"
    );
    let rows = sqlx::query(&sql).bind(application_id).bind(user_id).fetch_all(conn).await?;
    let Some(first) = rows.first() else { return Ok(None) };
    let mut scores = Vec::new();
    for row in &rows {
        if let (Some(criterion), Some(score)) =
            (row.try_get::<Option<String>, _>("criterion")?, row.try_get::<Option<i64>, _>("score")?)
        {
            scores.push((criterion, score));
        }
    }
    review(first, scores).map(Some)
}

/// The review as it was when stored, for the compare-and-set.
#[derive(Debug, Clone, Copy)]
pub struct Base<'a> {
    /// The stored review's id; none when nothing is saved yet.
    pub id: Option<&'a str>,
    pub version: i64,
}

/// Saves a review if it is still at `base` and returns the new version; `None`
/// when a newer save came first. `done_at` marks it done as well, which keeps
/// what it says as what its juror first saw the jury's work with (only the first time).
pub async fn save(
    conn: &mut AnyConnection,
    application_id: &str,
    user_id: &str,
    base: Base<'_>,
    input: &ReviewInput<'_>,
    done_at: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> Result<Option<i64>, sqlx::Error> {
    let recommendation = input.scores.recommendation.map(Recommendation::code);
    // Saving and marking done were two steps, a version each; they still count as two.
    let version = base.version + if done_at.is_some() { 2 } else { 1 };
    let done_at = done_at.map(to_db_time);
    let seen = done_at.as_ref().map(|_| seen_json(input.scores)).transpose()?;
    let new_id = uuid::Uuid::new_v4().to_string();
    // Both statements take the same ten values in the same places; the update adds the base version.
    let (id, sql) = match base.id {
        None => (
            new_id.as_str(),
            "INSERT INTO reviews (id, application_id, user_id, recommendation, private_note, jury_comment, version, \
             updated_at, done_at, seen_at, seen_scores) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9, $10) \
             ON CONFLICT DO NOTHING",
        ),
        Some(id) => (
            id,
            "UPDATE reviews SET recommendation = $4, private_note = $5, jury_comment = $6, version = $7, \
             updated_at = $8, done_at = $9, seen_at = COALESCE(seen_at, $9), seen_scores = COALESCE(seen_scores, $10) \
             WHERE id = $1 AND application_id = $2 AND user_id = $3 AND version = $11 AND done_at IS NULL",
        ),
    };
    let mut query = sqlx::query(sql)
        .bind(id)
        .bind(application_id)
        .bind(user_id)
        .bind(recommendation)
        .bind(input.private_note)
        .bind(input.jury_comment)
        .bind(version)
        .bind(to_db_time(now))
        .bind(&done_at)
        .bind(&seen);
    if base.id.is_some() {
        query = query.bind(base.version);
    }
    let written = query.execute(&mut *conn).await?;
    if written.rows_affected() == 0 {
        return Ok(None);
    }
    if base.id.is_some() {
        sqlx::query("DELETE FROM review_scores WHERE review_id = $1").bind(id).execute(&mut *conn).await?;
    }
    if !input.scores.scores.is_empty() {
        // One statement for all the scores: a save's statements do not grow with the criteria.
        let rows: Vec<String> =
            (0..input.scores.scores.len()).map(|i| format!("($1, ${}, ${})", 2 * i + 2, 2 * i + 3)).collect();
        let sql = format!("INSERT INTO review_scores (review_id, criterion, score) VALUES {}", rows.join(", "));
        let mut insert = sqlx::query(&sql).bind(id);
        for (criterion, score) in &input.scores.scores {
            insert = insert.bind(criterion).bind(*score);
        }
        insert.execute(&mut *conn).await?;
    }
    Ok(Some(version))
}

fn seen_json(scores: &Scores) -> Result<String, sqlx::Error> {
    serde_json::to_string(scores).map_err(|e| sqlx::Error::Encode(Box::new(e)))
}

/// "Ångra Klar": the done review at `version` is open again, with the juror's reason.
/// What it said stays kept as what they first saw the jury's work with (a review done
/// before that was kept has none: reopening is the last moment it is known).
/// False when the review is not at that version.
pub async fn reopen(
    conn: &mut AnyConnection,
    review: &StoredReview,
    version: i64,
    reason: &str,
    now: DateTime<Utc>,
) -> Result<bool, sqlx::Error> {
    let changed = sqlx::query(
        "UPDATE reviews SET done_at = NULL, version = version + 1, reopen_reason = $3, \
         seen_at = COALESCE(seen_at, $4), seen_scores = COALESCE(seen_scores, $5) WHERE id = $1 AND version = $2",
    )
    .bind(&review.id)
    .bind(version)
    .bind(reason)
    .bind(to_db_time(now))
    .bind(seen_json(&review.scores)?)
    .execute(conn)
    .await?;
    Ok(changed.rows_affected() == 1)
}
