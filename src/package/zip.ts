// Reading a SCORM package zip (DOM-free). fflate's `unzipSync` with a `filter` first walks the central
// directory only, without inflating anything, so every entry is checked (path, count, sizes, compression
// ratio) before a single byte is expanded; then entries are read one at a time (fflate's `inflateSync`
// at the data offsets of zip-offsets.ts), so a caller can store each and let it go instead of holding
// the whole package twice, and stored entries are views into the archive, never copies.
// Nothing in the directory is trusted: entries that share bytes are refused before anything is inflated,
// inflating stops as soon as an entry passes its declared size, and every entry's size and CRC-32 are
// checked against the central directory (APPNOTE 4.4.7, 4.4.9) before its bytes are handed out.
// readZipEntryChunks reads an entry with the same checks through the platform's native inflater where there
// is one (zip-native.ts); the importer uses it, as inflating is most of what an import costs.
import { Inflate, inflateSync, unzipSync, type UnzipFileInfo } from 'fflate';
import { crc32 } from './crc32.js';
import { PackageError, PackageErrorCode } from './zip-error.js';
import { inflateNatively } from './zip-native.js';
import { readDataOffsets, type EntryLocation } from './zip-offsets.js';

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
  /** Where the entry's (compressed) data starts in the archive. */
  dataOffset: number;
  /** The CRC-32 of the uncompressed data, from the central directory (APPNOTE 4.4.7). */
  crc32: number;
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
  const listed: { info: UnzipFileInfo; segments: string[]; index: number }[] = [];
  /** Compressed size of every entry, ignored ones included, in directory order (for the overlap check). */
  const compressedSizes: number[] = [];
  let totalBytes = 0;
  let count = 0;
  try {
    unzipSync(bytes, {
      filter(info) {
        compressedSizes.push(info.size);
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
          listed.push({ info, segments, index: count - 1 });
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
  const offsets = readDataOffsets(bytes);
  refuseSharedBytes(offsets, compressedSizes);
  const entries: ZipEntryInfo[] = [];
  const seen = new Set<string>();
  let manifest: ZipEntryInfo | undefined;
  for (const { info, segments, index } of listed) {
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
      dataOffset: offsets[index]?.dataOffset ?? NaN,
      crc32: offsets[index]?.crc32 ?? NaN,
    };
    if ((offsets[index]?.flags ?? 0) & 1)
      throw new PackageError(
        PackageErrorCode.UnsupportedEntry,
        `Zip entry '${info.name}' is encrypted: password-protected zips are not supported.`,
        { entry: info.name },
      );
    if (!(entry.dataOffset + entry.compressedSize <= bytes.length))
      throw new PackageError(
        PackageErrorCode.Corrupt,
        `Zip entry '${info.name}' runs past the end of the file: the zip is damaged or truncated.`,
        { entry: info.name },
      );
    if (path.toLowerCase() === MANIFEST_NAME) manifest = entry;
    entries.push(entry);
  }
  if (!manifest) throw noManifest(listed.map((l) => l.segments));
  return { rootFolder, manifest, entries, totalBytes };
}

/**
 * Refuses entries whose local header and data overlap another's. In a well-formed zip each entry owns its
 * bytes (APPNOTE 4.3.6: local header, data, then the next entry); an "overlapping files" zip bomb points many
 * central directory records at one shared deflate stream, so that a small archive inflates that stream many
 * times over. Done before anything is inflated, so such a zip costs only this sort.
 */
function refuseSharedBytes(offsets: EntryLocation[], compressedSizes: number[]): void {
  const spans = offsets
    .map((o, i) => ({ start: o.localOffset, end: o.dataOffset + (compressedSizes[i] ?? 0), index: i }))
    .sort((a, b) => a.start - b.start);
  for (let i = 1; i < spans.length; i++) {
    const before = spans[i - 1] as (typeof spans)[number];
    const span = spans[i] as (typeof spans)[number];
    if (span.start < before.end)
      throw new PackageError(
        PackageErrorCode.OverlappingEntries,
        `Zip entries ${before.index + 1} and ${span.index + 1} of the central directory share bytes of the archive (at offset ${span.start}): a well-formed zip never does, an "overlapping files" zip bomb does.`,
      );
  }
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

/**
 * The bytes of one entry, checked: a view into the archive for a stored entry (no copy), inflated into a
 * buffer of the declared size for a deflated one. Either way the size and the CRC-32 must match the central
 * directory, or the entry is refused (codes size-mismatch, checksum-mismatch).
 */
export function readZipEntry(bytes: Uint8Array, entry: ZipEntryInfo): Uint8Array {
  const raw = bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
  let data: Uint8Array;
  if (entry.compression === 0) data = raw;
  else
    try {
      data = inflateBounded(raw, entry);
    } catch (error) {
      throw mapFflateError(error, entry.name);
    }
  if (data.length !== entry.size)
    throw new PackageError(
      PackageErrorCode.SizeMismatch,
      `Zip entry '${entry.name}' inflated to ${data.length} bytes where the directory says ${entry.size}: the zip is damaged.`,
      { entry: entry.name },
    );
  const actual = crc32(data);
  if (actual !== entry.crc32)
    throw new PackageError(
      PackageErrorCode.ChecksumMismatch,
      `Zip entry '${entry.name}' has CRC-32 ${hex(actual)} where the directory says ${hex(entry.crc32)}: the zip is damaged or was altered.`,
      { entry: entry.name },
    );
  return data;
}

const hex = (n: number): string => n.toString(16).padStart(8, '0');

/** Deflate's best case (RFC 1951: a 258-byte match in about two bits) is about 1032 bytes out per byte in. */
const MAX_DEFLATE_RATIO = 1032;
/** What a lying stream may inflate beyond its declared size before it is stopped: 16 × declared + 1 MiB. */
const overrunAllowance = (size: number): number => 16 * size + 1024 ** 2;
/** The largest slice of a stream fed to the inflater at once: bigger slices gain nothing. */
const MAX_SLICE = 64 * 1024;

/** The longest slice of deflate data that cannot inflate past `size` by more than the allowance. */
function inflateSliceLength(size: number): number {
  return Math.min(MAX_SLICE, Math.ceil(overrunAllowance(size) / MAX_DEFLATE_RATIO));
}

function overInflated(entry: ZipEntryInfo): PackageError {
  return new PackageError(
    PackageErrorCode.SizeMismatch,
    `Zip entry '${entry.name}' inflates past the ${entry.size} bytes the directory declares: inflating was stopped there.`,
    { entry: entry.name },
  );
}

/**
 * The bytes a deflate stream made only of stored blocks (RFC 1951 3.2.4: BTYPE 00, then LEN and NLEN, then
 * LEN bytes as they are) holds, joined; undefined when it holds any other kind of block, or is damaged (left
 * to the inflater to report). Zip tools deflate incompressible media this way, and such a stream's output is
 * its own bytes: its length is known before anything is copied, so it needs neither an inflater nor the
 * slicing that bounds what a compressed stream may expand to.
 */
function storedBlocks(raw: Uint8Array, entry: ZipEntryInfo): Uint8Array | undefined {
  const blocks: [start: number, end: number][] = [];
  let total = 0;
  for (let at = 0; ;) {
    if (at + 5 > raw.length) return undefined;
    const header = raw[at] as number; // BFINAL in bit 0, BTYPE in bits 1-2; a stored block pads the rest
    if (header & 0b110) return undefined;
    const length = (raw[at + 1] as number) | ((raw[at + 2] as number) << 8);
    const check = (raw[at + 3] as number) | ((raw[at + 4] as number) << 8);
    if ((length ^ 0xffff) !== check || at + 5 + length > raw.length) return undefined;
    blocks.push([at + 5, at + 5 + length]);
    total += length;
    if (total > entry.size) throw overInflated(entry);
    at += 5 + length;
    if (header & 1) break;
  }
  const out = new Uint8Array(total);
  let written = 0;
  for (const [start, end] of blocks) {
    out.set(raw.subarray(start, end), written);
    written += end - start;
  }
  return out;
}

/**
 * Inflates a deflate stream and stops soon after it passes the declared size, so that the CPU a lying
 * directory costs is bounded by the size it declares, never by what the stream holds (fflate's `inflateSync`
 * into a fixed `out` buffer silently drops what does not fit but keeps inflating to the end of the stream).
 * The stream is fed in slices so small that even deflate's best ratio cannot make one slice overrun by more
 * than `overrunAllowance`; a stream no longer than one slice is inflated in one call. Honest streams pay a
 * few hundred slices at most (fflate's streaming `Inflate` keeps its state between them).
 */
function inflateBounded(raw: Uint8Array, entry: ZipEntryInfo): Uint8Array {
  const stored = storedBlocks(raw, entry);
  if (stored) return stored;
  const size = entry.size;
  const slice = inflateSliceLength(size);
  if (raw.length <= slice) {
    const data = inflateSync(raw);
    if (data.length > size) throw overInflated(entry);
    return data;
  }
  const out = new Uint8Array(size);
  let written = 0;
  const inflater = new Inflate((chunk) => {
    if (written + chunk.length > size) throw overInflated(entry);
    out.set(chunk, written);
    written += chunk.length;
  });
  for (let at = 0; at < raw.length; at += slice)
    inflater.push(raw.subarray(at, at + slice), at + slice >= raw.length);
  return out.subarray(0, written);
}

/**
 * Below this much deflate data an entry is inflated by fflate: a native stream's setup costs more than
 * inflating a small file in JavaScript.
 */
const NATIVE_MIN_BYTES = 16 * 1024;

/**
 * The bytes of one entry, checked as readZipEntry checks them (size and CRC-32 against the central
 * directory, inflating stopped past the declared size), as one or more chunks. A deflated entry is inflated
 * by the platform's native inflater where there is one (zip-native.ts), several times faster than fflate;
 * if that refuses the data, the entry is read again by readZipEntry, so that the error names exactly what
 * is wrong (and data that fflate reads and that passes every check there is still accepted). Under Node,
 * prefer readZipEntry: there web streams cost more than native inflating saves (the 24 MB package of
 * bench/zip.bench.ts: about 200 ms through DecompressionStream, 90 ms by readZipEntry).
 */
export async function readZipEntryChunks(bytes: Uint8Array, entry: ZipEntryInfo): Promise<Uint8Array[]> {
  if (entry.compression === 8 && entry.compressedSize >= NATIVE_MIN_BYTES) {
    const raw = bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
    try {
      const chunks = await inflateNatively(raw, entry, inflateSliceLength(entry.size));
      if (chunks) return chunks;
    } catch (error) {
      // Inflating past the declared size is final (and was stopped); anything else is named by readZipEntry.
      if (error instanceof PackageError) throw error;
    }
  }
  return [readZipEntry(bytes, entry)];
}

/** Reads the entries of a checked directory one by one, so the caller can store each and let it go. */
export function* readZipEntries(
  bytes: Uint8Array,
  directory: ZipDirectory,
  include?: (entry: ZipEntryInfo) => boolean,
): Generator<[ZipEntryInfo, Uint8Array]> {
  for (const entry of directory.entries)
    if (!include || include(entry)) yield [entry, readZipEntry(bytes, entry)];
}

function abortError(signal: AbortSignalLike): PackageError {
  return new PackageError(PackageErrorCode.Aborted, 'Unzipping was cancelled.', { cause: signal.reason });
}

/** Lets other tasks (an abort, a progress repaint) run; no DOM types needed. */
function nextTask(): Promise<void> {
  const timers = globalThis as unknown as { setTimeout?: (callback: () => void, ms: number) => unknown };
  return new Promise((resolve) => (timers.setTimeout ? timers.setTimeout(resolve, 0) : resolve()));
}

/**
 * Unzips a SCORM package in memory: checks the whole central directory against the limits first, then
 * inflates entry by entry, reporting progress and honouring `signal` about every 8 MiB.
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
  // Report, and let an abort in, about every 8 MiB.
  let reported = 0;
  for (const [entry, data] of readZipEntries(bytes, directory)) {
    files.set(entry.path, data);
    progress.bytes += data.length;
    progress.files++;
    if (progress.bytes - reported >= 8 * 1024 ** 2 || progress.files === progress.totalFiles) {
      reported = progress.bytes;
      onProgress?.({ ...progress });
      if (signal || onProgress) await nextTask();
      if (signal?.aborted) throw abortError(signal);
    }
  }
  const manifestXml = files.get(directory.manifest.path) as Uint8Array;
  return { rootFolder: directory.rootFolder, manifestXml, files };
}
