//! Reference and demo data written at start when missing: the län and the 290
//! kommuner (SCB), the six awards of the family with their past winners, and
//! the Sveriges eHälsokommun 2027 round. Existing rows are left alone, so
//! organisers' edits survive restarts.

use super::{Db, awards, rounds, winners};
use crate::domain::{
    award::{Award, Entries, Kind, Process},
    deadline::Deadline,
    lifecycle::RoundState,
    round::{Criterion, DEFAULT_SECTION_LIMIT, JuryMember, Round, Section},
    winner::PastWinner,
};
use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use sqlx::AnyConnection;

pub const EHALSOKOMMUN: &str = "ehalsokommun";

const LAN_CSV: &str = include_str!("../../../seed/lan.csv");
pub(crate) const KOMMUNER_CSV: &str = include_str!("../../../seed/kommuner.csv");
const WINNERS_CSV: &str = include_str!("../../../seed/ehalsokommun_vinnare.csv");
const AWARDS_CSV: &str = include_str!("../../../seed/utmarkelser.csv");
const FAMILY_WINNERS_CSV: &str = include_str!("../../../seed/utmarkelser_vinnare.csv");

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
    for (position, award) in (1i64..).zip(family()?) {
        awards::insert_missing(&mut tx, &award, position).await?;
    }
    let round = ehalsokommun_2027();
    if !rounds::exists(&mut tx, &round.id).await? {
        rounds::insert(&mut tx, &round).await?;
    }
    super::reviews::create_if_missing(&mut tx, &round.id, &crate::domain::review::default_settings(&round)).await?;
    for (award, winner, sources) in past_winners()? {
        winners::insert_missing(&mut tx, &award, &winner, &sources).await?;
    }
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

/// What the awards file (`utmarkelser.csv`) says in free text, as the portal
/// needs it: who may take part, one application or many entries, how a round
/// begins, the first year, and the purpose in the organiser's words (from the
/// seeds' texts). Every award in the file has a line here.
struct Rules {
    kinds: &'static [Kind],
    /// Where the file's `;`-list cannot say it: a criterion with a comma of its own.
    criteria: Option<&'static [&'static str]>,
    entries: Entries,
    process: Process,
    first_year: Option<i32>,
    purpose: &'static str,
}

fn rules(slug: &str) -> Option<Rules> {
    use Kind::*;
    let kommun_award = |process, first_year, purpose| Rules {
        kinds: &[Kommun],
        criteria: None,
        entries: Entries::One,
        process,
        first_year,
        purpose,
    };
    Some(match slug {
        EHALSOKOMMUN => kommun_award(
            Process::Application,
            Some(2017),
            "Utmärkelsen Sveriges eHälsokommun har tagits fram av Vitalis i samarbete med SKR, FSS – Föreningen \
             Sveriges Socialchefer, Funktionsrätt Sverige, Vårdförbundet samt Myndigheten för delaktighet.",
        ),
        "kvalitetskommun" => kommun_award(
            Process::Nomination,
            Some(2003),
            "Till Sveriges KvalitetsKommun utses den kommun som har lyckats bäst med att utveckla demokrati, \
             verksamheter, arbetsmiljö och samhällsbyggande. I ett första steg ingår alla Sveriges kommuner, där en \
             uppsättning nyckeltal utgör basen för att nominera ett antal kommuner för vidare utvärdering. I steg två \
             får de kommuner som accepterar nomineringen beskriva sitt arbete.",
        ),
        "digitaliseringskommun" => Rules {
            // One criterion, as seeds/000 gives it: the file's list splits it at its comma.
            criteria: Some(&[
                "Att använda digitaliseringens möjligheter för att utveckla verksamheterna, demokratin och kommunen \
                 som helhet",
            ]),
            ..kommun_award(
                Process::Nomination,
                None,
                "Syftet med Sveriges DigitaliseringsKommun är att stimulera den fortsatta moderniseringen och \
                 förbättringen i kommunerna.",
            )
        },
        "gotapriset" => Rules {
            kinds: &[Kommun, Region, Myndighet, Annan],
            criteria: None,
            entries: Entries::Many,
            process: Process::Application,
            first_year: None,
            purpose: "GötaPriset är den äldsta av Kvalitetsmässans utmärkelser och är öppet för alla typer av \
                      verksamheter. Det kan vara offentliga, privata eller idéburna utförare. Det kan vara stora och \
                      övergripande utvecklingsprojekt eller vardagsförbättringar. Alla är lika välkomna. Det viktiga \
                      är resultatet. En bättre verksamhet för de pengar vi satsar gemensamt på välfärd och ett väl \
                      fungerande samhälle.",
        },
        "sveapriset" => Rules {
            kinds: &[Kommun, Region, Annan],
            criteria: None,
            entries: Entries::Many,
            process: Process::Application,
            first_year: Some(2007),
            purpose: "SveaPriset instiftades av Kvalitetsmässan 2007 för att stimulera IT-innovationer i vård och \
                      omsorg. Syftet är att främja en utveckling i linje med strategin för nationell eHälsa.",
        },
        "modernaste-myndighet" => Rules {
            kinds: &[Myndighet],
            // As seeds/002 gives them, with the comma the file's list cannot hold.
            criteria: Some(&[
                "Kvalitet, enkelhet och effektivitet",
                "Engagerade och kompetenta chefer och medarbetare",
                "Förnyelse och innovation",
                "Hållbar miljö- och klimatmedveten utveckling",
            ]),
            ..kommun_award(
                Process::Nomination,
                None,
                "Syftet är att ytterligare stärka utvecklingsandan och förbättringsivern. Utmärkelsen är ett \
                 instrument för att uppmärksamma och driva på utvecklingen i linje med målen för den statliga \
                 förvaltningspolitiken.",
            )
        },
        _ => return None,
    })
}

fn row_problem(file: &'static str, row: usize, problem: impl Into<String>) -> SeedError {
    SeedError::Row { file, row, problem: problem.into() }
}

/// A `;`-separated list of the awards file, trimmed, the first letter of each capitalised.
fn listed(text: &str) -> Vec<String> {
    text.split(';')
        .map(str::trim)
        .filter(|item| !item.is_empty())
        .map(|item| {
            let mut chars = item.chars();
            chars.next().map(|first| first.to_uppercase().chain(chars).collect()).unwrap_or_default()
        })
        .collect()
}

/// The six awards, in the order of the file.
pub fn family() -> Result<Vec<Award>, SeedError> {
    const FILE: &str = "utmarkelser.csv";
    // Columns: slug, namn, arrangor, partner, vem_kan_delta, process, intervall, underlag, kalla
    records(FILE, AWARDS_CSV)?
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let slug = &r[0];
            if !crate::domain::award::is_slug(slug) {
                return Err(row_problem(FILE, i + 2, format!("{slug:?} is no address")));
            }
            let rules = rules(slug).ok_or_else(|| row_problem(FILE, i + 2, format!("no rules for {slug:?}")))?;
            let cadence_years = match &r[6] {
                "årligen" => 1,
                every_second if every_second.starts_with("vartannat år") => 2,
                other => return Err(row_problem(FILE, i + 2, format!("cadence {other:?}"))),
            };
            Ok(Award {
                id: slug.to_owned(),
                name: r[1].to_owned(),
                organiser: r[2].to_owned(),
                description: rules.purpose.to_owned(),
                cadence_years,
                entries: rules.entries,
                process: rules.process,
                first_year: rules.first_year,
                kinds: rules.kinds.to_vec(),
                partners: listed(&r[3]),
                criteria: match rules.criteria {
                    Some(own) => own.iter().map(|c| (*c).to_owned()).collect(),
                    None => listed(&r[7]),
                },
            })
        })
        .collect()
}

/// The kommuner among the family's winners (the file names them, not their codes):
/// the kommun itself, or the kommun a winning unit belongs to.
const KOMMUN_WINNERS: &[(&str, &str)] = &[
    ("Botkyrka kommun", "0127"),
    ("Umeå kommun", "2480"),
    ("Lomma kommun", "1262"),
    ("Stockholms stad", "0180"),
    ("Kungsbacka kommun", "1384"),
    ("Örebro kommun", "1880"),
    ("Kävlinge kommun", "1261"),
    ("Helsingborgs stad", "1283"),
    ("Sollentuna kommun", "0163"),
    ("Nacka kommun", "0182"),
    ("Höganäs kommun", "1284"),
    ("Sundsvalls kommun", "2281"),
    ("Åre kommun", "2321"),
    ("Socialförvaltningen i Trelleborgs kommun", "1287"),
];

/// Every past winner of the seed files, with its award and sources.
pub fn past_winners() -> Result<Vec<(String, PastWinner, String)>, SeedError> {
    let year = |file: &'static str, row: usize, text: &str| {
        text.parse::<i32>().map_err(|_| row_problem(file, row, format!("year {text:?} is not a number")))
    };
    let mut all = Vec::new();
    const OWN: &str = "ehalsokommun_vinnare.csv";
    // Columns: ar, vinnare, kommunkod, finalister (;-separated), utdelning, kalla
    for (i, r) in records(OWN, WINNERS_CSV)?.iter().enumerate() {
        let winner = PastWinner {
            year: year(OWN, i + 2, &r[0])?,
            winner: r[1].to_owned(),
            entry_title: String::new(),
            kommunkod: Some(r[2].to_owned()),
            entries: None,
            finalists: listed(&r[3]),
            ceremony: r[4].to_owned(),
        };
        all.push((EHALSOKOMMUN.to_owned(), winner, r[5].to_owned()));
    }
    const FAMILY: &str = "utmarkelser_vinnare.csv";
    let slugs: Vec<String> = family()?.into_iter().map(|a| a.id).collect();
    // Columns: utmarkelse, ar, vinnare ("Organisation: entry"), organisation_typ, bidrag, nominerade, motivering_finns_i, kalla
    for (i, r) in records(FAMILY, FAMILY_WINNERS_CSV)?.iter().enumerate() {
        let row = i + 2;
        if !slugs.iter().any(|slug| *slug == r[0]) {
            return Err(row_problem(FAMILY, row, format!("unknown award {:?}", &r[0])));
        }
        let (winner, entry_title) = r[2].split_once(": ").unwrap_or((&r[2], ""));
        let kommunkod = KOMMUN_WINNERS.iter().find(|(name, _)| *name == winner).map(|(_, kod)| (*kod).to_owned());
        if r[3].starts_with("kommun") && kommunkod.is_none() {
            return Err(row_problem(FAMILY, row, format!("no kommunkod for {winner:?}")));
        }
        let entries = match &r[4] {
            "" => None,
            n => Some(n.parse::<u32>().map_err(|_| row_problem(FAMILY, row, format!("entries {n:?}")))?),
        };
        // A list of names, or a count ("sex kommuner"), which names no finalist.
        let finalists = listed(&r[5]);
        let winner = PastWinner {
            year: year(FAMILY, row, &r[1])?,
            winner: winner.to_owned(),
            entry_title: entry_title.to_owned(),
            kommunkod,
            entries,
            finalists: if finalists.len() > 1 { finalists } else { Vec::new() },
            ceremony: String::new(),
        };
        all.push((r[0].to_owned(), winner, r[7].to_owned()));
    }
    Ok(all)
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
        theme: String::new(),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_seed_files_give_six_awards_and_23_winners_each_kommun_among_them_by_its_code() {
        let awards = family().unwrap();
        let slugs: Vec<&str> = awards.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(
            slugs,
            [
                "ehalsokommun",
                "kvalitetskommun",
                "digitaliseringskommun",
                "gotapriset",
                "sveapriset",
                "modernaste-myndighet"
            ]
        );
        assert!(awards.iter().all(|a| !a.kinds.is_empty() && !a.criteria.is_empty()));
        let winners = past_winners().unwrap();
        assert_eq!(winners.len(), 23);
        let kommuner = records("kommuner.csv", KOMMUNER_CSV).unwrap();
        let name_of = |kod: &str| kommuner.iter().find(|r| &r[0] == kod).map(|r| r[1].to_owned());
        for (winner, kod) in KOMMUN_WINNERS {
            let name = name_of(kod).unwrap_or_else(|| panic!("{kod} is no kommun"));
            assert!(winner.contains(&name), "{winner} is not in {name} ({kod})");
        }
        assert!(winners.iter().all(|(_, w, _)| w.kommunkod.as_deref().is_none_or(|kod| name_of(kod).is_some())));
        let not_kommuner: Vec<&str> =
            winners.iter().filter(|(_, w, _)| w.kommunkod.is_none()).map(|(_, w, _)| w.winner.as_str()).collect();
        assert_eq!(not_kommuner, ["Ortopedkliniken i Oskarshamn (Region Kalmar län)", "Boneprox", "Elsäkerhetsverket"]);
    }

    #[test]
    fn a_list_of_the_awards_file_is_trimmed_and_capitalised() {
        assert_eq!(listed(" ledarskap och medarbetarskap;; ändring "), ["Ledarskap och medarbetarskap", "Ändring"]);
        assert!(listed("").is_empty());
    }
}
