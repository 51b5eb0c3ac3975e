// Where imported package files live in URL space: `<scope>content/<packageId>/<path>`, served by the
// service worker from IndexedDB on the player's own origin (scorm-reference C: the SCO must find the API
// on a same-origin ancestor).

export const CONTENT_SEGMENT = 'content/';

/** The folder URL of a package's files; resolve an item's launchUrl against it: `new URL(launchUrl, base)`. */
export function contentBaseUrl(scope: string, packageId: string): string {
  return `${scope}${CONTENT_SEGMENT}${encodeURIComponent(packageId)}/`;
}

/** The URL of one file of a package, by its stored path. */
export function contentUrl(scope: string, packageId: string, path: string): string {
  return contentBaseUrl(scope, packageId) + path.split('/').map(encodeURIComponent).join('/');
}

/**
 * The package id and file path named by a request URL, or undefined when the URL is not under
 * `<scope>content/`. The path is percent-decoded ('' for the package folder itself); undefined path when a
 * segment is badly encoded.
 */
export function parseContentUrl(
  url: URL,
  scope: string,
): { packageId: string; path: string | undefined } | undefined {
  const prefix = new URL(CONTENT_SEGMENT, scope);
  if (url.origin !== prefix.origin || !url.pathname.startsWith(prefix.pathname)) return undefined;
  const rest = url.pathname.slice(prefix.pathname.length);
  const slash = rest.indexOf('/');
  const rawId = slash < 0 ? rest : rest.slice(0, slash);
  try {
    const packageId = decodeURIComponent(rawId);
    if (slash < 0) return { packageId, path: undefined };
    const path = rest
      .slice(slash + 1)
      .split('/')
      .map(decodeURIComponent)
      .join('/');
    return { packageId, path };
  } catch {
    return { packageId: rawId, path: undefined };
  }
}

// URL courses under a content origin are served through it (architecture.md "Content isolation"), so
// that the SCO's document is on the content origin, beside the content host that holds its API:
// `<scope>remote/<scheme>/<host[:port]>/<path>?<query>` is fetched (CORS) from `<scheme>://<host>/<path>`.
export const REMOTE_SEGMENT = 'remote/';

/** The content-origin URL that serves `url` (http or https) through the content service worker. */
export function remoteContentUrl(scope: string, url: string): string {
  const u = new URL(url);
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error(`Not an http(s) URL: ${url}`);
  return `${scope}${REMOTE_SEGMENT}${u.protocol.slice(0, -1)}/${u.host}${u.pathname}${u.search}${u.hash}`;
}

/** The upstream URL a `<scope>remote/…` request stands for, or undefined when it is not one. */
export function parseRemoteUrl(url: URL, scope: string): string | undefined {
  const prefix = new URL(REMOTE_SEGMENT, scope);
  if (url.origin !== prefix.origin || !url.pathname.startsWith(prefix.pathname)) return undefined;
  const match = /^(https?)\/([^/]+)(\/.*)?$/.exec(url.pathname.slice(prefix.pathname.length));
  if (!match) return undefined;
  try {
    return new URL(`${match[1]}://${match[2]}${match[3] ?? '/'}${url.search}`).href;
  } catch {
    return undefined;
  }
}
