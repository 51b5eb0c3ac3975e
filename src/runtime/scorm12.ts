// SCORM 1.2 (RTE 3.4): the eight LMS* functions over one table of cmi.* elements.
// Rules: shared/docs/scorm-reference.md A (A1 states, A2 codes, A3 types, A4 model, A5 behaviour).
import { formatTimespan, isTimespan, parseTimespan } from '../util/duration.js';
import {
  type DataModel,
  type ElementSpec,
  readOnly,
  readWrite,
  refuse,
  TOO_LONG,
  TYPE_MISMATCH,
  type ValueCheck,
  writeOnly,
} from './data-model.js';
import { Session } from './session.js';
import type { AttemptState, LessonStatus, RuntimeOptions } from './types.js';
import { atMost, eitherOf, matching, numberIn, oneOf } from './values.js';

const DECIMAL = /^-?\d+(\.\d+)?$/;
const string255 = atMost(255);
const string4096 = atMost(4096);
const identifier = matching(/^[\x21-\x7E]{1,255}$/, 'a CMIIdentifier');
// score.raw/min/max: CMIDecimal or CMIBlank, 0..100 (the 1.2 CTS checks the range).
const score = numberIn(/^(-?\d+(\.\d+)?)?$/, 0, 100);
const integerIn = (low: number, high: number): ValueCheck => numberIn(/^-?\d+$/, low, high);
const timespan: ValueCheck = (value) =>
  isTimespan(value) ? undefined : refuse(TYPE_MISMATCH, 'not a CMITimespan');
const STATUSES = 'passed|completed|failed|incomplete|browsed';
const LESSON_STATUS = 'cmi.core.lesson_status';

// CMIFeedback by interaction type (RTE 1.2 p.62); fill-in and performance are any CMIString255. Taken
// leniently where content commonly strays: 'true'/'false' for true-false, upper-case choice letters.
const FEEDBACK: Record<string, RegExp> = {
  'true-false': /^([01tf]|true|false)$/,
  choice: /^(\{?[0-9a-z](,[0-9a-z])*\}?)?$/i,
  numeric: DECIMAL,
  likert: /^\S?$/,
  matching: /^\{?[0-9a-z]\.[0-9a-z](,[0-9a-z]\.[0-9a-z])*\}?$/i,
  sequencing: /^[0-9a-z](,[0-9a-z])*$/i,
};
const feedback: ValueCheck = (value, session, path) => {
  if (value.length > 255) return refuse(TOO_LONG, 'longer than 255 characters');
  const type = session.elementValues.get(path.indexSteps[0]!.record + '.type') ?? '';
  return (FEEDBACK[type]?.test(value) ?? true)
    ? undefined
    : refuse(TYPE_MISMATCH, 'not a CMIFeedback of the interaction type');
};

const ELEMENTS: Record<string, ElementSpec> = {
  'cmi.core.student_id': readOnly(),
  'cmi.core.student_name': readOnly(),
  'cmi.core.lesson_location': readWrite(string255),
  'cmi.core.credit': readOnly(),
  // The SCO may not set 'not attempted' (A4).
  [LESSON_STATUS]: readWrite(oneOf(STATUSES)),
  'cmi.core.entry': readOnly(),
  'cmi.core.total_time': readOnly(),
  'cmi.core.lesson_mode': readOnly(),
  'cmi.core.exit': writeOnly(oneOf('time-out|suspend|logout|')),
  'cmi.core.session_time': writeOnly(timespan),
  'cmi.suspend_data': readWrite(string4096),
  'cmi.launch_data': readOnly(),
  'cmi.comments': readWrite(string4096),
  'cmi.comments_from_lms': readOnly(),
  'cmi.objectives.n.id': readWrite(identifier),
  'cmi.objectives.n.status': readWrite(oneOf(STATUSES + '|not attempted')),
  'cmi.student_data.mastery_score': readOnly(),
  'cmi.student_data.max_time_allowed': readOnly(),
  'cmi.student_data.time_limit_action': readOnly(),
  'cmi.student_preference.audio': readWrite(integerIn(-1, 100)),
  'cmi.student_preference.language': readWrite(string255),
  'cmi.student_preference.speed': readWrite(integerIn(-100, 100)),
  'cmi.student_preference.text': readWrite(integerIn(-1, 1)),
  // Interactions are journaled: every field is write-only (A4).
  'cmi.interactions.n.id': writeOnly(identifier),
  'cmi.interactions.n.objectives.n.id': writeOnly(identifier),
  'cmi.interactions.n.time': writeOnly(
    matching(/^([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,2})?$/, 'a CMITime'),
  ),
  'cmi.interactions.n.type': writeOnly(
    oneOf('true-false|choice|fill-in|matching|performance|sequencing|likert|numeric'),
  ),
  'cmi.interactions.n.correct_responses.n.pattern': writeOnly(feedback),
  'cmi.interactions.n.weighting': writeOnly(numberIn(DECIMAL)),
  'cmi.interactions.n.student_response': writeOnly(feedback),
  'cmi.interactions.n.result': writeOnly(
    eitherOf(oneOf('correct|wrong|unanticipated|neutral'), numberIn(DECIMAL)),
  ),
  'cmi.interactions.n.latency': writeOnly(timespan),
};
for (const prefix of ['cmi.core.score.', 'cmi.objectives.n.score.'])
  for (const field of ['raw', 'min', 'max']) ELEMENTS[prefix + field] = readWrite(score);

/** The 1.2 data model (exported for the conformance tests' completeness check). */
export const model12: DataModel = {
  scormVersion: '1.2',
  dataModelVersion: '3.4',
  elements: ELEMENTS,
  // The _children strings as Moodle and the CTS read them.
  childrenOf: {
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
  collections: {
    'cmi.objectives': '',
    'cmi.interactions': '',
    'cmi.interactions.n.objectives': '',
    'cmi.interactions.n.correct_responses': '',
  },
  // A1/A2. After LMSFinish every call is 101 (ADL's mapping). The spec is silent on an index past _count:
  // 201 (invalid argument), as for any other malformed element name.
  codes: {
    beforeInitialize: [0, 301, 301, 301, 301],
    afterTerminate: [101, 101, 101, 101, 101],
    generalFailure: [101, 101, 101, 101, 101],
    commitFailure: 101,
    alreadyInitialized: 101,
    argument: 201,
    undefinedElement: 401,
    noChildren: 202,
    notCollection: 203,
    noVersion: 401,
    keywordSet: 402,
    readOnly: 403,
    writeOnly: 404,
    noRecord: 201,
    recordOutOfOrder: 201,
    emptyName: [201, 201],
    notInitialized: 0,
    byRefusal: [0, 405, 405, 405, 405, 405, 403, 404],
  },
  errorStrings: {
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
  watchedElements: [
    LESSON_STATUS,
    'cmi.core.score.raw',
    'cmi.core.score.min',
    'cmi.core.score.max',
    'cmi.core.lesson_location',
  ],
  summaryNumbers: [
    ['scoreRaw', 'cmi.core.score.raw'],
    ['scoreMin', 'cmi.core.score.min'],
    ['scoreMax', 'cmi.core.score.max'],
  ],
  exitElement: 'cmi.core.exit',
  sessionTimeElement: 'cmi.core.session_time',
  locationElement: 'cmi.core.lesson_location',
  keptAcrossAttempts: 'cmi.student_preference.',
  parseTime: parseTimespan,
  formatTime: formatTimespan,

  setUp(session) {
    const options = session.options;
    const mastery = options.masteryScore;
    Object.assign(session.lmsValues, {
      'cmi.core.student_id': options.learnerId,
      'cmi.core.student_name': options.learnerName ?? '',
      'cmi.core.credit': options.credit ?? 'credit',
      'cmi.core.entry': session.entryValue,
      'cmi.core.total_time': formatTimespan(session.totalSeconds),
      'cmi.core.lesson_mode': options.mode ?? 'normal',
      'cmi.launch_data': options.launchData ?? '',
      'cmi.comments_from_lms': '',
      'cmi.student_data.mastery_score': mastery == null ? '' : String(mastery),
      'cmi.student_data.max_time_allowed': options.maxTimeAllowed ?? '',
      'cmi.student_data.time_limit_action': options.timeLimitAction ?? 'continue,no message',
    });
    // A5 rule 1: 'not attempted' at the first launch of an attempt.
    if (session.elementValues.get(LESSON_STATUS) === undefined)
      session.elementValues.set(LESSON_STATUS, 'not attempted');
  },

  // A5 lesson_status rules 2-5, at LMSFinish.
  finishSession(session) {
    const { elementValues: values, options } = session;
    const status = values.get(LESSON_STATUS);
    const raw = values.get('cmi.core.score.raw');
    if (options.mode === 'browse') {
      if (status === 'not attempted') values.set(LESSON_STATUS, 'browsed');
    } else if (options.credit !== 'no-credit' && options.mode !== 'review') {
      // Mastery decides only when the SCO itself set neither passed nor failed (as Rustici does).
      if (options.masteryScore != null && raw && status !== 'passed' && status !== 'failed')
        values.set(LESSON_STATUS, +raw >= options.masteryScore ? 'passed' : 'failed');
      else if (status === 'not attempted') values.set(LESSON_STATUS, 'completed');
    }
  },

  summarize(session, state) {
    const status = (session.elementValues.get(LESSON_STATUS) || 'not attempted') as LessonStatus;
    state.lessonStatus = status;
    state.completionStatus =
      status === 'not attempted'
        ? status
        : status === 'incomplete' || status === 'browsed'
          ? 'incomplete'
          : 'completed';
    if (status === 'passed' || status === 'failed') state.successStatus = status;
    if (state.scoreRaw !== undefined) {
      const low = state.scoreMin ?? 0;
      const high = state.scoreMax ?? 100;
      if (high > low) state.scoreScaled = Math.max(-1, Math.min(1, (state.scoreRaw - low) / (high - low)));
    }
  },
};

/**
 * The SCORM 1.2 API object (window.API): every argument and result is a string; nothing throws. The
 * functions are bound, so content may call them detached (`var f = API.LMSGetValue; f(...)`).
 */
export class Scorm12Api {
  readonly #session: Session;

  constructor(options: RuntimeOptions) {
    this.#session = new Session(options, model12);
  }

  LMSInitialize = (arg: string = ''): string => this.#session.initialize(arg);
  LMSFinish = (arg: string = ''): string => this.#session.terminate(arg);
  LMSGetValue = (element: string): string => this.#session.getValue(element);
  LMSSetValue = (element: string, value: string): string => this.#session.setValue(element, value);
  LMSCommit = (arg: string = ''): string => this.#session.commit(arg);
  LMSGetLastError = (): string => this.#session.lastError();
  LMSGetErrorString = (code: string): string => this.#session.errorString(code);
  LMSGetDiagnostic = (code: string = ''): string => this.#session.diagnostic(code);

  /** The JSON-safe state of the attempt, for onCommit-less embedding and the next session's `resume`. */
  state(): AttemptState {
    return this.#session.attemptState();
  }
}
