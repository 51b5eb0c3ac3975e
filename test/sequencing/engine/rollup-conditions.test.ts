// RB.1.x rollup, UP.2/UP.1/UP.5 conditions and SR.1/SR.2 selection as data rows with process ids.
import { expect } from '@open-wc/testing';
import { overallRollup, contributes } from '../../../src/sequencing/engine/rollup.js';
import {
  and,
  checkActivity,
  checkRules,
  durationSeconds,
  not,
  or,
} from '../../../src/sequencing/engine/conditions.js';
import { selectAndRandomize } from '../../../src/sequencing/engine/selection.js';
import { endAttempt } from '../../../src/sequencing/engine/end-attempt.js';
import type { RollupRule, SequencingDefinition } from '../../../src/package/types.js';
import type { ItemSpec } from '../manifest-builder.js';
import { dump, leaves, pick, rule, seqOf, type State } from './rows.js';

describe('§0 tri-state logic', () => {
  const rows: [string, unknown, unknown][] = [
    ['NOT unknown = unknown', not(undefined), undefined],
    ['NOT true', not(true), false],
    ['AND false wins', and([true, undefined, false]), false],
    ['AND unknown', and([true, undefined]), undefined],
    ['AND true', and([true, true]), true],
    ['OR true wins', or([false, undefined, true]), true],
    ['OR unknown', or([false, undefined]), undefined],
    ['OR false', or([false]), false],
  ];
  for (const [id, actual, expected] of rows) it(id, () => expect(actual).to.equal(expected));
});

const rr = (
  action: RollupRule['action'],
  set: RollupRule['childActivitySet'],
  condition: string,
  extra: Partial<RollupRule> = {},
): RollupRule => ({
  childActivitySet: set,
  minimumCount: 0,
  minimumPercent: 0,
  conditionCombination: 'any',
  conditions: [{ condition: condition as never, operator: 'noOp' }],
  action,
  ...extra,
});

interface RollupRow {
  id: string;
  children: ItemSpec[];
  root?: (s: SequencingDefinition) => void;
  state: State;
  /** Where RB.1.5 starts (default the root). */
  from?: string;
  /** The root's primary objective after RB.1.5. */
  expected: { sat?: boolean; done?: boolean; measure?: number; progress?: number };
}

const three = leaves('a', 'b', 'c');
const withSeq = (id: string, f: (s: SequencingDefinition) => void): ItemSpec => ({ id, seq: f });

describe('RB.1.5 Overall Rollup (RB.1.1–RB.1.4.2)', () => {
  const rows: RollupRow[] = [
    {
      id: 'RB.1.2 b D1 all satisfied ⇒ satisfied',
      children: three,
      state: { sat: { a: true, b: true, c: true } },
      expected: { sat: true },
    },
    {
      id: 'RB.1.2 b D2 all known, one failed ⇒ not satisfied',
      children: three,
      state: { sat: { a: true, b: false, c: true } },
      expected: { sat: false },
    },
    {
      id: 'RB.1.2 b any unknown ⇒ unchanged',
      children: three,
      state: { sat: { a: true, b: true, org: false } },
      expected: { sat: false },
    },
    {
      id: 'RB.1.3 b D3 all completed ⇒ completed',
      children: three,
      state: { done: { a: true, b: true, c: true } },
      expected: { done: true },
    },
    {
      id: 'RB.1.3 b D4 all known, one incomplete ⇒ incomplete',
      children: three,
      state: { done: { a: true, b: false, c: true } },
      expected: { done: false },
    },
    {
      id: 'RB.1.1 a weighted measure, unknown adds weight',
      children: three,
      state: { measure: { a: 0.9, b: 0.3 } },
      expected: { measure: 0.4 },
    },
    {
      id: 'RB.1.1 a objectiveMeasureWeight 0 removes a child',
      children: [{ id: 'a' }, withSeq('b', (s) => (s.rollupRules.objectiveMeasureWeight = 0))],
      state: { measure: { a: 0.8, b: 0 } },
      expected: { measure: 0.8 },
    },
    {
      id: 'RB.1.1 a untracked child out',
      children: [{ id: 'a' }, withSeq('b', (s) => (s.deliveryControls.tracked = false))],
      state: { measure: { a: 0.6, b: -1 }, sat: { a: true, b: false } },
      expected: { measure: 0.6, sat: true },
    },
    {
      id: 'RB.1.1 b progress measure rollup',
      children: leaves('a', 'b'),
      state: { progress: { a: 1, b: 0.5 } },
      expected: { progress: 0.75 },
    },
    {
      id: 'RB.1.2 a satisfiedByMeasure on the root',
      children: leaves('a', 'b'),
      root: (s) =>
        (s.objectives.primary = { satisfiedByMeasure: true, minNormalizedMeasure: 0.6, mapInfo: [] }),
      state: { measure: { a: 1, b: 0.4 }, sat: { a: false, b: false } },
      expected: { sat: true, measure: 0.7 },
    },
    {
      id: 'RB.1.3 a completedByMeasure (via completionThreshold on a leaf)',
      children: [
        {
          id: 'a',
          extra: {
            completionThreshold: { completedByMeasure: true, minProgressMeasure: 0.5, progressWeight: 1 },
          },
        },
        { id: 'b' },
      ],
      state: { progress: { a: 0.6 }, done: { a: false, b: true } },
      from: 'a',
      expected: { done: true, progress: 0.3 },
    },
    {
      id: 'RB.1.4 any satisfied',
      children: three,
      root: (s) => (s.rollupRules.rules = [rr('satisfied', 'any', 'satisfied')]),
      state: { sat: { a: true } },
      expected: { sat: true },
    },
    {
      id: 'RB.1.4 none satisfied ⇒ notSatisfied (unknown blocks none)',
      children: three,
      root: (s) => (s.rollupRules.rules = [rr('notSatisfied', 'none', 'satisfied')]),
      state: { sat: { a: false, b: false } },
      expected: {},
    },
    {
      id: 'RB.1.4 none satisfied, all known',
      children: three,
      root: (s) => (s.rollupRules.rules = [rr('notSatisfied', 'none', 'satisfied')]),
      state: { sat: { a: false, b: false, c: false } },
      expected: { sat: false },
    },
    {
      id: 'RB.1.4 atLeastCount 2',
      children: three,
      root: (s) =>
        (s.rollupRules.rules = [rr('completed', 'atLeastCount', 'completed', { minimumCount: 2 })]),
      state: { done: { a: true, c: true } },
      expected: { done: true },
    },
    {
      id: 'RB.1.4 atLeastPercent 0.5 of 3 (1 true) does not fire',
      children: three,
      root: (s) =>
        (s.rollupRules.rules = [rr('completed', 'atLeastPercent', 'completed', { minimumPercent: 0.5 })]),
      state: { done: { a: true } },
      expected: {},
    },
    {
      id: 'RB.1.4 atLeastPercent 0.66 with 2 of 3',
      children: three,
      root: (s) =>
        (s.rollupRules.rules = [rr('completed', 'atLeastPercent', 'completed', { minimumPercent: 0.66 })]),
      state: { done: { a: true, b: true } },
      expected: { done: true },
    },
    {
      id: 'RB.1.4 custom rules replace only their action pair (incomplete via defaults)',
      children: leaves('a', 'b'),
      root: (s) => (s.rollupRules.rules = [rr('satisfied', 'any', 'satisfied')]),
      state: { sat: { a: true }, done: { a: true, b: false } },
      expected: { sat: true, done: false },
    },
    {
      id: 'RB.1.4.2 rollupObjectiveSatisfied=false removes a child from satisfaction rules',
      children: [{ id: 'a' }, withSeq('b', (s) => (s.rollupRules.rollupObjectiveSatisfied = false))],
      state: { sat: { a: true, b: false } },
      expected: { sat: true },
    },
    {
      id: 'RB.1.4.2 rollupProgressCompletion=false removes a child from completion rules',
      children: [{ id: 'a' }, withSeq('b', (s) => (s.rollupRules.rollupProgressCompletion = false))],
      state: { done: { a: true, b: false } },
      expected: { done: true },
    },
    {
      id: 'RB.1.4.2 ifAttempted: an unattempted failed child does not count',
      children: [
        { id: 'a' },
        withSeq('b', (s) =>
          Object.assign(s.rollupConsiderations, {
            requiredForSatisfied: 'ifAttempted',
            requiredForNotSatisfied: 'ifAttempted',
          }),
        ),
      ],
      state: { sat: { a: true, b: false }, count: { a: 1 } },
      expected: { sat: true },
    },
    {
      id: 'RB.1.4.2 ifNotSuspended: a suspended child does not count for completed',
      children: [
        { id: 'a' },
        withSeq('b', (s) =>
          Object.assign(s.rollupConsiderations, {
            requiredForCompleted: 'ifNotSuspended',
            requiredForIncomplete: 'ifNotSuspended',
          }),
        ),
      ],
      state: { done: { a: true, b: false }, count: { a: 1, b: 1 }, suspended: ['b'] },
      expected: { done: true },
    },
    {
      id: 'RB.1.4.2 ifNotSkipped re-runs the skip rules now',
      children: [
        { id: 'a' },
        withSeq('b', (s) => {
          s.rollupConsiderations.requiredForNotSatisfied = 'ifNotSkipped';
          s.rollupConsiderations.requiredForSatisfied = 'ifNotSkipped';
          s.sequencingRules.preConditionRules.push(rule('skip', 'always'));
        }),
      ],
      state: { sat: { a: true, b: false } },
      expected: { sat: true },
    },
    {
      id: 'RB.1.4 empty bag never fires (▲ book)',
      children: [withSeq('a', (s) => (s.deliveryControls.tracked = false))],
      state: { sat: { a: true } },
      expected: {},
    },
  ];
  for (const row of rows) {
    it(row.id, () => {
      const seq = seqOf({ items: row.children, root: row.root ? { seq: row.root } : {} }, row.state);
      overallRollup(seq, row.from ? seq.byId.get(row.from) : seq.root);
      const o = seq.root.objectives[0]!;
      const actual: RollupRow['expected'] = {};
      if (o.satisfied !== undefined) actual.sat = o.satisfied;
      if (o.completed !== undefined) actual.done = o.completed;
      if (o.normalizedMeasure !== undefined) actual.measure = Math.round(o.normalizedMeasure * 1000) / 1000;
      if (o.progressMeasure !== undefined) actual.progress = o.progressMeasure;
      expect(actual).to.deep.equal(row.expected);
    });
  }
  it('RB.1.4.2 considerations are per action: a counts for satisfied but not for notSatisfied', () => {
    const seq = seqOf({
      items: [withSeq('a', (s) => (s.rollupConsiderations.requiredForNotSatisfied = 'ifAttempted'))],
    });
    const a = seq.byId.get('a')!;
    expect([contributes(seq, a, 'satisfied'), contributes(seq, a, 'notSatisfied')]).to.deep.equal([
      true,
      false,
    ]);
  });
  it('§1.5 useCurrentAttemptObjectiveInfo: a child satisfied in an earlier parent attempt counts as unknown', () => {
    const seq = seqOf({ items: leaves('a') }, { count: { org: 2 } });
    seq.byId.get('a')!.objectives[0]!.satisfied = true; // stamp 0 < org attempt 2
    overallRollup(seq, seq.root);
    expect(seq.root.objectives[0]!.satisfied).to.equal(undefined);
  });
});

describe('UP.4 End Attempt defaults', () => {
  const rows: { id: string; spec: ItemSpec; state?: State; expected: Partial<ReturnType<typeof dump>> }[] = [
    {
      id: 'UP.4 1 defaults: completed + satisfied',
      spec: { id: 'a' },
      expected: { sat: { a: true, org: true }, done: { a: true, org: true } },
    },
    {
      id: 'UP.4 1 completionSetByContent keeps completion unknown',
      spec: withSeq('a', (s) => (s.deliveryControls.completionSetByContent = true)),
      expected: { sat: { a: true, org: true }, done: {} },
    },
    {
      id: 'UP.4 1 objectiveSetByContent',
      spec: withSeq('a', (s) => (s.deliveryControls.objectiveSetByContent = true)),
      expected: { sat: {}, done: { a: true, org: true } },
    },
    {
      id: 'UP.4 1 suspended leaf: no defaults',
      spec: { id: 'a' },
      state: { suspended: ['a'] },
      expected: { sat: {}, done: {} },
    },
    {
      id: 'UP.4 1 known values are kept',
      spec: { id: 'a' },
      state: { sat: { a: false } },
      expected: { sat: { a: false, org: false } },
    },
    {
      id: 'UP.4 1 untracked: nothing',
      spec: withSeq('a', (s) => (s.deliveryControls.tracked = false)),
      expected: { sat: {}, done: {} },
    },
  ];
  for (const row of rows) {
    it(row.id, () => {
      const seq = seqOf({ items: [row.spec] }, { active: ['a', 'org'], cur: 'a', ...row.state });
      endAttempt(seq, seq.byId.get('a')!);
      expect(pick(dump(seq), row.expected)).to.deep.equal(row.expected);
    });
  }
});

describe('UP.2 / UP.1 / UP.5 conditions', () => {
  const rows: { id: string; spec: ItemSpec; state?: State; check: 'skip' | 'UP.5'; expected: boolean }[] = [
    {
      id: 'UP.2.1 satisfied unknown ⇒ no fire',
      spec: { id: 'a', pre: [{ action: 'skip', condition: 'satisfied' }] },
      check: 'skip',
      expected: false,
    },
    {
      id: 'UP.2.1 not satisfied, unknown ⇒ no fire',
      spec: { id: 'a', pre: [{ action: 'skip', condition: 'satisfied', not: true }] },
      check: 'skip',
      expected: false,
    },
    {
      id: 'UP.2.1 not satisfied, failed ⇒ fires',
      spec: { id: 'a', pre: [{ action: 'skip', condition: 'satisfied', not: true }] },
      state: { sat: { a: false } },
      check: 'skip',
      expected: true,
    },
    {
      id: 'UP.2.1 attempted',
      spec: { id: 'a', pre: [{ action: 'skip', condition: 'attempted' }] },
      state: { count: { a: 1 } },
      check: 'skip',
      expected: true,
    },
    {
      id: 'UP.2.1 objectiveStatusKnown false is known',
      spec: { id: 'a', pre: [{ action: 'skip', condition: 'objectiveStatusKnown', not: true }] },
      check: 'skip',
      expected: true,
    },
    {
      id: 'UP.2.1 measure greater than (strict)',
      spec: withSeq('a', (s) =>
        s.sequencingRules.preConditionRules.push(
          rule('skip', 'objectiveMeasureGreaterThan', { threshold: 0.5 }),
        ),
      ),
      state: { measure: { a: 0.5 } },
      check: 'skip',
      expected: false,
    },
    {
      id: 'UP.2.1 measure less than',
      spec: withSeq('a', (s) =>
        s.sequencingRules.preConditionRules.push(
          rule('skip', 'objectiveMeasureLessThan', { threshold: 0.5 }),
        ),
      ),
      state: { measure: { a: 0.2 } },
      check: 'skip',
      expected: true,
    },
    {
      id: 'UP.2.1 a referenced objective that does not exist is unknown',
      spec: withSeq('a', (s) =>
        s.sequencingRules.preConditionRules.push(rule('skip', 'satisfied', { objective: 'nope', not: true })),
      ),
      check: 'skip',
      expected: false,
    },
    {
      id: 'UP.2.1 no conditions never fires',
      spec: withSeq('a', (s) =>
        s.sequencingRules.preConditionRules.push({
          conditionCombination: 'all',
          conditions: [],
          action: 'skip',
        }),
      ),
      check: 'skip',
      expected: false,
    },
    {
      id: 'UP.2.1 any combination',
      spec: withSeq('a', (s) =>
        s.sequencingRules.preConditionRules.push({
          conditionCombination: 'any',
          conditions: [rule('skip', 'satisfied').conditions[0]!, rule('skip', 'always').conditions[0]!],
          action: 'skip',
        }),
      ),
      check: 'skip',
      expected: true,
    },
    {
      id: 'UP.1 attemptLimit reached',
      spec: withSeq('a', (s) => (s.limitConditions.attemptLimit = 2)),
      state: { count: { a: 2 } },
      check: 'UP.5',
      expected: true,
    },
    {
      id: 'UP.1 attemptLimit not reached',
      spec: withSeq('a', (s) => (s.limitConditions.attemptLimit = 2)),
      state: { count: { a: 1 } },
      check: 'UP.5',
      expected: false,
    },
    {
      id: 'UP.1 2 an active activity is not checked',
      spec: withSeq('a', (s) => (s.limitConditions.attemptLimit = 1)),
      state: { count: { a: 1 }, active: ['a'] },
      check: 'UP.5',
      expected: false,
    },
    {
      id: 'UP.1 8 beginTimeLimit in the future',
      spec: withSeq('a', (s) => (s.limitConditions.beginTimeLimit = '2999-01-01T00:00:00Z')),
      check: 'UP.5',
      expected: true,
    },
    {
      id: 'UP.5 disabled rule',
      spec: { id: 'a', pre: [{ action: 'disabled', condition: 'always' }] },
      check: 'UP.5',
      expected: true,
    },
  ];
  for (const row of rows) {
    it(row.id, () => {
      const seq = seqOf({ items: [row.spec] }, row.state);
      const a = seq.byId.get('a')!;
      const actual =
        row.check === 'skip' ? checkRules(seq, a, 'pre', ['skip']) !== undefined : checkActivity(seq, a);
      expect(actual).to.equal(row.expected);
    });
  }
  it('durations: xs:duration in seconds', () => {
    expect([
      durationSeconds('PT1H2M3.5S'),
      durationSeconds('P1D'),
      durationSeconds('PT'),
      durationSeconds('x'),
    ]).to.deep.equal([3723.5, 86400, undefined, undefined]);
  });
});

describe('SR.1 / SR.2 selection and randomization', () => {
  const kids = leaves('a', 'b', 'c', 'd');
  const rows: {
    id: string;
    rc: Partial<SequencingDefinition['randomizationControls']>;
    state?: State;
    fresh: boolean;
    expected: string[];
  }[] = [
    { id: 'SR.1 never', rc: { selectCount: 2 }, fresh: true, expected: ['a', 'b', 'c', 'd'] },
    {
      id: 'SR.1 once on a fresh tree: a random subset in manifest order',
      rc: { selectCount: 2, selectionTiming: 'once' },
      fresh: true,
      expected: ['b', 'c'],
    },
    {
      id: 'SR.1 once: not again after an attempt',
      rc: { selectCount: 2, selectionTiming: 'once' },
      state: { count: { m: 1 } },
      fresh: true,
      expected: ['a', 'b', 'c', 'd'],
    },
    {
      id: 'SR.1 selectCount ≥ children ⇒ all',
      rc: { selectCount: 9, selectionTiming: 'once' },
      fresh: true,
      expected: ['a', 'b', 'c', 'd'],
    },
    {
      id: 'SR.2 once reorders',
      rc: { randomizationTiming: 'once', reorderChildren: true },
      fresh: true,
      expected: ['b', 'c', 'd', 'a'],
    },
    {
      id: 'SR.2 reorderChildren=false: no reorder',
      rc: { randomizationTiming: 'once' },
      fresh: true,
      expected: ['a', 'b', 'c', 'd'],
    },
    {
      id: 'SR.2 onEachNewAttempt reorders at attempt end',
      rc: { randomizationTiming: 'onEachNewAttempt', reorderChildren: true },
      state: { count: { m: 1 } },
      fresh: false,
      expected: ['b', 'c', 'd', 'a'],
    },
    {
      id: 'SR.2 2 never on an active cluster',
      rc: { randomizationTiming: 'onEachNewAttempt', reorderChildren: true },
      state: { active: ['m'] },
      fresh: false,
      expected: ['a', 'b', 'c', 'd'],
    },
    {
      id: 'SR.1 onEachNewAttempt + SR.2 on the selected set',
      rc: {
        selectCount: 3,
        selectionTiming: 'onEachNewAttempt',
        randomizationTiming: 'onEachNewAttempt',
        reorderChildren: true,
      },
      fresh: false,
      expected: ['c', 'd', 'b'],
    },
  ];
  for (const row of rows) {
    it(row.id, () => {
      // random() = 0 always takes the first remaining index in the Fisher–Yates walk (deterministic rows).
      const seq = seqOf(
        { items: [{ id: 'm', children: kids, seq: (s) => Object.assign(s.randomizationControls, row.rc) }] },
        row.state,
        () => 0,
      );
      selectAndRandomize(seq, [seq.byId.get('m')!], row.fresh);
      expect(seq.byId.get('m')!.available.map((x) => x.id)).to.deep.equal(row.expected);
      expect(seq.order.map((x) => x.id).filter((id) => id !== 'org' && id !== 'm')).to.deep.equal(
        row.expected,
      );
    });
  }
});
