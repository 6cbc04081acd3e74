//! `portal seed-demo --full-round`: beside the demo, a round at the size of a
//! real year to rehearse on: 27 more kommuner (every tenth by SCB code, so the
//! whole country) with a submitted application each, 30 with the demo's three,
//! and four more jurors, six in all. Nothing is reviewed: the jury's work, the
//! ranking and the decision are for the rehearsal. Added once, like the demo.

use super::{
    StartError,
    demo::{demo_account, demo_submission},
};
use app::{
    config::Settings,
    domain::{
        account::Role,
        application::{CONTACT_EMAIL, CONTACT_NAME, CONTACT_PHONE, CONTACT_TITLE, SUMMARY},
    },
    storage,
};
use server::startup;

const KOMMUNER: [&str; 27] = [
    "0128", "0182", "0330", "0482", "0562", "0642", "0687", "0834", "0885", "1233", "1267", "1282", "1315", "1419",
    "1443", "1465", "1485", "1495", "1762", "1785", "1883", "1982", "2061", "2121", "2280", "2326", "2422",
];

const JURORS: [(&str, &str); 4] = [
    ("jury3@demo.example.se", "Karin Jurymedlem"),
    ("jury4@demo.example.se", "Omar Jurymedlem"),
    ("jury5@demo.example.se", "Sofia Jurymedlem"),
    ("jury6@demo.example.se", "Per Jurymedlem"),
];

/// What the generated applications say, varied by kommun so that no two read alike.
const STEPS: [&str; 4] = [
    "har infört digital nattillsyn i hemtjänsten",
    "har gett alla särskilda boenden trådlöst nät och digitala trygghetslarm",
    "har låtit brukarråden välja vilken välfärdsteknik som prövas",
    "har samlat larm och planering i ett system med grannkommunerna",
];

/// "Skara" → "Skaras", "Borås" → "Borås": the genitive as Swedish writes it.
fn genitive(name: &str) -> String {
    if name.ends_with(['s', 'x', 'z']) { name.to_owned() } else { format!("{name}s") }
}

fn parts(name: &str, i: usize) -> Vec<(&'static str, String)> {
    let step = STEPS[i % STEPS.len()];
    let other = STEPS[(i + 1) % STEPS.len()];
    vec![
        (
            "ledning",
            format!(
                "{} kommunstyrelse antog en plan för välfärdsteknik, och socialnämnden följer upp den varje kvartal.",
                genitive(name)
            ),
        ),
        ("infrastruktur", format!("{name} {other}.")),
        ("kompetens", format!("Varje arbetsplats i {name} har ett digitaliseringsombud med tid avsatt för uppdraget.")),
        ("anvandning", format!("{name} {step}, och uppföljningen visar färre onödiga besök.")),
        (SUMMARY, format!("{name} {step}.")),
        (CONTACT_NAME, "Sam Sökande".to_owned()),
        (CONTACT_TITLE, "Digitaliseringsstrateg".to_owned()),
        (CONTACT_EMAIL, format!("digitalisering.{i}@demo.example.se")),
        (CONTACT_PHONE, format!("010-100 00 {i:02}")),
    ]
}

pub async fn seed_full_round(settings: &Settings) -> Result<(), StartError> {
    let db = startup::open_database(settings).await?;
    let Some(round) = db.current_round(storage::seed::EHALSOKOMMUN).await? else {
        return Ok(());
    };
    for (email, name) in JURORS {
        if let Some(id) = demo_account(&db, email, name, Role::Juror, None).await? {
            storage::jury::assign(&mut *db.pool().acquire().await?, &round.id, &id).await?;
        }
    }
    let kommuner = storage::kommuner::list(&mut *db.conn().await?).await?;
    // Submitted the day before the deadline, as many are.
    let submitted_at = round.deadline.closes_at_utc() - chrono::Duration::days(1);
    for (i, code) in KOMMUNER.into_iter().enumerate() {
        let kommun = kommuner
            .iter()
            .find(|k| k.kod.as_str() == code)
            .ok_or_else(|| StartError::Input(format!("kommunkod {code} is not in the seeded list")))?;
        let email = format!("sokande.{code}@demo.example.se");
        let Some(applicant) = demo_account(&db, &email, "Sam Sökande", Role::Applicant, Some(&kommun.kod)).await?
        else {
            continue;
        };
        let texts = parts(&kommun.namn, i);
        let parts: Vec<(&str, &str)> = texts.iter().map(|(part, text)| (*part, text.as_str())).collect();
        demo_submission(&db, &round, code, &parts, (&applicant, "Sam Sökande"), submitted_at).await?;
    }
    println!("a full round to rehearse on: 30 submitted applications, six jurors (jury@ … jury6@demo.example.se)");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_rehearsal_kommuner_are_distinct_and_none_is_the_demos_own() {
        let mut codes = KOMMUNER.to_vec();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), 27);
        for demo in ["0880", "0840", "0883", "0882"] {
            assert!(!codes.contains(&demo), "{demo} is already in the demo");
        }
        assert_eq!(genitive("Skara"), "Skaras");
        assert_eq!(genitive("Borås"), "Borås");
    }
}
