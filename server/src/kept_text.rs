//! Nothing a person typed is lost without JavaScript either. A plain form post
//! that fails normally goes back to its form page with the typed values in a
//! cookie (`app::api::form::finish`); that cookie holds about 4 kB, and when the
//! server itself fails the form page may not load at all. Then this answers the
//! post at once with a page of its own: what went wrong, and every field as it
//! was sent, editable, in a form that sends it again. It needs neither the
//! database nor the form's page, so it works through an outage.

use app::{
    api::form::{KEPT_HEADER, Problem, Problems, failed, kept_problems},
    auth::guard::REFUSED_HEADER,
    error::AppError,
    i18n::{Locale, Texts, safe_return_path},
    mail::escape_html,
    routes::{LOG_IN_PAGE, SERVER_FN_PREFIX},
};
use axum::{
    body::Body,
    extract::Request,
    middleware::Next,
    response::{IntoResponse, Response},
};
use base64::{Engine, engine::general_purpose::URL_SAFE};
use http::{HeaderValue, StatusCode, header};

/// Fields shown as text to correct or copy: those the form kept, and any longer or with
/// a space; a shorter value without one (a score, a choice) goes back unseen, as sent.
const SHOWN_FROM_CHARS: usize = 40;

/// No form of the portal has more fields; a post with more is no person's typing, and
/// gets the answer it would have had (the page is built in time and memory by the fields).
const MOST_FIELDS: usize = 500;

/// Fields a page sets, never a person: they go back unseen, however they look
/// (a token is as long as a sentence).
fn set_by_the_page(name: &str) -> bool {
    matches!(name, "csrf" | "token" | "request_key" | "application" | "user" | "action" | "tillbaka")
        || name.starts_with("version")
}

/// Whether a field is shown to correct or copy (`SHOWN_FROM_CHARS`).
fn shown(problems: &Problems, name: &str, value: &str) -> bool {
    !set_by_the_page(name)
        && (problems.value(name).is_some()
            || value.chars().count() >= SHOWN_FROM_CHARS
            || value.contains(char::is_whitespace))
}

fn header_text(request: &Request, name: header::HeaderName) -> &str {
    request.headers().get(name).and_then(|v| v.to_str().ok()).unwrap_or_default()
}

/// The page a post came from (its Referer's path, if on the portal), to go back to;
/// else the front page. A resend from a page of this module's has a server function
/// as its Referer: no page to go back to.
pub fn form_page(request: &Request) -> String {
    header_text(request, header::REFERER)
        .parse::<http::Uri>()
        .map(|uri| safe_return_path(uri.path()).to_owned())
        .ok()
        .filter(|path| !path.starts_with(SERVER_FN_PREFIX))
        .unwrap_or_else(|| "/".to_owned())
}

/// A whole page of the server's own, needing neither the database nor the app's
/// shell: `title` (escaped here) as title and heading, then `main`, already HTML.
pub fn plain_page(lang: &str, title: &str, main: &str) -> String {
    let title = escape_html(title);
    format!(
        "<!DOCTYPE html><html lang=\"{lang}\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{title}</title></head>\
         <body><main><h1>{title}</h1>{main}</main></body></html>"
    )
}

/// Middleware for plain (no-JavaScript) form posts to server functions.
pub async fn keep_what_was_typed(request: Request, next: Next) -> Response {
    let plain_form_post = request.method() == http::Method::POST
        && request.uri().path().starts_with(SERVER_FN_PREFIX)
        && header_text(&request, header::ACCEPT).contains("text/html")
        && header_text(&request, header::CONTENT_TYPE).starts_with("application/x-www-form-urlencoded");
    if !plain_form_post {
        let mut response = next.run(request).await;
        response.headers_mut().remove(REFUSED_HEADER);
        response.headers_mut().remove(KEPT_HEADER);
        return response;
    }
    let action = request.uri().path().to_owned();
    let locale = Locale::from_cookie_header(header_text(&request, header::COOKIE));
    let back = form_page(&request);
    let (parts, body) = request.into_parts();
    // The body limit outside has already refused anything larger than a form may be.
    let Ok(bytes) = axum::body::to_bytes(body, usize::MAX).await else {
        return StatusCode::PAYLOAD_TOO_LARGE.into_response();
    };
    let mut response = next.run(Request::from_parts(parts, Body::from(bytes.clone()))).await;
    let refused = response.headers_mut().remove(REFUSED_HEADER);
    let problems = match (response.headers_mut().remove(KEPT_HEADER), refused) {
        (Some(value), _) => kept_problems(value.as_bytes()),
        (None, Some(why)) => {
            let err = if why == "unavailable" { AppError::Unavailable } else { AppError::NotSignedIn };
            Some(failed(Problems::default(), err))
        }
        (None, None) => server_fn_error(&response).map(|err| failed(Problems::default(), err)),
    };
    let Some(problems) = problems else { return response };
    let fields: Vec<(String, String)> = serde_urlencoded::from_bytes(&bytes).unwrap_or_default();
    // A button alone (log out, approve) had nothing typed to keep: its own answer stands.
    let typed = fields.iter().any(|(name, value)| is_password(name) || shown(&problems, name, value));
    if fields.len() > MOST_FIELDS || !typed {
        return response;
    }
    let status = problems
        .fields
        .iter()
        .find_map(|(_, p)| match p {
            Problem::Failed(err) => StatusCode::from_u16(err.status()).ok(),
            _ => None,
        })
        .unwrap_or(StatusCode::UNPROCESSABLE_ENTITY);
    let signed_out = problems.fields.iter().any(|(_, p)| *p == Problem::Failed(AppError::NotSignedIn));
    let page = page(locale.texts(), &action, &back, &problems, &fields, signed_out);
    let mut kept =
        (status, [(header::CONTENT_TYPE, HeaderValue::from_static("text/html; charset=utf-8"))], page).into_response();
    // The answer replaces the redirect, not what the server function said of the session.
    for cookie in response.headers().get_all(header::SET_COOKIE) {
        kept.headers_mut().append(header::SET_COOKIE, cookie.clone());
    }
    kept
}

/// A server function's own failure on a plain post, which Leptos answers with a
/// redirect to the Referer carrying the error in `__err`: a failure of the server,
/// or a form it could not read. Refusals (403, 404) keep their own pages: nothing
/// there was the person's to send.
fn server_fn_error(response: &Response) -> Option<AppError> {
    let location = response.headers().get(header::LOCATION)?.to_str().ok()?;
    let query = location.split_once('?')?.1;
    let pairs: Vec<(String, String)> = serde_urlencoded::from_str(query).ok()?;
    let (_, encoded) = pairs.into_iter().find(|(k, _)| k == "__err")?;
    let err: AppError = serde_json::from_slice(&URL_SAFE.decode(encoded).ok()?).ok()?;
    (err.status() >= 500 || err == AppError::BadRequest).then_some(err)
}

/// The label a field is shown with: the form's own, else its name (`text[ledning]`: "Ledning").
fn label(problems: &Problems, name: &str) -> String {
    if let Some(label) = problems.label(name) {
        return label.to_owned();
    }
    let key = name.rsplit_once('[').map_or(name, |(_, key)| key.trim_end_matches(']'));
    let mut chars = key.chars();
    chars.next().map(|first| first.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

fn is_password(name: &str) -> bool {
    name.contains("password")
}

fn page(
    t: &Texts,
    action: &str,
    back: &str,
    problems: &Problems,
    fields: &[(String, String)],
    signed_out: bool,
) -> String {
    let e = escape_html;
    let mut list = String::new();
    for (field, problem) in &problems.fields {
        let text = match problems.label(field) {
            Some(label) => format!("{label}: {}", t.problem(problem)),
            None => t.problem(problem),
        };
        list.push_str(&format!("<li>{}</li>", e(&text)));
    }
    if signed_out {
        // In a tab of its own, so that this page, and the text on it, stays open.
        list.push_str(&format!("<li><a href=\"{LOG_IN_PAGE}\" target=\"_blank\">{}</a></li>", e(t.a.kept_log_in)));
    }
    let mut form = String::new();
    for (i, (name, value)) in fields.iter().enumerate() {
        let id = format!("falt-{i}");
        let message = problems.problem(name).map(|p| t.problem(p));
        let described = message.as_ref().map(|_| format!(" aria-describedby=\"{id}-fel\"")).unwrap_or_default();
        let message = message.map(|m| format!("<p id=\"{id}-fel\" class=\"field-error\">{}</p>", e(&m)));
        let message = message.unwrap_or_default();
        if is_password(name) {
            form.push_str(&format!(
                "<p><label for=\"{id}\">{} – {}</label>{message}<input type=\"password\" id=\"{id}\" name=\"{}\"{described} autocomplete=\"off\"></p>",
                e(&label(problems, name)),
                e(t.a.kept_password),
                e(name)
            ));
        } else if shown(problems, name, value) {
            let rows = (value.lines().count() + value.chars().count() / 80).clamp(2, 30);
            // One newline first: the HTML parser drops a single newline that opens a textarea.
            form.push_str(&format!(
                "<p><label for=\"{id}\">{}</label>{message}<textarea id=\"{id}\" name=\"{}\" rows=\"{rows}\" cols=\"80\"{described}>\n{}</textarea></p>",
                e(&label(problems, name)),
                e(name),
                e(value)
            ));
        } else {
            form.push_str(&format!("<input type=\"hidden\" name=\"{}\" value=\"{}\">", e(name), e(value)));
        }
    }
    let main = format!(
        "<div role=\"alert\"><ul>{list}</ul></div><p>{intro}</p>\
         <form method=\"post\" action=\"{action}\">{form}<p><button type=\"submit\">{resend}</button></p></form>\
         <p><a href=\"{back}\">{back_text}</a></p>",
        intro = e(t.a.kept_intro),
        action = e(action),
        resend = e(t.a.kept_resend),
        back = e(back),
        back_text = e(t.a.kept_back),
    );
    plain_page(t.lang, t.a.kept_title, &main)
}

#[cfg(test)]
mod tests {
    use super::*;
    use app::api::form::FormId;

    #[test]
    fn a_field_is_labelled_by_its_form_or_else_by_its_name() {
        let mut problems = Problems::new(FormId::Motivation);
        problems.name("text", "Motivering");
        assert_eq!(label(&problems, "text"), "Motivering");
        assert_eq!(label(&problems, "text[ledning]"), "Ledning");
        assert_eq!(label(&problems, "jury_comment"), "Jury_comment");
    }

    #[test]
    fn every_typed_value_comes_back_escaped_and_a_password_never() {
        let mut problems = Problems::new(FormId::Motivation).keep("text", "<b>min</b> text");
        problems.add("text", Problem::Failed(AppError::Unavailable));
        let fields = vec![
            ("csrf".to_owned(), "abc".to_owned()),
            ("application".to_owned(), "0f8e".to_owned()),
            ("text".to_owned(), "\n<b>min</b> text".to_owned()),
            ("password".to_owned(), "hemligt lösenord".to_owned()),
            ("token".to_owned(), "a".repeat(43)),
        ];
        let html = page(
            Locale::Sv.texts(),
            <app::api::jury::motivation::SaveMotivation as leptos::server_fn::ServerFn>::PATH,
            "/jury",
            &problems,
            &fields,
            false,
        );
        assert!(html.contains("<input type=\"hidden\" name=\"csrf\" value=\"abc\">"), "{html}");
        assert!(html.contains("<input type=\"hidden\" name=\"application\" value=\"0f8e\">"), "{html}");
        assert!(html.contains(">\n\n&lt;b&gt;min&lt;/b&gt; text</textarea>"), "its own first newline kept: {html}");
        assert!(!html.contains("hemligt"), "{html}");
        assert!(html.contains("<input type=\"password\""), "{html}");
        let token = format!("<input type=\"hidden\" name=\"token\" value=\"{}\">", "a".repeat(43));
        assert!(html.contains(&token), "a token is the page's, never shown as text: {html}");
    }
}
