// Helpers for whole-app tests that drive the player page: the TOC, the toolbar, the content frame and the
// SCORM API the content finds on the player's window.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BrowserContext, Frame, FrameLocator, Page } from 'playwright-core';

const standIn = readFileSync(resolve(import.meta.dirname, 'jquery-stand-in.js'), 'utf8');

/**
 * golf-SequencingPostTestRollup4thEd loads jQuery and jQuery UI from ajax.googleapis.com before it
 * initializes; with no internet, answer both with the local stand-in (registered after the harness's
 * catch-all 404, so it takes precedence).
 */
export async function routeJqueryCdn(context: BrowserContext): Promise<void> {
  await context.route(/^https:\/\/ajax\.googleapis\.com\/ajax\/libs\/jquery(ui)?\//, (route) =>
    route.fulfill({ status: 200, contentType: 'text/javascript', body: standIn }),
  );
}

/** Collects alert/confirm texts (golf content confirms before resuming) and accepts them. */
export function recordDialogs(page: Page): string[] {
  const seen: string[] = [];
  page.on('dialog', (dialog) => {
    seen.push(dialog.message());
    // A page closed while its dialog was open rejects the accept: nothing is left to answer.
    dialog.accept().catch(() => undefined);
  });
  return seen;
}

/** The content frame: the one iframe the stage shows, with the item's title. */
export function contentFrame(page: Page) {
  return page.locator('scorm-stage iframe');
}

export async function currentTitle(page: Page, timeout = 15000): Promise<string> {
  const frame = contentFrame(page);
  await frame.waitFor({ state: 'visible', timeout });
  return (await frame.getAttribute('title')) ?? '';
}

/** Waits until the content frame shows an item with this title. */
export async function waitForTitle(page: Page, title: string, timeout = 15000): Promise<void> {
  await page
    .locator(`scorm-stage iframe[title="${title.replace(/"/g, '\\"')}"]`)
    .waitFor({ state: 'visible', timeout });
}

/**
 * The window the API is on (the page contract, README): the content host's frame when content runs on a
 * content origin, else the player's page itself.
 */
export async function apiFrame(page: Page, timeout = 15000): Promise<Frame> {
  const end = Date.now() + timeout;
  for (;;) {
    // Only the player's page and the content host hold the API (content may declare its own `API`).
    const holders = page.frames().filter((f) => f.url().includes('/content-host.html?'));
    for (const frame of [page.mainFrame(), ...holders]) {
      const has = await frame.evaluate(() => 'API' in window || 'API_1484_11' in window).catch(() => false);
      if (has) return frame;
    }
    if (Date.now() > end) return holders[0] ?? page.mainFrame();
    await page.waitForTimeout(50);
  }
}

/** Whether the content has initialized the API it found on its parent chain (RTE 3.1: Initialize). */
export async function apiRunning(
  page: Page,
): Promise<{ version: '1.2' | '2004' | undefined; running: boolean }> {
  const frame = await apiFrame(page);
  return frame.evaluate(() => {
    const w = window as unknown as Record<string, Record<string, (arg?: string) => string> | undefined>;
    const api2004 = w['API_1484_11'];
    if (api2004) {
      api2004['GetValue']!('cmi.mode');
      return { version: '2004' as const, running: api2004['GetLastError']!() === '0' };
    }
    const api12 = w['API'];
    if (api12) {
      api12['LMSGetValue']!('cmi.core.lesson_mode');
      return { version: '1.2' as const, running: api12['LMSGetLastError']!() === '0' };
    }
    return { version: undefined, running: false };
  });
}

export async function waitForApi(page: Page, timeout = 15000): Promise<'1.2' | '2004'> {
  const end = Date.now() + timeout;
  for (;;) {
    const state = await apiRunning(page);
    if (state.running && state.version) return state.version;
    if (Date.now() > end)
      throw new Error(`The content did not initialize the API (${JSON.stringify(state)})`);
    await page.waitForTimeout(100);
  }
}

/** The screen-reader status text of a TOC item (its aria-describedby), e.g. 'Incomplete'. */
export function tocStatus(page: Page, title: string): Promise<string> {
  return page
    .getByRole('treeitem', { name: title, exact: true, includeHidden: true })
    .first()
    .evaluate((el) => {
      const id = el.getAttribute('aria-describedby');
      const root = el.getRootNode() as Document | ShadowRoot;
      return (id && root.getElementById(id)?.textContent) || '';
    });
}

export async function waitForTocStatus(
  page: Page,
  title: string,
  wanted: RegExp,
  timeout = 15000,
): Promise<string> {
  const end = Date.now() + timeout;
  for (;;) {
    const status = await tocStatus(page, title).catch(() => '');
    if (wanted.test(status)) return status;
    if (Date.now() > end) throw new Error(`TOC status of "${title}" is "${status}", wanted ${wanted}`);
    await page.waitForTimeout(100);
  }
}

export function toolbarButton(page: Page, name: 'Previous' | 'Continue' | 'Exit' | 'Exit All' | 'Suspend') {
  return page.locator('scorm-toolbar').getByRole('button', { name, exact: true });
}

/**
 * The SCO's own frame (for clicking inside the SCO): the content frame's document, or with a content host,
 * the document of the single iframe inside it (the page contract, README).
 */
export async function scoFrame(page: Page): Promise<Frame> {
  const handle = await contentFrame(page).elementHandle();
  const frame = await handle?.contentFrame();
  if (!frame) throw new Error('no content frame');
  // A new frame is about:blank until its navigation commits: wait to tell the content host from the SCO.
  for (let i = 0; i < 300 && (frame.url() === 'about:blank' || frame.url() === ''); i++)
    await new Promise((resolve) => setTimeout(resolve, 50));
  if (!frame.url().includes('/content-host.html')) return frame;
  const inner = await frame.locator('iframe').elementHandle({ timeout: 15000 });
  const sco = await inner?.contentFrame();
  if (!sco) throw new Error('no SCO frame inside the content host');
  return sco;
}

/**
 * The SCO's document under `root` (a page, or a frame that holds a player), by the page contract: the
 * content frame's document, or the single iframe inside it when the frame holds the content host. Waits
 * for the content frame (of that title) to be there.
 */
export async function scoIn(root: Page | FrameLocator, title?: string): Promise<FrameLocator> {
  const selector = title ? `scorm-stage iframe[title="${title.replace(/"/g, '\\"')}"]` : 'scorm-stage iframe';
  const frame = root.locator(selector).first();
  await frame.waitFor({ timeout: 20000 });
  const src = (await frame.getAttribute('src')) ?? '';
  const content = root.frameLocator(selector).first();
  return src.includes('/content-host.html?') ? content.frameLocator('iframe') : content;
}

/** The SCO's document as a FrameLocator under `root`, with a content host (see scoIn). */
export function scoLocator(root: Page | FrameLocator, title?: string): FrameLocator {
  const selector = title ? `scorm-stage iframe[title="${title.replace(/"/g, '\\"')}"]` : 'scorm-stage iframe';
  return root.frameLocator(selector).frameLocator('iframe');
}

/** Reads the player's IndexedDB records from the page (the app's own database). */
export function readStore<T>(page: Page, store: 'attempts' | 'courses' | 'packages'): Promise<T[]> {
  return page.evaluate(
    (name) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open('scorm-player');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const req = db.transaction(name).objectStore(name).getAll();
          req.onsuccess = () => {
            db.close();
            resolve(req.result as T[]);
          };
          req.onerror = () => reject(req.error);
        };
      }),
    store,
  );
}
