//! Mail through a real SMTP server on loopback: queued with its event, sent
//! once, kept through an outage and sent when the server is back.

use crate::common::{BACKENDS, Backend, SmtpSink, TestDb, open};
use app::{
    mail::{OutgoingMail, Transport, worker::deliver_due},
    state::Clock,
    storage::mail_queue,
};
use chrono::{DateTime, Duration, Utc};

const FROM: &str = "Utmärkelseportalen <noreply@portal.example.se>";

fn at(s: &str) -> DateTime<Utc> {
    s.parse().unwrap()
}

fn mail(to: &str) -> OutgoingMail {
    OutgoingMail::test_message(to, "https://portal.example.se")
}

async fn enqueue(db: &app::storage::Db, to: &str, now: DateTime<Utc>) -> String {
    let mut tx = db.pool().begin().await.unwrap();
    let id = mail_queue::enqueue(&mut tx, &mail(to), now).await.unwrap();
    tx.commit().await.unwrap();
    id
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn queued_mail_reaches_a_real_smtp_server_once() {
    for backend in BACKENDS {
        let test_db = TestDb::new(backend).await;
        let db = open(&test_db).await;
        let sink = SmtpSink::running().await;
        let transport = Transport::new(Some(&sink.url()), std::path::Path::new("/nonexistent")).unwrap();
        let now = at("2027-04-15T10:00:00Z");
        let kalmar = enqueue(&db, "anna@kalmar.se", now).await;
        enqueue(&db, "erik@nacka.se", now).await;

        let first = deliver_due(&db, &transport, FROM, Clock::Fixed(now), || true).await.unwrap();
        let first_status = mail_queue::status(&mut db.conn().await.unwrap(), &kalmar).await.unwrap().unwrap();
        assert_eq!((first.sent, first.failed), (2, 0), "{backend:?}: {:?}", first_status.last_error);
        let again = deliver_due(&db, &transport, FROM, Clock::Fixed(now + Duration::hours(1)), || true).await.unwrap();
        assert_eq!((again.sent, again.failed), (0, 0), "{backend:?}: nothing is sent twice");

        let received = sink.messages();
        assert_eq!(received.len(), 2, "{backend:?}");
        let to_kalmar = received.iter().find(|m| m.contains("To: anna@kalmar.se")).expect("Kalmar's copy");
        assert!(to_kalmar.contains(&format!("Message-ID: <{kalmar}@portal.example.se>")), "{to_kalmar}");
        assert!(to_kalmar.contains("Content-Type: text/plain; charset=utf-8"));
        assert!(to_kalmar.contains("Content-Type: text/html; charset=utf-8"));
        assert!(to_kalmar.contains("https://portal.example.se/"), "the base URL is in the link");
        let status = mail_queue::status(&mut db.conn().await.unwrap(), &kalmar).await.unwrap().unwrap();
        assert_eq!(status.sent_at, Some(now));
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_smtp_outage_delays_mail_but_loses_none() {
    for backend in BACKENDS {
        let test_db = TestDb::new(backend).await;
        let db = open(&test_db).await;
        let mut sink = SmtpSink::stopped();
        let transport = Transport::new(Some(&sink.url()), std::path::Path::new("/nonexistent")).unwrap();
        let now = at("2027-04-15T10:00:00Z");
        let id = enqueue(&db, "anna@kalmar.se", now).await;

        let down = deliver_due(&db, &transport, FROM, Clock::Fixed(now), || true).await.unwrap();
        assert_eq!((down.sent, down.failed), (0, 1), "{backend:?}");
        let status = mail_queue::status(&mut db.conn().await.unwrap(), &id).await.unwrap().unwrap();
        assert_eq!(status.attempts, 1);
        assert_eq!(status.next_attempt_at, now + Duration::seconds(30), "first retry after 30 s");
        assert!(status.last_error.is_some());
        assert_eq!(status.sent_at, None);

        // Not due yet: no attempt before the backoff has passed.
        let early =
            deliver_due(&db, &transport, FROM, Clock::Fixed(now + Duration::seconds(10)), || true).await.unwrap();
        assert_eq!((early.sent, early.failed), (0, 0));

        sink.start().await;
        let later = now + Duration::seconds(31);
        let back = deliver_due(&db, &transport, FROM, Clock::Fixed(later), || true).await.unwrap();
        assert_eq!((back.sent, back.failed), (1, 0), "{backend:?}");
        assert_eq!(sink.messages().len(), 1, "{backend:?}: sent once");
        assert_eq!(mail_queue::status(&mut db.conn().await.unwrap(), &id).await.unwrap().unwrap().sent_at, Some(later));
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn mail_of_an_event_that_was_rolled_back_is_never_sent() {
    let test_db = TestDb::new(Backend::Sqlite).await;
    let db = open(&test_db).await;
    let now = at("2027-04-15T10:00:00Z");
    let mut tx = db.pool().begin().await.unwrap();
    mail_queue::enqueue(&mut tx, &mail("anna@kalmar.se"), now).await.unwrap();
    tx.rollback().await.unwrap();
    let sink = SmtpSink::running().await;
    let transport = Transport::new(Some(&sink.url()), std::path::Path::new("/nonexistent")).unwrap();
    let delivery = deliver_due(&db, &transport, FROM, Clock::Fixed(now), || true).await.unwrap();
    assert_eq!(delivery.sent, 0);
    assert!(sink.messages().is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_claimed_message_waits_for_its_lease_before_another_worker_takes_it() {
    for backend in BACKENDS {
        let test_db = TestDb::new(backend).await;
        let db = open(&test_db).await;
        let now = at("2027-04-15T10:00:00Z");
        let id = enqueue(&db, "anna@kalmar.se", now).await;
        let lease = Duration::seconds(120);
        let first = mail_queue::claim_due(&mut db.conn().await.unwrap(), now, lease, 10).await.unwrap();
        assert_eq!(first.len(), 1);
        assert_eq!(first[0].id, id);
        // A second worker (another instance) finds nothing to send.
        assert!(
            mail_queue::claim_due(&mut db.conn().await.unwrap(), now, lease, 10).await.unwrap().is_empty(),
            "{backend:?}"
        );
        // If the first worker crashed, the message is taken again once its lease ends.
        let after = mail_queue::claim_due(&mut db.conn().await.unwrap(), now + lease, lease, 10).await.unwrap();
        assert_eq!(after.len(), 1, "{backend:?}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_smtp_mail_is_written_to_the_outbox_folder() {
    let test_db = TestDb::new(Backend::Sqlite).await;
    let db = open(&test_db).await;
    let outbox = tempfile::tempdir().unwrap();
    let transport = Transport::new(None, &outbox.path().join("outbox")).unwrap();
    let now = at("2027-04-15T10:00:00Z");
    enqueue(&db, "anna@kalmar.se", now).await;
    let delivery = deliver_due(&db, &transport, FROM, Clock::Fixed(now), || true).await.unwrap();
    assert_eq!(delivery.sent, 1);
    let files: Vec<_> = std::fs::read_dir(outbox.path().join("outbox")).unwrap().map(|e| e.unwrap().path()).collect();
    assert_eq!(files.len(), 1);
    assert_eq!(files[0].extension().and_then(|e| e.to_str()), Some("eml"));
    let eml = std::fs::read_to_string(&files[0]).unwrap();
    assert!(eml.contains("To: anna@kalmar.se"));
}

/// Waits until `count` messages in all have been queued for `to`: sign-up and
/// reset queue theirs just after answering.
async fn queued(portal: &crate::common::TestPortal, to: &str, count: usize) {
    let started = std::time::Instant::now();
    while portal.mail_subjects(to).await.len() < count {
        assert!(started.elapsed().as_secs() < 15, "no mail to {to}");
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
}

/// The link as a mail program shows it: the raw message may wrap long lines
/// (quoted-printable soft breaks) and escape "=".
fn link_in_delivered(raw: &str, base_url: &str, prefix: &str) -> String {
    let unwrapped = raw.replace("=\r\n", "").replace("=\n", "").replace("=3D", "=");
    crate::common::link_path(&unwrapped, base_url, prefix)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_confirmation_and_reset_links_delivered_by_smtp_work() {
    for backend in BACKENDS {
        let portal = crate::common::TestPortal::start(backend, Clock::Fixed(at("2027-01-10T10:00:00Z"))).await;
        let sink = SmtpSink::running().await;
        let transport = Transport::new(Some(&sink.url()), std::path::Path::new("/nonexistent")).unwrap();
        let deliver = || deliver_due(&portal.db, &transport, FROM, Clock::Fixed(at("2027-01-10T10:00:00Z")), || true);

        let mut browser = portal.browser();
        let fields = [
            ("name", "Karin Lund"),
            ("email", "karin@vaxjo.se"),
            ("phone", "0470-410 00"),
            ("kommun", "Växjö"),
            ("password", crate::common::PASSWORD),
        ];
        let signed_up = browser.submit("/registrera", "/api/sign_up", &fields).await;
        assert_eq!(signed_up.location().as_deref(), Some("/registrera/skickat"), "{backend:?}");
        queued(&portal, "karin@vaxjo.se", 1).await;
        assert_eq!(deliver().await.unwrap().sent, 1);
        let received = sink.messages();
        assert_eq!(received.len(), 1);
        assert!(received[0].contains("Subject: =?utf-8?") || received[0].contains("Subject: Bekr"), "{}", received[0]);
        assert!(received[0].contains("text/plain") && received[0].contains("text/html"), "both parts");
        let link = link_in_delivered(&received[0], &portal.base_url, "/bekrafta/");
        let token = link.trim_start_matches("/bekrafta/").to_owned();
        let confirmed = browser.submit(&link, "/api/confirm_email", &[("token", &token)]).await;
        assert_eq!(confirmed.location().as_deref(), Some("/logga-in?klart=bekraftad"), "{backend:?}");

        browser.submit("/glomt-losenord", "/api/request_reset", &[("email", "karin@vaxjo.se")]).await;
        queued(&portal, "karin@vaxjo.se", 2).await;
        assert_eq!(deliver().await.unwrap().sent, 1);
        let received = sink.messages();
        let reset_mail = received.iter().find(|m| m.contains("/aterstall/")).expect("the reset mail arrived");
        let link = link_in_delivered(reset_mail, &portal.base_url, "/aterstall/");
        let token = link.trim_start_matches("/aterstall/").to_owned();
        let reset = browser
            .submit(&link, "/api/reset_password", &[("token", &token), ("password", "fem röda bussar i Växjö")])
            .await;
        assert_eq!(reset.location().as_deref(), Some("/logga-in?klart=aterstallt"), "{backend:?}");
        let logged_in = browser
            .submit("/logga-in", "/api/log_in", &[("email", "karin@vaxjo.se"), ("password", "fem röda bussar i Växjö")])
            .await;
        assert_eq!(logged_in.location().as_deref(), Some("/ansokan"), "{backend:?}");
    }
}
