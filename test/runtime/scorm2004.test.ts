// SCORM 2004 4th Edition conformance as data (scorm-reference.md B): one block of rows per element or rule.
import { expect } from '@open-wc/testing';
import { model2004, Scorm2004Api } from '../../src/runtime/scorm2004.js';
import type { AttemptState } from '../../src/runtime/types.js';
import { type Block, chars, make, patterns, type Row, runRows } from './rows.js';

const options = {
  learnerName: 'Doe, Jane',
  launchData: 'chapter=2',
  maxTimeAllowed: 'PT1H',
  timeLimitAction: 'exit,message' as const,
};

const ro = (el: string, value: string, code = 0): Row[] => [
  ['get', el, '', value, code],
  ['set', el, 'x', 'false', 404],
];
const keyword = (el: string, value: string): Row[] => [
  ['get', el, '', value, 0],
  ['set', el, 'x', 'false', 404],
];
const ok = (el: string, ...values: string[]): Row[] => values.map((v): Row => ['set', el, v, 'true', 0]);
const bad = (el: string, code: number, ...values: string[]): Row[] =>
  values.map((v): Row => ['set', el, v, 'false', code]);
const is = (el: string, value: string, code = 0): Row => ['get', el, '', value, code];

const TIMES = ['2024', '2024-05', '2024-05-01', '2024-05-01T10', '2024-05-01T10:20', '2024-02-29T10:20:30'];
// A time-zone designator only after fractional seconds (RTE 4.1.1.6, time(second,10,2)).
const TIMES_TZ = [
  '2024-05-01T10:20:30.5Z',
  '2024-05-01T10:20:30.25+02',
  '2038-01-19T03:14:07.1-05:30',
  '2004-04-01T09:45:58.55-03:00',
];
const BAD_TIMES = [
  '24',
  '1969-12-31',
  '2039-01-01',
  '2024-13-01',
  '2023-02-29',
  '2024-05-01T25:00',
  '2024-05-01T10:60',
  '2024-05-01T10:20:30.123',
  '2024-05-01 10:20:30',
  '2024-05-01T10:20:30+24',
  '2004-04-01T09:45:58Z',
  '2004-04-01T09:45:58+02:30',
  '2004-04-01T09:45:58-03',
  '2004-04-01T09:45Z',
  '2004-04-01Z',
  '2004-04-01T09:45:58.55+02:3',
];

/** A real-valued element: valid values, out-of-range values (407), and words (406). */
const real = (el: string, valid: string[], range: string[]): Row[] => [
  ...ok(el, ...valid),
  is(el, valid.at(-1)!),
  ...bad(el, 407, ...range),
  ...bad(el, 406, 'x', '', '1,5', '1e2'),
];

/** Rows for one interaction type at index i: patterns and responses, valid and not. */
interface TypeRows {
  type: string;
  patterns: string[];
  badPatterns: [string, number][];
  responses: string[];
  badResponses: [string, number][];
  /** Rows run after the patterns (limits, uniqueness). */
  more?: (p: string) => Row[];
}
const typed = (i: number, t: TypeRows): Row[] => {
  const p = `cmi.interactions.${i}`;
  return [
    ['set', `${p}.id`, `q${i}`, 'true', 0],
    ['set', `${p}.type`, t.type, 'true', 0],
    ...t.patterns.map((v): Row => ['set', `${p}.correct_responses.0.pattern`, v, 'true', 0]),
    ...t.badPatterns.map(([v, c]): Row => ['set', `${p}.correct_responses.0.pattern`, v, 'false', c]),
    is(`${p}.correct_responses.0.pattern`, t.patterns.at(-1)!),
    ...t.responses.map((v): Row => ['set', `${p}.learner_response`, v, 'true', 0]),
    ...t.badResponses.map(([v, c]): Row => ['set', `${p}.learner_response`, v, 'false', c]),
    is(`${p}.learner_response`, t.responses.at(-1)!),
    ...(t.more?.(p) ?? []),
  ];
};

const TYPES: TypeRows[] = [
  {
    type: 'true-false',
    patterns: ['false', 'true'],
    badPatterns: [
      ['yes', 406],
      ['t', 406],
      ['', 406],
    ],
    responses: ['true', 'false'],
    badResponses: [
      ['1', 406],
      ['True', 406],
    ],
    // One pattern, an absolute limit.
    more: (p) => [['set', `${p}.correct_responses.1.pattern`, 'false', 'false', 351]],
  },
  {
    type: 'choice',
    patterns: ['a', '', 'choice_1[,]choice_2', 'a[,]b'],
    badPatterns: [
      ['a[,]a', 406],
      ['a b', 406],
      ['a[,]', 406],
      [Array.from({ length: 37 }, (_, i) => `c${i}`).join('[,]'), 351],
    ],
    responses: ['', 'c', 'a[,]b[,]c'],
    badResponses: [
      ['a[,]a', 406],
      [`${chars(251)}`, 351],
    ],
    more: (p) => [
      // Patterns are unique, as sets.
      ['set', `${p}.correct_responses.1.pattern`, 'b[,]a', 'false', 351],
      ['set', `${p}.correct_responses.1.pattern`, 'c', 'true', 0],
      ['set', `${p}.correct_responses.1.pattern`, 'c', 'true', 0],
      ['set', `${p}.correct_responses.2.pattern`, 'c', 'false', 351],
      is(`${p}.correct_responses._count`, '2'),
    ],
  },
  {
    type: 'fill-in',
    patterns: [
      'red',
      '{case_matters=true}Red',
      '{order_matters=false}{case_matters=false}red[,]blue',
      '{lang=fr}rouge[,]{lang=en-GB}colour',
      '',
    ],
    badPatterns: [
      ['{case_matters=yes}red', 406],
      ['{lang=}red', 406],
      ['{lang=123}red', 406],
      [Array.from({ length: 11 }, (_, i) => `w${i}`).join('[,]'), 351],
      [chars(251), 351],
    ],
    responses: ['blue', '{lang=fr}bleu[,]vert'],
    badResponses: [
      ['{lang=f r}bleu', 406],
      [chars(251), 351],
    ],
  },
  {
    type: 'long-fill-in',
    patterns: ['{case_matters=true}{lang=en}' + chars(4000), 'An essay'],
    badPatterns: [
      [chars(4001), 351],
      ['{case_matters=maybe}x', 406],
    ],
    responses: [chars(4000), '{lang=de}Ein Aufsatz'],
    badResponses: [[chars(4001), 351]],
  },
  {
    type: 'likert',
    patterns: ['likert_5'],
    badPatterns: [
      ['a[,]b', 406],
      ['', 406],
    ],
    responses: ['likert_1', 'urn:scale:3'],
    badResponses: [
      ['strongly agree', 406],
      ['urn:', 406],
    ],
    more: (p) => [['set', `${p}.correct_responses.1.pattern`, 'likert_4', 'false', 351]],
  },
  {
    type: 'matching',
    patterns: ['1[.]a', '1[.]a[,]2[.]b[,]3[.]c'],
    badPatterns: [
      ['1[.]a[.]b', 406],
      ['1-a', 406],
      ['1[.]', 406],
    ],
    responses: ['2[.]b[,]1[.]a'],
    badResponses: [['1[.]a[,]2', 406]],
  },
  {
    type: 'performance',
    patterns: ['step1[.]answer', '[.]answer', '{order_matters=false}step1[.]yes[,]step2[.]1[:]5[,]step3[.]'],
    badPatterns: [
      ['step1', 406],
      ['[.]', 406],
      ['step 1[.]x', 406],
      ['step1[.]5[:]1', 406],
      [Array.from({ length: 126 }, (_, i) => `s${i}[.]x`).join('[,]'), 351],
    ],
    responses: ['step1[.]yes[,]step2[.]3'],
    badResponses: [['step1', 406]],
  },
  {
    type: 'sequencing',
    patterns: ['a[,]b[,]c', 'c[,]b[,]b'],
    badPatterns: [
      ['', 406],
      ['a[,][,]b', 406],
    ],
    responses: ['b[,]a[,]c'],
    badResponses: [['b a', 406]],
    more: (p) => [
      ['set', `${p}.correct_responses.1.pattern`, 'c[,]b[,]b', 'false', 351],
      ['set', `${p}.correct_responses.1.pattern`, 'b[,]b[,]c', 'true', 0],
    ],
  },
  {
    type: 'numeric',
    patterns: ['1[:]5', '[:]5', '1.5[:]', '-2[:]-1', '3', '1[:]1'],
    badPatterns: [
      ['5[:]1', 406],
      ['a[:]b', 406],
      ['1[:]2[:]3', 406],
      ['', 406],
    ],
    responses: ['3.5', '-1'],
    badResponses: [
      ['three', 406],
      ['1[:]2', 406],
    ],
    more: (p) => [['set', `${p}.correct_responses.1.pattern`, '2[:]3', 'false', 351]],
  },
  {
    type: 'other',
    patterns: [chars(4000), 'anything {at} [all]'],
    badPatterns: [[chars(4001), 351]],
    responses: ['', 'whatever'],
    badResponses: [[chars(4001), 351]],
    more: (p) => [['set', `${p}.correct_responses.1.pattern`, 'x', 'false', 351]],
  },
];

const CODES: [number, string][] = [
  [0, 'No Error'],
  [101, 'General Exception'],
  [102, 'General Initialization Failure'],
  [103, 'Already Initialized'],
  [104, 'Content Instance Terminated'],
  [111, 'General Termination Failure'],
  [112, 'Termination Before Initialization'],
  [113, 'Termination After Termination'],
  [122, 'Retrieve Data Before Initialization'],
  [123, 'Retrieve Data After Termination'],
  [132, 'Store Data Before Initialization'],
  [133, 'Store Data After Termination'],
  [142, 'Commit Before Initialization'],
  [143, 'Commit After Termination'],
  [201, 'General Argument Error'],
  [301, 'General Get Failure'],
  [351, 'General Set Failure'],
  [391, 'General Commit Failure'],
  [401, 'Undefined Data Model Element'],
  [402, 'Unimplemented Data Model Element'],
  [403, 'Data Model Element Value Not Initialized'],
  [404, 'Data Model Element Is Read Only'],
  [405, 'Data Model Element Is Write Only'],
  [406, 'Data Model Element Type Mismatch'],
  [407, 'Data Model Element Value Out Of Range'],
  [408, 'Data Model Dependency Not Established'],
];

const SCORE: Row[] = [];
for (const p of ['cmi.score', 'cmi.objectives.0.score']) {
  SCORE.push(
    ...keyword(`${p}._children`, 'scaled,raw,min,max'),
    ['get', `${p}._count`, '', '', 301],
    ...['scaled', 'raw', 'min', 'max'].map((k) => is(`${p}.${k}`, '', 403)),
    ...real(`${p}.scaled`, ['-1', '1', '0.1234567', '-.5'], ['1.01', '-1.5', '2']),
    ...['raw', 'min', 'max'].flatMap((k) => real(`${p}.${k}`, ['-1000', '0', '12345.6789', '+3'], [])),
  );
}

/** The stored state (through JSON, as the player keeps it) of a session that ended with `exit`. */
function finished(exit: string): AttemptState {
  const api = new Scorm2004Api({ learnerId: 'u1' });
  api.Initialize('');
  api.SetValue('cmi.location', 'p2');
  api.SetValue('cmi.session_time', 'PT1M');
  api.SetValue('cmi.exit', exit);
  api.Terminate('');
  return JSON.parse(JSON.stringify(api.state())) as AttemptState;
}

const blocks: Block[] = [
  {
    name: 'states: before Initialize, running, after Terminate (B1)',
    init: false,
    rows: [
      ['get', 'cmi.location', '', '', 122],
      ['set', 'cmi.location', 'x', 'false', 132],
      ['commit', '', '', 'false', 142],
      ['term', '', '', 'false', 112],
      ['err', '', '', '112', 0],
      ['init', 'x', '', 'false', 201],
      ['init', '', '', 'true', 0],
      ['init', '', '', 'false', 103],
      ['commit', 'x', '', 'false', 201],
      ['commit', '', '', 'true', 0],
      ['term', 'x', '', 'false', 201],
      ['term', '', '', 'true', 0],
      ['term', '', '', 'false', 113],
      ['get', 'cmi.location', '', '', 123],
      ['set', 'cmi.location', 'x', 'false', 133],
      ['commit', '', '', 'false', 143],
      ['init', '', '', 'false', 104],
      ['err', '', '', '104', 0],
    ],
  },
  {
    name: 'error strings and diagnostics never change the error state (B2)',
    rows: [
      ['set', 'cmi.score.scaled', '2', 'false', 407],
      ['err', '', '', '407', 0],
      ['diag', '', '', /cmi\.score\.scaled/, 0],
      ['diag', '407', '', /cmi\.score\.scaled/, 0],
      ['diag', '401', '', 'Undefined Data Model Element', 0],
      ...CODES.map(([c, s]): Row => ['str', String(c), '', s, 0]),
      ['str', '999', '', '', 0],
      ['str', '', '', '', 0],
      ['err', '', '', '407', 0],
      ['get', 'cmi.credit', '', 'credit', 0],
      ['err', '', '', '0', 0],
      ['diag', '', '', '', 0],
    ],
  },
  {
    name: 'names outside the model, empty names and keywords (B2 extension conditions)',
    rows: [
      ['get', '', '', '', 301],
      ['set', '', 'x', 'false', 351],
      ['get', 'cmi.foo', '', '', 401],
      ['set', 'cmi.foo', 'x', 'false', 401],
      ['get', 'adl.foo', '', '', 401],
      ['get', 'cmi.core.lesson_status', '', '', 401],
      ['get', 'cmi.interactions.n.id', '', '', 401],
      ['get', 'cmi.location._version', '', '', 301],
      ['get', 'cmi.score._version', '', '', 301],
      ['get', 'cmi._children', '', '', 301],
      ['get', 'cmi.location._children', '', '', 301],
      ['get', 'cmi.location._count', '', '', 301],
      ['get', 'cmi.foo._children', '', '', 401],
      ['set', 'cmi._version', '1.1', 'false', 404],
      ['set', 'cmi.interactions._count', '3', 'false', 404],
      ['set', 'cmi.score._children', 'x', 'false', 404],
    ],
  },
  { name: 'cmi._version', rows: keyword('cmi._version', '1.0') },
  {
    name: 'cmi.comments_from_learner',
    rows: [
      ...keyword('cmi.comments_from_learner._children', 'comment,location,timestamp'),
      ...keyword('cmi.comments_from_learner._count', '0'),
      is('cmi.comments_from_learner.0.comment', '', 301),
      ['set', 'cmi.comments_from_learner.1.comment', 'x', 'false', 351],
      // No dependency between the fields: any one adds the record.
      ...ok('cmi.comments_from_learner.0.location', 'p1', chars(250)),
      is('cmi.comments_from_learner._count', '1'),
      is('cmi.comments_from_learner.0.comment', '', 403),
      is('cmi.comments_from_learner.0.timestamp', '', 403),
      ...bad('cmi.comments_from_learner.0.location', 351, chars(251)),
      ...ok(
        'cmi.comments_from_learner.0.comment',
        'Great',
        '{lang=en-US}Great',
        chars(4000),
        '{lang=fr}' + chars(4000),
      ),
      ...bad('cmi.comments_from_learner.0.comment', 406, '{lang=}Great', '{lang=english}x', '{lang=en'),
      ...bad('cmi.comments_from_learner.0.comment', 351, chars(4001)),
      ...ok('cmi.comments_from_learner.0.timestamp', ...TIMES, ...TIMES_TZ),
      is('cmi.comments_from_learner.0.timestamp', TIMES_TZ.at(-1)!),
      ...bad('cmi.comments_from_learner.0.timestamp', 406, ...BAD_TIMES),
      ...ok('cmi.comments_from_learner.1.timestamp', '2024-01-01'),
      is('cmi.comments_from_learner._count', '2'),
    ],
  },
  {
    name: 'cmi.comments_from_lms',
    rows: [
      ...keyword('cmi.comments_from_lms._children', 'comment,location,timestamp'),
      ...keyword('cmi.comments_from_lms._count', '0'),
      is('cmi.comments_from_lms.0.comment', '', 301),
      ...bad('cmi.comments_from_lms.0.comment', 404, 'x'),
      ...bad('cmi.comments_from_lms.0.location', 404, 'x'),
      ...bad('cmi.comments_from_lms.0.timestamp', 404, '2024'),
    ],
  },
  {
    name: 'cmi.completion_status',
    rows: [
      is('cmi.completion_status', 'unknown'),
      ...['completed', 'incomplete', 'not attempted', 'unknown', 'completed'].flatMap((v) => [
        ...ok('cmi.completion_status', v),
        is('cmi.completion_status', v),
      ]),
      ...bad('cmi.completion_status', 406, 'passed', 'Completed', ''),
    ],
  },
  { name: 'cmi.completion_threshold (none in the manifest)', rows: ro('cmi.completion_threshold', '', 403) },
  {
    name: 'cmi.completion_threshold (from the manifest)',
    options: { completionThreshold: 0.75 },
    rows: ro('cmi.completion_threshold', '0.75'),
  },
  { name: 'cmi.credit', rows: ro('cmi.credit', 'credit') },
  { name: 'cmi.credit (no-credit)', options: { credit: 'no-credit' }, rows: ro('cmi.credit', 'no-credit') },
  { name: 'cmi.entry', rows: ro('cmi.entry', 'ab-initio') },
  {
    name: 'cmi.exit',
    rows: [
      ...ok('cmi.exit', 'time-out', 'suspend', 'logout', 'normal', ''),
      is('cmi.exit', '', 405),
      ...bad('cmi.exit', 406, 'quit', 'Suspend'),
    ],
  },
  {
    name: 'cmi.interactions: records, dependencies and fields (B6)',
    rows: [
      ...keyword(
        'cmi.interactions._children',
        'id,type,objectives,timestamp,correct_responses,weighting,learner_response,result,latency,description',
      ),
      ...keyword('cmi.interactions._count', '0'),
      is('cmi.interactions.0.id', '', 301),
      // The id comes first (408); past _count is out of order (351).
      ['set', 'cmi.interactions.0.type', 'choice', 'false', 408],
      ['set', 'cmi.interactions.0.objectives.0.id', 'o1', 'false', 408],
      ['set', 'cmi.interactions.1.id', 'q1', 'false', 351],
      ...ok(
        'cmi.interactions.0.id',
        'urn:ADL:interaction-id-0001',
        'q0',
        'http://example.com/q?id=1',
        chars(4000),
      ),
      ...bad('cmi.interactions.0.id', 406, '', 'has space', 'urn:', 'a[,]b'),
      ...bad('cmi.interactions.0.id', 351, chars(4001)),
      is('cmi.interactions.0.id', chars(4000)),
      is('cmi.interactions._count', '1'),
      is('cmi.interactions.0._children', '', 301),
      is('cmi.interactions.0.correct_responses._children', '', 301),
      ...['type', 'timestamp', 'weighting', 'learner_response', 'result', 'latency', 'description'].map((k) =>
        is(`cmi.interactions.0.${k}`, '', 403),
      ),
      // learner_response and patterns need the type.
      ['set', 'cmi.interactions.0.learner_response', 'a', 'false', 408],
      ['set', 'cmi.interactions.0.correct_responses.0.pattern', 'a', 'false', 408],
      ...ok('cmi.interactions.0.type', 'true-false', 'other', 'choice'),
      ...bad('cmi.interactions.0.type', 406, 'essay', 'Choice', ''),
      is('cmi.interactions.0.type', 'choice'),
      is('cmi.interactions.0.correct_responses._count', '0'),
      is('cmi.interactions.0.correct_responses.0.pattern', '', 301),
      ['set', 'cmi.interactions.0.correct_responses.1.pattern', 'a', 'false', 351],
      // Interaction objectives: ids, unique in the interaction.
      ...keyword('cmi.interactions.0.objectives._count', '0'),
      ...ok('cmi.interactions.0.objectives.0.id', 'obj-1'),
      ['set', 'cmi.interactions.0.objectives.1.id', 'obj-1', 'false', 351],
      ['set', 'cmi.interactions.0.objectives.2.id', 'obj-3', 'false', 351],
      ...ok('cmi.interactions.0.objectives.1.id', 'obj-2'),
      ...ok('cmi.interactions.0.objectives.0.id', 'obj-1', 'obj-0'),
      ['set', 'cmi.interactions.0.objectives.0.id', 'obj-2', 'false', 351],
      ...bad('cmi.interactions.0.objectives.0.id', 406, '', 'o 1'),
      is('cmi.interactions.0.objectives.0.id', 'obj-0'),
      is('cmi.interactions.0.objectives._count', '2'),
      is('cmi.interactions.0.objectives.2.id', '', 301),
      ...ok('cmi.interactions.0.timestamp', ...TIMES, ...TIMES_TZ),
      ...bad('cmi.interactions.0.timestamp', 406, ...BAD_TIMES),
      ...ok('cmi.interactions.0.weighting', '1.5', '-2', '0'),
      ...bad('cmi.interactions.0.weighting', 406, 'heavy', ''),
      is('cmi.interactions.0.weighting', '0'),
      ...ok('cmi.interactions.0.result', 'correct', 'incorrect', 'unanticipated', 'neutral', '-1.5'),
      ...bad('cmi.interactions.0.result', 406, 'wrong', 'Correct', ''),
      is('cmi.interactions.0.result', '-1.5'),
      ...ok('cmi.interactions.0.latency', 'PT5S', 'PT1M30.25S', 'P1DT2H'),
      ...bad('cmi.interactions.0.latency', 406, '00:00:05', 'PT', 'P', 'PT5.123S', 'P1W'),
      is('cmi.interactions.0.latency', 'P1DT2H'),
      ...ok('cmi.interactions.0.description', 'Question 1', '{lang=en}Question 1', chars(250)),
      ...bad('cmi.interactions.0.description', 351, chars(251)),
      ...bad('cmi.interactions.0.description', 406, '{lang=!!}x'),
      // The validator follows the type: a numeric response once the type is numeric.
      ...ok('cmi.interactions.0.learner_response', 'a[,]b'),
      ...ok('cmi.interactions.0.type', 'numeric'),
      ...bad('cmi.interactions.0.learner_response', 406, 'a[,]b'),
      ...ok('cmi.interactions.0.learner_response', '42'),
    ],
  },
  ...TYPES.map((t): Block => ({ name: `cmi.interactions of type ${t.type} (B6)`, rows: typed(0, t) })),
  { name: 'cmi.launch_data', rows: ro('cmi.launch_data', 'chapter=2') },
  {
    name: 'cmi.launch_data (none)',
    options: { launchData: undefined },
    rows: ro('cmi.launch_data', '', 403),
  },
  { name: 'cmi.learner_id', rows: ro('cmi.learner_id', 'u1') },
  { name: 'cmi.learner_name', rows: ro('cmi.learner_name', 'Doe, Jane') },
  {
    name: 'cmi.learner_preference',
    rows: [
      ...keyword('cmi.learner_preference._children', 'audio_level,language,delivery_speed,audio_captioning'),
      is('cmi.learner_preference.audio_level', '1'),
      ...real('cmi.learner_preference.audio_level', ['0', '0.5', '10'], ['-0.1', '-1']),
      is('cmi.learner_preference.delivery_speed', '1'),
      ...real('cmi.learner_preference.delivery_speed', ['0', '2.5'], ['-2']),
      is('cmi.learner_preference.language', ''),
      ...ok(
        'cmi.learner_preference.language',
        'en',
        'en-US',
        'fr-CA',
        'i-klingon',
        'x-private',
        'zh-Hant-TW',
        '',
      ),
      ...ok('cmi.learner_preference.language', 'de'),
      ...bad('cmi.learner_preference.language', 406, 'english', 'en_US', 'en-', 'en-toolongtag'),
      ...bad(
        'cmi.learner_preference.language',
        351,
        'en-' + Array.from({ length: 50 }, () => 'abcd').join('-'),
      ),
      is('cmi.learner_preference.language', 'de'),
      is('cmi.learner_preference.audio_captioning', '0'),
      ...ok('cmi.learner_preference.audio_captioning', '-1', '1', '0'),
      ...bad('cmi.learner_preference.audio_captioning', 406, '2', 'on', '0.5'),
    ],
  },
  {
    name: 'cmi.location',
    rows: [
      is('cmi.location', '', 403),
      ...ok('cmi.location', 'page 3', chars(1000), ''),
      is('cmi.location', ''),
      ...bad('cmi.location', 351, chars(1001)),
    ],
  },
  { name: 'cmi.max_time_allowed', rows: ro('cmi.max_time_allowed', 'PT1H') },
  {
    name: 'cmi.max_time_allowed (none)',
    options: { maxTimeAllowed: undefined },
    rows: ro('cmi.max_time_allowed', '', 403),
  },
  { name: 'cmi.mode', rows: ro('cmi.mode', 'normal') },
  { name: 'cmi.mode (review)', options: { mode: 'review' }, rows: ro('cmi.mode', 'review') },
  {
    name: 'cmi.objectives: ids, dependencies and fields',
    rows: [
      ...keyword(
        'cmi.objectives._children',
        'id,score,success_status,completion_status,progress_measure,description',
      ),
      ...keyword('cmi.objectives._count', '0'),
      is('cmi.objectives.0.id', '', 301),
      ['set', 'cmi.objectives.0.success_status', 'passed', 'false', 408],
      ['set', 'cmi.objectives.0.score.raw', '1', 'false', 408],
      ['set', 'cmi.objectives.1.id', 'o2', 'false', 351],
      ...bad('cmi.objectives.0.id', 406, '', 'o 1'),
      ...ok('cmi.objectives.0.id', 'urn:example:obj-1'),
      // Write-once: the same id again is fine, another is not.
      ...ok('cmi.objectives.0.id', 'urn:example:obj-1'),
      ['set', 'cmi.objectives.0.id', 'urn:example:other', 'false', 351],
      ['set', 'cmi.objectives.1.id', 'urn:example:obj-1', 'false', 351],
      ...ok('cmi.objectives.1.id', 'obj-2'),
      is('cmi.objectives._count', '2'),
      is('cmi.objectives.0.id', 'urn:example:obj-1'),
      is('cmi.objectives.0.success_status', 'unknown'),
      is('cmi.objectives.0.completion_status', 'unknown'),
      is('cmi.objectives.0.progress_measure', '', 403),
      is('cmi.objectives.0.description', '', 403),
      ...ok('cmi.objectives.0.success_status', 'passed', 'failed', 'unknown', 'passed'),
      ...bad('cmi.objectives.0.success_status', 406, 'completed', ''),
      is('cmi.objectives.0.success_status', 'passed'),
      ...ok('cmi.objectives.0.completion_status', 'completed', 'incomplete', 'not attempted', 'unknown'),
      ...bad('cmi.objectives.0.completion_status', 406, 'passed'),
      ...real('cmi.objectives.0.progress_measure', ['0', '1', '0.5'], ['1.01', '-0.01']),
      ...ok('cmi.objectives.0.description', '{lang=en}First objective', chars(250)),
      ...bad('cmi.objectives.0.description', 351, chars(251)),
      is('cmi.objectives.0._children', '', 301),
      is('cmi.objectives.2.id', '', 301),
      ...SCORE.filter((r) => r[1].startsWith('cmi.objectives')),
    ],
  },
  {
    name: 'cmi.objectives pre-seeded from the manifest',
    options: { objectiveIds: ['primary', 'secondary'] },
    rows: [
      is('cmi.objectives._count', '2'),
      is('cmi.objectives.0.id', 'primary'),
      is('cmi.objectives.1.id', 'secondary'),
      is('cmi.objectives.1.success_status', 'unknown'),
      ...ok('cmi.objectives.1.success_status', 'passed'),
      ['set', 'cmi.objectives.2.id', 'primary', 'false', 351],
      ['set', 'cmi.objectives.0.id', 'other', 'false', 351],
    ],
  },
  {
    name: 'cmi.progress_measure',
    rows: [
      is('cmi.progress_measure', '', 403),
      ...real('cmi.progress_measure', ['0', '1', '0.25'], ['1.5', '-0.1']),
    ],
  },
  { name: 'cmi.scaled_passing_score (none)', rows: ro('cmi.scaled_passing_score', '', 403) },
  {
    name: 'cmi.scaled_passing_score (from the manifest)',
    options: { scaledPassingScore: -0.5 },
    rows: ro('cmi.scaled_passing_score', '-0.5'),
  },
  { name: 'cmi.score', rows: SCORE.filter((r) => r[1].startsWith('cmi.score')) },
  {
    name: 'cmi.session_time',
    rows: [
      ...ok('cmi.session_time', 'PT1H2M3.5S', 'P1Y2M3DT4H5M6.78S', 'PT0S', 'P0D'),
      is('cmi.session_time', '', 405),
      ...bad('cmi.session_time', 406, 'P', 'PT', 'P1DT', 'P1W', 'PT1.234S', '01:00:00', 'PT-1S', '1H', ''),
    ],
  },
  {
    name: 'cmi.success_status',
    rows: [
      is('cmi.success_status', 'unknown'),
      ...['passed', 'failed', 'unknown'].flatMap((v) => [
        ...ok('cmi.success_status', v),
        is('cmi.success_status', v),
      ]),
      ...bad('cmi.success_status', 406, 'completed', 'Passed', ''),
    ],
  },
  {
    name: 'cmi.suspend_data',
    rows: [
      is('cmi.suspend_data', '', 403),
      ...ok('cmi.suspend_data', 'state=1', chars(64000)),
      is('cmi.suspend_data', chars(64000)),
      ...bad('cmi.suspend_data', 351, chars(64001)),
    ],
  },
  { name: 'cmi.time_limit_action', rows: ro('cmi.time_limit_action', 'exit,message') },
  {
    name: 'cmi.time_limit_action (default)',
    options: { timeLimitAction: undefined },
    rows: ro('cmi.time_limit_action', 'continue,no message'),
  },
  { name: 'cmi.total_time', rows: ro('cmi.total_time', 'PT0H0M0S') },
  {
    name: 'adl.nav.request',
    rows: [
      is('adl.nav.request', '_none_'),
      ...ok(
        'adl.nav.request',
        'continue',
        'previous',
        'exit',
        'exitAll',
        'abandon',
        'abandonAll',
        'suspendAll',
        '{target=intro}choice',
        '{target=urn:x:item-2}jump',
        '_none_',
      ),
      ...bad(
        'adl.nav.request',
        406,
        'start',
        'resumeAll',
        'retry',
        'Continue',
        '{target=}choice',
        'choice',
        '',
      ),
      is('adl.nav.request', '_none_'),
    ],
  },
  {
    name: 'adl.nav.request_valid without a navigator',
    rows: [
      is('adl.nav.request_valid.continue', 'unknown'),
      is('adl.nav.request_valid.previous', 'unknown'),
      is('adl.nav.request_valid.choice.{target=intro}', 'unknown'),
      is('adl.nav.request_valid.jump.{target=a.b.c}', 'unknown'),
      ['set', 'adl.nav.request_valid.continue', 'true', 'false', 404],
      ['set', 'adl.nav.request_valid.choice.{target=intro}', 'true', 'false', 404],
      is('adl.nav.request_valid.choice', '', 401),
      is('adl.nav.request_valid.choice.{target=}', '', 401),
      is('adl.nav.request_valid.retry', '', 401),
    ],
  },
  {
    name: 'adl.nav.request_valid with a navigator',
    options: {
      navigator: {
        isRequestValid: (r, target) =>
          r === 'continue' ? true : r === 'previous' ? false : target === 'intro',
        request: () => {},
      },
    },
    rows: [
      is('adl.nav.request_valid.continue', 'true'),
      is('adl.nav.request_valid.previous', 'false'),
      is('adl.nav.request_valid.choice.{target=intro}', 'true'),
      is('adl.nav.request_valid.jump.{target=outro}', 'false'),
    ],
  },
  {
    name: 'adl.data from the item maps',
    options: {
      dataMaps: [
        { targetID: 'shared', readSharedData: true, writeSharedData: true },
        { targetID: 'readonly', readSharedData: true, writeSharedData: false },
        { targetID: 'writeonly', readSharedData: false, writeSharedData: true },
        { targetID: 'empty', readSharedData: true, writeSharedData: true },
      ],
      sharedData: { shared: 'hello', readonly: 'fixed', writeonly: 'secret' },
    },
    rows: [
      ...keyword('adl.data._children', 'id,store'),
      ...keyword('adl.data._count', '4'),
      ...ro('adl.data.0.id', 'shared'),
      is('adl.data.0.store', 'hello'),
      ...ok('adl.data.0.store', 'bye', chars(64000), 'bye'),
      is('adl.data.0.store', 'bye'),
      ...bad('adl.data.0.store', 351, chars(64001)),
      is('adl.data.1.store', 'fixed'),
      ...bad('adl.data.1.store', 404, 'x'),
      is('adl.data.2.store', '', 405),
      ...ok('adl.data.2.store', 'new'),
      is('adl.data.3.store', '', 403),
      is('adl.data.4.store', '', 301),
      is('adl.data.4.id', '', 301),
      ['set', 'adl.data.4.store', 'x', 'false', 408],
      ['set', 'adl.data.5.store', 'x', 'false', 351],
    ],
  },
  { name: 'adl.data without maps', rows: [is('adl.data._count', '0'), is('adl.data.0.store', '', 301)] },
  {
    name: 'completion evaluated from completion_threshold and progress_measure (B5)',
    options: { completionThreshold: 0.8 },
    rows: [
      is('cmi.completion_status', 'unknown'),
      ...ok('cmi.completion_status', 'completed'),
      is('cmi.completion_status', 'unknown'),
      ...ok('cmi.progress_measure', '0.5'),
      is('cmi.completion_status', 'incomplete'),
      ...ok('cmi.progress_measure', '0.8'),
      is('cmi.completion_status', 'completed'),
    ],
  },
  {
    name: 'success evaluated from scaled_passing_score and score.scaled (B5)',
    options: { scaledPassingScore: 0.6 },
    rows: [
      is('cmi.success_status', 'unknown'),
      ...ok('cmi.success_status', 'passed'),
      is('cmi.success_status', 'unknown'),
      ...ok('cmi.score.scaled', '0.59'),
      is('cmi.success_status', 'failed'),
      ...ok('cmi.score.scaled', '0.6'),
      is('cmi.success_status', 'passed'),
    ],
  },
  {
    name: 'time(second,10,2) values are kept exactly as written',
    rows: [
      ...ok('cmi.interactions.0.id', 'q0'),
      ...ok('cmi.interactions.0.timestamp', '2004-04-01T09:45:58.55-03:00'),
      is('cmi.interactions.0.timestamp', '2004-04-01T09:45:58.55-03:00'),
      ...bad('cmi.interactions.0.timestamp', 406, '2004-04-01T09:45:58Z', '2004-04-01T09:45:58+02:30'),
      is('cmi.interactions.0.timestamp', '2004-04-01T09:45:58.55-03:00'),
      ...ok('cmi.comments_from_learner.0.timestamp', '2004-04-01T09:45:58.5Z'),
      is('cmi.comments_from_learner.0.timestamp', '2004-04-01T09:45:58.5Z'),
      ...ok('cmi.comments_from_learner.0.timestamp', '2004-04-01T09:45:58.50+02'),
      is('cmi.comments_from_learner.0.timestamp', '2004-04-01T09:45:58.50+02'),
    ],
  },
  {
    name: 'collection indexes are numbers however written (RTE 4.1.1.2)',
    rows: [
      ...ok('cmi.interactions.00.id', 'q0'),
      ...ok('cmi.interactions.01.id', 'q1'),
      is('cmi.interactions.1.id', 'q1'),
      is('cmi.interactions.001.id', 'q1'),
      is('cmi.interactions._count', '2'),
      ...ok('cmi.interactions.01.timestamp', '2024-05-01'),
      is('cmi.interactions.1.timestamp', '2024-05-01'),
      // Past the next free record: 351 (set) and 301 (get), not 401.
      ['set', 'cmi.interactions.03.id', 'q3', 'false', 351],
      ['set', 'cmi.interactions.03.timestamp', '2024', 'false', 351],
      is('cmi.interactions.02.id', '', 301),
      ...ok('cmi.interactions.0002.id', 'q2'),
      is('cmi.interactions._count', '3'),
      ...ok('cmi.interactions.01.objectives.00.id', 'o0'),
      is('cmi.interactions.1.objectives._count', '1'),
      ['set', 'cmi.interactions.1.objectives.02.id', 'o2', 'false', 351],
      ...ok('cmi.objectives.00.id', 'o0'),
      ...ok('cmi.objectives.0.score.scaled', '0.5'),
      is('cmi.objectives.000.score.scaled', '0.5'),
      ['set', 'cmi.objectives.02.id', 'o2', 'false', 351],
      ...ok('cmi.comments_from_learner.00.comment', 'c'),
      is('cmi.comments_from_learner.0.comment', 'c'),
    ],
  },
  ...(['normal', 'logout', 'time-out', ''] as const).map((exit): Block => ({
    name: `cmi.entry is ab-initio after a session that ended with exit "${exit}"`,
    options: { resume: finished(exit) },
    rows: [is('cmi.entry', 'ab-initio'), is('cmi.location', '', 403), is('cmi.total_time', 'PT0H0M0S')],
  })),
  {
    name: 'cmi.entry is resume after a suspended session',
    options: { resume: finished('suspend') },
    rows: [is('cmi.entry', 'resume'), is('cmi.location', 'p2')],
  },
  {
    name: 'adl.data.n.store never written is not initialized (RTE 4.3: 403)',
    options: {
      dataMaps: [
        { targetID: 'fresh', readSharedData: true, writeSharedData: true },
        { targetID: 'constructor', readSharedData: true, writeSharedData: true },
        { targetID: 'unset', readSharedData: true, writeSharedData: false },
      ],
      sharedData: { unset: undefined },
    },
    rows: [
      is('adl.data.0.store', '', 403),
      is('adl.data.1.store', '', 403),
      is('adl.data.2.store', '', 403),
      ...ok('adl.data.0.store', ''),
      is('adl.data.0.store', ''),
      ...ok('adl.data.1.store', 'x'),
      is('adl.data.1.store', 'x'),
      is('adl.data.2.store', '', 403),
    ],
  },
];

describe('SCORM 2004 conformance rows', () => {
  for (const b of blocks)
    it(b.name, () => {
      const api = make('2004', { ...options, ...b.options });
      if (b.init !== false) expect(api.Initialize!('')).to.equal('true');
      runRows('2004', api, b.rows);
    });

  it('rows cover every element of the table', () => {
    const seen = patterns(blocks);
    const missing = Object.keys(model2004.elements).filter((p) => !seen.has(p));
    expect(missing).to.deep.equal([]);
  });

  // Every element, before Initialize (122/132) and after Terminate (123/133).
  for (const p of Object.keys(model2004.elements)) {
    const el = p.replace(/\.n(?=\.|$)/g, '.0');
    it(`${el} before Initialize and after Terminate`, () => {
      const api = make('2004', options);
      runRows('2004', api, [
        ['get', el, '', '', 122],
        ['set', el, 'x', 'false', 132],
        ['init', '', '', 'true', 0],
        ['term', '', '', 'true', 0],
        ['get', el, '', '', 123],
        ['set', el, 'x', 'false', 133],
      ]);
    });
  }
});
