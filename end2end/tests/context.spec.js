// The kommun's context, on the demo data (scripts/test.sh serves it on a clock
// after the deadline, the demo round in review): the organiser imports the
// population from a CSV file, first with a bad row, and the demo juror reads
// Mörbylånga's population and what changed since its application last year.
const { test, expect } = require('./helpers');
const { watchConsole, expectAccessible, expectReflow, logIn, env } = require('./helpers');

const demo = () => env('DEMO_BASE_URL', 'scripts/test.sh serves the demo data for these tests');
const DEMO_PASSWORD = 'demo vid Kalmarsund 2027';

test.use({ baseURL: process.env.DEMO_BASE_URL });

test('the organiser imports the population: a bad row is reported and nothing imported, then the file is', async ({ page }) => {
  const problems = watchConsole(page);
  await page.goto(`${demo()}/logga-in`);
  await logIn(page, { email: 'arrangor@demo.example.se', password: DEMO_PASSWORD });
  await expect(page).toHaveURL(/\/konto$/);
  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Kommuner', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kommuner och folkmängd');
  await expectAccessible(page);

  const upload = async (csv) => {
    await page.getByLabel('År som siffrorna gäller').fill('2024');
    await page.getByLabel('Källa').fill('SCB, folkmängd 31 december 2024');
    await page.getByLabel('CSV-fil').setInputFiles({ name: 'folkmangd.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'Importera folkmängden' }).click();
  };
  await upload('Region;Folkmängd\n0114 Upplands Väsby;49 112\n9999 Atlantis;12\n');
  const summary = page.getByRole('alert');
  await expect(summary).toContainText('En rad i filen är felaktig, så ingenting importerades.');
  await expect(summary).toContainText('Rad 3: 9999 är inte kommunkoden för någon av Sveriges 290 kommuner.');
  await expect(page.getByLabel('Källa')).toHaveValue('SCB, folkmängd 31 december 2024');
  const vasby = page.getByRole('row', { name: /Upplands Väsby/ });
  await expect(vasby).toContainText('Saknas');
  await expectAccessible(page);

  await upload('Region;Folkmängd\n0114 Upplands Väsby;49 112\n');
  await expect(page.getByRole('status')).toHaveText('Folkmängden är importerad. Juryn ser de nya siffrorna nu.');
  await expect(vasby).toContainText('49\u00a0112');
  await expect(vasby).toContainText('2024');
  expect(problems).toEqual([]);
});

test('the juror reads Mörbylånga’s population and what changed since last year', async ({ page }) => {
  const problems = watchConsole(page);
  await page.goto(`${demo()}/logga-in`);
  await logIn(page, { email: 'jury@demo.example.se', password: DEMO_PASSWORD });
  await expect(page).toHaveURL(/\/jury$/);
  await page.getByRole('link', { name: 'Mörbylånga', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mörbylånga');

  const about = page.getByRole('region', { name: 'Om kommunen' });
  await expect(about).toContainText('Kalmar län');
  await expect(about).toContainText('15\u00a0900 invånare (2023)');
  await expect(about).toContainText('Källa: SCB, folkmängd 31 december 2023');
  await expect(about.getByRole('link', { name: 'Sveriges eHälsokommun 2026' })).toBeVisible();
  await expectAccessible(page);
  const reading = new URL(page.url()).pathname;

  await about.getByRole('link', { name: 'Vad har ändrats sedan 2026' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mörbylånga: vad har ändrats sedan 2026');
  const use = page.getByRole('region', { name: 'Användning' });
  await expect(use.locator('del').first()).toContainText('40');
  await expect(use.locator('ins').first()).toContainText('140');
  // Not colour alone: each change is named in text for screen readers.
  await expect(use.locator('ins').first()).toContainText('[tillagt:]');
  await expectAccessible(page);
  const changes = new URL(page.url()).pathname;

  await page.getByRole('link', { name: 'Läs hela ansökan från 2026' }).click();
  await expect(page.getByText('Det här är kommunens ansökan från 2026, som den skickades in.')).toBeVisible();
  await expect(page.getByText('Digital nattillsyn används i 40 hem.')).toBeVisible();
  await expectAccessible(page);
  const earlier = new URL(page.url()).pathname;

  // Reflow at 320 px: no sideways scrolling on the new pages.
  await page.setViewportSize({ width: 320, height: 640 });
  for (const path of [reading, changes, earlier]) await expectReflow(page, path);
  expect(problems).toEqual([]);
});

test('the organiser’s kommun page reflows at 320 px', async ({ page }) => {
  await page.goto(`${demo()}/logga-in`);
  await logIn(page, { email: 'arrangor@demo.example.se', password: DEMO_PASSWORD });
  await expect(page).toHaveURL(/\/konto$/);
  await page.setViewportSize({ width: 320, height: 640 });
  await expectReflow(page, '/arrangor/kommuner');
});
