//! The award's rules in plain Rust: no HTTP, no HTML, no SQL. Everything here is
//! compiled for both the server and the browser and tested without either.

pub mod access;
pub mod accessibility;
pub mod account;
pub mod application;
pub mod award;
pub mod changes;
pub mod deadline;
pub mod decision;
pub mod employer;
pub mod english;
pub mod kommun;
pub mod lifecycle;
pub mod motivation;
pub mod policy;
pub mod population;
pub mod privacy;
pub mod ranking;
pub mod retention;
pub mod review;
pub mod round;
pub mod schulze;
pub mod swedish;
pub mod throttle;
pub mod winner;

/// "A, B and C": the items with commas and `and` before the last.
pub(crate) fn join_list(items: &[String], and: &str) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} {and} {last}", rest.join(", ")),
    }
}

/// "6000" with `separator` between groups of three digits: "6 000", "6,000".
pub(crate) fn group_digits(n: u64, separator: char) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 * separator.len_utf8());
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(c);
    }
    out
}
