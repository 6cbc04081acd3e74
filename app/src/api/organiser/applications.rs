//! Server functions for organisers following the applications of a round:
//! each kommun's status (never the text of a draft) and deadline extensions.

use crate::api::form::FormReply;
use crate::{domain::application::Status, error::AppError};
use chrono::NaiveDateTime;
use leptos::{prelude::*, server_fn::codec::GetUrl};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KommunStatus {
    pub kommun: String,
    pub lan: String,
    pub status: Status,
    pub started_local: NaiveDateTime,
    pub active_local: NaiveDateTime,
    /// The latest submission: its reference and time.
    pub submitted: Option<(String, NaiveDateTime)>,
    pub extension: Option<ExtensionView>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExtensionView {
    pub kommun: String,
    pub deadline_local: NaiveDateTime,
    pub reason: String,
    pub granted_by: String,
    pub granted_local: NaiveDateTime,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoundApplications {
    pub round_title: String,
    pub deadline_local: NaiveDateTime,
    pub rows: Vec<KommunStatus>,
    /// Extensions, also for kommuner that have not begun an application.
    pub extensions: Vec<ExtensionView>,
}

#[server(endpoint = "applications_overview", input = GetUrl)]
pub async fn applications_overview() -> Result<Option<RoundApplications>, AppError> {
    ssr::overview().await
}

#[server(endpoint = "grant_extension")]
pub async fn grant_extension(
    kommun: String,
    date: String,
    time: String,
    reason: String,
) -> Result<FormReply, AppError> {
    Ok(ssr::grant_extension(kommun, date, time, reason).await)
}

/// Reminds every kommun with a begun, unsubmitted application whose deadline has not passed.
#[server(endpoint = "remind_drafts")]
pub async fn remind_drafts() -> Result<FormReply, AppError> {
    Ok(ssr::remind_drafts().await)
}

pub const APPLICATIONS_PAGE: &str = "/arrangor/ansokningar";

#[cfg(feature = "ssr")]
mod ssr {
    use super::*;
    use crate::storage::seed::EHALSOKOMMUN;
    use crate::{
        api::cx::Cx,
        api::form::{ApplyProblem, Done, FormId, Problem, Problems, done_href, run},
        domain::{
            deadline::{Deadline, to_stockholm},
            kommun::{Kommun, choose},
            swedish::collate,
        },
        storage::{applications, extensions, kommuner, submissions},
    };
    use chrono::{NaiveDate, NaiveTime};

    fn name_of(all: &[Kommun], code: &str) -> (String, String) {
        all.iter()
            .find(|k| k.kod.as_str() == code)
            .map_or_else(|| (code.to_owned(), String::new()), |k| (k.namn.clone(), k.lan.clone()))
    }

    pub async fn remind_drafts() -> FormReply {
        run(APPLICATIONS_PAGE, Problems::new(FormId::Remind), async move {
            let cx = Cx::manager()?;
            let viewer = &cx.viewer;
            let by = crate::storage::audit::Actor { user_id: Some(&viewer.user_id), name: &viewer.name };
            let now = cx.now;
            let reminded = crate::mail::reminders::send_now(cx.db(), &cx.settings().base_url, now, by).await?;
            tracing::info!(by = %viewer.user_id, reminded, "reminder sent to drafts");
            Ok(Ok(done_href(APPLICATIONS_PAGE, Done::ReminderSent)))
        })
        .await
    }

    pub async fn overview() -> Result<Option<RoundApplications>, AppError> {
        let cx = Cx::manager()?;
        let db = cx.db();
        let Some(round) = db.current_round(EHALSOKOMMUN).await? else { return Ok(None) };
        let all = kommuner::list(&mut *db.conn().await?).await?;
        let latest = submissions::latest_of_round(&mut *db.conn().await?, &round.id).await?;
        let granted = extensions::of_round(&mut *db.conn().await?, &round.id).await?;
        let extension_view = |e: &extensions::Extension| ExtensionView {
            kommun: name_of(&all, &e.kommun_kod).0,
            deadline_local: e.deadline.local(),
            reason: e.reason.clone(),
            granted_by: e.granted_by_name.clone(),
            granted_local: to_stockholm(e.granted_at),
        };
        let mut rows: Vec<KommunStatus> = applications::of_round(&mut *db.conn().await?, &round.id)
            .await?
            .into_iter()
            .map(|a| {
                let (kommun, lan) = name_of(&all, &a.kommun_kod);
                KommunStatus {
                    kommun,
                    lan,
                    status: a.status,
                    started_local: to_stockholm(a.created_at),
                    active_local: to_stockholm(a.updated_at),
                    submitted: latest
                        .iter()
                        .find(|(id, _)| *id == a.id)
                        .map(|(_, s)| (s.reference.clone(), to_stockholm(s.submitted_at))),
                    extension: granted.iter().find(|e| e.kommun_kod == a.kommun_kod).map(extension_view),
                }
            })
            .collect();
        rows.sort_by(|a, b| collate(&a.kommun, &b.kommun));
        Ok(Some(RoundApplications {
            round_title: round.title,
            deadline_local: round.deadline.local(),
            rows,
            extensions: granted.iter().map(extension_view).collect(),
        }))
    }

    pub async fn grant_extension(kommun: String, date: String, time: String, reason: String) -> FormReply {
        let mut problems = Problems::new(FormId::Extension)
            .keep("kommun", &kommun)
            .keep("date", &date)
            .keep("time", &time)
            .keep("reason", &reason);
        run(APPLICATIONS_PAGE, problems.clone(), async move {
            let cx = Cx::manager()?;
            let viewer = &cx.viewer;
            let db = cx.db();
            let round = db.current_round(EHALSOKOMMUN).await?.ok_or(AppError::NotFound)?;
            let all = kommuner::list(&mut *db.conn().await?).await?;
            let chosen = problems.check("kommun", choose(&kommun, &all).map_err(Problem::Kommun)).cloned();
            let date = NaiveDate::parse_from_str(date.trim(), "%Y-%m-%d").ok();
            if date.is_none() {
                problems.add("date", ApplyProblem::InvalidDate);
            }
            let time = NaiveTime::parse_from_str(time.trim(), "%H:%M").ok();
            if time.is_none() {
                problems.add("time", ApplyProblem::InvalidTime);
            }
            let reason = reason.trim();
            if reason.is_empty() {
                problems.add("reason", ApplyProblem::ReasonMissing);
            }
            let deadline = match (date, time) {
                (Some(d), Some(t)) => match Deadline::in_stockholm(d, t) {
                    Ok(deadline) if deadline.closes_at_utc() > round.deadline.closes_at_utc() => Some(deadline),
                    Ok(_) => {
                        problems.add("date", ApplyProblem::ExtensionNotLater);
                        None
                    }
                    Err(_) => {
                        problems.add("time", ApplyProblem::InvalidTime);
                        None
                    }
                },
                _ => None,
            };
            let (Some(kommun), Some(deadline), true) = (chosen, deadline, problems.is_empty()) else {
                return Ok(Err(problems));
            };
            let now = cx.now;
            extensions::grant(
                &mut *db.conn().await?,
                &round.id,
                kommun.kod.as_str(),
                deadline,
                reason,
                (&viewer.user_id, &viewer.name),
                now,
            )
            .await?;
            tracing::info!(kommun = %kommun.kod.as_str(), by = %viewer.user_id, "deadline extended");
            Ok(Ok(done_href(APPLICATIONS_PAGE, Done::ExtensionGranted)))
        })
        .await
    }
}
