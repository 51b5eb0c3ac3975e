// Relay mode: on a resumed launch the shell hands over the host's cmi.suspend_data, which our shells set to
// `dispatch:<token>:<manifest hash prefix>` (src/dispatch/launch-results.ts via the view). When it names this
// dispatch but this browser holds no progress for the learner, the learner began elsewhere: progress lives in
// the browser (IndexedDB), so a new browser or device starts afresh, and the learner should be told.
export function resumeSuspendData(token: string, manifestHash: string): string {
  return `dispatch:${token}:${manifestHash.slice(0, 12)}`;
}

export function begunElsewhere(
  token: string,
  hostResume: string | undefined,
  hasLocalProgress: boolean,
): boolean {
  return !hasLocalProgress && (hostResume ?? '').startsWith(`dispatch:${token}:`);
}
