// What a frame of each screen costs for a large workspace while a person
// works on it (the pointer moving, the list scrolled by the wheel, a search
// typed, the table sorted by its headers), beside the floor in the same run:
// a frame of the bare ImGui page (tests/benchmarks/bare_page, built beside the
// site) under the same pointer and wheel. A frame's cost is its main-thread
// time, input to picture (window.bridgework.ui.frameTime; the app's own
// drawing is ui.drawTime). Printed, not asserted. Run by `./dev bench`.
// Usage: node frames.mjs <built site folder> <backup.json from storage_benchmark>
import { mkdtemp, readdir, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { serve, launch, openApp, click, widget, pointAndClick } from './harness.mjs';

const [site, backup] = process.argv.slice(2);
// The site's files and the backup, served together (a large backup streams from disk).
const root = await mkdtemp(join(tmpdir(), 'bridgework-frames-'));
for (const f of await readdir(site)) await symlink(resolve(site, f), join(root, f));
await symlink(resolve(backup), join(root, 'bench-backup.json'));
const server = await serve(root);
const bareServer = await serve(join(site, '..', 'bare_page'));
const browser = await launch();
const viewport = { width: 1366, height: 900 };

// Every frame's cost and what it drew, from counters the page keeps: `counters`
// returns [frames drawn, their total ms, their vertices] (the app's or the bare page's).
async function sampleFrames(page, counters) {
  await page.evaluate(source => {
    const read = new Function(`return (${source})()`);
    window.frameSamples = [];
    let [f0, t0, v0] = read();
    const tick = () => {
      const [f, t, v] = read();
      if (f > f0) window.frameSamples.push([(t - t0) / (f - f0), (v - v0) / (f - f0)]);
      [f0, t0, v0] = [f, t, v];
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }, counters.toString());
}
const taken = page => page.evaluate(() => window.frameSamples.splice(0));

// What a person does, each a sequence of input events about 25 ms apart.
const gestures = {
  async point(page) {
    for (let i = 0; i < 60; ++i) { await page.mouse.move(700 + (i % 2) * 40, 500 + (i % 5) * 10); await page.waitForTimeout(25); }
  },
  async scroll(page) {
    await page.mouse.move(800, 600);
    for (let i = 0; i < 60; ++i) { await page.mouse.wheel(0, i < 40 ? 150 : -300); await page.waitForTimeout(25); }
  },
};

const median = xs => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mean = xs => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
const floors = [], floorVertices = [];
async function barePage() {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await page.goto(bareServer.url);
  await page.waitForFunction(() => window.bare.frames > 0);
  await page.waitForTimeout(500);
  await sampleFrames(page, () => [window.bare.frames, window.bare.frameTime, window.bare.vertices]);
  const samples = [];
  for (const g of Object.values(gestures)) { await g(page); await page.waitForTimeout(100); samples.push(...await taken(page)); }
  await context.close();
  const times = samples.map(s => s[0]), vertices = mean(samples.map(s => s[1]));
  floors.push(mean(times));
  floorVertices.push(vertices);
  console.log(`the bare ImGui page (floor): ${mean(times).toFixed(2)} ms a frame, longest ${Math.max(...times).toFixed(2)} ms ` +
              `(${samples.length} frames, pointer and wheel), ${vertices.toFixed(0)} vertices a frame`);
}
await barePage();

const context = await browser.newContext({ viewport });
const page = await openApp(context, server.url);
page.on('crash', () => console.log('the page crashed'));
const opened = Date.now();
const result = await page.evaluate(async () => {
  const text = await (await fetch('bench-backup.json')).text();
  return window.bridgework.openBackup(text);
});
if (!result.ok) throw new Error(result.error.message);
const people = await page.evaluate(() => {
  const staff = window.bridgework.query('staff', {}).result;
  window.bridgework.signIn(staff.find(s => s.role === 'administrator' && s.active).id);
  const ers = window.bridgework.query('clients', { search: 'Client0 Benchmark' }).result[0].primary_contact;
  const org = staff.find(s => s.id === ers).organisation;
  const at = role => staff.filter(s => s.role === role && s.organisation === org && s.active).map(s => s.id);
  return { ers, bsr: at('bsr').pop(), manager: at('manager').pop(), clients: window.bridgework.query('workspace').result.clients };
});
const held = await page.evaluate(id => window.bridgework.query('clients', { primary_contact: id }).result.length, people.ers);
console.log(`${people.clients} clients (the ERS holds ${held}), opened from the backup in ${((Date.now() - opened) / 1000).toFixed(1)} s`);
await sampleFrames(page, () => [window.bridgework.ui.frames(), window.bridgework.ui.frameTime(), window.bridgework.ui.vertices()]);
// The floor of typing and sorting: the same work in plain JavaScript on the same clients' texts,
// a search's scan of every text (lower-cased once, as the app folds them once) and a sort by name.
const plain = await page.evaluate(() => {
  const clients = window.bridgework.query('clients', {}).result;
  const texts = clients.map(c => `${c.first_name} ${c.last_name} ${c.id} ${c.email} ${c.phone}`.toLowerCase());
  const time = f => { const t = performance.now(); f(); return performance.now() - t; };
  const scans = ['c', 'cl', 'client1', 'client12'].map(n => time(() => texts.filter(t => t.includes(n))));
  // The keys made and sorted, from the clients' own order (the app's starts there too).
  const sorts = [0, 1, 2].map(() => time(() => clients.map(c => `${c.last_name}, ${c.first_name}`).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))));
  return { rows: clients.length, scan: Math.min(...scans), sort: Math.min(...sorts) };
});
console.log(`plain JavaScript, ${plain.rows} clients: a search's scan of every text ${plain.scan.toFixed(1)} ms, ` +
            `a sort by name ${plain.sort.toFixed(0)} ms (the floor of a key typed or a header clicked)`);

const rows = [];
async function measure(label, gesture) {
  await page.waitForTimeout(300);
  await taken(page);
  const d0 = await page.evaluate(() => window.bridgework.ui.drawTime());
  await gesture(page);
  await page.waitForTimeout(300);  // the frames that follow the last input
  const samples = await taken(page);
  const drawn = (await page.evaluate(() => window.bridgework.ui.drawTime())) - d0;
  const times = samples.map(s => s[0]);
  rows.push({ label, frames: samples.length, mean: mean(times), longest: Math.max(0, ...times), own: drawn / Math.max(1, samples.length),
              vertices: mean(samples.map(s => s[1])) });
}

async function open(who, section, tab) {
  await page.evaluate(id => window.bridgework.signIn(id), who);
  await page.waitForTimeout(300);  // the sidebar's labels (the Inbox's count) are drawn
  const label = await page.evaluate(s => {
    const item = window.bridgework.ui.items().find(i => i.label === s || i.label.startsWith(s + ' ('));
    return item ? item.label : s;
  }, section);
  await click(page, label);
  if (tab) await click(page, tab);
  await page.waitForTimeout(1500);  // the screen's first frame computes what it shows
}

// Typing into the screen's search box, a character at a time, then deleting it.
const typing = (field, text) => async p => {
  const r = await widget(p, field);
  await pointAndClick(p, r.x + 12, r.y + r.h / 2);
  for (const ch of text) { await p.keyboard.type(ch); await p.waitForTimeout(60); }
  for (const _ of text) { await p.keyboard.press('Backspace'); await p.waitForTimeout(60); }
};
// Clicking column headers: each click sorts the whole list again.
const sorting = headers => async p => {
  await p.mouse.move(238, 450);  // the screen's margin, beside its lists: the wheel scrolls the screen to its end
  for (let i = 0; i < 10; ++i) { await p.mouse.wheel(0, 400); await p.waitForTimeout(25); }
  for (const h of headers) { await click(p, h); await p.waitForTimeout(100); }
};

const screens = [
  ['My Work, the ERS holding the caseload', people.ers, 'My Work', null, null, sorting(['Enrolled', 'Client', 'Client'])],
  ['Inbox, the ERS', people.ers, 'Inbox'],
  ['My Work, a BSR', people.bsr, 'My Work'],
  ['Inbox, a BSR', people.bsr, 'Inbox'],
  ['Clients, the ERS', people.ers, 'Clients', null, typing('search', 'Client12'), sorting(['Enrolled', 'Name', 'Name'])],
  ['Employers, a BSR', people.bsr, 'Employers', null, typing('employer_search', 'Employer1')],
  ['Jobs, a BSR', people.bsr, 'Jobs'],
  ['Reports, a BSR', people.bsr, 'Reports'],
  ['Reports: Performance standards', people.manager, 'Reports', 'Performance standards'],
  ['Reports: Targets', people.manager, 'Reports', 'Targets'],
  ['Feed, a manager', people.manager, 'Feed', null, typing('feed_search', 'comment')],
  ['Open issues, a manager', people.manager, 'Open issues'],
];
for (const [label, who, section, tab, type, sort] of screens) {
  await open(who, section, tab);
  await measure(`${label}: pointer`, gestures.point);
  await measure(`${label}: wheel`, gestures.scroll);
  // The first search of a list makes its texts; later ones read them.
  if (type) await measure(`${label}: typing`, type);
  if (type) await measure(`${label}: typing again`, type);
  if (sort) await measure(`${label}: sorting`, sort);
}
await barePage();

const floor = mean(floors), drawnFloor = mean(floorVertices);
console.log(`\nfloor: the bare page's frame, ${floor.toFixed(2)} ms drawing ${drawnFloor.toFixed(0)} vertices ` +
            `(the mean of its two runs, before and after)`);
// "vertices": what a frame drew, beside the bare page's; its rendering grows with it.
console.log(`${'screen: what the person does'.padEnd(50)} ${'ms a frame'.padStart(10)} ${'x floor'.padStart(8)} ` +
            `${'longest'.padStart(9)} ${'x floor'.padStart(8)} ${'own work'.padStart(9)} ${'vertices'.padStart(9)} ${'x floor'.padStart(8)} frames`);
for (const r of rows)
  console.log(`${r.label.padEnd(50)} ${r.mean.toFixed(2).padStart(10)} ${(r.mean / floor).toFixed(1).padStart(7)}x ` +
              `${r.longest.toFixed(1).padStart(9)} ${(r.longest / floor).toFixed(0).padStart(7)}x ${r.own.toFixed(2).padStart(9)} ` +
              `${r.vertices.toFixed(0).padStart(9)} ${(r.vertices / drawnFloor).toFixed(1).padStart(7)}x ${r.frames}`);
const worst = rows.reduce((a, b) => (b.mean > a.mean ? b : a));
console.log(`the costliest: ${worst.label}, ${(worst.mean / floor).toFixed(1)}x the floor a frame on average (median screen ` +
            `${(median(rows.map(r => r.mean)) / floor).toFixed(1)}x)`);
if (page.errors.length) console.log('page errors:', page.errors.join('\n'));
await browser.close();
server.close();
bareServer.close();
await rm(root, { recursive: true });
