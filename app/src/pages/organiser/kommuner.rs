//! `/arrangor/kommuner`: the kommuner with their län and population, and the
//! import of the population from a CSV file.

use crate::{
    api::organiser::kommuner::{FILE_FIELD, ImportPopulation, KommunRow, PopulationTable, kommun_table},
    components::{
        form::{FileField, PortalForm, SubmitButton, TextField},
        loaded::when_loaded,
        scrolling_table::ScrollingTable,
    },
    i18n::texts,
    pages::account::DoneNotice,
    wiring::FormId,
};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;

#[component]
pub fn KommunerPage() -> impl IntoView {
    let k = texts().k;
    let data = OnceResource::new(kommun_table());
    view! {
        <Title text=k.title />
        <div class="wrap page">
            <h1>{k.title}</h1>
            <DoneNotice />
            <p>{k.intro}</p>
            {when_loaded(data, |table| view! { <Kommuner table /> })}
        </div>
    }
}

#[component]
fn Kommuner(table: PopulationTable) -> impl IntoView {
    let t = texts();
    let k = t.k;
    let latest = match &table.latest {
        Some((at, name, n)) => (k.latest)(&(t.long_date_time)(*at), name, *n),
        None => k.none_imported.to_owned(),
    };
    view! {
        <p>{latest}</p>
        <section aria-labelledby="import-rubrik">
            <h2 id="import-rubrik">{k.import_heading}</h2>
            <h3>{k.format_heading}</h3>
            <ul>{k.format_rules.iter().map(|rule| view! { <li>{*rule}</li> }).collect_view()}</ul>
            <p>{k.all_or_nothing}</p>
            <PortalForm action=ImportPopulation::PATH id=FormId::PopulationImport upload=true>
                <TextField name="year" label=k.year hint=k.year_hint required=true maxlength=4 />
                <TextField name="source" label=k.source hint=k.source_hint required=true maxlength=200 />
                <FileField name=FILE_FIELD label=k.file hint=k.file_hint accept=".csv,.txt,text/csv,text/plain" />
                <SubmitButton label=k.import_button />
            </PortalForm>
        </section>
        <section aria-labelledby="kommuner-rubrik">
            <h2 id="kommuner-rubrik">{k.table_heading}</h2>
            <ScrollingTable id="kommuner-tabell" caption=k.caption>
                <thead><tr>
                    <th scope="col">{k.code}</th>
                    <th scope="col">{k.kommun}</th>
                    <th scope="col">{k.lan}</th>
                    <th scope="col" class="numeric">{k.population}</th>
                    <th scope="col">{k.year_column}</th>
                    <th scope="col">{k.source_column}</th>
                </tr></thead>
                <tbody>
                    {table.rows.into_iter().map(|row| view! { <Row row /> }).collect_view()}
                </tbody>
            </ScrollingTable>
        </section>
    }
}

#[component]
fn Row(row: KommunRow) -> impl IntoView {
    let k = texts().k;
    let population = row.population.map_or_else(|| k.missing.to_owned(), |n| (k.number)(n.unsigned_abs()));
    view! {
        <tr>
            <td>{row.kod}</td>
            <th scope="row">{row.namn}</th>
            <td>{row.lan}</td>
            <td class="numeric">{population}</td>
            <td>{row.year.map(|y| y.to_string()).unwrap_or_default()}</td>
            <td>{row.source.unwrap_or_default()}</td>
        </tr>
    }
}
