//! The browser's autosave, one engine for every form that has one: it saves a
//! moment after the edits stop (and, where the form asks, at least every so
//! often while they go on), tries again when the network fails, and sends what
//! is left when the page is hidden, closed or left for another page of the portal.
//!
//! What is unsent lives here, outside the page's reactive state, so that it can
//! still be sent after the page is gone; and, until the server has acknowledged
//! it, in the tab's session storage (`components::unsent`), so that a reload
//! answered before the last save landed puts it back. What a form holds, how it
//! is sent and what the server's answer means are the form's own: [`Form`].

use crate::{
    components::{
        form::{client::post, csrf_token},
        unsent,
    },
    error::AppError,
};
use leptos::prelude::*;
use serde::de::DeserializeOwned;
use std::{
    any::{Any, TypeId},
    cell::RefCell,
    collections::HashMap,
    time::Duration,
};
use wasm_bindgen::{JsCast, closure::Closure};
use web_sys::UrlSearchParams;

/// A pause in the edits this long saves.
const QUIET: Duration = Duration::from_millis(2_000);

/// One form's unsent work and what its saves mean. The engine keeps one value
/// of it for the page load, across the pages that show the form.
pub trait Form: Default + 'static {
    /// The page's handles (signals) that saves read and answers update.
    type Page: Copy + 'static;
    /// What the page's status line says.
    type Status: Send + Sync + 'static;
    /// What one save took of the unsent work, until its answer comes.
    type Sent: 'static;
    /// The server function's answer.
    type Reply: DeserializeOwned + 'static;

    /// The server function's `ServerFn::PATH`.
    const PATH: &'static str;
    /// Edits without a pause still save this often; `None`: only a pause saves.
    const LONGEST_WAIT: Option<Duration>;
    const UNSAVED: Self::Status;
    const SAVING: Self::Status;

    /// The name (after `unsent::PREFIX`) the page's unacknowledged work is kept
    /// under; `None`: the page has nothing to save.
    fn kept_as(page: Self::Page) -> Option<String>;
    fn status(page: Self::Page) -> RwSignal<Self::Status>;
    /// A page with this form has loaded, perhaps while work of an earlier one is unsent.
    fn started(&mut self, page: Self::Page);
    /// Puts back into the page's form what `kept` holds that the page does not
    /// show; true if anything was.
    fn restore(&mut self, page: Self::Page, kept: &str) -> bool;
    fn has_unsent(&self) -> bool;
    /// What the server has not acknowledged, as session storage keeps it; `None`: nothing.
    fn unacknowledged(&self) -> Option<String>;
    /// Takes the unsent work as a request body. `overtaking`: a save is on its way
    /// and this one cannot wait for its answer. `page` is `None` once the page is gone.
    fn take(&mut self, page: Option<Self::Page>, overtaking: bool) -> Option<(UrlSearchParams, Self::Sent)>;
    /// What the server (or the lack of it) said of a save.
    fn answered(
        &mut self,
        page: Option<Self::Page>,
        sent: Self::Sent,
        reply: Result<Self::Reply, AppError>,
    ) -> Answer<Self::Status>;
    /// The wait before trying again after this many failed saves in a row.
    fn retry_after(failures: u32) -> Duration;
}

/// An answer, as the status line and the engine take it.
pub enum Answer<S> {
    /// Shown unless more was changed while the save was on its way: that is not saved yet.
    Saved(S),
    /// Not saved; sending the same again would not help.
    Problem(S),
    /// Refused for good: the autosave stops until the page is loaded anew.
    Refused(S),
    /// The save did not get through; the form has its work back, to be sent again.
    Failed(S),
}

struct Engine<F: Form> {
    form: F,
    /// The page showing the form, while there is one.
    page: Option<F::Page>,
    /// Where session storage keeps what the server has not acknowledged.
    key: Option<String>,
    /// When the oldest unsent edit was made.
    since: Option<f64>,
    timer: Option<TimeoutHandle>,
    in_flight: bool,
    /// After a refusal no edit is taken and no save scheduled; what the form
    /// still holds goes when the page is left.
    stopped: bool,
    failures: u32,
    /// The leave listeners serve every page of the form in this page load.
    listening: bool,
}

// Not derived: that would ask for a default page.
impl<F: Form> Default for Engine<F> {
    fn default() -> Self {
        Self {
            form: F::default(),
            page: None,
            key: None,
            since: None,
            timer: None,
            in_flight: false,
            stopped: false,
            failures: 0,
            listening: false,
        }
    }
}

thread_local! {
    /// Each form's engine, by the form's type.
    static ENGINES: RefCell<HashMap<TypeId, Box<dyn Any>>> = RefCell::new(HashMap::new());
}

fn with<F: Form, R>(f: impl FnOnce(&mut Engine<F>) -> R) -> R {
    ENGINES.with(|engines| {
        let mut engines = engines.borrow_mut();
        let engine = engines.entry(TypeId::of::<F>()).or_insert_with(|| Box::new(Engine::<F>::default()));
        f(engine.downcast_mut().expect("each engine is kept under its own form's type"))
    })
}

fn now_ms() -> f64 {
    web_sys::js_sys::Date::now()
}

/// Binds the page's form; sends what is unsaved when the page is hidden,
/// closed or left for another page of the portal.
pub fn start<F: Form>(page: F::Page) {
    with::<F, _>(|e| {
        e.page = Some(page);
        e.key = F::kept_as(page).map(|name| format!("{}{name}", unsent::PREFIX));
        e.stopped = false;
        e.form.started(page);
    });
    // After hydration has bound the form's fields.
    let _ = set_timeout_with_handle(move || restore_unacknowledged::<F>(page), Duration::ZERO);
    // Moving to another page of the portal: the page stays, so no keepalive is needed.
    on_cleanup(|| {
        send::<F>(Urgency::Now { keepalive: false });
        with::<F, _>(|e| e.page = None);
    });
    if with::<F, _>(|e| std::mem::replace(&mut e.listening, true)) {
        return;
    }
    // A phone may never fire `pagehide` for a tab it discards; it does hide it first.
    let on_hide = Closure::<dyn Fn()>::new(|| {
        if document().visibility_state() == web_sys::VisibilityState::Hidden {
            send::<F>(Urgency::Now { keepalive: true });
        }
    });
    // A reload or a link out: `beforeunload` comes before the next page is asked
    // for, so the work is saved before that page is rendered.
    let on_leave = Closure::<dyn Fn()>::new(|| send::<F>(Urgency::Now { keepalive: true }));
    let _ = document().add_event_listener_with_callback("visibilitychange", on_hide.as_ref().unchecked_ref());
    let _ = window().add_event_listener_with_callback("pagehide", on_hide.as_ref().unchecked_ref());
    let _ = window().add_event_listener_with_callback("beforeunload", on_leave.as_ref().unchecked_ref());
    on_hide.forget();
    on_leave.forget();
}

/// The form's work changed (`change` says how): remember it, save soon.
pub fn edited<F: Form>(change: impl FnOnce(&mut F)) {
    let taken = with::<F, _>(|e| {
        if e.stopped {
            return false;
        }
        change(&mut e.form);
        e.since.get_or_insert_with(now_ms);
        true
    });
    if taken {
        remember::<F>();
        show::<F>(F::UNSAVED);
        schedule::<F>(None);
    }
}

/// Saves now, after the save on its way if there is one; false when there is
/// nothing to save, nor any save on its way.
pub fn save_now<F: Form>() -> bool {
    if with::<F, _>(|e| !e.form.has_unsent() && !e.in_flight) {
        return false;
    }
    send::<F>(Urgency::Due);
    true
}

/// Puts back what this tab had not seen acknowledged, once the form's fields are
/// on the page: a page rendered before the last save landed shows older work.
fn restore_unacknowledged<F: Form>(page: F::Page) {
    let Some(kept) = with::<F, _>(|e| e.key.clone()).and_then(|key| unsent::kept(&key)) else { return };
    let restored = with::<F, _>(|e| {
        let restored = e.form.restore(page, &kept);
        if restored {
            e.since.get_or_insert_with(now_ms);
        }
        restored
    });
    remember::<F>();
    if restored {
        show::<F>(F::UNSAVED);
        schedule::<F>(Some(Duration::ZERO));
    }
}

/// Session storage says what the form has not seen acknowledged.
fn remember<F: Form>() {
    with::<F, _>(|e| {
        let Some(key) = &e.key else { return };
        match e.form.unacknowledged() {
            Some(kept) => unsent::keep(key, &kept),
            None => unsent::forget(key),
        }
    });
}

fn show<F: Form>(status: F::Status) {
    if let Some(page) = with::<F, _>(|e| e.page) {
        F::status(page).try_set(status);
    }
}

/// Sends after `after`, or once the edits have paused (or gone on for the longest wait).
fn schedule<F: Form>(after: Option<Duration>) {
    let delay = after.unwrap_or_else(|| {
        let since = with::<F, _>(|e| e.since).unwrap_or_else(now_ms);
        let waited = Duration::from_millis((now_ms() - since).max(0.0) as u64);
        F::LONGEST_WAIT.map_or(QUIET, |longest| QUIET.min(longest.saturating_sub(waited)))
    });
    let handle = set_timeout_with_handle(|| send::<F>(Urgency::Due), delay).ok();
    with::<F, _>(|e| {
        if let Some(old) = std::mem::replace(&mut e.timer, handle) {
            old.clear();
        }
    });
}

#[derive(Clone, Copy)]
enum Urgency {
    /// The pause after the edits has come: one save at a time.
    Due,
    /// The page or the form is going away: send now. `keepalive` lets the request
    /// outlive the page (the browser allows 64 KiB of such bodies).
    Now { keepalive: bool },
}

fn send<F: Form>(urgency: Urgency) {
    let taken = with::<F, _>(|e| {
        let overtaking = e.in_flight;
        if (overtaking && matches!(urgency, Urgency::Due)) || !e.form.has_unsent() {
            return None;
        }
        if let Some(timer) = e.timer.take() {
            timer.clear();
        }
        let taken = e.form.take(e.page, overtaking)?;
        e.in_flight = true;
        e.since = None;
        Some(taken)
    });
    let Some((body, sent)) = taken else { return };
    body.set("csrf", &csrf_token());
    let body: String = body.to_string().into();
    let keepalive = matches!(urgency, Urgency::Now { keepalive: true });
    show::<F>(F::SAVING);
    leptos::task::spawn_local(async move {
        let reply = post::<F::Reply>(F::PATH, body, keepalive).await;
        let (status, retry_in) = with::<F, _>(|e| {
            e.in_flight = false;
            let page = e.page;
            let answer = e.form.answered(page, sent, reply);
            e.failures = if matches!(answer, Answer::Failed(_)) { e.failures + 1 } else { 0 };
            match answer {
                Answer::Saved(_) if e.form.has_unsent() => (F::UNSAVED, None),
                Answer::Saved(status) | Answer::Problem(status) => (status, None),
                Answer::Refused(status) => {
                    e.stopped = true;
                    (status, None)
                }
                Answer::Failed(status) => {
                    e.since.get_or_insert_with(now_ms);
                    (status, Some(F::retry_after(e.failures)))
                }
            }
        });
        remember::<F>();
        show::<F>(status);
        if with::<F, _>(|e| e.form.has_unsent() && !e.stopped) {
            schedule::<F>(retry_in);
        }
    });
}
