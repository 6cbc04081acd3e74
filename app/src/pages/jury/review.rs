//! `/jury/ansokan/{id}`: one submitted application to read, the juror's own
//! review (autosaved with JavaScript, "Spara" without), and once it is done
//! the jury's scores, comments and discussion. `/…/utskrift` is the text alone, for print.

use super::{context::KommunContextBox, one_decimal};
use crate::{
    api::jury::{JURY_PAGE, MyReview, SubmittedText, UnderReview, review_href, review_page},
    components::{
        form::{
            FieldMessages, PortalForm, RadioField, SubmitButton, TextAreaField, TextField, described_by, echoed_value,
            field_id, problem_of,
        },
        islands::{IslandScripts, StatusTexts},
        loaded::when_loaded,
        text_as_written::TextAsWritten,
    },
    domain::review::{JuryView, Progress, Recommendation, ReviewPhase, Scale, ScoredCriterion},
    i18n::texts,
    pages::account::DoneNotice,
    wiring::FormId,
};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

fn load() -> OnceResource<Result<Option<UnderReview>, crate::error::AppError>> {
    let id = use_params_map().with_untracked(|p| p.get("application").unwrap_or_default());
    OnceResource::new(review_page(id))
}

#[component]
pub fn ReviewApplicationPage() -> impl IntoView {
    let data = load();
    view! {
        <div class="wrap page">
            {when_loaded(data, |found| match found {
                None => view! { <crate::pages::not_found::NotFoundPage /> }.into_any(),
                Some(page) => view! { <Review page /> }.into_any(),
            })}
        </div>
    }
}

#[component]
pub fn PrintApplicationPage() -> impl IntoView {
    let data = load();
    view! {
        <div class="wrap page reading">
            {when_loaded(data, |found| match found {
                None => view! { <crate::pages::not_found::NotFoundPage /> }.into_any(),
                // A probable jäv not yet answered: the question is on the application's page.
                Some(page) if page.flag.is_some() => view! {
                    <Title text=page.text.kommun.clone() />
                    <h1>{page.text.kommun.clone()}</h1>
                    <p><a href=review_href(&page.application_id)>{texts().j.flag_heading}</a></p>
                }.into_any(),
                Some(page) if page.view == JuryView::Excluded => view! { <StandsAside page /> }.into_any(),
                Some(page) => view! {
                    <Title text=page.text.kommun.clone() />
                    <p class="no-print"><a href=review_href(&page.application_id)>{texts().j.back_to_list}</a></p>
                    <ApplicationText text=page.text id="del" />
                }.into_any(),
            })}
        </div>
    }
}

/// A submitted application's text under the kommun's name as the page's
/// heading; `nested` (in the jury packet) one level down. `id` prefixes the
/// sections' ids, unique on the page. `children` come between the heading and
/// the sections (the kommun's context in the reading view).
#[component]
pub fn ApplicationText(
    text: SubmittedText,
    #[prop(into)] id: String,
    #[prop(optional)] nested: bool,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let t = texts();
    let SubmittedText { round_title, kommun, lan, reference, submitted_local, parts } = text;
    let line = (t.j.submitted_line)(&lan, &reference, &(t.long_date_time)(submitted_local));
    let prefix = id.clone();
    let sections = parts.into_iter().enumerate().map(move |(i, (title, body))| {
        let section_id = format!("{prefix}-{i}");
        let heading = if nested {
            view! { <h3 id=section_id.clone()>{title}</h3> }.into_any()
        } else {
            view! { <h2 id=section_id.clone()>{title}</h2> }.into_any()
        };
        // In the packet every application has the same sections: named, they would
        // be many landmarks of one name; the article around them is the landmark.
        view! {
            <section aria-labelledby=(!nested).then_some(section_id)>
                {heading}
                <TextAsWritten text=body />
            </section>
        }
    });
    view! {
        {if nested {
            view! { <h2 id=id>{kommun}</h2> }.into_any()
        } else {
            view! { <h1>{kommun}</h1> }.into_any()
        }}
        <p class="lead">{round_title}</p>
        <p>{line}</p>
        {children.map(|c| c())}
        {sections.collect_view()}
    }
}

#[component]
fn Review(page: UnderReview) -> impl IntoView {
    let t = texts();
    let id = page.application_id.clone();
    if let Some(employer) = page.flag.clone() {
        return view! {
            <Title text=page.text.kommun.clone() />
            <p class="no-print"><a href=JURY_PAGE>{t.j.back_to_list}</a></p>
            <FlagQuestion application=id employer kommun=page.text.kommun.clone() />
        }
        .into_any();
    }
    if page.view == JuryView::Excluded {
        return view! { <StandsAside page /> }.into_any();
    }
    let context_of = id.clone();
    view! {
        <Title text=page.text.kommun.clone() />
        <nav class="review-nav no-print" aria-label=t.j.application_heading>
            <ul class="actions">
                <li><a href=JURY_PAGE>{t.j.back_to_list}</a></li>
                {page.previous.clone().map(|n| view! { <li><a href=review_href(&n.application_id) rel="prev">{(t.j.previous)(&n.kommun)}</a></li> })}
                {page.next.clone().map(|n| view! { <li><a href=review_href(&n.application_id) rel="next">{(t.j.next)(&n.kommun)}</a></li> })}
                <li><a href=format!("{}/utskrift", review_href(&id))>{t.j.print_link}</a></li>
            </ul>
        </nav>
        <DoneNotice />
        <div class="review-layout">
            <article class="reading" aria-label=t.j.application_heading>
                <ApplicationText text=page.text.clone() id="del">
                    <KommunContextBox application=context_of />
                </ApplicationText>
            </article>
            <div class="review-side no-print">
                <section id="bedomning" aria-labelledby="bedomning-rubrik">
                    <h2 id="bedomning-rubrik">{t.j.your_review}</h2>
                    {(page.phase == ReviewPhase::Closed).then(|| view! { <p class="notice notice-closed">{t.j.closed}</p> })}
                    {match (&page.view, page.mine.clone()) {
                        (JuryView::Excluded, _) => view! { <p class="notice">{(t.j.excluded)(&page.text.kommun)}</p> }.into_any(),
                        (_, Some(mine)) => {
                            let (application, phase, criteria, scale) =
                                (id.clone(), page.phase, page.criteria.clone(), page.scale.clone());
                            view! {
                            <ReviewAutosave texts=status_texts()>
                                <ReviewForm application mine phase criteria scale />
                            </ReviewAutosave>
                            <IslandScripts />
                        }.into_any()
                        }
                        (_, None) => ().into_any(),
                    }}
                </section>
                {(page.is_juror && page.view != JuryView::Excluded).then(|| view! {
                    <ShortlistMark application=id.clone() marked=page.marked open=page.phase == ReviewPhase::Open />
                })}
                {(page.view != JuryView::Excluded).then(|| view! { <JuryWork page=page.clone() /> })}
            </div>
        </div>
    }
    .into_any()
}

/// A juror with jäv for the kommun: its name and why there is nothing more to read.
#[component]
fn StandsAside(page: UnderReview) -> impl IntoView {
    let t = texts();
    view! {
        <Title text=page.text.kommun.clone() />
        <p class="no-print"><a href=JURY_PAGE>{t.j.back_to_list}</a></p>
        <h1>{page.text.kommun.clone()}</h1>
        <p class="notice">{(t.j.excluded)(&page.text.kommun)}</p>
    }
}

/// Before the application: the juror's employer points to a probable jäv,
/// and the juror says whether it is one, and why.
#[component]
fn FlagQuestion(application: String, employer: String, kommun: String) -> impl IntoView {
    let t = texts();
    let options = vec![("jav".to_owned(), t.j.flag_yes.to_owned()), ("inte-jav".to_owned(), t.j.flag_no.to_owned())];
    view! {
        <h1>{kommun.clone()}</h1>
        <section aria-labelledby="trolig-jav-rubrik">
            <h2 id="trolig-jav-rubrik">{t.j.flag_heading}</h2>
            <p>{(t.j.flag_intro)(&employer, &kommun)}</p>
            <PortalForm action=crate::api::jury::AnswerFlag::PATH id=FormId::AnswerFlag>
                <input type="hidden" name="application" value=application.clone() />
                <RadioField name="answer" legend=t.j.flag_legend options=options.clone() />
                <TextField name="reason" label=t.j.flag_reason hint=t.j.flag_reason_hint required=true maxlength=200 />
                <SubmitButton label=t.j.flag_button />
            </PortalForm>
        </section>
    }
}

/// The review's autosave: the one part of the page that runs in the browser.
/// The form itself is the server's HTML.
#[island]
fn ReviewAutosave(texts: StatusTexts, children: Children) -> impl IntoView {
    #[cfg(feature = "hydrate")]
    super::autosave::start(texts);
    #[cfg(not(feature = "hydrate"))]
    let _ = texts;
    children()
}

fn status_texts() -> StatusTexts {
    let t = texts();
    StatusTexts {
        unsaved: t.j.autosave_unsaved.to_owned(),
        saving: t.j.autosave_saving.to_owned(),
        failed: t.j.autosave_failed.to_owned(),
        signed_out: t.j.autosave_signed_out.to_owned(),
        // The CSRF check's answer to a page older than the log-in in another tab.
        forbidden: t.j.autosave_failed.to_owned(),
    }
}

/// The juror's own scores, recommendation and comments, saved by "Spara" and
/// "Klar"; with JavaScript, saved as they change as well (`ReviewAutosave`).
#[component]
fn ReviewForm(
    application: String,
    mine: MyReview,
    phase: ReviewPhase,
    criteria: Vec<ScoredCriterion>,
    scale: Scale,
) -> impl IntoView {
    let t = texts();
    let done = mine.progress == Progress::Done;
    let locked = done || phase != ReviewPhase::Open;
    let status = mine.saved_local.map_or(t.j.not_started.to_owned(), |at| (t.j.saved_at)(&(t.long_date_time)(at)));
    let recommendation = mine.scores.recommendation.map(|r| r.code().to_owned());
    view! {
        <PortalForm action=crate::api::jury::SaveReview::PATH id=FormId::Review>
            <input type="hidden" name="application" value=application.clone() />
            <input type="hidden" name="version" value=mine.version.to_string() />
            {done.then(|| view! { <p class="notice notice-done">{t.j.done_explained}</p> })}
            {criteria.iter().cloned().map(|c| {
                let current = mine.scores.of(&c.slug);
                view! { <ScoreField criterion=c scale=scale.clone() current disabled=locked /> }
            }).collect_view()}
            <RecommendationField current=recommendation.clone() disabled=locked />
            <TextAreaField name="jury_comment" label=t.j.jury_comment hint=t.j.jury_comment_hint value=mine.jury_comment.clone() disabled=locked />
            <TextAreaField name="private_note" label=t.j.private_note hint=t.j.private_note_hint value=mine.private_note.clone() disabled=locked />
            {mine.changed_after_seen.then(|| view! { <p class="notice">{t.j.changed_after_seen}</p> })}
            {(phase == ReviewPhase::Open).then(|| if done {
                view! {
                    <TextAreaField name="reopen_reason" label=t.j.reopen_reason hint=t.j.reopen_reason_hint value=String::new() />
                    <button type="submit" class="button" name="action" value="angra">{t.j.undo_done_button}</button>
                }.into_any()
            } else {
                view! {
                    <div class="save-bar">
                        <button type="submit" class="button button-secondary" name="action" value="spara">{t.j.save_button}</button>
                        <button type="submit" class="button" name="action" value="klar">{t.j.done_button}</button>
                    </div>
                }.into_any()
            })}
            <p class="save-status" id="bedomning-status" role="status">{status.clone()}</p>
        </PortalForm>
    }
}

/// One criterion's score: a radio button per step of the scale.
#[component]
fn ScoreField(criterion: ScoredCriterion, scale: Scale, current: Option<i64>, disabled: bool) -> impl IntoView {
    let t = texts();
    let name = format!("score[{}]", criterion.slug);
    let problem = problem_of(&name);
    let checked = echoed_value(&name).or(current.map(|c| c.to_string()));
    let legend = format!("{} ({})", criterion.title, (t.j.weight)(criterion.weight));
    view! {
        <fieldset class="field score" class:field-invalid=move || problem.with(Option::is_some) aria-describedby=described_by(&name, true)>
            <legend id=field_id(&name)>{legend}</legend>
            <FieldMessages field=name.clone() hint=None />
            <p class="hint" id=format!("{name}-hint") lang="sv">{criterion.description.clone()}</p>
            // Locked, the radios are inactive and faint: the choice is said in text as well.
            {disabled.then(|| {
                let chosen = scale.steps().find(|(v, _)| checked.as_deref() == Some(v.to_string().as_str()));
                view! { <p class="chosen">{(t.j.you_chose)(chosen.map(|(v, l)| format!("{v} – {l}")).as_deref())}</p> }
            })}
            <div class="scale">
                {scale.steps().map(|(value, label)| {
                    let id = format!("{name}-{value}");
                    let is_checked = checked.as_deref() == Some(value.to_string().as_str());
                    view! {
                        <div class="radio">
                            <input type="radio" id=id.clone() name=name.clone() value=value.to_string() checked=is_checked disabled=disabled />
                            <label for=id>{format!("{value} – {label}")}</label>
                        </div>
                    }
                }).collect_view()}
            </div>
        </fieldset>
    }
}

#[component]
fn RecommendationField(current: Option<String>, disabled: bool) -> impl IntoView {
    let t = texts();
    let name = "recommendation";
    let problem = problem_of(name);
    let checked = echoed_value(name).or(current);
    view! {
        <fieldset class="field" class:field-invalid=move || problem.with(Option::is_some) aria-describedby=described_by(name, false)>
            <legend id=field_id(name)>{t.j.recommendation}</legend>
            <FieldMessages field=name hint=None />
            {disabled.then(|| {
                let chosen = Recommendation::ALL.into_iter().find(|r| checked.as_deref() == Some(r.code()));
                view! { <p class="chosen">{(t.j.you_chose)(chosen.map(|r| t.j.recommendation_name(r)))}</p> }
            })}
            {Recommendation::ALL.into_iter().map(|r| {
                let id = format!("{name}-{}", r.code());
                view! {
                    <div class="radio">
                        <input type="radio" id=id.clone() name=name value=r.code() checked=checked.as_deref() == Some(r.code()) disabled=disabled />
                        <label for=id>{t.j.recommendation_name(r)}</label>
                    </div>
                }
            }).collect_view()}
        </fieldset>
    }
}

/// Propose the application for nomination, or take the proposal back.
#[component]
fn ShortlistMark(application: String, marked: bool, open: bool) -> impl IntoView {
    let t = texts();
    view! {
        <section id="kortlista" aria-labelledby="kortlista-rubrik">
            <h2 id="kortlista-rubrik">{t.j.shortlist_heading}</h2>
            {marked.then(|| view! { <p>{t.j.marked_explained}</p> })}
            {open.then(|| view! {
                <PortalForm action=crate::api::jury::MarkForShortlist::PATH id=FormId::Shortlist>
                    <input type="hidden" name="application" value=application.clone() />
                    <input type="hidden" name="marked" value=if marked { "nej" } else { "ja" } />
                    <input type="hidden" name="back" value="ansokan" />
                    <SubmitButton label=if marked { t.j.unmark_button } else { t.j.mark_button } />
                </PortalForm>
            })}
        </section>
    }
}

/// The others' scores, comments and the discussion, or why they are hidden.
#[component]
fn JuryWork(page: UnderReview) -> impl IntoView {
    let t = texts();
    if page.view != JuryView::Everything {
        return view! {
            <section id="juryn" aria-labelledby="juryn-rubrik">
                <h2 id="juryn-rubrik">{t.j.others_heading}</h2>
                <p class="notice">{t.j.others_hidden}</p>
            </section>
        }
        .into_any();
    }
    let aggregate = page.aggregate.clone().unwrap_or_default();
    let others = page.others.clone();
    let mean_of = |slug: &str| aggregate.means.iter().find(|(s, _)| s == slug).map(|(_, m)| one_decimal(*m));
    view! {
        <section id="juryn" aria-labelledby="juryn-rubrik">
            <h2 id="juryn-rubrik">{t.j.others_heading}</h2>
            <p>{(t.j.reviews_counted)(aggregate.reviews)}</p>
            {others.is_empty().then(|| view! { <p>{t.j.others_none}</p> })}
            <div class="table-scroll" tabindex="0" role="region" aria-labelledby="poang-rubrik">
                <table>
                    <caption id="poang-rubrik">{t.j.scores_caption}</caption>
                    <thead><tr>
                        <th scope="col">{t.j.criterion}</th>
                        {page.mine.as_ref().map(|_| view! { <th scope="col">{t.j.your_review}</th> })}
                        {others.iter().map(|o| view! {
                            <th scope="col">
                                {o.juror.clone()}
                                {o.changed_after_seen.then(|| view! { <span class="small">{format!(" ({})", t.j.changed_after_seen)}</span> })}
                            </th>
                        }).collect_view()}
                        <th scope="col">{t.j.mean}</th>
                    </tr></thead>
                    <tbody>
                        {page.criteria.iter().map(|c| view! {
                            <tr>
                                <th scope="row">{c.title.clone()}</th>
                                {page.mine.as_ref().map(|m| view! { <td>{m.scores.of(&c.slug).map(|s| s.to_string()).unwrap_or_else(|| "–".into())}</td> })}
                                {others.iter().map(|o| view! { <td>{o.scores.of(&c.slug).map(|s| s.to_string()).unwrap_or_else(|| "–".into())}</td> }).collect_view()}
                                <td>{mean_of(&c.slug).unwrap_or_else(|| "–".into())}</td>
                            </tr>
                        }).collect_view()}
                        <tr>
                            <th scope="row">{t.j.recommendation}</th>
                            {page.mine.as_ref().map(|m| view! { <td>{m.scores.recommendation.map(|r| t.j.recommendation_name(r)).unwrap_or("–")}</td> })}
                            {others.iter().map(|o| view! { <td>{o.scores.recommendation.map(|r| t.j.recommendation_name(r)).unwrap_or("–")}</td> }).collect_view()}
                            <td>{(t.j.recommendations)(aggregate.nominate, aggregate.maybe, aggregate.no)}</td>
                        </tr>
                    </tbody>
                </table>
            </div>
            <p><strong>{format!("{}: ", t.j.weighted_mean)}</strong>{aggregate.weighted.map(one_decimal).unwrap_or_else(|| "–".into())}</p>
            <h3>{t.j.comments_heading}</h3>
            <ul class="comments">
                {others.iter().filter(|o| !o.jury_comment.is_empty()).map(|o| view! {
                    <li><strong>{o.juror.clone()}</strong><TextAsWritten text=o.jury_comment.clone() /></li>
                }).collect_view()}
            </ul>
        </section>
        <Discussion page />
    }
    .into_any()
}

#[component]
fn Discussion(page: UnderReview) -> impl IntoView {
    let t = texts();
    view! {
        <section id="diskussion" aria-labelledby="diskussion-rubrik">
            <h2 id="diskussion-rubrik">{t.j.discussion_heading}</h2>
            {if page.posts.is_empty() {
                view! { <p>{t.j.discussion_none}</p> }.into_any()
            } else {
                view! {
                    <ol class="posts">
                        {page.posts.into_iter().map(|p| view! {
                            <li>
                                <p class="post-meta">{(t.j.posted_by)(&p.author, &(t.long_date_time)(p.posted_local))}</p>
                                <TextAsWritten text=p.body />
                            </li>
                        }).collect_view()}
                    </ol>
                }.into_any()
            }}
            {(page.phase == ReviewPhase::Open).then(|| view! {
                <PortalForm action=crate::api::jury::PostToJury::PATH id=FormId::Discussion>
                    <input type="hidden" name="application" value=page.application_id.clone() />
                    <TextAreaField name="body" label=t.j.post_label rows=4 />
                    <SubmitButton label=t.j.post_button />
                </PortalForm>
            })}
        </section>
    }
}
