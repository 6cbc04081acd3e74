use app::{
    i18n::{LOCALE_COOKIE, Locale, safe_return_path},
    state::AppState,
};
use axum::{
    extract::{Query, State},
    http::{HeaderValue, StatusCode, header},
    response::{IntoResponse, Response},
};
use serde::Deserialize;

#[derive(Deserialize)]
pub struct Switch {
    till: Option<String>,
    tillbaka: Option<String>,
}

/// `GET /sprak?till=en&tillbaka=/vinnare`: remembers the language for a year
/// and returns to the page. A preference, not data: harmless if forged.
pub async fn switch_language(State(state): State<AppState>, Query(switch): Query<Switch>) -> Response {
    let locale = Locale::from_code(switch.till.as_deref().unwrap_or_default());
    let back = safe_return_path(switch.tillbaka.as_deref().unwrap_or("/")).to_owned();
    let secure = if state.settings.uses_https() { "; Secure" } else { "" };
    let cookie =
        format!("{LOCALE_COOKIE}={}; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly{secure}", locale.texts().lang);
    let (Ok(cookie), Ok(location)) = (HeaderValue::from_str(&cookie), HeaderValue::from_str(&back)) else {
        return StatusCode::BAD_REQUEST.into_response();
    };
    (StatusCode::SEE_OTHER, [(header::SET_COOKIE, cookie), (header::LOCATION, location)]).into_response()
}
