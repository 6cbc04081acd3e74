//! `/jury/jav`: a juror's declared conflicts of interest and the form to declare one.

use crate::{
    api::jury::{DeclaredConflicts, JURY_PAGE, my_conflicts},
    components::{
        form::{PortalForm, SubmitButton, TextField},
        kommun_list::KommunDatalist,
        loaded::when_loaded,
    },
    i18n::texts,
    pages::account::DoneNotice,
};
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn ConflictsPage() -> impl IntoView {
    let t = texts();
    let data = OnceResource::new(my_conflicts());
    view! {
        <Title text=t.j.conflicts_title />
        <div class="wrap page">
            <p><a href=JURY_PAGE>{t.j.back_to_list}</a></p>
            <h1>{t.j.conflicts_title}</h1>
            <DoneNotice />
            {when_loaded(data, |found| match found {
                None => view! { <p>{texts().ap.no_round}</p> }.into_any(),
                Some(conflicts) => view! { <Conflicts conflicts /> }.into_any(),
            })}
        </div>
    }
}

#[component]
fn Conflicts(conflicts: DeclaredConflicts) -> impl IntoView {
    let t = texts();
    view! {
        <p class="lead">{conflicts.round_title.clone()}</p>
        <p>{t.j.conflicts_intro}</p>
        {if conflicts.declared.is_empty() {
            view! { <p>{t.j.conflicts_none}</p> }.into_any()
        } else {
            view! {
                <ul>
                    {conflicts.declared.into_iter().map(|c| view! {
                        <li>{(t.j.conflict_line)(&c.kommun, &c.reason, &(t.long_date_time)(c.declared_local))}</li>
                    }).collect_view()}
                </ul>
            }.into_any()
        }}
        <h2>{t.j.conflict_form_heading}</h2>
        <KommunDatalist />
        <PortalForm action="/api/declare_conflict" id="jav">
            <input type="hidden" name="round" value=conflicts.round_id.clone() />
            <TextField name="kommun" label=t.a.kommun list="kommuner" autocomplete="off" required=true />
            <TextField name="reason" label=t.j.conflict_reason hint=t.j.conflict_reason_hint required=true maxlength=200 />
            <SubmitButton label=t.j.conflict_button />
        </PortalForm>
    }
}
