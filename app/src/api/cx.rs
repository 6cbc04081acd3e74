//! A request's context for the server functions: who asks, one clock reading for the
//! whole request, the actor the log names, and the database. A server function reaches
//! the database only through a `Cx`, and makes one only by naming what it does
//! (`policy::Doing`): from then on the request's span carries the action, so every log
//! line and every statement of the request says which action it belongs to.

use crate::{
    auth::{self, password::PasswordHasher},
    config::Settings,
    domain::{
        access::{Access, Viewer},
        policy::{self, Action, Doing, Object, OwnAction, Refused},
    },
    error::AppError,
    state::AppState,
    storage::{Db, audit::Actor},
};
use chrono::{DateTime, Utc};
use leptos::prelude::use_context;

/// `V` is the person asking: a `Viewer` where the role table requires one to be
/// signed in, an `Option<Viewer>` on the public pages and the way into an account.
#[derive(Clone)]
pub struct Cx<V = Viewer> {
    pub viewer: V,
    /// The request's one reading of the clock: every rule it asks is judged at the same instant.
    pub now: DateTime<Utc>,
    state: AppState,
}

/// A call anyone may make, signed in or not.
pub type Anyone = Cx<Option<Viewer>>;

/// The portal's state, which only this module takes from the Leptos context.
fn state() -> Result<AppState, AppError> {
    use_context::<AppState>().ok_or_else(|| {
        tracing::error!("AppState missing from the Leptos context");
        AppError::Internal
    })
}

/// Whether the portal is served over HTTPS (and so its cookies are `Secure`):
/// for the forms' echo, which reaches no database.
pub fn uses_https() -> bool {
    state().is_ok_and(|s| s.settings.uses_https())
}

/// How long a form's typed text waits for the page it is sent back to.
const ECHO_KEPT: chrono::Duration = chrono::Duration::seconds(60);

/// Keeps what a person typed into a form sent back with problems, when a cookie
/// cannot hold it (`api::form::finish`); `false` when too many wait already. With
/// `typed_text`, the one way to the database that names no action: it belongs to
/// no server function but to every form's way back, and reaches that one table only.
pub(crate) async fn keep_typed_text(id_hash: &str, problems: &str) -> Result<bool, AppError> {
    let state = state()?;
    let now = state.clock.now();
    let mut conn = state.db.conn().await?;
    Ok(crate::storage::form_echoes::keep(&mut conn, id_hash, problems, now, now + ECHO_KEPT).await?)
}

/// What `keep_typed_text` kept under `id_hash`, within its minute.
pub(crate) async fn typed_text(id_hash: &str) -> Option<String> {
    let state = state().ok()?;
    let mut conn = state.db.conn().await.ok()?;
    crate::storage::form_echoes::find(&mut conn, id_hash, state.clock.now()).await.ok().flatten()
}

fn named<V>(viewer: V, doing: Doing) -> Result<Cx<V>, AppError> {
    Ok(named_in(state()?, viewer, doing))
}

fn named_in<V>(state: AppState, viewer: V, doing: Doing) -> Cx<V> {
    tracing::Span::current().record("action", tracing::field::display(doing));
    Cx { viewer, now: state.clock.now(), state }
}

impl Cx {
    /// The person asking, if the role table (`access`) lets them call at all, doing `action`.
    pub fn new(access: Access, action: impl Into<Doing>) -> Result<Cx, AppError> {
        named(auth::require(access)?, action.into())
    }

    /// An organiser who may manage rounds, people and the portal's settings.
    pub fn manager() -> Result<Cx, AppError> {
        named(auth::require_manager()?, Action::ManageRound.into())
    }

    /// For the portal's handlers outside Leptos (the organisers' downloads): the
    /// person the guard found, if they may manage.
    pub fn manager_in(state: AppState, viewer: Viewer) -> Result<Cx, AppError> {
        policy::decide(&viewer, Action::ManageRound, &Object::Organising).map_err(|_| AppError::Forbidden)?;
        Ok(named_in(state, viewer, Action::ManageRound.into()))
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

impl Anyone {
    pub fn anyone(action: OwnAction) -> Result<Anyone, AppError> {
        named(auth::viewer(), action.into())
    }
}

impl<V> Cx<V> {
    pub fn db(&self) -> &Db {
        &self.state.db
    }

    pub fn settings(&self) -> &Settings {
        &self.state.settings
    }

    pub fn hasher(&self) -> &PasswordHasher {
        &self.state.hasher
    }
}
