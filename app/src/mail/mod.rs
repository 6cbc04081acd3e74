//! E-mail: queued in the database with the event that causes it, delivered by
//! a background worker through SMTP (`SMTP_URL`) or, without one, written as
//! .eml files to the outbox folder. An SMTP outage or a crash loses nothing.

pub mod messages;
pub mod reminders;
mod transport;
pub mod worker;

pub use transport::{Transport, TransportError};

use chrono::Duration;

/// A message as the portal writes it: Swedish, plain text plus HTML.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutgoingMail {
    pub to: String,
    pub subject: String,
    pub text: String,
    pub html: String,
}

impl OutgoingMail {
    /// The message that checks the mail set-up, with a link to the portal.
    pub fn test_message(to: &str, base_url: &str) -> OutgoingMail {
        let t = crate::i18n::Locale::Sv.texts();
        OutgoingMail {
            to: to.to_owned(),
            subject: t.mail_test_subject.to_owned(),
            text: format!("{} {base_url}/\n", t.mail_test_body),
            html: format!(
                "<!DOCTYPE html><html lang=\"sv\"><body><p>{} <a href=\"{url}/\">{url}</a></p></body></html>",
                escape_html(t.mail_test_body),
                url = escape_html(base_url)
            ),
        }
    }
}

/// Text for an HTML body: whatever a user typed must never become markup.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// How long to wait before the next attempt after `failures` failed ones:
/// 30 s, 1 min, 2 min … doubling, at most an hour, so a long SMTP outage is
/// retried hourly and never given up on.
pub fn backoff(failures: u32) -> Duration {
    let seconds = 30i64.saturating_mul(1i64 << failures.min(10));
    Duration::seconds(seconds.min(3600))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_bodies_escape_what_was_typed() {
        assert_eq!(escape_html("<script>\"&'"), "&lt;script&gt;&quot;&amp;&#39;");
        let mail = OutgoingMail::test_message("a@b.se", "https://portal.example.se");
        assert!(mail.text.ends_with("https://portal.example.se/\n"));
        assert!(mail.html.contains("<a href=\"https://portal.example.se/\">"));
    }

    #[test]
    fn retries_back_off_doubling_up_to_an_hour() {
        let waits: Vec<i64> = (0..9).map(|n| backoff(n).num_seconds()).collect();
        assert_eq!(waits, [30, 60, 120, 240, 480, 960, 1920, 3600, 3600]);
        assert_eq!(backoff(u32::MAX).num_seconds(), 3600);
    }
}
