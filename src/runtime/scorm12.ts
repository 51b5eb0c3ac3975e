// SCORM 1.2 (RTE 3.4): the eight LMS* functions over one table of cmi.* elements.
// Rules: shared/docs/scorm-reference.md A (A1 states, A2 codes, A3 types, A4 model, A5 behaviour).
import { formatTimespan, isTimespan, parseTimespan } from '../util/duration.js';
import { type Check, Core, type Model, R, RW, SPM, type Spec, TYPE, W } from './core.js';
import type { AttemptState, LessonStatus, RuntimeOptions } from './types.js';
import { either, len, num, rx, voc } from './values.js';

const DEC = /^-?\d+(\.\d+)?$/;
const s255 = len(255);
const s4096 = len(4096);
const ident = rx(/^[\x21-\x7E]{1,255}$/, 'a CMIIdentifier');
// score.raw/min/max: CMIDecimal or CMIBlank, 0..100 (the 1.2 CTS checks the range).
const score = num(/^(-?\d+(\.\d+)?)?$/, 0, 100);
const int = (lo: number, hi: number): Check => num(/^-?\d+$/, lo, hi);
const span: Check = (v) => (isTimespan(v) ? 0 : [TYPE, 'not a CMITimespan']);
const STATUS = 'passed|completed|failed|incomplete|browsed';
const LS = 'cmi.core.lesson_status';

// CMIFeedback by interaction type (RTE 1.2 p.62); fill-in and performance are any CMIString255. Taken
// leniently where content commonly strays: 'true'/'false' for true-false, upper-case choice letters.
const FB: Record<string, RegExp> = {
  'true-false': /^([01tf]|true|false)$/,
  choice: /^(\{?[0-9a-z](,[0-9a-z])*\}?)?$/i,
  numeric: DEC,
  likert: /^\S?$/,
  matching: /^\{?[0-9a-z]\.[0-9a-z](,[0-9a-z]\.[0-9a-z])*\}?$/i,
  sequencing: /^[0-9a-z](,[0-9a-z])*$/i,
};
const feedback: Check = (v, a, p) =>
  v.length > 255
    ? [SPM, 'longer than 255 characters']
    : (FB[a.d[p.a[0]!.r + '.type'] ?? '']?.test(v) ?? true)
      ? 0
      : [TYPE, 'not a CMIFeedback of the interaction type'];

const T: Record<string, Spec> = {
  'cmi.core.student_id': [R],
  'cmi.core.student_name': [R],
  'cmi.core.lesson_location': [RW, s255],
  'cmi.core.credit': [R],
  // The SCO may not set 'not attempted' (A4).
  [LS]: [RW, voc(STATUS)],
  'cmi.core.entry': [R],
  'cmi.core.total_time': [R],
  'cmi.core.lesson_mode': [R],
  'cmi.core.exit': [W, voc('time-out|suspend|logout|')],
  'cmi.core.session_time': [W, span],
  'cmi.suspend_data': [RW, s4096],
  'cmi.launch_data': [R],
  'cmi.comments': [RW, s4096],
  'cmi.comments_from_lms': [R],
  'cmi.objectives.n.id': [RW, ident],
  'cmi.objectives.n.status': [RW, voc(STATUS + '|not attempted')],
  'cmi.student_data.mastery_score': [R],
  'cmi.student_data.max_time_allowed': [R],
  'cmi.student_data.time_limit_action': [R],
  'cmi.student_preference.audio': [RW, int(-1, 100)],
  'cmi.student_preference.language': [RW, s255],
  'cmi.student_preference.speed': [RW, int(-100, 100)],
  'cmi.student_preference.text': [RW, int(-1, 1)],
  // Interactions are journaled: every field is write-only (A4).
  'cmi.interactions.n.id': [W, ident],
  'cmi.interactions.n.objectives.n.id': [W, ident],
  'cmi.interactions.n.time': [W, rx(/^([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,2})?$/, 'a CMITime')],
  'cmi.interactions.n.type': [
    W,
    voc('true-false|choice|fill-in|matching|performance|sequencing|likert|numeric'),
  ],
  'cmi.interactions.n.correct_responses.n.pattern': [W, feedback],
  'cmi.interactions.n.weighting': [W, num(DEC)],
  'cmi.interactions.n.student_response': [W, feedback],
  'cmi.interactions.n.result': [W, either(voc('correct|wrong|unanticipated|neutral'), num(DEC))],
  'cmi.interactions.n.latency': [W, span],
};
for (const p of ['cmi.core.score.', 'cmi.objectives.n.score.'])
  for (const k of ['raw', 'min', 'max']) T[p + k] = [RW, score];

/** The table and codes (exported for the conformance tests' completeness check). */
export const model12: Model = {
  v: '1.2',
  ver: '3.4',
  t: T,
  // The _children strings as Moodle and the CTS read them.
  ch: {
    cmi: 'core,suspend_data,launch_data,comments,objectives,student_data,student_preference,interactions',
    'cmi.core':
      'student_id,student_name,lesson_location,credit,lesson_status,entry,score,total_time,lesson_mode,exit,session_time',
    'cmi.core.score': 'raw,min,max',
    'cmi.objectives': 'id,score,status',
    'cmi.objectives.n.score': 'raw,min,max',
    'cmi.student_data': 'mastery_score,max_time_allowed,time_limit_action',
    'cmi.student_preference': 'audio,language,speed,text',
    'cmi.interactions': 'id,objectives,time,type,correct_responses,weighting,student_response,result,latency',
  },
  ar: {
    'cmi.objectives': '',
    'cmi.interactions': '',
    'cmi.interactions.n.objectives': '',
    'cmi.interactions.n.correct_responses': '',
  },
  // A1/A2. After LMSFinish every call is 101 (ADL's mapping). The spec is silent on an index past _count:
  // 201 (invalid argument), as for any other malformed element name.
  e: {
    before: [0, 301, 301, 301, 301],
    after: [101, 101, 101, 101, 101],
    oops: [101, 101, 101, 101, 101],
    again: 101,
    arg: 201,
    unknown: 401,
    children: 202,
    count: 203,
    version: 401,
    keyword: 402,
    ro: 403,
    wo: 404,
    index: 201,
    order: 201,
    empty: [201, 201],
    unset: 0,
    kinds: [0, 405, 405, 405, 405, 405, 403, 404],
  },
  s: {
    0: 'No error',
    101: 'General exception',
    201: 'Invalid argument error',
    202: 'Element cannot have children',
    203: 'Element not an array - cannot have count',
    301: 'Not initialized',
    401: 'Not implemented error',
    402: 'Invalid set value, element is a keyword',
    403: 'Element is read only',
    404: 'Element is write only',
    405: 'Incorrect data type',
  },
  w: [LS, 'cmi.core.score.raw', 'cmi.core.score.min', 'cmi.core.score.max', 'cmi.core.lesson_location'],
  num: [
    ['scoreRaw', 'cmi.core.score.raw'],
    ['scoreMin', 'cmi.core.score.min'],
    ['scoreMax', 'cmi.core.score.max'],
  ],
  ek: 'cmi.core.exit',
  sk: 'cmi.core.session_time',
  lk: 'cmi.core.lesson_location',
  keep: 'cmi.student_preference.',
  time: parseTimespan,
  fmt: formatTimespan,
};

/** The SCORM 1.2 API object (window.API): every argument and result is a string; nothing throws. */
export class Scorm12Api extends Core {
  constructor(o: RuntimeOptions) {
    super(o, model12);
    const ms = o.masteryScore;
    Object.assign(this.l, {
      'cmi.core.student_id': o.learnerId,
      'cmi.core.student_name': o.learnerName ?? '',
      'cmi.core.credit': o.credit ?? 'credit',
      'cmi.core.entry': this.en,
      'cmi.core.total_time': formatTimespan(this.tot),
      'cmi.core.lesson_mode': o.mode ?? 'normal',
      'cmi.launch_data': o.launchData ?? '',
      'cmi.comments_from_lms': '',
      'cmi.student_data.mastery_score': ms == null ? '' : String(ms),
      'cmi.student_data.max_time_allowed': o.maxTimeAllowed ?? '',
      'cmi.student_data.time_limit_action': o.timeLimitAction ?? 'continue,no message',
    });
    // A5 rule 1: 'not attempted' at the first launch of an attempt.
    this.d[LS] ??= 'not attempted';
    this.look();
  }

  LMSInitialize(arg = ''): string {
    return this.init(arg);
  }
  LMSFinish(arg = ''): string {
    return this.term(arg);
  }
  LMSGetValue(element: string): string {
    return this.gv(element);
  }
  LMSSetValue(element: string, value: string): string {
    return this.sv(element, value);
  }
  LMSCommit(arg = ''): string {
    return this.cm(arg);
  }
  LMSGetLastError(): string {
    return this.le();
  }
  LMSGetErrorString(code: string): string {
    return this.es(code);
  }
  LMSGetDiagnostic(code = ''): string {
    return this.dn(code);
  }

  // A5 lesson_status rules 2-5, at LMSFinish.
  protected override fin(): void {
    const { d, o } = this;
    const st = d[LS];
    const raw = d['cmi.core.score.raw'];
    if (o.mode === 'browse') {
      if (st === 'not attempted') d[LS] = 'browsed';
    } else if (o.credit !== 'no-credit' && o.mode !== 'review') {
      // Mastery decides only when the SCO itself set neither passed nor failed (as Rustici does).
      if (o.masteryScore != null && raw && st !== 'passed' && st !== 'failed')
        d[LS] = +raw >= o.masteryScore ? 'passed' : 'failed';
      else if (st === 'not attempted') d[LS] = 'completed';
    }
  }

  protected override sum(s: AttemptState): void {
    const ls = (this.d[LS] || 'not attempted') as LessonStatus;
    s.lessonStatus = ls;
    s.completionStatus =
      ls === 'not attempted' ? ls : ls === 'incomplete' || ls === 'browsed' ? 'incomplete' : 'completed';
    if (ls === 'passed' || ls === 'failed') s.successStatus = ls;
    if (s.scoreRaw !== undefined) {
      const lo = s.scoreMin ?? 0;
      const hi = s.scoreMax ?? 100;
      if (hi > lo) s.scoreScaled = Math.max(-1, Math.min(1, (s.scoreRaw - lo) / (hi - lo)));
    }
  }
}
