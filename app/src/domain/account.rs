//! What a person's account is made of, each part valid once built. The
//! messages are the ones shown beside the form field, in Swedish.

use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AccountError {
    #[error("Ange en e-postadress, till exempel namn@kommun.se.")]
    InvalidEmail,
    #[error("Ange ditt namn.")]
    EmptyName,
    #[error("Namnet får vara högst {max} tecken.")]
    NameTooLong { max: usize },
    #[error("Lösenordet måste ha minst {min} tecken.")]
    PasswordTooShort { min: usize },
    #[error("Lösenordet får vara högst {max} tecken.")]
    PasswordTooLong { max: usize },
    #[error("Ange telefonnumret med siffror, till exempel 0480-45 00 00 eller +46 480 45 00 00.")]
    InvalidPhone,
    #[error("Lösenordet är för vanligt och lätt att gissa. Välj ett annat, gärna en mening.")]
    PasswordTooCommon,
    #[error(
        "Lösenordet är byggt av ditt namn, din adress, portalens eller en kommuns namn. Lägg till ord som bara du vet."
    )]
    PasswordFromNames,
}

/// A work e-mail address, trimmed and lower-cased so that one person has one account.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Email(String);

impl Email {
    pub const MAX_LEN: usize = 254;

    pub fn parse(text: &str) -> Result<Email, AccountError> {
        let email = text.trim().to_lowercase();
        let Some((local, domain)) = email.split_once('@') else {
            return Err(AccountError::InvalidEmail);
        };
        let valid = !local.is_empty()
            && email.len() <= Self::MAX_LEN
            && domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !domain.contains('@')
            && !email.chars().any(|c| c.is_whitespace() || c.is_control() || matches!(c, '<' | '>' | ',' | ';'));
        if valid { Ok(Email(email)) } else { Err(AccountError::InvalidEmail) }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A person's name as they write it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonName(String);

impl PersonName {
    pub const MAX_CHARS: usize = 200;

    /// One line, without control characters or a stray byte-order mark, spaces
    /// collapsed (a property test found "\u{feff} \0" taken as a name).
    pub fn parse(text: &str) -> Result<PersonName, AccountError> {
        let name = super::application::clean_line(text);
        if name.is_empty() {
            Err(AccountError::EmptyName)
        } else if name.chars().count() > Self::MAX_CHARS {
            Err(AccountError::NameTooLong { max: Self::MAX_CHARS })
        } else {
            Ok(PersonName(name))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Role {
    /// Sökande: writes their kommun's application.
    Applicant,
    /// Jurymedlem: reviews the rounds they are assigned to.
    Juror,
    /// Arrangör: runs rounds and manages people.
    Organiser,
}

impl Role {
    /// The code stored in the database.
    pub fn code(self) -> &'static str {
        match self {
            Role::Applicant => "sokande",
            Role::Juror => "jurymedlem",
            Role::Organiser => "arrangor",
        }
    }

    pub fn from_code(code: &str) -> Option<Role> {
        [Role::Applicant, Role::Juror, Role::Organiser].into_iter().find(|r| r.code() == code)
    }
}

/// An optional phone number as people write them: digits with spaces,
/// hyphens, parentheses and a leading +.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Phone(String);

impl Phone {
    /// `None` for an empty field.
    pub fn parse_optional(text: &str) -> Result<Option<Phone>, AccountError> {
        let phone = text.trim();
        if phone.is_empty() {
            return Ok(None);
        }
        let digits = phone.chars().filter(char::is_ascii_digit).count();
        let allowed = phone
            .char_indices()
            .all(|(i, c)| c.is_ascii_digit() || matches!(c, ' ' | '-' | '(' | ')') || (c == '+' && i == 0));
        if allowed && (6..=15).contains(&digits) && phone.len() <= 30 {
            Ok(Some(Phone(phone.to_owned())))
        } else {
            Err(AccountError::InvalidPhone)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The length rules for a new password (OWASP: at least 12 characters, long
/// passphrases welcome). Whether it is a common password is checked on the
/// server, which holds the list.
pub fn check_password_length(password: &str) -> Result<(), AccountError> {
    const MIN: usize = 12;
    // Long enough for any passphrase, short enough that hashing stays cheap.
    const MAX: usize = 256;
    let chars = password.chars().count();
    if chars < MIN {
        Err(AccountError::PasswordTooShort { min: MIN })
    } else if chars > MAX {
        Err(AccountError::PasswordTooLong { max: MAX })
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod made_of_known_words_tests {
    use super::*;

    #[test]
    fn names_addresses_the_portals_and_kommuners_with_digits_are_known_words() {
        let person = ["Annika Lindqvist", "annika.lindqvist@borgholm.se"];
        let kommuner = ["Kalmar", "Upplands Väsby", "Borgholm"];
        let known = || person.iter().chain(&kommuner).chain(PORTAL_WORDS).copied();
        for password in [
            "AnnikaLindqvist1",
            "annika.lindqvist@borgholm",
            "Utmarkelseportalen1",
            "eHälsokommun2027",
            "Kalmar2027Kalmar",
            "UpplandsVasby!!2027",
            "lindqvist-annika-99",
            "Ehals0kommun2027",
            "Utm4rkelseportalen1",
            "ramlaK2027ramlaK",
        ] {
            assert!(made_of_known_words(password, known()), "{password}");
        }
        for password in ["tre gröna äpplen i Kalmar", "Annika cyklar till jobbet", "123456789012", "kalmarx"] {
            assert!(!made_of_known_words(password, known()), "{password}");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_email_is_trimmed_and_lower_cased() {
        assert_eq!(Email::parse("  Anna.Svensson@Kalmar.SE ").unwrap().as_str(), "anna.svensson@kalmar.se");
    }

    #[test]
    fn malformed_emails_are_refused_with_a_swedish_message() {
        for bad in [
            "",
            "anna",
            "anna@",
            "@kalmar.se",
            "anna@kalmar",
            "anna@@kalmar.se",
            "an na@kalmar.se",
            "anna@.se",
            "anna@kalmar.",
            "<anna@kalmar.se>",
            "a@b.se,c@d.se",
        ] {
            assert_eq!(Email::parse(bad), Err(AccountError::InvalidEmail), "{bad:?}");
        }
        assert_eq!(AccountError::InvalidEmail.to_string(), "Ange en e-postadress, till exempel namn@kommun.se.");
        let long = format!("{}@kalmar.se", "a".repeat(250));
        assert_eq!(Email::parse(&long), Err(AccountError::InvalidEmail));
    }

    #[test]
    fn names_are_trimmed_required_and_at_most_200_characters() {
        assert_eq!(PersonName::parse("  Åsa Öberg ").unwrap().as_str(), "Åsa Öberg");
        assert_eq!(PersonName::parse("   "), Err(AccountError::EmptyName));
        assert!(PersonName::parse(&"å".repeat(200)).is_ok(), "200 characters, not bytes");
        assert_eq!(PersonName::parse(&"å".repeat(201)), Err(AccountError::NameTooLong { max: 200 }));
        assert_eq!(PersonName::parse("Anna\u{0}\u{7}").unwrap().as_str(), "Anna");
    }

    #[test]
    fn passwords_need_12_characters_counted_as_characters() {
        assert_eq!(check_password_length("kort"), Err(AccountError::PasswordTooShort { min: 12 }));
        assert_eq!(check_password_length("ålänningåäöx"), Ok(()), "12 characters, more bytes");
        assert_eq!(check_password_length("ålänningåäö"), Err(AccountError::PasswordTooShort { min: 12 }));
        assert_eq!(check_password_length(&"x".repeat(257)), Err(AccountError::PasswordTooLong { max: 256 }));
    }

    #[test]
    fn roles_round_trip_through_their_codes() {
        for role in [Role::Applicant, Role::Juror, Role::Organiser] {
            assert_eq!(Role::from_code(role.code()), Some(role));
        }
        assert_eq!(Role::from_code("admin"), None);
    }

    #[test]
    fn phone_numbers_are_optional_and_written_with_digits() {
        assert_eq!(Phone::parse_optional("  "), Ok(None));
        for good in ["0480-45 00 00", "+46 480 45 00 00", "(0480) 450000", "070-123 45 67"] {
            assert_eq!(Phone::parse_optional(good).unwrap().unwrap().as_str(), good);
        }
        for bad in ["ring mig", "12345", "0480+450000", "0480-45 00 00 00 00 00 00 00 00"] {
            assert_eq!(Phone::parse_optional(bad), Err(AccountError::InvalidPhone), "{bad:?}");
        }
    }
}

/// The portal's and its awards' names: a password made of them alone (with digits and
/// punctuation) is among the first an attacker of this portal tries.
pub const PORTAL_WORDS: &[&str] = &[
    "utmärkelseportalen",
    "utmärkelse",
    "utmärkelser",
    "portalen",
    "portal",
    "ehälsokommun",
    "hälsokommun",
    "vitalis",
    "skr",
    "kvalitetskommun",
    "kvalitetsmässan",
    "digitaliseringskommun",
    "götapriset",
    "sveapriset",
    "modernaste",
    "myndighet",
    "sveriges",
    "sverige",
    "kommun",
    "kommunen",
    "region",
    "jury",
    "juryn",
    "ansökan",
    "vinnare",
];

/// Letters only, lower-cased, with å, ä and ö read as a, a and o: "eHälsokommun2027!"
/// and "ehalsokommun" are the same word to a guesser. A digit or sign between two letters
/// stands for the letter it looks like ("Ehals0kommun", "Utm4rkelseportalen"); elsewhere
/// digits and punctuation ("annika.lindqvist@borgholm") are set aside.
fn letters(text: &str) -> Vec<char> {
    let look_alike = |c: char| match c {
        '0' => Some('o'),
        '1' => Some('i'),
        '3' => Some('e'),
        '4' => Some('a'),
        '5' => Some('s'),
        '7' => Some('t'),
        _ => None,
    };
    let chars: Vec<char> = text.chars().flat_map(char::to_lowercase).collect();
    let letter = |i: Option<&char>| i.is_some_and(|c| c.is_alphabetic());
    chars
        .iter()
        .enumerate()
        .filter_map(|(i, c)| {
            if c.is_alphabetic() {
                Some(super::swedish::plain_letter(*c))
            } else if i > 0 && letter(chars.get(i - 1)) && letter(chars.get(i + 1)) {
                look_alike(*c)
            } else {
                None
            }
        })
        .collect()
}

/// Whether the password, with digits, punctuation and spaces set aside, is nothing
/// but `words` (each any number of times and in any order): the person's name and
/// address parts, `PORTAL_WORDS`, kommun names. zxcvbn scores "AnnikaLindqvist1" as
/// safe, since two words and a digit are many guesses in general; for this portal they
/// are the first guesses. A password with no letters is left to the other checks.
pub fn made_of_known_words<'a>(password: &str, words: impl IntoIterator<Item = &'a str>) -> bool {
    let core = letters(password);
    if core.is_empty() {
        return false;
    }
    let mut known: Vec<Vec<char>> = Vec::new();
    for word in words {
        // "Upplands Väsby" and "annika.lindqvist": each part, and the whole.
        let parts = word.split(|c: char| !c.is_alphabetic()).chain([word]);
        known.extend(parts.map(letters).filter(|w| w.len() >= 3));
    }
    let reversed: Vec<char> = core.iter().rev().copied().collect();
    [core, reversed].iter().any(|core| {
        // reachable[i]: the first i letters are known words end to end.
        let mut reachable = vec![false; core.len() + 1];
        reachable[0] = true;
        for end in 1..=core.len() {
            reachable[end] =
                known.iter().any(|w| w.len() <= end && reachable[end - w.len()] && core[end - w.len()..end] == w[..]);
        }
        reachable[core.len()]
    })
}
