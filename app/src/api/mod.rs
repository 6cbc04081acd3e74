//! Server functions, grouped like `pages/`: `public/`, `account/`,
//! `application/`, `jury/` and `organiser/` serve the pages of the same name.
//! Each is thin: authorize, call storage and domain, map errors to `AppError`.
//! At the top, only what they share: `form` (replies to forms), `cx` (who asks,
//! the clock, the action's span) and `limits` (counting anonymous requests).

pub mod account;
pub mod application;
#[cfg(feature = "ssr")]
pub mod cx;
pub mod form;
pub mod jury;
#[cfg(feature = "ssr")]
pub mod limits;
pub mod organiser;
pub mod public;
