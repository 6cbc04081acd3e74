//! Saving the parts: the autosave and "Spara utkast", merging with a colleague's newer text.

use super::{ssr::*, *};
use crate::{
    api::form::{Done, done_href, finish},
    domain::{
        application::{
            CONTACT_PARTS, Merge, PartSave, Settle, clean_line, clean_text, merge, parts, too_long_for_draft,
        },
        policy::Action,
        round::Section,
    },
    storage::applications::{self, PartVersion},
};

/// How a save button asked to settle a conflict: `mine:<part>` or `theirs:<part>`.
pub(super) fn settlement(action: Option<&str>) -> Option<(&str, bool)> {
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
    let owned = match owned(&application, Action::EditApplication).await {
        Ok(owned) => owned,
        Err(err) => {
            // A plain post from a page of another kommun's application
            // (another person logged in since): the page that explains.
            if err == AppError::Forbidden {
                finish(APPLICATION_PAGE, Ok(crate::auth::guard::FORBIDDEN_PAGE.to_owned())).await;
            }
            return Err(err);
        }
    };
    let now = owned.cx.now;
    let settle = settlement(action.as_deref());
    let incoming: Vec<(&str, i64, String)> = parts(&owned.round.sections)
        .into_iter()
        .filter_map(|part| {
            let raw = text.get(part)?;
            let body = if CONTACT_PARTS.contains(&part) { clean_line(raw) } else { clean_text(raw) };
            Some((part, version.get(part).copied().unwrap_or(0), body))
        })
        .collect();

    let mut tx = owned.cx.db().begin_write().await?;
    let status = applications::lock(&mut tx, &owned.application.id, now).await?.ok_or(AppError::NotFound)?;
    let refused = owned.may(Action::EditApplication, status, now)?.err();
    let current = applications::parts(&mut tx, &owned.application.id).await?;
    let writer = owned.writer();
    let id = owned.application.id.as_str();
    let user = owned.cx.viewer.user_id.as_str();
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
        (None, None) => done_href(&format!("{APPLICATION_PAGE}#status"), Done::DraftSaved),
    };
    finish(APPLICATION_PAGE, Ok(go_to)).await;
    let status = status_line(&owned.round.sections, refused, &conflicts, &too_long, local(now));
    Ok(SaveReply { saved, conflicts, refused, too_long, status })
}

/// What the form's status line says of this save, in the writer's language.
fn status_line(
    sections: &[Section],
    refused: Option<Refusal>,
    conflicts: &[String],
    too_long: &[(String, usize, u32)],
    at: NaiveDateTime,
) -> String {
    let t = crate::i18n::texts();
    let title = |part: &str| {
        let section = sections.iter().find(|s| s.slug == part).map_or("", |s| s.title.as_str());
        t.ap.part_label(part, section)
    };
    if let Some(refusal) = refused {
        (t.ap.status_refused)(refusal)
    } else if !too_long.is_empty() {
        // Not sent again: the same text would be refused again. The next edit sends it.
        let lines: Vec<String> =
            too_long.iter().map(|(part, count, max)| (t.ap.status_too_long)(&title(part), *count, *max)).collect();
        lines.join(" ")
    } else if !conflicts.is_empty() {
        let titles: Vec<String> = conflicts.iter().map(|part| title(part)).collect();
        (t.ap.status_conflict)(&titles.join(", "))
    } else {
        (t.ap.status_saved)(&(t.ap.clock)(at))
    }
}
