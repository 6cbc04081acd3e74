//! An award (utmärkelse) of the family the portal serves: who gives it, who may
//! take part, how it is judged, how often it is given, and where it stands.

use super::{
    lifecycle::RoundState,
    round::{ApplicationWindow, Round},
};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// Whether `text` can be an award's address (`/utmarkelser/{slug}`): lowercase
/// ASCII letters and digits in words joined by single hyphens, 2 to 40 characters.
/// Addresses outlive rounds, so an award keeps its slug for good.
pub fn is_slug(text: &str) -> bool {
    (2..=40).contains(&text.len())
        && text
            .split('-')
            .all(|word| !word.is_empty() && word.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()))
}

/// What kind of organisation takes part.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Kind {
    Kommun,
    Region,
    /// A state agency.
    Myndighet,
    /// Any other organisation: a company, an idéburen organisation.
    Annan,
}

impl Kind {
    pub const ALL: [Kind; 4] = [Kind::Kommun, Kind::Region, Kind::Myndighet, Kind::Annan];

    pub fn code(self) -> &'static str {
        match self {
            Kind::Kommun => "kommun",
            Kind::Region => "region",
            Kind::Myndighet => "myndighet",
            Kind::Annan => "annan",
        }
    }

    pub fn from_code(code: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// How many entries an organisation may send to one round.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Entries {
    /// One application per organisation, as a kommun applies for eHälsokommun.
    One,
    /// Any number of project entries, as for GötaPriset.
    Many,
}

impl Entries {
    pub fn code(self) -> &'static str {
        match self {
            Entries::One => "en",
            Entries::Many => "flera",
        }
    }

    pub fn from_code(code: &str) -> Option<Entries> {
        [Entries::One, Entries::Many].into_iter().find(|e| e.code() == code)
    }
}

/// How a round begins.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Process {
    /// Anyone admitted applies in the open.
    Application,
    /// The organiser nominates first (from key figures, or the jury), and the
    /// nominees who accept describe their work.
    Nomination,
}

impl Process {
    pub fn code(self) -> &'static str {
        match self {
            Process::Application => "ansokan",
            Process::Nomination => "nominering",
        }
    }

    pub fn from_code(code: &str) -> Option<Process> {
        [Process::Application, Process::Nomination].into_iter().find(|p| p.code() == code)
    }
}

/// An award, as the public sees it between its rounds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Award {
    /// The stable address, e.g. "ehalsokommun" (`is_slug`).
    pub id: String,
    pub name: String,
    pub organiser: String,
    /// Its purpose, in the organiser's words.
    pub description: String,
    /// Given every year (1) or every second year (2).
    pub cadence_years: u32,
    pub entries: Entries,
    pub process: Process,
    pub first_year: Option<i32>,
    /// Who may take part; never empty.
    pub kinds: Vec<Kind>,
    pub partners: Vec<String>,
    /// What the jury judges, in the award's own words.
    pub criteria: Vec<String>,
}

impl Award {
    /// The year of the round after one given in `year`: every year or every second.
    pub fn next_year(&self, year: i32) -> i32 {
        year.saturating_add(i32::try_from(self.cadence_years).unwrap_or(1))
    }

    pub fn admits(&self, kind: Kind) -> bool {
        self.kinds.contains(&kind)
    }

    /// Whether the call's page offers to apply: the portal takes this award's
    /// applications, and its window has not closed.
    pub fn offers_to_apply(&self, window: ApplicationWindow) -> bool {
        self.takes_applications_here() && window != ApplicationWindow::Closed
    }

    /// Whether the portal takes this award's applications today: one
    /// application per kommun, applied for in the open. Awards that nominate
    /// first, or take entries from other organisations, show their call and
    /// archive here and take part when the portal serves their process.
    pub fn takes_applications_here(&self) -> bool {
        self.process == Process::Application && self.entries == Entries::One && self.kinds == [Kind::Kommun]
    }
}

/// Where an award stands for the public, from its current round. `T` is the
/// kind of time: an instant here, Swedish wall-clock time on its way to the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Standing<T = DateTime<Utc>> {
    /// No round has been opened.
    NoRound,
    /// Applications open at the time.
    Opens(T),
    /// Applications are taken until the deadline's last minute.
    Open(T),
    /// The deadline has passed; the jury has not started.
    Closed,
    UnderReview,
    /// The jury has chosen; the winner is made public at the time, when an
    /// organiser has announced it under embargo.
    Decided(Option<T>),
    Announced,
}

impl<T> Standing<T> {
    pub fn map<U>(self, f: impl Fn(T) -> U) -> Standing<U> {
        match self {
            Standing::NoRound => Standing::NoRound,
            Standing::Opens(t) => Standing::Opens(f(t)),
            Standing::Open(t) => Standing::Open(f(t)),
            Standing::Closed => Standing::Closed,
            Standing::UnderReview => Standing::UnderReview,
            Standing::Decided(t) => Standing::Decided(t.map(f)),
            Standing::Announced => Standing::Announced,
        }
    }
}

/// Where the award of `current` (its current round, if any) stands at `now`. A
/// decision under embargo stands as decided, no more.
pub fn standing(current: Option<&Round>, now: DateTime<Utc>) -> Standing {
    let Some(round) = current.filter(|r| r.state.is_public()) else { return Standing::NoRound };
    let phase = round.public_phase(now);
    match (phase.window, round.state) {
        (ApplicationWindow::NotYetOpen, _) => Standing::Opens(round.opens_at),
        (ApplicationWindow::Open, _) => Standing::Open(round.deadline.last_minute_utc()),
        (ApplicationWindow::Closed, RoundState::Draft | RoundState::Open | RoundState::Closed) => Standing::Closed,
        (ApplicationWindow::Closed, RoundState::Review) => Standing::UnderReview,
        (ApplicationWindow::Closed, RoundState::Announced) if phase.decision_public => Standing::Announced,
        // The embargo's end, not the ceremony: an organiser may set any time. No
        // date before the announcement, which may come later than planned.
        (ApplicationWindow::Closed, RoundState::Announced) => Standing::Decided(round.published_at),
        (ApplicationWindow::Closed, RoundState::Decided) => Standing::Decided(None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(feature = "ssr")]
    fn at(text: &str) -> DateTime<Utc> {
        text.parse().unwrap()
    }

    #[test]
    fn a_slug_is_lowercase_words_joined_by_single_hyphens() {
        for good in ["ehalsokommun", "modernaste-myndighet", "gp", "pris-2027"] {
            assert!(is_slug(good), "{good}");
        }
        for bad in ["", "a", "GotaPriset", "götapriset", "-gp", "gp-", "g--p", "g p", "g/p", "..", &"a".repeat(41)] {
            assert!(!is_slug(bad), "{bad}");
        }
    }

    #[test]
    fn the_codes_read_back() {
        for kind in Kind::ALL {
            assert_eq!(Kind::from_code(kind.code()), Some(kind));
        }
        assert_eq!(Entries::from_code("flera"), Some(Entries::Many));
        assert_eq!(Process::from_code("nominering"), Some(Process::Nomination));
        assert_eq!(Kind::from_code("foretag"), None);
    }

    // The seeded round is the server's (storage).
    #[cfg(feature = "ssr")]
    #[test]
    fn the_standing_follows_the_round_through_its_life() {
        let mut round = crate::storage::seed::ehalsokommun_2027();
        assert_eq!(standing(None, at("2027-01-10T10:00:00Z")), Standing::NoRound);
        assert_eq!(standing(Some(&round), at("2026-10-01T10:00:00Z")), Standing::Opens(round.opens_at));
        assert_eq!(
            standing(Some(&round), at("2027-01-10T10:00:00Z")),
            Standing::Open(round.deadline.last_minute_utc())
        );
        assert_eq!(standing(Some(&round), at("2027-04-16T10:00:00Z")), Standing::Closed);
        let after = at("2027-04-20T10:00:00Z");
        round.state = RoundState::Review;
        assert_eq!(standing(Some(&round), after), Standing::UnderReview);
        round.state = RoundState::Decided;
        assert_eq!(standing(Some(&round), after), Standing::Decided(None));
        // Announced under an embargo that ends the morning after the ceremony:
        // decided, no more, until then, and the time given is the embargo's.
        round.state = RoundState::Announced;
        let embargo = at("2027-05-13T07:00:00Z");
        round.published_at = Some(embargo);
        assert_eq!(standing(Some(&round), at("2027-05-12T18:00:00Z")), Standing::Decided(Some(embargo)));
        assert_eq!(standing(Some(&round), embargo), Standing::Announced);
        // A round being prepared is not out.
        round.state = RoundState::Draft;
        assert_eq!(standing(Some(&round), after), Standing::NoRound);
    }

    #[test]
    fn an_award_admits_the_kinds_it_names() {
        let award = Award {
            id: "gotapriset".into(),
            name: "GötaPriset".into(),
            organiser: "Kvalitetsmässan".into(),
            description: String::new(),
            cadence_years: 2,
            entries: Entries::Many,
            process: Process::Application,
            first_year: None,
            kinds: vec![Kind::Kommun, Kind::Region, Kind::Annan],
            partners: vec![],
            criteria: vec![],
        };
        assert_eq!(award.next_year(2017), 2019, "given every second year");
        assert!(award.admits(Kind::Region));
        assert!(!award.admits(Kind::Myndighet));
        assert!(!award.takes_applications_here());
        let kommun_only = Award { entries: Entries::One, kinds: vec![Kind::Kommun], ..award };
        assert!(kommun_only.takes_applications_here());
        assert!(!Award { process: Process::Nomination, ..kommun_only }.takes_applications_here());
    }
}
