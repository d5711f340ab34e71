// The history bar (issue 29): pause, step back across a block and see the page as it was,
// then play the past back up to the present;
// crash the forger at a past moment and get a branch whose chain differs from the kept one;
// save a recording and open it in another browser context to the same state.
// Needs `bash scripts/trunk.sh build --release` first (scripts/test.sh does it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServerAndBrowser, collectConsoleErrors, screenshot, waitFor } from './helpers.mjs';

const env = useServerAndBrowser();

/** Every node buys and stakes, so several nodes may forge. */
async function stakers(page) {
  for (const i of [1, 2, 3]) {
    assert.equal((await page.evaluate((i) => playground.submit(i, { kind: 'exchange', amount: 40 }), i)).ok, true);
  }
  await waitFor(page, 'purchases', () => playground.nodes().slice(1).every((n) => n.balance === 40), null, 60_000);
  for (const i of [1, 2, 3]) {
    assert.equal((await page.evaluate((i) => playground.submit(i, { kind: 'stake', amount: 30 }), i)).ok, true);
  }
  await waitFor(page, 'stakes', () => playground.nodes().slice(1).every((n) => n.stake === 30), null, 60_000);
}

async function open(context) {
  const page = await context.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = collectConsoleErrors(page);
  await page.goto(env.server.url);
  await waitFor(page, 'the page', () => window.playground && playground.nodes().length === 4);
  return { page, errors };
}

const state = () =>
  playground.nodes().map((n) => ({ height: n.height, tip: n.tip, balance: n.balance, stake: n.stake, pool: n.pool }));

test('pause, one event back across a block: the page shows the earlier height and pool', { timeout: 180_000 }, async () => {
  const { page, errors } = await open(env.browser);
  await stakers(page);
  await page.locator('[data-testid=history-pause]').click();
  await waitFor(page, 'the pause', () => playground.timeline().paused);
  const t = await page.evaluate(() => playground.timeline());
  const [event, height] = t.blocks[t.blocks.length - 1];
  assert.ok(height >= 2, `some blocks: ${JSON.stringify(t.blocks)}`);
  const forger = await page.evaluate((h) => {
    const b = playground.chain(0).blocks[h];
    return playground.nodes().findIndex((n) => n.address === b.forger);
  }, height);
  // Jump to the block through the bar, then one event back: the moment before it was forged.
  await page.fill('[data-testid=history-block]', String(height));
  await page.locator('[data-testid=history-jump]').click();
  await waitFor(page, 'the block', (e) => playground.timeline().at === e, event);
  assert.equal(await page.evaluate((i) => playground.nodes()[i].height, forger), height);
  await page.locator('[data-testid=history-back]').click();
  await waitFor(page, 'one event back', (e) => playground.timeline().at === e - 1, event);
  const before = await page.evaluate((i) => ({ node: playground.nodes()[i], pool: playground.pool(i) }), forger);
  assert.equal(before.node.height, height - 1, 'the forger before its block');
  assert.ok(before.node.pool > 0 && before.pool.transactions.length > 0, 'its pool held what the block took');
  assert.match(await page.innerText('[data-testid=history-status]'), /the past/);
  assert.equal(await page.locator('.netbar .stat b').nth(1).innerText(), String(
    await page.evaluate(() => Math.max(...playground.nodes().map((n) => n.height))),
  ), 'the network bar shows the past too');
  await screenshot(page, 'history-past');
  // Play here replays the past, event after event, up to the present; the network goes on.
  await page.locator('[data-testid=history-play]').click();
  const { seen, reached } = await page.evaluate(async () => {
    const ats = [];
    const start = Date.now();
    while (Date.now() - start < 60_000) {
      const t = playground.timeline();
      ats.push(t.at);
      if (t.at === t.now && !t.paused) return { seen: ats, reached: true };
      await new Promise((r) => setTimeout(r, 25));
    }
    return { seen: ats, reached: false };
  });
  assert.ok(reached, `the replay reached the present and the network plays: ${seen.join(' ')}`);
  assert.ok(seen.every((a, i) => i === 0 || a >= seen[i - 1]), `a replay goes forward: ${seen.join(' ')}`);
  const onTheWay = Math.min(3, t.now - (event - 1) + 1);
  assert.ok(new Set(seen).size >= onTheWay, `the replay showed the events on the way: ${seen.join(' ')}`);
  const last = await page.evaluate(() => playground.timeline());
  assert.equal(last.paused, false, 'the network goes on');
  assert.equal(await page.locator('[data-testid=history-now]').count(), 0, 'at the present: no "Back to now"');
  assert.ok(await page.evaluate((h) => playground.nodes()[0].height >= h, height));
  assert.deepEqual(errors, []);
  await page.close();
});

test('crash the forger at a past moment: a branch whose chain differs from the kept one', { timeout: 240_000 }, async () => {
  const { page, errors } = await open(env.browser);
  await stakers(page);
  // A block forged by a node other than the host, with work waiting for the next ones.
  await page.evaluate(() => playground.submit(1, { kind: 'transfer', to: 2, amount: 1 }));
  await waitFor(page, 'a block by a staker', () => {
    const c = playground.chain(0).blocks;
    return c.slice(3).some((b) => b.forger !== playground.nodes()[0].address);
  }, null, 90_000);
  await page.evaluate(() => playground.pause());
  const kept = await page.evaluate(() => {
    const blocks = playground.chain(0).blocks;
    const k = blocks.findLastIndex((b, h) => h >= 3 && b.forger !== playground.nodes()[0].address);
    return { height: k, hash: blocks[k].hash, forger: playground.nodes().findIndex((n) => n.address === blocks[k].forger) };
  });
  assert.ok(kept.forger > 0);
  const jumped = await page.evaluate((h) => playground.jumpToBlock(h), kept.height);
  assert.equal(jumped.ok, true, JSON.stringify(jumped));
  assert.equal((await page.evaluate(() => playground.stepEvent(-1))).ok, true);
  // Crash the forger there: a new branch from that moment.
  assert.equal((await page.evaluate((i) => playground.crash(i), kept.forger)).ok, true);
  let t = await page.evaluate(() => playground.timeline());
  assert.equal(t.branches.length, 2, 'a new branch');
  assert.equal(t.at, t.now, 'the branch is the present');
  assert.equal(t.branch, 1);
  // Someone else forges that height in the new branch (the next in the draw, in its slot).
  await page.evaluate(() => playground.submit(3, { kind: 'transfer', to: 1, amount: 1 }));
  await waitFor(page, 'the height forged again', (h) => playground.nodes()[0].height >= h, kept.height, 120_000);
  const other = await page.evaluate((h) => playground.chain(0).blocks[h], kept.height);
  assert.notEqual(other.hash, kept.hash, 'the branch holds another block at that height');
  assert.equal(await page.evaluate((i) => playground.nodes()[i].crashed, kept.forger), true);
  await screenshot(page, 'history-branch');
  // The old future is kept.
  assert.equal((await page.evaluate(() => playground.branch(0))).ok, true);
  assert.equal(await page.evaluate((h) => playground.chain(0).blocks[h].hash, kept.height), kept.hash);
  t = await page.evaluate(() => playground.timeline());
  assert.equal(t.branch, 0);
  assert.deepEqual(errors, []);
  await page.close();
});

test('save a recording and open it in another context: the same state', { timeout: 180_000 }, async () => {
  const a = await env.browser.newContext();
  const { page, errors } = await open(a);
  await stakers(page);
  await page.evaluate(() => playground.pause());
  const saved = await page.evaluate(state);
  const text = await page.evaluate(() => playground.saveRecording());
  assert.equal(typeof text, 'string', JSON.stringify(text));
  assert.match(text, /"keys":true/);
  // A longer recording for calling an opening off: the paused network run 3,000 events further,
  // so that it is surely still opening when Cancel is pressed, however fast the machine.
  const t0 = await page.evaluate(() => playground.timeline().events);
  const long = await page.evaluate(() => {
    playground.stepEvent(3000);
    return { events: playground.timeline().events, text: playground.saveRecording() };
  });
  long.events -= t0;
  long.end = await page.evaluate(state);
  await page.evaluate((e) => playground.seek(e), t0);
  assert.equal(typeof long.text, 'string', JSON.stringify(long.text).slice(0, 200));
  assert.ok(long.events >= 3000, `ran on: ${long.events}`);
  const b = await env.browser.newContext();
  const other = await open(b);
  // A damaged recording is refused with its place, and nothing changes.
  const before = await other.page.evaluate(state);
  const damaged = text.replace('"t":"advance"', '"t":"teleport"');
  const refused = await other.page.evaluate((t) => playground.openRecording(t), damaged);
  assert.equal(refused.ok, false);
  assert.match(refused.error, /entry \d+/);
  assert.deepEqual((await other.page.evaluate(state)).map((n) => n.tip), before.map((n) => n.tip));
  // Called off while it opens (the long recording, the CPU slowed twenty times): nothing
  // changes.
  await other.page.evaluate(() => playground.pause());
  const held = await other.page.evaluate(state);
  const cdp = await b.newCDPSession(other.page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 20 });
  await other.page.setInputFiles('[data-testid=history-open]', {
    name: 'recording.json',
    mimeType: 'application/json',
    buffer: Buffer.from(long.text),
  });
  await other.page.click('[data-testid=history-open-cancel]');
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  await other.page.waitForSelector('[data-testid=history-message]');
  assert.match(await other.page.innerText('[data-testid=history-message]'), /called off/);
  assert.deepEqual(await other.page.evaluate(state), held);
  // The long one through the bar's file input. It opens a slice of entries at a time: the page
  // draws the progress in between (each value the bar showed is noted), then says it is open.
  await other.page.evaluate(() => {
    window.openingSeen = [];
    new MutationObserver(() => {
      const p = document.querySelector('[data-testid=history-opening] progress');
      if (p && window.openingSeen.at(-1) !== p.value) window.openingSeen.push(p.value);
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
  });
  await other.page.setInputFiles('[data-testid=history-open]', {
    name: 'recording.json',
    mimeType: 'application/json',
    buffer: Buffer.from(long.text),
  });
  await other.page.waitForFunction(() =>
    /Opened a recording/.test(document.querySelector('[data-testid=history-message]')?.textContent));
  const seen = await other.page.evaluate(() => window.openingSeen);
  assert.ok(seen.length >= 2, `the progress was drawn while it opened: ${JSON.stringify(seen)}`);
  assert.equal(await other.page.locator('[data-testid=history-opening]').count(), 0, 'no progress left');
  assert.deepEqual(await other.page.evaluate(state), long.end);
  // The first one through the console: the state it was saved in.
  const opened = await other.page.evaluate((t) => playground.openRecording(t), text);
  assert.equal(opened.ok, true, JSON.stringify(opened));
  assert.deepEqual(await other.page.evaluate(state), saved);
  // The bar says so too: no line about the recording opened before stays.
  await other.page.waitForFunction((n) =>
    new RegExp(`^Opened a recording of \u2068?${n}\u2069? events, paused at its end$`).test(
      document.querySelector('[data-testid=history-message]')?.textContent),
  opened.events);
  const t = await other.page.evaluate(() => playground.timeline());
  assert.equal(t.paused, true);
  assert.ok(t.blocks.length >= 2);
  await screenshot(other.page, 'history-opened');
  // Moving the timeline, here from the console, takes the line away.
  await other.page.evaluate(() => playground.seek(1));
  await other.page.waitForSelector('[data-testid=history-message]', { state: 'detached' });
  assert.deepEqual(errors, []);
  assert.deepEqual(other.errors, []);
  await a.close();
  await b.close();
});
