//! What anyone may read: the current round's call and the archive of winners.
//! Nothing here needs a login, and nothing here reveals applications or reviews.

use crate::{
    domain::{
        deadline::to_stockholm,
        round::{ApplicationWindow, Round},
        winner::PastWinner,
    },
    error::AppError,
};
use chrono::{DateTime, NaiveDateTime, Utc};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// A round with its times already in Swedish wall-clock time, so the browser
/// needs no time-zone data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublicRound {
    pub round: Round,
    pub window: ApplicationWindow,
    pub opens_local: NaiveDateTime,
    pub deadline_local: NaiveDateTime,
    pub ceremony_local: NaiveDateTime,
}

impl PublicRound {
    pub fn new(round: Round, now: DateTime<Utc>) -> Self {
        Self {
            window: round.window(now),
            opens_local: to_stockholm(round.opens_at),
            deadline_local: round.deadline.local(),
            ceremony_local: to_stockholm(round.ceremony_at),
            round,
        }
    }
}

#[server(endpoint = "current_round", input = leptos::server_fn::codec::GetUrl)]
pub async fn current_round() -> Result<Option<PublicRound>, AppError> {
    use crate::{state, storage};
    let db = state::db()?;
    let round = storage::rounds::current(&db, storage::seed::EHALSOKOMMUN).await?;
    let now = state::now()?;
    Ok(round.map(|r| PublicRound::new(r, now)))
}

#[server(endpoint = "past_winners", input = leptos::server_fn::codec::GetUrl)]
pub async fn past_winners() -> Result<Vec<PastWinner>, AppError> {
    use crate::{state, storage};
    let db = state::db()?;
    Ok(storage::winners::list(&db, storage::seed::EHALSOKOMMUN).await?)
}
