//! A deadline is written by people in Swedish local time ("15 april kl. 23.59")
//! and judged by the server in UTC. This module is the only place that converts.

use chrono::{DateTime, Duration, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};
use chrono_tz::Europe::Stockholm;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DeadlineError {
    /// 02.00–02.59 on the last Sunday of March does not exist in Sweden.
    #[error("tiden {0} finns inte i svensk tid (sommartiden börjar)")]
    NonExistentLocalTime(NaiveDateTime),
}

/// The last minute in which something may still be done, e.g. 23.59 on 15 April.
///
/// The whole named minute counts: an application sent at 23.59.40 is on time,
/// one at 00.00.00 is not. Organisers say "kl. 23.59" and applicants read it so.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deadline {
    last_minute_utc: DateTime<Utc>,
}

impl Deadline {
    /// Builds a deadline from a Swedish wall-clock time.
    ///
    /// In the October hour that happens twice, the later one is chosen so that
    /// nobody loses an hour they were promised.
    pub fn in_stockholm(date: NaiveDate, time: NaiveTime) -> Result<Self, DeadlineError> {
        let local = date.and_time(time);
        let instant = match Stockholm.from_local_datetime(&local) {
            LocalResult::Single(t) => t,
            LocalResult::Ambiguous(_, later) => later,
            LocalResult::None => return Err(DeadlineError::NonExistentLocalTime(local)),
        };
        Ok(Self::from_utc(instant.with_timezone(&Utc)))
    }

    /// Rebuilds a deadline from the instant stored in the database.
    pub fn from_utc(last_minute_utc: DateTime<Utc>) -> Self {
        Self { last_minute_utc }
    }

    /// The start of the last minute, as stored.
    pub fn last_minute_utc(&self) -> DateTime<Utc> {
        self.last_minute_utc
    }

    /// The first instant at which the deadline has passed.
    pub fn closes_at_utc(&self) -> DateTime<Utc> {
        self.last_minute_utc + Duration::minutes(1)
    }

    pub fn has_passed(&self, now: DateTime<Utc>) -> bool {
        now >= self.closes_at_utc()
    }

    /// The deadline as Swedish wall-clock time, for display.
    pub fn local(&self) -> NaiveDateTime {
        to_stockholm(self.last_minute_utc)
    }
}

/// Any stored instant as Swedish wall-clock time, for display.
pub fn to_stockholm(instant: DateTime<Utc>) -> NaiveDateTime {
    instant.with_timezone(&Stockholm).naive_local()
}

/// What the domain's tests share: instants written as text, and the call's own deadline.
#[cfg(test)]
pub(crate) mod testing {
    use super::*;

    pub fn utc(s: &str) -> DateTime<Utc> {
        s.parse().unwrap()
    }

    /// "15 april kl. 23.59" in 2027.
    pub fn april_deadline() -> Deadline {
        Deadline::in_stockholm(
            NaiveDate::from_ymd_opt(2027, 4, 15).unwrap(),
            NaiveTime::from_hms_opt(23, 59, 0).unwrap(),
        )
        .unwrap()
    }
}

#[cfg(test)]
mod tests {
    use super::{testing::utc, *};

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }
    fn time(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap()
    }

    #[test]
    fn april_deadline_is_two_hours_ahead_of_utc_in_summer_time() {
        let d = Deadline::in_stockholm(date(2027, 4, 15), time(23, 59)).unwrap();
        assert_eq!(d.last_minute_utc(), utc("2027-04-15T21:59:00Z"));
    }

    #[test]
    fn january_deadline_is_one_hour_ahead_of_utc_in_winter_time() {
        let d = Deadline::in_stockholm(date(2027, 1, 15), time(23, 59)).unwrap();
        assert_eq!(d.last_minute_utc(), utc("2027-01-15T22:59:00Z"));
    }

    #[test]
    fn the_whole_last_minute_is_still_on_time() {
        let d = Deadline::in_stockholm(date(2027, 4, 15), time(23, 59)).unwrap();
        assert!(!d.has_passed(utc("2027-04-15T21:58:59Z")));
        assert!(!d.has_passed(utc("2027-04-15T21:59:00Z")));
        assert!(!d.has_passed(utc("2027-04-15T21:59:59.999Z")));
        assert!(d.has_passed(utc("2027-04-15T22:00:00Z")));
        assert!(d.has_passed(utc("2027-04-16T08:00:00Z")));
    }

    #[test]
    fn a_time_skipped_by_the_spring_switch_is_refused() {
        // 28 March 2027: clocks go from 02.00 straight to 03.00.
        let err = Deadline::in_stockholm(date(2027, 3, 28), time(2, 30)).unwrap_err();
        assert_eq!(err, DeadlineError::NonExistentLocalTime(date(2027, 3, 28).and_time(time(2, 30))));
        // The minute before and the hour after are real.
        assert_eq!(
            Deadline::in_stockholm(date(2027, 3, 28), time(1, 59)).unwrap().last_minute_utc(),
            utc("2027-03-28T00:59:00Z")
        );
        assert_eq!(
            Deadline::in_stockholm(date(2027, 3, 28), time(3, 0)).unwrap().last_minute_utc(),
            utc("2027-03-28T01:00:00Z")
        );
    }

    #[test]
    fn the_hour_repeated_in_autumn_takes_the_later_instant() {
        // 31 October 2027: 02.30 happens at 00.30 UTC (summer) and 01.30 UTC (winter).
        let d = Deadline::in_stockholm(date(2027, 10, 31), time(2, 30)).unwrap();
        assert_eq!(d.last_minute_utc(), utc("2027-10-31T01:30:00Z"));
        assert!(!d.has_passed(utc("2027-10-31T00:45:00Z")));
    }

    #[test]
    fn stored_instants_show_as_swedish_wall_clock_time() {
        let d = Deadline::from_utc(utc("2027-04-15T21:59:00Z"));
        assert_eq!(d.local(), date(2027, 4, 15).and_time(time(23, 59)));
        assert_eq!(to_stockholm(utc("2027-12-24T14:00:00Z")), date(2027, 12, 24).and_time(time(15, 0)));
    }
}
