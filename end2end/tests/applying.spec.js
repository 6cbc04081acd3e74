// A kommun's application as its applicants write it: autosave while typing,
// two colleagues at once, a lost network, the no-JavaScript path, submitting
// with a receipt by e-mail, and the closed state after the deadline. Each test
// uses a kommun of its own: a kommun has one application per round.
const { test: base, expect } = require('./helpers');
const {
  watchConsole,
  expectAccessible,
  trackFormHydration,
  waitForFormHydration,
  readOutbox,
  logIn,
  createConfirmedAccount,
} = require('./helpers');

const test = base.extend({
  page: async ({ page }, use) => {
    await trackFormHydration(page);
    await use(page);
  },
});

/** A logged-in page of its own browser context, on the application, hydrated. */
async function openApplication(browser, account) {
  const context = await browser.newContext({ baseURL: process.env.BASE_URL, locale: 'sv-SE' });
  const page = await context.newPage();
  await trackFormHydration(page);
  await logIn(page, account);
  await expect(page).toHaveURL(/\/ansokan$/);
  await waitForFormHydration(page, 'ansokan');
  return page;
}

const saved = /^Sparat kl\. \d\d\.\d\d\.$/;

test('two colleagues write over two sessions, meet a conflict, choose, submit and get the receipt', async ({ browser }) => {
  test.setTimeout(90_000);
  const ada = await createConfirmedAccount(browser, 'Ada', 'Växjö');
  const bert = await createConfirmedAccount(browser, 'Bert', 'Växjö');

  let page = await openApplication(browser, ada);
  const problems = watchConsole(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ansökan från Växjö');
  // Ada was first for Växjö; Bert signed up after her and waits until she lets him in.
  await expect(page.locator('#kollegor')).toContainText(`${bert.name} (${bert.email}) – väntar på godkännande`);
  await expectAccessible(page);
  await page.getByRole('button', { name: `Godkänn ${bert.name}` }).click();
  await expect(page.getByText('Kontot är godkänt och kan nu skriva i kommunens ansökan.')).toBeVisible();
  await waitForFormHydration(page, 'ansokan');
  const ledning = page.getByRole('textbox', { name: 'Ledning' });
  await ledning.fill('Politiken har satt tydliga mål.');
  await expect(page.locator('#count-ledning')).toHaveText('31 av 6\u00a0000 tecken');
  await expect(page.locator('#sparstatus')).toHaveText(saved);
  await page.getByRole('button', { name: 'Spara utkast' }).click();
  await expect(page.locator('#sparstatus')).toHaveText('Allt är redan sparat.');

  // A new session another day: the text is there.
  await page.context().close();
  page = await openApplication(browser, ada);
  await expect(page.getByRole('textbox', { name: 'Ledning' })).toHaveValue('Politiken har satt tydliga mål.');

  // Bert opens the same application, then Ada saves a newer version of Ledning.
  const bertPage = await openApplication(browser, bert);
  await page.getByRole('textbox', { name: 'Ledning' }).fill('Politiken har satt tydliga mål. Adas tillägg.');
  await expect(page.locator('#sparstatus')).toHaveText(saved);
  await bertPage.getByRole('textbox', { name: 'Ledning' }).fill('Bert skriver om ledningen.');
  const conflict = bertPage.locator('#sparstatus').filter({ hasText: 'En kollega har sparat en nyare version av: Ledning' });
  await expect(conflict).toBeVisible();
  await bertPage.getByRole('link', { name: 'Visa och välj' }).click();
  await expect(bertPage.getByRole('heading', { name: 'En kollega har sparat en nyare version' })).toBeVisible();
  await expect(bertPage.locator('.their-text')).toContainText('Adas tillägg.');
  await expect(bertPage.getByRole('textbox', { name: 'Ledning' })).toHaveValue('Bert skriver om ledningen.');
  await expectAccessible(bertPage);
  await bertPage.getByRole('button', { name: 'Spara min text' }).click();
  await expect(bertPage).toHaveURL(/klart=utkast-sparat/);
  await expect(bertPage.getByRole('heading', { name: 'En kollega har sparat en nyare version' })).toHaveCount(0);
  await expect(bertPage.getByRole('textbox', { name: 'Ledning' })).toHaveValue('Bert skriver om ledningen.');
  await waitForFormHydration(bertPage, 'ansokan');

  // Bert completes the application and submits it.
  const fill = {
    Infrastruktur: 'Trygghetslarm och nattkameror i hela kommunen.',
    Kompetens: 'Alla i hemtjänsten har gått utbildningen.',
    Användning: 'Digitala tillsynsbesök i 400 hem.',
    Sammanfattning: 'Växjö gör det digitala till vardag.',
    Namn: 'Bert Testsson',
    'Titel eller roll': 'Digitaliseringsstrateg',
    'E-postadress': 'bert@vaxjo.se',
    Telefonnummer: '0470-410 00',
  };
  for (const [label, text] of Object.entries(fill)) {
    await bertPage.getByRole('textbox', { name: label, exact: true }).fill(text);
  }
  await expect(bertPage.locator('#sparstatus')).toHaveText(saved);
  await bertPage.getByRole('link', { name: 'Skicka in ansökan' }).click();
  await expect(bertPage.getByRole('heading', { level: 1 })).toHaveText('Skicka in ansökan');
  await waitForFormHydration(bertPage, 'skicka-in');
  await expectAccessible(bertPage);
  await bertPage.getByRole('button', { name: 'Skicka in ansökan' }).dblclick();
  await expect(bertPage).toHaveURL(/\/ansokan\/inskickad\/1$/);
  await expect(bertPage.getByRole('heading', { level: 1 })).toHaveText('Ansökan är inskickad');
  const receipt = bertPage.getByRole('status');
  await expect(receipt).toContainText('Ansökan från Växjö kom in');
  const reference = (await receipt.textContent()).match(/SE-2027-\d{4}-1/)[0];
  await expectAccessible(bertPage);

  // Both colleagues get the receipt with the reference and a copy of the text, once.
  for (const who of [ada, bert]) {
    await expect
      .poll(() => readOutbox().filter((m) => m.to.includes(who.email) && m.subject.includes(reference)).length, {
        timeout: 15_000,
      })
      .toBe(1);
    const mail = readOutbox().find((m) => m.to.includes(who.email) && m.subject.includes(reference));
    expect(mail.text).toContain('Bert skriver om ledningen.');
  }
  expect(problems).toEqual([]);
});

test('a reload answered before the last save landed shows the newest text all the same, and saves it', async ({ browser }) => {
  test.setTimeout(60_000);
  const account = await createConfirmedAccount(browser, 'Rune', 'Ronneby');
  const page = await openApplication(browser, account);
  const ledning = page.getByRole('textbox', { name: 'Ledning' });
  await ledning.fill('Sparat först.');
  await expect(page.locator('#sparstatus')).toHaveText(saved);
  // From here no save of this page reaches the server, the one sent on leaving it
  // among them: the reloaded page is rendered from the older text, every time.
  await ledning.fill('Sparat först. Skrivet strax före omladdningen.');
  await page.evaluate(() => { window.fetch = () => new Promise(() => {}); });
  await page.reload();
  await waitForFormHydration(page, 'ansokan');
  await expect(ledning).toHaveValue('Sparat först. Skrivet strax före omladdningen.');
  // Sent again from the reloaded page, and acknowledged.
  await expect(page.locator('#sparstatus')).toHaveText(saved);
  expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
  await page.reload();
  await expect(ledning).toHaveValue('Sparat först. Skrivet strax före omladdningen.');
  // Whoever logs in next in this tab may be someone else: the log-in page forgets what was kept.
  await page.evaluate(() => sessionStorage.setItem('portal-osparat-ansokan-x', '{}'));
  await page.goto('/logga-in');
  await waitForFormHydration(page, 'logga-in');
  expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
  await page.context().close();
});

test('a lost network is said, the text stays, and it is saved when the network is back', async ({ browser }) => {
  test.setTimeout(60_000);
  const account = await createConfirmedAccount(browser, 'Nora', 'Nybro');
  const page = await openApplication(browser, account);
  await page.context().setOffline(true);
  await page.getByRole('textbox', { name: 'Kompetens' }).fill('Skrivet utan nät.');
  await expect(page.locator('#sparstatus').filter({ hasText: 'Kunde inte spara' })).toBeVisible();
  await page.context().setOffline(false);
  await expect(page.locator('#sparstatus')).toHaveText(saved, { timeout: 20_000 });
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Kompetens' })).toHaveValue('Skrivet utan nät.');

  // The pages around the editor pass the accessibility engines too.
  await page.goto('/ansokan/historik/kompetens?version=1');
  await expect(page.locator('.version-shown')).toContainText('Skrivet utan nät.');
  await expectAccessible(page);
  await page.goto('/ansokan/forhandsgranska');
  await expect(page.getByRole('main')).toContainText('Skrivet utan nät.');
  await expectAccessible(page);
});

test('text typed just before the tab is closed is saved', async ({ browser }) => {
  const account = await createConfirmedAccount(browser, 'Tove', 'Tingsryd');
  const page = await openApplication(browser, account);
  await page.getByRole('textbox', { name: 'Användning' }).fill('Sista meningen innan fliken stängs.');
  // Closed at once, before the pause that would save it: the page sends it as it goes.
  await page.close({ runBeforeUnload: true });
  const again = await openApplication(browser, account);
  await expect(again.getByRole('textbox', { name: 'Användning' })).toHaveValue('Sista meningen innan fliken stängs.');
});

test('text typed just before moving to another page of the portal is saved', async ({ browser }) => {
  const account = await createConfirmedAccount(browser, 'Alva', 'Alvesta');
  const page = await openApplication(browser, account);
  await page.getByRole('textbox', { name: 'Infrastruktur' }).fill('Skrivet strax innan förhandsgranskningen.');
  // The router loads the preview in place: the editor is gone before its pause to save.
  await page.getByRole('link', { name: 'Förhandsgranska hela ansökan' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ansökan från Alvesta');
  await expect(page).toHaveURL(/\/ansokan\/forhandsgranska$/);
  await page.goto('/ansokan');
  await expect(page.getByRole('textbox', { name: 'Infrastruktur' })).toHaveValue('Skrivet strax innan förhandsgranskningen.');
});

test('without JavaScript: save with the button, see earlier versions, restore one, preview', async ({ browser }) => {
  const account = await createConfirmedAccount(browser, 'Olle', 'Borgholm');
  const context = await browser.newContext({ baseURL: process.env.BASE_URL, locale: 'sv-SE', javaScriptEnabled: false });
  const page = await context.newPage();
  await logIn(page, account);
  await expect(page).toHaveURL(/\/ansokan$/);
  await page.getByRole('textbox', { name: 'Ledning' }).fill('Första versionen.');
  await page.getByRole('button', { name: 'Spara utkast' }).click();
  await expect(page.getByText('Utkastet är sparat.')).toBeVisible();
  await page.getByRole('textbox', { name: 'Ledning' }).fill('Andra versionen, <b>med</b> markup.');
  await page.getByRole('button', { name: 'Spara utkast' }).click();
  await expect(page.getByText('Utkastet är sparat.')).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Ledning' })).toHaveValue('Andra versionen, <b>med</b> markup.');

  await page.locator('#del-ledning').getByRole('link', { name: 'Tidigare versioner' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tidigare versioner: Ledning');
  await expect(page.getByRole('row')).toHaveCount(3);
  await page.getByRole('link', { name: 'Version 1' }).click();
  await expect(page.locator('.version-shown')).toContainText('Första versionen.');
  await page.getByRole('button', { name: 'Återställ den här versionen' }).click();
  await expect(page.getByText('Versionen är återställd och är nu den senaste.')).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Ledning' })).toHaveValue('Första versionen.');

  await page.getByRole('link', { name: 'Förhandsgranska hela ansökan' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Ledning' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText('Första versionen.');

  // Not ready: the submit page says what is missing, with links to the parts.
  await page.goto('/ansokan/skicka-in');
  await expect(page.getByRole('link', { name: 'Infrastruktur: fyll i en text.' })).toBeVisible();
  await context.close();
});

test('after the deadline the application is closed and read-only', async ({ page, browser }) => {
  const closed = process.env.CLOSED_BASE_URL;
  if (!closed) throw new Error('CLOSED_BASE_URL is not set: scripts/test.sh starts a second portal after the deadline');
  const account = await createConfirmedAccount(browser, 'Stina', 'Mönsterås');
  await logIn(page, account);
  await waitForFormHydration(page, 'ansokan');
  await page.getByRole('textbox', { name: 'Ledning' }).fill('Skrivet före stängning.');
  await expect(page.locator('#sparstatus')).toHaveText(saved);

  // The same database, served on a clock standing at 16 April 00.00 Swedish time. The
  // session from January has expired on that clock: log in there.
  await page.goto(`${closed}/logga-in`);
  await logIn(page, account);
  await expect(page).toHaveURL(/\/ansokan$/);
  await expect(page.getByText('Ansökan har stängt. Sista ansökningsdag var 15 april 2027 kl. 23.59')).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Ledning' })).toHaveValue('Skrivet före stängning.');
  await expect(page.getByRole('textbox', { name: 'Ledning' })).not.toBeEditable();
  await expect(page.getByRole('button', { name: 'Spara utkast' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Skicka in ansökan' })).toHaveCount(0);
  await expectAccessible(page);
});
