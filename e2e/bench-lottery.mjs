// Lottery benchmark in headless Chromium: the core's `draw` at 10^4, 10^5 and 10^6 lots (ten
// stakers sharing them, as in core/benches/lottery.rs), run in the page's lottery Web Worker
// (the page's own module, started by www/lottery_worker_loader.js, SIMD128) through the
// console API's `playground.bench`.
// Also times one digest of the draw (every lot walked and binned), which is what the page draws.
//
//   bash scripts/trunk.sh build --release && node e2e/bench-lottery.mjs [dist] [runs]
//
// Prints a markdown table (copied into docs/bench-browser.md). Not a test: `node --test e2e/`
// skips it (its name has no `.test.`).
import os from 'node:os';
import { launch, startServer } from './helpers.mjs';

const root = process.argv[2];
const runs = Number(process.argv[3] || 5);
const LOTS = [10_000, 100_000, 1_000_000];

const server = await startServer(root ? { root } : {});
const browser = await launch();
try {
  const page = await browser.newPage();
  await page.goto(server.url);
  const version = browser.version();
  // The console API runs the benchmark in the lottery worker and answers with its timings.
  await page.waitForFunction(() => window.playground);
  const results = await page.evaluate(({ lots, runs }) => playground.bench({ lots, runs }), { lots: LOTS, runs });
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  console.log(`Chromium ${version} (headless), ${cpu}, ${os.cpus().length} cores; ${runs} runs of draw per size\n`);
  console.log('| lots | draw, best | draw, median | lots/s (best) | digest for the page |');
  console.log('|---:|---:|---:|---:|---:|');
  for (const r of results) {
    const ms = (x) => `${x.toFixed(1)} ms`;
    console.log(
      `| ${r.lots.toLocaleString('en-US')} | ${ms(r.drawBestMs)} | ${ms(r.drawMedianMs)} | ` +
        `${(r.lotsPerSecond / 1e6).toFixed(2)} M | ${ms(r.digestMs)} |`,
    );
  }
  const million = results.find((r) => r.lots === 1_000_000);
  if (million) {
    const ok = million.drawBestMs <= 500;
    console.log(`\n10^6 lots: ${million.drawBestMs.toFixed(0)} ms (target ≤ 500 ms: ${ok ? 'met' : 'missed'})`);
  }
} finally {
  await browser.close();
  await server.close();
}
