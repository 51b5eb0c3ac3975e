// A synchronous journal for the last writes of a page that is going away. IndexedDB is asynchronous, and a
// browser unloading a page (a reload, a closed tab) may drop a transaction that had not committed yet, so
// the player's final state (the SCO's last Terminate, the end of the sequencing session) is also written
// to localStorage, which is synchronous, and moved into IndexedDB the next time the store is opened.
// localStorage belongs to the app's origin, as the database does; content on another origin cannot read it.
import type { PlayerDatabase } from './db.js';
import type { SaveRecords } from './progress.js';

const prefix = 'scorm-player:journal:';

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    // Storage denied (a sandboxed or third-party context).
    return undefined;
  }
}

/**
 * Writes records for the database named `dbName` at once. With a `slot`, they replace what the slot held,
 * and an empty list clears it. False when the journal is unavailable or full.
 */
export function writeJournal(dbName: string, records: SaveRecords[], slot?: string): boolean {
  const ls = storage();
  if (!ls) return false;
  const key =
    slot === undefined
      ? `${prefix}${dbName}:${Date.now().toString(36)}:${Math.random().toString(36).slice(2)}`
      : `${prefix}${dbName}:slot:${slot}`;
  try {
    if (records.length === 0) {
      if (slot !== undefined) ls.removeItem(key);
      return false;
    }
    ls.setItem(key, JSON.stringify(records));
    return true;
  } catch {
    return false;
  }
}

const newer = (journal: { updatedAt: string }, stored: { updatedAt: string } | undefined): boolean =>
  !stored || journal.updatedAt >= stored.updatedAt;

/** Moves the journal of `db` into it (records newer than the stored ones), then clears the journal. */
export async function replayJournal(db: PlayerDatabase): Promise<void> {
  const ls = storage();
  if (!ls) return;
  const mine = `${prefix}${db.name}:`;
  const keys: string[] = [];
  for (let i = 0; i < ls.length; i++) {
    const key = ls.key(i);
    if (key?.startsWith(mine)) keys.push(key);
  }
  if (keys.length === 0) return;
  keys.sort();
  const tx = db.transaction(['attempts', 'attemptChunks', 'courses', 'objectives'], 'readwrite', {
    durability: 'strict',
  });
  for (const key of keys) {
    let entries: SaveRecords[] = [];
    try {
      const parsed: unknown = JSON.parse(ls.getItem(key) ?? '[]');
      if (Array.isArray(parsed)) entries = parsed as SaveRecords[];
    } catch {
      // A torn entry is dropped; what it held was also written to IndexedDB when it was made.
    }
    for (const { attempt, course, globalObjectives: globals } of entries) {
      if (attempt) {
        const stored = await tx
          .objectStore('attempts')
          .get([attempt.courseKey, attempt.learnerId, attempt.itemId]);
        if (newer(attempt, stored)) {
          // The journal holds the whole state: the record replaces the stored one and its chunks.
          const key = [attempt.courseKey, attempt.learnerId, attempt.itemId];
          if (stored?.chunked)
            await tx.objectStore('attemptChunks').delete(IDBKeyRange.bound(key, [...key, []]));
          await tx.objectStore('attempts').put(attempt);
        }
      }
      if (course) {
        const stored = await tx.objectStore('courses').get([course.courseKey, course.learnerId]);
        if (newer(course, stored)) await tx.objectStore('courses').put(course);
      }
      if (globals) {
        const stored = await tx.objectStore('objectives').get([globals.learnerId, globals.scope]);
        if (newer(globals, stored)) await tx.objectStore('objectives').put(globals);
      }
    }
  }
  await tx.done;
  for (const key of keys) ls.removeItem(key);
}
