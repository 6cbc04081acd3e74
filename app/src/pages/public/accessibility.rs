use crate::i18n::texts;
use leptos::prelude::*;
use leptos_meta::Title;

/// `/tillganglighet`: the statement the law on accessible public digital services requires.
#[component]
pub fn AccessibilityPage() -> impl IntoView {
    let t = texts();
    view! {
        <Title text=t.accessibility_title />
        <div class="wrap page prose">
            <h1>{t.accessibility_title}</h1>
            {t.accessibility_body.iter().map(|p| view! { <p>{*p}</p> }).collect_view()}
        </div>
    }
}
