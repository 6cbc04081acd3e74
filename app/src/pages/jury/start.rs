//! `/jury`: the rounds a juror sits on and, per round, every submitted
//! application with the juror's own progress and the jury's, filtered by län
//! and status and ordered as asked (a plain GET form, so it works without JavaScript).

use super::PhaseNotice;
use crate::{
    api::jury::{JURY_PAGE, RoundReviews, jury_home, review_href},
    components::{loaded::when_loaded, scrolling_table::ScrollingTable},
    domain::review::Progress,
    i18n::texts,
};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn JuryStartPage() -> impl IntoView {
    let t = texts();
    let query = use_query_map();
    let (lan, status, sort) = query.with_untracked(|q| (q.get("lan"), q.get("status"), q.get("sortera")));
    let chosen =
        (lan.clone().unwrap_or_default(), status.clone().unwrap_or_default(), sort.clone().unwrap_or_default());
    let data = OnceResource::new(jury_home(lan, status, sort));
    view! {
        <Title text=t.j.home_title />
        <div class="wrap page">
            <h1>{t.j.home_title}</h1>
            <crate::pages::account::DoneNotice />
            {when_loaded(data, move |home| {
                let t = texts();
                if home.rounds.is_empty() {
                    return view! { <p>{t.j.not_on_jury}</p> }.into_any();
                }
                let chosen = chosen.clone();
                home.rounds
                    .into_iter()
                    .map(|round| view! { <RoundList round is_juror=home.is_juror chosen=chosen.clone() /> })
                    .collect_view()
                    .into_any()
            })}
        </div>
    }
}

#[component]
fn RoundList(round: RoundReviews, is_juror: bool, chosen: (String, String, String)) -> impl IntoView {
    let t = texts();
    let heading = format!("omgang-{}", round.round_id);
    view! {
        <section aria-labelledby=heading.clone()>
            <h2 id=heading.clone()>{round.round_title.clone()}</h2>
            <PhaseNotice phase=round.phase opens_local=round.opens_local />
            {is_juror.then(|| view! { <p>{(t.j.my_progress)(round.my_done, round.my_expected)}</p> })}
            <p>{(t.j.jury_progress)(round.all_done, round.all_expected)}</p>
            <ul class="actions">
                {is_juror.then(|| view! { <li><a href=format!("{JURY_PAGE}/jav")>{t.j.conflicts_link}</a></li> })}
                <li><a href=format!("{JURY_PAGE}/kortlista")>{t.j.shortlist_link}</a></li>
            </ul>
            {(round.total > 0).then(|| view! { <Filter round_id=round.round_id.clone() lans=round.lans.clone() chosen=chosen.clone() is_juror /> })}
            <ReviewTable round is_juror />
        </section>
    }
}

/// Län, status and order, as a GET form: the address can be bookmarked. One per
/// round on the page, each with ids of its own, so that every label names one select.
#[component]
fn Filter(round_id: String, lans: Vec<String>, chosen: (String, String, String), is_juror: bool) -> impl IntoView {
    let t = texts();
    let id = move |name: &str| format!("{name}-{round_id}");
    let (lan_id, status_id, sort_id) = (id("lan"), id("status"), id("sortera"));
    let (lan, status, sort) = chosen;
    let option = move |value: String, label: String, current: &str| {
        let selected = value == current;
        view! { <option value=value selected=selected>{label}</option> }
    };
    let sorts = [
        ("kommun", t.j.sort_kommun),
        ("lan", t.j.sort_lan),
        ("status", t.j.sort_status),
        ("inskickad", t.j.sort_submitted),
    ];
    view! {
        <form method="get" action=JURY_PAGE class="filter" aria-label=t.j.filter_heading>
            <div class="field">
                <label for=lan_id.clone()>{t.j.filter_lan}</label>
                <select id=lan_id name="lan">
                    {option(String::new(), t.j.all_lans.to_owned(), &lan)}
                    {lans.into_iter().map(|l| option(l.clone(), l, &lan)).collect_view()}
                </select>
            </div>
            {is_juror.then(|| view! {
                <div class="field">
                    <label for=status_id.clone()>{t.j.filter_status}</label>
                    <select id=status_id.clone() name="status">
                        {option(String::new(), t.j.all_statuses.to_owned(), &status)}
                        {Progress::ALL.into_iter().map(|p| option(p.code().to_owned(), t.j.progress(p).to_owned(), &status)).collect_view()}
                    </select>
                </div>
            })}
            <div class="field">
                <label for=sort_id.clone()>{t.j.sort_by}</label>
                <select id=sort_id name="sortera">
                    {sorts.into_iter().filter(|(code, _)| is_juror || *code != "status").map(|(code, label)| option(code.to_owned(), label.to_owned(), &sort)).collect_view()}
                </select>
            </div>
            <button type="submit" class="button button-secondary">{t.j.filter_button}</button>
        </form>
    }
}

#[component]
fn ReviewTable(round: RoundReviews, is_juror: bool) -> impl IntoView {
    let t = texts();
    if round.rows.is_empty() {
        let text = if round.total == 0 { t.j.none_submitted } else { t.j.none_matching };
        return view! { <p>{text}</p> }.into_any();
    }
    let caption = format!("lista-{}", round.round_id);
    view! {
        <ScrollingTable id=caption.clone() caption=t.j.list_caption>
            <thead><tr>
                <th scope="col">{t.j.kommun}</th><th scope="col">{t.j.lan}</th>
                <th scope="col">{t.j.reference}</th><th scope="col">{t.j.submitted}</th>
                {is_juror.then(|| view! { <th scope="col">{t.j.my_review}</th> })}
                <th scope="col">{t.j.jury_done}</th>
            </tr></thead>
            <tbody>
                {round.rows.into_iter().map(|r| view! {
                    <tr>
                        <th scope="row"><a href=review_href(&r.application_id)>{r.kommun.clone()}</a></th>
                        <td>{r.lan.clone()}</td>
                        <td>{r.reference.clone()}</td>
                        <td>{(t.long_date_time)(r.submitted_local)}</td>
                        {is_juror.then(|| view! {
                            <td>{if r.conflicted {
                                t.j.conflict_declared
                            } else if r.flagged {
                                t.j.flag_pending
                            } else {
                                t.j.progress(r.mine)
                            }}</td>
                        })}
                        <td>{format!("{} / {}", r.done_by, r.jurors)}</td>
                    </tr>
                }).collect_view()}
            </tbody>
        </ScrollingTable>
    }
    .into_any()
}
