// The built library (dist/runtime.js, minified with its internal names shortened) against its documented
// surface (shared/docs/architecture.md, "Runtime library"): two exports, API objects with the eight functions
// of their version and state(), and every option still read under its documented name.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import type * as Runtime from '../../src/runtime/index.js';

const root = resolve(import.meta.dirname, '../..');
const outDir = mkdtempSync(join(tmpdir(), 'runtime-dist-'));
const built = spawnSync(
  process.execPath,
  [
    join(root, 'node_modules/vite/bin/vite.js'),
    'build',
    '--mode',
    'lib-runtime',
    '--outDir',
    outDir,
    '--logLevel',
    'warn',
  ],
  { cwd: root, encoding: 'utf8' },
);
assert.equal(built.status, 0, built.stderr);
const file = join(outDir, 'runtime.js');
const lib = (await import(pathToFileURL(file).href)) as typeof Runtime;
test.after(() => rmSync(outDir, { recursive: true, force: true }));

const API_2004 = [
  'Initialize',
  'Terminate',
  'GetValue',
  'SetValue',
  'Commit',
  'GetLastError',
  'GetErrorString',
  'GetDiagnostic',
];
const API_12 = API_2004.map((name) => 'LMS' + name.replace('Terminate', 'Finish'));
const sorted = (names: string[]): string[] => [...names].sort();

test('exports the two API classes and nothing else', () => {
  assert.deepEqual(Object.keys(lib).sort(), ['Scorm12Api', 'Scorm2004Api']);
});

test('API objects have the eight functions of their version and state(), nothing else', () => {
  const api04 = new lib.Scorm2004Api({ learnerId: 'u1' });
  const api12 = new lib.Scorm12Api({ learnerId: 'u1' });
  assert.deepEqual(sorted(Object.getOwnPropertyNames(api04)), sorted(API_2004));
  assert.deepEqual(sorted(Object.getOwnPropertyNames(api12)), sorted(API_12));
  for (const api of [api04, api12]) {
    assert.deepEqual(sorted(Object.getOwnPropertyNames(Object.getPrototypeOf(api))), [
      'constructor',
      'state',
    ]);
    assert.deepEqual(Object.getOwnPropertySymbols(api), []);
    // Nothing else is reachable by enumeration or JSON either.
    assert.deepEqual(JSON.parse(JSON.stringify(api)), {});
  }
});

test('every 2004 option is read under its documented name', () => {
  const commits: Runtime.AttemptState[] = [];
  const changes: string[] = [];
  const requests: Runtime.NavRequestFromContent[] = [];
  let terminated: Runtime.AttemptState | undefined;
  const sharedData: Runtime.SharedDataStores = { shared: 'from another SCO' };
  const options: Runtime.RuntimeOptions = {
    learnerId: 'u1',
    learnerName: 'Doe, Jane',
    credit: 'no-credit',
    mode: 'review',
    launchData: 'chapter=2',
    maxTimeAllowed: 'PT1H',
    timeLimitAction: 'exit,message',
    completionThreshold: 0.8,
    scaledPassingScore: 0.6,
    objectiveIds: ['primary'],
    objectives: [{ id: 'global', successStatus: 'passed', scoreScaled: 0.5 }],
    dataMaps: [{ targetID: 'shared', readSharedData: true, writeSharedData: true }],
    sharedData,
    onCommit: (state) => {
      commits.push(state);
    },
    onChange: (change) => changes.push(`${change.element}=${change.value}`),
    onTerminate: (state) => (terminated = state),
    navigator: {
      isRequestValid: (request, target) => request === 'choice' && target === 'intro',
      request: (request) => requests.push(request),
    },
  };
  const api = new lib.Scorm2004Api(options);
  assert.equal(api.Initialize(''), 'true');
  const expected: Record<string, string> = {
    'cmi.learner_id': 'u1',
    'cmi.learner_name': 'Doe, Jane',
    'cmi.credit': 'no-credit',
    'cmi.mode': 'review',
    'cmi.launch_data': 'chapter=2',
    'cmi.max_time_allowed': 'PT1H',
    'cmi.time_limit_action': 'exit,message',
    'cmi.completion_threshold': '0.8',
    'cmi.scaled_passing_score': '0.6',
    'cmi.entry': 'ab-initio',
    'cmi.objectives._count': '2',
    'cmi.objectives.0.id': 'primary',
    'cmi.objectives.1.id': 'global',
    'cmi.objectives.1.success_status': 'passed',
    'cmi.objectives.1.score.scaled': '0.5',
    'adl.data.0.id': 'shared',
    'adl.data.0.store': 'from another SCO',
    'adl.nav.request_valid.choice.{target=intro}': 'true',
    'adl.nav.request_valid.continue': 'false',
  };
  for (const [element, value] of Object.entries(expected))
    assert.equal(api.GetValue(element), value, element);
  assert.equal(api.SetValue('adl.data.0.store', 'mine'), 'true');
  assert.equal(sharedData.shared, 'mine');
  assert.equal(api.SetValue('cmi.progress_measure', '0.9'), 'true');
  assert.equal(api.SetValue('cmi.location', 'p3'), 'true');
  assert.equal(api.SetValue('cmi.session_time', 'PT2M'), 'true');
  assert.equal(api.SetValue('cmi.exit', 'suspend'), 'true');
  assert.equal(api.SetValue('adl.nav.request', 'continue'), 'true');
  assert.equal(api.Commit(''), 'true');
  assert.equal(api.Terminate(''), 'true');
  assert.deepEqual(changes, [
    'cmi.completion_status=completed',
    'cmi.progress_measure=0.9',
    'cmi.location=p3',
  ]);
  assert.equal(commits.length, 2);
  assert.deepEqual(requests, [{ type: 'continue' }]);
  const state = api.state();
  assert.deepEqual(terminated, state);
  assert.deepEqual(
    Object.keys(state).sort(),
    sorted([
      'scormVersion',
      'entry',
      'newAttempt',
      'terminated',
      'exit',
      'totalTime',
      'totalSeconds',
      'sessionSeconds',
      'completionStatus',
      'successStatus',
      'progressMeasure',
      'location',
      'suspendData',
      'navRequest',
      'data',
    ]),
  );
  assert.equal(state.entry, 'resume');
  assert.equal(state.totalSeconds, 120);
  // data: the values outside records, the record counts, and each collection's records (attempt-data.ts).
  assert.deepEqual(Object.keys(state.data).sort(), ['cmi.objectives', 'counts', 'values']);

  // The next session resumes from the state, through JSON as an app stores it.
  const next = new lib.Scorm2004Api({ learnerId: 'u1', resume: JSON.parse(JSON.stringify(state)) });
  next.Initialize('');
  assert.equal(next.GetValue('cmi.entry'), 'resume');
  assert.equal(next.GetValue('cmi.location'), 'p3');
  assert.equal(next.GetValue('cmi.total_time'), 'PT0H2M0S');
});

test('every 1.2 option is read under its documented name, and a refused commit is an error code', () => {
  const api = new lib.Scorm12Api({
    learnerId: 'u1',
    learnerName: 'Doe, Jane',
    masteryScore: 80,
    launchData: 'x=1',
    maxTimeAllowed: '0001:00:00',
    timeLimitAction: 'continue,message',
    onCommit: () => ({ diagnostic: 'quota exceeded' }),
  });
  api.LMSInitialize('');
  assert.equal(api.LMSGetValue('cmi.core.student_name'), 'Doe, Jane');
  assert.equal(api.LMSGetValue('cmi.student_data.mastery_score'), '80');
  assert.equal(api.LMSGetValue('cmi.launch_data'), 'x=1');
  assert.equal(api.LMSGetValue('cmi.student_data.max_time_allowed'), '0001:00:00');
  assert.equal(api.LMSGetValue('cmi.student_data.time_limit_action'), 'continue,message');
  assert.equal(api.LMSSetValue('cmi.core.score.raw', '85'), 'true');
  assert.equal(api.LMSCommit(''), 'false');
  assert.equal(api.LMSGetLastError(), '101');
  assert.match(api.LMSGetDiagnostic(''), /quota exceeded/);
  assert.equal(api.LMSFinish(''), 'false');
  assert.equal(api.state().lessonStatus, 'passed');
});

test('the minified library keeps no internal name of the source', () => {
  const code = readFileSync(file, 'utf8');
  for (const name of ['elementValues', 'recordCounts', 'attemptState', 'indexSteps', 'watchedElements'])
    assert.ok(!code.includes(name), name);
  assert.ok(gzipSync(code).length <= 12 * 1024, 'dist/runtime.js is at most 12 KB gzipped');
  const map = JSON.parse(readFileSync(file + '.map', 'utf8')) as { sources: string[] };
  assert.ok(
    map.sources.some((s) => s.endsWith('src/runtime/session.ts')),
    'the sourcemap leads to the source',
  );
});
