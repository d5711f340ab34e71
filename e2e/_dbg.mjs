import { launch, startServer, someBlocks, waitFor } from './helpers.mjs';
const server = await startServer(); const b = await launch();
const page = await b.newPage({ viewport: { width: 1280, height: 720 } });
await page.goto(server.url + '?lang=es');
await waitFor(page, 'p', () => window.playground && playground.nodes().length === 4);
await someBlocks(page);
await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
await page.waitForTimeout(500);
console.log(await page.evaluate((words) => {
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n; (n = walker.nextNode());) for (const w of words) if (n.textContent.includes(w)) out.push(`${w} :: ${n.parentElement.tagName}.${n.parentElement.className} :: ${n.textContent.slice(0, 120)}`);
  for (const el of document.querySelectorAll('[aria-label], [title], [placeholder]')) for (const a of ['aria-label','title','placeholder']) { const v = el.getAttribute(a) || ''; for (const w of words) if (v.includes(w)) out.push(`${w} :: @${a} ${el.tagName} :: ${v.slice(0,120)}`); }
  return out.join('\n');
}, ['forges block', 'in all', 'the reference', 'of the']));
await b.close(); await server.close();
