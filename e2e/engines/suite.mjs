// What a class does, in each engine a class brings: Chromium, Firefox and WebKit (Safari's
// engine, as on every iPad and iPhone), driven over W3C WebDriver (./driver.mjs). A compact
// suite: what is engine-specific runs in every engine; the full suite stays Chromium's
// (e2e/*.test.mjs, Playwright).
//   - the page loads with no errors; four nodes forge and agree on one tip;
//   - the lottery view draws the newest block's draw, and the console agrees;
//   - the fairness lab runs six rules in its worker and gives a verdict;
//   - two tabs of one browser join one network over BroadcastChannel;
//   - a lesson walked through "Do it";
//   - by keyboard alone: a purchase, every section, the fairness lab and the links panel;
//   - at 390×844 and 360×640 (phones) nothing sticks out sideways.
// Screenshots at 1280×720 and 390×844 go to e2e/screenshots/engines-<engine>-*.png.
//
//   node --test e2e/engines/suite.mjs            (POS_ENGINES=firefox,webkit for some only)
// Needs the release build (dist/) and the browsers of scripts/setup.sh test.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../server.mjs';
import { Key } from 'selenium-webdriver';
import { ENGINES, COLLECTOR_TAG, openBrowser, missingTools, stopDisplay } from './driver.mjs';

const engines = (process.env.POS_ENGINES || ENGINES.join(',')).split(',').filter(Boolean);

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
      // Its place in view fetches the lab's own module (src/edge/lab.rs).
      await b.eval(() => document.querySelector('[data-testid=fairness]').scrollIntoView({ behavior: 'instant' }));
      await b.waitFor(() => !!document.querySelector('[data-testid=lab-stakes]'), [], 30_000, 'the lab to load');
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

    // Chromium's keyboard pass is e2e/a11y.test.mjs's. In WebKitGTK driven over WebDriver,
    // Enter on the lab's Run after its rounds were chosen with the arrows starts nothing
    // (the same keys on a page opened for them alone do): not understood yet, so not run there.
    test('by keyboard alone: a purchase, every section, the fairness lab and the links panel', {
      timeout: 240_000,
      skip: engine === 'webkit' ? 'WebKitGTK: Enter on Run after the arrows in a select (see the comment)' : engine === 'chromium' ? 'e2e/a11y.test.mjs has it' : false,
    }, async () => {
      await fresh(b);
      const press = async (...keys) => {
        await b.driver.actions({ async: true }).sendKeys(...keys).perform();
      };
      const focused = () => b.eval(() => {
        const e = document.activeElement;
        return e ? `${e.tagName.toLowerCase()} ${e.dataset.testid || ''} ${(e.textContent || '').trim().slice(0, 30)}` : '';
      });
      // Presses `key` until `pred` holds for the focused element.
      const tabTo = async (what, pred, max = 400, key = Key.TAB) => {
        for (let i = 0; i < max; i++) {
          await press(key);
          if (await b.eval(pred)) return;
        }
        throw new Error(`${engine}: ${what} never took the focus; last ${await focused()}`);
      };
      // The focus is drawn wherever it goes (a 2 px outline at least). Under Xvfb, with no
      // window manager, Firefox's window can lose the system's focus during a test (then no
      // element matches :focus, whatever the page does): WebDriver gives it back first.
      const outlined = async (what) => {
        if (!(await b.eval(() => document.hasFocus()))) {
          await b.driver.switchTo().window(await b.driver.getWindowHandle());
        }
        const seen = await b.eval(() => {
          const e = document.activeElement;
          const s = getComputedStyle(e);
          return { ok: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2, style: `${e.tagName} ${e.className} ${s.outlineStyle} ${s.outlineWidth} the window focused: ${document.hasFocus()}` };
        });
        assert.ok(seen.ok, `${engine}: the focus on ${what} is visible (${seen.style})`);
      };
      // Buy 60 tokens on Node 2: its form's kind, amount and Send.
      await tabTo("Node 2's form", () => !!(document.activeElement.closest('[data-testid=node-1]') && document.activeElement.matches('[data-testid=kind]')));
      await outlined("Node 2's form");
      await press(Key.TAB);
      await b.eval(() => document.activeElement.select());
      await press('60', Key.TAB, Key.ENTER);
      await b.waitFor(() => playground.nodes()[1].balance >= 60, [], 30_000, 'the purchase by keyboard');
      // The navigation: Enter on a section's button moves the focus into that section (as a
      // skip link does); the next section's button comes one Tab after the one before.
      await tabTo("the navigation's first section", () => document.activeElement.matches('.navlink') && !document.activeElement.previousElementSibling, 400, Key.chord(Key.SHIFT, Key.TAB));
      const sections = ['main.layout', '[data-testid=lottery]', '[data-testid=fairness]', '[data-testid=faults]', '[data-testid=block-tree]', '.panels'];
      for (const [i, sel] of sections.entries()) {
        assert.equal(await b.eval((i) => document.activeElement === document.querySelectorAll('.navlink')[i], i), true, `${engine}: section button ${i + 1} has the focus`);
        await outlined(`section button ${i + 1}`);
        await press(Key.ENTER);
        await b.waitFor((sel) => document.activeElement.closest(sel) !== null, [sel], 5_000, `the focus in ${sel}`);
        await outlined(sel);
        if (i + 1 < sections.length) {
          await b.driver.executeScript('document.querySelectorAll(".navlink")[arguments[0]].focus()', i);
          await press(Key.TAB);
        }
      }
      // The fairness lab: its section by its button, then Tab to Run and Enter; the run ends.
      await b.driver.executeScript('document.querySelectorAll(".navlink")[2].focus()');
      await press(Key.ENTER);
      // 1,000 rounds (the first choice, by the arrows), so that every engine ends in seconds.
      await tabTo("the lab's rounds", () => document.activeElement.matches('[data-testid=lab-rounds]'), 200);
      // One arrow at a time: WebKitGTK opens the list on an arrow at the first choice.
      for (let i = 0; i < 3 && (await b.eval(() => document.activeElement.value)) !== '1000'; i++) {
        await press(Key.ARROW_UP);
      }
      assert.equal(await b.eval(() => document.activeElement.value), '1000', 'the rounds chosen by the arrows');
      await tabTo("the lab's Run", () => document.activeElement.matches('[data-testid=lab-run]'), 40);
      await outlined("the lab's Run");
      await press(Key.ENTER);
      await b.waitFor(() => /^6,000 of 6,000 draws.*· done/.test(document.querySelector('[data-testid=lab-status]').textContent), [], 90_000, 'the run started by keyboard to end')
        .catch(async (e) => { throw new Error(`${e.message}; the lab says: ${await b.eval(() => document.querySelector('[data-testid=lab-status]').textContent)}`); });
      // The links panel: open it with Enter on its summary, paste a bad invitation, Accept:
      // refused in words (nothing leaves the machine: the text is read before any link).
      await tabTo('the links panel', () => !!document.activeElement.closest('[data-testid=links]') && document.activeElement.matches('summary'), 400);
      await outlined('the links panel');
      if (!(await b.eval(() => document.querySelector('[data-testid=links] details').open))) await press(Key.ENTER);
      await tabTo("the invitation's box", () => document.activeElement.matches('[data-testid=invitation-in]'), 40);
      await press('pos1:not-an-invitation');
      await tabTo('Accept', () => document.activeElement.matches('[data-testid=accept]'), 5);
      await outlined('Accept');
      await press(Key.ENTER);
      await b.waitFor(() => document.querySelector('[data-testid=links-message].bad'), [], 10_000, 'the refusal');
      await noErrors(b);
    });

    test('phones (390×844 and 360×640, in English, French and German): nothing sticks out sideways', { timeout: 300_000 }, async () => {
      try {
        // French and German have the longest words (a fault table's "marche/arrêt" stuck out).
        for (const [w, h, lang] of [[390, 844, ''], [360, 640, ''], [390, 844, 'fr'], [360, 640, 'de']]) {
          await b.setViewport(w, h);
          await fresh(b, lang ? `?lang=${lang}` : '');
          await block(b, [[1, { kind: 'exchange', amount: 40 }]]);
          await b.screenshot(`engines-${engine}-${w}x${h}${lang ? '-' + lang : ''}`);
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
          const outer = wide.wide.filter((x, i) => i === 0 || !wide.wide.slice(0, i).some((o) => o.right >= x.right && o.width >= x.width));
          assert.deepEqual(outer, [], `${engine} at ${w}×${h} ${lang || 'en'}: sticks out (viewport ${wide.vw} px, page ${wide.scroll} px): ${JSON.stringify(outer)}`);
          assert.ok(wide.scroll <= wide.vw + 1, `${engine} at ${w}×${h} ${lang || 'en'}: the page scrolls sideways (${wide.scroll} px)`);
          await noErrors(b);
        }
      } finally {
        await b.setViewport(1280, 720);
      }
    });
  });
}
