// Long sessions stay cheap (issue 12): an attempt's large data parts are stored in chunks, and a save writes
// only the chunks that changed. States come from the real runtime (its public API and AttemptState), with
// thousands of interactions recorded through SetValue.
import { expect } from '@open-wc/testing';
import { deleteDB } from 'idb';
import { Scorm2004Api, type AttemptState } from '../../src/runtime/index.js';
import { CHUNK_SIZE, joinAttempt, splitAttempt } from '../../src/storage/attempt-chunks.js';
import { openPlayerDb, type StoredAttempt } from '../../src/storage/db.js';
import { IdbProgressStore } from '../../src/storage/progress-idb.js';

/** A 2004 session that has recorded `count` interactions; `state()` is what onCommit would receive. */
function sessionWith(count: number, resume?: AttemptState) {
  const api = new Scorm2004Api({ learnerId: 'u1', learnerName: 'Doe, Jane', ...(resume ? { resume } : {}) });
  expect(api.Initialize('')).to.equal('true');
  const from = Number(api.GetValue('cmi.interactions._count'));
  const add = (n: number) => {
    const start = Number(api.GetValue('cmi.interactions._count'));
    for (let i = start; i < start + n; i++) {
      api.SetValue(`cmi.interactions.${i}.id`, `q${i}`);
      api.SetValue(`cmi.interactions.${i}.type`, 'choice');
      api.SetValue(`cmi.interactions.${i}.learner_response`, 'a');
      api.SetValue(`cmi.interactions.${i}.result`, i % 3 ? 'correct' : 'incorrect');
    }
  };
  add(count - from);
  return { api, add, state: () => api.state() };
}

const record = (state: AttemptState, itemId = 'sco'): StoredAttempt => ({
  courseKey: 'pkg:long',
  learnerId: 'u1',
  itemId,
  state,
  updatedAt: new Date().toISOString(),
});

describe('attempt chunks (codec)', () => {
  it('splits the large parts of the data and joins them back to the same state, key order included', () => {
    const state = sessionWith(1000).state();
    const split = splitAttempt(record(state), undefined);
    expect(split.head.chunked).to.be.an('object');
    expect(JSON.stringify(split.head).length).to.be.below(JSON.stringify(state).length / 20);
    // The interactions are records of one collection: a chunk holds CHUNK_SIZE of them.
    expect(split.chunks.length).to.equal(Math.ceil(1000 / CHUNK_SIZE));
    expect(split.chunks.every((c) => c.entries.length <= 2 * CHUNK_SIZE)).to.equal(true);
    const { attempt } = joinAttempt(split.head, [...split.chunks].reverse());
    expect(JSON.stringify(attempt.state) === JSON.stringify(state), 'joined state').to.equal(true);
  });

  it('rewrites only what changed: one new interaction dirties the last chunk or two, not the rest', () => {
    const session = sessionWith(3000);
    const first = splitAttempt(record(session.state()), undefined);
    const unchanged = splitAttempt(record(session.state()), first.written);
    expect(unchanged.chunks).to.deep.equal([]);
    session.add(1);
    session.api.SetValue('cmi.location', 'page 2');
    const next = splitAttempt(record(session.state()), first.written);
    expect(next.chunks.length).to.be.within(1, 2);
    expect(next.chunks.length).to.be.below(first.chunks.length / 5);
    // Unchanged records are the very objects of the state before (value-table.ts): compared by identity.
    const [before, after] = [first.written.get('cmi.interactions')!, next.written.get('cmi.interactions')!];
    expect(after[0]).to.equal(before[0]);
  });

  it('leaves small data inline and drops the chunks of a part that shrank back', () => {
    const small = splitAttempt(record(sessionWith(3).state()), undefined);
    expect(small.head.chunked).to.equal(undefined);
    expect(small.chunks).to.deep.equal([]);
    const big = splitAttempt(record(sessionWith(600).state()), undefined);
    const shrunk = splitAttempt(record(sessionWith(3).state()), big.written);
    expect(shrunk.drop.map((d) => d.from)).to.deep.equal(shrunk.drop.map(() => 0));
    expect(shrunk.drop.length).to.be.above(0);
  });
});

describe('IdbProgressStore with long sessions', () => {
  let name: string;
  let store: IdbProgressStore;
  let chunkPuts = 0;
  const realPut = IDBObjectStore.prototype.put;
  before(() => {
    IDBObjectStore.prototype.put = function put(this: IDBObjectStore, ...args: [unknown, IDBValidKey?]) {
      if (this.name === 'attemptChunks') chunkPuts++;
      return realPut.apply(this, args);
    };
  });
  after(() => (IDBObjectStore.prototype.put = realPut));
  beforeEach(() => {
    name = `chunks-${Math.random().toString(36).slice(2)}`;
    store = new IdbProgressStore(name);
    chunkPuts = 0;
  });
  afterEach(async () => {
    await store.close();
    await deleteDB(name);
  });

  it('stores 10 000 interactions, reads them back whole, and a Commit after that writes a chunk or two', async () => {
    const session = sessionWith(10_000);
    await store.save({ attempt: record(session.state()) });
    const all = chunkPuts;
    expect(all).to.be.at.least(Math.ceil(10_000 / CHUNK_SIZE));
    const loaded = await store.loadAttempt('pkg:long', 'u1', 'sco');
    expect(JSON.stringify(loaded?.state) === JSON.stringify(session.state()), 'loaded state').to.equal(true);
    session.add(1);
    chunkPuts = 0;
    await store.save({ attempt: record(session.state()) });
    expect(chunkPuts).to.be.within(1, 3);
    // A new store (a reload) knows what is stored from reading it: its first save is small too.
    await store.close();
    store = new IdbProgressStore(name);
    const [resumed] = await store.loadAttempts('pkg:long', 'u1');
    expect(JSON.stringify(resumed?.state.data) === JSON.stringify(session.state().data), 'resumed').to.equal(
      true,
    );
    const again = sessionWith(0, resumed!.state);
    again.add(1);
    chunkPuts = 0;
    await store.save({ attempt: record(again.state()) });
    expect(chunkPuts).to.be.within(1, 3);
    const final = await store.loadAttempt('pkg:long', 'u1', 'sco');
    expect(JSON.stringify(final?.state.data) === JSON.stringify(again.state().data), 'final').to.equal(true);
    expect(Number(again.api.GetValue('cmi.interactions._count'))).to.equal(10_002);
  });

  it('deletes a learner’s chunks with their progress', async () => {
    await store.save({ attempt: record(sessionWith(1000).state()) });
    await store.deleteProgress('pkg:long', 'u1');
    expect(await store.loadAttempt('pkg:long', 'u1', 'sco')).to.equal(undefined);
    const db = await openPlayerDb(name);
    expect(await db.count('attemptChunks')).to.equal(0);
    db.close();
  });
});
