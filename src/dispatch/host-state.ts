// The learner's course state as the host LMS keeps it in relay mode (issue 14): the course record (with the
// sequencer's persisted tree) and every item's attempt state, as JSON, deflated with fflate and base64url-
// encoded behind a short header that binds it to a dispatch and a course version:
//
//   sp1.<form>.<token>.<manifest hash, 16 hex>.<updatedAt, base36 ms>.<payload>
//
// `form` is `f` (full: everything the player stores) or `e` (essential: the current and suspended item,
// location, statuses and score of each item, the sequencing state; the SCOs' own suspend_data,
// interactions and comments left out). The shell writes it into cmi.suspend_data (SCORM 2004: 64,000
// characters; 1.2: 4,096, RTE 3.4.2.5), so the player picks the largest form that fits. DOM-free.
import { deflateSync, Inflate, strFromU8, strToU8 } from 'fflate';
import { storedValues } from '../runtime/attempt-data.js';
import type { AttemptState, CompletionStatus, SuccessStatus } from '../runtime/types.js';
import type { CourseVersion } from './version-choice.js';

export const HOST_STATE_TAG = 'sp1';
/** cmi.suspend_data's smallest permitted maximum: SCORM 2004 RTE 4.2.24 (64,000), SCORM 1.2 RTE 3.4.2.5 (4,096). */
export const SUSPEND_DATA_LIMIT = { '1.2': 4096, '2004': 64000 } as const;
/** How much JSON a stored state may inflate to: far above any real course, far below a deflate bomb. */
const MAX_INFLATED = 4 * 1024 * 1024;

export type HostStateForm = 'full' | 'essential';

/**
 * The course record as the player stores it (src/storage/db.ts StoredCourseProgress, less the keys the
 * host implies: course key, learner id and name). Restated because dispatch may not import storage; the
 * dispatch view assigns one to the other in both directions, so the compiler keeps them in step.
 */
export interface HostCourseRecord {
  title: string;
  courseVersion: CourseVersion;
  completionStatus: CompletionStatus;
  successStatus: SuccessStatus;
  scoreScaled?: number;
  totalSeconds: number;
  currentItemId?: string;
  suspended: boolean;
  ended: boolean;
  /** The navigator's persisted tree (opaque here; the navigator ignores what it cannot read). */
  sequencing?: unknown;
  sharedData?: Record<string, string | undefined>;
  startedAt: string;
  updatedAt: string;
}

/** One item's attempt (StoredAttempt, less the keys the host implies). */
export interface HostAttemptRecord {
  itemId: string;
  state: AttemptState;
  updatedAt: string;
}

export interface HostState {
  course: HostCourseRecord;
  attempts: HostAttemptRecord[];
}

export interface DecodedHostState extends HostState {
  form: HostStateForm;
  token: string;
  /** The header's time stamp: the course record's updatedAt, in ms. */
  at: number;
}

/** Why a stored text is not a state this player can use. */
export type HostStateProblem = 'not-ours' | 'other-dispatch' | 'damaged';

export class HostStateError extends Error {
  constructor(
    readonly problem: HostStateProblem,
    message: string,
  ) {
    super(message);
    this.name = 'HostStateError';
  }
}

// ---------------------------------------------------------------------------------------------------------
// Encoding
// ---------------------------------------------------------------------------------------------------------

/** The run-time elements an essential attempt keeps: where the learner is and how they did. */
const ESSENTIAL_ELEMENT =
  /^cmi\.(?:core\.(?:lesson_location|lesson_status|score\.(?:raw|min|max))|location|completion_status|success_status|progress_measure|score\.(?:scaled|raw|min|max))$/;

function essentialAttempt(a: HostAttemptRecord): HostAttemptRecord {
  const kept: Record<string, string> = {};
  for (const [k, v] of Object.entries(storedValues(a.state))) if (ESSENTIAL_ELEMENT.test(k)) kept[k] = v;
  return {
    itemId: a.itemId,
    updatedAt: a.updatedAt,
    state: { ...a.state, suspendData: '', data: { values: kept, counts: {} } },
  };
}

const newestFirst = (a: HostAttemptRecord, b: HostAttemptRecord): number =>
  Date.parse(b.updatedAt) - Date.parse(a.updatedAt);

function base64url(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64url(text: string): Uint8Array {
  const b = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const out = new Uint8Array(b.length);
  for (let i = 0; i < b.length; i++) out[i] = b.charCodeAt(i);
  return out;
}

function header(form: HostStateForm, token: string, course: HostCourseRecord): string {
  const at = Date.parse(course.updatedAt);
  return [
    HOST_STATE_TAG,
    form === 'full' ? 'f' : 'e',
    token,
    course.courseVersion.manifestHash.slice(0, 16),
    (Number.isFinite(at) ? at : 0).toString(36),
  ].join('.');
}

function pack(form: HostStateForm, token: string, state: HostState): string {
  const body = JSON.stringify({
    c: state.course,
    a: state.attempts.map((a) => [a.itemId, a.updatedAt, a.state]),
  });
  return `${header(form, token, state.course)}.${base64url(deflateSync(strToU8(body), { level: 9 }))}`;
}

/** Everything the player stores for the learner in this course. */
export function encodeFull(token: string, state: HostState): string {
  return pack('full', token, state);
}

/**
 * The essential part, at most `limit` characters: the course record without the shared-data stores, and
 * each item's place and statuses, newest items first. When even that is too long the oldest items go; when
 * the course record alone is too long, its sequencing state goes too (the learner then keeps the items'
 * places and statuses). Undefined when nothing fits.
 */
export function encodeEssential(token: string, state: HostState, limit: number): string | undefined {
  const { sharedData: _shared, ...course } = state.course;
  const attempts = state.attempts.map(essentialAttempt).sort(newestFirst);
  const withCourse = (c: HostCourseRecord, n: number): string =>
    pack('essential', token, { course: c, attempts: attempts.slice(0, n) });
  for (const c of [course, { ...course, sequencing: undefined }]) {
    const all = withCourse(c, attempts.length);
    if (all.length <= limit) return all;
    // The longest run of newest items that fits (length grows with the count).
    let lo = 0;
    let hi = attempts.length - 1;
    let best: string | undefined;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const text = withCourse(c, mid);
      if (text.length <= limit) {
        best = text;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (best !== undefined) return best;
  }
  return undefined;
}

/** What to hand the shell for a host that takes at most `limit` characters. */
export interface HostStateTexts {
  /** The text to store: the full form when it fits, else the essential part. */
  state: string;
  form: HostStateForm;
  /** A smaller text for a host that refuses `state` (the essential part), when `state` is the full form. */
  fallback?: string;
}

export function hostStateTexts(token: string, state: HostState, limit: number): HostStateTexts | undefined {
  const full = encodeFull(token, state);
  const essential = encodeEssential(token, state, Math.min(limit, full.length - 1));
  if (full.length <= limit)
    return essential ? { state: full, form: 'full', fallback: essential } : { state: full, form: 'full' };
  return essential === undefined ? undefined : { state: essential, form: 'essential' };
}

// ---------------------------------------------------------------------------------------------------------
// Decoding
// ---------------------------------------------------------------------------------------------------------

const HEADER = /^sp1\.([fe])\.([A-Za-z0-9_-]{4,64})\.([0-9a-f]{16})\.([0-9a-z]{1,11})\.([A-Za-z0-9_-]+)$/;

/** Inflates in small steps and stops past MAX_INFLATED, so a crafted text cannot cost much. */
function inflateCapped(data: Uint8Array): Uint8Array {
  const parts: Uint8Array[] = [];
  let size = 0;
  const inflate = new Inflate((chunk) => {
    size += chunk.length;
    if (size > MAX_INFLATED) throw new HostStateError('damaged', 'The stored state inflates past its limit');
    parts.push(chunk);
  });
  const step = 1024;
  for (let i = 0; i < data.length; i += step)
    inflate.push(data.subarray(i, i + step), i + step >= data.length);
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isDate = (v: unknown): v is string => typeof v === 'string' && !Number.isNaN(Date.parse(v));
const optional = (v: unknown, check: (x: unknown) => boolean): boolean => v === undefined || check(v);
const COMPLETION: readonly unknown[] = ['completed', 'incomplete', 'not attempted', 'unknown'];
const SUCCESS: readonly unknown[] = ['passed', 'failed', 'unknown'];

function checkCourse(c: unknown): c is HostCourseRecord {
  if (!isObject(c) || !isObject(c.courseVersion)) return false;
  return (
    typeof c.title === 'string' &&
    typeof c.courseVersion.url === 'string' &&
    typeof c.courseVersion.manifestHash === 'string' &&
    COMPLETION.includes(c.completionStatus) &&
    SUCCESS.includes(c.successStatus) &&
    optional(c.scoreScaled, isNumber) &&
    isNumber(c.totalSeconds) &&
    optional(c.currentItemId, (x) => typeof x === 'string') &&
    typeof c.suspended === 'boolean' &&
    typeof c.ended === 'boolean' &&
    optional(
      c.sharedData,
      (x) => isObject(x) && Object.values(x).every((v) => v === undefined || typeof v === 'string'),
    ) &&
    isDate(c.startedAt) &&
    isDate(c.updatedAt)
  );
}

/** The AttemptState fields the runtime and the player read (src/runtime/types.ts). */
function checkAttemptState(s: unknown): s is AttemptState {
  if (!isObject(s) || !isObject(s.data)) return false;
  const { values, counts } = s.data;
  return (
    (s.scormVersion === '1.2' || s.scormVersion === '2004') &&
    ['ab-initio', 'resume', ''].includes(s.entry as string) &&
    typeof s.newAttempt === 'boolean' &&
    typeof s.terminated === 'boolean' &&
    typeof s.exit === 'string' &&
    typeof s.totalTime === 'string' &&
    isNumber(s.totalSeconds) &&
    isNumber(s.sessionSeconds) &&
    COMPLETION.includes(s.completionStatus) &&
    SUCCESS.includes(s.successStatus) &&
    ['scoreScaled', 'scoreRaw', 'scoreMin', 'scoreMax', 'progressMeasure'].every((k) =>
      optional(s[k], isNumber),
    ) &&
    typeof s.location === 'string' &&
    typeof s.suspendData === 'string' &&
    optional(values, (v) => isObject(v) && Object.values(v).every((x) => typeof x === 'string')) &&
    optional(counts, (v) => isObject(v) && Object.values(v).every(isNumber))
  );
}

/** The header alone: cheap, for deciding before inflating whether a text can concern this dispatch. */
export function peekHostState(
  text: string,
): { form: HostStateForm; token: string; hash16: string; at: number } | undefined {
  const m = HEADER.exec(text);
  if (!m) return undefined;
  return { form: m[1] === 'f' ? 'full' : 'essential', token: m[2]!, hash16: m[3]!, at: parseInt(m[4]!, 36) };
}

/**
 * Reads a stored state made for this dispatch. Throws HostStateError: `not-ours` for any other text (a
 * host's suspend_data may hold anything), `other-dispatch` for another token, `damaged` when the payload
 * does not inflate or parse, or its record does not match its header.
 */
export function decodeHostState(text: string, token: string): DecodedHostState {
  const head = peekHostState(text);
  if (!head) throw new HostStateError('not-ours', 'The stored text is not a scorm-player course state');
  if (head.token !== token)
    throw new HostStateError(
      'other-dispatch',
      `The stored state belongs to another dispatch (${head.token})`,
    );
  let body: unknown;
  try {
    body = JSON.parse(strFromU8(inflateCapped(fromBase64url(text.slice(text.lastIndexOf('.') + 1)))));
  } catch (error) {
    if (error instanceof HostStateError) throw error;
    throw new HostStateError('damaged', `The stored state cannot be read: ${String(error)}`);
  }
  if (!isObject(body) || !checkCourse(body.c) || !Array.isArray(body.a))
    throw new HostStateError('damaged', 'The stored state has no valid course record');
  const course = body.c;
  if (course.courseVersion.manifestHash.slice(0, 16) !== head.hash16)
    throw new HostStateError('damaged', 'The stored state names two course versions');
  const attempts: HostAttemptRecord[] = [];
  for (const row of body.a) {
    if (!Array.isArray(row) || typeof row[0] !== 'string' || !isDate(row[1]) || !checkAttemptState(row[2]))
      throw new HostStateError('damaged', 'The stored state holds an attempt that is not valid');
    attempts.push({ itemId: row[0], updatedAt: row[1], state: row[2] });
  }
  return { form: head.form, token: head.token, at: head.at, course, attempts };
}
