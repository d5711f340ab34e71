// The playground page end to end, in Debian's Chromium: buy, stake and transfer through the
// forms; blocks are forged and every node shows the same tip; refusals show their reason; the
// console API answers. Needs `bash scripts/trunk.sh build --release` first (scripts/test.sh does it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServerAndBrowser, collectConsoleErrors, screenshot } from './helpers.mjs';

const env = useServerAndBrowser();

const card = (page, i) => page.locator(`[data-testid=node-${i}]`);
const num = async (page, i, what) =>
  Number(await card(page, i).locator(`[data-testid=${what}]`).innerText());

async function act(page, i, kind, amount, to) {
  const c = card(page, i);
  await c.locator('[data-testid=kind]').selectOption(kind);
  await c.locator('[data-testid=amount]').fill(String(amount));
  if (to !== undefined) await c.locator('[data-testid=to]').selectOption(String(to));
  await c.locator('[data-testid=send]').click();
  return c.locator('[data-testid=result]').innerText();
}

async function waitFor(page, what, fn, timeout = 15_000) {
  const start = Date.now();
  for (;;) {
    if (await fn()) return;
    if (Date.now() - start > timeout) throw new Error(`timed out waiting for ${what}`);
    await page.waitForTimeout(150);
  }
}

async function tips(page) {
  return page.locator('[data-testid=tip]').evaluateAll((els) => els.map((e) => e.dataset.hash));
}

test('buy, stake and transfer through the forms; every node ends on one tip', { timeout: 120_000 }, async () => {
  const page = await env.browser.newPage({ viewport: { width: 1280, height: 720 } });
  const errors = collectConsoleErrors(page);
  await page.goto(env.server.url);
  await page.waitForSelector('[data-testid=node-3]');
  assert.equal(await page.locator('article.card').count(), 4, 'four nodes by default');
  await screenshot(page, 'playground-start');

  // Node 2 buys 60 tokens: the request travels to the exchange on Node 1, which forges.
  const bought = await act(page, 1, 'exchange', 60);
  assert.match(bought, /exchange/i);
  await waitFor(page, 'Node 2 to hold 60 tokens', async () => (await num(page, 1, 'balance')) === 60);

  // Node 2 stakes 25.
  assert.match(await act(page, 1, 'stake', 25), /Staking 25/);
  await waitFor(page, 'Node 2 to stake 25', async () => (await num(page, 1, 'stake')) === 25);
  assert.equal(await num(page, 1, 'balance'), 35);

  // Node 2 pays Node 3 ten tokens.
  assert.match(await act(page, 1, 'transfer', 10, 2), /Sending 10 tokens to Node 3/);
  await waitFor(page, 'Node 3 to receive 10', async () => (await num(page, 2, 'balance')) === 10);
  // Once the transfer is in a block of Node 2's chain, its card says which.
  await waitFor(page, "Node 2's card to name the block", async () =>
    /^Sent 10 tokens to Node 3 in block #\d+$/.test(await card(page, 1).locator('[data-testid=result]').innerText()),
  );

  // Every node holds the same tip, at the same height.
  await waitFor(page, 'all nodes to agree', async () => new Set(await tips(page)).size === 1);
  const heights = await Promise.all([0, 1, 2, 3].map((i) => num(page, i, 'height')));
  assert.ok(heights.every((h) => h === heights[0] && h >= 3), `heights ${heights}`);
  assert.equal(await page.locator('[data-testid=agreement]').innerText(), 'all nodes agree');
  // The timeline shows the blocks, held by all four nodes.
  const top = page.locator('[data-testid=timeline] li').first();
  assert.equal(await top.locator('.dot:not(.empty)').count(), 4);
  await screenshot(page, 'playground-after-blocks');

  // A refused transfer says why, beside the form.
  const refused = await act(page, 3, 'transfer', 500, 0);
  assert.match(refused, /Refused: not enough tokens: the sender has 0 available but needs 500/);
  assert.match(await card(page, 3).locator('[data-testid=result]').getAttribute('class'), /err/);
  const bad = await act(page, 3, 'exchange', 'ten');
  assert.match(bad, /not a whole number/);
  await screenshot(page, 'playground-refused');

  // Forge now is refused for a node that did not win the draw.
  const loser = await page.evaluate(() => playground.nodes().findIndex((n) => !n.forgesNext));
  await card(page, loser).locator('[data-testid=forge]').click();
  assert.match(await card(page, loser).locator('[data-testid=result]').innerText(), /did not win the draw/);

  // The Python views: blockchain table, pool, info, and the raw JSON toggle.
  await page.getByRole('tab', { name: /Info/ }).click();
  assert.match(await page.locator('[data-testid=info]').innerText(), /chance to forge/);
  await page.locator('[data-testid=raw-toggle]').check();
  const raw = JSON.parse(await page.locator('[data-testid=raw]').innerText());
  assert.equal(raw.name, 'Node 1');
  assert.ok(raw.stakers.some((s) => s.stake === 25));
  await screenshot(page, 'playground-info-json');
  assert.deepEqual(errors, [], `console errors:\n${errors.join('\n')}`);
  await page.close();
});

test('console API: nodes, submit, forge, chain, pool', { timeout: 60_000 }, async () => {
  const page = await env.browser.newPage({ viewport: { width: 1920, height: 1080 } });
  const errors = collectConsoleErrors(page);
  await page.goto(env.server.url);
  await page.waitForFunction(() => window.playground && playground.nodes().length === 4);

  const nodes = await page.evaluate(() => playground.nodes());
  assert.deepEqual(Object.keys(nodes[0]).sort(), ['address', 'balance', 'behaviour', 'colour', 'crashed', 'forgesNext', 'height', 'host', 'index', 'name', 'pool', 'stake', 'tip']);
  assert.equal(nodes[0].host, true);
  assert.equal(nodes[0].forgesNext, true, 'the genesis key forges first');

  // Slow the forger down by asking it directly: forge(0) with a transaction pooled.
  const ok = await page.evaluate(() => playground.submit(0, { kind: 'exchange', amount: 40 }));
  assert.equal(ok.ok, true);
  assert.match(ok.id, /^[0-9a-f]{64}$/);
  const pool = await page.evaluate(() => playground.pool(0));
  assert.equal(pool.transactions.length, 1);
  assert.equal(pool.transactions[0].id, ok.id);
  const forged = await page.evaluate(() => playground.forge(0));
  assert.deepEqual([forged.ok, forged.height], [true, 1]);

  const bad = await page.evaluate(() => playground.submit(2, { kind: 'transfer', to: 0, amount: 5 }));
  assert.equal(bad.ok, false);
  assert.match(bad.error, /not enough tokens/);
  const unknown = await page.evaluate(() => playground.submit(2, { kind: 'mint', amount: 5 }));
  assert.match(unknown.error, /unknown kind/);

  await page.waitForFunction(() => new Set(playground.nodes().map((n) => n.tip)).size === 1, null, { timeout: 10_000 });
  const chain = await page.evaluate(() => playground.chain(3));
  assert.equal(chain.blocks.length, 2);
  assert.equal(chain.blocks[1].transactions[0].id, ok.id);
  assert.equal(chain.blocks[1].prevHash, chain.blocks[0].hash);
  assert.equal(await page.evaluate(() => playground.nodes()[0].balance), 40);

  // Nodes can be added up to 16 and removed; a new node syncs the chain.
  for (let i = 0; i < 8; i++) await page.locator('[data-testid=add-node]').click();
  assert.equal(await page.locator('article.card').count(), 12);
  await page.waitForFunction(() => playground.nodes().every((n) => n.height === 1), null, { timeout: 10_000 });
  await screenshot(page, 'playground-12-nodes-1080p');
  await page.locator('[data-testid=remove-node]').click();
  assert.equal(await page.locator('article.card').count(), 11);
  assert.deepEqual(errors, [], `console errors:\n${errors.join('\n')}`);
  await page.close();
});

test('without secure randomness the page says so and makes no keys', { timeout: 60_000 }, async () => {
  const ctx = await env.browser.newContext();
  // Before any script of the page runs, the browser's generator refuses to work.
  await ctx.addInitScript(() => {
    Object.defineProperty(Crypto.prototype, 'getRandomValues', {
      value() { throw new Error('no randomness in this test'); },
    });
  });
  const page = await ctx.newPage();
  await page.goto(env.server.url);
  const notice = page.locator('[data-testid=no-randomness]');
  await notice.waitFor();
  assert.match(await notice.innerText(), /This browser gave no secure randomness, so no keys can be made/);
  assert.equal(await page.locator('article.card').count(), 0, 'no network, no nodes');
  assert.equal(await page.locator('#loading').count(), 0, 'the loading line is gone');
  assert.equal(await page.evaluate(() => typeof window.playground), 'undefined');
  await screenshot(page, 'no-randomness');
  await ctx.close();
});
