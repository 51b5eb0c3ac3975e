// The SCORM 1.2 navigator: free choice, flow by manifest order, AICC-script prerequisites (CAM 1.2
// 2.3.4.2), statuses from cmi.core.lesson_status, one snapshot per pass, persist/restore.
import { expect } from '@open-wc/testing';
import { createScorm12Navigator } from '../../src/sequencing/scorm12-navigator.js';
import type { Navigator, NavOutcome, NavRequest } from '../../src/sequencing/navigator.js';
import type { Manifest } from '../../src/package/types.js';
import type { LessonStatus } from '../../src/runtime/types.js';
import { attempt, manifest, type ItemSpec } from './manifest-builder.js';

const nav = (m: Manifest, restore?: unknown): Navigator =>
  createScorm12Navigator(m, m.defaultOrganization, restore === undefined ? {} : { restore });
const C: NavRequest = { type: 'continue' };
const P: NavRequest = { type: 'previous' };
const choice = (target: string): NavRequest => ({ type: 'choice', target });
const deliver = (itemId: string, newAttempt = true): NavOutcome => ({ kind: 'deliver', itemId, newAttempt });
const selectable = (n: Navigator, id: string): boolean =>
  n.snapshot().activities.get(id)?.selectable ?? false;
const valid = (n: Navigator, kind: keyof ReturnType<Navigator['snapshot']>['requests']): boolean =>
  n.snapshot().requests[kind];

/** What the 1.2 runtime reports for a lesson_status at LMSFinish (scorm12.ts sum()). */
const status12 = (lessonStatus: LessonStatus, more: Parameters<typeof attempt>[0] = {}) =>
  attempt({
    scormVersion: '1.2',
    lessonStatus,
    completionStatus:
      lessonStatus === 'not attempted'
        ? 'not attempted'
        : lessonStatus === 'incomplete' || lessonStatus === 'browsed'
          ? 'incomplete'
          : 'completed',
    successStatus: lessonStatus === 'passed' ? 'passed' : lessonStatus === 'failed' ? 'failed' : 'unknown',
    ...more,
  });

describe('scorm12 navigator: choice and prerequisites (CAM 1.2 2.3.4.2)', () => {
  const items: ItemSpec[] = [
    { id: 'module1' },
    { id: 'module2', prerequisites: 'module1' },
    { id: 'module3', prerequisites: 'module1 AND module2' },
    { id: 'module4', prerequisites: '(module1 AND module2) OR module3' },
    { id: 'hidden', visible: false },
  ];

  it('free choice, except items whose prerequisites are unmet', () => {
    const n = nav(manifest('1.2', items));
    expect(n.navigate({ type: 'start' })).to.deep.equal(deliver('module1'));
    expect(selectable(n, 'module2')).to.equal(false);
    expect(selectable(n, 'hidden')).to.equal(true);
    expect(n.snapshot().activities.get('hidden')?.visible).to.equal(false);
    // Continue passes over items whose prerequisites are unmet, all the way to the invisible one.
    expect(n.navigate(C)).to.deep.equal(deliver('hidden'));
    n.navigate(choice('module1'));
    n.report('module1', status12('incomplete'));
    expect(selectable(n, 'module2')).to.equal(false);
    n.report('module1', status12('passed'));
    expect(selectable(n, 'module2')).to.equal(true);
    expect(selectable(n, 'module4')).to.equal(false);
    expect(n.navigate(C)).to.deep.equal(deliver('module2'));
    n.report('module2', status12('completed'));
    expect(selectable(n, 'module3')).to.equal(true);
    expect(selectable(n, 'module4')).to.equal(true);
  });

  // Rows: (prerequisites of "b", lesson statuses reported) → "b" can be chosen.
  const rows: [string, Record<string, LessonStatus>, boolean][] = [
    ['a', {}, false],
    ['a', { a: 'incomplete' }, false],
    ['a', { a: 'browsed' }, false],
    ['a', { a: 'failed' }, false],
    ['a', { a: 'completed' }, true],
    ['a', { a: 'passed' }, true],
    ['a = "failed"', { a: 'failed' }, true],
    ['a <> "passed"', {}, true],
    ['a <> "passed"', { a: 'passed' }, false],
    ['~a', {}, true],
    ['~a', { a: 'completed' }, false],
    ['a | c', { c: 'passed' }, true],
    ['a & c', { c: 'passed' }, false],
    ['2*{a,c,d}', { a: 'passed', d: 'completed' }, true],
    ['2*{a,c,d}', { a: 'passed' }, false],
    // A cluster as the prerequisite: met once everything in it is completed.
    ['m', { c: 'completed' }, false],
    ['m', { c: 'completed', d: 'passed' }, true],
    // An unreadable script never locks the learner out.
    ['a &', {}, true],
    // An identifier that names no item counts as met: a typo must not lock the learner out.
    ['nowhere', {}, true],
  ];
  for (const [script, reported, expected] of rows)
    it(`prerequisites "${script}" with ${JSON.stringify(reported)} → ${expected ? 'met' : 'unmet'}`, () => {
      const n = nav(
        manifest('1.2', [
          { id: 'a' },
          { id: 'b', prerequisites: script },
          { id: 'm', children: [{ id: 'c' }, { id: 'd' }] },
        ]),
      );
      for (const [id, ls] of Object.entries(reported)) n.report(id, status12(ls));
      expect(selectable(n, 'b')).to.equal(expected);
      const outcome = n.navigate(choice('b'));
      expect(outcome.kind).to.equal(expected ? 'deliver' : 'invalid');
      if (outcome.kind === 'invalid') expect(outcome.exception).to.equal('prerequisites');
    });

  it('prerequisites on a cluster hold for everything in it, choice and flow alike', () => {
    const n = nav(
      manifest('1.2', [
        { id: 'intro' },
        { id: 'm', prerequisites: 'intro', children: [{ id: 'c' }, { id: 'd' }] },
      ]),
    );
    expect(n.navigate({ type: 'start' })).to.deep.equal(deliver('intro'));
    expect(selectable(n, 'm')).to.equal(false);
    expect(selectable(n, 'd')).to.equal(false);
    expect(valid(n, 'continue')).to.equal(false);
    n.report('intro', status12('completed'));
    expect(selectable(n, 'd')).to.equal(true);
    // Choosing a cluster delivers its first item.
    expect(n.navigate(choice('m'))).to.deep.equal(deliver('c'));
  });

  it('choosing a cluster delivers its first item that can be launched now, nested clusters included', () => {
    const n = nav(
      manifest('1.2', [
        { id: 'a' },
        { id: 'm', children: [{ id: 'x', children: [{ id: 'b', prerequisites: 'a' }] }, { id: 'c' }] },
        { id: 'd' },
      ]),
    );
    expect(n.navigate(choice('m'))).to.deep.equal(deliver('c'));
    expect(selectable(n, 'x')).to.equal(false);
    n.report('a', status12('completed'));
    expect(selectable(n, 'x')).to.equal(true);
    expect(n.navigate(choice('m'))).to.deep.equal(deliver('b'));
    expect(n.navigate(choice('d'))).to.deep.equal(deliver('d'));
  });

  it('start delivers the first item whose prerequisites are met; none at all ends the course', () => {
    const n = nav(manifest('1.2', [{ id: 'a', prerequisites: 'b' }, { id: 'b' }]));
    expect(n.navigate({ type: 'start' })).to.deep.equal(deliver('b'));
    const locked = nav(
      manifest('1.2', [
        { id: 'a', prerequisites: 'b' },
        { id: 'b', prerequisites: 'a' },
      ]),
    );
    expect(locked.navigate({ type: 'start' })).to.deep.equal({ kind: 'end', reason: 'nothing-to-deliver' });
  });

  it('unknown targets, items without a launch and jump are refused; the organization delivers its first', () => {
    const n = nav(manifest('1.2', [{ id: 'a' }, { id: 'empty', launch: null }]));
    expect(n.navigate(choice('nope')).kind).to.equal('invalid');
    expect(selectable(n, 'org')).to.equal(true);
    expect(selectable(n, 'empty')).to.equal(false);
    expect(n.navigate({ type: 'jump', target: 'a' }).kind).to.equal('invalid');
    expect([...n.snapshot().activities.values()].some((a) => a.jumpable)).to.equal(false);
    expect(n.leaves().map((i) => i.identifier)).to.deep.equal(['a']);
  });
});

describe('scorm12 navigator: flow by manifest order', () => {
  it('previous and continue follow the tree order; continue on the last item is not offered', () => {
    const n = nav(manifest('1.2', [{ id: 'x', children: [{ id: 'a' }, { id: 'b' }] }, { id: 'c' }]));
    expect(n.navigate({ type: 'start' })).to.deep.equal(deliver('a'));
    expect(valid(n, 'previous')).to.equal(false);
    expect(n.navigate(C)).to.deep.equal(deliver('b'));
    expect(n.navigate(C)).to.deep.equal(deliver('c'));
    expect(valid(n, 'continue')).to.equal(false);
    expect(n.navigate(C).kind).to.equal('invalid');
    expect(n.navigate(P)).to.deep.equal(deliver('b'));
    expect(n.leaves().map((i) => i.identifier)).to.deep.equal(['a', 'b', 'c']);
  });

  it('flow passes over items with nothing to launch and items whose prerequisites are unmet', () => {
    const n = nav(
      manifest('1.2', [
        { id: 'a' },
        { id: 'label', launch: null },
        { id: 'b', prerequisites: 'c' },
        { id: 'c' },
      ]),
    );
    n.navigate({ type: 'start' });
    expect(n.navigate(C)).to.deep.equal(deliver('c'));
    // Back to "a": it did not suspend, so this is its second attempt.
    expect(n.navigate(P)).to.deep.equal(deliver('a'));
    expect(n.status('a').attemptCount).to.equal(2);
  });

  it('before anything is delivered there is no continue, previous, exit or suspend', () => {
    const n = nav(manifest('1.2', [{ id: 'a' }, { id: 'b' }]));
    const { requests } = n.snapshot();
    expect(requests).to.include({ start: true, resumeAll: false, continue: false, previous: false });
    expect(requests).to.include({ exit: false, exitAll: false, suspendAll: false });
  });

  it('exit leaves the item and waits; continue and previous go on from it', () => {
    const n = nav(manifest('1.2', [{ id: 'a' }, { id: 'b' }, { id: 'c' }]));
    n.navigate({ type: 'start' });
    n.navigate(C);
    expect(n.navigate({ type: 'exit' })).to.deep.equal({ kind: 'wait' });
    expect(n.snapshot().currentId).to.equal(undefined);
    expect(valid(n, 'exit')).to.equal(false);
    expect(valid(n, 'continue')).to.equal(true);
    expect(n.navigate(C)).to.deep.equal(deliver('c'));
  });

  it('exit of the only SCO ends the course; exitAll and abandonAll end it too', () => {
    const one = nav(manifest('1.2', [{ id: 'a' }]));
    one.navigate({ type: 'start' });
    one.report('a', status12('completed'));
    expect(one.navigate({ type: 'exit' })).to.deep.equal({ kind: 'end', reason: 'completed' });
    const two = nav(manifest('1.2', [{ id: 'a' }, { id: 'b' }]));
    two.navigate({ type: 'start' });
    expect(two.navigate({ type: 'exitAll' })).to.deep.equal({ kind: 'end', reason: 'exitAll' });
    expect(two.navigate({ type: 'start' })).to.deep.equal(deliver('a'));
    expect(two.navigate({ type: 'abandonAll' })).to.deep.equal({ kind: 'end', reason: 'abandonAll' });
  });
});

describe('scorm12 navigator: statuses from cmi.core.lesson_status', () => {
  it('1.2 status rolls up to the course', () => {
    const n = nav(manifest('1.2', [{ id: 'a' }, { id: 'b' }]));
    n.report('a', status12('passed'));
    expect(n.status('org').completion).to.equal('incomplete');
    n.report('b', status12('completed'));
    expect(n.status('org').completion).to.equal('completed');
    expect(n.status('org').success).to.equal('unknown');
    expect(n.status('org').progressMeasure).to.equal(1);
  });

  // Rows: lesson_status → (completion, success) shown for the item.
  const rows: [LessonStatus, string, string][] = [
    ['passed', 'completed', 'passed'],
    ['failed', 'completed', 'failed'],
    ['completed', 'completed', 'unknown'],
    ['incomplete', 'incomplete', 'unknown'],
    ['browsed', 'incomplete', 'unknown'],
    ['not attempted', 'incomplete', 'unknown'],
  ];
  for (const [ls, completion, success] of rows)
    it(`lesson_status "${ls}" → ${completion}, ${success}`, () => {
      const n = nav(manifest('1.2', [{ id: 'a' }, { id: 'b' }]));
      n.report('a', status12(ls));
      expect(n.status('a')).to.include({ completion, success, attempted: true });
    });

  it('the lesson_status decides even when the summary statuses say otherwise', () => {
    const n = nav(manifest('1.2', [{ id: 'a' }]));
    n.report('a', attempt({ scormVersion: '1.2', lessonStatus: 'passed', completionStatus: 'incomplete' }));
    expect(n.status('a')).to.include({ completion: 'completed', success: 'passed' });
  });

  it('the course passes when every SCO passed, fails when every result is known and one failed', () => {
    const n = nav(manifest('1.2', [{ id: 'a' }, { id: 'm', children: [{ id: 'b' }, { id: 'c' }] }]));
    n.report('a', status12('passed', { scoreScaled: 1 }));
    n.report('b', status12('passed', { scoreScaled: 0.5 }));
    expect(n.status('org').success).to.equal('unknown');
    n.report('c', status12('failed', { scoreScaled: 0 }));
    expect(n.status('m')).to.include({ success: 'failed', completion: 'completed', scoreScaled: 0.25 });
    expect(n.status('org').success).to.equal('failed');
    n.report('c', status12('passed', { scoreScaled: 0.5 }));
    expect(n.status('org')).to.include({ success: 'passed', completion: 'completed' });
  });

  it('items with nothing to launch do not hold the course back', () => {
    const n = nav(manifest('1.2', [{ id: 'a' }, { id: 'label', launch: null }]));
    n.report('a', status12('completed'));
    expect(n.status('org').completion).to.equal('completed');
  });

  it('a report for an unknown item is ignored', () => {
    const n = nav(manifest('1.2', [{ id: 'a' }]));
    const revision = n.snapshot().revision;
    n.report('nope', status12('passed'));
    expect(n.snapshot().revision).to.equal(revision);
  });

  it('a SCO that left with cmi.core.exit = "suspend" resumes its attempt at the next launch', () => {
    const n = nav(manifest('1.2', [{ id: 'a' }, { id: 'b' }]));
    n.navigate({ type: 'start' });
    n.report('a', status12('incomplete', { entry: 'resume', newAttempt: false }));
    n.navigate(C);
    expect(n.status('a').suspended).to.equal(true);
    expect(n.navigate(P)).to.deep.equal(deliver('a', false));
    expect(n.deliveryData('a')).to.deep.equal({ newAttempt: false, objectives: [] });
    expect(n.status('a').attemptCount).to.equal(1);
  });
});

describe('scorm12 navigator: snapshots', () => {
  it('one new snapshot per pass, heard by subscribers; refusals publish nothing', () => {
    const n = nav(manifest('1.2', [{ id: 'a' }, { id: 'b', prerequisites: 'a' }]));
    const heard: number[] = [];
    const off = n.subscribe((s) => heard.push(s.revision));
    const first = n.snapshot();
    expect(n.snapshot()).to.equal(first);
    n.navigate({ type: 'start' });
    expect(n.navigate(choice('b')).kind).to.equal('invalid');
    n.report('a', status12('passed'));
    expect(heard).to.deep.equal([first.revision + 1, first.revision + 2]);
    const last = n.snapshot();
    expect(last.currentId).to.equal('a');
    expect(last.activities.get('a')?.status.success).to.equal('passed');
    expect(last.activities.get('org')?.children).to.deep.equal(['a', 'b']);
    off();
    n.navigate(C);
    expect(heard.length).to.equal(2);
  });

  it('the snapshot agrees with navigate for every request and target, after every step', () => {
    const m = manifest('1.2', [
      { id: 'a' },
      { id: 'm', children: [{ id: 'b', prerequisites: 'a' }, { id: 'c' }] },
      { id: 'd', prerequisites: 'c' },
    ]);
    const script: ((n: Navigator) => unknown)[] = [
      () => undefined,
      (n) => n.navigate({ type: 'start' }),
      (n) => n.report('a', status12('completed')),
      (n) => n.navigate({ type: 'exit' }),
      (n) => n.navigate(choice('c')),
      (n) => n.report('c', status12('passed')),
      (n) => n.navigate(C),
      (n) => n.navigate({ type: 'suspendAll' }),
    ];
    const after = (steps: number): Navigator => {
      const n = nav(m);
      for (const step of script.slice(0, steps)) step(n);
      return n;
    };
    for (let steps = 1; steps <= script.length; steps++) {
      const snapshot = after(steps).snapshot();
      for (const kind of Object.keys(snapshot.requests) as (keyof typeof snapshot.requests)[]) {
        const outcome = after(steps).navigate({ type: kind });
        expect(outcome.kind !== 'invalid', `${kind} after ${steps} steps`).to.equal(snapshot.requests[kind]);
      }
      for (const view of snapshot.activities.values()) {
        const outcome = after(steps).navigate(choice(view.id));
        expect(outcome.kind !== 'invalid', `choice ${view.id} after ${steps} steps`).to.equal(
          view.selectable,
        );
      }
    }
  });
});

describe('scorm12 navigator: persist and restore', () => {
  it('restores statuses, attempt counts and scores', () => {
    const m = manifest('1.2', [{ id: 'a' }, { id: 'm', children: [{ id: 'b' }, { id: 'c' }] }]);
    const n = nav(m);
    n.navigate({ type: 'start' });
    n.report('a', status12('passed', { scoreScaled: 0.8 }));
    n.navigate(C);
    n.report('b', status12('completed'));
    n.navigate({ type: 'exitAll' });
    const restored = nav(m, JSON.parse(JSON.stringify(n.persist())));
    expect(restored.status('a')).to.include({ success: 'passed', attemptCount: 1, scoreScaled: 0.8 });
    expect(restored.status('m').completion).to.equal('incomplete');
    expect(restored.status('c').completion).to.equal('not attempted');
    expect(restored.snapshot().requests.resumeAll).to.equal(false);
    expect(restored.snapshot().activities.get('a')?.status.success).to.equal('passed');
    // Prerequisites read the restored lesson statuses.
    expect(restored.navigate({ type: 'start' })).to.deep.equal(deliver('a', true));
  });

  it('suspendAll is resumed with resumeAll, continuing the suspended attempt', () => {
    const m = manifest('1.2', [{ id: 'a' }, { id: 'b' }]);
    const n = nav(m);
    n.navigate({ type: 'start' });
    n.navigate(C);
    n.report('b', status12('incomplete', { entry: 'resume', newAttempt: false }));
    expect(n.navigate({ type: 'suspendAll' })).to.deep.equal({ kind: 'end', reason: 'suspendAll' });
    const restored = nav(m, JSON.parse(JSON.stringify(n.persist())));
    expect(restored.snapshot().requests).to.include({ resumeAll: true, start: true });
    expect(restored.navigate({ type: 'resumeAll' })).to.deep.equal(deliver('b', false));
    expect(restored.status('b').attemptCount).to.equal(1);
    expect(restored.snapshot().requests.resumeAll).to.equal(false);
  });

  it('a state written while an item was still on screen (a closed tab) is taken as suspended there', () => {
    const m = manifest('1.2', [{ id: 'a' }, { id: 'm', children: [{ id: 'b' }] }]);
    const n = nav(m);
    n.navigate({ type: 'start' });
    n.navigate(C);
    const cut = JSON.parse(JSON.stringify(n.persist())) as { current?: string };
    expect(cut.current).to.equal('b');
    const restored = nav(m, cut);
    expect(restored.snapshot().currentId).to.equal(undefined);
    expect(restored.snapshot().requests.resumeAll).to.equal(true);
    expect(restored.status('m').suspended).to.equal(true);
    expect(restored.navigate({ type: 'resumeAll' })).to.deep.equal(deliver('b', false));
    expect(restored.status('b').attemptCount).to.equal(1);
  });

  it("reads the first navigator's records and ignores what it cannot read", () => {
    const m = manifest('1.2', [{ id: 'a' }, { id: 'b' }]);
    const legacy = {
      v: 1,
      states: {
        a: {
          attemptCount: 2,
          completion: 'completed',
          success: 'passed',
          suspended: false,
          lessonStatus: 'passed',
        },
      },
    };
    expect(nav(m, legacy).status('a')).to.include({ attemptCount: 2, success: 'passed' });
    for (const junk of [
      null,
      'x',
      { v: 2 },
      { v: 1, states: 'x' },
      { v: 1, states: { a: { attemptCount: 'x' } }, current: 7 },
    ]) {
      const n = nav(m, junk);
      expect(n.status('a').attemptCount).to.equal(0);
      expect(n.navigate({ type: 'start' })).to.deep.equal(deliver('a'));
    }
    // A record naming items that are gone (an updated package) keeps what still exists.
    const moved = nav(m, { v: 1, current: 'gone', suspended: 'gone', states: { gone: { attemptCount: 1 } } });
    expect(moved.snapshot().requests.resumeAll).to.equal(false);
  });
});
