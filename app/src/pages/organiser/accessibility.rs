//! `/arrangor/tillganglighet`: the organisers keep the accessibility statement
//! and read what visitors have reported.

use crate::{
    api::public::accessibility::{STATEMENT_PAGE, accessibility_feedback, accessibility_statement},
    components::{
        form::{PortalForm, RadioField, SubmitButton, TextAreaField, TextField},
        loaded::when_loaded,
        scrolling_table::ScrollingTable,
    },
    domain::accessibility::{Compliance, Feedback, Statement},
    i18n::texts,
    pages::account::DoneNotice,
    wiring::FormId,
};
use chrono::NaiveDateTime;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;

#[component]
pub fn AccessibilityAdminPage() -> impl IntoView {
    let a = texts().acc;
    let statement = OnceResource::new(accessibility_statement());
    let feedback = OnceResource::new(accessibility_feedback());
    view! {
        <Title text=a.admin_title />
        <div class="wrap page">
            <h1>{a.admin_title}</h1>
            <DoneNotice />
            <p>{a.admin_intro}" "<a href=STATEMENT_PAGE>{texts().accessibility_title}</a></p>
            {when_loaded(statement, |statement| view! { <StatementForm statement /> })}
            {when_loaded(feedback, |received| view! { <ReceivedFeedback received /> })}
        </div>
    }
}

#[component]
fn StatementForm(statement: Option<Statement>) -> impl IntoView {
    let a = texts().acc;
    let value = |f: fn(&Statement) -> String| statement.as_ref().map(f).unwrap_or_default();
    let organisation = value(|s| s.organisation.clone());
    let known_issues = value(|s| s.known_issues.join("\n"));
    let alternatives = value(|s| s.alternatives.clone());
    let contact_email = value(|s| s.contact_email.clone());
    let tested = value(|s| s.tested.clone());
    let published_on = value(|s| s.published_on.format("%Y-%m-%d").to_string());
    let reviewed_on = value(|s| s.reviewed_on.format("%Y-%m-%d").to_string());
    let compliance = statement.as_ref().map(|s| s.compliance.code().to_owned()).unwrap_or_default();
    let options: Vec<(String, String)> = Compliance::ALL
        .iter()
        .zip(a.compliance_names)
        .map(|(c, name)| (c.code().to_owned(), name.to_owned()))
        .collect();
    view! {
        <PortalForm action=crate::api::public::accessibility::SaveAccessibilityStatement::PATH id=FormId::Statement>
            <TextField name="organisation" label=a.organisation value=organisation.clone() required=true maxlength=200 />
            <RadioField name="compliance" legend=a.compliance_legend options=options.clone() checked=compliance.clone() />
            <TextAreaField name="known_issues" label=a.known_issues hint=a.known_issues_hint value=known_issues.clone() rows=6 />
            <TextAreaField name="alternatives" label=a.alternatives value=alternatives.clone() rows=4 />
            <TextField name="contact_email" label=a.contact_email kind="email" value=contact_email.clone() required=true />
            <TextAreaField name="tested" label=a.tested value=tested.clone() rows=5 />
            <TextField name="published_on" label=a.published_on hint=a.date_hint value=published_on.clone() required=true />
            <TextField name="reviewed_on" label=a.reviewed_on hint=a.date_hint value=reviewed_on.clone() required=true />
            <SubmitButton label=a.save />
        </PortalForm>
    }
}

#[component]
fn ReceivedFeedback(received: Vec<(NaiveDateTime, Feedback)>) -> impl IntoView {
    let t = texts();
    let a = t.acc;
    view! {
        <section aria-labelledby="synpunkter">
            <h2 id="synpunkter">{a.feedback_heading}</h2>
            {if received.is_empty() {
                view! { <p>{a.feedback_none}</p> }.into_any()
            } else {
                view! {
                    <ScrollingTable id="synpunkter-tabell" caption=a.feedback_caption>
                        <thead><tr>
                            <th scope="col">{a.received}</th>
                            <th scope="col">{a.page}</th>
                            <th scope="col">{a.feedback_column}</th>
                            <th scope="col">{a.reply_to_column}</th>
                        </tr></thead>
                        <tbody>
                            {received.into_iter().map(|(at, f)| view! {
                                <tr>
                                    <th scope="row">{(t.long_date_time)(at)}</th>
                                    <td>{if f.page.is_empty() { a.no_page.to_owned() } else { f.page }}</td>
                                    <td class="prewrap">{f.message}</td>
                                    <td>{f.reply_to.unwrap_or_else(|| a.no_reply.to_owned())}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </ScrollingTable>
                }.into_any()
            }}
        </section>
    }
}
