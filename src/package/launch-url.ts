// Launch URL resolution (CAM 3.4.1.16 parameters, CAM 3.4.1.18 href, xml:base per XML Base / RFC 3986).
// Pure string functions: no DOM, no I/O. Relative references stay as written (no percent-encoding), so
// that they can be matched against the file names of the package; absolute ones go through URL.

// URL is in every browser and in Node but in no ES lib; type the part used so this module needs no DOM lib.
type UrlConstructor = new (url: string, base?: string) => { readonly href: string };
const URL = (globalThis as unknown as { URL: UrlConstructor }).URL;

const DOT_SEGMENT = /(?:^|\/)\.\.?(?:\/|$)/;
const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;

/** True for a URL with a scheme (http:, https:, data:...) or a network-path reference (//host). */
export function isAbsoluteUrl(ref: string): boolean {
  return SCHEME.test(ref) || ref.startsWith('//');
}

/**
 * Resolves `ref` against `base` (RFC 3986 5.2). A relative base resolves against the package root.
 * Bases are directories: one without a trailing '/' gets one (as the ADL SampleRTE does; the CAM says an
 * xml:base shall end in '/'). A relative path that starts with '/' (which CAM 3.4.1.18 forbids, and the
 * reader warns about) is read from the package root, not from the root of whatever host serves it.
 */
export function resolveReference(base: string | undefined, ref: string): string {
  if (isAbsoluteUrl(ref)) return ref.startsWith('//') ? ref : new URL(ref).href;
  const dir = base === undefined || base === '' || base.endsWith('/') ? (base ?? '') : `${base}/`;
  if (isAbsoluteUrl(dir)) return new URL(ref, dir.startsWith('//') ? `https:${dir}` : dir).href;
  if (ref.startsWith('/')) return removeDotSegments(stripRoot(ref));
  const root = stripRoot(dir);
  if (ref === '') return removeDotSegments(root);
  if (ref.startsWith('?') || ref.startsWith('#')) return removeDotSegments(root) + ref;
  return removeDotSegments(root + ref);
}

function stripRoot(path: string): string {
  return path.replace(/^\/+/, '');
}

/** Combines the xml:base values from the outside in: manifest, resources, resource (CAM 3.4.1.1, 3.4.1.17). */
export function combineBases(...bases: (string | undefined)[]): string | undefined {
  let result: string | undefined;
  for (const b of bases) {
    if (b === undefined || b === '') continue;
    const dir = b.endsWith('/') ? b : `${b}/`;
    result = result === undefined ? resolveReference(undefined, dir) : resolveReference(result, dir);
  }
  return result;
}

/**
 * RFC 3986 5.2.4 on the path part of a relative reference; the query and fragment are kept as written.
 * Leading '..' segments that would climb above the package root are dropped, as URL resolution does.
 */
export function removeDotSegments(ref: string): string {
  const cut = ref.search(/[?#]/);
  const path = cut < 0 ? ref : ref.slice(0, cut);
  const rest = cut < 0 ? '' : ref.slice(cut);
  if (!DOT_SEGMENT.test(path)) return ref;
  const absolute = path.startsWith('/');
  const out: string[] = [];
  const segments = path.split('/');
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i] ?? '';
    const last = i === segments.length - 1;
    if (s === '.' || s === '..') {
      if (s === '..') out.pop();
      if (last) out.push('');
    } else if (s !== '' || last || (i === 0 && absolute)) {
      out.push(s);
    }
  }
  const joined = out.join('/');
  return (absolute && !joined.startsWith('/') ? '/' : '') + joined + rest;
}

/**
 * Appends item@parameters to a launch URL, per the CAM algorithm (CAM 3.4.1.16, "parameters"):
 * 1. strip leading '?' and '&' from the parameters;
 * 2. parameters beginning with '#' are appended only if the URL has neither '?' nor '#';
 * 3. otherwise append '&' when the URL has a query, else '?', then the parameters.
 * A query is inserted before an existing fragment, since anything after '#' is the fragment (RFC 3986 3.5);
 * the printed CAM pseudo-code appends blindly there.
 */
export function appendParameters(url: string, parameters: string | undefined): string {
  if (parameters === undefined) return url;
  const params = parameters.replace(/^[?&]+/, '');
  if (params === '') return url;
  if (params.startsWith('#')) return url.includes('#') || url.includes('?') ? url : url + params;
  const hash = url.indexOf('#');
  const head = hash < 0 ? url : url.slice(0, hash);
  const fragment = hash < 0 ? '' : url.slice(hash);
  return `${head}${head.includes('?') ? '&' : '?'}${params}${fragment}`;
}

/** The launch URL of an item: the resource href with every xml:base applied, then the parameters. */
export function launchUrl(base: string | undefined, href: string, parameters?: string): string {
  return appendParameters(resolveReference(base, href), parameters);
}

/** Problems of an href or xml:base as the ADL validator sees them: a leading '/' or a '\' (CAM 3.4.1.18). */
export function hrefProblem(href: string): string | undefined {
  if (href.includes('\\')) return 'contains a backslash';
  if (href.startsWith('/') && !href.startsWith('//')) return 'starts with "/"';
  return undefined;
}

/**
 * Why a launch URL cannot be played, or undefined when it can: only package-relative references and
 * http(s) URLs are launched. Any other scheme (javascript:, data:, blob:, file:…) would run in the player
 * with the player's rights, or nowhere (architecture.md "Content isolation").
 */
export function launchUrlProblem(url: string): string | undefined {
  if (!SCHEME.test(url)) return undefined;
  const scheme = url.slice(0, url.indexOf(':') + 1).toLowerCase();
  if (scheme === 'http:' || scheme === 'https:') return undefined;
  return `uses the scheme "${scheme}": only files of the package and http(s) URLs can be launched`;
}
