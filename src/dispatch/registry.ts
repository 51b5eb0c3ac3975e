// The dispatch registry, dispatches.json beside the app's index.html (architecture.md, "The app's URLs"):
// an object keyed by token. Only `course` is required; a malformed entry is treated as unknown rather than
// taking the whole registry down.
import { DispatchError, DispatchErrorCode } from './dispatch-error.js';

export interface DispatchEntry {
  /** URL of the course (a folder, its imsmanifest.xml or a .zip), relative to dispatches.json. */
  course: string;
  title?: string;
  /** Default true. */
  enabled?: boolean;
  /** ISO 8601; the dispatch stops working at this instant. */
  expires?: string;
  /** Origins allowed to frame the player in relay mode, e.g. "https://lms.example.com". */
  allowedOrigins?: string[];
  /** Where Commits and the exit POST the attempt summary (JSON; public/dispatch-report.schema.json). */
  reportUrl?: string;
  /** Reports carry the SHA-256 of the learner id salted with the token (`userIdSha256`) instead of the id. */
  hashUserId?: boolean;
  /** Earlier course URLs, newest first, on which unfinished attempts may continue. */
  versions?: string[];
}

export type DispatchRegistry = Record<string, DispatchEntry>;

export type DispatchLookup =
  | { ok: true; token: string; entry: DispatchEntry }
  | { ok: false; reason: 'unknown' | 'disabled' | 'expired' | 'invalid'; entry?: DispatchEntry };

const isStringArray = (v: unknown): v is string[] =>
  Array.isArray(v) && v.every((x) => typeof x === 'string');

/** Why an entry does not have the documented shape, or undefined when it does. */
export function entryProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'is not an object';
  const e = value as Record<string, unknown>;
  if (typeof e.course !== 'string' || e.course.trim() === '') return 'has no "course" URL';
  if (e.title !== undefined && typeof e.title !== 'string') return '"title" is not a string';
  if (e.enabled !== undefined && typeof e.enabled !== 'boolean') return '"enabled" is not true or false';
  if (e.expires !== undefined && (typeof e.expires !== 'string' || Number.isNaN(Date.parse(e.expires))))
    return '"expires" is not an ISO 8601 date';
  if (e.allowedOrigins !== undefined && !isStringArray(e.allowedOrigins))
    return '"allowedOrigins" is not a list of origins';
  if (e.reportUrl !== undefined && typeof e.reportUrl !== 'string') return '"reportUrl" is not a string';
  if (e.hashUserId !== undefined && typeof e.hashUserId !== 'boolean')
    return '"hashUserId" is not true or false';
  if (e.versions !== undefined && !isStringArray(e.versions)) return '"versions" is not a list of URLs';
  return undefined;
}

/** Reads dispatches.json text; throws DispatchError when it is not a JSON object. */
export function parseRegistry(text: string): DispatchRegistry {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new DispatchError(
      DispatchErrorCode.BadRegistry,
      `dispatches.json is not valid JSON: ${String(error)}`,
    );
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    throw new DispatchError(
      DispatchErrorCode.BadRegistry,
      'dispatches.json must hold an object keyed by token',
    );
  return data as DispatchRegistry;
}

/** Finds a token and says whether it may be used now. */
export function lookupDispatch(
  registry: DispatchRegistry,
  token: string,
  now: Date = new Date(),
): DispatchLookup {
  if (!Object.hasOwn(registry, token)) return { ok: false, reason: 'unknown' };
  const entry: unknown = registry[token];
  if (entryProblem(entry) !== undefined) return { ok: false, reason: 'invalid' };
  const e = entry as DispatchEntry;
  if (e.enabled === false) return { ok: false, reason: 'disabled', entry: e };
  if (e.expires !== undefined && Date.parse(e.expires) <= now.getTime())
    return { ok: false, reason: 'expired', entry: e };
  return { ok: true, token, entry: e };
}

/** The course URL and its earlier versions, absolute, resolved against the registry's own URL. */
export function courseUrls(
  entry: DispatchEntry,
  registryUrl: string,
): { current: string; versions: string[] } {
  return {
    current: new URL(entry.course, registryUrl).href,
    versions: (entry.versions ?? []).map((v) => new URL(v, registryUrl).href),
  };
}

/** An origin as browsers serialize it (scheme://host[:port]), or undefined for anything else. */
export function normalizeOrigin(value: string): string | undefined {
  try {
    const url = new URL(value);
    return url.origin === 'null' ? undefined : url.origin;
  } catch {
    return undefined;
  }
}

/** Whether `origin` is in the entry's allowedOrigins (compared in their serialized form). */
export function isAllowedOrigin(entry: DispatchEntry, origin: string): boolean {
  const wanted = normalizeOrigin(origin);
  return wanted !== undefined && (entry.allowedOrigins ?? []).some((o) => normalizeOrigin(o) === wanted);
}

export interface NewEntryOptions {
  course: string;
  title?: string;
  expires?: string;
  allowedOrigins?: string[];
  reportUrl?: string;
  hashUserId?: boolean;
}

/** The dispatches.json entry the maker shows for a new shell, as `{ "<token>": { ... } }` text. */
export function registryEntryJson(token: string, options: NewEntryOptions): string {
  const entry: DispatchEntry = { course: options.course };
  if (options.title) entry.title = options.title;
  entry.enabled = true;
  if (options.expires) entry.expires = options.expires;
  const origins = (options.allowedOrigins ?? []).map((o) => normalizeOrigin(o) ?? o);
  if (origins.length) entry.allowedOrigins = origins;
  if (options.reportUrl) entry.reportUrl = options.reportUrl;
  if (options.reportUrl && options.hashUserId) entry.hashUserId = true;
  return JSON.stringify({ [token]: entry }, null, 2);
}
