// The package library in IndexedDB: list, get and delete imported packages and read their files.
// Records and files live in the `packages` and `files` stores of PlayerDB (src/storage/db.ts).
import type { PlayerDatabase, StoredFile, StoredPackage } from './db.js';

export type { StoredFile, StoredPackage } from './db.js';
export { contentTypeFor } from './content-types.js';

/**
 * The key range of every file of a package. Files are keyed [packageId, path]; IndexedDB orders an array
 * key after any string (IndexedDB 3.0 §2.2, "array keys"), so [id] ≤ [id, any path] < [id, []].
 */
export function packageFilesRange(packageId: string): IDBKeyRange {
  return IDBKeyRange.bound([packageId], [packageId, []]);
}

/** Every imported package, newest first. */
export async function listPackages(db: PlayerDatabase): Promise<StoredPackage[]> {
  const all = await db.getAll('packages');
  return all.sort((a, b) => b.importedAt.localeCompare(a.importedAt));
}

export function getPackage(db: PlayerDatabase, id: string): Promise<StoredPackage | undefined> {
  return db.get('packages', id);
}

/** Packages imported from the same course (same manifest@identifier), newest first. */
export async function findPackagesByManifestIdentifier(
  db: PlayerDatabase,
  manifestIdentifier: string,
): Promise<StoredPackage[]> {
  const all = await db.getAllFromIndex('packages', 'byManifestIdentifier', manifestIdentifier);
  return all.sort((a, b) => b.importedAt.localeCompare(a.importedAt));
}

/** Deletes a package and all its files in one transaction. Resolves true when there was one to delete. */
export async function deletePackage(db: PlayerDatabase, id: string): Promise<boolean> {
  const tx = db.transaction(['packages', 'files'], 'readwrite');
  const packages = tx.objectStore('packages');
  const existed = (await packages.count(id)) > 0;
  await Promise.all([packages.delete(id), tx.objectStore('files').delete(packageFilesRange(id)), tx.done]);
  return existed;
}

/** One file of a package by its exact path (relative to the package root, '/'-separated). */
export function getFile(
  db: PlayerDatabase,
  packageId: string,
  path: string,
): Promise<StoredFile | undefined> {
  return db.get('files', [packageId, path]);
}

/** The paths of every file of a package, in key order. */
export async function listFiles(db: PlayerDatabase, packageId: string): Promise<string[]> {
  const keys = await db.getAllKeys('files', packageFilesRange(packageId));
  return keys.map((k) => k[1]);
}

/**
 * A file by path, falling back to a case-insensitive match: much content was authored on Windows servers,
 * which ignore case, and links to `Images/Logo.PNG` when the zip holds `images/logo.png`.
 */
export async function findFile(
  db: PlayerDatabase,
  packageId: string,
  path: string,
): Promise<StoredFile | undefined> {
  const exact = await getFile(db, packageId, path);
  if (exact) return exact;
  const wanted = path.toLowerCase();
  const match = (await listFiles(db, packageId)).find((p) => p.toLowerCase() === wanted);
  return match === undefined ? undefined : getFile(db, packageId, match);
}
