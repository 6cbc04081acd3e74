//! The counting itself: each review's weighted total, each juror's scale,
//! the places by the three methods and the tie rule over them.

use super::{
    DoneReview, EPSILON, JurorScale, MIN_REVIEWS_TO_NORMALISE, Method, Place, RankedApplication, Ranking, Tie,
};
use crate::domain::{
    review::{ScoredCriterion, Scores},
    schulze,
};

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
/// leaving out every (juror, application) pair in `conflicts`; shared places
/// are told apart by the mean score on the criterion `tie_break`, where given.
pub fn rank(
    criteria: &[ScoredCriterion],
    applications: &[&str],
    reviews: &[DoneReview<'_>],
    conflicts: &[(&str, &str)],
    tie_break: Option<&str>,
) -> Ranking {
    let counted: Vec<(&DoneReview<'_>, f64)> = reviews
        .iter()
        .filter(|r| applications.contains(&r.application) && !conflicts.contains(&(r.juror, r.application)))
        .filter_map(|r| Some((r, weighted_total(criteria, r.scores)?)))
        .collect();

    let mut juror_names: Vec<&str> = Vec::new();
    for (review, _) in &counted {
        if !juror_names.contains(&review.juror) {
            juror_names.push(review.juror);
        }
    }
    let jurors: Vec<JurorScale> = juror_names
        .iter()
        .map(|juror| {
            let totals: Vec<f64> = counted.iter().filter(|(r, _)| r.juror == *juror).map(|(_, t)| *t).collect();
            let (mean, deviation) = mean_and_deviation(&totals);
            let normalised = totals.len() >= MIN_REVIEWS_TO_NORMALISE;
            JurorScale { juror: (*juror).to_owned(), reviews: totals.len(), mean, deviation, normalised }
        })
        .collect();
    let (jury_mean, jury_deviation) = mean_and_deviation(&counted.iter().map(|(_, t)| *t).collect::<Vec<_>>());
    let z = |juror: &str, total: f64| {
        let scale = jurors.iter().find(|s| s.juror == juror).expect("every counted juror has a scale");
        let (mean, deviation) =
            if scale.normalised { (scale.mean, scale.deviation) } else { (jury_mean, jury_deviation) };
        if deviation > EPSILON { (total - mean) / deviation } else { 0.0 }
    };

    let mut rows: Vec<RankedApplication> = applications
        .iter()
        .map(|application| {
            let mine: Vec<(&DoneReview<'_>, f64)> =
                counted.iter().filter(|(r, _)| r.application == *application).copied().collect();
            let totals: Vec<f64> = mine.iter().map(|(_, t)| *t).collect();
            let some = !totals.is_empty();
            let zs: Vec<f64> = mine.iter().map(|(r, t)| z(r.juror, *t)).collect();
            let tie_scores: Vec<f64> = tie_break
                .map_or_else(Vec::new, |c| mine.iter().filter_map(|(r, _)| r.scores.of(c)).map(|s| s as f64).collect());
            RankedApplication {
                application: (*application).to_owned(),
                totals: mine.iter().map(|(r, t)| (r.juror.to_owned(), *t)).collect(),
                reviews: totals.len(),
                mean: some.then(|| mean_and_deviation(&totals).0),
                median: median(&totals),
                spread: some.then(|| mean_and_deviation(&totals).1),
                normalised: some.then(|| zs.iter().sum::<f64>() / zs.len() as f64),
                tie_score: (!tie_scores.is_empty()).then(|| mean_and_deviation(&tie_scores).0),
                place: None,
                raw_place: None,
                schulze_place: None,
                schulze_beaten_by: None,
                schulze_unseparated: Vec::new(),
            }
        })
        .collect();

    let ballots: Vec<Vec<Option<f64>>> = juror_names
        .iter()
        .map(|juror| rows.iter().map(|row| row.totals.iter().find(|(j, _)| j == juror).map(|(_, t)| *t)).collect())
        .collect();
    let tie_scores: Vec<Option<f64>> = rows.iter().map(|r| r.tie_score).collect();
    let mut ties = Vec::new();
    let mut settled = |method: Method, places: Vec<Option<Place>>| {
        let (places, found) = settle(&places, &tie_scores);
        ties.extend(found.into_iter().map(|(place, members)| Tie {
            method,
            place,
            applications: members.into_iter().map(|(i, p)| (rows[i].application.clone(), tie_scores[i], p)).collect(),
        }));
        places
    };
    let raw = settled(Method::Mean, places(&rows.iter().map(|r| r.mean).collect::<Vec<_>>()));
    let normalised = settled(Method::Normalised, places(&rows.iter().map(|r| r.normalised).collect::<Vec<_>>()));
    let relation = schulze::Relation::of(rows.len(), &ballots);
    let by_schulze = settled(Method::Schulze, relation.places());
    let ids: Vec<String> = rows.iter().map(|r| r.application.clone()).collect();
    for (i, row) in rows.iter_mut().enumerate() {
        row.raw_place = raw[i];
        row.place = normalised[i];
        row.schulze_place = by_schulze[i];
        row.schulze_beaten_by = relation.beaten_by(i);
        row.schulze_unseparated = relation.unseparated(i).into_iter().map(|o| ids[o].clone()).collect();
    }
    // Stable: equal places keep the order the applications were given in.
    rows.sort_by_key(|r| r.place.map_or(usize::MAX, |p| p.place));
    Ranking { rows, jurors, ties }
}

/// Applies the tie rule to `places`: within each shared place, a higher
/// `tie_scores` comes first and no score comes last; what is still equal
/// stays shared. Returns the new places and each shared place with the
/// indices of its members and their places after the rule.
#[allow(clippy::type_complexity)]
fn settle(
    places: &[Option<Place>],
    tie_scores: &[Option<f64>],
) -> (Vec<Option<Place>>, Vec<(usize, Vec<(usize, Place)>)>) {
    let mut settled = places.to_vec();
    let mut groups: Vec<(usize, Vec<(usize, Place)>)> = Vec::new();
    let mut shared: Vec<usize> = places.iter().flatten().filter(|p| p.tied).map(|p| p.place).collect();
    shared.sort_unstable();
    shared.dedup();
    for place in shared {
        let members: Vec<usize> = (0..places.len()).filter(|&i| places[i].is_some_and(|p| p.place == place)).collect();
        let above = |i: usize, j: usize| match (tie_scores[i], tie_scores[j]) {
            (Some(a), Some(b)) => a > b + EPSILON,
            (Some(_), None) => true,
            _ => false,
        };
        let equal = |i: usize, j: usize| !above(i, j) && !above(j, i);
        let after: Vec<(usize, Place)> = members
            .iter()
            .map(|&i| {
                let better = members.iter().filter(|&&j| above(j, i)).count();
                let alike = members.iter().filter(|&&j| equal(i, j)).count();
                (i, Place { place: place + better, tied: alike > 1 })
            })
            .collect();
        for (i, p) in &after {
            settled[*i] = Some(*p);
        }
        groups.push((place, after));
    }
    (settled, groups)
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

    /// Each juror's weighted totals as done reviews of the applications named.
    fn reviews<'a>(of: &'a [(&'a str, &'a str, Scores)]) -> Vec<DoneReview<'a>> {
        of.iter().map(|(application, juror, scores)| DoneReview { application, juror, scores }).collect()
    }

    fn order(ranking: &Ranking) -> Vec<&str> {
        ranking.rows.iter().map(|r| r.application.as_str()).collect()
    }

    fn at(place: usize) -> Option<Place> {
        Some(Place { place, tied: false })
    }

    fn shared(place: usize) -> Option<Place> {
        Some(Place { place, tied: true })
    }

    #[test]
    fn a_harsh_a_lenient_and_a_flat_juror_weigh_the_same_once_normalised() {
        let given = [
            ("X", "hård", flat(3)),
            ("Y", "hård", flat(2)),
            ("Z", "hård", flat(1)),
            ("X", "snäll", flat(5)),
            ("Y", "snäll", flat(5)),
            ("Z", "snäll", flat(4)),
            ("X", "jämn", flat(4)),
            ("Y", "jämn", flat(4)),
            ("Z", "jämn", flat(4)),
        ];
        let ranking = rank(&criteria(), &["X", "Y", "Z"], &reviews(&given), &[], None);

        // Hård: mean 2, σ = √(2/3) = 0.8165. Snäll: mean 14/3, σ = √(2/9) = 0.4714. Jämn: σ = 0.
        let hard = &ranking.jurors[0];
        close(Some(hard.mean), 2.0);
        close(Some(hard.deviation), 0.8165);
        close(Some(ranking.jurors[1].deviation), 0.4714);
        assert_eq!(ranking.jurors[2].deviation, 0.0);
        assert_eq!(ranking.not_normalised().count(), 0);

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
        assert_eq!(order(&ranking), ["X", "Y", "Z"]);
        assert_eq!(x.place, at(1));
        assert_eq!(ranking.moved_count(), 0);
        // Schulze: hård puts X before Y, snäll and jämn see no difference: X beats Y 1–0.
        let schulze: Vec<Option<Place>> = ranking.rows.iter().map(|r| r.schulze_place).collect();
        assert_eq!(schulze, [at(1), at(2), at(3)]);
        // Three applications are all within the cut, by every method.
        assert_eq!(ranking.nominees(Method::Schulze).len(), 3);
        assert!(ranking.nominee_movers().is_empty());
        assert!(ranking.ties.is_empty());
    }

    #[test]
    fn jav_leaves_the_juror_out_and_a_juror_with_too_few_reviews_is_read_on_the_jurys_scale() {
        let given = [
            ("A", "hård", flat(3)),
            ("B", "hård", flat(2)),
            ("C", "hård", flat(1)),
            ("A", "snäll", flat(5)),
            ("D", "snäll", flat(4)),
            // Scored before declaring jäv for B: not counted anywhere.
            ("B", "snäll", flat(1)),
        ];
        let ranking = rank(&criteria(), &["A", "B", "C", "D"], &reviews(&given), &[("snäll", "B")], None);

        let b = row(&ranking, "B");
        assert_eq!(b.reviews, 1);
        assert_eq!(b.totals, vec![("hård".into(), 2.0)]);
        // Snäll's own scale is A and D only (mean 4.5, σ 0.5): too few reviews to normalise on.
        let lenient = ranking.jurors.iter().find(|j| j.juror == "snäll").unwrap();
        assert_eq!((lenient.reviews, lenient.mean, lenient.deviation, lenient.normalised), (2, 4.5, 0.5, false));
        assert_eq!(ranking.not_normalised().map(|j| j.juror.as_str()).collect::<Vec<_>>(), ["snäll"]);

        // Raw: A 4, D 4 (sharing first), B 2, C 1.
        assert_eq!(row(&ranking, "A").raw_place, shared(1));
        assert_eq!(row(&ranking, "D").raw_place, shared(1));
        assert_eq!(b.raw_place, at(3));
        // Every counted total 3, 2, 1, 5, 4: the jury's mean 3, σ √2. Snäll's A is
        // (5 − 3) / √2 = 1.4142 and D (4 − 3) / √2 = 0.7071; hård's own scale gives
        // A 1.2247, B 0, C −1.2247. A: (1.2247 + 1.4142) / 2 = 1.3195.
        close(row(&ranking, "A").normalised, 1.3195);
        close(row(&ranking, "D").normalised, std::f64::consts::FRAC_1_SQRT_2);
        close(b.normalised, 0.0);
        assert_eq!(order(&ranking), ["A", "D", "B", "C"]);
        assert_eq!(row(&ranking, "D").moved_by_normalising(), Some(-1));
        assert_eq!(ranking.moved_count(), 1);
        // Schulze: A beats D (snäll), B and C (hård); B beats C; D meets B and C on no
        // ballot. D and B share second, so C is fourth, as in every other column.
        assert_eq!(row(&ranking, "A").schulze_place, at(1));
        assert_eq!(row(&ranking, "D").schulze_place, shared(2));
        assert_eq!(b.schulze_place, shared(2));
        assert_eq!(row(&ranking, "C").schulze_place, at(4));
    }

    #[test]
    fn ties_share_a_place_and_without_a_tie_rule_the_jury_decides() {
        let given = [("P", "j", flat(4)), ("Q", "j", flat(4)), ("R", "j", flat(2))];
        let ranking = rank(&criteria(), &["P", "Q", "R", "S"], &reviews(&given), &[], None);
        let places: Vec<(&str, Option<Place>)> =
            ranking.rows.iter().map(|r| (r.application.as_str(), r.place)).collect();
        // Not reviewed: unplaced, last, with nothing computed.
        assert_eq!(places, [("P", shared(1)), ("Q", shared(1)), ("R", at(3)), ("S", None)]);
        let s = row(&ranking, "S");
        assert_eq!((s.reviews, s.mean, s.median, s.spread, s.normalised), (0, None, None, None, None));
        assert_eq!(s.schulze_place, None);

        // One shared first place per method, left to the jury.
        assert_eq!(ranking.ties.iter().map(|t| t.method).collect::<Vec<_>>(), Method::ALL);
        for tie in &ranking.ties {
            assert_eq!(tie.place, 1);
            assert_eq!(
                tie.applications,
                [
                    ("P".into(), None, Place { place: 1, tied: true }),
                    ("Q".into(), None, Place { place: 1, tied: true })
                ]
            );
            assert!(tie.undecided());
        }
    }

    #[test]
    fn the_tie_rule_orders_a_shared_place_by_the_criterions_mean_and_leaves_what_is_still_equal() {
        let scored = |inflytande, ledning| Scores {
            scores: vec![("inflytande".into(), inflytande), ("ledning".into(), ledning)],
            recommendation: None,
        };
        // Weighted totals: K (2·4 + 1) / 3 = 3, L 3, M (2·2 + 5) / 3 = 3, O 3, N 1.
        let given = [
            ("K", "j", scored(4, 1)),
            ("L", "j", scored(3, 3)),
            ("M", "j", scored(2, 5)),
            ("O", "j", scored(4, 1)),
            ("N", "j", scored(1, 1)),
        ];
        let apps = ["K", "L", "M", "O", "N"];
        let ranking = rank(&criteria(), &apps, &reviews(&given), &[], Some("inflytande"));
        let places: Vec<(&str, Option<Place>)> =
            ranking.rows.iter().map(|r| (r.application.as_str(), r.place)).collect();
        assert_eq!(places, [("K", shared(1)), ("O", shared(1)), ("L", at(3)), ("M", at(4)), ("N", at(5))]);
        assert_eq!(row(&ranking, "L").raw_place, at(3));
        assert_eq!(row(&ranking, "M").schulze_place, at(4));
        close(row(&ranking, "K").tie_score, 4.0);

        let tie = ranking.ties.iter().find(|t| t.method == Method::Mean).unwrap();
        assert_eq!(tie.place, 1);
        assert_eq!(
            tie.applications,
            [
                ("K".into(), Some(4.0), Place { place: 1, tied: true }),
                ("L".into(), Some(3.0), Place { place: 3, tied: false }),
                ("M".into(), Some(2.0), Place { place: 4, tied: false }),
                ("O".into(), Some(4.0), Place { place: 1, tied: true }),
            ]
        );
        assert!(tie.undecided());

        // Without O, the rule decides the whole shared place.
        let decided = rank(&criteria(), &["K", "L", "M", "N"], &reviews(&given[..3]), &[], Some("inflytande"));
        assert_eq!(order(&decided), ["K", "L", "M", "N"]);
        assert!(decided.ties.iter().all(|t| !t.undecided()));
        // A juror who scored the criterion for only some tied applications: no score comes last.
        let partly = [
            ("K", "j", scored(4, 1)),
            ("L", "j", Scores { scores: vec![("ledning".into(), 3)], recommendation: None }),
        ];
        let ranking = rank(&criteria(), &["K", "L"], &reviews(&partly), &[], Some("inflytande"));
        assert_eq!((row(&ranking, "K").raw_place, row(&ranking, "L").raw_place), (at(1), at(2)));
    }

    #[test]
    fn the_page_names_the_applications_that_cross_the_nominee_cut_under_some_method() {
        // Four clear leaders; then two jurors put E just before F, and one puts F far before E.
        let mut given = Vec::new();
        for juror in ["j1", "j2", "j3"] {
            for (application, total) in [("A", 9), ("B", 8), ("C", 7), ("D", 6)] {
                given.push((application, juror, flat(total)));
            }
        }
        for (juror, e, f) in [("j1", 5, 4), ("j2", 5, 4), ("j3", 1, 9)] {
            given.push(("E", juror, flat(e)));
            given.push(("F", juror, flat(f)));
        }
        let ranking = rank(&criteria(), &["A", "B", "C", "D", "E", "F"], &reviews(&given), &[], None);
        // Mean: F 17/3 = 5.67 before E 11/3 = 3.67. Normalised: F −0.6929, E −1.2727.
        close(row(&ranking, "F").mean, 5.6667);
        close(row(&ranking, "F").normalised, -0.6929);
        close(row(&ranking, "E").normalised, -1.2727);
        assert_eq!(row(&ranking, "F").raw_place, at(5));
        assert_eq!(row(&ranking, "F").place, at(5));
        // Schulze: E beats F 2–1, and D beats F 2–1.
        assert_eq!(row(&ranking, "E").schulze_place, at(5));
        assert_eq!(row(&ranking, "F").schulze_place, at(6));

        let names = |rows: Vec<&RankedApplication>| rows.iter().map(|r| r.application.clone()).collect::<Vec<_>>();
        assert_eq!(names(ranking.nominees(Method::Mean)), ["A", "B", "C", "D", "F"]);
        assert_eq!(names(ranking.nominees(Method::Schulze)), ["A", "B", "C", "D", "E"]);
        assert_eq!(names(ranking.nominee_movers()), ["F", "E"]);
    }

    #[test]
    fn the_page_says_when_schulze_cannot_settle_who_is_within_the_cut() {
        // Juror 1 orders A–F; juror 2 scores only G, which nothing links to the others.
        let mut given: Vec<(&str, &str, Scores)> =
            ["A", "B", "C", "D", "E", "F"].iter().zip([9, 8, 7, 6, 5, 4]).map(|(a, t)| (*a, "j1", flat(t))).collect();
        given.push(("G", "j2", flat(3)));
        let ranking = rank(&criteria(), &["A", "B", "C", "D", "E", "F", "G"], &reviews(&given), &[], None);
        // Nothing beats G, so it shares place 1 with A; F, beaten by five, is 7th.
        assert_eq!(row(&ranking, "G").schulze_beaten_by, Some(0));
        assert_eq!(row(&ranking, "F").schulze_beaten_by, Some(5));
        assert_eq!(row(&ranking, "G").schulze_unseparated, ["A", "B", "C", "D", "E", "F"]);
        assert_eq!(row(&ranking, "A").schulze_unseparated, ["G"]);
        let open: Vec<&str> = ranking.schulze_open_cut().iter().map(|r| r.application.as_str()).collect();
        // Within the cut by place: A, G (1), B (3), C (4), D (5); E and F outside, yet G is not above them.
        assert_eq!(row(&ranking, "E").schulze_place, at(6));
        let mut open = open;
        open.sort_unstable();
        assert_eq!(open, ["E", "F", "G"]);

        // Where every juror scores everything, the relation is total and the cut settled.
        let whole = rank(&criteria(), &["A", "B", "C", "D", "E", "F"], &reviews(&given[..6]), &[], None);
        assert!(whole.schulze_open_cut().is_empty());
        assert!(whole.rows.iter().all(|r| r.schulze_unseparated.is_empty()));
    }

    #[test]
    fn a_shared_place_across_the_cut_nominates_more_than_five() {
        let given: Vec<(&str, &str, Scores)> =
            ["A", "B", "C", "D", "E", "F"].iter().zip([5, 4, 3, 2, 1, 1]).map(|(a, t)| (*a, "j", flat(t))).collect();
        let ranking = rank(&criteria(), &["A", "B", "C", "D", "E", "F"], &reviews(&given), &[], None);
        assert_eq!(ranking.nominees(Method::Normalised).len(), 6);
        assert!(ranking.nominee_movers().is_empty());
    }

    #[test]
    fn the_median_of_an_even_count_is_the_mean_of_the_middle_two_and_disputes_come_largest_first() {
        let given = [
            ("E", "a", flat(1)),
            ("E", "b", flat(5)),
            ("F", "a", flat(2)),
            ("F", "b", flat(4)),
            ("G", "a", flat(4)),
            ("G", "b", flat(4)),
        ];
        let ranking = rank(&criteria(), &["E", "F", "G"], &reviews(&given), &[], None);
        close(row(&ranking, "E").median, 3.0);
        close(row(&ranking, "E").spread, 2.0);
        let disputed: Vec<&str> = ranking.most_disputed(5).iter().map(|r| r.application.as_str()).collect();
        // G: both gave 4, no dispute.
        assert_eq!(disputed, ["E", "F"]);
    }
}
