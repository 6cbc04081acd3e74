//! Numbers, dates and times the way Swedish text writes them: "6 000 tecken",
//! "15 april 2027 kl. 23.59". Pure formatting of wall-clock values, so the
//! browser needs no time-zone data.

use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};

const MONTHS: [&str; 12] = [
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
];

/// "15 april 2027"
pub fn long_date(date: NaiveDate) -> String {
    format!("{} {} {}", date.day(), MONTHS[date.month0() as usize], date.year())
}

/// "15 april 2027 kl. 23.59"
pub fn long_date_time(at: NaiveDateTime) -> String {
    format!("{} kl. {:02}.{:02}", long_date(at.date()), at.hour(), at.minute())
}

/// "14.32", the time of day as Swedish writes it.
pub fn clock(at: NaiveDateTime) -> String {
    format!("{:02}.{:02}", at.hour(), at.minute())
}

/// "6 000": groups of three digits separated by a no-break space, as Swedish
/// typography does, so a number never breaks over two lines.
pub fn number(n: u64) -> String {
    super::group_digits(n, '\u{a0}')
}

/// "Anna, Bo och Cecilia".
pub fn list(items: &[String]) -> String {
    super::join_list(items, "och")
}

/// A letter as it is written where only a–z will do (web addresses, what a guesser
/// types): å and ä as a, ö as o, and the accents of other letters left off.
pub fn plain_letter(c: char) -> char {
    match c {
        'å' | 'ä' | 'à' | 'á' | 'â' => 'a',
        'ö' | 'ø' | 'ó' | 'ò' => 'o',
        'é' | 'è' | 'ê' | 'ë' => 'e',
        'ü' | 'ú' => 'u',
        c => c,
    }
}

/// A name in the genitive: "Kalmars", but "Borås", "Vännäs" (a name ending in s, x
/// or z takes no second s).
pub fn genitive(name: &str) -> String {
    if name.ends_with(['s', 'x', 'z']) { name.to_owned() } else { format!("{name}s") }
}

/// Swedish alphabetical order: a–z, then å, ä, ö; case and accents on other
/// letters (é, ü) do not count.
pub fn collate(a: &str, b: &str) -> std::cmp::Ordering {
    fn key(s: &str) -> Vec<u32> {
        s.chars()
            .flat_map(char::to_lowercase)
            .map(|c| match c {
                'å' => 'z' as u32 + 1,
                'ä' | 'æ' => 'z' as u32 + 2,
                'ö' | 'ø' => 'z' as u32 + 3,
                'é' | 'è' | 'ê' => 'e' as u32,
                'ü' => 'y' as u32,
                'á' | 'à' => 'a' as u32,
                c => c as u32,
            })
            .collect()
    }
    key(a).cmp(&key(b)).then_with(|| a.cmp(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_ending_in_s_takes_no_second_s_in_the_genitive() {
        assert_eq!(genitive("Kalmar"), "Kalmars");
        assert_eq!(genitive("Borås"), "Borås");
        assert_eq!(genitive("Vännäs"), "Vännäs");
    }

    #[test]
    fn a_list_has_och_before_its_last_item() {
        let names = |n: &[&str]| n.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(list(&names(&["Anna", "Bo", "Cecilia"])), "Anna, Bo och Cecilia");
        assert_eq!(list(&names(&["Anna", "Bo"])), "Anna och Bo");
        assert_eq!(list(&names(&["Anna"])), "Anna");
        assert_eq!(list(&[]), "");
    }

    #[test]
    fn formats_the_deadline_as_the_call_writes_it() {
        let at = NaiveDate::from_ymd_opt(2027, 4, 15).unwrap().and_hms_opt(23, 59, 0).unwrap();
        assert_eq!(long_date_time(at), "15 april 2027 kl. 23.59");
    }

    #[test]
    fn pads_hours_and_minutes_but_not_the_day() {
        let at = NaiveDate::from_ymd_opt(2027, 5, 3).unwrap().and_hms_opt(9, 5, 0).unwrap();
        assert_eq!(long_date_time(at), "3 maj 2027 kl. 09.05");
    }

    #[test]
    fn every_month_has_its_swedish_name() {
        let names: Vec<String> = (1..=12).map(|m| long_date(NaiveDate::from_ymd_opt(2027, m, 1).unwrap())).collect();
        assert_eq!(names[0], "1 januari 2027");
        assert_eq!(names[7], "1 augusti 2027");
        assert_eq!(names[11], "1 december 2027");
    }

    #[test]
    fn groups_thousands_with_a_no_break_space() {
        assert_eq!(number(0), "0");
        assert_eq!(number(999), "999");
        assert_eq!(number(6000), "6\u{a0}000");
        assert_eq!(number(150000), "150\u{a0}000");
        assert_eq!(number(1234567), "1\u{a0}234\u{a0}567");
    }

    #[test]
    fn swedish_order_puts_a_ring_a_umlaut_o_umlaut_last() {
        let mut names = vec!["Örebro", "Ale", "Älvsbyn", "Åre", "Zinkgruvan", "Eda", "Ekerö"];
        names.sort_by(|a, b| collate(a, b));
        assert_eq!(names, ["Ale", "Eda", "Ekerö", "Zinkgruvan", "Åre", "Älvsbyn", "Örebro"]);
    }
}
