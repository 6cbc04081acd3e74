//! A kommun's application, as its applicants see it: the editor, earlier
//! versions, the preview, submitting and the receipt.

#[cfg(feature = "hydrate")]
mod autosave;
pub mod editor;
pub mod history;
pub mod preview;
pub mod submit;

use crate::{
    api::application::{APPLICATION_PAGE, ApplicationView, PartView, receipt_href},
    components::form::{PortalForm, SubmitButton},
    domain::application::{Refusal, Status, SubmitProblem},
    i18n::texts,
    wiring::FormId,
};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

/// What a part is called: a section's title, or the interface's own label.
pub fn part_label(part: &PartView) -> String {
    label_of(&part.part, &part.title)
}

pub fn label_of(part: &str, title: &str) -> String {
    texts().ap.part_label(part, title)
}

/// A problem that keeps the application from being submitted, with the part's name.
pub fn submit_problem_text(view: &ApplicationView, problem: &SubmitProblem) -> String {
    let t = texts();
    let label = view.parts.iter().find(|p| p.part == problem.part()).map(part_label).unwrap_or_default();
    (t.ap.submit_problem)(&label, problem)
}

/// Where the application stands: deadline, status, submissions, and what can be done next.
#[component]
pub fn ApplicationStatus(view: ApplicationView) -> impl IntoView {
    let t = texts();
    let latest = view.submissions.first().cloned();
    let state = match (view.refusal, view.status) {
        (Some(Refusal::Closed { .. }), _) => (t.ap.closed)(&(t.long_date_time)(view.deadline_local)),
        (Some(Refusal::NotYetOpen), _) => t.ap.not_yet_open.to_owned(),
        (_, Status::Draft) => t.ap.state_draft.to_owned(),
        (_, Status::Submitted) => t.ap.state_submitted.to_owned(),
        (_, Status::Reopened) => t.ap.state_reopened.to_owned(),
    };
    let closed = matches!(view.refusal, Some(Refusal::Closed { .. }));
    let editable = view.refusal.is_none() && view.id.is_some();
    let application = view.id.clone().unwrap_or_default();
    view! {
        <section class="application-status" id="status" aria-labelledby="status-rubrik">
            <h2 id="status-rubrik" class="visually-hidden">{t.ap.status_heading}</h2>
            <p class=if closed { "notice notice-closed" } else { "notice" }><strong>{state}</strong></p>
            <dl class="facts">
                <dt>{t.ap.deadline}</dt>
                <dd>
                    {(t.long_date_time)(view.deadline_local)}
                    {view.extended.then(|| format!(" ({})", t.ap.extended))}
                </dd>
                {latest.map(|s| view! {
                    <dt>{t.ap.latest_submission}</dt>
                    <dd>
                        <a href=receipt_href(s.number)>{s.reference.clone()}</a>
                        {format!(", {} ({})", (t.long_date_time)(s.submitted_local), s.submitted_by)}
                    </dd>
                })}
            </dl>
            {view.id.is_some().then(|| view! {
                <ul class="actions">
                    <li><a href=format!("{APPLICATION_PAGE}/forhandsgranska")>{t.ap.preview_link}</a></li>
                    {editable.then(|| view! { <li><a href=format!("{APPLICATION_PAGE}/skicka-in")>{t.ap.submit_link}</a></li> })}
                </ul>
            })}
            {view.may_reopen.then(|| view! {
                <PortalForm action=crate::api::application::ReopenApplication::PATH id=FormId::ReopenApplication>
                    <input type="hidden" name="application" value=application.clone() />
                    <p>{t.ap.reopen_explained}</p>
                    <SubmitButton label=t.ap.reopen_button />
                </PortalForm>
            })}
        </section>
    }
}
