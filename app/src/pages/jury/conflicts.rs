//! `/jury/jav`: a juror's employer (from which the portal flags a probable
//! jäv), their declared conflicts of interest and the form to declare one.

use crate::{
    api::jury::{DeclaredConflicts, JURY_PAGE, my_conflicts},
    components::{
        form::{PortalForm, RadioField, SelectField, SubmitButton, TextField},
        kommun_list::KommunDatalist,
        loaded::when_loaded,
    },
    domain::employer::Employer,
    i18n::texts,
    pages::account::DoneNotice,
    wiring::FormId,
};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
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
        <KommunDatalist />
        <EmployerForm employer=conflicts.employer.clone() lans=conflicts.lans.clone() />
        <h2>{t.j.conflict_form_heading}</h2>
        <PortalForm action=crate::api::jury::DeclareConflict::PATH id=FormId::DeclareConflict>
            <input type="hidden" name="round" value=conflicts.round_id.clone() />
            <TextField name="kommun" label=t.a.kommun list="kommuner" autocomplete="off" required=true />
            <TextField name="reason" label=t.j.conflict_reason hint=t.j.conflict_reason_hint required=true maxlength=200 />
            <SubmitButton label=t.j.conflict_button />
        </PortalForm>
    }
}

/// The juror's employer: a kommun (from the list), a region (by its län) or another organisation.
#[component]
fn EmployerForm(employer: Option<Employer>, lans: Vec<(String, String)>) -> impl IntoView {
    let t = texts();
    let kinds = ["kommun", "region", "organisation", "ingen"];
    let value_of = |kind: &str| {
        employer.as_ref().filter(|e| e.kind() == kind).map(|e| match e {
            Employer::Kommun { namn, .. } => namn.clone(),
            other => other.value().to_owned(),
        })
    };
    let options: Vec<(String, String)> =
        kinds.iter().zip(t.j.employer_kinds).map(|(k, label)| ((*k).to_owned(), label.to_owned())).collect();
    let checked = employer.as_ref().map_or("ingen", Employer::kind).to_owned();
    let current = (t.j.employer_current)(employer.as_ref().map(Employer::label).as_deref());
    let (kommun, region, organisation) = (
        value_of("kommun").unwrap_or_default(),
        value_of("region").unwrap_or_default(),
        value_of("organisation").unwrap_or_default(),
    );
    view! {
        <section aria-labelledby="arbetsgivare-rubrik">
            <h2 id="arbetsgivare-rubrik">{t.j.employer_heading}</h2>
            <p>{t.j.employer_intro}</p>
            <p><strong>{current}</strong></p>
            <PortalForm action=crate::api::jury::SaveEmployer::PATH id=FormId::Employer>
                <RadioField name="employer_kind" legend=t.j.employer_kind_legend options=options.clone() checked=checked.clone() />
                <TextField name="employer_kommun" label=t.j.employer_kommun list="kommuner" autocomplete="off" value=kommun.clone() />
                <SelectField name="employer_region" label=t.j.employer_region options=lans.clone() selected=region.clone() />
                <TextField name="employer_organisation" label=t.j.employer_organisation maxlength=120 value=organisation.clone() />
                <SubmitButton label=t.j.employer_button />
            </PortalForm>
        </section>
    }
}
