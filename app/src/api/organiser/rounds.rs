//! Server functions for the award's rounds: the list, a new round copied from
//! an earlier one (in draft, not public; one at a time), opening it once the
//! running round is announced, and removing a draft that has no applications.

// A server function's arguments are its form's fields, however many the form has.
#![allow(clippy::too_many_arguments)]

use crate::api::form::FormReply;
use crate::{
    domain::{lifecycle::RoundState, round::Round},
    error::AppError,
};
use leptos::{prelude::*, server_fn::codec::GetUrl};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

pub const ROUNDS_PAGE: &str = "/arrangor/omgangar";
pub const DRAFT_PAGE: &str = "/arrangor/omgangar/utkast";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoundLine {
    pub id: String,
    pub year: i32,
    pub title: String,
    pub state: RoundState,
    pub applications: i64,
}

/// The award's rounds, newest first, and the year the next one would be given.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoundsList {
    pub rounds: Vec<RoundLine>,
    pub next_year: Option<i32>,
}

#[server(endpoint = "rounds_overview", input = GetUrl)]
pub async fn rounds_overview() -> Result<RoundsList, AppError> {
    ssr::overview().await
}

/// The round being prepared, with its dates as the form's fields show them (Swedish time).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PreparedRound {
    pub round: Round,
    pub opens: String,
    pub deadline: String,
    pub ceremony: String,
}

#[server(endpoint = "draft_round", input = GetUrl)]
pub async fn draft_round() -> Result<Option<PreparedRound>, AppError> {
    ssr::draft_view().await
}

/// The draft's texts, dates, sections and criteria by row (`section_title[0]`,
/// a new one in a blank row, `section_remove[0]` to remove), jury and partners a line each.
#[server(endpoint = "save_draft_round")]
pub async fn save_draft_round(
    round: String,
    title: String,
    #[server(default)] theme: String,
    intro: String,
    criteria_text: String,
    #[server(default)] eligibility: String,
    #[server(default)] contact: String,
    opens: String,
    deadline: String,
    ceremony: String,
    ceremony_place: String,
    #[server(default)] section_slug: HashMap<String, String>,
    #[server(default)] section_title: HashMap<String, String>,
    #[server(default)] section_guidance: HashMap<String, String>,
    #[server(default)] section_limit: HashMap<String, String>,
    #[server(default)] section_remove: HashMap<String, String>,
    #[server(default)] criterion_slug: HashMap<String, String>,
    #[server(default)] criterion_title: HashMap<String, String>,
    #[server(default)] criterion_description: HashMap<String, String>,
    #[server(default)] criterion_remove: HashMap<String, String>,
    #[server(default)] jury: String,
    #[server(default)] partners: String,
) -> Result<FormReply, AppError> {
    let texts = [
        title,
        theme,
        intro,
        criteria_text,
        eligibility,
        contact,
        opens,
        deadline,
        ceremony,
        ceremony_place,
        jury,
        partners,
    ];
    let sections = [section_slug, section_title, section_guidance, section_limit, section_remove];
    let criteria = [criterion_slug, criterion_title, criterion_description, HashMap::new(), criterion_remove];
    Ok(ssr::save_draft(round, texts, sections, criteria).await)
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
            cx::Cx,
            form::{Done, FormId, Problem, Problems, done_href, run},
            organiser::round::ssr::another_round_running,
        },
        domain::{
            deadline::to_stockholm,
            lifecycle::{OrganiseProblem, StepFacts, may_step},
            round::{
                NewRoundInput, PartInput, RoundEdit, RoundProblem, RoundProblems, Schedule, copied_round, edited_round,
            },
        },
        storage::{
            audit::{self, Actor},
            reviews, rounds,
            seed::EHALSOKOMMUN,
        },
    };

    const FIELDS: [&str; 6] = ["year", "title", "opens", "deadline", "ceremony", "ceremony_place"];

    pub async fn overview() -> Result<RoundsList, AppError> {
        let cx = Cx::manager()?;
        let award = cx.db().award(EHALSOKOMMUN).await?.ok_or(AppError::NotFound)?;
        let rounds: Vec<RoundLine> = rounds::list(&mut *cx.db().conn().await?, EHALSOKOMMUN)
            .await?
            .into_iter()
            .map(|r| RoundLine { id: r.id, year: r.year, title: r.title, state: r.state, applications: r.applications })
            .collect();
        let next_year = rounds.iter().map(|r| r.year).max().map(|newest| award.next_year(newest));
        Ok(RoundsList { rounds, next_year })
    }

    pub async fn copy(source: String, input: [String; 6]) -> FormReply {
        let mut problems = Problems::new(FormId::NewRound).keep("source", &source);
        for (field, value) in FIELDS.iter().zip(&input) {
            problems = problems.keep(field, value);
        }
        run(ROUNDS_PAGE, problems.clone(), async move {
            let cx = Cx::manager()?;
            let viewer = &cx.viewer;
            let source = rounds::find(&mut *cx.db().conn().await?, &source).await?.ok_or(AppError::NotFound)?;
            let existing = rounds::list(&mut *cx.db().conn().await?, &source.award_id).await?;
            // One round is prepared at a time: it is the one "Öppna" and "Ta bort" act on.
            if existing.iter().any(|r| r.state == RoundState::Draft) {
                problems.add("", Problem::Organise(OrganiseProblem::Round(RoundProblem::DraftExists)));
                return Ok(Err(problems));
            }
            let taken: Vec<i32> = existing.iter().map(|r| r.year).collect();
            let [year, title, opens, deadline, ceremony, ceremony_place] = &input;
            let schedule = Schedule { opens, deadline, ceremony, ceremony_place };
            let round = match copied_round(&source, NewRoundInput { year, title, schedule }, &taken) {
                Ok(round) => round,
                Err(found) => return Ok(Err(with_round_problems(problems, found))),
            };
            let now = cx.now;
            let mut tx = cx.db().begin_write().await?;
            rounds::insert(&mut tx, &round).await?;
            // The jury scores as it did: the criteria, weights and scale carry over.
            if let Some(settings) = reviews::settings(&mut tx, &source.id).await? {
                reviews::create_if_missing(&mut tx, &round.id, &settings).await?;
            }
            let detail = format!("Skapade {} i utkast, kopierad från {}", round.title, source.title);
            let actor = Actor { user_id: Some(&viewer.user_id), name: &viewer.name };
            audit::record(&mut tx, actor, Some(&round.id), "omgang-ny", &detail, now).await?;
            tx.commit().await?;
            Ok(Ok(done_href(ROUNDS_PAGE, Done::RoundCreated)))
        })
        .await
    }

    fn with_round_problems(mut problems: Problems, found: RoundProblems) -> Problems {
        for (field, problem) in found {
            problems.add(&field, Problem::Organise(OrganiseProblem::Round(problem)));
        }
        problems
    }

    /// The one round being prepared, if any.
    async fn the_draft(cx: &Cx) -> Result<Option<Round>, AppError> {
        let listed = rounds::list(&mut *cx.db().conn().await?, EHALSOKOMMUN).await?;
        match listed.into_iter().find(|r| r.state == RoundState::Draft) {
            Some(line) => Ok(rounds::find(&mut *cx.db().conn().await?, &line.id).await?),
            None => Ok(None),
        }
    }

    pub async fn draft_view() -> Result<Option<PreparedRound>, AppError> {
        let cx = Cx::manager()?;
        Ok(the_draft(&cx).await?.map(|round| PreparedRound {
            opens: to_stockholm(round.opens_at).format("%Y-%m-%d").to_string(),
            deadline: round.deadline.local().format("%Y-%m-%d").to_string(),
            ceremony: to_stockholm(round.ceremony_at).format("%Y-%m-%dT%H:%M").to_string(),
            round,
        }))
    }

    const DRAFT_FIELDS: [&str; 12] = [
        "title",
        "theme",
        "intro",
        "criteria_text",
        "eligibility",
        "contact",
        "opens",
        "deadline",
        "ceremony",
        "ceremony_place",
        "jury",
        "partners",
    ];

    /// The rows of a sections or criteria form, from its five maps by row index:
    /// slug, title, text, limit and remove.
    fn part_rows(maps: &[HashMap<String, String>; 5]) -> Vec<PartInput> {
        let count =
            maps.iter().flat_map(|m| m.keys()).filter_map(|k| k.parse::<usize>().ok()).max().map_or(0, |m| m + 1);
        let get = |m: usize, i: usize| maps[m].get(&i.to_string()).cloned().unwrap_or_default();
        (0..count.min(50))
            .map(|i| PartInput {
                slug: get(0, i),
                title: get(1, i),
                text: get(2, i),
                limit: get(3, i),
                remove: !get(4, i).is_empty(),
            })
            .collect()
    }

    pub async fn save_draft(
        id: String,
        texts: [String; 12],
        sections: [HashMap<String, String>; 5],
        criteria: [HashMap<String, String>; 5],
    ) -> FormReply {
        let mut problems = Problems::new(FormId::DraftRound);
        for (field, value) in DRAFT_FIELDS.iter().zip(&texts) {
            problems = problems.keep(field, value);
        }
        for (prefix, maps) in [("section", &sections), ("criterion", &criteria)] {
            for (name, map) in ["title", "guidance", "limit"].iter().zip(&maps[1..4]) {
                let name = if prefix == "criterion" && *name == "guidance" { "description" } else { name };
                for (i, value) in map {
                    problems = problems.keep(&format!("{prefix}_{name}[{i}]"), value);
                }
            }
        }
        run(DRAFT_PAGE, problems.clone(), async move {
            let cx = Cx::manager()?;
            let viewer = &cx.viewer;
            let draft = rounds::find(&mut *cx.db().conn().await?, &id).await?.ok_or(AppError::NotFound)?;
            let [
                title,
                theme,
                intro,
                criteria_text,
                eligibility,
                contact,
                opens,
                deadline,
                ceremony,
                ceremony_place,
                jury,
                partners,
            ] = &texts;
            let (sections, criteria) = (part_rows(&sections), part_rows(&criteria));
            let edit = RoundEdit {
                title,
                theme,
                intro,
                criteria_text,
                eligibility,
                contact,
                schedule: Schedule { opens, deadline, ceremony, ceremony_place },
                sections: &sections,
                criteria: &criteria,
                jury,
                partners,
            };
            let round = match edited_round(&draft, edit) {
                Ok(round) => round,
                Err(found) => return Ok(Err(with_round_problems(problems, found))),
            };
            let mut tx = cx.db().begin_write().await?;
            if !rounds::update_draft(&mut tx, &round).await? {
                let mut problems = problems;
                problems.add("", Problem::Organise(OrganiseProblem::Round(RoundProblem::Opened)));
                return Ok(Err(problems));
            }
            let actor = Actor { user_id: Some(&viewer.user_id), name: &viewer.name };
            let detail = format!("Ändrade utkastet {}", round.title);
            audit::record(&mut tx, actor, Some(&round.id), "omgang-andrad", &detail, cx.now).await?;
            tx.commit().await?;
            Ok(Ok(done_href(DRAFT_PAGE, Done::RoundDraftSaved)))
        })
        .await
    }

    /// The round in draft that `id` names, for the forms on the list.
    async fn draft(cx: &Cx, id: &str) -> Result<crate::domain::round::Round, AppError> {
        rounds::find(&mut *cx.db().conn().await?, id).await?.ok_or(AppError::NotFound)
    }

    pub async fn open(id: String, confirmed: bool) -> FormReply {
        let mut problems = Problems::new(FormId::OpenRound);
        run(ROUNDS_PAGE, problems.clone(), async move {
            let cx = Cx::manager()?;
            let viewer = &cx.viewer;
            let round = draft(&cx, &id).await?;
            if !confirmed {
                problems.add("confirm", Problem::Organise(OrganiseProblem::NotConfirmed));
                return Ok(Err(problems));
            }
            let facts = StepFacts {
                another_round_running: another_round_running(cx.db(), &round).await?,
                ..StepFacts::of_round(&round, cx.now)
            };
            if let Err(refusal) = may_step(round.state, RoundState::Open, &facts) {
                problems.add("", Problem::Organise(OrganiseProblem::Step(refusal)));
                return Ok(Err(problems));
            }
            let now = cx.now;
            let mut tx = cx.db().begin_write().await?;
            if !rounds::set_state(&mut tx, &round.id, RoundState::Draft, RoundState::Open).await? {
                problems.add("", Problem::Organise(OrganiseProblem::Round(RoundProblem::NotADraft)));
                return Ok(Err(problems));
            }
            let actor = Actor { user_id: Some(&viewer.user_id), name: &viewer.name };
            audit::record(&mut tx, actor, Some(&round.id), "omgang-steg", "Utkast → Öppen", now).await?;
            tx.commit().await?;
            Ok(Ok(done_href(ROUNDS_PAGE, Done::RoundOpened)))
        })
        .await
    }

    pub async fn delete(id: String, confirmed: bool) -> FormReply {
        let mut problems = Problems::new(FormId::DeleteRound);
        run(ROUNDS_PAGE, problems.clone(), async move {
            let cx = Cx::manager()?;
            let viewer = &cx.viewer;
            let round = draft(&cx, &id).await?;
            if !confirmed {
                problems.add("confirm_removal", Problem::Organise(OrganiseProblem::NotConfirmed));
                return Ok(Err(problems));
            }
            let mut tx = cx.db().begin_write().await?;
            if !rounds::delete_draft(&mut tx, &round.id).await? {
                let listed = rounds::list(&mut tx, &round.award_id).await?;
                let with_applications = listed.iter().any(|r| r.id == round.id && r.applications > 0);
                let problem = if with_applications { RoundProblem::HasApplications } else { RoundProblem::NotADraft };
                problems.add("", Problem::Organise(OrganiseProblem::Round(problem)));
                return Ok(Err(problems));
            }
            let actor = Actor { user_id: Some(&viewer.user_id), name: &viewer.name };
            let detail = format!("Tog bort {} (utkast)", round.title);
            audit::record(&mut tx, actor, None, "omgang-borttagen", &detail, cx.now).await?;
            tx.commit().await?;
            Ok(Ok(done_href(ROUNDS_PAGE, Done::RoundDeleted)))
        })
        .await
    }
}
