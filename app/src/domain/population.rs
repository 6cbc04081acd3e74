//! The kommuner's population, imported by an organiser from a CSV file as SCB's
//! Statistikdatabasen, Kolada or Excel in Sweden write it, and checked row by row.
//!
//! The import is all or nothing: one bad row and nothing is imported, and every
//! bad row is reported with its line number. A file with mixed good and bad rows
//! is usually a wrong export or a column that Excel changed, and half of it
//! imported would leave the jury reading figures from two files without anyone
//! noticing; the organiser corrects the file and imports it again, quickly.
//!
//! What a careful reading accepts:
//! - the delimiter `;` (Excel in Sweden), tab or `,`, guessed from the header row;
//!   a byte order mark; UTF-8, or Windows-1252 as Excel saves "CSV (semikolonavgränsad)";
//! - the kommunkod as four digits, or SCB's region form "0114 Upplands Väsby";
//!   three digits ("114") are padded with a zero: Excel drops the leading zero of
//!   a number, kommunkoder with a leading zero are exactly the three-digit ones,
//!   so the padding is never ambiguous (and the code is still checked against the 290);
//! - rows for the whole country or a län (SCB's "00 Riket", "01 Stockholms län",
//!   Kolada's "0000") are left out and counted, not refused: a full export has them;
//! - the population with spaces or non-breaking spaces between thousands.

use super::kommun::Kommunkod;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// At most this many bad rows are listed; the count says how many more there are.
pub const LISTED_BAD_ROWS: usize = 15;
pub const SOURCE_LIMIT: usize = 200;

/// One kommun's population, read from the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Population {
    pub kod: Kommunkod,
    pub population: i64,
}

/// Why one row of the file was refused.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum RowProblem {
    /// Not a kommunkod at all (kept, shortened, for the message).
    InvalidCode(String),
    /// Four digits, but none of the 290.
    UnknownKommun(String),
    NotANumber(String),
    Negative(i64),
    Zero,
    /// The kommun has a row already, on `first_line`.
    Duplicate {
        code: String,
        first_line: usize,
    },
    ColumnCount {
        expected: usize,
        found: usize,
    },
}

/// A refused row: its line in the file (the header is line 1) and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BadRow {
    pub line: usize,
    pub problem: RowProblem,
}

/// What keeps a population import from being made, in the organiser's form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ImportProblem {
    YearInvalid,
    SourceMissing,
    SourceTooLong {
        max: usize,
    },
    /// No file chosen, or an empty one.
    NoFile,
    /// Larger than the portal takes (1 MiB).
    TooLarge,
    /// The header names no kommunkod column, or no population column.
    NoColumns,
    /// The header has years as columns, but not the one given.
    YearNotInFile {
        year: i32,
    },
    /// A header, but not one row of kommuner.
    NoRows,
    /// The file has bad rows (how many; the first are listed one by one); nothing was imported.
    BadRows {
        count: usize,
    },
    Row(BadRow),
}

/// A file that can be imported: the rows, and how many rows for the country or a län were left out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Accepted {
    pub rows: Vec<Population>,
    pub skipped: usize,
}

/// The year the figures refer to, as the organiser typed it.
pub fn checked_year(typed: &str) -> Result<i32, ImportProblem> {
    match typed.trim().parse::<i32>() {
        Ok(year) if (1968..=2100).contains(&year) => Ok(year),
        _ => Err(ImportProblem::YearInvalid),
    }
}

/// Where the figures come from ("SCB, folkmängd 31 december 2023").
pub fn checked_source(typed: &str) -> Result<String, ImportProblem> {
    let source = typed.split_whitespace().collect::<Vec<_>>().join(" ");
    if source.is_empty() {
        Err(ImportProblem::SourceMissing)
    } else if source.chars().count() > SOURCE_LIMIT {
        Err(ImportProblem::SourceTooLong { max: SOURCE_LIMIT })
    } else {
        Ok(source)
    }
}

/// Reads the file and checks every row against `known`, the 290 kommunkoder.
/// On refusal the problems are the file's, or every bad row (in file order).
pub fn read(bytes: &[u8], known: &[Kommunkod], year: i32) -> Result<Accepted, Vec<ImportProblem>> {
    let text = decode(bytes);
    let mut lines = text.lines().enumerate().map(|(i, l)| (i + 1, l)).filter(|(_, l)| !l.trim().is_empty());
    let Some((_, header)) = lines.next() else { return Err(vec![ImportProblem::NoFile]) };
    let delimiter = delimiter(header);
    let header = fields(header, delimiter);
    let (code_col, population_col) = columns(&header, year).map_err(|p| vec![p])?;

    let mut rows = Vec::new();
    let mut bad = Vec::new();
    let mut skipped = 0;
    let mut seen: HashMap<Kommunkod, usize> = HashMap::new();
    for (line, text) in lines {
        let cells = fields(text, delimiter);
        if cells.len() != header.len() {
            bad.push(BadRow { line, problem: RowProblem::ColumnCount { expected: header.len(), found: cells.len() } });
            continue;
        }
        let kod = match code(&cells[code_col], known) {
            Ok(Some(kod)) => kod,
            Ok(None) => {
                skipped += 1;
                continue;
            }
            Err(problem) => {
                bad.push(BadRow { line, problem });
                continue;
            }
        };
        if let Some(first_line) = seen.get(&kod) {
            let problem = RowProblem::Duplicate { code: kod.to_string(), first_line: *first_line };
            bad.push(BadRow { line, problem });
            continue;
        }
        seen.insert(kod.clone(), line);
        match number(&cells[population_col]) {
            Ok(population) => rows.push(Population { kod, population }),
            Err(problem) => bad.push(BadRow { line, problem }),
        }
    }
    if !bad.is_empty() {
        let mut problems = vec![ImportProblem::BadRows { count: bad.len() }];
        problems.extend(bad.into_iter().take(LISTED_BAD_ROWS).map(ImportProblem::Row));
        return Err(problems);
    }
    if rows.is_empty() {
        return Err(vec![ImportProblem::NoRows]);
    }
    Ok(Accepted { rows, skipped })
}

/// UTF-8 (with or without a byte order mark), else Windows-1252, which Excel
/// in Sweden writes. Only the codes and numbers are read, so a character of
/// 0x80–0x9F that Windows-1252 would map elsewhere does no harm as U+FFFD.
fn decode(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_owned(),
        Err(_) => bytes.iter().map(|&b| if (0x80..0xA0).contains(&b) { '\u{FFFD}' } else { char::from(b) }).collect(),
    }
}

/// The delimiter the header uses most: `;`, tab or `,` (in that order on a tie).
fn delimiter(header: &str) -> char {
    [(',', 0), ('\t', 1), (';', 2)]
        .into_iter()
        .max_by_key(|(d, preference)| (fields(header, *d).len(), *preference))
        .map_or(';', |(d, _)| d)
}

/// The cells of a line, with double quotes around a cell (and `""` inside one) understood.
fn fields(line: &str, delimiter: char) -> Vec<String> {
    let mut cells = Vec::new();
    let mut cell = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                cell.push('"');
                chars.next();
            }
            '"' => quoted = !quoted,
            c if c == delimiter && !quoted => cells.push(std::mem::take(&mut cell).trim().to_owned()),
            c => cell.push(c),
        }
    }
    cells.push(cell.trim().to_owned());
    cells
}

/// The kommunkod column and the population column, found by their headings;
/// a file of two unnamed columns is read as code, then population.
fn columns(header: &[String], year: i32) -> Result<(usize, usize), ImportProblem> {
    let lower: Vec<String> = header.iter().map(|h| h.to_lowercase()).collect();
    let is_code =
        |h: &str| h.contains("kod") || h.contains("region") || h == "id" || h.ends_with("-id") || h.ends_with(" id");
    let is_year = |h: &str| h.len() == 4 && h.bytes().all(|b| b.is_ascii_digit());
    let named_population =
        |h: &str| ["folkmängd", "befolkning", "invånare", "antal", "värde", "population"].iter().any(|w| h.contains(w));
    let code = lower.iter().position(|h| is_code(h));
    let by_year = lower.iter().position(|h| *h == year.to_string());
    let by_name = lower.iter().enumerate().position(|(i, h)| Some(i) != code && named_population(h));
    let population = by_year.or(by_name);
    match (code, population) {
        (Some(c), Some(p)) if c != p => Ok((c, p)),
        (Some(_), None) if lower.iter().any(|h| is_year(h)) => Err(ImportProblem::YearNotInFile { year }),
        _ if header.len() == 2 => Ok((0, 1)),
        _ => Err(ImportProblem::NoColumns),
    }
}

/// The kommun a cell names; `None` for the country or a län, which are left out.
fn code(cell: &str, known: &[Kommunkod]) -> Result<Option<Kommunkod>, RowProblem> {
    let invalid = || RowProblem::InvalidCode(cell.chars().take(30).collect());
    let digits: String = cell.chars().take_while(char::is_ascii_digit).collect();
    let rest = &cell[digits.len()..];
    if cell.eq_ignore_ascii_case("riket") {
        return Ok(None);
    }
    if !(rest.is_empty() || rest.starts_with(char::is_whitespace)) {
        return Err(invalid());
    }
    let padded = match digits.len() {
        2 => return Ok(None),
        3 => format!("0{digits}"),
        4 if digits == "0000" => return Ok(None),
        4 => digits,
        _ => return Err(invalid()),
    };
    let kod = Kommunkod::parse(&padded).map_err(|_| invalid())?;
    if known.contains(&kod) { Ok(Some(kod)) } else { Err(RowProblem::UnknownKommun(padded)) }
}

/// A whole number with spaces, non-breaking or narrow spaces between thousands.
fn number(cell: &str) -> Result<i64, RowProblem> {
    let compact: String = cell.chars().filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}')).collect();
    let (negative, digits) = match compact.strip_prefix(['-', '−']) {
        Some(rest) => (true, rest),
        None => (false, compact.as_str()),
    };
    let not_a_number = || RowProblem::NotANumber(cell.chars().take(30).collect());
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(not_a_number());
    }
    let value: i64 = digits.parse().map_err(|_| not_a_number())?;
    match (negative, value) {
        (_, 0) => Err(RowProblem::Zero),
        (true, v) => Err(RowProblem::Negative(-v)),
        (false, v) => Ok(v),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn known() -> Vec<Kommunkod> {
        ["0114", "0180", "0880", "0882", "2584"].iter().map(|k| Kommunkod::parse(k).unwrap()).collect()
    }

    fn accepted(file: &str) -> Accepted {
        read(file.as_bytes(), &known(), 2023).unwrap_or_else(|e| panic!("refused: {e:?}"))
    }

    fn pairs(accepted: &Accepted) -> Vec<(&str, i64)> {
        accepted.rows.iter().map(|p| (p.kod.as_str(), p.population)).collect()
    }

    fn bad_rows(file: &[u8]) -> Vec<ImportProblem> {
        read(file, &known(), 2023).expect_err("should be refused")
    }

    #[test]
    fn reads_excel_semicolons_with_bom_and_spaces_between_thousands() {
        let file = "\u{feff}Kommunkod;Kommun;Folkmängd\r\n0880;Kalmar;71 930\r\n0180;Stockholm;984\u{a0}748\r\n";
        assert_eq!(pairs(&accepted(file)), [("0880", 71930), ("0180", 984748)]);
    }

    #[test]
    fn reads_scb_region_form_with_commas_quotes_and_the_year_as_heading() {
        let file = "\"region\",\"2022\",\"2023\"\n\"0114 Upplands Väsby\",\"48 067\",\"48 820\"\n\"0880 Kalmar\",71000,71930\n";
        assert_eq!(pairs(&accepted(file)), [("0114", 48820), ("0880", 71930)]);
    }

    #[test]
    fn reads_tabs_and_a_kolada_style_header() {
        let file = "Kommun-ID\tKommun\tÅr\tVärde\n0882\tOskarshamn\t2023\t27 000\n";
        assert_eq!(pairs(&accepted(file)), [("0882", 27000)]);
    }

    #[test]
    fn two_unnamed_columns_are_code_then_population() {
        assert_eq!(pairs(&accepted("a;b\n2584;55 000\n")), [("2584", 55000)]);
    }

    #[test]
    fn reads_windows_1252_as_excel_saves_it() {
        let mut file = b"Region;Folkm\xe4ngd\n0114 Upplands V\xe4sby;48\xa0820\n".to_vec();
        file.extend_from_slice(b"0880 Kalmar;71 930\n");
        assert_eq!(pairs(&read(&file, &known(), 2023).unwrap()), [("0114", 48820), ("0880", 71930)]);
    }

    #[test]
    fn a_leading_zero_dropped_by_excel_is_put_back() {
        assert_eq!(pairs(&accepted("kod;folkmängd\n114;48820\n880;71930\n")), [("0114", 48820), ("0880", 71930)]);
    }

    #[test]
    fn rows_for_the_country_and_the_lan_are_left_out_and_counted() {
        let file =
            "region;2023\n00 Riket;10 551 707\n01 Stockholms län;2 454 821\n0000;1\nRiket;1\n0180 Stockholm;984 748\n";
        let accepted = accepted(file);
        assert_eq!(pairs(&accepted), [("0180", 984748)]);
        assert_eq!(accepted.skipped, 4);
    }

    #[test]
    fn blank_lines_are_ignored_and_lines_are_counted_as_in_the_file() {
        let problems = bad_rows(b"kod;folkm\xc3\xa4ngd\n\n0880;x\n");
        assert_eq!(problems[1], ImportProblem::Row(BadRow { line: 3, problem: RowProblem::NotANumber("x".into()) }));
    }

    #[test]
    fn every_bad_row_is_reported_with_its_line_and_nothing_is_accepted() {
        let file = "kommunkod;folkmängd\n\
                    0880;71 930\n\
                    9999;100\n\
                    08a0;100\n\
                    0180;många\n\
                    0114;-5\n\
                    0882;0\n\
                    0880;71 000\n\
                    2584;1;2\n\
                    12345;1\n\
                    ;1\n\
                    2584;1,5\n";
        let problems = bad_rows(file.as_bytes());
        let row = |line, problem| ImportProblem::Row(BadRow { line, problem });
        assert_eq!(
            problems,
            vec![
                ImportProblem::BadRows { count: 10 },
                row(3, RowProblem::UnknownKommun("9999".into())),
                row(4, RowProblem::InvalidCode("08a0".into())),
                row(5, RowProblem::NotANumber("många".into())),
                row(6, RowProblem::Negative(-5)),
                row(7, RowProblem::Zero),
                row(8, RowProblem::Duplicate { code: "0880".into(), first_line: 2 }),
                row(9, RowProblem::ColumnCount { expected: 2, found: 3 }),
                row(10, RowProblem::InvalidCode("12345".into())),
                row(11, RowProblem::InvalidCode(String::new())),
                row(12, RowProblem::NotANumber("1,5".into())),
            ]
        );
    }

    #[test]
    fn a_long_report_lists_the_first_rows_and_counts_all() {
        let mut file = String::from("kod;folkmängd\n");
        for _ in 0..40 {
            file.push_str("9999;1\n");
        }
        let problems = bad_rows(file.as_bytes());
        assert_eq!(problems[0], ImportProblem::BadRows { count: 40 });
        assert_eq!(problems.len(), 1 + LISTED_BAD_ROWS);
    }

    #[test]
    fn a_file_without_rows_or_columns_is_refused_as_a_whole() {
        assert_eq!(bad_rows(b""), vec![ImportProblem::NoFile]);
        assert_eq!(bad_rows(b"\xEF\xBB\xBF\n \n"), vec![ImportProblem::NoFile]);
        assert_eq!(bad_rows(b"kod;folkm\xc3\xa4ngd\n"), vec![ImportProblem::NoRows]);
        assert_eq!(bad_rows(b"namn;kommun;annat\n0880;Kalmar;1\n"), vec![ImportProblem::NoColumns]);
        assert_eq!(bad_rows(b"region;2021;2022\n0880;1;2\n"), vec![ImportProblem::YearNotInFile { year: 2023 }]);
    }

    #[test]
    fn the_year_and_source_are_checked() {
        assert_eq!(checked_year(" 2023 "), Ok(2023));
        for bad in ["", "23", "tjugo", "1900", "3000"] {
            assert_eq!(checked_year(bad), Err(ImportProblem::YearInvalid), "{bad:?}");
        }
        assert_eq!(checked_source("  SCB,\n folkmängd  "), Ok("SCB, folkmängd".to_owned()));
        assert_eq!(checked_source(" \n"), Err(ImportProblem::SourceMissing));
        assert_eq!(checked_source(&"x".repeat(201)), Err(ImportProblem::SourceTooLong { max: 200 }));
    }
}
