//! Gallring (the organisers' page) and the privacy notice: the Swedish in
//! `sv`, the English in `en`.

mod en;
mod sv;

pub use en::EN;
pub use sv::SV;

use crate::domain::{
    privacy::{Basis, DataKind},
    retention::{Item, Lifetimes, PeriodProblem, Periods, Step},
};

/// What the notice says of one kind of data: what it is, why, who sees it.
pub struct KindText {
    pub name: &'static str,
    pub what: &'static str,
    pub why: &'static str,
    pub who: &'static str,
}

pub struct RetentionTexts {
    pub problem: fn(&PeriodProblem) -> String,
    pub nav: &'static str,
    pub title: &'static str,
    pub intro: &'static str,
    pub periods_heading: &'static str,
    pub applications_months: &'static str,
    pub applications_hint: &'static str,
    pub personal_months: &'static str,
    pub personal_hint: &'static str,
    pub defaults_in_use: &'static str,
    pub save: &'static str,
    pub dry_heading: &'static str,
    pub dry_intro: &'static str,
    pub dry_none: &'static str,
    pub dry_caption: &'static str,
    pub round_column: &'static str,
    pub what_column: &'static str,
    pub count_column: &'static str,
    pub which_column: &'static str,
    pub whole_portal: &'static str,
    pub schedule_heading: &'static str,
    pub schedule_none: &'static str,
    pub schedule_caption: &'static str,
    pub announced_column: &'static str,
    pub applications_column: &'static str,
    pub personal_column: &'static str,
    pub passed: &'static str,
    pub runs_heading: &'static str,
    pub runs_none: &'static str,
    pub runs_caption: &'static str,
    pub when_column: &'static str,
    pub step: fn(Step) -> &'static str,
    /// One line of a run's record: never a person's name.
    pub log_line: fn(&Item) -> String,

    pub privacy_title: &'static str,
    /// The opening, by the organisation responsible (the controller).
    pub privacy_intro: fn(&str) -> String,
    pub privacy_no_controller: &'static str,
    pub privacy_contact: &'static str,
    pub privacy_never: &'static str,
    pub stored_heading: &'static str,
    pub what_label: &'static str,
    pub why_label: &'static str,
    pub basis_label: &'static str,
    pub who_label: &'static str,
    pub kept_label: &'static str,
    pub kind: fn(DataKind) -> KindText,
    pub basis: fn(Basis) -> &'static str,
    pub kept: fn(DataKind, Periods, Lifetimes) -> String,
    pub cookies_heading: &'static str,
    pub cookies: &'static str,
    pub rights_heading: &'static str,
    pub rights_intro: &'static str,
    pub right_access: &'static str,
    pub right_access_link: &'static str,
    pub right_rectify: &'static str,
    pub right_rectify_link: &'static str,
    pub right_erase: &'static str,
    pub right_erase_link: &'static str,
    pub right_object: &'static str,
    pub complaint: &'static str,
    pub imy_link: &'static str,
}

/// Where the supervising authority takes complaints about personal data.
pub const IMY_COMPLAINT_URL: &str = "https://www.imy.se/privatperson/utfora-arenden/lamna-ett-klagomal/";

fn log_line(item: &Item, step: fn(Step) -> &'static str, portal: &str) -> String {
    let place = item.round.as_deref().unwrap_or(portal);
    let names = if item.step.names_people() || item.names.is_empty() {
        String::new()
    } else {
        format!(": {}", item.names.join(", "))
    };
    format!("{place} – {} – {}{names}", step(item.step), item.count)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::retention::DEFAULT_PERIODS;

    #[test]
    fn the_hints_state_the_defaults_the_code_applies() {
        for texts in [&SV, &EN] {
            assert!(texts.applications_hint.contains(&format!(" {} ", DEFAULT_PERIODS.applications_months)));
            assert!(texts.personal_hint.contains(&format!(" {} ", DEFAULT_PERIODS.personal_months)));
        }
    }

    #[test]
    fn the_runs_record_names_kommuner_but_never_people() {
        let item = |step, names: &[&str]| Item {
            round: Some("Sveriges eHälsokommun 2027".into()),
            step,
            count: 2,
            names: names.iter().map(|n| n.to_string()).collect(),
        };
        assert_eq!(
            (SV.log_line)(&item(Step::Unsuccessful, &["Kalmar", "Umeå"])),
            "Sveriges eHälsokommun 2027 – Inskickade ansökningar utan utmärkelse, med juryns bedömningar och diskussion (raderas) – 2: Kalmar, Umeå"
        );
        let accounts = Item { round: None, ..item(Step::Accounts, &["Anna Andersson"]) };
        assert_eq!((SV.log_line)(&accounts), "Hela portalen – Konton som inte längre används (raderas) – 2");
    }
}
