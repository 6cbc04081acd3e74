//! What the portal stores about people, table by table: the registry the
//! privacy notice (`/integritet`) is written from. Every table of the schema
//! is either in a kind of personal data here or in `NOT_PERSONAL`; an
//! integration test reads the live schema on both databases and fails on a
//! table in neither, so the notice cannot fall behind the schema. How long each
//! kind is kept comes from `domain::retention` and the organisers' periods.

use serde::{Deserialize, Serialize};

/// A kind of personal data, as the notice explains it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum DataKind {
    /// Name, e-mail, phone, role, kommun, employer, password hash, jury seats.
    Account,
    Sessions,
    /// Links to confirm an address or choose a new password.
    Links,
    Invitations,
    LoginFailures,
    /// What was typed into a form sent back with problems, when a cookie cannot hold it.
    FormEchoes,
    /// Texts, the contact person, and who saved and submitted what.
    Applications,
    /// Scores, comments, private notes, discussion, shortlist marks, jäv, sign-offs of the motivations.
    JuryWork,
    /// The outcome, the motivation's versions and who wrote them.
    Decisions,
    /// The call as published: the jury's names and titles, the contact.
    PublishedCall,
    AuditLog,
    Mail,
    AccessibilityFeedback,
    /// Organisers' names on what they last changed.
    OrganiserEdits,
}

/// The legal basis under article 6 of the GDPR.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Basis {
    /// 6.1 e: a task in the public interest (running the award for kommuner).
    PublicInterest,
    /// 6.1 f: a legitimate interest (security, traceability).
    LegitimateInterest,
    /// 6.1 c: a legal obligation (the law on accessible digital public services).
    LegalObligation,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry {
    pub kind: DataKind,
    pub tables: &'static [&'static str],
    pub basis: Basis,
}

pub const REGISTRY: &[Entry] = &[
    Entry { kind: DataKind::Account, tables: &["users", "jury_assignments"], basis: Basis::PublicInterest },
    Entry { kind: DataKind::Sessions, tables: &["sessions"], basis: Basis::LegitimateInterest },
    Entry { kind: DataKind::Links, tables: &["account_tokens"], basis: Basis::LegitimateInterest },
    Entry { kind: DataKind::Invitations, tables: &["invitations"], basis: Basis::PublicInterest },
    Entry { kind: DataKind::LoginFailures, tables: &["login_failures"], basis: Basis::LegitimateInterest },
    Entry { kind: DataKind::FormEchoes, tables: &["form_echoes"], basis: Basis::LegitimateInterest },
    Entry {
        kind: DataKind::Applications,
        tables: &[
            "applications",
            "application_parts",
            "application_versions",
            "application_conflicts",
            "submissions",
            "submission_parts",
            "deadline_extensions",
            "application_reminders",
        ],
        basis: Basis::PublicInterest,
    },
    Entry {
        kind: DataKind::JuryWork,
        tables: &[
            "reviews",
            "review_scores",
            "jury_posts",
            "shortlist_marks",
            "jury_conflicts",
            "jury_flag_answers",
            "ranking_snapshots",
            "motivation_signoffs",
        ],
        basis: Basis::PublicInterest,
    },
    Entry { kind: DataKind::Decisions, tables: &["decisions", "motivation_versions"], basis: Basis::PublicInterest },
    Entry { kind: DataKind::PublishedCall, tables: &["rounds", "round_jury"], basis: Basis::PublicInterest },
    Entry { kind: DataKind::AuditLog, tables: &["audit_log"], basis: Basis::LegitimateInterest },
    Entry { kind: DataKind::Mail, tables: &["mail_queue"], basis: Basis::PublicInterest },
    Entry { kind: DataKind::AccessibilityFeedback, tables: &["accessibility_feedback"], basis: Basis::LegalObligation },
    Entry {
        kind: DataKind::OrganiserEdits,
        tables: &["accessibility_statement", "retention_settings", "kommun_population"],
        basis: Basis::LegitimateInterest,
    },
];

/// Tables that hold nothing about a person: reference data, the award's set-up,
/// kommuner's outcomes (a kommun is not a person), and the runs' and changes' counts.
pub const NOT_PERSONAL: &[&str] = &[
    "lan",
    "kommuner",
    "awards",
    "award_partners",
    "award_kinds",
    "award_criteria",
    "round_sections",
    "round_criteria",
    "round_partners",
    "past_winners",
    "past_finalists",
    "review_settings",
    "review_scale_steps",
    "review_criteria",
    "retention_runs",
    "change_counters",
];

/// Tables of the live schema that the registry neither lists nor marks as
/// holding no personal data (the migrations' own bookkeeping aside); and
/// tables the registry names that the schema lacks.
pub fn unaccounted(schema: &[String]) -> (Vec<&str>, Vec<&'static str>) {
    let known = || REGISTRY.iter().flat_map(|e| e.tables.iter().copied()).chain(NOT_PERSONAL.iter().copied());
    let missing =
        schema.iter().map(String::as_str).filter(|t| *t != "_sqlx_migrations" && !known().any(|k| k == *t)).collect();
    let stale = known().filter(|k| !schema.iter().any(|t| t == k)).collect();
    (missing, stale)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_table_is_named_once() {
        let mut all: Vec<&str> =
            REGISTRY.iter().flat_map(|e| e.tables.iter().copied()).chain(NOT_PERSONAL.iter().copied()).collect();
        let count = all.len();
        all.sort();
        all.dedup();
        assert_eq!(all.len(), count);
    }

    #[test]
    fn a_table_missing_from_the_registry_or_gone_from_the_schema_is_found() {
        let mut schema: Vec<String> = REGISTRY
            .iter()
            .flat_map(|e| e.tables.iter())
            .chain(NOT_PERSONAL)
            .map(|t| t.to_string())
            .chain(["_sqlx_migrations".to_owned()])
            .collect();
        assert_eq!(unaccounted(&schema), (vec![], vec![]));
        schema.push("motivation_drafts".into());
        schema.retain(|t| t != "lan");
        assert_eq!(unaccounted(&schema), (vec!["motivation_drafts"], vec!["lan"]));
    }
}
