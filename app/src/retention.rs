//! The scheduled gallring: once at start and every hour beside the mail
//! worker, on the server's clock, it removes or anonymises what the rules in
//! `domain::retention` say is due, in one transaction, and records what it did
//! (`retention_runs`, the audit log, tracing). The dry run shown to organisers
//! is the same sweep without the changes.

use crate::{
    auth::session::{ABSOLUTE_TIMEOUT, IDLE_TIMEOUT},
    domain::retention::{DEFAULT_PERIODS, Item, Lifetimes, PORTAL_ACTOR, Periods, cutoffs},
    i18n::Locale,
    mail::messages,
    state::Clock,
    storage::{
        Backend, Db,
        audit::{self, Actor},
        mail_queue,
        retention::{self, Run},
    },
};
use chrono::{DateTime, Utc};
use tokio::sync::watch;

/// The lives the code gives sessions and e-mailed links.
pub fn lifetimes() -> Lifetimes {
    use crate::api::{
        account::ssr::{CONFIRM_VALID, RESET_VALID},
        organiser::people::ssr::INVITATION_VALID,
    };
    Lifetimes {
        session_idle_hours: IDLE_TIMEOUT.num_hours(),
        session_absolute_hours: ABSOLUTE_TIMEOUT.num_hours(),
        confirm_link_hours: CONFIRM_VALID.num_hours(),
        reset_link_hours: RESET_VALID.num_hours(),
        invitation_days: INVITATION_VALID.num_days(),
    }
}

/// The organisers' periods, or the defaults.
pub async fn periods(db: &Db) -> Result<Periods, sqlx::Error> {
    Ok(retention::periods(&mut *db.conn().await?).await?.unwrap_or(DEFAULT_PERIODS))
}

/// What a run at `now` would remove, changing nothing.
pub async fn dry_run(db: &Db, now: DateTime<Utc>) -> Result<Vec<Item>, sqlx::Error> {
    let periods = periods(db).await?;
    let mut conn = db.pool().acquire().await?;
    Ok(retention::sweep(&mut conn, periods, &cutoffs(periods, lifetimes(), now), false).await?.0)
}

/// The run's record: one line per item, with kommuner but never people.
pub fn summary(items: &[Item]) -> String {
    let r = Locale::Sv.texts().ret;
    items.iter().map(|item| (r.log_line)(item)).collect::<Vec<_>>().join("\n")
}

/// Removes what is due at `now`; answers what went. Each person whose account
/// goes is told why (`base_url` for the link to the privacy notice).
pub async fn run_due(db: &Db, base_url: &str, now: DateTime<Utc>) -> Result<Vec<Item>, sqlx::Error> {
    let periods = periods(db).await?;
    let mut tx = db.begin_write().await?;
    if db.backend() == Backend::Postgres {
        // Two portals on one database take turns, as BEGIN IMMEDIATE makes them
        // on SQLite: the second then finds nothing left, not the same rows twice.
        sqlx::query("SELECT pg_advisory_xact_lock(7384001)").execute(&mut *tx).await?;
    }
    let (items, accounts) = retention::sweep(&mut tx, periods, &cutoffs(periods, lifetimes(), now), true).await?;
    if items.is_empty() {
        tx.rollback().await?;
        return Ok(items);
    }
    for account in accounts.iter().filter(|a| !a.blocked) {
        let mail = messages::account_removed_unused(&account.email, &account.name, base_url, periods.personal_months);
        mail_queue::enqueue(&mut tx, &mail, now).await?;
    }
    let summary = summary(&items);
    let count = items.iter().map(|i| i.count).sum();
    retention::record_run(&mut tx, &Run { ran_at: now, items: count, summary: summary.clone() }).await?;
    let actor = Actor { user_id: None, name: PORTAL_ACTOR };
    audit::record(&mut tx, actor, None, "gallring", &summary, now).await?;
    tx.commit().await?;
    for item in &items {
        tracing::info!(round = item.round.as_deref().unwrap_or("-"), step = ?item.step, count = item.count, "gallring");
    }
    Ok(items)
}

/// Runs until `stop` turns true: at once, then every hour.
pub async fn run(db: Db, base_url: String, clock: Clock, mut stop: watch::Receiver<bool>) {
    let mut tick = tokio::time::interval(std::time::Duration::from_secs(3600));
    loop {
        tokio::select! {
            _ = async { let _ = stop.wait_for(|stopped| *stopped).await; } => return,
            _ = tick.tick() => {
                if let Err(err) = run_due(&db, &base_url, clock.now()).await {
                    tracing::warn!(error = %err, "gallring: database error; trying again in an hour");
                }
            }
        }
    }
}
