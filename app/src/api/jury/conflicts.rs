//! Jäv: what a juror declared, their employer, and their answers to a flagged probable jäv.

use super::{ssr::*, *};
use crate::{
    api::cx::Cx,
    api::form::{Done, FormId, Problem, done_href, run},
    domain::{
        access::Access,
        deadline::to_stockholm,
        employer::checked_employer,
        kommun::{Kommun, choose},
        policy::Action,
        review::review_phase,
    },
    storage::{audit, jury, kommuner},
};

pub async fn my_conflicts() -> Result<Option<DeclaredConflicts>, AppError> {
    let cx = Cx::new(Access::Juror, Action::ReviewRound)?;
    let viewer = &cx.viewer;
    let Some(round) = jurys_round(&cx).await? else { return Ok(None) };
    let settings = settings_of(cx.db(), &round).await?;
    let mut conn = cx.db().conn().await?;
    let declared = jury::conflicts_in_round(&mut conn, &round.id)
        .await?
        .into_iter()
        .filter(|c| c.user_id == viewer.user_id)
        .map(declared_jav)
        .collect();
    Ok(Some(DeclaredConflicts {
        phase: review_phase(round.state, settings.closed_at, cx.now),
        round_id: round.id,
        round_title: round.title,
        declared,
        employer: jury::employer_of(&mut conn, &viewer.user_id).await?,
        lans: kommuner::lans(&mut conn).await?,
    }))
}

pub async fn save_employer(kind: String, kommun: String, region: String, organisation: String) -> FormReply {
    let problems = Problems::new(FormId::Employer)
        .keep("employer_kind", &kind)
        .keep("employer_kommun", &kommun)
        .keep("employer_region", &region)
        .keep("employer_organisation", &organisation);
    let page = format!("{JURY_PAGE}/jav");
    run(&page.clone(), problems.clone(), async move {
        let cx = Cx::new(Access::Juror, Action::ReviewRound)?;
        let viewer = &cx.viewer;
        let all = kommuner::list(&mut *cx.db().conn().await?).await?;
        let lans = kommuner::lans(&mut *cx.db().conn().await?).await?;
        let employer = match checked_employer(&kind, &kommun, &region, &organisation, &all, &lans) {
            Ok(employer) => employer,
            Err((field, problem)) => {
                let mut problems = problems;
                problems.add(field, Problem::Employer(problem));
                return Ok(Err(problems));
            }
        };
        let mut tx = cx.db().begin_write().await?;
        jury::set_employer(&mut tx, &viewer.user_id, employer.as_ref()).await?;
        tx.commit().await?;
        tracing::info!(user = %viewer.user_id, kind = employer.as_ref().map_or("ingen", Employer::kind), "employer saved");
        Ok(Ok(done_href(&page, Done::EmployerSaved)))
    })
    .await
}

/// Records the juror's answer to the probable jäv on `application`'s kommun;
/// "jäv" also declares it, so the juror is left out as with any jäv.
pub async fn answer_flag(application: String, answer: String, reason: String) -> FormReply {
    let mut problems = Problems::new(FormId::AnswerFlag).keep("answer", &answer).keep("reason", &reason);
    let back = review_href(&application);
    run(&back, problems.clone(), async move {
        let page = review_href(&application);
        let cx = Cx::new(Access::Juror, Action::ReviewRound)?;
        let viewer = &cx.viewer;
        let (work, entry) = reviewable(&cx, &application).await?;
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
        let now = cx.now;
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
        let mut tx = cx.db().begin_write().await?;
        // A second press of the button, or another tab, finds it answered: nothing more to record.
        if !jury::answer_flag(&mut tx, &work.round.id, &record).await? {
            return Ok(Ok(page));
        }
        if conflicted {
            jury::declare_conflict(&mut tx, &work.round.id, &viewer.user_id, &entry.kommun_kod, &reason, now).await?;
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
        Ok(Ok(if conflicted {
            done_href(JURY_PAGE, Done::ConflictConfirmed)
        } else {
            done_href(&page, Done::ConflictDismissed)
        }))
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
    DeclaredJav { juror: c.juror_name, kommun: c.kommun, reason: c.reason, declared_local: to_stockholm(c.declared_at) }
}

pub async fn declare_conflict(round: String, kommun: String, reason: String) -> FormReply {
    let mut problems = Problems::new(FormId::DeclareConflict).keep("kommun", &kommun).keep("reason", &reason);
    let page = format!("{JURY_PAGE}/jav");
    run(&page.clone(), problems.clone(), async move {
        let cx = Cx::new(Access::Juror, Action::ReviewRound)?;
        let viewer = &cx.viewer;
        sits_on(viewer, &round)?;
        let all: Vec<Kommun> = kommuner::list(&mut *cx.db().conn().await?).await?;
        let chosen = problems.check("kommun", choose(&kommun, &all).map_err(Problem::Kommun)).cloned();
        let reason = crate::domain::application::clean_line(&reason);
        if reason.is_empty() {
            problems.add("reason", Problem::Review(ReviewProblem::Empty));
        } else if reason.chars().count() > 200 {
            problems.add("reason", Problem::Review(ReviewProblem::TooLong { max: 200 }));
        }
        let (Some(kommun), true) = (chosen, problems.is_empty()) else { return Ok(Err(problems)) };
        let mut tx = cx.db().begin_write().await?;
        jury::declare_conflict(&mut tx, &round, &viewer.user_id, kommun.kod.as_str(), &reason, cx.now).await?;
        tx.commit().await?;
        tracing::info!(user = %viewer.user_id, kommun = %kommun.kod.as_str(), "jäv declared");
        Ok(Ok(done_href(&page, Done::ConflictDeclared)))
    })
    .await
}
