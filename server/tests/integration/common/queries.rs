//! The SQL statements the portal ran for one request, as pretalx pins its pages'
//! query counts. sqlx reports each statement as a `sqlx::query` event inside the
//! request's span (SQLite's worker thread enters the caller's span), and the span
//! carries the request's id, which the answer returns as `x-request-id`, and, once
//! the server function has named it (`api::cx::Cx`), the action.

use std::{
    collections::HashMap,
    fmt::Debug,
    sync::{Mutex, OnceLock},
};
use tracing::{
    Event, Subscriber,
    field::{Field, Visit},
    span,
};
use tracing_subscriber::{Layer, layer::Context, registry::LookupSpan};

/// A statement's first words, as sqlx summarises them, and the action it ran for, if any.
type Statement = (String, Option<String>);

fn statements() -> &'static Mutex<HashMap<String, Vec<Statement>>> {
    static STATEMENTS: OnceLock<Mutex<HashMap<String, Vec<Statement>>>> = OnceLock::new();
    STATEMENTS.get_or_init(Default::default)
}

/// The statements the request with this id ran, in order.
pub fn of_request(id: &str) -> Vec<String> {
    statements().lock().unwrap().get(id).map(|s| s.iter().map(|(text, _)| text.clone()).collect()).unwrap_or_default()
}

/// The statements the request ran once its server function had named `action`, in order.
pub fn of_action(id: &str, action: &str) -> Vec<String> {
    let all = statements().lock().unwrap().get(id).cloned().unwrap_or_default();
    all.into_iter().filter(|(_, a)| a.as_deref() == Some(action)).map(|(text, _)| text).collect()
}

pub struct QueryCounter;

struct RequestId(String);

struct ActionName(String);

/// One named field of an event or span, as text.
struct FieldText {
    name: &'static str,
    text: Option<String>,
}

impl Visit for FieldText {
    fn record_str(&mut self, field: &Field, value: &str) {
        if field.name() == self.name {
            self.text = Some(value.to_owned());
        }
    }

    fn record_debug(&mut self, field: &Field, value: &dyn Debug) {
        if field.name() == self.name {
            self.text = Some(format!("{value:?}"));
        }
    }
}

fn field(name: &'static str, record: impl FnOnce(&mut FieldText)) -> Option<String> {
    let mut visitor = FieldText { name, text: None };
    record(&mut visitor);
    visitor.text
}

impl<S: Subscriber + for<'a> LookupSpan<'a>> Layer<S> for QueryCounter {
    fn on_new_span(&self, attrs: &span::Attributes<'_>, id: &span::Id, ctx: Context<'_, S>) {
        let Some(span) = ctx.span(id) else { return };
        if attrs.metadata().name() == "request"
            && let Some(request) = field("id", |v| attrs.record(v))
        {
            span.extensions_mut().insert(RequestId(request));
        }
    }

    fn on_record(&self, id: &span::Id, values: &span::Record<'_>, ctx: Context<'_, S>) {
        let Some(span) = ctx.span(id) else { return };
        if let Some(action) = field("action", |v| values.record(v)) {
            span.extensions_mut().insert(ActionName(action));
        }
    }

    fn on_event(&self, event: &Event<'_>, ctx: Context<'_, S>) {
        if event.metadata().target() != "sqlx::query" {
            return;
        }
        let summary = field("summary", |v| event.record(v)).unwrap_or_default();
        // Transaction control differs by backend (sqlx sends PostgreSQL's BEGIN as a
        // statement, SQLite's not), and a new pool connection's PRAGMAs are no work of
        // the request: neither is counted.
        let first = summary.split_whitespace().next().unwrap_or_default().to_ascii_uppercase();
        if ["BEGIN", "COMMIT", "ROLLBACK", "PRAGMA"].contains(&first.as_str()) {
            return;
        }
        let Some(scope) = ctx.event_scope(event) else { return };
        let mut action = None;
        for span in scope {
            if let Some(ActionName(name)) = span.extensions().get::<ActionName>() {
                action = Some(name.clone());
            }
            if let Some(RequestId(request)) = span.extensions().get::<RequestId>() {
                statements().lock().unwrap().entry(request.clone()).or_default().push((summary, action));
                return;
            }
        }
    }
}
