// A board's scale in the page (printed, not asserted), for workspaces made by
// the generator (docs/generate.md) at each size given: restoring it, a cold
// load beside its floor (a plain-JS read and JSON.parse of the same stored
// values, in the same page), signing in to My Work, saving one change there,
// My Work's own drawing per frame, and memory (after loading, and across
// 1,000 changes against a fresh load of the result); then a locked backup
// larger than a JavaScript string. Run by `./dev bench`.
// Usage: node scale.mjs <built site folder> <clients or backup.json>...
import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { serve, launch, openApp } from './harness.mjs';

const [site, ...sizes] = process.argv.slice(2);
const cli = join(site, '..', '..', 'native', 'bridgework');
const root = await mkdtemp(join(tmpdir(), 'bridgework-scale-'));
for (const f of await readdir(site)) await symlink(resolve(site, f), join(root, f));
const server = await serve(root);
const browser = await launch();
const ms = x => `${x.toFixed(0)} ms`;
// After a reload: the app has started and has loaded workspace `id`.
const opened = (page, id) => page.waitForFunction(
  id => window.Module && window.Module.calledRun && window.bridgework.state().workspace === id && !window.bridgework.state().loading,
  id, { timeout: 600000, polling: 50 });
const mb = x => `${(x / 1048576).toFixed(0)} MB`;

for (const size of sizes) {
  let file = `generated-${size}.json`;
  if (size.endsWith('.json')) {  // a backup file given, such as the storage benchmark's
    file = 'given-' + size.replace(/.*\//, '');
    await symlink(resolve(size), join(root, file));
    console.log(`\n${size}:`);
  } else {
    const made = execFileSync(cli, ['generate', '--clients', size, '--seed', '1', join(root, file)], { encoding: 'utf8' });
    console.log(`\n${size} clients: ${made.trim().replace(/^[^:]*: /, '')}`);
  }
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const page = await openApp(context, server.url);
  page.on('crash', () => console.log('  the page crashed'));
  try {
    const restored = await page.evaluate(async file => {
      // As "Restore a backup file" hands it over: the file, read into the app as bytes.
      const backup = await (await fetch(file)).blob();
      const t = performance.now();
      const r = await window.bridgework.openBackup(backup);
      return { ok: r.ok, error: r.error && r.error.message, ms: performance.now() - t, chars: backup.size,
               wasm: window.Module.HEAP8.length, used: window.bridgework.ui.heapInUse() };
    }, file);
    if (!restored.ok) { console.log(`  restoring the backup (${mb(restored.chars)}): refused, ${restored.error}`); continue; }
    console.log(`  restoring the backup (${mb(restored.chars)} of JSON): ${ms(restored.ms)} to saved; ` +
                `wasm heap then ${mb(restored.wasm)}, ${mb(restored.used)} of it in use`);

    // Cold load: navigation until the workspace is open, then its floor in the same page.
    const id = await page.evaluate(() => window.bridgework.state().workspace);
    const t0 = Date.now();
    await page.reload();
    await opened(page, id);
    const cold = Date.now() - t0;
    // Memory as the load leaves it, before anything is asked of the app (the
    // garbage collected: what is held, not what awaits collection).
    const memoryNow = async () => {
      await (await page.context().newCDPSession(page)).send('HeapProfiler.collectGarbage');
      return page.evaluate(() => ({ wasm: window.Module.HEAP8.length, used: window.bridgework.ui.heapInUse(),
                                    js: performance.memory ? performance.memory.usedJSHeapSize : 0 }));
    };
    const loaded = await memoryNow();
    const floor = await page.evaluate(async id => {
      const t = performance.now();
      const db = await new Promise((ok, no) => { const r = indexedDB.open('bridgework-ws-' + id); r.onsuccess = () => ok(r.result); r.onerror = () => no(r.error); });
      const all = store => new Promise(ok => { const r = db.transaction(store).objectStore(store).getAll(); r.onsuccess = () => ok(r.result); });
      const values = [...await all('meta'), ...await all('buckets')];
      let records = 0;
      for (const v of values) { const x = JSON.parse(v); records += Array.isArray(x) ? x.length : 1; }
      db.close();
      return { ms: performance.now() - t, values: values.length, records };
    }, id);
    console.log(`  cold load, navigation -> workspace open: ${ms(cold)} = ${(cold / floor.ms).toFixed(1)}x its floor ` +
                `(plain JS reading the ${floor.values} stored values and JSON.parse: ${ms(floor.ms)}, ${floor.records} records)`);
    const parts = await page.evaluate(() => window.bridgework.ui.lastLoad());
    console.log(`    of which: start-up until the read began ${ms(parts.started)}; reading ${ms(parts.read - parts.started)} ` +
                `(${ms(parts.inApp)} of it in the app, reading the values handed over); ` +
                `checking and indexing ${ms(parts.ended - parts.read)}`);

    // The case staff member holding the largest caseload, on My Work.
    const who = await page.evaluate(() => {
      const b = window.bridgework;
      b.signIn(b.query('staff', {}).result.find(s => s.role === 'administrator' && s.active).id);
      const held = {};
      for (const c of b.query('clients', {}).result) if (c.active) held[c.primary_contact] = (held[c.primary_contact] || 0) + 1;
      const [id, count] = Object.entries(held).sort((a, b) => b[1] - a[1])[0];
      return { id, count };
    });
    const signIn = await page.evaluate(async id => {
      const f0 = window.bridgework.ui.frames();
      const t = performance.now();
      window.bridgework.signIn(id);
      while (window.bridgework.ui.frames() === f0) await new Promise(r => requestAnimationFrame(r));
      return performance.now() - t;
    }, who.id);
    console.log(`  signIn -> first frame of My Work (${who.count} active clients): ${ms(signIn)}`);
    await page.mouse.move(700, 450);
    const [f0, d0] = await page.evaluate(() => [window.bridgework.ui.frames(), window.bridgework.ui.drawTime()]);
    for (let i = 0; i < 60; ++i) { await page.mouse.move(700 + (i % 2) * 40, 450 + (i % 5) * 10); await page.waitForTimeout(25); }
    const [f1, d1] = await page.evaluate(() => [window.bridgework.ui.frames(), window.bridgework.ui.drawTime()]);
    console.log(`  My Work's own drawing: ${((d1 - d0) / Math.max(1, f1 - f0)).toFixed(2)} ms per frame (${f1 - f0} frames with the pointer moving)`);
    const saves = await page.evaluate(async () => {
      const b = window.bridgework;
      const me = b.state().signed_in;
      const mine = b.query('clients', {}).result.filter(c => c.active && c.primary_contact === me);
      // What the saves write: every value put, counted on its way to IndexedDB.
      let chars = 0, values = 0;
      const put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function (value, ...rest) { chars += String(value).length; ++values; return put.call(this, value, ...rest); };
      const times = [];
      for (let i = 0; i < 100; ++i) {
        const t = performance.now();
        const r = await b.dispatch({ type: 'add_comment', record: mine[i % mine.length].id, text: 'Called about the interview ' + i });
        if (!r.ok) throw new Error(r.error.message);
        times.push(performance.now() - t);
      }
      IDBObjectStore.prototype.put = put;
      times.sort((a, b) => a - b);
      return { p50: times[50], p95: times[95], chars: chars / 100, values: values / 100 };
    });
    console.log(`  saving one change on My Work (dispatch -> transaction complete): p50 ${ms(saves.p50)}, p95 ${ms(saves.p95)} (100 comments)`);
    console.log(`  written per change: ${Math.round(saves.chars).toLocaleString('en-US')} characters in ${saves.values.toFixed(1)} values (meta included)`);
    const memory = await memoryNow();
    console.log(`  memory after loading: wasm heap ${mb(loaded.wasm)} (${mb(loaded.used)} in use), JS heap ${mb(loaded.js)}; ` +
                `after the queries above (every client, as one answer) and 100 saves: wasm heap ${mb(memory.wasm)} ` +
                `(${mb(memory.used)} in use), JS heap ${mb(memory.js)}`);

    // Memory across 1,000 changes, then against the same data loaded afresh: what the session holds beyond its data.
    const changes = await page.evaluate(async () => {
      const b = window.bridgework;
      const mine = b.query('clients', {}).result.filter(c => c.active && c.primary_contact === b.state().signed_in);
      const before = b.ui.heapInUse();
      for (let i = 0; i < 1000; ++i) {
        const r = await b.dispatch({ type: 'add_comment', record: mine[i % mine.length].id, text: 'Left a message about the job fair ' + i });
        if (!r.ok) throw new Error(r.error.message);
      }
      return { before, after: b.ui.heapInUse(), wasm: window.Module.HEAP8.length };
    });
    await page.reload();
    await opened(page, id);
    const afresh = await page.evaluate(() => window.bridgework.ui.heapInUse());
    console.log(`  1,000 more changes (comments): heap in use ${mb(changes.before)} -> ${mb(changes.after)} ` +
                `(${Math.round((changes.after - changes.before) / 1000).toLocaleString('en-US')} bytes a change), wasm heap ${mb(changes.wasm)}; ` +
                `the same data loaded afresh: ${mb(afresh)} in use (the session holds ${Math.round((changes.after - afresh) / 1024).toLocaleString('en-US')} KB more)`);
  } catch (e) {
    console.log(`  stopped: ${String(e.message || e).split('\n').slice(0, 6).join('\n    ')}`);
  } finally {
    await context.close();
  }
}

// A locked board's backup beyond the 512 MB a JavaScript string holds (W6):
// 600 MB of backup sealed into a file and opened again, as bytes throughout
// (web/storage.js; tests/browser/privacy.mjs runs the same on a small board).
{
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const page = await openApp(context, server.url);
  try {
    await page.evaluate(() => window.bridgework.openDemo());
    await page.evaluate(() => window.bridgework.lock('a long enough passphrase'));
    const r = await page.evaluate(async () => {
      const size = 600 << 20, bytes = new Uint8Array(size);
      for (let i = 0; i < size; i += 4096) bytes[i] = (i / 4096) & 255;
      let t = performance.now();
      const file = await window.BWStorage.lock.sealBackup(window.bridgework.state().workspace, bytes);
      const sealed = performance.now() - t;
      t = performance.now();
      const back = (await window.BWStorage.lock.openBackup(file, 'a long enough passphrase')).bytes;
      const opened = performance.now() - t;
      let same = back.length === size;
      for (let i = 0; same && i < size; i += 4096) same = back[i] === ((i / 4096) & 255);
      return { file: file.size, sealed, opened, same };
    });
    if (!r.same) throw new Error('the opened backup differs from the one sealed');
    console.log(`\na locked backup of 600 MB: sealed into a file of ${mb(r.file)} in ${ms(r.sealed)}, opened in ${ms(r.opened)}`);
  } catch (e) {
    console.log(`\na locked backup of 600 MB: stopped: ${String(e.message || e).split('\n')[0]}`);
  } finally {
    await context.close();
  }
}
await browser.close();
server.close();
await rm(root, { recursive: true });
