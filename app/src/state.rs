//! What every request handler on the server can reach. Server functions reach it
//! only through `api::cx::Cx`, which asks them first what they do.

use crate::{auth::password::PasswordHasher, config::Settings, storage::Db};
use axum::extract::FromRef;
use chrono::{DateTime, Utc};
use leptos::prelude::*;
use std::sync::Arc;

#[derive(Clone)]
pub struct AppState {
    /// Shared: the state is cloned several times a request (each layer, each server function).
    pub leptos_options: Arc<LeptosOptions>,
    /// The stylesheet's address, named by its content's hash: read at start, as the
    /// files it names are (`server::assets`).
    pub stylesheet: Arc<str>,
    pub db: Db,
    pub settings: Arc<Settings>,
    pub clock: Clock,
    pub hasher: PasswordHasher,
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        (*state.leptos_options).clone()
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
