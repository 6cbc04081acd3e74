//! The application editor's autosave (`components::autosave`): counts characters
//! as the writer types and sends each changed part with the version it was
//! written on, a moment after typing stops and at least every ten seconds while
//! it goes on. A part that meets a colleague's newer version is the writer's
//! conflict copy on the server; a refusal (the application closed or submitted)
//! makes the editor read-only.

use super::editor::{Editor, SaveStatus};
use crate::{
    api::application::{SaveApplication, SaveReply},
    components::autosave::{self, Answer, Form},
    domain::application::char_count,
    error::AppError,
};
use leptos::{ev, prelude::*, server_fn::ServerFn};
use std::{
    collections::{BTreeMap, HashMap},
    time::Duration,
};
use wasm_bindgen::JsCast;
use web_sys::UrlSearchParams;

#[derive(Default)]
struct Parts {
    application: String,
    /// Changed parts not yet sent, with their latest text.
    dirty: BTreeMap<String, String>,
    /// The version each part's next save is based on.
    versions: HashMap<String, i64>,
    /// Every part whose latest text the server has not acknowledged (unsent or on its
    /// way), with the version it is based on: what session storage keeps.
    unacked: BTreeMap<String, (String, i64)>,
}

impl Form for Parts {
    type Page = Editor;
    type Status = SaveStatus;
    /// The parts sent, with their text.
    type Sent = BTreeMap<String, String>;
    type Reply = SaveReply;

    const PATH: &'static str = SaveApplication::PATH;
    const LONGEST_WAIT: Option<Duration> = Some(Duration::from_millis(10_000));
    const UNSAVED: SaveStatus = SaveStatus::Unsaved;
    const SAVING: SaveStatus = SaveStatus::Saving;

    fn kept_as(editor: Editor) -> Option<String> {
        let application = editor.application.get_value();
        (!application.is_empty()).then(|| format!("ansokan-{application}"))
    }

    fn status(editor: Editor) -> RwSignal<SaveStatus> {
        editor.status
    }

    fn started(&mut self, editor: Editor) {
        self.application = editor.application.get_value();
        // The page has just loaded each part's version; only text still unsent keeps its own.
        let unsent = &self.dirty;
        self.versions.retain(|part, _| unsent.contains_key(part));
    }

    /// Only a part whose text box shows the version the text was written on: a newer
    /// one (a colleague's, or this text's own save, landed) is not replaced on the screen.
    /// What is not put back is forgotten.
    fn restore(&mut self, editor: Editor, kept: &str) -> bool {
        let kept: BTreeMap<String, (String, i64)> = serde_json::from_str(kept).unwrap_or_default();
        let mut restored = false;
        for (part, (text, base)) in kept {
            let selector = format!("textarea[name=\"text[{part}]\"]");
            let Some(area) = document().query_selector(&selector).ok().flatten() else { continue };
            let Some(area) = area.dyn_ref::<web_sys::HtmlTextAreaElement>() else { continue };
            let shown = editor.versions.with_value(|v| v.get(&part).map(|s| s.get_untracked())).unwrap_or(0);
            if area.value() == text || shown != base {
                continue;
            }
            area.set_value(&text);
            if let Some(count) = editor.counts.with_value(|c| c.get(&part).copied()) {
                count.set(char_count(&text));
            }
            self.versions.insert(part.clone(), base);
            self.dirty.insert(part.clone(), text.clone());
            self.unacked.insert(part, (text, base));
            restored = true;
        }
        restored
    }

    fn has_unsent(&self) -> bool {
        !self.dirty.is_empty()
    }

    fn unacknowledged(&self) -> Option<String> {
        if self.unacked.is_empty() { None } else { serde_json::to_string(&self.unacked).ok() }
    }

    fn take(&mut self, _: Option<Editor>, _: bool) -> Option<(UrlSearchParams, Self::Sent)> {
        let body = UrlSearchParams::new().ok()?;
        let parts = std::mem::take(&mut self.dirty);
        body.append("application", &self.application);
        for (part, text) in &parts {
            let version = self.versions.get(part).copied().unwrap_or(0);
            body.append(&format!("text[{part}]"), text);
            body.append(&format!("version[{part}]"), &version.to_string());
        }
        Some((body, parts))
    }

    fn answered(
        &mut self,
        editor: Option<Editor>,
        parts: Self::Sent,
        reply: Result<SaveReply, AppError>,
    ) -> Answer<SaveStatus> {
        let reply = match reply {
            Ok(reply) => reply,
            Err(error) => {
                // Put the unsent text back unless newer text was typed meanwhile.
                for (part, text) in parts {
                    self.dirty.entry(part).or_insert(text);
                }
                return Answer::Failed(match error {
                    AppError::NotSignedIn => SaveStatus::SignedOut,
                    AppError::Forbidden => SaveStatus::Forbidden,
                    _ => SaveStatus::Failed,
                });
            }
        };
        for (part, version) in &reply.saved {
            self.versions.insert(part.clone(), *version);
            // Typed since: its next save is based on this version too.
            if let Some((_, base)) = self.unacked.get_mut(part) {
                *base = *version;
            }
        }
        // The server has it (saved, or kept as the writer's conflict copy), unless it
        // was too long to take or has been changed since.
        for (part, text) in &parts {
            let refused = reply.too_long.iter().any(|(p, ..)| p == part);
            if !refused && self.unacked.get(part).is_some_and(|(kept, _)| kept == text) {
                self.unacked.remove(part);
            }
        }
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
        if let Some(refusal) = reply.refused {
            Answer::Refused(SaveStatus::Refused(refusal))
        } else if !reply.too_long.is_empty() {
            // Not put back to send again: the same text would be refused again. The next edit sends it.
            Answer::Problem(SaveStatus::TooLong(reply.too_long))
        } else if !reply.conflicts.is_empty() {
            Answer::Problem(SaveStatus::Conflict(reply.conflicts))
        } else {
            Answer::Saved(SaveStatus::Saved(reply.at_local))
        }
    }

    fn retry_after(failures: u32) -> Duration {
        Duration::from_millis(5_000 * u64::from(failures.min(6)))
    }
}

/// Binds the editor of this page.
pub fn start(editor: Editor) {
    autosave::start::<Parts>(editor);
}

/// A part's text changed: count it, and save it unless the editor is read-only.
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
    autosave::edited(|parts: &mut Parts| {
        let base = *parts.versions.entry(part.to_owned()).or_insert(loaded_version);
        parts.unacked.insert(part.to_owned(), (value.clone(), base));
        parts.dirty.insert(part.to_owned(), value);
    });
}

/// "Spara utkast" saves at once; the conflict buttons post the form as it is.
pub fn submitted(editor: Editor, event: ev::SubmitEvent) {
    let action = event.submitter().and_then(|b| b.get_attribute("value")).unwrap_or_default();
    if action == "save" {
        event.prevent_default();
        if !autosave::save_now::<Parts>() {
            editor.status.set(SaveStatus::UpToDate);
        }
    }
}
