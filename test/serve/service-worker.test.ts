import { expect } from '@open-wc/testing';
import { importPackage } from '../../src/storage/importer.js';
import type { StoredPackage } from '../../src/storage/db.js';
import { applyServiceWorkerUpdate, registerServiceWorker } from '../../src/serve/register.js';
import { contentBaseUrl, contentUrl } from '../../src/serve/content-url.js';
import { SHELL_CACHE } from '../../src/serve/shell-cache.js';
import { fixtureFiles, zipFiles } from '../package/zip-fixtures.js';
import { freshDb, randomBytes, type TestDb } from '../storage/import-fixtures.js';

/** Records the SCORM 1.2 calls the fixture SCO makes (the content finds it on this, its parent window). */
const calls: string[] = [];
const api12 = {
  LMSInitialize: () => (calls.push('LMSInitialize'), 'true'),
  LMSFinish: () => 'true',
  LMSGetValue: (name: string) => (calls.push(`LMSGetValue ${name}`), ''),
  LMSSetValue: () => 'true',
  LMSCommit: () => 'true',
  LMSGetLastError: () => '0',
  LMSGetErrorString: () => '',
  LMSGetDiagnostic: () => '',
};

/** A valid 8 kHz, 8-bit mono PCM WAV of `seconds` seconds (RIFF header + a triangle wave). */
function wav(seconds: number): Uint8Array {
  const samples = 8000 * seconds;
  const out = new Uint8Array(44 + samples);
  const view = new DataView(out.buffer);
  const ascii = (at: number, text: string): void => {
    for (let i = 0; i < text.length; i++) out[at + i] = text.charCodeAt(i);
  };
  ascii(0, 'RIFF');
  view.setUint32(4, 36 + samples, true);
  ascii(8, 'WAVEfmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, 1, true); // mono
  view.setUint32(24, 8000, true);
  view.setUint32(28, 8000, true);
  view.setUint16(32, 1, true);
  view.setUint16(34, 8, true);
  ascii(36, 'data');
  view.setUint32(40, samples, true);
  for (let i = 0; i < samples; i++) out[44 + i] = 128 + ((i % 32) - 16) * 4;
  return out;
}

/** Polls until the condition holds, for at most 10 s (the assertions after it say what failed). */
async function until(condition: () => boolean): Promise<void> {
  for (const end = Date.now() + 10_000; !condition() && Date.now() < end;)
    await new Promise((resolve) => setTimeout(resolve, 25));
}

function waitForState(worker: ServiceWorker, state: ServiceWorkerState): Promise<void> {
  if (worker.state === state) return Promise.resolve();
  return new Promise((resolve) => {
    worker.addEventListener('statechange', () => {
      if (worker.state === state) resolve();
    });
  });
}

describe('service worker (Chromium)', () => {
  const scopeName = `s${crypto.randomUUID()}`;
  const scope = new URL(`/sw-test/${scopeName}/`, location.href).href;
  const media = randomBytes(300_000);
  let t: TestDb;
  let record: StoredPackage;
  let registration: ServiceWorkerRegistration;
  const frames: HTMLIFrameElement[] = [];

  async function loadFrame(url: string): Promise<HTMLIFrameElement> {
    const frame = document.createElement('iframe');
    frames.push(frame);
    const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    frame.src = url;
    document.body.append(frame);
    await loaded;
    return frame;
  }

  /** A fetch made by a page the worker controls (the test page itself is outside the scope). */
  async function controlledFetch(url: string, init?: RequestInit): Promise<Response> {
    const frame = frames[0] ?? (await loadFrame(contentUrl(scope, record.id, 'notes/notes.css')));
    return (frame.contentWindow as Window & typeof globalThis).fetch(url, init);
  }

  async function serverHits(): Promise<string[]> {
    return (await fetch(`${scope}__hits`)).json() as Promise<string[]>;
  }

  before(async () => {
    (window as unknown as { API: typeof api12 }).API = api12;
    t = await freshDb('test-sw');
    const files = await fixtureFiles();
    files.set('media/clip.mp4', media);
    files.set('media/tone.wav', wav(30));
    files.set(
      'media/player.html',
      new TextEncoder().encode('<title>player</title><audio src="tone.wav" preload="auto"></audio>'),
    );
    record = await importPackage(new Blob([zipFiles(files) as Uint8Array<ArrayBuffer>]), { db: t.db });
    registration = await registerServiceWorker({
      url: `/sw-test/sw.js?db=${encodeURIComponent(t.name)}`,
      scope,
    });
  });

  afterEach(() => {
    for (const frame of frames.splice(0)) frame.remove();
  });

  after(async () => {
    await fetch(`${scope}__online`);
    await registration?.unregister();
    await t.remove();
    const cache = await caches.open(SHELL_CACHE);
    for (const request of await cache.keys()) if (request.url.startsWith(scope)) await cache.delete(request);
    delete (window as unknown as { API?: unknown }).API;
  });

  it('registers and activates the worker for its scope', () => {
    expect(registration.scope).to.equal(scope);
    expect(registration.active?.state).to.equal('activated');
  });

  it('serves a fixture package into an iframe, from IndexedDB alone', async () => {
    const frame = await loadFrame(contentUrl(scope, record.id, 'sco.html'));
    const doc = frame.contentDocument!;
    expect(doc.title).to.equal('Fixture SCO');
    // sco.js was served and ran: the content found the API and initialized.
    await until(() => calls.includes('LMSInitialize'));
    expect(calls).to.include('LMSInitialize');
    // The glossary asset loads its stylesheet and image from the package too.
    const glossary = await loadFrame(contentUrl(scope, record.id, 'notes/glossary.html'));
    const image = glossary.contentDocument!.querySelector('img')!;
    await until(() => image.complete && image.naturalWidth > 0);
    expect(image.naturalWidth).to.equal(48);
    expect(glossary.contentWindow!.getComputedStyle(glossary.contentDocument!.body).fontFamily).to.equal(
      'serif',
    );
    expect(glossary.contentDocument!.location.href).to.contain(contentBaseUrl(scope, record.id));
    expect((await serverHits()).filter((h) => h.startsWith('content/'))).to.deep.equal([]);
  });

  it('answers with the stored Content-Type, a case-insensitive match, and 404 for what is absent', async () => {
    const types: [string, string][] = [
      ['sco.html', 'text/html'],
      ['sco.js', 'text/javascript'],
      ['notes/notes.css', 'text/css'],
      ['images/rope.png', 'image/png'],
      ['imsmanifest.xml', 'application/xml'],
      ['media/clip.mp4', 'video/mp4'],
    ];
    for (const [path, type] of types) {
      const response = await controlledFetch(contentUrl(scope, record.id, path));
      expect(response.status, path).to.equal(200);
      expect(response.headers.get('Content-Type'), path).to.equal(type);
    }
    const png = await controlledFetch(contentUrl(scope, record.id, 'IMAGES/Rope.PNG'));
    expect(png.status).to.equal(200);
    // Launch parameters in the query do not change which file is served; HEAD answers headers only.
    const page = await controlledFetch(`${contentUrl(scope, record.id, 'sco.html')}?lesson=2#p3`);
    expect(page.status).to.equal(200);
    const head = await controlledFetch(contentUrl(scope, record.id, 'media/clip.mp4'), { method: 'HEAD' });
    expect(head.status).to.equal(200);
    expect(head.headers.get('Content-Length')).to.equal(String(media.length));
    expect((await head.arrayBuffer()).byteLength).to.equal(0);
    for (const url of [
      contentUrl(scope, record.id, 'notes/missing.html'),
      contentUrl(scope, 'no-such-package', 'sco.html'),
      contentBaseUrl(scope, record.id),
    ]) {
      const response = await controlledFetch(url);
      expect(response.status, url).to.equal(404);
    }
    expect((await serverHits()).filter((h) => h.startsWith('content/'))).to.deep.equal([]);
  });

  it('answers Range requests with 206 and Content-Range, and 416 past the end', async () => {
    const url = contentUrl(scope, record.id, 'media/clip.mp4');
    const whole = await controlledFetch(url);
    expect(whole.headers.get('Accept-Ranges')).to.equal('bytes');
    expect(whole.headers.get('Content-Length')).to.equal(String(media.length));
    expect(new Uint8Array(await whole.arrayBuffer())).to.deep.equal(media);

    const part = await controlledFetch(url, { headers: { Range: 'bytes=1000-1999' } });
    expect(part.status).to.equal(206);
    expect(part.headers.get('Content-Range')).to.equal(`bytes 1000-1999/${media.length}`);
    expect(part.headers.get('Content-Type')).to.equal('video/mp4');
    expect(new Uint8Array(await part.arrayBuffer())).to.deep.equal(media.slice(1000, 2000));

    const open = await controlledFetch(url, { headers: { Range: 'bytes=299000-' } });
    expect(open.status).to.equal(206);
    expect(open.headers.get('Content-Range')).to.equal(`bytes 299000-299999/${media.length}`);
    const suffix = await controlledFetch(url, { headers: { Range: 'bytes=-10' } });
    expect(new Uint8Array(await suffix.arrayBuffer())).to.deep.equal(media.slice(-10));

    const past = await controlledFetch(url, { headers: { Range: `bytes=${media.length}-` } });
    expect(past.status).to.equal(416);
    expect(past.headers.get('Content-Range')).to.equal(`bytes */${media.length}`);
  });

  it('plays and seeks real audio through Range requests in a content frame', async () => {
    const frame = await loadFrame(contentUrl(scope, record.id, 'media/player.html'));
    const audio = frame.contentDocument!.querySelector('audio')!;
    await until(() => audio.readyState >= HTMLMediaElement.HAVE_METADATA || audio.error !== null);
    expect(audio.error).to.equal(null);
    expect(audio.duration).to.be.closeTo(30, 0.01);
    // Seekable to the end only when the server (here the worker) answers byte ranges.
    expect(audio.seekable.length).to.equal(1);
    expect(audio.seekable.end(0)).to.be.closeTo(30, 0.01);
    audio.currentTime = 25;
    await until(() => !audio.seeking);
    expect(audio.currentTime).to.be.closeTo(25, 0.01);
  });

  it('precaches the app shell on install and keeps working offline', async () => {
    const cache = await caches.open(SHELL_CACHE);
    const cached = (await cache.keys()).map((r) => r.url).filter((u) => u.startsWith(scope));
    expect(cached.sort()).to.deep.equal([scope, `${scope}assets/app-1234.js`, `${scope}shell.css`].sort());

    // Course folders on the same host are left to the browser (and its HTTP cache): not in the shell cache.
    expect((await controlledFetch(`${scope}course/page.html`)).status).to.equal(200);
    expect(await cache.match(`${scope}course/page.html`)).to.equal(undefined);

    await fetch(`${scope}__offline`);
    try {
      const shell = await controlledFetch(`${scope}?course=x`);
      expect(shell.status).to.equal(200);
      expect(await shell.text()).to.contain('<title>Shell</title>');
      expect(await (await controlledFetch(`${scope}assets/app-1234.js`)).text()).to.contain('app = 1');
      // Something never cached fails as the network does.
      let failed = false;
      await controlledFetch(`${scope}dispatches.json`).catch(() => (failed = true));
      expect(failed).to.equal(true);
      // An app route is answered with the cached index.
      const route = await loadFrame(`${scope}player/dispatch/abc`);
      expect(route.contentDocument?.title).to.equal('Shell');
      // Content still plays: a fresh frame loads the course from IndexedDB.
      const frame = await loadFrame(contentUrl(scope, record.id, 'sco.html'));
      expect(frame.contentDocument?.title).to.equal('Fixture SCO');
    } finally {
      await fetch(`${scope}__online`);
    }
  });

  it('lets a new version wait while content is open, and take over when the app applies it', async () => {
    const base = `/sw-test/sw.js?db=${encodeURIComponent(t.name)}`;
    await loadFrame(contentUrl(scope, record.id, 'sco.html'));
    const before = registration.active!.scriptURL;
    await navigator.serviceWorker.register(`${base}&v=2`, { scope, type: 'module' });
    const installing = registration.installing ?? registration.waiting;
    expect(installing).to.not.equal(null);
    await waitForState(installing!, 'installed');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(registration.waiting?.scriptURL).to.contain('v=2');
    expect(registration.active?.scriptURL).to.equal(before);

    expect(await applyServiceWorkerUpdate(registration)).to.equal(true);
    expect(registration.active?.scriptURL).to.contain('v=2');
    // The content frame keeps being served by the new version.
    const response = await controlledFetch(contentUrl(scope, record.id, 'notes/notes.css'));
    expect(response.status).to.equal(200);
  });

  it('lets a new version take over at once when no content is open', async () => {
    for (const frame of frames.splice(0)) frame.remove();
    await new Promise((resolve) => setTimeout(resolve, 500)); // let the closed frames leave the client list
    const base = `/sw-test/sw.js?db=${encodeURIComponent(t.name)}`;
    await navigator.serviceWorker.register(`${base}&v=3`, { scope, type: 'module' });
    const worker = registration.installing ?? registration.waiting ?? registration.active!;
    await waitForState(worker, 'activated');
    expect(registration.active?.scriptURL).to.contain('v=3');
    expect(registration.waiting).to.equal(null);
  });
});

describe('registerServiceWorker in a page of its scope', () => {
  const scope = new URL(`/sw-test/r${crypto.randomUUID()}/`, location.href).href;
  let t: TestDb;
  let frame: HTMLIFrameElement | undefined;
  before(async () => {
    t = await freshDb('test-sw-register');
  });
  after(async () => {
    frame?.remove();
    const registration = await navigator.serviceWorker.getRegistration(scope);
    await registration?.unregister();
    await t.remove();
  });

  it('resolves once the new worker controls the page (first install claims it)', async () => {
    frame = document.createElement('iframe');
    const loaded = new Promise((resolve) => frame!.addEventListener('load', resolve, { once: true }));
    frame.src = `${scope}register.html?db=${encodeURIComponent(t.name)}`;
    document.body.append(frame);
    await loaded;
    const win = frame.contentWindow as Window & {
      registered?: Promise<{ scope: string; controller: string | null }>;
    };
    expect(win.navigator.serviceWorker.controller).to.equal(null);
    while (!win.registered) await new Promise((resolve) => setTimeout(resolve, 20));
    const result = await win.registered;
    expect(result.scope).to.equal(scope);
    expect(result.controller).to.contain('/sw-test/sw.js');
    expect(win.navigator.serviceWorker.controller).to.not.equal(null);
  });
});

describe('registerServiceWorker with a content origin (isolated)', () => {
  // Every answer of this scope is late, so the worker's install (its shell precache) takes a while.
  const scope = new URL(`/sw-test/slow-${crypto.randomUUID()}/`, location.href).href;
  let t: TestDb;
  let frame: HTMLIFrameElement | undefined;
  before(async () => {
    t = await freshDb('test-sw-isolated');
  });
  after(async () => {
    frame?.remove();
    const registration = await navigator.serviceWorker.getRegistration(scope);
    await registration?.unregister();
    await t.remove();
    const cache = await caches.open(SHELL_CACHE);
    for (const request of await cache.keys()) if (request.url.startsWith(scope)) await cache.delete(request);
  });

  it('resolves once registered, without waiting for the install; the worker then takes the page over', async () => {
    frame = document.createElement('iframe');
    const loaded = new Promise((resolve) => frame!.addEventListener('load', resolve, { once: true }));
    frame.src = `${scope}register.html?isolated&db=${encodeURIComponent(t.name)}`;
    document.body.append(frame);
    await loaded;
    const win = frame.contentWindow as Window & {
      registered?: Promise<{ scope: string; controller: string | null; active: string | null }>;
    };
    while (!win.registered) await new Promise((resolve) => setTimeout(resolve, 20));
    const result = await win.registered;
    expect(result.scope).to.equal(scope);
    // Content is served by the content origin's own worker: nothing here waited for this one.
    expect(result.active).to.equal(null);
    expect(result.controller).to.equal(null);
    await until(() => win.navigator.serviceWorker.controller !== null);
    expect(win.navigator.serviceWorker.controller?.scriptURL).to.contain('isolated=1');
  });
});
