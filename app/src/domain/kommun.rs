//! Sweden's municipalities, identified by SCB's four-digit kommunkod.

use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("en kommunkod består av fyra siffror, till exempel 0880")]
pub struct InvalidKommunkod;

/// A kommunkod such as "0880" (Kalmar). Leading zeros matter, so it is text.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Kommunkod(String);

impl Kommunkod {
    pub fn parse(code: &str) -> Result<Self, InvalidKommunkod> {
        let code = code.trim();
        let valid = code.len() == 4 && code.bytes().all(|b| b.is_ascii_digit()) && code != "0000";
        if valid { Ok(Self(code.to_owned())) } else { Err(InvalidKommunkod) }
    }

    /// The län is given by the first two digits (SCB's länskod).
    pub fn lanskod(&self) -> &str {
        &self.0[..2]
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for Kommunkod {
    type Error = InvalidKommunkod;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<Kommunkod> for String {
    fn from(value: Kommunkod) -> Self {
        value.0
    }
}

impl fmt::Display for Kommunkod {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Kommun {
    pub kod: Kommunkod,
    pub namn: String,
    pub lan: String,
}

/// What a person typed or picked in the kommun field, matched against the 290:
/// a name ("Kalmar", "kalmar kommun"), the list's "Kalmar (Kalmar län)", or a
/// kommunkod ("0880").
pub fn choose<'a>(typed: &str, all: &'a [Kommun]) -> Result<&'a Kommun, KommunChoiceError> {
    let typed = typed.trim();
    if typed.is_empty() {
        return Err(KommunChoiceError::Empty);
    }
    let name = typed.split(" (").next().unwrap_or(typed).trim();
    let name = name.strip_suffix(" kommun").or_else(|| name.strip_suffix(" Kommun")).unwrap_or(name);
    all.iter()
        .find(|k| k.kod.as_str() == typed || k.namn.to_lowercase() == name.to_lowercase())
        .ok_or_else(|| KommunChoiceError::Unknown(typed.chars().take(100).collect()))
}

/// How a kommun appears in the list to choose from.
pub fn list_label(kommun: &Kommun) -> String {
    format!("{} ({})", kommun.namn, kommun.lan)
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum KommunChoiceError {
    Empty,
    /// Nothing matched what was typed (kept, shortened, for the message).
    Unknown(String),
}

/// The domain label a kommun's name gives, as kommuner name their domains: lower
/// case, å ä → a, ö → o, a space → a hyphen ("Upplands Väsby" → `upplands-vasby`).
pub fn domain_label(kommun_name: &str) -> String {
    kommun_name
        .chars()
        .flat_map(char::to_lowercase)
        .map(super::swedish::plain_letter)
        .map(|c| if c == ' ' { '-' } else { c })
        .collect()
}

/// Whether an e-mail address is at the kommun's own domain (`kalmar.se`,
/// `socialtjansten.kalmar.se`, `upplands-vasby.se`), the label exactly as the name
/// gives it: `kal-mar.se` or `kalmar.nu` are anyone's to register. A label that two
/// kommuner's names give (Habo and Håbo: `habo`) is neither's; `names` holds every
/// kommun's name. Lets the first applicant of a kommun act for it at once
/// (`access::acts_at_sign_up`) and is shown to organisers; a kommun that writes from
/// another domain is let in by an organiser instead.
pub fn address_of_kommun(email: &str, kommun_name: &str, names: &[&str]) -> bool {
    let Some((_, domain)) = email.rsplit_once('@') else { return false };
    let domain = domain.to_ascii_lowercase();
    let labels: Vec<&str> = domain.split('.').collect();
    let own = domain_label(kommun_name);
    // The label before the top-level domain: "kalmar" in "socialtjansten.kalmar.se".
    labels.len() >= 2
        && labels[labels.len() - 1] == "se"
        && labels[labels.len() - 2] == own
        && names.iter().filter(|name| domain_label(name) == own).count() <= 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_address_at_the_kommuns_own_domain_is_told_from_any_other() {
        let names = ["Kalmar", "Upplands Väsby", "Malung-Sälen", "Göteborg", "Habo", "Håbo"];
        let of = |email: &str, kommun: &str| address_of_kommun(email, kommun, &names);
        assert!(of("anna@kalmar.se", "Kalmar"));
        assert!(of("anna@socialtjansten.kalmar.se", "Kalmar"));
        assert!(of("anna@Kalmar.SE", "Kalmar"));
        assert!(of("per@upplands-vasby.se", "Upplands Väsby"));
        assert!(of("eva@malung-salen.se", "Malung-Sälen"));
        assert!(of("bo@goteborg.se", "Göteborg"));
        assert!(!of("okand@example.com", "Kalmar"));
        assert!(!of("anna@kalmar.example.com", "Kalmar"), "a subdomain of another domain");
        assert!(!of("anna@nykalmar.se", "Kalmar"));
        assert!(!of("anna@kalmar.nu", "Kalmar"), "anyone may register another top-level domain");
        assert!(!of("anna@kal-mar.se", "Kalmar"), "or a look-alike");
        assert!(!of("anna@kalmarš.se", "Kalmar"), "or an accented one");
        assert!(!of("per@upplandsvasby.se", "Upplands Väsby"));
        assert!(!of("anna@habo.se", "Habo"), "Håbo's domain, though Habo's name gives it too");
        assert!(!of("anna@habo.se", "Håbo"), "a label two names give is neither's");
    }

    #[test]
    fn accepts_four_digits_with_leading_zero() {
        let kalmar = Kommunkod::parse("0880").unwrap();
        assert_eq!(kalmar.as_str(), "0880");
        assert_eq!(kalmar.lanskod(), "08");
    }

    #[test]
    fn trims_surrounding_space() {
        assert_eq!(Kommunkod::parse(" 0180 ").unwrap().as_str(), "0180");
    }

    #[test]
    fn refuses_anything_but_four_digits() {
        for bad in ["880", "08800", "08a0", "", "0000", "-880", "٠٨٨٠"] {
            assert_eq!(Kommunkod::parse(bad), Err(InvalidKommunkod), "{bad:?}");
        }
    }

    fn sample() -> Vec<Kommun> {
        ["0880 Kalmar Kalmar län", "0182 Nacka Stockholms län", "0114 Upplands Väsby Stockholms län"]
            .iter()
            .map(|line| {
                let (kod, rest) = line.split_once(' ').unwrap();
                let (namn, lan) = if rest.starts_with("Upplands") {
                    ("Upplands Väsby", "Stockholms län")
                } else {
                    rest.split_once(' ').unwrap()
                };
                Kommun { kod: Kommunkod::parse(kod).unwrap(), namn: namn.into(), lan: lan.into() }
            })
            .collect()
    }

    #[test]
    fn a_kommun_is_chosen_by_name_list_label_or_code() {
        let all = sample();
        for typed in ["Kalmar", "kalmar", " KALMAR kommun ", "Kalmar (Kalmar län)", "0880"] {
            assert_eq!(choose(typed, &all).unwrap().kod.as_str(), "0880", "{typed:?}");
        }
        assert_eq!(choose("Upplands Väsby (Stockholms län)", &all).unwrap().kod.as_str(), "0114");
        assert_eq!(list_label(&all[1]), "Nacka (Stockholms län)");
    }

    #[test]
    fn an_unknown_or_empty_kommun_is_refused() {
        let all = sample();
        assert_eq!(choose("  ", &all), Err(KommunChoiceError::Empty));
        assert_eq!(choose("Kalmarr", &all), Err(KommunChoiceError::Unknown("Kalmarr".into())));
        assert_eq!(choose("9999", &all), Err(KommunChoiceError::Unknown("9999".into())));
    }
}
