use crate::{components::error_page::set_status, i18n::texts};
use leptos::prelude::*;
use leptos_meta::Title;

/// Shown (with 403) when a logged-in person opens a page that is not for their role.
#[component]
pub fn ForbiddenPage() -> impl IntoView {
    let t = texts();
    set_status(403);
    view! {
        <Title text=t.a.forbidden_title />
        <div class="wrap page">
            <h1>{t.a.forbidden_title}</h1>
            <p>{t.a.forbidden_body}</p>
            <p><a href="/konto">{t.a.to_my_account}</a></p>
        </div>
    }
}
