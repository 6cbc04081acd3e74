//! The public face: the call, how to apply, the winners, the accessibility statement.

pub mod accessibility;
pub mod how_to_apply;
pub mod privacy;
pub mod round;
pub mod winners;

use crate::{
    api::public::{PublicRound, current_round},
    components::loaded::when_loaded,
    error::AppError,
    i18n::texts,
};
use leptos::prelude::*;
use serde::{Serialize, de::DeserializeOwned};

/// Loads the current round and renders `view` with it, or says there is none,
/// or shows the error page.
pub fn with_current_round<V: IntoView + 'static>(
    view: impl Fn(PublicRound) -> V + Send + Sync + Clone + 'static,
) -> impl IntoView {
    or_no_round(OnceResource::new(current_round()), view)
}

/// `view` with a page's data about the current round once loaded, or that there is no round.
pub fn or_no_round<T, V>(
    data: OnceResource<Result<Option<T>, AppError>>,
    view: impl Fn(T) -> V + Send + Sync + Clone + 'static,
) -> impl IntoView
where
    T: Clone + Send + Sync + Serialize + DeserializeOwned + 'static,
    V: IntoView + 'static,
{
    when_loaded(data, move |found| match found {
        Some(data) => view(data).into_any(),
        None => view! { <div class="wrap page"><h1>{texts().no_round}</h1></div> }.into_any(),
    })
}
