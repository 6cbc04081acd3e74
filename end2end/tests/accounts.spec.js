// Accounts, as an applicant meets them: sign up, confirm the address by the
// e-mailed link, log in and out, choose a new password, with and without
// JavaScript. The e-mails are read from the portal's outbox folder (OUTBOX_DIR).
const { test: base, expect } = require('./helpers');
const {
  watchConsole,
  expectAccessible,
  trackFormHydration,
  waitForFormHydration,
  waitForMailLink,
  readOutbox,
  PASSWORD,
  uniqueEmail,
  signUp,
  confirmByMail,
  logIn,
  createConfirmedAccount,
} = require('./helpers');

const NEW_PASSWORD = 'fyra blå båtar vid Kalmarsund';

/** WCAG contrast ratio of two CSS colours (rgb/rgba, opaque). */
function contrast(a, b) {
  const luminance = (css) => {
    const [r, g, bl] = css.match(/[\d.]+/g).slice(0, 3).map((v) => {
      const c = Number(v) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

const test = base.extend({
  // One confirmed account per worker, for the tests that only need to be logged in.
  // A kommun of its own per worker: a kommun's first applicant is let in at once, later ones wait.
  account: [
    async ({ browser }, use, workerInfo) => {
      const kommuner = ['Emmaboda', 'Torsås', 'Hultsfred', 'Vimmerby', 'Högsby', 'Oskarshamn'];
      await use(await createConfirmedAccount(browser, 'Fixtur', kommuner[workerInfo.workerIndex % kommuner.length]));
    },
    { scope: 'worker' },
  ],
  page: async ({ page }, use) => {
    await trackFormHydration(page);
    await use(page);
  },
});

test('an applicant signs up, confirms the address from the e-mail and logs in', async ({ page }) => {
  const problems = watchConsole(page);
  const email = uniqueEmail('anna');
  const name = 'Anna Andersson';

  await page.goto('/registrera');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Skapa konto');
  await expect(page.getByRole('banner').getByRole('link', { name: 'Logga in' })).toBeVisible();
  await waitForFormHydration(page, 'registrera');
  await signUp(page, { name, email });
  await expect(page).toHaveURL(/\/registrera\/skickat$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bekräfta din e-postadress');
  const firstLink = await waitForMailLink(email, 'bekrafta');

  // Before the address is confirmed the log-in is refused, and a new link is sent.
  await page.goto('/logga-in');
  await waitForFormHydration(page, 'logga-in');
  await logIn(page, { email, password: PASSWORD });
  await expect(page.getByRole('alert')).toContainText('Bekräfta först adressen med länken i mejlet');
  await expect(page).toHaveURL(/\/logga-in$/);

  // The new link works; the first one was replaced by it.
  await confirmByMail(page, email, [firstLink]);
  await page.goto(firstLink);
  await page.getByRole('button', { name: 'Bekräfta e-postadressen' }).click();
  await expect(page.getByRole('alert')).toContainText('Länken fungerar inte längre');
  // Logged-in pages are checked for console errors in a test of their own.
  expect(problems).toEqual([]);

  await logIn(page, { email, password: PASSWORD });
  // An applicant starts at their kommun's application.
  await expect(page).toHaveURL(/\/ansokan$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ansökan från Kalmar');
  await expect(page.getByRole('banner').getByText(name, { exact: true })).toBeVisible();
  await expect(page.getByRole('banner').getByText('sökande, Kalmar', { exact: true })).toBeVisible();
});

test('logging in shows who is in the header, logging out ends it', async ({ page, account }) => {
  await page.goto('/logga-in');
  await waitForFormHydration(page, 'logga-in');
  await logIn(page, { email: account.email, password: 'fel lösenord helt enkelt' });
  await expect(page.getByRole('alert')).toContainText('Fel e-postadress eller lösenord.');
  await expect(page).toHaveURL(/\/logga-in$/);
  await expect(page.getByLabel('E-postadress')).toHaveValue(account.email);

  await page.getByLabel('Lösenord').fill(account.password);
  await page.getByRole('button', { name: 'Logga in' }).click();
  await expect(page).toHaveURL(/\/ansokan$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Ansökan från ${account.kommun}`);
  const header = page.getByRole('banner');
  await expect(header.getByText(account.name, { exact: true })).toBeVisible();
  await expect(header.getByText(`sökande, ${account.kommun}`, { exact: true })).toBeVisible();
  await expect(header.getByRole('navigation').getByRole('link', { name: 'Mitt konto' })).toBeVisible();
  await expect(header.getByRole('link', { name: 'Logga in' })).toHaveCount(0);
  await header.getByRole('navigation').getByRole('link', { name: 'Mitt konto' }).click();
  await expect(page.getByRole('main')).toContainText(account.email);

  await header.getByRole('button', { name: 'Logga ut' }).click();
  await expect(page).toHaveURL(/\/logga-in\?klart=utloggad$/);
  await expect(page.getByRole('status')).toHaveText('Du är utloggad.');
  await expect(header.getByRole('link', { name: 'Logga in' })).toBeVisible();
  await expect(header.getByRole('button', { name: 'Logga ut' })).toHaveCount(0);
  await expect(header.getByRole('link', { name: 'Mitt konto' })).toHaveCount(0);

  await page.goto('/konto');
  await expect(page).toHaveURL(/\/logga-in\?tillbaka=(\/|%2F)konto$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Logga in');
});

test('logged-in pages hydrate without errors and keep their title', async ({ page, account }) => {
  const problems = watchConsole(page);
  await page.goto('/logga-in');
  await logIn(page, account);
  await expect(page).toHaveURL(/\/ansokan$/);
  const titles = {
    '/ansokan': 'Vår ansökan – Utmärkelseportalen',
    '/ansokan/forhandsgranska': 'Förhandsgranska ansökan – Utmärkelseportalen',
    '/ansokan/skicka-in': 'Skicka in ansökan – Utmärkelseportalen',
    '/ansokan/historik/ledning': 'Tidigare versioner – Utmärkelseportalen',
    '/konto': 'Mitt konto – Utmärkelseportalen',
    '/konto/mina-uppgifter': 'Mina uppgifter – Utmärkelseportalen',
    '/konto/radera': 'Radera mitt konto – Utmärkelseportalen',
    '/': 'Utmärkelser – Utmärkelseportalen',
    '/utmarkelser/ehalsokommun': 'Sveriges eHälsokommun 2027 – Utmärkelseportalen',
  };
  for (const [path, title] of Object.entries(titles)) {
    problems.length = 0;
    await page.goto(path);
    // The bundle has loaded and hydrated (or failed to) by then.
    await page.waitForLoadState('networkidle');
    expect.soft(problems, `console on ${path}`).toEqual([]);
    expect.soft(await page.title(), `title of ${path}`).toBe(title);
  }
  // Another role's page: the 403 page, hydrated as itself, with its own title.
  problems.length = 0;
  const refused = await page.goto('/arrangor/personer');
  expect(refused.status()).toBe(403);
  await page.waitForLoadState('networkidle');
  // Chromium reports the 403 answer itself on the console; nothing else may be there.
  expect.soft(problems.filter((p) => !/status of 403/.test(p)), 'console on another role\'s page').toEqual([]);
  expect(await page.title()).toBe('Du har inte behörighet till sidan – Utmärkelseportalen');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Du har inte behörighet till sidan');
  problems.length = 0;
  // Logging out is a plain form post, the same with or without JavaScript.
  await page.getByRole('button', { name: 'Logga ut' }).click();
  await expect(page).toHaveURL(/\/logga-in\?klart=utloggad$/);
  expect(problems).toEqual([]);
});

// After hydration the router loads linked pages in place, fetching their data from the server functions.
test('"Skapa konto" on the log-in page opens the form with its list of kommuner in place', async ({ page }) => {
  const problems = watchConsole(page);
  await page.goto('/logga-in');
  await waitForFormHydration(page, 'logga-in');
  await page.getByRole('main').getByRole('link', { name: 'Skapa konto' }).click();
  await expect(page).toHaveURL(/\/registrera$/);
  // One h1 only: a failed load adds "Något gick fel".
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(['Skapa konto']);
  await expect(page.locator('#kommuner option[value="Kalmar (Kalmar län)"]')).toHaveCount(1);
  expect(problems).toEqual([]);
});

test('"Till mitt konto" on the deletion page opens the account page in place', async ({ page, account }) => {
  const problems = watchConsole(page);
  await page.goto('/logga-in?tillbaka=/konto/radera');
  await logIn(page, account);
  await expect(page).toHaveURL(/\/konto\/radera$/);
  await waitForFormHydration(page, 'radera');
  await page.getByRole('link', { name: 'Till mitt konto' }).click();
  await expect(page).toHaveURL(/\/konto$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(['Mitt konto']);
  await expect(page.getByRole('main')).toContainText(account.email);
  expect(problems).toEqual([]);
});

test('a forgotten password is replaced through the e-mailed link, which works once', async ({ page, browser }) => {
  const problems = watchConsole(page);
  const account = await createConfirmedAccount(browser, 'Glomsk');

  await page.goto('/logga-in');
  await page.getByRole('link', { name: 'Glömt lösenord?' }).click();
  await expect(page).toHaveURL(/\/glomt-losenord$/);
  await waitForFormHydration(page, 'glomt-losenord');
  await page.getByLabel('E-postadress').fill(account.email);
  await page.getByRole('button', { name: 'Skicka länk' }).click();
  await expect(page).toHaveURL(/\/glomt-losenord\/skickat$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Titta i din e-post');

  const link = await waitForMailLink(account.email, 'aterstall');
  await page.goto(link);
  await waitForFormHydration(page, 'aterstall');
  await page.getByLabel('Nytt lösenord').fill(NEW_PASSWORD);
  await page.getByRole('button', { name: 'Spara nytt lösenord' }).click();
  await expect(page).toHaveURL(/\/logga-in\?klart=aterstallt$/);
  await expect(page.getByRole('status')).toHaveText('Ditt nya lösenord är sparat. Logga in med det.');
  expect(problems).toEqual([]);

  await logIn(page, { email: account.email, password: NEW_PASSWORD });
  await expect(page).toHaveURL(/\/ansokan$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ansökan från Kalmar');

  // Whoever opens the link again, it no longer works.
  await page.context().clearCookies();
  await page.goto(link);
  await waitForFormHydration(page, 'aterstall');
  await page.getByLabel('Nytt lösenord').fill('fem gula cyklar på Öland');
  await page.getByRole('button', { name: 'Spara nytt lösenord' }).click();
  await expect(page.getByRole('alert')).toContainText('Länken fungerar inte längre');
  await expect(page).toHaveURL(link);
});

// The sign-up page is an island-free page: its form is a plain post, and what comes
// back is the same page with the problems beside the fields and what was typed kept.
test('mistakes in the sign-up form are shown beside the fields, what was typed kept', async ({ page }) => {
  const problems = watchConsole(page);
  await page.goto('/registrera');
  await waitForFormHydration(page, 'registrera');
  await signUp(page, { name: 'Anna Andersson', email: 'anna', kommun: 'Atlantis' });

  const summary = page.getByRole('alert');
  await expect(summary.getByRole('heading')).toHaveText('Formuläret behöver rättas');
  await expect(summary.getByRole('link', { name: 'Ange en e-postadress, till exempel namn@kommun.se.' })).toHaveAttribute(
    'href',
    '#email',
  );
  const email = page.getByLabel('E-postadress i tjänsten');
  await expect(email).toHaveAccessibleDescription(/Ange en e-postadress, till exempel namn@kommun\.se\./);
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Kommun')).toHaveAccessibleDescription(/Det finns ingen kommun som heter ”Atlantis”/);
  await expect(page.getByLabel('Namn')).toHaveValue('Anna Andersson');
  await expect(page.getByLabel('Namn')).not.toHaveAttribute('aria-invalid', 'true');
  await expect(page).toHaveURL(/\/registrera$/);

  // A common password is refused too, and the mistakes already fixed go away.
  await email.fill(uniqueEmail('anna'));
  await page.getByLabel('Kommun').fill('Kalmar');
  await page.getByLabel('Lösenord').fill('lösenord1234');
  await page.getByRole('button', { name: 'Skapa konto' }).click();
  await expect(page.getByLabel('Lösenord')).toHaveAccessibleDescription(/Lösenordet är för vanligt/);
  await expect(summary.getByRole('listitem')).toHaveCount(1);
  await expect(page.getByLabel('Kommun')).not.toHaveAttribute('aria-invalid', 'true');
  expect(problems).toEqual([]);
});

test('after a refused submission keyboard focus moves to the error summary', async ({ page }) => {
  await page.goto('/registrera');
  await waitForFormHydration(page, 'registrera');
  // The * beside a label is explained where there is one, and only there.
  await expect(page.getByText('Fält markerade med * måste fyllas i.')).toBeVisible();
  await expect(page.locator('form:not(#registrera) .required-note:visible')).toHaveCount(0);
  await signUp(page, { name: 'Anna Andersson', email: 'anna', kommun: 'Atlantis' });
  const summary = page.getByRole('alert');
  await expect(summary.getByRole('heading')).toHaveText('Formuläret behöver rättas');
  await expect(summary).toBeFocused();
});

test('sign-up with a taken address answers as for a new one and tells the owner by mail', async ({ page, account }) => {
  await page.goto('/registrera');
  await waitForFormHydration(page, 'registrera');
  await signUp(page, { name: 'Anna Dubblett', email: account.email, password: 'sju små grodor i Kalmar' });
  // The page tells a visitor nothing about whose address it is.
  await expect(page).toHaveURL(/\/registrera\/skickat$/);
  await expect(page.getByText('Det finns redan ett konto')).toHaveCount(0);
  await expect
    .poll(() => readOutbox().filter((m) => m.to.includes(account.email.toLowerCase()) && m.subject === 'Du har redan ett konto').length)
    .toBe(1);
});

test('the header\'s "Logga in" link is legible on the header colour', async ({ page }) => {
  await page.goto('/logga-in');
  const link = page.getByRole('banner').getByRole('link', { name: 'Logga in' });
  await expect(link).toBeVisible();
  const [color, background] = await link.evaluate((a) => {
    let el = a;
    while (el && getComputedStyle(el).backgroundColor === 'rgba(0, 0, 0, 0)') el = el.parentElement;
    return [getComputedStyle(a).color, el ? getComputedStyle(el).backgroundColor : 'rgb(255, 255, 255)'];
  });
  // axe files a 1:1 ratio under "incomplete", not as a violation, so it is checked here.
  expect(contrast(color, background), `${color} on ${background}`).toBeGreaterThanOrEqual(4.5);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('mistakes in the sign-up form come back with the page, what was typed kept', async ({ page }) => {
    await signUp(page, { name: 'Anna Andersson', email: 'anna', kommun: 'Atlantis' });
    await expect(page).toHaveURL(/\/registrera$/);
    const summary = page.getByRole('alert');
    await expect(summary.getByRole('heading')).toHaveText('Formuläret behöver rättas');
    await expect(summary).toContainText('Ange en e-postadress, till exempel namn@kommun.se.');
    await expect(page.getByLabel('E-postadress i tjänsten')).toHaveAccessibleDescription(
      /Ange en e-postadress, till exempel namn@kommun\.se\./,
    );
    await expect(page.getByLabel('Kommun')).toHaveAccessibleDescription(/Det finns ingen kommun som heter ”Atlantis”/);
    await expect(page.getByLabel('Namn')).toHaveValue('Anna Andersson');
    await expect(page.getByLabel('E-postadress i tjänsten')).toHaveValue('anna');
    await expect(page.getByLabel('Kommun')).toHaveValue('Atlantis');
    await expect(page.getByLabel('Lösenord')).toHaveValue('');

    // The messages are shown once: a fresh visit has a clean form.
    await page.goto('/registrera');
    await expect(page.getByRole('alert')).toBeHidden();
    await expect(page.getByLabel('Namn')).toHaveValue('');
  });

  test('signing up, confirming, logging in and out work by plain form posts', async ({ page }) => {
    const email = uniqueEmail('utan-js');
    await signUp(page, { name: 'Bertil Utan', email });
    await expect(page).toHaveURL(/\/registrera\/skickat$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bekräfta din e-postadress');
    await confirmByMail(page, email);
    await logIn(page, { email, password: 'inte mitt lösenord alls' });
    await expect(page.getByRole('alert')).toContainText('Fel e-postadress eller lösenord.');
    await logIn(page, { email, password: PASSWORD });
    await expect(page).toHaveURL(/\/ansokan$/);
    await expect(page.getByRole('banner').getByText('Bertil Utan', { exact: true })).toBeVisible();
    await page.getByRole('button', { name: 'Logga ut' }).click();
    await expect(page).toHaveURL(/\/logga-in\?klart=utloggad$/);
    await expect(page.getByRole('status')).toHaveText('Du är utloggad.');
  });
});

for (const path of ['/logga-in', '/registrera', '/glomt-losenord']) {
  test(`${path} loads without console errors and has no WCAG 2.1 AA violations`, async ({ page }) => {
    const problems = watchConsole(page);
    await page.goto(path);
    await waitForFormHydration(page, path.slice(1));
    await expectAccessible(page);
    expect(problems).toEqual([]);
  });
}

test('/registrera with its error messages showing has no WCAG 2.1 AA violations', async ({ page }) => {
  await page.goto('/registrera');
  await waitForFormHydration(page, 'registrera');
  await signUp(page, { name: '', email: 'anna', kommun: 'Atlantis', password: 'kort' });
  await expect(page.getByRole('alert').getByRole('heading')).toHaveText('Formuläret behöver rättas');
  await expectAccessible(page);
});

for (const path of ['/konto', '/konto/mina-uppgifter', '/konto/radera']) {
  test(`${path}, logged in, has no WCAG 2.1 AA violations`, async ({ page, account }) => {
    await page.goto(`/logga-in?tillbaka=${path}`);
    await logIn(page, account);
    await expect(page).toHaveURL(new RegExp(`${path}$`));
    await expect(page.getByRole('banner').getByText(account.name, { exact: true })).toBeVisible();
    // Let the page hydrate (or fail to) before it is checked, as a visitor would see it.
    await page.waitForLoadState('networkidle');
    await expectAccessible(page);
  });
}
