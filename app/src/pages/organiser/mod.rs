//! What organisers use: people now; rounds follow.

pub mod people;
