//! A round (omgång) of an award: what applicants write, what the jury judges,
//! and the window in which applications are taken.

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
}

impl Round {
    pub fn window(&self, now: DateTime<Utc>) -> ApplicationWindow {
        application_window(self.state, self.opens_at, self.deadline, now)
    }
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

/// What an organiser gives for a new round copied from an earlier one.
#[derive(Debug, Clone, Copy)]
pub struct NewRoundInput<'a> {
    pub year: &'a str,
    pub title: &'a str,
    /// Dates as `YYYY-MM-DD`, the ceremony as `YYYY-MM-DDTHH:MM`, all Swedish time.
    pub opens: &'a str,
    pub deadline: &'a str,
    pub ceremony: &'a str,
    pub ceremony_place: &'a str,
}

/// What is wrong with a new round, or with removing one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum RoundProblem {
    YearInvalid,
    /// The award already has a round that year.
    YearTaken,
    TitleMissing,
    DateInvalid,
    DateTimeInvalid,
    PlaceMissing,
    DeadlineBeforeOpening,
    CeremonyBeforeDeadline,
    /// Only a round that has not opened, and has no applications, can be removed.
    HasApplications,
    NotADraft,
    /// A round is already being prepared.
    DraftExists,
}

/// Checks the organiser's input field by field, and copies `source` into a
/// new round in draft with it: the texts, sections, criteria, jury and partners
/// carry over, the dates and the title are new.
pub fn copied_round(
    source: &Round,
    input: NewRoundInput<'_>,
    taken_years: &[i32],
) -> Result<Round, Vec<(&'static str, RoundProblem)>> {
    use chrono::{NaiveDate, NaiveTime};
    let mut problems = Vec::new();
    let year = match input.year.trim().parse::<i32>() {
        Ok(y) if (2000..=2100).contains(&y) && taken_years.contains(&y) => {
            problems.push(("year", RoundProblem::YearTaken));
            None
        }
        Ok(y) if (2000..=2100).contains(&y) => Some(y),
        _ => {
            problems.push(("year", RoundProblem::YearInvalid));
            None
        }
    };
    let title = input.title.trim();
    if title.is_empty() {
        problems.push(("title", RoundProblem::TitleMissing));
    }
    let place = input.ceremony_place.trim();
    if place.is_empty() {
        problems.push(("ceremony_place", RoundProblem::PlaceMissing));
    }
    let mut date = |field: &'static str, text: &str| {
        let parsed = NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok();
        if parsed.is_none() {
            problems.push((field, RoundProblem::DateInvalid));
        }
        parsed
    };
    let (opens, deadline) = (date("opens", input.opens), date("deadline", input.deadline));
    // A date-and-time field sends "T" between them; a person typing may use a space.
    let ceremony = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"]
        .iter()
        .find_map(|format| chrono::NaiveDateTime::parse_from_str(input.ceremony.trim(), format).ok());
    if ceremony.is_none() {
        problems.push(("ceremony", RoundProblem::DateTimeInvalid));
    }
    let at = |date: NaiveDate, h: u32, m: u32| {
        NaiveTime::from_hms_opt(h, m, 0).and_then(|time| Deadline::in_stockholm(date, time).ok())
    };
    let opens_at = opens.and_then(|d| at(d, 0, 0)).map(|d| d.last_minute_utc());
    let deadline = deadline.and_then(|d| at(d, 23, 59));
    let ceremony_at =
        ceremony.and_then(|c| Deadline::in_stockholm(c.date(), c.time()).ok()).map(|d| d.last_minute_utc());
    if let (Some(opens_at), Some(deadline)) = (opens_at, deadline)
        && deadline.last_minute_utc() <= opens_at
    {
        problems.push(("deadline", RoundProblem::DeadlineBeforeOpening));
    }
    if let (Some(deadline), Some(ceremony_at)) = (deadline, ceremony_at)
        && ceremony_at < deadline.closes_at_utc()
    {
        problems.push(("ceremony", RoundProblem::CeremonyBeforeDeadline));
    }
    match (year, opens_at, deadline, ceremony_at) {
        (Some(year), Some(opens_at), Some(deadline), Some(ceremony_at)) if problems.is_empty() => Ok(Round {
            id: format!("{}-{year}", source.award_id),
            year,
            title: title.to_owned(),
            opens_at,
            deadline,
            ceremony_at,
            ceremony_place: place.to_owned(),
            state: RoundState::Draft,
            ..source.clone()
        }),
        _ => Err(problems),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{NaiveDate, NaiveTime};

    fn deadline() -> Deadline {
        Deadline::in_stockholm(
            NaiveDate::from_ymd_opt(2027, 4, 15).unwrap(),
            NaiveTime::from_hms_opt(23, 59, 0).unwrap(),
        )
        .unwrap()
    }
    fn utc(s: &str) -> DateTime<Utc> {
        s.parse().unwrap()
    }

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

    fn input<'a>(year: &'a str, opens: &'a str, deadline: &'a str, ceremony: &'a str) -> NewRoundInput<'a> {
        NewRoundInput {
            year,
            title: "Sveriges eHälsokommun 2028",
            opens,
            deadline,
            ceremony,
            ceremony_place: "Svenska Mässan, Göteborg",
        }
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn a_copied_round_keeps_the_texts_takes_the_new_dates_and_starts_as_a_draft() {
        let source = crate::storage::seed::ehalsokommun_2027();
        let round =
            copied_round(&source, input("2028", "2027-11-01", "2028-04-14", "2028-05-10T18:00"), &[2027]).unwrap();
        assert_eq!((round.id.as_str(), round.year, round.state), ("ehalsokommun-2028", 2028, RoundState::Draft));
        assert_eq!(round.sections, source.sections);
        assert_eq!(round.criteria_text, source.criteria_text);
        assert_eq!(round.deadline.last_minute_utc(), utc("2028-04-14T21:59:00Z"), "23.59 Swedish summer time");
        assert_eq!(round.opens_at, utc("2027-10-31T23:00:00Z"), "00.00 Swedish winter time");
        assert_eq!(round.ceremony_at, utc("2028-05-10T16:00:00Z"));
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn a_new_round_is_refused_field_by_field() {
        let source = crate::storage::seed::ehalsokommun_2027();
        let problems =
            copied_round(&source, input("2027", "2028-04-20", "2028-04-14", "2028-04-01T18:00"), &[2027]).unwrap_err();
        assert_eq!(
            problems,
            vec![
                ("year", RoundProblem::YearTaken),
                ("deadline", RoundProblem::DeadlineBeforeOpening),
                ("ceremony", RoundProblem::CeremonyBeforeDeadline),
            ]
        );
        let bad =
            NewRoundInput { title: " ", ceremony_place: "", ..input("tjugo", "2028-02-30", "x", "2028-05-10 18") };
        assert_eq!(
            copied_round(&source, bad, &[]).unwrap_err(),
            vec![
                ("year", RoundProblem::YearInvalid),
                ("title", RoundProblem::TitleMissing),
                ("ceremony_place", RoundProblem::PlaceMissing),
                ("opens", RoundProblem::DateInvalid),
                ("deadline", RoundProblem::DateInvalid),
                ("ceremony", RoundProblem::DateTimeInvalid),
            ]
        );
    }
}
