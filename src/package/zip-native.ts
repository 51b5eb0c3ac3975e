// Inflating a zip entry with the platform's own inflater (DecompressionStream, WHATWG Compression Streams),
// where there is one: zlib in native code inflates several times faster than fflate in JavaScript, which
// is most of what importing a large package costs (bench/import.bench.ts). DOM-free: the stream types are
// structural, and without a DecompressionStream the caller keeps its JavaScript inflater.
//
// The checks stay those of readZipEntry (zip.ts), only done natively. The entry's deflate data (APPNOTE
// 4.4.5, method 8 is RFC 1951 deflate) is fed as one gzip member (RFC 1952 2.3: a 10-byte header, the deflate
// data, then CRC32 and ISIZE) whose trailer holds the CRC-32 and size from the central directory: gzip's
// CRC-32 is zip's (same polynomial and conditioning, APPNOTE 4.4.7), so the inflater refuses data whose
// CRC-32 or size (modulo 2^32; the exact size is counted here) differs from the directory's. That holds only
// if the inflater reads our trailer as THE trailer: an entry whose data ends its deflate stream early and
// carries a forged trailer of its own would otherwise be checked against that one. So the gzip form is used
// only where a probe shows the inflater refuses bytes after the end of a member (Chromium does; Node's
// zlib takes them as a further member or ignores them); elsewhere raw deflate is inflated natively and the
// CRC-32 computed here over what comes out.
// Inflating stops at the declared size as in zip.ts: the data is written in slices small enough that one
// slice cannot overrun by more than the allowance, and a stream transforms a slice only when its output is
// read (TransformStream backpressure), so the reader stops the inflater as soon as the count passes the size.
import { crc32 } from './crc32.js';
import { PackageError, PackageErrorCode } from './zip-error.js';

interface StreamWriter {
  write(chunk: Uint8Array): Promise<void>;
  close(): Promise<void>;
}
interface StreamReader {
  read(): Promise<{ done: boolean; value?: Uint8Array }>;
  cancel(reason?: unknown): Promise<void>;
}
interface DecompressionPair {
  readonly writable: { getWriter(): StreamWriter };
  readonly readable: { getReader(): StreamReader };
}
type DecompressionStreamClass = new (format: 'gzip' | 'deflate-raw') => DecompressionPair;

/** What the native inflater checks an entry against (from the central directory). */
export interface NativeInflateTarget {
  name: string;
  /** Declared uncompressed size. */
  size: number;
  /** Declared CRC-32. */
  crc32: number;
}

const noop = (): void => undefined;

function nativeClass(): DecompressionStreamClass | undefined {
  return (globalThis as unknown as { DecompressionStream?: DecompressionStreamClass }).DecompressionStream;
}

/** RFC 1952 2.3: ID1 ID2, CM 8 (deflate), no flags, no MTIME, XFL 0, OS 255 (unknown). */
const GZIP_HEADER = new Uint8Array([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);

/** RFC 1952 2.3.1: CRC32 then ISIZE (the size modulo 2^32), little-endian. */
function gzipTrailer(crc: number, size: number): Uint8Array {
  const trailer = new Uint8Array(8);
  const view = new DataView(trailer.buffer);
  view.setUint32(0, crc >>> 0, true);
  view.setUint32(4, size >>> 0, true);
  return trailer;
}

/** Writes the pieces into a fresh stream of `format` and reads back everything; rejects if the stream does. */
async function roundTrip(
  Native: DecompressionStreamClass,
  format: 'gzip' | 'deflate-raw',
  pieces: Uint8Array[],
): Promise<number> {
  const stream = new Native(format);
  const writer = stream.writable.getWriter();
  for (const piece of pieces) writer.write(piece).catch(noop);
  writer.close().catch(noop);
  const reader = stream.readable.getReader();
  let length = 0;
  for (let r = await reader.read(); !r.done; r = await reader.read()) length += r.value?.length ?? 0;
  return length;
}

const refused = (p: Promise<unknown>): Promise<boolean> =>
  p.then(
    () => false,
    () => true,
  );

let gzipIsStrict: Promise<boolean> | undefined;

/**
 * Whether this platform's gzip inflater checks a member the way the entry checks need: it accepts an honest
 * member and refuses one with a wrong CRC-32, one followed by a stray byte, and two members in a row.
 * Probed once, on an empty member (RFC 1951 3.2.4: a final stored block of length 0; CRC-32 and size 0).
 */
function strictGzip(Native: DecompressionStreamClass): Promise<boolean> {
  gzipIsStrict ??= (async () => {
    const empty = new Uint8Array([1, 0, 0, 0xff, 0xff]);
    const member = [GZIP_HEADER, empty, gzipTrailer(0, 0)];
    try {
      if ((await roundTrip(Native, 'gzip', member)) !== 0) return false;
      const wrongCrc = refused(roundTrip(Native, 'gzip', [GZIP_HEADER, empty, gzipTrailer(1, 0)]));
      const strayByte = refused(roundTrip(Native, 'gzip', [...member, new Uint8Array([0])]));
      const twoMembers = refused(roundTrip(Native, 'gzip', [...member, ...member]));
      return (await wrongCrc) && (await strayByte) && (await twoMembers);
    } catch {
      return false;
    }
  })();
  return gzipIsStrict;
}

/** Whether inflateNatively can do anything here (a DecompressionStream exists). */
export function hasNativeInflater(): boolean {
  return nativeClass() !== undefined;
}

/**
 * Inflates an entry's deflate data natively and checks its size and CRC-32 against `target`; resolves to
 * the inflated bytes as the stream's chunks (never copied into one buffer). Resolves `undefined` when the
 * platform has no native inflater. Rejects with a PackageError (size-mismatch) when the data inflates past
 * the declared size, inflating stopped there; rejects with another error when the data is damaged or does
 * not match, which the caller should read again with its own inflater to name exactly what is wrong.
 * `sliceLength` bounds what one slice of input may inflate to (see zip.ts).
 */
export async function inflateNatively(
  raw: Uint8Array,
  target: NativeInflateTarget,
  sliceLength: number,
): Promise<Uint8Array[] | undefined> {
  const Native = nativeClass();
  if (!Native) return undefined;
  const gzip = await strictGzip(Native);
  const stream = new Native(gzip ? 'gzip' : 'deflate-raw');
  const writer = stream.writable.getWriter();
  // Queued now, transformed one by one as the output is read; a cancel below drops the rest.
  if (gzip) writer.write(GZIP_HEADER).catch(noop);
  for (let at = 0; at < raw.length; at += sliceLength)
    writer.write(raw.subarray(at, at + sliceLength)).catch(noop);
  if (gzip) writer.write(gzipTrailer(target.crc32, target.size)).catch(noop);
  writer.close().catch(noop);
  const reader = stream.readable.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  let crc = 0;
  for (let r = await reader.read(); !r.done; r = await reader.read()) {
    const chunk = r.value;
    if (!chunk) continue;
    length += chunk.length;
    if (length > target.size) {
      reader.cancel().catch(noop);
      throw new PackageError(
        PackageErrorCode.SizeMismatch,
        `Zip entry '${target.name}' inflates past the ${target.size} bytes the directory declares: inflating was stopped there.`,
        { entry: target.name },
      );
    }
    if (!gzip) crc = crc32(chunk, crc);
    chunks.push(chunk);
  }
  if (length !== target.size) throw new Error(`inflated to ${length} bytes, not ${target.size}`);
  if (!gzip && crc !== target.crc32) throw new Error('the CRC-32 does not match');
  return chunks;
}
