//! The texts of accounts and forms, Swedish first.

use crate::{
    domain::{
        account::{AccountError, Role},
        kommun::KommunChoiceError,
    },
    problem::Problem,
};

pub struct AccountTexts {
    pub form_has_problems: &'static str,
    pub required_note: &'static str,
    pub kept_title: &'static str,
    pub kept_intro: &'static str,
    pub kept_password: &'static str,
    pub kept_resend: &'static str,
    pub kept_log_in: &'static str,
    pub kept_back: &'static str,
    /// Before each message beside a field, for screen readers and print: "Fel:".
    pub problem_prefix: &'static str,
    pub problem: fn(&Problem) -> String,

    pub nav_log_in: &'static str,
    pub nav_account: &'static str,
    pub nav_people: &'static str,
    pub signed_in_as: &'static str,
    pub log_out_button: &'static str,
    pub role_applicant: &'static str,
    pub role_juror: &'static str,
    pub role_organiser: &'static str,

    pub name: &'static str,
    pub email: &'static str,
    pub work_email: &'static str,
    pub work_email_hint: &'static str,
    pub phone: &'static str,
    pub optional: &'static str,
    pub kommun: &'static str,
    pub kommun_hint: &'static str,
    pub password: &'static str,
    pub password_hint: &'static str,
    pub new_password: &'static str,
    pub current_password: &'static str,
    pub role: &'static str,
    pub created: &'static str,
    pub yes: &'static str,
    pub no: &'static str,

    pub log_in_title: &'static str,
    pub log_in_button: &'static str,
    pub log_in_link: &'static str,
    pub forgot_link: &'static str,
    pub no_account: &'static str,
    pub sign_up_link: &'static str,
    pub have_account: &'static str,

    pub sign_up_title: &'static str,
    pub sign_up_intro: &'static str,
    pub sign_up_button: &'static str,
    pub sign_up_sent_title: &'static str,
    pub sign_up_sent_body: &'static str,

    pub confirm_title: &'static str,
    pub confirm_body: &'static str,
    pub confirm_button: &'static str,
    pub forgot_title: &'static str,
    pub forgot_body: &'static str,
    pub forgot_button: &'static str,
    pub forgot_sent_title: &'static str,
    pub forgot_sent_body: &'static str,
    pub reset_title: &'static str,
    pub reset_button: &'static str,
    pub new_link: &'static str,

    pub invitation_title: &'static str,
    /// "Eva Ek has invited you as a juror for Sveriges eHälsokommun 2027."
    pub invitation_body: fn(&str, &str, Option<&str>) -> String,
    pub invitation_invalid: &'static str,
    pub invitation_button: &'static str,

    pub account_title: &'static str,
    pub to_my_account: &'static str,
    pub profile_heading: &'static str,
    pub save_button: &'static str,
    pub change_password_heading: &'static str,
    pub change_password_button: &'static str,
    pub data_heading: &'static str,
    pub my_data_title: &'static str,
    pub my_data_intro: &'static str,
    pub my_data_download: &'static str,
    pub my_data_account: &'static str,
    pub email_confirmed: &'static str,
    pub not_kommun_address: &'static str,
    pub waiting_heading: &'static str,
    pub waiting_intro: &'static str,
    pub waiting_first: &'static str,
    pub waiting_colleagues: &'static str,
    pub waiting_who: &'static str,
    pub password_stored: &'static str,
    pub failed_log_ins: &'static str,
    pub jury_rounds: &'static str,
    pub sessions_heading: &'static str,
    pub session_started: &'static str,
    pub session_last_used: &'static str,
    pub mails_heading: &'static str,
    pub mail_subject: &'static str,
    pub mail_when: &'static str,
    pub delete_title: &'static str,
    pub delete_body: &'static str,
    pub delete_confirm: &'static str,
    pub delete_button: &'static str,

    pub forbidden_title: &'static str,
    pub forbidden_body: &'static str,

    pub people_title: &'static str,
    pub invite_heading: &'static str,
    pub invite_intro: &'static str,
    pub invite_round: &'static str,
    pub invite_button: &'static str,
    pub invitations_heading: &'static str,
    pub invitations_none: &'static str,
    pub invited_by: &'static str,
    pub valid_until: &'static str,
    pub expired: &'static str,
    pub accounts_heading: &'static str,
}

impl AccountTexts {
    pub fn role_name(&self, role: Role) -> &'static str {
        match role {
            Role::Applicant => self.role_applicant,
            Role::Juror => self.role_juror,
            Role::Organiser => self.role_organiser,
        }
    }
}

fn problem_sv(problem: &Problem) -> String {
    match problem {
        // The domain's own messages are Swedish.
        Problem::Account(err) => err.to_string(),
        Problem::Kommun(KommunChoiceError::Empty) => "Välj din kommun i listan.".into(),
        Problem::Kommun(KommunChoiceError::Unknown(typed)) => {
            format!("Det finns ingen kommun som heter ”{typed}”. Skriv början av namnet och välj i listan.")
        }
        Problem::EmailTaken => {
            "Det finns redan ett konto med den här e-postadressen. Logga in eller välj ”Glömt lösenord”.".into()
        }
        Problem::LogInFailed => "Fel e-postadress eller lösenord. Har du nyss skapat kontot? Bekräfta först adressen med länken i mejlet; stämmer lösenordet får du en ny länk.".into(),
        Problem::AccessRemoved => {
            "Kontot har inte längre åtkomst till portalen. Kontakta arrangören om det är fel.".into()
        }
        Problem::Throttled { minutes } => format!(
            "För många misslyckade inloggningar. Vänta {minutes} {} och försök igen, eller välj ”Glömt lösenord”.",
            if *minutes == 1 { "minut" } else { "minuter" }
        ),
        Problem::TooManyRequests { minutes } => format!(
            "Det har kommit för många förfrågningar från din uppkoppling. Vänta {minutes} {} och försök igen.",
            if *minutes == 1 { "minut" } else { "minuter" }
        ),
        Problem::WrongPassword => "Lösenordet stämmer inte.".into(),
        Problem::PasswordsDiffer => "Lösenorden är inte likadana.".into(),
        Problem::LinkInvalid => {
            "Länken fungerar inte längre: den är redan använd eller för gammal. Be om en ny länk.".into()
        }
        Problem::RoleMissing => "Välj om personen ska bli jurymedlem eller arrangör.".into(),
        Problem::RoundMissing => "Välj vilken omgång jurymedlemmen ska bedöma.".into(),
        Problem::LastOrganiser => {
            "Du är den enda arrangören. Bjud in en annan arrangör innan du raderar ditt konto.".into()
        }
        Problem::NotConfirmedDeletion => "Kryssa i rutan för att bekräfta att kontot ska raderas.".into(),
        Problem::Apply(p) => (super::application::SV.problem)(p),
        Problem::Review(p) => (super::jury::SV.problem)(p),
        Problem::Employer(p) => super::jury::employer_problem_sv(p),
        Problem::Statement(p) => (super::accessibility::SV.problem)(p),
        Problem::Retention(p) => (super::retention::SV.problem)(p),
        Problem::Organise(p) => (super::organising::SV.problem)(p),
        Problem::Motivation(p) => (super::motivation::SV.problem)(p),
        Problem::Population(p) => (super::context::SV.problem)(p),
        Problem::Failed(err) => {
            format!("{} Det du skrev finns kvar i formuläret.", crate::i18n::Locale::Sv.texts().error(*err))
        }
    }
}

fn account_error_en(err: &AccountError) -> String {
    match err {
        AccountError::InvalidEmail => "Enter an e-mail address, for example name@kommun.se.".into(),
        AccountError::EmptyName => "Enter your name.".into(),
        AccountError::NameTooLong { max } => format!("The name may be at most {max} characters."),
        AccountError::PasswordTooShort { min } => format!("The password must have at least {min} characters."),
        AccountError::PasswordTooLong { max } => format!("The password may be at most {max} characters."),
        AccountError::InvalidPhone => "Enter the phone number in digits, for example +46 480 45 00 00.".into(),
        AccountError::PasswordTooCommon => {
            "The password is too common and easy to guess. Choose another, a sentence perhaps.".into()
        }
        AccountError::PasswordFromNames => {
            "The password is made of your name, your address, the portal's or a kommun's name. Add words only you know."
                .into()
        }
    }
}

fn problem_en(problem: &Problem) -> String {
    match problem {
        Problem::Account(err) => account_error_en(err),
        Problem::Kommun(KommunChoiceError::Empty) => "Choose your kommun from the list.".into(),
        Problem::Kommun(KommunChoiceError::Unknown(typed)) => {
            format!("There is no kommun called “{typed}”. Type the start of the name and choose from the list.")
        }
        Problem::EmailTaken => {
            "There is already an account with this e-mail address. Log in or choose “Forgot password”.".into()
        }
        Problem::LogInFailed => "Wrong e-mail address or password. Did you just create the account? Confirm the address first with the link in the e-mail; if the password is right, a new link is on its way.".into(),
        Problem::AccessRemoved => {
            "The account no longer has access to the portal. Contact the organiser if this is wrong.".into()
        }
        Problem::Throttled { minutes } => format!(
            "Too many failed log-ins. Wait {minutes} minute{} and try again, or choose “Forgot password”.",
            if *minutes == 1 { "" } else { "s" }
        ),
        Problem::TooManyRequests { minutes } => format!(
            "Too many requests have come from your connection. Wait {minutes} minute{} and try again.",
            if *minutes == 1 { "" } else { "s" }
        ),
        Problem::WrongPassword => "The password is not right.".into(),
        Problem::PasswordsDiffer => "The passwords differ.".into(),
        Problem::LinkInvalid => "The link no longer works: it has been used or is too old. Ask for a new one.".into(),
        Problem::RoleMissing => "Choose whether the person becomes a juror or an organiser.".into(),
        Problem::RoundMissing => "Choose the round the juror will review.".into(),
        Problem::LastOrganiser => {
            "You are the only organiser. Invite another organiser before deleting your account.".into()
        }
        Problem::NotConfirmedDeletion => "Tick the box to confirm that the account is to be deleted.".into(),
        Problem::Apply(p) => (super::application::EN.problem)(p),
        Problem::Review(p) => (super::jury::EN.problem)(p),
        Problem::Employer(p) => super::jury::employer_problem_en(p),
        Problem::Statement(p) => (super::accessibility::EN.problem)(p),
        Problem::Retention(p) => (super::retention::EN.problem)(p),
        Problem::Organise(p) => (super::organising::EN.problem)(p),
        Problem::Motivation(p) => (super::motivation::EN.problem)(p),
        Problem::Population(p) => (super::context::EN.problem)(p),
        Problem::Failed(err) => {
            format!("{} What you typed is still in the form.", crate::i18n::Locale::En.texts().error(*err))
        }
    }
}

fn invitation_body_sv(by: &str, role: &str, round: Option<&str>) -> String {
    let by = if by.is_empty() { "Arrangören" } else { by };
    match round {
        Some(round) => {
            format!("{by} har bjudit in dig som {role} i {round}. Välj ett lösenord för att skapa ditt konto.")
        }
        None => format!("{by} har bjudit in dig som {role}. Välj ett lösenord för att skapa ditt konto."),
    }
}

fn invitation_body_en(by: &str, role: &str, round: Option<&str>) -> String {
    let by = if by.is_empty() { "The organiser" } else { by };
    match round {
        Some(round) => format!("{by} has invited you as {role} for {round}. Choose a password to create your account."),
        None => format!("{by} has invited you as {role}. Choose a password to create your account."),
    }
}

pub const SV: AccountTexts = AccountTexts {
    form_has_problems: "Formuläret behöver rättas",
    required_note: "Fält markerade med * måste fyllas i.",
    kept_title: "Det du skrev finns kvar",
    kept_intro: "Ingenting av det du skickade är sparat än. Allt du skrev står kvar nedan: rätta det som behövs och skicka igen, eller kopiera texten och försök om en stund.",
    kept_password: "Skriv lösenordet igen (det visas aldrig)",
    kept_resend: "Skicka igen",
    kept_log_in: "Logga in (öppnas i en ny flik), kom sedan tillbaka hit och skicka igen",
    kept_back: "Tillbaka till sidan (utan texten här)",
    problem_prefix: "Fel:",
    problem: problem_sv,
    nav_log_in: "Logga in",
    nav_account: "Mitt konto",
    nav_people: "Personer",
    signed_in_as: "Inloggad som",
    log_out_button: "Logga ut",
    role_applicant: "sökande",
    role_juror: "jurymedlem",
    role_organiser: "arrangör",
    name: "Namn",
    email: "E-postadress",
    work_email: "E-postadress i tjänsten",
    work_email_hint: "Vi skickar en länk hit som du bekräftar adressen med.",
    phone: "Telefonnummer",
    optional: "Frivilligt.",
    kommun: "Kommun",
    kommun_hint: "Skriv början av namnet och välj i listan. Flera från samma kommun kan ha var sitt konto.",
    password: "Lösenord",
    password_hint: "Minst 12 tecken. En mening med några ord är lätt att minnas och svår att gissa.",
    new_password: "Nytt lösenord",
    current_password: "Nuvarande lösenord",
    role: "Roll",
    created: "Skapat",
    yes: "Ja",
    no: "Nej",
    log_in_title: "Logga in",
    log_in_button: "Logga in",
    log_in_link: "Logga in",
    forgot_link: "Glömt lösenord?",
    no_account: "Ansöker ni för en kommun och har inget konto?",
    sign_up_link: "Skapa konto",
    have_account: "Har du redan ett konto?",
    sign_up_title: "Skapa konto",
    sign_up_intro: "Kontot är till för dig som skriver kommunens ansökan. Alla med konto för samma kommun ser och skriver i samma ansökan.",
    sign_up_button: "Skapa konto",
    sign_up_sent_title: "Bekräfta din e-postadress",
    sign_up_sent_body: "Vi har skickat ett mejl med en länk. Öppna länken för att bekräfta adressen; sedan kan du logga in. Hittar du inget mejl, titta i skräpposten.",
    confirm_title: "Bekräfta e-postadressen",
    confirm_body: "Tryck på knappen för att bekräfta att e-postadressen är din.",
    confirm_button: "Bekräfta e-postadressen",
    forgot_title: "Glömt lösenord",
    forgot_body: "Skriv e-postadressen du loggar in med så skickar vi en länk där du väljer ett nytt lösenord.",
    forgot_button: "Skicka länk",
    forgot_sent_title: "Titta i din e-post",
    forgot_sent_body: "Om det finns ett konto med adressen har vi skickat en länk dit. Länken gäller i en timme och kan användas en gång.",
    reset_title: "Välj ett nytt lösenord",
    reset_button: "Spara nytt lösenord",
    new_link: "Be om en ny länk",
    invitation_title: "Inbjudan",
    invitation_body: invitation_body_sv,
    invitation_invalid: "Inbjudan gäller inte längre: den är redan använd eller äldre än sju dagar. Be arrangören om en ny.",
    invitation_button: "Skapa konto",
    account_title: "Mitt konto",
    to_my_account: "Till mitt konto",
    profile_heading: "Namn och telefon",
    save_button: "Spara",
    change_password_heading: "Byt lösenord",
    change_password_button: "Byt lösenord",
    data_heading: "Dina uppgifter",
    my_data_title: "Mina uppgifter",
    my_data_intro: "Här är allt portalen har sparat om dig.",
    my_data_download: "Ladda ner uppgifterna (JSON)",
    my_data_account: "Konto",
    email_confirmed: "E-post bekräftad",
    not_kommun_address: "inte kommunens egen domän",
    waiting_heading: "Sökande som väntar på godkännande",
    waiting_intro: "De här har bekräftat sin e-postadress men kan inte läsa eller skriva i kommunens ansökan förrän någon godkänner dem. Den första för en kommun kan bara ni godkänna: kontrollera att personen företräder kommunen, till exempel via kommunens växel, särskilt när adressen inte är kommunens egen. Den som godkänns får ett mejl.",
    waiting_first: "Först för kommunen: bara arrangören kan godkänna",
    waiting_colleagues: "Kommunens godkända sökande har fått ett mejl",
    waiting_who: "Vem godkänner",
    password_stored: "Sparat endast som ett kontrollvärde (argon2id), aldrig i klartext.",
    failed_log_ins: "Misslyckade inloggningar senaste dygnet",
    jury_rounds: "Jury i omgångar",
    sessions_heading: "Inloggningar",
    session_started: "Inloggad",
    session_last_used: "Senast använd",
    mails_heading: "Mejl till dig",
    mail_subject: "Ämne",
    mail_when: "Skapat",
    delete_title: "Radera mitt konto",
    delete_body: "Kontot och uppgifterna om dig raderas för gott. Kommunens ansökan finns kvar för dina kollegor.",
    delete_confirm: "Ja, radera mitt konto",
    delete_button: "Radera kontot",
    forbidden_title: "Du har inte behörighet till sidan",
    forbidden_body: "Sidan är till för en annan roll än din. Kontakta arrangören om du tror att det är fel.",
    people_title: "Personer",
    invite_heading: "Bjud in",
    invite_intro: "Jurymedlemmar och arrangörer får en länk per e-post och väljer själva sitt lösenord. Sökande skapar konto själva.",
    invite_round: "Omgång",
    invite_button: "Skicka inbjudan",
    invitations_heading: "Inbjudningar som väntar",
    invitations_none: "Inga inbjudningar väntar.",
    invited_by: "Inbjuden av",
    valid_until: "Gäller till",
    expired: "Har gått ut",
    accounts_heading: "Konton",
};

pub const EN: AccountTexts = AccountTexts {
    form_has_problems: "The form needs correcting",
    required_note: "Fields marked * must be filled in.",
    kept_title: "What you wrote is still here",
    kept_intro: "Nothing you sent has been saved yet. Everything you wrote is below: correct what is needed and send it again, or copy the text and try again in a while.",
    kept_password: "Type the password again (it is never shown)",
    kept_resend: "Send again",
    kept_log_in: "Log in (opens in a new tab), then come back here and send again",
    kept_back: "Back to the page (without the text here)",
    problem_prefix: "Error:",
    problem: problem_en,
    nav_log_in: "Log in",
    nav_account: "My account",
    nav_people: "People",
    signed_in_as: "Logged in as",
    log_out_button: "Log out",
    role_applicant: "applicant",
    role_juror: "juror",
    role_organiser: "organiser",
    name: "Name",
    email: "E-mail address",
    work_email: "Work e-mail address",
    work_email_hint: "We send a link here to confirm the address.",
    phone: "Phone number",
    optional: "Optional.",
    kommun: "Kommun",
    kommun_hint: "Type the start of the name and choose from the list. Several people from one kommun may each have an account.",
    password: "Password",
    password_hint: "At least 12 characters. A sentence of a few words is easy to remember and hard to guess.",
    new_password: "New password",
    current_password: "Current password",
    role: "Role",
    created: "Created",
    yes: "Yes",
    no: "No",
    log_in_title: "Log in",
    log_in_button: "Log in",
    log_in_link: "Log in",
    forgot_link: "Forgot your password?",
    no_account: "Applying for a kommun and have no account?",
    sign_up_link: "Create an account",
    have_account: "Already have an account?",
    sign_up_title: "Create an account",
    sign_up_intro: "The account is for those writing their kommun's application. Everyone with an account for the same kommun sees and writes the same application.",
    sign_up_button: "Create account",
    sign_up_sent_title: "Confirm your e-mail address",
    sign_up_sent_body: "We have sent you an e-mail with a link. Open it to confirm the address; then you can log in. If you cannot find it, look in your spam folder.",
    confirm_title: "Confirm the e-mail address",
    confirm_body: "Press the button to confirm that the e-mail address is yours.",
    confirm_button: "Confirm the e-mail address",
    forgot_title: "Forgot password",
    forgot_body: "Enter the e-mail address you log in with and we will send a link where you choose a new password.",
    forgot_button: "Send link",
    forgot_sent_title: "Check your e-mail",
    forgot_sent_body: "If there is an account with the address, we have sent a link to it. The link is valid for one hour and can be used once.",
    reset_title: "Choose a new password",
    reset_button: "Save new password",
    new_link: "Ask for a new link",
    invitation_title: "Invitation",
    invitation_body: invitation_body_en,
    invitation_invalid: "The invitation is no longer valid: it has been used or is older than seven days. Ask the organiser for a new one.",
    invitation_button: "Create account",
    account_title: "My account",
    to_my_account: "To my account",
    profile_heading: "Name and phone",
    save_button: "Save",
    change_password_heading: "Change password",
    change_password_button: "Change password",
    data_heading: "Your data",
    my_data_title: "My data",
    my_data_intro: "This is everything the portal has stored about you.",
    my_data_download: "Download the data (JSON)",
    my_data_account: "Account",
    email_confirmed: "E-mail confirmed",
    not_kommun_address: "not the kommun's own domain",
    waiting_heading: "Applicants waiting for approval",
    waiting_intro: "These people have confirmed their e-mail address but cannot read or write their kommun's application until someone approves them. Only you can approve the first for a kommun: check that the person speaks for the kommun, for example through the kommun's switchboard, especially when the address is not the kommun's own. Whoever is approved gets an e-mail.",
    waiting_first: "First for the kommun: only the organiser can approve",
    waiting_colleagues: "The kommun's approved applicants have been e-mailed",
    waiting_who: "Who approves",
    password_stored: "Stored only as a check value (argon2id), never in plain text.",
    failed_log_ins: "Failed log-ins in the last day",
    jury_rounds: "Juror in rounds",
    sessions_heading: "Log-ins",
    session_started: "Logged in",
    session_last_used: "Last used",
    mails_heading: "E-mail to you",
    mail_subject: "Subject",
    mail_when: "Created",
    delete_title: "Delete my account",
    delete_body: "The account and the data about you are deleted for good. Your kommun's application stays for your colleagues.",
    delete_confirm: "Yes, delete my account",
    delete_button: "Delete the account",
    forbidden_title: "You do not have access to this page",
    forbidden_body: "The page is for another role than yours. Contact the organiser if you think this is wrong.",
    people_title: "People",
    invite_heading: "Invite",
    invite_intro: "Jurors and organisers get a link by e-mail and choose their own password. Applicants create their own accounts.",
    invite_round: "Round",
    invite_button: "Send invitation",
    invitations_heading: "Invitations waiting",
    invitations_none: "No invitations are waiting.",
    invited_by: "Invited by",
    valid_until: "Valid until",
    expired: "Expired",
    accounts_heading: "Accounts",
};
