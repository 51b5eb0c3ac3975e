// Zip entries large enough for the native inflater (src/package/zip-native.ts), honest and hostile, shared by
// the Chromium test (test/package/zip-native.test.ts: there gzip's own CRC-32 check is used) and the Node test
// (test/package-node/zip-native.test.ts: Node's zlib takes bytes after a gzip member as another member, so
// raw deflate is inflated there and the CRC-32 computed in JavaScript). DOM-free.
import { PackageErrorCode, readZipDirectory, readZipEntryChunks } from '../../src/package/index.js';
import {
  badCrcZip,
  forgedTrailerZip,
  honest,
  hostileManifest,
  largePage,
  overInflatingZip,
  shortInflatingZip,
  writeZip,
} from './hostile-zips.js';

export interface HostileEntry {
  what: string;
  zip: Uint8Array;
  code: PackageErrorCode;
  /** What the message must say, when it matters. */
  message?: RegExp;
}

/** Each refused with its code, naming index.html. */
export function hostileLargeEntries(): HostileEntry[] {
  return [
    { what: 'CRC-32 off by one bit', zip: badCrcZip(largePage()), code: PackageErrorCode.ChecksumMismatch },
    {
      what: 'a forged gzip trailer after the deflate data',
      zip: forgedTrailerZip(),
      code: PackageErrorCode.ChecksumMismatch,
    },
    {
      what: 'fewer bytes than declared',
      zip: shortInflatingZip(largePage()),
      code: PackageErrorCode.SizeMismatch,
    },
    {
      what: '256 MiB of zeros declared as 1 000 bytes',
      zip: overInflatingZip(256 * 1024 * 1024),
      code: PackageErrorCode.SizeMismatch,
      message: /stopped/,
    },
  ];
}

/** A zip whose index.html is `content`, deflated (large enough to be inflated natively). */
export function honestLargeZip(content: string): Uint8Array {
  return writeZip([honest('imsmanifest.xml', hostileManifest), honest('index.html', content)]);
}

/** index.html of the zip, read by readZipEntryChunks and joined into one array. */
export async function readIndexHtml(zip: Uint8Array): Promise<{ bytes: Uint8Array; chunks: number }> {
  const entry = readZipDirectory(zip).entries.find((e) => e.path === 'index.html');
  if (!entry) throw new Error('no index.html');
  const chunks = await readZipEntryChunks(zip, entry);
  const bytes = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return { bytes, chunks: chunks.length };
}
