//! What anyone may read: the current round's call and the archive of winners.
//! Nothing here needs a login, and nothing here reveals applications or reviews.
//! The accessibility statement (`accessibility`) is the public's too: anyone reads it
//! and may send feedback; the organisers keep it and read the feedback.

pub mod accessibility;

use crate::{
    domain::{
        deadline::to_stockholm,
        round::{ApplicationWindow, PublicPhase, Round},
        winner::PastWinner,
    },
    error::AppError,
};
use chrono::NaiveDateTime;
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
    pub fn new(round: Round, phase: PublicPhase) -> Self {
        Self {
            window: phase.window,
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
    let round = cx.db().current_round(storage::seed::EHALSOKOMMUN).await?;
    Ok(round.and_then(|r| {
        let phase = r.public_phase(cx.now);
        ssr::public(r, phase)
    }))
}

/// The call's page: the current round and, once announced, its decision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CallPageData {
    pub public: PublicRound,
    pub announced: Option<AnnouncedDecision>,
}

/// What the call's page shows, in one call: the round is read once.
#[server(endpoint = "call_page", input = leptos::server_fn::codec::GetUrl)]
pub async fn call_page() -> Result<Option<CallPageData>, AppError> {
    use crate::{api::cx::Cx, domain::policy::OwnAction, storage};
    let cx = Cx::anyone(OwnAction::ReadPublic)?;
    let Some(round) = cx.db().current_round(storage::seed::EHALSOKOMMUN).await? else { return Ok(None) };
    let phase = round.public_phase(cx.now);
    let announced = ssr::announced(cx.db(), &round, phase).await?;
    Ok(ssr::public(round, phase).map(|public| CallPageData { public, announced }))
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
    use crate::{api::cx::Cx, domain::policy::OwnAction, storage};
    let cx = Cx::anyone(OwnAction::ReadPublic)?;
    let Some(round) = cx.db().current_round(storage::seed::EHALSOKOMMUN).await? else { return Ok(None) };
    ssr::announced(cx.db(), &round, round.public_phase(cx.now)).await
}

#[cfg(feature = "ssr")]
mod ssr {
    use super::*;
    use crate::{
        domain::{decision::Outcome, lifecycle::RoundState},
        storage::{self, Db},
    };

    /// The round as the public sees it: nothing while it is being prepared, and
    /// under embargo decided, no more.
    pub fn public(mut round: Round, phase: PublicPhase) -> Option<PublicRound> {
        if !round.state.is_public() {
            return None;
        }
        if !phase.decision_public && round.state == RoundState::Announced {
            round.state = RoundState::Decided;
        }
        round.published_at = None;
        Some(PublicRound::new(round, phase))
    }

    /// `round`'s decision once announced and past its embargo; nothing before.
    pub async fn announced(db: &Db, round: &Round, phase: PublicPhase) -> Result<Option<AnnouncedDecision>, AppError> {
        if !phase.decision_public {
            return Ok(None);
        }
        let all = storage::kommuner::list(&mut *db.conn().await?).await?;
        let applications = storage::applications::of_round(&mut *db.conn().await?, &round.id).await?;
        let mut laureates: Vec<(Outcome, Laureate)> = Vec::new();
        for recorded in storage::decisions::of_round(&mut *db.conn().await?, &round.id).await? {
            let Some(application) = applications.iter().find(|a| a.id == recorded.choice.application_id) else {
                continue;
            };
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
}
