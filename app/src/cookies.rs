//! Reading cookies from a `Cookie` header (server) or `document.cookie` (browser),
//! and writing the portal's own.

/// The value of cookie `name` in a `Cookie` header such as `a=1; b=2`.
pub fn value<'a>(header: &'a str, name: &str) -> Option<&'a str> {
    header.split(';').filter_map(|pair| pair.trim().split_once('=')).find(|(n, _)| *n == name).map(|(_, v)| v)
}

/// A `Set-Cookie` value for the portal's cookies: whole site, never readable
/// by other sites' requests (SameSite=Lax), Secure when served over https.
/// `max_age` `None` makes a browser-session cookie; `Some(0)` deletes it.
pub fn set(name: &str, value: &str, http_only: bool, secure: bool, max_age: Option<i64>) -> String {
    let mut cookie = format!("{name}={value}; Path=/; SameSite=Lax");
    if http_only {
        cookie.push_str("; HttpOnly");
    }
    if secure {
        cookie.push_str("; Secure");
    }
    if let Some(seconds) = max_age {
        cookie.push_str(&format!("; Max-Age={seconds}"));
    }
    cookie
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cookie_is_found_by_its_exact_name() {
        assert_eq!(value("a=1; portal_session=xyz; b=2", "portal_session"), Some("xyz"));
        assert_eq!(value("xportal_session=1", "portal_session"), None);
        assert_eq!(value("", "a"), None);
    }

    #[test]
    fn cookies_are_lax_and_secure_on_https() {
        assert_eq!(set("s", "v", true, true, None), "s=v; Path=/; SameSite=Lax; HttpOnly; Secure");
        assert_eq!(set("s", "", true, false, Some(0)), "s=; Path=/; SameSite=Lax; HttpOnly; Max-Age=0");
    }
}
