//! Server functions of the jury: the list of applications to review, the
//! reading and scoring view, saving a review (the form and the autosave are
//! one implementation), jäv, the discussion and the shortlist.
//! Every call checks the round against the viewer (`may_review_round`) and
//! what the viewer may see of the others' work (`jury_view`).

// A server function's arguments are its form's fields, however many the form has.
#![allow(clippy::too_many_arguments)]

use super::form::{FormReply, Problems};
use crate::{
    domain::{
        employer::{Employer, Flag},
        review::{Aggregate, JuryView, Progress, ReviewPhase, ReviewProblem, Scale, ScoredCriterion, Scores},
    },
    error::AppError,
};
use chrono::NaiveDateTime;
use leptos::{prelude::*, server_fn::codec::GetUrl};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

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
pub enum AutosaveReply {
    Saved { version: i64, at_local: NaiveDateTime },
    Refused(ReviewProblem),
    Invalid(Problems),
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

#[cfg(feature = "ssr")]
pub mod ssr {
    use super::*;
    use crate::{
        api::{
            application::ssr::mail_copy,
            cx::Cx,
            form::{Problem, run},
        },
        auth,
        domain::{
            access::{Access, Viewer, may_review_round},
            account::Role,
            deadline::to_stockholm,
            employer::{self, checked_employer},
            kommun::{Kommun, choose},
            policy::{self, Action, Aside, Object, Refused},
            ranking::{DoneReview, Ranking, rank},
            review::{
                CheckedReview, Counted, ReviewContent, ReviewSent, ReviewSettings, Scoring, aggregate,
                changed_after_seen, checked_post, checked_reopen_reason, checked_review, default_settings, jury_view,
                review_counts, review_phase, stale_save_changes_nothing,
            },
            round::Round,
            swedish::collate,
        },
        state::{self, AppState},
        storage::{
            applications, audit, deliberation, jury, kommuner, reviews, rounds, seed::EHALSOKOMMUN, submissions,
        },
    };

    /// A submitted application as the jury lists it.
    #[derive(Clone)]
    pub struct Entry {
        pub application_id: String,
        pub kommun_kod: String,
        pub kommun: String,
        pub lan: String,
        pub submission: submissions::Submission,
    }

    /// A round with everything the jury's pages draw on.
    pub struct RoundWork {
        pub round: Round,
        pub settings: ReviewSettings,
        pub phase: ReviewPhase,
        /// Submitted applications by kommun name; none before the review opens.
        pub entries: Vec<Entry>,
        /// Ids and names, by name.
        pub jurors: Vec<(String, String)>,
        pub conflicts: Vec<jury::Conflict>,
        pub reviews: Vec<reviews::StoredReview>,
        pub employers: Vec<(String, Employer)>,
        pub flag_answers: Vec<jury::FlagAnswer>,
    }

    impl RoundWork {
        pub fn conflicted(&self, user_id: &str, kommun_kod: &str) -> bool {
            self.conflicts.iter().any(|c| c.user_id == user_id && c.kommun_kod == kommun_kod)
        }

        /// The probable jäv the juror's employer points to for this kommun, and its answer.
        pub fn flag(&self, user_id: &str, kommun_kod: &str) -> Option<Flag> {
            let employer = self.employers.iter().find(|(u, _)| u == user_id).map(|(_, e)| e);
            let answer = self
                .flag_answers
                .iter()
                .find(|a| a.user_id == user_id && a.kommun_kod == kommun_kod)
                .map(|a| (a.employer.as_str(), a.conflicted));
            employer::flag(employer, kommun_kod, answer, self.conflicted(user_id, kommun_kod))
        }

        fn flag_pending(&self, user_id: &str, kommun_kod: &str) -> bool {
            self.flag(user_id, kommun_kod) == Some(Flag::Pending)
        }

        /// Jäv declared, or a probable jäv not yet answered: the juror sees nothing of the kommun's application.
        pub fn stands_aside(&self, user_id: &str, kommun_kod: &str) -> bool {
            self.conflicted(user_id, kommun_kod) || self.flag_pending(user_id, kommun_kod)
        }

        fn review_of(&self, application_id: &str, user_id: &str) -> Option<&reviews::StoredReview> {
            self.reviews.iter().find(|r| r.application_id == application_id && r.user_id == user_id)
        }

        fn progress(&self, application_id: &str, user_id: &str) -> Progress {
            self.review_of(application_id, user_id).map_or(Progress::NotStarted, |r| r.progress())
        }

        /// What `viewer` may see of the jury's work on this entry: a probable
        /// jäv not yet answered counts as jäv until it is.
        fn view_for(&self, viewer: &Viewer, entry: &Entry) -> JuryView {
            jury_view(
                viewer.role == Role::Organiser,
                self.stands_aside(&viewer.user_id, &entry.kommun_kod),
                self.progress(&entry.application_id, &viewer.user_id),
            )
        }

        /// Whether a juror's review of the entry counts (`review::review_counts`).
        pub fn counts(&self, user_id: &str, entry: &Entry) -> bool {
            review_counts(self.conflicted(user_id, &entry.kommun_kod), self.progress(&entry.application_id, user_id))
        }

        /// The juror's reviews that count, and the entries they are expected to review (all but their jäv).
        pub fn juror_count(&self, user_id: &str) -> (usize, usize) {
            let expected = self.entries.iter().filter(|e| !self.conflicted(user_id, &e.kommun_kod));
            let (done, expected): (Vec<_>, Vec<_>) = expected.map(|e| self.counts(user_id, e)).partition(|c| *c);
            (done.len(), done.len() + expected.len())
        }

        /// Jurors who count for this kommun: assigned and without jäv.
        fn counting_jurors(&self, kommun_kod: &str) -> Vec<&str> {
            self.jurors.iter().map(|(id, _)| id.as_str()).filter(|id| !self.conflicted(id, kommun_kod)).collect()
        }

        fn aggregate(&self, entry: &Entry) -> Aggregate {
            let done: Vec<Counted<'_>> = self
                .reviews
                .iter()
                .filter(|r| r.application_id == entry.application_id && r.done_at.is_some())
                .map(|r| Counted { juror: &r.user_id, scores: &r.scores })
                .collect();
            let conflicted: Vec<&str> = self
                .conflicts
                .iter()
                .filter(|c| c.kommun_kod == entry.kommun_kod)
                .map(|c| c.user_id.as_str())
                .collect();
            aggregate(&self.settings.criteria, &done, &conflicted)
        }

        /// The round's ranking from the done reviews, jäv respected.
        pub fn ranking(&self) -> Ranking {
            let applications: Vec<&str> = self.entries.iter().map(|e| e.application_id.as_str()).collect();
            let done: Vec<DoneReview<'_>> = self
                .reviews
                .iter()
                .filter(|r| r.done_at.is_some())
                .map(|r| DoneReview { application: &r.application_id, juror: &r.user_id, scores: &r.scores })
                .collect();
            let conflicts: Vec<(&str, &str)> = self
                .entries
                .iter()
                .flat_map(|e| {
                    self.conflicts
                        .iter()
                        .filter(|c| c.kommun_kod == e.kommun_kod)
                        .map(|c| (c.user_id.as_str(), e.application_id.as_str()))
                })
                .collect();
            rank(&self.settings.criteria, &applications, &done, &conflicts, self.settings.tie_break.as_deref())
        }
    }

    pub async fn settings_of(db: &crate::storage::Db, round: &Round) -> Result<ReviewSettings, AppError> {
        Ok(reviews::settings(db, &round.id).await?.unwrap_or_else(|| default_settings(round)))
    }

    pub async fn round_work(state: &AppState, round: Round) -> Result<RoundWork, AppError> {
        let db = &state.db;
        let settings = settings_of(db, &round).await?;
        let phase = review_phase(round.state, settings.closed_at, state.clock.now());
        let mut entries = Vec::new();
        if phase != ReviewPhase::NotYet {
            let all = kommuner::list(db).await?;
            let latest = submissions::latest_of_round(db, &round.id).await?;
            for application in applications::of_round(db, &round.id).await? {
                let Some((_, submission)) = latest.iter().find(|(id, _)| *id == application.id) else { continue };
                let kommun = all.iter().find(|k| k.kod.as_str() == application.kommun_kod);
                entries.push(Entry {
                    application_id: application.id,
                    kommun: kommun.map_or_else(|| application.kommun_kod.clone(), |k| k.namn.clone()),
                    lan: kommun.map(|k| k.lan.clone()).unwrap_or_default(),
                    kommun_kod: application.kommun_kod,
                    submission: submission.clone(),
                });
            }
            entries.sort_by(|a, b| collate(&a.kommun, &b.kommun));
        }
        let jurors = jury::jurors_of(db, &round.id).await?;
        // A juror taken off the jury no longer counts, nor does their work.
        let mut reviews = reviews::of_round(db, &round.id).await?;
        reviews.retain(|r| jurors.iter().any(|(id, _)| *id == r.user_id));
        Ok(RoundWork {
            jurors,
            conflicts: jury::conflicts_in_round(db, &round.id).await?,
            employers: jury::employers_in_round(db, &round.id).await?,
            flag_answers: jury::flag_answers_in_round(db, &round.id).await?,
            reviews,
            round,
            settings,
            phase,
            entries,
        })
    }

    /// The round a jury page is about: the current one, if the viewer sits on it.
    pub async fn jurys_round(viewer: &Viewer, state: &AppState) -> Result<Option<Round>, AppError> {
        let Some(round) = rounds::current(&state.db, EHALSOKOMMUN).await? else { return Ok(None) };
        if !may_review_round(viewer, &round.id) {
            return Err(AppError::Forbidden);
        }
        Ok(Some(round))
    }

    pub async fn home(
        lan: Option<String>,
        status: Option<String>,
        sort: Option<String>,
    ) -> Result<JuryStart, AppError> {
        let viewer = auth::require(Access::Jury)?;
        let state = state::state()?;
        let round_ids = if viewer.role == Role::Organiser {
            rounds::titles(&state.db).await?.into_iter().map(|(id, _)| id).collect()
        } else {
            viewer.jury_rounds.clone()
        };
        let wanted_status = status.as_deref().and_then(Progress::from_code);
        let lan = lan.filter(|l| !l.is_empty());
        let mut out = Vec::new();
        for id in round_ids {
            if !may_review_round(&viewer, &id) {
                continue;
            }
            let Some(round) = rounds::find(&state.db, &id).await? else { continue };
            let work = round_work(&state, round).await?;
            let rows: Vec<ReviewRow> = work
                .entries
                .iter()
                .map(|e| {
                    let counting = work.counting_jurors(&e.kommun_kod);
                    ReviewRow {
                        application_id: e.application_id.clone(),
                        kommun: e.kommun.clone(),
                        lan: e.lan.clone(),
                        reference: e.submission.reference.clone(),
                        submitted_local: to_stockholm(e.submission.submitted_at),
                        mine: work.progress(&e.application_id, &viewer.user_id),
                        conflicted: work.conflicted(&viewer.user_id, &e.kommun_kod),
                        flagged: work.flag_pending(&viewer.user_id, &e.kommun_kod),
                        done_by: counting.iter().filter(|j| work.counts(j, e)).count(),
                        jurors: counting.len(),
                    }
                })
                .collect();
            let mut lans: Vec<String> = rows.iter().map(|r| r.lan.clone()).collect();
            lans.sort_by(|a, b| collate(a, b));
            lans.dedup();
            let (my_done, my_expected) = work.juror_count(&viewer.user_id);
            let all_done = rows.iter().map(|r| r.done_by).sum();
            let all_expected = rows.iter().map(|r| r.jurors).sum();
            let total = rows.len();
            let mut rows: Vec<ReviewRow> = rows
                .into_iter()
                .filter(|r| lan.as_ref().is_none_or(|l| *l == r.lan))
                .filter(|r| wanted_status.is_none_or(|s| s == r.mine))
                .collect();
            match sort.as_deref() {
                Some("lan") => rows.sort_by(|a, b| collate(&a.lan, &b.lan).then(collate(&a.kommun, &b.kommun))),
                Some("status") => rows.sort_by(|a, b| a.mine.cmp(&b.mine).then(collate(&a.kommun, &b.kommun))),
                Some("inskickad") => rows.sort_by_key(|r| r.submitted_local),
                _ => {}
            }
            out.push(RoundReviews {
                round_id: work.round.id.clone(),
                round_title: work.round.title.clone(),
                phase: work.phase,
                opens_local: work.round.deadline.local(),
                rows,
                total,
                my_done,
                my_expected,
                all_done,
                all_expected,
                lans,
            });
        }
        Ok(JuryStart { is_juror: viewer.role == Role::Juror, rounds: out })
    }

    /// An application the viewer may review, with its round's work.
    pub(crate) async fn reviewable(
        viewer: &Viewer,
        state: &AppState,
        id: &str,
    ) -> Result<(RoundWork, Entry), AppError> {
        let application = applications::find(&state.db, id).await?.ok_or(AppError::NotFound)?;
        if !may_review_round(viewer, &application.round_id) {
            tracing::warn!(user = %viewer.user_id, application = ?id, "refused: not on this round's jury");
            return Err(AppError::Forbidden);
        }
        let round = rounds::find(&state.db, &application.round_id).await?.ok_or(AppError::NotFound)?;
        let work = round_work(state, round).await?;
        // Drafts never reach the jury, and nothing does before the deadline.
        let entry = work.entries.iter().find(|e| e.application_id == id).cloned().ok_or(AppError::NotFound)?;
        Ok((work, entry))
    }

    /// The entry's latest submission, as the jury reads it.
    async fn submitted_text(state: &AppState, work: &RoundWork, entry: &Entry) -> Result<SubmittedText, AppError> {
        let (_, copy) = submissions::find(&state.db, &entry.application_id, entry.submission.number)
            .await?
            .ok_or(AppError::NotFound)?;
        Ok(SubmittedText {
            round_title: work.round.title.clone(),
            kommun: entry.kommun.clone(),
            lan: entry.lan.clone(),
            reference: entry.submission.reference.clone(),
            submitted_local: to_stockholm(entry.submission.submitted_at),
            parts: mail_copy(&work.round, &copy),
        })
    }

    /// The jury packet: for organisers, every submitted application once the review has begun.
    pub async fn packet() -> Result<Option<PrintPacket>, AppError> {
        auth::require_manager()?;
        let state = state::state()?;
        let Some(round) = rounds::current(&state.db, EHALSOKOMMUN).await? else { return Ok(None) };
        let work = round_work(&state, round).await?;
        let mut texts = Vec::with_capacity(work.entries.len());
        for entry in &work.entries {
            texts.push(submitted_text(&state, &work, entry).await?);
        }
        Ok(Some(PrintPacket { round_title: work.round.title.clone(), texts }))
    }

    pub async fn review_page(id: String) -> Result<Option<UnderReview>, AppError> {
        let viewer = auth::require(Access::Jury)?;
        let state = state::state()?;
        let (work, entry) = match reviewable(&viewer, &state, &id).await {
            Err(AppError::NotFound) => return Ok(None),
            other => other?,
        };
        let view = work.view_for(&viewer, &entry);
        let is_juror = viewer.role == Role::Juror;
        let flag = if work.flag_pending(&viewer.user_id, &entry.kommun_kod) {
            work.employers.iter().find(|(u, _)| *u == viewer.user_id).map(|(_, e)| e.label())
        } else {
            None
        };
        let position = work.entries.iter().position(|e| e.application_id == id).unwrap_or_default();
        let neighbour = |i: Option<usize>| {
            i.and_then(|i| work.entries.get(i))
                .map(|e| Neighbour { application_id: e.application_id.clone(), kommun: e.kommun.clone() })
        };
        let mine = work.review_of(&id, &viewer.user_id);
        let everything = view == JuryView::Everything;
        let others = if everything {
            work.reviews
                .iter()
                .filter(|r| r.application_id == id && r.user_id != viewer.user_id && r.done_at.is_some())
                .filter(|r| !work.conflicted(&r.user_id, &entry.kommun_kod))
                .map(|r| OtherReview {
                    juror: r.juror_name.clone(),
                    scores: r.scores.clone(),
                    jury_comment: r.jury_comment.clone(),
                    changed_after_seen: r.changed_after_seen(),
                })
                .collect()
        } else {
            Vec::new()
        };
        let posts = if everything {
            deliberation::posts(&state.db, &id)
                .await?
                .into_iter()
                .map(|p| PostView { author: p.author_name, body: p.body, posted_local: to_stockholm(p.posted_at) })
                .collect()
        } else {
            Vec::new()
        };
        let marked = deliberation::marks_in_round(&state.db, &work.round.id)
            .await?
            .iter()
            .any(|(a, u)| *a == id && *u == viewer.user_id);
        let mut text = submitted_text(&state, &work, &entry).await?;
        if view == JuryView::Excluded {
            // Jäv, declared or not yet answered: not a line of the application, as nothing of the
            // kommun's context (`api::context`); the page names the kommun and says why.
            text.parts.clear();
        }
        Ok(Some(UnderReview {
            application_id: id.clone(),
            text,
            previous: neighbour(position.checked_sub(1)),
            next: neighbour(Some(position + 1)),
            phase: work.phase,
            criteria: work.settings.criteria.clone(),
            scale: work.settings.scale.clone(),
            is_juror,
            view,
            mine: (is_juror && view != JuryView::Excluded).then(|| MyReview {
                scores: mine.map(|r| r.scores.clone()).unwrap_or_default(),
                private_note: mine.map(|r| r.private_note.clone()).unwrap_or_default(),
                jury_comment: mine.map(|r| r.jury_comment.clone()).unwrap_or_default(),
                version: mine.map_or(0, |r| r.version),
                progress: mine.map_or(Progress::NotStarted, |r| r.progress()),
                saved_local: mine.map(|r| to_stockholm(r.updated_at)),
                seen_others: mine.is_some_and(|r| r.seen_scores.is_some()),
                changed_after_seen: mine.is_some_and(|r| r.changed_after_seen()),
            }),
            others,
            aggregate: everything.then(|| work.aggregate(&entry)),
            posts,
            marked,
            flag,
        }))
    }

    /// A review as the form posts it.
    pub struct ReviewForm {
        pub application: String,
        pub version: i64,
        pub score: HashMap<String, String>,
        pub recommendation: Option<String>,
        pub private_note: String,
        pub jury_comment: String,
        /// Why a done review is reopened ("Ångra Klar" only).
        pub reopen_reason: String,
    }

    impl ReviewForm {
        /// The values to show again when the form comes back with problems.
        fn kept(&self, problems: Problems) -> Problems {
            let mut problems = problems
                .keep("private_note", &self.private_note)
                .keep("jury_comment", &self.jury_comment)
                .keep("reopen_reason", &self.reopen_reason)
                .keep("recommendation", self.recommendation.as_deref().unwrap_or_default());
            for (criterion, value) in &self.score {
                problems = problems.keep(&format!("score[{criterion}]"), value);
            }
            problems
        }
    }

    enum Saved {
        Version(i64),
        Refused(ReviewProblem),
        Invalid(Problems),
    }

    /// Checks and saves a review; `done` then marks it done (`Some(true)`) or undoes that (`Some(false)`).
    async fn save(form: &ReviewForm, done: Option<bool>) -> Result<Saved, AppError> {
        let cx = Cx::new(Access::Juror)?;
        cx.acting(Action::ScoreEntry, save_as(&cx, form, done)).await
    }

    /// The save reads what it decides on inside its own transaction, and only that:
    /// the entry and the juror's standing, the criteria, the juror's review.
    async fn save_as(cx: &Cx, form: &ReviewForm, done: Option<bool>) -> Result<Saved, AppError> {
        let viewer = &cx.viewer;
        let mut tx = cx.state.db.begin_write().await?;
        let entry =
            reviews::jurors_entry(&mut tx, &form.application, &viewer.user_id).await?.ok_or(AppError::NotFound)?;
        if !may_review_round(viewer, &entry.round_id) {
            tracing::warn!(user = %viewer.user_id, application = ?form.application, "refused: not on this round's jury");
            return Err(AppError::Forbidden);
        }
        let phase = review_phase(entry.round_state, entry.closed_at, cx.now);
        // Drafts never reach the jury, and nothing does before the review opens.
        if !entry.submitted || phase == ReviewPhase::NotYet {
            return Err(AppError::NotFound);
        }
        let (scale, criteria) = match entry.scale {
            Some(scale) => (scale, reviews::criteria(&mut tx, &entry.round_id).await?),
            None => {
                let round = rounds::find(&cx.state.db, &entry.round_id).await?.ok_or(AppError::NotFound)?;
                let settings = default_settings(&round);
                ((settings.scale.min, settings.scale.max), settings.criteria)
            }
        };
        let current = reviews::find(&mut tx, &form.application, &viewer.user_id).await?;
        let answer = entry.answer.as_ref().map(|(employer, jav)| (employer.as_str(), *jav));
        let aside = match employer::flag(entry.employer.as_ref(), &entry.kommun_kod, answer, entry.conflicted) {
            _ if entry.conflicted => Aside::Declared,
            Some(Flag::Pending) => Aside::FlagPending,
            _ => Aside::No,
        };
        let own = current.as_ref().map_or(Progress::NotStarted, |r| r.progress());
        let object = Object::Entry(policy::Entry { round: &entry.round_id, phase, aside, own });
        match cx.decide(Action::ScoreEntry, &object) {
            Ok(()) => {}
            Err(Refused::Review(problem)) => return Ok(Saved::Refused(problem)),
            Err(_) => return Err(AppError::Forbidden),
        }
        // A plain save on an older version may yet change nothing (`stale_save_changes_nothing`, below).
        let stale = current.as_ref().map_or(0, |r| r.version) != form.version;
        if stale && (done.is_some() || current.as_ref().is_none_or(|r| r.done_at.is_some())) {
            return Ok(Saved::Refused(ReviewProblem::Stale));
        }
        if let Some(done_review) = current.as_ref().filter(|r| r.done_at.is_some()) {
            // Done: only "Ångra Klar" changes it.
            if done != Some(false) {
                return Ok(Saved::Refused(ReviewProblem::Done));
            }
            let reason = match checked_reopen_reason(&form.reopen_reason) {
                Ok(reason) => reason,
                Err(problem) => {
                    let mut problems = form.kept(Problems::new("bedomning-form"));
                    problems.add("reopen_reason", Problem::Review(problem));
                    return Ok(Saved::Invalid(problems));
                }
            };
            if !reviews::reopen(&mut tx, done_review, form.version, &reason, cx.now).await? {
                return Ok(Saved::Refused(ReviewProblem::Stale));
            }
            let detail = format!("{} öppnade sin klara bedömning av {} igen: {reason}", viewer.name, entry.kommun);
            audit::record(&mut tx, cx.actor(), Some(&entry.round_id), "bedomning-oppnad", &detail, cx.now).await?;
            tx.commit().await?;
            return Ok(Saved::Version(form.version + 1));
        }
        let sent = ReviewSent {
            scores: &form.score,
            recommendation: form.recommendation.as_deref(),
            private_note: &form.private_note,
            jury_comment: &form.jury_comment,
        };
        let scoring = Scoring { criteria: &criteria, min: scale.0, max: scale.1 };
        let CheckedReview { scores, private_note, jury_comment } =
            match checked_review(scoring, sent, done == Some(true)) {
                Ok(checked) => checked,
                Err(found) => {
                    let mut problems = form.kept(Problems::new("bedomning-form"));
                    for (field, problem) in found {
                        problems.add(&field, Problem::Review(problem));
                    }
                    // Eight "give a score here" told apart in the error summary by the criterion.
                    for criterion in &criteria {
                        let field = format!("score[{}]", criterion.slug);
                        if problems.problem(&field).is_some() {
                            problems.name(&field, &criterion.title);
                        }
                    }
                    return Ok(Saved::Invalid(problems));
                }
            };
        if let (true, Some(current)) = (stale, &current) {
            let stored = ReviewContent {
                scores: &current.scores,
                private_note: &current.private_note,
                jury_comment: &current.jury_comment,
            };
            let incoming = ReviewContent { scores: &scores, private_note: &private_note, jury_comment: &jury_comment };
            return Ok(if stale_save_changes_nothing(stored, incoming) {
                Saved::Version(current.version)
            } else {
                Saved::Refused(ReviewProblem::Stale)
            });
        }
        let input = reviews::ReviewInput { scores: &scores, private_note: &private_note, jury_comment: &jury_comment };
        let base = reviews::Base { id: current.as_ref().map(|r| r.id.as_str()), version: form.version };
        let done_at = (done == Some(true)).then_some(cx.now);
        let Some(version) =
            reviews::save(&mut tx, &form.application, &viewer.user_id, base, &input, done_at, cx.now).await?
        else {
            return Ok(Saved::Refused(ReviewProblem::Stale));
        };
        if done_at.is_some() && changed_after_seen(current.as_ref().and_then(|r| r.seen_scores.as_ref()), &scores) {
            let detail = format!(
                "{} markerade bedömningen av {} klar med andra poäng än när juryns bedömningar visades",
                viewer.name, entry.kommun
            );
            audit::record(&mut tx, cx.actor(), Some(&entry.round_id), "bedomning-andrad", &detail, cx.now).await?;
        }
        tx.commit().await?;
        Ok(Saved::Version(version))
    }

    pub async fn save_form(form: ReviewForm, action: Option<String>) -> FormReply {
        let done = match action.as_deref() {
            Some("klar") => Some(true),
            Some("angra") => Some(false),
            _ => None,
        };
        let page = format!("{}#bedomning", review_href(&form.application));
        let problems = form.kept(Problems::new("bedomning-form"));
        run(&page.clone(), problems.clone(), async move {
            Ok(match save(&form, done).await? {
                Saved::Version(_) => {
                    let code = match done {
                        Some(true) => "bedomning-klar",
                        Some(false) => "bedomning-oppnad",
                        None => "bedomning-sparad",
                    };
                    Ok(format!("{}?klart={code}#bedomning", review_href(&form.application)))
                }
                Saved::Refused(problem) => {
                    let mut problems = problems;
                    problems.add("", Problem::Review(problem));
                    Err(problems)
                }
                Saved::Invalid(problems) => Err(problems),
            })
        })
        .await
    }

    pub async fn autosave(form: ReviewForm) -> Result<AutosaveReply, AppError> {
        Ok(match save(&form, None).await? {
            Saved::Version(version) => {
                let at_local = to_stockholm(state::state()?.clock.now());
                AutosaveReply::Saved { version, at_local }
            }
            Saved::Refused(problem) => AutosaveReply::Refused(problem),
            Saved::Invalid(problems) => AutosaveReply::Invalid(problems),
        })
    }

    pub async fn my_conflicts() -> Result<Option<DeclaredConflicts>, AppError> {
        let viewer = auth::require(Access::Juror)?;
        let state = state::state()?;
        let Some(round) = jurys_round(&viewer, &state).await? else { return Ok(None) };
        let settings = settings_of(&state.db, &round).await?;
        let declared = jury::conflicts_in_round(&state.db, &round.id)
            .await?
            .into_iter()
            .filter(|c| c.user_id == viewer.user_id)
            .map(declared_jav)
            .collect();
        Ok(Some(DeclaredConflicts {
            phase: review_phase(round.state, settings.closed_at, state.clock.now()),
            round_id: round.id,
            round_title: round.title,
            declared,
            employer: jury::employer_of(&state.db, &viewer.user_id).await?,
            lans: kommuner::lans(&state.db).await?,
        }))
    }

    pub async fn save_employer(kind: String, kommun: String, region: String, organisation: String) -> FormReply {
        let problems = Problems::new("arbetsgivare")
            .keep("employer_kind", &kind)
            .keep("employer_kommun", &kommun)
            .keep("employer_region", &region)
            .keep("employer_organisation", &organisation);
        let page = format!("{JURY_PAGE}/jav");
        run(&page, problems.clone(), async move {
            let viewer = auth::require(Access::Juror)?;
            let state = state::state()?;
            let (all, lans) = (kommuner::list(&state.db).await?, kommuner::lans(&state.db).await?);
            let employer = match checked_employer(&kind, &kommun, &region, &organisation, &all, &lans) {
                Ok(employer) => employer,
                Err((field, problem)) => {
                    let mut problems = problems;
                    problems.add(field, Problem::Employer(problem));
                    return Ok(Err(problems));
                }
            };
            let mut tx = state.db.begin_write().await?;
            jury::set_employer(&mut tx, &viewer.user_id, employer.as_ref()).await?;
            tx.commit().await?;
            tracing::info!(user = %viewer.user_id, kind = employer.as_ref().map_or("ingen", Employer::kind), "employer saved");
            Ok(Ok(format!("{JURY_PAGE}/jav?klart=arbetsgivare-sparad")))
        })
        .await
    }

    /// Records the juror's answer to the probable jäv on `application`'s kommun;
    /// "jäv" also declares it, so the juror is left out as with any jäv.
    pub async fn answer_flag(application: String, answer: String, reason: String) -> FormReply {
        let mut problems = Problems::new("trolig-jav").keep("answer", &answer).keep("reason", &reason);
        let back = review_href(&application);
        run(&back, problems.clone(), async move {
            let page = review_href(&application);
            let viewer = auth::require(Access::Juror)?;
            let state = state::state()?;
            let (work, entry) = reviewable(&viewer, &state, &application).await?;
            if let Err(problem) = work.phase.may_work() {
                problems.add("", Problem::Review(problem));
                return Ok(Err(problems));
            }
            let Some(employer) = work.employers.iter().find(|(u, _)| *u == viewer.user_id).map(|(_, e)| e) else {
                return Ok(Ok(page));
            };
            if !work.flag_pending(&viewer.user_id, &entry.kommun_kod) {
                return Ok(Ok(page));
            }
            let conflicted = match answer.as_str() {
                "jav" => true,
                "inte-jav" => false,
                _ => {
                    problems.add("answer", Problem::Review(ReviewProblem::AnswerMissing));
                    return Ok(Err(problems));
                }
            };
            let reason = crate::domain::application::clean_line(&reason);
            if reason.is_empty() {
                problems.add("reason", Problem::Review(ReviewProblem::Empty));
            } else if reason.chars().count() > 200 {
                problems.add("reason", Problem::Review(ReviewProblem::TooLong { max: 200 }));
            }
            if !problems.is_empty() {
                return Ok(Err(problems));
            }
            let now = state.clock.now();
            let record = jury::FlagAnswer {
                user_id: viewer.user_id.clone(),
                juror_name: viewer.name.clone(),
                kommun_kod: entry.kommun_kod.clone(),
                kommun: entry.kommun.clone(),
                employer: employer.label(),
                conflicted,
                reason: reason.clone(),
                answered_at: now,
            };
            let mut tx = state.db.begin_write().await?;
            // A second press of the button, or another tab, finds it answered: nothing more to record.
            if !jury::answer_flag(&mut tx, &work.round.id, &record).await? {
                return Ok(Ok(page));
            }
            if conflicted {
                jury::declare_conflict(&mut tx, &work.round.id, &viewer.user_id, &entry.kommun_kod, &reason, now)
                    .await?;
            }
            let detail = format!(
                "Troligt jäv för {} ({}): {}. {reason}",
                entry.kommun,
                record.employer,
                if conflicted { "jäv bekräftat" } else { "inte jäv" }
            );
            let actor = audit::Actor { user_id: Some(&viewer.user_id), name: &viewer.name };
            audit::record(&mut tx, actor, Some(&work.round.id), "troligt-jav", &detail, now).await?;
            tx.commit().await?;
            tracing::info!(user = %viewer.user_id, kommun = %entry.kommun_kod, conflicted, "probable jäv answered");
            let done = if conflicted { "jav-bekraftat" } else { "jav-avfardat" };
            Ok(Ok(if conflicted { format!("{JURY_PAGE}?klart={done}") } else { format!("{page}?klart={done}") }))
        })
        .await
    }

    /// Every probable jäv the jurors' employers point to in the round, and each answer, by kommun.
    pub fn flag_views(work: &RoundWork) -> Vec<FlagView> {
        let mut out = Vec::new();
        for entry in &work.entries {
            for (juror, name) in &work.jurors {
                let Some(flag) = work.flag(juror, &entry.kommun_kod) else { continue };
                let answer = work.flag_answers.iter().find(|a| a.user_id == *juror && a.kommun_kod == entry.kommun_kod);
                let employer = match answer {
                    Some(a) => a.employer.clone(),
                    None => work.employers.iter().find(|(u, _)| u == juror).map(|(_, e)| e.label()).unwrap_or_default(),
                };
                // A jäv declared on the jäv page without a flag answer is listed there, with its reason.
                let declared = work.conflicts.iter().find(|c| c.user_id == *juror && c.kommun_kod == entry.kommun_kod);
                out.push(FlagView {
                    juror: name.clone(),
                    kommun: entry.kommun.clone(),
                    employer,
                    flag,
                    reason: answer
                        .map(|a| a.reason.clone())
                        .or_else(|| declared.map(|c| c.reason.clone()))
                        .unwrap_or_default(),
                    answered_local: answer
                        .map(|a| to_stockholm(a.answered_at))
                        .or_else(|| declared.map(|c| to_stockholm(c.declared_at))),
                });
            }
        }
        out
    }

    pub fn declared_jav(c: jury::Conflict) -> DeclaredJav {
        DeclaredJav {
            juror: c.juror_name,
            kommun: c.kommun,
            reason: c.reason,
            declared_local: to_stockholm(c.declared_at),
        }
    }

    pub async fn declare_conflict(round: String, kommun: String, reason: String) -> FormReply {
        let mut problems = Problems::new("jav").keep("kommun", &kommun).keep("reason", &reason);
        let page = format!("{JURY_PAGE}/jav");
        run(&page, problems.clone(), async move {
            let viewer = auth::require(Access::Juror)?;
            if !may_review_round(&viewer, &round) {
                return Err(AppError::Forbidden);
            }
            let state = state::state()?;
            let all: Vec<Kommun> = kommuner::list(&state.db).await?;
            let chosen = problems.check("kommun", choose(&kommun, &all).map_err(Problem::Kommun)).cloned();
            let reason = crate::domain::application::clean_line(&reason);
            if reason.is_empty() {
                problems.add("reason", Problem::Review(ReviewProblem::Empty));
            } else if reason.chars().count() > 200 {
                problems.add("reason", Problem::Review(ReviewProblem::TooLong { max: 200 }));
            }
            let (Some(kommun), true) = (chosen, problems.is_empty()) else { return Ok(Err(problems)) };
            let mut tx = state.db.begin_write().await?;
            jury::declare_conflict(&mut tx, &round, &viewer.user_id, kommun.kod.as_str(), &reason, state.clock.now())
                .await?;
            tx.commit().await?;
            tracing::info!(user = %viewer.user_id, kommun = %kommun.kod.as_str(), "jäv declared");
            Ok(Ok(format!("{JURY_PAGE}/jav?klart=jav-anmalt")))
        })
        .await
    }

    pub async fn post(application: String, body: String) -> FormReply {
        let mut problems = Problems::new("diskussion-form").keep("body", &body);
        let page = format!("{}#diskussion", review_href(&application));
        run(&page, problems.clone(), async move {
            let viewer = auth::require(Access::Jury)?;
            let state = state::state()?;
            let (work, entry) = reviewable(&viewer, &state, &application).await?;
            // The discussion opens to a juror once their own review is done, and never with jäv;
            // the page offers no form before, so a post is not theirs to make.
            if work.view_for(&viewer, &entry) != JuryView::Everything {
                return Err(AppError::Forbidden);
            }
            if let Err(problem) = work.phase.may_work() {
                problems.add("", Problem::Review(problem));
            }
            let text = problems.check("body", checked_post(&body).map_err(Problem::Review));
            let (Some(text), true) = (text, problems.is_empty()) else {
                return Ok(Err(problems));
            };
            let mut tx = state.db.begin_write().await?;
            deliberation::add_post(&mut tx, &application, (&viewer.user_id, &viewer.name), &text, state.clock.now())
                .await?;
            tx.commit().await?;
            Ok(Ok(format!("{}?klart=inlagg#diskussion", review_href(&application))))
        })
        .await
    }

    pub async fn mark(application: String, marked: bool, back: String) -> FormReply {
        let problems = Problems::new("kortlista-form");
        let back = if back == "kortlista" {
            format!("{JURY_PAGE}/kortlista")
        } else {
            format!("{}#kortlista", review_href(&application))
        };
        run(&back.clone(), problems.clone(), async move {
            let viewer = auth::require(Access::Juror)?;
            let state = state::state()?;
            let (work, entry) = reviewable(&viewer, &state, &application).await?;
            if work.stands_aside(&viewer.user_id, &entry.kommun_kod) {
                return Err(AppError::Forbidden);
            }
            if let Err(problem) = work.phase.may_work() {
                let mut problems = problems;
                problems.add("", Problem::Review(problem));
                return Ok(Err(problems));
            }
            let mut tx = state.db.begin_write().await?;
            deliberation::set_mark(&mut tx, &application, &viewer.user_id, marked, state.clock.now()).await?;
            tx.commit().await?;
            let code = if marked { "markerad" } else { "avmarkerad" };
            Ok(Ok(crate::api::form::done_href(&back, code)))
        })
        .await
    }

    pub async fn shortlist() -> Result<Option<ShortlistView>, AppError> {
        let viewer = auth::require(Access::Jury)?;
        let state = state::state()?;
        let Some(round) = jurys_round(&viewer, &state).await? else { return Ok(None) };
        let work = round_work(&state, round).await?;
        let marks = deliberation::marks_in_round(&state.db, &work.round.id).await?;
        let mut rows: Vec<ShortlistRow> = work
            .entries
            .iter()
            .map(|e| {
                let view = work.view_for(&viewer, e);
                let counting = work.counting_jurors(&e.kommun_kod);
                ShortlistRow {
                    application_id: e.application_id.clone(),
                    kommun: e.kommun.clone(),
                    lan: e.lan.clone(),
                    aggregate: (view == JuryView::Everything).then(|| work.aggregate(e)),
                    // Proposals anchor as scores do: shown by the same rule (`jury_view`).
                    marks: (view == JuryView::Everything).then(|| {
                        marks.iter().filter(|(a, u)| *a == e.application_id && counting.contains(&u.as_str())).count()
                    }),
                    marked_by_me: marks.iter().any(|(a, u)| *a == e.application_id && *u == viewer.user_id),
                    conflicted: work.conflicted(&viewer.user_id, &e.kommun_kod),
                    flagged: work.flag_pending(&viewer.user_id, &e.kommun_kod),
                }
            })
            .collect();
        // The most proposed first, then the highest weighted score; what the viewer may not see
        // yet comes last, by name, so that its place tells nothing either.
        rows.sort_by(|a, b| {
            let score = |r: &ShortlistRow| r.aggregate.as_ref().and_then(|a| a.weighted).unwrap_or(-1.0);
            let hidden = |r: &ShortlistRow| r.marks.is_none();
            hidden(a)
                .cmp(&hidden(b))
                .then(b.marks.cmp(&a.marks))
                .then(score(b).total_cmp(&score(a)))
                .then(collate(&a.kommun, &b.kommun))
        });
        Ok(Some(ShortlistView {
            round_id: work.round.id.clone(),
            round_title: work.round.title.clone(),
            phase: work.phase,
            is_juror: viewer.role == Role::Juror,
            jurors: work.jurors.len(),
            rows,
        }))
    }
}
