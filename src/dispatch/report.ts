// Central tracking: with a `reportUrl` in the dispatch entry, each Commit and the exit POST the attempt
// summary as JSON. Reports never block the learner and never throw.
import type { RelayResults } from './relay-protocol.js';

export interface AttemptSummary extends RelayResults {
  token: string;
  userId: string;
  /** 'commit' for every Commit/Terminate of a SCO, 'exit' when the learner leaves the course. */
  event: 'commit' | 'exit';
  course: { url: string; manifestHash: string };
  /** Time in the course over every launch, in seconds. */
  totalSeconds: number;
  /** When the learner left: whether by suspend (resumable). */
  suspended?: boolean;
  /** ISO 8601. */
  at: string;
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
