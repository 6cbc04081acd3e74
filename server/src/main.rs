//! `portal`: the award portal's server and its administrative commands.

use app::{
    auth::password::{PasswordHasher, check_new_password},
    config::Settings,
    domain::{
        account::{AccountError, Email, PersonName, Role},
        kommun::Kommunkod,
    },
    mail::{self, OutgoingMail},
    state::Clock,
    storage::{
        self, Db,
        users::{InsertUserError, NewUser},
    },
};
use clap::{Parser, Subcommand};
use server::startup::{self, StartError};
use std::process::ExitCode;
use tracing_subscriber::EnvFilter;

mod demo;
mod rehearsal;

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
    /// Create an organiser (arrangör) account. The password is read from standard
    /// input, or asked for twice on a terminal; never give it as an argument.
    CreateOrganiser {
        #[arg(long)]
        email: String,
        #[arg(long)]
        name: String,
    },
    /// Add demo accounts (an organiser, an applicant of Kalmar, a juror of the
    /// current round) and three submitted applications that a second juror has
    /// reviewed, all with the password DEMO_PASSWORD; kept if they exist.
    /// For trying the portal out, never for a real deployment.
    SeedDemo {
        /// Also a round at full size to rehearse on: 27 more submitted
        /// applications (30 in all) and four more jurors (six in all).
        #[arg(long)]
        full_round: bool,
    },
    /// Write a backup of the whole database to a new file: on SQLite a
    /// consistent snapshot (the portal may run); on PostgreSQL with pg_dump.
    Backup {
        /// The backup file to create; an existing file is never overwritten.
        file: std::path::PathBuf,
    },
    /// Replace the database's contents with a backup made by `portal backup`,
    /// in one transaction (on PostgreSQL with pg_restore; stop the portal first).
    Restore { file: std::path::PathBuf },
    /// Send a test e-mail through the configured SMTP server (or the outbox folder).
    SendTestMail {
        /// The address to send it to.
        #[arg(long)]
        to: String,
    },
}

/// Each argon2id check borrows 19 MiB. glibc raises its mmap threshold after
/// the first such block is freed and from then on keeps the blocks in its
/// per-thread arenas: after a burst of log-ins the portal held ~250 MiB it no
/// longer used (bench/results). A fixed threshold gives every block of 1 MiB or
/// more straight back to the system when freed.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn return_large_blocks_to_the_system() {
    // SAFETY: mallopt only changes an allocator setting; called before any thread is started.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 1 << 20);
    }
}

fn main() -> ExitCode {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    return_large_blocks_to_the_system();
    match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(runtime) => runtime.block_on(run()),
        Err(err) => {
            eprintln!("portal: cannot start the async runtime: {err}");
            ExitCode::FAILURE
        }
    }
}

async fn run() -> ExitCode {
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
        Command::CreateOrganiser { email, name } => create_organiser(settings, &email, &name).await,
        Command::SeedDemo { full_round } => match demo::seed_demo(&settings).await {
            Ok(()) if full_round => rehearsal::seed_full_round(&settings).await,
            done => done,
        },
        Command::Backup { file } => server::backup::backup(&settings, &file).await,
        Command::Restore { file } => server::backup::restore(&settings, &file).await,
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
    let clock = match settings.fixed_time {
        Some(at) => {
            tracing::warn!(%at, "PORTAL_FIXED_TIME is set: the portal's clock stands still");
            Clock::Fixed(at)
        }
        None => Clock::System,
    };

    let (stop, stopped) = tokio::sync::watch::channel(false);
    let reminders = tokio::spawn(mail::reminders::run(db.clone(), settings.base_url.clone(), clock, stopped.clone()));
    let retention = tokio::spawn(app::retention::run(db.clone(), settings.base_url.clone(), clock, stopped.clone()));
    let worker = tokio::spawn(mail::worker::run(db.clone(), transport, settings.mail_from.clone(), clock, stopped));
    let state = startup::app_state(settings, db.clone(), clock);
    let served = startup::serve(state, listener, async move {
        shutdown_signal().await;
        let _ = stop.send(true);
    })
    .await;
    // Sign-ups and resets already answered finish their work (and queue their mail) first.
    app::api::limits::finish_after_replies().await;
    // The message being sent when the signal came is finished and recorded
    // before the pool closes, so it is not sent again after the restart.
    let _ = worker.await;
    let _ = reminders.await;
    let _ = retention.await;
    db.close().await;
    served?;
    tracing::info!("portal stopped");
    Ok(())
}

async fn create_organiser(settings: Settings, email: &str, name: &str) -> Result<(), StartError> {
    let invalid = |e: AccountError| StartError::Input(e.to_string());
    let email = Email::parse(email).map_err(invalid)?;
    let name = PersonName::parse(name).map_err(invalid)?;
    let password = read_new_password().map_err(StartError::Input)?;
    let local_part = email.as_str().split('@').next().unwrap_or_default();
    let personal: Vec<&str> = name.as_str().split_whitespace().chain([local_part]).collect();
    check_new_password(&password, &personal).map_err(invalid)?;

    let db = startup::open_database(&settings).await?;
    insert_confirmed(&db, &email, &name, Role::Organiser, None, &password).await.map_err(|e| match e {
        InsertUserError::EmailTaken => StartError::Input(format!("det finns redan ett konto för {email}")),
        InsertUserError::Database(e) => StartError::Database(e),
    })?;
    println!("created organiser {email}");
    Ok(())
}

/// An account whose address is known to work, ready to log in.
async fn insert_confirmed(
    db: &Db,
    email: &Email,
    name: &PersonName,
    role: Role,
    kommun: Option<&Kommunkod>,
    password: &str,
) -> Result<String, InsertUserError> {
    let hash = PasswordHasher::default().hash(password).await.map_err(|e| sqlx::Error::Protocol(e.to_string()))?;
    let now = Clock::System.now();
    let user = NewUser { email, name, phone: None, role, kommun, password_hash: &hash, email_confirmed_at: Some(now) };
    let mut tx = db.begin_write().await?;
    let id = storage::users::insert(&mut tx, &user, now).await?;
    tx.commit().await?;
    Ok(id)
}

/// The new password: asked for twice on a terminal, else the first line of standard input.
fn read_new_password() -> Result<String, String> {
    use std::io::{BufRead, IsTerminal};
    if std::io::stdin().is_terminal() {
        let first = rpassword::prompt_password("Lösenord (minst 12 tecken): ").map_err(|e| e.to_string())?;
        let second = rpassword::prompt_password("Samma lösenord igen: ").map_err(|e| e.to_string())?;
        if first != second {
            return Err("the two passwords differ".to_owned());
        }
        Ok(first)
    } else {
        let mut line = String::new();
        std::io::stdin().lock().read_line(&mut line).map_err(|e| e.to_string())?;
        Ok(line.trim_end_matches(['\n', '\r']).to_owned())
    }
}

async fn send_test_mail(settings: Settings, to: &str) -> Result<(), startup::StartError> {
    let db = startup::open_database(&settings).await?;
    let transport = startup::mail_transport(&settings)?;
    let mail = OutgoingMail::test_message(to, &settings.base_url);
    let mut conn = db.pool().acquire().await?;
    let id = storage::mail_queue::enqueue(&mut conn, &mail, Clock::System.now()).await?;
    drop(conn);
    mail::worker::deliver_due(&db, &transport, &settings.mail_from, Clock::System, || true).await?;
    let status = storage::mail_queue::status(&mut *db.conn().await?, &id).await?;
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
