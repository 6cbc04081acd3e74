use super::{or_no_round, winners::AnnouncedWinner};
use crate::{
    api::public::{CallPageData, PublicRound, call_page},
    components::deadline_notice::DeadlineNotice,
    domain::round::ApplicationWindow,
    i18n::texts,
};
use leptos::prelude::*;
use leptos_meta::Title;

/// `/`: the current call for applications.
#[component]
pub fn RoundPage() -> impl IntoView {
    or_no_round(OnceResource::new(call_page()), |page| view! { <RoundDetails page /> })
}

#[component]
fn RoundDetails(page: CallPageData) -> impl IntoView {
    let t = texts();
    let CallPageData { public, announced } = page;
    let PublicRound { round, window, opens_local, deadline_local, ceremony_local } = public;
    let apply = (window != ApplicationWindow::Closed)
        .then(|| view! { <p><a class="button" href="/ansok">{t.apply_cta}</a></p> });
    view! {
        <Title text=round.title.clone() />
        <article class="round">
            <header class="hero">
                <div class="wrap">
                    <h1 lang="sv">{round.title.clone()}</h1>
                    <p class="lead" lang="sv">{round.intro.clone()}</p>
                    <DeadlineNotice
                        window
                        opens_local
                        deadline_local
                        deadline_utc=round.deadline.last_minute_utc()
                    />
                    {apply}
                </div>
            </header>
            <div class="wrap page">
                {announced.map(|a| view! { <AnnouncedWinner announcement=a full=false /> })}
                <section aria-labelledby="omraden">
                    <h2 id="omraden">{t.areas_heading}</h2>
                    <p>{t.areas_intro}</p>
                    <ul class="areas" lang="sv">
                        {round
                            .sections
                            .into_iter()
                            .map(|s| view! {
                                <li class="area">
                                    <h3>{s.title}</h3>
                                    <p>{s.guidance}</p>
                                </li>
                            })
                            .collect_view()}
                    </ul>
                </section>
                <section aria-labelledby="kriterier">
                    <h2 id="kriterier">{t.criteria_heading}</h2>
                    <p lang="sv">{round.criteria_text.clone()}</p>
                    <ul class="criteria" lang="sv">
                        {round
                            .criteria
                            .into_iter()
                            .map(|c| view! {
                                <li><strong>{c.title}</strong>". "{c.description}</li>
                            })
                            .collect_view()}
                    </ul>
                </section>
                <section aria-labelledby="vem">
                    <h2 id="vem">{t.eligibility_heading}</h2>
                    <p lang="sv">{round.eligibility.clone()}</p>
                </section>
                <section aria-labelledby="juryn">
                    <h2 id="juryn">{t.jury_heading}</h2>
                    <ul class="jury" lang="sv">
                        {round
                            .jury
                            .into_iter()
                            .map(|j| view! { <li><strong>{j.name}</strong>", "{j.title}</li> })
                            .collect_view()}
                    </ul>
                </section>
                <section aria-labelledby="prisutdelning">
                    <h2 id="prisutdelning">{t.ceremony_label}</h2>
                    <p>
                        <time datetime=round.ceremony_at.to_rfc3339()>
                            {(t.long_date_time)(ceremony_local)}
                        </time>
                        ", "<span lang="sv">{round.ceremony_place.clone()}</span>"."
                    </p>
                    <p><a href="/omgang.ics" download="ehalsokommun.ics" rel="external">{t.o.calendar_link}</a></p>
                </section>
                <section aria-labelledby="partner">
                    <h2 id="partner">{t.partners_heading}</h2>
                    <ul class="partners" lang="sv">
                        {round.partners.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}
                    </ul>
                </section>
                <section aria-labelledby="kontakt">
                    <h2 id="kontakt">{t.contact_heading}</h2>
                    <p lang="sv">{round.contact.clone()}</p>
                </section>
            </div>
        </article>
    }
}
