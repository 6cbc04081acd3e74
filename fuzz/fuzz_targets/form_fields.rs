//! Any text in a form field: every reader of typed text answers without
//! panicking, and what it accepts it reads again to the same value.
#![no_main]

use app::domain::{
    account::{Email, PersonName, Phone},
    application::{clean_line, clean_text},
    decision::public_at,
    kommun::Kommunkod,
};
use chrono::{TimeZone, Utc};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Ok(email) = Email::parse(text) {
        let again = Email::parse(email.as_str()).expect("an accepted address is accepted again");
        assert_eq!(again.as_str(), email.as_str());
    }
    if let Ok(name) = PersonName::parse(text) {
        let again = PersonName::parse(name.as_str()).expect("an accepted name is accepted again");
        assert_eq!(again.as_str(), name.as_str());
    }
    if let Ok(Some(phone)) = Phone::parse_optional(text) {
        let again = Phone::parse_optional(phone.as_str()).expect("an accepted number is accepted again");
        assert_eq!(again.map(|p| p.as_str().to_owned()).as_deref(), Some(phone.as_str()));
    }
    if let Ok(code) = Kommunkod::parse(text) {
        assert!(code.as_str().len() == 4 && code.as_str().bytes().all(|b| b.is_ascii_digit()));
    }
    let kept = clean_text(text);
    assert_eq!(clean_text(&kept), kept, "cleaning twice changes nothing");
    assert!(!clean_line(text).contains('\n'));
    let now = Utc.with_ymd_and_hms(2027, 5, 1, 12, 0, 0).unwrap();
    if let Ok(at) = public_at(text, now) {
        assert!(at >= now, "an embargo is never in the past");
    }
});
