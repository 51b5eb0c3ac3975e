// <scorm-dispatch-view> with a real IndexedDB and the demo course: the pages for bad links, the course for a
// good one (progress keyed per dispatch and learner), and the version question for a changed course.
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { deleteDB } from 'idb';
import '../../src/app/dispatch-view.js';
import type { DispatchView } from '../../src/app/dispatch-view.js';
import { openPlayerDb, type PlayerDatabase, type StoredCourseProgress } from '../../src/storage/db.js';
import { IdbProgressStore } from '../../src/storage/progress-idb.js';
import type { AttemptSummary, ReportTransport } from '../../src/dispatch/report.js';
import type { ScormProgressEvent } from '../../src/player/events.js';
import { until } from './host-lms.js';

const demo = `${location.origin}/public/demo/imsmanifest.xml`;
/** An earlier version of the course, on another URL (a test course of test/fixtures/). */
const earlier = `${location.origin}/test/fixtures/single-sco-2004-2nd/`;

describe('<scorm-dispatch-view>', () => {
  let db: PlayerDatabase;
  let dbName: string;
  let registryUrl: string;
  beforeEach(async () => {
    dbName = `test-dispatch-${Date.now()}-${Math.random().toString(36).slice(2)}`;
    db = await openPlayerDb(dbName);
    registryUrl = URL.createObjectURL(
      new Blob(
        [
          JSON.stringify({
            good: { course: demo, title: 'Tea' },
            reported: { course: demo, reportUrl: 'https://reports.example.com/scorm' },
            hashed: { course: demo, reportUrl: 'https://reports.example.com/scorm', hashUserId: true },
            moved: { course: demo, versions: [earlier] },
            off: { course: demo, enabled: false },
            old: { course: demo, expires: '2020-01-01T00:00:00Z' },
            bad: { title: 'no course' },
            gone: { course: `${location.origin}/no/such/course/` },
          }),
        ],
        { type: 'application/json' },
      ),
    );
  });
  afterEach(async () => {
    fixtureCleanup(); // before the database closes under the player
    document.querySelectorAll('scorm-version-prompt').forEach((p) => p.remove());
    URL.revokeObjectURL(registryUrl);
    db.close();
    await deleteDB(dbName);
  });

  /** Reports as the view hands them to its transport. */
  let reports: AttemptSummary[];
  const transport: ReportTransport = {
    fetch: (async (_url: string, init: RequestInit) => {
      reports.push(JSON.parse(init.body as string) as AttemptSummary);
      return new Response(null, { status: 204 });
    }) as typeof fetch,
    sendBeacon: (_url: string, data: Blob) => {
      void data.text().then((t) => reports.push(JSON.parse(t) as AttemptSummary));
      return true;
    },
  };
  beforeEach(() => (reports = []));

  async function open(token: string, userId: string | undefined): Promise<DispatchView> {
    return fixture<DispatchView>(
      html`<scorm-dispatch-view
        .db=${db}
        .relay=${false}
        .reportTransport=${transport}
        registry-url=${registryUrl}
        token=${token}
        .userId=${userId}
      ></scorm-dispatch-view>`,
    );
  }
  const problemOf = (el: DispatchView) =>
    el.shadowRoot!.querySelector<HTMLElement>('[data-problem]')?.dataset.problem ?? '';

  const cases: [string, string | undefined, string, RegExp][] = [
    ['nope', 'u1', 'unknown', /not known/],
    ['off', 'u1', 'disabled', /not available/],
    ['old', 'u1', 'expired', /expired.*2020/s],
    ['bad', 'u1', 'invalid', /set up wrongly/],
    ['good', undefined, 'user-id-empty', /learner id is missing/],
    ['good', '  ', 'user-id-empty', /learner id is missing/],
    ['good', 'x'.repeat(4001), 'user-id-too-long', /too long/],
    ['good', 'u1\u0000', 'user-id-control-characters', /not valid/],
    ['gone', 'u1', 'course-unavailable', /could not be opened/],
  ];
  for (const [token, userId, problem, text] of cases) {
    it(`shows a clear page for ${problem} (${token})`, async () => {
      const el = await open(token, userId);
      await until(() => problemOf(el), 8000, `the ${problem} page`);
      expect(problemOf(el)).to.equal(problem);
      const page = el.shadowRoot!.querySelector('[data-problem]')!;
      expect(page.getAttribute('role')).to.equal('alert');
      expect(page.textContent).to.match(text);
      expect(el.shadowRoot!.querySelector('scorm-player')).to.equal(null);
      await expect(el).to.be.accessible();
    });
  }

  it('says so when dispatches.json cannot be loaded', async () => {
    registryUrl = `${location.origin}/no/dispatches.json`;
    const el = await open('good', 'u1');
    await until(() => problemOf(el), 5000, 'the page');
    expect(problemOf(el)).to.equal('registry-unavailable');
  });

  it('plays the course for this learner of this dispatch', async () => {
    const el = await open('good', 'lms-learner-1');
    const player = await until(() => el.shadowRoot!.querySelector('scorm-player'), 8000, 'the player');
    expect(player.courseKey).to.equal('dispatch:good');
    expect(player.learner).to.deep.equal({ id: 'lms-learner-1' });
    expect(player.courseVersion!.url).to.equal(demo);
    expect(player.courseVersion!.manifestHash).to.match(/^[0-9a-f]{64}$/);
    const frame = await until(
      () =>
        player.shadowRoot!.querySelector('scorm-stage')?.shadowRoot?.querySelector('iframe') ??
        player.shadowRoot!.querySelector('iframe'),
      8000,
      'the content frame',
    );
    expect(frame.title).to.equal('Welcome');
  });

  async function seedAttempt(userId: string, version: { url: string; manifestHash: string }, ended = false) {
    const record: StoredCourseProgress = {
      courseKey: 'dispatch:moved',
      learnerId: userId,
      title: 'Tea',
      courseVersion: version,
      completionStatus: 'incomplete',
      successStatus: 'unknown',
      totalSeconds: 60,
      suspended: true,
      ended,
      startedAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
    };
    await new IdbProgressStore(db).save({ course: record });
  }

  it('asks a learner with an unfinished attempt on an earlier version, and continues on it', async () => {
    await seedAttempt('u2', { url: earlier, manifestHash: 'earlier' });
    const el = await open('moved', 'u2');
    const prompt = await until(() => document.querySelector('scorm-version-prompt'), 8000, 'the prompt');
    await prompt.updateComplete;
    const dialog = prompt.shadowRoot!.querySelector('dialog')!;
    expect(dialog.open).to.equal(true);
    expect(dialog.getAttribute('aria-labelledby')).to.equal('version-heading');
    const buttons = [...dialog.querySelectorAll('button')].map((b) => b.textContent!.trim());
    expect(buttons).to.deep.equal(['Continue where I left off', 'Start again on the new version']);
    await expect(prompt).to.be.accessible();
    dialog.querySelector('button')!.click();
    const player = await until(() => el.shadowRoot!.querySelector('scorm-player'), 8000, 'the player');
    expect(player.courseVersion!.url).to.equal(`${earlier}imsmanifest.xml`);
    expect(document.querySelector('scorm-version-prompt')).to.equal(null);
    // The attempt goes on: its record (begun in January) was kept.
    expect((await new IdbProgressStore(db).loadCourse('dispatch:moved', 'u2'))?.startedAt).to.equal(
      '2026-01-01T00:00:00.000Z',
    );
  });

  it('starts again on the new version when asked, clearing the old progress', async () => {
    await seedAttempt('u3', { url: `${location.origin}/retired/imsmanifest.xml`, manifestHash: 'earlier' });
    const el = await open('moved', 'u3');
    const prompt = await until(() => document.querySelector('scorm-version-prompt'), 8000, 'the prompt');
    await prompt.updateComplete;
    const buttons = [...prompt.shadowRoot!.querySelectorAll('button')];
    expect(buttons.map((b) => b.textContent!.trim())).to.deep.equal(['Start again on the new version']);
    expect(prompt.shadowRoot!.textContent).to.contain('no longer available');
    buttons[0]!.click();
    const player = await until(() => el.shadowRoot!.querySelector('scorm-player'), 8000, 'the player');
    expect(player.courseVersion!.url).to.equal(demo);
    const record = await new IdbProgressStore(db).loadCourse('dispatch:moved', 'u3');
    expect(record?.startedAt).to.not.equal('2026-01-01T00:00:00.000Z');
  });

  it('opens the new version without asking when the earlier attempt had ended', async () => {
    await seedAttempt('u4', { url: earlier, manifestHash: 'earlier' }, true);
    const el = await open('moved', 'u4');
    const player = await until(() => el.shadowRoot!.querySelector('scorm-player'), 8000, 'the player');
    expect(document.querySelector('scorm-version-prompt')).to.equal(null);
    expect(player.courseVersion!.url).to.equal(demo);
  });

  /** Opens a dispatch and waits until the demo's first SCO has initialized the API on this window. */
  async function playing(token: string, userId: string) {
    const el = await open(token, userId);
    const player = await until(() => el.shadowRoot!.querySelector('scorm-player'), 8000, 'the player');
    const api = await until(
      () => {
        const a = (window as unknown as { API_1484_11?: Record<string, (...args: string[]) => string> })
          .API_1484_11;
        return a && a.GetValue!('cmi.mode') === 'normal' && a;
      },
      8000,
      'the SCO running',
    );
    return { el, player, api };
  }

  it('coalesces a burst of Commits, and the exit report comes last with the final session time and status', async () => {
    const { player, api } = await playing('reported', 'u-exit');
    const progress: ScormProgressEvent['detail'][] = [];
    player.addEventListener('scorm-progress', (e) => progress.push(e.detail));
    await until(() => reports.length >= 1, 8000, 'the first report');
    const before = reports.length;
    for (let i = 1; i <= 5; i++) {
      api.SetValue!('cmi.session_time', `PT1M${i}S`);
      api.Commit!('');
    }
    // Five Commits within a second: at most one report goes at once; the rest wait for the second's end.
    expect(reports.length - before).to.be.at.most(1);
    // The learner closes the tab: the player ends the SCO (its content sets its own last session time).
    window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: false }));
    await until(() => reports.some((r) => r.event === 'exit'), 3000, 'the exit report');
    await new Promise((r) => setTimeout(r, 1500));
    const last = reports[reports.length - 1]!;
    const final = progress[progress.length - 1]!;
    expect(final.terminated).to.equal(true);
    expect(last.event).to.equal('exit');
    expect(last.suspended).to.equal(true);
    expect(last.sessionSeconds).to.equal(final.sessionSeconds);
    expect(last.completion).to.equal(final.completion);
    expect(last.userId).to.equal('u-exit');
    expect(reports.filter((r) => r.event === 'exit').length).to.equal(1);
  });

  it('sends a salted SHA-256 of the learner id for an entry with hashUserId', async () => {
    await playing('hashed', 'learner-42');
    await until(() => reports.length >= 1, 8000, 'a report');
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode('hashed:learner-42'));
    const hex = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
    expect(reports[0]!.userIdSha256).to.equal(hex);
    expect(reports[0]).to.not.have.property('userId');
    expect(JSON.stringify(reports)).to.not.contain('learner-42');
  });
});
