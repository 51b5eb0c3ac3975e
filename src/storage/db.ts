// The one IndexedDB schema of the player (idb's DBSchema), declared once and used by code and tests alike.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Manifest } from '../package/types.js';
import type { AttemptState } from '../runtime/types.js';
import type { GlobalObjectives } from '../sequencing/navigator.js';
import type { StoredAttemptChunk, StoredAttemptHead } from './attempt-chunks.js';

export const DB_NAME = 'scorm-player';
// 3: attempts keep their large data parts in `attemptChunks` (attempt-chunks.ts); version 2 records stay
// valid as they are (an attempt record without `chunked` holds its whole state).
export const DB_VERSION = 3;

/** A package imported into the library. Its files live in the `files` store. */
export interface StoredPackage {
  /** Our own id (also the folder under content/<id>/ served by the service worker). */
  id: string;
  /** manifest@identifier: re-imports of the same course share it. */
  manifestIdentifier: string;
  title: string;
  version: Manifest['version'];
  manifest: Manifest;
  /** SHA-256 (hex) of the imsmanifest.xml bytes: identifies a version of the course. */
  manifestHash: string;
  /** Total uncompressed bytes of the files. */
  size: number;
  fileCount: number;
  /** ISO 8601. */
  importedAt: string;
  /** Where it came from (a file name or URL), for display. */
  source?: string;
  /** The folder inside the zip that held imsmanifest.xml ('' when at the root). */
  rootFolder?: string;
}

export interface StoredFile {
  packageId: string;
  /** Path relative to the package root, '/'-separated, no leading slash. */
  path: string;
  blob: Blob;
  /** Content-Type to serve it with. */
  type: string;
}

/** One SCO's attempt state, per course, learner and item. */
export interface StoredAttempt {
  /** Identifies the course for progress: `pkg:<manifestIdentifier>`, `url:<manifest URL>` or `dispatch:<token>`. */
  courseKey: string;
  learnerId: string;
  itemId: string;
  state: AttemptState;
  /** ISO 8601. */
  updatedAt: string;
}

/** The course-level record per course and learner. */
export interface StoredCourseProgress {
  courseKey: string;
  learnerId: string;
  learnerName?: string;
  title: string;
  /** The version the current attempt began on. */
  courseVersion: { url: string; manifestHash: string };
  completionStatus: 'completed' | 'incomplete' | 'not attempted' | 'unknown';
  successStatus: 'passed' | 'failed' | 'unknown';
  scoreScaled?: number;
  /** Accumulated time in seconds across items. */
  totalSeconds: number;
  /** The item that was current when the learner left. */
  currentItemId?: string;
  /** True when the learner left by Suspend (resume at once on return). */
  suspended: boolean;
  /** True when the attempt on the course has ended (exit all, or everything done). */
  ended: boolean;
  /** Sequencing state of the activity tree (opaque to storage; owned by the Navigator). */
  sequencing?: unknown;
  /** adl.data shared stores by targetID (2004). */
  sharedData?: Record<string, string | undefined>;
  /** ISO 8601. */
  startedAt: string;
  updatedAt: string;
}

/**
 * A learner's global (shared) objectives in one scope (SN 4.6.x, sequencing.md §1.4): `system` for those
 * shared by every course (adlseq:objectivesGlobalToSystem="true"), `course:<courseKey>` for one course's.
 */
export interface StoredGlobalObjectives {
  learnerId: string;
  scope: string;
  objectives: GlobalObjectives;
  /** ISO 8601. */
  updatedAt: string;
}

export interface PlayerDB extends DBSchema {
  packages: { key: string; value: StoredPackage; indexes: { byManifestIdentifier: string } };
  files: { key: [string, string]; value: StoredFile; indexes: { byPackage: string } };
  attempts: {
    key: [string, string, string];
    value: StoredAttemptHead;
    indexes: { byCourseLearner: [string, string] };
  };
  attemptChunks: { key: [string, string, string, string, number]; value: StoredAttemptChunk };
  courses: { key: [string, string]; value: StoredCourseProgress; indexes: { byCourse: string } };
  settings: { key: string; value: unknown };
  objectives: { key: [string, string]; value: StoredGlobalObjectives };
}

export type PlayerDatabase = IDBPDatabase<PlayerDB>;

/** The database could not be upgraded: a tab still on an older version holds it open (IndexedDB 3.0 §5.1). */
export class DatabaseBlockedError extends Error {
  override readonly name = 'BlockedError';
}

/**
 * Opens (and creates or upgrades) the player's database. Tests pass their own name and delete it after.
 * An upgrade blocked by another tab's open connection rejects at once with a DatabaseBlockedError instead of
 * waiting unseen (the connection that opens later, if any, is closed); and a connection of this page closes
 * itself when a newer version asks for the database, so that this page never blocks one.
 */
export function openPlayerDb(name: string = DB_NAME): Promise<PlayerDatabase> {
  return new Promise((resolve, reject) => {
    let blocked = false;
    openPlayerDbWaiting(name, () => {
      blocked = true;
      reject(
        new DatabaseBlockedError(
          'another tab of this app, still on an older version, keeps the progress database from being upgraded: close it and reload this page',
        ),
      );
    }).then((db) => (blocked ? db.close() : resolve(db)), reject);
  });
}

function openPlayerDbWaiting(name: string, onBlocked: () => void): Promise<PlayerDatabase> {
  const opened: Promise<PlayerDatabase> = openDB<PlayerDB>(name, DB_VERSION, {
    blocked: onBlocked,
    blocking() {
      void opened.then((db) => db.close());
    },
    upgrade(db, oldVersion) {
      // One step per version, so a database of any earlier version is brought up to date in order.
      if (oldVersion < 1) {
        const packages = db.createObjectStore('packages', { keyPath: 'id' });
        packages.createIndex('byManifestIdentifier', 'manifestIdentifier');
        const files = db.createObjectStore('files', { keyPath: ['packageId', 'path'] });
        files.createIndex('byPackage', 'packageId');
        const attempts = db.createObjectStore('attempts', { keyPath: ['courseKey', 'learnerId', 'itemId'] });
        attempts.createIndex('byCourseLearner', ['courseKey', 'learnerId']);
        const courses = db.createObjectStore('courses', { keyPath: ['courseKey', 'learnerId'] });
        courses.createIndex('byCourse', 'courseKey');
        db.createObjectStore('settings');
      }
      if (oldVersion < 2) db.createObjectStore('objectives', { keyPath: ['learnerId', 'scope'] });
      // Only a store is added: existing attempt records are read as they are.
      if (oldVersion < 3)
        db.createObjectStore('attemptChunks', {
          keyPath: ['courseKey', 'learnerId', 'itemId', 'part', 'index'],
        });
    },
  });
  return opened;
}
