//! The jury's decision on a round: the chosen applications, each with its
//! outcome (and the newest version of its motivation), and who recorded it when.

use super::{from_db_time, to_db_time};
use crate::domain::decision::{Choice, Outcome};
use chrono::{DateTime, Utc};
use sqlx::{AnyConnection, Row};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recorded {
    pub choice: Choice,
    pub decided_by_name: String,
    pub decided_at: DateTime<Utc>,
}

/// The round's decision as it stands, by outcome (winner first).
pub async fn of_round(conn: &mut AnyConnection, round_id: &str) -> Result<Vec<Recorded>, sqlx::Error> {
    let mut recorded = sqlx::query(
        "SELECT d.application_id, d.outcome, COALESCE(m.text, '') AS motivation, d.decided_by_name, d.decided_at \
         FROM decisions d LEFT JOIN motivation_versions m ON m.round_id = d.round_id \
         AND m.application_id = d.application_id AND m.version = (SELECT MAX(version) FROM motivation_versions v \
         WHERE v.round_id = d.round_id AND v.application_id = d.application_id) WHERE d.round_id = $1",
    )
    .bind(round_id)
    .fetch_all(&mut *conn)
    .await?
    .into_iter()
    .map(|r| {
        let outcome: String = r.try_get("outcome")?;
        Ok(Recorded {
            choice: Choice {
                application_id: r.try_get("application_id")?,
                outcome: Outcome::from_code(&outcome)
                    .ok_or_else(|| sqlx::Error::Decode(format!("unknown outcome {outcome}").into()))?,
                motivation: r.try_get("motivation")?,
            },
            decided_by_name: r.try_get("decided_by_name")?,
            decided_at: from_db_time(&r.try_get::<String, _>("decided_at")?)?,
        })
    })
    .collect::<Result<Vec<_>, sqlx::Error>>()?;
    recorded.sort_by_key(|r| Outcome::ALL.iter().position(|o| *o == r.choice.outcome));
    Ok(recorded)
}

/// Replaces the round's chosen applications and their outcomes; a choice that
/// did not change keeps who recorded it and when. Answers the applications
/// whose outcome changed or that are no longer chosen. Call inside a transaction.
pub async fn replace(
    conn: &mut AnyConnection,
    round_id: &str,
    outcomes: &[(String, Outcome)],
    by: (&str, &str),
    at: DateTime<Utc>,
) -> Result<Vec<String>, sqlx::Error> {
    let before: Vec<(String, String)> =
        sqlx::query("SELECT application_id, outcome FROM decisions WHERE round_id = $1")
            .bind(round_id)
            .fetch_all(&mut *conn)
            .await?
            .into_iter()
            .map(|r| Ok((r.try_get("application_id")?, r.try_get("outcome")?)))
            .collect::<Result<_, sqlx::Error>>()?;
    let mut changed = Vec::new();
    for (application_id, _) in &before {
        if !outcomes.iter().any(|(id, _)| id == application_id) {
            sqlx::query("DELETE FROM decisions WHERE round_id = $1 AND application_id = $2")
                .bind(round_id)
                .bind(application_id)
                .execute(&mut *conn)
                .await?;
            changed.push(application_id.clone());
        }
    }
    for (application_id, outcome) in outcomes {
        let query = match before.iter().find(|(id, _)| id == application_id) {
            Some((_, code)) if code == outcome.code() => continue,
            // Updated in place: a motivation being written holds this row (`motivations::lock`).
            Some(_) => {
                changed.push(application_id.clone());
                "UPDATE decisions SET outcome = $3, decided_by = $4, decided_by_name = $5, decided_at = $6 \
                 WHERE round_id = $1 AND application_id = $2"
            }
            None => {
                "INSERT INTO decisions (round_id, application_id, outcome, decided_by, decided_by_name, decided_at) \
                 VALUES ($1, $2, $3, $4, $5, $6)"
            }
        };
        sqlx::query(query)
            .bind(round_id)
            .bind(application_id)
            .bind(outcome.code())
            .bind(by.0)
            .bind(by.1)
            .bind(to_db_time(at))
            .execute(&mut *conn)
            .await?;
    }
    Ok(changed)
}
