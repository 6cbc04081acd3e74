//! `/integritet`: the privacy notice, written from the registry of what the
//! portal stores (`domain::privacy`) and the retention periods in force.

use crate::{
    api::organiser::retention::{PrivacyFacts, privacy_notice},
    components::loaded::when_loaded,
    domain::privacy::REGISTRY,
    i18n::{IMY_COMPLAINT_URL, texts},
};
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn PrivacyPage() -> impl IntoView {
    let r = texts().ret;
    let notice = OnceResource::new(privacy_notice());
    view! {
        <Title text=r.privacy_title />
        <div class="wrap page prose">
            <h1>{r.privacy_title}</h1>
            {when_loaded(notice, |notice| view! { <NoticeText notice /> })}
        </div>
    }
}

#[component]
fn NoticeText(notice: PrivacyFacts) -> impl IntoView {
    let r = texts().ret;
    let (controller, email) = notice.controller.unwrap_or_else(|| (r.privacy_no_controller.to_owned(), String::new()));
    let PrivacyFacts { periods, lifetimes, .. } = notice;
    view! {
        <p>{(r.privacy_intro)(&controller)}</p>
        {(!email.is_empty()).then(|| {
            let href = format!("mailto:{email}");
            view! { <p>{r.privacy_contact}" "<a href=href>{email}</a>"."</p> }
        })}
        <p>{r.privacy_never}</p>
        <h2>{r.stored_heading}</h2>
        {REGISTRY.iter().map(|entry| {
            let kind = (r.kind)(entry.kind);
            view! {
                <section class="privacy-kind">
                    <h3>{kind.name}</h3>
                    <dl>
                        <dt>{r.what_label}</dt><dd>{kind.what}</dd>
                        <dt>{r.why_label}</dt><dd>{kind.why}</dd>
                        <dt>{r.basis_label}</dt><dd>{(r.basis)(entry.basis)}</dd>
                        <dt>{r.who_label}</dt><dd>{kind.who}</dd>
                        <dt>{r.kept_label}</dt><dd>{(r.kept)(entry.kind, periods, lifetimes)}</dd>
                    </dl>
                </section>
            }
        }).collect_view()}
        <h2>{r.cookies_heading}</h2>
        <p>{r.cookies}</p>
        <h2>{r.rights_heading}</h2>
        <p>{r.rights_intro}</p>
        <ul>
            <li>{r.right_access}" "<a href="/konto/mina-uppgifter">{r.right_access_link}</a></li>
            <li>{r.right_rectify}" "<a href="/konto">{r.right_rectify_link}</a></li>
            <li>{r.right_erase}" "<a href="/konto/radera">{r.right_erase_link}</a></li>
        </ul>
        <p>{r.right_object}</p>
        <p>{r.complaint}" "<a href=IMY_COMPLAINT_URL>{r.imy_link}</a>"."</p>
    }
}
