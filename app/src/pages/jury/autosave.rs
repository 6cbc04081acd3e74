//! The browser's half of the review form: saves the whole form two seconds
//! after the juror stops typing or clicking, and when the page is hidden or
//! left. A refused save (another tab saved first, the review closed) stops
//! the autosave and says why; what was typed stays in the form. Until the
//! server has acknowledged the form, it is kept in the tab's session storage
//! (`components::unsent`): a reload answered before the last save landed gets it back.

use super::review::{AutosaveStatus, ReviewDraft};
use crate::{
    api::jury::AutosaveReply,
    components::{
        form::{client::post, csrf_token},
        unsent,
    },
    error::AppError,
    i18n::texts,
};
use leptos::server_fn::ServerFn;
use leptos::{ev, prelude::*};
use std::{cell::RefCell, time::Duration};
use wasm_bindgen::{JsCast, closure::Closure};
use web_sys::{FormData, HtmlFormElement, UrlSearchParams};

const FORM_ID: &str = "bedomning-form";
const QUIET: Duration = Duration::from_millis(2_000);
const RETRY: Duration = Duration::from_millis(5_000);

#[derive(Default)]
struct Pending {
    draft: Option<ReviewDraft>,
    /// The form's body as last edited, not yet sent.
    body: Option<String>,
    timer: Option<TimeoutHandle>,
    in_flight: bool,
    /// A refusal: saving again would only be refused again.
    stopped: bool,
}

thread_local! {
    static PENDING: RefCell<Pending> = RefCell::new(Pending::default());
}

fn with_pending<R>(f: impl FnOnce(&mut Pending) -> R) -> R {
    PENDING.with(|p| f(&mut p.borrow_mut()))
}

/// Binds this page's form; sends what is unsaved when the page is hidden or left.
pub fn start(draft: ReviewDraft) {
    thread_local! {
        static LISTENING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }
    with_pending(|p| *p = Pending { draft: Some(draft), ..Pending::default() });
    // After hydration has bound the form's fields.
    let _ = set_timeout_with_handle(restore_unacknowledged, Duration::ZERO);
    on_cleanup(|| {
        send(false);
        with_pending(|p| p.draft = None);
    });
    if LISTENING.with(|l| l.replace(true)) {
        return;
    }
    let on_hide = Closure::<dyn Fn()>::new(|| {
        if document().visibility_state() == web_sys::VisibilityState::Hidden {
            send(true);
        }
    });
    let _ = document().add_event_listener_with_callback("visibilitychange", on_hide.as_ref().unchecked_ref());
    let _ = window().add_event_listener_with_callback("pagehide", on_hide.as_ref().unchecked_ref());
    on_hide.forget();
}

fn form() -> Option<HtmlFormElement> {
    document().get_element_by_id(FORM_ID)?.dyn_into().ok()
}

/// Where this review's unacknowledged form is kept: one per application, as the form is.
fn storage_key(body: &str) -> Option<String> {
    let application = UrlSearchParams::new_with_str(body).ok()?.get("application")?;
    Some(format!("{}bedomning-{application}", unsent::PREFIX))
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

/// Puts back the form this tab had not seen acknowledged, if the page shows
/// something else and the review can still change.
fn restore_unacknowledged() {
    let (Some(form), Some(now)) = (form(), form_body()) else { return };
    let Some(key) = storage_key(&now) else { return };
    let Some(kept) = unsent::kept(&key) else { return };
    let locked = document().query_selector("#bedomning-form textarea:disabled").ok().flatten().is_some();
    let version = |body: &str| UrlSearchParams::new_with_str(body).ok().and_then(|p| p.get("version"));
    // Only over the version it was written on: a newer one (another tab's, or this
    // form's own save, landed) is not replaced on the screen.
    if locked || typed(&kept) == typed(&now) || version(&kept) != version(&now) {
        unsent::forget(&key);
        return;
    }
    let Ok(values) = UrlSearchParams::new_with_str(&kept) else { return };
    unsent::fill_form(&form, &values, &["csrf", "version", "application"]);
    with_pending(|p| p.body = Some(kept));
    show(AutosaveStatus::Unsaved);
    schedule(Duration::ZERO);
}

/// The form as a body for the autosave: every field but the button's action.
fn form_body() -> Option<String> {
    let form = form()?;
    let data = FormData::new_with_form(&form).ok()?;
    data.set_with_str("csrf", &csrf_token()).ok()?;
    data.delete("action");
    let params = UrlSearchParams::new_with_str_sequence_sequence(&data).ok()?;
    Some(params.to_string().into())
}

/// A field changed: save soon.
pub fn edited(_draft: ReviewDraft, _event: &ev::Event) {
    if with_pending(|p| p.stopped) {
        return;
    }
    let body = form_body();
    if let Some((key, body)) = body.as_deref().and_then(|b| Some((storage_key(b)?, b))) {
        unsent::keep(&key, body);
    }
    with_pending(|p| p.body = body);
    show(AutosaveStatus::Unsaved);
    schedule(QUIET);
}

fn schedule(after: Duration) {
    let handle = set_timeout_with_handle(|| send(false), after).ok();
    with_pending(|p| {
        if let Some(old) = std::mem::replace(&mut p.timer, handle) {
            old.clear();
        }
    });
}

fn show(status: AutosaveStatus) {
    if let Some(draft) = with_pending(|p| p.draft) {
        draft.status.try_set(status);
    }
}

fn send(keepalive: bool) {
    let taken = with_pending(|p| {
        if p.stopped || (p.in_flight && !keepalive) {
            return None;
        }
        if let Some(timer) = p.timer.take() {
            timer.clear();
        }
        let body = p.body.take()?;
        let overtaking = p.in_flight;
        p.in_flight = true;
        Some((body, p.draft, overtaking))
    });
    let Some((body, draft, overtaking)) = taken else { return };
    // The version is read when sending: an earlier save may have moved it on. Leaving the
    // page while a save is on its way cannot wait for its answer: this one follows it, on
    // the version that save makes (a whole-form save moves the version on by one).
    let version = draft.and_then(|d| d.version.try_get_untracked()).unwrap_or_default() + i64::from(overtaking);
    let body = replace_version(&body, version);
    show(AutosaveStatus::Saving);
    leptos::task::spawn_local(async move {
        let reply = post::<AutosaveReply>(crate::api::jury::AutosaveReview::PATH, body.clone(), keepalive).await;
        with_pending(|p| p.in_flight = false);
        let t = texts();
        match reply {
            Ok(AutosaveReply::Saved { version, at_local }) => {
                if let Some(draft) = with_pending(|p| p.draft) {
                    draft.version.try_set(version);
                }
                // Changed while this save was on its way: that is not saved yet, and is
                // now written over this version.
                let newer = with_pending(|p| p.body.clone());
                if let Some(key) = storage_key(&body) {
                    match &newer {
                        Some(newer) => unsent::keep(&key, &replace_version(newer, version)),
                        None => unsent::forget(&key),
                    }
                }
                let newer = newer.is_some();
                show(if newer { AutosaveStatus::Unsaved } else { AutosaveStatus::Saved(at_local) });
            }
            Ok(AutosaveReply::Refused(problem)) => {
                // Refused for good: nothing to put back on the next load; the form keeps its text.
                if let Some(key) = storage_key(&body) {
                    unsent::forget(&key);
                }
                with_pending(|p| p.stopped = true);
                show(AutosaveStatus::Problem((t.j.problem)(&problem)));
            }
            Ok(AutosaveReply::Invalid(problems)) => {
                let text = problems.fields.first().map(|(_, p)| t.problem(p)).unwrap_or_default();
                show(AutosaveStatus::Problem(text));
            }
            Err(error) => {
                // Not lost: sent again unless newer edits came meanwhile.
                with_pending(|p| {
                    p.body.get_or_insert(body);
                });
                show(if error == AppError::NotSignedIn { AutosaveStatus::SignedOut } else { AutosaveStatus::Failed });
                schedule(RETRY);
                return;
            }
        }
        if with_pending(|p| p.body.is_some()) {
            schedule(QUIET);
        }
    });
}

fn replace_version(body: &str, version: i64) -> String {
    let Ok(params) = UrlSearchParams::new_with_str(body) else { return body.to_owned() };
    params.set("version", &version.to_string());
    params.to_string().into()
}
