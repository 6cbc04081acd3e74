//! Every text the user reads, in one place per language. Swedish is the
//! portal's language; round content (criteria, guidance) comes from the round.

mod sv;

use crate::error::AppError;

pub struct Texts {
    pub site_name: &'static str,
    pub skip_to_content: &'static str,
    pub nav_label: &'static str,
    pub nav_round: &'static str,
    pub nav_apply: &'static str,
    pub nav_winners: &'static str,
    pub footer_about: &'static str,
    pub footer_accessibility: &'static str,

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
    pub winners_intro: &'static str,
    pub winners_caption: &'static str,
    pub winners_year: &'static str,
    pub winners_winner: &'static str,
    pub winners_finalists: &'static str,
    pub winners_ceremony: &'static str,
    pub winners_finalists_unknown: &'static str,
    pub winners_empty: &'static str,

    pub accessibility_title: &'static str,
    pub accessibility_body: [&'static str; 4],

    pub not_found_title: &'static str,
    pub not_found_body: &'static str,
    pub back_to_start: &'static str,
    pub error_title: &'static str,
    pub error_unavailable: &'static str,
    pub error_not_found: &'static str,
    pub error_network: &'static str,
    pub error_internal: &'static str,
}

impl Texts {
    pub fn error(&self, err: AppError) -> &'static str {
        match err {
            AppError::Unavailable => self.error_unavailable,
            AppError::NotFound => self.error_not_found,
            AppError::Network => self.error_network,
            AppError::Internal => self.error_internal,
        }
    }
}

/// The texts for the current visitor.
pub fn texts() -> &'static Texts {
    &sv::TEXTS
}
