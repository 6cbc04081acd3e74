//! Reminders to kommuner whose application is not submitted, a week and a day
//! before their deadline (the round's, or their own extension). Checked every
//! minute beside the mail worker; each reminder is recorded before its mail is
//! queued, in one transaction, so it goes out once even with two portals running.

use super::messages;
use crate::{
    domain::{
        application::{Status, deadline_for, reminder_due},
        swedish,
    },
    state::Clock,
    storage::{Db, applications, extensions, mail_queue, rounds, seed::EHALSOKOMMUN, users},
};
use tokio::sync::watch;

/// Queues every reminder due now; answers how many kommuner were reminded.
pub async fn send_due(db: &Db, base_url: &str, clock: Clock) -> Result<usize, sqlx::Error> {
    let now = clock.now();
    let Some(round) = rounds::current(db, EHALSOKOMMUN).await? else { return Ok(0) };
    let sent = applications::reminders_sent(db, &round.id).await?;
    let granted = extensions::of_round(db, &round.id).await?;
    let mut reminded = 0;
    for application in applications::of_round(db, &round.id).await? {
        if application.status == Status::Submitted {
            continue;
        }
        let extension = granted.iter().find(|e| e.kommun_kod == application.kommun_kod).map(|e| e.deadline);
        let deadline = deadline_for(round.deadline, extension);
        let already: Vec<_> = sent.iter().filter(|(id, _)| *id == application.id).map(|(_, r)| *r).collect();
        let Some(reminder) = reminder_due(deadline, now, &already) else { continue };
        let mut tx = db.begin_write().await?;
        // Submitted since the list was read: no reminder.
        let status = applications::status(&mut tx, &application.id).await?;
        if status.is_none_or(|s| s == Status::Submitted)
            || !applications::record_reminder(&mut tx, &application.id, reminder, now).await?
        {
            continue;
        }
        let deadline_text = swedish::long_date_time(deadline.local());
        let reopened = status == Some(Status::Reopened);
        for person in users::applicants_of(&mut tx, &application.kommun_kod).await? {
            let mail =
                messages::reminder(&person.email, &person.name, base_url, &round.title, &deadline_text, reopened);
            mail_queue::enqueue(&mut tx, &mail, now).await?;
        }
        tx.commit().await?;
        tracing::info!(application = %application.id, kind = reminder.code(), "deadline reminder queued");
        reminded += 1;
    }
    Ok(reminded)
}

/// Runs until `stop` turns true, checking once a minute.
pub async fn run(db: Db, base_url: String, clock: Clock, mut stop: watch::Receiver<bool>) {
    let mut tick = tokio::time::interval(std::time::Duration::from_secs(60));
    loop {
        tokio::select! {
            _ = async { let _ = stop.wait_for(|stopped| *stopped).await; } => return,
            _ = tick.tick() => {
                if let Err(err) = send_due(&db, &base_url, clock).await {
                    tracing::warn!(error = %err, "reminders: database error; trying again in a minute");
                }
            }
        }
    }
}
