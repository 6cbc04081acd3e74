//! Getting in and looking after one's own account.

pub mod links;
pub mod log_in;
pub mod my_account;
pub mod sign_up;

use crate::i18n::texts;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// The confirmation after a form sent the person here (`?klart=…`), read out
/// by screen readers as it appears.
#[component]
pub fn DoneNotice() -> impl IntoView {
    let t = texts();
    let query = use_query_map();
    move || {
        query
            .with(|q| q.get("klart"))
            .and_then(|code| {
                t.a.done(&code)
                    .or_else(|| t.ap.done(&code))
                    .or_else(|| t.j.done(&code))
                    .or_else(|| t.o.done(&code))
                    .or_else(|| t.acc.done(&code))
                    .or_else(|| t.mo.done(&code))
                    .or_else(|| t.k.done(&code))
                    .or_else(|| t.ret.done(&code))
            })
            .map(|text| {
                view! { <p class="notice notice-done" role="status">{text}</p> }
            })
    }
}
