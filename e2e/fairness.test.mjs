// The fairness lab end to end, against the release build in dist/: a run of all six rules
// completes in the page's worker and shows the chart, the table and the verdict in words; a
// long run stops on request; the grinding demonstration shows grinding beating honest play;
// `playground.fairness()` answers (and refuses bad input) in the console.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServerAndBrowser, collectConsoleErrors, screenshot, showLab } from './helpers.mjs';

const env = useServerAndBrowser();

async function openPage(viewport = { width: 1440, height: 900 }) {
  const context = await env.browser.newContext({ viewport });
  const page = await context.newPage();
  const errors = collectConsoleErrors(page);
  await page.goto(env.server.url);
  await showLab(page);
  return { context, page, errors };
}

test('a run of six rules completes and shows the chart, shares and a verdict', async () => {
  const { context, page, errors } = await openPage();
  try {
    // The lab is an app of its own in its own module: its clicks are never taken by the page's
    // app for one of its own (a lab button once removed a node).
    const nodes = await page.evaluate(() => playground.nodes().length);
    const lab = page.getByTestId('fairness');
    await lab.getByRole('button', { name: 'Example 10 / 30 / 60' }).click();
    await page.getByTestId('lab-rounds').selectOption('10000');
    await page.getByTestId('lab-run').click();
    await page.getByTestId('lab-status').filter({ hasText: '· done' }).waitFor({ timeout: 60_000 });
    assert.match(await page.getByTestId('lab-status').textContent(), /^60,000 of 60,000 draws: 10,000 rounds × 6 rules/);
    assert.equal(await page.evaluate(() => playground.nodes().length), nodes, 'the page kept its nodes');
    // The chart: one dashed stake line and one share line per staker.
    const chart = page.getByTestId('lab-chart');
    assert.equal(await chart.locator('polyline').count(), 3);
    const points = await chart.locator('polyline').first().getAttribute('points');
    assert.ok(points.split(' ').length > 20, 'the share line has many samples');
    // The table: the lots rule's shares near the stakes after 10,000 rounds.
    const table = page.getByTestId('lab-table');
    assert.equal(await table.locator('thead th').count(), 2 + 6);
    const lots = await table.locator('tbody tr').evaluateAll((rows) =>
      rows.slice(0, 3).map((r) => parseFloat(r.children[2].textContent)),
    );
    [10, 30, 60].forEach((want, i) => assert.ok(Math.abs(lots[i] - want) < 2.5, `lots share ${lots[i]} vs ${want}`));
    const verdict = await page.getByTestId('lab-verdict').textContent();
    assert.match(verdict, /χ² = [\d.]+ with 2 degrees of freedom, p = /);
    // CometBFT hands out turns exactly: its verdict says so.
    await lab.getByRole('tab', { name: 'CometBFT round-robin' }).click();
    assert.match(await page.getByTestId('lab-verdict').textContent(), /handed out by a rule/);
    // Ethereum: both questions answered, and Electra's acceptance chances computed by the rule.
    await lab.getByRole('tab', { name: 'Ethereum (Electra)' }).click();
    assert.match(await page.getByTestId('lab-verdict').textContent(), /Does it follow stake\?/);
    assert.match(await page.getByTestId('lab-verdict-expected').textContent(), /designers intended.*designed to give/s);
    const chances = await page.getByTestId('electra-chances').textContent();
    assert.match(chances, /1,024 \/ 65,536 = 0\.016/);
    assert.match(chances, /65,536 \/ 65,536 = 1\.000/);
    assert.ok((await page.getByTestId('lab-expected').count()) >= 3 * 6, 'an expected share per staker and rule');
    await screenshot(page, 'fairness-lab');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('a long run shows progress and stops on request', async () => {
  const { context, page, errors } = await openPage();
  try {
    await page.getByTestId('fairness').getByRole('button', { name: 'Example 10 / 30 / 60' }).click();
    await page.getByTestId('lab-stake').nth(2).fill('60000');
    await page.getByTestId('lab-rounds').selectOption('100000');
    await page.getByTestId('lab-run').click();
    await page.getByTestId('lab-status').filter({ hasText: 'rounds' }).waitFor({ timeout: 20_000 });
    // The page stays responsive while the worker runs.
    assert.ok((await page.evaluate(() => playground.nodes().length)) >= 1);
    await page.getByTestId('lab-stop').click();
    const status = await page.getByTestId('lab-status').textContent();
    assert.match(status, /stopped$/);
    const [done, total] = status.match(/[\d,]+/g).slice(0, 2).map((x) => Number(x.replace(/,/g, '')));
    assert.ok(done > 0 && done < total, `${done} of ${total}`);
    await page.getByTestId('lab-run').waitFor();
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('grinding beats honest play, and the page says why real chains resist it', async () => {
  const { context, page, errors } = await openPage();
  try {
    await page.getByTestId('fairness').getByRole('button', { name: 'Example 10 / 30 / 60' }).click();
    await page.getByTestId('grind-pool').selectOption('4');
    await page.getByTestId('grind-run').click();
    await page.getByTestId('grind-status').filter({ hasText: '· done' }).waitFor({ timeout: 60_000 });
    const share = async (id) => parseFloat(await page.getByTestId(id).locator('b').textContent());
    const [stake, honest, ground] = [await share('grind-stake'), await share('grind-honest'), await share('grind-ground')];
    assert.equal(stake, 10);
    assert.ok(honest < 20, `honest ${honest}`);
    assert.ok(ground > 60, `grinding ${ground} (65 versions: predicted ~99 %)`);
    assert.match(await page.getByTestId('grinding').textContent(), /RANDAO.*VRF/s);
    await screenshot(page, 'grinding');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('playground.fairness() answers in the console', async () => {
  const { context, page, errors } = await openPage();
  try {
    const comet = await page.evaluate(() => playground.fairness({ stakes: [1, 3], rounds: 4, rule: 'cometbft' }));
    assert.deepEqual(comet.wins, [1, 3]);
    assert.equal(comet.rounds, 4);
    const lots = await page.evaluate(() => playground.fairness({ stakes: [10, 30, 60], rounds: 10000, rule: 'lots' }));
    assert.equal(lots.rounds, 10000);
    assert.equal(lots.wins.reduce((a, b) => a + b), 10000);
    lots.shares.forEach((s, i) => assert.ok(Math.abs(s - [0.1, 0.3, 0.6][i]) < 0.025, `share ${s}`));
    assert.ok(lots.pValue >= 0 && lots.pValue <= 1);
    assert.equal(typeof lots.chiSquare, 'number');
    assert.ok(lots.ms > 0, `the worker's time: ${lots.ms}`);
    // Ethereum as of Electra: 2,048 and 1,024 ETH get 75 % and 25 %, as the specification
    // does; the second test compares with that, the first with the stake shares.
    const eth = await page.evaluate(() => playground.fairness({ stakes: [2048, 1024], rounds: 20000, rule: 'ethereum' }));
    assert.deepEqual(eth.expectedShares, [0.75, 0.25]);
    assert.ok(Math.abs(eth.shares[0] - 0.75) < 0.015, `ethereum share ${eth.shares[0]}`);
    assert.ok(eth.pValue < 0.001, `against stake: ${eth.pValue}`);
    assert.ok(eth.pValueExpected > 0.001, `against the design: ${eth.pValueExpected}`);
    // Without stakes: the network's table (the genesis staker alone at first).
    const own = await page.evaluate(() => playground.fairness({ rounds: 10 }));
    assert.equal(own.rounds, 10);
    for (const bad of [{ stakes: [1], rule: 'pow' }, { stakes: [], rounds: 5 }, { stakes: [1], rounds: 1e6 }]) {
      const why = await page.evaluate((b) => playground.fairness(b).then(() => 'resolved', (e) => e.message), bad);
      assert.notEqual(why, 'resolved');
      assert.ok(why.length > 10, why);
    }
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('playground.bench() and playground.grind() answer in the console', async () => {
  const { context, page, errors } = await openPage();
  try {
    // The lottery benchmark in a worker: one row per size, timed there.
    const bench = await page.evaluate(() => playground.bench({ lots: [1000, 20000], runs: 2 }));
    assert.deepEqual(bench.map((r) => r.lots), [1000, 20000]);
    for (const r of bench) {
      assert.equal(r.runs, 2);
      assert.ok(r.drawBestMs > 0 && r.drawBestMs <= r.drawMedianMs, JSON.stringify(r));
      assert.ok(r.lotsPerSecond > 0 && r.digestMs > 0, JSON.stringify(r));
    }
    // The grinding demonstration: honest play and grinding over the same 200 blocks.
    const grind = await page.evaluate(() => playground.grind({ stakes: [10, 30, 60], pool: 3, rounds: 200 }));
    assert.equal(grind.honest.rounds, 200);
    assert.equal(grind.grinding.rounds, 200);
    assert.ok(grind.grinding.variantsTried > grind.honest.variantsTried, JSON.stringify(grind.grinding));
    assert.ok(grind.ms > 0);
    for (const [name, bad] of [['bench', { lots: [5] }], ['bench', { runs: 0 }], ['grind', { grinder: 7 }], ['grind', { rounds: 0 }]]) {
      const why = await page.evaluate(([n, b]) => playground[n](b).then(() => 'resolved', (e) => e.message), [name, bad]);
      assert.notEqual(why, 'resolved');
      assert.ok(why.length > 10, why);
    }
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
