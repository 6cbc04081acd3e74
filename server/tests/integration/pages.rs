//! The public pages as a browser without JavaScript gets them: status codes,
//! Swedish text, and the headers that protect every response.

use crate::common::{BACKENDS, Backend, TestPortal, text_of};
use app::{
    domain::{account::Role, lifecycle::RoundState},
    state::Clock,
    storage::rounds,
};

fn at(s: &str) -> Clock {
    Clock::Fixed(s.parse().unwrap())
}

const BEFORE_DEADLINE: &str = "2027-01-10T10:00:00Z";

/// The round page keeps the round in memory between visits (`rounds::CurrentRounds`):
/// a change an organiser makes shows on the next visit.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_round_page_shows_a_change_to_the_round_on_the_next_visit() {
    for backend in BACKENDS {
        let portal = TestPortal::start(backend, at(BEFORE_DEADLINE)).await;
        for _ in 0..2 {
            assert!(portal.page("/utmarkelser/ehalsokommun").await.1.contains("Ansökan är öppen."), "{backend:?}");
            assert!(
                portal.page("/utmarkelser/ehalsokommun/ansok").await.1.contains("Ansökan är öppen."),
                "{backend:?}"
            );
        }
        let round = portal.db.current_round(app::storage::seed::EHALSOKOMMUN).await.unwrap().unwrap();
        let mut tx = portal.db.begin_write().await.unwrap();
        assert!(rounds::set_state(&mut tx, &round.id, RoundState::Open, RoundState::Closed).await.unwrap());
        tx.commit().await.unwrap();
        let (status, html) = portal.page("/utmarkelser/ehalsokommun").await;
        assert_eq!(status, 200, "{backend:?}");
        assert!(html.contains("<h3>Ledning</h3>") && !html.contains("Ansökan är öppen."), "{backend:?}: {html}");
        let (_, html) = portal.page("/utmarkelser/ehalsokommun/ansok").await;
        assert!(html.contains("Ansökan har stängt.") && !html.contains("Ansökan är öppen."), "{backend:?}: {html}");
    }
}

/// `/` and `/ansok` are kept rendered for visitors without a session (`kept_pages`):
/// a signed-in person never gets the kept page, nor a visitor theirs, and each
/// language has its own.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_kept_public_page_is_never_a_signed_in_persons_nor_in_another_language() {
    for backend in BACKENDS {
        let portal = TestPortal::start(backend, at(BEFORE_DEADLINE)).await;
        portal.create_user("arrangor@example.se", Role::Organiser, None).await;
        portal.rename("arrangor@example.se", "Ada Arrangörsson").await;
        let mut organiser = portal.browser();
        let res = organiser
            .submit(
                "/logga-in",
                "/api/log_in",
                &[("email", "arrangor@example.se"), ("password", crate::common::PASSWORD)],
            )
            .await;
        assert_eq!(res.location().as_deref(), Some("/konto"), "{backend:?}");
        for path in ["/", "/utmarkelser/ehalsokommun", "/utmarkelser/ehalsokommun/ansok"] {
            for _ in 0..2 {
                let (status, html) = portal.page(path).await;
                assert_eq!(status, 200, "{backend:?} {path}");
                assert!(html.contains("Logga in") && !html.contains("Ada Arrangörsson"), "{backend:?} {path}: {html}");
            }
            let theirs = organiser.get(path).await;
            assert_eq!(theirs.status, 200, "{backend:?} {path}");
            assert!(
                theirs.body.contains("Ada Arrangörsson") && theirs.body.contains("Logga ut"),
                "{backend:?} {path}: {}",
                theirs.body
            );
            let (_, after) = portal.page(path).await;
            assert!(!after.contains("Ada Arrangörsson") && !after.contains("Logga ut"), "{backend:?} {path}");
            let mut english = portal.browser();
            english.cookies.insert("sprak".into(), "en".into());
            let in_english = english.get(path).await;
            assert!(in_english.body.starts_with("<!DOCTYPE html><html lang=\"en\">"), "{backend:?} {path}");
            let (_, swedish) = portal.page(path).await;
            assert!(swedish.starts_with("<!DOCTYPE html><html lang=\"sv\">"), "{backend:?} {path}");
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_round_page_shows_the_call_in_swedish_on_both_databases() {
    for backend in BACKENDS {
        let portal = TestPortal::start(backend, at(BEFORE_DEADLINE)).await;
        let (status, html) = portal.page("/utmarkelser/ehalsokommun").await;
        assert_eq!(status, 200, "{backend:?}");
        assert!(html.starts_with("<!DOCTYPE html><html lang=\"sv\">"));
        for expected in [
            "<h1 lang=\"sv\">Sveriges eHälsokommun 2027</h1>",
            "Ansökan är öppen.",
            "15 april 2027 kl. 23.59",
            "<h3>Ledning</h3>",
            "<h3>Infrastruktur</h3>",
            "<h3>Kompetens</h3>",
            "<h3>Användning</h3>",
            "Kriterier och inriktning",
            "inflytande och delaktighet",
            "Juryn",
            "12 maj 2027 kl. 18.00",
            "Myndigheten för delaktighet",
            "Ansök för din kommun",
        ] {
            assert!(html.contains(expected), "{backend:?}: / lacks {expected:?}");
        }
        assert!(!html.contains("Ansökan har stängt."), "{backend:?}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_last_minute_is_open_and_the_next_one_is_closed() {
    let open = TestPortal::start(Backend::Sqlite, at("2027-04-15T21:59:59Z")).await;
    let (_, html) = open.page("/utmarkelser/ehalsokommun").await;
    assert!(html.contains("Ansökan är öppen."));
    assert!(html.contains("Ansök för din kommun"));

    let closed = TestPortal::start(Backend::Sqlite, at("2027-04-15T22:00:00Z")).await;
    let (status, html) = closed.page("/utmarkelser/ehalsokommun").await;
    assert_eq!(status, 200);
    assert!(html.contains("Ansökan har stängt."));
    assert!(!html.contains("Ansök för din kommun"), "no call to action once closed");
    let (_, html) = closed.page("/utmarkelser/ehalsokommun/ansok").await;
    assert!(html.contains("Ansökan för den här omgången har stängt."));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn before_opening_the_page_says_when_applications_open() {
    let portal = TestPortal::start(Backend::Sqlite, at("2026-10-01T12:00:00Z")).await;
    let (_, html) = portal.page("/utmarkelser/ehalsokommun").await;
    assert!(html.contains("Ansökan har inte öppnat ännu."));
    assert!(html.contains("2 november 2026 kl. 08.00"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn how_to_apply_lists_each_section_with_its_limit() {
    let portal = TestPortal::start(Backend::Sqlite, at(BEFORE_DEADLINE)).await;
    let (status, html) = portal.page("/utmarkelser/ehalsokommun/ansok").await;
    assert_eq!(status, 200);
    assert!(html.contains("<h1>Så ansöker ni</h1>"));
    assert_eq!(html.matches("Högst 6\u{a0}000 tecken").count(), 4);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_winners_archive_lists_kalmar_2023_first() {
    for backend in BACKENDS {
        let portal = TestPortal::start(backend, at(BEFORE_DEADLINE)).await;
        let (status, html) = portal.page("/utmarkelser/ehalsokommun/vinnare").await;
        assert_eq!(status, 200);
        let kalmar = html.find("Kalmar kommun").expect("Kalmar is listed");
        let uppsala = html.find("Uppsala kommun").expect("Uppsala is listed");
        assert!(kalmar < uppsala, "{backend:?}: newest first");
        assert!(html.contains("<th scope=\"row\">2023</th>"));
        assert!(html.contains("Hammarö, Eskilstuna, Kramfors, Karlskrona, Östersund"));
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unknown_address_gets_a_swedish_404_page() {
    let portal = TestPortal::start(Backend::Sqlite, at(BEFORE_DEADLINE)).await;
    for path in ["/finns-inte", "/vinnare/1999", "/utmarkelser/finns-inte", "/utmarkelser/Ehalso", "/pkg/finns-inte.js"]
    {
        let res = portal.get(path).await;
        assert_ne!(res.headers()["cache-control"], "public, max-age=31536000, immutable", "{path}: never cache a miss");
        let (status, html) = (res.status().as_u16(), text_of(res).await);
        assert_eq!(status, 404, "{path}");
        if !path.starts_with("/pkg") {
            assert!(html.contains("<h1>Sidan finns inte</h1>"), "{path}");
            assert!(html.contains("<html lang=\"sv\">"), "{path}");
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn healthz_reports_the_database() {
    for backend in BACKENDS {
        let portal = TestPortal::start(backend, at(BEFORE_DEADLINE)).await;
        assert_eq!(portal.get("/healthz").await.status().as_u16(), 200, "{backend:?}");
        match backend {
            Backend::Sqlite => portal.db.close().await,
            Backend::Postgres => portal.test_db.destroy().await,
        }
        assert_eq!(portal.get("/healthz").await.status().as_u16(), 503, "{backend:?}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pages_fail_with_a_swedish_503_when_the_database_is_gone() {
    let portal = TestPortal::start(Backend::Postgres, at(BEFORE_DEADLINE)).await;
    portal.test_db.destroy().await;
    let (status, html) = portal.page("/").await;
    assert_eq!(status, 503);
    assert!(html.contains("<h1>Något gick fel</h1>"));
    assert!(html.contains("Tjänsten kan inte hämta uppgifterna just nu."));
    // The layout still works, so the visitor can find their way.
    assert!(html.contains("Hoppa till huvudinnehållet"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_page_carries_the_security_headers_and_a_fresh_script_nonce() {
    let portal = TestPortal::start(Backend::Sqlite, at(BEFORE_DEADLINE)).await;
    let mut nonces = Vec::new();
    for path in ["/", "/logga-in", "/finns-inte", "/healthz"] {
        let res = portal.get(path).await;
        let header = |name: &str| res.headers().get(name).map(|v| v.to_str().unwrap().to_owned());
        assert_eq!(header("x-content-type-options").as_deref(), Some("nosniff"), "{path}");
        assert_eq!(header("referrer-policy").as_deref(), Some("same-origin"), "{path}");
        let csp = header("content-security-policy").expect("a CSP");
        assert!(csp.contains("frame-ancestors 'none'"), "{path}: {csp}");
        assert!(!csp.contains("unsafe-inline"), "{path}: {csp}");
        if path == "/healthz" {
            continue;
        }
        let nonce = csp.split("'nonce-").nth(1).and_then(|s| s.split('\'').next()).expect("a nonce").to_owned();
        let html = text_of(res).await;
        // Every inline script carries the nonce, or the browser would refuse it. The log-in
        // page has one (it forgets unsent text); a page without islands has no other.
        let scripts = html.matches("<script").count();
        assert_eq!(scripts, usize::from(path == "/logga-in"), "{path}: {html}");
        assert_eq!(html.matches(&format!("nonce=\"{nonce}\"")).count(), scripts, "{path}");
        nonces.push(nonce);
    }
    let distinct: std::collections::HashSet<&String> = nonces.iter().collect();
    assert_eq!(distinct.len(), 3, "each page gets its own nonce");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pages_are_compressed_and_hashed_assets_cached_for_a_year() {
    let portal = TestPortal::start(Backend::Sqlite, at(BEFORE_DEADLINE)).await;
    let res = portal.client.get(format!("{}/", portal.base_url)).header("accept-encoding", "br").send().await.unwrap();
    assert_eq!(res.headers()["content-encoding"], "br");
    assert_eq!(res.headers()["cache-control"], "private, no-store");

    let hashes = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../target/site/hash.txt"))
        .expect("scripts/build.sh has built the site");
    let css_hash = hashes.lines().find_map(|l| l.strip_prefix("css: ")).unwrap();
    let res = portal
        .client
        .get(format!("{}/pkg/portal.{css_hash}.css", portal.base_url))
        .header("accept-encoding", "br")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 200);
    assert_eq!(res.headers()["cache-control"], "public, max-age=31536000, immutable");
    assert_eq!(res.headers()["content-encoding"], "br");

    // A first visit's request for the file sets no cookie: shared caches may keep it.
    let res =
        reqwest::Client::new().get(format!("{}/pkg/portal.{css_hash}.css", portal.base_url)).send().await.unwrap();
    assert_eq!(res.status().as_u16(), 200);
    assert!(res.headers().get("set-cookie").is_none(), "{:?}", res.headers());
    assert_eq!(res.headers()["x-content-type-options"], "nosniff");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_oversized_body_is_refused_with_413_before_it_is_read() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let portal = TestPortal::start(Backend::Sqlite, at(BEFORE_DEADLINE)).await;
    // Announce 10 MB and send none of it: the portal must answer from the header alone.
    let mut stream = tokio::net::TcpStream::connect(portal.base_url.trim_start_matches("http://")).await.unwrap();
    stream
        .write_all(
            b"POST /api/current_round HTTP/1.1\r\nHost: localhost\r\n\
              Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 10485760\r\n\r\n",
        )
        .await
        .unwrap();
    let mut head = [0u8; 12];
    stream.read_exact(&mut head).await.unwrap();
    assert_eq!(&head, b"HTTP/1.1 413");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn english_is_second_and_remembered_in_a_cookie() {
    let portal = TestPortal::start(Backend::Sqlite, at(BEFORE_DEADLINE)).await;
    let (_, html) = portal.page("/utmarkelser/ehalsokommun/vinnare").await;
    assert!(
        html.contains("href=\"/sprak?till=en&amp;tillbaka=/utmarkelser/ehalsokommun/vinnare\""),
        "the switch links back to this page"
    );

    let res = portal.get("/sprak?till=en&tillbaka=/utmarkelser/ehalsokommun/vinnare").await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(res.headers()["location"], "/utmarkelser/ehalsokommun/vinnare");
    let cookie = res.headers()["set-cookie"].to_str().unwrap().to_owned();
    assert!(cookie.starts_with("sprak=en;"), "{cookie}");
    for flag in ["Path=/", "HttpOnly", "SameSite=Lax", "Max-Age=31536000"] {
        assert!(cookie.contains(flag), "{cookie} lacks {flag}");
    }
    assert!(!cookie.contains("Secure"), "plain http base URL: no Secure flag");

    let html = |path: &'static str| {
        let portal = &portal;
        async move {
            let res = portal
                .client
                .get(format!("{}{path}", portal.base_url))
                .header("cookie", "sprak=en")
                .send()
                .await
                .unwrap();
            text_of(res).await
        }
    };
    let page = html("/utmarkelser/ehalsokommun/vinnare").await;
    assert!(page.contains("<html lang=\"en\">"));
    assert!(page.contains("<h1>Past winners</h1>"));
    assert!(page.contains("<td lang=\"sv\">Kalmar kommun</td>"), "Swedish content is marked as Swedish");
    assert!(page.contains(">På svenska</a>"));

    let page = html("/utmarkelser/ehalsokommun").await;
    assert!(page.contains("Applications are open."));
    assert!(page.contains("Deadline"));
    assert!(page.contains("<time datetime=\"2027-04-15T21:59:00+00:00\">15 April 2027, 23:59</time>"));
    assert!(page.contains("<h1 lang=\"sv\">Sveriges eHälsokommun 2027</h1>"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_language_switch_never_sends_the_visitor_to_another_site() {
    let portal = TestPortal::start(Backend::Sqlite, at(BEFORE_DEADLINE)).await;
    for back in ["//evil.example/", "https://evil.example/", "/%0d%0aSet-Cookie:x=1"] {
        let res = portal.get(&format!("/sprak?till=en&tillbaka={back}")).await;
        assert_eq!(res.status().as_u16(), 303, "{back}");
        assert_eq!(res.headers()["location"], "/", "{back}");
    }
}

/// Islands: a page without an interactive part sends HTML alone, and valid HTML at
/// that: no browser code, no hydration markers (`<!>`), nothing after `</html>`.
/// The application form, an island, references the bundle, or the check could not fail.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pages_without_an_island_load_no_webassembly() {
    let portal = TestPortal::start(Backend::Sqlite, at(BEFORE_DEADLINE)).await;
    let bundle = |html: &str| html.contains(".wasm") || html.contains("/pkg/portal.") && html.contains(".js\"");
    for path in [
        "/",
        "/utmarkelser/ehalsokommun",
        "/utmarkelser/ehalsokommun/ansok",
        "/utmarkelser/ehalsokommun/vinnare",
        "/utmarkelser/gotapriset",
        "/tillganglighet",
        "/integritet",
        "/logga-in",
        "/registrera",
        "/finns-inte",
    ] {
        let (_, html) = portal.page(path).await;
        assert!(!bundle(&html), "{path} references the browser bundle");
        assert!(!html.contains("<!>"), "{path} carries hydration markers");
        assert!(html.trim_end().ends_with("</body></html>"), "{path}: something after the document");
    }
    let mut applicant = portal.logged_in("sven@kalmar.se", Role::Applicant, Some("0880")).await;
    let form = applicant.get("/ansokan").await.body;
    assert!(form.contains("<leptos-island"), "the application form is an island");
    assert!(bundle(&form), "the application form loads the bundle");
    let outside = form.split("<leptos-island").next().unwrap_or_default();
    assert!(!outside.contains("<!>"), "markers only inside the island");
}
