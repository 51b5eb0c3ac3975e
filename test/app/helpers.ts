// Test helpers for the app's views: a fresh database per test (deleted after), and records to seed it with.
import { deleteDB } from 'idb';
import {
  openPlayerDb,
  type PlayerDatabase,
  type StoredCourseProgress,
  type StoredPackage,
} from '../../src/storage/db.js';
import type { AttemptState } from '../../src/runtime/types.js';

let counter = 0;

export async function freshDb(): Promise<{ db: PlayerDatabase; name: string; dispose(): Promise<void> }> {
  const name = `test-app-${Date.now()}-${counter++}`;
  const db = await openPlayerDb(name);
  return {
    db,
    name,
    async dispose() {
      db.close();
      await deleteDB(name);
    },
  };
}

export function storedPackage(overrides: Partial<StoredPackage> = {}): StoredPackage {
  const id = overrides.id ?? `p-${counter++}`;
  return {
    id,
    manifestIdentifier: `org.example.${id}`,
    title: `Course ${id}`,
    version: '2004-4th',
    manifest: {
      identifier: `org.example.${id}`,
      version: '2004-4th',
      title: `Course ${id}`,
      defaultOrganization: {
        identifier: 'org',
        title: 'Org',
        items: [],
        objectivesGlobalToSystem: true,
        sharedDataGlobalToSystem: true,
      },
      organizations: [],
      resources: [],
      subManifests: [],
      warnings: [],
    },
    manifestHash: '00',
    size: 2048,
    fileCount: 3,
    importedAt: '2026-01-01T10:00:00.000Z',
    ...overrides,
  };
}

export function courseProgress(overrides: Partial<StoredCourseProgress> = {}): StoredCourseProgress {
  return {
    courseKey: 'pkg:org.example',
    learnerId: 'u1',
    title: 'Course',
    courseVersion: { url: 'pkg:p', manifestHash: '00' },
    completionStatus: 'incomplete',
    successStatus: 'unknown',
    totalSeconds: 0,
    suspended: false,
    ended: false,
    startedAt: '2026-01-01T10:00:00.000Z',
    updatedAt: '2026-01-01T10:00:00.000Z',
    ...overrides,
  };
}

export function attemptState(overrides: Partial<AttemptState> = {}): AttemptState {
  return {
    scormVersion: '2004',
    entry: '',
    newAttempt: true,
    terminated: true,
    exit: '',
    totalTime: 'PT0S',
    totalSeconds: 0,
    sessionSeconds: 0,
    completionStatus: 'unknown',
    successStatus: 'unknown',
    location: '',
    suspendData: '',
    data: { values: {}, counts: {} },
    ...overrides,
  };
}

/**
 * Waits until `check` returns a truthy value, or fails after `ms`. It polls with setTimeout, not
 * requestAnimationFrame: test files run in parallel tabs and a background tab gets no animation frames.
 */
export async function until<T>(
  check: () => T | undefined | null | false,
  ms = 5000,
  what = 'condition',
): Promise<T> {
  const end = performance.now() + ms;
  for (;;) {
    const value = check();
    if (value) return value;
    if (performance.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 16));
  }
}
