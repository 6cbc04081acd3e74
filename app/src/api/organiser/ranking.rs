//! The organisers' ranking of the current round: every juror's weighted total
//! per application, the mean, median, spread, normalised score and Schulze
//! place (`domain::ranking`), where the jury disagrees, what normalising
//! changed, whether the three methods nominate the same applications, and how
//! the tie rule settled each shared place. Frozen when the jury decides.

use crate::{
    domain::ranking::{JurorScale, Method, Place},
    error::AppError,
};
use chrono::NaiveDateTime;
use leptos::{prelude::*, server_fn::codec::GetUrl};
use serde::{Deserialize, Serialize};

pub const RANKING_PAGE: &str = "/arrangor/rangordning";

/// One juror's part in one application's row.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum JurorCell {
    Total(f64),
    /// Jäv declared for the kommun: not counted.
    Conflict,
    /// No done review (yet).
    NotDone,
}

// Frozen rankings are stored as JSON: a field added later reads as its default.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct RankingRow {
    pub application_id: String,
    pub kommun: String,
    pub reference: String,
    pub place: Option<Place>,
    pub raw_place: Option<Place>,
    pub schulze_place: Option<Place>,
    /// How many applications beat this one by Schulze, and the kommuner it cannot
    /// separate this one from (neither beats the other). Absent from rankings frozen before.
    #[serde(default)]
    pub schulze_beaten_by: Option<usize>,
    #[serde(default)]
    pub schulze_unseparated: Vec<String>,
    pub moved: Option<i64>,
    /// In the order of `RankingView::jurors`.
    pub cells: Vec<JurorCell>,
    pub reviews: usize,
    pub mean: Option<f64>,
    pub median: Option<f64>,
    pub spread: Option<f64>,
    pub normalised: Option<f64>,
}

impl RankingRow {
    pub fn place_by(&self, method: Method) -> Option<Place> {
        match method {
            Method::Mean => self.raw_place,
            Method::Normalised => self.place,
            Method::Schulze => self.schulze_place,
        }
    }
}

/// A place shared under one method, and what the tie rule made of it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TieView {
    pub method: Method,
    pub place: usize,
    /// Kommun, mean score on the tie rule's criterion, place after the rule.
    pub applications: Vec<(String, Option<f64>, Place)>,
    /// Some of them still share a place: the jury decides.
    pub undecided: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct RankingView {
    pub round_title: String,
    /// Juror names, by name.
    pub jurors: Vec<String>,
    pub rows: Vec<RankingRow>,
    /// Kommun and spread, largest first.
    pub disputed: Vec<(String, f64)>,
    pub moved: usize,
    pub any_ties: bool,
    /// Each counted juror's name and scale.
    pub scales: Vec<(String, JurorScale)>,
    /// Ids of the applications within the nominee cut by some method but not all.
    pub nominee_movers: Vec<String>,
    /// Kommuner on either side of the nominee cut that Schulze cannot separate: the
    /// method does not settle who is within it.
    #[serde(default)]
    pub schulze_open_cut: Vec<String>,
    /// The tie rule's criterion by its title; `None`: the jury decides.
    pub tie_rule: Option<String>,
    pub ties: Vec<TieView>,
    /// Swedish time the ranking was frozen, when the jury has decided.
    pub frozen_local: Option<NaiveDateTime>,
}

#[server(endpoint = "jury_ranking", input = GetUrl)]
pub async fn jury_ranking() -> Result<Option<RankingView>, AppError> {
    ssr::ranking().await
}

#[cfg(feature = "ssr")]
pub mod ssr {
    use super::*;
    use crate::{
        api::cx::Cx,
        api::jury::ssr::round_work,
        domain::{deadline::to_stockholm, lifecycle::RoundState, round::Round},
        storage::{seed::EHALSOKOMMUN, snapshots},
    };

    /// How many disputed applications the page names.
    const DISPUTED: usize = 3;

    pub async fn ranking() -> Result<Option<RankingView>, AppError> {
        view(&Cx::manager()?).await
    }

    /// The current round's ranking, as frozen once the jury has decided; the
    /// caller has checked that an organiser asks.
    pub async fn view(cx: &Cx) -> Result<Option<RankingView>, AppError> {
        let Some(round) = cx.db().current_round(EHALSOKOMMUN).await? else { return Ok(None) };
        if matches!(round.state, RoundState::Decided | RoundState::Announced)
            && let Some((taken_at, body)) = snapshots::frozen(&mut *cx.db().conn().await?, &round.id).await?
        {
            let mut frozen: RankingView = serde_json::from_str(&body).map_err(|err| {
                tracing::error!(round = %round.id, %err, "the frozen ranking cannot be read");
                AppError::Internal
            })?;
            frozen.frozen_local = Some(to_stockholm(taken_at));
            return Ok(Some(frozen));
        }
        live(cx, round).await.map(Some)
    }

    /// Freezes the round's ranking as it stands, in the transaction of the
    /// jury's decision.
    pub async fn freeze(tx: &mut sqlx::AnyConnection, cx: &Cx, round: &Round) -> Result<(), AppError> {
        let body = serde_json::to_string(&live(cx, round.clone()).await?).map_err(|err| {
            tracing::error!(round = %round.id, %err, "the ranking cannot be frozen");
            AppError::Internal
        })?;
        snapshots::freeze(tx, &round.id, cx.now, &body).await?;
        Ok(())
    }

    /// The ranking from the reviews as they are now.
    async fn live(cx: &Cx, round: Round) -> Result<RankingView, AppError> {
        let work = round_work(cx, round).await?;
        let ranking = work.ranking();
        let name_of = |id: &str| work.jurors.iter().find(|(j, _)| j == id).map_or_else(String::new, |(_, n)| n.clone());
        let kommun_of = |application: &str| {
            work.entries.iter().find(|e| e.application_id == application).map(|e| e.kommun.clone()).unwrap_or_default()
        };
        let rows: Vec<RankingRow> = ranking
            .rows
            .iter()
            .filter_map(|ranked| {
                let entry = work.entries.iter().find(|e| e.application_id == ranked.application)?;
                let cells = work
                    .jurors
                    .iter()
                    .map(|(juror, _)| match ranked.totals.iter().find(|(j, _)| j == juror) {
                        Some((_, total)) => JurorCell::Total(*total),
                        None if work.conflicted(juror, &entry.kommun_kod) => JurorCell::Conflict,
                        None => JurorCell::NotDone,
                    })
                    .collect();
                Some(RankingRow {
                    application_id: entry.application_id.clone(),
                    kommun: entry.kommun.clone(),
                    reference: entry.submission.reference.clone(),
                    place: ranked.place,
                    raw_place: ranked.raw_place,
                    schulze_place: ranked.schulze_place,
                    schulze_beaten_by: ranked.schulze_beaten_by,
                    schulze_unseparated: ranked.schulze_unseparated.iter().map(|id| kommun_of(id)).collect(),
                    moved: ranked.moved_by_normalising(),
                    cells,
                    reviews: ranked.reviews,
                    mean: ranked.mean,
                    median: ranked.median,
                    spread: ranked.spread,
                    normalised: ranked.normalised,
                })
            })
            .collect();
        let tie_rule = work
            .settings
            .tie_break
            .as_deref()
            .and_then(|slug| work.settings.criteria.iter().find(|c| c.slug == slug).map(|c| c.title.clone()));
        Ok(RankingView {
            round_title: work.round.title.clone(),
            jurors: work.jurors.iter().map(|(_, name)| name.clone()).collect(),
            disputed: ranking
                .most_disputed(DISPUTED)
                .into_iter()
                .map(|r| (kommun_of(&r.application), r.spread.unwrap_or_default()))
                .collect(),
            moved: ranking.moved_count(),
            any_ties: rows.iter().any(|r| r.place.is_some_and(|p| p.tied)),
            scales: ranking.jurors.iter().map(|s| (name_of(&s.juror), s.clone())).collect(),
            nominee_movers: ranking.nominee_movers().iter().map(|r| r.application.clone()).collect(),
            schulze_open_cut: ranking.schulze_open_cut().iter().map(|r| kommun_of(&r.application)).collect(),
            tie_rule,
            ties: ranking
                .ties
                .iter()
                .map(|tie| TieView {
                    method: tie.method,
                    place: tie.place,
                    applications: tie.applications.iter().map(|(a, score, p)| (kommun_of(a), *score, *p)).collect(),
                    undecided: tie.undecided(),
                })
                .collect(),
            frozen_local: None,
            rows,
        })
    }
}
