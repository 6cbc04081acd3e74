//! One application under review: the reading view, saving a review (the form and the
//! autosave are one implementation), the discussion and the shortlist mark.

use super::{ssr::*, *};
use crate::{
    api::{
        cx::Cx,
        form::{Done, FormId, Problem, done_href, run},
    },
    domain::{
        access::Access,
        account::Role,
        deadline::to_stockholm,
        employer,
        policy::{self, Action, Aside, Object, Refused},
        review::{
            self, CheckedReview, Mark, ReviewContent, ReviewSent, Scoring, Turn, changed_after_seen, checked_post,
            checked_reopen_reason, checked_review, default_settings, review_phase, stale_save_changes_nothing,
        },
    },
    storage::{audit, deliberation, reviews, rounds},
};
use chrono::{DateTime, Utc};

pub async fn review_page(id: String) -> Result<Option<UnderReview>, AppError> {
    let cx = Cx::new(Access::Jury, Action::ReadEntry)?;
    let viewer = &cx.viewer;
    let (work, entry) = match reviewable(&cx, &id).await {
        Err(AppError::NotFound) => return Ok(None),
        other => other?,
    };
    let view = work.view_for(viewer, &entry);
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
        deliberation::posts(&mut *cx.db().conn().await?, &id)
            .await?
            .into_iter()
            .map(|p| PostView { author: p.author_name, body: p.body, posted_local: to_stockholm(p.posted_at) })
            .collect()
    } else {
        Vec::new()
    };
    let marked = deliberation::marks_in_round(&mut *cx.db().conn().await?, &work.round.id)
        .await?
        .iter()
        .any(|(a, u)| *a == id && *u == viewer.user_id);
    let mut text = submitted_text(&cx, &work, &entry).await?;
    if view == JuryView::Excluded {
        // Jäv, declared or not yet answered: not a line of the application, as nothing of the
        // kommun's context (`api::jury::context`); the page names the kommun and says why.
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

/// Checks and saves a review, and marks it done or undoes that (`mark`).
async fn save(form: &ReviewForm, mark: Mark) -> Result<(Saved, DateTime<Utc>), AppError> {
    let cx = Cx::new(Access::Juror, Action::ScoreEntry)?;
    Ok((save_as(&cx, form, mark).await?, cx.now))
}

/// The save reads what it decides on inside its own transaction, and only that:
/// the entry and the juror's standing, the criteria, the juror's review.
async fn save_as(cx: &Cx, form: &ReviewForm, mark: Mark) -> Result<Saved, AppError> {
    let viewer = &cx.viewer;
    let mut tx = cx.db().begin_write().await?;
    let entry = reviews::jurors_entry(&mut tx, &form.application, &viewer.user_id).await?.ok_or(AppError::NotFound)?;
    sits_on(viewer, &entry.round_id)?;
    let phase = review_phase(entry.round_state, entry.closed_at, cx.now);
    // Drafts never reach the jury, and nothing does before the review opens.
    if !entry.submitted || phase == ReviewPhase::NotYet {
        return Err(AppError::NotFound);
    }
    let (scale, criteria) = match entry.scale {
        Some(scale) => (scale, reviews::criteria(&mut tx, &entry.round_id).await?),
        None => {
            let round = rounds::find(&mut tx, &entry.round_id).await?.ok_or(AppError::NotFound)?;
            let settings = default_settings(&round);
            ((settings.scale.min, settings.scale.max), settings.criteria)
        }
    };
    let current = reviews::find(&mut tx, &form.application, &viewer.user_id).await?;
    let answer = entry.answer.as_ref().map(|(employer, jav)| (employer.as_str(), *jav));
    let flag = employer::flag(entry.employer.as_ref(), &entry.kommun_kod, answer, entry.conflicted);
    let aside = Aside::of(entry.conflicted, flag);
    let own = current.as_ref().map_or(Progress::NotStarted, |r| r.progress());
    let object = Object::Entry(policy::Entry { round: &entry.round_id, phase, aside, own });
    match cx.decide(Action::ScoreEntry, &object) {
        Ok(()) => {}
        Err(Refused::Review(problem)) => return Ok(Saved::Refused(problem)),
        Err(_) => return Err(AppError::Forbidden),
    }
    let stored = current.as_ref().map(|r| (r.version, r.done_at.is_some()));
    let turn = match review::turn(stored, form.version, mark) {
        Ok(turn) => turn,
        Err(problem) => return Ok(Saved::Refused(problem)),
    };
    if let (Turn::Reopen, Some(done_review)) = (turn, &current) {
        let reason = match checked_reopen_reason(&form.reopen_reason) {
            Ok(reason) => reason,
            Err(problem) => {
                let mut problems = form.kept(Problems::new(FormId::Review));
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
    let CheckedReview { scores, private_note, jury_comment } = match checked_review(scoring, sent, mark == Mark::Done) {
        Ok(checked) => checked,
        Err(found) => {
            let mut problems = form.kept(Problems::new(FormId::Review));
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
    if let (Turn::IfUnchanged, Some(current)) = (turn, &current) {
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
    let done_at = (mark == Mark::Done).then_some(cx.now);
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
    let mark = match action.as_deref() {
        Some("klar") => Mark::Done,
        Some("angra") => Mark::Undo,
        _ => Mark::Save,
    };
    let page = format!("{}#bedomning", review_href(&form.application));
    let problems = form.kept(Problems::new(FormId::Review));
    run(&page.clone(), problems.clone(), async move {
        Ok(match save(&form, mark).await?.0 {
            Saved::Version(_) => {
                let notice = match mark {
                    Mark::Done => Done::ReviewDone,
                    Mark::Undo => Done::ReviewReopened,
                    Mark::Save => Done::ReviewSaved,
                };
                Ok(done_href(&page, notice))
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
    let (saved, at) = save(&form, Mark::Save).await?;
    let t = crate::i18n::texts();
    Ok(match saved {
        Saved::Version(version) => {
            AutosaveReply::Saved { version, status: (t.j.autosave_saved)(&(t.ap.clock)(to_stockholm(at))) }
        }
        Saved::Refused(problem) => AutosaveReply::Refused((t.j.problem)(&problem)),
        Saved::Invalid(problems) => {
            AutosaveReply::Invalid(problems.fields.first().map(|(_, p)| t.problem(p)).unwrap_or_default())
        }
    })
}

pub async fn post(application: String, body: String) -> FormReply {
    let mut problems = Problems::new(FormId::Discussion).keep("body", &body);
    let page = format!("{}#diskussion", review_href(&application));
    run(&page.clone(), problems.clone(), async move {
        let cx = Cx::new(Access::Jury, Action::PostToJury)?;
        let viewer = &cx.viewer;
        let (work, entry) = reviewable(&cx, &application).await?;
        // The page offers no form to one who may not post: a refusal for any other reason than the phase is 403.
        match policy::decide(viewer, Action::PostToJury, &Object::Entry(work.facts(viewer, &entry))) {
            Ok(()) => {}
            Err(Refused::Review(problem)) => problems.add("", Problem::Review(problem)),
            Err(_) => return Err(AppError::Forbidden),
        }
        let text = problems.check("body", checked_post(&body).map_err(Problem::Review));
        let (Some(text), true) = (text, problems.is_empty()) else {
            return Ok(Err(problems));
        };
        let mut tx = cx.db().begin_write().await?;
        deliberation::add_post(&mut tx, &application, (&viewer.user_id, &viewer.name), &text, cx.now).await?;
        tx.commit().await?;
        Ok(Ok(done_href(&page, Done::Posted)))
    })
    .await
}

pub async fn mark(application: String, marked: bool, back: String) -> FormReply {
    let problems = Problems::new(FormId::Shortlist);
    let back = if back == "kortlista" {
        format!("{JURY_PAGE}/kortlista")
    } else {
        format!("{}#kortlista", review_href(&application))
    };
    run(&back.clone(), problems.clone(), async move {
        let cx = Cx::new(Access::Juror, Action::MarkForShortlist)?;
        let viewer = &cx.viewer;
        let (work, entry) = reviewable(&cx, &application).await?;
        match policy::decide(viewer, Action::MarkForShortlist, &Object::Entry(work.facts(viewer, &entry))) {
            Ok(()) => {}
            Err(Refused::Review(problem)) => {
                let mut problems = problems;
                problems.add("", Problem::Review(problem));
                return Ok(Err(problems));
            }
            Err(_) => return Err(AppError::Forbidden),
        }
        let mut tx = cx.db().begin_write().await?;
        deliberation::set_mark(&mut tx, &application, &viewer.user_id, marked, cx.now).await?;
        tx.commit().await?;
        let done = if marked { Done::Shortlisted } else { Done::Unshortlisted };
        Ok(Ok(done_href(&back, done)))
    })
    .await
}
