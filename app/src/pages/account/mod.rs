//! Getting in and looking after one's own account.

pub mod links;
pub mod log_in;
pub mod my_account;
pub mod sign_up;

use crate::{i18n::texts, wiring::Done};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// The confirmation after a form sent the person here (`?klart=…`), read out
/// by screen readers as it appears.
#[component]
pub fn DoneNotice() -> impl IntoView {
    let t = texts();
    let query = use_query_map();
    move || {
        query.with(|q| q.get(Done::PARAM)).and_then(|code| Done::from_code(&code)).map(|done| t.done(done)).map(
            |text| {
                view! { <p class="notice notice-done" role="status">{text}</p> }
            },
        )
    }
}
