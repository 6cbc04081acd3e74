//! Server functions for organisers running a round's review: the criteria,
//! their weights and the scale (until the first review is saved), closing
//! and reopening the review, the jurors' progress and their declared jäv.

// A server function's arguments are its form's fields, however many the form has.
#![allow(clippy::too_many_arguments)]

use crate::api::{
    form::FormReply,
    jury::{DeclaredJav, FlagView},
};
use crate::{
    domain::review::{ReviewPhase, Scale, ScoredCriterion},
    error::AppError,
};
use chrono::NaiveDateTime;
use leptos::{prelude::*, server_fn::codec::GetUrl};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

pub const REVIEW_SETTINGS_PAGE: &str = "/arrangor/bedomning";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JurorProgress {
    pub name: String,
    /// Reviews that count (`RoundWork::counts`), of the entries expected of the juror.
    pub done: usize,
    pub expected: usize,
    pub drafts: usize,
    pub conflicts: usize,
}

/// A review reopened after its juror had seen the jury's work (the anchoring rule).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReopenedReview {
    pub juror: String,
    pub kommun: String,
    pub reason: String,
    /// Done again with other scores than when first done.
    pub changed: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewOverview {
    pub round_id: String,
    pub round_title: String,
    /// The round is being prepared: nothing to open or close yet.
    pub prepared: bool,
    pub phase: ReviewPhase,
    pub opens_local: NaiveDateTime,
    pub closed_local: Option<NaiveDateTime>,
    /// Criteria and scale can change until the first review is saved.
    pub locked: bool,
    pub criteria: Vec<ScoredCriterion>,
    pub scale: Scale,
    /// The tie rule's criterion; `None`: the jury decides.
    pub tie_break: Option<String>,
    pub applications: usize,
    pub jurors: Vec<JurorProgress>,
    pub conflicts: Vec<DeclaredJav>,
    /// Probable jäv from the jurors' employers, and their answers.
    pub flags: Vec<FlagView>,
    pub reopened: Vec<ReopenedReview>,
}

/// The running round's review, or that of the round `round` names (a round
/// being prepared gets its criteria before it opens).
#[server(endpoint = "review_admin", input = GetUrl)]
pub async fn review_admin(#[server(default)] round: Option<String>) -> Result<Option<ReviewOverview>, AppError> {
    ssr::admin(round).await
}

/// Rows of criteria by index (`slug[0]`, `title[0]`, `description[0]`,
/// `weight[0]`, `remove[0]`), the scale's top value, one label per line, and
/// the tie rule's criterion (blank: the jury decides).
#[server(endpoint = "save_review_settings")]
pub async fn save_review_settings(
    #[server(default)] slug: HashMap<String, String>,
    #[server(default)] title: HashMap<String, String>,
    #[server(default)] description: HashMap<String, String>,
    #[server(default)] weight: HashMap<String, String>,
    #[server(default)] remove: HashMap<String, String>,
    scale_max: String,
    labels: String,
    #[server(default)] tie_break: String,
    round: String,
) -> Result<FormReply, AppError> {
    let form = ssr::SettingsForm { slug, title, description, weight, remove, scale_max, labels, tie_break };
    Ok(ssr::save(form, round).await)
}

/// Closes the review (`action=stang`) or opens it again (`action=oppna`).
#[server(endpoint = "close_review")]
pub async fn close_review(action: String) -> Result<FormReply, AppError> {
    Ok(ssr::close(action == "stang").await)
}

#[cfg(feature = "ssr")]
mod ssr {
    use super::*;
    use crate::{
        api::{
            cx::Cx,
            form::{Done, FormId, Problem, Problems, done_href, run},
            jury::ssr::{declared_jav, flag_views, round_work, settings_of},
        },
        domain::{
            deadline::to_stockholm,
            review::{CriterionInput, ReviewProblem, checked_settings, checked_tie_break},
            round::Round,
        },
        storage::{reviews, rounds, seed::EHALSOKOMMUN, submissions},
    };

    async fn settings_round(id: Option<&str>) -> Result<(Cx, Round), AppError> {
        let cx = Cx::manager()?;
        let current = cx.db().current_round(EHALSOKOMMUN).await?;
        // A round named in the address: the one being prepared, or the running one; never a past round.
        let round = match id {
            Some(id) => rounds::find(&mut *cx.db().conn().await?, id).await?.filter(|r| {
                r.state == crate::domain::lifecycle::RoundState::Draft || current.as_ref().is_some_and(|c| c.id == r.id)
            }),
            None => current,
        };
        Ok((cx, round.ok_or(AppError::NotFound)?))
    }

    pub async fn admin(round: Option<String>) -> Result<Option<ReviewOverview>, AppError> {
        let (cx, round) = match settings_round(round.as_deref()).await {
            Err(AppError::NotFound) => return Ok(None),
            other => other?,
        };
        let db = cx.db();
        // The jurors, their reviews and declared jäv, as the jury's own pages read them.
        let work = round_work(&cx, round).await?;
        let jurors = work
            .jurors
            .iter()
            .map(|(id, name)| {
                let (done, expected) = work.juror_count(id);
                JurorProgress {
                    name: name.clone(),
                    done,
                    expected,
                    drafts: work.reviews.iter().filter(|r| r.user_id == *id && r.done_at.is_none()).count(),
                    conflicts: work.conflicts.iter().filter(|c| c.user_id == *id).count(),
                }
            })
            .collect();
        let locked = reviews::started(&mut *db.pool().acquire().await?, &work.round.id).await?;
        let round = &work.round;
        Ok(Some(ReviewOverview {
            prepared: round.state == crate::domain::lifecycle::RoundState::Draft,
            phase: work.phase,
            opens_local: round.deadline.local(),
            closed_local: work.settings.closed_at.map(to_stockholm),
            locked,
            criteria: work.settings.criteria.clone(),
            scale: work.settings.scale.clone(),
            tie_break: work.settings.tie_break.clone(),
            applications: submissions::latest_of_round(&mut *db.conn().await?, &round.id).await?.len(),
            jurors,
            conflicts: work.conflicts.iter().cloned().map(declared_jav).collect(),
            flags: flag_views(&work),
            reopened: work
                .reviews
                .iter()
                .filter_map(|r| {
                    Some(ReopenedReview {
                        juror: r.juror_name.clone(),
                        kommun: work.entries.iter().find(|e| e.application_id == r.application_id)?.kommun.clone(),
                        reason: r.reopen_reason.clone()?,
                        changed: r.changed_after_seen(),
                    })
                })
                .collect(),
            round_id: round.id.clone(),
            round_title: round.title.clone(),
        }))
    }

    /// The settings page of the round `id`: a round being prepared is named in the address.
    fn settings_page(id: &str) -> String {
        format!("{REVIEW_SETTINGS_PAGE}?omgang={id}")
    }

    pub struct SettingsForm {
        pub slug: HashMap<String, String>,
        pub title: HashMap<String, String>,
        pub description: HashMap<String, String>,
        pub weight: HashMap<String, String>,
        pub remove: HashMap<String, String>,
        pub scale_max: String,
        pub labels: String,
        pub tie_break: String,
    }

    impl SettingsForm {
        fn rows(&self) -> Vec<CriterionInput> {
            let count = [&self.slug, &self.title, &self.description, &self.weight]
                .iter()
                .flat_map(|m| m.keys())
                .filter_map(|k| k.parse::<usize>().ok())
                .max()
                .map_or(0, |m| m + 1)
                .min(50);
            let get = |m: &HashMap<String, String>, i: usize| m.get(&i.to_string()).cloned().unwrap_or_default();
            (0..count)
                .map(|i| CriterionInput {
                    slug: get(&self.slug, i),
                    title: get(&self.title, i),
                    description: get(&self.description, i),
                    weight: get(&self.weight, i),
                    remove: !get(&self.remove, i).is_empty(),
                })
                .collect()
        }

        fn kept(&self, mut problems: Problems) -> Problems {
            for (field, values) in
                [("title", &self.title), ("description", &self.description), ("weight", &self.weight)]
            {
                for (i, value) in values {
                    problems = problems.keep(&format!("{field}[{i}]"), value);
                }
            }
            problems.keep("scale_max", &self.scale_max).keep("labels", &self.labels).keep("tie_break", &self.tie_break)
        }
    }

    pub async fn save(form: SettingsForm, round: String) -> FormReply {
        let problems = form.kept(Problems::new(FormId::Criteria));
        let page = settings_page(&round);
        run(&page, problems.clone(), async move {
            let (cx, round) = settings_round(Some(&round)).await?;
            let mut problems = problems;
            let (criteria, scale) = match checked_settings(&form.rows(), &form.scale_max, &form.labels) {
                Ok(checked) => checked,
                Err(found) => {
                    for (field, problem) in found {
                        problems.add(&field, Problem::Review(problem));
                    }
                    return Ok(Err(problems));
                }
            };
            let tie_break = match checked_tie_break(&criteria, &form.tie_break) {
                Ok(tie_break) => tie_break,
                Err(problem) => {
                    problems.add("tie_break", Problem::Review(problem));
                    return Ok(Err(problems));
                }
            };
            let mut tx = cx.db().begin_write().await?;
            if reviews::started(&mut tx, &round.id).await? {
                problems.add("", Problem::Review(ReviewProblem::CriteriaLocked));
                return Ok(Err(problems));
            }
            let current = settings_of(cx.db(), &round).await?;
            reviews::create_if_missing(&mut tx, &round.id, &current).await?;
            reviews::replace(&mut tx, &round.id, &criteria, &scale, tie_break.as_deref()).await?;
            tx.commit().await?;
            tracing::info!(round = %round.id, by = %cx.viewer.user_id, "review criteria changed");
            let back = if round.state == crate::domain::lifecycle::RoundState::Draft {
                settings_page(&round.id)
            } else {
                REVIEW_SETTINGS_PAGE.to_owned()
            };
            Ok(Ok(done_href(&back, Done::CriteriaSaved)))
        })
        .await
    }

    pub async fn close(close: bool) -> FormReply {
        run(REVIEW_SETTINGS_PAGE, Problems::new(FormId::CloseReview), async move {
            let (cx, round) = settings_round(None).await?;
            let now = cx.now;
            let current = settings_of(cx.db(), &round).await?;
            let mut tx = cx.db().begin_write().await?;
            reviews::create_if_missing(&mut tx, &round.id, &current).await?;
            reviews::set_closed(&mut tx, &round.id, close.then_some(now)).await?;
            tx.commit().await?;
            tracing::info!(round = %round.id, by = %cx.viewer.user_id, close, "review closed or reopened");
            let done = if close { Done::ReviewClosed } else { Done::ReviewOpened };
            Ok(Ok(done_href(REVIEW_SETTINGS_PAGE, done)))
        })
        .await
    }
}
