// The IndexedDB ProgressStore, on the player's one schema (db.ts). Every save is one readwrite
// transaction over `attempts` and `courses`, awaited to `complete` (durability 'strict'), so a tab
// killed after the promise resolves has lost nothing; nothing is batched or debounced.
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

export class IdbProgressStore implements ProgressStore {
  private readonly db: Promise<PlayerDatabase>;

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
    return (await this.db).get('attempts', [courseKey, learnerId, itemId]);
  }

  async loadAttempts(courseKey: string, learnerId: string): Promise<StoredAttempt[]> {
    return (await this.db).getAllFromIndex('attempts', 'byCourseLearner', [courseKey, learnerId]);
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
    const tx = db.transaction(['attempts', 'courses', 'objectives'], 'readwrite', { durability: 'strict' });
    const writes: Promise<unknown>[] = [];
    if (attempt) writes.push(tx.objectStore('attempts').put(attempt));
    if (course) writes.push(tx.objectStore('courses').put(course));
    if (globalObjectives) writes.push(tx.objectStore('objectives').put(globalObjectives));
    await Promise.all([...writes, tx.done]);
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
    const tx = db.transaction(['attempts', 'courses'], 'readwrite');
    const attempts = tx.objectStore('attempts');
    const courses = tx.objectStore('courses');
    if (learnerId !== undefined) {
      for (const k of await attempts.index('byCourseLearner').getAllKeys([courseKey, learnerId]))
        await attempts.delete(k);
      await courses.delete([courseKey, learnerId]);
    } else {
      // Attempts are keyed [courseKey, learnerId, itemId]: a key range over the first part finds them all.
      await attempts.delete(IDBKeyRange.bound([courseKey], [courseKey, []]));
      for (const k of await courses.index('byCourse').getAllKeys(courseKey)) await courses.delete(k);
    }
    await tx.done;
  }

  async close(): Promise<void> {
    (await this.db).close();
  }
}
