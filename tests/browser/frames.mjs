// What each screen's own work costs per frame (window.bridgework.ui.drawTime:
// the app's drawing before the frame is rendered; and ui.frameTime, the whole
// frame, to set beside the bare ImGui page's in bench.mjs) for a large workspace,
// while the pointer moves over the page and no data changes. Printed, not
// asserted. Run by `./dev bench`.
// Usage: node frames.mjs <built site folder> <backup.json from storage_benchmark>
import { mkdtemp, readdir, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { serve, launch, openApp, click } from './harness.mjs';

const [site, backup] = process.argv.slice(2);
// The site's files and the backup, served together (a large backup streams from disk).
const root = await mkdtemp(join(tmpdir(), 'bridgework-frames-'));
for (const f of await readdir(site)) await symlink(resolve(site, f), join(root, f));
await symlink(resolve(backup), join(root, 'bench-backup.json'));
const server = await serve(root);
const browser = await launch();
const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
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
console.log(`${people.clients} clients, opened from the backup in ${((Date.now() - opened) / 1000).toFixed(1)} s`);

async function perFrame(label) {
  await page.waitForTimeout(1500);  // the screen's first frame computes what it shows
  const read = () => page.evaluate(() => [window.bridgework.ui.frames(), window.bridgework.ui.drawTime(), window.bridgework.ui.frameTime()]);
  const [f0, d0, t0] = await read();
  for (let i = 0; i < 80; ++i) {
    await page.mouse.move(700 + (i % 2) * 40, 450 + (i % 5) * 10);
    await page.waitForTimeout(25);
  }
  const [f1, d1, t1] = await read();
  const n = Math.max(1, f1 - f0);
  console.log(`${label.padEnd(44)} ${((d1 - d0) / n).toFixed(2).padStart(8)} ms per frame, ${((t1 - t0) / n).toFixed(2).padStart(6)} ms ` +
              `with ImGui and rendering (${f1 - f0} frames; bench.mjs prints the bare page's)`);
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
}

for (const [who, name] of [[people.ers, 'the ERS holding the caseload'], [people.bsr, 'a BSR']]) {
  await open(who, 'My Work');
  await perFrame(`My Work, ${name}`);
  await open(who, 'Inbox');
  await perFrame(`Inbox, ${name}`);
}
for (const [section, who, tab] of [['Clients', people.ers], ['Employers', people.bsr], ['Jobs', people.bsr],
                                   ['Reports', people.bsr], ['Reports', people.manager, 'Performance standards'],
                                   ['Reports', people.manager, 'Targets'], ['Feed', people.manager],
                                   ['Open issues', people.manager]]) {
  await open(who, section, tab);
  await perFrame(`${section}${tab ? ': ' + tab : ''}`);
}
if (page.errors.length) console.log('page errors:', page.errors.join('\n'));
await browser.close();
server.close();
await rm(root, { recursive: true });
