// NB.2.1 Navigation Request Process (sequencing.md §2): validity, and the termination and sequencing
// requests a navigation request stands for.
import type { NavRequest } from '../navigator.js';
import type { SequencingRequest, TerminationRequest } from './termination.js';
import { type Activity, type Seq, commonAncestor, inTree, pathUp } from './tracking.js';

export interface NavResult {
  exception?: string;
  termination?: TerminationRequest;
  sequencing?: SequencingRequest;
  target?: Activity;
}

export function navigationRequest(seq: Seq, request: NavRequest): NavResult {
  const cur = seq.cur;
  const exitIfActive = (sequencing: SequencingRequest, target?: Activity): NavResult => {
    const r: NavResult = { sequencing };
    if (cur?.active) r.termination = 'exit';
    if (target) r.target = target;
    return r;
  };
  switch (request.type) {
    case 'start':
      return cur ? { exception: 'NB.2.1-1' } : { sequencing: 'start' };
    case 'resumeAll':
      if (cur) return { exception: 'NB.2.1-1' };
      return seq.suspended ? { sequencing: 'resumeAll' } : { exception: 'NB.2.1-3' };
    case 'continue':
      if (!cur) return { exception: 'NB.2.1-2' };
      if (cur.parent && cur.parent.def.controlMode.flow) return exitIfActive('continue');
      return { exception: 'NB.2.1-4' };
    case 'previous': {
      if (!cur) return { exception: 'NB.2.1-2' };
      const p = cur.parent;
      if (!p) return { exception: 'NB.2.1-6' };
      if (p.def.controlMode.flow && !p.def.controlMode.forwardOnly) return exitIfActive('previous');
      return { exception: 'NB.2.1-5' };
    }
    case 'choice':
      return choice(seq, request.target);
    case 'exit':
    case 'abandon':
      if (!cur) return { exception: 'NB.2.1-2' };
      if (!cur.active) return { exception: 'NB.2.1-12' };
      return { termination: request.type, sequencing: 'exit' };
    case 'exitAll':
    case 'abandonAll':
    case 'suspendAll':
      return cur ? { termination: request.type, sequencing: 'exit' } : { exception: 'NB.2.1-2' };
    case 'jump': {
      // NB.2.1 13 (4th Ed.). ▲ With an inactive current activity there is nothing to exit, so no termination
      // (as for continue/previous/choice) instead of TB.2.3-2.
      const t = seq.byId.get(request.target);
      if (!t || !inTree(t)) return { exception: 'NB.2.1-11' };
      return exitIfActive('jump', t);
    }
    default:
      return { exception: 'NB.2.1-13' };
  }

  function choice(seq: Seq, id: string): NavResult {
    const t = seq.byId.get(id);
    if (!t || !inTree(t)) return { exception: 'NB.2.1-11' };
    if (t.parent && !t.parent.def.controlMode.choice) return { exception: 'NB.2.1-10' };
    if (!cur) return { sequencing: 'choice', target: t };
    if (t.parent !== cur.parent || !t.parent) {
      const ca = commonAncestor(cur, t);
      const path = cur === ca ? [cur] : pathUp(cur, ca, false);
      if (!path.length) return { exception: 'NB.2.1-9' };
      for (const a of path) if (a.active && !a.def.controlMode.choiceExit) return { exception: 'NB.2.1-8' };
    }
    if (cur.active && !cur.def.controlMode.choiceExit) return { exception: 'NB.2.1-8' };
    return exitIfActive('choice', t);
  }
}
