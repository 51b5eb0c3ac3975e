// OP.1 Overall Sequencing Process (sequencing.md §2): NB.2.1 → TB.2.3 → SB.2.12 → DB.1.1 → DB.2.
import type { NavRequest, SessionEndReason } from '../navigator.js';
import { deliver, deliveryRequest } from './delivery.js';
import { endAttempt, terminateDescendentAttempts } from './end-attempt.js';
import { navigationRequest } from './navigation-request.js';
import { sequencingRequest } from './sequencing-request.js';
import { terminate } from './termination.js';
import type { Activity, Seq } from './tracking.js';

export type Op1Result =
  | { kind: 'deliver'; activity: Activity; newAttempt: boolean }
  | { kind: 'end'; reason: SessionEndReason }
  | { kind: 'wait' }
  | { kind: 'invalid'; exception: string };

function endReason(request: NavRequest, sessionStarted: boolean, byTermination: boolean): SessionEndReason {
  // A post-condition exitAll/retry or an exit rule ending the root ends the session as an exitAll does.
  if (byTermination && request.type !== 'suspendAll' && request.type !== 'abandonAll') return 'exitAll';
  switch (request.type) {
    case 'suspendAll':
    case 'abandonAll':
      return request.type;
    case 'continue':
      return 'completed';
    default:
      return sessionStarted ? 'exitAll' : 'nothing-to-deliver';
  }
}

/** OP.1 end of the sequencing session: no attempt left active, no current activity (§2 OP.1). */
function endSession(seq: Seq): void {
  terminateDescendentAttempts(seq, seq.root);
  if (seq.root.active) endAttempt(seq, seq.root);
  seq.cur = undefined;
}

export function overallSequencing(seq: Seq, request: NavRequest): Op1Result {
  const started = seq.cur !== undefined;
  const nb = navigationRequest(seq, request); // 1.1
  if (nb.exception) return { kind: 'invalid', exception: nb.exception };
  let pending = nb.sequencing;
  let byTermination = false;
  if (nb.termination) {
    const tr = terminate(seq, nb.termination); // 1.3
    if (tr.exception) return { kind: 'invalid', exception: tr.exception };
    // Only one pending request: the termination's replaces the navigation's.
    if (tr.sequencing) [pending, byTermination] = [tr.sequencing, tr.sequencing !== nb.sequencing];
  }
  if (!pending) return { kind: 'wait' };
  const sr = sequencingRequest(seq, pending, nb.target); // 1.4
  if (sr.endSession) {
    // Continue past the end, exit of the root and exitAll end the session: not an error (§7.3).
    endSession(seq);
    return { kind: 'end', reason: endReason(request, started, byTermination) };
  }
  if (sr.exception) return { kind: 'invalid', exception: sr.exception };
  if (!sr.delivery) return { kind: 'wait' };
  const refused = deliveryRequest(seq, sr.delivery); // 1.5 DB.1.1
  if (refused) return { kind: 'invalid', exception: refused };
  const db = deliver(seq, sr.delivery); // DB.2
  if ('exception' in db) return { kind: 'invalid', exception: db.exception };
  return { kind: 'deliver', activity: sr.delivery, newAttempt: db.newAttempt };
}
