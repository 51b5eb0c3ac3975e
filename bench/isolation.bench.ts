// Content isolation (issue 10) in Chromium, on the built app served as two origins (scripts/two-origins.js):
// - SetValue/GetValue through the content host (the runtime runs beside the SCO) against the same calls
//   with content on the app's origin (the direct launcher): as fast as today;
// - a click on an item → the SCO document's first request, for an imported package already on the
//   content origin: ≤ 150 ms median;
// - the first launch of a 10 MB imported package, its transfer to the content origin included (from opening
//   it to the SCO's first request): ≤ 1 s, median of three fresh browser contexts.
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { zipSync } from 'fflate';
import type { Frame, Page } from 'playwright-core';
import { serveTwoOrigins } from '../scripts/two-origins.js';
import { launchChromium } from './lib/chromium.js';
import { median } from './lib/stats.js';
import type { Bench, BenchFigure } from './lib/types.js';

const root = join(import.meta.dirname, '..');

function demoFiles(): Record<string, Uint8Array> {
  const demo = join(root, 'public/demo');
  const files: Record<string, Uint8Array> = {};
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else files[relative(demo, path).split('\\').join('/')] = readFileSync(path);
    }
  };
  walk(demo);
  return files;
}

/** The frame the API is on: the content host's, or the player's page. */
async function apiFrame(page: Page): Promise<Frame> {
  for (let i = 0; i < 300; i++) {
    for (const f of [page.mainFrame(), ...page.frames()]) {
      if (f !== page.mainFrame() && !f.url().includes('/content-host.html?')) continue;
      if (await f.evaluate(() => 'API_1484_11' in window).catch(() => false)) return f;
    }
    await page.waitForTimeout(50);
  }
  throw new Error('no API');
}

/** Microseconds per SetValue + GetValue pair, median of rounds, on the API the SCO found. */
async function setGetMicros(page: Page): Promise<number> {
  const frame = await apiFrame(page);
  const rounds: number[] = await frame.evaluate(() => {
    const api = (window as unknown as Record<string, Record<string, (a?: string, b?: string) => string>>)
      .API_1484_11!;
    api['Initialize']!('');
    const out: number[] = [];
    for (let r = 0; r < 7; r++) {
      const n = 5000;
      const t0 = performance.now();
      for (let i = 0; i < n; i++) {
        api['SetValue']!('cmi.location', `p${i}`);
        api['GetValue']!('cmi.location');
      }
      out.push(((performance.now() - t0) * 1000) / n);
    }
    return out;
  });
  return median(rounds);
}

/** Epoch ms at which the SCO document titled `title` sent its request (its navigation timing). */
async function scoRequestStart(page: Page, title: string): Promise<number> {
  for (let i = 0; i < 400; i++) {
    for (const f of page.frames()) {
      const got = await f
        .evaluate((t) => {
          if (document.title !== t && !document.querySelector(`h1`)?.textContent?.includes(t)) return 0;
          const nav = performance.getEntriesByType('navigation')[0] as
            PerformanceNavigationTiming | undefined;
          return nav && nav.requestStart > 0 ? performance.timeOrigin + nav.requestStart : 0;
        }, title)
        .catch(() => 0);
      if (got) return got;
    }
    await page.waitForTimeout(10);
  }
  throw new Error(`no SCO document for "${title}"`);
}

async function waitForStageTitle(page: Page, title: string): Promise<void> {
  await page.locator(`scorm-stage iframe[title="${title}"]`).waitFor({ timeout: 20000 });
}

const bench: Bench = async () => {
  const tmp = mkdtempSync(join(tmpdir(), 'iso-bench-'));
  const files = demoFiles();
  writeFileSync(join(tmp, 'demo.zip'), zipSync(files));
  // 10 MB of media beside the course (stored uncompressed, as media usually is).
  const media = new Uint8Array(10 * 1024 * 1024);
  for (let i = 0; i < media.length; i += 4096) media[i] = i & 0xff;
  writeFileSync(join(tmp, 'big.zip'), zipSync({ ...files, 'media/film.mp4': [media, { level: 0 }] }));
  const isolated = await serveTwoOrigins({ root: join(root, 'dist'), mounts: { '/bench/': tmp } });
  const direct = await serveTwoOrigins({ root: join(root, 'dist'), contentOrigin: false });
  const browser = await launchChromium();
  const figures: BenchFigure[] = [];
  try {
    // 1. SetValue/GetValue, hosted against direct.
    const perCall: Record<string, number> = {};
    for (const [name, server] of [
      ['hosted', isolated],
      ['direct', direct],
    ] as const) {
      const context = await browser.newContext();
      const page = await context.newPage();
      page.on('dialog', (d) => void d.accept());
      await page.goto(`${server.appUrl}/?course=demo/imsmanifest.xml&learner=bench`);
      await waitForStageTitle(page, 'Welcome');
      perCall[name] = await setGetMicros(page);
      await context.close();
    }
    figures.push({
      name: 'SetValue + GetValue through the content host',
      value: perCall.hosted!,
      unit: 'µs',
      baseline: perCall.direct!,
      baselineName: 'direct (app origin)',
      budget: { maxRatio: 1.5 },
    });

    // 2. Click → the SCO's first request, an imported package already on the content origin.
    const context = await browser.newContext();
    const page = await context.newPage();
    page.on('dialog', (d) => void d.accept());
    await page.goto(`${isolated.appUrl}/?course=/bench/demo.zip&learner=clicker`);
    await waitForStageTitle(page, 'Welcome');
    const samples: number[] = [];
    const titles = ['Brewing a good cup', 'Welcome'];
    for (let i = 0; i < 12; i++) {
      const title = titles[i % 2]!;
      await page.waitForTimeout(150);
      // Click the TOC entry in the page, stamping the time in the same task (no driver latency).
      // (A string body: tsx's helpers do not exist in the page.)
      const clicked = (await page.evaluate(`(() => {
        const deep = (r) => [...r.querySelectorAll('*')].flatMap((e) => [e, ...(e.shadowRoot ? deep(e.shadowRoot) : [])]);
        const label = deep(document).find(
          (e) => e.classList.contains('title') && e.closest('[role=treeitem]') && e.textContent === ${JSON.stringify(title)},
        );
        const at = performance.timeOrigin + performance.now();
        if (label) label.click();
        return label ? at : 0;
      })()`)) as number;
      if (!clicked) throw new Error(`no TOC entry "${title}"`);
      const t0 = clicked;
      await waitForStageTitle(page, title);
      samples.push((await scoRequestStart(page, title)) - t0);
    }
    figures.push({
      name: 'click on an item → SCO first request (imported, on the content origin)',
      value: median(samples),
      unit: 'ms',
      budget: { max: 150 },
    });
    await context.close();

    // 3. First launch of a 10 MB imported package, transfer included: each in a fresh context (nothing of
    // the content origin there yet, its worker included), median of three.
    const firsts: number[] = [];
    for (let i = 0; i < 3; i++) {
      const c3 = await browser.newContext();
      const p3 = await c3.newPage();
      p3.on('dialog', (d) => void d.accept());
      await p3.goto(`${isolated.appUrl}/?view=library&learner=big`);
      await p3.locator('scorm-import-panel input[type=file]').setInputFiles(join(tmp, 'big.zip'));
      await p3.locator('li.course').first().waitFor({ timeout: 60000 });
      const id = await p3.locator('li.course').first().getAttribute('data-package');
      const start = await p3.evaluate(() => performance.timeOrigin + performance.now());
      await p3.goto(`${isolated.appUrl}/?package=${id}&learner=big`);
      await waitForStageTitle(p3, 'Welcome');
      firsts.push((await scoRequestStart(p3, 'Welcome')) - start);
      await c3.close();
    }
    figures.push({
      name: 'first launch of a 10 MB imported package (transfer included)',
      value: median(firsts),
      unit: 'ms',
      budget: { max: 1000 },
    });
  } finally {
    await browser.close();
    await isolated.close();
    await direct.close();
    rmSync(tmp, { recursive: true, force: true });
  }
  return figures;
};

export default bench;
