const { expect } = require('@playwright/test');
const AxeBuilder = require('@axe-core/playwright').default;

/** Fails the test on any console error or CSP violation the page reports. */
function watchConsole(page) {
  const problems = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(msg.text());
  });
  page.on('pageerror', (err) => problems.push(err.message));
  return problems;
}

/** Resolves once the WASM bundle has hydrated the page. */
async function waitForHydration(page) {
  await expect(page.getByRole('button', { name: 'Kriterier och inriktning' })).toBeVisible();
}

/** WCAG 2.1 A and AA, as Swedish law requires for public-sector web. */
async function expectNoAxeViolations(page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target).join(', ')})`);
  expect(summary).toEqual([]);
}

module.exports = { watchConsole, waitForHydration, expectNoAxeViolations };

// ---------------------------------------------------------------------------
// Forms: knowing when the WASM bundle has taken over a form.

/**
 * Call before the first `page.goto`: notes every form that gets a submit
 * listener, which Leptos adds to a `PortalForm` when it hydrates. Pages without
 * a visible change on hydration (the account pages) can then be waited for.
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

/** Resolves once the form with this id submits by JavaScript (needs `trackFormHydration`). */
async function waitForFormHydration(page, formId) {
  try {
    // Polled again in the new document if a navigation is still under way.
    await page.waitForFunction((id) => window.__e2eHydratedForms?.has(id), formId, { timeout: 10_000 });
  } catch (err) {
    const tracked = await page.evaluate(() => window.__e2eHydratedForms !== undefined).catch(() => false);
    if (!tracked) throw new Error('call trackFormHydration(page) before the first page.goto');
    throw new Error(
      `form #${formId} on ${page.url()} never got its JavaScript submit handler: hydration failed or did not run (${err.message})`,
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

/** An address no earlier run has used: the database outlives a test run. */
function uniqueEmail(who) {
  return `${who}.${Date.now()}.${Math.random().toString(36).slice(2, 8)}@kalmar.se`;
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
  const account = { name: `${who} Testsson`, email: uniqueEmail(who.toLowerCase()), password: PASSWORD, kommun };
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
