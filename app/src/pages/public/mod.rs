//! The public face: the call, how to apply, the winners, the accessibility statement.

pub mod accessibility;
pub mod how_to_apply;
pub mod privacy;
pub mod round;
pub mod winners;

use crate::{
    api::public::{PublicRound, current_round},
    components::error_page::ErrorPage,
    i18n::texts,
};
use leptos::prelude::*;

/// Loads the current round and renders `view` with it, or says there is none,
/// or shows the error page.
pub fn with_current_round<V: IntoView + 'static>(
    view: impl Fn(PublicRound) -> V + Send + Sync + Copy + 'static,
) -> impl IntoView {
    let round = Resource::new(|| (), |_| current_round());
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                match round.await {
                    Ok(Some(r)) => view(r).into_any(),
                    Ok(None) => view! {
                        <div class="wrap page"><h1>{texts().no_round}</h1></div>
                    }.into_any(),
                    Err(e) => view! { <ErrorPage error=e /> }.into_any(),
                }
            })}
        </Suspense>
    }
}
