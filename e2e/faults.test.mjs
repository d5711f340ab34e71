// Faults, forks and attacks in the page: split the in-tab nodes, let both sides forge, heal,
// and watch every node's block tree converge; crash and restart; adversaries are refused.
// Needs `bash scripts/trunk.sh build --release` first (scripts/test.sh does it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServerAndBrowser, collectConsoleErrors, screenshot } from './helpers.mjs';

const env = useServerAndBrowser();

async function waitFor(page, what, fn, arg, timeout = 40_000) {
  await page.waitForFunction(fn, arg, { timeout, polling: 250 }).catch((e) => {
    throw new Error(`timed out waiting for ${what}: ${e.message}`);
  });
}

async function stakeEveryone(page) {
  for (const i of [1, 2, 3]) {
    assert.equal((await page.evaluate((i) => playground.submit(i, { kind: 'exchange', amount: 40 }), i)).ok, true);
  }
  await waitFor(page, 'purchases', () => playground.nodes().slice(1).every((n) => n.balance === 40));
  for (const i of [1, 2, 3]) {
    assert.equal((await page.evaluate((i) => playground.submit(i, { kind: 'stake', amount: 30 }), i)).ok, true);
  }
  await waitFor(page, 'stakes', () => playground.nodes().slice(1).every((n) => n.stake === 30));
}

test('split the nodes, both sides forge, heal: one chain, and the trees show the fork', { timeout: 180_000 }, async () => {
  const page = await env.browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = collectConsoleErrors(page);
  await page.goto(env.server.url);
  await waitFor(page, 'the page', () => window.playground && playground.nodes().length === 4);
  await page.evaluate(() => playground.network({ latencyMs: 150, jitterMs: 50, drop: 0.125 }));
  // The controls show what the console set.
  await waitFor(page, 'the inputs to follow', () =>
    ['latency', 'jitter', 'drop'].map((t) => document.querySelector(`[data-testid=${t}]`).value).join() === '150,50,12.5');
  await page.evaluate(() => playground.network({ latencyMs: 150, jitterMs: 50, drop: 0 }));
  await stakeEveryone(page);

  // Split through the controls: Node 3 and Node 4 go to group B.
  await page.locator('[data-testid=fault-node-2] button.group').click();
  await page.locator('[data-testid=fault-node-3] button.group').click();
  await page.locator('[data-testid=split]').click();
  await page.waitForSelector('[data-testid=partitioned]');
  assert.equal(await page.innerText('[data-testid=partitioned]'), 'split: Node 1, Node 2 | Node 3, Node 4');
  const start = await page.evaluate(() => playground.nodes()[0].height);
  // Each side gets work: both sides must forge (the best-ranked staker on each side forges in
  // its slot when the others are out of reach).
  assert.equal((await page.evaluate(() => playground.submit(1, { kind: 'transfer', to: 0, amount: 3 }))).ok, true);
  assert.equal((await page.evaluate(() => playground.submit(3, { kind: 'transfer', to: 2, amount: 4 }))).ok, true);
  await waitFor(page, 'both sides to forge', (h) => {
    const n = playground.nodes();
    return n[0].height > h && n[2].height > h && n[0].tip !== n[2].tip;
  }, start);
  await screenshot(page, 'faults-split');

  await page.locator('[data-testid=heal]').click();
  await waitFor(page, 'one chain after the heal', () => {
    const n = playground.nodes();
    return n.every((x) => x.tip === n[0].tip);
  }, null, 60_000);
  const trees = await page.evaluate(() => [0, 1, 2, 3].map((i) => playground.tree(i)));
  assert.ok(trees.every((t) => t.tip === trees[0].tip), 'every tree has one canonical tip');
  const sides = trees.map((t) => t.blocks.filter((b) => !b.canonical).length);
  assert.ok(sides.some((n) => n > 0), `some node keeps the losing branch as a side branch: ${sides}`);
  // Both transfers survive: one was on the losing side and went back into the pools.
  await waitFor(page, 'both transfers on the chain', () => {
    const txs = playground.chain(0).blocks.flatMap((b) => b.transactions);
    return txs.some((t) => t.amount === 3 && t.type === 'TRANSFER') && txs.some((t) => t.amount === 4 && t.type === 'TRANSFER');
  }, null, 60_000);
  assert.match(await page.locator('[data-testid=activity]').innerText(), /split|healed|better branch/);
  await screenshot(page, 'faults-healed');
  assert.deepEqual(errors, [], errors.join('\n'));
  await page.close();
});

test('crash and restart a node; adversaries are refused with their reasons', { timeout: 120_000 }, async () => {
  const page = await env.browser.newPage({ viewport: { width: 1280, height: 720 } });
  const errors = collectConsoleErrors(page);
  await page.goto(env.server.url);
  await waitFor(page, 'the page', () => window.playground && playground.nodes().length === 4);
  await page.evaluate(() => playground.network({ latencyMs: 100, jitterMs: 0, drop: 0 }));
  await stakeEveryone(page);

  // A crashed node misses blocks and catches up after a restart.
  assert.equal((await page.evaluate(() => playground.crash(3))).ok, true);
  await page.waitForSelector('[data-testid=node-3] [data-testid=crashed]');
  const h = await page.evaluate(() => playground.nodes()[3].height);
  assert.equal((await page.evaluate(() => playground.submit(1, { kind: 'transfer', to: 2, amount: 2 }))).ok, true);
  await waitFor(page, 'a block without Node 4', (h) => playground.nodes()[0].height > h, h);
  assert.equal(await page.evaluate(() => playground.nodes()[3].height), h);
  assert.equal((await page.evaluate(() => playground.restart(3))).ok, true);
  await waitFor(page, 'Node 4 to catch up', () => playground.nodes()[3].tip === playground.nodes()[0].tip);

  // A node that signs blocks in the winner's name is refused for its signature. It forges
  // such a block once per tip whenever someone else won the draw, so Node 1 (stake 1 of 91)
  // plays it, and new blocks keep coming until one of its forgeries has been refused.
  const bad = await page.evaluate(() => playground.adversary(0, 'forgedSignature'));
  assert.deepEqual(bad, { ok: true, behaviour: 'forgedSignature' });
  assert.match((await page.evaluate(() => playground.adversary(0, 'mint'))).error, /unknown behaviour/);
  for (let round = 0; ; round++) {
    const refused = await page.evaluate(() => (playground.rejected(1)['block:badSignature'] || 0) > 0);
    if (refused) break;
    assert.ok(round < 8, 'a forged signature was refused within eight blocks');
    const height = await page.evaluate(() => playground.nodes()[1].height);
    assert.equal((await page.evaluate((r) => playground.submit(1, { kind: 'transfer', to: 2, amount: 1 + (r % 3) }), round)).ok, true);
    await waitFor(page, 'the next block', (h) => playground.nodes()[1].height > h, height);
    await page.waitForTimeout(400);
  }
  await page.evaluate(() => playground.adversary(0, 'honest'));
  await waitFor(page, 'agreement', () => new Set(playground.nodes().map((n) => n.tip)).size === 1);
  await screenshot(page, 'faults-adversary');
  assert.deepEqual(errors, [], errors.join('\n'));
  await page.close();
});
