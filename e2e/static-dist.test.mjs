// A teacher without Rust serves a dist/ built elsewhere with any static file server, and a
// class opens it at the teacher's address: here Python's `http.server`, and an address that
// is not localhost (a host name mapped to this machine's loopback inside Chromium only), so
// the page is not a secure context, as on http://<teacher's address>:8080/.
// Needs `bash scripts/trunk.sh build --release` first (scripts/test.sh does it) and python3.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { launch, collectConsoleErrors, screenshot } from './helpers.mjs';
import { DEFAULT_DIST } from './server.mjs';

// The browser resolves this name to 127.0.0.1: no traffic leaves the machine.
const CLASS_HOST = 'teacher.classroom.test';

let python;
let port;
let browser;

before(async () => {
  // Port 0: the system picks a free one, which http.server prints.
  python = spawn('python3', ['-u', '-m', 'http.server', '--bind', '127.0.0.1', '--directory', DEFAULT_DIST, '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  python.stdout.setEncoding('utf8');
  python.stdout.on('data', (d) => { out += d; });
  const deadline = Date.now() + 10_000;
  while (!/port (\d+)/.test(out)) {
    if (python.exitCode !== null || Date.now() > deadline) throw new Error(`http.server did not start: ${out}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  port = Number(out.match(/port (\d+)/)[1]);
  browser = await launch({ extraArgs: [`--host-resolver-rules=MAP ${CLASS_HOST} 127.0.0.1`] });
});

after(async () => {
  await browser?.close();
  if (python && python.exitCode === null) {
    python.kill();
    await once(python, 'exit');
  }
});

test("dist/index.html is a clean release build: no trunk live-reload script or placeholder", () => {
  const html = readFileSync(path.join(DEFAULT_DIST, 'index.html'), 'utf8');
  assert.doesNotMatch(html, /__TRUNK|\{\{|trunk\/ws|\.well-known\/trunk/i);
  assert.doesNotMatch(html, /new WebSocket/);
});

test('python3 -m http.server serves the wasm as application/wasm, and the worker file', async () => {
  const wasm = await fetch(`http://127.0.0.1:${port}/pos-playground_bg.wasm`);
  assert.equal(wasm.status, 200);
  assert.equal(wasm.headers.get('content-type'), 'application/wasm');
  const bytes = new Uint8Array(await wasm.arrayBuffer());
  assert.deepEqual([...bytes.subarray(0, 4)], [0, 0x61, 0x73, 0x6d]);
  for (const file of ['lottery_worker_loader.js', 'pos-playground.js']) {
    const r = await fetch(`http://127.0.0.1:${port}/${file}`);
    assert.equal(r.status, 200, file);
    assert.match(r.headers.get('content-type'), /javascript/, file);
  }
});

test("at the teacher's address (not a secure context) the page runs, its worker draws, and Copy copies", { timeout: 120_000 }, async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  const errors = collectConsoleErrors(page);
  // A page outside a class opens no WebSocket at all; trunk's live reload opened one that
  // failed every 5 s on a static server.
  const sockets = [];
  page.on('websocket', (ws) => {
    sockets.push(ws.url());
    ws.on('socketerror', (e) => errors.push(`WebSocket ${ws.url()} failed: ${e}`));
  });
  try {
    await page.goto(`http://${CLASS_HOST}:${port}/`);
    await page.waitForFunction(() => window.playground && document.querySelector('[data-testid=lottery-python]'));
    assert.equal(await page.evaluate(() => window.isSecureContext), false);
    // Browsers have no Clipboard API here: the old code threw a TypeError on every Copy.
    assert.equal(await page.evaluate(() => navigator.clipboard), undefined);

    // The lottery worker (a module worker importing the page's module) runs from this server.
    const bench = await page.evaluate(() => playground.bench({ lots: [1000], runs: 1 }));
    assert.equal(bench.length, 1, JSON.stringify(bench));
    assert.equal(bench[0].lots, 1000);
    assert.ok(bench[0].lotsPerSecond > 0, JSON.stringify(bench));

    // "Copy" beside the Python snippet: the snippet is selected and copied with the older
    // copy command; the page says so.
    await page.evaluate(() => {
      window.copied = null;
      document.addEventListener('copy', () => { window.copied = String(document.getSelection()); });
    });
    await page.locator('[data-testid=copy-python]').click();
    const note = page.locator('[data-testid=copy-python-note]');
    await note.waitFor();
    // (A selection of a <pre> leaves out its last line break.)
    const snippet = (await page.textContent('[data-testid=lottery-python]')).trimEnd();
    assert.equal((await page.evaluate(() => String(document.getSelection()))).trimEnd(), snippet);
    assert.equal((await page.evaluate(() => window.copied)).trimEnd(), snippet);
    assert.equal(await note.getAttribute('data-copied'), 'true');
    assert.equal(await note.innerText(), 'Copied.');
    await screenshot(page, 'teacher-address-copy');
    assert.deepEqual(sockets, [], 'no WebSocket');
    assert.deepEqual(errors, [], `console errors:\n${errors.join('\n')}`);
  } finally {
    await context.close();
  }
});
