// SCORM 2004 4th Edition (RTE 4): the eight API_1484_11 functions over one table of cmi.* and adl.* elements.
// Rules: shared/docs/scorm-reference.md B (B1 states, B2 codes, B3 types, B4 model, B5 evaluation, B6).
import { formatInterval, isInterval, parseInterval } from '../util/duration.js';
import {
  type DataModel,
  DEPENDENCY,
  type ElementSpec,
  READ,
  READ_ONLY,
  READ_WRITE,
  readOnly,
  readWrite,
  type Refusal,
  refuse,
  SET_FAILURE,
  TOO_LONG,
  TYPE_MISMATCH,
  type ValueCheck,
  type ValueReader,
  type ValueWriter,
  WRITE_ONLY,
  writeOnly,
} from './data-model.js';
import type { ElementPath } from './element-names.js';
import { Session } from './session.js';
import type {
  AttemptState,
  CompletionStatus,
  NavRequestFromContent,
  ObjectiveSeed,
  RuntimeOptions,
  SharedDataStores,
  SuccessStatus,
} from './types.js';
import { atMost, numberIn, oneOf, type PlainCheck } from './values.js';

// B3 value types.
const REAL = /^[-+]?(\d+(\.\d+)?|\.\d+)$/;
const real = (low?: number, high?: number): PlainCheck => numberIn(REAL, low, high);
// RFC 3066: a primary tag of 2-3 letters (or i / x), then subtags of 1-8 letters and digits.
const LANGUAGE = /^([a-z]{2,3}|[ix])(-[a-z\d]{1,8})*$/i;
const language: PlainCheck = (value) =>
  value.length > 250
    ? refuse(TOO_LONG, 'longer than 250')
    : !value || LANGUAGE.test(value)
      ? undefined
      : refuse(TYPE_MISMATCH, 'not a language');
/** localized_string_type: an optional {lang=xx} delimiter, then at most n characters. */
const localized =
  (n: number): PlainCheck =>
  (value) => {
    if (value.startsWith('{lang=')) {
      const end = value.indexOf('}');
      if (end < 0 || !LANGUAGE.test(value.slice(6, end)))
        return refuse(TYPE_MISMATCH, 'a bad {lang=} delimiter');
      value = value.slice(end + 1);
    }
    return atMost(n)(value);
  };
/** long_identifier_type / short_identifier_type: a URI (a URN when it says urn:): no spaces, nor the
 * characters a URI may not hold (so no [,] separators either). */
const identifierOf =
  (n: number): PlainCheck =>
  (value) =>
    !value ||
    /[\s[\]{}<>"\\^`|]/.test(value) ||
    (/^urn:/i.test(value) && !/^urn:[a-z\d][a-z\d-]{0,31}:\S/i.test(value))
      ? refuse(TYPE_MISMATCH, 'not an identifier')
      : atMost(n)(value);
const longIdentifier = identifierOf(4000);
const shortIdentifier = identifierOf(250);
// time(second,10,2): YYYY[-MM[-DD[Thh[:mm[:ss[.s[TZD]]]]]]], years 1970-2038 (RTE 4.1.1.6). Taken literally:
// a time-zone designator may follow only the fractional seconds, so '…:58Z' is refused and '…:58.5Z' kept
// exactly as written.
const TIME =
  /^(\d{4})(?:-(\d\d)(?:-(\d\d)(?:T(\d\d)(?::(\d\d)(?::(\d\d)(?:\.\d{1,2}(?:Z|[+-](\d\d)(?::(\d\d))?)?)?)?)?)?)?)?$/;
const time: PlainCheck = (value) => {
  const match = TIME.exec(value);
  // NaN for a part that is absent, and NaN passes every range test below.
  const part = (i: number): number => Number(match?.[i]);
  const [year, month, day] = [part(1), part(2), part(3)];
  return match &&
    year >= 1970 &&
    year <= 2038 &&
    !(month < 1 || month > 12) &&
    !(day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate()) &&
    !(part(4) > 23 || part(5) > 59 || part(6) > 59 || part(7) > 23 || part(8) > 59)
    ? undefined
    : refuse(TYPE_MISMATCH, 'not a time(second,10,2)');
};
const interval: PlainCheck = (value) =>
  isInterval(value) ? undefined : refuse(TYPE_MISMATCH, 'not a timeinterval');

// B6: the formats of correct_responses patterns and learner responses, by interaction type.
const listOf =
  (each: PlainCheck, max: number, isSet = false): PlainCheck =>
  (value) => {
    if (isSet && !value) return undefined;
    const items = value.split('[,]');
    if (items.length > max) return refuse(TOO_LONG, `more than ${max} items`);
    for (const item of items) {
      const refusal = each(item);
      if (refusal) return refusal;
    }
    return isSet && new Set(items).size < items.length ? refuse(TYPE_MISMATCH, 'an item repeats') : undefined;
  };
/** Strips the {name=true|false} delimiters a pattern may begin with. */
const delimited =
  (names: string, check: PlainCheck): PlainCheck =>
  (value) => {
    let match;
    while ((match = /^\{(\w+)=([^}]*)\}/.exec(value)) && names.includes(match[1] + '=')) {
      if (match[2] !== 'true' && match[2] !== 'false')
        return refuse(TYPE_MISMATCH, `a bad {${match[1]}=} delimiter`);
      value = value.slice(match[0].length);
    }
    return check(value);
  };
const sourceTarget: PlainCheck = (value) => {
  const parts = value.split('[.]');
  return parts.length === 2 && !shortIdentifier(parts[0]!) && !shortIdentifier(parts[1]!)
    ? undefined
    : refuse(TYPE_MISMATCH, 'not source[.]target');
};
/** min[:]max, either bound may be empty (a single number is taken as well). */
const numericRange: PlainCheck = (value) => {
  const bounds = value.split('[:]');
  const [low = '', high = ''] = bounds;
  return bounds.length > 2 ||
    bounds.some((b) => b && !REAL.test(b)) ||
    (bounds.length < 2 && !low) ||
    (low && high && +low > +high)
    ? refuse(TYPE_MISMATCH, 'not min[:]max')
    : undefined;
};
/** A performance step: name[.]answer; the name is optional, the answer ≤250 or (in a pattern) a range. */
const performanceStep =
  (inPattern: boolean): PlainCheck =>
  (value) => {
    const parts = value.split('[.]');
    const [name = '', answer = ''] = parts;
    if (parts.length !== 2 || (!name && !answer) || (name && shortIdentifier(name)))
      return refuse(TYPE_MISMATCH, 'not name[.]answer');
    return inPattern && answer.includes('[:]') ? numericRange(answer) : atMost(250)(answer);
  };
const choices = listOf(shortIdentifier, 36, true);
const sequence = listOf(shortIdentifier, 36);
const matches = listOf(sourceTarget, 36);
const fillIn = listOf(localized(250), 10);
const longFillIn = localized(4000);
const other = atMost(4000);
const trueFalse = oneOf('true|false');
/** [pattern check, learner_response check] by interaction type. */
const FORMATS: Record<string, [pattern: PlainCheck, response: PlainCheck]> = {
  'true-false': [trueFalse, trueFalse],
  choice: [choices, choices],
  'fill-in': [delimited('case_matters=order_matters=', fillIn), fillIn],
  'long-fill-in': [delimited('case_matters=', longFillIn), longFillIn],
  likert: [shortIdentifier, shortIdentifier],
  matching: [matches, matches],
  performance: [
    delimited('order_matters=', listOf(performanceStep(true), 125)),
    listOf(performanceStep(false), 125),
  ],
  sequencing: [sequence, sequence],
  numeric: [numericRange, real()],
  other: [other, other],
};
/** Types whose correct_responses hold one pattern, an absolute limit (351 past it). */
const SINGLE_PATTERN = ['true-false', 'likert', 'numeric', 'other'];

const interactionType = (session: Session, path: ElementPath): string | undefined =>
  session.elementValues.get(path.indexSteps[0]!.record + '.type');
const learnerResponse: ValueCheck = (value, session, path) => {
  const type = interactionType(session, path);
  return type ? FORMATS[type]![1](value) : refuse(DEPENDENCY, 'set type first');
};
const correctPattern: ValueCheck = (value, session, path) => {
  const type = interactionType(session, path);
  if (!type) return refuse(DEPENDENCY, 'set type first');
  const step = path.indexSteps[1]!;
  if (step.position && SINGLE_PATTERN.includes(type))
    return refuse(SET_FAILURE, `a ${type} interaction takes one pattern`);
  const refusal = FORMATS[type]![0](value);
  if (refusal) return refusal;
  // choice and sequencing patterns are unique; a choice pattern is a set.
  const key = (pattern = ''): string => (type === 'choice' ? pattern.split('[,]').sort().join() : pattern);
  if (type === 'choice' || type === 'sequencing')
    for (let j = 0; j < (session.recordCounts[step.collection] ?? 0); j++)
      if (
        j !== step.position &&
        key(session.elementValues.get(`${step.collection}.${j}.pattern`)) === key(value)
      )
        return refuse(SET_FAILURE, 'the pattern repeats');
  return undefined;
};
/**
 * The ids of a collection (cmi.objectives, cmi.interactions, cmi.interactions.n.objectives) by value → the
 * record that holds it, built on first use from the session's values and kept up to date by the id's writer,
 * so that checking an id is unique does not read every record again.
 */
const idIndexes = new WeakMap<Session, Map<string, Map<string, number>>>();
function idsOf(session: Session, collection: string): Map<string, number> {
  let byCollection = idIndexes.get(session);
  if (!byCollection) idIndexes.set(session, (byCollection = new Map()));
  let ids = byCollection.get(collection);
  if (!ids) {
    byCollection.set(collection, (ids = new Map()));
    for (let j = 0; j < (session.recordCounts[collection] ?? 0); j++) {
      const id = session.elementValues.get(`${collection}.${j}.id`);
      if (id !== undefined && !ids.has(id)) ids.set(id, j);
    }
  }
  return ids;
}
const lastStep = (path: ElementPath) => path.indexSteps[path.indexSteps.length - 1]!;
/** An id unique in its collection; `writeOnce`: it cannot change once set (objectives, RTE 4.2.17). */
const uniqueId =
  (writeOnce: boolean): ValueCheck =>
  (value, session, path) => {
    const refusal = longIdentifier(value);
    if (refusal) return refusal;
    const step = lastStep(path);
    const was = session.elementValues.get(path.canonical);
    if (writeOnce && was !== undefined && was !== value)
      return refuse(SET_FAILURE, 'an objective id cannot change');
    const holder = idsOf(session, step.collection).get(value);
    return holder !== undefined && holder !== step.position
      ? refuse(SET_FAILURE, 'the id is already used')
      : undefined;
  };
/** Keeps the id index current; the id is stored among the values as well. */
const indexId: ValueWriter = (session, path, value) => {
  const step = lastStep(path);
  const ids = idsOf(session, step.collection);
  const was = session.elementValues.get(path.canonical);
  if (was !== undefined && ids.get(was) === step.position) ids.delete(was);
  ids.set(value, step.position);
  return false;
};

// B5: completion and success as evaluated at GetValue and Terminate.
const completion = (session: Session): CompletionStatus => {
  const threshold = session.options.completionThreshold;
  const progress = session.elementValues.get('cmi.progress_measure');
  return threshold == null
    ? ((session.elementValues.get('cmi.completion_status') as CompletionStatus) ?? 'unknown')
    : !progress
      ? 'unknown'
      : +progress >= threshold
        ? 'completed'
        : 'incomplete';
};
const success = (session: Session): SuccessStatus => {
  const threshold = session.options.scaledPassingScore;
  const scaled = session.elementValues.get('cmi.score.scaled');
  return threshold == null
    ? ((session.elementValues.get('cmi.success_status') as SuccessStatus) ?? 'unknown')
    : !scaled
      ? 'unknown'
      : +scaled >= threshold
        ? 'passed'
        : 'failed';
};

// adl.data: the item's maps, read from and written to the shared stores (RTE 4.3).
const mapOf = (session: Session, path: ElementPath) =>
  session.options.dataMaps![path.indexSteps[0]!.position]!;
/** The shared stores of a session: options.sharedData, or the session's own. */
const storesOf = new WeakMap<Session, SharedDataStores>();
const sharedStores = (session: Session): SharedDataStores => {
  let stores = storesOf.get(session);
  if (!stores) storesOf.set(session, (stores = session.options.sharedData ?? {}));
  return stores;
};
const readStore: ValueReader = (session, path) => {
  const map = mapOf(session, path);
  if (!map.readSharedData) return refuse(WRITE_ONLY, 'the map does not allow reading');
  // A store no SCO has written is not initialized (RTE 4.3: 403), whatever else the object holds.
  const value = sharedStores(session)[map.targetID];
  return typeof value === 'string' ? value : undefined;
};

const NAV_REQUEST =
  /^(continue|previous|exit|exitAll|abandon|abandonAll|suspendAll|_none_|\{target=[^\s}]+\}(choice|jump))$/;
const completionStatuses = oneOf('completed|incomplete|not attempted|unknown');
const successStatuses = oneOf('passed|failed|unknown');

const ELEMENTS: Record<string, ElementSpec> = {
  'cmi.completion_status': readWrite(completionStatuses, undefined, completion),
  'cmi.completion_threshold': readOnly(),
  'cmi.credit': readOnly(),
  'cmi.entry': readOnly(),
  // logout is deprecated (treated as exitAll by the sequencer).
  'cmi.exit': writeOnly(oneOf('time-out|suspend|logout|normal|')),
  'cmi.interactions.n.id': readWrite(longIdentifier),
  'cmi.interactions.n.type': readWrite(
    oneOf('true-false|choice|fill-in|long-fill-in|likert|matching|performance|sequencing|numeric|other'),
  ),
  'cmi.interactions.n.objectives.n.id': readWrite(uniqueId(false), undefined, undefined, indexId),
  'cmi.interactions.n.timestamp': readWrite(time),
  'cmi.interactions.n.correct_responses.n.pattern': readWrite(correctPattern),
  'cmi.interactions.n.weighting': readWrite(real()),
  'cmi.interactions.n.learner_response': readWrite(learnerResponse),
  'cmi.interactions.n.result': readWrite((value) =>
    /^(correct|incorrect|unanticipated|neutral)$/.test(value) || REAL.test(value)
      ? undefined
      : refuse(TYPE_MISMATCH, 'not a result'),
  ),
  'cmi.interactions.n.latency': readWrite(interval),
  'cmi.interactions.n.description': readWrite(localized(250)),
  'cmi.launch_data': readOnly(),
  'cmi.learner_id': readOnly(),
  'cmi.learner_name': readOnly(),
  'cmi.learner_preference.audio_level': readWrite(real(0), '1'),
  'cmi.learner_preference.language': readWrite(language, ''),
  'cmi.learner_preference.delivery_speed': readWrite(real(0), '1'),
  'cmi.learner_preference.audio_captioning': readWrite(oneOf('-1|0|1'), '0'),
  'cmi.location': readWrite(atMost(1000)),
  'cmi.max_time_allowed': readOnly(),
  'cmi.mode': readOnly(),
  'cmi.objectives.n.id': readWrite(uniqueId(true), undefined, undefined, indexId),
  'cmi.objectives.n.success_status': readWrite(successStatuses, 'unknown'),
  'cmi.objectives.n.completion_status': readWrite(completionStatuses, 'unknown'),
  'cmi.objectives.n.progress_measure': readWrite(real(0, 1)),
  'cmi.objectives.n.description': readWrite(localized(250)),
  'cmi.progress_measure': readWrite(real(0, 1)),
  'cmi.scaled_passing_score': readOnly(),
  'cmi.session_time': writeOnly(interval),
  'cmi.success_status': readWrite(successStatuses, undefined, success),
  'cmi.suspend_data': readWrite(atMost(64000)),
  'cmi.time_limit_action': readOnly('continue,no message'),
  'cmi.total_time': readOnly(),
  'adl.nav.request': readWrite(
    (value) => (NAV_REQUEST.test(value) ? undefined : refuse(TYPE_MISMATCH, 'not a navigation request')),
    '_none_',
  ),
  'adl.data.n.id': readOnly(),
  'adl.data.n.store': readWrite(
    (value, session, path) =>
      mapOf(session, path).writeSharedData
        ? atMost(64000)(value)
        : refuse(READ_ONLY, 'the map does not allow writing'),
    undefined,
    readStore,
    (session, path, value) => {
      sharedStores(session)[mapOf(session, path).targetID] = value;
      return true;
    },
  ),
};
for (const prefix of ['cmi.comments_from_learner', 'cmi.comments_from_lms']) {
  const access = prefix.endsWith('lms') ? READ : READ_WRITE;
  for (const [field, check] of [
    ['comment', localized(4000)],
    ['location', atMost(250)],
    ['timestamp', time],
  ] as const)
    ELEMENTS[`${prefix}.n.${field}`] = { access, check };
}
for (const prefix of ['cmi.score.', 'cmi.objectives.n.score.'])
  for (const field of ['scaled', 'raw', 'min', 'max'])
    ELEMENTS[prefix + field] = readWrite(field === 'scaled' ? real(-1, 1) : real());

/** The objective fields a seed may carry, with the element each fills (SN 5.1 → RTE 4.2.17). */
const SEEDED_FIELDS: [keyof ObjectiveSeed, string][] = [
  ['successStatus', 'success_status'],
  ['completionStatus', 'completion_status'],
  ['scoreScaled', 'score.scaled'],
  ['scoreRaw', 'score.raw'],
  ['scoreMin', 'score.min'],
  ['scoreMax', 'score.max'],
  ['progressMeasure', 'progress_measure'],
];

/** The index of the objective with this id, added at the end when it is not there yet. */
function objectiveIndex(session: Session, id: string): number {
  const { elementValues: values, recordCounts: counts } = session;
  const count = counts['cmi.objectives'] ?? 0;
  for (let j = 0; j < count; j++) if (values.get(`cmi.objectives.${j}.id`) === id) return j;
  values.set(`cmi.objectives.${count}.id`, id);
  counts['cmi.objectives'] = count + 1;
  return count;
}

/** Seeds cmi.objectives: the manifest's ids (B4), then the sequencer's values for them (SN 5.1). */
function seedObjectives(session: Session): void {
  const options = session.options;
  for (const id of options.objectiveIds ?? []) if (id) objectiveIndex(session, id);
  for (const seed of options.objectives ?? []) {
    if (!seed?.id) continue;
    const record = `cmi.objectives.${objectiveIndex(session, seed.id)}.`;
    for (const [field, element] of SEEDED_FIELDS) {
      const value = seed[field];
      if (value !== undefined && value !== null) session.elementValues.set(record + element, String(value));
    }
  }
}

const SCORE_FIELDS = 'scaled,raw,min,max';
const COMMENT_FIELDS = 'comment,location,timestamp';
const REQUEST_VALID = /^adl\.nav\.request_valid\.(continue|previous|(choice|jump)\.\{target=([^\s}]+)\})$/;

/** The 2004 data model (exported for the conformance tests' completeness check). */
export const model2004: DataModel = {
  scormVersion: '2004',
  dataModelVersion: '1.0',
  elements: ELEMENTS,
  childrenOf: {
    'cmi.comments_from_learner': COMMENT_FIELDS,
    'cmi.comments_from_lms': COMMENT_FIELDS,
    'cmi.interactions':
      'id,type,objectives,timestamp,correct_responses,weighting,learner_response,result,latency,description',
    'cmi.learner_preference': 'audio_level,language,delivery_speed,audio_captioning',
    'cmi.objectives': 'id,score,success_status,completion_status,progress_measure,description',
    'cmi.score': SCORE_FIELDS,
    'cmi.objectives.n.score': SCORE_FIELDS,
    'adl.data': 'id,store',
  },
  // B6 rule 1: a record is added by setting its id (a pattern: its pattern); comments by any field.
  collections: {
    'cmi.comments_from_learner': '',
    'cmi.comments_from_lms': '',
    'cmi.interactions': 'id',
    'cmi.interactions.n.objectives': 'id',
    'cmi.interactions.n.correct_responses': 'pattern',
    'cmi.objectives': 'id',
    'adl.data': 'id',
  },
  codes: {
    beforeInitialize: [0, 112, 122, 132, 142],
    afterTerminate: [104, 113, 123, 133, 143],
    generalFailure: [102, 111, 301, 351, 391],
    commitFailure: 391,
    alreadyInitialized: 103,
    argument: 201,
    undefinedElement: 401,
    noChildren: 301,
    notCollection: 301,
    noVersion: 301,
    keywordSet: 404,
    readOnly: 404,
    writeOnly: 405,
    noRecord: 301,
    recordOutOfOrder: 351,
    emptyName: [301, 351],
    notInitialized: 403,
    byRefusal: [0, 406, 407, 351, 351, 408, 404, 405],
  },
  errorStrings: {
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
  watchedElements: [
    'cmi.completion_status',
    'cmi.success_status',
    'cmi.score.scaled',
    'cmi.score.raw',
    'cmi.score.min',
    'cmi.score.max',
    'cmi.location',
    'cmi.progress_measure',
  ],
  summaryNumbers: [
    ['scoreScaled', 'cmi.score.scaled'],
    ['scoreRaw', 'cmi.score.raw'],
    ['scoreMin', 'cmi.score.min'],
    ['scoreMax', 'cmi.score.max'],
    ['progressMeasure', 'cmi.progress_measure'],
  ],
  exitElement: 'cmi.exit',
  sessionTimeElement: 'cmi.session_time',
  locationElement: 'cmi.location',
  keptAcrossAttempts: 'cmi.learner_preference.',
  parseTime: parseInterval,
  formatTime: formatInterval,

  setUp(session) {
    const { options, lmsValues, recordCounts } = session;
    const text = (n?: number): string | undefined => (n == null ? undefined : String(n));
    Object.assign(lmsValues, {
      'cmi.learner_id': options.learnerId,
      'cmi.learner_name': options.learnerName ?? '',
      'cmi.credit': options.credit ?? 'credit',
      'cmi.mode': options.mode ?? 'normal',
      'cmi.entry': session.entryValue,
      'cmi.total_time': formatInterval(session.totalSeconds),
      'cmi.launch_data': options.launchData,
      'cmi.max_time_allowed': options.maxTimeAllowed,
      'cmi.time_limit_action': options.timeLimitAction,
      'cmi.completion_threshold': text(options.completionThreshold),
      'cmi.scaled_passing_score': text(options.scaledPassingScore),
    });
    const maps = options.dataMaps ?? [];
    maps.forEach((map, i) => (lmsValues[`adl.data.${i}.id`] = map.targetID));
    recordCounts['adl.data'] = maps.length;
    seedObjectives(session);
  },

  // B5 on Terminate: both evaluations are kept (the session time was added already).
  finishSession(session) {
    session.elementValues.set('cmi.completion_status', completion(session));
    session.elementValues.set('cmi.success_status', success(session));
  },

  summarize(session, state) {
    state.completionStatus = completion(session);
    state.successStatus = success(session);
    state.navRequest = session.elementValues.get('adl.nav.request') ?? '_none_';
  },

  // adl.nav.request_valid.*: answered by the navigator, 'unknown' without one.
  readSpecial(session, name, set): string | Refusal | undefined {
    const match = name.startsWith('adl.nav.request_valid.') && REQUEST_VALID.exec(name);
    if (!match) return undefined;
    if (set) return refuse(READ_ONLY, 'read-only');
    try {
      const request = (match[2] ?? match[1]) as 'continue';
      return String(session.options.navigator?.isRequestValid(request, match[3]) ?? 'unknown');
    } catch {
      return 'unknown';
    }
  },

  // After Terminate, the pending navigation request goes to the sequencer (RTE 4.4.2).
  afterTerminate(session) {
    const request = session.elementValues.get('adl.nav.request');
    if (!request || request === '_none_') return;
    const target = /^\{target=(.+)\}(choice|jump)$/.exec(request);
    try {
      session.options.navigator?.request(
        (target ? { type: target[2], target: target[1] } : { type: request }) as NavRequestFromContent,
      );
    } catch {
      // The sequencer's failure is not the content's.
    }
  },
};

/**
 * The SCORM 2004 API object (window.API_1484_11): every argument and result is a string; nothing throws.
 * The functions are bound, so content may call them detached.
 */
export class Scorm2004Api {
  readonly #session: Session;

  constructor(options: RuntimeOptions) {
    this.#session = new Session(options, model2004);
  }

  Initialize = (arg: string = ''): string => this.#session.initialize(arg);
  Terminate = (arg: string = ''): string => this.#session.terminate(arg);
  GetValue = (element: string): string => this.#session.getValue(element);
  SetValue = (element: string, value: string): string => this.#session.setValue(element, value);
  Commit = (arg: string = ''): string => this.#session.commit(arg);
  GetLastError = (): string => this.#session.lastError();
  GetErrorString = (code: string): string => this.#session.errorString(code);
  GetDiagnostic = (code: string = ''): string => this.#session.diagnostic(code);

  /** The JSON-safe state of the attempt: what onCommit receives, and the next session's `resume`. */
  state(): AttemptState {
    return this.#session.attemptState();
  }
}
