//! The visibility matrix: who sees what of one application (Kalmar's) in every
//! state of its life — draft, submitted, under review, decided, embargoed,
//! announced — asked by every kind of person: a visitor, Kalmar's applicant,
//! Nacka's applicant, a juror who has reviewed it, a juror who has not yet, a
//! juror with jäv for Kalmar, and an organiser. Each cell is what that person
//! would check: the text, another juror's comment, the jury's motivation, the
//! winner page. On SQLite and PostgreSQL.

use crate::{
    applying::{complete, open_application, save, submit},
    common::{BACKENDS, Browser, TestPortal},
    jury::{ALL, declare_jav, log_in_at, open_clock, review, review_clock, start_review},
    organising::decide,
};
use app::{domain::account::Role, state::Clock};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Who {
    Visitor,
    KalmarApplicant,
    NackaApplicant,
    /// Has reviewed Kalmar.
    Hard,
    /// Sits on the jury, has not reviewed Kalmar.
    Juni,
    /// Jäv for Kalmar.
    Kim,
    Organiser,
}

const EVERYONE: [Who; 7] =
    [Who::Visitor, Who::KalmarApplicant, Who::NackaApplicant, Who::Hard, Who::Juni, Who::Kim, Who::Organiser];

#[derive(Debug, Clone, Copy)]
enum Seen {
    /// Kalmar's text, where this person would look for it.
    Text,
    /// Hård's jury comment on Kalmar.
    Comment,
    /// The jury's motivation for Kalmar, on the jury's page.
    Motivation,
    /// The motivation on the public winner page.
    Public,
}

const TEXT: &str = "Kalmars hemliga utkast blir en ansökan.";
const COMMENT: &str = "Hårds omdöme om Kalmar.";
const MOTIVATION: &str = "Kalmar vinner för sina stora steg.";

struct People {
    browsers: Vec<(Who, Browser)>,
}

impl People {
    async fn at(portal: &TestPortal, url: &str) -> People {
        let mut browsers = vec![(Who::Visitor, portal.browser().at(url))];
        for (who, email) in [
            (Who::KalmarApplicant, "anna@kalmar.se"),
            (Who::NackaApplicant, "nils@nacka.se"),
            (Who::Hard, "hard@skr.se"),
            (Who::Juni, "juni@inera.se"),
            (Who::Kim, "kim@kalmar.se"),
            (Who::Organiser, "org@vitalis.se"),
        ] {
            browsers.push((who, log_in_at(portal, url, email).await));
        }
        People { browsers }
    }

    fn of(&mut self, who: Who) -> &mut Browser {
        &mut self.browsers.iter_mut().find(|(w, _)| *w == who).unwrap().1
    }

    /// Whether `who` sees `what` of Kalmar's application, where they would look.
    async fn sees(&mut self, who: Who, what: Seen, kalmar: &str) -> bool {
        let (path, needle) = match (what, who) {
            (Seen::Text, Who::KalmarApplicant | Who::NackaApplicant) => ("/ansokan".to_owned(), TEXT),
            (Seen::Text, _) => (format!("/jury/ansokan/{kalmar}"), TEXT),
            (Seen::Comment, _) => (format!("/jury/ansokan/{kalmar}"), COMMENT),
            (Seen::Motivation, _) => (format!("/jury/motiveringar/{kalmar}"), MOTIVATION),
            (Seen::Public, _) => ("/utmarkelser/ehalsokommun/vinnare".to_owned(), MOTIVATION),
        };
        let answer = self.of(who).get(&path).await;
        assert!(
            matches!(answer.status, 200 | 303 | 403 | 404),
            "{who:?} asking {path} gets {}: never an error",
            answer.status
        );
        answer.status == 200 && answer.body.contains(needle)
    }

    /// Checks one state's row of the matrix: for each observation, who sees it.
    async fn expect(&mut self, state: &str, kalmar: &str, rows: &[(Seen, &[Who])]) {
        for (what, seeing) in rows {
            for who in EVERYONE {
                let expected = seeing.contains(&who);
                assert_eq!(self.sees(who, *what, kalmar).await, expected, "{state}: {who:?} sees {what:?}");
            }
        }
    }
}

async fn step(organiser: &mut Browser, from: &str, to: &str, embargo: &str) {
    let fields = [("from", from), ("to", to), ("confirm", "ja"), ("embargo", embargo)];
    let answer = organiser.post("/arrangor/omgang", "/api/step_round", &fields, true).await;
    assert_eq!(answer.location().as_deref(), Some("/arrangor/omgang?klart=steg-taget"), "{from} → {to}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_person_sees_exactly_what_the_applications_state_allows() {
    use Who::*;
    for backend in BACKENDS {
        let portal = TestPortal::start(backend, open_clock()).await;
        let mut anna = portal.logged_in("anna@kalmar.se", Role::Applicant, Some("0880")).await;
        portal.logged_in("nils@nacka.se", Role::Applicant, Some("0182")).await;
        for email in ["hard@skr.se", "juni@inera.se", "kim@kalmar.se"] {
            portal.logged_in(email, Role::Juror, None).await;
        }
        portal.logged_in("org@vitalis.se", Role::Organiser, None).await;
        let open = portal.at(open_clock()).await;

        // Draft: Kalmar's own applicant only.
        let kalmar = open_application(&mut anna).await;
        save(&mut anna, &kalmar, &complete(TEXT), "save").await;
        let mut people = People::at(&portal, &open).await;
        people.expect("draft", &kalmar, &[(Seen::Text, &[KalmarApplicant]), (Seen::Public, &[])]).await;

        // Submitted, before the deadline: still the applicant's alone; the jury sees nothing yet.
        let (done, _) = submit(people.of(KalmarApplicant), &kalmar).await;
        assert!(done.location().is_some_and(|l| l.starts_with("/ansokan/inskickad/")), "{backend:?}");
        people.expect("submitted", &kalmar, &[(Seen::Text, &[KalmarApplicant]), (Seen::Comment, &[])]).await;

        // Under review: the jury reads the text, Kim not (with jäv he reads nothing of the application);
        // Hård's comment reaches Hård and the organiser, not Juni before her own review is done, never Kim.
        let later = portal.at(review_clock()).await;
        let mut people = People::at(&portal, &later).await;
        start_review(people.of(Organiser)).await;
        let declared = declare_jav(people.of(Kim), "Kalmar", "Bor i Kalmar").await;
        assert_eq!(declared.location().as_deref(), Some("/jury/jav?klart=jav-anmalt"), "{backend:?}");
        let scores: Vec<(&str, &str)> = ALL.iter().map(|c| (*c, "4")).collect();
        let extra = [("jury_comment", COMMENT), ("recommendation", "nominera"), ("action", "klar")];
        review(people.of(Hard), &kalmar, "0", &scores, &extra).await;
        people
            .expect(
                "under review",
                &kalmar,
                &[
                    (Seen::Text, &[KalmarApplicant, Hard, Juni, Organiser]),
                    (Seen::Comment, &[Hard, Organiser]),
                    (Seen::Motivation, &[]),
                ],
            )
            .await;

        // Juni's own review done: now she sees Hård's comment too.
        review(people.of(Juni), &kalmar, "0", &scores, &[("recommendation", "nominera"), ("action", "klar")]).await;
        assert!(people.sees(Juni, Seen::Comment, &kalmar).await, "{backend:?}");

        // The decision being written: the motivation is the jury's and the organisers', never Kim's.
        let mut organiser = people.of(Organiser).at(&later);
        let (mut hard, mut juni) = (people.of(Hard).at(&later), people.of(Juni).at(&later));
        decide(&mut organiser, &mut [&mut hard, &mut juni], &[(&kalmar, "vinnare", MOTIVATION)]).await;
        let page = format!("/jury/motiveringar/{kalmar}");
        let sign = [("application", kalmar.as_str()), ("version", "1")];
        let refused = people.of(Kim).post(&page, "/api/sign_motivation", &sign, true).await;
        assert_eq!(refused.location().as_deref(), Some("/ingen-behorighet"), "{backend:?}");
        let motivation_readers: &[Who] = &[Hard, Juni, Organiser];
        people
            .expect("decision written", &kalmar, &[(Seen::Motivation, motivation_readers), (Seen::Public, &[])])
            .await;

        // Decided: the same, and still nothing public.
        step(&mut organiser, "bedomning", "beslutad", "").await;
        people
            .expect(
                "decided",
                &kalmar,
                &[
                    (Seen::Text, &[KalmarApplicant, Hard, Juni, Organiser]),
                    (Seen::Motivation, motivation_readers),
                    (Seen::Public, &[]),
                ],
            )
            .await;

        // Announced under embargo until the ceremony: nothing public a second before it.
        step(&mut organiser, "beslutad", "offentliggjord", "2027-05-12T18:00").await;
        people.expect("embargoed", &kalmar, &[(Seen::Public, &[])]).await;
        let second_before = portal.at(Clock::Fixed("2027-05-12T15:59:59Z".parse().unwrap())).await;
        let mut people = People::at(&portal, &second_before).await;
        people.expect("a second before the ceremony", &kalmar, &[(Seen::Public, &[])]).await;

        // Announced: everyone sees the winner page; the jury's own pages are as they were.
        let ceremony = portal.at(Clock::Fixed("2027-05-12T16:00:00Z".parse().unwrap())).await;
        let mut people = People::at(&portal, &ceremony).await;
        people
            .expect(
                "announced",
                &kalmar,
                &[
                    (Seen::Public, &EVERYONE),
                    (Seen::Motivation, motivation_readers),
                    (Seen::Comment, &[Hard, Juni, Organiser]),
                ],
            )
            .await;
    }
}
