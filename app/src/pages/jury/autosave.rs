//! The review form's autosave (`components::autosave`): the whole form is sent
//! two seconds after the juror stops typing or clicking, on the review's version.
//! A refused save (another tab saved first, the review closed) stops the
//! autosave and says why; what was typed stays in the form.

use super::review::{AutosaveStatus, ReviewDraft};
use crate::{
    api::jury::{AutosaveReply, AutosaveReview},
    components::{
        autosave::{self, Answer, Form},
        unsent,
    },
    error::AppError,
    i18n::texts,
    wiring::FormId,
};
use leptos::{prelude::*, server_fn::ServerFn};
use std::time::Duration;
use wasm_bindgen::JsCast;
use web_sys::{FormData, HtmlFormElement, UrlSearchParams};

#[derive(Default)]
struct Review {
    /// The form's body as last edited, not yet sent.
    body: Option<String>,
    /// The form's body as last edited, until the server has acknowledged it: what
    /// session storage keeps.
    unacked: Option<String>,
}

impl Form for Review {
    type Page = ReviewDraft;
    type Status = AutosaveStatus;
    /// The body sent.
    type Sent = String;
    type Reply = AutosaveReply;

    const PATH: &'static str = AutosaveReview::PATH;
    const LONGEST_WAIT: Option<Duration> = None;
    const UNSAVED: AutosaveStatus = AutosaveStatus::Unsaved;
    const SAVING: AutosaveStatus = AutosaveStatus::Saving;

    /// One per application, as the form is.
    fn kept_as(draft: ReviewDraft) -> Option<String> {
        Some(format!("bedomning-{}", draft.application.get_value()))
    }

    fn status(draft: ReviewDraft) -> RwSignal<AutosaveStatus> {
        draft.status
    }

    /// Each review's form is its own.
    fn started(&mut self, _: ReviewDraft) {
        *self = Self::default();
    }

    /// Only if the page shows something else and the review can still change, and
    /// only over the version it was written on: a newer one (another tab's, or this
    /// form's own save, landed) is not replaced on the screen.
    fn restore(&mut self, _: ReviewDraft, kept: &str) -> bool {
        let (Some(form), Some(now)) = (form(), form_body()) else {
            // Not on the page: kept for the next load.
            self.unacked = Some(kept.to_owned());
            return false;
        };
        let locked = document()
            .query_selector(&format!("#{} textarea:disabled", FormId::Review.as_str()))
            .ok()
            .flatten()
            .is_some();
        let version = |body: &str| UrlSearchParams::new_with_str(body).ok().and_then(|p| p.get("version"));
        if locked || typed(kept) == typed(&now) || version(kept) != version(&now) {
            return false;
        }
        let Ok(values) = UrlSearchParams::new_with_str(kept) else { return false };
        unsent::fill_form(&form, &values, &["csrf", "version", "application"]);
        self.body = Some(kept.to_owned());
        self.unacked = Some(kept.to_owned());
        true
    }

    fn has_unsent(&self) -> bool {
        self.body.is_some()
    }

    fn unacknowledged(&self) -> Option<String> {
        self.unacked.clone()
    }

    fn take(&mut self, draft: Option<ReviewDraft>, overtaking: bool) -> Option<(UrlSearchParams, String)> {
        // The version is read when sending: an earlier save may have moved it on. Leaving the
        // page while a save is on its way cannot wait for its answer: this one follows it, on
        // the version that save makes (a whole-form save moves the version on by one).
        let version = draft.and_then(|d| d.version.try_get_untracked()).unwrap_or_default() + i64::from(overtaking);
        let params = with_version(self.body.as_deref()?, version)?;
        Some((params, self.body.take()?))
    }

    fn answered(
        &mut self,
        draft: Option<ReviewDraft>,
        sent: String,
        reply: Result<AutosaveReply, AppError>,
    ) -> Answer<AutosaveStatus> {
        let t = texts();
        match reply {
            Ok(AutosaveReply::Saved { version, at_local }) => {
                if let Some(draft) = draft {
                    draft.version.try_set(version);
                }
                // Changed while this save was on its way: that is now written over this version.
                self.unacked =
                    self.body.as_deref().and_then(|newer| with_version(newer, version)).map(|p| p.to_string().into());
                Answer::Saved(AutosaveStatus::Saved(at_local))
            }
            Ok(AutosaveReply::Refused(problem)) => {
                // Refused for good: nothing to send, nor to put back on the next load; the form keeps its text.
                self.body = None;
                self.unacked = None;
                Answer::Refused(AutosaveStatus::Problem((t.j.problem)(&problem)))
            }
            Ok(AutosaveReply::Invalid(problems)) => {
                let text = problems.fields.first().map(|(_, p)| t.problem(p)).unwrap_or_default();
                Answer::Problem(AutosaveStatus::Problem(text))
            }
            Err(error) => {
                // Not lost: sent again unless newer edits came meanwhile.
                self.body.get_or_insert(sent);
                Answer::Failed(if error == AppError::NotSignedIn {
                    AutosaveStatus::SignedOut
                } else {
                    AutosaveStatus::Failed
                })
            }
        }
    }

    fn retry_after(_: u32) -> Duration {
        Duration::from_millis(5_000)
    }
}

/// Binds this page's form.
pub fn start(draft: ReviewDraft) {
    autosave::start::<Review>(draft);
}

/// A field changed: save soon.
pub fn edited() {
    autosave::edited(|review: &mut Review| {
        review.body = form_body();
        review.unacked.clone_from(&review.body);
    });
}

fn form() -> Option<HtmlFormElement> {
    document().get_element_by_id(FormId::Review.as_str())?.dyn_into().ok()
}

/// The form as a body for the autosave: every field but the button's action.
fn form_body() -> Option<String> {
    let data = FormData::new_with_form(&form()?).ok()?;
    data.delete("action");
    let params = UrlSearchParams::new_with_str_sequence_sequence(&data).ok()?;
    Some(params.to_string().into())
}

/// The fields a person changes, in one order, for comparing two bodies of the form.
fn typed(body: &str) -> String {
    let Ok(params) = UrlSearchParams::new_with_str(body) else { return body.to_owned() };
    for name in ["csrf", "version", "action"] {
        params.delete(name);
    }
    let _ = params.sort();
    params.to_string().into()
}

fn with_version(body: &str, version: i64) -> Option<UrlSearchParams> {
    let params = UrlSearchParams::new_with_str(body).ok()?;
    params.set("version", &version.to_string());
    Some(params)
}
