//! The jury's decision: the nominees (finalists), one winner among them,
//! honourable mentions if any, and the jury's motivation for each.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// The longest motivation: a few paragraphs to read aloud at the ceremony.
pub const MOTIVATION_LIMIT: usize = 2_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Outcome {
    Winner,
    /// A finalist (nominerad).
    Nominee,
    /// Hedersomnämnande.
    Mention,
}

impl Outcome {
    pub const ALL: [Outcome; 3] = [Outcome::Winner, Outcome::Nominee, Outcome::Mention];

    pub fn code(self) -> &'static str {
        match self {
            Outcome::Winner => "vinnare",
            Outcome::Nominee => "nominerad",
            Outcome::Mention => "hedersomnamnande",
        }
    }

    pub fn from_code(code: &str) -> Option<Outcome> {
        Outcome::ALL.into_iter().find(|o| o.code() == code)
    }

    /// The winner is a finalist too.
    pub fn is_finalist(self) -> bool {
        matches!(self, Outcome::Winner | Outcome::Nominee)
    }
}

/// What is wrong with an embargo time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum EmbargoProblem {
    Invalid,
    /// The time has already passed: it would embargo nothing.
    Passed,
}

/// When an announcement becomes public: at once when no embargo is given,
/// else at the embargo time (Swedish time), which must lie ahead.
pub fn public_at(embargo: &str, now: DateTime<Utc>) -> Result<DateTime<Utc>, EmbargoProblem> {
    if embargo.trim().is_empty() {
        return Ok(now);
    }
    match super::round::local_date_time(embargo) {
        None => Err(EmbargoProblem::Invalid),
        Some(at) if at <= now => Err(EmbargoProblem::Passed),
        Some(at) => Ok(at),
    }
}

/// One application's part in the decision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Choice {
    pub application_id: String,
    pub outcome: Outcome,
    pub motivation: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum DecisionProblem {
    NoWinner,
    SeveralWinners,
    /// Every chosen application needs the jury's motivation.
    MotivationMissing {
        application_id: String,
    },
    MotivationTooLong {
        application_id: String,
    },
    /// An outcome the form does not know.
    OutcomeUnknown {
        application_id: String,
    },
    /// These jurors (by name) have not signed the newest version of the motivation.
    NotSignedOff {
        kommun: String,
        jurors: Vec<String>,
    },
}

/// What keeps `choices` from being a decision the round can be decided and announced with.
pub fn decision_problems(choices: &[Choice]) -> Vec<DecisionProblem> {
    let mut problems = Vec::new();
    match choices.iter().filter(|c| c.outcome == Outcome::Winner).count() {
        0 => problems.push(DecisionProblem::NoWinner),
        1 => {}
        _ => problems.push(DecisionProblem::SeveralWinners),
    }
    for choice in choices {
        let application_id = choice.application_id.clone();
        if choice.motivation.trim().is_empty() {
            problems.push(DecisionProblem::MotivationMissing { application_id });
        } else if choice.motivation.chars().count() > MOTIVATION_LIMIT {
            problems.push(DecisionProblem::MotivationTooLong { application_id });
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_announcement_is_public_at_once_or_at_an_embargo_time_that_lies_ahead() {
        let now: DateTime<Utc> = "2027-05-05T10:00:00Z".parse().unwrap();
        assert_eq!(public_at("  ", now), Ok(now));
        // 12 May 18.00 Swedish summer time is 16.00 UTC.
        assert_eq!(public_at("2027-05-12T18:00", now), Ok("2027-05-12T16:00:00Z".parse().unwrap()));
        assert_eq!(public_at("2027-05-05 12:00", now), Err(EmbargoProblem::Passed), "12.00 Swedish is 10.00 UTC: now");
        assert_eq!(public_at("12 maj", now), Err(EmbargoProblem::Invalid));
    }

    fn choice(id: &str, outcome: Outcome, motivation: &str) -> Choice {
        Choice { application_id: id.into(), outcome, motivation: motivation.into() }
    }

    #[test]
    fn a_decision_needs_one_winner_and_a_motivation_for_every_choice() {
        let complete = [
            choice("a", Outcome::Winner, "Modigt och genomfört."),
            choice("b", Outcome::Nominee, "Stora steg under året."),
            choice("c", Outcome::Mention, "Ett gott exempel."),
        ];
        assert_eq!(decision_problems(&complete), vec![]);
        assert_eq!(decision_problems(&complete[1..]), vec![DecisionProblem::NoWinner]);
        assert_eq!(decision_problems(&[]), vec![DecisionProblem::NoWinner]);

        let two = [choice("a", Outcome::Winner, "x"), choice("b", Outcome::Winner, "y")];
        assert_eq!(decision_problems(&two), vec![DecisionProblem::SeveralWinners]);

        let unmotivated = [choice("a", Outcome::Winner, "  \n"), choice("b", Outcome::Nominee, &"å".repeat(2_001))];
        assert_eq!(
            decision_problems(&unmotivated),
            vec![
                DecisionProblem::MotivationMissing { application_id: "a".into() },
                DecisionProblem::MotivationTooLong { application_id: "b".into() },
            ]
        );
        assert!(decision_problems(&[choice("a", Outcome::Winner, &"å".repeat(2_000))]).is_empty());
    }

    #[test]
    fn outcomes_have_codes_and_the_winner_is_a_finalist() {
        for outcome in Outcome::ALL {
            assert_eq!(Outcome::from_code(outcome.code()), Some(outcome));
        }
        assert_eq!(Outcome::from_code(""), None);
        assert!(Outcome::Winner.is_finalist() && Outcome::Nominee.is_finalist() && !Outcome::Mention.is_finalist());
    }
}
