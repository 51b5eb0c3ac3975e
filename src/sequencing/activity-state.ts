// Tracking state of one activity (SN 1.4 "Tracking Model": attempt progress and objective information),
// kept as plain JSON so the navigator's snapshot can be stored with the course record.
import type { LessonStatus } from '../runtime/types.js';

export interface ActivityState {
  /** SN "Activity Attempt Count". */
  attemptCount: number;
  /** Attempt completion status (RB.1.3); 'unknown' = progress not known. */
  completion: 'completed' | 'incomplete' | 'unknown';
  /** Primary objective satisfied status (RB.1.2); 'unknown' = status not known. */
  success: 'passed' | 'failed' | 'unknown';
  /** Primary objective normalized measure (-1..1), when known (RB.1.1). */
  measure?: number;
  progressMeasure?: number;
  /** SN "Activity is Suspended". */
  suspended: boolean;
  /** SCORM 1.2: the lesson_status as reported, for prerequisites. */
  lessonStatus?: LessonStatus;
}

export function emptyActivityState(): ActivityState {
  return { attemptCount: 0, completion: 'unknown', success: 'unknown', suspended: false };
}
