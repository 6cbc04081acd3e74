//! The accessibility statement in DIGG's structure, its feedback form and the
//! organisers' page that keeps it, Swedish first.

use crate::domain::accessibility::{Compliance, StatementProblem};
use chrono::NaiveDate;

pub struct AccessibilityTexts {
    pub problem: fn(&StatementProblem) -> String,
    pub long_date: fn(NaiveDate) -> String,
    /// The opening paragraph, by the organisation behind the site.
    pub intro: fn(&str) -> String,
    pub how_heading: &'static str,
    /// "Hur tillgänglig är webbplatsen?" in a sentence; the legal wording is `compliance`.
    pub how: fn(Compliance) -> &'static str,
    pub compliance: fn(Compliance) -> String,
    pub alternatives_heading: &'static str,
    /// Before the address, which is a link.
    pub contact: &'static str,
    pub report_heading: &'static str,
    pub report_intro: &'static str,
    pub message: &'static str,
    pub message_hint: &'static str,
    pub page: &'static str,
    pub page_hint: &'static str,
    pub feedback_column: &'static str,
    pub reply_to_column: &'static str,
    pub reply_to: &'static str,
    pub reply_to_hint: &'static str,
    pub send: &'static str,
    pub supervision_heading: &'static str,
    pub supervision: &'static str,
    pub digg_link: &'static str,
    pub technical_heading: &'static str,
    pub technical: &'static str,
    pub issues_heading: &'static str,
    pub no_issues: &'static str,
    pub tested_heading: &'static str,
    /// When the site was published and the statement last reviewed.
    pub dates: fn(&str, &str) -> String,

    pub nav: &'static str,
    pub admin_title: &'static str,
    pub admin_intro: &'static str,
    pub organisation: &'static str,
    pub compliance_legend: &'static str,
    pub compliance_names: [&'static str; 3],
    pub known_issues: &'static str,
    pub known_issues_hint: &'static str,
    pub alternatives: &'static str,
    pub contact_email: &'static str,
    pub tested: &'static str,
    pub published_on: &'static str,
    pub reviewed_on: &'static str,
    pub date_hint: &'static str,
    pub save: &'static str,
    pub feedback_heading: &'static str,
    pub feedback_none: &'static str,
    pub feedback_caption: &'static str,
    pub received: &'static str,
    pub no_page: &'static str,
    pub no_reply: &'static str,
}

fn problem_sv(problem: &StatementProblem) -> String {
    match problem {
        StatementProblem::Missing => "Skriv något här.".into(),
        StatementProblem::TooLong { max } => {
            format!("Texten får vara högst {} tecken.", crate::domain::swedish::number(*max as u64))
        }
        StatementProblem::ComplianceMissing => "Välj hur förenlig webbplatsen är med lagen.".into(),
        StatementProblem::IssuesMissing => {
            "Beskriv bristerna, en per rad. Utan kända brister är webbplatsen helt förenlig.".into()
        }
        StatementProblem::EmailInvalid => "Skriv en e-postadress, till exempel namn@exempel.se.".into(),
        StatementProblem::DateInvalid => "Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2026-11-24.".into(),
        StatementProblem::ReviewedBeforePublished => "Granskningen kan inte vara före publiceringen.".into(),
    }
}

fn problem_en(problem: &StatementProblem) -> String {
    match problem {
        StatementProblem::Missing => "Write something here.".into(),
        StatementProblem::TooLong { max } => {
            format!("The text may be at most {} characters.", crate::domain::english::number(*max as u64))
        }
        StatementProblem::ComplianceMissing => "Choose how far the site complies with the law.".into(),
        StatementProblem::IssuesMissing => {
            "Describe the problems, one per line. Without known problems the site complies fully.".into()
        }
        StatementProblem::EmailInvalid => "Write an e-mail address, for example name@example.com.".into(),
        StatementProblem::DateInvalid => "Write the date as YYYY-MM-DD, for example 2026-11-24.".into(),
        StatementProblem::ReviewedBeforePublished => "The review cannot come before the publication.".into(),
    }
}

pub const SV: AccessibilityTexts = AccessibilityTexts {
    problem: problem_sv,
    long_date: crate::domain::swedish::long_date,
    intro: |organisation| {
        format!(
            "{organisation} står bakom den här webbplatsen. Vi vill att så många som möjligt ska kunna använda den. Den här redogörelsen beskriver hur Utmärkelseportalen uppfyller lagen (2018:1937) om tillgänglighet till digital offentlig service, vilka kända tillgänglighetsproblem som finns och hur du kan rapportera brister till oss så att vi kan åtgärda dem."
        )
    },
    how_heading: "Hur tillgänglig är webbplatsen?",
    how: |c| match c {
        Compliance::Full => "Vi känner inte till några delar av webbplatsen som inte är tillgängliga.",
        _ => {
            "Vi är medvetna om att delar av webbplatsen inte är helt tillgängliga. Se avsnittet om innehåll som inte är tillgängligt nedan för mer information."
        }
    },
    compliance: |c| {
        match c {
        Compliance::Full => "Webbplatsen är helt förenlig med lagen om tillgänglighet till digital offentlig service.".into(),
        Compliance::Partial => "Webbplatsen är delvis förenlig med lagen om tillgänglighet till digital offentlig service, på grund av de brister som beskrivs nedan.".into(),
        Compliance::None => "Webbplatsen är inte förenlig med lagen om tillgänglighet till digital offentlig service, på grund av de brister som beskrivs nedan.".into(),
    }
    },
    alternatives_heading: "Vad kan du göra om du inte kan använda delar av webbplatsen?",
    contact: "Du når oss på e-post ",
    report_heading: "Rapportera brister i webbplatsens tillgänglighet",
    report_intro: "Vi strävar hela tiden efter att förbättra webbplatsens tillgänglighet. Om du upptäcker problem som inte beskrivs på den här sidan, eller om du anser att vi inte uppfyller lagens krav, berätta det för oss här så att vi får veta att problemet finns.",
    message: "Vad hindrade dig?",
    message_hint: "Beskriv vad du försökte göra och vad som inte fungerade.",
    page: "Sida",
    page_hint: "Adressen eller namnet på sidan, om det gäller en viss sida.",
    feedback_column: "Synpunkt",
    reply_to_column: "Besökarens e-post",
    reply_to: "Din e-postadress",
    reply_to_hint: "Om du vill ha svar. Annars lämnar du fältet tomt.",
    send: "Skicka synpunkterna",
    supervision_heading: "Tillsyn",
    supervision: "Myndigheten för digital förvaltning (Digg) har ansvaret för tillsyn för lagen om tillgänglighet till digital offentlig service. Om du inte är nöjd med hur vi hanterar dina synpunkter kan du kontakta Digg och påpeka det.",
    digg_link: "Anmäl till Digg",
    technical_heading: "Teknisk information om webbplatsens tillgänglighet",
    technical: "Målet är att webbplatsen ska uppfylla WCAG 2.1 på nivå AA.",
    issues_heading: "Innehåll som inte är tillgängligt",
    no_issues: "Vi känner inte till några brister.",
    tested_heading: "Hur vi testat webbplatsen",
    dates: |published, reviewed| {
        format!("Webbplatsen publicerades den {published}. Redogörelsen uppdaterades senast den {reviewed}.")
    },

    nav: "Tillgänglighet",
    admin_title: "Tillgänglighetsredogörelse",
    admin_intro: "Redogörelsen följer Diggs mall och visas på sidan Tillgänglighetsredogörelse, länkad från varje sida. Håll den aktuell: granska den minst en gång om året och när något ändras.",
    organisation: "Organisation som står bakom webbplatsen",
    compliance_legend: "Hur förenlig är webbplatsen med lagen?",
    compliance_names: ["Helt förenlig", "Delvis förenlig", "Inte förenlig"],
    known_issues: "Kända brister, en per rad",
    known_issues_hint: "Behövs om webbplatsen inte är helt förenlig. Skriv vad som brister och hur det påverkar besökaren.",
    alternatives: "Hur man får innehållet på annat sätt",
    contact_email: "E-post för tillgänglighetsfrågor",
    tested: "Hur webbplatsen testats",
    published_on: "Webbplatsen publicerades",
    reviewed_on: "Redogörelsen uppdaterades senast",
    date_hint: "ÅÅÅÅ-MM-DD",
    save: "Spara redogörelsen",
    feedback_heading: "Synpunkter från besökare",
    feedback_none: "Inga synpunkter har kommit in.",
    feedback_caption: "Synpunkter på tillgängligheten, de senaste först",
    received: "Mottagen",
    no_page: "ingen sida angiven",
    no_reply: "vill inte ha svar",
};

pub const EN: AccessibilityTexts = AccessibilityTexts {
    problem: problem_en,
    long_date: |date| date.format("%-d %B %Y").to_string(),
    intro: |organisation| {
        format!(
            "{organisation} is behind this website. We want as many people as possible to be able to use it. This statement describes how the award portal meets the Swedish law (2018:1937) on accessibility to digital public services, the accessibility problems we know of, and how you can report problems to us so that we can fix them."
        )
    },
    how_heading: "How accessible is the website?",
    how: |c| match c {
        Compliance::Full => "We know of no part of the website that is not accessible.",
        _ => {
            "We are aware that parts of the website are not fully accessible. See the section on content that is not accessible below for more information."
        }
    },
    compliance: |c| {
        match c {
        Compliance::Full => "The website fully complies with the law on accessibility to digital public services.".into(),
        Compliance::Partial => "The website partially complies with the law on accessibility to digital public services, because of the problems described below.".into(),
        Compliance::None => "The website does not comply with the law on accessibility to digital public services, because of the problems described below.".into(),
    }
    },
    alternatives_heading: "What can you do if you cannot use parts of the website?",
    contact: "You can reach us by e-mail at ",
    report_heading: "Report problems with the website's accessibility",
    report_intro: "We keep working to improve the website's accessibility. If you find problems not described on this page, or think we do not meet the law's requirements, tell us here so that we know about the problem.",
    message: "What hindered you?",
    message_hint: "Describe what you tried to do and what did not work.",
    page: "Page",
    page_hint: "The address or name of the page, if it concerns one page.",
    feedback_column: "Feedback",
    reply_to_column: "Visitor's e-mail",
    reply_to: "Your e-mail address",
    reply_to_hint: "If you want an answer. Otherwise leave it empty.",
    send: "Send the feedback",
    supervision_heading: "Supervision",
    supervision: "The Agency for Digital Government (Digg) supervises the law on accessibility to digital public services. If you are not satisfied with how we handle your feedback, you can contact Digg and point it out.",
    digg_link: "Report to Digg",
    technical_heading: "Technical information about the website's accessibility",
    technical: "The aim is for the website to meet WCAG 2.1 level AA.",
    issues_heading: "Content that is not accessible",
    no_issues: "We know of no problems.",
    tested_heading: "How we tested the website",
    dates: |published, reviewed| {
        format!("The website was published on {published}. The statement was last updated on {reviewed}.")
    },

    nav: "Accessibility",
    admin_title: "Accessibility statement",
    admin_intro: "The statement follows Digg's template and is shown on the accessibility statement page, linked from every page. Keep it current: review it at least once a year and whenever something changes.",
    organisation: "Organisation behind the website",
    compliance_legend: "How far does the website comply with the law?",
    compliance_names: ["Fully compliant", "Partially compliant", "Not compliant"],
    known_issues: "Known problems, one per line",
    known_issues_hint: "Needed unless the website complies fully. Say what falls short and how it affects the visitor.",
    alternatives: "How to get the content another way",
    contact_email: "E-mail for accessibility questions",
    tested: "How the website was tested",
    published_on: "The website was published",
    reviewed_on: "The statement was last updated",
    date_hint: "YYYY-MM-DD",
    save: "Save the statement",
    feedback_heading: "Feedback from visitors",
    feedback_none: "No feedback has come in.",
    feedback_caption: "Feedback on accessibility, newest first",
    received: "Received",
    no_page: "no page given",
    no_reply: "wants no answer",
};
