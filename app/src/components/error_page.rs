use crate::{error::AppError, i18n::texts};
use leptos::prelude::*;
use leptos_meta::Title;

/// Sets the HTTP status of the page being rendered on the server.
pub fn set_status(_status: u16) {
    #[cfg(feature = "ssr")]
    if let (Some(response), Ok(code)) =
        (use_context::<leptos_axum::ResponseOptions>(), http::StatusCode::from_u16(_status))
    {
        response.set_status(code);
    }
}

/// Written on every error page: a page that holds it is never kept for others
/// (`server::kept_pages`), whatever status it was sent with.
pub const MARK: &str = "data-error-page";

/// A whole page telling the reader, in Swedish, what went wrong and what to do.
#[component]
pub fn ErrorPage(error: AppError) -> impl IntoView {
    let t = texts();
    set_status(error.status());
    view! {
        <Title text=t.error_title />
        <div class="wrap page" data-error-page="">
            <h1>{t.error_title}</h1>
            <p>{t.error(error)}</p>
            <p><a href="/">{t.back_to_start}</a></p>
        </div>
    }
}

/// `/tillfalligt-fel`: the service cannot reach its database just now (503);
/// the session guard shows it instead of sending a logged-in person to log in.
#[component]
pub fn UnavailablePage() -> impl IntoView {
    view! { <ErrorPage error=AppError::Unavailable /> }
}
