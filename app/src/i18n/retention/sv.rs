//! The Swedish texts of gallring and the privacy notice.

use super::{KindText, RetentionTexts, log_line};
use crate::domain::{
    privacy::{Basis, DataKind},
    retention::{
        INVITATION_KEPT_DAYS, LOGIN_FAILURES_KEPT_DAYS, Lifetimes, MAIL_KEPT_DAYS, PeriodProblem, Periods, Step,
    },
};

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
        Step::FormEchoes => "Text i formulär som skickades tillbaka för rättning (raderas efter en minut)",
        Step::Feedback => "Synpunkter på tillgängligheten (raderas)",
        Step::Accounts => "Konton som inte längre används (raderas)",
    }
}

fn months_sv(n: u32) -> String {
    if n == 1 { "1 månad".into() } else { format!("{n} månader") }
}

fn hours_sv(n: i64) -> String {
    if n == 1 { "1 timme".into() } else { format!("{n} timmar") }
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
        DataKind::FormEchoes => (
            "Formulär som skickas tillbaka för rättning",
            "Det du skrev i ett formulär som behöver rättas, när det är mer än en kaka rymmer och webbläsaren inte kör JavaScript.",
            "För att formuläret ska visas igen med allt du skrev kvar och felen utpekade.",
            "Bara du: det nås med en kod som bara din webbläsare har.",
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
        DataKind::FormEchoes => "Raderas efter en minut.".to_owned(),
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

pub const SV: RetentionTexts = RetentionTexts {
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
