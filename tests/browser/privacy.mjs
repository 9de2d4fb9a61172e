// Browser tests of privacy on a shared computer (M6, P4, C5, W6): the kiosk
// nobody escapes, throttled PINs, what each role may take, the demo reset.
// Usage: [ONLY=<part of a test name>] node privacy.mjs <built site folder>.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { start, serve, openApp, widget, click, type, labels } from './harness.mjs';

const { site, server, browser, test, finish, bw } = await start();
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const saved = page => page.waitForFunction(() => window.bridgework.state().save.state === 'saved');

// The first demo in a browser signs in its Administrator.
async function openDemo(page) {
  await click(page, 'Open the demo workspace');
  await page.waitForFunction(() => window.bridgework.state().save.state === 'saved' && window.bridgework.state().signed_in);
  return bw(page, () => window.bridgework.state().signed_in);
}

// Every stored value of the open workspace, as the browser keeps it.
function rawValues(page) {
  return bw(page, async () => {
    const id = window.bridgework.state().workspace;
    const db = await new Promise((ok, no) => { const r = indexedDB.open('bridgework-ws-' + id); r.onsuccess = () => ok(r.result); r.onerror = () => no(r.error); });
    const all = store => new Promise(ok => { const r = db.transaction(store).objectStore(store).getAll(); r.onsuccess = () => ok(r.result); });
    const values = [...await all('meta'), ...await all('buckets')];
    db.close();
    return values;
  });
}

await test('a job seeker at the kiosk reaches no staff screen: window.bridgework refuses every way out (M6)', async context => {
  const page = await openApp(context, server.url);
  const admin = await openDemo(page);
  assert.equal((await bw(page, () => window.bridgework.dispatch({ type: 'set_kiosk_mode', on: true }))).error.code, 'not_allowed',
               'kiosk mode needs an Administrator with a PIN first');
  assert.ok((await bw(page, id => window.bridgework.dispatch({ type: 'set_staff_pin', staff: id, pin: '97531' }), admin)).ok);
  await click(page, 'Settings');
  await click(page, 'Workspace');
  await click(page, 'Turn kiosk mode on');
  await click(page, 'Turn kiosk mode on');  // the confirmation's own button
  await page.waitForFunction(() => !window.bridgework.state().signed_in);
  await saved(page);
  const shown = await labels(page);
  assert.ok(shown.includes('Sign in to the job board') && shown.includes('Leave kiosk mode (Administrators)'), shown.join(' | '));
  assert.ok(!shown.includes('Choose another workspace') && !shown.includes('Dana Whitfield'), 'no staff list, no way to another workspace');

  await type(page, 'Email or client number', 'elena.coleman@mail.example');
  await type(page, 'Job board PIN', '2468');
  await click(page, 'Sign in to the job board');
  await page.waitForFunction(() => window.bridgework.state().signed_in);
  const tries = await bw(page, async id => {
    const b = window.bridgework;
    return {
      staff: b.signIn(id), staffPin: b.signIn(id, '97531'),
      demo: await b.openDemo(), created: await b.createWorkspace({ board: 'Mine', administrator: 'Me' }),
      restored: await b.openBackup('{}'),
      backup: await b.dispatch({ type: 'record_backup' }),
    };
  }, admin);
  assert.equal(tries.staff.error.code, 'not_allowed', JSON.stringify(tries.staff));
  assert.equal(tries.staffPin.error.code, 'not_allowed');
  assert.equal(tries.demo.error.code, 'kiosk');
  assert.equal(tries.created.error.code, 'kiosk');
  assert.equal(tries.restored.error.code, 'kiosk');
  assert.equal(tries.backup.ok, false);
  const afterSignOut = await bw(page, async id => {
    const b = window.bridgework;
    b.signOut();
    const r = { staff: b.signIn(id), staffPin: b.signIn(id, '97531') };
    // The tab's storage names whoever signed in: forging it signs nobody in.
    sessionStorage.setItem('bridgework.signed_in.' + b.state().workspace, id);
    return r;
  }, admin);
  assert.equal(afterSignOut.staff.error.code, 'kiosk');
  assert.equal(afterSignOut.staffPin.error.code, 'kiosk', 'even with the right PIN');
  await page.reload();
  await page.waitForFunction(() => window.bridgework && window.bridgework.ready);
  await bw(page, () => window.bridgework.ready);
  assert.equal(await bw(page, () => window.bridgework.state().signed_in), null);
  await widget(page, 'Leave kiosk mode (Administrators)');

  // An Administrator leaves it through the page: a wrong PIN first.
  await click(page, 'Leave kiosk mode (Administrators)');
  await type(page, "Administrator's PIN", '11111');
  await click(page, 'Leave kiosk mode');
  await widget(page, 'That PIN is not right for Dana Whitfield.');
  await type(page, "Administrator's PIN", '97531');
  await click(page, 'Leave kiosk mode');
  await page.waitForFunction(id => window.bridgework.state().signed_in === id, admin);
  const audit = await bw(page, () => window.bridgework.query('audit', { record: window.bridgework.state().signed_in }).result);
  assert.ok(audit.some(e => e.summary === 'Dana Whitfield left kiosk mode'), JSON.stringify(audit.slice(-3)));
  assert.ok(audit.some(e => e.summary.startsWith('A wrong PIN for Dana Whitfield')));
});

await test('PIN guessing is throttled, survives a reload, and the PIN is PBKDF2 as WebCrypto computes it (P4)', async context => {
  const page = await openApp(context, server.url);
  const admin = await openDemo(page);
  await bw(page, id => window.bridgework.dispatch({ type: 'set_staff_pin', staff: id, pin: '4821' }), admin);
  const run = await bw(page, id => {
    const b = window.bridgework;
    b.signOut();
    const codes = [];
    // The app's clock counts whole seconds: start at the top of one, so the
    // 1 s wait after the third guess is not cut short by the next second.
    while (Date.now() % 1000 > 20) { /* a moment */ }
    const t0 = performance.now();
    for (let i = 0; i < 20; ++i) codes.push(b.signIn(id, String(1000 + i)).error.code);
    return { codes, ms: performance.now() - t0 };
  }, admin);
  assert.deepEqual(run.codes.slice(0, 3), ['wrong_pin', 'wrong_pin', 'wrong_pin']);
  assert.ok(run.codes.slice(3).every(c => c === 'throttled'), run.codes.join(' '));
  console.log(`     20 guesses in ${run.ms.toFixed(0)} ms: 3 checked, 17 refused until the wait is over`);
  await saved(page);
  await page.reload();
  await bw(page, () => window.bridgework.ready);
  const again = await bw(page, id => window.bridgework.signIn(id, '4821'), admin);
  assert.ok(['throttled', undefined].includes(again.error && again.error.code), JSON.stringify(again));
  // After the wait, the right PIN: how long one check takes here.
  await page.waitForTimeout(1100);
  const timed = await bw(page, id => { const t0 = performance.now(); const r = window.bridgework.signIn(id, '4821'); return { r, ms: performance.now() - t0 }; }, admin);
  assert.equal(timed.r.ok, true, JSON.stringify(timed.r));
  console.log(`     one PIN check (PBKDF2-SHA256, 100,000 iterations, in wasm): ${timed.ms.toFixed(0)} ms`);

  // The stored form: PBKDF2-HMAC-SHA256, checked against the browser's own.
  const values = await rawValues(page);
  const stored = values.flatMap(v => { try { return JSON.parse(v); } catch { return []; } })
    .find(r => r && r.kind === 'staff' && r.id === admin).pin_hash;
  const [scheme, iterations, salt, hash] = stored.split('$');
  assert.equal(scheme, 'pbkdf2-sha256');
  const webcrypto = await bw(page, async ([pin, salt, iterations]) => {
    const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, ['deriveBits']);
    const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: new TextEncoder().encode(salt), iterations }, key, 256);
    return [...new Uint8Array(bits)].map(b => b.toString(16).padStart(2, '0')).join('');
  }, ['4821', salt, Number(iterations)]);
  assert.equal(webcrypto, hash);
});

await test('C5: a training provider has no backup and no workspace settings; only an Administrator resets the demo, and it signs nobody in', async context => {
  const page = await openApp(context, server.url);
  const admin = await openDemo(page);
  const staff = await bw(page, () => window.bridgework.query('staff', {}).result);
  const grace = staff.find(s => s.role === 'training_provider_staff');
  const manager = staff.find(s => s.role === 'manager');
  await bw(page, id => { window.bridgework.signOut(); window.bridgework.signIn(id); }, grace.id);
  await click(page, 'Settings');
  await widget(page, 'Text size');
  let shown = await labels(page);
  assert.ok(shown.includes('Text size'), shown.join(' | '));
  for (const hidden of ['Workspace', 'Staff', 'Organisations', 'Download a backup', 'Reset the demo', '+1 day'])
    assert.ok(!shown.includes(hidden), `${hidden} is not shown to training-provider staff`);
  assert.equal((await bw(page, () => window.bridgework.dispatch({ type: 'record_backup' }))).error.code, 'not_allowed');
  assert.equal((await bw(page, () => window.bridgework.clock.set('2030-01-01T09:00'))).error.code, 'not_allowed');

  await bw(page, id => { window.bridgework.signOut(); window.bridgework.signIn(id); }, manager.id);
  await click(page, 'Settings');
  await click(page, 'Workspace');
  await widget(page, 'Choose another workspace');
  shown = await labels(page);
  for (const hidden of ['Download a backup', 'Reset the demo', '+1 day', 'Turn kiosk mode on'])
    assert.ok(!shown.includes(hidden), `${hidden} is not shown to a Manager`);

  await bw(page, id => { window.bridgework.signOut(); window.bridgework.signIn(id); }, admin);
  await click(page, 'Settings');
  await click(page, 'Workspace');
  const download = page.waitForEvent('download');
  await click(page, 'Download a backup');
  const file = await download;
  assert.match(file.suggestedFilename(), /^bridgework-backup-.*\.json$/);
  await saved(page);
  const trail = await bw(page, () => window.bridgework.query('audit', { record: '' }).result);
  assert.ok(trail.some(e => e.command === 'record_backup' && e.by === admin), JSON.stringify(trail.slice(-2)));
  await widget(page, 'Reset the demo');
  await click(page, 'Reset the demo');
  await widget(page, 'Start a fresh demo');  // it asks first
  await click(page, 'Cancel');
  // The button's path (host::open_demo): a fresh demo over this one signs nobody in.
  const before = await bw(page, () => window.bridgework.state().workspace);
  const reset = await bw(page, () => window.bridgework.openDemo());
  assert.equal(reset.ok, true);
  assert.notEqual(reset.id, before);
  assert.equal(await bw(page, () => window.bridgework.state().signed_in), null, 'a reset signs nobody in');
  await page.waitForFunction(() => window.bridgework.ui.rect('Sign in to the job board'), null, { timeout: 10000 });
});


// The app on a page whose clock the test moves (Playwright's clock: timers and performance.now()).
async function openWithClock(context) {
  const page = await context.newPage();
  await page.clock.install();
  await page.goto(server.url);
  await page.waitForFunction(() => window.bridgework && window.bridgework.ready, null, { timeout: 60000 });
  await bw(page, () => window.bridgework.ready);
  return page;
}

// What an attacker who copies the browser profile must not read (W6).
async function secretsOf(page) {
  return bw(page, () => {
    const b = window.bridgework;
    const out = [];
    for (const c of b.query('clients', {}).result) {
      out.push(`${c.first_name} ${c.last_name}`);
      if (c.email) out.push(c.email);
      for (const n of b.query('case_notes', { client: c.id }).result || []) if (n.text.length > 25) out.push(n.text);
    }
    return out;
  });
}
const leaks = (values, secrets) => secrets.filter(x => values.some(v => JSON.stringify(v).includes(JSON.stringify(x).slice(1, -1))));

await test('W6: a workspace locked with a passphrase keeps no name, email or note readable in IndexedDB or its backup; a wrong passphrase changes nothing', async context => {
  const page = await openApp(context, server.url);
  await openDemo(page);
  const secrets = await secretsOf(page);
  assert.ok(secrets.length > 80, `${secrets.length} names, emails and notes`);
  assert.ok(leaks(await rawValues(page), secrets).length > 50, 'unlocked, the values are plain JSON');

  const passphrase = 'cedar valley lantern 42';
  assert.equal((await bw(page, () => window.bridgework.lock('short'))).lock.message,
               'A passphrase has at least 12 characters: a few words are easy to remember.');
  const locked = await bw(page, p => window.bridgework.lock(p), passphrase);
  assert.equal(locked.lock.sealed, true, JSON.stringify(locked.lock));
  let raw = await rawValues(page);
  assert.deepEqual(leaks(raw, secrets), []);
  const plain = raw.filter(v => typeof v === 'string' && !v.startsWith('bw-sealed:1:'));
  assert.deepEqual(plain, [], 'every stored value is sealed');
  console.log(`     raw bytes: ${raw.length} stored values, ${secrets.length} names, emails and notes looked for, 0 found`);

  // Changes go on being saved, sealed.
  const enrolled = await bw(page, () => {
    const b = window.bridgework;
    const like = b.query('clients', {}).result.find(c => c.active && c.programs.includes('wioa_adult') && !c.youth &&
                                                     b.query('staff', {}).result.find(s => s.id === c.primary_contact).active);
    return b.dispatch({ type: 'enrol_client', first_name: 'Quintessa', last_name: 'Marlowe', date_of_birth: '1991-03-04',
                        email: 'quintessa@mail.example', programs: ['wioa_adult'], provider: like.provider, primary_contact: like.primary_contact });
  });
  assert.equal(enrolled.ok, true, JSON.stringify(enrolled));
  assert.deepEqual(leaks(await rawValues(page), ['Quintessa', 'quintessa@mail.example']), []);

  // Its backup is sealed the same way.
  await click(page, 'Settings');
  await click(page, 'Workspace');
  const download = page.waitForEvent('download');
  await click(page, 'Download an encrypted backup');
  const backup = await readFile(await (await download).path(), 'utf8');
  assert.ok(backup.startsWith('{"format":"bridgework-locked-backup"'));
  assert.deepEqual(leaks([backup], [...secrets, 'Quintessa']), []);

  // Locked: nothing is readable in the page, and a wrong passphrase changes nothing.
  const st = await bw(page, () => window.bridgework.lockNow());
  assert.equal(st.lock.waiting, true);
  assert.equal(st.signed_in, null);
  assert.equal((await bw(page, () => window.bridgework.query('clients', {}))).ok, false);
  await page.reload();
  await bw(page, () => window.bridgework.ready);
  await widget(page, 'Unlock');
  raw = await rawValues(page);
  const wrong = await bw(page, () => window.bridgework.unlock('cedar valley lantern 43'));
  assert.equal(wrong.lock.message, 'That passphrase is not right. Nothing was changed: try again.');
  assert.deepEqual(await rawValues(page), raw);
  await widget(page, 'That passphrase is not right. Nothing was changed: try again.');

  // Unlocked through the page.
  await type(page, 'Passphrase', passphrase);
  await click(page, 'Unlock');
  await page.waitForFunction(() => !window.bridgework.state().lock.waiting && !window.bridgework.state().lock.busy);
  const ms = await bw(page, () => window.bridgework.unlockTime());
  console.log(`     unlock (PBKDF2-SHA256 600,000 iterations, then ${raw.length} values decrypted and read): ${ms.toFixed(0)} ms`);
  assert.ok(ms < 1000, `${ms} ms`);
  await widget(page, 'Dana Whitfield');  // "Who are you?": the lock signed everyone out

  // The backup restores with its passphrase only, and stays locked.
  assert.equal((await bw(page, t => window.bridgework.openBackup(t), backup)).error.code, 'passphrase_needed');
  assert.equal((await bw(page, t => window.bridgework.openBackup(t, 'not the passphrase'), backup)).error.code, 'wrong_passphrase');
  const restored = await bw(page, ([t, p]) => window.bridgework.openBackup(t, p), [backup, passphrase]);
  assert.equal(restored.ok, true, JSON.stringify(restored));
  assert.equal((await bw(page, () => window.bridgework.state())).lock.sealed, true);
  assert.deepEqual(leaks(await rawValues(page), [...secrets, 'Quintessa']), []);
});

await test('W6: a locked board\'s backup is sealed and opened in pieces, as bytes, and a damaged one is refused with a reason', async context => {
  // Bytes throughout: a large board's backup is more than a JavaScript string holds (512 MB). This one
  // is smaller, but its base64 spans several of the pieces it is written and read in (4 MB each).
  const page = await openApp(context, server.url);
  await openDemo(page);
  const generated = await bw(page, () => window.bridgework.openGenerated(200));
  assert.equal(generated.ok, true, JSON.stringify(generated));
  const admin = await bw(page, () => window.bridgework.query('staff', {}).result.find(s => s.role === 'administrator' && s.active).id);
  assert.equal((await bw(page, id => window.bridgework.signIn(id), admin)).ok, true);
  const clients = await bw(page, () => window.bridgework.query('clients', {}).result.map(c => `${c.first_name} ${c.last_name}`).sort());
  const passphrase = 'harbour lights at seven';
  assert.equal((await bw(page, p => window.bridgework.lock(p), passphrase)).lock.sealed, true);
  await click(page, 'Settings');
  await click(page, 'Workspace');
  const download = page.waitForEvent('download');
  await click(page, 'Download an encrypted backup');
  const backup = await readFile(await (await download).path(), 'utf8');
  assert.ok(backup.length > 2 * 4 * 1048576, `${backup.length} characters: more than two pieces`);
  const file = JSON.parse(backup);
  assert.deepEqual(Object.keys(file), ['format', 'version', 'lock', 'value']);
  assert.equal(file.format, 'bridgework-locked-backup');
  assert.match(file.value, /^bw-sealed:1:[A-Za-z0-9+/=]+:[A-Za-z0-9+/]+=*$/);
  assert.deepEqual(leaks([backup], clients.slice(0, 40)), []);

  const workspaces = () => bw(page, () => window.bridgework.workspaces().then(w => w.length));
  const before = await workspaces();
  const open = (text, pass, asBlob) => bw(page, ([t, p, b]) => window.bridgework.openBackup(b ? new Blob([t]) : t, p), [text, pass, asBlob]);
  // Damaged: cut short, one character of the sealed value changed, its lock gone; each refused, nothing changed.
  const middle = backup.length >> 1, other = backup[middle] === 'A' ? 'B' : 'A';
  for (const [damaged, why] of [
    [backup.slice(0, -5000), 'This backup cannot be restored: it is incomplete (it does not end as an encrypted backup does). Nothing was changed.'],
    [backup.slice(0, middle) + other + backup.slice(middle + 1), 'This backup cannot be restored: its encrypted contents do not decrypt: the file was changed or is incomplete. Nothing was changed.'],
    [backup.replace(/"lock":\{[^}]*\}/, '"lock":7'), 'This backup cannot be restored: its lock cannot be read. Nothing was changed.'],
  ]) {
    for (const asBlob of [false, true]) {
      const r = await open(damaged, passphrase, asBlob);
      assert.deepEqual(r, { ok: false, error: { code: 'corrupt', message: why } });
      assert.equal((await bw(page, () => window.bridgework.state())).open_error, why);
    }
  }
  assert.equal((await open(backup, 'not the passphrase', true)).error.code, 'wrong_passphrase');
  assert.equal(await workspaces(), before);

  // Whole, as a file: restored with every client, and locked with the same passphrase.
  const restored = await open(backup, passphrase, true);
  assert.equal(restored.ok, true, JSON.stringify(restored));
  assert.equal(await workspaces(), before + 1);
  assert.equal((await bw(page, () => window.bridgework.state())).lock.sealed, true);
  assert.equal((await bw(page, id => window.bridgework.signIn(id), admin)).ok, true);
  assert.deepEqual(await bw(page, () => window.bridgework.query('clients', {}).result.map(c => `${c.first_name} ${c.last_name}`).sort()), clients);
  assert.deepEqual(leaks(await rawValues(page), clients.slice(0, 40)), []);
});

await test('W6: a locked workspace locks itself after the minutes without use the Administrator set', async context => {
  const page = await openWithClock(context);
  await openDemo(page);
  assert.equal((await bw(page, () => window.bridgework.lock('a long enough passphrase'))).lock.sealed, true);
  assert.equal((await bw(page, () => window.bridgework.dispatch({ type: 'set_lock_after', minutes: 2 }))).ok, true);
  await page.clock.fastForward('01:30');
  await page.waitForTimeout(6000);
  assert.equal((await bw(page, () => window.bridgework.state())).lock.waiting, false, 'not yet');
  await page.clock.fastForward('01:00');
  await page.waitForFunction(() => window.bridgework.state().lock.waiting, null, { timeout: 15000 });
  assert.equal((await bw(page, () => window.bridgework.state())).signed_in, null);
});

await test('M6: a job seeker who walks away from the kiosk is signed out after 5 minutes without input', async context => {
  const page = await openWithClock(context);
  const admin = await openDemo(page);
  await bw(page, async id => {
    const b = window.bridgework;
    await b.dispatch({ type: 'set_staff_pin', staff: id, pin: '97531' });
    await b.dispatch({ type: 'set_kiosk_mode', on: true });
    b.signOut();
    return b.signIn('elena.coleman@mail.example', '2468');
  }, admin);
  assert.ok(await bw(page, () => window.bridgework.state().signed_in));
  await page.clock.fastForward('04:00');
  await page.waitForTimeout(6000);
  assert.ok(await bw(page, () => window.bridgework.state().signed_in), 'not yet after 4 minutes');
  await page.clock.fastForward('01:30');
  await page.waitForFunction(() => !window.bridgework.state().signed_in, null, { timeout: 15000 });
  await widget(page, 'Sign in to the job board');
});

await test('W6: a workspace locked from its creation leaves no name on disk in the browser profile; one without a lock does', async () => {
  const profile = await mkdtemp(join(tmpdir(), 'bridgework-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true,
    args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'] });
  try {
    const page = await openApp(context, server.url);
    const enrol = (board, passphrase, first, last) => bw(page, async ([board, passphrase, first, last]) => {
      const b = window.bridgework;
      const made = await b.createWorkspace({ board, administrator: 'Rae Admin', passphrase });
      if (!made.ok) return made;
      const provider = (await b.dispatch({ type: 'add_organisation', name: 'Lantern Center', kind: 'one_stop_provider' })).id;
      const ers = (await b.dispatch({ type: 'add_staff', name: 'Eli Ers', organisation: provider, role: 'ers' })).id;
      return b.dispatch({ type: 'enrol_client', first_name: first, last_name: last, date_of_birth: '1991-03-04',
                          email: `${first.toLowerCase()}@mail.example`, programs: ['wioa_adult'], provider, primary_contact: ers });
    }, [board, passphrase, first, last]);
    assert.equal((await enrol('Lantern Board', 'lantern board passphrase', 'Quintessa', 'Marlowe')).ok, true);
    assert.equal((await bw(page, () => window.bridgework.state())).lock.sealed, true);
    assert.equal((await enrol('Control Board', '', 'Zebulon', 'Quarrington')).ok, true);
  } finally {
    await context.close();
  }
  const holding = word => execFileSync('grep', ['-rla', word, profile], { encoding: 'utf8' }).split('\n').filter(Boolean).length;
  const found = word => { try { return holding(word); } catch { return 0; } };  // grep exits 1 when nothing matches
  assert.ok(found('Quarrington') > 0, 'the unlocked control workspace is readable on disk, so the search works');
  assert.deepEqual(['Quintessa', 'Marlowe', 'quintessa@mail.example'].map(found), [0, 0, 0]);
  console.log('     browser profile on disk: the locked workspace\'s client found in 0 files; the unlocked control\'s in ' + found('Quarrington'));
  await rm(profile, { recursive: true, force: true });
});

await test('W6: a workspace locked after use keeps older copies on disk; the steps Settings gives (encrypted backup, clear the site data, open the backup) leave no name', async () => {
  const profile = await mkdtemp(join(tmpdir(), 'bridgework-profile-'));
  const found = word => { try { return execFileSync('grep', ['-rla', word, profile], { encoding: 'utf8' }).split('\n').filter(Boolean).length; } catch { return 0; } };
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, acceptDownloads: true,
    args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'] });
  const passphrase = 'harbor light passphrase';
  try {
    const page = await openApp(context, server.url);
    assert.equal((await bw(page, async () => {
      const b = window.bridgework;
      await b.createWorkspace({ board: 'Harbor Board', administrator: 'Rae Admin' });
      const provider = (await b.dispatch({ type: 'add_organisation', name: 'Harbor Center', kind: 'one_stop_provider' })).id;
      const ers = (await b.dispatch({ type: 'add_staff', name: 'Eli Ers', organisation: provider, role: 'ers' })).id;
      return b.dispatch({ type: 'enrol_client', first_name: 'Ottoline', last_name: 'Vandersloot', date_of_birth: '1991-03-04',
                          email: 'ottoline@mail.example', programs: ['wioa_adult'], provider, primary_contact: ers });
    })).ok, true);
    assert.equal((await bw(page, p => window.bridgework.lock(p), passphrase)).lock.sealed, true);
    assert.ok(found('Vandersloot') > 0, 'what was saved before the lock is still in the browser\'s files');
    await click(page, 'Settings');
    await click(page, 'Workspace');
    const download = page.waitForEvent('download');
    await click(page, 'Download an encrypted backup');
    const backup = await readFile(await (await download).path(), 'utf8');
    await widget(page, 'Records saved before the lock can stay readable in this browser\'s own files until the browser tidies them. ' +
                       'To leave none on this computer: download the encrypted backup, clear this site\'s data in the browser\'s settings, then open the backup here with the passphrase.');

    // What "clear this site's data" in the browser's settings does.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Storage.clearDataForOrigin', { origin: new URL(server.url).origin, storageTypes: 'indexeddb' });
    await page.reload();
    await bw(page, () => window.bridgework.ready);
    const restored = await bw(page, ([t, p]) => window.bridgework.openBackup(t, p), [backup, passphrase]);
    assert.equal(restored.ok, true, JSON.stringify(restored));
    assert.equal((await bw(page, () => window.bridgework.state())).lock.sealed, true);
    assert.equal((await bw(page, () => window.bridgework.workspaces())).length, 1);
  } finally {
    await context.close();
  }
  assert.deepEqual(['Ottoline', 'Vandersloot', 'ottoline@mail.example'].map(found), [0, 0, 0]);
  console.log('     locked after use, then backed up, site data cleared and the backup opened: the client found in 0 files');
  await rm(profile, { recursive: true, force: true });
});

await test('W7: after the first visit the app opens and works with the server stopped; a rebuild is offered, and taken once all is saved', async context => {
  // A copy of the site this test can rebuild, on a server it can stop.
  const copy = await mkdtemp(join(tmpdir(), 'bridgework-site-'));
  await cp(site, copy, { recursive: true });
  let own = await serve(copy);
  const port = own.port;
  try {
    const page = await openApp(context, own.url);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30000 });
    const first = await bw(page, () => window.bridgework.version());
    assert.match(first, /^[0-9a-f]{16}$/);
    await openDemo(page);
    await own.close();

    await page.reload();
    await bw(page, () => window.bridgework.ready);
    assert.equal(await bw(page, () => fetch('/no-such-file').then(r => r.status, () => 'offline')), 'offline', 'the server is stopped');
    const st = await bw(page, () => window.bridgework.state());
    assert.ok(st.workspace && !st.open_error && st.signed_in, JSON.stringify(st));
    const enrolled = await bw(page, async () => {
      const b = window.bridgework;
      const active = new Set(b.query('staff', {}).result.filter(s => s.active).map(s => s.id));
      const like = b.query('clients', {}).result.find(c => c.active && c.programs.includes('wioa_adult') && !c.youth &&
                                                          active.has(c.primary_contact));
      return b.dispatch({ type: 'enrol_client', first_name: 'Offline', last_name: 'Person', date_of_birth: '1990-01-02',
                          programs: ['wioa_adult'], provider: like.provider, primary_contact: like.primary_contact });
    });
    assert.equal(enrolled.ok, true, JSON.stringify(enrolled));

    await page.reload();  // still offline: the change made offline was saved
    await bw(page, () => window.bridgework.ready);
    assert.equal((await bw(page, () => window.bridgework.query('clients', { search: 'Offline' }).result)).length, 1);
    assert.equal(await bw(page, () => window.bridgework.version()), first);

    // A rebuild: one file changes, so the build's version does. It is offered, not forced.
    await writeFile(join(copy, 'page.js'), (await readFile(join(copy, 'page.js'), 'utf8')) + '\n// rebuilt\n');
    execFileSync('cmake', [`-DSITE_DIR=${copy}`, `-DTEMPLATE=${join(root, 'web', 'sw.js')}`, '-P', join(root, 'cmake', 'service_worker.cmake')]);
    own = await serve(copy, port);
    await page.reload();
    await bw(page, () => window.bridgework.ready);
    await page.waitForFunction(() => window.bridgework.state().update_ready, null, { timeout: 60000, polling: 250 });
    assert.equal(await bw(page, () => window.bridgework.version()), first, 'the running build until the person chooses');
    await click(page, 'Reload into the new version');
    await page.waitForFunction(async v => window.bridgework && (await window.bridgework.version()) !== null &&
                                          (await window.bridgework.version()) !== v, first, { timeout: 30000, polling: 500 });
    await bw(page, () => window.bridgework.ready);
    assert.equal((await bw(page, () => window.bridgework.query('clients', { search: 'Offline' }).result)).length, 1,
                 'nothing lost in the update');
  } finally {
    await own.close();
    await rm(copy, { recursive: true, force: true });
  }
});

await test('W3: when the browser will not promise to keep the data, the person is told before typing, and Settings says so', async context => {
  await context.addInitScript(() => {
    navigator.storage.persist = () => Promise.resolve(false);
    navigator.storage.persisted = () => Promise.resolve(false);
  });
  const page = await openApp(context, server.url);
  await page.waitForFunction(() => window.bridgework.state().persisted === false);
  const warning = 'This browser has not agreed to keep this site\'s data: it may clear it when the disk runs low, and ' +
                  'Safari clears sites not visited for 7 days. Download backups regularly (Settings > Workspace).';
  await widget(page, warning);  // on the first page, before a workspace is made
  await widget(page, 'Create workspace');
  await bw(page, () => window.bridgework.createWorkspace({ board: 'River Board', administrator: 'Rae Admin' }));
  await widget(page, warning);
  await click(page, 'Settings');
  await click(page, 'Storage');
  await page.waitForTimeout(300);
  await click(page, 'I understand');  // the banner goes; Settings > Storage still says it
  await page.waitForFunction(() => !window.bridgework.ui.rect('I understand'));
  await widget(page, warning);

  // Nearly full storage is said with its figures.
  await context.addInitScript(() => {
    navigator.storage.estimate = () => Promise.resolve({ usage: 950e6, quota: 1000e6 });
  });
  await page.reload();
  await bw(page, () => window.bridgework.ready);
  await widget(page, 'This site\'s storage is nearly full (950 MB of 1000 MB): the browser may refuse changes or clear the data. Free disk space, and download a backup.');
});

await browser.close();
server.close();
finish();
