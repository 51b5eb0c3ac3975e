// Delivery (sequencing.md §2): DB.1.1 Delivery Request Process, DB.2 Content Delivery Environment
// Process and DB.2.1 Clear Suspended Activity Subprocess.
import { checkActivity } from './conditions.js';
import { terminateDescendentAttempts } from './end-attempt.js';
import { type Activity, type Seq, commonAncestor, pathFromRoot, resetAttempt, tracked } from './tracking.js';

/** DB.1.1 Delivery Request Process: the exception when `a` may not be delivered, else undefined. */
export function deliveryRequest(seq: Seq, a: Activity): string | undefined {
  if (!a.leaf) return 'DB.1.1-1';
  for (const x of pathFromRoot(a)) if (checkActivity(seq, x)) return 'DB.1.1-3';
  return undefined;
}

/** DB.2.1 Clear Suspended Activity Subprocess. */
function clearSuspended(seq: Seq, a: Activity): void {
  const s = seq.suspended;
  if (!s) return;
  const ca = commonAncestor(a, s);
  for (let x: Activity | undefined = s; x; x = x.parent) {
    if (x.leaf) x.suspended = false;
    else if (!x.available.some((c) => c.suspended)) x.suspended = false;
    if (x === ca) break;
  }
  seq.suspended = undefined;
}

/**
 * DB.2 Content Delivery Environment Process. Returns whether the delivered leaf begins a new attempt
 * (false when its suspended attempt resumes, DB.2 5.1.1.1), or the exception.
 */
export function deliver(seq: Seq, a: Activity): { newAttempt: boolean } | { exception: string } {
  if (seq.cur?.active) return { exception: 'DB.2-1' };
  if (a !== seq.suspended) clearSuspended(seq, a);
  terminateDescendentAttempts(seq, a);
  let newAttempt = true;
  for (const x of pathFromRoot(a)) {
    if (x.active) continue;
    if (tracked(x)) {
      if (x.suspended) {
        x.suspended = false;
        if (x === a) newAttempt = false;
      } else {
        x.attemptCount++;
        if (x.attemptCount === 1) x.attempted = true;
        // §1.4: course-scoped globals start over when the root is retried (reference implementation).
        else if (x === seq.root && seq.courseScoped) seq.globals.clear();
        resetAttempt(x);
      }
    } else if (x === a && x.suspended) {
      x.suspended = false;
      newAttempt = false;
    }
    x.active = true;
  }
  seq.cur = a;
  seq.suspended = undefined;
  return { newAttempt };
}
