// The SCORM 2004 navigator: the SN engine (engine/*) behind the Navigator seam. It runs OP.1 for each
// request, moves run-time data into tracking data (sequencing.md §5.2) and back (§5.1), publishes one
// snapshot per sequencing pass, and persists the whole state.
import type { Item, Manifest, Organization } from '../package/types.js';
import { storedCounts, storedRecords } from '../runtime/attempt-data.js';
import type { AttemptState, CompletionStatus, ObjectiveSeed } from '../runtime/types.js';
import type {
  ActivityStatus,
  DeliveryData,
  GlobalObjective,
  GlobalObjectives,
  GlobalObjectiveScope,
  NavigationSnapshot,
  NavOutcome,
  NavRequest,
  Navigator,
  NavigatorFactory,
  NavigatorOptions,
} from './navigator.js';
import { overallSequencing } from './engine/overall.js';
import { persistSeq, restoreSeq } from './engine/persist.js';
import { applyEndDefaults } from './engine/end-attempt.js';
import { overallRollup } from './engine/rollup.js';
import { selectAndRandomize } from './engine/selection.js';
import { computeSnapshot, statusOf } from './engine/snapshot.js';
import {
  type Activity,
  type Field,
  type Objective,
  type Seq,
  buildSeq,
  primary,
  read,
  tracked,
  write,
} from './engine/tracking.js';
import { explain } from './engine/exceptions.js';

const completionOf = (v: unknown): boolean | undefined =>
  v === 'completed' ? true : v === 'incomplete' || v === 'not attempted' ? false : undefined;
const successOf = (v: unknown): boolean | undefined =>
  v === 'passed' ? true : v === 'failed' ? false : undefined;
const numberOf = (v: unknown): number | undefined => {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  return Number.isFinite(n) ? n : undefined;
};

/** The global objective fields a stored record may carry, type-checked (bad stored data is dropped). */
function cleanGlobal(g: unknown): GlobalObjective {
  const out: GlobalObjective = {};
  if (typeof g !== 'object' || g === null) return out;
  const r = g as Record<string, unknown>;
  for (const k of ['satisfied', 'completed'] as const) if (typeof r[k] === 'boolean') out[k] = r[k];
  for (const k of ['normalizedMeasure', 'scoreRaw', 'scoreMin', 'scoreMax', 'progressMeasure'] as const) {
    const v = r[k];
    if (typeof v === 'number' && Number.isFinite(v)) out[k] = v;
  }
  return out;
}

class Scorm2004Navigator implements Navigator {
  readonly globalObjectiveScope: GlobalObjectiveScope;
  private readonly seq: Seq;
  private readonly listeners = new Set<(s: NavigationSnapshot) => void>();
  private revision = 0;
  private current: NavigationSnapshot;
  /** What the last delivery began: a new attempt or a resumed one. */
  private delivered: { id: string; newAttempt: boolean } | undefined;
  /** cmi.exit of the current activity's last report (§5.3). */
  private lastExit = '';

  constructor(
    readonly manifest: Manifest,
    readonly organization: Organization,
    options: NavigatorOptions,
  ) {
    this.seq = buildSeq(organization, options.random ?? Math.random);
    this.globalObjectiveScope = organization.objectivesGlobalToSystem ? 'system' : 'course';
    for (const [id, g] of Object.entries(options.globalObjectives ?? {}))
      this.seq.globals.set(id, cleanGlobal(g));
    let restored: boolean;
    try {
      restored = options.restore !== undefined && restoreSeq(this.seq, options.restore);
    } catch {
      restored = false; // unreadable stored state: a fresh tree
    }
    // §4: a fresh tree gets its selection and order before the first traversal.
    if (!restored)
      selectAndRandomize(
        this.seq,
        this.seq.order.filter((a) => !a.leaf),
        true,
      );
    // Globals known already may decide statuses (§1.4 rollup reach).
    for (const id of this.seq.globals.keys()) this.seq.changed.add(id);
    overallRollup(this.seq);
    this.current = computeSnapshot(this.seq, this.revision);
  }

  snapshot(): NavigationSnapshot {
    return this.current;
  }

  private publish(): void {
    this.current = computeSnapshot(this.seq, ++this.revision);
    for (const listener of this.listeners) listener(this.current);
  }

  navigate(request: NavRequest): NavOutcome {
    const seq = this.seq;
    const cur = seq.cur;
    let effective = request;
    if (cur?.active) {
      // §5.3: cmi.exit suspend suspends the leaf before UP.4; logout / time-out (▲) end with exitAll.
      if (this.lastExit === 'suspend') cur.suspended = true;
      else if ((this.lastExit === 'logout' || this.lastExit === 'time-out') && request.type !== 'suspendAll')
        effective = { type: 'exitAll' };
    }
    let outcome: NavOutcome;
    try {
      const r = overallSequencing(seq, effective);
      if (r.kind === 'deliver') {
        this.delivered = { id: r.activity.id, newAttempt: r.newAttempt };
        this.lastExit = '';
        outcome = { kind: 'deliver', itemId: r.activity.id, newAttempt: r.newAttempt };
      } else if (r.kind === 'invalid') {
        // A refused request leaves the suspend mark of a still-running leaf as it was.
        if (cur?.active && this.lastExit === 'suspend') cur.suspended = false;
        outcome = { kind: 'invalid', exception: r.exception, reason: explain(r.exception) };
      } else outcome = r;
    } catch (error) {
      // Never throws (Navigator contract); an engine fault is reported as a refusal.
      outcome = { kind: 'invalid', exception: 'OP.1', reason: `Navigation failed: ${String(error)}` };
    }
    if (outcome.kind !== 'invalid' || seq.cur !== cur || !cur?.active) this.lastExit = '';
    this.publish();
    return outcome;
  }

  deliveryData(itemId: string): DeliveryData {
    const a = this.seq.byId.get(itemId);
    const newAttempt = this.delivered?.id === itemId ? this.delivered.newAttempt : true;
    if (!a) return { newAttempt, objectives: [] };
    const objectives: ObjectiveSeed[] = [];
    for (const o of a.objectives) {
      const id = o.def.objectiveID;
      if (id === undefined) continue; // an implicit ID-less primary is not exposed (§5.1)
      const seed: ObjectiveSeed = { id };
      const satisfied = read(this.seq, o, 'satisfied');
      if (satisfied !== undefined) seed.successStatus = satisfied ? 'passed' : 'failed';
      const completed = read(this.seq, o, 'completed');
      if (completed !== undefined) seed.completionStatus = completed ? 'completed' : 'incomplete';
      const fields = [
        ['normalizedMeasure', 'scoreScaled'],
        ['scoreRaw', 'scoreRaw'],
        ['scoreMin', 'scoreMin'],
        ['scoreMax', 'scoreMax'],
        ['progressMeasure', 'progressMeasure'],
      ] as const;
      for (const [from, to] of fields) {
        const v = read(this.seq, o, from);
        if (v !== undefined) seed[to] = v;
      }
      objectives.push(seed);
    }
    return { newAttempt, objectives };
  }

  report(itemId: string, state: AttemptState): void {
    const a = this.seq.cur;
    if (!a || a.id !== itemId || !a.active) return;
    this.lastExit = state.exit;
    try {
      if (tracked(a)) this.take(a, state);
    } catch {
      // Malformed run-time data is ignored rather than thrown into the player.
    }
    this.publish();
  }

  /** §5.2: run-time → tracking data, the objectives array first, then the SCO's top-level values. */
  private take(a: Activity, state: AttemptState): void {
    const seq = this.seq;
    // Only the objectives are read: a long session's interactions are not expanded on every report.
    const records = storedRecords(state, 'cmi.objectives');
    const count = storedCounts(state)['cmi.objectives'] ?? 0;
    let primaryEntrySuccess = false;
    const set = (o: Objective, k: Field, v: boolean | number | undefined) => write(seq, a, o, k, v);
    for (let n = 0; n < count; n++) {
      const entry = records[n] ?? {};
      const id = entry['id'];
      const o = a.objectives.find((x) => x.def.objectiveID !== undefined && x.def.objectiveID === id);
      if (!o) continue; // unknown IDs are ignored
      const success = successOf(entry['success_status']);
      if (o === primary(a) && success !== undefined) primaryEntrySuccess = true;
      set(o, 'satisfied', success);
      set(o, 'completed', completionOf(entry['completion_status']));
      set(o, 'normalizedMeasure', numberOf(entry['score.scaled']));
      set(o, 'scoreRaw', numberOf(entry['score.raw']));
      set(o, 'scoreMin', numberOf(entry['score.min']));
      set(o, 'scoreMax', numberOf(entry['score.max']));
      set(o, 'progressMeasure', numberOf(entry['progress_measure']));
    }
    const o = primary(a);
    // §5.2: the array first, then the top-level values the SCO set. ▲ The reference implementation lets a
    // known success from the primary's entry win; we let a known top-level success status win, because the
    // entry is seeded at delivery from the read maps (§5.1) and a SCO that only sets cmi.success_status
    // would otherwise have its new result overwritten by the stale seed (golf SimpleRemediation's retried
    // quiz, passed at the top level, stayed failed). An unknown top level keeps the entry's status.
    const topSuccess = successOf(state.successStatus);
    if (topSuccess !== undefined || !primaryEntrySuccess) set(o, 'satisfied', topSuccess);
    const completion = completionOf(state.completionStatus as CompletionStatus);
    if (completion !== undefined || o.completed === undefined) set(o, 'completed', completion);
    const top = [
      ['normalizedMeasure', state.scoreScaled],
      ['scoreRaw', state.scoreRaw],
      ['scoreMin', state.scoreMin],
      ['scoreMax', state.scoreMax],
      ['progressMeasure', state.progressMeasure],
    ] as const;
    for (const [k, v] of top) if (v !== undefined || o[k] === undefined) set(o, k, numberOf(v));
    // The SCO terminated and its attempt will end (not suspended): the UP.4 defaults apply now, so statuses
    // and progress reported at Terminate already show them (UP.4 finds the values known and keeps them).
    if (state.terminated && state.exit !== 'suspend') applyEndDefaults(seq, a);
    // Durations: the attempt's total time; the activity's adds what this report added.
    const seconds = numberOf(state.totalSeconds) ?? 0;
    if (seconds > a.attemptSeconds) a.activitySeconds += seconds - a.attemptSeconds;
    a.attemptSeconds = Math.max(a.attemptSeconds, seconds);
    overallRollup(seq, a);
  }

  status(itemId: string): ActivityStatus {
    const a = this.seq.byId.get(itemId);
    if (a) return statusOf(this.seq, a);
    return {
      itemId,
      completion: 'not attempted',
      success: 'unknown',
      attempted: false,
      attemptCount: 0,
      suspended: false,
    };
  }

  leaves(): Item[] {
    return this.seq.all.filter((a) => a.leaf && a.item?.launchUrl !== undefined).map((a) => a.item!);
  }

  persist(): unknown {
    return persistSeq(this.seq);
  }

  globalObjectives(): GlobalObjectives {
    const out: GlobalObjectives = {};
    for (const [id, g] of this.seq.globals) out[id] = { ...g };
    return out;
  }

  subscribe(listener: (snapshot: NavigationSnapshot) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/** The SCORM 2004 NavigatorFactory. */
export const createScorm2004Navigator: NavigatorFactory = (manifest, organization, options = {}) =>
  new Scorm2004Navigator(manifest, organization, options);
