// The lottery view end to end, against the release build in dist/ (`bash scripts/trunk.sh build --release`):
// the number line appears after a block, the winner's mark (on the canvas and as a button)
// belongs to the block's forger, the "why" panel and `playground.lottery()` agree, the Python
// snippet prints the page's values when run with python3, stepping and replay work, and a big
// draw runs in the Web Worker behind a progress bar. Screenshots go to e2e/screenshots/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { useServerAndBrowser, collectConsoleErrors, screenshot, SCREENSHOT_DIR } from './helpers.mjs';

const env = useServerAndBrowser();

const shot = (name) => {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return { path: path.join(SCREENSHOT_DIR, name) };
};

/** A fresh page (its own context, so no other tab joins its network). */
async function openPage(viewport = { width: 1280, height: 720 }) {
  const context = await env.browser.newContext({ viewport });
  const page = await context.newPage();
  const errors = collectConsoleErrors(page);
  await page.goto(env.server.url);
  await page.waitForFunction(() => window.playground && document.querySelector('[data-testid=lottery]'));
  return { context, page, errors };
}

const tip = (page) => page.evaluate(() => Math.min(...playground.nodes().map((n) => n.height)));

/** Waits until every node holds every transaction in a block and all agree on the tip. */
async function settle(page, height, timeout = 20_000) {
  await page.waitForFunction(
    (h) => {
      const nodes = playground.nodes();
      return nodes.every((n) => n.height >= h && n.pool === 0 && n.tip === nodes[0].tip);
    },
    height,
    { timeout },
  );
}

/** Submits requests `[[node, {kind, ...}], ...]` and waits for the block(s) that carry them. */
async function block(page, requests) {
  const before = await tip(page);
  const answers = await page.evaluate((rs) => rs.map(([i, r]) => playground.submit(i, r)), requests);
  for (const a of answers) assert.ok(a.ok, JSON.stringify(a));
  await settle(page, before + 1);
}

/** Nodes 2 and 3 stake 100 each, then one more block: drawn among 201 lots. */
async function stakedChain(page) {
  await block(page, [[1, { kind: 'exchange', amount: 200 }], [2, { kind: 'exchange', amount: 200 }]]);
  await block(page, [[1, { kind: 'stake', amount: 100 }], [2, { kind: 'stake', amount: 100 }]]);
  await block(page, [[1, { kind: 'transfer', to: 2, amount: 5 }]]);
  await block(page, [[2, { kind: 'transfer', to: 1, amount: 3 }]]);
}

const rgb = (hex) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));

test('the number line shows the newest block, its winner belongs to the forger, and Python agrees', { timeout: 120_000 }, async () => {
  const { context, page, errors } = await openPage();
  try {
    // Before any block: the draw for block 1, a single lot of the genesis forger.
    await page.waitForSelector('[data-testid=lottery-line][data-lots="1"]');
    assert.equal(await page.getAttribute('[data-testid=lottery]', 'data-forged'), 'false');

    await stakedChain(page);
    const h = await tip(page);
    await page.waitForSelector(`[data-testid=lottery][data-height="${h}"]`);
    await page.waitForSelector('[data-testid=lottery-line][data-lots="201"]');

    const lottery = await page.evaluate((h) => playground.lottery(0, h), h);
    const chain = await page.evaluate(() => playground.chain(0));
    const forger = chain.blocks[h].forger;
    assert.equal(lottery.forger, forger);
    // Every node is online, so the draw's winner forges (rank 0, not a later slot's fallback).
    assert.equal(lottery.forgerRank, 0);
    assert.equal(lottery.winner.staker, forger);
    assert.equal(lottery.seed, chain.blocks[h - 1].hash);
    assert.equal(lottery.stakers.reduce((n, s) => n + s.lots.length, 0), 201);
    const owner = lottery.stakers.find((s) => s.address === forger);
    assert.equal(owner.lots[lottery.winner.k - 1], lottery.winner.hash);

    // The page names the same forger, on the section, the canvas and the winner's mark.
    assert.equal(await page.getAttribute('[data-testid=lottery]', 'data-forger'), forger);
    assert.equal(await page.getAttribute('[data-testid=lottery-line]', 'data-winner-staker'), forger);
    assert.equal(await page.getAttribute('[data-testid=lot-mark][data-winner=true]', 'data-staker'), forger);
    assert.equal(await page.getAttribute('[data-testid=lot-mark][data-winner=true]', 'data-k'), String(lottery.winner.k));
    const forgerName = lottery.winner.name;
    assert.match(await page.innerText('[data-testid=lottery-winner]'), new RegExp(`${forgerName} won the draw and forged block #${h}`));
    assert.match(await page.innerText('[data-testid=lottery-stakes] tr[data-winner=true]'), new RegExp(forgerName));

    // On the canvas, the winning mark is painted in the forger's colour.
    const node = (await page.evaluate(() => playground.nodes())).find((n) => n.address === forger);
    const pixel = await page.evaluate(() => {
      const c = document.querySelector('[data-testid=lottery-line]');
      const scale = c.width / c.clientWidth;
      const x = Math.round(Number(c.dataset.winnerX) * scale);
      const y = Math.round(Number(c.dataset.winnerY) * scale);
      return Array.from(c.getContext('2d').getImageData(x, y, 1, 1).data.slice(0, 3));
    });
    const want = rgb(node.colour);
    assert.ok(pixel.every((v, i) => Math.abs(v - want[i]) <= 8), `pixel ${pixel} is not ${node.colour}`);

    // The "why" panel shows what the console API returns.
    assert.equal(await page.innerText('[data-testid=why-seed]'), lottery.seed);
    assert.equal(await page.innerText('[data-testid=why-reference]'), lottery.reference);
    assert.equal(await page.innerText('[data-testid=why-winner-hash]'), lottery.winner.hash);
    assert.equal(await page.innerText('[data-testid=why-offset]'), lottery.winner.offset);
    assert.equal(await page.innerText('[data-testid=why-forger]'), forger);
    assert.equal(await page.innerText('[data-testid=why-runner-up]'), lottery.runnerUp.hash);

    // Focusing the winning lot reads it out: staker, k, hash, offset.
    await page.focus('[data-testid=lot-mark][data-winner=true]');
    const card = page.locator('[data-testid=lot-card]');
    assert.equal(await card.getAttribute('data-staker'), forger);
    assert.equal(await card.getAttribute('data-k'), String(lottery.winner.k));
    const cardText = await card.innerText();
    assert.ok(cardText.includes(lottery.winner.hash) && cardText.includes(lottery.winner.offset), cardText);
    // The focus stays on that lot's mark once the page has redrawn (the card and the cursor
    // appearing must not shift the marks under it), and Tab moves on to the next lot.
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => document.activeElement.dataset.winner), 'true');
    await page.keyboard.press('Tab');
    await page.waitForTimeout(300);
    const next = await page.evaluate(() => [document.activeElement.dataset.testid, document.activeElement.dataset.k]);
    assert.equal(next[0], 'lot-mark');
    assert.equal(await card.getAttribute('data-k'), next[1]);

    // Hovering the overview names the lot under the pointer.
    await page.locator('[data-testid=lottery-line]').scrollIntoViewIfNeeded();
    const box = await page.locator('[data-testid=lottery-line]').boundingBox();
    await page.mouse.move(box.x + box.width * 0.3, box.y + 60);
    await page.waitForSelector('[data-testid=lot-card][data-k]');

    // The Python snippet, run by python3, prints the values on the page.
    const snippet = await page.textContent('[data-testid=lottery-python]');
    const py = spawnSync('python3', ['-c', snippet], { encoding: 'utf8' });
    if (py.error) {
      console.log('python3 not available: snippet not run');
    } else {
      assert.equal(py.status, 0, py.stderr);
      const r = lottery.runnerUp;
      assert.equal(
        py.stdout,
        [
          `reference: ${lottery.reference}`,
          `winning lot: ${lottery.winner.hash}`,
          `closest lot: ${forgerName} k = ${lottery.winner.k} ${lottery.winner.hash}`,
          `offset: ${lottery.winner.offset}`,
          `runner-up: ${r.name} k = ${r.k} ${r.hash}`,
          `forger: ${forgerName} ${forger}`,
          '',
        ].join('\n'),
      );
    }

    await page.locator('[data-testid=lottery]').scrollIntoViewIfNeeded();
    await screenshot(page, 'lottery-1280x720');
    await page.locator('[data-testid=lottery]').screenshot(shot('lottery-section-1280.png'));
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.waitForTimeout(300);
    await screenshot(page, 'lottery-1920x1080');
    await page.locator('[data-testid=lottery]').screenshot(shot('lottery-section-1920.png'));
    assert.deepEqual(errors, [], errors.join('\n'));
  } finally {
    await context.close();
  }
});

test('stepping through blocks with buttons, keys, the strip and replay', { timeout: 120_000 }, async () => {
  const { context, page, errors } = await openPage();
  try {
    await stakedChain(page);
    const h = await tip(page);
    const shown = async () => Number(await page.getAttribute('[data-testid=lottery]', 'data-height'));
    await page.waitForSelector(`[data-testid=lottery][data-height="${h}"]`);

    await page.click('[data-testid=lottery-prev]');
    assert.equal(await shown(), h - 1);
    // Every step shows that block's own forger.
    const chain = await page.evaluate(() => playground.chain(0));
    assert.equal(await page.getAttribute('[data-testid=lottery]', 'data-forger'), chain.blocks[h - 1].forger);
    assert.equal(await page.innerText('[data-testid=why-seed]'), chain.blocks[h - 2].hash);

    // Keys work when nothing in a form has the focus.
    await page.evaluate(() => document.activeElement?.blur());
    await page.keyboard.press('ArrowLeft');
    assert.equal(await shown(), h - 2);
    await page.keyboard.press('Home');
    assert.equal(await shown(), 1);
    assert.equal(await page.isDisabled('[data-testid=lottery-prev]'), true);
    await page.keyboard.press('ArrowRight');
    assert.equal(await shown(), 2);
    await page.keyboard.press('End');
    assert.equal(await shown(), h);
    // One step past the newest block: the draw for the next one, not forged yet.
    await page.click('[data-testid=lottery-next]');
    assert.equal(await shown(), h + 1);
    assert.equal(await page.getAttribute('[data-testid=lottery]', 'data-forged'), 'false');
    assert.match(await page.innerText('[data-testid=lottery-winner]'), /not forged yet/);

    // A click on the forger strip opens that block.
    const strip = page.locator('[data-testid=forger-strip]');
    const box = await strip.boundingBox();
    await strip.click({ position: { x: box.width * (0.5 / h), y: box.height / 2 } });
    assert.equal(await shown(), 1);

    // Stepped back: a new block does not move the view.
    await block(page, [[1, { kind: 'transfer', to: 2, amount: 1 }]]);
    assert.equal(await shown(), 1);
    // Following the newest: a new block moves the view along.
    await page.click('[data-testid=lottery-newest]');
    assert.equal(await shown(), h + 1);
    await block(page, [[2, { kind: 'transfer', to: 1, amount: 1 }]]);
    await page.waitForSelector(`[data-testid=lottery][data-height="${h + 2}"]`);

    // Replay walks from block 1 to the newest, then follows again.
    await page.click('[data-testid=lottery-replay]');
    assert.equal(await shown(), 1);
    await page.waitForFunction(() => Number(document.querySelector('[data-testid=lottery]').dataset.height) >= 2, null, { timeout: 5000 });
    await page.waitForFunction(
      (last) => document.querySelector('[data-testid=lottery]').dataset.selection === 'newest' &&
        Number(document.querySelector('[data-testid=lottery]').dataset.height) === last,
      h + 2,
      { timeout: 20_000 },
    );
    // The history strip has one cell per block.
    assert.equal(await page.locator('[data-testid=forger-strip] g[data-height]').count(), h + 2);
    assert.deepEqual(errors, [], errors.join('\n'));
  } finally {
    await context.close();
  }
});

test('a big draw runs in the Web Worker behind a progress bar', { timeout: 120_000 }, async () => {
  const { context, page, errors } = await openPage();
  try {
    const stake = 100_000;
    // The exchange sells at most 1000 tokens at a time.
    const bought = await page.evaluate((n) => {
      let ok = 0;
      for (let i = 0; i < n; i++) ok += playground.submit(1, { kind: 'exchange', amount: 1000 }).ok ? 1 : 0;
      return ok;
    }, stake / 1000 + 1);
    assert.equal(bought, stake / 1000 + 1);
    await settle(page, 1, 30_000);
    await block(page, [[1, { kind: 'stake', amount: stake }]]);
    // Watch for the progress bar from now on (it may be brief).
    await page.evaluate(() => {
      window.__sawProgress = false;
      new MutationObserver(() => {
        if (document.querySelector('[data-testid=lottery-progress] progress')) window.__sawProgress = true;
      }).observe(document.body, { childList: true, subtree: true });
    });
    // The nodes' own draws of 100,001 lots go to the worker too (src/edge/draws.rs), counted here.
    const workerDraws = async () => Number(await page.getAttribute('[data-testid=next-forger]', 'data-worker-draws'));
    const drawsBefore = await workerDraws();
    await block(page, [[1, { kind: 'transfer', to: 2, amount: 7 }]]);
    await page.waitForSelector(`[data-testid=lottery-line][data-lots="${stake + 1}"]`, { timeout: 30_000 });
    assert.equal(await page.evaluate(() => window.__sawProgress), true, 'no progress bar seen');
    assert.ok((await workerDraws()) > drawsBefore, "the nodes' draw of the next block never went to the worker");
    assert.match(await page.innerText('[data-testid=lottery-timing]'), /100,001 lots drawn in \d+ ms in a Web Worker/);
    const h = await tip(page);
    const chain = await page.evaluate(() => playground.chain(0));
    assert.equal(await page.getAttribute('[data-testid=lot-mark][data-winner=true]', 'data-staker'), chain.blocks[h].forger);
    await page.locator('[data-testid=lottery]').scrollIntoViewIfNeeded();
    await page.locator('[data-testid=lottery]').screenshot(shot('lottery-worker-1280.png'));
    assert.deepEqual(errors, [], errors.join('\n'));
  } finally {
    await context.close();
  }
});

test('without its worker the page draws a big lottery itself, and says so', { timeout: 120_000 }, async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 720 } });
  // As in an engine without wasm SIMD: the worker's module never starts.
  await context.route('**/lottery_worker_loader.js', (route) => route.abort());
  const page = await context.newPage();
  const errors = collectConsoleErrors(page);
  try {
    await page.goto(env.server.url);
    await page.waitForFunction(() => window.playground && document.querySelector('[data-testid=lottery]'));
    const stake = 25_000;
    await page.evaluate((n) => {
      for (let i = 0; i < n; i++) playground.submit(1, { kind: 'exchange', amount: 1000 });
    }, stake / 1000 + 1);
    await settle(page, 1, 30_000);
    await block(page, [[1, { kind: 'stake', amount: stake }]]);
    await block(page, [[1, { kind: 'transfer', to: 2, amount: 7 }]]);
    await page.waitForSelector(`[data-testid=lottery-line][data-lots="${stake + 1}"]`, { timeout: 30_000 });
    assert.match(await page.innerText('[data-testid=lottery-timing]'), /25,001 lots drawn in \d+ ms on the page/);
    assert.match(await page.innerText('[data-testid=lottery] [role=alert]'), /lottery worker is unavailable/);
    // The nodes drew their 25,001-lot lotteries on the page too, and still made blocks.
    assert.equal(await page.getAttribute('[data-testid=next-forger]', 'data-worker-draws'), '0');
    // Only the blocked request itself may complain.
    assert.deepEqual(errors.filter((e) => !/lottery_worker_loader\.js|net::ERR_FAILED/.test(e)), [], errors.join('\n'));
  } finally {
    await context.close();
  }
});
