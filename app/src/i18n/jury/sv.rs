//! The Swedish texts of the jury's work, and its problem messages.

use super::JuryTexts;
use crate::domain::{
    employer::{EmployerProblem, ORGANISATION_LIMIT},
    kommun::KommunChoiceError,
    review::{ReviewPhase, ReviewProblem},
};

pub(in crate::i18n) fn employer_problem_sv(problem: &EmployerProblem) -> String {
    match problem {
        EmployerProblem::KindMissing => "Välj vilket slags arbetsgivare du har.".into(),
        EmployerProblem::Kommun(KommunChoiceError::Empty) => "Välj kommunen i listan.".into(),
        EmployerProblem::Kommun(KommunChoiceError::Unknown(typed)) => {
            format!("Det finns ingen kommun som heter ”{typed}”. Välj kommunen i listan.")
        }
        EmployerProblem::RegionMissing => "Välj regionens län i listan.".into(),
        EmployerProblem::NameMissing => "Skriv organisationens namn.".into(),
        EmployerProblem::NameTooLong => format!("Namnet får vara högst {ORGANISATION_LIMIT} tecken."),
    }
}

fn problem_sv(problem: &ReviewProblem) -> String {
    match problem {
        ReviewProblem::OutsideScale { min, max } => format!("Välj en poäng från {min} till {max}."),
        ReviewProblem::ScoreMissing => "Ge en poäng här innan du markerar bedömningen som klar.".into(),
        ReviewProblem::RecommendationMissing => "Välj en rekommendation: nominera, kanske eller nej.".into(),
        ReviewProblem::TooLong { max } => format!("Texten får vara högst {} tecken.", crate::domain::swedish::number(u64::from(*max))),
        ReviewProblem::Stale => "Bedömningen har sparats från en annan flik eller ett annat fönster efter att den här sidan öppnades. Inget skrevs över. Det du skrivit finns kvar här: kopiera det, ladda om sidan och för in det igen.".into(),
        ReviewProblem::NotYetOpen => "Det går inte än: juryns arbete börjar när ansökan har stängt, och diskussionen när din egen bedömning är klar.".into(),
        ReviewProblem::Closed => "Bedömningen är stängd av arrangören. Inget kan längre ändras.".into(),
        ReviewProblem::Done => "Bedömningen är markerad som klar. Välj ”Ångra Klar” för att ändra den.".into(),
        ReviewProblem::ReasonMissing => "Skriv varför du öppnar bedömningen igen.".into(),
        ReviewProblem::Conflicted => "Du har anmält jäv för kommunen och bedömer inte den här ansökan.".into(),
        ReviewProblem::Empty => "Skriv något här.".into(),
        ReviewProblem::CriteriaLocked => "Kriterierna och skalan kan inte ändras: bedömningen har redan börjat.".into(),
        ReviewProblem::TitleMissing => "Ge kriteriet en rubrik, eller kryssa i ”Ta bort”.".into(),
        ReviewProblem::WeightInvalid => "Vikten ska vara ett heltal från 1 till 10.".into(),
        ReviewProblem::NoCriteria => "Juryn behöver minst ett kriterium att bedöma.".into(),
        ReviewProblem::LabelsMismatch { steps } => format!("Skriv en beskrivning per steg, {steps} rader, en per rad."),
        ReviewProblem::ScaleInvalid => "Skalans högsta värde ska vara ett heltal från 2 till 10.".into(),
        ReviewProblem::AnswerMissing => "Välj om du har jäv eller inte.".into(),
        ReviewProblem::FlagPending => "Din arbetsgivare tyder på jäv för den här kommunen. Svara på frågan om jäv innan du bedömer ansökan.".into(),
        ReviewProblem::TieBreakGone => "Kriteriet som avgör delad plats tas bort. Välj ett annat kriterium, eller att juryn avgör.".into(),
    }
}

pub const SV: JuryTexts = JuryTexts {
    nav_jury: "Bedömning",
    nav_review_settings: "Juryarbete",
    problem: problem_sv,
    progress_names: ["Ej påbörjad", "Utkast", "Klar"],
    recommendation_names: ["Nominera", "Kanske", "Nej"],

    home_title: "Juryns bedömning",
    not_on_jury: "Du sitter inte i juryn för någon omgång än. Arrangören bjuder in jurymedlemmar till en omgång.",
    not_yet: |date| {
        format!(
            "Bedömningen börjar när ansökan har stängt ({date}) och arrangören har startat bedömningen. \
             Ansökningarna kan ändras fram till dess."
        )
    },
    closed: "Bedömningen är stängd. Du kan läsa men inte ändra.",
    my_progress: |done, total| format!("Du har bedömt {done} av {total} ansökningar."),
    jury_progress: |done, expected| format!("Juryn som helhet: {done} av {expected} bedömningar klara."),
    conflicts_link: "Anmäl jäv",
    shortlist_link: "Kortlista",
    filter_heading: "Urval och ordning",
    filter_lan: "Län",
    all_lans: "Alla län",
    filter_status: "Min bedömning",
    all_statuses: "Alla",
    sort_by: "Ordna efter",
    sort_kommun: "Kommun",
    sort_lan: "Län",
    sort_status: "Min bedömning",
    sort_submitted: "Inskickad",
    filter_button: "Visa",
    list_caption: "Inskickade ansökningar",
    kommun: "Kommun",
    lan: "Län",
    reference: "Referens",
    submitted: "Inskickad",
    my_review: "Min bedömning",
    jury_done: "Klara i juryn",
    none_submitted: "Inga ansökningar är inskickade till omgången.",
    none_matching: "Inga ansökningar matchar urvalet.",
    conflict_declared: "Jäv anmält",
    flag_pending: "Troligt jäv: svara först",
    employer_heading: "Din arbetsgivare",
    employer_intro: "Ange var du arbetar. Är din arbetsgivare en kommun som har ansökt, eller regionen i kommunens län, flaggar portalen troligt jäv innan du öppnar ansökan. Du svarar då om det är jäv och varför. Arrangören ser alla flaggor och svar.",
    employer_current: |name| match name {
        Some(name) => format!("Angiven arbetsgivare: {name}."),
        None => "Du har inte angett någon arbetsgivare.".to_owned(),
    },
    employer_kind_legend: "Arbetsgivare",
    employer_kinds: ["En kommun", "En region", "En annan organisation", "Ingen att ange"],
    employer_kommun: "Kommun (om arbetsgivaren är en kommun)",
    employer_region: "Regionens län (om arbetsgivaren är en region)",
    employer_organisation: "Organisationens namn (om det är en annan organisation)",
    employer_button: "Spara arbetsgivaren",
    flag_heading: "Troligt jäv",
    flag_intro: |employer, kommun| {
        format!(
            "Din arbetsgivare är {employer}. Det tyder på jäv för ansökan från {kommun}. Svara innan du läser den: ansökan visas först när du har svarat att det inte är jäv."
        )
    },
    flag_legend: "Har du jäv för den här ansökan?",
    flag_yes: "Ja, jag har jäv och bedömer inte ansökan",
    flag_no: "Nej, det är inte jäv",
    flag_reason: "Skäl",
    flag_reason_hint: "Skälet syns för arrangören, till exempel ”Jag arbetar i regionens IT-avdelning och har inget med kommunens omsorg att göra”.",
    flag_button: "Skicka svaret",
    flags_heading: "Troligt jäv enligt arbetsgivare",
    flags_none: "Ingen jurymedlems arbetsgivare tyder på jäv för någon ansökan.",
    flag_line: |juror, kommun, employer, status| format!("{juror} – {kommun} (arbetsgivare: {employer}): {status}"),
    reopened_heading: "Bedömningar som öppnats igen",
    reopened_none: "Ingen jurymedlem har öppnat en klar bedömning igen.",
    reopened_line: |juror, kommun, reason, changed| {
        let outcome = if changed {
            "Ändrad efter att juryns bedömningar visats."
        } else {
            "Poängen är desamma som när den först blev klar."
        };
        format!("{juror} – {kommun}: ”{reason}” {outcome}")
    },
    reopen_reason: "Varför öppnar du bedömningen igen?",
    reopen_reason_hint: "Du har sett juryns poäng och kommentarer. Skälet visas för arrangörerna och skrivs i loggen.",
    changed_after_seen: "Ändrad efter att juryns bedömningar visats.",
    flag_waiting: "väntar på svar.",
    flag_confirmed: |reason, when| format!("jäv bekräftat: {reason} ({when})."),
    flag_dismissed: |reason, when| format!("inte jäv: {reason} ({when})."),

    submitted_line: |lan, reference, when| format!("{lan} · referens {reference} · inskickad {when}"),
    previous: |kommun| format!("Föregående: {kommun}"),
    next: |kommun| format!("Nästa: {kommun}"),
    print_link: "Utskriftsvänlig version",
    back_to_list: "Tillbaka till listan",
    application_heading: "Ansökan",
    your_review: "Din bedömning",
    excluded: |kommun| {
        format!(
            "Du har anmält jäv för {kommun}. Du läser och bedömer inte ansökan och ser inte juryns poäng, kommentarer eller diskussion om den."
        )
    },
    weight: |w| format!("vikt {w}"),
    recommendation: "Rekommendation",
    private_note: "Egen anteckning",
    private_note_hint: "Bara du ser den, aldrig juryn eller arrangören.",
    jury_comment: "Kommentar till juryn",
    jury_comment_hint: "Juryn ser den när de har gjort sin egen bedömning klar.",
    save_button: "Spara",
    done_button: "Klar",
    undo_done_button: "Ångra Klar",
    done_explained: "Bedömningen är klar. Ångra Klar om du vill ändra den medan bedömningen är öppen.",
    not_started: "Inte påbörjad.",
    saved_at: |when| format!("Senast sparad {when}."),
    autosave_saving: "Sparar …",
    autosave_unsaved: "Ändringar som inte är sparade än. De sparas strax.",
    you_chose: |chosen| match chosen {
        Some(chosen) => format!("Du valde: {chosen}"),
        None => "Inget valt.".to_owned(),
    },
    autosave_saved: |at| format!("Sparat kl. {at}."),
    autosave_failed: "Kunde inte spara just nu. Det du skrivit finns kvar och sparas så snart det går.",
    autosave_signed_out: "Du är utloggad. Logga in i en annan flik, så sparas det du skrivit.",

    others_heading: "Juryns bedömningar",
    scores_caption: "Poäng per kriterium och jurymedlem",
    others_hidden: "Du ser de andra jurymedlemmarnas poäng, kommentarer och diskussionen när du har markerat din egen bedömning som klar.",
    others_none: "Ingen annan i juryn har gjort sin bedömning klar än.",
    criterion: "Kriterium",
    mean: "Medel",
    weighted_mean: "Viktat medelvärde",
    recommendations: |n, m, no| format!("Nominera: {n} · Kanske: {m} · Nej: {no}"),
    comments_heading: "Kommentarer till juryn",
    reviews_counted: |n| match n {
        1 => "1 klar bedömning räknas (jurymedlemmar med jäv räknas inte).".to_owned(),
        n => format!("{n} klara bedömningar räknas (jurymedlemmar med jäv räknas inte)."),
    },

    discussion_heading: "Diskussion",
    discussion_hidden: "Diskussionen visas när din egen bedömning är klar.",
    discussion_none: "Inga inlägg än.",
    post_label: "Skriv ett inlägg till juryn",
    post_button: "Publicera",
    posted_by: |who, when| format!("{who}, {when}"),

    shortlist_heading: "Förslag till nominering",
    mark_button: "Föreslå för nominering",
    unmark_button: "Ta bort mitt förslag",
    marked_explained: "Du har föreslagit ansökan för nominering.",

    conflicts_title: "Jäv",
    conflicts_intro: "Anmäl jäv innan du läser, till exempel för din arbetsgivare eller en kommun du arbetar nära. Du ser då inte juryns poäng och diskussion om kommunens ansökan, och du räknas inte in i dess resultat. Arrangören ser alla anmälningar.",
    conflicts_none: "Du har inte anmält något jäv.",
    conflict_line: |kommun, reason, when| format!("{kommun}: {reason} (anmält {when})"),
    conflict_form_heading: "Anmäl jäv",
    conflict_reason: "Skäl",
    conflict_reason_hint: "Till exempel: min arbetsgivare.",
    conflict_button: "Anmäl jäv",

    shortlist_title: "Kortlista",
    shortlist_intro: "Ansökningarna ordnade efter hur många i juryn som föreslår dem för nominering, och sedan efter viktat medelvärde. Du ser poängen för en ansökan när din egen bedömning av den är klar.",
    shortlist_caption: "Kandidater till nominering",
    proposals: "Förslag",
    not_visible_yet: "Visas när du är klar",
    my_proposal: "Mitt förslag",

    settings_title: "Juryns arbete",
    settings_phase: |phase, opens, closed| match phase {
        ReviewPhase::NotYet => {
            format!(
                "Ansökan stänger {opens}. Bedömningen börjar när omgången förs över till bedömning under ”Omgången”."
            )
        }
        ReviewPhase::Open => "Bedömningen pågår.".to_owned(),
        ReviewPhase::Closed => format!("Bedömningen stängdes {}.", closed.unwrap_or_default()),
    },
    close_button: "Stäng bedömningen",
    reopen_button: "Öppna bedömningen igen",
    progress_heading: "Jurymedlemmarnas arbete",
    progress_caption: "Bedömningar per jurymedlem",
    juror: "Jurymedlem",
    done_count: "Klara",
    drafts_count: "Utkast",
    conflicts_count: "Jäv",
    no_jurors: "Ingen jurymedlem är inbjuden till omgången än.",
    all_conflicts_heading: "Anmält jäv",
    criteria_heading: "Kriterier och skala",
    criteria_locked: "Bedömningen har börjat, så kriterierna och skalan ligger fast.",
    criteria_intro: "Juryn ger varje kriterium en poäng på skalan. Vikten avgör hur mycket kriteriet väger i det viktade medelvärdet. Kan ändras tills den första bedömningen sparas.",
    criterion_title: "Rubrik",
    criterion_description: "Beskrivning",
    criterion_weight: "Vikt (1–10)",
    criterion_remove: "Ta bort",
    new_criterion: "Nytt kriterium",
    scale_heading: "Skala",
    scale_max: "Högsta poäng",
    scale_max_hint: "Skalan börjar på 1.",
    scale_labels: "Beskrivning per steg",
    scale_labels_hint: "En rad per steg, från lägst till högst.",
    tie_break_legend: "Vid delad plats avgör",
    tie_break_hint: "Regeln för delad plats bestäms innan bedömningen börjar och visas i rangordningen. Ansökningar på delad plats ordnas efter juryns medelpoäng på det kriterium du väljer; är den också lika avgör juryn.",
    tie_break_jury: "Juryn (ingen regel)",
    tie_break_option: |title| format!("Högst medelpoäng på ”{title}”"),
    tie_rule: |title| match title {
        Some(title) => format!("Vid delad plats: högst medelpoäng på ”{title}”, sedan juryns beslut."),
        None => "Vid delad plats: juryns beslut.".to_owned(),
    },
    settings_button: "Spara kriterier och skala",
};
