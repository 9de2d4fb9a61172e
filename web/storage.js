// IndexedDB for Bridgework (W1). Each workspace is its own database
// "bridgework-ws-<id>" with two object stores: "meta" (one value) and
// "buckets" (records spread by id hash; see src/core/storage.hpp). A small
// "bridgework" database lists the workspaces kept in this browser.
'use strict';
window.BWStorage = (function () {
  const DIRECTORY = 'bridgework';
  let lost = null;  // why the browser deleted this site's stored data, when it did
  const DB_VERSION = 1;  // IndexedDB's version of the layout above
  const dbs = new Map(); // workspace id -> Promise<IDBDatabase>

  function request(r) {
    return new Promise((resolve, reject) => {
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
  }

  // In words a staff member can act on.
  function describe(error) {
    const name = error && error.name;
    if (name === 'QuotaExceededError')
      return 'the browser has no more room for this site\'s data (the disk or the site\'s quota is full). Free disk space: this tab keeps your changes and tries again.';
    if (name === 'VersionError')
      return 'this data was saved by a newer version of Bridgework. It was left untouched: open it with the newer version.';
    if (name === 'SecurityError' || name === 'NotAllowed')
      return 'the browser does not allow storage here (private window or storage disabled). Changes stay in this tab only.';
    if (name === 'InvalidStateError')
      return 'the browser closed the connection to its storage. This tab reopens it and tries again.';
    if (name === 'UnknownError')
      return 'the browser could not write to its storage (disk full or damaged profile). This tab keeps your changes and tries again.';
    return (error && (error.message || name)) || 'unknown storage error';
  }

  function open(name, upgrade) {
    if (typeof indexedDB === 'undefined' || !indexedDB)
      return Promise.reject({ name: 'NotAllowed', message: 'IndexedDB is not available' });
    return new Promise((resolve, reject) => {
      let r;
      try { r = indexedDB.open(name, DB_VERSION); } catch (e) { reject(e); return; }
      r.onupgradeneeded = e => {
        // Chromium deletes a site's IndexedDB it finds damaged (after a crash
        // of the disk or the browser) and says so here, once.
        if (e.dataLoss === 'total') lost = e.dataLossMessage || 'the browser found its stored data damaged';
        upgrade(r.result, r.transaction);
      };
      r.onsuccess = () => {
        const db = r.result;
        db.onversionchange = () => db.close();  // let a newer version upgrade
        db.onclose = () => forget(name);         // closed by the browser (disk trouble, cleared data)
        resolve(db);
      };
      r.onerror = () => reject(r.error);
      r.onblocked = () => reject({ name: 'Blocked', message: 'another tab with an older version of Bridgework is blocking the storage upgrade; close it and reload.' });
    });
  }

  function directory() {
    return open(DIRECTORY, db => db.createObjectStore('workspaces', { keyPath: 'id' }));
  }

  // `existing`: only a database already there is opened (none is made).
  function workspaceDb(id, existing = false) {
    if (!id) return Promise.reject({ name: 'NotFound', message: 'no workspace is open, so there is nowhere to save.' });
    if (!dbs.has(id)) {
      const p = open('bridgework-ws-' + id, (db, tx) => {
        if (existing) { tx.abort(); return; }
        db.createObjectStore('meta');
        db.createObjectStore('buckets');
      });
      p.catch(() => dbs.delete(id));
      dbs.set(id, p);
    }
    return dbs.get(id);
  }

  // Drops a workspace's connection: the next read or write opens a new one.
  // After a failed write the old one may be closed for good.
  function forget(nameOrId) {
    const id = String(nameOrId).replace(/^bridgework-ws-/, '');
    const p = dbs.get(id);
    if (!p) return;
    dbs.delete(id);
    p.then(db => db.close(), () => {});
  }

  // Opens a workspace's database ahead of its first read, while the page
  // does other things, if it is there: a start-up reads its data sooner.
  function prepare(id) {
    workspaceDb(id, true).catch(() => {});
  }

  async function listWorkspaces() {
    const db = await directory();
    const list = await request(db.transaction('workspaces').objectStore('workspaces').getAll());
    db.close();
    return list;
  }

  // Durable before it resolves: a workspace whose changes are saved is always listed.
  function putWorkspace(entry) {
    return directory().then(db => new Promise((resolve, reject) => {
      const tx = db.transaction('workspaces', 'readwrite', { durability: 'strict' });
      tx.objectStore('workspaces').put(entry);
      tx.oncomplete = () => { db.close(); resolve(); };
      tx.onabort = () => { db.close(); reject(tx.error); };
    }));
  }

  // Notes when a workspace was last opened (or that it was closed): start-up
  // reopens the one opened last, and the note is as durable as the data.
  async function markOpened(id, opened) {
    const list = await listWorkspaces();
    const entry = list.find(w => w.id === id);
    if (entry) await putWorkspace({ ...entry, opened: opened ? new Date().toISOString() : null });
  }

  async function deleteWorkspace(id) {
    const db = await directory();
    await request(db.transaction('workspaces', 'readwrite').objectStore('workspaces').delete(id));
    db.close();
    if (dbs.has(id)) { (await dbs.get(id)).close(); dbs.delete(id); }
    await request(indexedDB.deleteDatabase('bridgework-ws-' + id)).catch(() => {});
  }

  // One transaction: resolves when it completed (durably), rejects with words.
  // A failed write drops the connection, so the next try starts afresh.
  async function write(id, puts, meta) {
    let db;
    try {
      db = await workspaceDb(id);
      if (keys.has(id)) [puts, meta] = await sealAll(id, puts, meta);
    } catch (e) {
      throw describe(e);
    }
    return new Promise((resolve, reject) => {
      let tx;
      const fail = error => { forget(id); reject(describe(error)); };
      try {
        tx = db.transaction(['meta', 'buckets'], 'readwrite', { durability: 'strict' });
        tx.oncomplete = () => { newLocks.delete(id); resolve(); };
        tx.onabort = () => fail(tx.error);
        const buckets = tx.objectStore('buckets');
        for (const [key, value] of puts) buckets.put(value, key);
        if (meta) tx.objectStore('meta').put(meta, 'meta');
        if (newLocks.has(id)) tx.objectStore('meta').put(newLocks.get(id), 'lock');  // a restored locked backup's
      } catch (e) {  // e.g. QuotaExceededError or a closed connection, thrown at once
        if (tx) { tx.onabort = null; try { tx.abort(); } catch (ignored) { /* already over */ } }
        fail(e);
      }
    });
  }

  // Every stored value of a workspace, unread: {meta (null for an empty
  // database), buckets: {key: value}}. Opening reads it, and so does the
  // stored values file of a workspace that cannot be opened (storage.md).
  // `raw`: as stored (sealed values stay sealed), for the stored values file.
  async function readWorkspace(id, raw) {
    const db = await workspaceDb(id);
    const tx = db.transaction(['meta', 'buckets']);
    const store = tx.objectStore('buckets');
    const [meta, lock, names, values] = await Promise.all([
      request(tx.objectStore('meta').get('meta')), request(tx.objectStore('meta').get('lock')),
      request(store.getAllKeys()), request(store.getAll())]);
    const buckets = {};
    names.forEach((k, i) => { buckets[k] = values[i]; });
    const data = { meta: meta === undefined ? null : meta, buckets, lock: lock || null };
    if (raw || !lock) return data;
    const key = keys.get(id);
    if (!key) return { ...data, locked: true };
    data.meta = data.meta === null ? null : await unseal(key, id, 'meta', data.meta);
    for (const k of names) data.buckets[k] = await unseal(key, id, 'bucket:' + k, data.buckets[k]);
    return data;
  }

  // Opening a workspace: its meta and how many buckets it has to `begin`,
  // then its buckets, a group at a time, to `group` as IndexedDB delivers
  // them, so that the app reads each group while the next is fetched (and
  // draws how far it has got between them). One read-only transaction: what is read
  // is one committed state. `begin` or `group` returning false stops it.
  // Nothing is read past the meta of a locked workspace (readWorkspace
  // unseals it), of one with no meta, or past a value that is not text.
  // Resolves to {meta (null: none), lock, bad (a value is not text), read (every bucket went to `group`)}.
  const GROUP = 256;
  async function readInGroups(id, begin, group) {
    const db = await workspaceDb(id);
    return new Promise((resolve, reject) => {
      const tx = db.transaction(['meta', 'buckets']);
      const metas = tx.objectStore('meta'), store = tx.objectStore('buckets');
      const found = { meta: null, lock: null, bad: false, read: false };
      const lock = metas.get('lock'), meta = metas.get('meta'), keys = store.getAllKeys();
      keys.onsuccess = () => {  // after lock and meta: a transaction's requests succeed in order
        found.lock = lock.result || null;
        found.meta = meta.result === undefined ? null : meta.result;
        if (found.lock || found.meta === null) return;
        if (typeof found.meta !== 'string') { found.bad = true; return; }
        const names = keys.result;
        if (!begin(found.meta, names.length)) return;
        let going = true, left = Math.ceil(names.length / GROUP);
        found.read = left === 0;
        for (let i = 0; i < names.length; i += GROUP) {
          const r = store.getAll(IDBKeyRange.bound(names[i], names[Math.min(i + GROUP, names.length) - 1]));
          r.onsuccess = () => {
            if (!going) return;
            if (r.result.some(v => typeof v !== 'string')) found.bad = true, going = false;
            else going = group(r.result) !== false;
            found.read = going && --left === 0;
          };
        }
      };
      tx.oncomplete = () => resolve(found);
      tx.onabort = () => reject(tx.error || new Error('the read was stopped'));
    });
  }

  // [SECTION] W6: the passphrase lock. Each stored value of a locked workspace
  // is AES-GCM 256 (WebCrypto) under the workspace's random data key, with a
  // fresh 96-bit IV and the value's place ("<workspace>/bucket:<n>", "/meta")
  // as additional data, so values cannot be swapped. The data key is kept
  // wrapped (AES-GCM) by a key derived from the passphrase with PBKDF2-SHA256,
  // 600,000 iterations: a new passphrase rewraps it and re-encrypts nothing.
  // The lock record ("lock" in the meta store) holds only the wrapped key.
  const ITERATIONS = 600000;
  const SEALED = 'bw-sealed:1:';
  const keys = new Map();      // workspace id -> data key, while unlocked in this tab
  const newLocks = new Map();  // workspace id -> lock record written with its first values
  const text = new TextEncoder(), words = new TextDecoder();
  const random = n => crypto.getRandomValues(new Uint8Array(n));
  function base64(bytes) {
    let out = '';
    for (let i = 0; i < bytes.length; i += 32768) out += String.fromCharCode.apply(null, bytes.subarray(i, i + 32768));
    return btoa(out);
  }
  const bytesOf = b64 => Uint8Array.from(atob(b64), c => c.charCodeAt(0));
  // Large values in base64 go in pieces of whole 3-byte groups, each a string
  // far below the 512 MB a JavaScript string holds.
  const BASE64_PIECE = 3 << 20;
  async function base64Bytes(blob) {  // a Blob of base64 text
    const out = new Uint8Array(Math.ceil(blob.size / 4) * 3);
    let n = 0;
    for (let at = 0; at < blob.size; at += BASE64_PIECE / 3 * 4) {
      const piece = atob(await blob.slice(at, at + BASE64_PIECE / 3 * 4).text());
      for (let i = 0; i < piece.length; ++i) out[n++] = piece.charCodeAt(i);
    }
    return out.subarray(0, n);
  }
  // A locked backup file's lock and where its sealed value lies, read from its
  // two ends: `{"format": ..., "lock": {...}, "value": "bw-sealed:1:<iv>:<base64>"}`.
  async function lockedBackupParts(file) {
    const damaged = why => ({ name: 'Damaged', message: why });
    const head = await file.slice(0, 1 << 16).text();
    const value = head.indexOf('"value":"' + SEALED);
    const ivAt = value + '"value":"'.length + SEALED.length, colon = head.indexOf(':', ivAt);
    if (value < 0 || colon < 0 || !/^[\x20-\x7e]*$/.test(head.slice(0, colon)))  // ASCII: characters are bytes
      throw damaged('it does not have the layout of an encrypted backup');
    let lock;
    try { lock = JSON.parse(head.slice(0, value) + '"value":""}').lock; } catch (e) { /* said below */ }
    if (!lock || typeof lock !== 'object') throw damaged('its lock cannot be read');
    const tailAt = Math.max(colon + 1, file.size - 64), tail = await file.slice(tailAt).text();
    const end = tail.lastIndexOf('"');
    if (end < 0 || !/^"\s*}\s*$/.test(tail.slice(end))) throw damaged('it is incomplete (it does not end as an encrypted backup does)');
    return { lock, iv: head.slice(ivAt, colon), from: colon + 1, to: tailAt + end };
  }

  async function passphraseKey(passphrase, salt, iterations) {
    const base = await crypto.subtle.importKey('raw', text.encode(passphrase), 'PBKDF2', false, ['deriveKey']);
    return crypto.subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, base,
                                   { name: 'AES-GCM', length: 256 }, false, ['wrapKey', 'unwrapKey']);
  }
  async function lockRecord(dataKey, passphrase) {
    const salt = random(16), iv = random(12);
    const wrapped = await crypto.subtle.wrapKey('raw', dataKey, await passphraseKey(passphrase, salt, ITERATIONS), { name: 'AES-GCM', iv });
    return { version: 1, cipher: 'AES-GCM-256', kdf: 'PBKDF2-SHA256', iterations: ITERATIONS,
             salt: base64(salt), iv: base64(iv), wrapped: base64(new Uint8Array(wrapped)) };
  }
  // The data key, or null when the passphrase is not the one (AES-GCM's tag says so).
  async function openLock(lock, passphrase) {
    try {
      const kek = await passphraseKey(passphrase, bytesOf(lock.salt), lock.iterations);
      return await crypto.subtle.unwrapKey('raw', bytesOf(lock.wrapped), kek, { name: 'AES-GCM', iv: bytesOf(lock.iv) },
                                           { name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt']);
    } catch (e) {
      return null;
    }
  }
  // AES-GCM with the value's place as additional data: a sealed value moved to another place does not open.
  const sealedAt = (iv, id, place) => ({ name: 'AES-GCM', iv, additionalData: text.encode(id + '/' + place) });
  async function seal(key, id, place, value) {
    const iv = random(12);
    const sealed = await crypto.subtle.encrypt(sealedAt(iv, id, place), key, text.encode(value));
    return SEALED + base64(iv) + ':' + base64(new Uint8Array(sealed));
  }
  async function unseal(key, id, place, value) {
    if (typeof value !== 'string' || !value.startsWith(SEALED))
      throw { name: 'Damaged', message: 'a value of this locked workspace is not encrypted (' + place + ')' };
    const [iv, sealed] = value.slice(SEALED.length).split(':');
    try {
      const plain = await crypto.subtle.decrypt(sealedAt(bytesOf(iv), id, place), key, bytesOf(sealed));
      return words.decode(plain);
    } catch (e) {
      throw { name: 'Damaged', message: 'a value of this locked workspace does not decrypt (' + place + '): it was changed or moved' };
    }
  }
  async function sealAll(id, puts, meta) {
    const key = keys.get(id);
    const sealed = await Promise.all(puts.map(async ([k, v]) => [k, await seal(key, id, 'bucket:' + k, v)]));
    return [sealed, meta ? await seal(key, id, 'meta', meta) : meta];
  }

  // Every value rewritten in one transaction: sealed with `key`, or plain (null).
  async function rewrite(id, key, lock) {
    const data = await readWorkspace(id);
    if (data.locked) throw { name: 'Locked', message: 'unlock it first' };
    const db = await workspaceDb(id);
    const puts = [];
    for (const [k, v] of Object.entries(data.buckets)) puts.push([Number(k), key ? await seal(key, id, 'bucket:' + k, v) : v]);
    const meta = key ? await seal(key, id, 'meta', data.meta) : data.meta;
    await new Promise((resolve, reject) => {
      const tx = db.transaction(['meta', 'buckets'], 'readwrite', { durability: 'strict' });
      tx.oncomplete = resolve;
      tx.onabort = () => reject(tx.error);
      const store = tx.objectStore('buckets');
      for (const [k, v] of puts) store.put(v, k);
      tx.objectStore('meta').put(meta, 'meta');
      if (lock) tx.objectStore('meta').put(lock, 'lock');
      else tx.objectStore('meta').delete('lock');
    });
  }

  async function lockedEntry(id, locked) {
    const entry = (await listWorkspaces()).find(w => w.id === id);
    if (entry) await putWorkspace({ ...entry, locked });
  }

  const lock = {
    held: id => keys.has(id),
    // Seals every stored value of an open (unlocked) workspace.
    async enable(id, passphrase) {
      const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt']);
      await rewrite(id, key, await lockRecord(key, passphrase));
      keys.set(id, key);
      await lockedEntry(id, true);
    },
    // True when the passphrase opens the workspace's lock; nothing changes otherwise.
    async unlock(id, passphrase) {
      const data = await readWorkspace(id, true);
      if (!data.lock) return true;
      const key = await openLock(data.lock, passphrase);
      if (key) keys.set(id, key);
      return !!key;
    },
    async change(id, passphrase, next) {
      const data = await readWorkspace(id, true);
      const key = data.lock && await openLock(data.lock, passphrase);
      if (!key) return false;
      const db = await workspaceDb(id);
      const record = await lockRecord(key, next);
      await request(db.transaction('meta', 'readwrite').objectStore('meta').put(record, 'lock'));
      return true;
    },
    async remove(id, passphrase) {
      const data = await readWorkspace(id, true);
      if (!data.lock || !(await openLock(data.lock, passphrase))) return false;
      await rewrite(id, null, null);
      keys.delete(id);
      await lockedEntry(id, false);
      return true;
    },
    forget(id) { keys.delete(id); },
    // A locked workspace's backup: the same lock, sealing the backup file's
    // bytes (`seal` of 'backup/file', storage.md). A Blob made in pieces: a
    // large board's backup is more than a JavaScript string holds (512 MB).
    async sealBackup(id, bytes) {
      const data = await readWorkspace(id, true);
      const iv = random(12);
      const sealed = new Uint8Array(await crypto.subtle.encrypt(sealedAt(iv, 'backup', 'file'), keys.get(id), bytes));
      const head = JSON.stringify({ format: 'bridgework-locked-backup', version: 1, lock: data.lock, value: '' }).slice(0, -2);
      const parts = [head + SEALED + base64(iv) + ':'];
      for (let i = 0; i < sealed.length; i += BASE64_PIECE) parts.push(base64(sealed.subarray(i, i + BASE64_PIECE)));
      parts.push('"}');
      return new Blob(parts, { type: 'application/json' });
    },
    // A locked backup file (a Blob): the backup's bytes, or null for a wrong
    // passphrase; `adopt` then keeps the workspace it becomes locked with the
    // same passphrase. Throws {name: 'Damaged', message} for a damaged file.
    async openBackup(file, passphrase) {
      const parts = await lockedBackupParts(file);
      const key = await openLock(parts.lock, passphrase);
      if (!key) return null;
      let sealed, plain;
      try {
        sealed = await base64Bytes(file.slice(parts.from, parts.to));
      } catch (e) {
        throw { name: 'Damaged', message: 'its encrypted contents are not base64' };
      }
      try {
        plain = await crypto.subtle.decrypt(sealedAt(bytesOf(parts.iv), 'backup', 'file'), key, sealed);
      } catch (e) {
        throw { name: 'Damaged', message: 'its encrypted contents do not decrypt: the file was changed or is incomplete' };
      }
      return { bytes: new Uint8Array(plain), key, lock: parts.lock };
    },
    adopt(id, key, record) { keys.set(id, key); newLocks.set(id, record); },
    // A new workspace's own lock, written with its first values.
    async fresh(id, passphrase) {
      const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt']);
      lock.adopt(id, key, await lockRecord(key, passphrase));
    },
  };

  return { describe, lost: () => lost, prepare, listWorkspaces, putWorkspace, markOpened, deleteWorkspace, readWorkspace, readInGroups, write, forget, lock };
})();
