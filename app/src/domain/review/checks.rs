//! Checking what a juror sends: a review, a reason to reopen it, a post; and whether a save changes anything.

use super::*;

/// The longest reason for reopening a done review.
pub const REOPEN_REASON_LIMIT: u32 = 500;

/// "Ångra Klar": a done review has shown its juror the others' scores and comments
/// (`jury_view`), so reopening it is no quiet edit. It needs a reason, which goes to
/// the log and to the organisers; and what the review said when it was first done is
/// kept, so that a review done again differently shows it (`changed_after_seen`).
pub fn checked_reopen_reason(reason: &str) -> Result<String, ReviewProblem> {
    let reason = crate::domain::application::clean_text(reason);
    if reason.trim().is_empty() {
        return Err(ReviewProblem::ReasonMissing);
    }
    if reason.chars().count() > REOPEN_REASON_LIMIT as usize {
        return Err(ReviewProblem::TooLong { max: REOPEN_REASON_LIMIT });
    }
    Ok(reason)
}

/// Whether a review differs from what it said when its juror first marked it done,
/// and so first saw the jury's work: changed after the jury's scores were seen.
/// Undoing and redoing "Klar" any number of times compares with that first time.
pub fn changed_after_seen(seen: Option<&Scores>, now: &Scores) -> bool {
    let sorted = |s: &Scores| {
        let mut scores = s.scores.clone();
        scores.sort();
        (scores, s.recommendation)
    };
    seen.is_some_and(|seen| sorted(seen) != sorted(now))
}

/// What a juror has written in a review, for telling whether a save changes it.
#[derive(Debug, Clone, Copy)]
pub struct ReviewContent<'a> {
    pub scores: &'a Scores,
    pub private_note: &'a str,
    pub jury_comment: &'a str,
}

/// What a juror's post asks of their review: save it, save and mark it done
/// ("Klar"), or undo "Klar" ("Ångra Klar").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    Save,
    Done,
    Undo,
}

/// What a post may do to the stored review, by its version and whether it is done.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Turn {
    /// Write it (a compare-and-set on the version).
    Write,
    /// Open the done review again, with a reason.
    Reopen,
    /// A plain save on an older version: allowed only if it changes nothing
    /// (`stale_save_changes_nothing`).
    IfUnchanged,
}

/// `stored`: the stored review's version and whether it is done (none: nothing saved);
/// `sent`: the version the page was showing. A done review changes only through
/// "Ångra Klar"; "Klar" or its undoing on an older version is refused outright.
pub fn turn(stored: Option<(i64, bool)>, sent: i64, mark: Mark) -> Result<Turn, ReviewProblem> {
    let stale = stored.map_or(0, |(version, _)| version) != sent;
    match stored {
        _ if stale && mark != Mark::Save => Err(ReviewProblem::Stale),
        None if stale => Err(ReviewProblem::Stale),
        Some((_, true)) if stale => Err(ReviewProblem::Stale),
        Some((_, true)) if mark == Mark::Undo => Ok(Turn::Reopen),
        Some((_, true)) => Err(ReviewProblem::Done),
        _ if stale => Ok(Turn::IfUnchanged),
        _ => Ok(Turn::Write),
    }
}

/// A save based on an older version than the stored one is refused (another tab
/// saved since), unless it changes nothing: then it says what is stored already (a
/// page reloaded before its last save landed sends that save again) and counts as saved.
pub fn stale_save_changes_nothing(stored: ReviewContent<'_>, incoming: ReviewContent<'_>) -> bool {
    let sorted = |scores: &Scores| {
        let mut list = scores.scores.clone();
        list.sort();
        (list, scores.recommendation)
    };
    sorted(stored.scores) == sorted(incoming.scores)
        && stored.private_note == incoming.private_note
        && stored.jury_comment == incoming.jury_comment
}

/// What keeps a review from being marked done, by field.
pub fn done_problems(criteria: &[ScoredCriterion], scores: &Scores) -> FieldProblems {
    let mut problems: FieldProblems = criteria
        .iter()
        .filter(|c| scores.of(&c.slug).is_none())
        .map(|c| (format!("score[{}]", c.slug), ReviewProblem::ScoreMissing))
        .collect();
    if scores.recommendation.is_none() {
        problems.push(("recommendation".to_owned(), ReviewProblem::RecommendationMissing));
    }
    problems
}

/// A review as its juror sent it: each score by criterion slug as typed, the
/// recommendation's code, and the two texts.
#[derive(Debug, Clone, Copy)]
pub struct ReviewSent<'a> {
    pub scores: &'a std::collections::HashMap<String, String>,
    pub recommendation: Option<&'a str>,
    pub private_note: &'a str,
    pub jury_comment: &'a str,
}

/// A review fit to store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedReview {
    pub scores: Scores,
    pub private_note: String,
    pub jury_comment: String,
}

/// A review checked against the round's settings: each score a whole number on the
/// scale (a blank one is not given yet), a known recommendation, each text within
/// `COMMENT_LIMIT` once cleaned. Marking it done (`done`) also needs every score and a
/// recommendation (`done_problems`), asked only once the rest is right.
pub fn checked_review(scoring: Scoring<'_>, sent: ReviewSent<'_>, done: bool) -> Result<CheckedReview, FieldProblems> {
    let mut problems = FieldProblems::new();
    let mut scores = Scores::default();
    let outside = ReviewProblem::OutsideScale { min: scoring.min, max: scoring.max };
    for criterion in scoring.criteria {
        let Some(raw) = sent.scores.get(&criterion.slug).map(|s| s.trim()).filter(|s| !s.is_empty()) else {
            continue;
        };
        match raw.parse::<i64>().ok().filter(|n| (scoring.min..=scoring.max).contains(n)).ok_or(outside) {
            Ok(score) => scores.scores.push((criterion.slug.clone(), score)),
            Err(problem) => problems.push((format!("score[{}]", criterion.slug), problem)),
        }
    }
    if let Some(code) = sent.recommendation.map(str::trim).filter(|r| !r.is_empty()) {
        match Recommendation::from_code(code) {
            Some(r) => scores.recommendation = Some(r),
            None => problems.push(("recommendation".to_owned(), ReviewProblem::RecommendationMissing)),
        }
    }
    let private_note = crate::domain::application::clean_text(sent.private_note);
    let jury_comment = crate::domain::application::clean_text(sent.jury_comment);
    for (field, text) in [("private_note", &private_note), ("jury_comment", &jury_comment)] {
        if text.chars().count() > COMMENT_LIMIT as usize {
            problems.push((field.to_owned(), ReviewProblem::TooLong { max: COMMENT_LIMIT }));
        }
    }
    if done && problems.is_empty() {
        problems = done_problems(scoring.criteria, &scores);
    }
    if problems.is_empty() { Ok(CheckedReview { scores, private_note, jury_comment }) } else { Err(problems) }
}

/// A post to the jury's discussion, cleaned: not empty, within `COMMENT_LIMIT`.
pub fn checked_post(body: &str) -> Result<String, ReviewProblem> {
    let text = crate::domain::application::clean_text(body);
    if text.trim().is_empty() {
        Err(ReviewProblem::Empty)
    } else if text.chars().count() > COMMENT_LIMIT as usize {
        Err(ReviewProblem::TooLong { max: COMMENT_LIMIT })
    } else {
        Ok(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::review::tests::{criteria, scores};

    fn scale() -> Scale {
        Scale { min: 1, max: 5, labels: ["a", "b", "c", "d", "e"].map(String::from).to_vec() }
    }

    fn settings() -> ReviewSettings {
        ReviewSettings { criteria: criteria(), scale: scale(), closed_at: None, tie_break: None }
    }

    fn sent<'a>(
        typed: &'a std::collections::HashMap<String, String>,
        recommendation: Option<&'a str>,
        note: &'a str,
    ) -> ReviewSent<'a> {
        ReviewSent { scores: typed, recommendation, private_note: note, jury_comment: "" }
    }

    fn typed(pairs: &[(&str, &str)]) -> std::collections::HashMap<String, String> {
        pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    #[test]
    fn a_review_is_checked_score_by_score_and_done_only_when_whole() {
        // A draft may leave scores blank; what is given is stored, its text cleaned.
        let draft = typed(&[("inflytande", " 4 "), ("ledning", "")]);
        let checked = checked_review(settings().scoring(), sent(&draft, Some(""), "a\r\nb"), false).unwrap();
        assert_eq!(checked.scores, scores(&[("inflytande", 4)], None));
        assert_eq!(checked.private_note, "a\nb");
        // Off the scale, not a number, an unknown recommendation, a text too long: each beside its field.
        let wrong = typed(&[("inflytande", "6"), ("ledning", "fyra")]);
        let long = "x".repeat(COMMENT_LIMIT as usize + 1);
        let outside = ReviewProblem::OutsideScale { min: 1, max: 5 };
        assert_eq!(
            checked_review(settings().scoring(), sent(&wrong, Some("kanske-ja"), &long), true),
            Err(vec![
                ("score[inflytande]".to_owned(), outside),
                ("score[ledning]".to_owned(), outside),
                ("recommendation".to_owned(), ReviewProblem::RecommendationMissing),
                ("private_note".to_owned(), ReviewProblem::TooLong { max: COMMENT_LIMIT }),
            ]),
            "what is wrong first; what is missing for done only after"
        );
        // Done needs every score and a recommendation.
        assert_eq!(
            checked_review(settings().scoring(), sent(&draft, None, ""), true),
            Err(vec![
                ("score[ledning]".to_owned(), ReviewProblem::ScoreMissing),
                ("recommendation".to_owned(), ReviewProblem::RecommendationMissing),
            ])
        );
        let whole = typed(&[("inflytande", "4"), ("ledning", "1")]);
        let done = checked_review(settings().scoring(), sent(&whole, Some("nominera"), ""), true).unwrap();
        assert_eq!(done.scores, scores(&[("inflytande", 4), ("ledning", 1)], Some(Recommendation::Nominate)));
    }

    #[test]
    fn a_post_to_the_discussion_is_neither_empty_nor_too_long() {
        assert_eq!(checked_post(" \n "), Err(ReviewProblem::Empty));
        assert_eq!(
            checked_post(&"x".repeat(COMMENT_LIMIT as usize + 1)),
            Err(ReviewProblem::TooLong { max: COMMENT_LIMIT })
        );
        assert_eq!(checked_post("Ska vi nominera?\r\n"), Ok("Ska vi nominera?\n".to_owned()));
    }

    #[test]
    fn a_stale_save_counts_as_saved_only_when_it_changes_nothing() {
        let stored =
            Scores { scores: vec![("a".into(), 3), ("b".into(), 4)], recommendation: Some(Recommendation::Maybe) };
        let reordered =
            Scores { scores: vec![("b".into(), 4), ("a".into(), 3)], recommendation: Some(Recommendation::Maybe) };
        let content = |scores, note, comment| ReviewContent { scores, private_note: note, jury_comment: comment };
        assert!(stale_save_changes_nothing(content(&stored, "n", "c"), content(&reordered, "n", "c")));
        assert!(!stale_save_changes_nothing(content(&stored, "n", "c"), content(&stored, "n2", "c")));
        assert!(!stale_save_changes_nothing(content(&stored, "n", "c"), content(&stored, "n", "c2")));
        let other =
            Scores { scores: vec![("a".into(), 3), ("b".into(), 5)], recommendation: Some(Recommendation::Maybe) };
        assert!(!stale_save_changes_nothing(content(&stored, "n", "c"), content(&other, "n", "c")));
        let no_recommendation = Scores { recommendation: None, ..stored.clone() };
        assert!(!stale_save_changes_nothing(content(&stored, "n", "c"), content(&no_recommendation, "n", "c")));
    }

    #[test]
    fn a_score_must_be_on_the_scale() {
        let settings = settings();
        let slug = settings.criteria[0].slug.clone();
        let score = |value: &str| {
            let typed = typed(&[(&slug, value)]);
            checked_review(settings.scoring(), sent(&typed, None, ""), false).map(|c| c.scores.of(&slug))
        };
        assert_eq!(score("1"), Ok(Some(1)));
        assert_eq!(score("5"), Ok(Some(5)));
        for outside in ["0", "6", "2.5", "fyra"] {
            let problem = (format!("score[{slug}]"), ReviewProblem::OutsideScale { min: 1, max: 5 });
            assert_eq!(score(outside), Err(vec![problem]), "{outside}");
        }
        assert_eq!(scale().steps().map(|(v, _)| v).collect::<Vec<_>>(), vec![1, 2, 3, 4, 5]);
    }

    #[test]
    fn reopening_a_done_review_needs_a_reason() {
        assert_eq!(checked_reopen_reason("  \n "), Err(ReviewProblem::ReasonMissing));
        assert_eq!(checked_reopen_reason("Läste fel avsnitt"), Ok("Läste fel avsnitt".to_owned()));
        let long = "x".repeat(REOPEN_REASON_LIMIT as usize + 1);
        assert_eq!(checked_reopen_reason(&long), Err(ReviewProblem::TooLong { max: REOPEN_REASON_LIMIT }));
    }

    #[test]
    fn a_review_is_changed_after_seen_only_against_what_it_said_when_first_done() {
        let first =
            Scores { scores: vec![("a".into(), 2), ("b".into(), 3)], recommendation: Some(Recommendation::Maybe) };
        let reordered =
            Scores { scores: vec![("b".into(), 3), ("a".into(), 2)], recommendation: Some(Recommendation::Maybe) };
        assert!(!changed_after_seen(Some(&first), &reordered), "the same scores in another order");
        let moved = Scores { scores: vec![("a".into(), 4), ("b".into(), 3)], ..first.clone() };
        assert!(changed_after_seen(Some(&first), &moved));
        let recommended = Scores { recommendation: Some(Recommendation::Nominate), ..first.clone() };
        assert!(changed_after_seen(Some(&first), &recommended));
        assert!(!changed_after_seen(None, &moved), "never done: nothing seen");
    }

    #[test]
    fn done_needs_every_criterion_scored_and_a_recommendation() {
        let half = scores(&[("inflytande", 4)], None);
        assert_eq!(
            done_problems(&criteria(), &half),
            vec![
                ("score[ledning]".to_owned(), ReviewProblem::ScoreMissing),
                ("recommendation".to_owned(), ReviewProblem::RecommendationMissing)
            ]
        );
        let whole = scores(&[("inflytande", 4), ("ledning", 2)], Some(Recommendation::Maybe));
        assert!(done_problems(&criteria(), &whole).is_empty());
    }

    #[test]
    fn a_done_review_changes_only_through_undo_and_an_older_page_only_if_it_changes_nothing() {
        use Mark::*;
        // Nothing saved yet: the page must say version 0.
        assert_eq!(turn(None, 0, Save), Ok(Turn::Write));
        assert_eq!(turn(None, 0, Done), Ok(Turn::Write));
        assert_eq!(turn(None, 2, Save), Err(ReviewProblem::Stale));
        // A draft at version 3.
        assert_eq!(turn(Some((3, false)), 3, Save), Ok(Turn::Write));
        assert_eq!(turn(Some((3, false)), 3, Done), Ok(Turn::Write));
        assert_eq!(turn(Some((3, false)), 3, Undo), Ok(Turn::Write), "undoing what is not done is a plain save");
        assert_eq!(turn(Some((3, false)), 2, Save), Ok(Turn::IfUnchanged));
        assert_eq!(turn(Some((3, false)), 2, Done), Err(ReviewProblem::Stale));
        assert_eq!(turn(Some((3, false)), 2, Undo), Err(ReviewProblem::Stale));
        // Done at version 5.
        assert_eq!(turn(Some((5, true)), 5, Undo), Ok(Turn::Reopen));
        assert_eq!(turn(Some((5, true)), 5, Save), Err(ReviewProblem::Done));
        assert_eq!(turn(Some((5, true)), 5, Done), Err(ReviewProblem::Done));
        for mark in [Save, Done, Undo] {
            assert_eq!(turn(Some((5, true)), 4, mark), Err(ReviewProblem::Stale), "{mark:?}");
        }
    }
}
