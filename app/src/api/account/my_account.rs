//! The account as its owner sees and changes it: profile, "my data", password, deletion.

use super::{ssr::*, *};
use crate::{
    api::{
        cx::Cx,
        form::{Done, FormId, Problem, Problems, done_href, run},
    },
    auth::{self, session},
    domain::{
        access::{Access, Viewer},
        account::{PersonName, Phone},
        deadline::to_stockholm,
        policy::OwnAction,
    },
    mail::messages,
    routes::LOG_IN_PAGE,
    storage::{self, Db, mail_queue, users},
};
use chrono::{DateTime, Duration, Utc};

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

pub(super) async fn me() -> Result<(Cx, users::StoredUser, AccountView), AppError> {
    let cx = Cx::new(Access::SignedIn, OwnAction::ManageOwnAccount)?;
    let user = users::find(&mut *cx.db().conn().await?, &cx.viewer.user_id).await?.ok_or(AppError::NotSignedIn)?;
    let kommun = cx.viewer.kommun.as_ref().map(|(_, name)| name.clone());
    let view = account_view(&user, kommun);
    Ok((cx, user, view))
}

pub async fn my_account() -> Result<AccountView, AppError> {
    Ok(me().await?.2)
}

pub async fn my_data() -> Result<PersonalData, AppError> {
    let cx = Cx::new(Access::SignedIn, OwnAction::ManageOwnAccount)?;
    collect_my_data(cx.db(), &cx.viewer, cx.now).await
}

/// Everything stored about `viewer`: for the page and for the JSON download.
pub async fn collect_my_data(db: &Db, viewer: &Viewer, now: DateTime<Utc>) -> Result<PersonalData, AppError> {
    let user = users::find(&mut *db.conn().await?, &viewer.user_id).await?.ok_or(AppError::NotSignedIn)?;
    let account = account_view(&user, viewer.kommun.as_ref().map(|(_, name)| name.clone()));
    let sessions = storage::sessions::list_for_user(&mut *db.conn().await?, &user.id)
        .await?
        .into_iter()
        .map(|(a, b)| (to_stockholm(a), to_stockholm(b)))
        .collect();
    let mails = mail_queue::for_recipient(&mut *db.conn().await?, &user.email, now)
        .await?
        .into_iter()
        .map(|(subject, at)| (subject, to_stockholm(at)))
        .collect();
    let failed_log_ins = storage::login_failures::since(
        &mut *db.conn().await?,
        &format!("konto:{}", user.email),
        now - Duration::days(1),
    )
    .await?
    .len();
    let jury_rounds = storage::jury::round_titles_of(&mut *db.conn().await?, &user.id).await?;
    let employer = storage::jury::employer_of(&mut *db.conn().await?, &user.id).await?.map(|e| e.label());
    Ok(PersonalData {
        email_confirmed: user.email_confirmed,
        jury_rounds,
        employer,
        sessions,
        mails,
        failed_log_ins,
        account,
    })
}

pub async fn update_profile(name: String, phone: String) -> FormReply {
    let mut problems = Problems::new(FormId::Profile).keep("name", &name).keep("phone", &phone);
    run("/konto", problems.clone(), async move {
        let (cx, user, _) = me().await?;
        let name = problems.check("name", PersonName::parse(&name));
        let phone = problems.check("phone", Phone::parse_optional(&phone));
        let (Some(name), Some(phone)) = (name, phone) else {
            return Ok(Err(problems));
        };
        users::update_profile(&mut *cx.db().conn().await?, &user.id, &name, phone.as_ref()).await?;
        Ok(Ok(done_href("/konto", Done::ProfileSaved)))
    })
    .await
}

pub async fn change_password(current: String, new: String) -> FormReply {
    let mut problems = Problems::new(FormId::ChangePassword);
    run("/konto", problems.clone(), async move {
        let (cx, user, _) = me().await?;
        if !cx.hasher().verify(&current, &user.password_hash).await? {
            problems.add("current_password", Problem::WrongPassword);
            return Ok(Err(problems));
        }
        if problems.check("new_password", check_new_password(&new, &user.name, &user.email)).is_none() {
            return Ok(Err(problems));
        }
        let hash = cx.hasher().hash(&new).await?;
        let now = cx.now;
        let mut tx = cx.db().begin_write().await?;
        users::set_password(&mut tx, &user.id, &hash).await?;
        if let Some(current) = auth::current_session() {
            storage::sessions::delete_others(&mut tx, &user.id, &current.id_hash).await?;
        }
        queue_password_changed(&mut tx, &cx, &user, now).await?;
        tx.commit().await?;
        Ok(Ok(done_href("/konto", Done::PasswordChanged)))
    })
    .await
}

pub async fn delete_account(password: String, confirm: Option<String>) -> FormReply {
    let mut problems = Problems::new(FormId::DeleteAccount);
    run("/konto/radera", problems.clone(), async move {
        let (cx, user, _) = me().await?;
        if confirm.as_deref() != Some("ja") {
            problems.add("confirm", Problem::NotConfirmedDeletion);
        }
        if !cx.hasher().verify(&password, &user.password_hash).await? {
            problems.add("password", Problem::WrongPassword);
        }
        if !problems.is_empty() {
            return Ok(Err(problems));
        }
        if user.role == Role::Organiser && users::count_role(&mut *cx.db().conn().await?, Role::Organiser).await? <= 1 {
            problems.add("", Problem::LastOrganiser);
            return Ok(Err(problems));
        }
        let now = cx.now;
        let mut tx = cx.db().begin_write().await?;
        mail_queue::delete_for_deleted_account(&mut tx, &user.email, now).await?;
        storage::invitations::delete_for_email(&mut tx, &user.email).await?;
        storage::login_failures::delete_for_account(&mut tx, &user.email).await?;
        users::delete(&mut tx, &user.id).await?;
        mail_queue::enqueue(&mut tx, &messages::account_deleted(&user.email, &user.name), now).await?;
        tx.commit().await?;
        set_cookie(&session::removal_cookie(cx.settings().uses_https()));
        tracing::info!(user = %user.id, "account deleted");
        Ok(Ok(done_href(LOG_IN_PAGE, Done::AccountDeleted)))
    })
    .await
}
