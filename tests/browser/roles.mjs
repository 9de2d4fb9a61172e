// Every screen as every role of the demo at 1366x768 (a common office laptop):
// each screen the role is offered opens and draws inside the window (nothing
// is cut off at the right edge or needs sideways scrolling); and at half that
// width, where screens scroll sideways rather than squeeze their lists. With SHOTS=1
// (`./dev screens`) each is kept as a screenshot in artifacts/roles/ to look at.
// Usage: [SHOTS=1] [ONLY_ROLE=<part of a role>] node roles.mjs <built site folder>.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { start, openApp, widget, click, type } from './harness.mjs';

const { artifacts, server, browser, test, finish, bw } = await start();
const shots = join(artifacts, 'roles');
await mkdir(shots, { recursive: true });
const width = 1366, height = 768;
const sidebar = 230;  // CSS px: its entries are the screens offered
const tabs = { Reports: ['Performance standards', 'Targets'], Settings: ['Staff', 'Business services', 'Workspace'] };

// One person for each kind of day in the demo.
const people = [
  ['Administrator', null],
  ['ERS', 'Tomás Reyes'],
  ['ACA', null],
  ['Case Manager', null],
  ['BSR', 'Lena Fischer'],
  ['Manager', 'Priya Raman'],
  ['Board Program Manager', null],
  ['Training provider', 'Grace Holloway'],
];
const roleName = {
  'Administrator': 'administrator', 'ERS': 'ers', 'ACA': 'aca', 'Case Manager': 'case_manager', 'BSR': 'bsr',
  'Manager': 'manager', 'Board Program Manager': 'board_program_manager', 'Training provider': 'training_provider_staff',
};

// Screenshots are kept when SHOTS=1 (`./dev screens`); the suite checks the layout only.
const keep = process.env.SHOTS === '1';

async function checkScreens(page, who) {
  // The sidebar's entries: left of the content, above the person's name and the status bar.
  const signOut = await widget(page, 'Sign out');  // in a frame drawn for this person
  const items = await bw(page, () => window.bridgework.ui.items());
  const entries = items.filter(i => i.x < sidebar && i.y < signOut.y - 40).map(i => i.label);
  assert.ok(entries.length >= 3, `${who}: the sidebar offers screens (${entries.join(', ')})`);
  const problems = [];
  const look = async (where, file) => {
    const wide = (await bw(page, () => window.bridgework.ui.items())).filter(i => i.x + i.w > width + 1);
    if (wide.length) problems.push(`${where}: drawn past the right edge: ${wide.map(i => i.label).join(', ')}`);
    if (keep) await page.screenshot({ path: join(shots, `${file}.png`) });
  };
  for (const entry of entries) {
    await click(page, entry);  // the click waits for the frames after it
    const file = `${who}-${entry.replace(/ \(\d+\)$/, '')}`.replace(/[^A-Za-z0-9]+/g, '-').toLowerCase();
    await look(`${who} / ${entry}`, file);
    for (const tab of tabs[entry] || []) {
      if (!(await bw(page, l => window.bridgework.ui.rect(l), tab))) continue;  // not offered to this role
      await click(page, tab);
      await look(`${who} / ${entry} / ${tab}`, `${file}-${tab.replace(/[^A-Za-z0-9]+/g, '-').toLowerCase()}`);
    }
  }
  return { entries, problems };
}

await test(`every screen as every staff role at ${width}x${height}`, async context => {
  const page = await openApp(context, server.url);
  await page.setViewportSize({ width, height });
  await click(page, 'Open the demo workspace');
  await page.waitForFunction(() => window.bridgework.state().save.state === 'saved' && window.bridgework.state().signed_in);
  const staff = await bw(page, () => window.bridgework.query('staff').result);
  const problems = [];
  for (const [role, name] of people) {
    if (process.env.ONLY_ROLE && !role.includes(process.env.ONLY_ROLE)) continue;
    const person = name ? staff.find(s => s.name === name) : staff.find(s => s.active && s.role === roleName[role]);
    assert.ok(person && person.active, `the demo has an active ${role}`);
    await click(page, 'Sign out');
    await click(page, person.name);
    await page.waitForFunction(id => window.bridgework.state().signed_in === id, person.id);
    const seen = await checkScreens(page, role);
    problems.push(...seen.problems);
    if (role === 'Training provider') assert.ok(!seen.entries.includes('Clients') && !seen.entries.includes('Feed'));
    else assert.ok(seen.entries.includes('My Work'), `${role} has My Work`);
  }
  assert.deepEqual(problems, []);
});

await test('every screen of an ERS and a BSR at half a laptop screen (683x768): no list squeezes its text to a letter a line, no sentence or field runs past the edge', async context => {
  // Below the least width of a screen, the screen scrolls sideways rather than squeeze its tables' columns.
  const page = await openApp(context, server.url);
  await page.setViewportSize({ width: 683, height: 768 });
  await click(page, 'Open the demo workspace');
  await page.waitForFunction(() => window.bridgework.state().save.state === 'saved' && window.bridgework.state().signed_in);
  const problems = [];
  for (const name of ['Tomás Reyes', 'Lena Fischer']) {
    await click(page, 'Sign out');
    await click(page, name);
    const signOut = await widget(page, 'Sign out');
    const entries = (await bw(page, () => window.bridgework.ui.items())).filter(i => i.x < sidebar && i.y < signOut.y - 40).map(i => i.label);
    for (const entry of entries) {
      await click(page, entry);
      const content = (await bw(page, () => window.bridgework.ui.items())).filter(i => i.x >= sidebar);
      // A label of two words or more drawn in the content, in a column a few letters wide, wraps a letter a line.
      const squeezed = content.filter(i => i.label.length >= 12 && i.label.includes(' ') && i.w < 60);
      if (squeezed.length) problems.push(`${name} / ${entry}: ${squeezed.map(i => `${i.label} (${Math.round(i.w)} px)`).join(', ')}`);
      // A sentence around the tables (a message, a count) wraps at the window's edge, not past it.
      const past = content.filter(i => i.label.split(' ').length >= 5 && i.x + i.w > 683);
      if (past.length) problems.push(`${name} / ${entry}: past the edge: ${past.map(i => `${i.label} (to ${Math.round(i.x + i.w)} px)`).join(', ')}`);
    }
  }
  // A row of filters wraps rather than put the screen's button and search box out of sight.
  await click(page, 'Sign out');
  await click(page, 'Tomás Reyes');
  for (const [entry, wanted] of [['Clients', ['Enrol client', 'contact', 'Active only']], ['Feed', ['feed_search', 'Oldest first']],
                                 ['Employers', ['owner', 'Active accounts only']], ['Jobs', ['Closed', 'All']]]) {
    await click(page, entry);
    const seen = (await bw(page, () => window.bridgework.ui.items())).map(i => i.label);
    for (const w of wanted) if (!seen.includes(w)) problems.push(`Tomás Reyes / ${entry}: "${w}" out of sight`);
  }
  // A form's field narrows so that it and its label fit the line.
  await click(page, 'Sign out');
  // The job board's sign-in under the staff list: its fields and button wrap rather than run past the edge.
  await widget(page, 'Email or client number');
  const signIn = await bw(page, () => window.bridgework.ui.items());
  for (const label of ['Email or client number', 'Job board PIN', 'Sign in to the job board']) {
    const item = signIn.find(i => i.label === label);
    if (!item) problems.push(`Who are you?: "${label}" out of sight`);
    else if (item.x + item.w > 683) problems.push(`Who are you?: "${label}" ends at ${Math.round(item.x + item.w)} px`);
  }
  const staff = await bw(page, () => window.bridgework.query('staff', {}).result);
  await click(page, staff.find(s => s.active && s.role === 'administrator').name);
  await click(page, 'Settings');
  const field = await widget(page, 'Organisation name');
  if (field.x + field.w > 683) problems.push(`Administrator / Settings: "Organisation name" ends at ${Math.round(field.x + field.w)} px`);
  assert.deepEqual(problems, []);
});

await test(`the job board as a job seeker at ${width}x${height}`, async context => {
  const page = await openApp(context, server.url);
  await page.setViewportSize({ width, height });
  await click(page, 'Open the demo workspace');
  await page.waitForFunction(() => window.bridgework.state().save.state === 'saved' && window.bridgework.state().signed_in);
  const seeker = (await bw(page, () => window.bridgework.query('clients', {}).result)).find(c => c.portal_access);
  await click(page, 'Sign out');
  await type(page, 'Email or client number', seeker.email);
  await type(page, 'Job board PIN', '2468');
  await click(page, 'Sign in to the job board');
  await page.waitForFunction(id => window.bridgework.state().signed_in === id, seeker.id);
  await widget(page, 'job_search');
  const over = (await bw(page, () => window.bridgework.ui.items())).filter(i => i.x + i.w > width + 1);
  assert.deepEqual(over.map(i => i.label), []);
  // M6: they withdraw an interest, after a confirmation.
  await click(page, 'No longer interested');
  await click(page, 'Withdraw my interest');
  await page.waitForFunction(() => window.bridgework.query('my_matches', {}).result.some(m => m.stage === 'withdrawn'));
  if (keep) await page.screenshot({ path: join(shots, 'job-seeker-job-board.png') });
});

await browser.close();
server.close();
finish();
