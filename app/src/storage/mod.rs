//! All SQL lives here, one module per aggregate. Queries are checked at run
//! time and written once for both SQLite and PostgreSQL through sqlx's `Any`
//! driver: `$n` placeholders, TEXT/BIGINT columns, instants as UTC text.

pub mod accessibility;
pub mod applications;
pub mod audit;
pub mod awards;
pub mod backup;
pub mod decisions;
pub mod deliberation;
pub mod extensions;
pub mod form_echoes;
pub mod invitations;
pub mod jury;
pub mod kommuner;
pub mod login_failures;
pub mod mail_queue;
pub mod motivations;
pub mod population;
pub mod retention;
pub mod reviews;
pub mod rounds;
pub mod seed;
pub mod sessions;
pub mod snapshots;
pub mod submissions;
pub mod tokens;
pub mod users;
pub mod winners;

use chrono::{DateTime, SecondsFormat, Utc};
use sqlx::{
    Any, AnyPool, Connection, Executor,
    any::{AnyPoolOptions, install_default_drivers},
    migrate::{MigrateDatabase, Migrator},
};
use std::{str::FromStr, sync::Arc, time::Duration};

static MIGRATOR: Migrator = sqlx::migrate!("../migrations");

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

#[derive(Clone)]
pub struct Db {
    pool: AnyPool,
    backend: Backend,
    current_rounds: Arc<rounds::CurrentRounds>,
}

impl Db {
    /// Opens a pool; a SQLite file (and its folder) is created if missing.
    pub async fn connect(url: &str) -> Result<Db, sqlx::Error> {
        install_default_drivers();
        let backend = if url.starts_with("sqlite:") { Backend::Sqlite } else { Backend::Postgres };
        if backend == Backend::Sqlite {
            create_sqlite_file(url).await?;
        }
        let pool = AnyPoolOptions::new()
            .max_connections(if backend == Backend::Sqlite { 8 } else { 16 })
            .acquire_timeout(Duration::from_secs(5))
            // A ping before each use finds a server that has gone away; a SQLite file
            // cannot, and its ping was a round trip to the connection's thread on
            // every query (a third of the health check's time).
            .test_before_acquire(backend == Backend::Postgres)
            // SQLite rolls a transaction back by itself when the disk is full; sqlx's
            // ROLLBACK then fails and leaves the connection counting a transaction
            // that no longer exists, and every later BEGIN on it fails. Such a
            // connection is closed instead of handed out (seen in tests/integration/disk.rs).
            .before_acquire(|conn, _meta| Box::pin(async move { Ok(!conn.is_in_transaction()) }))
            .after_connect(move |conn, _meta| {
                Box::pin(async move {
                    if backend == Backend::Sqlite {
                        // WAL lets readers run beside the one writer; the busy timeout
                        // makes a second writer wait instead of failing at once.
                        conn.execute(
                            "PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;",
                        )
                        .await?;
                    }
                    Ok(())
                })
            })
            .connect(url)
            .await?;
        Ok(Db { pool, backend, current_rounds: Arc::default() })
    }

    pub async fn migrate(&self) -> Result<(), sqlx::migrate::MigrateError> {
        MIGRATOR.run(&self.pool).await
    }

    /// A cheap round trip, for the health check.
    pub async fn ping(&self) -> Result<(), sqlx::Error> {
        sqlx::query("SELECT 1").execute(&self.pool).await.map(|_| ())
    }

    /// A connection from the pool, for a storage function to read on.
    pub async fn conn(&self) -> Result<sqlx::pool::PoolConnection<Any>, sqlx::Error> {
        self.pool.acquire().await
    }

    /// The newest round of an award that has opened (`rounds::current`), read
    /// again only when a round has changed since this instance last read it.
    pub async fn current_round(&self, award_id: &str) -> Result<Option<crate::domain::round::Round>, sqlx::Error> {
        Ok(self.current_round_and_version(award_id).await?.1)
    }

    /// `current_round`, with the rounds' change counter it was read under (`rounds::version`).
    pub async fn current_round_and_version(
        &self,
        award_id: &str,
    ) -> Result<(i64, Option<crate::domain::round::Round>), sqlx::Error> {
        rounds::current_kept(&mut *self.conn().await?, &self.current_rounds, award_id).await
    }

    /// Every award in the start page's order, read again only when a round or an
    /// award has changed (`current_round`).
    pub async fn awards(&self) -> Result<Vec<crate::domain::award::Award>, sqlx::Error> {
        Ok(rounds::awards_kept(&mut *self.conn().await?, &self.current_rounds).await?.1)
    }

    /// The award at address `slug`, if there is one.
    pub async fn award(&self, slug: &str) -> Result<Option<crate::domain::award::Award>, sqlx::Error> {
        Ok(self.awards().await?.into_iter().find(|a| a.id == slug))
    }

    /// Every award with its current round, with the counter they were read under.
    pub async fn awards_and_rounds(&self) -> Result<(i64, rounds::Overview), sqlx::Error> {
        rounds::overview_kept(&mut *self.conn().await?, &self.current_rounds).await
    }

    /// The rounds' change counter now (`rounds::version`).
    pub async fn rounds_version(&self) -> Result<i64, sqlx::Error> {
        rounds::version(&mut *self.conn().await?).await
    }

    pub fn pool(&self) -> &AnyPool {
        &self.pool
    }

    /// A transaction that changes data. On SQLite it takes the write lock at
    /// once (`BEGIN IMMEDIATE`), so a second writer waits for the busy timeout
    /// instead of failing when its snapshot turns stale mid-transaction.
    pub async fn begin_write(&self) -> Result<sqlx::Transaction<'static, Any>, sqlx::Error> {
        match self.backend {
            Backend::Sqlite => self.pool.begin_with("BEGIN IMMEDIATE").await,
            Backend::Postgres => self.pool.begin().await,
        }
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    pub async fn close(&self) {
        self.pool.close().await;
    }
}

async fn create_sqlite_file(url: &str) -> Result<(), sqlx::Error> {
    // sqlx's own reading of the URL (percent-decoding included), so the file
    // checked here is the file it opens.
    let options = sqlx::sqlite::SqliteConnectOptions::from_str(url)?;
    if url.contains(":memory:") || url.contains("mode=memory") {
        return Ok(());
    }
    let file = options.get_filename();
    if let Some(dir) = file.parent().filter(|d| !d.as_os_str().is_empty()) {
        tokio::fs::create_dir_all(dir).await?;
    }
    if !Any::database_exists(url).await? {
        Any::create_database(url).await?;
    }
    // A file SQLite cannot write opens without complaint and fails every
    // connection later as a pool timeout: say why, before the pool tries. Asked
    // without opening the file: closing a descriptor of it would drop every POSIX
    // lock this process's SQLite connections hold on it (a second pool on the same
    // file, as the tests open), and another process's SQLite could then take the
    // database for unused and remove its write-ahead log from under them.
    if let Err(err) = rustix::fs::access(file, rustix::fs::Access::WRITE_OK) {
        return Err(sqlx::Error::Configuration(format!("{} cannot be written: {err}", file.display()).into()));
    }
    Ok(())
}

/// How an instant is stored: fixed width, so text order is time order.
pub fn to_db_time(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Secs, true)
}

pub fn from_db_time(text: &str) -> Result<DateTime<Utc>, sqlx::Error> {
    DateTime::parse_from_rfc3339(text)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|e| sqlx::Error::Decode(format!("stored instant {text:?}: {e}").into()))
}

/// Positions and limits are stored as BIGINT but are small in the domain.
pub fn to_u32(value: i64, what: &str) -> Result<u32, sqlx::Error> {
    u32::try_from(value).map_err(|_| sqlx::Error::Decode(format!("{what} out of range: {value}").into()))
}
