//! `/ansokan/historik/{del}`: every saved version of one part, each readable,
//! and any earlier one restorable as the newest.

use super::label_of;
use crate::{
    api::application::{APPLICATION_PAGE, HistoryView, part_history},
    components::{
        form::{PortalForm, SubmitButton},
        loaded::when_loaded,
        scrolling_table::ScrollingTable,
        text_as_written::TextAsWritten,
    },
    i18n::texts,
    wiring::FormId,
};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

#[component]
pub fn HistoryPage() -> impl IntoView {
    let t = texts();
    let part = use_params_map().with_untracked(|p| p.get("part").unwrap_or_default());
    let version = use_query_map().with_untracked(|q| q.get("version").and_then(|v| v.parse::<i64>().ok()));
    let data = OnceResource::new(part_history(part, version));
    view! {
        <Title text=t.ap.history_title />
        <div class="wrap page">
            {when_loaded(data, |found| match found {
                None => view! { <crate::pages::not_found::NotFoundPage /> }.into_any(),
                Some(history) => view! { <History history /> }.into_any(),
            })}
        </div>
    }
}

#[component]
fn History(history: HistoryView) -> impl IntoView {
    let t = texts();
    let label = label_of(&history.part, &history.title);
    let part = history.part.clone();
    let shown = history.shown.clone();
    let may_restore = shown.as_ref().is_some_and(|s| history.editable && s.version != history.current_version);
    view! {
        <p><a href=format!("{APPLICATION_PAGE}#del-{part}")>{t.ap.back_to_editor}</a></p>
        <h1>{(t.ap.history_heading)(&label)}</h1>
        {if history.versions.is_empty() {
            view! { <p>{t.ap.history_none}</p> }.into_any()
        } else {
            view! {
                <ScrollingTable id="versioner" caption=t.ap.history_caption>
                    <thead><tr>
                        <th scope="col">{t.ap.version}</th><th scope="col">{t.ap.saved_by}</th>
                        <th scope="col">{t.ap.saved_when}</th><th scope="col">{t.ap.chars}</th>
                    </tr></thead>
                    <tbody>
                        {history.versions.iter().map(|v| {
                            let current = v.version == history.current_version;
                            let href = format!("{APPLICATION_PAGE}/historik/{part}?version={}", v.version);
                            view! {
                                <tr>
                                    <td>
                                        <a href=href>{(t.ap.version_name)(v.version)}</a>
                                        {current.then(|| format!(" ({})", t.ap.current))}
                                    </td>
                                    <td>{v.saved_by.clone()}</td>
                                    <td>{(t.long_date_time)(v.saved_local)}</td>
                                    <td>{v.chars}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </ScrollingTable>
            }.into_any()
        }}
        {shown.map(|v| view! {
            <section class="version-shown" aria-labelledby="vald-version">
                <h2 id="vald-version">{(t.ap.version_name)(v.version)}", "{(t.long_date_time)(v.saved_local)}</h2>
                <TextAsWritten text=v.body.clone() />
                {may_restore.then(|| view! {
                    <PortalForm action=crate::api::application::RestoreVersion::PATH id=FormId::RestoreVersion>
                        <input type="hidden" name="application" value=history.application_id.clone() />
                        <input type="hidden" name="part" value=history.part.clone() />
                        <input type="hidden" name="version" value=v.version.to_string() />
                        <p>{t.ap.restore_explained}</p>
                        <SubmitButton label=t.ap.restore_button />
                    </PortalForm>
                })}
            </section>
        })}
    }
}
