//! `/arrangor/omgangar`: the award's rounds, the one being prepared (open it,
//! or remove it), and a new round copied from an earlier one.

use crate::{
    api::organiser::rounds::{RoundLine, rounds_overview},
    components::{
        form::{CheckField, PortalForm, RadioField, SubmitButton, TextField},
        loaded::when_loaded,
        scrolling_table::ScrollingTable,
    },
    domain::lifecycle::RoundState,
    i18n::texts,
    pages::account::DoneNotice,
    wiring::FormId,
};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;

#[component]
pub fn RoundsPage() -> impl IntoView {
    let t = texts();
    let data = OnceResource::new(rounds_overview());
    view! {
        <Title text=t.o.rounds_title />
        <div class="wrap page">
            <h1>{t.o.rounds_title}</h1>
            <DoneNotice />
            {when_loaded(data, |overview| view! { <Rounds rounds=overview.rounds next_year=overview.next_year /> })}
        </div>
    }
}

#[component]
fn Rounds(rounds: Vec<RoundLine>, next_year: Option<i32>) -> impl IntoView {
    let t = texts();
    let draft = rounds.iter().find(|r| r.state == RoundState::Draft).cloned();
    let sources: Vec<(String, String)> = rounds.iter().map(|r| (r.id.clone(), r.title.clone())).collect();
    let newest = sources.first().map(|(id, _)| id.clone());
    view! {
        <ScrollingTable id="omgangar-tabell" caption=t.o.rounds_caption>
            <thead><tr>
                <th scope="col">{t.o.year}</th><th scope="col">{t.o.round_name}</th>
                <th scope="col">{t.o.state}</th><th scope="col">{t.o.applications}</th>
            </tr></thead>
            <tbody>
                {rounds.into_iter().map(|r| view! {
                    <tr>
                        <th scope="row">{r.year}</th><td lang="sv">{r.title}</td>
                        <td>{t.o.state_name(r.state)}</td><td>{r.applications}</td>
                    </tr>
                }).collect_view()}
            </tbody>
        </ScrollingTable>
        {draft.map(|d| view! { <Draft round=d /> })}
        <section aria-labelledby="ny-omgang-rubrik">
            <h2 id="ny-omgang-rubrik">{t.o.copy_heading}</h2>
            <p>{t.o.copy_intro}</p>
            <PortalForm action=crate::api::organiser::rounds::CopyRound::PATH id=FormId::NewRound>
                <RadioField name="source" legend=t.o.copy_source options=sources.clone() checked=newest.clone().unwrap_or_default() />
                <TextField name="year" label=t.o.year kind="number" value=next_year.map(|y| y.to_string()).unwrap_or_default() required=true />
                <TextField name="title" label=t.o.round_name required=true maxlength=200 />
                <TextField name="opens" label=t.o.opens_label kind="date" required=true />
                <TextField name="deadline" label=t.o.deadline_label kind="date" hint=t.o.deadline_hint required=true />
                <TextField name="ceremony" label=t.o.ceremony_label kind="datetime-local" required=true />
                <TextField name="ceremony_place" label=t.o.ceremony_place_label required=true maxlength=200 />
                <SubmitButton label=t.o.copy_button />
            </PortalForm>
        </section>
    }
}

/// The round being prepared: open it, or remove it.
#[component]
fn Draft(round: RoundLine) -> impl IntoView {
    let t = texts();
    let id = round.id.clone();
    view! {
        <section aria-labelledby="utkast-rubrik">
            <h2 id="utkast-rubrik" lang="sv">{(t.o.draft_heading)(&round.title)}</h2>
            <p><a href=crate::api::organiser::rounds::DRAFT_PAGE>{t.o.edit_draft_link}</a></p>
            <p>{t.o.open_draft_consequence}</p>
            <PortalForm action=crate::api::organiser::rounds::OpenRound::PATH id=FormId::OpenRound>
                <input type="hidden" name="round" value=round.id.clone() />
                <CheckField name="confirm" label=t.o.confirm_step />
                <SubmitButton label=t.o.open_draft_button />
            </PortalForm>
            <p>{t.o.remove_draft_consequence}</p>
            <PortalForm action=crate::api::organiser::rounds::DeleteRound::PATH id=FormId::DeleteRound>
                <input type="hidden" name="round" value=id.clone() />
                <CheckField name="confirm_removal" label=t.o.remove_draft_confirm />
                <SubmitButton label=t.o.remove_draft_button />
            </PortalForm>
        </section>
    }
}
