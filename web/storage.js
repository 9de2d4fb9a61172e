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
      return 'the browser has no more storage for this site (quota full). Free space or export a backup.';
    if (name === 'VersionError')
      return 'this data was saved by a newer version of Bridgework. It was left untouched: open it with the newer version.';
    if (name === 'InvalidStateError' || name === 'SecurityError')
      return 'the browser does not allow storage here (private window or storage disabled). Changes stay in this tab only.';
    if (name === 'UnknownError')
      return 'the browser could not write to its storage (disk full or damaged profile).';
    return (error && (error.message || name)) || 'unknown storage error';
  }

  function open(name, upgrade) {
    if (typeof indexedDB === 'undefined' || !indexedDB)
      return Promise.reject({ name: 'InvalidStateError', message: 'IndexedDB is not available' });
    return new Promise((resolve, reject) => {
      let r;
      try { r = indexedDB.open(name, DB_VERSION); } catch (e) { reject(e); return; }
      r.onupgradeneeded = () => upgrade(r.result);
      r.onsuccess = () => {
        const db = r.result;
        db.onversionchange = () => db.close();  // let a newer version upgrade
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

  async function listWorkspaces() {
    const db = await directory();
    const list = await request(db.transaction('workspaces').objectStore('workspaces').getAll());
    db.close();
    return list;
  }

  async function putWorkspace(entry) {
    const db = await directory();
    await request(db.transaction('workspaces', 'readwrite').objectStore('workspaces').put(entry));
    db.close();
  }

  async function deleteWorkspace(id) {
    const db = await directory();
    await request(db.transaction('workspaces', 'readwrite').objectStore('workspaces').delete(id));
    db.close();
    if (dbs.has(id)) { (await dbs.get(id)).close(); dbs.delete(id); }
    await request(indexedDB.deleteDatabase('bridgework-ws-' + id)).catch(() => {});
  }

  // {meta, buckets: [values]}, or null meta for an empty database.
  async function readWorkspace(id) {
    const db = await workspaceDb(id);
    const tx = db.transaction(['meta', 'buckets']);
    const [meta, buckets] = await Promise.all([
      request(tx.objectStore('meta').get('meta')),
      request(tx.objectStore('buckets').getAll()),
    ]);
    return { meta: meta === undefined ? null : meta, buckets };
  }

  // One transaction: resolves when it completed (durably), rejects with words.
  async function write(id, puts, meta) {
    const db = await workspaceDb(id);
    return new Promise((resolve, reject) => {
      let tx;
      try {
        tx = db.transaction(['meta', 'buckets'], 'readwrite', { durability: 'strict' });
      } catch (e) { reject(describe(e)); return; }
      const buckets = tx.objectStore('buckets');
      for (const [key, value] of puts) buckets.put(value, key);
      if (meta) tx.objectStore('meta').put(meta, 'meta');
      tx.oncomplete = () => resolve();
      tx.onabort = () => reject(describe(tx.error));
    });
  }

  return { describe, listWorkspaces, putWorkspace, deleteWorkspace, readWorkspace, write };
})();
