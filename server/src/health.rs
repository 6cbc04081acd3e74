use app::state::AppState;
use axum::{extract::State, http::StatusCode, response::IntoResponse};
use std::time::Duration;

/// `GET /healthz`: 200 when the database answers, 503 when it does not.
pub async fn healthz(State(state): State<AppState>) -> impl IntoResponse {
    match tokio::time::timeout(Duration::from_secs(2), state.db.ping()).await {
        Ok(Ok(())) => (StatusCode::OK, "ok\n"),
        Ok(Err(err)) => {
            tracing::warn!(error = %err, "health check: database error");
            (StatusCode::SERVICE_UNAVAILABLE, "databasen svarar inte\n")
        }
        Err(_) => {
            tracing::warn!("health check: database timed out");
            (StatusCode::SERVICE_UNAVAILABLE, "databasen svarar inte\n")
        }
    }
}
