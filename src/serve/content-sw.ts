/// <reference lib="webworker" />
// The content origin's service worker (architecture.md "Content isolation"), registered by the content
// host page. It serves:
// - `<scope>content/<id>/<path>`: imported packages' files from the content origin's own database
//   (content-store.ts), with the stored Content-Type and Range support (content-response.ts);
// - `<scope>remote/<scheme>/<host>/<path>`: URL courses, fetched with CORS from their host, so that their
//   documents run on the content origin beside the content host;
// - the content host page and the build's assets, network first / cache first, so imported courses play
//   offline. Nothing of the app's origin is ever cached here: this cache is writable by content.
// The database is 'scorm-player-content' unless the script URL names another with `?db=` (tests).
import { findContentFile, openContentDb, type ContentDatabase } from './content-store.js';
import { fileResponse, textResponse } from './content-response.js';
import { parseContentUrl, parseRemoteUrl } from './content-url.js';
import { shellAssetUrls } from './shell-cache.js';

const sw = self as unknown as ServiceWorkerGlobalScope;
const dbName = new URL(sw.location.href).searchParams.get('db') || undefined;
const scope = (): string => sw.registration.scope;
const HOST_CACHE = 'scorm-content-host';

let database: Promise<ContentDatabase> | undefined;

function openDatabase(): Promise<ContentDatabase> {
  database ??= openContentDb(dbName).then((db) => {
    db.addEventListener('versionchange', () => {
      db.close();
      database = undefined;
    });
    return db;
  });
  database.catch(() => (database = undefined));
  return database;
}

async function serveContent(
  request: Request,
  packageId: string,
  path: string | undefined,
): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return textResponse(405, 'Method not allowed');
  if (!path) return textResponse(404, `Not found: give a file path inside package '${packageId}'.`);
  const file = await findContentFile(await openDatabase(), packageId, path);
  if (!file) return textResponse(404, `Not found: '${path}' is not in package '${packageId}'.`);
  return fileResponse(file, request);
}

/** A URL course's file, from its own host (CORS, no credentials); Range passes through for media. */
async function serveRemote(request: Request, upstream: string): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return textResponse(405, 'Method not allowed');
  const headers = new Headers();
  const range = request.headers.get('Range');
  if (range) headers.set('Range', range);
  let response: Response;
  try {
    response = await fetch(upstream, {
      method: request.method,
      headers,
      mode: 'cors',
      credentials: 'omit',
      redirect: 'follow',
    });
  } catch (error) {
    return textResponse(
      502,
      `Could not fetch ${upstream} (${String(error)}): its host must allow cross-origin reads (CORS).`,
    );
  }
  // A new Response keeps the document's URL on the content origin (relative links resolve here).
  const out = new Headers();
  for (const name of [
    'Content-Type',
    'Content-Length',
    'Content-Range',
    'Accept-Ranges',
    'Last-Modified',
    'ETag',
  ])
    if (response.headers.has(name)) out.set(name, response.headers.get(name)!);
  out.set('Cache-Control', 'no-cache');
  return new Response(request.method === 'HEAD' ? null : response.body, {
    status: response.status,
    statusText: response.statusText,
    headers: out,
  });
}

/**
 * Stores a copy of a good response; the caller keeps the worker alive for it (waitUntil). The copy is taken
 * at once, before the response's body is read by whoever it is handed to.
 */
function keep(key: Request | string, response: Response): Promise<void> {
  if (response.status !== 200) return Promise.resolve();
  const copy = response.clone();
  return caches
    .open(HOST_CACHE)
    .then((cache) => cache.put(key, copy))
    .catch(() => undefined);
}

/**
 * How long a fetched host page stands for the network's answer: the host pages of one opening (the store
 * host, then the launch host) and launches moments apart share one fetch. A new deployment is seen after
 * at most this long, as with network first.
 */
const HOST_PAGE_FRESH_MS = 30_000;

/** The host page as last fetched from the network (its bytes and headers), and when. */
let recentHostPage: { at: number; page: Promise<{ body: Blob; headers: Headers }> } | undefined;

const hostPageUrl = (): string => new URL('content-host.html', scope()).href;

/** The host page from the network; a good answer is kept in the cache (`later`) and in recentHostPage. */
async function fetchHostPage(later: (work: Promise<unknown>) => void): Promise<Response> {
  const at = Date.now();
  const response = await fetch(hostPageUrl(), { cache: 'no-cache' });
  if (response.status === 200) {
    later(keep(hostPageUrl(), response));
    const page = response
      .clone()
      .blob()
      .then((body) => ({ body, headers: new Headers(response.headers) }));
    recentHostPage = { at, page };
    page.catch(() => {
      if (recentHostPage?.page === page) recentHostPage = undefined;
    });
  }
  return response;
}

/** The host page: as fetched moments ago, else network first, else (offline) the cached copy. */
async function hostPage(later: (work: Promise<unknown>) => void): Promise<Response> {
  if (recentHostPage && Date.now() - recentHostPage.at < HOST_PAGE_FRESH_MS) {
    const { body, headers } = await recentHostPage.page.catch(() => ({
      body: undefined,
      headers: undefined,
    }));
    if (body) return new Response(body, { headers });
  }
  try {
    return await fetchHostPage(later);
  } catch (error) {
    const hit = await caches.match(hostPageUrl(), { cacheName: HOST_CACHE });
    if (hit) return hit;
    throw error;
  }
}

/** Build assets as read once by this worker: their hashed names never change, and each host page loads several. */
const assetsInMemory = new Map<string, { body: Blob; headers: Headers }>();

/** Keeps a copy of a good asset response in assetsInMemory; the copy is taken at once (see keep). */
function remember(url: string, response: Response): Promise<void> {
  if (response.status !== 200 || new URL(url).search !== '') return Promise.resolve();
  const copy = response.clone();
  return copy
    .blob()
    .then((body) => void assetsInMemory.set(url, { body, headers: new Headers(copy.headers) }))
    .catch(() => undefined);
}

/** A hashed build asset: from memory, else the cache, else the network (then cached). */
async function buildAsset(request: Request, later: (work: Promise<unknown>) => void): Promise<Response> {
  const known = assetsInMemory.get(request.url);
  if (known) return new Response(known.body, { headers: known.headers });
  const hit = await caches.match(request, { cacheName: HOST_CACHE });
  const response = hit ?? (await fetch(request));
  if (!hit) later(keep(request, response));
  later(remember(request.url, response));
  return response;
}

/**
 * The host page (hostPage) and hashed build assets (buildAsset), for offline play. Responses are answered
 * at once and stored meanwhile (`later`: the event's waitUntil).
 */
function hostShell(request: Request, later: (work: Promise<unknown>) => void): Promise<Response> | undefined {
  if (request.method !== 'GET' || !request.url.startsWith(scope())) return undefined;
  const path = new URL(request.url).pathname.slice(new URL(scope()).pathname.length);
  if (path.startsWith('assets/')) return buildAsset(request, later);
  if (path === 'content-host.html') return hostPage(later);
  return undefined;
}

/**
 * Puts the host page and the build assets it loads in the cache, those not there yet. Run on activation: the
 * page that registered this worker loaded them before the worker was there, and the next host page (the
 * launch that follows an import, moments later) then loads them from here instead of the network.
 */
async function warmHostShell(): Promise<void> {
  const pending: Promise<unknown>[] = [];
  const response = await fetchHostPage((work) => pending.push(work));
  if (response.status !== 200) return;
  const assets = new URL('assets/', scope()).href;
  const urls = shellAssetUrls(await response.text(), scope()).filter((url) => url.startsWith(assets));
  await Promise.all([
    ...pending,
    ...urls.map(async (url) => {
      const hit = await caches.match(url, { cacheName: HOST_CACHE });
      const asset = hit ?? (await fetch(url));
      await Promise.all([hit ? undefined : keep(url, asset), remember(url, asset)]);
    }),
  ]);
}

sw.addEventListener('install', (event) => event.waitUntil(sw.skipWaiting()));
sw.addEventListener('activate', (event) => {
  event.waitUntil(sw.clients.claim());
  // Not waited for: activation (which the first launch waits for) does not need it. A failure (offline)
  // only leaves the cache to fill as the host page loads.
  void warmHostShell().catch(() => undefined);
});

sw.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  const content = parseContentUrl(url, scope());
  if (content) {
    event.respondWith(
      serveContent(event.request, content.packageId, content.path).catch((error: unknown) =>
        textResponse(500, `Could not read the package: ${String(error)}`),
      ),
    );
    return;
  }
  const upstream = parseRemoteUrl(url, scope());
  if (upstream) {
    event.respondWith(serveRemote(event.request, upstream));
    return;
  }
  const shell = hostShell(event.request, (work) => event.waitUntil(work));
  if (shell) event.respondWith(shell);
});
