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
