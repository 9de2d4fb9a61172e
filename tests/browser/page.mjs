// The page around the app: window sizes, screens and devicePixelRatio, as a
// person snaps, stretches and zooms the window.
// Usage: [ONLY=<part of a test name>] node page.mjs <built site folder>.
import { join } from 'node:path';
import { readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import assert from 'node:assert/strict';
import { start, openApp, widget, click, press, pixel, chooseAdultProgram, labels } from './harness.mjs';

const { site, artifacts, server, browser, test, finish, bw } = await start();

// The sidebar (dark) is drawn at the left and the screen (light) fills the
// window to its right edge: the picture is where the app says it is.
async function drawnInPlace(page, width, dpr, name) {
  const png = await page.screenshot({ path: join(artifacts, `${name}.png`) });
  const dark = c => c[0] + c[1] + c[2] < 250, light = c => c[0] + c[1] + c[2] > 600;
  const sidebar = pixel(png, Math.round(12 * dpr), Math.round(250 * dpr));
  const right = pixel(png, Math.round((width - 5) * dpr), Math.round(250 * dpr));
  assert.ok(dark(sidebar), `${name}: the sidebar at the left (got ${sidebar})`);
  assert.ok(light(right), `${name}: the screen reaches the right edge (got ${right})`);
}

async function signedInDemo(page) {
  await click(page, 'Open the demo workspace');
  await page.waitForFunction(() => window.bridgework.state().save.state === 'saved' && window.bridgework.state().signed_in);
}

for (const dpr of [1, 2]) {
  await test(`resizing 1366x768 -> 683x768 -> 1366x768 -> 1920x1080 at devicePixelRatio ${dpr}: sharp, in place, clicks land`, async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, screen: { width: 1920, height: 1080 },
                                               deviceScaleFactor: dpr });
    try {
      const page = await openApp(context, server.url);
      await signedInDemo(page);
      let step = 0;
      for (const [width, height] of [[1366, 768], [683, 768], [1366, 768], [1920, 1080]]) {
        await page.setViewportSize({ width, height });
        await page.waitForFunction(([w, h, d]) => {
          const c = document.getElementById('canvas');
          return c.width === Math.round(w * d) && c.height === Math.round(h * d);
        }, [width, height, dpr], { timeout: 5000 });
        await page.waitForTimeout(150);
        const name = `resize-${dpr}x-${++step}-${width}x${height}`;
        await drawnInPlace(page, width, dpr, name);
        // The status bar shows the whole clock; half a screen wide, the organisation gives way.
        const clock = await widget(page, 'Clock');
        assert.ok(clock.x + clock.w <= width, `${name}: the clock ends at ${clock.x + clock.w}, inside ${width}`);
        const who = (await labels(page)).find(l => l.startsWith('Signed in: '));
        assert.equal(who, width < 1000 ? 'Signed in: Dana Whitfield (Administrator)'
                                       : 'Signed in: Dana Whitfield (Administrator, Cedar Valley Workforce Board)');
        // A click on the sidebar opens that screen, and the way back works too.
        await click(page, 'Clients');
        await widget(page, 'search');  // the Clients search box
        await click(page, 'My Work');
        await page.waitForFunction(() => !window.bridgework.ui.rect('search'));
      }
      assert.deepEqual(page.errors, []);
    } finally {
      await context.close();
    }
  });
}

await test('a call before the app has started says to wait for ready, and ready then opens the way', async context => {
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', e => page.errors.push(String(e)));
  // The WebAssembly is held back until the early call is made: on a loaded
  // machine the app could otherwise start before any event the test waits for.
  let release;
  const held = new Promise(r => { release = r; });
  await page.route('**/bridgework.wasm', async route => { await held; await route.continue(); });
  await page.goto(server.url, { waitUntil: 'domcontentloaded' });
  await page.waitForFunction(() => window.bridgework && window.Module);
  const early = await page.evaluate(() => { try { window.bridgework.state(); return 'answered'; } catch (e) { return e.message; } });
  assert.equal(early, 'Bridgework is still starting: wait for window.bridgework.ready first.');
  release();
  const state = await page.evaluate(async () => { await window.bridgework.ready; return window.bridgework.state(); });
  assert.equal(state.loading, false);
  assert.deepEqual(page.errors, []);
});

// Progress messages as shown ("...: 40% read..."): at least three steps, each
// further than the last and short of 100%.
function risingPercents(labels) {
  const percents = labels.map(l => /: (\d+)% read\.\.\.$/.exec(l)).filter(Boolean).map(m => Number(m[1]));
  assert.ok(percents.length >= 3, `several steps were shown (saw ${JSON.stringify(labels)})`);
  assert.ok(percents.every((p, i) => p < 100 && (i === 0 || p > percents[i - 1])), `rising percentages (saw ${JSON.stringify(labels)})`);
}

await test('a workspace being opened says how far it has read, and opens', async context => {
  const page = await openApp(context, server.url);
  assert.equal(await bw(page, () => window.bridgework.ui.lastLoad()), null, 'no workspace was read yet');
  await bw(page, () => window.bridgework.openDemo());
  await page.waitForFunction(() => window.bridgework.state().save.state === 'saved');
  // A large board's groups of records arrive over seconds: here the demo's
  // arrive 32 at a time, 50 ms apart, each in a task of its own as
  // IndexedDB hands them over. What the page shows meanwhile is collected.
  await page.addInitScript(() => {
    let real;
    Object.defineProperty(window, 'BWStorage', { configurable: true, get: () => real, set: storage => {
      const read = storage.readInGroups;
      storage.readInGroups = async (id, begin, group) => {
        const held = [];
        const found = await read(id, begin, values => (held.push(...values), true));
        window.heldGroups = Math.ceil(held.length / 32);
        await new Promise(r => setTimeout(r, 1600));  // past the start-up's own frames
        const frames = window.bridgework.ui.frames();
        for (let i = 0; i < held.length && found.read; i += 32) {
          await new Promise(r => setTimeout(r, 50));
          found.read = group(held.slice(i, i + 32)) !== false;
        }
        window.framesWhileRead = window.bridgework.ui.frames() - frames;
        return found;
      };
      real = storage;
    } });
    window.opening = [];
    if (sessionStorage.countFrames) return;  // nothing looks: ui.items() would wake the app
    const look = () => {
      if (window.Module && Module.calledRun) {
        for (const { label } of window.bridgework.ui.items())
          if (label.startsWith('Opening the workspace') && window.opening.at(-1) !== label) window.opening.push(label);
        if (!window.bridgework.state().loading && window.bridgework.state().workspace) return;
      }
      requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  });
  await page.reload();
  await page.waitForFunction(() => window.Module && Module.calledRun && !window.bridgework.state().loading &&
                                    window.bridgework.state().workspace, null, { timeout: 60000 });
  const seen = await bw(page, () => window.opening);
  risingPercents(seen);
  // The workspace then opened whole: every client of the demo is there.
  assert.ok(await bw(page, () => window.bridgework.query('clients', {}).result.length) > 30);
  // Where that opening took its time: the waits between groups are the
  // read's, not the app's (docs/automation.md, ui.lastLoad).
  const load = await bw(page, () => window.bridgework.ui.lastLoad());
  const waits = await bw(page, () => window.heldGroups);
  assert.ok(waits > 10 && load.started > 0 && load.read - load.started >= waits * 49,
            `the read took the 50 ms between each group of 32 buckets (${JSON.stringify(load)})`);
  assert.ok(load.inApp > 0 && load.inApp < load.read - load.started && load.ended >= load.read,
            `the app's part is within the read, and checking ends it (${JSON.stringify(load)})`);
  // A frame for each group read, to show how far it has got, and none
  // between them: frames drawn while the read waits slow the read itself.
  // Opened again with nothing looking but the wait for it, which reads state().
  await bw(page, () => { sessionStorage.countFrames = '1'; });
  await page.reload();
  await page.waitForFunction(() => window.Module && Module.calledRun && !window.bridgework.state().loading &&
                                    window.bridgework.state().workspace, null, { timeout: 60000 });
  const [frames, groups] = await bw(page, () => [window.framesWhileRead, window.heldGroups]);
  assert.ok(groups > 10 && frames >= groups / 2 && frames <= groups + 3, `${frames} frames for ${groups} groups read 50 ms apart`);
});

await test('a backup being restored says how far it has read, then that it checks it, and opens', async context => {
  const file = join(artifacts, 'demo-backup-progress.json');
  execFileSync(join(site, '..', '..', 'native', 'bridgework'), ['demo-backup', file]);
  const page = await openApp(context, server.url);
  const seen = await bw(page, async text => {
    // The file's bytes arrive in 40 pieces, 30 ms apart, as a large file's
    // would; what the first page shows meanwhile, and while the core reads it
    // in one call, is collected.
    const stream = Blob.prototype.stream;
    Blob.prototype.stream = function () {
      const blob = this, step = Math.ceil(this.size / 40);
      let bytes = null, at = 0;
      return new ReadableStream({ async pull(c) {
        bytes = bytes || new Uint8Array(await blob.arrayBuffer());
        if (at >= bytes.length) { c.close(); return; }
        await new Promise(r => setTimeout(r, 30));
        c.enqueue(bytes.slice(at, at += step));
      } });
    };
    const shown = [], restoring = () => window.bridgework.ui.items().map(i => i.label).filter(l => l.startsWith('Restoring the backup'));
    let atDecode = null, going = true;
    const call = Module.ccall;
    Module.ccall = function (name, ...rest) {
      if (name === 'bw_api_open_backup') atDecode = restoring();
      return call.call(this, name, ...rest);
    };
    const look = () => {
      for (const l of restoring()) if (shown.at(-1) !== l) shown.push(l);
      if (going) requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
    const r = await window.bridgework.openBackup(new Blob([text]));
    going = false;
    Module.ccall = call;
    Blob.prototype.stream = stream;
    return { ok: r.ok, shown, atDecode, after: restoring() };
  }, readFileSync(file, 'utf8'));
  assert.equal(seen.ok, true);
  risingPercents(seen.shown);
  // The frame on screen while the core reads the backup says what it is doing; none once it is over.
  assert.deepEqual(seen.atDecode, ['Restoring the backup: checking its records...']);
  assert.deepEqual(seen.after, []);
  // The restored workspace is open, whole: every client of the demo is there.
  const admin = await bw(page, () => window.bridgework.query('staff').result.find(s => s.role === 'administrator').id);
  assert.equal((await bw(page, id => window.bridgework.signIn(id), admin)).ok, true);
  assert.ok(await bw(page, () => window.bridgework.query('clients', {}).result.length) > 30);
});

await test('a browser that cannot make a WebGL 2 context is told so in words, not left on a blank page', async context => {
  const page = await context.newPage();
  await page.addInitScript(() => {
    const getContext = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (type, ...rest) {
      return type === 'webgl2' ? null : getContext.call(this, type, ...rest);
    };
  });
  await page.goto(server.url);
  // Once the app has run (the page's own check, had it one, would have spoken first).
  await page.waitForFunction(() => window.Module && window.Module.calledRun, null, { timeout: 30000 });
  assert.equal(await page.evaluate(() => document.getElementById('status').hidden), false);
  assert.equal(await page.evaluate(() => document.getElementById('status').textContent),
               'This browser cannot show Bridgework: it needs WebGL 2 (any current Chrome, Edge, Firefox or Safari).');
});

await test('"Loading Bridgework…" shows while a slow start lasts, and no text is laid out before a quick first frame', async context => {
  // The page's first text costs the browser its fonts, about 70 ms of the first frame.
  const quick = await context.newPage();
  await quick.addInitScript(() => {
    window.statusTexts = [];  // [ms since navigation, text] each time the status gets text
    new MutationObserver(() => {
      const status = document.getElementById('status');
      if (status && status.textContent) window.statusTexts.push([performance.now(), status.textContent]);
    }).observe(document, { childList: true, subtree: true, characterData: true });
  });
  await quick.goto(server.url);
  await quick.waitForFunction(() => performance.getEntriesByName('first-frame').length > 0, null, { timeout: 60000 });
  for (const [ms, text] of await quick.evaluate(() => window.statusTexts))
    assert.ok(ms >= 1000, `"${text}" at ${Math.round(ms)} ms`);
  // Kept for offline use by now: a second visit in this browser takes the app's code from there.
  await quick.evaluate(() => navigator.serviceWorker.ready);
  await quick.close();
  // A first visit whose app code arrives six seconds late: after a second the
  // page says it is loading, then the app shows.
  const first = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const slow = await first.newPage();
    await slow.route('**/bridgework.wasm', async route => {
      await new Promise(r => setTimeout(r, 6000));
      await route.continue();
    });
    await slow.goto(server.url, { waitUntil: 'commit' });
    await slow.waitForFunction(() => document.getElementById('status')?.textContent === 'Loading Bridgework…', null, { timeout: 5000 });
    assert.equal(await slow.evaluate(() => window.Module.calledRun || false), false);
    await slow.waitForFunction(() => window.bridgework && window.bridgework.ui && window.bridgework.ui.frames() > 0, null, { timeout: 60000 });
    assert.equal(await slow.evaluate(() => document.getElementById('status').hidden), true);
  } finally {
    await first.close();
  }
});

await test('a window exactly the size of the screen is just a window: filled, no fullscreen, no pointer lock, no errors', async () => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, screen: { width: 1366, height: 768 } });
  try {
    const page = await openApp(context, server.url);
    await bw(page, () => {
      window.asked = [];
      const note = what => function () { window.asked.push(what); };
      Element.prototype.requestFullscreen = note('fullscreen');
      Element.prototype.requestPointerLock = note('pointer lock');
    });
    await signedInDemo(page);
    await click(page, 'Clients');
    await widget(page, 'Enrol client');
    const size = await bw(page, () => [document.getElementById('canvas').width, document.getElementById('canvas').height]);
    assert.deepEqual(size, [1366, 768]);
    await drawnInPlace(page, 1366, 1, 'screen-sized-window');
    assert.deepEqual(await bw(page, () => window.asked), []);
    assert.deepEqual(page.errors, []);
  } finally {
    await context.close();
  }
});

await test('names as people write them are drawn, not "?", and found by searching without accents', async context => {
  const page = await openApp(context, server.url);
  await signedInDemo(page);
  // Every character but Basic Latin and Latin-1 arrives a moment after the first frame.
  await page.waitForFunction(() => window.bridgework.ui.missingGlyphs('Ł → ☐').length === 0);
  const typical = 'José Núñez-O’Brien “quoted” – — … € № ™ Łódź Đặng Øyvind Ærø Straße Ωmega Дмитрий';
  assert.deepEqual(await bw(page, t => window.bridgework.ui.missingGlyphs(t), typical), []);
  assert.deepEqual(await bw(page, () => window.bridgework.ui.missingGlyphs('→ ← ⇒ ≤ ≠ ☐ ☑ ★ ✓ ✗ ■ ● ▶')), []);
  // What the fonts lack is drawn as the placeholder, and said so here; a "?" typed is itself.
  assert.deepEqual(await bw(page, () => window.bridgework.ui.missingGlyphs('ok 😀 ? \uFFFD')), ['😀', '\uFFFD']);
  const org = await bw(page, () => window.bridgework.query('organisations').result.find(o => o.name === 'Cedar Valley Career Center').id);
  const ers = await bw(page, id => window.bridgework.query('eligible_primary_contacts', { provider: id, youth: false }).result[0].id, org);
  const made = await bw(page, ([provider, contact]) => window.bridgework.dispatch({
    type: 'enrol_client', first_name: 'José', last_name: 'Núñez-O’Brien', date_of_birth: '1988-03-09',
    programs: ['wioa_adult'], provider, primary_contact: contact }), [org, ers]);
  assert.equal(made.ok, true);
  await click(page, 'Clients');
  const box = await widget(page, 'search');
  await page.mouse.click(box.x + 12, box.y + box.h / 2);
  await page.keyboard.type('nunez', { delay: 15 });
  await widget(page, 'Núñez-O’Brien, José');
  await page.screenshot({ path: join(artifacts, 'search-folded.png') });
  assert.equal(await bw(page, () => window.bridgework.query('clients', { search: "o'brien" }).result.length), 1);
});

await test('the first frame is drawn with Latin-1 fonts; every character follows, with or without the symbols font', async context => {
  // Nothing else than Basic Latin and Latin-1 before the first frame: the rest would delay it by 70-150 ms.
  // The symbols font is refused, and a second and a half late, after the first frame has been looked at.
  await context.route('**/symbols.ttf', async route => {
    await new Promise(r => setTimeout(r, 1500));
    await route.fulfill({ status: 404, body: '' });
  });
  const page = await context.newPage();
  await page.addInitScript(() => {
    const seen = window.firstFrameGlyphs = [];
    const look = () => {
      if (window.bridgework && window.bridgework.ui && window.Module && Module.calledRun && window.bridgework.ui.frames() > 0)
        seen.push(...window.bridgework.ui.missingGlyphs('aé€Ł?'));
      else requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  });
  await page.goto(server.url);
  await bw(page, () => window.bridgework.ready);
  await page.waitForFunction(() => window.bridgework.ui.missingGlyphs('Łódź Đặng Ωmega Дмитрий € №').length === 0);
  // Latin-1 was there at once (é), the euro sign and Polish letters came after;
  // what was missing was the placeholder, never a "?".
  assert.deepEqual(await bw(page, () => window.firstFrameGlyphs), ['€', 'Ł']);
  // The symbols font did not arrive: its characters are the placeholder, and said so.
  assert.deepEqual(await bw(page, () => window.bridgework.ui.missingGlyphs('→ ☐ a')), ['→', '☐']);
});

await test('past 2 GB of memory the app still draws, takes long texts and saves them: a large board is not cut off at 2 GB', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await openApp(context, server.url);
    await signedInDemo(page);
    // Memory held until the next free block lies past 2 GB, as a large board's
    // would, the gaps below it filled too: what the app allocates from here on
    // (16 KB or more) comes from above it.
    const high = await bw(page, () => {
      let p = 0;
      for (const size of [64 << 20, 1 << 20, 64 << 10, 16 << 10])
        do p = window.Module._malloc(size) >>> 0; while (p && p < 2 ** 31);
      return p;
    });
    assert.ok(high >= 2 ** 31, `a block past 2 GB (got ${high})`);
    // A long text crosses into the heap above 2 GB and comes back the same.
    const text = 'Łódź 😀 Ærø Straße '.repeat(1000).trim();  // a comment holds up to 20,000 characters
    assert.ok(await bw(page, n => { const p = window.Module._malloc(n) >>> 0; window.Module._free(p); return p >= 2 ** 31; },
                       text.length * 3 + 1), 'a text of this length is placed past 2 GB');
    const client = await bw(page, () => window.bridgework.query('clients', {}).result[0].id);
    const made = await bw(page, ([record, t]) => window.bridgework.dispatch({ type: 'add_comment', record, text: t }), [client, text]);
    assert.equal(made.ok, true, JSON.stringify(made.error));
    const read = await bw(page, record => window.bridgework.query('comments', { record }).result[0].text, client);
    assert.ok(read === text, `the comment reads back as written (${read.length} of ${text.length} characters)`);
    await page.waitForFunction(() => window.bridgework.state().save.state === 'saved');
    // ImGui's vertex buffers grow past what they held, into the memory above
    // 2 GB, and WebGL draws from them: the window is drawn in place at each size.
    for (const [width, height] of [[1920, 1080], [2560, 1440]]) {
      await page.setViewportSize({ width, height });
      await click(page, 'Clients');
      await widget(page, 'search');
      await page.waitForTimeout(300);
      await drawnInPlace(page, width, 1, `past-2gb-${width}`);
    }
    await click(page, 'My Work');
    await page.waitForTimeout(300);
    await drawnInPlace(page, 2560, 1, 'past-2gb-my-work');
    assert.ok(await bw(page, () => window.bridgework.ui.heapInUse()) > 2 ** 31, 'the heap in use counts past 2 GB');
    assert.deepEqual(page.errors, []);
    // Saved means saved: the comment is there after a reload.
    await page.reload();
    await page.waitForFunction(() => window.bridgework && window.bridgework.ready);
    await page.evaluate(() => window.bridgework.ready);
    await page.waitForFunction(() => !window.bridgework.state().loading && window.bridgework.state().workspace);
    assert.ok(await bw(page, ([record, t]) => window.bridgework.query('comments', { record }).result[0].text === t, [client, text]),
              'the comment is there after a reload');
  } finally {
    await context.close();
  }
});

// Clicks into a text box (its label is drawn right of it).
// Clicks into a text field, and waits until it is edited (the text element has the focus).
async function intoBox(page, label) {
  const r = await widget(page, label);
  await page.mouse.click(r.x + 12, r.y + r.h / 2);
  await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'text-in');
  await page.waitForTimeout(80);
}

await test('text that arrives as text, not key presses (inserted, composed), is saved exactly and drawn without "?"', async context => {
  const page = await openApp(context, server.url);
  await signedInDemo(page);
  await click(page, 'Clients');
  await click(page, 'Enrol client');
  // An input method composes "é" over two steps, then commits it.
  await intoBox(page, 'First name');
  await page.keyboard.type('Jos', { delay: 15 });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Input.imeSetComposition', { text: '´', selectionStart: 1, selectionEnd: 1 });
  await cdp.send('Input.imeSetComposition', { text: 'é', selectionStart: 1, selectionEnd: 1 });
  await cdp.send('Input.insertText', { text: 'é' });
  // Dictation, the emoji picker and pasting from an email insert whole texts.
  await intoBox(page, 'Last name');
  await page.keyboard.insertText('Núñez-O’Brien 😀 Łódź');
  await intoBox(page, 'Date of birth');
  await page.keyboard.insertText('1988-03-09');
  await chooseAdultProgram(page);
  await click(page, 'Enrol');
  await page.waitForFunction(() => window.bridgework.query('clients', { search: 'lodz' }).result.length === 1);
  const client = await bw(page, () => window.bridgework.query('clients', { search: 'lodz' }).result[0]);
  assert.equal(client.first_name, 'José');
  assert.equal(client.last_name, 'Núñez-O’Brien 😀 Łódź');
  await widget(page, 'Correct details');  // the new client's page, headed with the name
  assert.deepEqual(await bw(page, t => window.bridgework.ui.missingGlyphs(t), client.last_name), ['😀']);
  await page.screenshot({ path: join(artifacts, 'text-inserted.png') });
  assert.deepEqual(page.errors, []);
});

// The Clients screen with `text` on the system clipboard and its search box
// just clicked; the row of a client that a search for "Alvarez" leaves out.
async function clientSearchClicked(context, text) {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const page = await openApp(context, server.url);
  await page.setViewportSize({ width: 1366, height: 768 });
  await signedInDemo(page);
  await click(page, 'Clients');
  await bw(page, t => navigator.clipboard.writeText(t), text);
  const other = await bw(page, () => window.bridgework.query('clients').result.find(c => c.last_name !== 'Alvarez'));
  const box = await widget(page, 'search');
  await page.mouse.click(box.x + 12, box.y + box.h / 2);  // the last step: keys may follow at once
  return { page, otherRow: `${other.last_name}, ${other.first_name}` };
}

await test('Ctrl+V pastes from the system clipboard into a field; Ctrl+C and Ctrl+X copy out of it', async context => {
  // Ctrl+V at once after the click, before the app has drawn the field as edited.
  const { page, otherRow } = await clientSearchClicked(context, 'Alvarez\r\n');
  await press(page, 'Control+V');
  await widget(page, 'Alvarez, Aaliyah');
  await page.waitForFunction(l => !window.bridgework.ui.rect(l), otherRow);
  await press(page, 'Control+A');
  await press(page, 'Control+C');
  assert.equal(await bw(page, () => navigator.clipboard.readText()), 'Alvarez');
  await bw(page, () => navigator.clipboard.writeText(''));
  await press(page, 'Control+X');
  assert.equal(await bw(page, () => navigator.clipboard.readText()), 'Alvarez');
  await page.waitForFunction(l => window.bridgework.ui.rect(l), otherRow);  // the box is empty again
  assert.deepEqual(page.errors, []);
});

// The field takes the keyboard a frame after the click (web/page.js moves the
// focus from the canvas to the text element): a Ctrl pressed before that is
// still held when V comes.
await test('Ctrl pressed before a clicked field takes the keyboard, then V, still pastes', async context => {
  const { page, otherRow } = await clientSearchClicked(context, 'Alvarez');
  await page.keyboard.down('Control');
  await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'text-in');
  await page.keyboard.press('KeyV');
  await page.keyboard.up('Control');
  await page.waitForFunction(l => !window.bridgework.ui.rect(l), otherRow, { timeout: 5000 }).catch(() => {
    throw new Error(`the search did not take the pasted "Alvarez": ${otherRow} is still listed`);
  });
  assert.deepEqual(page.errors, []);
});

await test('every screen, record and tab has an address: Back, Forward and reload stay in the app; links open after sign-in, within access (C5)', async context => {
  const page = await openApp(context, server.url);
  await signedInDemo(page);
  const at = async hash => {
    await page.waitForFunction(h => location.hash === h, hash, { timeout: 5000 }).catch(async () => {
      throw new Error(`expected the address ${hash}, the page is at ${await page.evaluate(() => location.hash)}`);
    });
  };
  await at('#/my-work');
  const client = await bw(page, () => window.bridgework.query('clients').result.find(c => c.last_name === 'Alvarez'));
  await click(page, 'Clients');
  await at('#/clients');
  await click(page, 'Alvarez, Aaliyah');
  await at(`#/clients/${client.id}/overview`);
  await click(page, 'Service plan');
  await at(`#/clients/${client.id}/service-plan`);
  await click(page, 'Employers');
  await at('#/employers');
  const historyLength = await page.evaluate(() => history.length);
  await page.goBack();
  await at(`#/clients/${client.id}/service-plan`);
  await widget(page, '< All clients');
  await page.goBack();
  await at(`#/clients/${client.id}/overview`);
  await widget(page, 'Correct details');  // the Overview tab's
  await page.goBack();
  await at('#/clients');
  await widget(page, 'search');
  await page.goForward();
  await at(`#/clients/${client.id}/overview`);
  await widget(page, 'Correct details');
  assert.equal(await page.evaluate(() => history.length), historyLength, 'Back and Forward add no entries');
  // A newly opened record starts on its first tab, whatever the last one showed.
  await click(page, 'Service plan');
  await at(`#/clients/${client.id}/service-plan`);
  await page.reload();
  await page.waitForFunction(() => window.bridgework && window.bridgework.ready);
  await page.evaluate(() => window.bridgework.ready);
  await at(`#/clients/${client.id}/service-plan`);
  await widget(page, '< All clients');
  await page.screenshot({ path: join(artifacts, 'address-reloaded.png') });

  // A link opened in another tab: the sign-in page first, then the record.
  const other = await openApp(context, `${server.url}#/clients/${client.id}/contacts`);
  await click(other, 'Angela Brooks');
  await other.waitForFunction(h => location.hash === h, `#/clients/${client.id}/contacts`);
  await widget(other, '< All clients');
  // C5: a training provider's link to a client they may not see is refused, and says so.
  await click(other, 'Sign out');
  await other.waitForFunction(() => location.hash === '#/');
  await other.evaluate(h => { location.hash = h; }, `#/clients/${client.id}`);
  await click(other, 'Grace Holloway');
  await other.waitForFunction(() => /was not opened/.test(window.bridgework.state().message));
  assert.match(await bw(other, () => window.bridgework.state().message), /not one your role opens/);
  await widget(other, 'My students');
  assert.equal(await bw(other, () => location.hash), '#/students');
  assert.equal(await bw(other, () => window.bridgework.ui.rect('< All clients')), null);
  assert.deepEqual([...page.errors, ...other.errors], []);
});

await test('the next person starts clean: no search, filter, tab or typed text of the last one', async context => {
  const page = await openApp(context, server.url);
  await signedInDemo(page);
  await click(page, 'Clients');
  await intoBox(page, 'search');
  await page.keyboard.type('zzzz', { delay: 15 });
  await page.waitForFunction(() => !window.bridgework.ui.rect('Alvarez, Aaliyah'));
  await click(page, 'Reports');
  await click(page, 'Targets');
  await page.waitForFunction(() => location.hash === '#/reports/targets');
  // A draft left in a form: the concern of an issue not raised yet.
  const client = await bw(page, () => window.bridgework.query('clients').result.find(c => c.last_name === 'Alvarez'));
  await page.evaluate(id => { location.hash = `#/clients/${id}/issues`; }, client.id);
  await intoBox(page, 'Problem, concern or complaint');
  await page.keyboard.type('Halfway', { delay: 15 });
  await click(page, 'Sign out');
  await click(page, 'Angela Brooks');
  await page.waitForFunction(() => location.hash === '#/my-work');
  await page.evaluate(id => { location.hash = `#/clients/${id}/issues`; }, client.id);
  await click(page, 'Raise issue');  // with an empty concern: refused, so nothing was left in it
  await page.waitForFunction(() => /concern/i.test(window.bridgework.state().message));
  await click(page, 'Clients');
  await widget(page, 'Alvarez, Aaliyah');  // no search
  await page.screenshot({ path: join(artifacts, 'next-person-clients.png') });
  await click(page, 'Reports');
  await page.waitForFunction(() => location.hash === '#/reports/ese-export');
});

await test('forms: Enter submits, Escape closes only the innermost popup, typed text is not discarded unasked, dates as MM/DD/YYYY or picked (T2)', async context => {
  const page = await openApp(context, server.url);
  await signedInDemo(page);
  await click(page, 'Clients');
  await click(page, 'Enrol client');
  await intoBox(page, 'First name');
  await page.keyboard.type('Mara', { delay: 15 });
  await press(page, 'Escape');  // leaves the field, keeps the text
  await press(page, 'Escape');  // the dialog asks before discarding it
  await widget(page, 'Discard');
  await press(page, 'Escape');  // the question goes; the dialog stays
  await page.waitForFunction(() => !window.bridgework.ui.rect('Discard'));
  await widget(page, 'First name');
  await intoBox(page, 'Last name');
  await page.keyboard.type('Quill', { delay: 15 });
  await intoBox(page, 'Date of birth');
  await page.keyboard.type('02/14/1989', { delay: 15 });
  await click(page, 'Enrolling provider');
  await widget(page, 'Cedar Valley Career Center');
  await press(page, 'Escape');  // closes the list only
  await page.waitForFunction(() => !window.bridgework.ui.rect('Cedar Valley Career Center'));
  await widget(page, 'First name');
  await chooseAdultProgram(page);
  // The enrolment date from the calendar: today's month, the 1st (never in the
  // future, which the form refuses); today's day is marked "*".
  const today = await bw(page, () => window.bridgework.clock.now());
  const first = today.slice(8, 10) === '01' ? '1*' : '1';
  await click(page, 'Pick Enrolled on');
  await click(page, first);
  await page.waitForFunction(first => !window.bridgework.ui.rect(first), first);
  await page.screenshot({ path: join(artifacts, 'enrol-form-filled.png') });
  await intoBox(page, 'Last name');
  await press(page, 'Enter');
  await page.waitForFunction(() => window.bridgework.query('clients', { search: 'Quill' }).result.length === 1);
  const made = await bw(page, () => window.bridgework.query('clients', { search: 'Quill' }).result[0]);
  assert.equal(made.first_name, 'Mara');
  assert.equal(made.date_of_birth, '1989-02-14');
  assert.equal(made.enrolled_on, `${today.slice(0, 8)}01`);
  // Cancel with typed text asks; "Discard" closes.
  await click(page, '< All clients');
  await click(page, 'Enrol client');
  await intoBox(page, 'First name');
  await page.keyboard.type('Gone', { delay: 15 });
  await click(page, 'Cancel');
  await click(page, 'Discard');
  await page.waitForFunction(() => !window.bridgework.ui.rect('First name'));
  // The picker marks the month's holidays (T2), such as November's Veterans Day and Thanksgiving.
  await click(page, 'Settings');
  await click(page, 'Holidays');
  await click(page, 'Pick Closure date');
  await widget(page, today.slice(8, 10) === '20' ? '20*' : '20');
  await page.screenshot({ path: join(artifacts, 'date-picker.png') });
  assert.deepEqual(page.errors, []);
});

// The text of a PDF, as a person would read it (poppler's pdftotext).
function pdfText(bytes, name) {
  const file = join(artifacts, name);
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

await test('keys and a click that arrive between two frames are taken in order: every character lands in the field it was typed into', async context => {
  const page = await openApp(context, server.url);
  await signedInDemo(page);
  await click(page, 'Clients');
  await click(page, 'Enrol client');
  const last = await widget(page, 'Last name');
  await intoBox(page, 'First name');
  // As when a long frame holds the page while a person types on and clicks
  // the next field: the browser delivers it all before the app's next frame.
  // Each Backspace needs frames of its own (ImGui reads it as a key, and the
  // text after it waits for it: input.cpp), so this takes many frames; the
  // click comes after it all, into "Last name".
  const typed = ['a', 'a', 'r', 'o', 'n', ...Array(8).fill(['x', 'Backspace']).flat()], then = 'quill';
  await page.evaluate(({ typed, then, x, y }) => {
    const textIn = document.getElementById('text-in'), canvas = document.getElementById('canvas');
    const key = (type, k) => textIn.dispatchEvent(new KeyboardEvent(type, { key: k, bubbles: true,
      keyCode: k === 'Backspace' ? 8 : k.toUpperCase().charCodeAt(0), code: k === 'Backspace' ? k : 'Key' + k.toUpperCase() }));
    const typeKeys = keys => {
      for (const k of keys) {
        key('keydown', k);
        if (k.length === 1)
          textIn.dispatchEvent(new InputEvent('beforeinput', { data: k, inputType: 'insertText', bubbles: true, cancelable: true }));
        key('keyup', k);
      }
    };
    typeKeys(typed);
    for (const type of ['mousedown', 'mouseup'])
      canvas.dispatchEvent(new MouseEvent(type, { clientX: x, clientY: y, button: 0, bubbles: true }));
    typeKeys([...then]);
  }, { typed, then, x: last.x + 12, y: last.y + last.h / 2 });
  await intoBox(page, 'Date of birth');
  await page.keyboard.type('02/14/1989', { delay: 15 });
  await chooseAdultProgram(page);
  await intoBox(page, 'Last name');
  await press(page, 'Enter');
  await page.waitForFunction(() => window.bridgework.query('clients', { search: 'quill' }).result.length === 1);
  const made = await bw(page, () => window.bridgework.query('clients', { search: 'quill' }).result[0]);
  assert.equal(made.first_name, 'aaron');
  assert.equal(made.last_name, then);
  assert.deepEqual(page.errors, []);
});

await test('a client\'s file prints with its plan and contacts; Ctrl+P prints the screen\'s record, never a blank page', async context => {
  const page = await openApp(context, server.url);
  await signedInDemo(page);
  // A client with goals, activities and contacts.
  const client = await bw(page, () => {
    const q = (n, a) => window.bridgework.query(n, a).result;
    return q('clients').find(c => q('plan', { client: c.id }).goals.length && q('contacts', { client: c.id }).length);
  });
  const plan = await bw(page, id => window.bridgework.query('plan', { client: id }).result, client.id);
  const contacts = await bw(page, id => window.bridgework.query('contacts', { client: id }).result, client.id);
  await page.evaluate(id => { location.hash = `#/clients/${id}`; }, client.id);
  await click(page, 'Print file');
  await page.waitForFunction(() => !document.getElementById('printable').hidden);
  await page.screenshot({ path: join(artifacts, 'client-file-printable.png') });
  const text = pdfText(await page.pdf({ format: 'Letter' }), 'client-file.pdf');
  const words = t => t.replace(/\s+/g, ' ').trim().slice(0, 40);
  assert.ok(text.includes(`Client file: ${client.first_name} ${client.last_name}`), text.slice(0, 300));
  for (const g of plan.goals) assert.ok(text.includes(words(g.text)), `the goal "${g.text}" is printed`);
  for (const a of plan.activities) assert.ok(text.includes(words(a.name)), `the activity "${a.name}" is printed`);
  for (const k of contacts) assert.ok(text.includes(words(k.results)), `the contact "${k.results}" is printed`);
  await page.click('#printable-close');
  // Ctrl+P on a job order's page prints the job order.
  const job = await bw(page, () => window.bridgework.query('jobs').result[0]);
  await page.evaluate(id => { location.hash = `#/jobs/${id}`; }, job.id);
  await widget(page, 'Print job order');
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));  // what Ctrl+P does first
  const jobText = pdfText(await page.pdf({ format: 'Letter' }), 'job-order.pdf');
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  assert.ok(jobText.includes(`Job order: ${job.title}`), jobText.slice(0, 300));
  assert.equal(await page.evaluate(() => document.getElementById('printable').hidden), true);
  // A screen without a document says so on paper instead of printing a blank page.
  await click(page, 'My Work');
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  assert.match(pdfText(await page.pdf({ format: 'Letter' }), 'my-work.pdf'), /no printable view/);
  assert.deepEqual(page.errors, []);
});

await test('an idle page draws nothing, before any input and after it; input wakes it at once', async context => {
  const page = await openApp(context, server.url);
  const frames = () => bw(page, () => window.bridgework.ui.frames());
  const idleFrames = async () => {
    await page.waitForTimeout(2000);  // what input started has settled
    const before = await frames();
    // Reading these does not wake the app (docs/automation.md).
    for (let i = 0; i < 10; ++i) {
      const heap = await bw(page, () => [window.bridgework.ui.heapInUse(), window.Module.HEAP8.length,
                                         window.bridgework.ui.drawTime(), window.bridgework.ui.frameTime(),
                                         window.bridgework.ui.vertices(), window.bridgework.ui.lastLoad()]);
      assert.ok(heap[0] > 0 && heap[0] < heap[1], `the heap in use (${heap[0]} bytes) is within the heap (${heap[1]})`);
      await page.waitForTimeout(500);
    }
    return (await frames()) - before;
  };
  const first = await idleFrames();
  assert.ok(first <= 1, `${first} frames drawn in 5 idle seconds on the first page (one a minute is allowed)`);
  await signedInDemo(page);
  const after = await idleFrames();
  assert.ok(after <= 1, `${after} frames drawn in 5 idle seconds after input`);
  const woken = await frames();
  const times = () => bw(page, () => [window.bridgework.ui.drawTime(), window.bridgework.ui.frameTime(),
                                       window.bridgework.ui.vertices()]);
  const [draw0, frame0, vertices0] = await times();
  await page.mouse.move(700, 300);
  await page.mouse.move(710, 310);
  await page.waitForTimeout(300);
  assert.ok((await frames()) - woken >= 3, 'moving the mouse draws at once');
  const [draw1, frame1, vertices1] = await times();
  assert.ok(draw1 > draw0 && frame1 - frame0 >= draw1 - draw0,
            `a frame's whole time (${frame1 - frame0} ms) holds the screens' drawing (${draw1 - draw0} ms)`);
  // My Work's text, sidebar and boxes: thousands of vertices a frame, counted for each frame drawn.
  const drawnFrames = (await frames()) - woken;
  assert.ok(vertices1 - vertices0 >= drawnFrames * 1000, `${vertices1 - vertices0} vertices counted in ${drawnFrames} frames`);
  // A click still lands after a long idle.
  await click(page, 'Clients');
  await widget(page, 'search');
  console.log(`     frames in 5 idle seconds: ${first} before any input, ${after} after`);
});

await test('once ui.current() is true, ui.items() lists the frame that shows the latest call, not the one before it', async context => {
  const page = await openApp(context, server.url);
  await signedInDemo(page);
  // Each of several people in turn: the first frame current() accepts names them.
  const seen = await page.evaluate(async () => {
    const bw = window.bridgework;
    const staff = bw.query('staff', {}).result.filter(s => s.active).slice(0, 4);
    const out = [];
    for (const s of staff) {
      bw.signIn(s.id);
      await new Promise(resolve => {
        const poll = () => (bw.ui.current() ? resolve() : requestAnimationFrame(poll));
        requestAnimationFrame(poll);
      });
      out.push({ name: s.name, shown: bw.ui.items().map(i => i.label).find(l => l.startsWith('Signed in: ')) || '(none)' });
    }
    return out;
  });
  assert.equal(seen.length, 4);
  for (const { name, shown } of seen) assert.ok(shown.startsWith(`Signed in: ${name} (`), `after signing in ${name}, the items list "${shown}"`);
});

await test('Ctrl+wheel (and pinch) is left to the browser to zoom, and does not scroll the app; the wheel alone scrolls', async context => {
  const page = await openApp(context, server.url);
  await signedInDemo(page);
  await click(page, 'Clients');
  await widget(page, 'search');
  await bw(page, () => {
    window.wheels = [];
    window.addEventListener('wheel', e => window.wheels.push({ ctrl: e.ctrlKey, prevented: e.defaultPrevented }));
  });
  const top = async () => (await bw(page, () => window.bridgework.ui.items().find(i => i.label === 'Alvarez, Aaliyah'))).y;
  const before = await top();
  await page.mouse.move(700, 450);
  await page.keyboard.down('Control');
  await page.mouse.wheel(0, 300);
  await page.keyboard.up('Control');
  await page.waitForTimeout(300);
  assert.equal(await top(), before, 'Ctrl+wheel does not scroll the table');
  await page.mouse.wheel(0, 300);
  await page.waitForTimeout(300);
  const moved = await bw(page, () => window.bridgework.ui.items().find(i => i.label === 'Alvarez, Aaliyah'));
  assert.ok(!moved || moved.y < before, 'the wheel alone scrolls');
  const wheels = await bw(page, () => window.wheels);
  assert.deepEqual(wheels.map(w => [w.ctrl, w.prevented]), [[true, false], [false, true]]);
});

await browser.close();
server.close();
finish();
