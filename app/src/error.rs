//! The one error type that crosses from server functions to the page. Details
//! stay in the server log; the page gets a kind, which `i18n` turns into Swedish.

use leptos::server_fn::{
    codec::JsonEncoding,
    error::{FromServerFnError, ServerFnErrorErr},
};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    #[error("the database cannot be reached")]
    Unavailable,
    #[error("not found")]
    NotFound,
    #[error("the request could not reach the server")]
    Network,
    #[error("internal error")]
    Internal,
    #[error("not logged in")]
    NotSignedIn,
    #[error("not allowed")]
    Forbidden,
    /// A request no page of the portal sends: a body that cannot be read as a form.
    #[error("the request could not be read")]
    BadRequest,
}

impl AppError {
    pub fn status(self) -> u16 {
        match self {
            AppError::Unavailable | AppError::Network => 503,
            AppError::NotFound => 404,
            AppError::Internal => 500,
            AppError::NotSignedIn => 401,
            AppError::Forbidden => 403,
            AppError::BadRequest => 400,
        }
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            ServerFnErrorErr::Request(_) | ServerFnErrorErr::Response(_) => AppError::Network,
            // A field missing, bytes that are not UTF-8, keys nested too deep:
            // nothing a form of the portal sends.
            ServerFnErrorErr::MissingArg(_) | ServerFnErrorErr::Args(_) | ServerFnErrorErr::Deserialization(_) => {
                AppError::BadRequest
            }
            _ => AppError::Internal,
        }
    }
}

#[cfg(feature = "ssr")]
impl From<sqlx::Error> for AppError {
    fn from(err: sqlx::Error) -> Self {
        if matches!(err, sqlx::Error::RowNotFound) {
            AppError::NotFound
        } else if is_unavailable(&err) {
            tracing::error!(error = %err, "database unavailable");
            AppError::Unavailable
        } else {
            tracing::error!(error = %err, "database error");
            AppError::Internal
        }
    }
}

/// Whether the database could not be used at all (down, unreachable, full,
/// locked), as opposed to refusing one particular query.
#[cfg(feature = "ssr")]
fn is_unavailable(err: &sqlx::Error) -> bool {
    match err {
        sqlx::Error::Io(_)
        | sqlx::Error::Tls(_)
        | sqlx::Error::PoolTimedOut
        | sqlx::Error::PoolClosed
        | sqlx::Error::WorkerCrashed => true,
        sqlx::Error::Database(db) => {
            if let Some(pg) = db.try_downcast_ref::<sqlx::postgres::PgDatabaseError>() {
                // SQLSTATE: connection exceptions, insufficient resources,
                // operator intervention (shutdown), database does not exist.
                let code = pg.code();
                ["08", "53", "57P"].iter().any(|p| code.starts_with(p)) || code == "3D000"
            } else {
                // SQLite result codes (extended codes keep the primary code in the low byte):
                // BUSY, LOCKED, READONLY, IOERR, CORRUPT, FULL, CANTOPEN.
                db.code()
                    .and_then(|code| code.parse::<i32>().ok())
                    .is_some_and(|code| matches!(code & 0xff, 5 | 6 | 8 | 10 | 11 | 13 | 14))
            }
        }
        _ => false,
    }
}
