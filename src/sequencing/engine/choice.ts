// Choice (sequencing.md §2): SB.2.9 Choice Sequencing Request Process with SB.2.4 Choice Activity
// Traversal and SB.2.9.1 / SB.2.9.2 Choice Flow (constrained choice).
import { checkRules } from './conditions.js';
import { endAttempt, terminateDescendentAttempts } from './end-attempt.js';
import { type Dir, flow } from './flow.js';
import { type Activity, type Seq, commonAncestor, inTree, pathFromRoot, pathUp, within } from './tracking.js';

export type SeqResult = { delivery?: Activity; endSession?: boolean; exception?: string };

/** SB.2.4 Choice Activity Traversal Subprocess: the exception when `a` cannot be passed, else undefined. */
export function choiceActivityTraversal(seq: Seq, a: Activity, dir: Dir): string | undefined {
  if (dir === 'forward') return checkRules(seq, a, 'pre', ['stopForwardTraversal']) ? 'SB.2.4-1' : undefined;
  if (!a.parent) return 'SB.2.4-3';
  return a.parent.def.controlMode.forwardOnly ? 'SB.2.4-2' : undefined;
}

/** SB.2.9.2 Choice Flow Tree Traversal Subprocess (no rules, controls or children considered). */
function choiceFlowTreeTraversal(seq: Seq, a: Activity, dir: Dir): Activity | undefined {
  const p = a.parent;
  if (!p) return undefined;
  const i = p.available.indexOf(a);
  if (dir === 'forward') {
    if (a === seq.order[seq.order.length - 1]) return undefined;
    return i === p.available.length - 1 ? choiceFlowTreeTraversal(seq, p, dir) : p.available[i + 1];
  }
  return i <= 0 ? choiceFlowTreeTraversal(seq, p, dir) : p.available[i - 1];
}

/** SB.2.9.1 Choice Flow Subprocess: the activity logically next to / before `a`, else `a`. */
export const choiceFlow = (seq: Seq, a: Activity, dir: Dir): Activity =>
  choiceFlowTreeTraversal(seq, a, dir) ?? a;

const preventsActivation = (a: Activity, ca: Activity): boolean =>
  !a.active && a !== ca && a.def.constrainedChoiceConsiderations.preventActivation;

/** SB.2.9 Choice Sequencing Request Process. */
export function choiceRequest(seq: Seq, target: Activity | undefined): SeqResult {
  if (!target) return { exception: 'SB.2.9-1' };
  // SB.2.9 2-3: every activity on the path must be available and not hidden from choice.
  for (const a of pathFromRoot(target)) {
    if (a.parent && !inTree(a)) return { exception: 'SB.2.9-2' };
    if (checkRules(seq, a, 'pre', ['hiddenFromChoice'])) return { exception: 'SB.2.9-3' };
  }
  if (target.parent && !target.parent.def.controlMode.choice) return { exception: 'SB.2.9-4' };
  const cur = seq.cur;
  const ca = cur ? commonAncestor(cur, target) : seq.root;
  const failure = cur ? choicePathCheck(seq, cur, target, ca) : downCheck(seq, ca, target);
  if (failure) return { exception: failure };
  if (target.leaf) return { delivery: target }; // SB.2.9 12
  const r = flow(seq, target, 'forward', true); // SB.2.9 13
  if (!r.deliverable) {
    // SB.2.9 14: a cluster with nothing to deliver; the state HAS changed (current moves to the target).
    if (!seq.dry) {
      terminateDescendentAttempts(seq, ca);
      endAttempt(seq, ca);
      seq.cur = target;
    }
    return { exception: 'SB.2.9-9' };
  }
  return { delivery: r.activity };
}

/** SB.2.9 9 (Case 3, and no current activity): the path down from ca to the target's parent. */
function downCheck(seq: Seq, ca: Activity, target: Activity): string | undefined {
  const path = pathUp(target.parent ?? target, ca, true).reverse();
  if (target === ca && !target.parent) return undefined; // choosing the root with no current activity
  if (!path.length) return 'SB.2.9-5';
  for (const a of path) {
    const e = choiceActivityTraversal(seq, a, 'forward');
    if (e) return e;
    if (preventsActivation(a, ca)) return 'SB.2.9-6';
  }
  return undefined;
}

/** SB.2.9 7-11: the checks that depend on where the target lies from the current activity. */
function choicePathCheck(seq: Seq, cur: Activity, target: Activity, ca: Activity): string | undefined {
  if (target === cur) return undefined; // Case 1
  if (target.parent && target.parent === cur.parent) {
    // Case 2: siblings, every activity from cur towards the target (target excluded) must be passable.
    const sibs = target.parent.available;
    const from = sibs.indexOf(cur);
    const to = sibs.indexOf(target);
    if (from < 0 || to < 0) return 'SB.2.9-5';
    const dir: Dir = to > from ? 'forward' : 'backward';
    const list = dir === 'forward' ? sibs.slice(from, to) : sibs.slice(to + 1, from + 1).reverse();
    for (const a of list) {
      const e = choiceActivityTraversal(seq, a, dir);
      if (e) return e;
    }
    return undefined;
  }
  if (cur === ca) return downCheck(seq, ca, target); // Case 3
  if (target === ca) {
    // Case 4: the target is an ancestor of cur; choiceExit applies along the way, active or not.
    for (const a of pathUp(cur, target, false)) if (!a.def.controlMode.choiceExit) return 'SB.2.9-7';
    return undefined;
  }
  // Case 5: the target lies elsewhere under ca.
  let con: Activity | undefined;
  for (const a of pathUp(cur, ca, false)) {
    if (!a.def.controlMode.choiceExit) return 'SB.2.9-7';
    if (!con && a.def.constrainedChoiceConsiderations.constrainChoice) con = a;
  }
  const forward = target.pos > cur.pos;
  if (con) {
    const x = choiceFlow(seq, con, target.pos > con.pos ? 'forward' : 'backward');
    if (!within(target, x) && target !== con) return 'SB.2.9-8';
  }
  const path2 = pathUp(target.parent ?? target, ca, true).reverse();
  if (!path2.length) return 'SB.2.9-5';
  if (forward) {
    for (const a of path2) {
      const e = choiceActivityTraversal(seq, a, 'forward');
      if (e) return e;
      if (preventsActivation(a, ca)) return 'SB.2.9-6';
    }
  } else {
    path2.push(target);
    for (const a of path2) if (preventsActivation(a, ca)) return 'SB.2.9-6';
  }
  return undefined;
}
