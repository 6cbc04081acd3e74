use super::{AwardNav, award_href, award_slug, with_award_page};
use crate::{
    api::public::{AnnouncedDecision, Laureate, past_winners},
    components::{loaded::when_loaded, scrolling_table::ScrollingTable, text_as_written::TextAsWritten},
    domain::winner::PastWinner,
    i18n::texts,
};
use leptos::prelude::*;
use leptos_meta::Title;

/// `/utmarkelser/{award}/vinnare`: the award's archive of past winners.
#[component]
pub fn WinnersPage() -> impl IntoView {
    let t = texts();
    let winners = OnceResource::new(past_winners(award_slug()));
    with_award_page(move |page| {
        let award = page.award.id.clone();
        view! {
            <Title text=format!("{} – {}", t.winners_title, page.award.name) />
            <div class="wrap page">
                <h1>{t.winners_title}</h1>
                <AwardNav award=award.clone() />
                <p class="lead">{(t.aw.winners_intro)(&page.award.name)}</p>
                {page.announced.map(|a| view! { <AnnouncedWinner award=award.clone() announcement=a full=true /> })}
                {when_loaded(winners, |list| {
                    if list.is_empty() {
                        view! { <p>{texts().winners_empty}</p> }.into_any()
                    } else {
                        view! { <WinnersTable winners=list /> }.into_any()
                    }
                })}
            </div>
        }
    })
}

#[component]
fn WinnersTable(winners: Vec<PastWinner>) -> impl IntoView {
    let t = texts();
    view! {
        <ScrollingTable id="vinnare-rubrik" caption=t.winners_caption class="winners">
            <thead>
                <tr>
                    <th scope="col">{t.winners_year}</th>
                    <th scope="col">{t.winners_winner}</th>
                    <th scope="col">{t.winners_finalists}</th>
                    <th scope="col">{t.winners_ceremony}</th>
                </tr>
            </thead>
            <tbody>
                {winners
                    .into_iter()
                    .map(|w| {
                        let finalists = if w.finalists.is_empty() {
                            view! { <td>{t.winners_finalists_unknown}</td> }.into_any()
                        } else {
                            view! { <td lang="sv">{w.finalists.join(", ")}</td> }.into_any()
                        };
                        let ceremony = if w.ceremony.is_empty() {
                            view! { <td>{t.aw.ceremony_unknown}</td> }.into_any()
                        } else {
                            view! { <td lang="sv">{w.ceremony}</td> }.into_any()
                        };
                        let entry = (!w.entry_title.is_empty()).then(|| view! { <br />"”"{w.entry_title}"”" });
                        // The count is the page's language, in a cell of Swedish names.
                        let entries =
                            w.entries.map(|n| view! { <br /><span class="entries" lang=t.lang>{(t.aw.entries)(n)}</span> });
                        view! {
                            <tr>
                                <th scope="row">{w.year}</th>
                                <td lang="sv">{w.winner}{entry}{entries}</td>
                                {finalists}
                                {ceremony}
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </ScrollingTable>
    }
}

/// The current round's announced winner, finalists and honourable mentions;
/// `full` with the jury's motivations, else the names and a link to them.
#[component]
pub fn AnnouncedWinner(award: String, announcement: AnnouncedDecision, full: bool) -> impl IntoView {
    let t = texts();
    let AnnouncedDecision { round_title, ceremony_local, ceremony_place, winner, finalists, mentions } = announcement;
    let group = move |heading: &'static str, id: &'static str, laureates: Vec<Laureate>| {
        (!laureates.is_empty()).then(|| {
            view! {
                <h3 id=id>{heading}</h3>
                <ul class="laureates" aria-labelledby=id>
                    {laureates.into_iter().map(|l| view! {
                        <li>
                            <strong lang="sv">{l.kommun}</strong>
                            {full.then(|| view! { <div lang="sv"><TextAsWritten text=l.motivation /></div> })}
                        </li>
                    }).collect_view()}
                </ul>
            }
        })
    };
    view! {
        <section class="announced" aria-labelledby="juryns-beslut">
            <h2 id="juryns-beslut" lang="sv">{(t.o.announced_heading)(&round_title)}</h2>
            {group(t.o.winner_heading, "vinnare-rubrik-2", vec![winner])}
            {group(t.o.finalists_heading, "finalister-rubrik", finalists)}
            {group(t.o.mentions_heading, "hedersomnamnanden-rubrik", mentions)}
            <p>{(t.o.ceremony_line)(&(t.long_date_time)(ceremony_local), &ceremony_place)}</p>
            {(!full).then(|| view! { <p><a href=format!("{}/vinnare", award_href(&award))>{t.o.motivations_link}</a></p> })}
        </section>
    }
}
