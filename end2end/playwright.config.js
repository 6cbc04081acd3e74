// Browser tests run against a real portal that scripts/test.sh starts; they use
// Debian's Chromium, never a downloaded browser.
const { defineConfig } = require('@playwright/test');

if (!process.env.BASE_URL) {
  throw new Error('BASE_URL is not set: run scripts/test.sh, which starts the portal for these tests');
}

module.exports = defineConfig({
  testDir: './tests',
  // The W3C Nu HTML checker, one service on loopback for the run (tests/helpers.js, expectAccessible).
  globalSetup: require.resolve('./nu-checker.js'),
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  // The shared round's story: the organiser opens it first; the jury's story
  // moves it from open to announced, which would close it under the other
  // tests, so it runs after them. The rehearsal round has a database of its own.
  projects: [
    { name: 'opening', testMatch: /opening\.spec\.js/ },
    { name: 'portal', testIgnore: /(jury|opening|rehearsal)\.spec\.js/, dependencies: ['opening'] },
    { name: 'jury', testMatch: /jury\.spec\.js/, dependencies: ['portal'] },
    { name: 'rehearsal', testMatch: /rehearsal\.spec\.js/ },
  ],
  use: {
    baseURL: process.env.BASE_URL,
    locale: 'sv-SE',
    timezoneId: 'Europe/Stockholm',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});
