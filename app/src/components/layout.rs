use crate::{
    components::form::csrf_token,
    domain::{access::Viewer, account::Role},
    i18n::{switch_language_href, texts},
};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::{components::A, hooks::use_location};

/// The logged-in person, read from the request. The header is rendered on the
/// server alone (it holds no island), so it needs no resource to wait on.
fn viewer() -> Option<Viewer> {
    #[cfg(feature = "ssr")]
    let viewer = crate::auth::viewer();
    #[cfg(not(feature = "ssr"))]
    let viewer = None;
    viewer
}

/// Skip link, header with the main menu, the page's content, footer.
#[component]
pub fn Layout(children: Children) -> impl IntoView {
    let t = texts();
    view! {
        <a class="skip-link" href="#innehall">{t.skip_to_content}</a>
        <SiteHeader />
        // tabindex lets the skip link move keyboard focus, not only the scroll position.
        <main id="innehall" tabindex="-1">{children()}</main>
        <SiteFooter />
    }
}

#[component]
fn SiteHeader() -> impl IntoView {
    let t = texts();
    let viewer = viewer();
    view! {
        <header class="site-header">
            <div class="wrap site-header-inner">
                <a class="site-name" href="/">{t.site_name}</a>
                <MainMenu role=viewer.as_ref().map(|v| v.role) />
                <WhoIsLoggedIn viewer />
                <LanguageSwitch />
            </div>
        </header>
    }
}

/// The menu shows only what the visitor's role may use.
#[component]
fn MainMenu(role: Option<Role>) -> impl IntoView {
    let t = texts();
    view! {
        <nav aria-label=t.nav_label>
            <ul class="nav-list">
                <li><A href="/" exact=true>{t.aw.nav}</A></li>
                {(role == Some(Role::Applicant)).then(|| view! { <li><A href="/ansokan">{t.ap.nav_application}</A></li> })}
                {(role == Some(Role::Juror)).then(|| view! {
                    <li><A href="/jury">{t.j.nav_jury}</A></li>
                    <li><A href="/jury/motiveringar">{t.mo.nav}</A></li>
                })}
                {(role == Some(Role::Organiser)).then(|| view! {
                    <li><A href="/arrangor/omgang">{t.o.nav_round}</A></li>
                    <li><A href="/arrangor/omgangar">{t.o.nav_rounds}</A></li>
                    <li><A href="/arrangor/ansokningar">{t.ap.nav_applications}</A></li>
                    <li><A href="/jury">{t.j.nav_jury}</A></li>
                    <li><A href="/arrangor/bedomning">{t.j.nav_review_settings}</A></li>
                    <li><A href="/arrangor/rangordning">{t.o.nav_ranking}</A></li>
                    <li><A href="/arrangor/laspaket">{t.o.nav_packet}</A></li>
                    <li><A href="/arrangor/beslut">{t.o.nav_decision}</A></li>
                    <li><A href="/jury/motiveringar">{t.mo.nav}</A></li>
                    <li><A href="/arrangor/logg">{t.o.nav_log}</A></li>
                    <li><A href="/arrangor/tillganglighet">{t.acc.nav}</A></li>
                    <li><A href="/arrangor/kommuner">{t.k.nav}</A></li>
                    <li><A href="/arrangor/gallring">{t.ret.nav}</A></li>
                    <li><A href="/arrangor/personer">{t.a.nav_people}</A></li>
                })}
                {role.map(|_| view! { <li><A href="/konto">{t.a.nav_account}</A></li> })}
            </ul>
        </nav>
    }
}

#[component]
fn WhoIsLoggedIn(viewer: Option<Viewer>) -> impl IntoView {
    let t = texts();
    match viewer {
        None => view! { <a class="log-in-link" href="/logga-in">{t.a.nav_log_in}</a> }.into_any(),
        Some(v) => {
            let place = v.kommun.as_ref().map(|(_, name)| format!(", {name}")).unwrap_or_default();
            view! {
                <div class="who">
                    <p>
                        <span class="visually-hidden">{t.a.signed_in_as}" "</span>
                        <strong>{v.name.clone()}</strong>" "
                        <span class="who-role">{format!("{}{place}", t.a.role_name(v.role))}</span>
                    </p>
                    // A plain form: log-out has no problems to show, and a form
                    // resource in the header would upset hydration of the page's own.
                    <form method="post" action=crate::api::account::LogOut::PATH class="portal-form">
                        <input type="hidden" name="csrf" value=csrf_token() />
                        <button type="submit" class="button">{t.a.log_out_button}</button>
                    </form>
                </div>
            }
            .into_any()
        }
    }
}

/// A link to the same page in the other language. It goes to the server, which
/// remembers the choice in a cookie, so it works without JavaScript too.
#[component]
fn LanguageSwitch() -> impl IntoView {
    let t = texts();
    let location = use_location();
    let href = move || switch_language_href(t, &location.pathname.get());
    view! {
        <a class="language-switch" href=href rel="external" lang=t.other_language_code hreflang=t.other_language_code>
            {t.other_language_name}
        </a>
    }
}

#[component]
fn SiteFooter() -> impl IntoView {
    let t = texts();
    view! {
        <footer class="site-footer">
            <div class="wrap">
                <p>{t.footer_about}</p>
                <p><a href="/tillganglighet">{t.footer_accessibility}</a>" · "<a href="/integritet">{t.footer_privacy}</a></p>
            </div>
        </footer>
    }
}
