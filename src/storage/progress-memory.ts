// An in-memory ProgressStore: for tests, embeddings without IndexedDB, and private browsing fallbacks.
// Records are deep-copied in and out (structuredClone), as IndexedDB would, so callers cannot mutate them.
import type { StoredAttempt, StoredCourseProgress, StoredGlobalObjectives } from './db.js';
import { learnersOf, type LearnerSummary, type ProgressStore, type SaveRecords } from './progress.js';

const key = (...parts: string[]): string => JSON.stringify(parts);

export class MemoryProgressStore implements ProgressStore {
  private readonly attempts = new Map<string, StoredAttempt>();
  private readonly courses = new Map<string, StoredCourseProgress>();
  private readonly objectives = new Map<string, StoredGlobalObjectives>();

  async loadAttempt(
    courseKey: string,
    learnerId: string,
    itemId: string,
  ): Promise<StoredAttempt | undefined> {
    const a = this.attempts.get(key(courseKey, learnerId, itemId));
    return a && structuredClone(a);
  }

  async loadAttempts(courseKey: string, learnerId: string): Promise<StoredAttempt[]> {
    return [...this.attempts.values()]
      .filter((a) => a.courseKey === courseKey && a.learnerId === learnerId)
      .map((a) => structuredClone(a));
  }

  async loadCourse(courseKey: string, learnerId: string): Promise<StoredCourseProgress | undefined> {
    const c = this.courses.get(key(courseKey, learnerId));
    return c && structuredClone(c);
  }

  async loadGlobalObjectives(learnerId: string, scope: string): Promise<StoredGlobalObjectives | undefined> {
    const o = this.objectives.get(key(learnerId, scope));
    return o && structuredClone(o);
  }

  async save(records: SaveRecords): Promise<void> {
    const { attempt, course, globalObjectives } = records;
    if (globalObjectives)
      this.objectives.set(
        key(globalObjectives.learnerId, globalObjectives.scope),
        structuredClone(globalObjectives),
      );
    if (attempt)
      this.attempts.set(key(attempt.courseKey, attempt.learnerId, attempt.itemId), structuredClone(attempt));
    if (course) this.courses.set(key(course.courseKey, course.learnerId), structuredClone(course));
  }

  async listCourses(courseKey?: string): Promise<StoredCourseProgress[]> {
    return [...this.courses.values()]
      .filter((c) => courseKey === undefined || c.courseKey === courseKey)
      .map((c) => structuredClone(c));
  }

  async listLearners(courseKey?: string): Promise<LearnerSummary[]> {
    return learnersOf(await this.listCourses(courseKey));
  }

  async deleteProgress(courseKey: string, learnerId?: string): Promise<void> {
    for (const [k, a] of this.attempts)
      if (a.courseKey === courseKey && (learnerId === undefined || a.learnerId === learnerId))
        this.attempts.delete(k);
    for (const [k, c] of this.courses)
      if (c.courseKey === courseKey && (learnerId === undefined || c.learnerId === learnerId))
        this.courses.delete(k);
  }
}
