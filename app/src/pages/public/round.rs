use super::{AwardNav, NoRound, award_href, winners::AnnouncedWinner, with_award_page};
use crate::{
    api::public::{AnnouncedDecision, PublicRound},
    components::deadline_notice::DeadlineNotice,
    domain::award::Award,
    i18n::texts,
};
use leptos::prelude::*;
use leptos_meta::Title;

/// `/utmarkelser/{award}`: the award's current call, or what the award is
/// while no round of it is out.
#[component]
pub fn AwardPage() -> impl IntoView {
    with_award_page(|page| match page.public {
        Some(public) => view! { <RoundDetails award=page.award public announced=page.announced /> }.into_any(),
        None => view! { <AwardAbout award=page.award /> }.into_any(),
    })
}

/// The award between its rounds: its purpose, what is judged, who may take part.
#[component]
fn AwardAbout(award: Award) -> impl IntoView {
    let t = texts();
    let Award { id, name, organiser, description, cadence_years, kinds, partners, criteria, .. } = award;
    let partners = (!partners.is_empty()).then(|| {
        view! {
            <section aria-labelledby="partner">
                <h2 id="partner">{t.partners_heading}</h2>
                <ul class="partners" lang="sv">
                    {partners.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}
                </ul>
            </section>
        }
    });
    view! {
        <Title text=name.clone() />
        <div class="wrap page">
            <h1 lang="sv">{name}</h1>
            <p class="lead">{(t.aw.organiser)(&organiser)}</p>
            <NoRound award=id />
            <section aria-labelledby="om">
                <h2 id="om">{t.aw.purpose_heading}</h2>
                <p lang="sv">{description}</p>
                <p>{(t.aw.cadence)(cadence_years)}</p>
            </section>
            <section aria-labelledby="bedoms">
                <h2 id="bedoms">{t.aw.judged_heading}</h2>
                <ul class="criteria" lang="sv">
                    {criteria.into_iter().map(|c| view! { <li>{c}</li> }).collect_view()}
                </ul>
            </section>
            <section aria-labelledby="vem">
                <h2 id="vem">{t.aw.who_heading}</h2>
                <p>{t.aw.who_intro}":"</p>
                <ul>
                    {kinds.into_iter().map(|k| view! { <li>{(t.aw.kind)(k)}</li> }).collect_view()}
                </ul>
            </section>
            {partners}
        </div>
    }
}

#[component]
fn RoundDetails(award: Award, public: PublicRound, announced: Option<AnnouncedDecision>) -> impl IntoView {
    let t = texts();
    let PublicRound { round, window, opens_local, deadline_local, ceremony_local } = public;
    let home = award_href(&award.id);
    let apply = award.offers_to_apply(window).then(|| {
        view! { <p><a class="button" href=format!("{home}/ansok")>{t.apply_cta}</a></p> }
    });
    view! {
        <Title text=round.title.clone() />
        <article class="round">
            <header class="hero">
                <div class="wrap">
                    <h1 lang="sv">{round.title.clone()}</h1>
                    {(!round.theme.is_empty()).then(|| view! {
                        <p class="theme">{t.aw.theme}": "<strong lang="sv">{round.theme.clone()}</strong></p>
                    })}
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
                <AwardNav award=award.id.clone() />
                {announced.map(|a| view! { <AnnouncedWinner award=award.id.clone() announcement=a full=false /> })}
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
                    <p>
                        <a href=format!("{home}/omgang.ics") download=format!("{}.ics", award.id) rel="external">
                            {t.o.calendar_link}
                        </a>
                    </p>
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
