// Browser tests of corrections, confirmations and tables, as staff use them:
// real clicks and keystrokes, results read back through window.bridgework.
// Usage: [ONLY=<part of a test name>] node corrections.mjs <built site folder>.
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { start, openApp, widget, click, pointAndClick, press, type, labels } from './harness.mjs';

const { artifacts, server, browser, test, finish, bw } = await start();
const saved = page => page.waitForFunction(() => window.bridgework.state().save.state === 'saved');

async function openDemoAs(page, name) {
  await click(page, 'Open the demo workspace');
  await page.waitForFunction(() => window.bridgework.state().save.state === 'saved' && window.bridgework.state().signed_in);
  await click(page, 'Sign out');
  await click(page, name);
}

// The job a BSR owns and may edit: open, theirs.
async function ownJob(page, owner) {
  const jobs = await bw(page, () => window.bridgework.query('jobs', {}).result);
  return jobs.find(j => j.owner_name === owner && j.status === 'open');
}

await test('the owner corrects a job order through its page; the description is edited on several lines and shown in full (P4, J2)', async context => {
  const page = await openApp(context, server.url);
  await openDemoAs(page, 'Lena Fischer');
  const job = await ownJob(page, 'Lena Fischer');
  assert.ok(job, 'Lena owns an open job in the demo');
  await click(page, 'Jobs');
  await click(page, job.title);
  await click(page, 'Edit the job order');
  const title = await widget(page, 'Job title');
  await pointAndClick(page, title.x + 12, title.y + title.h / 2);
  await press(page, 'Control+A');
  await page.keyboard.type(`${job.title} (evenings)`, { delay: 10 });
  const area = await widget(page, 'description');
  await pointAndClick(page, area.x + 20, area.y + 10);
  await press(page, 'Control+A');
  const long = 'Greets patients, schedules visits and keeps the front desk running. '.repeat(3).trim();
  await page.keyboard.type(long, { delay: 2 });
  await press(page, 'Enter');
  await page.keyboard.type('Two evenings a week until 8 pm.', { delay: 5 });
  await click(page, 'Save the job order');
  await saved(page);
  const after = await bw(page, id => window.bridgework.query('job', { id }).result, job.id);
  assert.equal(after.title, `${job.title} (evenings)`);
  assert.equal(after.description, `${long}\nTwo evenings a week until 8 pm.`);
  const audit = await bw(page, id => window.bridgework.query('audit', { record: id }).result, job.id);
  const lena = await bw(page, () => window.bridgework.state().signed_in);
  assert.ok(audit.some(e => e.command === 'edit_job' && e.summary.includes('description') && e.by === lena),
            JSON.stringify(audit.slice(-2)));
  await widget(page, 'Saved; the change is in the job\'s history.');
  await page.screenshot({ path: join(artifacts, 'job-edited.png') });
});

await test('a service is voided with a reason: struck through, out of the ESE files, in the history (P4, R1)', async context => {
  const page = await openApp(context, server.url);
  await openDemoAs(page, 'Lena Fischer');
  const me = await bw(page, () => window.bridgework.state().signed_in);
  const services = await bw(page, id => window.bridgework.query('services', { staff: id }).result, me);
  const service = services.find(s => s.entered_by === me || s.staff === me);
  assert.ok(service, 'Lena entered services in the demo');
  // R2: the program-year quarter of the service (July to June; Q1 Jul-Sep).
  const [y, m] = service.date.split('-').map(Number);
  const pq = { program_year: m >= 7 ? y : y - 1, quarter: [3, 3, 3, 4, 4, 4, 1, 1, 1, 2, 2, 2][m - 1] };
  const ese = () => bw(page, q => window.bridgework.query('ese_report', q).result.services, pq);
  const counted = await ese();
  await click(page, 'Employers');
  await click(page, service.employer_name);
  await click(page, 'Services');
  // Lena sees "Void" only on the services she entered; the first is voided here.
  await click(page, 'Void');
  await type(page, 'Why it is voided', 'Entered twice');
  await click(page, 'Void service');
  await widget(page, 'Void it');
  await page.screenshot({ path: join(artifacts, 'service-void-confirm.png') });
  await click(page, 'Void it');
  await saved(page);
  const now = await bw(page, id => window.bridgework.query('services', { employer: id }).result, service.employer);
  const voided = now.filter(s => s.voided_at);
  assert.equal(voided.length, 1);
  assert.equal(voided[0].void_reason, 'Entered twice');
  assert.equal(voided[0].voided_by, me);
  await widget(page, 'Voided; it stays in the history, struck through.');
  await page.screenshot({ path: join(artifacts, 'service-voided.png') });
  // Out of the ESE report of its quarter, still listed in the employer's history and its audit.
  const [vy, vm] = voided[0].date.split('-').map(Number);
  const vq = { program_year: vm >= 7 ? vy : vy - 1, quarter: [3, 3, 3, 4, 4, 4, 1, 1, 1, 2, 2, 2][vm - 1] };
  if (vq.program_year === pq.program_year && vq.quarter === pq.quarter) assert.equal(await ese(), counted - 1);
  const audit = await bw(page, id => window.bridgework.query('audit', { record: id }).result, voided[0].id);
  assert.ok(audit.some(e => e.command === 'void_service' && e.summary.includes('Entered twice')));
});

await test('R1: paperwork is caught before saving, and saving it anyway needs the person to confirm it', async context => {
  const page = await openApp(context, server.url);
  await openDemoAs(page, 'Lena Fischer');
  const jobs = await bw(page, () => window.bridgework.query('employers', {}).result);
  const employer = jobs.find(e => e.owners.some(o => o.name === 'Lena Fischer')) || jobs[0];
  await click(page, 'Employers');
  await click(page, employer.legal_name);
  await click(page, 'Services');
  await click(page, 'Service type');
  const types = await bw(page, () => window.bridgework.query('business_settings', {}).result.local_service_types.map(t => t.name));
  await click(page, types[0]);
  await type(page, 'What the employer gained', 'Received their signed paperwork');
  const warned = (await labels(page)).find(l => l.startsWith('This reads like paperwork only.'));
  assert.ok(warned, 'the warning is shown while typing');
  const before = await bw(page, id => window.bridgework.query('services', { employer: id }).result.length, employer.id);
  await click(page, 'Log service');
  await widget(page, 'This reads like paperwork only. Receiving or submitting paperwork is not a service: say what the employer gained (R1). If it is a real service, confirm it and save again.');
  assert.equal(await bw(page, id => window.bridgework.query('services', { employer: id }).result.length, employer.id), before);
  await click(page, 'It is a real service: the employer gained more than paperwork');
  await click(page, 'Log service');
  await saved(page);
  await widget(page, 'Logged.');
  assert.equal(await bw(page, id => window.bridgework.query('services', { employer: id }).result.length, employer.id), before + 1);
});

await test('closing a job asks first: Cancel leaves it open, the confirmation closes it', async context => {
  const page = await openApp(context, server.url);
  await openDemoAs(page, 'Lena Fischer');
  const job = await ownJob(page, 'Lena Fischer');
  await click(page, 'Jobs');
  await click(page, job.title);
  await type(page, 'Why it is closed', 'Filled');
  await click(page, 'Close job');
  await widget(page, 'Close the job');
  const question = (await labels(page)).find(l => l.includes('closes (Filled): it leaves the job board for good'));
  assert.ok(question, 'the dialog says what will happen');
  await page.screenshot({ path: join(artifacts, 'close-job-confirm.png') });
  await click(page, 'Cancel');
  await page.waitForTimeout(300);
  assert.equal((await bw(page, id => window.bridgework.query('job', { id }).result, job.id)).status, 'open');
  await click(page, 'Close job');
  await click(page, 'Close the job');
  await saved(page);
  assert.equal((await bw(page, id => window.bridgework.query('job', { id }).result, job.id)).status, 'closed');
});

// The names in a column, top to bottom, as drawn.
async function column(page, names) {
  const items = await bw(page, () => window.bridgework.ui.items());
  return items.filter(i => names.includes(i.label)).sort((a, b) => a.y - b.y).map(i => i.label);
}

await test('the Employers and Jobs tables sort by a clicked column, both ways, and say how many rows they show', async context => {
  const page = await openApp(context, server.url);
  await page.setViewportSize({ width: 1366, height: 900 });
  await openDemoAs(page, 'Lena Fischer');
  const employers = (await bw(page, () => window.bridgework.query('employers', {}).result)).map(e => e.legal_name);
  await click(page, 'Employers');
  await widget(page, `${employers.length} employers`);
  await click(page, 'Employer');  // the header
  await page.waitForTimeout(200);
  const up = await column(page, employers);
  assert.deepEqual(up, [...up].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' }) || (a < b ? -1 : 1)));
  await click(page, 'Employer');
  await page.waitForTimeout(200);
  const down = await column(page, employers);
  assert.deepEqual(down, [...up].reverse());
  // A search that finds nothing says so and offers to clear the filters.
  await type(page, 'employer_search', 'zzz-no-such-employer');
  await widget(page, 'Clear the filters');
  await widget(page, `0 of ${employers.length} employers`);
  await click(page, 'Clear the filters');
  await widget(page, `${employers.length} employers`);

  await click(page, 'Jobs');
  await click(page, 'All');
  const jobs = await bw(page, () => window.bridgework.query('jobs', { view: 'all' }).result);
  await widget(page, `${jobs.length} jobs`);
  await click(page, 'Applications close');
  await page.waitForTimeout(200);
  const titles = [...new Set(jobs.map(j => j.title))];
  const shown = await column(page, titles);
  const deadline = Object.fromEntries(jobs.map(j => [j.title, j.deadline]));
  for (let k = 1; k < shown.length; ++k) assert.ok(deadline[shown[k - 1]] <= deadline[shown[k]], `${shown[k - 1]} before ${shown[k]}`);
  await click(page, 'Applications close');
  await page.waitForTimeout(200);
  const back = await column(page, titles);
  for (let k = 1; k < back.length; ++k) assert.ok(deadline[back[k - 1]] >= deadline[back[k]]);
  await page.screenshot({ path: join(artifacts, 'jobs-sorted.png') });
});

await test('the Clients table keeps its column\'s order while a search is typed, deleted and typed again, and across a save', async context => {
  const page = await openApp(context, server.url);
  await page.setViewportSize({ width: 1366, height: 900 });
  await openDemoAs(page, 'Tomás Reyes');
  await click(page, 'Clients');
  await click(page, 'Enrolled');  // the header: oldest enrolment first
  const label = c => `${c.last_name}, ${c.first_name}`;
  // The rows the table must show: the query's (in id order), by enrolment date, ties as they came.
  const expected = async (search, newest) => {
    const found = await bw(page, s => window.bridgework.query('clients', { search: s, active_only: true }).result, search);
    const sorted = found.map((c, k) => [c, k]).sort(([a, i], [b, j]) => (a.enrolled_on < b.enrolled_on ? -1 : a.enrolled_on > b.enrolled_on ? 1 : i - j));
    const rows = sorted.map(([c]) => label(c));
    return newest ? [...rows].reverse() : rows;
  };
  const shows = async (search, newest = false) => {
    const rows = await expected(search, newest);
    assert.ok(rows.length > 0, `some client has "${search}"`);
    let drawn = [];
    for (let tries = 0; tries < 50; ++tries) {  // the frames that follow the last key
      drawn = await column(page, rows);
      if (drawn.length >= Math.min(rows.length, 5) && drawn.every((r, k) => r === rows[k])) break;
      await page.waitForTimeout(100);
    }
    assert.ok(drawn.length >= Math.min(rows.length, 5), `${drawn.length} rows drawn for "${search}"`);
    assert.deepEqual(drawn, rows.slice(0, drawn.length), `the rows for "${search}"`);
  };
  await type(page, 'search', 'ar');
  await shows('ar');
  await press(page, 'Backspace');
  await shows('a');
  await page.keyboard.type('l', { delay: 15 });
  await shows('al');
  // A save while the search is typed: the new client is found, in its place (enrolled today: last).
  const made = await bw(page, () => {
    const org = window.bridgework.query('organisations').result.find(o => o.name === 'Cedar Valley Career Center').id;
    const me = window.bridgework.query('staff', {}).result.find(s => s.name === 'Tomás Reyes').id;
    return window.bridgework.dispatch({ type: 'enrol_client', first_name: 'Alma', last_name: 'Zuniga', date_of_birth: '1990-05-01',
                                        programs: ['wioa_adult'], provider: org, primary_contact: me });
  });
  assert.equal(made.ok, true, JSON.stringify(made.error));
  await saved(page);
  const rows = await expected('al');
  assert.equal(rows[rows.length - 1], 'Zuniga, Alma');
  await click(page, 'Enrolled');  // newest first
  await shows('al', true);
  await widget(page, 'Zuniga, Alma');
});

await test('the Feed finds what the feed query finds while a search is typed, deleted and typed over (K1)', async context => {
  const page = await openApp(context, server.url);
  await page.setViewportSize({ width: 1366, height: 900 });
  await openDemoAs(page, 'Priya Raman');
  await click(page, 'Feed');
  const count = search => bw(page, s => window.bridgework.query('feed', { search: s, limit: 1e6 }).result.length, search);
  const all = await count('');
  assert.ok(all > 10, `the demo's manager has a feed (${all} items)`);
  // A word that some items have and others not, typed a letter at a time.
  const items = await bw(page, () => window.bridgework.query('feed', { limit: 1e6 }).result);
  const words = items.flatMap(i => i.text.toLowerCase().match(/[a-z]{6,}/g) || []);
  const word = words.find(w => { const n = items.filter(i => i.text.toLowerCase().includes(w)).length; return n > 1 && n < all / 2; });
  assert.ok(word, 'a word in some of the items');
  const shows = async search => {
    const n = await count(search);
    const text = n === all ? `${all} items` : `${n} of ${all} items`;
    await page.waitForFunction(t => window.bridgework.ui.items().some(i => i.label === t), text, { timeout: 10000 })
      .catch(async () => assert.fail(`"${search}": expected "${text}", drawn ${JSON.stringify(await labels(page))}`));
  };
  await type(page, 'feed_search', word.slice(0, 2));
  let typed = word.slice(0, 2);
  await shows(typed);
  for (const ch of word.slice(2)) {
    await page.keyboard.type(ch, { delay: 15 });
    typed += ch;
    await shows(typed);
  }
  for (let k = 0; k < 3; ++k) {
    await press(page, 'Backspace');
    typed = typed.slice(0, -1);
    await shows(typed);
  }
  await press(page, 'Control+A');
  await page.keyboard.type('zzqx', { delay: 15 });
  await page.waitForFunction(() => window.bridgework.ui.items().some(i => i.label === 'Nothing matches.' || i.label.startsWith('0 of ')));
  await press(page, 'Control+A');
  await page.keyboard.type(word, { delay: 15 });
  await shows(word);
});

await test('My Work\'s caseload sorts by a clicked column, both ways, and keeps the order across a save', async context => {
  const page = await openApp(context, server.url);
  // A laptop's height: below the issues, activities and matches, the caseload is reached by scrolling.
  await page.setViewportSize({ width: 1366, height: 640 });
  await openDemoAs(page, 'Tomás Reyes');
  const mine = await bw(page, () => {
    const me = window.bridgework.query('staff', {}).result.find(s => s.name === 'Tomás Reyes').id;
    return window.bridgework.query('clients', { primary_contact: me }).result;
  });
  assert.ok(mine.length >= 4, `${mine.length} clients`);
  const name = c => `${c.first_name} ${c.last_name}`;
  const names = mine.map(name);
  const byDate = [...mine].sort((a, b) => (a.enrolled_on < b.enrolled_on ? -1 : a.enrolled_on > b.enrolled_on ? 1 : 0));
  const drawnAs = async (expected, what) => {
    let drawn = [];
    for (let tries = 0; tries < 50 && JSON.stringify(drawn) !== JSON.stringify(expected); ++tries) {
      await page.waitForTimeout(100);
      // The caseload's rows: below its headers (the same names are above, in the issues and matches).
      const header = await bw(page, () => window.bridgework.ui.rect('Enrolled'));
      drawn = (await bw(page, () => window.bridgework.ui.items())).filter(i => names.includes(i.label) && i.y > header.y)
        .sort((a, b) => a.y - b.y).map(i => i.label);
    }
    assert.deepEqual(drawn, expected, what);
  };
  await click(page, 'Enrolled');
  await drawnAs(byDate.map(name), 'oldest enrolment first');
  await click(page, 'Enrolled');
  await drawnAs([...byDate].reverse().map(name), 'newest first');
  await click(page, 'Client');
  const byName = [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  await drawnAs(byName, 'by name');
  // A comment on one of them writes no client: the order stays. A corrected name moves its row.
  const comment = await bw(page, id => window.bridgework.dispatch({ type: 'add_comment', record: id, text: 'Called back.' }), mine[0].id);
  assert.equal(comment.ok, true, JSON.stringify(comment.error));
  await saved(page);
  await drawnAs(byName, 'by name, after a comment');
  const c = mine[0];
  const renamed = await bw(page, c => window.bridgework.dispatch({ type: 'update_client', client: c.id, first_name: 'Zoe',
    last_name: c.last_name, date_of_birth: c.date_of_birth, email: c.email, phone: c.phone }), c);
  assert.equal(renamed.ok, true, JSON.stringify(renamed.error));
  await saved(page);
  names[0] = `Zoe ${c.last_name}`;
  await drawnAs([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)), 'by name, after a name was corrected');
});

await test('the Employers screen as an ERS: the table has its normal widths, beside no missing button', async context => {
  const page = await openApp(context, server.url);
  await page.setViewportSize({ width: 1366, height: 768 });
  await openDemoAs(page, 'Tomás Reyes');
  await click(page, 'Employers');
  const employers = (await bw(page, () => window.bridgework.query('employers', {}).result)).map(e => e.legal_name);
  await widget(page, employers[0]);
  const items = await bw(page, () => window.bridgework.ui.items());
  assert.ok(!items.some(i => i.label === 'Enter employer'), 'case staff do not enter employers');
  const first = items.find(i => employers.includes(i.label));
  const search = items.find(i => i.label === 'employer_search');
  // The table starts at the left under the filters and spans the page: not squeezed beside them.
  assert.ok(first.x <= search.x + 4, `table at x=${first.x}, filters at x=${search.x}`);
  assert.ok(first.y > search.y + search.h, 'below the filters');
  assert.ok(first.w > 900, `rows span the page (${first.w} px)`);
  await page.screenshot({ path: join(artifacts, 'employers-ers-1366.png') });
});

await test('an issue clicked on My Work opens on the Issues tab of its client or employer; the client picker takes typing at once', async context => {
  const page = await openApp(context, server.url);
  await openDemoAs(page, 'Lena Fischer');
  const mine = await bw(page, () => window.bridgework.query('issues_to_act_on', {}).result);
  assert.ok(mine.length >= 1);
  const issue = mine[0];
  const about = issue.employer ? `${issue.employer_name} (employer)` : issue.client_name;
  await click(page, about);
  const where = issue.employer ? `#/employers/${issue.employer}/issues` : `#/clients/${issue.client}/issues`;
  await page.waitForFunction(h => location.hash === h, where, { timeout: 5000 });
  // The client picker of a job's referral: its search box has the keys as it opens.
  const job = await ownJob(page, 'Lena Fischer');
  await click(page, 'Jobs');
  await click(page, job.title);
  await click(page, 'Client');
  await widget(page, 'client_search');
  await page.keyboard.type('zzzz', { delay: 15 });
  await widget(page, 'No client by that name may see this job.');
});

await browser.close();
server.close();
finish();
