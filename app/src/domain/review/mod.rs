//! The jury's review of a round: when reviewing is open, what each juror may see of the others' work
//! (the anchoring rule and jäv), and the aggregate the shortlist is ordered by.

use super::lifecycle::RoundState;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// The longest comment, note or discussion post a juror writes.
pub const COMMENT_LIMIT: u32 = 4_000;

mod checks;
mod settings;

pub use checks::*;
pub use settings::*;

/// A juror's overall view of an application.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Recommendation {
    Nominate,
    Maybe,
    No,
}

impl Recommendation {
    pub const ALL: [Recommendation; 3] = [Recommendation::Nominate, Recommendation::Maybe, Recommendation::No];

    pub fn code(self) -> &'static str {
        match self {
            Recommendation::Nominate => "nominera",
            Recommendation::Maybe => "kanske",
            Recommendation::No => "nej",
        }
    }

    pub fn from_code(code: &str) -> Option<Recommendation> {
        Recommendation::ALL.into_iter().find(|r| r.code() == code)
    }
}

/// Where a juror's review of an application stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Progress {
    NotStarted,
    Draft,
    Done,
}

impl Progress {
    pub const ALL: [Progress; 3] = [Progress::NotStarted, Progress::Draft, Progress::Done];

    pub fn code(self) -> &'static str {
        match self {
            Progress::NotStarted => "ej-paborjad",
            Progress::Draft => "utkast",
            Progress::Done => "klar",
        }
    }

    pub fn from_code(code: &str) -> Option<Progress> {
        Progress::ALL.into_iter().find(|p| p.code() == code)
    }
}

/// When the jury may work: while the round is in review (an organiser starts it
/// once applications have closed), until an organiser closes the review.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ReviewPhase {
    /// Applications are still coming in; the texts can still change.
    NotYet,
    Open,
    Closed,
}

pub fn review_phase(state: RoundState, closed_at: Option<DateTime<Utc>>, now: DateTime<Utc>) -> ReviewPhase {
    if state < RoundState::Review {
        ReviewPhase::NotYet
    } else if state > RoundState::Review || closed_at.is_some_and(|at| at <= now) {
        ReviewPhase::Closed
    } else {
        ReviewPhase::Open
    }
}

/// What is wrong with a juror's input or action.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ReviewProblem {
    OutsideScale {
        min: i64,
        max: i64,
    },
    /// "Klar" needs a score on every criterion…
    ScoreMissing,
    /// … and a recommendation.
    RecommendationMissing,
    TooLong {
        max: u32,
    },
    /// The review was saved from another tab or window after this page was loaded.
    Stale,
    NotYetOpen,
    Closed,
    /// Marked done: undo "Klar" to change it.
    Done,
    /// The juror declared jäv for this kommun.
    Conflicted,
    /// A discussion post or a jäv reason with no text.
    Empty,
    /// The organiser's settings: the criteria are locked once scoring began.
    CriteriaLocked,
    TitleMissing,
    WeightInvalid,
    NoCriteria,
    /// One descriptor per step of the scale.
    LabelsMismatch {
        steps: i64,
    },
    ScaleInvalid,
    /// The tie rule names a criterion that is being removed (or never was).
    TieBreakGone,
    /// The juror's employer points to a probable jäv they have not answered.
    FlagPending,
    /// Neither "jäv" nor "inte jäv" chosen.
    AnswerMissing,
    /// "Ångra Klar" without saying why.
    ReasonMissing,
}

impl ReviewPhase {
    /// Whether jurors may change their work now.
    pub fn may_work(self) -> Result<(), ReviewProblem> {
        match self {
            ReviewPhase::NotYet => Err(ReviewProblem::NotYetOpen),
            ReviewPhase::Open => Ok(()),
            ReviewPhase::Closed => Err(ReviewProblem::Closed),
        }
    }
}

/// A juror's scores and recommendation, as far as they go.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Scores {
    pub scores: Vec<(String, i64)>,
    pub recommendation: Option<Recommendation>,
}

impl Scores {
    pub fn of(&self, criterion: &str) -> Option<i64> {
        self.scores.iter().find(|(c, _)| c == criterion).map(|(_, s)| *s)
    }
}

/// What a juror may see of the jury's work on one application.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum JuryView {
    /// Jäv: nothing of the others' work, and no review of their own.
    Excluded,
    /// Their own review only, until it is done (so nobody anchors on the others).
    OwnOnly,
    /// Everyone's scores, the jury comments and the discussion.
    Everything,
}

/// The rule for a juror (`organiser` false) or an organiser, who reads all and scores nothing.
pub fn jury_view(organiser: bool, conflicted: bool, own: Progress) -> JuryView {
    if organiser {
        JuryView::Everything
    } else if conflicted {
        JuryView::Excluded
    } else if own == Progress::Done {
        JuryView::Everything
    } else {
        JuryView::OwnOnly
    }
}

/// Whether a juror's review counts towards the jury's work: done, and no jäv declared
/// for the kommun (a review written before the jäv was declared does not). The juror's
/// list, the organisers' progress and the ranking count by this alone.
pub fn review_counts(conflicted: bool, own: Progress) -> bool {
    !conflicted && own == Progress::Done
}

/// One done review, as the aggregate counts it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Counted<'a> {
    pub juror: &'a str,
    pub scores: &'a Scores,
}

/// The jury's combined view of one application: the mean per criterion, the
/// weighted mean over criteria, and the recommendations.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Aggregate {
    pub reviews: usize,
    pub means: Vec<(String, f64)>,
    pub weighted: Option<f64>,
    pub nominate: usize,
    pub maybe: usize,
    pub no: usize,
}

/// Aggregates the done reviews of one application, leaving out every juror in
/// `conflicted` (jäv declared for its kommun, even if they scored before).
pub fn aggregate(criteria: &[ScoredCriterion], reviews: &[Counted<'_>], conflicted: &[&str]) -> Aggregate {
    let counted: Vec<&Scores> = reviews.iter().filter(|r| !conflicted.contains(&r.juror)).map(|r| r.scores).collect();
    let means: Vec<(String, f64)> = criteria
        .iter()
        .filter_map(|c| {
            let given: Vec<i64> = counted.iter().filter_map(|s| s.of(&c.slug)).collect();
            (!given.is_empty()).then(|| (c.slug.clone(), given.iter().sum::<i64>() as f64 / given.len() as f64))
        })
        .collect();
    let (mut sum, mut weights) = (0.0, 0u32);
    for c in criteria {
        if let Some((_, mean)) = means.iter().find(|(slug, _)| *slug == c.slug) {
            sum += mean * f64::from(c.weight);
            weights += c.weight;
        }
    }
    let count = |r: Recommendation| counted.iter().filter(|s| s.recommendation == Some(r)).count();
    Aggregate {
        reviews: counted.len(),
        weighted: (weights > 0).then(|| sum / f64::from(weights)),
        means,
        nominate: count(Recommendation::Nominate),
        maybe: count(Recommendation::Maybe),
        no: count(Recommendation::No),
    }
}

/// Problems by field name ("" for the form as a whole).
pub type FieldProblems = Vec<(String, ReviewProblem)>;

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub(super) fn criteria() -> Vec<ScoredCriterion> {
        [("inflytande", 2), ("ledning", 1)]
            .map(|(slug, weight)| ScoredCriterion {
                slug: slug.into(),
                title: slug.into(),
                description: String::new(),
                weight,
            })
            .to_vec()
    }

    pub(super) fn scores(pairs: &[(&str, i64)], recommendation: Option<Recommendation>) -> Scores {
        Scores { scores: pairs.iter().map(|(c, s)| (c.to_string(), *s)).collect(), recommendation }
    }

    #[test]
    fn review_opens_with_the_rounds_review_and_ends_when_the_organiser_closes_it_or_the_jury_decides() {
        let at = |s: &str| s.parse::<DateTime<Utc>>().unwrap();
        let now = at("2027-04-20T10:00:00Z");
        for state in [RoundState::Draft, RoundState::Open, RoundState::Closed] {
            assert_eq!(review_phase(state, None, now), ReviewPhase::NotYet, "{state:?}");
        }
        assert_eq!(review_phase(RoundState::Review, None, now), ReviewPhase::Open);
        let closed = Some(at("2027-05-01T12:00:00Z"));
        assert_eq!(review_phase(RoundState::Review, closed, at("2027-05-01T11:59:59Z")), ReviewPhase::Open);
        assert_eq!(review_phase(RoundState::Review, closed, at("2027-05-01T12:00:00Z")), ReviewPhase::Closed);
        for state in [RoundState::Decided, RoundState::Announced] {
            assert_eq!(review_phase(state, None, now), ReviewPhase::Closed, "{state:?}");
        }
        assert_eq!(ReviewPhase::Closed.may_work(), Err(ReviewProblem::Closed));
        assert_eq!(ReviewPhase::NotYet.may_work(), Err(ReviewProblem::NotYetOpen));
    }

    #[test]
    fn jurors_see_the_others_work_only_after_their_own_review_is_done_and_never_with_jav() {
        assert_eq!(jury_view(false, false, Progress::NotStarted), JuryView::OwnOnly);
        assert_eq!(jury_view(false, false, Progress::Draft), JuryView::OwnOnly);
        assert_eq!(jury_view(false, false, Progress::Done), JuryView::Everything);
        for progress in Progress::ALL {
            assert_eq!(jury_view(false, true, progress), JuryView::Excluded, "{progress:?}");
        }
        assert_eq!(jury_view(true, false, Progress::NotStarted), JuryView::Everything);
    }

    #[test]
    fn the_aggregate_weighs_criteria_and_leaves_out_jurors_with_jav() {
        let a = scores(&[("inflytande", 5), ("ledning", 2)], Some(Recommendation::Nominate));
        let b = scores(&[("inflytande", 3), ("ledning", 4)], Some(Recommendation::Maybe));
        let c = scores(&[("inflytande", 1), ("ledning", 1)], Some(Recommendation::No));
        let reviews = [
            Counted { juror: "a", scores: &a },
            Counted { juror: "b", scores: &b },
            Counted { juror: "c", scores: &c },
        ];
        let all = aggregate(&criteria(), &reviews, &["c"]);
        assert_eq!(all.reviews, 2);
        assert_eq!(all.means, vec![("inflytande".to_owned(), 4.0), ("ledning".to_owned(), 3.0)]);
        // (4·2 + 3·1) / 3
        assert!((all.weighted.unwrap() - 11.0 / 3.0).abs() < 1e-9);
        assert_eq!((all.nominate, all.maybe, all.no), (1, 1, 0));
        let none = aggregate(&criteria(), &[], &[]);
        assert_eq!(none.weighted, None);
        assert_eq!(none.reviews, 0);
    }
}
