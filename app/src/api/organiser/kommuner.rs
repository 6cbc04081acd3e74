//! The organisers' table of kommuner with their län and population, and the
//! population import from a CSV file (a file upload: `multipart/form-data`,
//! posted by the browser itself, with or without JavaScript).

use crate::api::form::FormReply;
use crate::error::AppError;
use chrono::NaiveDateTime;
use leptos::{
    prelude::*,
    server_fn::codec::{GetUrl, MultipartData, MultipartFormData},
};
use serde::{Deserialize, Serialize};

pub const KOMMUNER_PAGE: &str = "/arrangor/kommuner";
/// The import form's file field's name.
pub const FILE_FIELD: &str = "fil";

/// One kommun in the organisers' table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KommunRow {
    pub kod: String,
    pub namn: String,
    pub lan: String,
    pub population: Option<i64>,
    pub year: Option<i64>,
    pub source: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PopulationTable {
    pub rows: Vec<KommunRow>,
    /// The latest import: when (Swedish time), by whom, how many kommuner.
    pub latest: Option<(NaiveDateTime, String, i64)>,
}

#[server(endpoint = "kommun_table", input = GetUrl)]
pub async fn kommun_table() -> Result<PopulationTable, AppError> {
    ssr::table().await
}

/// The import form's fields: `csrf`, `year`, `source` and the file `fil`.
/// Takes a `multipart/form-data` body only (`server::router::uploads_are_multipart`).
#[server(endpoint = "import_population", input = MultipartFormData)]
pub async fn import_population(data: MultipartData) -> Result<FormReply, AppError> {
    Ok(ssr::import(data).await)
}

#[cfg(feature = "ssr")]
pub mod ssr {
    use super::*;
    use crate::{
        api::cx::Cx,
        api::form::{Done, FormId, Problem, Problems, done_href, run},
        domain::{
            deadline::to_stockholm,
            population::{ImportProblem, checked_source, checked_year, read},
        },
        storage::{
            audit::{self, Actor},
            kommuner,
            population::{self, Import},
        },
    };

    pub async fn table() -> Result<PopulationTable, AppError> {
        let cx = Cx::manager()?;
        let db = cx.db();
        let rows = population::table(&mut *db.conn().await?)
            .await?
            .into_iter()
            .map(|(k, figure)| KommunRow {
                kod: k.kod.to_string(),
                namn: k.namn,
                lan: k.lan,
                population: figure.as_ref().map(|f| f.population),
                year: figure.as_ref().map(|f| f.year),
                source: figure.map(|f| f.source),
            })
            .collect();
        let latest = population::latest_import(&mut *db.conn().await?)
            .await?
            .map(|l| (to_stockholm(l.at), l.by_name, l.kommuner));
        Ok(PopulationTable { rows, latest })
    }

    /// The form as posted: the typed fields, and the file's bytes.
    #[derive(Default)]
    struct Posted {
        year: String,
        source: String,
        file: Vec<u8>,
    }

    /// Reads the fields; a body that is not readable multipart counts as no file.
    async fn posted(data: MultipartData) -> Posted {
        let mut posted = Posted::default();
        let Some(mut multipart) = data.into_inner() else { return posted };
        while let Ok(Some(field)) = multipart.next_field().await {
            match field.name().unwrap_or_default() {
                "year" => posted.year = field.text().await.unwrap_or_default(),
                "source" => posted.source = field.text().await.unwrap_or_default(),
                FILE_FIELD => posted.file = field.bytes().await.map(|b| b.to_vec()).unwrap_or_default(),
                _ => {}
            }
        }
        posted
    }

    pub async fn import(data: MultipartData) -> FormReply {
        let posted = posted(data).await;
        let problems =
            Problems::new(FormId::PopulationImport).keep("year", &posted.year).keep("source", &posted.source);
        run(KOMMUNER_PAGE, problems.clone(), async move {
            let cx = Cx::manager()?;
            let viewer = &cx.viewer;
            let mut problems = problems;
            let year = problems.check("year", checked_year(&posted.year).map_err(Problem::Population));
            let source = problems.check("source", checked_source(&posted.source).map_err(Problem::Population));
            let known: Vec<_> = kommuner::list(&mut *cx.db().conn().await?).await?.into_iter().map(|k| k.kod).collect();
            let accepted = match year {
                _ if posted.file.is_empty() => {
                    problems.add(FILE_FIELD, Problem::Population(ImportProblem::NoFile));
                    None
                }
                Some(year) => match read(&posted.file, &known, year) {
                    Ok(accepted) => Some(accepted),
                    Err(found) => {
                        // The first says what is wrong with the file; the bad rows follow, in the summary.
                        for (i, problem) in found.into_iter().enumerate() {
                            problems.add(if i == 0 { FILE_FIELD } else { "" }, Problem::Population(problem));
                        }
                        None
                    }
                },
                None => None,
            };
            let (Some(year), Some(source), Some(accepted)) = (year, source, accepted) else {
                return Ok(Err(problems));
            };
            let now = cx.now;
            let import =
                Import { year, source: &source, at: now, user_id: Some(&viewer.user_id), user_name: &viewer.name };
            let mut tx = cx.db().begin_write().await?;
            population::replace(&mut tx, &accepted.rows, import).await?;
            let detail = format!(
                "Folkmängd {year} importerad för {} kommuner ({} rader för riket eller län utelämnade), källa: {source}",
                accepted.rows.len(),
                accepted.skipped
            );
            let actor = Actor { user_id: Some(&viewer.user_id), name: &viewer.name };
            audit::record(&mut tx, actor, None, "folkmangd-import", &detail, now).await?;
            tx.commit().await?;
            tracing::info!(kommuner = accepted.rows.len(), year, "population imported");
            Ok(Ok(done_href(KOMMUNER_PAGE, Done::PopulationImported)))
        })
        .await
    }
}
