//! The Swedish texts of running a round, and its problem messages.

use super::{OrganiseTexts, every, last_minute};
use crate::domain::{
    decision::{DecisionProblem, EmbargoProblem},
    lifecycle::{OrganiseProblem, RoundState, StepRefusal},
    round::RoundProblem,
};

pub static SV: OrganiseTexts = OrganiseTexts {
    nav_ranking: "Rangordning",
    nav_round: "Omgången",
    nav_decision: "Beslut",
    nav_log: "Logg",
    problem: problem_sv,
    state_names: ["Utkast", "Öppen", "Stängd", "Bedömning", "Beslutad", "Offentliggjord"],
    state_meanings: [
        "Omgången förbereds och syns inte för allmänheten.",
        "Omgången syns på webbplatsen och kommunerna kan ansöka fram till sista ansökningsdag.",
        "Ansökan är stängd. Juryn har inte börjat.",
        "Juryn läser, poängsätter och diskuterar.",
        "Juryn har fattat beslut. Inget är offentligt än.",
        "Vinnaren och finalisterna är offentliggjorda.",
    ],
    step_buttons: [
        "",
        "Öppna omgången",
        "Stäng ansökan",
        "Starta bedömningen",
        "Fatta beslut",
        "Offentliggör vinnaren",
    ],
    step_consequences: [
        "",
        "Omgången syns på webbplatsen och kommunerna kan ansöka från öppningsdagen till sista ansökningsdag.",
        "Inga fler ansökningar tas emot och inga kan ändras. Kräver att sista ansökningsdag, och varje förlängning, har passerat.",
        "Juryn får läsa de inskickade ansökningarna och börja bedöma dem.",
        "Bedömningen stängs och beslutet låses. Kräver en vinnare och en motivering för varje vald ansökan, godkänd av alla i juryn utan jäv.",
        "Vinnarsidan publiceras, vinnaren och finalisterna läggs till i arkivet och varje kommun som sökt får besked per e-post. Kan inte ångras.",
    ],
    outcome_names: ["Vinnare", "Finalist (nominerad)", "Hedersomnämnande"],

    round_title: "Omgången",
    current_state: "Omgången står nu i steget",
    steps_caption: "Omgångens steg",
    step_heading: "Nästa steg",
    no_next_step: "Omgången är avslutad. Det finns inget nästa steg.",
    confirm_step: "Jag har läst vad steget innebär och vill ta det.",
    back_heading: "Ändra beslutet",
    back_button: "Öppna beslutet igen",
    back_consequence: "Omgången går tillbaka till bedömning så att beslutet kan ändras. Inget har offentliggjorts.",
    deadline_line: |date| format!("Sista ansökningsdag: {date}."),
    last_closing_line: |date| format!("Med förlängningar stänger den sista ansökan {date}."),
    submitted_line: |n| match n {
        1 => "1 ansökan är inskickad.".to_owned(),
        n => format!("{n} ansökningar är inskickade."),
    },
    history_heading: "Omgångens logg",
    history_none: "Inget är loggat för omgången än.",
    when: "När",
    who: "Vem",
    what: "Vad",

    decision_title: "Juryns beslut",
    decision_intro: "Välj finalister, en vinnare bland dem och eventuella hedersomnämnanden. Juryn skriver och godkänner motiveringen för var och en under ”Motiveringar”; de publiceras när vinnaren offentliggörs. Ansökningarna står i rangordningens ordning.",
    decision_locked: |state| format!("Beslutet kan ändras bara medan omgången är i bedömning. Nu: {state}."),
    decision_none_submitted: "Inga ansökningar är inskickade till omgången.",
    decision_outcome: "Juryns beslut",
    not_chosen: "Inte vald",
    decision_save: "Spara beslutet",
    decided_by: |who, when| format!("Senast ändrat av {who}, {when}."),
    ranking_line: |place, normalised| format!("Plats {place} i rangordningen, normaliserat värde {normalised}."),

    announced_heading: |round| format!("{round}: juryns beslut"),
    winner_heading: "Vinnare",
    finalists_heading: "Finalister",
    mentions_heading: "Hedersomnämnanden",
    ceremony_line: |when, place| format!("Utmärkelsen delas ut {when}, {place}."),
    motivations_link: "Läs juryns motiveringar",

    downloads: "Ladda ner",
    download_ranking_csv: "Rangordningen (CSV)",
    download_scores_csv: "Alla poäng (CSV)",
    download_xlsx: "Rangordningen och alla poäng (Excel)",
    download_log_csv: "Loggen (CSV)",
    calendar_link: "Lägg in sista ansökningsdag och utdelningen i din kalender (.ics)",

    nav_packet: "Läspaket",
    packet_title: "Juryns läspaket",
    packet_intro: "Alla inskickade ansökningar i ett dokument. Skriv ut det med webbläsarens utskrift: varje ansökan börjar på en ny sida. I utskriftsdialogen kan du också spara det som PDF.",
    packet_contents: "Innehåll",
    packet_empty: "Ansökningarna visas här när bedömningen har börjat.",

    resend_button: "Skicka igen",
    jury_column: "Jury",
    seat_button: |round| format!("Sätt i juryn för {round}"),
    unseat_button: |round| format!("Ta bort ur juryn för {round}"),

    remind_heading: "Påminn",
    remind_intro: "Skicka en påminnelse nu till alla som sökt för en kommun vars ansökan är påbörjad men inte inskickad, med kommunens sista ansökningsdag. Påminnelser går också ut av sig själva en vecka och en dag före.",
    remind_button: "Skicka påminnelse",

    nav_rounds: "Omgångar",
    rounds_title: "Omgångar",
    rounds_caption: "Utmärkelsens omgångar, den senaste först",
    year: "År",
    round_name: "Namn",
    state: "Steg",
    applications: "Ansökningar",
    draft_heading: |title| format!("Utkastet {title}"),
    open_draft_consequence: "Omgången syns på webbplatsen och blir den som kommunerna ansöker till och juryn arbetar med. Går när den förra omgången har offentliggjort sin vinnare.",
    open_draft_button: "Öppna omgången",
    remove_draft_consequence: "Utkastet tas bort med allt som hör till det. Går bara så länge det inte har några ansökningar.",
    remove_draft_confirm: "Jag vill ta bort utkastet.",
    remove_draft_button: "Ta bort utkastet",
    copy_heading: "Ny omgång",
    copy_intro: "En ny omgång kopierar en tidigare: texterna, områdena med vägledning och gränser, kriterierna med vikter och skala, juryn och partnerna. Du ger den ett år, ett namn och nya datum. Den skapas som utkast.",
    copy_source: "Kopiera från",
    opens_label: "Öppnar (datum)",
    deadline_label: "Sista ansökningsdag (datum)",
    deadline_hint: "Ansökan stänger kl. 23.59 svensk tid den dagen.",
    ceremony_label: "Utdelning (datum och klockslag)",
    ceremony_place_label: "Plats för utdelningen",
    copy_button: "Skapa omgången",
    access_column: "Åtkomst",
    access_removed: "Borttagen. ",
    remove_access_button: "Ta bort åtkomst",
    restore_access_button: "Ge åtkomst igen",
    embargo_label: "Embargo till (datum och klockslag, frivilligt)",
    embargo_hint: "Förifyllt med utdelningen, om den inte redan har varit. Vid den tiden, och inte en sekund före, visar webbplatsen och vinnararkivet beslutet och alla kommuner som ansökt får sitt besked med e-post, av sig själva. Töm fältet för att offentliggöra nu.",
    embargo_notice: |when| {
        format!(
            "Beslutet ligger under embargo till {when}. Då syns det på webbplatsen och alla kommuner som ansökt får sitt besked med e-post, av sig självt. Ingen har fått besked ännu."
        )
    },
    edit_draft_link: "Redigera utkastet",
    edit_draft_title: "Redigera utkastet",
    no_draft: "Ingen omgång förbereds just nu. Skapa en ny under Omgångar.",
    edit_draft_intro: "Ändra allt som kommunerna och juryn möter innan omgången öppnas. Året går inte att ändra: ta bort utkastet och skapa ett nytt för ett annat år.",
    draft_scoring_link: "Juryns kriterier, vikter och skala för omgången",
    draft_texts: "Texter på webbplatsen",
    intro_label: "Om utmärkelsen",
    criteria_text_label: "Kriterier (text)",
    eligibility_label: "Vem kan söka",
    contact_label: "Kontakt",
    theme_label: "Årets tema",
    theme_hint: "Om utmärkelsen har ett tema för året, till exempel ”Det nya Sverige”. Lämna tomt annars.",
    draft_schedule: "Datum och plats",
    draft_sections: "Områden i ansökan",
    draft_sections_intro: "Varje område blir en del av ansökan med egen vägledning och teckengräns. Fyll i den tomma raden för att lägga till ett område.",
    new_section: "Nytt område",
    draft_criteria: "Kriterier på webbplatsen",
    new_criterion: "Nytt kriterium",
    part_title_label: "Rubrik",
    guidance_label: "Vägledning",
    description_label: "Beskrivning",
    limit_label: "Högst antal tecken",
    remove_section: "Ta bort området",
    remove_criterion: "Ta bort kriteriet",
    jury_label: "Juryn",
    jury_hint: "En ledamot per rad: Namn, titel",
    partners_label: "Partner",
    partners_hint: "En organisation per rad",
    save_draft_button: "Spara utkastet",

    log_title: "Logg",
    log_intro: "Varje steg i omgångens liv, varje beslut och varje ändring av vem som har tillgång, med vem och när.",
    log_caption: "Händelser, de senaste först",
    log_none: "Inget är loggat än.",

    ranking_title: "Rangordning",
    ranking_intro: "Juryns klara bedömningar, sammanvägda. Jurymedlemmar med jäv räknas inte för den kommunens ansökan.",
    ranking_method: "Varje bedömning blir ett viktat medelvärde av kriteriernas poäng. Normaliserat värde: varje jurymedlems värden räknas om till z-värden (avvikelsen från jurymedlemmens eget medelvärde, delad med dess standardavvikelse) och medelvärdet av dem ordnar listan. Då väger en sträng och en generös jurymedlem lika.",
    ranking_empty: "Inga ansökningar är inskickade och bedömda än.",
    ranking_caption: "Ansökningarna ordnade efter normaliserat värde",
    place: "Plats",
    tied_place: |p| format!("{p} (delad)"),
    kommun: "Kommun",
    mean: "Medel",
    median: "Median",
    reviews: "Bedömningar",
    spread: "Spridning",
    normalised: "Normaliserat",
    raw_place: "Plats efter medel",
    conflict_cell: "jäv",
    not_done_cell: "–",
    moved_up: |n| format!("{n} upp med normalisering"),
    moved_down: |n| format!("{n} ned med normalisering"),
    ties_note: "Platser som är delade även efter regeln för delad plats visas som delade. Juryn avgör ordningen mellan dem.",
    moved_summary: |n| match n {
        0 => "Normaliseringen ändrar ingen placering.".to_owned(),
        1 => "Normaliseringen ändrar placeringen för 1 ansökan.".to_owned(),
        n => format!("Normaliseringen ändrar placeringen för {n} ansökningar."),
    },
    disputed_heading: "Där juryn är mest oenig",
    disputed_none: "Jurymedlemmarna är eniga om varje ansökan hittills.",
    disputed_line: |kommun, spread| format!("{kommun}: spridning {spread}"),
    jurors_heading: "Jurymedlemmarnas skalor",
    jurors_caption: "Varje jurymedlems medelvärde och standardavvikelse, grunden för z-värdena",
    juror: "Jurymedlem",
    juror_reviews: "Klara bedömningar",
    juror_mean: "Medelvärde",
    juror_deviation: "Standardavvikelse",
    flat_juror: "0 (samma värde överallt: påverkar inte det normaliserade värdet)",
    schulze_place: "Plats enligt Schulze",
    recusals_heading: "Jäv i beslutet",
    recusals_none: "Ingen jurymedlem har anmält jäv i omgången.",
    frozen_notice: |when| {
        format!(
            "Rangordningen frystes när juryn beslutade, {when}. Senare ändringar i bedömningarna påverkar den inte."
        )
    },
    methods_heading: "Tre sätt att räkna",
    methods_intro: "Rangordningen räknas på tre sätt sida vid sida. Medelvärde: juryns viktade medelvärden rakt av. Normaliserat: medelvärdet av jurymedlemmarnas z-värden. Schulze: en rangordning ur varje jurymedlems egen ordning av ansökningarna, där bara ordningen räknas och inte hur höga poäng någon ger. Jurymedlemmar med jäv räknas inte i något av dem.",
    schulze_numbering: "Schulze säger bara vilken ansökan som slår vilken, och ibland varken eller: när två ansökningar inte har bedömts av samma jurymedlemmar kan metoden sakna grund att skilja dem åt. Schulze-platsen är då en plats efter hur många som slår varje ansökan (1 + antalet ansökningar som slås av färre), och rutan säger hur många som faktiskt slår ansökan och vilka metoden inte kan skilja den från.",
    schulze_open_cut: |n, kommuner| {
        format!(
            "Schulze avgör inte vilka som hamnar bland de {n} främsta: metoden kan inte skilja {kommuner} från ansökningar på andra sidan gränsen. Juryn avgör."
        )
    },
    schulze_unseparated: |beaten, kommuner| format!("slås av {beaten}; kan inte skiljas från {kommuner}"),
    method_name: ["Medelvärde", "Normaliserat", "Schulze"],
    nominees_same: |n| format!("De {n} främsta – nomineringsgränsen – är desamma med alla tre metoderna."),
    nominees_differ: |n| {
        format!(
            "De {n} främsta är inte desamma med alla tre metoderna. Ansökningarna nedan är bland de {n} främsta med någon metod men inte med alla."
        )
    },
    movers_caption: "Ansökningar vid nomineringsgränsen, plats med varje metod",
    not_normalised: |min, names| {
        format!(
            "Normaliseras mot hela juryns skala, eftersom de har färre än {min} klara bedömningar: {names}. Deras värden räknas mot juryns medelvärde och standardavvikelse i stället för mot deras egna."
        )
    },
    not_normalised_cell: "för få bedömningar: räknas mot hela juryns skala",
    ties_heading: "Delade platser",
    no_ties: "Ingen plats är delad med någon metod.",
    tie_line: |method, place| format!("{method}, delad plats {place}:"),
    tie_member: |kommun, score, after| match score {
        Some(score) => format!("{kommun} (medel {score} på kriteriet) blir {after}"),
        None => format!("{kommun} (ingen poäng på kriteriet) blir {after}"),
    },
    tie_undecided: "Fortfarande lika: juryn avgör.",
    tie_decided: "Avgjort av regeln.",
};

fn problem_sv(problem: &OrganiseProblem) -> String {
    let state = |s: &RoundState| SV.state_name(*s);
    match problem {
        OrganiseProblem::Step(StepRefusal::OutOfOrder { from, to }) => {
            format!("Omgången kan inte gå från {} till {}: stegen tas ett i taget.", state(from), state(to))
        }
        OrganiseProblem::Step(StepRefusal::AnotherRoundRunning) => {
            "En annan omgång pågår. En ny omgång kan öppnas när den förra har offentliggjort sin vinnare.".into()
        }
        OrganiseProblem::Step(StepRefusal::DatesInvalid) => {
            "Datumen stämmer inte: öppningen måste komma före sista ansökningsdag och den före utdelningen.".into()
        }
        OrganiseProblem::Step(StepRefusal::DeadlineNotPassed { closes_at }) => format!(
            "Ansökan kan inte stängas än: den sista kommunens ansökningstid går ut {}.",
            crate::domain::swedish::long_date_time(last_minute(*closes_at))
        ),
        OrganiseProblem::Step(StepRefusal::DecisionIncomplete(problems)) => {
            format!(
                "Beslutet är inte färdigt: {} Gör klart det under ”Beslut” och ”Motiveringar”.",
                every(problems, decision_sv)
            )
        }
        OrganiseProblem::Decision(p) => decision_sv(p),
        OrganiseProblem::NotConfirmed => "Kryssa i rutan för att bekräfta steget.".into(),
        OrganiseProblem::Moved { now } => format!(
            "Någon annan har redan flyttat omgången. Den står nu i steget {}. Sidan visar läget som det är nu.",
            state(now)
        ),
        OrganiseProblem::DecisionLocked { state: s } => (SV.decision_locked)(state(s)),
        OrganiseProblem::Round(p) => round_sv(p),
        OrganiseProblem::Embargo(EmbargoProblem::Invalid) => {
            "Ange embargotiden som datum och klockslag, till exempel 2027-05-12 18:00, eller lämna fältet tomt.".into()
        }
        OrganiseProblem::Embargo(EmbargoProblem::Passed) => {
            "Embargotiden har redan passerat. Välj en senare tid, eller lämna fältet tomt för att offentliggöra nu."
                .into()
        }
    }
}

fn decision_sv(problem: &DecisionProblem) -> String {
    match problem {
        DecisionProblem::NoWinner => "Välj en vinnare.".into(),
        DecisionProblem::SeveralWinners => "Välj en enda vinnare.".into(),
        DecisionProblem::MotivationMissing { .. } => "Skriv juryns motivering.".into(),
        DecisionProblem::MotivationTooLong { .. } => "Motiveringen får vara högst 2 000 tecken.".into(),
        DecisionProblem::OutcomeUnknown { .. } => "Välj ett av alternativen.".into(),
        DecisionProblem::NotSignedOff { kommun, jurors } => {
            format!("Motiveringen för {kommun} är inte godkänd av {}.", crate::domain::swedish::list(jurors))
        }
    }
}

fn round_sv(problem: &RoundProblem) -> String {
    let text = match problem {
        RoundProblem::YearInvalid => "Skriv året med fyra siffror, till exempel 2028.",
        RoundProblem::YearTaken => "Utmärkelsen har redan en omgång det året.",
        RoundProblem::TitleMissing => "Ge omgången ett namn.",
        RoundProblem::DateInvalid => "Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2028-04-14.",
        RoundProblem::DateTimeInvalid => "Ange datum och klockslag, till exempel 2028-05-10 18:00.",
        RoundProblem::PlaceMissing => "Skriv var utmärkelsen delas ut.",
        RoundProblem::DeadlineBeforeOpening => "Sista ansökningsdag måste komma efter öppningsdagen.",
        RoundProblem::CeremonyBeforeDeadline => "Utdelningen måste komma efter sista ansökningsdag.",
        RoundProblem::HasApplications => "Omgången har ansökningar och kan inte tas bort.",
        RoundProblem::NotADraft => "Bara en omgång som inte har öppnats kan tas bort.",
        RoundProblem::DraftExists => "En omgång förbereds redan. Öppna eller ta bort den innan du skapar en ny.",
        RoundProblem::TextMissing => "Fyll i texten.",
        RoundProblem::TooLong { max } => {
            return format!("Texten får vara högst {} tecken.", crate::domain::swedish::number(u64::from(*max)));
        }
        RoundProblem::LimitInvalid => "Skriv antalet tecken som ett tal mellan 100 och 50 000.",
        RoundProblem::PartTitleMissing => "Skriv en rubrik.",
        RoundProblem::NoSections => "Omgången behöver minst ett område att skriva om.",
        RoundProblem::JuryNameMissing => "Skriv varje ledamot på en egen rad som ”Namn, titel”.",
        RoundProblem::Opened => "Omgången har öppnats och kan inte längre ändras här.",
    };
    text.into()
}
