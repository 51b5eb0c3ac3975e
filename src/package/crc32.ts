// CRC-32 as zip uses it (APPNOTE.TXT 4.4.7: the ISO 3309 / ITU-T V.42 polynomial 0xEDB88320, reflected,
// initial value and final XOR 0xFFFFFFFF). fflate computes it internally but does not export it. Slicing by 8
// (eight 256-entry tables, eight input bytes per step) runs about twice as fast as the one-table loop, which
// matters because every byte of every imported package, stored media included, goes through it.

/** zlib's crc32(data, value) (Node ≥ 20.15): the same CRC-32, in native code several times faster. */
type NativeCrc32 = (data: Uint8Array, value?: number) => number;

/**
 * Node's own CRC-32 when this runs under Node (reached through process.getBuiltinModule, so that this
 * module stays importable, and bundles as it is, for browsers, which have none and use the tables below).
 */
const nativeCrc32: NativeCrc32 | undefined = (() => {
  const process = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  const zlib = process?.getBuiltinModule?.('node:zlib') as { crc32?: NativeCrc32 } | undefined;
  return typeof zlib?.crc32 === 'function' ? zlib.crc32 : undefined;
})();

const TABLES = buildTables();

function buildTables(): Int32Array {
  const t = new Int32Array(256 * 8);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  // Table k gives the CRC of a byte followed by k zero bytes, so eight bytes fold in with eight look-ups.
  for (let n = 0; n < 256; n++)
    for (let k = 1; k < 8; k++) {
      const previous = t[(k - 1) * 256 + n] as number;
      t[k * 256 + n] = (previous >>> 8) ^ (t[previous & 0xff] as number);
    }
  return t;
}

/**
 * The CRC-32 of the bytes, as an unsigned 32-bit number (the value zip headers store). Pass the CRC-32 of
 * the bytes before them as `previous` to go on over data that comes in pieces.
 */
export function crc32(bytes: Uint8Array, previous = 0): number {
  return nativeCrc32 ? nativeCrc32(bytes, previous) : crc32Tables(bytes, previous);
}

/** crc32 computed here, with the slicing-by-8 tables (exported for tests, where a native one is used). */
export function crc32Tables(bytes: Uint8Array, previous = 0): number {
  const t = TABLES;
  const b = bytes;
  let c = ~previous;
  let i = 0;
  for (const last = b.length - 8; i <= last; i += 8) {
    const word =
      c ^
      ((b[i] as number) |
        ((b[i + 1] as number) << 8) |
        ((b[i + 2] as number) << 16) |
        ((b[i + 3] as number) << 24));
    c =
      (t[1792 + (word & 0xff)] as number) ^
      (t[1536 + ((word >>> 8) & 0xff)] as number) ^
      (t[1280 + ((word >>> 16) & 0xff)] as number) ^
      (t[1024 + (word >>> 24)] as number) ^
      (t[768 + (b[i + 4] as number)] as number) ^
      (t[512 + (b[i + 5] as number)] as number) ^
      (t[256 + (b[i + 6] as number)] as number) ^
      (t[b[i + 7] as number] as number);
  }
  for (; i < b.length; i++) c = (t[(c ^ (b[i] as number)) & 0xff] as number) ^ (c >>> 8);
  return ~c >>> 0;
}
