//! Forms that work without JavaScript and better with it. A form posts to its
//! server function either way:
//! - without JavaScript, as a plain form post: the server function answers with
//!   a redirect (303) to the next page, or back to the form with the problems
//!   and the typed values in a short-lived cookie (`portal_svar`) that the form
//!   page reads once;
//! - with JavaScript, by `fetch`: the same server function returns a
//!   `FormReply` and the page shows the problems beside the fields without a
//!   reload, keeping everything typed.

pub use crate::problem::{ApplyProblem, Problem};
pub use crate::wiring::{Done, FormId};
use serde::{Deserialize, Serialize};

/// The key of a `name[key]` field for a record id. The form decoder reads a
/// key that begins with a digit as a list index and refuses the whole form
/// (a UUID often does), so the key begins with a letter.
pub fn field_key(id: &str) -> String {
    format!("id-{id}")
}

/// The problems of one submitted form, by field name ("" for the form as a
/// whole), and the values to show again. `form` is a `FormId`'s id ("" when the
/// form is not known).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Problems {
    pub form: String,
    pub fields: Vec<(String, Problem)>,
    pub values: Vec<(String, String)>,
    /// What a field is called, where the message alone does not say it: the error
    /// summary then names it ("Resultat: Ge en poäng här…"), eight alike lines told apart.
    #[serde(default)]
    pub labels: Vec<(String, String)>,
}

impl Problems {
    pub fn new(form: FormId) -> Problems {
        Problems { form: form.as_str().to_owned(), ..Problems::default() }
    }

    pub fn add(&mut self, field: &str, problem: impl Into<Problem>) {
        self.fields.push((field.to_owned(), problem.into()));
    }

    /// Records a field's problem if `result` has one, and passes its value on.
    pub fn check<T, E: Into<Problem>>(&mut self, field: &str, result: Result<T, E>) -> Option<T> {
        result.map_err(|e| self.add(field, e)).ok()
    }

    /// Keeps a typed value for showing the form again (never a password).
    pub fn keep(mut self, field: &str, value: &str) -> Problems {
        self.values.push((field.to_owned(), value.to_owned()));
        self
    }

    /// Names `field` for the error summary.
    pub fn name(&mut self, field: &str, label: &str) {
        self.labels.push((field.to_owned(), label.to_owned()));
    }

    pub fn label(&self, field: &str) -> Option<&str> {
        self.labels.iter().find(|(f, _)| f == field).map(|(_, l)| l.as_str())
    }

    pub fn is_empty(&self) -> bool {
        self.fields.is_empty()
    }

    pub fn value(&self, field: &str) -> Option<&str> {
        self.values.iter().find(|(f, _)| f == field).map(|(_, v)| v.as_str())
    }

    pub fn problem(&self, field: &str) -> Option<&Problem> {
        self.fields.iter().find(|(f, _)| f == field).map(|(_, p)| p)
    }
}

/// `page#anchor` with the done notice (`?klart=…`) before the anchor; after
/// the page's own query, if it has one (`&klart=…`).
pub fn done_href(back: &str, done: Done) -> String {
    let code = done.code();
    let (page, anchor) = match back.split_once('#') {
        Some((page, anchor)) => (page, format!("#{anchor}")),
        None => (back, String::new()),
    };
    let join = if page.contains('?') { '&' } else { '?' };
    format!("{page}{join}{}={code}{anchor}", Done::PARAM)
}

/// A form's answer: go on to a page, or show the problems.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum FormReply {
    Done { go_to: String },
    Invalid(Problems),
}

#[cfg(feature = "ssr")]
pub use server::*;

#[cfg(feature = "ssr")]
mod server {
    use super::*;
    use crate::{cookies, error::AppError};
    use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
    use http::{HeaderValue, StatusCode, header};
    use leptos::prelude::use_context;
    use leptos_axum::ResponseOptions;

    pub const ECHO_COOKIE: &str = "portal_svar";
    /// An echo cookie's value that names problems kept on the server begins so.
    const KEPT_ON_SERVER: &str = "server.";
    /// The most kept on the server for one form: several times the longest of the portal's forms.
    const KEPT_MAX_BYTES: usize = 256 * 1024;
    /// Cookies over 4 kB are dropped by browsers.
    const ECHO_MAX_BYTES: usize = 3500;

    /// A file upload's post, which `keep_what_was_typed` does not answer: its problems go by cookie.
    fn is_multipart() -> bool {
        use_context::<http::request::Parts>()
            .and_then(|p| p.headers.get(header::CONTENT_TYPE)?.to_str().ok().map(|c| c.starts_with("multipart/")))
            .unwrap_or(false)
    }

    fn is_plain_post() -> bool {
        use_context::<http::request::Parts>()
            .and_then(|p| p.headers.get(header::ACCEPT)?.to_str().ok().map(|a| a.contains("text/html")))
            .unwrap_or(false)
    }

    fn see_other(to: &str) {
        if let (Some(res), Ok(location)) = (use_context::<ResponseOptions>(), HeaderValue::from_str(to)) {
            res.set_status(StatusCode::SEE_OTHER);
            res.insert_header(header::LOCATION, location);
        }
    }

    /// Problems whose typed values did not fit the echo cookie, or came with a failure of
    /// the server, on a plain post's answer: `keep_what_was_typed` (in the server) takes
    /// the header off and answers with the typed text instead of the redirect.
    pub const KEPT_HEADER: &str = "x-portal-kept";

    /// The problems in `KEPT_HEADER`'s value.
    pub fn kept_problems(value: &[u8]) -> Option<Problems> {
        serde_json::from_slice(&URL_SAFE_NO_PAD.decode(value).ok()?).ok()
    }

    /// The answer to a form post: on success go to `go_to`; else back to the
    /// form on `form_page` with the problems (a plain post) or with them in the
    /// reply (JavaScript).
    pub async fn finish(form_page: &str, outcome: Result<String, Problems>) -> FormReply {
        let plain = is_plain_post();
        match outcome {
            Ok(go_to) => {
                if plain {
                    see_other(&go_to);
                }
                FormReply::Done { go_to }
            }
            Err(problems) => {
                if plain {
                    let answer = plain_answer(&problems).await;
                    if let (Some(res), Some((name, value))) = (use_context::<ResponseOptions>(), answer) {
                        res.append_header(name, value);
                    }
                    see_other(form_page);
                }
                FormReply::Invalid(problems)
            }
        }
    }

    /// The header that brings a plain post's problems, and what was typed, back to the form.
    async fn plain_answer(problems: &Problems) -> Option<(http::HeaderName, HeaderValue)> {
        let json = serde_json::to_vec(problems).unwrap_or_default();
        let whole = URL_SAFE_NO_PAD.encode(&json);
        let failed = problems.fields.iter().any(|(_, p)| matches!(p, Problem::Failed(_)));
        let echo = |value: &str| {
            let secure = crate::api::cx::uses_https();
            Some((
                header::SET_COOKIE,
                HeaderValue::from_str(&cookies::set(ECHO_COOKIE, value, true, secure, Some(60))).ok()?,
            ))
        };
        let at_once = || Some((http::HeaderName::from_static(KEPT_HEADER), HeaderValue::from_str(&whole).ok()?));
        if whole.len() <= ECHO_MAX_BYTES && !failed {
            return echo(&whole);
        }
        if is_multipart() {
            // A file's form (its file cannot come back anyway) over a cookie's size
            // keeps its problems and loses its values.
            let problems = Problems { values: Vec::new(), ..problems.clone() };
            return echo(&URL_SAFE_NO_PAD.encode(serde_json::to_vec(&problems).unwrap_or_default()));
        }
        // The form page may not load either when the server fails: the typed text is
        // answered at once (`KEPT_HEADER`), as it is when it cannot be kept for the page.
        if failed {
            return at_once();
        }
        // More than a cookie holds: kept on the server for the page, the cookie names it;
        // more than any of the portal's forms holds is no person's typing, and is not kept.
        if json.len() > KEPT_MAX_BYTES {
            return at_once();
        }
        let token = crate::auth::secret::new_token();
        let json = String::from_utf8(json).unwrap_or_default();
        match crate::api::cx::keep_typed_text(&crate::auth::secret::hash_token(&token), &json).await {
            Ok(true) => echo(&format!("{KEPT_ON_SERVER}{token}")),
            Ok(false) | Err(_) => at_once(),
        }
    }

    /// Runs a form's work and answers with `finish`; a failure of the server
    /// (not of the input) shows at the top of the form, with `problems`' values kept.
    pub async fn run(
        form_page: &str,
        problems: Problems,
        work: impl Future<Output = Result<Result<String, Problems>, AppError>>,
    ) -> FormReply {
        let outcome = match work.await {
            Ok(outcome) => outcome,
            // Not theirs to change (a page left open while someone else logged
            // in): a plain post gets the page that explains; nothing to correct in the form.
            Err(AppError::Forbidden) => {
                if is_plain_post() {
                    see_other(crate::auth::guard::FORBIDDEN_PAGE);
                }
                return FormReply::Invalid(failed(problems, AppError::Forbidden));
            }
            Err(err) => Err(failed(problems, err)),
        };
        finish(form_page, outcome).await
    }

    /// A failure the person cannot fix by editing the form (the database is
    /// down): said at the top of the form, everything typed kept.
    pub fn failed(problems: Problems, err: AppError) -> Problems {
        Problems { fields: vec![(String::new(), Problem::Failed(err))], ..problems }
    }

    /// The problems sent back to form `form` by the previous plain post, if any.
    pub async fn echo_for(form: FormId) -> Option<Problems> {
        let parts = use_context::<http::request::Parts>()?;
        let header = parts.headers.get(header::COOKIE)?.to_str().ok()?;
        let secure = crate::api::cx::uses_https();
        let value = cookies::portal_value(header, ECHO_COOKIE, secure)?;
        let json = match value.strip_prefix(KEPT_ON_SERVER) {
            // Anything but one of the portal's tokens is not looked up.
            Some(token) if !crate::auth::secret::is_token_shaped(token) => return None,
            Some(token) => crate::api::cx::typed_text(&crate::auth::secret::hash_token(token)).await?.into_bytes(),
            None => URL_SAFE_NO_PAD.decode(value).ok()?,
        };
        serde_json::from_slice::<Problems>(&json).ok().filter(|p| p.form == form.as_str())
    }

    /// Middleware: an echo is read once; the page that shows it also deletes it.
    pub async fn forget_echo(
        request: axum::extract::Request,
        next: axum::middleware::Next,
    ) -> axum::response::Response {
        let had_echo = request.method() == http::Method::GET
            && request.headers().get(header::COOKIE).and_then(|v| v.to_str().ok()).is_some_and(|h| {
                [false, true].into_iter().any(|secure| cookies::portal_value(h, ECHO_COOKIE, secure).is_some())
            });
        let mut response = next.run(request).await;
        let is_page = response
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("text/html"));
        if had_echo && is_page {
            // Under whichever name it was set (this middleware is not told whether the portal is on https).
            for secure in [false, true] {
                let removal = cookies::set(ECHO_COOKIE, "", true, secure, Some(0));
                if let Ok(value) = HeaderValue::from_str(&removal) {
                    response.headers_mut().append(header::SET_COOKIE, value);
                }
            }
        }
        response
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_done_notice_goes_before_the_anchor_and_after_the_page_own_query() {
        assert_eq!(done_href("/konto", Done::ProfileSaved), "/konto?klart=sparat");
        assert_eq!(done_href("/ansokan#status", Done::DraftSaved), "/ansokan?klart=utkast-sparat#status");
        assert_eq!(
            done_href("/arrangor/bedomning?omgang=ehalsokommun-2028", Done::CriteriaSaved),
            "/arrangor/bedomning?omgang=ehalsokommun-2028&klart=kriterier-sparade"
        );
    }

    #[test]
    fn problems_name_their_form_by_its_id() {
        assert_eq!(Problems::new(FormId::Remind).form, "paminn-form");
    }
}
