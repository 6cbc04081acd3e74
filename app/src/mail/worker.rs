//! Delivers queued mail: claims what is due, sends it, records the outcome.

use super::{Transport, backoff};
use crate::{
    state::Clock,
    storage::{Db, mail_queue},
};
use chrono::Duration;
use std::future::Future;

/// How long a claimed message stays reserved for the worker sending it.
const LEASE: i64 = 120;
const BATCH: i64 = 20;

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Delivery {
    pub sent: usize,
    pub failed: usize,
}

/// One pass over the due messages.
pub async fn deliver_due(db: &Db, transport: &Transport, from: &str, clock: Clock) -> Result<Delivery, sqlx::Error> {
    let mut delivery = Delivery::default();
    loop {
        let batch = mail_queue::claim_due(db, clock.now(), Duration::seconds(LEASE), BATCH).await?;
        if batch.is_empty() {
            return Ok(delivery);
        }
        for queued in batch {
            match transport.send(from, &queued.id, &queued.mail).await {
                Ok(()) => {
                    mail_queue::mark_sent(db, &queued.id, clock.now()).await?;
                    delivery.sent += 1;
                }
                Err(err) => {
                    let retry_at = clock.now() + backoff(queued.attempts);
                    tracing::warn!(id = %queued.id, error = %err, %retry_at, "mail not delivered; will retry");
                    mail_queue::mark_failed(db, &queued.id, retry_at, &err.to_string()).await?;
                    delivery.failed += 1;
                }
            }
        }
    }
}

/// Runs until `shutdown` resolves, delivering every few seconds.
pub async fn run(db: Db, transport: Transport, from: String, clock: Clock, shutdown: impl Future<Output = ()>) {
    tokio::pin!(shutdown);
    let mut tick = tokio::time::interval(std::time::Duration::from_secs(5));
    loop {
        tokio::select! {
            _ = &mut shutdown => return,
            _ = tick.tick() => {
                if let Err(err) = deliver_due(&db, &transport, &from, clock).await {
                    tracing::warn!(error = %err, "mail worker: database error; trying again shortly");
                }
            }
        }
    }
}
