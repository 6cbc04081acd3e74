//! A round (omgång) of an award: what applicants write, what the jury judges,
//! and the window in which applications are taken.

mod draft;

pub use draft::{
    NewRoundInput, PartInput, RoundEdit, RoundProblem, RoundProblems, SECTION_LIMITS, Schedule, copied_round,
    edited_round,
};

use super::{deadline::Deadline, lifecycle::RoundState};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// The default limit per section when a round sets none. The call states no
/// limit, but a writer needs one to plan by, and the jury needs texts it can read.
pub const DEFAULT_SECTION_LIMIT: u32 = 6_000;

/// One part of the application text, e.g. "Ledning".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Section {
    pub slug: String,
    pub title: String,
    /// One line telling the writer what the jury looks for here.
    pub guidance: String,
    pub max_chars: u32,
}

/// One thing the jury scores, e.g. "Inflytande och delaktighet".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Criterion {
    pub slug: String,
    pub title: String,
    pub description: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JuryMember {
    pub name: String,
    pub title: String,
}

/// A round as the public and the applicants see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Round {
    /// Readable and stable, e.g. "ehalsokommun-2027".
    pub id: String,
    pub award_id: String,
    pub year: i32,
    pub title: String,
    /// The theme of the year, where the award gives one; empty otherwise.
    pub theme: String,
    pub intro: String,
    pub criteria_text: String,
    pub eligibility: String,
    pub opens_at: DateTime<Utc>,
    pub deadline: Deadline,
    pub ceremony_at: DateTime<Utc>,
    pub ceremony_place: String,
    pub contact: String,
    /// Where the round stands in its life; applications are taken only while it is open.
    pub state: RoundState,
    pub sections: Vec<Section>,
    pub criteria: Vec<Criterion>,
    pub jury: Vec<JuryMember>,
    pub partners: Vec<String>,
    /// When the announced decision becomes public: the announcement itself,
    /// or the embargo time set with it. `None` until announced.
    pub published_at: Option<DateTime<Utc>>,
}

impl Round {
    /// Whether the public may see the decision at `now`.
    pub fn decision_public(&self, now: DateTime<Utc>) -> bool {
        self.state == RoundState::Announced && self.published_at.is_some_and(|at| at <= now)
    }

    pub fn window(&self, now: DateTime<Utc>) -> ApplicationWindow {
        application_window(self.state, self.opens_at, self.deadline, now)
    }

    /// All of what the public sees of the round that changes with time alone.
    pub fn public_phase(&self, now: DateTime<Utc>) -> PublicPhase {
        PublicPhase { window: self.window(now), decision_public: self.decision_public(now) }
    }
}

/// What the public sees of a round that changes with nobody writing to it: the
/// window opens and closes, an embargo ends. The public's view of a round is made
/// from the round and its phase, never from the clock itself, so the same round
/// in the same phase looks the same (the public pages are kept on that).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublicPhase {
    pub window: ApplicationWindow,
    pub decision_public: bool,
}

/// Where a round stands for an applicant at a given moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ApplicationWindow {
    NotYetOpen,
    Open,
    Closed,
}

/// The application window: shut unless the round is open, and then judged on the server's clock.
pub fn application_window(
    state: RoundState,
    opens_at: DateTime<Utc>,
    deadline: Deadline,
    now: DateTime<Utc>,
) -> ApplicationWindow {
    if state == RoundState::Draft {
        ApplicationWindow::NotYetOpen
    } else if state > RoundState::Open || deadline.has_passed(now) {
        ApplicationWindow::Closed
    } else if now < opens_at {
        ApplicationWindow::NotYetOpen
    } else {
        ApplicationWindow::Open
    }
}

/// A date and time in Swedish time as a form sends it: a date-and-time field
/// puts "T" between them, a person typing may use a space.
pub fn local_date_time(text: &str) -> Option<DateTime<Utc>> {
    let local = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"]
        .iter()
        .find_map(|format| chrono::NaiveDateTime::parse_from_str(text.trim(), format).ok())?;
    Deadline::in_stockholm(local.date(), local.time()).ok().map(|d| d.last_minute_utc())
}

/// A slug for a new section or criterion from its title: lowercase ASCII,
/// not `used`. It names form fields (`score[slug]`), and the form decoder
/// reads a key that begins with a digit as a list index, so it begins with a letter.
pub fn new_slug(title: &str, fallback: &str, used: impl Fn(&str) -> bool) -> String {
    let base: String = title
        .to_lowercase()
        .chars()
        .map(|c| match c {
            'å' | 'ä' => 'a',
            'ö' => 'o',
            'é' => 'e',
            c if c.is_ascii_alphanumeric() => c,
            _ => '-',
        })
        .collect::<String>()
        .split('-')
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    let base = match base.chars().next() {
        None => fallback.to_owned(),
        Some(c) if c.is_ascii_digit() => format!("k-{}", base.chars().take(38).collect::<String>()),
        Some(_) => base.chars().take(40).collect(),
    };
    (1..).map(|n| if n == 1 { base.clone() } else { format!("{base}-{n}") }).find(|s| !used(s)).unwrap_or(base)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::deadline::testing::{april_deadline as deadline, utc};

    #[test]
    fn a_round_is_open_from_its_opening_until_the_deadline_has_passed() {
        let opens = utc("2026-11-01T00:00:00Z");
        assert_eq!(
            application_window(RoundState::Open, opens, deadline(), utc("2026-10-31T23:59:59Z")),
            ApplicationWindow::NotYetOpen
        );
        assert_eq!(application_window(RoundState::Open, opens, deadline(), opens), ApplicationWindow::Open);
        assert_eq!(
            application_window(RoundState::Open, opens, deadline(), utc("2027-04-15T21:59:30Z")),
            ApplicationWindow::Open
        );
        assert_eq!(
            application_window(RoundState::Open, opens, deadline(), utc("2027-04-15T22:00:00Z")),
            ApplicationWindow::Closed
        );
    }

    #[test]
    fn a_draft_round_takes_nothing_and_a_closed_one_nothing_more_whatever_the_clock() {
        let (opens, now) = (utc("2026-11-01T00:00:00Z"), utc("2027-01-10T10:00:00Z"));
        assert_eq!(application_window(RoundState::Draft, opens, deadline(), now), ApplicationWindow::NotYetOpen);
        for state in [RoundState::Closed, RoundState::Review, RoundState::Announced] {
            assert_eq!(application_window(state, opens, deadline(), now), ApplicationWindow::Closed, "{state:?}");
        }
    }
}
