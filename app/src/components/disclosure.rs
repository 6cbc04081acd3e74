use leptos::prelude::*;

/// A section whose body the reader can fold away. Without JavaScript it is a
/// plain, open section; the toggle button appears once the page has hydrated,
/// so it never offers a control that cannot work.
#[component]
pub fn Disclosure(
    /// The heading's id; the body gets `{id}-innehall`.
    id: &'static str,
    heading: &'static str,
    children: Children,
) -> impl IntoView {
    let interactive = RwSignal::new(false);
    let open = RwSignal::new(true);
    // Effects run only in the browser, after hydration.
    Effect::new(move |_| interactive.set(true));
    let body_id = format!("{id}-innehall");
    let controls = body_id.clone();
    view! {
        <section class="disclosure" aria-labelledby=id>
            <h2 id=id>
                <Show when=move || interactive.get() fallback=move || heading>
                    <button
                        type="button"
                        class="disclosure-toggle"
                        aria-expanded=move || open.get().to_string()
                        aria-controls=controls.clone()
                        on:click=move |_| open.update(|o| *o = !*o)
                    >
                        {heading}
                    </button>
                </Show>
            </h2>
            <div id=body_id class="disclosure-body" hidden=move || !open.get()>
                {children()}
            </div>
        </section>
    }
}
