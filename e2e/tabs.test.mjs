// Tabs as nodes: pages of one browser context join one network over BroadcastChannel.
// Needs `bash scripts/trunk.sh build --release` first (scripts/test.sh does it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServerAndBrowser, collectConsoleErrors, screenshot } from './helpers.mjs';

const env = useServerAndBrowser();

async function open(ctx, net) {
  const page = await ctx.newPage();
  const errors = collectConsoleErrors(page);
  await page.goto(`${env.server.url}?net=${net}`);
  await page.waitForFunction(() => window.playground && playground.network().role !== 'discovering', null, { timeout: 10_000 });
  return { page, errors };
}

const tipsOf = (tabs) => Promise.all(tabs.map(({ page }) => page.evaluate(() => playground.nodes()[0].tip)));
async function converged(tabs, minHeight, timeout = 20_000) {
  const start = Date.now();
  for (;;) {
    const state = await Promise.all(tabs.map(({ page }) => page.evaluate(() => playground.nodes()[0])));
    if (state.every((n) => n.tip === state[0].tip && n.height >= minHeight)) return state[0];
    if (Date.now() - start > timeout) throw new Error(`no convergence: ${JSON.stringify(state.map((n) => [n.height, n.tip.slice(0, 8)]))}`);
    await tabs[0].page.waitForTimeout(200);
  }
}

test('three tabs make one chain; a late fourth syncs it; a closed tab leaves', { timeout: 120_000 }, async () => {
  const ctx = await env.browser.newContext({ viewport: { width: 1280, height: 720 } });
  const net = 'class-e2e';
  const host = await open(ctx, net);
  assert.equal(await host.page.evaluate(() => playground.network().role), 'host');
  const a = await open(ctx, net);
  const b = await open(ctx, net);
  const tabs = [host, a, b];
  for (const t of [a, b]) assert.equal(await t.page.evaluate(() => playground.network().role), 'member');

  // Transactions from each tab: purchases, then a stake and a transfer across tabs.
  for (const [i, t] of tabs.entries()) {
    const r = await t.page.evaluate((n) => playground.submit(0, { kind: 'exchange', amount: 40 + n }), i);
    assert.equal(r.ok, true, JSON.stringify(r));
  }
  await converged(tabs, 1);
  await a.page.waitForFunction(() => playground.nodes()[0].balance === 41, null, { timeout: 15_000 });
  assert.equal((await a.page.evaluate(() => playground.submit(0, { kind: 'stake', amount: 30 }))).ok, true);
  const bAddress = await b.page.evaluate(() => playground.nodes()[0].address);
  assert.equal((await a.page.evaluate((to) => playground.submit(0, { kind: 'transfer', to, amount: 5 }), bAddress)).ok, true);
  await b.page.waitForFunction(() => playground.nodes()[0].balance === 47, null, { timeout: 20_000 });
  const tip = await converged(tabs, 2);

  // Peers across tabs are reported with where they live.
  const peers = await host.page.evaluate(() => playground.peers(0));
  assert.equal(peers.length, 2);
  assert.ok(peers.every((p) => p.where === 'channel' && /^[0-9a-f]{64}$/.test(p.address) && p.lastSeen > 0));
  await screenshot(a.page, 'tabs-member');

  // A fourth tab that joins late validates and takes the whole chain.
  const late = await open(ctx, net);
  await late.page.waitForFunction((h) => playground.nodes()[0].height >= h, tip.height, { timeout: 15_000 });
  const chains = await Promise.all([host, late].map(({ page }) => page.evaluate(() => playground.chain(0).blocks.map((b) => b.hash))));
  assert.deepEqual(chains[1].slice(0, chains[0].length), chains[0]);

  // Closing a tab removes it from the others' peer lists at once (it says goodbye).
  const bTab = await b.page.evaluate(() => playground.network().tab);
  await b.page.close({ runBeforeUnload: true });
  await host.page.waitForFunction((t) => !playground.network().tabs.some((x) => x.tab === t)
    && !playground.peers(0).some((p) => p.peer.startsWith(t + '/')), bTab, { timeout: 10_000 });
  await screenshot(host.page, 'tabs-host');
  for (const t of [host, a, late]) assert.deepEqual(t.errors, [], t.errors.join('\n'));
  await ctx.close();
});

test('a hostile tab posts garbage, forgeries and a flood; the others count and carry on', { timeout: 120_000 }, async () => {
  const ctx = await env.browser.newContext({ viewport: { width: 1280, height: 720 } });
  const net = 'hostile-e2e';
  const host = await open(ctx, net);
  const member = await open(ctx, net);
  // The hostile page is a blank document of the same origin with a raw channel.
  const evil = await ctx.newPage();
  await evil.goto(`${env.server.url}hostile.txt`); // a 404 page: same origin, no app
  await evil.evaluate((net) => {
    window.seen = [];
    window.ch = new BroadcastChannel(`pos-playground:${net}`);
    ch.onmessage = (e) => { try { const f = JSON.parse(e.data); if (f.msg) seen.push(JSON.parse(f.msg.data)); } catch (_) {} };
  }, net);
  assert.equal((await member.page.evaluate(() => playground.submit(0, { kind: 'exchange', amount: 20 }))).ok, true);
  await converged([host, member], 1);
  const before = await member.page.evaluate(() => playground.nodes()[0]);

  const sent = await evil.evaluate(() => {
    const tx = seen.find((m) => m.body.transaction);
    const block = seen.find((m) => m.body.block);
    const frame = (data) => JSON.stringify({ msg: { tab: 'evil', node: 'n0', to: null, data: JSON.stringify(data) } });
    const posts = [];
    posts.push('this is not json', '{"msg":{}}', JSON.stringify({ bye: { tab: '../../etc' } }), 'x'.repeat(9 * 1024 * 1024));
    const badTx = structuredClone(tx); badTx.body.transaction.tx.amount += 1000; badTx.body.transaction.tx.nonce += 1;
    posts.push(frame(badTx));
    const badBlock = structuredClone(block); badBlock.body.block.block.height += 1; badBlock.body.block.block.timestamp += 1;
    posts.push(frame(badBlock));
    const otherNet = structuredClone(tx); otherNet.network = '00'.repeat(32);
    posts.push(frame(otherNet));
    const wrongVersion = structuredClone(tx); wrongVersion.v = 99;
    posts.push(frame(wrongVersion));
    for (const p of posts) ch.postMessage(p);
    for (let i = 0; i < 4000; i++) ch.postMessage(frame({ junk: i }));
    return posts.length;
  });
  assert.ok(sent >= 8);
  await member.page.waitForTimeout(1500);
  const rejected = await member.page.evaluate(() => playground.rejected(0));
  for (const key of ['frame:malformed', 'frame:tooLarge', 'frame:badTab', 'malformed', 'otherNetwork', 'version']) {
    assert.ok(rejected[key] > 0, `${key} counted: ${JSON.stringify(rejected)}`);
  }
  assert.ok(Object.keys(rejected).some((k) => k.startsWith('tx:') || k.startsWith('block:')), JSON.stringify(rejected));
  // The page shows the count, and nothing changed in the chain.
  const shown = Number(await member.page.locator('[data-testid=rejected]').getAttribute('data-total'));
  assert.ok(shown > 10, `shown ${shown}`);
  const after = await member.page.evaluate(() => playground.nodes()[0]);
  assert.deepEqual([after.height, after.tip, after.balance], [before.height, before.tip, before.balance]);
  await screenshot(member.page, 'tabs-hostile');

  // And the network still works.
  assert.equal((await member.page.evaluate(() => playground.submit(0, { kind: 'exchange', amount: 5 }))).ok, true);
  await converged([host, member], before.height + 1);
  for (const t of [host, member]) assert.deepEqual(t.errors, [], t.errors.join('\n'));
  await ctx.close();
});

test('two tabs that each started a network under one name see the conflict and choose', { timeout: 60_000 }, async () => {
  const ctx = await env.browser.newContext({ viewport: { width: 1280, height: 720 } });
  const net = 'twins-e2e';
  // The first tab starts the network; the second starts another one under the same name
  // without looking (&new=1), as two tabs opened at the same moment would.
  const x = await open(ctx, net);
  const y = await open(ctx, `${net}&new=1`);
  const roles = await Promise.all([x, y].map(({ page }) => page.evaluate(() => playground.network().role)));
  assert.deepEqual(roles, ['host', 'host']);
  await y.page.waitForSelector('[data-testid=conflict]', { timeout: 10_000 });
  await x.page.waitForSelector('[data-testid=conflict]', { timeout: 10_000 });
  await screenshot(y.page, 'tabs-conflict');
  await y.page.locator('[data-testid=join-theirs]').click();
  await y.page.waitForFunction(() => playground.network().role === 'member' && playground.network().conflicts.length === 0);
  const xNet = await x.page.evaluate(() => playground.network().network);
  await y.page.waitForFunction((n) => playground.network().network === n, xNet);
  assert.equal((await y.page.evaluate(() => playground.submit(0, { kind: 'exchange', amount: 7 }))).ok, true);
  await converged([x, y], 1);
  await ctx.close();
});
