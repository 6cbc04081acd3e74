//! What can be wrong with a submitted form, as one type: the domain's own problems
//! and the form's. Below both the server functions that find them (`api::form`)
//! and the texts that say them (`i18n`), so neither reaches into the other.

use crate::{
    domain::{
        accessibility::StatementProblem, account::AccountError, application::Refusal, employer::EmployerProblem,
        kommun::KommunChoiceError, lifecycle::OrganiseProblem, motivation::MotivationProblem,
        population::ImportProblem, review::ReviewProblem,
    },
    error::AppError,
};
use serde::{Deserialize, Serialize};

/// What can be wrong with a form, shown in the visitor's language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Problem {
    Account(AccountError),
    Kommun(KommunChoiceError),
    /// Sign-up with an address that already has an account.
    EmailTaken,
    /// Wrong e-mail or password, without saying which; or the right password of an
    /// account not confirmed yet, which gets a new link without being told apart.
    LogInFailed,
    /// The right password for an account whose access an organiser has taken away.
    AccessRemoved,
    Throttled {
        minutes: i64,
    },
    /// Too many sign-ups, reset requests or messages from one client address.
    TooManyRequests {
        minutes: i64,
    },
    /// The current password, asked before a change, was wrong.
    WrongPassword,
    /// The passwords typed twice differ.
    PasswordsDiffer,
    /// An e-mailed link that is expired, used or unknown.
    LinkInvalid,
    /// Choose whether the invited person is a juror or an organiser.
    RoleMissing,
    /// Choose a round for a juror.
    RoundMissing,
    /// The only organiser cannot delete their account: nobody could run the award.
    LastOrganiser,
    /// Deleting the account needs the box ticked.
    NotConfirmedDeletion,
    /// The server could not do it now; nothing was saved.
    Failed(AppError),
    Apply(ApplyProblem),
    Review(ReviewProblem),
    Employer(EmployerProblem),
    Statement(StatementProblem),
    Retention(crate::domain::retention::PeriodProblem),
    Organise(OrganiseProblem),
    Motivation(MotivationProblem),
    Population(ImportProblem),
}

/// What keeps an action on an application, or a deadline extension, from being done.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ApplyProblem {
    Refused(Refusal),
    /// Something must be filled in or shortened first (listed on the page).
    NotReady,
    /// A version to restore that does not exist.
    UnknownVersion,
    /// A submit form from before the application was reopened.
    OutdatedForm,
    InvalidDate,
    InvalidTime,
    ReasonMissing,
    /// An extension must end after the round's own deadline.
    ExtensionNotLater,
}

impl From<MotivationProblem> for Problem {
    fn from(problem: MotivationProblem) -> Problem {
        Problem::Motivation(problem)
    }
}

impl From<ApplyProblem> for Problem {
    fn from(problem: ApplyProblem) -> Self {
        Problem::Apply(problem)
    }
}

impl From<AccountError> for Problem {
    fn from(err: AccountError) -> Self {
        Problem::Account(err)
    }
}
