//! The parts of every form: the form itself (posting to its server function
//! with or without JavaScript), its error summary and its fields, each with
//! label, hint and the Swedish message beside it.

use crate::{
    api::form::{Problem, Problems},
    i18n::texts,
    wiring::FormId,
};
use leptos::prelude::*;

/// The problems a form shows, from the previous post.
#[derive(Clone, Copy)]
struct FormState {
    problems: RwSignal<Option<Problems>>,
}

fn form_state() -> FormState {
    expect_context::<FormState>()
}

#[cfg(feature = "ssr")]
pub(crate) fn csrf_token() -> String {
    crate::auth::csrf_token().unwrap_or_default()
}

/// Forms are the server's HTML; the browser's own requests read the cookie (`components::autosave`).
#[cfg(not(feature = "ssr"))]
pub(crate) fn csrf_token() -> String {
    String::new()
}

/// A form posting to the server function at `action` (its URL, `/api/…`).
/// `id` names it, as its server function names its problems (`FormId`), so
/// that problems come back to this form only. A form with a file (`upload`) is
/// posted as `multipart/form-data`.
#[component]
pub fn PortalForm(
    action: &'static str,
    id: FormId,
    #[prop(optional)] upload: bool,
    children: ChildrenFn,
) -> impl IntoView {
    let echo = OnceResource::new(async move {
        #[cfg(feature = "ssr")]
        let echo = crate::api::form::echo_for(id).await;
        #[cfg(not(feature = "ssr"))]
        let echo: Option<Problems> = None;
        echo
    });
    let state = FormState { problems: RwSignal::new(None) };
    // An owner of its own: a second form on the page must not replace this
    // form's state before its fields, rendered later in the Suspense, read it.
    let owner = Owner::new();
    owner.with(|| provide_context(state));
    // Kept as long as the form is: the fields' signals live in this owner.
    let owner = StoredValue::new(owner);
    let children = StoredValue::new(children);
    view! {
        <Suspense>
            {move || {
                let owner = owner.get_value();
                Suspend::new(async move {
                let echo = echo.await;
                if echo.is_some() {
                    state.problems.set(echo);
                }
                owner.with(|| view! {
                    <form method="post" action=action id=id.as_str() class="portal-form" novalidate
                        enctype=upload.then_some("multipart/form-data")>
                        <input type="hidden" name="csrf" value=csrf_token() />
                        <ErrorSummary />
                        // Shown by the stylesheet only in a form that has a field marked *.
                        <p class="required-note">{texts().a.required_note}</p>
                        {children.read_value()()}
                    </form>
                })
            })}}
        </Suspense>
    }
}

/// The list of problems at the top of the form, each a link to its field.
#[component]
fn ErrorSummary() -> impl IntoView {
    let t = texts();
    let problems = form_state().problems;
    view! {
        // Back from a post with problems: the browser itself moves focus to them.
        <div class="error-summary" tabindex="-1" role="alert"
            autofocus=problems.with_untracked(|p| p.as_ref().is_some_and(|p| !p.is_empty()))
            hidden=move || {
            problems.with(|p| p.as_ref().is_none_or(Problems::is_empty))
        }>
            <Show when=move || problems.with(|p| p.as_ref().is_some_and(|p| !p.is_empty()))>
                <h2>{t.a.form_has_problems}</h2>
                <ul>
                    {move || {
                        problems
                            .get()
                            .map(|p| {
                                let named = p.clone();
                                p.fields
                                    .into_iter()
                                    .map(move |(field, problem)| {
                                        let text = match named.label(&field) {
                                            Some(label) => format!("{label}: {}", t.problem(&problem)),
                                            None => t.problem(&problem),
                                        };
                                        if field.is_empty() {
                                            view! { <li>{text}</li> }.into_any()
                                        } else {
                                            view! { <li><a href=format!("#{}", field_id(&field)) rel="external">{text}</a></li> }
                                                .into_any()
                                        }
                                    })
                                    .collect_view()
                            })
                    }}
                </ul>
            </Show>
        </div>
    }
}

/// The id of the control (or a group's legend) for the field named `name`: the name,
/// but without `[` and `]`, which a link's fragment may not hold, so that the error
/// summary can link to it (`section_limit[0]` → `section_limit-0`).
pub(crate) fn field_id(name: &str) -> String {
    name.replace('[', "-").replace(']', "")
}

/// The problem of the field named `field` in the surrounding form, if any.
pub(crate) fn problem_of(field: &str) -> Signal<Option<Problem>> {
    let problems = form_state().problems;
    let field = field.to_owned();
    Signal::derive(move || problems.with(|p| p.as_ref().and_then(|p| p.problem(&field).cloned())))
}

/// What the person typed into `field` before the form came back with problems.
pub(crate) fn echoed_value(field: &str) -> Option<String> {
    form_state().problems.with_untracked(|p| p.as_ref().and_then(|p| p.value(field).map(str::to_owned)))
}

/// Leptos 0.8 writes the text of a `<textarea>` and of the `<title>` (through
/// `leptos_meta`) into the server's HTML unescaped (tachys treats them like
/// `<script>`), so a text containing `</textarea>` or `</title>` would end the
/// element and run or redirect with what follows. The server escapes it here;
/// the browser builds a text node or sets `document.title`, which need none.
pub(crate) fn raw_text_content(text: String) -> String {
    #[cfg(feature = "ssr")]
    let text = crate::mail::escape_html(&text);
    text
}

/// The message under a field's label, announced with the field (aria-describedby).
#[component]
pub(crate) fn FieldMessages(#[prop(into)] field: String, hint: Option<&'static str>) -> impl IntoView {
    let t = texts();
    let problem = problem_of(&field);
    view! {
        {hint.map(|h| view! { <p class="hint" id=format!("{field}-hint")>{h}</p> })}
        <p class="field-error" id=format!("{field}-error") hidden=move || problem.with(Option::is_none)>
            {move || problem.get().map(|p| format!("{} {}", t.a.problem_prefix, t.problem(&p)))}
        </p>
    }
}

pub(crate) fn described_by(field: &str, hint: bool) -> String {
    if hint { format!("{field}-hint {field}-error") } else { format!("{field}-error") }
}

/// A one-line text field (`kind`: text, email, tel).
#[component]
pub fn TextField(
    #[prop(into)] name: String,
    label: &'static str,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(optional)] value: Option<String>,
    #[prop(optional)] autocomplete: Option<&'static str>,
    #[prop(optional)] required: bool,
    #[prop(optional)] list: Option<&'static str>,
    #[prop(optional)] maxlength: Option<usize>,
) -> impl IntoView {
    let problem = problem_of(&name);
    let value = echoed_value(&name).or(value).unwrap_or_default();
    view! {
        <div class="field" class:field-invalid=move || problem.with(Option::is_some)>
            <label for=field_id(&name)>{label}{required.then(|| view! { <span class="required" aria-hidden="true">" *"</span> })}</label>
            <FieldMessages field=name.clone() hint />
            <input
                type=kind
                id=field_id(&name)
                name=name.clone()
                value=value
                autocomplete=autocomplete
                list=list
                maxlength=maxlength.map(|m| m.to_string())
                required=required
                aria-required=required.then_some("true")
                aria-invalid=move || problem.with(Option::is_some).then_some("true")
                aria-describedby=described_by(&name, hint.is_some())
            />
        </div>
    }
}

/// A password field; what was typed is never sent back in a page.
#[component]
pub fn PasswordField(
    name: &'static str,
    label: &'static str,
    autocomplete: &'static str,
    #[prop(optional)] hint: Option<&'static str>,
) -> impl IntoView {
    let problem = problem_of(name);
    view! {
        <div class="field" class:field-invalid=move || problem.with(Option::is_some)>
            <label for=field_id(name)>{label}<span class="required" aria-hidden="true">" *"</span></label>
            <FieldMessages field=name hint />
            <input
                type="password"
                id=field_id(name)
                name=name
                autocomplete=autocomplete
                required=true
                aria-required="true"
                aria-invalid=move || problem.with(Option::is_some).then_some("true")
                aria-describedby=described_by(name, hint.is_some())
            />
        </div>
    }
}

/// A checkbox: one that must be ticked (consent, "yes, delete"), or a choice on a row.
#[component]
pub fn CheckField(#[prop(into)] name: String, label: &'static str) -> impl IntoView {
    let problem = problem_of(&name);
    view! {
        <div class="field field-check" class:field-invalid=move || problem.with(Option::is_some)>
            <FieldMessages field=name.clone() hint=None />
            <input
                type="checkbox"
                id=field_id(&name)
                name=name.clone()
                value="ja"
                aria-invalid=move || problem.with(Option::is_some).then_some("true")
                aria-describedby=described_by(&name, false)
            />
            <label for=field_id(&name)>{label}</label>
        </div>
    }
}

/// One choice among a few, as radio buttons in a fieldset.
#[component]
pub fn RadioField(
    name: &'static str,
    legend: &'static str,
    options: Vec<(String, String)>,
    #[prop(optional)] checked: Option<String>,
    #[prop(optional)] hint: Option<&'static str>,
) -> impl IntoView {
    let problem = problem_of(name);
    let checked = echoed_value(name).or(checked);
    view! {
        <fieldset class="field" class:field-invalid=move || problem.with(Option::is_some) aria-describedby=described_by(name, hint.is_some())>
            <legend id=field_id(name)>{legend}</legend>
            <FieldMessages field=name hint />
            {options
                .into_iter()
                .enumerate()
                .map(|(i, (value, label))| {
                    let id = format!("{}-{i}", field_id(name));
                    let is_checked = checked.as_deref() == Some(value.as_str());
                    view! {
                        <div class="radio">
                            <input type="radio" id=id.clone() name=name value=value checked=is_checked />
                            <label for=id>{label}</label>
                        </div>
                    }
                })
                .collect_view()}
        </fieldset>
    }
}

/// A choice from a list (`options`: value and label), with a first empty choice.
#[component]
pub fn SelectField(
    name: &'static str,
    label: &'static str,
    options: Vec<(String, String)>,
    #[prop(optional)] selected: Option<String>,
    #[prop(optional)] hint: Option<&'static str>,
) -> impl IntoView {
    let problem = problem_of(name);
    let selected = echoed_value(name).or(selected).unwrap_or_default();
    view! {
        <div class="field" class:field-invalid=move || problem.with(Option::is_some)>
            <label for=field_id(name)>{label}</label>
            <FieldMessages field=name hint />
            <select
                id=field_id(name)
                name=name
                aria-invalid=move || problem.with(Option::is_some).then_some("true")
                aria-describedby=described_by(name, hint.is_some())
            >
                <option value="" selected=selected.is_empty()>"–"</option>
                {options.into_iter().map(|(value, text)| {
                    let is_selected = value == selected;
                    view! { <option value=value selected=is_selected>{text}</option> }
                }).collect_view()}
            </select>
        </div>
    }
}

/// A text box for longer text: a comment, a note.
#[component]
pub fn TextAreaField(
    #[prop(into)] name: String,
    label: &'static str,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(optional)] value: String,
    #[prop(default = 5)] rows: u32,
    #[prop(optional)] disabled: bool,
    /// The longest text the browser lets one type or paste; the server checks it again.
    #[prop(optional)]
    maxlength: Option<usize>,
) -> impl IntoView {
    let problem = problem_of(&name);
    let value = echoed_value(&name).unwrap_or(value);
    view! {
        <div class="field" class:field-invalid=move || problem.with(Option::is_some)>
            <label for=field_id(&name)>{label}</label>
            <FieldMessages field=name.clone() hint />
            <textarea
                id=field_id(&name)
                name=name.clone()
                rows=rows
                disabled=disabled
                maxlength=maxlength
                lang="sv"
                aria-invalid=move || problem.with(Option::is_some).then_some("true")
                aria-describedby=described_by(&name, hint.is_some())
            >{raw_text_content(value)}</textarea>
        </div>
    }
}

/// A file to send, in a form with `upload`; a browser never shows a file again,
/// so the person chooses it again after a problem.
#[component]
pub fn FileField(
    name: &'static str,
    label: &'static str,
    #[prop(optional)] hint: Option<&'static str>,
    /// The file types offered first, e.g. ".csv,text/csv".
    accept: &'static str,
) -> impl IntoView {
    let problem = problem_of(name);
    view! {
        <div class="field" class:field-invalid=move || problem.with(Option::is_some)>
            <label for=field_id(name)>{label}<span class="required" aria-hidden="true">" *"</span></label>
            <FieldMessages field=name hint />
            <input
                type="file"
                id=field_id(name)
                name=name
                accept=accept
                required=true
                aria-required="true"
                aria-invalid=move || problem.with(Option::is_some).then_some("true")
                aria-describedby=described_by(name, hint.is_some())
            />
        </div>
    }
}

#[component]
pub fn SubmitButton(label: &'static str) -> impl IntoView {
    view! { <button type="submit" class="button">{label}</button> }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fields_id_holds_nothing_a_links_fragment_may_not() {
        assert_eq!(field_id("section_limit[0]"), "section_limit-0");
        assert_eq!(field_id("score[ledning]"), "score-ledning");
        assert_eq!(field_id("email"), "email");
    }
}
