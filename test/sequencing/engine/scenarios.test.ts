// Whole scenarios as data: a manifest snippet plus a script of navigation requests and SCO reports, with
// the expected outcome, the TOC (selectable activities) and statuses after each step.
import { expect } from '@open-wc/testing';
import { createScorm2004Navigator } from '../../../src/sequencing/scorm2004-navigator.js';
import type { Navigator, NavOutcome, NavRequest } from '../../../src/sequencing/navigator.js';
import type { SequencingDefinition } from '../../../src/package/types.js';
import { attempt, manifest, type ItemSpec } from '../manifest-builder.js';
import { cluster, flowOn, leaves, rule } from './rows.js';

interface Report {
  report: string;
  completion?: 'completed' | 'incomplete';
  success?: 'passed' | 'failed';
  score?: number;
  progress?: number;
  exit?: string;
  seconds?: number;
  /** A Commit rather than a Terminate (no end-of-attempt defaults yet). */
  commit?: boolean;
  objectives?: {
    id: string;
    success?: 'passed' | 'failed';
    score?: number;
    completion?: 'completed' | 'incomplete';
  }[];
}
type Action = string | Report | { restore: true };
interface Step {
  do: Action;
  /** 'deliver X', 'resume X' (newAttempt false), 'end REASON', 'wait', 'invalid CODE', or undefined for reports. */
  then?: string;
  /** The activities a choice may target now, space separated (the TOC's selectable entries). */
  toc?: string;
  /** Statuses: 'id:cp' = completion c/i/n (completed/incomplete/not attempted) + success p/f/u. */
  status?: string;
  /** Valid requests, space separated, among continue/previous/suspendAll/resumeAll/start. */
  valid?: string;
}
interface Scenario {
  id: string;
  items: ItemSpec[];
  root?: { controlMode?: ItemSpec['controlMode']; seq?: (s: SequencingDefinition) => void };
  random?: () => number;
  steps: Step[];
}

function request(text: string): NavRequest {
  const [type, target] = text.split(' ');
  return target !== undefined ? ({ type, target } as NavRequest) : ({ type } as NavRequest);
}

function describeOutcome(o: NavOutcome): string {
  switch (o.kind) {
    case 'deliver':
      return `${o.newAttempt ? 'deliver' : 'resume'} ${o.itemId}`;
    case 'end':
      return `end ${o.reason}`;
    case 'invalid':
      return `invalid ${o.exception}`;
    default:
      return 'wait';
  }
}

function stateOf(r: Report) {
  const values: Record<string, unknown> = {};
  (r.objectives ?? []).forEach((o, n) => {
    values[`cmi.objectives.${n}.id`] = o.id;
    if (o.success) values[`cmi.objectives.${n}.success_status`] = o.success;
    if (o.score !== undefined) values[`cmi.objectives.${n}.score.scaled`] = String(o.score);
    if (o.completion) values[`cmi.objectives.${n}.completion_status`] = o.completion;
  });
  const s = attempt({
    completionStatus: r.completion ?? 'unknown',
    successStatus: r.success ?? 'unknown',
    exit: r.exit ?? '',
    totalSeconds: r.seconds ?? 0,
    terminated: !r.commit,
    data: { values, counts: { 'cmi.objectives': (r.objectives ?? []).length } },
  });
  if (r.score !== undefined) s.scoreScaled = r.score;
  if (r.progress !== undefined) s.progressMeasure = r.progress;
  return s;
}

const letter = (s: string) => (s === 'not attempted' ? 'n' : s[0]);

export function play(sc: Scenario): void {
  it(sc.id, () => {
    const m = manifest('2004-4th', sc.items, sc.root ?? {});
    const options = sc.random ? { random: sc.random } : {};
    let nav: Navigator = createScorm2004Navigator(m, m.defaultOrganization, options);
    sc.steps.forEach((step, i) => {
      const where = `step ${i + 1} ${JSON.stringify(step.do)}`;
      if (typeof step.do === 'string') {
        expect(describeOutcome(nav.navigate(request(step.do))), where).to.equal(step.then);
      } else if ('restore' in step.do) {
        const saved = JSON.parse(JSON.stringify(nav.persist())) as unknown;
        nav = createScorm2004Navigator(m, m.defaultOrganization, {
          ...options,
          restore: saved,
          globalObjectives: nav.globalObjectives(),
        });
      } else {
        nav.report(step.do.report, stateOf(step.do));
      }
      const snap = nav.snapshot();
      if (step.toc !== undefined) {
        const ids = [...snap.activities.values()].filter((a) => a.selectable).map((a) => a.id);
        expect(ids.join(' '), `${where} toc`).to.equal(step.toc);
      }
      if (step.status !== undefined) {
        const actual = step.status
          .split(' ')
          .map((p) => p.split(':')[0]!)
          .map((id) => {
            const s = nav.status(id);
            return `${id}:${letter(s.completion)}${letter(s.success)}`;
          });
        expect(actual.join(' '), `${where} status`).to.equal(step.status);
      }
      if (step.valid !== undefined) {
        const kinds = ['start', 'resumeAll', 'continue', 'previous', 'suspendAll'] as const;
        expect(kinds.filter((k) => snap.requests[k]).join(' '), `${where} valid`).to.equal(step.valid);
      }
    });
  });
}

const flow = { controlMode: flowOn };
const pre =
  (action: string, condition: string, opts: { not?: boolean; objective?: string } = {}) =>
  (s: SequencingDefinition) =>
    s.sequencingRules.preConditionRules.push(rule(action as never, condition, opts));
const post =
  (action: string, condition: string, opts: { not?: boolean } = {}) =>
  (s: SequencingDefinition) =>
    s.sequencingRules.postConditionRules.push(rule(action as never, condition, opts));
const rollup =
  (action: string, set: string, condition: string, extra: object = {}) =>
  (s: SequencingDefinition) =>
    s.rollupRules.rules.push({
      childActivitySet: set as never,
      minimumCount: 0,
      minimumPercent: 0,
      conditionCombination: 'any',
      conditions: [{ condition: condition as never, operator: 'noOp' }],
      action: action as never,
      ...extra,
    });
const both =
  (...fs: ((s: SequencingDefinition) => void)[]) =>
  (s: SequencingDefinition) =>
    fs.forEach((f) => f(s));
const done = (id: string, success?: 'passed' | 'failed', score?: number): Report => ({
  report: id,
  completion: 'completed',
  ...(success ? { success } : {}),
  ...(score !== undefined ? { score } : {}),
});

describe('scenarios: control modes', () => {
  play({
    id: 'flow: start, continue, previous, continue past the end',
    items: leaves('a', 'b'),
    root: flow,
    steps: [
      { do: 'start', then: 'deliver a', valid: 'continue suspendAll', toc: 'org a b' },
      { do: 'continue', then: 'deliver b', valid: 'continue previous suspendAll' },
      { do: 'previous', then: 'deliver a' },
      { do: 'continue', then: 'deliver b' },
      { do: 'continue', then: 'end completed', status: 'org:cp a:cp b:cp', valid: 'start' },
    ],
  });
  play({
    id: 'choice only (flow=false): continue invalid, choice works',
    items: leaves('a', 'b'),
    steps: [
      { do: 'start', then: 'invalid SB.2.2-1', valid: '' },
      { do: 'choice b', then: 'deliver b', valid: 'suspendAll', toc: 'a b' },
      { do: 'continue', then: 'invalid NB.2.1-4' },
    ],
  });
  play({
    id: 'choice=false on a cluster: its children leave the TOC',
    items: [cluster('m1', leaves('a', 'b'), { flow: true, choice: false }), { id: 'c' }],
    root: flow,
    steps: [
      { do: 'start', then: 'deliver a', toc: 'org m1 c' },
      { do: 'choice b', then: 'invalid NB.2.1-10' },
    ],
  });
  play({
    id: 'forwardOnly: previous invalid; earlier siblings not selectable',
    items: leaves('a', 'b', 'c'),
    root: { controlMode: { flow: true, forwardOnly: true } },
    steps: [
      { do: 'start', then: 'deliver a' },
      { do: 'continue', then: 'deliver b', valid: 'continue suspendAll', toc: 'org b c' },
      { do: 'previous', then: 'invalid NB.2.1-5' },
    ],
  });
  play({
    id: 'choiceExit=false: cannot leave the cluster by choice while active',
    items: [cluster('m1', leaves('a', 'b'), { flow: true, choiceExit: false }), { id: 'c' }],
    root: flow,
    steps: [
      { do: 'start', then: 'deliver a', toc: 'm1 a b' },
      { do: 'choice c', then: 'invalid NB.2.1-8' },
      { do: 'continue', then: 'deliver b' },
      { do: 'continue', then: 'deliver c', toc: 'org m1 a b c' },
    ],
  });
  play({
    id: 'constrainChoice: only the next module is reachable',
    items: [
      cluster('m1', leaves('a'), flowOn, (s) => (s.constrainedChoiceConsiderations.constrainChoice = true)),
      cluster('m2', leaves('c')),
      cluster('m3', leaves('e')),
    ],
    root: flow,
    steps: [
      { do: 'start', then: 'deliver a', toc: 'org m1 a m2 c' },
      { do: 'choice e', then: 'invalid SB.2.9-8' },
    ],
  });
  play({
    id: 'preventActivation: a module cannot be entered by choice until flow reaches it',
    items: [
      cluster('m1', leaves('a')),
      cluster(
        'm2',
        leaves('c', 'd'),
        flowOn,
        (s) => (s.constrainedChoiceConsiderations.preventActivation = true),
      ),
    ],
    root: flow,
    steps: [
      { do: 'start', then: 'deliver a', toc: 'org m1 a m2' },
      { do: 'choice d', then: 'invalid SB.2.9-6' },
      { do: 'continue', then: 'deliver c', toc: 'org m1 a m2 c d' },
    ],
  });
  play({
    id: 'useCurrentAttemptObjectiveInfo=false: earlier attempts of children count for the parent',
    items: [
      cluster('m1', leaves('a', 'b'), {
        flow: true,
        useCurrentAttemptObjectiveInfo: false,
        useCurrentAttemptProgressInfo: false,
      }),
      { id: 'c' },
    ],
    root: flow,
    steps: [
      { do: 'start', then: 'deliver a' },
      { do: done('a', 'passed') },
      { do: 'continue', then: 'deliver b' },
      { do: 'continue', then: 'deliver c', status: 'm1:cp' },
      { do: 'previous', then: 'deliver b' },
      { do: done('b', 'passed') },
      { do: 'continue', then: 'deliver c', status: 'm1:cp' },
    ],
  });
});

describe('scenarios: sequencing rule actions', () => {
  play({
    id: 'skip: a satisfied pre-test skips the lesson',
    items: [
      {
        id: 'pre',
        seq: (s) => (s.objectives.primary = objective('p', { ...mapTo('g'), writeSatisfiedStatus: true })),
      },
      {
        id: 'lesson',
        seq: both(
          (s) => s.objectives.secondary.push(objective('obj', mapTo('g'))),
          pre('skip', 'satisfied', { objective: 'obj' }),
        ),
      },
      { id: 'post' },
    ],
    root: flow,
    steps: [
      { do: 'start', then: 'deliver pre' },
      { do: done('pre', 'passed') },
      { do: 'continue', then: 'deliver post', toc: 'org pre lesson post' },
    ],
  });
  play({
    id: 'disabled: a never-attempted activity is disabled (not attempted is known)',
    items: [{ id: 'a' }, { id: 'b', seq: pre('disabled', 'attempted', { not: true }) }],
    root: flow,
    steps: [
      { do: 'start', then: 'deliver a', toc: 'org a' },
      { do: 'continue', then: 'invalid SB.2.2-2' },
    ],
  });
  play({
    id: 'hiddenFromChoice: hidden from the TOC, reachable by flow',
    items: [{ id: 'a' }, { id: 'b', seq: pre('hiddenFromChoice', 'always') }],
    root: flow,
    steps: [
      { do: 'start', then: 'deliver a', toc: 'org a' },
      { do: 'choice b', then: 'invalid SB.2.9-3' },
      { do: 'continue', then: 'deliver b' },
    ],
  });
  play({
    id: 'stopForwardTraversal: choice cannot pass it',
    items: [
      { id: 'a' },
      { id: 'b', seq: pre('stopForwardTraversal', 'attempted', { not: true }) },
      { id: 'c' },
    ],
    root: flow,
    steps: [
      { do: 'start', then: 'deliver a' },
      { do: 'choice c', then: 'invalid SB.2.4-1' },
      { do: 'choice b', then: 'deliver b' },
      { do: done('b') },
      { do: 'choice c', then: 'deliver c' },
    ],
  });
  play({
    id: 'exit rule on a cluster: leaving it once satisfied',
    items: [
      cluster('m1', leaves('a', 'b'), flowOn, (s) =>
        s.sequencingRules.exitConditionRules.push(rule('exit', 'satisfied')),
      ),
      { id: 'c' },
    ],
    root: { controlMode: flowOn, seq: (s) => s.sequencingRules.preConditionRules.push() },
    steps: [
      { do: 'start', then: 'deliver a' },
      { do: { report: 'a', success: 'passed', completion: 'completed' } },
      { do: 'continue', then: 'deliver b' },
      { do: done('b', 'passed') },
      { do: 'continue', then: 'deliver c' },
    ],
  });
  play({
    id: 'retry: a failed test is delivered again as a new attempt',
    items: [{ id: 'test', seq: post('retry', 'satisfied', { not: true }) }, { id: 'next' }],
    root: flow,
    steps: [
      { do: 'start', then: 'deliver test' },
      { do: done('test', 'failed') },
      { do: 'continue', then: 'deliver test', status: 'test:iu' },
      { do: done('test', 'passed') },
      { do: 'continue', then: 'deliver next', status: 'test:cp' },
    ],
  });
  play({
    id: 'continue post rule: exit moves on',
    items: [{ id: 'a', seq: post('continue', 'always') }, { id: 'b' }],
    root: flow,
    steps: [
      { do: 'start', then: 'deliver a' },
      { do: 'exit', then: 'deliver b' },
    ],
  });
  play({
    id: 'previous post rule',
    items: [{ id: 'a' }, { id: 'b', seq: post('previous', 'always') }],
    root: flow,
    steps: [
      { do: 'start', then: 'deliver a' },
      { do: 'continue', then: 'deliver b' },
      { do: 'exit', then: 'deliver a' },
    ],
  });
  play({
    id: 'exitParent post rule: continue from the parent',
    items: [cluster('m1', [{ id: 'a', seq: post('exitParent', 'satisfied') }, { id: 'b' }]), { id: 'c' }],
    root: flow,
    steps: [
      { do: 'start', then: 'deliver a' },
      { do: done('a', 'passed') },
      { do: 'continue', then: 'deliver c' },
    ],
  });
  play({
    id: 'exitAll post rule ends the course',
    items: [{ id: 'a', seq: post('exitAll', 'always') }, { id: 'b' }],
    root: flow,
    steps: [
      { do: 'start', then: 'deliver a' },
      { do: 'continue', then: 'end exitAll', valid: 'start' },
    ],
  });
  play({
    id: 'retryAll post rule restarts the course with new attempts',
    items: [{ id: 'a' }, { id: 'b', seq: post('retryAll', 'satisfied', { not: true }) }],
    root: flow,
    steps: [
      { do: 'start', then: 'deliver a' },
      { do: 'continue', then: 'deliver b' },
      { do: done('b', 'failed') },
      { do: 'continue', then: 'deliver a', status: 'org:iu a:iu b:cf' },
    ],
  });
});

function objective(objectiveID: string, map: ReturnType<typeof mapTo>) {
  return { objectiveID, satisfiedByMeasure: false, minNormalizedMeasure: 1, mapInfo: [map] };
}

function mapTo(id: string) {
  return {
    targetObjectiveID: id,
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

describe('scenarios: rollup rule kinds and considerations', () => {
  const three = leaves('a', 'b', 'c');
  play({
    id: 'all (default): every child passed',
    items: three,
    root: flow,
    steps: [
      { do: 'start', then: 'deliver a' },
      { do: done('a', 'passed') },
      { do: 'continue', then: 'deliver b', status: 'org:iu' },
      { do: 'continue', then: 'deliver c' },
      { do: 'continue', then: 'end completed', status: 'org:cp' },
    ],
  });
  play({
    id: 'any: one passed child satisfies',
    items: three,
    root: { controlMode: flowOn, seq: rollup('satisfied', 'any', 'satisfied') },
    steps: [
      { do: 'start', then: 'deliver a' },
      { do: done('a', 'passed'), status: 'org:ip' },
    ],
  });
  play({
    id: 'none: no child satisfied ⇒ not satisfied',
    items: leaves('a', 'b'),
    root: { controlMode: flowOn, seq: rollup('notSatisfied', 'none', 'satisfied') },
    steps: [
      { do: 'start', then: 'deliver a' },
      { do: done('a', 'failed'), status: 'org:iu' },
      { do: 'continue', then: 'deliver b' },
      { do: done('b', 'failed'), status: 'org:cf' },
    ],
  });
  play({
    id: 'atLeastCount 2 completed ⇒ completed',
    items: three,
    root: { controlMode: flowOn, seq: rollup('completed', 'atLeastCount', 'completed', { minimumCount: 2 }) },
    steps: [
      { do: 'start', then: 'deliver a' },
      { do: 'continue', then: 'deliver b', status: 'org:iu' },
      { do: 'continue', then: 'deliver c', status: 'org:cu' },
    ],
  });
  play({
    id: 'atLeastPercent 0.5 satisfied',
    items: leaves('a', 'b'),
    root: {
      controlMode: flowOn,
      seq: rollup('satisfied', 'atLeastPercent', 'satisfied', { minimumPercent: 0.5 }),
    },
    steps: [
      { do: 'start', then: 'deliver a' },
      { do: done('a', 'passed'), status: 'org:ip' },
    ],
  });
  play({
    id: 'requiredForSatisfied ifAttempted: an unvisited child does not block',
    items: [
      { id: 'a' },
      {
        id: 'b',
        seq: (s) =>
          Object.assign(s.rollupConsiderations, {
            requiredForSatisfied: 'ifAttempted',
            requiredForNotSatisfied: 'ifAttempted',
            requiredForCompleted: 'ifAttempted',
            requiredForIncomplete: 'ifAttempted',
          }),
      },
    ],
    root: flow,
    steps: [
      { do: 'start', then: 'deliver a' },
      { do: 'exit', then: 'wait', status: 'org:cp' },
    ],
  });
  play({
    id: 'measure rollup with satisfiedByMeasure on the root',
    items: leaves('a', 'b'),
    root: {
      controlMode: flowOn,
      seq: (s) =>
        (s.objectives.primary = { satisfiedByMeasure: true, minNormalizedMeasure: 0.7, mapInfo: [] }),
    },
    steps: [
      { do: 'start', then: 'deliver a' },
      { do: done('a', 'passed', 0.9) },
      { do: 'continue', then: 'deliver b', status: 'org:if' },
      { do: done('b', 'passed', 0.6), status: 'org:cp' },
    ],
  });
  play({
    id: 'completedByMeasure on a leaf: the progress measure decides',
    items: [
      {
        id: 'a',
        extra: {
          completionThreshold: { completedByMeasure: true, minProgressMeasure: 0.8, progressWeight: 1 },
        },
      },
    ],
    steps: [
      { do: 'choice a', then: 'deliver a' },
      { do: { report: 'a', completion: 'completed', progress: 0.5, commit: true }, status: 'a:iu' },
      { do: { report: 'a', progress: 0.9, commit: true }, status: 'a:cu' },
    ],
  });
});

describe('scenarios: limits, selection, jump, suspend, abandon, globals, restore', () => {
  play({
    id: 'attemptLimit 1: after one attempt the test is disabled',
    items: [{ id: 'a', seq: (s) => (s.limitConditions.attemptLimit = 1) }, { id: 'b' }],
    steps: [
      { do: 'choice a', then: 'deliver a' },
      { do: 'choice b', then: 'deliver b', toc: 'b' },
      { do: 'choice a', then: 'invalid DB.1.1-3' },
    ],
  });
  play({
    id: 'attemptLimit 0: never delivered nor selectable; flow skips nothing and stops before it',
    items: [{ id: 'a' }, { id: 'b', seq: (s) => (s.limitConditions.attemptLimit = 0) }, { id: 'c' }],
    steps: [
      { do: 'choice a', then: 'deliver a', toc: 'a c' },
      { do: 'choice b', then: 'invalid DB.1.1-3' },
      { do: 'choice c', then: 'deliver c', toc: 'a c' },
    ],
  });
  play({
    id: 'attemptAbsoluteDurationLimit: over the limit, no new attempt',
    items: [{ id: 'a', seq: (s) => (s.limitConditions.attemptAbsoluteDurationLimit = 'PT1M') }, { id: 'b' }],
    steps: [
      { do: 'choice a', then: 'deliver a' },
      { do: { report: 'a', seconds: 90 } },
      { do: 'choice b', then: 'deliver b', toc: 'b' },
    ],
  });
  play({
    id: 'selection once: two of four, kept across a restore',
    items: [
      cluster('m', leaves('a', 'b', 'c', 'd'), flowOn, (s) =>
        Object.assign(s.randomizationControls, { selectCount: 2, selectionTiming: 'once' }),
      ),
    ],
    root: flow,
    random: () => 0,
    steps: [
      { do: 'start', then: 'deliver b', toc: 'org m b c' },
      { do: 'suspendAll', then: 'end suspendAll' },
      { do: { restore: true }, valid: 'resumeAll' },
      { do: 'resumeAll', then: 'resume b', toc: 'org m b c' },
    ],
  });
  play({
    id: 'randomization onEachNewAttempt: a new order for each attempt of the cluster',
    items: [
      cluster('m', leaves('a', 'b', 'c'), flowOn, (s) =>
        Object.assign(s.randomizationControls, {
          randomizationTiming: 'onEachNewAttempt',
          reorderChildren: true,
        }),
      ),
    ],
    root: flow,
    random: () => 0,
    steps: [
      { do: 'start', then: 'deliver b' },
      { do: 'exitAll', then: 'end exitAll' },
      { do: 'start', then: 'deliver c' },
    ],
  });
  play({
    id: 'randomization never: manifest order',
    items: [
      cluster('m', leaves('a', 'b', 'c'), flowOn, (s) =>
        Object.assign(s.randomizationControls, { reorderChildren: true }),
      ),
    ],
    root: flow,
    random: () => 0,
    steps: [{ do: 'start', then: 'deliver a' }],
  });
  play({
    id: 'jump ignores choice and flow controls',
    items: [cluster('m', leaves('a', 'b'), { choice: false, flow: false }), { id: 'c' }],
    steps: [
      { do: 'choice c', then: 'deliver c' },
      { do: 'jump b', then: 'deliver b' },
    ],
  });
  play({
    id: 'suspendAll / resumeAll: the suspended attempt resumes, no new attempt',
    items: leaves('a', 'b'),
    root: flow,
    steps: [
      { do: 'start', then: 'deliver a' },
      { do: { report: 'a', completion: 'incomplete', exit: 'suspend' } },
      { do: 'suspendAll', then: 'end suspendAll', valid: 'resumeAll' },
      { do: 'resumeAll', then: 'resume a', status: 'a:iu' },
      { do: 'continue', then: 'deliver b' },
    ],
  });
  play({
    id: 'cmi.exit suspend then continue: the leaf is suspended, not auto-completed',
    items: leaves('a', 'b'),
    root: flow,
    steps: [
      { do: 'start', then: 'deliver a' },
      { do: { report: 'a', exit: 'suspend' } },
      { do: 'continue', then: 'deliver b', status: 'a:iu' },
      { do: 'previous', then: 'resume a' },
    ],
  });
  play({
    id: 'a killed tab (restore with an active current activity) is taken as suspended',
    items: leaves('a', 'b'),
    root: flow,
    steps: [
      { do: 'start', then: 'deliver a' },
      { do: { restore: true }, valid: 'resumeAll' },
      { do: 'resumeAll', then: 'resume a' },
    ],
  });
  play({
    id: 'abandon: no end-attempt defaults; abandonAll ends the session',
    items: leaves('a', 'b'),
    root: flow,
    steps: [
      { do: 'start', then: 'deliver a' },
      { do: 'abandon', then: 'wait', status: 'a:iu' },
      { do: 'continue', then: 'deliver b' },
      { do: 'abandonAll', then: 'end abandonAll', valid: 'start' },
    ],
  });
  play({
    id: 'logout ends with exitAll',
    items: leaves('a', 'b'),
    root: flow,
    steps: [
      { do: 'start', then: 'deliver a' },
      { do: { report: 'a', exit: 'logout' } },
      { do: 'continue', then: 'end exitAll' },
    ],
  });
  play({
    id: 'global objectives: one SCO writes, another reads (and is skipped)',
    items: [
      {
        id: 'a',
        seq: (s) =>
          (s.objectives.primary = objective('pa', {
            ...mapTo('shared'),
            writeSatisfiedStatus: true,
            writeNormalizedMeasure: true,
          })),
      },
      {
        id: 'b',
        seq: both((s) => (s.objectives.primary = objective('pb', mapTo('shared'))), pre('skip', 'satisfied')),
      },
      { id: 'c' },
    ],
    root: flow,
    steps: [
      { do: 'start', then: 'deliver a' },
      { do: done('a', 'passed', 0.8), status: 'a:cp b:np' },
      { do: 'continue', then: 'deliver c' },
    ],
  });
});
