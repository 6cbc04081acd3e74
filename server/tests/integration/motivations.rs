//! The jury's motivations through the real portal, on SQLite and PostgreSQL:
//! written together with a version per save, a stale save refused with the
//! text kept, sign-offs cleared by a later change and said so, jäv respected,
//! and the decision waiting for every sign-off.

use crate::{
    common::{BACKENDS, Browser, TestPortal},
    jury::{declare_jav, finish_reviews, log_in_at, open_clock, review_clock, start_review, three_submitted},
    organising::{shown_version, sign_motivation, write_motivation},
};
use app::domain::account::Role;
use sqlx::Row;

async fn step_to_decided(organiser: &mut Browser) -> crate::common::Answer {
    let fields = [("from", "bedomning"), ("to", "beslutad"), ("confirm", "ja")];
    organiser.post("/arrangor/omgang", "/api/step_round", &fields, true).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_jury_writes_each_motivation_together_and_every_juror_signs_the_newest_version() {
    for backend in BACKENDS {
        let portal = TestPortal::start(backend, open_clock()).await;
        let (kalmar, nacka, _) = three_submitted(&portal).await;
        for (email, name) in
            [("hard@skr.se", "Hård Jurysson"), ("juni@inera.se", "Juni Jurysson"), ("kim@nacka.se", "Kim Jäv")]
        {
            portal.logged_in(email, Role::Juror, None).await;
            portal.rename(email, name).await;
        }
        portal.logged_in("org@vitalis.se", Role::Organiser, None).await;
        let mut applicant = portal.logged_in("anna2@kalmar.se", Role::Applicant, Some("0880")).await;
        let later = portal.at(review_clock()).await;
        let mut organiser = log_in_at(&portal, &later, "org@vitalis.se").await;
        start_review(&mut organiser).await;
        let mut hard = log_in_at(&portal, &later, "hard@skr.se").await;
        let mut juni = log_in_at(&portal, &later, "juni@inera.se").await;
        let mut kim = log_in_at(&portal, &later, "kim@nacka.se").await;
        let declared = declare_jav(&mut kim, "Nacka", "Min arbetsgivare").await;
        assert_eq!(declared.location().as_deref(), Some("/jury/jav?klart=jav-anmalt"), "{backend:?}");

        // Nothing chosen yet: nothing to write.
        finish_reviews(&mut juni).await;
        assert!(juni.get("/jury/motiveringar").await.body.contains("Inga ansökningar är valda ännu."), "{backend:?}");
        let outcomes = [(format!("outcome[id-{kalmar}]"), "vinnare"), (format!("outcome[id-{nacka}]"), "nominerad")];
        let fields: Vec<(&str, &str)> = outcomes.iter().map(|(k, v)| (k.as_str(), *v)).collect();
        organiser.post("/arrangor/beslut", "/api/save_decision", &fields, true).await;

        // Hård has reviews of his own left: he reads no outcome until they are done, so it cannot sway
        // his scores; he is still asked to sign once he has.
        let early = hard.get("/jury/motiveringar").await.body;
        let early_main = &early[early.find("<main").unwrap()..early.find("</main>").unwrap()];
        assert!(early_main.contains("när du har gjort klart alla dina egna granskningar"), "{backend:?}: {early_main}");
        assert!(!early_main.contains("Vinnare") && !early_main.contains("Kalmar"), "{backend:?}: {early_main}");
        let by_api = hard.get("/api/motivations").await.body;
        assert!(!by_api.contains(&kalmar) && !by_api.contains(&nacka), "{backend:?}: not by the API: {by_api}");
        assert_eq!(hard.get(&format!("/jury/motiveringar/{kalmar}")).await.status, 403, "{backend:?}");
        let early_sign = [("application", kalmar.as_str()), ("version", "0")];
        let refused =
            hard.post(&format!("/jury/motiveringar/{kalmar}"), "/api/sign_motivation", &early_sign, true).await;
        assert_eq!(refused.location().as_deref(), Some("/ingen-behorighet"), "{backend:?}: {}", refused.status);
        finish_reviews(&mut hard).await;

        // The jury's list. Kim, with jäv for Nacka, sees no outcome at all before the announcement: a list
        // without Nacka's row would tell her, by the winner's row shown or missing, whether Nacka won.
        let list = hard.get("/jury/motiveringar").await.body;
        assert!(list.contains(">Kalmar</a>") && list.contains(">Nacka</a>"), "{backend:?}: {list}");
        assert!(list.contains("Inget skrivet ännu"), "{backend:?}");
        let kims = kim.get("/jury/motiveringar").await.body;
        let kims_main = &kims[kims.find("<main").unwrap()..kims.find("</main>").unwrap()];
        assert!(!kims_main.contains("Kalmar") && !kims_main.contains("Nacka"), "{backend:?}: {kims_main}");
        assert!(!kims_main.contains("Vinnare") && !kims_main.contains("Nominerad"), "{backend:?}: no outcome");
        assert!(kims.contains("Du har jäv för en kommun i omgången"), "{backend:?}");
        let by_api = kim.get("/api/motivations").await.body;
        assert!(!by_api.contains(&kalmar) && !by_api.contains(&nacka), "{backend:?}: not by the API either: {by_api}");
        assert_eq!(kim.get(&format!("/jury/motiveringar/{nacka}")).await.status, 403, "{backend:?}");
        assert_eq!(kim.get(&format!("/jury/motiveringar/{kalmar}")).await.status, 403, "{backend:?}");
        let sneaked = [("application", nacka.as_str()), ("version", "0"), ("text", "Kims text.")];
        let refused = kim.post(&format!("/jury/motiveringar/{nacka}"), "/api/save_motivation", &sneaked, true).await;
        assert_eq!(refused.location().as_deref(), Some("/ingen-behorighet"), "{backend:?}: {}", refused.status);

        // Hård and Juni open Kalmar's empty motivation; Hård saves first, Juni's save on the old version is
        // refused, her text kept beside the message.
        let page = format!("/jury/motiveringar/{kalmar}");
        let seen_by_juni = shown_version(&juni.get(&page).await.body);
        assert_eq!(seen_by_juni, "0", "{backend:?}");
        let first = write_motivation(&mut hard, &kalmar, "Kalmar har tagit stora steg.").await;
        assert_eq!(first.as_deref(), Some(format!("{page}?klart=motivering-sparad").as_str()), "{backend:?}");
        let late = [("application", kalmar.as_str()), ("version", seen_by_juni.as_str()), ("text", "Junis utkast.")];
        let stale = juni.post(&page, "/api/save_motivation", &late, true).await;
        assert_eq!(stale.location().as_deref(), Some(page.as_str()), "{backend:?}");
        let back = juni.follow(&stale).await.body;
        assert!(back.contains("Någon har sparat en nyare version (version 1) medan du skrev."), "{backend:?}");
        assert!(back.contains("Junis utkast."), "{backend:?}: her text is kept");
        assert!(back.contains("Kalmar har tagit stora steg."), "{backend:?}: the newer version is shown");

        // Hård signs version 1; Juni's change makes version 2 and clears it, and says so to both.
        assert!(sign_motivation(&mut hard, &kalmar).await.is_some_and(|l| l.ends_with("klart=motivering-godkand")));
        let signed = hard.get(&page).await.body;
        assert!(signed.contains("Du har godkänt den senaste versionen."), "{backend:?}");
        assert!(signed.contains("Hård Jurysson: Godkänd") && signed.contains("Kim Jäv: Deltar inte"));
        let hard_page_before = signed;
        let second = write_motivation(&mut juni, &kalmar, "Kalmar har tagit stora steg, med invånarna.").await;
        assert!(second.is_some_and(|l| l.ends_with("klart=motivering-sparad-godkannanden-borttagna")), "{backend:?}");
        let told = juni.get(&format!("{page}?klart=motivering-sparad-godkannanden-borttagna")).await.body;
        assert!(told.contains("Godkännandena av den förra versionen gäller inte längre"), "{backend:?}");
        let cleared = hard.get(&page).await.body;
        assert!(
            cleared.contains(
                "Du godkände version 1. Texten har ändrats sedan dess, så ditt godkännande gäller inte längre."
            ),
            "{backend:?}"
        );
        assert!(cleared.contains("Hård Jurysson: Godkände version 1; texten har ändrats sedan dess"), "{backend:?}");
        assert!(cleared.contains("Alla versioner (2)"), "{backend:?}");
        assert!(
            cleared.contains("Version 1, skriven av Hård Jurysson")
                && cleared.contains("Version 2, skriven av Juni Jurysson")
        );
        // Hård's sign-off from the page he had open names version 1: refused.
        let old = [("application", kalmar.as_str()), ("version", &shown_version(&hard_page_before) as &str)];
        let refused = hard.post(&page, "/api/sign_motivation", &old, true).await;
        let back = hard.follow(&refused).await.body;
        assert!(back.contains("Motiveringen har ändrats sedan du läste den: nu gäller version 2."), "{backend:?}");
        // The same text saved again is no new version.
        let same = write_motivation(&mut juni, &kalmar, "Kalmar har tagit stora steg, med invånarna.").await;
        assert!(same.is_some_and(|l| l.ends_with("klart=motivering-oforandrad")), "{backend:?}");
        // An empty text is refused beside the field.
        let empty = [("application", kalmar.as_str()), ("version", "2"), ("text", "  ")];
        let refused = juni.post(&page, "/api/save_motivation", &empty, true).await;
        assert!(juni.follow(&refused).await.body.contains("Skriv motiveringen innan du sparar."), "{backend:?}");

        // Organisers write but do not sign; applicants and visitors see nothing.
        let fields = [("application", kalmar.as_str()), ("version", "2")];
        assert_eq!(organiser.post(&page, "/api/sign_motivation", &fields, true).await.status, 403, "{backend:?}");
        assert_eq!(applicant.get(&page).await.status, 403, "{backend:?}");
        let visitor = portal.browser().at(&later).get(&page).await;
        assert!(visitor.location().is_some_and(|l| l.starts_with("/logga-in")), "{backend:?}");

        // Kim is asked for neither; the decision waits for the two others on both motivations.
        write_motivation(&mut organiser, &nacka, "Nacka bygger för alla.").await;
        sign_motivation(&mut hard, &kalmar).await;
        let waiting = step_to_decided(&mut organiser).await;
        let body = organiser.follow(&waiting).await.body;
        assert!(
            body.contains("Beslutet är inte färdigt: Motiveringen för Kalmar är inte godkänd av Juni Jurysson."),
            "{backend:?}: {body}"
        );
        let decision_page = organiser.get("/arrangor/beslut").await.body;
        assert!(decision_page.contains("Motiveringen för Nacka är inte godkänd av Hård Jurysson och Juni Jurysson."));
        assert!(decision_page.contains("Kalmar har tagit stora steg, med invånarna."), "{backend:?}");
        for (juror, application) in [(&mut juni, &kalmar), (&mut hard, &nacka)] {
            assert!(sign_motivation(juror, application).await.is_some_and(|l| l.ends_with("klart=motivering-godkand")));
        }
        let kims_sign = [("application", kalmar.as_str()), ("version", "2")];
        let refused = kim.post(&page, "/api/sign_motivation", &kims_sign, true).await;
        assert_eq!(refused.location().as_deref(), Some("/ingen-behorighet"), "{backend:?}: Kim signs nothing");
        assert!(sign_motivation(&mut juni, &nacka).await.is_some_and(|l| l.ends_with("klart=motivering-godkand")));
        let nacka_page = hard.get(&format!("/jury/motiveringar/{nacka}")).await.body;
        assert!(nacka_page.contains("Kim Jäv: Deltar inte i den här motiveringen"), "{backend:?}");
        let decided = step_to_decided(&mut organiser).await;
        assert_eq!(decided.location().as_deref(), Some("/arrangor/omgang?klart=steg-taget"), "{backend:?}");

        // Decided: the motivations are locked, and the log has every version and sign-off.
        let locked = [("application", kalmar.as_str()), ("version", "2"), ("text", "För sent.")];
        let refused = hard.post(&page, "/api/save_motivation", &locked, true).await;
        let back = hard.follow(&refused).await.body;
        assert!(back.contains("Motiveringarna kan ändras och godkännas bara medan omgången är i bedömning."));
        let log = organiser.get("/arrangor/logg").await.body;
        assert!(log.contains("Godkände motiveringen för Kalmar (version 1)"), "{backend:?}");
        assert!(
            log.contains(
                "Motiveringen för Kalmar sparad som version 2; godkännanden som inte längre gäller: Hård Jurysson"
            ),
            "{backend:?}"
        );
    }
}

/// A round in review with Kalmar chosen as winner and Nacka as finalist; the organiser and Hård, on the review clock.
async fn chosen(portal: &TestPortal) -> (Browser, Browser, String, String) {
    let (kalmar, nacka, _) = three_submitted(portal).await;
    portal.logged_in("hard@skr.se", Role::Juror, None).await;
    portal.rename("hard@skr.se", "Hård Jurysson").await;
    portal.logged_in("org@vitalis.se", Role::Organiser, None).await;
    let later = portal.at(review_clock()).await;
    let mut organiser = log_in_at(portal, &later, "org@vitalis.se").await;
    start_review(&mut organiser).await;
    choose(&mut organiser, &[(&kalmar, "vinnare"), (&nacka, "nominerad")]).await;
    let mut hard = log_in_at(portal, &later, "hard@skr.se").await;
    finish_reviews(&mut hard).await;
    (organiser, hard, kalmar, nacka)
}

async fn choose(organiser: &mut Browser, outcomes: &[(&str, &str)]) -> Option<String> {
    let fields: Vec<(String, &str)> = outcomes.iter().map(|(id, o)| (format!("outcome[id-{id}]"), *o)).collect();
    let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), *v)).collect();
    organiser.post("/arrangor/beslut", "/api/save_decision", &fields, true).await.location()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_changed_outcome_clears_the_sign_offs_of_its_motivation_and_says_so() {
    for backend in BACKENDS {
        let portal = TestPortal::start(backend, open_clock()).await;
        let (mut organiser, mut hard, kalmar, nacka) = chosen(&portal).await;
        for (application, text) in [(&kalmar, "Kalmar vinner."), (&nacka, "Nacka är finalist.")] {
            write_motivation(&mut organiser, application, text).await;
            sign_motivation(&mut hard, application).await;
        }
        // Kalmar and Nacka change places: the texts were signed for other outcomes.
        let saved = choose(&mut organiser, &[(&kalmar, "nominerad"), (&nacka, "vinnare")]).await;
        assert_eq!(
            saved.as_deref(),
            Some("/arrangor/beslut?klart=beslut-sparat-godkannanden-borttagna"),
            "{backend:?}"
        );
        let told = organiser.get("/arrangor/beslut?klart=beslut-sparat-godkannanden-borttagna").await.body;
        assert!(
            told.contains("Där juryns val ändrades gäller godkännandena av motiveringen inte längre"),
            "{backend:?}"
        );
        assert!(told.contains("Motiveringen för Kalmar är inte godkänd av Hård Jurysson."), "{backend:?}");
        let page = hard.get(&format!("/jury/motiveringar/{kalmar}")).await.body;
        assert!(page.contains("Hård Jurysson: Inte godkänd ännu"), "{backend:?}");
        let log = organiser.get("/arrangor/logg").await.body;
        assert!(
            log.contains("godkännanden av motiveringen som inte längre gäller: Kalmar, Nacka"),
            "{backend:?}: {log}"
        );
        // An unchanged outcome keeps its sign-offs.
        sign_motivation(&mut hard, &kalmar).await;
        let same = choose(&mut organiser, &[(&kalmar, "nominerad"), (&nacka, "vinnare")]).await;
        assert_eq!(same.as_deref(), Some("/arrangor/beslut?klart=beslut-sparat"), "{backend:?}");
        assert!(hard.get(&format!("/jury/motiveringar/{kalmar}")).await.body.contains("Hård Jurysson: Godkänd"));
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn saves_on_the_same_version_at_the_same_moment_make_one_version_and_refuse_the_rest() {
    for backend in BACKENDS {
        let portal = TestPortal::start(backend, open_clock()).await;
        let (organiser, hard, kalmar, _) = chosen(&portal).await;
        let page = format!("/jury/motiveringar/{kalmar}");
        let mut saves = tokio::task::JoinSet::new();
        for i in 0..8 {
            let mut writer = if i % 2 == 0 { organiser.at(&organiser.base_url) } else { hard.at(&hard.base_url) };
            let (page, kalmar) = (page.clone(), kalmar.clone());
            saves.spawn(async move {
                let text = format!("Utkast nummer {i}.");
                let fields = [("application", kalmar.as_str()), ("version", "0"), ("text", text.as_str())];
                writer.post(&page, "/api/save_motivation", &fields, true).await.location()
            });
        }
        let answers: Vec<Option<String>> = saves.join_all().await;
        let saved =
            answers.iter().filter(|l| l.as_deref().is_some_and(|l| l.ends_with("klart=motivering-sparad"))).count();
        let refused = answers.iter().filter(|l| l.as_deref() == Some(page.as_str())).count();
        assert_eq!((saved, refused), (1, 7), "{backend:?}: {answers:?}");
        let versions: i64 = sqlx::query("SELECT COUNT(*) AS n FROM motivation_versions")
            .fetch_one(portal.db.pool())
            .await
            .unwrap()
            .get("n");
        assert_eq!(versions, 1, "{backend:?}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_motivation_written_before_the_versions_becomes_their_first_version() {
    for backend in BACKENDS {
        let test_db = crate::common::TestDb::new(backend).await;
        // The schema as it stood before motivations had versions, with a decision in it.
        let db = crate::common::migrated_before(&test_db, 20261124000014).await;
        for sql in [
            "INSERT INTO lan (kod, namn) VALUES ('08', 'Kalmar län')",
            "INSERT INTO kommuner (kod, namn, lan_kod) VALUES ('0880', 'Kalmar', '08'), ('0882', 'Oskarshamn', '08')",
            "INSERT INTO awards (id, name, organiser, description) VALUES ('a', 'Pris', 'Vitalis', '')",
            "INSERT INTO rounds (id, award_id, year, title, intro, criteria_text, eligibility, opens_at, deadline_at, \
             ceremony_at, ceremony_place, contact, created_at, state) VALUES ('r', 'a', 2027, 'Pris 2027', '', '', '', \
             '2026-11-01T00:00:00Z', '2027-04-15T21:59:00Z', '2027-05-12T16:00:00Z', 'Göteborg', '', \
             '2026-10-01T00:00:00Z', 'bedomning')",
            "INSERT INTO applications (id, round_id, kommun_kod, status, created_at, updated_at) VALUES \
             ('k', 'r', '0880', 'inskickad', '2027-01-01T00:00:00Z', '2027-01-01T00:00:00Z'), \
             ('o', 'r', '0882', 'inskickad', '2027-01-01T00:00:00Z', '2027-01-01T00:00:00Z')",
            "INSERT INTO decisions (round_id, application_id, outcome, motivation, decided_by_name, decided_at) VALUES \
             ('r', 'k', 'vinnare', 'Kalmar sätter invånarna först.', 'Olga Organisatör', '2027-04-20T08:00:00Z'), \
             ('r', 'o', 'nominerad', '', 'Olga Organisatör', '2027-04-20T08:00:00Z')",
        ] {
            sqlx::query(sql).execute(db.pool()).await.unwrap();
        }
        db.migrate().await.unwrap();
        let versions: Vec<(String, i64, String, String)> =
            sqlx::query("SELECT application_id, version, text, written_by_name FROM motivation_versions")
                .fetch_all(db.pool())
                .await
                .unwrap()
                .iter()
                .map(|r| (r.get(0), r.get(1), r.get(2), r.get(3)))
                .collect();
        let kalmar = ("k".to_owned(), 1, "Kalmar sätter invånarna först.".to_owned(), "Olga Organisatör".to_owned());
        assert_eq!(versions, vec![kalmar], "{backend:?}: an empty motivation is no version");
        let recorded = app::storage::decisions::of_round(&mut db.conn().await.unwrap(), "r").await.unwrap();
        let motivations: Vec<(&str, &str)> =
            recorded.iter().map(|r| (r.choice.application_id.as_str(), r.choice.motivation.as_str())).collect();
        assert_eq!(motivations, vec![("k", "Kalmar sätter invånarna först."), ("o", "")], "{backend:?}");
    }
}
