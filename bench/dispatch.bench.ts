// Dispatch shells (issues 6, 12, 14). Budgets:
// - size: a dispatch zip ≤ 4 KB and its index.html + shell.js ≤ 3 KB gzipped, for each SCORM version and mode,
//   with a realistic title and player URL. The seed's shells are 10–50 KB; 10 KB is printed beside ours.
// - the learner's course state in the host's suspend_data (issue 14): golf ForcedSequential (corpus) after
//   half of it, as the real runtime and navigator leave it, ≤ 1,500 characters (the JSON it encodes printed
//   beside it); encoding it plus the host's write (scorm-again SetValue cmi.suspend_data + Commit) per save
//   ≤ 5 ms median. Skipped with a message when ../shared/corpus is missing.
// - speed: from the shell's load to the redirect ≤ 50 ms median in Chromium, in a host page whose
//   window.API / window.API_1484_11 is the real scorm-again runtime (the shell in an iframe of the host page).
//   Start: the shell document has loaded (responseEnd of its navigation, from the host's resource timing).
//   End: performance.timeOrigin of the player's page, i.e. when the navigation to it began. The time from the
//   host setting the iframe's src (so the LMS serving the shell counts too) is printed for information.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync, unzipSync } from 'fflate';
import {
  buildShellFiles,
  buildShellZip,
  loadShellTemplates,
  type ShellFiles,
  type ShellTemplates,
} from '../src/dispatch/build-shell.js';
import { existsSync } from 'node:fs';
import * as scorm2004 from 'scorm-again/scorm2004';
import { encodeFull, hostStateTexts, type HostAttemptRecord } from '../src/dispatch/host-state.js';
import { parseManifest } from '../src/package/index.js';
import { Scorm2004Api } from '../src/runtime/index.js';
import type { AttemptState } from '../src/runtime/types.js';
import { navigatorFactory } from '../src/app/navigators.js';
import { serveStatic } from '../scripts/static-server.js';
import { launchChromium } from './lib/chromium.js';
import { median } from './lib/stats.js';
import type { Bench, BenchFigure } from './lib/types.js';

const root = join(import.meta.dirname, '..');
const SEED_MIN_BYTES = 10 * 1024;
const RUNS = 21;

function templates(): Promise<ShellTemplates> {
  return loadShellTemplates((p) => readFileSync(join(root, 'shell-templates', p), 'utf8'));
}

const options = {
  token: 'k7Qw2mZp9xLr4TfB',
  playerUrl: 'https://courses.example-provider.com/player/',
  title: 'Workplace safety 2026: hazards, reporting and first aid',
};

function sizes(t: ShellTemplates): BenchFigure[] {
  const figures: BenchFigure[] = [];
  for (const scorm of ['1.2', '2004'] as const) {
    for (const mode of ['redirect', 'relay'] as const) {
      const zip = buildShellZip({ ...options, scorm, mode }, t);
      const files = unzipSync(zip);
      const gz = (name: string): number => gzipSync(files[name]!, { level: 9 }).byteLength;
      const label = `SCORM ${scorm} ${mode}`;
      figures.push({
        name: `dispatch zip, ${label}`,
        value: zip.byteLength,
        unit: 'bytes',
        baseline: SEED_MIN_BYTES,
        baselineName: "seed's shells (10–50 KB)",
        budget: { max: 4096 },
      });
      figures.push({
        name: `index.html + shell.js gzipped, ${label}`,
        value: gz('index.html') + gz('shell.js'),
        unit: 'bytes',
        budget: { max: 3072 },
      });
    }
  }
  return figures;
}

async function redirectTimes(t: ShellTemplates): Promise<BenchFigure[]> {
  const shells = new Map<string, ShellFiles>();
  const hostPage = (
    version: '1.2' | '2004',
  ): string => `<!doctype html><meta charset="utf-8"><title>host LMS</title>
<script src="/scorm-again/${version === '1.2' ? 'scorm12' : 'scorm2004'}.min.js"></script>
<script>
  window.runOnce = function () {
    return new Promise(function (resolve) {
      var api = ${version === '1.2' ? 'new Scorm12API({ logLevel: 5 })' : 'new Scorm2004API({ logLevel: 5 })'};
      ${version === '1.2' ? "api.cmi.core.student_id = 'learner-1'; api.cmi.core.student_name = 'Doe, Jane'; window.API = api;" : "api.cmi.learner_id = 'learner-1'; api.cmi.learner_name = 'Doe, Jane'; window.API_1484_11 = api;"}
      var frame = document.createElement('iframe');
      addEventListener('message', function on(e) {
        if (!e.data || e.data.kind !== 'player-start') return;
        removeEventListener('message', on);
        frame.remove();
        var entry = performance.getEntriesByName(new URL(src, location.href).href)[0];
        resolve({ fromSrc: e.data.t - t0, fromLoad: e.data.t - (performance.timeOrigin + entry.responseEnd) });
      });
      document.body.appendChild(frame);
      var t0 = performance.timeOrigin + performance.now();
      var src = '/shell-${version}/index.html?' + Math.random();
      frame.src = src;
    });
  };
</script><body></body>`;
  const playerPage = `<!doctype html><script>parent.postMessage({ kind: 'player-start', t: performance.timeOrigin, href: location.href }, '*')</script>`;
  const handle = (req: IncomingMessage, res: ServerResponse): boolean => {
    const url = new URL(req.url ?? '/', 'http://x');
    const send = (type: string, body: string | Buffer): true => {
      res.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-store' }).end(body);
      return true;
    };
    if (url.pathname === '/host-1.2.html') return send('text/html', hostPage('1.2'));
    if (url.pathname === '/host-2004.html') return send('text/html', hostPage('2004'));
    const shell = /^\/shell-(1\.2|2004)\/(index\.html|shell\.js)$/.exec(url.pathname);
    if (shell?.[2] === 'index.html') return send('text/html', shells.get(shell[1]!)!['index.html']);
    if (shell) return send('text/javascript', shells.get(shell[1]!)!['shell.js']);
    const lib = /^\/scorm-again\/(scorm12|scorm2004)\.min\.js$/.exec(url.pathname)?.[1];
    if (lib)
      return send(
        'text/javascript',
        readFileSync(join(root, 'node_modules/scorm-again/dist', `${lib}.min.js`)),
      );
    if (url.pathname.startsWith('/player/')) return send('text/html', playerPage);
    return false;
  };
  const server = await serveStatic({ root: join(root, 'bench'), handle });
  const port = server.port;
  // The player on another origin than the host LMS (localhost vs 127.0.0.1), as in real use.
  for (const scorm of ['1.2', '2004'] as const) {
    shells.set(
      scorm,
      buildShellFiles({ ...options, scorm, playerUrl: `http://localhost:${port}/player/` }, t),
    );
  }
  const browser = await launchChromium();
  const figures: BenchFigure[] = [];
  try {
    const page = await browser.newPage();
    for (const scorm of ['1.2', '2004'] as const) {
      await page.goto(`http://127.0.0.1:${port}/host-${scorm}.html`);
      const fromLoad: number[] = [];
      const fromSrc: number[] = [];
      for (let i = 0; i < RUNS + 2; i++) {
        const ms = await page.evaluate(() =>
          (window as unknown as { runOnce(): Promise<{ fromSrc: number; fromLoad: number }> }).runOnce(),
        );
        if (i < 2) continue; // the first two warm the caches
        fromLoad.push(ms.fromLoad);
        fromSrc.push(ms.fromSrc);
      }
      figures.push({
        name: `shell loaded → redirect, SCORM ${scorm} (median of ${RUNS}, scorm-again host)`,
        value: median(fromLoad),
        unit: 'ms',
        budget: { max: 50 },
      });
      figures.push({
        name: `iframe src set → redirect, SCORM ${scorm} (median of ${RUNS}, for information)`,
        value: median(fromSrc),
        unit: 'ms',
      });
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return figures;
}

const GOLF = join(root, '../shared/corpus/packages/golf-SequencingForcedSequential_SCORM20043rdEdition');

/**
 * golf ForcedSequential after half of it: the first two of its four lessons completed the way the golf content
 * does it (shared/launchpage.html: incomplete, a bookmark per page, completed on the last page, session time,
 * exit suspend, then continue), the third begun and the learner suspended there. The records are the ones
 * <scorm-player> stores (StoredCourseProgress with the navigator's snapshot, one attempt per item).
 */
function golfHalfway(): {
  course: Parameters<typeof encodeFull>[1]['course'];
  attempts: HostAttemptRecord[];
} {
  const manifest = parseManifest(readFileSync(join(GOLF, 'imsmanifest.xml')));
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
    courseVersion: { url: 'https://courses.example.com/golf/imsmanifest.xml', manifestHash: 'a1'.repeat(32) },
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

function hostState(): BenchFigure[] {
  if (!existsSync(GOLF)) {
    console.log(`  (skipped the course-state figures: the corpus is missing at ${GOLF})`);
    return [];
  }
  const state = golfHalfway();
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
      name: 'course state in suspend_data, golf ForcedSequential after half of it (characters)',
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

const bench: Bench = async () => {
  const t = await templates();
  return [...sizes(t), ...hostState(), ...(await redirectTimes(t))];
};
export default bench;
