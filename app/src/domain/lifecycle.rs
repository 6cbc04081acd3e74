//! A round's life, one explicit step at a time: utkast → öppen → stängd →
//! bedömning → beslutad → offentliggjord. Each step has its own condition,
//! judged here on facts the caller gathers (the clock, the deadlines, the
//! decision), and a decided round can go back to the jury before it is announced.

use super::{
    decision::{DecisionProblem, EmbargoProblem},
    round::{Round, RoundProblem},
};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum RoundState {
    /// Being prepared; not public.
    Draft,
    /// Public; applications are taken between the opening and the deadline.
    Open,
    /// Applications are closed; the jury has not started.
    Closed,
    /// The jury reads and scores.
    Review,
    /// The jury has chosen; nothing is public yet.
    Decided,
    /// The winner is public.
    Announced,
}

impl RoundState {
    pub const ALL: [RoundState; 6] = [
        RoundState::Draft,
        RoundState::Open,
        RoundState::Closed,
        RoundState::Review,
        RoundState::Decided,
        RoundState::Announced,
    ];

    pub fn code(self) -> &'static str {
        match self {
            RoundState::Draft => "utkast",
            RoundState::Open => "oppen",
            RoundState::Closed => "stangd",
            RoundState::Review => "bedomning",
            RoundState::Decided => "beslutad",
            RoundState::Announced => "offentliggjord",
        }
    }

    pub fn from_code(code: &str) -> Option<RoundState> {
        RoundState::ALL.into_iter().find(|s| s.code() == code)
    }

    /// The step forward, if any.
    pub fn next(self) -> Option<RoundState> {
        RoundState::ALL.into_iter().find(|s| *s > self)
    }

    /// The way back, where there is one: a decision can be reopened until it is announced.
    pub fn back(self) -> Option<RoundState> {
        (self == RoundState::Decided).then_some(RoundState::Review)
    }

    /// Whether the public may see the round at all.
    pub fn is_public(self) -> bool {
        self != RoundState::Draft
    }

    /// The one state in which the jury's decision and its motivations change: written
    /// and signed during the review, fixed once the round is decided.
    pub const DECISION_OPEN: RoundState = RoundState::Review;

    /// Whether the decision and its motivations may change (`DECISION_OPEN`).
    pub fn decision_open(self) -> bool {
        self == RoundState::DECISION_OPEN
    }
}

/// Why a step is refused.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum StepRefusal {
    /// Not the next step (or the way back) from where the round is.
    OutOfOrder { from: RoundState, to: RoundState },
    /// The opening must come before the deadline, and the deadline before the ceremony.
    DatesInvalid,
    /// A round opens only when the award's running round has been announced.
    AnotherRoundRunning,
    /// Applications close only once every kommun's deadline (extensions too) has passed.
    DeadlineNotPassed { closes_at: DateTime<Utc> },
    /// The decision is not complete.
    DecisionIncomplete(Vec<DecisionProblem>),
}

/// What keeps an organiser's step or decision from being taken.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum OrganiseProblem {
    Step(StepRefusal),
    Decision(DecisionProblem),
    /// A step needs its box ticked.
    NotConfirmed,
    /// Someone else moved the round since the page was opened.
    Moved {
        now: RoundState,
    },
    /// The decision can change only while the round is in review.
    DecisionLocked {
        state: RoundState,
    },
    Round(RoundProblem),
    Embargo(EmbargoProblem),
}

/// What the steps are judged on.
#[derive(Debug, Clone)]
pub struct StepFacts {
    pub now: DateTime<Utc>,
    pub opens_at: DateTime<Utc>,
    /// The first instant after the round's deadline.
    pub deadline: DateTime<Utc>,
    pub ceremony_at: DateTime<Utc>,
    /// The first instant at which every kommun's deadline (extensions too) has passed.
    pub last_closing: DateTime<Utc>,
    /// What the decision still lacks; empty when it is complete.
    pub decision_problems: Vec<DecisionProblem>,
    /// Another round of the award is public and not yet announced.
    pub another_round_running: bool,
}

impl StepFacts {
    /// A round's own dates, as if no kommun had an extension, nothing were
    /// decided and no other round ran; the caller adds what it knows more.
    pub fn of_round(round: &Round, now: DateTime<Utc>) -> StepFacts {
        StepFacts {
            now,
            opens_at: round.opens_at,
            deadline: round.deadline.closes_at_utc(),
            ceremony_at: round.ceremony_at,
            last_closing: round.deadline.closes_at_utc(),
            decision_problems: vec![],
            another_round_running: false,
        }
    }
}

/// Whether the round may go from `from` to `to` now.
pub fn may_step(from: RoundState, to: RoundState, facts: &StepFacts) -> Result<(), StepRefusal> {
    if from.next() != Some(to) && from.back() != Some(to) {
        return Err(StepRefusal::OutOfOrder { from, to });
    }
    match to {
        RoundState::Open if facts.another_round_running => Err(StepRefusal::AnotherRoundRunning),
        RoundState::Open if !(facts.opens_at < facts.deadline && facts.deadline < facts.ceremony_at) => {
            Err(StepRefusal::DatesInvalid)
        }
        RoundState::Closed if facts.now < facts.last_closing => {
            Err(StepRefusal::DeadlineNotPassed { closes_at: facts.last_closing })
        }
        RoundState::Decided if !facts.decision_problems.is_empty() => {
            Err(StepRefusal::DecisionIncomplete(facts.decision_problems.clone()))
        }
        RoundState::Announced => {
            // The sign-offs were complete when the jury decided, and nothing can be signed since.
            let blocking: Vec<DecisionProblem> = facts
                .decision_problems
                .iter()
                .filter(|p| !matches!(p, DecisionProblem::NotSignedOff { .. }))
                .cloned()
                .collect();
            if blocking.is_empty() { Ok(()) } else { Err(StepRefusal::DecisionIncomplete(blocking)) }
        }
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use RoundState::*;

    fn at(s: &str) -> DateTime<Utc> {
        s.parse().unwrap()
    }

    fn facts() -> StepFacts {
        StepFacts {
            now: at("2027-04-16T08:00:00Z"),
            opens_at: at("2026-11-01T00:00:00Z"),
            deadline: at("2027-04-15T22:00:00Z"),
            ceremony_at: at("2027-05-12T16:00:00Z"),
            last_closing: at("2027-04-15T22:00:00Z"),
            decision_problems: vec![],
            another_round_running: false,
        }
    }

    #[test]
    fn the_decision_changes_in_review_alone() {
        let open: Vec<RoundState> = RoundState::ALL.into_iter().filter(|s| s.decision_open()).collect();
        assert_eq!(open, vec![RoundState::Review]);
    }

    #[test]
    fn each_state_has_a_code_and_one_step_forward() {
        for state in RoundState::ALL {
            assert_eq!(RoundState::from_code(state.code()), Some(state));
        }
        assert_eq!(RoundState::from_code("arkiverad"), None);
        assert_eq!(Draft.next(), Some(Open));
        assert_eq!(Review.next(), Some(Decided));
        assert_eq!(Announced.next(), None);
        assert!(!Draft.is_public() && Open.is_public());
    }

    #[test]
    fn steps_go_one_at_a_time_and_back_only_from_a_decision_not_yet_announced() {
        let f = facts();
        assert_eq!(may_step(Draft, Open, &f), Ok(()));
        assert_eq!(may_step(Closed, Review, &f), Ok(()));
        assert_eq!(may_step(Decided, Review, &f), Ok(()));
        for (from, to) in
            [(Draft, Closed), (Open, Review), (Review, Announced), (Announced, Review), (Review, Open), (Open, Open)]
        {
            assert_eq!(may_step(from, to, &f), Err(StepRefusal::OutOfOrder { from, to }), "{from:?} → {to:?}");
        }
    }

    #[test]
    fn a_round_opens_only_with_its_dates_in_order_and_no_other_round_running() {
        let f = StepFacts { another_round_running: true, ..facts() };
        assert_eq!(may_step(Draft, Open, &f), Err(StepRefusal::AnotherRoundRunning));
        let f = StepFacts { deadline: at("2026-10-01T00:00:00Z"), ..facts() };
        assert_eq!(may_step(Draft, Open, &f), Err(StepRefusal::DatesInvalid));
        let f = StepFacts { ceremony_at: at("2027-04-01T00:00:00Z"), ..facts() };
        assert_eq!(may_step(Draft, Open, &f), Err(StepRefusal::DatesInvalid));
    }

    #[test]
    fn applications_close_only_after_the_last_deadline_extensions_included() {
        let extended = at("2027-04-20T22:00:00Z");
        let f = StepFacts { last_closing: extended, ..facts() };
        assert_eq!(may_step(Open, Closed, &f), Err(StepRefusal::DeadlineNotPassed { closes_at: extended }));
        let f = StepFacts { now: at("2027-04-15T21:59:59Z"), ..facts() };
        assert!(may_step(Open, Closed, &f).is_err(), "23.59.59 Swedish time is still before the deadline");
        let f = StepFacts { now: at("2027-04-15T22:00:00Z"), ..facts() };
        assert_eq!(may_step(Open, Closed, &f), Ok(()));
    }

    #[test]
    fn deciding_and_announcing_need_a_complete_decision() {
        let f = StepFacts { decision_problems: vec![DecisionProblem::NoWinner], ..facts() };
        let refused = Err(StepRefusal::DecisionIncomplete(vec![DecisionProblem::NoWinner]));
        assert_eq!(may_step(Review, Decided, &f), refused);
        assert_eq!(may_step(Decided, Announced, &f), refused);
        assert_eq!(may_step(Decided, Review, &f), Ok(()), "going back needs nothing");
    }

    #[test]
    fn the_jury_signs_off_before_deciding_and_nothing_after_blocks_the_announcement() {
        let unsigned = DecisionProblem::NotSignedOff { kommun: "Kalmar".into(), jurors: vec!["Juni".into()] };
        let f = StepFacts { decision_problems: vec![unsigned.clone()], ..facts() };
        assert_eq!(may_step(Review, Decided, &f), Err(StepRefusal::DecisionIncomplete(vec![unsigned])));
        assert_eq!(may_step(Decided, Announced, &f), Ok(()), "signing is closed once decided");
    }
}
