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
// Only 200 responses are stored (a 206 cannot be). The cache keeps one name across versions: an update
// overwrites the index and adds new assets, and old assets stay for pages still running the old version.

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

/** Precaches the index page of the scope and what it links; never throws. */
export async function precacheShell(scope: string): Promise<string[]> {
  try {
    const cache = await caches.open(SHELL_CACHE);
    const index = await fetchAndPut(cache, scope);
    if (!index.ok) return [];
    const assets = shellAssetUrls(await index.text(), scope);
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

/** The response for an app-shell request, or undefined when the request is not the shell's to answer. */
export function shellResponse(request: Request, scope: string): Promise<Response> | undefined {
  if (request.method !== 'GET' || !request.url.startsWith(scope)) return undefined;
  const path = new URL(request.url).pathname.slice(new URL(scope).pathname.length);
  if (path.startsWith('assets/')) return cacheFirst(request);
  const navigation = request.mode === 'navigate';
  const appPage = path === '' || path === 'index.html' || (navigation && path.startsWith('player/'));
  if (appPage || !path.includes('/')) return networkFirst(request, appPage ? scope : undefined);
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
