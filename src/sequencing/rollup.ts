// Rollup (SN RB.1.x): measure, objective satisfaction and attempt completion of a cluster from its children.
// Default rules apply when an activity defines none for an action (RB.1.2b, RB.1.3b).
import type { RollupConsideration, RollupRule } from '../package/types.js';
import type { Activity } from './activity-tree.js';
import type { ActivityState } from './activity-state.js';
import { conditionValue } from './precondition-rules.js';

type Lookup = (activity: Activity) => ActivityState;

/** RB.1.1 Measure Rollup: the weighted average of the tracked children's measures. */
function measureRollup(activity: Activity, state: Lookup): number | undefined {
  let total = 0;
  let counted = 0;
  let valid = false;
  for (const child of activity.children) {
    if (!child.sequencing.deliveryControls.tracked) continue;
    const weight = child.sequencing.rollupRules.objectiveMeasureWeight;
    counted += weight;
    const m = state(child).measure;
    if (m !== undefined) {
      valid = true;
      total += m * weight;
    }
  }
  return valid && counted > 0 ? total / counted : undefined;
}

/** RB.1.4.2 Check Child for Rollup Subprocess: whether a child takes part in a rule with this action. */
function contributes(child: Activity, action: RollupRule['action'], s: ActivityState): boolean {
  const seq = child.sequencing;
  if (!seq.deliveryControls.tracked) return false;
  let consideration: RollupConsideration;
  if (action === 'satisfied' || action === 'notSatisfied') {
    if (!seq.rollupRules.rollupObjectiveSatisfied) return false;
    consideration =
      action === 'satisfied'
        ? seq.rollupConsiderations.requiredForSatisfied
        : seq.rollupConsiderations.requiredForNotSatisfied;
  } else {
    if (!seq.rollupRules.rollupProgressCompletion) return false;
    consideration =
      action === 'completed'
        ? seq.rollupConsiderations.requiredForCompleted
        : seq.rollupConsiderations.requiredForIncomplete;
  }
  if (consideration === 'ifAttempted') return s.attemptCount > 0;
  if (consideration === 'ifNotSuspended') return !(s.attemptCount > 0 && s.suspended);
  // 'ifNotSkipped' needs the skip history the full engine keeps; treat it as 'always' here.
  return true;
}

/** RB.1.4.1 Evaluate Rollup Conditions Subprocess, for one child. */
function conditionsHold(rule: RollupRule, child: Activity, s: ActivityState): boolean {
  const results = rule.conditions.map((c) => {
    const v = conditionValue(c.condition, child, s);
    return c.operator === 'not' ? !v : v;
  });
  return rule.conditionCombination === 'all' ? results.every(Boolean) : results.some(Boolean);
}

/** RB.1.4 Rollup Rule Check Subprocess: does any rule with this action fire? */
function ruleFires(activity: Activity, rules: RollupRule[], state: Lookup): boolean {
  for (const rule of rules) {
    const bag = activity.children.filter((c) => contributes(c, rule.action, state(c)));
    if (bag.length === 0) continue;
    const hits = bag.filter((c) => conditionsHold(rule, c, state(c))).length;
    let fires: boolean;
    switch (rule.childActivitySet) {
      case 'all':
        fires = hits === bag.length;
        break;
      case 'any':
        fires = hits > 0;
        break;
      case 'none':
        fires = hits === 0;
        break;
      case 'atLeastCount':
        fires = hits >= rule.minimumCount;
        break;
      case 'atLeastPercent':
        fires = hits / bag.length >= rule.minimumPercent;
        break;
    }
    if (fires) return true;
  }
  return false;
}

const rule = (
  action: RollupRule['action'],
  condition: RollupRule['conditions'][number]['condition'],
): RollupRule => ({
  childActivitySet: 'all',
  minimumCount: 0,
  minimumPercent: 0,
  conditionCombination: 'any',
  conditions: [{ condition, operator: 'noOp' }],
  action,
});

/** The rules for an action: the activity's own, else the SN defaults (RB.1.2b step 1, RB.1.3b step 1). */
function rulesFor(activity: Activity, action: RollupRule['action']): RollupRule[] {
  const own = activity.sequencing.rollupRules.rules.filter((r) => r.action === action);
  if (own.length > 0) return own;
  const defaults: Record<RollupRule['action'], RollupRule> = {
    satisfied: rule('satisfied', 'satisfied'),
    notSatisfied: rule('notSatisfied', 'objectiveStatusKnown'),
    completed: rule('completed', 'completed'),
    incomplete: rule('incomplete', 'activityProgressKnown'),
  };
  return [defaults[action]];
}

/**
 * RB.1.5 Overall Rollup for one cluster: updates `target` (the cluster's state) in place from its children.
 * Values no rule decides keep what they were, as in the SN (a status only changes when a rule fires).
 */
export function rollupActivity(activity: Activity, target: ActivityState, state: Lookup): void {
  if (activity.children.length === 0) return;
  // RB.1.1
  target.measure = measureRollup(activity, state);
  // RB.1.2a: objective rollup using measure, when the primary objective is satisfied by measure.
  const primary = activity.sequencing.objectives.primary;
  if (primary?.satisfiedByMeasure) {
    target.success =
      target.measure === undefined
        ? 'unknown'
        : target.measure >= primary.minNormalizedMeasure
          ? 'passed'
          : 'failed';
  } else {
    // RB.1.2b: notSatisfied first, then satisfied, so a satisfied rule wins.
    if (ruleFires(activity, rulesFor(activity, 'notSatisfied'), state)) target.success = 'failed';
    if (ruleFires(activity, rulesFor(activity, 'satisfied'), state)) target.success = 'passed';
  }
  // RB.1.3b: incomplete first, then completed.
  if (ruleFires(activity, rulesFor(activity, 'incomplete'), state)) target.completion = 'incomplete';
  if (ruleFires(activity, rulesFor(activity, 'completed'), state)) target.completion = 'completed';
  // Progress measure: the progressWeight-weighted average (4th ed. RB.1.3a), when any child reports one.
  let weightSum = 0;
  let progress = 0;
  let anyProgress = false;
  for (const child of activity.children) {
    if (!child.sequencing.deliveryControls.tracked) continue;
    const w = child.item?.completionThreshold?.progressWeight ?? 1;
    weightSum += w;
    const cs = state(child);
    const p = cs.progressMeasure ?? (cs.completion === 'completed' ? 1 : undefined);
    if (p !== undefined) {
      anyProgress = true;
      progress += p * w;
    }
  }
  target.progressMeasure = anyProgress && weightSum > 0 ? progress / weightSum : undefined;
}
