//! `/arrangor/omgang`: where the round stands in its life, the next step with
//! what it does and a box to confirm it, and the round's log. (The way back
//! from a decision is on the decision page.)

use crate::{
    api::organiser::round::{LogLine, RoundOverview, round_admin},
    components::{
        form::{CheckField, PortalForm, SubmitButton, TextField},
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
pub fn RoundLifePage() -> impl IntoView {
    let t = texts();
    let data = OnceResource::new(round_admin());
    view! {
        <Title text=t.o.round_title />
        <div class="wrap page">
            <h1>{t.o.round_title}</h1>
            <DoneNotice />
            {when_loaded(data, |found| match found {
                None => view! { <p>{texts().ap.no_round}</p> }.into_any(),
                Some(overview) => view! { <Lifecycle overview /> }.into_any(),
            })}
        </div>
    }
}

#[component]
fn Lifecycle(overview: RoundOverview) -> impl IntoView {
    let t = texts();
    let when = t.long_date_time;
    let current = overview.state;
    let ceremony = overview.ceremony_local;
    let decision_note = overview
        .next
        .filter(|n| matches!(n, RoundState::Decided | RoundState::Announced))
        .and_then(|_| overview.decision_problems.first().cloned())
        .map(|p| (t.o.problem)(&crate::domain::lifecycle::OrganiseProblem::Decision(p)));
    view! {
        <p class="lead">{overview.round_title.clone()}</p>
        <p>{t.o.current_state}" "<strong>{t.o.state_name(current)}</strong>". "{t.o.state_meanings[current as usize]}</p>
        <ol class="steps" aria-label=t.o.steps_caption>
            {RoundState::ALL.into_iter().map(|s| {
                let now = s == current;
                view! {
                    <li class:step-done=s < current class:step-current=now aria-current=now.then_some("step")>
                        <strong>{t.o.state_name(s)}</strong>" – "{t.o.state_meanings[s as usize]}
                    </li>
                }
            }).collect_view()}
        </ol>
        {overview.embargo_local.map(|at| view! { <p class="notice">{(t.o.embargo_notice)(&when(at))}</p> })}
        <p>
            {(t.o.deadline_line)(&when(overview.deadline_local))}
            {overview.last_closing_local.map(|l| format!(" {}", (t.o.last_closing_line)(&when(l))))}
            " "{(t.o.submitted_line)(overview.submitted)}
        </p>
        <section aria-labelledby="nasta-steg">
            <h2 id="nasta-steg">{t.o.step_heading}</h2>
            {match overview.next {
                None => view! { <p>{t.o.no_next_step}</p> }.into_any(),
                Some(next) => view! {
                    <p>{t.o.step_consequences[next as usize]}</p>
                    {decision_note.map(|note| view! { <p class="notice">{note}</p> })}
                }.into_any(),
            }}
            // Rendered even without a next step: a refused post from a page that
            // was behind (the round moved meanwhile) is said here.
            <PortalForm action=crate::api::organiser::round::StepRound::PATH id=FormId::Step>
                {overview.next.map(|next| view! {
                    <input type="hidden" name="from" value=current.code() />
                    <input type="hidden" name="to" value=next.code() />
                    {(next == RoundState::Announced).then(|| view! {
                        <TextField
                            name="embargo"
                            label=t.o.embargo_label
                            hint=t.o.embargo_hint
                            kind="datetime-local"
                            value=ceremony.map(|at| at.format("%Y-%m-%dT%H:%M").to_string()).unwrap_or_default()
                        />
                    })}
                    <CheckField name="confirm" label=t.o.confirm_step />
                    <SubmitButton label=t.o.step_buttons[next as usize] />
                })}
            </PortalForm>
        </section>
        <section aria-labelledby="omgangens-logg">
            <h2 id="omgangens-logg">{t.o.history_heading}</h2>
            <LogTable lines=overview.history empty=t.o.history_none />
        </section>
    }
}

/// Log lines as a table: when, who, what.
#[component]
pub fn LogTable(lines: Vec<LogLine>, empty: &'static str) -> impl IntoView {
    let t = texts();
    if lines.is_empty() {
        return view! { <p>{empty}</p> }.into_any();
    }
    view! {
        <ScrollingTable id="logg-tabell" caption=t.o.log_caption>
            <thead><tr>
                <th scope="col">{t.o.when}</th><th scope="col">{t.o.who}</th><th scope="col">{t.o.what}</th>
            </tr></thead>
            <tbody>
                {lines.into_iter().map(|l| view! {
                    <tr><td>{(t.long_date_time)(l.at_local)}</td><td>{l.who}</td><td>{l.what}</td></tr>
                }).collect_view()}
            </tbody>
        </ScrollingTable>
    }
    .into_any()
}
