//! What anyone may read: the current round's call and the archive of winners.
//! Nothing here needs a login, and nothing here reveals applications or reviews.
//! The accessibility statement (`accessibility`) is the public's too: anyone reads it
//! and may send feedback; the organisers keep it and read the feedback.

pub mod accessibility;

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
    use crate::{api::cx::Cx, domain::policy::OwnAction, storage};
    let cx = Cx::anyone(OwnAction::ReadPublic)?;
    let now = cx.now;
    let round = cx.db().current_round(storage::seed::EHALSOKOMMUN).await?;
    use crate::domain::lifecycle::RoundState;
    // A round being prepared is not public yet; under embargo the public sees it as decided, no more.
    Ok(round.filter(|r| r.state.is_public()).map(|mut r| {
        if !r.decision_public(now) && r.state == RoundState::Announced {
            r.state = RoundState::Decided;
        }
        r.published_at = None;
        PublicRound::new(r, now)
    }))
}

#[server(endpoint = "past_winners", input = leptos::server_fn::codec::GetUrl)]
pub async fn past_winners() -> Result<Vec<PastWinner>, AppError> {
    use crate::{api::cx::Cx, domain::policy::OwnAction, storage};
    let cx = Cx::anyone(OwnAction::ReadPublic)?;
    Ok(storage::winners::list(&mut *cx.db().conn().await?, storage::seed::EHALSOKOMMUN, cx.now).await?)
}

/// A kommun the jury chose, with the jury's motivation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Laureate {
    pub kommun: String,
    pub motivation: String,
}

/// The current round's announced decision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnnouncedDecision {
    pub round_title: String,
    pub ceremony_local: NaiveDateTime,
    pub ceremony_place: String,
    pub winner: Laureate,
    /// The other finalists.
    pub finalists: Vec<Laureate>,
    pub mentions: Vec<Laureate>,
}

/// The winner, finalists and honourable mentions of the current round, once
/// an organiser has announced them; nothing before.
#[server(endpoint = "announcement", input = leptos::server_fn::codec::GetUrl)]
pub async fn announcement() -> Result<Option<AnnouncedDecision>, AppError> {
    use crate::{
        api::cx::Cx,
        domain::{decision::Outcome, policy::OwnAction},
        storage,
    };
    let cx = Cx::anyone(OwnAction::ReadPublic)?;
    let db = cx.db();
    let Some(round) = db.current_round(storage::seed::EHALSOKOMMUN).await? else {
        return Ok(None);
    };
    // Announced under embargo: nothing until the embargo ends.
    if !round.decision_public(cx.now) {
        return Ok(None);
    }
    let all = storage::kommuner::list(&mut *db.conn().await?).await?;
    let applications = storage::applications::of_round(&mut *db.conn().await?, &round.id).await?;
    let mut laureates: Vec<(Outcome, Laureate)> = Vec::new();
    for recorded in storage::decisions::of_round(&mut *db.conn().await?, &round.id).await? {
        let Some(application) = applications.iter().find(|a| a.id == recorded.choice.application_id) else { continue };
        let kommun = all
            .iter()
            .find(|k| k.kod.as_str() == application.kommun_kod)
            .map_or_else(|| application.kommun_kod.clone(), |k| k.namn.clone());
        laureates.push((recorded.choice.outcome, Laureate { kommun, motivation: recorded.choice.motivation }));
    }
    let of = |outcome: Outcome| -> Vec<Laureate> {
        laureates.iter().filter(|(o, _)| *o == outcome).map(|(_, l)| l.clone()).collect()
    };
    let Some(winner) = of(Outcome::Winner).into_iter().next() else { return Ok(None) };
    Ok(Some(AnnouncedDecision {
        round_title: round.title.clone(),
        ceremony_local: to_stockholm(round.ceremony_at),
        ceremony_place: round.ceremony_place.clone(),
        winner,
        finalists: of(Outcome::Nominee),
        mentions: of(Outcome::Mention),
    }))
}
