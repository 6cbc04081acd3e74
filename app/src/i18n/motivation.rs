//! The jury's motivations, written together and signed off, Swedish first.

use crate::domain::motivation::{MotivationProblem, SignOff};

pub struct MotivationTexts {
    pub problem: fn(&MotivationProblem) -> String,
    pub nav: &'static str,
    pub title: &'static str,
    pub intro: &'static str,
    pub none_chosen: &'static str,
    pub aside: &'static str,
    pub reviews_left: &'static str,
    pub no_round: &'static str,
    pub read_newest: fn(i64) -> String,
    pub show_newest: fn(i64) -> String,
    pub locked: fn(&str) -> String,
    pub caption: &'static str,
    pub kommun: &'static str,
    pub outcome: &'static str,
    pub version: &'static str,
    pub signed: &'static str,
    pub mine: &'static str,
    pub nothing_written: &'static str,
    pub version_n: fn(i64) -> String,
    pub signed_count: fn(usize, usize) -> String,
    pub standing: fn(SignOff) -> String,
    pub back: &'static str,
    pub text_label: &'static str,
    pub text_hint: &'static str,
    pub save: &'static str,
    pub written_line: fn(i64, &str, &str) -> String,
    pub sign_heading: &'static str,
    pub sign_intro: fn(i64) -> String,
    pub sign_button: &'static str,
    pub signed_notice: &'static str,
    pub cleared_notice: fn(i64) -> String,
    pub sign_offs_heading: &'static str,
    pub history_heading: fn(usize) -> String,
    pub decision_link: &'static str,
    pub decision_no_motivation: &'static str,
}

fn problem_sv(problem: &MotivationProblem) -> String {
    match problem {
        MotivationProblem::Stale { current } => format!(
            "Någon har sparat en nyare version (version {current}) medan du skrev. Din text finns kvar här. Läs version {current} först: sparar du igen ersätter din text den."
        ),
        MotivationProblem::Changed { current } => format!(
            "Motiveringen har ändrats sedan du läste den: nu gäller version {current}. Läs den och godkänn den om du står bakom den."
        ),
        MotivationProblem::Empty => "Skriv motiveringen innan du sparar.".into(),
        MotivationProblem::TooLong => "Motiveringen får vara högst 2 000 tecken.".into(),
        MotivationProblem::NothingToSign => "Det finns ingen text att godkänna ännu.".into(),
        MotivationProblem::Locked => {
            "Motiveringarna kan ändras och godkännas bara medan omgången är i bedömning.".into()
        }
    }
}

fn problem_en(problem: &MotivationProblem) -> String {
    match problem {
        MotivationProblem::Stale { current } => format!(
            "Someone saved a newer version (version {current}) while you were writing. Your text is still here. Read version {current} first: if you save again, your text replaces it."
        ),
        MotivationProblem::Changed { current } => format!(
            "The motivation has changed since you read it: version {current} is now the current one. Read it and sign it off if you stand behind it."
        ),
        MotivationProblem::Empty => "Write the motivation before you save.".into(),
        MotivationProblem::TooLong => "The motivation may be at most 2,000 characters.".into(),
        MotivationProblem::NothingToSign => "There is no text to sign off yet.".into(),
        MotivationProblem::Locked => {
            "The motivations can be changed and signed off only while the round is in review.".into()
        }
    }
}

pub static SV: MotivationTexts = MotivationTexts {
    problem: problem_sv,
    nav: "Motiveringar",
    title: "Juryns motiveringar",
    intro: "Juryn skriver motiveringen för varje vinnare, finalist och hedersomnämnande tillsammans, och varje sparning blir en ny version. När texten är klar godkänner var och en i juryn den. Ändras texten efter ett godkännande gäller godkännandet inte längre. Omgången kan beslutas först när alla i juryn utan jäv har godkänt den senaste versionen av varje motivering.",
    none_chosen: "Inga ansökningar är valda ännu. Motiveringarna skrivs när arrangören har sparat juryns val under ”Beslut”.",
    aside: "Du har jäv för en kommun i omgången, eller har inte svarat om jäv, och ser därför inte juryns beslut och motiveringar förrän vinnaren offentliggörs. Du ombeds inte heller godkänna någon motivering.",
    reviews_left: "Du ser juryns beslut och motiveringar när du har gjort klart alla dina egna granskningar, så att beslutet inte påverkar dina poäng. Därefter läser och godkänner du motiveringarna här.",
    no_round: "Det finns inga motiveringar för dig att läsa just nu.",
    read_newest: |version| format!("Läs version {version} (öppnas i en ny flik)"),
    show_newest: |version| format!("Visa version {version}"),
    locked: |state| format!("Motiveringarna kan ändras och godkännas bara medan omgången är i bedömning. Nu: {state}."),
    caption: "Motiveringar och juryns godkännanden",
    kommun: "Kommun",
    outcome: "Juryns val",
    version: "Senaste version",
    signed: "Godkänd av",
    mine: "Ditt godkännande",
    nothing_written: "Inget skrivet ännu",
    version_n: |n| format!("Version {n}"),
    signed_count: |signed, asked| format!("{signed} av {asked}"),
    standing: |s| match s {
        SignOff::Signed => "Godkänd".into(),
        SignOff::Cleared { version } => {
            format!("Godkände version {version}; texten har ändrats sedan dess, så godkännandet gäller inte längre")
        }
        SignOff::NotYet => "Inte godkänd ännu".into(),
        SignOff::StandsAside => "Deltar inte i den här motiveringen".into(),
    },
    back: "Till alla motiveringar",
    text_label: "Juryns motivering",
    text_hint: "Högst 2 000 tecken. Publiceras på vinnarsidan när beslutet offentliggörs och skickas till kommunen.",
    save: "Spara som ny version",
    written_line: |version, who, when| format!("Version {version}, skriven av {who}, {when}."),
    sign_heading: "Ditt godkännande",
    sign_intro: |version| {
        format!(
            "Godkänn när du står bakom den sparade texten (version {version}); har du ändrat i den, spara först. Ändras texten senare behöver du godkänna igen."
        )
    },
    sign_button: "Jag godkänner texten",
    signed_notice: "Du har godkänt den senaste versionen.",
    cleared_notice: |version| {
        format!(
            "Du godkände version {version}. Texten har ändrats sedan dess, så ditt godkännande gäller inte längre. Läs texten och godkänn den igen."
        )
    },
    sign_offs_heading: "Juryns godkännanden",
    history_heading: |n| format!("Alla versioner ({n})"),
    decision_link: "Motiveringen och juryns godkännanden",
    decision_no_motivation: "Ingen motivering skriven ännu.",
};

pub static EN: MotivationTexts = MotivationTexts {
    problem: problem_en,
    nav: "Motivations",
    title: "The jury's motivations",
    intro: "The jury writes the motivation for each winner, finalist and honourable mention together, and every save becomes a new version. When the text is ready, each juror signs it off. If the text changes after a sign-off, that sign-off no longer counts. The round can be decided only when everyone on the jury without a conflict of interest has signed the newest version of every motivation.",
    none_chosen: "No applications are chosen yet. The motivations are written once the organiser has saved the jury's choices under “Decision”.",
    aside: "You have a conflict of interest with a kommun in this round, or have not answered whether you have one, so you do not see the jury's decision and motivations until the winner is announced. You are not asked to sign any motivation either.",
    reviews_left: "You see the jury's decision and motivations once you have finished all your own reviews, so that the decision does not sway your scores. Then you read and sign the motivations here.",
    no_round: "There are no motivations for you to read just now.",
    read_newest: |version| format!("Read version {version} (opens in a new tab)"),
    show_newest: |version| format!("Show version {version}"),
    locked: |state| {
        format!("The motivations can be changed and signed off only while the round is in review. Now: {state}.")
    },
    caption: "Motivations and the jury's sign-offs",
    kommun: "Kommun",
    outcome: "The jury's choice",
    version: "Newest version",
    signed: "Signed off by",
    mine: "Your sign-off",
    nothing_written: "Nothing written yet",
    version_n: |n| format!("Version {n}"),
    signed_count: |signed, asked| format!("{signed} of {asked}"),
    standing: |s| match s {
        SignOff::Signed => "Signed off".into(),
        SignOff::Cleared { version } => {
            format!("Signed version {version}; the text has changed since, so the sign-off no longer counts")
        }
        SignOff::NotYet => "Not signed off yet".into(),
        SignOff::StandsAside => "Takes no part in this motivation".into(),
    },
    back: "To all motivations",
    text_label: "The jury's motivation",
    text_hint: "At most 2,000 characters. Published on the winner page when the decision is announced, and sent to the kommun.",
    save: "Save as a new version",
    written_line: |version, who, when| format!("Version {version}, written by {who}, {when}."),
    sign_heading: "Your sign-off",
    sign_intro: |version| {
        format!(
            "Sign off when you stand behind the saved text (version {version}); if you have changed it, save first. If the text changes later, you need to sign again."
        )
    },
    sign_button: "I sign off the text",
    signed_notice: "You have signed off the newest version.",
    cleared_notice: |version| {
        format!(
            "You signed version {version}. The text has changed since, so your sign-off no longer counts. Read the text and sign it off again."
        )
    },
    sign_offs_heading: "The jury's sign-offs",
    history_heading: |n| format!("All versions ({n})"),
    decision_link: "The motivation and the jury's sign-offs",
    decision_no_motivation: "No motivation written yet.",
};
