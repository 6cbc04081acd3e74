//! The accessibility statement (tillgänglighetsredogörelse) that the law on
//! accessible digital public services asks for, in the structure DIGG gives,
//! kept by the organisers; and the feedback any visitor can send about it.

use super::{account::Email, application::clean_line, application::clean_text};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Where visitors complain to the supervising authority, DIGG.
pub const DIGG_COMPLAINT_URL: &str = "https://www.digg.se/tdosanmalan";
pub const LINE_LIMIT: usize = 200;
pub const TEXT_LIMIT: usize = 4000;
pub const FEEDBACK_LIMIT: usize = 2000;

/// How far the site meets the law (DIGG's three wordings).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Compliance {
    Full,
    Partial,
    None,
}

impl Compliance {
    pub const ALL: [Compliance; 3] = [Compliance::Full, Compliance::Partial, Compliance::None];

    pub fn code(self) -> &'static str {
        match self {
            Compliance::Full => "helt",
            Compliance::Partial => "delvis",
            Compliance::None => "inte",
        }
    }

    pub fn from_code(code: &str) -> Option<Compliance> {
        Compliance::ALL.into_iter().find(|c| c.code() == code)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Statement {
    /// Who stands behind the site.
    pub organisation: String,
    pub compliance: Compliance,
    /// Known problems, one per line (empty when there are none).
    pub known_issues: Vec<String>,
    /// How to get the content another way.
    pub alternatives: String,
    pub contact_email: String,
    /// How the site was tested.
    pub tested: String,
    pub published_on: NaiveDate,
    pub reviewed_on: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum StatementProblem {
    Missing,
    TooLong {
        max: usize,
    },
    ComplianceMissing,
    /// Known problems are needed unless the site is fully compliant.
    IssuesMissing,
    EmailInvalid,
    DateInvalid,
    ReviewedBeforePublished,
}

/// The organiser's form, as typed.
#[derive(Debug, Clone, Default)]
pub struct StatementInput {
    pub organisation: String,
    pub compliance: String,
    pub known_issues: String,
    pub alternatives: String,
    pub contact_email: String,
    pub tested: String,
    pub published_on: String,
    pub reviewed_on: String,
}

impl StatementInput {
    /// Each field by its form name, to show again with the form's problems.
    pub fn fields(&self) -> [(&'static str, &str); 8] {
        [
            ("organisation", &self.organisation),
            ("compliance", &self.compliance),
            ("known_issues", &self.known_issues),
            ("alternatives", &self.alternatives),
            ("contact_email", &self.contact_email),
            ("tested", &self.tested),
            ("published_on", &self.published_on),
            ("reviewed_on", &self.reviewed_on),
        ]
    }
}

/// The statement from the form, or the problems by field.
pub fn checked_statement(input: &StatementInput) -> Result<Statement, Vec<(&'static str, StatementProblem)>> {
    let mut problems = Vec::new();
    let mut required = |field: &'static str, text: String, max: usize| {
        if text.is_empty() {
            problems.push((field, StatementProblem::Missing));
        } else if text.chars().count() > max {
            problems.push((field, StatementProblem::TooLong { max }));
        }
        text
    };
    let organisation = required("organisation", clean_line(&input.organisation), LINE_LIMIT);
    let alternatives = required("alternatives", clean_text(&input.alternatives).trim().to_owned(), TEXT_LIMIT);
    let tested = required("tested", clean_text(&input.tested).trim().to_owned(), TEXT_LIMIT);
    let compliance = Compliance::from_code(input.compliance.trim());
    if compliance.is_none() {
        problems.push(("compliance", StatementProblem::ComplianceMissing));
    }
    let known_issues: Vec<String> =
        clean_text(&input.known_issues).lines().map(clean_line).filter(|l| !l.is_empty()).collect();
    if known_issues.iter().map(|l| l.chars().count() + 1).sum::<usize>() > TEXT_LIMIT {
        problems.push(("known_issues", StatementProblem::TooLong { max: TEXT_LIMIT }));
    } else if known_issues.is_empty() && compliance.is_some_and(|c| c != Compliance::Full) {
        problems.push(("known_issues", StatementProblem::IssuesMissing));
    }
    let contact_email = Email::parse(&input.contact_email).map(|e| e.as_str().to_owned());
    if contact_email.is_err() {
        problems.push(("contact_email", StatementProblem::EmailInvalid));
    }
    let date = |field: &'static str, text: &str, problems: &mut Vec<_>| {
        let parsed = NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok();
        if parsed.is_none() {
            problems.push((field, StatementProblem::DateInvalid));
        }
        parsed
    };
    let published_on = date("published_on", &input.published_on, &mut problems);
    let reviewed_on = date("reviewed_on", &input.reviewed_on, &mut problems);
    if let (Some(p), Some(r)) = (published_on, reviewed_on)
        && r < p
    {
        problems.push(("reviewed_on", StatementProblem::ReviewedBeforePublished));
    }
    match (compliance, contact_email, published_on, reviewed_on) {
        (Some(compliance), Ok(contact_email), Some(published_on), Some(reviewed_on)) if problems.is_empty() => {
            Ok(Statement {
                organisation,
                compliance,
                known_issues,
                alternatives,
                contact_email,
                tested,
                published_on,
                reviewed_on,
            })
        }
        _ => Err(problems),
    }
}

/// A visitor's feedback: what hindered them, on which page, and an address
/// for an answer if they want one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Feedback {
    pub message: String,
    pub page: String,
    pub reply_to: Option<String>,
}

pub fn checked_feedback(
    message: &str,
    page: &str,
    reply_to: &str,
) -> Result<Feedback, Vec<(&'static str, StatementProblem)>> {
    let mut problems = Vec::new();
    let message = clean_text(message).trim().to_owned();
    if message.is_empty() {
        problems.push(("message", StatementProblem::Missing));
    } else if message.chars().count() > FEEDBACK_LIMIT {
        problems.push(("message", StatementProblem::TooLong { max: FEEDBACK_LIMIT }));
    }
    let page = clean_line(page);
    if page.chars().count() > LINE_LIMIT {
        problems.push(("page", StatementProblem::TooLong { max: LINE_LIMIT }));
    }
    let reply_to = match reply_to.trim() {
        "" => None,
        typed => match Email::parse(typed) {
            Ok(email) => Some(email.as_str().to_owned()),
            Err(_) => {
                problems.push(("reply_to", StatementProblem::EmailInvalid));
                None
            }
        },
    };
    if problems.is_empty() { Ok(Feedback { message, page, reply_to }) } else { Err(problems) }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> StatementInput {
        StatementInput {
            organisation: " Vitalis ".into(),
            compliance: "delvis".into(),
            known_issues: "Kommunernas texter visas som de skrevs.\n\n  Rubriker i dem märks inte upp. \n".into(),
            alternatives: "Mejla oss så skickar vi innehållet.".into(),
            contact_email: "tillganglighet@vitalis.se".into(),
            tested: "Automatiskt med axe och för hand med tangentbord.".into(),
            published_on: "2026-11-01".into(),
            reviewed_on: "2026-11-24".into(),
        }
    }

    #[test]
    fn a_complete_statement_is_taken_with_its_known_problems_line_by_line() {
        let statement = checked_statement(&input()).unwrap();
        assert_eq!(statement.organisation, "Vitalis");
        assert_eq!(statement.compliance, Compliance::Partial);
        assert_eq!(
            statement.known_issues,
            ["Kommunernas texter visas som de skrevs.", "Rubriker i dem märks inte upp."]
        );
        assert_eq!(statement.reviewed_on, NaiveDate::from_ymd_opt(2026, 11, 24).unwrap());
        // Fully compliant: no known problems needed.
        let full = StatementInput { compliance: "helt".into(), known_issues: String::new(), ..input() };
        assert_eq!(checked_statement(&full).unwrap().known_issues, Vec::<String>::new());
    }

    #[test]
    fn each_field_says_what_is_wrong() {
        let bad = StatementInput {
            organisation: " ".into(),
            compliance: "kanske".into(),
            contact_email: "inte en adress".into(),
            published_on: "1 november".into(),
            ..input()
        };
        let problems = checked_statement(&bad).unwrap_err();
        assert!(problems.contains(&("organisation", StatementProblem::Missing)));
        assert!(problems.contains(&("compliance", StatementProblem::ComplianceMissing)));
        assert!(problems.contains(&("contact_email", StatementProblem::EmailInvalid)));
        assert!(problems.contains(&("published_on", StatementProblem::DateInvalid)));

        let partial_without_issues = StatementInput { known_issues: "\n".into(), ..input() };
        assert_eq!(
            checked_statement(&partial_without_issues).unwrap_err(),
            [("known_issues", StatementProblem::IssuesMissing)]
        );
        let backwards = StatementInput { reviewed_on: "2026-10-01".into(), ..input() };
        assert_eq!(
            checked_statement(&backwards).unwrap_err(),
            [("reviewed_on", StatementProblem::ReviewedBeforePublished)]
        );
        let long = "x".repeat(TEXT_LIMIT + 1);
        let too_long = StatementInput { tested: long, ..input() };
        assert_eq!(
            checked_statement(&too_long).unwrap_err(),
            [("tested", StatementProblem::TooLong { max: TEXT_LIMIT })]
        );
    }

    #[test]
    fn feedback_needs_a_message_and_takes_an_address_only_if_it_is_one() {
        let sent = checked_feedback("  Knappen syns inte i högkontrast.  ", "/ansokan", "").unwrap();
        assert_eq!(
            sent,
            Feedback { message: "Knappen syns inte i högkontrast.".into(), page: "/ansokan".into(), reply_to: None }
        );
        assert_eq!(checked_feedback("Text", "", "Eva@Exempel.se").unwrap().reply_to.as_deref(), Some("eva@exempel.se"));
        assert_eq!(checked_feedback(" ", "", "").unwrap_err(), [("message", StatementProblem::Missing)]);
        assert_eq!(checked_feedback("Text", "", "eva@").unwrap_err(), [("reply_to", StatementProblem::EmailInvalid)]);
        let long = "x".repeat(FEEDBACK_LIMIT + 1);
        assert_eq!(
            checked_feedback(&long, "", "").unwrap_err(),
            [("message", StatementProblem::TooLong { max: FEEDBACK_LIMIT })]
        );
    }
}
