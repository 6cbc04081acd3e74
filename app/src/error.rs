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
}

impl AppError {
    pub fn status(self) -> u16 {
        match self {
            AppError::Unavailable | AppError::Network => 503,
            AppError::NotFound => 404,
            AppError::Internal => 500,
        }
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            ServerFnErrorErr::Request(_) | ServerFnErrorErr::Response(_) => AppError::Network,
            ServerFnErrorErr::MissingArg(_) | ServerFnErrorErr::Args(_) => AppError::NotFound,
            _ => AppError::Internal,
        }
    }
}

#[cfg(feature = "ssr")]
impl From<sqlx::Error> for AppError {
    fn from(err: sqlx::Error) -> Self {
        match err {
            sqlx::Error::RowNotFound => AppError::NotFound,
            sqlx::Error::PoolTimedOut
            | sqlx::Error::PoolClosed
            | sqlx::Error::Io(_)
            | sqlx::Error::Tls(_) => {
                tracing::error!(error = %err, "database unavailable");
                AppError::Unavailable
            }
            other => {
                tracing::error!(error = %other, "database error");
                AppError::Internal
            }
        }
    }
}
