// The engine both APIs share: element names parsed against one typed table per version, error codes by
// situation, the session's states, state() and resume. Each version supplies a Model (scorm12.ts,
// scorm2004.ts) and a few rules of its own; nothing here knows an element by name except through the Model.
import type { AttemptState, RuntimeOptions } from './types.js';

/** Why a value was refused: [kind, reason]. Kinds map to each version's error codes (Codes.kinds). */
export type Fail = [kind: number, why: string];
/** A value check: 0 when the value may be stored. */
export type Check = (v: string, a: Core, p: Path) => Fail | 0;
/** A computed value (undefined: never set). */
export type Getter = (a: Core, p: Path) => string | undefined | Fail;
/** Stores a value elsewhere; true when it is not kept in the data model as well. */
export type Setter = (a: Core, p: Path, v: string) => boolean;
/** One data-model element: access (R|W), value check, default, and optional getter and setter. */
export type Spec = [access: number, check?: Check | 0, dflt?: string, get?: Getter, set?: Setter];

export const R = 1;
export const W = 2;
export const RW = 3;
/** Fail kinds. */
export const TYPE = 1;
export const RANGE = 2;
export const SPM = 3;
/** A general set failure (2004: 351): duplicates, write-once ids, full collections. */
export const SET = 4;
export const DEP = 5;
export const RDONLY = 6;
export const WRONLY = 7;

/** One index on the way to an element: cmi.interactions.3.objectives.1.id has two. */
export interface Step {
  /** The array ('cmi.interactions.3.objectives'). */
  k: string;
  i: number;
  /** The record ('cmi.interactions.3.objectives.1'). */
  r: string;
  /** The array's pattern ('cmi.interactions.n.objectives'). */
  p: string;
}

/** A parsed element name. Keywords (_children, _count, _version) are split off into `w`. */
export interface Path {
  k: string;
  /** The pattern, with 'n' for every index. */
  p: string;
  a: Step[];
  w: string;
  s: Spec | undefined;
}

/** Error codes by situation. Per call, in the order [initialize, terminate, get, set, commit]. */
export interface Codes {
  before: number[];
  after: number[];
  oops: number[];
  again: number;
  arg: number;
  unknown: number;
  children: number;
  count: number;
  version: number;
  keyword: number;
  ro: number;
  wo: number;
  /** Get beyond _count. */
  index: number;
  /** Set beyond _count. */
  order: number;
  /** Get, set of "". */
  empty: number[];
  /** Get of a value never set (0 in 1.2, where "" is the value). */
  unset: number;
  /** Fail kinds → codes. */
  kinds: number[];
}

export interface Model {
  v: '1.2' | '2004';
  ver: string;
  t: Record<string, Spec>;
  /** _children by node pattern. */
  ch: Record<string, string>;
  /** Arrays by pattern → the child that creates a record ('' = any). */
  ar: Record<string, string>;
  e: Codes;
  /** Error strings. */
  s: Record<number, string>;
  /** Elements onChange reports. */
  w: string[];
  /** Summary fields of AttemptState read as numbers, with their elements. */
  num: [string, string][];
  /** Exit, session time, location. */
  ek: string;
  sk: string;
  lk: string;
  /** Elements kept for a new attempt start with this (learner preferences). */
  keep: string;
  time: (v: string) => number;
  fmt: (s: number) => string;
  /** Every pattern that is a node or an element (to tell 301/202 from 401). */
  n?: Set<string>;
  pc?: Map<string, Path>;
  last?: [string, string, string, Step[]];
}

const INDEX = /^\d+$/;
const KEYWORDS = ['_children', '_count', '_version'];

const LITERAL_N = /\.n(\.|$)/;

/**
 * The canonical name, pattern and the steps into arrays of a name. An index is a number however it is
 * written (RTE 4.1.1.2: `cmi.interactions.01.id` addresses record 1), so the name is rebuilt with each index
 * in its plain decimal form.
 */
function steps(name: string): [string, string, Step[]] {
  const a: Step[] = [];
  let k = '';
  let p = '';
  for (const part of name.split('.')) {
    if (k && INDEX.test(part)) {
      const i = +part;
      a.push({ k, i, r: `${k}.${i}`, p });
      k += '.' + i;
      p += '.n';
    } else {
      k = k ? `${k}.${part}` : part;
      p = p ? `${p}.${part}` : part;
    }
  }
  return [k, p, a];
}

function parse(m: Model, el: string): Path {
  const pc = (m.pc ??= new Map());
  let P = pc.get(el);
  if (P) return P;
  const dot = el.lastIndexOf('.');
  let w = el.slice(dot + 1);
  const raw = dot > 0 && KEYWORDS.includes(w) ? el.slice(0, dot) : ((w = ''), el);
  // The fields of one record are usually set one after another: the record's part of the name is parsed
  // once (m.last), and names with indices are not kept (they are many and seldom repeat).
  const cut = raw.lastIndexOf('.');
  const head = raw.slice(0, cut);
  const tail = raw.slice(cut);
  let k: string;
  let p: string;
  let a: Step[];
  if (cut < 0 || INDEX.test(tail.slice(1))) [k, p, a] = steps(raw);
  else {
    if (m.last?.[0] !== head) m.last = [head, ...steps(head)];
    k = m.last[1] + tail;
    p = m.last[2] + tail;
    a = m.last[3];
  }
  // A literal 'n' where an index belongs is no element.
  P = { k, p, a, w, s: w || LITERAL_N.test(k) ? undefined : m.t[p] };
  if (!a.length) pc.set(el, P);
  return P;
}

function known(m: Model, p: string): boolean {
  if (!m.n) {
    m.n = new Set();
    for (const k of Object.keys(m.t))
      for (let i = k.length; i > 0; i = k.lastIndexOf('.', i - 1)) m.n.add(k.slice(0, i));
  }
  return m.n.has(p);
}

const str = (x: unknown): string => (x == null ? '' : String(x));
const message = (e: unknown): string => (e instanceof Error ? e.message : str(e));

export abstract class Core {
  /** The SCO's data by element ('cmi.location', 'cmi.interactions.0.id'). */
  d: Record<string, string> = {};
  /** Record counts by array ('cmi.interactions', 'cmi.interactions.0.objectives'). */
  c: Record<string, number> = {};
  /** What the LMS provides (read-only elements) by element. */
  l: Record<string, string | undefined> = {};
  /** Seconds of the attempt's earlier sessions (and of this one, once terminated). */
  tot = 0;
  /** This session's entry. */
  en = 'ab-initio';
  /** 0 not initialized, 1 running, 2 terminated. */
  st = 0;
  private er = 0;
  private dg = '';
  private ex = '';
  private seen: Record<string, string> = {};

  constructor(
    readonly o: RuntimeOptions,
    private readonly m: Model,
  ) {
    const r = o.resume;
    if (r && r.scormVersion === m.v) {
      const fresh = !!r.newAttempt;
      const data = (r.data ?? {}) as { values?: Record<string, unknown>; counts?: Record<string, unknown> };
      const values = data.values ?? {};
      const counts = data.counts ?? {};
      for (const k in values) {
        const v = values[k];
        if (typeof v === 'string' && (!fresh || k.startsWith(m.keep))) this.d[k] = v;
      }
      if (!fresh)
        for (const k in counts) {
          const v = counts[k];
          if (typeof v === 'number') this.c[k] = v;
        }
      // A session that never terminated still counts its time, once, here.
      this.tot =
        fresh && m.v === '2004' ? 0 : (+r.totalSeconds || 0) + (r.terminated ? 0 : +r.sessionSeconds || 0);
      this.tot = Math.round(this.tot * 100) / 100;
      // A new attempt always begins ab-initio (RTE 4.2.8), whatever exit ended the last one.
      this.en = fresh ? 'ab-initio' : ['ab-initio', 'resume', ''].includes(r.entry) ? r.entry : 'resume';
      delete this.d[m.ek];
      delete this.d[m.sk];
      delete this.d['adl.nav.request'];
    }
  }

  /**
   * Binds the API functions (content may call them detached, as `var f = API.LMSGetValue; f(...)`) and takes
   * the values onChange compares with. The version's constructor calls it last.
   */
  protected look(): void {
    const self = this as unknown as Record<string, (...a: unknown[]) => string>;
    for (const f of Object.getOwnPropertyNames(Object.getPrototypeOf(this)))
      if (/^[A-Z]/.test(f)) self[f] = self[f]!.bind(this);
    for (const el of this.m.w) this.seen[el] = this.peek(el);
  }

  /** Runs the version's rules for the end of a session (time, statuses). */
  protected abstract fin(): void;
  /** Fills the version's summary fields of the state. */
  protected abstract sum(s: AttemptState): void;
  /** Elements outside the table's grammar (adl.nav.request_valid.*); undefined when el is not one. */
  protected sp(_el: string, _set: boolean): string | Fail | undefined {
    return undefined;
  }
  /** After a successful Terminate (2004: the navigation request). */
  protected after(): void {}

  /** The session time set so far, in seconds. */
  protected ses(): number {
    const v = this.d[this.m.sk];
    return v ? this.m.time(v) || 0 : 0;
  }

  private ok(v: string): string {
    this.er = 0;
    this.dg = '';
    return v;
  }

  /** Records an error; returns "" (the result of a failed get). */
  private no(code: number, why: string, el?: string): string {
    this.er = code;
    this.dg = (el === undefined ? why : `${el}: ${why}`).slice(0, 255);
    return '';
  }

  private fail(f: Fail, el: string): string {
    return this.no(this.m.e.kinds[f[0]]!, f[1], el);
  }

  private state0(call: number): string {
    const e = this.m.e;
    return this.st
      ? this.no(e.after[call]!, 'the session has terminated')
      : this.no(e.before[call]!, 'the session is not initialized');
  }

  private oops(call: number, err: unknown): string {
    this.no(this.m.e.oops[call]!, 'internal error: ' + message(err));
    return call === 2 ? '' : 'false';
  }

  private value(P: Path): string | undefined | Fail {
    const s = P.s!;
    return s[3] ? s[3](this, P) : (this.d[P.k] ?? this.l[P.k] ?? s[2]);
  }

  private peek(el: string): string {
    const v = this.value(parse(this.m, el));
    return typeof v === 'string' ? v : '';
  }

  private has(P: Path): boolean {
    for (const x of P.a) if (x.i >= (this.c[x.k] ?? 0)) return false;
    return true;
  }

  protected init(arg: unknown): string {
    const e = this.m.e;
    try {
      if (str(arg)) return (this.no(e.arg, 'the argument must be ""'), 'false');
      if (this.st) return (this.no(this.st === 1 ? e.again : e.after[0]!, 'already initialized'), 'false');
      this.st = 1;
      return this.ok('true');
    } catch (err) {
      return this.oops(0, err);
    }
  }

  protected term(arg: unknown): string {
    const o = this.o;
    try {
      if (str(arg)) return (this.no(this.m.e.arg, 'the argument must be ""'), 'false');
      if (this.st !== 1) return (this.state0(1), 'false');
      this.tot = Math.round((this.tot + this.ses()) * 100) / 100;
      this.fin();
      this.ex = this.d[this.m.ek] ?? '';
      delete this.d[this.m.ek];
      this.st = 2;
      const s = this.state();
      let bad = '';
      for (const f of [o.onCommit, o.onTerminate])
        try {
          f?.(s);
        } catch (err) {
          bad ||= message(err);
        }
      if (o.onChange) this.emit();
      this.after();
      return bad ? (this.no(this.m.e.oops[1]!, 'could not save: ' + bad), 'false') : this.ok('true');
    } catch (err) {
      return this.oops(1, err);
    }
  }

  protected cm(arg: unknown): string {
    try {
      if (str(arg)) return (this.no(this.m.e.arg, 'the argument must be ""'), 'false');
      if (this.st !== 1) return (this.state0(4), 'false');
      this.o.onCommit?.(this.state());
      return this.ok('true');
    } catch (err) {
      return this.oops(4, err);
    }
  }

  protected gv(el: unknown): string {
    const m = this.m;
    const e = m.e;
    try {
      if (this.st !== 1) return this.state0(2);
      const n = str(el);
      if (!n) return this.no(e.empty[0]!, 'no element name');
      const x = this.sp(n, false);
      if (x !== undefined) return typeof x === 'string' ? this.ok(x) : this.fail(x, n);
      const P = parse(m, n);
      if (P.w) {
        let v: string | undefined;
        if (P.w === '_version') {
          if (P.k !== 'cmi') return this.no(e.version, 'only cmi has _version', n);
          v = m.ver;
        } else if (P.w === '_children') v = m.ch[P.p];
        else if (P.p in m.ar) v = String(this.c[P.k] ?? 0);
        if (v === undefined)
          return known(m, P.p)
            ? this.no(
                P.w === '_count' ? e.count : e.children,
                `not ${P.w === '_count' ? 'an array' : 'a parent'}`,
                n,
              )
            : this.no(e.unknown, 'not in the data model', n);
        return this.has(P) ? this.ok(v) : this.no(e.index, 'no such record', n);
      }
      if (!P.s) return this.no(e.unknown, 'not in the data model', n);
      if (!(P.s[0] & R)) return this.no(e.wo, 'write-only', n);
      if (!this.has(P)) return this.no(e.index, 'no such record', n);
      const v = this.value(P);
      if (typeof v === 'string') return this.ok(v);
      return v ? this.fail(v, n) : e.unset ? this.no(e.unset, 'not initialized', n) : this.ok('');
    } catch (err) {
      return this.oops(2, err);
    }
  }

  protected sv(el: unknown, val: unknown): string {
    const m = this.m;
    const e = m.e;
    try {
      if (this.st !== 1) return (this.state0(3), 'false');
      const n = str(el);
      const v = str(val);
      if (!n) return (this.no(e.empty[1]!, 'no element name'), 'false');
      const x = this.sp(n, true);
      if (x !== undefined) return (this.fail(x as Fail, n), 'false');
      const P = parse(m, n);
      const s = P.s;
      if (P.w) return (this.no(known(m, P.p) ? e.keyword : e.unknown, 'a keyword is read-only', n), 'false');
      if (!s) return (this.no(e.unknown, 'not in the data model', n), 'false');
      if (!(s[0] & W)) return (this.no(e.ro, 'read-only', n), 'false');
      const a = P.a;
      let j = 0;
      for (; j < a.length; j++) {
        const x = a[j]!;
        const c = this.c[x.k] ?? 0;
        if (x.i > c) return (this.no(e.order, `index ${x.i} is past _count ${c}`, n), 'false');
        if (x.i === c) {
          const cr = m.ar[x.p];
          if (cr && P.p.slice(x.p.length + 3) !== cr)
            return (this.fail([DEP, `set ${cr} first to add a record`], n), 'false');
          for (let q = j + 1; q < a.length; q++)
            if (a[q]!.i) return (this.no(e.order, `index ${a[q]!.i} is past _count 0`, n), 'false');
          break;
        }
      }
      const f = s[1] ? s[1](v, this, P) : 0;
      if (f) return (this.fail(f, n), 'false');
      for (; j < a.length; j++) this.c[a[j]!.k] = a[j]!.i + 1;
      if (!s[4]?.(this, P, v)) this.d[P.k] = v;
      if (this.o.onChange && m.w.includes(P.k)) this.emit();
      return this.ok('true');
    } catch (err) {
      return this.oops(3, err);
    }
  }

  /** Reports the watched values that changed since the last report. */
  protected emit(): void {
    for (const el of this.m.w) {
      const v = this.peek(el);
      if (v !== this.seen[el]) {
        this.seen[el] = v;
        try {
          this.o.onChange?.({ element: el, value: v });
        } catch {
          // A failing observer must not fail the content's call.
        }
      }
    }
  }

  protected le(): string {
    return String(this.er);
  }

  protected es(code: unknown): string {
    try {
      const c = str(code);
      return (c && this.m.s[+c]) || '';
    } catch {
      return '';
    }
  }

  protected dn(code: unknown): string {
    try {
      const c = str(code);
      return !c || +c === this.er ? this.dg : this.es(c);
    } catch {
      return '';
    }
  }

  /** The JSON-safe state of the attempt: what the next session needs (see AttemptState). */
  state(): AttemptState {
    const m = this.m;
    const d = this.d;
    const t = this.st === 2;
    const exit = t ? this.ex : (d[m.ek] ?? '');
    // After a suspend (or a suspendAll request: ADL's SampleRTE treats it so), or a session cut off before
    // it said how it ends, the attempt goes on.
    const sus = exit === 'suspend' || d['adl.nav.request'] === 'suspendAll';
    const fresh = !!this.st && !sus && (t || !!exit);
    const s: AttemptState = {
      scormVersion: m.v,
      entry: !this.st ? (this.en as AttemptState['entry']) : fresh ? 'ab-initio' : 'resume',
      newAttempt: fresh,
      terminated: t,
      exit,
      totalTime: m.fmt(this.tot),
      totalSeconds: this.tot,
      sessionSeconds: this.ses(),
      completionStatus: 'unknown',
      successStatus: 'unknown',
      location: d[m.lk] ?? '',
      suspendData: d['cmi.suspend_data'] ?? '',
      data: { values: { ...d }, counts: { ...this.c } },
    };
    for (const [f, k] of m.num) if (d[k]) (s as unknown as Record<string, number>)[f] = +d[k];
    this.sum(s);
    return s;
  }
}
