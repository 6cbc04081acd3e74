// The round's story after the deadline: the organiser closes applications,
// starts the review and invites two jurors, who declare jäv, score against the
// criteria, comment, mark done, see each other's scores only after their own
// review is done, discuss, and propose for nomination. The organiser reads the
// ranking, records the decision and announces it; the public pages then show
// the winner and the jury's motivation. Axe, HTML_CodeSniffer and the Nu checker scan every page on the way.
//
// Three kommuner write and submit on the open clock (BASE_URL); everything else
// happens on the same database served on a clock after the deadline
// (CLOSED_BASE_URL), where the review is open. The steps build on each other.
const { test, expect } = require('./helpers');
const {
  PASSWORD,
  watchConsole,
  expectAccessible,
  waitForFormHydration,
  waitForMailLink,
  logIn,
  uniqueEmail,
  createConfirmedAccount,
  newPage,
  env,
  logInOrganiser,
  tabTo,
  chooseByKeyboard,
  typeInto,
  expectReflow,
  expectFocusNeverCovered,
  takeStep,
  openMotivation,
  writeMotivation,
  signMotivation,
} = require('./helpers');

test.describe.configure({ mode: 'serial' });

const closedUrl = () => env('CLOSED_BASE_URL', 'scripts/test.sh starts a second portal after the deadline');

const saved = /^Sparat kl\. \d\d\.\d\d\.$/;

/** A kommun's applicant writes every part and submits, before the deadline. */
async function submitApplication(browser, who, kommun, ledning) {
  const account = await createConfirmedAccount(browser, who, kommun);
  const page = await newPage(browser, process.env.BASE_URL);
  try {
    await logIn(page, account);
    await expect(page).toHaveURL(/\/ansokan$/);
    await waitForFormHydration(page, 'ansokan');
    const parts = {
      Ledning: ledning,
      Infrastruktur: `${kommun} har trygghetslarm och nattkameror i alla hem som vill.`,
      Kompetens: 'Alla i hemtjänsten har gått utbildningen i välfärdsteknik.',
      Användning: 'Digitala tillsynsbesök varje natt.',
      Sammanfattning: `${kommun} gör det digitala till vardag.`,
      Namn: account.name,
      'Titel eller roll': 'Digitaliseringsstrateg',
      'E-postadress': account.email,
      Telefonnummer: '0372-789 00',
    };
    for (const [label, text] of Object.entries(parts)) {
      await page.getByRole('textbox', { name: label, exact: true }).fill(text);
    }
    await expect(page.locator('#sparstatus')).toHaveText(saved);
    await page.getByRole('link', { name: 'Skicka in ansökan' }).click();
    await waitForFormHydration(page, 'skicka-in');
    await page.getByRole('button', { name: 'Skicka in ansökan' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ansökan är inskickad');
  } finally {
    await page.context().close();
  }
}

/** The organiser invites a juror to the 2027 round on "Personer". */
async function inviteJuror(organiser, name) {
  const juror = { name, email: uniqueEmail(name.split(' ')[0].toLowerCase()), password: PASSWORD };
  await organiser.goto('/arrangor/personer');
  await waitForFormHydration(organiser, 'bjud-in');
  const form = organiser.locator('#bjud-in');
  await form.getByLabel('Namn').fill(juror.name);
  await form.getByLabel('E-postadress').fill(juror.email);
  await form.getByLabel('jurymedlem').check();
  await form.getByLabel('Sveriges eHälsokommun 2027').check();
  await form.getByRole('button', { name: 'Skicka inbjudan' }).click();
  await expect(organiser.getByRole('cell', { name: juror.email, exact: true })).toBeVisible();
  return juror;
}

/** The juror opens the invitation mail, chooses a password and logs in: lands on the jury's list. */
async function acceptInvitation(browser, juror) {
  const link = await waitForMailLink(juror.email, 'inbjudan', { base: closedUrl() });
  const page = await newPage(browser, closedUrl());
  await page.goto(link);
  await waitForFormHydration(page, 'inbjudan');
  await page.getByLabel('Lösenord').fill(juror.password);
  await page.getByRole('button', { name: 'Skapa konto' }).click();
  await expect(page).toHaveURL(/\/logga-in\?klart=konto-skapat$/);
  await logIn(page, juror);
  await expect(page).toHaveURL(/\/jury$/);
  return page;
}

/** The row of the jury's list for this kommun. */
function listRow(page, kommun) {
  return page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: kommun, exact: true }) });
}

/** The text of the kommun's row of the list (navigates to /jury). */
async function listRowText(page, kommun) {
  await page.goto('/jury');
  return listRow(page, kommun).textContent();
}

/** Opens the kommun's application from the jury's list, with the review form hydrated when there is one. */
async function openFromList(page, kommun) {
  await page.goto('/jury');
  await listRow(page, kommun).getByRole('link', { name: kommun, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(kommun);
}

/** Every criterion scored with the step `label`, and the recommendation chosen. */
async function score(page, label, recommendation) {
  const criteria = page.locator('#bedomning fieldset.score');
  await expect(criteria).toHaveCount(8);
  for (let i = 0; i < 8; i++) await criteria.nth(i).getByLabel(label, { exact: true }).check();
  await page.getByRole('group', { name: 'Rekommendation' }).getByLabel(recommendation, { exact: true }).check();
}

/** Marks done every review on the juror's list not done yet: the jury's decision is theirs to read only then. */
async function finishOwnReviews(page) {
  for (const status of ['ej-paborjad', 'utkast']) {
    for (;;) {
      await page.goto(`/jury?status=${status}`);
      const next = page.locator('tbody th[scope="row"] a').first();
      if ((await next.count()) === 0) break;
      await next.click();
      await waitForFormHydration(page, 'bedomning-form');
      await score(page, '2 – Godtagbart', 'Kanske');
      await page.getByRole('button', { name: 'Klar', exact: true }).click();
      await expect(page).toHaveURL(/klart=bedomning-klar#bedomning$/);
    }
  }
}

/** The cells of the jury's score table, row by row, as text. */
async function scoreTable(page) {
  const rows = page.locator('#juryn table tr');
  const cells = [];
  for (let i = 0; i < (await rows.count()); i++) {
    cells.push((await rows.nth(i).locator('th, td').allTextContents()).map((c) => c.trim()));
  }
  return cells;
}

let organiser;
let juni;
let jens;
let problems = [];

test.beforeAll(async ({ browser }) => {
  test.setTimeout(120_000);
  await submitApplication(browser, 'Lova', 'Ljungby', 'Ljungbys kommunstyrelse följer planen varje kvartal.');
  await submitApplication(browser, 'Mats', 'Markaryd', 'Markaryd har en digitaliseringsplan sedan 2024.');
  await submitApplication(browser, 'Alma', 'Älmhult', 'Älmhult har samlat all välfärdsteknik i en plan.');

  organiser = await newPage(browser, closedUrl());
  await logInOrganiser(organiser);
  await expect(organiser).not.toHaveURL(/logga-in/);
  // The deadline has passed on this clock: the organiser closes applications and starts the review.
  await takeStep(organiser, 'Stäng ansökan');
  await takeStep(organiser, 'Starta bedömningen');
  const juniAccount = await inviteJuror(organiser, 'Juni Jurysson');
  const jensAccount = await inviteJuror(organiser, 'Jens Jurysson');
  juni = await acceptInvitation(browser, juniAccount);
  jens = await acceptInvitation(browser, jensAccount);
  problems = [watchConsole(juni), watchConsole(jens)];
});

test.afterAll(async () => {
  for (const page of [organiser, juni, jens]) await page?.context().close();
});

test('the jury sees the submitted applications, declares jäv with a clear message for a wrong kommun', async () => {
  // Opened after both jurors are on the round.
  await juni.goto('/jury');
  await expect(listRow(juni, 'Ljungby')).toContainText('Ej påbörjad');
  await expect(listRow(juni, 'Markaryd')).toContainText('Ej påbörjad');
  await expect(listRow(juni, 'Ljungby')).toContainText('0 / 2');
  await expectAccessible(juni);

  await juni.getByRole('link', { name: 'Anmäl jäv' }).click();
  await expect(juni.getByRole('heading', { level: 1 })).toHaveText('Jäv');
  await waitForFormHydration(juni, 'jav');
  await expect(juni.getByText('Du har inte anmält något jäv.')).toBeVisible();
  await expectAccessible(juni);
  const declare = juni.locator('#jav');
  await declare.getByLabel('Kommun').fill('Atlantis');
  await juni.getByLabel('Skäl').fill('Min arbetsgivare.');
  await juni.getByRole('button', { name: 'Anmäl jäv' }).click();
  await expect(declare.getByLabel('Kommun')).toHaveAccessibleDescription(/Det finns ingen kommun som heter ”Atlantis”\./);
  await expect(juni.getByLabel('Skäl')).toHaveValue('Min arbetsgivare.');
  await expectAccessible(juni);

  await declare.getByLabel('Kommun').fill('Markaryd');
  await juni.getByRole('button', { name: 'Anmäl jäv' }).click();
  await expect(juni).toHaveURL(/\/jury\/jav\?klart=jav-anmalt$/);
  await expect(juni.getByText(/^Markaryd: Min arbetsgivare\. \(anmält /)).toBeVisible();

  await juni.goto('/jury');
  await expect(listRow(juni, 'Markaryd')).toContainText('Jäv anmält');
  await openFromList(juni, 'Markaryd');
  await expect(juni.getByText('Du har anmält jäv för Markaryd.', { exact: false })).toBeVisible();
  await expect(juni.getByText('Markaryd har en digitaliseringsplan sedan 2024.', { exact: false })).toHaveCount(0);
  await expect(juni.getByRole('radio')).toHaveCount(0);
  await expect(juni.getByRole('button', { name: 'Föreslå för nominering' })).toHaveCount(0);
  await expectAccessible(juni);

  // Her employer is the kommun Ljungby: the portal flags Ljungby before she reads it.
  await juni.goto('/jury/jav');
  await waitForFormHydration(juni, 'arbetsgivare');
  const employer = juni.locator('#arbetsgivare');
  await employer.getByLabel('En kommun', { exact: true }).check();
  await employer.getByLabel('Kommun (om arbetsgivaren är en kommun)').fill('Ljungby');
  await employer.getByRole('button', { name: 'Spara arbetsgivaren' }).click();
  await expect(juni.getByText('Angiven arbetsgivare: kommunen Ljungby.')).toBeVisible();
  await expectAccessible(juni);
  await juni.goto('/jury');
  await expect(listRow(juni, 'Ljungby')).toContainText('Troligt jäv: svara först');
  await openFromList(juni, 'Ljungby');
  await expect(juni.getByRole('heading', { name: 'Troligt jäv' })).toBeVisible();
  await expect(juni.getByText('Ljungbys kommunstyrelse följer planen varje kvartal.')).toHaveCount(0);
  await waitForFormHydration(juni, 'trolig-jav');
  await expectAccessible(juni);
  await juni.getByRole('button', { name: 'Skicka svaret' }).click();
  await expect(juni.getByRole('group', { name: 'Har du jäv för den här ansökan?' }))
    .toHaveAccessibleDescription(/Välj om du har jäv eller inte\./);
  await juni.getByLabel('Nej, det är inte jäv').check();
  await juni.getByLabel('Skäl').fill('Jag arbetar i kommunens skolförvaltning, inte med omsorgen.');
  await juni.getByRole('button', { name: 'Skicka svaret' }).click();
  await expect(juni.getByText('Du har svarat att det inte är jäv.', { exact: false })).toBeVisible();
  await expect(juni.getByText('Ljungbys kommunstyrelse följer planen varje kvartal.')).toBeVisible();
});

test('a juror scores with autosave, is told what "Klar" still needs, and marks the review done', async () => {
  await openFromList(juni, 'Ljungby');
  await waitForFormHydration(juni, 'bedomning-form');
  await expect(juni.locator('#juryn')).toContainText('Du ser de andra jurymedlemmarnas poäng');
  await expect(juni.locator('#diskussion')).toHaveCount(0);
  await expectAccessible(juni);

  await juni.getByLabel('Kommentar till juryn').fill('Stark ledning med tydliga mål.');
  await juni.getByRole('button', { name: 'Klar', exact: true }).click();
  const criteria = juni.locator('#bedomning fieldset.score');
  await expect(criteria.first()).toContainText('Ge en poäng här innan du markerar bedömningen som klar.');
  await expect(juni.getByRole('group', { name: 'Rekommendation' })).toContainText('Välj en rekommendation: nominera, kanske eller nej.');
  await expect(juni.getByLabel('Kommentar till juryn')).toHaveValue('Stark ledning med tydliga mål.');
  await expectAccessible(juni);

  await score(juni, '4 – Mycket gott', 'Nominera');
  await juni.getByLabel('Egen anteckning').fill('Fråga om nattkamerorna.');
  await expect(juni.locator('.save-status')).toHaveText(saved);

  // Saved without pressing anything: a reload shows it all.
  await juni.reload();
  await waitForFormHydration(juni, 'bedomning-form');
  await expect(criteria.nth(7).getByLabel('4 – Mycket gott')).toBeChecked();
  await expect(juni.getByLabel('Nominera', { exact: true })).toBeChecked();
  await expect(juni.getByLabel('Egen anteckning')).toHaveValue('Fråga om nattkamerorna.');
  await expect(juni.getByLabel('Kommentar till juryn')).toHaveValue('Stark ledning med tydliga mål.');

  // A reload answered before the last save landed: from here no save of this page reaches
  // the server, the one sent on leaving it among them, yet the reloaded form shows the
  // newest work and sends it. (One that lands late changes nothing, so it is acknowledged:
  // the integration tests check that order.)
  await juni.getByLabel('Egen anteckning').fill('Fråga om nattkamerorna och larmen.');
  await juni.evaluate(() => { window.fetch = () => new Promise(() => {}); });
  await juni.reload();
  await waitForFormHydration(juni, 'bedomning-form');
  await expect(juni.getByLabel('Egen anteckning')).toHaveValue('Fråga om nattkamerorna och larmen.');
  await expect(criteria.nth(7).getByLabel('4 – Mycket gott')).toBeChecked();
  await expect(juni.locator('.save-status')).toHaveText(saved);
  expect(await juni.evaluate(() => sessionStorage.length)).toBe(0);
  await juni.reload();
  await waitForFormHydration(juni, 'bedomning-form');
  await expect(juni.getByLabel('Egen anteckning')).toHaveValue('Fråga om nattkamerorna och larmen.');
  expect(await listRowText(juni, 'Ljungby')).toContain('Utkast');

  await openFromList(juni, 'Ljungby');
  await waitForFormHydration(juni, 'bedomning-form');
  await juni.getByRole('button', { name: 'Klar', exact: true }).click();
  await expect(juni).toHaveURL(/klart=bedomning-klar#bedomning$/);
  await expect(juni.getByText('Bedömningen är klar. Nu ser du juryns poäng, kommentarer och diskussion.')).toBeVisible();
  await expect(criteria.first().getByLabel('4 – Mycket gott')).toBeDisabled();
  // The inactive radios are faint: the choice is said in text too.
  await expect(criteria.first()).toContainText('Du valde: 4 – Mycket gott');
  await expect(juni.getByRole('group', { name: 'Rekommendation' })).toContainText('Du valde: Nominera');
  await expect(juni.locator('#juryn')).toContainText('Ingen annan i juryn har gjort sin bedömning klar än.');
  await expect(juni.getByRole('heading', { name: 'Diskussion' })).toBeVisible();
  await expectAccessible(juni);
});

test("the second juror sees nothing of the first one's work until done, then everything but the private note", async () => {
  await openFromList(jens, 'Ljungby');
  await waitForFormHydration(jens, 'bedomning-form');
  // Tab through the whole form: no score, field or link ends up under the sticky save bar.
  expect(await expectFocusNeverCovered(jens)).toBeGreaterThan(10);
  await expect(jens.locator('#juryn')).toContainText('Du ser de andra jurymedlemmarnas poäng');
  // Not on the page, and not in the data the page hydrates from either.
  expect(await jens.content()).not.toContain('Stark ledning med tydliga mål.');
  await expect(jens.locator('#diskussion')).toHaveCount(0);

  await score(jens, '2 – Godtagbart', 'Kanske');
  await jens.getByLabel('Kommentar till juryn').fill('Infrastrukturen är tunn utanför centralorten.');
  await expect(jens.locator('.save-status')).toHaveText(saved);
  await jens.getByRole('button', { name: 'Klar', exact: true }).click();
  await expect(jens).toHaveURL(/klart=bedomning-klar#bedomning$/);

  const table = await scoreTable(jens);
  expect(table[0]).toEqual(['Kriterium', 'Din bedömning', 'Juni Jurysson', 'Medel']);
  for (const row of table.slice(1, 9)) expect(row.slice(1)).toEqual(['2', '4', '3,0']);
  expect(table[9]).toEqual(['Rekommendation', 'Kanske', 'Nominera', 'Nominera: 1 · Kanske: 1 · Nej: 0']);
  await expect(jens.locator('#juryn')).toContainText('Viktat medelvärde: 3,0');
  await expect(jens.locator('#juryn')).toContainText('2 klara bedömningar räknas');
  await expect(jens.locator('#juryn .comments')).toContainText('Juni Jurysson');
  await expect(jens.locator('#juryn .comments')).toContainText('Stark ledning med tydliga mål.');
  expect(await jens.content()).not.toContain('nattkamerorna');
  await expectAccessible(jens);

  await waitForFormHydration(jens, 'diskussion-form');
  await jens.getByLabel('Skriv ett inlägg till juryn').fill('Ska vi nominera Ljungby? Ledningen är stark.');
  await jens.getByRole('button', { name: 'Publicera' }).click();
  await expect(jens).toHaveURL(/klart=inlagg#diskussion$/);
  await expect(jens.locator('#diskussion .posts')).toContainText('Jens Jurysson');
  await expect(jens.locator('#diskussion .posts')).toContainText('Ska vi nominera Ljungby? Ledningen är stark.');

  // Juni, done before Jens, now sees his scores, his comment and his post.
  await openFromList(juni, 'Ljungby');
  const juniTable = await scoreTable(juni);
  expect(juniTable[0]).toEqual(['Kriterium', 'Din bedömning', 'Jens Jurysson', 'Medel']);
  expect(juniTable[1].slice(1)).toEqual(['4', '2', '3,0']);
  await expect(juni.locator('#juryn .comments')).toContainText('Infrastrukturen är tunn utanför centralorten.');
  await expect(juni.locator('#diskussion .posts')).toContainText('Ska vi nominera Ljungby?');
  await waitForFormHydration(juni, 'diskussion-form');
  await juni.getByLabel('Skriv ett inlägg till juryn').fill('Ja, jag föreslår den.');
  await juni.getByRole('button', { name: 'Publicera' }).click();
  await expect(juni.locator('#diskussion .posts li')).toHaveCount(2);
  expect(await listRowText(juni, 'Ljungby')).toMatch(/Klar.*2 \/ 2/);
});

test('a juror with jäv sees none of the jury’s work on that kommun, nor counts in it', async () => {
  // Jens reviews Markaryd with the keyboard alone: Tab from group to group, arrow keys to score.
  await jens.goto('/jury');
  await tabTo(jens, listRow(jens, 'Markaryd').getByRole('link', { name: 'Markaryd', exact: true }));
  await jens.keyboard.press('Enter');
  await expect(jens.getByRole('heading', { level: 1 })).toHaveText('Markaryd');
  await waitForFormHydration(jens, 'bedomning-form');
  const criteria = jens.locator('#bedomning fieldset.score');
  await expect(criteria).toHaveCount(8);
  for (let i = 0; i < 8; i++) await chooseByKeyboard(jens, criteria.nth(i), '5 – Utmärkt');
  await chooseByKeyboard(jens, jens.getByRole('group', { name: 'Rekommendation' }), 'Nominera');
  await typeInto(jens, jens.getByLabel('Kommentar till juryn'), 'Markaryd har kommit längst av alla.');
  await expect(jens.locator('.save-status')).toHaveText(saved);
  await tabTo(jens, jens.getByRole('button', { name: 'Klar', exact: true }));
  await jens.keyboard.press('Enter');
  await expect(jens).toHaveURL(/klart=bedomning-klar#bedomning$/);
  // Juni's jäv leaves her out: Jens is the only one counted, and the only column.
  expect((await scoreTable(jens))[0]).toEqual(['Kriterium', 'Din bedömning', 'Medel']);
  await expect(jens.locator('#juryn')).toContainText('1 klar bedömning räknas');

  await openFromList(juni, 'Markaryd');
  expect(await juni.content()).not.toContain('Markaryd har kommit längst av alla.');
  await expect(juni.locator('#juryn')).toHaveCount(0);
  await expect(juni.locator('#diskussion')).toHaveCount(0);
});

test('undoing "Klar" hides the others again until the review is done anew', async () => {
  await openFromList(juni, 'Ljungby');
  await waitForFormHydration(juni, 'bedomning-form');
  // She has seen the jury's work: reopening asks why, beside the field.
  await juni.getByRole('button', { name: 'Ångra Klar' }).click();
  await expect(juni.getByLabel('Varför öppnar du bedömningen igen?')).toHaveAccessibleDescription(
    /Skriv varför du öppnar bedömningen igen/,
  );
  await juni.getByLabel('Varför öppnar du bedömningen igen?').fill('Jag vill läsa infrastrukturen en gång till.');
  await juni.getByRole('button', { name: 'Ångra Klar' }).click();
  await expect(juni).toHaveURL(/klart=bedomning-oppnad#bedomning$/);
  await expect(juni.locator('#bedomning fieldset.score').first().getByLabel('4 – Mycket gott')).toBeEnabled();
  await expect(juni.locator('#juryn')).toContainText('Du ser de andra jurymedlemmarnas poäng');
  expect(await juni.content()).not.toContain('Infrastrukturen är tunn utanför centralorten.');
  await waitForFormHydration(juni, 'bedomning-form');
  await juni.getByRole('button', { name: 'Klar', exact: true }).click();
  await expect(juni).toHaveURL(/klart=bedomning-klar#bedomning$/);
  await expect(juni.locator('#juryn .comments')).toContainText('Infrastrukturen är tunn utanför centralorten.');
});

test('jurors propose for nomination and the shortlist orders by proposals', async () => {
  await openFromList(jens, 'Ljungby');
  await waitForFormHydration(jens, 'kortlista-form');
  await jens.getByRole('button', { name: 'Föreslå för nominering' }).click();
  await expect(jens.getByText('Ansökan är föreslagen för nominering.')).toBeVisible();
  await expect(jens.getByText('Du har föreslagit ansökan för nominering.')).toBeVisible();

  await jens.goto('/jury/kortlista');
  await expect(jens.getByRole('heading', { level: 1 })).toHaveText('Kortlista');
  const first = jens.locator('table tbody tr').first();
  await expect(first.getByRole('rowheader')).toHaveText('Ljungby');
  await expect(first).toContainText('1 / 2');
  await expect(first).toContainText('3,0');
  await expectAccessible(jens);

  await juni.goto('/jury/kortlista');
  await expect(listRow(juni, 'Markaryd')).toContainText('Jäv anmält');
  await expect(listRow(juni, 'Markaryd')).not.toContainText('5,0');
  await expectAccessible(juni);
});

test('the print view holds the application text alone', async () => {
  await openFromList(juni, 'Ljungby');
  await juni.getByRole('link', { name: 'Utskriftsvänlig version' }).click();
  await expect(juni).toHaveURL(/\/utskrift$/);
  await expect(juni.getByRole('heading', { level: 1 })).toHaveText('Ljungby');
  await expect(juni.getByText('Ljungbys kommunstyrelse följer planen varje kvartal.')).toBeVisible();
  await expect(juni.getByRole('radio')).toHaveCount(0);
  await expectAccessible(juni);
  expect(problems.flat()).toEqual([]);
});

test("the organiser sees each juror's work and every declared jäv, reads the jury's scores and the ranking", async () => {
  await organiser.goto('/arrangor/bedomning');
  await expect(organiser.getByText('Bedömningen pågår.')).toBeVisible();
  await expect(organiser.getByText(/Juni Jurysson: Markaryd: Min arbetsgivare\. \(anmält /)).toBeVisible();
  await expect(organiser.getByText(/^Juni Jurysson – Ljungby \(arbetsgivare: kommunen Ljungby\): inte jäv: Jag arbetar i kommunens skolförvaltning/)).toBeVisible();
  const juniRow = organiser.getByRole('row').filter({ has: organiser.getByRole('rowheader', { name: 'Juni Jurysson' }) });
  await expect(juniRow.getByRole('cell').last()).toHaveText('1');
  await expectAccessible(organiser);

  await openFromList(organiser, 'Ljungby');
  await expect(organiser.getByRole('heading', { name: 'Juryns bedömningar' })).toBeVisible();
  await expect(organiser.getByRole('radio')).toHaveCount(0);
  expect((await scoreTable(organiser))[0]).toEqual(['Kriterium', 'Jens Jurysson', 'Juni Jurysson', 'Medel']);
  expect(await organiser.content()).not.toContain('nattkamerorna');
  await expectAccessible(organiser);

  // The ranking: Jens's totals are Ljungby 2 and Markaryd 5; Juni scored Ljungby 4 and is left
  // out of Markaryd. With two reviews and one, neither has a scale of their own: every total is
  // read on the jury's (mean 11/3, σ 1,247). Normalised: Markaryd 1,07, Ljungby (−1,34 + 0,27) / 2.
  await organiser.getByRole('link', { name: 'Rangordning' }).click();
  await expect(organiser.getByRole('heading', { level: 1 })).toHaveText('Rangordning');
  const ranked = organiser.locator('table.ranking tbody tr');
  await expect(ranked.nth(0).getByRole('rowheader')).toContainText('Markaryd');
  await expect(ranked.nth(0)).toContainText('jäv');
  await expect(ranked.nth(0).locator('td').nth(-3)).toHaveText('1,07');
  await expect(ranked.nth(1).getByRole('rowheader')).toContainText('Ljungby');
  await expect(ranked.nth(1).locator('td').nth(-3)).toHaveText('−0,53');
  // Schulze: Jens put Markaryd before Ljungby; Juni compared nothing.
  await expect(ranked.nth(0).locator('td').last()).toHaveText('1');
  await expect(ranked.nth(1).locator('td').last()).toHaveText('2');
  const methods = organiser.getByRole('region', { name: 'Tre sätt att räkna' });
  await expect(methods).toContainText('färre än 3 klara bedömningar: Jens Jurysson, Juni Jurysson.');
  await expect(methods).toContainText('De 5 främsta – nomineringsgränsen – är desamma med alla tre metoderna.');
  const ties = organiser.getByRole('region', { name: 'Delade platser' });
  await expect(ties).toContainText('Vid delad plats: högst medelpoäng på ”Inflytande och delaktighet”, sedan juryns beslut.');
  await expect(ties).toContainText('Ingen plats är delad med någon metod.');
  await expectAccessible(organiser);
});

test('the jury’s and the organiser’s pages need no sideways scrolling at 320 px and at 200 % zoom', async () => {
  await openFromList(juni, 'Ljungby');
  const review = new URL(juni.url()).pathname;
  const pages = [
    [juni, ['/jury', review, `${review}/utskrift`, '/jury/jav', '/jury/kortlista', '/jury/motiveringar']],
    [organiser, ['/arrangor/omgang', '/arrangor/bedomning', '/arrangor/ansokningar', '/arrangor/personer',
      '/arrangor/beslut', '/arrangor/laspaket', '/arrangor/logg', '/arrangor/omgangar', '/arrangor/rangordning',
      '/arrangor/tillganglighet']],
  ];
  for (const [page, paths] of pages) {
    const before = page.viewportSize();
    for (const width of [320, 640]) {
      await page.setViewportSize({ width, height: 800 });
      for (const path of paths) await expectReflow(page, path);
    }
    await page.setViewportSize(before);
  }
});

test('the organiser records the decision, announces it, and the public pages show the winner with the motivation', async ({ browser }) => {
  await organiser.getByRole('link', { name: 'Läspaket' }).click();
  await expect(organiser.getByRole('heading', { level: 1 })).toHaveText('Juryns läspaket');
  await expect(organiser.getByRole('heading', { level: 2, name: 'Ljungby' })).toBeVisible();
  await expect(organiser.getByText('Ljungbys kommunstyrelse följer planen varje kvartal.')).toBeVisible();
  await expectAccessible(organiser);

  await organiser.goto('/arrangor/beslut');
  await waitForFormHydration(organiser, 'beslut');
  await expect(organiser.getByRole('region', { name: 'Jäv i beslutet' })).toContainText('Juni Jurysson – Markaryd: Min arbetsgivare.');
  await expectAccessible(organiser);
  const ljungby = organiser.getByRole('group', { name: /^Ljungby \(SE-2027-/ });
  const markaryd = organiser.getByRole('group', { name: /^Markaryd \(SE-2027-/ });
  await ljungby.getByLabel('Vinnare').check();
  await markaryd.getByLabel('Finalist (nominerad)').check();
  await organiser.getByRole('button', { name: 'Spara beslutet' }).click();
  await expect(organiser.getByText('Beslutet är sparat.')).toBeVisible();
  // The organiser drafts Markaryd's motivation; Ljungby has none yet: the round cannot be decided.
  await writeMotivation(organiser, 'Markaryd', 'Markaryd har tagit stora steg under året.');
  await expectAccessible(organiser);
  await organiser.goto('/arrangor/omgang');
  await expect(organiser.getByText('Skriv juryns motivering.')).toBeVisible();

  // Jens has reviews of his own left: he reads no outcome until they are done, so that it cannot sway them.
  await jens.goto('/jury/motiveringar');
  await expect(jens.getByText('när du har gjort klart alla dina egna granskningar', { exact: false })).toBeVisible();
  await expect(jens.getByRole('link', { name: 'Ljungby' })).toHaveCount(0);
  await expectAccessible(jens);
  await finishOwnReviews(jens);

  // Jens writes Ljungby's and signs it; the organiser's change clears his sign-off, and both are told.
  await writeMotivation(jens, 'Ljungby', 'Ljungby sätter invånarna främst.');
  await signMotivation(jens, 'Ljungby');
  await writeMotivation(organiser, 'Ljungby', 'Ljungby sätter invånarnas inflytande främst.',
    'Godkännandena av den förra versionen gäller inte längre');
  await openMotivation(jens, 'Ljungby');
  await expect(jens.getByText('Du godkände version 1. Texten har ändrats sedan dess', { exact: false })).toBeVisible();
  await expect(jens.getByRole('region', { name: 'Alla versioner (2)' })).toContainText('Version 1, skriven av Jens Jurysson');
  await expectAccessible(jens);
  // Juni has jäv for Markaryd: before the announcement she sees no outcome at all (Ljungby's row
  // without Markaryd's would tell her whether Markaryd won), and signs nothing.
  await juni.goto('/jury/motiveringar');
  await expect(juni.getByText('Du har jäv för en kommun i omgången', { exact: false })).toBeVisible();
  await expect(juni.getByRole('link', { name: 'Markaryd' })).toHaveCount(0);
  await expect(juni.getByRole('link', { name: 'Ljungby' })).toHaveCount(0);
  await expectAccessible(juni);
  await organiser.goto('/arrangor/omgang');
  await expect(organiser.getByText('Motiveringen för Ljungby är inte godkänd av', { exact: false })).toBeVisible();
  for (const kommun of ['Ljungby', 'Markaryd']) await signMotivation(jens, kommun);
  await organiser.goto('/jury/motiveringar');
  await expect(organiser.getByRole('row', { name: /Ljungby/ })).toContainText('1 av 1');
  await expect(organiser.getByRole('row', { name: /Markaryd/ })).toContainText('1 av 1');
  await expectAccessible(organiser);

  // Nothing is public before the announcement.
  const visitor = await newPage(browser, closedUrl());
  await visitor.goto('/utmarkelser/ehalsokommun/vinnare');
  await expect(visitor.getByText('Ljungby sätter invånarnas inflytande främst.')).toHaveCount(0);

  await takeStep(organiser, 'Fatta beslut');
  await expectAccessible(organiser);
  // The ranking is frozen with the decision, and says when.
  await organiser.goto('/arrangor/rangordning');
  await expect(organiser.getByText('Rangordningen frystes när juryn beslutade, 16 april 2027 kl. 00.00.', { exact: false })).toBeVisible();
  await expect(organiser.locator('table.ranking tbody tr').nth(0).getByRole('rowheader')).toContainText('Markaryd');
  await expectAccessible(organiser);
  // The announcement offers the ceremony as its embargo; emptied, it is public now.
  await takeStep(organiser, 'Offentliggör vinnaren', async () => {
    await expect(organiser.getByLabel('Embargo till (datum och klockslag, frivilligt)')).toHaveValue('2027-05-12T18:00');
    await organiser.getByLabel('Embargo till (datum och klockslag, frivilligt)').fill('');
  });
  await expect(organiser.getByText('Omgången är avslutad. Det finns inget nästa steg.')).toBeVisible();

  await visitor.goto('/utmarkelser/ehalsokommun');
  const decision = visitor.getByRole('region', { name: 'Sveriges eHälsokommun 2027: juryns beslut' });
  await expect(decision.getByRole('list', { name: 'Vinnare' })).toHaveText('Ljungby');
  await expectAccessible(visitor);
  await decision.getByRole('link', { name: 'Läs juryns motiveringar' }).click();
  await expect(visitor).toHaveURL(/\/utmarkelser\/ehalsokommun\/vinnare$/);
  await expect(visitor.getByText('Ljungby sätter invånarnas inflytande främst.')).toBeVisible();
  await expect(visitor.getByText('Markaryd har tagit stora steg under året.')).toBeVisible();
  await expect(visitor.getByRole('row').filter({ hasText: '2027' })).toContainText('Ljungby');
  await expectAccessible(visitor);
  await visitor.context().close();

  await organiser.goto('/arrangor/logg');
  await expect(organiser.getByRole('cell', { name: 'Beslutad → Offentliggjord' })).toBeVisible();
  await expectAccessible(organiser);

  // The accessibility statement's page, with the feedback a visitor sent from the public page.
  await organiser.getByRole('link', { name: 'Tillgänglighet', exact: true }).click();
  await expect(organiser.getByRole('heading', { level: 1 })).toHaveText('Tillgänglighetsredogörelse');
  await expect(organiser.getByRole('cell', { name: 'Fokus syns inte på knappen i sidfoten.' })).toBeVisible();
  await expectAccessible(organiser);
});

test('after the announcement the organiser copies the round for next year and opens it', async ({ browser }) => {
  await organiser.getByRole('link', { name: 'Omgångar' }).click();
  await expect(organiser.getByRole('heading', { level: 1 })).toHaveText('Omgångar');
  await waitForFormHydration(organiser, 'ny-omgang');
  await expectAccessible(organiser);
  const form = organiser.locator('#ny-omgang');
  await form.getByLabel('År').fill('2028');
  await form.getByLabel('Namn').fill('Sveriges eHälsokommun 2028');
  await form.getByLabel('Öppnar (datum)').fill('2027-11-01');
  await form.getByLabel('Sista ansökningsdag (datum)').fill('2027-10-01');
  await form.getByLabel('Utdelning (datum och klockslag)').fill('2028-05-10T18:00');
  await form.getByLabel('Plats för utdelningen').fill('Svenska Mässan, Göteborg');
  await form.getByRole('button', { name: 'Skapa omgången' }).click();
  // Said beside the field, without a reload, and nothing typed is lost.
  await expect(form.getByLabel('Sista ansökningsdag (datum)')).toHaveAccessibleDescription(/Sista ansökningsdag måste komma efter öppningsdagen\./);
  await expect(form.getByLabel('Plats för utdelningen')).toHaveValue('Svenska Mässan, Göteborg');
  await expectAccessible(organiser);
  await form.getByLabel('Sista ansökningsdag (datum)').fill('2028-04-14');
  await form.getByRole('button', { name: 'Skapa omgången' }).click();
  await expect(organiser.getByText('Den nya omgången är skapad som utkast.')).toBeVisible();

  // A draft is not public: the visitor still sees 2027 and its winner.
  const visitor = await newPage(browser, closedUrl());
  await visitor.goto('/utmarkelser/ehalsokommun');
  await expect(visitor.getByRole('heading', { level: 1 })).toHaveText('Sveriges eHälsokommun 2027');

  await waitForFormHydration(organiser, 'oppna-omgang');
  await organiser.locator('#oppna-omgang').getByLabel('Jag har läst vad steget innebär och vill ta det.').check();
  await organiser.getByRole('button', { name: 'Öppna omgången' }).click();
  await expect(organiser.getByText('Omgången är öppnad och syns nu på webbplatsen.')).toBeVisible();
  await visitor.goto('/utmarkelser/ehalsokommun');
  await expect(visitor.getByRole('heading', { level: 1 })).toHaveText('Sveriges eHälsokommun 2028');
  await expectAccessible(visitor);
  await visitor.context().close();
});
