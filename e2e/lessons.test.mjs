// Lessons: every lesson walked end to end through "Do it" at 1280x720 and 1920x1080, each
// step's highlighted part in view and each action's effect read back from the network through
// window.playground or the page; a whole lesson by keyboard only (Page Down, Enter) with the
// focus visible; presenter mode; a missing and a damaged lesson file give a clear message.
// Needs `bash scripts/trunk.sh build --release` first. Screenshots go to e2e/screenshots/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { useServerAndBrowser, collectConsoleErrors, SCREENSHOT_DIR } from './helpers.mjs';

const env = useServerAndBrowser();
const LESSONS = ['keys', 'pool', 'lots', 'draw', 'fair', 'faults', 'attacks'];
const SIZES = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
];

async function shot(page, name) {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) });
}

async function waitFor(page, what, fn, arg, timeout = 40_000) {
  await page.waitForFunction(fn, arg, { timeout, polling: 200 }).catch((e) => {
    throw new Error(`timed out waiting for ${what}: ${e.message}`);
  });
}

// What the network looks like, read through the console API and the page.
function snapshot(page) {
  return page.evaluate(() => {
    const nodes = playground.nodes();
    const rejected = {};
    nodes.forEach((_, i) => {
      for (const [k, v] of Object.entries(playground.rejected(i) || {})) rejected[k] = (rejected[k] || 0) + v;
    });
    const txs = playground.chain(0).blocks.flatMap((b) => b.transactions);
    return {
      nodes,
      rejected,
      transfers: txs.filter((t) => t.type === 'TRANSFER').length,
      height: Math.max(...nodes.map((n) => n.height)),
      split: !!document.querySelector('[data-testid=partitioned]'),
      labStakes: document.querySelectorAll('[data-testid=lab-stake]').length,
      labVerdict: !!document.querySelector('[data-testid=lab-verdict]'),
      grindResults: !!document.querySelector('[data-testid=grind-results]'),
      results: nodes.map((_, i) => document.querySelector(`[data-testid=node-${i}] [data-testid=result]`)?.textContent || ''),
    };
  });
}

const held = (n) => n.balance + n.stake;
const refusals = (s, ...reasons) => reasons.reduce((sum, r) => sum + (s.rejected[r] || 0), 0);

// The effect each "Do it" must have had, checked against the network (before, after). A
// check that needs the chain to settle is retried until it holds or times out.
const EFFECTS = {
  'keys 2': (b, a) => held(a.nodes[1]) >= held(b.nodes[1]) + 25,
  'keys 4': (b, a) => a.nodes[2].behaviour === 'forgedSignature',
  'keys 5': (b, a) => refusals(a, 'block:badSignature') > refusals(b, 'block:badSignature'),
  'keys 6': (b, a) => a.nodes[2].behaviour === 'honest',
  'pool 1': (b, a) => [1, 2].every((i) => held(a.nodes[i]) >= held(b.nodes[i]) + 40),
  'pool 2': (b, a) => a.transfers >= b.transfers + 2,
  'pool 3': (b, a) => a.nodes[1].stake >= b.nodes[1].stake + 20,
  'pool 4': (b, a) => /Refused/.test(a.results[2]) && held(a.nodes[3]) === held(b.nodes[3]),
  'lots 1': (b, a) => [1, 2, 3].every((i) => held(a.nodes[i]) >= held(b.nodes[i]) + 40),
  'lots 2': (b, a) => [[1, 10], [2, 20], [3, 30]].every(([i, s]) => a.nodes[i].stake >= b.nodes[i].stake + s),
  'lots 4': (b, a) => a.nodes[2].stake >= b.nodes[2].stake + 15,
  'draw 1': (b, a) => [1, 2].every((i) => held(a.nodes[i]) >= held(b.nodes[i]) + 30),
  'draw 2': (b, a) => a.nodes[1].stake >= b.nodes[1].stake + 20 && a.nodes[2].stake >= b.nodes[2].stake + 10,
  'draw 3': (b, a) => a.height > b.height,
  'draw 9': (b, a) => a.height > b.height,
  'fair 2': (b, a) => a.labStakes === a.nodes.filter((n) => n.stake > 0).length,
  'fair 3': (b, a) => a.labVerdict,
  'faults 1': (b, a) => [1, 2, 3].every((i) => held(a.nodes[i]) >= held(b.nodes[i]) + 40),
  'faults 2': (b, a) => [1, 2, 3].every((i) => a.nodes[i].stake >= b.nodes[i].stake + 30),
  'faults 3': (b, a) => a.nodes.some((n) => n.crashed),
  'faults 4': (b, a) => a.height > b.height && a.nodes.some((n) => n.crashed),
  'faults 5': (b, a) => a.nodes.every((n) => !n.crashed),
  'faults 6': (b, a) => a.split,
  'faults 7': (b, a) => new Set(a.nodes.map((n) => n.tip)).size > 1,
  'faults 8': (b, a) => !a.split && new Set(a.nodes.map((n) => n.tip)).size === 1,
  'attacks 1': (b, a) => [1, 2, 3].every((i) => held(a.nodes[i]) >= held(b.nodes[i]) + 40),
  'attacks 2': (b, a) => [1, 2, 3].every((i) => a.nodes[i].stake >= b.nodes[i].stake + 30),
  'attacks 3': (b, a) => refusals(a, 'block:notTheForger', 'block:outOfTurn') > refusals(b, 'block:notTheForger', 'block:outOfTurn'),
  'attacks 4': (b, a) => refusals(a, 'block:badSignature') > refusals(b, 'block:badSignature'),
  'attacks 5': (b, a) => refusals(a, 'tx:conflict') > refusals(b, 'tx:conflict'),
  'attacks 6': (b, a) => refusals(a, 'block:equivocation') > refusals(b, 'block:equivocation'),
  'attacks 7': (b, a) => a.grindResults && a.nodes.every((n) => n.behaviour === 'honest'),
};

async function effectHolds(page, key, before) {
  const check = EFFECTS[key];
  assert.ok(check, `the test knows what "${key}" does`);
  const deadline = Date.now() + 60_000;
  for (;;) {
    const after = await snapshot(page);
    if (check(before, after)) return;
    assert.ok(Date.now() < deadline, `${key}: the action had its effect on the network`);
    await page.waitForTimeout(300);
  }
}

// The step's highlighted part: on screen (its box clipped by the boxes that scroll it and by
// the window is not empty), and the lesson panel covers none of it.
async function targetInView(page) {
  return page.evaluate(() => {
    const el = document.querySelector('[data-lesson-target]');
    const panel = document.querySelector('[data-testid=lesson]');
    if (!el) return 'no highlighted element';
    const r = el.getBoundingClientRect();
    let box = { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    const clip = (c) => {
      box = { left: Math.max(box.left, c.left), top: Math.max(box.top, c.top), right: Math.min(box.right, c.right), bottom: Math.min(box.bottom, c.bottom) };
    };
    for (let a = el.parentElement; a && a !== document.documentElement; a = a.parentElement) {
      const s = getComputedStyle(a);
      if (s.overflowX !== 'visible' || s.overflowY !== 'visible') clip(a.getBoundingClientRect());
    }
    clip({ left: 0, top: 0, right: innerWidth, bottom: innerHeight });
    const p = panel.getBoundingClientRect();
    const shown = box.right > box.left && box.bottom > box.top;
    const covered = shown && box.left < p.right && p.left < box.right && box.top < p.bottom && p.top < box.bottom;
    return (shown && !covered) || `highlight at ${Math.round(r.left)},${Math.round(r.top)}..${Math.round(r.right)},${Math.round(r.bottom)}, panel at ${Math.round(p.left)},${Math.round(p.top)}..${Math.round(p.right)},${Math.round(p.bottom)}`;
  });
}

async function currentStep(page) {
  return page.evaluate(() => playground.lesson());
}

async function walk(page, name, label) {
  await page.selectOption('[data-testid=lesson-menu]', name);
  await page.waitForSelector(`[data-testid=lesson][data-lesson=${name}][data-step="1"]`);
  const { steps, title } = await currentStep(page);
  assert.ok(steps >= 4, `${name} has steps`);
  assert.ok(title.length > 3);
  for (let s = 1; s <= steps; s++) {
    await page.waitForSelector(`[data-testid=lesson][data-step="${s}"]`);
    assert.deepEqual(await currentStep(page), { lesson: name, step: s, steps, title });
    const show = await page.evaluate(() => document.querySelector('[data-testid=lesson-status]').textContent);
    assert.doesNotMatch(show, /not on the page/, `${name} step ${s}: its part of the page exists`);
    assert.equal(await targetInView(page), true, `${name} step ${s} (${label}): the highlighted part is in view`);
    await shot(page, `lesson-${label}-${name}-${s}`);
    const doIt = page.locator('[data-testid=lesson-do]');
    if (await doIt.count()) {
      const before = await snapshot(page);
      // Some effects need a block the network forges in its own time; a teacher presses again
      // if nothing happened (an attacker whose turn came, a draw nobody else could win).
      for (let tries = 0; ; tries++) {
        await doIt.click();
        const moved = await page.waitForFunction((s) => {
          const l = document.querySelector('[data-testid=lesson]');
          return l && (l.dataset.step !== String(s) || l.dataset.progress === 'done');
        }, s, { timeout: 15_000, polling: 200 }).then(() => true, () => false);
        if (moved) break;
        assert.ok(tries < 5, `${name} step ${s}: its effect came after pressing Do it`);
        const note = await page.evaluate(() => document.querySelector('[data-testid=lesson-status]').textContent);
        assert.doesNotMatch(note, /Refused: (?!.*crashed|.*did not answer)/, `${name} step ${s}: ${note}`);
      }
      await effectHolds(page, `${name} ${s}`, before);
      if (s < steps) await page.waitForSelector(`[data-testid=lesson][data-step="${s + 1}"]`, { timeout: 10_000 });
    } else if (s < steps) {
      await page.click('[data-testid=lesson-next]');
    }
  }
  await page.click('[data-testid=lesson-close]');
  assert.equal(await currentStep(page), null);
}

for (const size of SIZES) {
  const label = `${size.width}x${size.height}`;
  for (const name of LESSONS) {
    test(`lesson ${name} through "Do it" at ${label}`, { timeout: 300_000 }, async () => {
      const page = await env.browser.newPage({ viewport: size });
      const errors = collectConsoleErrors(page);
      await page.goto(env.server.url);
      await waitFor(page, 'the page', () => window.playground && playground.nodes().length === 4 && playground.lesson);
      await page.waitForSelector(`[data-testid=lesson-menu] option[value=${name}]`, { state: 'attached' });
      await walk(page, name, label);
      assert.deepEqual(errors, [], errors.join('\n'));
      await page.close();
    });
  }
}

test('the address opens a step; the console opens and reads lessons', { timeout: 60_000 }, async () => {
  const page = await env.browser.newPage({ viewport: SIZES[0] });
  const errors = collectConsoleErrors(page);
  await page.goto(`${env.server.url}?lesson=draw&step=4`);
  await page.waitForSelector('[data-testid=lesson][data-lesson=draw][data-step="4"]');
  const at = await page.evaluate(() => playground.lesson());
  assert.deepEqual({ lesson: at.lesson, step: at.step }, { lesson: 'draw', step: 4 });
  assert.match(await page.innerText('[data-testid=lesson-heading]'), /seed/i);
  const opened = await page.evaluate(() => playground.lesson('faults', 2));
  assert.equal(opened.lesson, 'faults');
  assert.equal(opened.step, 2);
  await page.waitForSelector('[data-testid=lesson][data-lesson=faults][data-step="2"]');
  // Out of range: the last step; bad names are refused in words.
  const last = await page.evaluate(() => playground.lesson('faults', 999));
  assert.equal(last.step, last.steps);
  const bad = await page.evaluate(() => playground.lesson('../etc', 1).then(() => 'opened', (e) => e.message));
  assert.match(bad, /not a lesson name/);
  await page.waitForSelector('[data-testid=lesson-error]');
  assert.equal(await page.evaluate(() => playground.lesson(null)), null);
  assert.equal(await page.locator('[data-testid=lesson]').count(), 0);
  assert.deepEqual(errors, [], errors.join('\n'));
  await page.close();
});

test('keyboard only: a whole lesson with Page Down and Enter, focus always visible', { timeout: 180_000 }, async () => {
  const page = await env.browser.newPage({ viewport: SIZES[0] });
  const errors = collectConsoleErrors(page);
  await page.goto(env.server.url);
  await waitFor(page, 'the page', () => window.playground && playground.nodes().length === 4);
  await page.waitForSelector('[data-testid=lesson-menu] option[value=keys]', { state: 'attached' });
  // Reach the lesson menu from the top of the page with Tab, choose with the arrow keys.
  let reached = false;
  for (let i = 0; i < 12 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await page.evaluate(() => document.activeElement?.dataset.testid === 'lesson-menu');
  }
  assert.ok(reached, 'the lesson menu is reachable with Tab');
  await page.keyboard.press('ArrowDown');
  await page.waitForSelector('[data-testid=lesson][data-lesson=keys][data-step="1"]');
  const { steps } = await currentStep(page);
  const focusVisible = () => page.evaluate(() => {
    const el = document.activeElement;
    if (!el || !el.closest('[data-testid=lesson]')) return `focus on ${el?.tagName} ${el?.dataset?.testid}`;
    const st = getComputedStyle(el);
    return (st.outlineStyle !== 'none' && parseFloat(st.outlineWidth) >= 2) || `outline ${st.outlineStyle} ${st.outlineWidth}`;
  });
  for (let s = 1; s <= steps; s++) {
    await page.waitForSelector(`[data-testid=lesson][data-step="${s}"]`);
    await waitFor(page, 'the focus in the panel', () => document.activeElement?.closest('[data-testid=lesson]'));
    assert.equal(await focusVisible(), true, `step ${s}: the focus is visible`);
    assert.equal(await targetInView(page), true, `step ${s}: the highlighted part is in view`);
    await shot(page, `lesson-keyboard-${s}`);
    const focused = await page.evaluate(() => document.activeElement.dataset.testid);
    if (focused === 'lesson-do') {
      for (let tries = 0; ; tries++) {
        await page.keyboard.press('Enter');
        const moved = await page.waitForFunction((s) => {
          const l = document.querySelector('[data-testid=lesson]');
          return l.dataset.step !== String(s) || l.dataset.progress === 'done';
        }, s, { timeout: 15_000, polling: 200 }).then(() => true, () => false);
        if (moved) break;
        assert.ok(tries < 5, `step ${s}: Enter on Do it had its effect`);
      }
      if (s < steps) await page.waitForSelector(`[data-testid=lesson][data-step="${s + 1}"]`);
    } else if (s < steps) {
      await page.keyboard.press('PageDown');
    }
  }
  // Page Up goes back; Esc closes the lesson.
  await page.keyboard.press('PageUp');
  await page.waitForSelector(`[data-testid=lesson][data-step="${steps - 1}"]`);
  await page.keyboard.press('Escape');
  await page.waitForSelector('[data-testid=lesson]', { state: 'detached' });
  assert.deepEqual(errors, [], errors.join('\n'));
  await page.close();
});

for (const size of SIZES) {
  test(`presenter mode at ${size.width}x${size.height}: big type, one section, arrows step, Esc leaves`, { timeout: 60_000 }, async () => {
    const page = await env.browser.newPage({ viewport: size });
    const errors = collectConsoleErrors(page);
    await page.goto(`${env.server.url}?lesson=draw&step=3`);
    await page.waitForSelector('[data-testid=lesson][data-step="3"]');
    await page.click('[data-testid=present]');
    await waitFor(page, 'presenter mode', () => document.documentElement.hasAttribute('data-presenting'));
    const shown = () => page.evaluate(() => [...document.querySelectorAll('.page > *')]
      .filter((e) => getComputedStyle(e).display !== 'none' && !e.matches('.topnav, .lesson')).length);
    assert.equal(await shown(), 1, 'one section at a time');
    const size0 = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
    assert.ok(size0 >= 20, `big type: ${size0}px`);
    assert.equal(await targetInView(page), true);
    await shot(page, `lesson-presenter-${size.width}x${size.height}-3`);
    await page.keyboard.press('ArrowRight');
    await page.waitForSelector('[data-testid=lesson][data-step="4"]');
    assert.equal(await shown(), 1);
    assert.equal(await targetInView(page), true);
    await shot(page, `lesson-presenter-${size.width}x${size.height}-4`);
    await page.keyboard.press('ArrowLeft');
    await page.waitForSelector('[data-testid=lesson][data-step="3"]');
    await page.keyboard.press('Escape');
    await waitFor(page, 'presenter mode to end', () => !document.documentElement.hasAttribute('data-presenting'));
    assert.ok((await shown()) > 3, 'every section again');
    assert.equal(await page.locator('[data-testid=lesson]').count(), 1, 'the lesson stays open');
    assert.deepEqual(errors, [], errors.join('\n'));
    await page.close();
  });
}

test('the navigation brings the lottery into view with one key or click', { timeout: 60_000 }, async () => {
  const page = await env.browser.newPage({ viewport: SIZES[0] });
  await page.goto(env.server.url);
  await waitFor(page, 'the page', () => window.playground && playground.nodes().length === 4);
  const lotteryTop = () => page.evaluate(() => document.querySelector('[data-testid=lottery]').getBoundingClientRect().top);
  // From the bottom of the page, one key brings the lottery back to the top of the screen.
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  assert.ok((await lotteryTop()) < 0, 'the lottery is out of view');
  await page.keyboard.press('2');
  await waitFor(page, 'the lottery in view', () => {
    const t = document.querySelector('[data-testid=lottery]').getBoundingClientRect().top;
    return t >= 0 && t < 200;
  });
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await page.getByRole('button', { name: 'Lottery' }).click();
  await waitFor(page, 'the lottery in view', () => {
    const t = document.querySelector('[data-testid=lottery]').getBoundingClientRect().top;
    return t >= 0 && t < 200;
  });
  await shot(page, 'lesson-nav-lottery');
  await page.close();
});

test('a missing or damaged lesson file gives a clear message, not a blank page', { timeout: 60_000 }, async () => {
  const page = await env.browser.newPage({ viewport: SIZES[0] });
  await page.route('**/lessons/en/lots.txt', (route) => route.fulfill({ status: 404, body: 'not here' }));
  await page.route('**/lessons/en/draw.txt', (route) => route.fulfill({
    status: 200,
    contentType: 'text/plain',
    body: 'title: The draw\n\nstep: One\ntext: fine\nbogus line without a colon\n',
  }));
  await page.route('**/lessons/en/pool.txt', (route) => route.fulfill({
    status: 200,
    contentType: 'text/plain',
    body: 'title: Pool\nstep: One\ntext: fine\ndo: stake 2 lots\n',
  }));
  await page.goto(env.server.url);
  await waitFor(page, 'the page', () => window.playground && playground.nodes().length === 4);
  await page.waitForSelector('[data-testid=lesson-menu] option[value=lots]', { state: 'attached' });
  await page.selectOption('[data-testid=lesson-menu]', 'lots');
  await page.waitForSelector('[data-testid=lesson-error]');
  assert.match(await page.innerText('[data-testid=lesson-error]'), /lessons\/en\/lots\.txt could not be loaded: the server answered 404/);
  await shot(page, 'lesson-missing');
  await page.selectOption('[data-testid=lesson-menu]', 'draw');
  await waitFor(page, 'the damaged message', () => /draw\.txt/.test(document.querySelector('[data-testid=lesson-error]')?.textContent));
  assert.match(await page.innerText('[data-testid=lesson-error]'), /lessons\/en\/draw\.txt is damaged, line 5: expected "key: value"/);
  const viaConsole = await page.evaluate(() => playground.lesson('pool', 1).then(() => 'opened', (e) => e.message));
  assert.match(viaConsole, /lessons\/en\/pool\.txt is damaged, line 4: "stake 2 lots" is not an action/);
  await page.waitForSelector('[data-testid=lesson-error]');
  // The rest of the page still works.
  assert.equal(await page.locator('[data-testid=node-0]').count(), 1);
  await page.click('[data-testid=lesson-close]');
  await page.waitForSelector('[data-testid=lesson]', { state: 'detached' });
  await page.close();

  // A missing index: the menu says so.
  const page2 = await env.browser.newPage({ viewport: SIZES[0] });
  await page2.route('**/lessons/en/index.txt', (route) => route.fulfill({ status: 404, body: '' }));
  await page2.goto(env.server.url);
  await page2.waitForSelector('[data-testid=lesson-menu-error]');
  assert.match(await page2.innerText('[data-testid=lesson-menu-error]'), /lessons\/en\/index\.txt could not be loaded/);
  await page2.close();
});

// The lessons in the other languages (www/lessons/<code>/, checked step by step against
// English by tests/lessons.rs): the menu in that language, every lesson's first step opening
// with its heading from the file, and one lesson walked through "Do it".
const TRANSLATED = ['es', 'fr', 'de', 'pt-BR'];
const { readFileSync } = await import('node:fs');
const lessonFile = (lang, name) => readFileSync(path.join(import.meta.dirname, '..', 'www', 'lessons', lang, `${name}.txt`), 'utf8');
for (const lang of TRANSLATED) {
  test(`lessons in ${lang}: the menu, every lesson's first step, and "lots" through "Do it"`, { timeout: 300_000 }, async () => {
    const page = await env.browser.newPage({ viewport: SIZES[0] });
    const errors = collectConsoleErrors(page);
    await page.goto(`${env.server.url}?lang=${lang}`);
    await waitFor(page, 'the page', () => window.playground && playground.nodes().length === 4 && playground.lesson);
    const titles = Object.fromEntries(lessonFile(lang, 'index').split('\n')
      .filter((l) => l.trim() && !l.startsWith('#')).map((l) => l.split(/:\s*/, 2)));
    for (const name of LESSONS) {
      await page.waitForSelector(`[data-testid=lesson-menu] option[value=${name}]`, { state: 'attached' });
      assert.equal((await page.locator(`[data-testid=lesson-menu] option[value=${name}]`).textContent()).trim(), titles[name], `${lang}: ${name} in the menu`);
      const first = lessonFile(lang, name).split('\n').find((l) => l.startsWith('step:')).slice(5).trim();
      await page.evaluate((n) => playground.lesson(n, 1), name);
      await page.waitForSelector(`[data-testid=lesson][data-lesson=${name}][data-step="1"]`);
      assert.equal((await page.innerText('[data-testid=lesson-heading]')).trim(), first, `${lang}: ${name} step 1`);
    }
    await page.evaluate(() => playground.lesson(null));
    await walk(page, 'lots', `${lang}-1280x720`);
    assert.deepEqual(errors, [], errors.join('\n'));
    await page.close();
  });
}
