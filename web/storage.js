// IndexedDB for Bridgework (W1). Each workspace is its own database
// "bridgework-ws-<id>" with two object stores: "meta" (one value) and
// "buckets" (records spread by id hash; see src/core/storage.hpp). A small
// "bridgework" database lists the workspaces kept in this browser.
'use strict';
window.BWStorage = (function () {
  const DIRECTORY = 'bridgework';
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
      r.onupgradeneeded = () => upgrade(r.result);
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

  function workspaceDb(id) {
    if (!id) return Promise.reject({ name: 'NotFound', message: 'no workspace is open, so there is nowhere to save.' });
    if (!dbs.has(id)) {
      const p = open('bridgework-ws-' + id, db => {
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
    } catch (e) {
      throw describe(e);
    }
    return new Promise((resolve, reject) => {
      let tx;
      const fail = error => { forget(id); reject(describe(error)); };
      try {
        tx = db.transaction(['meta', 'buckets'], 'readwrite', { durability: 'strict' });
        tx.oncomplete = () => resolve();
        tx.onabort = () => fail(tx.error);
        const buckets = tx.objectStore('buckets');
        for (const [key, value] of puts) buckets.put(value, key);
        if (meta) tx.objectStore('meta').put(meta, 'meta');
      } catch (e) {  // e.g. QuotaExceededError or a closed connection, thrown at once
        if (tx) { tx.onabort = null; try { tx.abort(); } catch (ignored) { /* already over */ } }
        fail(e);
      }
    });
  }

  // Every stored value of a workspace, unread: {meta (null for an empty
  // database), buckets: {key: value}}. Opening reads it, and so does the
  // stored values file of a workspace that cannot be opened (storage.md).
  async function readWorkspace(id) {
    const db = await workspaceDb(id);
    const tx = db.transaction(['meta', 'buckets']);
    const store = tx.objectStore('buckets');
    const [meta, keys, values] = await Promise.all([
      request(tx.objectStore('meta').get('meta')), request(store.getAllKeys()), request(store.getAll())]);
    const buckets = {};
    keys.forEach((k, i) => { buckets[k] = values[i]; });
    return { meta: meta === undefined ? null : meta, buckets };
  }

  return { describe, listWorkspaces, putWorkspace, markOpened, deleteWorkspace, readWorkspace, write, forget };
})();
