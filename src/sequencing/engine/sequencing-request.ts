// SB.2.12 Sequencing Request Process and the requests it dispatches to (sequencing.md §2): SB.2.5 Start,
// SB.2.6 Resume All, SB.2.7 Continue, SB.2.8 Previous, SB.2.9 Choice (choice.ts), SB.2.10 Retry,
// SB.2.11 Exit, SB.2.13 Jump.
import { type SeqResult, choiceRequest } from './choice.js';
import { type FlowResult, flow } from './flow.js';
import type { SequencingRequest } from './termination.js';
import type { Activity, Seq } from './tracking.js';

export type { SeqResult };

function fromFlow(r: FlowResult): SeqResult {
  if (r.deliverable) return { delivery: r.activity };
  const out: SeqResult = {};
  if (r.endSession) out.endSession = true;
  if (r.exception) out.exception = r.exception;
  return out;
}

/** SB.2.5 Start Sequencing Request Process. */
function start(seq: Seq): SeqResult {
  if (seq.cur) return { exception: 'SB.2.5-1' };
  if (seq.root.leaf) return { delivery: seq.root };
  return fromFlow(flow(seq, seq.root, 'forward', true));
}

/** SB.2.6 Resume All. ▲ The suspended activity may be a cluster; DB.1.1-1 then refuses it. */
function resumeAll(seq: Seq): SeqResult {
  if (seq.cur) return { exception: 'SB.2.6-1' };
  if (!seq.suspended) return { exception: 'SB.2.6-2' };
  return { delivery: seq.suspended };
}

/** SB.2.7 Continue / SB.2.8 Previous. */
function continueOrPrevious(seq: Seq, forward: boolean): SeqResult {
  const code = forward ? 'SB.2.7' : 'SB.2.8';
  const cur = seq.cur;
  if (!cur) return { exception: `${code}-1` };
  if (cur.parent && !cur.parent.def.controlMode.flow) return { exception: `${code}-2` };
  return fromFlow(flow(seq, cur, forward ? 'forward' : 'backward', false));
}

/** SB.2.10 Retry: the flow into a cluster sees pre-retry data (new attempts begin in DB.2). */
function retry(seq: Seq): SeqResult {
  const cur = seq.cur;
  if (!cur) return { exception: 'SB.2.10-1' };
  if (cur.active || cur.suspended) return { exception: 'SB.2.10-2' };
  if (cur.leaf) return { delivery: cur };
  const r = flow(seq, cur, 'forward', true);
  return r.deliverable ? { delivery: r.activity } : { exception: 'SB.2.10-3' };
}

/** SB.2.11 Exit. */
function exit(seq: Seq): SeqResult {
  const cur = seq.cur;
  if (!cur) return { exception: 'SB.2.11-1' };
  if (cur.active) return { exception: 'SB.2.11-2' };
  return cur === seq.root ? { endSession: true } : {};
}

/** SB.2.12 Sequencing Request Process. */
export function sequencingRequest(seq: Seq, request: SequencingRequest, target?: Activity): SeqResult {
  switch (request) {
    case 'start':
      return start(seq);
    case 'resumeAll':
      return resumeAll(seq);
    case 'continue':
      return continueOrPrevious(seq, true);
    case 'previous':
      return continueOrPrevious(seq, false);
    case 'choice':
      return choiceRequest(seq, target);
    case 'retry':
      return retry(seq);
    case 'exit':
      return exit(seq);
    case 'jump':
      // SB.2.13: only DB.1.1 can refuse a jump (choice, flow and hidden controls do not apply).
      if (!seq.cur) return { exception: 'SB.2.13-1' };
      return target ? { delivery: target } : { exception: 'SB.2.12-1' };
    default:
      return { exception: 'SB.2.12-1' };
  }
}
