//! `/konto` and what hangs off it: the person's details, password, data, deletion.

use super::DoneNotice;
use crate::{
    api::account::{AccountView, my_account, my_data},
    components::{
        form::{CheckField, PasswordField, PortalForm, SubmitButton, TextField},
        loaded::when_loaded,
    },
    domain::account::PersonName,
    i18n::texts,
    wiring::FormId,
};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;

/// `/konto`
#[component]
pub fn AccountPage() -> impl IntoView {
    let t = texts();
    let account = OnceResource::new(my_account());
    view! {
        <Title text=t.a.account_title />
        <div class="wrap page narrow">
            <h1>{t.a.account_title}</h1>
            <DoneNotice />
            {when_loaded(account, |a| view! { <Account account=a /> })}
        </div>
    }
}

#[component]
fn Account(account: AccountView) -> impl IntoView {
    let t = texts();
    let AccountView { name, email, phone, role, kommun, .. } = account;
    view! {
        <dl class="facts">
            <dt>{t.a.email}</dt>
            <dd>{email}</dd>
            <dt>{t.a.role}</dt>
            <dd>{t.a.role_name(role)}</dd>
            {kommun.map(|k| view! { <dt>{t.a.kommun}</dt><dd>{k}</dd> })}
        </dl>
        <section aria-labelledby="uppgifter">
            <h2 id="uppgifter">{t.a.profile_heading}</h2>
            <PortalForm action=crate::api::account::UpdateProfile::PATH id=FormId::Profile>
                <TextField name="name" label=t.a.name autocomplete="name" required=true value=name.clone() maxlength=PersonName::MAX_CHARS />
                <TextField name="phone" label=t.a.phone kind="tel" autocomplete="tel" hint=t.a.optional value=phone.clone().unwrap_or_default() />
                <SubmitButton label=t.a.save_button />
            </PortalForm>
        </section>
        <section aria-labelledby="byt-losenord">
            <h2 id="byt-losenord">{t.a.change_password_heading}</h2>
            <PortalForm action=crate::api::account::ChangePassword::PATH id=FormId::ChangePassword>
                <PasswordField name="current_password" label=t.a.current_password autocomplete="current-password" />
                <PasswordField name="new_password" label=t.a.new_password autocomplete="new-password" hint=t.a.password_hint />
                <SubmitButton label=t.a.change_password_button />
            </PortalForm>
        </section>
        <section aria-labelledby="data">
            <h2 id="data">{t.a.data_heading}</h2>
            <ul>
                <li><a href="/konto/mina-uppgifter">{t.a.my_data_title}</a></li>
                <li><a href="/konto/radera">{t.a.delete_title}</a></li>
            </ul>
        </section>
    }
}

/// `/konto/mina-uppgifter`: everything stored about the person.
#[component]
pub fn MyDataPage() -> impl IntoView {
    let t = texts();
    let data = OnceResource::new(my_data());
    let when = t.long_date_time;
    view! {
        <Title text=t.a.my_data_title />
        <div class="wrap page">
            <h1>{t.a.my_data_title}</h1>
            <p class="lead">{t.a.my_data_intro}</p>
            <p><a href="/konto/mina-uppgifter.json" download="mina-uppgifter.json" rel="external">{t.a.my_data_download}</a></p>
            {when_loaded(data, move |d| {
                    view! {
                        <h2>{t.a.my_data_account}</h2>
                        <dl class="facts">
                            <dt>{t.a.name}</dt><dd>{d.account.name.clone()}</dd>
                            <dt>{t.a.email}</dt><dd>{d.account.email.clone()}</dd>
                            <dt>{t.a.phone}</dt><dd>{d.account.phone.clone().unwrap_or_else(|| "–".into())}</dd>
                            <dt>{t.a.role}</dt><dd>{t.a.role_name(d.account.role)}</dd>
                            {d.account.kommun.clone().map(|k| view! { <dt>{t.a.kommun}</dt><dd>{k}</dd> })}
                            <dt>{t.a.created}</dt><dd>{when(d.account.created_local)}</dd>
                            <dt>{t.a.email_confirmed}</dt><dd>{if d.email_confirmed { t.a.yes } else { t.a.no }}</dd>
                            <dt>{t.a.password}</dt><dd>{t.a.password_stored}</dd>
                            <dt>{t.a.failed_log_ins}</dt><dd>{d.failed_log_ins}</dd>
                        </dl>
                        {d.employer.clone().map(|e| view! { <p>{(t.j.employer_current)(Some(&e))}</p> })}
                        {(!d.jury_rounds.is_empty()).then(|| view! {
                            <h2>{t.a.jury_rounds}</h2>
                            <ul>{d.jury_rounds.iter().map(|r| view! { <li>{r.clone()}</li> }).collect_view()}</ul>
                        })}
                        <h2 id="sessioner">{t.a.sessions_heading}</h2>
                        <div class="table-scroll" tabindex="0" role="region" aria-labelledby="sessioner">
                        <table>
                            <caption class="visually-hidden">{t.a.sessions_heading}</caption>
                            <thead><tr><th scope="col">{t.a.session_started}</th><th scope="col">{t.a.session_last_used}</th></tr></thead>
                            <tbody>
                                {d.sessions.iter().map(|(a, b)| view! { <tr><td>{when(*a)}</td><td>{when(*b)}</td></tr> }).collect_view()}
                            </tbody>
                        </table>
                        </div>
                        <h2 id="utskick">{t.a.mails_heading}</h2>
                        <div class="table-scroll" tabindex="0" role="region" aria-labelledby="utskick">
                        <table>
                            <caption class="visually-hidden">{t.a.mails_heading}</caption>
                            <thead><tr><th scope="col">{t.a.mail_subject}</th><th scope="col">{t.a.mail_when}</th></tr></thead>
                            <tbody>
                                {d.mails.iter().map(|(s, at)| view! { <tr><td>{s.clone()}</td><td>{when(*at)}</td></tr> }).collect_view()}
                            </tbody>
                        </table>
                        </div>
                    }
                })}
        </div>
    }
}

/// `/konto/radera`
#[component]
pub fn DeletePage() -> impl IntoView {
    let t = texts();
    view! {
        <Title text=t.a.delete_title />
        <div class="wrap page narrow">
            <h1>{t.a.delete_title}</h1>
            <p>{t.a.delete_body}</p>
            <PortalForm action=crate::api::account::DeleteAccount::PATH id=FormId::DeleteAccount>
                <PasswordField name="password" label=t.a.password autocomplete="current-password" />
                <CheckField name="confirm" label=t.a.delete_confirm />
                <SubmitButton label=t.a.delete_button />
            </PortalForm>
            <p><a href="/konto">{t.a.to_my_account}</a></p>
        </div>
    }
}
