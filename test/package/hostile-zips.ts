// Hostile zips made at test time, byte by byte, for the zip and importer tests and bench/zip.bench.ts: a bad
// CRC-32, an entry that inflates past (or short of) its declared size, entries that share bytes, and the
// "shared-stream" zip bomb (many central directory records pointing at one deflate stream of zeros). A small
// zip writer (APPNOTE.TXT 4.3.7 local header, 4.3.12 central directory, 4.3.16 end record) lets each lie be
// told exactly; CRC-32 is computed here with the plain one-table loop, independently of src/package/crc32.ts.
// DOM-free, so the bench can use it under Node.
import { deflateSync } from 'fflate';

const table = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** Zip's CRC-32 (APPNOTE 4.4.7), one byte at a time. */
export function plainCrc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = (table[(c ^ b) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

const text = (s: string): Uint8Array => new TextEncoder().encode(s);

/** One record of the zip: what its headers declare, and the bytes that follow its local header. */
export interface ZipRecord {
  name: string;
  /** 0 stored, 8 deflate. */
  method: 0 | 8;
  /** The bytes written after the local header (already deflated when method is 8). */
  payload: Uint8Array;
  /** Declared uncompressed size. */
  size: number;
  /** Declared CRC-32. */
  crc: number;
  /**
   * Write no local header or data for this record: point its central directory record at the local header of
   * the record with this name (entries sharing bytes). With `shift`, point that many bytes further on.
   */
  shareWith?: string;
  shift?: number;
}

/** An honest record: deflated (or stored) data with its true size and CRC. */
export function honest(name: string, content: Uint8Array | string, method: 0 | 8 = 8): ZipRecord {
  const data = typeof content === 'string' ? text(content) : content;
  return {
    name,
    method,
    payload: method === 8 ? deflateSync(data) : data,
    size: data.length,
    crc: plainCrc32(data),
  };
}

/** A record's local header, name and payload (APPNOTE 4.3.7). */
export function localEntry(r: ZipRecord): Uint8Array {
  const name = text(r.name);
  const header = new DataView(new ArrayBuffer(30));
  header.setUint32(0, 0x04034b50, true);
  header.setUint16(4, 20, true);
  header.setUint16(8, r.method, true);
  header.setUint32(14, r.crc, true);
  header.setUint32(18, r.payload.length, true);
  header.setUint32(22, r.size, true);
  header.setUint16(26, name.length, true);
  return join([new Uint8Array(header.buffer), name, r.payload]);
}

/** Writes the records as a zip, honouring every lie they tell. */
export function writeZip(records: ZipRecord[]): Uint8Array {
  const parts: Uint8Array[] = [];
  const offsets = new Map<string, number>();
  let at = 0;
  const push = (bytes: Uint8Array): void => {
    parts.push(bytes);
    at += bytes.length;
  };
  const localOf: number[] = [];
  for (const r of records) {
    if (r.shareWith !== undefined) {
      localOf.push((offsets.get(r.shareWith) as number) + (r.shift ?? 0));
      continue;
    }
    offsets.set(r.name, at);
    localOf.push(at);
    push(localEntry(r));
  }
  const centralStart = at;
  records.forEach((r, i) => {
    const name = text(r.name);
    const compressed =
      r.shareWith === undefined
        ? r.payload.length
        : (records.find((s) => s.name === r.shareWith) as ZipRecord).payload.length;
    const header = new DataView(new ArrayBuffer(46));
    header.setUint32(0, 0x02014b50, true);
    header.setUint16(4, 20, true);
    header.setUint16(6, 20, true);
    header.setUint16(10, r.method, true);
    header.setUint32(16, r.crc, true);
    header.setUint32(20, compressed, true);
    header.setUint32(24, r.size, true);
    header.setUint16(28, name.length, true);
    header.setUint32(42, localOf[i] as number, true);
    push(new Uint8Array(header.buffer));
    push(name);
  });
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, records.length, true);
  end.setUint16(10, records.length, true);
  end.setUint32(12, at - centralStart, true);
  end.setUint32(16, centralStart, true);
  push(new Uint8Array(end.buffer));
  const zip = new Uint8Array(at);
  let p = 0;
  for (const part of parts) {
    zip.set(part, p);
    p += part.length;
  }
  return zip;
}

export const hostileManifest = `<?xml version="1.0"?>
<manifest identifier="hostile" xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
  <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>
  <organizations default="o"><organization identifier="o"><title>Hostile</title>
    <item identifier="i" identifierref="r"><title>Page</title></item></organization></organizations>
  <resources><resource identifier="r" type="webcontent" adlcp:scormtype="sco" href="index.html">
    <file href="index.html"/></resource></resources>
</manifest>`;

const page = '<!doctype html><title>Page</title><p>' + 'All work and no play. '.repeat(400) + '</p>';

/**
 * A page of about `bytes` bytes of words drawn from 4 096 made-up ones by a seeded generator: deflate keeps
 * about a third of it, so from 64 KB on it is large enough for the native inflater (zip.ts reads smaller
 * entries with fflate).
 */
export function largePage(bytes = 256 * 1024): string {
  let seed = 12345;
  const next = (): number => (seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff);
  const words: string[] = [];
  let length = 0;
  while (length < bytes) {
    const word = (next() % 4096).toString(36) + (next() % 7 ? ' ' : '\n');
    words.push(word);
    length += word.length;
  }
  return '<!doctype html><title>Large</title><pre>' + words.join('') + '</pre>';
}

/** index.html (`content`, by default a small page) has its CRC-32 off by one bit. */
export function badCrcZip(content: string = page): Uint8Array {
  const html = honest('index.html', content);
  return writeZip([honest('imsmanifest.xml', hostileManifest), { ...html, crc: (html.crc ^ 1) >>> 0 }]);
}

/** index.html declares 1 000 bytes but its stream inflates to `inflatesTo` bytes of zeros. */
export function overInflatingZip(inflatesTo = 64 * 1024 * 1024): Uint8Array {
  const stream = zeroStream(inflatesTo);
  return writeZip([
    honest('imsmanifest.xml', hostileManifest),
    { name: 'index.html', method: 8, payload: stream, size: 1000, crc: 0 },
  ]);
}

/** index.html (`content`, by default a small page) declares more bytes than its stream holds. */
export function shortInflatingZip(content: string = page): Uint8Array {
  const html = honest('index.html', content);
  return writeZip([honest('imsmanifest.xml', hostileManifest), { ...html, size: html.size + 10 }]);
}

/**
 * index.html's deflate data is followed, inside its compressed size, by a gzip trailer (RFC 1952 2.3.1:
 * CRC32, ISIZE) that matches the data, while the central directory's CRC-32 does not. An inflater that
 * wraps the data as a gzip member and takes bytes after the member's end as another member (or ignores
 * them) would check the data against this forged trailer instead of the directory's CRC-32.
 */
export function forgedTrailerZip(content: string = largePage()): Uint8Array {
  const html = honest('index.html', content);
  const trailer = new DataView(new ArrayBuffer(8));
  trailer.setUint32(0, html.crc, true);
  trailer.setUint32(4, html.size, true);
  const payload = join([html.payload, new Uint8Array(trailer.buffer)]);
  return writeZip([
    honest('imsmanifest.xml', hostileManifest),
    { ...html, payload, crc: (html.crc ^ 0x10) >>> 0 },
  ]);
}

/** Entries that share bytes: copy.html's central record points at index.html's local header. */
export function overlappingZip(): Uint8Array {
  const html = honest('index.html', page);
  return writeZip([
    honest('imsmanifest.xml', hostileManifest),
    html,
    { ...html, name: 'copy.html', shareWith: 'index.html' },
  ]);
}

/**
 * The "quoted" overlap of overlapping-file bombs: quote.bin is a stored entry whose data is a whole, valid
 * local entry (header and data) for index.html, and index.html's central record points inside it.
 */
export function quotedOverlapZip(): Uint8Array {
  const html = honest('index.html', page);
  const inner = localEntry(html);
  const quote: ZipRecord = {
    name: 'quote.bin',
    method: 0,
    payload: inner,
    size: inner.length,
    crc: plainCrc32(inner),
  };
  return writeZip([
    honest('imsmanifest.xml', hostileManifest),
    quote,
    { ...html, shareWith: 'quote.bin', shift: 30 + 'quote.bin'.length },
  ]);
}

/**
 * A deflate stream (RFC 1951 3.2.6, one fixed-Huffman block) of about `bytes` zeros: a literal 0, then copies
 * of "length 258, distance 1" (13 bits each, about 159 bytes out per byte in), then end-of-block. Written bit by
 * bit here so that it holds nothing but Huffman codes (no stored blocks, which a fixed output buffer trips on).
 */
export function zeroStream(bytes: number): Uint8Array {
  const copies = Math.max(0, Math.ceil((bytes - 1) / 258));
  const out = new Uint8Array(Math.ceil((3 + 8 + copies * 13 + 7) / 8) + 1);
  let bit = 0;
  /** Header fields and extra bits go least significant bit first (RFC 1951 3.1.1). */
  const lsbFirst = (value: number, length: number): void => {
    for (let i = 0; i < length; i++, bit++) if ((value >> i) & 1) out[bit >> 3]! |= 1 << (bit & 7);
  };
  /** Huffman codes go most significant bit first. */
  const code = (value: number, length: number): void => {
    for (let i = length - 1; i >= 0; i--, bit++) if ((value >> i) & 1) out[bit >> 3]! |= 1 << (bit & 7);
  };
  lsbFirst(1, 1); // BFINAL
  lsbFirst(1, 2); // BTYPE 01: fixed Huffman codes
  code(0x30, 8); // literal 0 (literals 0-143: 00110000 + value)
  for (let i = 0; i < copies; i++) {
    code(0xc5, 8); // length code 285 = 258 bytes (codes 280-287: 11000000 + code - 280), no extra bits
    code(0, 5); // distance code 0 = distance 1, no extra bits
  }
  code(0, 7); // end of block (256: 0000000)
  return out.subarray(0, Math.ceil(bit / 8));
}

function join(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * The shared-stream zip bomb, 261 KB: one deflate stream of ~41 MB of zeros stored once, and `copies`
 * central directory records pointing at it, each declaring a modest 1 000 bytes so that no size or ratio limit
 * notices. A reader that trusts the directory inflates the whole stream once per record (about 1 GB).
 */
export function sharedStreamBomb(copies = 24): Uint8Array {
  const stream = zeroStream(41_150_000);
  const kernel: ZipRecord = { name: 'index.html', method: 8, payload: stream, size: 1000, crc: 0 };
  const records: ZipRecord[] = [honest('imsmanifest.xml', hostileManifest), kernel];
  for (let i = 1; i < copies; i++)
    records.push({ ...kernel, name: `page${i}.html`, shareWith: 'index.html' });
  return writeZip(records);
}
