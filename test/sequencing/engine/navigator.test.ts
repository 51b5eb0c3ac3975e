// The SCORM 2004 navigator's data exchange as rows: run-time → tracking (§5.2), tracking → run-time (§5.1),
// global objectives (§1.4 read/write maps, scope), persist/restore of the whole state, and bad data.
import { expect } from '@open-wc/testing';
import { createScorm2004Navigator } from '../../../src/sequencing/scorm2004-navigator.js';
import type { GlobalObjectives, Navigator } from '../../../src/sequencing/navigator.js';
import type {
  ObjectiveMapInfo,
  SequencingDefinition,
  SequencingObjective,
} from '../../../src/package/types.js';
import type { AttemptState } from '../../../src/runtime/types.js';
import { attempt, manifest, type ItemSpec } from '../manifest-builder.js';
import { explain } from '../../../src/sequencing/engine/exceptions.js';

const map = (target: string, flags: Partial<ObjectiveMapInfo> = {}): ObjectiveMapInfo => ({
  targetObjectiveID: target,
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
  ...flags,
});
const objective = (
  id: string | undefined,
  maps: ObjectiveMapInfo[] = [],
  extra: Partial<SequencingObjective> = {},
): SequencingObjective => {
  const o: SequencingObjective = {
    satisfiedByMeasure: false,
    minNormalizedMeasure: 1,
    mapInfo: maps,
    ...extra,
  };
  if (id !== undefined) o.objectiveID = id;
  return o;
};
const withObjectives =
  (primary: SequencingObjective | undefined, ...secondary: SequencingObjective[]) =>
  (s: SequencingDefinition) => {
    if (primary) s.objectives.primary = primary;
    s.objectives.secondary = secondary;
  };

function navOf(items: ItemSpec[], globals?: GlobalObjectives, objectivesGlobalToSystem = true): Navigator {
  const m = manifest('2004-4th', items, { controlMode: { flow: true } });
  m.defaultOrganization.objectivesGlobalToSystem = objectivesGlobalToSystem;
  return createScorm2004Navigator(m, m.defaultOrganization, globals ? { globalObjectives: globals } : {});
}

function withObjectiveData(s: AttemptState, entries: Record<string, string>[]): AttemptState {
  const values: Record<string, string> = {};
  entries.forEach((e, n) => Object.entries(e).forEach(([k, v]) => (values[`cmi.objectives.${n}.${k}`] = v)));
  return { ...s, data: { values, counts: { 'cmi.objectives': entries.length } } };
}

describe('§5.2 run-time → tracking (report)', () => {
  const rows: { id: string; state: AttemptState; expected: Partial<ReturnType<Navigator['status']>> }[] = [
    {
      id: '§5.2 completed/passed/score',
      state: attempt({ completionStatus: 'completed', successStatus: 'passed', scoreScaled: 0.5 }),
      expected: { completion: 'completed', success: 'passed', scoreScaled: 0.5 },
    },
    {
      id: '§5.2 not attempted is a known incomplete',
      state: attempt({ completionStatus: 'not attempted' }),
      expected: { completion: 'incomplete', success: 'unknown' },
    },
    { id: '§5.2 failed', state: attempt({ successStatus: 'failed' }), expected: { success: 'failed' } },
    {
      id: '§5.2 progress measure',
      state: attempt({ progressMeasure: 0.4 }),
      expected: { progressMeasure: 0.4 },
    },
    {
      id: '§5.2 primary entry success wins over an unknown top level',
      state: withObjectiveData(attempt({}), [{ id: 'p', success_status: 'passed', 'score.scaled': '0.2' }]),
      expected: { success: 'passed', scoreScaled: 0.2 },
    },
    {
      id: '§5.2 ▲ a known top-level success wins over the entry (seeded stale from a read map at delivery)',
      state: withObjectiveData(attempt({ successStatus: 'passed' }), [{ id: 'p', success_status: 'failed' }]),
      expected: { success: 'passed' },
    },
    {
      id: '§5.2 a SCO-set top-level score wins over the entry',
      state: withObjectiveData(attempt({ scoreScaled: 0.9 }), [{ id: 'p', 'score.scaled': '0.2' }]),
      expected: { scoreScaled: 0.9 },
    },
  ];
  for (const row of rows) {
    it(row.id, () => {
      const n = navOf([{ id: 'a', seq: withObjectives(objective('p')) }]);
      n.navigate({ type: 'start' });
      n.report('a', { ...row.state, terminated: false }); // a Commit: no end-of-attempt defaults yet
      expect(n.status('a')).to.include(row.expected);
    });
  }
  it('§5.2 Terminate with nothing reported: the UP.4 defaults show at once; not with cmi.exit suspend', () => {
    const n = navOf([{ id: 'a' }, { id: 'b' }]);
    n.navigate({ type: 'start' });
    n.report('a', attempt({ exit: 'suspend' }));
    expect(n.status('a')).to.include({ completion: 'incomplete', success: 'unknown' });
    n.report('a', attempt({ terminated: true }));
    expect(n.status('a')).to.include({ completion: 'completed', success: 'passed' });
  });
  it('§5.2 reports for an activity that is not current are ignored', () => {
    const n = navOf([{ id: 'a' }, { id: 'b' }]);
    n.navigate({ type: 'start' });
    n.report('b', attempt({ completionStatus: 'completed' }));
    expect(n.status('b').completion).to.equal('not attempted');
  });
  it('§5.2 cmi.objectives entries land on the objective with that ID; unknown IDs are ignored', () => {
    const n = navOf([
      {
        id: 'a',
        seq: withObjectives(
          objective('p'),
          objective('o2', [map('g2', { writeSatisfiedStatus: true, writeRawScore: true })]),
        ),
      },
    ]);
    n.navigate({ type: 'start' });
    n.report(
      'a',
      withObjectiveData(attempt(), [
        { id: 'o2', success_status: 'failed', 'score.raw': '7' },
        { id: 'nope', success_status: 'passed' },
      ]),
    );
    expect(n.globalObjectives()).to.deep.equal({ g2: { satisfied: false, scoreRaw: 7 } });
    expect(n.deliveryData('a').objectives).to.deep.include({
      id: 'o2',
      successStatus: 'failed',
      scoreRaw: 7,
    });
  });
  it('DB.2 8 an untracked activity records nothing from the content', () => {
    const n = navOf([{ id: 'a', seq: (s) => (s.deliveryControls.tracked = false) }]);
    n.navigate({ type: 'start' });
    n.report('a', attempt({ completionStatus: 'completed' }));
    expect(n.status('a').completion).to.equal('not attempted');
  });
});

describe('§5.1 tracking → run-time (deliveryData)', () => {
  it('seeds every objective with an ID from tracking and read maps; an ID-less primary is not exposed', () => {
    const n = navOf(
      [{ id: 'a', seq: withObjectives(undefined, objective('o1', [map('g1')]), objective('o2')) }],
      {
        g1: {
          satisfied: true,
          normalizedMeasure: 0.75,
          completed: true,
          progressMeasure: 0.5,
          scoreRaw: 3,
          scoreMin: 0,
          scoreMax: 4,
        },
      },
    );
    expect(n.navigate({ type: 'start' })).to.deep.equal({ kind: 'deliver', itemId: 'a', newAttempt: true });
    expect(n.deliveryData('a')).to.deep.equal({
      newAttempt: true,
      objectives: [
        {
          id: 'o1',
          successStatus: 'passed',
          completionStatus: 'completed',
          scoreScaled: 0.75,
          scoreRaw: 3,
          scoreMin: 0,
          scoreMax: 4,
          progressMeasure: 0.5,
        },
        { id: 'o2' },
      ],
    });
  });
  it('a resumed attempt is not new', () => {
    const n = navOf([{ id: 'a' }, { id: 'b' }]);
    n.navigate({ type: 'start' });
    n.report('a', attempt({ exit: 'suspend' }));
    n.navigate({ type: 'suspendAll' });
    expect(n.navigate({ type: 'resumeAll' })).to.deep.equal({
      kind: 'deliver',
      itemId: 'a',
      newAttempt: false,
    });
    expect(n.deliveryData('a').newAttempt).to.equal(false);
  });
});

describe('§1.4 global objectives', () => {
  it('write maps copy satisfaction and measure; readers roll up (rollup reach)', () => {
    const n = navOf([
      {
        id: 'a',
        seq: withObjectives(
          objective('pa', [map('g', { writeSatisfiedStatus: true, writeNormalizedMeasure: true })]),
        ),
      },
      { id: 'm', children: [{ id: 'b', seq: withObjectives(objective('pb', [map('g')])) }] },
    ]);
    n.navigate({ type: 'start' });
    n.report('a', attempt({ successStatus: 'passed', scoreScaled: 0.6 }));
    expect(n.globalObjectives()).to.deep.equal({ g: { satisfied: true, normalizedMeasure: 0.6 } });
    expect(n.status('b')).to.include({ success: 'passed', scoreScaled: 0.6 });
    expect(n.status('m')).to.include({ success: 'passed' });
  });
  it('4th Ed. completion/progress maps on the primary carry the activity completion', () => {
    const n = navOf([
      {
        id: 'a',
        seq: withObjectives(
          objective('pa', [
            map('g', { readSatisfiedStatus: false, writeCompletionStatus: true, writeProgressMeasure: true }),
          ]),
        ),
      },
    ]);
    n.navigate({ type: 'start' });
    n.report('a', attempt({ completionStatus: 'incomplete', progressMeasure: 0.3 }));
    expect(n.globalObjectives()).to.deep.equal({ g: { completed: false, progressMeasure: 0.3 } });
  });
  it('a change to unknown clears the global (▲ reference implementation); untouched defaults write nothing', () => {
    const n = navOf([
      {
        id: 'a',
        seq: withObjectives(
          objective('pa', [map('g', { readSatisfiedStatus: false, writeSatisfiedStatus: true })]),
        ),
      },
    ]);
    n.navigate({ type: 'start' });
    expect(n.globalObjectives()).to.deep.equal({});
    n.report('a', attempt({ successStatus: 'passed', terminated: false }));
    n.report('a', attempt({ successStatus: 'unknown', terminated: false }));
    expect(n.globalObjectives()).to.deep.equal({ g: {} });
  });
  it('two writers of one global: the later write wins', () => {
    const w = (id: string) => ({
      id,
      seq: withObjectives(
        objective(`p${id}`, [map('g', { readSatisfiedStatus: false, writeSatisfiedStatus: true })]),
      ),
    });
    const n = navOf([w('a'), w('b')]);
    n.navigate({ type: 'start' });
    n.report('a', attempt({ successStatus: 'passed' }));
    n.navigate({ type: 'continue' });
    n.report('b', attempt({ successStatus: 'failed' }));
    expect(n.globalObjectives()['g']!.satisfied).to.equal(false);
  });
  it('scope: objectivesGlobalToSystem=false ⇒ course scope, cleared when the root is retried', () => {
    const n = navOf(
      [{ id: 'a', seq: withObjectives(objective('pa', [map('g', { writeSatisfiedStatus: true })])) }],
      { g: { satisfied: true } },
      false,
    );
    expect(n.globalObjectiveScope).to.equal('course');
    n.navigate({ type: 'start' });
    n.navigate({ type: 'exitAll' });
    expect(n.globalObjectives()['g']!.satisfied).to.equal(true);
    n.navigate({ type: 'start' });
    expect(n.globalObjectives()).to.deep.equal({});
  });
  it('system scope by default; stored globals with bad fields are cleaned', () => {
    const n = navOf([{ id: 'a' }], { g: { satisfied: 'yes', normalizedMeasure: 0.5 } as never });
    expect(n.globalObjectiveScope).to.equal('system');
    expect(n.globalObjectives()).to.deep.equal({ g: { normalizedMeasure: 0.5 } });
  });
});

describe('persist / restore', () => {
  it('keeps attempt counts, durations, statuses, suspension and the randomised order', () => {
    const items: ItemSpec[] = [
      {
        id: 'm',
        children: [{ id: 'a' }, { id: 'b' }, { id: 'c' }],
        controlMode: { flow: true },
        seq: (s) =>
          Object.assign(s.randomizationControls, { randomizationTiming: 'once', reorderChildren: true }),
      },
    ];
    const m = manifest('2004-4th', items, { controlMode: { flow: true } });
    const n = createScorm2004Navigator(m, m.defaultOrganization, { random: () => 0 });
    const first = n.navigate({ type: 'start' });
    n.report(
      (first as { itemId: string }).itemId,
      attempt({ completionStatus: 'incomplete', exit: 'suspend', totalSeconds: 42 }),
    );
    n.navigate({ type: 'suspendAll' });
    const saved = JSON.parse(JSON.stringify(n.persist())) as unknown;
    const r = createScorm2004Navigator(m, m.defaultOrganization, { restore: saved, random: () => 0.99 });
    expect(r.snapshot().activities.get('m')!.children).to.deep.equal(
      n.snapshot().activities.get('m')!.children,
    );
    expect(r.snapshot().requests.resumeAll).to.equal(true);
    expect(r.persist()).to.deep.equal(n.persist());
    expect(r.navigate({ type: 'resumeAll' })).to.deep.equal(
      first.kind === 'deliver' ? { ...first, newAttempt: false } : first,
    );
  });
  const bad: [string, unknown][] = [
    ['not an object', 'x'],
    ['wrong version', { v: 2, a: {} }],
    ['garbage fields', { v: 1, a: { org: { f: 'x', n: 'y', o: [null, 3] }, a: 7 }, cur: 5, sus: 'nope' }],
    ['children from elsewhere', { v: 1, a: { org: { f: 0, n: 0, t: 0, T: 0, o: [], c: ['zz'] } } }],
  ];
  for (const [id, input] of bad) {
    it(`unreadable input is ignored: ${id}`, () => {
      const m = manifest('2004-4th', [{ id: 'a' }, { id: 'b' }], { controlMode: { flow: true } });
      const n = createScorm2004Navigator(m, m.defaultOrganization, { restore: input });
      expect(n.navigate({ type: 'start' })).to.deep.equal({ kind: 'deliver', itemId: 'a', newAttempt: true });
    });
  }
});

describe('bad sequencing data: defined behaviour, never an exception', () => {
  it('a rule naming a missing objective is unknown; a map to nowhere creates an unknown global', () => {
    const n = navOf([
      {
        id: 'a',
        seq: (s) =>
          s.sequencingRules.preConditionRules.push({
            conditionCombination: 'all',
            action: 'disabled',
            conditions: [
              {
                condition: 'satisfied',
                operator: 'not',
                referencedObjective: 'missing',
                measureThreshold: 0,
              },
            ],
          }),
      },
      { id: 'b', seq: withObjectives(objective('pb', [map('nowhere')])) },
    ]);
    expect(n.navigate({ type: 'start' })).to.deep.equal({ kind: 'deliver', itemId: 'a', newAttempt: true });
    expect(n.navigate({ type: 'continue' })).to.deep.equal({
      kind: 'deliver',
      itemId: 'b',
      newAttempt: true,
    });
    expect(n.status('b').success).to.equal('unknown');
  });
  it('requests for missing targets and unknown kinds are refused with a sentence', () => {
    const n = navOf([{ id: 'a' }]);
    expect(n.navigate({ type: 'choice', target: 'zz' })).to.deep.equal({
      kind: 'invalid',
      exception: 'NB.2.1-11',
      reason: explain('NB.2.1-11'),
    });
    expect(n.navigate({ type: 'bogus' } as never)).to.include({ kind: 'invalid', exception: 'NB.2.1-13' });
    expect(explain('XX-1')).to.contain('XX-1');
  });
});
