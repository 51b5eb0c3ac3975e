// The navigation snapshot (sequencing.md §6): request validity and, for every available activity, what
// the TOC shows. Computed side-effect free (Seq.dry) with the real processes: NB.2.1 + SB.2.9 + DB.1.1 per
// choice target, so what the snapshot allows is what navigate() does when no termination intervenes.
import {
  NAV_REQUEST_KINDS,
  type ActivityStatus,
  type ActivityView,
  type NavigationSnapshot,
  type NavRequest,
  type NavRequestKind,
} from '../navigator.js';
import { choiceRequest } from './choice.js';
import { checkActivity, checkRules } from './conditions.js';
import { deliveryRequest } from './delivery.js';
import { flow } from './flow.js';
import { navigationRequest } from './navigation-request.js';
import { type Activity, type Seq, primary, read } from './tracking.js';

const childCache = new WeakMap<Activity[], readonly string[]>();
/** The available children's ids, one array per available list (selection replaces the list). */
function childIds(a: Activity): readonly string[] {
  let ids = childCache.get(a.available);
  if (!ids) childCache.set(a.available, (ids = a.available.map((c) => c.id)));
  return ids;
}

export function statusOf(seq: Seq, a: Activity): ActivityStatus {
  const o = primary(a);
  const completed = read(seq, o, 'completed');
  const satisfied = read(seq, o, 'satisfied');
  const status: ActivityStatus = {
    itemId: a.id,
    // An attempted activity whose completion is not known is shown incomplete, as LMSs report it.
    completion:
      completed === undefined
        ? a.attempted
          ? 'incomplete'
          : 'not attempted'
        : completed
          ? 'completed'
          : 'incomplete',
    success: satisfied === undefined ? 'unknown' : satisfied ? 'passed' : 'failed',
    attempted: a.attempted,
    attemptCount: a.attemptCount,
    suspended: a.suspended,
  };
  const m = read(seq, o, 'normalizedMeasure');
  if (m !== undefined) status.scoreScaled = m;
  const p = read(seq, o, 'progressMeasure');
  if (p !== undefined) status.progressMeasure = p;
  return status;
}

/** Whether OP.1 would accept `request` up to delivery, on the current state (§6.1). */
function requestValid(seq: Seq, kind: NavRequestKind): boolean {
  const nb = navigationRequest(seq, { type: kind } as NavRequest);
  if (nb.exception) return false;
  const cur = seq.cur;
  switch (kind) {
    case 'start': {
      // §6.1: with a suspended activity the learner is offered resumeAll, not start.
      if (seq.suspended) return false;
      if (seq.root.leaf) return !deliveryRequest(seq, seq.root);
      const r = flow(seq, seq.root, 'forward', true);
      return r.deliverable && !deliveryRequest(seq, r.activity);
    }
    case 'previous': {
      const r = flow(seq, cur!, 'backward', false);
      return r.deliverable && !deliveryRequest(seq, r.activity);
    }
    case 'suspendAll':
      return !!cur && (cur.active || cur.suspended || cur.parent !== undefined);
    default:
      return true;
  }
}

function choiceValid(seq: Seq, a: Activity): boolean {
  const nb = navigationRequest(seq, { type: 'choice', target: a.id });
  if (nb.exception) return false;
  const r = choiceRequest(seq, a);
  return r.delivery !== undefined && !deliveryRequest(seq, r.delivery);
}

export function computeSnapshot(seq: Seq, revision: number): NavigationSnapshot {
  seq.dry = true;
  seq.pass = revision + 1;
  try {
    const requests = {} as Record<NavRequestKind, boolean>;
    for (const k of NAV_REQUEST_KINDS) requests[k] = requestValid(seq, k);
    const activities = new Map<string, ActivityView>();
    // Hidden (hiddenFromChoice) and disabled pass down to descendants (§6.2 passes 2-3).
    const hidden = new Set<Activity>();
    const disabled = new Set<Activity>();
    for (const a of seq.order) {
      const p = a.parent;
      if ((p && hidden.has(p)) || checkRules(seq, a, 'pre', ['hiddenFromChoice'])) hidden.add(a);
      if ((p && disabled.has(p)) || checkActivity(seq, a)) disabled.add(a);
      activities.set(a.id, {
        id: a.id,
        visible: !hidden.has(a) && (a.item?.isVisible ?? true),
        selectable: choiceValid(seq, a),
        enabled: !disabled.has(a),
        jumpable: !!seq.cur && a.leaf && !deliveryRequest(seq, a),
        children: childIds(a),
        status: statusOf(seq, a),
      });
    }
    return {
      revision,
      rootId: seq.root.id,
      currentId: seq.cur?.active ? seq.cur.id : undefined,
      requests,
      activities,
    };
  } finally {
    seq.dry = false;
    seq.pass = 0;
  }
}
