//! The awards: the start page that lists them, each award's own page and the
//! words for where it stands, Swedish first.

use crate::domain::{
    award::{Kind, Standing},
    english, swedish,
};
use chrono::NaiveDateTime;

pub struct AwardTexts {
    pub nav: &'static str,
    pub start_title: &'static str,
    pub start_intro: &'static str,
    pub organiser: fn(&str) -> String,
    pub standing: fn(Standing<NaiveDateTime>) -> String,
    pub latest_winner: &'static str,
    /// The award's own menu: the call, how to apply, the winners.
    pub award_nav_label: &'static str,
    pub award_nav_call: &'static str,
    pub purpose_heading: &'static str,
    pub judged_heading: &'static str,
    pub who_heading: &'static str,
    pub who_intro: &'static str,
    pub kind: fn(Kind) -> &'static str,
    pub cadence: fn(u32) -> &'static str,
    pub winners_intro: fn(&str) -> String,
    pub entries: fn(u32) -> String,
    pub ceremony_unknown: &'static str,
    pub theme: &'static str,
}

fn standing_sv(standing: Standing<NaiveDateTime>) -> String {
    match standing {
        Standing::NoRound => "Ingen utlyst omgång just nu".into(),
        Standing::Opens(at) => format!("Ansökan öppnar {}", swedish::long_date_time(at)),
        Standing::Open(deadline) => format!("Ansökan är öppen till {}", swedish::long_date_time(deadline)),
        Standing::Closed => "Ansökan har stängt".into(),
        Standing::UnderReview => "Juryn bedömer ansökningarna".into(),
        Standing::Decided(Some(at)) => format!("Juryn har valt; vinnaren tillkännages {}", swedish::long_date_time(at)),
        Standing::Decided(None) => "Juryn har valt; vinnaren tillkännages vid prisutdelningen".into(),
        Standing::Announced => "Vinnaren är utsedd".into(),
    }
}

fn standing_en(standing: Standing<NaiveDateTime>) -> String {
    match standing {
        Standing::NoRound => "No open call right now".into(),
        Standing::Opens(at) => format!("Applications open {}", english::long_date_time(at)),
        Standing::Open(deadline) => format!("Applications are open until {}", english::long_date_time(deadline)),
        Standing::Closed => "Applications have closed".into(),
        Standing::UnderReview => "The jury is reviewing the applications".into(),
        Standing::Decided(Some(at)) => {
            format!("The jury has chosen; the winner will be announced on {}", english::long_date_time(at))
        }
        Standing::Decided(None) => "The jury has chosen; the winner will be announced at the ceremony".into(),
        Standing::Announced => "The winner has been announced".into(),
    }
}

fn kind_sv(kind: Kind) -> &'static str {
    match kind {
        Kind::Kommun => "Kommuner",
        Kind::Region => "Regioner",
        Kind::Myndighet => "Statliga myndigheter",
        Kind::Annan => "Företag och andra organisationer",
    }
}

fn kind_en(kind: Kind) -> &'static str {
    match kind {
        Kind::Kommun => "Municipalities",
        Kind::Region => "Regions",
        Kind::Myndighet => "State agencies",
        Kind::Annan => "Companies and other organisations",
    }
}

pub static SV: AwardTexts = AwardTexts {
    nav: "Utmärkelser",
    start_title: "Utmärkelser",
    start_intro: "Utmärkelser för offentlig sektor på ett ställe: läs utlysningen, ansök och se tidigare vinnare.",
    organiser: |name| format!("Arrangör: {name}"),
    standing: standing_sv,
    latest_winner: "Senaste vinnare",
    award_nav_label: "Om utmärkelsen",
    award_nav_call: "Utlysning",
    purpose_heading: "Syfte",
    judged_heading: "Vad bedöms",
    who_heading: "Vem kan delta",
    who_intro: "Utmärkelsen är öppen för",
    kind: kind_sv,
    cadence: |years| {
        if years == 1 { "Utmärkelsen delas ut varje år." } else { "Utmärkelsen delas ut vartannat år." }
    },
    winners_intro: |award| format!("De som tilldelats {award}, med finalisterna där de är kända."),
    entries: |n| format!("{} bidrag", swedish::number(u64::from(n))),
    ceremony_unknown: "Inte känd",
    theme: "Årets tema",
};

pub static EN: AwardTexts = AwardTexts {
    nav: "Awards",
    start_title: "Awards",
    start_intro: "Awards for the public sector in one place: read the call, apply and see past winners.",
    organiser: |name| format!("Organiser: {name}"),
    standing: standing_en,
    latest_winner: "Latest winner",
    award_nav_label: "About the award",
    award_nav_call: "The call",
    purpose_heading: "Purpose",
    judged_heading: "What is judged",
    who_heading: "Who may take part",
    who_intro: "The award is open to",
    kind: kind_en,
    cadence: |years| {
        if years == 1 { "The award is given every year." } else { "The award is given every second year." }
    },
    winners_intro: |award| format!("The winners of {award}, with the finalists where they are known."),
    entries: |n| format!("{} entries", english::number(u64::from(n))),
    ceremony_unknown: "Not known",
    theme: "Theme of the year",
};
