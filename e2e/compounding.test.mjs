// The fairness lab's rewards-and-compounding mode end to end, against the release build in
// dist/: a run of both schedules completes in the page's worker and shows two histograms with
// the starting share marked, the simulated means and variances beside the exact ones, and the
// paper's point in words; it fits a phone's width and works from the keyboard; a long run stops
// on request while the page stays responsive; `playground.compounding()` answers in the console
// and refuses bad input in words.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { useServerAndBrowser, collectConsoleErrors, SCREENSHOT_DIR, showLab } from './helpers.mjs';

const env = useServerAndBrowser();

async function openPage(viewport) {
  const context = await env.browser.newContext({ viewport });
  const page = await context.newPage();
  const errors = collectConsoleErrors(page);
  await page.goto(env.server.url);
  await showLab(page);
  await page.getByTestId('fairness').getByRole('button', { name: 'Example 10 / 30 / 60' }).click();
  return { context, page, errors };
}

/** "8.97 × 10⁻⁴" or "8.97 ± 0.28 × 10⁻⁴" as numbers: [value, error or null]. */
function readVariance(text) {
  const sup = { '⁰': 0, '¹': 1, '²': 2, '³': 3, '⁴': 4, '⁵': 5, '⁶': 6, '⁷': 7, '⁸': 8, '⁹': 9 };
  const m = text.match(/([\d.]+)(?: ± ([\d.]+))? × 10(⁻?)([⁰¹²³⁴⁵⁶⁷⁸⁹]+)/);
  assert.ok(m, `a variance: ${text}`);
  const exponent = (m[3] ? -1 : 1) * Number([...m[4]].map((c) => sup[c]).join(''));
  const scale = 10 ** exponent;
  return [Number(m[1]) * scale, m[2] === undefined ? null : Number(m[2]) * scale];
}

/** A screenshot of the compounding panel alone. */
async function shoot(page, name) {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  await page.getByTestId('compounding').screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) });
}

test('both schedules run in the worker and show histograms, exact and simulated figures, and the point', async () => {
  const { context, page, errors } = await openPage({ width: 1280, height: 720 });
  try {
    const panel = page.getByTestId('compounding');
    await page.getByTestId('cmp-watch').selectOption({ label: 'Staker A · 10.0 %' });
    await page.getByTestId('cmp-reward').selectOption('10000');
    await page.getByTestId('cmp-blocks').selectOption('1000');
    await page.getByTestId('cmp-runs').selectOption('2000');
    await page.getByTestId('cmp-run').click();
    await page.getByTestId('cmp-status').filter({ hasText: '· done' }).waitFor({ timeout: 60_000 });
    assert.match(await page.getByTestId('cmp-status').textContent(), /^2,000 of 2,000 runs of 1,000 blocks · [\d.]+ s · done$/);
    // Two histograms, many bars each, the starting share dashed at 10 %.
    for (const schedule of ['constant', 'geometric']) {
      const chart = page.getByTestId(`cmp-histogram-${schedule}`);
      assert.ok((await chart.locator('rect.bar').count()) >= 8, `${schedule}: bars`);
      assert.match(await chart.locator('.start-label').textContent(), /^start 10\.0 %$/);
      assert.match(await chart.getAttribute('aria-label'), /2,000 runs.*starting share 10\.0 %/);
    }
    // Both histograms hold every run.
    const runs = await panel.locator('rect.bar title').evaluateAll((ts) =>
      ts.map((t) => Number(t.textContent.match(/: ([\d,]+) runs$/)[1].replace(/,/g, ''))).reduce((a, b) => a + b, 0),
    );
    assert.equal(runs, 2 * 2000);
    // The figures: exact means are the start; simulated beside exact within a few standard errors.
    const cell = async (id) => (await page.getByTestId(id).textContent()).trim();
    const exact = {};
    for (const schedule of ['constant', 'geometric']) {
      assert.equal(await cell(`cmp-exact-mean-${schedule}`), '10.00 %');
      const [mean, meanSe] = (await cell(`cmp-mean-${schedule}`)).match(/[\d.]+/g).map(Number);
      assert.ok(Math.abs(mean - 10) < 4 * meanSe, `${schedule} mean ${mean} ± ${meanSe}`);
      const [sim, se] = readVariance(await cell(`cmp-var-${schedule}`));
      [exact[schedule]] = readVariance(await cell(`cmp-exact-var-${schedule}`));
      assert.ok(se > 0 && Math.abs(sim - exact[schedule]) < 4 * se, `${schedule}: ${sim} ± ${se} vs ${exact[schedule]}`);
      const z = Number((await cell(`cmp-agreement-${schedule}`)).match(/^([\d.]+) standard errors apart$/)[1]);
      assert.ok(z < 4, `${schedule}: ${z}`);
    }
    // The closed form for a constant reward: v(1-v)·n·r²/((1+r)(1+nr)), shown to three digits.
    const closed = (0.1 * 0.9 * 1000 * 0.01 ** 2) / (1.01 * 11);
    assert.ok(Math.abs(exact.constant - closed) / closed < 0.006, `${exact.constant} vs ${closed}`);
    assert.ok(exact.geometric < exact.constant, 'the geometric reward spreads less');
    const point = await page.getByTestId('cmp-point').textContent();
    assert.match(point, /martingale/);
    assert.match(point, /luck compounds/);
    assert.match(point, /Fanti et al\. prove it the most equitable/);
    await shoot(page, 'compounding-1280');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('the panel fits a phone and runs from the keyboard', async () => {
  const { context, page, errors } = await openPage({ width: 390, height: 844 });
  try {
    await page.getByTestId('cmp-runs').selectOption('500');
    // Keyboard only: focus the button, press Enter.
    await page.getByTestId('cmp-run').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('cmp-status').filter({ hasText: '· done' }).waitFor({ timeout: 60_000 });
    await page.getByTestId('cmp-histogram-geometric').waitFor();
    const overflow = await page.evaluate(() => {
      const panel = document.querySelector('[data-testid=compounding]');
      const wide = [...panel.querySelectorAll('*')].filter((e) => e.getBoundingClientRect().right > window.innerWidth + 0.5);
      return { inside: panel.scrollWidth <= panel.clientWidth, wide: wide.map((e) => e.tagName + '.' + e.className) };
    });
    assert.deepEqual(overflow.wide, [], 'nothing in the panel reaches past the screen');
    assert.ok(overflow.inside, 'nothing in the panel scrolls sideways');
    // Every control has a name.
    for (const id of ['cmp-watch', 'cmp-reward', 'cmp-blocks', 'cmp-runs']) {
      const name = await page.getByTestId(id).evaluate((e) => e.labels?.[0]?.textContent ?? '');
      assert.ok(name.trim().length > 3, `${id} is labelled`);
    }
    await shoot(page, 'compounding-390');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('a long run shows progress, leaves the page responsive and stops on request', async () => {
  const { context, page, errors } = await openPage({ width: 1280, height: 720 });
  try {
    await page.getByTestId('cmp-blocks').selectOption('1000');
    await page.getByTestId('cmp-runs').selectOption('5000');
    await page.getByTestId('cmp-run').click();
    await page.getByTestId('cmp-status').filter({ hasText: / runs of / }).waitFor({ timeout: 20_000 });
    assert.ok((await page.evaluate(() => playground.nodes().length)) >= 1);
    await page.getByTestId('cmp-stop').click();
    const status = await page.getByTestId('cmp-status').textContent();
    assert.match(status, /stopped$/);
    const [done, total] = status.match(/[\d,]+/g).slice(0, 2).map((x) => Number(x.replace(/,/g, '')));
    assert.ok(done > 0 && done < total, `${done} of ${total}`);
    await page.getByTestId('cmp-run').waitFor();
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('playground.compounding() answers in the console and refuses bad input in words', async () => {
  const { context, page, errors } = await openPage({ width: 1280, height: 720 });
  try {
    const a = await page.evaluate(() => playground.compounding({ stakes: [1, 1], reward: 0.05, blocks: 200, runs: 1000 }));
    assert.equal(a.startShare, 0.5);
    assert.equal(a.reward, 0.05);
    assert.equal(a.runs, 1000);
    const closed = (0.25 * 200 * 0.05 ** 2) / (1.05 * 11);
    assert.ok(Math.abs(a.constant.exactVariance - closed) / closed < 1e-9, `${a.constant.exactVariance} vs ${closed}`);
    assert.ok(Math.abs(a.limitVariance - (0.25 * 0.05) / 1.05) < 1e-15);
    // The geometric rate g solves (1 + g)^n = 1 + n·r.
    assert.ok(Math.abs((1 + a.geometricRate) ** 200 - 11) < 1e-6 * 11, `g = ${a.geometricRate}`);
    for (const s of [a.constant, a.geometric]) {
      assert.equal(s.exactMean, 0.5);
      assert.ok(Math.abs(s.variance - s.exactVariance) < 4 * s.varianceError, JSON.stringify(s));
      assert.equal(s.counts.reduce((x, y) => x + y), 1000);
    }
    assert.ok(a.geometric.exactVariance < a.constant.exactVariance);
    assert.ok(a.ms > 0, `the worker's time: ${a.ms}`);
    for (const bad of [{ reward: 2 }, { watch: 9 }, { runs: 10000, blocks: 10000 }, { stakes: 'many' }]) {
      const why = await page.evaluate((b) => playground.compounding(b).then(() => 'resolved', (e) => e.message), bad);
      assert.notEqual(why, 'resolved');
      assert.ok(why.length > 10, why);
    }
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
