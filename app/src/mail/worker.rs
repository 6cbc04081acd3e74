//! Delivers queued mail: claims what is due, sends it, records the outcome.

use super::{Transport, backoff};
use crate::{
    state::Clock,
    storage::{Db, mail_queue},
};
use chrono::Duration;
use tokio::sync::watch;

/// How long a claimed message stays reserved for the worker sending it.
const LEASE: i64 = 120;
const BATCH: i64 = 20;

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Delivery {
    pub sent: usize,
    pub failed: usize,
}

/// One pass over the due messages, checking `keep_going` between messages so
/// that a shutdown waits for at most one send.
pub async fn deliver_due(
    db: &Db,
    transport: &Transport,
    from: &str,
    clock: Clock,
    keep_going: impl Fn() -> bool,
) -> Result<Delivery, sqlx::Error> {
    let mut delivery = Delivery::default();
    while keep_going() {
        let batch = mail_queue::claim_due(&mut *db.conn().await?, clock.now(), Duration::seconds(LEASE), BATCH).await?;
        if batch.is_empty() {
            return Ok(delivery);
        }
        for queued in batch {
            if !keep_going() {
                // Unclaimed by the lease's end; the next start sends it.
                break;
            }
            match transport.send(from, &queued.id, &queued.mail).await {
                Ok(()) => {
                    mail_queue::mark_sent(&mut *db.conn().await?, &queued.id, clock.now()).await?;
                    delivery.sent += 1;
                }
                Err(err) => {
                    let retry_at = clock.now() + backoff(queued.attempts);
                    tracing::warn!(id = %queued.id, error = %err, %retry_at, "mail not delivered; will retry");
                    mail_queue::mark_failed(&mut *db.conn().await?, &queued.id, retry_at, &err.to_string()).await?;
                    delivery.failed += 1;
                }
            }
        }
    }
    Ok(delivery)
}

/// Runs until `stop` turns true, delivering every few seconds.
pub async fn run(db: Db, transport: Transport, from: String, clock: Clock, stop: watch::Receiver<bool>) {
    let mut tick = tokio::time::interval(std::time::Duration::from_secs(5));
    let mut stopped = stop.clone();
    loop {
        tokio::select! {
            _ = async { let _ = stopped.wait_for(|stopped| *stopped).await; } => return,
            _ = tick.tick() => {
                let keep_going = || !*stop.borrow();
                if let Err(err) = deliver_due(&db, &transport, &from, clock, keep_going).await {
                    tracing::warn!(error = %err, "mail worker: database error; trying again shortly");
                }
            }
        }
    }
}
