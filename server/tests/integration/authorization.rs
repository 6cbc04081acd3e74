//! Every page and every server function, asked by five people: anonymous, an
//! applicant of Kalmar, an applicant of Nacka, a juror and an organiser. Each
//! gets in exactly where the access table says, and nowhere else.

use crate::common::{Browser, TestPortal};
use app::{
    auth::guard::{FILES, FORBIDDEN_PAGE, PAGES, SERVER_FNS, UNAVAILABLE_PAGE},
    domain::access::Access,
    domain::account::Role,
    state::Clock,
};
use std::collections::BTreeSet;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Actor {
    Anonymous,
    ApplicantKalmar,
    ApplicantNacka,
    Juror,
    Organiser,
}

fn allowed(access: Access, actor: Actor) -> bool {
    match access {
        Access::Public => true,
        Access::SignedIn => actor != Actor::Anonymous,
        Access::Applicant => matches!(actor, Actor::ApplicantKalmar | Actor::ApplicantNacka),
        Access::Juror => actor == Actor::Juror,
        Access::Jury => matches!(actor, Actor::Juror | Actor::Organiser),
        Access::Organiser => actor == Actor::Organiser,
    }
}

async fn browser_for(portal: &TestPortal, actor: Actor) -> Browser {
    match actor {
        Actor::Anonymous => {
            let mut b = portal.browser();
            b.get("/").await; // the CSRF cookie, as any visitor has
            b
        }
        Actor::ApplicantKalmar => portal.logged_in("a@kalmar.se", Role::Applicant, Some("0880")).await,
        Actor::ApplicantNacka => portal.logged_in("b@nacka.se", Role::Applicant, Some("0182")).await,
        Actor::Juror => portal.logged_in("j@skr.se", Role::Juror, None).await,
        Actor::Organiser => portal.logged_in("o@vitalis.se", Role::Organiser, None).await,
    }
}

#[test]
fn every_server_function_is_in_the_access_table_and_the_table_names_no_other() {
    let registered: BTreeSet<String> =
        leptos::server_fn::axum::server_fn_paths().map(|(path, _)| path.to_owned()).collect();
    let listed: BTreeSet<String> = SERVER_FNS.iter().map(|(path, _)| path.to_string()).collect();
    assert_eq!(registered, listed);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_role_reaches_exactly_the_pages_and_server_functions_it_may() {
    let portal =
        TestPortal::start(crate::common::Backend::Sqlite, Clock::Fixed("2027-01-10T10:00:00Z".parse().unwrap())).await;
    let token = "A".repeat(43);
    for actor in [Actor::Anonymous, Actor::ApplicantKalmar, Actor::ApplicantNacka, Actor::Juror, Actor::Organiser] {
        let mut browser = browser_for(&portal, actor).await;
        for (pattern, access) in PAGES.iter().chain(FILES) {
            let path = pattern
                .replace("{token}", &token)
                .replace("{award}", "ehalsokommun")
                .replace("{part}", "ledning")
                .replace("{number}", "1")
                .replace("{file}", "logg.csv")
                .replace("{application}", "okand-ansokan")
                .replace("{earlier}", "okand-tidigare");
            let answer = browser.get(&path).await;
            let verdict = match (allowed(*access, actor), actor) {
                // The explanation page says 403 to everyone, by design.
                (true, _) if path == FORBIDDEN_PAGE => answer.status == 403,
                // So does the outage page (503), which the guard shows when the database is unreachable.
                (true, _) if path == UNAVAILABLE_PAGE => answer.status == 503,
                // Nobody has submitted here: the applicant's receipt 1 does not exist yet.
                (true, _) if pattern.contains("{number}") => answer.status == 404,
                // Nor is there an application by that id for the jury to read.
                (true, _) if pattern.contains("{application}") => answer.status == 404,
                (true, _) => answer.status == 200,
                (false, Actor::Anonymous) => {
                    answer.status == 303 && answer.location() == Some(format!("/logga-in?tillbaka={path}"))
                }
                // A file has no page of its own: the explanation page says why.
                (false, _) if FILES.contains(&(pattern, *access)) => {
                    answer.status == 303 && answer.location().as_deref() == Some(FORBIDDEN_PAGE)
                }
                (false, _) => answer.status == 403 && answer.body.contains("Du har inte behörighet till sidan"),
            };
            assert!(verdict, "{actor:?} GET {path} ({access:?}): {} {:?}", answer.status, answer.location());
        }
        // Log-out last: it ends the actor's session.
        let mut fns: Vec<_> = SERVER_FNS.iter().collect();
        fns.sort_by_key(|(path, _)| *path == "/api/log_out");
        for (path, access) in fns {
            let token = browser.cookies["portal_csrf"].clone();
            let client = reqwest::Client::new();
            let cookie = browser.cookies.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join("; ");
            let answer = client
                .post(format!("{}{path}", portal.base_url))
                .header("cookie", cookie)
                .header("origin", &portal.base_url)
                .header("accept", "application/json")
                .header("content-type", "application/x-www-form-urlencoded")
                .body(format!("csrf={token}"))
                .send()
                .await
                .unwrap();
            let status = answer.status().as_u16();
            let expected_refusal = match (allowed(*access, actor), actor) {
                (true, _) => None,
                (false, Actor::Anonymous) => Some(401),
                (false, _) => Some(403),
            };
            match expected_refusal {
                Some(code) => assert_eq!(status, code, "{actor:?} POST {path} ({access:?})"),
                None => assert!(![401, 403, 404].contains(&status), "{actor:?} POST {path} ({access:?}): {status}"),
            }
        }
    }
}
