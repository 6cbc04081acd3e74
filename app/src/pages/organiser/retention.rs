//! `/arrangor/gallring`: the organisers set how long the portal keeps
//! unsuccessful applications and personal data, see exactly what a run would
//! remove now (the dry run), when each round's data goes, and the runs so far.

use crate::{
    api::organiser::retention::{RetentionView, RunRecord, ScheduledRound, retention_overview},
    components::{
        form::{PortalForm, SubmitButton, TextField},
        loaded::when_loaded,
        scrolling_table::ScrollingTable,
    },
    domain::retention::{Item, Periods},
    i18n::texts,
    pages::account::DoneNotice,
    wiring::FormId,
};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;

#[component]
pub fn RetentionPage() -> impl IntoView {
    let r = texts().ret;
    let overview = OnceResource::new(retention_overview());
    view! {
        <Title text=r.title />
        <div class="wrap page">
            <h1>{r.title}</h1>
            <DoneNotice />
            <p>{r.intro}</p>
            {when_loaded(overview, |o: RetentionView| view! {
                <PeriodsForm periods=o.periods set_by_organisers=o.set_by_organisers />
                <DueNow items=o.due_now />
                <Schedule rounds=o.schedule />
                <Runs runs=o.runs />
            })}
        </div>
    }
}

#[component]
fn PeriodsForm(periods: Periods, set_by_organisers: bool) -> impl IntoView {
    let r = texts().ret;
    let applications = periods.applications_months.to_string();
    let personal = periods.personal_months.to_string();
    view! {
        <section aria-labelledby="tider">
            <h2 id="tider">{r.periods_heading}</h2>
            {(!set_by_organisers).then(|| view! { <p>{r.defaults_in_use}</p> })}
            <PortalForm action=crate::api::organiser::retention::SaveRetention::PATH id=FormId::Retention>
                <TextField name="applications_months" label=r.applications_months hint=r.applications_hint
                    kind="number" value=applications.clone() required=true />
                <TextField name="personal_months" label=r.personal_months hint=r.personal_hint
                    kind="number" value=personal.clone() required=true />
                <SubmitButton label=r.save />
            </PortalForm>
        </section>
    }
}

#[component]
fn DueNow(items: Vec<Item>) -> impl IntoView {
    let r = texts().ret;
    view! {
        <section aria-labelledby="provkorning">
            <h2 id="provkorning">{r.dry_heading}</h2>
            <p>{r.dry_intro}</p>
            {if items.is_empty() {
                view! { <p>{r.dry_none}</p> }.into_any()
            } else {
                view! {
                    <ScrollingTable id="provkorning-tabell" caption=r.dry_caption>
                        <thead><tr>
                            <th scope="col">{r.round_column}</th>
                            <th scope="col">{r.what_column}</th>
                            <th scope="col">{r.count_column}</th>
                            <th scope="col">{r.which_column}</th>
                        </tr></thead>
                        <tbody>
                            {items.into_iter().map(|item| view! {
                                <tr>
                                    <td>{item.round.unwrap_or_else(|| r.whole_portal.to_owned())}</td>
                                    <th scope="row">{(r.step)(item.step)}</th>
                                    <td>{item.count}</td>
                                    <td>{item.names.join(", ")}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </ScrollingTable>
                }.into_any()
            }}
        </section>
    }
}

#[component]
fn Schedule(rounds: Vec<ScheduledRound>) -> impl IntoView {
    let t = texts();
    let r = t.ret;
    let date = move |at, passed: bool| {
        let text = (t.long_date_time)(at);
        if passed { format!("{text} {}", r.passed) } else { text }
    };
    view! {
        <section aria-labelledby="schema">
            <h2 id="schema">{r.schedule_heading}</h2>
            {if rounds.is_empty() {
                view! { <p>{r.schedule_none}</p> }.into_any()
            } else {
                view! {
                    <ScrollingTable id="schema-tabell" caption=r.schedule_caption>
                        <thead><tr>
                            <th scope="col">{r.round_column}</th>
                            <th scope="col">{r.announced_column}</th>
                            <th scope="col">{r.applications_column}</th>
                            <th scope="col">{r.personal_column}</th>
                        </tr></thead>
                        <tbody>
                            {rounds.into_iter().map(|round| view! {
                                <tr>
                                    <th scope="row">{round.title}</th>
                                    <td>{(t.long_date_time)(round.announced)}</td>
                                    <td>{date(round.applications, round.applications_passed)}</td>
                                    <td>{date(round.personal, round.personal_passed)}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </ScrollingTable>
                }.into_any()
            }}
        </section>
    }
}

#[component]
fn Runs(runs: Vec<RunRecord>) -> impl IntoView {
    let t = texts();
    let r = t.ret;
    view! {
        <section aria-labelledby="korningar">
            <h2 id="korningar">{r.runs_heading}</h2>
            {if runs.is_empty() {
                view! { <p>{r.runs_none}</p> }.into_any()
            } else {
                view! {
                    <ScrollingTable id="korningar-tabell" caption=r.runs_caption>
                        <thead><tr>
                            <th scope="col">{r.when_column}</th>
                            <th scope="col">{r.count_column}</th>
                            <th scope="col">{r.what_column}</th>
                        </tr></thead>
                        <tbody>
                            {runs.into_iter().map(|run| view! {
                                <tr>
                                    <th scope="row">{(t.long_date_time)(run.at)}</th>
                                    <td>{run.items}</td>
                                    <td class="prewrap">{run.summary}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </ScrollingTable>
                }.into_any()
            }}
        </section>
    }
}
