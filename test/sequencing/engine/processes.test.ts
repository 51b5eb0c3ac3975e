// Every process as data: (tree, tracking state, request) → (result, state after), process id on each row.
import { expect } from '@open-wc/testing';
import { navigationRequest } from '../../../src/sequencing/engine/navigation-request.js';
import {
  terminate,
  type TerminationRequest,
  type SequencingRequest,
} from '../../../src/sequencing/engine/termination.js';
import { sequencingRequest } from '../../../src/sequencing/engine/sequencing-request.js';
import { deliver, deliveryRequest } from '../../../src/sequencing/engine/delivery.js';
import { overallSequencing } from '../../../src/sequencing/engine/overall.js';
import type { NavRequest } from '../../../src/sequencing/navigator.js';
import type { Seq } from '../../../src/sequencing/engine/tracking.js';
import { cluster, dump, flowOn, leaves, pick, rule, seqOf, type State, type Tree } from './rows.js';

interface Row<R> {
  id: string;
  tree: Tree;
  state?: State;
  request: R;
  /** The result: an exception code, or a short description of what the process returned. */
  result: string;
  after?: Partial<ReturnType<typeof dump>>;
}

function run<R>(rows: Row<R>[], process: (seq: Seq, request: R) => string): void {
  for (const row of rows) {
    it(`${row.id}: ${JSON.stringify(row.request)} → ${row.result}`, () => {
      const seq = seqOf(row.tree, row.state);
      expect(process(seq, row.request)).to.equal(row.result);
      if (row.after) expect(pick(dump(seq), row.after)).to.deep.equal(row.after);
    });
  }
}

const flat: Tree = { items: leaves('a', 'b', 'c'), root: { controlMode: flowOn } };
const nested: Tree = {
  items: [cluster('m1', leaves('a', 'b')), cluster('m2', leaves('c', 'd'))],
  root: { controlMode: flowOn },
};
const running = (id: string, ...ancestors: string[]): State => ({
  cur: id,
  active: [id, ...ancestors, 'org'],
});

describe('NB.2.1 Navigation Request Process', () => {
  run<NavRequest>(
    [
      { id: 'NB.2.1 1', tree: flat, request: { type: 'start' }, result: '-/start' },
      { id: 'NB.2.1-1', tree: flat, state: running('a'), request: { type: 'start' }, result: 'NB.2.1-1' },
      {
        id: 'NB.2.1 2',
        tree: flat,
        state: { suspendedActivity: 'b' },
        request: { type: 'resumeAll' },
        result: '-/resumeAll',
      },
      { id: 'NB.2.1-3', tree: flat, request: { type: 'resumeAll' }, result: 'NB.2.1-3' },
      { id: 'NB.2.1-2 continue', tree: flat, request: { type: 'continue' }, result: 'NB.2.1-2' },
      {
        id: 'NB.2.1 3 active',
        tree: flat,
        state: running('a'),
        request: { type: 'continue' },
        result: 'exit/continue',
      },
      {
        id: 'NB.2.1 3 inactive',
        tree: flat,
        state: { cur: 'a' },
        request: { type: 'continue' },
        result: '-/continue',
      },
      {
        id: 'NB.2.1-4',
        tree: { items: leaves('a', 'b') },
        state: running('a'),
        request: { type: 'continue' },
        result: 'NB.2.1-4',
      },
      {
        id: 'NB.2.1-6',
        tree: flat,
        state: { cur: 'org' },
        request: { type: 'previous' },
        result: 'NB.2.1-6',
      },
      {
        id: 'NB.2.1-5 forwardOnly',
        tree: { items: leaves('a', 'b'), root: { controlMode: { flow: true, forwardOnly: true } } },
        state: running('b'),
        request: { type: 'previous' },
        result: 'NB.2.1-5',
      },
      {
        id: 'NB.2.1 4',
        tree: flat,
        state: running('b'),
        request: { type: 'previous' },
        result: 'exit/previous',
      },
      {
        id: 'NB.2.1-11 choice',
        tree: flat,
        state: running('a'),
        request: { type: 'choice', target: 'zz' },
        result: 'NB.2.1-11',
      },
      {
        id: 'NB.2.1-10',
        tree: { items: [cluster('m1', leaves('a', 'b'), { choice: false })] },
        request: { type: 'choice', target: 'b' },
        result: 'NB.2.1-10',
      },
      { id: 'NB.2.1 7.1.1.1', tree: flat, request: { type: 'choice', target: 'b' }, result: '-/choice' },
      {
        id: 'NB.2.1-8 path',
        tree: { items: [cluster('m1', leaves('a', 'b'), { choiceExit: false }), cluster('m2', leaves('c'))] },
        state: running('a', 'm1'),
        request: { type: 'choice', target: 'c' },
        result: 'NB.2.1-8',
      },
      {
        id: 'NB.2.1-8 current',
        tree: { items: [{ id: 'a', controlMode: { choiceExit: false } }, { id: 'b' }] },
        state: running('a'),
        request: { type: 'choice', target: 'b' },
        result: 'NB.2.1-8',
      },
      {
        id: 'NB.2.1 7.1.1.4',
        tree: nested,
        state: running('a', 'm1'),
        request: { type: 'choice', target: 'c' },
        result: 'exit/choice',
      },
      {
        id: 'NB.2.1-12 exit',
        tree: flat,
        state: { cur: 'a' },
        request: { type: 'exit' },
        result: 'NB.2.1-12',
      },
      { id: 'NB.2.1 8', tree: flat, state: running('a'), request: { type: 'exit' }, result: 'exit/exit' },
      {
        id: 'NB.2.1 9',
        tree: flat,
        state: running('a'),
        request: { type: 'exitAll' },
        result: 'exitAll/exit',
      },
      {
        id: 'NB.2.1 10',
        tree: flat,
        state: running('a'),
        request: { type: 'abandon' },
        result: 'abandon/exit',
      },
      {
        id: 'NB.2.1-12 abandon',
        tree: flat,
        state: { cur: 'a' },
        request: { type: 'abandon' },
        result: 'NB.2.1-12',
      },
      {
        id: 'NB.2.1 11',
        tree: flat,
        state: { cur: 'a' },
        request: { type: 'abandonAll' },
        result: 'abandonAll/exit',
      },
      {
        id: 'NB.2.1 12',
        tree: flat,
        state: running('a'),
        request: { type: 'suspendAll' },
        result: 'suspendAll/exit',
      },
      { id: 'NB.2.1-2 suspendAll', tree: flat, request: { type: 'suspendAll' }, result: 'NB.2.1-2' },
      {
        id: 'NB.2.1 13 jump',
        tree: flat,
        state: running('a'),
        request: { type: 'jump', target: 'c' },
        result: 'exit/jump',
      },
      {
        id: 'NB.2.1-11 jump',
        tree: flat,
        state: running('a'),
        request: { type: 'jump', target: 'x' },
        result: 'NB.2.1-11',
      },
      {
        id: 'NB.2.1-13',
        tree: flat,
        request: { type: 'forward' } as unknown as NavRequest,
        result: 'NB.2.1-13',
      },
    ],
    (seq, request) => {
      const r = navigationRequest(seq, request);
      return r.exception ?? `${r.termination ?? '-'}/${r.sequencing ?? '-'}`;
    },
  );
});

const withPost = (action: string, condition = 'always'): Tree => ({
  items: [
    cluster('m1', [
      { id: 'a', seq: (s) => s.sequencingRules.postConditionRules.push(rule(action as never, condition)) },
      { id: 'b' },
    ]),
    cluster('m2', leaves('c')),
  ],
  root: { controlMode: flowOn },
});

const withPostNot = (action: string, condition: string): Tree => ({
  items: [
    {
      id: 'a',
      seq: (s) => s.sequencingRules.postConditionRules.push(rule(action as never, condition, { not: true })),
    },
  ],
  root: { controlMode: flowOn },
});

describe('TB.2.3 Termination Request Process (TB.2.1 exit rules, TB.2.2 post-condition rules)', () => {
  run<TerminationRequest>(
    [
      { id: 'TB.2.3-1', tree: flat, request: 'exit', result: 'TB.2.3-1' },
      { id: 'TB.2.3-2', tree: flat, state: { cur: 'a' }, request: 'exit', result: 'TB.2.3-2' },
      {
        id: 'TB.2.3 3 plain exit keeps cur, UP.4 defaults',
        tree: flat,
        state: running('a'),
        request: 'exit',
        result: '-',
        after: { cur: 'a', active: ['org'], sat: { a: true }, done: { a: true } },
      },
      {
        id: 'TB.2.2 retry',
        tree: withPost('retry'),
        state: running('a', 'm1'),
        request: 'exit',
        result: 'retry',
        after: { cur: 'a' },
      },
      {
        id: 'TB.2.2 continue',
        tree: withPost('continue'),
        state: running('a', 'm1'),
        request: 'exit',
        result: 'continue',
      },
      {
        id: 'TB.2.2 previous',
        tree: withPost('previous'),
        state: running('a', 'm1'),
        request: 'exit',
        result: 'previous',
      },
      {
        id: 'TB.2.2 exitParent',
        tree: withPost('exitParent'),
        state: running('a', 'm1'),
        request: 'exit',
        result: '-',
        after: { cur: 'm1', active: ['org'] },
      },
      {
        id: 'TB.2.2 exitAll',
        tree: withPost('exitAll'),
        state: running('a', 'm1'),
        request: 'exit',
        result: 'exit',
        after: { cur: 'org', active: [] },
      },
      {
        id: 'TB.2.2 retryAll keeps retry (▲)',
        tree: withPost('retryAll'),
        state: running('a', 'm1'),
        request: 'exit',
        result: 'retry',
        after: { cur: 'org', active: [] },
      },
      {
        id: 'TB.2.2 rule false after the UP.4 default does not fire',
        tree: withPostNot('retry', 'satisfied'),
        state: running('a'),
        request: 'exit',
        result: '-',
      },
      {
        id: 'TB.2.2 suspended current: no post rules',
        tree: withPost('retry'),
        state: { ...running('a', 'm1'), suspended: ['a'] },
        request: 'exit',
        result: '-',
        after: { suspended: ['a'], sat: {}, done: {} },
      },
      {
        id: 'TB.2.1 exit rule on the parent ends it and moves cur up',
        tree: {
          items: [
            cluster('m1', leaves('a', 'b'), flowOn, (s) =>
              s.sequencingRules.exitConditionRules.push(rule('exit', 'always')),
            ),
            cluster('m2', leaves('c')),
          ],
          root: { controlMode: flowOn },
        },
        state: running('a', 'm1'),
        request: 'exit',
        result: '-',
        after: { cur: 'm1', active: ['org'] },
      },
      {
        id: 'TB.2.1 exit rules on the current leaf never run',
        tree: {
          items: [
            { id: 'a', seq: (s) => s.sequencingRules.exitConditionRules.push(rule('exit', 'always')) },
            { id: 'b' },
          ],
          root: { controlMode: flowOn },
        },
        state: running('a'),
        request: 'exit',
        result: '-',
        after: { cur: 'a', active: ['org'] },
      },
      {
        id: 'TB.2.3 3.3 root exit ends',
        tree: { items: [] },
        state: { cur: 'org', active: ['org'] },
        request: 'exit',
        result: 'exit',
      },
      {
        id: 'TB.2.3-4 exitParent on the root',
        tree: {
          items: [],
          root: { seq: (s) => s.sequencingRules.postConditionRules.push(rule('exitParent', 'always')) },
        },
        state: { cur: 'org', active: ['org'] },
        request: 'exit',
        result: 'TB.2.3-4',
      },
      {
        id: 'TB.2.3 4 exitAll',
        tree: nested,
        state: running('a', 'm1'),
        request: 'exitAll',
        result: 'exit',
        after: { cur: 'org', active: [] },
      },
      {
        id: 'TB.2.3 5 suspendAll',
        tree: nested,
        state: running('a', 'm1'),
        request: 'suspendAll',
        result: 'exit',
        after: { cur: 'org', active: [], suspended: ['org', 'm1', 'a'], suspendedActivity: 'a' },
      },
      {
        id: 'TB.2.3 5.2 suspendAll of an inactive leaf suspends its parent',
        tree: nested,
        state: { cur: 'a', active: ['m1', 'org'] },
        request: 'suspendAll',
        result: 'exit',
        after: { suspendedActivity: 'm1' },
      },
      { id: 'TB.2.3-3', tree: flat, state: { cur: 'org' }, request: 'suspendAll', result: 'TB.2.3-3' },
      {
        id: 'TB.2.3 6 abandon: no end attempt, no defaults',
        tree: flat,
        state: running('a'),
        request: 'abandon',
        result: '-',
        after: { cur: 'a', active: ['org'], sat: {}, done: {} },
      },
      {
        id: 'TB.2.3 7 abandonAll',
        tree: nested,
        state: running('a', 'm1'),
        request: 'abandonAll',
        result: 'exit',
        after: { cur: 'org', active: [], sat: {} },
      },
    ],
    (seq, request) => {
      const r = terminate(seq, request);
      return r.exception ?? r.sequencing ?? '-';
    },
  );
});

const skipB: Tree = {
  items: [{ id: 'a' }, { id: 'b', pre: [{ action: 'skip', condition: 'always' }] }, { id: 'c' }],
  root: { controlMode: flowOn },
};

describe('SB.2.x Sequencing Request Process (flow, choice, retry, exit, jump)', () => {
  run<{ seq: SequencingRequest; target?: string }>(
    [
      { id: 'SB.2.5 start', tree: nested, request: { seq: 'start' }, result: 'a' },
      {
        id: 'SB.2.5-1',
        tree: nested,
        state: running('a', 'm1'),
        request: { seq: 'start' },
        result: 'SB.2.5-1',
      },
      { id: 'SB.2.5 root leaf', tree: { items: [] }, request: { seq: 'start' }, result: 'org' },
      {
        id: 'SB.2.2-1 start without flow',
        tree: { items: leaves('a') },
        request: { seq: 'start' },
        result: 'SB.2.2-1',
      },
      {
        id: 'SB.2.1-2 empty cluster',
        tree: { items: [cluster('m1', leaves('a')), { id: 'z' }], root: { controlMode: flowOn } },
        state: { available: { m1: [] } },
        request: { seq: 'start' },
        result: 'SB.2.1-2',
      },
      {
        id: 'SB.2.6 resumeAll',
        tree: nested,
        state: { suspendedActivity: 'c' },
        request: { seq: 'resumeAll' },
        result: 'c',
      },
      { id: 'SB.2.6-2', tree: nested, request: { seq: 'resumeAll' }, result: 'SB.2.6-2' },
      {
        id: 'SB.2.7 continue within cluster',
        tree: nested,
        state: { cur: 'a' },
        request: { seq: 'continue' },
        result: 'b',
      },
      {
        id: 'SB.2.7 continue across clusters',
        tree: nested,
        state: { cur: 'b' },
        request: { seq: 'continue' },
        result: 'c',
      },
      {
        id: 'SB.2.7 continue past the end ends',
        tree: nested,
        state: { cur: 'd' },
        request: { seq: 'continue' },
        result: 'end',
      },
      { id: 'SB.2.7-1', tree: nested, request: { seq: 'continue' }, result: 'SB.2.7-1' },
      {
        id: 'SB.2.7-2',
        tree: { items: leaves('a', 'b') },
        state: { cur: 'a' },
        request: { seq: 'continue' },
        result: 'SB.2.7-2',
      },
      {
        id: 'SB.2.2 skip during flow',
        tree: skipB,
        state: { cur: 'a' },
        request: { seq: 'continue' },
        result: 'c',
      },
      {
        id: 'SB.2.2 skip backwards',
        tree: skipB,
        state: { cur: 'c' },
        request: { seq: 'previous' },
        result: 'a',
      },
      {
        id: 'SB.2.2-2 disabled stops flow',
        tree: {
          items: [{ id: 'a' }, { id: 'b', pre: [{ action: 'disabled', condition: 'always' }] }],
          root: { controlMode: flowOn },
        },
        state: { cur: 'a' },
        request: { seq: 'continue' },
        result: 'SB.2.2-2',
      },
      {
        id: 'SB.2.2 not-unknown stays unknown (no skip)',
        tree: {
          items: [{ id: 'a' }, { id: 'b', pre: [{ action: 'skip', condition: 'satisfied', not: true }] }],
          root: { controlMode: flowOn },
        },
        state: { cur: 'a' },
        request: { seq: 'continue' },
        result: 'b',
      },
      {
        id: 'SB.2.8 previous across clusters',
        tree: nested,
        state: { cur: 'c' },
        request: { seq: 'previous' },
        result: 'b',
      },
      {
        id: 'SB.2.1-3 previous at the start',
        tree: nested,
        state: { cur: 'a' },
        request: { seq: 'previous' },
        result: 'SB.2.1-3',
      },
      {
        id: 'SB.2.1 4.3 forwardOnly cluster entered backwards at its first child',
        tree: {
          items: [cluster('m1', leaves('a', 'b'), { flow: true, forwardOnly: true }), { id: 'c' }],
          root: { controlMode: flowOn },
        },
        state: { cur: 'c' },
        request: { seq: 'previous' },
        result: 'a',
      },
      { id: 'SB.2.10 retry leaf', tree: nested, state: { cur: 'a' }, request: { seq: 'retry' }, result: 'a' },
      {
        id: 'SB.2.10 retry cluster flows in',
        tree: nested,
        state: { cur: 'm2' },
        request: { seq: 'retry' },
        result: 'c',
      },
      {
        id: 'SB.2.10-2',
        tree: nested,
        state: running('a', 'm1'),
        request: { seq: 'retry' },
        result: 'SB.2.10-2',
      },
      {
        id: 'SB.2.11 exit of non-root waits',
        tree: nested,
        state: { cur: 'a', active: ['org'] },
        request: { seq: 'exit' },
        result: 'none',
      },
      {
        id: 'SB.2.11 exit of root ends',
        tree: nested,
        state: { cur: 'org' },
        request: { seq: 'exit' },
        result: 'end',
      },
      {
        id: 'SB.2.11-2',
        tree: nested,
        state: running('a', 'm1'),
        request: { seq: 'exit' },
        result: 'SB.2.11-2',
      },
      {
        id: 'SB.2.13 jump',
        tree: { items: leaves('a', 'b') },
        state: { cur: 'a' },
        request: { seq: 'jump', target: 'b' },
        result: 'b',
      },
      { id: 'SB.2.13-1', tree: flat, request: { seq: 'jump', target: 'b' }, result: 'SB.2.13-1' },
      // SB.2.9 choice
      {
        id: 'SB.2.9 leaf',
        tree: nested,
        state: { cur: 'a' },
        request: { seq: 'choice', target: 'd' },
        result: 'd',
      },
      {
        id: 'SB.2.9 13 cluster flows in',
        tree: nested,
        state: { cur: 'a' },
        request: { seq: 'choice', target: 'm2' },
        result: 'c',
      },
      {
        id: 'SB.2.9-9 cluster without flow',
        tree: { items: [cluster('m1', leaves('a'), {}), cluster('m2', leaves('c'), {})] },
        state: { cur: 'a', active: ['m1', 'org'] },
        request: { seq: 'choice', target: 'm2' },
        result: 'SB.2.9-9',
        after: { cur: 'm2' },
      },
      {
        id: 'SB.2.9-3 hidden ancestor',
        tree: {
          items: [
            { id: 'm1', children: leaves('a'), pre: [{ action: 'hiddenFromChoice', condition: 'always' }] },
          ],
        },
        request: { seq: 'choice', target: 'a' },
        result: 'SB.2.9-3',
      },
      {
        id: 'SB.2.9-4',
        tree: { items: [cluster('m1', leaves('a'), { choice: false })] },
        request: { seq: 'choice', target: 'a' },
        result: 'SB.2.9-4',
      },
      {
        id: 'SB.2.4-2 forwardOnly backward sibling',
        tree: { items: leaves('a', 'b'), root: { controlMode: { flow: true, forwardOnly: true } } },
        state: { cur: 'b' },
        request: { seq: 'choice', target: 'a' },
        result: 'SB.2.4-2',
      },
      {
        id: 'SB.2.4-1 stopForwardTraversal on a sibling between',
        tree: {
          items: [
            { id: 'a' },
            { id: 'b', pre: [{ action: 'stopForwardTraversal', condition: 'always' }] },
            { id: 'c' },
          ],
        },
        state: { cur: 'a' },
        request: { seq: 'choice', target: 'c' },
        result: 'SB.2.4-1',
      },
      {
        id: 'SB.2.9-6 preventActivation',
        tree: {
          items: [
            cluster('m1', leaves('a')),
            cluster(
              'm2',
              leaves('c'),
              flowOn,
              (s) => (s.constrainedChoiceConsiderations.preventActivation = true),
            ),
          ],
        },
        state: running('a', 'm1'),
        request: { seq: 'choice', target: 'c' },
        result: 'SB.2.9-6',
      },
      {
        id: 'SB.2.9 preventActivation exempts an active cluster',
        tree: {
          items: [
            cluster(
              'm1',
              leaves('a', 'b'),
              flowOn,
              (s) => (s.constrainedChoiceConsiderations.preventActivation = true),
            ),
          ],
        },
        state: running('a', 'm1'),
        request: { seq: 'choice', target: 'b' },
        result: 'b',
      },
      {
        id: 'SB.2.9-7 choiceExit on the way out',
        tree: { items: [cluster('m1', leaves('a'), { choiceExit: false }), cluster('m2', leaves('c'))] },
        state: { cur: 'a', active: ['org'] },
        request: { seq: 'choice', target: 'c' },
        result: 'SB.2.9-7',
      },
      {
        id: 'SB.2.9-8 constrainChoice',
        tree: {
          items: [
            cluster(
              'm1',
              leaves('a'),
              flowOn,
              (s) => (s.constrainedChoiceConsiderations.constrainChoice = true),
            ),
            cluster('m2', leaves('c')),
            cluster('m3', leaves('e')),
          ],
        },
        state: running('a', 'm1'),
        request: { seq: 'choice', target: 'e' },
        result: 'SB.2.9-8',
      },
      {
        id: 'SB.2.9 constrainChoice allows the next activity',
        tree: {
          items: [
            cluster(
              'm1',
              leaves('a'),
              flowOn,
              (s) => (s.constrainedChoiceConsiderations.constrainChoice = true),
            ),
            cluster('m2', leaves('c')),
            cluster('m3', leaves('e')),
          ],
        },
        state: running('a', 'm1'),
        request: { seq: 'choice', target: 'c' },
        result: 'c',
      },
      {
        id: 'SB.2.9-2 not selected',
        tree: {
          items: [
            cluster('m1', leaves('a', 'b'), flowOn, (s) =>
              Object.assign(s.randomizationControls, { selectCount: 1, selectionTiming: 'once' }),
            ),
          ],
        },
        request: { seq: 'choice', target: 'b' },
        result: 'SB.2.9-2',
      },
    ],
    (seq, r) => {
      if (
        r.seq === 'choice' &&
        r.target === 'b' &&
        seq.byId.get('m1')?.def.randomizationControls.selectCount === 1
      ) {
        seq.byId.get('m1')!.available = [seq.byId.get('a')!];
        seq.order = seq.order.filter((x) => x.id !== 'b');
        seq.byId.get('b')!.pos = -1;
      }
      const out = sequencingRequest(seq, r.seq, r.target === undefined ? undefined : seq.byId.get(r.target));
      if (out.endSession) return 'end';
      return out.exception ?? out.delivery?.id ?? 'none';
    },
  );
});

describe('DB.1.1 Delivery Request / DB.2 Content Delivery Environment', () => {
  run<string>(
    [
      { id: 'DB.1.1-1', tree: nested, request: 'm1', result: 'DB.1.1-1' },
      {
        id: 'DB.1.1-3 disabled ancestor',
        tree: {
          items: [{ id: 'm1', children: leaves('a'), pre: [{ action: 'disabled', condition: 'always' }] }],
        },
        request: 'a',
        result: 'DB.1.1-3',
      },
      {
        id: 'DB.1.1-3 attemptLimit',
        tree: { items: [{ id: 'a', seq: (s) => (s.limitConditions.attemptLimit = 1) }] },
        state: { count: { a: 1 } },
        request: 'a',
        result: 'DB.1.1-3',
      },
      {
        id: 'DB.1.1-3 attemptAbsoluteDurationLimit',
        tree: {
          items: [{ id: 'a', seq: (s) => (s.limitConditions.attemptAbsoluteDurationLimit = 'PT10S') }],
        },
        state: { count: { a: 1 } },
        request: 'a',
        result: 'DB.1.1-3',
      },
      { id: 'DB.1.1 5', tree: nested, request: 'a', result: 'ok' },
    ],
    (seq, id) => {
      if (id === 'a' && seq.byId.get('a')!.def.limitConditions.attemptAbsoluteDurationLimit)
        seq.byId.get('a')!.attemptSeconds = 12;
      return deliveryRequest(seq, seq.byId.get(id)!) ?? 'ok';
    },
  );
  run<string>(
    [
      {
        id: 'DB.2 new attempts down the path',
        tree: nested,
        request: 'c',
        result: 'new',
        after: { cur: 'c', active: ['org', 'm2', 'c'], count: { org: 1, m2: 1, c: 1 } },
      },
      {
        id: 'DB.2 UP.3 ends the old branch',
        tree: nested,
        state: { cur: 'a', active: ['org', 'm1'], count: { org: 1, m1: 1, a: 1 } },
        request: 'c',
        result: 'new',
        after: { active: ['org', 'm2', 'c'], count: { org: 1, m1: 1, a: 1, m2: 1, c: 1 } },
      },
      {
        id: 'DB.2 5.1.1.1 resume: no new attempt',
        tree: nested,
        state: {
          cur: 'org',
          suspended: ['org', 'm1', 'a'],
          suspendedActivity: 'a',
          count: { org: 1, m1: 1, a: 1 },
        },
        request: 'a',
        result: 'resumed',
        after: { suspended: [], count: { org: 1, m1: 1, a: 1 }, suspendedActivity: undefined },
      },
      {
        id: 'DB.2.1 clears another suspended branch',
        tree: nested,
        state: { suspended: ['m1', 'a', 'org'], suspendedActivity: 'a', count: { org: 1, m1: 1, a: 1 } },
        request: 'c',
        result: 'new',
        after: { suspended: [], count: { org: 2, m1: 1, a: 1, m2: 1, c: 1 } },
      },
      { id: 'DB.2-1', tree: nested, state: running('a', 'm1'), request: 'b', result: 'DB.2-1' },
      {
        id: 'DB.2 untracked: no attempt counted',
        tree: { items: [{ id: 'a', seq: (s) => (s.deliveryControls.tracked = false) }] },
        request: 'a',
        result: 'new',
        after: { count: { org: 1 } },
      },
    ],
    (seq, id) => {
      const r = deliver(seq, seq.byId.get(id)!);
      return 'exception' in r ? r.exception : r.newAttempt ? 'new' : 'resumed';
    },
  );
});

describe('OP.1 Overall Sequencing Process', () => {
  run<NavRequest>(
    [
      {
        id: 'OP.1 start',
        tree: nested,
        request: { type: 'start' },
        result: 'deliver a',
        after: { cur: 'a' },
      },
      {
        id: 'OP.1 continue past end clears cur',
        tree: nested,
        state: { ...running('d', 'm2'), count: { d: 1, m2: 1, org: 1 } },
        request: { type: 'continue' },
        result: 'end completed',
        after: { cur: undefined, active: [] },
      },
      {
        id: 'OP.1 exitAll',
        tree: nested,
        state: running('a', 'm1'),
        request: { type: 'exitAll' },
        result: 'end exitAll',
        after: { cur: undefined, active: [] },
      },
      {
        id: 'OP.1 suspendAll keeps the suspension',
        tree: nested,
        state: running('a', 'm1'),
        request: { type: 'suspendAll' },
        result: 'end suspendAll',
        after: { cur: undefined, suspendedActivity: 'a', suspended: ['org', 'm1', 'a'] },
      },
      {
        id: 'OP.1 exit of a leaf waits',
        tree: { items: leaves('a', 'b') },
        state: running('a'),
        request: { type: 'exit' },
        result: 'wait',
        after: { cur: 'a' },
      },
      {
        id: 'OP.1 retry post rule redelivers with a new attempt',
        tree: withPost('retry'),
        state: { ...running('a', 'm1'), count: { a: 1, m1: 1, org: 1 } },
        request: { type: 'continue' },
        result: 'deliver a',
        after: { count: { a: 2, m1: 1, org: 1 } },
      },
      {
        id: 'OP.1 retryAll restarts the root',
        tree: withPost('retryAll'),
        state: { ...running('a', 'm1'), count: { a: 1, m1: 1, org: 1 } },
        request: { type: 'continue' },
        result: 'deliver a',
        after: { count: { a: 2, m1: 2, org: 2 } },
      },
      {
        id: 'OP.1 exitParent then continue from the parent',
        tree: withPost('exitParent'),
        state: { ...running('a', 'm1'), count: { a: 1, m1: 1, org: 1 } },
        request: { type: 'continue' },
        result: 'deliver c',
      },
      {
        id: 'OP.1 previous post rule',
        tree: { items: [{ id: 'x' }, ...withPost('previous').items], root: { controlMode: flowOn } },
        state: running('a', 'm1'),
        request: { type: 'continue' },
        result: 'deliver x',
      },
      {
        id: 'OP.1 abandonAll',
        tree: nested,
        state: running('a', 'm1'),
        request: { type: 'abandonAll' },
        result: 'end abandonAll',
        after: { cur: undefined, active: [] },
      },
      {
        id: 'OP.1 start with nothing deliverable',
        tree: {
          items: [{ id: 'a', pre: [{ action: 'disabled', condition: 'always' }] }],
          root: { controlMode: flowOn },
        },
        request: { type: 'start' },
        result: 'invalid SB.2.2-2',
      },
      {
        id: 'OP.1 start where every leaf is skipped ends',
        tree: {
          items: [{ id: 'a', pre: [{ action: 'skip', condition: 'always' }] }],
          root: { controlMode: flowOn },
        },
        request: { type: 'start' },
        result: 'end nothing-to-deliver',
      },
    ],
    (seq, request) => {
      const r = overallSequencing(seq, request);
      return r.kind === 'deliver'
        ? `deliver ${r.activity.id}`
        : r.kind === 'end'
          ? `end ${r.reason}`
          : r.kind === 'invalid'
            ? `invalid ${r.exception}`
            : 'wait';
    },
  );
});
