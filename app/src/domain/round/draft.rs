//! A round before it opens, as the organiser makes it: copied from an
//! earlier round, then edited whole, each field checked.

use super::{Criterion, DEFAULT_SECTION_LIMIT, JuryMember, Round, Section, local_date_time, new_slug};
use crate::domain::{
    application::{clean_line, clean_text},
    deadline::Deadline,
    lifecycle::RoundState,
};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// When and where a round happens, as the organiser types it.
#[derive(Debug, Clone, Copy)]
pub struct Schedule<'a> {
    /// Dates as `YYYY-MM-DD`, the ceremony as `YYYY-MM-DDTHH:MM`, all Swedish time.
    pub opens: &'a str,
    pub deadline: &'a str,
    pub ceremony: &'a str,
    pub ceremony_place: &'a str,
}

/// What an organiser gives for a new round copied from an earlier one.
#[derive(Debug, Clone, Copy)]
pub struct NewRoundInput<'a> {
    pub year: &'a str,
    pub title: &'a str,
    pub schedule: Schedule<'a>,
}

/// A section or a criterion as the organiser's form sent it, before it is checked.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PartInput {
    /// Empty for a new part.
    pub slug: String,
    pub title: String,
    /// A section's guidance, a criterion's description.
    pub text: String,
    /// A section's character limit; unused for a criterion.
    pub limit: String,
    pub remove: bool,
}

/// Everything an organiser can change in a round that has not opened.
#[derive(Debug, Clone, Copy)]
pub struct RoundEdit<'a> {
    pub title: &'a str,
    /// The theme of the year; may be empty.
    pub theme: &'a str,
    pub intro: &'a str,
    pub criteria_text: &'a str,
    pub eligibility: &'a str,
    pub contact: &'a str,
    pub schedule: Schedule<'a>,
    pub sections: &'a [PartInput],
    pub criteria: &'a [PartInput],
    /// One jury member a line: "Namn, titel".
    pub jury: &'a str,
    /// One partner organisation a line.
    pub partners: &'a str,
}

/// What is wrong with a round's fields, or with removing one.
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
    /// The description or the criteria text is empty.
    TextMissing,
    TooLong {
        max: u32,
    },
    /// A section's character limit outside `SECTION_LIMITS`.
    LimitInvalid,
    /// Every section was removed: applicants would have nothing to write in.
    NoSections,
    /// A section or criterion without a heading.
    PartTitleMissing,
    /// A jury line without a name before the comma.
    JuryNameMissing,
    /// The round opened since the page was shown: its texts no longer change here.
    Opened,
}

/// The field problems of a round's form, by field name (`section_title[2]`).
pub type RoundProblems = Vec<(String, RoundProblem)>;

/// What a section's character limit may be: long enough for a paragraph,
/// short enough for a jury to read.
pub const SECTION_LIMITS: std::ops::RangeInclusive<u32> = 100..=50_000;
const TITLE_LIMIT: u32 = 200;
const TEXT_LIMIT: u32 = 10_000;
const LINE_LIMIT: u32 = 1_000;

/// Checks the organiser's input field by field, and copies `source` into a
/// new round in draft with it: the texts, sections, criteria, jury and partners
/// carry over, the dates and the title are new.
pub fn copied_round(source: &Round, input: NewRoundInput<'_>, taken_years: &[i32]) -> Result<Round, RoundProblems> {
    let mut problems = Vec::new();
    let year = match input.year.trim().parse::<i32>() {
        Ok(y) if (2000..=2100).contains(&y) && taken_years.contains(&y) => {
            problems.push(("year".to_owned(), RoundProblem::YearTaken));
            None
        }
        Ok(y) if (2000..=2100).contains(&y) => Some(y),
        _ => {
            problems.push(("year".to_owned(), RoundProblem::YearInvalid));
            None
        }
    };
    let title = checked_text(&mut problems, "title", input.title, true, TITLE_LIMIT);
    let schedule = checked_schedule(&mut problems, input.schedule);
    match (year, schedule) {
        (Some(year), Some(schedule)) if problems.is_empty() => Ok(Round {
            id: format!("{}-{year}", source.award_id),
            year,
            title,
            // A theme is the year's own: the new year's is for the organiser to give.
            theme: String::new(),
            state: RoundState::Draft,
            published_at: None,
            ..schedule.applied_to(source.clone())
        }),
        _ => Err(problems),
    }
}

/// Checks the organiser's changes to a round in draft field by field, and
/// gives the round as it becomes. Its year and id stay.
pub fn edited_round(draft: &Round, edit: RoundEdit<'_>) -> Result<Round, RoundProblems> {
    let mut problems = Vec::new();
    let title = checked_text(&mut problems, "title", edit.title, true, TITLE_LIMIT);
    let theme = clean_line(edit.theme);
    if theme.chars().count() > TITLE_LIMIT as usize {
        problems.push(("theme".to_owned(), RoundProblem::TooLong { max: TITLE_LIMIT }));
    }
    let intro = checked_text(&mut problems, "intro", edit.intro, true, TEXT_LIMIT);
    let criteria_text = checked_text(&mut problems, "criteria_text", edit.criteria_text, true, TEXT_LIMIT);
    let eligibility = checked_text(&mut problems, "eligibility", edit.eligibility, false, TEXT_LIMIT);
    let contact = checked_text(&mut problems, "contact", edit.contact, false, LINE_LIMIT);
    let schedule = checked_schedule(&mut problems, edit.schedule);

    let mut sections: Vec<Section> = Vec::new();
    for (i, row) in kept_rows(edit.sections) {
        let title = checked_line(&mut problems, &format!("section_title[{i}]"), &row.title, 80);
        let guidance = checked_line(&mut problems, &format!("section_guidance[{i}]"), &row.text, LINE_LIMIT);
        let max_chars = row.limit.trim().replace([' ', '\u{a0}'], "").parse::<u32>().ok();
        let max_chars = max_chars.filter(|m| SECTION_LIMITS.contains(m)).unwrap_or_else(|| {
            problems.push((format!("section_limit[{i}]"), RoundProblem::LimitInvalid));
            DEFAULT_SECTION_LIMIT
        });
        // A row keeps its slug only if it is the draft's own and no earlier row took it.
        let own = draft.sections.iter().any(|s| s.slug == row.slug) && !sections.iter().any(|s| s.slug == row.slug);
        let slug = if own {
            row.slug.clone()
        } else {
            new_slug(&title, "del", |s| {
                sections.iter().any(|x| x.slug == s) || edit.sections.iter().any(|r| r.slug == s)
            })
        };
        sections.push(Section { slug, title, guidance, max_chars });
    }
    if sections.is_empty() {
        problems.push((String::new(), RoundProblem::NoSections));
    }
    let mut criteria: Vec<Criterion> = Vec::new();
    for (i, row) in kept_rows(edit.criteria) {
        let title = checked_line(&mut problems, &format!("criterion_title[{i}]"), &row.title, 120);
        let description = clean_line(&row.text);
        if description.chars().count() > LINE_LIMIT as usize {
            problems.push((format!("criterion_description[{i}]"), RoundProblem::TooLong { max: LINE_LIMIT }));
        }
        let own = draft.criteria.iter().any(|c| c.slug == row.slug) && !criteria.iter().any(|c| c.slug == row.slug);
        let slug = if own {
            row.slug.clone()
        } else {
            new_slug(&title, "kriterium", |s| {
                criteria.iter().any(|x| x.slug == s) || edit.criteria.iter().any(|r| r.slug == s)
            })
        };
        criteria.push(Criterion { slug, title, description });
    }
    let mut jury = Vec::new();
    for line in edit.jury.lines().map(clean_line).filter(|l| !l.is_empty()) {
        let (name, title) = line.split_once(',').unwrap_or((&line, ""));
        if name.trim().is_empty() {
            problems.push(("jury".to_owned(), RoundProblem::JuryNameMissing));
        } else if line.chars().count() > 300 {
            problems.push(("jury".to_owned(), RoundProblem::TooLong { max: 300 }));
        }
        jury.push(JuryMember { name: name.trim().to_owned(), title: title.trim().to_owned() });
    }
    let partners: Vec<String> = edit.partners.lines().map(clean_line).filter(|l| !l.is_empty()).collect();
    if partners.iter().any(|p| p.chars().count() > 200) {
        problems.push(("partners".to_owned(), RoundProblem::TooLong { max: 200 }));
    }
    match schedule {
        Some(schedule) if problems.is_empty() => Ok(Round {
            title,
            theme,
            intro,
            criteria_text,
            eligibility,
            contact,
            sections,
            criteria,
            jury,
            partners,
            ..schedule.applied_to(draft.clone())
        }),
        _ => Err(problems),
    }
}

/// The rows a form keeps, with their index: not removed, and not a blank new row.
fn kept_rows(rows: &[PartInput]) -> impl Iterator<Item = (usize, &PartInput)> {
    rows.iter().enumerate().filter(|(_, r)| {
        let blank_new = r.slug.is_empty() && r.title.trim().is_empty() && r.text.trim().is_empty();
        !r.remove && !blank_new
    })
}

fn checked_text(problems: &mut RoundProblems, field: &str, text: &str, required: bool, max: u32) -> String {
    let text = clean_text(text).trim().to_owned();
    if required && text.is_empty() {
        let problem = if field == "title" { RoundProblem::TitleMissing } else { RoundProblem::TextMissing };
        problems.push((field.to_owned(), problem));
    } else if text.chars().count() > max as usize {
        problems.push((field.to_owned(), RoundProblem::TooLong { max }));
    }
    text
}

/// A section's or criterion's heading.
fn checked_line(problems: &mut RoundProblems, field: &str, text: &str, max: u32) -> String {
    let line = clean_line(text);
    if line.is_empty() {
        problems.push((field.to_owned(), RoundProblem::PartTitleMissing));
    } else if line.chars().count() > max as usize {
        problems.push((field.to_owned(), RoundProblem::TooLong { max }));
    }
    line
}

/// A round's dates and place, checked.
struct CheckedSchedule {
    opens_at: DateTime<Utc>,
    deadline: Deadline,
    ceremony_at: DateTime<Utc>,
    ceremony_place: String,
}

impl CheckedSchedule {
    fn applied_to(self, round: Round) -> Round {
        Round {
            opens_at: self.opens_at,
            deadline: self.deadline,
            ceremony_at: self.ceremony_at,
            ceremony_place: self.ceremony_place,
            ..round
        }
    }
}

/// The dates in Swedish time: the round opens at 00.00 on its first day and
/// closes after 23.59 on its last; the ceremony comes after the deadline.
fn checked_schedule(problems: &mut RoundProblems, input: Schedule<'_>) -> Option<CheckedSchedule> {
    use chrono::{NaiveDate, NaiveTime};
    let place = clean_line(input.ceremony_place);
    if place.is_empty() {
        problems.push(("ceremony_place".to_owned(), RoundProblem::PlaceMissing));
    } else if place.chars().count() > TITLE_LIMIT as usize {
        problems.push(("ceremony_place".to_owned(), RoundProblem::TooLong { max: TITLE_LIMIT }));
    }
    let mut date = |field: &str, text: &str| {
        let parsed = NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok();
        if parsed.is_none() {
            problems.push((field.to_owned(), RoundProblem::DateInvalid));
        }
        parsed
    };
    let (opens, deadline) = (date("opens", input.opens), date("deadline", input.deadline));
    let ceremony_at = local_date_time(input.ceremony);
    if ceremony_at.is_none() {
        problems.push(("ceremony".to_owned(), RoundProblem::DateTimeInvalid));
    }
    let at = |date: NaiveDate, h: u32, m: u32| {
        NaiveTime::from_hms_opt(h, m, 0).and_then(|time| Deadline::in_stockholm(date, time).ok())
    };
    let opens_at = opens.and_then(|d| at(d, 0, 0)).map(|d| d.last_minute_utc());
    let deadline = deadline.and_then(|d| at(d, 23, 59));
    if let (Some(opens_at), Some(deadline)) = (opens_at, deadline)
        && deadline.last_minute_utc() <= opens_at
    {
        problems.push(("deadline".to_owned(), RoundProblem::DeadlineBeforeOpening));
    }
    if let (Some(deadline), Some(ceremony_at)) = (deadline, ceremony_at)
        && ceremony_at < deadline.closes_at_utc()
    {
        problems.push(("ceremony".to_owned(), RoundProblem::CeremonyBeforeDeadline));
    }
    Some(CheckedSchedule { opens_at: opens_at?, deadline: deadline?, ceremony_at: ceremony_at?, ceremony_place: place })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(feature = "ssr")]
    use crate::domain::deadline::testing::utc;

    fn input<'a>(year: &'a str, opens: &'a str, deadline: &'a str, ceremony: &'a str) -> NewRoundInput<'a> {
        NewRoundInput {
            year,
            title: "Sveriges eHälsokommun 2028",
            schedule: Schedule { opens, deadline, ceremony, ceremony_place: "Svenska Mässan, Göteborg" },
        }
    }

    fn fields(problems: &RoundProblems) -> Vec<(&str, RoundProblem)> {
        problems.iter().map(|(field, problem)| (field.as_str(), *problem)).collect()
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn a_copied_round_keeps_the_texts_takes_the_new_dates_and_starts_as_a_draft() {
        let source = crate::storage::seed::ehalsokommun_2027();
        let source = Round { theme: "Det nya Sverige".into(), ..source };
        let round =
            copied_round(&source, input("2028", "2027-11-01", "2028-04-14", "2028-05-10T18:00"), &[2027]).unwrap();
        assert_eq!(round.theme, "", "a theme is the year's own");
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
            fields(&problems),
            vec![
                ("year", RoundProblem::YearTaken),
                ("deadline", RoundProblem::DeadlineBeforeOpening),
                ("ceremony", RoundProblem::CeremonyBeforeDeadline),
            ]
        );
        let mut bad = input("tjugo", "2028-02-30", "x", "2028-05-10 18");
        bad.title = " ";
        bad.schedule.ceremony_place = "";
        assert_eq!(
            fields(&copied_round(&source, bad, &[]).unwrap_err()),
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

    #[cfg(feature = "ssr")]
    fn rows(round: &Round) -> (Vec<PartInput>, Vec<PartInput>) {
        let sections = round
            .sections
            .iter()
            .map(|s| PartInput {
                slug: s.slug.clone(),
                title: s.title.clone(),
                text: s.guidance.clone(),
                limit: s.max_chars.to_string(),
                remove: false,
            })
            .collect();
        let criteria = round
            .criteria
            .iter()
            .map(|c| PartInput {
                slug: c.slug.clone(),
                title: c.title.clone(),
                text: c.description.clone(),
                ..PartInput::default()
            })
            .collect();
        (sections, criteria)
    }

    #[cfg(feature = "ssr")]
    fn edit<'a>(sections: &'a [PartInput], criteria: &'a [PartInput]) -> RoundEdit<'a> {
        RoundEdit {
            title: "Sveriges eHälsokommun 2028",
            theme: "  Det nya\r\nSverige ",
            intro: "Utmärkelsen lyfter kommuner som\r\nanvänder det digitala.",
            criteria_text: "Juryn bedömer helheten.",
            eligibility: "Alla kommuner.",
            contact: "info@vitalis.se",
            schedule: Schedule {
                opens: "2027-11-01",
                deadline: "2028-04-14",
                ceremony: "2028-05-10T18:00",
                ceremony_place: "Svenska Mässan, Göteborg",
            },
            sections,
            criteria,
            jury: "Anna Andersson, ordförande, SKR\n\n  Bo Berg  \n",
            partners: "SKR\nInera\n",
        }
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn an_edited_draft_takes_the_texts_parts_jury_and_partners_and_keeps_its_year() {
        let draft = copied_round(
            &crate::storage::seed::ehalsokommun_2027(),
            input("2028", "2027-11-01", "2028-04-14", "2028-05-10T18:00"),
            &[2027],
        )
        .unwrap();
        let (mut sections, mut criteria) = rows(&draft);
        sections[1].remove = true;
        sections[0].limit = "8 000".into();
        sections[2].text = "Vad kan medarbetarna?".into();
        sections.push(PartInput {
            title: "Ändrat på ett år".into(),
            text: "Vad är nytt?".into(),
            limit: "3000".into(),
            ..PartInput::default()
        });
        sections.push(PartInput::default());
        criteria.push(PartInput { title: "5G i hemtjänsten".into(), ..PartInput::default() });
        let round = edited_round(&draft, edit(&sections, &criteria)).unwrap();
        assert_eq!((round.id.as_str(), round.year, round.state), ("ehalsokommun-2028", 2028, RoundState::Draft));
        assert_eq!(round.intro, "Utmärkelsen lyfter kommuner som\nanvänder det digitala.");
        assert_eq!(round.theme, "Det nya Sverige", "one line");
        let parts: Vec<(&str, u32)> = round.sections.iter().map(|s| (s.slug.as_str(), s.max_chars)).collect();
        assert_eq!(
            parts,
            vec![("ledning", 8000), ("kompetens", 6000), ("anvandning", 6000), ("andrat-pa-ett-ar", 3000)],
            "the removed section is gone, the blank row adds nothing"
        );
        assert_eq!(round.sections[1].guidance, "Vad kan medarbetarna?");
        assert_eq!(round.criteria.last().unwrap().slug, "k-5g-i-hemtjansten");
        assert_eq!(
            round.jury,
            vec![
                JuryMember { name: "Anna Andersson".into(), title: "ordförande, SKR".into() },
                JuryMember { name: "Bo Berg".into(), title: String::new() },
            ]
        );
        assert_eq!(round.partners, vec!["SKR".to_owned(), "Inera".to_owned()]);
        assert_eq!(round.ceremony_at, utc("2028-05-10T16:00:00Z"));
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn an_edited_draft_is_refused_field_by_field() {
        let draft = crate::storage::seed::ehalsokommun_2027();
        let (mut sections, mut criteria) = rows(&draft);
        sections[0].title = " ".into();
        sections[1].limit = "99".into();
        sections[2].limit = "sex tusen".into();
        criteria[0].title = String::new();
        let long = "x".repeat(1001);
        let mut bad = edit(&sections, &criteria);
        bad.theme = &long[..201];
        bad.intro = "  ";
        bad.contact = &long;
        bad.jury = ", ordförande";
        bad.schedule.deadline = "2027-10-01";
        assert_eq!(
            fields(&edited_round(&draft, bad).unwrap_err()),
            vec![
                ("theme", RoundProblem::TooLong { max: 200 }),
                ("intro", RoundProblem::TextMissing),
                ("contact", RoundProblem::TooLong { max: 1000 }),
                ("deadline", RoundProblem::DeadlineBeforeOpening),
                ("section_title[0]", RoundProblem::PartTitleMissing),
                ("section_limit[1]", RoundProblem::LimitInvalid),
                ("section_limit[2]", RoundProblem::LimitInvalid),
                ("criterion_title[0]", RoundProblem::PartTitleMissing),
                ("jury", RoundProblem::JuryNameMissing),
            ]
        );
        let gone: Vec<PartInput> = sections.iter().map(|s| PartInput { remove: true, ..s.clone() }).collect();
        assert_eq!(
            fields(&edited_round(&draft, edit(&gone, &criteria[1..])).unwrap_err()),
            vec![("", RoundProblem::NoSections)]
        );
    }
}
