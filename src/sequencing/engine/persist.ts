// persist()/restore of the whole sequencing state (sequencing.md §1.1, §4): activity state, attempt
// counts, durations, objective progress, available children in their order, current and suspended
// activity. JSON-safe; unreadable input is ignored field by field (never an exception).
import { type Activity, FIELDS, type Seq, renumber } from './tracking.js';

interface SavedObjective extends Record<string, unknown> {
  s: number;
  p: number;
}
interface SavedActivity {
  f: number; // bit flags: 1 active, 2 suspended, 4 attempted
  n: number;
  t: number;
  T: number;
  c?: string[];
  o: SavedObjective[];
}
export interface SavedState {
  v: 1;
  cur?: string;
  sus?: string;
  a: Record<string, SavedActivity>;
}

export function persistSeq(seq: Seq): SavedState {
  const a: Record<string, SavedActivity> = {};
  for (const x of seq.all) {
    const saved: SavedActivity = {
      f: (x.active ? 1 : 0) | (x.suspended ? 2 : 0) | (x.attempted ? 4 : 0),
      n: x.attemptCount,
      t: x.attemptSeconds,
      T: x.activitySeconds,
      o: x.objectives.map((o) => {
        const so: SavedObjective = { s: o.stamp, p: o.pstamp };
        for (const k of FIELDS) if (o[k] !== undefined) so[k] = o[k];
        return so;
      }),
    };
    if (!x.leaf) saved.c = x.available.map((c) => c.id);
    a[x.id] = saved;
  }
  const out: SavedState = { v: 1, a };
  if (seq.cur) out.cur = seq.cur.id;
  if (seq.suspended) out.sus = seq.suspended.id;
  return out;
}

const num = (v: unknown, fallback = 0): number =>
  typeof v === 'number' && Number.isFinite(v) ? v : fallback;

/** Restores a persistSeq() state; false when the input is not one (the tree stays fresh). */
export function restoreSeq(seq: Seq, input: unknown): boolean {
  if (typeof input !== 'object' || input === null || (input as SavedState).v !== 1) return false;
  const saved = input as SavedState;
  if (typeof saved.a !== 'object' || saved.a === null) return false;
  for (const x of seq.all) {
    const s = saved.a[x.id];
    if (typeof s !== 'object' || s === null) continue;
    const f = num(s.f);
    x.active = (f & 1) !== 0;
    x.suspended = (f & 2) !== 0;
    x.attempted = (f & 4) !== 0;
    x.attemptCount = num(s.n);
    x.attemptSeconds = num(s.t);
    x.activitySeconds = num(s.T);
    if (Array.isArray(s.c)) {
      // Only this cluster's own children, each once: a changed manifest cannot smuggle others in.
      const ids = new Set(s.c);
      const kids = s.c.map((id) => x.children.find((c) => c.id === id)).filter((c): c is Activity => !!c);
      if (kids.length === ids.size) x.available = kids;
    }
    (Array.isArray(s.o) ? s.o : []).forEach((so, i) => {
      const o = x.objectives[i];
      if (!o || typeof so !== 'object' || so === null) return;
      o.stamp = num(so.s);
      o.pstamp = num(so.p);
      for (const k of FIELDS) {
        const v = so[k];
        if (k === 'satisfied' || k === 'completed') {
          if (typeof v === 'boolean') o[k] = v;
        } else if (typeof v === 'number' && Number.isFinite(v)) o[k] = v;
      }
    });
  }
  renumber(seq);
  const cur = typeof saved.cur === 'string' ? seq.byId.get(saved.cur) : undefined;
  const sus = typeof saved.sus === 'string' ? seq.byId.get(saved.sus) : undefined;
  seq.suspended = sus && sus.pos >= 0 ? sus : undefined;
  if (cur && cur.pos >= 0 && cur.active) {
    // A session cut off while its content ran (a killed tab) is taken as suspended (suspendAll, TB.2.3 5).
    seq.suspended = cur;
    for (let a: Activity | undefined = cur; a; a = a.parent) {
      a.active = false;
      a.suspended = true;
    }
  }
  // start and resumeAll both need an undefined current activity (OP.1 session end).
  seq.cur = undefined;
  for (const x of seq.all) x.active = false;
  return true;
}
