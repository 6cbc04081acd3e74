use crate::{
    api::public::{AnnouncedDecision, Laureate, announcement, past_winners},
    components::{
        error_page::ErrorPage, loaded::when_loaded, scrolling_table::ScrollingTable, text_as_written::TextAsWritten,
    },
    domain::winner::PastWinner,
    i18n::texts,
};
use leptos::prelude::*;
use leptos_meta::Title;

/// `/vinnare`: the archive of past winners.
#[component]
pub fn WinnersPage() -> impl IntoView {
    let t = texts();
    let winners = Resource::new(|| (), |_| past_winners());
    view! {
        <Title text=t.winners_title />
        <div class="wrap page">
            <h1>{t.winners_title}</h1>
            <p class="lead">{t.winners_intro}</p>
            {when_loaded(OnceResource::new(announcement()), |found| found.map(|a| view! { <AnnouncedWinner announcement=a full=true /> }))}
            <Suspense>
                {move || Suspend::new(async move {
                    match winners.await {
                        Ok(list) if list.is_empty() => view! { <p>{t.winners_empty}</p> }.into_any(),
                        Ok(list) => view! { <WinnersTable winners=list /> }.into_any(),
                        Err(e) => view! { <ErrorPage error=e /> }.into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
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
                        view! {
                            <tr>
                                <th scope="row">{w.year}</th>
                                <td lang="sv">{w.winner}</td>
                                {finalists}
                                <td lang="sv">{w.ceremony}</td>
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
pub fn AnnouncedWinner(announcement: AnnouncedDecision, full: bool) -> impl IntoView {
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
            {(!full).then(|| view! { <p><a href="/vinnare">{t.o.motivations_link}</a></p> })}
        </section>
    }
}
