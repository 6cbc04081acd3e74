//! The English texts of the jury's work, and its problem messages.

use super::JuryTexts;
use crate::domain::{
    employer::{EmployerProblem, ORGANISATION_LIMIT},
    kommun::KommunChoiceError,
    review::{ReviewPhase, ReviewProblem},
};

pub(in crate::i18n) fn employer_problem_en(problem: &EmployerProblem) -> String {
    match problem {
        EmployerProblem::KindMissing => "Choose what kind of employer you have.".into(),
        EmployerProblem::Kommun(KommunChoiceError::Empty) => "Choose the kommun from the list.".into(),
        EmployerProblem::Kommun(KommunChoiceError::Unknown(typed)) => {
            format!("There is no kommun called “{typed}”. Choose the kommun from the list.")
        }
        EmployerProblem::RegionMissing => "Choose the region's län from the list.".into(),
        EmployerProblem::NameMissing => "Write the organisation's name.".into(),
        EmployerProblem::NameTooLong => format!("The name may be at most {ORGANISATION_LIMIT} characters."),
    }
}

fn problem_en(problem: &ReviewProblem) -> String {
    match problem {
        ReviewProblem::OutsideScale { min, max } => format!("Choose a score from {min} to {max}."),
        ReviewProblem::ScoreMissing => "Give a score here before marking the review done.".into(),
        ReviewProblem::RecommendationMissing => "Choose a recommendation: nominate, maybe or no.".into(),
        ReviewProblem::TooLong { max } => format!("The text may be at most {} characters.", crate::domain::english::number(u64::from(*max))),
        ReviewProblem::Stale => "The review was saved from another tab or window after this page was opened. Nothing was overwritten. What you wrote is still here: copy it, reload the page and add it again.".into(),
        ReviewProblem::NotYetOpen => "Not yet: the jury's work begins when applications close, and the discussion once your own review is done.".into(),
        ReviewProblem::Closed => "The organiser has closed the review. Nothing can be changed any more.".into(),
        ReviewProblem::Done => "The review is marked done. Choose “Undo done” to change it.".into(),
        ReviewProblem::ReasonMissing => "Write why you are reopening the review.".into(),
        ReviewProblem::Conflicted => "You declared a conflict of interest for this kommun and do not review this application.".into(),
        ReviewProblem::Empty => "Write something here.".into(),
        ReviewProblem::CriteriaLocked => "The criteria and the scale cannot change: the review has already begun.".into(),
        ReviewProblem::TitleMissing => "Give the criterion a title, or tick “Remove”.".into(),
        ReviewProblem::WeightInvalid => "The weight must be a whole number from 1 to 10.".into(),
        ReviewProblem::NoCriteria => "The jury needs at least one criterion to score.".into(),
        ReviewProblem::LabelsMismatch { steps } => format!("Write one descriptor per step, {steps} lines, one per line."),
        ReviewProblem::ScaleInvalid => "The top of the scale must be a whole number from 2 to 10.".into(),
        ReviewProblem::AnswerMissing => "Choose whether you have a conflict of interest or not.".into(),
        ReviewProblem::FlagPending => "Your employer suggests a conflict of interest for this kommun. Answer the question about it before you review the application.".into(),
        ReviewProblem::TieBreakGone => "The criterion that settles a shared place is being removed. Choose another one, or that the jury decides.".into(),
    }
}

pub const EN: JuryTexts = JuryTexts {
    nav_jury: "Review",
    nav_review_settings: "Jury work",
    problem: problem_en,
    progress_names: ["Not started", "Draft", "Done"],
    recommendation_names: ["Nominate", "Maybe", "No"],

    home_title: "Jury review",
    not_on_jury: "You do not sit on the jury of any round yet. The organiser invites jurors to a round.",
    not_yet: |date| {
        format!(
            "The review begins once applications have closed ({date}) and the organiser has started it. \
             Applications can change until then."
        )
    },
    closed: "The review is closed. You can read but not change.",
    my_progress: |done, total| format!("You have reviewed {done} of {total} applications."),
    jury_progress: |done, expected| format!("The jury as a whole: {done} of {expected} reviews done."),
    conflicts_link: "Declare a conflict of interest",
    shortlist_link: "Shortlist",
    filter_heading: "Filter and order",
    filter_lan: "County",
    all_lans: "All counties",
    filter_status: "My review",
    all_statuses: "All",
    sort_by: "Order by",
    sort_kommun: "Kommun",
    sort_lan: "County",
    sort_status: "My review",
    sort_submitted: "Submitted",
    filter_button: "Show",
    list_caption: "Submitted applications",
    kommun: "Kommun",
    lan: "County",
    reference: "Reference",
    submitted: "Submitted",
    my_review: "My review",
    jury_done: "Done in the jury",
    none_submitted: "No applications have been submitted to the round.",
    none_matching: "No applications match the filter.",
    conflict_declared: "Conflict declared",
    flag_pending: "Probable conflict: answer first",
    employer_heading: "Your employer",
    employer_intro: "Say where you work. If your employer is a kommun that has applied, or the region of the kommun's län, the portal flags a probable conflict of interest before you open the application. You then answer whether it is one, and why. The organiser sees every flag and answer.",
    employer_current: |name| match name {
        Some(name) => format!("Employer given: {name}."),
        None => "You have not given an employer.".to_owned(),
    },
    employer_kind_legend: "Employer",
    employer_kinds: ["A kommun", "A region", "Another organisation", "None to give"],
    employer_kommun: "Kommun (if the employer is a kommun)",
    employer_region: "The region's län (if the employer is a region)",
    employer_organisation: "The organisation's name (if it is another organisation)",
    employer_button: "Save the employer",
    flag_heading: "Probable conflict of interest",
    flag_intro: |employer, kommun| {
        format!(
            "Your employer is {employer}. That suggests a conflict of interest for the application from {kommun}. Answer before you read it: the application is shown only once you have answered that it is no conflict."
        )
    },
    flag_legend: "Do you have a conflict of interest for this application?",
    flag_yes: "Yes, I have a conflict and do not review the application",
    flag_no: "No, it is no conflict of interest",
    flag_reason: "Reason",
    flag_reason_hint: "The organiser sees the reason, for example “I work in the region's IT department and have nothing to do with the kommun's care”.",
    flag_button: "Send the answer",
    flags_heading: "Probable conflicts from employers",
    flags_none: "No juror's employer suggests a conflict for any application.",
    flag_line: |juror, kommun, employer, status| format!("{juror} – {kommun} (employer: {employer}): {status}"),
    reopened_heading: "Reviews reopened",
    reopened_none: "No juror has reopened a done review.",
    reopened_line: |juror, kommun, reason, changed| {
        let outcome = if changed {
            "Changed after the jury's scores were seen."
        } else {
            "The scores are the same as when it was first done."
        };
        format!("{juror} – {kommun}: “{reason}” {outcome}")
    },
    reopen_reason: "Why are you reopening the review?",
    reopen_reason_hint: "You have seen the jury's scores and comments. The reason is shown to the organisers and written to the log.",
    changed_after_seen: "Changed after the jury's scores were seen.",
    flag_waiting: "waiting for an answer.",
    flag_confirmed: |reason, when| format!("conflict confirmed: {reason} ({when})."),
    flag_dismissed: |reason, when| format!("no conflict: {reason} ({when})."),

    submitted_line: |lan, reference, when| format!("{lan} · reference {reference} · submitted {when}"),
    previous: |kommun| format!("Previous: {kommun}"),
    next: |kommun| format!("Next: {kommun}"),
    print_link: "Printable version",
    back_to_list: "Back to the list",
    application_heading: "Application",
    your_review: "Your review",
    excluded: |kommun| {
        format!(
            "You declared a conflict of interest for {kommun}. You neither read nor review the application and do not see the jury's scores, comments or discussion of it."
        )
    },
    weight: |w| format!("weight {w}"),
    recommendation: "Recommendation",
    private_note: "Private note",
    private_note_hint: "Only you see it, never the jury or the organiser.",
    jury_comment: "Comment to the jury",
    jury_comment_hint: "The jury sees it once they have finished their own review.",
    save_button: "Save",
    done_button: "Done",
    undo_done_button: "Undo done",
    done_explained: "The review is done. Undo done to change it while the review is open.",
    not_started: "Not started.",
    saved_at: |when| format!("Last saved {when}."),
    autosave_saving: "Saving …",
    autosave_unsaved: "Changes not saved yet. They are saved in a moment.",
    you_chose: |chosen| match chosen {
        Some(chosen) => format!("You chose: {chosen}"),
        None => "Nothing chosen.".to_owned(),
    },
    autosave_saved: |at| format!("Saved at {at}."),
    autosave_failed: "Could not save just now. What you wrote is kept and saved as soon as possible.",
    autosave_signed_out: "You are logged out. Log in in another tab and what you wrote will be saved.",

    others_heading: "The jury's reviews",
    scores_caption: "Scores per criterion and juror",
    others_hidden: "You see the other jurors' scores, comments and the discussion once you have marked your own review done.",
    others_none: "Nobody else on the jury has finished a review yet.",
    criterion: "Criterion",
    mean: "Mean",
    weighted_mean: "Weighted mean",
    recommendations: |n, m, no| format!("Nominate: {n} · Maybe: {m} · No: {no}"),
    comments_heading: "Comments to the jury",
    reviews_counted: |n| match n {
        1 => "1 finished review counts (jurors with a conflict of interest do not).".to_owned(),
        n => format!("{n} finished reviews count (jurors with a conflict of interest do not)."),
    },

    discussion_heading: "Discussion",
    discussion_hidden: "The discussion is shown once your own review is done.",
    discussion_none: "No posts yet.",
    post_label: "Write a post to the jury",
    post_button: "Publish",
    posted_by: |who, when| format!("{who}, {when}"),

    shortlist_heading: "Proposal for nomination",
    mark_button: "Propose for nomination",
    unmark_button: "Withdraw my proposal",
    marked_explained: "You have proposed the application for nomination.",

    conflicts_title: "Conflicts of interest",
    conflicts_intro: "Declare a conflict of interest before reading, for example for your employer or a kommun you work closely with. You then do not see the jury's scores and discussion of that kommun's application, and you are left out of its results. The organiser sees every declaration.",
    conflicts_none: "You have not declared any conflict of interest.",
    conflict_line: |kommun, reason, when| format!("{kommun}: {reason} (declared {when})"),
    conflict_form_heading: "Declare a conflict of interest",
    conflict_reason: "Reason",
    conflict_reason_hint: "For example: my employer.",
    conflict_button: "Declare",

    shortlist_title: "Shortlist",
    shortlist_intro: "The applications ordered by how many jurors propose them for nomination, then by weighted mean. You see an application's scores once your own review of it is done.",
    shortlist_caption: "Candidates for nomination",
    proposals: "Proposals",
    not_visible_yet: "Shown when you are done",
    my_proposal: "My proposal",

    settings_title: "The jury's work",
    settings_phase: |phase, opens, closed| match phase {
        ReviewPhase::NotYet => {
            format!("Applications close {opens}. The review begins when the round is moved to review under “Round”.")
        }
        ReviewPhase::Open => "The review is under way.".to_owned(),
        ReviewPhase::Closed => format!("The review was closed {}.", closed.unwrap_or_default()),
    },
    close_button: "Close the review",
    reopen_button: "Open the review again",
    progress_heading: "The jurors' work",
    progress_caption: "Reviews per juror",
    juror: "Juror",
    done_count: "Done",
    drafts_count: "Drafts",
    conflicts_count: "Conflicts",
    no_jurors: "No juror has been invited to the round yet.",
    all_conflicts_heading: "Declared conflicts of interest",
    criteria_heading: "Criteria and scale",
    criteria_locked: "The review has begun, so the criteria and the scale are fixed.",
    criteria_intro: "The jury scores each criterion on the scale. The weight decides how much it counts in the weighted mean. Can change until the first review is saved.",
    criterion_title: "Title",
    criterion_description: "Description",
    criterion_weight: "Weight (1–10)",
    criterion_remove: "Remove",
    new_criterion: "New criterion",
    scale_heading: "Scale",
    scale_max: "Highest score",
    scale_max_hint: "The scale starts at 1.",
    scale_labels: "Descriptor per step",
    scale_labels_hint: "One line per step, from lowest to highest.",
    tie_break_legend: "A shared place is settled by",
    tie_break_hint: "The rule for a shared place is set before the review begins and shown in the ranking. Applications sharing a place are ordered by the jury's mean score on the criterion you choose; if that is equal too, the jury decides.",
    tie_break_jury: "The jury (no rule)",
    tie_break_option: |title| format!("The highest mean score on “{title}”"),
    tie_rule: |title| match title {
        Some(title) => format!("A shared place: the highest mean score on “{title}”, then the jury's decision."),
        None => "A shared place: the jury's decision.".to_owned(),
    },
    settings_button: "Save criteria and scale",
};
