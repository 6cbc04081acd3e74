use crate::{components::error_page::set_status, i18n::texts};
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    let t = texts();
    set_status(404);
    view! {
        <Title text=t.not_found_title />
        <div class="wrap page" data-error-page="">
            <h1>{t.not_found_title}</h1>
            <p>{t.not_found_body}</p>
            <p><a href="/">{t.back_to_start}</a></p>
        </div>
    }
}
