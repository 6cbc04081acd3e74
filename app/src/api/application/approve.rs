//! Letting an applicant act for their kommun, and taking that away.

use super::*;
use crate::{
    api::{
        cx::Cx,
        form::{Done, FormId, Problems, done_href, run},
    },
    auth,
    domain::{
        access::Access,
        kommun::Kommunkod,
        policy::{Action, Object},
    },
    mail::messages,
    storage::{audit, kommuner, mail_queue, users},
};

pub async fn approve(user: String, approve: bool) -> FormReply {
    let problems = Problems::new(if approve { FormId::ApproveMember } else { FormId::RemoveMember });
    let viewer = auth::viewer();
    let back = match viewer.as_ref().map(|v| v.role) {
        Some(crate::domain::account::Role::Organiser) => "/arrangor/personer".to_owned(),
        _ => format!("{APPLICATION_PAGE}#kollegor"),
    };
    run(&back.clone(), problems, async move {
        let cx = Cx::new(Access::SignedIn, if approve { Action::ApproveApplicant } else { Action::ManageRound })?;
        let target = users::find(&mut *cx.db().conn().await?, &user).await?.ok_or(AppError::NotFound)?;
        let kommun = target.kommun_kod.as_deref().ok_or(AppError::NotFound)?;
        let allowed = match approve {
            true => cx.decide(Action::ApproveApplicant, &Object::Kommun(kommun)),
            false => cx.decide(Action::ManageRound, &Object::Organising),
        };
        if allowed.is_err() || target.id == cx.viewer.user_id {
            return Err(AppError::Forbidden);
        }
        let now = cx.now;
        let mut tx = cx.db().begin_write().await?;
        users::set_approved(&mut tx, &target.id, approve.then_some(now)).await?;
        let detail = if approve { "Godkände" } else { "Tog bort" };
        let detail = format!("{detail} {} ({}) som sökande för sin kommun", target.name, target.email);
        audit::record(&mut tx, cx.actor(), None, "behorighet", &detail, now).await?;
        // Told once per approval, not per click: approving one already approved sends nothing;
        // an address never confirmed may not be theirs, and is not written to.
        if approve && !target.approved && target.email_confirmed {
            let kommun_kod = Kommunkod::parse(kommun).map_err(|_| AppError::Internal)?;
            let name = kommuner::find(&mut tx, &kommun_kod).await?.map(|k| k.namn).unwrap_or_default();
            let mail = messages::applicant_approved(&target.email, &target.name, &cx.settings().base_url, &name);
            mail_queue::enqueue(&mut tx, &mail, now).await?;
        }
        tx.commit().await?;
        tracing::info!(user = %target.id, by = %cx.viewer.user_id, approve, "kommun membership changed");
        let done = if approve { Done::MemberApproved } else { Done::MemberRemoved };
        Ok(Ok(done_href(&back, done)))
    })
    .await
}
