// Accessibility: axe-core (npm, injected into the real page) with the WCAG 2.0/2.1 A and AA
// rules on every section, with the Python views' tabs, after a fairness run, with a lesson
// open, in presenter mode and at phone size: no violation may remain. Then the page by keyboard
// alone (Tab, Enter, Space, arrows): every section reached and used without a mouse; the
// section keys can be turned off (WCAG 2.1.4); a polite live region says what happened; the
// number line's text alternative names the winning lot and the runner-up; and with
// prefers-reduced-motion the replay does not animate.
// The student view of a class needs the class server: e2e/teacher.test.mjs runs there.
// Needs `bash scripts/trunk.sh build --release` first. Screenshots go to e2e/screenshots/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { useServerAndBrowser, collectConsoleErrors, screenshot, waitFor, someBlocks } from './helpers.mjs';

const env = useServerAndBrowser();
const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
// The navigation's sections, in order (src/components/lesson.rs, SECTIONS).
const SECTIONS = ['Nodes', 'Lottery', 'Fairness', 'Faults', 'Block tree', 'Python views'];
// Where each section's button takes the page (src/components/lesson.rs, SECTIONS).
const SECTION_SELECTORS = ['main.layout', '[data-testid=lottery]', '[data-testid=fairness]', '[data-testid=faults]', '[data-testid=block-tree]', '.panels'];

/** The page with four nodes and a few blocks (a purchase, a stake). */
async function openPlayground(browser, url, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, ...options });
  const page = await context.newPage();
  const errors = collectConsoleErrors(page);
  await page.goto(url);
  await waitFor(page, 'the page', () => window.playground && playground.nodes().length === 4);
  return { context, page, errors };
}

/** axe-core's WCAG 2.0/2.1 A and AA rules on the whole document: its violations, printed. */
async function axe(page, label) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) {
    await page.addScriptTag({ path: AXE_PATH });
  }
  const violations = await page.evaluate(async (tags) => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target.join(' '), why: n.failureSummary })),
    }));
  }, WCAG);
  for (const v of violations) {
    console.log(`[${label}] ${v.impact} ${v.id}: ${v.help} (${v.nodes.length})`);
    for (const n of v.nodes.slice(0, 6)) console.log(`    ${n.target}\n      ${String(n.why).replace(/\n/g, '\n      ')}`);
  }
  return violations.map((v) => `${label}: ${v.impact} ${v.id} ×${v.nodes.length} (${v.nodes[0].target})`);
}

async function section(page, name) {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name, exact: true }).click();
  await page.waitForTimeout(250);
}

test('axe-core: no WCAG 2.1 A/AA violation on any section, Python view, fairness run or presenter mode', { timeout: 240_000 }, async () => {
  const { context, page, errors } = await openPlayground(env.browser, env.server.url);
  const found = [];
  try {
    found.push(...(await axe(page, 'start')));
    await someBlocks(page);
    found.push(...(await axe(page, 'after blocks')));
    // The Python views: each tab, as tables and as raw JSON.
    await section(page, 'Python views');
    for (const tab of ['Pool', 'Info', 'Blockchain']) {
      await page.locator('.view-pick').getByRole('tab', { name: new RegExp(`^${tab}`) }).click();
      found.push(...(await axe(page, `view ${tab}`)));
    }
    await page.getByTestId('raw-toggle').check();
    found.push(...(await axe(page, 'raw JSON')));
    await page.getByTestId('raw-toggle').uncheck();
    // The fairness lab with results.
    await section(page, 'Fairness');
    await page.getByTestId('fairness').getByRole('button', { name: 'Example 10 / 30 / 60' }).click();
    await page.getByTestId('lab-rounds').selectOption('1000');
    await page.getByTestId('lab-run').click();
    await page.getByTestId('lab-status').filter({ hasText: '· done' }).waitFor({ timeout: 90_000 });
    found.push(...(await axe(page, 'fairness results')));
    // Presenter mode: one section at a time, each checked.
    await page.getByTestId('present').click();
    await waitFor(page, 'presenter mode', () => document.documentElement.hasAttribute('data-presenting'));
    for (const name of SECTIONS) {
      await section(page, name);
      found.push(...(await axe(page, `presenter: ${name}`)));
    }
    await screenshot(page, 'a11y-presenter');
    await page.keyboard.press('Escape');
    await waitFor(page, 'presenter mode to end', () => !document.documentElement.hasAttribute('data-presenting'));
    assert.deepEqual(errors, [], errors.join('\n'));
  } finally {
    await context.close();
  }
  assert.deepEqual(found, [], `axe-core found violations:\n${found.join('\n')}`);
});

test('axe-core: no violation with a lesson open, at 1280x720 and at phone size', { timeout: 180_000 }, async () => {
  const found = [];
  for (const viewport of [{ width: 1280, height: 720 }, { width: 390, height: 844 }]) {
    const size = `${viewport.width}x${viewport.height}`;
    const { context, page, errors } = await openPlayground(env.browser, `${env.server.url}?lesson=draw&step=3`, { viewport });
    try {
      await page.waitForSelector('[data-testid=lesson][data-step="3"]');
      found.push(...(await axe(page, `lesson draw 3, ${size}`)));
      await page.getByTestId('lesson-close').click();
      found.push(...(await axe(page, `page, ${size}`)));
      if (viewport.width < 500) {
        await someBlocks(page);
        for (const name of SECTIONS) {
          await section(page, name);
          found.push(...(await axe(page, `${name}, ${size}`)));
        }
        await page.getByTestId('present').click();
        await section(page, 'Lottery');
        found.push(...(await axe(page, `presenter: Lottery, ${size}`)));
      }
      assert.deepEqual(errors, [], errors.join('\n'));
    } finally {
      await context.close();
    }
  }
  assert.deepEqual(found, [], `axe-core found violations:\n${found.join('\n')}`);
});

test('the section keys 1 to 6 can be turned off, and stay off after a reload (WCAG 2.1.4)', { timeout: 60_000 }, async () => {
  const { context, page } = await openPlayground(env.browser, env.server.url);
  try {
    const lotteryTop = () => page.evaluate(() => document.querySelector('[data-testid=lottery]').getBoundingClientRect().top);
    const toggle = page.getByTestId('section-keys');
    assert.equal(await toggle.getAttribute('aria-checked'), 'true', 'on by default: a teacher on a projector uses them');
    await toggle.click();
    assert.equal(await toggle.getAttribute('aria-checked'), 'false');
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    const before = await lotteryTop();
    await page.locator('body').press('2');
    await page.waitForTimeout(400);
    assert.equal(await lotteryTop(), before, 'a bare 2 does nothing while the keys are off');
    await page.reload();
    await waitFor(page, 'the page', () => window.playground && playground.nodes().length === 4);
    assert.equal(await page.getByTestId('section-keys').getAttribute('aria-checked'), 'false', 'remembered');
    await page.getByTestId('section-keys').click();
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.locator('body').press('2');
    await waitFor(page, 'the lottery in view', () => {
      const t = document.querySelector('[data-testid=lottery]').getBoundingClientRect().top;
      return t >= 0 && t < 200;
    });
  } finally {
    await context.close();
  }
});

test('a polite live region says what happened: a block and its forger, a refusal; never a flood', { timeout: 90_000 }, async () => {
  const { context, page } = await openPlayground(env.browser, env.server.url);
  try {
    const region = page.getByTestId('announcer');
    assert.equal(await region.getAttribute('aria-live'), 'polite');
    // The feed itself no longer speaks (it would read every line of a busy network).
    assert.equal(await page.getByTestId('activity').getAttribute('aria-live'), null);
    const said = [];
    await page.exposeFunction('heard', (t) => said.push({ t, at: Date.now() }));
    await page.evaluate(() => {
      const el = document.querySelector('[data-testid=announcer]');
      new MutationObserver(() => el.textContent && window.heard(el.textContent)).observe(el, { childList: true, subtree: true, characterData: true });
    });
    await someBlocks(page);
    await page.evaluate(() => playground.submit(3, { kind: 'transfer', to: 0, amount: 500 }));
    await waitFor(page, 'a block announced', () => /forged block #\d+/.test(document.querySelector('[data-testid=announcer]').textContent), undefined, 30_000);
    const text = await region.textContent();
    assert.match(text, /Node \d (won the draw and )?forged block #\d+/);
    // Several blocks came in the first seconds; announcements stay at least the quiet gap apart.
    await page.waitForTimeout(12_000);
    const gaps = said.slice(1).map((s, i) => s.at - said[i].at);
    assert.ok(said.length >= 1);
    assert.ok(gaps.every((g) => g >= 4_000), `announcements ${gaps.join(', ')} ms apart: ${JSON.stringify(said)}`);
  } finally {
    await context.close();
  }
});

test("the number line's text alternative reads the winning lot and the runner-up", { timeout: 60_000 }, async () => {
  const { context, page } = await openPlayground(env.browser, env.server.url);
  try {
    await someBlocks(page);
    await section(page, 'Lottery');
    const line = page.getByTestId('lottery-line');
    await line.waitFor();
    // The next block's draw: every staker's lots.
    await page.getByTestId('lottery-next').click();
    await waitFor(page, 'the next draw', () => document.querySelector('[data-testid=lottery]').dataset.selection === 'next');
    await waitFor(page, 'a runner-up', () => /runner-up: Node \d/.test(document.querySelector('[data-testid=lottery-line]').getAttribute('aria-label')));
    const alt = await line.getAttribute('aria-label');
    assert.match(alt, /winning lot: Node \d's lot k = [\d,]+/);
    assert.match(alt, /runner-up: Node \d's lot k = [\d,]+/);
    const winner = await page.getByTestId('lottery-winner').textContent();
    assert.ok(alt.includes(winner.match(/Node \d/)[0]), `${alt} names the winner of "${winner}"`);
  } finally {
    await context.close();
  }
});

test('with prefers-reduced-motion the replay does not animate; without it, it does', { timeout: 90_000 }, async () => {
  for (const reducedMotion of ['reduce', 'no-preference']) {
    const { context, page } = await openPlayground(env.browser, env.server.url, { reducedMotion });
    try {
      await someBlocks(page);
      await waitFor(page, 'two blocks', () => playground.nodes()[0].height >= 2);
      await section(page, 'Lottery');
      await page.getByTestId('lottery-replay').click();
      const at = () => page.getByTestId('lottery').getAttribute('data-selection');
      assert.equal(await at(), '1');
      await page.waitForTimeout(2_600);
      if (reducedMotion === 'reduce') {
        assert.equal(await at(), '1', 'no automatic steps');
        await page.getByTestId('lottery-next').click();
        assert.ok(['2', 'newest'].includes(await at()), 'the reader steps to block #2');
      } else {
        assert.notEqual(await at(), '1', 'the replay moved on by itself');
      }
    } finally {
      await context.close();
    }
  }
});

test('by keyboard alone: every section reached and used with Tab, Enter, Space and arrows', { timeout: 120_000 }, async () => {
  const { context, page, errors } = await openPlayground(env.browser, env.server.url);
  try {
    const focused = () => page.evaluate(() => {
      const e = document.activeElement;
      return e ? `${e.tagName.toLowerCase()}|${e.getAttribute('data-testid') || ''}|${(e.getAttribute('aria-label') || e.textContent || '').trim().slice(0, 40)}` : '';
    });
    // Tab until `pred` holds for the focused element (at most `max` presses).
    async function tabTo(what, pred, max = 400, key = 'Tab') {
      for (let i = 0; i < max; i++) {
        await page.keyboard.press(key);
        if (await page.evaluate(pred)) return;
      }
      throw new Error(`Tab never reached ${what}; last ${await focused()}`);
    }
    // The focus is visible wherever it goes.
    const outlined = () => page.evaluate(() => {
      const s = getComputedStyle(document.activeElement);
      return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;
    });
    // Buy 60 tokens on Node 2 by keyboard: the form's select, amount and Send.
    await tabTo('Node 2 actions', () => document.activeElement.closest('[data-testid=node-1]') && document.activeElement.matches('[data-testid=kind]'));
    assert.ok(await outlined(), 'the focus is outlined');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Control+a');
    await page.keyboard.type('60');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await waitFor(page, 'Node 2 to hold 60', () => playground.nodes()[1].balance >= 60);
    // Stake by keyboard: arrows in the select.
    await page.locator('[data-testid=node-1] [data-testid=kind]').focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    assert.equal(await page.locator('[data-testid=node-1] [data-testid=kind]').inputValue(), 'stake');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Control+a');
    await page.keyboard.type('30');
    await page.keyboard.press('Enter');
    await waitFor(page, 'Node 2 to stake 30', () => playground.nodes()[1].stake >= 30);
    // The activity feed scrolls: it takes the focus, and the arrows scroll it.
    await tabTo('the activity feed', () => document.activeElement.matches('[data-testid=activity]'));
    // Back to the navigation (Shift+Tab), then each section by Enter, Tab to the next.
    await tabTo("the navigation's first section", () => document.activeElement.matches('.navlink') && !document.activeElement.previousElementSibling, 200, 'Shift+Tab');
    // Enter on a section's button moves the focus into that section (as a skip link does),
    // so Tab goes on there; the next section's button is one Tab after the one before.
    for (const [i, name] of SECTIONS.entries()) {
      assert.equal(await page.evaluate(() => document.activeElement.textContent), name);
      await page.keyboard.press('Enter');
      await waitFor(page, `the focus in ${name}`, (sel) => document.activeElement.closest(sel) !== null, SECTION_SELECTORS[i], 5_000);
      assert.ok(await outlined(), `the focus in ${name} is outlined`);
      await page.locator('.navlink').nth(i).focus();
      await page.keyboard.press('Tab');
    }
    assert.equal(await page.evaluate(() => document.activeElement.textContent.startsWith('Keys 1–6')), true);
    // The lottery: focus a lot in the zoom and read it.
    await section(page, 'Lottery');
    await page.getByTestId('lottery-first').focus();
    await tabTo('a lot in the zoom', () => document.activeElement.matches('[data-testid=lot-mark]'), 80);
    await page.getByTestId('lot-card').filter({ hasText: 'index k' }).waitFor();
    // The Python views: the node picker (arrows) and the view tabs (arrows), Space on raw JSON.
    await page.locator('.node-pick [aria-checked=true]').focus();
    await page.keyboard.press('ArrowRight');
    assert.equal(await page.locator('.node-pick [aria-checked=true]').textContent(), 'Node 2');
    assert.match(await focused(), /Node 2/);
    await page.locator('.view-pick [aria-selected=true]').focus();
    await page.keyboard.press('ArrowRight');
    assert.match(await page.locator('.view-pick [aria-selected=true]').textContent(), /^Pool/);
    await page.getByTestId('raw-toggle').focus();
    await page.keyboard.press('Space');
    await page.getByTestId('raw').waitFor();
    // The faults: crash Node 4 by keyboard.
    await page.locator('[data-testid=faults] button').first().focus();
    await tabTo('a crash control', () => /crash/i.test(document.activeElement.textContent || document.activeElement.getAttribute('aria-label') || ''), 40);
    await page.keyboard.press('Enter');
    await waitFor(page, 'a crashed node', () => playground.nodes().some((n) => n.crashed));
    // A lesson from the menu, by keyboard; Page Down steps, Esc closes.
    await page.getByTestId('lesson-menu').focus();
    await page.keyboard.press('ArrowDown');
    await page.waitForSelector('[data-testid=lesson][data-step="1"]');
    await page.keyboard.press('PageDown');
    await page.waitForSelector('[data-testid=lesson][data-step="2"]');
    await page.keyboard.press('Escape');
    await waitFor(page, 'the lesson to close', () => !document.querySelector('[data-testid=lesson]'));
    await screenshot(page, 'a11y-keyboard');
    assert.deepEqual(errors, [], errors.join('\n'));
  } finally {
    await context.close();
  }
});
