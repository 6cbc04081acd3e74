use crate::i18n::{switch_language_href, texts};
use leptos::prelude::*;
use leptos_router::{components::A, hooks::use_location};

/// Skip link, header with the main menu, the page's content, footer.
#[component]
pub fn Layout(children: Children) -> impl IntoView {
    let t = texts();
    view! {
        // rel="external" keeps the router out, so the browser itself moves focus to <main>.
        <a class="skip-link" href="#innehall" rel="external">{t.skip_to_content}</a>
        <SiteHeader />
        // tabindex lets the skip link move keyboard focus, not only the scroll position.
        <main id="innehall" tabindex="-1">{children()}</main>
        <SiteFooter />
    }
}

#[component]
fn SiteHeader() -> impl IntoView {
    let t = texts();
    view! {
        <header class="site-header">
            <div class="wrap site-header-inner">
                <a class="site-name" href="/">{t.site_name}</a>
                <nav aria-label=t.nav_label>
                    <ul class="nav-list">
                        <li><A href="/" exact=true>{t.nav_round}</A></li>
                        <li><A href="/ansok">{t.nav_apply}</A></li>
                        <li><A href="/vinnare">{t.nav_winners}</A></li>
                    </ul>
                </nav>
                <LanguageSwitch />
            </div>
        </header>
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
                <p><a href="/tillganglighet">{t.footer_accessibility}</a></p>
            </div>
        </footer>
    }
}
