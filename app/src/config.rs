//! Settings read once at start from the environment. A bad value stops the
//! start with one line that names the variable and says what is wrong.

use std::{net::SocketAddr, path::PathBuf};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    pub database_url: String,
    pub addr: SocketAddr,
    /// Where people reach the portal, without a trailing slash; used in links in
    /// e-mail and to decide whether cookies need `Secure`.
    pub base_url: String,
    pub smtp_url: Option<String>,
    pub mail_from: String,
    pub outbox_dir: PathBuf,
    /// The built site: `pkg/` with the hashed script, wasm and stylesheet.
    pub site_root: PathBuf,
    /// A moment the portal pretends it is, for browser tests and demonstrations
    /// of a closed round; never set in production.
    pub fixed_time: Option<chrono::DateTime<chrono::Utc>>,
    /// Reverse proxies whose `X-Forwarded-For`/`Forwarded` the portal believes;
    /// from anyone else the TCP peer is the client.
    pub trusted_proxies: Vec<ipnet::IpNet>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{name}: {problem}")]
pub struct ConfigError {
    pub name: &'static str,
    pub problem: String,
}

pub const DEFAULT_DATABASE_URL: &str = "sqlite://data/portal.db";

impl Settings {
    pub fn from_env() -> Result<Self, ConfigError> {
        Self::from_lookup(|name| std::env::var(name).ok())
    }

    /// Reads settings through `lookup`, so tests need not touch the process environment.
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Result<Self, ConfigError> {
        let get = |name: &str| lookup(name).map(|v| v.trim().to_owned()).filter(|v| !v.is_empty());

        let database_url = get("DATABASE_URL").unwrap_or_else(|| DEFAULT_DATABASE_URL.to_owned());
        if !is_supported_database_url(&database_url) {
            return Err(ConfigError {
                name: "DATABASE_URL",
                problem: format!(
                    "\"{}\" is not supported; use sqlite://path/to/file.db or postgres://user:password@host/database",
                    redact_password(&database_url)
                ),
            });
        }

        let addr_text = get("PORTAL_ADDR").unwrap_or_else(|| "127.0.0.1:3000".to_owned());
        let addr: SocketAddr = addr_text.parse().map_err(|_| ConfigError {
            name: "PORTAL_ADDR",
            problem: format!("\"{addr_text}\" is not an address with a port, such as 127.0.0.1:3000"),
        })?;

        let base_url = match get("PORTAL_BASE_URL") {
            Some(url) => parse_base_url(&url).map_err(|problem| ConfigError { name: "PORTAL_BASE_URL", problem })?,
            None => format!("http://{addr}"),
        };

        let smtp_url = get("SMTP_URL");
        if let Some(url) = &smtp_url
            && !(url.starts_with("smtp://") || url.starts_with("smtps://"))
        {
            return Err(ConfigError {
                name: "SMTP_URL",
                problem: "must start with smtp:// (STARTTLS or plain on loopback) or smtps:// (TLS)".to_owned(),
            });
        }

        let mail_from = get("MAIL_FROM").unwrap_or_else(|| "Utmärkelseportalen <noreply@localhost>".to_owned());
        if !looks_like_mailbox(&mail_from) {
            return Err(ConfigError {
                name: "MAIL_FROM",
                problem: format!("\"{mail_from}\" is not an e-mail address, such as Portalen <noreply@example.se>"),
            });
        }

        let fixed_time = get("PORTAL_FIXED_TIME")
            .map(|text| {
                chrono::DateTime::parse_from_rfc3339(&text).map(|t| t.with_timezone(&chrono::Utc)).map_err(|_| {
                    ConfigError {
                        name: "PORTAL_FIXED_TIME",
                        problem: format!("\"{text}\" is not a time such as 2027-04-15T21:59:00Z"),
                    }
                })
            })
            .transpose()?;

        let trusted_proxies = get("PORTAL_TRUSTED_PROXIES")
            .map(|text| {
                parse_networks(&text).map_err(|problem| ConfigError { name: "PORTAL_TRUSTED_PROXIES", problem })
            })
            .transpose()?
            .unwrap_or_default();

        Ok(Settings {
            fixed_time,
            trusted_proxies,
            database_url,
            addr,
            base_url,
            smtp_url,
            mail_from,
            outbox_dir: get("PORTAL_OUTBOX_DIR").unwrap_or_else(|| "data/outbox".to_owned()).into(),
            site_root: get("LEPTOS_SITE_ROOT").unwrap_or_else(|| "target/site".to_owned()).into(),
        })
    }

    pub fn uses_https(&self) -> bool {
        self.base_url.starts_with("https://")
    }
}

fn is_supported_database_url(url: &str) -> bool {
    let sqlite_path = url.strip_prefix("sqlite://").or_else(|| url.strip_prefix("sqlite:"));
    match sqlite_path {
        // Each pooled connection to ":memory:" would get its own empty database.
        Some(path) => !path.is_empty() && !path.starts_with(":memory:"),
        None => {
            ["postgres://", "postgresql://"].iter().any(|p| url.starts_with(p))
                && url.split_once("://").is_some_and(|(_, rest)| !rest.is_empty())
        }
    }
}

fn redact_password(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme_end), Some(at)) if at > scheme_end => {
            let userinfo = &url[scheme_end + 3..at];
            match userinfo.split_once(':') {
                Some((user, _)) => format!("{}{user}:***{}", &url[..scheme_end + 3], &url[at..]),
                None => url.to_owned(),
            }
        }
        _ => url.to_owned(),
    }
}

fn parse_base_url(url: &str) -> Result<String, String> {
    let uri: http::Uri = url.parse().map_err(|_| format!("\"{url}\" is not a URL"))?;
    let scheme_ok = matches!(uri.scheme_str(), Some("http" | "https"));
    if !scheme_ok || uri.authority().is_none() || uri.query().is_some() {
        return Err(format!("\"{url}\" must be an http:// or https:// address, such as https://portal.example.se"));
    }
    Ok(url.trim_end_matches('/').to_owned())
}

/// "127.0.0.1, 10.0.0.0/8, ::1": addresses and networks, comma-separated.
fn parse_networks(text: &str) -> Result<Vec<ipnet::IpNet>, String> {
    text.split(',')
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .map(|part| {
            part.parse::<ipnet::IpNet>()
                .or_else(|_| part.parse::<std::net::IpAddr>().map(ipnet::IpNet::from))
                .map_err(|_| format!("\"{part}\" is not an address or network, such as 127.0.0.1 or 10.0.0.0/8"))
        })
        .collect()
}

fn looks_like_mailbox(value: &str) -> bool {
    let address = match (value.rfind('<'), value.rfind('>')) {
        (Some(start), Some(end)) if start < end => &value[start + 1..end],
        _ => value,
    };
    address.split_once('@').is_some_and(|(local, domain)| {
        !local.is_empty() && !domain.is_empty() && !domain.contains(' ') && !local.contains(' ')
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn settings(vars: &[(&str, &str)]) -> Result<Settings, ConfigError> {
        let vars: HashMap<String, String> = vars.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        Settings::from_lookup(|name| vars.get(name).cloned())
    }

    #[test]
    fn defaults_give_a_local_sqlite_portal() {
        let s = settings(&[]).unwrap();
        assert_eq!(s.database_url, DEFAULT_DATABASE_URL);
        assert_eq!(s.addr.to_string(), "127.0.0.1:3000");
        assert_eq!(s.base_url, "http://127.0.0.1:3000");
        assert_eq!(s.smtp_url, None);
        assert_eq!(s.outbox_dir, PathBuf::from("data/outbox"));
        assert!(!s.uses_https());
    }

    #[test]
    fn each_bad_value_is_named() {
        let cases = [
            ("DATABASE_URL", "mysql://localhost/db"),
            ("PORTAL_ADDR", "localhost"),
            ("PORTAL_BASE_URL", "portal.example.se"),
            ("SMTP_URL", "http://mail"),
            ("MAIL_FROM", "noreply"),
            ("MAIL_FROM", "Portalen <noreply>"),
            ("DATABASE_URL", "sqlite::memory:"),
            ("PORTAL_FIXED_TIME", "15 april"),
        ];
        for (name, value) in cases {
            let err = settings(&[(name, value)]).unwrap_err();
            assert_eq!(err.name, name);
            assert!(err.to_string().starts_with(&format!("{name}: ")), "{err}");
        }
    }

    #[test]
    fn trusted_proxies_are_addresses_and_networks() {
        assert!(settings(&[]).unwrap().trusted_proxies.is_empty(), "no proxy is trusted unless named");
        let s = settings(&[("PORTAL_TRUSTED_PROXIES", "127.0.0.1, 10.0.0.0/8,::1")]).unwrap();
        assert_eq!(s.trusted_proxies.len(), 3);
        assert!(s.trusted_proxies[1].contains(&"10.1.2.3".parse::<std::net::IpAddr>().unwrap()));
        let bad = settings(&[("PORTAL_TRUSTED_PROXIES", "127.0.0.1, proxy.local")]).unwrap_err();
        assert_eq!(bad.name, "PORTAL_TRUSTED_PROXIES");
        assert!(bad.problem.contains("proxy.local"));
    }

    #[test]
    fn a_database_password_is_never_echoed() {
        let err = settings(&[("DATABASE_URL", "mysql://portal:hemligt@db/portal")]).unwrap_err();
        assert!(!err.to_string().contains("hemligt"), "{err}");
        assert!(err.to_string().contains("portal:***@db"), "{err}");
    }

    #[test]
    fn accepts_postgres_and_https_and_a_named_sender() {
        let s = settings(&[
            ("DATABASE_URL", "postgres://portal@localhost:5432/portal"),
            ("PORTAL_BASE_URL", "https://portal.example.se/"),
            ("MAIL_FROM", "Sveriges eHälsokommun <noreply@example.se>"),
            ("SMTP_URL", "smtps://user:pw@mail.example.se"),
        ])
        .unwrap();
        assert_eq!(s.base_url, "https://portal.example.se");
        assert!(s.uses_https());
    }
}
