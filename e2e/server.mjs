// Tiny static file server for the trunk output (dist/), for the end-to-end tests.
// Listens on 127.0.0.1 only, on a free port unless one is given.
//
//   import { startServer } from './server.mjs';
//   const { url, close } = await startServer({ root: 'dist' });
//
// Standalone:  node e2e/server.mjs [dir=dist] [port=0]
import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = path.resolve(HERE, '..');
// POS_DIST serves another build (e.g. one made with `bash scripts/trunk.sh build --release --dist /tmp/x`).
export const DEFAULT_DIST = process.env.POS_DIST || path.join(REPO_ROOT, 'dist');

export const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

export function mimeType(file) {
  return MIME_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

async function isFile(p) {
  try {
    return (await stat(p)).isFile();
  } catch {
    return false;
  }
}

/**
 * Serve `root` on http://127.0.0.1:<port>/.
 * - `/` and directories serve their index.html;
 * - an unknown path without a file extension serves /index.html (client-side routes);
 * - a missing /favicon.ico answers 204, so browsers log no 404 console error for it;
 * - `headers` are added to every response (e.g. COOP/COEP for cross-origin isolation);
 * - `inject` (HTML text) goes into index.html before its first `<link>` or `<script>`, so before
 *   any script of the page (e2e/engines/ puts its error collector there).
 * @returns {Promise<{url: string, port: number, close: () => Promise<void>}>}
 */
export async function startServer({ root = DEFAULT_DIST, host = '127.0.0.1', port = 0, headers = {}, inject = '' } = {}) {
  const rootDir = path.resolve(root);
  if (!(await isFile(path.join(rootDir, 'index.html')))) {
    throw new Error(`${rootDir}/index.html not found: run \`bash scripts/trunk.sh build --release\` first`);
  }

  const server = createServer(async (req, res) => {
    const send = (status, body, type = 'text/plain; charset=utf-8') => {
      res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', ...headers });
      res.end(body);
    };
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'method not allowed\n');
      const { pathname } = new URL(req.url ?? '/', 'http://localhost');
      let rel;
      try {
        rel = decodeURIComponent(pathname);
      } catch {
        return send(400, 'bad path\n');
      }
      let file = path.resolve(rootDir, '.' + path.posix.normalize(rel));
      if (file !== rootDir && !file.startsWith(rootDir + path.sep)) return send(403, 'forbidden\n');

      if (!(await isFile(file))) {
        const index = path.join(file, 'index.html');
        if (await isFile(index)) {
          file = index;
        } else if (path.extname(rel) === '') {
          file = path.join(rootDir, 'index.html'); // client-side route
        } else if (rel === '/favicon.ico') {
          return send(204, '');
        } else {
          return send(404, 'not found\n');
        }
      }

      if (inject && path.basename(file) === 'index.html') {
        const html = (await readFile(file, 'utf8')).replace(/<(link|script)\b/i, (tag) => inject + tag);
        return send(200, req.method === 'HEAD' ? '' : html, mimeType(file));
      }
      const { size } = await stat(file);
      res.writeHead(200, {
        'Content-Type': mimeType(file),
        'Content-Length': size,
        'Cache-Control': 'no-store',
        ...headers,
      });
      if (req.method === 'HEAD') return res.end();
      createReadStream(file)
        .on('error', () => res.destroy())
        .pipe(res);
    } catch (err) {
      if (!res.headersSent) send(500, `${err}\n`);
      else res.destroy();
    }
  });

  const sockets = new Set();
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const actualPort = server.address().port;
  const url = `http://${host}:${actualPort}/`;

  const close = () =>
    new Promise((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    });

  return { url, port: actualPort, close };
}

// Standalone use: node e2e/server.mjs [dir] [port]
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ?? DEFAULT_DIST;
  const port = Number(process.argv[3] ?? 0);
  const { url, close } = await startServer({ root: dir, port });
  console.log(`serving ${path.resolve(dir)} at ${url}  (Ctrl-C to stop)`);
  const stop = async () => {
    await close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
