//! Response headers that protect every page. Each request gets a fresh script
//! nonce from the `csp_nonce` middleware; Leptos puts it on its inline scripts
//! and the middleware sends the matching Content-Security-Policy.

use axum::{extract::Request, middleware::Next, response::Response};
use http::{HeaderValue, header};
use leptos::{nonce::Nonce, prelude::*};

/// For responses that are not pages: nothing may run or be framed.
pub const DEFAULT_CSP: &str = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

/// The policy for an HTML page whose inline scripts carry `nonce`.
/// `wasm-unsafe-eval` lets the browser compile the hydration bundle; it does not allow `eval`.
pub fn page_csp(nonce: &str) -> String {
    format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; style-src 'self'; \
         img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; \
         base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
    )
}

/// Middleware: mints the request's nonce and, for HTML responses, sends the page policy.
///
/// The header is set here rather than through Leptos's `ResponseOptions`, which
/// under concurrent load lost it now and then, leaving a page whose own
/// stylesheet and scripts the browser refused.
pub async fn csp_nonce(mut request: Request, next: Next) -> Response {
    let nonce = Nonce::new();
    request.extensions_mut().insert(nonce.clone());
    let mut response = next.run(request).await;
    let is_html = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    if is_html && let Ok(value) = HeaderValue::from_str(&page_csp(&nonce)) {
        response.headers_mut().insert(header::CONTENT_SECURITY_POLICY, value);
    }
    response
}

/// Makes the middleware's nonce the one Leptos renders with; call in the
/// render context of every page.
pub fn provide_request_nonce() {
    if let Some(nonce) = use_context::<http::request::Parts>().and_then(|p| p.extensions.get::<Nonce>().cloned()) {
        provide_context(nonce);
    }
}
