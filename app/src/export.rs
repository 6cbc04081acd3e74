//! Files organisers download: the ranking and every juror's scores as CSV
//! (semicolons, decimal commas and a byte-order mark, as Excel reads it in
//! Sweden) and together as one XLSX workbook, and the audit log as CSV.
//! Private notes are never exported.

use crate::{
    api::{
        jury::ssr::RoundWork,
        organiser::{
            ranking::{JurorCell, RankingView},
            round::LogLine,
        },
    },
    domain::{
        ranking::{Place, weighted_total},
        swedish,
    },
    i18n::Locale,
};
use rust_xlsxwriter::{Format, Workbook, XlsxError};

#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Number(f64),
    Empty,
}

/// One sheet of a workbook, or one CSV file.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub sheet: &'static str,
    pub header: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

fn text(value: impl Into<String>) -> Cell {
    Cell::Text(value.into())
}

/// "ja" where a place is shared, under whichever method.
fn shared(place: Option<Place>) -> Cell {
    text(if place.is_some_and(|p| p.tied) { "ja" } else { "" })
}

fn number(value: Option<f64>) -> Cell {
    value.map_or(Cell::Empty, Cell::Number)
}

/// The ranking as the organisers' page shows it, one application per row.
pub fn ranking_table(view: &RankingView) -> Table {
    let t = Locale::Sv.texts();
    let mut header: Vec<String> = vec![t.o.place.into(), "Delad plats".into(), t.o.kommun.into(), "Referens".into()];
    header.extend(view.jurors.iter().cloned());
    header.extend(
        [t.o.mean, t.o.median, t.o.reviews, t.o.spread, t.o.normalised, t.o.raw_place, "Delad plats (medelvärde)"]
            .map(String::from),
    );
    header.extend(
        [t.o.schulze_place, "Delad plats (Schulze)", "Slås av (Schulze)", "Kan inte skiljas från (Schulze)"]
            .map(String::from),
    );
    let mut rows: Vec<Vec<Cell>> = view
        .rows
        .iter()
        .map(|r| {
            let mut row =
                vec![number(r.place.map(|p| p.place as f64)), shared(r.place), text(&r.kommun), text(&r.reference)];
            row.extend(r.cells.iter().map(|c| match c {
                JurorCell::Total(total) => Cell::Number(*total),
                JurorCell::Conflict => text(t.o.conflict_cell),
                JurorCell::NotDone => Cell::Empty,
            }));
            row.extend([
                number(r.mean),
                number(r.median),
                Cell::Number(r.reviews as f64),
                number(r.spread),
                number(r.normalised),
                number(r.raw_place.map(|p| p.place as f64)),
                shared(r.raw_place),
                number(r.schulze_place.map(|p| p.place as f64)),
                shared(r.schulze_place),
                number(r.schulze_beaten_by.map(|n| n as f64)),
                text(r.schulze_unseparated.join(", ")),
            ]);
            row
        })
        .collect();
    // A frozen ranking says so in the file too, below the table.
    if let Some(at) = view.frozen_local {
        rows.push(vec![text((t.o.frozen_notice)(&(t.long_date_time)(at)))]);
    }
    Table { sheet: "Rangordning", header, rows }
}

/// Every saved review of the round: one row per juror and application, each
/// criterion's score, the weighted total, the recommendation and whether it counts.
pub fn scores_table(work: &RoundWork) -> Table {
    let t = Locale::Sv.texts();
    let criteria = &work.settings.criteria;
    let mut header: Vec<String> = vec!["Kommun".into(), "Referens".into(), "Jurymedlem".into(), "Status".into()];
    header.push("Räknas".into());
    header.extend(criteria.iter().map(|c| format!("{} (vikt {})", c.title, c.weight)));
    header.extend(["Viktat värde", "Rekommendation", "Klar"].map(String::from));
    let mut rows = Vec::new();
    for entry in &work.entries {
        for review in work.reviews.iter().filter(|r| r.application_id == entry.application_id) {
            let conflicted = work.conflicted(&review.user_id, &entry.kommun_kod);
            let done = review.done_at.is_some();
            let counts = match (done, conflicted) {
                (_, true) => "nej, jäv",
                (false, _) => "nej, inte klar",
                (true, false) => "ja",
            };
            let mut row = vec![
                text(&entry.kommun),
                text(&entry.submission.reference),
                text(&review.juror_name),
                text(t.j.progress(review.progress())),
                text(counts),
            ];
            row.extend(criteria.iter().map(|c| number(review.scores.of(&c.slug).map(|s| s as f64))));
            row.push(number(weighted_total(criteria, &review.scores)));
            row.push(review.scores.recommendation.map_or(Cell::Empty, |r| text(t.j.recommendation_name(r))));
            row.push(
                review
                    .done_at
                    .map_or(Cell::Empty, |at| text(swedish::long_date_time(crate::domain::deadline::to_stockholm(at)))),
            );
            rows.push(row);
        }
    }
    Table { sheet: "Poäng", header, rows }
}

pub fn log_table(lines: &[LogLine]) -> Table {
    let t = Locale::Sv.texts();
    Table {
        sheet: "Logg",
        header: [t.o.when, t.o.who, t.o.what].map(String::from).to_vec(),
        rows: lines
            .iter()
            .map(|l| vec![text(swedish::long_date_time(l.at_local)), text(&l.who), text(&l.what)])
            .collect(),
    }
}

/// Text as a spreadsheet shows it and never runs it: a cell that begins like a
/// formula (a name typed as `=HYPERLINK(…)`, say) gets a leading apostrophe,
/// which Excel and LibreOffice read as "this is text" (OWASP's advice on CSV injection).
fn inert(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{text}") } else { text.to_owned() }
}

/// A CSV file Excel opens right in Sweden: `;` between fields, decimal
/// commas, UTF-8 with a byte-order mark. Text never becomes a formula.
pub fn csv(table: &Table) -> Vec<u8> {
    let mut writer = csv::WriterBuilder::new().delimiter(b';').from_writer(b"\xEF\xBB\xBF".to_vec());
    let field = |cell: &Cell| match cell {
        Cell::Text(s) => inert(s),
        Cell::Number(n) if n.fract() == 0.0 => format!("{n:.0}"),
        Cell::Number(n) => format!("{n:.4}").trim_end_matches('0').replace('.', ","),
        Cell::Empty => String::new(),
    };
    // Writing to a Vec cannot fail.
    let _ = writer.write_record(table.header.iter().map(|h| inert(h)));
    for row in &table.rows {
        let _ = writer.write_record(row.iter().map(field));
    }
    writer.into_inner().unwrap_or_default()
}

/// The tables as sheets of one workbook, numbers as numbers.
pub fn xlsx(tables: &[Table]) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    let bold = Format::new().set_bold();
    let decimals = Format::new().set_num_format("0.00");
    for table in tables {
        let sheet = workbook.add_worksheet();
        sheet.set_name(table.sheet)?;
        for (col, title) in (0u16..).zip(&table.header) {
            sheet.write_string_with_format(0, col, title, &bold)?;
        }
        for (row, cells) in (1u32..).zip(&table.rows) {
            for (col, cell) in (0u16..).zip(cells) {
                match cell {
                    Cell::Text(s) => sheet.write_string(row, col, s)?,
                    Cell::Number(n) if n.fract() == 0.0 => sheet.write_number(row, col, *n)?,
                    Cell::Number(n) => sheet.write_number_with_format(row, col, *n, &decimals)?,
                    Cell::Empty => sheet,
                };
            }
        }
        sheet.set_freeze_panes(1, 0)?;
        sheet.autofit();
    }
    workbook.save_to_buffer()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> Table {
        Table {
            sheet: "Test",
            header: vec!["Kommun".into(), "Medel".into(), "Plats".into()],
            rows: vec![
                vec![text("Malung-Sälen; \"norr\""), Cell::Number(3.25), Cell::Number(1.0)],
                vec![text("Åre"), Cell::Empty, Cell::Number(2.0)],
            ],
        }
    }

    #[test]
    fn csv_is_for_swedish_excel_quoted_where_needed() {
        let bytes = csv(&table());
        assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "a byte-order mark");
        let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
        assert_eq!(text, "Kommun;Medel;Plats\n\"Malung-Sälen; \"\"norr\"\"\";3,25;1\nÅre;;2\n");
    }

    #[test]
    fn csv_text_that_looks_like_a_formula_stays_text() {
        let table = Table {
            sheet: "Test",
            header: vec!["=1+1".into(), "Medel".into()],
            rows: vec![
                vec![text("=HYPERLINK(\"http://x.se\";\"klicka\")"), Cell::Number(-0.5)],
                vec![text("+46 70"), Cell::Number(2.0)],
                vec![text("-1"), Cell::Empty],
                vec![text("@SUM(A1)"), Cell::Empty],
                vec![text("Växjö - norr"), Cell::Empty],
            ],
        };
        let text = String::from_utf8(csv(&table)[3..].to_vec()).unwrap();
        assert_eq!(
            text,
            "'=1+1;Medel\n\"'=HYPERLINK(\"\"http://x.se\"\";\"\"klicka\"\")\";-0,5\n'+46 70;2\n'-1;\n'@SUM(A1);\nVäxjö - norr;\n",
            "numbers stay numbers, a minus sign included"
        );
    }

    #[test]
    fn an_xlsx_workbook_is_a_zip_with_the_sheet() {
        let bytes = xlsx(&[table()]).unwrap();
        assert!(bytes.starts_with(b"PK"), "XLSX is a zip file");
    }
}
