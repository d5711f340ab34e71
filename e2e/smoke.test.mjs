// Smoke test: the built page (dist/) loads, has the right title, and logs no errors.
// Needs `bash scripts/trunk.sh build --release` first (scripts/test.sh does it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServerAndBrowser, collectConsoleErrors, screenshot } from './helpers.mjs';

const env = useServerAndBrowser();

test('page loads with its title and no console errors', { timeout: 60_000 }, async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const errors = collectConsoleErrors(page);
  try {
    const response = await page.goto(env.server.url, { waitUntil: 'load' });
    assert.equal(response?.status(), 200);
    // Let the wasm module fetch, instantiate and render its first frame.
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(500);

    const title = await page.title();
    assert.ok(title.includes('pos-playground'), `title was ${JSON.stringify(title)}`);

    await screenshot(page, 'smoke');
    assert.deepEqual(errors, [], `console errors:\n${errors.join('\n')}`);
  } finally {
    await context.close();
  }
});

test('"Loading…" shows until the app has drawn itself, then goes', { timeout: 60_000 }, async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const errors = collectConsoleErrors(page);
  try {
    // Hold the wasm back: what the page shows meanwhile is the loading line.
    let release;
    const held = new Promise((r) => { release = r; });
    await page.route('**/pos-playground_bg.wasm', async (route) => { await held; await route.continue(); });
    await page.goto(env.server.url, { waitUntil: 'domcontentloaded' });
    assert.equal(await page.locator('#loading').innerText(), 'Loading pos-playground…');
    release();
    await page.waitForSelector('[data-testid=next-forger]');
    await page.waitForSelector('#loading', { state: 'detached' });
    assert.deepEqual(errors, [], `console errors:\n${errors.join('\n')}`);
  } finally {
    await context.close();
  }
});
