//! `/arrangor/bedomning`: running the jury's work: open or closed, each
//! juror's progress, the declared jäv, and the criteria, weights and scale
//! (editable until the first review is saved).

use crate::{
    api::organiser::review_settings::{ReviewOverview, review_admin},
    components::{
        form::{PortalForm, RadioField, SubmitButton, TextAreaField, TextField},
        loaded::when_loaded,
        scrolling_table::ScrollingTable,
    },
    domain::{employer::Flag, review::ReviewPhase},
    i18n::texts,
    pages::{account::DoneNotice, jury::one_decimal},
    wiring::FormId,
};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;

#[component]
pub fn ReviewSettingsPage() -> impl IntoView {
    let t = texts();
    // A round being prepared is named in the address; otherwise the running round.
    let round = leptos_router::hooks::use_query_map().with_untracked(|q| q.get("omgang"));
    let data = OnceResource::new(review_admin(round));
    view! {
        <Title text=t.j.settings_title />
        <div class="wrap page">
            <h1>{t.j.settings_title}</h1>
            <DoneNotice />
            {when_loaded(data, |found| match found {
                None => view! { <p>{texts().ap.no_round}</p> }.into_any(),
                Some(overview) => view! { <Overview overview /> }.into_any(),
            })}
        </div>
    }
}

#[component]
fn Overview(overview: ReviewOverview) -> impl IntoView {
    let t = texts();
    let when = t.long_date_time;
    view! {
        <p class="lead">{overview.round_title.clone()}</p>
        {(!overview.prepared).then(|| view! { <ReviewPhaseForm overview=overview.clone() /> })}
        <section aria-labelledby="juryarbete">
            <h2 id="juryarbete">{t.j.progress_heading}</h2>
            {if overview.jurors.is_empty() {
                view! { <p>{t.j.no_jurors}</p> }.into_any()
            } else {
                let rows = overview.jurors.iter().map(|j| view! {
                    <tr>
                        <th scope="row">{j.name.clone()}</th>
                        <td>{format!("{} / {}", j.done, j.expected)}</td>
                        <td>{j.drafts}</td>
                        <td>{j.conflicts}</td>
                    </tr>
                }).collect_view();
                view! {
                    <ScrollingTable id="juryarbete-tabell" caption=t.j.progress_caption>
                        <thead><tr>
                            <th scope="col">{t.j.juror}</th><th scope="col">{t.j.done_count}</th>
                            <th scope="col">{t.j.drafts_count}</th><th scope="col">{t.j.conflicts_count}</th>
                        </tr></thead>
                        <tbody>{rows}</tbody>
                    </ScrollingTable>
                }.into_any()
            }}
            <h3>{t.j.all_conflicts_heading}</h3>
            {if overview.conflicts.is_empty() {
                view! { <p>"–"</p> }.into_any()
            } else {
                view! {
                    <ul>
                        {overview.conflicts.iter().map(|c| view! {
                            <li>{format!("{}: ", c.juror)}{(t.j.conflict_line)(&c.kommun, &c.reason, &when(c.declared_local))}</li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
            <h3>{t.j.flags_heading}</h3>
            {if overview.flags.is_empty() {
                view! { <p>{t.j.flags_none}</p> }.into_any()
            } else {
                view! {
                    <ul>
                        {overview.flags.iter().map(|f| {
                            let when = f.answered_local.map(when).unwrap_or_default();
                            let status = match f.flag {
                                Flag::Pending => t.j.flag_waiting.to_owned(),
                                Flag::Confirmed => (t.j.flag_confirmed)(&f.reason, &when),
                                Flag::Dismissed => (t.j.flag_dismissed)(&f.reason, &when),
                            };
                            view! { <li>{(t.j.flag_line)(&f.juror, &f.kommun, &f.employer, &status)}</li> }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
            <h3>{t.j.reopened_heading}</h3>
            {if overview.reopened.is_empty() {
                view! { <p>{t.j.reopened_none}</p> }.into_any()
            } else {
                view! {
                    <ul>
                        {overview.reopened.iter().map(|r| view! {
                            <li>{(t.j.reopened_line)(&r.juror, &r.kommun, &r.reason, r.changed)}</li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
        <Criteria overview />
    }
}

/// Where the running round's review stands, and the button that closes or reopens it.
#[component]
fn ReviewPhaseForm(overview: ReviewOverview) -> impl IntoView {
    let t = texts();
    let when = t.long_date_time;
    let closed = overview.closed_local.map(when);
    view! {
        <p>{(t.j.settings_phase)(overview.phase, &when(overview.opens_local), closed.as_deref())}</p>
        <PortalForm action=crate::api::organiser::review_settings::CloseReview::PATH id=FormId::CloseReview>
            {if overview.phase == ReviewPhase::Closed {
                view! {
                    <input type="hidden" name="action" value="oppna" />
                    <SubmitButton label=t.j.reopen_button />
                }.into_any()
            } else {
                view! {
                    <input type="hidden" name="action" value="stang" />
                    <SubmitButton label=t.j.close_button />
                }.into_any()
            }}
        </PortalForm>
    }
}

#[component]
fn Criteria(overview: ReviewOverview) -> impl IntoView {
    let t = texts();
    let scale = overview.scale.clone();
    if overview.locked {
        return view! {
            <section aria-labelledby="kriterier-rubrik">
                <h2 id="kriterier-rubrik">{t.j.criteria_heading}</h2>
                <p class="notice">{t.j.criteria_locked}</p>
                <ul>
                    {overview.criteria.iter().map(|c| view! {
                        <li><strong>{c.title.clone()}</strong>{format!(" ({}) – {}", (t.j.weight)(c.weight), c.description)}</li>
                    }).collect_view()}
                </ul>
                <p>{scale.steps().map(|(v, l)| format!("{v} – {l}")).collect::<Vec<_>>().join(", ")}</p>
                <p>{(t.j.tie_rule)(tie_break_title(&overview).as_deref())}</p>
            </section>
        }
        .into_any();
    }
    let rows = overview.criteria.len();
    let total_weight: u32 = overview.criteria.iter().map(|c| c.weight).sum();
    let labels = scale.labels.join("\n");
    view! {
        <section aria-labelledby="kriterier-rubrik">
            <h2 id="kriterier-rubrik">{t.j.criteria_heading}</h2>
            <p>{t.j.criteria_intro}</p>
            <PortalForm action=crate::api::organiser::review_settings::SaveReviewSettings::PATH id=FormId::Criteria>
                <input type="hidden" name="round" value=overview.round_id.clone() />
                {overview.criteria.iter().enumerate().map(|(i, c)| {
                    let share = one_decimal(f64::from(c.weight) * 100.0 / f64::from(total_weight.max(1)));
                    view! { <CriterionRow index=i slug=c.slug.clone() title=c.title.clone() description=c.description.clone() weight=c.weight.to_string() legend=format!("{} ({share} %)", c.title) /> }
                }).collect_view()}
                {(rows..rows + 2).map(|i| view! {
                    <CriterionRow index=i slug=String::new() title=String::new() description=String::new() weight="1".to_owned() legend=t.j.new_criterion.to_owned() />
                }).collect_view()}
                <fieldset>
                    <legend>{t.j.scale_heading}</legend>
                    <TextField name="scale_max" label=t.j.scale_max hint=t.j.scale_max_hint kind="number" value=scale.max.to_string() required=true />
                    <TextAreaField name="labels" label=t.j.scale_labels hint=t.j.scale_labels_hint value=labels.clone() rows=6 />
                </fieldset>
                <RadioField
                    name="tie_break"
                    legend=t.j.tie_break_legend
                    hint=t.j.tie_break_hint
                    options=overview.criteria.iter().map(|c| (c.slug.clone(), (t.j.tie_break_option)(&c.title)))
                        .chain([(String::new(), t.j.tie_break_jury.to_owned())]).collect()
                    checked=overview.tie_break.clone().unwrap_or_default()
                />
                <SubmitButton label=t.j.settings_button />
            </PortalForm>
        </section>
    }
    .into_any()
}

/// The tie rule's criterion by its title, as the jury reads it.
fn tie_break_title(overview: &ReviewOverview) -> Option<String> {
    let slug = overview.tie_break.as_deref()?;
    overview.criteria.iter().find(|c| c.slug == slug).map(|c| c.title.clone())
}

/// One criterion's fields, named by row (`title[2]`), as the form posts them.
#[component]
fn CriterionRow(
    index: usize,
    slug: String,
    title: String,
    description: String,
    weight: String,
    legend: String,
) -> impl IntoView {
    let t = texts();
    let field = |name: &str| format!("{name}[{index}]");
    let field_id = crate::components::form::field_id;
    let existing = !slug.is_empty();
    let echo =
        |name: &str, value: String| crate::components::form::echoed_value(&format!("{name}[{index}]")).unwrap_or(value);
    let problem = |name: &str| crate::components::form::problem_of(&format!("{name}[{index}]"));
    let (title_problem, weight_problem, description_problem) =
        (problem("title"), problem("weight"), problem("description"));
    view! {
        <fieldset class="criterion">
            <legend>{legend}</legend>
            <input type="hidden" name=field("slug") value=slug />
            <div class="field" class:field-invalid=move || title_problem.with(Option::is_some)>
                <label for=field_id(&field("title"))>{t.j.criterion_title}</label>
                <crate::components::form::FieldMessages field=field("title") hint=None />
                <input type="text" id=field_id(&field("title")) name=field("title") value=echo("title", title) maxlength="120"
                    aria-describedby=format!("{}-error", field("title"))
                    aria-invalid=move || title_problem.with(Option::is_some).then_some("true") />
            </div>
            <div class="field" class:field-invalid=move || description_problem.with(Option::is_some)>
                <label for=field_id(&field("description"))>{t.j.criterion_description}</label>
                <crate::components::form::FieldMessages field=field("description") hint=None />
                <input type="text" id=field_id(&field("description")) name=field("description") value=echo("description", description) maxlength="400"
                    aria-describedby=format!("{}-error", field("description"))
                    aria-invalid=move || description_problem.with(Option::is_some).then_some("true") />
            </div>
            <div class="field" class:field-invalid=move || weight_problem.with(Option::is_some)>
                <label for=field_id(&field("weight"))>{t.j.criterion_weight}</label>
                <crate::components::form::FieldMessages field=field("weight") hint=None />
                <input type="number" min="1" max="10" id=field_id(&field("weight")) name=field("weight") value=echo("weight", weight)
                    aria-describedby=format!("{}-error", field("weight"))
                    aria-invalid=move || weight_problem.with(Option::is_some).then_some("true") />
            </div>
            {existing.then(|| view! {
                <div class="field field-check">
                    <input type="checkbox" id=field_id(&field("remove")) name=field("remove") value="ja" />
                    <label for=field_id(&field("remove"))>{t.j.criterion_remove}</label>
                </div>
            })}
        </fieldset>
    }
}
