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

#[cfg(test)]
mod tests {
    use super::*;

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
}
