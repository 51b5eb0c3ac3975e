import { expect } from '@open-wc/testing';
import { deleteDB, openDB } from 'idb';
import { openPlayerDb, type PlayerDatabase } from '../../src/storage/db.js';

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
});
