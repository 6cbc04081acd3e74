//! Signing up and confirming the address.

use super::{ssr::*, *};
use crate::{
    api::{
        cx::Anyone,
        form::{Done, FormId, Problem, Problems, done_href, run},
        limits,
    },
    auth::secret,
    domain::{
        access::acts_at_sign_up,
        account::{Email, PersonName, Phone},
        kommun::{Kommunkod, address_of_kommun, choose},
        policy::OwnAction,
        throttle,
    },
    mail::messages,
    routes::LOG_IN_PAGE,
    storage::{self, mail_queue, tokens::Purpose, users},
};
use chrono::{DateTime, Duration, Utc};

pub const CONFIRM_VALID: Duration = Duration::hours(48);

pub(super) async fn queue_confirmation(
    conn: &mut sqlx::AnyConnection,
    cx: &Anyone,
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
    let mail = messages::confirm_email(email, name, &cx.settings().base_url, &token);
    mail_queue::enqueue(conn, &mail, now).await?;
    Ok(())
}

pub async fn sign_up(name: String, email: String, phone: String, kommun: String, password: String) -> FormReply {
    let page = "/registrera";
    let mut problems = Problems::new(FormId::SignUp)
        .keep("name", &name)
        .keep("email", &email)
        .keep("phone", &phone)
        .keep("kommun", &kommun);
    run(page, problems.clone(), async move {
        let cx = Anyone::anyone(OwnAction::SignUp)?;
        let all = storage::kommuner::list(&mut *cx.db().conn().await?).await?;
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
        let now = cx.now;
        if let Some(wait) = limits::client_over(cx.db(), "registrera", throttle::SIGN_UPS_PER_CLIENT, now).await? {
            problems.add("", Problem::TooManyRequests { minutes: throttle::whole_minutes(wait) });
            return Ok(Err(problems));
        }
        // An address with an account gets the same answer, at the same time, as a new
        // one; its owner is told by mail instead. The work (a password hash) runs after.
        let (cx, kommun) = (cx.clone(), kommun.clone());
        limits::after_reply("sign-up", async move {
            let hash = cx.hasher().hash(&password).await?;
            let mut tx = cx.db().begin_write().await?;
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
                    if limits::admit(cx.db(), &recipient_key(&email), throttle::MAILS_PER_RECIPIENT, now).await?.is_ok()
                    {
                        let mail = messages::account_exists(email.as_str(), &cx.settings().base_url);
                        let mut tx = cx.db().begin_write().await?;
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
            queue_confirmation(&mut tx, &cx, &id, email.as_str(), name.as_str(), now).await?;
            tx.commit().await?;
            tracing::info!(user = %id, kommun = %kommun.kod, waiting, "applicant signed up");
            Ok(())
        });
        Ok(Ok("/registrera/skickat".to_owned()))
    })
    .await
}

/// The key under which mail caused by anonymous requests to one address is counted.
pub(super) fn recipient_key(email: &Email) -> String {
    format!("brev:{}", email.as_str())
}

pub(super) fn token_page(prefix: &str, token: &str) -> String {
    let token = if secret::is_token_shaped(token) { token } else { "ogiltig" };
    format!("{prefix}/{token}")
}

pub async fn confirm_email(token: String) -> FormReply {
    let page = token_page("/bekrafta", &token);
    let mut problems = Problems::new(FormId::ConfirmEmail);
    run(&page, problems.clone(), async move {
        let cx = Anyone::anyone(OwnAction::ConfirmEmail)?;
        let now = cx.now;
        let mut tx = cx.db().begin_write().await?;
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
        ask_colleagues_to_approve(&mut tx, &cx, &user_id, now).await?;
        tx.commit().await?;
        Ok(Ok(done_href(LOG_IN_PAGE, Done::EmailConfirmed)))
    })
    .await
}

/// A confirmed applicant waiting for approval: their kommun's approved
/// applicants are asked, by mail, to let them in (organisers see them too).
pub(super) async fn ask_colleagues_to_approve(
    tx: &mut sqlx::AnyConnection,
    cx: &Anyone,
    user_id: &str,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let Some(newcomer) = users::find(&mut *cx.db().conn().await?, user_id).await? else { return Ok(()) };
    let (Some(kommun_kod), false) = (newcomer.kommun_kod.as_deref(), newcomer.approved) else { return Ok(()) };
    let kommun = Kommunkod::parse(kommun_kod).map_err(|_| AppError::Internal)?;
    let kommun_name =
        storage::kommuner::find(&mut *cx.db().conn().await?, &kommun).await?.map(|k| k.namn).unwrap_or_default();
    for colleague in users::applicants_of(tx, kommun_kod).await? {
        let mail = messages::join_request(
            &colleague.email,
            &colleague.name,
            &cx.settings().base_url,
            &newcomer.email,
            &kommun_name,
        );
        mail_queue::enqueue(tx, &mail, now).await?;
    }
    Ok(())
}
