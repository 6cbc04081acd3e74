//! Page addresses that more than one layer links to (the guard, the form
//! component, the server's own pages), so that none of them reaches up into `pages`.

use crate::i18n::safe_return_path;

pub const LOG_IN_PAGE: &str = "/logga-in";

/// Addresses that moved, each with where it is now. Browsers keep a permanent
/// redirect, so each target is an address for good.
pub const MOVED: &[(&str, &str)] = &[
    ("/ansok", "/utmarkelser/ehalsokommun/ansok"),
    ("/vinnare", "/utmarkelser/ehalsokommun/vinnare"),
    ("/omgang.ics", "/utmarkelser/ehalsokommun/omgang.ics"),
];

/// Where the server functions answer: Leptos's prefix, which every `ServerFn::PATH` begins with.
pub const SERVER_FN_PREFIX: &str = "/api/";

/// `/logga-in?tillbaka=/konto`: after logging in, back where they were going.
pub fn log_in_href(return_to: &str) -> String {
    format!("{LOG_IN_PAGE}?tillbaka={}", safe_return_path(return_to))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_return_path_after_log_in_stays_on_the_portal() {
        assert_eq!(log_in_href("/konto"), "/logga-in?tillbaka=/konto");
        assert_eq!(log_in_href("//evil.example"), "/logga-in?tillbaka=/");
    }
}
