// The IndexedDB ProgressStore, on the player's one schema (db.ts). Every save is one readwrite
// transaction over `attempts` and `courses`, awaited to `complete` (durability 'strict'), so a tab
// killed after the promise resolves has lost nothing; nothing is batched or debounced. An attempt's large
// data parts live in `attemptChunks` and a save writes only the chunks that changed since this store last
// wrote or read them (attempt-chunks.ts), so a Commit costs about the same with 10 000 interactions as
// with 10.
import { joinAttempt, splitAttempt, type AttemptKey, type StoredAttemptChunk } from './attempt-chunks.js';
import { replayJournal, writeJournal } from './progress-journal.js';
import {
  DB_NAME,
  openPlayerDb,
  type PlayerDatabase,
  type StoredAttempt,
  type StoredCourseProgress,
  type StoredGlobalObjectives,
} from './db.js';
import { learnersOf, type LearnerSummary, type ProgressStore, type SaveRecords } from './progress.js';

/** Every chunk of one attempt, or of every attempt of a course and learner: a key range over the prefix. */
export function chunkRange(...prefix: string[]): IDBKeyRange {
  // Arrays sort after every string and number (IndexedDB 3.0 §2.5), so [...prefix, []] closes the range.
  return IDBKeyRange.bound(prefix, [...prefix, []]);
}

const attemptId = (key: AttemptKey): string => key.join('\u0000');

export class IdbProgressStore implements ProgressStore {
  private readonly db: Promise<PlayerDatabase>;
  /** What the database holds of each attempt's chunks (by attempt id, part, index), as last written or read. */
  private readonly known = new Map<string, Map<string, unknown[][]>>();

  private dbName: string | undefined;

  /** Pass an open database, or a name to open (tests use their own and delete it after). */
  constructor(db?: PlayerDatabase | Promise<PlayerDatabase> | string) {
    const opened = typeof db === 'string' || db === undefined ? openPlayerDb(db) : Promise.resolve(db);
    // The last writes of a page that went away come first (progress-journal.ts).
    this.db = opened.then(async (d) => {
      this.dbName = d.name;
      // A failing replay (the database still refuses writes) keeps the journal for the next open.
      await replayJournal(d).catch((error: unknown) =>
        console.error('progress: the journal could not be moved into IndexedDB yet', error),
      );
      return d;
    });
    if (typeof db === 'string' || db === undefined) this.dbName = db ?? DB_NAME;
    else if (!(db instanceof Promise)) this.dbName = db.name;
  }

  saveSync(records: SaveRecords[], slot?: string): boolean {
    return this.dbName !== undefined && writeJournal(this.dbName, records, slot);
  }

  async loadAttempt(
    courseKey: string,
    learnerId: string,
    itemId: string,
  ): Promise<StoredAttempt | undefined> {
    const db = await this.db;
    const tx = db.transaction(['attempts', 'attemptChunks']);
    const [head, chunks] = await Promise.all([
      tx.objectStore('attempts').get([courseKey, learnerId, itemId]),
      tx.objectStore('attemptChunks').getAll(chunkRange(courseKey, learnerId, itemId)),
    ]);
    if (!head) return undefined;
    const { attempt, known } = joinAttempt(head, chunks);
    this.known.set(attemptId([courseKey, learnerId, itemId]), known);
    return attempt;
  }

  async loadAttempts(courseKey: string, learnerId: string): Promise<StoredAttempt[]> {
    const db = await this.db;
    const tx = db.transaction(['attempts', 'attemptChunks']);
    const [heads, chunks] = await Promise.all([
      tx.objectStore('attempts').index('byCourseLearner').getAll([courseKey, learnerId]),
      tx.objectStore('attemptChunks').getAll(chunkRange(courseKey, learnerId)),
    ]);
    const byItem = new Map<string, StoredAttemptChunk[]>();
    for (const c of chunks) {
      const list = byItem.get(c.itemId);
      if (list) list.push(c);
      else byItem.set(c.itemId, [c]);
    }
    return heads.map((head) => {
      const { attempt, known } = joinAttempt(head, byItem.get(head.itemId) ?? []);
      this.known.set(attemptId([courseKey, learnerId, head.itemId]), known);
      return attempt;
    });
  }

  async loadCourse(courseKey: string, learnerId: string): Promise<StoredCourseProgress | undefined> {
    return (await this.db).get('courses', [courseKey, learnerId]);
  }

  async loadGlobalObjectives(learnerId: string, scope: string): Promise<StoredGlobalObjectives | undefined> {
    return (await this.db).get('objectives', [learnerId, scope]);
  }

  async save(records: SaveRecords): Promise<void> {
    const { attempt, course, globalObjectives } = records;
    if (!attempt && !course && !globalObjectives) return;
    const db = await this.db;
    // 'strict' asks the browser to flush to disk before `complete` fires (Chromium defaults to relaxed).
    const tx = db.transaction(['attempts', 'attemptChunks', 'courses', 'objectives'], 'readwrite', {
      durability: 'strict',
    });
    const writes: Promise<unknown>[] = [];
    let written: (() => void) | undefined;
    if (attempt) {
      const key: AttemptKey = [attempt.courseKey, attempt.learnerId, attempt.itemId];
      const id = attemptId(key);
      const split = splitAttempt(attempt, this.known.get(id));
      writes.push(tx.objectStore('attempts').put(split.head));
      const chunks = tx.objectStore('attemptChunks');
      for (const { part, from } of split.drop)
        writes.push(chunks.delete(IDBKeyRange.bound([...key, part, from], [...key, part, []])));
      for (const chunk of split.chunks) writes.push(chunks.put(chunk));
      written = () => this.known.set(id, split.written);
    }
    if (course) writes.push(tx.objectStore('courses').put(course));
    if (globalObjectives) writes.push(tx.objectStore('objectives').put(globalObjectives));
    await Promise.all([...writes, tx.done]);
    // Only a write that completed tells what the database holds; a failed one is compared afresh.
    written?.();
  }

  async listCourses(courseKey?: string): Promise<StoredCourseProgress[]> {
    const db = await this.db;
    return courseKey === undefined
      ? db.getAll('courses')
      : db.getAllFromIndex('courses', 'byCourse', courseKey);
  }

  async listLearners(courseKey?: string): Promise<LearnerSummary[]> {
    return learnersOf(await this.listCourses(courseKey));
  }

  async deleteProgress(courseKey: string, learnerId?: string): Promise<void> {
    const db = await this.db;
    const tx = db.transaction(['attempts', 'attemptChunks', 'courses'], 'readwrite');
    const attempts = tx.objectStore('attempts');
    const courses = tx.objectStore('courses');
    const prefix = learnerId === undefined ? `${courseKey}\u0000` : `${courseKey}\u0000${learnerId}\u0000`;
    for (const id of [...this.known.keys()]) if (id.startsWith(prefix)) this.known.delete(id);
    if (learnerId !== undefined) {
      for (const k of await attempts.index('byCourseLearner').getAllKeys([courseKey, learnerId]))
        await attempts.delete(k);
      await tx.objectStore('attemptChunks').delete(chunkRange(courseKey, learnerId));
      await courses.delete([courseKey, learnerId]);
    } else {
      // Attempts are keyed [courseKey, learnerId, itemId]: a key range over the first part finds them all.
      await attempts.delete(IDBKeyRange.bound([courseKey], [courseKey, []]));
      await tx.objectStore('attemptChunks').delete(chunkRange(courseKey));
      for (const k of await courses.index('byCourse').getAllKeys(courseKey)) await courses.delete(k);
    }
    await tx.done;
  }

  async close(): Promise<void> {
    (await this.db).close();
  }
}
