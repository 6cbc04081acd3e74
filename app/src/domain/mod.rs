//! The award's rules in plain Rust: no HTTP, no HTML, no SQL. Everything here is
//! compiled for both the server and the browser and tested without either.

pub mod deadline;
pub mod english;
pub mod kommun;
pub mod round;
pub mod swedish;
pub mod winner;
