use crate::{api::account::kommun_list, components::loaded::when_loaded, domain::kommun::list_label};
use leptos::prelude::*;

/// The 290 kommuner for a field with `list="kommuner"`: the browser filters
/// them as the person types, with or without JavaScript.
#[component]
pub fn KommunDatalist() -> impl IntoView {
    let kommuner = OnceResource::new(kommun_list());
    when_loaded(kommuner, |list| {
        view! {
            <datalist id="kommuner">
                {list.iter().map(|k| view! { <option value=list_label(k)></option> }).collect_view()}
            </datalist>
        }
    })
}
