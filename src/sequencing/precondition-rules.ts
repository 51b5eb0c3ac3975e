// Sequencing rule checks (SN UP.2 Sequencing Rules Check Process / UP.2.1 Rule Check Subprocess) for the
// pre-condition actions this navigator honours: disabled, skip, hiddenFromChoice, stopForwardTraversal.
// Conditions are evaluated against the activity's attempt progress and the objective they reference: the
// primary one, or another objective whose status the caller resolves (objectiveState: a read from a
// global objective, SN 4.2.x mapInfo).
import type { PreConditionAction, RuleCondition } from '../package/types.js';
import type { Activity } from './activity-tree.js';
import type { ActivityState } from './activity-state.js';

/** The state to test a condition against: the activity's own, or that of a referenced objective. */
export type ObjectiveLookup = (activity: Activity, referencedObjective: string | undefined) => ActivityState;

function conditionHolds(c: RuleCondition, activity: Activity, lookup: ObjectiveLookup): boolean {
  const s = lookup(activity, c.referencedObjective);
  let v: boolean;
  switch (c.condition) {
    case 'satisfied':
      v = s.success === 'passed';
      break;
    case 'objectiveStatusKnown':
      v = s.success !== 'unknown';
      break;
    case 'objectiveMeasureKnown':
      v = s.measure !== undefined;
      break;
    case 'objectiveMeasureGreaterThan':
      v = s.measure !== undefined && s.measure > c.measureThreshold;
      break;
    case 'objectiveMeasureLessThan':
      v = s.measure !== undefined && s.measure < c.measureThreshold;
      break;
    case 'completed':
      v = s.completion === 'completed';
      break;
    case 'activityProgressKnown':
      v = s.completion !== 'unknown';
      break;
    case 'attempted':
      v = s.attemptCount > 0;
      break;
    case 'attemptLimitExceeded': {
      const limit = activity.sequencing.limitConditions.attemptLimit;
      v = limit !== undefined && limit > 0 && s.attemptCount >= limit;
      break;
    }
    case 'always':
      v = true;
      break;
    default:
      // timeLimitExceeded, outsideAvailableTimeRange: not tracked here.
      v = false;
  }
  return c.operator === 'not' ? !v : v;
}

/** UP.2: whether a pre-condition rule with this action fires for the activity. */
export function preConditionFires(
  activity: Activity,
  action: PreConditionAction,
  lookup: ObjectiveLookup,
): boolean {
  for (const rule of activity.sequencing.sequencingRules.preConditionRules) {
    if (rule.action !== action || rule.conditions.length === 0) continue;
    const results = rule.conditions.map((c) => conditionHolds(c, activity, lookup));
    if (rule.conditionCombination === 'all' ? results.every(Boolean) : results.some(Boolean)) return true;
  }
  return false;
}
