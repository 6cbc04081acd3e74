//! The organisers' ranking through the real portal, on SQLite and PostgreSQL:
//! a harsh and a lenient juror, one jäv, and what normalising changes; the
//! three methods side by side, the tie rule, and the ranking frozen when the
//! jury decides.

use crate::{
    common::{BACKENDS, TestPortal},
    jury::{ALL, log_in_at, open_clock, review, review_clock, start_review, three_submitted},
};
use app::domain::account::Role;
use calamine::{Data, Reader, Xlsx};
use sqlx::Row;
use std::io::Cursor;

const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// The text of a table row, tags dropped and spaces collapsed, that holds `marker`.
fn row_text(page: &str, marker: &str) -> String {
    let at = page.find(marker).unwrap_or_else(|| panic!("{marker} in {page}"));
    let start = page[..at].rfind("<tr").unwrap();
    let end = at + page[at..].find("</tr>").unwrap();
    let mut text = String::new();
    let mut in_tag = false;
    for c in page[start..end].chars() {
        match c {
            '<' => {
                in_tag = true;
                text.push(' ');
            }
            '>' => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_ranking_normalises_a_harsh_and_a_lenient_juror_and_leaves_out_jav() {
    for backend in BACKENDS {
        let portal = TestPortal::start(backend, open_clock()).await;
        let (kalmar, nacka, umea) = three_submitted(&portal).await;
        for (email, role) in
            [("hard@skr.se", Role::Juror), ("snall@inera.se", Role::Juror), ("org@vitalis.se", Role::Organiser)]
        {
            portal.logged_in(email, role, None).await;
        }
        for (email, name) in [("hard@skr.se", "Hård Jurysson"), ("snall@inera.se", "Snäll Jurysson")] {
            portal.rename(email, name).await;
        }
        let later = portal.at(review_clock()).await;
        let mut organiser = log_in_at(&portal, &later, "org@vitalis.se").await;
        let empty = organiser.get("/arrangor/rangordning").await;
        assert_eq!(empty.status, 200, "{backend:?}");
        assert!(empty.body.contains("Inga ansökningar är inskickade och bedömda än."), "{backend:?}");
        start_review(&mut organiser).await;

        let mut hard = log_in_at(&portal, &later, "hard@skr.se").await;
        let mut snall = log_in_at(&portal, &later, "snall@inera.se").await;
        let conflict = [("round", "ehalsokommun-2027"), ("kommun", "Nacka"), ("reason", "Min arbetsgivare")];
        snall.post("/jury/jav", "/api/declare_conflict", &conflict, true).await;
        for (is_hard, application, score) in
            [(true, &kalmar, "3"), (true, &nacka, "2"), (true, &umea, "1"), (false, &kalmar, "5"), (false, &umea, "4")]
        {
            let juror = if is_hard { &mut hard } else { &mut snall };
            let scores: Vec<(&str, &str)> = ALL.iter().map(|c| (*c, score)).collect();
            let extra = [("recommendation", "kanske"), ("action", "klar")];
            let done = review(juror, application, "0", &scores, &extra).await;
            assert!(done.location().is_some_and(|l| l.contains("klart=bedomning-klar")), "{backend:?}: {}", done.body);
        }

        let page = organiser.get("/arrangor/rangordning").await.body;
        // Hård: Kalmar 3, Nacka 2, Umeå 1 → z 1.22, 0, −1.22. Snäll (jäv for Nacka) has two
        // reviews, too few for a scale of their own: Kalmar 5 and Umeå 4 are read on the
        // jury's (mean 3, σ √2) → 1.41, 0.71. Normalised: Kalmar 1.32, Nacka 0, Umeå −0.26.
        // By mean: Kalmar 4, Umeå 2.5, Nacka 2. Schulze: Kalmar, Nacka, Umeå.
        let (kalmar_row, nacka_row, umea_row) =
            (row_text(&page, ">Kalmar<"), row_text(&page, ">Nacka<"), row_text(&page, ">Umeå<"));
        assert!(
            kalmar_row.starts_with("1 Kalmar SE-2027-0880-1 3,00 5,00 4,00 4,00 2 1,00 1,32 1 1"),
            "{backend:?}: {kalmar_row}"
        );
        assert!(
            nacka_row.starts_with("2 Nacka SE-2027-0182-1 2,00 jäv 2,00 2,00 1 0,00 0,00 3"),
            "{backend:?}: {nacka_row}"
        );
        assert!(nacka_row.ends_with("(1 upp med normalisering) 2"), "{backend:?}: {nacka_row}");
        assert!(
            umea_row.starts_with("3 Umeå SE-2027-2480-1 1,00 4,00 2,50 2,50 2 1,50 −0,26 2"),
            "{backend:?}: {umea_row}"
        );
        assert!(umea_row.ends_with("(1 ned med normalisering) 3"), "{backend:?}: {umea_row}");
        // Kalmar, Nacka, Umeå: the table is in that order.
        let (k, n, u) = (page.find(">Kalmar<").unwrap(), page.find(">Nacka<").unwrap(), page.find(">Umeå<").unwrap());
        assert!(k < n && n < u, "{backend:?}");
        assert!(page.contains("Normaliseringen ändrar placeringen för 2 ansökningar."), "{backend:?}");
        assert!(page.contains("Umeå: spridning 1,50"), "{backend:?}: the largest disagreement is named");
        assert!(page.contains("färre än 3 klara bedömningar: Snäll Jurysson."), "{backend:?}");
        assert!(page.contains("De 5 främsta – nomineringsgränsen – är desamma med alla tre metoderna."));
        assert!(
            page.contains("Schulze säger bara vilken ansökan som slår vilken"),
            "{backend:?}: how places are numbered"
        );
        assert!(
            page.contains("Vid delad plats: högst medelpoäng på ”Inflytande och delaktighet”, sedan juryns beslut.")
        );
        assert!(page.contains("Ingen plats är delad med någon metod."), "{backend:?}");
        assert!(!page.contains("Rangordningen frystes"), "{backend:?}: not before the jury decides");

        // The same as a workbook: the ranking and every score, numbers as numbers.
        let (status, kind, bytes) = organiser.download("/arrangor/export/bedomning.xlsx").await;
        assert_eq!((status, kind.as_str()), (200, XLSX), "{backend:?}");
        let mut workbook: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes)).unwrap();
        let ranking = workbook.worksheet_range("Rangordning").unwrap();
        let header: Vec<String> = ranking.rows().next().unwrap().iter().map(|c| c.to_string()).collect();
        assert_eq!(header[..6], ["Plats", "Delad plats", "Kommun", "Referens", "Hård Jurysson", "Snäll Jurysson"]);
        let first: Vec<Data> = ranking.rows().nth(1).unwrap().to_vec();
        assert_eq!(first[2], Data::String("Kalmar".into()), "{backend:?}");
        assert_eq!((&first[0], &first[4], &first[5]), (&Data::Float(1.0), &Data::Float(3.0), &Data::Float(5.0)));
        let nacka_row = ranking.rows().nth(2).unwrap();
        assert_eq!(nacka_row[5], Data::String("jäv".into()), "{backend:?}");
        let scores = workbook.worksheet_range("Poäng").unwrap();
        assert_eq!(scores.height(), 6, "{backend:?}: a header and five reviews");
        assert!(scores.rows().any(|r| r[0] == Data::String("Umeå".into())
            && r[2] == Data::String("Snäll Jurysson".into())
            && r[13] == Data::Float(4.0)
            && r[14] == Data::String("Kanske".into())));

        let (status, kind, csv) = organiser.download("/arrangor/export/rangordning.csv").await;
        assert_eq!((status, kind.as_str()), (200, "text/csv; charset=utf-8"), "{backend:?}");
        let csv = String::from_utf8(csv).unwrap();
        assert!(csv.starts_with("\u{feff}Plats;Delad plats;Kommun;"), "{backend:?}: {csv}");
        // …; the place by the mean, whether shared; by Schulze, whether shared, beaten by, not separable from.
        assert!(csv.contains("\n1;;Kalmar;SE-2027-0880-1;3;5;4;4;2;1;1,3195;1;;1;;0;"), "{backend:?}: {csv}");
        let header = csv.lines().next().unwrap();
        assert!(
            header.ends_with(";Delad plats (medelvärde);Plats enligt Schulze;Delad plats (Schulze);Slås av (Schulze);Kan inte skiljas från (Schulze)"),
            "{backend:?}: every method's shared places are marked: {header}"
        );
        let log = organiser.get("/arrangor/logg").await.body;
        assert!(log.contains("Export: bedomning.xlsx") && log.contains("Export: rangordning.csv"), "{backend:?}");

        // Only organisers see it or download it.
        assert_eq!(hard.get("/arrangor/rangordning").await.status, 403, "{backend:?}");
        let refused = hard.get("/arrangor/export/poang.csv").await;
        assert_eq!(refused.location().as_deref(), Some("/ingen-behorighet"), "{backend:?}: {}", refused.status);
        assert_eq!(organiser.download("/arrangor/export/hemligt.csv").await.0, 404, "{backend:?}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_tie_rule_settles_a_shared_place_and_the_ranking_freezes_when_the_jury_decides() {
    for backend in BACKENDS {
        let portal = TestPortal::start(backend, open_clock()).await;
        let (kalmar, nacka, umea) = three_submitted(&portal).await;
        portal.logged_in("hard@skr.se", Role::Juror, None).await;
        portal.logged_in("org@vitalis.se", Role::Organiser, None).await;
        let later = portal.at(review_clock()).await;
        let mut organiser = log_in_at(&portal, &later, "org@vitalis.se").await;
        start_review(&mut organiser).await;

        // Inflytande weighs 2, the seven others 1: Kalmar (2·4 + 2 + 6·3) / 9 and
        // Nacka (2·3 + 4 + 6·3) / 9 are both 28 / 9; the round's rule (the seeded
        // default, inflytande) puts Kalmar first.
        let mut juror = log_in_at(&portal, &later, "hard@skr.se").await;
        for (application, inflytande, arbetssatt, rest) in
            [(&kalmar, "4", "2", "3"), (&nacka, "3", "4", "3"), (&umea, "1", "1", "1")]
        {
            let mut scores: Vec<(&str, &str)> = ALL.iter().map(|c| (*c, rest)).collect();
            scores[0].1 = inflytande;
            scores[1].1 = arbetssatt;
            let extra = [("recommendation", "kanske"), ("action", "klar")];
            let done = review(&mut juror, application, "0", &scores, &extra).await;
            assert!(done.location().is_some_and(|l| l.contains("klart=bedomning-klar")), "{backend:?}: {}", done.body);
        }
        let page = organiser.get("/arrangor/rangordning").await.body;
        assert!(row_text(&page, ">Kalmar<").starts_with("1 Kalmar SE-2027-0880-1 3,11"), "{backend:?}");
        assert!(row_text(&page, ">Nacka<").starts_with("2 Nacka SE-2027-0182-1 3,11"), "{backend:?}");
        for method in ["Medelvärde", "Normaliserat", "Schulze"] {
            assert!(
                page.contains(&format!(
                    "{method}, delad plats 1: Kalmar (medel 4,00 på kriteriet) blir 1; Nacka (medel 3,00 på kriteriet) blir 2. Avgjort av regeln."
                )),
                "{backend:?}: {method} in {}",
                &page[page.find("Delade platser").unwrap_or(0)..]
            );
        }
        // Once scoring has begun the rule stays as written.
        let change = [
            ("round", "ehalsokommun-2027"),
            ("slug[0]", "inflytande"),
            ("title[0]", "Inflytande och delaktighet"),
            ("weight[0]", "2"),
            ("scale_max", "5"),
            ("labels", "1\n2\n3\n4\n5"),
            ("tie_break", ""),
        ];
        let locked = organiser.post("/arrangor/bedomning", "/api/save_review_settings", &change, true).await;
        let back = organiser.follow(&locked).await.body;
        assert!(back.contains("Bedömningen har börjat, så kriterierna och skalan ligger fast."), "{backend:?}");
        assert!(back.contains("Vid delad plats: högst medelpoäng på ”Inflytande och delaktighet”"), "{backend:?}");
        let rule: Option<String> = sqlx::query("SELECT tie_break FROM review_settings")
            .fetch_one(portal.db.pool())
            .await
            .unwrap()
            .get("tie_break");
        assert_eq!(rule.as_deref(), Some("inflytande"), "{backend:?}");

        // The jury decides: the ranking is frozen with its time.
        crate::organising::decide(&mut organiser, &mut [&mut juror], &[(&kalmar, "vinnare", "Modigt och genomfört.")])
            .await;
        let step = [("from", "bedomning"), ("to", "beslutad"), ("confirm", "ja")];
        let decided = organiser.post("/arrangor/omgang", "/api/step_round", &step, true).await;
        assert_eq!(decided.location().as_deref(), Some("/arrangor/omgang?klart=steg-taget"), "{backend:?}");

        // A later edit (here straight in the database: no page allows one now) changes nothing frozen.
        sqlx::query(
            "UPDATE review_scores SET score = 5 WHERE review_id IN (SELECT id FROM reviews WHERE application_id = $1)",
        )
        .bind(&umea)
        .execute(portal.db.pool())
        .await
        .unwrap();
        let frozen = organiser.get("/arrangor/rangordning").await.body;
        assert!(frozen.contains("Rangordningen frystes när juryn beslutade, 16 april 2027 kl. 10.00."), "{backend:?}");
        assert!(row_text(&frozen, ">Umeå<").starts_with("3 Umeå SE-2027-2480-1 1,00"), "{backend:?}");
        let (_, _, csv) = organiser.download("/arrangor/export/rangordning.csv").await;
        let csv = String::from_utf8(csv).unwrap();
        assert!(csv.lines().nth(1).is_some_and(|l| l.contains(";Kalmar;")), "{backend:?}: {csv}");
        assert!(csv.contains("Rangordningen frystes när juryn beslutade, 16 april 2027 kl. 10.00."), "{backend:?}");

        // Taken back to review, the ranking is live again.
        let back = [("from", "beslutad"), ("to", "bedomning"), ("confirm", "ja")];
        let reopened = organiser.post("/arrangor/beslut", "/api/step_round", &back, true).await;
        assert_eq!(reopened.location().as_deref(), Some("/arrangor/beslut?klart=beslut-oppnat"), "{backend:?}");
        let live = organiser.get("/arrangor/rangordning").await.body;
        assert!(!live.contains("Rangordningen frystes"), "{backend:?}");
        assert!(row_text(&live, ">Umeå<").starts_with("1 Umeå SE-2027-2480-1 5,00"), "{backend:?}");
    }
}
