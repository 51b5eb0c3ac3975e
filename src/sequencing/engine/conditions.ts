// Condition evaluation (sequencing.md §1.7, §0): UP.2 / UP.2.1 sequencing rules, RB.1.4.1's rollup
// conditions, UP.1 limit conditions and UP.5. Everything is three-valued: an unknown condition stays
// unknown through `not`, and only `true` fires a rule.
import type {
  PreConditionAction,
  RollupConditionName,
  RuleCondition,
  SequencingRule,
} from '../../package/types.js';
import {
  type Activity,
  type Objective,
  PassMemo,
  type Seq,
  type Tri,
  primary,
  read,
  tracked,
} from './tracking.js';

export const not = (v: Tri): Tri => (v === undefined ? undefined : !v);

/** AND(bag): false if any false, else unknown if any unknown, else true; OR the dual (§0). */
export function and(bag: Tri[]): Tri {
  if (bag.includes(false)) return false;
  return bag.includes(undefined) ? undefined : true;
}
export function or(bag: Tri[]): Tri {
  if (bag.includes(true)) return true;
  return bag.includes(undefined) ? undefined : false;
}

/** §1.5: the parent's useCurrentAttempt*Info makes data of an earlier parent attempt count as unknown. */
function fresh(a: Activity, o: Objective, progress: boolean): boolean {
  const p = a.parent;
  if (!p) return true;
  const cm = p.def.controlMode;
  if (!(progress ? cm.useCurrentAttemptProgressInfo : cm.useCurrentAttemptObjectiveInfo)) return true;
  return (progress ? o.pstamp : o.stamp) >= p.attemptCount;
}

/** Satisfaction as read (§1.4): a non-primary objective with satisfiedByMeasure takes it from its measure. */
export function satisfiedOf(seq: Seq, a: Activity, o: Objective): Tri {
  if (o.def.satisfiedByMeasure && o !== primary(a)) {
    const m = read(seq, o, 'normalizedMeasure', fresh(a, o, false));
    return m === undefined ? undefined : m >= o.def.minNormalizedMeasure;
  }
  return read(seq, o, 'satisfied', fresh(a, o, false));
}
export const measureOf = (seq: Seq, a: Activity, o: Objective): number | undefined =>
  read(seq, o, 'normalizedMeasure', fresh(a, o, false));
export const completedOf = (seq: Seq, a: Activity, o: Objective): Tri =>
  read(seq, o, 'completed', fresh(a, o, true));
export const progressOf = (seq: Seq, a: Activity, o: Objective): number | undefined =>
  read(seq, o, 'progressMeasure', fresh(a, o, true));

/**
 * attemptLimitExceeded (§1.7, UP.1 3). ▲ A limit of 0 allows no attempt at all, before any attempt too (the
 * reference implementation: such an activity is never delivered nor selectable).
 */
export function attemptLimitExceeded(a: Activity): boolean {
  const limit = a.def.limitConditions.attemptLimit;
  return limit !== undefined && (limit === 0 || (a.attempted && a.attemptCount >= limit));
}

/** An ISO 8601 duration (xs:duration) in seconds; undefined when unreadable. */
export function durationSeconds(text: string | undefined): number | undefined {
  if (!text) return undefined;
  const m = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(
    text.trim(),
  );
  if (!m || text.trim() === 'P' || text.trim().endsWith('T')) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1).map((x) => Number(x ?? 0));
  return (((y! * 365 + mo! * 30 + d!) * 24 + h!) * 60 + mi!) * 60 + s!;
}

/**
 * timeLimitExceeded (UP.1 4-7). A static player does not observe time outside the content's sessions, so
 * ▲ absolute durations are taken as the experienced ones (the time the content ran, cmi.total_time).
 */
export function timeLimitExceeded(a: Activity): boolean {
  const lc = a.def.limitConditions;
  const over = (limit: string | undefined, value: number): boolean => {
    const s = durationSeconds(limit);
    return s !== undefined && a.attempted && value >= s;
  };
  return (
    over(lc.attemptAbsoluteDurationLimit, a.attemptSeconds) ||
    over(lc.attemptExperiencedDurationLimit, a.attemptSeconds) ||
    over(lc.activityAbsoluteDurationLimit, a.activitySeconds) ||
    over(lc.activityExperiencedDurationLimit, a.activitySeconds)
  );
}

/** outsideAvailableTimeRange (UP.1 8-9): now before beginTimeLimit or after endTimeLimit. */
export function outsideTimeRange(a: Activity): boolean {
  const lc = a.def.limitConditions;
  if (!lc.beginTimeLimit && !lc.endTimeLimit) return false;
  const now = Date.now();
  const begin = lc.beginTimeLimit ? Date.parse(lc.beginTimeLimit) : NaN;
  const end = lc.endTimeLimit ? Date.parse(lc.endTimeLimit) : NaN;
  return now < begin || now > end;
}

function objectiveById(a: Activity, id: string): Objective | undefined {
  for (const o of a.objectives) if (o.def.objectiveID === id) return o;
  return undefined;
}

/** One condition's value for `a` (§1.7); a referenced objective that does not exist is unknown. */
function evaluate(seq: Seq, a: Activity, c: RuleCondition | RollupCondition): Tri {
  const ref = (c as RuleCondition).referencedObjective;
  const o = ref === undefined ? primary(a) : objectiveById(a, ref);
  switch (c.condition) {
    case 'always':
      return true;
    case 'attempted':
      return a.attemptCount > 0;
    case 'attemptLimitExceeded':
      // ▲ Decision: a suspended attempt is not over, and resuming it is not a new attempt (DB.2 5.1), so
      // its limit is not yet exceeded, as UP.1 2 says for the limit check itself. Read literally, a
      // "disabled if attemptLimitExceeded" rule would make resumeAll fail (DB.1.1-3) for every
      // attempt-limited activity the learner suspended, e.g. the golf pre-test with attemptLimit=1.
      return !a.suspended && attemptLimitExceeded(a);
    case 'timeLimitExceeded':
      return timeLimitExceeded(a);
    case 'outsideAvailableTimeRange':
      return outsideTimeRange(a);
  }
  if (!o) return undefined;
  switch (c.condition) {
    case 'satisfied':
      return satisfiedOf(seq, a, o);
    case 'objectiveStatusKnown':
      return satisfiedOf(seq, a, o) !== undefined;
    case 'objectiveMeasureKnown':
      return measureOf(seq, a, o) !== undefined;
    case 'objectiveMeasureGreaterThan':
    case 'objectiveMeasureLessThan': {
      const m = measureOf(seq, a, o);
      const t = (c as RuleCondition).measureThreshold;
      if (m === undefined) return undefined;
      return c.condition === 'objectiveMeasureGreaterThan' ? m > t : m < t;
    }
    case 'completed':
      return completedOf(seq, a, o);
    case 'activityProgressKnown':
      return completedOf(seq, a, o) !== undefined;
  }
}

/** UP.2.1 Sequencing Rule Check Subprocess: no conditions ⇒ unknown (never fires); default `all`. */
export function ruleValue(seq: Seq, a: Activity, rule: SequencingRule<string>): Tri {
  return combine(seq, a, rule.conditions, rule.conditionCombination === 'any');
}

type RollupCondition = { condition: RollupConditionName; operator: string };

/** AND / OR (§0) of the conditions' values, `not` applied, without building the bag. Empty ⇒ unknown. */
function combine(
  seq: Seq,
  a: Activity,
  conditions: readonly (RuleCondition | RollupCondition)[],
  any: boolean,
): Tri {
  if (!conditions.length) return undefined;
  let unknown = false;
  for (const c of conditions) {
    let v = evaluate(seq, a, c);
    if (c.operator === 'not') v = not(v);
    if (v === undefined) unknown = true;
    else if (v === any) return any; // OR: a true decides; AND: a false decides
  }
  return unknown ? undefined : !any;
}

type RuleKind = 'pre' | 'exit' | 'post';
const RULES = { pre: 'preConditionRules', exit: 'exitConditionRules', post: 'postConditionRules' } as const;

/** UP.2 Sequencing Rules Check Process: the first rule (document order) with one of `actions` that is true. */
export function checkRules(
  seq: Seq,
  a: Activity,
  kind: RuleKind,
  actions: readonly string[],
): string | undefined {
  const rules = a.def.sequencingRules[RULES[kind]] as SequencingRule<string>[];
  if (!rules.length) return undefined;
  // Every call site passes a fixed action list: for pre rules its first action tells it apart.
  const memo = passMemo(seq, a);
  const key = kind === 'pre' ? (actions[0] as PreConditionAction) : kind;
  if (memo && memo[key] !== null) return memo[key];
  let result: string | undefined;
  for (const rule of rules) {
    if (actions.includes(rule.action) && ruleValue(seq, a, rule) === true) {
      result = rule.action;
      break;
    }
  }
  if (memo) memo[key] = result;
  return result;
}

/** The activity's cache for the current dry pass (null = not computed yet), or undefined outside one. */
function passMemo(seq: Seq, a: Activity): PassMemo | undefined {
  if (!seq.pass) return undefined;
  const m = (a.memo ??= new PassMemo());
  if (m.pass !== seq.pass) m.reset(seq.pass);
  return m;
}

/** RB.1.4.1 Evaluate Rollup Conditions Subprocess, on the child; empty ⇒ unknown; default `any`. */
export function rollupConditionsValue(
  seq: Seq,
  child: Activity,
  rule: { conditionCombination: 'all' | 'any'; conditions: RollupCondition[] },
): Tri {
  return combine(seq, child, rule.conditions, rule.conditionCombination !== 'all');
}

/** UP.1 Limit Conditions Check Process: only untracked-free, inactive, unsuspended activities are checked. */
export function limitViolated(a: Activity): boolean {
  if (!tracked(a) || a.active || a.suspended) return false;
  return attemptLimitExceeded(a) || timeLimitExceeded(a) || outsideTimeRange(a);
}

/** UP.5 Check Activity Process: true = may not be delivered or entered (disabled or over its limits). */
export function checkActivity(seq: Seq, a: Activity): boolean {
  const memo = passMemo(seq, a);
  if (memo && memo.up5 !== null) return memo.up5;
  const result = checkRules(seq, a, 'pre', ['disabled']) !== undefined || limitViolated(a);
  if (memo) memo.up5 = result;
  return result;
}
