// A file served by the service worker (from IndexedDB) against the same file fetched from the static
// server (scripts/static-server.js, our dev-server and CDN stand-in), in Chromium, from the same
// controlled page. Both requests pass through the worker's fetch event; the server one is not answered
// by it (it is outside the app scope), so the difference is the worker's own work: finding the file in
// IndexedDB and streaming its Blob. Budget (issue 4): median at most 1.5× the server's.
// serve.bench.ts measures a fixture course (test/fixtures/runtime-12 with generated media),
// serve.corpus.bench.ts a golf package of the corpus.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { bundleFile, bundleSource } from './bundle.js';
import { zipSync } from 'fflate';
import type { Browser } from 'playwright-core';
import { serveStatic } from '../../scripts/static-server.js';
import { launchChromium } from './chromium.js';
import type { BenchFigure } from './types.js';

const root = join(import.meta.dirname, '../..');
const samples = 60;

/** A generated 4 MB video added to the package (and to the server's folder) for a large file. */
const clip = 'media/clip.mp4';

export interface ServedCourse {
  /** The course folder (imsmanifest.xml at its root). */
  folder: string;
  /** Files of the folder to measure besides the generated video (a page, a script, an image). */
  files: string[];
  /** Generated files added to the package and the server's folder (path → size in bytes, random bytes). */
  generated?: Record<string, number>;
}

function walk(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) walk(path, out);
    else out.push(path);
  }
  return out;
}

/** The largest file of the folder whose name matches (e.g. the largest image of a course). */
export function largestFile(folder: string, pattern: RegExp): string {
  const files = walk(folder).filter((f) => pattern.test(f));
  files.sort((a, b) => statSync(b).size - statSync(a).size);
  return relative(folder, files[0]!).split(sep).join('/');
}

function courseZip(folder: string, generated: Record<string, Uint8Array>): Uint8Array {
  const files: Record<string, Uint8Array | [Uint8Array, { level: 0 }]> = {};
  for (const [path, data] of Object.entries(generated)) files[path] = [data, { level: 0 }];
  for (const path of walk(folder)) files[relative(folder, path).split(sep).join('/')] = readFileSync(path);
  return zipSync(files);
}

const pageSource = `
import { importPackage } from './src/storage/importer.ts';
import { openPlayerDb } from './src/storage/db.ts';
import { registerServiceWorker } from './src/serve/register.ts';
import { contentUrl } from './src/serve/content-url.ts';

async function time(url) {
  const t0 = performance.now();
  const response = await fetch(url, { cache: 'no-store' });
  const body = await response.arrayBuffer();
  const ms = performance.now() - t0;
  if (!response.ok) throw new Error(url + ': ' + response.status);
  return { ms, bytes: body.byteLength };
}

window.bench = {
  async setup() {
    const registration = await registerServiceWorker({ url: '/sw.js', scope: '/app/' });
    const db = await openPlayerDb();
    const zip = await (await fetch('/course.zip')).blob();
    const record = await importPackage(zip, { db });
    db.close();
    return { scope: registration.scope, id: record.id, controlled: Boolean(navigator.serviceWorker.controller) };
  },
  async measure(scope, id, path, samples) {
    const worker = contentUrl(scope, id, path);
    const server = (window.generatedFiles.includes(path) ? '/generated/' : '/course/') + path;
    const ours = [], theirs = [];
    let bytes = 0;
    for (let i = 0; i < 5; i++) { await time(worker); await time(server); }
    for (let i = 0; i < samples; i++) {
      const a = await time(worker);
      const b = await time(server);
      if (a.bytes !== b.bytes) throw new Error(path + ': ' + a.bytes + ' bytes served, ' + b.bytes + ' on the server');
      bytes = a.bytes;
      ours.push(a.ms);
      theirs.push(b.ms);
    }
    const median = (xs) => { const s = [...xs].sort((x, y) => x - y); return s[Math.floor(s.length / 2)]; };
    return { ours: median(ours), theirs: median(theirs), bytes };
  },
};
`;

async function bundle(generatedFiles: string[]): Promise<Record<string, string>> {
  const [page, importer, sw] = await Promise.all([
    bundleSource(pageSource),
    bundleFile('src/storage/import-worker.ts'),
    bundleFile('src/serve/service-worker.ts', { tsconfig: 'tsconfig.sw.json' }),
  ]);
  return {
    '/app/':
      '<!doctype html><meta charset="utf-8"><title>serve bench</title><script type="module" src="./page.js"></script>',
    '/app/page.js': `window.generatedFiles = ${JSON.stringify(generatedFiles)};\n${page}`,
    '/app/import-worker.ts': importer,
    '/sw.js': sw,
  };
}

/** The served-file figures for a course: each measured file from the worker against the static server. */
export async function serveFigures(course: ServedCourse): Promise<BenchFigure[]> {
  const sizes = { ...course.generated, [clip]: 4 * 1024 * 1024 };
  const made: Record<string, Uint8Array> = {};
  for (const [path, size] of Object.entries(sizes)) made[path] = randomBytes(size);
  const code = await bundle(Object.keys(made));
  const generated = mkdtempSync(join(tmpdir(), 'serve-bench-'));
  for (const [path, data] of Object.entries(made)) {
    mkdirSync(join(generated, path, '..'), { recursive: true });
    writeFileSync(join(generated, path), data);
  }
  const zip = courseZip(course.folder, made);
  const measured = [...course.files, ...Object.keys(made)];
  const server = await serveStatic({
    root: join(root, 'bench'),
    mounts: { '/course/': course.folder, '/generated/': generated },
    handle(req, res) {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      if (path === '/course.zip') {
        res.writeHead(200, { 'Content-Type': 'application/zip' }).end(zip);
        return true;
      }
      const body = code[path];
      if (body === undefined) return false;
      res
        .writeHead(200, {
          'Content-Type': path.endsWith('/') ? 'text/html' : 'text/javascript',
          'Cache-Control': 'no-cache',
        })
        .end(body);
      return true;
    },
  });
  let browser: Browser | undefined;
  try {
    browser = await launchChromium();
    const page = await browser.newPage();
    await page.goto(`${server.url}/app/`);
    await page.waitForFunction(() => 'bench' in window);
    type BenchApi = {
      setup(): Promise<{ scope: string; id: string; controlled: boolean }>;
      measure(
        scope: string,
        id: string,
        path: string,
        n: number,
      ): Promise<{ ours: number; theirs: number; bytes: number }>;
    };
    const setup = await page.evaluate(() => (window as unknown as { bench: BenchApi }).bench.setup());
    if (!setup.controlled) throw new Error('the service worker does not control the bench page');
    const figures: BenchFigure[] = [];
    for (const path of measured) {
      const r = await page.evaluate(
        ([scope, id, p, n]) => (window as unknown as { bench: BenchApi }).bench.measure(scope, id, p, n),
        [setup.scope, setup.id, path, samples] as [string, string, string, number],
      );
      figures.push({
        name: `serve: ${path} (${(r.bytes / 1024).toFixed(0)} KB), median of ${samples}`,
        value: r.ours,
        unit: 'ms',
        baseline: r.theirs,
        baselineName: 'static server',
        budget: { maxRatio: 1.5 },
      });
    }
    return figures;
  } finally {
    await browser?.close();
    await server.close();
    rmSync(generated, { recursive: true, force: true });
  }
}
