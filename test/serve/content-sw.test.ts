// The content origin's service worker (src/serve/content-sw.ts), bundled by the test server like dist/
// content-sw.js, in Chromium: it serves a package from the content database, puts the content host page's
// assets in its cache as soon as it is active (the launch after an import loads them from there), and host
// pages loaded moments apart share one fetch of the page.
import { expect } from '@open-wc/testing';
import { openContentDb, putContentPackage } from '../../src/serve/content-store.js';

const HOST_CACHE = 'scorm-content-host';

async function until(condition: () => boolean | Promise<boolean>): Promise<void> {
  for (const end = Date.now() + 10_000; !(await condition()) && Date.now() < end;)
    await new Promise((resolve) => setTimeout(resolve, 25));
}

function loadFrame(src: string): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  const loaded = new Promise<HTMLIFrameElement>((resolve) =>
    frame.addEventListener('load', () => resolve(frame), { once: true }),
  );
  frame.src = src;
  document.body.append(frame);
  return loaded;
}

async function hits(scope: string): Promise<string[]> {
  return (await fetch(`${scope}__hits`)).json() as Promise<string[]>;
}

describe('content-sw.js', () => {
  const scope = new URL(`/sw-test/c${crypto.randomUUID()}/`, location.href).href;
  const dbName = `test-content-sw-${crypto.randomUUID()}`;
  let registration: ServiceWorkerRegistration;
  const frames: HTMLIFrameElement[] = [];

  before(async () => {
    const db = await openContentDb(dbName);
    await putContentPackage(db, 'p1', 'v1', [
      { path: 'index.html', blob: new Blob(['<title>Lesson</title>']), type: 'text/html' },
    ]);
    db.close();
    registration = await navigator.serviceWorker.register(
      `/sw-test/content-sw.js?db=${encodeURIComponent(dbName)}`,
      { scope, type: 'module' },
    );
    const worker = registration.installing ?? registration.waiting ?? registration.active!;
    await until(() => worker.state === 'activated');
  });

  after(async () => {
    for (const frame of frames) frame.remove();
    await registration?.unregister();
    const cache = await caches.open(HOST_CACHE);
    for (const request of await cache.keys()) if (request.url.startsWith(scope)) await cache.delete(request);
    await new Promise((resolve) => {
      const request = indexedDB.deleteDatabase(dbName);
      request.onsuccess = request.onerror = request.onblocked = resolve;
    });
  });

  it('serves a package file from the content database', async () => {
    const frame = await loadFrame(`${scope}content/p1/index.html`);
    frames.push(frame);
    expect(frame.contentDocument?.title).to.equal('Lesson');
  });

  it('puts the host page and the assets it links in its cache once active', async () => {
    const cached = async () => {
      const cache = await caches.open(HOST_CACHE);
      return (
        (await cache.match(`${scope}content-host.html`)) !== undefined &&
        (await cache.match(`${scope}assets/app-1234.js`)) !== undefined
      );
    };
    await until(cached);
    expect(await cached()).to.equal(true);
  });

  it('answers host pages loaded moments apart with one fetch of the page, and their assets from its cache', async () => {
    await until(async () => (await hits(scope)).includes('assets/app-1234.js'));
    const before = await hits(scope);
    for (const query of ['?app=a&role=store', '?app=a']) {
      const frame = await loadFrame(`${scope}content-host.html${query}`);
      frames.push(frame);
      expect(frame.contentDocument?.title).to.equal('host');
      expect(frame.contentWindow?.navigator.serviceWorker.controller).to.not.equal(null);
    }
    // The page was fetched on activation (warm), moments ago: neither load reached the server, nor did
    // the asset they load.
    expect((await hits(scope)).slice(before.length)).to.deep.equal([]);
  });
});
