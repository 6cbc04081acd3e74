//! Server functions of a kommun's application: open it, save it (the autosave
//! and the "Spara utkast" button are the same call), look back through a
//! part's versions and restore one, submit, reopen, and read a submission.
//! The application is always looked up by id and checked against the
//! viewer's kommun; the viewer comes from the session, never from the form.

use super::form::FormReply;
use crate::{
    domain::application::{Refusal, Status, SubmitProblem},
    error::AppError,
};
use chrono::NaiveDateTime;
use leptos::{prelude::*, server_fn::codec::GetUrl};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// One part of the form: a section, the summary or a contact field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartView {
    pub part: String,
    /// The section's title; empty for the summary and contact fields, whose
    /// labels are the interface's own.
    pub title: String,
    pub guidance: String,
    pub limit: u32,
    /// The version the text below is based on (0: never saved).
    pub version: i64,
    pub body: String,
    pub saved_by: Option<String>,
    pub saved_local: Option<NaiveDateTime>,
    /// The viewer's own text, kept when it met a newer version.
    pub conflict: Option<EditConflict>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EditConflict {
    pub my_text: String,
    pub my_base: i64,
    pub kept_local: NaiveDateTime,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubmissionSummary {
    pub number: i64,
    pub reference: String,
    pub submitted_local: NaiveDateTime,
    pub submitted_by: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApplicationView {
    /// None when the round is not open and the kommun never began one.
    pub id: Option<String>,
    pub round_title: String,
    pub kommun: String,
    pub status: Status,
    /// The last minute in which it may be submitted, for this kommun.
    pub deadline_local: NaiveDateTime,
    /// Set when this kommun was granted a later deadline.
    pub extended: bool,
    /// Why it cannot be changed now; none while it can.
    pub refusal: Option<Refusal>,
    pub may_reopen: bool,
    /// Sections first, then the summary, then the contact fields.
    pub parts: Vec<PartView>,
    pub problems: Vec<SubmitProblem>,
    pub submissions: Vec<SubmissionSummary>,
    pub last_saved_local: Option<NaiveDateTime>,
    /// A fresh key for the submit form, so a doubled request submits once.
    pub request_key: String,
    /// The viewer waits for a colleague or an organiser to let them act for the kommun.
    pub awaiting_approval: bool,
    /// The kommun's applicants, approved or waiting.
    pub colleagues: Vec<Colleague>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Colleague {
    pub user_id: String,
    pub name: String,
    pub email: String,
    pub approved: bool,
}

/// The answer to a save, for the autosave's status line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SaveReply {
    /// Parts saved now, with their new versions.
    pub saved: Vec<(String, i64)>,
    /// Parts that met a newer version; the writer's text is kept as their copy.
    pub conflicts: Vec<String>,
    /// Why nothing could be saved; the text is kept as the writer's copy.
    pub refused: Option<Refusal>,
    /// Parts longer than a draft may be (`too_long_for_draft`), with their length and the
    /// most allowed: not saved. The form's own limit keeps a person from typing more, so
    /// only a client of its own sends such a text, and it is not stored anywhere.
    pub too_long: Vec<(String, usize, u32)>,
    pub at_local: NaiveDateTime,
}

/// One part's saved versions, newest first, and the one asked for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HistoryView {
    pub application_id: String,
    pub part: String,
    pub title: String,
    pub current_version: i64,
    pub editable: bool,
    pub versions: Vec<VersionSummary>,
    pub shown: Option<VersionSummary>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VersionSummary {
    pub version: i64,
    pub saved_by: String,
    pub saved_local: NaiveDateTime,
    pub chars: usize,
    pub body: String,
}

/// A submission as it was sent: for the receipt page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubmissionView {
    pub summary: SubmissionSummary,
    pub round_title: String,
    pub kommun: String,
    /// Each part's heading (empty for the interface's own labels), key and text.
    pub parts: Vec<(String, String, String)>,
    pub is_latest: bool,
}

#[server(endpoint = "my_application", input = GetUrl)]
pub async fn my_application() -> Result<Option<ApplicationView>, AppError> {
    ssr::my_application().await
}

#[server(endpoint = "save_application")]
pub async fn save_application(
    application: String,
    #[server(default)] text: HashMap<String, String>,
    #[server(default)] version: HashMap<String, i64>,
    #[server(default)] action: Option<String>,
) -> Result<SaveReply, AppError> {
    ssr::save(application, text, version, action).await
}

#[server(endpoint = "part_history", input = GetUrl)]
pub async fn part_history(part: String, version: Option<i64>) -> Result<Option<HistoryView>, AppError> {
    ssr::history(part, version).await
}

#[server(endpoint = "restore_version")]
pub async fn restore_version(application: String, part: String, version: i64) -> Result<FormReply, AppError> {
    Ok(ssr::restore(application, part, version).await)
}

#[server(endpoint = "submit_application")]
pub async fn submit_application(application: String, request_key: String) -> Result<FormReply, AppError> {
    Ok(ssr::submit(application, request_key).await)
}

#[server(endpoint = "reopen_application")]
pub async fn reopen_application(application: String) -> Result<FormReply, AppError> {
    Ok(ssr::reopen(application).await)
}

/// Lets a waiting applicant act for their kommun: an approved colleague or an organiser.
#[server(endpoint = "approve_applicant")]
pub async fn approve_applicant(user: String) -> Result<FormReply, AppError> {
    Ok(ssr::approve(user, true).await)
}

/// Takes an applicant's right to act for their kommun away again: organisers only.
#[server(endpoint = "withdraw_applicant")]
pub async fn withdraw_applicant(user: String) -> Result<FormReply, AppError> {
    Ok(ssr::approve(user, false).await)
}

#[server(endpoint = "my_submission", input = GetUrl)]
pub async fn my_submission(number: i64) -> Result<Option<SubmissionView>, AppError> {
    ssr::submission(number).await
}

/// The page of the application and of its parts.
pub const APPLICATION_PAGE: &str = "/ansokan";

pub fn receipt_href(number: i64) -> String {
    format!("{APPLICATION_PAGE}/inskickad/{number}")
}

#[cfg(feature = "ssr")]
pub mod ssr {
    use super::*;
    use crate::{
        api::form::{ApplyProblem, Problems, finish, run},
        auth::{self, secret},
        domain::{
            access::{Access, Viewer, may_act_for_kommun},
            application::{
                CONTACT_PARTS, Life, Merge, PartSave, SUMMARY, Settle, clean_line, clean_text, deadline_for, limit,
                merge, parts, reference, submit_problems, too_long_for_draft,
            },
            deadline::to_stockholm,
            kommun::Kommunkod,
            policy::{self, Action, Object, Refused},
            round::Round,
            swedish,
        },
        mail::messages,
        state::{self, AppState},
        storage::{
            applications::{self, Application, PartVersion, Writer},
            audit, extensions, kommuner, mail_queue, rounds,
            seed::EHALSOKOMMUN,
            submissions, users,
        },
    };
    use chrono::{DateTime, Utc};

    /// The viewer's kommun: an applicant always has one.
    fn kommun_of(viewer: &Viewer) -> Result<(String, String), AppError> {
        viewer.kommun.clone().ok_or(AppError::Forbidden)
    }

    /// An application the viewer may act for, with its round and this
    /// kommun's life rules (status as stored, deadline with any extension).
    pub struct Owned {
        pub viewer: Viewer,
        pub state: AppState,
        pub application: Application,
        pub round: Round,
        pub deadline: crate::domain::deadline::Deadline,
    }

    impl Owned {
        pub fn life(&self, status: Status) -> Life {
            Life { status, round_state: self.round.state, opens_at: self.round.opens_at, deadline: self.deadline }
        }
        /// The policy on `action` to this application in `status`, now: `Err` for one who
        /// may not at all, `Ok(Err)` with the reason when not now.
        pub fn may(&self, action: Action, status: Status, now: DateTime<Utc>) -> Result<Result<(), Refusal>, AppError> {
            let object = Object::Application { kommun: &self.application.kommun_kod, life: self.life(status), now };
            match policy::decide(&self.viewer, action, &object) {
                Ok(()) => Ok(Ok(())),
                Err(Refused::Application(refusal)) => Ok(Err(refusal)),
                Err(_) => {
                    tracing::warn!(user = %self.viewer.user_id, application = ?self.application.id, ?action, "refused");
                    Err(AppError::Forbidden)
                }
            }
        }

        fn writer(&self) -> Writer<'_> {
            Writer { user_id: &self.viewer.user_id, name: &self.viewer.name }
        }
    }

    /// Loads an application by id and refuses it to anyone but its kommun's applicants.
    pub async fn owned(id: &str) -> Result<Owned, AppError> {
        let viewer = auth::require(Access::Applicant)?;
        let state = state::state()?;
        let application = applications::find(&state.db, id).await?.ok_or(AppError::NotFound)?;
        let round = rounds::find(&state.db, &application.round_id).await?.ok_or(AppError::NotFound)?;
        let extension = extensions::find(&state.db, &round.id, &application.kommun_kod).await?;
        let deadline = deadline_for(round.deadline, extension.map(|e| e.deadline));
        let owned = Owned { viewer, state, application, round, deadline };
        // Another kommun's application: refused (and logged) by the policy.
        owned
            .may(Action::ReadApplication, owned.application.status, owned.state.clock.now())?
            .map_err(|_| AppError::Forbidden)?;
        Ok(owned)
    }

    fn local(at: DateTime<Utc>) -> NaiveDateTime {
        to_stockholm(at)
    }

    pub async fn my_application() -> Result<Option<ApplicationView>, AppError> {
        let viewer = auth::require(Access::Applicant)?;
        let (kommun_kod, kommun) = kommun_of(&viewer)?;
        let state = state::state()?;
        let db = &state.db;
        let now = state.clock.now();
        let Some(round) = rounds::current(db, EHALSOKOMMUN).await? else { return Ok(None) };
        let awaiting_approval = !may_act_for_kommun(&viewer, &kommun_kod);
        // A person waiting to be let in learns nothing of the kommun: not its deadline, not its people.
        let extension = match awaiting_approval {
            true => None,
            false => extensions::find(db, &round.id, &kommun_kod).await?,
        };
        let deadline = deadline_for(round.deadline, extension.as_ref().map(|e| e.deadline));
        let open_now = Life { status: Status::Draft, round_state: round.state, opens_at: round.opens_at, deadline }
            .may_edit(now)
            .is_ok();
        let application = if awaiting_approval {
            None
        } else if open_now {
            Some(applications::open(db, &round.id, &kommun_kod, now).await?)
        } else {
            applications::for_kommun(db, &round.id, &kommun_kod).await?
        };
        let status = application.as_ref().map_or(Status::Draft, |a| a.status);
        let life = Life { status, round_state: round.state, opens_at: round.opens_at, deadline };
        let mut view = ApplicationView {
            id: application.as_ref().map(|a| a.id.clone()),
            round_title: round.title.clone(),
            kommun,
            status,
            deadline_local: deadline.local(),
            extended: deadline != round.deadline,
            refusal: life.may_edit(now).err(),
            may_reopen: life.may_reopen(now).is_ok(),
            parts: Vec::new(),
            problems: Vec::new(),
            submissions: Vec::new(),
            last_saved_local: None,
            request_key: secret::new_token(),
            awaiting_approval,
            colleagues: match awaiting_approval {
                true => Vec::new(),
                false => users::colleagues(db, &kommun_kod)
                    .await?
                    .into_iter()
                    .map(|u| Colleague { user_id: u.id, name: u.name, email: u.email, approved: u.approved })
                    .collect(),
            },
        };
        let Some(application) = application else { return Ok(Some(view)) };

        let mut conn = db.pool().acquire().await?;
        let saved = applications::parts(&mut conn, &application.id).await?;
        drop(conn);
        let mut conflicts = applications::conflicts(db, &application.id, &viewer.user_id).await?;
        view.last_saved_local = saved.iter().map(|p| p.saved_at).max().map(local);
        view.problems = submit_problems(&round.sections, |part| {
            saved.iter().find(|p| p.part == part).map_or("", |p| p.body.as_str())
        });
        view.parts = parts(&round.sections)
            .into_iter()
            .map(|part| {
                let section = round.sections.iter().find(|s| s.slug == part);
                let current = saved.iter().find(|p| p.part == part);
                let conflict = conflicts.iter().position(|c| c.part == part).map(|i| conflicts.swap_remove(i));
                PartView {
                    part: part.to_owned(),
                    title: section.map(|s| s.title.clone()).unwrap_or_default(),
                    guidance: section.map(|s| s.guidance.clone()).unwrap_or_default(),
                    limit: limit(&round.sections, part).unwrap_or_default(),
                    version: current.map_or(0, |p| p.version),
                    body: current.map(|p| p.body.clone()).unwrap_or_default(),
                    saved_by: current.map(|p| p.saved_by_name.clone()),
                    saved_local: current.map(|p| local(p.saved_at)),
                    conflict: conflict.map(|c| EditConflict {
                        my_text: c.body,
                        my_base: c.base_version,
                        kept_local: local(c.saved_at),
                    }),
                }
            })
            .collect();
        view.submissions = submissions::list(db, &application.id).await?.into_iter().map(summary).collect();
        Ok(Some(view))
    }

    fn summary(s: submissions::Submission) -> SubmissionSummary {
        SubmissionSummary {
            number: s.number,
            reference: s.reference,
            submitted_local: local(s.submitted_at),
            submitted_by: s.submitted_by_name,
        }
    }

    /// How a save button asked to settle a conflict: `mine:<part>` or `theirs:<part>`.
    fn settlement(action: Option<&str>) -> Option<(&str, bool)> {
        let (choice, part) = action?.split_once(':')?;
        match choice {
            "mine" => Some((part, true)),
            "theirs" => Some((part, false)),
            _ => None,
        }
    }

    pub async fn save(
        application: String,
        text: HashMap<String, String>,
        version: HashMap<String, i64>,
        action: Option<String>,
    ) -> Result<SaveReply, AppError> {
        let owned = match owned(&application).await {
            Ok(owned) => owned,
            Err(err) => {
                // A plain post from a page of another kommun's application
                // (another person logged in since): the page that explains.
                if err == AppError::Forbidden {
                    finish(APPLICATION_PAGE, Ok(crate::auth::guard::FORBIDDEN_PAGE.to_owned()));
                }
                return Err(err);
            }
        };
        let now = owned.state.clock.now();
        let settle = settlement(action.as_deref());
        let incoming: Vec<(&str, i64, String)> = parts(&owned.round.sections)
            .into_iter()
            .filter_map(|part| {
                let raw = text.get(part)?;
                let body = if CONTACT_PARTS.contains(&part) { clean_line(raw) } else { clean_text(raw) };
                Some((part, version.get(part).copied().unwrap_or(0), body))
            })
            .collect();

        let mut tx = owned.state.db.begin_write().await?;
        let status = applications::lock(&mut tx, &owned.application.id, now).await?.ok_or(AppError::NotFound)?;
        let refused = owned.may(Action::EditApplication, status, now)?.err();
        let current = applications::parts(&mut tx, &owned.application.id).await?;
        let writer = owned.writer();
        let id = owned.application.id.as_str();
        let user = owned.viewer.user_id.as_str();
        let (mut saved, mut conflicts, mut too_long) = (Vec::new(), Vec::new(), Vec::new());
        for (part, base, body) in incoming {
            if let Some((count, max)) = too_long_for_draft(&owned.round.sections, part, &body) {
                too_long.push((part.to_owned(), count, max));
                continue;
            }
            let here: Option<&PartVersion> = current.iter().find(|p| p.part == part);
            let current_version = here.map_or(0, |p| p.version);
            // Read in the transaction whose writes it decides.
            let base_text = match base {
                _ if base == current_version => None,
                0 => Some(String::new()),
                _ => applications::version(&mut *tx, id, part, base).await?.map(|v| v.body),
            };
            let settle =
                settle.filter(|(p, _)| *p == part).map(|(_, mine)| if mine { Settle::Mine } else { Settle::Theirs });
            let facts = PartSave {
                body: &body,
                base,
                base_text: base_text.as_deref(),
                current: here.map(|p| (p.version, p.body.as_str())),
                settle,
                refused: refused.is_some(),
            };
            match merge(facts) {
                Merge::Settled { catch_up } => {
                    applications::drop_conflict(&mut tx, id, part, user).await?;
                    saved.extend(catch_up.map(|version| (part.to_owned(), version)));
                }
                Merge::Untouched => {}
                Merge::KeepCopy => applications::keep_conflict(&mut tx, id, part, user, base, &body, now).await?,
                Merge::Save { base } => {
                    match applications::save_part(&mut tx, id, part, base, &body, &writer, now).await? {
                        Some(new_version) => {
                            applications::drop_conflict(&mut tx, id, part, user).await?;
                            saved.push((part.to_owned(), new_version));
                        }
                        None => {
                            applications::keep_conflict(&mut tx, id, part, user, base, &body, now).await?;
                            conflicts.push(part.to_owned());
                        }
                    }
                }
            }
        }
        tx.commit().await?;

        let go_to = match (&refused, conflicts.first()) {
            (Some(_), _) => format!("{APPLICATION_PAGE}#status"),
            (None, Some(part)) => format!("{APPLICATION_PAGE}#del-{part}"),
            (None, None) => format!("{APPLICATION_PAGE}?klart=utkast-sparat#status"),
        };
        finish(APPLICATION_PAGE, Ok(go_to));
        Ok(SaveReply { saved, conflicts, refused, too_long, at_local: local(now) })
    }

    pub async fn history(part: String, version: Option<i64>) -> Result<Option<HistoryView>, AppError> {
        let viewer = auth::require(Access::Applicant)?;
        let (kommun_kod, _) = kommun_of(&viewer)?;
        let state = state::state()?;
        let db = &state.db;
        let Some(round) = rounds::current(db, EHALSOKOMMUN).await? else { return Ok(None) };
        if !parts(&round.sections).contains(&part.as_str()) {
            return Ok(None);
        }
        let Some(application) = applications::for_kommun(db, &round.id, &kommun_kod).await? else {
            return Ok(None);
        };
        let owned = owned(&application.id).await?;
        let versions: Vec<VersionSummary> = applications::history(db, &application.id, &part)
            .await?
            .into_iter()
            .map(|v| VersionSummary {
                version: v.version,
                chars: crate::domain::application::char_count(&v.body),
                saved_by: v.saved_by_name,
                saved_local: local(v.saved_at),
                body: v.body,
            })
            .collect();
        let shown = version.and_then(|n| versions.iter().find(|v| v.version == n).cloned());
        Ok(Some(HistoryView {
            application_id: application.id,
            title: round.sections.iter().find(|s| s.slug == part).map(|s| s.title.clone()).unwrap_or_default(),
            part,
            current_version: versions.first().map_or(0, |v| v.version),
            editable: owned.may(Action::EditApplication, owned.application.status, state.clock.now())?.is_ok(),
            // The list shows who and when; the text only of the version opened.
            versions: versions.into_iter().map(|v| VersionSummary { body: String::new(), ..v }).collect(),
            shown,
        }))
    }

    pub async fn restore(application: String, part: String, version: i64) -> FormReply {
        let problems = Problems::new("aterstall-version");
        let page = format!("{APPLICATION_PAGE}/historik/{part}?version={version}");
        run(&page.clone(), problems.clone(), async move {
            let owned = owned(&application).await?;
            let now = owned.state.clock.now();
            let db = &owned.state.db;
            let Some(old) = applications::version(db.pool(), &application, &part, version).await? else {
                return Ok(Err(refused(problems, ApplyProblem::UnknownVersion)));
            };
            let mut tx = db.begin_write().await?;
            let status = applications::lock(&mut tx, &application, now).await?.ok_or(AppError::NotFound)?;
            if let Err(refusal) = owned.may(Action::EditApplication, status, now)? {
                return Ok(Err(refused(problems, ApplyProblem::Refused(refusal))));
            }
            let current = applications::parts(&mut tx, &application).await?;
            let base = current.iter().find(|p| p.part == part).map_or(0, |p| p.version);
            // A conflict copy of the writer's stays: it is not a version and would be lost.
            applications::save_part(&mut tx, &application, &part, base, &old.body, &owned.writer(), now).await?;
            tx.commit().await?;
            Ok(Ok(format!("{APPLICATION_PAGE}?klart=aterstalld#del-{part}")))
        })
        .await
    }

    fn refused(mut problems: Problems, problem: ApplyProblem) -> Problems {
        problems.add("", problem);
        problems
    }

    pub async fn submit(application: String, request_key: String) -> FormReply {
        let problems = Problems::new("skicka-in");
        let page = format!("{APPLICATION_PAGE}/skicka-in");
        run(&page, problems.clone(), async move {
            let owned = owned(&application).await?;
            let now = owned.state.clock.now();
            let db = &owned.state.db;
            let mut tx = db.begin_write().await?;
            let status = applications::lock(&mut tx, &application, now).await?.ok_or(AppError::NotFound)?;
            if let Some(done) = submissions::by_request_key(&mut tx, &application, &request_key).await? {
                // The same request again (a double click, a retry): its receipt. A key from
                // before a reopening is an outdated page, not a new submission.
                let latest = submissions::next_number(&mut tx, &application).await? - 1;
                if status == Status::Submitted && done.number == latest {
                    tx.commit().await?;
                    return Ok(Ok(receipt_href(done.number)));
                }
                return Ok(Err(refused(problems, ApplyProblem::OutdatedForm)));
            }
            if let Err(refusal) = owned.may(Action::SubmitApplication, status, now)? {
                return Ok(Err(refused(problems, ApplyProblem::Refused(refusal))));
            }
            let current = applications::parts(&mut tx, &application).await?;
            let text_of = |part: &str| current.iter().find(|p| p.part == part).map_or("", |p| p.body.as_str());
            if !submit_problems(&owned.round.sections, text_of).is_empty() {
                return Ok(Err(refused(problems, ApplyProblem::NotReady)));
            }
            let copy: Vec<(String, String)> = parts(&owned.round.sections)
                .into_iter()
                .map(|part| (part.to_owned(), text_of(part).to_owned()))
                .collect();
            let number = submissions::next_number(&mut tx, &application).await?;
            let (kommun_kod, kommun) = kommun_of(&owned.viewer)?;
            let reference = reference(&owned.round.title, owned.round.year, &kommun_kod, number);
            submissions::insert(
                &mut tx,
                &submissions::NewSubmission {
                    application_id: &application,
                    number,
                    reference: &reference,
                    request_key: &request_key,
                    user_id: &owned.viewer.user_id,
                    user_name: &owned.viewer.name,
                    at: now,
                    parts: &copy,
                },
            )
            .await?;
            applications::set_status(&mut tx, &application, Status::Submitted).await?;
            let receipt_copy = mail_copy(&owned.round, &copy);
            let submitted_local = swedish::long_date_time(local(now));
            let receipt = messages::Receipt {
                round_title: &owned.round.title,
                kommun: &kommun,
                reference: &reference,
                submitted_local: &submitted_local,
                submitted_by: &owned.viewer.name,
                copy: &receipt_copy,
            };
            let base_url = owned.state.settings.base_url.clone();
            for person in users::applicants_of(&mut tx, &kommun_kod).await? {
                let mail = messages::receipt(&person.email, &person.name, &base_url, &receipt);
                mail_queue::enqueue(&mut tx, &mail, now).await?;
            }
            tx.commit().await?;
            tracing::info!(application = %application, %reference, "application submitted");
            Ok(Ok(receipt_href(number)))
        })
        .await
    }

    /// The submitted text as the receipt shows it: sections by title, then
    /// the summary, then the contact person on one block.
    pub fn mail_copy(round: &Round, copy: &[(String, String)]) -> Vec<(String, String)> {
        let text_of = |part: &str| copy.iter().find(|(p, _)| p == part).map_or("", |(_, b)| b.as_str());
        let mut out: Vec<(String, String)> =
            round.sections.iter().map(|s| (s.title.clone(), text_of(&s.slug).to_owned())).collect();
        out.push(("Sammanfattning".to_owned(), text_of(SUMMARY).to_owned()));
        let contact: Vec<&str> = CONTACT_PARTS.iter().map(|p| text_of(p)).filter(|t| !t.is_empty()).collect();
        out.push(("Kontaktperson".to_owned(), contact.join("\n")));
        out
    }

    pub async fn reopen(application: String) -> FormReply {
        let problems = Problems::new("oppna-igen");
        run(APPLICATION_PAGE, problems.clone(), async move {
            let owned = owned(&application).await?;
            let now = owned.state.clock.now();
            let mut tx = owned.state.db.begin_write().await?;
            let status = applications::lock(&mut tx, &application, now).await?.ok_or(AppError::NotFound)?;
            if let Err(refusal) = owned.may(Action::ReopenApplication, status, now)? {
                // Reopened already (a second click): nothing more to do.
                if refusal == Refusal::NotSubmitted && status == Status::Reopened {
                    return Ok(Ok(format!("{APPLICATION_PAGE}?klart=oppnad")));
                }
                return Ok(Err(refused(problems, ApplyProblem::Refused(refusal))));
            }
            applications::set_status(&mut tx, &application, Status::Reopened).await?;
            tx.commit().await?;
            Ok(Ok(format!("{APPLICATION_PAGE}?klart=oppnad")))
        })
        .await
    }

    pub async fn approve(user: String, approve: bool) -> FormReply {
        let problems = Problems::new(if approve { "godkann" } else { "ta-bort" });
        let viewer = auth::viewer();
        let back = match viewer.as_ref().map(|v| v.role) {
            Some(crate::domain::account::Role::Organiser) => "/arrangor/personer".to_owned(),
            _ => format!("{APPLICATION_PAGE}#kollegor"),
        };
        run(&back.clone(), problems, async move {
            let viewer = auth::require(Access::SignedIn)?;
            let state = state::state()?;
            let target = users::find(&state.db, &user).await?.ok_or(AppError::NotFound)?;
            let kommun = target.kommun_kod.as_deref().ok_or(AppError::NotFound)?;
            let allowed = match approve {
                true => policy::decide(&viewer, Action::ApproveApplicant, &Object::Kommun(kommun)),
                false => policy::decide(&viewer, Action::ManageRound, &Object::Organising),
            };
            if allowed.is_err() || target.id == viewer.user_id {
                return Err(AppError::Forbidden);
            }
            let now = state.clock.now();
            let mut tx = state.db.begin_write().await?;
            users::set_approved(&mut tx, &target.id, approve.then_some(now)).await?;
            let detail = if approve { "Godkände" } else { "Tog bort" };
            let detail = format!("{detail} {} ({}) som sökande för sin kommun", target.name, target.email);
            let actor = audit::Actor { user_id: Some(&viewer.user_id), name: &viewer.name };
            audit::record(&mut tx, actor, None, "behorighet", &detail, now).await?;
            // Told once per approval, not per click: approving one already approved sends nothing;
            // an address never confirmed may not be theirs, and is not written to.
            if approve && !target.approved && target.email_confirmed {
                let kommun_kod = Kommunkod::parse(kommun).map_err(|_| AppError::Internal)?;
                let name = kommuner::find(&state.db, &kommun_kod).await?.map(|k| k.namn).unwrap_or_default();
                let mail = messages::applicant_approved(&target.email, &target.name, &state.settings.base_url, &name);
                mail_queue::enqueue(&mut tx, &mail, now).await?;
            }
            tx.commit().await?;
            tracing::info!(user = %target.id, by = %viewer.user_id, approve, "kommun membership changed");
            let done = if approve { "godkand" } else { "borttagen" };
            Ok(Ok(crate::api::form::done_href(&back, done)))
        })
        .await
    }

    pub async fn submission(number: i64) -> Result<Option<SubmissionView>, AppError> {
        let viewer = auth::require(Access::Applicant)?;
        let (kommun_kod, kommun) = kommun_of(&viewer)?;
        if !may_act_for_kommun(&viewer, &kommun_kod) {
            return Err(AppError::Forbidden);
        }
        let state = state::state()?;
        let db = &state.db;
        let Some(round) = rounds::current(db, EHALSOKOMMUN).await? else { return Ok(None) };
        let Some(application) = applications::for_kommun(db, &round.id, &kommun_kod).await? else {
            return Ok(None);
        };
        let Some((found, copy)) = submissions::find(db, &application.id, number).await? else { return Ok(None) };
        let latest = submissions::next_number(&mut *db.pool().acquire().await?, &application.id).await? - 1;
        let parts = parts(&round.sections)
            .into_iter()
            .map(|part| {
                let title = round.sections.iter().find(|s| s.slug == part).map(|s| s.title.clone()).unwrap_or_default();
                let body = copy.iter().find(|(p, _)| p == part).map(|(_, b)| b.clone()).unwrap_or_default();
                (title, part.to_owned(), body)
            })
            .collect();
        Ok(Some(SubmissionView {
            is_latest: found.number == latest,
            summary: summary(found),
            round_title: round.title,
            kommun,
            parts,
        }))
    }
}
