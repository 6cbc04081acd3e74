//! The jury's pages: the list of applications to review, reading and
//! scoring one, jäv and the shortlist.

#[cfg(feature = "hydrate")]
mod autosave;
pub mod conflicts;
pub mod context;
pub mod motivations;
pub mod review;
pub mod shortlist;
pub mod start;

use crate::{domain::review::ReviewPhase, i18n::texts};
use chrono::NaiveDateTime;
use leptos::prelude::*;

/// Why the jury cannot work now, if it cannot.
#[component]
pub fn PhaseNotice(phase: ReviewPhase, opens_local: NaiveDateTime) -> impl IntoView {
    let t = texts();
    match phase {
        ReviewPhase::NotYet => {
            Some(view! { <p class="notice">{(t.j.not_yet)(&(t.long_date_time)(opens_local))}</p> }.into_any())
        }
        ReviewPhase::Closed => Some(view! { <p class="notice notice-closed">{t.j.closed}</p> }.into_any()),
        ReviewPhase::Open => None,
    }
}

/// "3,7" in Swedish, "3.7" in English: a mean to one decimal.
pub fn one_decimal(value: f64) -> String {
    let text = format!("{value:.1}");
    if texts().lang == "sv" { text.replace('.', ",") } else { text }
}
