//! The application editor's autosave (`components::autosave`): counts characters
//! as the writer types and sends each changed part with the version it was
//! written on, a moment after typing stops and at least every ten seconds while
//! it goes on. A part that meets a colleague's newer version is the writer's
//! conflict copy on the server; a refusal (the application closed or submitted)
//! makes the editor read-only. The page is the form's state: each part's text
//! box, its count and the version beside it (`version[part]`).

use crate::{
    api::application::{SaveApplication, SaveReply},
    components::{
        autosave::{self, Answer, Form, listen},
        islands::StatusTexts,
    },
    domain::application::char_count,
    error::AppError,
    i18n::{Locale, count_text},
};
use leptos::{prelude::document, server_fn::ServerFn};
use std::{collections::BTreeMap, time::Duration};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlFormElement, HtmlInputElement, HtmlTextAreaElement, SubmitEvent, UrlSearchParams};

struct Parts {
    form: HtmlFormElement,
    application: String,
    /// Changed parts not yet sent, with their latest text.
    dirty: BTreeMap<String, String>,
    /// The version the next save of a changed part is based on: the one its text
    /// was written on, which the page may have moved past since.
    bases: BTreeMap<String, i64>,
    /// Every part whose latest text the server has not acknowledged (unsent or on its
    /// way), with the version it is based on: what session storage keeps.
    unacked: BTreeMap<String, (String, i64)>,
}

impl Parts {
    fn field(&self, name: &str) -> Option<Element> {
        self.form.query_selector(&format!("[name=\"{name}\"]")).ok().flatten()
    }

    /// The version of the part the page shows.
    fn shown_version(&self, part: &str) -> i64 {
        self.field(&format!("version[{part}]"))
            .and_then(|f| f.dyn_into::<HtmlInputElement>().ok())
            .and_then(|f| f.value().parse().ok())
            .unwrap_or(0)
    }

    fn show_version(&self, part: &str, version: i64) {
        if let Some(field) = self.field(&format!("version[{part}]")).and_then(|f| f.dyn_into::<HtmlInputElement>().ok())
        {
            field.set_value(&version.to_string());
        }
    }

    /// A refusal: nothing more can be saved here, so nothing can be typed or pressed.
    fn lock(&self) {
        if let Ok(fields) = self.form.query_selector_all("textarea, input[name^=\"text[\"]") {
            for i in 0..fields.length() {
                if let Some(field) = fields.item(i).and_then(|f| f.dyn_into::<Element>().ok()) {
                    let _ = field.set_attribute("readonly", "");
                }
            }
        }
        if let Ok(buttons) = self.form.query_selector_all(".save-bar button, .conflict-actions") {
            for i in 0..buttons.length() {
                if let Some(button) = buttons.item(i).and_then(|b| b.dyn_into::<Element>().ok()) {
                    let _ = button.set_attribute("hidden", "");
                }
            }
        }
    }
}

/// A text box or a one-line field: its text.
fn value_of(field: &Element) -> Option<String> {
    if let Some(area) = field.dyn_ref::<HtmlTextAreaElement>() {
        Some(area.value())
    } else {
        field.dyn_ref::<HtmlInputElement>().map(HtmlInputElement::value)
    }
}

fn set_value(field: &Element, text: &str) {
    if let Some(area) = field.dyn_ref::<HtmlTextAreaElement>() {
        area.set_value(text);
    } else if let Some(input) = field.dyn_ref::<HtmlInputElement>() {
        input.set_value(text);
    }
}

/// Shows a text box's count against its limit (`data-limit`); a text over it is marked.
fn count(field: &Element, part: &str, text: &str) {
    let Some(limit) = field.get_attribute("data-limit").and_then(|l| l.parse::<u32>().ok()) else { return };
    let Some(line) = document().get_element_by_id(&format!("count-{part}")) else { return };
    let count = char_count(text);
    let locale = document().document_element().and_then(|html| html.get_attribute("lang"));
    line.set_text_content(Some(&count_text(Locale::from_code(locale.as_deref().unwrap_or("")), count, limit)));
    let over = count > limit as usize;
    let _ = line.class_list().toggle_with_force("char-count-over", over);
    let _ = if over { field.set_attribute("aria-invalid", "true") } else { field.remove_attribute("aria-invalid") };
}

impl Form for Parts {
    /// The parts sent, with their text.
    type Sent = BTreeMap<String, String>;
    type Reply = SaveReply;

    const PATH: &'static str = SaveApplication::PATH;
    const LONGEST_WAIT: Option<Duration> = Some(Duration::from_millis(10_000));

    fn kept_as(&self) -> String {
        format!("ansokan-{}", self.application)
    }

    /// Only a part whose field shows the version the text was written on: a newer
    /// one (a colleague's, or this text's own save, landed) is not replaced on the screen.
    /// What is not put back is forgotten.
    fn restore(&mut self, kept: &str) -> bool {
        let kept: BTreeMap<String, (String, i64)> = serde_json::from_str(kept).unwrap_or_default();
        let mut restored = false;
        for (part, (text, base)) in kept {
            let Some(field) = self.field(&format!("text[{part}]")) else { continue };
            if value_of(&field).is_none_or(|shown| shown == text) || self.shown_version(&part) != base {
                continue;
            }
            set_value(&field, &text);
            count(&field, &part, &text);
            self.bases.insert(part.clone(), base);
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

    fn take(&mut self, _: bool) -> Option<(UrlSearchParams, Self::Sent)> {
        let body = UrlSearchParams::new().ok()?;
        let parts = std::mem::take(&mut self.dirty);
        body.append("application", &self.application);
        for (part, text) in &parts {
            let version = self.bases.get(part).copied().unwrap_or(0);
            body.append(&format!("text[{part}]"), text);
            body.append(&format!("version[{part}]"), &version.to_string());
        }
        Some((body, parts))
    }

    fn answered(&mut self, parts: Self::Sent, reply: Result<SaveReply, AppError>) -> Answer {
        let reply = match reply {
            Ok(reply) => reply,
            Err(error) => {
                // Put the unsent text back unless newer text was typed meanwhile.
                for (part, text) in parts {
                    self.dirty.entry(part).or_insert(text);
                }
                return Answer::Failed(error);
            }
        };
        for (part, version) in &reply.saved {
            self.bases.insert(part.clone(), *version);
            self.show_version(part, *version);
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
        if let Some(reload) = document().get_element_by_id("ladda-om") {
            let _ = reload.toggle_attribute_with_force("hidden", reply.conflicts.is_empty());
        }
        if reply.refused.is_some() {
            self.lock();
            Answer::Refused(reply.status)
        } else if !reply.too_long.is_empty() || !reply.conflicts.is_empty() {
            Answer::Problem(reply.status)
        } else {
            Answer::Saved(reply.status)
        }
    }

    fn posted(&mut self) {
        self.dirty.clear();
    }

    fn retry_after(failures: u32) -> Duration {
        Duration::from_millis(5_000 * u64::from(failures.min(6)))
    }
}

/// Binds the page's form (`#ansokan`).
pub fn start(texts: StatusTexts, up_to_date: String) {
    let Some((form, application)) = autosave::form_of_application("ansokan") else { return };
    let parts = Parts {
        form: form.clone(),
        application,
        dirty: BTreeMap::new(),
        bases: BTreeMap::new(),
        unacked: BTreeMap::new(),
    };
    autosave::start(parts, form.clone(), document().get_element_by_id("sparstatus"), texts);
    listen(&form, "input", edited);
    listen(&form, "submit", move |event: SubmitEvent| submitted(&event, &up_to_date));
}

/// A part's text changed: count it, and save it unless the editor is read-only.
fn edited(event: web_sys::Event) {
    let Some(field) = event.target().and_then(|t| t.dyn_into::<Element>().ok()) else { return };
    let Some(name) = field.get_attribute("name") else { return };
    let Some(part) = name.strip_prefix("text[").and_then(|n| n.strip_suffix(']')) else { return };
    let Some(value) = value_of(&field) else { return };
    count(&field, part, &value);
    if field.has_attribute("readonly") {
        return;
    }
    autosave::edited(|parts: &mut Parts| {
        let shown = parts.shown_version(part);
        let base = *parts.bases.entry(part.to_owned()).or_insert(shown);
        parts.unacked.insert(part.to_owned(), (value.clone(), base));
        parts.dirty.insert(part.to_owned(), value);
    });
}

/// "Spara utkast" saves at once; a conflict's choice posts the form as it is.
fn submitted(event: &SubmitEvent, up_to_date: &str) {
    let action = event.submitter().and_then(|b| b.get_attribute("value")).unwrap_or_default();
    if action != "save" {
        autosave::post_plainly::<Parts>(event);
        return;
    }
    event.prevent_default();
    if !autosave::save_now::<Parts>() {
        autosave::say::<Parts>(up_to_date);
    }
}
