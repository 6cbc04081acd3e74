//! Server functions of the organisers' pages (`pages/organiser/`): the rounds and
//! their life, people, the applications of a round, the review's settings, the
//! ranking and the decision, the kommuner and gallring. The accessibility
//! statement the organisers keep is the public's (`api::public::accessibility`).

pub mod applications;
pub mod decision;
pub mod kommuner;
pub mod people;
pub mod ranking;
pub mod retention;
pub mod review_settings;
pub mod round;
pub mod rounds;
