// What a class does, in each engine a class brings: Chromium, Firefox and WebKit (Safari's
// engine, as on every iPad and iPhone), driven over W3C WebDriver (./driver.mjs). A compact
// suite: what is engine-specific runs in every engine; the full suite stays Chromium's
// (e2e/*.test.mjs, Playwright).
//   - the page loads with no errors; four nodes forge and agree on one tip;
//   - the lottery view draws the newest block's draw, and the console agrees;
//   - the fairness lab runs six rules in its worker and gives a verdict;
//   - two tabs of one browser join one network over BroadcastChannel;
//   - a lesson walked through "Do it";
//   - at 390×844 (a phone) nothing sticks out sideways.
// Screenshots at 1280×720 and 390×844 go to e2e/screenshots/engines-<engine>-*.png.
//
//   node --test e2e/engines/suite.mjs            (POS_ENGINES=firefox,webkit for some only)
// Needs the release build (dist/) and the browsers of scripts/setup.sh test.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../server.mjs';
import { ENGINES, COLLECTOR_TAG, openBrowser, missingTools, stopDisplay } from './driver.mjs';

const engines = (process.env.POS_ENGINES || ENGINES.join(',')).split(',').filter(Boolean);

// Known to stick out at 390×844 (issue 27; the phone layout is being reworked on its own branch).
const KNOWN_WIDE = ['table.fault-table', 'table.blocks'];

let server;
before(async () => {
  server = await startServer({ inject: COLLECTOR_TAG });
});
after(async () => {
  await server?.close();
  await stopDisplay();
});

/** Waits until every node of the tab holds height `h` or more, on one tip. */
async function agree(b, h, timeout = 30_000) {
  return b.waitFor((h) => {
    const nodes = playground.nodes();
    return nodes.every((n) => n.height >= h && n.pool === 0 && n.tip === nodes[0].tip) && nodes[0];
  }, [h], timeout, `every node at height ${h} on one tip`);
}

/** Submits `[[node, request], ...]` and waits for the block that carries them. */
async function block(b, requests) {
  const before = await b.eval(() => Math.max(...playground.nodes().map((n) => n.height)));
  const answers = await b.eval((rs) => rs.map(([i, r]) => playground.submit(i, r)), requests);
  for (const a of answers) assert.ok(a.ok, JSON.stringify(a));
  return agree(b, before + 1);
}

/** Opens `query` on a fresh page state (storage cleared, so nothing is restored). */
async function fresh(b, query = '') {
  await b.goto(`${server.url}${query}`);
  await b.eval(() => { localStorage.clear(); sessionStorage.clear(); });
  await b.goto(`${server.url}${query}`);
  await b.waitFor(() => window.playground && playground.nodes().length > 0 && playground.network().role !== 'discovering', [], 30_000, 'the playground');
}

async function noErrors(b) {
  const errors = await b.errors();
  assert.deepEqual(errors, [], `${b.engine}: errors on the page:\n${errors.join('\n')}`);
}

for (const engine of engines) {
  const missing = missingTools(engine);
  describe(engine, { skip: missing.length ? `missing: ${missing.join(', ')} (bash scripts/setup.sh test)` : false }, () => {
    let b;
    before(async () => {
      b = await openBrowser(engine, { width: 1280, height: 720 });
      console.log(`# ${engine}: ${b.version}`);
    });
    after(async () => {
      await b?.close();
    });

    test('loads with no errors; four nodes forge and agree on one tip', { timeout: 120_000 }, async () => {
      await fresh(b);
      assert.match(await b.eval(() => document.title), /pos-playground/);
      assert.equal(await b.eval(() => !!document.getElementById('loading')), false, 'the loading line went');
      // Three nodes buy and stake, so that more than one forger has lots.
      await block(b, [[1, { kind: 'exchange', amount: 60 }], [2, { kind: 'exchange', amount: 60 }], [3, { kind: 'exchange', amount: 60 }]]);
      await block(b, [[1, { kind: 'stake', amount: 30 }], [2, { kind: 'stake', amount: 30 }], [3, { kind: 'stake', amount: 30 }]]);
      const tip = await block(b, [[1, { kind: 'transfer', to: 2, amount: 5 }]]);
      const nodes = await b.eval(() => playground.nodes());
      assert.equal(nodes.length, 4);
      assert.ok(nodes.every((n) => n.tip === tip.tip && n.height === tip.height), JSON.stringify(nodes));
      assert.equal(nodes[2].balance, 60 - 30 + 5);
      // Every block on every node's chain is the same block.
      const chains = await b.eval(() => playground.nodes().map((_, i) => playground.chain(i).blocks.map((x) => x.hash).join()));
      assert.equal(new Set(chains).size, 1);
      await b.screenshot(`engines-${engine}-1280x720`);
      await noErrors(b);
    });

    test('the lottery view draws the newest block, and the console agrees', { timeout: 60_000 }, async () => {
      const h = await b.eval(() => playground.nodes()[0].height);
      assert.ok(h >= 3, 'the previous test made blocks');
      await b.waitFor((h) => document.querySelector(`[data-testid=lottery][data-height="${h}"]`), [h], 15_000, 'the lottery of the newest block');
      const lottery = await b.eval((h) => playground.lottery(0, h), h);
      const forger = await b.eval((h) => playground.chain(0).blocks[h].forger, h);
      assert.equal(lottery.forger, forger);
      assert.equal(lottery.winner.staker, forger);
      const lots = lottery.stakers.reduce((n, s) => n + s.lots.length, 0);
      const page = await b.eval(() => ({
        forger: document.querySelector('[data-testid=lottery]').dataset.forger,
        lots: document.querySelector('[data-testid=lottery-line]').dataset.lots,
        winner: document.querySelector('[data-testid=lottery-winner]').textContent,
        canvas: document.querySelector('[data-testid=lottery-line]').width,
      }));
      assert.equal(page.forger, forger);
      assert.equal(Number(page.lots), lots);
      assert.match(page.winner, new RegExp(`won the draw and forged block #${h}`));
      assert.ok(page.canvas > 0);
      await b.eval(() => document.querySelector('[data-testid=lottery]').scrollIntoView({ behavior: 'instant' }));
      await b.screenshot(`engines-${engine}-lottery`);
      await noErrors(b);
    });

    test('the fairness lab runs six rules in its worker and gives a verdict', { timeout: 120_000 }, async () => {
      await b.eval(() => {
        const lab = document.querySelector('[data-testid=fairness]');
        [...lab.querySelectorAll('button')].find((x) => x.textContent === 'Example 10 / 30 / 60').click();
      });
      await b.eval(() => {
        const rounds = document.querySelector('[data-testid=lab-rounds]');
        rounds.value = '1000';
        rounds.dispatchEvent(new Event('change', { bubbles: true }));
      });
      await b.click('[data-testid=lab-run]');
      await b.waitFor(() => /· done/.test(document.querySelector('[data-testid=lab-status]').textContent), [], 60_000, 'the run to finish');
      const status = await b.eval(() => document.querySelector('[data-testid=lab-status]').textContent);
      assert.match(status, /^6,000 of 6,000 draws: 1,000 rounds × 6 rules/);
      assert.match(await b.eval(() => document.querySelector('[data-testid=lab-verdict]').textContent), /χ² = [\d.]+ with 2 degrees of freedom, p = /);
      assert.equal(await b.eval(() => document.querySelectorAll('[data-testid=lab-chart] polyline').length), 3);
      await b.eval(() => document.querySelector('[data-testid=fairness]').scrollIntoView({ behavior: 'instant' }));
      await b.screenshot(`engines-${engine}-fairness`);
      await noErrors(b);
    });

    test('two tabs join one network over BroadcastChannel and share blocks', { timeout: 120_000 }, async () => {
      const net = `engines-${engine}`;
      await fresh(b, `?net=${net}`);
      assert.equal(await b.eval(() => playground.network().role), 'host');
      const first = await b.driver.getWindowHandle();
      await b.driver.switchTo().newWindow('window');
      const second = await b.driver.getWindowHandle();
      try {
        await b.goto(`${server.url}?net=${net}`);
        await b.waitFor(() => window.playground && playground.network().role === 'member', [], 30_000, 'the second tab to join as a member').catch(async (e) => { throw new Error(`${e.message}: ${JSON.stringify(await b.eval(() => playground.network()))}`); });
        const r = await b.eval(() => playground.submit(0, { kind: 'exchange', amount: 33 }));
        assert.equal(r.ok, true, JSON.stringify(r));
        await b.waitFor(() => playground.nodes()[0].balance === 33, [], 30_000, 'the purchase in a block');
        const mine = await b.eval(() => playground.nodes()[0]);
        await noErrors(b);
        await b.driver.switchTo().window(first);
        const seen = await b.waitFor((tip) => playground.nodes().find((n) => n.tip === tip) && playground.network().tabs.length, [mine.tip], 20_000, 'the block in the first tab');
        assert.ok(seen >= 1);
        const peers = await b.eval(() => playground.peers(0));
        assert.ok(peers.some((p) => p.where === 'channel'), JSON.stringify(peers));
      } finally {
        await b.driver.switchTo().window(second);
        await b.driver.close();
        await b.driver.switchTo().window(first);
      }
      await noErrors(b);
    });

    test('a lesson walked through "Do it"', { timeout: 240_000 }, async () => {
      await fresh(b, '?lesson=lots');
      await b.waitFor(() => document.querySelector('[data-testid=lesson][data-lesson=lots][data-step="1"]'), [], 20_000, 'the lesson');
      const { steps } = await b.eval(() => playground.lesson());
      assert.ok(steps >= 4);
      for (let s = 1; s <= steps; s++) {
        await b.waitFor((s) => document.querySelector(`[data-testid=lesson][data-step="${s}"]`), [s], 20_000, `step ${s}`);
        const status = await b.eval(() => document.querySelector('[data-testid=lesson-status]').textContent);
        assert.doesNotMatch(status, /not on the page/, `step ${s}: its part of the page exists`);
        assert.equal(await b.eval(() => !!document.querySelector('[data-lesson-target]')), true, `step ${s} highlights a part of the page`);
        if (await b.eval(() => !!document.querySelector('[data-testid=lesson-do]'))) {
          // A teacher presses again if the network took its time.
          for (let tries = 0; ; tries++) {
            await b.click('[data-testid=lesson-do]');
            const moved = await b.waitFor((s) => {
              const l = document.querySelector('[data-testid=lesson]');
              return l && (l.dataset.step !== String(s) || l.dataset.progress === 'done');
            }, [s], 15_000).then(() => true, () => false);
            if (moved) break;
            assert.ok(tries < 4, `step ${s}: Do it had its effect`);
          }
        } else if (s < steps) {
          await b.click('[data-testid=lesson-next]');
        }
      }
      const stakes = await b.eval(() => playground.nodes().map((n) => n.stake));
      assert.ok(stakes.slice(1).every((x) => x > 0), `the lesson staked: ${stakes}`);
      await b.screenshot(`engines-${engine}-lesson`);
      await b.click('[data-testid=lesson-close]');
      assert.equal(await b.eval(() => playground.lesson()), null);
      await noErrors(b);
    });

    test('a phone (390×844): nothing sticks out sideways', { timeout: 120_000 }, async (t) => {
      await b.setViewport(390, 844);
      try {
        await fresh(b);
        await block(b, [[1, { kind: 'exchange', amount: 40 }]]);
        await b.screenshot(`engines-${engine}-390x844`);
        // Open every closed section, so that what a student may open is measured too.
        await b.eval(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
        await new Promise((r) => setTimeout(r, 500));
        const wide = await b.eval(() => {
          const vw = document.documentElement.clientWidth;
          const out = [];
          for (const el of document.body.querySelectorAll('*')) {
            const r = el.getBoundingClientRect();
            if (r.width === 0 || r.right <= vw + 1) continue;
            // Inside a box that scrolls sideways on its own is fine.
            let p = el.parentElement;
            let scrolls = false;
            for (; p && p !== document.body; p = p.parentElement) {
              const o = getComputedStyle(p).overflowX;
              if ((o === 'auto' || o === 'scroll' || o === 'hidden') && p.getBoundingClientRect().right <= vw + 1) { scrolls = true; break; }
            }
            if (scrolls) continue;
            const cls = [...el.classList].join('.');
            out.push({ el: `${el.tagName.toLowerCase()}${cls ? '.' + cls : ''}`, testid: el.dataset.testid || '', width: Math.round(r.width), right: Math.round(r.right) });
          }
          return { vw, scroll: document.documentElement.scrollWidth, wide: out };
        });
        // Report the outermost offenders only: their children stick out with them.
        const outer = wide.wide.filter((w, i) => i === 0 || !wide.wide.slice(0, i).some((o) => o.right >= w.right && o.width >= w.width));
        const known = outer.filter((w) => KNOWN_WIDE.some((k) => w.el.startsWith(k)));
        const unknown = outer.filter((w) => !known.includes(w));
        assert.deepEqual(unknown, [], `${engine} at 390×844: sticks out (viewport ${wide.vw} px, page ${wide.scroll} px): ${JSON.stringify(unknown)}`);
        if (known.length) {
          const say = known.map((w) => `${w.el} ${w.width} px`).join(', ');
          t.skip(`known failure (issue 27, phone layout on another branch): ${say} wider than the ${wide.vw} px viewport`);
        }
        await noErrors(b);
      } finally {
        await b.setViewport(1280, 720);
      }
    });
  });
}
