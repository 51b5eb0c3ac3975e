import { expect } from '@open-wc/testing';
import { deleteDB } from 'idb';
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
