//! Submitting, the receipt's copy, and reopening.

use super::{ssr::*, *};
use crate::{
    api::form::{ApplyProblem, Done, FormId, Problems, done_href, run},
    domain::{
        application::{CONTACT_PARTS, SUMMARY, parts, reference, submit_problems},
        policy::Action,
        round::Round,
        swedish,
    },
    mail::messages,
    storage::{applications, mail_queue, submissions, users},
};

pub async fn submit(application: String, request_key: String) -> FormReply {
    let problems = Problems::new(FormId::SubmitApplication);
    let page = format!("{APPLICATION_PAGE}/skicka-in");
    run(&page, problems.clone(), async move {
        let owned = owned(&application, Action::SubmitApplication).await?;
        let now = owned.cx.now;
        let db = owned.cx.db();
        let mut tx = db.begin_write().await?;
        let status = applications::lock(&mut tx, &application, now).await?.ok_or(AppError::NotFound)?;
        if let Some(done) = submissions::by_request_key(&mut tx, &application, &request_key).await? {
            // The same request again (a double click, a retry): its receipt. A key from
            // before a reopening is an outdated page, not a new submission.
            let latest = submissions::next_number(&mut tx, &application).await? - 1;
            if status == Status::Submitted && done.number == latest {
                tx.commit().await?;
                return Ok(Ok(receipt_href(done.number)));
            }
            return Ok(Err(refused(problems, ApplyProblem::OutdatedForm)));
        }
        if let Err(refusal) = owned.may(Action::SubmitApplication, status, now)? {
            return Ok(Err(refused(problems, ApplyProblem::Refused(refusal))));
        }
        let current = applications::parts(&mut tx, &application).await?;
        let text_of = |part: &str| current.iter().find(|p| p.part == part).map_or("", |p| p.body.as_str());
        if !submit_problems(&owned.round.sections, text_of).is_empty() {
            return Ok(Err(refused(problems, ApplyProblem::NotReady)));
        }
        let copy: Vec<(String, String)> =
            parts(&owned.round.sections).into_iter().map(|part| (part.to_owned(), text_of(part).to_owned())).collect();
        let number = submissions::next_number(&mut tx, &application).await?;
        let (kommun_kod, kommun) = kommun_of(&owned.cx.viewer)?;
        let reference = reference(&owned.round.title, owned.round.year, &kommun_kod, number);
        submissions::insert(
            &mut tx,
            &submissions::NewSubmission {
                application_id: &application,
                number,
                reference: &reference,
                request_key: &request_key,
                user_id: &owned.cx.viewer.user_id,
                user_name: &owned.cx.viewer.name,
                at: now,
                parts: &copy,
            },
        )
        .await?;
        applications::set_status(&mut tx, &application, Status::Submitted).await?;
        let receipt_copy = mail_copy(&owned.round, &copy);
        let submitted_local = swedish::long_date_time(local(now));
        let receipt = messages::Receipt {
            round_title: &owned.round.title,
            kommun: &kommun,
            reference: &reference,
            submitted_local: &submitted_local,
            submitted_by: &owned.cx.viewer.name,
            copy: &receipt_copy,
        };
        let base_url = owned.cx.settings().base_url.clone();
        for person in users::applicants_of(&mut tx, &kommun_kod).await? {
            let mail = messages::receipt(&person.email, &person.name, &base_url, &receipt);
            mail_queue::enqueue(&mut tx, &mail, now).await?;
        }
        tx.commit().await?;
        tracing::info!(application = %application, %reference, "application submitted");
        Ok(Ok(receipt_href(number)))
    })
    .await
}

/// The submitted text as the receipt shows it: sections by title, then
/// the summary, then the contact person on one block.
pub fn mail_copy(round: &Round, copy: &[(String, String)]) -> Vec<(String, String)> {
    let text_of = |part: &str| copy.iter().find(|(p, _)| p == part).map_or("", |(_, b)| b.as_str());
    let mut out: Vec<(String, String)> =
        round.sections.iter().map(|s| (s.title.clone(), text_of(&s.slug).to_owned())).collect();
    out.push(("Sammanfattning".to_owned(), text_of(SUMMARY).to_owned()));
    let contact: Vec<&str> = CONTACT_PARTS.iter().map(|p| text_of(p)).filter(|t| !t.is_empty()).collect();
    out.push(("Kontaktperson".to_owned(), contact.join("\n")));
    out
}

pub async fn reopen(application: String) -> FormReply {
    let problems = Problems::new(FormId::ReopenApplication);
    run(APPLICATION_PAGE, problems.clone(), async move {
        let owned = owned(&application, Action::ReopenApplication).await?;
        let now = owned.cx.now;
        let mut tx = owned.cx.db().begin_write().await?;
        let status = applications::lock(&mut tx, &application, now).await?.ok_or(AppError::NotFound)?;
        if let Err(refusal) = owned.may(Action::ReopenApplication, status, now)? {
            // Reopened already (a second click): nothing more to do.
            if refusal == Refusal::NotSubmitted && status == Status::Reopened {
                return Ok(Ok(done_href(APPLICATION_PAGE, Done::ApplicationReopened)));
            }
            return Ok(Err(refused(problems, ApplyProblem::Refused(refusal))));
        }
        applications::set_status(&mut tx, &application, Status::Reopened).await?;
        tx.commit().await?;
        Ok(Ok(done_href(APPLICATION_PAGE, Done::ApplicationReopened)))
    })
    .await
}
