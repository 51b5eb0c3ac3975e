// Rollup (sequencing.md §3): RB.1.5 Overall Rollup with the measure, completion-measure, objective and
// activity-progress rollups (RB.1.1–RB.1.3, a/b variants chosen by *ByMeasure), the rollup rule check
// (RB.1.4 with the default rules), considerations (RB.1.4.2) and the reach of global objective writes
// (§1.4: every reader of a changed global rolls up too).
import type { RollupRule } from '../../package/types.js';
import { checkRules, measureOf, progressOf, rollupConditionsValue } from './conditions.js';
import { type Activity, type Seq, type Tri, primary, read, tracked, write } from './tracking.js';

type Action = RollupRule['action'];

const defaultRule = (condition: RollupRule['conditions'][0]['condition'], action: Action): RollupRule => ({
  childActivitySet: 'all',
  minimumCount: 0,
  minimumPercent: 0,
  conditionCombination: 'any',
  conditions: [{ condition, operator: 'noOp' }],
  action,
});
// RB.1.2 b 1 / RB.1.3 b 1: the default rules when the activity has none for the action pair.
const DEFAULTS = {
  objective: [defaultRule('satisfied', 'satisfied'), defaultRule('objectiveStatusKnown', 'notSatisfied')],
  progress: [defaultRule('completed', 'completed'), defaultRule('activityProgressKnown', 'incomplete')],
};

const completion = (a: Activity) => a.item?.completionThreshold;

/** RB.1.1 a Measure Rollup Process: weighted mean of tracked children's measures (unknown adds weight only). */
function measureRollup(seq: Seq, a: Activity): void {
  let total = 0;
  let counted = 0;
  let valid = false;
  for (const c of a.available) {
    if (!tracked(c)) continue;
    const w = c.def.rollupRules.objectiveMeasureWeight;
    counted += w;
    const m = measureOf(seq, c, primary(c));
    if (m !== undefined) {
      total += m * w;
      valid = true;
    }
  }
  write(seq, a, primary(a), 'normalizedMeasure', valid && counted > 0 ? total / counted : undefined);
}

/** RB.1.1 b Completion Measure Rollup Process (4th Ed.): the same over progress measures and progressWeight. */
function completionMeasureRollup(seq: Seq, a: Activity): void {
  let total = 0;
  let counted = 0;
  let valid = false;
  for (const c of a.available) {
    if (!tracked(c)) continue;
    const w = completion(c)?.progressWeight ?? 1;
    counted += w;
    const p = progressOf(seq, c, primary(c));
    if (p !== undefined) {
      total += p * w;
      valid = true;
    }
  }
  write(seq, a, primary(a), 'progressMeasure', valid && counted > 0 ? total / counted : undefined);
}

/** RB.1.2 a Objective Rollup Using Measure (leaves too: the measure alone decides). */
function objectiveRollupByMeasure(seq: Seq, a: Activity): void {
  const o = primary(a);
  const m = read(seq, o, 'normalizedMeasure');
  let v: Tri;
  if (m !== undefined && (!a.active || a.def.rollupConsiderations.measureSatisfactionIfActive))
    v = m >= o.def.minNormalizedMeasure;
  write(seq, a, o, 'satisfied', v);
}

/** RB.1.2 b Objective Rollup Using Rules: notSatisfied first, then satisfied; nothing fires ⇒ unchanged. */
function objectiveRollupByRules(seq: Seq, a: Activity): void {
  const own = a.def.rollupRules.rules.filter((r) => r.action === 'satisfied' || r.action === 'notSatisfied');
  const rules = own.length ? own : DEFAULTS.objective;
  const o = primary(a);
  if (ruleCheck(seq, a, rules, 'notSatisfied')) write(seq, a, o, 'satisfied', false);
  if (ruleCheck(seq, a, rules, 'satisfied')) write(seq, a, o, 'satisfied', true);
}

/** RB.1.3 a Activity Progress Rollup Using Measure (4th Ed.; leaves too). */
function progressRollupByMeasure(seq: Seq, a: Activity): void {
  const o = primary(a);
  const p = read(seq, o, 'progressMeasure');
  const min = completion(a)?.minProgressMeasure ?? 1;
  write(seq, a, o, 'completed', p === undefined ? undefined : p >= min);
}

/** RB.1.3 b Activity Progress Rollup Using Rules: incomplete first, then completed. */
function progressRollupByRules(seq: Seq, a: Activity): void {
  const own = a.def.rollupRules.rules.filter((r) => r.action === 'completed' || r.action === 'incomplete');
  const rules = own.length ? own : DEFAULTS.progress;
  const o = primary(a);
  if (ruleCheck(seq, a, rules, 'incomplete')) write(seq, a, o, 'completed', false);
  if (ruleCheck(seq, a, rules, 'completed')) write(seq, a, o, 'completed', true);
}

/** RB.1.4.2 Check Child for Rollup Subprocess (the child's own considerations, chosen per action). */
export function contributes(seq: Seq, c: Activity, action: Action): boolean {
  const rc = c.def.rollupConsiderations;
  let consideration;
  if (action === 'satisfied' || action === 'notSatisfied') {
    if (!c.def.rollupRules.rollupObjectiveSatisfied) return false;
    consideration = action === 'satisfied' ? rc.requiredForSatisfied : rc.requiredForNotSatisfied;
  } else {
    if (!c.def.rollupRules.rollupProgressCompletion) return false;
    consideration = action === 'completed' ? rc.requiredForCompleted : rc.requiredForIncomplete;
  }
  switch (consideration) {
    case 'ifNotSuspended':
      return c.attempted && !(c.attemptCount > 0 && c.suspended);
    case 'ifAttempted':
      return c.attempted && c.attemptCount > 0;
    case 'ifNotSkipped':
      return checkRules(seq, c, 'pre', ['skip']) === undefined;
    default:
      return true;
  }
}

/** RB.1.4 Rollup Rule Check Subprocess: an empty bag never fires (▲ the book, not the reference `all`). */
function ruleCheck(seq: Seq, a: Activity, rules: RollupRule[], action: Action): boolean {
  for (const r of rules) {
    if (r.action !== action) continue;
    const bag: Tri[] = [];
    for (const c of a.available)
      if (tracked(c) && contributes(seq, c, action)) bag.push(rollupConditionsValue(seq, c, r));
    if (!bag.length) continue;
    const trues = bag.filter((v) => v === true).length;
    let fire: boolean;
    switch (r.childActivitySet) {
      case 'all':
        fire = trues === bag.length;
        break;
      case 'any':
        fire = trues > 0;
        break;
      case 'none':
        fire = bag.every((v) => v === false);
        break;
      case 'atLeastCount':
        fire = trues >= r.minimumCount;
        break;
      case 'atLeastPercent':
        fire = trues / bag.length >= r.minimumPercent - 1e-9;
        break;
    }
    if (fire) return true;
  }
  return false;
}

/** RB.1.5 step 3 for one activity. */
function rollupOne(seq: Seq, x: Activity): void {
  if (!x.leaf) {
    measureRollup(seq, x);
    completionMeasureRollup(seq, x);
  }
  if (primary(x).def.satisfiedByMeasure) objectiveRollupByMeasure(seq, x);
  else if (!x.leaf) objectiveRollupByRules(seq, x);
  if (completion(x)?.completedByMeasure) progressRollupByMeasure(seq, x);
  else if (!x.leaf) progressRollupByRules(seq, x);
}
// (On a leaf the rule variants have an empty bag and never fire, so they are skipped.)

/** Rolls up the given activities and all their ancestors, deepest first, each once. */
function rollupPaths(seq: Seq, starts: Iterable<Activity>): void {
  const set = new Set<Activity>();
  for (const s of starts) for (let x: Activity | undefined = s; x && !set.has(x); x = x.parent) set.add(x);
  for (const x of [...set].sort((p, q) => q.depth - p.depth)) rollupOne(seq, x);
}

const readerIndex = new WeakMap<Seq, Map<string, Activity[]>>();
function readers(seq: Seq, id: string): Activity[] {
  let index = readerIndex.get(seq);
  if (!index) {
    index = new Map();
    for (const a of seq.all)
      for (const o of a.objectives)
        for (const m of o.def.mapInfo) {
          const list = index.get(m.targetObjectiveID) ?? [];
          if (!list.includes(a)) list.push(a);
          index.set(m.targetObjectiveID, list);
        }
    readerIndex.set(seq, index);
  }
  return index.get(id) ?? [];
}

/**
 * RB.1.5 Overall Rollup Process from `a` to the root, then the reach of global writes (§1.4): every
 * available activity mapping a changed global rolls up from itself. Bounded, so maps forming a cycle
 * settle after a few rounds (defined behaviour for bad data).
 */
export function overallRollup(seq: Seq, a?: Activity): void {
  if (seq.dry) return;
  if (a) rollupPaths(seq, [a]);
  for (let round = 0; round < 4 && seq.changed.size; round++) {
    const ids = [...seq.changed];
    seq.changed.clear();
    const starts = ids.flatMap((id) => readers(seq, id)).filter((r) => r.pos >= 0);
    rollupPaths(seq, starts);
  }
  seq.changed.clear();
}
