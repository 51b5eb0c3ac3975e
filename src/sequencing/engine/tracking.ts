// The SN tracking model (SN 4.2, AM.1.1/AM.1.2; sequencing.md §1): one Activity per item with the
// organization as the root, its sequencing definition, its activity/attempt state and its objectives.
// The primary objective is always objectives[0] (an implicit ID-less one when the manifest has none, §1.3)
// and also carries the activity's attempt completion and progress measure, so completion maps on the
// primary carry the activity's completion (4th Ed., as the ADL reference implementation does).
import type { Item, Organization, SequencingDefinition, SequencingObjective } from '../../package/types.js';
import { defaultSequencing } from '../../package/sequencing.js';
import type { GlobalObjective } from '../navigator.js';

/** Three-valued logic (sequencing.md §0): undefined is unknown. */
export type Tri = boolean | undefined;

/** Objective progress (SN 4.2.1.3 + 4th Ed. scores/completion); an undefined field is unknown. */
export interface Objective extends GlobalObjective {
  def: SequencingObjective;
  /** The parent's attempt count when satisfaction/measure/scores were last written (§1.5). */
  stamp: number;
  /** The parent's attempt count when completion/progress were last written (§1.5). */
  pstamp: number;
}

export interface Activity {
  id: string;
  title: string;
  /** Undefined for the root (the organization). */
  item: Item | undefined;
  parent: Activity | undefined;
  /** All children in manifest order. */
  children: Activity[];
  /** AM.1.1 available children, in their current order (SR.1/SR.2). */
  available: Activity[];
  depth: number;
  /** Position in a preorder walk of the available tree; -1 when not selected (not in the tree). */
  pos: number;
  def: SequencingDefinition;
  /** No child items in the manifest (sequencing.md §0: an empty available list keeps a cluster a cluster). */
  leaf: boolean;
  // AM.1.1 activity state
  active: boolean;
  suspended: boolean;
  // AM.1.2 activity progress
  /** activityProgressStatus: set by DB.2 on the first attempt. */
  attempted: boolean;
  attemptCount: number;
  /** Experienced durations in seconds (the content's reported total time; see limits in conditions.ts). */
  attemptSeconds: number;
  activitySeconds: number;
  /** Objectives; [0] is the primary. */
  objectives: Objective[];
}

/** The whole sequencing state of one organization. */
export interface Seq {
  root: Activity;
  byId: Map<string, Activity>;
  /** Every activity in manifest preorder (selected or not). */
  all: Activity[];
  /** Available activities in preorder (what `pos` indexes). */
  order: Activity[];
  cur: Activity | undefined;
  suspended: Activity | undefined;
  globals: Map<string, GlobalObjective>;
  /** Global objective ids written since the last rollup reach (§1.4). */
  changed: Set<string>;
  random: () => number;
  /** adlseq:objectivesGlobalToSystem="false": the globals are this course's and a root retry clears them. */
  courseScoped: boolean;
  /** Side-effect-free evaluation (snapshot validity): processes that would change state do not. */
  dry: boolean;
  /** UP.2 results cached during a dry pass (the state cannot change then). */
  memo: Map<string, string | undefined> | undefined;
}

function objectiveOf(def: SequencingObjective): Objective {
  return { def, stamp: 0, pstamp: 0 };
}

function implicitPrimary(): SequencingObjective {
  return { satisfiedByMeasure: false, minNormalizedMeasure: 1, mapInfo: [] };
}

function activityOf(
  id: string,
  title: string,
  item: Item | undefined,
  parent: Activity | undefined,
  def: SequencingDefinition | undefined,
  leaf: boolean,
): Activity {
  const d = def ?? defaultSequencing();
  const defs = [d.objectives.primary ?? implicitPrimary(), ...d.objectives.secondary];
  return {
    id,
    title,
    item,
    parent,
    children: [],
    available: [],
    depth: parent ? parent.depth + 1 : 0,
    pos: -1,
    def: d,
    leaf,
    active: false,
    suspended: false,
    attempted: false,
    attemptCount: 0,
    attemptSeconds: 0,
    activitySeconds: 0,
    objectives: defs.map(objectiveOf),
  };
}

/** Builds the activity tree (SN 1.2) with every child available, iteratively (deep trees). */
export function buildSeq(organization: Organization, random: () => number): Seq {
  const root = activityOf(
    organization.identifier,
    organization.title,
    undefined,
    undefined,
    organization.sequencing,
    organization.items.length === 0,
  );
  const byId = new Map<string, Activity>([[root.id, root]]);
  const all: Activity[] = [root];
  const stack: [Activity, Item[]][] = [[root, organization.items]];
  while (stack.length) {
    const [parent, items] = stack.pop()!;
    for (const item of items) {
      // A duplicate identifier would make the tree ambiguous: the first one wins (defined behaviour).
      if (byId.has(item.identifier)) continue;
      const a = activityOf(
        item.identifier,
        item.title,
        item,
        parent,
        item.sequencing,
        item.children.length === 0,
      );
      parent.children.push(a);
      byId.set(a.id, a);
      if (item.children.length) stack.push([a, item.children]);
    }
  }
  const seq: Seq = {
    root,
    byId,
    all,
    order: [],
    cur: undefined,
    suspended: undefined,
    globals: new Map(),
    changed: new Set(),
    random,
    courseScoped: !organization.objectivesGlobalToSystem,
    dry: false,
    memo: undefined,
  };
  for (const a of preorder(root, (x) => x.children)) {
    if (a !== root) all.push(a);
    a.available = [...a.children];
  }
  renumber(seq);
  return seq;
}

function preorder(root: Activity, kids: (a: Activity) => Activity[]): Activity[] {
  const out: Activity[] = [];
  const stack = [root];
  while (stack.length) {
    const a = stack.pop()!;
    out.push(a);
    const c = kids(a);
    for (let i = c.length - 1; i >= 0; i--) stack.push(c[i]!);
  }
  return out;
}

/** Recomputes preorder positions over the available tree (after selection/randomization). */
export function renumber(seq: Seq): void {
  for (const a of seq.all) a.pos = -1;
  seq.order = preorder(seq.root, (x) => x.available);
  seq.order.forEach((a, i) => (a.pos = i));
}

export const primary = (a: Activity): Objective => a.objectives[0]!;
export const tracked = (a: Activity): boolean => a.def.deliveryControls.tracked;
export const inTree = (a: Activity): boolean => a.pos >= 0;

/** The activities from the root down to `a`, both included. */
export function pathFromRoot(a: Activity): Activity[] {
  const path: Activity[] = [];
  for (let x: Activity | undefined = a; x; x = x.parent) path.push(x);
  return path.reverse();
}

/** `anc` is `a` or one of its ancestors. */
export function within(a: Activity, anc: Activity): boolean {
  for (let x: Activity | undefined = a; x; x = x.parent) if (x === anc) return true;
  return false;
}

/** CA(a, b) (sequencing.md §0): the deepest activity holding both (an activity holds itself). */
export function commonAncestor(a: Activity, b: Activity): Activity {
  let x = a;
  let y = b;
  while (x.depth > y.depth) x = x.parent!;
  while (y.depth > x.depth) y = y.parent!;
  while (x !== y) {
    x = x.parent!;
    y = y.parent!;
  }
  return x;
}

/** The activities from `from` up to `to` (bottom-up), `to` included only when asked. */
export function pathUp(from: Activity, to: Activity, includeTo: boolean): Activity[] {
  const out: Activity[] = [];
  for (let x: Activity | undefined = from; x && x !== to; x = x.parent) out.push(x);
  if (includeTo) out.push(to);
  return out;
}

/** The last activity of the available tree in preorder (SB.2.1 3.1). */
export const lastInTree = (seq: Seq): Activity => seq.order[seq.order.length - 1]!;

/** A's parent's available children, or [a] for the root. */
export const siblings = (a: Activity): Activity[] => (a.parent ? a.parent.available : [a]);

const READ = {
  satisfied: 'readSatisfiedStatus',
  normalizedMeasure: 'readNormalizedMeasure',
  scoreRaw: 'readRawScore',
  scoreMin: 'readMinScore',
  scoreMax: 'readMaxScore',
  completed: 'readCompletionStatus',
  progressMeasure: 'readProgressMeasure',
} as const;
const WRITE = {
  satisfied: 'writeSatisfiedStatus',
  normalizedMeasure: 'writeNormalizedMeasure',
  scoreRaw: 'writeRawScore',
  scoreMin: 'writeMinScore',
  scoreMax: 'writeMaxScore',
  completed: 'writeCompletionStatus',
  progressMeasure: 'writeProgressMeasure',
} as const;
export type Field = keyof typeof READ;
export const FIELDS = Object.keys(READ) as Field[];
const PROGRESS_FIELDS: ReadonlySet<Field> = new Set(['completed', 'progressMeasure']);

/**
 * An objective field as every process sees it (§1.4 Read): the first read map for the field gives the
 * global's value when the global knows it, else the local value. `fresh=false` makes the local value count
 * as unknown (stale data of an earlier parent attempt, §1.5).
 */
export function read<K extends Field>(seq: Seq, o: Objective, k: K, fresh = true): GlobalObjective[K] {
  const map = o.def.mapInfo.find((m) => m[READ[k]]);
  if (map) {
    const v = seq.globals.get(map.targetObjectiveID)?.[k];
    if (v !== undefined) return v;
  }
  return fresh ? o[k] : undefined;
}

/**
 * Sets a local objective field and copies it to every write-mapped global (§1.4 Write). A change to
 * unknown is propagated too (▲ as the reference implementation does); an unchanged value writes nothing.
 * Two writers of one global: the later write wins (defined behaviour for bad data).
 */
export function write<K extends Field>(
  seq: Seq,
  a: Activity,
  o: Objective,
  k: K,
  v: GlobalObjective[K],
): void {
  if (seq.dry) return;
  const stamp = a.parent ? a.parent.attemptCount : 0;
  if (PROGRESS_FIELDS.has(k)) o.pstamp = stamp;
  else o.stamp = stamp;
  if (o[k] === v) return;
  if (v === undefined) delete o[k];
  else (o as GlobalObjective)[k] = v;
  for (const m of o.def.mapInfo) {
    if (!m[WRITE[k]]) continue;
    const id = m.targetObjectiveID;
    let g = seq.globals.get(id);
    if (!g) seq.globals.set(id, (g = {}));
    if (g[k] === v) continue;
    if (v === undefined) delete g[k];
    else g[k] = v;
    seq.changed.add(id);
  }
}

/** §1.5 new attempt: attempt progress and every local objective's progress reset (globals untouched). */
export function resetAttempt(a: Activity): void {
  a.attemptSeconds = 0;
  const stamp = a.parent ? a.parent.attemptCount : 0;
  for (const o of a.objectives) {
    for (const k of FIELDS) delete o[k];
    o.stamp = o.pstamp = stamp;
  }
}
