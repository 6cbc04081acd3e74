use crate::{
    api::organiser::people::{PeopleOverview, Person, people},
    components::{
        form::{PortalForm, RadioField, SubmitButton, TextField, csrf_token},
        loaded::when_loaded,
    },
    domain::account::{PersonName, Role},
    i18n::texts,
    pages::account::DoneNotice,
    wiring::FormId,
};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;

/// `/arrangor/personer`: everyone with an account, open invitations, and the invitation form.
#[component]
pub fn PeoplePage() -> impl IntoView {
    let t = texts();
    let data = OnceResource::new(people());
    view! {
        <Title text=t.a.people_title />
        <div class="wrap page">
            <h1>{t.a.people_title}</h1>
            <DoneNotice />
            {when_loaded(data, |p| view! { <PeopleLists people=p /> })}
        </div>
    }
}

#[component]
fn PeopleLists(people: PeopleOverview) -> impl IntoView {
    let t = texts();
    let when = t.long_date_time;
    let PeopleOverview { people, invitations, rounds } = people;
    let roles = vec![
        (Role::Juror.code().to_owned(), t.a.role_juror.to_owned()),
        (Role::Organiser.code().to_owned(), t.a.role_organiser.to_owned()),
    ];
    let round_options: Vec<(String, String)> = rounds;
    let seat_rounds = round_options.clone();
    let waiting: Vec<Person> = people
        .iter()
        .filter(|p| p.role == Role::Applicant && !p.approved && p.email_confirmed && !p.blocked)
        .cloned()
        .collect();
    view! {
        {(!waiting.is_empty()).then(|| view! { <WaitingApplicants waiting /> })}
        <section aria-labelledby="bjud-in-rubrik">
            <h2 id="bjud-in-rubrik">{t.a.invite_heading}</h2>
            <p>{t.a.invite_intro}</p>
            <PortalForm action=crate::api::organiser::people::Invite::PATH id=FormId::Invite>
                <TextField name="name" label=t.a.name autocomplete="off" required=true maxlength=PersonName::MAX_CHARS />
                <TextField name="email" label=t.a.email kind="email" autocomplete="off" required=true />
                <RadioField name="role" legend=t.a.role options=roles.clone() />
                <RadioField name="round" legend=t.a.invite_round options=round_options.clone() />
                <SubmitButton label=t.a.invite_button />
            </PortalForm>
        </section>
        <section aria-labelledby="inbjudningar">
            <h2 id="inbjudningar">{t.a.invitations_heading}</h2>
            {if invitations.is_empty() {
                view! { <p>{t.a.invitations_none}</p> }.into_any()
            } else {
                view! {
                    <div class="table-scroll" tabindex="0" role="region" aria-labelledby="inbjudningar">
                        <table>
                            <thead><tr>
                                <th scope="col">{t.a.name}</th><th scope="col">{t.a.email}</th>
                                <th scope="col">{t.a.role}</th><th scope="col">{t.a.invite_round}</th>
                                <th scope="col">{t.a.invited_by}</th><th scope="col">{t.a.valid_until}</th>
                                <th scope="col">{t.o.resend_button}</th>
                            </tr></thead>
                            <tbody>
                                {invitations.into_iter().map(|i| view! {
                                    <tr>
                                        <td>{i.name.clone()}</td><td>{i.email.clone()}</td><td>{t.a.role_name(i.role)}</td>
                                        <td>{i.round_title.unwrap_or_else(|| "–".into())}</td>
                                        <td>{i.invited_by.unwrap_or_else(|| "–".into())}</td>
                                        <td>{if i.expired { t.a.expired.to_owned() } else { when(i.expires_local) }}</td>
                                        <td>
                                            <PlainButton action=crate::api::organiser::people::ResendInvitation::PATH field=("email", i.email.clone())
                                                label=t.o.resend_button who=i.name.clone() />
                                        </td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }.into_any()
            }}
        </section>
        <section aria-labelledby="konton">
            <h2 id="konton">{t.a.accounts_heading}</h2>
            <div class="table-scroll" tabindex="0" role="region" aria-labelledby="konton">
                <table>
                    <thead><tr>
                        <th scope="col">{t.a.name}</th><th scope="col">{t.a.email}</th><th scope="col">{t.a.role}</th>
                        <th scope="col">{t.a.kommun}</th><th scope="col">{t.a.email_confirmed}</th><th scope="col">{t.a.created}</th>
                        <th scope="col">{t.ap.approved_column}</th>
                        <th scope="col">{t.o.jury_column}</th>
                        <th scope="col">{t.o.access_column}</th>
                    </tr></thead>
                    <tbody>
                        {people.into_iter().map(|p| {
                            let membership = (p.role == Role::Applicant).then(|| view! { <Membership person=p.clone() /> });
                            let seats = (p.role == Role::Juror).then(|| view! { <JurySeats person=p.clone() rounds=seat_rounds.clone() /> });
                            let access = (!p.is_viewer).then(|| view! { <AccessButton person=p.clone() /> });
                            view! {
                            <tr>
                                <td>{p.name}</td>
                                <AddressCell email=p.email kommun_address=p.kommun_address />
                                <td>{t.a.role_name(p.role)}</td>
                                <td>{p.kommun.unwrap_or_else(|| "–".into())}</td>
                                <td>{if p.email_confirmed { t.a.yes } else { t.a.no }}</td>
                                <td>{when(p.created_local)}</td>
                                <td>{membership}</td>
                                <td>{seats}</td>
                                <td>{access}</td>
                            </tr>
                        }}).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
}

/// Confirmed applicants who cannot act for their kommun yet, the first of a kommun marked:
/// nobody but an organiser can let those in.
#[component]
fn WaitingApplicants(waiting: Vec<Person>) -> impl IntoView {
    let t = texts();
    view! {
        <section aria-labelledby="vantar-rubrik">
            <h2 id="vantar-rubrik">{t.a.waiting_heading}</h2>
            <p>{t.a.waiting_intro}</p>
            <div class="table-scroll" tabindex="0" role="region" aria-labelledby="vantar-rubrik">
                <table>
                    <thead><tr>
                        <th scope="col">{t.a.name}</th><th scope="col">{t.a.email}</th>
                        <th scope="col">{t.a.kommun}</th><th scope="col">{t.a.waiting_who}</th>
                        <th scope="col">{t.ap.approve_button}</th>
                    </tr></thead>
                    <tbody>
                        {waiting.into_iter().map(|p| view! {
                            <tr>
                                <td>{p.name.clone()}</td>
                                <AddressCell email=p.email.clone() kommun_address=p.kommun_address />
                                <td>{p.kommun.clone().unwrap_or_else(|| "–".into())}</td>
                                <td>{if p.first_of_kommun { t.a.waiting_first } else { t.a.waiting_colleagues }}</td>
                                <td>
                                    <PlainButton action=crate::api::application::ApproveApplicant::PATH field=("user", p.id.clone())
                                        label=t.ap.approve_button who=p.name.clone() />
                                </td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
}

/// The person's address, marked when an applicant's is not at their kommun's own domain.
#[component]
fn AddressCell(email: String, kommun_address: Option<bool>) -> impl IntoView {
    let other_domain = kommun_address == Some(false);
    view! {
        <td>
            {email}
            {other_domain.then(|| view! { <span class="small">{format!(" ({})", texts().a.not_kommun_address)}</span> })}
        </td>
    }
}

/// An applicant's right to act for their kommun, and the button that changes it.
#[component]
fn Membership(person: Person) -> impl IntoView {
    let t = texts();
    let (action, label) = if person.approved {
        (crate::api::application::WithdrawApplicant::PATH, t.ap.withdraw_button)
    } else {
        (crate::api::application::ApproveApplicant::PATH, t.ap.approve_button)
    };
    view! {
        {if person.approved { t.a.yes } else { t.ap.colleague_waiting }}
        <PlainButton action field=("user", person.id) label who=person.name />
    }
}

/// Whether the person may log in, and the button that takes access away or gives it back.
#[component]
fn AccessButton(person: Person) -> impl IntoView {
    let t = texts();
    let (action, label) = if person.blocked {
        (crate::api::organiser::people::RestoreAccess::PATH, t.o.restore_access_button)
    } else {
        (crate::api::organiser::people::RemoveAccess::PATH, t.o.remove_access_button)
    };
    view! {
        {person.blocked.then_some(t.o.access_removed)}
        <PlainButton action field=("user", person.id) label who=person.name />
    }
}

/// A juror's seat on each round's jury, with the button that changes it.
#[component]
fn JurySeats(person: Person, rounds: Vec<(String, String)>) -> impl IntoView {
    let t = texts();
    rounds
        .into_iter()
        .map(|(id, title)| {
            let seated = person.jury_rounds.contains(&id);
            let label = if seated { (t.o.unseat_button)(&title) } else { (t.o.seat_button)(&title) };
            view! {
                <form method="post" action=crate::api::organiser::people::SetJurySeat::PATH class="inline-form">
                    <input type="hidden" name="csrf" value=csrf_token() />
                    <input type="hidden" name="user" value=person.id.clone() />
                    <input type="hidden" name="round" value=id />
                    <input type="hidden" name="seat" value=if seated { "nej" } else { "ja" } />
                    <button type="submit" class="button button-secondary">
                        {label}<span class="visually-hidden">{format!(": {}", person.name)}</span>
                    </button>
                </form>
            }
        })
        .collect_view()
}

/// A one-button form (sent as a plain post) acting on the named person.
#[component]
fn PlainButton(action: &'static str, field: (&'static str, String), label: &'static str, who: String) -> impl IntoView {
    view! {
        <form method="post" action=action class="inline-form">
            <input type="hidden" name="csrf" value=csrf_token() />
            <input type="hidden" name=field.0 value=field.1 />
            <button type="submit" class="button button-secondary">
                {label}<span class="visually-hidden">{format!(" {who}")}</span>
            </button>
        </form>
    }
}
