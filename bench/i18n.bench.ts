// Localisation budgets (issue 13), on the built app (dist/) in Chromium:
// - a language switch from the header ≤ 100 ms: from choosing the language until the header and the
//   library show it. The first time, the learner focuses the switch (which starts fetching the catalogs) and
//   picks a language 300 ms later, a quick human's pace; the figure without that head start is printed too;
// - first-load JavaScript ≤ 60 KB gzipped with localisation in, for a learner whose browser asks for German
//   (the catalog chunk is then part of the first load), beside the English figure of app.bench.ts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { serveStatic } from '../scripts/static-server.js';
import { launchChromium } from './lib/chromium.js';
import { median } from './lib/stats.js';
import type { Bench } from './lib/types.js';

const dist = join(import.meta.dirname, '..', 'dist');

/** Chooses a language in the header and resolves with the ms until the header's Library link and the
 * library's heading read `expected`. */
function switchTo(page: Page, locale: string, expected: string): Promise<number> {
  // A string, not a function: tsx's keepNames helpers (__name) do not exist in the page.
  return page.evaluate(`new Promise((resolve) => {
    const app = document.querySelector('scorm-app');
    const select = app.shadowRoot.querySelector('header select');
    const started = performance.now();
    select.value = ${JSON.stringify(locale)};
    select.dispatchEvent(new Event('change'));
    (function check() {
      const link = app.shadowRoot.querySelector('nav a');
      const heading = app.shadowRoot.querySelector('scorm-library-view')?.shadowRoot?.querySelector('h1');
      const want = ${JSON.stringify(expected)};
      if (link?.textContent.trim() === want && heading?.textContent.trim() === want) resolve(performance.now() - started);
      else requestAnimationFrame(check);
    })();
  })`) as Promise<number>;
}

const bench: Bench = async () => {
  const server = await serveStatic({ root: dist });
  const browser = await launchChromium();
  try {
    // Switching languages.
    const page = await browser.newPage();
    await page.goto(`${server.url}/`);
    await page
      .locator('scorm-library-view')
      .getByText(/No courses yet|Your courses/)
      .first()
      .waitFor();
    const cold = await switchTo(page, 'de', 'Bibliothek');
    await page.reload();
    await page
      .locator('scorm-library-view')
      .getByText(/Noch keine Kurse|Ihre Kurse/)
      .first()
      .waitFor();
    await switchTo(page, 'en', 'Library');
    await page.evaluate(`localStorage.clear()`);
    // A fresh page: the catalogs are not loaded yet.
    await page.reload();
    await page
      .locator('scorm-library-view')
      .getByText(/No courses yet|Your courses/)
      .first()
      .waitFor();
    await page.locator('scorm-app header select').focus();
    await page.waitForTimeout(300);
    const first = await switchTo(page, 'fr', 'Bibliothèque');
    const times: number[] = [];
    const rounds: [string, string][] = [
      ['fr', 'Bibliothèque'],
      ['es', 'Biblioteca'],
      ['en', 'Library'],
      ['de', 'Bibliothek'],
    ];
    for (let i = 0; i < 5; i++)
      for (const [locale, word] of rounds) times.push(await switchTo(page, locale, word));
    await page.close();

    // First load in German.
    const context = await browser.newContext({ locale: 'de-DE' });
    const german = await context.newPage();
    const scripts = new Set<string>();
    german.on('response', (response) => {
      const url = new URL(response.url());
      if (url.origin === server.url && url.pathname.endsWith('.js')) scripts.add(url.pathname);
    });
    await german.goto(`${server.url}/`);
    await german
      .locator('scorm-library-view')
      .getByText(/Noch keine Kurse|Ihre Kurse/)
      .first()
      .waitFor();
    let gzipped = 0;
    for (const path of scripts)
      gzipped += gzipSync(readFileSync(join(dist, decodeURIComponent(path))), { level: 9 }).length;
    await context.close();
    return [
      {
        name: 'i18n: language switch, first time, the catalog fetched on the click (no head start)',
        value: cold,
        unit: 'ms',
      },
      {
        name: 'i18n: language switch, first time (catalogs fetched from the focus on)',
        value: first,
        unit: 'ms',
        budget: { max: 100 },
      },
      {
        name: `i18n: language switch, median of ${times.length}`,
        value: median(times),
        unit: 'ms',
        budget: { max: 100 },
      },
      { name: 'i18n: language switch, slowest', value: Math.max(...times), unit: 'ms', budget: { max: 100 } },
      {
        name: 'i18n: first-load JavaScript in German, catalog included (gzip)',
        value: gzipped / 1024,
        unit: 'KB',
        budget: { max: 60 },
      },
    ];
  } finally {
    await browser.close();
    await server.close();
  }
};

export default bench;
