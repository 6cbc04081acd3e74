//! Server functions for the jury's motivations: written together by the jury
//! and the organisers while the round is in review, a version per save, and
//! signed off by each juror who may read the application.

use crate::api::form::FormReply;
use crate::{
    domain::{
        decision::Outcome,
        lifecycle::RoundState,
        motivation::{DecisionReading, SignOff},
    },
    error::AppError,
};
use chrono::NaiveDateTime;
use leptos::{prelude::*, server_fn::codec::GetUrl};
use serde::{Deserialize, Serialize};

pub const MOTIVATIONS_PAGE: &str = "/jury/motiveringar";

pub fn motivation_href(application_id: &str) -> String {
    format!("{MOTIVATIONS_PAGE}/{application_id}")
}

/// One chosen application's motivation, as the list shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MotivationRow {
    pub application_id: String,
    pub kommun: String,
    pub outcome: Outcome,
    /// The newest version (0: nothing written yet).
    pub version: i64,
    pub signed: usize,
    /// The jurors asked to sign: the jury, less those who stand aside.
    pub asked: usize,
    /// The viewer's own sign-off; `None` for an organiser.
    pub mine: Option<SignOff>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MotivationsView {
    pub round_title: String,
    pub state: RoundState,
    pub rows: Vec<MotivationRow>,
    /// What the viewer reads of the decision: with jäv in the round, or with own
    /// reviews left, the rows are empty.
    pub reading: DecisionReading,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VersionLine {
    pub version: i64,
    pub text: String,
    pub written_by: String,
    pub written_local: NaiveDateTime,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignOffLine {
    pub juror: String,
    pub standing: SignOff,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MotivationView {
    pub round_title: String,
    pub state: RoundState,
    pub row: MotivationRow,
    pub text: String,
    /// Newest first.
    pub history: Vec<VersionLine>,
    pub sign_offs: Vec<SignOffLine>,
}

#[server(endpoint = "motivations", input = GetUrl)]
pub async fn motivations() -> Result<Option<MotivationsView>, AppError> {
    ssr::list().await
}

#[server(endpoint = "motivation", input = GetUrl)]
pub async fn motivation(application: String) -> Result<MotivationView, AppError> {
    ssr::one(application).await
}

/// A new version of the motivation, written on `version` (the newest the page showed).
#[server(endpoint = "save_motivation")]
pub async fn save_motivation(
    application: String,
    #[server(default)] version: String,
    #[server(default)] text: String,
) -> Result<FormReply, AppError> {
    Ok(ssr::save(application, version, text).await)
}

/// The juror signs off `version`, the one they read.
#[server(endpoint = "sign_motivation")]
pub async fn sign_motivation(application: String, #[server(default)] version: String) -> Result<FormReply, AppError> {
    Ok(ssr::sign(application, version).await)
}

#[cfg(feature = "ssr")]
pub mod ssr {
    use super::*;
    use crate::{
        api::{
            cx::Cx,
            form::{Done, FormId, Problems, done_href, run},
            jury::ssr::{Entry, RoundWork, jurys_round, round_work},
        },
        domain::{
            access::{Access, Viewer},
            account::Role,
            application::clean_text,
            deadline::to_stockholm,
            decision::{Choice, DecisionProblem, decision_problems},
            motivation::{MotivationProblem, check_save, check_sign, cleared_by_save, sign_off, unsigned},
            policy::{self, Action, Decision, Object, Refused},
            round::Round,
        },
        storage::{
            audit::{self, Actor},
            decisions::{self, Recorded},
            jury,
            motivations::{self, SignedOff, Version},
        },
    };

    /// The round's decision with its motivations, as everyone working on it reads them.
    struct Work {
        work: RoundWork,
        recorded: Vec<Recorded>,
        versions: Vec<Version>,
        signed: Vec<SignedOff>,
        /// Jurors whose access is taken away: not asked to sign.
        blocked: Vec<String>,
    }

    impl Work {
        async fn load(cx: &Cx, round: Round) -> Result<Work, AppError> {
            Work::around(cx, round_work(cx, round).await?).await
        }

        /// The decision and its motivations around the round's work, already read.
        async fn around(cx: &Cx, work: RoundWork) -> Result<Work, AppError> {
            let round_id = work.round.id.as_str();
            // One connection for the four reads, given back before the caller writes.
            let mut conn = cx.db().conn().await?;
            Ok(Work {
                recorded: decisions::of_round(&mut conn, round_id).await?,
                versions: motivations::versions_of_round(&mut conn, round_id).await?,
                signed: motivations::sign_offs_of_round(&mut conn, round_id).await?,
                blocked: jury::blocked_jurors_of(&mut conn, round_id).await?,
                work,
            })
        }

        fn entry(&self, application_id: &str) -> Option<&Entry> {
            self.work.entries.iter().find(|e| e.application_id == application_id)
        }

        fn newest(&self, application_id: &str) -> i64 {
            self.versions.iter().filter(|v| v.application_id == application_id).map(|v| v.version).max().unwrap_or(0)
        }

        fn signed_version(&self, application_id: &str, user_id: &str) -> Option<i64> {
            self.signed.iter().find(|s| s.application_id == application_id && s.user_id == user_id).map(|s| s.version)
        }

        /// The jurors who may sign: the jury, less those whose access is taken away.
        fn signers(&self) -> impl Iterator<Item = &(String, String)> {
            self.work.jurors.iter().filter(|(id, _)| !self.blocked.contains(id))
        }

        /// Jäv (or an unanswered probable jäv) for some kommun in the round: not asked to sign.
        fn stands_aside(&self, user_id: &str) -> bool {
            self.work.entries.iter().any(|e| self.work.stands_aside(user_id, &e.kommun_kod))
        }

        /// The round's decision as the policy reads it for `viewer`.
        fn decision(&self, viewer: &Viewer) -> Decision<'_> {
            let (done, expected) = self.work.juror_count(&viewer.user_id);
            Decision {
                round: &self.work.round.id,
                open: self.work.round.state.decision_open(),
                stands_aside_for_any_kommun: viewer.role == Role::Juror && self.stands_aside(&viewer.user_id),
                own_reviews_left: expected - done,
                phase: self.work.phase,
            }
        }

        /// Every juror's sign-off of the application's newest version.
        fn sign_offs(&self, entry: &Entry) -> Vec<(&str, &str, SignOff)> {
            let current = self.newest(&entry.application_id);
            self.signers()
                .map(|(id, name)| {
                    let aside = self.stands_aside(id);
                    (
                        id.as_str(),
                        name.as_str(),
                        sign_off(current, self.signed_version(&entry.application_id, id), aside),
                    )
                })
                .collect()
        }

        fn row(&self, viewer: &Viewer, recorded: &Recorded, entry: &Entry) -> MotivationRow {
            let sign_offs = self.sign_offs(entry);
            MotivationRow {
                application_id: entry.application_id.clone(),
                kommun: entry.kommun.clone(),
                outcome: recorded.choice.outcome,
                version: self.newest(&entry.application_id),
                signed: sign_offs.iter().filter(|(_, _, s)| *s == SignOff::Signed).count(),
                asked: sign_offs.iter().filter(|(_, _, s)| *s != SignOff::StandsAside).count(),
                mine: (viewer.role == Role::Juror)
                    .then(|| sign_offs.iter().find(|(id, _, _)| *id == viewer.user_id).map(|(_, _, s)| *s))
                    .flatten(),
            }
        }

        /// What keeps the decision from being taken: the choices themselves,
        /// then every motivation not signed off by all who are asked.
        fn problems(&self) -> Vec<DecisionProblem> {
            let choices: Vec<Choice> = self.recorded.iter().map(|r| r.choice.clone()).collect();
            let mut problems = decision_problems(&choices);
            for choice in choices.iter().filter(|c| !c.motivation.trim().is_empty()) {
                let Some(entry) = self.entry(&choice.application_id) else { continue };
                let jurors: Vec<&str> = self.signers().map(|(id, _)| id.as_str()).collect();
                let signed: Vec<(&str, i64)> = self
                    .signed
                    .iter()
                    .filter(|s| s.application_id == entry.application_id)
                    .map(|s| (s.user_id.as_str(), s.version))
                    .collect();
                let missing =
                    unsigned(self.newest(&entry.application_id), &jurors, &signed, |juror| self.stands_aside(juror));
                if !missing.is_empty() {
                    let names = self.work.jurors.iter().filter(|(id, _)| missing.contains(&id.as_str()));
                    problems.push(DecisionProblem::NotSignedOff {
                        kommun: entry.kommun.clone(),
                        jurors: names.map(|(_, name)| name.clone()).collect(),
                    });
                }
            }
            problems
        }
    }

    /// What keeps the round's decision from being taken, sign-offs included.
    pub async fn decision_problems_of(cx: &Cx, round: &Round) -> Result<Vec<DecisionProblem>, AppError> {
        Ok(Work::load(cx, round.clone()).await?.problems())
    }

    /// The same for a round's work already read, handed back with the problems.
    pub async fn decision_problems_in(cx: &Cx, work: RoundWork) -> Result<(Vec<DecisionProblem>, RoundWork), AppError> {
        let work = Work::around(cx, work).await?;
        Ok((work.problems(), work.work))
    }

    /// What the viewer reads of the decision's motivations (`policy::reading`).
    fn reading(work: &Work, viewer: &Viewer) -> DecisionReading {
        policy::reading(viewer, &work.decision(viewer))
    }

    /// The current round's work, if the viewer sits on its jury (or organises).
    async fn current(cx: &Cx) -> Result<Option<Work>, AppError> {
        match jurys_round(cx).await {
            Ok(Some(round)) => Ok(Some(Work::load(cx, round).await?)),
            Ok(None) | Err(AppError::Forbidden) => Ok(None),
            Err(err) => Err(err),
        }
    }

    pub async fn list() -> Result<Option<MotivationsView>, AppError> {
        let cx = Cx::new(Access::Jury, Action::ReadDecision)?;
        let viewer = &cx.viewer;
        let Some(work) = current(&cx).await? else { return Ok(None) };
        let chosen: Vec<(&Recorded, &Entry)> =
            work.recorded.iter().filter_map(|r| Some((r, work.entry(&r.choice.application_id)?))).collect();
        let reading = reading(&work, viewer);
        // Nothing at all unless the viewer reads the decision: with jäv, any row shown
        // would tell, by the others, what the missing one is.
        let rows: Vec<MotivationRow> = if reading == DecisionReading::Reads {
            chosen.iter().map(|(recorded, entry)| work.row(viewer, recorded, entry)).collect()
        } else {
            Vec::new()
        };
        Ok(Some(MotivationsView {
            round_title: work.work.round.title.clone(),
            state: work.work.round.state,
            reading,
            rows,
        }))
    }

    /// The chosen application's motivation, if the viewer may read it.
    async fn chosen(cx: &Cx, application: &str) -> Result<(Work, Entry), AppError> {
        let viewer = &cx.viewer;
        let work = current(cx).await?.ok_or(AppError::NotFound)?;
        let entry = work.entry(application).cloned().ok_or(AppError::NotFound)?;
        if let Err(refused) = policy::decide(viewer, Action::ReadDecision, &Object::Decision(work.decision(viewer))) {
            tracing::warn!(user = %viewer.user_id, application = ?application, ?refused, "refused: does not read the decision");
            return Err(AppError::Forbidden);
        }
        if !work.recorded.iter().any(|r| r.choice.application_id == application) {
            return Err(AppError::NotFound);
        }
        Ok((work, entry))
    }

    pub async fn one(application: String) -> Result<MotivationView, AppError> {
        let cx = Cx::new(Access::Jury, Action::ReadDecision)?;
        let viewer = &cx.viewer;
        let (work, entry) = chosen(&cx, &application).await?;
        let recorded =
            work.recorded.iter().find(|r| r.choice.application_id == application).ok_or(AppError::NotFound)?;
        let mut history: Vec<VersionLine> = work
            .versions
            .iter()
            .filter(|v| v.application_id == application)
            .map(|v| VersionLine {
                version: v.version,
                text: v.text.clone(),
                written_by: v.written_by_name.clone(),
                written_local: to_stockholm(v.written_at),
            })
            .collect();
        history.reverse();
        Ok(MotivationView {
            round_title: work.work.round.title.clone(),
            state: work.work.round.state,
            row: work.row(viewer, recorded, &entry),
            // From the same read as the version number, so a juror signs the text shown.
            text: history.first().map(|v| v.text.clone()).unwrap_or_default(),
            history,
            sign_offs: work
                .sign_offs(&entry)
                .into_iter()
                .map(|(_, juror, standing)| SignOffLine { juror: juror.to_owned(), standing })
                .collect(),
        })
    }

    /// A number the page sent; anything else is no version, so it is stale.
    fn version_number(version: &str) -> i64 {
        version.trim().parse().unwrap_or(-1)
    }

    /// A motivation's turn to change: the round in review, and a transaction that
    /// holds the motivation, with its newest version and text as they are now.
    struct Turn {
        work: Work,
        entry: Entry,
        tx: sqlx::Transaction<'static, sqlx::Any>,
        current: i64,
        text: String,
    }

    /// `None`: the decision is no longer open to change (`policy`, and in the transaction `motivations::lock`).
    async fn take_turn(cx: &Cx, application: &str, action: Action) -> Result<Option<Turn>, AppError> {
        let viewer = &cx.viewer;
        let (work, entry) = chosen(cx, application).await?;
        match policy::decide(viewer, action, &Object::Decision(work.decision(viewer))) {
            Ok(()) => {}
            Err(Refused::DecisionClosed) => return Ok(None),
            Err(_) => return Err(AppError::Forbidden),
        }
        let round_id = work.work.round.id.clone();
        let mut tx = cx.db().begin_write().await?;
        match motivations::lock(&mut tx, &round_id, application).await? {
            motivations::Turn::Taken => {}
            motivations::Turn::Locked => return Ok(None),
            motivations::Turn::NotChosen => return Err(AppError::NotFound),
        }
        let (current, text) = motivations::current_version(&mut tx, &round_id, application).await?;
        Ok(Some(Turn { work, entry, tx, current, text }))
    }

    pub async fn save(application: String, version: String, text: String) -> FormReply {
        let page = motivation_href(&application);
        let mut problems = Problems::new(FormId::Motivation).keep("text", &text);
        run(&page.clone(), problems.clone(), async move {
            let cx = Cx::new(Access::Jury, Action::WriteMotivation)?;
            let viewer = &cx.viewer;
            let Some(Turn { work, entry, mut tx, current, text: current_text }) =
                take_turn(&cx, &application, Action::WriteMotivation).await?
            else {
                problems.add("", MotivationProblem::Locked);
                return Ok(Err(problems));
            };
            let round = &work.work.round;
            let text = clean_text(&text);
            let now = cx.now;
            if let Err(problem) = check_save(version_number(&version), current, &text) {
                problems.add("text", problem);
                return Ok(Err(problems));
            }
            if text == current_text {
                return Ok(Ok(done_href(&page, Done::MotivationUnchanged)));
            }
            let signed = motivations::sign_offs_in(&mut tx, &round.id).await?;
            let signed: Vec<(&str, i64)> = signed
                .iter()
                .filter(|s| s.application_id == application)
                .map(|s| (s.user_id.as_str(), s.version))
                .collect();
            let cleared = cleared_by_save(current, &signed);
            let by = (viewer.user_id.as_str(), viewer.name.as_str());
            motivations::add_version(&mut tx, &round.id, &application, current + 1, &text, by, now).await?;
            let mut detail = format!("Motiveringen för {} sparad som version {}", entry.kommun, current + 1);
            if !cleared.is_empty() {
                let names: Vec<&str> = work
                    .work
                    .jurors
                    .iter()
                    .filter(|(id, _)| cleared.contains(&id.as_str()))
                    .map(|(_, name)| name.as_str())
                    .collect();
                detail = format!("{detail}; godkännanden som inte längre gäller: {}", names.join(", "));
            }
            let actor = Actor { user_id: Some(&viewer.user_id), name: &viewer.name };
            audit::record(&mut tx, actor, Some(&round.id), "motivering-sparad", &detail, now).await?;
            tx.commit().await?;
            let done = if cleared.is_empty() { Done::MotivationSaved } else { Done::MotivationSavedSignOffsCleared };
            Ok(Ok(done_href(&page, done)))
        })
        .await
    }

    pub async fn sign(application: String, version: String) -> FormReply {
        let page = motivation_href(&application);
        let mut problems = Problems::new(FormId::SignMotivation);
        run(&page.clone(), problems.clone(), async move {
            let cx = Cx::new(Access::Juror, Action::SignMotivation)?;
            let viewer = &cx.viewer;
            let Some(Turn { work, entry, mut tx, current, text }) =
                take_turn(&cx, &application, Action::SignMotivation).await?
            else {
                problems.add("", MotivationProblem::Locked);
                return Ok(Err(problems));
            };
            let round = &work.work.round;
            let now = cx.now;
            let version = version_number(&version);
            if let Err(problem) = check_sign(version, current, &text) {
                problems.add("", problem);
                return Ok(Err(problems));
            }
            motivations::sign(&mut tx, &round.id, &application, &viewer.user_id, version, now).await?;
            let detail = format!("Godkände motiveringen för {} (version {version})", entry.kommun);
            let actor = Actor { user_id: Some(&viewer.user_id), name: &viewer.name };
            audit::record(&mut tx, actor, Some(&round.id), "motivering-godkand", &detail, now).await?;
            tx.commit().await?;
            Ok(Ok(done_href(&page, Done::MotivationSigned)))
        })
        .await
    }
}
