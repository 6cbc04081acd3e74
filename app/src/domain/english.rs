//! Numbers, dates and times in British English for the English interface:
//! "6,000 characters", "15 April 2027, 23:59".

use chrono::{Datelike, NaiveDateTime, Timelike};

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// "15 April 2027, 23:59"
pub fn long_date_time(at: NaiveDateTime) -> String {
    format!("{} {} {}, {:02}:{:02}", at.day(), MONTHS[at.month0() as usize], at.year(), at.hour(), at.minute())
}

/// "14:32"
pub fn clock(at: NaiveDateTime) -> String {
    format!("{:02}:{:02}", at.hour(), at.minute())
}

/// "Anna, Bo and Cecilia".
pub fn list(items: &[String]) -> String {
    super::join_list(items, "and")
}

/// "6,000"
pub fn number(n: u64) -> String {
    super::group_digits(n, ',')
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn formats_the_deadline_in_english() {
        let at = NaiveDate::from_ymd_opt(2027, 4, 15).unwrap().and_hms_opt(23, 59, 0).unwrap();
        assert_eq!(long_date_time(at), "15 April 2027, 23:59");
        let at = NaiveDate::from_ymd_opt(2027, 5, 3).unwrap().and_hms_opt(9, 5, 0).unwrap();
        assert_eq!(long_date_time(at), "3 May 2027, 09:05");
    }

    #[test]
    fn groups_thousands_with_commas() {
        assert_eq!(number(999), "999");
        assert_eq!(number(6000), "6,000");
        assert_eq!(number(1234567), "1,234,567");
    }
}
