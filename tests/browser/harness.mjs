// Shared by the browser tests and the page benchmarks: a static server for the
// built site on 127.0.0.1 and Debian's Chromium driven by playwright-core.
import { createServer } from 'node:http';
import { mkdir, readFile } from 'node:fs/promises';
import { dirname, extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateSync } from 'node:zlib';
import { chromium } from 'playwright-core';

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm',
                '.data': 'application/octet-stream', '.svg': 'image/svg+xml',
                '.webmanifest': 'application/manifest+json', '.ttf': 'font/ttf' };

export async function serve(root, port = 0) {
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    try {
      const body = await readFile(join(root, path.endsWith('/') ? path + 'index.html' : path));
      res.writeHead(200, { 'Content-Type': TYPES[extname(path)] || (path.endsWith('/') ? 'text/html' : 'application/octet-stream') });
      res.end(body);
    } catch {
      res.writeHead(404);
      res.end('not found');
    }
  });
  await new Promise(r => server.listen(port, '127.0.0.1', r));
  // Closing also ends kept-alive connections: the server is gone, as when it is stopped.
  return { url: `http://127.0.0.1:${server.address().port}/`, port: server.address().port,
           close: () => new Promise(r => { server.close(r); server.closeAllConnections(); }) };
}

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-quic', '--no-first-run', '--disable-background-networking',
           '--disable-component-update', '--disable-sync', '--use-angle=swiftshader',
           '--enable-unsafe-swiftshader'],
  });
}

// What a test file starts with: the built site (its first argument) served,
// Chromium launched, screenshots going to tests/browser/artifacts/.
export async function start() {
  const site = process.argv[2];
  const artifacts = join(dirname(fileURLToPath(import.meta.url)), 'artifacts');
  await mkdir(artifacts, { recursive: true });
  const server = await serve(site);
  const browser = await launch();
  const { test, finish } = suite(browser, artifacts);
  const bw = (page, fn, arg) => page.evaluate(fn, arg);
  return { site, artifacts, server, browser, test, finish, bw };
}

// A suite of browser tests: each test gets a fresh browser context (its own
// storage); a failure keeps a screenshot. ONLY=<part of a name> runs just those.
export function suite(browser, artifacts) {
  const results = [];
  async function test(name, body) {
    if (process.env.ONLY && !name.includes(process.env.ONLY)) return;
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const started = Date.now();
    try {
      await body(context);
      results.push([name, null]);
      console.log(`ok   ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    } catch (e) {
      results.push([name, e]);
      const [page] = context.pages();  // what the page showed when it failed
      if (page) await page.screenshot({ path: join(artifacts, `failed-${results.length}.png`) }).catch(() => {});
      console.log(`FAIL ${name}\n     ${String(e.stack || e).split('\n').slice(0, 6).join('\n     ')}`);
    } finally {
      await context.close();
    }
  }
  // Prints the closing line and exits with the suite's outcome.
  function finish() {
    const failed = results.filter(([, e]) => e).length;
    console.log(`${results.length - failed} passed, ${failed} failed`);
    process.exit(failed ? 1 : 0);
  }
  return { test, finish };
}

// Opens the app and waits until window.bridgework is ready.
export async function openApp(context, url) {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', e => errors.push(String(e)));
  await page.goto(url);
  await page.waitForFunction(() => window.bridgework && window.bridgework.ready, null, { timeout: 60000 });
  await page.evaluate(() => window.bridgework.ready);
  page.errors = errors;
  return page;
}

// Waits for a labelled widget to be drawn, returns its rect (CSS px).
// Scrolls down the way a person would when it is below the fold, and waits
// until it stops moving (a change just made can still shift the layout).
export async function widget(page, label, timeout = 10000) {
  try {
    return await settled(page, label, 1500);
  } catch { /* not in view yet */ }
  await drawn(page, label, timeout);
  return settled(page, label, timeout);
}

// The widget's rect once two frames drawn after the latest call or input
// (ui.current(): not where a sign-in or a click moved it from) agree on it.
async function settled(page, label, timeout) {
  const handle = await page.waitForFunction(l => {
    const ui = window.bridgework.ui;
    if (!ui.current()) return false;
    const r = ui.rect(l), frame = ui.frames(), seen = window.bridgeworkSettling;
    window.bridgeworkSettling = { l, r, frame };
    return r && seen && seen.l === l && seen.r && seen.frame < frame && seen.r.x === r.x && seen.r.y === r.y && r;
  }, label, { polling: 'raf', timeout });
  return handle.jsonValue();
}

// The labels of every widget in a frame that shows the latest call and input (ui.current()).
export async function labels(page) {
  await page.waitForFunction(() => window.bridgework.ui.current(), null, { polling: 'raf' });
  return page.evaluate(() => window.bridgework.ui.items().map(i => i.label));
}

async function drawn(page, label, timeout) {
  const find = () => page.evaluate(l => window.bridgework.ui.rect(l), label);
  try {
    const handle = await page.waitForFunction(l => window.bridgework.ui.rect(l), label, { timeout: Math.min(timeout, 1500), polling: 50 });
    return handle.jsonValue();
  } catch { /* not in view yet */ }
  try {
    const view = page.viewportSize() || { width: 1280, height: 800 };
    for (let i = 0; i < 20; ++i) {
      await page.mouse.move(Math.round(view.width * 0.6), Math.round(view.height * 0.5));  // over the content
      await page.waitForTimeout(50);
      await page.mouse.wheel(0, 250);
      await page.waitForTimeout(100);
      const r = await find();
      if (r) return r;
    }
    const handle = await page.waitForFunction(l => window.bridgework.ui.rect(l), label, { timeout, polling: 50 });
    return handle.jsonValue();
  } catch (e) {
    const seen = await page.evaluate(() => window.bridgework.ui.items().map(i => i.label)).catch(() => []);
    throw new Error(`no widget "${label}" drawn; the page shows: ${seen.join(' | ')}`);
  }
}

// As a person clicks: the pointer arrives, then the button goes down and up,
// each in its own frame (ImGui reads the mouse once a frame).
export async function pointAndClick(page, x, y) {
  await page.bringToFront();  // a person clicks in the tab in front
  await page.mouse.move(x, y);
  await page.waitForTimeout(50);
  await page.mouse.down();
  await page.waitForTimeout(50);
  await page.mouse.up();
  // As a person sees the click take effect: a frame after the one that read
  // the release (input waits in order when frames are slow). A click that
  // leaves the page (a reload) ends the wait too.
  await page.waitForFunction(() => !window.bridgework || window.bridgework.ui.current(), null,
                             { polling: 'raf', timeout: 10000 }).catch(() => {});
  await page.waitForTimeout(30);
}

export async function click(page, label) {
  const r = await widget(page, label);
  await pointAndClick(page, r.x + r.w / 2, r.y + r.h / 2);
}

// Clicks every widget drawn with `label`, top to bottom (e.g. one radio button per row).
export async function clickEach(page, label) {
  await widget(page, label);
  const rects = await page.evaluate(l => window.bridgework.ui.items().filter(i => i.label === l), label);
  for (const r of rects) await pointAndClick(page, r.x + r.h / 2, r.y + r.h / 2);
  return rects.length;
}

// A key press held over a few frames: ImGui 1.86 reads key state once a frame,
// so a press and release within one frame would be missed. "Control+A" works.
export async function press(page, keys) {
  const parts = keys.split('+');
  for (const k of parts) await page.keyboard.down(k);
  await page.waitForTimeout(60);
  for (const k of parts.reverse()) await page.keyboard.up(k);
  await page.waitForTimeout(60);
}

// In the enrolment dialog: an adult at the demo's career center, with Angela Brooks (C1, C2).
export async function chooseAdultProgram(page) {
  await click(page, 'WIOA Adult');
  await click(page, 'Enrolling provider');
  await click(page, 'Cedar Valley Career Center');
  await click(page, 'Primary contact');
  await click(page, 'Angela Brooks');
}

export async function type(page, label, text) {
  const r = await widget(page, label);
  // The label of an input is drawn right of its box: click the box's left part.
  await pointAndClick(page, r.x + 12, r.y + r.h / 2);
  await page.keyboard.type(text, { delay: 15 });
  await page.waitForTimeout(60);
}

// The colour [r, g, b] at (x, y) of a PNG screenshot (8-bit RGB or RGBA, not
// interlaced, as Chromium writes them): checks that the app drew where it says.
export function pixel(png, x, y) {
  const width = png.readUInt32BE(16), depth = png[24], type = png[25];
  if (depth !== 8 || (type !== 2 && type !== 6)) throw new Error('unexpected PNG format');
  const chunks = [];
  for (let at = 8; at < png.length;) {
    const length = png.readUInt32BE(at), kind = png.toString('ascii', at + 4, at + 8);
    if (kind === 'IDAT') chunks.push(png.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(chunks));
  const bpp = type === 6 ? 4 : 3, stride = width * bpp;
  let previous = Buffer.alloc(stride), row = null;
  for (let r = 0; r <= y; ++r) {  // undo each row's filter up to the one asked for
    const filter = raw[r * (stride + 1)], line = raw.subarray(r * (stride + 1) + 1, (r + 1) * (stride + 1));
    row = Buffer.alloc(stride);
    for (let i = 0; i < stride; ++i) {
      const a = i >= bpp ? row[i - bpp] : 0, b = previous[i], c = i >= bpp ? previous[i - bpp] : 0;
      const p = a + b - c, pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
      const predictor = [0, a, b, (a + b) >> 1, pa <= pb && pa <= pc ? a : pb <= pc ? b : c][filter];
      row[i] = (line[i] + predictor) & 0xff;
    }
    previous = row;
  }
  return [row[x * bpp], row[x * bpp + 1], row[x * bpp + 2]];
}
