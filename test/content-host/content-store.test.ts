// The content origin's package store (src/serve/content-store.ts), in Chromium: a package counts as present
// only when the version asked for is stored complete, so that a transfer cut off midway is done again, and
// the store host (src/content-host/store-host.ts) answers the app's requests over its port.
import { expect } from '@open-wc/testing';
import { wrap } from 'idb';
import {
  findContentFile,
  hasContentPackage,
  openContentDb,
  putContentPackage,
  type ContentDatabase,
} from '../../src/serve/content-store.js';
import { StoreHost } from '../../src/content-host/store-host.js';
import type { AppToStore, StoreToApp } from '../../src/content-host/store-protocol.js';

const text = (s: string, type = 'text/html') => ({ blob: new Blob([s], { type }), type });

function files(count: number, tag = 'v1') {
  return Array.from({ length: count }, (_, i) => ({ path: `page${i}.html`, ...text(`<p>${tag} ${i}</p>`) }));
}

describe('content store', () => {
  let name: string;
  let db: ContentDatabase;

  beforeEach(async () => {
    name = `test-content-${crypto.randomUUID()}`;
    db = await openContentDb(name);
  });

  afterEach(async () => {
    db.close();
    await new Promise((resolve) => {
      const request = indexedDB.deleteDatabase(name);
      request.onsuccess = request.onerror = request.onblocked = resolve;
    });
  });

  it('has the version that was put, and no other', async () => {
    expect(await hasContentPackage(db, 'p1', 'v1')).to.equal(false);
    await putContentPackage(db, 'p1', 'v1', files(3));
    expect(await hasContentPackage(db, 'p1', 'v1')).to.equal(true);
    expect(await hasContentPackage(db, 'p1', 'v2')).to.equal(false);
    expect(await hasContentPackage(db, 'p2', 'v1')).to.equal(false);
    const file = await findContentFile(db, 'p1', 'page2.html');
    expect(await file?.blob.text()).to.equal('<p>v1 2</p>');
  });

  it('a new version replaces every file of the old one, and nothing of another package', async () => {
    await putContentPackage(db, 'p1', 'v1', files(3));
    await putContentPackage(db, 'p2', 'v1', files(2, 'other'));
    await putContentPackage(db, 'p1', 'v2', files(1, 'v2'));
    expect(await hasContentPackage(db, 'p1', 'v2')).to.equal(true);
    expect(await findContentFile(db, 'p1', 'page1.html')).to.equal(undefined);
    expect(await (await findContentFile(db, 'p1', 'page0.html'))?.blob.text()).to.equal('<p>v2 0</p>');
    expect(await hasContentPackage(db, 'p2', 'v1')).to.equal(true);
    expect(await (await findContentFile(db, 'p2', 'page1.html'))?.blob.text()).to.equal('<p>other 1</p>');
  });

  it('a copy missing a file is not present (it is transferred again), and a new put makes it whole', async () => {
    await putContentPackage(db, 'p1', 'v1', files(3));
    await db.delete('files', ['p1', 'page1.html']);
    expect(await hasContentPackage(db, 'p1', 'v1')).to.equal(false);
    await putContentPackage(db, 'p1', 'v1', files(3));
    expect(await hasContentPackage(db, 'p1', 'v1')).to.equal(true);
  });

  it('a record of an earlier build, without a file count, is not present', async () => {
    await putContentPackage(db, 'p1', 'v1', files(2));
    await db.put('packages', { id: 'p1', version: 'v1', storedAt: new Date().toISOString() });
    expect(await hasContentPackage(db, 'p1', 'v1')).to.equal(false);
  });

  it('a transfer cut off midway (its page gone) leaves nothing present, and the next one completes', async () => {
    // The store host's page goes away while its transaction is under way (a closed tab): the writes
    // are made through that frame's own connection, then the frame is removed in the same task.
    const frame = document.createElement('iframe');
    document.body.append(frame);
    const frameIdb = frame.contentWindow!.indexedDB;
    const raw = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = frameIdb.open(name);
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error ?? new Error('open failed'));
    });
    const frameDb = wrap(raw) as unknown as ContentDatabase;
    const big = new Uint8Array(8 * 1024 * 1024);
    const cut = putContentPackage(frameDb, 'p1', 'v1', [
      ...files(50),
      { path: 'media/film.mp4', blob: new Blob([big]), type: 'video/mp4' },
    ]);
    cut.catch(() => undefined);
    frame.remove();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await hasContentPackage(db, 'p1', 'v1')).to.equal(false);
    expect(await db.count('files')).to.equal(0);
    await putContentPackage(db, 'p1', 'v1', files(50));
    expect(await hasContentPackage(db, 'p1', 'v1')).to.equal(true);
  });
});

describe('StoreHost', () => {
  const name = `test-store-host-${crypto.randomUUID()}`;

  after(async () => {
    await new Promise((resolve) => {
      const request = indexedDB.deleteDatabase(name);
      request.onsuccess = request.onerror = request.onblocked = resolve;
    });
  });

  it('says ready, then answers has and put for the app, keeping the files in the content database', async () => {
    const channel = new MessageChannel();
    const replies: StoreToApp[] = [];
    const waiters: (() => void)[] = [];
    channel.port1.onmessage = (event: MessageEvent) => {
      replies.push(event.data as StoreToApp);
      waiters.splice(0).forEach((w) => w());
    };
    const next = async (): Promise<StoreToApp> => {
      while (replies.length === 0) await new Promise<void>((resolve) => waiters.push(resolve));
      return replies.shift()!;
    };
    const ask = (request: AppToStore) => {
      channel.port1.postMessage(request);
      return next();
    };
    new StoreHost(channel.port2, name).start(true);
    expect(await next()).to.deep.equal({ type: 'ready', worker: true });
    expect(await ask({ type: 'has', id: 1, packageId: 'p1', version: 'v1' })).to.deep.equal({
      type: 'done',
      id: 1,
      present: false,
    });
    expect(await ask({ type: 'put', id: 2, packageId: 'p1', version: 'v1', files: files(2) })).to.deep.equal({
      type: 'done',
      id: 2,
      present: true,
    });
    expect(await ask({ type: 'has', id: 3, packageId: 'p1', version: 'v1' })).to.deep.equal({
      type: 'done',
      id: 3,
      present: true,
    });
    channel.port1.close();
    const db = await openContentDb(name);
    expect(await (await findContentFile(db, 'p1', 'page1.html'))?.blob.text()).to.equal('<p>v1 1</p>');
    db.close();
  });
});
