// The content origin's own package store (architecture.md "Content isolation"): the files of imported
// packages, transferred from the app once per package version, in a database of the content origin that
// holds nothing else (no progress, no library, no learners). Read by the content service worker
// (content-sw.ts) and written by the content host's store role (src/content-host/store-host.ts).
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';

export const CONTENT_DB_NAME = 'scorm-player-content';
const CONTENT_DB_VERSION = 1;

/** One package on the content origin: which version of it is stored. */
export interface ContentPackage {
  id: string;
  /** The app's version key of the package (its manifest hash and file count): a new one replaces the files. */
  version: string;
  /** How many files were stored with it: a copy with fewer is incomplete (see hasContentPackage). */
  fileCount?: number;
  storedAt: string;
}

export interface ContentFile {
  packageId: string;
  path: string;
  blob: Blob;
  type: string;
}

interface ContentDB extends DBSchema {
  packages: { key: string; value: ContentPackage };
  files: { key: [string, string]; value: ContentFile };
}

export type ContentDatabase = IDBPDatabase<ContentDB>;

export function openContentDb(name = CONTENT_DB_NAME): Promise<ContentDatabase> {
  return openDB<ContentDB>(name, CONTENT_DB_VERSION, {
    upgrade(db) {
      db.createObjectStore('packages', { keyPath: 'id' });
      db.createObjectStore('files', { keyPath: ['packageId', 'path'] });
    },
  });
}

/** Every file key of a package (array keys sort after strings: IndexedDB 3.0 §2.2). */
function filesOf(packageId: string): IDBKeyRange {
  return IDBKeyRange.bound([packageId], [packageId, []]);
}

/**
 * Whether this version of the package is stored, complete (then nothing needs to be transferred): its
 * record names the version and as many files as are stored under it. A transfer cut off midway (a closed
 * tab, a full disk) commits nothing, as putContentPackage writes in one transaction; a record of an
 * earlier build, without a file count, counts as incomplete and is transferred again once.
 */
export async function hasContentPackage(db: ContentDatabase, id: string, version: string): Promise<boolean> {
  const tx = db.transaction(['packages', 'files'], 'readonly');
  const [record, stored] = await Promise.all([
    tx.objectStore('packages').get(id),
    tx.objectStore('files').count(filesOf(id)),
  ]);
  return record?.version === version && record.fileCount === stored;
}

/**
 * Replaces a package's files with these, in one transaction: the package record is written last, with the
 * number of files. Relaxed durability: a copy lost in a power cut is all lost (one transaction) and only
 * transferred again from the app, whose own copy is the one kept durably.
 */
export async function putContentPackage(
  db: ContentDatabase,
  id: string,
  version: string,
  files: readonly { path: string; blob: Blob; type: string }[],
): Promise<void> {
  const tx = db.transaction(['packages', 'files'], 'readwrite', { durability: 'relaxed' });
  const store = tx.objectStore('files');
  const writes: Promise<unknown>[] = [store.delete(filesOf(id))];
  for (const f of files) writes.push(store.put({ packageId: id, path: f.path, blob: f.blob, type: f.type }));
  writes.push(
    tx.objectStore('packages').put({
      id,
      version,
      fileCount: new Set(files.map((f) => f.path)).size,
      storedAt: new Date().toISOString(),
    }),
  );
  await Promise.all([...writes, tx.done]);
}

/** A file by path, falling back to a case-insensitive match (as src/storage/package-store.ts findFile). */
export async function findContentFile(
  db: ContentDatabase,
  packageId: string,
  path: string,
): Promise<ContentFile | undefined> {
  const exact = await db.get('files', [packageId, path]);
  if (exact) return exact;
  const wanted = path.toLowerCase();
  const keys = await db.getAllKeys('files', filesOf(packageId));
  const match = keys.find((k) => k[1].toLowerCase() === wanted);
  return match ? db.get('files', match) : undefined;
}
