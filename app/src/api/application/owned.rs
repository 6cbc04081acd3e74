//! An application as its kommun's applicant holds it: loaded, checked, and asked of the policy.

use super::*;
use crate::{
    api::{
        cx::Cx,
        form::{ApplyProblem, Problems},
    },
    domain::{
        access::{Access, Viewer},
        application::{Life, deadline_for},
        deadline::to_stockholm,
        policy::{Action, Object, Refused},
        round::Round,
    },
    storage::{
        applications::{self, Application, Writer},
        extensions, rounds,
    },
};
use chrono::{DateTime, Utc};

/// The viewer's kommun: an applicant always has one.
pub(super) fn kommun_of(viewer: &Viewer) -> Result<(String, String), AppError> {
    viewer.kommun.clone().ok_or(AppError::Forbidden)
}

/// An application the viewer may act for, with its round and this
/// kommun's life rules (status as stored, deadline with any extension).
pub struct Owned {
    pub cx: Cx,
    pub application: Application,
    pub round: Round,
    pub deadline: crate::domain::deadline::Deadline,
}

impl Owned {
    pub fn life(&self, status: Status) -> Life {
        Life { status, round_state: self.round.state, opens_at: self.round.opens_at, deadline: self.deadline }
    }
    /// The policy on `action` to this application in `status`, now: `Err` for one who
    /// may not at all, `Ok(Err)` with the reason when not now.
    pub fn may(&self, action: Action, status: Status, now: DateTime<Utc>) -> Result<Result<(), Refusal>, AppError> {
        let object = Object::Application { kommun: &self.application.kommun_kod, life: self.life(status), now };
        match self.cx.decide(action, &object) {
            Ok(()) => Ok(Ok(())),
            Err(Refused::Application(refusal)) => Ok(Err(refusal)),
            Err(_) => Err(AppError::Forbidden),
        }
    }

    pub(super) fn writer(&self) -> Writer<'_> {
        Writer { user_id: &self.cx.viewer.user_id, name: &self.cx.viewer.name }
    }
}

/// Loads an application by id, to do `action` to it, and refuses it to anyone but its kommun's applicants.
pub async fn owned(id: &str, action: Action) -> Result<Owned, AppError> {
    let cx = Cx::new(Access::Applicant, action)?;
    let application = applications::find(&mut *cx.db().conn().await?, id).await?.ok_or(AppError::NotFound)?;
    let round = rounds::find(&mut *cx.db().conn().await?, &application.round_id).await?.ok_or(AppError::NotFound)?;
    let extension = extensions::find(&mut *cx.db().conn().await?, &round.id, &application.kommun_kod).await?;
    let deadline = deadline_for(round.deadline, extension.map(|e| e.deadline));
    let owned = Owned { cx, application, round, deadline };
    // Another kommun's application: refused (and logged) by the policy.
    owned.may(Action::ReadApplication, owned.application.status, owned.cx.now)?.map_err(|_| AppError::Forbidden)?;
    Ok(owned)
}

pub(super) fn local(at: DateTime<Utc>) -> NaiveDateTime {
    to_stockholm(at)
}

pub(super) fn refused(mut problems: Problems, problem: ApplyProblem) -> Problems {
    problems.add("", problem);
    problems
}
