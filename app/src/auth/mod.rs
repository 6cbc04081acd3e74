//! Who is asking: passwords now; sessions and the authorization rules join
//! this module with log-in.

pub mod password;
