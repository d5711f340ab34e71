// What SIMD128 can do against what the lottery's draw does, in a worker of each engine.
//
//   bash scripts/lottery-limit.sh && node e2e/bench-limit.mjs [runs=7] [lots=1000000] [dir]
//   POS_ENGINE=firefox (or webkit) node e2e/bench-limit.mjs ...
//
// The module is core/examples/lottery_limit.rs, built like the lottery worker's module (profile
// wasm-worker, feature simd, wasm-opt -Oz) by scripts/lottery-limit.sh into
// target/lottery-limit/ beside e2e/limit/'s page and worker. Each run times, in a module
// worker as the page's lottery worker runs, `limit(lots)` (the SHA-256 compressions of `lots`
// lots four lanes at a time, nothing else: pos_core::lottery::simd_limit) and then `draw(lots)`
// (the core's draw on playground.bench()'s table: ten stakers sharing `lots`); best of
// `runs`, alternating. Every .wasm in the directory is timed, in turn, run after run, so
// that two builds compare in the same minute. Prints a markdown table. Not a test.
import os from 'node:os';
import path from 'node:path';
import { readdirSync } from 'node:fs';
import { launch, startServer } from './helpers.mjs';
import { REPO_ROOT } from './server.mjs';

const runs = Number(process.argv[2] || 7);
const lots = Number(process.argv[3] || 1_000_000);
const root = process.argv[4] || path.join(REPO_ROOT, 'target', 'lottery-limit');
const modules = readdirSync(root).filter((f) => f.endsWith('.wasm')).sort();
if (modules.length === 0) throw new Error(`no .wasm in ${root}: run scripts/lottery-limit.sh`);

const engine = process.env.POS_ENGINE || 'chromium';
const server = await startServer({ root });
async function openPage() {
  if (engine === 'chromium') {
    const browser = await launch();
    const page = await browser.newPage();
    await page.goto(new URL("index.html", server.url).href);
    await page.waitForFunction(() => window.ready);
    return { name: `Chromium ${browser.version()} (headless)`, evaluate: (fn, arg) => page.evaluate(fn, arg), close: () => browser.close() };
  }
  const { openBrowser, stopDisplay } = await import('./engines/driver.mjs');
  const b = await openBrowser(engine);
  await b.goto(new URL("index.html", server.url).href);
  await b.waitFor(() => !!window.ready, [], 30_000, 'the page');
  return { name: b.version, evaluate: (fn, arg) => b.eval(fn, arg), close: async () => { await b.close(); await stopDisplay(); } };
}
const page = await openPage();
try {
  const call = (wasm, kind, n, seed) =>
    page.evaluate(({ wasm, kind, n, seed }) => window.run(wasm, kind, n, seed), { wasm, kind, n, seed });
  const best = Object.fromEntries(modules.map((m) => [m, { limit: Infinity, draw: Infinity, winner: null }]));
  // Compiled (and tiered up) before any timing.
  for (const m of modules) {
    await call(m, 'limit', 40_000, 7);
    await call(m, 'draw', 40_000, 0);
  }
  const load0 = os.loadavg()[0];
  for (let r = 0; r < runs; r++) {
    for (const m of modules) {
      const l = await call(m, 'limit', lots, r);
      const d = await call(m, 'draw', lots, 0);
      best[m].limit = Math.min(best[m].limit, l.ms);
      best[m].draw = Math.min(best[m].draw, d.ms);
      best[m].winner = d.out;
    }
  }
  const load1 = os.loadavg()[0];
  console.log(`${page.name}, ${os.cpus()[0]?.model ?? 'unknown CPU'}, load ${load0.toFixed(1)} to ${load1.toFixed(1)}, ${new Date().toISOString().slice(0, 16)}; ${lots.toLocaleString('en-US')} lots, best of ${runs}\n`);
  console.log('| module | limit (compressions only) | draw | draw / limit |');
  console.log('|---|---:|---:|---:|');
  const mps = (ms) => `${(lots / ms / 1e3).toFixed(2)} M lots/s`;
  for (const m of modules) {
    const b = best[m];
    console.log(`| ${m} | ${b.limit.toFixed(1)} ms (${mps(b.limit)}) | ${b.draw.toFixed(1)} ms (${mps(b.draw)}) | ${(b.limit / b.draw).toFixed(2)} |`);
  }
  const winner = (out) => `staker ${out >>> 24}, lot ${(out & 0xffffff).toString(16).padStart(6, '0')}…`;
  // The same winner from every module, or the builds disagree.
  console.log(`\n(winner: ${[...new Set(modules.map((m) => winner(best[m].winner)))].join('; ')})`);
} finally {
  await page.close();
  await server.close();
}
