//! The ceiling for load measurements: axum on the same runtime, answering a
//! fixed string with no database, no rendering and no middleware.
//! `cargo run --release -p server --example bare_axum -- 127.0.0.1:3999`

use axum::{Router, routing::get};

#[tokio::main]
async fn main() -> std::io::Result<()> {
    let addr = std::env::args().nth(1).unwrap_or_else(|| "127.0.0.1:3999".to_owned());
    let app = Router::new().route("/", get(|| async { "Sveriges eHälsokommun 2027" }));
    let listener = tokio::net::TcpListener::bind(&addr).await?;
    axum::serve(listener, app).await
}
