// The privacy notice anyone reads, and the organisers' gallring page: the
// periods checked beside each field, the dry run's list, and both pages
// scanned with axe, HTML_CodeSniffer and the Nu checker and read at 320 px without sideways scrolling.
const { test, expect } = require('./helpers');
const {
  watchConsole,
  expectAccessible,
  expectReflow,
  trackFormHydration,
  waitForFormHydration,
  createConfirmedAccount,
  logInOrganiser,
} = require('./helpers');

test('the privacy notice says what is kept, why and how long, with the ways to one\'s own data', async ({ page }) => {
  const problems = watchConsole(page);
  await page.goto('/');
  await page.getByRole('contentinfo').getByRole('link', { name: 'Personuppgifter' }).click();
  await expect(page).toHaveURL(/\/integritet$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Så hanterar vi personuppgifter');
  for (const heading of ['Ditt konto', 'Ansökningar', 'Juryns arbete', 'Logg', 'Dina rättigheter']) {
    await expect(page.getByRole('heading', { name: heading, exact: true })).toBeVisible();
  }
  await expect(page.getByText(/En inloggning upphör efter 2 timmar utan aktivitet/)).toBeVisible();
  await expect(page.getByRole('link', { name: 'Mina uppgifter' })).toHaveAttribute('href', '/konto/mina-uppgifter');
  await expect(page.getByRole('link', { name: 'Radera kontot' })).toHaveAttribute('href', '/konto/radera');
  await expect(page.getByRole('link', { name: 'Integritetsskyddsmyndigheten (IMY)' })).toHaveAttribute('href', /imy\.se/);
  await expectAccessible(page);
  await page.setViewportSize({ width: 320, height: 640 });
  await expectReflow(page, '/integritet');
  expect(problems).toEqual([]);
});

test('an organiser sets the retention periods, told beside the field what is wrong, and sees the dry run', async ({ page, browser }) => {
  // A confirmed sign-up leaves a used e-mailed link: something the run would remove now.
  await createConfirmedAccount(browser, 'Gallra');
  const problems = watchConsole(page);
  await trackFormHydration(page);
  await page.goto('/logga-in');
  await logInOrganiser(page);
  await expect(page).toHaveURL(/\/konto$/);
  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Gallring' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Gallring');
  await waitForFormHydration(page, 'gallring');

  const applications = page.getByLabel('Ansökningar utan utmärkelse, månader efter offentliggörandet');
  const personal = page.getByLabel('Personuppgifter, månader efter offentliggörandet');
  await expect(applications).toHaveAccessibleDescription(/Standard: 12 månader/);
  await applications.fill('0');
  await personal.fill('24');
  await page.getByRole('button', { name: 'Spara gallringstider' }).click();
  await expect(applications).toHaveAccessibleDescription(/Ange ett helt antal månader, från 1 till 120\./);
  await expect(applications).toHaveValue('0');
  await expectAccessible(page);

  await applications.fill('12');
  await personal.fill('30');
  await page.getByRole('button', { name: 'Spara gallringstider' }).click();
  await expect(page.getByRole('status')).toHaveText('Gallringstiderna är sparade.');
  await expect(personal).toHaveValue('30');

  const dryRun = page.getByRole('region', { name: 'Det som skulle gallras nu' });
  await expect(dryRun.getByRole('rowheader', { name: 'Använda eller utgångna e-postlänkar (raderas)' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Tidigare gallringar' })).toBeVisible();
  await expectAccessible(page);
  await page.setViewportSize({ width: 320, height: 640 });
  await expectReflow(page, '/arrangor/gallring');

  await page.goto('/integritet');
  await expect(page.getByText(/Namnen i dem avidentifieras 30 månader efter händelsen/)).toBeVisible();
  expect(problems).toEqual([]);
});
