/** The browser's design library seen from a test: read it, seed it, and make it fail on demand. */
import type { Page } from '@playwright/test';

export interface StoredRecord {
  id: string;
  doc: { name: string; version: number; nodes: { id: string; name: string; position?: { x: number; y: number } }[]; [key: string]: unknown };
  updatedAt: number;
  revision?: number;
  viewport?: { x: number; y: number; zoom: number };
}

/** The records in the browser's design library, read straight from IndexedDB. */
export function storedDesigns(page: Page): Promise<StoredRecord[]> {
  return page.evaluate(
    () =>
      new Promise<StoredRecord[]>((resolve, reject) => {
        const request = indexedDB.open('sagaboard');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const db = request.result;
          const all = db.transaction('designs').objectStore('designs').getAll();
          all.onsuccess = () => {
            resolve(all.result as StoredRecord[]);
            db.close();
          };
          all.onerror = () => reject(all.error);
        };
      }),
  );
}

export async function storedDesign(page: Page, id: string): Promise<StoredRecord | undefined> {
  return (await storedDesigns(page)).find((d) => d.id === id);
}

/**
 * Writes `records` into the library before Sagaboard runs, as an older Sagaboard (database
 * version 1) left them: from an empty page of the same site, so the app is not running yet.
 */
export async function seedLibrary(page: Page, records: unknown[], lastOpened?: string): Promise<void> {
  await page.route('**/seed-library', (route) => route.fulfill({ body: '<!doctype html><title>seed</title>', contentType: 'text/html' }));
  await page.goto('/seed-library');
  await page.evaluate(
    ({ records, lastOpened }) =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.open('sagaboard', 1);
        request.onupgradeneeded = () => {
          const designs = request.result.createObjectStore('designs', { keyPath: 'id' });
          designs.createIndex('updatedAt', 'updatedAt');
          request.result.createObjectStore('settings');
        };
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const db = request.result;
          const tx = db.transaction(['designs', 'settings'], 'readwrite');
          for (const r of records) tx.objectStore('designs').put(r);
          if (lastOpened) tx.objectStore('settings').put(lastOpened, 'lastOpened');
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    { records, lastOpened },
  );
}

/**
 * Lets a test fill the disk: while `window.storageFull` is true, every write to IndexedDB is
 * refused with a QuotaExceededError, as Chromium does when the site's quota is used up. Deleting
 * a design frees the space (`window.freeSpaceOnDelete`).
 */
export async function allowFullDisk(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as { storageFull?: boolean; freeSpaceOnDelete?: boolean };
    const put = IDBObjectStore.prototype.put;
    const add = IDBObjectStore.prototype.add;
    const remove = IDBObjectStore.prototype.delete;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (w.storageFull) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    };
    IDBObjectStore.prototype.add = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['add']>) {
      if (w.storageFull) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return add.apply(this, args);
    };
    IDBObjectStore.prototype.delete = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['delete']>) {
      if (w.freeSpaceOnDelete && this.name === 'designs') w.storageFull = false;
      return remove.apply(this, args);
    };
  });
}

export const setStorageFull = (page: Page, full: boolean) => page.evaluate((f) => ((window as { storageFull?: boolean }).storageFull = f), full);

/**
 * Lets a test make a tab deaf to what other tabs announce (`window.deaf = true`), so that it
 * learns of their saves only when it saves itself: the compare-and-set is then all that protects.
 */
export async function allowDeafness(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as { deaf?: boolean };
    const property = Object.getOwnPropertyDescriptor(BroadcastChannel.prototype, 'onmessage')!;
    Object.defineProperty(BroadcastChannel.prototype, 'onmessage', {
      configurable: true,
      get() {
        return property.get!.call(this);
      },
      set(listener: ((e: MessageEvent) => void) | null) {
        property.set!.call(this, listener && ((e: MessageEvent) => (w.deaf ? undefined : listener.call(this, e))));
      },
    });
  });
}
