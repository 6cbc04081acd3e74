//! `portal`: the award portal's server and its administrative commands.

use app::{config::Settings, state::Clock};
use clap::{Parser, Subcommand};
use server::startup;
use std::process::ExitCode;
use tracing_subscriber::EnvFilter;

/// The award portal: applications, jury review and announcement.
///
/// Configured through the environment: DATABASE_URL, PORTAL_ADDR, PORTAL_BASE_URL,
/// SMTP_URL, MAIL_FROM, PORTAL_OUTBOX_DIR, LEPTOS_SITE_ROOT (see the README).
#[derive(Parser)]
#[command(name = "portal", version)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Migrate the database and serve the portal (the default).
    Serve,
    /// Create or update the database schema and reference data, then exit.
    Migrate,
}

#[tokio::main]
async fn main() -> ExitCode {
    let cli = Cli::parse();
    tracing_subscriber::fmt()
        .with_env_filter(EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn")))
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stdout()))
        .init();

    let settings = match Settings::from_env() {
        Ok(settings) => settings,
        Err(err) => {
            eprintln!("portal: {err}");
            return ExitCode::from(2);
        }
    };
    let result = match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => serve(settings).await,
        Command::Migrate => startup::open_database(&settings).await.map(|_| ()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("portal: {err}");
            ExitCode::FAILURE
        }
    }
}

async fn serve(settings: Settings) -> Result<(), startup::StartError> {
    let listener = startup::bind(&settings).await?;
    let db = startup::open_database(&settings).await?;
    tracing::info!(addr = %settings.addr, base_url = %settings.base_url, "portal listening");
    let state = startup::app_state(settings, db, Clock::System);
    startup::serve(state, listener, shutdown_signal()).await?;
    tracing::info!("portal stopped");
    Ok(())
}

/// Resolves on SIGTERM (service managers) or Ctrl-C (a terminal).
async fn shutdown_signal() {
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut sig) => {
                sig.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = terminate => {},
    }
    tracing::info!("shutdown signal received; finishing requests in flight");
}
