use super::{from_db_time, to_db_time, to_u32};
use crate::domain::{
    award::Award,
    deadline::Deadline,
    lifecycle::RoundState,
    round::{Criterion, JuryMember, Round, Section},
};
use chrono::{DateTime, Utc};
use sqlx::{AnyConnection, Row};
use std::{
    collections::HashMap,
    sync::{Mutex, MutexGuard},
    time::{Duration, Instant},
};

/// The awards and the current round of each as last read, with the rounds' change
/// counter they were read under. Every page reads them, and they change a few
/// times a year: one row (the counter) is read instead of the round's five tables.
/// Every write below (and every write to an award) raises the counter in its own
/// transaction, so an instance never serves a round older than the counter it
/// has just read, whichever instance wrote it. A change made beside the portal (a
/// data migration, a hand edit, an instance of a version before the counter) does
/// not raise it: such a change shows within `KEPT_AT_MOST`. Raise the counter with
/// it (`changed`).
#[derive(Default)]
pub struct CurrentRounds(Mutex<Snapshot>);

#[derive(Default)]
struct Snapshot {
    version: i64,
    awards: Option<(Instant, Vec<Award>)>,
    /// By award: its current round (none: no round has opened), and when it was read.
    rounds: HashMap<String, (Instant, Option<Round>)>,
}

/// How long a round is kept even when the counter has not moved.
const KEPT_AT_MOST: Duration = Duration::from_secs(60);

impl CurrentRounds {
    /// What is kept under `version`: emptied first if it was kept under another.
    fn at(&self, version: i64) -> MutexGuard<'_, Snapshot> {
        let mut kept = self.0.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if kept.version != version {
            *kept = Snapshot { version, ..Snapshot::default() };
        }
        kept
    }
}

fn fresh<T: Clone>(kept: Option<&(Instant, T)>) -> Option<T> {
    kept.filter(|(read_at, _)| read_at.elapsed() < KEPT_AT_MOST).map(|(_, value)| value.clone())
}

/// `current`, from `kept` when the rounds have not changed since it was read there.
/// With the counter's value it was read under. Only for an award that exists:
/// what is kept is kept by award.
pub async fn current_kept(
    conn: &mut AnyConnection,
    kept: &CurrentRounds,
    award_id: &str,
) -> Result<(i64, Option<Round>), sqlx::Error> {
    let version = version(&mut *conn).await?;
    Ok((version, kept_round(conn, kept, version, award_id).await?))
}

/// Every award (`awards::list`), from `kept` as `current_kept` reads a round.
pub async fn awards_kept(conn: &mut AnyConnection, kept: &CurrentRounds) -> Result<(i64, Vec<Award>), sqlx::Error> {
    let version = version(&mut *conn).await?;
    Ok((version, kept_awards(conn, kept, version).await?))
}

/// Every award in order, each with its current round (none: no round has opened).
pub type Overview = Vec<(Award, Option<Round>)>;

/// `Overview`, under one reading of the counter.
pub async fn overview_kept(conn: &mut AnyConnection, kept: &CurrentRounds) -> Result<(i64, Overview), sqlx::Error> {
    let version = version(&mut *conn).await?;
    let mut overview = Vec::new();
    for award in kept_awards(&mut *conn, kept, version).await? {
        let round = kept_round(&mut *conn, kept, version, &award.id).await?;
        overview.push((award, round));
    }
    Ok((version, overview))
}

// Each reads after the counter: what is kept under `version` is at least as new as it.
async fn kept_round(
    conn: &mut AnyConnection,
    kept: &CurrentRounds,
    version: i64,
    award_id: &str,
) -> Result<Option<Round>, sqlx::Error> {
    let found = fresh(kept.at(version).rounds.get(award_id));
    if let Some(round) = found {
        return Ok(round);
    }
    let round = current(conn, award_id).await?;
    kept.at(version).rounds.insert(award_id.to_owned(), (Instant::now(), round.clone()));
    Ok(round)
}

async fn kept_awards(conn: &mut AnyConnection, kept: &CurrentRounds, version: i64) -> Result<Vec<Award>, sqlx::Error> {
    let found = fresh(kept.at(version).awards.as_ref());
    if let Some(awards) = found {
        return Ok(awards);
    }
    let awards = super::awards::list(conn).await?;
    kept.at(version).awards = Some((Instant::now(), awards.clone()));
    Ok(awards)
}

/// The rounds' change counter: it moves on every write to any round, to and fro alike.
pub async fn version(conn: &mut AnyConnection) -> Result<i64, sqlx::Error> {
    sqlx::query("SELECT version FROM change_counters WHERE name = 'rounds'").fetch_one(conn).await?.try_get(0)
}

/// Raises the rounds' change counter: part of every write to a round or its parts.
pub async fn changed(conn: &mut AnyConnection) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE change_counters SET version = version + 1 WHERE name = 'rounds'").execute(conn).await?;
    Ok(())
}

/// The newest round of an award that has opened: the one the public page
/// shows and everyone works on. A round being prepared is not current yet.
pub async fn current(conn: &mut AnyConnection, award_id: &str) -> Result<Option<Round>, sqlx::Error> {
    let row = sqlx::query("SELECT id FROM rounds WHERE award_id = $1 AND state <> $2 ORDER BY year DESC LIMIT 1")
        .bind(award_id)
        .bind(RoundState::Draft.code())
        .fetch_optional(&mut *conn)
        .await?;
    match row {
        Some(row) => find(&mut *conn, &row.try_get::<String, _>("id")?).await,
        None => Ok(None),
    }
}

pub async fn find(conn: &mut AnyConnection, id: &str) -> Result<Option<Round>, sqlx::Error> {
    let Some(row) = sqlx::query(
        "SELECT id, award_id, year, title, theme, intro, criteria_text, eligibility, opens_at, deadline_at, \
         ceremony_at, ceremony_place, contact, state, published_at FROM rounds WHERE id = $1",
    )
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?
    else {
        return Ok(None);
    };

    let sections = sqlx::query(
        "SELECT slug, title, guidance, max_chars FROM round_sections WHERE round_id = $1 ORDER BY position",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await?
    .into_iter()
    .map(|r| {
        Ok(Section {
            slug: r.try_get("slug")?,
            title: r.try_get("title")?,
            guidance: r.try_get("guidance")?,
            max_chars: to_u32(r.try_get("max_chars")?, "max_chars")?,
        })
    })
    .collect::<Result<Vec<_>, sqlx::Error>>()?;

    let criteria =
        sqlx::query("SELECT slug, title, description FROM round_criteria WHERE round_id = $1 ORDER BY position")
            .bind(id)
            .fetch_all(&mut *conn)
            .await?
            .into_iter()
            .map(|r| {
                Ok(Criterion {
                    slug: r.try_get("slug")?,
                    title: r.try_get("title")?,
                    description: r.try_get("description")?,
                })
            })
            .collect::<Result<Vec<_>, sqlx::Error>>()?;

    let jury = sqlx::query("SELECT name, title FROM round_jury WHERE round_id = $1 ORDER BY position")
        .bind(id)
        .fetch_all(&mut *conn)
        .await?
        .into_iter()
        .map(|r| Ok(JuryMember { name: r.try_get("name")?, title: r.try_get("title")? }))
        .collect::<Result<Vec<_>, sqlx::Error>>()?;

    let partners = sqlx::query("SELECT name FROM round_partners WHERE round_id = $1 ORDER BY position")
        .bind(id)
        .fetch_all(&mut *conn)
        .await?
        .into_iter()
        .map(|r| r.try_get("name"))
        .collect::<Result<Vec<String>, sqlx::Error>>()?;

    Ok(Some(Round {
        id: row.try_get("id")?,
        award_id: row.try_get("award_id")?,
        year: i32::try_from(row.try_get::<i64, _>("year")?).map_err(|e| sqlx::Error::Decode(Box::new(e)))?,
        title: row.try_get("title")?,
        theme: row.try_get("theme")?,
        intro: row.try_get("intro")?,
        criteria_text: row.try_get("criteria_text")?,
        eligibility: row.try_get("eligibility")?,
        opens_at: from_db_time(&row.try_get::<String, _>("opens_at")?)?,
        deadline: Deadline::from_utc(from_db_time(&row.try_get::<String, _>("deadline_at")?)?),
        ceremony_at: from_db_time(&row.try_get::<String, _>("ceremony_at")?)?,
        ceremony_place: row.try_get("ceremony_place")?,
        contact: row.try_get("contact")?,
        state: RoundState::from_code(&row.try_get::<String, _>("state")?)
            .ok_or_else(|| sqlx::Error::Decode("unknown round state".into()))?,
        sections,
        criteria,
        jury,
        partners,
        published_at: row.try_get::<Option<String>, _>("published_at")?.as_deref().map(from_db_time).transpose()?,
    }))
}

pub async fn exists(conn: &mut AnyConnection, id: &str) -> Result<bool, sqlx::Error> {
    Ok(sqlx::query("SELECT 1 FROM rounds WHERE id = $1").bind(id).fetch_optional(conn).await?.is_some())
}

/// Stores a whole round with its parts; call inside a transaction.
pub async fn insert(conn: &mut AnyConnection, round: &Round) -> Result<(), sqlx::Error> {
    let insert = sqlx::query(
        "INSERT INTO rounds (id, title, intro, criteria_text, eligibility, opens_at, deadline_at, ceremony_at, \
         ceremony_place, contact, theme, award_id, year, created_at, state) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)",
    );
    with_fields(insert, round)
        .bind(&round.award_id)
        .bind(i64::from(round.year))
        .bind(to_db_time(Utc::now()))
        .bind(round.state.code())
        .execute(&mut *conn)
        .await?;
    insert_parts(&mut *conn, round).await?;
    changed(conn).await
}

/// Changes a round in draft to `round`, its parts replaced whole; false when
/// it is no longer a draft (someone opened it). Call inside a transaction.
pub async fn update_draft(conn: &mut AnyConnection, round: &Round) -> Result<bool, sqlx::Error> {
    let update = sqlx::query(
        "UPDATE rounds SET title = $2, intro = $3, criteria_text = $4, eligibility = $5, opens_at = $6, \
         deadline_at = $7, ceremony_at = $8, ceremony_place = $9, contact = $10, theme = $11 \
         WHERE id = $1 AND state = $12",
    );
    let updated = with_fields(update, round).bind(RoundState::Draft.code()).execute(&mut *conn).await?;
    if updated.rows_affected() != 1 {
        return Ok(false);
    }
    for table in ["round_sections", "round_criteria", "round_jury", "round_partners"] {
        sqlx::query(&format!("DELETE FROM {table} WHERE round_id = $1")).bind(&round.id).execute(&mut *conn).await?;
    }
    insert_parts(&mut *conn, round).await?;
    changed(conn).await?;
    Ok(true)
}

/// Binds $1 to $11: the id, then what an organiser can change in a draft.
fn with_fields<'q>(
    query: sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>>,
    round: &'q Round,
) -> sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>> {
    query
        .bind(&round.id)
        .bind(&round.title)
        .bind(&round.intro)
        .bind(&round.criteria_text)
        .bind(&round.eligibility)
        .bind(to_db_time(round.opens_at))
        .bind(to_db_time(round.deadline.last_minute_utc()))
        .bind(to_db_time(round.ceremony_at))
        .bind(&round.ceremony_place)
        .bind(&round.contact)
        .bind(&round.theme)
}

async fn insert_parts(conn: &mut AnyConnection, round: &Round) -> Result<(), sqlx::Error> {
    for (position, s) in (0i64..).zip(&round.sections) {
        sqlx::query(
            "INSERT INTO round_sections (round_id, slug, position, title, guidance, max_chars) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(&round.id)
        .bind(&s.slug)
        .bind(position)
        .bind(&s.title)
        .bind(&s.guidance)
        .bind(i64::from(s.max_chars))
        .execute(&mut *conn)
        .await?;
    }
    for (position, c) in (0i64..).zip(&round.criteria) {
        sqlx::query(
            "INSERT INTO round_criteria (round_id, slug, position, title, description) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(&round.id)
        .bind(&c.slug)
        .bind(position)
        .bind(&c.title)
        .bind(&c.description)
        .execute(&mut *conn)
        .await?;
    }
    for (position, j) in (0i64..).zip(&round.jury) {
        sqlx::query("INSERT INTO round_jury (round_id, position, name, title) VALUES ($1, $2, $3, $4)")
            .bind(&round.id)
            .bind(position)
            .bind(&j.name)
            .bind(&j.title)
            .execute(&mut *conn)
            .await?;
    }
    for (position, name) in (0i64..).zip(&round.partners) {
        sqlx::query("INSERT INTO round_partners (round_id, position, name) VALUES ($1, $2, $3)")
            .bind(&round.id)
            .bind(position)
            .bind(name)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// Every round's id and title, newest first: for choosing a juror's round.
pub async fn titles(conn: &mut AnyConnection) -> Result<Vec<(String, String)>, sqlx::Error> {
    sqlx::query("SELECT id, title FROM rounds ORDER BY year DESC, title")
        .fetch_all(&mut *conn)
        .await?
        .into_iter()
        .map(|r| Ok((r.try_get("id")?, r.try_get("title")?)))
        .collect()
}

/// Moves the round from `from` to `to`; false when it no longer stands at
/// `from` (another organiser stepped first). Call inside a transaction.
pub async fn set_state(
    conn: &mut AnyConnection,
    id: &str,
    from: RoundState,
    to: RoundState,
) -> Result<bool, sqlx::Error> {
    let moved = sqlx::query("UPDATE rounds SET state = $3 WHERE id = $1 AND state = $2")
        .bind(id)
        .bind(from.code())
        .bind(to.code())
        .execute(&mut *conn)
        .await?;
    if moved.rows_affected() != 1 {
        return Ok(false);
    }
    changed(conn).await?;
    Ok(true)
}

/// Makes the announced decision public at `at`; call inside the announcement's transaction.
pub async fn set_published(conn: &mut AnyConnection, id: &str, at: DateTime<Utc>) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE rounds SET published_at = $2 WHERE id = $1")
        .bind(id)
        .bind(to_db_time(at))
        .execute(&mut *conn)
        .await?;
    changed(conn).await
}

/// A round as the organisers' list shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoundSummary {
    pub id: String,
    pub year: i32,
    pub title: String,
    pub state: RoundState,
    pub applications: i64,
}

/// Every round of an award, newest first, with how many applications each has.
pub async fn list(conn: &mut AnyConnection, award_id: &str) -> Result<Vec<RoundSummary>, sqlx::Error> {
    sqlx::query(
        "SELECT r.id, r.year, r.title, r.state, (SELECT COUNT(*) FROM applications a WHERE a.round_id = r.id) \
         AS applications FROM rounds r WHERE r.award_id = $1 ORDER BY r.year DESC",
    )
    .bind(award_id)
    .fetch_all(&mut *conn)
    .await?
    .into_iter()
    .map(|r| {
        let state: String = r.try_get("state")?;
        Ok(RoundSummary {
            id: r.try_get("id")?,
            year: i32::try_from(r.try_get::<i64, _>("year")?).map_err(|e| sqlx::Error::Decode(Box::new(e)))?,
            title: r.try_get("title")?,
            state: RoundState::from_code(&state).ok_or_else(|| sqlx::Error::Decode("unknown round state".into()))?,
            applications: r.try_get("applications")?,
        })
    })
    .collect()
}

/// Removes a round in draft without applications, with everything that
/// belongs to it; false when it is no longer such a round.
pub async fn delete_draft(conn: &mut AnyConnection, id: &str) -> Result<bool, sqlx::Error> {
    let removed = sqlx::query(
        "DELETE FROM rounds WHERE id = $1 AND state = $2 \
         AND NOT EXISTS (SELECT 1 FROM applications a WHERE a.round_id = rounds.id)",
    )
    .bind(id)
    .bind(RoundState::Draft.code())
    .execute(&mut *conn)
    .await?;
    if removed.rows_affected() != 1 {
        return Ok(false);
    }
    changed(conn).await?;
    Ok(true)
}
