//! What every request handler and server function on the server can reach.

use crate::{auth::password::PasswordHasher, config::Settings, error::AppError, storage::Db};
use axum::extract::FromRef;
use chrono::{DateTime, Utc};
use leptos::prelude::*;
use std::sync::Arc;

#[derive(Clone)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub db: Db,
    pub settings: Arc<Settings>,
    pub clock: Clock,
    pub hasher: PasswordHasher,
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos_options.clone()
    }
}

/// The server's clock, which alone decides whether a deadline has passed.
/// Tests fix it to a moment; the portal runs on the system clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Clock {
    System,
    Fixed(DateTime<Utc>),
}

impl Clock {
    pub fn now(self) -> DateTime<Utc> {
        match self {
            Clock::System => Utc::now(),
            Clock::Fixed(at) => at,
        }
    }
}

pub fn state() -> Result<AppState, AppError> {
    use_context::<AppState>().ok_or_else(|| {
        tracing::error!("AppState missing from the Leptos context");
        AppError::Internal
    })
}

/// The database, from inside a server function or a server-side render.
pub fn db() -> Result<Db, AppError> {
    state().map(|s| s.db)
}

/// The current time on the server's clock, from inside a server function.
pub fn now() -> Result<DateTime<Utc>, AppError> {
    state().map(|s| s.clock.now())
}
