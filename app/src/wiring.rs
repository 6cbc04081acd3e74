//! The names a server function and a page must agree on, as types: the done
//! notice a redirect names (`?klart=…`), and the id of the form whose problems
//! come back. Pure Rust, shared by the server functions, the pages and the texts.

/// A confirmation after a form's work is done: the server function's redirect
/// names it (`?klart=code`, see `api::form::done_href`) and `DoneNotice` shows
/// its text (`i18n`, one exhaustive `match` per language).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Done {
    EmailConfirmed,
    LoggedOut,
    PasswordReset,
    AccountCreated,
    AccountDeleted,
    ProfileSaved,
    PasswordChanged,
    Invited,
    /// An application's draft.
    DraftSaved,
    /// A round being prepared: saved, and not yet public.
    RoundDraftSaved,
    ApplicationReopened,
    VersionRestored,
    ExtensionGranted,
    MemberApproved,
    MemberRemoved,
    ReviewSaved,
    ReviewDone,
    ReviewReopened,
    ConflictDeclared,
    Posted,
    Shortlisted,
    Unshortlisted,
    CriteriaSaved,
    ReviewClosed,
    ReviewOpened,
    EmployerSaved,
    ConflictConfirmed,
    ConflictDismissed,
    StepTaken,
    DecisionSaved,
    DecisionSavedSignOffsCleared,
    DecisionReopened,
    InvitationResent,
    Seated,
    Unseated,
    ReminderSent,
    RoundCreated,
    RoundOpened,
    RoundDeleted,
    AccessRemoved,
    AccessRestored,
    FeedbackSent,
    StatementSaved,
    MotivationSaved,
    MotivationSavedSignOffsCleared,
    MotivationUnchanged,
    MotivationSigned,
    PopulationImported,
    RetentionSaved,
}

impl Done {
    /// The query parameter that names it.
    pub const PARAM: &'static str = "klart";

    /// Every notice, which `from_code` searches.
    pub const ALL: [Done; 49] = [
        Done::EmailConfirmed,
        Done::LoggedOut,
        Done::PasswordReset,
        Done::AccountCreated,
        Done::AccountDeleted,
        Done::ProfileSaved,
        Done::PasswordChanged,
        Done::Invited,
        Done::DraftSaved,
        Done::RoundDraftSaved,
        Done::ApplicationReopened,
        Done::VersionRestored,
        Done::ExtensionGranted,
        Done::MemberApproved,
        Done::MemberRemoved,
        Done::ReviewSaved,
        Done::ReviewDone,
        Done::ReviewReopened,
        Done::ConflictDeclared,
        Done::Posted,
        Done::Shortlisted,
        Done::Unshortlisted,
        Done::CriteriaSaved,
        Done::ReviewClosed,
        Done::ReviewOpened,
        Done::EmployerSaved,
        Done::ConflictConfirmed,
        Done::ConflictDismissed,
        Done::StepTaken,
        Done::DecisionSaved,
        Done::DecisionSavedSignOffsCleared,
        Done::DecisionReopened,
        Done::InvitationResent,
        Done::Seated,
        Done::Unseated,
        Done::ReminderSent,
        Done::RoundCreated,
        Done::RoundOpened,
        Done::RoundDeleted,
        Done::AccessRemoved,
        Done::AccessRestored,
        Done::FeedbackSent,
        Done::StatementSaved,
        Done::MotivationSaved,
        Done::MotivationSavedSignOffsCleared,
        Done::MotivationUnchanged,
        Done::MotivationSigned,
        Done::PopulationImported,
        Done::RetentionSaved,
    ];

    /// The code in the address, `?klart=code`.
    pub fn code(self) -> &'static str {
        match self {
            Done::EmailConfirmed => "bekraftad",
            Done::LoggedOut => "utloggad",
            Done::PasswordReset => "aterstallt",
            Done::AccountCreated => "konto-skapat",
            Done::AccountDeleted => "raderat",
            Done::ProfileSaved => "sparat",
            Done::PasswordChanged => "losenord",
            Done::Invited => "inbjuden",
            Done::DraftSaved => "utkast-sparat",
            Done::RoundDraftSaved => "omgang-utkast-sparat",
            Done::ApplicationReopened => "oppnad",
            Done::VersionRestored => "aterstalld",
            Done::ExtensionGranted => "forlangt",
            Done::MemberApproved => "godkand",
            Done::MemberRemoved => "borttagen",
            Done::ReviewSaved => "bedomning-sparad",
            Done::ReviewDone => "bedomning-klar",
            Done::ReviewReopened => "bedomning-oppnad",
            Done::ConflictDeclared => "jav-anmalt",
            Done::Posted => "inlagg",
            Done::Shortlisted => "markerad",
            Done::Unshortlisted => "avmarkerad",
            Done::CriteriaSaved => "kriterier-sparade",
            Done::ReviewClosed => "bedomning-stangd",
            Done::ReviewOpened => "bedomning-oppen",
            Done::EmployerSaved => "arbetsgivare-sparad",
            Done::ConflictConfirmed => "jav-bekraftat",
            Done::ConflictDismissed => "jav-avfardat",
            Done::StepTaken => "steg-taget",
            Done::DecisionSaved => "beslut-sparat",
            Done::DecisionSavedSignOffsCleared => "beslut-sparat-godkannanden-borttagna",
            Done::DecisionReopened => "beslut-oppnat",
            Done::InvitationResent => "inbjudan-igen",
            Done::Seated => "i-juryn",
            Done::Unseated => "ur-juryn",
            Done::ReminderSent => "paminnelse-skickad",
            Done::RoundCreated => "omgang-skapad",
            Done::RoundOpened => "omgang-oppnad",
            Done::RoundDeleted => "omgang-borttagen",
            Done::AccessRemoved => "atkomst-borttagen",
            Done::AccessRestored => "atkomst-atergiven",
            Done::FeedbackSent => "synpunkt-skickad",
            Done::StatementSaved => "redogorelse-sparad",
            Done::MotivationSaved => "motivering-sparad",
            Done::MotivationSavedSignOffsCleared => "motivering-sparad-godkannanden-borttagna",
            Done::MotivationUnchanged => "motivering-oforandrad",
            Done::MotivationSigned => "motivering-godkand",
            Done::PopulationImported => "folkmangd-importerad",
            Done::RetentionSaved => "gallring-sparad",
        }
    }

    pub fn from_code(code: &str) -> Option<Done> {
        Done::ALL.into_iter().find(|done| done.code() == code)
    }
}

/// A form whose problems a server function names (`api::form::Problems::new`)
/// and the page renders as the form's `id` (`components::form::PortalForm`), so
/// that the problems of a plain post come back to this form only. A few are
/// one-button forms without an id on the page; their problems have no form to go to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FormId {
    // Accounts
    SignUp,
    ConfirmEmail,
    LogIn,
    LogOut,
    ForgotPassword,
    ResetPassword,
    Profile,
    ChangePassword,
    DeleteAccount,
    AcceptInvitation,
    // Applying
    SubmitApplication,
    ReopenApplication,
    RestoreVersion,
    /// A one-button form (no id on the page): letting an applicant act for their kommun.
    ApproveMember,
    /// A one-button form (no id on the page): taking that away.
    RemoveMember,
    // The jury
    Review,
    Discussion,
    Shortlist,
    DeclareConflict,
    AnswerFlag,
    Employer,
    Motivation,
    SignMotivation,
    // Organising
    Invite,
    /// One-button forms (no id on the page) in the people page's lists.
    ResendInvitation,
    JurySeat,
    Access,
    Remind,
    Extension,
    NewRound,
    DraftRound,
    OpenRound,
    DeleteRound,
    Step,
    StepBack,
    Decision,
    Criteria,
    CloseReview,
    PopulationImport,
    Retention,
    // Accessibility
    Feedback,
    Statement,
}

impl FormId {
    pub const ALL: [FormId; 42] = [
        FormId::SignUp,
        FormId::ConfirmEmail,
        FormId::LogIn,
        FormId::LogOut,
        FormId::ForgotPassword,
        FormId::ResetPassword,
        FormId::Profile,
        FormId::ChangePassword,
        FormId::DeleteAccount,
        FormId::AcceptInvitation,
        FormId::SubmitApplication,
        FormId::ReopenApplication,
        FormId::RestoreVersion,
        FormId::ApproveMember,
        FormId::RemoveMember,
        FormId::Review,
        FormId::Discussion,
        FormId::Shortlist,
        FormId::DeclareConflict,
        FormId::AnswerFlag,
        FormId::Employer,
        FormId::Motivation,
        FormId::SignMotivation,
        FormId::Invite,
        FormId::ResendInvitation,
        FormId::JurySeat,
        FormId::Access,
        FormId::Remind,
        FormId::Extension,
        FormId::NewRound,
        FormId::DraftRound,
        FormId::OpenRound,
        FormId::DeleteRound,
        FormId::Step,
        FormId::StepBack,
        FormId::Decision,
        FormId::Criteria,
        FormId::CloseReview,
        FormId::PopulationImport,
        FormId::Retention,
        FormId::Feedback,
        FormId::Statement,
    ];

    /// The form's `id` on the page, and in its problems.
    pub fn as_str(self) -> &'static str {
        match self {
            FormId::SignUp => "registrera",
            FormId::ConfirmEmail => "bekrafta",
            FormId::LogIn => "logga-in",
            FormId::LogOut => "logga-ut",
            FormId::ForgotPassword => "glomt-losenord",
            FormId::ResetPassword => "aterstall",
            FormId::Profile => "profil",
            FormId::ChangePassword => "losenord",
            FormId::DeleteAccount => "radera",
            FormId::AcceptInvitation => "inbjudan",
            FormId::SubmitApplication => "skicka-in",
            FormId::ReopenApplication => "oppna-igen",
            FormId::RestoreVersion => "aterstall-version",
            // The same id as the motivation's sign-off: never on the same page.
            FormId::ApproveMember => "godkann",
            FormId::RemoveMember => "ta-bort",
            FormId::Review => "bedomning-form",
            FormId::Discussion => "diskussion-form",
            FormId::Shortlist => "kortlista-form",
            FormId::DeclareConflict => "jav",
            FormId::AnswerFlag => "trolig-jav",
            FormId::Employer => "arbetsgivare",
            FormId::Motivation => "motivering",
            FormId::SignMotivation => "godkann",
            FormId::Invite => "bjud-in",
            FormId::ResendInvitation => "inbjudningar",
            FormId::JurySeat => "jury",
            FormId::Access => "atkomst",
            // "paminn" is the heading of its section.
            FormId::Remind => "paminn-form",
            FormId::Extension => "forlang",
            FormId::NewRound => "ny-omgang",
            FormId::DraftRound => "utkast",
            FormId::OpenRound => "oppna-omgang",
            FormId::DeleteRound => "ta-bort-omgang",
            FormId::Step => "steg",
            FormId::StepBack => "steg-tillbaka",
            FormId::Decision => "beslut",
            FormId::Criteria => "kriterier",
            FormId::CloseReview => "stang-bedomning",
            FormId::PopulationImport => "folkmangd-import",
            FormId::Retention => "gallring",
            FormId::Feedback => "synpunkter-form",
            FormId::Statement => "redogorelse",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn every_done_notice_comes_back_from_its_code_and_no_two_share_one() {
        for done in Done::ALL {
            assert_eq!(Done::from_code(done.code()), Some(done), "{done:?}");
        }
        let codes: HashSet<_> = Done::ALL.iter().map(|d| d.code()).collect();
        assert_eq!(codes.len(), Done::ALL.len());
        assert_eq!(Done::from_code(""), None);
        assert_eq!(Done::from_code("okand"), None);
    }

    #[test]
    fn form_ids_are_plain_and_shared_only_by_forms_on_different_pages() {
        for form in FormId::ALL {
            let id = form.as_str();
            assert!(!id.is_empty() && id.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'), "{form:?}");
        }
        let ids: HashSet<_> = FormId::ALL.iter().map(|f| f.as_str()).collect();
        // The motivation's sign-off and a kommun member's approval.
        assert_eq!(ids.len(), FormId::ALL.len() - 1);
        assert_eq!(FormId::ApproveMember.as_str(), FormId::SignMotivation.as_str());
    }
}
