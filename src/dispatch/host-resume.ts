// Which state a relay launch resumes from (issue 14): the host LMS's (what the shell read from
// cmi.suspend_data) or this browser's, whichever is newer, and never one made for another dispatch or for
// a course version the learner cannot continue on. DOM-free; the dispatch view writes the outcome into the
// player's store before the player opens.
import {
  decodeHostState,
  HostStateError,
  type DecodedHostState,
  type HostAttemptRecord,
  type HostCourseRecord,
  type HostStateProblem,
} from './host-state.js';
import { sameCourseUrl, type CourseVersion } from './version-choice.js';

export interface LocalState {
  course?: HostCourseRecord;
  attempts: readonly HostAttemptRecord[];
}

export interface HostResumeInput {
  token: string;
  /** The host's cmi.suspend_data as the shell read it ('' or undefined when empty). */
  hostText: string | undefined;
  /** The host's cmi.entry / cmi.core.entry ('ab-initio', 'resume' or ''). */
  hostEntry: string | undefined;
  local: LocalState;
  /** The version that opens now. */
  current: CourseVersion;
  /** Earlier versions still listed (dispatches.json `versions`, absolute URLs). */
  earlierVersions: readonly string[];
}

export type HostResumeDecision =
  /** Keep this browser's state (or start afresh when there is none). */
  | {
      use: 'local';
      reason: 'no-host-state' | 'new-host-attempt' | 'local-newer' | HostStateProblem | 'other-version';
    }
  /** Write these records over this browser's, then open. */
  | {
      use: 'host';
      state: DecodedHostState;
      write: { course: HostCourseRecord; attempts: HostAttemptRecord[] };
      replace: boolean;
    };

/**
 * Decides, and for the host's state works out what to write:
 * - another course attempt (a different startedAt) replaces this browser's records for the course;
 * - the same attempt takes, per item, whichever attempt record is newer, so an essential host state never
 *   overwrites the fuller record this browser has of an item the learner has not touched since.
 */
export function decideHostResume(input: HostResumeInput): HostResumeDecision {
  const { hostText, local } = input;
  if (!hostText) return { use: 'local', reason: 'no-host-state' };
  // The LMS begins a new attempt (RTE 4.2.8 cmi.entry): what it holds is not to be resumed.
  if (input.hostEntry === 'ab-initio') return { use: 'local', reason: 'new-host-attempt' };
  let host: DecodedHostState;
  try {
    host = decodeHostState(hostText, input.token);
  } catch (error) {
    if (error instanceof HostStateError) return { use: 'local', reason: error.problem };
    throw error;
  }
  const version = host.course.courseVersion;
  const continuable =
    version.manifestHash === input.current.manifestHash ||
    input.earlierVersions.some((url) => sameCourseUrl(url, version.url));
  if (!continuable) return { use: 'local', reason: 'other-version' };
  const localAt = local.course ? Date.parse(local.course.updatedAt) : -Infinity;
  if (!(host.at > localAt)) return { use: 'local', reason: 'local-newer' };

  const sameAttempt = local.course !== undefined && local.course.startedAt === host.course.startedAt;
  if (!sameAttempt)
    return {
      use: 'host',
      state: host,
      write: { course: host.course, attempts: host.attempts },
      replace: true,
    };
  const mine = new Map(local.attempts.map((a) => [a.itemId, a]));
  const attempts = host.attempts.filter((a) => {
    const own = mine.get(a.itemId);
    return !own || Date.parse(a.updatedAt) > Date.parse(own.updatedAt);
  });
  // The essential form leaves out the shared-data stores: keep this browser's.
  const course =
    host.course.sharedData === undefined && local.course?.sharedData !== undefined
      ? { ...host.course, sharedData: local.course.sharedData }
      : host.course;
  return { use: 'host', state: host, write: { course, attempts }, replace: false };
}
