//! The review form's autosave (`components::autosave`): the whole form is sent
//! two seconds after the juror stops typing or clicking, on the review's version.
//! A refused save (another tab saved first, the review closed) stops the
//! autosave and says why; what was typed stays in the form.

use crate::{
    api::jury::{AutosaveReply, AutosaveReview},
    components::{
        autosave::{self, Answer, Form, listen},
        islands::StatusTexts,
        unsent,
    },
    error::AppError,
    wiring::FormId,
};
use leptos::{prelude::document, server_fn::ServerFn};
use std::time::Duration;
use wasm_bindgen::JsCast;
use web_sys::{FormData, HtmlFormElement, HtmlInputElement, SubmitEvent, UrlSearchParams};

struct Review {
    form: HtmlFormElement,
    application: String,
    locked: bool,
    /// The form's body as last edited, not yet sent.
    body: Option<String>,
    /// The form's body as last edited, until the server has acknowledged it: what
    /// session storage keeps.
    unacked: Option<String>,
}

impl Review {
    /// The version field: the review's version the page shows, which each save moves on.
    fn version_field(&self) -> Option<HtmlInputElement> {
        self.form.query_selector("input[name=\"version\"]").ok().flatten()?.dyn_into().ok()
    }

    fn version(&self) -> i64 {
        self.version_field().and_then(|f| f.value().parse().ok()).unwrap_or_default()
    }

    /// The form as a body for the autosave: every field but the button's action.
    fn body(&self) -> Option<String> {
        let data = FormData::new_with_form(&self.form).ok()?;
        data.delete("action");
        let params = UrlSearchParams::new_with_str_sequence_sequence(&data).ok()?;
        Some(params.to_string().into())
    }
}

impl Form for Review {
    /// The body sent.
    type Sent = String;
    type Reply = AutosaveReply;

    const PATH: &'static str = AutosaveReview::PATH;
    const LONGEST_WAIT: Option<Duration> = None;

    /// One per application, as the form is.
    fn kept_as(&self) -> String {
        format!("bedomning-{}", self.application)
    }

    /// Only if the page shows something else and the review can still change
    /// (not done, not closed), and only over the version it was written on: a
    /// newer one (another tab's, or this form's own save, landed) is not replaced
    /// on the screen.
    fn restore(&mut self, kept: &str) -> bool {
        let Some(now) = self.body().filter(|_| !self.locked) else { return false };
        let version = |body: &str| UrlSearchParams::new_with_str(body).ok().and_then(|p| p.get("version"));
        if typed(kept) == typed(&now) || version(kept) != version(&now) {
            return false;
        }
        let Ok(values) = UrlSearchParams::new_with_str(kept) else { return false };
        unsent::fill_form(&self.form, &values, &["csrf", "version", "application"]);
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

    fn take(&mut self, overtaking: bool) -> Option<(UrlSearchParams, String)> {
        // The version is read when sending: an earlier save may have moved it on. Leaving the
        // page while a save is on its way cannot wait for its answer: this one follows it, on
        // the version that save makes (a whole-form save moves the version on by one).
        let version = self.version() + i64::from(overtaking);
        let params = with_version(self.body.as_deref()?, version)?;
        Some((params, self.body.take()?))
    }

    fn answered(&mut self, sent: String, reply: Result<AutosaveReply, AppError>) -> Answer {
        match reply {
            Ok(AutosaveReply::Saved { version, status }) => {
                if let Some(field) = self.version_field() {
                    field.set_value(&version.to_string());
                }
                // Changed while this save was on its way: that is now written over this version.
                self.unacked =
                    self.body.as_deref().and_then(|newer| with_version(newer, version)).map(|p| p.to_string().into());
                Answer::Saved(status)
            }
            Ok(AutosaveReply::Refused(status)) => {
                // Refused for good: nothing to send, nor to put back on the next load; the form keeps its text.
                self.body = None;
                self.unacked = None;
                Answer::Refused(status)
            }
            Ok(AutosaveReply::Invalid(status)) => Answer::Problem(status),
            Err(error) => {
                // Not lost: sent again unless newer edits came meanwhile.
                self.body.get_or_insert(sent);
                Answer::Failed(error)
            }
        }
    }

    fn posted(&mut self) {
        self.body = None;
    }

    fn retry_after(_: u32) -> Duration {
        Duration::from_millis(5_000)
    }
}

/// Binds the page's form.
pub fn start(texts: StatusTexts) {
    let Some((form, application)) = autosave::form_of_application(FormId::Review.as_str()) else { return };
    // Done, or the review closed: nothing to save (the reason for undoing "Klar" goes with its button).
    let locked = form.query_selector("textarea:disabled").ok().flatten().is_some();
    let review = Review { form: form.clone(), application, locked, body: None, unacked: None };
    autosave::start(review, form.clone(), document().get_element_by_id("bedomning-status"), texts);
    // Typing, and a radio button chosen.
    for event in ["input", "change"] {
        listen(&form, event, move |_: web_sys::Event| {
            if !locked {
                edited();
            }
        });
    }
    // "Spara", "Klar" and "Ångra" post the whole form.
    listen(&form, "submit", |event: SubmitEvent| autosave::post_plainly::<Review>(&event));
}

/// A field changed: save soon.
fn edited() {
    autosave::edited(|review: &mut Review| {
        review.body = review.body();
        review.unacked.clone_from(&review.body);
    });
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
