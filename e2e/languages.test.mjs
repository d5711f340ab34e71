// The page in every language it ships (www/lang/languages.json): at ?lang=xx
//   - <html lang> is xx and the page shows no English text from www/lang/en/page.ftl that xx
//     translates (names, numbers and words the language keeps as they are aside), on every
//     section with its closed parts opened, after a few blocks;
//   - a refusal arrives in xx: a transfer the sender cannot pay, refused on its card; junk
//     pasted as an invitation, refused in the Links panel;
//   - the compounding mode runs, its figures written with xx's decimal sign and its point in xx;
//   - the lesson menu in xx, and every lesson walked through "Do it" (e2e/lesson-walk.mjs).
// One test per language, so that the files of e2e/ share the cores (node --test runs two at
// a time). Needs `bash scripts/trunk.sh build --release` first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { useServerAndBrowser, collectConsoleErrors, waitFor, someBlocks, showLab } from './helpers.mjs';
import { LESSONS, walk } from './lesson-walk.mjs';

const env = useServerAndBrowser();
const WWW = path.join(import.meta.dirname, '..', 'www');
const LANGUAGES = JSON.parse(readFileSync(path.join(WWW, 'lang', 'languages.json'), 'utf8')).languages
  .map((l) => l.code)
  .filter((c) => c !== 'en');

/**
 * The literal texts of a Fluent file, by message key: each value's and attribute's words with
 * the placeholders, references and select syntax taken out (a select gives one text per
 * variant). Enough of Fluent for page.ftl (the page's own reader is src/logic/i18n/ftl.rs).
 */
function texts(file) {
  const out = new Map();
  let key = null;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.startsWith('#') || !line.trim()) continue;
    const entry = /^(-?[A-Za-z][\w-]*)\s*=\s?(.*)$/.exec(line);
    let text;
    if (entry) {
      key = entry[1];
      text = entry[2];
    } else {
      text = line.trim().replace(/^\.[\w-]+\s*=\s?/, '').replace(/^\*?\[[^\]]+\]\s?/, '');
    }
    if (!key) continue;
    const pieces = text
      .replace(/\{\s*"([^"]*)"\s*\}/g, '$1')
      .split(/\{[^}]*\}?|\}/)
      .map((p) => p.trim())
      .filter(Boolean);
    out.set(key, [...(out.get(key) || []), ...pieces]);
  }
  return out;
}

/** English texts that `lang` translates: two words or more, absent from `lang`'s file. */
function englishOnly(lang) {
  const en = texts(path.join(WWW, 'lang', 'en', 'page.ftl'));
  const theirs = readFileSync(path.join(WWW, 'lang', lang, 'page.ftl'), 'utf8');
  const found = new Set();
  for (const pieces of en.values()) {
    for (const p of pieces) {
      const words = p.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
      if (words.split(/\s+/).filter((w) => /\p{L}{2,}/u.test(w)).length >= 2 && !theirs.includes(words)) found.add(words);
    }
  }
  return [...found];
}

/** Everything the page says: its text, and the labels, titles and placeholders read aloud. */
function pageWords(page) {
  return page.evaluate(() => {
    const said = [document.body.innerText];
    for (const el of document.querySelectorAll('[aria-label], [title], [placeholder], [alt]')) {
      for (const a of ['aria-label', 'title', 'placeholder', 'alt']) if (el.getAttribute(a)) said.push(el.getAttribute(a));
    }
    return said.join('\n');
  });
}

/** The text of `key` in `lang` before its first placeholder ("Refused: " in English). */
function lead(lang, key) {
  const line = readFileSync(path.join(WWW, 'lang', lang, 'page.ftl'), 'utf8').split('\n').find((l) => l.startsWith(`${key} =`));
  assert.ok(line, `${lang} has ${key}`);
  return line.slice(line.indexOf('=') + 1).split('{')[0].trim();
}

const lessonFile = (lang, name) => readFileSync(path.join(WWW, 'lessons', lang, `${name}.txt`), 'utf8');

for (const lang of LANGUAGES) {
  test(`the page in ${lang}: no English left, a refusal in ${lang}, every lesson through "Do it"`, { timeout: 900_000 }, async () => {
    const page = await env.browser.newPage({ viewport: { width: 1280, height: 720 } });
    const errors = collectConsoleErrors(page);
    try {
      await page.goto(`${env.server.url}?lang=${lang}`);
      await waitFor(page, 'the page', () => window.playground && playground.nodes().length === 4 && playground.lesson);
      assert.equal(await page.evaluate(() => document.documentElement.lang), lang);
      await someBlocks(page);

      // A refusal in the language: Node 2 transfers far more than it holds, from its card.
      const card = page.getByTestId('node-1');
      await card.getByTestId('kind').selectOption('transfer');
      await card.getByTestId('amount').fill('999999');
      await card.getByTestId('send').click();
      await card.locator('[data-testid=result].err').waitFor();
      const refusal = await card.getByTestId('result').innerText();
      assert.ok(refusal.startsWith(lead(lang, 'result-refused')), `${lang}: the refusal reads "${refusal}"`);
      assert.doesNotMatch(refusal, /Refused|not enough/, `${lang}: the refusal has no English`);

      // A link refusal in the language: junk pasted as an invitation, refused in the Links panel.
      await page.evaluate(() => { document.querySelector('[data-testid=links] details').open = true; });
      await page.locator('[data-testid=invitation-in]').fill('hello teacher');
      await page.locator('[data-testid=accept]').click();
      await page.locator('[data-testid=links-message].bad').waitFor();
      const linkRefusal = await page.locator('[data-testid=links-message]').innerText();
      assert.doesNotMatch(linkRefusal, /invitation cannot be used|not an invitation or answer/, `${lang}: the link refusal reads "${linkRefusal}"`);
      assert.ok(linkRefusal.includes('pos1:'), `${lang}: the link refusal names the prefix: "${linkRefusal}"`);

      // The compounding mode: a short run, its figures with the language's decimal sign and its
      // point in the language (the English check below reads them too).
      await showLab(page);
      await page.getByTestId('fairness').getByRole('button', { name: lead(lang, 'lab-example') }).click();
      await page.getByTestId('cmp-blocks').selectOption('100');
      await page.getByTestId('cmp-runs').selectOption('500');
      await page.getByTestId('cmp-run').click();
      await page.getByTestId('cmp-point').locator('p').first().waitFor({ timeout: 60_000 });
      await page.waitForFunction(() => !document.querySelector('[data-testid=cmp-stop]'), null, { timeout: 60_000 });
      const point = await page.getByTestId('cmp-point').innerText();
      assert.doesNotMatch(point, /rich get richer|luck compounds/, `${lang}: the compounding point`);
      assert.match(await page.getByTestId('cmp-mean-constant').innerText(), /^\d+,\d\d\s?%/, `${lang}: a mean with a decimal comma`);
      assert.doesNotMatch(await page.getByTestId('cmp-agreement-constant').innerText(), /standard errors|too few runs|equal/, `${lang}: the agreement`);

      // No English on any section, with every closed part open.
      await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
      await page.waitForTimeout(300);
      const said = await pageWords(page);
      const left = englishOnly(lang).filter((e) => said.includes(e));
      assert.deepEqual(left, [], `${lang}: English still on the page`);
      // Nodes are named in the language everywhere (cards, tables, block tree, roster): never
      // the English "Node 2" where the language says otherwise.
      if (lead(lang, 'node-name') !== lead('en', 'node-name')) {
        const english = said.split('\n').filter((l) => /\bNode \d/.test(l));
        assert.deepEqual(english, [], `${lang}: a node named in English`);
      }

      // The lessons: the menu in the language, and each walked through "Do it".
      const titles = Object.fromEntries(lessonFile(lang, 'index').split('\n')
        .filter((l) => l.trim() && !l.startsWith('#')).map((l) => l.split(/:\s*/, 2)));
      for (const name of LESSONS) {
        await page.waitForSelector(`[data-testid=lesson-menu] option[value=${name}]`, { state: 'attached' });
        assert.equal((await page.locator(`[data-testid=lesson-menu] option[value=${name}]`).textContent()).trim(), titles[name], `${lang}: ${name} in the menu`);
      }
      for (const name of LESSONS) {
        const first = lessonFile(lang, name).split('\n').find((l) => l.startsWith('step:')).slice(5).trim();
        await page.evaluate((n) => playground.lesson(n, 1), name);
        await page.waitForSelector(`[data-testid=lesson][data-lesson=${name}][data-step="1"]`);
        assert.equal((await page.innerText('[data-testid=lesson-heading]')).trim(), first, `${lang}: ${name} step 1`);
        await page.evaluate(() => playground.lesson(null));
        await walk(page, name, `${lang}-1280x720`);
      }
      assert.deepEqual(errors, [], errors.join('\n'));
    } finally {
      await page.close();
    }
  });
}
