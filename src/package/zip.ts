// Reading a SCORM package zip (DOM-free). fflate's `unzipSync` with a `filter` first walks the central
// directory only, without inflating anything, so every entry is checked (path, count, sizes, compression
// ratio) before a single byte is expanded; then the entries are inflated in batches by the same `filter`,
// so a caller can store each batch and let it go instead of holding the whole package twice.
import { unzipSync, type UnzipFileInfo } from 'fflate';
import { PackageError, PackageErrorCode } from './zip-error.js';

export * from './zip-error.js';

/** Limits that keep a hostile or broken zip from exhausting memory. All sizes are uncompressed bytes. */
export interface ZipLimits {
  /**
   * Most entries (files and folders) the central directory may list. Default 10 000: large real packages
   * carry a few thousand files.
   */
  maxEntries: number;
  /**
   * Most uncompressed bytes over all entries, as declared in the central directory (APPNOTE 4.4.9).
   * Default 1 GiB. Inflated output is capped at the declared size, so a lying header cannot exceed it.
   */
  maxTotalBytes: number;
  /**
   * Highest uncompressed / compressed ratio for an entry of at least `ratioMinBytes`, and for the archive
   * as a whole. Default 200: deflate tops out near 1032:1 and only zip bombs come close, while real
   * course media and scripts stay well under 20:1.
   */
  maxRatio: number;
  /** Entries smaller than this are exempt from the ratio check (a tiny file may compress absurdly well). Default 1 MiB. */
  ratioMinBytes: number;
}

export const defaultZipLimits: Readonly<ZipLimits> = Object.freeze({
  maxEntries: 10_000,
  maxTotalBytes: 1024 ** 3,
  maxRatio: 200,
  ratioMinBytes: 1024 ** 2,
});

export interface ZipProgress {
  /** Uncompressed bytes inflated so far. */
  bytes: number;
  totalBytes: number;
  files: number;
  totalFiles: number;
}

/** A structural AbortSignal, so this DOM-free module needs no DOM types (a real AbortSignal fits). */
export interface AbortSignalLike {
  readonly aborted: boolean;
  readonly reason?: unknown;
}

export interface UnzipPackageOptions {
  limits?: Partial<ZipLimits>;
  onProgress?(progress: ZipProgress): void;
  signal?: AbortSignalLike;
}

export interface UnzippedPackage {
  /** The single top folder that held imsmanifest.xml, stripped from every path ('' when at the root). */
  rootFolder: string;
  manifestXml: Uint8Array;
  /** Files by path relative to the package root ('/'-separated, no leading slash). Folders are omitted. */
  files: Map<string, Uint8Array>;
}

export interface ZipEntryInfo {
  /** The entry name as written in the archive. */
  name: string;
  /** The path relative to the package root (root folder stripped). */
  path: string;
  /** Uncompressed size (central directory). */
  size: number;
  compressedSize: number;
  /** APPNOTE 4.4.5: 0 stored, 8 deflate. */
  compression: number;
}

export interface ZipDirectory {
  rootFolder: string;
  /** The imsmanifest.xml entry. */
  manifest: ZipEntryInfo;
  /** Every file to keep (manifest included), in archive order. Folders and Mac resource forks are left out. */
  entries: ZipEntryInfo[];
  totalBytes: number;
}

export const MANIFEST_NAME = 'imsmanifest.xml';

/**
 * Checks an entry name and returns its '/'-separated segments. CAM 2.3.3 forbids hrefs that start with `/`
 * or contain `\`; in a zip such names are also how "zip slip" writes outside the target folder.
 */
function safeSegments(name: string): string[] {
  const reject = (why: string): never => {
    throw new PackageError(PackageErrorCode.UnsafePath, `Zip entry '${name}' is refused: ${why}.`, {
      entry: name,
    });
  };
  if (name === '') reject('it has an empty name');
  if (name.includes('\\')) reject('it contains a backslash');
  if (name.includes('\0')) reject('it contains a NUL character');
  if (name.startsWith('/')) reject('it is an absolute path');
  if (/^[A-Za-z]:/.test(name)) reject('it starts with a drive letter');
  const segments = name.split('/');
  if (segments.includes('..')) reject("it climbs out of the package with '..'");
  return segments.filter((s) => s !== '' && s !== '.');
}

/** Folders, macOS resource forks and Finder litter: never part of a package. */
function ignored(segments: string[], isFolder: boolean): boolean {
  return isFolder || segments.length === 0 || segments[0] === '__MACOSX' || segments.at(-1) === '.DS_Store';
}

function mapFflateError(error: unknown, entry?: string): PackageError {
  if (error instanceof PackageError) return error;
  const reason = error instanceof Error ? error.message : String(error);
  const where = entry === undefined ? 'The zip' : `Zip entry '${entry}'`;
  const message =
    entry === undefined
      ? `The file is not a zip archive, or it is truncated or damaged (${reason}).`
      : `${where} is damaged: its compressed data cannot be read (${reason}).`;
  return new PackageError(PackageErrorCode.Corrupt, message, {
    cause: error,
    ...(entry === undefined ? {} : { entry }),
  });
}

/**
 * Reads and checks the central directory without inflating anything: entry count, paths, sizes, ratios,
 * compression methods, and where imsmanifest.xml is (at the root, or inside a single top folder, which is
 * then stripped).
 */
export function readZipDirectory(bytes: Uint8Array, limits: Partial<ZipLimits> = {}): ZipDirectory {
  const lim: ZipLimits = { ...defaultZipLimits, ...limits };
  const listed: { info: UnzipFileInfo; segments: string[] }[] = [];
  let totalBytes = 0;
  let count = 0;
  try {
    unzipSync(bytes, {
      filter(info) {
        if (++count > lim.maxEntries)
          throw new PackageError(
            PackageErrorCode.TooManyEntries,
            `The zip has more than ${lim.maxEntries} entries (limit maxEntries); entry '${info.name}' is one too many.`,
            { entry: info.name },
          );
        const segments = safeSegments(info.name);
        const isFolder = info.name.endsWith('/');
        if (!ignored(segments, isFolder)) {
          checkEntry(info, bytes.length, lim);
          totalBytes += info.originalSize;
          if (totalBytes > lim.maxTotalBytes)
            throw new PackageError(
              PackageErrorCode.TooLarge,
              `The zip expands to more than ${lim.maxTotalBytes} bytes (limit maxTotalBytes), reached at entry '${info.name}'.`,
              { entry: info.name },
            );
          listed.push({ info, segments });
        }
        return false; // list only: nothing is inflated in this pass
      },
    });
  } catch (error) {
    throw mapFflateError(error);
  }
  if (totalBytes >= lim.ratioMinBytes && totalBytes > bytes.length * lim.maxRatio)
    throw new PackageError(
      PackageErrorCode.CompressionRatio,
      `The zip expands ${Math.round(totalBytes / Math.max(1, bytes.length))} times (limit maxRatio ${lim.maxRatio}): a zip bomb.`,
    );
  const rootFolder = findRootFolder(listed.map((l) => l.segments));
  const entries: ZipEntryInfo[] = [];
  const seen = new Set<string>();
  let manifest: ZipEntryInfo | undefined;
  for (const { info, segments } of listed) {
    const path = (rootFolder === '' ? segments : segments.slice(1)).join('/');
    if (seen.has(path))
      throw new PackageError(
        PackageErrorCode.DuplicateEntry,
        `Zip entry '${info.name}' repeats the path '${path}'.`,
        { entry: info.name },
      );
    seen.add(path);
    const entry: ZipEntryInfo = {
      name: info.name,
      path,
      size: info.originalSize,
      compressedSize: info.size,
      compression: info.compression,
    };
    if (path.toLowerCase() === MANIFEST_NAME) manifest = entry;
    entries.push(entry);
  }
  if (!manifest) throw noManifest(listed.map((l) => l.segments));
  return { rootFolder, manifest, entries, totalBytes };
}

function checkEntry(info: UnzipFileInfo, zipLength: number, lim: ZipLimits): void {
  const entry = info.name;
  if (info.compression !== 0 && info.compression !== 8)
    throw new PackageError(
      PackageErrorCode.UnsupportedEntry,
      `Zip entry '${entry}' uses compression method ${info.compression}; only stored (0) and deflate (8) are supported.`,
      { entry },
    );
  if (info.size > zipLength || (info.compression === 0 && info.size !== info.originalSize))
    throw new PackageError(
      PackageErrorCode.Corrupt,
      `Zip entry '${entry}' has impossible sizes (${info.size} compressed, ${info.originalSize} uncompressed, in a ${zipLength}-byte file): the zip is damaged or truncated.`,
      { entry },
    );
  if (info.originalSize >= lim.ratioMinBytes && info.originalSize > info.size * lim.maxRatio)
    throw new PackageError(
      PackageErrorCode.CompressionRatio,
      `Zip entry '${entry}' expands ${info.size ? Math.round(info.originalSize / info.size) : 'infinitely many'} times (limit maxRatio ${lim.maxRatio}): a zip bomb.`,
      { entry },
    );
}

/** '' when imsmanifest.xml is at the root; the folder name when every entry sits in one folder that holds it. */
function findRootFolder(paths: string[][]): string {
  if (paths.some((s) => s.length === 1 && s[0]?.toLowerCase() === MANIFEST_NAME)) return '';
  const tops = new Set(paths.map((s) => (s.length > 1 ? s[0] : '')));
  const [top] = tops;
  if (tops.size === 1 && top && paths.some((s) => s.length === 2 && s[1]?.toLowerCase() === MANIFEST_NAME))
    return top;
  throw noManifest(paths);
}

function noManifest(paths: string[][]): PackageError {
  const deeper = paths.find((s) => s.at(-1)?.toLowerCase() === MANIFEST_NAME)?.join('/');
  return new PackageError(
    PackageErrorCode.NoManifest,
    `The zip has no imsmanifest.xml at its root or inside a single top folder${
      deeper ? ` (there is one at '${deeper}', which is not the package root)` : ''
    }.`,
  );
}

export interface InflateBatchOptions {
  /** Inflate about this many uncompressed bytes per batch. Default 8 MiB. */
  batchBytes?: number;
  /** At most this many entries per batch. Default 256. */
  batchEntries?: number;
}

/**
 * Inflates the entries of a checked directory batch by batch (fflate `unzipSync` with a filter naming the
 * batch), yielding each batch so the caller can store it and drop it.
 */
export function* inflateZipEntries(
  bytes: Uint8Array,
  directory: ZipDirectory,
  options: InflateBatchOptions = {},
): Generator<[ZipEntryInfo, Uint8Array][]> {
  const batchBytes = options.batchBytes ?? 8 * 1024 ** 2;
  const batchEntries = options.batchEntries ?? 256;
  let start = 0;
  while (start < directory.entries.length) {
    const batch = new Map<string, ZipEntryInfo>();
    let size = 0;
    let end = start;
    while (
      end < directory.entries.length &&
      batch.size < batchEntries &&
      (batch.size === 0 || size < batchBytes)
    ) {
      const entry = directory.entries[end++] as ZipEntryInfo;
      batch.set(entry.name, entry);
      size += entry.size;
    }
    let inflated: Record<string, Uint8Array>;
    try {
      inflated = unzipSync(bytes, { filter: (f) => batch.has(f.name) });
    } catch (error) {
      // fflate does not say which entry failed: find it by inflating the batch one entry at a time.
      throw mapFflateError(error, findFailingEntry(bytes, batch));
    }
    const out: [ZipEntryInfo, Uint8Array][] = [];
    for (const entry of batch.values()) {
      const data = inflated[entry.name];
      if (!data || data.length !== entry.size)
        throw new PackageError(
          PackageErrorCode.Corrupt,
          `Zip entry '${entry.name}' inflated to ${data?.length ?? 0} bytes where the directory says ${entry.size}: the zip is damaged.`,
          { entry: entry.name },
        );
      out.push([entry, data]);
    }
    start = end;
    yield out;
  }
}

function findFailingEntry(bytes: Uint8Array, batch: Map<string, ZipEntryInfo>): string | undefined {
  for (const name of batch.keys()) {
    try {
      unzipSync(bytes, { filter: (f) => f.name === name });
    } catch {
      return name;
    }
  }
  return undefined;
}

function abortError(signal: AbortSignalLike): PackageError {
  return new PackageError(PackageErrorCode.Aborted, 'Unzipping was cancelled.', { cause: signal.reason });
}

/** Lets other tasks (an abort, a progress repaint) run between batches; no DOM types needed. */
function nextTask(): Promise<void> {
  const timers = globalThis as unknown as { setTimeout?: (callback: () => void, ms: number) => unknown };
  return new Promise((resolve) => (timers.setTimeout ? timers.setTimeout(resolve, 0) : resolve()));
}

/**
 * Unzips a SCORM package in memory: checks the whole central directory against the limits first, then
 * inflates in batches, reporting progress and honouring `signal` between batches.
 */
export async function unzipPackage(
  bytes: Uint8Array,
  options: UnzipPackageOptions = {},
): Promise<UnzippedPackage> {
  const { signal, onProgress } = options;
  if (signal?.aborted) throw abortError(signal);
  const directory = readZipDirectory(bytes, options.limits);
  const files = new Map<string, Uint8Array>();
  const progress: ZipProgress = {
    bytes: 0,
    totalBytes: directory.totalBytes,
    files: 0,
    totalFiles: directory.entries.length,
  };
  onProgress?.({ ...progress });
  for (const batch of inflateZipEntries(bytes, directory)) {
    for (const [entry, data] of batch) {
      files.set(entry.path, data);
      progress.bytes += data.length;
      progress.files++;
    }
    onProgress?.({ ...progress });
    if (signal || onProgress) await nextTask();
    if (signal?.aborted) throw abortError(signal);
  }
  const manifestXml = files.get(directory.manifest.path) as Uint8Array;
  return { rootFolder: directory.rootFolder, manifestXml, files };
}
