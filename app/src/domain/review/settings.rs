//! What a round is scored on and how: criteria, scale, the tie rule, and checking the organiser's choices.

use super::*;
use crate::domain::round::Round;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

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
        let title = crate::domain::application::clean_line(&row.title);
        let description = crate::domain::application::clean_line(&row.description);
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
            crate::domain::round::new_slug(&title, "kriterium", used)
        } else {
            row.slug.clone()
        };
        criteria.push(ScoredCriterion { slug, title, description, weight: weight.unwrap_or(1) });
    }
    if criteria.is_empty() {
        problems.push((String::new(), ReviewProblem::NoCriteria));
    }
    let max = scale_max.trim().parse::<i64>().ok().filter(|m| (2..=MAX_SCALE).contains(m));
    let labels: Vec<String> =
        labels.lines().map(crate::domain::application::clean_line).filter(|l| !l.is_empty()).collect();
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
