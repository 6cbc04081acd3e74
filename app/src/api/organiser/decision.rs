//! Server functions for the jury's decision: the applications in ranking
//! order with their outcome, saved while the round is in review. The
//! motivations are written and signed off in `jury::motivation`.

use crate::api::{form::FormReply, jury::DeclaredJav};
use crate::{
    domain::{
        decision::{DecisionProblem, Outcome},
        lifecycle::RoundState,
        ranking::Place,
    },
    error::AppError,
};
use chrono::NaiveDateTime;
use leptos::{prelude::*, server_fn::codec::GetUrl};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

pub const DECISION_PAGE: &str = "/arrangor/beslut";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DecisionRow {
    pub application_id: String,
    pub kommun: String,
    pub reference: String,
    /// The place in the ranking and the normalised score, once reviewed.
    pub ranked: Option<(Place, f64)>,
    pub outcome: Option<Outcome>,
    pub motivation: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DecisionView {
    pub round_title: String,
    pub state: RoundState,
    pub rows: Vec<DecisionRow>,
    /// What keeps the decision from being taken.
    pub problems: Vec<DecisionProblem>,
    /// Who changed it last, and when.
    pub last_change: Option<(String, NaiveDateTime)>,
    /// Every juror who stood aside for a kommun, and why: part of the record.
    pub recusals: Vec<DeclaredJav>,
}

#[server(endpoint = "decision", input = GetUrl)]
pub async fn decision() -> Result<Option<DecisionView>, AppError> {
    ssr::view().await
}

/// `outcome[<key>]` is an outcome's code or empty (not chosen), keyed by
/// `form::field_key` of the application.
#[server(endpoint = "save_decision")]
pub async fn save_decision(#[server(default)] outcome: HashMap<String, String>) -> Result<FormReply, AppError> {
    Ok(ssr::save(outcome).await)
}

#[cfg(feature = "ssr")]
mod ssr {
    use super::*;
    use crate::{
        api::{
            form::{Done, FormId, Problem, Problems, done_href, field_key, run},
            jury::{
                motivation::ssr::decision_problems_in,
                ssr::{declared_jav, round_work},
            },
            organiser::round::ssr::managed_round,
        },
        domain::{deadline::to_stockholm, lifecycle::OrganiseProblem},
        storage::{
            audit::{self, Actor},
            decisions, motivations,
        },
    };

    pub async fn view() -> Result<Option<DecisionView>, AppError> {
        let (cx, round) = match managed_round().await {
            Err(AppError::NotFound) => return Ok(None),
            other => other?,
        };
        let recorded = decisions::of_round(&mut *cx.db().conn().await?, &round.id).await?;
        let (problems, work) = decision_problems_in(&cx, round_work(&cx, round).await?).await?;
        let ranking = work.ranking();
        let rows = ranking
            .rows
            .iter()
            .filter_map(|ranked| {
                let entry = work.entries.iter().find(|e| e.application_id == ranked.application)?;
                let chosen = recorded.iter().find(|r| r.choice.application_id == entry.application_id);
                Some(DecisionRow {
                    application_id: entry.application_id.clone(),
                    kommun: entry.kommun.clone(),
                    reference: entry.submission.reference.clone(),
                    ranked: ranked.place.zip(ranked.normalised),
                    outcome: chosen.map(|r| r.choice.outcome),
                    motivation: chosen.map(|r| r.choice.motivation.clone()).unwrap_or_default(),
                })
            })
            .collect();
        Ok(Some(DecisionView {
            round_title: work.round.title.clone(),
            state: work.round.state,
            rows,
            problems,
            last_change: recorded
                .iter()
                .max_by_key(|r| r.decided_at)
                .map(|r| (r.decided_by_name.clone(), to_stockholm(r.decided_at))),
            // Those who sit on the jury, for kommuner that applied.
            recusals: work
                .conflicts
                .iter()
                .filter(|c| work.jurors.iter().any(|(id, _)| *id == c.user_id))
                .filter(|c| work.entries.iter().any(|e| e.kommun_kod == c.kommun_kod))
                .cloned()
                .map(declared_jav)
                .collect(),
        }))
    }

    pub async fn save(outcome: HashMap<String, String>) -> FormReply {
        let mut problems = Problems::new(FormId::Decision);
        for (key, code) in &outcome {
            problems = problems.keep(&format!("outcome[{key}]"), code);
        }
        run(DECISION_PAGE, problems.clone(), async move {
            let (cx, round) = managed_round().await?;
            let viewer = &cx.viewer;
            if !round.state.decision_open() {
                problems.add("", Problem::Organise(OrganiseProblem::DecisionLocked { state: round.state }));
                return Ok(Err(problems));
            }
            let work = round_work(&cx, round).await?;
            let mut outcomes = Vec::new();
            for entry in &work.entries {
                let id = &entry.application_id;
                let key = field_key(id);
                let code = outcome.get(&key).map(String::as_str).unwrap_or_default();
                if code.is_empty() {
                    continue;
                }
                let Some(chosen) = Outcome::from_code(code) else {
                    let problem = DecisionProblem::OutcomeUnknown { application_id: id.clone() };
                    problems.add(&format!("outcome[{key}]"), Problem::Organise(OrganiseProblem::Decision(problem)));
                    continue;
                };
                outcomes.push((id.clone(), chosen));
            }
            if outcomes.iter().filter(|(_, o)| *o == Outcome::Winner).count() > 1 {
                problems.add("", Problem::Organise(OrganiseProblem::Decision(DecisionProblem::SeveralWinners)));
            }
            if !problems.is_empty() {
                return Ok(Err(problems));
            }
            let now = cx.now;
            let mut tx = cx.db().begin_write().await?;
            let changed =
                decisions::replace(&mut tx, &work.round.id, &outcomes, (&viewer.user_id, &viewer.name), now).await?;
            // A motivation signed for one outcome is read anew for another.
            let mut cleared = Vec::new();
            for id in &changed {
                if motivations::clear_sign_offs(&mut tx, &work.round.id, id).await? > 0 {
                    cleared.extend(work.entries.iter().find(|e| e.application_id == *id).map(|e| e.kommun.as_str()));
                }
            }
            let summary: Vec<String> = outcomes
                .iter()
                .filter_map(|(id, outcome)| {
                    let kommun = &work.entries.iter().find(|e| e.application_id == *id)?.kommun;
                    Some(format!("{kommun}: {}", crate::i18n::Locale::Sv.texts().o.outcome_name(*outcome)))
                })
                .collect();
            let mut detail = format!(
                "Beslutet sparat ({})",
                if summary.is_empty() { "inget valt".into() } else { summary.join(", ") }
            );
            if !cleared.is_empty() {
                detail =
                    format!("{detail}; godkännanden av motiveringen som inte längre gäller: {}", cleared.join(", "));
            }
            let actor = Actor { user_id: Some(&viewer.user_id), name: &viewer.name };
            audit::record(&mut tx, actor, Some(&work.round.id), "beslut-sparat", &detail, now).await?;
            tx.commit().await?;
            let done = if cleared.is_empty() { Done::DecisionSaved } else { Done::DecisionSavedSignOffsCleared };
            Ok(Ok(done_href(DECISION_PAGE, done)))
        })
        .await
    }
}
