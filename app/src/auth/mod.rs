//! Who is asking, and what they may do: passwords, sessions, CSRF, and the
//! access table every request passes (`guard`). The rules themselves are in
//! `domain::access`.

pub mod client;
pub mod csrf;
pub mod guard;
pub mod password;
pub mod secret;
pub mod session;

use crate::{
    domain::{
        access::{Access, Denied, Viewer, check},
        policy::{self, Action, Object},
    },
    error::AppError,
};
use leptos::prelude::use_context;

fn request_parts() -> Option<http::request::Parts> {
    use_context::<http::request::Parts>()
}

/// The logged-in person behind the request being handled, if any.
pub fn viewer() -> Option<Viewer> {
    request_parts()?.extensions.get::<Viewer>().cloned()
}

/// The logged-in person, if `access` lets them in; else the reason, as an error.
pub fn require(access: Access) -> Result<Viewer, AppError> {
    let viewer = viewer();
    match check(access, viewer.as_ref()) {
        Ok(()) => viewer.ok_or(AppError::NotSignedIn),
        Err(Denied::NotSignedIn) => Err(AppError::NotSignedIn),
        Err(Denied::Forbidden) => Err(AppError::Forbidden),
    }
}

/// An organiser who may manage rounds, people and invitations; else the reason, as an error.
pub fn require_manager() -> Result<Viewer, AppError> {
    let viewer = require(Access::Organiser)?;
    match policy::decide(&viewer, Action::ManageRound, &Object::Organising) {
        Ok(()) => Ok(viewer),
        Err(_) => Err(AppError::Forbidden),
    }
}

/// The session behind the request, for log-out.
pub fn current_session() -> Option<session::CurrentSession> {
    request_parts()?.extensions.get::<session::CurrentSession>().cloned()
}

/// The request's CSRF token, for the forms a page renders.
pub fn csrf_token() -> Option<String> {
    request_parts()?.extensions.get::<csrf::CsrfToken>().map(|t| t.0.clone())
}

/// The key the client's requests are counted under (`client::limit_key`: its address
/// through trusted proxies, an IPv6 client by its /64), for throttling.
pub fn client_key() -> Option<String> {
    request_parts()?.extensions.get::<client::ClientAddr>().map(|c| client::limit_key(c.0))
}
