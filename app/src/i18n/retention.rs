//! Gallring (the organisers' page) and the privacy notice, Swedish first.

use crate::domain::{
    privacy::{Basis, DataKind},
    retention::{
        INVITATION_KEPT_DAYS, Item, LOGIN_FAILURES_KEPT_DAYS, Lifetimes, MAIL_KEPT_DAYS, PeriodProblem, Periods, Step,
    },
};

/// What the notice says of one kind of data: what it is, why, who sees it.
pub struct KindText {
    pub name: &'static str,
    pub what: &'static str,
    pub why: &'static str,
    pub who: &'static str,
}

pub struct RetentionTexts {
    pub done_messages: [(&'static str, &'static str); 1],
    pub problem: fn(&PeriodProblem) -> String,
    pub nav: &'static str,
    pub title: &'static str,
    pub intro: &'static str,
    pub periods_heading: &'static str,
    pub applications_months: &'static str,
    pub applications_hint: &'static str,
    pub personal_months: &'static str,
    pub personal_hint: &'static str,
    pub defaults_in_use: &'static str,
    pub save: &'static str,
    pub dry_heading: &'static str,
    pub dry_intro: &'static str,
    pub dry_none: &'static str,
    pub dry_caption: &'static str,
    pub round_column: &'static str,
    pub what_column: &'static str,
    pub count_column: &'static str,
    pub which_column: &'static str,
    pub whole_portal: &'static str,
    pub schedule_heading: &'static str,
    pub schedule_none: &'static str,
    pub schedule_caption: &'static str,
    pub announced_column: &'static str,
    pub applications_column: &'static str,
    pub personal_column: &'static str,
    pub passed: &'static str,
    pub runs_heading: &'static str,
    pub runs_none: &'static str,
    pub runs_caption: &'static str,
    pub when_column: &'static str,
    pub step: fn(Step) -> &'static str,
    /// One line of a run's record: never a person's name.
    pub log_line: fn(&Item) -> String,

    pub privacy_title: &'static str,
    /// The opening, by the organisation responsible (the controller).
    pub privacy_intro: fn(&str) -> String,
    pub privacy_no_controller: &'static str,
    pub privacy_contact: &'static str,
    pub privacy_never: &'static str,
    pub stored_heading: &'static str,
    pub what_label: &'static str,
    pub why_label: &'static str,
    pub basis_label: &'static str,
    pub who_label: &'static str,
    pub kept_label: &'static str,
    pub kind: fn(DataKind) -> KindText,
    pub basis: fn(Basis) -> &'static str,
    pub kept: fn(DataKind, Periods, Lifetimes) -> String,
    pub cookies_heading: &'static str,
    pub cookies: &'static str,
    pub rights_heading: &'static str,
    pub rights_intro: &'static str,
    pub right_access: &'static str,
    pub right_access_link: &'static str,
    pub right_rectify: &'static str,
    pub right_rectify_link: &'static str,
    pub right_erase: &'static str,
    pub right_erase_link: &'static str,
    pub right_object: &'static str,
    pub complaint: &'static str,
    pub imy_link: &'static str,
}

impl RetentionTexts {
    pub fn done(&self, code: &str) -> Option<&'static str> {
        self.done_messages.iter().find(|(c, _)| *c == code).map(|(_, text)| *text)
    }
}

/// Where the supervising authority takes complaints about personal data.
pub const IMY_COMPLAINT_URL: &str = "https://www.imy.se/privatperson/utfora-arenden/lamna-ett-klagomal/";

fn step_sv(step: Step) -> &'static str {
    match step {
        Step::Drafts => "Utkast som aldrig skickades in (raderas)",
        Step::Unsuccessful => "Inskickade ansökningar utan utmärkelse, med juryns bedömningar och diskussion (raderas)",
        Step::UnsuccessfulRecords => "Förlängd svarstid och jäv för kommuner utan utmärkelse (raderas)",
        Step::RankingSnapshot => "Den sparade rangordningen (raderas)",
        Step::ContactDetails => "Kontaktpersonens uppgifter i ansökningar med utmärkelse (töms)",
        Step::WriterNames => "Namn på dem som sparade, skickade in, skrev motiveringar och beslutade (avidentifieras)",
        Step::WriterCopies => "Skribenters sparade egna versioner (raderas)",
        Step::Reviews => "Juryns bedömningar, kommentarer och privata anteckningar (raderas)",
        Step::JuryDiscussion => "Juryns diskussionsinlägg (raderas)",
        Step::ShortlistMarks => "Markeringar till kortlistan (raderas)",
        Step::SignOffs => "Juryns godkännanden av motiveringarna (raderas)",
        Step::JavRecords => "Jäv och svar om troligt jäv (raderas)",
        Step::Extensions => "Förlängd svarstid med motivering (raderas)",
        Step::AuditNames => "Namn i loggen (avidentifieras)",
        Step::Mail => "Skickad e-post (raderas)",
        Step::Sessions => "Avslutade inloggningar (raderas)",
        Step::Links => "Använda eller utgångna e-postlänkar (raderas)",
        Step::Invitations => "Utgångna inbjudningar (raderas)",
        Step::LoginFailures => "Misslyckade inloggningar (raderas)",
        Step::Feedback => "Synpunkter på tillgängligheten (raderas)",
        Step::Accounts => "Konton som inte längre används (raderas)",
    }
}

fn step_en(step: Step) -> &'static str {
    match step {
        Step::Drafts => "Drafts never submitted (deleted)",
        Step::Unsuccessful => {
            "Submitted applications without an award, with the jury's reviews and discussion (deleted)"
        }
        Step::UnsuccessfulRecords => "Extensions and jäv for kommuner without an award (deleted)",
        Step::RankingSnapshot => "The frozen ranking (deleted)",
        Step::ContactDetails => "The contact person in awarded applications (emptied)",
        Step::WriterNames => "Names of those who saved, submitted, wrote motivations and decided (anonymised)",
        Step::WriterCopies => "Writers' own kept versions (deleted)",
        Step::Reviews => "The jury's reviews, comments and private notes (deleted)",
        Step::JuryDiscussion => "The jury's discussion (deleted)",
        Step::ShortlistMarks => "Shortlist marks (deleted)",
        Step::SignOffs => "The jury's sign-offs of the motivations (deleted)",
        Step::JavRecords => "Jäv and answers about probable jäv (deleted)",
        Step::Extensions => "Deadline extensions with their reasons (deleted)",
        Step::AuditNames => "Names in the log (anonymised)",
        Step::Mail => "Sent e-mail (deleted)",
        Step::Sessions => "Ended log-ins (deleted)",
        Step::Links => "Used or expired e-mailed links (deleted)",
        Step::Invitations => "Expired invitations (deleted)",
        Step::LoginFailures => "Failed log-ins (deleted)",
        Step::Feedback => "Accessibility feedback (deleted)",
        Step::Accounts => "Accounts no longer in use (deleted)",
    }
}

fn log_line(item: &Item, step: fn(Step) -> &'static str, portal: &str) -> String {
    let place = item.round.as_deref().unwrap_or(portal);
    let names = if item.step.names_people() || item.names.is_empty() {
        String::new()
    } else {
        format!(": {}", item.names.join(", "))
    };
    format!("{place} – {} – {}{names}", step(item.step), item.count)
}

fn months_sv(n: u32) -> String {
    if n == 1 { "1 månad".into() } else { format!("{n} månader") }
}

fn months_en(n: u32) -> String {
    if n == 1 { "1 month".into() } else { format!("{n} months") }
}

fn hours_sv(n: i64) -> String {
    if n == 1 { "1 timme".into() } else { format!("{n} timmar") }
}

fn hours_en(n: i64) -> String {
    if n == 1 { "1 hour".into() } else { format!("{n} hours") }
}

fn kind_sv(kind: DataKind) -> KindText {
    let (name, what, why, who) = match kind {
        DataKind::Account => (
            "Ditt konto",
            "Namn, e-postadress, telefonnummer om du angett det, roll, kommun (för sökande), arbetsgivare (för jurymedlemmar), vilka omgångar du sitter i juryn för, och lösenordet som en hash som inte går att läsa.",
            "För att du ska kunna logga in och arbeta med ansökan eller bedömningen, och för att vi ska kunna nå dig.",
            "Du själv och arrangörerna. Sökandes namn visas för kollegor i samma kommun.",
        ),
        DataKind::Sessions => (
            "Inloggningar",
            "När du loggade in och senast var aktiv. Själva inloggningsnyckeln sparas bara som en hash.",
            "För att hålla dig inloggad och kunna logga ut dig på alla enheter.",
            "Ingen läser dem; du ser dina egna på Mina uppgifter.",
        ),
        DataKind::Links => (
            "Länkar i e-post",
            "Vilken länk som skickats (bekräfta e-post eller välja nytt lösenord), när den går ut och om den använts.",
            "För att bara rätt person ska kunna bekräfta adressen eller byta lösenord.",
            "Ingen.",
        ),
        DataKind::Invitations => (
            "Inbjudningar",
            "Namn, e-postadress och roll för den som bjuds in som jurymedlem eller arrangör.",
            "För att den inbjudna ska kunna skapa sitt konto.",
            "Arrangörerna.",
        ),
        DataKind::LoginFailures => (
            "Misslyckade inloggningar",
            "E-postadressen och IP-adressen vid ett misslyckat inloggningsförsök, och när det skedde; IP-adressen vid en registrering, en begäran om nytt lösenord eller en synpunkt på tillgängligheten, och e-postadressen som ett sådant brev gick till.",
            "För att stoppa den som försöker gissa lösenord, och den som skickar formulär om och om igen för att belasta portalen eller fylla någons inkorg.",
            "Ingen; portalen räknar dem.",
        ),
        DataKind::Applications => (
            "Ansökningar",
            "Ansökans texter med alla sparade versioner, kontaktpersonens namn, titel, e-postadress och telefonnummer, vem som sparade och skickade in vad och när, och arrangörens motivering till en förlängd svarstid.",
            "För att kommunen ska kunna söka utmärkelsen och juryn bedöma ansökan.",
            "Sökande i samma kommun, juryn när omgången är i bedömning, och arrangörerna.",
        ),
        DataKind::JuryWork => (
            "Juryns arbete",
            "Varje jurymedlems poäng, kommentarer, privata anteckningar, diskussionsinlägg, förslag till kortlistan, godkännanden av juryns motiveringar, arbetsgivare och jäv med motivering, och rangordningen som sparas när juryn beslutar.",
            "För att juryn ska kunna bedöma ansökningarna opartiskt och beslutet gå att följa.",
            "Juryn och arrangörerna. Privata anteckningar ser bara den som skrev dem. Sökande ser inget av det.",
        ),
        DataKind::Decisions => (
            "Beslut",
            "Utfallet per ansökan, juryns motivering med alla dess versioner, namnen på dem som skrev dem och namnet på den som sparade beslutet.",
            "För att utmärkelsen ska kunna delas ut och motiveringen publiceras.",
            "Utfallet och motiveringen för vinnare, finalister och hedersomnämnanden är offentliga när beslutet offentliggjorts; versionerna och namnen ser juryn och arrangörerna.",
        ),
        DataKind::PublishedCall => (
            "Utlysningen",
            "Jurymedlemmarnas namn och titlar och kontaktuppgiften för frågor, som de står i utlysningen.",
            "För att alla ska veta vem som bedömer och vem man frågar.",
            "Alla; de är offentliga.",
        ),
        DataKind::AuditLog => (
            "Logg",
            "Vem som gjorde vad och när: steg i omgången, beslut, inbjudningar, ändrad behörighet, svar om jäv och exporter.",
            "För spårbarhet: att i efterhand kunna se vem som fattade vilket beslut.",
            "Arrangörerna.",
        ),
        DataKind::Mail => (
            "E-post",
            "Mottagarens adress och hela meddelandet, till exempel kvitton, påminnelser och beskedet om utfallet.",
            "För att meddelandet ska komma fram även när e-posttjänsten tillfälligt inte svarar.",
            "Ingen läser dem; du ser ämnesraderna för din egen e-post på Mina uppgifter.",
        ),
        DataKind::AccessibilityFeedback => (
            "Synpunkter på tillgängligheten",
            "Det du skriver och, om du vill ha svar, din e-postadress.",
            "För att kunna åtgärda bristerna och svara dig, enligt lagen om tillgänglighet till digital offentlig service.",
            "Arrangörerna.",
        ),
        DataKind::OrganiserEdits => (
            "Arrangörers ändringar",
            "Namnet på den arrangör som senast ändrade tillgänglighetsredogörelsen eller gallringstiderna, eller läste in kommunernas befolkning.",
            "För att veta vem som ansvarar för uppgiften.",
            "Arrangörerna.",
        ),
    };
    KindText { name, what, why, who }
}

fn kind_en(kind: DataKind) -> KindText {
    let (name, what, why, who) = match kind {
        DataKind::Account => (
            "Your account",
            "Name, e-mail address, phone number if you gave one, role, kommun (for applicants), employer (for jurors), the rounds whose jury you sit on, and the password as a hash that cannot be read.",
            "So that you can log in and work on the application or the review, and so that we can reach you.",
            "You and the organisers. Applicants' names are shown to colleagues in the same kommun.",
        ),
        DataKind::Sessions => (
            "Log-ins",
            "When you logged in and were last active. The log-in key itself is kept only as a hash.",
            "To keep you logged in and to log you out on every device.",
            "Nobody reads them; you see your own on My data.",
        ),
        DataKind::Links => (
            "Links in e-mail",
            "Which link was sent (confirm the address or choose a new password), when it expires and whether it was used.",
            "So that only the right person can confirm the address or change the password.",
            "Nobody.",
        ),
        DataKind::Invitations => (
            "Invitations",
            "Name, e-mail address and role of a person invited as a juror or organiser.",
            "So that the invited person can create their account.",
            "The organisers.",
        ),
        DataKind::LoginFailures => (
            "Failed log-ins",
            "The e-mail address and IP address of a failed log-in, and when it happened; the IP address of a sign-up, a password reset request or accessibility feedback, and the e-mail address such a message went to.",
            "To stop anyone trying to guess passwords, or sending forms again and again to load the portal or fill someone's inbox.",
            "Nobody; the portal counts them.",
        ),
        DataKind::Applications => (
            "Applications",
            "The application's texts with every saved version, the contact person's name, title, e-mail and phone, who saved and submitted what and when, and the organiser's reason for an extended deadline.",
            "So that the kommun can apply for the award and the jury can review the application.",
            "Applicants of the same kommun, the jury once the round is in review, and the organisers.",
        ),
        DataKind::JuryWork => (
            "The jury's work",
            "Each juror's scores, comments, private notes, discussion posts, shortlist marks, sign-offs of the jury's motivations, employer and jäv with its reason, and the ranking kept when the jury decides.",
            "So that the jury can review impartially and the decision can be followed.",
            "The jury and the organisers. Private notes are seen only by their author. Applicants see none of it.",
        ),
        DataKind::Decisions => (
            "Decisions",
            "The outcome per application, the jury's motivation with all its versions, the names of those who wrote them and the name of whoever saved the decision.",
            "So that the award can be given and the motivation published.",
            "The outcome and motivation for winners, finalists and honourable mentions are public once the decision is announced; the versions and the names are seen by the jury and the organisers.",
        ),
        DataKind::PublishedCall => (
            "The call",
            "The jurors' names and titles and the contact for questions, as published in the call.",
            "So that everyone knows who judges and whom to ask.",
            "Everyone; they are public.",
        ),
        DataKind::AuditLog => (
            "Log",
            "Who did what and when: the round's steps, decisions, invitations, access changes, answers about jäv and exports.",
            "For traceability: to see afterwards who took which decision.",
            "The organisers.",
        ),
        DataKind::Mail => (
            "E-mail",
            "The recipient's address and the whole message, such as receipts, reminders and the outcome.",
            "So that a message gets through even when the mail service is briefly unavailable.",
            "Nobody reads them; you see the subjects of your own mail on My data.",
        ),
        DataKind::AccessibilityFeedback => (
            "Accessibility feedback",
            "What you write and, if you want an answer, your e-mail address.",
            "To fix the problems and answer you, as the law on accessible digital public services requires.",
            "The organisers.",
        ),
        DataKind::OrganiserEdits => (
            "Organisers' changes",
            "The name of the organiser who last changed the accessibility statement or the retention periods, or imported the kommuner's population.",
            "To know who is responsible for them.",
            "The organisers.",
        ),
    };
    KindText { name, what, why, who }
}

fn kept_sv(kind: DataKind, p: Periods, l: Lifetimes) -> String {
    let (a, personal) = (months_sv(p.applications_months), months_sv(p.personal_months));
    match kind {
        DataKind::Account => format!(
            "Tills kontot raderas: av dig själv när du vill, eller av portalen när kontot är minst {personal} gammalt och du inte deltar i någon omgång vars personuppgifter fortfarande sparas ({personal} efter att omgången offentliggjorts); du får då ett brev om det. Arrangörers konton raderas för hand."
        ),
        DataKind::Sessions => format!(
            "En inloggning upphör efter {} utan aktivitet och senast {} efter inloggningen, och raderas sedan.",
            hours_sv(l.session_idle_hours),
            hours_sv(l.session_absolute_hours)
        ),
        DataKind::Links => format!(
            "Länken för att bekräfta e-post gäller i {}, länken för nytt lösenord i {}. De raderas när de använts eller gått ut.",
            hours_sv(l.confirm_link_hours),
            hours_sv(l.reset_link_hours)
        ),
        DataKind::Invitations => format!(
            "En inbjudan gäller i {} dagar och raderas {INVITATION_KEPT_DAYS} dagar efter att den gått ut.",
            l.invitation_days
        ),
        DataKind::LoginFailures => {
            format!("Raderas efter {LOGIN_FAILURES_KEPT_DAYS} dygn.")
        }
        DataKind::Applications => format!(
            "Ansökningar som inte fick någon utmärkelse, och utkast som aldrig skickades in, raderas {a} efter att omgången offentliggjorts. I ansökningar som fick en utmärkelse töms kontaktpersonens uppgifter och namnen på skribenterna avidentifieras {personal} efter offentliggörandet; texten sparas, eftersom vinnare och finalister är offentliga."
        ),
        DataKind::JuryWork => format!(
            "Raderas med ansökningen om den inte fick någon utmärkelse ({a} efter offentliggörandet), annars {personal} efter offentliggörandet."
        ),
        DataKind::Decisions => format!(
            "Utfall och motivering sparas. Namnen på dem som skrev motiveringens versioner och sparade beslutet avidentifieras {personal} efter offentliggörandet."
        ),
        DataKind::PublishedCall => "Sparas med omgången, som en del av den publicerade utlysningen.".into(),
        DataKind::AuditLog => {
            format!("Händelserna sparas. Namnen i dem avidentifieras {personal} efter händelsen.")
        }
        DataKind::Mail => format!("Raderas {MAIL_KEPT_DAYS} dagar efter att meddelandet skickats."),
        DataKind::AccessibilityFeedback => format!("Raderas {personal} efter att synpunkten kom in."),
        DataKind::OrganiserEdits => "Tills någon ändrar samma uppgift igen.".into(),
    }
}

fn kept_en(kind: DataKind, p: Periods, l: Lifetimes) -> String {
    let (a, personal) = (months_en(p.applications_months), months_en(p.personal_months));
    match kind {
        DataKind::Account => format!(
            "Until the account is deleted: by you whenever you wish, or by the portal once the account is at least {personal} old and you take part in no round whose personal data is still kept ({personal} after the round was announced); you are then told by e-mail. Organisers' accounts are deleted by hand."
        ),
        DataKind::Sessions => format!(
            "A log-in ends after {} without activity and at the latest {} after logging in, and is then deleted.",
            hours_en(l.session_idle_hours),
            hours_en(l.session_absolute_hours)
        ),
        DataKind::Links => format!(
            "The link to confirm an address is valid for {}, the link for a new password for {}. They are deleted once used or expired.",
            hours_en(l.confirm_link_hours),
            hours_en(l.reset_link_hours)
        ),
        DataKind::Invitations => format!(
            "An invitation is valid for {} days and deleted {INVITATION_KEPT_DAYS} days after it expired.",
            l.invitation_days
        ),
        DataKind::LoginFailures => format!("Deleted after {LOGIN_FAILURES_KEPT_DAYS} day."),
        DataKind::Applications => format!(
            "Applications without an award, and drafts never submitted, are deleted {a} after the round was announced. In awarded applications the contact person is emptied and the writers' names anonymised {personal} after the announcement; the text is kept, since winners and finalists are public."
        ),
        DataKind::JuryWork => format!(
            "Deleted with the application if it got no award ({a} after the announcement), otherwise {personal} after the announcement."
        ),
        DataKind::Decisions => format!(
            "The outcome and motivation are kept. The names of those who wrote the motivation's versions and saved the decision are anonymised {personal} after the announcement."
        ),
        DataKind::PublishedCall => "Kept with the round, as part of the published call.".into(),
        DataKind::AuditLog => format!("The entries are kept. Names in them are anonymised {personal} after the entry."),
        DataKind::Mail => format!("Deleted {MAIL_KEPT_DAYS} days after the message was sent."),
        DataKind::AccessibilityFeedback => format!("Deleted {personal} after it was received."),
        DataKind::OrganiserEdits => "Until someone changes the same thing again.".into(),
    }
}

pub const SV: RetentionTexts = RetentionTexts {
    done_messages: [("gallring-sparad", "Gallringstiderna är sparade.")],
    problem: |p| match p {
        PeriodProblem::OutOfRange => "Ange ett helt antal månader, från 1 till 120.".into(),
        PeriodProblem::ShorterThanApplications => {
            "Personuppgifter kan inte sparas kortare tid än ansökningarna som innehåller dem.".into()
        }
    },
    nav: "Gallring",
    title: "Gallring",
    intro: "Här bestämmer ni hur länge portalen sparar ansökningar utan utmärkelse och personuppgifter efter att en omgång offentliggjorts. Portalen gallrar själv varje timme och för logg över vad som tagits bort.",
    periods_heading: "Hur länge uppgifterna sparas",
    applications_months: "Ansökningar utan utmärkelse, månader efter offentliggörandet",
    applications_hint: "Standard: 12 månader. Ett helt antal från 1 till 120. Gäller även utkast som aldrig skickades in.",
    personal_months: "Personuppgifter, månader efter offentliggörandet",
    personal_hint: "Standard: 24 månader. Minst lika länge som ansökningarna. Gäller kontaktuppgifter, namn, juryns arbete och konton som inte används.",
    defaults_in_use: "Ingen har ändrat tiderna ännu: standardtiderna gäller.",
    save: "Spara gallringstider",
    dry_heading: "Det här skulle gallras nu",
    dry_intro: "En provkörning: listan visar exakt vad portalen skulle ta bort eller avidentifiera om den gallrade nu. Inget ändras.",
    dry_none: "Inget skulle gallras nu.",
    dry_caption: "Det som skulle gallras nu",
    round_column: "Omgång",
    what_column: "Vad",
    count_column: "Antal",
    which_column: "Vilka",
    whole_portal: "Hela portalen",
    schedule_heading: "När omgångarnas uppgifter gallras",
    schedule_none: "Ingen omgång är offentliggjord ännu, så inget gallras från omgångarna.",
    schedule_caption: "Gallringsdatum per offentliggjord omgång",
    announced_column: "Offentliggjord",
    applications_column: "Ansökningar utan utmärkelse",
    personal_column: "Personuppgifter",
    passed: "(passerat)",
    runs_heading: "Tidigare gallringar",
    runs_none: "Ingen gallring har tagit bort något ännu.",
    runs_caption: "Gallringar som tagit bort eller avidentifierat något, senaste först",
    when_column: "När",
    step: step_sv,
    log_line: |item| log_line(item, step_sv, "Hela portalen"),

    privacy_title: "Så hanterar vi personuppgifter",
    privacy_intro: |controller| {
        format!(
            "{controller} är personuppgiftsansvarig för Utmärkelseportalen. Här står vilka personuppgifter portalen sparar, varför, vem som ser dem och hur länge de sparas. Sidan skrivs utifrån det portalen faktiskt lagrar och de gallringstider arrangören har bestämt."
        )
    },
    privacy_no_controller: "Arrangören av utmärkelsen",
    privacy_contact: "Frågor om personuppgifter skickar du till",
    privacy_never: "Portalen frågar aldrig efter personnummer. Skriv inte uppgifter om enskilda patienter, brukare eller anställda i ansökan.",
    stored_heading: "Det här sparar portalen",
    what_label: "Vad",
    why_label: "Varför",
    basis_label: "Rättslig grund",
    who_label: "Vem ser det",
    kept_label: "Hur länge",
    kind: kind_sv,
    basis: |b| match b {
        Basis::PublicInterest => "Uppgift av allmänt intresse (artikel 6.1 e i dataskyddsförordningen)",
        Basis::LegitimateInterest => {
            "Berättigat intresse (artikel 6.1 f i dataskyddsförordningen): säkerhet och spårbarhet"
        }
        Basis::LegalObligation => "Rättslig förpliktelse (artikel 6.1 c i dataskyddsförordningen)",
    },
    kept: kept_sv,
    cookies_heading: "Kakor",
    cookies: "Portalen använder bara nödvändiga kakor: en för inloggningen, en som skyddar formulären mot förfalskning, en som bär ett formulärsvar till nästa sida och en som minns valt språk. Inga kakor för statistik eller marknadsföring.",
    rights_heading: "Dina rättigheter",
    rights_intro: "Du har rätt att få veta vad vi har om dig, att få fel rättade, att få uppgifter raderade och att invända mot behandlingen.",
    right_access: "Se och ladda ner allt portalen har om dig:",
    right_access_link: "Mina uppgifter",
    right_rectify: "Ändra namn och telefonnummer:",
    right_rectify_link: "Mitt konto",
    right_erase: "Radera ditt konto:",
    right_erase_link: "Radera kontot",
    right_object: "Ansökningar tillhör kommunen och gallras enligt tiderna ovan. Vill du invända, begränsa behandlingen eller få något annat raderat, kontakta den personuppgiftsansvarige.",
    complaint: "Tycker du att vi behandlar dina personuppgifter fel kan du klaga hos",
    imy_link: "Integritetsskyddsmyndigheten (IMY)",
};

pub const EN: RetentionTexts = RetentionTexts {
    done_messages: [("gallring-sparad", "The retention periods are saved.")],
    problem: |p| match p {
        PeriodProblem::OutOfRange => "Give a whole number of months, from 1 to 120.".into(),
        PeriodProblem::ShorterThanApplications => {
            "Personal data cannot be kept for less time than the applications that hold it.".into()
        }
    },
    nav: "Retention",
    title: "Retention",
    intro: "Decide here how long the portal keeps applications without an award, and personal data, after a round is announced. The portal removes what is due by itself every hour and logs what it removed.",
    periods_heading: "How long data is kept",
    applications_months: "Applications without an award, months after the announcement",
    applications_hint: "Default: 12 months. A whole number from 1 to 120. Also applies to drafts never submitted.",
    personal_months: "Personal data, months after the announcement",
    personal_hint: "Default: 24 months. At least as long as the applications. Applies to contact details, names, the jury's work and unused accounts.",
    defaults_in_use: "Nobody has changed the periods yet: the defaults apply.",
    save: "Save retention periods",
    dry_heading: "What would be removed now",
    dry_intro: "A dry run: the list shows exactly what the portal would delete or anonymise if it ran now. Nothing is changed.",
    dry_none: "Nothing would be removed now.",
    dry_caption: "What would be removed now",
    round_column: "Round",
    what_column: "What",
    count_column: "Number",
    which_column: "Which",
    whole_portal: "The whole portal",
    schedule_heading: "When the rounds' data is removed",
    schedule_none: "No round is announced yet, so nothing is removed from the rounds.",
    schedule_caption: "Retention dates per announced round",
    announced_column: "Announced",
    applications_column: "Applications without an award",
    personal_column: "Personal data",
    passed: "(passed)",
    runs_heading: "Earlier runs",
    runs_none: "No run has removed anything yet.",
    runs_caption: "Runs that deleted or anonymised something, newest first",
    when_column: "When",
    step: step_en,
    log_line: |item| log_line(item, step_en, "The whole portal"),

    privacy_title: "How we handle personal data",
    privacy_intro: |controller| {
        format!(
            "{controller} is the controller of personal data in the award portal. This page says what personal data the portal keeps, why, who sees it and for how long. It is written from what the portal actually stores and the retention periods the organiser has set."
        )
    },
    privacy_no_controller: "The award's organiser",
    privacy_contact: "Send questions about personal data to",
    privacy_never: "The portal never asks for personal identity numbers. Do not write about individual patients, service users or employees in the application.",
    stored_heading: "What the portal keeps",
    what_label: "What",
    why_label: "Why",
    basis_label: "Legal basis",
    who_label: "Who sees it",
    kept_label: "How long",
    kind: kind_en,
    basis: |b| match b {
        Basis::PublicInterest => "A task in the public interest (article 6.1 e GDPR)",
        Basis::LegitimateInterest => "Legitimate interest (article 6.1 f GDPR): security and traceability",
        Basis::LegalObligation => "A legal obligation (article 6.1 c GDPR)",
    },
    kept: kept_en,
    cookies_heading: "Cookies",
    cookies: "The portal uses only necessary cookies: one for the log-in, one that protects forms against forgery, one that carries a form's answer to the next page and one that remembers the chosen language. No cookies for statistics or marketing.",
    rights_heading: "Your rights",
    rights_intro: "You have the right to know what we hold about you, to have errors corrected, to have data erased and to object to the processing.",
    right_access: "See and download everything the portal holds about you:",
    right_access_link: "My data",
    right_rectify: "Change your name and phone number:",
    right_rectify_link: "My account",
    right_erase: "Delete your account:",
    right_erase_link: "Delete the account",
    right_object: "Applications belong to the kommun and are removed on the periods above. To object, restrict the processing or have anything else erased, contact the controller.",
    complaint: "If you think we handle your personal data wrongly, you can complain to",
    imy_link: "the Swedish Authority for Privacy Protection (IMY)",
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::retention::DEFAULT_PERIODS;

    #[test]
    fn the_hints_state_the_defaults_the_code_applies() {
        for texts in [&SV, &EN] {
            assert!(texts.applications_hint.contains(&format!(" {} ", DEFAULT_PERIODS.applications_months)));
            assert!(texts.personal_hint.contains(&format!(" {} ", DEFAULT_PERIODS.personal_months)));
        }
    }

    #[test]
    fn the_runs_record_names_kommuner_but_never_people() {
        let item = |step, names: &[&str]| Item {
            round: Some("Sveriges eHälsokommun 2027".into()),
            step,
            count: 2,
            names: names.iter().map(|n| n.to_string()).collect(),
        };
        assert_eq!(
            (SV.log_line)(&item(Step::Unsuccessful, &["Kalmar", "Umeå"])),
            "Sveriges eHälsokommun 2027 – Inskickade ansökningar utan utmärkelse, med juryns bedömningar och diskussion (raderas) – 2: Kalmar, Umeå"
        );
        let accounts = Item { round: None, ..item(Step::Accounts, &["Anna Andersson"]) };
        assert_eq!((SV.log_line)(&accounts), "Hela portalen – Konton som inte längre används (raderas) – 2");
    }
}
