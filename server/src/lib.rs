//! The portal's HTTP server: the axum router around the Leptos app, with the
//! health check, static files and the layers every response passes through.

pub mod assets;
pub mod backup;
pub mod downloads;
pub mod health;
pub mod kept_pages;
pub mod kept_text;
pub mod language;
pub mod my_data;
pub mod router;
pub mod startup;
pub mod tidy_html;
