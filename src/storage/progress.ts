// Where the player keeps learners' progress: one attempt record per course, learner and item, and one
// course record per course and learner (shapes in db.ts). The player sees only this interface; the app
// chooses the implementation (IndexedDB in the browser, memory in tests and embeddings).
import type { StoredAttempt, StoredCourseProgress, StoredGlobalObjectives } from './db.js';

export type { StoredAttempt, StoredCourseProgress, StoredGlobalObjectives };

export interface LearnerSummary {
  learnerId: string;
  learnerName?: string;
  /** Course keys this learner has a record for. */
  courseKeys: string[];
}

/** What one save writes, in one transaction. */
export interface SaveRecords {
  attempt?: StoredAttempt;
  course?: StoredCourseProgress;
  globalObjectives?: StoredGlobalObjectives;
}

export interface ProgressStore {
  loadAttempt(courseKey: string, learnerId: string, itemId: string): Promise<StoredAttempt | undefined>;
  /** Every attempt record of a learner in a course (results view, course time). */
  loadAttempts(courseKey: string, learnerId: string): Promise<StoredAttempt[]>;
  loadCourse(courseKey: string, learnerId: string): Promise<StoredCourseProgress | undefined>;
  /**
   * Writes an attempt and/or the course record in ONE transaction and resolves once it is durable
   * (transaction complete). The player calls it on every Commit and Terminate, never debounced.
   */
  save(records: SaveRecords): Promise<void>;
  /**
   * Writes at once, synchronously, where the store can: for a page that is going away (pagehide), whose
   * asynchronous writes a browser may drop. Called in addition to save(), with the same records; the store
   * applies them on its next use. Returns false when it cannot.
   * With a `slot`, the records replace what that slot held (an empty list clears it): the player parks
   * there what a failing store refused, until a save succeeds.
   */
  saveSync?(records: SaveRecords[], slot?: string): boolean;
  /** A learner's global objectives in a scope (`system`, or `course:<courseKey>`). */
  loadGlobalObjectives(learnerId: string, scope: string): Promise<StoredGlobalObjectives | undefined>;
  /** Course records, of one course or of all. */
  listCourses(courseKey?: string): Promise<StoredCourseProgress[]>;
  /** Learners with a course record, of one course or of all. */
  listLearners(courseKey?: string): Promise<LearnerSummary[]>;
  /** Removes a learner's progress in a course (or every learner's when learnerId is omitted). */
  deleteProgress(courseKey: string, learnerId?: string): Promise<void>;
}

/** Groups course records by learner (shared by the implementations). */
export function learnersOf(records: StoredCourseProgress[]): LearnerSummary[] {
  const byId = new Map<string, LearnerSummary>();
  for (const r of records) {
    let s = byId.get(r.learnerId);
    if (!s) {
      s = { learnerId: r.learnerId, courseKeys: [] };
      byId.set(r.learnerId, s);
    }
    if (r.learnerName && !s.learnerName) s.learnerName = r.learnerName;
    s.courseKeys.push(r.courseKey);
  }
  return [...byId.values()].sort((a, b) => a.learnerId.localeCompare(b.learnerId));
}
