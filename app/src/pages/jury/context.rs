//! The kommun behind an application, in the jury's reading view: its län and
//! population and its earlier applications (`KommunContextBox`);
//! `/jury/ansokan/{id}/tidigare/{earlier}`: an earlier application as it was
//! submitted; `/jury/ansokan/{id}/forandringar`: what changed since the latest
//! earlier one, section by section.

use super::review::ApplicationText;
use crate::{
    api::jury::{
        context::{
            ChangesView, EarlierView, KommunFacts, changes_href, changes_since, earlier_application, earlier_href,
            kommun_context,
        },
        review_href,
    },
    components::loaded::when_loaded,
    domain::changes::{Piece, SectionChanges},
    i18n::texts,
    pages::not_found::NotFoundPage,
};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

fn param(name: &str) -> String {
    use_params_map().with_untracked(|p| p.get(name).unwrap_or_default())
}

/// "Om kommunen", under the application's heading; nothing with jäv.
#[component]
pub fn KommunContextBox(application: String) -> impl IntoView {
    let data = OnceResource::new(kommun_context(application.clone()));
    when_loaded(data, move |found| {
        found.map(|context| view! { <ContextFacts context application=application.clone() /> })
    })
}

#[component]
fn ContextFacts(context: KommunFacts, application: String) -> impl IntoView {
    let k = texts().k;
    let population = match context.population {
        Some(figure) => view! {
            {(k.population_value)(&(k.number)(figure.population.unsigned_abs()), figure.year)}
            <br />
            <span class="hint">{(k.population_source)(&figure.source)}</span>
        }
        .into_any(),
        None => k.population_missing.into_any(),
    };
    let latest_year = context.earlier.first().map(|e| e.year);
    let earlier = if context.earlier.is_empty() {
        view! { <p>{k.earlier_none}</p> }.into_any()
    } else {
        view! {
            <ul>
                {context.earlier.iter().map(|e| view! {
                    <li><a href=earlier_href(&application, &e.application_id)>{e.round_title.clone()}</a></li>
                }).collect_view()}
            </ul>
            {latest_year.map(|year| view! { <p><a href=changes_href(&application)>{(k.changes_link)(year)}</a></p> })}
        }
        .into_any()
    };
    view! {
        <section class="kommun-context" aria-labelledby="om-kommunen">
            <h2 id="om-kommunen">{k.context_heading}</h2>
            <dl class="facts">
                <dt>{k.lan}</dt>
                <dd>{context.lan}</dd>
                <dt>{k.population}</dt>
                <dd>{population}</dd>
                <dt>{k.earlier_heading}</dt>
                <dd>{earlier}</dd>
            </dl>
        </section>
    }
}

#[component]
pub fn EarlierApplicationPage() -> impl IntoView {
    let data = OnceResource::new(earlier_application(param("application"), param("earlier")));
    view! {
        <div class="wrap page reading">
            {when_loaded(data, |found| match found {
                None => view! { <NotFoundPage /> }.into_any(),
                Some(page) => view! { <Earlier page /> }.into_any(),
            })}
        </div>
    }
}

#[component]
fn Earlier(page: EarlierView) -> impl IntoView {
    let k = texts().k;
    let EarlierView { application_id, year, year_now, latest, text } = page;
    view! {
        <Title text=(k.earlier_title)(&text.kommun, year) />
        <nav class="no-print" aria-label=k.earlier_heading>
            <ul class="actions">
                <li><a href=review_href(&application_id)>{k.back_to_application}</a></li>
                {latest.then(|| view! { <li><a href=changes_href(&application_id)>{(k.changes_link)(year)}</a></li> })}
            </ul>
        </nav>
        <p class="notice">{(k.earlier_notice)(year, year_now)}</p>
        <ApplicationText text id="tidigare" />
    }
}

#[component]
pub fn ChangesPage() -> impl IntoView {
    let data = OnceResource::new(changes_since(param("application")));
    view! {
        <div class="wrap page reading">
            {when_loaded(data, |found| match found {
                None => view! { <NotFoundPage /> }.into_any(),
                Some(page) => view! { <Changes page /> }.into_any(),
            })}
        </div>
    }
}

#[component]
fn Changes(page: ChangesView) -> impl IntoView {
    let k = texts().k;
    let title = (k.changes_title)(&page.kommun, page.earlier.year);
    let earlier_year = page.earlier.year;
    view! {
        <Title text=title.clone() />
        <nav class="no-print" aria-label=k.earlier_heading>
            <ul class="actions">
                <li><a href=review_href(&page.application_id)>{k.back_to_application}</a></li>
                <li><a href=earlier_href(&page.application_id, &page.earlier.application_id)>{(k.read_earlier)(earlier_year)}</a></li>
            </ul>
        </nav>
        <h1>{title}</h1>
        <p class="lead">{(k.changes_intro)(page.year, earlier_year)}</p>
        <p>{k.legend}" "<ins>{k.legend_added}</ins>", "<del>{k.legend_removed}</del>"."</p>
        {page.sections.into_iter().enumerate().map(|(i, section)| view! {
            <ChangedSection section id=format!("andring-{i}") earlier_year />
        }).collect_view()}
    }
}

#[component]
fn ChangedSection(section: SectionChanges, id: String, earlier_year: i64) -> impl IntoView {
    let k = texts().k;
    let summary = if section.pieces.is_empty() {
        k.nothing_written.to_owned()
    } else if section.unchanged() {
        (k.unchanged)(earlier_year)
    } else {
        (k.section_count)(section.added_words, section.removed_words)
    };
    let pieces = section.pieces.into_iter().map(|piece| match piece {
        Piece::Kept(text) => text.into_any(),
        Piece::Added(text) => view! {
            <ins><span class="visually-hidden">{k.added_start}</span>{text}<span class="visually-hidden">{k.change_end}</span></ins>
        }
        .into_any(),
        Piece::Removed(text) => view! {
            <del><span class="visually-hidden">{k.removed_start}</span>{text}<span class="visually-hidden">{k.change_end}</span></del>
        }
        .into_any(),
    });
    let labelled_by = id.clone();
    view! {
        <section aria-labelledby=labelled_by>
            <h2 id=id>{section.title}</h2>
            <p class="change-count">{summary}</p>
            <p class="changes prewrap">{pieces.collect_view()}</p>
        </section>
    }
}
