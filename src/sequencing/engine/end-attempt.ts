// UP.4 End Attempt Process and UP.3 Terminate Descendent Attempts Process (sequencing.md §2).
import { overallRollup } from './rollup.js';
import { selectAndRandomize } from './selection.js';
import { type Activity, type Seq, commonAncestor, primary, read, tracked, write } from './tracking.js';

/** UP.4 End Attempt Process. */
export function endAttempt(seq: Seq, a: Activity): void {
  if (seq.dry) return;
  if (a.leaf) {
    // UP.4 1: the LMS completes and satisfies what the content left unknown, unless it owns the value.
    if (tracked(a) && !a.suspended) {
      const o = primary(a);
      const dc = a.def.deliveryControls;
      if (!dc.completionSetByContent && read(seq, o, 'completed') === undefined)
        write(seq, a, o, 'completed', true);
      if (!dc.objectiveSetByContent && read(seq, o, 'satisfied') === undefined)
        write(seq, a, o, 'satisfied', true);
    }
  } else {
    a.suspended = a.available.some((c) => c.suspended); // UP.4 2
  }
  a.active = false; // UP.4 3
  overallRollup(seq, a); // UP.4 4
  // §4: the next attempt of a cluster that ended unsuspended sees a new onEachNewAttempt selection/order.
  if (!a.leaf && !a.suspended) selectAndRandomize(seq, [a], false);
}

/** UP.3: ends the attempts on the path from the current activity up to CA(a, cur), both excluded. */
export function terminateDescendentAttempts(seq: Seq, a: Activity): void {
  const cur = seq.cur;
  if (!cur || seq.dry) return;
  const ca = commonAncestor(a, cur);
  if (cur === ca) return;
  for (let x = cur.parent; x && x !== ca; x = x.parent) endAttempt(seq, x);
}
