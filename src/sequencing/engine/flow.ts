// Flow traversal (sequencing.md §2): SB.2.1 Flow Tree Traversal, SB.2.2 Flow Activity Traversal (skip
// rules, UP.5) and SB.2.3 Flow. Only available children are walked (§4).
import { checkActivity, checkRules } from './conditions.js';
import { terminateDescendentAttempts } from './end-attempt.js';
import { type Activity, type Seq, lastInTree } from './tracking.js';

export type Dir = 'forward' | 'backward';

export interface Traversal {
  next?: Activity;
  dir: Dir;
  endSession?: boolean;
  exception?: string;
}

export interface FlowResult {
  deliverable: boolean;
  /** Where the traversal stopped (the deliverable activity when deliverable). */
  activity: Activity;
  endSession?: boolean;
  exception?: string;
}

/** SB.2.1 Flow Tree Traversal Subprocess. */
export function flowTreeTraversal(
  seq: Seq,
  start: Activity,
  dir: Dir,
  prevDir: Dir | undefined,
  considerChildren: boolean,
): Traversal {
  let a = start;
  let reversed = false;
  const parent = a.parent;
  // SB.2.1 2: coming back from a forward-only cluster entered backwards at its last child.
  if (prevDir === 'backward' && parent && parent.available[parent.available.length - 1] === a) {
    dir = 'backward';
    a = parent.available[0]!;
    reversed = true;
  }
  if (dir === 'forward') {
    // SB.2.1 3.1: walked off the tree; the session ends (Appendix D SB.2.1-1 comes with it).
    if (a === lastInTree(seq) || (a === seq.root && !considerChildren)) {
      terminateDescendentAttempts(seq, seq.root);
      return { dir, endSession: true, exception: 'SB.2.1-1' };
    }
    if (a.leaf || !considerChildren) {
      const sibs = a.parent!.available;
      const i = sibs.indexOf(a);
      if (i === sibs.length - 1) return flowTreeTraversal(seq, a.parent!, 'forward', undefined, false);
      return { next: sibs[i + 1]!, dir };
    }
    if (!a.available.length) return { dir, exception: 'SB.2.1-2' };
    return { next: a.available[0]!, dir };
  }
  if (a === seq.root) return { dir, exception: 'SB.2.1-3' };
  if (a.leaf || !considerChildren) {
    const p = a.parent!;
    if (!reversed && p.def.controlMode.forwardOnly) return { dir, exception: 'SB.2.1-4' };
    const i = p.available.indexOf(a);
    if (i <= 0) return flowTreeTraversal(seq, p, 'backward', undefined, false);
    return { next: p.available[i - 1]!, dir };
  }
  if (!a.available.length) return { dir, exception: 'SB.2.1-2' };
  // SB.2.1 4.3: forward-only clusters are entered at their start, and the walk turns forward.
  if (a.def.controlMode.forwardOnly) return { next: a.available[0]!, dir: 'forward' };
  return { next: a.available[a.available.length - 1]!, dir: 'backward' };
}

/** SB.2.2 Flow Activity Traversal Subprocess. */
export function flowActivityTraversal(seq: Seq, a: Activity, dir: Dir, prevDir: Dir | undefined): FlowResult {
  if (a.parent && !a.parent.def.controlMode.flow)
    return { deliverable: false, activity: a, exception: 'SB.2.2-1' };
  if (checkRules(seq, a, 'pre', ['skip']) !== undefined) {
    // SB.2.2 3: a skipped activity is stepped over in the same direction, children not considered.
    const t = flowTreeTraversal(seq, a, dir, prevDir, false);
    if (!t.next) return stopped(a, t);
    if (prevDir === 'backward' && t.dir === 'backward')
      return flowActivityTraversal(seq, t.next, 'backward', undefined);
    return flowActivityTraversal(seq, t.next, dir, prevDir);
  }
  if (checkActivity(seq, a)) return { deliverable: false, activity: a, exception: 'SB.2.2-2' };
  if (!a.leaf) {
    const t = flowTreeTraversal(seq, a, dir, undefined, true);
    if (!t.next) return stopped(a, t);
    if (dir === 'backward' && t.dir === 'forward')
      return flowActivityTraversal(seq, t.next, 'forward', 'backward');
    return flowActivityTraversal(seq, t.next, dir, undefined);
  }
  return { deliverable: true, activity: a };
}

function stopped(a: Activity, t: Traversal): FlowResult {
  const r: FlowResult = { deliverable: false, activity: a };
  if (t.endSession) r.endSession = true;
  if (t.exception) r.exception = t.exception;
  return r;
}

/** SB.2.3 Flow Subprocess. */
export function flow(seq: Seq, a: Activity, dir: Dir, considerChildren: boolean): FlowResult {
  const t = flowTreeTraversal(seq, a, dir, undefined, considerChildren);
  if (!t.next) return stopped(a, t);
  return flowActivityTraversal(seq, t.next, dir, undefined);
}
