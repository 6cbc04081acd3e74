//! The pages behind e-mailed links, and asking for one.

use crate::{
    api::organiser::people::invitation,
    components::{
        form::{PasswordField, PortalForm, SubmitButton, TextField},
        loaded::when_loaded,
    },
    domain::account::Role,
    i18n::texts,
    wiring::FormId,
};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

fn token_param() -> String {
    use_params_map().with_untracked(|p| p.get("token")).unwrap_or_default()
}

/// `/bekrafta/{token}`: a button, not an automatic confirmation, so that a
/// mail scanner opening the link does not use it up.
#[component]
pub fn ConfirmPage() -> impl IntoView {
    let t = texts();
    view! {
        <Title text=t.a.confirm_title />
        <div class="wrap page narrow">
            <h1>{t.a.confirm_title}</h1>
            <p>{t.a.confirm_body}</p>
            <PortalForm action=crate::api::account::ConfirmEmail::PATH id=FormId::ConfirmEmail>
                <input type="hidden" name="token" value=token_param() />
                <SubmitButton label=t.a.confirm_button />
            </PortalForm>
        </div>
    }
}

/// `/glomt-losenord`
#[component]
pub fn ForgotPasswordPage() -> impl IntoView {
    let t = texts();
    view! {
        <Title text=t.a.forgot_title />
        <div class="wrap page narrow">
            <h1>{t.a.forgot_title}</h1>
            <p>{t.a.forgot_body}</p>
            <PortalForm action=crate::api::account::RequestReset::PATH id=FormId::ForgotPassword>
                <TextField name="email" label=t.a.email kind="email" autocomplete="username" required=true />
                <SubmitButton label=t.a.forgot_button />
            </PortalForm>
        </div>
    }
}

/// `/glomt-losenord/skickat`: the same words whether or not the address has an account.
#[component]
pub fn ForgotSentPage() -> impl IntoView {
    let t = texts();
    view! {
        <Title text=t.a.forgot_sent_title />
        <div class="wrap page narrow">
            <h1>{t.a.forgot_sent_title}</h1>
            <p>{t.a.forgot_sent_body}</p>
            <p><a href="/logga-in">{t.a.log_in_link}</a></p>
        </div>
    }
}

/// `/aterstall/{token}`
#[component]
pub fn ResetPage() -> impl IntoView {
    let t = texts();
    view! {
        <Title text=t.a.reset_title />
        <div class="wrap page narrow">
            <h1>{t.a.reset_title}</h1>
            <PortalForm action=crate::api::account::ResetPassword::PATH id=FormId::ResetPassword>
                <input type="hidden" name="token" value=token_param() />
                <PasswordField name="password" label=t.a.new_password autocomplete="new-password" hint=t.a.password_hint />
                <SubmitButton label=t.a.reset_button />
            </PortalForm>
            <p><a href="/glomt-losenord">{t.a.new_link}</a></p>
        </div>
    }
}

/// `/inbjudan/{token}`: the invited juror or organiser chooses a password.
#[component]
pub fn InvitationPage() -> impl IntoView {
    let t = texts();
    let token = token_param();
    let found = OnceResource::new(invitation(token.clone()));
    view! {
        <Title text=t.a.invitation_title />
        <div class="wrap page narrow">
            <h1>{t.a.invitation_title}</h1>
            {when_loaded(found, move |found| match found {
                None => view! { <p class="notice notice-closed">{t.a.invitation_invalid}</p> }.into_any(),
                Some(inv) => {
                    let role = if inv.role == Role::Juror { t.a.role_juror } else { t.a.role_organiser };
                    let token = token.clone();
                    view! {
                        <p>{(t.a.invitation_body)(inv.invited_by.as_deref().unwrap_or(""), role, inv.round_title.as_deref())}</p>
                        <p>{t.a.email}": "<strong>{inv.email}</strong></p>
                        <PortalForm action=crate::api::organiser::people::AcceptInvitation::PATH id=FormId::AcceptInvitation>
                            <input type="hidden" name="token" value=token.clone() />
                            <TextField name="name" label=t.a.name autocomplete="name" required=true value=inv.name.clone() />
                            <TextField name="phone" label=t.a.phone kind="tel" autocomplete="tel" hint=t.a.optional />
                            <PasswordField name="password" label=t.a.password autocomplete="new-password" hint=t.a.password_hint />
                            <SubmitButton label=t.a.invitation_button />
                        </PortalForm>
                    }
                    .into_any()
                }
            })}
        </div>
    }
}
