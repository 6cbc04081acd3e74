//! `/arrangor/logg`: the audit log, newest first.

use super::{ranking::Downloads, round::LogTable};
use crate::{api::organiser::round::audit_log, components::loaded::when_loaded, i18n::texts};
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn LogPage() -> impl IntoView {
    let t = texts();
    let data = OnceResource::new(audit_log());
    view! {
        <Title text=t.o.log_title />
        <div class="wrap page">
            <h1>{t.o.log_title}</h1>
            <p>{t.o.log_intro}</p>
            <Downloads files=vec![("logg.csv", t.o.download_log_csv)] />
            {when_loaded(data, move |lines| view! { <LogTable lines empty=t.o.log_none /> })}
        </div>
    }
}
