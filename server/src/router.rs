use crate::{
    downloads::{download, round_calendar},
    health::healthz,
    language::switch_language,
    my_data::my_data_json,
};
use app::{
    App,
    api::form::forget_echo,
    auth::{client, csrf, guard, session},
    security::{self, DEFAULT_CSP},
    shell,
    state::AppState,
};
use axum::{Router, middleware, response::IntoResponse, routing::get};
use http::{HeaderName, HeaderValue, header};
use leptos::prelude::provide_context;
use leptos_axum::{AxumRouteListing, LeptosRoutes, file_and_error_handler_with_context, generate_route_list};
use std::sync::OnceLock;
use tower_http::{
    CompressionLevel, LatencyUnit,
    compression::CompressionLayer,
    limit::RequestBodyLimitLayer,
    request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer},
    set_header::SetResponseHeaderLayer,
    trace::{DefaultOnResponse, TraceLayer},
};
use tracing::Level;

/// Larger bodies are refused with 413 before any handler reads them. A whole
/// application is a few tens of kilobytes.
const MAX_BODY_BYTES: usize = 1024 * 1024;

/// Leptos generates the route list by rendering the app with resource loading
/// suppressed through a process-wide flag; a page rendered meanwhile would wait
/// forever for its data. So the list is generated once, before anything is served.
fn route_list() -> Vec<AxumRouteListing> {
    static ROUTES: OnceLock<Vec<AxumRouteListing>> = OnceLock::new();
    ROUTES.get_or_init(|| generate_route_list(App)).clone()
}

pub fn router(state: AppState) -> Router {
    let routes = route_list();
    // Every page must have its line in the access table; a forgotten one would be open to all.
    let unlisted = guard::unlisted_routes(routes.iter().map(|r| r.path()));
    assert!(unlisted.is_empty(), "pages missing from auth::guard::PAGES: {unlisted:?}");
    let context = {
        let state = state.clone();
        move || {
            provide_context(state.clone());
            security::provide_request_nonce();
            app::i18n::provide_request_locale();
        }
    };
    let shell_options = state.leptos_options.clone();

    let assets = crate::assets::Assets::load(
        &std::path::Path::new(&*state.leptos_options.site_root).join(&*state.leptos_options.site_pkg_dir),
    );

    let https = state.settings.uses_https();
    // Addresses that moved answer where they went, for good: bookmarks and old mail point at them.
    let moved = app::routes::MOVED.iter().fold(Router::new(), |router, (from, to)| {
        router.route(from, get(move || async move { axum::response::Redirect::permanent(to) }))
    });
    let router = moved
        .route("/healthz", get(healthz))
        .route("/sprak", get(switch_language))
        .route("/konto/mina-uppgifter.json", get(my_data_json))
        .route("/utmarkelser/{award}/omgang.ics", get(round_calendar))
        .route("/arrangor/export/{file}", get(download))
        .leptos_routes_with_context(&state, routes, context.clone(), move || shell((*shell_options).clone()))
        .fallback(file_and_error_handler_with_context::<AppState, _>(context, shell))
        // Innermost: a kept page passes through every layer below as a rendered one does.
        .layer(middleware::from_fn_with_state(
            crate::kept_pages::KeptPages::new(state.clone()),
            crate::kept_pages::serve,
        ))
        .layer(middleware::from_fn(server_fn_status))
        .layer(middleware::from_fn(uploads_are_multipart))
        // Outermost last: CSRF refuses forgeries before anything else runs; the
        // session then names the person, whom the guard lets in or not.
        .layer(middleware::from_fn(forget_echo))
        .layer(middleware::from_fn(guard::guard))
        // Around the guard, which sends a post to log in or to the outage page.
        .layer(middleware::from_fn(crate::kept_text::keep_what_was_typed))
        .layer(middleware::from_fn_with_state(state.clone(), session::resolve_session))
        .layer(middleware::from_fn_with_state(state.clone(), csrf::protect))
        .layer(middleware::from_fn_with_state(state.clone(), client::resolve))
        .with_state(state);
    let limited = router
        .layer(axum::middleware::from_fn(security::csp_nonce))
        .layer(middleware::from_fn(crate::tidy_html::tidy_pages))
        .layer(CompressionLayer::new().quality(CompressionLevel::Precise(crate::tidy_html::BROTLI_QUALITY.into())))
        .layer(RequestBodyLimitLayer::new(MAX_BODY_BYTES))
        .layer(middleware::from_fn(too_large_page))
        // The hashed files beside the rest: the same for everyone and never changed, they
        // need no session, CSRF cookie, guard or nonce, and a `Set-Cookie` would keep
        // shared caches from storing them.
        .merge(Router::new().route("/pkg/{file}", get(crate::assets::serve)).with_state(assets));
    // Outside the body limit, so that its 413 (and the page for it) carries them too.
    with_security_headers(limited, https)
        .layer(
            TraceLayer::new_for_http()
                // The route, never the path or the query: both carry one-time tokens,
                // which must not reach the log.
                .make_span_with(|request: &axum::extract::Request| {
                    let id = request.headers().get(REQUEST_ID).and_then(|v| v.to_str().ok()).unwrap_or_default();
                    // `action` is named by the server function (`api::cx::Cx`).
                    tracing::info_span!(
                        "request",
                        id,
                        method = %request.method(),
                        route = %guard::loggable_route(request.uri().path()),
                        action = tracing::field::Empty,
                    )
                })
                .on_response(DefaultOnResponse::new().level(Level::INFO).latency_unit(LatencyUnit::Micros)),
        )
        // Each answer names its request, so that a person's report ("it failed, id …")
        // finds its log lines. The portal makes every id itself: one a client sent
        // would let anyone write what they like into the log, or borrow another's id.
        .layer(PropagateRequestIdLayer::new(REQUEST_ID))
        .layer(SetRequestIdLayer::new(REQUEST_ID, MakeRequestUuid))
        .layer(middleware::map_request(|mut request: axum::extract::Request| async move {
            request.headers_mut().remove(REQUEST_ID);
            request
        }))
}

const REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// Leptos's multipart decoder panics on a body without a multipart boundary;
/// the upload's server function is only ever sent one by its form, and
/// anything else is answered 400 before the decoder sees it (after the guard).
async fn uploads_are_multipart(request: axum::extract::Request, next: middleware::Next) -> axum::response::Response {
    let multipart = request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|ct| multer::parse_boundary(ct).is_ok());
    if request.uri().path() != <app::api::organiser::kommuner::ImportPopulation as leptos::server_fn::ServerFn>::PATH
        || multipart
    {
        return next.run(request).await;
    }
    let body = serde_json::to_string(&app::error::AppError::BadRequest).unwrap_or_default();
    (http::StatusCode::BAD_REQUEST, [(header::CONTENT_TYPE, HeaderValue::from_static("application/json"))], body)
        .into_response()
}

/// A body over the limit (a file too large for the population import) is
/// refused before anything reads it; a person posting a form gets a Swedish
/// page that says why, with the way back to their form, instead of a bare 413.
async fn too_large_page(request: axum::extract::Request, next: middleware::Next) -> axum::response::Response {
    let wants_page =
        request.headers().get(header::ACCEPT).and_then(|v| v.to_str().ok()).is_some_and(|v| v.contains("text/html"));
    let back = crate::kept_text::form_page(&request);
    let response = next.run(request).await;
    if response.status() != http::StatusCode::PAYLOAD_TOO_LARGE || !wants_page {
        return response;
    }
    let page = crate::kept_text::plain_page(
        "sv",
        "Filen är för stor",
        &format!(
            "<p>Portalen tar emot högst 1 MB åt gången, och det du skickade var större. Ingenting har sparats. \
             En CSV-fil med folkmängden i alla 290 kommuner är ungefär 10 kB: kontrollera att du har valt rätt fil.</p>\
             <p><a href=\"{back}\">Tillbaka till formuläret</a></p>"
        ),
    );
    (
        http::StatusCode::PAYLOAD_TOO_LARGE,
        [(header::CONTENT_TYPE, HeaderValue::from_static("text/html; charset=utf-8"))],
        page,
    )
        .into_response()
}

/// Leptos answers every failed server function with 500; the error knows its
/// own status (400, 401, 403, 404, 503), and the answer carries that instead.
async fn server_fn_status(request: axum::extract::Request, next: middleware::Next) -> axum::response::Response {
    let is_server_fn = request.uri().path().starts_with(app::routes::SERVER_FN_PREFIX);
    let response = next.run(request).await;
    if !is_server_fn || response.status() != http::StatusCode::INTERNAL_SERVER_ERROR {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    // Our errors are a short JSON string; a body over 4 kB is none of ours, and
    // is not passed on (a 500 needs no detail).
    let bytes = axum::body::to_bytes(body, 4096).await.unwrap_or_default();
    if let Ok(error) = serde_json::from_slice::<app::error::AppError>(&bytes)
        && let Ok(status) = http::StatusCode::from_u16(error.status())
    {
        parts.status = status;
    }
    axum::response::Response::from_parts(parts, axum::body::Body::from(bytes))
}

/// Headers every response gets unless its handler set its own (`csp_nonce` replaces the CSP on pages).
fn with_security_headers(router: Router, https: bool) -> Router {
    let defaults = [
        (header::CONTENT_SECURITY_POLICY, DEFAULT_CSP),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::REFERRER_POLICY, "same-origin"),
        (header::X_FRAME_OPTIONS, "DENY"),
        (HeaderName::from_static("cross-origin-opener-policy"), "same-origin"),
        (HeaderName::from_static("permissions-policy"), "camera=(), microphone=(), geolocation=()"),
        // Pages and server functions carry personal data (a kommun's draft, a person's
        // account): no shared cache may keep them, and no browser may store them on disk.
        (header::CACHE_CONTROL, "private, no-store"),
    ];
    let router = defaults.into_iter().fold(router, |router, (name, value)| {
        router.layer(SetResponseHeaderLayer::if_not_present(name, HeaderValue::from_static(value)))
    });
    if https {
        router.layer(SetResponseHeaderLayer::if_not_present(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000; includeSubDomains"),
        ))
    } else {
        router
    }
}
