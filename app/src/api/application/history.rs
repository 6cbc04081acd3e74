//! A part's saved versions, and restoring one.

use super::{ssr::*, *};
use crate::{
    api::{
        cx::Cx,
        form::{ApplyProblem, Done, FormId, Problems, done_href, run},
    },
    domain::{access::Access, application::parts, policy::Action},
    storage::{applications, seed::EHALSOKOMMUN},
};

pub async fn history(part: String, version: Option<i64>) -> Result<Option<HistoryView>, AppError> {
    let cx = Cx::new(Access::Applicant, Action::ReadApplication)?;
    let (kommun_kod, _) = kommun_of(&cx.viewer)?;
    let db = cx.db();
    let Some(round) = db.current_round(EHALSOKOMMUN).await? else { return Ok(None) };
    if !parts(&round.sections).contains(&part.as_str()) {
        return Ok(None);
    }
    let Some(application) = applications::for_kommun(&mut *db.conn().await?, &round.id, &kommun_kod).await? else {
        return Ok(None);
    };
    let owned = owned(&application.id, Action::ReadApplication).await?;
    let versions: Vec<VersionSummary> = applications::history(&mut *db.conn().await?, &application.id, &part)
        .await?
        .into_iter()
        .map(|v| VersionSummary {
            version: v.version,
            chars: crate::domain::application::char_count(&v.body),
            saved_by: v.saved_by_name,
            saved_local: local(v.saved_at),
            body: v.body,
        })
        .collect();
    let shown = version.and_then(|n| versions.iter().find(|v| v.version == n).cloned());
    Ok(Some(HistoryView {
        application_id: application.id,
        title: round.sections.iter().find(|s| s.slug == part).map(|s| s.title.clone()).unwrap_or_default(),
        part,
        current_version: versions.first().map_or(0, |v| v.version),
        editable: owned.may(Action::EditApplication, owned.application.status, cx.now)?.is_ok(),
        // The list shows who and when; the text only of the version opened.
        versions: versions.into_iter().map(|v| VersionSummary { body: String::new(), ..v }).collect(),
        shown,
    }))
}

pub async fn restore(application: String, part: String, version: i64) -> FormReply {
    let problems = Problems::new(FormId::RestoreVersion);
    let page = format!("{APPLICATION_PAGE}/historik/{part}?version={version}");
    run(&page.clone(), problems.clone(), async move {
        let owned = owned(&application, Action::EditApplication).await?;
        let now = owned.cx.now;
        let db = owned.cx.db();
        let Some(old) = applications::version(db.pool(), &application, &part, version).await? else {
            return Ok(Err(refused(problems, ApplyProblem::UnknownVersion)));
        };
        let mut tx = db.begin_write().await?;
        let status = applications::lock(&mut tx, &application, now).await?.ok_or(AppError::NotFound)?;
        if let Err(refusal) = owned.may(Action::EditApplication, status, now)? {
            return Ok(Err(refused(problems, ApplyProblem::Refused(refusal))));
        }
        let current = applications::parts(&mut tx, &application).await?;
        let base = current.iter().find(|p| p.part == part).map_or(0, |p| p.version);
        // A conflict copy of the writer's stays: it is not a version and would be lost.
        applications::save_part(&mut tx, &application, &part, base, &old.body, &owned.writer(), now).await?;
        tx.commit().await?;
        Ok(Ok(done_href(&format!("{APPLICATION_PAGE}#del-{part}"), Done::VersionRestored)))
    })
    .await
}
