// Sessions through state() / resume, the observers (onCommit, onChange, onTerminate, navigator, sharedData),
// and properties: no input makes a call throw.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { Scorm12Api } from '../../src/runtime/scorm12.js';
import { Scorm2004Api } from '../../src/runtime/scorm2004.js';
import type {
  AttemptState,
  CommitRefusal,
  NavRequestFromContent,
  RuntimeChange,
  RuntimeOptions,
} from '../../src/runtime/types.js';

/** What the player does between sessions: the state goes through JSON (IndexedDB, HTTP). */
const saved = (api: { state(): AttemptState }): AttemptState => JSON.parse(JSON.stringify(api.state()));

function session04(o: Partial<RuntimeOptions>, sets: [string, string][]): Scorm2004Api {
  const api = new Scorm2004Api({ learnerId: 'u1', ...o });
  expect(api.Initialize('')).to.equal('true');
  for (const [el, v] of sets)
    expect(api.SetValue(el, v), `${el}=${v}: ${api.GetDiagnostic('')}`).to.equal('true');
  expect(api.Terminate('')).to.equal('true');
  return api;
}

function session12(o: Partial<RuntimeOptions>, sets: [string, string][]): Scorm12Api {
  const api = new Scorm12Api({ learnerId: 'u1', ...o });
  expect(api.LMSInitialize('')).to.equal('true');
  for (const [el, v] of sets) expect(api.LMSSetValue(el, v), `${el}=${v}`).to.equal('true');
  expect(api.LMSFinish('')).to.equal('true');
  return api;
}

describe('SCORM 2004 sessions through state() and resume', () => {
  it('suspends and resumes, then starts a new attempt after a normal exit', () => {
    const s1 = saved(
      session04({ objectiveIds: ['obj-1'] }, [
        ['cmi.location', 'page-7'],
        ['cmi.suspend_data', 'a=1;b=2'],
        ['cmi.score.scaled', '0.5'],
        ['cmi.interactions.0.id', 'q1'],
        ['cmi.interactions.0.type', 'true-false'],
        ['cmi.interactions.0.learner_response', 'true'],
        ['cmi.objectives.0.success_status', 'passed'],
        ['cmi.learner_preference.language', 'fr'],
        ['cmi.session_time', 'PT10M'],
        ['cmi.exit', 'suspend'],
      ]),
    );
    expect(s1).to.include({
      scormVersion: '2004',
      entry: 'resume',
      newAttempt: false,
      terminated: true,
      exit: 'suspend',
      totalTime: 'PT0H10M0S',
      totalSeconds: 600,
      sessionSeconds: 600,
      location: 'page-7',
      suspendData: 'a=1;b=2',
      scoreScaled: 0.5,
      completionStatus: 'unknown',
      successStatus: 'unknown',
      navRequest: '_none_',
    });

    const a2 = new Scorm2004Api({ learnerId: 'u1', objectiveIds: ['obj-1'], resume: s1 });
    a2.Initialize('');
    expect(a2.GetValue('cmi.entry')).to.equal('resume');
    expect(a2.GetValue('cmi.location')).to.equal('page-7');
    expect(a2.GetValue('cmi.suspend_data')).to.equal('a=1;b=2');
    expect(a2.GetValue('cmi.total_time')).to.equal('PT0H10M0S');
    expect(a2.GetValue('cmi.interactions._count')).to.equal('1');
    expect(a2.GetValue('cmi.interactions.0.learner_response')).to.equal('true');
    expect(a2.GetValue('cmi.objectives._count')).to.equal('1');
    expect(a2.GetValue('cmi.objectives.0.success_status')).to.equal('passed');
    expect(a2.GetValue('adl.nav.request')).to.equal('_none_');
    a2.SetValue('cmi.session_time', 'PT5M30.5S');
    a2.SetValue('cmi.exit', 'normal');
    a2.Terminate('');
    const s2 = saved(a2);
    expect(s2).to.include({ entry: 'ab-initio', newAttempt: true, exit: 'normal', totalSeconds: 930.5 });
    expect(s2.totalTime).to.equal('PT0H15M30.5S');

    // A new attempt: the cmi starts over, total_time too (2004); preferences and seeded objectives stay.
    const a3 = new Scorm2004Api({ learnerId: 'u1', objectiveIds: ['obj-1'], resume: s2 });
    a3.Initialize('');
    expect(a3.GetValue('cmi.entry')).to.equal('ab-initio');
    expect(a3.GetValue('cmi.location')).to.equal('');
    expect(a3.GetLastError()).to.equal('403');
    expect(a3.GetValue('cmi.total_time')).to.equal('PT0H0M0S');
    expect(a3.GetValue('cmi.interactions._count')).to.equal('0');
    expect(a3.GetValue('cmi.objectives._count')).to.equal('1');
    expect(a3.GetValue('cmi.objectives.0.success_status')).to.equal('unknown');
    expect(a3.GetValue('cmi.learner_preference.language')).to.equal('fr');
  });

  it('keeps the attempt when the SCO asks for suspendAll without setting cmi.exit', () => {
    const s = saved(
      session04({}, [
        ['cmi.location', 'p9'],
        ['adl.nav.request', 'suspendAll'],
      ]),
    );
    expect(s).to.include({ entry: 'resume', newAttempt: false, exit: '', navRequest: 'suspendAll' });
    const next = new Scorm2004Api({ learnerId: 'u1', resume: s });
    next.Initialize('');
    expect(next.GetValue('cmi.location')).to.equal('p9');
    expect(next.GetValue('adl.nav.request')).to.equal('_none_');
  });

  it('adds session_time to total_time once per session, the last value only', () => {
    let s: AttemptState | undefined;
    for (const t of ['PT1H', 'PT30M', 'PT45.5S']) {
      const api = new Scorm2004Api({ learnerId: 'u1', resume: s });
      api.Initialize('');
      api.SetValue('cmi.session_time', 'PT99H');
      api.SetValue('cmi.session_time', t);
      api.SetValue('cmi.exit', 'suspend');
      api.Commit('');
      api.Terminate('');
      api.Terminate('');
      s = saved(api);
    }
    expect(s!.totalSeconds).to.equal(5445.5);
    expect(s!.totalTime).to.equal('PT1H30M45.5S');
    const next = new Scorm2004Api({ learnerId: 'u1', resume: s });
    next.Initialize('');
    expect(next.GetValue('cmi.total_time')).to.equal('PT1H30M45.5S');
  });

  it('keeps the attempt of a session cut off before Terminate, and counts its time once', () => {
    let last: AttemptState | undefined;
    const api = new Scorm2004Api({ learnerId: 'u1', onCommit: (s) => (last = s) });
    api.Initialize('');
    api.SetValue('cmi.location', 'p2');
    api.SetValue('cmi.session_time', 'PT2M');
    api.Commit('');
    expect(last).to.include({ terminated: false, entry: 'resume', newAttempt: false, totalSeconds: 0 });
    expect(last!.sessionSeconds).to.equal(120);
    const next = new Scorm2004Api({ learnerId: 'u1', resume: JSON.parse(JSON.stringify(last)) });
    next.Initialize('');
    expect(next.GetValue('cmi.entry')).to.equal('resume');
    expect(next.GetValue('cmi.location')).to.equal('p2');
    expect(next.GetValue('cmi.total_time')).to.equal('PT0H2M0S');
  });

  it('evaluates completion and success at Terminate into the state', () => {
    const api = session04({ completionThreshold: 0.5, scaledPassingScore: 0.7 }, [
      ['cmi.completion_status', 'incomplete'],
      ['cmi.progress_measure', '0.6'],
      ['cmi.success_status', 'failed'],
      ['cmi.score.scaled', '0.9'],
    ]);
    const s = api.state();
    expect(s).to.include({ completionStatus: 'completed', successStatus: 'passed', progressMeasure: 0.6 });
    expect(s.data['values']).to.include({
      'cmi.completion_status': 'completed',
      'cmi.success_status': 'passed',
    });
  });

  it('hands adl.nav.request to the navigator after Terminate, and only then', () => {
    const got: NavRequestFromContent[] = [];
    const order: string[] = [];
    const navigator = {
      isRequestValid: () => 'unknown' as const,
      request: (r: NavRequestFromContent) => {
        got.push(r);
        order.push('request');
      },
    };
    const api = new Scorm2004Api({ learnerId: 'u1', navigator, onTerminate: () => order.push('terminate') });
    api.Initialize('');
    api.SetValue('adl.nav.request', '{target=module-2}choice');
    expect(got).to.deep.equal([]);
    expect(api.state().navRequest).to.equal('{target=module-2}choice');
    api.Terminate('');
    expect(got).to.deep.equal([{ type: 'choice', target: 'module-2' }]);
    expect(order).to.deep.equal(['terminate', 'request']);

    for (const [req, want] of [
      ['continue', [{ type: 'continue' }]],
      ['suspendAll', [{ type: 'suspendAll' }]],
      ['{target=x.y}jump', [{ type: 'jump', target: 'x.y' }]],
      ['_none_', []],
    ] as const) {
      got.length = 0;
      session04({ navigator }, [['adl.nav.request', req]]);
      expect(got, req).to.deep.equal(want);
    }
    // A failing navigator is not the content's problem.
    const api2 = session04(
      {
        navigator: {
          isRequestValid: () => {
            throw new Error('x');
          },
          request: () => {
            throw new Error('y');
          },
        },
      },
      [['adl.nav.request', 'continue']],
    );
    expect(api2.GetLastError()).to.equal('0');
  });

  it('reads and writes adl.data stores in the sharedData object', () => {
    const sharedData: Record<string, string | undefined> = { notes: 'from SCO 1' };
    const dataMaps = [{ targetID: 'notes', readSharedData: true, writeSharedData: true }];
    session04({ dataMaps, sharedData }, [['adl.data.0.store', 'from SCO 2']]);
    expect(sharedData['notes']).to.equal('from SCO 2');
    const other = new Scorm2004Api({ learnerId: 'u1', dataMaps, sharedData });
    other.Initialize('');
    expect(other.GetValue('adl.data.0.store')).to.equal('from SCO 2');
  });
});

describe('SCORM 1.2 sessions through state() and resume', () => {
  it('suspends and resumes; a normal exit starts a new attempt, total_time goes on', () => {
    const s1 = saved(
      session12({}, [
        ['cmi.core.lesson_location', 'p4'],
        ['cmi.core.lesson_status', 'incomplete'],
        ['cmi.suspend_data', 'x=1'],
        ['cmi.core.session_time', '0000:10:00'],
        ['cmi.core.exit', 'suspend'],
      ]),
    );
    expect(s1).to.include({
      scormVersion: '1.2',
      entry: 'resume',
      newAttempt: false,
      totalTime: '0000:10:00',
      totalSeconds: 600,
      lessonStatus: 'incomplete',
      completionStatus: 'incomplete',
      location: 'p4',
      suspendData: 'x=1',
    });
    const a2 = new Scorm12Api({ learnerId: 'u1', resume: s1 });
    a2.LMSInitialize('');
    expect(a2.LMSGetValue('cmi.core.entry')).to.equal('resume');
    expect(a2.LMSGetValue('cmi.core.lesson_status')).to.equal('incomplete');
    expect(a2.LMSGetValue('cmi.core.lesson_location')).to.equal('p4');
    expect(a2.LMSGetValue('cmi.core.total_time')).to.equal('0000:10:00');
    a2.LMSSetValue('cmi.core.lesson_status', 'completed');
    a2.LMSSetValue('cmi.core.session_time', '00:05:00.5');
    a2.LMSFinish('');
    const s2 = saved(a2);
    expect(s2).to.include({
      entry: 'ab-initio',
      newAttempt: true,
      totalTime: '0000:15:00.5',
      completionStatus: 'completed',
    });
    const a3 = new Scorm12Api({ learnerId: 'u1', resume: s2 });
    a3.LMSInitialize('');
    expect(a3.LMSGetValue('cmi.core.entry')).to.equal('ab-initio');
    expect(a3.LMSGetValue('cmi.core.lesson_status')).to.equal('not attempted');
    expect(a3.LMSGetValue('cmi.core.lesson_location')).to.equal('');
    expect(a3.LMSGetValue('cmi.core.total_time')).to.equal('0000:15:00.5');
  });

  // A5 lesson_status rules: [options, sets, status after LMSFinish].
  const rules: [string, Partial<RuntimeOptions>, [string, string][], string][] = [
    ['unset becomes completed', {}, [], 'completed'],
    ['a status the SCO set stays', {}, [['cmi.core.lesson_status', 'incomplete']], 'incomplete'],
    [
      'no mastery score: the SCO status stays',
      {},
      [
        ['cmi.core.lesson_status', 'incomplete'],
        ['cmi.core.score.raw', '95'],
      ],
      'incomplete',
    ],
    ['mastery: raw ≥ score passes', { masteryScore: 80 }, [['cmi.core.score.raw', '80']], 'passed'],
    ['mastery: raw < score fails', { masteryScore: 80 }, [['cmi.core.score.raw', '79.5']], 'failed'],
    [
      'mastery over completed',
      { masteryScore: 80 },
      [
        ['cmi.core.lesson_status', 'completed'],
        ['cmi.core.score.raw', '90'],
      ],
      'passed',
    ],
    [
      'mastery never overrides passed/failed',
      { masteryScore: 80 },
      [
        ['cmi.core.lesson_status', 'passed'],
        ['cmi.core.score.raw', '10'],
      ],
      'passed',
    ],
    ['mastery without a score: completed', { masteryScore: 80 }, [], 'completed'],
    [
      'no-credit: no change',
      { credit: 'no-credit', masteryScore: 80 },
      [['cmi.core.score.raw', '90']],
      'not attempted',
    ],
    ['browse: browsed', { mode: 'browse' }, [], 'browsed'],
    ['review: no change', { mode: 'review' }, [], 'not attempted'],
  ];
  for (const [name, o, sets, want] of rules)
    it(`lesson_status at LMSFinish: ${name}`, () => {
      const api = session12(o, sets);
      expect(api.state().lessonStatus).to.equal(want);
    });

  it('normalizes the 1.2 status and score into the summary fields', () => {
    const s = session12({}, [
      ['cmi.core.lesson_status', 'failed'],
      ['cmi.core.score.raw', '30'],
      ['cmi.core.score.min', '20'],
      ['cmi.core.score.max', '40'],
    ]).state();
    expect(s).to.include({
      completionStatus: 'completed',
      successStatus: 'failed',
      scoreRaw: 30,
      scoreScaled: 0.5,
    });
  });
});

describe('observers', () => {
  it('onCommit on Commit and Terminate, onTerminate once, with JSON-safe states', () => {
    const commits: AttemptState[] = [];
    const ends: AttemptState[] = [];
    const api = new Scorm2004Api({
      learnerId: 'u1',
      onCommit: (s) => commits.push(s),
      onTerminate: (s) => ends.push(s),
    });
    api.Initialize('');
    api.SetValue('cmi.location', 'a');
    api.Commit('');
    api.SetValue('cmi.location', 'b');
    api.Terminate('');
    api.Terminate('');
    expect(commits.map((s) => s.location)).to.deep.equal(['a', 'b']);
    expect(commits.map((s) => s.terminated)).to.deep.equal([false, true]);
    expect(ends).to.have.length(1);
    for (const s of commits) expect(JSON.parse(JSON.stringify(s))).to.deep.equal(s);
    // A state handed out does not change afterwards.
    expect(commits[0]!.data['values']).to.deep.include({ 'cmi.location': 'a' });
  });

  it('onChange reports status, score, location and progress changes, evaluated ones too', () => {
    const changes: RuntimeChange[] = [];
    const api = new Scorm2004Api({
      learnerId: 'u1',
      completionThreshold: 0.5,
      onChange: (c) => changes.push(c),
    });
    api.Initialize('');
    api.SetValue('cmi.location', 'p1');
    api.SetValue('cmi.location', 'p1');
    api.SetValue('cmi.suspend_data', 'x');
    api.SetValue('cmi.progress_measure', '0.75');
    api.SetValue('cmi.score.raw', '12');
    api.SetValue('cmi.success_status', 'passed');
    expect(changes).to.deep.equal([
      { element: 'cmi.location', value: 'p1' },
      { element: 'cmi.completion_status', value: 'completed' },
      { element: 'cmi.progress_measure', value: '0.75' },
      { element: 'cmi.score.raw', value: '12' },
      { element: 'cmi.success_status', value: 'passed' },
    ]);
  });

  it('onChange reports the status the LMS sets at LMSFinish (1.2)', () => {
    const changes: RuntimeChange[] = [];
    const api = new Scorm12Api({ learnerId: 'u1', onChange: (c) => changes.push(c) });
    api.LMSInitialize('');
    api.LMSSetValue('cmi.core.lesson_location', 'p1');
    api.LMSFinish('');
    expect(changes).to.deep.equal([
      { element: 'cmi.core.lesson_location', value: 'p1' },
      { element: 'cmi.core.lesson_status', value: 'completed' },
    ]);
  });

  it('an internal failure becomes 351 / 301 with a diagnostic, never an exception', () => {
    // A stored state whose interaction type no check knows (a corrupted store, say).
    const resume = {
      ...new Scorm2004Api({ learnerId: 'u1' }).state(),
      data: {
        values: { 'cmi.interactions.0.id': 'q', 'cmi.interactions.0.type': 'bogus' },
        counts: { 'cmi.interactions': 1 },
      },
    };
    const sharedData = new Proxy({} as Record<string, string>, {
      get: () => {
        throw new Error('store unavailable');
      },
    });
    const dataMaps = [{ targetID: 't', readSharedData: true, writeSharedData: true }];
    const api = new Scorm2004Api({ learnerId: 'u1', resume, sharedData, dataMaps });
    api.Initialize('');
    expect(api.SetValue('cmi.interactions.0.learner_response', 'x')).to.equal('false');
    expect(api.GetLastError()).to.equal('351');
    expect(api.GetDiagnostic('')).to.match(/internal error/);
    expect(api.GetValue('adl.data.0.store')).to.equal('');
    expect(api.GetLastError()).to.equal('301');
    expect(api.GetDiagnostic('')).to.match(/store unavailable/);
  });

  it('API functions work detached from the object', () => {
    const { Initialize, SetValue, GetValue } = new Scorm2004Api({ learnerId: 'u1' });
    expect(Initialize('')).to.equal('true');
    expect(SetValue('cmi.location', 'p')).to.equal('true');
    expect(GetValue('cmi.location')).to.equal('p');
    const { LMSInitialize, LMSGetValue } = new Scorm12Api({ learnerId: 'u1' });
    expect(LMSInitialize('')).to.equal('true');
    expect(LMSGetValue('cmi.core.student_id')).to.equal('u1');
  });

  it('a throwing observer becomes an error code, never an exception', () => {
    const boom = (): never => {
      throw new Error('disk full');
    };
    const api = new Scorm2004Api({ learnerId: 'u1', onCommit: boom, onChange: boom });
    api.Initialize('');
    expect(api.SetValue('cmi.location', 'x')).to.equal('true');
    expect(api.Commit('')).to.equal('false');
    expect(api.GetLastError()).to.equal('391');
    expect(api.GetDiagnostic('')).to.match(/disk full/);
    // The state could not be kept at Terminate either: 391 General Commit Failure (RTE 3.1.7.6).
    expect(api.Terminate('')).to.equal('false');
    expect(api.GetLastError()).to.equal('391');
    expect(api.state().terminated).to.equal(true);
    const api12 = new Scorm12Api({ learnerId: 'u1', onCommit: boom });
    api12.LMSInitialize('');
    expect(api12.LMSCommit('')).to.equal('false');
    expect(api12.LMSGetLastError()).to.equal('101');
  });
});

describe('commit refusals and seeded objectives', () => {
  it('an onCommit that answers with a CommitRefusal fails Commit and Terminate with its diagnostic', () => {
    let refuse = true;
    const kept: AttemptState[] = [];
    const onCommit = (state: AttemptState): CommitRefusal | undefined => {
      kept.push(state);
      return refuse ? { diagnostic: 'quota exceeded' } : undefined;
    };
    const api = new Scorm2004Api({ learnerId: 'u1', onCommit });
    api.Initialize('');
    expect(api.Commit('')).to.equal('false');
    expect(api.GetLastError()).to.equal('391');
    expect(api.GetDiagnostic('')).to.match(/quota exceeded/);
    refuse = false;
    expect(api.Commit('')).to.equal('true');
    expect(api.GetLastError()).to.equal('0');
    refuse = true;
    expect(api.Terminate('')).to.equal('false');
    expect(api.GetLastError()).to.equal('391');
    expect(kept).to.have.length(3);
    const api12 = new Scorm12Api({ learnerId: 'u1', onCommit: () => ({ diagnostic: 'closed' }) });
    api12.LMSInitialize('');
    expect(api12.LMSFinish('')).to.equal('false');
    expect(api12.LMSGetLastError()).to.equal('101');
    expect(api12.LMSGetDiagnostic('')).to.match(/closed/);
  });

  it('an onTerminate that throws does not fail Terminate: the state was handed over', () => {
    const api = new Scorm2004Api({
      learnerId: 'u1',
      onTerminate: () => {
        throw new Error('observer');
      },
    });
    api.Initialize('');
    expect(api.Terminate('')).to.equal('true');
  });

  it('seeds cmi.objectives from the sequencer after the manifest ids, replacing what a resume holds', () => {
    const first = new Scorm2004Api({ learnerId: 'u1', objectiveIds: ['primary'] });
    first.Initialize('');
    first.SetValue('cmi.objectives.0.success_status', 'failed');
    first.SetValue('cmi.objectives.0.description', 'kept');
    first.SetValue('cmi.exit', 'suspend');
    first.Terminate('');
    const api = new Scorm2004Api({
      learnerId: 'u1',
      objectiveIds: ['primary', 'second'],
      resume: first.state(),
      objectives: [
        { id: 'global', successStatus: 'passed', scoreScaled: 0.75 },
        { id: 'primary', successStatus: 'passed', completionStatus: 'completed', progressMeasure: 1 },
      ],
    });
    api.Initialize('');
    expect(api.GetValue('cmi.objectives._count')).to.equal('3');
    expect(api.GetValue('cmi.objectives.0.id')).to.equal('primary');
    expect(api.GetValue('cmi.objectives.0.success_status')).to.equal('passed');
    expect(api.GetValue('cmi.objectives.0.completion_status')).to.equal('completed');
    expect(api.GetValue('cmi.objectives.0.progress_measure')).to.equal('1');
    expect(api.GetValue('cmi.objectives.0.description')).to.equal('kept');
    expect(api.GetValue('cmi.objectives.1.id')).to.equal('second');
    expect(api.GetValue('cmi.objectives.1.success_status')).to.equal('unknown');
    expect(api.GetValue('cmi.objectives.2.id')).to.equal('global');
    expect(api.GetValue('cmi.objectives.2.score.scaled')).to.equal('0.75');
    expect(api.GetValue('cmi.objectives.2.score.raw')).to.equal('');
    expect(api.GetLastError()).to.equal('403');
  });

  it('the API objects expose the documented functions and state(), nothing else', () => {
    const api04 = new Scorm2004Api({ learnerId: 'u1' });
    const api12 = new Scorm12Api({ learnerId: 'u1' });
    const names = (o: object): string[] => Object.getOwnPropertyNames(o).sort();
    expect(names(api04)).to.deep.equal([
      'Commit',
      'GetDiagnostic',
      'GetErrorString',
      'GetLastError',
      'GetValue',
      'Initialize',
      'SetValue',
      'Terminate',
    ]);
    expect(names(api12)).to.deep.equal([
      'LMSCommit',
      'LMSFinish',
      'LMSGetDiagnostic',
      'LMSGetErrorString',
      'LMSGetLastError',
      'LMSGetValue',
      'LMSInitialize',
      'LMSSetValue',
    ]);
    expect(names(Object.getPrototypeOf(api04))).to.deep.equal(['constructor', 'state']);
    expect(names(Object.getPrototypeOf(api12))).to.deep.equal(['constructor', 'state']);
  });
});

describe('properties', () => {
  const CODES12 = ['0', '101', '201', '202', '203', '301', '401', '402', '403', '404', '405'];
  const CODES04 = [
    '0',
    '101',
    '102',
    '103',
    '104',
    '111',
    '112',
    '113',
    '122',
    '123',
    '132',
    '133',
    '142',
    '143',
    '201',
    '301',
    '351',
    '391',
    '401',
    '402',
    '403',
    '404',
    '405',
    '406',
    '407',
    '408',
  ];
  // Names near the model (real prefixes, indices, keywords) find more paths than random text alone.
  const name = fc.oneof(
    fc.string(),
    fc
      .array(
        fc.constantFrom(
          'cmi',
          'adl',
          'core',
          'interactions',
          'objectives',
          'score',
          'nav',
          'data',
          'request_valid',
          'id',
          'type',
          'pattern',
          'correct_responses',
          'learner_response',
          'student_response',
          'store',
          'location',
          'lesson_status',
          '_count',
          '_children',
          '_version',
          '0',
          '1',
          '01',
          '{target=x}',
          '',
        ),
        { minLength: 1, maxLength: 6 },
      )
      .map((a) => a.join('.')),
  );
  const anything = fc.oneof(fc.string(), fc.anything(), fc.constant(undefined), fc.constant(null));
  const call = fc.tuple(fc.integer({ min: 0, max: 7 }), name, anything);

  for (const [version, Api, fns, codes] of [
    [
      '1.2',
      Scorm12Api,
      [
        'LMSInitialize',
        'LMSFinish',
        'LMSGetValue',
        'LMSSetValue',
        'LMSCommit',
        'LMSGetLastError',
        'LMSGetErrorString',
        'LMSGetDiagnostic',
      ],
      CODES12,
    ],
    [
      '2004',
      Scorm2004Api,
      [
        'Initialize',
        'Terminate',
        'GetValue',
        'SetValue',
        'Commit',
        'GetLastError',
        'GetErrorString',
        'GetDiagnostic',
      ],
      CODES04,
    ],
  ] as const)
    it(`${version}: random calls never throw, always return strings, and report a known code`, () => {
      fc.assert(
        fc.property(fc.array(call, { maxLength: 40 }), (calls) => {
          const api = new Api({ learnerId: 'u1', onCommit: () => {} }) as unknown as Record<
            string,
            (...a: unknown[]) => unknown
          >;
          api[fns[0]]!('');
          for (const [f, el, v] of calls) {
            const r = api[fns[f]!]!(el, v);
            expect(typeof r).to.equal('string');
            expect(codes).to.include(api[fns[5]]!() as string);
            expect((api[fns[7]]!('') as string).length).to.be.at.most(255);
          }
          JSON.stringify((api as unknown as Scorm2004Api).state());
        }),
        { numRuns: 300 },
      );
    });

  it('2004: values stored are read back as they were set', () => {
    const api = new Scorm2004Api({ learnerId: 'u1' });
    api.Initialize('');
    fc.assert(
      fc.property(fc.string({ maxLength: 1000 }), (v) => {
        expect(api.SetValue('cmi.location', v)).to.equal('true');
        expect(api.GetValue('cmi.location')).to.equal(v);
      }),
    );
  });
});
