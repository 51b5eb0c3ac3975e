import { expect } from '@open-wc/testing';
import { unzipSync, zipSync, type Zippable } from 'fflate';
import { PackageErrorCode } from '../../src/package/index.js';
import type { ImportRequest, ImportResponse } from '../../src/storage/import-protocol.js';
import { importPackage, type ImportProgress } from '../../src/storage/importer.js';
import { getFile, listFiles, listPackages } from '../../src/storage/package-store.js';
import {
  FIXTURE_12_ID,
  fixtureFiles,
  zipFiles,
  zipRaw,
  tinyManifest,
  rejection,
  sha256,
} from '../package/zip-fixtures.js';
import {
  badCrcZip,
  overInflatingZip,
  overlappingZip,
  quotedOverlapZip,
  sharedStreamBomb,
} from '../package/hostile-zips.js';
import { hostileLargeEntries } from '../package/native-cases.js';
import { countFiles, freshDb, randomBytes, textBytes, type TestDb } from './import-fixtures.js';

/** A ~26 MB package: the fixture course plus large stored (random) and deflated (text) media files. */
function bigPackage(course: Map<string, Uint8Array>): Uint8Array {
  const zippable: Zippable = {};
  for (const [path, data] of course) zippable[path] = data;
  for (let i = 0; i < 4; i++) {
    zippable[`media/clip${i}.mp4`] = [randomBytes(4 * 1024 * 1024), { level: 0 }];
    zippable[`data/text${i}.txt`] = [textBytes(2 * 1024 * 1024, i + 1), { level: 1 }];
  }
  return zipSync(zippable);
}

async function expectEmpty(t: TestDb): Promise<void> {
  expect(await listPackages(t.db)).to.deep.equal([]);
  expect(await countFiles(t.db)).to.equal(0);
}

describe('importPackage', () => {
  let course: Map<string, Uint8Array>;
  let t: TestDb;
  before(async () => {
    course = await fixtureFiles();
  });
  beforeEach(async () => {
    t = await freshDb();
  });
  afterEach(() => t.remove());

  it('stores a fixture package: the record, and every file as a Blob with its Content-Type', async () => {
    const zip = zipFiles(course);
    const record = await importPackage(new Blob([zip as Uint8Array<ArrayBuffer>]), {
      db: t.db,
      source: 'knots.zip',
    });
    expect(record.manifestIdentifier).to.equal(FIXTURE_12_ID);
    expect(record.version).to.equal('1.2');
    expect(record.title).to.equal('Knots Explained - Runtime 1.2');
    expect(record.manifest.identifier).to.equal(record.manifestIdentifier);
    expect(record.manifestHash).to.equal(await sha256(course.get('imsmanifest.xml') as Uint8Array));
    expect(record.fileCount).to.equal(course.size);
    expect(record.size).to.equal([...course.values()].reduce((n, d) => n + d.length, 0));
    expect(record.source).to.equal('knots.zip');
    expect(record.rootFolder).to.equal('');
    expect(Date.parse(record.importedAt)).to.be.closeTo(Date.now(), 60_000);

    expect((await listPackages(t.db)).map((p) => p.id)).to.deep.equal([record.id]);
    expect((await listFiles(t.db, record.id)).sort()).to.deep.equal([...course.keys()].sort());
    const page = await getFile(t.db, record.id, 'sco.html');
    expect(page?.type).to.equal('text/html');
    expect(page?.blob.type).to.equal('text/html');
    expect(new Uint8Array(await page!.blob.arrayBuffer())).to.deep.equal(course.get('sco.html'));
    expect((await getFile(t.db, record.id, 'images/rope.png'))?.type).to.equal('image/png');
    // Every file byte for byte: deflated ones inflated, stored ones (the images) sliced from the zip.
    for (const [path, data] of course) {
      const stored = await getFile(t.db, record.id, path);
      expect(new Uint8Array(await stored!.blob.arrayBuffer()), path).to.deep.equal(data);
    }
    expect((await getFile(t.db, record.id, 'sco.js'))?.type).to.equal('text/javascript');
  });

  it('accepts an ArrayBuffer and strips a single top folder', async () => {
    const zip = zipFiles(course, 'knots-course');
    const record = await importPackage(zip.buffer as ArrayBuffer, { db: t.db });
    expect(record.rootFolder).to.equal('knots-course');
    expect(await getFile(t.db, record.id, 'sco.html')).to.not.equal(undefined);
    expect(await getFile(t.db, record.id, 'knots-course/sco.html')).to.equal(undefined);
  });

  it('reports progress from read through unzip to commit, in bytes and files', async () => {
    const seen: ImportProgress[] = [];
    const record = await importPackage(new Blob([bigPackage(course) as Uint8Array<ArrayBuffer>]), {
      db: t.db,
      onProgress: (p) => seen.push(p),
    });
    expect(seen[0]?.phase).to.equal('read');
    const unzip = seen.filter((p) => p.phase === 'unzip');
    expect(unzip.length).to.be.at.least(3);
    for (let i = 1; i < unzip.length; i++) {
      expect(unzip[i]!.bytes).to.be.greaterThan(unzip[i - 1]!.bytes);
      expect(unzip[i]!.files).to.be.at.least(unzip[i - 1]!.files);
    }
    const last = seen.at(-1)!;
    expect(last.phase).to.equal('commit');
    expect(last).to.include({ bytes: record.size, totalBytes: record.size, files: record.fileCount });
    expect(last.totalFiles).to.equal(course.size + 8);
  });

  it('stores large deflated (inflated natively) and stored files byte for byte', async () => {
    const zip = bigPackage(course);
    const record = await importPackage(new Blob([zip as Uint8Array<ArrayBuffer>]), { db: t.db });
    const expected = unzipSync(zip);
    expect(record.fileCount).to.equal(Object.keys(expected).length);
    for (const [path, data] of Object.entries(expected)) {
      const stored = await getFile(t.db, record.id, path);
      expect(stored?.blob.size, path).to.equal(data.length);
      expect(new Uint8Array(await stored!.blob.arrayBuffer()), path).to.deep.equal(data);
    }
  });

  it('stores nothing when the transaction fails while files are still being read', async () => {
    // The worker is asked, through its own protocol, to store a package under the id of one already there:
    // adding the record fails at once and aborts the transaction, while the files are still inflating.
    const first = await importPackage(new Blob([zipFiles(course) as Uint8Array<ArrayBuffer>]), { db: t.db });
    const worker = new Worker(new URL('../../src/storage/import-worker.ts', import.meta.url), {
      type: 'module',
    });
    try {
      const reply = new Promise<ImportResponse>((resolve) =>
        worker.addEventListener('message', (event: MessageEvent<ImportResponse>) => {
          if (event.data.type !== 'progress') resolve(event.data);
        }),
      );
      const request: ImportRequest = {
        type: 'import',
        id: first.id,
        dbName: t.db.name,
        file: new Blob([bigPackage(course) as Uint8Array<ArrayBuffer>]),
      };
      worker.postMessage(request);
      const response = await reply;
      expect(response.type).to.equal('error');
      expect(response.type === 'error' && response.code).to.equal(PackageErrorCode.Storage);
    } finally {
      worker.terminate();
    }
    expect((await listPackages(t.db)).map((p) => p.id)).to.deep.equal([first.id]);
    expect(await countFiles(t.db)).to.equal(course.size);
  });

  it('cancels on abort: rejects with code aborted and stores nothing', async () => {
    const controller = new AbortController();
    const promise = importPackage(new Blob([bigPackage(course) as Uint8Array<ArrayBuffer>]), {
      db: t.db,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.phase === 'unzip' && p.files > 0) controller.abort();
      },
    });
    const error = await rejection(promise);
    expect(error.code).to.equal(PackageErrorCode.Aborted);
    await expectEmpty(t);
  });

  it('rejects at once when the signal is already aborted', async () => {
    const error = await rejection(
      importPackage(new Blob([zipFiles(course) as Uint8Array<ArrayBuffer>]), {
        db: t.db,
        signal: AbortSignal.abort(),
      }),
    );
    expect(error.code).to.equal(PackageErrorCode.Aborted);
    await expectEmpty(t);
  });

  it('stores nothing when an entry near the end is damaged, after many files were queued', async () => {
    const zippable: Zippable = {};
    for (const [path, data] of course) zippable[path] = data;
    for (let i = 0; i < 3; i++) zippable[`media/clip${i}.mp4`] = [randomBytes(4 * 1024 * 1024), { level: 0 }];
    zippable['zz/last.txt'] = [textBytes(200_000), { level: 6 }];
    const zip = zipSync(zippable);
    // Damage the deflated data of the last entry (its local header is the last 'PK\3\4').
    let at = zip.length;
    while (!(zip[at] === 0x50 && zip[at + 1] === 0x4b && zip[at + 2] === 3 && zip[at + 3] === 4)) at--;
    zip.fill(0xff, at + 30 + 'zz/last.txt'.length + 100, at + 30 + 'zz/last.txt'.length + 200);
    const seen: ImportProgress[] = [];
    const error = await rejection(
      importPackage(new Blob([zip as Uint8Array<ArrayBuffer>]), {
        db: t.db,
        onProgress: (p) => seen.push(p),
      }),
    );
    expect(error.code).to.equal(PackageErrorCode.Corrupt);
    expect(error.entry).to.equal('zz/last.txt');
    expect(seen.some((p) => p.phase === 'unzip' && p.files > course.size)).to.equal(true);
    await expectEmpty(t);
  });

  it('stores nothing for an invalid manifest, a hostile path or a zip bomb', async () => {
    const invalid = zipRaw({
      'imsmanifest.xml': '<manifest identifier="x"><oops></manifest>',
      'index.html': 'x',
    });
    const e1 = await rejection(importPackage(new Blob([invalid as Uint8Array<ArrayBuffer>]), { db: t.db }));
    expect(e1.code).to.equal(PackageErrorCode.InvalidManifest);
    expect(e1.message).to.contain('imsmanifest.xml');

    const hostile = zipRaw({ 'imsmanifest.xml': tinyManifest, 'index.html': 'ok', '../../evil.js': 'x' });
    const e2 = await rejection(importPackage(new Blob([hostile as Uint8Array<ArrayBuffer>]), { db: t.db }));
    expect(e2.code).to.equal(PackageErrorCode.UnsafePath);
    expect(e2.entry).to.equal('../../evil.js');

    const bomb = zipRaw(
      { 'imsmanifest.xml': tinyManifest, 'index.html': new Uint8Array(8 * 1024 * 1024) },
      9,
    );
    const e3 = await rejection(importPackage(new Blob([bomb as Uint8Array<ArrayBuffer>]), { db: t.db }));
    expect(e3.code).to.equal(PackageErrorCode.CompressionRatio);
    await expectEmpty(t);
  });

  it('stores nothing for hostile zips: bad CRC, over-inflating entry, shared bytes, shared-stream bomb', async () => {
    const cases: [string, Uint8Array, string][] = [
      ['bad CRC', badCrcZip(), PackageErrorCode.ChecksumMismatch],
      ['over-inflating', overInflatingZip(), PackageErrorCode.SizeMismatch],
      ['overlapping', overlappingZip(), PackageErrorCode.OverlappingEntries],
      ['quoted overlap', quotedOverlapZip(), PackageErrorCode.OverlappingEntries],
      ['shared-stream bomb', sharedStreamBomb(), PackageErrorCode.OverlappingEntries],
    ];
    for (const [what, zip, code] of cases) {
      const error = await rejection(importPackage(new Blob([zip as Uint8Array<ArrayBuffer>]), { db: t.db }));
      expect(error.code, what).to.equal(code);
    }
    await expectEmpty(t);
  });

  it('stores nothing for large deflated entries (inflated natively) that fail a check', async () => {
    for (const { what, zip, code } of hostileLargeEntries()) {
      const error = await rejection(importPackage(new Blob([zip as Uint8Array<ArrayBuffer>]), { db: t.db }));
      expect(error.code, what).to.equal(code);
      expect(error.entry, what).to.equal('index.html');
    }
    await expectEmpty(t);
  });

  it('refuses a stored entry of a dropped File whose bytes do not match its CRC-32', async () => {
    const zip = zipRaw({ 'imsmanifest.xml': tinyManifest, 'index.html': '<p>hello</p>' }, 0);
    const at = zip.findIndex((_, i) => new TextDecoder().decode(zip.subarray(i, i + 5)) === 'hello');
    zip[at] = 0x4a; // 'J'
    const error = await rejection(importPackage(new Blob([zip as Uint8Array<ArrayBuffer>]), { db: t.db }));
    expect(error.code).to.equal(PackageErrorCode.ChecksumMismatch);
    expect(error.entry).to.equal('index.html');
    await expectEmpty(t);
  });

  it('keeps two imports of the same course apart', async () => {
    const zip = zipFiles(course);
    const a = await importPackage(new Blob([zip as Uint8Array<ArrayBuffer>]), { db: t.db });
    const b = await importPackage(new Blob([zip as Uint8Array<ArrayBuffer>]), { db: t.db });
    expect(a.id).to.not.equal(b.id);
    expect(a.manifestHash).to.equal(b.manifestHash);
    expect(await countFiles(t.db)).to.equal(2 * course.size);
  });
});
