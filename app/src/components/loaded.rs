use crate::{components::error_page::ErrorPage, error::AppError};
use leptos::prelude::*;
use serde::{Serialize, de::DeserializeOwned};

/// Shows `view` with the page's data once it has loaded (on the server, before
/// the first byte, so the page reads without JavaScript), or the error page.
pub fn when_loaded<T, V>(
    data: OnceResource<Result<T, AppError>>,
    view: impl Fn(T) -> V + Send + Sync + Clone + 'static,
) -> impl IntoView
where
    T: Clone + Send + Sync + Serialize + DeserializeOwned + 'static,
    V: IntoView + 'static,
{
    view! {
        <Suspense>
            {move || {
                let view = view.clone();
                Suspend::new(async move {
                    match data.await {
                        Ok(value) => view(value).into_any(),
                        Err(error) => view! { <ErrorPage error /> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}
