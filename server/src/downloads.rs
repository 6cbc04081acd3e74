//! Files to download: an award's round's calendar for anyone
//! (`/utmarkelser/{award}/omgang.ics`), and
//! the organisers' exports (`/arrangor/export/{file}`, `app::export`), each
//! export written to the audit log.

use app::{
    api::{
        cx::Cx,
        jury::ssr::round_work,
        organiser::{ranking, round},
    },
    auth::guard::FORBIDDEN_PAGE,
    domain::access::Viewer,
    error::AppError,
    export::{self, Table},
    state::AppState,
    storage::{audit, seed::EHALSOKOMMUN},
};
use axum::{
    Extension,
    extract::{Path, State},
    http::{StatusCode, header},
    response::{IntoResponse, Redirect, Response},
};

/// The award's current round's deadline and ceremony as an iCalendar file.
pub async fn round_calendar(State(state): State<AppState>, Path(award): Path<String>) -> Response {
    // Only an award's own address is looked up, and so named in the file's header.
    if !app::domain::award::is_slug(&award) {
        return StatusCode::NOT_FOUND.into_response();
    }
    let current = async {
        match state.db.award(&award).await? {
            Some(_) => state.db.current_round(&award).await,
            None => Ok(None),
        }
    };
    match current.await {
        Ok(Some(round)) if round.state.is_public() => (
            [
                (header::CONTENT_TYPE, "text/calendar; charset=utf-8".to_owned()),
                (header::CONTENT_DISPOSITION, format!("attachment; filename=\"{award}.ics\"")),
            ],
            app::calendar::round_calendar(&round, &state.settings.base_url),
        )
            .into_response(),
        Ok(_) => StatusCode::NOT_FOUND.into_response(),
        Err(err) => status(AppError::from(err)),
    }
}

const CSV: &str = "text/csv; charset=utf-8";
const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

pub async fn download(
    State(state): State<AppState>,
    viewer: Option<Extension<Viewer>>,
    Path(file): Path<String>,
) -> Response {
    // The guard lets only organisers through; anyone else it hands on to be
    // refused, and a file has no page of its own: the explanation page says why.
    let Some(Ok(cx)) = viewer.map(|Extension(v)| Cx::manager_in(state, v)) else {
        return Redirect::to(FORBIDDEN_PAGE).into_response();
    };
    match build(&cx, &file).await {
        Ok(Some((bytes, kind))) => {
            let recorded = async {
                let mut conn = cx.db().pool().acquire().await?;
                audit::record(&mut conn, cx.actor(), None, "export", &format!("Export: {file}"), cx.now).await
            };
            if let Err(err) = recorded.await {
                return status(AppError::from(err));
            }
            let disposition = format!("attachment; filename=\"{file}\"");
            (
                [
                    (header::CONTENT_TYPE, kind.to_owned()),
                    (header::CONTENT_DISPOSITION, disposition),
                    (header::CACHE_CONTROL, "no-store".to_owned()),
                ],
                bytes,
            )
                .into_response()
        }
        Ok(None) => StatusCode::NOT_FOUND.into_response(),
        Err(err) => status(err),
    }
}

fn status(err: AppError) -> Response {
    StatusCode::from_u16(err.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR).into_response()
}

/// The file's bytes and media type; `None` for a file there is no such export of.
async fn build(cx: &Cx, file: &str) -> Result<Option<(Vec<u8>, &'static str)>, AppError> {
    let tables = |t: Table| vec![t];
    Ok(Some(match file {
        "logg.csv" => (export::csv(&export::log_table(&round::ssr::log_lines(cx.db()).await?)), CSV),
        "rangordning.csv" => (export::csv(&export::ranking_table(&ranking_of(cx).await?)), CSV),
        "poang.csv" => (export::csv(&scores_of(cx).await?), CSV),
        "bedomning.xlsx" => {
            let mut sheets = tables(export::ranking_table(&ranking_of(cx).await?));
            sheets.push(scores_of(cx).await?);
            (export::xlsx(&sheets).map_err(|_| AppError::Internal)?, XLSX)
        }
        _ => return Ok(None),
    }))
}

async fn ranking_of(cx: &Cx) -> Result<ranking::RankingView, AppError> {
    ranking::ssr::view(cx).await?.ok_or(AppError::NotFound)
}

async fn scores_of(cx: &Cx) -> Result<Table, AppError> {
    let round = cx.db().current_round(EHALSOKOMMUN).await?.ok_or(AppError::NotFound)?;
    Ok(export::scores_table(&round_work(cx, round).await?))
}
