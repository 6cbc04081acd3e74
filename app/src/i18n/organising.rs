//! The texts of running a round to its decision, Swedish first.

use crate::{
    api::form::OrganiseProblem,
    domain::{
        decision::{DecisionProblem, EmbargoProblem, Outcome},
        lifecycle::{RoundState, StepRefusal},
        round::RoundProblem,
    },
};

pub struct OrganiseTexts {
    pub nav_ranking: &'static str,
    pub nav_round: &'static str,
    pub nav_decision: &'static str,
    pub nav_log: &'static str,
    pub done_messages: [(&'static str, &'static str); 14],
    pub problem: fn(&OrganiseProblem) -> String,
    /// In the order of `RoundState::ALL`.
    pub state_names: [&'static str; 6],
    /// What each state means, in the same order.
    pub state_meanings: [&'static str; 6],
    /// The button that takes the round into each state, in the same order (the first is unused).
    pub step_buttons: [&'static str; 6],
    /// What taking the round into each state does, in the same order.
    pub step_consequences: [&'static str; 6],
    /// In the order of `Outcome::ALL`.
    pub outcome_names: [&'static str; 3],

    pub round_title: &'static str,
    pub current_state: &'static str,
    pub steps_caption: &'static str,
    pub step_heading: &'static str,
    pub no_next_step: &'static str,
    pub confirm_step: &'static str,
    pub back_heading: &'static str,
    pub back_button: &'static str,
    pub back_consequence: &'static str,
    pub deadline_line: fn(&str) -> String,
    pub last_closing_line: fn(&str) -> String,
    pub submitted_line: fn(usize) -> String,
    pub history_heading: &'static str,
    pub history_none: &'static str,
    pub when: &'static str,
    pub who: &'static str,
    pub what: &'static str,

    pub decision_title: &'static str,
    pub decision_intro: &'static str,
    pub decision_locked: fn(&str) -> String,
    pub decision_none_submitted: &'static str,
    pub decision_outcome: &'static str,
    pub not_chosen: &'static str,
    pub decision_save: &'static str,
    pub decided_by: fn(&str, &str) -> String,
    pub ranking_line: fn(&str, &str) -> String,

    pub announced_heading: fn(&str) -> String,
    pub winner_heading: &'static str,
    pub finalists_heading: &'static str,
    pub mentions_heading: &'static str,
    pub ceremony_line: fn(&str, &str) -> String,
    pub motivations_link: &'static str,

    pub downloads: &'static str,
    pub download_ranking_csv: &'static str,
    pub download_scores_csv: &'static str,
    pub download_xlsx: &'static str,
    pub download_log_csv: &'static str,
    pub calendar_link: &'static str,

    pub nav_packet: &'static str,
    pub packet_title: &'static str,
    pub packet_intro: &'static str,
    pub packet_contents: &'static str,
    pub packet_empty: &'static str,

    pub resend_button: &'static str,
    pub jury_column: &'static str,
    pub seat_button: fn(&str) -> String,
    pub unseat_button: fn(&str) -> String,

    pub remind_heading: &'static str,
    pub remind_intro: &'static str,
    pub remind_button: &'static str,

    pub nav_rounds: &'static str,
    pub rounds_title: &'static str,
    pub rounds_caption: &'static str,
    pub year: &'static str,
    pub round_name: &'static str,
    pub state: &'static str,
    pub applications: &'static str,
    pub draft_heading: fn(&str) -> String,
    pub open_draft_consequence: &'static str,
    pub open_draft_button: &'static str,
    pub remove_draft_consequence: &'static str,
    pub remove_draft_confirm: &'static str,
    pub remove_draft_button: &'static str,
    pub copy_heading: &'static str,
    pub copy_intro: &'static str,
    pub copy_source: &'static str,
    pub opens_label: &'static str,
    pub deadline_label: &'static str,
    pub deadline_hint: &'static str,
    pub ceremony_label: &'static str,
    pub ceremony_place_label: &'static str,
    pub copy_button: &'static str,
    pub embargo_label: &'static str,
    pub access_column: &'static str,
    pub access_removed: &'static str,
    pub remove_access_button: &'static str,
    pub restore_access_button: &'static str,
    pub embargo_hint: &'static str,
    pub embargo_notice: fn(&str) -> String,
    pub edit_draft_link: &'static str,
    pub edit_draft_title: &'static str,
    pub no_draft: &'static str,
    pub edit_draft_intro: &'static str,
    pub draft_scoring_link: &'static str,
    pub draft_texts: &'static str,
    pub intro_label: &'static str,
    pub criteria_text_label: &'static str,
    pub eligibility_label: &'static str,
    pub contact_label: &'static str,
    pub draft_schedule: &'static str,
    pub draft_sections: &'static str,
    pub draft_sections_intro: &'static str,
    pub new_section: &'static str,
    pub draft_criteria: &'static str,
    pub new_criterion: &'static str,
    pub part_title_label: &'static str,
    pub guidance_label: &'static str,
    pub description_label: &'static str,
    pub limit_label: &'static str,
    pub remove_section: &'static str,
    pub remove_criterion: &'static str,
    pub jury_label: &'static str,
    pub jury_hint: &'static str,
    pub partners_label: &'static str,
    pub partners_hint: &'static str,
    pub save_draft_button: &'static str,

    pub log_title: &'static str,
    pub log_intro: &'static str,
    pub log_caption: &'static str,
    pub log_none: &'static str,

    pub ranking_title: &'static str,
    pub ranking_intro: &'static str,
    pub ranking_method: &'static str,
    pub ranking_empty: &'static str,
    pub ranking_caption: &'static str,
    pub place: &'static str,
    /// A place shared with another application.
    pub tied_place: fn(usize) -> String,
    pub kommun: &'static str,
    pub mean: &'static str,
    pub median: &'static str,
    pub reviews: &'static str,
    pub spread: &'static str,
    pub normalised: &'static str,
    pub raw_place: &'static str,
    pub conflict_cell: &'static str,
    pub not_done_cell: &'static str,
    pub moved_up: fn(i64) -> String,
    pub moved_down: fn(i64) -> String,
    pub ties_note: &'static str,
    /// How many applications stand elsewhere without normalising.
    pub moved_summary: fn(usize) -> String,
    pub disputed_heading: &'static str,
    pub disputed_none: &'static str,
    pub disputed_line: fn(&str, &str) -> String,
    pub jurors_heading: &'static str,
    pub jurors_caption: &'static str,
    pub juror: &'static str,
    pub juror_reviews: &'static str,
    pub juror_mean: &'static str,
    pub juror_deviation: &'static str,
    pub flat_juror: &'static str,
    pub schulze_place: &'static str,
    pub recusals_heading: &'static str,
    pub recusals_none: &'static str,
    /// "Rangordningen frystes när juryn beslutade, {when}. …"
    pub frozen_notice: fn(&str) -> String,
    pub methods_heading: &'static str,
    pub methods_intro: &'static str,
    pub schulze_numbering: &'static str,
    pub schulze_open_cut: fn(usize, &str) -> String,
    pub schulze_unseparated: fn(usize, &str) -> String,
    pub method_name: [&'static str; 3],
    /// The nominee cut is the same by all three methods.
    pub nominees_same: fn(usize) -> String,
    pub nominees_differ: fn(usize) -> String,
    pub movers_caption: &'static str,
    /// Jurors with fewer than three reviews, read on the jury's scale.
    pub not_normalised: fn(usize, &str) -> String,
    pub not_normalised_cell: &'static str,
    pub ties_heading: &'static str,
    pub no_ties: &'static str,
    /// "Medelvärde, plats 2:" before the tied applications.
    pub tie_line: fn(&str, usize) -> String,
    /// One tied application: kommun, score on the criterion, place after the rule.
    pub tie_member: fn(&str, Option<&str>, &str) -> String,
    pub tie_undecided: &'static str,
    pub tie_decided: &'static str,
}

pub static SV: OrganiseTexts = OrganiseTexts {
    nav_ranking: "Rangordning",
    nav_round: "Omgången",
    nav_decision: "Beslut",
    nav_log: "Logg",
    done_messages: [
        ("steg-taget", "Omgången har gått vidare till nästa steg."),
        ("beslut-sparat", "Beslutet är sparat."),
        (
            "beslut-sparat-godkannanden-borttagna",
            "Beslutet är sparat. Där juryns val ändrades gäller godkännandena av motiveringen inte längre: juryn behöver godkänna den igen.",
        ),
        ("beslut-oppnat", "Beslutet är öppnat igen. Juryn kan ändra det innan det offentliggörs."),
        ("inbjudan-igen", "Inbjudan är skickad igen med en ny länk. Den gamla länken fungerar inte längre."),
        ("i-juryn", "Jurymedlemmen sitter nu i juryn för omgången."),
        ("ur-juryn", "Jurymedlemmen är borttagen ur juryn. Hens bedömningar räknas inte längre."),
        ("paminnelse-skickad", "Påminnelsen är skickad till kommunerna med en ansökan som inte är inskickad."),
        ("omgang-skapad", "Den nya omgången är skapad som utkast. Den syns inte för allmänheten förrän den öppnas."),
        ("omgang-oppnad", "Omgången är öppnad och syns nu på webbplatsen."),
        ("omgang-borttagen", "Utkastet är borttaget."),
        ("utkast-sparat", "Utkastet är sparat. Det syns inte för allmänheten förrän omgången öppnas."),
        ("atkomst-borttagen", "Åtkomsten är borttagen. Personen är utloggad och kan inte logga in."),
        ("atkomst-atergiven", "Personen har åtkomst igen och kan logga in."),
    ],
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

pub static EN: OrganiseTexts = OrganiseTexts {
    nav_ranking: "Ranking",
    nav_round: "Round",
    nav_decision: "Decision",
    nav_log: "Log",
    done_messages: [
        ("steg-taget", "The round has moved on to the next step."),
        ("beslut-sparat", "The decision is saved."),
        (
            "beslut-sparat-godkannanden-borttagna",
            "The decision is saved. Where the jury's choice changed, the sign-offs of the motivation no longer count: the jury needs to sign it again.",
        ),
        ("beslut-oppnat", "The decision is open again. The jury can change it before it is announced."),
        ("inbjudan-igen", "The invitation is sent again with a new link. The old link no longer works."),
        ("i-juryn", "The juror now sits on the round's jury."),
        ("ur-juryn", "The juror is off the jury. Their reviews no longer count."),
        ("paminnelse-skickad", "The reminder is sent to the kommuner whose application is not submitted."),
        ("omgang-skapad", "The new round is created as a draft. The public will not see it until it opens."),
        ("omgang-oppnad", "The round is open and now on the website."),
        ("omgang-borttagen", "The draft is removed."),
        ("utkast-sparat", "The draft is saved. The public does not see it until the round opens."),
        ("atkomst-borttagen", "The access is removed. The person is logged out and cannot log in."),
        ("atkomst-atergiven", "The person has access again and can log in."),
    ],
    problem: problem_en,
    state_names: ["Draft", "Open", "Closed", "Review", "Decided", "Announced"],
    state_meanings: [
        "The round is being prepared and is not public.",
        "The round is on the website and kommuner can apply until the deadline.",
        "Applications are closed. The jury has not started.",
        "The jury reads, scores and discusses.",
        "The jury has decided. Nothing is public yet.",
        "The winner and the finalists are public.",
    ],
    step_buttons: ["", "Open the round", "Close applications", "Start the review", "Decide", "Announce the winner"],
    step_consequences: [
        "",
        "The round appears on the website and kommuner can apply from the opening until the deadline.",
        "No more applications are taken and none can change. Needs the deadline, and every extension, to have passed.",
        "The jury may read the submitted applications and start reviewing them.",
        "The review closes and the decision is locked. Needs a winner and a motivation for each chosen application, signed off by everyone on the jury without a conflict of interest.",
        "The winner page is published, the winner and finalists join the archive and every kommun that applied is told by e-mail. Cannot be undone.",
    ],
    outcome_names: ["Winner", "Finalist (nominee)", "Honourable mention"],

    round_title: "Round",
    current_state: "The round is now at the step",
    steps_caption: "The round's steps",
    step_heading: "Next step",
    no_next_step: "The round is finished. There is no next step.",
    confirm_step: "I have read what the step does and want to take it.",
    back_heading: "Change the decision",
    back_button: "Reopen the decision",
    back_consequence: "The round goes back to review so the decision can change. Nothing has been announced.",
    deadline_line: |date| format!("Deadline: {date}."),
    last_closing_line: |date| format!("With extensions, the last application closes {date}."),
    submitted_line: |n| match n {
        1 => "1 application is submitted.".to_owned(),
        n => format!("{n} applications are submitted."),
    },
    history_heading: "The round's log",
    history_none: "Nothing is logged for the round yet.",
    when: "When",
    who: "Who",
    what: "What",

    decision_title: "The jury's decision",
    decision_intro: "Choose finalists, one winner among them and any honourable mentions. The jury writes and signs off the motivation for each under “Motivations”; they are published when the winner is announced. The applications are in ranking order.",
    decision_locked: |state| format!("The decision can change only while the round is in review. Now: {state}."),
    decision_none_submitted: "No applications are submitted to the round.",
    decision_outcome: "The jury's decision",
    not_chosen: "Not chosen",
    decision_save: "Save the decision",
    decided_by: |who, when| format!("Last changed by {who}, {when}."),
    ranking_line: |place, normalised| format!("Place {place} in the ranking, normalised score {normalised}."),

    announced_heading: |round| format!("{round}: the jury's decision"),
    winner_heading: "Winner",
    finalists_heading: "Finalists",
    mentions_heading: "Honourable mentions",
    ceremony_line: |when, place| format!("The award is presented {when}, {place}."),
    motivations_link: "Read the jury's motivations",

    downloads: "Download",
    download_ranking_csv: "The ranking (CSV)",
    download_scores_csv: "All scores (CSV)",
    download_xlsx: "The ranking and all scores (Excel)",
    download_log_csv: "The log (CSV)",
    calendar_link: "Add the deadline and the ceremony to your calendar (.ics)",

    nav_packet: "Reading packet",
    packet_title: "The jury's reading packet",
    packet_intro: "Every submitted application in one document. Print it from the browser: each application starts on a new page. The print dialog can also save it as PDF.",
    packet_contents: "Contents",
    packet_empty: "The applications appear here once the review has begun.",

    resend_button: "Send again",
    jury_column: "Jury",
    seat_button: |round| format!("Put on the jury of {round}"),
    unseat_button: |round| format!("Take off the jury of {round}"),

    remind_heading: "Remind",
    remind_intro: "Send a reminder now to everyone applying for a kommun whose application is begun but not submitted, with the kommun's deadline. Reminders also go out by themselves a week and a day before.",
    remind_button: "Send a reminder",

    nav_rounds: "Rounds",
    rounds_title: "Rounds",
    rounds_caption: "The award's rounds, latest first",
    year: "Year",
    round_name: "Name",
    state: "Step",
    applications: "Applications",
    draft_heading: |title| format!("The draft {title}"),
    open_draft_consequence: "The round appears on the website and becomes the one kommuner apply to and the jury works on. Possible once the last round has announced its winner.",
    open_draft_button: "Open the round",
    remove_draft_consequence: "The draft is removed with everything that belongs to it. Possible only while it has no applications.",
    remove_draft_confirm: "I want to remove the draft.",
    remove_draft_button: "Remove the draft",
    copy_heading: "New round",
    copy_intro: "A new round copies an earlier one: the texts, the areas with their guidance and limits, the criteria with weights and scale, the jury and the partners. You give it a year, a name and new dates. It is created as a draft.",
    copy_source: "Copy from",
    opens_label: "Opens (date)",
    deadline_label: "Deadline (date)",
    deadline_hint: "Applications close at 23.59 Swedish time that day.",
    ceremony_label: "Ceremony (date and time)",
    ceremony_place_label: "Where the award is presented",
    copy_button: "Create the round",
    access_column: "Access",
    access_removed: "Removed. ",
    remove_access_button: "Remove access",
    restore_access_button: "Give access back",
    embargo_label: "Embargo until (date and time, optional)",
    embargo_hint: "Filled in with the ceremony, unless it has already been. At that time, and not a second before, the website and the archive of winners show the decision and every kommun that applied gets its outcome by e-mail, by themselves. Empty the field to announce now.",
    embargo_notice: |when| {
        format!(
            "The decision is under embargo until {when}. Then it shows on the website and every kommun that applied gets its outcome by e-mail, by itself. Nobody has been told yet."
        )
    },
    edit_draft_link: "Edit the draft",
    edit_draft_title: "Edit the draft",
    no_draft: "No round is being prepared. Create one under Rounds.",
    edit_draft_intro: "Change everything the kommuner and the jury meet before the round opens. The year cannot change: remove the draft and create a new one for another year.",
    draft_scoring_link: "The jury's criteria, weights and scale for the round",
    draft_texts: "Texts on the website",
    intro_label: "About the award",
    criteria_text_label: "Criteria (text)",
    eligibility_label: "Who may apply",
    contact_label: "Contact",
    draft_schedule: "Dates and place",
    draft_sections: "Areas of the application",
    draft_sections_intro: "Each area becomes a part of the application with its own guidance and character limit. Fill in the blank row to add an area.",
    new_section: "New area",
    draft_criteria: "Criteria on the website",
    new_criterion: "New criterion",
    part_title_label: "Heading",
    guidance_label: "Guidance",
    description_label: "Description",
    limit_label: "Most characters",
    remove_section: "Remove the area",
    remove_criterion: "Remove the criterion",
    jury_label: "Jury",
    jury_hint: "One member a line: Name, title",
    partners_label: "Partners",
    partners_hint: "One organisation a line",
    save_draft_button: "Save the draft",

    log_title: "Log",
    log_intro: "Every step in the round's life, every decision and every change of who has access, with who and when.",
    log_caption: "Events, latest first",
    log_none: "Nothing is logged yet.",

    ranking_title: "Ranking",
    ranking_intro: "The jury's finished reviews, combined. Jurors with a conflict of interest do not count for that kommun's application.",
    ranking_method: "Each review becomes a weighted mean of the criteria's scores. Normalised: each juror's values are turned into z-scores (the distance from the juror's own mean, divided by their standard deviation), and the mean of those orders the list. A harsh and a lenient juror then weigh the same.",
    ranking_empty: "No applications are submitted and reviewed yet.",
    ranking_caption: "The applications by normalised score",
    place: "Place",
    tied_place: |p| format!("{p} (shared)"),
    kommun: "Kommun",
    mean: "Mean",
    median: "Median",
    reviews: "Reviews",
    spread: "Spread",
    normalised: "Normalised",
    raw_place: "Place by mean",
    conflict_cell: "conflict",
    not_done_cell: "–",
    moved_up: |n| format!("{n} up by normalising"),
    moved_down: |n| format!("{n} down by normalising"),
    ties_note: "Places still shared after the rule for a shared place are shown as shared. The jury decides the order between them.",
    moved_summary: |n| match n {
        0 => "Normalising changes no place.".to_owned(),
        1 => "Normalising changes the place of 1 application.".to_owned(),
        n => format!("Normalising changes the place of {n} applications."),
    },
    disputed_heading: "Where the jury disagrees most",
    disputed_none: "The jurors agree on every application so far.",
    disputed_line: |kommun, spread| format!("{kommun}: spread {spread}"),
    jurors_heading: "The jurors' scales",
    jurors_caption: "Each juror's mean and standard deviation, the basis of the z-scores",
    juror: "Juror",
    juror_reviews: "Finished reviews",
    juror_mean: "Mean",
    juror_deviation: "Standard deviation",
    flat_juror: "0 (the same value throughout: does not move the normalised score)",
    schulze_place: "Place by Schulze",
    recusals_heading: "Conflicts of interest in the decision",
    recusals_none: "No juror has declared a conflict of interest in the round.",
    frozen_notice: |when| {
        format!("The ranking was frozen when the jury decided, {when}. Later changes to the reviews do not affect it.")
    },
    methods_heading: "Three ways of counting",
    methods_intro: "The ranking is counted three ways side by side. Mean: the jury's weighted means as they are. Normalised: the mean of the jurors' z-scores. Schulze: a ranking from each juror's own order of the applications, where only the order counts, not how high anyone scores. Jurors with a conflict of interest count in none of them.",
    schulze_numbering: "Schulze only says which application beats which, and sometimes neither: when two applications were not scored by the same jurors, the method may have no ground to tell them apart. The Schulze place is then a place by how many beat each application (1 + the number of applications beaten by fewer), and the cell says how many actually beat it and which ones the method cannot separate it from.",
    schulze_open_cut: |n, kommuner| {
        format!(
            "Schulze does not settle which applications are among the top {n}: the method cannot separate {kommuner} from applications on the other side of the cut. The jury decides."
        )
    },
    schulze_unseparated: |beaten, kommuner| format!("beaten by {beaten}; not separable from {kommuner}"),
    method_name: ["Mean", "Normalised", "Schulze"],
    nominees_same: |n| format!("The top {n} – the nominee cut – are the same by all three methods."),
    nominees_differ: |n| {
        format!(
            "The top {n} are not the same by all three methods. The applications below are in the top {n} by some method but not by all."
        )
    },
    movers_caption: "Applications at the nominee cut, place by each method",
    not_normalised: |min, names| {
        format!(
            "Normalised on the whole jury's scale, because they have fewer than {min} finished reviews: {names}. Their values are read against the jury's mean and standard deviation instead of their own."
        )
    },
    not_normalised_cell: "too few reviews: read on the whole jury's scale",
    ties_heading: "Shared places",
    no_ties: "No place is shared by any method.",
    tie_line: |method, place| format!("{method}, shared place {place}:"),
    tie_member: |kommun, score, after| match score {
        Some(score) => format!("{kommun} (mean {score} on the criterion) becomes {after}"),
        None => format!("{kommun} (no score on the criterion) becomes {after}"),
    },
    tie_undecided: "Still equal: the jury decides.",
    tie_decided: "Settled by the rule.",
};

impl OrganiseTexts {
    pub fn done(&self, code: &str) -> Option<&'static str> {
        self.done_messages.iter().find(|(c, _)| *c == code).map(|(_, text)| *text)
    }

    pub fn state_name(&self, state: RoundState) -> &'static str {
        self.state_names[state as usize]
    }

    pub fn outcome_name(&self, outcome: Outcome) -> &'static str {
        self.outcome_names[outcome as usize]
    }
}

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

/// Each problem once, in order: several choices may lack the same thing.
fn every(problems: &[DecisionProblem], text: fn(&DecisionProblem) -> String) -> String {
    let mut said: Vec<String> = Vec::new();
    for line in problems.iter().map(text) {
        if !said.contains(&line) {
            said.push(line);
        }
    }
    said.join(" ")
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

fn problem_en(problem: &OrganiseProblem) -> String {
    let state = |s: &RoundState| EN.state_name(*s);
    match problem {
        OrganiseProblem::Step(StepRefusal::OutOfOrder { from, to }) => {
            format!("The round cannot go from {} to {}: steps are taken one at a time.", state(from), state(to))
        }
        OrganiseProblem::Step(StepRefusal::AnotherRoundRunning) => {
            "Another round is running. A new round can open once the last one has announced its winner.".into()
        }
        OrganiseProblem::Step(StepRefusal::DatesInvalid) => {
            "The dates do not hold: the opening must come before the deadline, and the deadline before the ceremony."
                .into()
        }
        OrganiseProblem::Step(StepRefusal::DeadlineNotPassed { closes_at }) => format!(
            "Applications cannot close yet: the last kommun's time to apply ends {}.",
            crate::domain::english::long_date_time(last_minute(*closes_at))
        ),
        OrganiseProblem::Step(StepRefusal::DecisionIncomplete(problems)) => {
            format!(
                "The decision is not finished: {} Finish it under “Decision” and “Motivations”.",
                every(problems, decision_en)
            )
        }
        OrganiseProblem::Decision(p) => decision_en(p),
        OrganiseProblem::NotConfirmed => "Tick the box to confirm the step.".into(),
        OrganiseProblem::Moved { now } => {
            format!(
                "Someone else has already moved the round. It is now at the step {}. The page shows it as it is now.",
                state(now)
            )
        }
        OrganiseProblem::DecisionLocked { state: s } => (EN.decision_locked)(state(s)),
        OrganiseProblem::Round(p) => round_en(p),
        OrganiseProblem::Embargo(EmbargoProblem::Invalid) => {
            "Give the embargo time as a date and a time, for example 2027-05-12 18:00, or leave the field empty.".into()
        }
        OrganiseProblem::Embargo(EmbargoProblem::Passed) => {
            "The embargo time has already passed. Choose a later time, or leave the field empty to announce now.".into()
        }
    }
}

fn decision_en(problem: &DecisionProblem) -> String {
    match problem {
        DecisionProblem::NoWinner => "Choose a winner.".into(),
        DecisionProblem::SeveralWinners => "Choose one winner only.".into(),
        DecisionProblem::MotivationMissing { .. } => "Write the jury's motivation.".into(),
        DecisionProblem::MotivationTooLong { .. } => "The motivation may be at most 2,000 characters.".into(),
        DecisionProblem::OutcomeUnknown { .. } => "Choose one of the options.".into(),
        DecisionProblem::NotSignedOff { kommun, jurors } => {
            format!("The motivation for {kommun} is not signed off by {}.", crate::domain::english::list(jurors))
        }
    }
}

/// A deadline is said by its last minute ("23.59"); the refusal holds the first instant after it.
fn last_minute(closes_at: chrono::DateTime<chrono::Utc>) -> chrono::NaiveDateTime {
    crate::domain::deadline::to_stockholm(closes_at - chrono::Duration::minutes(1))
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

fn round_en(problem: &RoundProblem) -> String {
    let text = match problem {
        RoundProblem::YearInvalid => "Write the year with four digits, for example 2028.",
        RoundProblem::YearTaken => "The award already has a round that year.",
        RoundProblem::TitleMissing => "Give the round a name.",
        RoundProblem::DateInvalid => "Write the date as YYYY-MM-DD, for example 2028-04-14.",
        RoundProblem::DateTimeInvalid => "Give a date and a time, for example 2028-05-10 18:00.",
        RoundProblem::PlaceMissing => "Write where the award is presented.",
        RoundProblem::DeadlineBeforeOpening => "The deadline must come after the opening.",
        RoundProblem::CeremonyBeforeDeadline => "The ceremony must come after the deadline.",
        RoundProblem::HasApplications => "The round has applications and cannot be removed.",
        RoundProblem::NotADraft => "Only a round that has not opened can be removed.",
        RoundProblem::DraftExists => "A round is already being prepared. Open or remove it before creating another.",
        RoundProblem::TextMissing => "Fill in the text.",
        RoundProblem::TooLong { max } => return format!("The text may be at most {max} characters."),
        RoundProblem::LimitInvalid => "Write the number of characters as a number between 100 and 50,000.",
        RoundProblem::PartTitleMissing => "Write a heading.",
        RoundProblem::NoSections => "The round needs at least one area to write about.",
        RoundProblem::JuryNameMissing => "Write each member on a line of their own as “Name, title”.",
        RoundProblem::Opened => "The round has opened and can no longer be changed here.",
    };
    text.into()
}
