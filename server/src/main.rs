//! `portal`: the award portal's server and its administrative commands.

use app::{
    config::Settings,
    mail::{self, OutgoingMail},
    state::Clock,
    storage,
};
use clap::{Parser, Subcommand};
use server::startup::{self, StartError};
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
    /// Send a test e-mail through the configured SMTP server (or the outbox folder).
    SendTestMail {
        /// The address to send it to.
        #[arg(long)]
        to: String,
    },
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
        Command::SendTestMail { to } => send_test_mail(settings, &to).await,
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
    let transport = startup::mail_transport(&settings)?;
    tracing::info!(addr = %settings.addr, base_url = %settings.base_url, "portal listening");

    let (stop, stopped) = tokio::sync::watch::channel(false);
    let worker = tokio::spawn(mail::worker::run(db.clone(), transport, settings.mail_from.clone(), Clock::System, {
        let mut stopped = stopped.clone();
        async move {
            let _ = stopped.changed().await;
        }
    }));
    let state = startup::app_state(settings, db, Clock::System);
    startup::serve(state, listener, async move {
        shutdown_signal().await;
        let _ = stop.send(true);
    })
    .await?;
    // A message being sent when the signal came is finished, not cut off.
    let _ = worker.await;
    tracing::info!("portal stopped");
    Ok(())
}

async fn send_test_mail(settings: Settings, to: &str) -> Result<(), startup::StartError> {
    let db = startup::open_database(&settings).await?;
    let transport = startup::mail_transport(&settings)?;
    let mail = OutgoingMail::test_message(to, &settings.base_url);
    let mut conn = db.pool().acquire().await.map_err(StartError::Connect)?;
    let id = storage::mail_queue::enqueue(&mut conn, &mail, Clock::System.now()).await.map_err(StartError::Connect)?;
    drop(conn);
    mail::worker::deliver_due(&db, &transport, &settings.mail_from, Clock::System)
        .await
        .map_err(StartError::Connect)?;
    let status = storage::mail_queue::status(&db, &id).await.map_err(StartError::Connect)?;
    match status.and_then(|s| if s.sent_at.is_some() { None } else { Some(s.last_error.unwrap_or_default()) }) {
        None => {
            println!("sent to {to}");
            Ok(())
        }
        Some(error) => {
            Err(StartError::Mail(format!("not delivered (queued for retry by the running portal): {error}")))
        }
    }
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
