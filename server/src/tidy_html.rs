//! The HTML the pages send, made valid. Leptos (tachys) writes a hydration marker
//! `<!>` between adjacent text nodes and at the edges of dynamic views, and the
//! data of the page's resources as scripts after `</html>`. In islands mode only an
//! island (`<leptos-island>`) is hydrated: everywhere else the markers are bogus
//! comments for nothing, and the scripts belong in the body, where browsers put
//! them anyway. A literal `<!>` never comes from what people write: text and
//! attribute values are escaped (`&lt;`), and so are a `<textarea>`'s and the
//! `<title>`'s text (`components::form::raw_text_content`).

use axum::{
    body::Body,
    extract::Request,
    middleware::Next,
    response::{IntoResponse, Response},
};
use http::{StatusCode, header};

const MARKER: &str = "<!>";
const ISLAND_START: &str = "<leptos-island";
const ISLAND_END: &str = "</leptos-island>";
const BODY_END: &str = "</body>";

/// `html` without the markers outside islands, its trailing scripts moved into the body.
pub fn tidy(html: &str) -> String {
    let Some(body_end) = html.rfind(BODY_END) else { return html.to_owned() };
    let (page, tail) = html.split_at(body_end);
    let mut out = String::with_capacity(html.len());
    let mut rest = page;
    while let Some(start) = rest.find(ISLAND_START) {
        out.push_str(&rest[..start].replace(MARKER, ""));
        let end = rest[start..].find(ISLAND_END).map_or(rest.len(), |e| start + e + ISLAND_END.len());
        out.push_str(&rest[start..end]);
        rest = &rest[end..];
    }
    out.push_str(&rest.replace(MARKER, ""));
    let mut scripts = tail;
    while let Some(start) = scripts.find("<script") {
        let Some(end) = scripts[start..].find("</script>").map(|e| start + e + "</script>".len()) else { break };
        out.push_str(&scripts[start..end]);
        scripts = &scripts[end..];
    }
    out.push_str("</body></html>");
    out
}

/// Middleware: every HTML answer, tidied (`tidy`). Pages are rendered whole before
/// the first byte (`SsrMode::Async`), so holding one back costs no time to first byte.
pub async fn tidy_pages(request: Request, next: Next) -> Response {
    let response = next.run(request).await;
    let html = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    if !html {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, usize::MAX).await else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    let body = match std::str::from_utf8(&bytes) {
        Ok(page) => Body::from(tidy(page)),
        Err(_) => Body::from(bytes),
    };
    parts.headers.remove(header::CONTENT_LENGTH);
    Response::from_parts(parts, body)
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
    fn the_resource_scripts_after_the_document_move_into_the_body() {
        let html = "<html><body><p>x</p></body><!><!></html><!><script nonce=\"n\">__RESOLVED_RESOURCES=[\"<!>\"];</script>\
                    <script nonce=\"n\">__INCOMPLETE_CHUNKS=[];</script>";
        assert_eq!(
            tidy(html),
            "<html><body><p>x</p><script nonce=\"n\">__RESOLVED_RESOURCES=[\"<!>\"];</script>\
             <script nonce=\"n\">__INCOMPLETE_CHUNKS=[];</script></body></html>"
        );
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
