// Playwright's global setup: starts the W3C Nu HTML checker (vnu.jar from the
// npm package vnu-jar) once for the whole run, as an HTTP service on loopback,
// and stops it again afterwards. tests/helpers.js (expectAccessible) posts the
// HTML the portal sent for every page state it checks to NU_CHECKER_URL.
// One JVM for the run: starting one per page would cost seconds each.
const { spawn, spawnSync } = require('node:child_process');
const net = require('node:net');
const vnuJar = require('vnu-jar');

const STARTUP_MS = 90_000;

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

module.exports = async function startNuChecker() {
  // Java from the machine (scripts/test.sh installs default-jre-headless), never
  // the runtime vnu-jar's own helper would download.
  if (spawnSync('java', ['-version']).error) {
    throw new Error('java is not on PATH: the Nu HTML checker (vnu.jar) needs it; scripts/test.sh installs default-jre-headless');
  }
  const port = await freePort();
  const checker = spawn(
    'java',
    [
      // Loopback only: the checker answers nobody else.
      '-Dnu.validator.servlet.bind-address=127.0.0.1',
      // The checker's parser recurses; its documentation advises a larger stack.
      '-Xss1m',
      // Every message, not the first 1000: Leptos's hydration markers alone pass
      // that on a long page, and the checker would stop there ("Too many messages").
      '-Dnu.validator.messages.limit=1000000',
      '-cp',
      String(vnuJar),
      'nu.validator.servlet.Main',
      String(port),
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const keep = (chunk) => {
    output = (output + chunk).slice(-4000);
  };
  checker.stdout.on('data', keep);
  checker.stderr.on('data', keep);
  let exited = null;
  checker.on('exit', (code, signal) => {
    exited = `exited (${signal || code})`;
  });

  const url = `http://127.0.0.1:${port}/`;
  const deadline = Date.now() + STARTUP_MS;
  for (;;) {
    if (exited) throw new Error(`the Nu HTML checker ${exited} before it answered:\n${output}`);
    try {
      if ((await fetch(url)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      checker.kill('SIGKILL');
      throw new Error(`the Nu HTML checker did not answer on ${url} within ${STARTUP_MS / 1000} s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  // The workers start after global setup and inherit this.
  process.env.NU_CHECKER_URL = url;

  // Global teardown.
  return async () => {
    if (exited) return;
    const gone = new Promise((resolve) => checker.once('exit', resolve));
    checker.kill('SIGTERM');
    const timer = setTimeout(() => checker.kill('SIGKILL'), 5_000);
    await gone;
    clearTimeout(timer);
  };
};
