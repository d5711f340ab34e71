// Phones and small screens: at 360x640 and 390x844, in every section, the page is no wider
// than the screen (a wide table scrolls inside its own box), every button, link, field and
// select is at least 44x44 px, and the number line's labels never overlap. And the lesson
// panel never covers the part of the page its step highlights, at 1280x720 and 390x844.
// Screenshots of the page at five sizes go to e2e/screenshots/.
// Needs `bash scripts/trunk.sh build --release` first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServerAndBrowser, collectConsoleErrors, screenshot, waitFor, someBlocks } from './helpers.mjs';
import { highlightAndPanel } from './lesson-walk.mjs';

const env = useServerAndBrowser();
const PHONES = [{ width: 360, height: 640 }, { width: 390, height: 844 }];
const SECTIONS = ['Nodes', 'Lottery', 'Fairness', 'Faults', 'Block tree', 'Python views'];

async function open(viewport, query = '') {
  const context = await env.browser.newContext({ viewport, hasTouch: viewport.width < 500, isMobile: viewport.width < 500 });
  const page = await context.newPage();
  const errors = collectConsoleErrors(page);
  await page.goto(`${env.server.url}${query}`);
  await waitFor(page, 'the page', () => window.playground && playground.nodes().length === 4);
  return { context, page, errors };
}

async function section(page, name) {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name, exact: true }).click();
  await page.waitForTimeout(250);
}

/** What sticks out, what is too small to tap, and which labels overlap, on the page now. */
function measure(page) {
  return page.evaluate(() => {
    const vw = window.innerWidth;
    const visible = (e) => {
      const r = e.getBoundingClientRect();
      const s = getComputedStyle(e);
      return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && !e.closest('.sr, [hidden], [aria-hidden=true]');
    };
    const name = (e) => {
      const id = e.getAttribute('data-testid');
      const cls = typeof e.className === 'string' && e.className ? `.${e.className.trim().split(/\s+/).join('.')}` : '';
      const text = (e.getAttribute('aria-label') || e.textContent || '').trim().replace(/\s+/g, ' ').slice(0, 30);
      return `${e.tagName.toLowerCase()}${id ? `[data-testid=${id}]` : ''}${cls} "${text}"`;
    };
    // Inside a box of its own that scrolls sideways (and so may hold something wider).
    const inScrollBox = (e) => {
      for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) {
        const o = getComputedStyle(p).overflowX;
        if ((o === 'auto' || o === 'scroll' || o === 'hidden') && p.getBoundingClientRect().right <= vw + 0.5) return true;
      }
      return false;
    };
    const wide = [];
    for (const e of document.querySelectorAll('.page *')) {
      if (!visible(e)) continue;
      const r = e.getBoundingClientRect();
      if ((r.right > vw + 0.5 || r.left < -0.5) && !inScrollBox(e)) wide.push(`${name(e)} ${Math.round(r.left)}..${Math.round(r.right)}`);
    }
    // Touch targets: the control itself, or for a checkbox or radio the label around it.
    const small = [];
    for (const e of document.querySelectorAll('.page button, .page a[href], .page input, .page select, .page summary, .page textarea')) {
      if (!visible(e)) continue;
      const target = e.matches('input[type=checkbox], input[type=radio]') && e.closest('label') ? e.closest('label') : e;
      const r = target.getBoundingClientRect();
      if (r.width < 44 - 0.5 || r.height < 44 - 0.5) small.push(`${name(e)} ${Math.round(r.width)}x${Math.round(r.height)}`);
    }
    // The number line's labels: in the page (the axis) and on the canvas (their boxes as drawn).
    const boxes = [];
    for (const e of document.querySelectorAll('.line-axis > *')) {
      if (visible(e)) boxes.push({ label: e.textContent, ...e.getBoundingClientRect().toJSON() });
    }
    const canvas = document.querySelector('[data-testid=lottery-line]');
    if (canvas && canvas.dataset.labels) {
      const c = canvas.getBoundingClientRect();
      for (const b of JSON.parse(canvas.dataset.labels)) {
        boxes.push({ label: b.text, left: c.left + b.x, top: c.top + b.y, right: c.left + b.x + b.w, bottom: c.top + b.y + b.h });
      }
    }
    const overlaps = [];
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i];
        const b = boxes[j];
        if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) overlaps.push(`"${a.label}" and "${b.label}"`);
      }
    }
    return {
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: vw,
      wide: wide.slice(0, 12),
      small,
      overlaps,
      labels: boxes.length,
    };
  });
}

for (const viewport of PHONES) {
  const size = `${viewport.width}x${viewport.height}`;
  test(`at ${size}: no sideways scrolling, 44 px targets and clear number-line labels in every section`, { timeout: 180_000 }, async () => {
    const { context, page, errors } = await open(viewport);
    const problems = [];
    try {
      await someBlocks(page);
      for (const name of SECTIONS) {
        await section(page, name);
        if (name === 'Lottery') await page.getByTestId('lottery-line').waitFor();
        const m = await measure(page);
        if (m.scrollWidth > m.innerWidth) problems.push(`${name}: the page is ${m.scrollWidth} px wide in a ${m.innerWidth} px screen`);
        for (const w of m.wide) problems.push(`${name}: wider than the screen: ${w}`);
        for (const s of new Set(m.small)) problems.push(`${name}: target under 44x44: ${s}`);
        for (const o of m.overlaps) problems.push(`${name}: number-line labels overlap: ${o}`);
        if (name === 'Lottery') assert.ok(m.labels >= 5, `the number line's labels were measured (${m.labels})`);
        await page.screenshot({ path: `e2e/screenshots/phone-${size}-${name.replace(/ /g, '-')}.png` });
      }
      await screenshot(page, `phone-${size}-full`);
      assert.deepEqual(errors, [], errors.join('\n'));
    } finally {
      await context.close();
    }
    const unique = [...new Set(problems)];
    assert.deepEqual(unique, [], `at ${size}:\n${unique.join('\n')}`);
  });
}

for (const viewport of [{ width: 1280, height: 720 }, { width: 390, height: 844 }]) {
  const size = `${viewport.width}x${viewport.height}`;
  test(`at ${size} the lesson panel never covers what its step highlights`, { timeout: 240_000 }, async () => {
    const { context, page, errors } = await open(viewport, '?lesson=draw&step=1');
    const problems = [];
    try {
      await page.waitForSelector('[data-testid=lesson][data-step="1"]');
      const steps = (await page.evaluate(() => playground.lesson())).steps;
      for (let s = 1; s <= steps; s++) {
        await page.waitForSelector(`[data-testid=lesson][data-step="${s}"]`);
        await page.waitForTimeout(300);
        const r = await highlightAndPanel(page);
        if (r) {
          if (!r.shown) problems.push(`step ${s} (${r.show}): not on screen`);
          if (r.overlap) problems.push(`step ${s} (${r.show}): the panel ${JSON.stringify(r.panel)} covers ${JSON.stringify(r.box)}`);
        }
        await page.screenshot({ path: `e2e/screenshots/lesson-panel-${size}-draw-${s}.png` });
        if (s < steps) {
          const doIt = page.getByTestId('lesson-do');
          if (await doIt.count()) {
            await doIt.click();
            await page.waitForTimeout(600);
          }
          if ((await page.evaluate(() => playground.lesson().step)) === s) await page.getByTestId('lesson-next').click();
        }
      }
      assert.deepEqual(errors, [], errors.join('\n'));
    } finally {
      await context.close();
    }
    assert.deepEqual(problems, [], `at ${size}:\n${problems.join('\n')}`);
  });
}

test('screenshots at five sizes', { timeout: 180_000 }, async () => {
  for (const viewport of [{ width: 1280, height: 720 }, { width: 1920, height: 1080 }, { width: 820, height: 1180 }, { width: 390, height: 844 }, { width: 360, height: 640 }]) {
    const { context, page } = await open(viewport);
    try {
      await someBlocks(page);
      await page.waitForTimeout(500);
      await page.screenshot({ path: `e2e/screenshots/size-${viewport.width}x${viewport.height}.png` });
      await section(page, 'Lottery');
      await page.getByTestId('lottery-line').waitFor();
      await page.screenshot({ path: `e2e/screenshots/size-${viewport.width}x${viewport.height}-lottery.png` });
      await page.goto(`${env.server.url}?lesson=draw&step=3`);
      await page.waitForSelector('[data-testid=lesson][data-step="3"]');
      await page.waitForTimeout(500);
      await page.screenshot({ path: `e2e/screenshots/size-${viewport.width}x${viewport.height}-lesson.png` });
    } finally {
      await context.close();
    }
  }
});
