// Functions the C++ platform layer calls (src/platform/host.cpp). Each is a
// thin hand-over to window.BW (web/page.js, web/storage.js).
mergeInto(LibraryManager.library, {
  // The app's own WebGL 2 context could not be made. (Asked of a test canvas
  // before the app starts, the question cost a context: 60-70 ms of the
  // first frame.)
  bw_js_no_webgl: function () {
    var status = document.getElementById('status');
    status.textContent = 'This browser cannot show Bridgework: it needs WebGL 2 (any current Chrome, Edge, Firefox or Safari).';
    status.hidden = false;
  },
  // The canvas backing store in device pixels (src/platform/main.cpp,
  // fit_canvas); GLFW learns the size from the canvas, as after any resize.
  bw_js_fit_canvas__deps: ['$Browser'],
  bw_js_fit_canvas: function (width, height) {
    var canvas = Module['canvas'];
    canvas.style.removeProperty('width');   // the page's CSS sizes it: 100vw x 100vh
    canvas.style.removeProperty('height');
    if (canvas.width !== width) canvas.width = width;
    if (canvas.height !== height) canvas.height = height;
    Browser.updateResizeListeners();
  },
  bw_js_awake: function () { return window.BW.awake() ? 1 : 0; },
  bw_js_frame_drawn: function (drawMs, frameMs, vertices, inputLeft) { window.BW.frameDrawn(drawMs, frameMs, vertices, !!inputLeft); },
  // Nothing to draw: the animation-frame loop stops until window.BW wakes it
  // (input, a call into the app) or `ms` pass (the clock's next minute).
  bw_js_sleep__deps: ['emscripten_pause_main_loop', 'emscripten_resume_main_loop'],
  bw_js_sleep: function (ms) {
    _emscripten_pause_main_loop();
    var timer = setTimeout(function () { window.BW.wakeLoop(); }, ms);
    window.BW.onWake(function () { clearTimeout(timer); _emscripten_resume_main_loop(); });
  },
  bw_js_set_address: function (address, replace) { window.BW.setAddress(UTF8ToString(address), !!replace); },
  bw_js_text_wanted: function (wanted, x, y) { window.BW.textWanted(!!wanted, x, y); },
  bw_js_now_local: function () {
    // T1: the agency's local civil time, as seconds of a wall clock.
    var d = new Date();
    return (d.getTime() - d.getTimezoneOffset() * 60000) / 1000;
  },
  bw_js_random_origin: function () {
    // W5: 48 random bits name the workspace; every id starts with them.
    var bytes = new Uint8Array(6);
    crypto.getRandomValues(bytes);
    var hex = Array.from(bytes, function (b) { return b.toString(16).padStart(2, '0'); }).join('');
    var len = lengthBytesUTF8(hex) + 1, ptr = _malloc(len);
    stringToUTF8(hex, ptr, len);
    return ptr;
  },
  bw_js_write_begin: function (workspace) { window.BW.writeBegin(UTF8ToString(workspace)); },
  bw_js_write_put: function (bucket, value) { window.BW.writePut(bucket, UTF8ToString(value)); },
  bw_js_write_commit: function (meta) { window.BW.writeCommit(UTF8ToString(meta)); },
  bw_js_open_workspace: function (workspace) { window.BW.openWorkspace(UTF8ToString(workspace)); },
  bw_js_register_workspace: function (workspace, name, demo) {
    window.BW.registerWorkspace(UTF8ToString(workspace), UTF8ToString(name), !!demo);
  },
  bw_js_close_workspace: function () { window.BW.closeWorkspace(); },
  bw_js_use_here: function () { window.BW.useHere(); },
  bw_js_reload_into_update: function () { window.BW.reloadIntoUpdate(); },
  bw_js_unlock: function (passphrase) { window.BW.unlock(UTF8ToString(passphrase)); },
  bw_js_lock_now: function () { window.BW.lockNow(); },
  bw_js_enable_lock: function (passphrase) { window.BW.enableLock(UTF8ToString(passphrase)); },
  bw_js_change_passphrase: function (passphrase, next) { window.BW.changePassphrase(UTF8ToString(passphrase), UTF8ToString(next)); },
  bw_js_remove_lock: function (passphrase) { window.BW.removeLock(UTF8ToString(passphrase)); },
  bw_js_set_lock_after: function (minutes) { window.BW.setLockAfter(minutes); },
  // The backup as bytes, not a string: a JavaScript string holds at most about
  // 512 MB, and a large board's backup is more.
  bw_js_download_backup: function (name, text, length, plain) {
    text >>>= 0;  // past 2 GB a pointer arrives negative
    window.BW.downloadBackup(UTF8ToString(name), HEAPU8.slice(text, text + length), !!plain);
  },
  bw_js_answer_piece: function (text, length) { window.BW.answerPiece(UTF8ToString(text, length)); },
  bw_js_open_locked_backup: function (passphrase) { window.BW.openLockedBackup(UTF8ToString(passphrase)); },
  bw_js_lock_from_start: function (passphrase) { window.BW.lockFromStart(UTF8ToString(passphrase)); },
  bw_js_saved: function (change) { window.BW.saved(change); },
  bw_js_save_failed: function (reason) { window.BW.saveFailed(UTF8ToString(reason)); },
  bw_js_announce: function (message) {
    var live = document.getElementById('announce');
    if (live) live.textContent = UTF8ToString(message);
  },
  bw_js_show_printable: function (html) { window.BW.showPrintable(UTF8ToString(html)); },
  bw_js_show_email: function (email) { window.BW.showEmail(JSON.parse(UTF8ToString(email))); },
  bw_js_download: function (name, bytes, length, mime) {
    bytes >>>= 0;  // past 2 GB a pointer arrives negative
    window.BW.download(UTF8ToString(name), HEAPU8.slice(bytes, bytes + length), UTF8ToString(mime));
  },
  bw_js_pick_backup: function () { window.BW.pickBackup(); },
  bw_js_export_stored: function (workspace) { window.BW.exportStored(UTF8ToString(workspace)); },
  bw_js_get_item: function (session, key) {
    var value = '';
    try {
      value = (session ? sessionStorage : localStorage).getItem(UTF8ToString(key)) || '';
    } catch (e) { /* storage disabled: preferences are not kept */ }
    var len = lengthBytesUTF8(value) + 1, ptr = _malloc(len);
    stringToUTF8(value, ptr, len);
    return ptr;
  },
  bw_js_set_item: function (session, key, value) {
    try {
      (session ? sessionStorage : localStorage).setItem(UTF8ToString(key), UTF8ToString(value));
    } catch (e) { /* storage disabled: preferences are not kept */ }
  },
});
