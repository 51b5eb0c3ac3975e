// The library's actions on packages, through H3's storage modules. They load on first use, so the zip and
// manifest code (fflate, fast-xml-parser) stays out of the library view's first load.
import type { PlayerDatabase, StoredPackage } from '../storage/db.js';
import type { ImportOptions, ImportProgress } from '../storage/importer.js';

export type { ImportProgress };

/** Imports a SCORM zip into the library (src/storage/importer.ts; the work runs in a Web Worker). */
export async function importZip(file: Blob, options: ImportOptions): Promise<StoredPackage> {
  const { importPackage } = await import('../storage/importer.js');
  return importPackage(file, options);
}

/** Deletes a package and its files (progress records stay, so results survive a re-import). */
export async function removePackage(db: PlayerDatabase, id: string): Promise<void> {
  const { deletePackage } = await import('../storage/package-store.js');
  await deletePackage(db, id);
}
