//! The jury of a round: who sits on it, the jäv they declare, their
//! employers and their answers to a flagged probable jäv.

use super::{from_db_time, to_db_time};
use crate::domain::employer::Employer;
use chrono::{DateTime, Utc};
use sqlx::{AnyConnection, Row, any::AnyRow};

pub async fn assign(conn: &mut AnyConnection, round_id: &str, user_id: &str) -> Result<(), sqlx::Error> {
    sqlx::query("INSERT INTO jury_assignments (round_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING")
        .bind(round_id)
        .bind(user_id)
        .execute(conn)
        .await?;
    Ok(())
}

/// Takes the juror off the round; false if they were not on it.
pub async fn unassign(conn: &mut AnyConnection, round_id: &str, user_id: &str) -> Result<bool, sqlx::Error> {
    let removed = sqlx::query("DELETE FROM jury_assignments WHERE round_id = $1 AND user_id = $2")
        .bind(round_id)
        .bind(user_id)
        .execute(conn)
        .await?;
    Ok(removed.rows_affected() == 1)
}

pub async fn rounds_of(conn: &mut AnyConnection, user_id: &str) -> Result<Vec<String>, sqlx::Error> {
    sqlx::query("SELECT round_id FROM jury_assignments WHERE user_id = $1 ORDER BY round_id")
        .bind(user_id)
        .fetch_all(&mut *conn)
        .await?
        .into_iter()
        .map(|r| r.try_get("round_id"))
        .collect()
}

/// The titles of a juror's rounds, for "my data".
pub async fn round_titles_of(conn: &mut AnyConnection, user_id: &str) -> Result<Vec<String>, sqlx::Error> {
    sqlx::query(
        "SELECT r.title FROM jury_assignments j JOIN rounds r ON r.id = j.round_id WHERE j.user_id = $1 ORDER BY r.year",
    )
    .bind(user_id)
    .fetch_all(&mut *conn)
    .await?
    .into_iter()
    .map(|r| r.try_get("title"))
    .collect()
}

/// The jurors assigned to a round: id and name, by name.
pub async fn jurors_of(conn: &mut AnyConnection, round_id: &str) -> Result<Vec<(String, String)>, sqlx::Error> {
    sqlx::query(
        "SELECT u.id, u.name FROM jury_assignments j JOIN users u ON u.id = j.user_id WHERE j.round_id = $1 \
         ORDER BY u.name, u.email",
    )
    .bind(round_id)
    .fetch_all(&mut *conn)
    .await?
    .into_iter()
    .map(|r| Ok((r.try_get("id")?, r.try_get("name")?)))
    .collect()
}

/// The round's jurors whose access an organiser has taken away: they cannot sign anything.
pub async fn blocked_jurors_of(conn: &mut AnyConnection, round_id: &str) -> Result<Vec<String>, sqlx::Error> {
    sqlx::query(
        "SELECT j.user_id FROM jury_assignments j JOIN users u ON u.id = j.user_id \
         WHERE j.round_id = $1 AND u.blocked_at IS NOT NULL",
    )
    .bind(round_id)
    .fetch_all(&mut *conn)
    .await?
    .into_iter()
    .map(|r| r.try_get("user_id"))
    .collect()
}

/// A juror's declared conflict of interest (jäv) for a kommun.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    pub user_id: String,
    pub juror_name: String,
    pub kommun_kod: String,
    pub kommun: String,
    pub reason: String,
    pub declared_at: DateTime<Utc>,
}

/// Declares jäv; declaring it again for the same kommun changes nothing.
pub async fn declare_conflict(
    conn: &mut AnyConnection,
    round_id: &str,
    user_id: &str,
    kommun_kod: &str,
    reason: &str,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO jury_conflicts (round_id, user_id, kommun_kod, reason, declared_at) VALUES ($1, $2, $3, $4, $5) \
         ON CONFLICT DO NOTHING",
    )
    .bind(round_id)
    .bind(user_id)
    .bind(kommun_kod)
    .bind(reason)
    .bind(to_db_time(now))
    .execute(conn)
    .await?;
    Ok(())
}

/// Every declaration in a round, by kommun then juror.
pub async fn conflicts_in_round(conn: &mut AnyConnection, round_id: &str) -> Result<Vec<Conflict>, sqlx::Error> {
    let mut all: Vec<Conflict> = sqlx::query(
        "SELECT c.user_id, u.name AS juror_name, c.kommun_kod, k.namn AS kommun, c.reason, c.declared_at \
         FROM jury_conflicts c JOIN users u ON u.id = c.user_id JOIN kommuner k ON k.kod = c.kommun_kod \
         WHERE c.round_id = $1",
    )
    .bind(round_id)
    .fetch_all(&mut *conn)
    .await?
    .iter()
    .map(|r| {
        Ok(Conflict {
            user_id: r.try_get("user_id")?,
            juror_name: r.try_get("juror_name")?,
            kommun_kod: r.try_get("kommun_kod")?,
            kommun: r.try_get("kommun")?,
            reason: r.try_get("reason")?,
            declared_at: from_db_time(&r.try_get::<String, _>("declared_at")?)?,
        })
    })
    .collect::<Result<_, sqlx::Error>>()?;
    all.sort_by(|a, b| crate::domain::swedish::collate(&a.kommun, &b.kommun).then(a.juror_name.cmp(&b.juror_name)));
    Ok(all)
}

pub(super) fn employer_from(row: &AnyRow) -> Result<Option<Employer>, sqlx::Error> {
    let kind: Option<String> = row.try_get("employer_kind")?;
    let value: Option<String> = row.try_get("employer_value")?;
    let (Some(kind), Some(value)) = (kind, value) else { return Ok(None) };
    Ok(match kind.as_str() {
        "kommun" => Some(Employer::Kommun {
            namn: row.try_get::<Option<String>, _>("kommun_namn")?.unwrap_or_default(),
            kod: value,
        }),
        "region" => Some(Employer::Region {
            lan: row.try_get::<Option<String>, _>("lan_namn")?.unwrap_or_default(),
            lanskod: value,
        }),
        _ => Some(Employer::Organisation { name: value }),
    })
}

/// The employer's columns with the names of its kommun or län, from `users u`.
pub(super) const EMPLOYER_COLUMNS: &str =
    "u.employer_kind, u.employer_value, k.namn AS kommun_namn, l.namn AS lan_namn";
pub(super) const EMPLOYER_JOINS: &str = "LEFT JOIN kommuner k ON u.employer_kind = 'kommun' AND k.kod = u.employer_value \
     LEFT JOIN lan l ON u.employer_kind = 'region' AND l.kod = u.employer_value";

pub async fn employer_of(conn: &mut AnyConnection, user_id: &str) -> Result<Option<Employer>, sqlx::Error> {
    let sql = format!("SELECT {EMPLOYER_COLUMNS} FROM users u {EMPLOYER_JOINS} WHERE u.id = $1");
    let row = sqlx::query(&sql).bind(user_id).fetch_optional(&mut *conn).await?;
    Ok(row.as_ref().map(employer_from).transpose()?.flatten())
}

/// The employers of a round's jurors who have given one.
pub async fn employers_in_round(
    conn: &mut AnyConnection,
    round_id: &str,
) -> Result<Vec<(String, Employer)>, sqlx::Error> {
    let sql = format!(
        "SELECT u.id, {EMPLOYER_COLUMNS} FROM jury_assignments j JOIN users u ON u.id = j.user_id {EMPLOYER_JOINS} \
         WHERE j.round_id = $1 AND u.employer_kind IS NOT NULL"
    );
    let mut out = Vec::new();
    for row in sqlx::query(&sql).bind(round_id).fetch_all(&mut *conn).await? {
        if let Some(employer) = employer_from(&row)? {
            out.push((row.try_get("id")?, employer));
        }
    }
    Ok(out)
}

/// Sets (or with `None` clears) a person's employer.
pub async fn set_employer(
    conn: &mut AnyConnection,
    user_id: &str,
    employer: Option<&Employer>,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE users SET employer_kind = $2, employer_value = $3 WHERE id = $1")
        .bind(user_id)
        .bind(employer.map(Employer::kind))
        .bind(employer.map(Employer::value))
        .execute(conn)
        .await?;
    Ok(())
}

/// A juror's answer to a flagged probable jäv.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FlagAnswer {
    pub user_id: String,
    pub juror_name: String,
    pub kommun_kod: String,
    pub kommun: String,
    /// The employer as it read when the juror answered.
    pub employer: String,
    pub conflicted: bool,
    pub reason: String,
    pub answered_at: DateTime<Utc>,
}

/// Records the answer: once per flag and employer. An answer given for
/// another employer is replaced; the same again writes nothing (false).
pub async fn answer_flag(conn: &mut AnyConnection, round_id: &str, answer: &FlagAnswer) -> Result<bool, sqlx::Error> {
    let written = sqlx::query(
        "INSERT INTO jury_flag_answers (round_id, user_id, kommun_kod, employer, conflicted, reason, answered_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7) \
         ON CONFLICT (round_id, user_id, kommun_kod) DO UPDATE SET employer = excluded.employer, \
         conflicted = excluded.conflicted, reason = excluded.reason, answered_at = excluded.answered_at \
         WHERE jury_flag_answers.employer <> excluded.employer",
    )
    .bind(round_id)
    .bind(&answer.user_id)
    .bind(&answer.kommun_kod)
    .bind(&answer.employer)
    .bind(i64::from(answer.conflicted))
    .bind(&answer.reason)
    .bind(to_db_time(answer.answered_at))
    .execute(conn)
    .await?;
    Ok(written.rows_affected() == 1)
}

/// Every answer in a round, by kommun then juror.
pub async fn flag_answers_in_round(conn: &mut AnyConnection, round_id: &str) -> Result<Vec<FlagAnswer>, sqlx::Error> {
    let mut all: Vec<FlagAnswer> = sqlx::query(
        "SELECT a.user_id, u.name AS juror_name, a.kommun_kod, k.namn AS kommun, a.employer, a.conflicted, a.reason, \
         a.answered_at FROM jury_flag_answers a JOIN users u ON u.id = a.user_id JOIN kommuner k ON k.kod = a.kommun_kod \
         WHERE a.round_id = $1",
    )
    .bind(round_id)
    .fetch_all(&mut *conn)
    .await?
    .iter()
    .map(|r| {
        Ok(FlagAnswer {
            user_id: r.try_get("user_id")?,
            juror_name: r.try_get("juror_name")?,
            kommun_kod: r.try_get("kommun_kod")?,
            kommun: r.try_get("kommun")?,
            employer: r.try_get("employer")?,
            conflicted: r.try_get::<i64, _>("conflicted")? == 1,
            reason: r.try_get("reason")?,
            answered_at: from_db_time(&r.try_get::<String, _>("answered_at")?)?,
        })
    })
    .collect::<Result<_, sqlx::Error>>()?;
    all.sort_by(|a, b| crate::domain::swedish::collate(&a.kommun, &b.kommun).then(a.juror_name.cmp(&b.juror_name)));
    Ok(all)
}
