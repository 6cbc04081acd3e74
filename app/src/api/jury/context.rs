//! The kommun behind an application, for the jury's reading view: its län and
//! population, its submitted applications in earlier rounds of the award, and
//! what changed since the latest of them. The same rule as the application's
//! own text (`jury::ssr::reviewable`: the round's jury in its review, and the
//! organisers), and a juror with jäv for the kommun, declared or flagged and
//! not yet answered, sees nothing of it, earlier rounds included.

use super::SubmittedText;
use crate::{domain::changes::SectionChanges, error::AppError};
use chrono::NaiveDateTime;
use leptos::{prelude::*, server_fn::codec::GetUrl};
use serde::{Deserialize, Serialize};

pub fn earlier_href(application: &str, earlier: &str) -> String {
    format!("{}/tidigare/{earlier}", super::review_href(application))
}

pub fn changes_href(application: &str) -> String {
    format!("{}/forandringar", super::review_href(application))
}

/// The kommun's population as imported, with the year it refers to and its source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PopulationFigure {
    pub population: i64,
    pub year: i64,
    pub source: String,
}

/// A submitted application of the same kommun in an earlier round.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EarlierLink {
    pub application_id: String,
    pub year: i64,
    pub round_title: String,
    pub reference: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KommunFacts {
    pub kommun: String,
    pub lan: String,
    pub population: Option<PopulationFigure>,
    /// Newest round first.
    pub earlier: Vec<EarlierLink>,
}

/// An earlier application, read from this year's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EarlierView {
    /// This year's application, to go back to.
    pub application_id: String,
    pub year: i64,
    /// The year of the round under review.
    pub year_now: i64,
    /// Whether this is the one the change view compares with.
    pub latest: bool,
    pub text: SubmittedText,
}

/// This year's text against the latest earlier one, section by section.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChangesView {
    pub application_id: String,
    pub kommun: String,
    pub year: i64,
    pub earlier: EarlierLink,
    pub submitted_local: NaiveDateTime,
    pub sections: Vec<SectionChanges>,
}

#[server(endpoint = "kommun_context", input = GetUrl)]
pub async fn kommun_context(application: String) -> Result<Option<KommunFacts>, AppError> {
    ssr::context(application).await
}

#[server(endpoint = "earlier_application", input = GetUrl)]
pub async fn earlier_application(application: String, earlier: String) -> Result<Option<EarlierView>, AppError> {
    ssr::earlier(application, earlier).await
}

#[server(endpoint = "changes_since", input = GetUrl)]
pub async fn changes_since(application: String) -> Result<Option<ChangesView>, AppError> {
    ssr::changes(application).await
}

#[cfg(feature = "ssr")]
mod ssr {
    use super::*;
    use crate::{
        api::{
            application::ssr::mail_copy,
            cx::Cx,
            jury::ssr::{Entry, RoundWork, reviewable},
        },
        domain::{
            access::Access,
            application::SUMMARY,
            deadline::to_stockholm,
            policy::{Action, Aside},
        },
        storage::{population, rounds, submissions},
    };

    /// The application the viewer reads (`None`: none the jury may read), and
    /// whether the viewer has jäv for its kommun, declared or flagged and unanswered.
    async fn readable(cx: &Cx, id: &str) -> Result<Option<(RoundWork, Entry, bool)>, AppError> {
        let viewer = &cx.viewer;
        let (work, entry) = match reviewable(cx, id).await {
            Err(AppError::NotFound) => return Ok(None),
            other => other?,
        };
        let jav = work.facts(viewer, &entry).aside != Aside::No;
        Ok(Some((work, entry, jav)))
    }

    /// The kommun's history, refused to a viewer with jäv.
    async fn history(cx: &Cx, id: &str) -> Result<Option<(RoundWork, Entry)>, AppError> {
        match readable(cx, id).await? {
            Some((_, _, true)) => {
                tracing::warn!(application = ?id, "refused: jäv for the kommun");
                Err(AppError::Forbidden)
            }
            other => Ok(other.map(|(work, entry, _)| (work, entry))),
        }
    }

    async fn earlier_of(cx: &Cx, work: &RoundWork, entry: &Entry) -> Result<Vec<submissions::Earlier>, AppError> {
        let round = &work.round;
        Ok(submissions::earlier_of_kommun(
            &mut *cx.db().conn().await?,
            &round.award_id,
            &entry.kommun_kod,
            i64::from(round.year),
        )
        .await?)
    }

    fn link(earlier: &submissions::Earlier) -> EarlierLink {
        EarlierLink {
            application_id: earlier.application_id.clone(),
            year: earlier.year,
            round_title: earlier.round_title.clone(),
            reference: earlier.submission.reference.clone(),
        }
    }

    /// The submitted copy's parts, by part name.
    async fn copy_of(cx: &Cx, earlier: &submissions::Earlier) -> Result<Vec<(String, String)>, AppError> {
        let (_, copy) =
            submissions::find(&mut *cx.db().conn().await?, &earlier.application_id, earlier.submission.number)
                .await?
                .ok_or(AppError::NotFound)?;
        Ok(copy)
    }

    pub async fn context(id: String) -> Result<Option<KommunFacts>, AppError> {
        let cx = Cx::new(Access::Jury, Action::ReadEntry)?;
        // With jäv the reading view says so itself; the kommun's context is simply not there.
        let Some((work, entry, false)) = readable(&cx, &id).await? else { return Ok(None) };
        let population = population::of(&mut *cx.db().conn().await?, &entry.kommun_kod)
            .await?
            .map(|f| PopulationFigure { population: f.population, year: f.year, source: f.source });
        let earlier = earlier_of(&cx, &work, &entry).await?.iter().map(link).collect();
        Ok(Some(KommunFacts { kommun: entry.kommun, lan: entry.lan, population, earlier }))
    }

    pub async fn earlier(id: String, earlier_id: String) -> Result<Option<EarlierView>, AppError> {
        let cx = Cx::new(Access::Jury, Action::ReadEntry)?;
        let Some((work, entry)) = history(&cx, &id).await? else { return Ok(None) };
        let all = earlier_of(&cx, &work, &entry).await?;
        // Only the same kommun's earlier, submitted applications are reached this way.
        let Some(position) = all.iter().position(|e| e.application_id == earlier_id) else { return Ok(None) };
        let earlier = &all[position];
        let round = rounds::find(&mut *cx.db().conn().await?, &earlier.round_id).await?.ok_or(AppError::NotFound)?;
        let copy = copy_of(&cx, earlier).await?;
        let text = SubmittedText {
            round_title: earlier.round_title.clone(),
            kommun: entry.kommun.clone(),
            lan: entry.lan.clone(),
            reference: earlier.submission.reference.clone(),
            submitted_local: to_stockholm(earlier.submission.submitted_at),
            parts: mail_copy(&round, &copy),
        };
        let year_now = i64::from(work.round.year);
        Ok(Some(EarlierView { application_id: id, year: earlier.year, year_now, latest: position == 0, text }))
    }

    pub async fn changes(id: String) -> Result<Option<ChangesView>, AppError> {
        let cx = Cx::new(Access::Jury, Action::ReadEntry)?;
        let Some((work, entry)) = history(&cx, &id).await? else { return Ok(None) };
        let all = earlier_of(&cx, &work, &entry).await?;
        let Some(earlier) = all.first() else { return Ok(None) };
        let earlier_round =
            rounds::find(&mut *cx.db().conn().await?, &earlier.round_id).await?.ok_or(AppError::NotFound)?;
        let before = copy_of(&cx, earlier).await?;
        let (_, after) = submissions::find(&mut *cx.db().conn().await?, &entry.application_id, entry.submission.number)
            .await?
            .ok_or(AppError::NotFound)?;
        let text_of = |copy: &[(String, String)], part: &str| {
            copy.iter().find(|(p, _)| p == part).map(|(_, t)| t.clone()).unwrap_or_default()
        };
        let this_year = work.round.sections.iter().map(|s| (s.slug.as_str(), s.title.as_str()));
        // A section of last year's call that this year's no longer has still shows what was written.
        let dropped = earlier_round
            .sections
            .iter()
            .filter(|s| !work.round.sections.iter().any(|c| c.slug == s.slug))
            .map(|s| (s.slug.as_str(), s.title.as_str()));
        let sections = this_year
            .chain(std::iter::once((SUMMARY, "Sammanfattning")))
            .chain(dropped)
            .map(|(slug, title)| {
                SectionChanges::between(title.to_owned(), &text_of(&before, slug), &text_of(&after, slug))
            })
            .collect();
        Ok(Some(ChangesView {
            application_id: id,
            kommun: entry.kommun,
            year: i64::from(work.round.year),
            earlier: link(earlier),
            submitted_local: to_stockholm(entry.submission.submitted_at),
            sections,
        }))
    }
}
