// One small driver layer over W3C WebDriver for the three engines a class brings: Chromium
// (chromedriver), Firefox (geckodriver) and WebKit (WebKitGTK's WebKitWebDriver and its
// MiniBrowser under Xvfb). npm's selenium-webdriver talks to a driver this file starts itself
// from an explicit path, through `usingServer`, so its driver manager (which downloads) never
// runs. The browsers are Debian's; geckodriver comes from crates.io (scripts/setup.sh).
//
// Errors are collected on the page in every engine, because WebDriver cannot read WebKit's
// console: the static server injects COLLECTOR into index.html's head, before any script of
// the page (`startServer({ inject })`); pages served by someone else (the class server) get it
// once loaded (`collect()`), so errors of their first moments are seen only in Firefox, whose
// console (console.error, uncaught exceptions) is also read over WebDriver BiDi.
//
//   const b = await openBrowser('webkit', { width: 390, height: 844 });
//   await b.goto(url); await b.waitFor(() => window.playground, [], 20_000, 'the console API');
//   const nodes = await b.eval(() => playground.nodes());
//   assert.deepEqual(await b.errors(), []);
//   await b.close();
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Builder } from 'selenium-webdriver';
import getLogInspector from 'selenium-webdriver/bidi/logInspector.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH, SCREENSHOT_DIR } from '../helpers.mjs';

export const ENGINES = ['chromium', 'firefox', 'webkit'];

/** `name` on PATH, else `fallback`. */
function onPath(name, fallback) {
  for (const dir of (process.env.PATH || '').split(':')) {
    if (dir && existsSync(path.join(dir, name))) return path.join(dir, name);
  }
  return fallback;
}

/** Explicit paths: Debian's packages and geckodriver from `cargo install` (never downloaded). */
export const PATHS = {
  chromium: CHROMIUM_PATH,
  chromedriver: process.env.CHROMEDRIVER || '/usr/bin/chromedriver',
  firefox: process.env.FIREFOX_PATH || '/usr/bin/firefox-esr',
  geckodriver: process.env.GECKODRIVER || onPath('geckodriver', path.join(process.env.CARGO_HOME || path.join(process.env.HOME || '/root', '.cargo'), 'bin', 'geckodriver')),
  webkitdriver: process.env.WEBKIT_DRIVER || '/usr/bin/WebKitWebDriver',
  minibrowser: process.env.MINIBROWSER || '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
  xvfb: '/usr/bin/Xvfb',
};

/** Each engine's tools, for a clear skip reason when one is missing. */
export function missingTools(engine) {
  const need = { chromium: ['chromium', 'chromedriver'], firefox: ['firefox', 'geckodriver'], webkit: ['webkitdriver', 'minibrowser', 'xvfb'] }[engine];
  return need.filter((k) => !existsSync(PATHS[k])).map((k) => PATHS[k]);
}

/**
 * Installed on every page before its own scripts: uncaught errors (and resources that fail to
 * load), unhandled rejections and console.error calls go to `window.__posErrors`.
 */
export const COLLECTOR = `(() => {
  if (window.__posErrors) return;
  const errors = (window.__posErrors = []);
  const text = (v) => (v && (v.stack || v.message)) || String(v);
  addEventListener('error', (e) => {
    const where = e.filename ? \` (\${e.filename}:\${e.lineno})\` : e.target && e.target.src ? \` (\${e.target.src})\` : '';
    errors.push(\`error: \${e.message || (e.error && text(e.error)) || 'a resource failed to load'}\${where}\`);
  }, true);
  addEventListener('unhandledrejection', (e) => errors.push(\`unhandledrejection: \${text(e.reason)}\`));
  const original = console.error;
  console.error = function (...args) {
    errors.push(\`console.error: \${args.map(text).join(' ')}\`);
    return original.apply(this, args);
  };
})();`;

/** The script tag for `startServer({ inject })`. */
export const COLLECTOR_TAG = `<script>${COLLECTOR}</script>`;

/** WebRTC between engines inside the test's network namespace (docs/browsers.md). */
const FIREFOX_WEBRTC_PREFS = {
  'media.peerconnection.ice.loopback': true,
  'media.peerconnection.ice.obfuscate_host_addresses': false,
};
const CHROMIUM_WEBRTC_ARGS = ['--allow-loopback-in-peer-connection', '--disable-features=WebRtcHideLocalIpsWithMdns'];

/** Firefox prefs that keep it from reaching hosts this network refuses, and let it go narrow. */
const FIREFOX_PREFS = {
  'app.update.enabled': false,
  'browser.shell.checkDefaultBrowser': false,
  'browser.startup.homepage_override.mstone': 'ignore',
  'datareporting.policy.dataSubmissionEnabled': false,
  'toolkit.telemetry.enabled': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'extensions.getAddons.cache.enabled': false,
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'browser.safebrowsing.downloads.remote.enabled': false,
  'services.settings.server': 'http://127.0.0.1:9/',
  'browser.region.network.url': '',
  // Headless Firefox keeps its window at least 500 px wide unless userChrome.css says otherwise.
  'toolkit.legacyUserProfileCustomizations.stylesheets': true,
};
const NARROW_CHROME = `:root, #main-window, window, #navigator-toolbox, toolbar, #nav-bar, #TabsToolbar,
#urlbar-container, #urlbar, #browser, #tabbrowser-tabbox, #appcontent { min-width: 0 !important; }\n`;

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Starts a WebDriver server and waits until it answers /status. */
async function startDriver(bin, args, env = process.env) {
  const port = await freePort();
  const proc = spawn(bin, [...args(port)], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  proc.stdout.on('data', (d) => { log = (log + d).slice(-4000); });
  proc.stderr.on('data', (d) => { log = (log + d).slice(-4000); });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    if (proc.exitCode !== null) throw new Error(`${bin} exited with ${proc.exitCode}: ${log}`);
    try {
      const r = await fetch(`${url}/status`);
      if (r.ok) return { proc, url, log: () => log };
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  proc.kill('SIGKILL');
  throw new Error(`${bin} did not start: ${log}`);
}

/** One Xvfb for this process's WebKit windows; it picks a free display itself. */
let xvfb;
async function display() {
  if (xvfb) return xvfb;
  xvfb = new Promise((resolve, reject) => {
    const proc = spawn(PATHS.xvfb, ['-displayfd', '3', '-screen', '0', '1920x1400x24', '-nolisten', 'tcp'], { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] });
    let out = '';
    proc.stdio[3].on('data', (d) => {
      out += d;
      if (out.includes('\n')) resolve({ proc, name: `:${out.trim()}` });
    });
    proc.on('exit', (code) => reject(new Error(`Xvfb exited with ${code}`)));
    process.once('exit', () => proc.kill());
  });
  return xvfb;
}

/** Stops the shared Xvfb (after the last WebKit window closed). */
export async function stopDisplay() {
  if (!xvfb) return;
  const { proc } = await xvfb;
  xvfb = undefined;
  proc.kill();
}

/**
 * Opens one browser window of `engine` with a viewport of `width`×`height`.
 * `webrtc`: the flags and prefs that let engines link inside the test's network namespace.
 */
export async function openBrowser(engine, { width = 1280, height = 720, webrtc = false } = {}) {
  let driverServer;
  let caps;
  let profile;
  if (engine === 'chromium') {
    driverServer = await startDriver(PATHS.chromedriver, (port) => [`--port=${port}`]);
    caps = {
      browserName: 'chrome',
      'goog:chromeOptions': {
        binary: PATHS.chromium,
        args: [...CHROMIUM_ARGS, '--headless=new', ...(webrtc ? CHROMIUM_WEBRTC_ARGS : [])],
      },
      'goog:loggingPrefs': { browser: 'ALL' },
    };
  } else if (engine === 'firefox') {
    profile = mkdtempSync(path.join(tmpdir(), 'pos-firefox-'));
    mkdirSync(path.join(profile, 'chrome'));
    writeFileSync(path.join(profile, 'chrome', 'userChrome.css'), NARROW_CHROME);
    driverServer = await startDriver(PATHS.geckodriver, (port) => ['--port', String(port), '--host', '127.0.0.1']);
    caps = {
      browserName: 'firefox',
      webSocketUrl: true,
      'moz:firefoxOptions': {
        binary: PATHS.firefox,
        args: ['-headless', '-profile', profile],
        prefs: { ...FIREFOX_PREFS, ...(webrtc ? FIREFOX_WEBRTC_PREFS : {}) },
      },
    };
  } else if (engine === 'webkit') {
    const { name } = await display();
    driverServer = await startDriver(PATHS.webkitdriver, (port) => [`--port=${port}`, '--host=127.0.0.1'], { ...process.env, DISPLAY: name });
    caps = {
      browserName: 'MiniBrowser',
      // WebKitGTK turns WebRTC off by default; Safari has it on.
      'webkitgtk:browserOptions': { binary: PATHS.minibrowser, args: ['--automation', '--full-screen', '--enable-webrtc=true'] },
    };
  } else {
    throw new Error(`unknown engine ${engine}`);
  }

  let driver;
  try {
    driver = await new Builder().usingServer(driverServer.url).withCapabilities(caps).build();
  } catch (e) {
    driverServer.proc.kill('SIGKILL');
    throw new Error(`${engine}: no session: ${e.message}\n${driverServer.log()}`);
  }
  const session = await driver.getCapabilities();
  const consoleErrors = [];
  if (engine === 'firefox') {
    const inspector = await getLogInspector(driver);
    await inspector.onConsoleEntry((entry) => {
      if (entry.level === 'error') consoleErrors.push(`console.error: ${entry.text}`);
    });
    await inspector.onJavascriptException((entry) => consoleErrors.push(`exception: ${entry.text}`));
  }
  const browser = new Browser(engine, driver, session, driverServer, consoleErrors, profile);
  await browser.setViewport(width, height);
  return browser;
}

/** One window of one engine, driven over WebDriver. */
export class Browser {
  constructor(engine, driver, session, driverServer, consoleErrors, profile) {
    this.engine = engine;
    this.driver = driver;
    this.version = `${session.get('browserName')} ${session.get('browserVersion')}`;
    this.driverServer = driverServer;
    this.consoleErrors = consoleErrors;
    this.profile = profile;
  }

  /** Sizes the window so that the viewport (innerWidth × innerHeight) is `width` × `height`. */
  async setViewport(width, height) {
    const win = this.driver.manage().window();
    let rect = { width, height };
    for (let i = 0; i < 3; i++) {
      await win.setRect(rect);
      await sleep(100);
      const inner = await this.driver.executeScript('return [innerWidth, innerHeight]');
      if (inner[0] === width && inner[1] === height) return;
      const now = await win.getRect();
      rect = { width: now.width + width - inner[0], height: now.height + height - inner[1] };
    }
    const inner = await this.driver.executeScript('return [innerWidth, innerHeight]');
    if (inner[0] !== width || inner[1] !== height) {
      throw new Error(`${this.engine}: the viewport is ${inner.join('×')}, not ${width}×${height}`);
    }
  }

  async goto(url) {
    await this.driver.get(url);
  }

  /** Installs the error collector on a page that was served without it. */
  async collect() {
    await this.driver.executeScript(COLLECTOR);
  }

  /**
   * Runs `fn(...args)` in the page and returns its result; a Promise is awaited (the result
   * must be JSON-like). A rejection becomes an Error with the page's message.
   */
  async eval(fn, ...args) {
    const out = await this.driver.executeAsyncScript(
      `const done = arguments[arguments.length - 1];
       const args = Array.prototype.slice.call(arguments, 0, -1);
       Promise.resolve().then(() => (${fn})(...args)).then(
         (value) => done({ ok: true, value: value === undefined ? null : value }),
         (e) => done({ ok: false, error: String((e && e.message) || e) }));`,
      ...args,
    );
    if (!out.ok) throw new Error(out.error);
    return out.value;
  }

  /** Waits until `fn(...args)` is truthy in the page; returns its value. */
  async waitFor(fn, args = [], timeout = 20_000, what = String(fn)) {
    const start = Date.now();
    let last;
    for (;;) {
      try {
        const v = await this.eval(fn, ...args);
        if (v) return v;
      } catch (e) {
        last = e; // the page may not be ready yet
      }
      if (Date.now() - start > timeout) {
        throw new Error(`${this.engine}: timed out after ${timeout} ms waiting for ${what}${last ? `: ${last.message}` : ''}`);
      }
      await sleep(150);
    }
  }

  /** Clicks the first element matching `selector` (scrolled into view first). */
  async click(selector) {
    await this.waitFor((s) => !!document.querySelector(s), [selector], 15_000, selector);
    const el = await this.driver.findElement({ css: selector });
    await this.driver.executeScript('arguments[0].scrollIntoView({block: "center", behavior: "instant"})', el);
    await el.click();
  }

  /** Every error collected so far: on the page (injected collector), and Firefox's console. */
  async errors() {
    let onPage = [];
    try {
      onPage = (await this.driver.executeScript('return window.__posErrors || ["the error collector is not on this page"]')) || [];
    } catch (e) {
      onPage = [`errors unreadable: ${e.message}`];
    }
    if (this.engine === 'chromium') {
      const logs = await this.driver.manage().logs().get('browser');
      for (const l of logs) if (l.level.name === 'SEVERE') this.consoleErrors.push(`console: ${l.message}`);
    }
    return [...new Set([...onPage, ...this.consoleErrors])];
  }

  /** Saves a screenshot of the viewport to e2e/screenshots/<name>.png. */
  async screenshot(name) {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const file = path.join(SCREENSHOT_DIR, `${name}.png`);
    await writeFile(file, Buffer.from(await this.driver.takeScreenshot(), 'base64'));
    return file;
  }

  async close() {
    try {
      await this.driver.quit();
    } catch {
      // the browser may be gone already
    }
    this.driverServer.proc.kill();
    if (this.profile) rmSync(this.profile, { recursive: true, force: true });
  }
}
