//! The application as its page shows it, and a submission as it was sent.

use super::{ssr::*, *};
use crate::{
    api::cx::Cx,
    auth::secret,
    domain::{
        access::Access,
        application::{Life, deadline_for, limit, parts, submit_problems},
        policy::{self, Action, Object},
    },
    storage::{applications, extensions, seed::EHALSOKOMMUN, submissions, users},
};

pub async fn my_application() -> Result<Option<ApplicationView>, AppError> {
    let cx = Cx::new(Access::Applicant, Action::ReadApplication)?;
    let viewer = &cx.viewer;
    let (kommun_kod, kommun) = kommun_of(viewer)?;
    let db = cx.db();
    let now = cx.now;
    let Some(round) = db.current_round(EHALSOKOMMUN).await? else { return Ok(None) };
    // Asked without `Cx::decide`: waiting is no refusal to log.
    let awaiting_approval = policy::decide(viewer, Action::ReadApplication, &Object::Kommun(&kommun_kod)).is_err();
    // A person waiting to be let in learns nothing of the kommun: not its deadline, not its people.
    let extension = match awaiting_approval {
        true => None,
        false => extensions::find(&mut *db.conn().await?, &round.id, &kommun_kod).await?,
    };
    let deadline = deadline_for(round.deadline, extension.as_ref().map(|e| e.deadline));
    let open_now = Life { status: Status::Draft, round_state: round.state, opens_at: round.opens_at, deadline }
        .may_edit(now)
        .is_ok();
    let application = if awaiting_approval {
        None
    } else if open_now {
        Some(applications::open(&mut *db.conn().await?, &round.id, &kommun_kod, now).await?)
    } else {
        applications::for_kommun(&mut *db.conn().await?, &round.id, &kommun_kod).await?
    };
    let status = application.as_ref().map_or(Status::Draft, |a| a.status);
    let life = Life { status, round_state: round.state, opens_at: round.opens_at, deadline };
    let mut view = ApplicationView {
        id: application.as_ref().map(|a| a.id.clone()),
        round_title: round.title.clone(),
        kommun,
        status,
        deadline_local: deadline.local(),
        extended: deadline != round.deadline,
        refusal: life.may_edit(now).err(),
        may_reopen: life.may_reopen(now).is_ok(),
        parts: Vec::new(),
        problems: Vec::new(),
        submissions: Vec::new(),
        last_saved_local: None,
        request_key: secret::new_token(),
        awaiting_approval,
        colleagues: match awaiting_approval {
            true => Vec::new(),
            false => users::colleagues(&mut *db.conn().await?, &kommun_kod)
                .await?
                .into_iter()
                .map(|u| Colleague { user_id: u.id, name: u.name, email: u.email, approved: u.approved })
                .collect(),
        },
    };
    let Some(application) = application else { return Ok(Some(view)) };

    let mut conn = db.pool().acquire().await?;
    let saved = applications::parts(&mut conn, &application.id).await?;
    drop(conn);
    let mut conflicts = applications::conflicts(&mut *db.conn().await?, &application.id, &viewer.user_id).await?;
    view.last_saved_local = saved.iter().map(|p| p.saved_at).max().map(local);
    view.problems =
        submit_problems(&round.sections, |part| saved.iter().find(|p| p.part == part).map_or("", |p| p.body.as_str()));
    view.parts = parts(&round.sections)
        .into_iter()
        .map(|part| {
            let section = round.sections.iter().find(|s| s.slug == part);
            let current = saved.iter().find(|p| p.part == part);
            let conflict = conflicts.iter().position(|c| c.part == part).map(|i| conflicts.swap_remove(i));
            PartView {
                part: part.to_owned(),
                title: section.map(|s| s.title.clone()).unwrap_or_default(),
                guidance: section.map(|s| s.guidance.clone()).unwrap_or_default(),
                limit: limit(&round.sections, part).unwrap_or_default(),
                version: current.map_or(0, |p| p.version),
                body: current.map(|p| p.body.clone()).unwrap_or_default(),
                saved_by: current.map(|p| p.saved_by_name.clone()),
                saved_local: current.map(|p| local(p.saved_at)),
                conflict: conflict.map(|c| EditConflict {
                    my_text: c.body,
                    my_base: c.base_version,
                    kept_local: local(c.saved_at),
                }),
            }
        })
        .collect();
    view.submissions =
        submissions::list(&mut *db.conn().await?, &application.id).await?.into_iter().map(summary).collect();
    Ok(Some(view))
}

pub(super) fn summary(s: submissions::Submission) -> SubmissionSummary {
    SubmissionSummary {
        number: s.number,
        reference: s.reference,
        submitted_local: local(s.submitted_at),
        submitted_by: s.submitted_by_name,
    }
}

pub async fn submission(number: i64) -> Result<Option<SubmissionView>, AppError> {
    let cx = Cx::new(Access::Applicant, Action::ReadApplication)?;
    let (kommun_kod, kommun) = kommun_of(&cx.viewer)?;
    if cx.decide(Action::ReadApplication, &Object::Kommun(&kommun_kod)).is_err() {
        return Err(AppError::Forbidden);
    }
    let db = cx.db();
    let Some(round) = db.current_round(EHALSOKOMMUN).await? else { return Ok(None) };
    let Some(application) = applications::for_kommun(&mut *db.conn().await?, &round.id, &kommun_kod).await? else {
        return Ok(None);
    };
    let Some((found, copy)) = submissions::find(&mut *db.conn().await?, &application.id, number).await? else {
        return Ok(None);
    };
    let latest = submissions::next_number(&mut *db.pool().acquire().await?, &application.id).await? - 1;
    let parts = parts(&round.sections)
        .into_iter()
        .map(|part| {
            let title = round.sections.iter().find(|s| s.slug == part).map(|s| s.title.clone()).unwrap_or_default();
            let body = copy.iter().find(|(p, _)| p == part).map(|(_, b)| b.clone()).unwrap_or_default();
            (title, part.to_owned(), body)
        })
        .collect();
    Ok(Some(SubmissionView {
        is_latest: found.number == latest,
        summary: summary(found),
        round_title: round.title,
        kommun,
        parts,
    }))
}
