// The user_id a dispatch launch carries: the host LMS's cmi.core.student_id / cmi.learner_id.
/** SCORM 2004 cmi.learner_id is a long_identifier_type with an SPM of 4000 characters (RTE 4.2.11). */
export const MAX_USER_ID_LENGTH = 4000;

export type UserIdProblem = 'empty' | 'too-long' | 'control-characters';

/** Why a user id cannot name a learner, or undefined when it can. */
export function userIdProblem(id: string | undefined | null): UserIdProblem | undefined {
  if (id === undefined || id === null || id.trim() === '') return 'empty';
  if (id.length > MAX_USER_ID_LENGTH) return 'too-long';
  // C0 and C1 controls and DEL: never part of an identifier, and a sign of a forged or broken URL.
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  if (/[\u0000-\u001f\u007f-\u009f]/.test(id)) return 'control-characters';
  return undefined;
}

/** Progress is kept per dispatch, so learners of different LMSs with the same id never meet (reference F). */
export function dispatchCourseKey(token: string): string {
  return `dispatch:${token}`;
}
