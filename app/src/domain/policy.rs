//! Everything a person can do to an object of the award, as a named action, and the
//! one predicate that decides each over plain facts (the pattern of pretalx's
//! `rules.py`). Server functions and pages ask `decide`; none composes the checks
//! by hand. The role table (`access::check`) says who may call a server function at
//! all; this says whether this person may do this to this object, now.

use super::{
    access::{Viewer, may_act_for_kommun, may_approve, may_manage, may_review_round},
    account::Role,
    application::{Life, Refusal},
    employer::Flag,
    motivation::{DecisionReading, juror_reads_decision},
    review::{JuryView, Progress, ReviewPhase, ReviewProblem, jury_view},
};
use chrono::{DateTime, Utc};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// The kommun's own application (asked of the kommun, before there is one), as its applicants read it.
    ReadApplication,
    EditApplication,
    SubmitApplication,
    /// Take a submitted application back to change it, before the deadline.
    ReopenApplication,
    /// Let a waiting applicant act for the kommun.
    ApproveApplicant,
    /// A round's jury work: its list of entries, the shortlist, jäv for its kommuner.
    ReviewRound,
    /// A submitted application on the jury's list: its page, without a line of
    /// the text for a juror who stands aside (`JuryView::Excluded`).
    ReadEntry,
    /// Write, change and mark done one's own review.
    ScoreEntry,
    /// The others' scores and comments, and the discussion.
    SeeJuryWork,
    PostToJury,
    MarkForShortlist,
    /// The recorded decision and its motivations before they are announced.
    ReadDecision,
    /// Write a new version of a chosen application's motivation.
    WriteMotivation,
    /// Sign the newest version of a motivation as a juror.
    SignMotivation,
    /// Rounds, people, settings, the decision's record.
    ManageRound,
}

impl Action {
    /// Every action, for the tests that walk them all.
    pub const ALL: [Action; 15] = [
        Action::ReadApplication,
        Action::EditApplication,
        Action::SubmitApplication,
        Action::ReopenApplication,
        Action::ApproveApplicant,
        Action::ReviewRound,
        Action::ReadEntry,
        Action::ScoreEntry,
        Action::SeeJuryWork,
        Action::PostToJury,
        Action::MarkForShortlist,
        Action::ReadDecision,
        Action::WriteMotivation,
        Action::SignMotivation,
        Action::ManageRound,
    ];

    /// Whether the action changes anything (and so waits for its phase).
    pub fn changes(self) -> bool {
        !matches!(
            self,
            Action::ReadApplication
                | Action::ReviewRound
                | Action::ReadEntry
                | Action::SeeJuryWork
                | Action::ReadDecision
        )
    }
}

/// What a call does that no object of the award decides: the public pages, and a
/// person's own way into the portal and their own account. The role table alone
/// decides who may call them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OwnAction {
    /// The call for applications, the winners, the accessibility statement, the kommuner to choose from.
    ReadPublic,
    /// Tell the organisers of a barrier on a page.
    GiveFeedback,
    SignUp,
    ConfirmEmail,
    LogIn,
    LogOut,
    ResetPassword,
    /// One's own profile, password, personal data and account.
    ManageOwnAccount,
}

/// What a server function names before it reaches the database (`api::cx::Cx`):
/// the log says it for every line of the request, and the tests count its statements.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Doing {
    Award(Action),
    Own(OwnAction),
}

impl From<Action> for Doing {
    fn from(action: Action) -> Doing {
        Doing::Award(action)
    }
}

impl From<OwnAction> for Doing {
    fn from(action: OwnAction) -> Doing {
        Doing::Own(action)
    }
}

impl std::fmt::Display for Doing {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Doing::Award(action) => write!(f, "{action:?}"),
            Doing::Own(action) => write!(f, "{action:?}"),
        }
    }
}

/// Why a juror stands aside for a kommun: they see nothing of its application
/// while either holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Aside {
    No,
    /// Jäv declared.
    Declared,
    /// Their employer points to a probable jäv they have not answered.
    FlagPending,
}

impl Aside {
    /// A juror's standing for a kommun: a declared jäv first, then a flag from their
    /// employer (`employer::flag`) still waiting for an answer.
    pub fn of(declared: bool, flag: Option<Flag>) -> Aside {
        match flag {
            _ if declared => Aside::Declared,
            Some(Flag::Pending) => Aside::FlagPending,
            _ => Aside::No,
        }
    }
}

/// A submitted application in a round, as the jury has it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry<'a> {
    pub round: &'a str,
    pub phase: ReviewPhase,
    /// The viewer's standing for the application's kommun (organisers: `No`).
    pub aside: Aside,
    /// The viewer's own review of it.
    pub own: Progress,
}

/// A round's decision, as one viewer stands to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Decision<'a> {
    pub round: &'a str,
    /// Whether the decision and its motivations may change (`RoundState::decision_open`).
    pub open: bool,
    pub stands_aside_for_any_kommun: bool,
    /// The viewer's reviews not yet done that they are expected to do.
    pub own_reviews_left: usize,
    pub phase: ReviewPhase,
}

/// The object an action is asked about, with the facts its rule reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Object<'a> {
    /// A kommun, for whom applicants act.
    Kommun(&'a str),
    /// A kommun's application, judged on the server's clock.
    Application {
        kommun: &'a str,
        life: Life,
        now: DateTime<Utc>,
    },
    /// A round, as its jury works on it.
    Round(&'a str),
    Entry(Entry<'a>),
    Decision(Decision<'a>),
    /// The award's rounds and everything organisers run.
    Organising,
}

/// Why an action is refused: not theirs at all, or not now (and why, to say so).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refused {
    Forbidden,
    Application(Refusal),
    Review(ReviewProblem),
    Decision(DecisionReading),
    /// The decision is no longer (or not yet) open to change.
    DecisionClosed,
}

/// The one rule: may `viewer` do `action` to `object`? Deny unless allowed; an
/// action asked of an object it is not about is denied too.
pub fn decide(viewer: &Viewer, action: Action, object: &Object<'_>) -> Result<(), Refused> {
    use Action::*;
    let allowed = |yes: bool| if yes { Ok(()) } else { Err(Refused::Forbidden) };
    match (action, object) {
        (ApproveApplicant, Object::Kommun(kommun)) => allowed(may_approve(viewer, kommun)),
        (ReadApplication, Object::Kommun(kommun) | Object::Application { kommun, .. }) => {
            allowed(may_act_for_kommun(viewer, kommun))
        }
        (EditApplication | SubmitApplication | ReopenApplication, Object::Application { kommun, life, now }) => {
            allowed(may_act_for_kommun(viewer, kommun))?;
            let rule = match action {
                EditApplication => life.may_edit(*now),
                SubmitApplication => life.may_submit(*now),
                _ => life.may_reopen(*now),
            };
            rule.map_err(Refused::Application)
        }
        (ReadEntry | SeeJuryWork | PostToJury | ScoreEntry | MarkForShortlist, Object::Entry(entry)) => {
            entry_rule(viewer, action, entry)
        }
        (ReviewRound, Object::Round(round)) => allowed(may_review_round(viewer, round)),
        (ReadDecision | WriteMotivation | SignMotivation, Object::Decision(decision)) => {
            allowed(may_review_round(viewer, decision.round))?;
            // Organisers write a motivation with the jury, and sign none: the sign-offs are the jurors'.
            allowed(action != SignMotivation || viewer.role == Role::Juror)?;
            match reading(viewer, decision) {
                DecisionReading::Reads => {}
                other => return Err(Refused::Decision(other)),
            }
            if action != ReadDecision && !decision.open {
                return Err(Refused::DecisionClosed);
            }
            Ok(())
        }
        (ManageRound, Object::Organising) => allowed(may_manage(viewer)),
        _ => Err(Refused::Forbidden),
    }
}

/// What the viewer reads of a round's decision: organisers all of it, jurors by
/// `juror_reads_decision`.
pub fn reading(viewer: &Viewer, decision: &Decision<'_>) -> DecisionReading {
    if viewer.role == Role::Organiser {
        DecisionReading::Reads
    } else {
        juror_reads_decision(
            decision.stands_aside_for_any_kommun,
            decision.own_reviews_left,
            decision.phase.may_work().is_ok(),
        )
    }
}

/// What the viewer sees of the jury's work on an entry (`review::jury_view`).
pub fn entry_view(viewer: &Viewer, entry: &Entry<'_>) -> JuryView {
    jury_view(viewer.role == Role::Organiser, entry.aside != Aside::No, entry.own)
}

fn entry_rule(viewer: &Viewer, action: Action, entry: &Entry<'_>) -> Result<(), Refused> {
    if !may_review_round(viewer, entry.round) {
        return Err(Refused::Forbidden);
    }
    let juror = viewer.role == Role::Juror;
    let view = entry_view(viewer, entry);
    match action {
        Action::ReadEntry => Ok(()),
        Action::SeeJuryWork if view == JuryView::Everything => Ok(()),
        // The discussion opens to a juror once their own review is done, and never with jäv.
        Action::PostToJury if view == JuryView::Everything => entry.phase.may_work().map_err(Refused::Review),
        Action::ScoreEntry if juror => {
            entry.phase.may_work().map_err(Refused::Review)?;
            match entry.aside {
                Aside::No => Ok(()),
                Aside::Declared => Err(Refused::Review(ReviewProblem::Conflicted)),
                Aside::FlagPending => Err(Refused::Review(ReviewProblem::FlagPending)),
            }
        }
        Action::MarkForShortlist if juror && entry.aside == Aside::No => {
            entry.phase.may_work().map_err(Refused::Review)
        }
        _ => Err(Refused::Forbidden),
    }
}

#[cfg(test)]
mod tests {
    //! Every action × every kind of person × every state of its object, generated
    //! from `Action::ALL`: an action added to the list is walked at once, and the
    //! table of who may (`may`, an exhaustive match) will not compile without it.
    use super::*;
    use crate::domain::{
        application::Status,
        deadline::{Deadline, testing::utc as instant},
        lifecycle::RoundState,
    };

    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    enum Who {
        /// An approved applicant of the object's kommun.
        OwnApplicant,
        /// An applicant of the kommun still waiting for approval.
        WaitingApplicant,
        OtherApplicant,
        /// A juror on the object's round.
        Juror,
        /// A juror on another round.
        OtherJuror,
        Organiser,
    }

    const EVERYONE: [Who; 6] =
        [Who::OwnApplicant, Who::WaitingApplicant, Who::OtherApplicant, Who::Juror, Who::OtherJuror, Who::Organiser];

    fn viewer(who: Who) -> Viewer {
        let (role, kommun, rounds, approved) = match who {
            Who::OwnApplicant => (Role::Applicant, Some("0880"), vec![], true),
            Who::WaitingApplicant => (Role::Applicant, Some("0880"), vec![], false),
            Who::OtherApplicant => (Role::Applicant, Some("0182"), vec![], true),
            Who::Juror => (Role::Juror, None, vec!["r1".to_owned()], true),
            Who::OtherJuror => (Role::Juror, None, vec!["r2".to_owned()], true),
            Who::Organiser => (Role::Organiser, None, vec![], true),
        };
        Viewer {
            user_id: "u".into(),
            name: "N".into(),
            email: "n@example.se".into(),
            role,
            kommun: kommun.map(|k| (k.to_owned(), "Kalmar".to_owned())),
            approved,
            jury_rounds: rounds,
        }
    }

    const PHASES: [ReviewPhase; 3] = [ReviewPhase::NotYet, ReviewPhase::Open, ReviewPhase::Closed];
    const ASIDE: [Aside; 3] = [Aside::No, Aside::Declared, Aside::FlagPending];
    const PROGRESS: [Progress; 3] = [Progress::NotStarted, Progress::Draft, Progress::Done];

    /// Every object each action may be asked about, in every state its rule reads,
    /// and objects of the wrong kind too (always refused).
    fn objects() -> Vec<Object<'static>> {
        let mut all = vec![Object::Kommun("0880"), Object::Organising, Object::Round("r1")];
        let deadline = Deadline::from_utc(instant("2027-04-15T21:59:00Z"));
        for state in RoundState::ALL {
            for status in [Status::Draft, Status::Submitted, Status::Reopened] {
                for now in ["2027-01-10T10:00:00Z", "2027-04-16T10:00:00Z"] {
                    let life = Life { status, round_state: state, opens_at: instant("2026-12-01T00:00:00Z"), deadline };
                    all.push(Object::Application { kommun: "0880", life, now: instant(now) });
                }
            }
        }
        for phase in PHASES {
            for aside in ASIDE {
                for own in PROGRESS {
                    all.push(Object::Entry(Entry { round: "r1", phase, aside, own }));
                }
            }
            for (stands_aside_for_any_kommun, own_reviews_left) in [(false, 0), (false, 2), (true, 0)] {
                for open in [false, true] {
                    all.push(Object::Decision(Decision {
                        round: "r1",
                        open,
                        stands_aside_for_any_kommun,
                        own_reviews_left,
                        phase,
                    }));
                }
            }
        }
        all
    }

    /// Who may, in some state of its object: the table the rules are held to.
    fn may(action: Action) -> &'static [Who] {
        match action {
            Action::ReadApplication
            | Action::EditApplication
            | Action::SubmitApplication
            | Action::ReopenApplication => &[Who::OwnApplicant],
            Action::ApproveApplicant => &[Who::OwnApplicant, Who::Organiser],
            Action::ReviewRound
            | Action::ReadEntry
            | Action::SeeJuryWork
            | Action::PostToJury
            | Action::ReadDecision
            | Action::WriteMotivation => &[Who::Juror, Who::Organiser],
            Action::ScoreEntry | Action::MarkForShortlist | Action::SignMotivation => &[Who::Juror],
            Action::ManageRound => &[Who::Organiser],
        }
    }

    #[test]
    fn each_action_is_allowed_only_to_those_the_table_names() {
        for action in Action::ALL {
            for who in EVERYONE {
                let allowed = objects().iter().filter(|o| decide(&viewer(who), action, o).is_ok()).count();
                if may(action).contains(&who) {
                    assert!(allowed > 0, "{who:?} never may {action:?}: the table or the rule is wrong");
                } else {
                    assert_eq!(allowed, 0, "{who:?} may {action:?} on some object");
                }
            }
        }
    }

    #[test]
    fn nothing_changes_outside_its_phase() {
        for action in Action::ALL.into_iter().filter(|a| a.changes()) {
            for who in EVERYONE {
                for object in objects() {
                    let outside = match object {
                        Object::Entry(e) => e.phase != ReviewPhase::Open,
                        Object::Decision(d) => !d.open,
                        Object::Application { life, now, .. } => {
                            life.may_reopen(now).is_err() && life.may_edit(now).is_err()
                        }
                        _ => false,
                    };
                    if outside {
                        assert!(decide(&viewer(who), action, &object).is_err(), "{who:?} {action:?} on {object:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn a_juror_who_stands_aside_does_nothing_with_the_entry_but_see_that_they_do() {
        for action in Action::ALL {
            for object in objects() {
                let Object::Entry(entry) = object else { continue };
                if entry.aside == Aside::No || action == Action::ReadEntry {
                    continue;
                }
                assert!(decide(&viewer(Who::Juror), action, &object).is_err(), "{action:?} on {entry:?}");
                assert_eq!(entry_view(&viewer(Who::Juror), &entry), JuryView::Excluded);
            }
        }
    }

    #[test]
    fn the_jurys_work_opens_to_a_juror_with_their_own_review_done() {
        let juror = viewer(Who::Juror);
        for own in PROGRESS {
            let entry = Object::Entry(Entry { round: "r1", phase: ReviewPhase::Open, aside: Aside::No, own });
            assert_eq!(decide(&juror, Action::SeeJuryWork, &entry).is_ok(), own == Progress::Done, "{own:?}");
            assert_eq!(decide(&juror, Action::PostToJury, &entry).is_ok(), own == Progress::Done, "{own:?}");
        }
    }

    #[test]
    fn a_refused_score_says_why() {
        let juror = viewer(Who::Juror);
        let entry = |phase, aside| Object::Entry(Entry { round: "r1", phase, aside, own: Progress::Draft });
        let score = |object| decide(&juror, Action::ScoreEntry, &object);
        assert_eq!(score(entry(ReviewPhase::Open, Aside::No)), Ok(()));
        assert_eq!(score(entry(ReviewPhase::NotYet, Aside::No)), Err(Refused::Review(ReviewProblem::NotYetOpen)));
        assert_eq!(score(entry(ReviewPhase::Closed, Aside::No)), Err(Refused::Review(ReviewProblem::Closed)));
        assert_eq!(score(entry(ReviewPhase::Open, Aside::Declared)), Err(Refused::Review(ReviewProblem::Conflicted)));
        assert_eq!(
            score(entry(ReviewPhase::Open, Aside::FlagPending)),
            Err(Refused::Review(ReviewProblem::FlagPending))
        );
    }

    #[test]
    fn the_decision_is_read_by_jurors_only_with_their_own_reviews_done_and_no_jav() {
        let juror = viewer(Who::Juror);
        let decision = |aside, left, phase| {
            Object::Decision(Decision {
                round: "r1",
                open: true,
                stands_aside_for_any_kommun: aside,
                own_reviews_left: left,
                phase,
            })
        };
        let read = |object| decide(&juror, Action::ReadDecision, &object);
        assert_eq!(read(decision(false, 0, ReviewPhase::Open)), Ok(()));
        assert_eq!(
            read(decision(false, 1, ReviewPhase::Open)),
            Err(Refused::Decision(DecisionReading::OwnReviewsLeft))
        );
        assert_eq!(
            read(decision(false, 1, ReviewPhase::Closed)),
            Ok(()),
            "a juror who never finished holds nothing up"
        );
        assert_eq!(read(decision(true, 0, ReviewPhase::Closed)), Err(Refused::Decision(DecisionReading::StandsAside)));
        assert_eq!(
            decide(&viewer(Who::Organiser), Action::ReadDecision, &decision(true, 3, ReviewPhase::Open)),
            Ok(())
        );
    }

    #[test]
    fn a_motivation_changes_only_while_the_decision_is_open_and_only_jurors_sign() {
        let decision = |open| {
            Object::Decision(Decision {
                round: "r1",
                open,
                stands_aside_for_any_kommun: false,
                own_reviews_left: 0,
                phase: ReviewPhase::Open,
            })
        };
        let (juror, organiser) = (viewer(Who::Juror), viewer(Who::Organiser));
        for action in [Action::WriteMotivation, Action::SignMotivation] {
            assert_eq!(decide(&juror, action, &decision(true)), Ok(()), "{action:?}");
            assert_eq!(decide(&juror, action, &decision(false)), Err(Refused::DecisionClosed), "{action:?}");
        }
        assert_eq!(decide(&organiser, Action::WriteMotivation, &decision(true)), Ok(()));
        assert_eq!(decide(&organiser, Action::SignMotivation, &decision(true)), Err(Refused::Forbidden));
        assert_eq!(
            decide(&viewer(Who::OtherJuror), Action::ReviewRound, &Object::Round("r1")),
            Err(Refused::Forbidden)
        );
        assert_eq!(decide(&juror, Action::ReviewRound, &Object::Round("r1")), Ok(()));
    }

    #[test]
    fn a_declared_jav_stands_before_a_flag_and_only_an_unanswered_flag_sets_aside() {
        assert_eq!(Aside::of(true, None), Aside::Declared);
        assert_eq!(Aside::of(true, Some(Flag::Pending)), Aside::Declared);
        assert_eq!(Aside::of(false, Some(Flag::Pending)), Aside::FlagPending);
        for answered in [Flag::Confirmed, Flag::Dismissed] {
            assert_eq!(Aside::of(false, Some(answered)), Aside::No, "{answered:?}");
        }
        assert_eq!(Aside::of(false, None), Aside::No);
    }
}
