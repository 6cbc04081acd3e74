//! The jury's motivation for a chosen application, written together: every
//! save is a new version, each juror signs off the version they read, and a
//! change after a sign-off clears it. The decision is complete only when every
//! juror who may read the application has signed the newest version.

use super::decision::MOTIVATION_LIMIT;
use serde::{Deserialize, Serialize};

/// Where one juror's sign-off stands against the newest version.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum SignOff {
    /// Signed the newest version.
    Signed,
    /// Signed an earlier version; the text has changed since, so it no longer counts.
    Cleared {
        version: i64,
    },
    NotYet,
    /// Stands aside (jäv) for a kommun in the round: neither reads nor signs (`juror_reads_decision`).
    StandsAside,
}

/// What a juror reads of the recorded decision (its outcomes and motivations) before it is announced.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum DecisionReading {
    Reads,
    /// Stands aside for some kommun in the round: reads none of it, and signs none.
    /// A decision has one winner, so a list that left out only their kommun's row
    /// would tell them, by its gap, whether their kommun won.
    StandsAside,
    /// Has reviews of their own left: reads none of it until they are done, so the
    /// jury's outcome cannot anchor the scores still to come. Still asked to sign.
    OwnReviewsLeft,
}

/// `own_reviews_left`: the juror's reviews not yet done that they are expected to do;
/// `reviewing_open`: whether they still can be. Once reviewing is closed the outcome
/// can sway no score, and a juror who never finished must not hold the decision up.
pub fn juror_reads_decision(
    stands_aside_for_any_kommun: bool,
    own_reviews_left: usize,
    reviewing_open: bool,
) -> DecisionReading {
    if stands_aside_for_any_kommun {
        DecisionReading::StandsAside
    } else if own_reviews_left > 0 && reviewing_open {
        DecisionReading::OwnReviewsLeft
    } else {
        DecisionReading::Reads
    }
}

/// `signed`: the version the juror signed, if any; `current`: the newest (0: none written).
pub fn sign_off(current: i64, signed: Option<i64>, stands_aside: bool) -> SignOff {
    match signed {
        _ if stands_aside => SignOff::StandsAside,
        Some(version) if version == current && current > 0 => SignOff::Signed,
        Some(version) => SignOff::Cleared { version },
        None => SignOff::NotYet,
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum MotivationProblem {
    /// Someone saved a newer version since the page was read: nothing is overwritten.
    Stale {
        current: i64,
    },
    Empty,
    TooLong,
    /// An empty text is no motivation to sign.
    NothingToSign,
    /// The text changed after the juror read it: they must read the newest before signing.
    Changed {
        current: i64,
    },
    /// Motivations change only while the round is in review.
    Locked,
}

/// A save names the version it was written on (`base`); `current` is the newest.
pub fn check_save(base: i64, current: i64, text: &str) -> Result<(), MotivationProblem> {
    if text.trim().is_empty() {
        return Err(MotivationProblem::Empty);
    }
    if text.chars().count() > MOTIVATION_LIMIT {
        return Err(MotivationProblem::TooLong);
    }
    if base != current {
        return Err(MotivationProblem::Stale { current });
    }
    Ok(())
}

/// A sign-off names the version the juror read, which must still be the newest and say something.
pub fn check_sign(version: i64, current: i64, current_text: &str) -> Result<(), MotivationProblem> {
    if version != current {
        return Err(MotivationProblem::Changed { current });
    }
    if current_text.trim().is_empty() {
        return Err(MotivationProblem::NothingToSign);
    }
    Ok(())
}

/// The jurors (of `jurors`, ids) whose sign-off of the newest version is missing;
/// `signed` pairs a juror with the version they signed. Jurors standing aside are not asked.
pub fn unsigned<'a>(
    current: i64,
    jurors: &[&'a str],
    signed: &[(&str, i64)],
    stands_aside: impl Fn(&str) -> bool,
) -> Vec<&'a str> {
    jurors
        .iter()
        .copied()
        .filter(|juror| {
            let version = signed.iter().find(|(who, _)| who == juror).map(|(_, v)| *v);
            matches!(sign_off(current, version, stands_aside(juror)), SignOff::NotYet | SignOff::Cleared { .. })
        })
        .collect()
}

/// The jurors whose sign-off a save over `current` clears: those who had signed it.
pub fn cleared_by_save<'a>(current: i64, signed: &[(&'a str, i64)]) -> Vec<&'a str> {
    signed.iter().filter(|(_, v)| *v == current && current > 0).map(|(who, _)| *who).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_juror_reads_the_decision_only_without_jav_and_with_every_own_review_done() {
        assert_eq!(juror_reads_decision(false, 0, true), DecisionReading::Reads);
        assert_eq!(juror_reads_decision(false, 1, true), DecisionReading::OwnReviewsLeft);
        assert_eq!(juror_reads_decision(false, 1, false), DecisionReading::Reads, "reviewing closed: nothing to sway");
        assert_eq!(juror_reads_decision(true, 0, true), DecisionReading::StandsAside);
        assert_eq!(juror_reads_decision(true, 3, false), DecisionReading::StandsAside);
    }

    #[test]
    fn a_sign_off_counts_for_the_newest_version_only_and_says_when_it_was_cleared() {
        assert_eq!(sign_off(3, Some(3), false), SignOff::Signed);
        assert_eq!(sign_off(4, Some(3), false), SignOff::Cleared { version: 3 });
        assert_eq!(sign_off(3, None, false), SignOff::NotYet);
        assert_eq!(sign_off(3, Some(3), true), SignOff::StandsAside, "jäv outweighs an earlier sign-off");
        assert_eq!(sign_off(0, Some(0), false), SignOff::Cleared { version: 0 }, "nothing written: nothing signed");
    }

    #[test]
    fn a_save_on_an_older_version_is_refused_and_so_is_a_text_too_long() {
        assert_eq!(check_save(2, 2, "Modigt."), Ok(()));
        assert_eq!(check_save(0, 0, "Första utkastet."), Ok(()));
        assert_eq!(check_save(1, 2, "Min ändring."), Err(MotivationProblem::Stale { current: 2 }));
        assert_eq!(check_save(2, 2, &"å".repeat(MOTIVATION_LIMIT)), Ok(()));
        assert_eq!(check_save(2, 2, &"å".repeat(MOTIVATION_LIMIT + 1)), Err(MotivationProblem::TooLong));
        assert_eq!(check_save(2, 2, " \n "), Err(MotivationProblem::Empty), "to remove a motivation, unchoose it");
    }

    #[test]
    fn only_the_newest_version_with_text_can_be_signed() {
        assert_eq!(check_sign(2, 2, "Modigt."), Ok(()));
        assert_eq!(check_sign(1, 2, "Modigt."), Err(MotivationProblem::Changed { current: 2 }));
        assert_eq!(check_sign(2, 2, " \n"), Err(MotivationProblem::NothingToSign));
        assert_eq!(check_sign(0, 0, ""), Err(MotivationProblem::NothingToSign));
        assert_eq!(
            check_sign(-1, 0, ""),
            Err(MotivationProblem::Changed { current: 0 }),
            "not a version the page sent"
        );
    }

    #[test]
    fn every_juror_without_jav_must_sign_the_newest_version() {
        let jurors = ["hard", "juni", "kim"];
        let aside = |j: &str| j == "kim";
        assert_eq!(unsigned(2, &jurors, &[("hard", 2), ("juni", 1)], aside), vec!["juni"], "juni signed before");
        assert_eq!(unsigned(2, &jurors, &[("hard", 2), ("juni", 2)], aside), Vec::<&str>::new());
        assert_eq!(unsigned(2, &jurors, &[], |_| false), vec!["hard", "juni", "kim"]);
        assert_eq!(unsigned(0, &jurors, &[], aside), vec!["hard", "juni"], "nothing written yet");
    }

    #[test]
    fn a_save_clears_the_sign_offs_of_the_version_it_replaces() {
        assert_eq!(cleared_by_save(2, &[("hard", 2), ("juni", 1), ("kim", 2)]), vec!["hard", "kim"]);
        assert_eq!(cleared_by_save(0, &[]), Vec::<&str>::new());
    }
}
