//! The call's public pages kept rendered for visitors without a session. `/` and
//! `/ansok` show the current round and nothing else that changes: the same for every
//! such visitor in one language, and rendering them was three quarters of their time.
//!
//! A kept page is served again only while all it was made from still holds:
//! - the round it was rendered from is the current round, as `Db::current_round`
//!   reads it for the request: that read is the freshness check, one row (the
//!   rounds' change counter) that every instance on the database moves when it
//!   writes a round, so no instance serves a page older than the last write;
//! - the round's public phase (`Round::public_phase`) is the same now: the window
//!   opening or closing and an embargo ending change the page with nobody writing;
//! - it was rendered less than `KEPT_AT_MOST` ago, the bound that a change made
//!   beside the portal (a hand edit of a kommun's name, say) shows within.
//!
//! A page is kept only if the counter and the phase did not move while it was
//! rendered, and never an error page. The decision shown after an announcement is
//! fixed by then (`RoundState::DECISION_OPEN`).
//! Only the rendered page is kept; every layer around it (cookies, the nonce, the
//! guard, the security headers) runs for each request as for any other page.

use app::{
    auth::csrf::CSRF_COOKIE,
    components::error_page::MARK as ERROR_PAGE_MARK,
    cookies,
    domain::round::{PublicPhase, Round},
    i18n::{LOCALE_COOKIE, Locale},
    state::AppState,
    storage::seed::EHALSOKOMMUN,
};
use axum::{
    body::{Body, Bytes},
    extract::{Request, State},
    middleware::Next,
    response::{IntoResponse, Response},
};
use http::{HeaderMap, Method, StatusCode, header};
use std::{
    collections::HashMap,
    sync::{Arc, Mutex, PoisonError},
    time::{Duration, Instant},
};

/// The pages kept: both are made from the current round alone (`app::pages::public`).
const PAGES: [&str; 2] = ["/", "/ansok"];

/// The same bound as the current round's own (`storage::rounds`).
const KEPT_AT_MOST: Duration = Duration::from_secs(60);

/// One instance's kept pages, by address and language.
pub struct KeptPages {
    state: AppState,
    pages: Pages,
}

impl KeptPages {
    pub fn new(state: AppState) -> Arc<KeptPages> {
        Arc::new(KeptPages { state, pages: Pages::default() })
    }
}

type Key = (&'static str, Locale);

/// What a page was made from: the current round (none: no round is out) and its phase.
type MadeFrom = Option<(Round, PublicPhase)>;

#[derive(Default)]
struct Pages(Mutex<HashMap<Key, Kept>>);

struct Kept {
    made_from: MadeFrom,
    rendered_at: Instant,
    headers: HeaderMap,
    body: Bytes,
}

impl Pages {
    /// The page kept under `key` if it was made from `made_from` less than `KEPT_AT_MOST` before `at`.
    fn find(&self, key: Key, made_from: &MadeFrom, at: Instant) -> Option<(HeaderMap, Bytes)> {
        let pages = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        let kept = pages.get(&key)?;
        (at.saturating_duration_since(kept.rendered_at) < KEPT_AT_MOST && kept.made_from == *made_from)
            .then(|| (kept.headers.clone(), kept.body.clone()))
    }

    fn keep(&self, key: Key, kept: Kept) {
        self.0.lock().unwrap_or_else(PoisonError::into_inner).insert(key, kept);
    }
}

/// Middleware around the pages: a kept page when it still holds, else the page
/// rendered, and kept when it may be.
pub async fn serve(State(kept): State<Arc<KeptPages>>, request: Request, next: Next) -> Response {
    let Some(path) = PAGES.into_iter().find(|page| *page == request.uri().path()) else {
        return next.run(request).await;
    };
    let secure = kept.state.settings.uses_https();
    let Some(locale) = (request.method() == Method::GET && request.uri().query().is_none())
        .then(|| anonymous_locale(request.headers(), secure))
        .flatten()
    else {
        return next.run(request).await;
    };
    let now = kept.state.clock.now();
    let Ok((version, round)) = kept.state.db.current_round_and_version(EHALSOKOMMUN).await else {
        // The page says what went wrong itself.
        return next.run(request).await;
    };
    let made_from = round.map(|r| {
        let phase = r.public_phase(now);
        (r, phase)
    });
    let key = (path, locale);
    let rendered_at = Instant::now();
    if let Some((headers, body)) = kept.pages.find(key, &made_from, rendered_at) {
        let mut response = Response::new(Body::from(body));
        *response.headers_mut() = headers;
        return response;
    }
    let response = next.run(request).await;
    // Only a whole page as anyone gets it: an error page may pass, a cookie is one person's.
    if response.status() != StatusCode::OK || response.headers().contains_key(header::SET_COOKIE) {
        return response;
    }
    let (parts, body) = response.into_parts();
    let Ok(body) = axum::body::to_bytes(body, usize::MAX).await else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    // The page read the round and the clock again: kept only if neither moved meanwhile,
    // not even to and fro (an undone step), which the counter counts and the round does not show.
    let unmoved = kept.state.db.rounds_version().await.ok() == Some(version)
        && made_from.as_ref().map(|(r, _)| r.public_phase(kept.state.clock.now()))
            == made_from.as_ref().map(|(_, phase)| *phase);
    if unmoved && may_keep(&body) {
        kept.pages.keep(key, Kept { made_from, rendered_at, headers: parts.headers.clone(), body: body.clone() });
    }
    Response::from_parts(parts, Body::from(body))
}

/// Whether a rendered page may be served to others: not an error page (its status
/// is set through Leptos's response options, which under load have lost a header
/// before, `app::security`), and nothing bound to this response's nonce.
fn may_keep(body: &[u8]) -> bool {
    std::str::from_utf8(body).is_ok_and(|page| !page.contains(ERROR_PAGE_MARK) && !page.contains(" nonce="))
}

/// The visitor's language when the request carries no cookie but the language's
/// and the CSRF token's: neither of them changes what the two pages show.
fn anonymous_locale(headers: &HeaderMap, secure: bool) -> Option<Locale> {
    let csrf = cookies::name(CSRF_COOKIE, secure);
    let mut values = headers.get_all(header::COOKIE).iter();
    let cookie_names_allowed = values.all(|value| {
        value.to_str().is_ok_and(|value| {
            value
                .split(';')
                .map(|pair| pair.trim().split_once('=').map_or(pair.trim(), |(name, _)| name))
                .all(|name| name.is_empty() || name == LOCALE_COOKIE || name == csrf)
        })
    });
    // The page reads the first `Cookie` header alone (`i18n::provide_request_locale`).
    cookie_names_allowed.then(|| {
        headers.get(header::COOKIE).and_then(|v| v.to_str().ok()).map(Locale::from_cookie_header).unwrap_or_default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use http::HeaderValue;

    fn with_cookies(values: &[&str]) -> HeaderMap {
        let mut headers = HeaderMap::new();
        for value in values {
            headers.append(header::COOKIE, HeaderValue::from_str(value).unwrap());
        }
        headers
    }

    fn kept(made_from: MadeFrom, rendered_at: Instant, body: &'static str) -> Kept {
        Kept { made_from, rendered_at, headers: HeaderMap::new(), body: Bytes::from_static(body.as_bytes()) }
    }

    #[test]
    fn a_kept_page_is_served_while_its_round_its_phase_and_its_minute_hold() {
        let round = app::storage::seed::ehalsokommun_2027();
        let open: chrono::DateTime<chrono::Utc> = "2027-01-10T10:00:00Z".parse().unwrap();
        let closed: chrono::DateTime<chrono::Utc> = "2027-04-16T10:00:00Z".parse().unwrap();
        let now = Instant::now();
        let pages = Pages::default();
        let made_from = Some((round.clone(), round.public_phase(open)));
        pages.keep(("/", Locale::Sv), kept(made_from.clone(), now, "öppen"));
        let found = |key, made_from: &MadeFrom, at| pages.find(key, made_from, at).map(|(_, body)| body);

        assert_eq!(found(("/", Locale::Sv), &made_from, now + Duration::from_secs(59)), Some(Bytes::from("öppen")));
        // The same round at any moment of the same phase is the same page.
        let same_phase = Some((round.clone(), round.public_phase(open + chrono::Duration::days(30))));
        assert!(found(("/", Locale::Sv), &same_phase, now).is_some());
        // Another language, address, phase, round, or a minute gone: rendered again.
        assert!(found(("/", Locale::En), &made_from, now).is_none());
        assert!(found(("/ansok", Locale::Sv), &made_from, now).is_none());
        assert!(found(("/", Locale::Sv), &Some((round.clone(), round.public_phase(closed))), now).is_none());
        let mut renamed = round.clone();
        renamed.title.push_str(" (ny titel)");
        assert!(found(("/", Locale::Sv), &Some((renamed.clone(), renamed.public_phase(open))), now).is_none());
        assert!(found(("/", Locale::Sv), &None, now).is_none());
        assert!(found(("/", Locale::Sv), &made_from, now + KEPT_AT_MOST).is_none());
    }

    #[test]
    fn an_error_page_or_a_page_with_a_nonce_is_never_kept() {
        assert!(may_keep(b"<main><h1>Sveriges eH\xc3\xa4lsokommun 2027</h1></main>"));
        assert!(!may_keep(b"<div class=\"wrap page\" data-error-page=\"\"><h1>Fel</h1></div>"));
        assert!(!may_keep(b"<script nonce=\"abc\">1</script>"));
    }

    #[test]
    fn a_page_is_kept_for_the_language_and_csrf_cookies_alone() {
        assert_eq!(anonymous_locale(&with_cookies(&[]), false), Some(Locale::Sv));
        assert_eq!(anonymous_locale(&with_cookies(&["sprak=en"]), false), Some(Locale::En));
        assert_eq!(anonymous_locale(&with_cookies(&["portal_csrf=abc; sprak=en"]), false), Some(Locale::En));
        assert_eq!(anonymous_locale(&with_cookies(&["__Host-portal_csrf=abc"]), true), Some(Locale::Sv));
        // A session, valid or not, the form's echo, or anything unknown: rendered for the request.
        assert_eq!(anonymous_locale(&with_cookies(&["portal_session=x"]), false), None);
        assert_eq!(anonymous_locale(&with_cookies(&["sprak=en", "portal_session=x"]), false), None);
        assert_eq!(anonymous_locale(&with_cookies(&["portal_svar=x"]), false), None);
        assert_eq!(anonymous_locale(&with_cookies(&["__Host-portal_csrf=abc"]), false), None);
        assert_eq!(anonymous_locale(&with_cookies(&["other"]), false), None);
    }
}
