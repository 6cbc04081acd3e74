//! Counting anonymous requests against `domain::throttle`'s rules, and work that
//! must not tell by its timing what it found.

use crate::{domain::throttle::Rule, error::AppError, storage::Db};
use chrono::{DateTime, Duration, Utc};

/// Counts one request under `key` if `rule` admits it; else how long to wait.
/// Events share `login_failures` with failed log-ins (kept a day, by key).
pub async fn admit(db: &Db, key: &str, rule: Rule, now: DateTime<Utc>) -> Result<Result<(), Duration>, AppError> {
    let decide = |recent: &[DateTime<Utc>]| rule.wait(recent, now).map_or(Ok(()), Err);
    Ok(crate::storage::login_failures::admit(db, key, now - rule.window, now, decide).await?)
}

/// How long the client must wait before another anonymous request of kind
/// `what`, if `rule` refuses it; counts it otherwise. Keyed by the client's
/// address (through a trusted proxy, the one it forwarded).
pub async fn client_over(db: &Db, what: &str, rule: Rule, now: DateTime<Utc>) -> Result<Option<Duration>, AppError> {
    let Some(ip) = crate::auth::client_key() else { return Ok(None) };
    Ok(admit(db, &format!("{what}:{ip}"), rule, now).await?.err())
}

/// The work started after an answer, so that a stopping portal finishes it first.
fn after_replies() -> &'static tokio_util::task::TaskTracker {
    static TRACKER: std::sync::OnceLock<tokio_util::task::TaskTracker> = std::sync::OnceLock::new();
    TRACKER.get_or_init(tokio_util::task::TaskTracker::new)
}

/// Waits for the work started after answers: a portal stopping gracefully does not
/// drop a sign-up or a reset it has already said yes to.
pub async fn finish_after_replies() {
    let tracker = after_replies();
    tracker.close();
    tracker.wait().await;
}

/// Runs `work` after the answer has gone: for requests whose answer must be the
/// same, in words and in time, whether or not an address has an account (reset,
/// sign-up). A failure is logged; the person was told only what any visitor is.
pub fn after_reply(what: &'static str, work: impl Future<Output = Result<(), AppError>> + Send + 'static) {
    after_replies().spawn(async move {
        match work.await {
            Ok(()) => tracing::debug!(what, "work after the answer done"),
            Err(error) => tracing::error!(?error, what, "work after the answer failed"),
        }
    });
}
