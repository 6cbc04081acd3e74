//! What organisers use: people, the applications of the round and the jury's work.

pub mod applications;
pub mod people;
pub mod ranking;
pub mod review_settings;
