// Offline app shell. Strategy (robust to builds whose asset names change):
// - install: best-effort precache of the scope's index page and of every same-origin script, stylesheet,
//   modulepreload, icon and manifest it links; a failure there never fails the install (content serving
//   matters more than a warm cache, and the runtime strategy below fills gaps);
// - hashed build assets (`<scope>assets/…`, immutable by name): cache first, filled on first fetch, which
//   also catches lazily imported chunks the index does not list;
// - the app's own top-level files (index, dispatches.json, icons) and app navigations (the scope itself,
//   `player/…` routes): network first, so a new deployment is seen at once online, falling back to the
//   cache offline; app navigations fall back to the cached index;
// - anything else (course folders opened by URL from the same host, for one) is not touched: the browser
//   fetches it as usual, so Range requests and caching headers behave as without a worker, and the cache
//   does not fill up with course media.
// Only 200 responses are stored (a 206 cannot be). The cache keeps one name across versions; the build writes
// its list of assets into sw.js (scripts/shell-build-assets.ts): install precaches them all, so every lazy
// view works offline, and activate deletes the assets of other builds. Pages still running an old version
// are told "Update available — reload" by the app (src/app/update-watch.ts).

export const SHELL_CACHE = 'scorm-player-shell';

const linkRels = /\brel\s*=\s*["']?(?:[^"'>]*\s)?(stylesheet|modulepreload|preload|icon|manifest)\b/i;

/** Same-origin URLs under the scope that an index page loads (scripts and linked resources). */
export function shellAssetUrls(html: string, scope: string): string[] {
  const urls = new Set<string>();
  for (const tag of html.matchAll(/<(script|link)\b[^>]*>/gi)) {
    const text = tag[0];
    const attr = tag[1]?.toLowerCase() === 'script' ? 'src' : 'href';
    if (attr === 'href' && !linkRels.test(text)) continue;
    const value = new RegExp(`\\b${attr}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(text);
    const raw = value?.[1] ?? value?.[2] ?? value?.[3];
    if (!raw) continue;
    const url = new URL(raw, scope);
    url.hash = '';
    if (url.href.startsWith(scope)) urls.add(url.href);
  }
  return [...urls];
}

async function fetchAndPut(cache: Cache, url: string): Promise<Response> {
  const response = await fetch(url, { cache: 'no-cache' });
  if (response.ok) await cache.put(url, response.clone());
  return response;
}

/** This build's files under assets/, relative to the scope, as the build wrote them; [] in tests and dev. */
export function buildAssets(): string[] {
  const list = (globalThis as { __SHELL_BUILD__?: unknown }).__SHELL_BUILD__;
  return Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string') : [];
}

/** Precaches the index page of the scope, what it links and the build's assets; never throws. */
export async function precacheShell(scope: string, build: string[] = buildAssets()): Promise<string[]> {
  try {
    const cache = await caches.open(SHELL_CACHE);
    const index = await fetchAndPut(cache, scope);
    if (!index.ok) return [];
    const linked = shellAssetUrls(await index.text(), scope);
    const assets = [...new Set([...linked, ...build.map((file) => new URL(file, scope).href)])];
    const cached = await Promise.all(
      assets.map((url) =>
        fetchAndPut(cache, url).then(
          (r) => (r.ok ? url : undefined),
          () => undefined,
        ),
      ),
    );
    return [scope, ...cached.filter((u): u is string => u !== undefined)];
  } catch {
    return [];
  }
}

/**
 * Deletes the cached assets (under `<scope>assets/`) that are not this build's. Without a build list (tests,
 * dev) nothing is deleted: the worker cannot tell old from new.
 */
export async function pruneShell(scope: string, build: string[] = buildAssets()): Promise<string[]> {
  if (build.length === 0) return [];
  const keep = new Set(build.map((file) => new URL(file, scope).href));
  const prefix = new URL('assets/', scope).href;
  const cache = await caches.open(SHELL_CACHE);
  const stale = (await cache.keys())
    .map((r) => r.url)
    .filter((url) => url.startsWith(prefix) && !keep.has(url));
  await Promise.all(stale.map((url) => cache.delete(url)));
  return stale;
}

/** The response for an app-shell request, or undefined when the request is not the shell's to answer. */
export function shellResponse(request: Request, scope: string): Promise<Response> | undefined {
  if (request.method !== 'GET' || !request.url.startsWith(scope)) return undefined;
  const path = new URL(request.url).pathname.slice(new URL(scope).pathname.length);
  if (path.startsWith('assets/')) return cacheFirst(request);
  const navigation = request.mode === 'navigate';
  const appPage = path === '' || path === 'index.html' || (navigation && path.startsWith('player/'));
  if (appPage || !path.includes('/') || path.startsWith('icons/'))
    return networkFirst(request, appPage ? scope : undefined);
  return undefined;
}

function store(cache: Cache, key: Request | string, response: Response): void {
  if (response.status === 200) cache.put(key, response.clone()).catch(() => undefined);
}

async function cacheFirst(request: Request): Promise<Response> {
  const cache = await caches.open(SHELL_CACHE);
  const hit = await cache.match(request);
  if (hit) return hit;
  const response = await fetch(request);
  store(cache, request, response);
  return response;
}

/** `indexKey`: store and look up app pages under the scope URL, not once per `?course=…` query. */
async function networkFirst(request: Request, indexKey: string | undefined): Promise<Response> {
  const cache = await caches.open(SHELL_CACHE);
  try {
    const response = await fetch(request);
    if (indexKey) store(cache, indexKey, response);
    else if (new URL(request.url).search === '') store(cache, request, response);
    return response;
  } catch (error) {
    const hit = indexKey ? await cache.match(indexKey) : await cache.match(request, { ignoreSearch: true });
    if (hit) return hit;
    throw error;
  }
}
