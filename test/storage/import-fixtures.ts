// Helpers for the storage and service-worker tests: a fresh database per test, and big generated packages.
import { deleteDB } from 'idb';
import { openPlayerDb, type PlayerDatabase } from '../../src/storage/db.js';

export interface TestDb {
  db: PlayerDatabase;
  name: string;
  remove(): Promise<void>;
}

/** Opens a database with a fresh random name; `remove()` closes and deletes it. */
export async function freshDb(prefix = 'test-import'): Promise<TestDb> {
  const name = `${prefix}-${crypto.randomUUID()}`;
  const db = await openPlayerDb(name);
  return {
    db,
    name,
    async remove() {
      db.close();
      await deleteDB(name);
    },
  };
}

/** Incompressible bytes (crypto.getRandomValues fills at most 64 KiB per call). */
export function randomBytes(length: number): Uint8Array {
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i += 65536)
    crypto.getRandomValues(out.subarray(i, Math.min(length, i + 65536)));
  return out;
}

/** Compressible text of about `length` bytes (compresses ~5:1, well under the bomb ratio). */
export function textBytes(length: number, seed = 1): Uint8Array {
  const words = [
    'golf',
    'swing',
    'par',
    'birdie',
    'eagle',
    'bogey',
    'green',
    'tee',
    'fairway',
    'putt',
    'iron',
  ];
  const out = new Uint8Array(length);
  let x = seed;
  for (let i = 0; i < length;) {
    x = (x * 1103515245 + 12345) >>> 0;
    const word = `${words[x % words.length]}${x % 97} `;
    for (let j = 0; j < word.length && i < length; j++) out[i++] = word.charCodeAt(j);
  }
  return out;
}

export async function countFiles(db: PlayerDatabase): Promise<number> {
  return db.count('files');
}
