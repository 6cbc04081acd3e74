//! The kommun's context: the organisers' population import and table, and in
//! the jury's reading view the län, the population, earlier applications and
//! what changed since last year. Swedish first.

use crate::domain::{
    english,
    population::{BadRow, ImportProblem, RowProblem},
    swedish,
};

pub struct ContextTexts {
    pub problem: fn(&ImportProblem) -> String,
    /// A population as the language writes numbers.
    pub number: fn(u64) -> String,

    pub nav: &'static str,
    pub title: &'static str,
    pub intro: &'static str,
    /// When, by whom and for how many kommuner the latest import was made.
    pub latest: fn(&str, &str, i64) -> String,
    pub none_imported: &'static str,
    pub import_heading: &'static str,
    pub format_heading: &'static str,
    pub format_rules: [&'static str; 5],
    pub all_or_nothing: &'static str,
    pub year: &'static str,
    pub year_hint: &'static str,
    pub source: &'static str,
    pub source_hint: &'static str,
    pub file: &'static str,
    pub file_hint: &'static str,
    pub import_button: &'static str,
    pub table_heading: &'static str,
    pub caption: &'static str,
    pub code: &'static str,
    pub kommun: &'static str,
    pub lan: &'static str,
    pub population: &'static str,
    pub year_column: &'static str,
    pub source_column: &'static str,
    pub missing: &'static str,

    pub context_heading: &'static str,
    /// "71 930 (2023)"
    pub population_value: fn(&str, i64) -> String,
    pub population_source: fn(&str) -> String,
    pub population_missing: &'static str,
    pub earlier_heading: &'static str,
    pub earlier_none: &'static str,
    /// "Vad har ändrats sedan 2026"
    pub changes_link: fn(i64) -> String,
    pub back_to_application: &'static str,
    /// The earlier application's notice: its year and this year's.
    pub earlier_notice: fn(i64, i64) -> String,
    pub earlier_title: fn(&str, i64) -> String,
    pub changes_title: fn(&str, i64) -> String,
    pub changes_intro: fn(i64, i64) -> String,
    pub legend: &'static str,
    pub legend_added: &'static str,
    pub legend_removed: &'static str,
    pub read_earlier: fn(i64) -> String,
    /// Words added and removed in a section.
    pub section_count: fn(usize, usize) -> String,
    pub unchanged: fn(i64) -> String,
    pub nothing_written: &'static str,
    /// Read out before and after a change, which a screen reader does not announce by itself.
    pub added_start: &'static str,
    pub removed_start: &'static str,
    pub change_end: &'static str,
}

fn row_sv(BadRow { line, problem }: &BadRow) -> String {
    let why = match problem {
        RowProblem::InvalidCode(code) if code.is_empty() => "kommunkoden saknas.".to_owned(),
        RowProblem::InvalidCode(code) => {
            format!("”{code}” är ingen kommunkod. En kommunkod har fyra siffror, till exempel 0880.")
        }
        RowProblem::UnknownKommun(code) => format!("{code} är inte kommunkoden för någon av Sveriges 290 kommuner."),
        RowProblem::NotANumber(text) if text.is_empty() => "folkmängden saknas.".to_owned(),
        RowProblem::NotANumber(text) => {
            format!("folkmängden ”{text}” är inte ett heltal. Skriv siffror, med eller utan mellanslag.")
        }
        RowProblem::Negative(n) => format!("folkmängden kan inte vara negativ ({n})."),
        RowProblem::Zero => "folkmängden kan inte vara noll.".to_owned(),
        RowProblem::Duplicate { code, first_line } => format!("kommun {code} finns redan på rad {first_line}."),
        RowProblem::ColumnCount { expected, found } => {
            format!("raden har {found} kolumner, men rubrikraden har {expected}.")
        }
    };
    format!("Rad {line}: {why}")
}

fn problem_sv(problem: &ImportProblem) -> String {
    match problem {
        ImportProblem::YearInvalid => "Skriv året som siffrorna gäller med fyra siffror, till exempel 2023.".into(),
        ImportProblem::SourceMissing => "Skriv varifrån siffrorna kommer, till exempel SCB.".into(),
        ImportProblem::SourceTooLong { max } => format!("Skriv källan med högst {max} tecken."),
        ImportProblem::NoFile => "Välj en CSV-fil med folkmängden. Filen du valde är tom.".into(),
        ImportProblem::TooLarge => "Filen är större än 1 MB. Välj en CSV-fil med bara kommunkod och folkmängd.".into(),
        ImportProblem::NoColumns => "Rubrikraden visar inte vilken kolumn som har kommunkoden och vilken som har \
                                     folkmängden. Kalla dem till exempel ”Kommunkod” och ”Folkmängd”."
            .into(),
        ImportProblem::YearNotInFile { year } => {
            format!("Filen har år som kolumner, men inte {year}. Kontrollera året eller filen.")
        }
        ImportProblem::NoRows => "Filen har en rubrikrad men inga rader med kommuner.".into(),
        ImportProblem::BadRows { count: 1 } => {
            "En rad i filen är felaktig, så ingenting importerades. Rätta raden och importera filen igen.".into()
        }
        ImportProblem::BadRows { count } => format!(
            "{count} rader i filen är felaktiga, så ingenting importerades. Rätta raderna och importera filen igen."
        ),
        ImportProblem::Row(row) => row_sv(row),
    }
}

fn row_en(BadRow { line, problem }: &BadRow) -> String {
    let why = match problem {
        RowProblem::InvalidCode(code) if code.is_empty() => "the kommunkod is missing.".to_owned(),
        RowProblem::InvalidCode(code) => {
            format!("“{code}” is not a kommunkod. A kommunkod has four digits, for example 0880.")
        }
        RowProblem::UnknownKommun(code) => format!("{code} is not the code of any of Sweden's 290 kommuner."),
        RowProblem::NotANumber(text) if text.is_empty() => "the population is missing.".to_owned(),
        RowProblem::NotANumber(text) => {
            format!("the population “{text}” is not a whole number. Write digits, with or without spaces.")
        }
        RowProblem::Negative(n) => format!("the population cannot be negative ({n})."),
        RowProblem::Zero => "the population cannot be zero.".to_owned(),
        RowProblem::Duplicate { code, first_line } => format!("kommun {code} is already on line {first_line}."),
        RowProblem::ColumnCount { expected, found } => {
            format!("the line has {found} columns, but the header has {expected}.")
        }
    };
    format!("Line {line}: {why}")
}

fn problem_en(problem: &ImportProblem) -> String {
    match problem {
        ImportProblem::YearInvalid => "Write the year the figures refer to with four digits, for example 2023.".into(),
        ImportProblem::SourceMissing => "Write where the figures come from, for example SCB.".into(),
        ImportProblem::SourceTooLong { max } => format!("Write the source in at most {max} characters."),
        ImportProblem::NoFile => "Choose a CSV file with the population. The file you chose is empty.".into(),
        ImportProblem::TooLarge => {
            "The file is larger than 1 MB. Choose a CSV file with just code and population.".into()
        }
        ImportProblem::NoColumns => "The header does not show which column has the kommunkod and which the \
                                     population. Name them, for example, “Kommunkod” and “Folkmängd”."
            .into(),
        ImportProblem::YearNotInFile { year } => {
            format!("The file has years as columns, but not {year}. Check the year or the file.")
        }
        ImportProblem::NoRows => "The file has a header but no lines with kommuner.".into(),
        ImportProblem::BadRows { count: 1 } => {
            "One line of the file is wrong, so nothing was imported. Correct it and import the file again.".into()
        }
        ImportProblem::BadRows { count } => format!(
            "{count} lines of the file are wrong, so nothing was imported. Correct them and import the file again."
        ),
        ImportProblem::Row(row) => row_en(row),
    }
}

pub const SV: ContextTexts = ContextTexts {
    problem: problem_sv,
    number: swedish::number,
    nav: "Kommuner",
    title: "Kommuner och folkmängd",
    intro: "Juryn ser kommunens län och folkmängd bredvid ansökan, för att kunna bedöma resultaten mot kommunens \
            egna förutsättningar. Folkmängden importeras från en CSV-fil, till exempel från SCB:s \
            Statistikdatabasen eller Kolada.",
    latest: |at, name, n| format!("Senaste import: {at}, av {name}, för {n} kommuner."),
    none_imported: "Ingen folkmängd är importerad ännu.",
    import_heading: "Importera folkmängd",
    format_heading: "Så ska filen se ut",
    format_rules: [
        "En rubrikrad, sedan en rad per kommun. Kolumnerna skiljs åt med semikolon, tabb eller komma, som när \
         Excel sparar en CSV-fil.",
        "Kommunkoden med fyra siffror (0880) eller som SCB skriver den (0880 Kalmar). Om Excel har tagit bort \
         nollan först (880) läggs den tillbaka.",
        "Folkmängden som heltal, gärna med mellanslag mellan tusental (71 930).",
        "Kolumnerna hittas på rubrikerna, till exempel ”Kommunkod” eller ”Region” och ”Folkmängd”, ”Värde” eller \
         året. Har filen bara två kolumner läses de som kommunkod och folkmängd.",
        "Rader för hela riket och för län hoppas över.",
    ],
    all_or_nothing: "Om någon rad är felaktig importeras ingenting. Du får en lista över raderna som behöver rättas, \
                     och importerar sedan filen igen. Kommuner som inte finns i filen behåller sina siffror.",
    year: "År som siffrorna gäller",
    year_hint: "Till exempel 2023 för folkmängden den 31 december 2023.",
    source: "Källa",
    source_hint: "Visas för juryn, till exempel: SCB, folkmängd 31 december 2023.",
    file: "CSV-fil",
    file_hint: "Högst 1 MB.",
    import_button: "Importera folkmängden",
    table_heading: "Kommunerna",
    caption: "Sveriges kommuner med län och folkmängd",
    code: "Kod",
    kommun: "Kommun",
    lan: "Län",
    population: "Folkmängd",
    year_column: "År",
    source_column: "Källa",
    missing: "Saknas",

    context_heading: "Om kommunen",
    population_value: |n, year| format!("{n} invånare ({year})"),
    population_source: |source| format!("Källa: {source}"),
    population_missing: "Inte importerad",
    earlier_heading: "Tidigare ansökningar",
    earlier_none: "Kommunen har inte skickat in någon ansökan i en tidigare omgång.",
    changes_link: |year| format!("Vad har ändrats sedan {year}"),
    back_to_application: "Tillbaka till årets ansökan",
    earlier_notice: |year, now| {
        format!("Det här är kommunens ansökan från {year}, som den skickades in. Ansökan som bedöms nu är från {now}.")
    },
    earlier_title: |kommun, year| format!("{kommun}, ansökan {year}"),
    changes_title: |kommun, year| format!("{kommun}: vad har ändrats sedan {year}"),
    changes_intro: |year, earlier| {
        format!("Årets ansökan ({year}) jämförd med den som skickades in {earlier}, avsnitt för avsnitt, ord för ord.")
    },
    legend: "Så visas ändringarna:",
    legend_added: "tillagd text är understruken",
    legend_removed: "borttagen text är överstruken",
    read_earlier: |year| format!("Läs hela ansökan från {year}"),
    section_count: |added, removed| format!("{added} ord tillagda, {removed} ord borttagna."),
    unchanged: |year| format!("Oförändrat sedan {year}."),
    nothing_written: "Inget skrivet något av åren.",
    added_start: "[tillagt:] ",
    removed_start: "[borttaget:] ",
    change_end: " [slut]",
};

pub const EN: ContextTexts = ContextTexts {
    problem: problem_en,
    number: english::number,
    nav: "Kommuner",
    title: "Kommuner and population",
    intro: "The jury sees the kommun's län and population beside the application, to judge the results against \
            the kommun's own circumstances. The population is imported from a CSV file, for example from SCB's \
            Statistikdatabasen or Kolada.",
    latest: |at, name, n| format!("Latest import: {at}, by {name}, for {n} kommuner."),
    none_imported: "No population has been imported yet.",
    import_heading: "Import the population",
    format_heading: "What the file should look like",
    format_rules: [
        "A header line, then one line per kommun. Columns are separated by semicolons, tabs or commas, as when \
         Excel saves a CSV file.",
        "The kommunkod with four digits (0880) or as SCB writes it (0880 Kalmar). If Excel has dropped the \
         leading zero (880), it is put back.",
        "The population as a whole number, spaces between thousands are fine (71 930).",
        "The columns are found by their headings, for example “Kommunkod” or “Region” and “Folkmängd”, “Värde” or \
         the year. A file of just two columns is read as kommunkod and population.",
        "Lines for the whole country and for län are skipped.",
    ],
    all_or_nothing: "If any line is wrong, nothing is imported. You get a list of the lines to correct, and then \
                     import the file again. Kommuner missing from the file keep their figures.",
    year: "Year the figures refer to",
    year_hint: "For example 2023 for the population on 31 December 2023.",
    source: "Source",
    source_hint: "Shown to the jury, for example: SCB, population 31 December 2023.",
    file: "CSV file",
    file_hint: "At most 1 MB.",
    import_button: "Import the population",
    table_heading: "The kommuner",
    caption: "Sweden's kommuner with län and population",
    code: "Code",
    kommun: "Kommun",
    lan: "Län",
    population: "Population",
    year_column: "Year",
    source_column: "Source",
    missing: "Missing",

    context_heading: "About the kommun",
    population_value: |n, year| format!("{n} inhabitants ({year})"),
    population_source: |source| format!("Source: {source}"),
    population_missing: "Not imported",
    earlier_heading: "Earlier applications",
    earlier_none: "The kommun has not submitted an application in an earlier round.",
    changes_link: |year| format!("What has changed since {year}"),
    back_to_application: "Back to this year's application",
    earlier_notice: |year, now| {
        format!(
            "This is the kommun's application from {year}, as submitted. The application under review is from {now}."
        )
    },
    earlier_title: |kommun, year| format!("{kommun}, application {year}"),
    changes_title: |kommun, year| format!("{kommun}: what has changed since {year}"),
    changes_intro: |year, earlier| {
        format!(
            "This year's application ({year}) compared with the one submitted in {earlier}, section by section, word by word."
        )
    },
    legend: "How the changes are shown:",
    legend_added: "added text is underlined",
    legend_removed: "removed text is struck through",
    read_earlier: |year| format!("Read the whole application from {year}"),
    section_count: |added, removed| format!("{added} words added, {removed} words removed."),
    unchanged: |year| format!("Unchanged since {year}."),
    nothing_written: "Nothing written in either year.",
    added_start: "[added:] ",
    removed_start: "[removed:] ",
    change_end: " [end]",
};
