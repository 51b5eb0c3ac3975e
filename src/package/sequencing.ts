// Reads imsss:sequencing (IMS SS 1.0, SCORM 2004 CAM 5 / SN) and the adlseq extensions into the typed
// SequencingDefinition, with the XSD defaults filled in (scorm-reference E). A definition is built by
// applying, over the defaults, first the sequencingCollection entry named by IDRef and then the local
// element: attributes the local element sets win, elements it does not have come from the collection
// (CAM 5.1.2; the ADL SampleRTE applies them in the same order).
import type {
  ControlMode,
  ObjectiveMapInfo,
  PostConditionAction,
  PreConditionAction,
  RollupConditionName,
  RollupConsideration,
  RollupRule,
  RuleCondition,
  RuleConditionName,
  SelectionTiming,
  SequencingDefinition,
  SequencingObjective,
  SequencingRule,
} from './types.js';
import { attr, children, textOf, type XmlElement } from './xml-tree.js';
import { Ns } from './namespaces.js';

/** Where problems of a sequencing definition are reported. */
export interface SequencingReport {
  /** A value outside its vocabulary or type; the default is used instead. */
  invalid(element: string, attribute: string, value: string): void;
  /** An adlseq:objective whose objectiveID names no imsss objective of the same definition. */
  unknownObjective(objectiveID: string): void;
}

export { defaultSequencing } from './sequencing-defaults.js';

const PRE_ACTIONS: readonly PreConditionAction[] = [
  'skip',
  'disabled',
  'hiddenFromChoice',
  'stopForwardTraversal',
];
const POST_ACTIONS: readonly PostConditionAction[] = [
  'exitParent',
  'exitAll',
  'retry',
  'retryAll',
  'continue',
  'previous',
];
const RULE_CONDITIONS: readonly RuleConditionName[] = [
  'satisfied',
  'objectiveStatusKnown',
  'objectiveMeasureKnown',
  'objectiveMeasureGreaterThan',
  'objectiveMeasureLessThan',
  'completed',
  'activityProgressKnown',
  'attempted',
  'attemptLimitExceeded',
  'timeLimitExceeded',
  'outsideAvailableTimeRange',
  'always',
];
const ROLLUP_CONDITIONS: readonly RollupConditionName[] = [
  'satisfied',
  'objectiveStatusKnown',
  'objectiveMeasureKnown',
  'completed',
  'activityProgressKnown',
  'attempted',
  'attemptLimitExceeded',
  'timeLimitExceeded',
  'outsideAvailableTimeRange',
];
const ROLLUP_ACTIONS: readonly RollupRule['action'][] = [
  'satisfied',
  'notSatisfied',
  'completed',
  'incomplete',
];
const CHILD_SETS: readonly RollupRule['childActivitySet'][] = [
  'all',
  'any',
  'none',
  'atLeastCount',
  'atLeastPercent',
];
const TIMINGS: readonly SelectionTiming[] = ['never', 'once', 'onEachNewAttempt'];
const CONSIDERATIONS: readonly RollupConsideration[] = [
  'always',
  'ifAttempted',
  'ifNotSkipped',
  'ifNotSuspended',
];

/** Applies one imsss:sequencing element over a definition (in place). */
export function applySequencing(def: SequencingDefinition, seq: XmlElement, report: SequencingReport): void {
  const r = new Reader(report);
  let adlseqObjectives: XmlElement | undefined;
  for (const el of children(seq)) {
    if (el.ns === Ns.Imsss) {
      switch (el.local) {
        case 'controlMode':
          readControlMode(def.controlMode, el, r);
          break;
        case 'sequencingRules':
          readSequencingRules(def, el, r);
          break;
        case 'limitConditions': {
          const lc = def.limitConditions;
          const limit = r.int(el, 'attemptLimit');
          // ▲ attemptLimit="0" is kept as a limit of no attempts, as the ADL reference implementation takes
          // it (the activity is never delivered nor selectable; sequencing.md UP.1); some LMSs read it as
          // unlimited, which the SN book does not say.
          if (limit !== undefined && limit >= 0) lc.attemptLimit = limit;
          for (const name of [
            'attemptAbsoluteDurationLimit',
            'attemptExperiencedDurationLimit',
            'activityAbsoluteDurationLimit',
            'activityExperiencedDurationLimit',
            'beginTimeLimit',
            'endTimeLimit',
          ] as const) {
            const v = attr(el, name);
            if (v !== undefined) lc[name] = v;
          }
          break;
        }
        case 'rollupRules':
          readRollupRules(def, el, r);
          break;
        case 'objectives':
          def.objectives = readObjectives(el, r);
          break;
        case 'randomizationControls': {
          const rc = def.randomizationControls;
          rc.randomizationTiming = r.oneOf(el, 'randomizationTiming', TIMINGS, rc.randomizationTiming);
          rc.selectionTiming = r.oneOf(el, 'selectionTiming', TIMINGS, rc.selectionTiming);
          rc.reorderChildren = r.bool(el, 'reorderChildren', rc.reorderChildren);
          const count = r.int(el, 'selectCount');
          if (count !== undefined) rc.selectCount = count;
          break;
        }
        case 'deliveryControls': {
          const dc = def.deliveryControls;
          dc.tracked = r.bool(el, 'tracked', dc.tracked);
          dc.completionSetByContent = r.bool(el, 'completionSetByContent', dc.completionSetByContent);
          dc.objectiveSetByContent = r.bool(el, 'objectiveSetByContent', dc.objectiveSetByContent);
          break;
        }
        default:
          break; // auxiliaryResources: not used by SCORM 2004 (SN 3.1).
      }
    } else if (el.ns === Ns.Adlseq) {
      switch (el.local) {
        case 'constrainedChoiceConsiderations': {
          const cc = def.constrainedChoiceConsiderations;
          cc.preventActivation = r.bool(el, 'preventActivation', cc.preventActivation);
          cc.constrainChoice = r.bool(el, 'constrainChoice', cc.constrainChoice);
          break;
        }
        case 'rollupConsiderations': {
          const rc = def.rollupConsiderations;
          rc.requiredForSatisfied = r.oneOf(
            el,
            'requiredForSatisfied',
            CONSIDERATIONS,
            rc.requiredForSatisfied,
          );
          rc.requiredForNotSatisfied = r.oneOf(
            el,
            'requiredForNotSatisfied',
            CONSIDERATIONS,
            rc.requiredForNotSatisfied,
          );
          rc.requiredForCompleted = r.oneOf(
            el,
            'requiredForCompleted',
            CONSIDERATIONS,
            rc.requiredForCompleted,
          );
          rc.requiredForIncomplete = r.oneOf(
            el,
            'requiredForIncomplete',
            CONSIDERATIONS,
            rc.requiredForIncomplete,
          );
          rc.measureSatisfactionIfActive = r.bool(
            el,
            'measureSatisfactionIfActive',
            rc.measureSatisfactionIfActive,
          );
          break;
        }
        case 'objectives':
          adlseqObjectives = el;
          break;
        default:
          break;
      }
    }
  }
  // adlseq:objectives extend the imsss objectives of the same objectiveID, so they are read last.
  if (adlseqObjectives) readAdlseqObjectives(def, adlseqObjectives, r);
}

function readControlMode(cm: ControlMode, el: XmlElement, r: Reader): void {
  for (const name of [
    'choice',
    'choiceExit',
    'flow',
    'forwardOnly',
    'useCurrentAttemptObjectiveInfo',
    'useCurrentAttemptProgressInfo',
  ] as const) {
    cm[name] = r.bool(el, name, cm[name]);
  }
}

function readSequencingRules(def: SequencingDefinition, el: XmlElement, r: Reader): void {
  const pre: SequencingRule<PreConditionAction>[] = [];
  const exit: SequencingRule<'exit'>[] = [];
  const post: SequencingRule<PostConditionAction>[] = [];
  for (const rule of children(el)) {
    if (rule.ns !== Ns.Imsss) continue;
    if (rule.local === 'preConditionRule') pushRule(pre, rule, PRE_ACTIONS, r);
    else if (rule.local === 'exitConditionRule') pushRule(exit, rule, ['exit'], r);
    else if (rule.local === 'postConditionRule') pushRule(post, rule, POST_ACTIONS, r);
  }
  // Each kind of rule replaces the collection's rules of that kind when present locally.
  if (pre.length) def.sequencingRules.preConditionRules = pre;
  if (exit.length) def.sequencingRules.exitConditionRules = exit;
  if (post.length) def.sequencingRules.postConditionRules = post;
}

function pushRule<A extends string>(
  out: SequencingRule<A>[],
  rule: XmlElement,
  actions: readonly A[],
  r: Reader,
): void {
  let action: A | undefined;
  let conditionCombination: 'all' | 'any' = 'all';
  const conditions: RuleCondition[] = [];
  for (const part of children(rule)) {
    if (part.ns !== Ns.Imsss) continue;
    if (part.local === 'ruleAction') {
      action = r.oneOf<A | undefined>(part, 'action', actions, undefined);
    } else if (part.local === 'ruleConditions') {
      conditionCombination = r.oneOf(part, 'conditionCombination', ['all', 'any'] as const, 'all');
      for (const c of children(part)) {
        if (c.ns !== Ns.Imsss || c.local !== 'ruleCondition') continue;
        const condition = r.oneOf<RuleConditionName | undefined>(c, 'condition', RULE_CONDITIONS, undefined);
        if (condition === undefined) continue;
        const rc: RuleCondition = {
          condition,
          operator: r.oneOf(c, 'operator', ['not', 'noOp'] as const, 'noOp'),
          measureThreshold: r.decimal(c, 'measureThreshold', 0),
        };
        const ref = attr(c, 'referencedObjective');
        if (ref !== undefined) rc.referencedObjective = ref;
        conditions.push(rc);
      }
    }
  }
  if (action !== undefined) out.push({ conditionCombination, conditions, action });
}

function readRollupRules(def: SequencingDefinition, el: XmlElement, r: Reader): void {
  const rr = def.rollupRules;
  rr.rollupObjectiveSatisfied = r.bool(el, 'rollupObjectiveSatisfied', rr.rollupObjectiveSatisfied);
  rr.rollupProgressCompletion = r.bool(el, 'rollupProgressCompletion', rr.rollupProgressCompletion);
  rr.objectiveMeasureWeight = r.decimal(el, 'objectiveMeasureWeight', rr.objectiveMeasureWeight);
  const rules: RollupRule[] = [];
  for (const rule of children(el)) {
    if (rule.ns !== Ns.Imsss || rule.local !== 'rollupRule') continue;
    let action: RollupRule['action'] | undefined;
    let conditionCombination: 'all' | 'any' = 'any'; // imsss XSD: rollupConditions default "any"
    const conditions: RollupRule['conditions'] = [];
    for (const part of children(rule)) {
      if (part.ns !== Ns.Imsss) continue;
      if (part.local === 'rollupAction') {
        action = r.oneOf<RollupRule['action'] | undefined>(part, 'action', ROLLUP_ACTIONS, undefined);
      } else if (part.local === 'rollupConditions') {
        conditionCombination = r.oneOf(part, 'conditionCombination', ['all', 'any'] as const, 'any');
        for (const c of children(part)) {
          if (c.ns !== Ns.Imsss || c.local !== 'rollupCondition') continue;
          const condition = r.oneOf<RollupConditionName | undefined>(
            c,
            'condition',
            ROLLUP_CONDITIONS,
            undefined,
          );
          if (condition === undefined) continue;
          conditions.push({ condition, operator: r.oneOf(c, 'operator', ['not', 'noOp'] as const, 'noOp') });
        }
      }
    }
    if (action === undefined) continue;
    rules.push({
      childActivitySet: r.oneOf(rule, 'childActivitySet', CHILD_SETS, 'all'),
      minimumCount: r.int(rule, 'minimumCount') ?? 0,
      minimumPercent: r.decimal(rule, 'minimumPercent', 0),
      conditionCombination,
      conditions,
      action,
    });
  }
  if (rules.length) rr.rules = rules;
}

function readObjectives(el: XmlElement, r: Reader): SequencingDefinition['objectives'] {
  const result: SequencingDefinition['objectives'] = { secondary: [] };
  for (const o of children(el)) {
    if (o.ns !== Ns.Imsss) continue;
    if (o.local === 'primaryObjective') result.primary = readObjective(o, r);
    else if (o.local === 'objective') result.secondary.push(readObjective(o, r));
  }
  return result;
}

function readObjective(el: XmlElement, r: Reader): SequencingObjective {
  const objective: SequencingObjective = {
    satisfiedByMeasure: r.bool(el, 'satisfiedByMeasure', false),
    minNormalizedMeasure: 1,
    mapInfo: [],
  };
  const id = attr(el, 'objectiveID');
  if (id !== undefined) objective.objectiveID = id;
  for (const c of children(el)) {
    if (c.ns !== Ns.Imsss) continue;
    if (c.local === 'minNormalizedMeasure') {
      const v = Number(textOf(c));
      if (textOf(c) !== '' && Number.isFinite(v) && v >= -1 && v <= 1) objective.minNormalizedMeasure = v;
      else r.invalid('minNormalizedMeasure', '', textOf(c));
    } else if (c.local === 'mapInfo') {
      const target = attr(c, 'targetObjectiveID');
      if (target === undefined) {
        r.invalid('mapInfo', 'targetObjectiveID', '');
        continue;
      }
      objective.mapInfo.push({
        ...defaultMapInfo(target),
        readSatisfiedStatus: r.bool(c, 'readSatisfiedStatus', true),
        readNormalizedMeasure: r.bool(c, 'readNormalizedMeasure', true),
        writeSatisfiedStatus: r.bool(c, 'writeSatisfiedStatus', false),
        writeNormalizedMeasure: r.bool(c, 'writeNormalizedMeasure', false),
      });
    }
  }
  return objective;
}

/** A map with the XSD defaults: reads true, writes false (imsss and adlseq alike; ADL SeqObjectiveMap). */
function defaultMapInfo(targetObjectiveID: string): ObjectiveMapInfo {
  return {
    targetObjectiveID,
    readSatisfiedStatus: true,
    readNormalizedMeasure: true,
    writeSatisfiedStatus: false,
    writeNormalizedMeasure: false,
    readRawScore: true,
    readMinScore: true,
    readMaxScore: true,
    readCompletionStatus: true,
    readProgressMeasure: true,
    writeRawScore: false,
    writeMinScore: false,
    writeMaxScore: false,
    writeCompletionStatus: false,
    writeProgressMeasure: false,
  };
}

const ADLSEQ_MAP_FLAGS = [
  'readRawScore',
  'readMinScore',
  'readMaxScore',
  'readCompletionStatus',
  'readProgressMeasure',
  'writeRawScore',
  'writeMinScore',
  'writeMaxScore',
  'writeCompletionStatus',
  'writeProgressMeasure',
] as const;

/**
 * adlseq:objectives (SCORM 2004 4th Ed. CAM 5.2): each adlseq:objective names an imsss objective by
 * objectiveID; its mapInfo sets the extended read/write flags on the imsss map with the same target,
 * or adds a map for that target.
 */
function readAdlseqObjectives(def: SequencingDefinition, el: XmlElement, r: Reader): void {
  const all = [...(def.objectives.primary ? [def.objectives.primary] : []), ...def.objectives.secondary];
  for (const o of children(el)) {
    if (o.ns !== Ns.Adlseq || o.local !== 'objective') continue;
    const id = attr(o, 'objectiveID');
    const target = all.find((x) => x.objectiveID === id);
    if (target === undefined) {
      r.unknownAdlseqObjective(id ?? '');
      continue;
    }
    for (const m of children(o)) {
      if (m.ns !== Ns.Adlseq || m.local !== 'mapInfo') continue;
      const targetId = attr(m, 'targetObjectiveID');
      if (targetId === undefined) continue;
      let map = target.mapInfo.find((x) => x.targetObjectiveID === targetId);
      if (map === undefined) {
        // No imsss map to this target: the imsss flags must not read or write satisfaction or measure.
        map = {
          ...defaultMapInfo(targetId),
          readSatisfiedStatus: false,
          readNormalizedMeasure: false,
        };
        target.mapInfo.push(map);
      }
      for (const flag of ADLSEQ_MAP_FLAGS) map[flag] = r.bool(m, flag, map[flag]);
    }
  }
}

class Reader {
  constructor(private readonly report: SequencingReport) {}

  invalid(element: string, attribute: string, value: string): void {
    this.report.invalid(element, attribute, value);
  }

  unknownAdlseqObjective(id: string): void {
    this.report.unknownObjective(id);
  }

  bool(el: XmlElement, name: string, fallback: boolean): boolean {
    const v = attr(el, name);
    if (v === undefined) return fallback;
    // xs:boolean: true, false, 1, 0 (XML Schema 2, 3.2.2).
    if (v === 'true' || v === '1') return true;
    if (v === 'false' || v === '0') return false;
    this.invalid(el.local, name, v);
    return fallback;
  }

  decimal(el: XmlElement, name: string, fallback: number): number {
    const v = attr(el, name);
    if (v === undefined) return fallback;
    const n = Number(v);
    if (v.trim() === '' || !Number.isFinite(n)) {
      this.invalid(el.local, name, v);
      return fallback;
    }
    return n;
  }

  int(el: XmlElement, name: string): number | undefined {
    const v = attr(el, name);
    if (v === undefined) return undefined;
    if (!/^\s*\+?\d+\s*$/.test(v)) {
      this.invalid(el.local, name, v);
      return undefined;
    }
    return Number(v);
  }

  oneOf<T>(el: XmlElement, name: string, values: readonly NonNullable<T>[] | readonly T[], fallback: T): T {
    const v = attr(el, name);
    if (v === undefined) return fallback;
    if ((values as readonly unknown[]).includes(v)) return v as T;
    this.invalid(el.local, name, v);
    return fallback;
  }
}
