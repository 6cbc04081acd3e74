//! Reference and demo data written at start when missing: the län and the 290
//! kommuner (SCB), the Sveriges eHälsokommun award, its 2027 round and its past
//! winners. Existing rows are left alone, so organisers' edits survive restarts.

use super::{Db, rounds};
use crate::domain::{
    deadline::Deadline,
    lifecycle::RoundState,
    round::{Criterion, DEFAULT_SECTION_LIMIT, JuryMember, Round, Section},
};
use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use sqlx::AnyConnection;

pub const EHALSOKOMMUN: &str = "ehalsokommun";

const LAN_CSV: &str = include_str!("../../../seed/lan.csv");
pub(crate) const KOMMUNER_CSV: &str = include_str!("../../../seed/kommuner.csv");
const WINNERS_CSV: &str = include_str!("../../../seed/ehalsokommun_vinnare.csv");

#[derive(Debug, thiserror::Error)]
pub enum SeedError {
    #[error("seed file {file}: {source}")]
    Csv { file: &'static str, source: csv::Error },
    #[error("seed file {file}, row {row}: {problem}")]
    Row { file: &'static str, row: usize, problem: String },
    #[error(transparent)]
    Database(#[from] sqlx::Error),
}

pub async fn run(db: &Db) -> Result<(), SeedError> {
    let mut tx = db.begin_write().await?;
    seed_lan(&mut tx).await?;
    seed_kommuner(&mut tx).await?;
    seed_award(&mut tx).await?;
    let round = ehalsokommun_2027();
    if !rounds::exists(&mut tx, &round.id).await? {
        rounds::insert(&mut tx, &round).await?;
    }
    super::reviews::create_if_missing(&mut tx, &round.id, &crate::domain::review::default_settings(&round)).await?;
    seed_winners(&mut tx).await?;
    super::accessibility::save(&mut tx, &first_accessibility_statement(), None, true).await?;
    tx.commit().await?;
    Ok(())
}

/// The statement the organisers start from and keep up to date: what the
/// portal's own tests establish, and the known gap.
fn first_accessibility_statement() -> crate::domain::accessibility::Statement {
    use crate::domain::accessibility::{Compliance, Statement};
    Statement {
        organisation: "Vitalis".to_owned(),
        compliance: Compliance::Partial,
        known_issues: vec![
            "Kommunernas ansökningstexter visas som de skrevs, stycke för stycke. Rubriker och listor som skrivits i texterna märks inte upp som rubriker och listor."
                .to_owned(),
        ],
        alternatives: "Om du inte kan använda någon del av webbplatsen kan du mejla oss, så får du innehållet på annat sätt eller hjälp att skicka in er ansökan.".to_owned(),
        contact_email: "tillganglighet@vitalis.se".to_owned(),
        tested: "Varje sida granskas automatiskt i en riktig webbläsare innan en ny version publiceras, med tre verktyg: axe och HTML_CodeSniffer (WCAG 2.1 nivå A och AA) och W3C:s Nu-validator för HTML. Ansökan, juryns bedömning och arrangörens sidor provas också med enbart tangentbord, med förstoring till 200 procent och i 320 pixlars bredd, och varje formulär fungerar utan JavaScript.".to_owned(),
        published_on: NaiveDate::from_ymd_opt(2026, 11, 24).expect("a date"),
        reviewed_on: NaiveDate::from_ymd_opt(2026, 11, 24).expect("a date"),
    }
}

fn records(file: &'static str, text: &'static str) -> Result<Vec<csv::StringRecord>, SeedError> {
    csv::Reader::from_reader(text.as_bytes())
        .records()
        .collect::<Result<_, _>>()
        .map_err(|source| SeedError::Csv { file, source })
}

async fn seed_lan(conn: &mut AnyConnection) -> Result<(), SeedError> {
    for r in records("lan.csv", LAN_CSV)? {
        sqlx::query("INSERT INTO lan (kod, namn) VALUES ($1, $2) ON CONFLICT (kod) DO NOTHING")
            .bind(&r[0])
            .bind(&r[1])
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

async fn seed_kommuner(conn: &mut AnyConnection) -> Result<(), SeedError> {
    for (i, r) in records("kommuner.csv", KOMMUNER_CSV)?.iter().enumerate() {
        crate::domain::kommun::Kommunkod::parse(&r[0]).map_err(|e| SeedError::Row {
            file: "kommuner.csv",
            row: i + 2,
            problem: e.to_string(),
        })?;
        sqlx::query("INSERT INTO kommuner (kod, namn, lan_kod) VALUES ($1, $2, $3) ON CONFLICT (kod) DO NOTHING")
            .bind(&r[0])
            .bind(&r[1])
            .bind(&r[2])
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

async fn seed_award(conn: &mut AnyConnection) -> Result<(), SeedError> {
    sqlx::query(
        "INSERT INTO awards (id, name, organiser, description) VALUES ($1, $2, $3, $4) ON CONFLICT (id) DO NOTHING",
    )
    .bind(EHALSOKOMMUN)
    .bind("Sveriges eHälsokommun")
    .bind("Vitalis")
    .bind(
        "Utmärkelsen Sveriges eHälsokommun har tagits fram av Vitalis i samarbete med SKR, FSS – Föreningen \
         Sveriges Socialchefer, Funktionsrätt Sverige, Vårdförbundet samt Myndigheten för delaktighet.",
    )
    .execute(&mut *conn)
    .await?;
    Ok(())
}

async fn seed_winners(conn: &mut AnyConnection) -> Result<(), SeedError> {
    // Columns: ar, vinnare, kommunkod, finalister (;-separated), utdelning, kalla
    for (i, r) in records("ehalsokommun_vinnare.csv", WINNERS_CSV)?.iter().enumerate() {
        let year: i64 = r[0].parse().map_err(|_| SeedError::Row {
            file: "ehalsokommun_vinnare.csv",
            row: i + 2,
            problem: format!("year {:?} is not a number", &r[0]),
        })?;
        let inserted = sqlx::query(
            "INSERT INTO past_winners (award_id, year, winner, kommun_kod, ceremony, sources) \
             VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (award_id, year) DO NOTHING",
        )
        .bind(EHALSOKOMMUN)
        .bind(year)
        .bind(&r[1])
        .bind(&r[2])
        .bind(&r[4])
        .bind(&r[5])
        .execute(&mut *conn)
        .await?
        .rows_affected();
        if inserted == 0 {
            continue;
        }
        let finalists = r[3].split(';').map(str::trim).filter(|f| !f.is_empty());
        for (position, name) in (0i64..).zip(finalists) {
            sqlx::query("INSERT INTO past_finalists (award_id, year, position, name) VALUES ($1, $2, $3, $4)")
                .bind(EHALSOKOMMUN)
                .bind(year)
                .bind(position)
                .bind(name)
                .execute(&mut *conn)
                .await?;
        }
    }
    Ok(())
}

/// The award's round a year before `current`, announced at its ceremony: what
/// the demo's kommun applied to last year. Added once; answers the round.
pub async fn year_before(conn: &mut AnyConnection, current: &Round) -> Result<Round, sqlx::Error> {
    let year = chrono::Duration::days(365);
    let round = Round {
        id: format!("{}-{}", current.award_id, current.year - 1),
        year: current.year - 1,
        title: current.title.replace(&current.year.to_string(), &(current.year - 1).to_string()),
        opens_at: current.opens_at - year,
        deadline: Deadline::from_utc(current.deadline.last_minute_utc() - year),
        ceremony_at: current.ceremony_at - year,
        state: RoundState::Announced,
        published_at: Some(current.ceremony_at - year),
        ..current.clone()
    };
    if !rounds::exists(&mut *conn, &round.id).await? {
        rounds::insert(&mut *conn, &round).await?;
        rounds::set_published(&mut *conn, &round.id, round.ceremony_at).await?;
    }
    Ok(round)
}

fn stockholm(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
    Deadline::in_stockholm(
        NaiveDate::from_ymd_opt(y, m, d).expect("valid seed date"),
        NaiveTime::from_hms_opt(h, min, 0).expect("valid seed time"),
    )
    .expect("seed times avoid the daylight-saving switch")
    .last_minute_utc()
}

fn section(slug: &str, title: &str, guidance: &str) -> Section {
    Section { slug: slug.into(), title: title.into(), guidance: guidance.into(), max_chars: DEFAULT_SECTION_LIMIT }
}

fn criterion(slug: &str, title: &str, description: &str) -> Criterion {
    Criterion { slug: slug.into(), title: title.into(), description: description.into() }
}

fn juror(name: &str, title: &str) -> JuryMember {
    JuryMember { name: name.into(), title: title.into() }
}

/// The 2027 call, built on the text of the 2024 call (shared/seeds/004).
pub fn ehalsokommun_2027() -> Round {
    Round {
        id: "ehalsokommun-2027".into(),
        award_id: EHALSOKOMMUN.into(),
        year: 2027,
        title: "Sveriges eHälsokommun 2027".into(),
        state: RoundState::Open,
        intro: "Sveriges eHälsokommun vill uppmärksamma kommuner som använder digitaliseringens möjligheter för att \
                uppnå en god och jämlik hälsa och stärka invånarnas självständighet och delaktighet i samhället. Vi är \
                säkra på att det finns många goda initiativ och exempel på utveckling som sker ute i landet. Välkommen \
                att skicka in en ansökan och visa hur just din kommun arbetar och vilka resultat ni uppnått!"
            .into(),
        criteria_text: "Vid bedömningen läggs särskild vikt vid arbete som främjar inflytande och delaktighet för den \
                        enskilda medborgaren, men även vid insatser kring förändrade arbetssätt och stärkt arbetsmiljö. \
                        Juryn vill premiera kommuner som tagit stora utvecklingssteg eller gjort andra särskilt \
                        berömvärda insatser under året och tittar också på de resultat som uppnåtts med hänsyn till \
                        kommunens förutsättningar."
            .into(),
        eligibility: "Alla kommuner är välkomna att anmäla sig. Det gäller liten som stor, glesbygd och tätort, norr \
                      och söder. Alla som använder digitaliseringens möjligheter som en viktig kraft för att utveckla \
                      omsorgsverksamheterna är välkomna att tävla om utmärkelsen. Det är enkelt att delta och det ger \
                      mycket tillbaka för det fortsatta utvecklingsarbetet i kommunen."
            .into(),
        opens_at: stockholm(2026, 11, 2, 8, 0),
        deadline: Deadline::from_utc(stockholm(2027, 4, 15, 23, 59)),
        ceremony_at: stockholm(2027, 5, 12, 18, 0),
        ceremony_place: "Vitalis, Svenska Mässan i Göteborg".into(),
        contact: "Maria Sterner, affärsansvarig Vitalis".into(),
        sections: vec![
            section(
                "ledning",
                "Ledning",
                "Hur politik och ledning prioriterar, styr och följer upp digitaliseringen av vård och omsorg.",
            ),
            section(
                "infrastruktur",
                "Infrastruktur",
                "Den tekniska grunden: system, välfärdsteknik, uppkoppling och informationssäkerhet, och hur den delas med andra.",
            ),
            section(
                "kompetens",
                "Kompetens",
                "Hur medarbetare och chefer får kunskap, tid och stöd att arbeta på nya, digitala sätt.",
            ),
            section(
                "anvandning",
                "Användning",
                "Hur invånare och medarbetare faktiskt använder lösningarna, och vilken nytta de ger den enskilde.",
            ),
        ],
        criteria: vec![
            criterion(
                "inflytande",
                "Inflytande och delaktighet",
                "Arbete som främjar inflytande och delaktighet för den enskilda medborgaren. Väger särskilt tungt.",
            ),
            criterion(
                "arbetssatt",
                "Förändrade arbetssätt och stärkt arbetsmiljö",
                "Insatser som ändrat hur verksamheten arbetar och som stärkt medarbetarnas arbetsmiljö.",
            ),
            criterion(
                "utvecklingssteg",
                "Utvecklingssteg under året",
                "Stora utvecklingssteg eller andra särskilt berömvärda insatser under året.",
            ),
            criterion(
                "resultat",
                "Resultat i förhållande till förutsättningar",
                "De resultat som uppnåtts, bedömda med hänsyn till kommunens egna förutsättningar.",
            ),
        ],
        jury: vec![
            juror("Patrik Sundström", "vd, Inera"),
            juror("Malin Aldén", "generaldirektör, Myndigheten för delaktighet"),
            juror("Jonas Vallgårda", "utredare, Vårdförbundet"),
            juror("Lenita Granlund", "styrelseledamot, Föreningen Sveriges Socialchefer"),
            juror("Lise Lidbäck", "förbundsordförande, Neuro – Neuroförbundet"),
            juror("Maria Sterner", "affärsansvarig, Vitalis"),
        ],
        published_at: None,
        partners: [
            "Vitalis",
            "SKR – Sveriges Kommuner och Regioner",
            "FSS – Föreningen Sveriges Socialchefer",
            "Funktionsrätt Sverige",
            "Vårdförbundet",
            "Myndigheten för delaktighet",
        ]
        .map(String::from)
        .to_vec(),
    }
}
