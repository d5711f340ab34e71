// Machines as nodes: separate browser contexts (no shared BroadcastChannel, like separate
// laptops) linked over WebRTC data channels by the copy/paste flow, with no server.
//
// Runs only inside a network namespace of its own: `bash e2e/netns.sh` (scripts/test.sh does
// it) makes one with a veth pair, so ICE candidates are 10.99.0.x addresses that exist only
// there and no traffic leaves it. Plain `node --test e2e/` skips this file.
// Needs `bash scripts/trunk.sh build --release` first.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, startServer, collectConsoleErrors, screenshot, insideOwnNamespace } from './helpers.mjs';

const skip = insideOwnNamespace()
  ? false
  : 'WebRTC tests run only inside their own network namespace: bash e2e/netns.sh';

let server;
let browser;

before(async () => {
  if (skip) return;
  server = await startServer();
  // Plain IP candidates instead of mDNS .local names, which need multicast.
  browser = await launch({ extraArgs: ['--disable-features=WebRtcHideLocalIpsWithMdns'] });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** A page in a browser context of its own: a separate machine. */
async function machine(query = '') {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await ctx.newPage();
  const errors = collectConsoleErrors(page);
  await page.goto(`${server.url}${query}`);
  await page.waitForFunction(() => window.playground && playground.network().role !== 'discovering', null, { timeout: 10_000 });
  return { ctx, page, errors };
}

const node0 = (m) => m.page.evaluate(() => playground.nodes()[0]);

async function converged(machines, minHeight, timeout = 30_000) {
  const start = Date.now();
  for (;;) {
    const state = await Promise.all(machines.map(node0));
    if (state.every((n) => n.tip === state[0].tip && n.height >= minHeight)) return state[0];
    if (Date.now() - start > timeout) throw new Error(`no convergence: ${JSON.stringify(state.map((n) => [n.height, n.tip.slice(0, 8)]))}`);
    await machines[0].page.waitForTimeout(200);
  }
}

/** Opens the Links panel (a <details>) if it is closed. */
const showLinks = (m) => m.page.evaluate(() => { document.querySelector('[data-testid=links] details').open = true; });

const openLinks = (m) => m.page.evaluate(() => playground.network().links.filter((l) => l.state === 'open').length);

/** Links `inviter` to `acceptor` through the Links panel: invitation and answer pasted as text. */
async function linkByPanel(inviter, acceptor) {
  await showLinks(inviter);
  await inviter.page.locator('[data-testid=invite]').click();
  const invitation = inviter.page.locator('textarea[data-testid=invitation]');
  await invitation.waitFor({ timeout: 10_000 });
  const text = await invitation.inputValue();
  assert.match(text, /^pos1:[A-Za-z0-9_-]+$/);

  await showLinks(acceptor);
  await acceptor.page.locator('[data-testid=invitation-in]').fill(text);
  await acceptor.page.locator('[data-testid=accept]').click();
  const answer = acceptor.page.locator('textarea[data-testid=answer]');
  await answer.waitFor({ timeout: 10_000 });
  const answerText = await answer.inputValue();
  assert.match(answerText, /^pos1:[A-Za-z0-9_-]+$/);

  await inviter.page.locator('[data-testid=answer-in]').fill(answerText);
  await inviter.page.locator('[data-testid=complete]').click();
  for (const m of [inviter, acceptor]) {
    await m.page.locator('[data-testid=link][data-state=open]').first().waitFor({ timeout: 15_000 });
  }
}

/** Links through the console API: invite() → accept(text) → complete(answer). */
async function linkByConsole(inviter, acceptor) {
  const invitation = await inviter.page.evaluate(() => playground.invite());
  const answer = await acceptor.page.evaluate((i) => playground.accept(i), invitation);
  const done = await inviter.page.evaluate((a) => playground.complete(a), answer);
  assert.equal(done.ok, true);
  await inviter.page.waitForFunction((id) => playground.network().links.some((l) => l.id === id && l.state === 'open'), done.link, { timeout: 15_000 });
  await acceptor.page.waitForFunction(() => playground.network().links.some((l) => l.state === 'open'), null, { timeout: 15_000 });
}

test('three machines: pasted invitations link them; blocks reach all; the third is served through the second', { skip, timeout: 180_000 }, async () => {
  const a = await machine('?net=room');
  const b = await machine(); // a single playground: it joins A's network on accepting
  const c = await machine('?net=room');
  assert.equal(await a.page.evaluate(() => playground.network().role), 'host');
  const aNetwork = await a.page.evaluate(() => playground.network().network);
  assert.notEqual(await b.page.evaluate(() => playground.network().network), aNetwork);

  // A ↔ B through the panel. B had no chain of its own, so it takes A's network.
  await linkByPanel(a, b);
  await b.page.waitForFunction((n) => playground.network().network === n, aNetwork);
  assert.equal(await b.page.evaluate(() => playground.network().role), 'member');
  await screenshot(a.page, 'webrtc-inviter');

  // A transaction made in A is forged into a block that both hold.
  assert.equal((await a.page.evaluate(() => playground.submit(0, { kind: 'exchange', amount: 50 }))).ok, true);
  const first = await converged([a, b], 1);
  const peersB = await b.page.evaluate(() => playground.peers(0));
  const viaLink = peersB.filter((p) => p.where === 'webrtc');
  assert.ok(viaLink.length >= 1, JSON.stringify(peersB));
  assert.ok(viaLink.every((p) => p.state === 'open' && /^L\d+$/.test(p.link) && /^[0-9a-f]{64}$/.test(p.address)), JSON.stringify(viaLink));

  // C ↔ B through the console API; C never links to A.
  await linkByConsole(b, c);
  await c.page.waitForFunction((n) => playground.network().network === n, aNetwork, { timeout: 10_000 });
  await c.page.waitForFunction((h) => playground.nodes()[0].height >= h, first.height, { timeout: 20_000 });
  const cPeers = await c.page.evaluate(() => playground.peers(0));
  const aTab = await a.page.evaluate(() => playground.network().tab);
  assert.ok(cPeers.length > 0 && cPeers.every((p) => p.where === 'webrtc' && !p.peer.startsWith(`${aTab}/`)), JSON.stringify(cPeers));

  // Relay: A pays C; B passes the transaction and the block on.
  const cAddress = (await node0(c)).address;
  assert.equal((await a.page.evaluate((to) => playground.submit(0, { kind: 'transfer', to, amount: 10 }), cAddress)).ok, true);
  await c.page.waitForFunction(() => playground.nodes()[0].balance === 10, null, { timeout: 30_000 });
  // C buys from the exchange, which only A holds: the request travels C → B → A.
  assert.equal((await c.page.evaluate(() => playground.submit(0, { kind: 'exchange', amount: 7 }))).ok, true);
  await c.page.waitForFunction(() => playground.nodes()[0].balance === 17, null, { timeout: 30_000 });
  await converged([a, b, c], first.height + 2);
  await screenshot(b.page, 'webrtc-relay');

  // C closes: B reports the link closed and why, forgets C's nodes, and keeps working with A.
  const cTab = await c.page.evaluate(() => playground.network().tab);
  await c.page.close({ runBeforeUnload: true });
  await b.page.waitForFunction((t) => playground.network().links.some((l) => l.remote === t && l.state === 'closed')
    && !playground.peers(0).some((p) => p.peer.startsWith(`${t}/`)), cTab, { timeout: 15_000 });
  const closed = await b.page.evaluate((t) => playground.network().links.find((l) => l.remote === t), cTab);
  assert.match(closed.reason, /goodbye|closed/);
  await b.page.locator('[data-testid=link][data-state=closed]').waitFor();
  await screenshot(b.page, 'webrtc-closed');
  assert.equal(await openLinks(b), 1);
  assert.equal((await a.page.evaluate(() => playground.submit(0, { kind: 'exchange', amount: 5 }))).ok, true);
  await converged([a, b], first.height + 3);

  for (const m of [a, b, c]) assert.deepEqual(m.errors, [], m.errors.join('\n'));
  for (const m of [a, b, c]) await m.ctx.close();
});

test('pasted junk and a hostile peer are refused in words; the link and the chain carry on', { skip, timeout: 120_000 }, async () => {
  const a = await machine('?net=guarded');
  const b = await machine('?net=guarded');

  // Junk in the boxes: typed errors in words, never a crash.
  await showLinks(b);
  await b.page.locator('[data-testid=invitation-in]').fill('hello teacher');
  await b.page.locator('[data-testid=accept]').click();
  await b.page.locator('[data-testid=links-message].bad').waitFor();
  assert.match(await b.page.locator('[data-testid=links-message]').textContent(), /not an invitation or answer of pos-playground/);
  await b.page.locator('[data-testid=invitation-in]').fill('pos1:' + 'A'.repeat(20_000));
  await b.page.locator('[data-testid=accept]').click();
  await b.page.waitForFunction(() => /bytes long/.test(document.querySelector('[data-testid=links-message]').textContent));
  await screenshot(b.page, 'webrtc-refused');
  const refusals = await a.page.evaluate(async () => {
    const out = [];
    for (const t of ['', 'pos1:!!', 'pos1:e30', 'pos1:eyJraW5kIjoiYW5zd2VyIn0']) {
      try { await playground.accept(t); out.push('accepted?!'); } catch (e) { out.push(e.message); }
    }
    const own = await playground.invite();
    try { await playground.accept(own); } catch (e) { out.push(e.message); }
    try { await playground.complete(own); } catch (e) { out.push(e.message); }
    return out;
  });
  assert.match(refusals[0], /nothing was pasted/);
  assert.match(refusals[1], /damaged/);
  assert.match(refusals[2], /damaged or from another version/);
  assert.match(refusals[3], /damaged or from another version/);
  assert.match(refusals[4], /own invitation/);
  assert.match(refusals[5], /an answer is needed/);

  // A hostile peer: a bare page that accepts A's invitation with its own RTCPeerConnection and
  // sends garbage, frames in another tab's name, bad pieces, and a forged transaction.
  const evilCtx = await browser.newContext();
  const evil = await evilCtx.newPage();
  await evil.goto(`${server.url}hostile.txt`);
  const invitation = await a.page.evaluate(() => playground.invite());
  const answer = await evil.evaluate(async (text) => {
    const b64 = text.slice(5).replace(/-/g, '+').replace(/_/g, '/');
    const inv = JSON.parse(atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4))).invite;
    window.inv = inv;
    window.pc = new RTCPeerConnection({ iceServers: [] });
    pc.ondatachannel = (e) => { window.dc = e.channel; window.seen = []; dc.onmessage = (m) => seen.push(m.data); };
    await pc.setRemoteDescription({ type: 'offer', sdp: inv.sdp });
    await pc.setLocalDescription(await pc.createAnswer());
    while (pc.iceGatheringState !== 'complete') await new Promise((r) => setTimeout(r, 50));
    const json = JSON.stringify({ answer: { link: inv.link, to: inv.tab, tab: 'evil', sdp: pc.localDescription.sdp } });
    return 'pos1:' + btoa(json).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }, invitation);
  await a.page.evaluate((t) => playground.complete(t), answer);
  await evil.waitForFunction(() => window.dc && dc.readyState === 'open', null, { timeout: 15_000 });

  // B links to A honestly and a block is made, so the hostile page has something to forge.
  await linkByConsole(a, b);
  assert.equal((await b.page.evaluate(() => playground.submit(0, { kind: 'exchange', amount: 20 }))).ok, true);
  await converged([a, b], 1);
  await evil.waitForFunction(() => seen.some((f) => f.includes('\\"transaction\\"')), null, { timeout: 15_000 });
  // A frame in pieces, as long frames travel, is put back together.
  await evil.evaluate(() => {
    const hello = JSON.stringify({ hello: { tab: 'evil', role: 'member', genesis: null, height: 77 } });
    const cut = Math.floor(hello.length / 2);
    dc.send(`#0/2:${hello.slice(0, cut)}`);
    dc.send(`#1/2:${hello.slice(cut)}`);
  });
  await a.page.waitForFunction(() => playground.network().tabs.some((t) => t.tab === 'evil' && t.height === 77 && t.where === 'webrtc'));
  const before = await node0(a);
  await evil.evaluate(() => {
    const frame = (tab, data) => JSON.stringify({ msg: { tab, node: 'n0', to: null, data: JSON.stringify(data) } });
    const frames = seen.flatMap((f) => { try { return [JSON.parse(f)]; } catch { return []; } });
    const txFrame = frames.find((f) => f.msg && f.msg.data.includes('"transaction"'));
    const tx = JSON.parse(txFrame.msg.data);
    const bad = structuredClone(tx); bad.body.transaction.tx.amount += 1000; bad.body.transaction.tx.nonce += 1;
    const posts = ['this is not json', '{"msg":{}}', '#0/2:{"msg"', '#5/2:x', frame('zzzz', tx), frame('evil', bad)];
    for (const p of posts) dc.send(p);
    for (let i = 0; i < 4000; i++) dc.send(frame('evil', { junk: i }));
  });
  await a.page.waitForTimeout(1500);
  const rejected = await a.page.evaluate(() => playground.rejected(0));
  for (const key of ['frame:malformed', 'frame:badTab', 'frame:flood']) {
    assert.ok(rejected[key] > 0, `${key} counted: ${JSON.stringify(rejected)}`);
  }
  assert.ok(Object.keys(rejected).some((k) => k.startsWith('tx:')), JSON.stringify(rejected));
  const after = await node0(a);
  assert.deepEqual([after.height, after.tip, after.balance], [before.height, before.tip, before.balance]);
  // The honest link still works.
  assert.equal(await openLinks(b), 1);
  assert.equal((await b.page.evaluate(() => playground.submit(0, { kind: 'exchange', amount: 3 }))).ok, true);
  await converged([a, b], before.height + 1);
  await screenshot(a.page, 'webrtc-hostile');
  for (const m of [a, b]) assert.deepEqual(m.errors, [], m.errors.join('\n'));
  await evilCtx.close();
  for (const m of [a, b]) await m.ctx.close();
});
