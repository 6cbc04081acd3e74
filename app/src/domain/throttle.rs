//! Throttling of failed log-ins: after too many failures in a window, wait
//! until the oldest of them leaves it. The window slides, so nobody is ever
//! locked out for good, and an attacker gets a handful of guesses an hour.

use chrono::{DateTime, Duration, Utc};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rule {
    pub max_failures: usize,
    pub window: Duration,
}

/// Per account: five wrong passwords, then wait up to 15 minutes.
pub const PER_ACCOUNT: Rule = Rule { max_failures: 5, window: Duration::minutes(15) };
/// Per address: generous, since a whole town hall may share one.
pub const PER_ADDRESS: Rule = Rule { max_failures: 50, window: Duration::minutes(15) };

impl Rule {
    /// How long to wait before the next attempt, given the failures within the
    /// window, newest first; `None` when an attempt may be made now.
    pub fn wait(&self, failures_newest_first: &[DateTime<Utc>], now: DateTime<Utc>) -> Option<Duration> {
        let recent: Vec<_> = failures_newest_first.iter().filter(|at| **at > now - self.window).collect();
        if recent.len() < self.max_failures {
            return None;
        }
        // The attempt is allowed again when the max-th newest failure leaves the window.
        let oldest_counted = *recent[self.max_failures - 1];
        Some(oldest_counted + self.window - now).filter(|d| *d > Duration::zero())
    }
}

/// Minutes to tell the person, rounded up so "0 minuter" is never shown.
pub fn whole_minutes(wait: Duration) -> i64 {
    (wait.num_seconds() + 59) / 60
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(minute: i64) -> DateTime<Utc> {
        "2027-03-01T10:00:00Z".parse::<DateTime<Utc>>().unwrap() + Duration::minutes(minute)
    }

    #[test]
    fn four_failures_do_not_throttle_the_fifth_does() {
        let four = [t(4), t(3), t(2), t(1)];
        assert_eq!(PER_ACCOUNT.wait(&four, t(5)), None);
        let five = [t(5), t(4), t(3), t(2), t(1)];
        assert_eq!(PER_ACCOUNT.wait(&five, t(6)), Some(Duration::minutes(10)));
    }

    #[test]
    fn the_wait_ends_when_the_window_slides_past_the_failures() {
        let five = [t(5), t(4), t(3), t(2), t(1)];
        assert_eq!(PER_ACCOUNT.wait(&five, t(16)), None, "15 minutes after the first failure one try is allowed");
        assert_eq!(PER_ACCOUNT.wait(&five, t(60)), None, "no permanent lock-out");
    }

    #[test]
    fn waits_are_shown_in_whole_minutes_rounded_up() {
        assert_eq!(whole_minutes(Duration::seconds(61)), 2);
        assert_eq!(whole_minutes(Duration::seconds(1)), 1);
        assert_eq!(whole_minutes(Duration::minutes(15)), 15);
    }
}
