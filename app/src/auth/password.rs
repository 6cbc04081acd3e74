//! Password hashing with argon2id at OWASP's parameters (19 MiB, 2 passes, 1
//! lane). Hashing is deliberately slow, so it runs on the blocking pool and
//! at most one hash per core but one runs at a time: a burst of log-ins queues
//! here instead of starving page loads.

use crate::domain::account::{AccountError, PORTAL_WORDS, check_password_length, made_of_known_words};
use argon2::{
    Algorithm, Argon2, Params, Version,
    password_hash::{PasswordHash, PasswordHasher as _, PasswordVerifier as _, SaltString, rand_core::OsRng},
};
use std::sync::Arc;
use tokio::sync::Semaphore;

#[derive(Debug, thiserror::Error)]
pub enum HashError {
    #[error("password hashing failed: {0}")]
    Argon2(argon2::password_hash::Error),
    #[error("password hashing task failed: {0}")]
    Task(#[from] tokio::task::JoinError),
    #[error("password hasher closed")]
    Closed,
}

impl From<HashError> for crate::error::AppError {
    fn from(err: HashError) -> Self {
        tracing::error!(error = %err, "password hashing failed");
        crate::error::AppError::Internal
    }
}

fn argon2() -> Argon2<'static> {
    let params = Params::new(19 * 1024, 2, 1, None).expect("OWASP's argon2 parameters are valid");
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

#[derive(Clone)]
pub struct PasswordHasher {
    permits: Arc<Semaphore>,
}

impl Default for PasswordHasher {
    fn default() -> Self {
        // One core is left to everything else: measured on 2 cores, hashing on both
        // let 100 concurrent log-ins push page p99 from 5 ms to 305 ms.
        let cores = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1);
        PasswordHasher { permits: Arc::new(Semaphore::new(cores.saturating_sub(1).max(1))) }
    }
}

impl PasswordHasher {
    /// The PHC string to store, e.g. `$argon2id$v=19$m=19456,t=2,p=1$…`.
    pub async fn hash(&self, password: &str) -> Result<String, HashError> {
        let _permit = self.permits.acquire().await.map_err(|_| HashError::Closed)?;
        let password = password.to_owned();
        tokio::task::spawn_blocking(move || {
            let salt = SaltString::generate(&mut OsRng);
            argon2().hash_password(password.as_bytes(), &salt).map(|h| h.to_string()).map_err(HashError::Argon2)
        })
        .await?
    }

    /// Whether `password` matches the stored hash; a malformed hash never matches.
    pub async fn verify(&self, password: &str, stored: &str) -> Result<bool, HashError> {
        let _permit = self.permits.acquire().await.map_err(|_| HashError::Closed)?;
        let (password, stored) = (password.to_owned(), stored.to_owned());
        Ok(tokio::task::spawn_blocking(move || {
            PasswordHash::new(&stored).is_ok_and(|hash| argon2().verify_password(password.as_bytes(), &hash).is_ok())
        })
        .await?)
    }
}

/// Swedish favourites missing from zxcvbn's English lists.
const SWEDISH_COMMON: &[&str] = &[
    "lösenord",
    "losenord",
    "sommar",
    "vinter",
    "hösten",
    "hosten",
    "våren",
    "varen",
    "sverige",
    "svenska",
    "kommun",
    "stockholm",
    "göteborg",
    "goteborg",
    "malmö",
    "malmo",
    "hejsan",
    "hemligt",
    "älskling",
    "kärlek",
    "karlek",
    "fotboll",
    "välkommen",
    "valkommen",
    "jultomten",
    "midsommar",
];

/// The kommuner's names, from the same file the database is seeded from.
fn kommun_names() -> impl Iterator<Item = &'static str> {
    crate::storage::seed::KOMMUNER_CSV.lines().skip(1).filter_map(|line| line.split(',').nth(1))
}

/// The whole policy for a new password: length, not made of the person's own
/// details, the portal's names or kommun names alone (`made_of_known_words`), and
/// not a commonly used one (zxcvbn's lists of common passwords and words, with
/// l33t and reversed variants, plus Swedish favourites and the person's own details).
pub fn check_new_password(password: &str, personal: &[&str]) -> Result<(), AccountError> {
    check_password_length(password)?;
    let mut known: Vec<&str> = personal.to_vec();
    for word in PORTAL_WORDS.iter().copied().chain(kommun_names()) {
        known.push(word);
    }
    if made_of_known_words(password, known.iter().copied()) {
        return Err(AccountError::PasswordFromNames);
    }
    // zxcvbn reads its inputs with its own l33t and reversal matching as well: the portal's
    // names among them (the kommun names are for `made_of_known_words` alone, or every
    // passphrase with a place in it would lose most of its score).
    let inputs: Vec<&str> =
        SWEDISH_COMMON.iter().chain(PORTAL_WORDS).copied().chain(personal.iter().copied()).collect();
    let estimate = zxcvbn::zxcvbn(password, &inputs);
    // Score 3 of 4 is "safely unguessable: moderate protection from offline attacks".
    if (estimate.score() as u8) < 3 { Err(AccountError::PasswordTooCommon) } else { Ok(()) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_hash_verifies_its_password_only() {
        let hasher = PasswordHasher::default();
        let hash = hasher.hash("tre gröna äpplen i Kalmar").await.unwrap();
        assert!(hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{hash}");
        assert!(hasher.verify("tre gröna äpplen i Kalmar", &hash).await.unwrap());
        assert!(!hasher.verify("tre gröna äpplen i kalmar", &hash).await.unwrap());
        assert!(!hasher.verify("anything", "not a hash").await.unwrap());
        let again = hasher.hash("tre gröna äpplen i Kalmar").await.unwrap();
        assert_ne!(hash, again, "each hash has its own salt");
    }

    #[test]
    fn common_and_personal_passwords_are_refused() {
        for common in ["password1234", "123456789012", "qwertyuiop123", "P@ssw0rd1234", "Lösenord1234", "sommarsommar"]
        {
            assert_eq!(check_new_password(common, &[]), Err(AccountError::PasswordTooCommon), "{common}");
        }
        for personal in ["annasvensson", "svensson1234", "Anna.Svensson@Borgholm"] {
            assert_eq!(
                check_new_password(personal, &["anna", "svensson"]),
                Err(AccountError::PasswordFromNames),
                "{personal} is built from the person's own name and a kommun's"
            );
        }
        assert_eq!(check_new_password("Kalmar2027Kalmar", &[]), Err(AccountError::PasswordFromNames));
        assert_eq!(check_new_password("eHälsokommun2027", &[]), Err(AccountError::PasswordFromNames));
        for passphrase in [
            "tre gröna äpplen i Kalmar",
            "fyra blå tåg mot Jönköping",
            "fem röda bussar i Växjö",
            "fyra blå cyklar vid Nacka strand",
            "sju små grodor i Kalmar",
        ] {
            assert_eq!(check_new_password(passphrase, &["anna", "svensson"]), Ok(()), "{passphrase}");
        }
        for swapped in ["Ehals0kommun2027", "Utm4rkelseportalen1", "ramlaK2027ramlaK"] {
            assert_eq!(check_new_password(swapped, &[]), Err(AccountError::PasswordFromNames), "{swapped}");
        }
        assert_eq!(check_new_password("kort", &[]), Err(AccountError::PasswordTooShort { min: 12 }));
    }
}
