import { expect } from '@open-wc/testing';
import { deleteDB } from 'idb';
import type { StoredAttempt, StoredCourseProgress } from '../../src/storage/db.js';
import type { ProgressStore } from '../../src/storage/progress.js';
import { MemoryProgressStore } from '../../src/storage/progress-memory.js';
import { IdbProgressStore } from '../../src/storage/progress-idb.js';
import { openPlayerDb } from '../../src/storage/db.js';
import { attempt as attemptState } from '../sequencing/manifest-builder.js';

const attempt = (courseKey: string, learnerId: string, itemId: string, location = ''): StoredAttempt => ({
  courseKey,
  learnerId,
  itemId,
  state: attemptState({ location }),
  updatedAt: new Date().toISOString(),
});
const course = (courseKey: string, learnerId: string, learnerName?: string): StoredCourseProgress => ({
  courseKey,
  learnerId,
  ...(learnerName ? { learnerName } : {}),
  title: 'T',
  courseVersion: { url: 'u', manifestHash: 'h' },
  completionStatus: 'incomplete',
  successStatus: 'unknown',
  totalSeconds: 0,
  suspended: false,
  ended: false,
  startedAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
});

const implementations: [string, () => { store: ProgressStore; done: () => Promise<void> }][] = [
  ['memory', () => ({ store: new MemoryProgressStore(), done: async () => undefined })],
  [
    'IndexedDB',
    () => {
      const name = `progress-test-${Math.random().toString(36).slice(2)}`;
      const store = new IdbProgressStore(name);
      return {
        store,
        done: async () => {
          await store.close();
          await deleteDB(name);
        },
      };
    },
  ],
];

for (const [label, make] of implementations) {
  describe(`ProgressStore (${label})`, () => {
    let store: ProgressStore;
    let done: () => Promise<void>;
    beforeEach(() => ({ store, done } = make()));
    afterEach(() => done());

    it('saves and loads attempts and course records, replacing on the same key', async () => {
      expect(await store.loadAttempt('c1', 'u1', 'i1')).to.equal(undefined);
      await store.save({ attempt: attempt('c1', 'u1', 'i1', 'p1'), course: course('c1', 'u1', 'Ann') });
      await store.save({ attempt: attempt('c1', 'u1', 'i1', 'p2') });
      await store.save({ attempt: attempt('c1', 'u1', 'i2') });
      await store.save({ attempt: attempt('c1', 'u2', 'i1') });
      expect((await store.loadAttempt('c1', 'u1', 'i1'))?.state.location).to.equal('p2');
      expect((await store.loadAttempts('c1', 'u1')).map((a) => a.itemId).sort()).to.deep.equal(['i1', 'i2']);
      expect((await store.loadCourse('c1', 'u1'))?.learnerName).to.equal('Ann');
      expect(await store.loadCourse('c1', 'u2')).to.equal(undefined);
    });

    it('returns copies, not the stored objects', async () => {
      const c = course('c1', 'u1');
      await store.save({ course: c });
      c.title = 'changed';
      const loaded = await store.loadCourse('c1', 'u1');
      expect(loaded?.title).to.equal('T');
      loaded!.title = 'changed again';
      expect((await store.loadCourse('c1', 'u1'))?.title).to.equal('T');
    });

    it('lists courses and learners, and deletes progress', async () => {
      await store.save({ course: course('c1', 'u1', 'Ann') });
      await store.save({ course: course('c1', 'u2', 'Bob') });
      await store.save({ course: course('c2', 'u1', 'Ann') });
      await store.save({ attempt: attempt('c1', 'u1', 'i1') });
      await store.save({ attempt: attempt('c1', 'u2', 'i1') });
      await store.save({ attempt: attempt('c2', 'u1', 'i1') });
      expect((await store.listCourses()).length).to.equal(3);
      expect((await store.listCourses('c1')).map((c) => c.learnerId).sort()).to.deep.equal(['u1', 'u2']);
      expect(await store.listLearners()).to.deep.equal([
        { learnerId: 'u1', learnerName: 'Ann', courseKeys: ['c1', 'c2'] },
        { learnerId: 'u2', learnerName: 'Bob', courseKeys: ['c1'] },
      ]);
      await store.deleteProgress('c1', 'u1');
      expect(await store.loadAttempt('c1', 'u1', 'i1')).to.equal(undefined);
      expect(await store.loadAttempt('c1', 'u2', 'i1')).to.not.equal(undefined);
      await store.deleteProgress('c1');
      expect(await store.listCourses('c1')).to.deep.equal([]);
      expect(await store.loadAttempt('c1', 'u2', 'i1')).to.equal(undefined);
      expect(await store.loadAttempt('c2', 'u1', 'i1')).to.not.equal(undefined);
    });
  });
}

describe('IdbProgressStore durability', () => {
  it('a save is readable from a separate connection as soon as it resolves', async () => {
    const name = `progress-durable-${Math.random().toString(36).slice(2)}`;
    const store = new IdbProgressStore(name);
    await store.save({ attempt: attempt('c', 'u', 'i', 'here'), course: course('c', 'u') });
    const other = await openPlayerDb(name);
    expect((await other.get('attempts', ['c', 'u', 'i']))?.state.location).to.equal('here');
    expect((await other.get('courses', ['c', 'u']))?.courseKey).to.equal('c');
    other.close();
    await store.close();
    await deleteDB(name);
  });
});
