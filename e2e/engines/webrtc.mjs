// WebRTC across engines, inside the test's own network namespace (bash e2e/netns.sh runs this
// file; elsewhere it skips):
//   - a Chromium page and a Firefox page link by pasted invitation and answer, and a chain of
//     500 blocks made in the inviting page syncs to the other over the link, in pieces no
//     larger than 16 KiB (and the peer's maxMessageSize), then blocks flow both ways; once
//     Chromium to Firefox, once Firefox to Chromium;
//   - the class server with one page of each engine (Chromium, Firefox, WebKit) in one class:
//     one network with no pasting, WebRTC between Chromium and Firefox, blocks reach all.
// Needs the release build (dist/), the class server (cargo build -p pos-class) and the
// browsers of scripts/setup.sh test.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { insideOwnNamespace } from '../helpers.mjs';
import { startServer, REPO_ROOT, DEFAULT_DIST } from '../server.mjs';
import { ENGINES, COLLECTOR_TAG, openBrowser, missingTools, stopDisplay } from './driver.mjs';

const missing = ENGINES.flatMap(missingTools);
const skip = !insideOwnNamespace()
  ? 'runs only inside its own network namespace: bash e2e/netns.sh'
  : process.env.POS_NETNS_DROP_UDP === '1' ? 'UDP is dropped in this run'
    : missing.length ? `missing: ${missing.join(', ')}` : false;

const BIN = process.env.POS_CLASS_BIN || path.join(REPO_ROOT, 'target', 'debug', 'pos-class');
const BLOCKS = 500;
const PIECE = 16 * 1024;

let server;
const opened = [];
before(async () => {
  if (skip) return;
  server = await startServer({ inject: COLLECTOR_TAG });
});
after(async () => {
  for (const b of opened) await b.close();
  await stopDisplay();
  await server?.close();
});

async function open(engine, url) {
  const b = await openBrowser(engine, { width: 1280, height: 720, webrtc: true });
  opened.push(b);
  console.log(`# ${engine}: ${b.version}`);
  await b.goto(url);
  // Every data-channel message this page sends is measured (UTF-8 bytes), and the peer's
  // maxMessageSize noted, before any link exists.
  await b.eval(() => {
    window.__sent = { count: 0, max: 0 };
    if (!window.RTCDataChannel) return; // WebKitGTK of Debian: no WebRTC at all
    const send = RTCDataChannel.prototype.send;
    RTCDataChannel.prototype.send = function (data) {
      const bytes = typeof data === 'string' ? new TextEncoder().encode(data).length : data.byteLength ?? data.size;
      __sent.count += 1;
      __sent.max = Math.max(__sent.max, bytes);
      return send.call(this, data);
    };
  });
  return b;
}

async function noErrors(b) {
  const errors = await b.errors();
  assert.deepEqual(errors, [], `${b.engine}: errors on the page:\n${errors.join('\n')}`);
}

const node0 = (b) => b.eval(() => playground.nodes()[0]);

async function converged(pages, minHeight, timeout = 60_000) {
  const start = Date.now();
  for (;;) {
    const state = await Promise.all(pages.map(node0));
    if (state.every((n) => n.tip === state[0].tip && n.height >= minHeight)) return state[0];
    if (Date.now() - start > timeout) throw new Error(`no convergence: ${JSON.stringify(state.map((n) => [n.height, n.tip.slice(0, 8)]))}`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

/** Time a link API promise takes to settle, and how: {ok, value | error, ms}. */
async function settles(b, fn, arg) {
  const t0 = Date.now();
  try {
    const value = await b.eval(fn, arg);
    return { ok: true, value, ms: Date.now() - t0 };
  } catch (e) {
    return { ok: false, error: e.message, ms: Date.now() - t0 };
  }
}

for (const [from, to] of [['chromium', 'firefox'], ['firefox', 'chromium']]) test(`${from} invites ${to} by pasted texts; a chain of ${BLOCKS} blocks syncs over the link in pieces of at most 16 KiB`, { skip, timeout: 300_000 }, async () => {
  const a = await open(from, server.url);
  const b = await open(to, server.url);
  for (const p of [a, b]) await p.waitFor(() => window.playground && playground.nodes().length === 4, [], 30_000, 'the playground');

  // A long chain in A: Node 1 holds all the stake at first, so it wins every draw.
  const made = await a.eval((n) => {
    for (let i = 0; i < n; i++) {
      const r = playground.forge(0);
      if (!r.ok) throw new Error(r.error);
    }
    return { height: playground.nodes()[0].height, bytes: playground.exportChain(0).length };
  }, BLOCKS);
  assert.equal(made.height, BLOCKS);
  await a.waitFor((h) => playground.nodes().every((n) => n.height === h), [BLOCKS], 30_000, 'A\'s own nodes to agree');

  // The pasted flow through the console API; every promise settles well inside its timeout.
  const invited = await settles(a, () => playground.invite());
  assert.ok(invited.ok, invited.error);
  assert.match(invited.value, /^pos1:[A-Za-z0-9_-]+$/);
  const answered = await settles(b, (t) => playground.accept(t), invited.value);
  assert.ok(answered.ok, answered.error);
  const completed = await settles(a, (t) => playground.complete(t), answered.value);
  assert.ok(completed.ok, completed.error);
  for (const s of [invited, answered, completed]) assert.ok(s.ms < 12_000, `settled in ${s.ms} ms`);
  console.log(`# invite ${invited.ms} ms, accept ${answered.ms} ms, complete ${completed.ms} ms`);
  for (const p of [a, b]) {
    await p.waitFor(() => playground.network().links.some((l) => l.state === 'open'), [], 30_000, `${p.engine}: the link open`);
  }

  // B had no chain of its own: it takes A's network and syncs all of it over the link.
  const t0 = Date.now();
  const tip = await converged([a, b], BLOCKS, 120_000);
  console.log(`# ${BLOCKS} blocks (${made.bytes} bytes as a file) synced from ${from} to ${to} in ${Date.now() - t0} ms`);
  const chains = await Promise.all([a, b].map((p) => p.eval(() => playground.chain(0).blocks.map((x) => x.hash).join())));
  assert.equal(chains[0], chains[1]);
  assert.equal(tip.height, BLOCKS);

  // What crossed the link: many pieces, none above 16 KiB (nor the peer's maxMessageSize).
  for (const p of [a, b]) {
    const seen = await p.eval(() => ({ sent: window.__sent }));
    console.log(`# ${p.engine} sent ${seen.sent.count} messages, the largest ${seen.sent.max} bytes`);
    assert.ok(seen.sent.max <= PIECE, `${p.engine}: a message of ${seen.sent.max} bytes`);
  }
  const sentByA = await a.eval(() => window.__sent);
  assert.ok(sentByA.count > made.bytes / PIECE, `the chain went in pieces: ${JSON.stringify(sentByA)}`);

  // Blocks both ways: B buys (the exchange is A's), A's node forges it, B holds it.
  assert.equal((await b.eval(() => playground.submit(0, { kind: 'exchange', amount: 12 }))).ok, true);
  await b.waitFor(() => playground.nodes()[0].balance === 12, [], 40_000, 'the purchase in a block');
  await converged([a, b], BLOCKS + 1);
  const peers = await b.eval(() => playground.peers(0));
  assert.ok(peers.some((p) => p.where === 'webrtc' && p.state === 'open'), JSON.stringify(peers));
  await b.screenshot(`engines-webrtc-${to}`);
  for (const p of [a, b]) await noErrors(p);
  for (const p of [a, b]) {
    await p.close();
    opened.splice(opened.indexOf(p), 1);
  }
});

/** Starts the class server on every address of the namespace; resolves with its class URL. */
function startClassServer() {
  return new Promise((resolve, reject) => {
    if (!existsSync(BIN)) return reject(new Error(`${BIN} is missing: cargo build -p pos-class`));
    const proc = spawn(BIN, ['--dist', DEFAULT_DIST, '--class', 'engines'], { env: { ...process.env, PORT: '0', ADDRESS: '0.0.0.0' } });
    let out = '';
    proc.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/scan:\s+(http:\/\/[\d.]+:\d+\/)\?net=engines/);
      if (m) resolve({ proc, url: m[1], out: () => out });
    });
    proc.stderr.on('data', (d) => { out += d; });
    proc.on('exit', (code) => reject(new Error(`pos-class exited with ${code}: ${out}`)));
  });
}

test('the class server: a page of each engine joins one class with no pasting; blocks reach all', { skip, timeout: 300_000 }, async () => {
  const cls = await startClassServer();
  try {
    const pages = [];
    for (const engine of ENGINES) {
      const p = await open(engine, cls.url);
      // Served by the class server, not the test's: the error collector comes after the load.
      await p.collect();
      await p.waitFor(() => window.playground && playground.network().role === 'member' && playground.network().class?.server, [], 40_000, `${engine}: joined the class`);
      pages.push(p);
    }
    const [chromium, firefox, webkit] = pages;
    const serverTab = await chromium.eval(() => playground.network().class.server);
    for (const p of pages) assert.equal(await p.eval(() => playground.network().class.server), serverTab, `${p.engine} joined the same class`);

    // Chromium and Firefox link over WebRTC by themselves; the roster names how each is reached.
    const firefoxTab = await firefox.eval(() => playground.network().tab);
    await chromium.waitFor((t) => playground.network().links.some((l) => l.remote === t && l.state === 'open'), [firefoxTab], 60_000, 'a WebRTC link from Chromium to Firefox');
    await chromium.waitFor(() => playground.roster().filter((r) => r.online && r.path !== 'this tab').length >= 3, [], 30_000, 'everyone on the roster');
    const roster = await chromium.eval(() => playground.roster());
    console.log(`# roster from Chromium: ${JSON.stringify(roster.map((r) => [r.name, r.path]))}`);
    const webkitTab = await webkit.eval(() => playground.network().tab);
    const webkitLinks = await webkit.eval(() => playground.network().links.map((l) => [l.remote, l.state, l.reason]));
    console.log(`# WebKit's links: ${JSON.stringify(webkitLinks)}; Chromium reaches WebKit by ${JSON.stringify(roster.find((r) => r.tab === webkitTab)?.path)}`);

    // Purchases from every engine's page; every page ends on one tip.
    for (const [i, p] of pages.entries()) {
      const r = await p.eval((a) => playground.submit(0, { kind: 'exchange', amount: a }), 30 + i);
      assert.equal(r.ok, true, JSON.stringify(r));
    }
    for (const [i, p] of pages.entries()) {
      await p.waitFor((a) => playground.nodes()[0].balance === a, [30 + i], 60_000, `${p.engine}: its purchase in a block`);
    }
    const agreed = await converged(pages, 1);
    const fromServer = await (await fetch(new URL('blockchain', cls.url))).json();
    const serverTip = (fromServer.blocks ?? fromServer.chain ?? fromServer).at?.(-1)?.hash;
    if (serverTip) assert.equal(serverTip, agreed.tip, 'the server holds the same tip');
    for (const p of pages) await p.screenshot(`engines-class-${p.engine}`);
    for (const p of pages) await noErrors(p);
    for (const p of pages) {
      await p.close();
      opened.splice(opened.indexOf(p), 1);
    }
  } finally {
    cls.proc.kill('SIGINT');
  }
});
