// Lessons: every lesson walked end to end through "Do it" at 1280x720 and 1920x1080, each
// step's highlighted part in view and each action's effect read back from the network through
// window.playground or the page; a whole lesson by keyboard only (Page Down, Enter) with the
// focus visible; presenter mode; a missing and a damaged lesson file give a clear message.
// Needs `bash scripts/trunk.sh build --release` first. Screenshots go to e2e/screenshots/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { useServerAndBrowser, collectConsoleErrors, waitFor } from './helpers.mjs';
import { LESSONS, walk, shot, targetInView } from './lesson-walk.mjs';

const env = useServerAndBrowser();
const SIZES = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
];


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
