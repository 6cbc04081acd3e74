//! One module per area the user sees.

pub mod account;
pub mod application;
pub mod forbidden;
pub mod jury;
pub mod not_found;
pub mod organiser;
pub mod public;
