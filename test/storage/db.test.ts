import { expect } from '@open-wc/testing';
import { deleteDB, openDB } from 'idb';
import {
  DatabaseBlockedError,
  DB_VERSION,
  openPlayerDb,
  type PlayerDatabase,
  type StoredAttempt,
} from '../../src/storage/db.js';
import { IdbProgressStore } from '../../src/storage/progress-idb.js';
import { attempt as attemptState } from '../sequencing/manifest-builder.js';

describe('openPlayerDb', () => {
  const name = `test-db-${Math.random().toString(36).slice(2)}`;
  let db: PlayerDatabase;

  beforeEach(async () => {
    db = await openPlayerDb(name);
  });
  afterEach(async () => {
    db.close();
    await deleteDB(name);
  });

  it('creates every store of the schema in a real IndexedDB', () => {
    expect([...db.objectStoreNames].sort()).to.deep.equal([
      'attemptChunks',
      'attempts',
      'courses',
      'files',
      'objectives',
      'packages',
      'settings',
    ]);
  });

  it('keys files by package and path, and finds them by package', async () => {
    const blob = new Blob(['<html></html>'], { type: 'text/html' });
    await db.put('files', { packageId: 'p1', path: 'index.html', blob, type: 'text/html' });
    await db.put('files', { packageId: 'p1', path: 'a/b.js', blob, type: 'text/javascript' });
    await db.put('files', { packageId: 'p2', path: 'index.html', blob, type: 'text/html' });
    const p1 = await db.getAllFromIndex('files', 'byPackage', 'p1');
    expect(p1.map((f) => f.path).sort()).to.deep.equal(['a/b.js', 'index.html']);
    const file = await db.get('files', ['p2', 'index.html']);
    expect(await file?.blob.text()).to.equal('<html></html>');
  });
});

describe('openPlayerDb upgrades', () => {
  it('brings a version 1 database up to date and keeps its records', async () => {
    const name = `test-db-v1-${Math.random().toString(36).slice(2)}`;
    // A database as version 1 made it.
    const v1 = await openDB(name, 1, {
      upgrade(db) {
        db.createObjectStore('packages', { keyPath: 'id' }).createIndex(
          'byManifestIdentifier',
          'manifestIdentifier',
        );
        db.createObjectStore('files', { keyPath: ['packageId', 'path'] }).createIndex(
          'byPackage',
          'packageId',
        );
        db.createObjectStore('attempts', { keyPath: ['courseKey', 'learnerId', 'itemId'] }).createIndex(
          'byCourseLearner',
          ['courseKey', 'learnerId'],
        );
        db.createObjectStore('courses', { keyPath: ['courseKey', 'learnerId'] }).createIndex(
          'byCourse',
          'courseKey',
        );
        db.createObjectStore('settings');
      },
    });
    await v1.put('settings', 'kept', 'learner');
    v1.close();
    const db = await openPlayerDb(name);
    try {
      expect([...db.objectStoreNames]).to.include('objectives');
      expect(await db.get('settings', 'learner')).to.equal('kept');
    } finally {
      db.close();
      await deleteDB(name);
    }
  });

  it('brings a version 2 database to version 3 (attempt chunks) and keeps its attempts readable', async () => {
    const name = `test-db-v2-${Math.random().toString(36).slice(2)}`;
    const v2 = await openDB(name, 2, {
      upgrade(db) {
        db.createObjectStore('packages', { keyPath: 'id' });
        db.createObjectStore('files', { keyPath: ['packageId', 'path'] });
        db.createObjectStore('attempts', { keyPath: ['courseKey', 'learnerId', 'itemId'] }).createIndex(
          'byCourseLearner',
          ['courseKey', 'learnerId'],
        );
        db.createObjectStore('courses', { keyPath: ['courseKey', 'learnerId'] }).createIndex(
          'byCourse',
          'courseKey',
        );
        db.createObjectStore('settings');
        db.createObjectStore('objectives', { keyPath: ['learnerId', 'scope'] });
      },
    });
    // A version 2 attempt: its whole state in the record, data included.
    const values: Record<string, string> = {};
    for (let i = 0; i < 400; i++) values[`cmi.interactions.${i}.id`] = `q${i}`;
    const old: StoredAttempt = {
      courseKey: 'pkg:c',
      learnerId: 'u1',
      itemId: 'sco',
      state: { ...attemptState({ location: 'p3' }), data: { values, counts: { 'cmi.interactions': 400 } } },
      updatedAt: '2026-01-01T00:00:00.000Z',
    };
    await v2.put('attempts', old);
    v2.close();
    expect(DB_VERSION).to.equal(3);
    const store = new IdbProgressStore(name);
    try {
      expect(await store.loadAttempt('pkg:c', 'u1', 'sco')).to.deep.equal(old);
      // Saved again, it moves into chunks, and reads back the same.
      const next = { ...old, state: { ...old.state, location: 'p4' }, updatedAt: '2026-01-02T00:00:00.000Z' };
      await store.save({ attempt: next });
      expect(await store.loadAttempts('pkg:c', 'u1')).to.deep.equal([next]);
      const db = await openPlayerDb(name);
      expect(await db.count('attemptChunks')).to.be.above(0);
      expect((await db.get('attempts', ['pkg:c', 'u1', 'sco']))?.chunked).to.be.an('object');
      db.close();
    } finally {
      await store.close();
      await deleteDB(name);
    }
  });

  it('refuses at once, by name, an upgrade that another tab blocks, instead of waiting unseen', async () => {
    const name = `test-db-blocked-${Math.random().toString(36).slice(2)}`;
    // Another tab, on version 2 code, holding the database open and not closing it on versionchange.
    const older = await openDB(name, 2, {
      upgrade(db) {
        db.createObjectStore('settings');
      },
    });
    let error: unknown;
    try {
      await openPlayerDb(name);
    } catch (e) {
      error = e;
    }
    expect(error).to.be.instanceOf(DatabaseBlockedError);
    expect((error as Error).name).to.equal('BlockedError');
    expect((error as Error).message).to.contain('older version');
    older.close();
    // Once the other tab is gone, the upgrade goes through (the waiting connection is closed, not leaked).
    const db = await openPlayerDb(name);
    expect([...db.objectStoreNames]).to.include('attemptChunks');
    db.close();
    await deleteDB(name);
  });
});
