//! `/jury/motiveringar`: the jury's motivations for the chosen applications,
//! and `/jury/motiveringar/{application}`: one motivation written together,
//! its versions, and each juror's sign-off.

use crate::{
    api::form::Problem,
    api::jury::motivation::{
        MOTIVATIONS_PAGE, MotivationRow, MotivationView, MotivationsView, motivation, motivation_href, motivations,
    },
    components::{
        form::{PortalForm, SubmitButton, TextAreaField, problem_of},
        loaded::when_loaded,
        scrolling_table::ScrollingTable,
        text_as_written::TextAsWritten,
    },
    domain::{
        decision::MOTIVATION_LIMIT,
        lifecycle::RoundState,
        motivation::{DecisionReading, MotivationProblem, SignOff},
    },
    i18n::texts,
    pages::account::DoneNotice,
    wiring::FormId,
};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn MotivationsPage() -> impl IntoView {
    let t = texts();
    let data = OnceResource::new(motivations());
    view! {
        <Title text=t.mo.title />
        <div class="wrap page">
            <h1>{t.mo.title}</h1>
            <DoneNotice />
            {when_loaded(data, |found| match found {
                None => view! { <p>{texts().mo.no_round}</p> }.into_any(),
                Some(view) => view! { <Motivations view /> }.into_any(),
            })}
        </div>
    }
}

#[component]
fn Motivations(view: MotivationsView) -> impl IntoView {
    let t = texts();
    let MotivationsView { round_title, state, rows, reading } = view;
    let is_juror = rows.iter().any(|r| r.mine.is_some());
    view! {
        <p class="lead">{round_title}</p>
        <p>{t.mo.intro}</p>
        {(state > RoundState::DECISION_OPEN).then(|| view! { <p class="notice">{(t.mo.locked)(t.o.state_name(state))}</p> })}
        {match reading {
            DecisionReading::Reads => None,
            DecisionReading::StandsAside => Some(view! { <p class="notice">{t.mo.aside}</p> }),
            DecisionReading::OwnReviewsLeft => Some(view! { <p class="notice">{t.mo.reviews_left}</p> }),
        }}
        {if reading != DecisionReading::Reads {
            ().into_any()
        } else if rows.is_empty() {
            view! { <p>{t.mo.none_chosen}</p> }.into_any()
        } else {
            view! {
                <ScrollingTable id="motiveringar-rubrik" caption=t.mo.caption>
                    <thead><tr>
                        <th scope="col">{t.mo.kommun}</th>
                        <th scope="col">{t.mo.outcome}</th>
                        <th scope="col">{t.mo.version}</th>
                        <th scope="col">{t.mo.signed}</th>
                        {is_juror.then(|| view! { <th scope="col">{t.mo.mine}</th> })}
                    </tr></thead>
                    <tbody>
                        {rows.into_iter().map(|row| view! { <Row row is_juror /> }).collect_view()}
                    </tbody>
                </ScrollingTable>
            }.into_any()
        }}
    }
}

#[component]
fn Row(row: MotivationRow, is_juror: bool) -> impl IntoView {
    let t = texts();
    view! {
        <tr>
            <th scope="row"><a href=motivation_href(&row.application_id)>{row.kommun.clone()}</a></th>
            <td>{t.o.outcome_name(row.outcome)}</td>
            <td>{version_text(row.version)}</td>
            <td>{(t.mo.signed_count)(row.signed, row.asked)}</td>
            {is_juror.then(|| view! { <td>{row.mine.map(t.mo.standing)}</td> })}
        </tr>
    }
}

fn version_text(version: i64) -> String {
    let t = texts();
    if version == 0 { t.mo.nothing_written.to_owned() } else { (t.mo.version_n)(version) }
}

#[component]
pub fn MotivationPage() -> impl IntoView {
    let id = use_params_map().with_untracked(|p| p.get("application").unwrap_or_default());
    let data = OnceResource::new(motivation(id));
    view! {
        <div class="wrap page">
            <p><a href=MOTIVATIONS_PAGE>{texts().mo.back}</a></p>
            {when_loaded(data, |view| view! { <Motivation view /> }.into_any())}
        </div>
    }
}

#[component]
fn Motivation(view: MotivationView) -> impl IntoView {
    let t = texts();
    let MotivationView { round_title, state, row, text, history, sign_offs } = view;
    let editable = state.decision_open();
    let heading = format!("{}: {}", row.kommun, t.o.outcome_name(row.outcome));
    let newest =
        history.first().map(|v| (t.mo.written_line)(v.version, &v.written_by, &(t.long_date_time)(v.written_local)));
    let version = row.version;
    let versions = history.len();
    view! {
        <Title text=heading.clone() />
        <h1>{heading}</h1>
        <p class="lead">{round_title}</p>
        <DoneNotice />
        {(!editable).then(|| view! { <p class="notice">{(t.mo.locked)(t.o.state_name(state))}</p> })}
        {newest.map(|line| view! { <p>{line}</p> })}
        {if editable {
            let (application_id, text) = (row.application_id.clone(), text.clone());
            view! {
                <PortalForm action=crate::api::jury::motivation::SaveMotivation::PATH id=FormId::Motivation>
                    <MotivationFields application_id=application_id.clone() version text=text.clone() />
                </PortalForm>
            }.into_any()
        } else {
            view! { <div lang="sv"><TextAsWritten text=text.clone() /></div> }.into_any()
        }}
        {row.mine.map(|mine| view! { <SignOffForm application_id=row.application_id.clone() version mine editable /> })}
        <section aria-labelledby="godkannanden">
            <h2 id="godkannanden">{t.mo.sign_offs_heading}</h2>
            <ul>
                {sign_offs.into_iter().map(|s| view! { <li>{format!("{}: {}", s.juror, (t.mo.standing)(s.standing))}</li> }).collect_view()}
            </ul>
        </section>
        <section aria-labelledby="versioner">
            <h2 id="versioner">{(t.mo.history_heading)(versions)}</h2>
            <ol reversed class="versions">
                {history.into_iter().map(|v| view! {
                    <li>
                        <p><strong>{(t.mo.written_line)(v.version, &v.written_by, &(t.long_date_time)(v.written_local))}</strong></p>
                        <div lang="sv"><TextAsWritten text=v.text /></div>
                    </li>
                }).collect_view()}
            </ol>
        </section>
    }
}

/// The juror's own sign-off: where it stands, and the button while it can be given.
#[component]
fn SignOffForm(application_id: String, version: i64, mine: SignOff, editable: bool) -> impl IntoView {
    let t = texts();
    let can_sign = editable && version > 0 && mine != SignOff::Signed && mine != SignOff::StandsAside;
    view! {
        <section aria-labelledby="ditt-godkannande">
            <h2 id="ditt-godkannande">{t.mo.sign_heading}</h2>
            {match mine {
                SignOff::Signed => view! { <p>{t.mo.signed_notice}</p> }.into_any(),
                SignOff::Cleared { version } => view! { <p class="notice">{(t.mo.cleared_notice)(version)}</p> }.into_any(),
                _ if version == 0 => view! { <p>{t.mo.nothing_written}</p> }.into_any(),
                _ => view! { <p>{(t.mo.sign_intro)(version)}</p> }.into_any(),
            }}
            <PortalForm action=crate::api::jury::motivation::SignMotivation::PATH id=FormId::SignMotivation>
                <SignFields application_id=application_id.clone() version can_sign />
            </PortalForm>
        </section>
    }
}

/// The motivation's text and what it was written on. A save refused for a newer
/// version names it: the next save is then written on that version, knowingly,
/// and the newer text can be read beside the typed one.
#[component]
fn MotivationFields(application_id: String, version: i64, text: String) -> impl IntoView {
    let t = texts();
    let problem = problem_of("text");
    let newer = move || match problem.get() {
        Some(Problem::Motivation(MotivationProblem::Stale { current })) => Some(current),
        _ => None,
    };
    let href = motivation_href(&application_id);
    view! {
        <input type="hidden" name="application" value=application_id />
        <input type="hidden" name="version" value=move || newer().unwrap_or(version).to_string() />
        <TextAreaField name="text" label=t.mo.text_label hint=t.mo.text_hint value=text rows=8 maxlength=MOTIVATION_LIMIT />
        {move || newer().map(|current| view! {
            <p><a href=href.clone() target="_blank" rel="noopener">{(t.mo.read_newest)(current)}</a></p>
        })}
        <SubmitButton label=t.mo.save />
    }
}

/// The sign-off button; after a refusal because the text changed, the way to read the new text instead.
#[component]
fn SignFields(application_id: String, version: i64, can_sign: bool) -> impl IntoView {
    let t = texts();
    let problem = problem_of("");
    let changed = move || match problem.get() {
        Some(Problem::Motivation(MotivationProblem::Changed { current })) => Some(current),
        _ => None,
    };
    let href = motivation_href(&application_id);
    view! {
        {move || changed().map(|current| view! { <p><a href=href.clone()>{(t.mo.show_newest)(current)}</a></p> })}
        {can_sign.then(|| view! {
            <div hidden=move || changed().is_some()>
                <input type="hidden" name="application" value=application_id.clone() />
                <input type="hidden" name="version" value=version.to_string() />
                <SubmitButton label=t.mo.sign_button />
            </div>
        })}
    }
}
