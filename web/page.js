// The page's glue: starts the app, keeps one writing tab per workspace (W1),
// and offers window.bridgework to tests, trainers and scripts
// (docs/automation.md). Every change goes through the C++ core.
'use strict';
(function () {
  const S = window.BWStorage;
  let workspace = null;       // the id of the workspace C++ is opening or has open (it decides)
  let channel = null;         // BroadcastChannel between tabs of that workspace
  let releaseLock = null;     // set while this tab holds the writer lock
  let batch = null;           // the write being assembled by C++
  let savedChange = 0;
  let waiting = [];           // dispatches waiting for their change to be saved
  const registering = new Map();  // workspace id -> Promise: listed in the directory, durably
  let retryDelay = 1000, retryTimer = null;  // after a failed write
  let readyResolve;
  const ready = new Promise(r => { readyResolve = r; });

  // Strings cross into wasm through the heap. ccall's 'string' copies them onto
  // the 5 MB wasm stack, which a long text overflows, and a trap there breaks
  // every later call. C++ copies what it keeps during the call.
  const utf8 = new TextEncoder();
  function cc(name, returns, args = []) {
    const answer = quietly(name, returns, args);
    wake();  // a call into the app may change what it shows
    return answer;
  }
  // The same, for a call that changes nothing shown (a read): no frame is
  // drawn for it, so that asking often (as a start-up waiting for its
  // workspace does) does not keep the app drawing.
  function quietly(name, returns, args = []) {
    if (!window.Module || !Module.calledRun) throw new Error('Bridgework is still starting: wait for window.bridgework.ready first.');
    const ptrs = [];
    try {
      const values = args.map(a => {
        if (typeof a !== 'string') return a;
        // The browser's own encoder: every stored value crosses here when a
        // workspace opens (hundreds of megabytes on a large board), and
        // Emscripten's stringToUTF8 is a JavaScript loop. UTF-8 takes at most 3
        // bytes a UTF-16 unit; only a very long text is measured first.
        const size = (a.length < 1 << 24 ? a.length * 3 : Module.lengthBytesUTF8(a)) + 1, ptr = Module._malloc(size) >>> 0;  // past 2 GB a pointer arrives negative
        if (!ptr) throw new Error('there is not enough memory for a text of ' + size + ' bytes');
        ptrs.push(ptr);
        const { written } = utf8.encodeInto(a, Module.HEAPU8.subarray(ptr, ptr + size - 1));
        Module.HEAPU8[ptr + written] = 0;
        return ptr;
      });
      return Module.ccall(name, returns, args.map(() => 'number'), values);
    } finally {
      ptrs.forEach(p => Module._free(p));
    }
  }
  const callJson = (name, args) => JSON.parse(cc(name, 'string', args));
  let answerPieces = [];  // of the query being answered
  const currentState = () => JSON.parse(quietly('bw_api_state', 'string'));

  // [SECTION] Idle: the app draws only for a moment after input or a call
  // into it (src/platform/main.cpp, frame), so an idle page costs nothing.
  const AWAKE_MS = 1500;
  let awakeUntil = performance.now() + AWAKE_MS, framesDrawn = 0, drawTime = 0, frameTime = 0, vertices = 0, resumeLoop = null;
  // The frame that first shows the latest call or input: a call changes the
  // app at once, input in the frame that reads it (ui.current()).
  let showingFrame = 0;
  function resumeFrames() {
    if (resumeLoop) { const resume = resumeLoop; resumeLoop = null; resume(); }
  }
  // Awake for `ms` (and until `frames` more are drawn): 0 for one frame.
  function wake(frames = 1, ms = AWAKE_MS) {
    awakeUntil = Math.max(awakeUntil, performance.now() + ms);
    showingFrame = Math.max(showingFrame, framesDrawn + frames);
    resumeFrames();
  }
  for (const type of ['pointermove', 'pointerdown', 'pointerup', 'wheel', 'keydown', 'keyup', 'touchstart',
                      'touchmove', 'touchend', 'focus', 'blur', 'resize', 'compositionend', 'paste'])
    window.addEventListener(type, () => wake(2), { capture: true, passive: true });
  document.addEventListener('visibilitychange', () => wake(2));
  // Emscripten's GLFW lets go of every held key on any blur it hears (it listens
  // on window, capturing). Focus moving within the page, as from the canvas to
  // the text element when a field is clicked, is not the window losing it: a
  // Ctrl held for Ctrl+V must stay held. The window's own blur still lets go.
  // No element's blur reaches a listener after this one: the page needs none.
  window.addEventListener('blur', e => { if (e.target !== window) e.stopImmediatePropagation(); }, true);

  // [SECTION] Text and the clipboard. While a field is edited the hidden text
  // element holds the focus: what the browser inserts into it (typed, composed,
  // dictated, picked, pasted) goes to the app, in order with the key presses
  // (src/platform/input.cpp), and the element stays empty.
  const textIn = document.getElementById('text-in'), canvas = document.getElementById('canvas');
  let composing = false;
  const sendText = text => { if (text) cc('bw_input_text', null, [text]); };
  // Its key presses make text through it, not through GLFW's keypress listener
  // (on window, capturing, added after this one).
  window.addEventListener('keypress', e => { if (e.target === textIn) e.stopImmediatePropagation(); }, true);
  textIn.addEventListener('compositionstart', () => { composing = true; });
  textIn.addEventListener('compositionend', e => {
    composing = false;
    sendText(e.data);
    textIn.value = '';
  });
  textIn.addEventListener('beforeinput', e => {
    if (composing || e.isComposing) return;  // the composition's result comes at its end
    if (e.inputType === 'insertText' || e.inputType === 'insertReplacementText')
      sendText(e.data != null ? e.data : e.dataTransfer && e.dataTransfer.getData('text/plain'));
    e.preventDefault();  // line breaks and deletions come from the keys, as in the app's fields
  });
  textIn.addEventListener('input', () => { if (!composing) textIn.value = ''; });
  // The clipboard's events reach the app from the text element, and from the
  // canvas too: a field clicked a moment ago may not have given the element
  // the focus yet when Ctrl+V comes (the click and the keys wait in order for
  // the app's frames, src/platform/input.cpp). The page's own dialogs keep theirs.
  const forApp = e => e.target === textIn || e.target === canvas || e.target === document.body;
  let ctrlV = false;  // the paste comes from Ctrl+V, which the app also sees
  window.addEventListener('keydown', e => { ctrlV = forApp(e) && e.ctrlKey && !e.altKey && e.code === 'KeyV'; }, true);
  window.addEventListener('keyup', () => { ctrlV = false; }, true);
  window.addEventListener('paste', e => {
    if (!forApp(e)) return;
    e.preventDefault();
    cc('bw_input_paste', null, [e.clipboardData.getData('text/plain').replace(/\r\n?/g, '\n'), ctrlV ? 1 : 0]);
  });
  // Copy and cut give the system clipboard the field's selected text; cut's
  // deletion is the app's own Ctrl+X.
  const copySelection = e => {
    if (!forApp(e)) return;
    const text = cc('bw_input_selection', 'string');
    if (!text) return;
    e.clipboardData.setData('text/plain', text);
    e.preventDefault();
  };
  window.addEventListener('copy', copySelection);
  window.addEventListener('cut', copySelection);

  // The first frame's fonts hold Basic Latin and Latin-1 only. Once it is
  // drawn, arrows, symbols and dingbats come as a second font, and the fonts
  // are made again with every character (src/ui/theme.cpp).
  function completeFonts() {
    fetch('symbols.ttf').then(r => (r.ok ? r.arrayBuffer() : Promise.reject(new Error(r.status)))).then(bytes => {
      Module.FS_createDataFile('/fonts', 'symbols.ttf', new Uint8Array(bytes), true, false, false);
    }).catch(() => { /* without it those characters show as the placeholder */ })
      .then(() => cc('bw_fonts_complete', null));
  }

  // [SECTION] Hand-overs from C++ (web/library_bridgework.js)
  const BW = {
    awake() { return performance.now() < awakeUntil || framesDrawn < showingFrame; },
    answerPiece(text) { answerPieces.push(text); },  // bridgework.query's, a long list's rows
    // inputLeft: keys, text or clicks wait for the next frame (src/platform/input.cpp).
    frameDrawn(drawMs, frameMs, frameVertices, inputLeft) {
      drawTime += drawMs;
      frameTime += frameMs;
      vertices += frameVertices;
      if (++framesDrawn === 1) {
        performance.mark('first-frame');  // navigation -> first draw, as the bare page marks it (bench.mjs)
        completeFonts();
      }
      if (inputLeft) showingFrame = Math.max(showingFrame, framesDrawn + 2);
    },
    // The app's address (src/ui/address.cpp) as the page's: Back and Forward step through them.
    setAddress(address, replace) {
      const url = '#' + address;
      if (location.hash === url) return;
      if (replace) history.replaceState({ bridgework: true }, '', url);
      else history.pushState({ bridgework: true }, '', url);
    },
    // Each frame a field is edited: the text element takes the focus, at the caret
    // (x, y in device pixels). It never takes it from a dialog of the page.
    textWanted(wanted, x, y) {
      const active = document.activeElement;
      if (wanted) {
        textIn.style.left = (x / devicePixelRatio) + 'px';
        textIn.style.top = (y / devicePixelRatio) + 'px';
        if (active !== textIn && (!active || active === document.body || active.id === 'canvas'))
          textIn.focus({ preventScroll: true });
      } else if (active === textIn) {
        canvas.focus({ preventScroll: true });
      }
    },
    onWake(resume) { resumeLoop = resume; },  // the frame loop sleeps until wake()
    wakeLoop() { resumeFrames(); },  // the clock's next minute
    writeBegin(id) { batch = { id, puts: [] }; },
    writePut(bucket, value) { batch.puts.push([bucket, value]); },
    writeCommit(meta) {
      const { id, puts } = batch;
      batch = null;
      // A new workspace is listed (durably) before its first change counts as saved.
      const listed = (registering.get(id) || Promise.resolve()).catch(e => { throw S.describe(e); });
      listed.then(() => S.write(id, puts, meta)).then(
        () => {
          if (id !== workspace) return;
          retryDelay = 1000;
          cc('bw_write_done', null, [1, '']);
          measureStorage();
          if (channel) channel.postMessage({ type: 'saved' });
        },
        reason => {
          if (id !== workspace) return;
          cc('bw_write_done', null, [0, String(reason)]);
          retryLater();
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
      failed.forEach(w => w.resolve({ ok: false, error: { code: 'save_failed', message: 'Not saved yet: ' + reason } }));
    },
    registerWorkspace(id, name, demo) {
      switchTo(id);
      holdLock(id, false);
      const passphrase = startLocked;
      startLocked = null;
      const locked = !!adopting || !!passphrase;
      if (adopting) { S.lock.adopt(id, adopting.key, adopting.lock); adopting = null; }
      const listed = (async () => {
        if (passphrase) {  // W6: sealed before its first value is written
          await S.lock.fresh(id, passphrase);
          cc('bw_set_sealed', null, [1]);
        }
        if (demo) {  // W3: one demo per browser; opening a new one resets it
          for (const w of await S.listWorkspaces())
            if (w.demo && w.id !== id) await S.deleteWorkspace(w.id);
        }
        const now = new Date().toISOString();
        await S.putWorkspace({ id, name, demo, created: now, opened: now, locked });
        await sendDirectory();
      })();
      listed.catch(e => storageProblem(e));
      registering.set(id, listed);
    },
    openWorkspace(id) { openWorkspace(id); },
    closeWorkspace() {
      const id = workspace;
      switchTo(null);
      if (id) S.markOpened(id, false).catch(() => {});
      sendDirectory();
    },
    // A workspace that cannot be opened: every stored value as it is, to keep.
    async exportStored(id) {
      try {
        const entry = (await S.listWorkspaces()).find(w => w.id === id) || { id, name: id };
        const raw = await S.readWorkspace(id);
        const text = JSON.stringify({ format: 'bridgework-stored-values', version: 1, workspace: entry,
                                      exported_at: new Date().toISOString(), meta: raw.meta, buckets: raw.buckets });
        BW.download('bridgework-stored-' + String(entry.name).replace(/[^A-Za-z0-9]+/g, '-') + '.json', text, 'application/json');
      } catch (e) {
        storageProblem(e);
      }
    },
    useHere() { useHere(); },
    // A document (HTML escaped by the core: a letter, a client's file ...) over the app, ready to print.
    showPrintable(html) {
      document.getElementById('printable-body').innerHTML = html;
      document.getElementById('printable').hidden = false;
      document.getElementById('printable-print').focus();
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
        if (!input.files.length) return;
        const file = input.files[0];
        if (await lockedFile(file)) {  // W6: the welcome page asks for its passphrase
          lockedBackup = file;
          cc('bw_backup_needs_passphrase', null);
          return;
        }
        await window.bridgework.openBackup(file);
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
    canvas.focus();
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

  function closePrintable() {
    document.getElementById('printable').hidden = true;
    canvas.focus();
  }
  document.getElementById('printable-print').addEventListener('click', () => window.print());
  document.getElementById('printable-close').addEventListener('click', closePrintable);
  document.getElementById('printable').addEventListener('keydown', e => {
    e.stopPropagation();  // keys here are not the app's
    if (e.key === 'Escape') closePrintable();
  });
  // Ctrl+P (or the browser's Print) with no document open prints the current
  // screen's printable view (src/ui/print.cpp), never the canvas's blank page.
  let printingScreen = false;
  window.addEventListener('beforeprint', () => {
    const shown = document.getElementById('printable');
    if (!shown.hidden || !Module.calledRun) return;
    document.getElementById('printable-body').innerHTML = cc('bw_printable_now', 'string');
    shown.hidden = false;
    printingScreen = true;
  });
  window.addEventListener('afterprint', () => {
    if (!printingScreen) return;
    printingScreen = false;
    document.getElementById('printable').hidden = true;
  });

  function storageProblem(e) {
    cc('bw_storage_problem', null, ['Saving is not possible: ' + S.describe(e)]);
  }

  // After a failed write: try again by itself, sooner first (the person can
  // also press "Retry saving"). Every change stays in the tab meanwhile.
  function retryLater() {
    clearTimeout(retryTimer);
    retryTimer = setTimeout(() => { retryTimer = null; cc('bw_flush', null); }, retryDelay);
    retryDelay = Math.min(retryDelay * 2, 30000);
  }

  // Start-up reads the directory while the wasm compiles.
  const firstDirectory = typeof indexedDB !== 'undefined' && indexedDB ? S.listWorkspaces() : Promise.resolve([]);
  firstDirectory.catch(() => {});

  async function sendDirectory(reading = S.listWorkspaces()) {
    const list = await reading.catch(() => []);
    list.sort((a, b) => String(a.name).localeCompare(String(b.name)));
    cc('bw_set_directory', null, [JSON.stringify(list)]);
    return list;
  }

  // [SECTION] One writing tab per workspace (W1)
  function switchTo(id) {
    if (releaseLock) { releaseLock(); releaseLock = null; }
    if (channel) { channel.close(); channel = null; }
    workspace = id;
    savedChange = 0;
    clearTimeout(retryTimer);
    retryDelay = 1000;
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
      // Another tab asked to write: take no more changes, write every one
      // already taken (retrying if a write fails), then hand over the lock.
      cc('bw_hand_over', null);
      const handOver = () => {
        if (id !== workspace) return;
        if (!cc('bw_idle', 'number')) { setTimeout(handOver, 20); return; }
        // Stay read-only until this tab's own "Use here": queueing for the lock at
        // once could win it back before the asking tab's request arrives.
        if (releaseLock) { releaseLock(); releaseLock = null; }
        cc('bw_handed_over', null);
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

  const loadFailed = (id, why) => cc('bw_load_failed', null, [id, why]);

  // Reads the stored workspace into the app. Whatever is wrong with the data
  // ends in a message on the first page, never in a stuck start.
  let loads = 0;  // a newer reload makes an older one stale: the app reads one at a time
  let lastLoad = null;  // where the last workspace read took its time (ui.lastLoad)
  async function reload(id, writer) {
    // Each group of buckets is read into the app as it arrives (S.readInGroups).
    const load = ++loads;
    let stale = false, error = null, found;
    const stop = e => { error = e; return false; };
    // A read-only refresh is stale once this tab became the writer.
    const current = () => load === loads && id === workspace && (writer || !releaseLock) || (stale = true, false);
    const started = performance.now();
    let read = 0, inApp = 0;
    const timed = call => {  // the app's own part of the read
      const t = performance.now();
      try { return call(); } finally { inApp += performance.now() - t; }
    };
    try {
      // One frame for each group, to show how far the read has got: drawing
      // between groups would take the time the browser reads the next one in.
      const shown = ok => (wake(1, 0), ok);
      found = await S.readInGroups(id, (meta, groups) => {
        try { return current() && shown(!!timed(() => quietly('bw_load_begin', 'number', [id, meta, groups]))); } catch (e) { return stop(e); }
      }, values => {
        try { return current() && shown(timed(() => values.every(v => quietly('bw_load_bucket', 'number', [id, v])))); } catch (e) { return stop(e); }
      });
      read = performance.now();
    } catch (e) {
      loadFailed(id, 'It could not be read: ' + S.describe(e));
      return false;
    }
    if (stale) return false;
    if (found.lock) return reloadSealed(id, writer, current);
    if (found.meta === null) {
      loadFailed(id, 'It has no saved data.');
      return false;
    }
    if (found.bad) {
      loadFailed(id, 'A stored value is not text: the data is damaged.');
      return false;
    }
    if (error) {
      stopped(id, error);
      return false;
    }
    if (!found.read || !current()) return false;  // refused by the app, which says why, or stale
    const opened = endLoad(id, writer);
    if (opened) lastLoad = { started, read, ended: performance.now(), inApp };
    return opened;
  }

  const stopped = (id, e) => loadFailed(id, 'Reading it stopped with an error (' + ((e && e.message) || e) + ').');

  // The last step of a reload: what was read becomes the open workspace.
  function endLoad(id, writer) {
    try {
      cc('bw_load_end', null, [id, writer ? 1 : 0]);
      cc('bw_set_sealed', null, [S.lock.held(id) ? 1 : 0]);
    } catch (e) {
      stopped(id, e);
      return false;
    }
    return !currentState().open_error;
  }

  // The same for a locked workspace (W6): every value is unsealed first.
  async function reloadSealed(id, writer, current) {
    let data;
    try {
      data = await S.readWorkspace(id);
    } catch (e) {
      loadFailed(id, 'It could not be read: ' + S.describe(e));
      return false;
    }
    if (!current()) return false;
    if (data.locked) {  // W6: its passphrase first
      cc('bw_needs_passphrase', null, [id]);
      return false;
    }
    if (data.meta === null) {
      loadFailed(id, 'It has no saved data.');
      return false;
    }
    const buckets = Object.values(data.buckets);
    if (typeof data.meta !== 'string' || buckets.some(v => typeof v !== 'string')) {
      loadFailed(id, 'A stored value is not text: the data is damaged.');
      return false;
    }
    try {
      if (!cc('bw_load_begin', 'number', [id, data.meta, buckets.length])) return false;
      for (const value of buckets)
        if (!cc('bw_load_bucket', 'number', [id, value])) return false;
    } catch (e) {
      stopped(id, e);
      return false;
    }
    return endLoad(id, writer);
  }

  async function openWorkspace(id) {
    switchTo(id);
    S.prepare(id);  // opens while the directory is read (it makes no database)
    let listed = [];
    try { listed = await S.listWorkspaces(); } catch (e) { /* reading it says why */ }
    if (id !== workspace) return;
    if (!listed.some(w => w.id === id)) {
      loadFailed(id, 'This browser keeps no workspace with the id "' + id + '".');
      return;
    }
    const writer = await holdLock(id, false);
    if (id !== workspace) return;
    if (await reload(id, writer)) S.markOpened(id, true).catch(() => {});
  }

  // [SECTION] The passphrase lock (W6; web/storage.js seals the values)
  let lastInput = performance.now(), lockAfterMs = 0, lastUnlockMs = null;
  for (const type of ['pointerdown', 'keydown', 'wheel', 'touchstart'])
    window.addEventListener(type, () => { lastInput = performance.now(); }, { capture: true, passive: true });
  setInterval(() => {
    const idle = performance.now() - lastInput;
    if (workspace && lockAfterMs > 0 && S.lock.held(workspace) && idle > lockAfterMs) BW.lockNow();
    // M6: a kiosk signs out a job seeker who walked away (asked without waking the app).
    if (window.Module && Module.calledRun && Module.ccall('bw_kiosk_idle', 'number', ['number'], [idle / 1000])) wake();
  }, 5000);
  const whenIdle = () => new Promise(resolve => {
    const check = () => (cc('bw_idle', 'number') ? resolve() : (cc('bw_flush', null), setTimeout(check, 50)));
    check();
  });
  const lockDone = (ok, message) => cc('bw_lock_changed', null, [ok ? 1 : 0, S.lock.held(workspace) ? 1 : 0, message]);
  let lockedBackup = null;  // a picked backup that waits for its passphrase
  let adopting = null;      // the lock a restored locked backup keeps
  let startLocked = null;   // the passphrase a workspace being created is locked with from its first write

  Object.assign(BW, {
    setLockAfter(minutes) { lockAfterMs = minutes * 60000; },
    lockFromStart(passphrase) { startLocked = passphrase; },
    async unlock(passphrase) {
      const id = workspace;
      const t0 = performance.now();
      let ok = false;
      try { ok = await S.lock.unlock(id, passphrase); } catch (e) { lockDone(false, 'It could not be read: ' + S.describe(e)); return; }
      lastUnlockMs = performance.now() - t0;
      if (id !== workspace) return;
      if (!ok) { lockDone(false, 'That passphrase is not right. Nothing was changed: try again.'); return; }
      lastInput = performance.now();
      await reload(id, !!releaseLock || !navigator.locks);
      lockDone(true, '');
    },
    async lockNow() {
      const id = workspace;
      if (!id || !S.lock.held(id)) return;
      await whenIdle();  // every change is saved (sealed) before the key is dropped
      if (id !== workspace) return;
      S.lock.forget(id);
      cc('bw_locked', null, [id]);
    },
    async enableLock(passphrase) {
      const id = workspace;
      try {
        await whenIdle();
        await S.lock.enable(id, passphrase);
        lockDone(true, '');  // Settings says it is locked
      } catch (e) {
        lockDone(false, 'The workspace could not be locked: ' + S.describe(e));
      }
    },
    async changePassphrase(passphrase, next) {
      try {
        const ok = await S.lock.change(workspace, passphrase, next);
        lockDone(ok, ok ? 'The passphrase is changed.' : 'The current passphrase is not right. Nothing was changed.');
      } catch (e) {
        lockDone(false, 'The passphrase could not be changed: ' + S.describe(e));
      }
    },
    async removeLock(passphrase) {
      try {
        await whenIdle();
        const ok = await S.lock.remove(workspace, passphrase);
        lockDone(ok, ok ? 'The lock is removed: the data is stored unencrypted.' : 'The passphrase is not right. Nothing was changed.');
      } catch (e) {
        lockDone(false, 'The lock could not be removed: ' + S.describe(e));
      }
    },
    async downloadBackup(name, bytes, plain) {
      const id = workspace;
      const sealed = !plain && S.lock.held(id);  // W6
      BW.download(name, sealed ? await S.lock.sealBackup(id, bytes) : bytes, 'application/json');
    },
    async openLockedBackup(passphrase) {
      if (!lockedBackup) return;
      const r = await window.bridgework.openBackup(lockedBackup, passphrase);
      if (r.ok) lockedBackup = null;
      else cc('bw_unlock_failed', null, [r.error.message]);
    },
  });

  // [SECTION] Offline (W7): web/sw.js keeps the built files. A new build
  // installs beside the running one and waits; the app offers to reload into
  // it, which happens once every change is saved.
  let updateWaiting = null, reloadingIntoUpdate = false;
  function keepForOffline() {
    if (!('serviceWorker' in navigator)) return;
    navigator.serviceWorker.addEventListener('controllerchange', () => { if (reloadingIntoUpdate) location.reload(); });
    // Once registered, the registration is checked for a new build with update(): a second
    // register() call can wait for a long time in Chromium.
    const sw = navigator.serviceWorker;
    sw.getRegistration().then(reg => reg || sw.register('sw.js')).then(reg => {
      // Installed while another build runs this page: offered. (The first visit's install is not an update.)
      const offer = worker => {
        if (worker.state !== 'installed' || !navigator.serviceWorker.controller) return;
        updateWaiting = worker;
        cc('bw_set_update_ready', null, [1]);
      };
      const track = worker => {
        if (!worker) return;
        offer(worker);
        worker.addEventListener('statechange', () => offer(worker));
      };
      track(reg.waiting);
      track(reg.installing);
      reg.addEventListener('updatefound', () => track(reg.installing));
      // Asked at each start (offline it fails quietly), and every 30 minutes for a tab left open.
      reg.update().catch(() => {});
      setInterval(() => reg.update().catch(() => {}), 30 * 60000);
    }).catch(() => { /* no offline use here (a private window, say): the app works online as before */ });
  }
  BW.reloadIntoUpdate = async function reloadIntoUpdate() {
    if (!updateWaiting || reloadingIntoUpdate) return;
    reloadingIntoUpdate = true;
    await whenIdle();  // nothing unsaved is ever left behind
    updateWaiting.postMessage('take-over');
    setTimeout(() => location.reload(), 3000);  // should controllerchange not come
  };
  function runningVersion() {
    const worker = navigator.serviceWorker && navigator.serviceWorker.controller;
    if (!worker) return Promise.resolve(null);
    return new Promise(resolve => {
      const answer = e => { if (e.data && e.data.version) { navigator.serviceWorker.removeEventListener('message', answer); resolve(e.data.version); } };
      navigator.serviceWorker.addEventListener('message', answer);
      worker.postMessage('version');
      setTimeout(() => resolve(null), 2000);
    });
  }

  // [SECTION] Start
  // Addresses: a link (the page opened with, or typed into the address bar)
  // waits for the next sign-in; Back and Forward to the app's own entries
  // (marked in history.state) go there only for the person signed in.
  const addressOf = () => decodeURIComponent(location.hash.replace(/^#/, ''));
  window.addEventListener('popstate', e => cc('bw_go', null, [addressOf(), e.state && e.state.bridgework ? 0 : 1]));

  // W3: asks the browser to keep this site's data, and learns how full its
  // storage is; the app warns before anyone types into data that may vanish.
  function askToKeep() {
    const storage = navigator.storage;
    if (storage && storage.persist) {
      storage.persist().then(p => cc('bw_set_persisted', null, [p ? 1 : 0]), () => cc('bw_set_persisted', null, [0]));
    } else {
      cc('bw_set_persisted', null, [0]);
    }
    measureStorage();
  }
  let measured = 0;
  function measureStorage() {
    const storage = navigator.storage;
    if (!storage || !storage.estimate || performance.now() - measured < 60000 && measured) return;
    measured = performance.now();
    storage.estimate().then(e => cc('bw_set_storage_estimate', null, [e.usage || 0, e.quota || 0]), () => {});
  }

  async function start() {
    if (addressOf()) cc('bw_go', null, [addressOf(), 1]);
    if (typeof indexedDB === 'undefined' || !indexedDB) {
      storageProblem({ name: 'InvalidStateError' });
      readyResolve();
      return;
    }
    askToKeep();
    keepForOffline();
    let list = [];
    try { list = await sendDirectory(firstDirectory); } catch (e) { storageProblem(e); }
    if (S.lost()) cc('bw_storage_lost', null, [S.lost()]);
    // The workspace opened last (the directory notes it durably); none if it was closed.
    const last = list.filter(w => w.opened).sort((a, b) => (a.opened < b.opened ? 1 : -1))[0];
    if (last) await openAndWait(last.id);
    readyResolve();
  }

  // C++ decides which workspace is open; this waits until it is loaded (or refused).
  async function openAndWait(id) {
    cc('bw_api_open_workspace', null, [id]);
    while (currentState().loading) await new Promise(r => setTimeout(r, 20));
  }

  // Pending writes are started as soon as the page is hidden or left.
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden' && window.Module && Module.calledRun) cc('bw_flush', null);
  });
  window.addEventListener('pagehide', () => {
    if (window.Module && Module.calledRun) cc('bw_flush', null);
  });
  // Leaving or reloading with changes not yet saved (a write failing, say):
  // the browser asks the person first, since those changes live only in this tab.
  window.addEventListener('beforeunload', e => {
    if (!(window.Module && Module.calledRun) || cc('bw_idle', 'number')) return;
    cc('bw_flush', null);
    e.preventDefault();
    e.returnValue = 'Some changes are not saved yet. Stay on the page so they can be saved.';
  });

  // [SECTION] window.bridgework (docs/automation.md)
  function afterSave(result) {
    if (!result.ok) return Promise.resolve(result);
    const { change, ...answer } = result;
    if (change <= savedChange) return Promise.resolve(answer);
    return new Promise(resolve => waiting.push({ change, resolve, result: answer }));
  }

  const lockedStart = '{"format":"bridgework-locked-backup"';
  const lockedFile = async file => (await file.slice(0, lockedStart.length).text()) === lockedStart;
  const refused = (code, message) => {
    cc('bw_backup_refused', null, [message]);
    return { ok: false, error: { code, message } };
  };
  // W2: a backup goes into the heap as bytes: a JavaScript string holds at
  // most about 512 MB, and a large board's backup is more. `fill(ptr)` puts
  // its `size` bytes there.
  async function openBackupBytes(size, fill) {
    cc('bw_backup_refused', null, ['']);  // checks the app has started, and clears the last refusal
    const ptr = Module._malloc(size + 1) >>> 0;  // past 2 GB a pointer arrives negative
    if (!ptr)
      return refused('too_large', `This backup cannot be restored: at ${Math.round(size / 1048576)} MB it is larger than ` +
                                  'this browser can hold in memory. Nothing was changed.');
    try {
      cc('bw_backup_progress', null, [0, size]);  // the first page says how far it has got
      try {
        await fill(ptr);
      } catch (e) {
        return refused('unreadable', `This backup cannot be restored: the file could not be read (${(e && e.message) || e}). ` +
                                     'Choose it again. Nothing was changed.');
      }
      Module.HEAPU8[ptr + size] = 0;
      // The core reads it in one call (seconds for a large board): "checking its
      // records" is drawn first (a hidden page draws nothing: it waits a moment at most).
      cc('bw_backup_progress', null, [size, size]);
      const drawn = framesDrawn, until = performance.now() + 200;
      while (framesDrawn === drawn && performance.now() < until)
        await new Promise(r => { requestAnimationFrame(() => setTimeout(r, 0)); setTimeout(r, 50); });
      return callJson('bw_api_open_backup', [ptr]);  // a number crosses as it is
    } finally {
      cc('bw_backup_progress', null, [0, 0]);
      Module._free(ptr);
    }
  }
  // A file's bytes, read in pieces.
  const streamed = file => async ptr => {
    const reader = file.stream().getReader();
    let at = 0;
    for (let piece = await reader.read(); !piece.done; piece = await reader.read()) {
      if (at + piece.value.length > file.size) throw new Error('it changed while it was read');
      Module.HEAPU8.set(piece.value, ptr + at);  // HEAPU8 afresh: the heap may have grown meanwhile
      at += piece.value.length;
      cc('bw_backup_progress', null, [at, file.size]);
    }
    if (at !== file.size) throw new Error('it changed while it was read');
  };
  // Resolves with state() once the lock's work (sealing, unlocking) is over.
  function lockSettled() {
    return new Promise(resolve => {
      const check = () => (currentState().lock.busy ? setTimeout(check, 30) : resolve(currentState()));
      setTimeout(check, 0);
    });
  }

  window.bridgework = {
    ready,
    dispatch(command) {
      let text;
      try { text = JSON.stringify(command); } catch (e) { text = 'null'; }
      return afterSave(callJson('bw_api_dispatch', [String(text)]));
    },
    query(name, args) {
      let text;
      try { text = JSON.stringify(args || {}); } catch (e) { text = '{}'; }
      answerPieces = [];  // a long list arrives in pieces before the rest (BW.answerPiece)
      const rest = cc('bw_api_query', 'string', [String(name), String(text)]);
      const pieces = answerPieces;
      answerPieces = [];
      return JSON.parse(pieces.length ? pieces.join('') + rest : rest);
    },
    commands() { return callJson('bw_api_catalogue').commands; },
    queries() { return callJson('bw_api_catalogue').queries; },
    state() { return currentState(); },
    signIn(staff, pin) { return callJson('bw_api_sign_in', [String(staff), pin ? String(pin) : '']); },
    leaveKiosk(administrator, pin) { return callJson('bw_api_leave_kiosk', [String(administrator), pin ? String(pin) : '']); },
    signOut() { cc('bw_api_sign_out', null); },
    openDemo() { return afterSave(callJson('bw_api_open_demo')); },
    openGenerated(clients) { return afterSave(callJson('bw_api_open_generated', [Number(clients) | 0])); },
    createWorkspace({ board, administrator, email, passphrase } = {}) {
      return afterSave(callJson('bw_api_create_workspace', [String(board || ''), String(administrator || ''), String(email || ''),
                                                             String(passphrase || '')]));
    },
    async openBackup(file, passphrase) {
      if (!(file instanceof Blob)) {  // the file's text
        const text = String(file);
        if (!text.startsWith(lockedStart)) return afterSave(callJson('bw_api_open_backup', [text]));
        file = new Blob([text]);
      } else if (!(await lockedFile(file))) {  // a File or Blob
        return afterSave(await openBackupBytes(file.size, streamed(file)));
      }
      // W6: a locked workspace's backup opens with its passphrase and stays locked.
      if (!passphrase) return { ok: false, error: { code: 'passphrase_needed', message: 'This backup is encrypted: give its passphrase.' } };
      let opened;
      try {
        opened = await S.lock.openBackup(file, String(passphrase));
      } catch (e) {
        if (e && e.name === 'Damaged') return refused('corrupt', `This backup cannot be restored: ${e.message}. Nothing was changed.`);
        return refused('unreadable', `This backup cannot be restored: the file could not be read (${(e && e.message) || e}). ` +
                                     'Choose it again. Nothing was changed.');
      }
      if (!opened) return { ok: false, error: { code: 'wrong_passphrase', message: 'That passphrase does not open this backup. Nothing was changed.' } };
      adopting = opened;
      const r = await afterSave(await openBackupBytes(opened.bytes.length, ptr => Module.HEAPU8.set(opened.bytes, ptr)));
      adopting = null;
      if (r.ok) cc('bw_set_sealed', null, [1]);
      return r;
    },
    // W6 (docs/automation.md): the same paths as Settings > Workspace and the locked page.
    lock(passphrase) { cc('bw_api_lock', null, [String(passphrase)]); return lockSettled(); },
    unlock(passphrase) { cc('bw_api_unlock', null, [String(passphrase)]); return lockSettled(); },
    lockNow() { return BW.lockNow().then(() => currentState()); },
    changePassphrase(passphrase, next) { BW.changePassphrase(String(passphrase), String(next)); return lockSettled(); },
    unlockTime() { return lastUnlockMs; },
    async workspaces() { return S.listWorkspaces(); },
    async openWorkspace(id) { await openAndWait(String(id)); return currentState(); },
    useHere() { useHere(); },
    // W7: the build this page runs from the offline cache, or null before the service worker controls it.
    version() { return runningVersion(); },
    clock: {
      now() { return callJson('bw_api_clock').now; },
      info() { return callJson('bw_api_clock'); },
      set(at) { return window.bridgework.dispatch({ type: 'set_demo_clock', at }); },
    },
    ui: {
      // Where labelled widgets were drawn in the last frame, in CSS pixels.
      items() { return callJson('bw_api_ui_items'); },
      rect(label) { return window.bridgework.ui.items().find(i => i.label === label) || null; },
      // Frames drawn since the page loaded; reading it does not wake the app.
      frames() { return framesDrawn; },
      // True once a frame drawn after the latest call or input is in items(); reading it does not wake the app.
      current() { return framesDrawn >= showingFrame; },
      // Milliseconds the screens spent drawing those frames (before rendering); reading it does not wake the app.
      drawTime() { return drawTime; },
      // Milliseconds those frames took in all, input to picture; reading it does not wake the app.
      frameTime() { return frameTime; },
      // Vertices those frames handed to WebGL, what their rendering cost grows with; reading it does not wake the app.
      vertices() { return vertices; },
      // Bytes of the wasm heap in use now (the heap's size only grows; this goes down when memory is freed).
      heapInUse() { return Module.ccall('bw_heap_in_use', 'number', [], []); },
      // Where the last workspace opened took its time (ms since navigation); reading it does not wake the app.
      lastLoad() { return lastLoad && { ...lastLoad }; },
      // The characters of a text the app's font cannot draw (shown as a placeholder).
      missingGlyphs(text) { return callJson('bw_api_ui_missing_glyphs', [String(text)]); },
    },
  };

  // [SECTION] Emscripten module
  // "Loading Bridgework…" is shown only when the start is slow: a page's
  // first text costs the browser its fonts, about 70 ms before the app's
  // first frame that a quick start never shows it for (docs/development.md).
  setTimeout(() => {
    const status = document.getElementById('status');
    if (!status.hidden && !status.textContent) status.textContent = 'Loading Bridgework…';
  }, 1000);
  canvas.addEventListener('webglcontextlost', e => {
    e.preventDefault();
    document.getElementById('status').textContent = 'The graphics context was lost: reload the page. Saved changes are kept.';
    document.getElementById('status').hidden = false;
  });
  // The wasm is fetched and compiled while the page's scripts load, not once
  // bridgework.js has run: its first frame comes about a tenth of a second sooner.
  const compiled = WebAssembly.compileStreaming(fetch('bridgework.wasm', { credentials: 'same-origin' }))
    // A server that does not say application/wasm: compiled from its bytes.
    .catch(() => fetch('bridgework.wasm', { credentials: 'same-origin' }).then(r => r.arrayBuffer()).then(b => WebAssembly.compile(b)));
  window.Module = {
    canvas,
    instantiateWasm(imports, receive) {
      compiled.then(module => WebAssembly.instantiate(module, imports).then(instance => receive(instance, module)))
        .catch(e => window.Module.onAbort((e && e.message) || String(e)));
      return {};
    },
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
