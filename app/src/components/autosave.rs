//! The browser's autosave, one engine for every form that has one: it saves a
//! moment after the edits stop (and, where the form asks, at least every so
//! often while they go on), tries again when the network fails, and sends what
//! is left when the page is hidden or closed.
//!
//! The form is the server's HTML: the engine reads and writes the page itself
//! (its fields, its status line) and holds no view of its own, so the browser
//! loads none of the page's rendering code. What is unsent lives here, so that
//! it can still be sent as the page goes; and, until the server has
//! acknowledged it, in the tab's session storage (`components::unsent`), so that
//! a reload answered before the last save landed puts it back. What a form
//! holds, how it is sent and what the server's answer means are the form's own: [`Form`].

use crate::{components::islands::StatusTexts, components::unsent, error::AppError};
use leptos::prelude::{TimeoutHandle, document, set_timeout_with_handle, window};
use serde::de::DeserializeOwned;
use std::{any::Any, cell::RefCell, time::Duration};
use wasm_bindgen::{JsCast, closure::Closure};
use web_sys::{Element, HtmlElement, HtmlFormElement, SubmitEvent, UrlSearchParams};
use web_sys::{Headers, RequestInit};

/// A pause in the edits this long saves.
const QUIET: Duration = Duration::from_millis(2_000);

/// One form's unsent work and what its saves mean.
pub trait Form: 'static {
    /// What one save took of the unsent work, until its answer comes.
    type Sent: 'static;
    /// The server function's answer.
    type Reply: DeserializeOwned + 'static;

    /// The server function's `ServerFn::PATH`.
    const PATH: &'static str;
    /// Edits without a pause still save this often; `None`: only a pause saves.
    const LONGEST_WAIT: Option<Duration>;

    /// The name (after `unsent::PREFIX`) the page's unacknowledged work is kept under.
    fn kept_as(&self) -> String;
    /// Puts back into the form what `kept` holds that the page does not show;
    /// true if anything was.
    fn restore(&mut self, kept: &str) -> bool;
    fn has_unsent(&self) -> bool;
    /// What the server has not acknowledged, as session storage keeps it; `None`: nothing.
    fn unacknowledged(&self) -> Option<String>;
    /// Takes the unsent work as a request body. `overtaking`: a save is on its way
    /// and this one cannot wait for its answer.
    fn take(&mut self, overtaking: bool) -> Option<(UrlSearchParams, Self::Sent)>;
    /// What the server (or the lack of it) said of a save.
    fn answered(&mut self, sent: Self::Sent, reply: Result<Self::Reply, AppError>) -> Answer;
    /// A plain post of the whole form is on its way: it carries all the unsent work.
    fn posted(&mut self);
    /// The wait before trying again after this many failed saves in a row.
    fn retry_after(failures: u32) -> Duration;
}

/// An answer, as the status line and the engine take it: the line's text, which
/// the server writes in the reader's language.
pub enum Answer {
    /// Shown unless more was changed while the save was on its way: that is not saved yet.
    Saved(String),
    /// Not saved; sending the same again would not help.
    Problem(String),
    /// Refused for good: the autosave stops until the page is loaded anew.
    Refused(String),
    /// The save did not get through; the form has its work back, to be sent again.
    Failed(AppError),
}

struct Engine<F: Form> {
    form: F,
    element: HtmlFormElement,
    status_line: Option<Element>,
    texts: StatusTexts,
    /// Where session storage keeps what the server has not acknowledged.
    key: String,
    /// When the oldest unsent edit was made.
    since: Option<f64>,
    timer: Option<TimeoutHandle>,
    in_flight: bool,
    /// After a refusal no edit is taken and no save scheduled.
    stopped: bool,
    /// A plain post of the form is on its way: nothing is sent beside it.
    posting: bool,
    /// The button of a plain post held back until the save on its way is answered.
    held_submit: Option<HtmlElement>,
    failures: u32,
}

thread_local! {
    /// The page's one autosaving form.
    static ENGINE: RefCell<Option<Box<dyn Any>>> = const { RefCell::new(None) };
}

/// Runs `f` on the page's engine; `None` if the page has none of this form.
fn with<F: Form, R>(f: impl FnOnce(&mut Engine<F>) -> R) -> Option<R> {
    ENGINE.with(|engine| engine.borrow_mut().as_mut()?.downcast_mut::<Engine<F>>().map(f))
}

fn now_ms() -> f64 {
    web_sys::js_sys::Date::now()
}

/// The form with this id on the page, and the application its hidden field names.
pub fn form_of_application(id: &str) -> Option<(HtmlFormElement, String)> {
    let form: HtmlFormElement = document().get_element_by_id(id)?.dyn_into().ok()?;
    let field: web_sys::HtmlInputElement = form.query_selector("input[name=\"application\"]").ok()??.dyn_into().ok()?;
    let application = field.value();
    Some((form, application))
}

/// Calls `handler` on each `event` at `target`, for as long as the page lives.
pub fn listen<E: JsCast + 'static>(target: &web_sys::EventTarget, event: &str, handler: impl Fn(E) + 'static) {
    let closure = Closure::<dyn Fn(web_sys::Event)>::new(move |ev: web_sys::Event| handler(ev.unchecked_into()));
    let _ = target.add_event_listener_with_callback(event, closure.as_ref().unchecked_ref());
    closure.forget();
}

/// Binds the page's form: `element` holds its fields, `status_line` says how
/// saving goes. Sends what is unsaved when the page is hidden or closed.
pub fn start<F: Form>(form: F, element: HtmlFormElement, status_line: Option<Element>, texts: StatusTexts) {
    let key = format!("{}{}", unsent::PREFIX, form.kept_as());
    let engine = Engine {
        form,
        element,
        status_line,
        texts,
        key,
        since: None,
        timer: None,
        in_flight: false,
        stopped: false,
        posting: false,
        held_submit: None,
        failures: 0,
    };
    ENGINE.with(|e| *e.borrow_mut() = Some(Box::new(engine)));
    restore_unacknowledged::<F>();
    // A phone may never fire `pagehide` for a tab it discards; it does hide it first.
    listen(&document(), "visibilitychange", |_: web_sys::Event| {
        if document().visibility_state() == web_sys::VisibilityState::Hidden {
            send::<F>(Urgency::Now { keepalive: true });
        }
    });
    listen(&window(), "pagehide", |_: web_sys::Event| send::<F>(Urgency::Now { keepalive: true }));
    // A reload or a link out: `beforeunload` comes before the next page is asked
    // for, so the work is saved before that page is rendered.
    listen(&window(), "beforeunload", |_: web_sys::Event| send::<F>(Urgency::Now { keepalive: true }));
    // Back to this page from the browser's memory after a plain post: it saves again.
    listen(&window(), "pageshow", |ev: web_sys::PageTransitionEvent| {
        if ev.persisted() {
            with::<F, _>(|e| e.posting = false);
        }
    });
}

/// The form's work changed (`change` says how): remember it, save soon.
pub fn edited<F: Form>(change: impl FnOnce(&mut F)) {
    let taken = with::<F, _>(|e| {
        if e.stopped || e.posting {
            return false;
        }
        change(&mut e.form);
        e.since.get_or_insert_with(now_ms);
        true
    });
    if taken == Some(true) {
        remember::<F>();
        show::<F>(|t| t.unsaved.clone());
        schedule::<F>(None);
    }
}

/// Saves now, after the save on its way if there is one; false when there is
/// nothing to save, nor any save on its way.
pub fn save_now<F: Form>() -> bool {
    if with::<F, _>(|e| !e.form.has_unsent() && !e.in_flight).unwrap_or(true) {
        return false;
    }
    send::<F>(Urgency::Due);
    true
}

/// Says `text` on the status line.
pub fn say<F: Form>(text: &str) {
    show::<F>(|_| text.to_owned());
}

/// A button posts the whole form the plain way. It carries the version the
/// last save made, so it waits for a save on its way; and nothing is sent
/// beside it, which would make one of the two stale.
pub fn post_plainly<F: Form>(event: &SubmitEvent) {
    let held = with::<F, _>(|e| {
        if e.in_flight {
            e.held_submit = event.submitter().and_then(|b| b.dyn_into().ok());
            return true;
        }
        e.posting = true;
        e.form.posted();
        if let Some(timer) = e.timer.take() {
            timer.clear();
        }
        false
    });
    if held == Some(true) {
        event.prevent_default();
    }
}

/// Puts back what this tab had not seen acknowledged: a page rendered before
/// the last save landed shows older work.
fn restore_unacknowledged<F: Form>() {
    let restored = with::<F, _>(|e| {
        let kept = unsent::kept(&e.key)?;
        let restored = e.form.restore(&kept);
        if restored {
            e.since.get_or_insert_with(now_ms);
        }
        Some(restored)
    })
    .flatten();
    remember::<F>();
    if restored == Some(true) {
        show::<F>(|t| t.unsaved.clone());
        schedule::<F>(Some(Duration::ZERO));
    }
}

/// Session storage says what the form has not seen acknowledged.
fn remember<F: Form>() {
    with::<F, _>(|e| match e.form.unacknowledged() {
        Some(kept) => unsent::keep(&e.key, &kept),
        None => unsent::forget(&e.key),
    });
}

fn show<F: Form>(text: impl FnOnce(&StatusTexts) -> String) {
    with::<F, _>(|e| {
        if let Some(line) = &e.status_line {
            line.set_text_content(Some(&text(&e.texts)));
        }
    });
}

/// Sends after `after`, or once the edits have paused (or gone on for the longest wait).
fn schedule<F: Form>(after: Option<Duration>) {
    let delay = after.unwrap_or_else(|| {
        let since = with::<F, _>(|e| e.since).flatten().unwrap_or_else(now_ms);
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
    /// The page is going away: send now. `keepalive` lets the request outlive
    /// the page (the browser allows 64 KiB of such bodies).
    Now { keepalive: bool },
}

fn send<F: Form>(urgency: Urgency) {
    let taken = with::<F, _>(|e| {
        let overtaking = e.in_flight;
        if (overtaking && matches!(urgency, Urgency::Due)) || e.posting || !e.form.has_unsent() {
            return None;
        }
        if let Some(timer) = e.timer.take() {
            timer.clear();
        }
        let taken = e.form.take(overtaking)?;
        e.in_flight = true;
        e.since = None;
        Some(taken)
    })
    .flatten();
    let Some((body, sent)) = taken else { return };
    body.set("csrf", &csrf_cookie().unwrap_or_default());
    let body: String = body.to_string().into();
    let keepalive = matches!(urgency, Urgency::Now { keepalive: true });
    show::<F>(|t| t.saving.clone());
    leptos::task::spawn_local(async move {
        let reply = post::<F::Reply>(F::PATH, body, keepalive).await;
        let answered = with::<F, _>(|e| {
            e.in_flight = false;
            let answer = e.form.answered(sent, reply);
            e.failures = if matches!(answer, Answer::Failed(_)) { e.failures + 1 } else { 0 };
            let (status, retry_in) = match answer {
                Answer::Saved(_) if e.form.has_unsent() => (e.texts.unsaved.clone(), None),
                Answer::Saved(status) | Answer::Problem(status) => (status, None),
                Answer::Refused(status) => {
                    e.stopped = true;
                    (status, None)
                }
                Answer::Failed(error) => {
                    e.since.get_or_insert_with(now_ms);
                    let status = match error {
                        AppError::NotSignedIn => &e.texts.signed_out,
                        AppError::Forbidden => &e.texts.forbidden,
                        _ => &e.texts.failed,
                    };
                    (status.clone(), Some(F::retry_after(e.failures)))
                }
            };
            (status, retry_in, e.held_submit.take().map(|button| (e.element.clone(), button)))
        });
        let Some((status, retry_in, held)) = answered else { return };
        remember::<F>();
        show::<F>(|_| status);
        if let Some((form, button)) = held {
            // The post held back goes now, with the version this save made.
            let _ = form.request_submit_with_submitter(Some(&button));
        } else if with::<F, _>(|e| e.form.has_unsent() && !e.stopped) == Some(true) {
            schedule::<F>(retry_in);
        }
    });
}

/// The CSRF token the server set in a cookie, which the forms' hidden field holds too.
fn csrf_cookie() -> Option<String> {
    let cookie = document().dyn_into::<web_sys::HtmlDocument>().ok()?.cookie().ok()?;
    // Over https the server names it `__Host-portal_csrf`; which one, the page need not know.
    [true, false]
        .into_iter()
        .find_map(|secure| crate::cookies::portal_value(&cookie, "portal_csrf", secure))
        .map(str::to_owned)
}

/// Posts a form body to a server function and reads its JSON answer.
/// `keepalive` lets the request finish after the page is gone.
async fn post<T: DeserializeOwned>(action: &str, body: String, keepalive: bool) -> Result<T, AppError> {
    use wasm_bindgen_futures::JsFuture;
    let headers = Headers::new().map_err(|_| AppError::Internal)?;
    let _ = headers.set("Accept", "application/json");
    let _ = headers.set("Content-Type", "application/x-www-form-urlencoded");
    let init = RequestInit::new();
    init.set_method("POST");
    init.set_headers(&headers);
    init.set_body(&body.into());
    if keepalive {
        // web-sys has no setter for it; the browser reads the plain property.
        let _ = web_sys::js_sys::Reflect::set(&init, &"keepalive".into(), &true.into());
    }
    let request = web_sys::Request::new_with_str_and_init(action, &init).map_err(|_| AppError::Internal)?;
    let response: web_sys::Response = JsFuture::from(window().fetch_with_request(&request))
        .await
        .map_err(|_| AppError::Network)?
        .dyn_into()
        .map_err(|_| AppError::Network)?;
    let text = match response.text() {
        Ok(promise) => JsFuture::from(promise).await.ok().and_then(|t| t.as_string()).unwrap_or_default(),
        Err(_) => String::new(),
    };
    if response.ok() {
        serde_json::from_str(&text).map_err(|_| AppError::Internal)
    } else {
        // The CSRF check answers 403 with a page, not JSON: the page is stale.
        Err(serde_json::from_str(&text).unwrap_or(if response.status() == 403 {
            AppError::Forbidden
        } else {
            AppError::Network
        }))
    }
}
