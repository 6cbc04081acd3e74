//! Every award of the family on one portal: the start page, each award's pages
//! at addresses that stay, the moved addresses, the seed, and the migration that
//! made room for it, on a real SQLite file and a real PostgreSQL server.

use crate::common::{BACKENDS, Backend, TestDb, TestPortal, migrated_before, open, text_of};
use app::{
    domain::award::{Entries, Kind, Process},
    state::Clock,
    storage::winners,
};
use sqlx::Row;
use std::collections::BTreeMap;

fn at(s: &str) -> Clock {
    Clock::Fixed(s.parse().unwrap())
}

const OPEN: &str = "2027-01-10T10:00:00Z";

const ORDER: [&str; 6] = [
    "Sveriges eHälsokommun",
    "Sveriges KvalitetsKommun",
    "Sveriges DigitaliseringsKommun",
    "GötaPriset",
    "SveaPriset",
    "Sveriges Modernaste Myndighet",
];

#[tokio::test]
async fn the_six_awards_are_seeded_in_order_with_their_rules_and_their_past_winners() {
    for backend in BACKENDS {
        let test_db = TestDb::new(backend).await;
        let db = open(&test_db).await;
        let awards = db.awards().await.unwrap();
        let names: Vec<&str> = awards.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(names, ORDER, "{backend:?}");
        let [ehalsa, kvalitet, _, gota, svea, myndighet] = &awards[..] else { panic!("six awards") };
        assert_eq!(ehalsa.criteria, ["Ledning", "Infrastruktur", "Kompetens", "Användning"], "{backend:?}");
        assert_eq!(ehalsa.partners[0], "SKR", "{backend:?}");
        assert_eq!((ehalsa.cadence_years, kvalitet.cadence_years), (1, 2), "{backend:?}");
        assert_eq!(kvalitet.process, Process::Nomination, "{backend:?}");
        assert_eq!(gota.kinds, [Kind::Kommun, Kind::Region, Kind::Myndighet, Kind::Annan], "{backend:?}");
        assert_eq!(gota.entries, Entries::Many, "{backend:?}");
        assert!(!gota.description.contains("rabattkod"), "{backend:?}: the seed text's stray advert stays out");
        assert_eq!(svea.kinds, [Kind::Kommun, Kind::Region, Kind::Annan], "{backend:?}");
        assert_eq!(myndighet.kinds, [Kind::Myndighet], "{backend:?}");
        assert_eq!(myndighet.partners, ["PwC", "Saco-S", "Fackförbundet ST"], "{backend:?}");
        assert_eq!(myndighet.criteria[0], "Kvalitet, enkelhet och effektivitet", "{backend:?}");
        assert!(ehalsa.takes_applications_here() && !gota.takes_applications_here(), "{backend:?}");

        let now = chrono::Utc::now();
        let mut conn = db.conn().await.unwrap();
        let gota = winners::list(&mut conn, "gotapriset", now).await.unwrap();
        let years: Vec<i32> = gota.iter().map(|w| w.year).collect();
        assert_eq!(years, [2021, 2017], "{backend:?}");
        assert_eq!(gota[0].winner, "Ortopedkliniken i Oskarshamn (Region Kalmar län)", "{backend:?}");
        assert_eq!(gota[0].kommunkod, None, "{backend:?}: a region's clinic is no kommun");
        assert_eq!(
            (gota[1].winner.as_str(), gota[1].entry_title.as_str(), gota[1].kommunkod.as_deref(), gota[1].entries),
            ("Åre kommun", "Integrationsarbete när hjärtat får vara med", Some("2321"), Some(468)),
            "{backend:?}"
        );
        assert!(gota[1].finalists.is_empty(), "{backend:?}: \"sex kommuner\" is a count, not a finalist");
        assert_eq!(winners::list(&mut conn, "kvalitetskommun", now).await.unwrap().len(), 11, "{backend:?}");
        let boneprox = winners::list(&mut conn, "sveapriset", now).await.unwrap().remove(0);
        assert_eq!((boneprox.winner.as_str(), boneprox.kommunkod), ("Boneprox", None), "{backend:?}");
        drop(conn);

        // Started again: nothing doubled, and an organiser's change to an award stays.
        sqlx::query("DELETE FROM award_partners WHERE award_id = 'modernaste-myndighet' AND position = 2")
            .execute(db.pool())
            .await
            .unwrap();
        db.close().await;
        let db = open(&test_db).await;
        let count = |table: &'static str| {
            let db = db.clone();
            async move {
                let n: i64 =
                    sqlx::query(&format!("SELECT COUNT(*) FROM {table}")).fetch_one(db.pool()).await.unwrap().get(0);
                n
            }
        };
        assert_eq!((count("awards").await, count("past_winners").await), (6, 23), "{backend:?}");
        let partners = db.award("modernaste-myndighet").await.unwrap().unwrap().partners;
        assert_eq!(partners, ["PwC", "Saco-S"], "{backend:?}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_start_page_lists_every_award_with_where_it_stands() {
    for backend in BACKENDS {
        let portal = TestPortal::start(backend, at(OPEN)).await;
        let (status, html) = portal.page("/").await;
        assert_eq!(status, 200, "{backend:?}");
        assert!(html.contains("<h1>Utmärkelser</h1>"), "{backend:?}: {html}");
        let cards: Vec<usize> = ORDER
            .iter()
            .map(|name| html.find(&format!(">{name}</a></h2>")).unwrap_or_else(|| panic!("{backend:?}: {name}")))
            .collect();
        assert!(cards.is_sorted(), "{backend:?}: in the awards' order");
        assert_eq!(html.matches("class=\"award-card\"").count(), 6, "{backend:?}");
        assert!(html.contains("href=\"/utmarkelser/ehalsokommun\""), "{backend:?}");
        assert!(html.contains("href=\"/utmarkelser/modernaste-myndighet\""), "{backend:?}");
        assert!(html.contains("Ansökan är öppen till 15 april 2027 kl. 23.59"), "{backend:?}");
        assert_eq!(html.matches("Ingen utlyst omgång just nu").count(), 5, "{backend:?}");
        assert!(html.contains("Kalmar kommun</span> (2023)"), "{backend:?}: eHälsokommun's latest winner");
        assert!(html.contains("Höganäs kommun</span> (2023)"), "{backend:?}: KvalitetsKommun's latest winner");
        assert!(html.contains("Boneprox</span> (2021)"), "{backend:?}: SveaPriset's latest winner");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_award_without_a_round_shows_what_it_is_and_its_archive() {
    let portal = TestPortal::start(Backend::Sqlite, at(OPEN)).await;
    let (status, html) = portal.page("/utmarkelser/gotapriset").await;
    assert_eq!(status, 200);
    for expected in [
        "<h1 lang=\"sv\">GötaPriset</h1>",
        "Arrangör: Kvalitetsmässan",
        "Det finns ingen utlyst omgång just nu.",
        "den äldsta av Kvalitetsmässans utmärkelser",
        "<h2 id=\"bedoms\">Vad bedöms</h2>",
        "Projektets resultat: en bättre verksamhet för de gemensamma pengarna",
        "Utmärkelsen är öppen för:</p><ul><li>Kommuner</li><li>Regioner</li><li>Statliga myndigheter</li>\
         <li>Företag och andra organisationer</li></ul>",
        "Utmärkelsen delas ut vartannat år.",
        "href=\"/utmarkelser/gotapriset/vinnare\"",
    ] {
        assert!(html.contains(expected), "lacks {expected:?}: {html}");
    }
    assert!(!html.contains("Ansök för din kommun"), "GötaPriset takes no applications here yet");
    let (status, html) = portal.page("/utmarkelser/gotapriset/vinnare").await;
    assert_eq!(status, 200);
    assert!(html.contains("De som tilldelats GötaPriset"), "{html}");
    let ortopeden = html.find("Ortopedkliniken i Oskarshamn (Region Kalmar län)").expect("2021 is listed");
    let are = html.find("Åre kommun").expect("2017 is listed");
    assert!(ortopeden < are, "newest first");
    assert!(html.contains("Integrationsarbete när hjärtat får vara med") && html.contains("468 bidrag"), "{html}");
    assert!(!html.contains("sex kommuner"), "a count is not a finalist");
    let (status, html) = portal.page("/utmarkelser/gotapriset/ansok").await;
    assert_eq!(status, 200);
    assert!(html.contains("Det finns ingen utlyst omgång just nu.") && !html.contains("Högst 6"), "{html}");
    // No round: no calendar.
    assert_eq!(portal.get("/utmarkelser/gotapriset/omgang.ics").await.status().as_u16(), 404);
    assert_eq!(portal.get("/utmarkelser/finns-inte/omgang.ics").await.status().as_u16(), 404);
    let ics = portal.get("/utmarkelser/ehalsokommun/omgang.ics").await;
    assert_eq!(ics.headers()["content-disposition"], "attachment; filename=\"ehalsokommun.ics\"");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_old_addresses_send_the_visitor_to_the_new_ones_for_good() {
    let portal = TestPortal::start(Backend::Sqlite, at(OPEN)).await;
    for (old, new) in [
        ("/ansok", "/utmarkelser/ehalsokommun/ansok"),
        ("/vinnare", "/utmarkelser/ehalsokommun/vinnare"),
        ("/omgang.ics", "/utmarkelser/ehalsokommun/omgang.ics"),
    ] {
        let res = portal.get(old).await;
        assert_eq!(res.status().as_u16(), 308, "{old}");
        assert_eq!(res.headers()["location"], new, "{old}");
        assert_eq!(portal.get(new).await.status().as_u16(), 200, "{new}");
    }
}

/// The migration that made room for every award (`…21_awards.sql`) rebuilds the
/// archive's tables; on a database with a decided round and the archive in it,
/// every row of every table is still there afterwards, and the references hold.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_migration_to_every_award_keeps_every_row() {
    for backend in BACKENDS {
        let test_db = TestDb::new(backend).await;
        let db = migrated_before(&test_db, 20261208000021).await;
        for sql in [
            "INSERT INTO lan (kod, namn) VALUES ('08', 'Kalmar län')",
            "INSERT INTO kommuner (kod, namn, lan_kod) VALUES ('0880', 'Kalmar', '08'), ('0882', 'Oskarshamn', '08')",
            "INSERT INTO awards (id, name, organiser, description) VALUES ('ehalsokommun', 'Sveriges eHälsokommun', 'Vitalis', '')",
            "INSERT INTO rounds (id, award_id, year, title, intro, criteria_text, eligibility, opens_at, deadline_at, \
             ceremony_at, ceremony_place, contact, created_at, state) VALUES ('r', 'ehalsokommun', 2027, 'Pris 2027', \
             '', '', '', '2026-11-01T00:00:00Z', '2027-04-15T21:59:00Z', '2027-05-12T16:00:00Z', 'Göteborg', '', \
             '2026-10-01T00:00:00Z', 'beslutad')",
            "INSERT INTO applications (id, round_id, kommun_kod, status, created_at, updated_at) VALUES \
             ('k', 'r', '0880', 'inskickad', '2027-01-01T00:00:00Z', '2027-01-01T00:00:00Z'), \
             ('o', 'r', '0882', 'inskickad', '2027-01-01T00:00:00Z', '2027-01-01T00:00:00Z')",
            "INSERT INTO decisions (round_id, application_id, outcome, decided_by_name, decided_at) VALUES \
             ('r', 'k', 'vinnare', 'Olga Organisatör', '2027-04-20T08:00:00Z'), \
             ('r', 'o', 'nominerad', 'Olga Organisatör', '2027-04-20T08:00:00Z')",
            "INSERT INTO past_winners (award_id, year, winner, kommun_kod, ceremony, sources) VALUES \
             ('ehalsokommun', 2023, 'Kalmar kommun', '0880', 'Vitalis 2023', 'kalmar.se'), \
             ('ehalsokommun', 2019, 'Oskarshamns kommun', '0882', 'Vitalis 2019', 'vitalis.nu')",
            "INSERT INTO past_finalists (award_id, year, position, name) VALUES \
             ('ehalsokommun', 2019, 0, 'Oskarshamn'), ('ehalsokommun', 2019, 1, 'Kalmar')",
        ] {
            sqlx::query(sql).execute(db.pool()).await.unwrap();
        }
        let counts_before = row_counts(&db, backend).await;
        db.migrate().await.unwrap();
        let counts_after = row_counts(&db, backend).await;
        for (table, before) in &counts_before {
            assert_eq!(counts_after.get(table), Some(before), "{backend:?}: {table}");
        }
        let kept: Vec<(i64, String, Option<String>, String)> =
            sqlx::query("SELECT year, winner, kommun_kod, entry_title FROM past_winners ORDER BY year")
                .fetch_all(db.pool())
                .await
                .unwrap()
                .iter()
                .map(|r| (r.get(0), r.get(1), r.get(2), r.get(3)))
                .collect();
        assert_eq!(
            kept,
            [
                (2019, "Oskarshamns kommun".to_owned(), Some("0882".to_owned()), String::new()),
                (2023, "Kalmar kommun".to_owned(), Some("0880".to_owned()), String::new()),
            ],
            "{backend:?}"
        );
        let kind: String = sqlx::query("SELECT kind FROM award_kinds WHERE award_id = 'ehalsokommun'")
            .fetch_one(db.pool())
            .await
            .unwrap()
            .get(0);
        assert_eq!(kind, "kommun", "{backend:?}");
        // A winner that is no kommun fits now, and the finalists still follow their winner.
        sqlx::query(
            "INSERT INTO past_winners (award_id, year, winner, ceremony, sources) \
             VALUES ('ehalsokommun', 2024, 'Boneprox', '', '')",
        )
        .execute(db.pool())
        .await
        .unwrap();
        let orphan = sqlx::query(
            "INSERT INTO past_finalists (award_id, year, position, name) VALUES ('ehalsokommun', 1999, 0, 'X')",
        )
        .execute(db.pool())
        .await;
        assert!(orphan.is_err(), "{backend:?}: a finalist needs its year's winner");
        sqlx::query("DELETE FROM past_winners WHERE year = 2019").execute(db.pool()).await.unwrap();
        let finalists: i64 =
            sqlx::query("SELECT COUNT(*) FROM past_finalists").fetch_one(db.pool()).await.unwrap().get(0);
        assert_eq!(finalists, 0, "{backend:?}: deleted with their winner");
        if backend == Backend::Sqlite {
            let broken = sqlx::query("PRAGMA foreign_key_check").fetch_all(db.pool()).await.unwrap();
            assert!(broken.is_empty(), "every reference holds");
        }
    }
}

/// Every table's row count, by name.
async fn row_counts(db: &app::storage::Db, backend: Backend) -> BTreeMap<String, i64> {
    let tables = match backend {
        Backend::Sqlite => {
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_sqlx_migrations'"
        }
        Backend::Postgres => {
            "SELECT tablename::text FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '_sqlx_migrations'"
        }
    };
    let names: Vec<String> =
        sqlx::query(tables).fetch_all(db.pool()).await.unwrap().iter().map(|r| r.get::<String, _>(0)).collect();
    let mut counts = BTreeMap::new();
    for name in names {
        let n: i64 = sqlx::query(&format!("SELECT COUNT(*) FROM {name}")).fetch_one(db.pool()).await.unwrap().get(0);
        counts.insert(name, n);
    }
    counts
}

/// One gala, several awards: each round keeps its own embargo, and the start page
/// shows each winner as that embargo ends, not before.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn at_one_gala_each_award_shows_its_winner_when_its_own_embargo_ends() {
    use app::{
        domain::{lifecycle::RoundState, round::Round, winner::PastWinner},
        storage::{rounds, seed},
    };
    for backend in BACKENDS {
        let portal = TestPortal::start(backend, at(OPEN)).await;
        let ehalsa = seed::ehalsokommun_2027();
        let kvalitet = Round {
            id: "kvalitetskommun-2027".into(),
            award_id: "kvalitetskommun".into(),
            title: "Sveriges KvalitetsKommun 2027".into(),
            ..ehalsa.clone()
        };
        // The gala begins at 18.00; KvalitetsKommun is told first, eHälsokommun half an hour later.
        let gala = ehalsa.ceremony_at;
        let later = gala + chrono::Duration::minutes(30);
        let mut tx = portal.db.begin_write().await.unwrap();
        rounds::insert(&mut tx, &kvalitet).await.unwrap();
        for (round, embargo, winner, kod) in
            [(&kvalitet, gala, "Umeå kommun", "2480"), (&ehalsa, later, "Västerås stad", "1980")]
        {
            assert!(rounds::set_state(&mut tx, &round.id, RoundState::Open, RoundState::Announced).await.unwrap());
            rounds::set_published(&mut tx, &round.id, embargo).await.unwrap();
            let archived = PastWinner {
                year: 2027,
                winner: winner.into(),
                entry_title: String::new(),
                kommunkod: Some(kod.into()),
                entries: Some(12),
                finalists: vec![],
                ceremony: "Kvalitetsmässan".into(),
            };
            winners::insert(&mut tx, &round.award_id, &archived).await.unwrap();
        }
        tx.commit().await.unwrap();

        let start_page_at = |clock: chrono::DateTime<chrono::Utc>| {
            let portal = &portal;
            async move {
                let url = portal.at(Clock::Fixed(clock)).await;
                portal.client.get(format!("{url}/")).send().await.unwrap().text().await.unwrap()
            }
        };
        let before = start_page_at(gala - chrono::Duration::seconds(1)).await;
        assert!(!before.contains("Umeå kommun") && !before.contains("Västerås stad"), "{backend:?}: {before}");
        assert!(before.contains("Juryn har valt; vinnaren tillkännages 12 maj 2027 kl. 18.00"), "{backend:?}");
        assert!(before.contains("Juryn har valt; vinnaren tillkännages 12 maj 2027 kl. 18.30"), "{backend:?}");

        let between = start_page_at(gala + chrono::Duration::minutes(10)).await;
        assert!(between.contains("Umeå kommun</span> (2027)"), "{backend:?}: {between}");
        assert!(!between.contains("Västerås stad"), "{backend:?}: eHälsokommun's winner is still under embargo");
        assert!(between.contains("Kalmar kommun</span> (2023)"), "{backend:?}: its latest public winner");
        assert!(between.contains("Juryn har valt; vinnaren tillkännages 12 maj 2027 kl. 18.30"), "{backend:?}");

        let after = start_page_at(later).await;
        assert!(
            after.contains("Umeå kommun</span> (2027)") && after.contains("Västerås stad</span> (2027)"),
            "{backend:?}"
        );
        assert_eq!(after.matches("Vinnaren är utsedd").count(), 2, "{backend:?}");
    }
}

/// The start page is kept for visitors without a session (`kept_pages`), and whether
/// it still holds is read from memory under the rounds' counter
/// (`Db::awards_and_rounds`): a visit costs that one row, however many awards.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_kept_start_page_costs_one_statement_however_many_awards() {
    use crate::common::queries::of_request;
    for backend in BACKENDS {
        let portal = TestPortal::start(backend, at(OPEN)).await;
        let first = text_of(portal.get("/").await).await;
        let kept = portal.get("/").await;
        assert_eq!(kept.status().as_u16(), 200, "{backend:?}");
        let id = kept.headers().get("x-request-id").expect("every answer names its request").to_str().unwrap();
        let read = of_request(id);
        assert_eq!(read, ["SELECT version FROM change_counters …"], "{backend:?}: the counter alone");
        assert_eq!(text_of(kept).await, first, "{backend:?}: the same page");
    }
}
