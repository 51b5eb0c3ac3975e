import { expect } from '@open-wc/testing';
import { deleteDB } from 'idb';
import type { StoredAttempt, StoredCourseProgress } from '../../src/storage/db.js';
import { IdbProgressStore } from '../../src/storage/progress-idb.js';
import { attempt as attemptState } from '../sequencing/manifest-builder.js';

const course = (updatedAt: string, suspended: boolean): StoredCourseProgress => ({
  courseKey: 'c',
  learnerId: 'u',
  title: 'T',
  courseVersion: { url: 'u', manifestHash: 'h' },
  completionStatus: 'incomplete',
  successStatus: 'unknown',
  totalSeconds: 0,
  suspended,
  ended: false,
  startedAt: '2026-01-01T00:00:00Z',
  updatedAt,
});
const attempt = (updatedAt: string, location: string): StoredAttempt => ({
  courseKey: 'c',
  learnerId: 'u',
  itemId: 'i',
  state: attemptState({ location }),
  updatedAt,
});

describe('IdbProgressStore: the synchronous journal of a page that goes away', () => {
  let name: string;
  beforeEach(() => (name = `journal-test-${Math.random().toString(36).slice(2)}`));
  afterEach(async () => {
    for (let i = localStorage.length - 1; i >= 0; i--)
      if (localStorage.key(i)?.includes(name)) localStorage.removeItem(localStorage.key(i)!);
    await deleteDB(name);
  });

  it('keeps writes made with saveSync when the asynchronous write never happened, and clears the journal', async () => {
    const first = new IdbProgressStore(name);
    await first.save({
      course: course('2026-01-01T00:00:01Z', false),
      attempt: attempt('2026-01-01T00:00:01Z', 'p1'),
    });
    // The page goes away: the journal is written, the asynchronous write is lost with the page.
    expect(
      first.saveSync([
        { course: course('2026-01-01T00:00:02Z', true), attempt: attempt('2026-01-01T00:00:02Z', 'p2') },
      ]),
    ).to.equal(true);
    await first.close();
    const next = new IdbProgressStore(name);
    expect((await next.loadCourse('c', 'u'))?.suspended).to.equal(true);
    expect((await next.loadAttempt('c', 'u', 'i'))?.state.location).to.equal('p2');
    expect(Object.keys(localStorage).filter((k) => k.includes(name))).to.deep.equal([]);
    await next.close();
  });

  it('never lets an older journal entry overwrite a newer record', async () => {
    const first = new IdbProgressStore(name);
    await first.save({ course: course('2026-01-01T00:00:05Z', false) });
    first.saveSync([{ course: course('2026-01-01T00:00:01Z', true) }]);
    await first.close();
    const next = new IdbProgressStore(name);
    expect((await next.loadCourse('c', 'u'))?.suspended).to.equal(false);
    await next.close();
  });
});
