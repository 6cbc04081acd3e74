//! A kommun's application to a round: its parts, its life from draft to
//! submission, what must hold before it is submitted, and the deadline that
//! applies to it (the round's, or a later one granted to this kommun).

use super::{
    account::{Email, Phone},
    deadline::Deadline,
    lifecycle::RoundState,
    round::{ApplicationWindow, Section, application_window},
};
use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

/// The short summary, stored as a part beside the round's sections.
pub const SUMMARY: &str = "sammanfattning";
pub const SUMMARY_LIMIT: u32 = 1_000;
/// The contact person, one part per field.
pub const CONTACT_NAME: &str = "kontakt_namn";
pub const CONTACT_TITLE: &str = "kontakt_titel";
pub const CONTACT_EMAIL: &str = "kontakt_epost";
pub const CONTACT_PHONE: &str = "kontakt_telefon";
pub const CONTACT_PARTS: [&str; 4] = [CONTACT_NAME, CONTACT_TITLE, CONTACT_EMAIL, CONTACT_PHONE];
/// A one-line contact field is never longer than this.
pub const CONTACT_LIMIT: u32 = 200;

/// Every part of an application to a round with these sections, in the order
/// of the form: the sections, the summary, the contact person.
pub fn parts(sections: &[Section]) -> Vec<&str> {
    let mut parts: Vec<&str> = sections.iter().map(|s| s.slug.as_str()).collect();
    parts.push(SUMMARY);
    parts.extend(CONTACT_PARTS);
    parts
}

/// The longest text a part may have when the application is submitted.
pub fn limit(sections: &[Section], part: &str) -> Option<u32> {
    match part {
        SUMMARY => Some(SUMMARY_LIMIT),
        p if CONTACT_PARTS.contains(&p) => Some(CONTACT_LIMIT),
        p => sections.iter().find(|s| s.slug == p).map(|s| s.max_chars),
    }
}

/// A draft may run over its part's limit while it is being written, up to this many
/// times the limit (the form lets no one type more); the limit itself holds at submit.
pub const DRAFT_OVERRUN: u32 = 2;

/// The longest text a part may have while the application is a draft.
pub fn draft_limit(limit: u32) -> u32 {
    limit.saturating_mul(DRAFT_OVERRUN)
}

/// The writer's choice where a colleague saved a newer version of a part:
/// "Spara min text" or "Behåll kollegans".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Settle {
    Mine,
    Theirs,
}

/// One part of a save, as the merge rule sees it.
#[derive(Debug, Clone, Copy)]
pub struct PartSave<'a> {
    pub body: &'a str,
    /// The version the writer's page was based on (0: none yet).
    pub base: i64,
    /// The text of version `base` where it is not the newest ("" for 0); `None` otherwise.
    pub base_text: Option<&'a str>,
    /// The newest stored version and its text.
    pub current: Option<(i64, &'a str)>,
    pub settle: Option<Settle>,
    /// The application is closed to edits now.
    pub refused: bool,
}

/// What becomes of one part of a save: nothing a writer typed is lost, and nothing a
/// colleague saved is overwritten unknowingly.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Merge {
    /// Nothing to write: the text is what is stored (`catch_up`: the version the writer's
    /// page now shows), or the writer took the colleague's. The writer's own copy goes.
    Settled { catch_up: Option<i64> },
    /// A whole-form post carried a part the writer never edited: a colleague's newer
    /// text there is neither overwritten nor a conflict.
    Untouched,
    /// Not saved into the application (it is closed to edits), but kept as the writer's own copy.
    KeepCopy,
    /// Saved as the version after `base` if that is still the newest (compare-and-set);
    /// else kept as the writer's own copy, a conflict to settle.
    Save { base: i64 },
}

pub fn merge(part: PartSave<'_>) -> Merge {
    let current_version = part.current.map_or(0, |(version, _)| version);
    let unchanged = part.current.map_or(part.body.is_empty(), |(_, text)| text == part.body);
    if unchanged || part.settle == Some(Settle::Theirs) {
        return Merge::Settled { catch_up: part.current.filter(|_| unchanged).map(|(version, _)| version) };
    }
    let stale = part.base != current_version;
    if stale && part.settle != Some(Settle::Mine) && part.base_text == Some(part.body) {
        return Merge::Untouched;
    }
    if part.refused {
        return Merge::KeepCopy;
    }
    Merge::Save { base: if part.settle == Some(Settle::Mine) { current_version } else { part.base } }
}

/// A part's text too long to be saved even as a draft: its length and the most a draft may have.
pub fn too_long_for_draft(sections: &[Section], part: &str, body: &str) -> Option<(usize, u32)> {
    let max = draft_limit(limit(sections, part)?);
    let count = body.chars().count();
    (count > max as usize).then_some((count, max))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Status {
    /// Never submitted.
    Draft,
    /// Submitted; locked until the kommun reopens it.
    Submitted,
    /// Submitted once, then opened again for changes. The last submission
    /// still stands until a new one is made.
    Reopened,
}

impl Status {
    pub fn code(self) -> &'static str {
        match self {
            Status::Draft => "utkast",
            Status::Submitted => "inskickad",
            Status::Reopened => "oppnad",
        }
    }

    pub fn from_code(code: &str) -> Option<Status> {
        match code {
            "utkast" => Some(Status::Draft),
            "inskickad" => Some(Status::Submitted),
            "oppnad" => Some(Status::Reopened),
            _ => None,
        }
    }

    /// Whether the jury has a submitted text from this kommun.
    pub fn has_submission(self) -> bool {
        self != Status::Draft
    }
}

/// Why an application cannot be changed, submitted or reopened now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Refusal {
    NotYetOpen,
    /// The deadline has passed; nothing can change.
    Closed {
        closed_at: DateTime<Utc>,
    },
    /// Submitted: reopen it to change it.
    Submitted,
    /// Only a submitted application can be reopened.
    NotSubmitted,
}

/// The deadline for one kommun: the round's, or a later one granted to it.
pub fn deadline_for(round: Deadline, extension: Option<Deadline>) -> Deadline {
    match extension {
        Some(ext) if ext.closes_at_utc() > round.closes_at_utc() => ext,
        _ => round,
    }
}

fn window_allows(life: &Life, now: DateTime<Utc>) -> Result<(), Refusal> {
    let deadline = life.deadline;
    match application_window(life.round_state, life.opens_at, deadline, now) {
        ApplicationWindow::Open => Ok(()),
        ApplicationWindow::NotYetOpen => Err(Refusal::NotYetOpen),
        ApplicationWindow::Closed => Err(Refusal::Closed { closed_at: deadline.closes_at_utc() }),
    }
}

/// The rules of an application's life, judged on the server's clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Life {
    pub status: Status,
    /// Applications are taken only while the round is open, whatever the clock says.
    pub round_state: RoundState,
    pub opens_at: DateTime<Utc>,
    pub deadline: Deadline,
}

impl Life {
    pub fn may_edit(&self, now: DateTime<Utc>) -> Result<(), Refusal> {
        window_allows(self, now)?;
        if self.status == Status::Submitted { Err(Refusal::Submitted) } else { Ok(()) }
    }

    pub fn may_submit(&self, now: DateTime<Utc>) -> Result<(), Refusal> {
        self.may_edit(now)
    }

    pub fn may_reopen(&self, now: DateTime<Utc>) -> Result<(), Refusal> {
        window_allows(self, now)?;
        if self.status == Status::Submitted { Ok(()) } else { Err(Refusal::NotSubmitted) }
    }
}

/// Text as it is kept: plain, with `\n` line ends, no control characters
/// (tabs and line ends excepted) and in Unicode NFC, so that "å" typed on any
/// system is one character and counts as one.
pub fn clean_text(input: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    input
        .replace("\r\n", "\n")
        .replace('\r', "\n")
        .chars()
        .filter(|c| !c.is_control() || matches!(c, '\n' | '\t'))
        .filter(|c| !matches!(c, '\u{feff}' | '\u{2028}' | '\u{2029}'))
        .nfc()
        .collect()
}

/// One-line fields (the contact person) also lose line ends and outer spaces.
pub fn clean_line(input: &str) -> String {
    clean_text(input).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Characters as a reader counts them (Unicode scalar values); the same
/// function counts in the browser and on the server.
pub fn char_count(text: &str) -> usize {
    text.chars().count()
}

/// What keeps an application from being submitted, by part.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum SubmitProblem {
    Empty { part: String },
    TooLong { part: String, count: usize, max: u32 },
    InvalidEmail,
    InvalidPhone,
}

impl SubmitProblem {
    pub fn part(&self) -> &str {
        match self {
            SubmitProblem::Empty { part } | SubmitProblem::TooLong { part, .. } => part,
            SubmitProblem::InvalidEmail => CONTACT_EMAIL,
            SubmitProblem::InvalidPhone => CONTACT_PHONE,
        }
    }
}

/// Every section and the summary must have text within its limit, and the
/// contact person must be complete, with an e-mail address and a phone number
/// that work.
pub fn submit_problems<'a>(sections: &[Section], text_of: impl Fn(&str) -> &'a str) -> Vec<SubmitProblem> {
    let mut problems = Vec::new();
    for part in parts(sections) {
        let text = text_of(part);
        let count = char_count(text.trim());
        if count == 0 {
            problems.push(SubmitProblem::Empty { part: part.to_owned() });
            continue;
        }
        if let Some(max) = limit(sections, part)
            && count > max as usize
        {
            problems.push(SubmitProblem::TooLong { part: part.to_owned(), count, max });
        }
    }
    let email = text_of(CONTACT_EMAIL);
    if !email.trim().is_empty() && Email::parse(email).is_err() {
        problems.push(SubmitProblem::InvalidEmail);
    }
    let phone = text_of(CONTACT_PHONE);
    if !phone.trim().is_empty() && Phone::parse_optional(phone).is_err() {
        problems.push(SubmitProblem::InvalidPhone);
    }
    problems
}

/// The reference number of a submission, quoted in the receipt and by the
/// organisers: the initials of the round's title, the year, the kommunkod and
/// the count, e.g. "SE-2027-0880-1" for Sveriges eHälsokommun 2027.
pub fn reference(title: &str, year: i32, kommun_kod: &str, number: i64) -> String {
    let initials: String = title
        .split(|c: char| !c.is_alphabetic())
        .filter_map(|w| w.chars().next())
        .flat_map(char::to_uppercase)
        .collect();
    let initials = if initials.chars().count() >= 2 { initials } else { first_letters(title) };
    format!("{initials}-{year}-{kommun_kod}-{number}")
}

/// A one-word name has no initials to speak of: its first three letters.
fn first_letters(name: &str) -> String {
    name.chars().filter(|c| c.is_alphabetic()).take(3).flat_map(char::to_uppercase).collect()
}

/// The reminders sent to kommuner with an unsubmitted draft.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Reminder {
    WeekBefore,
    DayBefore,
}

impl Reminder {
    pub fn code(self) -> &'static str {
        match self {
            Reminder::WeekBefore => "7d",
            Reminder::DayBefore => "1d",
        }
    }

    pub fn from_code(code: &str) -> Option<Reminder> {
        match code {
            "7d" => Some(Reminder::WeekBefore),
            "1d" => Some(Reminder::DayBefore),
            _ => None,
        }
    }
}

/// The reminder to send now, if any: a week before the deadline and a day
/// before, each once; an application begun within the last day before the
/// deadline gets only the last one.
pub fn reminder_due(deadline: Deadline, now: DateTime<Utc>, sent: &[Reminder]) -> Option<Reminder> {
    if deadline.has_passed(now) {
        return None;
    }
    let left = deadline.closes_at_utc() - now;
    let due = if left <= Duration::days(1) {
        Reminder::DayBefore
    } else if left <= Duration::days(7) {
        Reminder::WeekBefore
    } else {
        return None;
    };
    (!sent.contains(&due)).then_some(due)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::deadline::testing::{april_deadline as deadline, utc};
    use chrono::{NaiveDate, NaiveTime};
    fn life(status: Status) -> Life {
        Life { status, round_state: RoundState::Open, opens_at: utc("2026-11-01T00:00:00Z"), deadline: deadline() }
    }
    /// 15 April 2027 is summer time in Sweden (UTC+2): 23:59:59 local is 21:59:59 UTC.
    const LAST_SECOND: &str = "2027-04-15T21:59:59Z";
    const MIDNIGHT: &str = "2027-04-15T22:00:00Z";

    fn sections() -> Vec<Section> {
        ["ledning", "infrastruktur", "kompetens", "anvandning"]
            .iter()
            .map(|s| Section { slug: (*s).into(), title: s.to_uppercase(), guidance: String::new(), max_chars: 20 })
            .collect()
    }

    #[test]
    fn the_merge_rule_loses_nothing_typed_and_overwrites_nothing_unknowingly() {
        let part = |body, base, base_text, current, settle, refused| PartSave {
            body,
            base,
            base_text,
            current,
            settle,
            refused,
        };
        // The text is what is stored: nothing to write, and the page catches up.
        assert_eq!(merge(part("a", 1, None, Some((2, "a")), None, false)), Merge::Settled { catch_up: Some(2) });
        assert_eq!(merge(part("", 0, None, None, None, false)), Merge::Settled { catch_up: None });
        // The writer keeps the colleague's text.
        let theirs = part("mine", 1, Some("old"), Some((2, "theirs")), Some(Settle::Theirs), false);
        assert_eq!(merge(theirs), Merge::Settled { catch_up: None });
        // A part the writer never edited, carried by a whole-form post on an older version.
        assert_eq!(merge(part("old", 1, Some("old"), Some((2, "theirs")), None, false)), Merge::Untouched);
        assert_eq!(merge(part("", 0, Some(""), Some((1, "theirs")), None, false)), Merge::Untouched);
        // Edited on an older version: a save on that version, which the store refuses into a conflict copy.
        assert_eq!(merge(part("mine", 1, Some("old"), Some((2, "theirs")), None, false)), Merge::Save { base: 1 });
        // "Spara min text": on the newest version, knowingly, even where the text is the old one.
        let mine = part("old", 1, Some("old"), Some((2, "theirs")), Some(Settle::Mine), false);
        assert_eq!(merge(mine), Merge::Save { base: 2 });
        // Closed to edits: kept as the writer's own copy, never lost.
        assert_eq!(merge(part("mine", 2, None, Some((2, "a")), None, true)), Merge::KeepCopy);
        // The ordinary save.
        assert_eq!(merge(part("b", 2, None, Some((2, "a")), None, false)), Merge::Save { base: 2 });
    }

    #[test]
    fn a_draft_can_be_edited_and_submitted_until_the_last_second_of_2359_and_not_at_midnight() {
        let draft = life(Status::Draft);
        assert_eq!(draft.may_edit(utc(LAST_SECOND)), Ok(()));
        assert_eq!(draft.may_submit(utc(LAST_SECOND)), Ok(()));
        let closed = Err(Refusal::Closed { closed_at: utc(MIDNIGHT) });
        assert_eq!(draft.may_edit(utc(MIDNIGHT)), closed);
        assert_eq!(draft.may_submit(utc(MIDNIGHT)), closed);
        assert_eq!(draft.may_edit(utc("2026-10-31T12:00:00Z")), Err(Refusal::NotYetOpen));
    }

    #[test]
    fn a_submitted_application_is_locked_until_reopened_and_only_before_the_deadline() {
        let submitted = life(Status::Submitted);
        assert_eq!(submitted.may_edit(utc(LAST_SECOND)), Err(Refusal::Submitted));
        assert_eq!(submitted.may_submit(utc(LAST_SECOND)), Err(Refusal::Submitted));
        assert_eq!(submitted.may_reopen(utc(LAST_SECOND)), Ok(()));
        assert_eq!(submitted.may_reopen(utc(MIDNIGHT)), Err(Refusal::Closed { closed_at: utc(MIDNIGHT) }));

        let reopened = life(Status::Reopened);
        assert_eq!(reopened.may_edit(utc(LAST_SECOND)), Ok(()));
        assert_eq!(reopened.may_reopen(utc(LAST_SECOND)), Err(Refusal::NotSubmitted));
        assert!(reopened.status.has_submission());
        assert!(!life(Status::Draft).status.has_submission());
        assert_eq!(life(Status::Draft).may_reopen(utc(LAST_SECOND)), Err(Refusal::NotSubmitted));
    }

    #[test]
    fn an_extension_moves_one_kommuns_deadline_later_never_earlier() {
        let later = Deadline::in_stockholm(
            NaiveDate::from_ymd_opt(2027, 4, 22).unwrap(),
            NaiveTime::from_hms_opt(12, 0, 0).unwrap(),
        )
        .unwrap();
        let earlier = Deadline::from_utc(utc("2027-04-01T10:00:00Z"));
        assert_eq!(deadline_for(deadline(), Some(later)), later);
        assert_eq!(deadline_for(deadline(), Some(earlier)), deadline());
        assert_eq!(deadline_for(deadline(), None), deadline());
        let extended = Life { deadline: deadline_for(deadline(), Some(later)), ..life(Status::Draft) };
        assert_eq!(extended.may_edit(utc(MIDNIGHT)), Ok(()));
    }

    #[test]
    fn statuses_round_trip_through_their_codes() {
        for s in [Status::Draft, Status::Submitted, Status::Reopened] {
            assert_eq!(Status::from_code(s.code()), Some(s));
        }
        assert_eq!(Status::from_code("other"), None);
    }

    #[test]
    fn text_is_kept_plain_with_one_kind_of_line_end_and_composed_characters() {
        assert_eq!(clean_text("a\r\nb\rc\n"), "a\nb\nc\n");
        assert_eq!(clean_text("noll\u{0}byte\u{7}\u{feff}"), "nollbyte");
        // "å" as a + combining ring (as some systems paste it) becomes one character.
        assert_eq!(clean_text("a\u{030a}"), "å");
        assert_eq!(char_count(&clean_text("a\u{030a}")), 1);
        // Markup is text: it is kept as typed and escaped when shown.
        assert_eq!(clean_text("<script>alert(1)</script>"), "<script>alert(1)</script>");
        assert_eq!(clean_text("tab\there 👩‍⚕️"), "tab\there 👩‍⚕️");
        assert_eq!(clean_line("  Anna \n Andersson\t"), "Anna Andersson");
    }

    #[test]
    fn a_draft_may_run_over_its_limit_up_to_twice_it() {
        let sections = sections();
        assert_eq!(too_long_for_draft(&sections, "kompetens", &"x".repeat(40)), None, "twice the limit of 20");
        assert_eq!(too_long_for_draft(&sections, "kompetens", &"x".repeat(41)), Some((41, 40)));
        assert_eq!(too_long_for_draft(&sections, SUMMARY, &"å".repeat(2_000)), None);
        assert_eq!(
            too_long_for_draft(&sections, "okand", &"x".repeat(10_000)),
            None,
            "no such part: not a length question"
        );
    }

    #[test]
    fn submitting_needs_every_part_filled_within_its_limit_and_a_working_contact() {
        let sections = sections();
        let full = |part: &str| match part {
            CONTACT_EMAIL => "anna@kalmar.se",
            CONTACT_PHONE => "0480-45 00 00",
            "kompetens" => "x".repeat(21).leak(),
            "anvandning" => "   \n ",
            _ => "Text",
        };
        let problems = submit_problems(&sections, full);
        assert_eq!(
            problems,
            vec![
                SubmitProblem::TooLong { part: "kompetens".into(), count: 21, max: 20 },
                SubmitProblem::Empty { part: "anvandning".into() },
            ]
        );
        let bad_contact = |part: &str| match part {
            CONTACT_EMAIL => "anna at kalmar",
            CONTACT_PHONE => "ring mig",
            _ => "Text",
        };
        assert_eq!(
            submit_problems(&sections, bad_contact),
            vec![SubmitProblem::InvalidEmail, SubmitProblem::InvalidPhone]
        );
        let all_empty = submit_problems(&sections, |_| "");
        assert_eq!(all_empty.len(), parts(&sections).len());
        assert_eq!(all_empty[4].part(), SUMMARY);
    }

    #[test]
    fn references_name_award_year_kommun_and_count() {
        assert_eq!(reference("Sveriges eHälsokommun 2027", 2027, "0880", 2), "SE-2027-0880-2");
        assert_eq!(reference("Priset 2027", 2027, "0180", 1), "PRI-2027-0180-1");
    }

    #[test]
    fn reminders_go_a_week_and_a_day_before_each_once() {
        let d = deadline();
        assert_eq!(reminder_due(d, utc("2027-04-08T21:59:59Z"), &[]), None);
        assert_eq!(reminder_due(d, utc("2027-04-08T22:00:00Z"), &[]), Some(Reminder::WeekBefore));
        assert_eq!(reminder_due(d, utc("2027-04-10T08:00:00Z"), &[Reminder::WeekBefore]), None);
        assert_eq!(reminder_due(d, utc("2027-04-14T22:00:00Z"), &[Reminder::WeekBefore]), Some(Reminder::DayBefore));
        // Begun on the last day: only the last reminder.
        assert_eq!(reminder_due(d, utc("2027-04-15T10:00:00Z"), &[]), Some(Reminder::DayBefore));
        assert_eq!(reminder_due(d, utc("2027-04-15T10:00:00Z"), &[Reminder::DayBefore]), None);
        assert_eq!(reminder_due(d, utc(MIDNIGHT), &[]), None);
        for r in [Reminder::WeekBefore, Reminder::DayBefore] {
            assert_eq!(Reminder::from_code(r.code()), Some(r));
        }
    }
}
