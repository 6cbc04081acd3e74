//! Who may do what: the one policy every route and server function asks. It
//! denies unless the role and the object (kommun, round) allow.

use super::account::Role;
use serde::{Deserialize, Serialize};

/// The person behind a request, as the session says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Viewer {
    pub user_id: String,
    pub name: String,
    pub email: String,
    pub role: Role,
    /// The applicant's kommun (code and name); none for other roles.
    pub kommun: Option<(String, String)>,
    /// An applicant acts for the kommun only once approved by a colleague or an organiser.
    pub approved: bool,
    /// The rounds a juror is assigned to.
    pub jury_rounds: Vec<String>,
}

/// What a page or a server function requires of the person asking.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Everyone, logged in or not.
    Public,
    /// Any logged-in person, whatever the role.
    SignedIn,
    Applicant,
    Juror,
    /// The jury's pages: jurors and organisers (who read everything and score nothing).
    Jury,
    Organiser,
}

/// Why a request is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Denied {
    /// Nobody is logged in: log in and try again.
    NotSignedIn,
    /// Logged in, but this is not for them.
    Forbidden,
}

pub fn check(access: Access, viewer: Option<&Viewer>) -> Result<(), Denied> {
    let Some(viewer) = viewer else {
        return if access == Access::Public { Ok(()) } else { Err(Denied::NotSignedIn) };
    };
    let allowed = match access {
        Access::Public | Access::SignedIn => true,
        Access::Applicant => viewer.role == Role::Applicant,
        Access::Juror => viewer.role == Role::Juror,
        Access::Jury => matches!(viewer.role, Role::Juror | Role::Organiser),
        Access::Organiser => viewer.role == Role::Organiser,
    };
    if allowed { Ok(()) } else { Err(Denied::Forbidden) }
}

/// A kommun's own data (its application): only its approved applicants.
/// Jurors and organisers read applications through their rounds, never through this.
pub fn may_act_for_kommun(viewer: &Viewer, kommun_kod: &str) -> bool {
    viewer.role == Role::Applicant
        && viewer.approved
        && viewer.kommun.as_ref().is_some_and(|(code, _)| code == kommun_kod)
}

/// Whether a new applicant acts for their kommun as soon as their address is
/// confirmed: only the first for the kommun, and only from the kommun's own
/// domain (`kommun::address_of_kommun`), since anyone may type a kommun's name.
/// Everyone else waits for an approved colleague or, for a kommun with none, an organiser.
pub fn acts_at_sign_up(kommun_has_approved_applicant: bool, address_at_kommun_domain: bool) -> bool {
    !kommun_has_approved_applicant && address_at_kommun_domain
}

/// An applicant who can let a newcomer of their kommun in, and so holds the kommun:
/// approved, with a confirmed address, not blocked (`storage::users::has_approved_applicant`
/// asks the same of the database).
pub fn lets_colleagues_in(approved: bool, email_confirmed: bool, blocked: bool) -> bool {
    approved && email_confirmed && !blocked
}

/// Letting a waiting applicant act for their kommun: an organiser, or an
/// approved applicant of the same kommun.
pub fn may_approve(viewer: &Viewer, kommun_kod: &str) -> bool {
    viewer.role == Role::Organiser || may_act_for_kommun(viewer, kommun_kod)
}

/// A round's applications and reviews: its assigned jurors and the organisers.
pub fn may_review_round(viewer: &Viewer, round_id: &str) -> bool {
    match viewer.role {
        Role::Organiser => true,
        Role::Juror => viewer.jury_rounds.iter().any(|r| r == round_id),
        Role::Applicant => false,
    }
}

/// Rounds, people and invitations.
pub fn may_manage(viewer: &Viewer) -> bool {
    viewer.role == Role::Organiser
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(role: Role, kommun: Option<&str>, rounds: &[&str]) -> Viewer {
        Viewer {
            user_id: "u".into(),
            name: "N".into(),
            email: "n@example.se".into(),
            role,
            kommun: kommun.map(|k| (k.to_owned(), "Namn".to_owned())),
            approved: true,
            jury_rounds: rounds.iter().map(|r| r.to_string()).collect(),
        }
    }

    #[test]
    fn anonymous_visitors_reach_only_public_things() {
        assert_eq!(check(Access::Public, None), Ok(()));
        for access in [Access::SignedIn, Access::Applicant, Access::Juror, Access::Jury, Access::Organiser] {
            assert_eq!(check(access, None), Err(Denied::NotSignedIn), "{access:?}");
        }
    }

    #[test]
    fn each_role_reaches_its_own_things_only() {
        let applicant = person(Role::Applicant, Some("0880"), &[]);
        let juror = person(Role::Juror, None, &["r1"]);
        let organiser = person(Role::Organiser, None, &[]);
        for (viewer, own) in [(&applicant, Access::Applicant), (&juror, Access::Juror), (&organiser, Access::Organiser)]
        {
            for access in [Access::Applicant, Access::Juror, Access::Organiser] {
                let expected = if access == own { Ok(()) } else { Err(Denied::Forbidden) };
                assert_eq!(check(access, Some(viewer)), expected, "{:?} asking for {access:?}", viewer.role);
            }
            assert_eq!(check(Access::SignedIn, Some(viewer)), Ok(()));
            let jury = if viewer.role == Role::Applicant { Err(Denied::Forbidden) } else { Ok(()) };
            assert_eq!(check(Access::Jury, Some(viewer)), jury, "{:?} asking for the jury's pages", viewer.role);
            assert_eq!(check(Access::Public, Some(viewer)), Ok(()));
        }
    }

    #[test]
    fn an_applicant_acts_for_their_own_kommun_only() {
        let kalmar = person(Role::Applicant, Some("0880"), &[]);
        assert!(may_act_for_kommun(&kalmar, "0880"));
        assert!(!may_act_for_kommun(&kalmar, "0182"), "Kalmar's applicant must not act for Nacka");
        assert!(!may_act_for_kommun(&person(Role::Organiser, None, &[]), "0880"));
        assert!(!may_act_for_kommun(&person(Role::Juror, None, &["r1"]), "0880"));
    }

    #[test]
    fn a_waiting_applicant_acts_for_no_kommun_until_a_colleague_or_an_organiser_approves() {
        let waiting = Viewer { approved: false, ..person(Role::Applicant, Some("0880"), &[]) };
        assert!(!may_act_for_kommun(&waiting, "0880"));
        assert!(!may_approve(&waiting, "0880"), "nobody approves themselves");
        let colleague = person(Role::Applicant, Some("0880"), &[]);
        assert!(may_approve(&colleague, "0880"));
        assert!(!may_approve(&colleague, "0182"), "only for their own kommun");
        assert!(may_approve(&person(Role::Organiser, None, &[]), "0182"));
        assert!(!may_approve(&person(Role::Juror, None, &["r1"]), "0880"));
    }

    #[test]
    fn a_juror_reviews_only_assigned_rounds() {
        let juror = person(Role::Juror, None, &["r1"]);
        assert!(may_review_round(&juror, "r1"));
        assert!(!may_review_round(&juror, "r2"));
        assert!(may_review_round(&person(Role::Organiser, None, &[]), "r2"));
        assert!(!may_review_round(&person(Role::Applicant, Some("0880"), &[]), "r1"));
    }

    #[test]
    fn only_organisers_manage() {
        assert!(may_manage(&person(Role::Organiser, None, &[])));
        assert!(!may_manage(&person(Role::Juror, None, &["r1"])));
        assert!(!may_manage(&person(Role::Applicant, Some("0880"), &[])));
    }
}
