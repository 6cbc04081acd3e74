//! One module per area the user sees.

pub mod not_found;
pub mod public;
