//! `/ansokan/forhandsgranska`: the whole application as the jury will read it, printable.

use super::{editor::AwaitingApproval, label_of};
use crate::{
    api::application::{APPLICATION_PAGE, my_application},
    components::{loaded::when_loaded, text_as_written::TextAsWritten},
    domain::application::{CONTACT_PARTS, SUMMARY},
    i18n::texts,
};
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn PreviewPage() -> impl IntoView {
    let t = texts();
    let data = OnceResource::new(my_application());
    view! {
        <Title text=t.ap.preview_title />
        <div class="wrap page reading">
            {when_loaded(data, |view| {
                let t = texts();
                let Some(view) = view else { return view! { <p>{t.ap.no_round}</p> }.into_any() };
                if view.awaiting_approval {
                    return view! { <AwaitingApproval /> }.into_any();
                }
                let text_of = |part: &str| view.parts.iter().find(|p| p.part == part).map(|p| p.body.clone()).unwrap_or_default();
                let contact: Vec<(String, String)> = CONTACT_PARTS
                    .iter()
                    .map(|p| (label_of(p, ""), text_of(p)))
                    .collect();
                view! {
                    <p class="no-print"><a href=APPLICATION_PAGE>{t.ap.back_to_editor}</a></p>
                    <p class="notice no-print">{t.ap.preview_intro}</p>
                    <h1>{(t.ap.heading)(&view.kommun)}</h1>
                    <p class="lead">{view.round_title.clone()}</p>
                    <section aria-labelledby="del-sammanfattning">
                        <h2 id="del-sammanfattning">{t.ap.summary_label}</h2>
                        <TextAsWritten text=text_of(SUMMARY) />
                    </section>
                    {view.parts.iter().filter(|p| p.part != SUMMARY && !CONTACT_PARTS.contains(&p.part.as_str())).map(|p| view! {
                        <section aria-labelledby=format!("del-{}", p.part)>
                            <h2 id=format!("del-{}", p.part)>{p.title.clone()}</h2>
                            <TextAsWritten text=p.body.clone() />
                        </section>
                    }).collect_view()}
                    <section aria-labelledby="kontaktperson">
                        <h2 id="kontaktperson">{t.ap.contact_heading}</h2>
                        <dl class="facts">
                            {contact.into_iter().map(|(label, value)| view! { <dt>{label}</dt><dd>{value}</dd> }).collect_view()}
                        </dl>
                    </section>
                }.into_any()
            })}
        </div>
    }
}
