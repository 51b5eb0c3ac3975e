// Dispatch end to end, in the built app: a host LMS page on another origin (localhost vs the player's
// 127.0.0.1) runs the real scorm-again runtime as window.API / window.API_1484_11 and loads a generated
// shell, in an iframe and once in a popup. The host page and the shell are served with the strictest common
// LMS policy, `Content-Security-Policy: script-src 'self'` (issue 12). Redirect shells reach the player with
// the token and user id and the course starts for that learner; bad links get their pages; in relay mode the
// learner completes the demo course and the host runtime holds the results and was terminated; reports reach
// the reportUrl and match the published schema; the learner's progress follows them through the host's
// suspend_data into a fresh browser (issue 14).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Frame, FrameLocator, Page } from 'playwright-core';
import { Ajv } from 'ajv';
import { buildShellFiles, loadShellTemplates, type ShellFiles } from '../../src/dispatch/build-shell.js';
import { encodeFull } from '../../src/dispatch/host-state.js';
import type { ShellOptions } from '../../src/dispatch/shell-options.js';
import { projectRoot, startHarness, type Harness } from './harness.js';
import { scoIn } from './player-page.js';

const TOKEN = 'e2eDemoTea';
const TOKEN_12 = 'e2eThreeParts';
let h: Harness;
let hostOrigin = '';
const shells = new Map<string, ShellFiles>();
const reports: { contentType: string; body: unknown }[] = [];
/** What LMSs that serve packages from their own domain commonly send: only the page's own scripts run. */
const CSP = { 'Content-Security-Policy': "script-src 'self'" };

/** The host LMS page: scorm-again for the version, the learner, and the shell in an iframe or a popup. */
function hostPage(version: '1.2' | '2004'): string {
  const lib = version === '1.2' ? 'scorm12' : 'scorm2004';
  return `<!doctype html><html lang="en"><meta charset="utf-8"><title>Host LMS</title>
<script src="/host/${lib}.min.js"></script>
<body><h1>Host LMS</h1><button id="popup" type="button">Open in a new window</button>
<script src="/host/lms-${version}.js"></script></body></html>`;
}

/**
 * The host page's script (a file: the page's CSP allows no inline script). `learner` names the learner,
 * `resume` is a suspend_data to resume with, `restore` is scorm-again's JSON of an earlier session (the LMS
 * then says the learner resumes), `cap` makes suspend_data refuse longer values (error 405 / 351), as strict
 * LMSs do.
 */
function hostScript(version: '1.2' | '2004'): string {
  const v12 = version === '1.2';
  return `
  var q = new URLSearchParams(location.search);
  var api = ${v12 ? 'new Scorm12API({ logLevel: 5 })' : 'new Scorm2004API({ logLevel: 5 })'};
  if (q.get('restore') !== null) {
    api.loadFromJSON(JSON.parse(q.get('restore')));
    ${v12 ? "api.cmi.core.entry = 'resume';" : "api.cmi.entry = 'resume';"}
  }
  if (q.get('learner') !== null) {
    ${v12 ? "api.cmi.core.student_id = q.get('learner'); api.cmi.core.student_name = 'Doe, Jane';" : "api.cmi.learner_id = q.get('learner'); api.cmi.learner_name = 'Doe, Jane';"}
  }
  if (q.get('resume') !== null) {
    ${v12 ? "api.cmi.core.entry = 'resume';" : "api.cmi.entry = 'resume';"}
    api.cmi.suspend_data = q.get('resume');
  }
  window.calls = [];
  window.refusals = [];
  var cap = Number(q.get('cap') || 0);
  if (cap) {
    var set = api.${v12 ? 'LMSSetValue' : 'SetValue'}.bind(api), error = api.${v12 ? 'LMSGetLastError' : 'GetLastError'}.bind(api), refused = false;
    api.${v12 ? 'LMSSetValue' : 'SetValue'} = function (k, v) {
      refused = k === 'cmi.suspend_data' && String(v).length > cap;
      if (refused) { refusals.push(String(v).length); return 'false'; }
      return set(k, v);
    };
    api.${v12 ? 'LMSGetLastError' : 'GetLastError'} = function () { return refused ? '${v12 ? '405' : '351'}' : error(); };
  }
  window.${v12 ? 'API' : 'API_1484_11'} = api;
  ['${v12 ? 'LMSInitialize' : 'Initialize'}', '${v12 ? 'LMSCommit' : 'Commit'}',
   '${v12 ? 'LMSFinish' : 'Terminate'}'].forEach(function (n) { api.on(n, function () { calls.push(n); }); });
  window.cmi = function () { return JSON.parse(JSON.stringify(api.cmi)); };
  var shell = '/host/shells/' + q.get('shell') + '/index.html';
  if (q.get('popup')) {
    document.getElementById('popup').onclick = function () { window.open(shell, 'course', 'width=900,height=700'); };
  } else {
    var f = document.createElement('iframe');
    f.src = shell; f.title = 'Course'; f.style.cssText = 'width:1000px;height:760px';
    document.body.appendChild(f);
  }`;
}

function handle(req: IncomingMessage, res: ServerResponse): boolean {
  const url = new URL(req.url ?? '/', 'http://x');
  const send = (
    status: number,
    type: string,
    body: string | Buffer,
    headers: Record<string, string> = {},
  ) => {
    res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', ...headers }).end(body);
    return true;
  };
  if (url.pathname === '/dispatches.json') {
    return send(
      200,
      'application/json',
      JSON.stringify({
        [TOKEN]: {
          course: 'demo/imsmanifest.xml',
          title: 'Tea',
          allowedOrigins: [hostOrigin],
          reportUrl: `${hostOrigin}/report`,
        },
        [TOKEN_12]: {
          course: 'fixtures/dispatch-12/imsmanifest.xml',
          title: 'Three parts',
          allowedOrigins: [hostOrigin],
        },
        'tok-off': { course: 'demo/', enabled: false },
        'tok-old': { course: 'demo/', expires: '2020-01-01T00:00:00Z' },
      }),
    );
  }
  if (url.pathname === '/report') {
    const cors = { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Headers': 'Content-Type' };
    if (req.method === 'OPTIONS') return send(204, 'text/plain', '', cors);
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      reports.push({ contentType: String(req.headers['content-type']), body: JSON.parse(body) });
      send(204, 'text/plain', '', cors);
    });
    return true;
  }
  const host = /^\/host\/lms-(1\.2|2004)\.(html|js)$/.exec(url.pathname);
  if (host?.[2] === 'html') return send(200, 'text/html; charset=utf-8', hostPage(host[1] as '1.2'), CSP);
  if (host) return send(200, 'text/javascript', hostScript(host[1] as '1.2'), CSP);
  const lib = /^\/host\/(scorm12|scorm2004)\.min\.js$/.exec(url.pathname)?.[1];
  if (lib)
    return send(
      200,
      'text/javascript',
      readFileSync(join(projectRoot, 'node_modules/scorm-again/dist', `${lib}.min.js`)),
    );
  const shell = /^\/host\/shells\/([\w.-]+)\/(index\.html|shell\.js)$/.exec(url.pathname);
  const files = shell && shells.get(shell[1]!);
  if (shell && files) {
    const name = shell[2] as 'index.html' | 'shell.js';
    return send(200, name === 'shell.js' ? 'text/javascript' : 'text/html; charset=utf-8', files[name], CSP);
  }
  return false;
}

before(async () => {
  h = await startHarness({ handle, mounts: { '/fixtures/': join(projectRoot, 'test/fixtures') } });
  const port = new URL(h.url).port;
  hostOrigin = `http://localhost:${port}`;
  const t = await loadShellTemplates((p) => readFileSync(join(projectRoot, 'shell-templates', p), 'utf8'));
  const make = (name: string, o: Omit<ShellOptions, 'playerUrl' | 'title'>) =>
    shells.set(name, buildShellFiles({ ...o, playerUrl: `${h.url}/`, title: 'Tea' }, t));
  make('redirect-12', { scorm: '1.2', token: TOKEN });
  make('redirect-2004', { scorm: '2004', token: TOKEN, route: 'query' });
  make('redirect-unknown', { scorm: '2004', token: 'tok-unknown' });
  make('relay-2004', { scorm: '2004', token: TOKEN, mode: 'relay' });
  make('relay-12', { scorm: '1.2', token: TOKEN, mode: 'relay', route: 'query' });
  make('relay-12-parts', { scorm: '1.2', token: TOKEN_12, mode: 'relay' });
});
after(() => h?.close());

async function hostWithShell(
  version: '1.2' | '2004',
  shell: string,
  learner: string | null,
  popup = false,
  extra: { resume?: string; restore?: string; cap?: number } = {},
) {
  const { context, page } = await h.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (/Content.Security.Policy|Refused to/i.test(m.text())) errors.push(m.text());
  });
  const q = new URLSearchParams({ shell });
  if (learner !== null) q.set('learner', learner);
  if (popup) q.set('popup', '1');
  if (extra.resume !== undefined) q.set('resume', extra.resume);
  if (extra.restore !== undefined) q.set('restore', extra.restore);
  if (extra.cap !== undefined) q.set('cap', String(extra.cap));
  await page.goto(`${hostOrigin}/host/lms-${version}.html?${q}`);
  return { context, page, errors };
}

/** The iframe of the host page holding the shell (and, after a redirect, the player). */
const shellFrame = (page: Page): FrameLocator => page.frameLocator('iframe[title="Course"]');

async function waitFor<T>(
  what: string,
  fn: () => Promise<T | undefined | false | null>,
  timeout = 20000,
): Promise<T> {
  const end = Date.now() + timeout;
  for (;;) {
    const v = await fn().catch(() => undefined);
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The learner, course key and version <scorm-player> runs with, read in the frame that shows it. */
async function playerInfo(frame: Frame) {
  return frame.locator('scorm-player').evaluate((el) => {
    const p = el as HTMLElement & {
      learner?: { id: string };
      courseKey?: string;
      courseVersion?: { url: string };
    };
    return { learner: p.learner?.id, courseKey: p.courseKey, course: p.courseVersion?.url };
  });
}

describe('redirect shells', () => {
  it('SCORM 1.2 in an iframe: reaches the player with the token and user id, and the course starts for that learner', async () => {
    const { context, page } = await hostWithShell('1.2', 'redirect-12', 'learner 42/ä');
    const frame = await waitFor('the redirect', async () =>
      page.frames().find((f) => f.url().startsWith(`${h.url}/player/dispatch/`)),
    );
    const url = new URL(frame.url());
    assert.equal(url.pathname, `/player/dispatch/${TOKEN}`);
    assert.equal(url.searchParams.get('user_id'), 'learner 42/ä');
    await shellFrame(page).locator('scorm-stage iframe[title="Welcome"]').waitFor({ timeout: 20000 });
    assert.deepEqual(await playerInfo(frame), {
      learner: 'learner 42/ä',
      courseKey: `dispatch:${TOKEN}`,
      course: `${h.url}/demo/imsmanifest.xml`,
    });
    const calls = await page.evaluate(() => (window as unknown as { calls: string[] }).calls);
    assert.deepEqual(calls, ['LMSInitialize', 'LMSCommit']); // no LMSFinish in redirect mode (README)
    const cmi = await page.evaluate(() =>
      (window as unknown as { cmi(): { core: { lesson_status: string } } }).cmi(),
    );
    assert.equal(cmi.core.lesson_status, 'incomplete');
    await context.close();
  });

  it('SCORM 2004 in a popup: finds the API through the opener and uses the query route', async () => {
    const { context, page } = await hostWithShell('2004', 'redirect-2004', 'popup-learner', true);
    const [popup] = await Promise.all([context.waitForEvent('page'), page.click('#popup')]);
    await popup.waitForURL(`${h.url}/?dispatch=${TOKEN}&user_id=popup-learner`, { timeout: 20000 });
    await popup.locator('scorm-stage iframe[title="Welcome"]').waitFor({ timeout: 20000 });
    assert.equal((await playerInfo(popup.mainFrame())).learner, 'popup-learner');
    await context.close();
  });

  it('stays on a plain message when the LMS gives no learner id', async () => {
    const { context, page } = await hostWithShell('2004', 'redirect-2004', null);
    const main = shellFrame(page).locator('main[role="alert"]');
    await main.waitFor({ timeout: 10000 });
    assert.match(await main.innerText(), /cmi\.learner_id is empty/);
    assert.ok(page.frames().every((f) => !f.url().startsWith(h.url)));
    await context.close();
  });
});

describe('dispatch pages in the built app', () => {
  const cases: [string, string, RegExp][] = [
    [
      'an unknown token (path route, through 404.html)',
      '/player/dispatch/tok-unknown?user_id=u1',
      /not known/,
    ],
    ['a disabled token', '/?dispatch=tok-off&user_id=u1', /not available/],
    ['an expired token', '/?dispatch=tok-old&user_id=u1', /expired/],
    ['a missing user id', `/?dispatch=${TOKEN}`, /learner id is missing/],
    ['a user id with control characters', `/?dispatch=${TOKEN}&user_id=a%00b`, /not valid/],
  ];
  for (const [what, path, text] of cases) {
    it(`shows a clear page for ${what}`, async () => {
      const { context, page } = await h.newPage();
      await page.goto(`${h.url}${path}`);
      const alert = page.locator('scorm-dispatch-view [data-problem]');
      await alert.waitFor({ timeout: 15000 });
      assert.match(await alert.innerText(), text);
      assert.equal(await page.locator('scorm-player').count(), 0);
      await context.close();
    });
  }
});

/** Turns the demo SCO's pages to the end and takes its "Go to the next lesson" button. */
async function finishPages(course: FrameLocator): Promise<void> {
  const sco = await scoIn(course);
  for (let i = 0; i < 20; i++) {
    const next = sco.locator('#sco-continue');
    if (await next.isVisible()) return next.click();
    await sco.locator('#page-next').click();
  }
  throw new Error('the SCO did not end');
}

async function passQuiz(course: FrameLocator): Promise<void> {
  const sco = await scoIn(course, 'Quiz');
  await sco.locator('input[name="q-temperature"][value="about-80"]').check();
  await sco.locator('input[name="q-steep-longer"][value="true"]').check();
  await sco.locator('#q-plant').fill('sinensis');
  await sco.locator('#q-minutes').fill('4');
  await sco.getByRole('button', { name: 'Submit answers' }).click();
  await sco.locator('#quiz-continue').click();
}

describe('relay shells', () => {
  it('SCORM 2004: the learner completes the demo course; the host holds completion, success, score and time, and was terminated', async () => {
    reports.length = 0;
    const { context, page, errors } = await hostWithShell('2004', 'relay-2004', 'relay-learner');
    const course = shellFrame(page).frameLocator('iframe[title="Tea"]');
    await course.locator('scorm-stage iframe[title="Welcome"]').waitFor({ timeout: 20000 });
    await finishPages(course);
    await course.locator('scorm-stage iframe[title="Brewing a good cup"]').waitFor({ timeout: 15000 });
    await finishPages(course);
    await course.locator('scorm-stage iframe[title="Quiz"]').waitFor({ timeout: 15000 });
    await passQuiz(course);
    await course.locator('scorm-stage iframe[title="Wrap-up"]').waitFor({ timeout: 15000 });
    await finishPages(course);
    // The learner leaves the course (if the sequencer has not ended it already).
    const exitAll = course.locator('scorm-toolbar').getByRole('button', { name: 'Exit All', exact: true });
    if (await exitAll.isEnabled().catch(() => false)) await exitAll.click();

    const calls = await waitFor('Terminate on the host', async () => {
      const c = await page.evaluate(() => (window as unknown as { calls: string[] }).calls);
      return c.includes('Terminate') && c;
    });
    assert.equal(calls.filter((c) => c === 'Terminate').length, 1);
    assert.ok(calls.filter((c) => c === 'Commit').length >= 4, calls.join());
    const cmi = await page.evaluate(() =>
      (window as unknown as { cmi(): Record<string, unknown> & { score: Record<string, string> } }).cmi(),
    );
    assert.equal(cmi.completion_status, 'completed');
    assert.equal(cmi.success_status, 'passed');
    assert.equal(cmi.score.scaled, '1');
    // Raw/min/max roll up only for a one-SCO course (src/player/events.ts); this course has four.
    assert.equal(cmi.score.raw, '');
    assert.match(String(cmi.session_time), /^PT\d+H\d+M[\d.]+S$/);
    assert.notEqual(cmi.session_time, 'PT0H0M0S');
    assert.equal(cmi.exit, 'normal');
    assert.match(await shellFrame(page).locator('main').innerText(), /You have left the course/);

    // Central tracking: commits as JSON, the exit by beacon.
    await waitFor('the exit report', async () =>
      reports.some((r) => (r.body as { event: string }).event === 'exit'),
    );
    const commit = reports.find((r) => (r.body as { event: string }).event === 'commit')!;
    assert.equal(commit.contentType, 'application/json');
    const exit = reports.find((r) => (r.body as { event: string }).event === 'exit')!.body as Record<
      string,
      unknown
    >;
    assert.equal(exit.token, TOKEN);
    assert.equal(exit.userId, 'relay-learner');
    assert.equal(exit.completion, 'completed');
    assert.equal(exit.success, 'passed');
    // The exit is the last report, and carries the final session time (issue 12).
    const last = reports[reports.length - 1]!.body as Record<string, unknown>;
    assert.equal(last.event, 'exit');
    assert.ok(Number(last.sessionSeconds) > 0);
    // Every report matches the schema shipped beside the app.
    const ajv = new Ajv({ allErrors: true });
    ajv.addFormat('date-time', (v: string) => /^\d{4}-\d\d-\d\dT/.test(v) && !Number.isNaN(Date.parse(v)));
    const validate = ajv.compile(
      JSON.parse(readFileSync(join(projectRoot, 'dist/dispatch-report.schema.json'), 'utf8')) as object,
    );
    for (const r of reports) assert.ok(validate(r.body), JSON.stringify(validate.errors));
    // In this third-party frame Chromium denies IndexedDB (a private-mode context blocks third-party storage;
    // reference F); the view falls back to memory, but the app shell's own database open (src/app/app-shell.ts
    // #openDb, not caught) still reports it. Anything else is a failure.
    assert.deepEqual(
      errors.filter((e) => e !== 'The user denied permission to access the database.'),
      [],
    );
    await context.close();
  });

  it('SCORM 1.2: a learner who suspends leaves the host attempt resumable, and LMSFinish was called', async () => {
    const { context, page } = await hostWithShell('1.2', 'relay-12', 'relay-12-learner');
    const course = shellFrame(page).frameLocator('iframe[title="Tea"]');
    const sco = await scoIn(course, 'Welcome');
    await sco.locator('#page-next').click();
    await course.locator('scorm-toolbar').getByRole('button', { name: 'Suspend', exact: true }).click();
    await waitFor('LMSFinish on the host', async () =>
      (await page.evaluate(() => (window as unknown as { calls: string[] }).calls)).includes('LMSFinish'),
    );
    const cmi = await page.evaluate(() =>
      (window as unknown as { cmi(): { core: Record<string, string>; suspend_data: string } }).cmi(),
    );
    assert.equal(cmi.core.exit, 'suspend');
    assert.equal(cmi.core.lesson_status, 'incomplete');
    assert.equal(cmi.core.lesson_location, 'sco-welcome');
    // The learner's course state for a later launch, in any browser (issue 14).
    assert.match(cmi.suspend_data, new RegExp(`^sp1\\.[fe]\\.${TOKEN}\\.`));
    // The shell writes HH:MM:SS.SS (checked exactly in test/dispatch/shell-relay.test.ts); scorm-again keeps it
    // in its own normal form (00:00:00.40 becomes 00:00:00.4).
    assert.match(String(cmi.core.session_time), /^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/);
    await context.close();
  });

  it('ignores a stored state of another dispatch, and of a course version that is gone', async () => {
    const state = (token: string, version: { url: string; manifestHash: string }) =>
      encodeFull(token, {
        course: {
          title: 'Tea',
          courseVersion: version,
          completionStatus: 'incomplete',
          successStatus: 'unknown',
          totalSeconds: 60,
          currentItemId: 'sco-brewing',
          suspended: true,
          ended: false,
          startedAt: '2026-01-01T00:00:00.000Z',
          updatedAt: '2099-01-01T00:00:00.000Z',
        },
        attempts: [],
      });
    const cases = [
      [state('otherDispatch1', { url: `${h.url}/demo/imsmanifest.xml`, manifestHash: 'a'.repeat(64) }), ''],
      [
        state(TOKEN, { url: `${h.url}/retired-tea/imsmanifest.xml`, manifestHash: 'f'.repeat(64) }),
        'no longer available',
      ],
    ] as const;
    for (const [resume, notice] of cases) {
      const { context, page } = await hostWithShell('2004', 'relay-2004', 'stranger', false, { resume });
      const course = shellFrame(page).frameLocator('iframe[title="Tea"]');
      // The course starts from its beginning, not on the stored state's suspended item.
      await course.locator('scorm-stage iframe[title="Welcome"]').waitFor({ timeout: 20000 });
      const notices = await course.locator('scorm-dispatch-view .notice').allInnerTexts();
      if (notice) assert.match(notices.join(' '), new RegExp(notice));
      else assert.doesNotMatch(notices.join(' '), /learning system/);
      await context.close();
    }
  });
});

/** The player's frame (relay=1) in the host page. */
async function playerFrame(page: Page): Promise<Frame> {
  return waitFor('the player frame', async () => page.frames().find((f) => f.url().includes('relay=1')));
}

/** The TOC's status text of an item (its aria-describedby), read in the player frame. */
function tocStatus(frame: Frame, title: string): Promise<string> {
  return frame
    .getByRole('treeitem', { name: title, exact: true, includeHidden: true })
    .first()
    .evaluate((el) => {
      const id = el.getAttribute('aria-describedby');
      const root = el.getRootNode() as Document | ShadowRoot;
      return (id && root.getElementById(id)?.textContent) || '';
    });
}

/** Waits for the host's LMSFinish/Terminate and returns scorm-again's JSON of the session, as an LMS keeps it. */
async function hostSessionData(page: Page, finish: string): Promise<Record<string, unknown>> {
  await waitFor(`${finish} on the host`, async () =>
    (await page.evaluate(() => (window as unknown as { calls: string[] }).calls)).includes(finish),
  );
  return page.evaluate(() => (window as unknown as { cmi(): Record<string, unknown> }).cmi());
}

describe('progress that follows the learner through the host LMS', () => {
  it('SCORM 2004: a learner who suspends in the demo course is back on that item in a fresh browser, the first one completed', async () => {
    const first = await hostWithShell('2004', 'relay-2004', 'traveller');
    let course = shellFrame(first.page).frameLocator('iframe[title="Tea"]');
    await course.locator('scorm-stage iframe[title="Welcome"]').waitFor({ timeout: 20000 });
    await finishPages(course);
    await course.locator('scorm-stage iframe[title="Brewing a good cup"]').waitFor({ timeout: 15000 });
    await (await scoIn(course)).locator('#page-next').click();
    await course.locator('scorm-toolbar').getByRole('button', { name: 'Suspend', exact: true }).click();
    const data = await hostSessionData(first.page, 'Terminate');
    assert.equal(data.exit, 'suspend');
    assert.match(String(data.suspend_data), new RegExp(`^sp1\\.f\\.${TOKEN}\\.`));
    await first.context.close();

    // Another browser: nothing stored locally; the LMS hands back what it kept for this learner.
    const second = await hostWithShell('2004', 'relay-2004', 'traveller', false, {
      restore: JSON.stringify(data),
    });
    course = shellFrame(second.page).frameLocator('iframe[title="Tea"]');
    await course.locator('scorm-stage iframe[title="Brewing a good cup"]').waitFor({ timeout: 20000 });
    const player = await playerFrame(second.page);
    let status = '';
    await waitFor(
      'Welcome marked done (completed, passed) in the TOC',
      async () => /Completed|Passed/.test((status = await tocStatus(player, 'Welcome'))),
      5000,
    ).catch((e: Error) => {
      throw new Error(`${e.message}: "${status}"`);
    });
    await second.context.close();
  });

  it('SCORM 1.2: back on the suspended part with its place, the completed part marked', async () => {
    const first = await hostWithShell('1.2', 'relay-12-parts', 'traveller-12');
    let course = shellFrame(first.page).frameLocator('iframe[title="Tea"]');
    await (await scoIn(course, 'Part one')).locator('#complete').click();
    await course.locator('scorm-toolbar').getByRole('button', { name: 'Continue', exact: true }).click();
    await (await scoIn(course, 'Part two')).locator('#page-2').click();
    await course.locator('scorm-toolbar').getByRole('button', { name: 'Suspend', exact: true }).click();
    const data = await hostSessionData(first.page, 'LMSFinish');
    await first.context.close();

    const second = await hostWithShell('1.2', 'relay-12-parts', 'traveller-12', false, {
      restore: JSON.stringify(data),
    });
    course = shellFrame(second.page).frameLocator('iframe[title="Tea"]');
    const sco = await scoIn(course, 'Part two');
    await sco.locator('#entry').waitFor({ timeout: 20000 });
    assert.equal(await sco.locator('#entry').innerText(), 'resume');
    assert.equal(await sco.locator('#place').innerText(), 'page-2');
    const player = await playerFrame(second.page);
    await waitFor('Part one completed in the TOC', async () =>
      /Completed/.test(await tocStatus(player, 'Part one')),
    );
    await second.context.close();
  });

  it('SCORM 1.2 with a 4,096-character suspend_data: the essential part resumes, the learner is told, results still reach the host', async () => {
    const first = await hostWithShell('1.2', 'relay-12-parts', 'big-12', false, { cap: 4096 });
    let course = shellFrame(first.page).frameLocator('iframe[title="Tea"]');
    const one = await scoIn(course, 'Part one');
    await one.locator('#fill').click();
    await one.locator('#complete').click();
    await course.locator('scorm-toolbar').getByRole('button', { name: 'Continue', exact: true }).click();
    await (await scoIn(course, 'Part two')).locator('#page-2').click();
    await waitFor('the notice', async () =>
      /keep only part of your progress/.test(
        (await course.locator('scorm-dispatch-view .notice').allInnerTexts()).join(' '),
      ),
    );
    await course.locator('scorm-toolbar').getByRole('button', { name: 'Suspend', exact: true }).click();
    const data = (await hostSessionData(first.page, 'LMSFinish')) as {
      suspend_data: string;
      core: Record<string, string>;
    };
    assert.match(data.suspend_data, new RegExp(`^sp1\\.e\\.${TOKEN_12}\\.`));
    assert.ok(data.suspend_data.length <= 4096, String(data.suspend_data.length));
    assert.equal(data.core.lesson_status, 'incomplete');
    assert.equal(data.core.lesson_location, 'part-2');
    assert.equal(data.core.exit, 'suspend');
    await first.context.close();

    const second = await hostWithShell('1.2', 'relay-12-parts', 'big-12', false, {
      restore: JSON.stringify(data),
      cap: 4096,
    });
    course = shellFrame(second.page).frameLocator('iframe[title="Tea"]');
    const sco = await scoIn(course, 'Part two');
    await sco.locator('#entry').waitFor({ timeout: 20000 });
    assert.equal(await sco.locator('#place').innerText(), 'page-2');
    const player = await playerFrame(second.page);
    await waitFor('Part one completed in the TOC', async () =>
      /Completed/.test(await tocStatus(player, 'Part one')),
    );
    await second.context.close();
  });
});
