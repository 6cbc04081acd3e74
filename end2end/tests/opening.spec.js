// The round's story begins here: the seeded 2027 round is a draft nobody
// sees (scripts/test.sh starts from such a database). The organiser edits it,
// is told beside the field what is wrong, saves it, looks at the jury's
// criteria for it, and opens it; only then do the award's page and its card
// on the start page show it.
// The other projects apply to and judge this round, so it runs first.
const { test, expect } = require('./helpers');
const { expectAccessible, waitForFormHydration, newPage, logInOrganiser } = require('./helpers');

/** The award's card on the start page. */
const ehalsokommunCard = (page) =>
  page.locator('article.award-card').filter({ has: page.getByRole('heading', { level: 2, name: 'Sveriges eHälsokommun', exact: true }) });

test('the organiser edits the seeded round while it is a draft nobody sees, then opens it', async ({ browser }) => {
  const visitor = await newPage(browser, process.env.BASE_URL);
  await visitor.goto('/utmarkelser/ehalsokommun');
  await expect(visitor.getByText('Det finns ingen utlyst omgång just nu.')).toBeVisible();
  await visitor.goto('/');
  await expect(ehalsokommunCard(visitor)).toContainText('Ingen utlyst omgång just nu');

  const organiser = await newPage(browser, process.env.BASE_URL);
  await logInOrganiser(organiser);
  await expect(organiser).not.toHaveURL(/logga-in/);
  await organiser.goto('/arrangor/omgangar');
  await organiser.getByRole('link', { name: 'Redigera utkastet' }).click();
  await expect(organiser.getByRole('heading', { level: 1 })).toHaveText('Redigera utkastet');
  await waitForFormHydration(organiser, 'utkast');
  await expectAccessible(organiser);

  const form = organiser.locator('#utkast');
  const ledning = form.getByRole('group', { name: 'Ledning', exact: true });
  const limit = ledning.getByLabel('Högst antal tecken');
  await expect(limit).toHaveValue('6000');
  const partners = form.getByLabel('Partner', { exact: true });
  const before = await partners.inputValue();
  await partners.fill(`${before}\nInera`);
  await limit.fill('50');
  await form.getByRole('button', { name: 'Spara utkastet' }).click();
  // Said beside the field, without a reload, and nothing typed is lost.
  await expect(limit).toHaveAccessibleDescription(/Skriv antalet tecken som ett tal mellan 100 och 50 000\./);
  await expect(partners).toHaveValue(/\nInera$/);
  await expectAccessible(organiser);
  await limit.fill('6000');
  await form.getByRole('button', { name: 'Spara utkastet' }).click();
  await expect(organiser.getByText('Utkastet är sparat.')).toBeVisible();

  // The jury's criteria, weights and scale of the draft, on its own settings page.
  await organiser.getByRole('link', { name: 'Juryns kriterier, vikter och skala för omgången' }).click();
  await expect(organiser.locator('p.lead')).toHaveText('Sveriges eHälsokommun 2027');
  await expect(organiser.getByRole('button', { name: 'Stäng bedömningen' })).toHaveCount(0);
  await expect(organiser.getByRole('group', { name: /^Inflytande och delaktighet/ })).toBeVisible();
  // The tie rule is written before the review begins: by default the criterion that weighs most.
  const tieRule = organiser.getByRole('group', { name: 'Vid delad plats avgör' });
  await expect(tieRule.getByLabel('Högst medelpoäng på ”Inflytande och delaktighet”')).toBeChecked();
  await expect(tieRule.getByLabel('Juryn (ingen regel)')).not.toBeChecked();
  await expectAccessible(organiser);

  await visitor.goto('/utmarkelser/ehalsokommun');
  await expect(visitor.getByText('Det finns ingen utlyst omgång just nu.')).toBeVisible();

  await organiser.goto('/arrangor/omgangar');
  await waitForFormHydration(organiser, 'oppna-omgang');
  await organiser.locator('#oppna-omgang').getByLabel('Jag har läst vad steget innebär och vill ta det.').check();
  await organiser.getByRole('button', { name: 'Öppna omgången' }).click();
  await expect(organiser.getByText('Omgången är öppnad och syns nu på webbplatsen.')).toBeVisible();

  await visitor.goto('/');
  await expect(ehalsokommunCard(visitor)).toContainText('Ansökan är öppen till 15 april 2027 kl. 23.59');
  await ehalsokommunCard(visitor).getByRole('link', { name: 'Sveriges eHälsokommun', exact: true }).click();
  await expect(visitor).toHaveURL(/\/utmarkelser\/ehalsokommun$/);
  await expect(visitor.getByRole('heading', { level: 1 })).toHaveText('Sveriges eHälsokommun 2027');
  await expect(visitor.getByRole('listitem').filter({ hasText: /^Inera$/ })).toBeVisible();
  await expectAccessible(visitor);

  await organiser.goto('/arrangor/logg');
  await expect(organiser.getByRole('cell', { name: 'Ändrade utkastet Sveriges eHälsokommun 2027' })).toBeVisible();
  await expect(organiser.getByRole('cell', { name: 'Utkast → Öppen' })).toBeVisible();
  for (const page of [visitor, organiser]) await page.context().close();
});
