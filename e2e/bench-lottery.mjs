// Lottery benchmark in headless Chromium: the core's `draw` at 10^4, 10^5 and 10^6 lots (ten
// stakers sharing them, as in core/benches/lottery.rs), split over 1, 2, ... workers of the
// page's pool (the lottery worker's module, started by www/lottery_worker_loader.js, SIMD128)
// through the console API's `playground.bench({lots, runs, workers})`, and beside it, in the
// same run, the native command line on the same table (`pos lottery`, release build), so that
// the browser's figures can be given as a ratio to native.
//
//   bash scripts/trunk.sh build --release && cargo build --release -p pos-cli \
//     && node e2e/bench-lottery.mjs [dist] [runs] [workers, e.g. 1,2]
//
// Prints a markdown table (copied into docs/benchmarks.md). Not a test: `node --test e2e/`
// skips it (its name has no `.test.`), and nothing here asserts a time. POS_ENGINE=firefox or
// webkit runs the same in that engine over WebDriver (e2e/engines/driver.mjs).
import os from 'node:os';
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { launch, startServer } from './helpers.mjs';
import { REPO_ROOT } from './server.mjs';

const root = process.argv[2] || undefined;
const runs = Number(process.argv[3] || 5);
const cores = os.cpus().length;
const WORKERS = (process.argv[4] || [...new Set([1, 2, cores])].join(','))
  .split(',')
  .map(Number);
const LOTS = [10_000, 100_000, 1_000_000];

// The benchmark's table, as worker_protocol::bench_table builds it.
const sha = (bytes) => createHash('sha256').update(bytes).digest('hex');
const table = (total) => ({
  stakers: Array.from({ length: 10 }, (_, i) => [sha(Buffer.from([i])), Math.floor(total / 10)]),
  seed: sha(Buffer.from('bench seed')),
});

// Native: `pos lottery` on the same table, best wall time of `runs` (process start and JSON
// reading included, a millisecond or two).
const pos = path.join(REPO_ROOT, 'target', 'release', 'pos');
const native = (total) => {
  if (!existsSync(pos)) return null;
  const input = JSON.stringify(table(total));
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(pos, ['lottery'], { input });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (r.status !== 0) throw new Error(`pos lottery failed: ${r.stderr}`);
    best = Math.min(best, ms);
  }
  return best;
};

const engine = process.env.POS_ENGINE || 'chromium';
const server = await startServer(root ? { root } : {});
// One page in `engine`: `evaluate(fn, arg)` and `close()`.
async function openPage() {
  if (engine === 'chromium') {
    const browser = await launch();
    const page = await browser.newPage();
    await page.goto(server.url);
    await page.waitForFunction(() => window.playground);
    return { name: `Chromium ${browser.version()} (headless)`, evaluate: (fn, arg) => page.evaluate(fn, arg), close: () => browser.close() };
  }
  const { openBrowser, stopDisplay } = await import('./engines/driver.mjs');
  const b = await openBrowser(engine);
  await b.goto(server.url);
  await b.waitFor(() => !!window.playground, [], 30_000, 'the playground');
  return { name: b.version, evaluate: (fn, arg) => b.eval(fn, arg), close: async () => { await b.close(); await stopDisplay(); } };
}
const browser = await openPage();
try {
  const page = browser;
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  console.log(`${browser.name}, ${cpu}, ${cores} cores, load ${os.loadavg()[0].toFixed(1)}; best of ${runs}\n`);
  console.log(`| lots | native \`pos lottery\` | ${WORKERS.map((w) => `${w} worker${w > 1 ? 's' : ''}`).join(' | ')} |`);
  console.log(`|---:|---:|${WORKERS.map(() => '---:').join('|')}|`);
  for (const lots of LOTS) {
    const cells = [];
    // Native first and last, so that a change of load shows.
    const n0 = native(lots);
    for (const workers of WORKERS) {
      const [r] = await page.evaluate(
        ({ lots, runs, workers }) => playground.bench({ lots: [lots], runs, workers }),
        { lots, runs, workers },
      );
      cells.push(r);
    }
    const n1 = native(lots);
    const n = n0 === null ? null : Math.min(n0, n1);
    const ms = (x) => `${x.toFixed(1)} ms`;
    const ratio = (r) => (n === null ? '' : `, ${(n / r.drawBestMs).toFixed(2)} of native`);
    const lps = (r) => `${(r.lotsPerSecond / 1e6).toFixed(2)} M/s`;
    console.log(
      `| ${lots.toLocaleString('en-US')} | ${n === null ? 'not built' : ms(n)} | ` +
        cells.map((r) => `${ms(r.drawBestMs)} (${lps(r)}${ratio(r)})`).join(' | ') +
        ' |',
    );
  }
} finally {
  await browser.close();
  await server.close();
}
