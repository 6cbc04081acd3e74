//! The organisers' ranking of the current round: every juror's weighted total
//! per application, the mean, median, spread and normalised score
//! (`domain::ranking`), where the jury disagrees, and what normalising changed.

use crate::{
    domain::ranking::{JurorScale, Place},
    error::AppError,
};
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

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RankingRow {
    pub application_id: String,
    pub kommun: String,
    pub reference: String,
    pub place: Option<Place>,
    pub raw_place: Option<Place>,
    pub moved: Option<i64>,
    /// In the order of `RankingView::jurors`.
    pub cells: Vec<JurorCell>,
    pub reviews: usize,
    pub mean: Option<f64>,
    pub median: Option<f64>,
    pub spread: Option<f64>,
    pub normalised: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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
}

#[server(endpoint = "jury_ranking", input = GetUrl)]
pub async fn jury_ranking() -> Result<Option<RankingView>, AppError> {
    ssr::ranking().await
}

#[cfg(feature = "ssr")]
pub mod ssr {
    use super::*;
    use crate::{
        api::jury::ssr::round_work,
        auth,
        state::{self, AppState},
        storage::{rounds, seed::EHALSOKOMMUN},
    };

    /// How many disputed applications the page names.
    const DISPUTED: usize = 3;

    pub async fn ranking() -> Result<Option<RankingView>, AppError> {
        auth::require_manager()?;
        view(&state::state()?).await
    }

    /// The current round's ranking; the caller has checked that an organiser asks.
    pub async fn view(state: &AppState) -> Result<Option<RankingView>, AppError> {
        let Some(round) = rounds::current(&state.db, EHALSOKOMMUN).await? else { return Ok(None) };
        let work = round_work(state, round).await?;
        let ranking = work.ranking();
        let name_of = |id: &str| work.jurors.iter().find(|(j, _)| j == id).map_or_else(String::new, |(_, n)| n.clone());
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
        let kommun_of = |application: &str| {
            work.entries.iter().find(|e| e.application_id == application).map(|e| e.kommun.clone()).unwrap_or_default()
        };
        Ok(Some(RankingView {
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
            rows,
        }))
    }
}
