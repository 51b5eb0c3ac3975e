// Whole-app test harness: serves the built app (dist/) with the project's fixtures (test/fixtures/) under
// /fixtures/ and the corpus folder (scripts/corpus.js; only the *.corpus.test.ts files use it) under /corpus/,
// and drives Debian's Chromium with playwright-core. Like `npm start`, it serves two origins
// (scripts/two-origins.js): the app, and the content origin every SCO runs on (architecture.md "Content isolation").
import { resolve } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { serveTwoOrigins } from '../../scripts/two-origins.js';
import { launchChromium } from '../../bench/lib/chromium.js';
import { corpusRoot } from '../../scripts/corpus.js';

export const projectRoot = resolve(import.meta.dirname, '../..');
export const fixturesRoot = resolve(projectRoot, 'test/fixtures');
export { corpusRoot };

export interface Harness {
  /** Base URL of the app, e.g. http://127.0.0.1:43123 (no trailing slash). */
  url: string;
  /** Base URL of the content origin (no trailing slash), unless `contentOrigin: false`. */
  contentUrl: string | undefined;
  browser: Browser;
  /** A fresh context (own IndexedDB) and page; closed by close(). */
  newPage(): Promise<{ context: BrowserContext; page: Page }>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  /** Extra folders served under URL prefixes, besides /fixtures/ and /corpus/. */
  mounts?: Record<string, string>;
  /** A request hook; return true when it answered. */
  handle?: (req: IncomingMessage, res: ServerResponse) => boolean;
  /** Serve one origin only (no config.json): content runs on the app's origin. */
  contentOrigin?: boolean;
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const server = await serveTwoOrigins({
    root: resolve(projectRoot, 'dist'),
    mounts: { '/fixtures/': fixturesRoot, '/corpus/': corpusRoot, ...options.mounts },
    ...(options.handle ? { handle: options.handle } : {}),
    contentOrigin: options.contentOrigin ?? true,
  });
  const browser = await launchChromium();
  const contexts: BrowserContext[] = [];
  return {
    url: server.appUrl,
    contentUrl: server.contentUrl,
    browser,
    async newPage() {
      const context = await browser.newContext();
      contexts.push(context);
      // Golf 4th-edition content loads jQuery from a public CDN; this machine has no internet, so answer
      // every off-machine request with an empty 404 rather than hanging.
      await context.route(/^https?:\/\/(?!127\.0\.0\.1|localhost)/, (route) =>
        route.fulfill({ status: 404, body: '' }),
      );
      const page = await context.newPage();
      return { context, page };
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => undefined);
      await browser.close();
      await server.close();
    },
  };
}
