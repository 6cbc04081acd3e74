//! The ranking the jury can trust, worked out three ways side by side. Every
//! done review becomes one weighted total per juror and application; per
//! application come the mean, the median, the spread, a normalised score in
//! which a harsh and a lenient juror weigh the same, and a Schulze place from
//! the jurors' own orderings. Jurors with jäv are left out of the application,
//! and out of their own statistics for it. Ties keep a shared place unless the
//! round's tie rule (a criterion's mean score) tells them apart; what is still
//! tied is the jury's to decide.

mod counting;

pub use counting::{rank, weighted_total};

use super::review::Scores;
use serde::{Deserialize, Serialize};

/// Scores closer than this are equal: sums of a few small integers divided
/// by small counts differ by far more when they differ at all.
const EPSILON: f64 = 1e-9;

/// A juror's own mean and spread say little about their scale with fewer
/// reviews than this; their totals are then read on the whole jury's scale.
pub const MIN_REVIEWS_TO_NORMALISE: usize = 3;

/// How many applications the jury nominates: the cut the three methods are compared at.
pub const NOMINEES: usize = 5;

/// One juror's done review of one application.
#[derive(Debug, Clone, Copy)]
pub struct DoneReview<'a> {
    pub application: &'a str,
    pub juror: &'a str,
    pub scores: &'a Scores,
}

/// A place in the ranking; `tied` when another application shares it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Place {
    pub place: usize,
    pub tied: bool,
}

/// The three ways of ranking, side by side.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Method {
    /// The plain mean of the jurors' weighted totals.
    Mean,
    /// The mean of the jurors' z-scores.
    Normalised,
    /// Schulze, from each juror's ordering.
    Schulze,
}

impl Method {
    pub const ALL: [Method; 3] = [Method::Mean, Method::Normalised, Method::Schulze];
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RankedApplication {
    pub application: String,
    /// Each counted juror's weighted total, in the order jurors were given.
    pub totals: Vec<(String, f64)>,
    pub reviews: usize,
    pub mean: Option<f64>,
    pub median: Option<f64>,
    /// The population standard deviation of the totals: how far the jurors disagree.
    pub spread: Option<f64>,
    /// The mean of the jurors' z-scores.
    pub normalised: Option<f64>,
    /// The counted jurors' mean score on the tie rule's criterion.
    pub tie_score: Option<f64>,
    /// By the normalised score, after the tie rule; `None` without a counted review.
    pub place: Option<Place>,
    /// By the plain mean, after the tie rule.
    pub raw_place: Option<Place>,
    /// By Schulze, after the tie rule.
    pub schulze_place: Option<Place>,
    /// How many applications beat this one by Schulze; `None` without a counted review.
    #[serde(default)]
    pub schulze_beaten_by: Option<usize>,
    /// The applications Schulze cannot separate from this one: neither beats the other.
    #[serde(default)]
    pub schulze_unseparated: Vec<String>,
}

impl RankedApplication {
    pub fn place_by(&self, method: Method) -> Option<Place> {
        match method {
            Method::Mean => self.raw_place,
            Method::Normalised => self.place,
            Method::Schulze => self.schulze_place,
        }
    }

    /// Places gained (positive) or lost by normalising.
    pub fn moved_by_normalising(&self) -> Option<i64> {
        Some(self.raw_place?.place as i64 - self.place?.place as i64)
    }
}

/// How one juror scores on the whole: the basis of their z-scores.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JurorScale {
    pub juror: String,
    pub reviews: usize,
    pub mean: f64,
    /// Zero when the juror gave every application the same total: such a
    /// juror tells the applications apart in nothing, and adds 0 to each.
    pub deviation: f64,
    /// False with fewer than `MIN_REVIEWS_TO_NORMALISE` reviews: the juror's
    /// raw totals are then read on the whole jury's scale, not their own.
    pub normalised: bool,
}

/// Applications that shared a place under one method, and what the tie rule made of it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Tie {
    pub method: Method,
    pub place: usize,
    /// Each application with its score on the tie rule's criterion and its place after the rule.
    pub applications: Vec<(String, Option<f64>, Place)>,
}

impl Tie {
    /// Whether the rule left some of them sharing a place: the jury decides.
    pub fn undecided(&self) -> bool {
        self.applications.iter().any(|(_, _, p)| p.tied)
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Ranking {
    /// Best first by the normalised score; applications without a counted review last.
    pub rows: Vec<RankedApplication>,
    pub jurors: Vec<JurorScale>,
    /// Every shared place under every method, in the order of `Method::ALL`.
    pub ties: Vec<Tie>,
}

impl Ranking {
    /// The applications the jurors disagree on most (largest spread first),
    /// leaving out those where they agree entirely.
    pub fn most_disputed(&self, n: usize) -> Vec<&RankedApplication> {
        let mut disputed: Vec<&RankedApplication> =
            self.rows.iter().filter(|r| r.spread.is_some_and(|s| s > EPSILON)).collect();
        disputed.sort_by(|a, b| b.spread.unwrap_or(0.0).total_cmp(&a.spread.unwrap_or(0.0)));
        disputed.truncate(n);
        disputed
    }

    /// How many applications stand at another place without normalising.
    pub fn moved_count(&self) -> usize {
        self.rows.iter().filter(|r| r.moved_by_normalising().is_some_and(|m| m != 0)).count()
    }

    /// The applications placed within the nominee cut by `method` (more than
    /// `NOMINEES` when a shared place straddles the cut).
    pub fn nominees(&self, method: Method) -> Vec<&RankedApplication> {
        self.rows.iter().filter(|r| r.place_by(method).is_some_and(|p| p.place <= NOMINEES)).collect()
    }

    /// The applications within the cut by some method but not by all of them:
    /// empty when the three methods nominate the same applications.
    pub fn nominee_movers(&self) -> Vec<&RankedApplication> {
        let within = |r: &RankedApplication, m: Method| r.place_by(m).is_some_and(|p| p.place <= NOMINEES);
        self.rows
            .iter()
            .filter(|r| {
                let count = Method::ALL.iter().filter(|m| within(r, **m)).count();
                count > 0 && count < Method::ALL.len()
            })
            .collect()
    }

    /// The applications Schulze leaves on an unsettled nominee cut: each one within the
    /// cut by its Schulze place that the method cannot separate from one outside it,
    /// and those outside. Empty when the method itself decides who is within the cut.
    pub fn schulze_open_cut(&self) -> Vec<&RankedApplication> {
        let within = |r: &RankedApplication| r.schulze_place.is_some_and(|p| p.place <= NOMINEES);
        let across = |r: &RankedApplication| {
            r.schulze_unseparated
                .iter()
                .any(|other| self.rows.iter().find(|o| &o.application == other).is_some_and(|o| within(o) != within(r)))
        };
        self.rows.iter().filter(|r| r.schulze_place.is_some() && across(r)).collect()
    }

    /// Jurors whose totals are not normalised: too few reviews.
    pub fn not_normalised(&self) -> impl Iterator<Item = &JurorScale> {
        self.jurors.iter().filter(|j| !j.normalised)
    }
}
