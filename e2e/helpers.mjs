// Shared helpers for the end-to-end tests (node:test + playwright-core + Debian's Chromium).
// Never run `playwright install`: the browser is Debian's /usr/bin/chromium.
import { mkdir } from 'node:fs/promises';
import { readlinkSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { before, after } from 'node:test';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer as startStaticServer, DEFAULT_DIST } from './server.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const SCREENSHOT_DIR = path.join(HERE, 'screenshots');
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

// Flags that keep Chromium from reaching hosts this network refuses (and let it run as root).
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/**
 * Launch headless Chromium. `extraArgs` are appended to CHROMIUM_ARGS, e.g.
 * '--disable-features=WebRtcHideLocalIpsWithMdns' for WebRTC tests.
 * @returns {Promise<import('playwright-core').Browser>}
 */
export async function launch({ extraArgs = [], ...options } = {}) {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_ARGS, ...extraArgs],
    ...options,
  });
}

/**
 * Serve dist/ (or `root`) on 127.0.0.1 on a free port.
 * @returns {Promise<{url: string, port: number, close: () => Promise<void>}>}
 */
export async function startServer({ root = DEFAULT_DIST, ...options } = {}) {
  return startStaticServer({ root, ...options });
}

/**
 * Collect console errors and uncaught page errors of `page` into the returned array
 * (strings). Attach before `page.goto`.
 * @param {import('playwright-core').Page} page
 * @returns {string[]}
 */
export function collectConsoleErrors(page) {
  const errors = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') {
      const loc = msg.location();
      const where = loc && loc.url ? ` (${loc.url}:${loc.lineNumber})` : '';
      errors.push(`console.error: ${msg.text()}${where}`);
    }
  });
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.stack || err.message || err}`));
  page.on('crash', () => errors.push('page crashed'));
  return errors;
}

/**
 * Save a full-page PNG to e2e/screenshots/<name>.png and return its path.
 * @param {import('playwright-core').Page} page
 * @param {string} name
 */
export async function screenshot(page, name) {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const safe = String(name).replace(/[^A-Za-z0-9._-]+/g, '_');
  const file = path.join(SCREENSHOT_DIR, safe.endsWith('.png') ? safe : `${safe}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/**
 * Registers node:test `before`/`after` hooks that start the static server and Chromium once for
 * a test file and close them at the end. Returns an object whose `server` and `browser` are set
 * once the hooks ran.
 * @returns {{server?: {url: string, close: () => Promise<void>}, browser?: import('playwright-core').Browser}}
 */
export function useServerAndBrowser(launchOptions = {}) {
  const env = {};
  before(async () => {
    env.server = await startServer();
    env.browser = await launch(launchOptions);
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}

/**
 * Whether this process runs inside e2e/netns.sh's network namespace: another namespace than
 * the one the script started from, holding only loopback and its veth pair. The WebRTC and
 * class-server tests run only there, so no ICE traffic leaves the machine.
 */
export function insideOwnNamespace() {
  const outer = process.env.POS_NETNS_OUTER;
  if (process.env.POS_NETNS !== '1' || !outer) return false;
  let here;
  try {
    here = readlinkSync('/proc/self/ns/net');
  } catch {
    return false;
  }
  const names = Object.keys(networkInterfaces());
  return here !== outer && names.every((n) => ['lo', 'pos-veth0', 'pos-veth1'].includes(n));
}

/** Waits until `fn` holds on `page` (polled every 200 ms), or fails naming `what`. */
export async function waitFor(page, what, fn, arg, timeout = 40_000) {
  await page.waitForFunction(fn, arg, { timeout, polling: 200 }).catch((e) => {
    throw new Error(`timed out waiting for ${what}: ${e.message}`);
  });
}

/** Brings the fairness lab's place into view, which fetches the lab's own module, and waits
 * for the lab (src/edge/lab.rs). */
export async function showLab(page) {
  await page.waitForFunction(() => window.playground && document.querySelector('[data-testid=fairness]'));
  await page.locator('[data-testid=fairness]').scrollIntoViewIfNeeded();
  await page.locator('[data-testid=lab-stakes]').waitFor({ timeout: 30_000 });
}

/** Two purchases and two stakes on a four-node page, and the blocks that carry them. */
export async function someBlocks(page) {
  await page.evaluate(() => {
    playground.submit(1, { kind: 'exchange', amount: 60 });
    playground.submit(2, { kind: 'exchange', amount: 40 });
  });
  await waitFor(page, 'the purchases', () => playground.nodes()[1].balance >= 60 && playground.nodes()[2].balance >= 40);
  await page.evaluate(() => {
    playground.submit(1, { kind: 'stake', amount: 30 });
    playground.submit(2, { kind: 'stake', amount: 20 });
  });
  await waitFor(page, 'the stakes', () => playground.nodes()[1].stake >= 30 && playground.nodes()[2].stake >= 20);
}
