// The learner's course state in the host's suspend_data (issue 14), for dispatch.bench.ts (a fixture course)
// and dispatch-state.corpus.bench.ts (golf ForcedSequential of the corpus): the course after half of it, as
// the real runtime and navigator leave it, encoded (≤ 1,500 characters, the JSON it encodes printed beside
// it); encoding it plus the host's write (scorm-again SetValue cmi.suspend_data + Commit) per save ≤ 5 ms
// median.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as scorm2004 from 'scorm-again/scorm2004';
import { encodeFull, hostStateTexts, type HostAttemptRecord } from '../../src/dispatch/host-state.js';
import { parseManifest } from '../../src/package/index.js';
import { Scorm2004Api } from '../../src/runtime/index.js';
import type { AttemptState } from '../../src/runtime/types.js';
import { navigatorFactory } from '../../src/app/navigators.js';
import { median } from './stats.js';
import type { BenchFigure } from './types.js';

/**
 * A forced-sequential course after half of it: the first two of its lessons completed the way its content
 * does it (incomplete, a bookmark per page, completed on the last page, session time, exit suspend, then
 * continue), the third begun and the learner suspended there. The records are the ones <scorm-player> stores
 * (StoredCourseProgress with the navigator's snapshot, one attempt per item).
 */
function halfway(folder: string): {
  course: Parameters<typeof encodeFull>[1]['course'];
  attempts: HostAttemptRecord[];
} {
  const manifest = parseManifest(readFileSync(join(folder, 'imsmanifest.xml')));
  const org = manifest.defaultOrganization;
  const navigator = navigatorFactory(manifest, org);
  const leaves = navigator.leaves().map((i) => i.identifier);
  const attempts: HostAttemptRecord[] = [];
  let at = Date.parse('2026-03-01T10:00:00Z');
  const session = (itemId: string, pages: number, complete: boolean): void => {
    let state: AttemptState | undefined;
    const api = new Scorm2004Api({ learnerId: 'learner-1', onCommit: (s) => (state = s) });
    api.Initialize('');
    api.SetValue('cmi.completion_status', 'incomplete');
    for (let p = 1; p <= pages; p++) {
      api.SetValue('cmi.location', `${p}`);
      api.Commit('');
    }
    if (complete) api.SetValue('cmi.completion_status', 'completed');
    api.SetValue('cmi.session_time', 'PT2M13.5S');
    api.SetValue('cmi.exit', 'suspend');
    api.Terminate('');
    navigator.report(itemId, state!);
    attempts.push({ itemId, state: state!, updatedAt: new Date((at += 150_000)).toISOString() });
  };
  navigator.navigate({ type: 'start' });
  session(leaves[0]!, 5, true);
  navigator.navigate({ type: 'continue' });
  session(leaves[1]!, 4, true);
  navigator.navigate({ type: 'continue' });
  session(leaves[2]!, 2, false);
  navigator.navigate({ type: 'suspendAll' });
  const root = navigator.status(org.identifier);
  const course = {
    title: manifest.title,
    courseVersion: {
      url: 'https://courses.example.com/course/imsmanifest.xml',
      manifestHash: 'a1'.repeat(32),
    },
    completionStatus: root.completion,
    successStatus: root.success,
    totalSeconds: 400.5,
    currentItemId: leaves[2]!,
    suspended: true,
    ended: false,
    sequencing: { organizationId: org.identifier, navigator: navigator.persist() },
    sharedData: {},
    startedAt: '2026-03-01T10:00:00.000Z',
    updatedAt: new Date(at).toISOString(),
  };
  return { course, attempts };
}

/** The course-state figures for the forced-sequential course in `folder`, named after `label`. */
export function courseStateFigures(folder: string, label: string): BenchFigure[] {
  const state = halfway(folder);
  const token = 'k7Qw2mZp9xLr4TfB';
  const text = encodeFull(token, state);
  const json = JSON.stringify({ c: state.course, a: state.attempts });
  // The ESM build exports the class by name; its type declarations say default.
  const { Scorm2004API } = scorm2004 as unknown as {
    Scorm2004API: new (settings: object) => {
      cmi: { learner_id: string };
      Initialize(a: string): string;
      SetValue(k: string, v: string): string;
      Commit(a: string): string;
    };
  };
  const host = new Scorm2004API({ logLevel: 5 });
  host.cmi.learner_id = 'learner-1';
  host.Initialize('');
  const times: number[] = [];
  for (let i = 0; i < 201; i++) {
    state.course.updatedAt = new Date(Date.parse(state.course.updatedAt) + 1000).toISOString();
    const t0 = performance.now();
    const texts = hostStateTexts(token, state, 64000)!;
    if (host.SetValue('cmi.suspend_data', texts.state) !== 'true')
      throw new Error('the host refused the state');
    host.Commit('');
    times.push(performance.now() - t0);
  }
  return [
    {
      name: `course state in suspend_data, ${label} after half of it (characters)`,
      value: text.length,
      unit: 'chars',
      baseline: json.length,
      baselineName: 'the same records as JSON',
      budget: { max: 1500 },
    },
    {
      name: 'encoding the course state + the host write (SetValue + Commit, scorm-again) per save, median of 201',
      value: median(times),
      unit: 'ms',
      budget: { max: 5 },
    },
  ];
}
