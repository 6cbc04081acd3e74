//! The accessibility statement through the real portal, on SQLite and
//! PostgreSQL: DIGG's structure as seeded, the organisers' edits checked field
//! by field, and feedback from any visitor, stored and mailed to the organisers.

use crate::{
    common::{BACKENDS, TestPortal},
    jury::open_clock,
};
use app::domain::account::Role;
use sqlx::Row;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn organisers_keep_the_statement_and_every_visitor_can_report_a_problem() {
    for backend in BACKENDS {
        let portal = TestPortal::start(backend, open_clock()).await;
        let mut visitor = portal.browser();
        let page = visitor.get("/tillganglighet").await.body;
        // DIGG's sections, in DIGG's order.
        let mut last = 0;
        for heading in [
            "Hur tillgänglig är webbplatsen?",
            "Vad kan du göra om du inte kan använda delar av webbplatsen?",
            "Rapportera brister i webbplatsens tillgänglighet",
            "Tillsyn",
            "Teknisk information om webbplatsens tillgänglighet",
            "Innehåll som inte är tillgängligt",
            "Hur vi testat webbplatsen",
        ] {
            let at = page.find(&format!(">{heading}</h")).unwrap_or_else(|| panic!("{backend:?}: {heading}"));
            assert!(at > last, "{backend:?}: {heading} in its place");
            last = at;
        }
        assert!(page.contains(r#"<a href="mailto:tillganglighet@vitalis.se">"#), "{backend:?}");
        assert!(page.contains("Webbplatsen är delvis förenlig med lagen"), "{backend:?}");
        assert!(page.contains(r#"href="https://www.digg.se/tdosanmalan""#), "{backend:?}");
        assert!(page.contains("Redogörelsen uppdaterades senast den 24 november 2026."), "{backend:?}");

        // A visitor reports a problem: checked beside each field, then stored and mailed.
        let bad = visitor
            .post(
                "/tillganglighet",
                "/api/send_accessibility_feedback",
                &[("message", " "), ("reply_to", "eva@")],
                true,
            )
            .await;
        let back = visitor.follow(&bad).await.body;
        assert!(back.contains("Skriv något här."), "{backend:?}");
        assert!(back.contains("Skriv en e-postadress"), "{backend:?}");
        assert!(back.contains(r#"value="eva@""#), "{backend:?}: what was typed is kept");
        let mut organiser = portal.logged_in("org@vitalis.se", Role::Organiser, None).await;
        let message = "Knappen ”Skicka in” syns inte i Windows högkontrastläge.";
        let fields = [("message", message), ("page", "/ansokan/skicka"), ("reply_to", "Eva@Exempel.se")];
        let sent = visitor.post("/tillganglighet", "/api/send_accessibility_feedback", &fields, true).await;
        assert_eq!(sent.location().as_deref(), Some("/tillganglighet?klart=synpunkt-skickad#synpunkter"));
        assert!(visitor.follow(&sent).await.body.contains("Tack! Dina synpunkter är skickade till arrangören."));
        let mail: String = sqlx::query(
            "SELECT body_text FROM mail_queue WHERE recipient = 'org@vitalis.se' AND subject = 'Synpunkter på tillgängligheten'",
        )
        .fetch_one(portal.db.pool())
        .await
        .unwrap()
        .get("body_text");
        assert!(mail.contains(message) && mail.contains("Svara till eva@exempel.se."), "{backend:?}: {mail}");
        let listed = organiser.get("/arrangor/tillganglighet").await.body;
        assert!(listed.contains(message) && listed.contains("/ansokan/skicka"), "{backend:?}");

        // The organiser's edit: problems beside the fields, then published.
        let mut statement = vec![
            ("organisation", "Vitalis"),
            ("compliance", "delvis"),
            ("known_issues", ""),
            ("alternatives", "Mejla oss."),
            ("contact_email", "tillganglighet@vitalis.se"),
            ("tested", "Med axe och tangentbord."),
            ("published_on", "2026-11-01"),
            ("reviewed_on", "2026-10-01"),
        ];
        let refused =
            organiser.post("/arrangor/tillganglighet", "/api/save_accessibility_statement", &statement, true).await;
        let back = organiser.follow(&refused).await.body;
        assert!(back.contains("Beskriv bristerna, en per rad."), "{backend:?}");
        assert!(back.contains("Granskningen kan inte vara före publiceringen."), "{backend:?}");
        statement[2].1 = "Kartan på startsidan saknar textalternativ.";
        statement[7].1 = "2026-12-01";
        let saved =
            organiser.post("/arrangor/tillganglighet", "/api/save_accessibility_statement", &statement, true).await;
        assert_eq!(saved.location().as_deref(), Some("/arrangor/tillganglighet?klart=redogorelse-sparad"));
        let page = visitor.get("/tillganglighet").await.body;
        assert!(page.contains("<li>Kartan på startsidan saknar textalternativ.</li>"), "{backend:?}");
        assert!(page.contains("Redogörelsen uppdaterades senast den 1 december 2026."), "{backend:?}");
        // A restart keeps the organisers' statement.
        app::storage::seed::run(&portal.db).await.unwrap();
        assert!(visitor.get("/tillganglighet").await.body.contains("Kartan på startsidan"), "{backend:?}");

        // Only organisers edit it or read the feedback.
        let mut juror = portal.logged_in("j@skr.se", Role::Juror, None).await;
        assert_eq!(juror.get("/arrangor/tillganglighet").await.status, 403, "{backend:?}");
        let forged =
            juror.post("/arrangor/tillganglighet", "/api/save_accessibility_statement", &statement, true).await;
        assert_eq!(forged.status, 403, "{backend:?}");
        assert_eq!(visitor.get("/api/accessibility_feedback").await.status, 303, "{backend:?}: to log in");
    }
}
