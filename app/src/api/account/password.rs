//! The password: its rules, and resetting a forgotten one.

use super::{ssr::*, *};
use crate::{
    api::{
        cx::{Anyone, Cx},
        form::{Done, FormId, Problem, Problems, done_href, run},
        limits,
    },
    auth::{self, secret},
    domain::{account::Email, policy::OwnAction, throttle},
    mail::messages,
    routes::LOG_IN_PAGE,
    storage::{self, mail_queue, tokens::Purpose, users},
};
use chrono::{DateTime, Duration, Utc};

pub const RESET_VALID: Duration = Duration::hours(1);

/// Words a new password must not be built from: the person's own name and address.
pub fn personal_words(name: &str, email: &str) -> Vec<String> {
    name.split_whitespace()
        .chain(email.split(['@', '.']))
        .filter(|w| w.chars().count() >= 3)
        .map(str::to_lowercase)
        .collect()
}

pub fn check_new_password(password: &str, name: &str, email: &str) -> Result<(), Problem> {
    let words = personal_words(name, email);
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    auth::password::check_new_password(password, &words).map_err(Problem::from)
}

pub async fn request_reset(email: String) -> FormReply {
    let mut problems = Problems::new(FormId::ForgotPassword).keep("email", &email);
    run("/glomt-losenord", problems.clone(), async move {
        let cx = Anyone::anyone(OwnAction::ResetPassword)?;
        let Some(email) = problems.check("email", Email::parse(&email)) else {
            return Ok(Err(problems));
        };
        let now = cx.now;
        if let Some(wait) = limits::client_over(cx.db(), "aterstall", throttle::RESETS_PER_CLIENT, now).await? {
            problems.add("", Problem::TooManyRequests { minutes: throttle::whole_minutes(wait) });
            return Ok(Err(problems));
        }
        // The same answer, at the same time, whether or not the address has an
        // account (or may still use it): the look-up runs after the answer.
        let cx = cx.clone();
        limits::after_reply("reset request", async move {
            let Some(user) = users::find_by_email(&mut *cx.db().conn().await?, &email).await?.filter(|u| !u.blocked)
            else {
                return Ok(());
            };
            if limits::admit(cx.db(), &recipient_key(&email), throttle::MAILS_PER_RECIPIENT, now).await?.is_err() {
                return Ok(());
            }
            let token = secret::new_token();
            let mut tx = cx.db().begin_write().await?;
            storage::tokens::void_for_user(&mut tx, &user.id, Purpose::ResetPassword, now).await?;
            storage::tokens::insert(
                &mut tx,
                &secret::hash_token(&token),
                &user.id,
                Purpose::ResetPassword,
                now,
                now + RESET_VALID,
            )
            .await?;
            let mail = messages::reset_password(&user.email, &user.name, &cx.settings().base_url, &token);
            mail_queue::enqueue(&mut tx, &mail, now).await?;
            tx.commit().await?;
            Ok(())
        });
        Ok(Ok("/glomt-losenord/skickat".to_owned()))
    })
    .await
}

pub async fn reset_password(token: String, password: String) -> FormReply {
    let page = token_page("/aterstall", &token);
    let mut problems = Problems::new(FormId::ResetPassword);
    run(&page, problems.clone(), async move {
        let cx = Anyone::anyone(OwnAction::ResetPassword)?;
        let now = cx.now;
        let hash = secret::hash_token(&token);
        let valid = if secret::is_token_shaped(&token) {
            storage::tokens::find_valid(&mut *cx.db().conn().await?, &hash, Purpose::ResetPassword, now).await?
        } else {
            None
        };
        let Some(user) = (match valid {
            Some(id) => users::find(&mut *cx.db().conn().await?, &id).await?,
            None => None,
        }) else {
            problems.add("", Problem::LinkInvalid);
            return Ok(Err(problems));
        };
        if problems.check("password", check_new_password(&password, &user.name, &user.email)).is_none() {
            return Ok(Err(problems));
        }
        let new_hash = cx.hasher().hash(&password).await?;
        let mut tx = cx.db().begin_write().await?;
        if storage::tokens::take(&mut tx, &hash, Purpose::ResetPassword, now).await?.is_none() {
            problems.add("", Problem::LinkInvalid);
            return Ok(Err(problems));
        }
        users::set_password(&mut tx, &user.id, &new_hash).await?;
        // The link came to the mailbox, which proves the address.
        users::confirm_email(&mut tx, &user.id, now).await?;
        storage::sessions::delete_for_user(&mut tx, &user.id).await?;
        queue_password_changed(&mut tx, &cx, &user, now).await?;
        tx.commit().await?;
        tracing::info!(user = %user.id, "password reset");
        Ok(Ok(done_href(LOG_IN_PAGE, Done::PasswordReset)))
    })
    .await
}

pub(super) async fn queue_password_changed<V>(
    conn: &mut sqlx::AnyConnection,
    cx: &Cx<V>,
    user: &users::StoredUser,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    let mail = messages::password_changed(&user.email, &user.name, &cx.settings().base_url);
    mail_queue::enqueue(conn, &mail, now).await.map(|_| ())
}
