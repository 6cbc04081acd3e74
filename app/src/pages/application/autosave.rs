//! The browser's half of the application editor: counts characters as the
//! writer types, saves the changed parts a moment after typing stops (and at
//! least every ten seconds while it goes on), retries when the network fails,
//! and sends what is left when the page is hidden or closed.

use super::editor::{Editor, SAVE_ACTION, SaveStatus};
use crate::{
    api::application::SaveReply,
    components::form::{client::post, csrf_token},
    domain::application::char_count,
    error::AppError,
};
use leptos::{ev, prelude::*};
use std::{collections::BTreeMap, time::Duration};
use wasm_bindgen::{JsCast, closure::Closure};
use web_sys::UrlSearchParams;

/// A pause in typing this long saves.
const QUIET: f64 = 2_000.0;
/// Typing without a pause still saves this often.
const LONGEST_WAIT: f64 = 10_000.0;

#[derive(Default)]
struct Pending {
    /// Changed parts not yet sent, with their latest text.
    dirty: BTreeMap<String, String>,
    /// When the oldest unsent change was made.
    since: Option<f64>,
    in_flight: bool,
    timer: Option<TimeoutHandle>,
    failures: u32,
}

fn now_ms() -> f64 {
    web_sys::js_sys::Date::now()
}

thread_local! {
    static PENDING: std::cell::RefCell<Pending> = std::cell::RefCell::new(Pending::default());
}

fn with_pending<R>(f: impl FnOnce(&mut Pending) -> R) -> R {
    PENDING.with(|p| f(&mut p.borrow_mut()))
}

/// Sends what is unsaved when the writer leaves or hides the page. The
/// listeners live as long as the page; after a move to another page of the
/// portal they find the editor gone and do nothing.
pub fn start(editor: Editor) {
    let flush = move || {
        if with_pending(|p| !p.dirty.is_empty()) {
            save(editor, true);
        }
    };
    // A phone may never fire `pagehide` for a tab it discards; it does hide it first.
    let on_hide = Closure::<dyn Fn()>::new(move || {
        if document().visibility_state() == web_sys::VisibilityState::Hidden {
            flush();
        }
    });
    let _ = document().add_event_listener_with_callback("visibilitychange", on_hide.as_ref().unchecked_ref());
    let _ = window().add_event_listener_with_callback("pagehide", on_hide.as_ref().unchecked_ref());
    on_hide.forget();
}

/// A part's text changed: count it, remember it, save soon.
pub fn edited(editor: Editor, event: &ev::Event) {
    let Some(target) = event.target() else { return };
    let Some(element) = target.dyn_ref::<web_sys::Element>() else { return };
    let Some(name) = element.get_attribute("name") else { return };
    let Some(part) = name.strip_prefix("text[").and_then(|n| n.strip_suffix(']')) else { return };
    let value = event_target_value(event);
    if let Some(count) = editor.counts.with_value(|c| c.get(part).copied()) {
        count.set(char_count(&value));
    }
    if !editor.editable.get_untracked() {
        return;
    }
    with_pending(|p| {
        p.dirty.insert(part.to_owned(), value);
        p.since.get_or_insert_with(now_ms);
    });
    schedule(editor, None);
}

/// "Spara utkast" saves at once; the conflict buttons post the form as it is.
pub fn submitted(editor: Editor, event: ev::SubmitEvent) {
    let action = event.submitter().and_then(|b| b.get_attribute("value")).unwrap_or_default();
    if action == "save" {
        event.prevent_default();
        if with_pending(|p| p.dirty.is_empty() && !p.in_flight) {
            editor.status.set(SaveStatus::UpToDate);
        } else {
            save(editor, false);
        }
    }
}

fn schedule(editor: Editor, after: Option<f64>) {
    let delay = after.unwrap_or_else(|| {
        let since = with_pending(|p| p.since).unwrap_or_else(now_ms);
        QUIET.min(LONGEST_WAIT - (now_ms() - since)).max(0.0)
    });
    let handle = set_timeout_with_handle(move || save(editor, false), Duration::from_millis(delay as u64)).ok();
    with_pending(|p| {
        if let Some(old) = std::mem::replace(&mut p.timer, handle) {
            old.clear();
        }
    });
}

fn save(editor: Editor, keepalive: bool) {
    let taken = with_pending(|p| {
        if (p.in_flight && !keepalive) || p.dirty.is_empty() {
            return None;
        }
        if let Some(timer) = p.timer.take() {
            timer.clear();
        }
        p.in_flight = true;
        p.since = None;
        Some(std::mem::take(&mut p.dirty))
    });
    let Some(parts) = taken else { return };
    let (Some(application), Ok(body)) = (editor.application.try_get_value(), UrlSearchParams::new()) else {
        return;
    };
    body.append("csrf", &csrf_token());
    body.append("application", &application);
    for (part, text) in &parts {
        let version = editor.versions.with_value(|v| v.get(part).map(|s| s.get_untracked())).unwrap_or(0);
        body.append(&format!("text[{part}]"), text);
        body.append(&format!("version[{part}]"), &version.to_string());
    }
    let body: String = body.to_string().into();
    editor.status.set(SaveStatus::Saving);
    leptos::task::spawn_local(async move {
        let reply = post::<SaveReply>(SAVE_ACTION, body, keepalive).await;
        with_pending(|p| p.in_flight = false);
        let retry_in = match reply {
            Ok(reply) => {
                for (part, version) in &reply.saved {
                    if let Some(signal) = editor.versions.with_value(|v| v.get(part).copied()) {
                        signal.set(*version);
                    }
                }
                with_pending(|p| p.failures = 0);
                editor.status.set(if let Some(refusal) = reply.refused {
                    editor.editable.set(false);
                    SaveStatus::Refused(refusal)
                } else if !reply.conflicts.is_empty() {
                    SaveStatus::Conflict(reply.conflicts)
                } else {
                    SaveStatus::Saved(reply.at_local)
                });
                None
            }
            Err(error) => {
                // Put the unsent text back unless newer text was typed meanwhile.
                let failures = with_pending(|p| {
                    for (part, text) in parts {
                        p.dirty.entry(part).or_insert(text);
                    }
                    p.since.get_or_insert_with(now_ms);
                    p.failures += 1;
                    p.failures
                });
                editor.status.set(match error {
                    AppError::NotSignedIn => SaveStatus::SignedOut,
                    AppError::Forbidden => SaveStatus::Forbidden,
                    _ => SaveStatus::Failed,
                });
                Some(f64::from(5_000 * failures.min(6)))
            }
        };
        if with_pending(|p| !p.dirty.is_empty()) && editor.editable.get_untracked() {
            schedule(editor, retry_in);
        }
    });
}
