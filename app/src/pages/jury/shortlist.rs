//! `/jury/kortlista`: the candidates for nomination, the most proposed first,
//! with the jury's weighted mean where the viewer may see it.

use super::one_decimal;
use crate::{
    api::jury::{JURY_PAGE, ShortlistView, review_href, shortlist},
    components::{form::csrf_token, loaded::when_loaded},
    domain::review::ReviewPhase,
    i18n::texts,
    pages::account::DoneNotice,
};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;

#[component]
pub fn ShortlistPage() -> impl IntoView {
    let t = texts();
    let data = OnceResource::new(shortlist());
    view! {
        <Title text=t.j.shortlist_title />
        <div class="wrap page">
            <p><a href=JURY_PAGE>{t.j.back_to_list}</a></p>
            <h1>{t.j.shortlist_title}</h1>
            <DoneNotice />
            {when_loaded(data, |found| match found {
                None => view! { <p>{texts().ap.no_round}</p> }.into_any(),
                Some(list) => view! { <Candidates list /> }.into_any(),
            })}
        </div>
    }
}

#[component]
fn Candidates(list: ShortlistView) -> impl IntoView {
    let t = texts();
    let open = list.phase == ReviewPhase::Open;
    let is_juror = list.is_juror;
    view! {
        <p class="lead">{list.round_title.clone()}</p>
        <p>{t.j.shortlist_intro}</p>
        {if list.rows.is_empty() {
            view! { <p>{t.j.none_submitted}</p> }.into_any()
        } else {
            view! {
                <div class="table-scroll" tabindex="0" role="region" aria-labelledby="kortlista-rubrik">
                    <table>
                        <caption id="kortlista-rubrik">{t.j.shortlist_caption}</caption>
                        <thead><tr>
                            <th scope="col">{t.j.kommun}</th><th scope="col">{t.j.lan}</th>
                            <th scope="col">{t.j.proposals}</th><th scope="col">{t.j.weighted_mean}</th>
                            <th scope="col">{t.j.recommendation}</th>
                            {is_juror.then(|| view! { <th scope="col">{t.j.my_proposal}</th> })}
                        </tr></thead>
                        <tbody>
                            {list.rows.into_iter().map(|r| {
                                let shown = r.aggregate.clone();
                                view! {
                                    <tr>
                                        <th scope="row"><a href=review_href(&r.application_id)>{r.kommun.clone()}</a></th>
                                        <td>{r.lan.clone()}</td>
                                        <td>{r.marks.map_or_else(|| "–".to_owned(), |m| format!("{m} / {}", list.jurors))}</td>
                                        <td>{match &shown {
                                            Some(a) => a.weighted.map(one_decimal).unwrap_or_else(|| "–".into()),
                                            None if r.conflicted => t.j.conflict_declared.to_owned(),
                                            None if r.flagged => t.j.flag_pending.to_owned(),
                                            None => t.j.not_visible_yet.to_owned(),
                                        }}</td>
                                        <td>{shown.map(|a| (t.j.recommendations)(a.nominate, a.maybe, a.no)).unwrap_or_else(|| "–".into())}</td>
                                        {is_juror.then(|| view! {
                                            <td>{(open && !r.conflicted && !r.flagged).then(|| view! {
                                                <form method="post" action=crate::api::jury::MarkForShortlist::PATH class="inline-form">
                                                    <input type="hidden" name="csrf" value=csrf_token() />
                                                    <input type="hidden" name="application" value=r.application_id.clone() />
                                                    <input type="hidden" name="marked" value=if r.marked_by_me { "nej" } else { "ja" } />
                                                    <input type="hidden" name="back" value="kortlista" />
                                                    <button type="submit" class="button button-secondary">
                                                        {if r.marked_by_me { t.j.unmark_button } else { t.j.mark_button }}
                                                        <span class="visually-hidden">{format!(" {}", r.kommun)}</span>
                                                    </button>
                                                </form>
                                            })}</td>
                                        })}
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            }.into_any()
        }}
    }
}
