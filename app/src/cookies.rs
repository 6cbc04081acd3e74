//! Reading cookies from a `Cookie` header (server) or `document.cookie` (browser),
//! and writing the portal's own.

/// The value of cookie `name` in a `Cookie` header such as `a=1; b=2`.
pub fn value<'a>(header: &'a str, name: &str) -> Option<&'a str> {
    header.split(';').filter_map(|pair| pair.trim().split_once('=')).find(|(n, _)| *n == name).map(|(_, v)| v)
}

/// A cookie's name as the portal sets and reads it: over https with the `__Host-`
/// prefix, which browsers accept only from this host, over https, for the whole
/// site, so that a neighbouring subdomain or a plain-http page cannot plant it.
pub fn name(base: &str, secure: bool) -> String {
    if secure { format!("__Host-{base}") } else { base.to_owned() }
}

/// The value of the portal's cookie `base` (named as `name` names it) in a `Cookie` header.
pub fn portal_value<'a>(header: &'a str, base: &str, secure: bool) -> Option<&'a str> {
    value(header, &name(base, secure))
}

/// A `Set-Cookie` value for the portal's cookie `base`: whole site, never readable
/// by other sites' requests (SameSite=Lax), Secure and `__Host-` when served over
/// https. `max_age` `None` makes a browser-session cookie; `Some(0)` deletes it.
pub fn set(base: &str, value: &str, http_only: bool, secure: bool, max_age: Option<i64>) -> String {
    let name = name(base, secure);
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
        assert_eq!(set("s", "v", true, true, None), "__Host-s=v; Path=/; SameSite=Lax; HttpOnly; Secure");
        assert_eq!(portal_value("s=planted; __Host-s=real", "s", true), Some("real"));
        assert_eq!(portal_value("s=planted", "s", true), None, "over https only the prefixed cookie counts");
        assert_eq!(set("s", "", true, false, Some(0)), "s=; Path=/; SameSite=Lax; HttpOnly; Max-Age=0");
    }
}
