//! The browser's half of the application editor: counts characters as the
//! writer types, saves the changed parts a moment after typing stops (and at
//! least every ten seconds while it goes on), retries when the network fails,
//! and sends what is left when the page is hidden, closed or left for another
//! page of the portal.
//!
//! What is unsaved lives here, outside the editor's reactive state, so that it
//! can still be sent after the editor is gone; and, until the server has
//! acknowledged it, in the tab's session storage (`components::unsent`), so that
//! a reload answered before the last save landed puts it back.

use super::editor::{Editor, SaveStatus};
use crate::{
    api::application::SaveReply,
    components::{
        form::{client::post, csrf_token},
        unsent,
    },
    domain::application::char_count,
    error::AppError,
};
use leptos::{ev, prelude::*, server_fn::ServerFn};
use std::{
    collections::{BTreeMap, HashMap},
    time::Duration,
};
use wasm_bindgen::{JsCast, closure::Closure};
use web_sys::UrlSearchParams;

/// A pause in typing this long saves.
const QUIET: f64 = 2_000.0;
/// Typing without a pause still saves this often.
const LONGEST_WAIT: f64 = 10_000.0;

#[derive(Default)]
struct Pending {
    application: String,
    /// Changed parts not yet sent, with their latest text.
    dirty: BTreeMap<String, String>,
    /// The version each part's next save is based on.
    versions: HashMap<String, i64>,
    /// When the oldest unsent change was made.
    since: Option<f64>,
    in_flight: bool,
    timer: Option<TimeoutHandle>,
    failures: u32,
    /// The editor on the page, while there is one.
    editor: Option<Editor>,
    /// Every part whose latest text the server has not acknowledged (unsent or on its
    /// way), with the version it is based on; kept in session storage too.
    unacked: BTreeMap<String, (String, i64)>,
}

impl Pending {
    fn storage_key(&self) -> String {
        format!("{}ansokan-{}", unsent::PREFIX, self.application)
    }

    /// Session storage says what `unacked` says.
    fn remember(&self) {
        if self.application.is_empty() {
            return;
        }
        match serde_json::to_string(&self.unacked) {
            Ok(json) if !self.unacked.is_empty() => unsent::keep(&self.storage_key(), &json),
            _ => unsent::forget(&self.storage_key()),
        }
    }
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

/// Sends what is unsent now, whether or not a save is under way. `keepalive`
/// lets the request outlive the page (the browser allows 64 KiB of such bodies).
fn flush(keepalive: bool) {
    if with_pending(|p| !p.dirty.is_empty()) {
        send(Urgency::Now { keepalive });
    }
}

/// Binds the editor of this page; sends what is unsaved when the writer
/// hides or closes the page, or leaves the editor for another page.
pub fn start(editor: Editor) {
    thread_local! {
        static LISTENING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }
    with_pending(|p| {
        p.application = editor.application.get_value();
        p.editor = Some(editor);
        // The page has just loaded each part's version; only text still unsent keeps its own.
        let unsent = &p.dirty;
        p.versions.retain(|part, _| unsent.contains_key(part));
    });
    // After hydration has bound the editor's fields.
    let _ = set_timeout_with_handle(move || restore_unacknowledged(editor), Duration::ZERO);
    // Moving to another page of the portal: the page stays, so no keepalive is needed.
    on_cleanup(|| {
        flush(false);
        with_pending(|p| p.editor = None);
    });
    if LISTENING.with(|l| l.replace(true)) {
        return;
    }
    // A phone may never fire `pagehide` for a tab it discards; it does hide it first.
    let on_hide = Closure::<dyn Fn()>::new(|| {
        if document().visibility_state() == web_sys::VisibilityState::Hidden {
            flush(true);
        }
    });
    // A reload or a link out: `beforeunload` comes before the next page is asked
    // for, so the text is saved before that page is rendered.
    let on_leave = Closure::<dyn Fn()>::new(|| flush(true));
    let _ = document().add_event_listener_with_callback("visibilitychange", on_hide.as_ref().unchecked_ref());
    let _ = window().add_event_listener_with_callback("pagehide", on_hide.as_ref().unchecked_ref());
    let _ = window().add_event_listener_with_callback("beforeunload", on_leave.as_ref().unchecked_ref());
    // The listeners serve every editor of this page load.
    on_hide.forget();
    on_leave.forget();
}

/// Puts back the text this tab had not seen acknowledged, once the editor's
/// fields are on the page: a page rendered before the last save landed shows older text.
/// What is not put back is forgotten.
fn restore_unacknowledged(editor: Editor) {
    let key = with_pending(|p| p.storage_key());
    let Some(kept) = unsent::kept(&key) else { return };
    let kept: BTreeMap<String, (String, i64)> = serde_json::from_str(&kept).unwrap_or_default();
    let mut restored = false;
    for (part, (text, base)) in kept {
        let selector = format!("textarea[name=\"text[{part}]\"]");
        let Some(area) = document().query_selector(&selector).ok().flatten() else { continue };
        let Some(area) = area.dyn_ref::<web_sys::HtmlTextAreaElement>() else { continue };
        // Only over the version the text was written on: a newer one (a colleague's, or
        // this text's own save, landed) is not replaced on the screen.
        let shown = editor.versions.with_value(|v| v.get(&part).map(|s| s.get_untracked())).unwrap_or(0);
        if area.value() == text || shown != base {
            continue;
        }
        area.set_value(&text);
        if let Some(count) = editor.counts.with_value(|c| c.get(&part).copied()) {
            count.set(char_count(&text));
        }
        with_pending(|p| {
            p.versions.insert(part.clone(), base);
            p.dirty.insert(part.clone(), text.clone());
            p.unacked.insert(part, (text, base));
            p.since.get_or_insert_with(now_ms);
        });
        restored = true;
    }
    with_pending(|p| p.remember());
    if restored {
        show(SaveStatus::Unsaved);
        schedule(Some(0.0));
    }
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
    let loaded_version = editor.versions.with_value(|v| v.get(part).map(|s| s.get_untracked())).unwrap_or(0);
    with_pending(|p| {
        let base = *p.versions.entry(part.to_owned()).or_insert(loaded_version);
        p.unacked.insert(part.to_owned(), (value.clone(), base));
        p.dirty.insert(part.to_owned(), value);
        p.since.get_or_insert_with(now_ms);
        p.remember();
    });
    show(SaveStatus::Unsaved);
    schedule(None);
}

/// "Spara utkast" saves at once; the conflict buttons post the form as it is.
pub fn submitted(editor: Editor, event: ev::SubmitEvent) {
    let action = event.submitter().and_then(|b| b.get_attribute("value")).unwrap_or_default();
    if action == "save" {
        event.prevent_default();
        if with_pending(|p| p.dirty.is_empty() && !p.in_flight) {
            editor.status.set(SaveStatus::UpToDate);
        } else {
            send(Urgency::Due);
        }
    }
}

fn schedule(after: Option<f64>) {
    let delay = after.unwrap_or_else(|| {
        let since = with_pending(|p| p.since).unwrap_or_else(now_ms);
        QUIET.min(LONGEST_WAIT - (now_ms() - since)).max(0.0)
    });
    let handle = set_timeout_with_handle(|| send(Urgency::Due), Duration::from_millis(delay as u64)).ok();
    with_pending(|p| {
        if let Some(old) = std::mem::replace(&mut p.timer, handle) {
            old.clear();
        }
    });
}

fn show(status: SaveStatus) {
    if let Some(editor) = with_pending(|p| p.editor) {
        editor.status.try_set(status);
    }
}

#[derive(Clone, Copy)]
enum Urgency {
    /// The pause after typing has come: one save at a time.
    Due,
    /// The page or the editor is going away: send now.
    Now { keepalive: bool },
}

fn send(urgency: Urgency) {
    let keepalive = matches!(urgency, Urgency::Now { keepalive: true });
    let taken = with_pending(|p| {
        let busy = p.in_flight && matches!(urgency, Urgency::Due);
        if busy || p.dirty.is_empty() || p.application.is_empty() {
            return None;
        }
        if let Some(timer) = p.timer.take() {
            timer.clear();
        }
        p.in_flight = true;
        p.since = None;
        let parts = std::mem::take(&mut p.dirty);
        let versions: Vec<i64> = parts.keys().map(|part| p.versions.get(part).copied().unwrap_or(0)).collect();
        Some((p.application.clone(), parts, versions))
    });
    let Some((application, parts, versions)) = taken else { return };
    let Ok(body) = UrlSearchParams::new() else { return };
    body.append("csrf", &csrf_token());
    body.append("application", &application);
    for ((part, text), version) in parts.iter().zip(versions) {
        body.append(&format!("text[{part}]"), text);
        body.append(&format!("version[{part}]"), &version.to_string());
    }
    let body: String = body.to_string().into();
    show(SaveStatus::Saving);
    leptos::task::spawn_local(async move {
        let reply = post::<SaveReply>(crate::api::application::SaveApplication::PATH, body, keepalive).await;
        with_pending(|p| p.in_flight = false);
        let retry_in = match reply {
            Ok(reply) => {
                let editor = with_pending(|p| {
                    p.failures = 0;
                    for (part, version) in &reply.saved {
                        p.versions.insert(part.clone(), *version);
                        // Typed since: its next save is based on this version too.
                        if let Some((_, base)) = p.unacked.get_mut(part) {
                            *base = *version;
                        }
                    }
                    // The server has it (saved, or kept as the writer's conflict copy), unless it
                    // was too long to take or has been changed since.
                    for (part, text) in &parts {
                        let refused = reply.too_long.iter().any(|(p, ..)| p == part);
                        if !refused && p.unacked.get(part).is_some_and(|(kept, _)| kept == text) {
                            p.unacked.remove(part);
                        }
                    }
                    p.remember();
                    p.editor
                });
                if let Some(editor) = editor {
                    for (part, version) in &reply.saved {
                        if let Some(signal) = editor.versions.try_with_value(|v| v.get(part).copied()).flatten() {
                            signal.try_set(*version);
                        }
                    }
                    if reply.refused.is_some() {
                        editor.editable.try_set(false);
                    }
                }
                show(if let Some(refusal) = reply.refused {
                    SaveStatus::Refused(refusal)
                } else if !reply.too_long.is_empty() {
                    // Not put back to send again: the same text would be refused again. The next edit sends it.
                    SaveStatus::TooLong(reply.too_long)
                } else if !reply.conflicts.is_empty() {
                    SaveStatus::Conflict(reply.conflicts)
                } else if with_pending(|p| !p.dirty.is_empty()) {
                    // Typed while this save was on its way: that is not saved yet.
                    SaveStatus::Unsaved
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
                show(match error {
                    AppError::NotSignedIn => SaveStatus::SignedOut,
                    AppError::Forbidden => SaveStatus::Forbidden,
                    _ => SaveStatus::Failed,
                });
                Some(f64::from(5_000 * failures.min(6)))
            }
        };
        let editable = with_pending(|p| p.editor).and_then(|e| e.editable.try_get_untracked()).unwrap_or(true);
        if with_pending(|p| !p.dirty.is_empty()) && editable {
            schedule(retry_in);
        }
    });
}
