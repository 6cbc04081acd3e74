// The public face, as a visitor meets it: the start page with every award, an
// award's call, how to apply, the winners, the 404 page, with and without
// JavaScript, on a phone and on a desktop.
const { test, expect } = require('./helpers');
const { watchConsole, trackFormHydration, waitForFormHydration, expectAccessible, expectReflow } = require('./helpers');

const CALL = '/utmarkelser/ehalsokommun';
const AWARDS = [
  'Sveriges eHälsokommun',
  'Sveriges KvalitetsKommun',
  'Sveriges DigitaliseringsKommun',
  'GötaPriset',
  'SveaPriset',
  'Sveriges Modernaste Myndighet',
];

test('the round page shows the 2027 call with its deadline and four areas', async ({ page }) => {
  const problems = watchConsole(page);
  await page.goto(CALL);
  await expect(page).toHaveTitle('Sveriges eHälsokommun 2027 – Utmärkelseportalen');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sveriges eHälsokommun 2027');
  await expect(page.getByRole('status')).toContainText('Sista ansökningsdag: 15 april 2027 kl. 23.59');
  const areas = page.locator('.areas h3');
  await expect(areas).toHaveText(['Ledning', 'Infrastruktur', 'Kompetens', 'Användning']);
  await expect(page.getByRole('heading', { name: 'Juryn' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'I samarbete med' })).toBeVisible();
  await expect(page.getByText('12 maj 2027 kl. 18.00')).toBeVisible();
  await expect(page.getByRole('link', { name: /i din kalender/ })).toHaveAttribute('href', `${CALL}/omgang.ics`);
  const apply = page.getByRole('link', { name: 'Ansök för din kommun' });
  await expect(apply).toHaveAttribute('href', `${CALL}/ansok`);
  await apply.click();
  await expect(page).toHaveURL(/\/utmarkelser\/ehalsokommun\/ansok$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Så ansöker ni');
  await expect(page.getByText('Högst 6 000 tecken')).toHaveCount(4);
  await expect(page.getByRole('navigation', { name: 'Om utmärkelsen' }).getByRole('link', { name: 'Så ansöker ni' })).toHaveAttribute('aria-current', 'page');
  expect(problems).toEqual([]);
});

test('the round\'s dates come as a calendar file at the award\'s address', async ({ page }) => {
  const response = await page.request.get(`${CALL}/omgang.ics`);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toMatch(/^text\/calendar/);
  expect(await response.text()).toContain('BEGIN:VCALENDAR');
});

/**
 * From the start page to GötaPriset, an award with no round, and on to its past
 * winners through the award's own menu: links only, so the same with and
 * without JavaScript.
 */
async function startPageToGotapriset(page) {
  await page.goto('/');
  await expect(page).toHaveTitle('Utmärkelser – Utmärkelseportalen');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Utmärkelser');
  const cards = page.locator('article.award-card');
  await expect(cards).toHaveCount(6);
  await expect(cards.getByRole('heading', { level: 2 })).toHaveText(AWARDS);
  const card = (name) => cards.filter({ has: page.getByRole('heading', { level: 2, name, exact: true }) });
  await expect(card('Sveriges eHälsokommun').getByRole('link', { name: 'Sveriges eHälsokommun', exact: true })).toHaveAttribute('href', CALL);
  await expect(card('Sveriges eHälsokommun')).toContainText('Ansökan är öppen till 15 april 2027 kl. 23.59');
  await expect(card('Sveriges eHälsokommun')).toContainText('Senaste vinnare: Kalmar kommun (2023)');
  await expect(card('GötaPriset')).toContainText('Ingen utlyst omgång just nu');

  await card('GötaPriset').getByRole('link', { name: 'GötaPriset', exact: true }).click();
  await expect(page).toHaveURL(/\/utmarkelser\/gotapriset$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('GötaPriset');
  await expect(page.getByRole('heading', { name: 'Vad bedöms' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Vem kan delta' })).toBeVisible();
  await expect(page.getByText('Ingen utlyst omgång just nu')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Ansök för din kommun' })).toHaveCount(0);
  const about = page.getByRole('navigation', { name: 'Om utmärkelsen' });
  await expect(about.getByRole('link', { name: 'Utlysning' })).toHaveAttribute('aria-current', 'page');

  await about.getByRole('link', { name: 'Tidigare vinnare' }).click();
  await expect(page).toHaveURL(/\/utmarkelser\/gotapriset\/vinnare$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tidigare vinnare');
  await expect(page.getByRole('row', { name: /2017/ })).toContainText('Åre kommun');
  await expect(page.getByRole('row', { name: /2017/ })).toContainText('Integrationsarbete när hjärtat får vara med');
  await expect(page.getByRole('row', { name: /2021/ })).toContainText('Ortopedkliniken i Oskarshamn (Region Kalmar län)');
}

test('a visitor goes from the start page to an award without a round and its past winners', async ({ page }) => {
  const problems = watchConsole(page);
  await startPageToGotapriset(page);
  expect(problems).toEqual([]);
});

test('the call\'s old addresses lead permanently to the new ones', async ({ page }) => {
  for (const [old, now, heading] of [
    ['/ansok', `${CALL}/ansok`, 'Så ansöker ni'],
    ['/vinnare', `${CALL}/vinnare`, 'Tidigare vinnare'],
  ]) {
    const response = await page.goto(old);
    expect(response.status(), old).toBe(200);
    expect(new URL(page.url()).pathname, old).toBe(now);
    expect((await response.request().redirectedFrom()?.response())?.status(), old).toBe(308);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
  }
  const calendar = await page.request.get('/omgang.ics', { maxRedirects: 0 });
  expect(calendar.status()).toBe(308);
  expect(new URL(calendar.headers().location, page.url()).pathname).toBe(`${CALL}/omgang.ics`);
});

// Islands: a page without an interactive part is the server's HTML alone.
test('the public pages load no WebAssembly and no script of the portal', async ({ page }) => {
  const loaded = [];
  page.on('request', (request) => loaded.push(new URL(request.url()).pathname));
  for (const path of ['/', CALL, `${CALL}/ansok`, `${CALL}/vinnare`, '/utmarkelser/gotapriset', '/tillganglighet', '/integritet', '/logga-in', '/registrera']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  }
  expect(loaded.filter((p) => p.endsWith('.wasm') || (p.startsWith('/pkg/') && p.endsWith('.js')))).toEqual([]);
  expect(loaded.some((p) => p.startsWith('/pkg/') && p.endsWith('.css'))).toBe(true);
});

test('the menus move between pages and mark the current one', async ({ page }) => {
  await page.goto(CALL);
  const menu = page.getByRole('navigation', { name: 'Huvudmeny' });
  await expect(menu.getByRole('link').first()).toHaveText('Utmärkelser');
  await expect(menu.getByRole('link').first()).toHaveAttribute('href', '/');
  for (const gone of ['Aktuell omgång', 'Så ansöker ni', 'Tidigare vinnare']) {
    await expect(menu.getByRole('link', { name: gone })).toHaveCount(0);
  }
  const about = page.getByRole('navigation', { name: 'Om utmärkelsen' });
  await expect(about.getByRole('link')).toHaveText(['Utlysning', 'Så ansöker ni', 'Tidigare vinnare']);
  await expect(about.getByRole('link', { name: 'Utlysning' })).toHaveAttribute('aria-current', 'page');
  await about.getByRole('link', { name: 'Tidigare vinnare' }).click();
  await expect(page).toHaveURL(/\/utmarkelser\/ehalsokommun\/vinnare$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tidigare vinnare');
  await expect(about.getByRole('link', { name: 'Tidigare vinnare' })).toHaveAttribute('aria-current', 'page');
  await expect(about.getByRole('link', { name: 'Utlysning' })).not.toHaveAttribute('aria-current', 'page');
  await menu.getByRole('link', { name: 'Utmärkelser' }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Utmärkelser');
  await expect(menu.getByRole('link', { name: 'Utmärkelser' })).toHaveAttribute('aria-current', 'page');
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the whole call reads fine and offers no control that cannot work', async ({ page }) => {
    await page.goto(CALL);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sveriges eHälsokommun 2027');
    await expect(page.getByRole('heading', { name: 'Kriterier och inriktning' })).toBeVisible();
    await expect(page.locator('section[aria-labelledby="kriterier"]')).toContainText('inflytande och delaktighet');
    await expect(page.getByRole('button')).toHaveCount(0);
    await page.getByRole('navigation', { name: 'Om utmärkelsen' }).getByRole('link', { name: 'Tidigare vinnare' }).click();
    await expect(page).toHaveURL(/\/utmarkelser\/ehalsokommun\/vinnare$/);
    await expect(page.getByRole('cell', { name: 'Kalmar kommun' })).toBeVisible();
  });

  test('a visitor goes from the start page to an award without a round and its past winners', async ({ page }) => {
    await startPageToGotapriset(page);
  });
});

test('the winners archive lists Kalmar 2023 first', async ({ page }) => {
  await page.goto(`${CALL}/vinnare`);
  const rows = page.locator('table.winners tbody tr');
  await expect(rows).toHaveCount(5);
  await expect(rows.first().getByRole('rowheader')).toHaveText('2023');
  await expect(rows.first().getByRole('cell').first()).toHaveText('Kalmar kommun');
  await expect(page.getByRole('row', { name: /2018/ })).toContainText('Sollentuna, Karlskrona, Leksand, Rättvik, Eskilstuna');
});

for (const path of ['/finns-inte', '/utmarkelser/finns-inte']) {
  test(`an unknown address (${path}) answers 404 with a Swedish page and a way back`, async ({ page }) => {
    const response = await page.goto(path);
    expect(response.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sidan finns inte');
    await page.getByRole('link', { name: 'Till startsidan' }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Utmärkelser');
  });
}

test('the skip link is the first stop and moves focus to the content', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Hoppa till huvudinnehållet' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
});

test('keyboard focus is visible as a 3 px outline', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Hoppa till huvudinnehållet' });
  await expect(skip).toHaveCSS('outline-style', 'solid');
  await expect(skip).toHaveCSS('outline-width', '3px');
  const awards = page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Utmärkelser' });
  await awards.focus();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  await expect(awards).toBeFocused();
  await expect(awards).toHaveCSS('outline-style', 'solid');
});

const PUBLIC_PAGES = ['/', CALL, `${CALL}/ansok`, `${CALL}/vinnare`, '/utmarkelser/gotapriset', '/utmarkelser/gotapriset/vinnare'];

for (const width of [320, 768, 1280]) {
  test(`nothing overflows sideways at ${width} px`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    for (const path of PUBLIC_PAGES) await expectReflow(page, path);
  });
}

test('print leaves out the menu and the footer', async ({ page }) => {
  await page.goto('/');
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Huvudmeny' })).toBeHidden();
  await expect(page.locator('footer')).toBeHidden();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});

for (const path of [...PUBLIC_PAGES, '/tillganglighet', '/finns-inte']) {
  test(`${path} loads without console errors and axe, HTML_CodeSniffer and the Nu checker find nothing`, async ({ page }) => {
    const problems = watchConsole(page);
    await page.goto(path);
    await expectAccessible(page);
    // A 404 is reported by the browser as a failed resource load; anything else is a fault.
    expect(problems.filter((p) => !(path === '/finns-inte' && p.includes('404')))).toEqual([]);
  });
}

test('the accessibility statement follows DIGG and a visitor reports a problem, told beside the field what is missing', async ({ page }) => {
  const problems = watchConsole(page);
  await trackFormHydration(page);
  await page.goto('/tillganglighet');
  for (const heading of ['Hur tillgänglig är webbplatsen?', 'Rapportera brister i webbplatsens tillgänglighet', 'Tillsyn']) {
    await expect(page.getByRole('heading', { name: heading })).toBeVisible();
  }
  await expect(page.getByRole('link', { name: 'Anmäl till Digg' })).toHaveAttribute('href', 'https://www.digg.se/tdosanmalan');
  await waitForFormHydration(page, 'synpunkter-form');
  const form = page.getByRole('region', { name: 'Rapportera brister i webbplatsens tillgänglighet' });
  await form.getByLabel('Din e-postadress').fill('eva@');
  await form.getByRole('button', { name: 'Skicka synpunkterna' }).click();
  await expect(form.getByLabel('Vad hindrade dig?')).toHaveAccessibleDescription(/Skriv något här\./);
  await expect(form.getByLabel('Din e-postadress')).toHaveValue('eva@');
  await expectAccessible(page);
  await form.getByLabel('Vad hindrade dig?').fill('Fokus syns inte på knappen i sidfoten.');
  await form.getByLabel('Din e-postadress').fill('eva@exempel.se');
  await form.getByRole('button', { name: 'Skicka synpunkterna' }).click();
  await expect(page.getByText('Tack! Dina synpunkter är skickade till arrangören.')).toBeVisible();
  expect(problems).toEqual([]);
});

test('a visitor can read the portal in English and return to Swedish', async ({ page }) => {
  const problems = watchConsole(page);
  await page.goto(`${CALL}/vinnare`);
  await page.getByRole('link', { name: 'In English' }).click();
  await expect(page).toHaveURL(/\/utmarkelser\/ehalsokommun\/vinnare$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Past winners');
  await expect(page.getByRole('cell', { name: 'Kalmar kommun' })).toHaveAttribute('lang', 'sv');
  const about = page.getByRole('navigation', { name: 'About the award' });
  await expect(about.getByRole('link')).toHaveText(['The call', 'How to apply', 'Past winners']);
  await expect(about.getByRole('link', { name: 'Past winners' })).toHaveAttribute('aria-current', 'page');

  // The choice is remembered.
  await page.goto('/');
  await expect(page).toHaveTitle('Awards – Award portal');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Awards');
  await expect(page.getByRole('navigation', { name: 'Main menu' }).getByRole('link').first()).toHaveText('Awards');
  await page.goto(CALL);
  await expect(page.getByRole('status')).toContainText('Deadline: 15 April 2027, 23:59');
  await expect(page.getByRole('heading', { name: 'Criteria and focus' })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('link', { name: 'På svenska' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
  await expect(page.getByRole('heading', { name: 'Kriterier och inriktning' })).toBeVisible();
  expect(problems).toEqual([]);
});
