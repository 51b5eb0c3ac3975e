// First-load JavaScript of the app (issue 5 budget: ≤ 60 KB gzipped): open the built app (dist/) in
// Chromium, record every script the page loads until the library view is usable (its list of courses has
// rendered), and gzip each of those files from dist/ as a CDN would send them. Lazy chunks (play, results,
// dispatch, the importer) must not be among them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { serveStatic } from '../scripts/static-server.js';
import { launchChromium } from './lib/chromium.js';
import type { Bench } from './lib/types.js';

const dist = join(import.meta.dirname, '..', 'dist');

const bench: Bench = async () => {
  const server = await serveStatic({ root: dist });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const scripts = new Set<string>();
    page.on('response', (response) => {
      const url = new URL(response.url());
      const type = response.request().resourceType();
      if (url.origin === server.url && (type === 'script' || url.pathname.endsWith('.js')))
        scripts.add(url.pathname);
    });
    const started = Date.now();
    await page.goto(`${server.url}/`);
    // Usable: the library's list (or its empty state) has rendered from IndexedDB.
    await page
      .locator('scorm-library-view')
      .getByText(/No courses yet|Your courses/)
      .first()
      .waitFor();
    await page.getByRole('link', { name: 'try the demo course' }).waitFor();
    const usableMs = Date.now() - started;
    let gzipped = 0;
    let raw = 0;
    for (const path of scripts) {
      const bytes = readFileSync(join(dist, decodeURIComponent(path)));
      raw += bytes.length;
      gzipped += gzipSync(bytes, { level: 9 }).length;
    }
    console.log(`  first-load scripts: ${[...scripts].sort().join(', ')}`);
    return [
      {
        name: 'app: first-load JavaScript before the library view is usable (gzip)',
        value: gzipped / 1024,
        unit: 'KB',
        budget: { max: 60 },
      },
      { name: 'app: the same, uncompressed', value: raw / 1024, unit: 'KB' },
      { name: 'app: scripts loaded before the library view is usable', value: scripts.size, unit: 'files' },
      { name: 'app: time until the library view is usable (local server)', value: usableMs, unit: 'ms' },
    ];
  } finally {
    await browser.close();
    await server.close();
  }
};

export default bench;
