//! The browser code a page's islands need. Only the pages with an island render
//! `IslandScripts` (after it, at the end of their content), so a page without one
//! loads no WebAssembly and no JavaScript at all.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[component]
pub fn IslandScripts() -> impl IntoView {
    #[cfg(feature = "ssr")]
    let scripts = use_context::<LeptosOptions>().map(|options| view! { <HydrationScripts options islands=true /> });
    #[cfg(not(feature = "ssr"))]
    let scripts: Option<()> = None;
    scripts
}

/// What an autosaving form's status line says at the browser's own steps, in
/// the page's language: given to its island by the server, so that the browser
/// holds no texts of its own. What a save's answer means, the answer says itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusTexts {
    pub unsaved: String,
    pub saving: String,
    pub failed: String,
    pub signed_out: String,
    /// Someone else is logged in now.
    pub forbidden: String,
}

/// What the autosaving forms keep of unsent work in the tab's session storage
/// begins so (`components::unsent`).
pub const UNSENT_PREFIX: &str = "portal-osparat-";

/// Forgets all unsent work kept in the tab: on the log-in page, since whoever logs
/// in next in the tab may be someone else. A few bytes of script of its own, so
/// that the page still loads no WebAssembly.
#[component]
pub fn ForgetUnsent() -> impl IntoView {
    let script = format!(
        "try{{for(const k of Object.keys(sessionStorage))if(k.startsWith({UNSENT_PREFIX:?}))sessionStorage.removeItem(k)}}catch(e){{}}"
    );
    // In the head, with the request's nonce (`leptos_meta`).
    view! { <leptos_meta::Script>{script}</leptos_meta::Script> }
}
