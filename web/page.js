// The page's glue: starts the app, keeps one writing tab per workspace (W1),
// and offers window.bridgework to tests, trainers and scripts
// (docs/automation.md). Every change goes through the C++ core.
'use strict';
(function () {
  const S = window.BWStorage;
  let workspace = null;       // the open workspace's id
  let channel = null;         // BroadcastChannel between tabs of that workspace
  let releaseLock = null;     // set while this tab holds the writer lock
  let batch = null;           // the write being assembled by C++
  let savedChange = 0;
  let waiting = [];           // dispatches waiting for their change to be saved
  let readyResolve;
  const ready = new Promise(r => { readyResolve = r; });

  const call = (name, types, args) => Module.ccall(name, 'string', types, args);
  const callJson = (name, types, args) => JSON.parse(call(name, types, args));

  // [SECTION] Hand-overs from C++ (web/library_bridgework.js)
  const BW = {
    writeBegin(id) { batch = { id, puts: [] }; },
    writePut(bucket, value) { batch.puts.push([bucket, value]); },
    writeCommit(meta) {
      const { id, puts } = batch;
      batch = null;
      S.write(id, puts, meta).then(
        () => {
          if (id !== workspace) return;
          Module.ccall('bw_write_done', null, ['number', 'string'], [1, '']);
          if (channel) channel.postMessage({ type: 'saved' });
        },
        reason => {
          if (id === workspace) Module.ccall('bw_write_done', null, ['number', 'string'], [0, reason]);
        });
    },
    saved(change) {
      savedChange = change;
      const done = waiting.filter(w => w.change <= change);
      waiting = waiting.filter(w => w.change > change);
      done.forEach(w => w.resolve(w.result));
    },
    saveFailed(reason) {
      const failed = waiting;
      waiting = [];
      failed.forEach(w => w.resolve({ ok: false, error: { code: 'save_failed', message: 'Not saved: ' + reason } }));
    },
    registerWorkspace(id, name, demo) {
      switchTo(id);
      holdLock(id, false);
      (async () => {
        if (demo) {  // W3: one demo per browser; opening a new one resets it
          for (const w of await S.listWorkspaces())
            if (w.demo && w.id !== id) await S.deleteWorkspace(w.id);
        }
        await S.putWorkspace({ id, name, demo, created: new Date().toISOString() });
        await sendDirectory();
      })().catch(e => storageProblem(e));
    },
    openWorkspace(id) { openWorkspace(id); },
    closeWorkspace() {
      switchTo(null);
      sendDirectory();
    },
    useHere() { useHere(); },
    // N5: the letter (HTML escaped by the core) over the app, ready to print.
    showLetter(html) {
      document.getElementById('letter-body').innerHTML = html;
      document.getElementById('letter').hidden = false;
      document.getElementById('letter-print').focus();
    },
    // R2 exports and backups: a file the browser saves.
    download(name, bytes, mime) {
      const url = URL.createObjectURL(new Blob([bytes], { type: mime }));
      const a = document.createElement('a');
      a.href = url;
      a.download = name;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60000);
    },
    // A backup file chosen by the person, opened as a new workspace.
    pickBackup() {
      const input = document.createElement('input');
      input.type = 'file';
      input.accept = '.json,application/json';
      input.addEventListener('change', async () => {
        if (input.files.length) await window.bridgework.openBackup(await input.files[0].text());
      });
      input.click();
    },
    // K2: a ready email (made by the core) to open in the mail app or copy.
    showEmail(email) {
      const missing = email.without_address.length ? ' (no address: ' + email.without_address.join(', ') + ')' : '';
      document.getElementById('email-to').textContent = (email.to.join(', ') || 'nobody with an address') + missing;
      document.getElementById('email-subject').textContent = email.subject;
      document.getElementById('email-body').value = email.body;
      document.getElementById('email-open').href = email.mailto;
      document.getElementById('email-copied').textContent = '';
      document.getElementById('email').hidden = false;
      document.getElementById('email-open').focus();
    },
  };
  window.BW = BW;

  function closeEmail() {
    document.getElementById('email').hidden = true;
    document.getElementById('canvas').focus();
  }
  document.getElementById('email-close').addEventListener('click', closeEmail);
  document.getElementById('email-copy').addEventListener('click', async () => {
    const e = document.getElementById('email');
    const text = 'To: ' + document.getElementById('email-to').textContent + '\nSubject: ' +
                 document.getElementById('email-subject').textContent + '\n\n' + document.getElementById('email-body').value;
    let copied = false;
    try { await navigator.clipboard.writeText(text); copied = true; } catch (err) { /* not allowed: select instead */ }
    if (!copied) {
      const body = document.getElementById('email-body');
      body.focus();
      body.select();
      copied = document.execCommand && document.execCommand('copy');
    }
    document.getElementById('email-copied').textContent = copied ? 'Copied.' : 'Select the text and copy it.';
    e.dataset.copied = copied ? 'yes' : 'no';
  });
  document.getElementById('email').addEventListener('keydown', e => {
    e.stopPropagation();
    if (e.key === 'Escape') closeEmail();
  });

  function closeLetter() {
    document.getElementById('letter').hidden = true;
    document.getElementById('canvas').focus();
  }
  document.getElementById('letter-print').addEventListener('click', () => window.print());
  document.getElementById('letter-close').addEventListener('click', closeLetter);
  document.getElementById('letter').addEventListener('keydown', e => {
    e.stopPropagation();  // keys here are not the app's
    if (e.key === 'Escape') closeLetter();
  });

  function storageProblem(e) {
    Module.ccall('bw_storage_problem', null, ['string'], ['Saving is not possible: ' + S.describe(e)]);
  }

  async function sendDirectory() {
    const list = await S.listWorkspaces().catch(() => []);
    list.sort((a, b) => a.name.localeCompare(b.name));
    Module.ccall('bw_set_directory', null, ['string'], [JSON.stringify(list)]);
    return list;
  }

  // [SECTION] One writing tab per workspace (W1)
  function switchTo(id) {
    if (releaseLock) { releaseLock(); releaseLock = null; }
    if (channel) { channel.close(); channel = null; }
    workspace = id;
    savedChange = 0;
    try { localStorage.setItem('bridgework.last', id || ''); } catch (e) { /* not kept */ }
    if (!id) return;
    if (typeof BroadcastChannel !== 'undefined') {
      channel = new BroadcastChannel('bridgework:' + id);
      channel.onmessage = e => onMessage(id, e.data);
    }
  }

  // Resolves true when this tab holds the writer lock. Without the Web Locks
  // API (old browsers) every tab writes, as before the lock existed.
  function holdLock(id, wait) {
    if (!navigator.locks) return Promise.resolve(true);
    return new Promise(resolve => {
      navigator.locks.request('bridgework:' + id, wait ? {} : { ifAvailable: true }, lock => {
        if (!lock || id !== workspace) { resolve(false); return undefined; }
        resolve(true);
        return new Promise(release => { releaseLock = release; });
      });
    });
  }

  let reloadTimer = null;
  function onMessage(id, message) {
    if (id !== workspace) return;
    if (message.type === 'release' && releaseLock) {
      // Another tab asked to write: stop changing, finish saving, hand over.
      Module.ccall('bw_set_writer', null, ['number'], [0]);
      Module.ccall('bw_flush', null, [], []);
      const handOver = () => {
        if (!Module.ccall('bw_idle', 'number', [], [])) { setTimeout(handOver, 50); return; }
        // Stay read-only until this tab's own "Use here": queueing for the lock at
        // once could win it back before the asking tab's request arrives.
        if (releaseLock) { releaseLock(); releaseLock = null; }
      };
      handOver();
    } else if (message.type === 'saved' && !releaseLock) {
      clearTimeout(reloadTimer);  // a read-only tab follows the writer's saves
      reloadTimer = setTimeout(() => reload(id, false), 300);
    }
  }

  function useHere() {
    if (!workspace || releaseLock) return;
    clearTimeout(reloadTimer);
    const id = workspace;
    if (channel) channel.postMessage({ type: 'release' });
    holdLock(id, true).then(got => { if (got) reload(id, true); });
  }

  // Reads the stored workspace into the app.
  async function reload(id, writer) {
    let data;
    try {
      data = await S.readWorkspace(id);
    } catch (e) {
      Module.ccall('bw_load_failed', null, ['string'], ['This workspace could not be opened: ' + S.describe(e)]);
      return false;
    }
    // A read-only refresh that finished after this tab became the writer is stale.
    if (id !== workspace || (!writer && releaseLock)) return false;
    if (data.meta === null) {
      Module.ccall('bw_load_failed', null, ['string'], ['This workspace has no saved data. Choose another or open the demo.']);
      return false;
    }
    if (!Module.ccall('bw_load_begin', 'number', ['string'], [data.meta])) return false;
    for (const value of data.buckets)
      if (!Module.ccall('bw_load_bucket', 'number', ['string'], [value])) return false;
    Module.ccall('bw_load_end', null, ['number'], [writer ? 1 : 0]);
    return true;
  }

  async function openWorkspace(id) {
    switchTo(id);
    const writer = await holdLock(id, false);
    await reload(id, writer);
  }

  // [SECTION] Start
  async function start() {
    if (typeof indexedDB === 'undefined' || !indexedDB) {
      storageProblem({ name: 'InvalidStateError' });
      readyResolve();
      return;
    }
    if (navigator.storage && navigator.storage.persist) {
      navigator.storage.persist().then(p => Module.ccall('bw_set_persisted', null, ['number'], [p ? 1 : 0]),
                                       () => Module.ccall('bw_set_persisted', null, ['number'], [0]));
    }
    let list = [];
    try { list = await sendDirectory(); } catch (e) { storageProblem(e); }
    let last = '';
    try { last = localStorage.getItem('bridgework.last') || ''; } catch (e) { /* none */ }
    if (last && list.some(w => w.id === last)) {
      Module.ccall('bw_api_open_workspace', null, ['string'], [last]);
      while (JSON.parse(call('bw_api_state', [], [])).loading) await new Promise(r => setTimeout(r, 20));
    }
    readyResolve();
  }

  // Pending writes are started as soon as the page is hidden or left.
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden' && window.Module && Module.calledRun) Module.ccall('bw_flush', null, [], []);
  });
  window.addEventListener('pagehide', () => {
    if (window.Module && Module.calledRun) Module.ccall('bw_flush', null, [], []);
  });

  // [SECTION] window.bridgework (docs/automation.md)
  function afterSave(result) {
    if (!result.ok) return Promise.resolve(result);
    const { change, ...answer } = result;
    if (change <= savedChange) return Promise.resolve(answer);
    return new Promise(resolve => waiting.push({ change, resolve, result: answer }));
  }

  window.bridgework = {
    ready,
    dispatch(command) {
      let text;
      try { text = JSON.stringify(command); } catch (e) { text = 'null'; }
      return afterSave(callJson('bw_api_dispatch', ['string'], [text]));
    },
    query(name, args) {
      return callJson('bw_api_query', ['string', 'string'], [String(name), JSON.stringify(args || {})]);
    },
    commands() { return callJson('bw_api_catalogue', [], []).commands; },
    queries() { return callJson('bw_api_catalogue', [], []).queries; },
    state() { return callJson('bw_api_state', [], []); },
    signIn(staff, pin) { return callJson('bw_api_sign_in', ['string', 'string'], [String(staff), pin ? String(pin) : '']); },
    signOut() { Module.ccall('bw_api_sign_out', null, [], []); },
    openDemo() { return afterSave(callJson('bw_api_open_demo', [], [])); },
    createWorkspace({ board, administrator, email } = {}) {
      return afterSave(callJson('bw_api_create_workspace', ['string', 'string', 'string'],
                                [board || '', administrator || '', email || '']));
    },
    openBackup(text) {
      // A backup can be large: it goes through the heap, not the stack ccall uses for strings.
      const str = String(text), size = Module.lengthBytesUTF8(str) + 1, ptr = Module._malloc(size);
      Module.stringToUTF8(str, ptr, size);
      return afterSave(callJson('bw_api_open_backup', ['number'], [ptr]));  // C++ frees it
    },
    async workspaces() { return S.listWorkspaces(); },
    async openWorkspace(id) { await openWorkspace(String(id)); return window.bridgework.state(); },
    useHere() { useHere(); },
    clock: {
      now() { return callJson('bw_api_clock', [], []).now; },
      info() { return callJson('bw_api_clock', [], []); },
      set(at) { return window.bridgework.dispatch({ type: 'set_demo_clock', at }); },
    },
    ui: {
      // Where labelled widgets were drawn in the last frame, in CSS pixels.
      items() { return callJson('bw_api_ui_items', [], []); },
      rect(label) { return window.bridgework.ui.items().find(i => i.label === label) || null; },
    },
  };

  // [SECTION] Emscripten module
  const canvas = document.getElementById('canvas');
  canvas.addEventListener('webglcontextlost', e => {
    e.preventDefault();
    document.getElementById('status').textContent = 'The graphics context was lost: reload the page. Saved changes are kept.';
    document.getElementById('status').hidden = false;
  });
  window.Module = {
    canvas,
    print: text => console.log(text),
    printErr: text => console.warn(text),
    onRuntimeInitialized() {
      document.getElementById('status').hidden = true;
      start();
    },
    onAbort(what) {
      const status = document.getElementById('status');
      status.textContent = 'Bridgework stopped because of an error (' + what + '). Reload the page; saved changes are kept.';
      status.hidden = false;
    },
  };
})();
