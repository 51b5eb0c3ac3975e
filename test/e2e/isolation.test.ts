// Content isolation (issue 10, architecture.md "Content isolation"), in Chromium with two origins: a hostile
// package, imported and opened by URL, tries to reach the app's databases, windows, caches and service
// worker scope, to post as the player and to navigate the page away. Every attempt fails, while its SCORM
// calls work and its progress is saved and resumed. Links never import on their own, and a javascript:
// launch URL is refused.
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { strToU8, zipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { startHarness, type Harness } from './harness.js';
import { currentTitle, readStore, recordDialogs, scoFrame } from './player-page.js';
import type { StoredAttempt } from '../../src/storage/db.js';

const manifest = (href: string) => `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="hostile.course" version="1" xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3">
  <metadata><schema>ADL SCORM</schema><schemaversion>2004 4th Edition</schemaversion></metadata>
  <organizations default="org">
    <organization identifier="org"><title>Hostile course</title>
      <item identifier="sco" identifierref="r1"><title>Hostile lesson</title></item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="r1" type="webcontent" adlcp:scormType="sco" href="${href}"><file href="index.html"/></resource>
  </resources>
</manifest>`;

/**
 * The hostile SCO: it finds the API the standard way, reports, and tries every attack; `window.attacks`
 * holds what each attempt achieved (true = the attack worked).
 */
const hostileSco = `<!doctype html><html><head><meta charset="utf-8"><title>Hostile</title></head><body>
<p id="entry"></p>
<script>
function findApi(w) { for (let i = 0; w && i < 10; i++) { if (w.API_1484_11) return w.API_1484_11; if (w.parent === w) break; w = w.parent; } return null; }
const api = findApi(window);
api.Initialize('');
document.getElementById('entry').textContent = api.GetValue('cmi.entry') + '|' + api.GetValue('cmi.location');
api.SetValue('cmi.location', 'hostile-page-3');
api.SetValue('cmi.suspend_data', 'hostile-data');
api.SetValue('cmi.exit', 'suspend');
api.Commit('');
const tries = async (f) => { try { return Boolean(await f()); } catch { return false; } };
window.attacks = (async () => {
  const appOrigin = new URLSearchParams(parent.location.search).get('app');
  const r = {};
  r.listsAppDatabase = await tries(async () => (await indexedDB.databases()).some((d) => d.name === 'scorm-player'));
  r.readsAppDatabase = await tries(() => new Promise((resolve) => {
    const open = indexedDB.open('scorm-player');
    open.onsuccess = () => { const has = open.result.objectStoreNames.contains('attempts'); open.result.close(); indexedDB.deleteDatabase('scorm-player'); resolve(has); };
    open.onerror = () => resolve(false);
  }));
  r.readsTopDocument = await tries(() => top.document.title.length >= 0);
  r.readsGrandparent = await tries(() => parent.parent.location.href.length > 0);
  r.callsTopFunction = await tries(() => typeof top.customElements.get === 'function');
  r.writesAppCache = await tries(async () => {
    const cache = await caches.open('scorm-player-shell');
    await cache.put(appOrigin + '/index.html', new Response('<script>alert("owned")<\\/script>', { headers: { 'Content-Type': 'text/html' } }));
    return (await caches.match(appOrigin + '/index.html')) !== undefined && location.origin === appOrigin;
  });
  r.registersAppWorker = await tries(async () => {
    await navigator.serviceWorker.register(appOrigin + '/sw.js', { scope: appOrigin + '/' });
    return true;
  });
  r.postsAsPlayer = await tries(() => {
    top.postMessage({ protocol: 'scorm-player/content-host@1', type: 'commit', seq: 1, state: {} }, '*');
    top.postMessage({ type: 'scorm-relay', results: { completion: 'completed', success: 'passed' } }, '*');
    return false; // delivery is checked by the test: nothing of it reaches the app's records
  });
  r.navigatesTop = await tries(() => { top.location.href = 'https://example.com/owned'; return true; });
  return r;
})();
</script></body></html>`;

let h: Harness;
let tmp: string;

before(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'iso-'));
  const folder = join(tmp, 'hostile');
  mkdirSync(folder);
  writeFileSync(join(folder, 'imsmanifest.xml'), manifest('index.html'));
  writeFileSync(join(folder, 'index.html'), hostileSco);
  const js = join(tmp, 'js');
  mkdirSync(js);
  writeFileSync(join(js, 'imsmanifest.xml'), manifest('javascript:parent.owned=1'));
  writeFileSync(join(js, 'index.html'), hostileSco);
  // A plain SCO with a file beside it, for the transfer to the content origin.
  writeFileSync(
    join(tmp, 'plain.zip'),
    zipSync({
      'imsmanifest.xml': strToU8(manifest('index.html').replace('hostile.course', 'plain.course')),
      'index.html': strToU8('<!doctype html><title>Plain</title><p>plain</p>'),
      'media/notes.txt': strToU8('notes of the plain course'),
    }),
  );
  writeFileSync(
    join(tmp, 'hostile.zip'),
    zipSync({ 'imsmanifest.xml': strToU8(manifest('index.html')), 'index.html': strToU8(hostileSco) }),
  );
  h = await startHarness({ mounts: { '/iso/': tmp } });
});

after(async () => {
  await h?.close();
  rmSync(tmp, { recursive: true, force: true });
});

async function attacks(page: Page): Promise<Record<string, boolean>> {
  const sco = await scoFrame(page);
  await sco.waitForFunction(() => 'attacks' in window);
  return sco.evaluate(() => (window as unknown as { attacks: Promise<Record<string, boolean>> }).attacks);
}

async function playHostile(page: Page, course: string): Promise<void> {
  const dialogs = recordDialogs(page);
  await page.goto(`${h.url}/?course=${course}&learner=victim`);
  assert.equal(await currentTitle(page), 'Hostile lesson');
  const result = await attacks(page);
  assert.deepEqual(
    Object.entries(result).filter(([, worked]) => worked),
    [],
    'every attack fails',
  );
  assert.equal(Object.keys(result).length, 9);
  // The page was not navigated away, and no dialog of the app's origin ran.
  assert.ok(page.url().startsWith(h.url));
  assert.deepEqual(dialogs, []);
  // The app's cache holds no forged index, and its worker serves no package file on the app's origin.
  const appSide = await page.evaluate(async () => {
    const forged = await caches.match(`${location.origin}/index.html`);
    const text = forged ? await forged.text() : '';
    const names = (await indexedDB.databases()).map((d) => d.name);
    return { forged: text.includes('owned'), names };
  });
  assert.equal(appSide.forged, false);
  assert.ok(appSide.names.includes('scorm-player'), 'the app still has its database');
  // Its SCORM calls worked: the progress is in the app's database.
  await page.waitForFunction(async () => {
    const play = document.querySelector('scorm-app')?.shadowRoot?.querySelector('scorm-play-view');
    const player = play?.shadowRoot?.querySelector('scorm-player') as { whenSaved(): Promise<void> } | null;
    await player?.whenSaved();
    return true;
  });
  const attempts = await readStore<StoredAttempt>(page, 'attempts');
  const mine = attempts.find((a) => a.learnerId === 'victim');
  assert.equal(mine?.state.location, 'hostile-page-3');
  assert.equal(mine?.state.suspendData, 'hostile-data');
  // Resumed on the next visit.
  await page.reload();
  assert.equal(await currentTitle(page), 'Hostile lesson');
  const sco = await scoFrame(page);
  await sco.locator('#entry').filter({ hasText: 'resume|hostile-page-3' }).waitFor({ timeout: 15000 });
}

describe('content isolation', () => {
  it('a hostile package opened by URL reaches nothing of the app, and its progress is kept', async () => {
    const { page } = await h.newPage();
    await playHostile(page, '/iso/hostile/imsmanifest.xml');
  });

  it('a hostile imported package reaches nothing of the app, and its progress is kept', async () => {
    const { page } = await h.newPage();
    await playHostile(page, '/iso/hostile.zip');
    const packages = await readStore<{ id: string }>(page, 'packages');
    assert.equal(packages.length, 1);
    // Its files are not served on the app's origin (content opened there would run with the app's rights).
    const status = await page.evaluate(
      async (id) => (await fetch(`content/${id}/index.html`)).status,
      packages[0]!.id,
    );
    assert.equal(status, 404);
  });

  it("an imported package's copy on the content origin left incomplete is transferred again", async () => {
    const { page } = await h.newPage();
    await page.goto(`${h.url}/?course=/iso/plain.zip&learner=reader`);
    assert.equal(await currentTitle(page), 'Hostile lesson');
    const notes = async () => {
      const sco = await scoFrame(page);
      await sco.waitForFunction(() => document.title === 'Plain');
      return sco.evaluate(async () => {
        const response = await fetch('media/notes.txt');
        return `${response.status} ${await response.text()}`;
      });
    };
    assert.equal(await notes(), '200 notes of the plain course');
    // A copy cut short (as a transfer whose page went away would leave, were it not one transaction): one
    // file of it is gone from the content origin's database.
    const sco = await scoFrame(page);
    const removed = await sco.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          const open = indexedDB.open('scorm-player-content');
          open.onerror = () => reject(new Error('no content database'));
          open.onsuccess = () => {
            const tx = open.result.transaction('files', 'readwrite');
            const store = tx.objectStore('files');
            let count = 0;
            store.openCursor().onsuccess = (event) => {
              const cursor = (event.target as IDBRequest<IDBCursorWithValue | null>).result;
              if (!cursor) return;
              if ((cursor.value as { path: string }).path === 'media/notes.txt') {
                cursor.delete();
                count++;
              }
              cursor.continue();
            };
            tx.oncomplete = () => {
              open.result.close();
              resolve(count);
            };
          };
        }),
    );
    assert.equal(removed, 1);
    const packages = await readStore<{ id: string }>(page, 'packages');
    assert.equal(packages.length, 1);
    // The next opening (a new page) finds the copy incomplete and transfers the package again.
    await page.goto(`${h.url}/?package=${packages[0]!.id}&learner=reader`);
    assert.equal(await currentTitle(page), 'Hostile lesson');
    assert.equal(await notes(), '200 notes of the plain course');
  });

  it("where the content origin gets no worker, an imported package plays on the app's origin", async () => {
    // The browser refuses the content origin a service worker (as third-party storage blocking does): here,
    // its script is missing. The app's own worker then serves the package, as without a content origin.
    const refused = await startHarness({
      mounts: { '/iso/': tmp },
      handle: (req, res) => {
        if (!new URL(req.url ?? '/', 'http://x').pathname.endsWith('/content-sw.js')) return false;
        res.writeHead(404).end();
        return true;
      },
    });
    try {
      const { page } = await refused.newPage();
      await page.goto(`${refused.url}/?course=/iso/plain.zip&learner=reader`);
      assert.equal(await currentTitle(page), 'Hostile lesson');
      const sco = await scoFrame(page);
      await sco.waitForFunction(() => document.title === 'Plain');
      assert.ok(sco.url().startsWith(`${refused.url}/content/`), sco.url());
    } finally {
      await refused.close();
    }
  });

  it('a zip link from another origin asks first, naming it; Cancel imports nothing', async () => {
    const { page } = await h.newPage();
    const foreign = `${h.contentUrl}/iso/hostile.zip`;
    await page.goto(`${h.url}/?course=${encodeURIComponent(foreign)}&learner=victim`);
    const ask = page.getByRole('alertdialog', { name: 'Add this course to your library?' });
    await ask.waitFor();
    assert.match((await ask.textContent()) ?? '', new RegExp(foreign.replace(/[.?]/g, '\\$&')));
    await ask.getByRole('button', { name: 'Cancel' }).click();
    await page.getByText('Nothing was imported.').waitFor();
    assert.deepEqual(await readStore(page, 'packages'), []);
  });

  it('a javascript: launch URL is refused with a clear error, and nothing runs', async () => {
    const { page } = await h.newPage();
    await page.goto(`${h.url}/?course=/iso/js/imsmanifest.xml&learner=victim`);
    await page.getByRole('alert').filter({ hasText: 'javascript:' }).waitFor();
    assert.match(
      (await page.getByRole('alert').first().textContent()) ?? '',
      /only files of the package and http\(s\) URLs|neither a web address nor a file of the package/,
    );
    assert.equal(await page.evaluate(() => 'owned' in window), false);
    assert.equal(await page.locator('scorm-stage iframe').count(), 0);
  });
});
