use crate::router::router;
use app::{
    auth::password::PasswordHasher,
    config::Settings,
    state::{AppState, Clock},
    storage::{Db, seed},
};
use leptos::prelude::LeptosOptions;
use std::{future::Future, sync::Arc};
use tokio::net::TcpListener;

#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error("DATABASE_URL: cannot open the database: {0}")]
    Connect(sqlx::Error),
    #[error("database: {0}")]
    Database(#[from] sqlx::Error),
    #[error("migrations failed: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("seed data: {0}")]
    Seed(#[from] seed::SeedError),
    #[error("PORTAL_ADDR: cannot listen on {addr}: {source}")]
    Bind { addr: std::net::SocketAddr, source: std::io::Error },
    #[error("server stopped: {0}")]
    Serve(std::io::Error),
    #[error("{0}")]
    Transport(#[from] app::mail::TransportError),
    #[error("mail: {0}")]
    Mail(String),
    #[error("{0}")]
    Input(String),
}

/// Where mail goes: SMTP when configured, else the outbox folder.
pub fn mail_transport(settings: &Settings) -> Result<app::mail::Transport, StartError> {
    Ok(app::mail::Transport::new(settings.smtp_url.as_deref(), &settings.outbox_dir)?)
}

/// Opens the database and brings its schema and reference data up to date.
pub async fn open_database(settings: &Settings) -> Result<Db, StartError> {
    let db = Db::connect(&settings.database_url).await.map_err(StartError::Connect)?;
    db.migrate().await?;
    seed::run(&db).await?;
    Ok(db)
}

pub fn leptos_options(settings: &Settings) -> LeptosOptions {
    let site_root = settings.site_root.to_string_lossy().into_owned();
    // Leptos looks for the hash file beside the binary unless the path is absolute.
    let hash_file = std::path::absolute(settings.site_root.join("hash.txt"))
        .unwrap_or_else(|_| settings.site_root.join("hash.txt"))
        .to_string_lossy()
        .into_owned();
    LeptosOptions::builder()
        .output_name("portal")
        .site_root(site_root)
        .site_pkg_dir("pkg")
        .site_addr(settings.addr)
        .hash_files(true)
        .hash_file(Arc::<str>::from(hash_file))
        .build()
}

/// The stylesheet's address, by its hash in the hash file (`scripts/build.sh`); the
/// plain name when there is none. leptos_meta's `HashedStylesheet` read the file on every page.
fn stylesheet_href(options: &LeptosOptions) -> Arc<str> {
    let hash = std::fs::read_to_string(&*options.hash_file).ok().and_then(|hashes| {
        hashes.lines().find_map(|line| {
            line.split_once(':').filter(|(file, _)| file.trim() == "css").map(|(_, hash)| hash.trim().to_owned())
        })
    });
    let name = match hash {
        Some(hash) => format!("{}.{hash}", options.output_name),
        None => options.output_name.to_string(),
    };
    format!("/{}/{name}.css", options.site_pkg_dir).into()
}

pub fn app_state(settings: Settings, db: Db, clock: Clock) -> AppState {
    let options = leptos_options(&settings);
    AppState {
        stylesheet: stylesheet_href(&options),
        leptos_options: std::sync::Arc::new(options),
        db,
        settings: Arc::new(settings),
        clock,
        hasher: PasswordHasher::default(),
    }
}

/// Serves until `shutdown` resolves, then lets requests in flight finish.
pub async fn serve(
    state: AppState,
    listener: TcpListener,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> Result<(), StartError> {
    let app = router(state);
    axum::serve(listener, app.into_make_service_with_connect_info::<std::net::SocketAddr>())
        .with_graceful_shutdown(shutdown)
        .await
        .map_err(StartError::Serve)
}

pub async fn bind(settings: &Settings) -> Result<TcpListener, StartError> {
    TcpListener::bind(settings.addr).await.map_err(|source| StartError::Bind { addr: settings.addr, source })
}
