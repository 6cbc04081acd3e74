//! Past winners of an award, as shown in the public archive.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PastWinner {
    pub year: i32,
    /// As the award named it, e.g. "Västerås stad" or "Boneprox".
    pub winner: String,
    /// The winning entry's title where the award is given to an entry; else empty.
    pub entry_title: String,
    /// The winner's kommun, where it is one (or a unit of one).
    pub kommunkod: Option<String>,
    /// How many entries the round had, where known.
    pub entries: Option<u32>,
    /// Finalists in the order the award listed them; empty where unknown.
    pub finalists: Vec<String>,
    /// Where and when the award was given, as a free text.
    pub ceremony: String,
}

/// Newest first: the archive is read for the latest winners.
pub fn newest_first(mut winners: Vec<PastWinner>) -> Vec<PastWinner> {
    winners.sort_by_key(|w| std::cmp::Reverse(w.year));
    winners
}

#[cfg(test)]
mod tests {
    use super::*;

    fn winner(year: i32, name: &str) -> PastWinner {
        PastWinner {
            year,
            winner: name.into(),
            entry_title: String::new(),
            kommunkod: None,
            entries: None,
            finalists: vec![],
            ceremony: String::new(),
        }
    }

    #[test]
    fn the_archive_lists_the_latest_year_first() {
        let sorted = newest_first(vec![winner(2018, "Rättvik"), winner(2023, "Kalmar"), winner(2019, "Hammarö")]);
        let years: Vec<i32> = sorted.iter().map(|w| w.year).collect();
        assert_eq!(years, vec![2023, 2019, 2018]);
    }
}
