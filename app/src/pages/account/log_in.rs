use super::DoneNotice;
use crate::{
    components::{
        form::{PasswordField, PortalForm, SubmitButton, TextField},
        islands::ForgetUnsent,
    },
    i18n::{safe_return_path, texts},
    wiring::FormId,
};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// `/logga-in`
#[component]
pub fn LogInPage() -> impl IntoView {
    let t = texts();
    let query = use_query_map();
    let back = query.with_untracked(|q| q.get("tillbaka")).map(|b| safe_return_path(&b).to_owned());
    view! {
        <Title text=t.a.log_in_title />
        // Whoever logs in next in this tab may be someone else: nothing unsent of the
        // last person's is put into their forms.
        <ForgetUnsent />
        <div class="wrap page narrow">
            <h1>{t.a.log_in_title}</h1>
            <DoneNotice />
            <PortalForm action=crate::api::account::LogIn::PATH id=FormId::LogIn>
                <input type="hidden" name="tillbaka" value=back.clone().unwrap_or_default() />
                <TextField name="email" label=t.a.email kind="email" autocomplete="username" required=true />
                <PasswordField name="password" label=t.a.password autocomplete="current-password" />
                <SubmitButton label=t.a.log_in_button />
            </PortalForm>
            <p><a href="/glomt-losenord">{t.a.forgot_link}</a></p>
            <p>{t.a.no_account}" "<a href="/registrera">{t.a.sign_up_link}</a></p>
        </div>
    }
}
