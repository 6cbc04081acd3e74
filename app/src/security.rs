//! Response headers that protect every page. Pages get a fresh script nonce;
//! everything else (files, server functions) gets the strict default.

use http::{HeaderValue, header};
use leptos::{nonce::use_nonce, prelude::*};
use leptos_axum::ResponseOptions;

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

/// Sets the page's Content-Security-Policy from the nonce Leptos put on its scripts.
pub fn send_page_csp() {
    let (Some(nonce), Some(response)) = (use_nonce(), use_context::<ResponseOptions>()) else {
        return;
    };
    if let Ok(value) = HeaderValue::from_str(&page_csp(&nonce)) {
        response.insert_header(header::CONTENT_SECURITY_POLICY, value);
    }
}
