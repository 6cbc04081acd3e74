//! Logging in (throttled) and out.

use super::{ssr::*, *};
use crate::{
    api::{
        cx::Anyone,
        form::{Done, FormId, Problem, Problems, done_href, run},
        limits,
    },
    auth::{self, password::PasswordHasher, session},
    domain::{account::Email, policy::OwnAction, throttle},
    i18n::safe_return_path,
    routes::LOG_IN_PAGE,
    storage::{self, Db, users},
};
use chrono::{DateTime, Duration, Utc};
use http::{HeaderValue, header};
use leptos_axum::ResponseOptions;
use tokio::sync::OnceCell;

pub(super) fn set_cookie(value: &str) {
    if let (Some(res), Ok(value)) = (use_context::<ResponseOptions>(), HeaderValue::from_str(value)) {
        res.append_header(header::SET_COOKIE, value);
    }
}

/// A hash to check against when no account has the address, so that a
/// log-in takes as long whether or not the address exists.
pub(super) async fn dummy_hash(hasher: &PasswordHasher) -> Result<&'static str, AppError> {
    static DUMMY: OnceCell<String> = OnceCell::const_new();
    DUMMY
        .get_or_try_init(|| async { hasher.hash("ingen-användare-har-detta-lösenord").await })
        .await
        .map(String::as_str)
        .map_err(AppError::from)
}

/// The keys failed log-ins are counted under: the account, the client's
/// address, and the two together.
pub(super) fn throttle_keys(email: &str) -> (String, Option<(String, String)>) {
    let address = auth::client_key().map(|ip| (format!("ip:{ip}"), format!("ip-konto:{ip}:{email}")));
    (format!("konto:{email}"), address)
}

pub(super) async fn throttled(db: &Db, email: &str, now: DateTime<Utc>) -> Result<Option<Duration>, AppError> {
    let (account_key, address_keys) = throttle_keys(email);
    let window_start = now - throttle::PER_ACCOUNT.window.max(throttle::PER_ADDRESS.window);
    let account = storage::login_failures::since(&mut *db.conn().await?, &account_key, window_start).await?;
    let mut wait = throttle::PER_ACCOUNT.wait(&account, now);
    if let Some((address_key, pair_key)) = address_keys {
        let by_address = storage::login_failures::since(&mut *db.conn().await?, &address_key, window_start).await?;
        let pair = storage::login_failures::since(&mut *db.conn().await?, &pair_key, window_start).await?;
        wait = wait.max(throttle::address_wait(&by_address, &pair, now));
    }
    Ok(wait)
}

pub async fn log_in(email: String, password: String, back: Option<String>) -> FormReply {
    let back = back.filter(|b| !b.is_empty());
    let page = match &back {
        Some(b) => format!("/logga-in?tillbaka={}", safe_return_path(b)),
        None => "/logga-in".to_owned(),
    };
    let mut problems = Problems::new(FormId::LogIn).keep("email", &email);
    run(&page, problems.clone(), async move {
        let cx = Anyone::anyone(OwnAction::LogIn)?;
        let now = cx.now;
        let Some(email) = problems.check("email", Email::parse(&email)) else {
            return Ok(Err(problems));
        };
        if let Some(wait) = throttled(cx.db(), email.as_str(), now).await? {
            problems.add("", Problem::Throttled { minutes: throttle::whole_minutes(wait) });
            return Ok(Err(problems));
        }
        let user = users::find_by_email(&mut *cx.db().conn().await?, &email).await?;
        let stored_hash = match &user {
            Some(u) => u.password_hash.as_str(),
            None => dummy_hash(cx.hasher()).await?,
        };
        let matches = cx.hasher().verify(&password, stored_hash).await?;
        let user = match user {
            Some(user) if matches => user,
            _ => {
                let (account_key, address_keys) = throttle_keys(email.as_str());
                let keys: Vec<&str> = std::iter::once(account_key.as_str())
                    .chain(address_keys.iter().flat_map(|(a, p)| [a.as_str(), p.as_str()]))
                    .collect();
                storage::login_failures::record(cx.db(), &keys, now).await?;
                problems.add("", Problem::LogInFailed);
                return Ok(Err(problems));
            }
        };
        if user.blocked {
            problems.add("", Problem::AccessRemoved);
            return Ok(Err(problems));
        }
        if !user.email_confirmed {
            // The same answer as a wrong password: anyone can create an unconfirmed account for
            // an address with a password of their own, and a different answer here would tell
            // whether the address had an account before. The link goes to the address, a few an hour.
            if limits::admit(cx.db(), &recipient_key(&email), throttle::MAILS_PER_RECIPIENT, now).await?.is_ok() {
                let mut tx = cx.db().begin_write().await?;
                queue_confirmation(&mut tx, &cx, &user.id, &user.email, &user.name, now).await?;
                tx.commit().await?;
            }
            problems.add("", Problem::LogInFailed);
            return Ok(Err(problems));
        }
        let mut tx = cx.db().begin_write().await?;
        // A new id at every log-in: a session id planted before log-in is worthless.
        if let Some(old) = auth::current_session() {
            storage::sessions::delete(&mut tx, &old.id_hash).await?;
        }
        let id = session::start(&mut tx, &user.id, now).await?;
        tx.commit().await?;
        storage::login_failures::clear(&mut *cx.db().conn().await?, &throttle_keys(email.as_str()).0).await?;
        set_cookie(&session::cookie(&id, cx.settings().uses_https()));
        tracing::info!(user = %user.id, "logged in");
        let go_to = back.map(|b| safe_return_path(&b).to_owned()).filter(|b| b != "/logga-in");
        // An applicant's start page is their kommun's application.
        let start = match user.role {
            Role::Applicant => "/ansokan",
            Role::Juror => "/jury",
            Role::Organiser => "/konto",
        };
        Ok(Ok(go_to.unwrap_or_else(|| start.to_owned())))
    })
    .await
}

pub async fn log_out() -> FormReply {
    run("/konto", Problems::new(FormId::LogOut), async move {
        let cx = Anyone::anyone(OwnAction::LogOut)?;
        if let Some(current) = auth::current_session() {
            storage::sessions::delete(&mut *cx.db().pool().acquire().await?, &current.id_hash).await?;
        }
        set_cookie(&session::removal_cookie(cx.settings().uses_https()));
        Ok(Ok(done_href(LOG_IN_PAGE, Done::LoggedOut)))
    })
    .await
}
