//! The texts of running a round to its decision: the Swedish in `sv`, the
//! English in `en`, each with its problem messages.

mod en;
mod sv;

pub use en::EN;
pub use sv::SV;

use crate::domain::{
    decision::{DecisionProblem, Outcome},
    lifecycle::{OrganiseProblem, RoundState},
};

pub struct OrganiseTexts {
    pub nav_ranking: &'static str,
    pub nav_round: &'static str,
    pub nav_decision: &'static str,
    pub nav_log: &'static str,
    pub problem: fn(&OrganiseProblem) -> String,
    /// In the order of `RoundState::ALL`.
    pub state_names: [&'static str; 6],
    /// What each state means, in the same order.
    pub state_meanings: [&'static str; 6],
    /// The button that takes the round into each state, in the same order (the first is unused).
    pub step_buttons: [&'static str; 6],
    /// What taking the round into each state does, in the same order.
    pub step_consequences: [&'static str; 6],
    /// In the order of `Outcome::ALL`.
    pub outcome_names: [&'static str; 3],

    pub round_title: &'static str,
    pub current_state: &'static str,
    pub steps_caption: &'static str,
    pub step_heading: &'static str,
    pub no_next_step: &'static str,
    pub confirm_step: &'static str,
    pub back_heading: &'static str,
    pub back_button: &'static str,
    pub back_consequence: &'static str,
    pub deadline_line: fn(&str) -> String,
    pub last_closing_line: fn(&str) -> String,
    pub submitted_line: fn(usize) -> String,
    pub history_heading: &'static str,
    pub history_none: &'static str,
    pub when: &'static str,
    pub who: &'static str,
    pub what: &'static str,

    pub decision_title: &'static str,
    pub decision_intro: &'static str,
    pub decision_locked: fn(&str) -> String,
    pub decision_none_submitted: &'static str,
    pub decision_outcome: &'static str,
    pub not_chosen: &'static str,
    pub decision_save: &'static str,
    pub decided_by: fn(&str, &str) -> String,
    pub ranking_line: fn(&str, &str) -> String,

    pub announced_heading: fn(&str) -> String,
    pub winner_heading: &'static str,
    pub finalists_heading: &'static str,
    pub mentions_heading: &'static str,
    pub ceremony_line: fn(&str, &str) -> String,
    pub motivations_link: &'static str,

    pub downloads: &'static str,
    pub download_ranking_csv: &'static str,
    pub download_scores_csv: &'static str,
    pub download_xlsx: &'static str,
    pub download_log_csv: &'static str,
    pub calendar_link: &'static str,

    pub nav_packet: &'static str,
    pub packet_title: &'static str,
    pub packet_intro: &'static str,
    pub packet_contents: &'static str,
    pub packet_empty: &'static str,

    pub resend_button: &'static str,
    pub jury_column: &'static str,
    pub seat_button: fn(&str) -> String,
    pub unseat_button: fn(&str) -> String,

    pub remind_heading: &'static str,
    pub remind_intro: &'static str,
    pub remind_button: &'static str,

    pub nav_rounds: &'static str,
    pub rounds_title: &'static str,
    pub rounds_caption: &'static str,
    pub year: &'static str,
    pub round_name: &'static str,
    pub state: &'static str,
    pub applications: &'static str,
    pub draft_heading: fn(&str) -> String,
    pub open_draft_consequence: &'static str,
    pub open_draft_button: &'static str,
    pub remove_draft_consequence: &'static str,
    pub remove_draft_confirm: &'static str,
    pub remove_draft_button: &'static str,
    pub copy_heading: &'static str,
    pub copy_intro: &'static str,
    pub copy_source: &'static str,
    pub opens_label: &'static str,
    pub deadline_label: &'static str,
    pub deadline_hint: &'static str,
    pub ceremony_label: &'static str,
    pub ceremony_place_label: &'static str,
    pub copy_button: &'static str,
    pub embargo_label: &'static str,
    pub access_column: &'static str,
    pub access_removed: &'static str,
    pub remove_access_button: &'static str,
    pub restore_access_button: &'static str,
    pub embargo_hint: &'static str,
    pub embargo_notice: fn(&str) -> String,
    pub edit_draft_link: &'static str,
    pub edit_draft_title: &'static str,
    pub no_draft: &'static str,
    pub edit_draft_intro: &'static str,
    pub draft_scoring_link: &'static str,
    pub draft_texts: &'static str,
    pub intro_label: &'static str,
    pub criteria_text_label: &'static str,
    pub eligibility_label: &'static str,
    pub contact_label: &'static str,
    pub theme_label: &'static str,
    pub theme_hint: &'static str,
    pub draft_schedule: &'static str,
    pub draft_sections: &'static str,
    pub draft_sections_intro: &'static str,
    pub new_section: &'static str,
    pub draft_criteria: &'static str,
    pub new_criterion: &'static str,
    pub part_title_label: &'static str,
    pub guidance_label: &'static str,
    pub description_label: &'static str,
    pub limit_label: &'static str,
    pub remove_section: &'static str,
    pub remove_criterion: &'static str,
    pub jury_label: &'static str,
    pub jury_hint: &'static str,
    pub partners_label: &'static str,
    pub partners_hint: &'static str,
    pub save_draft_button: &'static str,

    pub log_title: &'static str,
    pub log_intro: &'static str,
    pub log_caption: &'static str,
    pub log_none: &'static str,

    pub ranking_title: &'static str,
    pub ranking_intro: &'static str,
    pub ranking_method: &'static str,
    pub ranking_empty: &'static str,
    pub ranking_caption: &'static str,
    pub place: &'static str,
    /// A place shared with another application.
    pub tied_place: fn(usize) -> String,
    pub kommun: &'static str,
    pub mean: &'static str,
    pub median: &'static str,
    pub reviews: &'static str,
    pub spread: &'static str,
    pub normalised: &'static str,
    pub raw_place: &'static str,
    pub conflict_cell: &'static str,
    pub not_done_cell: &'static str,
    pub moved_up: fn(i64) -> String,
    pub moved_down: fn(i64) -> String,
    pub ties_note: &'static str,
    /// How many applications stand elsewhere without normalising.
    pub moved_summary: fn(usize) -> String,
    pub disputed_heading: &'static str,
    pub disputed_none: &'static str,
    pub disputed_line: fn(&str, &str) -> String,
    pub jurors_heading: &'static str,
    pub jurors_caption: &'static str,
    pub juror: &'static str,
    pub juror_reviews: &'static str,
    pub juror_mean: &'static str,
    pub juror_deviation: &'static str,
    pub flat_juror: &'static str,
    pub schulze_place: &'static str,
    pub recusals_heading: &'static str,
    pub recusals_none: &'static str,
    /// "Rangordningen frystes när juryn beslutade, {when}. …"
    pub frozen_notice: fn(&str) -> String,
    pub methods_heading: &'static str,
    pub methods_intro: &'static str,
    pub schulze_numbering: &'static str,
    pub schulze_open_cut: fn(usize, &str) -> String,
    pub schulze_unseparated: fn(usize, &str) -> String,
    pub method_name: [&'static str; 3],
    /// The nominee cut is the same by all three methods.
    pub nominees_same: fn(usize) -> String,
    pub nominees_differ: fn(usize) -> String,
    pub movers_caption: &'static str,
    /// Jurors with fewer than three reviews, read on the jury's scale.
    pub not_normalised: fn(usize, &str) -> String,
    pub not_normalised_cell: &'static str,
    pub ties_heading: &'static str,
    pub no_ties: &'static str,
    /// "Medelvärde, plats 2:" before the tied applications.
    pub tie_line: fn(&str, usize) -> String,
    /// One tied application: kommun, score on the criterion, place after the rule.
    pub tie_member: fn(&str, Option<&str>, &str) -> String,
    pub tie_undecided: &'static str,
    pub tie_decided: &'static str,
}

impl OrganiseTexts {
    pub fn state_name(&self, state: RoundState) -> &'static str {
        self.state_names[state as usize]
    }

    pub fn outcome_name(&self, outcome: Outcome) -> &'static str {
        self.outcome_names[outcome as usize]
    }
}

/// Each problem once, in order: several choices may lack the same thing.
fn every(problems: &[DecisionProblem], text: fn(&DecisionProblem) -> String) -> String {
    let mut said: Vec<String> = Vec::new();
    for line in problems.iter().map(text) {
        if !said.contains(&line) {
            said.push(line);
        }
    }
    said.join(" ")
}

/// A deadline is said by its last minute ("23.59"); the refusal holds the first instant after it.
fn last_minute(closes_at: chrono::DateTime<chrono::Utc>) -> chrono::NaiveDateTime {
    crate::domain::deadline::to_stockholm(closes_at - chrono::Duration::minutes(1))
}
