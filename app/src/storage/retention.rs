//! Gallring's SQL: the organisers' periods, the record of runs, and the one
//! sweep that both lists (dry run) and removes (real run) what is due. Each
//! target is a table and a filter; the listing counts and names the rows the
//! filter picks, the real run deletes or anonymises exactly those, with the
//! same filter, so the dry run cannot drift from the run. Filters are disjoint
//! (the personal-data step looks only at the applications with an outcome, which
//! the applications step keeps), so no row is counted twice.

use super::{from_db_time, to_db_time};
use crate::domain::{
    account::Role,
    application::{CONTACT_PARTS, Status},
    retention::{
        ANONYMISED, AUDIT_ACTIONS_NAMING_PEOPLE, AccountFacts, Cutoffs, Item, PORTAL_ACTOR, Periods, RoundDates, Step,
        account_due, merged, round_dates,
    },
};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sqlx::{AnyConnection, Row};

/// The organisers' periods, or the defaults while nobody has set them.
pub async fn periods(conn: &mut AnyConnection) -> Result<Option<Periods>, sqlx::Error> {
    let row = sqlx::query("SELECT applications_months, personal_months FROM retention_settings WHERE id = 1")
        .fetch_optional(&mut *conn)
        .await?;
    row.map(|r| {
        Ok(Periods {
            applications_months: super::to_u32(r.try_get("applications_months")?, "applications_months")?,
            personal_months: super::to_u32(r.try_get("personal_months")?, "personal_months")?,
        })
    })
    .transpose()
}

pub async fn save_periods(
    conn: &mut AnyConnection,
    periods: Periods,
    by: &str,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO retention_settings (id, applications_months, personal_months, updated_at, updated_by_name) \
         VALUES (1, $1, $2, $3, $4) ON CONFLICT (id) DO UPDATE SET applications_months = excluded.applications_months, \
         personal_months = excluded.personal_months, updated_at = excluded.updated_at, \
         updated_by_name = excluded.updated_by_name",
    )
    .bind(i64::from(periods.applications_months))
    .bind(i64::from(periods.personal_months))
    .bind(to_db_time(now))
    .bind(by)
    .execute(conn)
    .await?;
    Ok(())
}

/// A run that changed something: when, how many rows, and its summary lines.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Run {
    pub ran_at: DateTime<Utc>,
    pub items: u64,
    pub summary: String,
}

pub async fn record_run(conn: &mut AnyConnection, run: &Run) -> Result<(), sqlx::Error> {
    sqlx::query("INSERT INTO retention_runs (id, ran_at, items, summary) VALUES ($1, $2, $3, $4)")
        .bind(uuid::Uuid::new_v4().to_string())
        .bind(to_db_time(run.ran_at))
        .bind(i64::try_from(run.items).unwrap_or(i64::MAX))
        .bind(&run.summary)
        .execute(conn)
        .await?;
    Ok(())
}

/// Every run, newest first.
pub async fn runs(conn: &mut AnyConnection) -> Result<Vec<Run>, sqlx::Error> {
    sqlx::query("SELECT ran_at, items, summary FROM retention_runs ORDER BY ran_at DESC, id")
        .fetch_all(&mut *conn)
        .await?
        .into_iter()
        .map(|r| {
            Ok(Run {
                ran_at: from_db_time(&r.try_get::<String, _>("ran_at")?)?,
                items: u64::try_from(r.try_get::<i64, _>("items")?).unwrap_or_default(),
                summary: r.try_get("summary")?,
            })
        })
        .collect()
}

/// An announced round with the dates its data goes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnnouncedRound {
    pub id: String,
    pub title: String,
    pub dates: RoundDates,
}

/// Every round with its dates (None while not announced), oldest first.
async fn rounds(
    conn: &mut AnyConnection,
    periods: Periods,
) -> Result<Vec<(String, String, Option<RoundDates>)>, sqlx::Error> {
    sqlx::query("SELECT id, title, published_at FROM rounds ORDER BY year, id")
        .fetch_all(conn)
        .await?
        .into_iter()
        .map(|r| {
            let published: Option<String> = r.try_get("published_at")?;
            let published = published.as_deref().map(from_db_time).transpose()?;
            Ok((r.try_get("id")?, r.try_get("title")?, round_dates(periods, published)))
        })
        .collect()
}

/// The announced rounds and when each one's data goes, oldest first.
pub async fn schedule(conn: &mut AnyConnection, periods: Periods) -> Result<Vec<AnnouncedRound>, sqlx::Error> {
    Ok(rounds(conn, periods)
        .await?
        .into_iter()
        .filter_map(|(id, title, dates)| Some(AnnouncedRound { id, title, dates: dates? }))
        .collect())
}

/// What a target does to the rows its filter picks.
enum Change {
    Delete,
    /// An `UPDATE … SET` clause.
    Set(String),
}

struct Target {
    round: Option<String>,
    step: Step,
    table: &'static str,
    /// A WHERE clause with `$1…` for `binds`.
    filter: String,
    binds: Vec<String>,
    /// An SQL expression naming each row (a kommun, a person), if it has a name.
    name: Option<String>,
    change: Change,
}

/// The kommun's name for a row of a table with `application_id`.
fn kommun_of_application(table: &str) -> Option<String> {
    Some(format!(
        "(SELECT k.namn FROM applications a JOIN kommuner k ON k.kod = a.kommun_kod WHERE a.id = {table}.application_id)"
    ))
}

fn kommun_of_row(table: &str) -> Option<String> {
    Some(format!("(SELECT k.namn FROM kommuner k WHERE k.kod = {table}.kommun_kod)"))
}

fn quoted(texts: &[&str]) -> String {
    texts.iter().map(|t| format!("'{t}'")).collect::<Vec<_>>().join(", ")
}

/// A round's unsuccessful applications and what hangs on them.
fn applications_targets(round_id: &str, title: &str) -> Vec<Target> {
    let chosen = "SELECT application_id FROM decisions WHERE round_id = $1";
    // The code of the type itself, never typed again here: a code it no longer has would match nothing, silently.
    let draft = Status::Draft.code();
    let awarded_kommuner = "SELECT a.kommun_kod FROM applications a JOIN decisions d ON d.application_id = a.id \
                            WHERE a.round_id = $1";
    let target = |step, table, filter: String, name| Target {
        round: Some(title.to_owned()),
        step,
        table,
        filter,
        binds: vec![round_id.to_owned()],
        name,
        change: Change::Delete,
    };
    let mut targets = vec![
        target(
            Step::Drafts,
            "applications",
            format!("round_id = $1 AND status = '{draft}' AND id NOT IN ({chosen})"),
            kommun_of_row("applications"),
        ),
        target(
            Step::Unsuccessful,
            "applications",
            format!("round_id = $1 AND status <> '{draft}' AND id NOT IN ({chosen})"),
            kommun_of_row("applications"),
        ),
    ];
    for table in ["deadline_extensions", "jury_conflicts", "jury_flag_answers"] {
        targets.push(target(
            Step::UnsuccessfulRecords,
            table,
            format!("round_id = $1 AND kommun_kod NOT IN ({awarded_kommuner})"),
            kommun_of_row(table),
        ));
    }
    targets.push(target(Step::RankingSnapshot, "ranking_snapshots", "round_id = $1".into(), None));
    targets
}

/// The personal data left in a round once its unsuccessful applications are gone.
fn personal_targets(round_id: &str, title: &str) -> Vec<Target> {
    let kept = "application_id IN (SELECT application_id FROM decisions WHERE round_id = $1)";
    let awarded_kommuner = "kommun_kod IN (SELECT a.kommun_kod FROM applications a JOIN decisions d \
                            ON d.application_id = a.id WHERE a.round_id = $1)";
    let contact = format!("part IN ({}) AND body <> ''", quoted(&CONTACT_PARTS));
    let target = |step, table, filter: String, name, change| Target {
        round: Some(title.to_owned()),
        step,
        table,
        filter,
        binds: vec![round_id.to_owned()],
        name,
        change,
    };
    let empty = || Change::Set("body = ''".into());
    let mut targets = Vec::new();
    for table in ["application_parts", "application_versions", "submission_parts"] {
        targets.push(target(
            Step::ContactDetails,
            table,
            format!("{kept} AND {contact}"),
            kommun_of_application(table),
            empty(),
        ));
    }
    let anonymise = |table, id_column: Option<&str>, name_column: &str, filter: String| {
        let set = match id_column {
            Some(id) => format!("{id} = NULL, {name_column} = '{ANONYMISED}'"),
            None => format!("{name_column} = '{ANONYMISED}'"),
        };
        let filter = format!("{filter} AND {name_column} <> '{ANONYMISED}'");
        target(Step::WriterNames, table, filter, kommun_of_application(table), Change::Set(set))
    };
    targets.push(anonymise("application_parts", Some("saved_by"), "saved_by_name", kept.into()));
    targets.push(anonymise("application_versions", None, "saved_by_name", kept.into()));
    targets.push(anonymise("submissions", Some("submitted_by"), "submitted_by_name", kept.into()));
    targets.push(anonymise("decisions", Some("decided_by"), "decided_by_name", "round_id = $1".into()));
    // The motivation itself is published and stays; who wrote each version does not.
    targets.push(anonymise("motivation_versions", Some("written_by"), "written_by_name", "round_id = $1".into()));
    for (step, table) in [
        (Step::WriterCopies, "application_conflicts"),
        (Step::Reviews, "reviews"),
        (Step::JuryDiscussion, "jury_posts"),
        (Step::ShortlistMarks, "shortlist_marks"),
        (Step::SignOffs, "motivation_signoffs"),
    ] {
        targets.push(target(step, table, kept.into(), kommun_of_application(table), Change::Delete));
    }
    for (step, table) in [
        (Step::JavRecords, "jury_conflicts"),
        (Step::JavRecords, "jury_flag_answers"),
        (Step::Extensions, "deadline_extensions"),
    ] {
        targets.push(target(
            step,
            table,
            format!("round_id = $1 AND {awarded_kommuner}"),
            kommun_of_row(table),
            Change::Delete,
        ));
    }
    targets
}

/// The portal's own records, judged on the cut-offs.
fn portal_targets(cutoffs: &Cutoffs) -> Vec<Target> {
    let time = |at: DateTime<Utc>| to_db_time(at);
    let target = |step, table, filter: &str, binds: Vec<String>, name: Option<&str>, change| Target {
        round: None,
        step,
        table,
        filter: filter.to_owned(),
        binds,
        name: name.map(str::to_owned),
        change,
    };
    let named_detail = quoted(&AUDIT_ACTIONS_NAMING_PEOPLE);
    vec![
        target(
            Step::AuditNames,
            "audit_log",
            &format!("at <= $1 AND actor_name NOT IN ('{ANONYMISED}', '{PORTAL_ACTOR}')"),
            vec![time(cutoffs.personal)],
            None,
            Change::Set(format!(
                "actor_id = NULL, actor_name = '{ANONYMISED}', \
                 detail = CASE WHEN action IN ({named_detail}) THEN '{ANONYMISED}' ELSE detail END"
            )),
        ),
        target(
            Step::Mail,
            "mail_queue",
            "(sent_at IS NOT NULL AND sent_at <= $1) OR (sent_at IS NULL AND attempts > 0 AND created_at <= $1)",
            vec![time(cutoffs.mail)],
            None,
            Change::Delete,
        ),
        target(
            Step::Sessions,
            "sessions",
            "last_seen_at <= $1 OR created_at <= $2",
            vec![time(cutoffs.session_idle), time(cutoffs.session_absolute)],
            None,
            Change::Delete,
        ),
        target(
            Step::Links,
            "account_tokens",
            "used_at IS NOT NULL OR expires_at <= $1",
            vec![time(cutoffs.now)],
            None,
            Change::Delete,
        ),
        target(
            Step::Invitations,
            "invitations",
            "expires_at <= $1",
            vec![time(cutoffs.invitations)],
            Some("name"),
            Change::Delete,
        ),
        target(
            Step::LoginFailures,
            "login_failures",
            "failed_at <= $1",
            vec![time(cutoffs.login_failures)],
            None,
            Change::Delete,
        ),
        target(Step::FormEchoes, "form_echoes", "expires_at <= $1", vec![time(cutoffs.now)], None, Change::Delete),
        target(
            Step::Feedback,
            "accessibility_feedback",
            "received_at <= $1",
            vec![time(cutoffs.personal)],
            None,
            Change::Delete,
        ),
    ]
}

/// An account the run deletes; blocked people get no mail.
pub struct DueAccount {
    id: String,
    pub email: String,
    pub name: String,
    pub blocked: bool,
}

/// Applicants' and jurors' accounts due under `account_due`.
async fn due_accounts(
    conn: &mut AnyConnection,
    periods: Periods,
    cutoffs: &Cutoffs,
    rounds: &[(String, String, Option<RoundDates>)],
) -> Result<Vec<DueAccount>, sqlx::Error> {
    let dates_of = |round_id: &str| rounds.iter().find(|(id, _, _)| id == round_id).and_then(|(_, _, d)| *d);
    let people = sqlx::query(
        "SELECT id, email, name, role, kommun_kod, created_at, blocked_at FROM users WHERE role <> 'arrangor' \
         ORDER BY name, id",
    )
    .fetch_all(&mut *conn)
    .await?;
    let seats = sqlx::query("SELECT user_id, round_id FROM jury_assignments").fetch_all(&mut *conn).await?;
    let applied = sqlx::query("SELECT kommun_kod, round_id FROM applications").fetch_all(&mut *conn).await?;
    let logged_in: Vec<String> =
        sqlx::query("SELECT DISTINCT user_id FROM sessions WHERE last_seen_at > $1 AND created_at > $2")
            .bind(to_db_time(cutoffs.session_idle))
            .bind(to_db_time(cutoffs.session_absolute))
            .fetch_all(&mut *conn)
            .await?
            .into_iter()
            .map(|r| r.try_get("user_id"))
            .collect::<Result<_, _>>()?;
    let pairs = |rows: &[sqlx::any::AnyRow], key: &str, value: &str| -> Result<Vec<(String, String)>, sqlx::Error> {
        rows.iter().map(|r| Ok((r.try_get(key)?, r.try_get(value)?))).collect()
    };
    let seats = pairs(&seats, "user_id", "round_id")?;
    let applied = pairs(&applied, "kommun_kod", "round_id")?;
    let mut due = Vec::new();
    for person in people {
        let id: String = person.try_get("id")?;
        let code: String = person.try_get("role")?;
        let Some(role) = Role::from_code(&code) else { continue };
        let kommun: Option<String> = person.try_get("kommun_kod")?;
        let rounds_of: Vec<Option<RoundDates>> = match role {
            Role::Juror => seats.iter().filter(|(u, _)| *u == id).map(|(_, r)| dates_of(r)).collect(),
            _ => applied.iter().filter(|(k, _)| Some(k) == kommun.as_ref()).map(|(_, r)| dates_of(r)).collect(),
        };
        let facts = AccountFacts {
            role,
            created_at: from_db_time(&person.try_get::<String, _>("created_at")?)?,
            rounds: rounds_of,
            logged_in: logged_in.contains(&id),
        };
        if account_due(periods, &facts, cutoffs.now) {
            let blocked = person.try_get::<Option<String>, _>("blocked_at")?.is_some();
            due.push(DueAccount { id, email: person.try_get("email")?, name: person.try_get("name")?, blocked });
        }
    }
    Ok(due)
}

async fn list(conn: &mut AnyConnection, target: &Target) -> Result<Option<Item>, sqlx::Error> {
    fn bind_all<'q>(sql: &'q str, binds: &[String]) -> sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>> {
        binds.iter().fold(sqlx::query(sql), |query, value| query.bind(value.clone()))
    }
    let count_sql = format!("SELECT COUNT(*) AS n FROM {} WHERE {}", target.table, target.filter);
    let count: i64 = bind_all(&count_sql, &target.binds).fetch_one(&mut *conn).await?.try_get("n")?;
    if count == 0 {
        return Ok(None);
    }
    let names = match &target.name {
        Some(expr) => {
            let sql =
                format!("SELECT DISTINCT {expr} AS name FROM {} WHERE {} ORDER BY name", target.table, target.filter);
            bind_all(&sql, &target.binds)
                .fetch_all(&mut *conn)
                .await?
                .into_iter()
                .filter_map(|r| r.try_get::<Option<String>, _>("name").transpose())
                .collect::<Result<Vec<_>, _>>()?
        }
        None => Vec::new(),
    };
    Ok(Some(Item { round: target.round.clone(), step: target.step, count: count.unsigned_abs(), names }))
}

async fn apply(conn: &mut AnyConnection, target: &Target) -> Result<u64, sqlx::Error> {
    let sql = match &target.change {
        Change::Delete => format!("DELETE FROM {} WHERE {}", target.table, target.filter),
        Change::Set(set) => format!("UPDATE {} SET {set} WHERE {}", target.table, target.filter),
    };
    let query = target.binds.iter().fold(sqlx::query(&sql), |query, value| query.bind(value.clone()));
    Ok(query.execute(conn).await?.rows_affected())
}

/// What is due now under `periods` and `cutoffs`, listed; and with `remove`,
/// removed or anonymised too, answering also the accounts deleted. Call inside
/// one transaction for the real run.
pub async fn sweep(
    conn: &mut AnyConnection,
    periods: Periods,
    cutoffs: &Cutoffs,
    remove: bool,
) -> Result<(Vec<Item>, Vec<DueAccount>), sqlx::Error> {
    let now = cutoffs.now;
    let all_rounds = rounds(conn, periods).await?;
    let mut targets = Vec::new();
    for (id, title, dates) in &all_rounds {
        let Some(dates) = dates else { continue };
        if dates.applications_due(now) {
            targets.extend(applications_targets(id, title));
        }
        if dates.personal_due(now) {
            targets.extend(personal_targets(id, title));
        }
    }
    targets.extend(portal_targets(cutoffs));
    let accounts = due_accounts(conn, periods, cutoffs, &all_rounds).await?;

    // Everything is listed before anything changes, so a row deleted by a
    // cascade is still listed where its own filter picks it.
    let mut items = Vec::new();
    for target in &targets {
        items.extend(list(conn, target).await?);
    }
    if !accounts.is_empty() {
        items.push(Item {
            round: None,
            step: Step::Accounts,
            count: accounts.len() as u64,
            names: accounts.iter().map(|a| a.name.clone()).collect(),
        });
    }
    if remove {
        for target in &targets {
            let changed = apply(conn, target).await?;
            tracing::debug!(table = target.table, changed, "gallring");
        }
        for account in &accounts {
            // As at the person's own request (`api::account::delete_account`).
            super::mail_queue::delete_for_deleted_account(conn, &account.email, now).await?;
            super::invitations::delete_for_email(conn, &account.email).await?;
            super::login_failures::delete_for_account(conn, &account.email).await?;
            super::users::delete(conn, &account.id).await?;
        }
    }
    Ok((merged(items), if remove { accounts } else { Vec::new() }))
}
