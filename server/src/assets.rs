//! The hashed files under `/pkg/` (the islands' bundle, the stylesheet), read once at
//! start and served from memory. Their names change with their content, so nothing
//! about them can change while the portal runs: a request costs no file system work,
//! and the answer carries no cookie, so shared caches may keep it for the year.

use axum::{
    body::Bytes,
    extract::{Path, State},
    http::{HeaderMap, HeaderValue, StatusCode, header},
    response::{IntoResponse, Response},
};
use std::{collections::HashMap, sync::Arc};

struct Asset {
    content_type: &'static str,
    plain: Bytes,
    brotli: Option<Bytes>,
    gzip: Option<Bytes>,
}

#[derive(Clone, Default)]
pub struct Assets(Arc<HashMap<String, Asset>>);

fn content_type(name: &str) -> Option<&'static str> {
    match name.rsplit_once('.')?.1 {
        "js" => Some("text/javascript; charset=utf-8"),
        "wasm" => Some("application/wasm"),
        "css" => Some("text/css; charset=utf-8"),
        _ => None,
    }
}

impl Assets {
    /// Every file of `dir` the browser asks for, with its `.br` and `.gz` beside it if
    /// built. A folder that cannot be read leaves none: the pages still work without them.
    pub fn load(dir: &std::path::Path) -> Assets {
        let read = |name: &str| std::fs::read(dir.join(name)).ok().map(Bytes::from);
        let names: Vec<String> = std::fs::read_dir(dir)
            .map(|entries| entries.filter_map(|e| e.ok()?.file_name().into_string().ok()).collect())
            .unwrap_or_else(|err| {
                tracing::warn!(dir = %dir.display(), %err, "no bundle or stylesheet to serve");
                Vec::new()
            });
        let files = names
            .iter()
            .filter_map(|name| {
                let content_type = content_type(name)?;
                let asset = Asset {
                    content_type,
                    plain: read(name)?,
                    brotli: read(&format!("{name}.br")),
                    gzip: read(&format!("{name}.gz")),
                };
                Some((name.clone(), asset))
            })
            .collect();
        Assets(Arc::new(files))
    }
}

/// Whether the request's `Accept-Encoding` takes `coding` (with a weight above zero).
pub(crate) fn accepts(headers: &HeaderMap, coding: &str) -> bool {
    let Some(accepted) = headers.get(header::ACCEPT_ENCODING).and_then(|v| v.to_str().ok()) else { return false };
    accepted.split(',').any(|entry| {
        let mut parts = entry.split(';').map(str::trim);
        let named = parts.next().is_some_and(|name| name.eq_ignore_ascii_case(coding));
        let weight = parts.find_map(|p| p.strip_prefix("q=")).map_or(1.0, |q| q.parse::<f32>().unwrap_or(0.0));
        named && weight > 0.0
    })
}

pub async fn serve(State(assets): State<Assets>, Path(name): Path<String>, headers: HeaderMap) -> Response {
    let Some(asset) = assets.0.get(&name) else { return StatusCode::NOT_FOUND.into_response() };
    let (body, encoding) = match (&asset.brotli, &asset.gzip) {
        (Some(br), _) if accepts(&headers, "br") => (br.clone(), Some("br")),
        (_, Some(gz)) if accepts(&headers, "gzip") => (gz.clone(), Some("gzip")),
        _ => (asset.plain.clone(), None),
    };
    let mut response = (
        [
            (header::CONTENT_TYPE, HeaderValue::from_static(asset.content_type)),
            (header::CACHE_CONTROL, HeaderValue::from_static("public, max-age=31536000, immutable")),
            (header::VARY, HeaderValue::from_static("accept-encoding")),
        ],
        body,
    )
        .into_response();
    if let Some(encoding) = encoding {
        response.headers_mut().insert(header::CONTENT_ENCODING, HeaderValue::from_static(encoding));
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    fn asking(value: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(header::ACCEPT_ENCODING, HeaderValue::from_str(value).unwrap());
        headers
    }

    #[test]
    fn a_coding_is_taken_when_named_with_a_weight_above_zero() {
        assert!(accepts(&asking("gzip, deflate, br, zstd"), "br"));
        assert!(accepts(&asking("gzip;q=0.5, BR;q=1.0"), "br"));
        assert!(!accepts(&asking("gzip, br;q=0"), "br"));
        assert!(!accepts(&asking("gzip"), "br"));
        assert!(!accepts(&HeaderMap::new(), "gzip"));
    }
}
