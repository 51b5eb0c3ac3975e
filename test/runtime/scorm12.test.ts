// SCORM 1.2 conformance as data (scorm-reference.md A): one block of rows per element or rule.
import { expect } from '@open-wc/testing';
import { model12, Scorm12Api } from '../../src/runtime/scorm12.js';
import type { AttemptState } from '../../src/runtime/types.js';
import { type Block, chars, make, patterns, type Row, runRows } from './rows.js';

const options = {
  learnerName: 'Doe, Jane',
  masteryScore: 80,
  launchData: 'chapter=2',
  maxTimeAllowed: '0001:30:00',
  timeLimitAction: 'exit,message' as const,
};

const ro = (el: string, value: string): Row[] => [
  ['get', el, '', value, 0],
  ['set', el, 'x', 'false', 403],
];
const wo = (el: string, valid: string, invalid: string): Row[] => [
  ['set', el, valid, 'true', 0],
  ['get', el, '', '', 404],
  ['set', el, invalid, 'false', 405],
];
const keyword = (el: string, value: string): Row[] => [
  ['get', el, '', value, 0],
  ['set', el, 'x', 'false', 402],
];
const score = (p: string): Row[] => [
  ['get', p + '._children', '', 'raw,min,max', 0],
  ['set', p + '._children', 'x', 'false', 402],
  ['get', p + '._count', '', '', 203],
  ...['raw', 'min', 'max'].flatMap((k): Row[] => [
    ['get', `${p}.${k}`, '', '', 0],
    ['set', `${p}.${k}`, '85.5', 'true', 0],
    ['get', `${p}.${k}`, '', '85.5', 0],
    ['set', `${p}.${k}`, '0', 'true', 0],
    ['set', `${p}.${k}`, '100', 'true', 0],
    ['set', `${p}.${k}`, '100.01', 'false', 405],
    ['set', `${p}.${k}`, '-1', 'false', 405],
    ['set', `${p}.${k}`, 'eighty', 'false', 405],
    ['set', `${p}.${k}`, '8e1', 'false', 405],
    ['set', `${p}.${k}`, '', 'true', 0],
    ['get', `${p}.${k}`, '', '', 0],
  ]),
];

/** Rows for one interaction type: [type, valid feedback, invalid feedback]. */
const feedback = (i: number, type: string, valid: string[], invalid: string[]): Row[] => [
  ['set', `cmi.interactions.${i}.id`, `q${i}`, 'true', 0],
  ['set', `cmi.interactions.${i}.type`, type, 'true', 0],
  ...valid.flatMap((v): Row[] => [
    ['set', `cmi.interactions.${i}.student_response`, v, 'true', 0],
    ['set', `cmi.interactions.${i}.correct_responses.0.pattern`, v, 'true', 0],
  ]),
  ...invalid.flatMap((v): Row[] => [
    ['set', `cmi.interactions.${i}.student_response`, v, 'false', 405],
    ['set', `cmi.interactions.${i}.correct_responses.0.pattern`, v, 'false', 405],
  ]),
];

/** The stored state (through JSON, as the player keeps it) of a session that ended with `exit`. */
function finished(exit: string): AttemptState {
  const api = new Scorm12Api({ learnerId: 'u1' });
  api.LMSInitialize('');
  api.LMSSetValue('cmi.core.lesson_status', 'incomplete');
  api.LMSSetValue('cmi.core.exit', exit);
  api.LMSFinish('');
  return JSON.parse(JSON.stringify(api.state())) as AttemptState;
}

const blocks: Block[] = [
  {
    name: 'states: before LMSInitialize, running, after LMSFinish (A1)',
    init: false,
    rows: [
      ['get', 'cmi.core.student_id', '', '', 301],
      ['set', 'cmi.core.lesson_location', 'x', 'false', 301],
      ['commit', '', '', 'false', 301],
      ['term', '', '', 'false', 301],
      ['err', '', '', '301', 0],
      ['str', '301', '', 'Not initialized', 0],
      ['init', 'x', '', 'false', 201],
      ['init', '', '', 'true', 0],
      ['init', '', '', 'false', 101],
      ['commit', 'x', '', 'false', 201],
      ['commit', '', '', 'true', 0],
      ['term', 'x', '', 'false', 201],
      ['term', '', '', 'true', 0],
      ['term', '', '', 'false', 101],
      ['get', 'cmi.core.student_id', '', '', 101],
      ['set', 'cmi.core.lesson_location', 'x', 'false', 101],
      ['commit', '', '', 'false', 101],
      ['init', '', '', 'false', 101],
    ],
  },
  {
    name: 'error strings and diagnostics never change the error state (A2)',
    rows: [
      ['set', 'cmi.core.score.raw', 'abc', 'false', 405],
      ['err', '', '', '405', 0],
      ['str', '405', '', 'Incorrect data type', 0],
      ['diag', '', '', /score\.raw/, 0],
      ['diag', '405', '', /score\.raw/, 0],
      ['diag', '201', '', 'Invalid argument error', 0],
      ['err', '', '', '405', 0],
      ...(
        [
          [0, 'No error'],
          [101, 'General exception'],
          [201, 'Invalid argument error'],
          [202, 'Element cannot have children'],
          [203, 'Element not an array - cannot have count'],
          [301, 'Not initialized'],
          [401, 'Not implemented error'],
          [402, 'Invalid set value, element is a keyword'],
          [403, 'Element is read only'],
          [404, 'Element is write only'],
          [405, 'Incorrect data type'],
        ] as const
      ).map(([c, s]): Row => ['str', String(c), '', s, 0]),
      ['str', '999', '', '', 0],
      ['err', '', '', '405', 0],
      ['get', 'cmi.core.lesson_location', '', '', 0],
      ['err', '', '', '0', 0],
      ['diag', '', '', '', 0],
    ],
  },
  {
    name: 'names outside the model, empty names, keywords (A1, A2)',
    rows: [
      ['get', '', '', '', 201],
      ['set', '', 'x', 'false', 201],
      ['get', 'cmi.core.foo', '', '', 401],
      ['set', 'cmi.foo', 'x', 'false', 401],
      ['get', 'xyz.score.result', '', '', 401],
      ['get', 'cmi.nav.event', '', '', 401],
      ['get', 'cmi.core._version', '', '', 401],
      ['get', 'cmi.foo._children', '', '', 401],
      ['get', 'cmi.interactions.n.id', '', '', 401],
      // An index is a number however written: 01 is record 1, past the next free one.
      ['set', 'cmi.objectives.01.id', 'x', 'false', 201],
      ['get', 'cmi.core.score.raw._count', '', '', 203],
      ['get', 'cmi.core.score.raw._children', '', '', 202],
    ],
  },
  { name: 'cmi._version', rows: keyword('cmi._version', '3.4') },
  {
    name: 'cmi._children',
    rows: keyword(
      'cmi._children',
      'core,suspend_data,launch_data,comments,objectives,student_data,student_preference,interactions',
    ),
  },
  {
    name: 'cmi.core._children',
    rows: [
      ...keyword(
        'cmi.core._children',
        'student_id,student_name,lesson_location,credit,lesson_status,entry,score,total_time,lesson_mode,exit,session_time',
      ),
      ['get', 'cmi.core._count', '', '', 203],
    ],
  },
  {
    name: 'cmi.core.student_id',
    rows: [
      ...ro('cmi.core.student_id', 'u1'),
      ['get', 'cmi.core.student_id._children', '', '', 202],
      ['get', 'cmi.core.student_id._count', '', '', 203],
    ],
  },
  { name: 'cmi.core.student_name', rows: ro('cmi.core.student_name', 'Doe, Jane') },
  {
    name: 'cmi.core.lesson_location',
    rows: [
      ['get', 'cmi.core.lesson_location', '', '', 0],
      ['set', 'cmi.core.lesson_location', 'page 3', 'true', 0],
      ['get', 'cmi.core.lesson_location', '', 'page 3', 0],
      ['set', 'cmi.core.lesson_location', chars(255), 'true', 0],
      ['set', 'cmi.core.lesson_location', chars(256), 'false', 405],
      ['get', 'cmi.core.lesson_location', '', chars(255), 0],
    ],
  },
  { name: 'cmi.core.credit', rows: ro('cmi.core.credit', 'credit') },
  {
    name: 'cmi.core.lesson_status',
    rows: [
      ['get', 'cmi.core.lesson_status', '', 'not attempted', 0],
      ...['passed', 'completed', 'failed', 'incomplete', 'browsed'].flatMap((v): Row[] => [
        ['set', 'cmi.core.lesson_status', v, 'true', 0],
        ['get', 'cmi.core.lesson_status', '', v, 0],
      ]),
      ['set', 'cmi.core.lesson_status', 'not attempted', 'false', 405],
      ['set', 'cmi.core.lesson_status', 'Passed', 'false', 405],
      ['set', 'cmi.core.lesson_status', 'unknown', 'false', 405],
      ['get', 'cmi.core.lesson_status', '', 'browsed', 0],
    ],
  },
  { name: 'cmi.core.entry', rows: ro('cmi.core.entry', 'ab-initio') },
  { name: 'cmi.core.score', rows: score('cmi.core.score') },
  { name: 'cmi.core.total_time', rows: ro('cmi.core.total_time', '0000:00:00') },
  { name: 'cmi.core.lesson_mode', rows: ro('cmi.core.lesson_mode', 'normal') },
  {
    name: 'cmi.core.exit',
    rows: [
      ...['time-out', 'suspend', 'logout', ''].map((v): Row => ['set', 'cmi.core.exit', v, 'true', 0]),
      ['get', 'cmi.core.exit', '', '', 404],
      ['set', 'cmi.core.exit', 'normal', 'false', 405],
      ['set', 'cmi.core.exit', 'Suspend', 'false', 405],
    ],
  },
  {
    name: 'cmi.core.session_time',
    rows: [
      ['set', 'cmi.core.session_time', '0000:01:00', 'true', 0],
      ['set', 'cmi.core.session_time', '00:01:00.5', 'true', 0],
      ['set', 'cmi.core.session_time', '9999:59:59.99', 'true', 0],
      ['get', 'cmi.core.session_time', '', '', 404],
      ['set', 'cmi.core.session_time', '1:00:00', 'false', 405],
      ['set', 'cmi.core.session_time', '0000:60:00', 'false', 405],
      ['set', 'cmi.core.session_time', '00000:00:00', 'false', 405],
      ['set', 'cmi.core.session_time', '00:00:00.123', 'false', 405],
      ['set', 'cmi.core.session_time', 'PT1M', 'false', 405],
    ],
  },
  {
    name: 'cmi.suspend_data',
    rows: [
      ['get', 'cmi.suspend_data', '', '', 0],
      ['set', 'cmi.suspend_data', chars(4096), 'true', 0],
      ['get', 'cmi.suspend_data', '', chars(4096), 0],
      ['set', 'cmi.suspend_data', chars(4097), 'false', 405],
      ['set', 'cmi.suspend_data', '', 'true', 0],
    ],
  },
  { name: 'cmi.launch_data', rows: ro('cmi.launch_data', 'chapter=2') },
  {
    name: 'cmi.comments',
    rows: [
      ['set', 'cmi.comments', 'Nice course', 'true', 0],
      ['get', 'cmi.comments', '', 'Nice course', 0],
      ['set', 'cmi.comments', chars(4097), 'false', 405],
    ],
  },
  { name: 'cmi.comments_from_lms', rows: ro('cmi.comments_from_lms', '') },
  {
    name: 'cmi.objectives',
    rows: [
      ...keyword('cmi.objectives._children', 'id,score,status'),
      ...keyword('cmi.objectives._count', '0'),
      ['get', 'cmi.objectives.0.id', '', '', 201],
      ['set', 'cmi.objectives.1.id', 'o2', 'false', 201],
      ['set', 'cmi.objectives.0.id', 'o1', 'true', 0],
      ['get', 'cmi.objectives.0.id', '', 'o1', 0],
      ['get', 'cmi.objectives._count', '', '1', 0],
      ['set', 'cmi.objectives.0.id', 'o 1', 'false', 405],
      ['set', 'cmi.objectives.0.id', '', 'false', 405],
      ['set', 'cmi.objectives.0.id', chars(256), 'false', 405],
      // 1.2 has no dependency rule: any field adds a record.
      ['set', 'cmi.objectives.1.status', 'passed', 'true', 0],
      ['get', 'cmi.objectives._count', '', '2', 0],
      ['get', 'cmi.objectives.1.id', '', '', 0],
      ...['passed', 'completed', 'failed', 'incomplete', 'browsed', 'not attempted'].map((v): Row => [
        'set',
        'cmi.objectives.0.status',
        v,
        'true',
        0,
      ]),
      ['get', 'cmi.objectives.0.status', '', 'not attempted', 0],
      ['set', 'cmi.objectives.0.status', 'done', 'false', 405],
      ['get', 'cmi.objectives.0._children', '', '', 202],
      ...score('cmi.objectives.0.score'),
    ],
  },
  {
    name: 'cmi.student_data',
    rows: [
      ...keyword('cmi.student_data._children', 'mastery_score,max_time_allowed,time_limit_action'),
      ...ro('cmi.student_data.mastery_score', '80'),
      ...ro('cmi.student_data.max_time_allowed', '0001:30:00'),
      ...ro('cmi.student_data.time_limit_action', 'exit,message'),
    ],
  },
  {
    name: 'cmi.student_preference',
    rows: [
      ...keyword('cmi.student_preference._children', 'audio,language,speed,text'),
      ['get', 'cmi.student_preference.audio', '', '', 0],
      ...(
        [
          ['audio', ['-1', '0', '100'], ['-2', '101', '1.5', 'loud']],
          ['speed', ['-100', '0', '100'], ['-101', '101', 'x']],
          ['text', ['-1', '0', '1'], ['2', '-2', 'on']],
        ] as const
      ).flatMap(([k, ok, bad]): Row[] => [
        ...ok.map((v): Row => ['set', `cmi.student_preference.${k}`, v, 'true', 0]),
        ...bad.map((v): Row => ['set', `cmi.student_preference.${k}`, v, 'false', 405]),
        ['get', `cmi.student_preference.${k}`, '', ok.at(-1)!, 0],
      ]),
      ['set', 'cmi.student_preference.language', 'fr', 'true', 0],
      ['get', 'cmi.student_preference.language', '', 'fr', 0],
      ['set', 'cmi.student_preference.language', chars(256), 'false', 405],
    ],
  },
  {
    name: 'cmi.interactions (write-only records)',
    rows: [
      ...keyword(
        'cmi.interactions._children',
        'id,objectives,time,type,correct_responses,weighting,student_response,result,latency',
      ),
      ...keyword('cmi.interactions._count', '0'),
      ['set', 'cmi.interactions.1.id', 'q1', 'false', 201],
      ['get', 'cmi.interactions.0.objectives._count', '', '', 201],
      ...wo('cmi.interactions.0.id', 'q0', 'q 0'),
      ['get', 'cmi.interactions._count', '', '1', 0],
      ['get', 'cmi.interactions.0.objectives._count', '', '0', 0],
      ['set', 'cmi.interactions.0.objectives._count', '1', 'false', 402],
      ...wo('cmi.interactions.0.objectives.0.id', 'o1', ''),
      ['get', 'cmi.interactions.0.objectives._count', '', '1', 0],
      ['set', 'cmi.interactions.0.objectives.2.id', 'o3', 'false', 201],
      ...wo('cmi.interactions.0.time', '12:30:05', '24:00:00'),
      ['set', 'cmi.interactions.0.time', '12:30:05.25', 'true', 0],
      ['set', 'cmi.interactions.0.time', '12:30', 'false', 405],
      ...wo('cmi.interactions.0.type', 'choice', 'long-fill-in'),
      ...wo('cmi.interactions.0.correct_responses.0.pattern', 'a,b', 'a b'),
      ['get', 'cmi.interactions.0.correct_responses._count', '', '1', 0],
      ...wo('cmi.interactions.0.weighting', '1.5', 'heavy'),
      ...wo('cmi.interactions.0.student_response', 'c', 'choice c'),
      ...wo('cmi.interactions.0.result', 'correct', 'incorrect'),
      ...['wrong', 'unanticipated', 'neutral', '0.75', '-2'].map((v): Row => [
        'set',
        'cmi.interactions.0.result',
        v,
        'true',
        0,
      ]),
      ...wo('cmi.interactions.0.latency', '0000:00:05.5', 'PT5S'),
      ['get', 'cmi.interactions.0._children', '', '', 202],
      // 1.2 adds a record from any field, and nested records with it.
      ['set', 'cmi.interactions.1.objectives.0.id', 'o1', 'true', 0],
      ['get', 'cmi.interactions._count', '', '2', 0],
    ],
  },
  {
    name: 'CMIFeedback by interaction type (A5)',
    rows: [
      ...feedback(0, 'true-false', ['0', '1', 't', 'f'], ['yes', '2']),
      ...feedback(1, 'choice', ['a', 'a,b,c', '{a,b}', '0,9'], ['ab', 'a,,b', 'a;b']),
      ...feedback(2, 'fill-in', ['any text at all', ''], [chars(256)]),
      ...feedback(3, 'numeric', ['3', '-2.5'], ['three', '1e3']),
      ...feedback(4, 'likert', ['a', '5', ''], ['ab']),
      ...feedback(5, 'matching', ['1.a', '1.a,2.b', '{1.a,2.c}'], ['1a', '1.a,2', 'a.bc']),
      ...feedback(6, 'performance', ['step 1 done', ''], [chars(256)]),
      ...feedback(7, 'sequencing', ['a', 'a,b,c'], ['a,,b', 'abc', '']),
      // Without a type the value is only a CMIString255.
      ['set', 'cmi.interactions.8.id', 'q8', 'true', 0],
      ['set', 'cmi.interactions.8.student_response', 'anything', 'true', 0],
    ],
  },
  {
    name: 'collection indexes are numbers however written (RTE 3.4.2)',
    rows: [
      ['set', 'cmi.objectives.00.id', 'o0', 'true', 0],
      ['get', 'cmi.objectives.0.id', '', 'o0', 0],
      ['set', 'cmi.objectives.01.id', 'o1', 'true', 0],
      ['get', 'cmi.objectives.1.id', '', 'o1', 0],
      ['get', 'cmi.objectives.001.id', '', 'o1', 0],
      ['get', 'cmi.objectives._count', '', '2', 0],
      ['set', 'cmi.objectives.0001.score.raw', '50', 'true', 0],
      ['get', 'cmi.objectives.1.score.raw', '', '50', 0],
      ['set', 'cmi.objectives.03.id', 'o3', 'false', 201],
      ['get', 'cmi.objectives.02.id', '', '', 201],
      ['set', 'cmi.interactions.00.id', 'i0', 'true', 0],
      ['set', 'cmi.interactions.0.objectives.00.id', 'o0', 'true', 0],
      ['get', 'cmi.interactions.00.objectives._count', '', '1', 0],
      ['set', 'cmi.interactions.0.objectives.02.id', 'o2', 'false', 201],
    ],
  },
  ...(['', 'logout', 'time-out'] as const).map((exit): Block => ({
    name: `cmi.core.entry is ab-initio after a session that ended with exit "${exit}"`,
    options: { resume: finished(exit) },
    rows: [
      ['get', 'cmi.core.entry', '', 'ab-initio', 0],
      ['get', 'cmi.core.lesson_status', '', 'not attempted', 0],
    ],
  })),
  {
    name: 'cmi.core.entry is resume after a suspended session',
    options: { resume: finished('suspend') },
    rows: [
      ['get', 'cmi.core.entry', '', 'resume', 0],
      ['get', 'cmi.core.lesson_status', '', 'incomplete', 0],
    ],
  },
];

describe('SCORM 1.2 conformance rows', () => {
  for (const b of blocks)
    it(b.name, () => {
      const api = make('1.2', { ...options, ...b.options });
      if (b.init !== false) expect(api.LMSInitialize!('')).to.equal('true');
      runRows('1.2', api, b.rows);
    });

  it('rows cover every element of the table', () => {
    const seen = patterns(blocks);
    const missing = Object.keys(model12.elements).filter((p) => !seen.has(p));
    expect(missing).to.deep.equal([]);
  });

  // Every element, before LMSInitialize (301) and after LMSFinish (101), for get and set alike.
  for (const p of Object.keys(model12.elements)) {
    const el = p.replace(/\.n(?=\.|$)/g, '.0');
    it(`${el} before LMSInitialize and after LMSFinish`, () => {
      const api = make('1.2', options);
      runRows('1.2', api, [
        ['get', el, '', '', 301],
        ['set', el, 'x', 'false', 301],
        ['init', '', '', 'true', 0],
        ['term', '', '', 'true', 0],
        ['get', el, '', '', 101],
        ['set', el, 'x', 'false', 101],
      ]);
    });
  }
});
