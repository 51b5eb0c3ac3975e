// A @web/test-runner middleware for the service-worker tests (added to web-test-runner.config.js):
// - /sw-test/sw.js: src/serve/service-worker.ts bundled by esbuild on first request (as vite bundles dist/sw.js),
//   and /sw-test/content-sw.js: src/serve/content-sw.ts the same way;
// - /sw-test/<scope>/: a tiny app shell (index page, script, stylesheet) for the precache and offline tests;
// - /sw-test/<scope>/__offline and __online: while offline, every other request under that scope gets its
//   connection dropped, as a real network failure (fetch rejects);
// - /sw-test/<scope>/__hits: the paths under the scope that reached the server (proves what the worker
//   answered by itself).
// - /sw-test/slow-<name>/: the same, every answer 600 ms late (a worker whose install takes a while).
// - /sw-test/zips/<fixture>.zip: that package of test/fixtures/ zipped on the fly (with Content-Length), and
//   /sw-test/zips-chunked/<package>.zip the same without Content-Length, in chunks (for open-url tests).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { Readable } from 'node:stream';
import { build } from 'esbuild';
import { zipSync } from 'fflate';

const projectRoot = resolve(import.meta.dirname, '../..');
const fixturePackages = resolve(projectRoot, 'test/fixtures');
const zips = new Map();

function zipFixturePackage(name) {
  const folder = resolve(fixturePackages, name);
  if (
    !folder.startsWith(fixturePackages + sep) ||
    !statSync(folder, { throwIfNoEntry: false })?.isDirectory()
  )
    return undefined;
  if (!zips.has(name)) {
    const files = {};
    const walk = (dir) => {
      for (const entry of readdirSync(dir)) {
        const path = join(dir, entry);
        if (statSync(path).isDirectory()) walk(path);
        else files[relative(folder, path).split(sep).join('/')] = readFileSync(path);
      }
    };
    walk(folder);
    zips.set(name, Buffer.from(zipSync(files)));
  }
  return zips.get(name);
}
const bundles = new Map();
const offline = new Set();
const hits = new Map();

function bundleWorker(source = 'src/serve/service-worker.ts') {
  if (!bundles.has(source))
    bundles.set(
      source,
      build({
        entryPoints: [resolve(projectRoot, source)],
        bundle: true,
        format: 'esm',
        target: 'es2022',
        write: false,
        absWorkingDir: projectRoot,
        tsconfig: resolve(projectRoot, 'tsconfig.sw.json'),
      }).then((result) => result.outputFiles[0].text),
    );
  return bundles.get(source);
}

const shellIndex = `<!doctype html><html><head><title>Shell</title>
<link rel="stylesheet" href="./shell.css"><script type="module" src="./assets/app-1234.js"></script>
</head><body>shell</body></html>`;

export async function swTestMiddleware(ctx, next) {
  if (!ctx.path.startsWith('/sw-test/')) return next();
  if (ctx.path === '/sw-test/sw.js') {
    ctx.type = 'text/javascript';
    ctx.set('Cache-Control', 'no-cache');
    ctx.body = await bundleWorker();
    return undefined;
  }
  if (ctx.path === '/sw-test/content-sw.js') {
    ctx.type = 'text/javascript';
    ctx.set('Cache-Control', 'no-cache');
    ctx.body = await bundleWorker('src/serve/content-sw.ts');
    return undefined;
  }
  const zipMatch = /^\/sw-test\/(zips|zips-chunked)\/([^/]+)\.zip$/.exec(ctx.path);
  if (zipMatch) {
    const zip = zipFixturePackage(decodeURIComponent(zipMatch[2]));
    if (!zip) {
      ctx.status = 404;
      return undefined;
    }
    ctx.type = 'application/zip';
    if (zipMatch[1] === 'zips') ctx.body = zip;
    else {
      const chunks = [];
      // Small chunks: the fixture zips are small, and the tests watch progress across several of them.
      for (let i = 0; i < zip.length; i += 2048) chunks.push(zip.subarray(i, i + 2048));
      ctx.body = Readable.from(chunks);
    }
    return undefined;
  }
  const match = /^\/sw-test\/([\w-]+)\/(.*)$/.exec(ctx.path);
  if (!match) {
    ctx.status = 404;
    return undefined;
  }
  const [, scope, rest] = match;
  if (rest === '__offline' || rest === '__online') {
    if (rest === '__offline') offline.add(scope);
    else offline.delete(scope);
    ctx.body = rest;
    return undefined;
  }
  if (rest === '__hits') {
    ctx.body = JSON.stringify(hits.get(scope) ?? []);
    ctx.type = 'application/json';
    return undefined;
  }
  if (!hits.has(scope)) hits.set(scope, []);
  hits.get(scope).push(rest + (ctx.querystring ? `?${ctx.querystring}` : ''));
  if (offline.has(scope)) {
    ctx.req.socket.destroy();
    ctx.respond = false;
    return undefined;
  }
  ctx.set('Cache-Control', 'no-cache');
  if (scope.startsWith('slow-')) await new Promise((resolve) => setTimeout(resolve, 600));
  if (rest === '' || rest === 'index.html') {
    ctx.type = 'text/html';
    ctx.body = shellIndex;
  } else if (rest === 'shell.css') {
    ctx.type = 'text/css';
    ctx.body = 'body { color: green }';
  } else if (rest === 'assets/app-1234.js') {
    ctx.type = 'text/javascript';
    ctx.body = 'export const app = 1;';
  } else if (rest === 'register.html') {
    // A page inside the scope that registers the worker itself with registerServiceWorker().
    ctx.type = 'text/html';
    ctx.body = `<!doctype html><title>register</title><script type="module">
      import { registerServiceWorker } from '/src/serve/register.ts';
      const query = new URLSearchParams(location.search);
      const db = query.get('db');
      window.registered = registerServiceWorker({
        url: '/sw-test/sw.js?db=' + encodeURIComponent(db),
        scope: new URL('./', location.href).href,
        isolated: query.has('isolated'),
      }).then((r) => ({
        scope: r.scope,
        controller: navigator.serviceWorker.controller?.scriptURL ?? null,
        active: r.active?.state ?? null,
      }));
    </script>`;
  } else if (rest === 'content-host.html') {
    // A stand-in for the content host page: what matters to content-sw.js is the assets it links.
    ctx.type = 'text/html';
    ctx.body = `<!doctype html><title>host</title><script type="module" src="./assets/app-1234.js"></script>
<link rel="modulepreload" href="./assets/app-1234.js">`;
  } else if (rest === 'course/page.html') {
    ctx.type = 'text/html';
    ctx.body = '<title>course page</title>';
  } else if (rest === 'dispatches.json') {
    ctx.type = 'application/json';
    ctx.body = '{}';
  } else {
    ctx.status = 404;
    ctx.body = 'not found on the server';
  }
  return undefined;
}
