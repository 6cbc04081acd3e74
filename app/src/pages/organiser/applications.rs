//! `/arrangor/ansokningar`: each kommun's application status (never the text
//! of a draft) and the deadline extensions, with the form to grant one.

use crate::{
    api::organiser::applications::{RoundApplications, applications_overview},
    components::{
        form::{PortalForm, SubmitButton, TextField},
        kommun_list::KommunDatalist,
        loaded::when_loaded,
        scrolling_table::ScrollingTable,
    },
    i18n::texts,
    pages::account::DoneNotice,
    wiring::FormId,
};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;

#[component]
pub fn ApplicationsPage() -> impl IntoView {
    let t = texts();
    let data = OnceResource::new(applications_overview());
    view! {
        <Title text=t.ap.overview_title />
        <div class="wrap page">
            <h1>{t.ap.overview_title}</h1>
            <DoneNotice />
            {when_loaded(data, |found| match found {
                None => view! { <p>{texts().ap.no_round}</p> }.into_any(),
                Some(overview) => view! { <Overview overview /> }.into_any(),
            })}
        </div>
    }
}

#[component]
fn Overview(overview: RoundApplications) -> impl IntoView {
    let t = texts();
    let when = t.long_date_time;
    let submitted = overview.rows.iter().filter(|r| r.status.has_submission()).count();
    let drafts = overview.rows.len() - submitted;
    view! {
        <p class="lead">{overview.round_title.clone()}", "{t.ap.deadline}" "{when(overview.deadline_local)}</p>
        <p>{(t.ap.overview_counts)(submitted, drafts)}</p>
        <p class="hint">{t.ap.overview_private}</p>
        <ScrollingTable id="ansokningar" caption=t.ap.overview_caption>
            <thead><tr>
                <th scope="col">{t.a.kommun}</th><th scope="col">{t.ap.lan}</th><th scope="col">{t.ap.status}</th>
                <th scope="col">{t.ap.latest_submission}</th><th scope="col">{t.ap.last_activity}</th>
                <th scope="col">{t.ap.deadline}</th>
            </tr></thead>
            <tbody>
                {overview.rows.into_iter().map(|r| view! {
                    <tr>
                        <th scope="row">{r.kommun}</th>
                        <td>{r.lan}</td>
                        <td>{t.ap.status_name(r.status)}</td>
                        <td>{r.submitted.map(|(reference, at)| format!("{reference}, {}", when(at))).unwrap_or_else(|| "–".into())}</td>
                        <td>{when(r.active_local)}</td>
                        <td>{r.extension.map(|e| format!("{} ({})", when(e.deadline_local), t.ap.extended)).unwrap_or_else(|| "–".into())}</td>
                    </tr>
                }).collect_view()}
            </tbody>
        </ScrollingTable>
        <section aria-labelledby="paminn">
            <h2 id="paminn">{t.o.remind_heading}</h2>
            <p>{t.o.remind_intro}</p>
            <PortalForm action=crate::api::organiser::applications::RemindDrafts::PATH id=FormId::Remind>
                <SubmitButton label=t.o.remind_button />
            </PortalForm>
        </section>
        <section aria-labelledby="forlangningar">
            <h2 id="forlangningar">{t.ap.extensions_heading}</h2>
            {if overview.extensions.is_empty() {
                view! { <p>{t.ap.extensions_none}</p> }.into_any()
            } else {
                view! {
                    <ul class="extensions">
                        {overview.extensions.into_iter().map(|e| view! {
                            <li>{(t.ap.extension_line)(&e.kommun, &when(e.deadline_local), &e.granted_by, &when(e.granted_local))}
                                <br /><span lang="sv">{e.reason}</span></li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
            <h3>{t.ap.extension_form_heading}</h3>
            <p>{t.ap.extension_intro}</p>
            <KommunDatalist />
            <PortalForm action=crate::api::organiser::applications::GrantExtension::PATH id=FormId::Extension>
                <TextField name="kommun" label=t.a.kommun list="kommuner" autocomplete="off" required=true />
                <TextField name="date" label=t.ap.extension_date kind="date" required=true />
                <TextField name="time" label=t.ap.extension_time kind="time" value="23:59".to_owned() required=true />
                <TextField name="reason" label=t.ap.extension_reason required=true hint=t.ap.extension_reason_hint />
                <SubmitButton label=t.ap.extension_button />
            </PortalForm>
        </section>
    }
}
