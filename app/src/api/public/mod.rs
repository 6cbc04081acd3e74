//! What anyone may read: the awards, each one's current call and its archive of winners.
//! Nothing here needs a login, and nothing here reveals applications or reviews.
//! The accessibility statement (`accessibility`) is the public's too: anyone reads it
//! and may send feedback; the organisers keep it and read the feedback.

pub mod accessibility;

use crate::{
    domain::{
        award::{Award, Standing},
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

/// One award on the start page: where it stands, and its latest public winner.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AwardCard {
    pub id: String,
    pub name: String,
    pub organiser: String,
    /// In Swedish wall-clock time.
    pub standing: Standing<NaiveDateTime>,
    /// The year and name of the latest winner in the public archive.
    pub latest_winner: Option<(i32, String)>,
}

/// The start page: every award in order, each with where it stands.
#[server(endpoint = "awards_overview", input = leptos::server_fn::codec::GetUrl)]
pub async fn awards_overview() -> Result<Vec<AwardCard>, AppError> {
    use crate::{api::cx::Cx, domain::award::standing, domain::policy::OwnAction, storage};
    let cx = Cx::anyone(OwnAction::ReadPublic)?;
    let (_, overview) = cx.db().awards_and_rounds().await?;
    let mut latest = storage::winners::latest_public(&mut *cx.db().conn().await?, cx.now).await?;
    Ok(overview
        .into_iter()
        .map(|(award, round)| AwardCard {
            standing: standing(round.as_ref(), cx.now).map(to_stockholm),
            latest_winner: latest.remove(&award.id),
            id: award.id,
            name: award.name,
            organiser: award.organiser,
        })
        .collect())
}

/// An award's pages: the award, its current round as the public sees it, and
/// that round's decision once announced and public.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AwardPageData {
    pub award: Award,
    pub public: Option<PublicRound>,
    pub announced: Option<AnnouncedDecision>,
}

/// What an award's pages show, in one call: the round is read once. None: the
/// address names no award.
#[server(endpoint = "award_page", input = leptos::server_fn::codec::GetUrl)]
pub async fn award_page(award: String) -> Result<Option<AwardPageData>, AppError> {
    use crate::{api::cx::Cx, domain::policy::OwnAction};
    let cx = Cx::anyone(OwnAction::ReadPublic)?;
    let award = match ssr::award(cx.db(), &award).await {
        Err(AppError::NotFound) => return Ok(None),
        found => found?,
    };
    let Some(round) = cx.db().current_round(&award.id).await? else {
        return Ok(Some(AwardPageData { award, public: None, announced: None }));
    };
    let phase = round.public_phase(cx.now);
    let announced = ssr::announced(cx.db(), &round, phase).await?;
    Ok(Some(AwardPageData { award, public: ssr::public(round, phase), announced }))
}

/// An award's archive of winners, newest first.
#[server(endpoint = "past_winners", input = leptos::server_fn::codec::GetUrl)]
pub async fn past_winners(award: String) -> Result<Vec<PastWinner>, AppError> {
    use crate::{api::cx::Cx, domain::policy::OwnAction, storage};
    let cx = Cx::anyone(OwnAction::ReadPublic)?;
    let award = ssr::award(cx.db(), &award).await?;
    Ok(storage::winners::list(&mut *cx.db().conn().await?, &award.id, cx.now).await?)
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

#[cfg(feature = "ssr")]
mod ssr {
    use super::*;
    use crate::{
        domain::{decision::Outcome, lifecycle::RoundState},
        storage::{self, Db},
    };

    /// The award at address `slug`, or not found. The address is checked before
    /// any lookup, so no text from it goes further.
    pub async fn award(db: &Db, slug: &str) -> Result<Award, AppError> {
        if !crate::domain::award::is_slug(slug) {
            return Err(AppError::NotFound);
        }
        db.award(slug).await?.ok_or(AppError::NotFound)
    }

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
