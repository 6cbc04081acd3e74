//! The public face: the awards, each award's call, how to apply and its winners,
//! the accessibility statement and the privacy notice.

pub mod accessibility;
pub mod how_to_apply;
pub mod privacy;
pub mod round;
pub mod start;
pub mod winners;

use crate::{
    api::public::{AwardPageData, award_page},
    components::loaded::when_loaded,
    i18n::texts,
    pages::not_found::NotFoundPage,
};
use leptos::prelude::*;
use leptos_router::{components::A, hooks::use_params_map};

/// The award the address names (`/utmarkelser/{award}/…`).
fn award_slug() -> String {
    use_params_map().with_untracked(|p| p.get("award")).unwrap_or_default()
}

/// `/utmarkelser/{award}`, the award's home on the portal; its other pages are below it.
pub fn award_href(award: &str) -> String {
    format!("/utmarkelser/{award}")
}

/// Loads the award the address names with its current round, and renders `view`
/// with it; an address of no award is the not-found page.
pub fn with_award_page<V: IntoView + 'static>(
    view: impl Fn(AwardPageData) -> V + Send + Sync + Clone + 'static,
) -> impl IntoView {
    when_loaded(OnceResource::new(award_page(award_slug())), move |found| match found {
        Some(page) => view(page).into_any(),
        None => view! { <NotFoundPage /> }.into_any(),
    })
}

/// The award's own menu: its call, how to apply, its winners.
#[component]
pub fn AwardNav(award: String) -> impl IntoView {
    let t = texts();
    let home = award_href(&award);
    view! {
        <nav class="award-nav" aria-label=t.aw.award_nav_label>
            <ul class="nav-list">
                <li><A href=home.clone() exact=true>{t.aw.award_nav_call}</A></li>
                <li><A href=format!("{home}/ansok") exact=true>{t.nav_apply}</A></li>
                <li><A href=format!("{home}/vinnare") exact=true>{t.nav_winners}</A></li>
            </ul>
        </nav>
    }
}

/// An award's page when no round of it is out: the notice, and the link to
/// the award's own page where its purpose and archive are.
#[component]
pub fn NoRound(award: String) -> impl IntoView {
    view! {
        <p class="notice notice-info">{texts().no_round}</p>
        <AwardNav award />
    }
}
