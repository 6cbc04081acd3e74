//! Gallring: how long the portal keeps what it stores, and what is due to go.
//!
//! The organisers set two periods for the whole portal, in whole months after a
//! round's announcement (`rounds.published_at`): one for **unsuccessful
//! applications**, one for **personal data**. What is kept, and for how long:
//!
//! - A round that is not announced keeps everything.
//! - **Unsuccessful applications** (`applications_months` after the announcement):
//!   drafts never submitted, and submitted applications without an outcome in
//!   `decisions`, are deleted with everything hanging on them (texts, versions,
//!   writers' copies, submissions, reminders, the jury's reviews, discussion and
//!   shortlist marks), with the kommun's deadline extension and the jäv declared or
//!   answered about the kommun; the frozen ranking of the round goes too, since it
//!   ranks them. Winners, finalists and honourable mentions are kept: they are public.
//! - **Personal data** (`personal_months` after the announcement, never shorter): in
//!   the applications kept, the contact person's fields are emptied (current text,
//!   every version and every submitted copy) and the names of those who saved and
//!   submitted are replaced by [`ANONYMISED`]; writers' unsaved copies, the jury's
//!   reviews (scores, comments, private notes), discussion, shortlist marks, jäv
//!   records, deadline extensions and the round's jury invitations are deleted; the
//!   decision keeps its outcome and motivation but not the name of who saved it.
//!   The call as published (the jury's names, the contact) stays with the round.
//! - **Accounts** of applicants and jurors are deleted as at the person's own
//!   request (`/konto/radera`) once every round they took part in (an applicant's
//!   kommun applied in it; a juror sat on its jury) is past its personal-data date,
//!   the account is older than the personal-data period, and nobody is logged in on
//!   it. An account active in a later round, or in a round not yet announced, is
//!   kept. Organisers' accounts are kept: they are deleted by hand. The person is
//!   told by e-mail why, unless their access had been taken away.
//! - **The audit log** keeps every entry, but after the personal-data period counted
//!   from the entry the actor's name becomes [`ANONYMISED`], and so does the detail of
//!   the entries that name people (invitations, access, probable jäv).
//! - Visitors' **accessibility feedback** is deleted after the personal-data period.
//! - Fixed in the code, not set by the organisers: **sent mail** is deleted
//!   [`MAIL_KEPT_DAYS`] days after it was sent (or first failed); **sessions** once
//!   ended ([`Lifetimes`]); **e-mailed links** once used or expired; **invitations**
//!   [`INVITATION_KEPT_DAYS`] days after they expired; **failed log-ins** after
//!   [`LOGIN_FAILURES_KEPT_DAYS`] day.
//!
//! Everything here is judged on the server's clock; the dry run and the real run
//! ask the same questions of the same rules.

use super::account::Role;
use chrono::{DateTime, Duration, Months, Utc};
use serde::{Deserialize, Serialize};

/// What replaces a person's name in what is kept.
pub const ANONYMISED: &str = "(avidentifierad)";
/// Who acts when the scheduled run changes something.
pub const PORTAL_ACTOR: &str = "Portalen (gallring)";
pub const MIN_MONTHS: u32 = 1;
/// Ten years: longer than any reason the award could have to keep applications.
pub const MAX_MONTHS: u32 = 120;
pub const MAIL_KEPT_DAYS: i64 = 30;
pub const INVITATION_KEPT_DAYS: i64 = 30;
pub const LOGIN_FAILURES_KEPT_DAYS: i64 = 1;
/// Audit entries whose detail names people; the rest describe rounds and steps.
pub const AUDIT_ACTIONS_NAMING_PEOPLE: [&str; 3] = ["inbjudan", "behorighet", "troligt-jav"];

/// The organisers' two periods, in months after a round's announcement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Periods {
    pub applications_months: u32,
    pub personal_months: u32,
}

/// A year for unsuccessful applications (time to answer questions about the
/// outcome); two for personal data (the next round has been run by then).
pub const DEFAULT_PERIODS: Periods = Periods { applications_months: 12, personal_months: 24 };

impl Default for Periods {
    fn default() -> Self {
        DEFAULT_PERIODS
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum PeriodProblem {
    /// Not a whole number of months between MIN_MONTHS and MAX_MONTHS.
    OutOfRange,
    /// Personal data cannot go before the unsuccessful applications that hold it.
    ShorterThanApplications,
}

/// The organisers' form, checked field by field.
pub fn checked_periods(applications: &str, personal: &str) -> Result<Periods, Vec<(&'static str, PeriodProblem)>> {
    let months = |text: &str| text.trim().parse::<u32>().ok().filter(|m| (MIN_MONTHS..=MAX_MONTHS).contains(m));
    let mut problems = Vec::new();
    let applications_months = months(applications);
    let personal_months = months(personal);
    if applications_months.is_none() {
        problems.push(("applications_months", PeriodProblem::OutOfRange));
    }
    if personal_months.is_none() {
        problems.push(("personal_months", PeriodProblem::OutOfRange));
    }
    match (applications_months, personal_months) {
        (Some(a), Some(p)) if p < a => Err(vec![("personal_months", PeriodProblem::ShorterThanApplications)]),
        (Some(applications_months), Some(personal_months)) => Ok(Periods { applications_months, personal_months }),
        _ => Err(problems),
    }
}

/// `months` after `at`; the last day of a shorter month when the day is missing
/// (31 March + 1 month = 30 April).
pub fn months_after(at: DateTime<Utc>, months: u32) -> DateTime<Utc> {
    at.checked_add_months(Months::new(months)).unwrap_or(DateTime::<Utc>::MAX_UTC)
}

fn months_before(at: DateTime<Utc>, months: u32) -> DateTime<Utc> {
    at.checked_sub_months(Months::new(months)).unwrap_or(DateTime::<Utc>::MIN_UTC)
}

/// When an announced round's data is due to go.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoundDates {
    pub announced: DateTime<Utc>,
    pub applications: DateTime<Utc>,
    pub personal: DateTime<Utc>,
}

impl RoundDates {
    pub fn applications_due(&self, now: DateTime<Utc>) -> bool {
        now >= self.applications
    }

    pub fn personal_due(&self, now: DateTime<Utc>) -> bool {
        now >= self.personal
    }
}

/// None for a round not announced: nothing of it is due.
pub fn round_dates(periods: Periods, published_at: Option<DateTime<Utc>>) -> Option<RoundDates> {
    let announced = published_at?;
    Some(RoundDates {
        announced,
        applications: months_after(announced, periods.applications_months),
        personal: months_after(announced, periods.personal_months),
    })
}

/// How long the portal's own short-lived records live, from the code that sets
/// them (sessions, e-mailed links, invitations); shown on the privacy notice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Lifetimes {
    pub session_idle_hours: i64,
    pub session_absolute_hours: i64,
    pub confirm_link_hours: i64,
    pub reset_link_hours: i64,
    pub invitation_days: i64,
}

/// Records made at or before these instants are due.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cutoffs {
    pub now: DateTime<Utc>,
    /// Audit names, accessibility feedback, and accounts created before it.
    pub personal: DateTime<Utc>,
    pub mail: DateTime<Utc>,
    pub invitations: DateTime<Utc>,
    pub login_failures: DateTime<Utc>,
    pub session_idle: DateTime<Utc>,
    pub session_absolute: DateTime<Utc>,
}

pub fn cutoffs(periods: Periods, lifetimes: Lifetimes, now: DateTime<Utc>) -> Cutoffs {
    Cutoffs {
        now,
        personal: months_before(now, periods.personal_months),
        mail: now - Duration::days(MAIL_KEPT_DAYS),
        invitations: now - Duration::days(INVITATION_KEPT_DAYS),
        login_failures: now - Duration::days(LOGIN_FAILURES_KEPT_DAYS),
        session_idle: now - Duration::hours(lifetimes.session_idle_hours),
        session_absolute: now - Duration::hours(lifetimes.session_absolute_hours),
    }
}

/// What the rule for accounts needs to know about one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccountFacts {
    pub role: Role,
    pub created_at: DateTime<Utc>,
    /// Each round the person took part in; None while it is not announced.
    pub rounds: Vec<Option<RoundDates>>,
    /// A session still running: the account is in use right now.
    pub logged_in: bool,
}

/// Whether the account is deleted now (see the module's rule).
pub fn account_due(periods: Periods, account: &AccountFacts, now: DateTime<Utc>) -> bool {
    account.role != Role::Organiser
        && !account.logged_in
        && months_after(account.created_at, periods.personal_months) <= now
        && account.rounds.iter().all(|round| round.is_some_and(|r| r.personal_due(now)))
}

/// One kind of thing the run removes or anonymises.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Step {
    /// A round's drafts never submitted: deleted.
    Drafts,
    /// A round's submitted applications without an outcome: deleted.
    Unsuccessful,
    /// Deadline extensions and jäv records about the kommuner whose applications go.
    UnsuccessfulRecords,
    /// The round's frozen ranking, which ranks the applications that go.
    RankingSnapshot,
    /// The contact person's fields in the applications kept: emptied.
    ContactDetails,
    /// Names of those who saved, submitted or decided: anonymised.
    WriterNames,
    /// Writers' copies kept beside a newer version: deleted.
    WriterCopies,
    Reviews,
    JuryDiscussion,
    ShortlistMarks,
    /// Jurors' sign-offs of the motivations kept.
    SignOffs,
    JavRecords,
    Extensions,
    AuditNames,
    Mail,
    Sessions,
    Links,
    Invitations,
    LoginFailures,
    /// Text typed into a form sent back with problems, not read again within its minute.
    FormEchoes,
    Feedback,
    Accounts,
}

impl Step {
    /// Whether the names listed are people's: shown to the organisers in the dry
    /// run, but never written to the run's record or the log, which outlive them.
    pub fn names_people(self) -> bool {
        matches!(self, Step::Accounts | Step::Invitations)
    }
}

/// What one step removes (or would remove) from one round, or from the portal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Item {
    /// The round's title; None for the portal's own records.
    pub round: Option<String>,
    pub step: Step,
    pub count: u64,
    /// Kommuner, or people (see `Step::names_people`), in order.
    pub names: Vec<String>,
}

/// Items of the same round and step are one (a step that spans several tables).
pub fn merged(items: Vec<Item>) -> Vec<Item> {
    let mut out: Vec<Item> = Vec::new();
    for item in items {
        match out.iter_mut().find(|o| o.round == item.round && o.step == item.step) {
            Some(same) => {
                same.count += item.count;
                for name in item.names {
                    if !same.names.contains(&name) {
                        same.names.push(name);
                    }
                }
            }
            None => out.push(item),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(text: &str) -> DateTime<Utc> {
        text.parse().unwrap()
    }

    #[test]
    fn periods_are_whole_months_within_ten_years_and_personal_data_never_goes_first() {
        assert_eq!(checked_periods("12", " 24 "), Ok(Periods { applications_months: 12, personal_months: 24 }));
        assert_eq!(checked_periods("6", "6"), Ok(Periods { applications_months: 6, personal_months: 6 }));
        assert_eq!(
            checked_periods("0", "abc"),
            Err(vec![
                ("applications_months", PeriodProblem::OutOfRange),
                ("personal_months", PeriodProblem::OutOfRange)
            ])
        );
        assert_eq!(
            checked_periods("1.5", "121"),
            Err(vec![
                ("applications_months", PeriodProblem::OutOfRange),
                ("personal_months", PeriodProblem::OutOfRange)
            ])
        );
        assert_eq!(checked_periods("-1", "12").unwrap_err()[0].0, "applications_months");
        assert_eq!(checked_periods("24", "12"), Err(vec![("personal_months", PeriodProblem::ShorterThanApplications)]));
        assert_eq!(Periods::default(), DEFAULT_PERIODS);
        let defaults = (DEFAULT_PERIODS.applications_months.to_string(), DEFAULT_PERIODS.personal_months.to_string());
        assert_eq!(
            checked_periods(&defaults.0, &defaults.1),
            Ok(DEFAULT_PERIODS),
            "the defaults pass the form's check"
        );
    }

    #[test]
    fn a_round_is_due_whole_months_after_its_announcement_and_never_before() {
        let periods = Periods { applications_months: 12, personal_months: 24 };
        assert_eq!(round_dates(periods, None), None, "not announced: nothing is due");
        let dates = round_dates(periods, Some(t("2027-05-14T08:00:00Z"))).unwrap();
        assert_eq!(dates.applications, t("2028-05-14T08:00:00Z"));
        assert_eq!(dates.personal, t("2029-05-14T08:00:00Z"));
        assert!(!dates.applications_due(t("2028-05-14T07:59:59Z")));
        assert!(dates.applications_due(t("2028-05-14T08:00:00Z")));
        assert!(!dates.personal_due(t("2029-05-14T07:59:59Z")));
        assert!(dates.personal_due(t("2029-05-14T08:00:00Z")));
        // A day the later month lacks: its last day.
        assert_eq!(months_after(t("2027-03-31T10:00:00Z"), 1), t("2027-04-30T10:00:00Z"));
    }

    fn lifetimes() -> Lifetimes {
        Lifetimes {
            session_idle_hours: 2,
            session_absolute_hours: 12,
            confirm_link_hours: 48,
            reset_link_hours: 1,
            invitation_days: 7,
        }
    }

    #[test]
    fn the_portals_own_records_have_fixed_lives_and_the_rest_follows_the_personal_period() {
        let now = t("2029-06-01T12:00:00Z");
        let c = cutoffs(DEFAULT_PERIODS, lifetimes(), now);
        assert_eq!(c.personal, t("2027-06-01T12:00:00Z"));
        assert_eq!(c.mail, t("2029-05-02T12:00:00Z"));
        assert_eq!(c.invitations, t("2029-05-02T12:00:00Z"));
        assert_eq!(c.login_failures, t("2029-05-31T12:00:00Z"));
        assert_eq!(c.session_idle, t("2029-06-01T10:00:00Z"));
        assert_eq!(c.session_absolute, t("2029-06-01T00:00:00Z"));
    }

    #[test]
    fn an_account_goes_only_when_every_round_it_took_part_in_is_past_its_personal_data_date() {
        let periods = DEFAULT_PERIODS;
        let old = round_dates(periods, Some(t("2027-05-14T08:00:00Z")));
        let later = round_dates(periods, Some(t("2028-05-14T08:00:00Z")));
        let now = t("2029-06-01T00:00:00Z");
        let juror = AccountFacts {
            role: Role::Juror,
            created_at: t("2027-01-01T00:00:00Z"),
            rounds: vec![old],
            logged_in: false,
        };
        assert!(account_due(periods, &juror, now));
        assert!(!account_due(periods, &juror, t("2029-05-14T07:59:59Z")), "before the round's date");
        let active_later = AccountFacts { rounds: vec![old, later], ..juror.clone() };
        assert!(!account_due(periods, &active_later, now), "active in a later round");
        let in_an_open_round = AccountFacts { rounds: vec![old, None], ..juror.clone() };
        assert!(!account_due(periods, &in_an_open_round, now), "in a round not announced");
        let logged_in = AccountFacts { logged_in: true, ..juror.clone() };
        assert!(!account_due(periods, &logged_in, now), "in use right now");
        let organiser = AccountFacts { role: Role::Organiser, ..juror.clone() };
        assert!(!account_due(periods, &organiser, now), "organisers are kept");
        let new = AccountFacts { created_at: t("2028-01-01T00:00:00Z"), rounds: vec![], ..juror.clone() };
        assert!(!account_due(periods, &new, now), "a new account waits for its first round");
        let never_used = AccountFacts { role: Role::Applicant, rounds: vec![], ..juror };
        assert!(account_due(periods, &never_used, now), "an old account in no round");
    }

    #[test]
    fn a_step_over_several_tables_is_one_item_per_round() {
        let item = |round: &str, step, count, names: &[&str]| Item {
            round: Some(round.to_owned()),
            step,
            count,
            names: names.iter().map(|n| n.to_string()).collect(),
        };
        let items = merged(vec![
            item("2027", Step::ContactDetails, 4, &["Kalmar"]),
            item("2027", Step::ContactDetails, 8, &["Kalmar", "Umeå"]),
            item("2028", Step::ContactDetails, 1, &["Umeå"]),
        ]);
        assert_eq!(
            items,
            vec![
                item("2027", Step::ContactDetails, 12, &["Kalmar", "Umeå"]),
                item("2028", Step::ContactDetails, 1, &["Umeå"])
            ]
        );
        assert!(Step::Accounts.names_people() && !Step::Unsuccessful.names_people());
    }
}
