// Fairness lab benchmark in headless Chromium: 10^4 rounds of each rule over 10^3 lots (ten
// stakers of 100), run as the page runs them: a `fairness` job in the lottery worker (the same
// module as the page, SIMD128), timed from the request to the last report. Also the grinding
// demonstration (1,000 blocks, pool of 3 and 5). Target: the lots rule, 10^4 rounds of 10^3
// lots, under 5 s.
//
//   bash scripts/trunk.sh build --release && node e2e/bench-fairness.mjs [dist]
//
// Prints a markdown table (copied into docs/bench-browser.md). Not a test: `node --test e2e/`
// skips it (its name has no `.test.`).
import os from 'node:os';
import { launch, startServer } from './helpers.mjs';

const root = process.argv[2];
const server = await startServer(root ? { root } : {});
const browser = await launch();
const RULES = ['lots', 'weighted', 'cometbft', 'ethereum', 'algorand', 'praos'];
try {
  const page = await browser.newPage();
  await page.goto(server.url);
  const run = (request) =>
    page.evaluate(
      (request) =>
        new Promise((resolve, reject) => {
          const worker = new Worker('./lottery_worker_loader.js', { type: 'module' });
          let t0 = 0;
          worker.onerror = (e) => reject(new Error(`worker: ${e.message}`));
          worker.onmessage = (e) => {
            const reply = JSON.parse(e.data);
            // Replies are {kind: {...}} ("ready" alone), as the page's WorkerReply.
            const done = reply.fairness ?? reply.grind;
            if (reply === 'ready') {
              t0 = performance.now();
              worker.postMessage(JSON.stringify(request));
            } else if (done?.report.done) {
              const ms = performance.now() - t0;
              worker.terminate();
              resolve({ ms, report: done.report });
            } else if (reply.error) {
              reject(new Error(reply.error.error));
            }
          };
        }),
      request,
    );
  const seed = 'ab'.repeat(32);
  const stakes = Array(10).fill(100);
  const rows = [];
  for (const rule of RULES) {
    const best = [];
    for (let i = 0; i < 3; i++) {
      const { ms, report } = await run({ fairness: { id: 1, job: { stakes, rules: [rule], rounds: 10_000, seed } } });
      if (report.rules[0].rounds !== 10_000) throw new Error('short run');
      best.push(ms);
    }
    best.sort((a, b) => a - b);
    rows.push([rule, best[0], best[1]]);
  }
  const all = await run({ fairness: { id: 1, job: { stakes, rules: RULES, rounds: 10_000, seed } } });
  const grind = [];
  for (const pool of [3, 5]) {
    const setup = { stakes: [10, 30, 60], grinder: 0, friend: null, pool, rounds: 1000, seed };
    const { ms, report } = await run({ grind: { id: 1, setup } });
    grind.push([pool, ms, report]);
  }
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  console.log(`Chromium ${browser.version()} (headless), ${cpu}, ${os.cpus().length} cores; best and median of 3\n`);
  console.log('| rule | 10^4 rounds × 10^3 lots, best | median |');
  console.log('|---|---:|---:|');
  for (const [rule, b, m] of rows) console.log(`| ${rule} | ${b.toFixed(0)} ms | ${m.toFixed(0)} ms |`);
  console.log(`| all six side by side (what the page's Run does) | ${all.ms.toFixed(0)} ms | |`);
  console.log('\n| grinding demonstration, 1,000 blocks, stakes 10/30/60 | honest + grinding |');
  console.log('|---|---:|');
  for (const [pool, ms, r] of grind) {
    console.log(`| pool of ${pool} (${r.grinding.variantsTried.toLocaleString('en-US')} versions hashed) | ${ms.toFixed(0)} ms |`);
  }
  const lots = rows[0][1];
  console.log(`\nlots rule, 10^4 rounds of 10^3 lots: ${lots.toFixed(0)} ms (target < 5000 ms: ${lots < 5000 ? 'met' : 'missed'})`);
} finally {
  await browser.close();
  await server.close();
}
