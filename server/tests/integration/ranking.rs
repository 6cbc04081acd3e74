//! The organisers' ranking through the real portal, on SQLite and PostgreSQL:
//! a harsh and a lenient juror, one jäv, and what normalising changes.

use crate::{
    common::{BACKENDS, TestPortal},
    jury::{ALL, log_in_at, open_clock, review, review_clock, start_review, submitted_application},
};
use app::domain::account::Role;
use calamine::{Data, Reader, Xlsx};
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
        let kalmar = submitted_application(&portal, "anna@kalmar.se", "0880", "Kalmar leder.").await;
        let nacka = submitted_application(&portal, "nils@nacka.se", "0182", "Nacka bygger.").await;
        let umea = submitted_application(&portal, "ulla@umea.se", "2480", "Umeå prövar.").await;
        for (email, role) in
            [("hard@skr.se", Role::Juror), ("snall@inera.se", Role::Juror), ("org@vitalis.se", Role::Organiser)]
        {
            portal.logged_in(email, role, None).await;
        }
        for (email, name) in [("hard@skr.se", "Hård Jurysson"), ("snall@inera.se", "Snäll Jurysson")] {
            sqlx::query("UPDATE users SET name = $1 WHERE email = $2")
                .bind(name)
                .bind(email)
                .execute(portal.db.pool())
                .await
                .unwrap();
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
        // Hård: Kalmar 3, Nacka 2, Umeå 1 → z 1.22, 0, −1.22. Snäll (jäv for Nacka): Kalmar 5, Umeå 4 → z 1, −1.
        // Normalised: Kalmar 1.11, Nacka 0, Umeå −1.11. By mean: Kalmar 4, Umeå 2.5, Nacka 2.
        let (kalmar_row, nacka_row, umea_row) =
            (row_text(&page, ">Kalmar<"), row_text(&page, ">Nacka<"), row_text(&page, ">Umeå<"));
        assert!(
            kalmar_row.starts_with("1 Kalmar SE-2027-0880-1 3,00 5,00 4,00 4,00 2 1,00 1,11 1"),
            "{backend:?}: {kalmar_row}"
        );
        assert!(
            nacka_row.starts_with("2 Nacka SE-2027-0182-1 2,00 jäv 2,00 2,00 1 0,00 0,00 3"),
            "{backend:?}: {nacka_row}"
        );
        assert!(nacka_row.ends_with("(1 upp med normalisering)"), "{backend:?}: {nacka_row}");
        assert!(
            umea_row.starts_with("3 Umeå SE-2027-2480-1 1,00 4,00 2,50 2,50 2 1,50 −1,11 2"),
            "{backend:?}: {umea_row}"
        );
        assert!(umea_row.ends_with("(1 ned med normalisering)"), "{backend:?}: {umea_row}");
        // Kalmar, Nacka, Umeå: the table is in that order.
        let (k, n, u) = (page.find(">Kalmar<").unwrap(), page.find(">Nacka<").unwrap(), page.find(">Umeå<").unwrap());
        assert!(k < n && n < u, "{backend:?}");
        assert!(page.contains("Normaliseringen ändrar placeringen för 2 ansökningar."), "{backend:?}");
        assert!(page.contains("Umeå: spridning 1,50"), "{backend:?}: the largest disagreement is named");

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
        assert!(csv.contains("\n1;;Kalmar;SE-2027-0880-1;3;5;4;4;2;1;1,1124;1\n"), "{backend:?}: {csv}");
        let log = organiser.get("/arrangor/logg").await.body;
        assert!(log.contains("Export: bedomning.xlsx") && log.contains("Export: rangordning.csv"), "{backend:?}");

        // Only organisers see it or download it.
        assert_eq!(hard.get("/arrangor/rangordning").await.status, 403, "{backend:?}");
        let refused = hard.get("/arrangor/export/poang.csv").await;
        assert_eq!(refused.location().as_deref(), Some("/ingen-behorighet"), "{backend:?}: {}", refused.status);
        assert_eq!(organiser.download("/arrangor/export/hemligt.csv").await.0, 404, "{backend:?}");
    }
}
