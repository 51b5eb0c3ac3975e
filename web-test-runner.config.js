// Unit and component tests, in Debian's Chromium (never a DOM imitation).
// `npm run test:unit` runs every test/**/*.test.ts but the real-content ones (*.corpus.test.ts), which read
// only the project's own fixtures (test/fixtures/, served byte for byte under /test/fixtures/).
// With TEST_CORPUS=1 (`npm run test:corpus`) it runs only the *.corpus.test.ts files, and serves the corpus
// folder (SCORM_CORPUS, default ../shared/corpus: scripts/corpus.js) under /corpus/; it stops with a plain
// message when that folder is missing.
import { createReadStream, existsSync, statSync, mkdirSync, writeFileSync } from 'node:fs';
import { resolve, extname, sep } from 'node:path';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter } from '@web/test-runner';
import { swTestMiddleware } from './test/serve/sw-test-server.js';
import { corpusRoot, corpusRun, requireCorpus } from './scripts/corpus.js';

if (corpusRun) requireCorpus();
const executablePath = process.env.CHROME_PATH || '/usr/bin/chromium';
const types = {
  '.html': 'text/html; charset=utf-8', '.htm': 'text/html; charset=utf-8', '.js': 'text/javascript',
  '.css': 'text/css', '.xml': 'application/xml', '.xsd': 'application/xml', '.dtd': 'application/xml-dtd',
  '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.png': 'image/png', '.gif': 'image/gif', '.svg': 'image/svg+xml',
  '.json': 'application/json', '.txt': 'text/plain', '.mp3': 'audio/mpeg', '.mp4': 'video/mp4', '.swf': 'application/x-shockwave-flash',
};

/**
 * Serves a folder read-only under a URL prefix, byte for byte (the dev server would re-encode text files as
 * UTF-8, which spoils the ISO-8859-1 and UTF-16 fixture manifests); paths that climb out are refused.
 */
function folderMiddleware(prefix, root) {
  return (ctx, next) => {
    if (!ctx.path.startsWith(prefix)) return next();
    const file = resolve(root, decodeURIComponent(ctx.path.slice(prefix.length)));
    if (!file.startsWith(root + sep) || !existsSync(file) || !statSync(file).isFile()) {
      ctx.status = 404;
      return undefined;
    }
    ctx.type = types[extname(file).toLowerCase()] ?? 'application/octet-stream';
    ctx.body = createReadStream(file);
    return undefined;
  };
}

/**
 * Writes the number of passed and failed tests to .test-counts/unit.json (unit-corpus.json for the corpus run)
 * for .ci/run's closing line.
 */
function countReporter(name) {
  return {
    onTestRunFinished({ sessions }) {
      let passed = 0;
      let failed = 0;
      const walk = (suite) => {
        for (const t of suite.tests ?? []) {
          if (t.skipped) continue;
          if (t.passed) passed++;
          else failed++;
        }
        for (const s of suite.suites ?? []) walk(s);
      };
      for (const s of sessions) {
        if (s.testResults) walk(s.testResults);
        if (!s.passed && !s.testResults?.tests?.length && !s.testResults?.suites?.length) failed++;
      }
      mkdirSync('.test-counts', { recursive: true });
      writeFileSync(`.test-counts/${name}.json`, JSON.stringify({ passed, failed }));
    },
  };
}

export default {
  files: [
    corpusRun ? 'test/**/*.corpus.test.ts' : 'test/**/*.test.ts',
    ...(corpusRun ? [] : ['!test/**/*.corpus.test.ts']),
    '!test/e2e/**',
    '!test/cli/**',
    '!test/architecture/**',
    '!test/runtime-dist/**',
    '!test/package-install/**',
    '!test/package-node/**',
  ],
  nodeResolve: { exportConditions: ['production'] },
  filterBrowserLogs: ({ args }) => !String(args[0]).includes('Lit is in dev mode'),
  // One test page at a time: with two, Chromium froze the timers of the page it kept in the background
  // (axe-core and fixtures never settled), and one page at a time measured faster on this 2-core machine.
  concurrency: 1,
  testFramework: { config: { timeout: 20000 } },
  testsFinishTimeout: 600000,
  browserStartTimeout: 60000,
  middleware: [
    folderMiddleware('/test/fixtures/', resolve(import.meta.dirname, 'test/fixtures')),
    ...(corpusRun ? [folderMiddleware('/corpus/', corpusRoot)] : []),
    swTestMiddleware,
  ],
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: resolve(import.meta.dirname, 'tsconfig.json') })],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath,
        headless: true,
        args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
          '--disable-component-update', '--disable-sync', '--no-first-run',
          // Two test pages share one browser; the one in the background must not have its timers and
          // animation frames throttled (axe-core and lit's updates wait on them).
          '--disable-background-timer-throttling', '--disable-renderer-backgrounding',
          '--disable-backgrounding-occluded-windows'],
      },
    }),
  ],
  reporters: [defaultReporter(), countReporter(corpusRun ? 'unit-corpus' : 'unit')],
};
