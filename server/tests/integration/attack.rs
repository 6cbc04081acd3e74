//! Bodies no form sends, posted by a logged-in applicant to the autosave:
//! bytes that are not UTF-8, keys nested thousands deep, a JSON body nested
//! as deep. Each is refused with a 4xx, nothing is written, and the portal
//! answers the next request as before (no crash, no stack overflow).

use crate::{
    common::{BACKENDS, TestPortal},
    jury::open_clock,
};
use app::domain::account::Role;
use sqlx::Row;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hostile_bodies_are_refused_with_4xx_write_nothing_and_leave_the_portal_well() {
    for backend in BACKENDS {
        let portal = TestPortal::start(backend, open_clock()).await;
        let mut anna = portal.logged_in("anna@kalmar.se", Role::Applicant, Some("0880")).await;
        crate::applying::open_application(&mut anna).await;
        let cookie = anna.cookies.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join("; ");
        let csrf = anna.cookies["portal_csrf"].clone();
        let post = |content_type: &'static str, body: Vec<u8>| {
            portal
                .client
                .post(format!("{}/api/save_application", portal.base_url))
                .header("cookie", &cookie)
                .header("origin", &portal.base_url)
                .header("x-csrf-token", &csrf)
                .header("accept", "application/json")
                .header("content-type", content_type)
                .body(body)
                .send()
        };
        let deep_key = format!("application=x&{}=1", "a".to_owned() + &"[a]".repeat(20_000));
        let deep_json = format!("{}1{}", "[".repeat(100_000), "]".repeat(100_000));
        let bodies: [(&str, &'static str, Vec<u8>); 3] = [
            (
                "bytes that are not UTF-8",
                "application/x-www-form-urlencoded",
                b"application=\xff\xfe&text%5Bledning%5D=\xc3\x28".to_vec(),
            ),
            ("keys nested 20 000 deep", "application/x-www-form-urlencoded", deep_key.into_bytes()),
            ("JSON nested 100 000 deep", "application/json", deep_json.into_bytes()),
        ];
        for (what, content_type, body) in bodies {
            let res = post(content_type, body).await.unwrap_or_else(|e| panic!("{backend:?}: {what}: {e}"));
            let status = res.status().as_u16();
            let body = res.text().await.unwrap_or_default();
            assert!((400..500).contains(&status), "{backend:?}: {what} answered {status}: {body}");
        }
        let saved: i64 =
            sqlx::query("SELECT COUNT(*) FROM application_versions").fetch_one(portal.db.pool()).await.unwrap().get(0);
        assert_eq!(saved, 0, "{backend:?}: nothing written");
        assert_eq!(portal.get("/healthz").await.status().as_u16(), 200, "{backend:?}: the portal is well");
        assert_eq!(anna.get("/ansokan").await.status, 200, "{backend:?}");
    }
}
