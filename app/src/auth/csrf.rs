//! Cross-site request forgery: every request that may change something (any
//! method but GET, HEAD, OPTIONS) must come from the portal's own pages. Two
//! checks, either enough alone against today's browsers:
//! - its `Origin` (or, without one, `Referer`) is the portal's own, and
//! - it carries the token of the visitor's `portal_csrf` cookie, as the form
//!   field `csrf` (of a form-encoded body, or of a `multipart/form-data` one:
//!   a file upload) or the header `x-csrf-token` (a double-submit token:
//!   another site can neither read the cookie nor set it).
//!
//! A refused request gets 403 and a short Swedish explanation.

use super::secret::{is_token_shaped, new_token, same_secret};
use crate::{cookies, state::AppState};
use axum::{
    body::{Body, Bytes, to_bytes},
    extract::{Request, State},
    middleware::Next,
    response::{IntoResponse, Response},
};
use http::{HeaderMap, HeaderValue, Method, StatusCode, header};

pub const CSRF_COOKIE: &str = "portal_csrf";
pub const CSRF_FIELD: &str = "csrf";
pub const CSRF_HEADER: &str = "x-csrf-token";

/// The visitor's token, for the forms the page renders.
#[derive(Debug, Clone)]
pub struct CsrfToken(pub String);

/// Whether `origin` (scheme://host[:port]) is the portal itself: the configured
/// base URL, or the host the request was sent to (which another site's page
/// cannot choose).
pub fn is_own_origin(origin: &str, base_url: &str, host: Option<&str>) -> bool {
    let origin = origin.trim_end_matches('/');
    if origin == base_url.trim_end_matches('/') {
        return true;
    }
    let authority = origin.split_once("://").map(|(_, rest)| rest);
    matches!((authority, host), (Some(a), Some(h)) if a.eq_ignore_ascii_case(h))
}

fn origin_allowed(headers: &HeaderMap, base_url: &str) -> bool {
    let host = headers.get(header::HOST).and_then(|v| v.to_str().ok());
    let text = |name| headers.get(name).and_then(|v: &HeaderValue| v.to_str().ok());
    if let Some(origin) = text(header::ORIGIN) {
        return is_own_origin(origin, base_url, host);
    }
    if let Some(referer) = text(header::REFERER) {
        // scheme://authority of the referring page
        let origin: String = referer.splitn(4, '/').take(3).collect::<Vec<_>>().join("/");
        return is_own_origin(&origin, base_url, host);
    }
    // Neither header: not a browser following another site's page, which always
    // sends Origin on a POST. The token below still has to match.
    true
}

/// The `csrf` field of a form-encoded body.
fn form_token(body: &[u8]) -> Option<String> {
    let pairs: Vec<(String, String)> = serde_urlencoded::from_bytes(body).ok()?;
    pairs.into_iter().find(|(k, _)| k == CSRF_FIELD).map(|(_, v)| v)
}

/// The `csrf` field of a `multipart/form-data` body (a file upload). The
/// outer body limit has capped the size; the form puts the field first.
async fn multipart_token(content_type: &str, body: Bytes) -> Option<String> {
    let boundary = multer::parse_boundary(content_type).ok()?;
    let stream = futures_util::stream::once(async move { Ok::<_, std::convert::Infallible>(body) });
    let mut multipart = multer::Multipart::new(stream, boundary);
    while let Ok(Some(field)) = multipart.next_field().await {
        if field.name() == Some(CSRF_FIELD) && field.file_name().is_none() {
            return field.text().await.ok();
        }
    }
    None
}

fn is_multipart(headers: &HeaderMap) -> Option<String> {
    let content_type = headers.get(header::CONTENT_TYPE)?.to_str().ok()?;
    content_type.to_ascii_lowercase().starts_with("multipart/form-data").then(|| content_type.to_owned())
}

fn refused(reason: &str) -> Response {
    tracing::warn!(reason, "cross-site request refused");
    (
        StatusCode::FORBIDDEN,
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        "<!DOCTYPE html><html lang=\"sv\"><head><meta charset=\"utf-8\"><title>Begäran avvisades</title></head>\
         <body><h1>Begäran avvisades</h1><p>Formuläret kom inte från portalens egen sida, eller så har sidan \
         legat öppen länge. Gå tillbaka, ladda om sidan och försök igen.</p><p><a href=\"/\">Till startsidan</a></p>\
         </body></html>",
    )
        .into_response()
}

/// Whether reading the body stopped at the body limit: a body sent in chunks,
/// without a length to refuse it by up front, is too large, not forged.
fn too_large(error: &axum::Error) -> bool {
    let mut source: Option<&(dyn std::error::Error + 'static)> = Some(error);
    while let Some(error) = source {
        if error.is::<http_body_util::LengthLimitError>() {
            return true;
        }
        source = error.source();
    }
    false
}

/// Middleware: refuses forged requests and gives every visitor a token.
pub async fn protect(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let secure = state.settings.uses_https();
    let existing = request
        .headers()
        .get(header::COOKIE)
        .and_then(|v| v.to_str().ok())
        .and_then(|h| cookies::portal_value(h, CSRF_COOKIE, secure))
        .filter(|t| is_token_shaped(t))
        .map(str::to_owned);

    let mut request = if matches!(*request.method(), Method::GET | Method::HEAD | Method::OPTIONS) {
        request
    } else {
        if !origin_allowed(request.headers(), &state.settings.base_url) {
            return refused("foreign origin");
        }
        let Some(expected) = existing.as_deref() else {
            return refused("no csrf cookie");
        };
        let header_token = request.headers().get(CSRF_HEADER).and_then(|v| v.to_str().ok()).map(str::to_owned);
        let multipart = is_multipart(request.headers());
        let (parts, body) = request.into_parts();
        // The body limit layer outside caps the size; a chunked body learns it only here.
        let bytes = match to_bytes(body, usize::MAX).await {
            Ok(bytes) => bytes,
            Err(error) if too_large(&error) => return StatusCode::PAYLOAD_TOO_LARGE.into_response(),
            Err(_) => return refused("unreadable body"),
        };
        let sent = match (header_token, multipart) {
            (Some(token), _) => Some(token),
            (None, Some(content_type)) => multipart_token(&content_type, bytes.clone()).await,
            (None, None) => form_token(&bytes),
        };
        if !sent.is_some_and(|t| same_secret(&t, expected)) {
            return refused("csrf token mismatch");
        }
        Request::from_parts(parts, Body::from(bytes))
    };

    let (token, fresh) = match existing {
        Some(token) => (token, false),
        None => (new_token(), true),
    };
    request.extensions_mut().insert(CsrfToken(token.clone()));
    let mut response = next.run(request).await;
    // Readable by the page's script, which sends it with forms submitted without a reload.
    if fresh && let Ok(value) = HeaderValue::from_str(&cookies::set(CSRF_COOKIE, &token, false, secure, None)) {
        response.headers_mut().append(header::SET_COOKIE, value);
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_portals_own_origin_is_accepted() {
        let base = "https://portal.example.se";
        assert!(is_own_origin("https://portal.example.se", base, None));
        assert!(is_own_origin("http://127.0.0.1:4000", base, Some("127.0.0.1:4000")));
        assert!(!is_own_origin("https://evil.example", base, Some("portal.example.se")));
        assert!(!is_own_origin("null", base, Some("portal.example.se")));
        assert!(!is_own_origin("https://portal.example.se.evil.example", base, Some("portal.example.se")));
    }

    #[test]
    fn the_token_is_read_from_a_form_body() {
        assert_eq!(form_token(b"email=a%40b.se&csrf=abc&x=1"), Some("abc".to_owned()));
        assert_eq!(form_token(b"email=a%40b.se"), None);
        assert_eq!(form_token(b"\xff\xfe"), None);
    }

    fn upload(fields: &[(&str, Option<&str>, &str)]) -> Bytes {
        let mut body = String::new();
        for (name, file_name, value) in fields {
            let file = file_name.map(|f| format!("; filename=\"{f}\"")).unwrap_or_default();
            body.push_str(&format!(
                "--XyZ\r\nContent-Disposition: form-data; name=\"{name}\"{file}\r\n\r\n{value}\r\n"
            ));
        }
        body.push_str("--XyZ--\r\n");
        Bytes::from(body)
    }

    #[tokio::test]
    async fn the_token_is_read_from_a_file_upload() {
        let content_type = "multipart/form-data; boundary=XyZ";
        let body = upload(&[("csrf", None, "abc"), ("fil", Some("f.csv"), "kod;folkmängd\n")]);
        assert_eq!(multipart_token(content_type, body).await, Some("abc".to_owned()));
        // A file named like the field is not the field.
        let body = upload(&[("csrf", Some("csrf"), "abc")]);
        assert_eq!(multipart_token(content_type, body).await, None);
        assert_eq!(multipart_token(content_type, Bytes::from_static(b"csrf=abc")).await, None);
        assert_eq!(multipart_token("multipart/form-data", upload(&[("csrf", None, "abc")])).await, None);
    }
}
