//! The texts of the jury's work and of running a review: the Swedish in `sv`,
//! the English in `en`, each with its problem messages.

mod en;
mod sv;

pub use en::EN;
pub(super) use en::employer_problem_en;
pub use sv::SV;
pub(super) use sv::employer_problem_sv;

use crate::domain::review::{Progress, Recommendation, ReviewPhase, ReviewProblem};

pub struct JuryTexts {
    pub nav_jury: &'static str,
    pub nav_review_settings: &'static str,
    pub problem: fn(&ReviewProblem) -> String,
    /// In the order of `Progress` and of `Recommendation`.
    pub progress_names: [&'static str; 3],
    pub recommendation_names: [&'static str; 3],

    pub home_title: &'static str,
    pub not_on_jury: &'static str,
    /// The date applications close.
    pub not_yet: fn(&str) -> String,
    pub closed: &'static str,
    pub my_progress: fn(usize, usize) -> String,
    pub jury_progress: fn(usize, usize) -> String,
    pub conflicts_link: &'static str,
    pub shortlist_link: &'static str,
    pub filter_heading: &'static str,
    pub filter_lan: &'static str,
    pub all_lans: &'static str,
    pub filter_status: &'static str,
    pub all_statuses: &'static str,
    pub sort_by: &'static str,
    pub sort_kommun: &'static str,
    pub sort_lan: &'static str,
    pub sort_status: &'static str,
    pub sort_submitted: &'static str,
    pub filter_button: &'static str,
    pub list_caption: &'static str,
    pub kommun: &'static str,
    pub lan: &'static str,
    pub reference: &'static str,
    pub submitted: &'static str,
    pub my_review: &'static str,
    pub jury_done: &'static str,
    pub none_submitted: &'static str,
    pub none_matching: &'static str,
    pub conflict_declared: &'static str,
    pub flag_pending: &'static str,

    pub employer_heading: &'static str,
    pub employer_intro: &'static str,
    /// What is recorded now, by its name (`None`: nothing).
    pub employer_current: fn(Option<&str>) -> String,
    pub employer_kind_legend: &'static str,
    /// In the order kommun, region, organisation, none.
    pub employer_kinds: [&'static str; 4],
    pub employer_kommun: &'static str,
    pub employer_region: &'static str,
    pub employer_organisation: &'static str,
    pub employer_button: &'static str,
    pub flag_heading: &'static str,
    /// The employer and the kommun.
    pub flag_intro: fn(&str, &str) -> String,
    pub flag_legend: &'static str,
    pub flag_yes: &'static str,
    pub flag_no: &'static str,
    pub flag_reason: &'static str,
    pub flag_reason_hint: &'static str,
    pub flag_button: &'static str,
    pub flags_heading: &'static str,
    pub flags_none: &'static str,
    /// Juror, kommun, employer, and where the answer stands.
    pub flag_line: fn(&str, &str, &str, &str) -> String,
    pub reopened_heading: &'static str,
    pub reopened_none: &'static str,
    pub reopened_line: fn(&str, &str, &str, bool) -> String,
    pub reopen_reason: &'static str,
    pub reopen_reason_hint: &'static str,
    pub changed_after_seen: &'static str,
    pub flag_waiting: &'static str,
    /// The reason and when.
    pub flag_confirmed: fn(&str, &str) -> String,
    pub flag_dismissed: fn(&str, &str) -> String,

    pub submitted_line: fn(&str, &str, &str) -> String,
    pub previous: fn(&str) -> String,
    pub next: fn(&str) -> String,
    pub print_link: &'static str,
    pub back_to_list: &'static str,
    pub application_heading: &'static str,
    pub your_review: &'static str,
    pub excluded: fn(&str) -> String,
    pub weight: fn(u32) -> String,
    pub recommendation: &'static str,
    pub private_note: &'static str,
    pub private_note_hint: &'static str,
    pub jury_comment: &'static str,
    pub jury_comment_hint: &'static str,
    pub save_button: &'static str,
    pub done_button: &'static str,
    pub undo_done_button: &'static str,
    pub done_explained: &'static str,
    pub not_started: &'static str,
    pub saved_at: fn(&str) -> String,
    pub autosave_saving: &'static str,
    pub autosave_unsaved: &'static str,
    pub you_chose: fn(Option<&str>) -> String,
    pub autosave_saved: fn(&str) -> String,
    pub autosave_failed: &'static str,
    pub autosave_signed_out: &'static str,

    pub others_heading: &'static str,
    pub scores_caption: &'static str,
    pub others_hidden: &'static str,
    pub others_none: &'static str,
    pub criterion: &'static str,
    pub mean: &'static str,
    pub weighted_mean: &'static str,
    pub recommendations: fn(usize, usize, usize) -> String,
    pub comments_heading: &'static str,
    pub reviews_counted: fn(usize) -> String,

    pub discussion_heading: &'static str,
    pub discussion_hidden: &'static str,
    pub discussion_none: &'static str,
    pub post_label: &'static str,
    pub post_button: &'static str,
    pub posted_by: fn(&str, &str) -> String,

    pub shortlist_heading: &'static str,
    pub mark_button: &'static str,
    pub unmark_button: &'static str,
    pub marked_explained: &'static str,

    pub conflicts_title: &'static str,
    pub conflicts_intro: &'static str,
    pub conflicts_none: &'static str,
    pub conflict_line: fn(&str, &str, &str) -> String,
    pub conflict_form_heading: &'static str,
    pub conflict_reason: &'static str,
    pub conflict_reason_hint: &'static str,
    pub conflict_button: &'static str,

    pub shortlist_title: &'static str,
    pub shortlist_intro: &'static str,
    pub shortlist_caption: &'static str,
    pub proposals: &'static str,
    pub not_visible_yet: &'static str,
    pub my_proposal: &'static str,

    pub settings_title: &'static str,
    pub settings_phase: fn(ReviewPhase, &str, Option<&str>) -> String,
    pub close_button: &'static str,
    pub reopen_button: &'static str,
    pub progress_heading: &'static str,
    pub progress_caption: &'static str,
    pub juror: &'static str,
    pub done_count: &'static str,
    pub drafts_count: &'static str,
    pub conflicts_count: &'static str,
    pub no_jurors: &'static str,
    pub all_conflicts_heading: &'static str,
    pub criteria_heading: &'static str,
    pub criteria_locked: &'static str,
    pub criteria_intro: &'static str,
    pub criterion_title: &'static str,
    pub criterion_description: &'static str,
    pub criterion_weight: &'static str,
    pub criterion_remove: &'static str,
    pub new_criterion: &'static str,
    pub scale_heading: &'static str,
    pub scale_max: &'static str,
    pub scale_max_hint: &'static str,
    pub scale_labels: &'static str,
    pub scale_labels_hint: &'static str,
    pub tie_break_legend: &'static str,
    pub tie_break_hint: &'static str,
    pub tie_break_jury: &'static str,
    pub tie_break_option: fn(&str) -> String,
    /// The tie rule in a sentence, by the deciding criterion's title (`None`: the jury decides).
    pub tie_rule: fn(Option<&str>) -> String,
    pub settings_button: &'static str,
}

impl JuryTexts {
    pub fn progress(&self, progress: Progress) -> &'static str {
        self.progress_names[progress as usize]
    }

    pub fn recommendation_name(&self, r: Recommendation) -> &'static str {
        self.recommendation_names[r as usize]
    }
}
