// What the library shows: the imported packages with the current learner's status on each.
import type { PlayerDatabase, StoredCourseProgress, StoredPackage } from '../storage/db.js';
import { listPackages } from '../storage/package-store.js';

export interface LibraryEntry {
  pkg: StoredPackage;
  /** The learner's course record, when they have opened it. */
  progress?: StoredCourseProgress;
}

/**
 * The course key progress is stored under for an imported package (architecture.md: `pkg:<manifestIdentifier>`);
 * a zip opened by URL keeps its URL's key (`url:<zip URL>`, course-opener.ts), however it is opened again.
 */
export function packageCourseKey(pkg: Pick<StoredPackage, 'manifestIdentifier' | 'source'>): string {
  return pkg.source === undefined ? `pkg:${pkg.manifestIdentifier}` : `url:${pkg.source}`;
}

/** Every imported package, newest first, with the learner's progress. */
export async function listLibrary(
  db: PlayerDatabase,
  learnerId: string | undefined,
): Promise<LibraryEntry[]> {
  const packages = await listPackages(db);
  if (learnerId === undefined) return packages.map((pkg) => ({ pkg }));
  const tx = db.transaction('courses');
  const entries = await Promise.all(
    packages.map(async (pkg) => {
      const progress = await tx.store.get([packageCourseKey(pkg), learnerId]);
      return progress ? { pkg, progress } : { pkg };
    }),
  );
  await tx.done;
  return entries;
}
