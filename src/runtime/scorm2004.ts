// SCORM 2004 4th Edition (RTE 4): the eight API_1484_11 functions over one table of cmi.* and adl.* elements.
// Rules: shared/docs/scorm-reference.md B (B1 states, B2 codes, B3 types, B4 model, B5 evaluation, B6).
import { formatInterval, isInterval, parseInterval } from '../util/duration.js';
import {
  type Check,
  Core,
  DEP,
  type Fail,
  type Model,
  type Path,
  R,
  RDONLY,
  RW,
  SET,
  SPM,
  type Spec,
  TYPE,
  W,
  WRONLY,
} from './core.js';
import type {
  AttemptState,
  CompletionStatus,
  NavRequestFromContent,
  RuntimeOptions,
  SharedDataStores,
  SuccessStatus,
} from './types.js';
import { len, num, type V, voc } from './values.js';

// B3 value types.
const REAL = /^[-+]?(\d+(\.\d+)?|\.\d+)$/;
const real = (lo?: number, hi?: number): V => num(REAL, lo, hi);
// RFC 3066: a primary tag of 2-3 letters (or i / x), then subtags of 1-8 letters and digits.
const LANG = /^([a-z]{2,3}|[ix])(-[a-z\d]{1,8})*$/i;
const lang: V = (v) =>
  v.length > 250 ? [SPM, 'longer than 250'] : !v || LANG.test(v) ? 0 : [TYPE, 'not a language'];
/** localized_string_type: an optional {lang=xx} delimiter, then at most n characters. */
const lstr =
  (n: number): V =>
  (v) => {
    if (v.startsWith('{lang=')) {
      const i = v.indexOf('}');
      if (i < 0 || !LANG.test(v.slice(6, i))) return [TYPE, 'a bad {lang=} delimiter'];
      v = v.slice(i + 1);
    }
    return len(n)(v);
  };
/** long_identifier_type / short_identifier_type: a URI (a URN when it says urn:): no spaces, nor the
 * characters a URI may not hold (so no [,] separators either). */
const id =
  (n: number): V =>
  (v) =>
    !v || /[\s[\]{}<>"\\^`|]/.test(v) || (/^urn:/i.test(v) && !/^urn:[a-z\d][a-z\d-]{0,31}:\S/i.test(v))
      ? [TYPE, 'not an identifier']
      : len(n)(v);
const lid = id(4000);
const sid = id(250);
// time(second,10,2): YYYY[-MM[-DD[Thh[:mm[:ss[.s[TZD]]]]]]], years 1970-2038 (RTE 4.1.1.6). Taken literally:
// a time-zone designator may follow only the fractional seconds, so '…:58Z' is refused and '…:58.5Z' kept
// exactly as written.
const TIME =
  /^(\d{4})(?:-(\d\d)(?:-(\d\d)(?:T(\d\d)(?::(\d\d)(?::(\d\d)(?:\.\d{1,2}(?:Z|[+-](\d\d)(?::(\d\d))?)?)?)?)?)?)?)?$/;
const time: V = (v) => {
  const m = TIME.exec(v);
  // NaN for a part that is absent, and NaN passes every range test below.
  const n = (i: number): number => Number(m?.[i]);
  const [y, mo, d] = [n(1), n(2), n(3)];
  return m &&
    y >= 1970 &&
    y <= 2038 &&
    !(mo < 1 || mo > 12) &&
    !(d < 1 || d > new Date(Date.UTC(y, mo, 0)).getUTCDate()) &&
    !(n(4) > 23 || n(5) > 59 || n(6) > 59 || n(7) > 23 || n(8) > 59)
    ? 0
    : [TYPE, 'not a time(second,10,2)'];
};
const interval: V = (v) => (isInterval(v) ? 0 : [TYPE, 'not a timeinterval']);

// B6: the formats of correct_responses patterns and learner responses, by interaction type.
const list =
  (each: V, max: number, set = false): V =>
  (v) => {
    if (set && !v) return 0;
    const parts = v.split('[,]');
    if (parts.length > max) return [SPM, `more than ${max} items`];
    for (const x of parts) {
      const f = each(x);
      if (f) return f;
    }
    return set && new Set(parts).size < parts.length ? [TYPE, 'an item repeats'] : 0;
  };
/** Strips the {name=true|false} delimiters a pattern may begin with. */
const flagged =
  (names: string, f: V): V =>
  (v) => {
    let m;
    while ((m = /^\{(\w+)=([^}]*)\}/.exec(v)) && names.includes(m[1] + '=')) {
      if (m[2] !== 'true' && m[2] !== 'false') return [TYPE, `a bad {${m[1]}=} delimiter`];
      v = v.slice(m[0].length);
    }
    return f(v);
  };
const pair: V = (v) => {
  const x = v.split('[.]');
  return x.length === 2 && !sid(x[0]!) && !sid(x[1]!) ? 0 : [TYPE, 'not source[.]target'];
};
/** min[:]max, either bound may be empty (a single number is taken as well). */
const range: V = (v) => {
  const x = v.split('[:]');
  const [lo = '', hi = ''] = x;
  return x.length > 2 || x.some((b) => b && !REAL.test(b)) || (x.length < 2 && !lo) || (lo && hi && +lo > +hi)
    ? [TYPE, 'not min[:]max']
    : 0;
};
/** A performance step: name[.]answer; the name is optional, the answer ≤250 or (in a pattern) a range. */
const step =
  (pat: boolean): V =>
  (v) => {
    const x = v.split('[.]');
    const [name = '', ans = ''] = x;
    if (x.length !== 2 || (!name && !ans) || (name && sid(name))) return [TYPE, 'not name[.]answer'];
    return pat && ans.includes('[:]') ? range(ans) : len(250)(ans);
  };
const choice = list(sid, 36, true);
const seq = list(sid, 36);
const match = list(pair, 36);
const fill = list(lstr(250), 10);
const long = lstr(4000);
const other = len(4000);
const tf = voc('true|false');
/** [pattern, learner_response] checks by type. */
const FMT: Record<string, V[]> = {
  'true-false': [tf, tf],
  choice: [choice, choice],
  'fill-in': [flagged('case_matters=order_matters=', fill), fill],
  'long-fill-in': [flagged('case_matters=', long), long],
  likert: [sid, sid],
  matching: [match, match],
  performance: [flagged('order_matters=', list(step(true), 125)), list(step(false), 125)],
  sequencing: [seq, seq],
  numeric: [range, real()],
  other: [other, other],
};
/** Types whose correct_responses hold one pattern, an absolute limit (351 past it). */
const ONE = ['true-false', 'likert', 'numeric', 'other'];

const typeOf = (a: Core, p: Path): string | undefined => a.d[p.a[0]!.r + '.type'];
const response: Check = (v, a, p) => {
  const t = typeOf(a, p);
  return t ? FMT[t]![1]!(v) : [DEP, 'set type first'];
};
const pattern: Check = (v, a, p) => {
  const t = typeOf(a, p);
  if (!t) return [DEP, 'set type first'];
  const x = p.a[1]!;
  if (x.i && ONE.includes(t)) return [SET, `a ${t} interaction takes one pattern`];
  const f = FMT[t]![0]!(v);
  if (f) return f;
  // choice and sequencing patterns are unique; a choice pattern is a set.
  const key = (s = ''): string => (t === 'choice' ? s.split('[,]').sort().join() : s);
  if (t === 'choice' || t === 'sequencing')
    for (let j = 0; j < (a.c[x.k] ?? 0); j++)
      if (j !== x.i && key(a.d[`${x.k}.${j}.pattern`]) === key(v)) return [SET, 'the pattern repeats'];
  return 0;
};
/** An id unique in its array; `once`: it cannot change once set (objectives). */
const unique =
  (once: boolean): Check =>
  (v, a, p) => {
    const f = lid(v);
    if (f) return f;
    const x = p.a[p.a.length - 1]!;
    const was = a.d[p.k];
    if (once && was !== undefined && was !== v) return [SET, 'an objective id cannot change'];
    for (let j = 0; j < (a.c[x.k] ?? 0); j++)
      if (j !== x.i && a.d[`${x.k}.${j}.id`] === v) return [SET, `the id is already used`];
    return 0;
  };

// B5: completion and success as evaluated at GetValue and Terminate.
const completion = (a: Core): CompletionStatus => {
  const t = a.o.completionThreshold;
  const pm = a.d['cmi.progress_measure'];
  return t == null
    ? ((a.d['cmi.completion_status'] as CompletionStatus) ?? 'unknown')
    : !pm
      ? 'unknown'
      : +pm >= t
        ? 'completed'
        : 'incomplete';
};
const success = (a: Core): SuccessStatus => {
  const t = a.o.scaledPassingScore;
  const sc = a.d['cmi.score.scaled'];
  return t == null
    ? ((a.d['cmi.success_status'] as SuccessStatus) ?? 'unknown')
    : !sc
      ? 'unknown'
      : +sc >= t
        ? 'passed'
        : 'failed';
};

// adl.data: the item's maps, read from and written to the shared stores (RTE 4.3).
const map = (a: Core, p: Path) => a.o.dataMaps![p.a[0]!.i]!;
const stores = (a: Core): SharedDataStores => (a as Scorm2004Api).sh;

const NAV =
  /^(continue|previous|exit|exitAll|abandon|abandonAll|suspendAll|_none_|\{target=[^\s}]+\}(choice|jump))$/;
const _ = undefined;

const T: Record<string, Spec> = {
  'cmi.completion_status': [RW, voc('completed|incomplete|not attempted|unknown'), _, completion],
  'cmi.completion_threshold': [R],
  'cmi.credit': [R],
  'cmi.entry': [R],
  // logout is deprecated (treated as exitAll by the sequencer).
  'cmi.exit': [W, voc('time-out|suspend|logout|normal|')],
  'cmi.interactions.n.id': [RW, lid],
  'cmi.interactions.n.type': [
    RW,
    voc('true-false|choice|fill-in|long-fill-in|likert|matching|performance|sequencing|numeric|other'),
  ],
  'cmi.interactions.n.objectives.n.id': [RW, unique(false)],
  'cmi.interactions.n.timestamp': [RW, time],
  'cmi.interactions.n.correct_responses.n.pattern': [RW, pattern],
  'cmi.interactions.n.weighting': [RW, real()],
  'cmi.interactions.n.learner_response': [RW, response],
  'cmi.interactions.n.result': [
    RW,
    (v) =>
      /^(correct|incorrect|unanticipated|neutral)$/.test(v) || REAL.test(v) ? 0 : [TYPE, 'not a result'],
  ],
  'cmi.interactions.n.latency': [RW, interval],
  'cmi.interactions.n.description': [RW, lstr(250)],
  'cmi.launch_data': [R],
  'cmi.learner_id': [R],
  'cmi.learner_name': [R],
  'cmi.learner_preference.audio_level': [RW, real(0), '1'],
  'cmi.learner_preference.language': [RW, lang, ''],
  'cmi.learner_preference.delivery_speed': [RW, real(0), '1'],
  'cmi.learner_preference.audio_captioning': [RW, voc('-1|0|1'), '0'],
  'cmi.location': [RW, len(1000)],
  'cmi.max_time_allowed': [R],
  'cmi.mode': [R],
  'cmi.objectives.n.id': [RW, unique(true)],
  'cmi.objectives.n.success_status': [RW, voc('passed|failed|unknown'), 'unknown'],
  'cmi.objectives.n.completion_status': [RW, voc('completed|incomplete|not attempted|unknown'), 'unknown'],
  'cmi.objectives.n.progress_measure': [RW, real(0, 1)],
  'cmi.objectives.n.description': [RW, lstr(250)],
  'cmi.progress_measure': [RW, real(0, 1)],
  'cmi.scaled_passing_score': [R],
  'cmi.session_time': [W, interval],
  'cmi.success_status': [RW, voc('passed|failed|unknown'), _, success],
  'cmi.suspend_data': [RW, len(64000)],
  'cmi.time_limit_action': [R, 0, 'continue,no message'],
  'cmi.total_time': [R],
  'adl.nav.request': [RW, (v) => (NAV.test(v) ? 0 : [TYPE, 'not a navigation request']), '_none_'],
  'adl.data.n.id': [R],
  'adl.data.n.store': [
    RW,
    (v, a, p) => (map(a, p).writeSharedData ? len(64000)(v) : [RDONLY, 'the map does not allow writing']),
    _,
    (a, p): string | undefined | Fail => {
      const m = map(a, p);
      if (!m.readSharedData) return [WRONLY, 'the map does not allow reading'];
      // A store no SCO has written is not initialized (RTE 4.3: 403), whatever else the object holds.
      const v = stores(a)[m.targetID];
      return typeof v === 'string' ? v : undefined;
    },
    (a, p, v) => {
      stores(a)[map(a, p).targetID] = v;
      return true;
    },
  ],
};
for (const p of ['cmi.comments_from_learner', 'cmi.comments_from_lms']) {
  const a = p.endsWith('lms') ? R : RW;
  T[p + '.n.comment'] = [a, lstr(4000)];
  T[p + '.n.location'] = [a, len(250)];
  T[p + '.n.timestamp'] = [a, time];
}
for (const p of ['cmi.score.', 'cmi.objectives.n.score.'])
  for (const k of ['scaled', 'raw', 'min', 'max']) T[p + k] = [RW, k === 'scaled' ? real(-1, 1) : real()];

const SCORE = 'scaled,raw,min,max';
const COMMENT = 'comment,location,timestamp';
/** The table and codes (exported for the conformance tests' completeness check). */
export const model2004: Model = {
  v: '2004',
  ver: '1.0',
  t: T,
  ch: {
    'cmi.comments_from_learner': COMMENT,
    'cmi.comments_from_lms': COMMENT,
    'cmi.interactions':
      'id,type,objectives,timestamp,correct_responses,weighting,learner_response,result,latency,description',
    'cmi.learner_preference': 'audio_level,language,delivery_speed,audio_captioning',
    'cmi.objectives': 'id,score,success_status,completion_status,progress_measure,description',
    'cmi.score': SCORE,
    'cmi.objectives.n.score': SCORE,
    'adl.data': 'id,store',
  },
  // B6 rule 1: a record is added by setting its id (a pattern: its pattern); comments by any field.
  ar: {
    'cmi.comments_from_learner': '',
    'cmi.comments_from_lms': '',
    'cmi.interactions': 'id',
    'cmi.interactions.n.objectives': 'id',
    'cmi.interactions.n.correct_responses': 'pattern',
    'cmi.objectives': 'id',
    'adl.data': 'id',
  },
  e: {
    before: [0, 112, 122, 132, 142],
    after: [104, 113, 123, 133, 143],
    oops: [102, 111, 301, 351, 391],
    again: 103,
    arg: 201,
    unknown: 401,
    children: 301,
    count: 301,
    version: 301,
    keyword: 404,
    ro: 404,
    wo: 405,
    index: 301,
    order: 351,
    empty: [301, 351],
    unset: 403,
    kinds: [0, 406, 407, 351, 351, 408, 404, 405],
  },
  s: {
    0: 'No Error',
    101: 'General Exception',
    102: 'General Initialization Failure',
    103: 'Already Initialized',
    104: 'Content Instance Terminated',
    111: 'General Termination Failure',
    112: 'Termination Before Initialization',
    113: 'Termination After Termination',
    122: 'Retrieve Data Before Initialization',
    123: 'Retrieve Data After Termination',
    132: 'Store Data Before Initialization',
    133: 'Store Data After Termination',
    142: 'Commit Before Initialization',
    143: 'Commit After Termination',
    201: 'General Argument Error',
    301: 'General Get Failure',
    351: 'General Set Failure',
    391: 'General Commit Failure',
    401: 'Undefined Data Model Element',
    402: 'Unimplemented Data Model Element',
    403: 'Data Model Element Value Not Initialized',
    404: 'Data Model Element Is Read Only',
    405: 'Data Model Element Is Write Only',
    406: 'Data Model Element Type Mismatch',
    407: 'Data Model Element Value Out Of Range',
    408: 'Data Model Dependency Not Established',
  },
  w: [
    'cmi.completion_status',
    'cmi.success_status',
    'cmi.score.scaled',
    'cmi.score.raw',
    'cmi.score.min',
    'cmi.score.max',
    'cmi.location',
    'cmi.progress_measure',
  ],
  num: [
    ['scoreScaled', 'cmi.score.scaled'],
    ['scoreRaw', 'cmi.score.raw'],
    ['scoreMin', 'cmi.score.min'],
    ['scoreMax', 'cmi.score.max'],
    ['progressMeasure', 'cmi.progress_measure'],
  ],
  ek: 'cmi.exit',
  sk: 'cmi.session_time',
  lk: 'cmi.location',
  keep: 'cmi.learner_preference.',
  time: parseInterval,
  fmt: formatInterval,
};

const VALID = /^adl\.nav\.request_valid\.(continue|previous|(choice|jump)\.\{target=([^\s}]+)\})$/;

/** The SCORM 2004 API object (window.API_1484_11): every argument and result is a string; nothing throws. */
export class Scorm2004Api extends Core {
  /** The shared-data stores adl.data reads and writes (options.sharedData, or a private one). */
  readonly sh: SharedDataStores;

  constructor(o: RuntimeOptions) {
    super(o, model2004);
    this.sh = o.sharedData ?? {};
    const { c, d, l } = this;
    const str = (n?: number): string | undefined => (n == null ? undefined : String(n));
    Object.assign(l, {
      'cmi.learner_id': o.learnerId,
      'cmi.learner_name': o.learnerName ?? '',
      'cmi.credit': o.credit ?? 'credit',
      'cmi.mode': o.mode ?? 'normal',
      'cmi.entry': this.en,
      'cmi.total_time': formatInterval(this.tot),
      'cmi.launch_data': o.launchData,
      'cmi.max_time_allowed': o.maxTimeAllowed,
      'cmi.time_limit_action': o.timeLimitAction,
      'cmi.completion_threshold': str(o.completionThreshold),
      'cmi.scaled_passing_score': str(o.scaledPassingScore),
    });
    const maps = o.dataMaps ?? [];
    maps.forEach((m, i) => (l[`adl.data.${i}.id`] = m.targetID));
    c['adl.data'] = maps.length;
    // The objectives the manifest declares are there from the start (B4).
    for (const oid of o.objectiveIds ?? []) {
      const n = c['cmi.objectives'] ?? 0;
      let j = 0;
      while (j < n && d[`cmi.objectives.${j}.id`] !== oid) j++;
      if (j === n) {
        d[`cmi.objectives.${n}.id`] = oid;
        c['cmi.objectives'] = n + 1;
      }
    }
    this.look();
  }

  Initialize(arg = ''): string {
    return this.init(arg);
  }
  Terminate(arg = ''): string {
    return this.term(arg);
  }
  GetValue(element: string): string {
    return this.gv(element);
  }
  SetValue(element: string, value: string): string {
    return this.sv(element, value);
  }
  Commit(arg = ''): string {
    return this.cm(arg);
  }
  GetLastError(): string {
    return this.le();
  }
  GetErrorString(code: string): string {
    return this.es(code);
  }
  GetDiagnostic(code = ''): string {
    return this.dn(code);
  }

  // adl.nav.request_valid.*: answered by the navigator, 'unknown' without one.
  protected override sp(el: string, set: boolean): string | Fail | undefined {
    const m = el.startsWith('adl.nav.request_valid.') && VALID.exec(el);
    if (!m) return undefined;
    if (set) return [RDONLY, 'read-only'];
    try {
      return String(this.o.navigator?.isRequestValid((m[2] ?? m[1]) as 'continue', m[3]) ?? 'unknown');
    } catch {
      return 'unknown';
    }
  }

  // B5 on Terminate: both evaluations are kept (the time was added by the core).
  protected override fin(): void {
    this.d['cmi.completion_status'] = completion(this);
    this.d['cmi.success_status'] = success(this);
  }

  protected override sum(s: AttemptState): void {
    s.completionStatus = completion(this);
    s.successStatus = success(this);
    s.navRequest = this.d['adl.nav.request'] ?? '_none_';
  }

  protected override after(): void {
    const r = this.d['adl.nav.request'];
    if (!r || r === '_none_') return;
    const m = /^\{target=(.+)\}(choice|jump)$/.exec(r);
    try {
      this.o.navigator?.request((m ? { type: m[2], target: m[1] } : { type: r }) as NavRequestFromContent);
    } catch {
      // The sequencer's failure is not the content's.
    }
  }
}
