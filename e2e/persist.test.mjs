// Nothing lost: a reload brings the same network back; chains export and import; tampered
// files and broken storage are refused in words. Needs `bash scripts/trunk.sh build --release` first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { useServerAndBrowser, collectConsoleErrors, screenshot } from './helpers.mjs';

const env = useServerAndBrowser();

async function ready(page) {
  await page.waitForFunction(() => window.playground && playground.nodes().length > 0, null, { timeout: 10_000 });
}

async function makeBlocks(page) {
  assert.equal((await page.evaluate(() => playground.submit(1, { kind: 'exchange', amount: 60 }))).ok, true);
  await page.waitForFunction(() => playground.nodes()[1].balance === 60, null, { timeout: 15_000 });
  assert.equal((await page.evaluate(() => playground.submit(1, { kind: 'stake', amount: 20 }))).ok, true);
  await page.waitForFunction(() => playground.nodes().every((n) => n.height >= 2 && n.tip === playground.nodes()[0].tip), null, { timeout: 15_000 });
  // Something left in a pool, too: Node 3 cannot forge, so its purchase request waits.
}

test('a reload brings the same chain, balances and keys back', { timeout: 60_000 }, async () => {
  const ctx = await env.browser.newContext();
  const page = await ctx.newPage();
  const errors = collectConsoleErrors(page);
  await page.goto(env.server.url);
  await ready(page);
  await makeBlocks(page);
  const before = await page.evaluate(() => ({ nodes: playground.nodes(), chain: playground.chain(0) }));
  await page.waitForTimeout(1300); // the state is written at most once a second
  await page.reload();
  await ready(page);
  const after = await page.evaluate(() => ({ nodes: playground.nodes(), chain: playground.chain(0) }));
  assert.deepEqual(after.nodes.map((n) => [n.address, n.balance, n.stake, n.height, n.tip]),
    before.nodes.map((n) => [n.address, n.balance, n.stake, n.height, n.tip]));
  assert.deepEqual(after.chain.blocks.map((b) => b.hash), before.chain.blocks.map((b) => b.hash));
  assert.match(await page.locator('[data-testid=activity]').innerText(), /Restored this tab/);
  // And the restored network keeps working.
  assert.equal((await page.evaluate(() => playground.submit(1, { kind: 'transfer', to: 2, amount: 5 }))).ok, true);
  await page.waitForFunction(() => playground.nodes()[2].balance === 5, null, { timeout: 15_000 });
  assert.deepEqual(errors, [], errors.join('\n'));
  await ctx.close();
});

test('export a chain, import it into a fresh browser; a tampered file is refused', { timeout: 60_000 }, async () => {
  const ctx = await env.browser.newContext({ acceptDownloads: true });
  const page = await ctx.newPage();
  await page.goto(env.server.url);
  await ready(page);
  await makeBlocks(page);
  const exported = await page.evaluate(() => playground.exportChain(0));
  const file = JSON.parse(exported);
  assert.equal(file.format, 'pos-playground-chain');
  assert.equal(file.keys, undefined, 'no keys unless asked');
  const tip = await page.evaluate(() => playground.nodes()[0].tip);
  const withKeys = JSON.parse(await page.evaluate(() => playground.exportChain(0, { keys: true })));
  assert.match(withKeys.keys.warning, /secret/);
  // The export button downloads the same file.
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid=export-chain]').click()]);
  const downloaded = JSON.parse(await readFile(await download.path(), 'utf8'));
  assert.deepEqual(downloaded.blocks, file.blocks);
  await ctx.close();

  const fresh = await env.browser.newContext();
  const other = await fresh.newPage();
  const errors = collectConsoleErrors(other);
  await other.goto(env.server.url);
  await ready(other);
  // A tampered copy: one token more in block 2's first transaction.
  const tampered = structuredClone(file);
  tampered.blocks[2].transactions[0].amount += 1;
  const refused = await other.evaluate((t) => playground.importChain(t), JSON.stringify(tampered));
  assert.equal(refused.ok, false);
  assert.equal(refused.height, 2);
  assert.match(refused.error, /block 2 is invalid: the forger's signature does not verify/);
  // Through the page's file input: first a line saying the file is being checked (the check
  // holds the page's thread), then the refusal in words.
  await other.evaluate(() => {
    window.filesMessages = [];
    new MutationObserver(() => {
      const text = document.querySelector('[data-testid=files-message]')?.innerText;
      if (text && text !== window.filesMessages.at(-1)) window.filesMessages.push(text);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await other.locator('[data-testid=import-chain]').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(tampered)) });
  await other.waitForFunction(() => /Refused/.test(document.querySelector('[data-testid=files-message]')?.innerText));
  const shown = await other.evaluate(() => window.filesMessages);
  assert.match(shown[0], /Checking the file/);
  assert.match(shown.at(-1), /Refused at block 2/);
  const garbage = await other.evaluate(() => playground.importChain('{"format":"pos-playground-chain","version":7}'));
  assert.match(garbage.error, /another version/);

  const ok = await other.evaluate((t) => playground.importChain(t), exported);
  assert.deepEqual([ok.ok, ok.height], [true, file.blocks.length - 1]);
  assert.equal(await other.evaluate(() => playground.nodes()[0].tip), tip);
  await screenshot(other, 'persist-imported');
  assert.deepEqual(errors, [], errors.join('\n'));
  await fresh.close();
});

test('garbage in storage brings up the recovery message, not a blank page', { timeout: 60_000 }, async () => {
  const ctx = await env.browser.newContext({ acceptDownloads: true });
  const page = await ctx.newPage();
  const errors = collectConsoleErrors(page);
  await page.goto(env.server.url);
  await ready(page);
  // Leave the app (it saves on the way out), damage what it saved, come back.
  await page.goto(`${env.server.url}elsewhere.txt`);
  await page.evaluate(() => localStorage.setItem('pos-playground:solo', '{"format":"pos-playground-state","version":2,"blocks":[{"height":"x"}]}'));
  await page.goto(env.server.url);
  await page.waitForSelector('[data-testid=recovery]');
  assert.match(await page.locator('[data-testid=recovery-reason]').innerText(), /not a valid playground: the text cannot be read/);
  assert.equal(await page.locator('article.card').count() > 0, true, 'the page still works behind the message');
  await screenshot(page, 'persist-recovery');
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid=keep-copy]').click()]);
  assert.match(await readFile(await download.path(), 'utf8'), /"height":"x"/);
  // Nothing was overwritten before the choice; "Start fresh" clears it.
  assert.match(await page.evaluate(() => localStorage.getItem('pos-playground:solo')), /"height":"x"/);
  await page.locator('[data-testid=start-fresh]').click();
  await page.waitForSelector('[data-testid=recovery]', { state: 'detached' });
  await page.waitForTimeout(1300);
  assert.match(await page.evaluate(() => localStorage.getItem('pos-playground:solo')), /pos-playground-state/);

  // An old format says so: version 1 pages derived the host's keys from a seed they half
  // published as the tab id, so those saves are refused.
  await page.goto(`${env.server.url}elsewhere.txt`);
  await page.evaluate(() => localStorage.setItem('pos-playground:solo', '{"format":"pos-playground-state","version":1}'));
  await page.goto(env.server.url);
  await page.waitForSelector('[data-testid=recovery]');
  assert.match(await page.locator('[data-testid=recovery-reason]').innerText(), /another version/);
  // The only errors are the deliberate visits to a page that does not exist.
  const unexpected = errors.filter((e) => !e.includes('elsewhere.txt'));
  assert.deepEqual(unexpected, [], unexpected.join('\n'));
  await ctx.close();
});
