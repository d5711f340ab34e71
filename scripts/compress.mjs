// Writes a brotli (quality 11) and a gzip (level 9) copy next to every file of a built dist/,
// so that a server sends the smallest one the browser accepts without compressing on every
// request (the class server does: server/src/serve.rs). Node's own zlib: no extra dependency.
//
//   node scripts/compress.mjs [dist]
//
// Trunk runs it after every build (a `post_build` hook in Trunk.toml) on its staging folder;
// there it compresses release builds only (brotli 11 takes seconds on a debug build's wasm).
//
// scripts/size.mjs measures with the same two functions.
import { readdirSync, readFileSync, writeFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { spawnSync } from 'node:child_process';

/** Brotli at its best quality, as a class server should send a file. */
export function brotli(bytes) {
  return zlib.brotliCompressSync(bytes, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  });
}

/** Gzip at level 9: GNU `gzip -9 -n` where it is installed (about 1 % smaller than Node's
 * zlib on the wasm, and the measure of the size history), else Node's zlib at level 9. */
export function gzip(bytes) {
  const r = spawnSync('gzip', ['-9', '-n', '-c'], { input: bytes, maxBuffer: 1 << 28 });
  if (r.status === 0 && r.stdout.length > 0) return r.stdout;
  return zlib.gzipSync(bytes, { level: 9 });
}

/** Every file under `dir` (relative paths, `/`-separated), compressed copies left out. */
export function filesUnder(dir, prefix = '') {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    // Trunk's staging folder and lock file.
    if (name.startsWith('.')) continue;
    const full = path.join(dir, name);
    const rel = prefix ? `${prefix}/${name}` : name;
    if (statSync(full).isDirectory()) out.push(...filesUnder(full, rel));
    else if (!/\.(br|gz)$/.test(name)) out.push(rel);
  }
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const hook = !process.argv[2] && process.env.TRUNK_STAGING_DIR;
  if (hook && process.env.TRUNK_PROFILE !== 'release') {
    console.log('[compress] not a release build: no compressed copies');
    process.exit(0);
  }
  const dist = process.argv[2] || hook || 'dist';
  let files = 0;
  for (const rel of filesUnder(dist)) {
    const file = path.join(dist, rel);
    const bytes = readFileSync(file);
    writeFileSync(`${file}.br`, brotli(bytes));
    writeFileSync(`${file}.gz`, gzip(bytes));
    files += 1;
  }
  console.log(`[compress] ${files} files in ${dist}: a .br and a .gz beside each`);
}
