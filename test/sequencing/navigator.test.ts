import { expect } from '@open-wc/testing';
import { createNavigator } from '../../src/sequencing/index.js';
import type { NavRequest } from '../../src/sequencing/index.js';
import type {
  LegacyNavigator as Navigator,
  LegacyNavOutcome as NavOutcome,
} from '../../src/sequencing/simple-navigator.js';
import type { Manifest } from '../../src/package/types.js';
import { attempt, manifest, type ItemSpec } from './manifest-builder.js';

const nav = (m: Manifest, restore?: unknown): Navigator =>
  createNavigator(m, m.defaultOrganization, restore === undefined ? {} : { restore });
const start = (n: Navigator): NavOutcome => n.navigate({ type: 'start' });
const C: NavRequest = { type: 'continue' };
const P: NavRequest = { type: 'previous' };
const choice = (target: string): NavRequest => ({ type: 'choice', target });

const linear: ItemSpec[] = [
  { id: 'm1', children: [{ id: 'a' }, { id: 'b' }] },
  { id: 'm2', children: [{ id: 'c' }, { id: 'd' }] },
];

describe('navigator: SCORM 2004 flow', () => {
  it('start flows to the first leaf; continue and previous walk the tree order; continue past the end ends', () => {
    // Flow is off on clusters by default: this one cannot flow into m1 and falls back to a choice.
    const n = nav(manifest('2004-4th', linear, { controlMode: { flow: true } }));
    const m = manifest(
      '2004-4th',
      linear.map((s) => ({ ...s, controlMode: { flow: true } })),
      { controlMode: { flow: true } },
    );
    const f = nav(m);
    expect(start(f)).to.deep.equal({ kind: 'deliver', itemId: 'a' });
    expect(f.currentItemId).to.equal('a');
    expect(f.canNavigate(P)).to.equal(false);
    const seen = ['a'];
    for (let i = 0; i < 3; i++) {
      const o = f.navigate(C);
      expect(o.kind).to.equal('deliver');
      seen.push((o as { itemId: string }).itemId);
    }
    expect(seen).to.deep.equal(['a', 'b', 'c', 'd']);
    expect(f.navigate(P)).to.deep.equal({ kind: 'deliver', itemId: 'c' });
    expect(f.navigate(C)).to.deep.equal({ kind: 'deliver', itemId: 'd' });
    expect(f.navigate(C)).to.deep.equal({ kind: 'end', reason: 'nothing-to-deliver' });
    expect(f.currentItemId).to.equal(undefined);
    // The first navigator (flow only on the root, clusters without flow) cannot flow into m1.
    expect(start(n).kind).to.equal('deliver');
  });

  it('continue is invalid when the parent has no flow (the default control mode)', () => {
    const m = manifest('2004-4th', [{ id: 'a' }, { id: 'b' }]);
    const n = nav(m);
    // SB.2.5 delivers nothing with flow off; the navigator falls back to the first choosable item.
    expect(start(n)).to.deep.equal({ kind: 'deliver', itemId: 'a' });
    expect(n.canNavigate(C)).to.equal(false);
    expect(n.isRequestValid('continue')).to.equal(false);
    expect(n.isRequestValid('choice', 'b')).to.equal(true);
  });

  it('forwardOnly forbids previous and backward choice', () => {
    const m = manifest('2004-4th', [{ id: 'a' }, { id: 'b' }, { id: 'c' }], {
      controlMode: { flow: true, forwardOnly: true },
    });
    const n = nav(m);
    start(n);
    n.navigate(C);
    expect(n.currentItemId).to.equal('b');
    expect(n.canNavigate(P)).to.equal(false);
    expect(n.canNavigate(choice('a'))).to.equal(false);
    expect(n.canNavigate(choice('c'))).to.equal(true);
    expect(n.isRequestValid('previous')).to.equal(false);
  });

  it('choice=false on a parent forbids choosing its children', () => {
    const m = manifest('2004-4th', [
      { id: 'm1', controlMode: { choice: false, flow: true }, children: [{ id: 'a' }, { id: 'b' }] },
      { id: 'c' },
    ]);
    const n = nav(m);
    expect(n.canNavigate(choice('c'))).to.equal(true);
    expect(n.canNavigate(choice('b'))).to.equal(false);
    // Choosing the cluster itself is allowed (its parent, the root, allows choice) and flows into it.
    expect(n.navigate(choice('m1'))).to.deep.equal({ kind: 'deliver', itemId: 'a' });
  });

  it('choiceExit=false keeps the learner inside the activity until it ends', () => {
    const m = manifest('2004-4th', [
      { id: 'm1', controlMode: { choiceExit: false }, children: [{ id: 'a' }, { id: 'b' }] },
      { id: 'c' },
    ]);
    const n = nav(m);
    n.navigate(choice('a'));
    expect(n.canNavigate(choice('b'))).to.equal(true);
    expect(n.canNavigate(choice('c'))).to.equal(false);
    n.navigate({ type: 'exit' });
    expect(n.canNavigate(choice('c'))).to.equal(true);
  });

  it('pre-condition rules: disabled, skip, hiddenFromChoice', () => {
    const m = manifest(
      '2004-4th',
      [
        { id: 'a' },
        { id: 'b', pre: [{ action: 'skip', condition: 'always' }] },
        { id: 'c' },
        { id: 'd', pre: [{ action: 'disabled', condition: 'completed', not: true }] },
        { id: 'e', pre: [{ action: 'hiddenFromChoice', condition: 'satisfied', not: true }] },
      ],
      { controlMode: { flow: true } },
    );
    const n = nav(m);
    start(n);
    expect(n.navigate(C)).to.deep.equal({ kind: 'deliver', itemId: 'c' });
    expect(n.canNavigate(C)).to.equal(false); // d is disabled until completed
    expect(n.canNavigate(choice('d'))).to.equal(false);
    expect(n.isHidden('e')).to.equal(true);
    expect(n.canNavigate(choice('e'))).to.equal(false);
    n.report('d', attempt({ completionStatus: 'completed', successStatus: 'passed' }));
    expect(n.canNavigate(choice('d'))).to.equal(true);
    n.report('e', attempt({ completionStatus: 'completed', successStatus: 'passed' }));
    expect(n.isHidden('e')).to.equal(false);
  });

  it('an invisible wrapper leaves the menu but its children stay; hiddenFromChoice hides the branch', () => {
    const m = manifest(
      '2004-3rd',
      [
        { id: 'wrapper', visible: false, children: [{ id: 'a' }, { id: 'b' }] },
        {
          id: 'secret',
          pre: [{ action: 'hiddenFromChoice', condition: 'always' }],
          children: [{ id: 'c' }],
        },
      ],
      { controlMode: { flow: true } },
    );
    const n = nav(m);
    expect(n.isHidden('wrapper')).to.equal(true);
    expect([n.isHidden('a'), n.isHidden('b')]).to.deep.equal([false, false]);
    expect(n.canNavigate(choice('b'))).to.equal(true);
    expect([n.isHidden('secret'), n.isHidden('c')]).to.deep.equal([true, true]);
    expect(n.canNavigate(choice('c'))).to.equal(false);
  });

  it('exit, exitAll, abandonAll, suspendAll and resumeAll', () => {
    const m = manifest('2004-4th', [{ id: 'a' }, { id: 'b' }], { controlMode: { flow: true } });
    const n = nav(m);
    expect(n.canNavigate({ type: 'exitAll' })).to.equal(false);
    start(n);
    n.navigate(C);
    expect(n.navigate({ type: 'suspendAll' })).to.deep.equal({ kind: 'end', reason: 'suspendAll' });
    const saved = n.snapshot();
    const again = nav(m, JSON.parse(JSON.stringify(saved)));
    expect(again.canNavigate({ type: 'resumeAll' })).to.equal(true);
    expect(again.navigate({ type: 'resumeAll' })).to.deep.equal({ kind: 'deliver', itemId: 'b' });
    expect(again.canNavigate({ type: 'resumeAll' })).to.equal(false);
    expect(again.navigate({ type: 'exit' })).to.deep.equal({ kind: 'idle' });
    expect(again.currentItemId).to.equal(undefined);
    // After exit the session goes on: previous flows from the exited activity.
    expect(again.navigate(P)).to.deep.equal({ kind: 'deliver', itemId: 'a' });
    expect(again.navigate({ type: 'exitAll' })).to.deep.equal({ kind: 'end', reason: 'exitAll' });
    expect(again.canNavigate({ type: 'resumeAll' })).to.equal(false);
    start(again);
    expect(again.navigate({ type: 'abandonAll' })).to.deep.equal({ kind: 'end', reason: 'abandonAll' });
  });

  it('exit of the only SCO ends the session', () => {
    const m = manifest('2004-3rd', [{ id: 'only' }]);
    const n = nav(m);
    start(n);
    n.report('only', attempt({ completionStatus: 'completed' }));
    expect(n.navigate({ type: 'exit' })).to.deep.equal({ kind: 'end', reason: 'completed' });
  });

  it('content requests arrive through request() and are taken once', () => {
    const n = nav(manifest('2004-4th', [{ id: 'a' }, { id: 'b' }], { controlMode: { flow: true } }));
    start(n);
    n.request({ type: 'continue' });
    expect(n.takePendingRequest()).to.deep.equal({ type: 'continue' });
    expect(n.takePendingRequest()).to.equal(undefined);
  });

  it('jump ignores control modes', () => {
    const m = manifest('2004-4th', [{ id: 'a' }, { id: 'b' }], {
      controlMode: { choice: false, flow: true },
    });
    const n = nav(m);
    start(n);
    expect(n.isRequestValid('choice', 'b')).to.equal(false);
    expect(n.isRequestValid('jump', 'b')).to.equal(true);
    expect(n.isRequestValid('choice', 'nope')).to.equal(false);
  });
});

describe('navigator: rollup (RB.1.x defaults, UP.4)', () => {
  const tree: ItemSpec[] = [{ id: 'm1', children: [{ id: 'a' }, { id: 'b' }] }, { id: 'c' }];

  it('a SCO that reports nothing rolls up completed and satisfied (UP.4 defaults)', () => {
    const n = nav(manifest('2004-4th', tree));
    n.navigate(choice('a'));
    n.report('a', attempt());
    expect(n.status('a')).to.include({ completion: 'completed', success: 'passed' });
    expect(n.status('m1').completion).to.equal('incomplete');
  });

  it('completionSetByContent/objectiveSetByContent keep unknown statuses unknown', () => {
    const n = nav(
      manifest('2004-4th', [
        {
          id: 'a',
          seq: (s) => {
            s.deliveryControls.completionSetByContent = true;
            s.deliveryControls.objectiveSetByContent = true;
          },
        },
      ]),
    );
    start(n);
    n.report('a', attempt());
    expect(n.status('a')).to.include({ completion: 'incomplete', success: 'unknown', attempted: true });
  });

  it('a suspended SCO does not take the defaults', () => {
    const n = nav(manifest('2004-4th', tree));
    n.navigate(choice('a'));
    n.report('a', attempt({ entry: 'resume', newAttempt: false, completionStatus: 'incomplete' }));
    expect(n.status('a')).to.include({ completion: 'incomplete', success: 'unknown', suspended: true });
  });

  it('all children completed → parent and course completed; any failure → not satisfied; measure weighted', () => {
    const n = nav(manifest('2004-4th', tree));
    n.report('a', attempt({ completionStatus: 'completed', successStatus: 'passed', scoreScaled: 1 }));
    expect(n.status('m1').completion).to.not.equal('completed');
    n.report('b', attempt({ completionStatus: 'completed', successStatus: 'failed', scoreScaled: 0.5 }));
    expect(n.status('m1')).to.include({ completion: 'completed', success: 'failed', scoreScaled: 0.75 });
    expect(n.status('org').completion).to.not.equal('completed');
    n.report('c', attempt({ completionStatus: 'completed', successStatus: 'passed', scoreScaled: 0 }));
    expect(n.status('org')).to.include({ completion: 'completed', success: 'failed' });
    // Root measure: m1 (0.75) and c (0) with weight 1 each.
    expect(n.status('org').scoreScaled).to.equal(0.375);
    n.report('b', attempt({ completionStatus: 'completed', successStatus: 'passed', scoreScaled: 0.5 }));
    expect(n.status('org').success).to.equal('passed');
  });

  it('untracked children and objectiveMeasureWeight 0 do not count', () => {
    const n = nav(
      manifest('2004-4th', [
        { id: 'a' },
        { id: 'b', seq: (s) => (s.deliveryControls.tracked = false) },
        { id: 'c', seq: (s) => (s.rollupRules.objectiveMeasureWeight = 0) },
      ]),
    );
    n.report('a', attempt({ completionStatus: 'completed', successStatus: 'passed', scoreScaled: 0.8 }));
    n.report('c', attempt({ completionStatus: 'completed', successStatus: 'passed', scoreScaled: 0 }));
    expect(n.status('org')).to.include({ completion: 'completed', success: 'passed', scoreScaled: 0.8 });
  });

  it('satisfiedByMeasure on the root decides from the rolled-up measure', () => {
    const n = nav(
      manifest('2004-4th', [{ id: 'a' }, { id: 'b' }], {
        seq: (s) => {
          s.objectives.primary = { satisfiedByMeasure: true, minNormalizedMeasure: 0.6, mapInfo: [] };
        },
      }),
    );
    n.report('a', attempt({ completionStatus: 'completed', scoreScaled: 1, successStatus: 'passed' }));
    n.report('b', attempt({ completionStatus: 'completed', scoreScaled: 0, successStatus: 'failed' }));
    expect(n.status('org')).to.include({ success: 'failed', scoreScaled: 0.5 });
    n.report('b', attempt({ completionStatus: 'completed', scoreScaled: 0.4, successStatus: 'failed' }));
    expect(n.status('org')).to.include({ success: 'passed' });
  });

  it('custom rollup rules replace the defaults for their action', () => {
    const n = nav(
      manifest('2004-4th', [{ id: 'a' }, { id: 'b' }], {
        seq: (s) => {
          s.rollupRules.rules.push({
            childActivitySet: 'any',
            minimumCount: 0,
            minimumPercent: 0,
            conditionCombination: 'any',
            conditions: [{ condition: 'satisfied', operator: 'noOp' }],
            action: 'satisfied',
          });
        },
      }),
    );
    n.report('a', attempt({ completionStatus: 'completed', successStatus: 'passed' }));
    expect(n.status('org').success).to.equal('passed');
  });

  it('snapshot restores statuses and subscribers hear about reports', () => {
    const m = manifest('2004-4th', tree);
    const n = nav(m);
    let calls = 0;
    const off = n.subscribe(() => calls++);
    n.report('a', attempt({ completionStatus: 'completed', successStatus: 'passed' }));
    expect(calls).to.equal(1);
    off();
    n.report('b', attempt({ completionStatus: 'completed', successStatus: 'passed' }));
    expect(calls).to.equal(1);
    const restored = nav(m, JSON.parse(JSON.stringify(n.snapshot())));
    expect(restored.status('m1').completion).to.equal('completed');
    expect(restored.status('a').attemptCount).to.equal(1);
    expect(restored.status('c').completion).to.equal('not attempted');
  });
});

describe('navigator: golf 2004 sequencing manifests (parsed)', () => {
  const load = async (pkg: string) => {
    const { parseManifest } = await import('../../src/package/index.js');
    const text = await (await fetch(`/corpus/packages/${pkg}/imsmanifest.xml`)).text();
    return parseManifest(text);
  };

  it('ForcedSequential: each SCO is disabled until the previous one is satisfied (read from its global)', async () => {
    const m = await load('golf-SequencingForcedSequential_SCORM20043rdEdition');
    const n = nav(m);
    const ids = n.leaves().map((i) => i.identifier);
    expect(ids.length).to.be.greaterThan(2);
    expect(start(n)).to.deep.equal({ kind: 'deliver', itemId: ids[0] });
    expect(n.canNavigate(choice(ids[1]!))).to.equal(false);
    expect(n.canNavigate(C)).to.equal(false);
    n.report(
      ids[0]!,
      attempt({ completionStatus: 'completed', successStatus: 'passed', entry: 'resume', newAttempt: false }),
    );
    expect(n.canNavigate(choice(ids[1]!))).to.equal(true);
    expect(n.canNavigate(choice(ids[2]!))).to.equal(false);
    expect(n.navigate(C)).to.deep.equal({ kind: 'deliver', itemId: ids[1] });
    // completionSetByContent/objectiveSetByContent: a SCO that reports nothing stays unknown.
    n.report(ids[1]!, attempt());
    expect(n.status(ids[1]!).success).to.equal('unknown');
    expect(n.canNavigate(choice(ids[2]!))).to.equal(false);
  });
});

describe('navigator: golf 4th edition completion through adlseq mapInfo (parsed)', () => {
  it('PostTestRollup4thEd: each content SCO is disabled until the previous one is completed', async () => {
    const { parseManifest } = await import('../../src/package/index.js');
    const text = await (
      await fetch('/corpus/packages/golf-SequencingPostTestRollup4thEd_SCORM20044thEdition/imsmanifest.xml')
    ).text();
    const n = nav(parseManifest(text));
    const ids = n.leaves().map((i) => i.identifier);
    expect(ids.slice(0, 2)).to.deep.equal(['playing_item', 'etuqiette_item']);
    start(n);
    expect(n.currentItemId).to.equal('playing_item');
    expect(n.canNavigate(choice('etuqiette_item'))).to.equal(false);
    n.report('playing_item', attempt({ completionStatus: 'incomplete', entry: 'resume', newAttempt: false }));
    expect(n.canNavigate(choice('etuqiette_item'))).to.equal(false);
    n.report('playing_item', attempt({ completionStatus: 'completed', entry: 'resume', newAttempt: false }));
    expect(n.canNavigate(choice('etuqiette_item'))).to.equal(true);
    expect(n.canNavigate({ type: 'continue' })).to.equal(true);
  });
});
