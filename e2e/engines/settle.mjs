// Every promise of the link API settles, in words, within its timeout, in every engine, even
// where the browser has no network address to offer (ICE gathering may stay `new` for good:
// Firefox then used to leave `playground.invite()` pending for ever while the link table
// already said `failed`).
//
// Runs only inside a network namespace of its own with nothing but loopback:
// POS_NETNS_LOOPBACK_ONLY=1 bash e2e/netns.sh (scripts/test.sh does it).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { networkInterfaces } from 'node:os';
import { insideOwnNamespace } from '../helpers.mjs';
import { startServer } from '../server.mjs';
import { ENGINES, COLLECTOR_TAG, openBrowser, missingTools, stopDisplay } from './driver.mjs';

const loopbackOnly = insideOwnNamespace() && Object.keys(networkInterfaces()).every((n) => n === 'lo');
const engines = (process.env.POS_ENGINES || ENGINES.join(',')).split(',').filter(Boolean);

// src/edge/webrtc.rs: STEP_TIMEOUT_MS, and a margin for WebDriver's own round trips.
const STEP_TIMEOUT_MS = 10_000;
const MARGIN_MS = 3_000;

let server;
before(async () => {
  if (loopbackOnly) server = await startServer({ inject: COLLECTOR_TAG });
});
after(async () => {
  await stopDisplay();
  await server?.close();
});

for (const engine of engines) {
  const missing = missingTools(engine);
  const skip = !loopbackOnly
    ? 'runs only in a network namespace with nothing but loopback: POS_NETNS_LOOPBACK_ONLY=1 bash e2e/netns.sh'
    : missing.length ? `missing: ${missing.join(', ')}` : false;
  test(`${engine}: with no network address, invite() rejects in words within its timeout; pasted junk is refused`, { skip, timeout: 120_000 }, async () => {
    const b = await openBrowser(engine, { webrtc: true });
    try {
      console.log(`# ${engine}: ${b.version}`);
      await b.goto(server.url);
      await b.waitFor(() => window.playground && playground.nodes().length === 4, [], 30_000, 'the playground');
      const outcome = await b.eval(async () => {
        const settle = async (p) => {
          const t0 = performance.now();
          try {
            return { ok: true, value: String(await p).slice(0, 40), ms: Math.round(performance.now() - t0) };
          } catch (e) {
            return { ok: false, error: e.message, ms: Math.round(performance.now() - t0) };
          }
        };
        const invite = await settle(playground.invite());
        const links = playground.network().links.map((l) => [l.state, l.reason]);
        return { invite, links };
      });
      console.log(`# ${engine}: invite() ${JSON.stringify(outcome.invite)}; links ${JSON.stringify(outcome.links)}`);
      assert.equal(outcome.invite.ok, false, 'no invitation without an address');
      assert.ok(outcome.invite.ms <= STEP_TIMEOUT_MS + MARGIN_MS, `settled in ${outcome.invite.ms} ms`);
      // WebKitGTK (Debian's build) has no RTCPeerConnection at all: that too is said in words.
      assert.match(outcome.invite.error, /^(no invitation could be made|this browser cannot make WebRTC connections): .{20,}/);
      assert.ok(outcome.links.every(([state]) => state === 'failed'), JSON.stringify(outcome.links));
      // Junk and the wrong kind of text are refused at once, in every engine.
      const refusals = await b.eval(async () => {
        const out = [];
        for (const t of ['', 'pos1:!!', 'hello']) {
          try { await playground.accept(t); out.push('accepted?!'); } catch (e) { out.push(e.message); }
          try { await playground.complete(t); out.push('completed?!'); } catch (e) { out.push(e.message); }
        }
        return out;
      });
      assert.equal(refusals.length, 6);
      for (const r of refusals) assert.match(r, /cannot be used: .{10,}/);
      // Firefox reports the failed connection this test provokes on its console, in its own
      // words (not the page's): the only error expected here.
      const errors = (await b.errors()).filter((e) => !/^exception: WebRTC: ICE failed, add a STUN server/.test(e));
      assert.deepEqual(errors, [], errors.join('\n'));
    } finally {
      await b.close();
    }
  });
}
