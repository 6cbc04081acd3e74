//! `/arrangor/omgangar/utkast`: the round being prepared, every text of it
//! editable until it opens: the description and criteria text, the dates,
//! the areas applicants write in with their guidance and limits, the criteria
//! shown on the public page, the jury and the partners.

use crate::{
    api::organiser::rounds::{PreparedRound, draft_round},
    components::{
        form::{CheckField, PortalForm, SubmitButton, TextAreaField, TextField},
        loaded::when_loaded,
    },
    domain::round::DEFAULT_SECTION_LIMIT,
    i18n::texts,
    pages::account::DoneNotice,
    wiring::FormId,
};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;

#[component]
pub fn DraftRoundPage() -> impl IntoView {
    let t = texts();
    let data = OnceResource::new(draft_round());
    view! {
        <Title text=t.o.edit_draft_title />
        <div class="wrap page">
            <h1>{t.o.edit_draft_title}</h1>
            <DoneNotice />
            {when_loaded(data, |found| match found {
                // Inside the form, so that a save refused because the round
                // opened meanwhile still says why, above the message.
                None => view! {
                    <PortalForm action=crate::api::organiser::rounds::SaveDraftRound::PATH id=FormId::DraftRound>
                        <p>{texts().o.no_draft}</p>
                    </PortalForm>
                }.into_any(),
                Some(prepared) => view! { <DraftForm prepared /> }.into_any(),
            })}
        </div>
    }
}

#[component]
fn DraftForm(prepared: PreparedRound) -> impl IntoView {
    let t = texts();
    let round = prepared.round;
    let jury = round.jury.iter().map(|j| format!("{}, {}", j.name, j.title)).collect::<Vec<_>>().join("\n");
    let sections = round.sections.len();
    let criteria = round.criteria.len();
    view! {
        <p class="lead" lang="sv">{round.title.clone()}</p>
        <p>{t.o.edit_draft_intro}</p>
        <p><a href=format!("/arrangor/bedomning?omgang={}", round.id)>{t.o.draft_scoring_link}</a></p>
        <PortalForm action=crate::api::organiser::rounds::SaveDraftRound::PATH id=FormId::DraftRound>
            <input type="hidden" name="round" value=round.id.clone() />
            <fieldset>
                <legend>{t.o.draft_texts}</legend>
                <TextField name="title" label=t.o.round_name value=round.title.clone() required=true maxlength=200 />
                <TextField name="theme" label=t.o.theme_label hint=t.o.theme_hint value=round.theme.clone() maxlength=200 />
                <TextAreaField name="intro" label=t.o.intro_label value=round.intro.clone() rows=6 />
                <TextAreaField name="criteria_text" label=t.o.criteria_text_label value=round.criteria_text.clone() rows=6 />
                <TextAreaField name="eligibility" label=t.o.eligibility_label value=round.eligibility.clone() rows=4 />
                <TextField name="contact" label=t.o.contact_label value=round.contact.clone() maxlength=1000 />
            </fieldset>
            <fieldset>
                <legend>{t.o.draft_schedule}</legend>
                <TextField name="opens" label=t.o.opens_label kind="date" value=prepared.opens.clone() required=true />
                <TextField name="deadline" label=t.o.deadline_label kind="date" hint=t.o.deadline_hint value=prepared.deadline.clone() required=true />
                <TextField name="ceremony" label=t.o.ceremony_label kind="datetime-local" value=prepared.ceremony.clone() required=true />
                <TextField name="ceremony_place" label=t.o.ceremony_place_label value=round.ceremony_place.clone() required=true maxlength=200 />
            </fieldset>
            <fieldset>
                <legend>{t.o.draft_sections}</legend>
                <p>{t.o.draft_sections_intro}</p>
                {round.sections.iter().enumerate().map(|(i, s)| view! {
                    <PartRow kind=Part::Section index=i slug=s.slug.clone() title=s.title.clone() text=s.guidance.clone()
                        limit=s.max_chars.to_string() legend=s.title.clone() />
                }).collect_view()}
                <PartRow kind=Part::Section index=sections slug=String::new() title=String::new() text=String::new()
                    limit=DEFAULT_SECTION_LIMIT.to_string() legend=t.o.new_section.to_owned() />
            </fieldset>
            <fieldset>
                <legend>{t.o.draft_criteria}</legend>
                {round.criteria.iter().enumerate().map(|(i, c)| view! {
                    <PartRow kind=Part::Criterion index=i slug=c.slug.clone() title=c.title.clone() text=c.description.clone()
                        limit=String::new() legend=c.title.clone() />
                }).collect_view()}
                <PartRow kind=Part::Criterion index=criteria slug=String::new() title=String::new() text=String::new()
                    limit=String::new() legend=t.o.new_criterion.to_owned() />
            </fieldset>
            <TextAreaField name="jury" label=t.o.jury_label hint=t.o.jury_hint value=jury.clone() rows=6 />
            <TextAreaField name="partners" label=t.o.partners_label hint=t.o.partners_hint value=round.partners.join("\n") rows=4 />
            <SubmitButton label=t.o.save_draft_button />
        </PortalForm>
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Section,
    Criterion,
}

/// One section's or criterion's fields, named by row (`section_title[2]`), as the form posts them.
#[component]
fn PartRow(
    kind: Part,
    index: usize,
    slug: String,
    title: String,
    text: String,
    limit: String,
    legend: String,
) -> impl IntoView {
    let t = texts();
    let (prefix, text_name, text_label, remove_label) = match kind {
        Part::Section => ("section", "guidance", t.o.guidance_label, t.o.remove_section),
        Part::Criterion => ("criterion", "description", t.o.description_label, t.o.remove_criterion),
    };
    let field = move |name: &str| format!("{prefix}_{name}[{index}]");
    let existing = !slug.is_empty();
    view! {
        <fieldset class="criterion">
            // A stored heading is Swedish whatever the interface's language; "New area" is not.
            <legend lang=existing.then_some("sv")>{legend}</legend>
            <input type="hidden" name=field("slug") value=slug />
            <TextField name=field("title") label=t.o.part_title_label value=title maxlength=120 />
            <TextField name=field(text_name) label=text_label value=text maxlength=1000 />
            {(kind == Part::Section).then(|| view! {
                <TextField name=field("limit") label=t.o.limit_label kind="number" value=limit />
            })}
            {existing.then(|| view! { <CheckField name=field("remove") label=remove_label /> })}
        </fieldset>
    }
}
