import { expect } from '@open-wc/testing';
import {
  contentTypeFor,
  deletePackage,
  findFile,
  findPackagesByManifestIdentifier,
  getFile,
  getPackage,
  listFiles,
  listPackages,
} from '../../src/storage/package-store.js';
import type { StoredPackage } from '../../src/storage/db.js';
import { freshDb, type TestDb } from './import-fixtures.js';

function record(id: string, importedAt: string, manifestIdentifier = `m-${id}`): StoredPackage {
  return {
    id,
    manifestIdentifier,
    title: `Course ${id}`,
    version: '1.2',
    manifest: {} as StoredPackage['manifest'],
    manifestHash: '00',
    size: 3,
    fileCount: 2,
    importedAt,
  };
}

describe('package store', () => {
  let t: TestDb;
  beforeEach(async () => {
    t = await freshDb('test-store');
    const { db } = t;
    await db.put('packages', record('a', '2026-01-01T00:00:00.000Z', 'same'));
    await db.put('packages', record('b', '2026-03-01T00:00:00.000Z', 'same'));
    await db.put('packages', record('c', '2026-02-01T00:00:00.000Z'));
    for (const id of ['a', 'b', 'c'])
      for (const path of ['index.html', 'Images/Logo.PNG', 'a/b/c.js'])
        await db.put('files', {
          packageId: id,
          path,
          blob: new Blob([`${id}:${path}`]),
          type: contentTypeFor(path),
        });
    // A package id that is a prefix of another must not share its files.
    await db.put('files', { packageId: 'a2', path: 'index.html', blob: new Blob(['a2']), type: 'text/html' });
  });
  afterEach(() => t.remove());

  it('lists packages newest first and gets one by id', async () => {
    expect((await listPackages(t.db)).map((p) => p.id)).to.deep.equal(['b', 'c', 'a']);
    expect((await getPackage(t.db, 'c'))?.title).to.equal('Course c');
    expect(await getPackage(t.db, 'zz')).to.equal(undefined);
    expect((await findPackagesByManifestIdentifier(t.db, 'same')).map((p) => p.id)).to.deep.equal(['b', 'a']);
  });

  it('deletes a package and exactly its files, in one transaction', async () => {
    expect(await deletePackage(t.db, 'a')).to.equal(true);
    expect(await getPackage(t.db, 'a')).to.equal(undefined);
    expect(await listFiles(t.db, 'a')).to.deep.equal([]);
    expect(await listFiles(t.db, 'b')).to.have.length(3);
    expect(await listFiles(t.db, 'a2')).to.deep.equal(['index.html']);
    expect(await deletePackage(t.db, 'a')).to.equal(false);
  });

  it('reads a file by exact path, and by a case-insensitive match', async () => {
    expect(await (await getFile(t.db, 'b', 'a/b/c.js'))?.blob.text()).to.equal('b:a/b/c.js');
    expect(await getFile(t.db, 'b', 'images/logo.png')).to.equal(undefined);
    const found = await findFile(t.db, 'b', 'images/logo.png');
    expect(found?.path).to.equal('Images/Logo.PNG');
    expect(found?.type).to.equal('image/png');
    expect(await findFile(t.db, 'b', 'missing.html')).to.equal(undefined);
  });

  it('maps extensions to Content-Types, without a charset on text', () => {
    expect(contentTypeFor('a/index.HTML')).to.equal('text/html');
    expect(contentTypeFor('x.js')).to.equal('text/javascript');
    expect(contentTypeFor('clip.mp4')).to.equal('video/mp4');
    expect(contentTypeFor('voice.mp3')).to.equal('audio/mpeg');
    expect(contentTypeFor('imsmanifest.xml')).to.equal('application/xml');
    expect(contentTypeFor('README')).to.equal('application/octet-stream');
    expect(contentTypeFor('dir.v2/file')).to.equal('application/octet-stream');
  });
});
