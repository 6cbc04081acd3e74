//! `/tillganglighet`: the accessibility statement in DIGG's structure, as the
//! organisers keep it, with the form to report a problem and the way to DIGG.

use crate::{
    api::public::accessibility::accessibility_statement,
    components::{
        form::{PortalForm, SubmitButton, TextAreaField, TextField},
        loaded::when_loaded,
    },
    domain::accessibility::{DIGG_COMPLAINT_URL, Statement},
    i18n::texts,
    pages::account::DoneNotice,
    wiring::FormId,
};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;

#[component]
pub fn AccessibilityPage() -> impl IntoView {
    let t = texts();
    let data = OnceResource::new(accessibility_statement());
    view! {
        <Title text=t.accessibility_title />
        <div class="wrap page prose">
            <h1>{t.accessibility_title}</h1>
            {when_loaded(data, |found| match found {
                Some(statement) => view! { <StatementText statement /> }.into_any(),
                None => view! { <p>{texts().error_not_found}</p> }.into_any(),
            })}
        </div>
    }
}

/// In DIGG's order: who stands behind the site, how accessible it is, what to
/// do if a part cannot be used, reporting problems, supervision, the technical
/// information with what is not accessible, how it was tested, and the dates.
#[component]
fn StatementText(statement: Statement) -> impl IntoView {
    let t = texts();
    let a = t.acc;
    let dates = (a.dates)(&(a.long_date)(statement.published_on), &(a.long_date)(statement.reviewed_on));
    let mailto = format!("mailto:{}", statement.contact_email);
    view! {
        <p>{(a.intro)(&statement.organisation)}</p>
        <h2>{a.how_heading}</h2>
        <p>{(a.how)(statement.compliance)}</p>
        <h2>{a.alternatives_heading}</h2>
        <p class="prewrap">{statement.alternatives.clone()}</p>
        <p>{a.contact}<a href=mailto>{statement.contact_email.clone()}</a>"."</p>
        <FeedbackForm />
        <Supervision />
        <h2>{a.technical_heading}</h2>
        <p>{a.technical}</p>
        <p>{(a.compliance)(statement.compliance)}</p>
        <h3>{a.issues_heading}</h3>
        {if statement.known_issues.is_empty() {
            view! { <p>{a.no_issues}</p> }.into_any()
        } else {
            view! { <ul>{statement.known_issues.into_iter().map(|issue| view! { <li>{issue}</li> }).collect_view()}</ul> }.into_any()
        }}
        <h2>{a.tested_heading}</h2>
        <p class="prewrap">{statement.tested.clone()}</p>
        <p>{dates}</p>
    }
}

/// "Rapportera brister": anyone may write, with or without an address for an answer.
#[component]
fn FeedbackForm() -> impl IntoView {
    let a = texts().acc;
    view! {
        <section aria-labelledby="synpunkter">
            <h2 id="synpunkter">{a.report_heading}</h2>
            // Sending returns here: the thanks are said where the reader is.
            <DoneNotice />
            <p>{a.report_intro}</p>
            <PortalForm action=crate::api::public::accessibility::SendAccessibilityFeedback::PATH id=FormId::Feedback>
                <TextAreaField name="message" label=a.message hint=a.message_hint rows=6 />
                <TextField name="page" label=a.page hint=a.page_hint maxlength=200 />
                <TextField name="reply_to" label=a.reply_to hint=a.reply_to_hint kind="email" autocomplete="email" />
                <SubmitButton label=a.send />
            </PortalForm>
        </section>
    }
}

#[component]
fn Supervision() -> impl IntoView {
    let a = texts().acc;
    view! {
        <h2>{a.supervision_heading}</h2>
        <p>{a.supervision}</p>
        <p><a href=DIGG_COMPLAINT_URL rel="external">{a.digg_link}</a></p>
    }
}
