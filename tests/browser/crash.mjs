// Crash durability (W1): Chromium's whole process group is killed (SIGKILL)
// while changes stream in; after each restart every change the page
// acknowledged as saved must be there, and the workspace reopens by itself.
// The first kill comes a moment after the workspace was created.
// Chromium itself sometimes finds its IndexedDB files damaged after a SIGKILL
// and deletes them all (docs/storage.md, "What readers check"). No page can
// keep data the browser deletes: then the first page must say so, and the
// run goes on with a new demo. Those restarts are counted and printed; at
// least half of the restarts must keep the browser's data, so that the
// changes' durability is always tested.
// Usage: node crash.mjs <built site folder> [cycles, default 10]
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { serve } from './harness.mjs';

const site = process.argv[2];
const cycles = Number(process.argv[3] || 10);
const server = await serve(site);
const profile = await mkdtemp(join(tmpdir(), 'bridgework-crash-'));
const sleep = ms => new Promise(r => setTimeout(r, ms));

// Chromium in its own process group, so that one signal kills all of it.
async function start() {
  await rm(join(profile, 'DevToolsActivePort'), { force: true });
  const child = spawn(process.env.CHROMIUM || '/usr/bin/chromium', [
    '--headless=new', '--remote-debugging-port=0', `--user-data-dir=${profile}`, '--no-sandbox', '--disable-quic',
    '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync',
    '--use-angle=swiftshader', '--enable-unsafe-swiftshader', 'about:blank'], { detached: true, stdio: 'ignore' });
  let port = null;
  for (let i = 0; i < 200 && !port; ++i) {
    await sleep(100);
    port = await readFile(join(profile, 'DevToolsActivePort'), 'utf8').then(t => t.split('\n')[0], () => null);
  }
  assert.ok(port, 'Chromium started');
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  const page = browser.contexts()[0].pages()[0] || await browser.contexts()[0].newPage();
  return { child, browser, page };
}

function kill(child) {
  return new Promise(resolve => {
    child.once('exit', resolve);
    process.kill(-child.pid, 'SIGKILL');
  });
}

let acknowledged = [];  // every change the page said was saved
let workspace = null, admin = null, failures = 0, wiped = 0;
const browserDeleted = 'This browser found the data it kept for Bridgework damaged, and deleted it';

for (let cycle = 0; cycle <= cycles; ++cycle) {
  const { child, browser, page } = await start();
  try {
    page.on('pageerror', e => { console.log(`FAIL cycle ${cycle}: page error ${e}`); ++failures; });
    await page.goto(server.url);
    await page.waitForFunction(() => window.bridgework && window.bridgework.ready, null, { timeout: 60000 });
    await page.evaluate(() => window.bridgework.ready);
    const st = await page.evaluate(() => window.bridgework.state());
    const deletedByBrowser = cycle > 0 && st.workspace === null && st.open_error.startsWith(browserDeleted);
    if (deletedByBrowser) {
      console.log(`note cycle ${cycle}: Chromium deleted its IndexedDB after the SIGKILL and the first page said so: ` +
                  `"${st.open_error}" (${acknowledged.length} acknowledged changes gone with it); a new demo goes on`);
      ++wiped;
      acknowledged = [];
    }
    if (cycle === 0 || deletedByBrowser) {
      const made = await page.evaluate(() => window.bridgework.openDemo());
      assert.equal(made.ok, true);
      workspace = made.id;
      admin = (await page.evaluate(() => window.bridgework.state())).signed_in;
    } else {
      // The workspace reopened by itself, with every acknowledged change.
      if (st.workspace !== workspace) {  // say what the browser still holds
        const kept = await page.evaluate(() => window.bridgework.workspaces());
        const databases = await page.evaluate(async () => (await indexedDB.databases()).map(d => d.name));
        assert.fail(`cycle ${cycle}: the workspace did not reopen at start: state ${JSON.stringify(st)}; ` +
                    `directory ${JSON.stringify(kept)}; databases ${JSON.stringify(databases)}`);
      }
      assert.equal(st.open_error, '');
      assert.equal((await page.evaluate(id => window.bridgework.signIn(id), admin)).ok, true);
      const names = new Set(await page.evaluate(() => window.bridgework.query('organisations').result.map(o => o.name)));
      const lost = acknowledged.filter(n => !names.has(n));
      if (lost.length) { console.log(`FAIL cycle ${cycle}: ${lost.length} acknowledged changes lost: ${lost.slice(0, 5).join(', ')}`); ++failures; }
      else console.log(`ok   cycle ${cycle}: restarted after SIGKILL, ${acknowledged.length} acknowledged changes present`);
    }
    if (cycle === cycles) break;
    // Changes stream in; each acknowledgement is reported to this process as it happens.
    await page.exposeFunction('acknowledged', name => acknowledged.push(name));
    await page.evaluate(c => {
      let i = 0;
      const next = () => {
        const name = `Cycle ${c} change ${i++}`;
        window.bridgework.dispatch({ type: 'add_organisation', name, kind: 'youth_provider' })
          .then(r => { if (r.ok) window.acknowledged(name); });
        setTimeout(next, 8);
      };
      next();
    }, cycle);
    await sleep(cycle === 0 ? 400 : 300 + Math.floor(Math.random() * 1200));
  } catch (e) {
    console.log(`FAIL cycle ${cycle}: ${String(e.stack || e).split('\n').slice(0, 4).join('\n     ')}`);
    ++failures;
  } finally {
    await kill(child);
    await browser.close().catch(() => {});
  }
}
server.close();
await rm(profile, { recursive: true, force: true });
if (wiped > cycles / 2) { console.log(`FAIL Chromium deleted its data after ${wiped} of ${cycles} kills: too few restarts tested`); ++failures; }
console.log(`${cycles} SIGKILLs, ${acknowledged.length} acknowledged changes since the last start, ` +
            `${failures ? 'LOSSES OR ERRORS' : '0 lost'}; Chromium deleted its own data after ${wiped} of them (said on the first page)`);
console.log(`${failures ? 0 : 1} passed, ${failures ? 1 : 0} failed`);
process.exit(failures ? 1 : 0);
