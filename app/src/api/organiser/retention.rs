//! Gallring for the organisers (the periods, the dry run, the runs) and the
//! privacy notice anyone reads.

use crate::api::form::FormReply;
use crate::{
    domain::retention::{Item, Lifetimes, Periods},
    error::AppError,
};
use chrono::NaiveDateTime;
use leptos::{prelude::*, server_fn::codec::GetUrl};
use serde::{Deserialize, Serialize};

pub const RETENTION_PAGE: &str = "/arrangor/gallring";
pub const PRIVACY_PAGE: &str = "/integritet";

/// An announced round's retention dates, in Swedish time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScheduledRound {
    pub title: String,
    pub announced: NaiveDateTime,
    pub applications: NaiveDateTime,
    pub applications_passed: bool,
    pub personal: NaiveDateTime,
    pub personal_passed: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RunRecord {
    pub at: NaiveDateTime,
    pub items: u64,
    pub summary: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RetentionView {
    pub periods: Periods,
    /// False while the defaults apply.
    pub set_by_organisers: bool,
    /// The dry run: what a run now would remove.
    pub due_now: Vec<Item>,
    pub schedule: Vec<ScheduledRound>,
    pub runs: Vec<RunRecord>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PrivacyFacts {
    /// The organisation responsible and its address, from the accessibility statement.
    pub controller: Option<(String, String)>,
    pub periods: Periods,
    pub lifetimes: Lifetimes,
}

#[server(endpoint = "retention_overview", input = GetUrl)]
pub async fn retention_overview() -> Result<RetentionView, AppError> {
    ssr::overview().await
}

#[server(endpoint = "save_retention")]
pub async fn save_retention(applications_months: String, personal_months: String) -> Result<FormReply, AppError> {
    Ok(ssr::save(applications_months, personal_months).await)
}

#[server(endpoint = "privacy_notice", input = GetUrl)]
pub async fn privacy_notice() -> Result<PrivacyFacts, AppError> {
    ssr::notice().await
}

#[cfg(feature = "ssr")]
mod ssr {
    use super::*;
    use crate::{
        api::{
            cx::{Anyone, Cx},
            form::{Done, FormId, Problem, Problems, done_href, run},
        },
        domain::{deadline::to_stockholm, policy::OwnAction, retention::checked_periods},
        retention,
        storage::{
            accessibility,
            audit::{self, Actor},
            retention as stored,
        },
    };

    pub async fn overview() -> Result<RetentionView, AppError> {
        let cx = Cx::manager()?;
        let now = cx.now;
        let set = stored::periods(&mut *cx.db().conn().await?).await?;
        let periods = set.unwrap_or_default();
        let schedule = stored::schedule(&mut *cx.db().conn().await?, periods)
            .await?
            .into_iter()
            .map(|r| ScheduledRound {
                title: r.title,
                announced: to_stockholm(r.dates.announced),
                applications: to_stockholm(r.dates.applications),
                applications_passed: r.dates.applications_due(now),
                personal: to_stockholm(r.dates.personal),
                personal_passed: r.dates.personal_due(now),
            })
            .collect();
        let runs = stored::runs(&mut *cx.db().conn().await?)
            .await?
            .into_iter()
            .map(|r| RunRecord { at: to_stockholm(r.ran_at), items: r.items, summary: r.summary })
            .collect();
        Ok(RetentionView {
            periods,
            set_by_organisers: set.is_some(),
            due_now: retention::dry_run(cx.db(), now).await?,
            schedule,
            runs,
        })
    }

    pub async fn save(applications_months: String, personal_months: String) -> FormReply {
        let problems = Problems::new(FormId::Retention)
            .keep("applications_months", &applications_months)
            .keep("personal_months", &personal_months);
        run(RETENTION_PAGE, problems.clone(), async move {
            let cx = Cx::manager()?;
            let viewer = &cx.viewer;
            let periods = match checked_periods(&applications_months, &personal_months) {
                Ok(periods) => periods,
                Err(found) => {
                    let mut problems = problems;
                    for (field, problem) in found {
                        problems.add(field, Problem::Retention(problem));
                    }
                    return Ok(Err(problems));
                }
            };
            let now = cx.now;
            let mut tx = cx.db().begin_write().await?;
            stored::save_periods(&mut tx, periods, &viewer.name, now).await?;
            let detail = format!(
                "Gallringstider: ansökningar utan utmärkelse {} månader, personuppgifter {} månader efter offentliggörandet",
                periods.applications_months, periods.personal_months
            );
            let actor = Actor { user_id: Some(&viewer.user_id), name: &viewer.name };
            audit::record(&mut tx, actor, None, "gallringstider", &detail, now).await?;
            tx.commit().await?;
            Ok(Ok(done_href(RETENTION_PAGE, Done::RetentionSaved)))
        })
        .await
    }

    pub async fn notice() -> Result<PrivacyFacts, AppError> {
        let cx = Anyone::anyone(OwnAction::ReadPublic)?;
        let db = cx.db();
        let controller =
            accessibility::statement(&mut *db.conn().await?).await?.map(|s| (s.organisation, s.contact_email));
        Ok(PrivacyFacts { controller, periods: retention::periods(db).await?, lifetimes: retention::lifetimes() })
    }
}
