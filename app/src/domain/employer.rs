//! A juror's employer, and the probable jäv it points to: a juror employed by
//! an applying kommun, or by the region of the kommun's län, should not judge
//! that application unless they have said why it is no conflict.

use super::kommun::{Kommun, KommunChoiceError, choose};
use serde::{Deserialize, Serialize};

/// The longest organisation name taken.
pub const ORGANISATION_LIMIT: usize = 120;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Employer {
    Kommun {
        kod: String,
        namn: String,
    },
    /// A region (healthcare and more), one per län: SCB's länskod and the län's name.
    Region {
        lanskod: String,
        lan: String,
    },
    /// Anything else (a company, an agency, an association): never flagged.
    Organisation {
        name: String,
    },
}

impl Employer {
    /// The stored form: a kind and one value (kommunkod, länskod or name).
    pub fn kind(&self) -> &'static str {
        match self {
            Employer::Kommun { .. } => "kommun",
            Employer::Region { .. } => "region",
            Employer::Organisation { .. } => "organisation",
        }
    }

    pub fn value(&self) -> &str {
        match self {
            Employer::Kommun { kod, .. } => kod,
            Employer::Region { lanskod, .. } => lanskod,
            Employer::Organisation { name } => name,
        }
    }

    /// The employer as the jury's pages name it.
    pub fn label(&self) -> String {
        match self {
            // Official names vary ("Ljungby kommun", "Markaryds kommun", "Stockholms stad"): this form is always right.
            Employer::Kommun { namn, .. } => format!("kommunen {namn}"),
            Employer::Region { lan, .. } => format!("regionen i {lan}"),
            Employer::Organisation { name } => name.clone(),
        }
    }

    /// Whether a juror employed here probably has jäv for an application from `kommun_kod`.
    pub fn probable_conflict(&self, kommun_kod: &str) -> bool {
        match self {
            Employer::Kommun { kod, .. } => kod == kommun_kod,
            Employer::Region { lanskod, .. } => kommun_kod.get(..2) == Some(lanskod.as_str()),
            Employer::Organisation { .. } => false,
        }
    }
}

/// Where a juror's answer to a probable jäv stands for one kommun.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Flag {
    /// Flagged and not yet answered: the juror may not open the application.
    Pending,
    /// The juror confirmed the jäv (or had declared it already).
    Confirmed,
    /// The juror said why it is no conflict.
    Dismissed,
}

/// The juror's answer to a flag: the employer as it read when they answered
/// (`Employer::label`), and whether they said jäv.
pub type Answer<'a> = (&'a str, bool);

/// The flag for one juror and kommun: none when the employer points elsewhere.
/// `answer` is the juror's answer, `declared` a jäv they declared themselves.
/// An answer given for another employer does not answer for a new one that is flagged.
pub fn flag(employer: Option<&Employer>, kommun_kod: &str, answer: Option<Answer<'_>>, declared: bool) -> Option<Flag> {
    let flagged = employer.is_some_and(|e| e.probable_conflict(kommun_kod));
    let answered =
        answer.filter(|(label, _)| !flagged || employer.is_some_and(|e| e.label() == *label)).map(|(_, jav)| jav);
    match (flagged, answered) {
        (_, Some(true)) => Some(Flag::Confirmed),
        (_, Some(false)) => Some(Flag::Dismissed),
        (true, None) if declared => Some(Flag::Confirmed),
        (true, None) => Some(Flag::Pending),
        (false, None) => None,
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum EmployerProblem {
    KindMissing,
    Kommun(KommunChoiceError),
    RegionMissing,
    NameMissing,
    NameTooLong,
}

/// The employer a juror chose in the form: the kind (`kommun`, `region`,
/// `organisation`, or `ingen` to clear it) and the field that kind needs,
/// against the 290 kommuner and the län (länskod, name). Problems by field.
pub fn checked_employer(
    kind: &str,
    kommun: &str,
    region: &str,
    organisation: &str,
    kommuner: &[Kommun],
    lans: &[(String, String)],
) -> Result<Option<Employer>, (&'static str, EmployerProblem)> {
    match kind {
        "ingen" => Ok(None),
        "kommun" => {
            let chosen = choose(kommun, kommuner).map_err(|e| ("employer_kommun", EmployerProblem::Kommun(e)))?;
            Ok(Some(Employer::Kommun { kod: chosen.kod.to_string(), namn: chosen.namn.clone() }))
        }
        "region" => lans
            .iter()
            .find(|(kod, _)| kod == region.trim())
            .map(|(lanskod, lan)| Some(Employer::Region { lanskod: lanskod.clone(), lan: lan.clone() }))
            .ok_or(("employer_region", EmployerProblem::RegionMissing)),
        "organisation" => {
            let name = super::application::clean_line(organisation);
            if name.is_empty() {
                Err(("employer_organisation", EmployerProblem::NameMissing))
            } else if name.chars().count() > ORGANISATION_LIMIT {
                Err(("employer_organisation", EmployerProblem::NameTooLong))
            } else {
                Ok(Some(Employer::Organisation { name }))
            }
        }
        _ => Err(("employer_kind", EmployerProblem::KindMissing)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::kommun::Kommunkod;

    fn kommuner() -> Vec<Kommun> {
        let k = |kod: &str, namn: &str, lan: &str| Kommun {
            kod: Kommunkod::parse(kod).unwrap(),
            namn: namn.into(),
            lan: lan.into(),
        };
        vec![
            k("0764", "Alvesta", "Kronobergs län"),
            k("0781", "Ljungby", "Kronobergs län"),
            k("0880", "Kalmar", "Kalmar län"),
        ]
    }

    fn lans() -> Vec<(String, String)> {
        vec![("07".into(), "Kronobergs län".into()), ("08".into(), "Kalmar län".into())]
    }

    #[test]
    fn a_kommun_flags_itself_a_region_its_lan_and_an_organisation_nothing() {
        let ljungby = Employer::Kommun { kod: "0781".into(), namn: "Ljungby".into() };
        assert!(ljungby.probable_conflict("0781"));
        assert!(!ljungby.probable_conflict("0764"), "a neighbour in the same län is not flagged");
        let kronoberg = Employer::Region { lanskod: "07".into(), lan: "Kronobergs län".into() };
        assert!(kronoberg.probable_conflict("0781") && kronoberg.probable_conflict("0764"));
        assert!(!kronoberg.probable_conflict("0880"));
        assert!(!Employer::Organisation { name: "Inera".into() }.probable_conflict("0781"));
    }

    #[test]
    fn a_flag_waits_for_an_answer_unless_jav_was_declared() {
        let ljungby = Employer::Kommun { kod: "0781".into(), namn: "Ljungby".into() };
        assert_eq!(flag(Some(&ljungby), "0781", None, false), Some(Flag::Pending));
        assert_eq!(flag(Some(&ljungby), "0781", None, true), Some(Flag::Confirmed));
        let label = ljungby.label();
        assert_eq!(flag(Some(&ljungby), "0781", Some((&label, false)), false), Some(Flag::Dismissed));
        assert_eq!(flag(Some(&ljungby), "0781", Some((&label, true)), false), Some(Flag::Confirmed));
        assert_eq!(flag(Some(&ljungby), "0880", None, false), None);
        assert_eq!(flag(None, "0781", None, true), None, "a declared jäv without a flag is the jäv list's");
        // An answer stays in the record after the juror changes employer…
        assert_eq!(flag(None, "0781", Some((&label, false)), false), Some(Flag::Dismissed));
        // … but does not answer for a new employer that is flagged too.
        let region = Employer::Region { lanskod: "07".into(), lan: "Kronobergs län".into() };
        assert_eq!(flag(Some(&region), "0781", Some((&label, false)), false), Some(Flag::Pending));
        assert_eq!(flag(Some(&region), "0781", Some((&region.label(), false)), false), Some(Flag::Dismissed));
    }

    #[test]
    fn the_form_is_read_by_kind_and_each_kind_checks_its_own_field() {
        let (kommuner, lans) = (kommuner(), lans());
        let check = |kind, kommun, region, org| checked_employer(kind, kommun, region, org, &kommuner, &lans);
        assert_eq!(
            check("kommun", "Ljungby (Kronobergs län)", "", ""),
            Ok(Some(Employer::Kommun { kod: "0781".into(), namn: "Ljungby".into() }))
        );
        assert_eq!(
            check("region", "", "07", ""),
            Ok(Some(Employer::Region { lanskod: "07".into(), lan: "Kronobergs län".into() }))
        );
        assert_eq!(
            check("organisation", "Ljungby", "07", "  Inera  AB "),
            Ok(Some(Employer::Organisation { name: "Inera AB".into() }))
        );
        assert_eq!(check("ingen", "", "", ""), Ok(None));

        assert_eq!(check("", "", "", ""), Err(("employer_kind", EmployerProblem::KindMissing)));
        assert!(matches!(check("kommun", "Atlantis", "", ""), Err(("employer_kommun", EmployerProblem::Kommun(_)))));
        assert_eq!(check("region", "", "99", ""), Err(("employer_region", EmployerProblem::RegionMissing)));
        assert_eq!(check("organisation", "", "", " "), Err(("employer_organisation", EmployerProblem::NameMissing)));
        let long = "x".repeat(ORGANISATION_LIMIT + 1);
        assert_eq!(check("organisation", "", "", &long), Err(("employer_organisation", EmployerProblem::NameTooLong)));
    }
}
