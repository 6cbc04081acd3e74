//! The deadline rush: many applicants, each logged in as themselves, each
//! autosaving their kommun's application every few seconds, against a running
//! portal. Open loop: every client has its own schedule (offsets spread evenly
//! over the first interval), and a slow save does not slow the others.
//!
//! Before the load it creates the applicant accounts in the portal's database
//! (one per kommun; when there are more clients than kommuner, the rest are
//! second colleagues writing other sections of the same application), logs
//! each in through the portal, opens its application and saves a first text
//! of 3 000–5 500 characters per section. Then each save appends a sentence to
//! one of the client's sections in turn, as the browser's autosave posts it.
//!
//! Beside them, as on the real deadline day: jurors logged in browsing their
//! pages, the public reading the round's pages, and in the last minute every
//! kommun submits its application (colleagues stop writing when it begins).
//! Each kind of request is reported on its own; `--ceiling-url` repeats the
//! public pattern against a bare axum handler in the same run.
//!
//! `bench/autosave_load.sh` builds the release binary, starts it on SQLite and
//! on PostgreSQL and runs this against each:
//!   autosave_load --base-url http://127.0.0.1:PORT --database-url URL --pid PID [--duration 60]

use app::{
    api::application::SaveReply,
    auth::password::PasswordHasher,
    domain::{
        account::{Email, PersonName, Role},
        application::{CONTACT_EMAIL, CONTACT_NAME, CONTACT_PHONE, CONTACT_TITLE, SUMMARY},
        kommun::Kommunkod,
    },
    storage::{
        Db,
        users::{self, InsertUserError},
    },
};
use clap::Parser;
use sqlx::Row;
use std::{
    collections::{BTreeMap, VecDeque},
    sync::Arc,
    time::{Duration, Instant},
};
use tokio::sync::Semaphore;

#[derive(Parser)]
#[command(about = "Autosave load: many applicants saving their applications at once")]
struct Args {
    /// The portal, e.g. http://127.0.0.1:3000 (also sent as the Origin of posts).
    #[arg(long)]
    base_url: String,
    /// The portal's database, where the applicant accounts are created.
    #[arg(long)]
    database_url: String,
    /// The portal's process id, for its resident memory and CPU time.
    #[arg(long)]
    pid: Option<u32>,
    /// Seconds of load.
    #[arg(long, default_value_t = 60)]
    duration: u64,
    /// Simulated applicants.
    #[arg(long, default_value_t = 300)]
    clients: usize,
    /// Seconds between one client's saves.
    #[arg(long, default_value_t = 5)]
    interval: u64,
    /// Jurors logged in, each opening one of their pages every 5 s.
    #[arg(long, default_value_t = 20)]
    jurors: usize,
    /// Anonymous visitors, each opening a public page every second.
    #[arg(long, default_value_t = 10)]
    visitors: usize,
    /// The last seconds of the load, in which every kommun submits (0: nobody submits).
    #[arg(long, default_value_t = 60)]
    submit_window: u64,
    /// A bare axum handler (the `bare_axum` example) to repeat the public pattern against, as the ceiling.
    #[arg(long)]
    ceiling_url: Option<String>,
}

/// One kind of request besides the autosaves: how many, how they went, how long they took.
#[derive(Default)]
struct Kind {
    attempted: usize,
    ok: usize,
    failures: BTreeMap<String, usize>,
    latencies: Vec<f64>,
}

impl Kind {
    fn merge(&mut self, other: Kind) {
        self.attempted += other.attempted;
        self.ok += other.ok;
        for (reason, n) in other.failures {
            *self.failures.entry(reason).or_default() += n;
        }
        self.latencies.extend(other.latencies);
    }

    fn record(&mut self, sent: Instant, outcome: Result<(), String>) {
        self.attempted += 1;
        self.latencies.push(sent.elapsed().as_secs_f64() * 1000.0);
        match outcome {
            Ok(()) => self.ok += 1,
            Err(reason) => *self.failures.entry(reason).or_default() += 1,
        }
    }

    /// One report line, and the failures under it; whether its p99 is under `target_ms` without failures.
    fn report(&mut self, name: &str, target_ms: Option<f64>) -> bool {
        self.latencies.sort_by(f64::total_cmp);
        let failed: usize = self.failures.values().sum();
        let p99 = percentile(&self.latencies, 99.0);
        println!(
            "{name}: attempted {}, ok {}, failed {failed}; p50 {:.1} ms, p99 {p99:.1} ms, max {:.1} ms{}",
            self.attempted,
            self.ok,
            percentile(&self.latencies, 50.0),
            percentile(&self.latencies, 100.0),
            target_ms.map_or(String::new(), |t| format!(" (target p99 < {t:.0} ms)")),
        );
        for (reason, count) in &self.failures {
            println!("  {count:>5}× {reason}");
        }
        failed == 0 && target_ms.is_none_or(|t| p99 < t)
    }
}

/// Opens `paths` in turn, one every `interval` from `offset`, until `duration`:
/// a juror (with cookies) or a member of the public (without).
async fn browse(
    http: reqwest::Client,
    base_url: String,
    cookies: Option<String>,
    paths: &'static [&'static str],
    (start, offset, interval, duration): (Instant, Duration, Duration, Duration),
) -> Kind {
    let mut kind = Kind::default();
    let mut k = 0u32;
    while offset + interval * k < duration {
        tokio::time::sleep_until((start + offset + interval * k).into()).await;
        let path = paths[k as usize % paths.len()];
        let mut request = http.get(format!("{base_url}{path}")).header("accept", "text/html");
        if let Some(cookies) = &cookies {
            request = request.header("cookie", cookies);
        }
        let sent = Instant::now();
        let outcome = match request.send().await {
            Ok(res) if res.status().as_u16() == 200 => res.bytes().await.map(|_| ()).map_err(|e| transport_reason(&e)),
            Ok(res) => Err(format!("GET {path}: HTTP {}", res.status().as_u16())),
            Err(e) => Err(transport_reason(&e)),
        };
        kind.record(sent, outcome);
        k += 1;
    }
    kind
}

const PASSWORD: &str = "sista dagen före deadline i Åre";
/// What a juror opens during the rush (the review begins after the deadline).
const JUROR_PAGES: &[&str] = &["/jury", "/utmarkelser/ehalsokommun", "/utmarkelser/ehalsokommun/vinnare"];
const PUBLIC_PAGES: &[&str] =
    &["/utmarkelser/ehalsokommun", "/utmarkelser/ehalsokommun/vinnare", "/utmarkelser/ehalsokommun/ansok"];
const SECTIONS: [&str; 4] = ["ledning", "infrastruktur", "kompetens", "anvandning"];
/// Every section is kept below this many characters (the default limit is 6 000)...
const MAX_CHARS: usize = 5_900;
/// ...by dropping its first sentences once it passes it, down to this.
const TRIMMED_CHARS: usize = 3_000;

/// Sentences the simulated writers add, with the letters Swedish text has.
const SENTENCES: [&str; 24] = [
    "Kommunens ledning har fastställt en handlingsplan för välfärdsteknik som följs upp varje kvartal.",
    "Socialnämnden får en lägesrapport om införandet av digitala tjänster i hemtjänsten två gånger per år.",
    "Vi har inrättat en förvaltningsövergripande styrgrupp där äldreomsorgen och IT-enheten möts varje månad.",
    "Samtliga särskilda boenden är anslutna till ett gemensamt trådlöst nätverk med reservkraft.",
    "Läkemedelsautomater används i 140 hem och har minskat antalet missade doser med nästan hälften.",
    "Digital nattillsyn med kamera erbjuds alla brukare som önskar det, efter en individuell prövning.",
    "Medarbetarna i hemsjukvården dokumenterar direkt i mobila enheter i stället för på kontoret efteråt.",
    "Under året genomförde vi en utbildningsinsats om informationssäkerhet för 412 medarbetare.",
    "Varje arbetsplats har ett digitalt ombud som stöttar kollegor och för fram förbättringsförslag.",
    "Vi samverkar med regionen om en gemensam plattform för distansmöten mellan vårdnadshavare och skola.",
    "Invånarna kan boka, omboka och avboka tider hos biståndshandläggare via e-tjänsten dygnet runt.",
    "Andelen ärenden som inleds digitalt har ökat från 18 till 57 procent på två år.",
    "Äldre som får trygghetslarm erbjuds ett hembesök där tekniken förklaras på deras eget språk.",
    "Ett brukarråd med pensionärsorganisationerna granskar nya tjänster innan de införs i större skala.",
    "Vi mäter nöjdheten med e-tjänsterna löpande och åtgärdar det som får lägst betyg först.",
    "Kommunen deltar i ett länsgemensamt nätverk för kompetensutveckling inom digital välfärd.",
    "Undersköterskor kan gå en valideringsutbildning i välfärdsteknik på arbetstid med full lön.",
    "Förvaltningen har tagit fram rutiner för hur ny teknik prövas, utvärderas och avvecklas.",
    "Sensorer i badrummen på två boenden larmar när någon blivit liggande på golvet efter ett fall.",
    "Genom digitala inköp av dagligvaror frigörs tid som personalen i stället ägnar åt samtal och promenader.",
    "Skolorna använder samma inloggning som omsorgen, vilket förenklar för personal som arbetar i båda.",
    "Kostnaderna för införandet redovisas öppet i årsredovisningen och jämförs med uppnådd nytta.",
    "Ett projekt om självrapportering av blodtryck i hemmet har fått fortsatt finansiering till 2028.",
    "Vi delar våra erfarenheter med grannkommunerna på ett årligt seminarium i Östersund.",
];

/// One section as a client writes it: its text as sentences, and the version its next save is based on.
struct Section {
    slug: &'static str,
    version: i64,
    sentences: VecDeque<String>,
}

impl Section {
    fn text(&self) -> String {
        let mut text = String::new();
        for (i, sentence) in self.sentences.iter().enumerate() {
            if i > 0 {
                text.push_str(if i % 4 == 0 { "\n\n" } else { " " });
            }
            text.push_str(sentence);
        }
        text
    }

    fn chars(&self) -> usize {
        self.text().chars().count()
    }

    /// Appends a sentence, and keeps the text within the section's limit.
    fn write(&mut self, n: usize, who: &str) {
        self.sentences.push_back(format!("{} ({who}, ändring {n}.)", SENTENCES[n % SENTENCES.len()]));
        if self.chars() > MAX_CHARS {
            while self.chars() > TRIMMED_CHARS {
                self.sentences.pop_front();
            }
        }
    }
}

/// One simulated applicant: a browser of their own, with its cookies.
struct Client {
    http: reqwest::Client,
    base_url: String,
    email: String,
    csrf: String,
    session: String,
    application: String,
    sections: Vec<Section>,
    next_section: usize,
    edits: usize,
    /// When, into the load, this client submits its kommun's application and stops
    /// writing; or, for a colleague, stops writing because the kommun is about to submit.
    stops_at: Option<(Duration, bool)>,
}

#[derive(Default)]
struct Tally {
    attempted: usize,
    ok: usize,
    /// Ok, but the portal found nothing changed (should not happen: every save changes the text).
    saved_nothing: usize,
    failures: BTreeMap<String, usize>,
    /// (seconds into the load when sent, milliseconds from send to full reply), answered saves only.
    latencies: Vec<(f64, f64)>,
    submits: Kind,
    slower_than_interval: usize,
    /// Scheduled saves that came due while the previous one was still in flight,
    /// folded into the next one as the browser's autosave does.
    merged_ticks: usize,
    late_starts: usize,
    max_lag_ms: f64,
    body_bytes: usize,
    first_failure_at: Option<f64>,
}

impl Tally {
    fn merge(&mut self, other: Tally) {
        self.attempted += other.attempted;
        self.ok += other.ok;
        self.saved_nothing += other.saved_nothing;
        for (reason, n) in other.failures {
            *self.failures.entry(reason).or_default() += n;
        }
        self.latencies.extend(other.latencies);
        self.submits.merge(other.submits);
        self.slower_than_interval += other.slower_than_interval;
        self.merged_ticks += other.merged_ticks;
        self.late_starts += other.late_starts;
        self.max_lag_ms = self.max_lag_ms.max(other.max_lag_ms);
        self.body_bytes += other.body_bytes;
        self.first_failure_at = match (self.first_failure_at, other.first_failure_at) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
    }
}

/// What became of one save.
enum Saved {
    Changed,
    Nothing,
}

/// A save's failure: why, and whether an HTTP reply came at all (for the latency figures).
struct Failure {
    reason: String,
    answered: bool,
    /// The versions the client holds are stale: read them again before the next save.
    resync: bool,
}

impl Failure {
    fn answered(reason: String) -> Failure {
        Failure { reason, answered: true, resync: false }
    }
}

fn cookie_value(res: &reqwest::Response, name: &str) -> Option<String> {
    res.headers().get_all("set-cookie").iter().find_map(|v| {
        let text = v.to_str().ok()?;
        let pair = text.split(';').next()?;
        let (k, value) = pair.split_once('=')?;
        (k.trim() == name).then(|| value.to_owned())
    })
}

/// The value of the hidden input `name` in a page.
fn hidden(page: &str, name: &str) -> Option<String> {
    let marker = format!(r#"name="{name}" value=""#);
    let start = page.find(&marker)? + marker.len();
    Some(page[start..].chars().take_while(|c| *c != '"').collect())
}

/// A short reason for a failed request, without the URL.
fn transport_reason(err: &reqwest::Error) -> String {
    if err.is_timeout() {
        return "timeout (no reply in 30 s)".to_owned();
    }
    let mut source: Option<&dyn std::error::Error> = Some(err);
    let mut last = err.to_string();
    while let Some(e) = source {
        last = e.to_string();
        source = e.source();
    }
    format!("transport error: {last}")
}

fn snippet(body: &str) -> String {
    let flat: String = body.chars().map(|c| if c.is_whitespace() { ' ' } else { c }).take(120).collect();
    flat.trim().to_owned()
}

impl Client {
    fn cookies(&self) -> String {
        let mut cookie = format!("portal_csrf={}", self.csrf);
        if !self.session.is_empty() {
            cookie.push_str(&format!("; portal_session={}", self.session));
        }
        cookie
    }

    async fn page(&self, path: &str) -> Result<String, String> {
        let mut req = self.http.get(format!("{}{path}", self.base_url)).header("accept", "text/html");
        if !self.csrf.is_empty() {
            req = req.header("cookie", self.cookies());
        }
        let res = req.send().await.map_err(|e| transport_reason(&e))?;
        let status = res.status().as_u16();
        let body = res.text().await.map_err(|e| transport_reason(&e))?;
        if status != 200 {
            return Err(format!("GET {path}: HTTP {status}: {}", snippet(&body)));
        }
        Ok(body)
    }

    /// Opens the log-in page for the CSRF cookie, logs in, opens the application.
    async fn log_in(&mut self) -> Result<(), String> {
        let res = self
            .http
            .get(format!("{}/logga-in", self.base_url))
            .header("accept", "text/html")
            .send()
            .await
            .map_err(|e| transport_reason(&e))?;
        self.csrf = cookie_value(&res, "portal_csrf").ok_or("no portal_csrf cookie from /logga-in")?;
        let form =
            serde_urlencoded::to_string([("email", self.email.as_str()), ("password", PASSWORD), ("csrf", &self.csrf)])
                .expect("form");
        let res = self
            .http
            .post(format!("{}/api/log_in", self.base_url))
            .header("accept", "application/json")
            .header("origin", &self.base_url)
            .header("content-type", "application/x-www-form-urlencoded")
            .header("cookie", self.cookies())
            .body(form)
            .send()
            .await
            .map_err(|e| transport_reason(&e))?;
        let status = res.status().as_u16();
        let session = cookie_value(&res, "portal_session");
        let body = res.text().await.map_err(|e| transport_reason(&e))?;
        match session {
            Some(session) if status == 200 && !session.is_empty() => self.session = session,
            _ => return Err(format!("log-in of {}: HTTP {status}: {}", self.email, snippet(&body))),
        }
        // A juror has no application to open.
        if self.sections.is_empty() { Ok(()) } else { self.open().await }
    }

    /// Writes the summary and the contact person, which a submission needs beside the sections.
    async fn complete(&mut self) -> Result<(), String> {
        let page = self.page("/ansokan").await?;
        let email = self.email.clone();
        let texts = [
            (SUMMARY, "Kommunen gör det digitala till vardag i vård och omsorg."),
            (CONTACT_NAME, "Anna Andersson"),
            (CONTACT_TITLE, "Digitaliseringsstrateg"),
            (CONTACT_EMAIL, email.as_str()),
            (CONTACT_PHONE, "0480-450 00 00"),
        ];
        let mut form: Vec<(String, String)> =
            vec![("csrf".into(), self.csrf.clone()), ("application".into(), self.application.clone())];
        for (part, text) in texts {
            let name = format!("version[{part}]");
            let version = hidden(&page, &name).ok_or_else(|| format!("no {name} on /ansokan"))?;
            form.push((format!("text[{part}]"), text.to_owned()));
            form.push((name, version));
        }
        let res = self
            .http
            .post(format!("{}/api/save_application", self.base_url))
            .header("accept", "application/json")
            .header("origin", &self.base_url)
            .header("content-type", "application/x-www-form-urlencoded")
            .header("cookie", self.cookies())
            .body(serde_urlencoded::to_string(&form).expect("form"))
            .send()
            .await
            .map_err(|e| transport_reason(&e))?;
        let status = res.status().as_u16();
        let body = res.text().await.map_err(|e| transport_reason(&e))?;
        if status == 200 { Ok(()) } else { Err(format!("summary and contact: HTTP {status}: {}", snippet(&body))) }
    }

    /// Confirms the submission as the page "Skicka in ansökan" does.
    async fn submit(&mut self) -> Result<(), String> {
        let page = self.page("/ansokan/skicka-in").await?;
        let key = hidden(&page, "request_key").ok_or("no submit form on /ansokan/skicka-in (something missing?)")?;
        let form = serde_urlencoded::to_string([
            ("csrf", self.csrf.as_str()),
            ("application", &self.application),
            ("request_key", &key),
        ])
        .expect("form");
        let res = self
            .http
            .post(format!("{}/api/submit_application", self.base_url))
            .header("accept", "application/json")
            .header("origin", &self.base_url)
            .header("content-type", "application/x-www-form-urlencoded")
            .header("cookie", self.cookies())
            .body(form)
            .send()
            .await
            .map_err(|e| transport_reason(&e))?;
        let status = res.status().as_u16();
        let body = res.text().await.map_err(|e| transport_reason(&e))?;
        if status == 200 && body.contains("\"Done\"") {
            Ok(())
        } else {
            Err(format!("submit: HTTP {status}: {}", snippet(&body)))
        }
    }

    /// Reads the application's id and the versions of this client's sections from the editor.
    async fn open(&mut self) -> Result<(), String> {
        let page = self.page("/ansokan").await?;
        self.application = hidden(&page, "application").ok_or("no application form on /ansokan")?;
        for section in &mut self.sections {
            let name = format!("version[{}]", section.slug);
            let version = hidden(&page, &name).ok_or_else(|| format!("no {name} on /ansokan"))?;
            section.version = version.parse().map_err(|_| format!("{name} is {version:?}"))?;
        }
        Ok(())
    }

    /// Posts the given sections as the browser's autosave does; answers the body size too.
    async fn save(&mut self, which: &[usize], tally: &mut Tally) -> Result<Saved, Failure> {
        let mut form: Vec<(String, String)> =
            vec![("csrf".into(), self.csrf.clone()), ("application".into(), self.application.clone())];
        for &i in which {
            let section = &self.sections[i];
            form.push((format!("text[{}]", section.slug), section.text()));
            form.push((format!("version[{}]", section.slug), section.version.to_string()));
        }
        let body = serde_urlencoded::to_string(&form).expect("form");
        tally.body_bytes += body.len();
        let res = self
            .http
            .post(format!("{}/api/save_application", self.base_url))
            .header("accept", "application/json")
            .header("origin", &self.base_url)
            .header("content-type", "application/x-www-form-urlencoded")
            .header("cookie", self.cookies())
            .body(body)
            .send()
            .await
            .map_err(|e| Failure { reason: transport_reason(&e), answered: false, resync: false })?;
        let status = res.status().as_u16();
        let text =
            res.text().await.map_err(|e| Failure { reason: transport_reason(&e), answered: false, resync: false })?;
        if status != 200 {
            return Err(Failure::answered(format!("HTTP {status}: {}", snippet(&text))));
        }
        let reply: SaveReply = serde_json::from_str(&text)
            .map_err(|e| Failure::answered(format!("reply is not a SaveReply ({e}): {}", snippet(&text))))?;
        for (part, version) in &reply.saved {
            if let Some(section) = self.sections.iter_mut().find(|s| s.slug == part) {
                section.version = *version;
            }
        }
        if let Some(refusal) = reply.refused {
            return Err(Failure::answered(format!("refused: {refusal:?}")));
        }
        if !reply.conflicts.is_empty() {
            // Not counted as saved; the next save starts from the version now current.
            let reason = format!("conflict in {}", reply.conflicts.join(", "));
            return Err(Failure { reason, answered: true, resync: true });
        }
        Ok(if reply.saved.is_empty() { Saved::Nothing } else { Saved::Changed })
    }

    /// The client's schedule: a save at `offset`, then every `interval`, until `duration`.
    async fn run(mut self, start: Instant, offset: Duration, interval: Duration, duration: Duration) -> Tally {
        let mut tally = Tally::default();
        let due = |k: u32| offset + interval * k;
        let mut k = 0u32;
        let writing_until = self.stops_at.map_or(duration, |(at, _)| at.min(duration));
        while due(k) < writing_until {
            let due_at = start + due(k);
            let now = Instant::now();
            if now < due_at {
                tokio::time::sleep_until(due_at.into()).await;
            } else if k > 0 {
                tally.late_starts += 1;
                tally.max_lag_ms = tally.max_lag_ms.max((now - due_at).as_secs_f64() * 1000.0);
            }
            let section = self.next_section % self.sections.len();
            self.next_section += 1;
            self.edits += 1;
            let who = self.email.split('@').next().unwrap_or_default().to_owned();
            self.sections[section].write(self.edits, &who);

            let sent = Instant::now();
            let at = (sent - start).as_secs_f64();
            tally.attempted += 1;
            let outcome = self.save(&[section], &mut tally).await;
            let latency = sent.elapsed();
            let answered = match outcome {
                Ok(Saved::Changed) => {
                    tally.ok += 1;
                    true
                }
                Ok(Saved::Nothing) => {
                    tally.ok += 1;
                    tally.saved_nothing += 1;
                    true
                }
                Err(failure) => {
                    *tally.failures.entry(failure.reason).or_default() += 1;
                    tally.first_failure_at.get_or_insert(at);
                    if failure.resync {
                        let _ = self.open().await;
                    }
                    failure.answered
                }
            };
            if answered {
                tally.latencies.push((at, latency.as_secs_f64() * 1000.0));
            }
            if latency > interval {
                tally.slower_than_interval += 1;
            }
            // Saves that came due meanwhile are one save now, not a queue of them.
            k += 1;
            let now = Instant::now();
            while start + due(k + 1) <= now && due(k + 1) < writing_until {
                tally.merged_ticks += 1;
                k += 1;
            }
        }
        if let Some((at, true)) = self.stops_at {
            tokio::time::sleep_until((start + at).into()).await;
            let sent = Instant::now();
            let outcome = self.submit().await;
            tally.submits.record(sent, outcome);
        }
        tally
    }
}

/// VmRSS and VmHWM of a process, in kB, and its number of threads.
fn memory(pid: u32) -> Option<(u64, u64, u64)> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let field =
        |name: &str| status.lines().find(|l| l.starts_with(name))?.split_whitespace().nth(1)?.parse::<u64>().ok();
    Some((field("VmRSS:")?, field("VmHWM:")?, field("Threads:")?))
}

/// User plus system CPU seconds of a process (USER_HZ is 100 on Linux).
fn cpu_seconds(pid: &str) -> Option<f64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    let ticks: u64 = fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?;
    Some(ticks as f64 / 100.0)
}

fn mib(kb: u64) -> String {
    format!("{:.1} MiB", kb as f64 / 1024.0)
}

/// Nearest-rank percentile of sorted values.
fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

/// Creates the applicant accounts (kept if they exist) and answers (email, kommun) per client.
async fn create_applicants(db: &Db, clients: usize) -> Result<(Vec<(String, String)>, usize), String> {
    let rows = sqlx::query("SELECT kod FROM kommuner ORDER BY kod")
        .fetch_all(db.pool())
        .await
        .map_err(|e| format!("reading kommuner (has the portal migrated the database?): {e}"))?;
    let kommuner: Vec<String> = rows.iter().map(|r| r.get::<String, _>("kod")).collect();
    if kommuner.is_empty() {
        return Err("no kommuner in the database".into());
    }
    let mut accounts = Vec::with_capacity(clients);
    for i in 0..clients {
        let kod = &kommuner[i % kommuner.len()];
        let email = format!("sokande{:03}.{kod}@autosave.example.se", i + 1);
        let kommun = Kommunkod::parse(kod).map_err(|_| format!("kommun code {kod:?}"))?;
        add_account(db, &email, &format!("Sökande {} i {kod}", i + 1), Role::Applicant, Some(&kommun)).await?;
        accounts.push((email, kod.clone()));
    }
    Ok((accounts, kommuner.len()))
}

/// A confirmed account with `PASSWORD`, kept if it exists from an earlier run.
async fn add_account(db: &Db, email: &str, name: &str, role: Role, kommun: Option<&Kommunkod>) -> Result<(), String> {
    static HASH: tokio::sync::OnceCell<String> = tokio::sync::OnceCell::const_new();
    let hash = HASH
        .get_or_try_init(|| async {
            PasswordHasher::default().hash(PASSWORD).await.map_err(|e| format!("hashing: {e}"))
        })
        .await?;
    let now = chrono::Utc::now();
    let mut conn = db.pool().acquire().await.map_err(|e| e.to_string())?;
    let new = users::NewUser {
        email: &Email::parse(email).expect("email"),
        name: &PersonName::parse(name).expect("name"),
        phone: None,
        role,
        kommun,
        password_hash: hash,
        email_confirmed_at: Some(now),
    };
    match users::insert(&mut conn, &new, now).await {
        Ok(_) | Err(InsertUserError::EmailTaken) => Ok(()),
        Err(err) => Err(format!("creating {email}: {err}")),
    }
}

/// The sections a client writes: all four, or half of them when a colleague
/// of the same kommun writes the other half (so neither meets the other's versions).
fn sections_of(i: usize, clients: usize, kommuner: usize) -> Vec<usize> {
    let colleagues = (clients - i % kommuner).div_ceil(kommuner);
    let me = i / kommuner;
    (0..SECTIONS.len()).filter(|s| s % colleagues == me).collect()
}

#[tokio::main]
async fn main() {
    let args = Args::parse();
    let base_url = args.base_url.trim_end_matches('/').to_owned();
    let interval = Duration::from_secs(args.interval);
    let duration = Duration::from_secs(args.duration);
    let rss_idle = args.pid.and_then(memory);
    let server_pid = args.pid.map(|p| p.to_string());

    let db = Db::connect(&args.database_url).await.expect("connect to the portal's database");
    let setup = Instant::now();
    let (accounts, kommuner) = create_applicants(&db, args.clients).await.unwrap_or_else(|e| {
        eprintln!("autosave_load: {e}");
        std::process::exit(1);
    });
    let mut juror_emails = Vec::new();
    for j in 0..args.jurors {
        let email = format!("jury{:02}@autosave.example.se", j + 1);
        if let Err(e) = add_account(&db, &email, &format!("Jurymedlem {}", j + 1), Role::Juror, None).await {
            eprintln!("autosave_load: {e}");
            std::process::exit(1);
        }
        juror_emails.push(email);
    }
    db.close().await;
    if args.clients > kommuner * SECTIONS.len() {
        eprintln!("autosave_load: at most {} clients: four colleagues per kommun, one section each", kommuner * 4);
        std::process::exit(2);
    }
    let second = args.clients.saturating_sub(kommuner);
    eprintln!("autosave_load: {} accounts ready in {:.1} s", accounts.len(), setup.elapsed().as_secs_f64());

    // Log in and open the application, a few clients at a time; then save a first text.
    let setup = Instant::now();
    let gate = Arc::new(Semaphore::new(32));
    let mut tasks = Vec::new();
    // In the last minute each kommun submits (its first applicant, at a time of
    // its own); its colleagues stop writing when the minute begins.
    let submit_window = Duration::from_secs(args.submit_window).min(duration);
    let submitters = args.clients.min(kommuner) as u32;
    let stops_at = |i: usize| {
        (!submit_window.is_zero()).then(|| {
            let begins = duration - submit_window;
            if i < kommuner { (begins + submit_window * i as u32 / submitters, true) } else { (begins, false) }
        })
    };
    for (i, (email, _kod)) in accounts.into_iter().enumerate() {
        let gate = gate.clone();
        let base_url = base_url.clone();
        let sections = sections_of(i, args.clients, kommuner);
        let stops_at = stops_at(i);
        tasks.push(tokio::spawn(async move {
            let _permit = gate.acquire().await.expect("gate");
            let http = reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .timeout(Duration::from_secs(30))
                .build()
                .expect("client");
            // 3 000–5 500 characters per section to begin with, different per client.
            let target = 3_000 + (i * 7_919) % 2_500;
            let sections = sections
                .iter()
                .map(|&s| {
                    let mut section = Section { slug: SECTIONS[s], version: 0, sentences: VecDeque::new() };
                    let mut n = i + s * 5;
                    while section.chars() < target {
                        section.sentences.push_back(SENTENCES[n % SENTENCES.len()].to_owned());
                        n += 1;
                    }
                    section
                })
                .collect();
            let mut client = Client {
                http,
                base_url,
                email,
                csrf: String::new(),
                session: String::new(),
                application: String::new(),
                sections,
                next_section: i,
                edits: 0,
                stops_at,
            };
            let started = Instant::now();
            client.log_in().await?;
            Ok::<_, String>((client, started.elapsed().as_secs_f64() * 1000.0))
        }));
    }
    let mut logged_in = Vec::new();
    let mut login_ms = Vec::new();
    let mut setup_errors = BTreeMap::<String, usize>::new();
    for task in tasks {
        match task.await.expect("log-in task") {
            Ok((client, ms)) => {
                logged_in.push(client);
                login_ms.push(ms);
            }
            Err(e) => *setup_errors.entry(e).or_default() += 1,
        }
    }
    let login_secs = setup.elapsed().as_secs_f64();
    login_ms.sort_by(f64::total_cmp);
    let rss_logged_in = args.pid.and_then(memory);

    let setup = Instant::now();
    let tasks: Vec<_> = logged_in
        .into_iter()
        .map(|mut client| {
            let gate = gate.clone();
            tokio::spawn(async move {
                let _permit = gate.acquire().await.expect("gate");
                let all: Vec<usize> = (0..client.sections.len()).collect();
                let mut scratch = Tally::default();
                if let Err(f) = client.save(&all, &mut scratch).await {
                    return Err(format!("first save: {}", f.reason));
                }
                if matches!(client.stops_at, Some((_, true))) {
                    client.complete().await?;
                }
                Ok(client)
            })
        })
        .collect();
    let mut clients = Vec::new();
    for task in tasks {
        match task.await.expect("first save task") {
            Ok(client) => clients.push(client),
            Err(e) => *setup_errors.entry(e).or_default() += 1,
        }
    }
    let first_saves_secs = setup.elapsed().as_secs_f64();
    if clients.is_empty() {
        eprintln!("autosave_load: no client could log in and save: {setup_errors:?}");
        std::process::exit(1);
    }
    let rss_before = args.pid.and_then(memory);
    let section_chars: Vec<usize> = clients.iter().flat_map(|c| c.sections.iter().map(Section::chars)).collect();

    // The jurors log in too, as themselves.
    let mut juror_cookies = Vec::new();
    for email in juror_emails {
        let http = reqwest::Client::builder().timeout(Duration::from_secs(30)).build().expect("client");
        let mut juror = Client {
            http,
            base_url: base_url.clone(),
            email,
            csrf: String::new(),
            session: String::new(),
            application: String::new(),
            sections: Vec::new(),
            next_section: 0,
            edits: 0,
            stops_at: None,
        };
        match juror.log_in().await {
            Ok(()) => juror_cookies.push(juror.cookies()),
            Err(e) => *setup_errors.entry(e).or_default() += 1,
        }
    }
    let browser = reqwest::Client::builder().timeout(Duration::from_secs(30)).build().expect("client");

    // The load.
    let n = clients.len();
    let cpu_before = (server_pid.as_deref().and_then(cpu_seconds), cpu_seconds("self"));
    let start = Instant::now() + Duration::from_millis(200);
    let tasks: Vec<_> = clients
        .into_iter()
        .enumerate()
        .map(|(i, client)| {
            let offset = interval * i as u32 / n as u32;
            tokio::spawn(client.run(start, offset, interval, duration))
        })
        .collect();
    let juror_count = juror_cookies.len().max(1) as u32;
    let juror_tasks: Vec<_> = juror_cookies
        .into_iter()
        .enumerate()
        .map(|(j, cookies)| {
            let every = Duration::from_secs(5);
            let timing = (start, every * j as u32 / juror_count, every, duration);
            tokio::spawn(browse(browser.clone(), base_url.clone(), Some(cookies), JUROR_PAGES, timing))
        })
        .collect();
    let public = |url: &str, paths: &'static [&'static str], start: Instant, duration: Duration| -> Vec<_> {
        (0..args.visitors)
            .map(|v| {
                let every = Duration::from_secs(1);
                let timing = (start, every * v as u32 / args.visitors.max(1) as u32, every, duration);
                tokio::spawn(browse(browser.clone(), url.to_owned(), None, paths, timing))
            })
            .collect()
    };
    let visitor_tasks = public(&base_url, PUBLIC_PAGES, start, duration);
    let mut tally = Tally::default();
    for task in tasks {
        tally.merge(task.await.expect("client task"));
    }
    let (mut jury, mut public_pages) = (Kind::default(), Kind::default());
    for task in juror_tasks {
        jury.merge(task.await.expect("juror task"));
    }
    for task in visitor_tasks {
        public_pages.merge(task.await.expect("visitor task"));
    }
    let elapsed = start.elapsed().as_secs_f64();
    let cpu_after = (server_pid.as_deref().and_then(cpu_seconds), cpu_seconds("self"));
    let rss_after = args.pid.and_then(memory);

    // The report.
    let failed: usize = tally.failures.values().sum();
    println!(
        "clients: {n} applicants logged in, one per kommun for {} kommuner{}",
        n.min(kommuner),
        if second > 0 {
            format!("; {second} kommuner have a second colleague (the two write different sections)")
        } else {
            String::new()
        }
    );
    println!(
        "setup: {} log-ins in {login_secs:.1} s (32 at a time; log-in p50 {:.0} ms, max {:.0} ms); \
         first saves of every client's sections ({}–{} characters each) in {first_saves_secs:.1} s",
        login_ms.len(),
        percentile(&login_ms, 50.0),
        percentile(&login_ms, 100.0),
        section_chars.iter().min().unwrap_or(&0),
        section_chars.iter().max().unwrap_or(&0),
    );
    for (reason, count) in &setup_errors {
        println!("  setup failed {count}×: {reason}");
    }
    println!(
        "load: {} s, each client saves one of its sections every {} s, offsets spread over the first {} s \
         (offered {:.1} saves/s)",
        args.duration,
        args.interval,
        args.interval,
        n as f64 / args.interval as f64
    );
    println!(
        "saves: attempted {}, ok {}, failed {}{}",
        tally.attempted,
        tally.ok,
        failed,
        if tally.saved_nothing > 0 {
            format!(" ({} ok but nothing saved)", tally.saved_nothing)
        } else {
            String::new()
        }
    );
    for (reason, count) in &tally.failures {
        println!("  {count:>5}× {reason}");
    }
    if let Some(at) = tally.first_failure_at {
        println!("  first failure {at:.1} s into the load");
    }
    println!(
        "schedule: {} saves slower than {} s, {} due saves merged into the next one (previous still in flight), \
         {} started late (max lag {:.0} ms)",
        tally.slower_than_interval, args.interval, tally.merged_ticks, tally.late_starts, tally.max_lag_ms
    );
    println!("throughput: {:.1} ok saves/s ({} in {elapsed:.1} s)", tally.ok as f64 / elapsed, tally.ok);
    let mut all: Vec<f64> = tally.latencies.iter().map(|(_, ms)| *ms).collect();
    all.sort_by(f64::total_cmp);
    println!(
        "latency, send to full reply, {} answered saves: p50 {:.1} ms, p90 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
        all.len(),
        percentile(&all, 50.0),
        percentile(&all, 90.0),
        percentile(&all, 99.0),
        percentile(&all, 100.0)
    );
    let window = 10.0;
    let windows = (elapsed / window).ceil() as usize;
    let per_window: Vec<String> = (0..windows)
        .map(|w| {
            let mut in_window: Vec<f64> =
                tally.latencies.iter().filter(|(at, _)| (*at / window) as usize == w).map(|(_, ms)| *ms).collect();
            in_window.sort_by(f64::total_cmp);
            if in_window.is_empty() { "-".to_owned() } else { format!("{:.0}", percentile(&in_window, 99.0)) }
        })
        .collect();
    println!("p99 per {window:.0} s of the load, ms: {}", per_window.join(" "));
    if tally.attempted > 0 {
        println!(
            "request body: {:.0} bytes on average, form-encoded",
            tally.body_bytes as f64 / tally.attempted as f64
        );
    }
    if let (Some(a), Some(b)) = (cpu_before.0, cpu_after.0) {
        println!("portal CPU during the load: {:.1} s ({:.0} % of one core)", b - a, (b - a) / elapsed * 100.0);
    }
    if let (Some(a), Some(b)) = (cpu_before.1, cpu_after.1) {
        println!("load generator CPU during the load: {:.1} s (same machine)", b - a);
    }
    let show = |m: Option<(u64, u64, u64)>| m.map_or("?".to_owned(), |(rss, _, _)| mib(rss));
    println!(
        "portal RSS: idle {}, after the log-ins {}, after the first saves {}, after the load {} \
         (peak VmHWM {}; threads idle {}, after the load {})",
        show(rss_idle),
        show(rss_logged_in),
        show(rss_before),
        show(rss_after),
        rss_after.map_or("?".to_owned(), |(_, hwm, _)| mib(hwm)),
        rss_idle.map_or("?".to_owned(), |(_, _, t)| t.to_string()),
        rss_after.map_or("?".to_owned(), |(_, _, t)| t.to_string()),
    );
    let p99 = percentile(&all, 99.0);
    let saves_met = failed == 0 && setup_errors.is_empty() && p99 < 50.0;
    println!(
        "autosave target p99 < 50 ms and no failed save: {}",
        if saves_met { "met".to_owned() } else { format!("NOT met (p99 {p99:.1} ms, {failed} failed)") }
    );
    let submits_met =
        tally.submits.report(&format!("submissions in the last {} s, one per kommun", submit_window.as_secs()), None);
    let jury_met = jury
        .report(&format!("jury pages ({}, {} jurors, one every 5 s each)", JUROR_PAGES.join(" "), args.jurors), None);
    let public_met = public_pages.report(
        &format!("public pages ({}, {} visitors, one a second each)", PUBLIC_PAGES.join(" "), args.visitors),
        Some(20.0),
    );
    if let Some(ceiling) = &args.ceiling_url {
        // The same pattern against a handler that only answers a fixed string: what loopback,
        // the HTTP stack and this generator cost by themselves, on this machine, now.
        let seconds = Duration::from_secs(10);
        let mut bare = Kind::default();
        // It answers "/" only.
        for task in public(ceiling.trim_end_matches('/'), &["/"], Instant::now() + Duration::from_millis(100), seconds)
        {
            bare.merge(task.await.expect("ceiling task"));
        }
        bare.report(&format!("ceiling: bare axum handler, same visitors for {} s", seconds.as_secs()), None);
    }
    let all_met = saves_met && submits_met && jury_met && public_met;
    println!(
        "all targets (zero errors; autosave p99 < 50 ms; public p99 < 20 ms): {}",
        if all_met { "met" } else { "NOT met" }
    );
}
