//! Reminders to kommuner whose application is not submitted, a week and a day
//! before their deadline (the round's, or their own extension). Checked every
//! minute beside the mail worker; each reminder is recorded before its mail is
//! queued, in one transaction, so it goes out once even with two portals running.

use super::messages;
use crate::{
    domain::{
        application::{Status, deadline_for, reminder_due},
        deadline::Deadline,
        swedish,
    },
    state::Clock,
    storage::{
        Db, applications,
        audit::{self, Actor},
        extensions, mail_queue,
        seed::EHALSOKOMMUN,
        users,
    },
};
use chrono::{DateTime, Utc};
use sqlx::AnyConnection;
use tokio::sync::watch;

/// Queues every reminder due now; answers how many kommuner were reminded.
pub async fn send_due(db: &Db, base_url: &str, clock: Clock) -> Result<usize, sqlx::Error> {
    let now = clock.now();
    let Some(round) = db.current_round(EHALSOKOMMUN).await? else { return Ok(0) };
    let sent = applications::reminders_sent(&mut *db.conn().await?, &round.id).await?;
    let granted = extensions::of_round(&mut *db.conn().await?, &round.id).await?;
    let mut reminded = 0;
    // Read before the loop: each reminder's own transaction must not wait behind this read's connection.
    let of_round = applications::of_round(&mut *db.conn().await?, &round.id).await?;
    for application in of_round {
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
        let reopened = status == Some(Status::Reopened);
        queue(&mut tx, &application.kommun_kod, (&round.title, deadline), reopened, base_url, now).await?;
        tx.commit().await?;
        tracing::info!(application = %application.id, kind = reminder.code(), "deadline reminder queued");
        reminded += 1;
    }
    Ok(reminded)
}

/// An organiser's reminder, now, to every kommun whose application is begun
/// but not submitted and whose deadline has not passed; answers how many
/// kommuner were reminded. Recorded in the audit log with the mails.
pub async fn send_now(db: &Db, base_url: &str, now: DateTime<Utc>, by: Actor<'_>) -> Result<usize, sqlx::Error> {
    let Some(round) = db.current_round(EHALSOKOMMUN).await? else { return Ok(0) };
    let granted = extensions::of_round(&mut *db.conn().await?, &round.id).await?;
    let mut tx = db.begin_write().await?;
    let mut reminded = 0;
    for application in applications::of_round(&mut tx, &round.id).await? {
        let extension = granted.iter().find(|e| e.kommun_kod == application.kommun_kod).map(|e| e.deadline);
        let deadline = deadline_for(round.deadline, extension);
        let status = applications::status(&mut tx, &application.id).await?;
        if status.is_none_or(|s| s == Status::Submitted) || deadline.has_passed(now) {
            continue;
        }
        let reopened = status == Some(Status::Reopened);
        queue(&mut tx, &application.kommun_kod, (&round.title, deadline), reopened, base_url, now).await?;
        reminded += 1;
    }
    let kommuner = if reminded == 1 { "1 kommun".to_owned() } else { format!("{reminded} kommuner") };
    let detail = format!("Skickade en påminnelse till {kommuner} med en ansökan som inte är inskickad");
    audit::record(&mut tx, by, Some(&round.id), "paminnelse", &detail, now).await?;
    tx.commit().await?;
    Ok(reminded)
}

/// Queues the reminder to each of a kommun's applicants.
async fn queue(
    tx: &mut AnyConnection,
    kommun_kod: &str,
    (round_title, deadline): (&str, Deadline),
    reopened: bool,
    base_url: &str,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    let deadline_text = swedish::long_date_time(deadline.local());
    for person in users::applicants_of(tx, kommun_kod).await? {
        let mail = messages::reminder(&person.email, &person.name, base_url, round_title, &deadline_text, reopened);
        mail_queue::enqueue(tx, &mail, now).await?;
    }
    Ok(())
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
