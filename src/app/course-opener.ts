// Turns a play route's source into what <scorm-player> needs: the manifest, where the content is served
// from, the key progress is kept under, and the version of the course (architecture.md, "The app's URLs").
//
// - An imported package plays from `content/<id>/`, served from IndexedDB by the service worker, which must
//   control the page first (scorm-reference C: content on the player's origin finds the API).
// - A manifest or folder URL plays straight from its host; progress is keyed `url:<manifest URL>`.
// - A .zip URL is downloaded with progress and imported, then plays like a package; progress is keyed by
//   the zip's URL, so a learner resumes however often the zip is fetched again.
import { msg } from '../i18n/msg.js';
import type { Manifest } from '../package/types.js';
import type { DownloadProgress } from '../package/open-url.js';
import type { PlayerDatabase, StoredPackage } from '../storage/db.js';
import type { ImportProgress } from '../storage/importer.js';
import { packageCourseKey } from './library-data.js';
import type { CourseSource } from './routes.js';

export interface OpenedCourse {
  manifest: Manifest;
  title: string;
  /** Absolute URL of the package root; launch URLs resolve against it. */
  contentBase: string;
  courseKey: string;
  courseVersion: { url: string; manifestHash: string };
  /** The library package it plays from, if any. */
  packageId?: string;
}

export type OpenProgress =
  | { phase: 'manifest' }
  | { phase: 'download'; progress: DownloadProgress }
  | { phase: 'import'; progress: ImportProgress }
  | { phase: 'service-worker' };

export interface OpenOptions {
  /** Resolves relative course URLs (default: the page's base URI). */
  base?: string;
  signal?: AbortSignal;
  onProgress?(progress: OpenProgress): void;
}

export async function openCourse(
  db: PlayerDatabase,
  source: CourseSource,
  options: OpenOptions = {},
): Promise<OpenedCourse> {
  if (source.kind === 'package') {
    const { getPackage } = await import('../storage/package-store.js');
    const pkg = await getPackage(db, source.id);
    if (!pkg)
      throw new Error(
        msg('This course is not in the library any more (it may have been deleted).', {
          id: 'opener.no-package',
        }),
      );
    return openPackage(pkg, packageCourseKey(pkg), options);
  }
  return openUrlCourse(db, source.url, options);
}

/** The version URL of a library package: `package:<id>` names it uniquely, and can be opened again. */
export function packageVersionUrl(id: string): string {
  return `package:${id}`;
}

async function openUrlCourse(
  db: PlayerDatabase,
  course: string,
  options: OpenOptions,
): Promise<OpenedCourse> {
  const { openCourseUrl } = await import('../package/open-url.js');
  options.onProgress?.({ phase: 'manifest' });
  const opened = await openCourseUrl(course, {
    base: options.base ?? document.baseURI,
    ...(options.signal ? { signal: options.signal } : {}),
    onProgress: (progress) => options.onProgress?.({ phase: 'download', progress }),
  });
  if (opened.kind === 'manifest') {
    return {
      manifest: opened.manifest,
      title: opened.manifest.title,
      contentBase: opened.baseUrl,
      courseKey: `url:${opened.manifestUrl}`,
      courseVersion: { url: opened.manifestUrl, manifestHash: opened.manifestHash },
    };
  }
  const { importPackage } = await import('../storage/importer.js');
  const pkg = await importPackage(
    new Blob([opened.bytes as Uint8Array<ArrayBuffer>], { type: 'application/zip' }),
    {
      db,
      source: opened.source,
      ...(options.signal ? { signal: options.signal } : {}),
      onProgress: (progress) => options.onProgress?.({ phase: 'import', progress }),
    },
  );
  await dropDuplicates(db, pkg);
  return openPackage(pkg, `url:${opened.source}`, options);
}

/** Opens a library package (by id) under a given course key: a learner continuing on an earlier version. */
export async function openPackageAs(
  db: PlayerDatabase,
  id: string,
  courseKey: string,
  options: OpenOptions = {},
): Promise<OpenedCourse> {
  const { getPackage } = await import('../storage/package-store.js');
  const pkg = await getPackage(db, id);
  if (!pkg)
    throw new Error(
      msg('That version of the course is not in the library any more.', { id: 'opener.no-version' }),
    );
  return openPackage(pkg, courseKey, options);
}

async function openPackage(
  pkg: StoredPackage,
  courseKey: string,
  options: OpenOptions,
): Promise<OpenedCourse> {
  options.onProgress?.({ phase: 'service-worker' });
  const [{ registerServiceWorker }, { contentBaseUrl }, { contentIsolation }] = await Promise.all([
    import('../serve/register.js'),
    import('../serve/content-url.js'),
    import('./content-origin.js'),
  ]);
  // Under content isolation, the package plays from the content origin (content-origin.ts isolateCourse), and
  // the app's worker keeps the app shell only, never serving package files here: nothing waits for it.
  // Without (no content origin, or one refused storage here), the worker serves the package on this origin.
  let scope: string;
  if (await contentIsolation()) {
    registerServiceWorker({ isolated: true }).catch((error: unknown) => console.warn('scorm-player:', error));
    scope = new URL('./', document.baseURI).href;
  } else scope = (await registerServiceWorker()).scope;
  return {
    manifest: pkg.manifest,
    title: pkg.title,
    contentBase: contentBaseUrl(scope, pkg.id),
    courseKey,
    courseVersion: { url: packageVersionUrl(pkg.id), manifestHash: pkg.manifestHash },
    packageId: pkg.id,
  };
}

/** A zip opened by URL again, unchanged, replaces its earlier copy in the library rather than piling up. */
async function dropDuplicates(db: PlayerDatabase, pkg: StoredPackage): Promise<void> {
  const { findPackagesByManifestIdentifier, deletePackage } = await import('../storage/package-store.js');
  const same = await findPackagesByManifestIdentifier(db, pkg.manifestIdentifier);
  for (const other of same) {
    if (other.id !== pkg.id && other.source === pkg.source && other.manifestHash === pkg.manifestHash) {
      await deletePackage(db, other.id);
    }
  }
}
