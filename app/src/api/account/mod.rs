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
    let cx = crate::api::cx::Cx::anyone(crate::domain::policy::OwnAction::ReadPublic)?;
    Ok(crate::storage::kommuner::list(&mut *cx.db().conn().await?).await?)
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
mod log_in;
#[cfg(feature = "ssr")]
mod my_account;
#[cfg(feature = "ssr")]
mod password;
#[cfg(feature = "ssr")]
mod sign_up;

#[cfg(feature = "ssr")]
pub mod ssr {
    pub use super::{log_in::*, my_account::*, password::*, sign_up::*};
}
