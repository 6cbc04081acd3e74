//! Throttling of failed log-ins, and of the anonymous requests that cost work or
//! send mail: after too many in a window, wait until the oldest of them leaves
//! it. The window slides, so nobody is ever locked out for good, and an attacker
//! gets a handful of guesses an hour.

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

/// Anonymous requests that cost the portal work or send mail, per client address an hour:
/// sign-ups (each hashes a password), reset requests, the accessibility feedback form.
/// Room for a workshop where a town hall's staff sign up together behind one address;
/// none for a script.
pub const SIGN_UPS_PER_CLIENT: Rule = Rule { max_failures: 30, window: Duration::hours(1) };
pub const RESETS_PER_CLIENT: Rule = Rule { max_failures: 30, window: Duration::hours(1) };
pub const FEEDBACK_PER_CLIENT: Rule = Rule { max_failures: 10, window: Duration::hours(1) };
/// Mail that anyone can cause to one address (a reset link, "you already have an
/// account"), an hour: enough for a person who lost a message, too few to flood.
pub const MAILS_PER_RECIPIENT: Rule = Rule { max_failures: 3, window: Duration::hours(1) };

/// How long a log-in to one account from one address must wait under the
/// per-address rule. An address over its limit is refused only for accounts it
/// has itself guessed wrong at in the window: a guesser spraying many accounts
/// from a shared address (a town hall, a reverse proxy) cannot lock out the
/// people behind it who type their own password, while the accounts it sprayed
/// get no second round from it.
pub fn address_wait(
    by_address_newest_first: &[DateTime<Utc>],
    same_account_from_address: &[DateTime<Utc>],
    now: DateTime<Utc>,
) -> Option<Duration> {
    let tried_this_account = same_account_from_address.iter().any(|at| *at > now - PER_ADDRESS.window);
    if !tried_this_account {
        return None;
    }
    PER_ADDRESS.wait(by_address_newest_first, now)
}

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
    fn an_address_over_its_limit_waits_only_for_accounts_it_guessed_at() {
        let fifty: Vec<_> = (0..50).map(|i| t(10) - Duration::seconds(i)).collect();
        assert_eq!(address_wait(&fifty, &[], t(11)), None, "another account's owner logs in");
        assert!(address_wait(&fifty, &[t(5)], t(11)).is_some(), "no second round at a sprayed account");
        assert_eq!(address_wait(&fifty[..49], &[t(5)], t(11)), None, "under the limit");
        assert_eq!(address_wait(&fifty, &[t(5)], t(26)), None, "the window slides");
    }

    #[test]
    fn waits_are_shown_in_whole_minutes_rounded_up() {
        assert_eq!(whole_minutes(Duration::seconds(61)), 2);
        assert_eq!(whole_minutes(Duration::seconds(1)), 1);
        assert_eq!(whole_minutes(Duration::minutes(15)), 15);
    }
}
