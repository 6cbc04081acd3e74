//! The ranking the jury can trust: every done review turned into one weighted
//! total per juror and application, then per application the mean, the median,
//! the spread and a normalised score in which a harsh and a lenient juror weigh
//! the same. Jurors with jäv are left out of the application, and out of their
//! own statistics for it. Ties are kept as ties.

use super::review::{ScoredCriterion, Scores};
use serde::{Deserialize, Serialize};

/// Scores closer than this are equal: sums of a few small integers divided
/// by small counts differ by far more when they differ at all.
const EPSILON: f64 = 1e-9;

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
    /// By the normalised score; `None` without a counted review.
    pub place: Option<Place>,
    /// By the plain mean, to show what normalising changed.
    pub raw_place: Option<Place>,
}

impl RankedApplication {
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
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Ranking {
    /// Best first by the normalised score; applications without a counted review last.
    pub rows: Vec<RankedApplication>,
    pub jurors: Vec<JurorScale>,
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
}

/// A review's weighted total: Σ weight × score / Σ weight over the criteria it scored.
pub fn weighted_total(criteria: &[ScoredCriterion], scores: &Scores) -> Option<f64> {
    let (mut sum, mut weights) = (0.0, 0u32);
    for c in criteria {
        if let Some(score) = scores.of(&c.slug) {
            sum += score as f64 * f64::from(c.weight);
            weights += c.weight;
        }
    }
    (weights > 0).then(|| sum / f64::from(weights))
}

/// Ranks `applications` (ties keep this order) from the done `reviews`,
/// leaving out every (juror, application) pair in `conflicts`.
pub fn rank(
    criteria: &[ScoredCriterion],
    applications: &[&str],
    reviews: &[DoneReview<'_>],
    conflicts: &[(&str, &str)],
) -> Ranking {
    let counted: Vec<(&str, &str, f64)> = reviews
        .iter()
        .filter(|r| applications.contains(&r.application) && !conflicts.contains(&(r.juror, r.application)))
        .filter_map(|r| Some((r.application, r.juror, weighted_total(criteria, r.scores)?)))
        .collect();

    let mut juror_names: Vec<&str> = Vec::new();
    for (_, juror, _) in &counted {
        if !juror_names.contains(juror) {
            juror_names.push(juror);
        }
    }
    let jurors: Vec<JurorScale> = juror_names
        .iter()
        .map(|juror| {
            let totals: Vec<f64> = counted.iter().filter(|(_, j, _)| j == juror).map(|(_, _, t)| *t).collect();
            let (mean, deviation) = mean_and_deviation(&totals);
            JurorScale { juror: (*juror).to_owned(), reviews: totals.len(), mean, deviation }
        })
        .collect();
    let z = |juror: &str, total: f64| {
        let scale = jurors.iter().find(|s| s.juror == juror).expect("every counted juror has a scale");
        if scale.deviation > EPSILON { (total - scale.mean) / scale.deviation } else { 0.0 }
    };

    let mut rows: Vec<RankedApplication> = applications
        .iter()
        .map(|application| {
            let mine: Vec<(&str, f64)> =
                counted.iter().filter(|(a, _, _)| a == application).map(|(_, j, t)| (*j, *t)).collect();
            let totals: Vec<f64> = mine.iter().map(|(_, t)| *t).collect();
            let some = !totals.is_empty();
            let zs: Vec<f64> = mine.iter().map(|(j, t)| z(j, *t)).collect();
            RankedApplication {
                application: (*application).to_owned(),
                totals: mine.iter().map(|(j, t)| ((*j).to_owned(), *t)).collect(),
                reviews: totals.len(),
                mean: some.then(|| mean_and_deviation(&totals).0),
                median: median(&totals),
                spread: some.then(|| mean_and_deviation(&totals).1),
                normalised: some.then(|| zs.iter().sum::<f64>() / zs.len() as f64),
                place: None,
                raw_place: None,
            }
        })
        .collect();

    let normalised = places(&rows.iter().map(|r| r.normalised).collect::<Vec<_>>());
    let raw = places(&rows.iter().map(|r| r.mean).collect::<Vec<_>>());
    for ((row, place), raw_place) in rows.iter_mut().zip(normalised).zip(raw) {
        row.place = place;
        row.raw_place = raw_place;
    }
    // Stable: equal places keep the order the applications were given in.
    rows.sort_by_key(|r| r.place.map_or(usize::MAX, |p| p.place));
    Ranking { rows, jurors }
}

/// The mean and the population standard deviation.
fn mean_and_deviation(values: &[f64]) -> (f64, f64) {
    if values.is_empty() {
        return (0.0, 0.0);
    }
    let n = values.len() as f64;
    let mean = values.iter().sum::<f64>() / n;
    let variance = values.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / n;
    (mean, variance.sqrt())
}

fn median(values: &[f64]) -> Option<f64> {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let n = sorted.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(sorted[n / 2]),
        _ => Some((sorted[n / 2 - 1] + sorted[n / 2]) / 2.0),
    }
}

/// Competition places ("1, 2, 2, 4"), highest score first; `None` stays unplaced.
fn places(scores: &[Option<f64>]) -> Vec<Option<Place>> {
    scores
        .iter()
        .map(|score| {
            let score = (*score)?;
            let better = scores.iter().flatten().filter(|other| **other > score + EPSILON).count();
            let equal = scores.iter().flatten().filter(|other| (**other - score).abs() <= EPSILON).count();
            Some(Place { place: better + 1, tied: equal > 1 })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::review::Recommendation;

    fn criteria() -> Vec<ScoredCriterion> {
        let c = |slug: &str, weight| ScoredCriterion {
            slug: slug.into(),
            title: slug.into(),
            description: String::new(),
            weight,
        };
        vec![c("inflytande", 2), c("ledning", 1)]
    }

    /// Scores whose weighted total is `total` (both criteria the same).
    fn flat(total: i64) -> Scores {
        Scores {
            scores: vec![("inflytande".into(), total), ("ledning".into(), total)],
            recommendation: Some(Recommendation::Maybe),
        }
    }

    fn close(actual: Option<f64>, expected: f64) {
        let actual = actual.expect("a value");
        assert!((actual - expected).abs() < 1e-4, "{actual} ≠ {expected}");
    }

    fn row<'a>(ranking: &'a Ranking, application: &str) -> &'a RankedApplication {
        ranking.rows.iter().find(|r| r.application == application).unwrap()
    }

    #[test]
    fn the_weighted_total_weighs_each_criterion() {
        let scores = Scores { scores: vec![("inflytande".into(), 2), ("ledning".into(), 5)], recommendation: None };
        // (2 × 2 + 5 × 1) / 3
        close(weighted_total(&criteria(), &scores), 3.0);
        assert_eq!(weighted_total(&criteria(), &Scores::default()), None);
    }

    #[test]
    fn a_harsh_a_lenient_and_a_flat_juror_weigh_the_same_once_normalised() {
        let (three, two, one, five, four) = (flat(3), flat(2), flat(1), flat(5), flat(4));
        let reviews = [
            DoneReview { application: "X", juror: "hård", scores: &three },
            DoneReview { application: "Y", juror: "hård", scores: &two },
            DoneReview { application: "Z", juror: "hård", scores: &one },
            DoneReview { application: "X", juror: "snäll", scores: &five },
            DoneReview { application: "Y", juror: "snäll", scores: &five },
            DoneReview { application: "Z", juror: "snäll", scores: &four },
            DoneReview { application: "X", juror: "jämn", scores: &four },
            DoneReview { application: "Y", juror: "jämn", scores: &four },
            DoneReview { application: "Z", juror: "jämn", scores: &four },
        ];
        let ranking = rank(&criteria(), &["X", "Y", "Z"], &reviews, &[]);

        // Hård: mean 2, σ = √(2/3) = 0.8165. Snäll: mean 14/3, σ = √(2/9) = 0.4714. Jämn: σ = 0.
        let hard = &ranking.jurors[0];
        close(Some(hard.mean), 2.0);
        close(Some(hard.deviation), 0.8165);
        close(Some(ranking.jurors[1].deviation), 0.4714);
        assert_eq!(ranking.jurors[2].deviation, 0.0);

        // X: z = 1.2247 (hård), 0.7071 (snäll), 0 (jämn) → 0.6440.
        let x = row(&ranking, "X");
        close(x.normalised, 0.6440);
        close(x.mean, 4.0);
        close(x.median, 4.0);
        close(x.spread, 0.8165);
        assert_eq!(x.reviews, 3);
        assert_eq!(x.totals, vec![("hård".into(), 3.0), ("snäll".into(), 5.0), ("jämn".into(), 4.0)]);
        close(row(&ranking, "Y").normalised, 0.2357);
        close(row(&ranking, "Z").normalised, -0.8797);
        let order: Vec<&str> = ranking.rows.iter().map(|r| r.application.as_str()).collect();
        assert_eq!(order, ["X", "Y", "Z"]);
        assert_eq!(x.place, Some(Place { place: 1, tied: false }));
        assert_eq!(ranking.moved_count(), 0);
    }

    #[test]
    fn jav_leaves_the_juror_out_of_the_application_and_normalising_can_reorder_a_raw_tie() {
        let (three, two, one, five, four) = (flat(3), flat(2), flat(1), flat(5), flat(4));
        let reviews = [
            DoneReview { application: "A", juror: "hård", scores: &three },
            DoneReview { application: "B", juror: "hård", scores: &two },
            DoneReview { application: "C", juror: "hård", scores: &one },
            DoneReview { application: "A", juror: "snäll", scores: &five },
            DoneReview { application: "D", juror: "snäll", scores: &four },
            // Scored before declaring jäv for B: not counted anywhere.
            DoneReview { application: "B", juror: "snäll", scores: &one },
        ];
        let ranking = rank(&criteria(), &["A", "B", "C", "D"], &reviews, &[("snäll", "B")]);

        let b = row(&ranking, "B");
        assert_eq!(b.reviews, 1);
        assert_eq!(b.totals, vec![("hård".into(), 2.0)]);
        // Snäll's scale is A and D only: mean 4.5, σ 0.5.
        let lenient = ranking.jurors.iter().find(|j| j.juror == "snäll").unwrap();
        assert_eq!((lenient.reviews, lenient.mean, lenient.deviation), (2, 4.5, 0.5));

        // Raw: A 4, D 4 (tied first), B 2, C 1.
        assert_eq!(row(&ranking, "A").raw_place, Some(Place { place: 1, tied: true }));
        assert_eq!(row(&ranking, "D").raw_place, Some(Place { place: 1, tied: true }));
        assert_eq!(b.raw_place, Some(Place { place: 3, tied: false }));
        // Normalised: A (1.2247 + 1) / 2 = 1.1124, B 0, D −1, C −1.2247.
        close(row(&ranking, "A").normalised, 1.1124);
        let order: Vec<&str> = ranking.rows.iter().map(|r| r.application.as_str()).collect();
        assert_eq!(order, ["A", "B", "D", "C"]);
        assert_eq!(b.moved_by_normalising(), Some(1));
        assert_eq!(row(&ranking, "D").moved_by_normalising(), Some(-2));
        assert_eq!(ranking.moved_count(), 2);
    }

    #[test]
    fn ties_share_a_place_and_the_next_place_is_skipped() {
        let (four, two) = (flat(4), flat(2));
        let reviews = [
            DoneReview { application: "P", juror: "j", scores: &four },
            DoneReview { application: "Q", juror: "j", scores: &four },
            DoneReview { application: "R", juror: "j", scores: &two },
        ];
        let ranking = rank(&criteria(), &["P", "Q", "R", "S"], &reviews, &[]);
        let places: Vec<(&str, Option<Place>)> =
            ranking.rows.iter().map(|r| (r.application.as_str(), r.place)).collect();
        assert_eq!(
            places,
            [
                ("P", Some(Place { place: 1, tied: true })),
                ("Q", Some(Place { place: 1, tied: true })),
                ("R", Some(Place { place: 3, tied: false })),
                // Not reviewed: unplaced, last, with nothing computed.
                ("S", None),
            ]
        );
        let s = row(&ranking, "S");
        assert_eq!((s.reviews, s.mean, s.median, s.spread, s.normalised), (0, None, None, None, None));
    }

    #[test]
    fn the_median_of_an_even_count_is_the_mean_of_the_middle_two_and_disputes_come_largest_first() {
        let (one, two, four, five) = (flat(1), flat(2), flat(4), flat(5));
        let reviews = [
            DoneReview { application: "E", juror: "a", scores: &one },
            DoneReview { application: "E", juror: "b", scores: &five },
            DoneReview { application: "F", juror: "a", scores: &two },
            DoneReview { application: "F", juror: "b", scores: &four },
            DoneReview { application: "G", juror: "a", scores: &four },
            DoneReview { application: "G", juror: "b", scores: &four },
        ];
        let ranking = rank(&criteria(), &["E", "F", "G"], &reviews, &[]);
        close(row(&ranking, "E").median, 3.0);
        close(row(&ranking, "E").spread, 2.0);
        let disputed: Vec<&str> = ranking.most_disputed(5).iter().map(|r| r.application.as_str()).collect();
        // G: both gave 4, no dispute.
        assert_eq!(disputed, ["E", "F"]);
    }
}
