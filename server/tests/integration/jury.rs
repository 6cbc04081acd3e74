//! The jury's work through the real portal, as jurors use it without
//! JavaScript, on SQLite and PostgreSQL: what they see before and after the
//! deadline, jäv, scoring with bad input and a stale page, "Klar" and the
//! anchoring rule, the discussion, the shortlist, closing the review, and
//! what applicants and jurors of no round never see.

use crate::{
    applying::{complete, open_application, save, submit},
    common::{BACKENDS, Browser, PASSWORD, TestPortal},
};
use app::{domain::account::Role, state::Clock};
use sqlx::Row;

pub(crate) fn open_clock() -> Clock {
    Clock::Fixed("2027-01-10T10:00:00Z".parse().unwrap())
}

/// Kalmar, Nacka and Umeå each submit an application; their ids, in that order.
pub(crate) async fn three_submitted(portal: &TestPortal) -> (String, String, String) {
    (
        submitted_application(portal, "anna@kalmar.se", "0880", "Kalmar leder.").await,
        submitted_application(portal, "nils@nacka.se", "0182", "Nacka bygger.").await,
        submitted_application(portal, "ulla@umea.se", "2480", "Umeå prövar.").await,
    )
}

/// The morning after the deadline: the review is open.
pub(crate) fn review_clock() -> Clock {
    Clock::Fixed("2027-04-16T08:00:00Z".parse().unwrap())
}

pub(crate) async fn submitted_application(portal: &TestPortal, email: &str, kommun: &str, text: &str) -> String {
    let mut writer = portal.logged_in(email, Role::Applicant, Some(kommun)).await;
    let id = open_application(&mut writer).await;
    save(&mut writer, &id, &complete(text), "save").await;
    let (done, _) = submit(&mut writer, &id).await;
    assert!(done.location().is_some_and(|l| l.starts_with("/ansokan/inskickad/")), "{}", done.body);
    id
}

/// A new account of `role` (a juror sits on the round), logged in on the portal at `base_url`.
async fn logged_in_at(portal: &TestPortal, base_url: &str, email: &str, role: Role, kommun: Option<&str>) -> Browser {
    portal.logged_in(email, role, kommun).await;
    log_in_at(portal, base_url, email).await
}

/// Sessions end after 12 hours: on the later clock everyone logs in again.
pub(crate) async fn log_in_at(portal: &TestPortal, base_url: &str, email: &str) -> Browser {
    let mut browser = portal.browser().at(base_url);
    let answer = browser.submit("/logga-in", "/api/log_in", &[("email", email), ("password", PASSWORD)]).await;
    assert_eq!(answer.status, 303, "{email} logs in");
    browser
}

/// The organiser closes applications and starts the review, as on /arrangor/omgang.
pub(crate) async fn start_review(organiser: &mut Browser) {
    for (from, to) in [("oppen", "stangd"), ("stangd", "bedomning")] {
        let fields = [("from", from), ("to", to), ("confirm", "ja")];
        let answer = organiser.post("/arrangor/omgang", "/api/step_round", &fields, true).await;
        assert_eq!(answer.location().as_deref(), Some("/arrangor/omgang?klart=steg-taget"), "{from} → {to}");
    }
}

pub(crate) async fn review(
    juror: &mut Browser,
    id: &str,
    version: &str,
    scores: &[(&str, &str)],
    extra: &[(&str, &str)],
) -> crate::common::Answer {
    let page = format!("/jury/ansokan/{id}");
    let names: Vec<(String, String)> = scores.iter().map(|(c, s)| (format!("score[{c}]"), s.to_string())).collect();
    let mut fields: Vec<(&str, &str)> = vec![("application", id), ("version", version)];
    fields.extend(names.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    fields.extend_from_slice(extra);
    juror.post(&page, "/api/save_review", &fields, true).await
}

/// The juror declares jäv for the kommun in the current round, as on /jury/jav.
pub(crate) async fn declare_jav(juror: &mut Browser, kommun: &str, reason: &str) -> crate::common::Answer {
    let fields = [("round", "ehalsokommun-2027"), ("kommun", kommun), ("reason", reason)];
    juror.post("/jury/jav", "/api/declare_conflict", &fields, true).await
}

/// The juror marks done every review on their list, as on each review page: the
/// jury's decision is theirs to read only then.
pub(crate) async fn finish_reviews(juror: &mut Browser) {
    let list = juror.get("/jury").await.body;
    let mut ids: Vec<&str> =
        list.split("href=\"/jury/ansokan/").skip(1).filter_map(|rest| rest.split('"').next()).collect();
    ids.dedup();
    let all3: Vec<(&str, &str)> = ALL.iter().map(|c| (*c, "3")).collect();
    for id in ids {
        let page = juror.get(&format!("/jury/ansokan/{id}")).await.body;
        // Done already, or jäv: nothing to score.
        let Some(at) = page.find("name=\"version\" value=\"").filter(|_| !page.contains("notice-done")) else {
            continue;
        };
        let version = page[at + "name=\"version\" value=\"".len()..].split('"').next().unwrap().to_owned();
        let done = review(juror, id, &version, &all3, &[("recommendation", "kanske"), ("action", "klar")]).await;
        assert!(done.location().is_some_and(|l| l.contains("klart=bedomning-klar")), "{id}: {}", done.body);
    }
}

pub(crate) const ALL: [&str; 8] = [
    "inflytande",
    "arbetssatt",
    "utvecklingssteg",
    "resultat",
    "omrade-ledning",
    "omrade-infrastruktur",
    "omrade-kompetens",
    "omrade-anvandning",
];

async fn stored(portal: &TestPortal, id: &str, email: &str) -> Option<(i64, String, bool)> {
    sqlx::query(
        "SELECT r.version, r.jury_comment, r.done_at FROM reviews r JOIN users u ON u.id = r.user_id \
         WHERE r.application_id = $1 AND u.email = $2",
    )
    .bind(id)
    .bind(email)
    .fetch_optional(portal.db.pool())
    .await
    .unwrap()
    .map(|r| (r.get("version"), r.get("jury_comment"), r.get::<Option<String>, _>("done_at").is_some()))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn jurors_score_declare_jav_finish_and_then_see_each_other_and_discuss() {
    for backend in BACKENDS {
        let portal = TestPortal::start(backend, open_clock()).await;
        let kalmar = submitted_application(&portal, "anna@kalmar.se", "0880", "Kalmar leder med invånarna.").await;
        let nacka = submitted_application(&portal, "nils@nacka.se", "0182", "Nacka bygger ut.").await;
        let mut draft_writer = portal.logged_in("gun@goteborg.se", Role::Applicant, Some("1480")).await;
        let draft = open_application(&mut draft_writer).await;
        save(&mut draft_writer, &draft, &[("ledning", "Ett hemligt utkast.", 0)], "save").await;

        let mut anna = portal.logged_in("anna.juror@skr.se", Role::Juror, None).await;
        portal.logged_in("bert.juror@inera.se", Role::Juror, None).await;
        portal.logged_in("org@vitalis.se", Role::Organiser, None).await;

        // Before the deadline the texts may still change: the jury sees none of them.
        let early = anna.get("/jury").await.body;
        assert!(early.contains("Bedömningen börjar när ansökan har stängt"), "{backend:?}");
        assert!(!early.contains("Kalmar"), "{backend:?}");
        assert_eq!(anna.get(&format!("/jury/ansokan/{kalmar}")).await.status, 404, "{backend:?}");

        let later = portal.at(review_clock()).await;
        let mut anna = log_in_at(&portal, &later, "anna.juror@skr.se").await;
        let mut bert = log_in_at(&portal, &later, "bert.juror@inera.se").await;
        let mut organiser = log_in_at(&portal, &later, "org@vitalis.se").await;
        start_review(&mut organiser).await;

        // The list: both submitted applications, never the draft.
        let answer = anna.get("/jury").await;
        assert_eq!(answer.status, 200, "{:?}", answer.location());
        let list = answer.body;
        assert!(list.contains("Kalmar") && list.contains("Nacka"), "{backend:?}: {list}");
        assert!(!list.contains("Göteborg"), "{backend:?}: a draft never reaches the jury");
        assert!(list.contains("Du har bedömt 0 av 2 ansökningar."), "{backend:?}");
        assert_eq!(anna.get(&format!("/jury/ansokan/{draft}")).await.status, 404, "{backend:?}");
        let filtered = anna.get("/jury?lan=Kalmar+län&status=ej-paborjad&sortera=lan").await.body;
        assert!(filtered.contains("Kalmar") && !filtered.contains(">Nacka<"), "{backend:?}: filtered by län");

        // Jäv for Nacka: no review of it, and nothing of the jury's work on it.
        let declared = declare_jav(&mut anna, "Nacka", "Min arbetsgivare").await;
        assert_eq!(
            declared.location().as_deref(),
            Some("/jury/jav?klart=jav-anmalt"),
            "{backend:?}: {}",
            declared.body
        );
        let nacka_page = anna.get(&format!("/jury/ansokan/{nacka}")).await.body;
        assert!(nacka_page.contains("Du har anmält jäv för Nacka"), "{backend:?}");
        assert!(!nacka_page.contains("Nacka bygger ut."), "{backend:?}: with jäv not a line of the text");
        let print = anna.get(&format!("/jury/ansokan/{nacka}/utskrift")).await.body;
        assert!(print.contains("Du har anmält jäv för Nacka"), "{backend:?}");
        assert!(!print.contains("Nacka bygger ut."), "{backend:?}: nor in the print view");
        let refused = review(&mut anna, &nacka, "0", &[("inflytande", "3")], &[]).await;
        let back = anna.follow(&refused).await.body;
        assert!(back.contains("Du har anmält jäv för Nacka"), "{backend:?}");
        assert_eq!(stored(&portal, &nacka, "anna.juror@skr.se").await, None, "{backend:?}");
        assert!(organiser.get("/arrangor/bedomning").await.body.contains("Min arbetsgivare"), "{backend:?}");

        // A score off the scale: said beside the field, nothing saved, the comment kept.
        let off = review(&mut anna, &kalmar, "0", &[("inflytande", "6")], &[("jury_comment", "Stark ledning.")]).await;
        let back = anna.follow(&off).await.body;
        assert!(back.contains("Välj en poäng från 1 till 5."), "{backend:?}");
        assert!(back.contains("Stark ledning."), "{backend:?}: the typed comment is shown again");
        assert_eq!(stored(&portal, &kalmar, "anna.juror@skr.se").await, None, "{backend:?}");

        // A draft, then a stale page (version 0 again) is refused and overwrites nothing.
        let texts = [("jury_comment", "Stark ledning."), ("private_note", "Min egen tanke.")];
        let first = review(&mut anna, &kalmar, "0", &[("inflytande", "4")], &texts).await;
        assert!(first.location().is_some_and(|l| l.contains("klart=bedomning-sparad")), "{backend:?}: {}", first.body);
        let stale =
            review(&mut anna, &kalmar, "0", &[("inflytande", "1")], &[("jury_comment", "Från en gammal flik.")]).await;
        assert!(anna.follow(&stale).await.body.contains("har sparats från en annan flik"), "{backend:?}");
        assert_eq!(stored(&portal, &kalmar, "anna.juror@skr.se").await, Some((1, "Stark ledning.".into(), false)));
        // The same save again on the old version (a page reloaded before it landed sends it
        // again): it changes nothing, so it counts as saved, and no new version is made.
        let again = review(&mut anna, &kalmar, "0", &[("inflytande", "4")], &texts).await;
        assert!(again.location().is_some_and(|l| l.contains("klart=bedomning-sparad")), "{backend:?}: {}", again.body);
        assert_eq!(stored(&portal, &kalmar, "anna.juror@skr.se").await, Some((1, "Stark ledning.".into(), false)));

        // "Klar" needs every score and a recommendation.
        let early_done = review(&mut anna, &kalmar, "1", &[("inflytande", "4")], &[("action", "klar")]).await;
        let back = anna.follow(&early_done).await.body;
        assert!(back.contains("Ge en poäng här innan du markerar bedömningen som klar."), "{backend:?}");
        assert!(
            back.contains("Utvecklingssteg under året: Ge en poäng här innan du markerar bedömningen som klar."),
            "{backend:?}: the error summary names each criterion"
        );
        assert!(back.contains("Välj en rekommendation"), "{backend:?}");

        // Bert scores Kalmar first and finishes; Anna cannot see it yet.
        let all4: Vec<(&str, &str)> = ALL.iter().map(|c| (*c, "4")).collect();
        let all2: Vec<(&str, &str)> = ALL.iter().map(|c| (*c, "2")).collect();
        let bert_done = review(
            &mut bert,
            &kalmar,
            "0",
            &all2,
            &[
                ("recommendation", "nej"),
                ("jury_comment", "Tunn på resultat."),
                ("private_note", "Berts hemlighet."),
                ("action", "klar"),
            ],
        )
        .await;
        assert!(
            bert_done.location().is_some_and(|l| l.contains("klart=bedomning-klar")),
            "{backend:?}: {}",
            bert_done.body
        );
        let before = anna.get(&format!("/jury/ansokan/{kalmar}")).await.body;
        assert!(before.contains("när du har markerat din egen bedömning som klar"), "{backend:?}");
        assert!(
            !before.contains("Tunn på resultat.") && !before.contains("Test jurymedlem, "),
            "{backend:?}: no anchoring"
        );
        let discuss_early = anna
            .post(
                &format!("/jury/ansokan/{kalmar}"),
                "/api/post_to_jury",
                &[("application", &kalmar), ("body", "Får jag tycka?")],
                true,
            )
            .await;
        assert_eq!(discuss_early.location().as_deref(), Some("/ingen-behorighet"), "{backend:?}");
        let posts: i64 =
            sqlx::query("SELECT COUNT(*) AS n FROM jury_posts").fetch_one(portal.db.pool()).await.unwrap().get("n");
        assert_eq!(posts, 0, "{backend:?}: nothing said before one's own review is done");

        // Anna finishes: now she sees Bert's scores and comment, never his private note.
        let done = review(
            &mut anna,
            &kalmar,
            "1",
            &all4,
            &[
                ("recommendation", "nominera"),
                ("jury_comment", "Stark ledning."),
                ("private_note", "Min egen tanke."),
                ("action", "klar"),
            ],
        )
        .await;
        assert!(done.location().is_some_and(|l| l.contains("klart=bedomning-klar")), "{backend:?}: {}", done.body);
        let after = anna.get(&format!("/jury/ansokan/{kalmar}")).await.body;
        assert!(after.contains("Tunn på resultat."), "{backend:?}");
        assert!(!after.contains("Berts hemlighet."), "{backend:?}: a private note is the juror's own");
        // Inflytande weighs 2: (4+2)/2 on every criterion = 3,0.
        assert!(
            after.contains("Viktat medelvärde: </strong>3,0"),
            "{backend:?}: {}",
            &after[after.find("juryn-rubrik").unwrap_or(0)..]
        );
        assert!(after.contains("Nominera: 1 · Kanske: 0 · Nej: 1"), "{backend:?}");

        // A done review is locked until "Ångra Klar".
        let locked = review(&mut anna, &kalmar, "3", &all2, &[]).await;
        assert!(anna.follow(&locked).await.body.contains("markerad som klar"), "{backend:?}");

        // The discussion, and the shortlist.
        let posted = anna
            .post(
                &format!("/jury/ansokan/{kalmar}"),
                "/api/post_to_jury",
                &[("application", &kalmar), ("body", "Kalmar är en kandidat.")],
                true,
            )
            .await;
        assert!(posted.location().is_some_and(|l| l.contains("klart=inlagg")), "{backend:?}: {}", posted.body);
        assert!(
            bert.get(&format!("/jury/ansokan/{kalmar}")).await.body.contains("Kalmar är en kandidat."),
            "{backend:?}"
        );
        let marked = anna
            .post(
                "/jury/kortlista",
                "/api/mark_for_shortlist",
                &[("application", &kalmar), ("marked", "ja"), ("back", "kortlista")],
                true,
            )
            .await;
        assert_eq!(marked.location().as_deref(), Some("/jury/kortlista?klart=markerad"), "{backend:?}");
        let shortlist = bert.get("/jury/kortlista").await.body;
        assert!(shortlist.contains("1 / 2"), "{backend:?}: one of two jurors proposes Kalmar");

        // Applicants never see the jury's work; a juror off the round sees nothing of it.
        let mut applicant = logged_in_at(&portal, &later, "ulla@kalmar.se", Role::Applicant, Some("0880")).await;
        assert_eq!(applicant.get(&format!("/jury/ansokan/{kalmar}")).await.status, 403, "{backend:?}");
        let mut outsider = logged_in_at(&portal, &later, "olle.juror@fss.se", Role::Juror, None).await;
        sqlx::query("DELETE FROM jury_assignments WHERE user_id = (SELECT id FROM users WHERE email = $1)")
            .bind("olle.juror@fss.se")
            .execute(portal.db.pool())
            .await
            .unwrap();
        assert_eq!(outsider.get(&format!("/jury/ansokan/{kalmar}")).await.status, 403, "{backend:?}");
        let sneaky = review(&mut outsider, &kalmar, "0", &all4, &[]).await;
        assert_eq!(sneaky.location().as_deref(), Some("/ingen-behorighet"), "{backend:?}");

        // The organiser closes the review: nothing changes any more, and the criteria are fixed.
        let closed = organiser.post("/arrangor/bedomning", "/api/close_review", &[("action", "stang")], true).await;
        assert_eq!(closed.location().as_deref(), Some("/arrangor/bedomning?klart=bedomning-stangd"), "{backend:?}");
        let undo = review(&mut anna, &kalmar, "3", &[], &[("action", "angra")]).await;
        assert!(anna.follow(&undo).await.body.contains("Bedömningen är stängd av arrangören"), "{backend:?}");
        assert_eq!(stored(&portal, &kalmar, "anna.juror@skr.se").await.map(|s| s.2), Some(true), "{backend:?}");
        let settings = organiser.get("/arrangor/bedomning").await.body;
        assert!(settings.contains("kriterierna och skalan ligger fast"), "{backend:?}");
        let change = organiser
            .post(
                "/arrangor/bedomning",
                "/api/save_review_settings",
                &[
                    ("round", "ehalsokommun-2027"),
                    ("title[0]", "Nytt"),
                    ("weight[0]", "1"),
                    ("scale_max", "3"),
                    ("labels", "a\nb\nc"),
                ],
                true,
            )
            .await;
        assert!(organiser.follow(&change).await.body.contains("ligger fast"), "{backend:?}");
        let count: i64 = sqlx::query("SELECT COUNT(*) AS n FROM review_criteria")
            .fetch_one(portal.db.pool())
            .await
            .unwrap()
            .get("n");
        assert_eq!(count, 8, "{backend:?}: the criteria the jury scored on stay");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_organiser_sets_criteria_weights_and_scale_before_the_review_begins() {
    for backend in BACKENDS {
        let portal = TestPortal::start(backend, open_clock()).await;
        let mut organiser = portal.logged_in("org@vitalis.se", Role::Organiser, None).await;
        let page = organiser.get("/arrangor/bedomning").await.body;
        assert!(
            page.contains("Inflytande och delaktighet") && page.contains("value=\"omrade-anvandning\""),
            "{backend:?}"
        );

        // Bad input: said beside each field, the rest kept.
        let bad = organiser
            .post(
                "/arrangor/bedomning",
                "/api/save_review_settings",
                &[
                    ("round", "ehalsokommun-2027"),
                    ("slug[0]", "inflytande"),
                    ("title[0]", ""),
                    ("weight[0]", "11"),
                    ("scale_max", "4"),
                    ("labels", "Svagt\nGott"),
                ],
                true,
            )
            .await;
        let back = organiser.follow(&bad).await.body;
        assert!(back.contains("Ge kriteriet en rubrik"), "{backend:?}");
        assert!(back.contains("Vikten ska vara ett heltal från 1 till 10."), "{backend:?}");
        assert!(back.contains("Skriv en beskrivning per steg, 4 rader"), "{backend:?}");

        // The tie rule cannot name a criterion that goes; nothing typed is lost.
        let settings = |tie_break: &'static str| {
            [
                ("round", "ehalsokommun-2027"),
                ("slug[0]", "inflytande"),
                ("title[0]", "Inflytande och delaktighet"),
                ("weight[0]", "3"),
                ("slug[1]", ""),
                ("title[1]", "Samverkan med regionen"),
                ("weight[1]", "1"),
                ("scale_max", "3"),
                ("labels", "Svagt\nGott\nUtmärkt"),
                ("tie_break", tie_break),
            ]
        };
        let gone =
            organiser.post("/arrangor/bedomning", "/api/save_review_settings", &settings("arbetssatt"), true).await;
        let back = organiser.follow(&gone).await.body;
        assert!(back.contains("Kriteriet som avgör delad plats tas bort."), "{backend:?}");
        assert!(back.contains("value=\"Samverkan med regionen\""), "{backend:?}: the new criterion is kept");
        let tie_break = || async {
            sqlx::query("SELECT tie_break FROM review_settings WHERE round_id = 'ehalsokommun-2027'")
                .fetch_optional(portal.db.pool())
                .await
                .unwrap()
                .map(|r| r.get::<Option<String>, _>("tie_break"))
        };
        assert_eq!(tie_break().await, Some(Some("inflytande".to_owned())), "{backend:?}: the seeded rule is unchanged");

        let jury_decides =
            organiser.post("/arrangor/bedomning", "/api/save_review_settings", &settings(""), true).await;
        assert_eq!(jury_decides.location().as_deref(), Some("/arrangor/bedomning?klart=kriterier-sparade"));
        assert_eq!(tie_break().await, Some(None), "{backend:?}");
        let good =
            organiser.post("/arrangor/bedomning", "/api/save_review_settings", &settings("inflytande"), true).await;
        assert_eq!(good.location().as_deref(), Some("/arrangor/bedomning?klart=kriterier-sparade"), "{backend:?}");
        assert_eq!(tie_break().await, Some(Some("inflytande".to_owned())), "{backend:?}");
        let page = organiser.get("/arrangor/bedomning").await.body;
        assert!(
            page.contains(r#"<input type="radio" id="tie_break-0" name="tie_break" value="inflytande" checked"#),
            "{backend:?}"
        );
        let criteria: Vec<(String, i64)> = sqlx::query(
            "SELECT slug, weight FROM review_criteria WHERE round_id = 'ehalsokommun-2027' ORDER BY position",
        )
        .fetch_all(portal.db.pool())
        .await
        .unwrap()
        .iter()
        .map(|r| (r.get("slug"), r.get("weight")))
        .collect();
        assert_eq!(criteria, vec![("inflytande".to_owned(), 3), ("samverkan-med-regionen".to_owned(), 1)]);

        // A restart (the seed runs again) keeps the organiser's choice.
        app::storage::seed::run(&portal.db).await.unwrap();
        let count: i64 = sqlx::query("SELECT COUNT(*) AS n FROM review_criteria")
            .fetch_one(portal.db.pool())
            .await
            .unwrap()
            .get("n");
        assert_eq!(count, 2, "{backend:?}");

        // The jury then scores on 1–3.
        let kalmar = submitted_application(&portal, "anna@kalmar.se", "0880", "Kalmar.").await;
        let later = portal.at(review_clock()).await;
        start_review(&mut log_in_at(&portal, &later, "org@vitalis.se").await).await;
        let mut juror = logged_in_at(&portal, &later, "j@skr.se", Role::Juror, None).await;
        let page = juror.get(&format!("/jury/ansokan/{kalmar}")).await.body;
        assert!(page.contains("3 – Utmärkt") && !page.contains("4 – "), "{backend:?}");
        assert!(page.contains("Samverkan med regionen (vikt 1)"), "{backend:?}");
        let four = review(&mut juror, &kalmar, "0", &[("inflytande", "4")], &[]).await;
        let back = juror.follow(&four).await.body;
        assert!(
            back.contains("Välj en poäng från 1 till 3."),
            "{backend:?}: {}",
            &back[back.find("bedomning-rubrik").unwrap_or(0)..]
        );
    }
}

/// How many lines of the log have a detail `LIKE` the pattern.
async fn logged(portal: &TestPortal, pattern: &str) -> i64 {
    sqlx::query("SELECT COUNT(*) AS n FROM audit_log WHERE detail LIKE $1")
        .bind(pattern)
        .fetch_one(portal.db.pool())
        .await
        .unwrap()
        .get("n")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_jurors_employer_flags_probable_jav_before_reading_and_the_organiser_sees_every_answer() {
    for backend in BACKENDS {
        let portal = TestPortal::start(backend, open_clock()).await;
        let (kalmar, nacka, umea) = three_submitted(&portal).await;
        portal.logged_in("j@regionkalmar.se", Role::Juror, None).await;
        portal.logged_in("k@skr.se", Role::Juror, None).await;
        portal.logged_in("org@vitalis.se", Role::Organiser, None).await;
        let later = portal.at(review_clock()).await;
        let mut organiser = log_in_at(&portal, &later, "org@vitalis.se").await;
        start_review(&mut organiser).await;
        let mut juror = log_in_at(&portal, &later, "j@regionkalmar.se").await;

        // A kommun that does not exist: said beside the field, what was typed kept.
        let employer = |kind: &'static str, field: &'static str, value: &'static str| {
            vec![("employer_kind", kind), (field, value)]
        };
        let bad = juror
            .post("/jury/jav", "/api/save_employer", &employer("kommun", "employer_kommun", "Atlantis"), true)
            .await;
        let back = juror.follow(&bad).await.body;
        assert!(back.contains("Det finns ingen kommun som heter ”Atlantis”."), "{backend:?}");
        assert!(back.contains(r#"value="Atlantis""#), "{backend:?}");

        // The region of Kalmar län: Kalmar (0880) is flagged, Nacka and Umeå are not.
        let saved =
            juror.post("/jury/jav", "/api/save_employer", &employer("region", "employer_region", "08"), true).await;
        assert_eq!(saved.location().as_deref(), Some("/jury/jav?klart=arbetsgivare-sparad"), "{backend:?}");
        let list = juror.get("/jury").await.body;
        assert_eq!(list.matches("Troligt jäv: svara först").count(), 1, "{backend:?}");
        let page = juror.get(&format!("/jury/ansokan/{kalmar}")).await.body;
        assert!(page.contains("Din arbetsgivare är regionen i Kalmar län."), "{backend:?}");
        assert!(!page.contains("Kalmar leder."), "{backend:?}: not a line of the application before the answer");
        assert!(juror.get(&format!("/jury/ansokan/{umea}")).await.body.contains("Umeå prövar."), "{backend:?}");
        let scores: Vec<(&str, &str)> = ALL.iter().map(|c| (*c, "3")).collect();
        let refused = review(&mut juror, &kalmar, "0", &scores, &[]).await;
        // A review posted from a page opened before the employer was given is refused, and the question asked.
        assert!(
            juror.follow(&refused).await.body.contains("Din arbetsgivare är regionen i Kalmar län."),
            "{backend:?}"
        );
        assert!(stored(&portal, &kalmar, "j@regionkalmar.se").await.is_none(), "{backend:?}");

        // An answer needs a choice and a reason.
        let answer_page = format!("/jury/ansokan/{kalmar}");
        let empty = juror
            .post(&answer_page, "/api/answer_flag", &[("application", kalmar.as_str()), ("reason", "")], true)
            .await;
        let back = juror.follow(&empty).await.body;
        assert!(back.contains("Välj om du har jäv eller inte."), "{backend:?}");
        let fields = [("application", kalmar.as_str()), ("answer", "inte-jav"), ("reason", " ")];
        let blank = juror.post(&answer_page, "/api/answer_flag", &fields, true).await;
        let back = juror.follow(&blank).await.body;
        assert!(back.contains("Skriv något här."), "{backend:?}");
        let reason = "Jag arbetar med regionens vårdval, inte med kommunens omsorg";
        let fields = [("application", kalmar.as_str()), ("answer", "inte-jav"), ("reason", reason)];
        let dismissed = juror.post(&answer_page, "/api/answer_flag", &fields, true).await;
        assert_eq!(dismissed.location(), Some(format!("/jury/ansokan/{kalmar}?klart=jav-avfardat")), "{backend:?}");
        assert!(juror.get(&answer_page).await.body.contains("Kalmar leder."), "{backend:?}");
        // The same answer again (a second press, another tab) records nothing more.
        let again = juror.post(&answer_page, "/api/answer_flag", &fields, true).await;
        assert_eq!(again.location(), Some(answer_page.clone()), "{backend:?}");
        assert_eq!(logged(&portal, "Troligt jäv för Kalmar%").await, 1, "{backend:?}");
        // Employed by the kommun itself now: an answer given for the region does not answer for it.
        let saved =
            juror.post("/jury/jav", "/api/save_employer", &employer("kommun", "employer_kommun", "Kalmar"), true).await;
        assert_eq!(saved.location().as_deref(), Some("/jury/jav?klart=arbetsgivare-sparad"), "{backend:?}");
        assert!(juror.get(&answer_page).await.body.contains("Din arbetsgivare är kommunen Kalmar."), "{backend:?}");
        let reason = "Jag arbetar i kommunens kulturförvaltning";
        let fields = [("application", kalmar.as_str()), ("answer", "inte-jav"), ("reason", reason)];
        let dismissed = juror.post(&answer_page, "/api/answer_flag", &fields, true).await;
        assert_eq!(dismissed.location(), Some(format!("/jury/ansokan/{kalmar}?klart=jav-avfardat")), "{backend:?}");
        assert_eq!(logged(&portal, "Troligt jäv för Kalmar%").await, 2, "{backend:?}");

        // Employed by Nacka: Nacka is flagged; the juror confirms, and is left out of it.
        let saved =
            juror.post("/jury/jav", "/api/save_employer", &employer("kommun", "employer_kommun", "Nacka"), true).await;
        assert_eq!(saved.location().as_deref(), Some("/jury/jav?klart=arbetsgivare-sparad"), "{backend:?}");
        let fields =
            [("application", nacka.as_str()), ("answer", "jav"), ("reason", "Jag är anställd av Nacka kommun")];
        let confirmed = juror.post(&format!("/jury/ansokan/{nacka}"), "/api/answer_flag", &fields, true).await;
        assert_eq!(confirmed.location().as_deref(), Some("/jury?klart=jav-bekraftat"), "{backend:?}");
        let page = juror.get(&format!("/jury/ansokan/{nacka}")).await.body;
        assert!(page.contains("Du har anmält jäv för Nacka"), "{backend:?}");
        // Kalmar's answer stands, though the employer changed.
        assert!(juror.get(&answer_page).await.body.contains("Kalmar leder."), "{backend:?}");

        // Another juror, with no employer given, is flagged for nothing.
        let mut other = log_in_at(&portal, &later, "k@skr.se").await;
        assert!(!other.get("/jury").await.body.contains("Troligt jäv"), "{backend:?}");

        // The organiser sees every flag and answer, and the recusal is in the decision's record.
        let settings = organiser.get("/arrangor/bedomning").await.body;
        assert!(
            settings.contains(&format!("Kalmar (arbetsgivare: kommunen Kalmar): inte jäv: {reason} (")),
            "{backend:?}"
        );
        assert!(
            settings.contains("Nacka (arbetsgivare: kommunen Nacka): jäv bekräftat: Jag är anställd av Nacka kommun ("),
            "{backend:?}"
        );
        let decision = organiser.get("/arrangor/beslut").await.body;
        assert!(decision.contains("Jäv i beslutet"), "{backend:?}");
        assert!(decision.contains("Nacka: Jag är anställd av Nacka kommun (anmält "), "{backend:?}");
        let log = organiser.get("/arrangor/logg").await.body;
        assert!(log.contains("Troligt jäv för Nacka (kommunen Nacka): jäv bekräftat."), "{backend:?}");
        // Only jurors answer flags; an organiser's answer is refused by the access table.
        let refused = organiser.post("/arrangor/bedomning", "/api/answer_flag", &fields, true).await;
        assert_eq!(refused.status, 403, "{backend:?}");
    }
}

/// The statements one juror's save runs, whatever the round's size: the save reads
/// what it decides on, inside its transaction, and never the whole round.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_jurors_save_runs_a_handful_of_statements_however_large_the_round() {
    for backend in BACKENDS {
        let portal = TestPortal::start(backend, open_clock()).await;
        let (kalmar, nacka, _) = three_submitted(&portal).await;
        portal.logged_in("anna.juror@skr.se", Role::Juror, None).await;
        portal.logged_in("org@vitalis.se", Role::Organiser, None).await;
        let later = portal.at(review_clock()).await;
        start_review(&mut log_in_at(&portal, &later, "org@vitalis.se").await).await;
        let mut anna = log_in_at(&portal, &later, "anna.juror@skr.se").await;

        let draft = review(&mut anna, &kalmar, "0", &[("inflytande", "4")], &[("jury_comment", "Stark.")]).await;
        assert!(draft.location().is_some_and(|l| l.contains("klart=bedomning-sparad")), "{backend:?}: {}", draft.body);
        let all: Vec<(&str, &str)> = ALL.iter().map(|c| (*c, "4")).collect();
        let done = review(&mut anna, &kalmar, "1", &all, &[("recommendation", "kanske"), ("action", "klar")]).await;
        assert!(done.location().is_some_and(|l| l.contains("klart=bedomning-klar")), "{backend:?}: {}", done.body);

        for (what, answer) in [("a draft", &draft), ("done", &done)] {
            let id = answer.headers.get("x-request-id").expect("every answer names its request").to_str().unwrap();
            let request = crate::common::queries::of_request(id);
            let save = crate::common::queries::of_action(id, "ScoreEntry");
            println!(
                "{backend:?} {what}: {} statements in the request, {} in the save: {save:#?}",
                request.len(),
                save.len()
            );
            assert!(!save.is_empty() && save.len() <= 6, "{backend:?}, {what}: {save:#?}");
            // The rest is what every request pays: its session, and the person behind it.
            assert!(request.len() <= save.len() + 3, "{backend:?}, {what}: {request:#?}");
        }

        // A round without settings of its own is scored on the call's criteria, which the save reads
        // in its own transaction: one more connection, taken while holding the write lock, would wait
        // for the pool when every connection is busy with saves.
        sqlx::query("DELETE FROM review_settings").execute(portal.db.pool()).await.unwrap();
        let defaults = review(&mut anna, &nacka, "0", &[("inflytande", "5"), ("omrade-ledning", "2")], &[]).await;
        assert!(
            defaults.location().is_some_and(|l| l.contains("klart=bedomning-sparad")),
            "{backend:?}: {}",
            defaults.body
        );
        assert_eq!(stored(&portal, &nacka, "anna.juror@skr.se").await, Some((1, String::new(), false)), "{backend:?}");
    }
}
