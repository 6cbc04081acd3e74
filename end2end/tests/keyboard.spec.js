// The applicant's whole journey with the keyboard alone: sign up, confirm,
// log in, write every part, submit, read the receipt. Every stop is reached
// with Tab, in page order, and shows where the focus is. Then the applicant's
// pages at 320 px and at 200 % zoom (a 1280 px window is 640 CSS px wide).
const { test: base, expect } = require('./helpers');
const {
  PASSWORD,
  uniqueEmail,
  watchConsole,
  trackFormHydration,
  waitForFormHydration,
  waitForMailLink,
  signUp,
  confirmByMail,
  logIn,
  tabTo,
  typeInto,
  expectReflow,
  expectFocusNeverCovered,
} = require('./helpers');

const test = base.extend({
  page: async ({ page }, use) => {
    await trackFormHydration(page);
    await use(page);
  },
});

test('an applicant signs up, writes and submits the application with the keyboard alone', async ({ page }) => {
  test.setTimeout(120_000);
  const problems = watchConsole(page);
  const account = { name: 'Ulla Tangentsson', email: uniqueEmail('ulla', 'Uppvidinge'), password: PASSWORD };

  await page.goto('/');
  await tabTo(page, page.getByRole('banner').getByRole('link', { name: 'Logga in' }));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/logga-in$/);
  await tabTo(page, page.getByRole('main').getByRole('link', { name: 'Skapa konto' }));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/registrera$/);
  await waitForFormHydration(page, 'registrera');
  await typeInto(page, page.getByLabel('Namn'), account.name);
  await typeInto(page, page.getByLabel('E-postadress i tjänsten'), account.email);
  await typeInto(page, page.getByLabel('Kommun'), 'Uppvidinge');
  await typeInto(page, page.getByLabel('Lösenord'), account.password);
  await tabTo(page, page.getByRole('button', { name: 'Skapa konto' }));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/registrera\/skickat$/);

  // The link in the e-mail is opened from the mail program; the page's button by keyboard.
  await page.goto(await waitForMailLink(account.email, 'bekrafta'));
  await tabTo(page, page.getByRole('button', { name: 'Bekräfta e-postadressen' }));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/logga-in\?klart=bekraftad$/);
  await waitForFormHydration(page, 'logga-in');
  await typeInto(page, page.getByLabel('E-postadress'), account.email);
  await typeInto(page, page.getByLabel('Lösenord'), account.password);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/ansokan$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ansökan från Uppvidinge');
  await waitForFormHydration(page, 'ansokan');

  const parts = {
    Ledning: 'Kommunstyrelsen följer planen.',
    Infrastruktur: 'Fiber i alla byar.',
    Kompetens: 'Alla har gått kursen.',
    Användning: 'Larm i 200 hem.',
    Sammanfattning: 'Uppvidinge gör det digitala till vardag.',
    Namn: account.name,
    'Titel eller roll': 'Utvecklingsledare',
    'E-postadress': account.email,
    Telefonnummer: '0474-470 00',
  };
  for (const [label, text] of Object.entries(parts)) {
    await typeInto(page, page.getByRole('textbox', { name: label, exact: true }), text);
  }
  // "Sparat" only once the server has acknowledged everything typed: the status says
  // so the moment there is unsent text, so this waits for the save of the last field.
  await expect(page.locator('#sparstatus')).toHaveText(/^Sparat kl\. \d\d\.\d\d\.$/);
  // The way on is in the status box above the form: back up to it.
  await tabTo(page, page.getByRole('link', { name: 'Skicka in ansökan' }), { back: true });
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Skicka in ansökan');
  await waitForFormHydration(page, 'skicka-in');
  await tabTo(page, page.getByRole('button', { name: 'Skicka in ansökan' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ansökan är inskickad');
  await expect(page.getByRole('status')).toContainText('Ansökan från Uppvidinge kom in');

  // Logging out, too, is a Tab and an Enter away.
  await tabTo(page, page.getByRole('button', { name: 'Logga ut' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('banner').getByRole('link', { name: 'Logga in' })).toBeVisible();
  expect(problems).toEqual([]);
});

for (const width of [320, 640, 1280]) {
  test(`the applicant's pages need no sideways scrolling at ${width} px`, async ({ browser }) => {
    const context = await browser.newContext({
      baseURL: process.env.BASE_URL,
      locale: 'sv-SE',
      viewport: { width, height: 800 },
    });
    const page = await context.newPage();
    for (const path of ['/logga-in', '/registrera', '/glomt-losenord', '/tillganglighet']) {
      await expectReflow(page, path);
    }
    await expectReflow(page, '/ingen-sadan-sida', { status: 404 });
    // A kommun of its own per width: the second applicant of a kommun waits to be let in.
    const kommun = { 320: 'Lessebo', 640: 'Tranås', 1280: 'Aneby' }[width];
    const account = { name: 'Rut Radbrytsson', email: uniqueEmail('rut', kommun), password: PASSWORD };
    await signUp(page, { ...account, kommun });
    await expect(page).toHaveURL(/\/registrera\/skickat$/);
    await confirmByMail(page, account.email);
    await logIn(page, account);
    await expect(page).toHaveURL(/\/ansokan$/);
    for (const path of ['/ansokan', '/ansokan/forhandsgranska', '/ansokan/skicka-in', '/ansokan/historik/ledning', '/konto', '/konto/mina-uppgifter', '/konto/radera']) {
      await expectReflow(page, path);
    }
    // The editor's save bar stays in view, and never over the field being typed in.
    for (const height of [568, 800]) {
      await page.setViewportSize({ width, height });
      await page.goto('/ansokan');
      expect(await expectFocusNeverCovered(page)).toBeGreaterThan(15);
    }
    await context.close();
  });
}
