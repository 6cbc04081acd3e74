//! The messages account events send, in Swedish, as plain text and HTML with
//! the same content. Every link starts with the portal's base URL.

use super::{OutgoingMail, escape_html};
use crate::domain::account::Role;

const SIGNATURE: &str = "Hälsningar\nUtmärkelseportalen – Sveriges eHälsokommun";

fn mail(to: &str, subject: &str, greeting_name: &str, paragraphs: &[&str], link: Option<(&str, &str)>) -> OutgoingMail {
    let mut text = format!("Hej {greeting_name}!\n\n");
    let mut html = format!(
        "<!DOCTYPE html><html lang=\"sv\"><head><meta charset=\"utf-8\"><title>{}</title></head><body>\
         <p>Hej {}!</p>",
        escape_html(subject),
        escape_html(greeting_name)
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
}
