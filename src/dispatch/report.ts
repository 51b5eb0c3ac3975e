// Central tracking: with a `reportUrl` in the dispatch entry, Commits (at most one a second) and the exit POST
// the attempt summary as JSON (its schema: public/dispatch-report.schema.json). Reports never block the learner
// and never throw.
import type { RelayResults } from './relay-protocol.js';

/** The learner as a report names them: the LMS's learner id, or (entry `hashUserId`) its salted SHA-256. */
export type ReportLearner =
  { userId: string; userIdSha256?: never } | { userIdSha256: string; userId?: never };

export type AttemptSummary = RelayResults &
  ReportLearner & {
    token: string;
    /** 'commit' for a Commit/Terminate of a SCO, 'exit' when the learner leaves the course. */
    event: 'commit' | 'exit';
    course: { url: string; manifestHash: string };
    /** Time in the course over every launch, in seconds. */
    totalSeconds: number;
    /** When the learner left: whether by suspend (resumable). */
    suspended?: boolean;
    /** ISO 8601. */
    at: string;
  };

/**
 * SHA-256 (lowercase hex) of the UTF-8 text `<token>:<learner id>`: the token salts the hash, so the same LMS
 * learner id gives unrelated values in two dispatches, and a receiver can still recognise a returning learner.
 */
export async function hashedUserId(token: string, userId: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`${token}:${userId}`));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export interface ReportTransport {
  fetch?: typeof fetch;
  sendBeacon?: (url: string, data: Blob) => boolean;
}

/**
 * Sends a summary. Commits go by fetch with `keepalive` (they survive a navigation) as application/json.
 * At exit the page may be unloading, so it goes by navigator.sendBeacon, whose body is the same JSON sent as
 * text/plain (a CORS-safelisted type: no preflight, which a beacon cannot make); when the beacon is refused,
 * by keepalive fetch. Resolves to whether the request was handed over (and, for fetch, answered 2xx).
 */
export async function sendReport(
  url: string,
  summary: AttemptSummary,
  transport: ReportTransport = defaultTransport(),
): Promise<boolean> {
  const body = JSON.stringify(summary);
  if (summary.event === 'exit' && transport.sendBeacon) {
    try {
      if (transport.sendBeacon(url, new Blob([body], { type: 'text/plain;charset=UTF-8' }))) return true;
    } catch {
      // Fall through to fetch.
    }
  }
  if (!transport.fetch) return false;
  try {
    const response = await transport.fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body,
      keepalive: true,
      credentials: 'omit',
      mode: 'cors',
    });
    return response.ok;
  } catch {
    return false;
  }
}

function defaultTransport(): ReportTransport {
  const nav = (globalThis as { navigator?: Navigator }).navigator;
  const t: ReportTransport = { fetch: globalThis.fetch.bind(globalThis) };
  if (nav && typeof nav.sendBeacon === 'function') t.sendBeacon = (u, d) => nav.sendBeacon(u, d);
  return t;
}
