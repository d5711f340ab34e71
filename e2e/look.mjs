// Screenshots to look at, not a test (its name has no `.test.`): the page at 1280×720,
// 1920×1080, 820×1180 and 390×844 in Chromium, Firefox and WebKit, at the top and scrolled to
// the history bar, into e2e/screenshots/look-<engine>-<size>[-hist].png. It prints each
// window's horizontal overflow (the tests check errors; this only takes pictures).
//
//   bash scripts/trunk.sh build --release && node e2e/look.mjs
//   ENG=firefox Q='?lang=de' node e2e/look.mjs
import { openBrowser, stopDisplay } from './engines/driver.mjs';
import { startServer } from './helpers.mjs';
const server = await startServer();
const sizes = [[1280, 720], [1920, 1080], [820, 1180], [390, 844]];
for (const engine of (process.env.ENG || 'chromium,firefox,webkit').split(',')) {
  for (const [w, h] of sizes) {
    const b = await openBrowser(engine, { width: w, height: h });
    try {
      await b.goto(server.url + (process.env.Q || ''));
      for (let i = 0; i < 80; i++) {
        const ok = await b.eval(() => window.playground && playground.nodes().length === 4);
        if (ok) break;
        await new Promise((r) => setTimeout(r, 500));
      }
      // A purchase, so that a block is forged and the cards, feed and tables have rows.
      await b.eval(() => playground.submit(1, { kind: 'exchange', amount: 40 }));
      await new Promise((r) => setTimeout(r, 3000));
      await b.screenshot(`look-${engine}-${w}x${h}`);
      await b.eval(() => document.querySelector('[data-testid=history]')?.scrollIntoView());
      await new Promise((r) => setTimeout(r, 400));
      await b.screenshot(`look-${engine}-${w}x${h}-hist`);
      // The fairness lab, which comes once its place is on the screen (src/edge/lab.rs).
      await b.eval(() => document.querySelector('[data-testid=fairness]')?.scrollIntoView());
      await new Promise((r) => setTimeout(r, 2500));
      await b.screenshot(`look-${engine}-${w}x${h}-lab`);
      const wide = await b.eval(() => document.documentElement.scrollWidth - window.innerWidth);
      console.log(engine, w, h, 'overflow', wide);
    } finally { await b.close(); }
  }
}
await stopDisplay(); await server.close();
