use super::{AwardNav, NoRound, with_award_page};
use crate::{
    api::public::PublicRound, components::deadline_notice::DeadlineNotice, domain::round::ApplicationWindow,
    i18n::texts,
};
use leptos::prelude::*;
use leptos_meta::Title;

/// `/utmarkelser/{award}/ansok`: what an application contains, so a kommun can prepare it.
#[component]
pub fn HowToApplyPage() -> impl IntoView {
    let t = texts();
    with_award_page(move |page| match page.public {
        Some(public) => view! { <HowToApply award=page.award.id public /> }.into_any(),
        None => view! {
            <Title text=t.how_to_apply_title />
            <div class="wrap page">
                <h1>{t.how_to_apply_title}</h1>
                <p class="lead" lang="sv">{page.award.name}</p>
                <NoRound award=page.award.id />
            </div>
        }
        .into_any(),
    })
}

#[component]
fn HowToApply(award: String, public: PublicRound) -> impl IntoView {
    let t = texts();
    let PublicRound { round, window, opens_local, deadline_local, .. } = public;
    let closed = (window == ApplicationWindow::Closed)
        .then(|| view! { <p class="notice notice-closed">{t.how_to_apply_closed}</p> });
    view! {
        <Title text=t.how_to_apply_title />
        <div class="wrap page">
            <h1>{t.how_to_apply_title}</h1>
            <AwardNav award />
            <p class="lead">{t.how_to_apply_intro}</p>
            {closed}
            <DeadlineNotice window opens_local deadline_local deadline_utc=round.deadline.last_minute_utc() />
            <ol class="steps">
                {t.how_to_apply_steps.iter().map(|s| view! { <li>{*s}</li> }).collect_view()}
            </ol>
            <section aria-labelledby="delar">
                <h2 id="delar">{t.sections_heading}</h2>
                <dl class="sections">
                    {round
                        .sections
                        .into_iter()
                        .map(|s| view! {
                            <dt lang="sv">{s.title}</dt>
                            <dd>
                                <p lang="sv">{s.guidance}</p>
                                <p class="limit">{(t.max_chars)(s.max_chars)}</p>
                            </dd>
                        })
                        .collect_view()}
                </dl>
            </section>
            <section aria-labelledby="kontakt">
                <h2 id="kontakt">{t.contact_heading}</h2>
                <p lang="sv">{round.contact.clone()}</p>
            </section>
        </div>
    }
}
