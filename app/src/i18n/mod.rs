//! Every text the user reads, in one place per language. Swedish comes first,
//! English second; round content (criteria, guidance) comes from the round and
//! stays Swedish, marked `lang="sv"` so screen readers pronounce it right.

mod accessibility;
mod account;
mod application;
mod awards;
mod context;
mod done;
mod en;
mod jury;
mod motivation;
mod organising;
mod retention;
mod sv;

pub use account::AccountTexts;
pub use application::{ApplyTexts, count_text};
pub use jury::JuryTexts;
pub use organising::OrganiseTexts;
pub use retention::{IMY_COMPLAINT_URL, RetentionTexts};

use crate::{error::AppError, wiring::Done};
use chrono::NaiveDateTime;
use leptos::prelude::use_context;

/// The interface language, chosen by the visitor and remembered in a cookie.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Locale {
    #[default]
    Sv,
    En,
}

/// The cookie that remembers the visitor's language.
pub const LOCALE_COOKIE: &str = "sprak";

impl Locale {
    /// "sv" or "en"; anything else is Swedish.
    pub fn from_code(code: &str) -> Locale {
        if code.trim().eq_ignore_ascii_case("en") { Locale::En } else { Locale::Sv }
    }

    /// The language from a `Cookie` request header.
    pub fn from_cookie_header(header: &str) -> Locale {
        crate::cookies::value(header, LOCALE_COOKIE).map(Locale::from_code).unwrap_or_default()
    }

    pub fn texts(self) -> &'static Texts {
        match self {
            Locale::Sv => &sv::TEXTS,
            Locale::En => &en::TEXTS,
        }
    }
}

pub struct Texts {
    /// The `lang` attribute value for this language.
    pub lang: &'static str,
    /// The name of the other language, written in that language, for the switch.
    pub other_language_name: &'static str,
    pub other_language_code: &'static str,
    pub site_name: &'static str,
    pub skip_to_content: &'static str,
    pub nav_label: &'static str,
    pub nav_apply: &'static str,
    pub nav_winners: &'static str,
    pub footer_about: &'static str,
    pub footer_accessibility: &'static str,
    pub footer_privacy: &'static str,

    pub round_open: &'static str,
    pub round_closed: &'static str,
    pub round_not_yet_open: &'static str,
    pub deadline_label: &'static str,
    pub opens_label: &'static str,
    pub ceremony_label: &'static str,
    pub areas_heading: &'static str,
    pub areas_intro: &'static str,
    pub criteria_heading: &'static str,
    pub eligibility_heading: &'static str,
    pub jury_heading: &'static str,
    pub partners_heading: &'static str,
    pub contact_heading: &'static str,
    pub apply_cta: &'static str,
    pub no_round: &'static str,

    pub how_to_apply_title: &'static str,
    pub how_to_apply_intro: &'static str,
    pub how_to_apply_steps: [&'static str; 4],
    pub how_to_apply_closed: &'static str,
    pub sections_heading: &'static str,
    /// "Högst 6 000 tecken"
    pub max_chars: fn(u32) -> String,

    pub winners_title: &'static str,
    pub winners_caption: &'static str,
    pub winners_year: &'static str,
    pub winners_winner: &'static str,
    pub winners_finalists: &'static str,
    pub winners_ceremony: &'static str,
    pub winners_finalists_unknown: &'static str,
    pub winners_empty: &'static str,

    pub accessibility_title: &'static str,

    pub not_found_title: &'static str,
    pub not_found_body: &'static str,
    pub back_to_start: &'static str,
    pub error_title: &'static str,
    pub error_unavailable: &'static str,
    pub error_not_found: &'static str,
    pub error_network: &'static str,
    pub error_internal: &'static str,
    pub error_bad_request: &'static str,
    pub error_not_signed_in: &'static str,
    pub error_forbidden: &'static str,
    /// The message `portal send-test-mail` sends, to check the mail set-up.
    pub mail_test_subject: &'static str,
    pub mail_test_body: &'static str,
    /// A wall-clock time in this language: "15 april 2027 kl. 23.59".
    pub long_date_time: fn(NaiveDateTime) -> String,
    /// The confirmation after a form's work is done (`?klart=…`): `done`.
    pub done_text: fn(Done) -> &'static str,
    /// Accounts and forms.
    pub a: &'static AccountTexts,
    /// Applying, and following the applications.
    pub ap: &'static ApplyTexts,
    pub j: &'static JuryTexts,
    pub o: &'static OrganiseTexts,
    pub acc: &'static accessibility::AccessibilityTexts,
    pub mo: &'static motivation::MotivationTexts,
    pub aw: &'static awards::AwardTexts,
    /// The kommun's context: population, earlier applications, changes.
    pub k: &'static context::ContextTexts,
    /// Gallring and the privacy notice.
    pub ret: &'static RetentionTexts,
}

impl Texts {
    /// The confirmation for a done notice (`?klart=…`).
    pub fn done(&self, done: Done) -> &'static str {
        (self.done_text)(done)
    }

    pub fn problem(&self, problem: &crate::problem::Problem) -> String {
        (self.a.problem)(problem)
    }

    pub fn error(&self, err: AppError) -> &'static str {
        match err {
            AppError::Unavailable => self.error_unavailable,
            AppError::NotFound => self.error_not_found,
            AppError::Network => self.error_network,
            AppError::Internal => self.error_internal,
            AppError::NotSignedIn => self.error_not_signed_in,
            AppError::Forbidden => self.error_forbidden,
            AppError::BadRequest => self.error_bad_request,
        }
    }
}

/// Where the language switch returns the visitor: their own page, if the path
/// is a plain local one, else the front page (never another site).
pub fn safe_return_path(path: &str) -> &str {
    let plain = path.starts_with('/')
        && !path.starts_with("//")
        && path.bytes().all(|b| b.is_ascii_alphanumeric() || b"/-_.".contains(&b));
    if plain { path } else { "/" }
}

/// The link that switches to the other language and back to `current_path`.
pub fn switch_language_href(texts: &Texts, current_path: &str) -> String {
    format!("/sprak?till={}&tillbaka={}", texts.other_language_code, safe_return_path(current_path))
}

/// Provides the request's language from its cookie; call in every server-side render.
#[cfg(feature = "ssr")]
pub fn provide_request_locale() {
    let locale = use_context::<http::request::Parts>()
        .and_then(|parts| parts.headers.get(http::header::COOKIE)?.to_str().ok().map(Locale::from_cookie_header))
        .unwrap_or_default();
    leptos::prelude::provide_context(locale);
}

/// The texts for the current visitor (Swedish unless they chose English).
pub fn texts() -> &'static Texts {
    use_context::<Locale>().unwrap_or_default().texts()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_language_comes_from_its_cookie_and_defaults_to_swedish() {
        assert_eq!(Locale::from_cookie_header("sprak=en"), Locale::En);
        assert_eq!(Locale::from_cookie_header("a=1; sprak=en; b=2"), Locale::En);
        assert_eq!(Locale::from_cookie_header("sprak=sv"), Locale::Sv);
        assert_eq!(Locale::from_cookie_header("sprak=fr"), Locale::Sv);
        assert_eq!(Locale::from_cookie_header("ensprak=en"), Locale::Sv);
        assert_eq!(Locale::from_cookie_header(""), Locale::Sv);
    }

    #[test]
    fn the_switch_returns_only_to_local_paths() {
        assert_eq!(safe_return_path("/vinnare"), "/vinnare");
        assert_eq!(safe_return_path("/"), "/");
        for unsafe_path in ["//evil.example", "https://evil.example", "/a?b=c", "/a\\b", "vinnare", "", "/å"] {
            assert_eq!(safe_return_path(unsafe_path), "/", "{unsafe_path:?}");
        }
        assert_eq!(switch_language_href(Locale::Sv.texts(), "/vinnare"), "/sprak?till=en&tillbaka=/vinnare");
    }

    #[test]
    fn each_language_names_the_other() {
        assert_eq!(Locale::Sv.texts().other_language_code, Locale::En.texts().lang);
        assert_eq!(Locale::En.texts().other_language_code, Locale::Sv.texts().lang);
    }
}
