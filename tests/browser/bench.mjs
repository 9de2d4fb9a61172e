// Page figures (printed, not asserted): download size, time from navigation
// to the first drawn frame and a frame's main-thread time, each beside the
// same figure of a bare ImGui page built by the same toolchain (the floor,
// tests/benchmarks/bare_page, built beside the site); idle cost; time to save
// one change durably; the ESE export.
// Usage: node bench.mjs <built site folder> [screenshot.png]
import { readFile, stat } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { serve, launch, openApp, widget, click } from './harness.mjs';

const site = process.argv[2];
const bare = join(site, '..', 'bare_page');
const kb = x => `${(x / 1024).toFixed(0).padStart(6)} KB`;
let downloaded = 0, bareDownloaded = 0;
for (const [folder, files] of [[site, ['bridgework.wasm', 'bridgework.js', 'bridgework.data']], [bare, ['bare_page.wasm', 'bare_page.js']]]) {
  for (const f of files) {
    const bytes = await readFile(join(folder, f));
    const gz = gzipSync(bytes, { level: 9 }).length;
    if (folder === site) downloaded += gz; else bareDownloaded += gz;
    console.log(`${f.padEnd(18)} ${kb(bytes.length)} raw, ${kb(gz)} gzip`);
  }
}
console.log(`download, gzip -9: ${kb(downloaded).trim()} = ${(downloaded / bareDownloaded).toFixed(1)}x the bare ImGui page's ${kb(bareDownloaded).trim()}`);

const server = await serve(site);
const bareServer = await serve(bare);
const browser = await launch();
// Navigation -> first drawn frame, median of 15, for the app and for the bare
// page alternately: when the first frame's drawing was issued (both pages
// mark it, "first-frame", on the page's clock from navigation), and when a
// script first sees it (the app's labelled items, the bare page's count).
const firstFrames = { app: [], bare: [] }, seen = { app: [], bare: [] };
for (let i = 0; i < 15; ++i) {
  for (const which of ['app', 'bare']) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const start = Date.now();
    await page.goto(which === 'app' ? server.url : bareServer.url);
    if (which === 'app')
      await page.waitForFunction(() => window.bridgework && window.bridgework.ui && window.Module.calledRun &&
                                        window.bridgework.ui.items().length > 0, null, { polling: 'raf', timeout: 60000 });
    else
      await page.waitForFunction(() => window.bare.frames > 0, null, { polling: 'raf', timeout: 60000 });
    seen[which].push(Date.now() - start);
    firstFrames[which].push(Math.round(await page.evaluate(() => performance.getEntriesByName('first-frame')[0].startTime)));
    await context.close();
  }
}
const median = xs => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const beside = (xs, what) => console.log(`${what}: median ${median(xs.app)} ms = ${(median(xs.app) / median(xs.bare)).toFixed(2)}x ` +
                                         `the bare ImGui page's ${median(xs.bare)} ms (runs: ${xs.app.join(', ')} / ${xs.bare.join(', ')} ms)`);
beside(firstFrames, 'navigation to first frame drawn');
beside(seen, 'navigation to a script seeing it');

// A frame's main-thread time (input to picture) with the pointer moving; `read` gives [frames, their time, their vertices].
async function frameTime(page, label, read) {
  const [f0, t0, v0] = await page.evaluate(read);
  for (let i = 0; i < 60; ++i) { await page.mouse.move(600 + (i % 2) * 40, 400 + (i % 5) * 10); await page.waitForTimeout(25); }
  const [f1, t1, v1] = await page.evaluate(read);
  console.log(`a frame of ${label}: ${((t1 - t0) / (f1 - f0)).toFixed(2)} ms main-thread time, ${((v1 - v0) / (f1 - f0)).toFixed(0)} ` +
              `vertices (${f1 - f0} frames, pointer moving)`);
}
{  // the bare page's: the floor of every screen's
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(bareServer.url);
  await page.waitForFunction(() => window.bare.frames > 0);
  await frameTime(page, 'the bare ImGui page (floor)', () => [window.bare.frames, window.bare.frameTime, window.bare.vertices]);
  await context.close();
}

// Idle: main-thread time and frames drawn in 5 s with nobody touching the
// page, beside a static page's cost in the same run (the floor).
async function idle(page, label) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.waitForTimeout(2000);
  const busy = async () => (await cdp.send('Performance.getMetrics')).metrics.find(m => m.name === 'TaskDuration').value;
  const frames = () => page.evaluate(() => (window.bridgework && window.bridgework.ui.frames ? window.bridgework.ui.frames() : null));
  const [b0, f0] = [await busy(), await frames()];
  await page.waitForTimeout(5000);
  const [b1, f1] = [await busy(), await frames()];
  const drawn = f0 === null ? '' : `, ${((f1 - f0) / 5).toFixed(1)} frames drawn per second`;
  console.log(`idle, ${label}: main thread ${((b1 - b0) / 5 * 1000).toFixed(1)} ms per second${drawn}`);
}
{
  const floor = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const blank = await floor.newPage();
  await blank.setContent('<p>A static page</p>');
  await idle(blank, 'a static page (floor)');
  await floor.close();
}

const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
const page = await openApp(context, server.url);
await idle(page, 'the first page, before any input');
await page.evaluate(() => window.bridgework.openDemo());
await page.mouse.move(600, 400);
await frameTime(page, 'My Work of the demo', () => [window.bridgework.ui.frames(), window.bridgework.ui.frameTime(), window.bridgework.ui.vertices()]);
await idle(page, 'My Work of the demo, after input');
if (process.argv[3]) {  // the README's picture: the demo's Clients table
  await click(page, 'Clients');
  await widget(page, 'Enrol client');
  await page.screenshot({ path: process.argv[3] });
}
const timing = await page.evaluate(async () => {
  const provider = window.bridgework.query('organisations').result.find(o => o.name === 'Cedar Valley Career Center').id;
  const ers = window.bridgework.query('eligible_primary_contacts', { provider, youth: false }).result[0].id;
  const times = [];
  for (let i = 0; i < 50; ++i) {
    const t = performance.now();
    const r = await window.bridgework.dispatch({ type: 'enrol_client', first_name: 'Bench' + i, last_name: 'Mark',
      date_of_birth: '1990-01-01', programs: ['wioa_adult'], provider, primary_contact: ers });
    if (!r.ok) throw new Error(r.error.message);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { median: times[25], p90: times[45] };
});
console.log(`save one change (dispatch -> IndexedDB transaction complete): median ${timing.median.toFixed(1)} ms, p90 ${timing.p90.toFixed(1)} ms (50 enrolments)`);

// R2: the quarterly ESE export in the page, for a workspace with 100,000 services.
const services = Number(process.env.BENCH_SERVICES || 100000);
const ese = await page.evaluate(async count => {
  const staff = window.bridgework.query('staff', {}).result;
  const bsr = staff.find(s => s.name === 'Lena Fischer').id;
  window.bridgework.signIn(bsr);
  const sites = window.bridgework.query('employers', {}).result
    .filter(e => e.employer_kind === 'direct_employer' && !e.refusal)
    .map(e => window.bridgework.query('employer', { id: e.id }).result.establishments[0].id);
  const t0 = performance.now();
  for (let start = 0; start < count; start += 5000) {  // saved in group commits, 5,000 at a time
    const pending = [];
    for (let i = start; i < Math.min(count, start + 5000); ++i) {
      const day = new Date(Date.UTC(2026, 6, 1) + (i % 90) * 86400000).toISOString().slice(0, 10);  // all in PY2026 Q1
      pending.push(window.bridgework.dispatch({ type: 'log_service', establishment: sites[i % sites.length], date: day,
        local_type: 'Hiring event', program: 'wioa_adult', gained: 'Filled openings' }));
    }
    const results = await Promise.all(pending);
    const refused = results.find(r => !r.ok);
    if (refused) throw new Error(refused.error.message);
  }
  const logged = performance.now() - t0;
  const times = [];
  let rows = 0;
  for (let i = 0; i < 3; ++i) {
    const t = performance.now();
    const r = window.bridgework.query('ese_files', { program_year: 2026, quarter: 1 });
    times.push(performance.now() - t);
    rows = r.result.detail.split('\r\n').length - 2;
  }
  times.sort((a, b) => a - b);
  return { logged, median: times[1], rows };
}, services);
console.log(`ESE export in the page (query ese_files, PY2026 Q1): median ${ese.median.toFixed(0)} ms for ${ese.rows} services in the quarter ` +
            `(after logging ${services} services through dispatch in ${(ese.logged / 1000).toFixed(1)} s)`);
await browser.close();
server.close();
bareServer.close();
