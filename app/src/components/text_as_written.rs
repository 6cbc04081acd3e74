use leptos::prelude::*;

/// A text as its writer wrote it: paragraphs at blank lines, line breaks kept,
/// everything escaped (a section's markup is shown, never run).
#[component]
pub fn TextAsWritten(text: String) -> impl IntoView {
    let paragraphs: Vec<String> =
        text.split("\n\n").map(|p| p.trim_matches('\n').to_owned()).filter(|p| !p.trim().is_empty()).collect();
    view! {
        <div class="text-as-written" lang="sv">
            {paragraphs.into_iter().map(|p| view! { <p>{p}</p> }).collect_view()}
        </div>
    }
}
