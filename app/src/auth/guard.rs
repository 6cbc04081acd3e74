//! The access table: what every page and server function requires, checked
//! by one middleware before any handler runs. A server function missing from
//! the table is refused; a page missing from it stops the portal at start
//! (`unlisted_routes`), so nothing is reachable by being forgotten.

use crate::{
    domain::access::{Access, Denied, Viewer, check},
    error::AppError,
    pages::log_in_href,
};
use axum::{
    extract::Request,
    middleware::Next,
    response::{IntoResponse, Redirect, Response},
};
use http::{StatusCode, Uri, header};

/// Pages, as router paths (`{name}` matches one segment).
pub const PAGES: &[(&str, Access)] = &[
    ("/", Access::Public),
    ("/ansok", Access::Public),
    ("/vinnare", Access::Public),
    ("/tillganglighet", Access::Public),
    ("/integritet", Access::Public),
    ("/ingen-behorighet", Access::Public),
    ("/tillfalligt-fel", Access::Public),
    ("/logga-in", Access::Public),
    ("/registrera", Access::Public),
    ("/registrera/skickat", Access::Public),
    ("/bekrafta/{token}", Access::Public),
    ("/glomt-losenord", Access::Public),
    ("/glomt-losenord/skickat", Access::Public),
    ("/aterstall/{token}", Access::Public),
    ("/inbjudan/{token}", Access::Public),
    ("/konto", Access::SignedIn),
    ("/konto/mina-uppgifter", Access::SignedIn),
    ("/konto/radera", Access::SignedIn),
    ("/ansokan", Access::Applicant),
    ("/ansokan/forhandsgranska", Access::Applicant),
    ("/ansokan/skicka-in", Access::Applicant),
    ("/ansokan/inskickad/{number}", Access::Applicant),
    ("/ansokan/historik/{part}", Access::Applicant),
    ("/arrangor/personer", Access::Organiser),
    ("/arrangor/ansokningar", Access::Organiser),
    ("/arrangor/bedomning", Access::Organiser),
    ("/arrangor/rangordning", Access::Organiser),
    ("/arrangor/omgang", Access::Organiser),
    ("/arrangor/beslut", Access::Organiser),
    ("/arrangor/logg", Access::Organiser),
    ("/arrangor/tillganglighet", Access::Organiser),
    ("/arrangor/gallring", Access::Organiser),
    ("/arrangor/laspaket", Access::Organiser),
    ("/arrangor/omgangar", Access::Organiser),
    ("/arrangor/omgangar/utkast", Access::Organiser),
    ("/jury", Access::Jury),
    ("/jury/ansokan/{application}", Access::Jury),
    ("/jury/ansokan/{application}/utskrift", Access::Jury),
    ("/jury/ansokan/{application}/forandringar", Access::Jury),
    ("/jury/ansokan/{application}/tidigare/{earlier}", Access::Jury),
    ("/arrangor/kommuner", Access::Organiser),
    ("/jury/jav", Access::Juror),
    ("/jury/kortlista", Access::Jury),
    ("/jury/motiveringar", Access::Jury),
    ("/jury/motiveringar/{application}", Access::Jury),
];

/// Files to download, by their router path. Refused, they send the person to
/// the explanation page: a file has no page to show it on.
pub const FILES: &[(&str, Access)] = &[
    ("/konto/mina-uppgifter.json", Access::SignedIn),
    ("/omgang.ics", Access::Public),
    ("/arrangor/export/{file}", Access::Organiser),
];

/// Server functions, by their URL.
pub const SERVER_FNS: &[(&str, Access)] = &[
    ("/api/current_round", Access::Public),
    ("/api/past_winners", Access::Public),
    ("/api/announcement", Access::Public),
    ("/api/kommun_list", Access::Public),
    ("/api/accessibility_statement", Access::Public),
    ("/api/send_accessibility_feedback", Access::Public),
    ("/api/accessibility_feedback", Access::Organiser),
    ("/api/save_accessibility_statement", Access::Organiser),
    ("/api/privacy_notice", Access::Public),
    ("/api/retention_overview", Access::Organiser),
    ("/api/save_retention", Access::Organiser),
    ("/api/sign_up", Access::Public),
    ("/api/confirm_email", Access::Public),
    ("/api/log_in", Access::Public),
    ("/api/request_reset", Access::Public),
    ("/api/reset_password", Access::Public),
    ("/api/invitation", Access::Public),
    ("/api/accept_invitation", Access::Public),
    ("/api/log_out", Access::SignedIn),
    ("/api/my_account", Access::SignedIn),
    ("/api/my_data", Access::SignedIn),
    ("/api/update_profile", Access::SignedIn),
    ("/api/change_password", Access::SignedIn),
    ("/api/delete_account", Access::SignedIn),
    ("/api/people", Access::Organiser),
    ("/api/invite", Access::Organiser),
    ("/api/resend_invitation", Access::Organiser),
    ("/api/set_jury_seat", Access::Organiser),
    ("/api/my_application", Access::Applicant),
    ("/api/save_application", Access::Applicant),
    ("/api/part_history", Access::Applicant),
    ("/api/restore_version", Access::Applicant),
    ("/api/submit_application", Access::Applicant),
    ("/api/reopen_application", Access::Applicant),
    ("/api/my_submission", Access::Applicant),
    ("/api/approve_applicant", Access::SignedIn),
    ("/api/withdraw_applicant", Access::Organiser),
    ("/api/applications_overview", Access::Organiser),
    ("/api/grant_extension", Access::Organiser),
    ("/api/remind_drafts", Access::Organiser),
    ("/api/jury_home", Access::Jury),
    ("/api/review_page", Access::Jury),
    ("/api/save_review", Access::Juror),
    ("/api/autosave_review", Access::Juror),
    ("/api/my_conflicts", Access::Juror),
    ("/api/declare_conflict", Access::Juror),
    ("/api/save_employer", Access::Juror),
    ("/api/answer_flag", Access::Juror),
    ("/api/post_to_jury", Access::Jury),
    ("/api/mark_for_shortlist", Access::Juror),
    ("/api/motivations", Access::Jury),
    ("/api/motivation", Access::Jury),
    ("/api/save_motivation", Access::Jury),
    ("/api/sign_motivation", Access::Juror),
    ("/api/shortlist", Access::Jury),
    ("/api/review_admin", Access::Organiser),
    ("/api/save_review_settings", Access::Organiser),
    ("/api/close_review", Access::Organiser),
    ("/api/jury_ranking", Access::Organiser),
    ("/api/round_admin", Access::Organiser),
    ("/api/step_round", Access::Organiser),
    ("/api/audit_log", Access::Organiser),
    ("/api/jury_packet", Access::Organiser),
    ("/api/rounds_overview", Access::Organiser),
    ("/api/copy_round", Access::Organiser),
    ("/api/remove_access", Access::Organiser),
    ("/api/restore_access", Access::Organiser),
    ("/api/draft_round", Access::Organiser),
    ("/api/save_draft_round", Access::Organiser),
    ("/api/open_round", Access::Organiser),
    ("/api/delete_round", Access::Organiser),
    ("/api/decision", Access::Organiser),
    ("/api/save_decision", Access::Organiser),
    ("/api/kommun_table", Access::Organiser),
    ("/api/import_population", Access::Organiser),
    ("/api/kommun_context", Access::Jury),
    ("/api/earlier_application", Access::Jury),
    ("/api/changes_since", Access::Jury),
];

/// Where a logged-in person is sent when a page is not for them.
pub const FORBIDDEN_PAGE: &str = "/ingen-behorighet";

/// The Swedish "try again in a while" page, shown (with 503) when the session
/// could not be looked up because the database is unreachable.
pub const UNAVAILABLE_PAGE: &str = "/tillfalligt-fel";

/// Put on a request by the session middleware when the database could not say
/// who is asking. Such a visitor is not sent to log in (their session may be
/// fine), but told that the service is down for a while.
#[derive(Debug, Clone, Copy)]
pub struct SessionUnavailable;

fn matches(pattern: &str, path: &str) -> bool {
    let mut pattern_parts = pattern.split('/');
    let mut path_parts = path.split('/');
    loop {
        match (pattern_parts.next(), path_parts.next()) {
            (None, None) => return true,
            (Some(p), Some(s)) if p.starts_with('{') && p.ends_with('}') && !s.is_empty() => {}
            (Some(p), Some(s)) if p == s => {}
            _ => return false,
        }
    }
}

fn entry(table: &'static [(&'static str, Access)], path: &str) -> Option<&'static (&'static str, Access)> {
    let path = if path.len() > 1 { path.trim_end_matches('/') } else { path };
    table.iter().find(|(pattern, _)| matches(pattern, path))
}

fn lookup(table: &'static [(&'static str, Access)], path: &str) -> Option<Access> {
    entry(table, path).map(|(_, access)| *access)
}

/// Routes of the portal's own outside the access table (they check nothing or
/// everything themselves), as they may be logged.
const UNGUARDED: &[&str] = &["/healthz", "/sprak"];

/// What the request log may say of a path: the route it matched (`/aterstall/{token}`),
/// never the path itself, which carries one-time tokens in reset, confirmation and
/// invitation links. A path that matches no route is not written either: a mistyped
/// link is still a secret.
pub fn loggable_route(path: &str) -> &'static str {
    if path.starts_with("/pkg/") {
        return "/pkg/{file}";
    }
    [PAGES, FILES, SERVER_FNS]
        .into_iter()
        .find_map(|table| entry(table, path).map(|(pattern, _)| *pattern))
        .or_else(|| UNGUARDED.iter().copied().find(|p| *p == path))
        .unwrap_or("(ingen route)")
}

/// A path with `.` or `..` segments or an empty one (`//`) names a page by another
/// spelling than the table's; the router and the browser may resolve it to a page the
/// table never saw. Such paths are refused outright.
fn is_normal(path: &str) -> bool {
    let inner = path.strip_prefix('/').unwrap_or(path);
    let inner = inner.strip_suffix('/').unwrap_or(inner);
    inner.is_empty() || inner.split('/').all(|s| !s.is_empty() && s != "." && s != ".." && !s.contains('\\'))
}

pub fn page_access(path: &str) -> Option<Access> {
    lookup(PAGES, path)
}

pub fn file_access(path: &str) -> Option<Access> {
    lookup(FILES, path)
}

pub fn server_fn_access(path: &str) -> Option<Access> {
    lookup(SERVER_FNS, path)
}

/// Router paths (Leptos's or axum's `{name}` form) that the table leaves out.
pub fn unlisted_routes<'a>(paths: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    paths.into_iter().filter(|p| !PAGES.iter().chain(FILES).any(|(pattern, _)| pattern == p)).collect()
}

fn accepts_html(request: &Request) -> bool {
    request.headers().get(header::ACCEPT).and_then(|v| v.to_str().ok()).is_some_and(|v| v.contains("text/html"))
}

/// On the guard's redirect of a plain form post it refused for want of a session
/// (`not-signed-in`) or of the database (`unavailable`): the server's
/// `kept_text` answers with what was typed instead, and takes the header off.
pub const REFUSED_HEADER: &str = "x-portal-refused";

fn marked(mut response: Response, why: &'static str) -> Response {
    response.headers_mut().insert(REFUSED_HEADER, http::HeaderValue::from_static(why));
    response
}

fn refuse_server_fn(request: &Request, denied: Denied) -> Response {
    if accepts_html(request) && denied == Denied::NotSignedIn {
        // A form posted after the session ended: log in again, then carry on.
        let back = request
            .headers()
            .get(header::REFERER)
            .and_then(|v| v.to_str().ok())
            .and_then(|r| r.parse::<Uri>().ok())
            .map(|u| u.path().to_owned())
            .unwrap_or_else(|| "/".to_owned());
        return marked(Redirect::to(&log_in_href(&back)).into_response(), "not-signed-in");
    }
    let error = match denied {
        Denied::NotSignedIn => AppError::NotSignedIn,
        Denied::Forbidden => AppError::Forbidden,
    };
    let status = StatusCode::from_u16(error.status()).unwrap_or(StatusCode::FORBIDDEN);
    let body = serde_json::to_string(&error).unwrap_or_default();
    (status, [(header::CONTENT_TYPE, "application/json")], body).into_response()
}

/// A server function called while the database cannot say who asks: 503, as
/// the function itself would answer; a plain form post gets the page that says so.
fn unavailable_server_fn(request: &Request) -> Response {
    if accepts_html(request) {
        return marked(Redirect::to(UNAVAILABLE_PAGE).into_response(), "unavailable");
    }
    let body = serde_json::to_string(&AppError::Unavailable).unwrap_or_default();
    (StatusCode::SERVICE_UNAVAILABLE, [(header::CONTENT_TYPE, "application/json")], body).into_response()
}

/// Middleware, inside the session middleware (it reads the `Viewer`).
pub async fn guard(mut request: Request, next: Next) -> Response {
    let path = request.uri().path().to_owned();
    if !is_normal(&path) || percent_encoded_dots(&path) {
        return next_as_not_found(request, next).await;
    }
    let viewer = request.extensions().get::<Viewer>();
    let unavailable = request.extensions().get::<SessionUnavailable>().is_some();
    if path.starts_with("/api/") {
        let Some(access) = server_fn_access(&path) else {
            return (StatusCode::NOT_FOUND, "").into_response();
        };
        if let Err(denied) = check(access, viewer) {
            if unavailable && denied == Denied::NotSignedIn {
                return unavailable_server_fn(&request);
            }
            return refuse_server_fn(&request, denied);
        }
        return next.run(request).await;
    }
    let file = file_access(&path);
    let Some(access) = page_access(&path).or(file) else {
        return next.run(request).await;
    };
    match check(access, viewer) {
        Ok(()) => next.run(request).await,
        Err(Denied::NotSignedIn) if unavailable => {
            // The page says so itself, with 503, under the address they asked for.
            *request.uri_mut() = Uri::from_static(UNAVAILABLE_PAGE);
            next.run(request).await
        }
        Err(Denied::Forbidden) if file.is_some() => Redirect::to(FORBIDDEN_PAGE).into_response(),
        Err(Denied::NotSignedIn) => {
            let back = request.uri().path_and_query().map(|p| p.path()).unwrap_or("/");
            Redirect::to(&log_in_href(back)).into_response()
        }
        Err(Denied::Forbidden) => {
            // The Swedish explanation page, under the address they asked for, with 403.
            *request.uri_mut() = Uri::from_static(FORBIDDEN_PAGE);
            let mut response = next.run(request).await;
            *response.status_mut() = StatusCode::FORBIDDEN;
            response
        }
    }
}

/// `%2e` is a dot to anything that decodes the path before resolving it.
fn percent_encoded_dots(path: &str) -> bool {
    path.to_ascii_lowercase().contains("%2e") || path.to_ascii_lowercase().contains("%2f")
}

/// The Swedish 404 page, as for any address that names nothing.
async fn next_as_not_found(mut request: Request, next: Next) -> Response {
    *request.uri_mut() = Uri::from_static(NOT_FOUND_PAGE);
    let mut response = next.run(request).await;
    *response.status_mut() = StatusCode::NOT_FOUND;
    response
}

/// An address no page has: the router's fallback answers it with the 404 page.
const NOT_FOUND_PAGE: &str = "/sidan-finns-inte";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_match_their_patterns_segment_by_segment() {
        assert_eq!(page_access("/"), Some(Access::Public));
        assert_eq!(page_access("/konto"), Some(Access::SignedIn));
        assert_eq!(page_access("/konto/"), Some(Access::SignedIn));
        assert_eq!(page_access("/bekrafta/abc"), Some(Access::Public));
        assert_eq!(page_access("/bekrafta/"), None);
        assert_eq!(page_access("/bekrafta/abc/def"), None);
        assert_eq!(page_access("/arrangor/personer"), Some(Access::Organiser));
        assert_eq!(page_access("/arrangor"), None);
        assert_eq!(server_fn_access("/api/invite"), Some(Access::Organiser));
        assert_eq!(server_fn_access("/api/unknown"), None);
    }

    #[test]
    fn the_log_gets_the_route_never_the_token() {
        assert_eq!(loggable_route("/aterstall/s3cret-token"), "/aterstall/{token}");
        assert_eq!(loggable_route("/bekrafta/s3cret-token"), "/bekrafta/{token}");
        assert_eq!(loggable_route("/inbjudan/s3cret-token/"), "/inbjudan/{token}");
        assert_eq!(loggable_route("/aterstall/s3cret-token/extra"), "(ingen route)");
        assert_eq!(loggable_route("/api/log_in"), "/api/log_in");
        assert_eq!(loggable_route("/pkg/portal.abc.wasm"), "/pkg/{file}");
        assert_eq!(loggable_route("/healthz"), "/healthz");
        assert_eq!(loggable_route("/"), "/");
    }

    #[test]
    fn dot_and_empty_segments_are_not_normal_paths() {
        for path in ["/", "/konto", "/konto/", "/jury/ansokan/abc"] {
            assert!(is_normal(path), "{path}");
        }
        for path in ["/arrangor/./logg", "/jury/../arrangor/logg", "/arrangor//logg", "//arrangor/logg", "/."] {
            assert!(!is_normal(path), "{path}");
        }
        assert!(percent_encoded_dots("/arrangor/%2E/logg"));
    }
}
