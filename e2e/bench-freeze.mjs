// Does the page freeze at a million staked tokens? In headless Chromium: Node 2 buys 999,000
// tokens and stakes them (999,001 lots in all), then three blocks are forged. Every block's
// lottery walks all the lots; the in-tab nodes defer those draws to the lottery worker
// (src/edge/draws.rs). Reports the longest gaps between animation frames while that happens (a
// frozen page shows no frames) and how long each block took from request to agreement.
//
//   bash scripts/trunk.sh build --release && node e2e/bench-freeze.mjs [dist]
//
// Not a test: `node --test e2e/` skips it (its name has no `.test.`).
import os from 'node:os';
import { launch, startServer } from './helpers.mjs';

const root = process.argv[2];
const server = await startServer(root ? { root } : {});
const browser = await launch();
const settled = (page, h) =>
  page.waitForFunction((h) => playground.nodes().every((x) => x.height > h && x.pool === 0), h, { timeout: 120_000 });
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await page.goto(server.url);
  await page.waitForFunction(() => window.playground);
  await page.evaluate(() => {
    for (let i = 0; i < 999; i++) playground.submit(1, { kind: 'exchange', amount: 1000 });
  });
  await page.waitForFunction(() => playground.nodes()[1].balance >= 999_000, null, { timeout: 120_000 });
  await page.evaluate(() => {
    window.__gaps = [];
    let last = performance.now();
    const frame = (t) => {
      window.__gaps.push(t - last);
      last = t;
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
  let h = await page.evaluate(() => playground.nodes()[0].height);
  await page.evaluate(() => playground.submit(1, { kind: 'stake', amount: 999_000 }));
  await settled(page, h);
  const blocks = [];
  for (let k = 0; k < 3; k++) {
    h = await page.evaluate(() => playground.nodes()[0].height);
    const t0 = Date.now();
    await page.evaluate(() => playground.submit(2, { kind: 'exchange', amount: 5 }));
    await settled(page, h);
    blocks.push(Date.now() - t0);
  }
  const lots = await page.evaluate(() => playground.nodes().reduce((s, x) => s + x.stake, 0));
  const gaps = await page.evaluate(() => window.__gaps.slice().sort((a, b) => b - a));
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  console.log(`Chromium ${browser.version()} (headless), ${cpu}, ${os.cpus().length} cores`);
  console.log(`${lots.toLocaleString('en-US')} lots staked; ${gaps.length} frames watched over 4 blocks`);
  console.log(`longest gaps between frames: ${gaps.slice(0, 5).map((g) => `${g.toFixed(0)} ms`).join(', ')}`);
  console.log(`each block, request to every node agreeing: ${blocks.map((b) => `${(b / 1000).toFixed(1)} s`).join(', ')}`);
} finally {
  await browser.close();
  await server.close();
}
