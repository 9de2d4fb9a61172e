// The page around the app: window sizes, screens and devicePixelRatio, as a
// person snaps, stretches and zooms the window.
// Usage: [ONLY=<part of a test name>] node page.mjs <built site folder>.
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { start, openApp, widget, click, pixel } from './harness.mjs';

const { artifacts, server, browser, test, finish, bw } = await start();

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
  const typical = 'José Núñez-O’Brien “quoted” – — … € № ™ Łódź Đặng Øyvind Ærø Straße Ωmega Дмитрий';
  assert.deepEqual(await bw(page, t => window.bridgework.ui.missingGlyphs(t), typical), []);
  // What the fonts lack is drawn as the placeholder, and said so here.
  assert.deepEqual(await bw(page, () => window.bridgework.ui.missingGlyphs('ok 😀')), ['😀']);
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

await test('an idle page draws nothing, before any input and after it; input wakes it at once', async context => {
  const page = await openApp(context, server.url);
  const frames = () => bw(page, () => window.bridgework.ui.frames());
  const idleFrames = async () => {
    await page.waitForTimeout(2000);  // what input started has settled
    const before = await frames();
    await page.waitForTimeout(5000);
    return (await frames()) - before;
  };
  const first = await idleFrames();
  assert.ok(first <= 1, `${first} frames drawn in 5 idle seconds on the first page (one a minute is allowed)`);
  await signedInDemo(page);
  const after = await idleFrames();
  assert.ok(after <= 1, `${after} frames drawn in 5 idle seconds after input`);
  const woken = await frames();
  await page.mouse.move(700, 300);
  await page.mouse.move(710, 310);
  await page.waitForTimeout(300);
  assert.ok((await frames()) - woken >= 3, 'moving the mouse draws at once');
  // A click still lands after a long idle.
  await click(page, 'Clients');
  await widget(page, 'search');
  console.log(`     frames in 5 idle seconds: ${first} before any input, ${after} after`);
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
