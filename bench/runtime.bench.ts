// The runtime against scorm-again, in the same Node process: operations per second of both, and the size of
// dist/runtime.js gzipped beside the peer's ES-module builds. Budgets: each speed ≥ 2× the peer's, and
// dist/runtime.js (both APIs) ≤ 12 KB gzipped.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Scorm12API, Scorm2004API } from 'scorm-again';
import { Scorm12Api, Scorm2004Api, type AttemptState } from '../src/runtime/index.js';
import type { Bench, BenchFigure } from './lib/types.js';

const root = join(import.meta.dirname, '..');
const peerName = 'scorm-again 3.4.3';
// No network, no timers, no console: the peer only keeps the data, as ours does.
const peerSettings = { autocommit: false, lmsCommitUrl: false, logLevel: 5 } as const;

/** The API surface both libraries share, by version. */
interface Api04 {
  Initialize(a: string): string;
  GetValue(e: string): string;
  SetValue(e: string, v: string): string;
  Commit(a: string): string;
}
interface Api12 {
  LMSInitialize(a: string): string;
  LMSGetValue(e: string): string;
  LMSSetValue(e: string, v: string): string;
}

/** Best ops/s of a few rounds of at least `ms` milliseconds each (and 5 operations). */
function opsPerSecond(op: () => void, ms = 250, rounds = 3): number {
  let best = 0;
  for (let r = 0; r < rounds; r++) {
    let n = 0;
    const start = performance.now();
    let now = start;
    while (now - start < ms || n < 5) {
      op();
      n++;
      now = performance.now();
    }
    best = Math.max(best, (n * 1000) / (now - start));
  }
  return best;
}

function speed(name: string, ours: () => void, peer: () => void): BenchFigure {
  // Warm both up, then measure them in turns so that neither gets the quieter machine.
  opsPerSecond(ours, 50, 1);
  opsPerSecond(peer, 50, 1);
  let value = 0;
  let baseline = 0;
  for (let i = 0; i < 2; i++) {
    value = Math.max(value, opsPerSecond(ours));
    baseline = Math.max(baseline, opsPerSecond(peer));
  }
  return { name, value, unit: 'ops/s', baseline, baselineName: peerName, budget: { minRatio: 2 } };
}

const suspend = 'x'.repeat(4096);

function record(api: Api04, n: number): void {
  for (let i = 0; i < n; i++) {
    const p = `cmi.interactions.${i}.`;
    api.SetValue(p + 'id', `urn:bench:q${i}`);
    api.SetValue(p + 'type', 'choice');
    api.SetValue(p + 'learner_response', 'a[,]b');
    api.SetValue(p + 'result', 'correct');
    api.SetValue(p + 'latency', 'PT5.5S');
  }
}

function check(ok: boolean, what: string): void {
  if (!ok) throw new Error(`bench setup failed: ${what}`);
}

function newest(dir: string): number {
  let t = 0;
  for (const f of readdirSync(dir)) {
    const p = join(dir, f);
    const s = statSync(p);
    t = Math.max(t, s.isDirectory() ? newest(p) : s.mtimeMs);
  }
  return t;
}

/** dist/runtime.js, rebuilt when it is older than src/runtime or src/util. */
function runtimeBuild(): Buffer {
  const file = join(root, 'dist/runtime.js');
  const sources = Math.max(newest(join(root, 'src/runtime')), newest(join(root, 'src/util')));
  if (!existsSync(file) || statSync(file).mtimeMs < sources) {
    const r = spawnSync('npx', ['vite', 'build', '--mode', 'lib-runtime'], { cwd: root, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`vite build --mode lib-runtime failed:\n${r.stdout}${r.stderr}`);
  }
  return readFileSync(file);
}

const gz = (b: Buffer): number => gzipSync(b, { level: 9 }).length / 1024;

const bench: Bench = async () => {
  const figures: BenchFigure[] = [];
  const ours04 = (): Scorm2004Api => new Scorm2004Api({ learnerId: 'u1', learnerName: 'Doe, Jane' });
  const peer04 = (): Api04 => new Scorm2004API(peerSettings) as unknown as Api04;
  const ours12 = (): Scorm12Api => new Scorm12Api({ learnerId: 'u1' });
  const peer12 = (): Api12 => new Scorm12API(peerSettings) as unknown as Api12;

  // SetValue + GetValue of the location.
  {
    const [a, b] = [ours04(), peer04()];
    a.Initialize('');
    b.Initialize('');
    let i = 0;
    const op = (api: Api04) => () => {
      api.SetValue('cmi.location', `page-${i++ & 63}`);
      api.GetValue('cmi.location');
    };
    check(
      a.SetValue('cmi.location', 'p') === 'true' && b.SetValue('cmi.location', 'p') === 'true',
      'location',
    );
    figures.push(speed('2004 SetValue+GetValue cmi.location', op(a), op(b)));
  }
  {
    const [a, b] = [ours12(), peer12()];
    a.LMSInitialize('');
    b.LMSInitialize('');
    let i = 0;
    const op = (api: Api12) => () => {
      api.LMSSetValue('cmi.core.lesson_location', `page-${i++ & 63}`);
      api.LMSGetValue('cmi.core.lesson_location');
    };
    figures.push(speed('1.2 LMSSetValue+LMSGetValue cmi.core.lesson_location', op(a), op(b)));
  }

  // SetValue of a 4 KB suspend_data.
  {
    const [a, b] = [ours04(), peer04()];
    a.Initialize('');
    b.Initialize('');
    check(a.SetValue('cmi.suspend_data', suspend) === 'true', 'ours: suspend_data');
    check(b.SetValue('cmi.suspend_data', suspend) === 'true', 'peer: suspend_data');
    figures.push(
      speed(
        '2004 SetValue cmi.suspend_data (4 KB)',
        () => a.SetValue('cmi.suspend_data', suspend),
        () => b.SetValue('cmi.suspend_data', suspend),
      ),
    );
  }
  {
    const [a, b] = [ours12(), peer12()];
    a.LMSInitialize('');
    b.LMSInitialize('');
    check(a.LMSSetValue('cmi.suspend_data', suspend) === 'true', 'ours: 1.2 suspend_data');
    check(b.LMSSetValue('cmi.suspend_data', suspend) === 'true', 'peer: 1.2 suspend_data');
    figures.push(
      speed(
        '1.2 LMSSetValue cmi.suspend_data (4 KB)',
        () => a.LMSSetValue('cmi.suspend_data', suspend),
        () => b.LMSSetValue('cmi.suspend_data', suspend),
      ),
    );
  }

  // Recording 1,000 interactions (id, type, learner_response, result, latency) in a new session.
  {
    const run = (make: () => Api04) => () => {
      const api = make();
      api.Initialize('');
      record(api, 1000);
    };
    const a = ours04();
    a.Initialize('');
    record(a, 1000);
    check(a.GetValue('cmi.interactions._count') === '1000', 'ours: 1,000 interactions');
    const b = peer04();
    b.Initialize('');
    record(b, 1000);
    check(b.GetValue('cmi.interactions._count') === '1000', 'peer: 1,000 interactions');
    figures.push(speed('2004 record 1,000 interactions', run(ours04), run(peer04)));
  }

  // Commit with 1,000 interactions: ours hands the state to onCommit, as the player persists it.
  {
    let saved: AttemptState | undefined;
    const a = new Scorm2004Api({ learnerId: 'u1', onCommit: (s) => (saved = s) });
    const b = peer04();
    for (const api of [a, b]) {
      api.Initialize('');
      record(api, 1000);
    }
    check(a.Commit('') === 'true' && saved !== undefined, 'ours: commit');
    check(b.Commit('') === 'true', 'peer: commit');
    figures.push(
      speed(
        '2004 Commit with 1,000 interactions',
        () => a.Commit(''),
        () => b.Commit(''),
      ),
    );
  }

  // state() → resume: the whole attempt (1,000 interactions) out and into a new API object.
  {
    const a = ours04();
    a.Initialize('');
    record(a, 1000);
    a.SetValue('cmi.suspend_data', suspend);
    a.SetValue('cmi.exit', 'suspend');
    const b = new Scorm2004API(peerSettings);
    b.Initialize('');
    record(b as unknown as Api04, 1000);
    b.SetValue('cmi.suspend_data', suspend);
    const resumed = new Scorm2004Api({ learnerId: 'u1', resume: a.state() });
    resumed.Initialize('');
    check(resumed.GetValue('cmi.interactions._count') === '1000', 'ours: resume');
    const peerResumed = new Scorm2004API(peerSettings);
    peerResumed.loadFromJSON(b.renderCMIToJSONObject());
    peerResumed.Initialize('');
    check(peerResumed.GetValue('cmi.interactions._count') === '1000', 'peer: resume');
    figures.push(
      speed(
        '2004 state() → resume (1,000 interactions)',
        () => new Scorm2004Api({ learnerId: 'u1', resume: a.state() }),
        () => new Scorm2004API(peerSettings).loadFromJSON(b.renderCMIToJSONObject()),
      ),
    );
  }

  // Size: both APIs in one ES module, against the peer's minified ES-module builds.
  const ours = gz(runtimeBuild());
  const peer = (f: string): number => gz(readFileSync(join(root, 'node_modules/scorm-again/dist/esm', f)));
  figures.push({
    name: 'dist/runtime.js (1.2 + 2004) gzipped',
    value: ours,
    unit: 'KB',
    baseline: peer('scorm-again.min.js'),
    baselineName: `${peerName} scorm-again.min.js (both)`,
    budget: { max: 12 },
  });
  figures.push({
    name: 'dist/runtime.js vs the peer 1.2 build alone',
    value: ours,
    unit: 'KB',
    baseline: peer('scorm12.min.js'),
    baselineName: `${peerName} scorm12.min.js`,
  });
  figures.push({
    name: 'dist/runtime.js vs the peer 2004 build alone',
    value: ours,
    unit: 'KB',
    baseline: peer('scorm2004.min.js'),
    baselineName: `${peerName} scorm2004.min.js`,
  });
  return figures;
};

export default bench;
