//! What changed in a kommun's application since its earlier one: the award
//! rewards large steps during the year, so the jury compares, section by
//! section, the text submitted last time with this year's, word by word.

use serde::{Deserialize, Serialize};
use similar::{Algorithm, ChangeTag, TextDiff};

/// A run of text as the reader sees it: kept, added or removed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Piece {
    Kept(String),
    Added(String),
    Removed(String),
}

/// One section's text then and now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SectionChanges {
    pub title: String,
    pub pieces: Vec<Piece>,
    pub added_words: usize,
    pub removed_words: usize,
}

impl SectionChanges {
    pub fn between(title: String, before: &str, after: &str) -> SectionChanges {
        let pieces = compare(before, after);
        let words = |wanted: fn(&Piece) -> Option<&String>| {
            pieces.iter().filter_map(wanted).map(|t| t.split_whitespace().count()).sum()
        };
        SectionChanges {
            title,
            added_words: words(|p| if let Piece::Added(t) = p { Some(t) } else { None }),
            removed_words: words(|p| if let Piece::Removed(t) = p { Some(t) } else { None }),
            pieces,
        }
    }

    pub fn unchanged(&self) -> bool {
        self.added_words == 0 && self.removed_words == 0
    }
}

/// Below this share of the shorter text's words kept, a section counts as
/// rewritten: shown as the old text removed and the new added, not as a
/// confetti of single words. (The shorter text: a paragraph added to an
/// unchanged one is an addition, not a rewrite.)
const REWRITTEN_BELOW: f64 = 0.3;

/// The changes from `before` to `after`, word by word. Within a stretch of
/// changes, everything removed comes first and everything added second, so
/// each reads as a phrase; spaces between two changes belong to both.
pub fn compare(before: &str, after: &str) -> Vec<Piece> {
    let (before, after) = (before.trim(), after.trim());
    if before == after {
        return if after.is_empty() { Vec::new() } else { vec![Piece::Kept(after.to_owned())] };
    }
    let diff = TextDiff::configure().algorithm(Algorithm::Patience).diff_words(before, after);
    let runs: Vec<(ChangeTag, &str)> = diff.iter_all_changes().map(|c| (c.tag(), c.value())).collect();
    let kept_words: usize =
        runs.iter().filter(|(tag, _)| *tag == ChangeTag::Equal).map(|(_, t)| t.split_whitespace().count()).sum();
    let shortest = before.split_whitespace().count().min(after.split_whitespace().count());
    if (kept_words as f64) < REWRITTEN_BELOW * shortest as f64 {
        return [Piece::Removed(before.to_owned()), Piece::Added(after.to_owned())]
            .into_iter()
            .filter(|p| !matches!(p, Piece::Removed(t) | Piece::Added(t) if t.is_empty()))
            .collect();
    }
    let mut pieces = Vec::new();
    let (mut removed, mut added) = (String::new(), String::new());
    for (i, (tag, text)) in runs.iter().enumerate() {
        let between_changes = || {
            text.trim().is_empty()
                && runs[..i].last().is_some_and(|(t, _)| *t != ChangeTag::Equal)
                && runs.get(i + 1).is_some_and(|(t, _)| *t != ChangeTag::Equal)
        };
        match tag {
            ChangeTag::Delete => removed.push_str(text),
            ChangeTag::Insert => added.push_str(text),
            ChangeTag::Equal if between_changes() => {
                removed.push_str(text);
                added.push_str(text);
            }
            ChangeTag::Equal => {
                flush(&mut pieces, &mut removed, &mut added);
                match pieces.last_mut() {
                    Some(Piece::Kept(kept)) => kept.push_str(text),
                    _ => pieces.push(Piece::Kept((*text).to_owned())),
                }
            }
        }
    }
    flush(&mut pieces, &mut removed, &mut added);
    pieces
}

fn flush(pieces: &mut Vec<Piece>, removed: &mut String, added: &mut String) {
    if !removed.is_empty() {
        pieces.push(Piece::Removed(std::mem::take(removed)));
    }
    if !added.is_empty() {
        pieces.push(Piece::Added(std::mem::take(added)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kept(t: &str) -> Piece {
        Piece::Kept(t.into())
    }
    fn added(t: &str) -> Piece {
        Piece::Added(t.into())
    }
    fn removed(t: &str) -> Piece {
        Piece::Removed(t.into())
    }

    #[test]
    fn the_same_text_is_kept_whole() {
        assert_eq!(compare("Vi mäter varje kvartal.", " Vi mäter varje kvartal.\n"), [kept("Vi mäter varje kvartal.")]);
        assert_eq!(compare("", "  "), []);
    }

    #[test]
    fn a_changed_word_is_removed_then_added_in_place() {
        assert_eq!(
            compare("Digital nattillsyn används i 40 hem.", "Digital nattillsyn används i 140 hem."),
            [kept("Digital nattillsyn används i "), removed("40"), added("140"), kept(" hem.")]
        );
    }

    #[test]
    fn an_added_sentence_shows_as_one_addition() {
        let before = "Alla boenden har trådlöst nät.";
        let after = "Alla boenden har trådlöst nät. Nattpatrullen ser larmen i mobilen.";
        assert_eq!(compare(before, after), [kept(before), added(" Nattpatrullen ser larmen i mobilen.")]);
    }

    #[test]
    fn neighbouring_changes_read_as_phrases() {
        assert_eq!(
            compare("Ett försök med tolv brukare pågick.", "Ett arbetssätt med 140 brukare används nu."),
            [
                kept("Ett "),
                removed("försök"),
                added("arbetssätt"),
                kept(" med "),
                removed("tolv"),
                added("140"),
                kept(" brukare "),
                removed("pågick."),
                added("används nu."),
            ]
        );
    }

    #[test]
    fn a_rewritten_text_is_shown_as_old_then_new() {
        assert_eq!(
            compare("Vi har inte börjat ännu.", "Kommunfullmäktige antog en plan som följs upp varje kvartal."),
            [
                removed("Vi har inte börjat ännu."),
                added("Kommunfullmäktige antog en plan som följs upp varje kvartal.")
            ]
        );
        assert_eq!(compare("", "Ny text."), [added("Ny text.")]);
        assert_eq!(compare("Gammal text.", ""), [removed("Gammal text.")]);
    }

    #[test]
    fn a_text_grown_around_what_it_kept_is_not_called_rewritten() {
        let before = "Varje arbetsplats har ett ombud. Ombuden träffas en gång i kvartalet.";
        let after = "Varje arbetsplats har ett ombud med fyra timmar i månaden för uppdraget. Ombuden träffas varannan \
                     vecka och delar vad som fungerar, och de skriver ner det.";
        let pieces = compare(before, after);
        assert_eq!(pieces[0], kept("Varje arbetsplats har ett "));
        assert!(pieces.contains(&kept(" Ombuden träffas ")), "{pieces:?}");
    }

    #[test]
    fn a_section_counts_its_words_added_and_removed() {
        let changes = SectionChanges::between("Ledning".into(), "Vi mäter ibland.", "Vi mäter varje kvartal.");
        assert_eq!((changes.added_words, changes.removed_words), (2, 1));
        assert!(!changes.unchanged());
        assert!(SectionChanges::between("Ledning".into(), "Lika.", "Lika.").unchanged());
    }
}
