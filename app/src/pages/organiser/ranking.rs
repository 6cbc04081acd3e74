//! `/arrangor/rangordning`: the ranking of the round's applications, with each
//! juror's total, the mean, median, spread, normalised score and Schulze place,
//! whether the three methods agree on the nominees, how the tie rule settled
//! each shared place, where the jury disagrees most and what normalising
//! changed; frozen, and saying so, once the jury has decided.

use crate::{
    api::{
        jury::review_href,
        organiser::ranking::{JurorCell, RankingRow, RankingView, TieView, jury_ranking},
    },
    components::{loaded::when_loaded, scrolling_table::ScrollingTable},
    domain::ranking::{MIN_REVIEWS_TO_NORMALISE, Method, NOMINEES, Place},
    i18n::texts,
};
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn RankingPage() -> impl IntoView {
    let t = texts();
    let data = OnceResource::new(jury_ranking());
    view! {
        <Title text=t.o.ranking_title />
        <div class="wrap page">
            <h1>{t.o.ranking_title}</h1>
            {when_loaded(data, |found| match found {
                None => view! { <p>{texts().ap.no_round}</p> }.into_any(),
                Some(ranking) => view! { <Ranking ranking /> }.into_any(),
            })}
        </div>
    }
}

/// Scores are shown with two decimals: z-scores and close means need them.
pub(crate) fn two_decimals(value: f64) -> String {
    let text = format!("{value:.2}");
    if texts().lang == "sv" { text.replace('.', ",").replace('-', "−") } else { text }
}

pub(crate) fn place_text(place: Option<Place>) -> String {
    match place {
        None => "–".to_owned(),
        Some(p) if p.tied => (texts().o.tied_place)(p.place),
        Some(p) => p.place.to_string(),
    }
}

#[component]
fn Ranking(ranking: RankingView) -> impl IntoView {
    let t = texts();
    if ranking.rows.iter().all(|r| r.reviews == 0) {
        return view! {
            <p class="lead">{ranking.round_title.clone()}</p>
            <p>{t.o.ranking_empty}</p>
        }
        .into_any();
    }
    let RankingView {
        round_title,
        jurors,
        rows,
        disputed,
        moved,
        any_ties,
        scales,
        nominee_movers,
        schulze_open_cut,
        tie_rule,
        ties,
        frozen_local,
    } = ranking;
    let movers: Vec<RankingRow> =
        nominee_movers.iter().filter_map(|id| rows.iter().find(|r| &r.application_id == id).cloned()).collect();
    let not_normalised: Vec<String> =
        scales.iter().filter(|(_, s)| !s.normalised).map(|(name, _)| name.clone()).collect();
    view! {
        <p class="lead">{round_title}</p>
        {frozen_local.map(|at| view! { <p class="notice">{(t.o.frozen_notice)(&(t.long_date_time)(at))}</p> })}
        <p>{t.o.ranking_intro}</p>
        <p>{t.o.ranking_method}</p>
        <p><strong>{(t.o.moved_summary)(moved)}</strong></p>
        <Downloads files=vec![
            ("rangordning.csv", t.o.download_ranking_csv),
            ("poang.csv", t.o.download_scores_csv),
            ("bedomning.xlsx", t.o.download_xlsx),
        ] />
        {any_ties.then(|| view! { <p class="notice">{t.o.ties_note}</p> })}
        <ScrollingTable id="rangordning-rubrik" caption=t.o.ranking_caption class="ranking">
            <thead><tr>
                <th scope="col">{t.o.place}</th>
                <th scope="col">{t.o.kommun}</th>
                {jurors.iter().map(|j| view! { <th scope="col">{j.clone()}</th> }).collect_view()}
                <th scope="col">{t.o.mean}</th>
                <th scope="col">{t.o.median}</th>
                <th scope="col">{t.o.reviews}</th>
                <th scope="col">{t.o.spread}</th>
                <th scope="col">{t.o.normalised}</th>
                <th scope="col">{t.o.raw_place}</th>
                <th scope="col">{t.o.schulze_place}</th>
            </tr></thead>
            <tbody>
                {rows.into_iter().map(|row| view! { <RankingLine row /> }).collect_view()}
            </tbody>
        </ScrollingTable>
        <Methods movers not_normalised schulze_open_cut />
        <Ties tie_rule ties />
        <section aria-labelledby="oenighet">
            <h2 id="oenighet">{t.o.disputed_heading}</h2>
            {if disputed.is_empty() {
                view! { <p>{t.o.disputed_none}</p> }.into_any()
            } else {
                view! {
                    <ul>
                        {disputed.into_iter().map(|(kommun, spread)| view! {
                            <li>{(t.o.disputed_line)(&kommun, &two_decimals(spread))}</li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
        <section aria-labelledby="skalor">
            <h2 id="skalor">{t.o.jurors_heading}</h2>
            <ScrollingTable id="skalor-tabell" caption=t.o.jurors_caption>
                <thead><tr>
                    <th scope="col">{t.o.juror}</th><th scope="col">{t.o.juror_reviews}</th>
                    <th scope="col">{t.o.juror_mean}</th><th scope="col">{t.o.juror_deviation}</th>
                </tr></thead>
                <tbody>
                    {scales.into_iter().map(|(name, scale)| view! {
                        <tr>
                            <th scope="row">{name}</th>
                            <td>{scale.reviews}</td>
                            <td>{two_decimals(scale.mean)}</td>
                            <td>{if !scale.normalised {
                                format!("{} ({})", two_decimals(scale.deviation), t.o.not_normalised_cell)
                            } else if scale.deviation > 0.0 {
                                two_decimals(scale.deviation)
                            } else {
                                t.o.flat_juror.to_owned()
                            }}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </ScrollingTable>
        </section>
    }
    .into_any()
}

#[component]
fn RankingLine(row: RankingRow) -> impl IntoView {
    let t = texts();
    let optional = |value: Option<f64>, show: fn(f64) -> String| value.map_or_else(|| "–".to_owned(), show);
    let moved = match row.moved {
        Some(n) if n > 0 => Some((t.o.moved_up)(n)),
        Some(n) if n < 0 => Some((t.o.moved_down)(-n)),
        _ => None,
    };
    view! {
        <tr>
            <td>{place_text(row.place)}</td>
            <th scope="row">
                <a href=review_href(&row.application_id)>{row.kommun.clone()}</a>
                <span class="reference">{format!(" {}", row.reference)}</span>
            </th>
            {row.cells.iter().map(|cell| view! {
                <td>{match cell {
                    JurorCell::Total(total) => two_decimals(*total),
                    JurorCell::Conflict => t.o.conflict_cell.to_owned(),
                    JurorCell::NotDone => t.o.not_done_cell.to_owned(),
                }}</td>
            }).collect_view()}
            <td>{optional(row.mean, two_decimals)}</td>
            <td>{optional(row.median, two_decimals)}</td>
            <td>{row.reviews}</td>
            <td>{optional(row.spread, two_decimals)}</td>
            <td>{optional(row.normalised, two_decimals)}</td>
            <td>
                {place_text(row.raw_place)}
                {moved.map(|m| view! { <span class="moved">{format!(" ({m})")}</span> })}
            </td>
            <td>
                {place_text(row.schulze_place)}
                {(!row.schulze_unseparated.is_empty()).then(|| view! {
                    <span class="moved">{format!(" ({})", (t.o.schulze_unseparated)(row.schulze_beaten_by.unwrap_or_default(), &row.schulze_unseparated.join(", ")))}</span>
                })}
            </td>
        </tr>
    }
}

/// Whether the mean, the normalised score and Schulze nominate the same
/// applications, and which ones cross the cut where they do not.
#[component]
fn Methods(movers: Vec<RankingRow>, not_normalised: Vec<String>, schulze_open_cut: Vec<String>) -> impl IntoView {
    let t = texts();
    view! {
        <section aria-labelledby="metoder">
            <h2 id="metoder">{t.o.methods_heading}</h2>
            <p>{t.o.methods_intro}</p>
            <p>{t.o.schulze_numbering}</p>
            {(!schulze_open_cut.is_empty()).then(|| view! {
                <p class="notice">{(t.o.schulze_open_cut)(NOMINEES, &schulze_open_cut.join(", "))}</p>
            })}
            {(!not_normalised.is_empty()).then(|| view! { <p class="notice">{(t.o.not_normalised)(MIN_REVIEWS_TO_NORMALISE, &not_normalised.join(", "))}</p> })}
            {if movers.is_empty() {
                view! { <p><strong>{(t.o.nominees_same)(NOMINEES)}</strong></p> }.into_any()
            } else {
                view! {
                    <p><strong>{(t.o.nominees_differ)(NOMINEES)}</strong></p>
                    <ScrollingTable id="metoder-tabell" caption=t.o.movers_caption>
                        <thead><tr>
                            <th scope="col">{t.o.kommun}</th>
                            {Method::ALL.map(|m| view! { <th scope="col">{t.o.method_name[m as usize]}</th> }).collect_view()}
                        </tr></thead>
                        <tbody>
                            {movers.into_iter().map(|row| view! {
                                <tr>
                                    <th scope="row">{row.kommun.clone()}</th>
                                    {Method::ALL.map(|m| view! { <td>{place_text(row.place_by(m))}</td> }).collect_view()}
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </ScrollingTable>
                }.into_any()
            }}
        </section>
    }
}

/// The round's tie rule and every shared place it settled, or left to the jury.
#[component]
fn Ties(tie_rule: Option<String>, ties: Vec<TieView>) -> impl IntoView {
    let t = texts();
    view! {
        <section aria-labelledby="delade-platser">
            <h2 id="delade-platser">{t.o.ties_heading}</h2>
            <p>{(t.j.tie_rule)(tie_rule.as_deref())}</p>
            {if ties.is_empty() {
                view! { <p>{t.o.no_ties}</p> }.into_any()
            } else {
                view! {
                    <ul class="ties">
                        {ties.into_iter().map(|tie| {
                            let members = tie.applications.iter().map(|(kommun, score, after)| {
                                (t.o.tie_member)(kommun, score.map(two_decimals).as_deref(), &place_text(Some(*after)))
                            }).collect::<Vec<_>>().join("; ");
                            view! {
                                <li>
                                    {(t.o.tie_line)(t.o.method_name[tie.method as usize], tie.place)}
                                    {format!(" {members}. ")}
                                    {if tie.undecided { t.o.tie_undecided } else { t.o.tie_decided }}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
}

/// Links to the organisers' exports (`/arrangor/export/…`).
#[component]
pub fn Downloads(files: Vec<(&'static str, &'static str)>) -> impl IntoView {
    let t = texts();
    view! {
        <nav class="downloads" aria-label=t.o.downloads>
            <h2>{t.o.downloads}</h2>
            <ul>
                {files.into_iter().map(|(file, label)| view! {
                    <li><a href=format!("/arrangor/export/{file}") download=file rel="external">{label}</a></li>
                }).collect_view()}
            </ul>
        </nav>
    }
}
