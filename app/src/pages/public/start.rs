use super::award_href;
use crate::{
    api::public::{AwardCard, awards_overview},
    components::loaded::when_loaded,
    i18n::texts,
};
use leptos::prelude::*;
use leptos_meta::Title;

/// `/`: every award, where each stands, and the way to its page.
#[component]
pub fn StartPage() -> impl IntoView {
    let t = texts();
    view! {
        <Title text=t.aw.start_title />
        <div class="wrap page">
            <h1>{t.aw.start_title}</h1>
            <p class="lead">{t.aw.start_intro}</p>
            {when_loaded(OnceResource::new(awards_overview()), |cards| view! {
                <ul class="award-cards">
                    {cards.into_iter().map(|card| view! { <li><AwardCardView card /></li> }).collect_view()}
                </ul>
            })}
        </div>
    }
}

#[component]
fn AwardCardView(card: AwardCard) -> impl IntoView {
    let t = texts();
    let AwardCard { id, name, organiser, standing, latest_winner } = card;
    let heading = format!("utmarkelse-{id}");
    view! {
        <article class="award-card" aria-labelledby=heading.clone()>
            <h2 id=heading.clone() lang="sv"><a href=award_href(&id)>{name}</a></h2>
            <p class="award-organiser">{(t.aw.organiser)(&organiser)}</p>
            <p class="award-standing"><strong>{(t.aw.standing)(standing)}</strong></p>
            {latest_winner.map(|(year, winner)| view! {
                <p class="award-latest">
                    {t.aw.latest_winner}": "<span lang="sv">{winner}</span>" ("{year}")"
                </p>
            })}
        </article>
    }
}
