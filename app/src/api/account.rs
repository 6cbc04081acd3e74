//! Server functions for a person's own account: sign up, confirm, log in and
//! out, reset and change the password, profile, "my data", delete.

use super::form::FormReply;
use crate::{
    domain::{account::Role, kommun::Kommun},
    error::AppError,
};
use chrono::NaiveDateTime;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The account as its owner sees it on /konto.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountView {
    pub name: String,
    pub email: String,
    pub phone: Option<String>,
    pub role: Role,
    /// Kommun name and län, for applicants.
    pub kommun: Option<String>,
    pub created_local: NaiveDateTime,
}

/// Everything stored about a person, for "Mina uppgifter".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonalData {
    pub account: AccountView,
    pub email_confirmed: bool,
    pub jury_rounds: Vec<String>,
    /// A juror's employer, as the jury's pages name it.
    pub employer: Option<String>,
    /// Start and last use of each session, Swedish time.
    pub sessions: Vec<(NaiveDateTime, NaiveDateTime)>,
    /// Messages sent or waiting to be sent to the person: subject and when queued.
    pub mails: Vec<(String, NaiveDateTime)>,
    /// Failed log-ins with the address in the last day.
    pub failed_log_ins: usize,
}

#[server(endpoint = "kommun_list", input = leptos::server_fn::codec::GetUrl)]
pub async fn kommun_list() -> Result<Vec<Kommun>, AppError> {
    Ok(crate::storage::kommuner::list(&crate::state::db()?).await?)
}

#[server(endpoint = "sign_up")]
pub async fn sign_up(
    name: String,
    email: String,
    phone: String,
    kommun: String,
    password: String,
) -> Result<FormReply, AppError> {
    Ok(ssr::sign_up(name, email, phone, kommun, password).await)
}

#[server(endpoint = "confirm_email")]
pub async fn confirm_email(token: String) -> Result<FormReply, AppError> {
    Ok(ssr::confirm_email(token).await)
}

#[server(endpoint = "log_in")]
pub async fn log_in(email: String, password: String, tillbaka: Option<String>) -> Result<FormReply, AppError> {
    Ok(ssr::log_in(email, password, tillbaka).await)
}

#[server(endpoint = "log_out")]
pub async fn log_out() -> Result<FormReply, AppError> {
    Ok(ssr::log_out().await)
}

#[server(endpoint = "request_reset")]
pub async fn request_reset(email: String) -> Result<FormReply, AppError> {
    Ok(ssr::request_reset(email).await)
}

#[server(endpoint = "reset_password")]
pub async fn reset_password(token: String, password: String) -> Result<FormReply, AppError> {
    Ok(ssr::reset_password(token, password).await)
}

#[server(endpoint = "my_account", input = leptos::server_fn::codec::GetUrl)]
pub async fn my_account() -> Result<AccountView, AppError> {
    ssr::my_account().await
}

#[server(endpoint = "my_data", input = leptos::server_fn::codec::GetUrl)]
pub async fn my_data() -> Result<PersonalData, AppError> {
    ssr::my_data().await
}

#[server(endpoint = "update_profile")]
pub async fn update_profile(name: String, phone: String) -> Result<FormReply, AppError> {
    Ok(ssr::update_profile(name, phone).await)
}

#[server(endpoint = "change_password")]
pub async fn change_password(current_password: String, new_password: String) -> Result<FormReply, AppError> {
    Ok(ssr::change_password(current_password, new_password).await)
}

#[server(endpoint = "delete_account")]
pub async fn delete_account(password: String, confirm: Option<String>) -> Result<FormReply, AppError> {
    Ok(ssr::delete_account(password, confirm).await)
}

#[cfg(feature = "ssr")]
pub mod ssr {
    use super::*;
    use crate::{
        api::{
            form::{Problem, Problems, run},
            limits,
        },
        auth::{self, secret, session},
        domain::{
            access::{Access, Viewer, acts_at_sign_up},
            account::{Email, PersonName, Phone},
            deadline::to_stockholm,
            kommun::{Kommunkod, address_of_kommun, choose},
            throttle,
        },
        i18n::safe_return_path,
        mail::messages,
        state::{self, AppState},
        storage::{self, Db, mail_queue, tokens::Purpose, users},
    };
    use chrono::{DateTime, Duration, Utc};
    use http::{HeaderValue, header};
    use leptos_axum::ResponseOptions;
    use tokio::sync::OnceCell;

    pub const CONFIRM_VALID: Duration = Duration::hours(48);
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

    fn set_cookie(value: &str) {
        if let (Some(res), Ok(value)) = (use_context::<ResponseOptions>(), HeaderValue::from_str(value)) {
            res.append_header(header::SET_COOKIE, value);
        }
    }

    async fn queue_confirmation(
        conn: &mut sqlx::AnyConnection,
        state: &AppState,
        user_id: &str,
        email: &str,
        name: &str,
        now: DateTime<Utc>,
    ) -> Result<(), sqlx::Error> {
        let token = secret::new_token();
        storage::tokens::void_for_user(conn, user_id, Purpose::ConfirmEmail, now).await?;
        storage::tokens::insert(
            conn,
            &secret::hash_token(&token),
            user_id,
            Purpose::ConfirmEmail,
            now,
            now + CONFIRM_VALID,
        )
        .await?;
        let mail = messages::confirm_email(email, name, &state.settings.base_url, &token);
        mail_queue::enqueue(conn, &mail, now).await?;
        Ok(())
    }

    pub async fn sign_up(name: String, email: String, phone: String, kommun: String, password: String) -> FormReply {
        let page = "/registrera";
        let mut problems = Problems::new("registrera")
            .keep("name", &name)
            .keep("email", &email)
            .keep("phone", &phone)
            .keep("kommun", &kommun);
        run(page, problems.clone(), async move {
            let state = state::state()?;
            let all = storage::kommuner::list(&state.db).await?;
            let name = problems.check("name", PersonName::parse(&name));
            let email = problems.check("email", Email::parse(&email));
            let phone = problems.check("phone", Phone::parse_optional(&phone));
            let kommun = problems.check("kommun", choose(&kommun, &all).map_err(Problem::Kommun));
            problems.check(
                "password",
                check_new_password(
                    &password,
                    name.as_ref().map_or("", |n| n.as_str()),
                    email.as_ref().map_or("", |e| e.as_str()),
                ),
            );
            let (Some(name), Some(email), Some(phone), Some(kommun)) = (name, email, phone, kommun) else {
                return Ok(Err(problems));
            };
            if !problems.is_empty() {
                return Ok(Err(problems));
            }
            let now = state.clock.now();
            if let Some(wait) = limits::client_over(&state.db, "registrera", throttle::SIGN_UPS_PER_CLIENT, now).await?
            {
                problems.add("", Problem::TooManyRequests { minutes: throttle::whole_minutes(wait) });
                return Ok(Err(problems));
            }
            // An address with an account gets the same answer, at the same time, as a new
            // one; its owner is told by mail instead. The work (a password hash) runs after.
            let (state, kommun) = (state.clone(), kommun.clone());
            limits::after_reply("sign-up", async move {
                let hash = state.hasher.hash(&password).await?;
                let mut tx = state.db.begin_write().await?;
                let new = users::NewUser {
                    email: &email,
                    name: &name,
                    phone: phone.as_ref().map(Phone::as_str),
                    role: Role::Applicant,
                    kommun: Some(&kommun.kod),
                    password_hash: &hash,
                    email_confirmed_at: None,
                };
                let id = match users::insert(&mut tx, &new, now).await {
                    Ok(id) => id,
                    Err(users::InsertUserError::EmailTaken) => {
                        drop(tx);
                        if limits::admit(&state.db, &recipient_key(&email), throttle::MAILS_PER_RECIPIENT, now)
                            .await?
                            .is_ok()
                        {
                            let mail = messages::account_exists(email.as_str(), &state.settings.base_url);
                            let mut tx = state.db.begin_write().await?;
                            mail_queue::enqueue(&mut tx, &mail, now).await?;
                            tx.commit().await?;
                        }
                        return Ok(());
                    }
                    Err(users::InsertUserError::Database(e)) => return Err(e.into()),
                };
                let has_colleague = users::has_approved_applicant(&mut tx, kommun.kod.as_str(), &id).await?;
                let names: Vec<&str> = all.iter().map(|k| k.namn.as_str()).collect();
                let own_domain = address_of_kommun(email.as_str(), &kommun.namn, &names);
                let waiting = !acts_at_sign_up(has_colleague, own_domain);
                if waiting {
                    users::set_approved(&mut tx, &id, None).await?;
                }
                queue_confirmation(&mut tx, &state, &id, email.as_str(), name.as_str(), now).await?;
                tx.commit().await?;
                tracing::info!(user = %id, kommun = %kommun.kod, waiting, "applicant signed up");
                Ok(())
            });
            Ok(Ok("/registrera/skickat".to_owned()))
        })
        .await
    }

    /// The key under which mail caused by anonymous requests to one address is counted.
    fn recipient_key(email: &Email) -> String {
        format!("brev:{}", email.as_str())
    }

    fn token_page(prefix: &str, token: &str) -> String {
        let token = if secret::is_token_shaped(token) { token } else { "ogiltig" };
        format!("{prefix}/{token}")
    }

    pub async fn confirm_email(token: String) -> FormReply {
        let page = token_page("/bekrafta", &token);
        let mut problems = Problems::new("bekrafta");
        run(&page, problems.clone(), async move {
            let state = state::state()?;
            let now = state.clock.now();
            let mut tx = state.db.begin_write().await?;
            let taken = if secret::is_token_shaped(&token) {
                storage::tokens::take(&mut tx, &secret::hash_token(&token), Purpose::ConfirmEmail, now).await?
            } else {
                None
            };
            let Some(user_id) = taken else {
                problems.add("", Problem::LinkInvalid);
                return Ok(Err(problems));
            };
            users::confirm_email(&mut tx, &user_id, now).await?;
            ask_colleagues_to_approve(&mut tx, &state, &user_id, now).await?;
            tx.commit().await?;
            Ok(Ok("/logga-in?klart=bekraftad".to_owned()))
        })
        .await
    }

    /// A confirmed applicant waiting for approval: their kommun's approved
    /// applicants are asked, by mail, to let them in (organisers see them too).
    async fn ask_colleagues_to_approve(
        tx: &mut sqlx::AnyConnection,
        state: &AppState,
        user_id: &str,
        now: DateTime<Utc>,
    ) -> Result<(), AppError> {
        let Some(newcomer) = users::find(&state.db, user_id).await? else { return Ok(()) };
        let (Some(kommun_kod), false) = (newcomer.kommun_kod.as_deref(), newcomer.approved) else { return Ok(()) };
        let kommun = Kommunkod::parse(kommun_kod).map_err(|_| AppError::Internal)?;
        let kommun_name = storage::kommuner::find(&state.db, &kommun).await?.map(|k| k.namn).unwrap_or_default();
        for colleague in users::applicants_of(tx, kommun_kod).await? {
            let mail = messages::join_request(
                &colleague.email,
                &colleague.name,
                &state.settings.base_url,
                &newcomer.email,
                &kommun_name,
            );
            mail_queue::enqueue(tx, &mail, now).await?;
        }
        Ok(())
    }

    /// A hash to check against when no account has the address, so that a
    /// log-in takes as long whether or not the address exists.
    async fn dummy_hash(state: &AppState) -> Result<&'static str, AppError> {
        static DUMMY: OnceCell<String> = OnceCell::const_new();
        DUMMY
            .get_or_try_init(|| async { state.hasher.hash("ingen-användare-har-detta-lösenord").await })
            .await
            .map(String::as_str)
            .map_err(AppError::from)
    }

    /// The keys failed log-ins are counted under: the account, the client's
    /// address, and the two together.
    fn throttle_keys(email: &str) -> (String, Option<(String, String)>) {
        let address = auth::client_key().map(|ip| (format!("ip:{ip}"), format!("ip-konto:{ip}:{email}")));
        (format!("konto:{email}"), address)
    }

    async fn throttled(db: &Db, email: &str, now: DateTime<Utc>) -> Result<Option<Duration>, AppError> {
        let (account_key, address_keys) = throttle_keys(email);
        let window_start = now - throttle::PER_ACCOUNT.window.max(throttle::PER_ADDRESS.window);
        let account = storage::login_failures::since(db, &account_key, window_start).await?;
        let mut wait = throttle::PER_ACCOUNT.wait(&account, now);
        if let Some((address_key, pair_key)) = address_keys {
            let by_address = storage::login_failures::since(db, &address_key, window_start).await?;
            let pair = storage::login_failures::since(db, &pair_key, window_start).await?;
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
        let mut problems = Problems::new("logga-in").keep("email", &email);
        run(&page, problems.clone(), async move {
            let state = state::state()?;
            let now = state.clock.now();
            let Some(email) = problems.check("email", Email::parse(&email)) else {
                return Ok(Err(problems));
            };
            if let Some(wait) = throttled(&state.db, email.as_str(), now).await? {
                problems.add("", Problem::Throttled { minutes: throttle::whole_minutes(wait) });
                return Ok(Err(problems));
            }
            let user = users::find_by_email(&state.db, &email).await?;
            let stored_hash = match &user {
                Some(u) => u.password_hash.as_str(),
                None => dummy_hash(&state).await?,
            };
            let matches = state.hasher.verify(&password, stored_hash).await?;
            let user = match user {
                Some(user) if matches => user,
                _ => {
                    let (account_key, address_keys) = throttle_keys(email.as_str());
                    let keys: Vec<&str> = std::iter::once(account_key.as_str())
                        .chain(address_keys.iter().flat_map(|(a, p)| [a.as_str(), p.as_str()]))
                        .collect();
                    storage::login_failures::record(&state.db, &keys, now).await?;
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
                if limits::admit(&state.db, &recipient_key(&email), throttle::MAILS_PER_RECIPIENT, now).await?.is_ok() {
                    let mut tx = state.db.begin_write().await?;
                    queue_confirmation(&mut tx, &state, &user.id, &user.email, &user.name, now).await?;
                    tx.commit().await?;
                }
                problems.add("", Problem::LogInFailed);
                return Ok(Err(problems));
            }
            let mut tx = state.db.begin_write().await?;
            // A new id at every log-in: a session id planted before log-in is worthless.
            if let Some(old) = auth::current_session() {
                storage::sessions::delete(&mut tx, &old.id_hash).await?;
            }
            let id = session::start(&mut tx, &user.id, now).await?;
            tx.commit().await?;
            storage::login_failures::clear(&state.db, &throttle_keys(email.as_str()).0).await?;
            set_cookie(&session::cookie(&id, state.settings.uses_https()));
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
        run("/konto", Problems::new("logga-ut"), async move {
            let state = state::state()?;
            if let Some(current) = auth::current_session() {
                storage::sessions::delete(&mut *state.db.pool().acquire().await?, &current.id_hash).await?;
            }
            set_cookie(&session::removal_cookie(state.settings.uses_https()));
            Ok(Ok("/logga-in?klart=utloggad".to_owned()))
        })
        .await
    }

    pub async fn request_reset(email: String) -> FormReply {
        let mut problems = Problems::new("glomt-losenord").keep("email", &email);
        run("/glomt-losenord", problems.clone(), async move {
            let state = state::state()?;
            let Some(email) = problems.check("email", Email::parse(&email)) else {
                return Ok(Err(problems));
            };
            let now = state.clock.now();
            if let Some(wait) = limits::client_over(&state.db, "aterstall", throttle::RESETS_PER_CLIENT, now).await? {
                problems.add("", Problem::TooManyRequests { minutes: throttle::whole_minutes(wait) });
                return Ok(Err(problems));
            }
            // The same answer, at the same time, whether or not the address has an
            // account (or may still use it): the look-up runs after the answer.
            let state = state.clone();
            limits::after_reply("reset request", async move {
                let Some(user) = users::find_by_email(&state.db, &email).await?.filter(|u| !u.blocked) else {
                    return Ok(());
                };
                if limits::admit(&state.db, &recipient_key(&email), throttle::MAILS_PER_RECIPIENT, now).await?.is_err()
                {
                    return Ok(());
                }
                let token = secret::new_token();
                let mut tx = state.db.begin_write().await?;
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
                let mail = messages::reset_password(&user.email, &user.name, &state.settings.base_url, &token);
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
        let mut problems = Problems::new("aterstall");
        run(&page, problems.clone(), async move {
            let state = state::state()?;
            let now = state.clock.now();
            let hash = secret::hash_token(&token);
            let valid = if secret::is_token_shaped(&token) {
                storage::tokens::find_valid(&state.db, &hash, Purpose::ResetPassword, now).await?
            } else {
                None
            };
            let Some(user) = (match valid {
                Some(id) => users::find(&state.db, &id).await?,
                None => None,
            }) else {
                problems.add("", Problem::LinkInvalid);
                return Ok(Err(problems));
            };
            if problems.check("password", check_new_password(&password, &user.name, &user.email)).is_none() {
                return Ok(Err(problems));
            }
            let new_hash = state.hasher.hash(&password).await?;
            let mut tx = state.db.begin_write().await?;
            if storage::tokens::take(&mut tx, &hash, Purpose::ResetPassword, now).await?.is_none() {
                problems.add("", Problem::LinkInvalid);
                return Ok(Err(problems));
            }
            users::set_password(&mut tx, &user.id, &new_hash).await?;
            // The link came to the mailbox, which proves the address.
            users::confirm_email(&mut tx, &user.id, now).await?;
            storage::sessions::delete_for_user(&mut tx, &user.id).await?;
            queue_password_changed(&mut tx, &state, &user, now).await?;
            tx.commit().await?;
            tracing::info!(user = %user.id, "password reset");
            Ok(Ok("/logga-in?klart=aterstallt".to_owned()))
        })
        .await
    }

    async fn queue_password_changed(
        conn: &mut sqlx::AnyConnection,
        state: &AppState,
        user: &users::StoredUser,
        now: DateTime<Utc>,
    ) -> Result<(), sqlx::Error> {
        let mail = messages::password_changed(&user.email, &user.name, &state.settings.base_url);
        mail_queue::enqueue(conn, &mail, now).await.map(|_| ())
    }

    pub fn account_view(user: &users::StoredUser, kommun: Option<String>) -> AccountView {
        AccountView {
            name: user.name.clone(),
            email: user.email.clone(),
            phone: user.phone.clone(),
            role: user.role,
            kommun,
            created_local: to_stockholm(user.created_at),
        }
    }

    async fn me() -> Result<(AppState, users::StoredUser, AccountView), AppError> {
        let viewer = auth::require(Access::SignedIn)?;
        let state = state::state()?;
        let user = users::find(&state.db, &viewer.user_id).await?.ok_or(AppError::NotSignedIn)?;
        let kommun = viewer.kommun.as_ref().map(|(_, name)| name.clone());
        let view = account_view(&user, kommun);
        Ok((state, user, view))
    }

    pub async fn my_account() -> Result<AccountView, AppError> {
        Ok(me().await?.2)
    }

    pub async fn my_data() -> Result<PersonalData, AppError> {
        let viewer = auth::require(Access::SignedIn)?;
        collect_my_data(&state::state()?, &viewer).await
    }

    /// Everything stored about `viewer`: for the page and for the JSON download.
    pub async fn collect_my_data(state: &AppState, viewer: &Viewer) -> Result<PersonalData, AppError> {
        let db = &state.db;
        let user = users::find(db, &viewer.user_id).await?.ok_or(AppError::NotSignedIn)?;
        let account = account_view(&user, viewer.kommun.as_ref().map(|(_, name)| name.clone()));
        let sessions = storage::sessions::list_for_user(db, &user.id)
            .await?
            .into_iter()
            .map(|(a, b)| (to_stockholm(a), to_stockholm(b)))
            .collect();
        let mails = mail_queue::for_recipient(db, &user.email, state.clock.now())
            .await?
            .into_iter()
            .map(|(subject, at)| (subject, to_stockholm(at)))
            .collect();
        let failed_log_ins =
            storage::login_failures::since(db, &format!("konto:{}", user.email), state.clock.now() - Duration::days(1))
                .await?
                .len();
        Ok(PersonalData {
            email_confirmed: user.email_confirmed,
            jury_rounds: storage::jury::round_titles_of(db, &user.id).await?,
            employer: storage::jury::employer_of(db, &user.id).await?.map(|e| e.label()),
            sessions,
            mails,
            failed_log_ins,
            account,
        })
    }

    pub async fn update_profile(name: String, phone: String) -> FormReply {
        let mut problems = Problems::new("profil").keep("name", &name).keep("phone", &phone);
        run("/konto", problems.clone(), async move {
            let (state, user, _) = me().await?;
            let name = problems.check("name", PersonName::parse(&name));
            let phone = problems.check("phone", Phone::parse_optional(&phone));
            let (Some(name), Some(phone)) = (name, phone) else {
                return Ok(Err(problems));
            };
            users::update_profile(&state.db, &user.id, &name, phone.as_ref()).await?;
            Ok(Ok("/konto?klart=sparat".to_owned()))
        })
        .await
    }

    pub async fn change_password(current: String, new: String) -> FormReply {
        let mut problems = Problems::new("losenord");
        run("/konto", problems.clone(), async move {
            let (state, user, _) = me().await?;
            if !state.hasher.verify(&current, &user.password_hash).await? {
                problems.add("current_password", Problem::WrongPassword);
                return Ok(Err(problems));
            }
            if problems.check("new_password", check_new_password(&new, &user.name, &user.email)).is_none() {
                return Ok(Err(problems));
            }
            let hash = state.hasher.hash(&new).await?;
            let now = state.clock.now();
            let mut tx = state.db.begin_write().await?;
            users::set_password(&mut tx, &user.id, &hash).await?;
            if let Some(current) = auth::current_session() {
                storage::sessions::delete_others(&mut tx, &user.id, &current.id_hash).await?;
            }
            queue_password_changed(&mut tx, &state, &user, now).await?;
            tx.commit().await?;
            Ok(Ok("/konto?klart=losenord".to_owned()))
        })
        .await
    }

    pub async fn delete_account(password: String, confirm: Option<String>) -> FormReply {
        let mut problems = Problems::new("radera");
        run("/konto/radera", problems.clone(), async move {
            let (state, user, _) = me().await?;
            if confirm.as_deref() != Some("ja") {
                problems.add("confirm", Problem::NotConfirmedDeletion);
            }
            if !state.hasher.verify(&password, &user.password_hash).await? {
                problems.add("password", Problem::WrongPassword);
            }
            if !problems.is_empty() {
                return Ok(Err(problems));
            }
            if user.role == Role::Organiser && users::count_role(&state.db, Role::Organiser).await? <= 1 {
                problems.add("", Problem::LastOrganiser);
                return Ok(Err(problems));
            }
            let now = state.clock.now();
            let mut tx = state.db.begin_write().await?;
            mail_queue::delete_for_deleted_account(&mut tx, &user.email, now).await?;
            storage::invitations::delete_for_email(&mut tx, &user.email).await?;
            storage::login_failures::delete_for_account(&mut tx, &user.email).await?;
            users::delete(&mut tx, &user.id).await?;
            mail_queue::enqueue(&mut tx, &messages::account_deleted(&user.email, &user.name), now).await?;
            tx.commit().await?;
            set_cookie(&session::removal_cookie(state.settings.uses_https()));
            tracing::info!(user = %user.id, "account deleted");
            Ok(Ok("/logga-in?klart=raderat".to_owned()))
        })
        .await
    }
}
