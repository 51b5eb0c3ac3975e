// The messages between a relay shell (in the host LMS) and the player (framed by the shell). DOM-free.
// The shell's script (shell-templates/shell.js) checks the same shapes; keep the two in step.
//
//   player → parent, any origin:  { type: 'scorm-dispatch:ping', v: 1 }            (no data: "say hello")
//   shell → player:               { type: 'scorm-dispatch:hello', v: 1, token, origin, learnerName,
//                                   resume, entry, limit }
//   player → shell (its origin):  { type: 'scorm-dispatch:progress' | 'scorm-dispatch:exit', v: 1, token,
//                                   ...results, state?, fallback? }
//   shell → player:               { type: 'scorm-dispatch:stored', v: 1, token, stored, error }
//                                   (after each message with a state: what cmi.suspend_data now holds)

export const RELAY_VERSION = 1;
export const PING = 'scorm-dispatch:ping';
export const HELLO = 'scorm-dispatch:hello';
export const PROGRESS = 'scorm-dispatch:progress';
export const EXIT = 'scorm-dispatch:exit';
export const STORED = 'scorm-dispatch:stored';

/** What both SCORM versions can hold: 1.2 cmi.core.lesson_location is CMIString255. */
export const MAX_LOCATION = 255;
/** The longest course state a shell takes: SCORM 2004 cmi.suspend_data's SPM (RTE 4.2.24). */
export const MAX_STATE = 64000;
/** Ten thousand hours: the largest 1.2 CMITimespan (HHHH:MM:SS.SS). */
export const MAX_SESSION_SECONDS = 36e6;
const MAX_ABS_SCORE = 1e9;

export type Completion = 'completed' | 'incomplete' | 'not attempted' | 'unknown';
export type Success = 'passed' | 'failed' | 'unknown';
const COMPLETIONS: readonly string[] = ['completed', 'incomplete', 'not attempted', 'unknown'];
const SUCCESSES: readonly string[] = ['passed', 'failed', 'unknown'];

export interface PingMessage {
  type: typeof PING;
  v: 1;
}

export interface HelloMessage {
  type: typeof HELLO;
  v: 1;
  token: string;
  /** The shell's own origin, as it sees it; the player also checks MessageEvent.origin. */
  origin: string;
  learnerName?: string;
  /** The host's cmi.suspend_data (a course state stored by an earlier launch, or ''). */
  resume?: string;
  /** The host's cmi.entry / cmi.core.entry: 'ab-initio', 'resume' or ''. */
  entry?: string;
  /** How many characters the host's cmi.suspend_data takes (4096 in SCORM 1.2, 64000 in 2004). */
  limit?: number;
}

export interface RelayResults {
  completion: Completion;
  success: Success;
  scoreScaled?: number;
  scoreRaw?: number;
  scoreMin?: number;
  scoreMax?: number;
  progressMeasure?: number;
  /** Seconds of learning in this launch (what the host records as its session time). */
  sessionSeconds: number;
  /** Where the learner is (the current item identifier). */
  location?: string;
}

/** The course state for the host's cmi.suspend_data (src/dispatch/host-state.ts). */
export interface StateTexts {
  /** What to store: the full state when it fits the host, else the essential part. */
  state: string;
  /** What to store when the host refuses `state` (the essential part). */
  fallback?: string;
}

export interface ProgressMessage extends RelayResults, Partial<StateTexts> {
  type: typeof PROGRESS;
  v: 1;
  token: string;
}

export interface ExitMessage extends RelayResults, Partial<StateTexts> {
  type: typeof EXIT;
  v: 1;
  token: string;
  /** True when the learner suspended (the host keeps the attempt open: cmi.exit = suspend). */
  suspended: boolean;
}

export type ReportMessage = ProgressMessage | ExitMessage;

/** The shell's answer to a message with a state: which text cmi.suspend_data took. */
export interface StoredMessage {
  type: typeof STORED;
  v: 1;
  token: string;
  stored: 'state' | 'fallback' | 'none';
  /** The host's error code for the last refused write ('' when none was refused). */
  error: string;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const optNumber = (v: unknown, lo: number, hi: number): boolean =>
  v === undefined || (typeof v === 'number' && v >= lo && v <= hi);
const optString = (v: unknown, max: number): boolean =>
  v === undefined || (typeof v === 'string' && v.length <= max);

export function isPing(data: unknown): data is PingMessage {
  return isObject(data) && data.type === PING && data.v === RELAY_VERSION;
}

export function isHello(data: unknown, token: string): data is HelloMessage {
  return (
    isObject(data) &&
    data.type === HELLO &&
    data.v === RELAY_VERSION &&
    data.token === token &&
    typeof data.origin === 'string' &&
    optString(data.learnerName, 4000) &&
    optString(data.resume, MAX_STATE) &&
    optString(data.entry, 16) &&
    optNumber(data.limit, 0, MAX_STATE)
  );
}

export function isStored(data: unknown, token: string): data is StoredMessage {
  return (
    isObject(data) &&
    data.type === STORED &&
    data.v === RELAY_VERSION &&
    data.token === token &&
    ['state', 'fallback', 'none'].includes(data.stored as string) &&
    optString(data.error, 16)
  );
}

/** The shape the shell accepts (its `valid()`); used by tests and by the player before posting. */
export function isReport(data: unknown, token: string): data is ReportMessage {
  return (
    isObject(data) &&
    data.v === RELAY_VERSION &&
    data.token === token &&
    (data.type === PROGRESS || data.type === EXIT) &&
    COMPLETIONS.includes(data.completion as string) &&
    SUCCESSES.includes(data.success as string) &&
    typeof data.sessionSeconds === 'number' &&
    optNumber(data.sessionSeconds, 0, MAX_SESSION_SECONDS) &&
    optNumber(data.scoreScaled, -1, 1) &&
    optNumber(data.scoreRaw, -MAX_ABS_SCORE, MAX_ABS_SCORE) &&
    optNumber(data.scoreMin, -MAX_ABS_SCORE, MAX_ABS_SCORE) &&
    optNumber(data.scoreMax, -MAX_ABS_SCORE, MAX_ABS_SCORE) &&
    optNumber(data.progressMeasure, 0, 1) &&
    optString(data.location, MAX_LOCATION) &&
    optString(data.state, MAX_STATE) &&
    optString(data.fallback, MAX_STATE) &&
    (data.suspended === undefined || typeof data.suspended === 'boolean')
  );
}

const finiteIn = (v: number | undefined, lo: number, hi: number): number | undefined =>
  v !== undefined && Number.isFinite(v) ? Math.min(hi, Math.max(lo, v)) : undefined;

/** Brings results into the accepted ranges: clamps numbers, drops what does not fit (a long location). */
export function sanitizeResults(r: RelayResults): RelayResults {
  const out: RelayResults = {
    completion: COMPLETIONS.includes(r.completion) ? r.completion : 'unknown',
    success: SUCCESSES.includes(r.success) ? r.success : 'unknown',
    sessionSeconds: finiteIn(r.sessionSeconds, 0, MAX_SESSION_SECONDS) ?? 0,
  };
  const put = <K extends keyof RelayResults>(key: K, value: RelayResults[K] | undefined): void => {
    if (value !== undefined) out[key] = value;
  };
  put('scoreScaled', finiteIn(r.scoreScaled, -1, 1));
  put('scoreRaw', finiteIn(r.scoreRaw, -MAX_ABS_SCORE, MAX_ABS_SCORE));
  put('scoreMin', finiteIn(r.scoreMin, -MAX_ABS_SCORE, MAX_ABS_SCORE));
  put('scoreMax', finiteIn(r.scoreMax, -MAX_ABS_SCORE, MAX_ABS_SCORE));
  put('progressMeasure', finiteIn(r.progressMeasure, 0, 1));
  if (r.location !== undefined && r.location.length <= MAX_LOCATION) out.location = r.location;
  return out;
}

/** The state texts that fit a message (a state too long for any host is left out). */
function stateFields(texts: StateTexts | undefined): Partial<StateTexts> {
  if (!texts || texts.state.length > MAX_STATE) return {};
  return texts.fallback !== undefined && texts.fallback.length <= MAX_STATE
    ? { state: texts.state, fallback: texts.fallback }
    : { state: texts.state };
}

export function progressMessage(token: string, results: RelayResults, texts?: StateTexts): ProgressMessage {
  return { type: PROGRESS, v: RELAY_VERSION, token, ...sanitizeResults(results), ...stateFields(texts) };
}

export function exitMessage(
  token: string,
  results: RelayResults,
  suspended: boolean,
  texts?: StateTexts,
): ExitMessage {
  return {
    type: EXIT,
    v: RELAY_VERSION,
    token,
    ...sanitizeResults(results),
    ...stateFields(texts),
    suspended,
  };
}
