//! Server-side sessions: the cookie holds a random id, the database its hash,
//! so every portal instance sees the same sessions and log-out ends one for good.

use super::secret::{hash_token, is_token_shaped, new_token};
use crate::{
    cookies,
    domain::access::Viewer,
    state::AppState,
    storage::{self, Db},
};
use axum::{
    extract::{Request, State},
    middleware::Next,
    response::Response,
};
use chrono::{DateTime, Duration, Utc};
use http::{HeaderValue, header};
use sqlx::AnyConnection;

pub const SESSION_COOKIE: &str = "portal_session";
/// A session unused this long has ended.
pub const IDLE_TIMEOUT: Duration = Duration::hours(2);
/// A session ends this long after log-in, however busy.
pub const ABSOLUTE_TIMEOUT: Duration = Duration::hours(12);
/// Last use is written at most this often, to spare the database a write per request.
const TOUCH_EVERY: Duration = Duration::minutes(1);

/// The session behind the current request: its hash, for log-out and for
/// ending the person's other sessions.
#[derive(Debug, Clone)]
pub struct CurrentSession {
    pub id_hash: String,
}

/// Starts a session for `user_id` and returns the cookie value to send.
pub async fn start(conn: &mut AnyConnection, user_id: &str, now: DateTime<Utc>) -> Result<String, sqlx::Error> {
    let id = new_token();
    storage::sessions::create(conn, &hash_token(&id), user_id, now).await?;
    Ok(id)
}

pub fn cookie(id: &str, secure: bool) -> String {
    cookies::set(SESSION_COOKIE, id, true, secure, None)
}

pub fn removal_cookie(secure: bool) -> String {
    cookies::set(SESSION_COOKIE, "", true, secure, Some(0))
}

pub fn is_live(created_at: DateTime<Utc>, last_seen_at: DateTime<Utc>, now: DateTime<Utc>) -> bool {
    now - last_seen_at < IDLE_TIMEOUT && now - created_at < ABSOLUTE_TIMEOUT
}

enum Resolved {
    Live(Viewer, CurrentSession),
    /// A cookie for a session that has ended: the browser should forget it.
    Stale,
}

async fn resolve(db: &Db, id: &str, now: DateTime<Utc>) -> Result<Resolved, sqlx::Error> {
    if !is_token_shaped(id) {
        return Ok(Resolved::Stale);
    }
    let id_hash = hash_token(id);
    let Some(session) = storage::sessions::find(&mut *db.conn().await?, &id_hash).await? else {
        return Ok(Resolved::Stale);
    };
    if !is_live(session.created_at, session.last_seen_at, now) {
        storage::sessions::delete(&mut *db.pool().acquire().await?, &id_hash).await?;
        return Ok(Resolved::Stale);
    }
    let Some(viewer) = storage::sessions::viewer(&mut *db.conn().await?, &session.user_id).await? else {
        return Ok(Resolved::Stale);
    };
    if now - session.last_seen_at >= TOUCH_EVERY {
        storage::sessions::touch(&mut *db.conn().await?, &id_hash, now).await?;
    }
    Ok(Resolved::Live(viewer, CurrentSession { id_hash }))
}

/// Middleware: puts the logged-in person (`Viewer`) and their session into the
/// request's extensions, and tells the browser to drop a cookie that no
/// longer opens a session.
pub async fn resolve_session(State(state): State<AppState>, mut request: Request, next: Next) -> Response {
    let id = request
        .headers()
        .get(header::COOKIE)
        .and_then(|v| v.to_str().ok())
        .and_then(|h| cookies::portal_value(h, SESSION_COOKIE, state.settings.uses_https()))
        .map(str::to_owned);
    let mut forget = false;
    if let Some(id) = id.filter(|id| !id.is_empty()) {
        match resolve(&state.db, &id, state.clock.now()).await {
            Ok(Resolved::Live(viewer, session)) => {
                request.extensions_mut().insert(viewer);
                request.extensions_mut().insert(session);
            }
            Ok(Resolved::Stale) => forget = true,
            // Not "logged out": the guard tells them the service is down for a while.
            Err(err) => {
                tracing::error!(error = %err, "session lookup failed");
                request.extensions_mut().insert(super::guard::SessionUnavailable);
            }
        }
    }
    let mut response = next.run(request).await;
    if forget && let Ok(value) = HeaderValue::from_str(&removal_cookie(state.settings.uses_https())) {
        response.headers_mut().append(header::SET_COOKIE, value);
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> DateTime<Utc> {
        s.parse().unwrap()
    }

    #[test]
    fn a_session_ends_after_two_idle_hours_or_twelve_in_all() {
        let login = t("2027-03-01T08:00:00Z");
        assert!(is_live(login, login, t("2027-03-01T09:59:00Z")));
        assert!(!is_live(login, login, t("2027-03-01T10:00:00Z")), "idle for 2 h");
        assert!(is_live(login, t("2027-03-01T19:30:00Z"), t("2027-03-01T19:59:00Z")));
        assert!(!is_live(login, t("2027-03-01T19:59:00Z"), t("2027-03-01T20:00:00Z")), "12 h after log-in");
    }
}
