// Termination (sequencing.md §2): TB.2.3 Termination Request Process with TB.2.1 Exit Action Rules and
// TB.2.2 Post Condition Rules.
import { checkRules } from './conditions.js';
import { endAttempt, terminateDescendentAttempts } from './end-attempt.js';
import { overallRollup } from './rollup.js';
import { type Activity, type Seq, FIELDS, pathFromRoot, primary, write } from './tracking.js';

export type TerminationRequest = 'exit' | 'exitAll' | 'suspendAll' | 'abandon' | 'abandonAll';
export type SequencingRequest =
  'start' | 'resumeAll' | 'continue' | 'previous' | 'exit' | 'retry' | 'choice' | 'jump';

export interface TerminationResult {
  exception?: string;
  sequencing?: SequencingRequest;
}

/** TB.2.1 Sequencing Exit Action Rules Subprocess: root … parent(cur), the current activity excluded. */
function exitActionRules(seq: Seq): void {
  const cur = seq.cur!;
  for (const a of pathFromRoot(cur)) {
    if (a === cur) break;
    if (checkRules(seq, a, 'exit', ['exit'])) {
      terminateDescendentAttempts(seq, a);
      endAttempt(seq, a);
      seq.cur = a;
      return;
    }
  }
}

/** TB.2.2 Sequencing Post Condition Rules Subprocess. */
function postConditionRules(seq: Seq): {
  termination?: 'exitParent' | 'exitAll';
  sequencing?: SequencingRequest;
} {
  const cur = seq.cur!;
  if (cur.suspended) return {};
  const act = checkRules(seq, cur, 'post', [
    'exitParent',
    'exitAll',
    'retry',
    'retryAll',
    'continue',
    'previous',
  ]);
  if (act === 'retry' || act === 'continue' || act === 'previous') return { sequencing: act };
  if (act === 'exitParent' || act === 'exitAll') return { termination: act };
  if (act === 'retryAll') return { termination: 'exitAll', sequencing: 'retry' };
  return {};
}

/** The reference implementation's abandon: the abandoned leaf's completion, satisfaction and measure reset. */
function forget(seq: Seq, a: Activity): void {
  if (!a.leaf) return;
  for (const k of FIELDS) write(seq, a, primary(a), k, undefined);
}

/** TB.2.3 Termination Request Process. */
export function terminate(seq: Seq, request: TerminationRequest): TerminationResult {
  const cur = seq.cur;
  if (!cur) return { exception: 'TB.2.3-1' };
  if ((request === 'exit' || request === 'abandon') && !cur.active) return { exception: 'TB.2.3-2' };
  switch (request) {
    case 'exit': {
      endAttempt(seq, cur); // 3.1
      exitActionRules(seq); // 3.2
      for (;;) {
        // 3.3
        const post = postConditionRules(seq);
        if (post.termination === 'exitAll') return exitAll(seq, post.sequencing);
        if (post.termination === 'exitParent') {
          const c = seq.cur!;
          if (!c.parent) return { exception: 'TB.2.3-4' };
          seq.cur = c.parent;
          endAttempt(seq, c.parent);
          continue;
        }
        if (seq.cur === seq.root && post.sequencing !== 'retry') return { sequencing: 'exit' };
        return post.sequencing ? { sequencing: post.sequencing } : {};
      }
    }
    case 'exitAll':
      return exitAll(seq, undefined);
    case 'suspendAll': {
      let s: Activity;
      if (cur.active || cur.suspended) {
        overallRollup(seq, cur);
        s = cur;
      } else if (cur.parent) s = cur.parent;
      else return { exception: 'TB.2.3-3' };
      seq.suspended = s;
      for (let a: Activity | undefined = s; a; a = a.parent) {
        a.active = false;
        a.suspended = true;
      }
      seq.cur = seq.root;
      return { sequencing: 'exit' };
    }
    case 'abandon':
      forget(seq, cur);
      cur.active = false;
      return {};
    case 'abandonAll':
      forget(seq, cur);
      for (let a: Activity | undefined = cur; a; a = a.parent) a.active = false;
      seq.cur = seq.root;
      return { sequencing: 'exit' };
  }
}

/**
 * TB.2.3 4: exitAll. ▲ A retryAll arrives here with `retry`, which is kept (the reference implementation)
 * instead of step 4.5's literal `exit`, so the root starts a new attempt.
 */
function exitAll(seq: Seq, sequencing: SequencingRequest | undefined): TerminationResult {
  const cur = seq.cur!;
  if (cur.active) endAttempt(seq, cur);
  terminateDescendentAttempts(seq, seq.root);
  endAttempt(seq, seq.root);
  seq.cur = seq.root;
  return { sequencing: sequencing === 'retry' ? 'retry' : 'exit' };
}
