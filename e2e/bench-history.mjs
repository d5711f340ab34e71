// Seeks in Chromium (issue 29): opens the recording that `examples/history_bench.rs` wrote
// (HISTORY_BENCH_OUT=/tmp/history-1000.json cargo run --release --example history_bench),
// (a slice of entries at a time, so the page goes on drawing), then times seeks to random events through the console (each with the page's redraw
// scheduled, not run).
//   node e2e/bench-history.mjs /tmp/history-1000.json
import { readFileSync } from 'node:fs';
import { launch, startServer } from './helpers.mjs';

const text = readFileSync(process.argv[2] || '/tmp/history-1000.json', 'utf8');
const server = await startServer();
const browser = await launch();
try {
  const page = await browser.newPage();
  await page.goto(server.url);
  await page.waitForFunction(() => window.playground && playground.nodes().length === 4);
  const result = await page.evaluate(async (t) => {
    const t0 = performance.now();
    const opened = await playground.openRecording(t);
    const openMs = performance.now() - t0;
    const n = playground.timeline().events;
    let seed = 12345;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const times = [];
    for (let k = 0; k < 40; k++) {
      const e = Math.floor(next() * n);
      const s = performance.now();
      playground.seek(e);
      times.push(performance.now() - s);
    }
    playground.backToNow();
    times.sort((a, b) => a - b);
    return { opened, openMs, events: n, mean: times.reduce((a, b) => a + b, 0) / times.length, p50: times[20], worst: times[times.length - 1] };
  }, text);
  console.log(JSON.stringify(result, null, 1));
} finally {
  await browser.close();
  await server.close();
}
