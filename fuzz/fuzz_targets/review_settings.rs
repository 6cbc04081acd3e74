//! The organiser's criteria, weights and scale, as the settings form posts
//! them: any rows answer without panicking, and accepted criteria get slugs
//! that are safe, distinct form field names.
#![no_main]

use app::domain::review::{CriterionInput, checked_settings};
use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;

#[derive(Arbitrary, Debug)]
struct Posted {
    rows: Vec<(String, String, String, bool)>,
    scale_max: String,
    labels: String,
}

fuzz_target!(|posted: Posted| {
    let rows: Vec<CriterionInput> = posted
        .rows
        .into_iter()
        .map(|(title, description, weight, remove)| CriterionInput {
            slug: String::new(),
            title,
            description,
            weight,
            remove,
        })
        .collect();
    if let Ok((criteria, scale)) = checked_settings(&rows, &posted.scale_max, &posted.labels) {
        let mut slugs: Vec<&str> = criteria.iter().map(|c| c.slug.as_str()).collect();
        assert!(slugs.iter().all(|s| s.starts_with(|c: char| c.is_ascii_lowercase())));
        slugs.sort_unstable();
        slugs.dedup();
        assert_eq!(slugs.len(), criteria.len(), "no two criteria share a field name");
        assert!(scale.min <= scale.max);
        assert_eq!(scale.labels.len() as i64, scale.max - scale.min + 1, "one label per step of the scale");
    }
});
