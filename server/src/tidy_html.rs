//! The HTML the pages send, made valid. Leptos (tachys) writes a hydration marker
//! `<!>` between adjacent text nodes and at the edges of dynamic views, and the
//! data of the page's resources as scripts after `</html>`. In islands mode only an
//! island (`<leptos-island>`) is hydrated, not the server-rendered children it wraps
//! (`<leptos-children>`): everywhere else the markers are bogus
//! comments for nothing, and the scripts belong in the body, where browsers put
//! them anyway. A literal `<!>` never comes from what people write: text and
//! attribute values are escaped (`&lt;`), and so are a `<textarea>`'s and the
//! `<title>`'s text (`components::form::raw_text_content`). A page without
//! islands has nothing to hydrate, and its resource scripts are dropped. Leptos
//! writes the script nonce into the bundle's preload links' `crossorigin`, where
//! browsers read any value but `use-credentials` as `anonymous`: so it is written.
//!
//! The page is held whole here anyway, so it is compressed here too, with the
//! encoder sized to it: the compression layer's encoder, made for a stream of
//! unknown length, set up tables for 4 MiB on every page (measured: a third of
//! the round page's time). A public page is the same for every visitor without
//! a session, so what was compressed is kept for the next (`Kept`).

use app::{auth::session::SESSION_COOKIE, cookies::portal_value};
use axum::{
    body::{Body, Bytes},
    extract::Request,
    middleware::Next,
    response::{IntoResponse, Response},
};
use http::{HeaderMap, HeaderValue, StatusCode, header};
use std::{
    collections::VecDeque,
    hash::{Hash, Hasher},
    sync::Mutex,
};

const MARKER: &str = "<!>";
const ISLAND_START: &str = "<leptos-island";
/// Where the hydrated parts of the page begin and end: an island is hydrated,
/// the server-rendered children it wraps are not (they may hold an island again).
const REGIONS: [(&str, Option<Region>); 4] = [
    (ISLAND_START, Some(Region::Island)),
    ("</leptos-island>", None),
    ("<leptos-children", Some(Region::Children)),
    ("</leptos-children>", None),
];

#[derive(Clone, Copy, PartialEq)]
enum Region {
    Island,
    Children,
}
const BODY_END: &str = "</body>";
const PRELOAD: &str = "<link rel=\"";
const CROSSORIGIN: &str = " crossorigin=\"";

/// `html` without the markers where nothing is hydrated, its trailing scripts moved into the body.
pub fn tidy(html: &str) -> String {
    let Some(body_end) = html.rfind(BODY_END) else { return html.to_owned() };
    let (page, tail) = html.split_at(body_end);
    let has_islands = page.contains(ISLAND_START);
    let mut out = String::with_capacity(html.len());
    let mut rest = page;
    let mut open: Vec<Region> = Vec::new();
    let next_region = |rest: &str| {
        REGIONS
            .iter()
            .filter_map(|(tag, region)| rest.find(tag).map(|at| (at, *tag, *region)))
            .min_by_key(|(at, ..)| *at)
    };
    while let Some((at, tag, region)) = has_islands.then(|| next_region(rest)).flatten() {
        let hydrated = open.last() == Some(&Region::Island);
        out.push_str(&if hydrated { rest[..at].to_owned() } else { outside_islands(&rest[..at]) });
        out.push_str(tag);
        match region {
            Some(region) => open.push(region),
            None => {
                open.pop();
            }
        }
        rest = &rest[at + tag.len()..];
    }
    out.push_str(&if open.last() == Some(&Region::Island) { rest.to_owned() } else { outside_islands(rest) });
    let mut scripts = if has_islands { tail } else { "" };
    while let Some(start) = scripts.find("<script") {
        let Some(end) = scripts[start..].find("</script>").map(|e| start + e + "</script>".len()) else { break };
        out.push_str(&scripts[start..end]);
        scripts = &scripts[end..];
    }
    out.push_str("</body></html>");
    out
}

/// `html` without markers, its preload links' `crossorigin` made `anonymous`.
fn outside_islands(html: &str) -> String {
    let mut out = html.replace(MARKER, "");
    let mut from = 0;
    while let Some(at) = out[from..].find(PRELOAD).map(|at| from + at) {
        let tag_end = out[at..].find('>').map_or(out.len(), |end| at + end);
        if let Some(value) = out[at..tag_end].find(CROSSORIGIN).map(|v| at + v + CROSSORIGIN.len())
            && let Some(value_end) = out[value..tag_end].find('"').map(|end| value + end)
        {
            out.replace_range(value..value_end, "anonymous");
        }
        from = at + PRELOAD.len();
    }
    out
}

/// Middleware: every HTML answer, tidied (`tidy`) and compressed. Pages are rendered
/// whole before the first byte (`SsrMode::Async`), so holding one back costs no time
/// to first byte.
pub async fn tidy_pages(request: Request, next: Next) -> Response {
    let brotli = crate::assets::accepts(request.headers(), "br");
    let public = !has_session(request.headers());
    let response = next.run(request).await;
    let html = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    // Already encoded (a file served as it is stored): neither tidied nor compressed again.
    if !html || response.headers().contains_key(header::CONTENT_ENCODING) {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, usize::MAX).await else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    let page = match std::str::from_utf8(&bytes) {
        Ok(page) => Bytes::from(tidy(page)),
        Err(_) => bytes,
    };
    parts.headers.remove(header::CONTENT_LENGTH);
    let varies =
        parts.headers.get_all(header::VARY).iter().any(|v| v.as_bytes().eq_ignore_ascii_case(b"accept-encoding"));
    if !varies {
        parts.headers.append(header::VARY, HeaderValue::from_static("accept-encoding"));
    }
    let sent = match (brotli, public) {
        (false, _) => None,
        (true, true) => KEPT.compressed(&page),
        (true, false) => compressed(&page),
    };
    let body = match sent {
        Some(sent) => {
            parts.headers.insert(header::CONTENT_ENCODING, HeaderValue::from_static("br"));
            sent
        }
        None => page,
    };
    Response::from_parts(parts, Body::from(body))
}

/// Whether the request carries a session cookie, under either of the names the
/// portal gives it (`__Host-` over https): valid or not, its page is not kept.
fn has_session(headers: &HeaderMap) -> bool {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .any(|cookies| [false, true].into_iter().any(|https| portal_value(cookies, SESSION_COOKIE, https).is_some()))
}

/// Brotli's quality for pages here and for everything else in the compression layer:
/// its default (11) costs more CPU than a page render; 4 keeps most of the gain.
pub const BROTLI_QUALITY: u8 = 4;

/// `page` in brotli at `BROTLI_QUALITY`, its window and hash tables as large as the page needs.
fn compressed(page: &[u8]) -> Option<Bytes> {
    let params = brotli::enc::BrotliEncoderParams {
        quality: i32::from(BROTLI_QUALITY),
        lgwin: i32::try_from(page.len().next_power_of_two().trailing_zeros()).ok()?.clamp(10, 24),
        size_hint: page.len(),
        ..Default::default()
    };
    let mut out = Vec::with_capacity(page.len() / 2);
    brotli::BrotliCompress(&mut &page[..], &mut out, &params).ok()?;
    Some(out.into())
}

static KEPT: Kept = Kept(Mutex::new(KeptPages { seen_once: VecDeque::new(), pages: VecDeque::new() }));

/// At most this many pages are kept compressed, each at most `KEPT_PAGE_BYTES`.
const KEPT_PAGES: usize = 16;
const KEPT_PAGE_BYTES: usize = 64 * 1024;
/// Pages seen once are remembered by their hash, this many.
const SEEN_ONCE: usize = 64;

/// Pages lately sent compressed to visitors without a session. A page is kept the
/// second time it is sent, so a page made for one visitor (the log-in form, with
/// its CSRF token) never pushes out one that everyone gets. Found by hash and
/// compared whole: a page is only ever answered with itself.
struct Kept(Mutex<KeptPages>);

struct KeptPages {
    seen_once: VecDeque<u64>,
    pages: VecDeque<(u64, Bytes, Bytes)>,
}

impl Kept {
    fn compressed(&self, page: &Bytes) -> Option<Bytes> {
        if page.len() > KEPT_PAGE_BYTES {
            return compressed(page);
        }
        let hash = {
            let mut hasher = std::hash::DefaultHasher::new();
            page.hash(&mut hasher);
            hasher.finish()
        };
        let lock = || self.0.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some((_, _, sent)) = lock().pages.iter().find(|(h, kept, _)| *h == hash && kept == page) {
            return Some(sent.clone());
        }
        let sent = compressed(page)?;
        let mut kept = lock();
        if let Some(at) = kept.seen_once.iter().position(|h| *h == hash) {
            kept.seen_once.remove(at);
            if kept.pages.len() == KEPT_PAGES {
                kept.pages.pop_front();
            }
            kept.pages.push_back((hash, page.clone(), sent.clone()));
        } else {
            if kept.seen_once.len() == SEEN_ONCE {
                kept.seen_once.pop_front();
            }
            kept.seen_once.push_back(hash);
        }
        Some(sent)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_go_outside_islands_and_stay_inside_them() {
        let html = "<html><head><title>T<!></title><!></head><body><p>Hej <!>Anna<!></p>\
                    <leptos-island data-component=\"F\"><p>a<!>b</p></leptos-island><p>x<!></p></body><!></html>";
        assert_eq!(
            tidy(html),
            "<html><head><title>T</title></head><body><p>Hej Anna</p>\
             <leptos-island data-component=\"F\"><p>a<!>b</p></leptos-island><p>x</p></body></html>"
        );
    }

    #[test]
    fn an_islands_server_rendered_children_lose_their_markers_and_an_island_in_them_keeps_its_own() {
        let html = "<html><body><leptos-island data-component=\"A\"><p>a<!>b</p>\
                    <leptos-children><p>c<!>d</p><leptos-island data-component=\"B\">e<!>f</leptos-island>g<!>h</leptos-children>\
                    i<!>j</leptos-island>k<!>l</body></html>";
        assert_eq!(
            tidy(html),
            "<html><body><leptos-island data-component=\"A\"><p>a<!>b</p>\
             <leptos-children><p>cd</p><leptos-island data-component=\"B\">e<!>f</leptos-island>gh</leptos-children>\
             i<!>j</leptos-island>kl</body></html>"
        );
    }

    #[test]
    fn the_resource_scripts_after_the_document_move_into_the_body_of_a_page_with_islands() {
        let html = "<html><body><leptos-island>i</leptos-island></body><!><!></html><!>\
                    <script nonce=\"n\">__RESOLVED_RESOURCES=[\"<!>\"];</script>\
                    <script nonce=\"n\">__INCOMPLETE_CHUNKS=[];</script>";
        assert_eq!(
            tidy(html),
            "<html><body><leptos-island>i</leptos-island><script nonce=\"n\">__RESOLVED_RESOURCES=[\"<!>\"];</script>\
             <script nonce=\"n\">__INCOMPLETE_CHUNKS=[];</script></body></html>"
        );
    }

    #[test]
    fn the_bundles_preload_links_are_anonymous_not_the_nonce() {
        let html = "<html><body><leptos-island>i</leptos-island>\
                    <link rel=\"modulepreload\" href=\"/pkg/p.js\" crossorigin=\"n0nce\">\
                    <link rel=\"preload\" href=\"/pkg/p.wasm\" as=\"fetch\" crossorigin=\"n0nce\">\
                    <link rel=\"stylesheet\" href=\"/pkg/p.css\"><p>crossorigin=\"x\"</p></body></html>";
        assert_eq!(
            tidy(html),
            "<html><body><leptos-island>i</leptos-island>\
             <link rel=\"modulepreload\" href=\"/pkg/p.js\" crossorigin=\"anonymous\">\
             <link rel=\"preload\" href=\"/pkg/p.wasm\" as=\"fetch\" crossorigin=\"anonymous\">\
             <link rel=\"stylesheet\" href=\"/pkg/p.css\"><p>crossorigin=\"x\"</p></body></html>"
        );
    }

    #[test]
    fn a_page_without_islands_sends_no_resource_scripts() {
        let html = "<html><body><p>x</p></body></html><script nonce=\"n\">__RESOLVED_RESOURCES=[];</script>";
        assert_eq!(tidy(html), "<html><body><p>x</p></body></html>");
    }

    #[test]
    fn a_page_compressed_whole_decompresses_to_itself() {
        for size in [0, 1, 700, 6_000, 300_000] {
            let page: Vec<u8> = (0..size).map(|i| b"<p>Ledning och styrning</p>"[i % 27]).collect();
            let sent = compressed(&page).expect("compressed");
            let page = Bytes::from(page);
            let mut back = Vec::new();
            brotli::BrotliDecompress(&mut &sent[..], &mut back).expect("valid brotli");
            assert_eq!(back, page, "{size} bytes");
        }
    }

    #[test]
    fn a_session_cookie_under_either_name_keeps_the_page_out_of_the_shared_memory() {
        let asking = |cookie: &str| {
            let mut headers = HeaderMap::new();
            headers.insert(header::COOKIE, HeaderValue::from_str(cookie).unwrap());
            has_session(&headers)
        };
        assert!(asking("portal_csrf=a; portal_session=b"));
        assert!(asking("__Host-portal_csrf=a; __Host-portal_session=b"));
        assert!(!asking("portal_csrf=a; sprak=en"));
        assert!(!has_session(&HeaderMap::new()));
    }

    #[test]
    fn a_page_is_kept_the_second_time_and_only_ever_answers_itself() {
        let kept = Kept(Mutex::new(KeptPages { seen_once: VecDeque::new(), pages: VecDeque::new() }));
        let public = Bytes::from_static(b"<html><body><p>Sveriges eHalsokommun</p></body></html>");
        let first = kept.compressed(&public).unwrap();
        assert!(kept.0.lock().unwrap().pages.is_empty(), "not kept after one visit");
        assert_eq!(kept.compressed(&public).unwrap(), first);
        assert_eq!(kept.0.lock().unwrap().pages.len(), 1, "kept after the second");
        // Pages seen once (each visitor's own log-in form) do not push it out.
        for token in 0..SEEN_ONCE * 2 {
            kept.compressed(&Bytes::from(format!("<form><input value=\"{token}\"></form>"))).unwrap();
        }
        assert_eq!(kept.0.lock().unwrap().pages.len(), 1);
        let other = Bytes::from_static(b"<html><body><p>Sveriges eHalsokommun!</p></body></html>");
        let mut back = Vec::new();
        brotli::BrotliDecompress(&mut &kept.compressed(&other).unwrap()[..], &mut back).unwrap();
        assert_eq!(back, other);
    }

    #[test]
    fn what_people_wrote_is_left_as_it_was_sent() {
        // Escaped by the renderer: `&lt;!&gt;` is text, not a marker.
        let html = "<html><body><p>&lt;!&gt; och <!>&lt;!--</p><input value=\"&lt;!&gt;\"></body></html>";
        assert_eq!(tidy(html), "<html><body><p>&lt;!&gt; och &lt;!--</p><input value=\"&lt;!&gt;\"></body></html>");
    }

    #[test]
    fn a_document_without_a_body_is_sent_as_it_is() {
        assert_eq!(tidy("{\"json\":\"<!>\"}"), "{\"json\":\"<!>\"}");
    }
}
