//! The accessibility statement: read by anyone, kept by organisers, and the
//! feedback form any visitor may use (organisers are told by e-mail).

// A server function's arguments are its form's fields, however many the form has.
#![allow(clippy::too_many_arguments)]

use crate::api::form::FormReply;
use crate::{
    domain::accessibility::{Feedback, Statement},
    error::AppError,
};
use chrono::NaiveDateTime;
use leptos::{prelude::*, server_fn::codec::GetUrl};

pub const STATEMENT_PAGE: &str = "/tillganglighet";
pub const STATEMENT_ADMIN_PAGE: &str = "/arrangor/tillganglighet";

#[server(endpoint = "accessibility_statement", input = GetUrl)]
pub async fn accessibility_statement() -> Result<Option<Statement>, AppError> {
    let cx = crate::api::cx::Cx::anyone(crate::domain::policy::OwnAction::ReadPublic)?;
    Ok(crate::storage::accessibility::statement(&mut *cx.db().conn().await?).await?)
}

/// The feedback received, newest first, with when (Swedish time): for organisers.
#[server(endpoint = "accessibility_feedback", input = GetUrl)]
pub async fn accessibility_feedback() -> Result<Vec<(NaiveDateTime, Feedback)>, AppError> {
    ssr::feedback().await
}

#[server(endpoint = "save_accessibility_statement")]
pub async fn save_accessibility_statement(
    organisation: String,
    #[server(default)] compliance: String,
    known_issues: String,
    alternatives: String,
    contact_email: String,
    tested: String,
    published_on: String,
    reviewed_on: String,
) -> Result<FormReply, AppError> {
    let form = crate::domain::accessibility::StatementInput {
        organisation,
        compliance,
        known_issues,
        alternatives,
        contact_email,
        tested,
        published_on,
        reviewed_on,
    };
    Ok(ssr::save(form).await)
}

/// A visitor's report of something that hindered them; anyone may send one.
#[server(endpoint = "send_accessibility_feedback")]
pub async fn send_accessibility_feedback(
    message: String,
    #[server(default)] page: String,
    #[server(default)] reply_to: String,
) -> Result<FormReply, AppError> {
    Ok(ssr::send(message, page, reply_to).await)
}

#[cfg(feature = "ssr")]
mod ssr {
    use super::*;
    use crate::{
        api::{
            cx::Cx,
            form::{Done, FormId, Problem, Problems, done_href, run},
            limits,
        },
        domain::{
            accessibility::{StatementInput, StatementProblem, checked_feedback, checked_statement},
            account::Role,
            deadline::to_stockholm,
            policy::OwnAction,
            throttle,
        },
        mail::messages,
        storage::{accessibility, audit, mail_queue, users},
    };

    /// The form back with the problems found, by field.
    fn refused(mut problems: Problems, found: Vec<(&'static str, StatementProblem)>) -> Problems {
        for (field, problem) in found {
            problems.add(field, Problem::Statement(problem));
        }
        problems
    }

    pub async fn feedback() -> Result<Vec<(NaiveDateTime, Feedback)>, AppError> {
        let cx = Cx::manager()?;
        Ok(accessibility::feedback(&mut *cx.db().conn().await?)
            .await?
            .into_iter()
            .map(|(at, f)| (to_stockholm(at), f))
            .collect())
    }

    pub async fn save(form: StatementInput) -> FormReply {
        let mut problems = Problems::new(FormId::Statement);
        for (field, value) in form.fields() {
            problems = problems.keep(field, value);
        }
        run(STATEMENT_ADMIN_PAGE, problems.clone(), async move {
            let cx = Cx::manager()?;
            let statement = match checked_statement(&form) {
                Ok(statement) => statement,
                Err(found) => return Ok(Err(refused(problems, found))),
            };
            let now = cx.now;
            let mut tx = cx.db().begin_write().await?;
            accessibility::save(&mut tx, &statement, Some(&cx.viewer.name), false).await?;
            audit::record(&mut tx, cx.actor(), None, "tillganglighet", "Tillgänglighetsredogörelsen uppdaterad", now)
                .await?;
            tx.commit().await?;
            Ok(Ok(done_href(STATEMENT_ADMIN_PAGE, Done::StatementSaved)))
        })
        .await
    }

    pub async fn send(message: String, page: String, reply_to: String) -> FormReply {
        let problems =
            Problems::new(FormId::Feedback).keep("message", &message).keep("page", &page).keep("reply_to", &reply_to);
        run(STATEMENT_PAGE, problems.clone(), async move {
            let cx = Cx::anyone(OwnAction::GiveFeedback)?;
            let feedback = match checked_feedback(&message, &page, &reply_to) {
                Ok(feedback) => feedback,
                Err(found) => return Ok(Err(refused(problems, found))),
            };
            let now = cx.now;
            // Each message mails every organiser: a client sends a handful an hour.
            if let Some(wait) = limits::client_over(cx.db(), "synpunkt", throttle::FEEDBACK_PER_CLIENT, now).await? {
                let mut problems = problems;
                problems.add("", Problem::TooManyRequests { minutes: throttle::whole_minutes(wait) });
                return Ok(Err(problems));
            }
            let organisers: Vec<users::StoredUser> = users::list(&mut *cx.db().conn().await?)
                .await?
                .into_iter()
                .filter(|u| u.role == Role::Organiser && !u.blocked && u.email_confirmed)
                .collect();
            let mut tx = cx.db().begin_write().await?;
            accessibility::add_feedback(&mut tx, &feedback, now).await?;
            for organiser in &organisers {
                let mail = messages::accessibility_feedback(
                    &organiser.email,
                    &organiser.name,
                    &cx.settings().base_url,
                    &feedback,
                );
                mail_queue::enqueue(&mut tx, &mail, now).await?;
            }
            tx.commit().await?;
            tracing::info!(organisers = organisers.len(), "accessibility feedback received");
            Ok(Ok(done_href(&format!("{STATEMENT_PAGE}#synpunkter"), Done::FeedbackSent)))
        })
        .await
    }
}
