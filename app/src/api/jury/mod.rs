//! Server functions of the jury: the list of applications to review, the
//! reading and scoring view, saving a review (the form and the autosave are
//! one implementation), jäv, the discussion and the shortlist; the kommun's
//! context (`context`) and the motivations (`motivation`) in their own modules.
//! Every call asks the policy whether the viewer sits on the round (`Action::ReviewRound`) and
//! what the viewer may see of the others' work (`jury_view`).

// A server function's arguments are its form's fields, however many the form has.
#![allow(clippy::too_many_arguments)]

use super::form::FormReply;
use crate::{
    domain::{
        employer::{Employer, Flag},
        review::{Aggregate, JuryView, Progress, ReviewPhase, Scale, ScoredCriterion, Scores},
    },
    error::AppError,
};
use chrono::NaiveDateTime;
use leptos::{prelude::*, server_fn::codec::GetUrl};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
// For the server side of the submodules, which take this module's names.
#[cfg(feature = "ssr")]
use {super::form::Problems, crate::domain::review::ReviewProblem};

pub const JURY_PAGE: &str = "/jury";

pub fn review_href(application: &str) -> String {
    format!("{JURY_PAGE}/ansokan/{application}")
}

/// One submitted application in a juror's list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewRow {
    pub application_id: String,
    pub kommun: String,
    pub lan: String,
    pub reference: String,
    pub submitted_local: NaiveDateTime,
    /// The viewer's own review (organisers: none, shown as not started).
    pub mine: Progress,
    pub conflicted: bool,
    /// A probable jäv from the viewer's employer, not yet answered.
    pub flagged: bool,
    /// Done reviews by jurors without jäv, and how many such jurors there are.
    pub done_by: usize,
    pub jurors: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoundReviews {
    pub round_id: String,
    pub round_title: String,
    pub phase: ReviewPhase,
    /// When applications close (review opens), in Swedish time.
    pub opens_local: NaiveDateTime,
    pub rows: Vec<ReviewRow>,
    /// Before filtering: for the counts and the län choice.
    pub total: usize,
    /// The juror's reviews that count (`RoundWork::counts`), of those expected of them.
    pub my_done: usize,
    pub my_expected: usize,
    pub all_done: usize,
    pub all_expected: usize,
    pub lans: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JuryStart {
    pub is_juror: bool,
    pub rounds: Vec<RoundReviews>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Neighbour {
    pub application_id: String,
    pub kommun: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyReview {
    pub scores: Scores,
    pub private_note: String,
    pub jury_comment: String,
    pub version: i64,
    pub progress: Progress,
    pub saved_local: Option<NaiveDateTime>,
    /// Reopened after the juror had seen the jury's work: the form asks why, and says so once done again.
    pub seen_others: bool,
    pub changed_after_seen: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OtherReview {
    pub juror: String,
    pub scores: Scores,
    pub jury_comment: String,
    /// Done again with other scores after its juror had seen the jury's (the anchoring rule).
    pub changed_after_seen: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PostView {
    pub author: String,
    pub body: String,
    pub posted_local: NaiveDateTime,
}

/// An application as the jury reads it, with the viewer's review and, when
/// the rules allow, the others' work.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UnderReview {
    pub application_id: String,
    pub text: SubmittedText,
    pub previous: Option<Neighbour>,
    pub next: Option<Neighbour>,
    pub phase: ReviewPhase,
    pub criteria: Vec<ScoredCriterion>,
    pub scale: Scale,
    pub is_juror: bool,
    pub view: JuryView,
    /// The viewer's review; none for organisers, who do not score.
    pub mine: Option<MyReview>,
    pub others: Vec<OtherReview>,
    pub aggregate: Option<Aggregate>,
    pub posts: Vec<PostView>,
    pub marked: bool,
    /// The juror's employer, when it points to a probable jäv not yet answered:
    /// the page then asks about it instead of showing the application.
    pub flag: Option<String>,
}

/// The answer to an autosave.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
/// Each says what the form's status line says, in the juror's language: the
/// browser holds no texts of its own.
pub enum AutosaveReply {
    Saved {
        version: i64,
        status: String,
    },
    /// Refused for good: another tab saved first, or the review has closed.
    Refused(String),
    /// Not saved: what is wrong with the form.
    Invalid(String),
}

/// A submitted application as the jury reads it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubmittedText {
    pub round_title: String,
    pub kommun: String,
    pub lan: String,
    pub reference: String,
    pub submitted_local: NaiveDateTime,
    /// Headings and texts, as submitted.
    pub parts: Vec<(String, String)>,
}

/// Every submitted application of the round, to print for the jury.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PrintPacket {
    pub round_title: String,
    pub texts: Vec<SubmittedText>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ShortlistRow {
    pub application_id: String,
    pub kommun: String,
    pub lan: String,
    /// None while the viewer may not see the jury's scores for it.
    pub aggregate: Option<Aggregate>,
    /// The jury's proposals; None, like the scores, until the viewer's own review is done.
    pub marks: Option<usize>,
    pub marked_by_me: bool,
    pub conflicted: bool,
    /// A probable jäv from the viewer's employer, not yet answered.
    pub flagged: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ShortlistView {
    pub round_id: String,
    pub round_title: String,
    pub phase: ReviewPhase,
    pub is_juror: bool,
    pub jurors: usize,
    pub rows: Vec<ShortlistRow>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeclaredJav {
    pub juror: String,
    pub kommun: String,
    pub reason: String,
    pub declared_local: NaiveDateTime,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeclaredConflicts {
    pub round_id: String,
    pub round_title: String,
    pub phase: ReviewPhase,
    pub declared: Vec<DeclaredJav>,
    pub employer: Option<Employer>,
    /// The län to choose a region from: länskod and name.
    pub lans: Vec<(String, String)>,
}

/// A flagged probable jäv and where it stands, for the organisers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FlagView {
    pub juror: String,
    pub kommun: String,
    /// The employer as it reads now, or as it read when answered.
    pub employer: String,
    pub flag: Flag,
    pub reason: String,
    pub answered_local: Option<NaiveDateTime>,
}

#[server(endpoint = "jury_home", input = GetUrl)]
pub async fn jury_home(
    lan: Option<String>,
    status: Option<String>,
    sort: Option<String>,
) -> Result<JuryStart, AppError> {
    ssr::home(lan, status, sort).await
}

#[server(endpoint = "jury_packet", input = GetUrl)]
pub async fn jury_packet() -> Result<Option<PrintPacket>, AppError> {
    ssr::packet().await
}

#[server(endpoint = "review_page", input = GetUrl)]
pub async fn review_page(application: String) -> Result<Option<UnderReview>, AppError> {
    ssr::review_page(application).await
}

/// The review form without JavaScript (and its buttons with it): "Spara",
/// "Klar" (`action=klar`) and "Ångra Klar" (`action=angra`, with its reason).
#[server(endpoint = "save_review")]
pub async fn save_review(
    application: String,
    version: i64,
    #[server(default)] score: HashMap<String, String>,
    #[server(default)] recommendation: Option<String>,
    #[server(default)] private_note: String,
    #[server(default)] jury_comment: String,
    #[server(default)] action: Option<String>,
    #[server(default)] reopen_reason: String,
) -> Result<FormReply, AppError> {
    let input =
        ssr::ReviewForm { application, version, score, recommendation, private_note, jury_comment, reopen_reason };
    Ok(ssr::save_form(input, action).await)
}

/// The same save, a few seconds after the juror stops typing.
#[server(endpoint = "autosave_review")]
pub async fn autosave_review(
    application: String,
    version: i64,
    #[server(default)] score: HashMap<String, String>,
    #[server(default)] recommendation: Option<String>,
    #[server(default)] private_note: String,
    #[server(default)] jury_comment: String,
) -> Result<AutosaveReply, AppError> {
    let input = ssr::ReviewForm {
        application,
        version,
        score,
        recommendation,
        private_note,
        jury_comment,
        reopen_reason: String::new(),
    };
    ssr::autosave(input).await
}

#[server(endpoint = "my_conflicts", input = GetUrl)]
pub async fn my_conflicts() -> Result<Option<DeclaredConflicts>, AppError> {
    ssr::my_conflicts().await
}

#[server(endpoint = "declare_conflict")]
pub async fn declare_conflict(round: String, kommun: String, reason: String) -> Result<FormReply, AppError> {
    Ok(ssr::declare_conflict(round, kommun, reason).await)
}

/// The juror's employer, on the jäv page: `employer_kind` is `kommun`,
/// `region`, `organisation` or `ingen`, and the field of that kind says which.
#[server(endpoint = "save_employer")]
pub async fn save_employer(
    employer_kind: Option<String>,
    #[server(default)] employer_kommun: String,
    #[server(default)] employer_region: String,
    #[server(default)] employer_organisation: String,
) -> Result<FormReply, AppError> {
    let kind = employer_kind.unwrap_or_default();
    Ok(ssr::save_employer(kind, employer_kommun, employer_region, employer_organisation).await)
}

/// The juror's answer to a probable jäv: `answer` is `jav` or `inte-jav`, with a reason.
#[server(endpoint = "answer_flag")]
pub async fn answer_flag(
    application: String,
    answer: Option<String>,
    #[server(default)] reason: String,
) -> Result<FormReply, AppError> {
    Ok(ssr::answer_flag(application, answer.unwrap_or_default(), reason).await)
}

#[server(endpoint = "post_to_jury")]
pub async fn post_to_jury(application: String, body: String) -> Result<FormReply, AppError> {
    Ok(ssr::post(application, body).await)
}

#[server(endpoint = "mark_for_shortlist")]
pub async fn mark_for_shortlist(application: String, marked: String, back: String) -> Result<FormReply, AppError> {
    Ok(ssr::mark(application, marked == "ja", back).await)
}

#[server(endpoint = "shortlist", input = GetUrl)]
pub async fn shortlist() -> Result<Option<ShortlistView>, AppError> {
    ssr::shortlist().await
}

pub mod context;
pub mod motivation;

#[cfg(feature = "ssr")]
mod conflicts;
#[cfg(feature = "ssr")]
mod review;
#[cfg(feature = "ssr")]
mod shortlist;
#[cfg(feature = "ssr")]
mod start;
#[cfg(feature = "ssr")]
mod work;

#[cfg(feature = "ssr")]
pub mod ssr {
    pub use super::{conflicts::*, review::*, shortlist::*, start::*, work::*};
}
