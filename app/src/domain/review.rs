//! The jury's review of a round: what is scored and on which scale, when
//! reviewing is open, what makes a review done, what each juror may see of
//! the others' work (the anchoring rule and jäv), and the aggregate that the
//! shortlist is ordered by.

use super::{lifecycle::RoundState, round::Round};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// The longest comment, note or discussion post a juror writes.
pub const COMMENT_LIMIT: u32 = 4_000;
pub const CRITERION_TITLE_LIMIT: u32 = 120;
pub const CRITERION_DESCRIPTION_LIMIT: u32 = 400;
pub const STEP_LABEL_LIMIT: u32 = 60;
pub const MAX_WEIGHT: u32 = 10;
/// The widest scale an organiser may choose (0–10).
pub const MAX_SCALE: i64 = 10;

/// One thing each juror scores, with its weight in the aggregate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScoredCriterion {
    pub slug: String,
    pub title: String,
    pub description: String,
    pub weight: u32,
}

/// The scale every criterion is scored on, with a short descriptor per step.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Scale {
    pub min: i64,
    pub max: i64,
    /// One label per value from `min` to `max`.
    pub labels: Vec<String>,
}

impl Scale {
    pub fn steps(&self) -> impl Iterator<Item = (i64, &str)> {
        (self.min..=self.max).zip(self.labels.iter().map(String::as_str))
    }
}

impl ReviewSettings {
    pub fn scoring(&self) -> Scoring<'_> {
        Scoring { criteria: &self.criteria, min: self.scale.min, max: self.scale.max }
    }
}

/// What a juror's scores are checked against: the round's criteria and its scale's range.
#[derive(Debug, Clone, Copy)]
pub struct Scoring<'a> {
    pub criteria: &'a [ScoredCriterion],
    pub min: i64,
    pub max: i64,
}

/// How a round is reviewed, as the organiser set it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewSettings {
    pub criteria: Vec<ScoredCriterion>,
    pub scale: Scale,
    pub closed_at: Option<DateTime<Utc>>,
    /// The tie rule: the criterion whose mean score orders applications that
    /// share a place; `None` leaves every shared place to the jury.
    pub tie_break: Option<String>,
}

/// What the jury of a new round scores: the call's criteria (the first one
/// "väger särskilt tungt", so it weighs double) and then each area written
/// about, on 1–5.
pub fn default_settings(round: &Round) -> ReviewSettings {
    let from_call = round.criteria.iter().enumerate().map(|(i, c)| ScoredCriterion {
        slug: c.slug.clone(),
        title: c.title.clone(),
        description: c.description.clone(),
        weight: if i == 0 { 2 } else { 1 },
    });
    let areas = round.sections.iter().map(|s| ScoredCriterion {
        slug: format!("omrade-{}", s.slug),
        title: s.title.clone(),
        description: s.guidance.clone(),
        weight: 1,
    });
    let criteria: Vec<ScoredCriterion> = from_call.chain(areas).collect();
    ReviewSettings {
        // The call's first criterion: "särskild vikt vid … inflytande och delaktighet".
        tie_break: criteria.first().map(|c| c.slug.clone()),
        criteria,
        scale: Scale {
            min: 1,
            max: 5,
            labels: ["Svagt", "Godtagbart", "Gott", "Mycket gott", "Utmärkt"].map(String::from).to_vec(),
        },
        closed_at: None,
    }
}

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

/// The longest reason for reopening a done review.
pub const REOPEN_REASON_LIMIT: u32 = 500;

/// "Ångra Klar": a done review has shown its juror the others' scores and comments
/// (`jury_view`), so reopening it is no quiet edit. It needs a reason, which goes to
/// the log and to the organisers; and what the review said when it was first done is
/// kept, so that a review done again differently shows it (`changed_after_seen`).
pub fn checked_reopen_reason(reason: &str) -> Result<String, ReviewProblem> {
    let reason = super::application::clean_text(reason);
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
    let private_note = super::application::clean_text(sent.private_note);
    let jury_comment = super::application::clean_text(sent.jury_comment);
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
    let text = super::application::clean_text(body);
    if text.trim().is_empty() {
        Err(ReviewProblem::Empty)
    } else if text.chars().count() > COMMENT_LIMIT as usize {
        Err(ReviewProblem::TooLong { max: COMMENT_LIMIT })
    } else {
        Ok(text)
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

/// A criterion as the organiser's form sent it, before it is checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CriterionInput {
    /// Empty for a new criterion.
    pub slug: String,
    pub title: String,
    pub description: String,
    pub weight: String,
    pub remove: bool,
}

/// Checks the organiser's criteria and scale. Problems are by row index (`title[2]`).
pub fn checked_settings(
    rows: &[CriterionInput],
    scale_max: &str,
    labels: &str,
) -> Result<(Vec<ScoredCriterion>, Scale), FieldProblems> {
    let mut problems = Vec::new();
    let mut criteria: Vec<ScoredCriterion> = Vec::new();
    for (i, row) in rows.iter().enumerate() {
        let title = super::application::clean_line(&row.title);
        let description = super::application::clean_line(&row.description);
        let blank_new = row.slug.is_empty() && title.is_empty() && description.is_empty();
        if row.remove || blank_new {
            continue;
        }
        if title.is_empty() {
            problems.push((format!("title[{i}]"), ReviewProblem::TitleMissing));
        } else if title.chars().count() > CRITERION_TITLE_LIMIT as usize {
            problems.push((format!("title[{i}]"), ReviewProblem::TooLong { max: CRITERION_TITLE_LIMIT }));
        }
        if description.chars().count() > CRITERION_DESCRIPTION_LIMIT as usize {
            problems.push((format!("description[{i}]"), ReviewProblem::TooLong { max: CRITERION_DESCRIPTION_LIMIT }));
        }
        let weight = row.weight.trim().parse::<u32>().ok().filter(|w| (1..=MAX_WEIGHT).contains(w));
        if weight.is_none() {
            problems.push((format!("weight[{i}]"), ReviewProblem::WeightInvalid));
        }
        let slug = if row.slug.is_empty() {
            let used = |s: &str| criteria.iter().any(|c| c.slug == s) || rows.iter().any(|r| r.slug == s);
            super::round::new_slug(&title, "kriterium", used)
        } else {
            row.slug.clone()
        };
        criteria.push(ScoredCriterion { slug, title, description, weight: weight.unwrap_or(1) });
    }
    if criteria.is_empty() {
        problems.push((String::new(), ReviewProblem::NoCriteria));
    }
    let max = scale_max.trim().parse::<i64>().ok().filter(|m| (2..=MAX_SCALE).contains(m));
    let labels: Vec<String> = labels.lines().map(super::application::clean_line).filter(|l| !l.is_empty()).collect();
    let scale = match max {
        None => {
            problems.push(("scale_max".to_owned(), ReviewProblem::ScaleInvalid));
            None
        }
        Some(max) if labels.len() as i64 != max => {
            problems.push(("labels".to_owned(), ReviewProblem::LabelsMismatch { steps: max }));
            None
        }
        Some(max) => {
            if labels.iter().any(|l| l.chars().count() > STEP_LABEL_LIMIT as usize) {
                problems.push(("labels".to_owned(), ReviewProblem::TooLong { max: STEP_LABEL_LIMIT }));
            }
            Some(Scale { min: 1, max, labels })
        }
    };
    match scale {
        Some(scale) if problems.is_empty() => Ok((criteria, scale)),
        _ => Err(problems),
    }
}

/// The tie rule as the organiser chose it: one of the kept `criteria` by its
/// slug, or blank for "the jury decides".
pub fn checked_tie_break(criteria: &[ScoredCriterion], chosen: &str) -> Result<Option<String>, ReviewProblem> {
    match chosen.trim() {
        "" => Ok(None),
        slug => {
            criteria.iter().find(|c| c.slug == slug).map(|c| Some(c.slug.clone())).ok_or(ReviewProblem::TieBreakGone)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn criteria() -> Vec<ScoredCriterion> {
        [("inflytande", 2), ("ledning", 1)]
            .map(|(slug, weight)| ScoredCriterion {
                slug: slug.into(),
                title: slug.into(),
                description: String::new(),
                weight,
            })
            .to_vec()
    }

    fn scores(pairs: &[(&str, i64)], recommendation: Option<Recommendation>) -> Scores {
        Scores { scores: pairs.iter().map(|(c, s)| (c.to_string(), *s)).collect(), recommendation }
    }

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

    fn row(slug: &str, title: &str, weight: &str) -> CriterionInput {
        CriterionInput {
            slug: slug.into(),
            title: title.into(),
            description: String::new(),
            weight: weight.into(),
            remove: false,
        }
    }

    #[test]
    fn the_organisers_criteria_and_scale_are_checked_field_by_field() {
        let rows = [row("inflytande", "Inflytande", "2"), row("", "Ny på året", "1"), row("", "", "")];
        let (criteria, scale) = checked_settings(&rows, "3", "Svagt\nGott\nUtmärkt\n").unwrap();
        assert_eq!(criteria.iter().map(|c| c.slug.as_str()).collect::<Vec<_>>(), vec!["inflytande", "ny-pa-aret"]);
        // The tie rule names a kept criterion, or is blank for "the jury decides".
        assert_eq!(checked_tie_break(&criteria, "inflytande"), Ok(Some("inflytande".to_owned())));
        assert_eq!(checked_tie_break(&criteria, " "), Ok(None));
        assert_eq!(checked_tie_break(&criteria[1..], "inflytande"), Err(ReviewProblem::TieBreakGone));
        // A title that begins with a digit still gives a slug that begins with a letter (it names a form field).
        let digits = [row("", "5G i hemtjänsten", "1")];
        assert_eq!(checked_settings(&digits, "3", "a\nb\nc").unwrap().0[0].slug, "k-5g-i-hemtjansten");
        assert_eq!(scale, Scale { min: 1, max: 3, labels: ["Svagt", "Gott", "Utmärkt"].map(String::from).to_vec() });

        let bad = [row("inflytande", "", "0"), row("", "Ny", "11")];
        let problems = checked_settings(&bad, "5", "a\nb").unwrap_err();
        assert!(problems.contains(&("title[0]".to_owned(), ReviewProblem::TitleMissing)));
        assert!(problems.contains(&("weight[0]".to_owned(), ReviewProblem::WeightInvalid)));
        assert!(problems.contains(&("weight[1]".to_owned(), ReviewProblem::WeightInvalid)));
        assert!(problems.contains(&("labels".to_owned(), ReviewProblem::LabelsMismatch { steps: 5 })));

        let removed = [CriterionInput { remove: true, ..row("inflytande", "Inflytande", "2") }];
        assert!(
            checked_settings(&removed, "5", "a\nb\nc\nd\ne")
                .unwrap_err()
                .contains(&(String::new(), ReviewProblem::NoCriteria))
        );
        assert!(
            checked_settings(&rows, "11", "")
                .unwrap_err()
                .contains(&("scale_max".to_owned(), ReviewProblem::ScaleInvalid))
        );
    }
}
