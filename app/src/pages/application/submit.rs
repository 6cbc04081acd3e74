//! `/ansokan/skicka-in` (check, then confirm) and `/ansokan/inskickad/{nummer}` (the receipt).

use super::{editor::AwaitingApproval, label_of, submit_problem_text};
use crate::{
    api::application::{APPLICATION_PAGE, SubmissionView, my_application, my_submission, receipt_href},
    components::{
        form::{PortalForm, SubmitButton},
        loaded::when_loaded,
        text_as_written::TextAsWritten,
    },
    domain::application::{CONTACT_PARTS, Refusal},
    i18n::texts,
    wiring::FormId,
};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn SubmitPage() -> impl IntoView {
    let t = texts();
    let data = OnceResource::new(my_application());
    view! {
        <Title text=t.ap.submit_title />
        <div class="wrap page narrow">
            <h1>{t.ap.submit_title}</h1>
            {when_loaded(data, |view| {
                let t = texts();
                let Some(view) = view else { return view! { <p>{t.ap.no_round}</p> }.into_any() };
                if view.awaiting_approval {
                    return view! { <AwaitingApproval /> }.into_any();
                }
                let back = view! { <p><a href=APPLICATION_PAGE>{t.ap.back_to_editor}</a></p> };
                match view.refusal {
                    Some(Refusal::Submitted) => {
                        let latest = view.submissions.first().map(|s| receipt_href(s.number)).unwrap_or_default();
                        return view! {
                            <p class="notice">{t.ap.already_submitted}</p>
                            <p><a href=latest>{t.ap.see_receipt}</a></p>
                        }.into_any();
                    }
                    Some(Refusal::Closed { .. }) => {
                        return view! { <p class="notice notice-closed">{(t.ap.closed)(&(t.long_date_time)(view.deadline_local))}</p>{back} }.into_any();
                    }
                    Some(_) => return view! { <p class="notice">{t.ap.not_yet_open}</p>{back} }.into_any(),
                    None => {}
                }
                let undecided: Vec<(String, String)> = view
                    .parts
                    .iter()
                    .filter(|p| p.conflict.is_some())
                    .map(|p| (p.part.clone(), super::part_label(p)))
                    .collect();
                let undecided = (!undecided.is_empty()).then(|| view! {
                        <div class="notice conflict" role="note">
                            <p>{t.ap.undecided_copies}</p>
                            <ul>
                                {undecided.into_iter().map(|(part, label)| view! {
                                    <li><a href=format!("{APPLICATION_PAGE}#del-{part}")>{label}</a></li>
                                }).collect_view()}
                            </ul>
                        </div>
                    });
                if !view.problems.is_empty() {
                    return view! {
                        {undecided}
                        <div class="error-summary" role="alert">
                            <h2>{t.ap.not_ready_heading}</h2>
                            <ul>
                                {view.problems.iter().map(|p| view! {
                                    <li><a href=format!("{APPLICATION_PAGE}#del-{}", p.part())>{submit_problem_text(&view, p)}</a></li>
                                }).collect_view()}
                            </ul>
                        </div>
                        {back}
                    }.into_any();
                }
                let application = view.id.clone().unwrap_or_default();
                view! {
                    {undecided}
                    <p>{(t.ap.submit_intro)(&view.kommun, &view.round_title, &(t.long_date_time)(view.deadline_local))}</p>
                    <p><a href=format!("{APPLICATION_PAGE}/forhandsgranska")>{t.ap.preview_first}</a></p>
                    <PortalForm action=crate::api::application::SubmitApplication::PATH id=FormId::SubmitApplication>
                        <input type="hidden" name="application" value=application.clone() />
                        <input type="hidden" name="request_key" value=view.request_key.clone() />
                        <SubmitButton label=t.ap.submit_button />
                    </PortalForm>
                    {back}
                }.into_any()
            })}
        </div>
    }
}

#[component]
pub fn ReceiptPage() -> impl IntoView {
    let t = texts();
    let params = use_params_map();
    let number = params.with_untracked(|p| p.get("number").and_then(|n| n.parse::<i64>().ok()).unwrap_or(0));
    let data = OnceResource::new(my_submission(number));
    view! {
        <Title text=t.ap.receipt_title />
        <div class="wrap page reading">
            {when_loaded(data, |found| match found {
                None => view! { <crate::pages::not_found::NotFoundPage /> }.into_any(),
                Some(s) => view! { <Receipt submission=s /> }.into_any(),
            })}
        </div>
    }
}

#[component]
fn Receipt(submission: SubmissionView) -> impl IntoView {
    let t = texts();
    let s = &submission.summary;
    let contact: Vec<(String, String)> = submission
        .parts
        .iter()
        .filter(|(_, part, _)| CONTACT_PARTS.contains(&part.as_str()))
        .map(|(_, part, body)| (label_of(part, ""), body.clone()))
        .collect();
    view! {
        <h1>{if submission.is_latest { t.ap.receipt_title } else { t.ap.earlier_submission_title }}</h1>
        <p class="notice notice-done" role="status">
            {(t.ap.receipt_body)(&submission.kommun, &s.reference, &(t.long_date_time)(s.submitted_local), &s.submitted_by)}
        </p>
        <p class="no-print">{t.ap.receipt_mail_sent}" "<a href=APPLICATION_PAGE>{t.ap.back_to_editor}</a></p>
        <p class="lead">{submission.round_title.clone()}</p>
        {submission.parts.iter().filter(|(_, part, _)| !CONTACT_PARTS.contains(&part.as_str())).map(|(title, part, body)| view! {
            <section>
                <h2>{label_of(part, title)}</h2>
                <TextAsWritten text=body.clone() />
            </section>
        }).collect_view()}
        <section>
            <h2>{t.ap.contact_heading}</h2>
            <dl class="facts">
                {contact.into_iter().map(|(label, value)| view! { <dt>{label}</dt><dd>{value}</dd> }).collect_view()}
            </dl>
        </section>
    }
}
