//! A request's context for the server functions: who asks, the portal's state, one
//! clock reading for the whole request, and the actor the log names. `Cx::acting`
//! names the action a server function performs around its work with the database:
//! each statement runs inside the action's span, so the log (and the tests' query
//! counts) say which action it belongs to.

use crate::{
    auth,
    domain::{
        access::{Access, Viewer},
        policy::{self, Action, Object, Refused},
    },
    error::AppError,
    state::{self, AppState},
    storage::audit::Actor,
};
use chrono::{DateTime, Utc};
use tracing::Instrument;

pub struct Cx {
    pub viewer: Viewer,
    pub state: AppState,
    /// The request's one reading of the clock: every rule it asks is judged at the same instant.
    pub now: DateTime<Utc>,
}

impl Cx {
    /// The person asking, if the role table (`access`) lets them call at all.
    pub fn new(access: Access) -> Result<Cx, AppError> {
        let viewer = auth::require(access)?;
        let state = state::state()?;
        let now = state.clock.now();
        Ok(Cx { viewer, state, now })
    }

    pub async fn acting<T>(&self, action: Action, work: impl Future<Output = T>) -> T {
        work.instrument(tracing::info_span!("action", ?action)).await
    }

    /// May the viewer do `action` to `object` (`domain::policy`)?
    pub fn decide(&self, action: Action, object: &Object<'_>) -> Result<(), Refused> {
        let decided = policy::decide(&self.viewer, action, object);
        if decided == Err(Refused::Forbidden) {
            tracing::warn!(user = %self.viewer.user_id, ?action, "refused");
        }
        decided
    }

    pub fn actor(&self) -> Actor<'_> {
        Actor { user_id: Some(&self.viewer.user_id), name: &self.viewer.name }
    }
}
