// Row-test helpers: an activity tree from ItemSpecs, a tracking state written as data, and a dump of the
// state after a process ran, so every process can be tested as (tree, state, request) → (result, state).
import { manifest, type ItemSpec } from '../manifest-builder.js';
import type { SequencingDefinition } from '../../../src/package/types.js';
import { buildSeq, renumber, type Seq } from '../../../src/sequencing/engine/tracking.js';

export interface State {
  cur?: string;
  /** Activities with an attempt in progress. */
  active?: string[];
  suspended?: string[];
  /** The suspended activity (suspendAll). */
  suspendedActivity?: string;
  /** Attempt counts (activityProgressStatus follows). */
  count?: Record<string, number>;
  /** Primary objective satisfaction / completion / measure / progress. */
  sat?: Record<string, boolean>;
  done?: Record<string, boolean>;
  measure?: Record<string, number>;
  progress?: Record<string, number>;
  /** Available children (SR.1/SR.2 results). */
  available?: Record<string, string[]>;
  globals?: Record<string, { satisfied?: boolean; normalizedMeasure?: number; completed?: boolean }>;
}

export interface Tree {
  items: ItemSpec[];
  root?: {
    controlMode?: ItemSpec['controlMode'];
    pre?: ItemSpec['pre'];
    seq?: (s: SequencingDefinition) => void;
  };
}

/** A sequencing state from a tree and a state written as data. */
export function seqOf(tree: Tree, state: State = {}, random: () => number = () => 0.5): Seq {
  const m = manifest('2004-4th', tree.items, tree.root ?? {});
  const seq = buildSeq(m.defaultOrganization, random);
  const get = (id: string) => {
    const a = seq.byId.get(id);
    if (!a) throw new Error(`row names a missing activity ${id}`);
    return a;
  };
  for (const id of state.active ?? []) get(id).active = true;
  for (const id of state.suspended ?? []) get(id).suspended = true;
  for (const [id, n] of Object.entries(state.count ?? {})) {
    get(id).attemptCount = n;
    get(id).attempted = n > 0;
  }
  for (const [id, v] of Object.entries(state.sat ?? {})) get(id).objectives[0]!.satisfied = v;
  for (const [id, v] of Object.entries(state.done ?? {})) get(id).objectives[0]!.completed = v;
  for (const [id, v] of Object.entries(state.measure ?? {})) get(id).objectives[0]!.normalizedMeasure = v;
  for (const [id, v] of Object.entries(state.progress ?? {})) get(id).objectives[0]!.progressMeasure = v;
  for (const [id, g] of Object.entries(state.globals ?? {})) seq.globals.set(id, { ...g });
  for (const [id, kids] of Object.entries(state.available ?? {})) get(id).available = kids.map(get);
  renumber(seq);
  if (state.cur) seq.cur = get(state.cur);
  if (state.suspendedActivity) seq.suspended = get(state.suspendedActivity);
  return seq;
}

/** The state after a process, in the same terms. */
export function dump(seq: Seq): Required<Pick<State, 'active' | 'suspended' | 'count' | 'sat' | 'done'>> & {
  cur: string | undefined;
  suspendedActivity: string | undefined;
} {
  const out = {
    cur: seq.cur?.id,
    suspendedActivity: seq.suspended?.id,
    active: [] as string[],
    suspended: [] as string[],
    count: {} as Record<string, number>,
    sat: {} as Record<string, boolean>,
    done: {} as Record<string, boolean>,
  };
  for (const a of seq.all) {
    if (a.active) out.active.push(a.id);
    if (a.suspended) out.suspended.push(a.id);
    if (a.attemptCount) out.count[a.id] = a.attemptCount;
    const o = a.objectives[0]!;
    if (o.satisfied !== undefined) out.sat[a.id] = o.satisfied;
    if (o.completed !== undefined) out.done[a.id] = o.completed;
  }
  return out;
}

/** Picks the keys of `actual` that `expected` names (rows state only what they are about). */
export function pick<T extends object>(actual: T, expected: Partial<T>): Partial<T> {
  const out: Partial<T> = {};
  for (const k of Object.keys(expected) as (keyof T)[]) out[k] = actual[k];
  return out;
}

// Terse specs.
export const flowOn = { flow: true };
export const leaves = (...ids: string[]): ItemSpec[] => ids.map((id) => ({ id }));
export const cluster = (
  id: string,
  children: ItemSpec[],
  controlMode: ItemSpec['controlMode'] = flowOn,
  seq?: ItemSpec['seq'],
): ItemSpec => {
  const spec: ItemSpec = { id, children, controlMode };
  if (seq) spec.seq = seq;
  return spec;
};
/** A sequencing rule with one condition. */
export function rule<A extends string>(
  action: A,
  condition: string,
  opts: { not?: boolean; objective?: string; threshold?: number } = {},
) {
  const c: {
    condition: never;
    operator: 'not' | 'noOp';
    measureThreshold: number;
    referencedObjective?: string;
  } = {
    condition: condition as never,
    operator: opts.not ? 'not' : 'noOp',
    measureThreshold: opts.threshold ?? 0,
  };
  if (opts.objective) c.referencedObjective = opts.objective;
  return { conditionCombination: 'all' as const, conditions: [c], action };
}
