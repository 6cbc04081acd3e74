//! The award portal: pages, components and server functions (Leptos), the domain
//! rules, and, behind the `ssr` feature, storage and configuration.

#![recursion_limit = "256"]

pub mod api;
pub mod components;
pub mod cookies;
pub mod domain;
pub mod error;
pub mod i18n;
pub mod pages;
pub mod problem;
pub mod routes;
pub mod wiring;

#[cfg(feature = "ssr")]
pub mod auth;
#[cfg(feature = "ssr")]
pub mod calendar;
#[cfg(feature = "ssr")]
pub mod config;
#[cfg(feature = "ssr")]
pub mod export;
#[cfg(feature = "ssr")]
pub mod mail;
#[cfg(feature = "ssr")]
pub mod retention;
#[cfg(feature = "ssr")]
pub mod security;
#[cfg(feature = "ssr")]
pub mod state;
#[cfg(feature = "ssr")]
pub mod storage;

use components::{error_page::UnavailablePage, layout::Layout};
use leptos::prelude::*;
use leptos_meta::{Title, provide_meta_context};
use leptos_router::{
    SsrMode,
    components::{Route, Router, Routes},
    path,
};
use pages::{
    account::{
        links::{ConfirmPage, ForgotPasswordPage, ForgotSentPage, InvitationPage, ResetPage},
        log_in::LogInPage,
        my_account::{AccountPage, DeletePage, MyDataPage},
        sign_up::{SignUpPage, SignUpSentPage},
    },
    application::{
        editor::ApplicationPage,
        history::HistoryPage,
        preview::PreviewPage,
        submit::{ReceiptPage, SubmitPage},
    },
    forbidden::ForbiddenPage,
    jury::{
        conflicts::ConflictsPage,
        context::{ChangesPage, EarlierApplicationPage},
        motivations::{MotivationPage, MotivationsPage},
        review::{PrintApplicationPage, ReviewApplicationPage},
        shortlist::ShortlistPage,
        start::JuryStartPage,
    },
    not_found::NotFoundPage,
    organiser::{
        accessibility::AccessibilityAdminPage, applications::ApplicationsPage, decision::DecisionPage,
        draft::DraftRoundPage, kommuner::KommunerPage, log::LogPage, packet::PacketPage, people::PeoplePage,
        ranking::RankingPage, retention::RetentionPage, review_settings::ReviewSettingsPage, round::RoundLifePage,
        rounds::RoundsPage,
    },
    public::{
        accessibility::AccessibilityPage, how_to_apply::HowToApplyPage, privacy::PrivacyPage, round::AwardPage,
        start::StartPage, winners::WinnersPage,
    },
};

/// The HTML document around the app, rendered on the server only.
#[cfg(feature = "ssr")]
pub fn shell(options: LeptosOptions) -> impl IntoView {
    use leptos_meta::MetaTags;
    let lang = i18n::texts().lang;
    // Islands mode: nothing outside an island is hydrated, so nothing outside one
    // carries hydration markers. A page with an island loads the browser code for
    // it itself (`components::islands::IslandScripts`); the others load none.
    if let Some(shared) = Owner::current_shared_context() {
        shared.set_is_hydrating(false);
    }
    provide_context(options.clone());
    let stylesheet = use_context::<state::AppState>().map(|state| state.stylesheet);
    view! {
        <!DOCTYPE html>
        <html lang=lang>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <meta name="color-scheme" content="light" />
                <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
                <link rel="stylesheet" id="portal" href=stylesheet />
                <MetaTags />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let texts = i18n::texts();
    // Every page waits for its data before the first byte, so it reads fully
    // without JavaScript and the status code (404, 503) can still be set.
    view! {
        // Every page's title passes through here, the round's own title among
        // them (organisers write it): escaped on the server, see `raw_text_content`.
        <Title formatter=move |page: String| {
            components::form::raw_text_content(format!("{page} – {}", texts.site_name))
        } />
        <Router>
            <Layout>
                <Routes fallback=NotFoundPage>
                    <Route path=path!("") view=StartPage ssr=SsrMode::Async />
                    <Route path=path!("/utmarkelser/:award") view=AwardPage ssr=SsrMode::Async />
                    <Route path=path!("/utmarkelser/:award/ansok") view=HowToApplyPage ssr=SsrMode::Async />
                    <Route path=path!("/utmarkelser/:award/vinnare") view=WinnersPage ssr=SsrMode::Async />
                    <Route path=path!("/tillganglighet") view=AccessibilityPage ssr=SsrMode::Async />
                    <Route path=path!("/integritet") view=PrivacyPage ssr=SsrMode::Async />
                    <Route path=path!("/ingen-behorighet") view=ForbiddenPage ssr=SsrMode::Async />
                    <Route path=path!("/tillfalligt-fel") view=UnavailablePage ssr=SsrMode::Async />
                    <Route path=path!("/logga-in") view=LogInPage ssr=SsrMode::Async />
                    <Route path=path!("/registrera") view=SignUpPage ssr=SsrMode::Async />
                    <Route path=path!("/registrera/skickat") view=SignUpSentPage ssr=SsrMode::Async />
                    <Route path=path!("/bekrafta/:token") view=ConfirmPage ssr=SsrMode::Async />
                    <Route path=path!("/glomt-losenord") view=ForgotPasswordPage ssr=SsrMode::Async />
                    <Route path=path!("/glomt-losenord/skickat") view=ForgotSentPage ssr=SsrMode::Async />
                    <Route path=path!("/aterstall/:token") view=ResetPage ssr=SsrMode::Async />
                    <Route path=path!("/inbjudan/:token") view=InvitationPage ssr=SsrMode::Async />
                    <Route path=path!("/konto") view=AccountPage ssr=SsrMode::Async />
                    <Route path=path!("/konto/mina-uppgifter") view=MyDataPage ssr=SsrMode::Async />
                    <Route path=path!("/konto/radera") view=DeletePage ssr=SsrMode::Async />
                    <Route path=path!("/arrangor/personer") view=PeoplePage ssr=SsrMode::Async />
                    <Route path=path!("/arrangor/ansokningar") view=ApplicationsPage ssr=SsrMode::Async />
                    <Route path=path!("/ansokan") view=ApplicationPage ssr=SsrMode::Async />
                    <Route path=path!("/ansokan/forhandsgranska") view=PreviewPage ssr=SsrMode::Async />
                    <Route path=path!("/ansokan/skicka-in") view=SubmitPage ssr=SsrMode::Async />
                    <Route path=path!("/ansokan/inskickad/:number") view=ReceiptPage ssr=SsrMode::Async />
                    <Route path=path!("/ansokan/historik/:part") view=HistoryPage ssr=SsrMode::Async />
                    <Route path=path!("/arrangor/bedomning") view=ReviewSettingsPage ssr=SsrMode::Async />
                    <Route path=path!("/arrangor/rangordning") view=RankingPage ssr=SsrMode::Async />
                    <Route path=path!("/arrangor/omgang") view=RoundLifePage ssr=SsrMode::Async />
                    <Route path=path!("/arrangor/beslut") view=DecisionPage ssr=SsrMode::Async />
                    <Route path=path!("/arrangor/logg") view=LogPage ssr=SsrMode::Async />
                    <Route path=path!("/arrangor/tillganglighet") view=AccessibilityAdminPage ssr=SsrMode::Async />
                    <Route path=path!("/arrangor/gallring") view=RetentionPage ssr=SsrMode::Async />
                    <Route path=path!("/arrangor/laspaket") view=PacketPage ssr=SsrMode::Async />
                    <Route path=path!("/arrangor/omgangar") view=RoundsPage ssr=SsrMode::Async />
                    <Route path=path!("/arrangor/omgangar/utkast") view=DraftRoundPage ssr=SsrMode::Async />
                    <Route path=path!("/jury") view=JuryStartPage ssr=SsrMode::Async />
                    <Route path=path!("/jury/ansokan/:application") view=ReviewApplicationPage ssr=SsrMode::Async />
                    <Route path=path!("/jury/ansokan/:application/utskrift") view=PrintApplicationPage ssr=SsrMode::Async />
                    <Route path=path!("/jury/ansokan/:application/forandringar") view=ChangesPage ssr=SsrMode::Async />
                    <Route path=path!("/jury/ansokan/:application/tidigare/:earlier") view=EarlierApplicationPage ssr=SsrMode::Async />
                    <Route path=path!("/arrangor/kommuner") view=KommunerPage ssr=SsrMode::Async />
                    <Route path=path!("/jury/jav") view=ConflictsPage ssr=SsrMode::Async />
                    <Route path=path!("/jury/kortlista") view=ShortlistPage ssr=SsrMode::Async />
                    <Route path=path!("/jury/motiveringar") view=MotivationsPage ssr=SsrMode::Async />
                    <Route path=path!("/jury/motiveringar/:application") view=MotivationPage ssr=SsrMode::Async />
                </Routes>
            </Layout>
        </Router>
    }
}

/// The browser's entry: the pages are the server's HTML, and only their islands
/// (`#[island]`: the application's and the review's autosaves) run here, on
/// that HTML, with the texts the server gave them.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_islands();
}
