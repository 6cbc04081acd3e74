//! Server functions, grouped like `pages/`. Each is thin: authorize, call
//! storage and domain, map errors to `AppError`.

pub mod accessibility;
pub mod account;
pub mod application;
pub mod applications;
pub mod context;
#[cfg(feature = "ssr")]
pub mod cx;
pub mod decision;
pub mod form;
pub mod jury;
pub mod kommuner;
#[cfg(feature = "ssr")]
pub mod limits;
pub mod motivation;
pub mod people;
pub mod public;
pub mod ranking;
pub mod retention;
pub mod review_settings;
pub mod round;
pub mod rounds;
