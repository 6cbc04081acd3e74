//! The jury's shortlist.

use super::{ssr::*, *};
use crate::{
    api::cx::Cx,
    domain::{access::Access, account::Role, policy::Action, swedish::collate},
    storage::deliberation,
};

pub async fn shortlist() -> Result<Option<ShortlistView>, AppError> {
    let cx = Cx::new(Access::Jury, Action::ReviewRound)?;
    let viewer = &cx.viewer;
    let Some(round) = jurys_round(&cx).await? else { return Ok(None) };
    let work = round_work(&cx, round).await?;
    let marks = deliberation::marks_in_round(&mut *cx.db().conn().await?, &work.round.id).await?;
    let mut rows: Vec<ShortlistRow> = work
        .entries
        .iter()
        .map(|e| {
            let view = work.view_for(viewer, e);
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
