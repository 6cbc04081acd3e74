//! Server functions for the award's rounds: the list, a new round copied from
//! an earlier one (in draft, not public; one at a time), opening it once the
//! running round is announced, and removing a draft that has no applications.

use super::form::FormReply;
use crate::{domain::lifecycle::RoundState, error::AppError};
use leptos::{prelude::*, server_fn::codec::GetUrl};
use serde::{Deserialize, Serialize};

pub const ROUNDS_PAGE: &str = "/arrangor/omgangar";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoundLine {
    pub id: String,
    pub year: i32,
    pub title: String,
    pub state: RoundState,
    pub applications: i64,
}

#[server(endpoint = "rounds_overview", input = GetUrl)]
pub async fn rounds_overview() -> Result<Vec<RoundLine>, AppError> {
    ssr::overview().await
}

/// A new round in draft, copied from `source` with a new year, title and dates
/// (Swedish time; the ceremony as `YYYY-MM-DDTHH:MM`, as a date-and-time field sends it).
#[server(endpoint = "copy_round")]
pub async fn copy_round(
    source: String,
    year: String,
    title: String,
    opens: String,
    deadline: String,
    ceremony: String,
    ceremony_place: String,
) -> Result<FormReply, AppError> {
    let input = [year, title, opens, deadline, ceremony, ceremony_place];
    Ok(ssr::copy(source, input).await)
}

/// Opens a round in draft, once the box is ticked.
#[server(endpoint = "open_round")]
pub async fn open_round(round: String, #[server(default)] confirm: String) -> Result<FormReply, AppError> {
    Ok(ssr::open(round, !confirm.is_empty()).await)
}

/// Removes a round in draft without applications, once the box is ticked.
#[server(endpoint = "delete_round")]
pub async fn delete_round(round: String, #[server(default)] confirm_removal: String) -> Result<FormReply, AppError> {
    Ok(ssr::delete(round, !confirm_removal.is_empty()).await)
}

#[cfg(feature = "ssr")]
mod ssr {
    use super::*;
    use crate::{
        api::{
            form::{OrganiseProblem, Problem, Problems, run},
            round::ssr::another_round_running,
        },
        auth,
        domain::{
            lifecycle::{StepFacts, may_step},
            round::{NewRoundInput, RoundProblem, copied_round},
        },
        state,
        storage::{
            audit::{self, Actor},
            reviews, rounds,
            seed::EHALSOKOMMUN,
        },
    };

    const FIELDS: [&str; 6] = ["year", "title", "opens", "deadline", "ceremony", "ceremony_place"];

    pub async fn overview() -> Result<Vec<RoundLine>, AppError> {
        auth::require_manager()?;
        let state = state::state()?;
        Ok(rounds::list(&state.db, EHALSOKOMMUN)
            .await?
            .into_iter()
            .map(|r| RoundLine { id: r.id, year: r.year, title: r.title, state: r.state, applications: r.applications })
            .collect())
    }

    pub async fn copy(source: String, input: [String; 6]) -> FormReply {
        let mut problems = Problems::new("ny-omgang").keep("source", &source);
        for (field, value) in FIELDS.iter().zip(&input) {
            problems = problems.keep(field, value);
        }
        run(ROUNDS_PAGE, problems.clone(), async move {
            let (viewer, state) = (auth::require_manager()?, state::state()?);
            let source = rounds::find(&state.db, &source).await?.ok_or(AppError::NotFound)?;
            let existing = rounds::list(&state.db, &source.award_id).await?;
            // One round is prepared at a time: it is the one "Öppna" and "Ta bort" act on.
            if existing.iter().any(|r| r.state == RoundState::Draft) {
                problems.add("", Problem::Organise(OrganiseProblem::Round(RoundProblem::DraftExists)));
                return Ok(Err(problems));
            }
            let taken: Vec<i32> = existing.iter().map(|r| r.year).collect();
            let [year, title, opens, deadline, ceremony, ceremony_place] = &input;
            let new = NewRoundInput { year, title, opens, deadline, ceremony, ceremony_place };
            let round = match copied_round(&source, new, &taken) {
                Ok(round) => round,
                Err(found) => {
                    for (field, problem) in found {
                        problems.add(field, Problem::Organise(OrganiseProblem::Round(problem)));
                    }
                    return Ok(Err(problems));
                }
            };
            let now = state.clock.now();
            let mut tx = state.db.begin_write().await?;
            rounds::insert(&mut tx, &round).await?;
            // The jury scores as it did: the criteria, weights and scale carry over.
            if let Some(settings) = reviews::settings(&state.db, &source.id).await? {
                reviews::create_if_missing(&mut tx, &round.id, &settings).await?;
            }
            let detail = format!("Skapade {} i utkast, kopierad från {}", round.title, source.title);
            let actor = Actor { user_id: Some(&viewer.user_id), name: &viewer.name };
            audit::record(&mut tx, actor, Some(&round.id), "omgang-ny", &detail, now).await?;
            tx.commit().await?;
            Ok(Ok(format!("{ROUNDS_PAGE}?klart=omgang-skapad")))
        })
        .await
    }

    /// The round in draft that `id` names, for the forms on the list.
    async fn draft(state: &crate::state::AppState, id: &str) -> Result<crate::domain::round::Round, AppError> {
        rounds::find(&state.db, id).await?.ok_or(AppError::NotFound)
    }

    pub async fn open(id: String, confirmed: bool) -> FormReply {
        let mut problems = Problems::new("oppna-omgang");
        run(ROUNDS_PAGE, problems.clone(), async move {
            let (viewer, state) = (auth::require_manager()?, state::state()?);
            let round = draft(&state, &id).await?;
            if !confirmed {
                problems.add("confirm", Problem::Organise(OrganiseProblem::NotConfirmed));
                return Ok(Err(problems));
            }
            let facts = StepFacts {
                another_round_running: another_round_running(&state.db, &round).await?,
                ..StepFacts::of_round(&round, state.clock.now())
            };
            if let Err(refusal) = may_step(round.state, RoundState::Open, &facts) {
                problems.add("", Problem::Organise(OrganiseProblem::Step(refusal)));
                return Ok(Err(problems));
            }
            let now = state.clock.now();
            let mut tx = state.db.begin_write().await?;
            if !rounds::set_state(&mut tx, &round.id, RoundState::Draft, RoundState::Open).await? {
                problems.add("", Problem::Organise(OrganiseProblem::Round(RoundProblem::NotADraft)));
                return Ok(Err(problems));
            }
            let actor = Actor { user_id: Some(&viewer.user_id), name: &viewer.name };
            audit::record(&mut tx, actor, Some(&round.id), "omgang-steg", "Utkast → Öppen", now).await?;
            tx.commit().await?;
            Ok(Ok(format!("{ROUNDS_PAGE}?klart=omgang-oppnad")))
        })
        .await
    }

    pub async fn delete(id: String, confirmed: bool) -> FormReply {
        let mut problems = Problems::new("ta-bort-omgang");
        run(ROUNDS_PAGE, problems.clone(), async move {
            let (viewer, state) = (auth::require_manager()?, state::state()?);
            let round = draft(&state, &id).await?;
            if !confirmed {
                problems.add("confirm_removal", Problem::Organise(OrganiseProblem::NotConfirmed));
                return Ok(Err(problems));
            }
            let mut tx = state.db.begin_write().await?;
            if !rounds::delete_draft(&mut tx, &round.id).await? {
                let listed = rounds::list(&state.db, &round.award_id).await?;
                let with_applications = listed.iter().any(|r| r.id == round.id && r.applications > 0);
                let problem = if with_applications { RoundProblem::HasApplications } else { RoundProblem::NotADraft };
                problems.add("", Problem::Organise(OrganiseProblem::Round(problem)));
                return Ok(Err(problems));
            }
            let actor = Actor { user_id: Some(&viewer.user_id), name: &viewer.name };
            let detail = format!("Tog bort {} (utkast)", round.title);
            audit::record(&mut tx, actor, None, "omgang-borttagen", &detail, state.clock.now()).await?;
            tx.commit().await?;
            Ok(Ok(format!("{ROUNDS_PAGE}?klart=omgang-borttagen")))
        })
        .await
    }
}
