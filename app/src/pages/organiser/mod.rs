//! What organisers use: people and the applications of the round.

pub mod applications;
pub mod people;
