// Where each entry's data starts in a zip (APPNOTE.TXT 4.3.12 central directory, 4.3.7 local header,
// 4.5.3 zip64 extra). fflate reads these offsets internally but does not expose them; the importer needs
// them to store a stored (uncompressed) entry as a slice of the dropped File, without copying its bytes
// through JavaScript. fflate has already read and checked the directory by the time this runs; this walk
// checks the local headers too, so a damaged offset is reported instead of yielding wrong bytes. It also
// returns what fflate's filter does not give: each entry's CRC-32 and where its local header is, which
// zip.ts needs to check the data and to refuse entries that share bytes.
import { PackageError, PackageErrorCode } from './zip-error.js';

const u16 = (b: Uint8Array, i: number): number => (b[i] ?? 0) | ((b[i + 1] ?? 0) << 8);
const u32 = (b: Uint8Array, i: number): number => (u16(b, i) | (u16(b, i + 2) << 16)) >>> 0;
const u64 = (b: Uint8Array, i: number): number => u32(b, i) + u32(b, i + 4) * 2 ** 32;

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX32 = 0xffffffff;

function corrupt(message: string, entry?: string): PackageError {
  return new PackageError(PackageErrorCode.Corrupt, message, entry === undefined ? {} : { entry });
}

export interface EntryLocation {
  /** Where the entry's local header starts (APPNOTE 4.4.16). */
  localOffset: number;
  /** Where the entry's data starts. */
  dataOffset: number;
  /** The CRC-32 of the uncompressed data, as the central directory records it (APPNOTE 4.4.7). */
  crc32: number;
  /** APPNOTE 4.4.4 general purpose bit flag (bit 0: encrypted). */
  flags: number;
}

/** Where each entry's data is, in central-directory order (the order of fflate's filter calls). */
export function readDataOffsets(bytes: Uint8Array): EntryLocation[] {
  let e = bytes.length - 22;
  const stop = Math.max(0, e - 65535);
  while (e >= stop && u32(bytes, e) !== EOCD) e--;
  if (e < stop)
    throw corrupt('The file is not a zip archive, or it is truncated (no end of central directory).');
  let count = u16(bytes, e + 10);
  let at = u32(bytes, e + 16);
  if (e >= 20 && u32(bytes, e - 20) === ZIP64_LOCATOR) {
    const z = u64(bytes, e - 12);
    if (u32(bytes, z) === ZIP64_EOCD) {
      count = u64(bytes, z + 32);
      at = u64(bytes, z + 48);
    }
  }
  const offsets: EntryLocation[] = [];
  for (let i = 0; i < count; i++) {
    if (u32(bytes, at) !== CENTRAL)
      throw corrupt(`The zip's central directory is damaged at entry ${i + 1}.`);
    const nameLength = u16(bytes, at + 28);
    const extraLength = u16(bytes, at + 30);
    const name = String.fromCharCode(...bytes.subarray(at + 46, at + 46 + Math.min(nameLength, 200)));
    let local = u32(bytes, at + 42);
    if (local === MAX32) {
      // Zip64 extended information (APPNOTE 4.5.3): only the fields that overflowed are present, in order.
      for (let x = at + 46 + nameLength; x + 4 <= at + 46 + nameLength + extraLength;) {
        const id = u16(bytes, x);
        const size = u16(bytes, x + 4 - 2);
        if (id === 1) {
          let field = x + 4;
          if (u32(bytes, at + 24) === MAX32) field += 8;
          if (u32(bytes, at + 20) === MAX32) field += 8;
          local = u64(bytes, field);
          break;
        }
        x += 4 + size;
      }
    }
    if (u32(bytes, local) !== LOCAL)
      throw corrupt(`Zip entry '${name}' points at a damaged local header.`, name);
    offsets.push({
      localOffset: local,
      dataOffset: local + 30 + u16(bytes, local + 26) + u16(bytes, local + 28),
      crc32: u32(bytes, at + 16),
      flags: u16(bytes, at + 8),
    });
    at += 46 + nameLength + extraLength + u16(bytes, at + 32);
  }
  return offsets;
}
