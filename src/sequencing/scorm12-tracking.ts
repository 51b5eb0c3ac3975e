// SCORM 1.2 tracking: what the SCORM 1.2 navigator keeps per item, read from the SCO's
// cmi.core.lesson_status (RTE 1.2 3.4.4), and how a cluster's status follows from its children. SCORM 1.2
// defines no rollup (the LMS decides, CAM 1.2 2.3.4); we take the one the SN default rules give with every
// child tracked (RB.1.2b / RB.1.3b), so a 1.2 course reads like a 2004 course without sequencing. DOM-free.
import type { AttemptState, CompletionStatus, LessonStatus, SuccessStatus } from '../runtime/types.js';
import type { ActivityStatus } from './navigator.js';

/**
 * One item's (or the organization's) tracking state, as stored with the course record. The JSON shape is
 * the one the first navigator (since removed) stored for each item, so progress kept before this
 * navigator existed still restores.
 */
export interface Scorm12State {
  attemptCount: number;
  completion: 'completed' | 'incomplete' | 'unknown';
  success: 'passed' | 'failed' | 'unknown';
  /** The score as -1..1 (cmi.core.score.raw scaled between min and max by the runtime). */
  measure?: number;
  /** How much of the cluster is done (0..1): completed children count 1. Leaves have none in 1.2. */
  progressMeasure?: number;
  /** The SCO left with cmi.core.exit = "suspend": its next launch resumes (cmi.core.entry = "resume"). */
  suspended: boolean;
  /** The lesson_status as the SCO left it (prerequisites test it). */
  lessonStatus?: LessonStatus;
}

export function emptyScorm12State(): Scorm12State {
  return { attemptCount: 0, completion: 'unknown', success: 'unknown', suspended: false };
}

/** RTE 1.2 3.4.4 cmi.core.lesson_status → completion and success. */
function fromLessonStatus(ls: LessonStatus): Pick<Scorm12State, 'completion' | 'success'> {
  switch (ls) {
    case 'passed':
    case 'failed':
      // A passed or failed lesson is over: completed, with that result.
      return { completion: 'completed', success: ls };
    case 'completed':
      return { completion: 'completed', success: 'unknown' };
    case 'incomplete':
    case 'browsed':
      return { completion: 'incomplete', success: 'unknown' };
    case 'not attempted':
      return { completion: 'unknown', success: 'unknown' };
  }
}

/**
 * A report of the SCO (every LMSCommit and LMSFinish) into its state. The lesson_status decides; a report
 * without one (a state written before lesson_status was kept) falls back on the summary statuses.
 */
export function applyReport(s: Scorm12State, state: AttemptState): void {
  if (state.lessonStatus !== undefined) {
    Object.assign(s, fromLessonStatus(state.lessonStatus));
    s.lessonStatus = state.lessonStatus;
  } else {
    const c = state.completionStatus;
    s.completion = c === 'completed' || c === 'incomplete' ? c : 'unknown';
    s.success = state.successStatus;
  }
  if (state.scoreScaled !== undefined) s.measure = state.scoreScaled;
  else delete s.measure;
  // cmi.core.exit = "suspend" makes the next session a resumed one (RTE 1.2 3.4.4 cmi.core.entry).
  s.suspended = state.terminated && state.entry === 'resume';
}

/**
 * A cluster's state from its counted children (those with something to launch below them), in place:
 * the SN default rollup rules with every child tracked (RB.1.1, RB.1.2b, RB.1.3b). A status no rule
 * decides keeps its value.
 */
export function rollupCluster(target: Scorm12State, children: readonly Scorm12State[]): void {
  if (children.length === 0) return;
  // RB.1.1: the average of the children's scores, children without one counting as absent weight.
  const measured = children.filter((c) => c.measure !== undefined);
  if (measured.length > 0) target.measure = measured.reduce((t, c) => t + c.measure!, 0) / children.length;
  else delete target.measure;
  // RB.1.2b defaults: not satisfied once every child's result is known, satisfied when all passed.
  if (children.every((c) => c.success !== 'unknown')) target.success = 'failed';
  if (children.every((c) => c.success === 'passed')) target.success = 'passed';
  // RB.1.3b defaults: incomplete once every child was attempted, completed when all are.
  if (children.every((c) => c.attemptCount > 0 || c.completion !== 'unknown'))
    target.completion = 'incomplete';
  if (children.every((c) => c.completion === 'completed')) target.completion = 'completed';
  // How far the learner got: completed children count whole, others by their own progress.
  let progress = 0;
  let known = false;
  for (const c of children) {
    const p = c.progressMeasure ?? (c.completion === 'completed' ? 1 : undefined);
    if (p !== undefined) {
      known = true;
      progress += p;
    }
  }
  if (known) target.progressMeasure = progress / children.length;
  else delete target.progressMeasure;
}

/** The lesson_status a prerequisite tests (CAM 1.2 2.3.4.2): the SCO's own, else one read from the status. */
export function lessonStatusOf(s: Scorm12State, leaf: boolean): LessonStatus {
  if (leaf && s.lessonStatus) return s.lessonStatus;
  if (s.success !== 'unknown') return s.success;
  if (s.completion === 'completed') return 'completed';
  if (s.completion === 'incomplete' || s.attemptCount > 0) return 'incomplete';
  return 'not attempted';
}

/** The status the player shows and stores (navigator.ts ActivityStatus). */
export function activityStatus(itemId: string, s: Scorm12State): ActivityStatus {
  const attempted = s.attemptCount > 0;
  // An attempted item whose progress is not known yet shows as incomplete, as LMSs report it.
  const completion: CompletionStatus =
    s.completion !== 'unknown' ? s.completion : attempted ? 'incomplete' : 'not attempted';
  const success: SuccessStatus = s.success;
  const status: ActivityStatus = {
    itemId,
    completion,
    success,
    attempted,
    attemptCount: s.attemptCount,
    suspended: s.suspended,
  };
  if (s.measure !== undefined) status.scoreScaled = s.measure;
  if (s.progressMeasure !== undefined) status.progressMeasure = s.progressMeasure;
  return status;
}

/** A stored state read back: unknown or ill-typed fields take their empty values. */
export function readScorm12State(raw: unknown): Scorm12State {
  const s = emptyScorm12State();
  if (typeof raw !== 'object' || raw === null) return s;
  const r = raw as Record<string, unknown>;
  if (typeof r.attemptCount === 'number' && r.attemptCount >= 0) s.attemptCount = Math.floor(r.attemptCount);
  if (r.completion === 'completed' || r.completion === 'incomplete') s.completion = r.completion;
  if (r.success === 'passed' || r.success === 'failed') s.success = r.success;
  if (typeof r.measure === 'number' && Number.isFinite(r.measure)) s.measure = r.measure;
  if (typeof r.progressMeasure === 'number' && Number.isFinite(r.progressMeasure))
    s.progressMeasure = r.progressMeasure;
  if (r.suspended === true) s.suspended = true;
  const lessonStatuses: readonly string[] = [
    'passed',
    'completed',
    'failed',
    'incomplete',
    'browsed',
    'not attempted',
  ];
  if (typeof r.lessonStatus === 'string' && lessonStatuses.includes(r.lessonStatus))
    s.lessonStatus = r.lessonStatus as LessonStatus;
  return s;
}
