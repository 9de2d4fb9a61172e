// Saved means saved (W1, W4, W5): the storage layer's paths to lost or
// locked-away data, each tried in Debian's Chromium against the built page.
// Usage: [ONLY=<part of a test name>] node saved.mjs <built site folder>.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { start, openApp, widget, click } from './harness.mjs';

const { site, artifacts, server, browser, test, finish, bw } = await start();
const state = page => bw(page, () => window.bridgework.state());
const orgNames = page => bw(page, () => window.bridgework.query('organisations').result.map(o => o.name));
const addOrg = (page, name) => bw(page, n => window.bridgework.dispatch({ type: 'add_organisation', name: n, kind: 'youth_provider' }), name);

// The demo as a backup file, made by the command-line tool from the same core.
const cli = join(site, '..', '..', 'native', 'bridgework');
const demoPath = join(artifacts, 'demo-backup.json');
execFileSync(cli, ['demo-backup', demoPath]);
const demoBackup = () => readFile(demoPath, 'utf8').then(JSON.parse);

async function openDemo(page) {
  const r = await bw(page, () => window.bridgework.openDemo());
  assert.equal(r.ok, true);
  return r.id;
}

// Restores a backup through window.bridgework and signs in its administrator.
async function restore(page, backup) {
  const r = await bw(page, text => window.bridgework.openBackup(text), JSON.stringify(backup));
  if (r.ok) {
    const admin = await bw(page, () => window.bridgework.query('staff').result.find(s => s.role === 'administrator').id);
    assert.equal((await bw(page, id => window.bridgework.signIn(id), admin)).ok, true);
  }
  return r;
}

async function reopen(page) {
  await page.reload();
  await page.evaluate(() => window.bridgework.ready);
}

// 32-bit FNV-1a modulo 1024 of the id's UTF-8 bytes, as src/core/storage.cpp.
function bucketOf(id) {
  let h = 2166136261;
  for (const byte of Buffer.from(id, 'utf8')) h = Math.imul(h ^ byte, 16777619) >>> 0;
  return h % 1024;
}

await test('openWorkspace moves the whole app to that workspace; a change goes to it and nowhere else', async context => {
  const page = await openApp(context, server.url);
  const demo = await openDemo(page);
  const second = await bw(page, () => window.bridgework.createWorkspace({ board: 'Second Board', administrator: 'Bo Admin', email: 'bo@x.example' }));
  assert.equal(second.ok, true);
  const st = await bw(page, id => window.bridgework.openWorkspace(id), demo);
  assert.equal(st.workspace, demo);
  assert.equal(st.loading, false);
  assert.equal((await bw(page, () => window.bridgework.query('workspace').result)).name, 'Cedar Valley Workforce Board');
  const added = await Promise.race([addOrg(page, 'Demo Only Org'), page.waitForTimeout(10000).then(() => 'no answer')]);
  assert.equal(added.ok, true, JSON.stringify(added));
  // The second board's database holds its own settings and no demo record.
  await bw(page, id => window.bridgework.openWorkspace(id), second.id);
  assert.equal((await bw(page, () => window.bridgework.query('workspace').result)).name, 'Second Board');
  assert.ok(!(await orgNames(page)).includes('Demo Only Org'));
  await bw(page, id => window.bridgework.openWorkspace(id), demo);
  assert.ok((await orgNames(page)).includes('Demo Only Org'));
  // A workspace this browser does not keep: refused, nothing opened, no database made.
  const none = await bw(page, () => window.bridgework.openWorkspace('no-such-workspace'));
  assert.equal(none.workspace, 'no-such-workspace');
  assert.match(none.open_error, /keeps no workspace with the id "no-such-workspace"/);
  const refused = await addOrg(page, 'Nowhere Org');
  assert.equal(refused.error.code, 'no_workspace');
  const names = await bw(page, async () => (await indexedDB.databases()).map(d => d.name));
  assert.ok(!names.includes('bridgework-ws-') && !names.includes('bridgework-ws-no-such-workspace'), names.join(', '));
  // Listed, then deleted (as by another tab): its database, opened early,
  // is not made again.
  await bw(page, id => window.BWStorage.deleteWorkspace(id), second.id);
  const gone = await bw(page, id => window.bridgework.openWorkspace(id), second.id);
  assert.match(gone.open_error, /keeps no workspace with the id/);
  const after = await bw(page, async () => (await indexedDB.databases()).map(d => d.name));
  assert.ok(!after.includes('bridgework-ws-' + second.id), after.join(', '));
  assert.deepEqual(page.errors, []);
});

await test('a demo\'s Administrator opens a large generated board beside the demo; it is saved whole and opens again after a reload', async context => {
  const page = await openApp(context, server.url);
  await click(page, 'Open the demo workspace');
  await page.waitForFunction(() => window.bridgework.state().save.state === 'saved' && window.bridgework.state().signed_in);
  const demo = (await state(page)).workspace;
  assert.equal((await bw(page, () => window.bridgework.openGenerated(5000))).error.code, 'invalid_field');
  await click(page, 'Settings');
  await click(page, 'Workspace');
  await click(page, '250 clients');
  await click(page, 'Generate a large workspace');
  const started = Date.now();
  await click(page, 'Generate it');
  await page.waitForFunction(demo => window.bridgework.state().workspace !== demo && window.bridgework.state().save.state === 'saved',
                             demo, { timeout: 120000 });
  const made = (Date.now() - started) / 1000;
  const id = (await state(page)).workspace;
  assert.equal((await state(page)).signed_in, null, 'nobody is signed in (P4)');
  const listed = await bw(page, () => window.bridgework.workspaces());
  const generated = listed.find(w => w.id === id);
  assert.ok(generated && generated.name.endsWith('(generated)'), JSON.stringify(listed));
  assert.ok(listed.some(w => w.id === demo), 'the demo stays');
  const counts = () => bw(page, () => {
    const b = window.bridgework;
    b.signIn(b.query('staff').result.find(s => s.role === 'administrator').id);
    const w = b.query('workspace').result;
    b.signOut();
    return w;
  });
  const before = await counts();
  assert.equal(before.clients, 250);
  // A list longer than a piece (about 1 MB) reaches the page in pieces, and whole.
  const services = await bw(page, () => {
    const b = window.bridgework, piece = window.BW.answerPiece;
    let pieces = 0;
    window.BW.answerPiece = text => { ++pieces; piece(text); };
    b.signIn(b.query('staff').result.find(s => s.role === 'administrator').id);
    const list = b.query('services').result, clients = b.query('clients').result;
    window.BW.answerPiece = piece;
    b.signOut();
    return { pieces, rows: list.length, ids: new Set(list.map(s => s.id)).size, clients: clients.length };
  });
  assert.ok(services.pieces >= 2, JSON.stringify(services));
  assert.ok(services.rows > 2000 && services.ids === services.rows, JSON.stringify(services));
  assert.equal(services.clients, 250);
  await reopen(page);
  await page.waitForFunction(id => window.bridgework.state().workspace === id && !window.bridgework.state().loading, id);
  assert.deepEqual(await counts(), before);
  console.log(`     250 generated clients (${JSON.stringify(before)}): made and saved in ${made.toFixed(1)} s`);
});

await test('W5: after restoring a backup whose id sequence lags, new records keep their ids through a reopen', async context => {
  const page = await openApp(context, server.url);
  const backup = await demoBackup();
  backup.meta.next_sequence = 1;
  assert.equal((await restore(page, backup)).ok, true);
  const before = await bw(page, () => window.bridgework.query('workspace').result);
  const org = await addOrg(page, 'After Restore');
  assert.equal(org.ok, true);
  assert.ok(!backup.records.some(r => r.id === org.id), `the new id ${org.id} is new`);
  await reopen(page);
  const after = await bw(page, () => window.bridgework.query('workspace').result);
  assert.equal(after.organisations, before.organisations + 1);
  assert.equal(after.clients, before.clients);
  assert.equal(after.staff, before.staff);
});

await test('W4: backups with a repeated id, a broken reference or a 10 MB name are refused, naming the record; nothing changes', async context => {
  const page = await openApp(context, server.url);
  const before = await bw(page, () => window.bridgework.workspaces());
  const good = await demoBackup();
  const first = (b, kind) => b.records.find(r => r.kind === kind);
  const cases = [];
  for (const kind of ['employer', 'service', 'issue']) {
    const b = structuredClone(good);
    b.records.push({ ...first(b, kind) });
    cases.push([b, new RegExp(`The ${kind} record ${first(b, kind).id} is damaged: its id is also the id of another ${kind} record`)]);
  }
  let b = structuredClone(good);
  first(b, 'staff').organisation = 'gone-0000000001';
  cases.push([b, new RegExp(`The staff record ${first(b, 'staff').id} names the organisation gone-0000000001, which is not in this workspace`)]);
  b = structuredClone(good);
  first(b, 'service').establishment = 'gone-0000000002';
  cases.push([b, /The service record .* names the establishment gone-0000000002/]);
  b = structuredClone(good);
  first(b, 'match').job = 'gone-0000000003';
  cases.push([b, /The match record .* names the job gone-0000000003/]);
  b = structuredClone(good);
  first(b, 'employer').legal_name = 'x'.repeat(10_000_000);
  cases.push([b, /"legal_name" is 10000000 characters long, more than the 200000 a stored text may hold/]);
  b = structuredClone(good);
  delete b.version;
  cases.push([b, /has no layout version/]);
  b = structuredClone(good);
  b.meta = null;
  cases.push([b, /"meta"\) are missing/]);
  // As text (scripts) and as a file (the page's "Restore a backup file" hands over the File).
  for (const asFile of [false, true])
    for (const [backup, words] of cases) {
      const r = await bw(page, ([text, asFile]) => window.bridgework.openBackup(asFile ? new Blob([text]) : text),
                         [JSON.stringify(backup), asFile]);
      assert.equal(r.ok, false);
      assert.match(r.error.message, words);
      assert.match(r.error.message, /^This backup cannot be restored: .* Nothing was changed\.$/s);
      assert.doesNotMatch(r.error.message, /json\.exception/);
      assert.equal(await bw(page, () => window.bridgework.state().open_error), r.error.message);
    }
  assert.deepEqual(await bw(page, () => window.bridgework.workspaces()), before);
  // The page shows the last refusal and still works.
  await widget(page, 'Open the demo workspace');
  await openDemo(page);
  assert.deepEqual(page.errors, []);
});

await test('W4: a 2 MB comment and a 1.5-million-character command or query are refused with a message; the tab goes on', async context => {
  const page = await openApp(context, server.url);
  await openDemo(page);
  const client = await bw(page, () => window.bridgework.query('clients').result[0].id);
  const huge = await bw(page, id => window.bridgework.dispatch({ type: 'add_comment', record: id, text: 'a'.repeat(2_000_000) }), client);
  assert.equal(huge.error.code, 'too_long');
  assert.match(huge.error.message, /This command is 2000\d+ bytes of JSON; at most 1048576 are taken/);
  const long = await bw(page, id => window.bridgework.dispatch({ type: 'add_comment', record: id, text: 'ñ'.repeat(300_000) }), client);
  assert.equal(long.error.code, 'too_long');
  assert.equal(long.error.message, 'text is 300000 characters long; it can hold at most 20000. Shorten it, or keep the full text in a document and note where it is.');
  const query = await bw(page, () => window.bridgework.query('clients', { search: 'x'.repeat(1_500_000) }));
  assert.equal(query.error.code, 'too_long');
  // Every later call still works, and a comment at the limit is kept.
  const fits = await bw(page, id => window.bridgework.dispatch({ type: 'add_comment', record: id, text: 'ü'.repeat(20_000) }), client);
  assert.equal(fits.ok, true, JSON.stringify(fits));
  await reopen(page);
  const comments = await bw(page, id => window.bridgework.query('comments', { record: id }).result, client);
  assert.ok(comments.some(c => c.text.length === 20_000));
  assert.deepEqual(page.errors, []);
});

// BUCKET_COMMENTS=N measures a larger bucket (the suite's 400 make 8 million characters).
const bucketComments = Number(process.env.BUCKET_COMMENTS || 400);
await test(`a bucket of ${bucketComments} comments of 20,000 characters is saved, and the workspace opens again`, async context => {
  const page = await openApp(context, server.url);
  const backup = await demoBackup();
  const origin = backup.meta.id_origin;
  const target = bucketOf(backup.records[0].id);
  const client = backup.records.find(r => r.kind === 'client').id;
  const staff = backup.records.find(r => r.kind === 'staff').id;
  let seq = 500000;
  for (let n = 0; n < bucketComments; ++seq) {
    const id = `${origin}-${String(seq).padStart(10, '0')}`;
    if (bucketOf(id) !== target) continue;
    backup.records.push({ kind: 'comment', id, record: client, by: staff, at: '2026-11-20T10:00:00',
                          text: `${n} ` + 'é'.repeat(19_990), tags: [], links: [] });
    ++n;
  }
  assert.equal((await restore(page, backup)).ok, true);
  await page.waitForFunction(() => window.bridgework.state().save.state === 'saved');
  const size = await bw(page, async id => {
    const db = await new Promise(ok => { const r = indexedDB.open('bridgework-ws-' + id); r.onsuccess = () => ok(r.result); });
    const values = await new Promise(ok => { const r = db.transaction('buckets').objectStore('buckets').getAll(); r.onsuccess = () => ok(r.result); });
    db.close();
    return Math.max(...values.map(v => v.length));
  }, (await state(page)).workspace);
  assert.ok(size > bucketComments * 20_000, `largest bucket ${size} characters`);
  await reopen(page);
  const st = await state(page);
  assert.equal(st.open_error, '');
  const comments = await bw(page, id => window.bridgework.query('comments', { record: id }).result.length, client);
  assert.ok(comments >= bucketComments);
  console.log(`     largest bucket: ${(size / 1e6).toFixed(1)} million characters, reopened`);
});

// The browser's storage refuses writes, as on a full disk, while window.storageFull is set.
const fillStorage = page => bw(page, () => {
  window.storageFull = true;
  const put = IDBObjectStore.prototype.put;
  IDBObjectStore.prototype.put = function (...args) {
    if (window.storageFull && this.name === 'buckets') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    return put.apply(this, args);
  };
});

await test('a failed write (storage full) keeps every change, retries by itself, and shows why with Retry in reach at any width', async () => {
  for (const [width, height] of [[683, 768], [1366, 768], [1920, 1080]]) {
    const context = await browser.newContext({ viewport: { width, height } });
    try {
      const page = await openApp(context, server.url);
      await openDemo(page);
      await fillStorage(page);
      const first = await addOrg(page, 'Written While Full');
      assert.equal(first.ok, false);
      assert.equal(first.error.code, 'save_failed');
      assert.match(first.error.message, /^Not saved yet: the browser has no more room for this site's data/);
      const st = await state(page);
      assert.equal(st.save.state, 'failed');
      assert.match(st.save.error, /Free disk space: this tab keeps your changes and tries again/);
      assert.equal((await addOrg(page, 'Also Written While Full')).ok, false);
      const retry = await widget(page, 'Retry saving');
      assert.ok(retry.x >= 0 && retry.x + retry.w <= width && retry.y >= 0 && retry.y + retry.h <= height / 3,
                `Retry at the top and in view at ${width}: ${JSON.stringify(retry)}`);
      await page.screenshot({ path: join(artifacts, `save-failed-${width}.png`) });
      // Still failing: Retry meets the same reason, and nothing is lost.
      await click(page, 'Retry saving');
      await page.waitForTimeout(300);
      assert.equal((await state(page)).save.state, 'failed');
      // Space is freed: the tab saves by itself, and both changes are there after a reload.
      await bw(page, () => { window.storageFull = false; });
      await page.waitForFunction(() => window.bridgework.state().save.state === 'saved', null, { timeout: 40000 });
      await reopen(page);
      const names = await orgNames(page);
      assert.ok(names.includes('Written While Full') && names.includes('Also Written While Full'), names.join(', '));
    } finally {
      await context.close();
    }
  }
});

await test('W1: "Use here" under a 5 ms stream of changes hands over every acknowledged change, 10 times', async context => {
  const a = await openApp(context, server.url);
  await openDemo(a);
  const admin = (await state(a)).signed_in;
  const b = await openApp(context, server.url);
  await b.waitForFunction(() => window.bridgework.state().workspace && !window.bridgework.state().loading);
  await bw(b, id => window.bridgework.signIn(id), admin);
  let writer = a, other = b;
  const acknowledged = [];
  for (let trial = 0; trial < 10; ++trial) {
    // The writing tab changes something every 5 ms and keeps what was acknowledged.
    await bw(writer, t => {
      window.stream = { acked: [], pending: 0, stop: false };
      let i = 0;
      const next = () => {
        if (window.stream.stop) return;
        const name = `Trial ${t} change ${i++}`;
        ++window.stream.pending;
        window.bridgework.dispatch({ type: 'add_organisation', name, kind: 'youth_provider' }).then(r => {
          --window.stream.pending;
          if (r.ok) window.stream.acked.push(name);
        });
        setTimeout(next, 5);
      };
      next();
    }, trial);
    await writer.waitForTimeout(150 + 40 * trial);
    await bw(other, () => window.bridgework.useHere());
    await other.waitForFunction(() => window.bridgework.state().writer === true, null, { timeout: 15000 });
    await writer.waitForFunction(() => !window.bridgework.state().writer);
    await bw(writer, () => { window.stream.stop = true; });
    await writer.waitForFunction(() => window.stream.pending === 0, null, { timeout: 15000 });
    const old = await state(writer);
    assert.equal(old.save.state, 'saved', `trial ${trial}: the old writer is not stuck`);
    const acked = await bw(writer, () => window.stream.acked);
    assert.ok(acked.length > 0, `trial ${trial}: changes were acknowledged`);
    acknowledged.push(...acked);
    const names = new Set(await orgNames(other));
    const lost = acked.filter(n => !names.has(n));
    assert.deepEqual(lost, [], `trial ${trial}: acknowledged by the old writer, missing in the new one`);
    assert.equal((await addOrg(other, `Trial ${trial} new writer`)).ok, true);
    [writer, other] = [other, writer];
  }
  // A third tab opened afterwards reads every acknowledged change from storage.
  const c = await openApp(context, server.url);
  await c.waitForFunction(() => window.bridgework.state().workspace && !window.bridgework.state().loading);
  await bw(c, id => window.bridgework.signIn(id), admin);
  const stored = new Set(await orgNames(c));
  assert.deepEqual(acknowledged.filter(n => !stored.has(n)), []);
  console.log(`     10 hand-overs, ${acknowledged.length} acknowledged changes, 0 lost`);
});

await test('a workspace whose data is damaged: the start ends on the first page, which says which and why and offers the ways on', async context => {
  const page = await openApp(context, server.url);
  const id = await openDemo(page);
  // A staff record in storage names an organisation that is not there.
  const staffId = await bw(page, async id => {
    const db = await new Promise(ok => { const r = indexedDB.open('bridgework-ws-' + id); r.onsuccess = () => ok(r.result); });
    const tx = db.transaction('buckets', 'readwrite');
    const store = tx.objectStore('buckets');
    const [keys, values] = await Promise.all([
      new Promise(ok => { const r = store.getAllKeys(); r.onsuccess = () => ok(r.result); }),
      new Promise(ok => { const r = store.getAll(); r.onsuccess = () => ok(r.result); })]);
    let changed = '';
    for (let i = 0; i < keys.length && !changed; ++i) {
      const records = JSON.parse(values[i]);
      const staff = records.find(r => r.kind === 'staff');
      if (!staff) continue;
      staff.organisation = 'gone-0000000009';
      store.put(JSON.stringify(records), keys[i]);
      changed = staff.id;
    }
    await new Promise(ok => { tx.oncomplete = ok; });
    db.close();
    return changed;
  }, id);
  await reopen(page);
  const st = await state(page);
  assert.equal(st.loading, false);
  assert.equal(st.workspace, id);
  assert.match(st.open_error, new RegExp(`The staff record ${staffId} names the organisation gone-0000000009`));
  await widget(page, 'Download its stored data');
  await widget(page, 'Open the demo workspace');
  await widget(page, 'Restore a backup file');
  await page.screenshot({ path: join(artifacts, 'open-failed.png') });
  const download = page.waitForEvent('download');
  await click(page, 'Download its stored data');
  const file = JSON.parse(await readFile(await (await download).path(), 'utf8'));
  assert.equal(file.format, 'bridgework-stored-values');
  assert.equal(file.workspace.id, id);
  assert.ok(Object.values(file.buckets).some(v => v.includes('gone-0000000009')));
  // Another workspace opens from here (a fresh demo replaces this damaged one: it asks first).
  await click(page, 'Open the demo workspace');
  await click(page, 'Replace the demo');
  // A fresh demo over the kept one signs nobody in (P4): whoever opened it chooses who they are.
  await page.waitForFunction(id => window.bridgework.state().workspace !== id && !window.bridgework.state().open_error, id);
  await widget(page, 'Sign in to the job board');  // "Who are you?"
  assert.deepEqual(page.errors, []);
});

await test('a workspace is read a group of buckets at a time: a damaged value in the last group still stops it with a reason', async context => {
  const page = await openApp(context, server.url);
  const id = await openDemo(page);
  const counts = () => bw(page, () => window.bridgework.query('workspace').result);
  const whole = await counts();
  assert.ok(whole.clients > 0);
  // The last bucket (the demo's 1,024 are read in groups of 256) is made
  // something else, then each is opened.
  const spoil = (id, value) => bw(page, async ([id, value]) => {
    const db = await new Promise(ok => { const r = indexedDB.open('bridgework-ws-' + id); r.onsuccess = () => ok(r.result); });
    const tx = db.transaction('buckets', 'readwrite');
    const store = tx.objectStore('buckets');
    const keys = await new Promise(ok => { const r = store.getAllKeys(); r.onsuccess = () => ok(r.result); });
    const before = await new Promise(ok => { const r = store.get(keys[keys.length - 1]); r.onsuccess = () => ok(r.result); });
    store.put(value === 'a number' ? 7 : value, keys[keys.length - 1]);
    await new Promise(ok => { tx.oncomplete = ok; });
    db.close();
    return [keys.length, before];
  }, [id, value]);
  const [buckets, kept] = await spoil(id, 'a number');
  assert.ok(buckets > 512, `${buckets} buckets: more than two groups`);
  for (const [value, message] of [
    ['a number', 'It could not be opened: A stored value is not text: the data is damaged.'],
    ['[{"kind": "staff"', 'A stored group of records is damaged: it is not a JSON list.']]) {
    if (value !== 'a number') await spoil(id, value);
    await reopen(page);
    const st = await state(page);
    assert.equal(st.loading, false);
    assert.equal(st.workspace, id);
    assert.ok(st.open_error.includes(message.replace(/^It could not be opened: /, '')), st.open_error);
    await widget(page, 'Download its stored data');
  }
  // Put back, it opens whole.
  await spoil(id, kept);
  await reopen(page);
  const st = await state(page);
  assert.equal(st.open_error, '');
  assert.equal(st.loading, false);
  assert.deepEqual(await counts(), whole);
  assert.deepEqual(page.errors, []);
});

await test('when the browser deletes the storage it found damaged, the first page says so and a backup brings the work back', async () => {
  // Chromium deletes a site's IndexedDB it cannot read (a file a crash left
  // broken) and starts it empty. Here its CURRENT file is broken by hand.
  const profile = await mkdtemp(join(tmpdir(), 'bridgework-profile-'));
  const launch = () => chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, acceptDownloads: true,
    args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'] });
  let context = await launch();
  let backup;
  try {
    const page = await openApp(context, server.url);
    await openDemo(page);
    assert.equal((await addOrg(page, 'Kept Before The Damage')).ok, true);
    await click(page, 'Settings');
    await click(page, 'Workspace');
    const download = page.waitForEvent('download');
    await click(page, 'Download a backup');
    backup = await readFile(await (await download).path(), 'utf8');
  } finally {
    await context.close();
  }
  const folder = join(profile, 'Default', 'IndexedDB');
  for (const db of (await readdir(folder)).filter(d => d.endsWith('.indexeddb.leveldb')))
    await writeFile(join(folder, db, 'CURRENT'), 'damaged');
  context = await launch();
  try {
    const page = await openApp(context, server.url);
    const st = await state(page);
    assert.equal(st.workspace, null);
    assert.match(st.open_error, /^This browser found the data it kept for Bridgework damaged, and deleted it \(.+\)\. Restore your latest backup file below to carry on\.$/);
    await widget(page, st.open_error);
    await widget(page, 'Restore a backup file');
    await page.screenshot({ path: join(artifacts, 'storage-deleted-by-browser.png') });
    const restored = await restore(page, JSON.parse(backup));
    assert.equal(restored.ok, true, JSON.stringify(restored));
    assert.ok((await orgNames(page)).includes('Kept Before The Damage'));
    assert.equal((await state(page)).open_error, '');
  } finally {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  }
});

await browser.close();
server.close();
finish();
