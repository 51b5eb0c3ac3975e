// <scorm-dispatch-view> with a real IndexedDB and the demo course: the pages for bad links, the course for a
// good one (progress keyed per dispatch and learner), and the version question for a changed course.
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { deleteDB } from 'idb';
import '../../src/app/dispatch-view.js';
import type { DispatchView } from '../../src/app/dispatch-view.js';
import { openPlayerDb, type PlayerDatabase, type StoredCourseProgress } from '../../src/storage/db.js';
import { IdbProgressStore } from '../../src/storage/progress-idb.js';
import { until } from './host-lms.js';

const demo = `${location.origin}/public/demo/imsmanifest.xml`;
const golf = `${location.origin}/corpus/packages/golf-ContentPackagingSingleSCO_SCORM20043rdEdition/`;

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
            moved: { course: demo, versions: [golf] },
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

  async function open(token: string, userId: string | undefined): Promise<DispatchView> {
    return fixture<DispatchView>(
      html`<scorm-dispatch-view
        .db=${db}
        .relay=${false}
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
    await seedAttempt('u2', { url: golf, manifestHash: 'earlier' });
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
    expect(player.courseVersion!.url).to.equal(`${golf}imsmanifest.xml`);
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
    await seedAttempt('u4', { url: golf, manifestHash: 'earlier' }, true);
    const el = await open('moved', 'u4');
    const player = await until(() => el.shadowRoot!.querySelector('scorm-player'), 8000, 'the player');
    expect(document.querySelector('scorm-version-prompt')).to.equal(null);
    expect(player.courseVersion!.url).to.equal(demo);
  });
});
