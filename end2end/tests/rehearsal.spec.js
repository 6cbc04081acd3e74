// A full-size round, from closing to the embargoed announcement: 30 submitted
// applications and a jury of six (`portal seed-demo --full-round`), on a
// database of its own. The organiser closes applications and starts the
// review; one juror's employer is an applying kommun, and he confirms the jäv;
// the six score every application they may (by the same server function as
// the review form, for speed), so that two applications share the fifth place,
// the nominee cut, until the round's tie rule settles it. The organiser reads
// the ranking, records the decision, the jury writes and signs off the
// motivations (a change clears a sign-off), the round is decided and announced
// under embargo until the ceremony: nothing is public a second before it, the
// winner page and the outcome mail at it. Axe, HTML_CodeSniffer and the Nu checker scan every new page on the way.
const { test, expect } = require('./helpers');
const {
  watchConsole,
  expectAccessible,
  waitForFormHydration,
  logIn,
  newPage,
  env,
  readOutbox,
  expectReflow,
  takeStep,
  openMotivation,
  writeMotivation,
  signMotivation,
} = require('./helpers');

test.describe.configure({ mode: 'serial' });

const why = 'scripts/test.sh serves a rehearsal round (portal seed-demo --full-round) on clocks of its own';
const reviewUrl = () => env('REHEARSAL_URL', why);
const beforeUrl = () => env('REHEARSAL_BEFORE_URL', why);
const ceremonyUrl = () => env('REHEARSAL_CEREMONY_URL', why);
const outbox = () => env('REHEARSAL_OUTBOX_DIR', why);

// The demo accounts' password (README: "Try it").
const DEMO_PASSWORD = 'demo vid Kalmarsund 2027';
const ORGANISER = 'arrangor@demo.example.se';
const JURORS = {
  jonas: 'jury@demo.example.se',
  lena: 'jury2@demo.example.se',
  karin: 'jury3@demo.example.se',
  omar: 'jury4@demo.example.se',
  sofia: 'jury5@demo.example.se',
  per: 'jury6@demo.example.se',
};
const CRITERIA = [
  'inflytande', 'arbetssatt', 'utvecklingssteg', 'resultat',
  'omrade-ledning', 'omrade-infrastruktur', 'omrade-kompetens', 'omrade-anvandning',
];

/** Scores on the eight criteria (inflytande weighs 2) whose weighted total over 9 is `n` / 9, inflytande 3. */
function spread(n) {
  const rest = n - 2 * 3;
  const base = Math.floor(rest / 7);
  return [3, ...Array.from({ length: 7 }, (_, i) => base + (i < rest % 7 ? 1 : 0))];
}

// The jury's plan, the same from every juror: Mörbylånga first; Borgholm,
// Landskrona and Tjörn next; Skara (4 on inflytande, 2 on arbetssätt) and
// Härnösand (3 and 4) both at 28 / 9, sharing the fifth place until the tie
// rule (inflytande first) puts Skara in; every other application below, each
// on a total of its own. Lena scored Mörbylånga, Västervik and Oskarshamn in
// the seed (4, 3 and 2 on everything).
const NAMED = {
  Mörbylånga: [4, 4, 4, 4, 4, 4, 4, 4],
  Borgholm: [4, 4, 4, 3, 3, 3, 3, 3],
  Landskrona: [4, 4, 3, 3, 3, 3, 3, 3],
  Tjörn: [4, 3, 3, 3, 3, 3, 3, 3],
  Skara: [4, 2, 3, 3, 3, 3, 3, 3],
  Härnösand: [3, 4, 3, 3, 3, 3, 3, 3],
  Västervik: [3, 3, 3, 3, 3, 3, 3, 3],
  Oskarshamn: [2, 2, 2, 2, 2, 2, 2, 2],
};

/** Each kommun's scores; Sofia adds 1 on the last criterion where `lift` is set, so every other total differs. */
function plan(kommuner) {
  const rest = kommuner.filter((k) => !(k in NAMED)).sort((a, b) => a.localeCompare(b, 'sv'));
  const totals = [];
  for (let n = 26; totals.length < rest.length; n--) {
    for (const lift of [1, 0]) if (!(n === 18 && lift === 0)) totals.push({ n, lift });
  }
  const scores = { ...Object.fromEntries(Object.entries(NAMED).map(([k, v]) => [k, { scores: v, lift: 0 }])) };
  rest.forEach((kommun, i) => { scores[kommun] = { scores: spread(totals[i].n), lift: totals[i].lift }; });
  return scores;
}

/** A juror's review posted as the review form posts it without JavaScript, marked done; fails unless the portal says so. */
async function postReview(page, application, scores, recommendation) {
  const url = new URL(`/api/save_review`, reviewUrl()).href;
  const csrf = (await page.context().cookies()).find((c) => c.name === 'portal_csrf').value;
  const form = { csrf, application, version: '0', recommendation, action: 'klar' };
  CRITERIA.forEach((slug, i) => { form[`score[${slug}]`] = String(scores[i]); });
  const headers = { Origin: reviewUrl(), Referer: `${reviewUrl()}/jury/ansokan/${application}`, Accept: 'text/html' };
  const answer = await page.request.post(url, { form, headers, maxRedirects: 0 });
  expect(answer.status(), `${application}`).toBe(303);
  expect(answer.headers().location).toContain('klart=bedomning-klar');
}

let organiser;
const jurors = {};
let problems = [];
/** The 30 applications by kommun: their ids on the jury's pages. */
let applications = {};

test.beforeAll(async ({ browser }) => {
  organiser = await newPage(browser, reviewUrl());
  problems = watchConsole(organiser);
  await logIn(organiser, { email: ORGANISER, password: DEMO_PASSWORD });
  await expect(organiser.getByRole('link', { name: 'Logga ut' }).or(organiser.getByRole('button', { name: 'Logga ut' }))).toBeVisible();
  for (const [name, email] of Object.entries(JURORS)) {
    jurors[name] = await newPage(browser, reviewUrl());
    await logIn(jurors[name], { email, password: DEMO_PASSWORD });
    await expect(jurors[name]).toHaveURL(/\/jury$/);
  }
});

test.afterAll(() => {
  expect(problems).toEqual([]);
});

test('the organiser closes the applications of a full round and starts the review', async () => {
  await takeStep(organiser, 'Stäng ansökan');
  await takeStep(organiser, 'Starta bedömningen');
  await organiser.goto('/arrangor/ansokningar');
  await expect(organiser.getByText('30 inskickade, 1 utkast.')).toBeVisible();
  await jurors.jonas.goto('/jury');
  const links = jurors.jonas.locator('table tbody th[scope="row"] a');
  await expect(links).toHaveCount(30);
  for (const link of await links.all()) {
    applications[(await link.textContent()).trim()] = (await link.getAttribute('href')).split('/').pop();
  }
  expect(Object.keys(applications)).toEqual(expect.arrayContaining(Object.keys(NAMED)));
  await expectAccessible(jurors.jonas);
});

test('a juror employed by an applying kommun confirms the jäv before reading it', async () => {
  const per = jurors.per;
  await per.goto('/jury/jav');
  await waitForFormHydration(per, 'arbetsgivare');
  const employer = per.locator('#arbetsgivare');
  await employer.getByLabel('En kommun', { exact: true }).check();
  await employer.getByLabel('Kommun (om arbetsgivaren är en kommun)').fill('Landskrona');
  await employer.getByRole('button', { name: 'Spara arbetsgivaren' }).click();
  await expect(per.getByText('Angiven arbetsgivare: kommunen Landskrona.')).toBeVisible();
  await per.goto(`/jury/ansokan/${applications.Landskrona}`);
  await expect(per.getByRole('heading', { name: 'Troligt jäv' })).toBeVisible();
  await waitForFormHydration(per, 'trolig-jav');
  await per.getByLabel('Ja, jag har jäv och bedömer inte ansökan').check();
  await per.getByLabel('Skäl').fill('Jag arbetar på Landskronas socialförvaltning.');
  await per.getByRole('button', { name: 'Skicka svaret' }).click();
  await expect(per.getByRole('status')).toHaveText('Jävet är bekräftat. Du bedömer inte den kommunens ansökan och ser inget av juryns arbete med den.');
  await expect(per.getByRole('row', { name: /^Landskrona/ })).toContainText('Jäv anmält');
});

test('six jurors score every application they may; the ranking shows the tie at the nominee cut settled by the rule', async () => {
  test.setTimeout(120_000);
  const scores = plan(Object.keys(applications));
  for (const [name, page] of Object.entries(jurors)) {
    for (const [kommun, id] of Object.entries(applications)) {
      if (name === 'per' && kommun === 'Landskrona') continue;
      if (name === 'lena' && ['Mörbylånga', 'Västervik', 'Oskarshamn'].includes(kommun)) continue;
      const { scores: given, lift } = scores[kommun];
      const mine = name === 'sofia' && lift ? [...given.slice(0, 7), given[7] + 1] : given;
      await postReview(page, id, mine, given[0] + given[1] >= 6 ? 'nominera' : 'nej');
    }
  }
  await jurors.jonas.goto('/jury');
  await expect(jurors.jonas.getByText('Du har bedömt 30 av 30 ansökningar.')).toBeVisible();

  await organiser.goto('/arrangor/rangordning');
  const rows = organiser.locator('table.ranking tbody tr');
  await expect(rows).toHaveCount(30);
  const firstSix = [];
  for (let i = 0; i < 6; i++) firstSix.push((await rows.nth(i).getByRole('rowheader').getByRole('link').textContent()).trim());
  expect(firstSix).toEqual(['Mörbylånga', 'Borgholm', 'Landskrona', 'Tjörn', 'Skara', 'Härnösand']);
  const ties = organiser.getByRole('region', { name: 'Delade platser' });
  await expect(ties).toContainText('Skara (medel 4,00 på kriteriet) blir 5');
  await expect(ties).toContainText('Härnösand (medel 3,00 på kriteriet) blir 6');
  await expect(ties).toContainText('Avgjort av regeln.');
  await expect(ties).not.toContainText('juryn avgör');
  await expect(organiser.getByText('De 5 främsta – nomineringsgränsen – är desamma med alla tre metoderna.')).toBeVisible();
  await expectAccessible(organiser);
});

test('the organiser records the decision; the jury writes the motivations and each juror signs them off', async () => {
  test.setTimeout(180_000);
  await organiser.goto('/arrangor/beslut');
  await waitForFormHydration(organiser, 'beslut');
  await expect(organiser.getByRole('region', { name: 'Jäv i beslutet' }))
    .toContainText('Per Jurymedlem – Landskrona: Jag arbetar på Landskronas socialförvaltning.');
  const choose = async (kommun, outcome) => {
    await organiser.getByRole('group', { name: new RegExp(`^${kommun} \\(SE-`) }).getByLabel(outcome).check();
  };
  await choose('Mörbylånga', 'Vinnare');
  for (const kommun of ['Borgholm', 'Landskrona', 'Tjörn', 'Skara']) await choose(kommun, 'Finalist (nominerad)');
  await choose('Härnösand', 'Hedersomnämnande');
  await organiser.getByRole('button', { name: 'Spara beslutet' }).click();
  await expect(organiser.getByText('Beslutet är sparat.')).toBeVisible();

  const motivations = {
    Mörbylånga: 'Mörbylånga låter brukarna välja sin välfärdsteknik och samarbetar över sundet.',
    Borgholm: 'Borgholm har byggt ut tryggheten i hemmen under året.',
    Landskrona: 'Landskrona har gjort välfärdstekniken till en del av vardagen.',
    Tjörn: 'Tjörn visar att en liten kommun kan ta stora steg.',
    Skara: 'Skara sätter invånarnas inflytande först.',
    Härnösand: 'Härnösand har ett arbetssätt som andra kan lära av.',
  };
  for (const [kommun, text] of Object.entries(motivations)) await writeMotivation(organiser, kommun, text);
  await organiser.goto('/jury/motiveringar');
  await expectAccessible(organiser);
  const before = organiser.viewportSize();
  for (const width of [320, 640]) {
    await organiser.setViewportSize({ width, height: 800 });
    for (const path of ['/jury/motiveringar', `/jury/motiveringar/${applications.Skara}`]) await expectReflow(organiser, path);
  }
  await organiser.setViewportSize(before);


  // Per stands aside for Landskrona: before the announcement he sees no outcome at all, and signs nothing.
  await jurors.per.goto('/jury/motiveringar');
  await expect(jurors.per.getByText('Du har jäv för en kommun i omgången', { exact: false })).toBeVisible();
  await expect(jurors.per.getByRole('link', { name: 'Landskrona' })).toHaveCount(0);
  await expect(jurors.per.getByRole('link', { name: 'Mörbylånga' })).toHaveCount(0);
  const signers = Object.entries(jurors).filter(([name]) => name !== 'per').map(([, page]) => page);

  for (const page of signers) {
    for (const kommun of Object.keys(motivations)) await signMotivation(page, kommun);
  }
  // Karin sharpens the winner's motivation after everyone signed it: every sign-off is cleared, and said so.
  await writeMotivation(jurors.karin, 'Mörbylånga', `${motivations.Mörbylånga} Ett föredöme för hela landet.`,
    'Godkännandena av den förra versionen gäller inte längre');
  await openMotivation(jurors.jonas, 'Mörbylånga');
  await expect(jurors.jonas.getByText('Du godkände version 1. Texten har ändrats sedan dess', { exact: false })).toBeVisible();
  await expectAccessible(jurors.jonas);
  await organiser.goto('/arrangor/omgang');
  await expect(organiser.getByText('Motiveringen för Mörbylånga är inte godkänd av', { exact: false })).toBeVisible();
  for (const page of signers) await signMotivation(page, 'Mörbylånga');
  await organiser.goto('/jury/motiveringar');
  await expect(organiser.getByRole('row', { name: /Mörbylånga/ })).toContainText('5 av 5');
  await expect(organiser.getByRole('row', { name: /Landskrona/ })).toContainText('5 av 5');
});

test('decided and announced under embargo: nothing public a second before the ceremony, the winner and the mail at it', async ({ browser }) => {
  await takeStep(organiser, 'Fatta beslut');
  await takeStep(organiser, 'Offentliggör vinnaren', async () => {
    await expect(organiser.getByLabel('Embargo till (datum och klockslag, frivilligt)')).toHaveValue('2027-05-12T18:00');
  });
  await expect(organiser.getByText('Beslutet ligger under embargo till 12 maj 2027 kl. 18.00. Då syns det på webbplatsen och alla kommuner som ansökt får sitt besked med e-post, av sig självt. Ingen har fått besked ännu.', { exact: true })).toBeVisible();
  await expectAccessible(organiser);

  const winner = 'Mörbylånga låter brukarna välja sin välfärdsteknik och samarbetar över sundet. Ett föredöme för hela landet.';
  for (const url of [reviewUrl(), beforeUrl()]) {
    const visitor = await newPage(browser, url);
    await visitor.goto('/utmarkelser/ehalsokommun/vinnare');
    await expect(visitor.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(visitor.getByText(winner)).toHaveCount(0);
    await visitor.goto('/utmarkelser/ehalsokommun');
    await expect(visitor.getByText('Läs juryns motiveringar')).toHaveCount(0);
    await visitor.context().close();
  }

  const visitor = await newPage(browser, ceremonyUrl());
  await visitor.goto('/utmarkelser/ehalsokommun');
  const decision = visitor.getByRole('region', { name: 'Sveriges eHälsokommun 2027: juryns beslut' });
  await expect(decision.getByRole('list', { name: 'Vinnare' })).toHaveText('Mörbylånga');
  await expectAccessible(visitor);
  await visitor.goto('/utmarkelser/ehalsokommun/vinnare');
  await expect(visitor.getByText(winner)).toBeVisible();
  await expect(visitor.getByText('Skara sätter invånarnas inflytande först.')).toBeVisible();
  await expectAccessible(visitor);
  await visitor.context().close();

  // The ceremony's portal sends the outcome mail by itself, the chosen kommuner's first: at 18.00.00 the winner's
  // has gone; the kommuner not chosen are due a second later, and that clock stands still at 18.00.00.
  const outcome = (to) => readOutbox(outbox()).find((m) => m.to.includes(to) && m.subject.endsWith('juryns beslut'));
  await expect.poll(() => outcome('sokande@morbylanga.demo.example.se')?.text ?? '', { timeout: 15_000 })
    .toContain('Grattis! Mörbylånga har vunnit Sveriges eHälsokommun 2027.');
  await expect.poll(() => outcome('sokande.1495@demo.example.se')?.text ?? '', { timeout: 15_000 })
    .toContain('Skara är en av finalisterna i Sveriges eHälsokommun 2027.');
  expect(outcome('sokande@oskarshamn.demo.example.se')).toBeUndefined();
});
