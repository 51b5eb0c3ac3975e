// Sequencing rule checks (SN UP.2 Sequencing Rules Check Process / UP.2.1 Rule Check Subprocess) for the
// pre-condition actions this navigator honours: disabled, skip, hiddenFromChoice, stopForwardTraversal.
// Conditions are evaluated against the activity's attempt progress and the objective they reference: the
// primary one, or another objective whose status the caller resolves (objectiveState: a read from a
// global objective, SN 4.2.x mapInfo).
import type { PreConditionAction, RuleCondition, RuleConditionName } from '../package/types.js';
import type { Activity } from './activity-tree.js';
import type { ActivityState } from './activity-state.js';

/** The state to test a condition against: the activity's own, or that of a referenced objective. */
export type ObjectiveLookup = (activity: Activity, referencedObjective: string | undefined) => ActivityState;

/**
 * The value of one condition for an activity's state, before its operator (UP.2.1 and, for the subset that
 * rollup rules use, RB.1.4.1).
 */
export function conditionValue(
  condition: RuleConditionName,
  activity: Activity,
  s: ActivityState,
  measureThreshold = 0,
): boolean {
  switch (condition) {
    case 'satisfied':
      return s.success === 'passed';
    case 'objectiveStatusKnown':
      return s.success !== 'unknown';
    case 'objectiveMeasureKnown':
      return s.measure !== undefined;
    case 'objectiveMeasureGreaterThan':
      return s.measure !== undefined && s.measure > measureThreshold;
    case 'objectiveMeasureLessThan':
      return s.measure !== undefined && s.measure < measureThreshold;
    case 'completed':
      return s.completion === 'completed';
    case 'activityProgressKnown':
      return s.completion !== 'unknown';
    case 'attempted':
      return s.attemptCount > 0;
    case 'attemptLimitExceeded': {
      const limit = activity.sequencing.limitConditions.attemptLimit;
      return limit !== undefined && limit > 0 && s.attemptCount >= limit;
    }
    case 'always':
      return true;
    default:
      // timeLimitExceeded, outsideAvailableTimeRange: not tracked here.
      return false;
  }
}

function conditionHolds(c: RuleCondition, activity: Activity, lookup: ObjectiveLookup): boolean {
  const v = conditionValue(
    c.condition,
    activity,
    lookup(activity, c.referencedObjective),
    c.measureThreshold,
  );
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
