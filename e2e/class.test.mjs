// A class with the class server (`pos-class`, the server/ crate): pages in separate browser
// contexts (no shared BroadcastChannel: separate laptops) open one address and form one
// network with no pasting: the server passes their WebRTC invitations and answers, relays
// pairs whose link cannot open, and its own tab hosts genesis and the exchange.
//
// Runs only inside a network namespace of its own (bash e2e/netns.sh), as the WebRTC tests:
// the pages' ICE candidates are 10.99.0.x addresses that exist only there. With
// POS_NETNS_DROP_UDP=1 the namespace drops every UDP packet (nft), so no WebRTC link can
// open, while the server (TCP) is reachable: the relay test runs then, the others without.
// Needs the release build of the page (dist/) and the server binary (cargo build -p pos-class).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { launch, collectConsoleErrors, screenshot, insideOwnNamespace } from './helpers.mjs';
import { REPO_ROOT, DEFAULT_DIST } from './server.mjs';


const inside = insideOwnNamespace();
const udpDropped = process.env.POS_NETNS_DROP_UDP === '1';
const skipDirect = !inside ? 'runs only inside its own network namespace: bash e2e/netns.sh' : udpDropped ? 'UDP is dropped in this run' : false;
const skipRelay = !inside ? 'runs only inside its own network namespace: bash e2e/netns.sh' : !udpDropped ? 'needs POS_NETNS_DROP_UDP=1' : false;

const BIN = process.env.POS_CLASS_BIN || path.join(REPO_ROOT, 'target', 'debug', 'pos-class');

let server;
let browser;

/**
 * Starts the class server on a free port of every address of the namespace (ADDRESS=0.0.0.0,
 * as a teacher does for a class); resolves with the address it prints for the laptops, the
 * namespace's own 10.99.0.1, not localhost.
 */
function startClassServer() {
  return new Promise((resolve, reject) => {
    if (!existsSync(BIN)) return reject(new Error(`${BIN} is missing: cargo build -p pos-class`));
    const proc = spawn(BIN, ['--dist', DEFAULT_DIST, '--class', 'room1'], { env: { ...process.env, PORT: '0', ADDRESS: '0.0.0.0' } });
    let out = '';
    proc.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/scan:\s+(http:\/\/([\d.]+):(\d+)\/)\?net=room1/);
      if (m) resolve({ proc, url: m[1], out: () => out });
    });
    proc.stderr.on('data', (d) => { out += d; });
    proc.on('exit', (code) => reject(new Error(`pos-class exited with ${code}: ${out}`)));
  });
}

before(async () => {
  if (skipDirect && skipRelay) return;
  server = await startClassServer();
  browser = await launch({ extraArgs: ['--disable-features=WebRtcHideLocalIpsWithMdns'] });
});

after(async () => {
  await browser?.close();
  server?.proc.kill('SIGINT');
});

/** A page in a browser context of its own (a laptop), opened at the class address. */
async function laptop(query = '') {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await ctx.newPage();
  const errors = collectConsoleErrors(page);
  await page.goto(`${server.url}${query}`);
  await page.waitForFunction(() => window.playground && playground.network().role === 'member' && playground.network().class?.server, null, { timeout: 20_000 });
  return { ctx, page, errors };
}

const node0 = (m) => m.page.evaluate(() => playground.nodes()[0]);

async function converged(laptops, minHeight, timeout = 40_000) {
  const start = Date.now();
  for (;;) {
    const state = await Promise.all(laptops.map(node0));
    if (state.every((n) => n.tip === state[0].tip && n.height >= minHeight)) return state[0];
    if (Date.now() - start > timeout) throw new Error(`no convergence: ${JSON.stringify(state.map((n) => [n.height, n.tip.slice(0, 8)]))}`);
    await laptops[0].page.waitForTimeout(250);
  }
}

async function get(pathAndQuery) {
  const r = await fetch(new URL(pathAndQuery, server.url));
  return { status: r.status, body: await r.text() };
}

test('four laptops open one address and form one network with no pasting; the chain goes on when the first closes', { skip: skipDirect, timeout: 180_000 }, async () => {
  // The server says where laptops open it: this machine's address on its network.
  assert.equal(new URL(server.url).hostname, '10.99.0.1', server.out());
  assert.match(server.out(), /every machine that reaches this one can open it/);
  // The page the server hands out says it has a class server, and its files are gzipped.
  const index = await fetch(server.url, { headers: { 'accept-encoding': 'gzip' } });
  assert.match(await index.text(), /<meta name="pos-class" content="room1">/);
  const wasm = (await get('/')).body.match(/href="\/?([^"]+_bg\.wasm)"/)?.[1] ?? 'pos-playground_bg.wasm';
  const w = await fetch(new URL(wasm, server.url), { headers: { 'accept-encoding': 'gzip' } });
  assert.equal(w.headers.get('content-type'), 'application/wasm');
  assert.equal(w.headers.get('content-encoding'), 'gzip');
  assert.equal((await fetch(new URL('lottery_worker_loader.js', server.url))).status, 200);

  const laptops = [];
  for (let i = 0; i < 4; i++) laptops.push(await laptop());
  const serverTab = await laptops[0].page.evaluate(() => playground.network().class.server);
  for (const l of laptops) {
    const n = await l.page.evaluate(() => playground.network());
    assert.equal(n.name, 'room1');
    assert.equal(n.class.server, serverTab, 'every page joined the same class server');
    assert.equal(n.class.address, `${server.url}?net=room1`);
  }
  // Each page gets WebRTC links to others by itself (no pasting), and the roster knows all.
  for (const l of laptops) {
    await l.page.waitForFunction(() => playground.network().links.some((x) => x.state === 'open'), null, { timeout: 30_000 });
  }
  await laptops[0].page.waitForFunction(() => playground.roster().filter((r) => r.online && r.path !== 'this tab').length >= 4, null, { timeout: 10_000 });
  const roster = await laptops[0].page.evaluate(() => playground.roster());
  assert.ok(roster.some((r) => r.name === 'the class server' && r.path === 'server'), JSON.stringify(roster));
  assert.ok(roster.some((r) => r.path === 'webrtc'), JSON.stringify(roster));
  const tabs = await laptops[1].page.evaluate(() => playground.network().tabs);
  assert.ok(tabs.some((t) => t.tab === serverTab && t.where === 'relay' && t.role === 'host'), JSON.stringify(tabs));
  assert.ok(tabs.some((t) => t.where === 'webrtc'), JSON.stringify(tabs));
  const peers = await laptops[1].page.evaluate(() => playground.peers(0));
  assert.ok(peers.some((p) => p.where === 'webrtc') && peers.some((p) => p.where === 'relay'), JSON.stringify(peers));

  // Purchases and stakes from several pages; all agree on one tip.
  for (const [i, l] of laptops.entries()) {
    const r = await l.page.evaluate((a) => playground.submit(0, { kind: 'exchange', amount: a }), 20 + i);
    assert.equal(r.ok, true, JSON.stringify(r));
  }
  await converged(laptops, 1);
  await laptops[2].page.waitForFunction(() => playground.nodes()[0].balance >= 22, null, { timeout: 30_000 });
  await laptops[3].page.waitForFunction(() => playground.nodes()[0].balance >= 23, null, { timeout: 30_000 });
  for (const l of laptops.slice(2)) {
    assert.equal((await l.page.evaluate(() => playground.submit(0, { kind: 'stake', amount: 10 }))).ok, true);
  }
  await laptops[0].page.waitForFunction(() => playground.roster().filter((r) => r.stake >= 10 && r.name !== 'the class server').length >= 2, null, { timeout: 40_000 });
  const agreed = await converged(laptops, 2);

  // The server's /blockchain is the chain the pages' /blockchain panel shows (the names the
  // views give accounts are each tab's own; the chain's data is the same).
  const chainData = (c) => c.blocks.map((b) => [b.height, b.hash, b.prevHash, b.forger, b.timestamp, b.signature, b.transactions.map((t) => t.id)]);
  let fromServer;
  for (let i = 0; ; i++) {
    fromServer = JSON.parse((await get('/blockchain?net=room1')).body);
    if (fromServer.blocks.some((b) => b.hash === agreed.tip)) break;
    if (i > 80) throw new Error(`the server never reached tip ${agreed.tip}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  const fromPage = await laptops[0].page.evaluate(() => playground.chain(0));
  const n = Math.min(fromServer.blocks.length, fromPage.blocks.length);
  assert.ok(n >= 3);
  assert.deepEqual(chainData(fromServer).slice(0, n), chainData(fromPage).slice(0, n));
  assert.equal(fromServer.network, fromPage.network);
  const info = JSON.parse((await get('/info?net=room1')).body);
  assert.ok(info && typeof info === 'object');
  assert.equal((await get('/transactionPool?net=room1')).status, 200);
  assert.equal((await get('/blockchain?net=nosuchclass')).status, 404);

  // A bad POST /transaction gets a 4xx with a reason and changes nothing.
  const before = (await get('/blockchain?net=room1')).body;
  const poolBefore = (await get('/transactionPool?net=room1')).body;
  const forged = fromServer.blocks.flatMap((b) => b.transactions ?? []);
  assert.ok(forged.length > 0, 'blocks carry transactions');
  const tampered = structuredClone(forged[0]);
  tampered.amount += 1;
  for (const body of ['not json', JSON.stringify({ kind: 'TRANSFER' }), JSON.stringify(tampered), JSON.stringify(forged[0]), 'x'.repeat(10_000)]) {
    const r = await fetch(new URL('/transaction?net=room1', server.url), { method: 'POST', body, headers: { 'content-type': 'application/json' } });
    assert.ok(r.status >= 400 && r.status < 500, `${r.status} for ${body.slice(0, 40)}`);
    const text = await r.text();
    assert.ok(text.length > 10, text);
  }
  const refused = await (await fetch(new URL('/transaction?net=room1', server.url), { method: 'POST', body: JSON.stringify(tampered) })).json();
  assert.equal(refused.accepted, false);
  assert.match(refused.reason, /signature|rule/);
  assert.equal((await get('/transactionPool?net=room1')).body, poolBefore);
  // Nothing the refused posts carried reached a block.
  const after = JSON.parse((await get('/blockchain?net=room1')).body);
  const txIds = after.blocks.flatMap((b) => b.transactions.map((t) => t.id));
  assert.equal(new Set(txIds).size, txIds.length);
  assert.ok(after.blocks.length >= JSON.parse(before).blocks.length);
  assert.ok(!after.blocks.some((b) => b.transactions.some((t) => t.sender === tampered.sender && t.nonce === tampered.nonce && t.amount === tampered.amount)));

  // The Class panel shows the address and its QR code (drawn by the server); a click fills the
  // screen with it, for the projector, and another shrinks it.
  const panel = laptops[0].page.locator('[data-testid=class]');
  assert.equal(await panel.locator('[data-testid=class-address]').textContent(), `${server.url}?net=room1`);
  const qr = panel.locator('[data-testid=class-qr]');
  await laptops[0].page.waitForFunction(() => document.querySelector('[data-testid=class-qr] img')?.naturalWidth > 0);
  await qr.click();
  const big = await qr.locator('img').boundingBox();
  assert.ok(big.width >= 600, `the big QR code is ${big.width} px wide`);
  await qr.click();
  assert.ok((await qr.locator('img').boundingBox()).width < 300);
  await screenshot(laptops[0].page, 'class-four-laptops');
  await laptops[0].page.setViewportSize({ width: 1920, height: 1080 });
  await laptops[0].page.locator('[data-testid=class]').scrollIntoViewIfNeeded();
  await laptops[0].page.screenshot({ path: path.join(REPO_ROOT, 'e2e', 'screenshots', 'class-1920.png') });

  // The first laptop closes; buying still works (the server's tab holds the exchange) and the
  // chain goes on for the others.
  await laptops[0].ctx.close();
  const rest = laptops.slice(1);
  const height = (await node0(rest[0])).height;
  assert.equal((await rest[0].page.evaluate(() => playground.submit(0, { kind: 'exchange', amount: 7 }))).ok, true);
  await converged(rest, height + 1);
  await rest[1].page.waitForFunction(() => playground.roster().some((r) => !r.online && r.path === 'offline'), null, { timeout: 10_000 });
  for (const l of laptops) assert.deepEqual(l.errors, [], l.errors.join('\n'));
  for (const l of rest) await l.ctx.close();
});

test('where UDP is dropped no WebRTC link opens, and the pages still form one network through the relay', { skip: skipRelay, timeout: 180_000 }, async () => {
  const laptops = [];
  for (let i = 0; i < 3; i++) laptops.push(await laptop('?net=isolated'));
  // Every link the server asked for fails, and the server relays the pairs instead: each laptop
  // is relayed to both others, and hears them through the relay.
  for (const l of laptops) {
    await l.page.waitForFunction(() => playground.network().class.relayed.length >= 2, null, { timeout: 60_000 });
  }
  await laptops[0].page.waitForFunction(
    () => playground.network().tabs.filter((t) => t.where === 'relay').length >= 2,
    null,
    { timeout: 30_000 },
  );
  const tabs = await laptops[0].page.evaluate(() => playground.network().tabs);
  assert.ok(tabs.filter((t) => t.where === 'relay').length >= 2, JSON.stringify(tabs));
  assert.ok(!tabs.some((t) => t.where === 'webrtc'), JSON.stringify(tabs));
  for (const [i, l] of laptops.entries()) {
    assert.equal((await l.page.evaluate((a) => playground.submit(0, { kind: 'exchange', amount: a }), 11 + i)).ok, true);
  }
  await converged(laptops, 1);
  await laptops[1].page.waitForFunction(() => playground.nodes()[0].balance >= 12, null, { timeout: 30_000 });
  assert.equal((await laptops[1].page.evaluate(() => playground.submit(0, { kind: 'stake', amount: 5 }))).ok, true);
  await laptops[0].page.waitForFunction(() => playground.roster().some((r) => r.stake === 5 && r.path === 'relay'), null, { timeout: 40_000 });
  await converged(laptops, 2);
  await screenshot(laptops[0].page, 'class-relay');
  for (const l of laptops) assert.deepEqual(l.errors, [], l.errors.join('\n'));
  for (const l of laptops) await l.ctx.close();
});
