//! The texts of the jury's work and of running a review, Swedish first.

use crate::domain::{
    employer::{EmployerProblem, ORGANISATION_LIMIT},
    kommun::KommunChoiceError,
    review::{Progress, Recommendation, ReviewPhase, ReviewProblem},
};

pub struct JuryTexts {
    pub nav_jury: &'static str,
    pub nav_review_settings: &'static str,
    pub done_messages: [(&'static str, &'static str); 13],
    pub problem: fn(&ReviewProblem) -> String,
    /// In the order of `Progress` and of `Recommendation`.
    pub progress_names: [&'static str; 3],
    pub recommendation_names: [&'static str; 3],

    pub home_title: &'static str,
    pub not_on_jury: &'static str,
    /// The date applications close.
    pub not_yet: fn(&str) -> String,
    pub closed: &'static str,
    pub my_progress: fn(usize, usize) -> String,
    pub jury_progress: fn(usize, usize) -> String,
    pub conflicts_link: &'static str,
    pub shortlist_link: &'static str,
    pub filter_heading: &'static str,
    pub filter_lan: &'static str,
    pub all_lans: &'static str,
    pub filter_status: &'static str,
    pub all_statuses: &'static str,
    pub sort_by: &'static str,
    pub sort_kommun: &'static str,
    pub sort_lan: &'static str,
    pub sort_status: &'static str,
    pub sort_submitted: &'static str,
    pub filter_button: &'static str,
    pub list_caption: &'static str,
    pub kommun: &'static str,
    pub lan: &'static str,
    pub reference: &'static str,
    pub submitted: &'static str,
    pub my_review: &'static str,
    pub jury_done: &'static str,
    pub none_submitted: &'static str,
    pub none_matching: &'static str,
    pub conflict_declared: &'static str,
    pub flag_pending: &'static str,

    pub employer_heading: &'static str,
    pub employer_intro: &'static str,
    /// What is recorded now, by its name (`None`: nothing).
    pub employer_current: fn(Option<&str>) -> String,
    pub employer_kind_legend: &'static str,
    /// In the order kommun, region, organisation, none.
    pub employer_kinds: [&'static str; 4],
    pub employer_kommun: &'static str,
    pub employer_region: &'static str,
    pub employer_organisation: &'static str,
    pub employer_button: &'static str,
    pub flag_heading: &'static str,
    /// The employer and the kommun.
    pub flag_intro: fn(&str, &str) -> String,
    pub flag_legend: &'static str,
    pub flag_yes: &'static str,
    pub flag_no: &'static str,
    pub flag_reason: &'static str,
    pub flag_reason_hint: &'static str,
    pub flag_button: &'static str,
    pub flags_heading: &'static str,
    pub flags_none: &'static str,
    /// Juror, kommun, employer, and where the answer stands.
    pub flag_line: fn(&str, &str, &str, &str) -> String,
    pub reopened_heading: &'static str,
    pub reopened_none: &'static str,
    pub reopened_line: fn(&str, &str, &str, bool) -> String,
    pub reopen_reason: &'static str,
    pub reopen_reason_hint: &'static str,
    pub changed_after_seen: &'static str,
    pub flag_waiting: &'static str,
    /// The reason and when.
    pub flag_confirmed: fn(&str, &str) -> String,
    pub flag_dismissed: fn(&str, &str) -> String,

    pub submitted_line: fn(&str, &str, &str) -> String,
    pub previous: fn(&str) -> String,
    pub next: fn(&str) -> String,
    pub print_link: &'static str,
    pub back_to_list: &'static str,
    pub application_heading: &'static str,
    pub your_review: &'static str,
    pub excluded: fn(&str) -> String,
    pub weight: fn(u32) -> String,
    pub recommendation: &'static str,
    pub private_note: &'static str,
    pub private_note_hint: &'static str,
    pub jury_comment: &'static str,
    pub jury_comment_hint: &'static str,
    pub save_button: &'static str,
    pub done_button: &'static str,
    pub undo_done_button: &'static str,
    pub done_explained: &'static str,
    pub not_started: &'static str,
    pub saved_at: fn(&str) -> String,
    pub autosave_saving: &'static str,
    pub autosave_unsaved: &'static str,
    pub you_chose: fn(Option<&str>) -> String,
    pub autosave_saved: fn(&str) -> String,
    pub autosave_failed: &'static str,
    pub autosave_signed_out: &'static str,

    pub others_heading: &'static str,
    pub scores_caption: &'static str,
    pub others_hidden: &'static str,
    pub others_none: &'static str,
    pub criterion: &'static str,
    pub mean: &'static str,
    pub weighted_mean: &'static str,
    pub recommendations: fn(usize, usize, usize) -> String,
    pub comments_heading: &'static str,
    pub reviews_counted: fn(usize) -> String,

    pub discussion_heading: &'static str,
    pub discussion_hidden: &'static str,
    pub discussion_none: &'static str,
    pub post_label: &'static str,
    pub post_button: &'static str,
    pub posted_by: fn(&str, &str) -> String,

    pub shortlist_heading: &'static str,
    pub mark_button: &'static str,
    pub unmark_button: &'static str,
    pub marked_explained: &'static str,

    pub conflicts_title: &'static str,
    pub conflicts_intro: &'static str,
    pub conflicts_none: &'static str,
    pub conflict_line: fn(&str, &str, &str) -> String,
    pub conflict_form_heading: &'static str,
    pub conflict_reason: &'static str,
    pub conflict_reason_hint: &'static str,
    pub conflict_button: &'static str,

    pub shortlist_title: &'static str,
    pub shortlist_intro: &'static str,
    pub shortlist_caption: &'static str,
    pub proposals: &'static str,
    pub not_visible_yet: &'static str,
    pub my_proposal: &'static str,

    pub settings_title: &'static str,
    pub settings_phase: fn(ReviewPhase, &str, Option<&str>) -> String,
    pub close_button: &'static str,
    pub reopen_button: &'static str,
    pub progress_heading: &'static str,
    pub progress_caption: &'static str,
    pub juror: &'static str,
    pub done_count: &'static str,
    pub drafts_count: &'static str,
    pub conflicts_count: &'static str,
    pub no_jurors: &'static str,
    pub all_conflicts_heading: &'static str,
    pub criteria_heading: &'static str,
    pub criteria_locked: &'static str,
    pub criteria_intro: &'static str,
    pub criterion_title: &'static str,
    pub criterion_description: &'static str,
    pub criterion_weight: &'static str,
    pub criterion_remove: &'static str,
    pub new_criterion: &'static str,
    pub scale_heading: &'static str,
    pub scale_max: &'static str,
    pub scale_max_hint: &'static str,
    pub scale_labels: &'static str,
    pub scale_labels_hint: &'static str,
    pub tie_break_legend: &'static str,
    pub tie_break_hint: &'static str,
    pub tie_break_jury: &'static str,
    pub tie_break_option: fn(&str) -> String,
    /// The tie rule in a sentence, by the deciding criterion's title (`None`: the jury decides).
    pub tie_rule: fn(Option<&str>) -> String,
    pub settings_button: &'static str,
}

impl JuryTexts {
    pub fn done(&self, code: &str) -> Option<&'static str> {
        self.done_messages.iter().find(|(c, _)| *c == code).map(|(_, text)| *text)
    }

    pub fn progress(&self, progress: Progress) -> &'static str {
        self.progress_names[progress as usize]
    }

    pub fn recommendation_name(&self, r: Recommendation) -> &'static str {
        self.recommendation_names[r as usize]
    }
}

pub(super) fn employer_problem_sv(problem: &EmployerProblem) -> String {
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

pub(super) fn employer_problem_en(problem: &EmployerProblem) -> String {
    match problem {
        EmployerProblem::KindMissing => "Choose what kind of employer you have.".into(),
        EmployerProblem::Kommun(KommunChoiceError::Empty) => "Choose the kommun from the list.".into(),
        EmployerProblem::Kommun(KommunChoiceError::Unknown(typed)) => {
            format!("There is no kommun called “{typed}”. Choose the kommun from the list.")
        }
        EmployerProblem::RegionMissing => "Choose the region's län from the list.".into(),
        EmployerProblem::NameMissing => "Write the organisation's name.".into(),
        EmployerProblem::NameTooLong => format!("The name may be at most {ORGANISATION_LIMIT} characters."),
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

fn problem_en(problem: &ReviewProblem) -> String {
    match problem {
        ReviewProblem::OutsideScale { min, max } => format!("Choose a score from {min} to {max}."),
        ReviewProblem::ScoreMissing => "Give a score here before marking the review done.".into(),
        ReviewProblem::RecommendationMissing => "Choose a recommendation: nominate, maybe or no.".into(),
        ReviewProblem::TooLong { max } => format!("The text may be at most {} characters.", crate::domain::english::number(u64::from(*max))),
        ReviewProblem::Stale => "The review was saved from another tab or window after this page was opened. Nothing was overwritten. What you wrote is still here: copy it, reload the page and add it again.".into(),
        ReviewProblem::NotYetOpen => "Not yet: the jury's work begins when applications close, and the discussion once your own review is done.".into(),
        ReviewProblem::Closed => "The organiser has closed the review. Nothing can be changed any more.".into(),
        ReviewProblem::Done => "The review is marked done. Choose “Undo done” to change it.".into(),
        ReviewProblem::ReasonMissing => "Write why you are reopening the review.".into(),
        ReviewProblem::Conflicted => "You declared a conflict of interest for this kommun and do not review this application.".into(),
        ReviewProblem::Empty => "Write something here.".into(),
        ReviewProblem::CriteriaLocked => "The criteria and the scale cannot change: the review has already begun.".into(),
        ReviewProblem::TitleMissing => "Give the criterion a title, or tick “Remove”.".into(),
        ReviewProblem::WeightInvalid => "The weight must be a whole number from 1 to 10.".into(),
        ReviewProblem::NoCriteria => "The jury needs at least one criterion to score.".into(),
        ReviewProblem::LabelsMismatch { steps } => format!("Write one descriptor per step, {steps} lines, one per line."),
        ReviewProblem::ScaleInvalid => "The top of the scale must be a whole number from 2 to 10.".into(),
        ReviewProblem::AnswerMissing => "Choose whether you have a conflict of interest or not.".into(),
        ReviewProblem::FlagPending => "Your employer suggests a conflict of interest for this kommun. Answer the question about it before you review the application.".into(),
        ReviewProblem::TieBreakGone => "The criterion that settles a shared place is being removed. Choose another one, or that the jury decides.".into(),
    }
}

pub const SV: JuryTexts = JuryTexts {
    nav_jury: "Bedömning",
    nav_review_settings: "Juryarbete",
    done_messages: [
        ("bedomning-sparad", "Bedömningen är sparad."),
        ("bedomning-klar", "Bedömningen är klar. Nu ser du juryns poäng, kommentarer och diskussion."),
        ("bedomning-oppnad", "Bedömningen är öppnad igen och kan ändras."),
        ("jav-anmalt", "Jävet är anmält. Du ser inte längre juryns arbete med den kommunens ansökan."),
        ("inlagg", "Inlägget är publicerat för juryn."),
        ("markerad", "Ansökan är föreslagen för nominering."),
        ("avmarkerad", "Förslaget är borttaget."),
        ("kriterier-sparade", "Kriterierna och skalan är sparade."),
        ("bedomning-stangd", "Bedömningen är stängd. Juryn kan läsa men inte ändra."),
        ("bedomning-oppen", "Bedömningen är öppen igen."),
        ("arbetsgivare-sparad", "Din arbetsgivare är sparad. Portalen flaggar troligt jäv utifrån den."),
        (
            "jav-bekraftat",
            "Jävet är bekräftat. Du bedömer inte den kommunens ansökan och ser inget av juryns arbete med den.",
        ),
        ("jav-avfardat", "Du har svarat att det inte är jäv. Svaret och skälet syns för arrangören."),
    ],
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

pub const EN: JuryTexts = JuryTexts {
    nav_jury: "Review",
    nav_review_settings: "Jury work",
    done_messages: [
        ("bedomning-sparad", "The review is saved."),
        ("bedomning-klar", "The review is done. You now see the jury's scores, comments and discussion."),
        ("bedomning-oppnad", "The review is open again and can be changed."),
        (
            "jav-anmalt",
            "The conflict of interest is declared. You no longer see the jury's work on that kommun's application.",
        ),
        ("inlagg", "The post is published to the jury."),
        ("markerad", "The application is proposed for nomination."),
        ("avmarkerad", "The proposal is withdrawn."),
        ("kriterier-sparade", "The criteria and the scale are saved."),
        ("bedomning-stangd", "The review is closed. The jury can read but not change."),
        ("bedomning-oppen", "The review is open again."),
        ("arbetsgivare-sparad", "Your employer is saved. The portal flags a probable conflict of interest from it."),
        (
            "jav-bekraftat",
            "The conflict of interest is confirmed. You do not review that kommun's application and see nothing of the jury's work on it.",
        ),
        (
            "jav-avfardat",
            "You answered that it is no conflict of interest. The answer and the reason are shown to the organiser.",
        ),
    ],
    problem: problem_en,
    progress_names: ["Not started", "Draft", "Done"],
    recommendation_names: ["Nominate", "Maybe", "No"],

    home_title: "Jury review",
    not_on_jury: "You do not sit on the jury of any round yet. The organiser invites jurors to a round.",
    not_yet: |date| {
        format!(
            "The review begins once applications have closed ({date}) and the organiser has started it. \
             Applications can change until then."
        )
    },
    closed: "The review is closed. You can read but not change.",
    my_progress: |done, total| format!("You have reviewed {done} of {total} applications."),
    jury_progress: |done, expected| format!("The jury as a whole: {done} of {expected} reviews done."),
    conflicts_link: "Declare a conflict of interest",
    shortlist_link: "Shortlist",
    filter_heading: "Filter and order",
    filter_lan: "County",
    all_lans: "All counties",
    filter_status: "My review",
    all_statuses: "All",
    sort_by: "Order by",
    sort_kommun: "Kommun",
    sort_lan: "County",
    sort_status: "My review",
    sort_submitted: "Submitted",
    filter_button: "Show",
    list_caption: "Submitted applications",
    kommun: "Kommun",
    lan: "County",
    reference: "Reference",
    submitted: "Submitted",
    my_review: "My review",
    jury_done: "Done in the jury",
    none_submitted: "No applications have been submitted to the round.",
    none_matching: "No applications match the filter.",
    conflict_declared: "Conflict declared",
    flag_pending: "Probable conflict: answer first",
    employer_heading: "Your employer",
    employer_intro: "Say where you work. If your employer is a kommun that has applied, or the region of the kommun's län, the portal flags a probable conflict of interest before you open the application. You then answer whether it is one, and why. The organiser sees every flag and answer.",
    employer_current: |name| match name {
        Some(name) => format!("Employer given: {name}."),
        None => "You have not given an employer.".to_owned(),
    },
    employer_kind_legend: "Employer",
    employer_kinds: ["A kommun", "A region", "Another organisation", "None to give"],
    employer_kommun: "Kommun (if the employer is a kommun)",
    employer_region: "The region's län (if the employer is a region)",
    employer_organisation: "The organisation's name (if it is another organisation)",
    employer_button: "Save the employer",
    flag_heading: "Probable conflict of interest",
    flag_intro: |employer, kommun| {
        format!(
            "Your employer is {employer}. That suggests a conflict of interest for the application from {kommun}. Answer before you read it: the application is shown only once you have answered that it is no conflict."
        )
    },
    flag_legend: "Do you have a conflict of interest for this application?",
    flag_yes: "Yes, I have a conflict and do not review the application",
    flag_no: "No, it is no conflict of interest",
    flag_reason: "Reason",
    flag_reason_hint: "The organiser sees the reason, for example “I work in the region's IT department and have nothing to do with the kommun's care”.",
    flag_button: "Send the answer",
    flags_heading: "Probable conflicts from employers",
    flags_none: "No juror's employer suggests a conflict for any application.",
    flag_line: |juror, kommun, employer, status| format!("{juror} – {kommun} (employer: {employer}): {status}"),
    reopened_heading: "Reviews reopened",
    reopened_none: "No juror has reopened a done review.",
    reopened_line: |juror, kommun, reason, changed| {
        let outcome = if changed {
            "Changed after the jury's scores were seen."
        } else {
            "The scores are the same as when it was first done."
        };
        format!("{juror} – {kommun}: “{reason}” {outcome}")
    },
    reopen_reason: "Why are you reopening the review?",
    reopen_reason_hint: "You have seen the jury's scores and comments. The reason is shown to the organisers and written to the log.",
    changed_after_seen: "Changed after the jury's scores were seen.",
    flag_waiting: "waiting for an answer.",
    flag_confirmed: |reason, when| format!("conflict confirmed: {reason} ({when})."),
    flag_dismissed: |reason, when| format!("no conflict: {reason} ({when})."),

    submitted_line: |lan, reference, when| format!("{lan} · reference {reference} · submitted {when}"),
    previous: |kommun| format!("Previous: {kommun}"),
    next: |kommun| format!("Next: {kommun}"),
    print_link: "Printable version",
    back_to_list: "Back to the list",
    application_heading: "Application",
    your_review: "Your review",
    excluded: |kommun| {
        format!(
            "You declared a conflict of interest for {kommun}. You neither read nor review the application and do not see the jury's scores, comments or discussion of it."
        )
    },
    weight: |w| format!("weight {w}"),
    recommendation: "Recommendation",
    private_note: "Private note",
    private_note_hint: "Only you see it, never the jury or the organiser.",
    jury_comment: "Comment to the jury",
    jury_comment_hint: "The jury sees it once they have finished their own review.",
    save_button: "Save",
    done_button: "Done",
    undo_done_button: "Undo done",
    done_explained: "The review is done. Undo done to change it while the review is open.",
    not_started: "Not started.",
    saved_at: |when| format!("Last saved {when}."),
    autosave_saving: "Saving …",
    autosave_unsaved: "Changes not saved yet. They are saved in a moment.",
    you_chose: |chosen| match chosen {
        Some(chosen) => format!("You chose: {chosen}"),
        None => "Nothing chosen.".to_owned(),
    },
    autosave_saved: |at| format!("Saved at {at}."),
    autosave_failed: "Could not save just now. What you wrote is kept and saved as soon as possible.",
    autosave_signed_out: "You are logged out. Log in in another tab and what you wrote will be saved.",

    others_heading: "The jury's reviews",
    scores_caption: "Scores per criterion and juror",
    others_hidden: "You see the other jurors' scores, comments and the discussion once you have marked your own review done.",
    others_none: "Nobody else on the jury has finished a review yet.",
    criterion: "Criterion",
    mean: "Mean",
    weighted_mean: "Weighted mean",
    recommendations: |n, m, no| format!("Nominate: {n} · Maybe: {m} · No: {no}"),
    comments_heading: "Comments to the jury",
    reviews_counted: |n| match n {
        1 => "1 finished review counts (jurors with a conflict of interest do not).".to_owned(),
        n => format!("{n} finished reviews count (jurors with a conflict of interest do not)."),
    },

    discussion_heading: "Discussion",
    discussion_hidden: "The discussion is shown once your own review is done.",
    discussion_none: "No posts yet.",
    post_label: "Write a post to the jury",
    post_button: "Publish",
    posted_by: |who, when| format!("{who}, {when}"),

    shortlist_heading: "Proposal for nomination",
    mark_button: "Propose for nomination",
    unmark_button: "Withdraw my proposal",
    marked_explained: "You have proposed the application for nomination.",

    conflicts_title: "Conflicts of interest",
    conflicts_intro: "Declare a conflict of interest before reading, for example for your employer or a kommun you work closely with. You then do not see the jury's scores and discussion of that kommun's application, and you are left out of its results. The organiser sees every declaration.",
    conflicts_none: "You have not declared any conflict of interest.",
    conflict_line: |kommun, reason, when| format!("{kommun}: {reason} (declared {when})"),
    conflict_form_heading: "Declare a conflict of interest",
    conflict_reason: "Reason",
    conflict_reason_hint: "For example: my employer.",
    conflict_button: "Declare",

    shortlist_title: "Shortlist",
    shortlist_intro: "The applications ordered by how many jurors propose them for nomination, then by weighted mean. You see an application's scores once your own review of it is done.",
    shortlist_caption: "Candidates for nomination",
    proposals: "Proposals",
    not_visible_yet: "Shown when you are done",
    my_proposal: "My proposal",

    settings_title: "The jury's work",
    settings_phase: |phase, opens, closed| match phase {
        ReviewPhase::NotYet => {
            format!("Applications close {opens}. The review begins when the round is moved to review under “Round”.")
        }
        ReviewPhase::Open => "The review is under way.".to_owned(),
        ReviewPhase::Closed => format!("The review was closed {}.", closed.unwrap_or_default()),
    },
    close_button: "Close the review",
    reopen_button: "Open the review again",
    progress_heading: "The jurors' work",
    progress_caption: "Reviews per juror",
    juror: "Juror",
    done_count: "Done",
    drafts_count: "Drafts",
    conflicts_count: "Conflicts",
    no_jurors: "No juror has been invited to the round yet.",
    all_conflicts_heading: "Declared conflicts of interest",
    criteria_heading: "Criteria and scale",
    criteria_locked: "The review has begun, so the criteria and the scale are fixed.",
    criteria_intro: "The jury scores each criterion on the scale. The weight decides how much it counts in the weighted mean. Can change until the first review is saved.",
    criterion_title: "Title",
    criterion_description: "Description",
    criterion_weight: "Weight (1–10)",
    criterion_remove: "Remove",
    new_criterion: "New criterion",
    scale_heading: "Scale",
    scale_max: "Highest score",
    scale_max_hint: "The scale starts at 1.",
    scale_labels: "Descriptor per step",
    scale_labels_hint: "One line per step, from lowest to highest.",
    tie_break_legend: "A shared place is settled by",
    tie_break_hint: "The rule for a shared place is set before the review begins and shown in the ranking. Applications sharing a place are ordered by the jury's mean score on the criterion you choose; if that is equal too, the jury decides.",
    tie_break_jury: "The jury (no rule)",
    tie_break_option: |title| format!("The highest mean score on “{title}”"),
    tie_rule: |title| match title {
        Some(title) => format!("A shared place: the highest mean score on “{title}”, then the jury's decision."),
        None => "A shared place: the jury's decision.".to_owned(),
    },
    settings_button: "Save criteria and scale",
};
