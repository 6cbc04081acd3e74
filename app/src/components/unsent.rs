//! Work the server has not acknowledged yet, kept in the tab's session storage.
//! Leaving a page sends what is unsent, but the page asked for next (a reload)
//! can be rendered before that save lands, and would then show older work than
//! the form held. What is kept here goes back into the form when the page loads
//! and is sent again; the server's own rules (unchanged text, compare-and-set,
//! the writer's conflict copy) decide what becomes of it. Each key begins with
//! `PREFIX`; the log-in page forgets them all (`islands::ForgetUnsent`), since whoever logs in next in the
//! tab may be someone else.

use wasm_bindgen::JsCast;
use web_sys::{HtmlFormElement, HtmlInputElement, HtmlTextAreaElement, UrlSearchParams};

/// Every key of this module's begins so.
pub use super::islands::UNSENT_PREFIX as PREFIX;

fn storage() -> Option<web_sys::Storage> {
    leptos::prelude::window().session_storage().ok().flatten()
}

/// Keeps `value` under `key` (a full store or a private window: then only the page holds it).
pub fn keep(key: &str, value: &str) {
    if let Some(storage) = storage() {
        let _ = storage.set_item(key, value);
    }
}

pub fn kept(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

pub fn forget(key: &str) {
    if let Some(storage) = storage() {
        let _ = storage.remove_item(key);
    }
}

/// Puts `values` into the form's fields of the same names, but `skip`: text is
/// replaced, radios and check boxes are chosen as the values say.
pub fn fill_form(form: &HtmlFormElement, values: &UrlSearchParams, skip: &[&str]) {
    let elements = form.elements();
    for i in 0..elements.length() {
        let Some(element) = elements.item(i) else { continue };
        if let Some(area) = element.dyn_ref::<HtmlTextAreaElement>() {
            if !skip.contains(&area.name().as_str()) {
                area.set_value(&values.get(&area.name()).unwrap_or_default());
            }
        } else if let Some(input) = element.dyn_ref::<HtmlInputElement>() {
            let name = input.name();
            if skip.contains(&name.as_str()) || name.is_empty() {
                continue;
            }
            match input.type_().as_str() {
                "radio" | "checkbox" => {
                    let chosen = values.get_all(&name);
                    input.set_checked(chosen.includes(&input.value().into(), 0));
                }
                "hidden" | "submit" | "button" => {}
                _ => input.set_value(&values.get(&name).unwrap_or_default()),
            }
        }
    }
}
