//! The Schulze method: a ranking from each juror's own ordering of the
//! applications, so that no juror's scale (harsh, lenient, wide or narrow)
//! matters, only which application they put before which.

// The method is stated on matrices indexed by candidate; the loops say it as the papers do.
#![allow(clippy::needless_range_loop)]

use super::ranking::Place;

/// Totals closer than this are the same: a juror who gives two applications
/// equal totals prefers neither.
const EPSILON: f64 = 1e-9;

/// Schulze's relation between the candidates: who beats whom. It is transitive
/// but need not be total: two candidates may each lack a stronger path to the
/// other, and then the method cannot separate them.
pub struct Relation {
    /// Whether some ballot scores the candidate.
    scored: Vec<bool>,
    /// strongest[a][b]: the strength of the strongest path from a to b, where a
    /// path's strength is its weakest link (winning votes).
    strongest: Vec<Vec<usize>>,
}

impl Relation {
    /// The relation among `n` candidates from `ballots`: each ballot is one
    /// juror's total per candidate, `None` where the juror did not score it (not
    /// done, or jäv). A juror prefers one candidate to another only when they
    /// scored both and gave the first a higher total.
    pub fn of(n: usize, ballots: &[Vec<Option<f64>>]) -> Relation {
        // preferred[a][b]: how many jurors put a before b.
        let mut preferred = vec![vec![0usize; n]; n];
        for ballot in ballots {
            for a in 0..n {
                for b in 0..n {
                    if let (Some(Some(x)), Some(Some(y))) = (ballot.get(a), ballot.get(b))
                        && *x > *y + EPSILON
                    {
                        preferred[a][b] += 1;
                    }
                }
            }
        }
        let mut strongest = vec![vec![0usize; n]; n];
        for a in 0..n {
            for b in 0..n {
                if a != b && preferred[a][b] > preferred[b][a] {
                    strongest[a][b] = preferred[a][b];
                }
            }
        }
        for k in 0..n {
            for a in 0..n {
                if a == k {
                    continue;
                }
                for b in 0..n {
                    if b != a && b != k {
                        strongest[a][b] = strongest[a][b].max(strongest[a][k].min(strongest[k][b]));
                    }
                }
            }
        }
        let scored = (0..n).map(|c| ballots.iter().any(|ballot| ballot.get(c).is_some_and(Option::is_some))).collect();
        Relation { scored, strongest }
    }

    fn len(&self) -> usize {
        self.scored.len()
    }

    /// Whether `a` beats `b`: both scored, and the strongest path from a to b is stronger than back.
    pub fn beats(&self, a: usize, b: usize) -> bool {
        self.scored[a] && self.scored[b] && self.strongest[a][b] > self.strongest[b][a]
    }

    /// How many candidates beat `c`; `None` when no ballot scores it.
    pub fn beaten_by(&self, c: usize) -> Option<usize> {
        self.scored[c].then(|| (0..self.len()).filter(|&o| self.beats(o, c)).count())
    }

    /// The scored candidates the method cannot separate from `c`: neither beats the other.
    pub fn unseparated(&self, c: usize) -> Vec<usize> {
        if !self.scored[c] {
            return Vec::new();
        }
        (0..self.len()).filter(|&o| o != c && self.scored[o] && !self.beats(o, c) && !self.beats(c, o)).collect()
    }

    /// Places (1 = best); candidates no ballot scores are unplaced. Whoever beats a
    /// candidate also beats everyone it beats, so ordering by how many beat each puts
    /// every winner of a pair above its loser. Places count as everywhere else in the
    /// ranking ("1, 2, 2, 4"): one more than the number ordered strictly before. When
    /// the relation is partial, a candidate may be ordered after others that do not beat
    /// it; `beaten_by` and `unseparated` say what the method itself gives.
    pub fn places(&self) -> Vec<Option<Place>> {
        let beaten: Vec<Option<usize>> = (0..self.len()).map(|c| self.beaten_by(c)).collect();
        let place: Vec<Option<usize>> =
            beaten.iter().map(|b| b.map(|b| 1 + beaten.iter().flatten().filter(|o| **o < b).count())).collect();
        place
            .iter()
            .map(|p| {
                let p = (*p)?;
                Some(Place { place: p, tied: place.iter().filter(|o| **o == Some(p)).count() > 1 })
            })
            .collect()
    }
}

/// Places (1 = best) for `n` candidates from `ballots` (`Relation::of`, `Relation::places`).
pub fn places(n: usize, ballots: &[Vec<Option<f64>>]) -> Vec<Option<Place>> {
    Relation::of(n, ballots).places()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(place: usize) -> Option<Place> {
        Some(Place { place, tied: false })
    }

    fn shared(place: usize) -> Option<Place> {
        Some(Place { place, tied: true })
    }

    /// A ballot from totals, `0` meaning "not scored".
    fn ballot(totals: &[u8]) -> Vec<Option<f64>> {
        totals.iter().map(|t| (*t > 0).then_some(f64::from(*t))).collect()
    }

    #[test]
    fn a_partial_relation_says_whom_it_cannot_separate_and_how_many_beat_each() {
        // Two jurors each score two candidates: A over B, and C over D; nothing links the pairs.
        let ballots = [vec![Some(3.0), Some(1.0), None, None], vec![None, None, Some(3.0), Some(1.0)]];
        let relation = Relation::of(4, &ballots);
        assert!(relation.beats(0, 1) && relation.beats(2, 3));
        assert!(!relation.beats(0, 2) && !relation.beats(2, 0), "A and C: neither");
        assert_eq!(relation.beaten_by(1), Some(1));
        assert_eq!(relation.unseparated(0), [2, 3]);
        assert_eq!(relation.unseparated(1), [2, 3], "B is beaten by A only: C and D are not above it");
        // Ordered by how many beat each: A and C share 1, B and D share 3.
        assert_eq!(relation.places(), [shared(1), shared(3), shared(1), shared(3)]);
    }

    #[test]
    fn a_candidate_every_juror_puts_first_wins_whatever_the_scale() {
        // A harsh juror (1–3) and a lenient one (4–5) agree on the order.
        let ballots = [ballot(&[3, 2, 1]), ballot(&[5, 4, 4])];
        assert_eq!(places(3, &ballots), [at(1), at(2), at(3)]);
    }

    #[test]
    fn the_example_from_schulzes_paper_with_a_majority_cycle() {
        // Wikipedia's 45-voter example: A, B, C, D, E; the winner is E, then A, C, B, D.
        let mut ballots = Vec::new();
        let mut add = |count: usize, order: [usize; 5]| {
            for _ in 0..count {
                let mut totals = vec![None; 5];
                for (rank, candidate) in order.iter().enumerate() {
                    totals[*candidate] = Some(5.0 - rank as f64);
                }
                ballots.push(totals);
            }
        };
        let (a, b, c, d, e) = (0, 1, 2, 3, 4);
        add(5, [a, c, b, e, d]);
        add(5, [a, d, e, c, b]);
        add(8, [b, e, d, a, c]);
        add(3, [c, a, b, e, d]);
        add(7, [c, a, e, b, d]);
        add(2, [c, b, a, d, e]);
        add(7, [d, c, e, b, a]);
        add(8, [e, b, a, d, c]);
        assert_eq!(places(5, &ballots), [at(2), at(4), at(3), at(5), at(1)]);
    }

    #[test]
    fn a_pure_cycle_leaves_every_candidate_sharing_first_place() {
        // Three jurors, each order a rotation of the last: A > B > C, B > C > A, C > A > B.
        let ballots = [ballot(&[3, 2, 1]), ballot(&[1, 3, 2]), ballot(&[2, 1, 3])];
        assert_eq!(places(3, &ballots), [shared(1), shared(1), shared(1)]);
    }

    #[test]
    fn equal_totals_and_unscored_candidates_express_no_preference() {
        // Juror 1 gives A and B the same; juror 2 did not score B (jäv) and puts A before C.
        let ballots = [ballot(&[4, 4, 2]), ballot(&[5, 0, 3])];
        // A beats C 2–0, B beats C 1–0, A and B 0–0: A and B share first.
        assert_eq!(places(4, &ballots), [shared(1), shared(1), at(3), None]);
    }

    #[test]
    fn a_juror_who_gives_everyone_the_same_total_changes_nothing() {
        let with_flat = [ballot(&[2, 4, 3]), ballot(&[3, 3, 3])];
        assert_eq!(places(3, &with_flat), places(3, &with_flat[..1]));
        assert_eq!(places(3, &with_flat), [at(3), at(1), at(2)]);
        assert_eq!(places(0, &[]), []);
    }
}
