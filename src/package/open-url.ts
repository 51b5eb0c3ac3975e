// Opening a course by URL (`?course=`), DOM-free with fetch:
// - a folder or its imsmanifest.xml: fetch and parse the manifest; the content then comes straight from
//   that host, launch URLs resolved against the manifest's URL (`new URL(item.launchUrl, baseUrl)`);
// - a .zip: download it with progress, and hand the bytes to the importer.
// Failures say which URL failed and why, as a PackageError with a code.
import type { Manifest } from './types.js';
import { parseManifest } from './parse-manifest.js';
import { defaultZipLimits, MANIFEST_NAME, type AbortSignalLike } from './zip.js';
import { PackageError, PackageErrorCode } from './zip-error.js';
import { sha256Hex } from './zip-hash.js';

// URL is in every browser and in Node but in no ES lib; type the part used so this module needs no DOM lib.
interface UrlLike {
  readonly href: string;
  pathname: string;
  search: string;
}
const URL = (globalThis as unknown as { URL: new (url: string, base?: string) => UrlLike }).URL;

/** The parts of the Fetch API used here, typed structurally so this module needs no DOM types. */
export interface FetchResponseLike {
  readonly ok: boolean;
  readonly status: number;
  readonly statusText: string;
  readonly url: string;
  readonly headers: { get(name: string): string | null };
  readonly body: {
    getReader(): {
      read(): Promise<{ done: boolean; value?: Uint8Array }>;
      cancel(reason?: unknown): Promise<void>;
    };
  } | null;
  arrayBuffer(): Promise<ArrayBuffer>;
}
export type FetchLike = (url: string, init?: { signal?: AbortSignalLike }) => Promise<FetchResponseLike>;

export interface DownloadProgress {
  bytes: number;
  /** From Content-Length; undefined when the server does not say (or sends the body content-encoded). */
  totalBytes?: number;
}

export interface OpenUrlOptions {
  /** Resolves a relative course URL (the page's URL, or dispatches.json's). */
  base?: string;
  signal?: AbortSignalLike;
  onProgress?(progress: DownloadProgress): void;
  /** Largest zip to download. Default: ZipLimits.maxTotalBytes (1 GiB). */
  maxBytes?: number;
  /** Default: globalThis.fetch. */
  fetch?: FetchLike;
}

export interface OpenedManifest {
  kind: 'manifest';
  manifest: Manifest;
  /** The manifest's URL after redirects. */
  manifestUrl: string;
  /** The package root: launch URLs resolve against it. */
  baseUrl: string;
  /** SHA-256 (hex) of the manifest bytes: identifies this version of the course. */
  manifestHash: string;
  /** The course URL as given (resolved), for display and as the progress key. */
  source: string;
}

export interface DownloadedZip {
  kind: 'zip';
  bytes: Uint8Array;
  /** The zip's URL after redirects. */
  url: string;
  source: string;
}

/** How a course URL is read: by its path's ending (query and fragment ignored). */
export function courseUrlKind(url: { readonly pathname: string }): 'zip' | 'manifest' | 'folder' {
  const path = url.pathname.toLowerCase();
  if (path.endsWith('.zip')) return 'zip';
  if (path.endsWith('.xml')) return 'manifest';
  return 'folder';
}

/** Opens `?course=`: a folder, its manifest, or a zip (downloaded, not yet imported). */
export async function openCourseUrl(
  course: string,
  options: OpenUrlOptions = {},
): Promise<OpenedManifest | DownloadedZip> {
  const url = resolveUrl(course, options.base);
  const kind = courseUrlKind(url);
  if (kind === 'zip') return downloadZip(url.href, options);
  let manifestUrl = url;
  if (kind === 'folder') {
    manifestUrl = new URL(url.href);
    if (!manifestUrl.pathname.endsWith('/')) manifestUrl.pathname += '/';
    manifestUrl = new URL(MANIFEST_NAME, manifestUrl.href);
    manifestUrl.search = url.search;
  }
  return openManifest(manifestUrl.href, url.href, options);
}

function resolveUrl(course: string, base: string | undefined): UrlLike {
  try {
    return new URL(course, base);
  } catch (error) {
    throw new PackageError(
      PackageErrorCode.Network,
      `'${course}' is not a URL a course can be opened from.`,
      {
        url: course,
        cause: error,
      },
    );
  }
}

async function request(url: string, options: OpenUrlOptions, what: string): Promise<FetchResponseLike> {
  const fetchFn = options.fetch ?? (globalThis as unknown as { fetch?: FetchLike }).fetch;
  if (!fetchFn) throw new PackageError(PackageErrorCode.Network, 'fetch is not available here.', { url });
  let response: FetchResponseLike;
  try {
    response = await fetchFn(url, options.signal ? { signal: options.signal } : undefined);
  } catch (error) {
    throw networkError(error, url, what, options.signal);
  }
  if (!response.ok)
    throw new PackageError(
      PackageErrorCode.HttpStatus,
      `Could not load ${what} from ${url}: the server answered ${response.status}${
        response.statusText ? ` ${response.statusText}` : ''
      }${response.status === 404 && what === MANIFEST_NAME ? ' (is this the folder that holds imsmanifest.xml?)' : ''}.`,
      { url },
    );
  return response;
}

function networkError(error: unknown, url: string, what: string, signal?: AbortSignalLike): PackageError {
  if (signal?.aborted || (error instanceof Error && error.name === 'AbortError'))
    return new PackageError(PackageErrorCode.Aborted, `Loading ${url} was cancelled.`, { url, cause: error });
  if (error instanceof PackageError) return error;
  const reason = error instanceof Error ? error.message : String(error);
  // Browsers report a CORS refusal exactly like a network failure (Fetch §4.1: a "network error"), so the
  // message names both possibilities.
  return new PackageError(
    PackageErrorCode.Network,
    `Could not load ${what} from ${url} (${reason}). The host may be unreachable or offline, or it does not allow this page to read it: a course on another host must be served with CORS (Access-Control-Allow-Origin).`,
    { url, cause: error },
  );
}

async function openManifest(
  manifestUrl: string,
  source: string,
  options: OpenUrlOptions,
): Promise<OpenedManifest> {
  const response = await request(manifestUrl, options, MANIFEST_NAME);
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await response.arrayBuffer());
  } catch (error) {
    throw networkError(error, manifestUrl, MANIFEST_NAME, options.signal);
  }
  const finalUrl = response.url || manifestUrl;
  let manifest: Manifest;
  try {
    manifest = parseManifest(bytes);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new PackageError(
      PackageErrorCode.InvalidManifest,
      `${finalUrl} is not a valid manifest: ${reason}`,
      {
        url: finalUrl,
        cause: error,
      },
    );
  }
  return {
    kind: 'manifest',
    manifest,
    manifestUrl: finalUrl,
    baseUrl: new URL('./', finalUrl).href,
    manifestHash: await sha256Hex(bytes),
    source,
  };
}

/** Downloads a zip, streaming the body to count bytes against Content-Length for progress. */
export async function downloadZip(url: string, options: OpenUrlOptions = {}): Promise<DownloadedZip> {
  const maxBytes = options.maxBytes ?? defaultZipLimits.maxTotalBytes;
  const response = await request(url, options, 'the zip');
  const length = Number(response.headers.get('Content-Length') ?? NaN);
  // With a Content-Encoding the length counts encoded bytes, not what the body yields.
  const totalBytes =
    Number.isFinite(length) && length >= 0 && !response.headers.get('Content-Encoding') ? length : undefined;
  const tooLarge = (): PackageError =>
    new PackageError(
      PackageErrorCode.TooLarge,
      `The zip at ${url} is larger than ${maxBytes} bytes (maxBytes).`,
      {
        url,
      },
    );
  if (totalBytes !== undefined && totalBytes > maxBytes) throw tooLarge();
  const progress: DownloadProgress = totalBytes === undefined ? { bytes: 0 } : { bytes: 0, totalBytes };
  options.onProgress?.({ ...progress });

  let bytes: Uint8Array;
  try {
    if (!response.body) {
      bytes = new Uint8Array(await response.arrayBuffer());
    } else {
      const reader = response.body.getReader();
      const chunks: Uint8Array[] = [];
      // Preallocate when the size is known, so the download is held once, not twice.
      let buffer = totalBytes === undefined ? undefined : new Uint8Array(totalBytes);
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        if (!value) continue;
        if (progress.bytes + value.length > maxBytes) {
          await reader.cancel().catch(() => undefined);
          throw tooLarge();
        }
        if (buffer && progress.bytes + value.length <= buffer.length) buffer.set(value, progress.bytes);
        else {
          if (buffer) chunks.push(buffer.subarray(0, progress.bytes));
          buffer = undefined;
          chunks.push(value);
        }
        progress.bytes += value.length;
        options.onProgress?.({ ...progress });
      }
      bytes = buffer ? buffer.subarray(0, progress.bytes) : concat(chunks, progress.bytes);
    }
  } catch (error) {
    throw networkError(error, url, 'the zip', options.signal);
  }
  if (options.signal?.aborted) throw networkError(options.signal.reason, url, 'the zip', options.signal);
  if (totalBytes !== undefined && bytes.length < totalBytes)
    throw new PackageError(
      PackageErrorCode.Network,
      `The download of ${url} ended after ${bytes.length} of ${totalBytes} bytes.`,
      { url },
    );
  return { kind: 'zip', bytes, url: response.url || url, source: url };
}

function concat(chunks: Uint8Array[], length: number): Uint8Array {
  const out = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
