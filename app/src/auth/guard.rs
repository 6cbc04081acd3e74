//! The access table: what every page and server function requires, checked
//! by one middleware before any handler runs. A server function missing from
//! the table is refused; a page missing from it stops the portal at start
//! (`unlisted_routes`), so nothing is reachable by being forgotten.

use crate::{
    api,
    domain::access::{Access, Denied, Viewer, check},
    error::AppError,
    routes::{MOVED, SERVER_FN_PREFIX, log_in_href},
};
use axum::{
    extract::Request,
    middleware::Next,
    response::{IntoResponse, Redirect, Response},
};
use http::{StatusCode, Uri, header};
use leptos::server_fn::ServerFn;

/// Pages, as router paths (`{name}` matches one segment).
pub const PAGES: &[(&str, Access)] = &[
    ("/", Access::Public),
    ("/utmarkelser/{award}", Access::Public),
    ("/utmarkelser/{award}/ansok", Access::Public),
    ("/utmarkelser/{award}/vinnare", Access::Public),
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
    ("/utmarkelser/{award}/omgang.ics", Access::Public),
    ("/arrangor/export/{file}", Access::Organiser),
];

/// Server functions, by their own path (`ServerFn::PATH`): a renamed one cannot be left out.
pub const SERVER_FNS: &[(&str, Access)] = &[
    (api::public::AwardsOverview::PATH, Access::Public),
    (api::public::AwardPage::PATH, Access::Public),
    (api::public::PastWinners::PATH, Access::Public),
    (api::account::KommunList::PATH, Access::Public),
    (api::public::accessibility::AccessibilityStatement::PATH, Access::Public),
    (api::public::accessibility::SendAccessibilityFeedback::PATH, Access::Public),
    (api::public::accessibility::AccessibilityFeedback::PATH, Access::Organiser),
    (api::public::accessibility::SaveAccessibilityStatement::PATH, Access::Organiser),
    (api::organiser::retention::PrivacyNotice::PATH, Access::Public),
    (api::organiser::retention::RetentionOverview::PATH, Access::Organiser),
    (api::organiser::retention::SaveRetention::PATH, Access::Organiser),
    (api::account::SignUp::PATH, Access::Public),
    (api::account::ConfirmEmail::PATH, Access::Public),
    (api::account::LogIn::PATH, Access::Public),
    (api::account::RequestReset::PATH, Access::Public),
    (api::account::ResetPassword::PATH, Access::Public),
    (api::organiser::people::Invitation::PATH, Access::Public),
    (api::organiser::people::AcceptInvitation::PATH, Access::Public),
    (api::account::LogOut::PATH, Access::SignedIn),
    (api::account::MyAccount::PATH, Access::SignedIn),
    (api::account::MyData::PATH, Access::SignedIn),
    (api::account::UpdateProfile::PATH, Access::SignedIn),
    (api::account::ChangePassword::PATH, Access::SignedIn),
    (api::account::DeleteAccount::PATH, Access::SignedIn),
    (api::organiser::people::People::PATH, Access::Organiser),
    (api::organiser::people::Invite::PATH, Access::Organiser),
    (api::organiser::people::ResendInvitation::PATH, Access::Organiser),
    (api::organiser::people::SetJurySeat::PATH, Access::Organiser),
    (api::application::MyApplication::PATH, Access::Applicant),
    (api::application::SaveApplication::PATH, Access::Applicant),
    (api::application::PartHistory::PATH, Access::Applicant),
    (api::application::RestoreVersion::PATH, Access::Applicant),
    (api::application::SubmitApplication::PATH, Access::Applicant),
    (api::application::ReopenApplication::PATH, Access::Applicant),
    (api::application::MySubmission::PATH, Access::Applicant),
    (api::application::ApproveApplicant::PATH, Access::SignedIn),
    (api::application::WithdrawApplicant::PATH, Access::Organiser),
    (api::organiser::applications::ApplicationsOverview::PATH, Access::Organiser),
    (api::organiser::applications::GrantExtension::PATH, Access::Organiser),
    (api::organiser::applications::RemindDrafts::PATH, Access::Organiser),
    (api::jury::JuryHome::PATH, Access::Jury),
    (api::jury::ReviewPage::PATH, Access::Jury),
    (api::jury::SaveReview::PATH, Access::Juror),
    (api::jury::AutosaveReview::PATH, Access::Juror),
    (api::jury::MyConflicts::PATH, Access::Juror),
    (api::jury::DeclareConflict::PATH, Access::Juror),
    (api::jury::SaveEmployer::PATH, Access::Juror),
    (api::jury::AnswerFlag::PATH, Access::Juror),
    (api::jury::PostToJury::PATH, Access::Jury),
    (api::jury::MarkForShortlist::PATH, Access::Juror),
    (api::jury::motivation::Motivations::PATH, Access::Jury),
    (api::jury::motivation::Motivation::PATH, Access::Jury),
    (api::jury::motivation::SaveMotivation::PATH, Access::Jury),
    (api::jury::motivation::SignMotivation::PATH, Access::Juror),
    (api::jury::Shortlist::PATH, Access::Jury),
    (api::organiser::review_settings::ReviewAdmin::PATH, Access::Organiser),
    (api::organiser::review_settings::SaveReviewSettings::PATH, Access::Organiser),
    (api::organiser::review_settings::CloseReview::PATH, Access::Organiser),
    (api::organiser::ranking::JuryRanking::PATH, Access::Organiser),
    (api::organiser::round::RoundAdmin::PATH, Access::Organiser),
    (api::organiser::round::StepRound::PATH, Access::Organiser),
    (api::organiser::round::AuditLog::PATH, Access::Organiser),
    (api::jury::JuryPacket::PATH, Access::Organiser),
    (api::organiser::rounds::RoundsOverview::PATH, Access::Organiser),
    (api::organiser::rounds::CopyRound::PATH, Access::Organiser),
    (api::organiser::people::RemoveAccess::PATH, Access::Organiser),
    (api::organiser::people::RestoreAccess::PATH, Access::Organiser),
    (api::organiser::rounds::DraftRound::PATH, Access::Organiser),
    (api::organiser::rounds::SaveDraftRound::PATH, Access::Organiser),
    (api::organiser::rounds::OpenRound::PATH, Access::Organiser),
    (api::organiser::rounds::DeleteRound::PATH, Access::Organiser),
    (api::organiser::decision::Decision::PATH, Access::Organiser),
    (api::organiser::decision::SaveDecision::PATH, Access::Organiser),
    (api::organiser::kommuner::KommunTable::PATH, Access::Organiser),
    (api::organiser::kommuner::ImportPopulation::PATH, Access::Organiser),
    (api::jury::context::KommunContext::PATH, Access::Jury),
    (api::jury::context::EarlierApplication::PATH, Access::Jury),
    (api::jury::context::ChangesSince::PATH, Access::Jury),
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
        .or_else(|| UNGUARDED.iter().chain(MOVED.iter().map(|(from, _)| from)).copied().find(|p| *p == path))
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
    if path.starts_with(SERVER_FN_PREFIX) {
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
        assert_eq!(server_fn_access(api::organiser::people::Invite::PATH), Some(Access::Organiser));
        assert_eq!(server_fn_access(&format!("{SERVER_FN_PREFIX}unknown")), None);
    }

    #[test]
    fn the_log_gets_the_route_never_the_token() {
        assert_eq!(loggable_route("/aterstall/s3cret-token"), "/aterstall/{token}");
        assert_eq!(loggable_route("/bekrafta/s3cret-token"), "/bekrafta/{token}");
        assert_eq!(loggable_route("/inbjudan/s3cret-token/"), "/inbjudan/{token}");
        assert_eq!(loggable_route("/aterstall/s3cret-token/extra"), "(ingen route)");
        assert_eq!(loggable_route(api::account::LogIn::PATH), api::account::LogIn::PATH);
        assert_eq!(loggable_route("/pkg/portal.abc.wasm"), "/pkg/{file}");
        assert_eq!(loggable_route("/healthz"), "/healthz");
        assert_eq!(loggable_route("/"), "/");
        assert_eq!(loggable_route("/vinnare"), "/vinnare");
        assert_eq!(loggable_route("/utmarkelser/gotapriset/vinnare"), "/utmarkelser/{award}/vinnare");
    }

    #[test]
    fn every_moved_address_leads_to_a_public_page_or_file_and_is_in_no_table_itself() {
        for (from, to) in MOVED {
            assert_eq!(page_access(to).or(file_access(to)), Some(Access::Public), "{from} → {to}");
            assert_eq!(page_access(from).or(file_access(from)), None, "{from} is answered by its redirect alone");
        }
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
