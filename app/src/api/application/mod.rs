//! Server functions of a kommun's application: open it, save it (the autosave
//! and the "Spara utkast" button are the same call), look back through a
//! part's versions and restore one, submit, reopen, and read a submission.
//! The application is always looked up by id and checked against the
//! viewer's kommun; the viewer comes from the session, never from the form.

use super::form::FormReply;
use crate::{
    domain::application::{Refusal, Status, SubmitProblem},
    error::AppError,
};
use chrono::NaiveDateTime;
use leptos::{prelude::*, server_fn::codec::GetUrl};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// One part of the form: a section, the summary or a contact field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartView {
    pub part: String,
    /// The section's title; empty for the summary and contact fields, whose
    /// labels are the interface's own.
    pub title: String,
    pub guidance: String,
    pub limit: u32,
    /// The version the text below is based on (0: never saved).
    pub version: i64,
    pub body: String,
    pub saved_by: Option<String>,
    pub saved_local: Option<NaiveDateTime>,
    /// The viewer's own text, kept when it met a newer version.
    pub conflict: Option<EditConflict>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EditConflict {
    pub my_text: String,
    pub my_base: i64,
    pub kept_local: NaiveDateTime,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubmissionSummary {
    pub number: i64,
    pub reference: String,
    pub submitted_local: NaiveDateTime,
    pub submitted_by: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApplicationView {
    /// None when the round is not open and the kommun never began one.
    pub id: Option<String>,
    pub round_title: String,
    pub kommun: String,
    pub status: Status,
    /// The last minute in which it may be submitted, for this kommun.
    pub deadline_local: NaiveDateTime,
    /// Set when this kommun was granted a later deadline.
    pub extended: bool,
    /// Why it cannot be changed now; none while it can.
    pub refusal: Option<Refusal>,
    pub may_reopen: bool,
    /// Sections first, then the summary, then the contact fields.
    pub parts: Vec<PartView>,
    pub problems: Vec<SubmitProblem>,
    pub submissions: Vec<SubmissionSummary>,
    pub last_saved_local: Option<NaiveDateTime>,
    /// A fresh key for the submit form, so a doubled request submits once.
    pub request_key: String,
    /// The viewer waits for a colleague or an organiser to let them act for the kommun.
    pub awaiting_approval: bool,
    /// The kommun's applicants, approved or waiting.
    pub colleagues: Vec<Colleague>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Colleague {
    pub user_id: String,
    pub name: String,
    pub email: String,
    pub approved: bool,
}

/// The answer to a save, for the autosave's status line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SaveReply {
    /// Parts saved now, with their new versions.
    pub saved: Vec<(String, i64)>,
    /// Parts that met a newer version; the writer's text is kept as their copy.
    pub conflicts: Vec<String>,
    /// Why nothing could be saved; the text is kept as the writer's copy.
    pub refused: Option<Refusal>,
    /// Parts longer than a draft may be (`too_long_for_draft`), with their length and the
    /// most allowed: not saved. The form's own limit keeps a person from typing more, so
    /// only a client of its own sends such a text, and it is not stored anywhere.
    pub too_long: Vec<(String, usize, u32)>,
    /// What the form's status line says now, in the writer's language: the
    /// browser holds no texts of its own.
    pub status: String,
}

/// One part's saved versions, newest first, and the one asked for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HistoryView {
    pub application_id: String,
    pub part: String,
    pub title: String,
    pub current_version: i64,
    pub editable: bool,
    pub versions: Vec<VersionSummary>,
    pub shown: Option<VersionSummary>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VersionSummary {
    pub version: i64,
    pub saved_by: String,
    pub saved_local: NaiveDateTime,
    pub chars: usize,
    pub body: String,
}

/// A submission as it was sent: for the receipt page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubmissionView {
    pub summary: SubmissionSummary,
    pub round_title: String,
    pub kommun: String,
    /// Each part's heading (empty for the interface's own labels), key and text.
    pub parts: Vec<(String, String, String)>,
    pub is_latest: bool,
}

#[server(endpoint = "my_application", input = GetUrl)]
pub async fn my_application() -> Result<Option<ApplicationView>, AppError> {
    ssr::my_application().await
}

#[server(endpoint = "save_application")]
pub async fn save_application(
    application: String,
    #[server(default)] text: HashMap<String, String>,
    #[server(default)] version: HashMap<String, i64>,
    #[server(default)] action: Option<String>,
) -> Result<SaveReply, AppError> {
    ssr::save(application, text, version, action).await
}

#[server(endpoint = "part_history", input = GetUrl)]
pub async fn part_history(part: String, version: Option<i64>) -> Result<Option<HistoryView>, AppError> {
    ssr::history(part, version).await
}

#[server(endpoint = "restore_version")]
pub async fn restore_version(application: String, part: String, version: i64) -> Result<FormReply, AppError> {
    Ok(ssr::restore(application, part, version).await)
}

#[server(endpoint = "submit_application")]
pub async fn submit_application(application: String, request_key: String) -> Result<FormReply, AppError> {
    Ok(ssr::submit(application, request_key).await)
}

#[server(endpoint = "reopen_application")]
pub async fn reopen_application(application: String) -> Result<FormReply, AppError> {
    Ok(ssr::reopen(application).await)
}

/// Lets a waiting applicant act for their kommun: an approved colleague or an organiser.
#[server(endpoint = "approve_applicant")]
pub async fn approve_applicant(user: String) -> Result<FormReply, AppError> {
    Ok(ssr::approve(user, true).await)
}

/// Takes an applicant's right to act for their kommun away again: organisers only.
#[server(endpoint = "withdraw_applicant")]
pub async fn withdraw_applicant(user: String) -> Result<FormReply, AppError> {
    Ok(ssr::approve(user, false).await)
}

#[server(endpoint = "my_submission", input = GetUrl)]
pub async fn my_submission(number: i64) -> Result<Option<SubmissionView>, AppError> {
    ssr::submission(number).await
}

/// The page of the application and of its parts.
pub const APPLICATION_PAGE: &str = "/ansokan";

pub fn receipt_href(number: i64) -> String {
    format!("{APPLICATION_PAGE}/inskickad/{number}")
}

#[cfg(feature = "ssr")]
mod approve;
#[cfg(feature = "ssr")]
mod history;
#[cfg(feature = "ssr")]
mod owned;
#[cfg(feature = "ssr")]
mod save;
#[cfg(feature = "ssr")]
mod submit;
#[cfg(feature = "ssr")]
mod view;

#[cfg(feature = "ssr")]
pub mod ssr {
    pub use super::{approve::*, history::*, owned::*, save::*, submit::*, view::*};
}
