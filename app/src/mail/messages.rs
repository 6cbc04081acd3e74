//! The messages account events send, in Swedish, as plain text and HTML with
//! the same content. Every link starts with the portal's base URL.

use super::{OutgoingMail, escape_html};
use crate::domain::{account::Role, decision::Outcome, swedish::genitive};

const SIGNATURE: &str = "Hälsningar\nUtmärkelseportalen – Sveriges eHälsokommun";

fn mail(to: &str, subject: &str, greeting_name: &str, paragraphs: &[&str], link: Option<(&str, &str)>) -> OutgoingMail {
    mail_with_copy(to, subject, greeting_name, paragraphs, link, &[])
}

/// A mail whose paragraphs are followed by a copy of a text, heading by heading.
fn mail_with_copy(
    to: &str,
    subject: &str,
    greeting_name: &str,
    paragraphs: &[&str],
    link: Option<(&str, &str)>,
    copy: &[(String, String)],
) -> OutgoingMail {
    // To an address whose owner the portal cannot name (an account it will not reveal): "Hej!".
    let greeting = if greeting_name.is_empty() { "Hej!".to_owned() } else { format!("Hej {greeting_name}!") };
    let mut text = format!("{greeting}\n\n");
    let mut html = format!(
        "<!DOCTYPE html><html lang=\"sv\"><head><meta charset=\"utf-8\"><title>{}</title></head><body>\
         <p>{}</p>",
        escape_html(subject),
        escape_html(&greeting)
    );
    for (i, paragraph) in paragraphs.iter().enumerate() {
        text.push_str(paragraph);
        text.push_str("\n\n");
        html.push_str(&format!("<p>{}</p>", escape_html(paragraph)));
        if i == 0
            && let Some((label, url)) = link
        {
            text.push_str(&format!("{label}:\n{url}\n\n"));
            html.push_str(&format!("<p><a href=\"{url}\">{}</a></p>", escape_html(label), url = escape_html(url)));
        }
    }
    for (heading, body) in copy {
        text.push_str(&format!("{heading}\n{}\n{body}\n\n", "-".repeat(heading.chars().count())));
        html.push_str(&format!(
            "<h2>{}</h2><p style=\"white-space: pre-wrap\">{}</p>",
            escape_html(heading),
            escape_html(body)
        ));
    }
    text.push_str(SIGNATURE);
    text.push('\n');
    html.push_str(&format!("<p>{}</p></body></html>", escape_html(SIGNATURE).replace('\n', "<br>")));
    OutgoingMail { to: to.to_owned(), subject: subject.to_owned(), text, html }
}

pub fn confirm_email(to: &str, name: &str, base_url: &str, token: &str) -> OutgoingMail {
    mail(
        to,
        "Bekräfta din e-postadress",
        name,
        &[
            "Du har skapat ett konto i Utmärkelseportalen. Bekräfta att adressen är din genom att öppna länken nedan; sedan kan du logga in.",
            "Länken gäller i 48 timmar. Har du inte skapat något konto kan du bortse från det här brevet.",
        ],
        Some(("Bekräfta e-postadressen", &format!("{base_url}/bekrafta/{token}"))),
    )
}

pub fn reset_password(to: &str, name: &str, base_url: &str, token: &str) -> OutgoingMail {
    mail(
        to,
        "Välj ett nytt lösenord",
        name,
        &[
            "Någon – förhoppningsvis du – har bett om att få välja ett nytt lösenord till ditt konto i Utmärkelseportalen.",
            "Länken gäller i en timme och kan användas en gång. Har du inte bett om det kan du bortse från brevet; ditt lösenord är oförändrat.",
        ],
        Some(("Välj ett nytt lösenord", &format!("{base_url}/aterstall/{token}"))),
    )
}

/// To an address that already has an account, when someone signs up with it:
/// the sign-up page said what it says to everyone, so the owner hears it here.
pub fn account_exists(to: &str, base_url: &str) -> OutgoingMail {
    mail(
        to,
        "Du har redan ett konto",
        "",
        &[
            "Någon – förhoppningsvis du – försökte just skapa ett konto i Utmärkelseportalen med den här e-postadressen. Det finns redan ett konto med adressen, så inget nytt skapades. Logga in, eller välj ett nytt lösenord om du har glömt det.",
            "Var det inte du kan du bortse från brevet; ditt konto är oförändrat.",
        ],
        Some(("Välj ett nytt lösenord", &format!("{base_url}/glomt-losenord"))),
    )
}

pub fn invitation(
    to: &str,
    name: &str,
    role: Role,
    round_title: Option<&str>,
    invited_by: &str,
    base_url: &str,
    token: &str,
) -> OutgoingMail {
    let what = match (role, round_title) {
        (Role::Juror, Some(round)) => format!("{invited_by} har bjudit in dig som jurymedlem i {round}."),
        (Role::Organiser, _) => format!("{invited_by} har bjudit in dig som arrangör i Utmärkelseportalen."),
        _ => format!("{invited_by} har bjudit in dig till Utmärkelseportalen."),
    };
    mail(
        to,
        "Inbjudan till Utmärkelseportalen",
        name,
        &[
            &format!("{what} Öppna länken och välj ett lösenord för att skapa ditt konto."),
            "Inbjudan gäller i sju dagar.",
        ],
        Some(("Skapa ditt konto", &format!("{base_url}/inbjudan/{token}"))),
    )
}

pub fn password_changed(to: &str, name: &str, base_url: &str) -> OutgoingMail {
    mail(
        to,
        "Ditt lösenord är ändrat",
        name,
        &[
            "Lösenordet till ditt konto i Utmärkelseportalen har just ändrats, och du har loggats ut på andra enheter.",
            "Var det inte du? Välj då ett nytt lösenord direkt med ”Glömt lösenord” på inloggningssidan och kontakta arrangören.",
        ],
        Some(("Logga in", &format!("{base_url}/logga-in"))),
    )
}

pub fn account_deleted(to: &str, name: &str) -> OutgoingMail {
    mail(
        to,
        "Ditt konto är raderat",
        name,
        &[
            "Ditt konto i Utmärkelseportalen och uppgifterna om dig är nu raderade. Det här är det sista brevet du får från oss.",
        ],
        None,
    )
}

/// To a person whose account gallring removed: why, and how to come back.
pub fn account_removed_unused(to: &str, name: &str, base_url: &str, personal_months: u32) -> OutgoingMail {
    let why = format!(
        "Ditt konto i Utmärkelseportalen har inte behövts i någon omgång på {personal_months} månader efter att omgången offentliggjordes. Enligt arrangörens regler för gallring är kontot och uppgifterna om dig nu raderade. Det här är det sista brevet du får från oss."
    );
    let again = "Vill du vara med i en kommande omgång skapar du ett nytt konto.";
    let privacy = format!("{base_url}/integritet");
    mail(to, "Ditt konto är raderat", name, &[&why, again], Some(("Så hanterar vi personuppgifter", &privacy)))
}

/// What a submission's receipt says about it.
pub struct Receipt<'a> {
    pub round_title: &'a str,
    pub kommun: &'a str,
    pub reference: &'a str,
    /// "15 april 2027 kl. 23.58"
    pub submitted_local: &'a str,
    pub submitted_by: &'a str,
    /// The submitted text: each part's heading and text.
    pub copy: &'a [(String, String)],
}

pub fn receipt(to: &str, name: &str, base_url: &str, r: &Receipt<'_>) -> OutgoingMail {
    let subject = format!("Kvitto: {} har skickat in sin ansökan ({})", r.kommun, r.reference);
    let first = format!(
        "{} ansökan till {} kom in {} och är registrerad med referensnumret {}. Den skickades in av {}.",
        genitive(r.kommun),
        r.round_title,
        r.submitted_local,
        r.reference,
        r.submitted_by
    );
    mail_with_copy(
        to,
        &subject,
        name,
        &[
            &first,
            "Fram till sista ansökningsdag kan ni öppna ansökan igen, ändra och skicka in på nytt; juryn läser den senast inskickade versionen. Här nedan följer en kopia av det inskickade.",
        ],
        Some(("Se ansökan i portalen", &format!("{base_url}/ansokan"))),
        r.copy,
    )
}

/// To a kommun's applicants: someone has signed up for the kommun and waits to be let in.
/// The newcomer is named by the address they confirmed, never by the name they
/// typed: a stranger's free text must not reach a kommun's inbox in the portal's voice.
pub fn join_request(to: &str, name: &str, base_url: &str, address: &str, kommun: &str) -> OutgoingMail {
    let first = format!(
        "Någon med adressen {address} har skapat ett konto för {kommun} och vill skriva i kommunens ansökan. Känner du igen adressen som en kollegas kan du godkänna kontot under ”Kollegor” på ansökningssidan."
    );
    mail(
        to,
        &format!("En ny person vill skriva i {} ansökan", genitive(kommun)),
        name,
        &[&first, "Känner du inte igen personen ska du inte godkänna kontot; hör gärna av dig till arrangören."],
        Some(("Öppna ansökan", &format!("{base_url}/ansokan#kollegor"))),
    )
}

/// A waiting applicant let in to write in their kommun's application.
pub fn applicant_approved(to: &str, name: &str, base_url: &str, kommun: &str) -> OutgoingMail {
    mail(
        to,
        &format!("Du kan nu skriva i {} ansökan", genitive(kommun)),
        name,
        &[&format!(
            "Ditt konto är godkänt för {kommun}. Nu kan du läsa och skriva i kommunens ansökan och se vilka fler som skriver."
        )],
        Some(("Öppna ansökan", &format!("{base_url}/ansokan"))),
    )
}

/// A reminder to a kommun whose application is not submitted.
pub fn reminder(
    to: &str,
    name: &str,
    base_url: &str,
    round_title: &str,
    deadline_text: &str,
    reopened: bool,
) -> OutgoingMail {
    let state = if reopened {
        "Er ansökan har öppnats för ändringar men inte skickats in igen. Juryn läser den senast inskickade versionen, utan ändringarna."
    } else {
        "Er kommun har påbörjat en ansökan som ännu inte är inskickad."
    };
    let when = format!("Sista dag att skicka in ansökan till {round_title} är {deadline_text}.");
    mail(
        to,
        &format!("Påminnelse: ansökan till {round_title} stänger {deadline_text}"),
        name,
        &[&when, state, "Efter sista ansökningsdag kan ansökan inte längre ändras eller skickas in."],
        Some(("Öppna ansökan", &format!("{base_url}/ansokan"))),
    )
}

/// What an applicant kommun hears when the jury's decision is announced.
pub struct OutcomeNotice<'a> {
    /// The award's address (`awards.id`), where its winners are.
    pub award: &'a str,
    pub round_title: &'a str,
    pub kommun: &'a str,
    pub winner: &'a str,
    /// The kommun's own outcome and the jury's motivation for it; `None`: not chosen.
    pub own: Option<(Outcome, &'a str)>,
    pub ceremony: &'a str,
}

/// To every applicant of a kommun that applied: the announced outcome.
pub fn outcome(to: &str, name: &str, base_url: &str, n: &OutcomeNotice<'_>) -> OutgoingMail {
    let first = match n.own {
        Some((Outcome::Winner, _)) => {
            format!("Grattis! {} har vunnit {}. Juryns motivering följer nedan.", n.kommun, n.round_title)
        }
        Some((Outcome::Nominee, _)) => format!(
            "{} är en av finalisterna i {}. Vinnare blev {}. Juryns motivering för {} följer nedan.",
            n.kommun, n.round_title, n.winner, n.kommun
        ),
        Some((Outcome::Mention, _)) => format!(
            "{} får ett hedersomnämnande i {}. Vinnare blev {}. Juryns motivering följer nedan.",
            n.kommun, n.round_title, n.winner
        ),
        None => format!(
            "Juryn har fattat sitt beslut i {}. Vinnare blev {}. {} gick inte vidare den här gången. Tack för er ansökan!",
            n.round_title, n.winner, n.kommun
        ),
    };
    let ceremony = format!("Utmärkelsen delas ut {}.", n.ceremony);
    let mut paragraphs: Vec<&str> = vec![&first];
    if let Some((_, motivation)) = n.own {
        paragraphs.push(motivation);
    }
    paragraphs.push(&ceremony);
    let subject = format!("{}: juryns beslut", n.round_title);
    let winners = format!("{base_url}/utmarkelser/{}/vinnare", n.award);
    mail(to, &subject, name, &paragraphs, Some(("Läs mer på vinnarsidan", &winners)))
}

/// To each organiser: a visitor reports a problem with the site's accessibility.
pub fn accessibility_feedback(
    to: &str,
    name: &str,
    base_url: &str,
    feedback: &crate::domain::accessibility::Feedback,
) -> OutgoingMail {
    let page = if feedback.page.is_empty() { "ingen sida angiven".to_owned() } else { feedback.page.clone() };
    let answer = match &feedback.reply_to {
        Some(address) => format!("Svara till {address}."),
        None => "Besökaren vill inte ha något svar.".to_owned(),
    };
    let first = format!("En besökare har skickat synpunkter på webbplatsens tillgänglighet (sida: {page}). {answer}");
    mail_with_copy(
        to,
        "Synpunkter på tillgängligheten",
        name,
        &[
            &first,
            "Lagen om tillgänglighet till digital offentlig service kräver att synpunkterna hanteras. Alla synpunkter finns också under ”Tillgänglighet” i portalen.",
        ],
        Some(("Öppna synpunkterna", &format!("{base_url}/arrangor/tillganglighet#synpunkter"))),
        &[("Synpunkterna".to_owned(), feedback.message.clone())],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_has_the_link_in_both_parts_and_escapes_names() {
        let m = confirm_email("a@kalmar.se", "Anna <b>", "https://portal.example.se", "TOKEN");
        assert!(m.text.contains("https://portal.example.se/bekrafta/TOKEN"));
        assert!(m.html.contains("href=\"https://portal.example.se/bekrafta/TOKEN\""));
        assert!(m.text.starts_with("Hej Anna <b>!"));
        assert!(m.html.contains("Hej Anna &lt;b&gt;!"));
        let r = reset_password("a@kalmar.se", "Anna", "https://p.se", "T");
        assert!(r.text.contains("https://p.se/aterstall/T") && r.text.contains("en timme"));
        let i =
            invitation("j@x.se", "Jonas", Role::Juror, Some("Sveriges eHälsokommun 2027"), "Eva", "https://p.se", "T");
        assert!(i.text.contains("jurymedlem i Sveriges eHälsokommun 2027") && i.html.contains("/inbjudan/T"));
    }

    #[test]
    fn a_receipt_carries_the_reference_and_an_escaped_copy_of_the_submitted_text() {
        let copy = vec![("Ledning".to_owned(), "Vi leder <script>alert(1)</script>\nrad två".to_owned())];
        let r = Receipt {
            round_title: "Sveriges eHälsokommun 2027",
            kommun: "Kalmar",
            reference: "SE-2027-0880-1",
            submitted_local: "15 april 2027 kl. 23.58",
            submitted_by: "Anna",
            copy: &copy,
        };
        let m = receipt("a@kalmar.se", "Anna", "https://p.se", &r);
        assert!(m.subject.contains("SE-2027-0880-1"));
        assert!(m.text.contains("15 april 2027 kl. 23.58") && m.text.contains("Ledning\n-------\nVi leder <script>"));
        assert!(m.html.contains("&lt;script&gt;") && !m.html.contains("<script>"));
        assert!(m.text.contains("https://p.se/ansokan"));
    }
}
