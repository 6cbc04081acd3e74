//! The jury's start page and the organisers' print packet.

use super::{ssr::*, *};
use crate::{
    api::cx::Cx,
    domain::{access::Access, account::Role, deadline::to_stockholm, policy::Action, swedish::collate},
    storage::{rounds, seed::EHALSOKOMMUN},
};

pub async fn home(lan: Option<String>, status: Option<String>, sort: Option<String>) -> Result<JuryStart, AppError> {
    let cx = Cx::new(Access::Jury, Action::ReviewRound)?;
    let viewer = &cx.viewer;
    let round_ids = if viewer.role == Role::Organiser {
        rounds::titles(&mut *cx.db().conn().await?).await?.into_iter().map(|(id, _)| id).collect()
    } else {
        viewer.jury_rounds.clone()
    };
    let wanted_status = status.as_deref().and_then(Progress::from_code);
    let lan = lan.filter(|l| !l.is_empty());
    let mut out = Vec::new();
    for id in round_ids {
        if sits_on(viewer, &id).is_err() {
            continue;
        }
        let Some(round) = rounds::find(&mut *cx.db().conn().await?, &id).await? else { continue };
        let work = round_work(&cx, round).await?;
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

/// The jury packet: for organisers, every submitted application once the review has begun.
pub async fn packet() -> Result<Option<PrintPacket>, AppError> {
    let cx = Cx::manager()?;
    let Some(round) = cx.db().current_round(EHALSOKOMMUN).await? else { return Ok(None) };
    let work = round_work(&cx, round).await?;
    let mut texts = Vec::with_capacity(work.entries.len());
    for entry in &work.entries {
        texts.push(submitted_text(&cx, &work, entry).await?);
    }
    Ok(Some(PrintPacket { round_title: work.round.title.clone(), texts }))
}
