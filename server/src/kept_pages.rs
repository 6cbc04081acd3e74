//! The public pages of the awards kept rendered for visitors without a session:
//! the start page (`/`), each award's call (`/utmarkelser/{award}`) and how to apply
//! (`…/ansok`). They show the awards and their current rounds and nothing else that
//! changes: the same for every such visitor in one language, and rendering them was
//! three quarters of their time.
//!
//! A kept page is served again only while all it was made from still holds:
//! - the awards and rounds it was rendered from are the awards and their current
//!   rounds, as `Db::awards_and_rounds` reads them for the request: that read is the
//!   freshness check, one row (the rounds' change counter) that every instance on
//!   the database moves when it writes a round or an award, so no instance serves a
//!   page older than the last write;
//! - each round's public phase (`Round::public_phase`) is the same now: a window
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
    domain::{
        award::Award,
        round::{PublicPhase, Round},
    },
    i18n::{LOCALE_COOKIE, Locale},
    state::AppState,
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

/// Which awards a kept page at `path` is made from: all of them (the start page),
/// one (its call or how to apply), or none (not a kept page).
fn made_of(path: &str) -> Option<Option<&str>> {
    if path == "/" {
        return Some(None);
    }
    let rest = path.strip_prefix("/utmarkelser/")?;
    let award = rest.strip_suffix("/ansok").unwrap_or(rest);
    app::domain::award::is_slug(award).then_some(Some(award))
}

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

/// A kept page's address, of a known award's, and its language.
type Key = (String, Locale);

/// What a page was made from: each award with its current round (none: no round
/// is out) and that round's phase.
type MadeFrom = Vec<(Award, Option<(Round, PublicPhase)>)>;

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
    fn find(&self, key: &Key, made_from: &MadeFrom, at: Instant) -> Option<(HeaderMap, Bytes)> {
        let pages = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        let kept = pages.get(key)?;
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
    let Some(award) = made_of(request.uri().path()) else {
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
    let Ok((version, overview)) = kept.state.db.awards_and_rounds().await else {
        // The page says what went wrong itself.
        return next.run(request).await;
    };
    let made_from: MadeFrom = overview
        .into_iter()
        .filter(|(a, _)| award.is_none_or(|award| a.id == award))
        .map(|(a, round)| {
            let phase = round.map(|r| {
                let phase = r.public_phase(now);
                (r, phase)
            });
            (a, phase)
        })
        .collect();
    // An address of no award is not found, and not kept.
    if award.is_some() && made_from.is_empty() {
        return next.run(request).await;
    }
    let key = (request.uri().path().to_owned(), locale);
    let rendered_at = Instant::now();
    if let Some((headers, body)) = kept.pages.find(&key, &made_from, rendered_at) {
        let mut response = Response::new(Body::from(body));
        *response.headers_mut() = headers;
        return response;
    }
    let response = next.run(request).await;
    // Only a whole page as anyone gets it: an error page may pass, a cookie is one person's.
    if response.status() != StatusCode::OK || response.headers().contains_key(header::SET_COOKIE) {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(body) = axum::body::to_bytes(body, usize::MAX).await else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    // What `tidy_html` makes of every page anyway, done here so the page can be
    // kept: a page without islands loses Leptos's resource scripts after the
    // document, which carry this response's nonce and nothing else.
    let body = match std::str::from_utf8(&body) {
        Ok(page) => Bytes::from(crate::tidy_html::tidy(page)),
        Err(_) => body,
    };
    parts.headers.remove(header::CONTENT_LENGTH);
    // The page read the round and the clock again: kept only if neither moved meanwhile,
    // not even to and fro (an undone step), which the counter counts and the round does not show.
    let later = kept.state.clock.now();
    let unmoved = kept.state.db.rounds_version().await.ok() == Some(version)
        && made_from.iter().all(|(_, round)| round.as_ref().is_none_or(|(r, phase)| r.public_phase(later) == *phase));
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
/// and the CSRF token's: neither of them changes what the kept pages show.
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
    fn a_kept_page_is_served_while_its_rounds_their_phases_and_its_minute_hold() {
        let award = app::storage::seed::family().unwrap().remove(0);
        let round = app::storage::seed::ehalsokommun_2027();
        let open: chrono::DateTime<chrono::Utc> = "2027-01-10T10:00:00Z".parse().unwrap();
        let closed: chrono::DateTime<chrono::Utc> = "2027-04-16T10:00:00Z".parse().unwrap();
        let now = Instant::now();
        let pages = Pages::default();
        let of = |round: &Round, at| vec![(award.clone(), Some((round.clone(), round.public_phase(at))))];
        let made_from = of(&round, open);
        let start = || ("/".to_owned(), Locale::Sv);
        pages.keep(start(), kept(made_from.clone(), now, "öppen"));
        let found =
            |key: (String, Locale), made_from: &MadeFrom, at| pages.find(&key, made_from, at).map(|(_, body)| body);

        assert_eq!(found(start(), &made_from, now + Duration::from_secs(59)), Some(Bytes::from("öppen")));
        // The same round at any moment of the same phase is the same page.
        assert!(found(start(), &of(&round, open + chrono::Duration::days(30)), now).is_some());
        // Another language, address, phase, round, award, or a minute gone: rendered again.
        assert!(found(("/".to_owned(), Locale::En), &made_from, now).is_none());
        assert!(found(("/utmarkelser/ehalsokommun/ansok".to_owned(), Locale::Sv), &made_from, now).is_none());
        assert!(found(start(), &of(&round, closed), now).is_none());
        let mut renamed = round.clone();
        renamed.title.push_str(" (ny titel)");
        assert!(found(start(), &of(&renamed, open), now).is_none());
        assert!(found(start(), &vec![(award.clone(), None)], now).is_none());
        let mut other_award = made_from.clone();
        other_award[0].0.name.push_str(" (nytt namn)");
        assert!(found(start(), &other_award, now).is_none());
        assert!(found(start(), &made_from, now + KEPT_AT_MOST).is_none());
    }

    #[test]
    fn the_start_page_and_each_awards_call_and_how_to_apply_are_kept() {
        assert_eq!(made_of("/"), Some(None));
        assert_eq!(made_of("/utmarkelser/gotapriset"), Some(Some("gotapriset")));
        assert_eq!(made_of("/utmarkelser/ehalsokommun/ansok"), Some(Some("ehalsokommun")));
        for not_kept in ["/utmarkelser/ehalsokommun/vinnare", "/utmarkelser/", "/utmarkelser/Gota", "/ansok", "/konto"]
        {
            assert_eq!(made_of(not_kept), None, "{not_kept}");
        }
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
