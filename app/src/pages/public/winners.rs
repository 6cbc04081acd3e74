use crate::{api::public::past_winners, components::error_page::ErrorPage, domain::winner::PastWinner, i18n::texts};
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
        <div class="table-scroll" tabindex="0" role="region" aria-labelledby="vinnare-rubrik">
            <table class="winners">
                <caption id="vinnare-rubrik">{t.winners_caption}</caption>
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
            </table>
        </div>
    }
}
