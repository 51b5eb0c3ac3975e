// Property test: random request sequences on random trees never throw, never deliver a cluster or a
// disabled / hidden-from-choice target by choice, and leave a snapshot consistent with navigate().
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { createScorm2004Navigator } from '../../../src/sequencing/scorm2004-navigator.js';
import type { Navigator, NavRequest, NavRequestKind } from '../../../src/sequencing/navigator.js';
import type {
  PreConditionAction,
  PostConditionAction,
  RuleConditionName,
  SequencingDefinition,
} from '../../../src/package/types.js';
import { attempt, manifest, type ItemSpec } from '../manifest-builder.js';

const CONDITIONS: RuleConditionName[] = [
  'satisfied',
  'completed',
  'attempted',
  'objectiveStatusKnown',
  'activityProgressKnown',
  'attemptLimitExceeded',
  'always',
  'objectiveMeasureGreaterThan',
];
const PRE: PreConditionAction[] = ['skip', 'disabled', 'hiddenFromChoice', 'stopForwardTraversal'];
const POST: PostConditionAction[] = ['exitParent', 'exitAll', 'retry', 'retryAll', 'continue', 'previous'];
const KINDS: NavRequestKind[] = [
  'start',
  'resumeAll',
  'continue',
  'previous',
  'exit',
  'exitAll',
  'abandon',
  'abandonAll',
  'suspendAll',
];

const ruleArb = <A extends string>(actions: A[]) =>
  fc.record({
    action: fc.constantFrom(...actions),
    condition: fc.constantFrom(...CONDITIONS),
    not: fc.boolean(),
  });

const nodeArb = fc.record({
  parent: fc.nat(),
  flow: fc.boolean(),
  choice: fc.boolean(),
  choiceExit: fc.boolean(),
  forwardOnly: fc.boolean(),
  constrainChoice: fc.boolean(),
  preventActivation: fc.boolean(),
  pre: fc.option(ruleArb(PRE), { freq: 3 }),
  post: fc.option(ruleArb(POST), { freq: 4 }),
  exitRule: fc.option(fc.constantFrom(...CONDITIONS), { freq: 8 }),
  attemptLimit: fc.option(fc.integer({ min: 1, max: 3 }), { freq: 4 }),
  selectCount: fc.option(fc.integer({ min: 0, max: 3 }), { freq: 4 }),
  reorder: fc.boolean(),
});
type NodeSpec = typeof nodeArb extends fc.Arbitrary<infer T> ? T : never;

function applySeq(s: SequencingDefinition, n: NodeSpec): void {
  Object.assign(s.controlMode, {
    flow: n.flow,
    choice: n.choice,
    choiceExit: n.choiceExit,
    forwardOnly: n.forwardOnly,
  });
  Object.assign(s.constrainedChoiceConsiderations, {
    constrainChoice: n.constrainChoice,
    preventActivation: n.preventActivation,
  });
  const cond = (c: RuleConditionName, not: boolean) => ({
    condition: c,
    operator: not ? ('not' as const) : ('noOp' as const),
    measureThreshold: 0.5,
  });
  if (n.pre)
    s.sequencingRules.preConditionRules.push({
      conditionCombination: 'all',
      conditions: [cond(n.pre.condition, n.pre.not)],
      action: n.pre.action,
    });
  if (n.post)
    s.sequencingRules.postConditionRules.push({
      conditionCombination: 'all',
      conditions: [cond(n.post.condition, n.post.not)],
      action: n.post.action,
    });
  if (n.exitRule)
    s.sequencingRules.exitConditionRules.push({
      conditionCombination: 'all',
      conditions: [cond(n.exitRule, false)],
      action: 'exit',
    });
  if (n.attemptLimit) s.limitConditions.attemptLimit = n.attemptLimit;
  if (n.selectCount !== null)
    Object.assign(s.randomizationControls, { selectCount: n.selectCount, selectionTiming: 'once' });
  if (n.reorder)
    Object.assign(s.randomizationControls, {
      reorderChildren: true,
      randomizationTiming: 'onEachNewAttempt',
    });
}

/** Node i > 0 hangs under node (parent mod i); node 0 is the root. */
function treeOf(nodes: NodeSpec[]): { items: ItemSpec[]; root: NodeSpec } {
  const specs: ItemSpec[] = nodes.map((n, i) => ({ id: `n${i}`, children: [], seq: (s) => applySeq(s, n) }));
  for (let i = 1; i < nodes.length; i++) specs[nodes[i]!.parent % i]!.children!.push(specs[i]!);
  return { items: specs[0]!.children!, root: nodes[0]! };
}

const stepArb = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...KINDS).map((type) => ({ nav: { type } as NavRequest })) },
  {
    weight: 5,
    arbitrary: fc.record({ t: fc.nat(), jump: fc.boolean() }).map(({ t, jump }) => ({ target: t, jump })),
  },
  {
    weight: 4,
    arbitrary: fc
      .record({
        completion: fc.constantFrom('completed', 'incomplete', 'unknown' as const),
        success: fc.constantFrom('passed', 'failed', 'unknown' as const),
        score: fc.option(fc.double({ min: -1, max: 1, noNaN: true })),
        exit: fc.constantFrom('', 'suspend', 'logout'),
      })
      .map((report) => ({ report })),
  },
  { weight: 1, arbitrary: fc.constant({ restore: true as const }) },
);

describe('property: random requests on random trees', () => {
  it('never throw, never deliver a cluster or a refused choice, snapshot agrees with navigate()', () => {
    fc.assert(
      fc.property(
        fc.array(nodeArb, { minLength: 2, maxLength: 12 }),
        fc.array(stepArb, { maxLength: 30 }),
        fc.integer(),
        (nodes, steps, seed) => {
          const { items, root } = treeOf(nodes);
          const m = manifest('2004-4th', items, { seq: (s) => applySeq(s, root) });
          let x = seed;
          const random = () => (x = (x * 1103515245 + 12345) & 0x7fffffff) / 0x80000000;
          let nav: Navigator = createScorm2004Navigator(m, m.defaultOrganization, { random });
          const leaf = (id: string) => isLeaf(items, id);
          for (const step of steps) {
            const before = nav.snapshot();
            if ('restore' in step) {
              nav = createScorm2004Navigator(m, m.defaultOrganization, {
                random,
                restore: JSON.parse(JSON.stringify(nav.persist())),
                globalObjectives: nav.globalObjectives(),
              });
              continue;
            }
            if ('report' in step) {
              if (before.currentId) {
                const s = attempt({
                  completionStatus: step.report.completion,
                  successStatus: step.report.success,
                  exit: step.report.exit,
                });
                if (step.report.score !== null) s.scoreScaled = step.report.score;
                nav.report(before.currentId, s);
              }
              continue;
            }
            let request: NavRequest;
            if ('nav' in step) request = step.nav;
            else {
              const ids = [...before.activities.keys()];
              request = { type: step.jump ? 'jump' : 'choice', target: ids[step.target % ids.length]! };
            }
            const outcome = nav.navigate(request);
            const after = nav.snapshot();
            // Never a cluster.
            if (outcome.kind === 'deliver') {
              expect(leaf(outcome.itemId), `delivered cluster ${outcome.itemId}`).to.equal(true);
              expect(after.currentId).to.equal(outcome.itemId);
            }
            if (outcome.kind === 'end') expect(after.currentId).to.equal(undefined);
            // With no termination in between (nothing running), the snapshot decides exactly.
            if (before.currentId === undefined) {
              if (request.type === 'choice') {
                const view = before.activities.get(request.target)!;
                const delivered = outcome.kind === 'deliver';
                expect(delivered, `choice ${request.target}: ${JSON.stringify(outcome)}`).to.equal(
                  view.selectable,
                );
                if (delivered && outcome.itemId === request.target) {
                  expect(view.enabled && view.visible, 'disabled or hidden target delivered').to.equal(true);
                }
              } else if (request.type === 'jump') {
                expect(outcome.kind === 'deliver', `jump ${request.target}`).to.equal(
                  before.activities.get(request.target)!.jumpable,
                );
              } else if (request.type === 'previous' || request.type === 'start') {
                if (before.requests[request.type]) expect(outcome.kind, request.type).to.equal('deliver');
              } else if (!before.requests[request.type]) {
                expect(outcome.kind, `${request.type} shown invalid`).to.equal('invalid');
              }
            }
            if (
              request.type === 'choice' &&
              outcome.kind === 'deliver' &&
              outcome.itemId === request.target
            ) {
              // A choice never delivers a target that is hidden from choice or disabled in the state it was chosen in.
              const view = before.activities.get(request.target)!;
              if (before.currentId === undefined) expect(view.enabled && view.visible).to.equal(true);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

function isLeaf(items: ItemSpec[], id: string): boolean {
  const stack = [...items];
  while (stack.length) {
    const it = stack.pop()!;
    if (it.id === id) return !it.children?.length;
    stack.push(...(it.children ?? []));
  }
  return false;
}
