//! `/ansokan`: the kommun's application, written over days by several
//! colleagues. Without JavaScript "Spara utkast" posts the whole form; with it
//! each changed part is saved a few seconds after typing stops, at the latest
//! every ten seconds while typing goes on, and when the page is left.

use super::{ApplicationStatus, part_label};
use crate::{
    api::application::{ApplicationView, Colleague, EditConflict, PartView, my_application},
    components::{
        form::{csrf_token, raw_text_content},
        islands::{IslandScripts, StatusTexts},
        loaded::when_loaded,
    },
    domain::application::{CONTACT_PARTS, SUMMARY, char_count, draft_limit},
    i18n::texts,
    pages::account::DoneNotice,
};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;

#[component]
pub fn ApplicationPage() -> impl IntoView {
    let t = texts();
    let data = OnceResource::new(my_application());
    view! {
        <Title text=t.ap.title />
        <div class="wrap page">
            {when_loaded(data, |view| match view {
                None => view! { <h1>{texts().ap.title}</h1><p>{texts().ap.no_round}</p> }.into_any(),
                Some(view) => view! { <ApplicationEditor view /> }.into_any(),
            })}
        </div>
    }
}

#[component]
fn ApplicationEditor(view: ApplicationView) -> impl IntoView {
    let t = texts();
    if view.awaiting_approval {
        return view! {
            <h1>{(t.ap.heading)(&view.kommun)}</h1>
            <AwaitingApproval />
        }
        .into_any();
    }
    let has_form = view.id.is_some();
    view! {
        <h1>{(t.ap.heading)(&view.kommun)}</h1>
        <p class="lead">{view.round_title.clone()}</p>
        <DoneNotice />
        <ApplicationStatus view=view.clone() />
        {has_form.then(|| view! { <BeforeYouWrite /> })}
        {has_form.then(|| {
            let view = view.clone();
            view! {
            <ApplicationAutosave texts=status_texts() up_to_date=t.ap.status_up_to_date.to_owned()>
                <ApplicationForm view />
            </ApplicationAutosave>
            <IslandScripts />
            }
        })}
        <Colleagues colleagues=view.colleagues />
    }
    .into_any()
}

/// The form's autosave, its counts and what a refusal locks: the one part of
/// the page that runs in the browser. The form itself is the server's HTML.
#[island]
fn ApplicationAutosave(texts: StatusTexts, up_to_date: String, children: Children) -> impl IntoView {
    #[cfg(feature = "hydrate")]
    super::autosave::start(texts, up_to_date);
    #[cfg(not(feature = "hydrate"))]
    let _ = (texts, up_to_date);
    children()
}

fn status_texts() -> StatusTexts {
    let t = texts();
    StatusTexts {
        unsaved: t.ap.status_unsaved.to_owned(),
        saving: t.ap.status_saving.to_owned(),
        failed: t.ap.status_failed.to_owned(),
        signed_out: t.ap.status_signed_out.to_owned(),
        forbidden: t.ap.status_forbidden.to_owned(),
    }
}

/// The form: its text boxes, their counts against the limits, a colleague's
/// conflicting version and the choice, "Spara utkast" and the autosave's status.
#[component]
fn ApplicationForm(view: ApplicationView) -> impl IntoView {
    let t = texts();
    let editable = view.refusal.is_none();
    let status = match view.last_saved_local {
        None => t.ap.status_nothing_saved.to_owned(),
        Some(at) => (t.ap.status_last_saved)(&(t.long_date_time)(at)),
    };
    let (rest, sections): (Vec<PartView>, Vec<PartView>) =
        view.parts.into_iter().partition(|p| p.part == SUMMARY || CONTACT_PARTS.contains(&p.part.as_str()));
    let summary = rest.iter().find(|p| p.part == SUMMARY).cloned();
    let contact: Vec<PartView> = rest.into_iter().filter(|p| CONTACT_PARTS.contains(&p.part.as_str())).collect();
    view! {
        <form id="ansokan" class="application-form" method="post" action=crate::api::application::SaveApplication::PATH novalidate>
            <input type="hidden" name="csrf" value=csrf_token() />
            <input type="hidden" name="application" value=view.id.clone().unwrap_or_default() />
            // Enter in a one-line field presses the form's first button: let it be
            // "Spara utkast", never a conflict's choice further down.
            <button type="submit" name="action" value="save" class="visually-hidden" tabindex="-1" aria-hidden="true">
                {t.ap.save_button}
            </button>
            {sections.into_iter().map(|part| view! { <PartEditor part rows=14 editable /> }).collect_view()}
            {summary.map(|part| view! { <PartEditor part rows=5 editable /> })}
            <fieldset class="contact">
                <legend><h2>{t.ap.contact_heading}</h2></legend>
                <p class="hint">{t.ap.contact_hint}</p>
                {contact.into_iter().map(|part| view! { <ContactField part editable /> }).collect_view()}
            </fieldset>
            <div class="save-bar">
                {editable.then(|| view! { <button type="submit" class="button" name="action" value="save">{t.ap.save_button}</button> })}
                <p class="save-status" id="sparstatus" role="status">{status}</p>
                // Shown by the autosave when a save meets a colleague's newer text.
                <a class="button button-secondary" id="ladda-om" href="/ansokan" rel="external" hidden>{t.ap.conflict_reload}</a>
            </div>
        </form>
    }
}

/// What an application must not contain, and who else may read it.
#[component]
fn BeforeYouWrite() -> impl IntoView {
    let t = texts();
    view! {
        <section class="notice" aria-labelledby="innan-du-skriver">
            <h2 id="innan-du-skriver">{t.ap.before_heading}</h2>
            <p>{t.ap.no_care_recipients}</p>
            <p>{t.ap.public_document}</p>
        </section>
    }
}

/// For an applicant not yet let in: why, and what happens next. Nothing of the
/// kommun (its applicants, their addresses, its deadline) until they are let in.
#[component]
pub fn AwaitingApproval() -> impl IntoView {
    let t = texts();
    view! {
        <div class="notice" role="status">
            <h2>{t.ap.awaiting_heading}</h2>
            <p>{t.ap.awaiting_body}</p>
        </div>
    }
}

/// The kommun's applicants; those waiting can be let in by any approved colleague.
#[component]
fn Colleagues(colleagues: Vec<Colleague>) -> impl IntoView {
    let t = texts();
    view! {
        <section id="kollegor" aria-labelledby="kollegor-rubrik">
            <h2 id="kollegor-rubrik">{t.ap.colleagues_heading}</h2>
            <ul class="colleagues">
                {colleagues.into_iter().map(|c| view! {
                    <li>
                        {format!("{} ({})", c.name, c.email)}
                        {(!c.approved).then(|| view! {
                            " – "{t.ap.colleague_waiting}
                            <form method="post" action=crate::api::application::ApproveApplicant::PATH class="inline-form">
                                <input type="hidden" name="csrf" value=csrf_token() />
                                <input type="hidden" name="user" value=c.user_id.clone() />
                                <button type="submit" class="button button-secondary">
                                    {t.ap.approve_button}<span class="visually-hidden">{format!(" {}", c.name)}</span>
                                </button>
                            </form>
                        })}
                    </li>
                }).collect_view()}
            </ul>
        </section>
    }
}

/// The text the writer sees in the box: their own copy when they have one.
fn text_and_base(part: &PartView) -> (String, i64) {
    match &part.conflict {
        Some(c) => (c.my_text.clone(), c.my_base),
        None => (part.body.clone(), part.version),
    }
}

/// One section (or the summary): heading, guidance, the text box, its
/// character count against the limit, and the way back to earlier versions.
/// The count's `data-limit` is for the browser, which keeps it up to date.
#[component]
fn PartEditor(part: PartView, rows: u32, editable: bool) -> impl IntoView {
    let t = texts();
    let (text, base) = text_and_base(&part);
    let count = char_count(&text);
    let over = count > part.limit as usize;
    let key = part.part.clone();
    let id = format!("text-{key}");
    let label = part_label(&part);
    let guidance = if part.part == SUMMARY { t.ap.summary_guidance.to_owned() } else { part.guidance.clone() };
    view! {
        <section class="part" id=format!("del-{key}") aria-labelledby=format!("rubrik-{key}")>
            <h2 id=format!("rubrik-{key}")><label for=id.clone()>{label}</label></h2>
            <p class="hint" id=format!("guidance-{key}") lang="sv">{guidance}</p>
            {part.conflict.clone().map(|c| view! { <ConflictChoice part=part.clone() conflict=c editable /> })}
            <textarea
                id=id
                name=format!("text[{key}]")
                rows=rows
                readonly=!editable
                aria-describedby=format!("guidance-{key} count-{key}")
                aria-invalid=over.then_some("true")
                maxlength=draft_limit(part.limit).to_string()
                data-limit=part.limit.to_string()
                spellcheck="true"
                lang="sv"
            >{raw_text_content(text)}</textarea>
            <input type="hidden" name=format!("version[{key}]") value=base.to_string() />
            <p class="char-count" id=format!("count-{key}") class:char-count-over=over>
                {(t.ap.count)(count, part.limit)}
            </p>
            <a class="history-link" href=format!("/ansokan/historik/{key}")>{t.ap.history_link}</a>
        </section>
    }
}

/// A one-line field of the contact person.
#[component]
fn ContactField(part: PartView, editable: bool) -> impl IntoView {
    let (text, base) = text_and_base(&part);
    let key = part.part.clone();
    let (kind, autocomplete) = match key.as_str() {
        "kontakt_epost" => ("email", "email"),
        "kontakt_telefon" => ("tel", "tel"),
        "kontakt_titel" => ("text", "organization-title"),
        _ => ("text", "name"),
    };
    let id = format!("text-{key}");
    // `del-…` as each section's: the submit page's list of what is missing links here.
    view! {
        <div class="field" id=format!("del-{key}")>
            <label for=id.clone()>{part_label(&part)}</label>
            {part.conflict.clone().map(|c| view! { <ConflictChoice part=part.clone() conflict=c editable /> })}
            <input
                type=kind
                id=id
                name=format!("text[{key}]")
                value=text
                autocomplete=autocomplete
                maxlength=part.limit.to_string()
                readonly=!editable
            />
            <input type="hidden" name=format!("version[{key}]") value=base.to_string() />
        </div>
    }
}

/// A colleague saved this part after the writer's text was based on it: both
/// texts, and the choice. The writer's text stays in the box below.
#[component]
fn ConflictChoice(part: PartView, conflict: EditConflict, editable: bool) -> impl IntoView {
    let t = texts();
    let key = part.part.clone();
    let by = part.saved_by.clone().unwrap_or_default();
    let when = part.saved_local.map(t.long_date_time).unwrap_or_default();
    let (mine, theirs) = (format!("mine:{key}"), format!("theirs:{key}"));
    view! {
        <div class="conflict" role="group" aria-labelledby=format!("krock-{key}")>
            <h3 id=format!("krock-{key}")>{t.ap.conflict_heading}</h3>
            <p>{(t.ap.conflict_body)(&by, &when, &(t.long_date_time)(conflict.kept_local))}</p>
            <h4>{t.ap.conflict_theirs}</h4>
            <div class="their-text">
                <crate::components::text_as_written::TextAsWritten text=part.body.clone() />
            </div>
            {editable.then(|| view! {
                <div class="conflict-actions">
                    <button type="submit" class="button" name="action" value=mine.clone()>{t.ap.conflict_keep_mine}</button>
                    <button type="submit" class="button button-secondary" name="action" value=theirs.clone()>{t.ap.conflict_take_theirs}</button>
                </div>
            })}
            <h4>{t.ap.conflict_mine}</h4>
        </div>
    }
}
