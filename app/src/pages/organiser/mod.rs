//! What organisers use: people, the applications of the round and the jury's work.

pub mod accessibility;
pub mod applications;
pub mod decision;
pub mod draft;
pub mod kommuner;
pub mod log;
pub mod packet;
pub mod people;
pub mod ranking;
pub mod retention;
pub mod review_settings;
pub mod round;
pub mod rounds;
