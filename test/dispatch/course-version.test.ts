// resolveCourseVersion for a library course re-imported with the same manifest identifier: the app passes
// the courseVersion.url of the other packages as the earlier versions.
import { expect } from '@open-wc/testing';
import { resolveCourseVersion } from '../../src/app/course-version.js';
import type { StoredCourseProgress } from '../../src/storage/db.js';
import { MemoryProgressStore } from '../../src/storage/progress-memory.js';
import { until } from './host-lms.js';

const oldPkg = { url: 'package:old-id', manifestHash: '1111' };
const newPkg = { url: 'package:new-id', manifestHash: '2222' };

function record(version: { url: string; manifestHash: string }, ended: boolean): StoredCourseProgress {
  return {
    courseKey: 'pkg:org.example.tea',
    learnerId: 'jane',
    title: 'Tea',
    courseVersion: version,
    completionStatus: ended ? 'completed' : 'incomplete',
    successStatus: 'unknown',
    totalSeconds: 30,
    suspended: !ended,
    ended,
    startedAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  };
}
const base = { courseKey: 'pkg:org.example.tea', learnerId: 'jane', current: newPkg, courseTitle: 'Tea' };

async function choose(label: string) {
  const prompt = await until(() => document.querySelector('scorm-version-prompt'), 3000, 'the prompt');
  await prompt.updateComplete;
  const button = [...prompt.shadowRoot!.querySelectorAll('button')].find(
    (b) => b.textContent!.trim() === label,
  )!;
  button.click();
}

describe('resolveCourseVersion', () => {
  afterEach(() => document.querySelectorAll('scorm-version-prompt').forEach((p) => p.remove()));

  it('opens the current version at once for a new learner or the same version', async () => {
    const store = new MemoryProgressStore();
    expect((await resolveCourseVersion({ ...base, store })).choice).to.equal('current');
    await store.save({ course: record(newPkg, false) });
    const r = await resolveCourseVersion({ ...base, store, earlierVersions: [oldPkg.url] });
    expect(r).to.deep.include({ version: newPkg, choice: 'current' });
    expect(document.querySelector('scorm-version-prompt')).to.equal(null);
  });

  it('continues on the started package when the learner says so', async () => {
    const store = new MemoryProgressStore();
    await store.save({ course: record(oldPkg, false) });
    const pending = resolveCourseVersion({ ...base, store, earlierVersions: [oldPkg.url] });
    await choose('Continue where I left off');
    const r = await pending;
    expect(r.choice).to.equal('continue');
    expect(r.version).to.deep.equal(oldPkg);
    expect((await store.loadCourse(base.courseKey, 'jane'))?.totalSeconds).to.equal(30);
  });

  it('clears the progress and opens the new package on "start again"', async () => {
    const store = new MemoryProgressStore();
    await store.save({ course: record(oldPkg, false) });
    const pending = resolveCourseVersion({ ...base, store, earlierVersions: [oldPkg.url] });
    await choose('Start again on the new version');
    const r = await pending;
    expect(r).to.deep.include({ choice: 'restart', version: newPkg });
    expect(await store.loadCourse(base.courseKey, 'jane')).to.equal(undefined);
  });

  it('moves a finished attempt to the new version without asking', async () => {
    const store = new MemoryProgressStore();
    await store.save({ course: record(oldPkg, true) });
    const r = await resolveCourseVersion({ ...base, store, earlierVersions: [oldPkg.url] });
    expect(r).to.deep.include({ choice: 'current', version: newPkg });
    expect((await store.loadCourse(base.courseKey, 'jane'))?.courseVersion).to.deep.equal(newPkg);
  });
});
