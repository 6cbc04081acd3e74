//! `/arrangor/beslut`: the jury's decision, recorded by an organiser: per
//! application in ranking order, its outcome and the jury's motivation.

use crate::{
    api::{
        form::field_key,
        jury::motivation::motivation_href,
        organiser::decision::{DecisionRow, DecisionView, decision},
    },
    components::{
        form::{CheckField, FieldMessages, PortalForm, SubmitButton, described_by, echoed_value, field_id, problem_of},
        loaded::when_loaded,
        text_as_written::TextAsWritten,
    },
    domain::{decision::Outcome, lifecycle::RoundState},
    i18n::texts,
    pages::{
        account::DoneNotice,
        organiser::ranking::{place_text, two_decimals},
    },
    wiring::FormId,
};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;

#[component]
pub fn DecisionPage() -> impl IntoView {
    let t = texts();
    let data = OnceResource::new(decision());
    view! {
        <Title text=t.o.decision_title />
        <div class="wrap page">
            <h1>{t.o.decision_title}</h1>
            <DoneNotice />
            {when_loaded(data, |found| match found {
                None => view! { <p>{texts().ap.no_round}</p> }.into_any(),
                Some(view) => view! { <Decision view /> }.into_any(),
            })}
        </div>
    }
}

#[component]
fn Decision(view: DecisionView) -> impl IntoView {
    let t = texts();
    let DecisionView { round_title, state, rows, problems, last_change, recusals } = view;
    let editable = state.decision_open();
    let remaining: Vec<String> = problems
        .iter()
        .map(|p| (t.o.problem)(&crate::domain::lifecycle::OrganiseProblem::Decision(p.clone())))
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    view! {
        <p class="lead">{round_title}</p>
        <p>{t.o.decision_intro}</p>
        {last_change.map(|(who, at)| view! { <p>{(t.o.decided_by)(&who, &(t.long_date_time)(at))}</p> })}
        {(!editable).then(|| view! { <p class="notice">{(t.o.decision_locked)(t.o.state_name(state))}</p> })}
        {(editable && !remaining.is_empty()).then(|| view! {
            <ul class="notice">{remaining.into_iter().map(|r| view! { <li>{r}</li> }).collect_view()}</ul>
        })}
        {if rows.is_empty() {
            view! { <p>{t.o.decision_none_submitted}</p> }.into_any()
        } else if editable {
            view! {
                <PortalForm action=crate::api::organiser::decision::SaveDecision::PATH id=FormId::Decision>
                    {rows.clone().into_iter().map(|row| view! { <ChoiceFields row /> }).collect_view()}
                    <SubmitButton label=t.o.decision_save />
                </PortalForm>
            }.into_any()
        } else {
            view! { <Chosen rows /> }.into_any()
        }}
        <section aria-labelledby="jav-i-beslutet">
            <h2 id="jav-i-beslutet">{t.o.recusals_heading}</h2>
            {if recusals.is_empty() {
                view! { <p>{t.o.recusals_none}</p> }.into_any()
            } else {
                view! {
                    <ul>
                        {recusals.into_iter().map(|c| view! {
                            <li>{format!("{} – ", c.juror)}{(t.j.conflict_line)(&c.kommun, &c.reason, &(t.long_date_time)(c.declared_local))}</li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
        {(state == RoundState::Decided).then(|| view! { <Reopen /> })}
    }
}

/// Back to review, so the decision can change: possible until it is announced.
#[component]
fn Reopen() -> impl IntoView {
    let t = texts();
    view! {
        <section aria-labelledby="tillbaka">
            <h2 id="tillbaka">{t.o.back_heading}</h2>
            <p>{t.o.back_consequence}</p>
            <PortalForm action=crate::api::organiser::round::StepRound::PATH id=FormId::StepBack>
                <input type="hidden" name="from" value=RoundState::Decided.code() />
                <input type="hidden" name="to" value=RoundState::Review.code() />
                <CheckField name="confirm" label=t.o.confirm_step />
                <SubmitButton label=t.o.back_button />
            </PortalForm>
        </section>
    }
}

fn heading(row: &DecisionRow) -> String {
    format!("{} ({})", row.kommun, row.reference)
}

fn ranked_line(row: &DecisionRow) -> Option<String> {
    let t = texts();
    row.ranked.map(|(place, score)| (t.o.ranking_line)(&place_text(Some(place)), &two_decimals(score)))
}

/// One application's outcome (radio buttons) and motivation.
#[component]
fn ChoiceFields(row: DecisionRow) -> impl IntoView {
    let t = texts();
    let key = field_key(&row.application_id);
    let name = format!("outcome[{key}]");
    let problem = problem_of(&name);
    let checked = echoed_value(&name).unwrap_or_else(|| row.outcome.map(|o| o.code().to_owned()).unwrap_or_default());
    let options: Vec<(String, &'static str)> = std::iter::once((String::new(), t.o.not_chosen))
        .chain(Outcome::ALL.into_iter().map(|o| (o.code().to_owned(), t.o.outcome_name(o))))
        .collect();
    view! {
        <fieldset class="field decision" class:field-invalid=move || problem.with(Option::is_some) aria-describedby=described_by(&name, false)>
            <legend id=field_id(&name)>{heading(&row)}</legend>
            {ranked_line(&row).map(|line| view! { <p class="hint">{line}</p> })}
            <FieldMessages field=name.clone() hint=None />
            <div class="choices">
                {options.into_iter().map(|(value, label)| {
                    let id = format!("{name}-{}", if value.is_empty() { "ingen" } else { value.as_str() });
                    view! {
                        <div class="radio">
                            <input type="radio" id=id.clone() name=name.clone() value=value.clone() checked=checked == value />
                            <label for=id>{label}</label>
                        </div>
                    }
                }).collect_view()}
            </div>
            <Motivation row=row.clone() />
        </fieldset>
    }
}

/// A chosen application's motivation as it stands; the jury writes and signs it on its own page.
#[component]
fn Motivation(row: DecisionRow) -> impl IntoView {
    let t = texts();
    row.outcome.map(|_| {
        view! {
            <div class="motivation">
                {if row.motivation.trim().is_empty() {
                    view! { <p>{t.mo.decision_no_motivation}</p> }.into_any()
                } else {
                    view! { <div lang="sv"><TextAsWritten text=row.motivation.clone() /></div> }.into_any()
                }}
                <p><a href=motivation_href(&row.application_id)>{t.mo.decision_link}</a></p>
            </div>
        }
    })
}

/// The decision as it stands, read-only.
#[component]
fn Chosen(rows: Vec<DecisionRow>) -> impl IntoView {
    let t = texts();
    let mut chosen: Vec<DecisionRow> = rows.into_iter().filter(|r| r.outcome.is_some()).collect();
    chosen.sort_by_key(|r| r.outcome.map(|o| o as usize));
    view! {
        <ul class="decided">
            {chosen.into_iter().map(|row| view! {
                <li>
                    <h2>{heading(&row)}": "{row.outcome.map(|o| t.o.outcome_name(o))}</h2>
                    <TextAsWritten text=row.motivation.clone() />
                </li>
            }).collect_view()}
        </ul>
    }
}
