use crate::{domain::round::ApplicationWindow, i18n::texts};
use chrono::{DateTime, NaiveDateTime, Utc};
use leptos::prelude::*;

/// Whether applications are taken now, and until when.
#[component]
pub fn DeadlineNotice(
    window: ApplicationWindow,
    opens_local: NaiveDateTime,
    deadline_local: NaiveDateTime,
    /// The machine-readable instant for `<time datetime>`.
    deadline_utc: DateTime<Utc>,
) -> impl IntoView {
    let t = texts();
    let (class, status) = match window {
        ApplicationWindow::NotYetOpen => ("notice notice-info", t.round_not_yet_open),
        ApplicationWindow::Open => ("notice notice-open", t.round_open),
        ApplicationWindow::Closed => ("notice notice-closed", t.round_closed),
    };
    let opens = (window == ApplicationWindow::NotYetOpen).then(|| {
        view! {
            <p>{t.opens_label} ": " <strong>{(t.long_date_time)(opens_local)}</strong></p>
        }
    });
    view! {
        <div class=class role="status">
            <p class="notice-status">{status}</p>
            {opens}
            <p>
                {t.deadline_label} ": "
                <strong>
                    <time datetime=deadline_utc.to_rfc3339()>{(t.long_date_time)(deadline_local)}</time>
                </strong>
            </p>
        </div>
    }
}
