// The IndexedDB ProgressStore, on the player's one schema (db.ts). Every save is one readwrite
// transaction over `attempts` and `courses`, awaited to `complete` (durability 'strict'), so a tab
// killed after the promise resolves has lost nothing; nothing is batched or debounced.
import { openPlayerDb, type PlayerDatabase, type StoredAttempt, type StoredCourseProgress } from './db.js';
import { learnersOf, type LearnerSummary, type ProgressStore } from './progress.js';

export class IdbProgressStore implements ProgressStore {
  private readonly db: Promise<PlayerDatabase>;

  /** Pass an open database, or a name to open (tests use their own and delete it after). */
  constructor(db?: PlayerDatabase | Promise<PlayerDatabase> | string) {
    this.db = typeof db === 'string' || db === undefined ? openPlayerDb(db) : Promise.resolve(db);
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

  async save(records: { attempt?: StoredAttempt; course?: StoredCourseProgress }): Promise<void> {
    const { attempt, course } = records;
    if (!attempt && !course) return;
    const db = await this.db;
    // 'strict' asks the browser to flush to disk before `complete` fires (Chromium defaults to relaxed).
    const tx = db.transaction(['attempts', 'courses'], 'readwrite', { durability: 'strict' });
    const writes: Promise<unknown>[] = [];
    if (attempt) writes.push(tx.objectStore('attempts').put(attempt));
    if (course) writes.push(tx.objectStore('courses').put(course));
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
