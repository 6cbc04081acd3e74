//! The organisers' ranking through the real portal, on SQLite and PostgreSQL:
//! a harsh and a lenient juror, one jäv, and what normalising changes.

use crate::{
    common::{BACKENDS, TestPortal},
    jury::{ALL, log_in_at, open_clock, review, review_clock, start_review, submitted_application},
};
use app::domain::account::Role;

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

        // Only organisers see it.
        assert_eq!(hard.get("/arrangor/rangordning").await.status, 403, "{backend:?}");
    }
}
