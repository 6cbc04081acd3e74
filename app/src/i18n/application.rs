//! The texts of applying and of following the applications, Swedish first.

use crate::{
    domain::{
        application::{
            CONTACT_EMAIL, CONTACT_NAME, CONTACT_PHONE, CONTACT_TITLE, Refusal, SUMMARY, Status, SubmitProblem,
        },
        deadline::to_stockholm,
        english, swedish,
    },
    problem::ApplyProblem,
};
use chrono::NaiveDateTime;

pub struct ApplyTexts {
    pub nav_application: &'static str,
    pub nav_applications: &'static str,
    pub problem: fn(&ApplyProblem) -> String,
    /// "14.32"
    pub clock: fn(NaiveDateTime) -> String,

    pub title: &'static str,
    /// "Kalmars ansökan"
    pub heading: fn(&str) -> String,
    pub no_round: &'static str,
    pub status_heading: &'static str,
    pub deadline: &'static str,
    pub extended: &'static str,
    pub latest_submission: &'static str,
    /// "Ansökan har stängt. Den stängde …"
    pub closed: fn(&str) -> String,
    pub not_yet_open: &'static str,
    pub state_draft: &'static str,
    pub state_submitted: &'static str,
    pub state_reopened: &'static str,
    pub preview_link: &'static str,
    pub submit_link: &'static str,
    pub reopen_explained: &'static str,
    pub reopen_button: &'static str,

    pub awaiting_heading: &'static str,
    pub awaiting_body: &'static str,
    pub colleagues_heading: &'static str,
    pub colleague_waiting: &'static str,
    pub approve_button: &'static str,
    pub withdraw_button: &'static str,
    pub approved_column: &'static str,

    pub summary_label: &'static str,
    pub summary_guidance: &'static str,
    pub contact_heading: &'static str,
    pub contact_hint: &'static str,
    pub contact_name: &'static str,
    pub contact_title: &'static str,
    pub contact_email: &'static str,
    pub contact_phone: &'static str,
    /// "1 234 av 6 000 tecken", and how many over.
    pub count: fn(usize, u32) -> String,
    pub history_link: &'static str,
    pub save_button: &'static str,

    pub conflict_heading: &'static str,
    /// Who saved the newer version and when, and when the writer's own text was kept.
    pub conflict_body: fn(&str, &str, &str) -> String,
    pub conflict_theirs: &'static str,
    pub conflict_mine: &'static str,
    pub conflict_keep_mine: &'static str,
    pub conflict_take_theirs: &'static str,
    pub conflict_reload: &'static str,

    pub status_nothing_saved: &'static str,
    pub status_last_saved: fn(&str) -> String,
    pub status_saving: &'static str,
    pub status_unsaved: &'static str,
    pub status_up_to_date: &'static str,
    pub status_saved: fn(&str) -> String,
    pub status_conflict: fn(&str) -> String,
    pub status_too_long: fn(&str, usize, u32) -> String,
    pub status_refused: fn(Refusal) -> String,
    pub status_failed: &'static str,
    pub status_signed_out: &'static str,
    pub status_forbidden: &'static str,

    pub back_to_editor: &'static str,
    pub preview_title: &'static str,
    pub preview_intro: &'static str,
    pub before_heading: &'static str,
    /// Health data is special-category data: no identifiable care recipients.
    pub no_care_recipients: &'static str,
    /// The application may be an allmän handling at the kommun.
    pub public_document: &'static str,

    pub submit_title: &'static str,
    pub already_submitted: &'static str,
    pub see_receipt: &'static str,
    pub not_ready_heading: &'static str,
    pub submit_problem: fn(&str, &SubmitProblem) -> String,
    /// Kommun, round, deadline.
    pub submit_intro: fn(&str, &str, &str) -> String,
    pub preview_first: &'static str,
    pub undecided_copies: &'static str,
    pub submit_button: &'static str,

    pub receipt_title: &'static str,
    pub earlier_submission_title: &'static str,
    /// Kommun, reference, time, by whom.
    pub receipt_body: fn(&str, &str, &str, &str) -> String,
    pub receipt_mail_sent: &'static str,

    pub history_title: &'static str,
    pub history_heading: fn(&str) -> String,
    pub history_none: &'static str,
    pub history_caption: &'static str,
    pub version: &'static str,
    pub version_name: fn(i64) -> String,
    pub current: &'static str,
    pub saved_by: &'static str,
    pub saved_when: &'static str,
    pub chars: &'static str,
    pub restore_explained: &'static str,
    pub restore_button: &'static str,

    pub overview_title: &'static str,
    pub overview_counts: fn(usize, usize) -> String,
    pub overview_private: &'static str,
    pub overview_caption: &'static str,
    pub lan: &'static str,
    pub status: &'static str,
    pub last_activity: &'static str,
    pub status_draft: &'static str,
    pub status_submitted: &'static str,
    pub status_reopened: &'static str,
    pub extensions_heading: &'static str,
    pub extensions_none: &'static str,
    /// Kommun, new deadline, granted by, granted when.
    pub extension_line: fn(&str, &str, &str, &str) -> String,
    pub extension_form_heading: &'static str,
    pub extension_intro: &'static str,
    pub extension_date: &'static str,
    pub extension_time: &'static str,
    pub extension_reason: &'static str,
    pub extension_reason_hint: &'static str,
    pub extension_button: &'static str,
}

impl ApplyTexts {
    /// What a part is called: a section's title, or the interface's own label.
    pub fn part_label(&self, part: &str, title: &str) -> String {
        match part {
            SUMMARY => self.summary_label.to_owned(),
            CONTACT_NAME => self.contact_name.to_owned(),
            CONTACT_TITLE => self.contact_title.to_owned(),
            CONTACT_EMAIL => self.contact_email.to_owned(),
            CONTACT_PHONE => self.contact_phone.to_owned(),
            _ => title.to_owned(),
        }
    }

    pub fn status_name(&self, status: Status) -> &'static str {
        match status {
            Status::Draft => self.status_draft,
            Status::Submitted => self.status_submitted,
            Status::Reopened => self.status_reopened,
        }
    }
}

fn refusal_sv(refusal: Refusal) -> String {
    match refusal {
        Refusal::Closed { closed_at } => format!(
            "Ansökan har stängt: sista minuten var {}. Inget kan längre ändras eller skickas in.",
            swedish::long_date_time(to_stockholm(closed_at) - chrono::Duration::minutes(1))
        ),
        Refusal::NotYetOpen => "Ansökan har inte öppnat än.".into(),
        Refusal::Submitted => "Ansökan är inskickad och därför låst. Öppna den för ändringar först.".into(),
        Refusal::NotSubmitted => "Ansökan är inte inskickad, så den behöver inte öppnas.".into(),
    }
}

fn refusal_en(refusal: Refusal) -> String {
    match refusal {
        Refusal::Closed { closed_at } => format!(
            "Applications have closed: the last minute was {}. Nothing can be changed or submitted any more.",
            english::long_date_time(to_stockholm(closed_at) - chrono::Duration::minutes(1))
        ),
        Refusal::NotYetOpen => "Applications have not opened yet.".into(),
        Refusal::Submitted => "The application is submitted and therefore locked. Reopen it for changes first.".into(),
        Refusal::NotSubmitted => "The application is not submitted, so it need not be reopened.".into(),
    }
}

fn problem_sv(problem: &ApplyProblem) -> String {
    match problem {
        ApplyProblem::Refused(r) => refusal_sv(*r),
        ApplyProblem::NotReady => "Ansökan är inte klar att skicka in. Rätta det som står i listan.".into(),
        ApplyProblem::UnknownVersion => "Den versionen finns inte. Välj en version i listan.".into(),
        ApplyProblem::OutdatedForm => {
            "Sidan var gammal: ansökan har öppnats igen sedan den visades. Inget skickades in; läs igenom och skicka in igen.".into()
        }
        ApplyProblem::InvalidDate => "Ange datumet som år-månad-dag, till exempel 2027-04-22.".into(),
        ApplyProblem::InvalidTime => "Ange en klockslag som finns i svensk tid, till exempel 23:59.".into(),
        ApplyProblem::ReasonMissing => "Skriv varför kommunen får längre tid; skälet sparas.".into(),
        ApplyProblem::ExtensionNotLater => "Den nya tiden måste vara senare än omgångens sista ansökningsdag.".into(),
    }
}

fn problem_en(problem: &ApplyProblem) -> String {
    match problem {
        ApplyProblem::Refused(r) => refusal_en(*r),
        ApplyProblem::NotReady => "The application is not ready to submit. Correct what the list says.".into(),
        ApplyProblem::UnknownVersion => "That version does not exist. Choose one from the list.".into(),
        ApplyProblem::OutdatedForm => {
            "The page was old: the application has been reopened since it was shown. Nothing was submitted; read it through and submit again.".into()
        }
        ApplyProblem::InvalidDate => "Enter the date as year-month-day, for example 2027-04-22.".into(),
        ApplyProblem::InvalidTime => "Enter a time that exists in Swedish time, for example 23:59.".into(),
        ApplyProblem::ReasonMissing => "Write why the kommun gets more time; the reason is kept.".into(),
        ApplyProblem::ExtensionNotLater => "The new time must be later than the round's deadline.".into(),
    }
}

fn submit_problem_sv(label: &str, problem: &SubmitProblem) -> String {
    match problem {
        SubmitProblem::Empty { .. } => format!("{label}: fyll i en text."),
        SubmitProblem::TooLong { count, max, .. } => format!(
            "{label}: texten har {} tecken men får ha högst {}. Korta den med {} tecken.",
            swedish::number(*count as u64),
            swedish::number(u64::from(*max)),
            swedish::number((*count - *max as usize) as u64)
        ),
        SubmitProblem::InvalidEmail => {
            format!("{label}: ange en e-postadress som fungerar, till exempel namn@kommun.se.")
        }
        SubmitProblem::InvalidPhone => format!("{label}: ange telefonnumret med siffror, till exempel 0480-45 00 00."),
    }
}

fn submit_problem_en(label: &str, problem: &SubmitProblem) -> String {
    match problem {
        SubmitProblem::Empty { .. } => format!("{label}: write a text."),
        SubmitProblem::TooLong { count, max, .. } => format!(
            "{label}: the text has {} characters but may have at most {}. Shorten it by {}.",
            english::number(*count as u64),
            english::number(u64::from(*max)),
            english::number((*count - *max as usize) as u64)
        ),
        SubmitProblem::InvalidEmail => format!("{label}: enter a working e-mail address, for example name@kommun.se."),
        SubmitProblem::InvalidPhone => {
            format!("{label}: enter the phone number in digits, for example +46 480 45 00 00.")
        }
    }
}

/// A text box's count against its limit (`ApplyTexts::count`), for the browser,
/// which has the count's code but not all the texts.
pub fn count_text(locale: super::Locale, count: usize, limit: u32) -> String {
    match locale {
        super::Locale::Sv => count_sv(count, limit),
        super::Locale::En => count_en(count, limit),
    }
}

fn count_sv(count: usize, limit: u32) -> String {
    let over = count.saturating_sub(limit as usize);
    let base = format!("{} av {} tecken", swedish::number(count as u64), swedish::number(u64::from(limit)));
    if over == 0 {
        base
    } else {
        format!(
            "{base} – {} för många. Texten sparas, men måste kortas innan ni skickar in.",
            swedish::number(over as u64)
        )
    }
}

fn count_en(count: usize, limit: u32) -> String {
    let over = count.saturating_sub(limit as usize);
    let base = format!("{} of {} characters", english::number(count as u64), english::number(u64::from(limit)));
    if over == 0 {
        base
    } else {
        format!(
            "{base} – {} too many. The text is saved, but must be shortened before you submit.",
            english::number(over as u64)
        )
    }
}

pub const SV: ApplyTexts = ApplyTexts {
    nav_application: "Vår ansökan",
    nav_applications: "Ansökningar",
    problem: problem_sv,
    clock: swedish::clock,

    title: "Vår ansökan",
    heading: |kommun| format!("Ansökan från {kommun}"),
    no_round: "Det finns ingen omgång att ansöka till just nu.",
    status_heading: "Läge",
    deadline: "Sista ansökningsdag",
    extended: "förlängd för er kommun",
    latest_submission: "Senast inskickad",
    closed: |when| {
        format!("Ansökan har stängt. Sista ansökningsdag var {when}; inget kan längre ändras eller skickas in.")
    },
    not_yet_open: "Ansökan har inte öppnat än.",
    state_draft: "Utkast – inte inskickad än.",
    state_submitted: "Inskickad. Ansökan är låst; öppna den om ni vill ändra något före sista ansökningsdag.",
    state_reopened: "Öppnad för ändringar. Juryn läser den senast inskickade versionen tills ni skickar in igen.",
    preview_link: "Förhandsgranska hela ansökan",
    submit_link: "Skicka in ansökan",
    reopen_explained: "Ni kan öppna ansökan för ändringar fram till sista ansökningsdag. Den inskickade versionen gäller tills ni skickar in igen.",
    reopen_button: "Öppna för ändringar",

    awaiting_heading: "Ditt konto väntar på att bli godkänt",
    awaiting_body: "Innan du kan läsa och skriva i kommunens ansökan godkänner någon att du företräder kommunen: en kollega som redan skriver i ansökan eller, om det inte finns någon, arrangören. Du får ett mejl när ditt konto är godkänt; hör av dig till arrangören om det dröjer.",
    colleagues_heading: "Kollegor i ansökan",
    colleague_waiting: "väntar på godkännande",
    approve_button: "Godkänn",
    withdraw_button: "Ta bort från kommunens ansökan",
    approved_column: "Godkänd för kommunen",

    summary_label: "Sammanfattning",
    summary_guidance: "Några meningar om kommunens arbete som helhet; juryn läser den först.",
    contact_heading: "Kontaktperson",
    contact_hint: "Den som juryn och arrangören kan höra av sig till om ansökan.",
    contact_name: "Namn",
    contact_title: "Titel eller roll",
    contact_email: "E-postadress",
    contact_phone: "Telefonnummer",
    count: count_sv,
    history_link: "Tidigare versioner",
    save_button: "Spara utkast",

    conflict_heading: "En kollega har sparat en nyare version",
    conflict_body: |by, when, kept| {
        format!(
            "{by} sparade den här delen {when}, efter att du började skriva. Din text sparades inte över deras utan finns kvar i rutan nedan (kopia {kept}). Välj vilken text som ska gälla."
        )
    },
    conflict_theirs: "Den sparade versionen",
    conflict_mine: "Din text",
    conflict_keep_mine: "Spara min text",
    conflict_take_theirs: "Använd den sparade versionen",
    conflict_reload: "Visa och välj",

    status_nothing_saved: "Inget är sparat än. Texten sparas automatiskt medan du skriver.",
    status_last_saved: |when| format!("Senast sparat {when}."),
    status_saving: "Sparar …",
    status_unsaved: "Ändringar som inte är sparade än. De sparas strax.",
    status_up_to_date: "Allt är redan sparat.",
    status_saved: |at| format!("Sparat kl. {at}."),
    status_too_long: |part, count, max| {
        format!(
            "{part} sparades inte: {count} tecken är för långt även för ett utkast (högst {max}). Korta texten; den finns kvar i rutan."
        )
    },
    status_conflict: |parts| {
        format!(
            "En kollega har sparat en nyare version av: {parts}. Din text är kvar och sparad som din egen kopia. Välj vilken som ska gälla."
        )
    },
    status_refused: |r| format!("{} Det du skrev finns kvar här och som din egen kopia.", refusal_sv(r)),
    status_failed: "Kunde inte spara – kontrollera nätverket. Din text finns kvar här och sparas så snart det går.",
    status_forbidden: "Den som är inloggad nu hör inte till den här kommunen, så texten kan inte sparas här. Den finns kvar på sidan: kopiera den innan du lämnar sidan.",
    status_signed_out: "Du har blivit utloggad, så texten kan inte sparas. Den finns kvar här: logga in i en ny flik, så sparas den igen.",

    back_to_editor: "Tillbaka till ansökan",
    preview_title: "Förhandsgranska ansökan",
    preview_intro: "Så här kommer juryn att läsa er ansökan. Använd webbläsarens utskrift för en pappersversion.",
    before_heading: "Innan ni skriver",
    no_care_recipients: "Beskriv inte enskilda personer som får vård eller omsorg så att de går att känna igen, inte heller genom ålder, ort eller händelse. Uppgifter om hälsa är känsliga personuppgifter och hör inte hemma i ansökan. Skriv om arbetssätt, resultat och erfarenheter i stort.",
    public_document: "Ansökan kan vara en allmän handling hos er kommun och kan då lämnas ut till den som begär det, om inte uppgifterna omfattas av sekretess. Skriv inget som inte får bli offentligt.",

    submit_title: "Skicka in ansökan",
    already_submitted: "Ansökan är redan inskickad.",
    see_receipt: "Se kvittot",
    not_ready_heading: "Det här behöver göras innan ni kan skicka in",
    submit_problem: submit_problem_sv,
    submit_intro: |kommun, round, deadline| {
        format!(
            "Ni skickar nu in ansökan från {kommun} till {round}. Alla sökande i kommunen får ett kvitto med e-post. Fram till {deadline} kan ni öppna ansökan igen, ändra och skicka in på nytt."
        )
    },
    preview_first: "Läs igenom hela ansökan först",
    undecided_copies: "Du har egna texter som krockade med en kollegas och som du inte har valt mellan. Det som skickas in är den sparade versionen, inte din kopia:",
    submit_button: "Skicka in ansökan",

    receipt_title: "Ansökan är inskickad",
    earlier_submission_title: "En tidigare inskickning",
    receipt_body: |kommun, reference, when, by| {
        format!("Ansökan från {kommun} kom in {when} och har referensnumret {reference}. Den skickades in av {by}.")
    },
    receipt_mail_sent: "Ett kvitto med en kopia av texten har skickats med e-post till kommunens sökande.",

    history_title: "Tidigare versioner",
    history_heading: |part| format!("Tidigare versioner: {part}"),
    history_none: "Den här delen har inte sparats än.",
    history_caption: "Alla sparade versioner, den senaste först",
    version: "Version",
    version_name: |n| format!("Version {n}"),
    current: "gällande",
    saved_by: "Sparad av",
    saved_when: "När",
    chars: "Tecken",
    restore_explained: "Återställ den här versionen: den blir den senaste, och alla versioner finns kvar.",
    restore_button: "Återställ den här versionen",

    overview_title: "Ansökningar",
    overview_counts: |submitted, drafts| format!("{submitted} inskickade, {drafts} utkast."),
    overview_private: "Utkastens text är kommunernas egen tills de skickas in; här syns bara läget.",
    overview_caption: "Kommunernas ansökningar",
    lan: "Län",
    status: "Läge",
    last_activity: "Senaste aktivitet",
    status_draft: "Utkast",
    status_submitted: "Inskickad",
    status_reopened: "Öppnad för ändringar",
    extensions_heading: "Förlängd ansökningstid",
    extensions_none: "Ingen kommun har fått förlängd tid.",
    extension_line: |kommun, until, by, when| format!("{kommun}: till {until}, beviljad av {by} {when}."),
    extension_form_heading: "Ge en kommun längre tid",
    extension_intro: "Förlängningen gäller bara den valda kommunen och sparas med skälet.",
    extension_date: "Ny sista dag",
    extension_time: "Klockslag (svensk tid)",
    extension_reason: "Skäl",
    extension_reason_hint: "Till exempel: driftstörning hos kommunen den 15 april, enligt mejl från …",
    extension_button: "Ge längre tid",
};

pub const EN: ApplyTexts = ApplyTexts {
    nav_application: "Our application",
    nav_applications: "Applications",
    problem: problem_en,
    clock: english::clock,

    title: "Our application",
    heading: |kommun| format!("Application from {kommun}"),
    no_round: "There is no round to apply to at the moment.",
    status_heading: "Status",
    deadline: "Deadline",
    extended: "extended for your kommun",
    latest_submission: "Last submitted",
    closed: |when| {
        format!("Applications have closed. The deadline was {when}; nothing can be changed or submitted any more.")
    },
    not_yet_open: "Applications have not opened yet.",
    state_draft: "Draft – not submitted yet.",
    state_submitted: "Submitted. The application is locked; reopen it if you want to change something before the deadline.",
    state_reopened: "Open for changes. The jury reads the last submitted version until you submit again.",
    preview_link: "Preview the whole application",
    submit_link: "Submit the application",
    reopen_explained: "You can reopen the application for changes until the deadline. The submitted version stands until you submit again.",
    reopen_button: "Reopen for changes",

    awaiting_heading: "Your account is waiting to be approved",
    awaiting_body: "Before you can read and write the kommun's application, someone confirms that you speak for the kommun: a colleague who already writes the application or, if there is none, the organiser. You get an e-mail once your account is approved; contact the organiser if it takes long.",
    colleagues_heading: "Colleagues on the application",
    colleague_waiting: "waiting for approval",
    approve_button: "Approve",
    withdraw_button: "Remove from the kommun's application",
    approved_column: "Approved for the kommun",

    summary_label: "Summary",
    summary_guidance: "A few sentences on the kommun's work as a whole; the jury reads it first.",
    contact_heading: "Contact person",
    contact_hint: "The person the jury and the organiser can contact about the application.",
    contact_name: "Name",
    contact_title: "Title or role",
    contact_email: "E-mail address",
    contact_phone: "Phone number",
    count: count_en,
    history_link: "Earlier versions",
    save_button: "Save draft",

    conflict_heading: "A colleague has saved a newer version",
    conflict_body: |by, when, kept| {
        format!(
            "{by} saved this part {when}, after you started writing. Your text was not saved over theirs; it is still in the box below (copy of {kept}). Choose which text applies."
        )
    },
    conflict_theirs: "The saved version",
    conflict_mine: "Your text",
    conflict_keep_mine: "Save my text",
    conflict_take_theirs: "Use the saved version",
    conflict_reload: "Show and choose",

    status_nothing_saved: "Nothing is saved yet. The text is saved automatically as you write.",
    status_last_saved: |when| format!("Last saved {when}."),
    status_saving: "Saving …",
    status_unsaved: "Changes not saved yet. They are saved in a moment.",
    status_up_to_date: "Everything is already saved.",
    status_saved: |at| format!("Saved at {at}."),
    status_too_long: |part, count, max| {
        format!(
            "{part} was not saved: {count} characters is too long even for a draft (at most {max}). Shorten the text; it is still in the box."
        )
    },
    status_conflict: |parts| {
        format!(
            "A colleague has saved a newer version of: {parts}. Your text is still here and saved as your own copy. Choose which applies."
        )
    },
    status_refused: |r| format!("{} What you wrote is still here and kept as your own copy.", refusal_en(r)),
    status_failed: "Could not save – check the network. Your text is still here and is saved as soon as possible.",
    status_forbidden: "The person logged in now does not belong to this kommun, so the text cannot be saved here. It is still on the page: copy it before you leave.",
    status_signed_out: "You have been logged out, so the text cannot be saved. It is still here: log in in a new tab and it is saved again.",

    back_to_editor: "Back to the application",
    preview_title: "Preview the application",
    preview_intro: "This is how the jury will read your application. Use the browser's print for a paper copy.",
    before_heading: "Before you write",
    no_care_recipients: "Do not describe individual people who receive care so that they can be recognised, not even by age, place or event. Health data is special-category personal data and does not belong in the application. Write about ways of working, results and experience in general.",
    public_document: "The application may be a public document (allmän handling) at your kommun and may then be given to anyone who asks for it, unless the information is confidential by law. Write nothing that may not become public.",

    submit_title: "Submit the application",
    already_submitted: "The application is already submitted.",
    see_receipt: "See the receipt",
    not_ready_heading: "This must be done before you can submit",
    submit_problem: submit_problem_en,
    submit_intro: |kommun, round, deadline| {
        format!(
            "You are submitting the application from {kommun} to {round}. Every applicant of the kommun gets a receipt by e-mail. Until {deadline} you can reopen it, change it and submit again."
        )
    },
    preview_first: "Read through the whole application first",
    undecided_copies: "You have texts of your own that met a colleague's and that you have not chosen between. What is submitted is the saved version, not your copy:",
    submit_button: "Submit the application",

    receipt_title: "The application is submitted",
    earlier_submission_title: "An earlier submission",
    receipt_body: |kommun, reference, when, by| {
        format!(
            "The application from {kommun} arrived {when} with reference number {reference}. It was submitted by {by}."
        )
    },
    receipt_mail_sent: "A receipt with a copy of the text has been e-mailed to the kommun's applicants.",

    history_title: "Earlier versions",
    history_heading: |part| format!("Earlier versions: {part}"),
    history_none: "This part has not been saved yet.",
    history_caption: "Every saved version, latest first",
    version: "Version",
    version_name: |n| format!("Version {n}"),
    current: "current",
    saved_by: "Saved by",
    saved_when: "When",
    chars: "Characters",
    restore_explained: "Restore this version: it becomes the latest, and every version is kept.",
    restore_button: "Restore this version",

    overview_title: "Applications",
    overview_counts: |submitted, drafts| format!("{submitted} submitted, {drafts} drafts."),
    overview_private: "The text of a draft belongs to its kommun until submitted; only the status shows here.",
    overview_caption: "The kommuner's applications",
    lan: "County",
    status: "Status",
    last_activity: "Last activity",
    status_draft: "Draft",
    status_submitted: "Submitted",
    status_reopened: "Open for changes",
    extensions_heading: "Extended deadlines",
    extensions_none: "No kommun has been given more time.",
    extension_line: |kommun, until, by, when| format!("{kommun}: until {until}, granted by {by} {when}."),
    extension_form_heading: "Give a kommun more time",
    extension_intro: "The extension applies only to the chosen kommun and is kept with its reason.",
    extension_date: "New deadline",
    extension_time: "Time (Swedish time)",
    extension_reason: "Reason",
    extension_reason_hint: "For example: the kommun's systems were down on 15 April, as e-mailed by …",
    extension_button: "Give more time",
};
