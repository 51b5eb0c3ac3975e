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
