//! A table that scrolls sideways on its own on a narrow screen (nothing else
//! on the page does): a region named by the table's caption, which keyboard
//! users can reach and scroll.

use leptos::prelude::*;

#[component]
pub fn ScrollingTable(
    /// The caption's id, unique on the page: the region's name.
    #[prop(into)]
    id: String,
    #[prop(into)] caption: String,
    #[prop(optional)] class: Option<&'static str>,
    children: Children,
) -> impl IntoView {
    let labelled_by = id.clone();
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-labelledby=labelled_by>
            <table class=class>
                <caption id=id>{caption}</caption>
                {children()}
            </table>
        </div>
    }
}
