//! Server functions for organisers managing people, and for the person who
//! follows an invitation link.

use crate::api::form::FormReply;
use crate::{domain::account::Role, error::AppError};
use chrono::NaiveDateTime;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

pub const PEOPLE_PAGE: &str = "/arrangor/personer";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    pub id: String,
    pub name: String,
    pub email: String,
    pub role: Role,
    pub kommun: Option<String>,
    pub email_confirmed: bool,
    /// For applicants: whether they may act for their kommun.
    pub approved: bool,
    /// For applicants: whether their address is at the kommun's own domain.
    pub kommun_address: Option<bool>,
    /// A waiting applicant whose kommun has no approved applicant: only an organiser can let them in.
    pub first_of_kommun: bool,
    /// For jurors: the ids of the rounds they sit on.
    pub jury_rounds: Vec<String>,
    pub created_local: NaiveDateTime,
    /// An organiser has taken the person's access away.
    pub blocked: bool,
    /// The person looking at the list: their own access cannot be taken away here.
    pub is_viewer: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PendingInvitation {
    pub name: String,
    pub email: String,
    pub role: Role,
    pub round_title: Option<String>,
    pub invited_by: Option<String>,
    pub expires_local: NaiveDateTime,
    pub expired: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PeopleOverview {
    pub people: Vec<Person>,
    pub invitations: Vec<PendingInvitation>,
    /// Rounds a juror can be invited to: id and title.
    pub rounds: Vec<(String, String)>,
}

/// What the invited person sees before choosing a password.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvitationView {
    pub name: String,
    pub email: String,
    pub role: Role,
    pub round_title: Option<String>,
    pub invited_by: Option<String>,
}

#[server(endpoint = "people", input = leptos::server_fn::codec::GetUrl)]
pub async fn people() -> Result<PeopleOverview, AppError> {
    ssr::people().await
}

#[server(endpoint = "invite")]
pub async fn invite(
    #[server(default)] name: String,
    #[server(default)] email: String,
    // A radio group with nothing chosen sends no field at all: missing is "not chosen",
    // said beside the field with the rest of the form kept, not a request that cannot be read.
    #[server(default)] role: String,
    round: Option<String>,
) -> Result<FormReply, AppError> {
    Ok(ssr::invite(name, email, role, round).await)
}

/// Sends the newest open invitation to `email` again, with a new link and time limit.
#[server(endpoint = "resend_invitation")]
pub async fn resend_invitation(email: String) -> Result<FormReply, AppError> {
    Ok(ssr::resend(email).await)
}

/// Takes a person's access away: their sessions end and they cannot log in.
#[server(endpoint = "remove_access")]
pub async fn remove_access(user: String) -> Result<FormReply, AppError> {
    Ok(ssr::set_access(user, false).await)
}

/// Gives a person their access back.
#[server(endpoint = "restore_access")]
pub async fn restore_access(user: String) -> Result<FormReply, AppError> {
    Ok(ssr::set_access(user, true).await)
}

/// Puts a juror on a round's jury (`seat=ja`) or takes them off it (`seat=nej`).
#[server(endpoint = "set_jury_seat")]
pub async fn set_jury_seat(user: String, round: String, seat: String) -> Result<FormReply, AppError> {
    Ok(ssr::seat(user, round, seat == "ja").await)
}

#[server(endpoint = "invitation", input = leptos::server_fn::codec::GetUrl)]
pub async fn invitation(token: String) -> Result<Option<InvitationView>, AppError> {
    ssr::invitation(token).await
}

#[server(endpoint = "accept_invitation")]
pub async fn accept_invitation(
    token: String,
    name: String,
    phone: String,
    password: String,
) -> Result<FormReply, AppError> {
    Ok(ssr::accept_invitation(token, name, phone, password).await)
}

#[cfg(feature = "ssr")]
pub(crate) mod ssr {
    use super::*;
    use crate::{
        api::{
            account::ssr::check_new_password,
            cx::{Anyone, Cx},
            form::{Done, FormId, Problem, Problems, done_href, run},
        },
        auth::secret,
        domain::{
            access::{Access, Viewer, lets_colleagues_in},
            account::{AccountError, Email, PersonName, Phone},
            deadline::to_stockholm,
            kommun::address_of_kommun,
            policy::{Action, OwnAction},
        },
        mail::messages,
        routes::LOG_IN_PAGE,
        storage::{
            self,
            audit::{self, Actor},
            invitations, jury, mail_queue, users,
        },
    };
    use chrono::Duration;

    pub const INVITATION_VALID: Duration = Duration::days(7);

    pub async fn people() -> Result<PeopleOverview, AppError> {
        let cx = Cx::manager()?;
        let viewer = &cx.viewer;
        let db = cx.db();
        let kommuner = storage::kommuner::list(&mut *db.conn().await?).await?;
        let now = cx.now;
        let users = users::list(&mut *db.conn().await?).await?;
        let names: Vec<&str> = kommuner.iter().map(|k| k.namn.as_str()).collect();
        let approved_kommuner: Vec<&str> = users
            .iter()
            .filter(|u| u.role == Role::Applicant && lets_colleagues_in(u.approved, u.email_confirmed, u.blocked))
            .filter_map(|u| u.kommun_kod.as_deref())
            .collect();
        let first_of_kommun = |u: &users::StoredUser| {
            u.role == Role::Applicant
                && !u.approved
                && u.kommun_kod.as_deref().is_some_and(|code| !approved_kommuner.contains(&code))
        };
        let mut people = Vec::new();
        for u in &users {
            let jury_rounds =
                if u.role == Role::Juror { jury::rounds_of(&mut *db.conn().await?, &u.id).await? } else { Vec::new() };
            let kommun = u
                .kommun_kod
                .as_deref()
                .and_then(|code| kommuner.iter().find(|k| k.kod.as_str() == code))
                .map(|k| k.namn.clone());
            people.push(Person {
                is_viewer: u.id == viewer.user_id,
                jury_rounds,
                kommun_address: kommun.as_deref().map(|name| address_of_kommun(&u.email, name, &names)),
                first_of_kommun: first_of_kommun(u),
                kommun,
                id: u.id.clone(),
                name: u.name.clone(),
                email: u.email.clone(),
                role: u.role,
                email_confirmed: u.email_confirmed,
                approved: u.approved,
                created_local: to_stockholm(u.created_at),
                blocked: u.blocked,
            });
        }
        let invitations = invitations::pending(&mut *db.conn().await?)
            .await?
            .into_iter()
            .map(|i| PendingInvitation {
                expired: i.expires_at <= now,
                expires_local: to_stockholm(i.expires_at),
                name: i.name,
                email: i.email,
                role: i.role,
                round_title: i.round_title,
                invited_by: i.invited_by,
            })
            .collect();
        Ok(PeopleOverview { people, invitations, rounds: storage::rounds::titles(&mut *db.conn().await?).await? })
    }

    pub async fn invite(name: String, email: String, role: String, round: Option<String>) -> FormReply {
        let round = round.filter(|r| !r.is_empty());
        let mut problems = Problems::new(FormId::Invite)
            .keep("name", &name)
            .keep("email", &email)
            .keep("role", &role)
            .keep("round", round.as_deref().unwrap_or(""));
        let page = PEOPLE_PAGE;
        run(page, problems.clone(), async move {
            let cx = Cx::new(Access::Organiser, Action::ManageRound)?;
            let viewer = &cx.viewer;
            let name = problems.check("name", PersonName::parse(&name));
            let email = problems.check("email", Email::parse(&email));
            let role = match Role::from_code(&role) {
                Some(r @ (Role::Juror | Role::Organiser)) => Some(r),
                _ => {
                    problems.add("role", Problem::RoleMissing);
                    None
                }
            };
            let rounds = storage::rounds::titles(&mut *cx.db().conn().await?).await?;
            let round = match (role, round) {
                (Some(Role::Juror), Some(id)) => match rounds.iter().find(|(rid, _)| *rid == id) {
                    Some(found) => Some(found.clone()),
                    None => {
                        problems.add("round", Problem::RoundMissing);
                        None
                    }
                },
                (Some(Role::Juror), None) => {
                    problems.add("round", Problem::RoundMissing);
                    None
                }
                _ => None,
            };
            let (Some(name), Some(email), Some(role)) = (name, email, role) else {
                return Ok(Err(problems));
            };
            if !problems.is_empty() {
                return Ok(Err(problems));
            }
            if users::find_by_email(&mut *cx.db().conn().await?, &email).await?.is_some() {
                problems.add("email", Problem::EmailTaken);
                return Ok(Err(problems));
            }
            let now = cx.now;
            let token = secret::new_token();
            let mut tx = cx.db().begin_write().await?;
            let new = invitations::NewInvitation {
                token_hash: &secret::hash_token(&token),
                email: email.as_str(),
                name: name.as_str(),
                role,
                round_id: round.as_ref().map(|(id, _)| id.as_str()),
                invited_by: &viewer.user_id,
            };
            invitations::insert(&mut tx, &new, now, now + INVITATION_VALID).await?;
            let mail = messages::invitation(
                email.as_str(),
                name.as_str(),
                role,
                round.as_ref().map(|(_, title)| title.as_str()),
                &viewer.name,
                &cx.settings().base_url,
                &token,
            );
            mail_queue::enqueue(&mut tx, &mail, now).await?;
            let detail = format!("Bjöd in {} ({}) som {}", name.as_str(), email.as_str(), role_name(role));
            audit::record(&mut tx, actor(viewer), round_id(&round), "inbjudan", &detail, now).await?;
            tx.commit().await?;
            tracing::info!(by = %viewer.user_id, role = role.code(), "invitation sent");
            Ok(Ok(done_href(page, Done::Invited)))
        })
        .await
    }

    fn actor(viewer: &Viewer) -> Actor<'_> {
        Actor { user_id: Some(&viewer.user_id), name: &viewer.name }
    }

    fn round_id(round: &Option<(String, String)>) -> Option<&str> {
        round.as_ref().map(|(id, _)| id.as_str())
    }

    fn role_name(role: Role) -> &'static str {
        crate::i18n::Locale::Sv.texts().a.role_name(role)
    }

    pub async fn resend(email: String) -> FormReply {
        run(PEOPLE_PAGE, Problems::new(FormId::ResendInvitation), async move {
            let cx = Cx::manager()?;
            let viewer = &cx.viewer;
            let now = cx.now;
            let token = secret::new_token();
            let mut tx = cx.db().begin_write().await?;
            let Some(invitation) =
                invitations::renew(&mut tx, &email, &secret::hash_token(&token), now + INVITATION_VALID).await?
            else {
                return Err(AppError::NotFound);
            };
            let mail = messages::invitation(
                &invitation.email,
                &invitation.name,
                invitation.role,
                invitation.round_title.as_deref(),
                &viewer.name,
                &cx.settings().base_url,
                &token,
            );
            mail_queue::enqueue(&mut tx, &mail, now).await?;
            let detail = format!("Skickade inbjudan till {} ({}) igen", invitation.name, invitation.email);
            audit::record(&mut tx, actor(viewer), invitation.round_id.as_deref(), "inbjudan", &detail, now).await?;
            tx.commit().await?;
            Ok(Ok(done_href(PEOPLE_PAGE, Done::InvitationResent)))
        })
        .await
    }

    pub async fn seat(user: String, round: String, seated: bool) -> FormReply {
        run(PEOPLE_PAGE, Problems::new(FormId::JurySeat), async move {
            let cx = Cx::manager()?;
            let viewer = &cx.viewer;
            let juror = users::find(&mut *cx.db().conn().await?, &user)
                .await?
                .filter(|u| u.role == Role::Juror)
                .ok_or(AppError::NotFound)?;
            let rounds = storage::rounds::titles(&mut *cx.db().conn().await?).await?;
            let (round_id, title) = rounds.iter().find(|(id, _)| *id == round).ok_or(AppError::NotFound)?;
            let now = cx.now;
            let mut tx = cx.db().begin_write().await?;
            if seated {
                jury::assign(&mut tx, round_id, &juror.id).await?;
            } else {
                jury::unassign(&mut tx, round_id, &juror.id).await?;
            }
            let detail = if seated {
                format!("Satte {} ({}) i juryn för {title}", juror.name, juror.email)
            } else {
                format!("Tog bort {} ({}) ur juryn för {title}", juror.name, juror.email)
            };
            audit::record(&mut tx, actor(viewer), Some(round_id), "behorighet", &detail, now).await?;
            tx.commit().await?;
            let done = if seated { Done::Seated } else { Done::Unseated };
            Ok(Ok(done_href(PEOPLE_PAGE, done)))
        })
        .await
    }

    pub async fn set_access(user: String, allow: bool) -> FormReply {
        run(PEOPLE_PAGE, Problems::new(FormId::Access), async move {
            let cx = Cx::manager()?;
            let viewer = &cx.viewer;
            let person = users::find(&mut *cx.db().conn().await?, &user).await?.ok_or(AppError::NotFound)?;
            // Never one's own: an organiser could lock the award out of its last organiser.
            if person.id == viewer.user_id {
                return Err(AppError::Forbidden);
            }
            let now = cx.now;
            let mut tx = cx.db().begin_write().await?;
            if !users::set_blocked(&mut tx, &person.id, &viewer.user_id, (!allow).then_some(now)).await? {
                // Already so (a second click), or the asker lost access meanwhile: nothing to record.
                return Ok(Ok(PEOPLE_PAGE.to_owned()));
            }
            if !allow {
                storage::sessions::delete_for_user(&mut tx, &person.id).await?;
                // Nothing more reaches them, held mail included (an embargoed outcome, say).
                mail_queue::delete_unsent_to(&mut tx, &person.email).await?;
            }
            let (done, detail) = if allow {
                (Done::AccessRestored, format!("Gav {} ({}) åtkomst igen", person.name, person.email))
            } else {
                (Done::AccessRemoved, format!("Tog bort åtkomsten för {} ({})", person.name, person.email))
            };
            audit::record(&mut tx, actor(viewer), None, "behorighet", &detail, now).await?;
            tx.commit().await?;
            tracing::info!(user = %person.id, by = %viewer.user_id, allow, "access changed");
            Ok(Ok(done_href(PEOPLE_PAGE, done)))
        })
        .await
    }

    async fn valid_invitation(cx: &Anyone, token: &str) -> Result<Option<invitations::Invitation>, AppError> {
        if !secret::is_token_shaped(token) {
            return Ok(None);
        }
        Ok(invitations::find_valid(&mut *cx.db().conn().await?, &secret::hash_token(token), cx.now).await?)
    }

    pub async fn invitation(token: String) -> Result<Option<InvitationView>, AppError> {
        let cx = Anyone::anyone(OwnAction::SignUp)?;
        Ok(valid_invitation(&cx, &token).await?.map(|i| InvitationView {
            name: i.name,
            email: i.email,
            role: i.role,
            round_title: i.round_title,
            invited_by: i.invited_by,
        }))
    }

    pub async fn accept_invitation(token: String, name: String, phone: String, password: String) -> FormReply {
        let page = if secret::is_token_shaped(&token) { format!("/inbjudan/{token}") } else { "/".to_owned() };
        let mut problems = Problems::new(FormId::AcceptInvitation).keep("name", &name).keep("phone", &phone);
        run(&page.clone(), problems.clone(), async move {
            let cx = Anyone::anyone(OwnAction::SignUp)?;
            let Some(invitation) = valid_invitation(&cx, &token).await? else {
                problems.add("", Problem::LinkInvalid);
                return Ok(Err(problems));
            };
            let name = problems.check("name", PersonName::parse(&name));
            let phone = problems.check("phone", Phone::parse_optional(&phone));
            problems.check("password", check_new_password(&password, &invitation.name, &invitation.email));
            let (Some(name), Some(phone)) = (name, phone) else {
                return Ok(Err(problems));
            };
            if !problems.is_empty() {
                return Ok(Err(problems));
            }
            let email = Email::parse(&invitation.email).map_err(|_: AccountError| AppError::Internal)?;
            let hash = cx.hasher().hash(&password).await?;
            let now = cx.now;
            let mut tx = cx.db().begin_write().await?;
            if !invitations::accept(&mut tx, &secret::hash_token(&token), now).await? {
                problems.add("", Problem::LinkInvalid);
                return Ok(Err(problems));
            }
            let new = users::NewUser {
                email: &email,
                name: &name,
                phone: phone.as_ref().map(Phone::as_str),
                role: invitation.role,
                kommun: None,
                password_hash: &hash,
                // The link came to the mailbox, which proves the address.
                email_confirmed_at: Some(now),
            };
            let id = match users::insert(&mut tx, &new, now).await {
                Ok(id) => id,
                Err(users::InsertUserError::EmailTaken) => {
                    problems.add("", Problem::EmailTaken);
                    return Ok(Err(problems));
                }
                Err(users::InsertUserError::Database(e)) => return Err(e.into()),
            };
            if let Some(round) = &invitation.round_id {
                jury::assign(&mut tx, round, &id).await?;
            }
            let detail =
                format!("{} ({}) tog emot inbjudan som {}", name.as_str(), email.as_str(), role_name(invitation.role));
            let actor = Actor { user_id: Some(&id), name: name.as_str() };
            audit::record(&mut tx, actor, invitation.round_id.as_deref(), "inbjudan", &detail, now).await?;
            tx.commit().await?;
            tracing::info!(user = %id, role = invitation.role.code(), "invitation accepted");
            Ok(Ok(done_href(LOG_IN_PAGE, Done::AccountCreated)))
        })
        .await
    }
}
