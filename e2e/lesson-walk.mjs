// Walking a lesson through "Do it" on a Playwright page, shared by e2e/lessons.test.mjs
// (English, two sizes) and e2e/languages.test.mjs (every language): each step's highlighted
// part in view, each action's effect read back from the network (through window.playground
// and the page's attributes, never its words, so the same checks hold in every language).
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { SCREENSHOT_DIR } from './helpers.mjs';

export const LESSONS = ['keys', 'pool', 'lots', 'draw', 'fair', 'faults', 'attacks'];

export async function shot(page, name) {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) });
}

// What the network looks like, read through the console API and the page.
export function snapshot(page) {
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
      // A refusal, in any language: the result line's class.
      refused: nodes.map((_, i) => !!document.querySelector(`[data-testid=node-${i}] [data-testid=result].err`)),
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
  'pool 4': (b, a) => a.refused[2] && held(a.nodes[3]) === held(b.nodes[3]),
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

// The highlighted element's part on screen: its box, clipped by every box that scrolls it and
// by the window (`shown`: not empty), and whether the lesson panel overlaps it; null when
// nothing is highlighted or no lesson is open.
export function highlightAndPanel(page) {
  return page.evaluate(() => {
    const el = document.querySelector('[data-lesson-target]');
    const panel = document.querySelector('[data-testid=lesson]');
    if (!el || !panel) return null;
    const r = el.getBoundingClientRect();
    let box = { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    const clip = (c) => {
      box = { left: Math.max(box.left, c.left), top: Math.max(box.top, c.top), right: Math.min(box.right, c.right), bottom: Math.min(box.bottom, c.bottom) };
    };
    for (let p = el.parentElement; p && p !== document.documentElement; p = p.parentElement) {
      const s = getComputedStyle(p);
      if (s.overflowX !== 'visible' || s.overflowY !== 'visible') clip(p.getBoundingClientRect());
    }
    clip({ left: 0, top: 0, right: innerWidth, bottom: innerHeight });
    const p = panel.getBoundingClientRect();
    const shown = box.right > box.left && box.bottom > box.top;
    const overlap = shown && box.left < p.right && p.left < box.right && box.top < p.bottom && p.top < box.bottom;
    return { shown, overlap, box, panel: p.toJSON(), show: el.getAttribute('data-testid') || el.className };
  });
}

// The step's highlighted part is on screen and the lesson panel covers none of it: true, or
// where the two are.
// A part in the fairness lab is highlighted once the lab's own module has come (it is fetched
// when wanted: src/edge/lab.rs), so the answer is awaited for a few seconds.
export async function targetInView(page) {
  const at = (r) => `${Math.round(r.left)},${Math.round(r.top)}..${Math.round(r.right)},${Math.round(r.bottom)}`;
  let answer;
  for (let tries = 0; tries < 25; tries++) {
    const h = await highlightAndPanel(page);
    answer = !h ? 'no highlighted element' : (h.shown && !h.overlap) || `highlight at ${at(h.box)}, panel at ${at(h.panel)}`;
    if (answer === true) return true;
    await page.waitForTimeout(200);
  }
  return answer;
}

export async function currentStep(page) {
  return page.evaluate(() => playground.lesson());
}

export async function walk(page, name, label) {
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

