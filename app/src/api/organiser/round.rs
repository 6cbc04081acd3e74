//! Server functions for the round's life: where it stands, the next step (and
//! the way back from a decision), the announcement that the last step makes,
//! and the audit log.

use crate::api::form::FormReply;
use crate::{
    domain::{decision::DecisionProblem, lifecycle::RoundState},
    error::AppError,
};
use chrono::NaiveDateTime;
use leptos::{prelude::*, server_fn::codec::GetUrl};
use serde::{Deserialize, Serialize};

pub const ROUND_PAGE: &str = "/arrangor/omgang";
pub const LOG_PAGE: &str = "/arrangor/logg";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LogLine {
    pub at_local: NaiveDateTime,
    pub who: String,
    pub what: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoundOverview {
    pub round_title: String,
    pub state: RoundState,
    pub next: Option<RoundState>,
    pub deadline_local: NaiveDateTime,
    /// When the last extension ends, if later than the deadline.
    pub last_closing_local: Option<NaiveDateTime>,
    pub submitted: usize,
    pub decision_problems: Vec<DecisionProblem>,
    /// Announced under embargo: when the decision becomes public.
    pub embargo_local: Option<NaiveDateTime>,
    /// The embargo the announcement offers: the ceremony, while it lies ahead.
    pub ceremony_local: Option<NaiveDateTime>,
    pub history: Vec<LogLine>,
}

#[server(endpoint = "round_admin", input = GetUrl)]
pub async fn round_admin() -> Result<Option<RoundOverview>, AppError> {
    ssr::overview().await
}

/// Moves the round from `from` (the state the page showed) to `to`, once
/// `confirm` is ticked. The announcement may carry an `embargo` time
/// (`YYYY-MM-DDTHH:MM`, Swedish time) until which the decision stays unpublished.
#[server(endpoint = "step_round")]
pub async fn step_round(
    from: String,
    to: String,
    #[server(default)] confirm: String,
    #[server(default)] embargo: String,
) -> Result<FormReply, AppError> {
    Ok(ssr::step(from, to, !confirm.is_empty(), embargo).await)
}

#[server(endpoint = "audit_log", input = GetUrl)]
pub async fn audit_log() -> Result<Vec<LogLine>, AppError> {
    ssr::log().await
}

#[cfg(feature = "ssr")]
pub mod ssr {
    use super::*;
    use crate::{
        api::{
            cx::Cx,
            form::{Done, FormId, Problem, Problems, done_href, run},
            jury::{
                motivation::ssr::decision_problems_of,
                ssr::{Entry, round_work},
            },
            organiser::decision::DECISION_PAGE,
        },
        domain::{
            deadline::to_stockholm,
            decision::{Choice, Outcome, public_at},
            lifecycle::{OrganiseProblem, StepFacts, StepRefusal, may_step},
            round::Round,
            swedish,
            winner::PastWinner,
        },
        mail::messages,
        storage::{
            Db,
            audit::{self, Actor},
            decisions, extensions, mail_queue, rounds,
            seed::EHALSOKOMMUN,
            submissions, users, winners,
        },
    };
    use chrono::{DateTime, Utc};

    /// The organiser and the current round they manage.
    pub async fn managed_round() -> Result<(Cx, Round), AppError> {
        let cx = Cx::manager()?;
        let round = cx.db().current_round(EHALSOKOMMUN).await?.ok_or(AppError::NotFound)?;
        Ok((cx, round))
    }

    /// Whether another round of the award is public and not yet announced.
    pub async fn another_round_running(db: &Db, round: &Round) -> Result<bool, AppError> {
        Ok(rounds::list(&mut *db.conn().await?, &round.award_id)
            .await?
            .iter()
            .any(|r| r.id != round.id && r.state != RoundState::Draft && r.state != RoundState::Announced))
    }

    /// The first instant at which every kommun's deadline, extensions included, has passed.
    async fn last_closing(db: &Db, round: &Round) -> Result<DateTime<Utc>, AppError> {
        let latest = extensions::of_round(&mut *db.conn().await?, &round.id)
            .await?
            .into_iter()
            .map(|e| e.deadline.closes_at_utc())
            .max();
        Ok(latest.map_or(round.deadline.closes_at_utc(), |l| l.max(round.deadline.closes_at_utc())))
    }

    async fn facts(cx: &Cx, round: &Round) -> Result<StepFacts, AppError> {
        Ok(StepFacts {
            last_closing: last_closing(cx.db(), round).await?,
            decision_problems: decision_problems_of(cx, round).await?,
            another_round_running: another_round_running(cx.db(), round).await?,
            ..StepFacts::of_round(round, cx.now)
        })
    }

    fn log_line(entry: audit::Entry) -> LogLine {
        LogLine { at_local: to_stockholm(entry.at), who: entry.actor_name, what: entry.detail }
    }

    pub async fn overview() -> Result<Option<RoundOverview>, AppError> {
        let (cx, round) = match managed_round().await {
            Err(AppError::NotFound) => return Ok(None),
            other => other?,
        };
        let facts = facts(&cx, &round).await?;
        let history = audit::list(&mut *cx.db().conn().await?)
            .await?
            .into_iter()
            .filter(|e| e.round_id.as_deref() == Some(round.id.as_str()))
            .map(log_line)
            .collect();
        Ok(Some(RoundOverview {
            state: round.state,
            next: round.state.next(),
            deadline_local: round.deadline.local(),
            last_closing_local: (facts.last_closing > round.deadline.closes_at_utc())
                .then(|| to_stockholm(facts.last_closing - chrono::Duration::minutes(1))),
            submitted: submissions::latest_of_round(&mut *cx.db().conn().await?, &round.id).await?.len(),
            decision_problems: facts.decision_problems,
            embargo_local: round
                .published_at
                .filter(|at| round.state == RoundState::Announced && *at > cx.now)
                .map(to_stockholm),
            ceremony_local: (round.ceremony_at > cx.now).then(|| to_stockholm(round.ceremony_at)),
            history,
            round_title: round.title,
        }))
    }

    pub async fn step(from: String, to: String, confirmed: bool, embargo: String) -> FormReply {
        // The way back is taken on the decision page; every other step on the round's page.
        let back = RoundState::from_code(&from)
            .and_then(RoundState::back)
            .is_some_and(|b| Some(b) == RoundState::from_code(&to));
        let page = if back { DECISION_PAGE } else { ROUND_PAGE };
        let mut problems = Problems::new(if back { FormId::StepBack } else { FormId::Step }).keep("embargo", &embargo);
        run(page, problems.clone(), async move {
            let (cx, round) = managed_round().await?;
            let viewer = &cx.viewer;
            let (Some(from), Some(to)) = (RoundState::from_code(&from), RoundState::from_code(&to)) else {
                return Err(AppError::NotFound);
            };
            if round.state != from {
                problems.add("", Problem::Organise(OrganiseProblem::Moved { now: round.state }));
                return Ok(Err(problems));
            }
            if !confirmed {
                problems.add("confirm", Problem::Organise(OrganiseProblem::NotConfirmed));
                return Ok(Err(problems));
            }
            if let Err(refusal) = may_step(from, to, &facts(&cx, &round).await?) {
                problems.add("", Problem::Organise(OrganiseProblem::Step(refusal)));
                return Ok(Err(problems));
            }
            let now = cx.now;
            let public_at = match public_at(&embargo, now) {
                Ok(at) => at,
                Err(problem) => {
                    problems.add("embargo", Problem::Organise(OrganiseProblem::Embargo(problem)));
                    return Ok(Err(problems));
                }
            };
            let mut tx = cx.db().begin_write().await?;
            if !rounds::set_state(&mut tx, &round.id, from, to).await? {
                problems.add("", Problem::Organise(OrganiseProblem::Moved { now: round.state }));
                return Ok(Err(problems));
            }
            let t = crate::i18n::Locale::Sv.texts();
            let mut detail = format!("{} → {}", t.o.state_name(from), t.o.state_name(to));
            let embargoed = to == RoundState::Announced && public_at > now;
            if embargoed {
                detail = format!("{detail}, under embargo till {}", swedish::long_date_time(to_stockholm(public_at)));
            }
            let actor = Actor { user_id: Some(&viewer.user_id), name: &viewer.name };
            audit::record(&mut tx, actor, Some(&round.id), "omgang-steg", &detail, now).await?;
            if to == RoundState::Decided {
                // Again now that the round's row is held: a motivation saved since the page's
                // check, before this step took its turn, needs its sign-offs too.
                let problems_now = decision_problems_of(&cx, &round).await?;
                if !problems_now.is_empty() {
                    problems.add("", Problem::Organise(OrganiseProblem::Step(StepRefusal::DecisionIncomplete(problems_now))));
                    return Ok(Err(problems));
                }
                crate::api::organiser::ranking::ssr::freeze(&mut tx, &cx, &round).await?;
            }
            if to == RoundState::Announced {
                announce(&mut tx, &cx, &round, now, public_at).await?;
            }
            tx.commit().await?;
            tracing::info!(round = %round.id, from = from.code(), to = to.code(), by = %viewer.user_id, "round stepped");
            Ok(Ok(done_href(page, if back { Done::DecisionReopened } else { Done::StepTaken })))
        })
        .await
    }

    /// The announcement: the winner and the finalists join the public archive,
    /// and every kommun that applied hears its outcome, in the step's transaction.
    /// Under embargo (`public_at` ahead, the ceremony) nothing goes out before it:
    /// the pages read `published_at`, and the mail is due then, by itself.
    async fn announce(
        tx: &mut sqlx::AnyConnection,
        cx: &Cx,
        round: &Round,
        now: DateTime<Utc>,
        public_at: DateTime<Utc>,
    ) -> Result<(), AppError> {
        let db = cx.db();
        let choices: Vec<Choice> =
            decisions::of_round(&mut *db.conn().await?, &round.id).await?.into_iter().map(|r| r.choice).collect();
        // The submitted applications with their kommuner, as the jury had them.
        let entries = round_work(cx, round.clone()).await?.entries;
        let name_of = |id: &str| entries.iter().find(|e| e.application_id == id).map(|e| (&e.kommun_kod, &e.kommun));
        let winner = choices.iter().find(|c| c.outcome == Outcome::Winner).ok_or(AppError::Internal)?;
        let (winner_kod, winner_name) = name_of(&winner.application_id).ok_or(AppError::Internal)?;
        let ceremony =
            format!("{}, {}", swedish::long_date_time(to_stockholm(round.ceremony_at)), round.ceremony_place);
        let archived = PastWinner {
            year: round.year,
            winner: winner_name.clone(),
            entry_title: String::new(),
            kommunkod: Some(winner_kod.clone()),
            entries: u32::try_from(entries.len()).ok(),
            finalists: choices
                .iter()
                .filter(|c| c.outcome == Outcome::Nominee)
                .filter_map(|c| name_of(&c.application_id).map(|(_, n)| n.clone()))
                .collect(),
            ceremony: ceremony.clone(),
        };
        winners::insert(tx, &round.award_id, &archived).await?;
        rounds::set_published(tx, &round.id, public_at).await?;
        let own = |entry: &Entry| choices.iter().find(|c| c.application_id == entry.application_id);
        // Winners first: the chosen kommuner's mail is queued, and so sent, before the others'.
        let mut entries: Vec<&Entry> = entries.iter().collect();
        entries.sort_by_key(|e| own(e).is_none());
        for entry in entries {
            let own = own(entry);
            let notice = messages::OutcomeNotice {
                award: &round.award_id,
                round_title: &round.title,
                kommun: &entry.kommun,
                winner: winner_name,
                own: own.map(|c| (c.outcome, c.motivation.as_str())),
                ceremony: &ceremony,
            };
            // The others a second later, so that the chosen are sent first.
            let due = if own.is_some() { public_at } else { public_at + chrono::Duration::seconds(1) };
            for person in users::applicants_of(tx, &entry.kommun_kod).await? {
                let mail = messages::outcome(&person.email, &person.name, &cx.settings().base_url, &notice);
                mail_queue::enqueue_at(tx, &mail, now, due).await?;
            }
        }
        Ok(())
    }

    pub async fn log() -> Result<Vec<LogLine>, AppError> {
        let (cx, _) = managed_round().await?;
        log_lines(cx.db()).await
    }

    /// The whole audit log, newest first; the caller has checked that an organiser asks.
    pub async fn log_lines(db: &Db) -> Result<Vec<LogLine>, AppError> {
        Ok(audit::list(&mut *db.conn().await?).await?.into_iter().map(log_line).collect())
    }
}
