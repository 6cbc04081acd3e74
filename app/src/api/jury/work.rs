//! A round as the jury works on it: its entries, jurors, jäv, reviews, and what follows from them.

use super::*;
use crate::{
    api::application::ssr::mail_copy,
    api::cx::Cx,
    domain::{
        access::Viewer,
        account::Role,
        deadline::to_stockholm,
        employer::{self},
        policy::{self, Aside},
        ranking::{DoneReview, Ranking, rank},
        review::{Counted, ReviewSettings, aggregate, default_settings, review_counts, review_phase},
        round::Round,
        swedish::collate,
    },
    storage::{applications, jury, kommuner, reviews, rounds, seed::EHALSOKOMMUN, submissions},
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

    pub fn flag_pending(&self, user_id: &str, kommun_kod: &str) -> bool {
        self.flag(user_id, kommun_kod) == Some(Flag::Pending)
    }

    /// The juror's standing for the kommun (`policy::Aside::of`).
    fn aside(&self, user_id: &str, kommun_kod: &str) -> Aside {
        Aside::of(self.conflicted(user_id, kommun_kod), self.flag(user_id, kommun_kod))
    }

    /// Jäv declared, or a probable jäv not yet answered: the juror sees nothing of the kommun's application.
    pub fn stands_aside(&self, user_id: &str, kommun_kod: &str) -> bool {
        self.aside(user_id, kommun_kod) != Aside::No
    }

    pub fn review_of(&self, application_id: &str, user_id: &str) -> Option<&reviews::StoredReview> {
        self.reviews.iter().find(|r| r.application_id == application_id && r.user_id == user_id)
    }

    pub fn progress(&self, application_id: &str, user_id: &str) -> Progress {
        self.review_of(application_id, user_id).map_or(Progress::NotStarted, |r| r.progress())
    }

    /// The entry as the policy reads it for `viewer`.
    pub fn facts<'a>(&'a self, viewer: &Viewer, entry: &Entry) -> policy::Entry<'a> {
        // Organisers read everything and stand aside for nobody.
        let aside = if viewer.role == Role::Juror { self.aside(&viewer.user_id, &entry.kommun_kod) } else { Aside::No };
        let own = self.progress(&entry.application_id, &viewer.user_id);
        policy::Entry { round: &self.round.id, phase: self.phase, aside, own }
    }

    /// What `viewer` may see of the jury's work on this entry: a probable
    /// jäv not yet answered counts as jäv until it is.
    pub fn view_for(&self, viewer: &Viewer, entry: &Entry) -> JuryView {
        policy::entry_view(viewer, &self.facts(viewer, entry))
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
    pub fn counting_jurors(&self, kommun_kod: &str) -> Vec<&str> {
        self.jurors.iter().map(|(id, _)| id.as_str()).filter(|id| !self.conflicted(id, kommun_kod)).collect()
    }

    pub fn aggregate(&self, entry: &Entry) -> Aggregate {
        let done: Vec<Counted<'_>> = self
            .reviews
            .iter()
            .filter(|r| r.application_id == entry.application_id && r.done_at.is_some())
            .map(|r| Counted { juror: &r.user_id, scores: &r.scores })
            .collect();
        let conflicted: Vec<&str> =
            self.conflicts.iter().filter(|c| c.kommun_kod == entry.kommun_kod).map(|c| c.user_id.as_str()).collect();
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
    Ok(reviews::settings(&mut *db.conn().await?, &round.id).await?.unwrap_or_else(|| default_settings(round)))
}

pub async fn round_work(cx: &Cx, round: Round) -> Result<RoundWork, AppError> {
    let db = cx.db();
    let settings = settings_of(db, &round).await?;
    let phase = review_phase(round.state, settings.closed_at, cx.now);
    // One connection for the round's reads: none of them writes.
    let mut conn = db.conn().await?;
    let mut entries = Vec::new();
    if phase != ReviewPhase::NotYet {
        let all = kommuner::list(&mut conn).await?;
        let latest = submissions::latest_of_round(&mut conn, &round.id).await?;
        for application in applications::of_round(&mut conn, &round.id).await? {
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
    let jurors = jury::jurors_of(&mut conn, &round.id).await?;
    // A juror taken off the jury no longer counts, nor does their work.
    let mut reviews = reviews::of_round(&mut conn, &round.id).await?;
    reviews.retain(|r| jurors.iter().any(|(id, _)| *id == r.user_id));
    Ok(RoundWork {
        jurors,
        conflicts: jury::conflicts_in_round(&mut conn, &round.id).await?,
        employers: jury::employers_in_round(&mut conn, &round.id).await?,
        flag_answers: jury::flag_answers_in_round(&mut conn, &round.id).await?,
        reviews,
        round,
        settings,
        phase,
        entries,
    })
}

/// The viewer sits on the round's jury, or organises (`Action::ReviewRound`).
pub fn sits_on(viewer: &Viewer, round_id: &str) -> Result<(), AppError> {
    policy::decide(viewer, policy::Action::ReviewRound, &policy::Object::Round(round_id)).map_err(|_| {
        tracing::warn!(user = %viewer.user_id, round = ?round_id, "refused: not on this round's jury");
        AppError::Forbidden
    })
}

/// The round a jury page is about: the current one, if the viewer sits on it.
pub async fn jurys_round(cx: &Cx) -> Result<Option<Round>, AppError> {
    let Some(round) = cx.db().current_round(EHALSOKOMMUN).await? else { return Ok(None) };
    sits_on(&cx.viewer, &round.id)?;
    Ok(Some(round))
}

/// An application the viewer may review, with its round's work.
pub(crate) async fn reviewable(cx: &Cx, id: &str) -> Result<(RoundWork, Entry), AppError> {
    let application = applications::find(&mut *cx.db().conn().await?, id).await?.ok_or(AppError::NotFound)?;
    sits_on(&cx.viewer, &application.round_id)?;
    let round = rounds::find(&mut *cx.db().conn().await?, &application.round_id).await?.ok_or(AppError::NotFound)?;
    let work = round_work(cx, round).await?;
    // Drafts never reach the jury, and nothing does before the deadline.
    let entry = work.entries.iter().find(|e| e.application_id == id).cloned().ok_or(AppError::NotFound)?;
    Ok((work, entry))
}

/// The entry's latest submission, as the jury reads it.
pub async fn submitted_text(cx: &Cx, work: &RoundWork, entry: &Entry) -> Result<SubmittedText, AppError> {
    let (_, copy) = submissions::find(&mut *cx.db().conn().await?, &entry.application_id, entry.submission.number)
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
