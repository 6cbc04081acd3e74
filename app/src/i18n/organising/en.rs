//! The English texts of running a round, and its problem messages.

use super::{OrganiseTexts, every, last_minute};
use crate::domain::{
    decision::{DecisionProblem, EmbargoProblem},
    lifecycle::{OrganiseProblem, RoundState, StepRefusal},
    round::RoundProblem,
};

pub static EN: OrganiseTexts = OrganiseTexts {
    nav_ranking: "Ranking",
    nav_round: "Round",
    nav_decision: "Decision",
    nav_log: "Log",
    problem: problem_en,
    state_names: ["Draft", "Open", "Closed", "Review", "Decided", "Announced"],
    state_meanings: [
        "The round is being prepared and is not public.",
        "The round is on the website and kommuner can apply until the deadline.",
        "Applications are closed. The jury has not started.",
        "The jury reads, scores and discusses.",
        "The jury has decided. Nothing is public yet.",
        "The winner and the finalists are public.",
    ],
    step_buttons: ["", "Open the round", "Close applications", "Start the review", "Decide", "Announce the winner"],
    step_consequences: [
        "",
        "The round appears on the website and kommuner can apply from the opening until the deadline.",
        "No more applications are taken and none can change. Needs the deadline, and every extension, to have passed.",
        "The jury may read the submitted applications and start reviewing them.",
        "The review closes and the decision is locked. Needs a winner and a motivation for each chosen application, signed off by everyone on the jury without a conflict of interest.",
        "The winner page is published, the winner and finalists join the archive and every kommun that applied is told by e-mail. Cannot be undone.",
    ],
    outcome_names: ["Winner", "Finalist (nominee)", "Honourable mention"],

    round_title: "Round",
    current_state: "The round is now at the step",
    steps_caption: "The round's steps",
    step_heading: "Next step",
    no_next_step: "The round is finished. There is no next step.",
    confirm_step: "I have read what the step does and want to take it.",
    back_heading: "Change the decision",
    back_button: "Reopen the decision",
    back_consequence: "The round goes back to review so the decision can change. Nothing has been announced.",
    deadline_line: |date| format!("Deadline: {date}."),
    last_closing_line: |date| format!("With extensions, the last application closes {date}."),
    submitted_line: |n| match n {
        1 => "1 application is submitted.".to_owned(),
        n => format!("{n} applications are submitted."),
    },
    history_heading: "The round's log",
    history_none: "Nothing is logged for the round yet.",
    when: "When",
    who: "Who",
    what: "What",

    decision_title: "The jury's decision",
    decision_intro: "Choose finalists, one winner among them and any honourable mentions. The jury writes and signs off the motivation for each under “Motivations”; they are published when the winner is announced. The applications are in ranking order.",
    decision_locked: |state| format!("The decision can change only while the round is in review. Now: {state}."),
    decision_none_submitted: "No applications are submitted to the round.",
    decision_outcome: "The jury's decision",
    not_chosen: "Not chosen",
    decision_save: "Save the decision",
    decided_by: |who, when| format!("Last changed by {who}, {when}."),
    ranking_line: |place, normalised| format!("Place {place} in the ranking, normalised score {normalised}."),

    announced_heading: |round| format!("{round}: the jury's decision"),
    winner_heading: "Winner",
    finalists_heading: "Finalists",
    mentions_heading: "Honourable mentions",
    ceremony_line: |when, place| format!("The award is presented {when}, {place}."),
    motivations_link: "Read the jury's motivations",

    downloads: "Download",
    download_ranking_csv: "The ranking (CSV)",
    download_scores_csv: "All scores (CSV)",
    download_xlsx: "The ranking and all scores (Excel)",
    download_log_csv: "The log (CSV)",
    calendar_link: "Add the deadline and the ceremony to your calendar (.ics)",

    nav_packet: "Reading packet",
    packet_title: "The jury's reading packet",
    packet_intro: "Every submitted application in one document. Print it from the browser: each application starts on a new page. The print dialog can also save it as PDF.",
    packet_contents: "Contents",
    packet_empty: "The applications appear here once the review has begun.",

    resend_button: "Send again",
    jury_column: "Jury",
    seat_button: |round| format!("Put on the jury of {round}"),
    unseat_button: |round| format!("Take off the jury of {round}"),

    remind_heading: "Remind",
    remind_intro: "Send a reminder now to everyone applying for a kommun whose application is begun but not submitted, with the kommun's deadline. Reminders also go out by themselves a week and a day before.",
    remind_button: "Send a reminder",

    nav_rounds: "Rounds",
    rounds_title: "Rounds",
    rounds_caption: "The award's rounds, latest first",
    year: "Year",
    round_name: "Name",
    state: "Step",
    applications: "Applications",
    draft_heading: |title| format!("The draft {title}"),
    open_draft_consequence: "The round appears on the website and becomes the one kommuner apply to and the jury works on. Possible once the last round has announced its winner.",
    open_draft_button: "Open the round",
    remove_draft_consequence: "The draft is removed with everything that belongs to it. Possible only while it has no applications.",
    remove_draft_confirm: "I want to remove the draft.",
    remove_draft_button: "Remove the draft",
    copy_heading: "New round",
    copy_intro: "A new round copies an earlier one: the texts, the areas with their guidance and limits, the criteria with weights and scale, the jury and the partners. You give it a year, a name and new dates. It is created as a draft.",
    copy_source: "Copy from",
    opens_label: "Opens (date)",
    deadline_label: "Deadline (date)",
    deadline_hint: "Applications close at 23.59 Swedish time that day.",
    ceremony_label: "Ceremony (date and time)",
    ceremony_place_label: "Where the award is presented",
    copy_button: "Create the round",
    access_column: "Access",
    access_removed: "Removed. ",
    remove_access_button: "Remove access",
    restore_access_button: "Give access back",
    embargo_label: "Embargo until (date and time, optional)",
    embargo_hint: "Filled in with the ceremony, unless it has already been. At that time, and not a second before, the website and the archive of winners show the decision and every kommun that applied gets its outcome by e-mail, by themselves. Empty the field to announce now.",
    embargo_notice: |when| {
        format!(
            "The decision is under embargo until {when}. Then it shows on the website and every kommun that applied gets its outcome by e-mail, by itself. Nobody has been told yet."
        )
    },
    edit_draft_link: "Edit the draft",
    edit_draft_title: "Edit the draft",
    no_draft: "No round is being prepared. Create one under Rounds.",
    edit_draft_intro: "Change everything the kommuner and the jury meet before the round opens. The year cannot change: remove the draft and create a new one for another year.",
    draft_scoring_link: "The jury's criteria, weights and scale for the round",
    draft_texts: "Texts on the website",
    intro_label: "About the award",
    criteria_text_label: "Criteria (text)",
    eligibility_label: "Who may apply",
    contact_label: "Contact",
    theme_label: "Theme of the year",
    theme_hint: "If the award has a theme for the year, for example “Det nya Sverige”. Leave empty otherwise.",
    draft_schedule: "Dates and place",
    draft_sections: "Areas of the application",
    draft_sections_intro: "Each area becomes a part of the application with its own guidance and character limit. Fill in the blank row to add an area.",
    new_section: "New area",
    draft_criteria: "Criteria on the website",
    new_criterion: "New criterion",
    part_title_label: "Heading",
    guidance_label: "Guidance",
    description_label: "Description",
    limit_label: "Most characters",
    remove_section: "Remove the area",
    remove_criterion: "Remove the criterion",
    jury_label: "Jury",
    jury_hint: "One member a line: Name, title",
    partners_label: "Partners",
    partners_hint: "One organisation a line",
    save_draft_button: "Save the draft",

    log_title: "Log",
    log_intro: "Every step in the round's life, every decision and every change of who has access, with who and when.",
    log_caption: "Events, latest first",
    log_none: "Nothing is logged yet.",

    ranking_title: "Ranking",
    ranking_intro: "The jury's finished reviews, combined. Jurors with a conflict of interest do not count for that kommun's application.",
    ranking_method: "Each review becomes a weighted mean of the criteria's scores. Normalised: each juror's values are turned into z-scores (the distance from the juror's own mean, divided by their standard deviation), and the mean of those orders the list. A harsh and a lenient juror then weigh the same.",
    ranking_empty: "No applications are submitted and reviewed yet.",
    ranking_caption: "The applications by normalised score",
    place: "Place",
    tied_place: |p| format!("{p} (shared)"),
    kommun: "Kommun",
    mean: "Mean",
    median: "Median",
    reviews: "Reviews",
    spread: "Spread",
    normalised: "Normalised",
    raw_place: "Place by mean",
    conflict_cell: "conflict",
    not_done_cell: "–",
    moved_up: |n| format!("{n} up by normalising"),
    moved_down: |n| format!("{n} down by normalising"),
    ties_note: "Places still shared after the rule for a shared place are shown as shared. The jury decides the order between them.",
    moved_summary: |n| match n {
        0 => "Normalising changes no place.".to_owned(),
        1 => "Normalising changes the place of 1 application.".to_owned(),
        n => format!("Normalising changes the place of {n} applications."),
    },
    disputed_heading: "Where the jury disagrees most",
    disputed_none: "The jurors agree on every application so far.",
    disputed_line: |kommun, spread| format!("{kommun}: spread {spread}"),
    jurors_heading: "The jurors' scales",
    jurors_caption: "Each juror's mean and standard deviation, the basis of the z-scores",
    juror: "Juror",
    juror_reviews: "Finished reviews",
    juror_mean: "Mean",
    juror_deviation: "Standard deviation",
    flat_juror: "0 (the same value throughout: does not move the normalised score)",
    schulze_place: "Place by Schulze",
    recusals_heading: "Conflicts of interest in the decision",
    recusals_none: "No juror has declared a conflict of interest in the round.",
    frozen_notice: |when| {
        format!("The ranking was frozen when the jury decided, {when}. Later changes to the reviews do not affect it.")
    },
    methods_heading: "Three ways of counting",
    methods_intro: "The ranking is counted three ways side by side. Mean: the jury's weighted means as they are. Normalised: the mean of the jurors' z-scores. Schulze: a ranking from each juror's own order of the applications, where only the order counts, not how high anyone scores. Jurors with a conflict of interest count in none of them.",
    schulze_numbering: "Schulze only says which application beats which, and sometimes neither: when two applications were not scored by the same jurors, the method may have no ground to tell them apart. The Schulze place is then a place by how many beat each application (1 + the number of applications beaten by fewer), and the cell says how many actually beat it and which ones the method cannot separate it from.",
    schulze_open_cut: |n, kommuner| {
        format!(
            "Schulze does not settle which applications are among the top {n}: the method cannot separate {kommuner} from applications on the other side of the cut. The jury decides."
        )
    },
    schulze_unseparated: |beaten, kommuner| format!("beaten by {beaten}; not separable from {kommuner}"),
    method_name: ["Mean", "Normalised", "Schulze"],
    nominees_same: |n| format!("The top {n} – the nominee cut – are the same by all three methods."),
    nominees_differ: |n| {
        format!(
            "The top {n} are not the same by all three methods. The applications below are in the top {n} by some method but not by all."
        )
    },
    movers_caption: "Applications at the nominee cut, place by each method",
    not_normalised: |min, names| {
        format!(
            "Normalised on the whole jury's scale, because they have fewer than {min} finished reviews: {names}. Their values are read against the jury's mean and standard deviation instead of their own."
        )
    },
    not_normalised_cell: "too few reviews: read on the whole jury's scale",
    ties_heading: "Shared places",
    no_ties: "No place is shared by any method.",
    tie_line: |method, place| format!("{method}, shared place {place}:"),
    tie_member: |kommun, score, after| match score {
        Some(score) => format!("{kommun} (mean {score} on the criterion) becomes {after}"),
        None => format!("{kommun} (no score on the criterion) becomes {after}"),
    },
    tie_undecided: "Still equal: the jury decides.",
    tie_decided: "Settled by the rule.",
};

fn problem_en(problem: &OrganiseProblem) -> String {
    let state = |s: &RoundState| EN.state_name(*s);
    match problem {
        OrganiseProblem::Step(StepRefusal::OutOfOrder { from, to }) => {
            format!("The round cannot go from {} to {}: steps are taken one at a time.", state(from), state(to))
        }
        OrganiseProblem::Step(StepRefusal::AnotherRoundRunning) => {
            "Another round is running. A new round can open once the last one has announced its winner.".into()
        }
        OrganiseProblem::Step(StepRefusal::DatesInvalid) => {
            "The dates do not hold: the opening must come before the deadline, and the deadline before the ceremony."
                .into()
        }
        OrganiseProblem::Step(StepRefusal::DeadlineNotPassed { closes_at }) => format!(
            "Applications cannot close yet: the last kommun's time to apply ends {}.",
            crate::domain::english::long_date_time(last_minute(*closes_at))
        ),
        OrganiseProblem::Step(StepRefusal::DecisionIncomplete(problems)) => {
            format!(
                "The decision is not finished: {} Finish it under “Decision” and “Motivations”.",
                every(problems, decision_en)
            )
        }
        OrganiseProblem::Decision(p) => decision_en(p),
        OrganiseProblem::NotConfirmed => "Tick the box to confirm the step.".into(),
        OrganiseProblem::Moved { now } => {
            format!(
                "Someone else has already moved the round. It is now at the step {}. The page shows it as it is now.",
                state(now)
            )
        }
        OrganiseProblem::DecisionLocked { state: s } => (EN.decision_locked)(state(s)),
        OrganiseProblem::Round(p) => round_en(p),
        OrganiseProblem::Embargo(EmbargoProblem::Invalid) => {
            "Give the embargo time as a date and a time, for example 2027-05-12 18:00, or leave the field empty.".into()
        }
        OrganiseProblem::Embargo(EmbargoProblem::Passed) => {
            "The embargo time has already passed. Choose a later time, or leave the field empty to announce now.".into()
        }
    }
}

fn decision_en(problem: &DecisionProblem) -> String {
    match problem {
        DecisionProblem::NoWinner => "Choose a winner.".into(),
        DecisionProblem::SeveralWinners => "Choose one winner only.".into(),
        DecisionProblem::MotivationMissing { .. } => "Write the jury's motivation.".into(),
        DecisionProblem::MotivationTooLong { .. } => "The motivation may be at most 2,000 characters.".into(),
        DecisionProblem::OutcomeUnknown { .. } => "Choose one of the options.".into(),
        DecisionProblem::NotSignedOff { kommun, jurors } => {
            format!("The motivation for {kommun} is not signed off by {}.", crate::domain::english::list(jurors))
        }
    }
}

fn round_en(problem: &RoundProblem) -> String {
    let text = match problem {
        RoundProblem::YearInvalid => "Write the year with four digits, for example 2028.",
        RoundProblem::YearTaken => "The award already has a round that year.",
        RoundProblem::TitleMissing => "Give the round a name.",
        RoundProblem::DateInvalid => "Write the date as YYYY-MM-DD, for example 2028-04-14.",
        RoundProblem::DateTimeInvalid => "Give a date and a time, for example 2028-05-10 18:00.",
        RoundProblem::PlaceMissing => "Write where the award is presented.",
        RoundProblem::DeadlineBeforeOpening => "The deadline must come after the opening.",
        RoundProblem::CeremonyBeforeDeadline => "The ceremony must come after the deadline.",
        RoundProblem::HasApplications => "The round has applications and cannot be removed.",
        RoundProblem::NotADraft => "Only a round that has not opened can be removed.",
        RoundProblem::DraftExists => "A round is already being prepared. Open or remove it before creating another.",
        RoundProblem::TextMissing => "Fill in the text.",
        RoundProblem::TooLong { max } => return format!("The text may be at most {max} characters."),
        RoundProblem::LimitInvalid => "Write the number of characters as a number between 100 and 50,000.",
        RoundProblem::PartTitleMissing => "Write a heading.",
        RoundProblem::NoSections => "The round needs at least one area to write about.",
        RoundProblem::JuryNameMissing => "Write each member on a line of their own as “Name, title”.",
        RoundProblem::Opened => "The round has opened and can no longer be changed here.",
    };
    text.into()
}
