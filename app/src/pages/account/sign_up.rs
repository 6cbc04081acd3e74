use crate::{
    components::{
        form::{PasswordField, PortalForm, SubmitButton, TextField},
        kommun_list::KommunDatalist,
    },
    domain::account::PersonName,
    i18n::texts,
    wiring::FormId,
};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;

/// `/registrera`: an applicant's account, bound to their kommun.
#[component]
pub fn SignUpPage() -> impl IntoView {
    let t = texts();
    view! {
        <Title text=t.a.sign_up_title />
        <div class="wrap page narrow">
            <h1>{t.a.sign_up_title}</h1>
            <p class="lead">{t.a.sign_up_intro}</p>
            <KommunDatalist />
            <PortalForm action=crate::api::account::SignUp::PATH id=FormId::SignUp>
                <TextField name="name" label=t.a.name autocomplete="name" required=true maxlength=PersonName::MAX_CHARS />
                <TextField name="email" label=t.a.work_email kind="email" autocomplete="email" required=true hint=t.a.work_email_hint />
                <TextField name="kommun" label=t.a.kommun list="kommuner" autocomplete="off" required=true hint=t.a.kommun_hint />
                <TextField name="phone" label=t.a.phone kind="tel" autocomplete="tel" hint=t.a.optional />
                <PasswordField name="password" label=t.a.password autocomplete="new-password" hint=t.a.password_hint />
                <SubmitButton label=t.a.sign_up_button />
            </PortalForm>
            <p>{t.a.have_account}" "<a href="/logga-in">{t.a.log_in_link}</a></p>
        </div>
    }
}

/// `/registrera/skickat`
#[component]
pub fn SignUpSentPage() -> impl IntoView {
    let t = texts();
    view! {
        <Title text=t.a.sign_up_sent_title />
        <div class="wrap page narrow">
            <h1>{t.a.sign_up_sent_title}</h1>
            <p>{t.a.sign_up_sent_body}</p>
        </div>
    }
}
