//! What the outside probe broke, each tried again the way it was broken, on
//! SQLite and PostgreSQL: organisers' text in `<title>`, addresses with dot
//! segments, the log-in limit behind a reverse proxy, the anchoring rule
//! undone by "Ångra Klar", the jury's count with a late jäv, and mail that
//! anyone could send again and again.

use crate::{
    common::{BACKENDS, Browser, PASSWORD, TestPortal},
    jury::{ALL, declare_jav, log_in_at, open_clock, review, review_clock, start_review, three_submitted},
};
use app::domain::account::Role;
use sqlx::Row;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_organisers_title_cannot_end_the_title_element_of_the_public_page() {
    for backend in BACKENDS {
        let portal = TestPortal::start(backend, open_clock()).await;
        let title = r#"eHälsokommun 2028</title><meta http-equiv="refresh" content="0;url=https://example.com/">"#;
        sqlx::query("UPDATE rounds SET title = $1").bind(title).execute(portal.db.pool()).await.unwrap();
        app::storage::rounds::changed(&mut portal.db.conn().await.unwrap()).await.unwrap();
        let (status, page) = portal.page("/utmarkelser/ehalsokommun").await;
        assert_eq!(status, 200, "{backend:?}");
        let head = &page[..page.find("</head>").expect("a head")];
        assert!(!head.contains("<meta http-equiv"), "{backend:?}: the title's text became markup: {head}");
        assert_eq!(head.matches("<title>").count(), 1, "{backend:?}");
        assert!(
            head.contains("<title>eHälsokommun 2028&lt;/title&gt;&lt;meta http-equiv=&quot;refresh&quot;"),
            "{backend:?}: escaped, so the browser shows it as written: {head}"
        );
    }
}

/// A GET with the path exactly as written: HTTP clients resolve `.` and `..`
/// (and `%2E`) before sending, an attacker's raw request does not.
async fn raw_get(base_url: &str, path: &str, cookie: &str) -> (u16, String) {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let host = base_url.trim_start_matches("http://");
    let mut stream = tokio::net::TcpStream::connect(host).await.unwrap();
    let request = format!(
        "GET {path} HTTP/1.1\r\nHost: {host}\r\nAccept: text/html\r\nCookie: {cookie}\r\nConnection: close\r\n\r\n"
    );
    stream.write_all(request.as_bytes()).await.unwrap();
    let mut answer = Vec::new();
    stream.read_to_end(&mut answer).await.unwrap();
    let answer = String::from_utf8_lossy(&answer).into_owned();
    let status = answer.split(' ').nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
    (status, answer)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn addresses_with_dot_or_empty_segments_are_refused_before_the_access_table() {
    let portal = TestPortal::start(crate::common::Backend::Sqlite, open_clock()).await;
    let applicant = portal.logged_in("anna@kalmar.se", Role::Applicant, Some("0880")).await;
    let cookie = format!("portal_session={}", applicant.cookies["portal_session"]);
    let paths =
        ["/arrangor/./logg", "/jury/./kortlista", "/arrangor//logg", "/jury/x/../kortlista", "/arrangor/%2E/logg"];
    for path in paths {
        for cookie in ["", cookie.as_str()] {
            let (status, page) = raw_get(&portal.base_url, path, cookie).await;
            assert_eq!(status, 404, "{path} ({cookie}): {page}");
            assert!(page.contains("Sidan finns inte"), "{path}: the Swedish 404 page");
            assert!(!page.contains(">Logg</h1>") && !page.contains(">Kortlista</h1>"), "{path}: no page shell");
        }
    }
    let (status, _) = raw_get(&portal.base_url, "/ansokan", &cookie).await;
    assert_eq!(status, 200, "a normal address still works");
}

async fn log_in(browser: &mut Browser, email: &str, password: &str) -> Option<String> {
    browser.submit("/logga-in", "/api/log_in", &[("email", email), ("password", password)]).await.location()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn behind_a_trusted_proxy_a_guesser_locks_out_only_itself() {
    for backend in BACKENDS {
        let portal = TestPortal::start(backend, open_clock()).await;
        portal.create_user("eva@nacka.se", Role::Applicant, Some("0182")).await;
        portal.create_user("ove@nacka.se", Role::Applicant, Some("0182")).await;
        let proxied = portal.behind_proxy(open_clock()).await;

        // A guesser behind the proxy sprays 50 accounts once each.
        let mut guesser = portal.browser().at(&proxied).forwarded_for("203.0.113.9");
        for i in 0..49 {
            let to = log_in(&mut guesser, &format!("gissad{i}@nacka.se"), "fel lösenord igen").await;
            assert_eq!(to.as_deref(), Some("/logga-in"), "{backend:?}");
        }
        log_in(&mut guesser, "ove@nacka.se", "fel lösenord igen").await;
        let counted =
            portal.count("SELECT COUNT(*) AS n FROM login_failures WHERE throttle_key = 'ip:203.0.113.9'", &[]).await;
        assert_eq!(counted, 50, "{backend:?}: counted under the forwarded client, not the proxy");

        // No second round at a sprayed account from that client, even with its right password…
        let again = log_in(&mut guesser, "ove@nacka.se", PASSWORD).await;
        assert_eq!(again.as_deref(), Some("/logga-in"), "{backend:?}");
        let refused = guesser.get("/logga-in").await.body;
        assert!(refused.contains("För många misslyckade inloggningar"), "{backend:?}");
        // …while Eva, behind the same proxy and from the same address, types hers and is in.
        let mut eva = portal.browser().at(&proxied).forwarded_for("203.0.113.9");
        assert_eq!(log_in(&mut eva, "eva@nacka.se", PASSWORD).await.as_deref(), Some("/ansokan"), "{backend:?}");
        // Another client behind the proxy is not that address at all.
        let mut ove = portal.browser().at(&proxied).forwarded_for("198.51.100.20");
        assert_eq!(log_in(&mut ove, "ove@nacka.se", PASSWORD).await.as_deref(), Some("/ansokan"), "{backend:?}");

        // Without the setting the header is the client's own word, and is not believed.
        let mut liar = portal.browser().forwarded_for("192.0.2.77");
        log_in(&mut liar, "nobody@nacka.se", "fel lösenord igen").await;
        let believed =
            portal.count("SELECT COUNT(*) AS n FROM login_failures WHERE throttle_key = 'ip:192.0.2.77'", &[]).await;
        assert_eq!(believed, 0, "{backend:?}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reset_requests_and_feedback_are_limited_per_client_and_reset_mail_per_address() {
    for backend in BACKENDS {
        let portal = TestPortal::start(backend, open_clock()).await;
        portal.create_user("lisa@kalmar.se", Role::Applicant, Some("0880")).await;
        let mut browser = portal.browser();
        for _ in 0..5 {
            let asked = browser.submit("/glomt-losenord", "/api/request_reset", &[("email", "lisa@kalmar.se")]).await;
            assert_eq!(asked.location().as_deref(), Some("/glomt-losenord/skickat"), "{backend:?}");
        }
        let started = std::time::Instant::now();
        while portal.mail_subjects("lisa@kalmar.se").await.len() < 3 {
            assert!(started.elapsed().as_secs() < 15, "{backend:?}: three reset mails");
            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        }
        tokio::time::sleep(std::time::Duration::from_millis(500)).await;
        assert_eq!(portal.mail_subjects("lisa@kalmar.se").await.len(), 3, "{backend:?}: no more than three an hour");

        for i in 0..25 {
            browser.submit("/glomt-losenord", "/api/request_reset", &[("email", &format!("x{i}@kalmar.se"))]).await;
        }
        let refused = browser.submit("/glomt-losenord", "/api/request_reset", &[("email", "y@kalmar.se")]).await;
        assert_eq!(refused.location().as_deref(), Some("/glomt-losenord"), "{backend:?}: the 31st in an hour");
        let page = browser.follow(&refused).await.body;
        assert!(page.contains("Det har kommit för många förfrågningar från din uppkoppling."), "{backend:?}");
        assert!(page.contains("value=\"y@kalmar.se\""), "{backend:?}: what was typed is kept");

        portal.create_user("org@vitalis.se", Role::Organiser, None).await;
        let feedback = |n: usize| format!("Knappen på sidan går inte att nå med tangentbordet ({n}).");
        for n in 0..10 {
            let sent = browser
                .submit("/tillganglighet", "/api/send_accessibility_feedback", &[("message", &feedback(n))])
                .await;
            assert!(sent.location().is_some_and(|l| l.contains("klart=synpunkt-skickad")), "{backend:?}");
        }
        let eleventh =
            browser.submit("/tillganglighet", "/api/send_accessibility_feedback", &[("message", &feedback(11))]).await;
        let page = browser.follow(&eleventh).await.body;
        assert!(page.contains("för många förfrågningar"), "{backend:?}");
        assert!(page.contains(&feedback(11)), "{backend:?}: the message is kept");
        assert_eq!(portal.mail_subjects("org@vitalis.se").await.len(), 10, "{backend:?}");
    }
}

/// Anna and Bert on the jury of the three submitted applications, the review open.
async fn jury_of_two(portal: &TestPortal) -> (String, Browser, Browser, Browser) {
    let (kalmar, _, _) = three_submitted(portal).await;
    for (email, name) in [("anna.juror@skr.se", "Anna Jurysson"), ("bert.juror@inera.se", "Bert Jurysson")] {
        portal.logged_in(email, Role::Juror, None).await;
        portal.rename(email, name).await;
    }
    portal.logged_in("org@vitalis.se", Role::Organiser, None).await;
    let later = portal.at(review_clock()).await;
    let mut organiser = log_in_at(portal, &later, "org@vitalis.se").await;
    start_review(&mut organiser).await;
    let anna = log_in_at(portal, &later, "anna.juror@skr.se").await;
    let bert = log_in_at(portal, &later, "bert.juror@inera.se").await;
    (kalmar, organiser, anna, bert)
}

fn all(score: &'static str) -> Vec<(&'static str, &'static str)> {
    ALL.iter().map(|c| (*c, score)).collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reopening_a_done_review_needs_a_reason_and_a_change_after_seeing_the_jury_shows() {
    for backend in BACKENDS {
        let portal = TestPortal::start(backend, open_clock()).await;
        let (kalmar, mut organiser, mut anna, mut bert) = jury_of_two(&portal).await;
        let page = format!("/jury/ansokan/{kalmar}");
        let extra = [("recommendation", "nominera"), ("jury_comment", "Bert ger fyror."), ("action", "klar")];
        review(&mut bert, &kalmar, "0", &all("4"), &extra).await;

        // Anna marks "Klar" on throw-away scores, and now reads Bert's.
        let done = review(&mut anna, &kalmar, "0", &all("1"), &[("recommendation", "nej"), ("action", "klar")]).await;
        assert!(done.location().is_some_and(|l| l.contains("klart=bedomning-klar")), "{backend:?}: {}", done.body);
        let done_page = anna.get(&page).await.body;
        assert!(done_page.contains("Bert ger fyror."), "{backend:?}");
        assert!(
            done_page.contains("Du valde: 1 – ") && done_page.contains("Du valde: Nej"),
            "{backend:?}: said in text"
        );

        // "Ångra Klar" without a reason is refused beside the field; the review stays done.
        let undo = review(&mut anna, &kalmar, "2", &[], &[("action", "angra")]).await;
        let back = anna.follow(&undo).await.body;
        assert!(back.contains("Skriv varför du öppnar bedömningen igen."), "{backend:?}");
        assert!(back.contains("Varför öppnar du bedömningen igen?"), "{backend:?}: the field is there");
        let still: Option<String> =
            sqlx::query("SELECT done_at FROM reviews WHERE application_id = $1 AND version = 2")
                .bind(&kalmar)
                .fetch_one(portal.db.pool())
                .await
                .unwrap()
                .get("done_at");
        assert!(still.is_some(), "{backend:?}");

        // With a reason it opens; she re-scores in line with Bert and marks "Klar" again.
        let reason = [("action", "angra"), ("reopen_reason", "Jag läste fel avsnitt.")];
        let undo = review(&mut anna, &kalmar, "2", &[], &reason).await;
        assert!(undo.location().is_some_and(|l| l.contains("klart=bedomning-oppnad")), "{backend:?}: {}", undo.body);
        let redo =
            review(&mut anna, &kalmar, "3", &all("4"), &[("recommendation", "nominera"), ("action", "klar")]).await;
        assert!(redo.location().is_some_and(|l| l.contains("klart=bedomning-klar")), "{backend:?}: {}", redo.body);

        // Nothing of it is hidden: her page, Bert's, the organisers' page and the log say so.
        let changed = "Ändrad efter att juryns bedömningar visats.";
        assert!(anna.get(&page).await.body.contains(changed), "{backend:?}");
        assert!(bert.get(&page).await.body.contains(changed), "{backend:?}");
        let overview = organiser.get("/arrangor/bedomning").await.body;
        assert!(
            overview.contains(&format!("Anna Jurysson – Kalmar: ”Jag läste fel avsnitt.” {changed}")),
            "{backend:?}: {overview}"
        );
        let log = organiser.get("/arrangor/logg").await.body;
        assert!(log.contains("Anna Jurysson öppnade sin klara bedömning av Kalmar igen: Jag läste fel avsnitt."));
        assert!(log.contains("Anna Jurysson markerade bedömningen av Kalmar klar med andra poäng"), "{backend:?}");

        // Undoing again and going back to her first scores is compared with the first "Klar", not the last.
        let reason = [("action", "angra"), ("reopen_reason", "Tillbaka till min första bedömning.")];
        review(&mut anna, &kalmar, "5", &[], &reason).await;
        let first_again =
            review(&mut anna, &kalmar, "6", &all("1"), &[("recommendation", "nej"), ("action", "klar")]).await;
        assert!(first_again.location().is_some_and(|l| l.contains("klart=bedomning-klar")), "{backend:?}");
        assert!(!bert.get(&page).await.body.contains(changed), "{backend:?}: as first done");
        let overview = organiser.get("/arrangor/bedomning").await.body;
        assert!(overview.contains("”Tillbaka till min första bedömning.” Poängen är desamma"), "{backend:?}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_review_done_before_a_jav_is_declared_counts_nowhere() {
    for backend in BACKENDS {
        let portal = TestPortal::start(backend, open_clock()).await;
        let (kalmar, mut organiser, mut anna, _) = jury_of_two(&portal).await;
        review(&mut anna, &kalmar, "0", &all("3"), &[("recommendation", "kanske"), ("action", "klar")]).await;
        let before = organiser.get("/arrangor/bedomning").await.body;
        assert!(before.contains("<td>1 / 3</td>"), "{backend:?}");
        declare_jav(&mut anna, "Kalmar", "Jag bor i Kalmar").await;
        let after = organiser.get("/arrangor/bedomning").await.body;
        assert!(after.contains("<td>0 / 2</td>"), "{backend:?}: neither 1 / 2 nor 2 of 1");
        let own = anna.get("/jury").await.body;
        assert!(own.contains("Du har bedömt 0 av 2 ansökningar."), "{backend:?}");
        assert!(own.contains("Juryn som helhet: 0 av 5 bedömningar klara."), "{backend:?}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_jurys_proposals_are_hidden_like_its_scores_until_ones_own_review_is_done() {
    for backend in BACKENDS {
        let portal = TestPortal::start(backend, open_clock()).await;
        let (kalmar, _, mut anna, mut bert) = jury_of_two(&portal).await;
        review(&mut bert, &kalmar, "0", &all("4"), &[("recommendation", "nominera"), ("action", "klar")]).await;
        let fields = [("application", kalmar.as_str()), ("marked", "ja"), ("back", "kortlista")];
        let marked = bert.post("/jury/kortlista", "/api/mark_for_shortlist", &fields, true).await;
        assert_eq!(marked.location().as_deref(), Some("/jury/kortlista?klart=markerad"), "{backend:?}");
        assert!(bert.get("/jury/kortlista").await.body.contains("1 / 2"), "{backend:?}");

        let before = anna.get("/jury/kortlista").await.body;
        assert!(!before.contains("1 / 2") && !before.contains("0 / 2"), "{backend:?}: no count before her own review");
        review(&mut anna, &kalmar, "0", &all("2"), &[("recommendation", "nej"), ("action", "klar")]).await;
        assert!(anna.get("/jury/kortlista").await.body.contains("1 / 2"), "{backend:?}: shown once done");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_body_over_the_limit_is_413_with_the_security_headers_chunked_or_not() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let portal = TestPortal::start(crate::common::Backend::Sqlite, open_clock()).await;
    let mut browser = portal.logged_in("anna@kalmar.se", Role::Applicant, Some("0880")).await;
    browser.get("/ansokan").await;
    let token = browser.cookies["portal_csrf"].clone();
    let host = portal.base_url.trim_start_matches("http://").to_owned();
    let chunk = format!("text%5Bledning%5D={}", "a".repeat(64 * 1024));
    for chunked in [true, false] {
        let mut stream = tokio::net::TcpStream::connect(&host).await.unwrap();
        let length =
            if chunked { "Transfer-Encoding: chunked".to_owned() } else { "Content-Length: 1200000".to_owned() };
        let head = format!(
            "POST /api/save_application HTTP/1.1\r\nHost: {host}\r\nOrigin: {base}\r\nAccept: application/json\r\n\
             Cookie: portal_csrf={token}; portal_session={session}\r\nx-csrf-token: {token}\r\n\
             Content-Type: application/x-www-form-urlencoded\r\n{length}\r\nConnection: close\r\n\r\n",
            base = portal.base_url,
            session = browser.cookies["portal_session"],
        );
        stream.write_all(head.as_bytes()).await.unwrap();
        // 1.2 MB in 64 kB pieces; the portal may answer and close before the last one.
        for _ in 0..19 {
            let piece = if chunked { format!("{:x}\r\n{chunk}\r\n", chunk.len()) } else { chunk.clone() };
            if stream.write_all(piece.as_bytes()).await.is_err() {
                break;
            }
        }
        if chunked {
            let _ = stream.write_all(b"0\r\n\r\n").await;
        }
        let mut answer = Vec::new();
        let _ = stream.read_to_end(&mut answer).await;
        let answer = String::from_utf8_lossy(&answer).to_lowercase();
        assert!(answer.starts_with("http/1.1 413"), "chunked {chunked}: {}", &answer[..answer.len().min(300)]);
        for header in ["x-content-type-options: nosniff", "content-security-policy:", "x-frame-options: deny"] {
            assert!(answer.contains(header), "chunked {chunked}: {header} in {}", &answer[..answer.len().min(600)]);
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_part_longer_than_a_draft_may_be_is_neither_saved_nor_versioned() {
    use crate::applying::{open_application, save};
    for backend in BACKENDS {
        let portal = TestPortal::start(backend, open_clock()).await;
        let mut anna = portal.logged_in("anna@kalmar.se", Role::Applicant, Some("0880")).await;
        let id = open_application(&mut anna).await;
        let page = anna.get("/ansokan").await.body;
        assert!(page.contains(r#"maxlength="12000""#), "{backend:?}: the form lets one type twice the limit");
        // Over the limit while writing: a draft, saved.
        let long_draft = "å".repeat(6_500);
        save(&mut anna, &id, &[("ledning", &long_draft, 0)], "save").await;
        // Far over it: refused, and nothing of it stored.
        let huge = "x".repeat(960_001);
        let answer = save(&mut anna, &id, &[("ledning", &huge, 1), ("kompetens", "Kort.", 0)], "save").await;
        assert_ne!(answer.status, 500, "{backend:?}");
        let stored: Vec<(String, i64)> = sqlx::query(
            "SELECT part, CAST(LENGTH(body) AS BIGINT) AS n FROM application_versions WHERE application_id = $1 ORDER BY part, version",
        )
        .bind(&id)
        .fetch_all(portal.db.pool())
        .await
        .unwrap()
        .iter()
        .map(|r| (r.get("part"), r.get("n")))
        .collect();
        assert_eq!(stored, [("kompetens".to_owned(), 5), ("ledning".to_owned(), 6_500)], "{backend:?}");
        let copies = portal
            .count("SELECT COUNT(*) AS n FROM application_conflicts WHERE application_id = $1", &[id.as_str()])
            .await;
        assert_eq!(copies, 0, "{backend:?}: no copy kept either");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_page_is_whole_before_html_ends_without_javascript() {
    let portal = TestPortal::start(crate::common::Backend::Sqlite, open_clock()).await;
    for path in ["/ingen-behorighet", "/registrera/skickat", "/glomt-losenord/skickat", "/tillfalligt-fel"] {
        let (_, page) = portal.page(path).await;
        let end = page.find("</html>").unwrap_or_else(|| panic!("{path}: no </html>"));
        // Leptos puts its resources' data in scripts after the document; no content may come there.
        let after = &page[end..];
        assert!(!after.contains("<template") && !after.contains("<nav"), "{path}: content streamed after </html>");
        let before = &page[..end];
        assert!(before.contains("Huvudmeny") && before.contains("Logga in"), "{path}: the menu and the log-in link");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_link_in_the_submit_pages_list_of_what_is_missing_reaches_its_field() {
    let portal = TestPortal::start(crate::common::Backend::Sqlite, open_clock()).await;
    let mut anna = portal.logged_in("anna@kalmar.se", Role::Applicant, Some("0880")).await;
    crate::applying::open_application(&mut anna).await;
    let submit = anna.get("/ansokan/skicka-in").await.body;
    let editor = anna.get("/ansokan").await.body;
    let targets: Vec<&str> =
        submit.split("href=\"/ansokan#").skip(1).filter_map(|rest| rest.split('"').next()).collect();
    assert!(targets.contains(&"del-kontakt_namn") && targets.contains(&"del-ledning"), "{targets:?}");
    for target in targets {
        assert!(editor.contains(&format!("id=\"{target}\"")), "#{target} is on the editor page");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn over_https_the_session_and_csrf_cookies_are_host_only_and_a_planted_one_counts_for_nothing() {
    for backend in BACKENDS {
        let portal = TestPortal::start(backend, open_clock()).await;
        portal.create_user("eva@nacka.se", Role::Applicant, Some("0182")).await;
        let public = "https://portal.test";
        let listen = portal.served_as(public, open_clock()).await;
        let client = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();
        let set_cookies = |res: &reqwest::Response| -> Vec<String> {
            res.headers().get_all("set-cookie").iter().map(|v| v.to_str().unwrap().to_owned()).collect()
        };
        let page = client.get(format!("{listen}/logga-in")).header("accept", "text/html").send().await.unwrap();
        let csrf = set_cookies(&page).into_iter().find(|c| c.contains("portal_csrf=")).expect("a CSRF cookie");
        assert!(
            csrf.starts_with("__Host-portal_csrf=") && csrf.contains("Secure") && csrf.contains("Path=/"),
            "{csrf}"
        );
        assert!(!csrf.contains("Domain"), "{backend:?}: {csrf}");
        let token = csrf.split(['=', ';']).nth(1).unwrap().to_owned();

        let log_in = |cookie: String| {
            let form = serde_urlencoded::to_string([
                ("email", "eva@nacka.se"),
                ("password", PASSWORD),
                ("csrf", token.as_str()),
            ])
            .unwrap();
            client
                .post(format!("{listen}/api/log_in"))
                .header("origin", public)
                .header("accept", "text/html")
                .header("content-type", "application/x-www-form-urlencoded")
                .header("cookie", cookie)
                .body(form)
                .send()
        };
        // A cookie without the prefix, as a neighbouring site could plant it, is no CSRF cookie here.
        let planted = log_in(format!("portal_csrf={token}")).await.unwrap();
        assert_eq!(planted.status().as_u16(), 403, "{backend:?}");
        let done = log_in(format!("__Host-portal_csrf={token}")).await.unwrap();
        assert_eq!(done.headers().get("location").and_then(|v| v.to_str().ok()), Some("/ansokan"), "{backend:?}");
        let session = set_cookies(&done).into_iter().find(|c| c.contains("portal_session=")).expect("a session");
        assert!(session.starts_with("__Host-portal_session=") && session.contains("Secure"), "{backend:?}: {session}");
        assert!(done.headers().get("strict-transport-security").is_some(), "{backend:?}: HSTS over https");
        let id = session.split(['=', ';']).nth(1).unwrap();
        let account = |cookie: String| {
            client.get(format!("{listen}/konto")).header("accept", "text/html").header("cookie", cookie).send()
        };
        assert_eq!(account(format!("__Host-portal_session={id}")).await.unwrap().status().as_u16(), 200, "{backend:?}");
        assert_eq!(account(format!("portal_session={id}")).await.unwrap().status().as_u16(), 303, "{backend:?}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn organisers_see_which_applicants_write_from_another_domain_than_their_kommuns() {
    let portal = TestPortal::start(crate::common::Backend::Sqlite, open_clock()).await;
    portal.create_user("anna@kalmar.se", Role::Applicant, Some("0880")).await;
    portal.create_user("okand@example.com", Role::Applicant, Some("0880")).await;
    let mut organiser = portal.logged_in("org@vitalis.se", Role::Organiser, None).await;
    let page = organiser.get("/arrangor/personer").await.body;
    let row = |email: &str| {
        let at = page.find(email).unwrap_or_else(|| panic!("{email} is listed"));
        page[at..at + page[at..].find("</tr>").unwrap()].to_owned()
    };
    assert!(row("okand@example.com").contains("inte kommunens egen domän"));
    assert!(!row("anna@kalmar.se").contains("inte kommunens egen domän"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_javascript_a_refused_text_larger_than_a_cookie_comes_back_whole() {
    for backend in BACKENDS {
        let portal = TestPortal::start(backend, open_clock()).await;
        let mut visitor = portal.browser();
        // Over the limit (2,000 characters), as a client that ignores maxlength sends it.
        let message = "Kontrasten på knapparna är för låg för mig – ".repeat(55);
        let fields = [("message", message.as_str()), ("page", "/ansokan"), ("reply_to", "")];
        let answer = visitor.submit("/tillganglighet", "/api/send_accessibility_feedback", &fields).await;
        // Back to the form itself, the text kept on the server for a minute: the cookie names it.
        assert_eq!(answer.status, 303, "{backend:?}: {}", answer.body);
        assert_eq!(answer.location().as_deref(), Some("/tillganglighet"), "{backend:?}");
        assert_eq!(portal.count("SELECT COUNT(*) AS n FROM form_echoes", &[]).await, 1, "{backend:?}");
        let page = &visitor.follow(&answer).await.body;
        assert!(page.contains(&format!(">{message}</textarea>")), "{backend:?}: every character kept: {page}");
        assert!(page.contains("Texten får vara högst 2\u{a0}000 tecken"), "{backend:?}: the message beside it: {page}");
        assert!(page.contains(r#"action="/api/send_accessibility_feedback""#), "{backend:?}");
        // Shown once: the page forgets the cookie, and with it the way to the text.
        let again = visitor.get("/tillganglighet").await.body;
        assert!(!again.contains(&message), "{backend:?}: shown once");
        // Not a person's typing: more fields than any form has get the form's own answer.
        let mut many: Vec<(String, String)> = (0..600).map(|i| (format!("f{i}"), "x".to_owned())).collect();
        many.push(("message".into(), message.clone()));
        let many: Vec<(&str, &str)> = many.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        let flood = visitor.post("/tillganglighet", "/api/send_accessibility_feedback", &many, true).await;
        assert_eq!(flood.status, 303, "{backend:?}");
        let feedback = portal.count("SELECT COUNT(*) AS n FROM accessibility_feedback", &[]).await;
        assert_eq!(feedback, 0, "{backend:?}: nothing was taken in");
        // Shortened in the kept page's form and sent again: taken in, and on to the thanks.
        let short = "Kontrasten på knapparna är för låg för mig.";
        let csrf = page.split(r#"name="csrf" value=""#).nth(1).unwrap().split('"').next().unwrap().to_owned();
        let again = [("csrf", csrf.as_str()), ("message", short), ("page", "/ansokan"), ("reply_to", "")];
        let sent =
            visitor.post("/api/send_accessibility_feedback", "/api/send_accessibility_feedback", &again, false).await;
        assert_eq!(sent.status, 303, "{backend:?}: {}", sent.body);
        let feedback = portal.count("SELECT COUNT(*) AS n FROM accessibility_feedback", &[]).await;
        assert_eq!(feedback, 1, "{backend:?}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_javascript_a_save_after_the_session_ended_keeps_the_text_until_one_has_logged_in() {
    for backend in BACKENDS {
        let portal = TestPortal::start(backend, open_clock()).await;
        let mut anna = portal.logged_in("anna@kalmar.se", Role::Applicant, Some("0880")).await;
        let id = crate::applying::open_application(&mut anna).await;
        // The session ends (idle too long) while she writes.
        sqlx::query("DELETE FROM sessions").execute(portal.db.pool()).await.unwrap();
        let text = "Ledningen har en plan för digitaliseringen,\nmed mål för varje förvaltning. ".repeat(20);
        let answer = crate::applying::save(&mut anna, &id, &[("ledning", &text, 0)], "save").await;
        assert_eq!(answer.status, 401, "{backend:?}: not a redirect to log in: {:?}", answer.location());
        let page = &answer.body;
        assert!(page.contains("<h1>Det du skrev finns kvar</h1>"), "{backend:?}: {page}");
        assert!(page.contains(&format!(">\n{text}</textarea>")), "{backend:?}: every character kept");
        assert!(page.contains(r#"<a href="/logga-in" target="_blank">Logga in (öppnas i en ny flik)"#), "{backend:?}");
        // A button alone has nothing typed to keep: logging out goes to log in, as before.
        let out = anna.post("/ansokan", "/api/log_out", &[], true).await;
        assert!(out.location().is_some_and(|l| l.starts_with("/logga-in")), "{backend:?}: {}", out.status);
        // Logged in again in another tab, she sends the kept form: saved.
        let logged_in =
            anna.submit("/logga-in", "/api/log_in", &[("email", "anna@kalmar.se"), ("password", PASSWORD)]).await;
        assert_eq!(logged_in.location().as_deref(), Some("/ansokan"), "{backend:?}");
        let saved = crate::applying::save(&mut anna, &id, &[("ledning", &text, 0)], "save").await;
        assert_eq!(saved.location().as_deref(), Some("/ansokan?klart=utkast-sparat#status"), "{backend:?}");
        assert!(anna.get("/ansokan").await.body.contains("med mål för varje förvaltning."), "{backend:?}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_flood_of_oversized_posts_fills_no_disk_and_loses_no_text() {
    for backend in BACKENDS {
        let portal = TestPortal::start(backend, open_clock()).await;
        // As many texts waiting for their pages as the portal keeps at once.
        for i in 0..app::storage::form_echoes::MAX_WAITING {
            sqlx::query(
                "INSERT INTO form_echoes (id_hash, problems, expires_at) VALUES ($1, '{}', '2999-01-01T00:00:00Z')",
            )
            .bind(format!("flod-{i}"))
            .execute(portal.db.pool())
            .await
            .unwrap();
        }
        let mut visitor = portal.browser();
        let message = "Kontrasten på knapparna är för låg för mig – ".repeat(55);
        let fields = [("message", message.as_str()), ("page", "/ansokan"), ("reply_to", "")];
        let answer = visitor.submit("/tillganglighet", "/api/send_accessibility_feedback", &fields).await;
        // Not kept: answered at once, every character in the page, the message beside it.
        assert_eq!(answer.status, 422, "{backend:?}: {:?}", answer.location());
        assert!(answer.body.contains(&format!(">\n{message}</textarea>")), "{backend:?}: {}", answer.body);
        assert!(answer.body.contains("Texten får vara högst 2\u{a0}000 tecken"), "{backend:?}");
        let waiting = portal.count("SELECT COUNT(*) AS n FROM form_echoes", &[]).await;
        assert_eq!(waiting, app::storage::form_echoes::MAX_WAITING, "{backend:?}: nothing more kept");
    }
}
