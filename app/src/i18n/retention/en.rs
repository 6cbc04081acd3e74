//! The English texts of gallring and the privacy notice.

use super::{KindText, RetentionTexts, log_line};
use crate::domain::{
    privacy::{Basis, DataKind},
    retention::{
        INVITATION_KEPT_DAYS, LOGIN_FAILURES_KEPT_DAYS, Lifetimes, MAIL_KEPT_DAYS, PeriodProblem, Periods, Step,
    },
};

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
        Step::FormEchoes => "Text in forms sent back to be corrected (deleted after a minute)",
        Step::Feedback => "Accessibility feedback (deleted)",
        Step::Accounts => "Accounts no longer in use (deleted)",
    }
}

fn months_en(n: u32) -> String {
    if n == 1 { "1 month".into() } else { format!("{n} months") }
}

fn hours_en(n: i64) -> String {
    if n == 1 { "1 hour".into() } else { format!("{n} hours") }
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
        DataKind::FormEchoes => (
            "Forms sent back to be corrected",
            "What you typed into a form that needs correcting, when it is more than a cookie holds and the browser does not run JavaScript.",
            "So that the form is shown again with everything you typed and the mistakes pointed out.",
            "Only you: it is reached with a code only your browser has.",
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
        DataKind::FormEchoes => "Deleted after a minute.".to_owned(),
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

pub const EN: RetentionTexts = RetentionTexts {
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
