//! Property tests of the rules that take what people type, and of the ranking
//! maths: whatever the input, a validator answers (never panics), what it
//! accepts it accepts again unchanged, and the ranking keeps its promises for
//! any scores a jury could give.

use app::domain::{
    account::{Email, PersonName, Phone},
    application::{clean_line, clean_text},
    deadline::Deadline,
    decision::public_at,
    kommun::Kommunkod,
    ranking::{DoneReview, rank},
    review::{CriterionInput, ScoredCriterion, Scores, checked_settings},
    round::{PartInput, Round, RoundEdit, Schedule, edited_round},
    swedish,
};
use chrono::{DateTime, NaiveDate, NaiveTime, TimeZone, Utc};
use proptest::prelude::*;

/// Any text a form field could carry, with the characters that break things
/// more often than chance would give them.
fn typed() -> impl Strategy<Value = String> {
    prop_oneof![any::<String>(), "[ a-zåäöÅÄÖ0-9@.,;:=+\\-'\"<>/\\\\\r\n\t\u{0}\u{feff}\u{2028}]{0,60}",]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn account_fields_answer_every_input_and_accept_their_own_output(text in typed()) {
        if let Ok(email) = Email::parse(&text) {
            prop_assert_eq!(Email::parse(email.as_str()).map(|e| e.as_str().to_owned()), Ok(email.as_str().to_owned()));
        }
        if let Ok(name) = PersonName::parse(&text) {
            prop_assert_eq!(PersonName::parse(name.as_str()).map(|n| n.as_str().to_owned()), Ok(name.as_str().to_owned()));
        }
        if let Ok(Some(phone)) = Phone::parse_optional(&text) {
            let again = Phone::parse_optional(phone.as_str()).map(|p| p.map(|p| p.as_str().to_owned()));
            prop_assert_eq!(again, Ok(Some(phone.as_str().to_owned())));
        }
        if let Ok(code) = Kommunkod::parse(&text) {
            prop_assert!(code.as_str().len() == 4 && code.as_str().bytes().all(|b| b.is_ascii_digit()));
        }
    }

    #[test]
    fn kept_text_is_clean_and_cleaning_it_again_changes_nothing(text in typed()) {
        let kept = clean_text(&text);
        prop_assert_eq!(clean_text(&kept), kept.clone());
        prop_assert!(kept.chars().all(|c| !c.is_control() || c == '\n' || c == '\t'));
        let line = clean_line(&text);
        prop_assert!(!line.contains('\n') && line.trim() == line);
    }

    #[test]
    fn a_deadline_is_open_through_its_last_minute_and_closed_after(
        day in 0u32..36_500,
        hour in 0u32..24,
        minute in 0u32..60,
    ) {
        let date = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap() + chrono::Days::new(day.into());
        // A wall-clock time skipped by the switch to summer time is refused, not moved.
        let Ok(deadline) = Deadline::in_stockholm(date, NaiveTime::from_hms_opt(hour, minute, 0).unwrap()) else {
            return Ok(());
        };
        let last = deadline.last_minute_utc();
        prop_assert!(!deadline.has_passed(last + chrono::Duration::seconds(59)));
        prop_assert!(deadline.has_passed(deadline.closes_at_utc()));
        prop_assert_eq!(deadline.closes_at_utc() - last, chrono::Duration::minutes(1));
    }

    #[test]
    fn an_embargo_is_never_in_the_past(text in typed(), now in 946_684_800i64..4_102_444_800) {
        let now = Utc.timestamp_opt(now, 0).unwrap();
        if let Ok(at) = public_at(&text, now) {
            prop_assert!(at >= now);
        }
    }

    #[test]
    fn an_award_address_that_is_accepted_is_safe_in_a_path_and_a_file_name(text in typed()) {
        if app::domain::award::is_slug(&text) {
            prop_assert!(text.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'), "{text:?}");
            prop_assert!(!text.starts_with('-') && !text.ends_with('-') && !text.contains("--"), "{text:?}");
        }
    }

    #[test]
    fn swedish_numbers_read_back(n in any::<u64>()) {
        let written = swedish::number(n);
        prop_assert_eq!(written.replace('\u{a0}', "").parse::<u64>().unwrap(), n);
    }

    #[test]
    fn the_organisers_criteria_check_answers_everything_and_names_fields_safely(
        rows in prop::collection::vec((typed(), typed(), typed(), any::<bool>()), 0..6),
        scale_max in typed(),
        labels in typed(),
    ) {
        let rows: Vec<CriterionInput> = rows
            .into_iter()
            .map(|(title, description, weight, remove)| CriterionInput { slug: String::new(), title, description, weight, remove })
            .collect();
        if let Ok((criteria, _)) = checked_settings(&rows, &scale_max, &labels) {
            let mut slugs: Vec<&str> = criteria.iter().map(|c| c.slug.as_str()).collect();
            // A slug names a form field: it begins with a letter, and no two are alike.
            prop_assert!(slugs.iter().all(|s| s.starts_with(|c: char| c.is_ascii_lowercase())));
            slugs.sort_unstable();
            slugs.dedup();
            prop_assert_eq!(slugs.len(), criteria.len());
        }
    }

    #[test]
    fn a_drafts_edit_answers_everything_and_keeps_its_dates_in_order(
        texts in prop::collection::vec(typed(), 9),
        sections in prop::collection::vec((typed(), typed(), typed(), any::<bool>()), 0..5),
    ) {
        let draft = round();
        let sections: Vec<PartInput> = sections
            .into_iter()
            .enumerate()
            .map(|(i, (title, text, limit, remove))| PartInput {
                slug: draft.sections.get(i).map(|s| s.slug.clone()).unwrap_or_default(),
                title,
                text,
                limit,
                remove,
            })
            .collect();
        let edit = RoundEdit {
            title: &texts[0],
            theme: &texts[2],
            intro: &texts[1],
            criteria_text: &texts[2],
            eligibility: &texts[3],
            contact: &texts[4],
            schedule: Schedule { opens: &texts[5], deadline: &texts[6], ceremony: &texts[7], ceremony_place: &texts[8] },
            sections: &sections,
            criteria: &[],
            jury: &texts[0],
            partners: &texts[1],
        };
        if let Ok(round) = edited_round(&draft, edit) {
            prop_assert!(round.opens_at < round.deadline.last_minute_utc());
            prop_assert!(round.ceremony_at >= round.deadline.closes_at_utc());
            prop_assert!(!round.sections.is_empty());
            prop_assert_eq!(round.id, draft.id);
        }
    }

    #[test]
    fn the_ranking_places_every_reviewed_application_and_normalising_and_schulze_ignore_a_jurors_harshness(
        grid in prop::collection::vec(prop::collection::vec(prop::option::of(1i64..=5), 5), 1..5),
        harshness in -3i64..=3,
    ) {
        let criteria = vec![ScoredCriterion { slug: "k".into(), title: "K".into(), description: String::new(), weight: 1 }];
        let applications = ["a0", "a1", "a2", "a3", "a4"];
        let jurors = ["j0", "j1", "j2", "j3"];
        let scores = |shift: i64| -> Vec<Vec<Option<Scores>>> {
            grid.iter()
                .enumerate()
                .map(|(j, row)| {
                    row.iter()
                        .map(|s| s.map(|s| Scores {
                            // The first juror is harsher (or milder) by `shift` on every application.
                            scores: vec![("k".into(), if j == 0 { s + shift } else { s })],
                            recommendation: None,
                        }))
                        .collect()
                })
                .collect()
        };
        let rank_with = |given: &Vec<Vec<Option<Scores>>>| {
            let reviews: Vec<DoneReview<'_>> = given
                .iter()
                .enumerate()
                .flat_map(|(j, row)| {
                    row.iter().enumerate().filter_map(move |(a, s)| {
                        s.as_ref().map(|scores| DoneReview { application: applications[a], juror: jurors[j], scores })
                    })
                })
                .collect();
            rank(&criteria, &applications, &reviews, &[], None)
        };
        let plain = scores(0);
        let ranking = rank_with(&plain);
        prop_assert_eq!(ranking.rows.len(), applications.len());
        let mut last = 0;
        for row in &ranking.rows {
            match row.place {
                Some(place) => {
                    prop_assert!(place.place >= 1 && place.place >= last, "places only grow down the list");
                    prop_assert!(row.reviews > 0);
                    last = place.place;
                }
                None => prop_assert_eq!(row.reviews, 0),
            }
        }
        let shifted = rank_with(&scores(harshness));
        let normalised = |r: &app::domain::ranking::Ranking, a: &str| {
            r.rows.iter().find(|row| row.application == a).and_then(|row| row.normalised)
        };
        // A juror with fewer reviews than that is read on the whole jury's scale,
        // where the first juror's shift shows.
        let on_own_scale = grid.iter().all(|row| {
            let reviews = row.iter().flatten().count();
            reviews == 0 || reviews >= app::domain::ranking::MIN_REVIEWS_TO_NORMALISE
        });
        let schulze = |r: &app::domain::ranking::Ranking, a: &str| {
            r.rows.iter().find(|row| row.application == a).and_then(|row| row.schulze_place)
        };
        for a in applications {
            match (normalised(&ranking, a), normalised(&shifted, a)) {
                (Some(x), Some(y)) if on_own_scale => prop_assert!((x - y).abs() < 1e-9, "{a}: {x} vs {y}"),
                (x, y) => prop_assert_eq!(x.is_some(), y.is_some()),
            }
            // Schulze reads only each juror's order, which a shift keeps.
            prop_assert_eq!(schulze(&ranking, a), schulze(&shifted, a));
        }
    }
}

/// A round in draft with the four areas, for editing.
fn round() -> Round {
    let at = |y, m, d| Utc.with_ymd_and_hms(y, m, d, 12, 0, 0).unwrap();
    let deadline: DateTime<Utc> = at(2028, 4, 14);
    let section = |slug: &str| app::domain::round::Section {
        slug: slug.into(),
        title: slug.into(),
        guidance: String::new(),
        max_chars: 6000,
    };
    Round {
        id: "ehalsokommun-2028".into(),
        award_id: "ehalsokommun".into(),
        year: 2028,
        title: "Sveriges eHälsokommun 2028".into(),
        theme: String::new(),
        intro: "Om".into(),
        criteria_text: "Kriterier".into(),
        eligibility: String::new(),
        opens_at: at(2027, 11, 1),
        deadline: Deadline::from_utc(deadline),
        ceremony_at: at(2028, 5, 10),
        ceremony_place: "Göteborg".into(),
        contact: String::new(),
        state: app::domain::lifecycle::RoundState::Draft,
        sections: ["ledning", "infrastruktur", "kompetens", "anvandning"].map(section).to_vec(),
        criteria: Vec::new(),
        jury: Vec::new(),
        partners: Vec::new(),
        published_at: None,
    }
}
