//! `/konto/mina-uppgifter.json`: everything stored about the logged-in person,
//! as a file to keep (the right of access and to data portability, GDPR art. 15 and 20).

use app::{api::account::ssr::collect_my_data, domain::access::Viewer, state::AppState};
use axum::{
    Extension, Json,
    extract::State,
    http::{StatusCode, header},
    response::{IntoResponse, Response},
};

pub async fn my_data_json(State(state): State<AppState>, viewer: Option<Extension<Viewer>>) -> Response {
    // The guard lets only logged-in people here; without a viewer, refuse all the same.
    let Some(Extension(viewer)) = viewer else {
        return StatusCode::UNAUTHORIZED.into_response();
    };
    match collect_my_data(&state.db, &viewer, state.clock.now()).await {
        Ok(data) => (
            [
                (header::CONTENT_DISPOSITION, "attachment; filename=\"mina-uppgifter.json\""),
                (header::CACHE_CONTROL, "no-store"),
            ],
            Json(data),
        )
            .into_response(),
        Err(err) => StatusCode::from_u16(err.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR).into_response(),
    }
}
