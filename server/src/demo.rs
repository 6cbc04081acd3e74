//! `portal seed-demo`: accounts for every role, a begun draft for Kalmar,
//! three submitted applications that a second juror has already reviewed, the
//! demo kommuner's population, and Mörbylånga's application to last year's
//! round (the jury's history and change view), so that each page has something
//! to show. Everything is added once: a demo
//! account that exists is kept as it is, with whatever was done with it.

use super::{StartError, insert_confirmed};
use app::{
    config::Settings,
    domain::{
        account::{AccountError, Email, PersonName, Role},
        application::{
            CONTACT_EMAIL, CONTACT_NAME, CONTACT_PARTS, CONTACT_PHONE, CONTACT_TITLE, SUMMARY, Status, reference,
        },
        kommun::Kommunkod,
        lifecycle::{RoundState, StepFacts, may_step},
        population::Population,
        review::{Recommendation, Scores},
        round::Round,
    },
    state::Clock,
    storage::{
        self, Db,
        applications::Writer,
        audit::{self, Actor},
        population::Import,
        reviews::ReviewInput,
        submissions::NewSubmission,
        users::InsertUserError,
    },
};
use server::startup;

/// The password of every demo account (README: "Try it").
const DEMO_PASSWORD: &str = "demo vid Kalmarsund 2027";

/// A demo kommun's application: its applicant, its text per part, and how the
/// second demo juror scored it (one score for every criterion) and why; and
/// the text it submitted to last year's round, if any (the contact parts as this year).
struct DemoApplication {
    kommun: &'static str,
    applicant: (&'static str, &'static str),
    parts: [(&'static str, &'static str); 9],
    score: i64,
    recommendation: Recommendation,
    comment: &'static str,
    last_year: Option<[(&'static str, &'static str); 5]>,
}

/// Mörbylånga's application a year earlier: smaller steps, so the change view has something to show.
const MORBYLANGA_LAST_YEAR: [(&str, &str); 5] = [
    (
        "ledning",
        "Socialnämnden har beslutat att ta fram en handlingsplan för välfärdsteknik. Brukarråden ska få vara med \
         och tycka till om den.",
    ),
    (
        "infrastruktur",
        "Alla särskilda boenden har trådlöst nät och digitala trygghetslarm. Vi utreder ett gemensamt larmsystem med \
         Borgholm.",
    ),
    ("kompetens", "Varje arbetsplats har ett digitaliseringsombud. Ombuden träffas en gång i kvartalet."),
    (
        "anvandning",
        "Digital nattillsyn används i 40 hem. Brukarna själva har provat tre produkter, och de anhöriga får ett brev \
         när tillsynen är gjord.",
    ),
    (SUMMARY, "Mörbylånga har lagt grunden för välfärdsteknik tillsammans med brukarråden."),
];

/// The demo kommuner's population: SCB's figures for 31 December 2023, rounded.
const POPULATION: [(&str, i64); 4] = [("0880", 72_000), ("0840", 15_900), ("0883", 36_100), ("0882", 27_100)];
const POPULATION_SOURCE: &str = "SCB, folkmängd 31 december 2023, avrundad (demodata)";

const SUBMITTED: [DemoApplication; 3] = [
    DemoApplication {
        kommun: "0840",
        applicant: ("sokande@morbylanga.demo.example.se", "Maja Sökande"),
        parts: [
            (
                "ledning",
                "Kommunfullmäktige antog 2025 en handlingsplan för välfärdsteknik. Socialnämnden följer upp den varje \
                 kvartal med mått som brukarråden har varit med och valt.",
            ),
            (
                "infrastruktur",
                "Alla särskilda boenden har trådlöst nät och digitala trygghetslarm. Ett gemensamt larmsystem med \
                 Borgholm gör att nattpatrullen ser larm från båda kommunerna.",
            ),
            (
                "kompetens",
                "Varje arbetsplats har ett digitaliseringsombud med fyra timmar i månaden för uppdraget. Ombuden \
                 träffas varannan vecka och delar vad som fungerar.",
            ),
            (
                "anvandning",
                "Digital nattillsyn används i 140 hem. Brukarna själva valde bort två produkter efter att ha provat dem, \
                 och de anhöriga får ett sms när tillsynen är gjord.",
            ),
            (SUMMARY, "Mörbylånga låter brukarna välja sin välfärdsteknik och samarbetar över sundet om larmen."),
            (CONTACT_NAME, "Maja Sökande"),
            (CONTACT_TITLE, "Utvecklingsledare, socialförvaltningen"),
            (CONTACT_EMAIL, "maja.sokande@morbylanga.demo.example.se"),
            (CONTACT_PHONE, "0485-470 00"),
        ],
        score: 4,
        recommendation: Recommendation::Nominate,
        comment: "Brukarnas inflytande är tydligt genom hela ansökan. Samarbetet över kommungränsen är ett gott exempel.",
        last_year: Some(MORBYLANGA_LAST_YEAR),
    },
    DemoApplication {
        kommun: "0883",
        applicant: ("sokande@vastervik.demo.example.se", "Viktor Sökande"),
        parts: [
            (
                "ledning",
                "Digitaliseringen styrs av en strategi från 2023. Ansvaret ligger hos förvaltningschefen, men \
                 uppföljningen har hittills varit ojämn.",
            ),
            (
                "infrastruktur",
                "Ett nytt verksamhetssystem för hemtjänsten infördes i höstas. Mobilt arbetssätt finns i två av fem \
                 hemtjänstområden.",
            ),
            (
                "kompetens",
                "All personal har gått en grundutbildning i informationssäkerhet. En utbildning i välfärdsteknik \
                 planeras till nästa år.",
            ),
            (
                "anvandning",
                "Läkemedelsrobotar används av 35 brukare. Vi mäter ännu inte hur det påverkar hemtjänstens tid.",
            ),
            (SUMMARY, "Västervik har lagt grunden med nytt system och mobilt arbetssätt och tar nu nästa steg."),
            (CONTACT_NAME, "Viktor Sökande"),
            (CONTACT_TITLE, "Digitaliseringsstrateg"),
            (CONTACT_EMAIL, "viktor.sokande@vastervik.demo.example.se"),
            (CONTACT_PHONE, "0490-25 40 00"),
        ],
        score: 3,
        recommendation: Recommendation::Maybe,
        comment: "En stabil grund, men resultaten är ännu inte mätta.",
        last_year: None,
    },
    DemoApplication {
        kommun: "0882",
        applicant: ("sokande@oskarshamn.demo.example.se", "Olivia Sökande"),
        parts: [
            (
                "ledning",
                "Kommunstyrelsen har gett socialförvaltningen i uppdrag att pröva välfärdsteknik. En styrgrupp med \
                 politiker och fack träffas två gånger om året.",
            ),
            (
                "infrastruktur",
                "Trygghetslarmen är digitala sedan 2022. Övriga system är fristående och byter inte uppgifter med \
                 varandra.",
            ),
            (
                "kompetens",
                "Två medarbetare har gått en högskolekurs i e-hälsa och sprider kunskapen på arbetsplatsträffar.",
            ),
            (
                "anvandning",
                "Ett försök med digitala tillsynsbesök pågick i sex månader med tolv brukare och avslutades när \
                 försöksperioden tog slut.",
            ),
            (SUMMARY, "Oskarshamn har prövat och lärt sig och vill nu göra försöken till ordinarie verksamhet."),
            (CONTACT_NAME, "Olivia Sökande"),
            (CONTACT_TITLE, "Verksamhetsutvecklare"),
            (CONTACT_EMAIL, "olivia.sokande@oskarshamn.demo.example.se"),
            (CONTACT_PHONE, "0491-880 00"),
        ],
        score: 2,
        recommendation: Recommendation::No,
        comment: "Försöken är intressanta men har inte blivit en del av verksamheten än.",
        last_year: None,
    },
];

pub async fn seed_demo(settings: &Settings) -> Result<(), StartError> {
    let db = startup::open_database(settings).await?;
    let round = db.current_round(storage::seed::EHALSOKOMMUN).await?;
    let kalmar = kommunkod("0880")?;
    let demo = [
        ("arrangor@demo.example.se", "Eva Arrangör", Role::Organiser, None),
        ("sokande@kalmar.demo.example.se", "Anna Sökande", Role::Applicant, Some(&kalmar)),
        ("jury@demo.example.se", "Jonas Jurymedlem", Role::Juror, None),
    ];
    for (email, name, role, kommun) in demo {
        let Some(id) = demo_account(&db, email, name, role, kommun).await? else { continue };
        match (&round, role, kommun) {
            (Some(round), Role::Juror, _) => {
                storage::jury::assign(&mut *db.pool().acquire().await?, &round.id, &id).await?
            }
            (Some(round), _, Some(kommun)) => demo_draft(&db, &round.id, kommun.as_str(), (&id, name)).await?,
            _ => {}
        }
    }
    let Some(round) = round else { return Ok(()) };
    // The applications are in when the review opens; a second juror has reviewed
    // them, so the demo juror sees the jury's scores once their own review is done.
    if let Some(juror) = demo_account(&db, "jury2@demo.example.se", "Lena Jurymedlem", Role::Juror, None).await? {
        storage::jury::assign(&mut *db.pool().acquire().await?, &round.id, &juror).await?;
        let mut tx = db.begin_write().await?;
        let last_year = storage::seed::year_before(&mut tx, &round).await?;
        tx.commit().await?;
        for application in &SUBMITTED {
            let kommun = kommunkod(application.kommun)?;
            let (email, name) = application.applicant;
            let Some(applicant) = demo_account(&db, email, name, Role::Applicant, Some(&kommun)).await? else {
                continue;
            };
            let writer = (applicant.as_str(), name);
            let id = demo_submission(&db, &round, application.kommun, &application.parts, writer, Clock::System.now())
                .await?;
            demo_review(&db, &round, &id, &juror, application).await?;
            if let Some(text) = application.last_year {
                let contact = application.parts.iter().filter(|(p, _)| CONTACT_PARTS.contains(p));
                let parts: Vec<(&str, &str)> = text.iter().chain(contact).copied().collect();
                // Two weeks before last year's deadline.
                let at = last_year.deadline.last_minute_utc() - chrono::Duration::days(14);
                demo_submission(&db, &last_year, application.kommun, &parts, writer, at).await?;
            }
        }
        println!(
            "three submitted demo applications (Mörbylånga, Västervik, Oskarshamn), reviewed by jury2@demo.example.se; \
             Mörbylånga also in {}",
            last_year.title
        );
    }
    demo_population(&db).await?;
    start_demo_review(&db, &round, settings.fixed_time.map_or(Clock::System, Clock::Fixed)).await
}

/// On a clock past the deadline (PORTAL_FIXED_TIME, as the README shows) the
/// demo round is taken through "Stäng ansökan" and "Starta bedömningen", by
/// the rules an organiser meets, so the demo jury has work at once.
async fn start_demo_review(db: &Db, round: &Round, clock: Clock) -> Result<(), StartError> {
    let now = clock.now();
    let facts = StepFacts::of_round(round, now);
    let steps = [(RoundState::Open, RoundState::Closed), (RoundState::Closed, RoundState::Review)];
    if round.state != RoundState::Open || steps.iter().any(|(from, to)| may_step(*from, *to, &facts).is_err()) {
        return Ok(());
    }
    let mut tx = db.begin_write().await?;
    for (from, to) in steps {
        storage::rounds::set_state(&mut tx, &round.id, from, to).await?;
    }
    let actor = Actor { user_id: None, name: "Demodata" };
    audit::record(&mut tx, actor, Some(&round.id), "omgang-steg", "Öppen → Bedömning (demodata)", now).await?;
    tx.commit().await?;
    println!("the demo round is in review: the clock is past its deadline");
    Ok(())
}

fn kommunkod(code: &str) -> Result<Kommunkod, StartError> {
    Kommunkod::parse(code).map_err(|e| StartError::Input(e.to_string()))
}

/// The new account's id, or `None` when it exists already.
pub(super) async fn demo_account(
    db: &Db,
    email: &str,
    name: &str,
    role: Role,
    kommun: Option<&Kommunkod>,
) -> Result<Option<String>, StartError> {
    let invalid = |e: AccountError| StartError::Input(e.to_string());
    let (email, name) = (Email::parse(email).map_err(invalid)?, PersonName::parse(name).map_err(invalid)?);
    match insert_confirmed(db, &email, &name, role, kommun, DEMO_PASSWORD).await {
        Ok(id) => {
            println!("demo account {email} ({}), password: {DEMO_PASSWORD}", role.code());
            Ok(Some(id))
        }
        Err(InsertUserError::EmailTaken) => {
            println!("demo account {email} exists, password: {DEMO_PASSWORD}");
            Ok(None)
        }
        Err(InsertUserError::Database(e)) => Err(e.into()),
    }
}

/// A begun application for the demo applicant's kommun, so the editor has a
/// saved text and a history to show.
async fn demo_draft(db: &Db, round_id: &str, kommun: &str, writer: (&str, &str)) -> Result<(), sqlx::Error> {
    let now = Clock::System.now();
    let application = storage::applications::open(&mut *db.conn().await?, round_id, kommun, now).await?;
    let writer = Writer { user_id: writer.0, name: writer.1 };
    let mut tx = db.begin_write().await?;
    storage::applications::lock(&mut tx, &application.id, now).await?;
    for (part, text) in [
        ("sammanfattning", "Kalmar gör välfärdstekniken till en del av vardagen i vård och omsorg."),
        (
            "ledning",
            "Kommunstyrelsen antog 2025 en plan för digitalisering av vård och omsorg med mål som följs upp varje kvartal.",
        ),
    ] {
        storage::applications::save_part(&mut tx, &application.id, part, 0, text, &writer, now).await?;
    }
    tx.commit().await
}

/// The demo population, for kommuner that have none yet (an organiser's import stays).
async fn demo_population(db: &Db) -> Result<(), StartError> {
    let mut rows = Vec::new();
    for (code, population) in POPULATION {
        rows.push(Population { kod: kommunkod(code)?, population });
    }
    let import =
        Import { year: 2023, source: POPULATION_SOURCE, at: Clock::System.now(), user_id: None, user_name: "Demodata" };
    let mut tx = db.begin_write().await?;
    storage::population::add_missing(&mut tx, &rows, import).await?;
    tx.commit().await?;
    Ok(())
}

/// A demo kommun's application to `round`, written and submitted at `at` as its first submission; answers its id.
pub(super) async fn demo_submission(
    db: &Db,
    round: &Round,
    kommun: &str,
    parts: &[(&str, &str)],
    writer: (&str, &str),
    at: chrono::DateTime<chrono::Utc>,
) -> Result<String, sqlx::Error> {
    let application = storage::applications::open(&mut *db.conn().await?, &round.id, kommun, at).await?;
    let (user_id, name) = writer;
    let mut tx = db.begin_write().await?;
    storage::applications::lock(&mut tx, &application.id, at).await?;
    for (part, text) in parts {
        storage::applications::save_part(&mut tx, &application.id, part, 0, text, &Writer { user_id, name }, at)
            .await?;
    }
    let copy: Vec<(String, String)> = parts.iter().map(|(p, t)| ((*p).to_owned(), (*t).to_owned())).collect();
    let submission = NewSubmission {
        application_id: &application.id,
        number: 1,
        reference: &reference(&round.title, round.year, kommun, 1),
        request_key: "demo",
        user_id,
        user_name: name,
        at,
        parts: &copy,
    };
    storage::submissions::insert(&mut tx, &submission).await?;
    storage::applications::set_status(&mut tx, &application.id, Status::Submitted).await?;
    tx.commit().await?;
    Ok(application.id)
}

/// The second demo juror's review of the application, marked done.
async fn demo_review(
    db: &Db,
    round: &Round,
    application_id: &str,
    juror: &str,
    demo: &DemoApplication,
) -> Result<(), sqlx::Error> {
    let now = Clock::System.now();
    let criteria =
        storage::reviews::settings(&mut *db.conn().await?, &round.id).await?.map(|s| s.criteria).unwrap_or_default();
    let scores = Scores {
        scores: criteria.iter().map(|c| (c.slug.clone(), demo.score)).collect(),
        recommendation: Some(demo.recommendation),
    };
    let input = ReviewInput { scores: &scores, private_note: "", jury_comment: demo.comment };
    let mut tx = db.begin_write().await?;
    let base = storage::reviews::Base { id: None, version: 0 };
    storage::reviews::save(&mut tx, application_id, juror, base, &input, Some(now), now).await?;
    tx.commit().await
}
