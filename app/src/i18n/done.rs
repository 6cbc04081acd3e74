//! The confirmations after a form's work is done (`?klart=…`, `wiring::Done`),
//! one exhaustive `match` per language: a new notice needs both its texts.

use crate::wiring::Done;

pub(super) fn sv(done: Done) -> &'static str {
    match done {
        // Accounts
        Done::EmailConfirmed => "Din e-postadress är bekräftad. Nu kan du logga in.",
        Done::LoggedOut => "Du är utloggad.",
        Done::PasswordReset => "Ditt nya lösenord är sparat. Logga in med det.",
        Done::AccountCreated => "Ditt konto är skapat. Logga in med ditt nya lösenord.",
        Done::AccountDeleted => "Ditt konto är raderat.",
        Done::ProfileSaved => "Dina uppgifter är sparade.",
        Done::PasswordChanged => "Ditt lösenord är bytt. Andra inloggningar har avslutats.",
        Done::Invited => "Inbjudan är skickad.",
        // Applying
        // An application's draft and a round being prepared alike.
        Done::DraftSaved => "Utkastet är sparat.",
        Done::RoundDraftSaved => "Utkastet är sparat. Det syns inte för allmänheten förrän omgången öppnas.",
        Done::ApplicationReopened => {
            "Ansökan är öppnad för ändringar. Juryn läser den senast inskickade versionen tills ni skickar in igen."
        }
        Done::VersionRestored => "Versionen är återställd och är nu den senaste.",
        Done::ExtensionGranted => "Förlängningen är sparad. Kommunen kan skicka in fram till den nya tiden.",
        Done::MemberApproved => "Kontot är godkänt och kan nu skriva i kommunens ansökan.",
        Done::MemberRemoved => "Kontot kan inte längre skriva i kommunens ansökan.",
        // The jury
        Done::ReviewSaved => "Bedömningen är sparad.",
        Done::ReviewDone => "Bedömningen är klar. Nu ser du juryns poäng, kommentarer och diskussion.",
        Done::ReviewReopened => "Bedömningen är öppnad igen och kan ändras.",
        Done::ConflictDeclared => "Jävet är anmält. Du ser inte längre juryns arbete med den kommunens ansökan.",
        Done::Posted => "Inlägget är publicerat för juryn.",
        Done::Shortlisted => "Ansökan är föreslagen för nominering.",
        Done::Unshortlisted => "Förslaget är borttaget.",
        Done::CriteriaSaved => "Kriterierna och skalan är sparade.",
        Done::ReviewClosed => "Bedömningen är stängd. Juryn kan läsa men inte ändra.",
        Done::ReviewOpened => "Bedömningen är öppen igen.",
        Done::EmployerSaved => "Din arbetsgivare är sparad. Portalen flaggar troligt jäv utifrån den.",
        Done::ConflictConfirmed => {
            "Jävet är bekräftat. Du bedömer inte den kommunens ansökan och ser inget av juryns arbete med den."
        }
        Done::ConflictDismissed => "Du har svarat att det inte är jäv. Svaret och skälet syns för arrangören.",
        // Organising
        Done::StepTaken => "Omgången har gått vidare till nästa steg.",
        Done::DecisionSaved => "Beslutet är sparat.",
        Done::DecisionSavedSignOffsCleared => {
            "Beslutet är sparat. Där juryns val ändrades gäller godkännandena av motiveringen inte längre: juryn behöver godkänna den igen."
        }
        Done::DecisionReopened => "Beslutet är öppnat igen. Juryn kan ändra det innan det offentliggörs.",
        Done::InvitationResent => "Inbjudan är skickad igen med en ny länk. Den gamla länken fungerar inte längre.",
        Done::Seated => "Jurymedlemmen sitter nu i juryn för omgången.",
        Done::Unseated => "Jurymedlemmen är borttagen ur juryn. Hens bedömningar räknas inte längre.",
        Done::ReminderSent => "Påminnelsen är skickad till kommunerna med en ansökan som inte är inskickad.",
        Done::RoundCreated => "Den nya omgången är skapad som utkast. Den syns inte för allmänheten förrän den öppnas.",
        Done::RoundOpened => "Omgången är öppnad och syns nu på webbplatsen.",
        Done::RoundDeleted => "Utkastet är borttaget.",
        Done::AccessRemoved => "Åtkomsten är borttagen. Personen är utloggad och kan inte logga in.",
        Done::AccessRestored => "Personen har åtkomst igen och kan logga in.",
        // Accessibility
        Done::FeedbackSent => "Tack! Dina synpunkter är skickade till arrangören.",
        Done::StatementSaved => "Tillgänglighetsredogörelsen är sparad och publicerad.",
        // Motivations
        Done::MotivationSaved => "Motiveringen är sparad som en ny version.",
        Done::MotivationSavedSignOffsCleared => {
            "Motiveringen är sparad som en ny version. Godkännandena av den förra versionen gäller inte längre: de som hade godkänt den behöver läsa och godkänna igen."
        }
        Done::MotivationUnchanged => "Texten var oförändrad, så ingen ny version sparades.",
        Done::MotivationSigned => "Du har godkänt motiveringen.",
        // The kommun's context
        Done::PopulationImported => "Folkmängden är importerad. Juryn ser de nya siffrorna nu.",
        // Gallring
        Done::RetentionSaved => "Gallringstiderna är sparade.",
    }
}

pub(super) fn en(done: Done) -> &'static str {
    match done {
        // Accounts
        Done::EmailConfirmed => "Your e-mail address is confirmed. You can log in now.",
        Done::LoggedOut => "You are logged out.",
        Done::PasswordReset => "Your new password is saved. Log in with it.",
        Done::AccountCreated => "Your account is created. Log in with your new password.",
        Done::AccountDeleted => "Your account is deleted.",
        Done::ProfileSaved => "Your details are saved.",
        Done::PasswordChanged => "Your password is changed. Other log-ins have been ended.",
        Done::Invited => "The invitation is sent.",
        // Applying
        Done::DraftSaved => "The draft is saved.",
        Done::RoundDraftSaved => "The draft is saved. The public does not see it until the round opens.",
        Done::ApplicationReopened => {
            "The application is open for changes. The jury reads the last submitted version until you submit again."
        }
        Done::VersionRestored => "The version is restored and is now the latest.",
        Done::ExtensionGranted => "The extension is saved. The kommun can submit until the new time.",
        Done::MemberApproved => "The account is approved and can now write in the kommun's application.",
        Done::MemberRemoved => "The account can no longer write in the kommun's application.",
        // The jury
        Done::ReviewSaved => "The review is saved.",
        Done::ReviewDone => "The review is done. You now see the jury's scores, comments and discussion.",
        Done::ReviewReopened => "The review is open again and can be changed.",
        Done::ConflictDeclared => {
            "The conflict of interest is declared. You no longer see the jury's work on that kommun's application."
        }
        Done::Posted => "The post is published to the jury.",
        Done::Shortlisted => "The application is proposed for nomination.",
        Done::Unshortlisted => "The proposal is withdrawn.",
        Done::CriteriaSaved => "The criteria and the scale are saved.",
        Done::ReviewClosed => "The review is closed. The jury can read but not change.",
        Done::ReviewOpened => "The review is open again.",
        Done::EmployerSaved => "Your employer is saved. The portal flags a probable conflict of interest from it.",
        Done::ConflictConfirmed => {
            "The conflict of interest is confirmed. You do not review that kommun's application and see nothing of the jury's work on it."
        }
        Done::ConflictDismissed => {
            "You answered that it is no conflict of interest. The answer and the reason are shown to the organiser."
        }
        // Organising
        Done::StepTaken => "The round has moved on to the next step.",
        Done::DecisionSaved => "The decision is saved.",
        Done::DecisionSavedSignOffsCleared => {
            "The decision is saved. Where the jury's choice changed, the sign-offs of the motivation no longer count: the jury needs to sign it again."
        }
        Done::DecisionReopened => "The decision is open again. The jury can change it before it is announced.",
        Done::InvitationResent => "The invitation is sent again with a new link. The old link no longer works.",
        Done::Seated => "The juror now sits on the round's jury.",
        Done::Unseated => "The juror is off the jury. Their reviews no longer count.",
        Done::ReminderSent => "The reminder is sent to the kommuner whose application is not submitted.",
        Done::RoundCreated => "The new round is created as a draft. The public will not see it until it opens.",
        Done::RoundOpened => "The round is open and now on the website.",
        Done::RoundDeleted => "The draft is removed.",
        Done::AccessRemoved => "The access is removed. The person is logged out and cannot log in.",
        Done::AccessRestored => "The person has access again and can log in.",
        // Accessibility
        Done::FeedbackSent => "Thank you! Your feedback has been sent to the organiser.",
        Done::StatementSaved => "The accessibility statement is saved and published.",
        // Motivations
        Done::MotivationSaved => "The motivation is saved as a new version.",
        Done::MotivationSavedSignOffsCleared => {
            "The motivation is saved as a new version. The sign-offs of the previous version no longer count: those who had signed it need to read it and sign again."
        }
        Done::MotivationUnchanged => "The text had not changed, so no new version was saved.",
        Done::MotivationSigned => "You have signed off the motivation.",
        // The kommun's context
        Done::PopulationImported => "The population is imported. The jury sees the new figures now.",
        // Gallring
        Done::RetentionSaved => "The retention periods are saved.",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_done_notice_has_a_text_in_both_languages() {
        for done in Done::ALL {
            assert!(!sv(done).trim().is_empty(), "{done:?}");
            assert!(!en(done).trim().is_empty(), "{done:?}");
            assert!(sv(done) != en(done), "{done:?}");
        }
        assert_eq!(crate::i18n::Locale::Sv.texts().done(Done::LoggedOut), "Du är utloggad.");
        assert_eq!(crate::i18n::Locale::En.texts().done(Done::LoggedOut), "You are logged out.");
    }
}
