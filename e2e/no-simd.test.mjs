// An engine without WebAssembly SIMD (Safari before 16.4, on iPads that cannot update): the
// page starts, and its lottery worker is the module built without SIMD (pos-worker-scalar),
// which draws the same lots as the SIMD one. Chromium is made into such an engine with V8's
// `--no-enable-sse4-1`: V8 offers wasm SIMD only on x64 CPUs with SSE4.1, so every SIMD module
// fails to validate, in the page and in its workers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, startServer, collectConsoleErrors, waitFor } from './helpers.mjs';

const SIMD_PROBE = [0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 10, 1, 8, 0, 65, 0, 253, 15, 253, 98, 11];

/** One engine's answers: SIMD or not, a forged block, a worker's bench and a fairness run. */
async function run(server, extraArgs) {
  const browser = await launch({ extraArgs });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    const errors = collectConsoleErrors(page);
    await page.goto(server.url);
    const simd = await page.evaluate((b) => WebAssembly.validate(new Uint8Array(b)), SIMD_PROBE);
    await waitFor(page, 'the playground', () => window.playground && document.querySelector('[data-testid=lottery]'));
    assert.equal(await page.locator('[role=alert]').count(), 0, 'no "too old a browser" message');
    // A purchase, forged into a block that every node accepts.
    await page.evaluate(() => playground.submit(1, { kind: 'exchange', amount: 50 }));
    await waitFor(page, 'the purchase in a block', () => playground.nodes().every((n) => n.height >= 1) && playground.nodes()[1].balance >= 50);
    const bench = await page.evaluate(() => playground.bench({ lots: [20000], runs: 1, workers: 1 }));
    // The lab's lots rule: every lot of every staker hashed in the worker.
    const fairness = await page.evaluate(() =>
      playground.fairness({ stakes: [5, 20, 75], rounds: 200, rule: 'lots', seed: 'ab'.repeat(32) }));
    assert.deepEqual(errors, [], errors.join('\n'));
    return { simd, bench: bench[0], wins: fairness.wins };
  } finally {
    await browser.close();
  }
}

test('without wasm SIMD the page runs, its worker is the scalar build and draws the same lots', { timeout: 180_000 }, async () => {
  const server = await startServer();
  try {
    const without = await run(server, ['--js-flags=--no-enable-sse4-1']);
    assert.equal(without.simd, false, 'the flag takes wasm SIMD away');
    assert.equal(without.bench.simd, false, 'the worker is pos-worker-scalar');
    assert.ok(without.bench.lotsPerSecond > 0);
    const withSimd = await run(server, []);
    assert.equal(withSimd.simd, true);
    assert.equal(withSimd.bench.simd, true, 'the worker is pos-worker');
    // Same stakes, same seed: the same winners (summed over the rounds).
    assert.deepEqual(without.wins, withSimd.wins);
    assert.equal(without.wins.reduce((a, b) => a + b, 0), 200);
  } finally {
    await server.close();
  }
});
