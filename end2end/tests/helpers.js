const base = require('@playwright/test');
const { expect } = base;
const AxeBuilder = require('@axe-core/playwright').default;
const { readFileSync } = require('node:fs');

/** Fails the test on any console error or CSP violation the page reports. */
function watchConsole(page) {
  const problems = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(msg.text());
  });
  page.on('pageerror', (err) => problems.push(err.message));
  return problems;
}


// ---------------------------------------------------------------------------
// Accessibility: three engines on every page state a test checks.
//
// - axe-core, WCAG 2.1 A and AA and best practice, on the page as it stands;
// - HTML_CodeSniffer, WCAG2AA, the engine pa11y runs (pa11y itself needs
//   puppeteer and a browser of its own): its errors (type 1), not its warnings
//   and notices, which ask for a person's judgement;
// - the W3C Nu HTML checker on the HTML the portal sent for the page (not the
//   DOM): what a browser without JavaScript, or before hydration, gets.
//
// What the framework itself writes, and an engine's own known mistakes, are set
// aside by rule in NOISE below, never by page or address: anything else fails.

/** The HTML document each page last received: page -> { url, body: Promise<Buffer | null> }. */
const documents = new WeakMap();

/** Keeps the body of every document the pages of `context` load (the portal sends them `no-store`, so it is now or never). */
function watchDocuments(context) {
  const watch = (page) =>
    page.on('response', (response) => {
      const request = response.request();
      if (!request.isNavigationRequest() || request.frame() !== page.mainFrame()) return;
      if (response.status() >= 300 && response.status() < 400) return;
      documents.set(page, { url: response.url(), body: response.body().catch(() => null) });
    });
  context.pages().forEach(watch);
  context.on('page', watch);
}

/**
 * `test` of @playwright/test, with every browser context of the worker (the
 * `page` fixture's and those a test opens itself) keeping its documents'
 * HTML for the Nu checker. The specs take `test` from here.
 */
const test = base.test.extend({
  documentsKept: [
    async ({ browser }, use) => {
      const newContext = browser.newContext;
      browser.newContext = async function keepingDocuments(...args) {
        const context = await newContext.apply(this, args);
        watchDocuments(context);
        return context;
      };
      await use(documents);
      browser.newContext = newContext;
    },
    { scope: 'worker', auto: true },
  ],
});

/**
 * Framework noise and engine mistakes, by rule: each entry names the engine,
 * matches one kind of message exactly, and says why it is no problem for
 * anyone using the portal. Nothing here names a page.
 */
const NOISE = [
  {
    engine: 'HTML_CodeSniffer',
    rule: 'htmlcs-H98-username-on-email',
    // Not the framework's but the engine's own mistake: HTML_CodeSniffer's autocomplete table predates whatwg/html#5881 (2020),
    // which allowed autocomplete="username" on <input type=email>; axe and the
    // Nu checker follow the current spec and accept it. Password managers need
    // "username" on the log-in address to pair it with the password.
    matches: (m) =>
      /\.H98$/.test(m.rule) &&
      m.message.startsWith('Invalid autocomplete value: username.') &&
      /^<input\b[^>]*\btype="email"/.test(m.where.context) &&
      /\bautocomplete="username"/.test(m.where.context),
  },
  {
    engine: 'HTML_CodeSniffer',
    rule: 'htmlcs-H32.2-form-without-controls',
    // Not the framework's: HTML_CodeSniffer's H32.2 ("this form does not
    // contain a submit button") asks it of every <form>, even one with nothing
    // in it to fill in or press. A <PortalForm> stays on the page when nothing
    // is left to do (the round's step form after the last step, empty but for
    // the CSRF field) so that a refused post from a page that was behind is
    // still said there. With no control there is nothing to submit and no
    // change of context on input (WCAG 3.2.2), and an unnamed form is no
    // landmark. A form with any control a person can use still needs its button.
    matches: (m) => /\.H32\.2$/.test(m.rule) && m.controls === 0,
  },
];
// Not a rule of NOISE but the same kind of thing: Leptos streams the data its
// resources resolved to as <script> elements after </html>. Browsers put content
// after </html> at the end of <body>, and so does checkedHtml() before the Nu
// checker reads it: the checker would otherwise stop at that first "stray start
// tag" ("Cannot recover after last error") and read nothing after it.

async function runAxe(page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  return results.violations.flatMap((v) =>
    v.nodes.map((n) => ({
      engine: 'axe',
      rule: v.id,
      message: v.help,
      where: { selector: n.target.join(' '), context: n.html.slice(0, 200) },
    })),
  );
}

const HTMLCS_SOURCE = readFileSync(require.resolve('@pa11y/html_codesniffer/build/HTMLCS.js'), 'utf8');

async function runHtmlCodeSniffer(page) {
  // By the DevTools protocol, as axe is: the page's CSP (script nonces) stays on
  // and does not apply, and it works with JavaScript turned off.
  if (!(await page.evaluate(() => typeof window.HTMLCS === 'object'))) {
    await page.evaluate(`${HTMLCS_SOURCE}\n;undefined`);
  }
  const errors = await page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        // The element as pa11y names it: #id where there is one, else the path from the nearest one.
        const selector = (el) => {
          const parts = [];
          for (; el && el.nodeType === Node.ELEMENT_NODE; el = el.parentNode) {
            if (el.id) {
              parts.unshift(`#${CSS.escape(el.id)}`);
              break;
            }
            let part = el.localName;
            const siblings = el.parentNode ? [...el.parentNode.children] : [];
            if (siblings.filter((s) => s.localName === el.localName).length > 1) part += `:nth-child(${siblings.indexOf(el) + 1})`;
            parts.unshift(part);
          }
          return parts.join(' > ') || 'document';
        };
        const startTag = (el) => (el && el.outerHTML ? el.outerHTML.slice(0, el.outerHTML.indexOf('>') + 1).slice(0, 200) : '');
        // For a form: how many controls a person can use in it (for NOISE).
        const controls = (el) =>
          el instanceof HTMLFormElement
            ? [...el.elements].filter((c) => !['hidden', 'fieldset', 'output'].includes(c.type) && c.localName !== 'object').length
            : null;
        window.HTMLCS.process(
          'WCAG2AA',
          window.document,
          () =>
            resolve(
              window.HTMLCS.getMessages()
                .filter((m) => m.type === window.HTMLCS.ERROR)
                .map((m) => ({
                  rule: m.code,
                  message: m.msg,
                  where: { selector: selector(m.element), context: startTag(m.element) },
                  controls: controls(m.element),
                })),
            ),
          () => reject(new Error('HTML_CodeSniffer could not load the WCAG2AA standard')),
          'en',
        );
      }),
  );
  return errors.map((e) => ({ engine: 'HTML_CodeSniffer', ...e }));
}

/**
 * The HTML the portal sent for the page's current address: the document the
 * page loaded, kept as it came (a page after a plain form post shows the
 * problems the post left, once), or, when the page has since moved by the
 * router without loading a document, what the portal sends for the address now.
 */
async function sentHtml(page) {
  const withoutHash = (url) => url.replace(/#.*$/, '');
  const kept = documents.get(page);
  if (kept && withoutHash(kept.url) === withoutHash(page.url())) {
    const body = await kept.body;
    if (body) return { html: body.toString('utf8'), from: 'the document loaded' };
  }
  const response = await page.request.get(page.url(), { failOnStatusCode: false });
  return { html: (await response.body()).toString('utf8'), from: `GET ${withoutHash(page.url())}` };
}

/** The sent HTML with anything after </html> moved to the end of <body>, where browsers put it; and a map back. */
function checkedHtml(sent) {
  const end = /<\/html\s*>/i.exec(sent);
  const same = { html: sent, toSent: (offset) => ({ offset, streamed: false }) };
  if (!end) return same;
  const tailStart = end.index + end[0].length;
  if (!sent.slice(tailStart).trim()) return same;
  const bodyEnd = sent.toLowerCase().lastIndexOf('</body', end.index);
  const cut = bodyEnd < 0 ? end.index : bodyEnd;
  const [before, closing, tail] = [sent.slice(0, cut), sent.slice(cut, tailStart), sent.slice(tailStart)];
  return {
    html: before + tail + closing,
    toSent: (offset) => {
      if (offset < before.length) return { offset, streamed: false };
      if (offset < before.length + tail.length) return { offset: tailStart + offset - before.length, streamed: true };
      return { offset: cut + offset - before.length - tail.length, streamed: false };
    },
  };
}

function lineStarts(text) {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

async function runNuChecker(page) {
  const checker = process.env.NU_CHECKER_URL;
  if (!checker) throw new Error('NU_CHECKER_URL is not set: playwright.config.js starts the Nu HTML checker in its globalSetup');
  const { html: sent, from } = await sentHtml(page);
  const checked = checkedHtml(sent);
  const response = await fetch(`${checker}?out=json`, {
    method: 'POST',
    headers: { 'Content-Type': 'text/html; charset=utf-8' },
    body: Buffer.from(checked.html, 'utf8'),
    signal: AbortSignal.timeout(60_000),
  });
  if (!response.ok) throw new Error(`the Nu HTML checker answered ${response.status}: ${await response.text()}`);
  const { messages } = await response.json();
  const checkedLines = lineStarts(checked.html);
  const sentLines = lineStarts(sent);
  return messages
    .filter((m) => m.type === 'error' || m.type === 'non-document-error')
    .map((m) => {
      const line = m.firstLine ?? m.lastLine;
      const column = m.firstColumn ?? m.lastColumn;
      let at = '';
      if (line) {
        const { offset, streamed } = checked.toSent(checkedLines[line - 1] + column - 1);
        const sentLine = sentLines.findLastIndex((start) => start <= offset);
        at = `line ${sentLine + 1}, column ${offset - sentLines[sentLine] + 1}${streamed ? ' (streamed after </html>)' : ''}`;
      }
      return {
        engine: 'Nu',
        rule: m.subType ? `${m.type}/${m.subType}` : m.type,
        message: m.message,
        extract: m.extract || '',
        hiliteStart: m.hiliteStart ?? 0,
        where: { selector: at ? `${at} of ${from}` : from, context: (m.extract || '').replace(/\s+/g, ' ') },
      };
    });
}

/**
 * Runs axe, HTML_CodeSniffer and the Nu checker on the page as it stands.
 * Returns the problems, the messages set aside as noise (with their rule), and
 * how long each engine took (ms).
 */
async function checkAccessibility(page) {
  const timed = async (name, run, times) => {
    const start = Date.now();
    try {
      return await run();
    } finally {
      times[name] = Date.now() - start;
    }
  };
  const times = {};
  // The Nu checker reads the sent HTML, not the page: it runs beside the other two.
  const nu = timed('Nu', () => runNuChecker(page), times);
  nu.catch(() => {});
  const found = [
    ...(await timed('axe', () => runAxe(page), times)),
    ...(await timed('HTML_CodeSniffer', () => runHtmlCodeSniffer(page), times)),
    ...(await nu),
  ];
  const problems = [];
  const noise = [];
  for (const finding of found) {
    const rule = NOISE.find((n) => n.engine === finding.engine && n.matches(finding));
    const { engine, rule: code, message, where } = finding;
    (rule ? noise : problems).push({ engine, rule: code, message, where, ...(rule ? { noise: rule.rule } : {}) });
  }
  return { problems, noise, times };
}

function describeProblem(p) {
  const context = p.where.context ? `: ${p.where.context}` : '';
  return `[${p.engine}] ${p.rule}: ${p.message} (at ${p.where.selector}${context})`;
}

/**
 * WCAG 2.1 A and AA, as Swedish law requires for public-sector web, and valid
 * HTML: axe, HTML_CodeSniffer (WCAG2AA) and the Nu HTML checker find nothing on
 * the page as it stands but the framework noise in NOISE.
 */
async function expectAccessible(page) {
  const { problems } = await checkAccessibility(page);
  expect(problems.map(describeProblem), `axe, HTML_CodeSniffer and the Nu HTML checker on ${page.url()}`).toEqual([]);
}

module.exports = { test, expect, watchConsole, expectAccessible, checkAccessibility, NOISE };

// ---------------------------------------------------------------------------
// Forms: knowing when a form is ready. The pages are the server's HTML; only the
// forms inside an island (`<leptos-island>`: the application's, the review's) wait
// for the WASM bundle, which adds their submit listener when it hydrates them.

/**
 * Call before the first `page.goto`: notes every form that gets a submit
 * listener, so that an island's form can be waited for.
 */
async function trackFormHydration(page) {
  await page.addInitScript(() => {
    const hydrated = new Set();
    window.__e2eHydratedForms = hydrated;
    const add = EventTarget.prototype.addEventListener;
    EventTarget.prototype.addEventListener = function (type, ...rest) {
      if (type === 'submit' && this instanceof HTMLFormElement && this.id) hydrated.add(this.id);
      return add.call(this, type, ...rest);
    };
  });
}

/**
 * Resolves once the form with this id is ready: at once for a plain form, once
 * its JavaScript submit handler is there for a form inside an island (needs
 * `trackFormHydration`).
 */
async function waitForFormHydration(page, formId) {
  try {
    // Polled again in the new document if a navigation is still under way.
    await page.waitForFunction(
      (id) => {
        const form = document.getElementById(id);
        if (!form || document.readyState === 'loading') return false;
        return !form.closest('leptos-island') || window.__e2eHydratedForms?.has(id);
      },
      formId,
      { timeout: 10_000 },
    );
  } catch (err) {
    const tracked = await page.evaluate(() => window.__e2eHydratedForms !== undefined).catch(() => false);
    if (!tracked) throw new Error('call trackFormHydration(page) before the first page.goto');
    throw new Error(
      `form #${formId} on ${page.url()} was not ready: missing, or its island never hydrated (${err.message})`,
    );
  }
}

// ---------------------------------------------------------------------------
// Mail: the portal without SMTP writes every message as an .eml file to its
// outbox folder; scripts/test.sh passes that folder as OUTBOX_DIR.

const fs = require('node:fs');
const nodePath = require('node:path');

function outboxDir() {
  const dir = process.env.OUTBOX_DIR;
  if (!dir) {
    throw new Error(
      "OUTBOX_DIR is not set: it must name the portal's outbox folder (PORTAL_OUTBOX_DIR), where the mail tests read the e-mails",
    );
  }
  return dir;
}

function decodeQuotedPrintable(text) {
  const bytes = [];
  const soft = text.replace(/=\r?\n/g, '');
  for (let i = 0; i < soft.length; i++) {
    const hex = soft.slice(i + 1, i + 3);
    if (soft[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(soft[i], 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/** RFC 2047 encoded words (`=?utf-8?b?…?=`) in a header, decoded. */
function decodeEncodedWords(value) {
  return value.replace(/=\?([^?]+)\?([bBqQ])\?([^?]*)\?=/g, (_, _charset, kind, text) =>
    kind.toLowerCase() === 'b'
      ? Buffer.from(text, 'base64').toString('utf8')
      : decodeQuotedPrintable(text.replace(/_/g, ' ')),
  );
}

/** Header names (lower case) to unfolded values. */
function parseHeaders(block) {
  const headers = {};
  for (const line of block.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return headers;
}

/** The decoded text of every leaf part of a MIME message (text and HTML alike). */
function mimeTexts(raw) {
  const split = raw.search(/\r?\n\r?\n/);
  const headers = parseHeaders(split < 0 ? raw : raw.slice(0, split));
  const body = split < 0 ? '' : raw.slice(split).replace(/^\r?\n\r?\n/, '');
  const type = headers['content-type'] || 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(type);
  if (/^multipart\//i.test(type) && boundary) {
    const parts = body.split(`--${boundary[1]}`).slice(1);
    return parts.filter((p) => !p.startsWith('--')).flatMap((p) => mimeTexts(p.replace(/^\r?\n/, '')));
  }
  const encoding = (headers['content-transfer-encoding'] || '').toLowerCase();
  if (encoding === 'quoted-printable') return [decodeQuotedPrintable(body)];
  if (encoding === 'base64') return [Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')];
  return [body];
}

/** Every message in the outbox (`dir`, else OUTBOX_DIR): file, time written, recipients, decoded text. */
function readOutbox(dir = outboxDir()) {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.eml'))
    .map((name) => {
      const file = nodePath.join(dir, name);
      const raw = fs.readFileSync(file, 'utf8');
      const split = raw.search(/\r?\n\r?\n/);
      const headers = parseHeaders(split < 0 ? raw : raw.slice(0, split));
      const to = (headers.to || '').match(/[^\s<>",;:]+@[^\s<>",;]+/g) || [];
      return {
        file,
        written: fs.statSync(file).mtimeMs,
        to: to.map((a) => a.toLowerCase()),
        subject: decodeEncodedWords(headers.subject || ''),
        text: mimeTexts(raw).join('\n'),
      };
    });
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Waits (up to `timeout` ms) for the newest e-mail to `to` that holds a link to
 * `${base}/${kind}/<token>` (kind: 'bekrafta', 'aterstall', 'inbjudan') not
 * among `exclude`, and returns that link. `base` is the portal that wrote the
 * mail: BASE_URL unless named.
 */
async function waitForMailLink(to, kind, { exclude = [], timeout = 10_000, base: portal = process.env.BASE_URL } = {}) {
  const base = (portal || '').replace(/\/$/, '');
  const wanted = new RegExp(`${escapeRegExp(base)}/${kind}/[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])`, 'g');
  const anyLink = /[a-z]+:\/\/[^\s"<>]+\/(?:bekrafta|aterstall|inbjudan)\/[A-Za-z0-9_-]+/g;
  const deadline = Date.now() + timeout;
  let mine = [];
  for (;;) {
    mine = readOutbox()
      .filter((m) => m.to.includes(to.toLowerCase()))
      .sort((a, b) => b.written - a.written);
    for (const message of mine) {
      const link = (message.text.match(wanted) || []).find((l) => !exclude.includes(l));
      if (link) return link;
    }
    if (Date.now() > deadline) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const seen = mine.map((m) => `${nodePath.basename(m.file)} "${m.subject}" links: ${[...new Set(m.text.match(anyLink) || [])].join(' ') || 'none'}`);
  throw new Error(
    `no new e-mail to ${to} with a link ${base}/${kind}/… within ${timeout} ms in ${outboxDir()}; ` +
      `messages to that address: ${seen.length ? seen.join('; ') : 'none'}`,
  );
}

Object.assign(module.exports, { trackFormHydration, waitForFormHydration, waitForMailLink, readOutbox });

// ---------------------------------------------------------------------------
// Accounts, made and used through the pages as a person would.

const PASSWORD = 'tre gröna äpplen i Kalmar';

/**
 * An address no earlier run has used (the database outlives a test run), at the
 * kommun's own domain: a kommun's first applicant from any other acts for it only
 * once an organiser approves.
 */
function uniqueEmail(who, kommun = 'Kalmar') {
  const domain = kommun.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, '-');
  return `${who}.${Date.now()}.${Math.random().toString(36).slice(2, 8)}@${domain}.se`;
}

/** Fills in and sends "Skapa konto" (going to /registrera first unless already there). */
async function signUp(page, { name, email, kommun = 'Kalmar', password = PASSWORD }) {
  if (!/\/registrera$/.test(page.url())) await page.goto('/registrera');
  await page.getByLabel('Namn').fill(name);
  await page.getByLabel('E-postadress i tjänsten').fill(email);
  await page.getByLabel('Kommun').fill(kommun);
  await page.getByLabel('Lösenord').fill(password);
  await page.getByRole('button', { name: 'Skapa konto' }).click();
}

/** Opens the newest confirmation link mailed to `email` (not one of `exclude`) and presses its button. */
async function confirmByMail(page, email, exclude = []) {
  const link = await waitForMailLink(email, 'bekrafta', { exclude });
  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bekräfta e-postadressen');
  await page.getByRole('button', { name: 'Bekräfta e-postadressen' }).click();
  await expect(page).toHaveURL(/\/logga-in\?klart=bekraftad$/);
  await expect(page.getByRole('status')).toHaveText('Din e-postadress är bekräftad. Nu kan du logga in.');
  return link;
}

/** Fills in and sends "Logga in" (going to /logga-in first unless already there). */
async function logIn(page, { email, password }) {
  if (!/\/logga-in/.test(page.url())) await page.goto('/logga-in');
  await page.getByLabel('E-postadress').fill(email);
  await page.getByLabel('Lösenord').fill(password);
  await page.getByRole('button', { name: 'Logga in' }).click();
}

/** A confirmed applicant (in Kalmar unless named), made through the pages in a browser of its own. */
async function createConfirmedAccount(browser, who, kommun = 'Kalmar') {
  const account = { name: `${who} Testsson`, email: uniqueEmail(who.toLowerCase(), kommun), password: PASSWORD, kommun };
  const context = await browser.newContext({ baseURL: process.env.BASE_URL, locale: 'sv-SE' });
  try {
    const page = await context.newPage();
    await signUp(page, account);
    await expect(page).toHaveURL(/\/registrera\/skickat$/);
    await confirmByMail(page, account.email);
  } finally {
    await context.close();
  }
  return account;
}

/** A page in a browser context of its own, on the portal at `baseURL`. */
async function newPage(browser, baseURL) {
  const context = await browser.newContext({ baseURL, locale: 'sv-SE', timezoneId: 'Europe/Stockholm' });
  const page = await context.newPage();
  await trackFormHydration(page);
  return page;
}

function env(name, why) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: ${why}`);
  return value;
}

/** The organiser that scripts/test.sh creates for the browser tests, logged in on `page`. */
async function logInOrganiser(page) {
  const why = 'scripts/test.sh creates an organiser for the browser tests';
  await logIn(page, { email: env('E2E_ORGANISER_EMAIL', why), password: env('E2E_ORGANISER_PASSWORD', why) });
}

Object.assign(module.exports, {
  PASSWORD,
  uniqueEmail,
  signUp,
  confirmByMail,
  logIn,
  createConfirmedAccount,
  newPage,
  env,
  logInOrganiser,
});

// ---------------------------------------------------------------------------
// Keyboard only, as a person without a mouse moves: Tab forward through the
// page, arrow keys inside a radio group, Enter or Space to act.

/** True when `target` has keyboard focus or holds the element that has it. */
function holdsFocus(target) {
  return target.evaluate((el) => el === document.activeElement || el.contains(document.activeElement));
}

/**
 * Presses Tab (Shift+Tab with `back`) until `target` (or an element inside it)
 * has focus, at most `max` times, and checks that the focus can be seen. Tab
 * wraps round through the browser to the other end of the page: a step the
 * other way, or out of the page, fails, so reaching targets one after the other
 * shows the tab order follows the page.
 */
async function tabTo(page, target, { max = 120, back = false } = {}) {
  const focused = () => page.evaluate(() => document.activeElement?.outerHTML.slice(0, 160));
  await page.evaluate(() => {
    window.__e2eTabFrom = document.activeElement;
  });
  for (let presses = 0; !(await holdsFocus(target)); presses++) {
    if (presses === max) throw new Error(`${max} presses of Tab did not reach ${target}; focus is on ${await focused()}`);
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    // From nothing (a page just opened) any first step goes the right way.
    const wrongFrom = await page.evaluate((back) => {
      const [from, to] = [window.__e2eTabFrom, document.activeElement];
      window.__e2eTabFrom = to;
      if (!from || from === document.body) return '';
      const way = back ? Node.DOCUMENT_POSITION_PRECEDING : Node.DOCUMENT_POSITION_FOLLOWING;
      return to !== document.body && from.compareDocumentPosition(to) & way ? '' : from.outerHTML.slice(0, 100);
    }, back);
    if (wrongFrom) throw new Error(`Tab went round the page from ${wrongFrom} before reaching ${target}; focus is on ${await focused()}`);
  }
  const focus = await page.evaluate(() => {
    const el = document.activeElement;
    return { visible: el.matches(':focus-visible'), outline: getComputedStyle(el).outlineStyle };
  });
  expect(focus, `focus on ${target} is shown`).toEqual({ visible: true, outline: 'solid' });
}

/** Tabs into the radio group `group` and moves with the arrow keys until `label` is chosen. */
async function chooseByKeyboard(page, group, label) {
  await tabTo(page, group);
  const option = group.getByLabel(label, { exact: true });
  for (let presses = 0; !(await option.isChecked()); presses++) {
    if (presses === 12) throw new Error(`the arrow keys never chose "${label}" in ${group}`);
    // Tabbing into a group with nothing chosen focuses its first option without choosing it.
    await page.keyboard.press((await option.evaluate((el) => el === document.activeElement)) ? 'Space' : 'ArrowDown');
  }
  await expect(option).toBeFocused();
}

/** Tabs to the field `field` and types `text` into it, key by key. */
async function typeInto(page, field, text) {
  await tabTo(page, field);
  await page.keyboard.type(text);
  await expect(field).toHaveValue(text);
}

/** Checks that `path` opens (with `status`) and needs no sideways scrolling in the page's current viewport (WCAG 1.4.10, reflow). */
async function expectReflow(page, path, { status = 200 } = {}) {
  const response = await page.goto(path);
  // The page itself, not a log-in page or an error in its place.
  expect(response.status(), path).toBe(status);
  expect(new URL(page.url()).pathname, `${path} was sent elsewhere`).toBe(path);
  const { overflow, culprits } = await page.evaluate(() => ({
    overflow: document.documentElement.scrollWidth - window.innerWidth,
    // The innermost elements reaching past the right edge: what to fix.
    culprits: [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 0.5)
      .filter((el) => ![...el.children].some((child) => child.getBoundingClientRect().right > window.innerWidth + 0.5))
      .filter((el) => {
        // Clipped by a box that scrolls on its own (a wide table's region): not the page's problem,
        // unless it is positioned, which escapes a box that is not.
        if (['absolute', 'fixed'].includes(getComputedStyle(el).position)) return true;
        for (let box = el.parentElement; box && box !== document.body; box = box.parentElement) {
          if (getComputedStyle(box).overflowX !== 'visible') return false;
        }
        return true;
      })
      .map((el) => `<${el.localName} class="${el.className}"> ${(el.textContent || '').trim().slice(0, 60)}`)
      .slice(0, 5),
  }));
  const width = page.viewportSize().width;
  expect(overflow, `${path} scrolls sideways by ${overflow} px at ${width} px: ${culprits.join('; ')}`).toBeLessThanOrEqual(0);
}

/**
 * Tabs through the page from its top, up to `max` stops, and checks at every stop
 * that the focused element is not hidden under the sticky save bar (WCAG 2.2
 * 2.4.11, focus not obscured). Returns how many stops it checked.
 */
async function expectFocusNeverCovered(page, { max = 80 } = {}) {
  await page.evaluate(() => {
    document.activeElement?.blur();
    window.scrollTo(0, 0);
  });
  let checked = 0;
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const covered = await page.evaluate(() => {
      const el = document.activeElement;
      const bar = document.querySelector('.save-bar');
      if (!el || el === document.body || !bar || bar.contains(el)) return { done: !el || el === document.body };
      const a = el.getBoundingClientRect();
      const b = bar.getBoundingClientRect();
      const top = Math.max(a.top, 0);
      const bottom = Math.min(a.bottom, window.innerHeight);
      const name = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.name ? `[name=${el.name}]` : ''} "${(el.textContent || '').trim().slice(0, 30)}"`;
      if (bottom <= top) return { problem: `${name} is outside the window` };
      const overlapsX = a.left < b.right && a.right > b.left;
      const hidden = overlapsX ? Math.max(0, Math.min(bottom, b.bottom) - Math.max(top, b.top)) : 0;
      return hidden >= bottom - top ? { problem: `${name} is under the save bar` } : {};
    });
    if (covered.done) break;
    expect(covered.problem, `stop ${i + 1}`).toBeUndefined();
    checked += 1;
  }
  return checked;
}

Object.assign(module.exports, { tabTo, chooseByKeyboard, typeInto, expectReflow, expectFocusNeverCovered });

// ---------------------------------------------------------------------------
// The round's steps and the jury's motivations, as organisers and jurors take them.

/** The organiser takes the round's next step on "Omgången", ticking the box that confirms it. */
async function takeStep(organiser, button, fill = async () => {}) {
  await organiser.goto('/arrangor/omgang');
  await waitForFormHydration(organiser, 'steg');
  await fill();
  await organiser.getByLabel('Jag har läst vad steget innebär och vill ta det.').check();
  await organiser.getByRole('button', { name: button }).click();
  await expect(organiser.getByText('Omgången har gått vidare till nästa steg.')).toBeVisible();
}

/** The kommun's motivation, opened from the list of motivations. */
async function openMotivation(page, kommun) {
  await page.goto('/jury/motiveringar');
  await page.getByRole('link', { name: kommun, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(`${kommun}: `);
}

/** Saves a new version of the kommun's motivation, and sees it said. */
async function writeMotivation(page, kommun, text, said = 'Motiveringen är sparad som en ny version.') {
  await openMotivation(page, kommun);
  await waitForFormHydration(page, 'motivering');
  await page.getByLabel('Juryns motivering').fill(text);
  await page.getByRole('button', { name: 'Spara som ny version' }).click();
  await expect(page.getByText(said, { exact: false })).toBeVisible();
}

/** The juror signs off the kommun's motivation as it stands. */
async function signMotivation(page, kommun) {
  await openMotivation(page, kommun);
  await waitForFormHydration(page, 'godkann');
  await page.getByRole('button', { name: 'Jag godkänner texten' }).click();
  await expect(page.getByText('Du har godkänt motiveringen.')).toBeVisible();
}

Object.assign(module.exports, { takeStep, openMotivation, writeMotivation, signMotivation });
