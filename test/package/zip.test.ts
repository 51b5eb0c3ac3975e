import { expect } from '@open-wc/testing';
import { deflateSync, zipSync } from 'fflate';
import { PackageErrorCode, unzipPackage, readZipDirectory } from '../../src/package/index.js';
import { crc32 } from '../../src/package/crc32.js';
import { fixtureFiles, zipFiles, zipRaw, tinyManifest, rejection } from './zip-fixtures.js';
import {
  badCrcZip,
  honest,
  overInflatingZip,
  overlappingZip,
  plainCrc32,
  quotedOverlapZip,
  sharedStreamBomb,
  shortInflatingZip,
  writeZip,
  type ZipRecord,
} from './hostile-zips.js';

describe('unzipPackage', () => {
  let course: Map<string, Uint8Array>;
  before(async () => {
    course = await fixtureFiles();
  });

  it('unzips a fixture package with the manifest at the root, byte for byte', async () => {
    const result = await unzipPackage(zipFiles(course));
    expect(result.rootFolder).to.equal('');
    expect([...result.files.keys()].sort()).to.deep.equal([...course.keys()].sort());
    for (const [path, data] of course) expect(result.files.get(path), path).to.deep.equal(data);
    expect(result.manifestXml).to.deep.equal(course.get('imsmanifest.xml'));
  });

  it('strips a single top folder that holds the manifest, and ignores __MACOSX and folder entries', async () => {
    const zip = zipSync({
      'course/': new Uint8Array(),
      'course/imsmanifest.xml': course.get('imsmanifest.xml') as Uint8Array,
      'course/sco.html': course.get('sco.html') as Uint8Array,
      '__MACOSX/course/._imsmanifest.xml': new Uint8Array([1, 2, 3]),
    });
    const result = await unzipPackage(zip);
    expect(result.rootFolder).to.equal('course');
    expect([...result.files.keys()].sort()).to.deep.equal(['imsmanifest.xml', 'sco.html']);
  });

  it('strips the top folder of a whole real package', async () => {
    const result = await unzipPackage(zipFiles(course, 'Knots Course'));
    expect(result.rootFolder).to.equal('Knots Course');
    expect(result.files.size).to.equal(course.size);
    expect(result.files.get('sco.html')).to.deep.equal(course.get('sco.html'));
  });

  it('reports progress in bytes and files up to the totals', async () => {
    const seen: { bytes: number; totalBytes: number; files: number; totalFiles: number }[] = [];
    await unzipPackage(zipFiles(course), { onProgress: (p) => seen.push(p) });
    const total = [...course.values()].reduce((n, d) => n + d.length, 0);
    const last = seen.at(-1);
    expect(last).to.deep.equal({
      bytes: total,
      totalBytes: total,
      files: course.size,
      totalFiles: course.size,
    });
    expect(seen[0]?.bytes).to.equal(0);
    for (let i = 1; i < seen.length; i++) expect(seen[i]!.bytes).to.be.at.least(seen[i - 1]!.bytes);
  });

  it('stops with code aborted when the signal is aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const error = await rejection(unzipPackage(zipFiles(course), { signal: controller.signal }));
    expect(error.code).to.equal(PackageErrorCode.Aborted);
  });

  it('rejects a zip whose manifest is neither at the root nor in a single top folder', async () => {
    const two = zipRaw({ 'a/imsmanifest.xml': tinyManifest, 'b/index.html': 'x' });
    const error = await rejection(unzipPackage(two));
    expect(error.code).to.equal(PackageErrorCode.NoManifest);
    expect(error.message).to.contain("'a/imsmanifest.xml'");
    const deep = zipRaw({ 'a/b/imsmanifest.xml': tinyManifest });
    expect((await rejection(unzipPackage(deep))).code).to.equal(PackageErrorCode.NoManifest);
    expect((await rejection(unzipPackage(zipRaw({ 'index.html': 'x' })))).code).to.equal(
      PackageErrorCode.NoManifest,
    );
  });

  const hostile: [string, string, RegExp][] = [
    ['../evil.html', "climbs out of the package with '..'", /\.\./],
    ['course/../../evil.html', "climbs out of the package with '..'", /\.\./],
    ['/etc/passwd', 'it is an absolute path', /absolute/],
    ['C:/Windows/evil.dll', 'drive letter', /drive letter/],
    ['shared\\evil.js', 'backslash', /backslash/],
  ];
  for (const [name, why, pattern] of hostile) {
    it(`refuses the entry '${name}' (${why}) before inflating anything`, async () => {
      const zip = zipRaw({ 'imsmanifest.xml': tinyManifest, [name]: 'pwned' });
      const error = await rejection(unzipPackage(zip));
      expect(error.code).to.equal(PackageErrorCode.UnsafePath);
      expect(error.entry).to.equal(name);
      expect(error.message).to.contain(`'${name}'`).and.match(pattern);
    });
  }

  it('refuses a zip bomb entry by its compression ratio, naming the entry', async () => {
    const zeros = new Uint8Array(4 * 1024 * 1024);
    const zip = zipRaw({ 'imsmanifest.xml': tinyManifest, 'media/blank.bin': zeros }, 9);
    const error = await rejection(unzipPackage(zip));
    expect(error.code).to.equal(PackageErrorCode.CompressionRatio);
    expect(error.entry).to.equal('media/blank.bin');
    // The same archive passes with a looser, explicit limit.
    const ok = await unzipPackage(zip, { limits: { maxRatio: 5000 } });
    expect(ok.files.get('media/blank.bin')?.length).to.equal(zeros.length);
  });

  it('refuses too many entries and too many bytes, per the limits', async () => {
    const many: Record<string, string> = { 'imsmanifest.xml': tinyManifest };
    for (let i = 0; i < 20; i++) many[`f${i}.txt`] = `file ${i}`;
    const zip = zipRaw(many);
    expect((await rejection(unzipPackage(zip, { limits: { maxEntries: 10 } }))).code).to.equal(
      PackageErrorCode.TooManyEntries,
    );
    expect((await rejection(unzipPackage(zip, { limits: { maxTotalBytes: 500 } }))).code).to.equal(
      PackageErrorCode.TooLarge,
    );
    expect((await unzipPackage(zip, { limits: { maxEntries: 21 } })).files.size).to.equal(21);
  });

  it('reports a truncated zip as corrupt', async () => {
    const zip = zipFiles(course);
    for (const length of [zip.length - 1, Math.floor(zip.length / 2), 10, 0]) {
      const error = await rejection(unzipPackage(zip.slice(0, length)));
      expect(error.code, `truncated to ${length}`).to.equal(PackageErrorCode.Corrupt);
      expect(error.message).to.match(/not a zip archive|truncated/);
    }
  });

  it('reports damaged compressed data as corrupt, naming the entry', async () => {
    const text = 'All work and no play makes Jack a dull boy. '.repeat(2000);
    const zip = zipRaw({ 'imsmanifest.xml': tinyManifest, 'index.html': text });
    // The local header of index.html is the second one; damage the middle of its compressed data.
    const name = new TextEncoder().encode('index.html');
    let at = -1;
    for (let i = 0; i < zip.length - name.length && at < 0; i++)
      if (zip[i] === 0x50 && zip[i + 1] === 0x4b && zip[i + 2] === 3 && zip[i + 3] === 4)
        if (name.every((b, j) => zip[i + 30 + j] === b)) at = i + 30 + name.length;
    expect(at).to.be.greaterThan(0);
    zip.fill(0xff, at + 20, at + 60);
    const error = await rejection(unzipPackage(zip));
    expect(error.code).to.equal(PackageErrorCode.Corrupt);
    expect(error.entry).to.equal('index.html');
    expect(error.message).to.contain("'index.html'");
  });

  it('reports a damaged local header as corrupt, naming the entry', async () => {
    const zip = zipRaw({ 'imsmanifest.xml': tinyManifest, 'index.html': '<p>hello</p>' });
    const dir = readZipDirectory(zip);
    const html = dir.entries.find((e) => e.path === 'index.html')!;
    // The local header starts 30 + name length bytes before the data (no extra field from fflate).
    zip[html.dataOffset - 30 - 'index.html'.length] = 0;
    const error = await rejection(unzipPackage(zip));
    expect(error.code).to.equal(PackageErrorCode.Corrupt);
    expect(error.entry).to.equal('index.html');
  });

  it('refuses an encrypted entry as unsupported, naming it', async () => {
    const zip = zipRaw({ 'imsmanifest.xml': tinyManifest, 'secret.html': '<p>hidden</p>' });
    // Set bit 0 (encrypted) of the general purpose flags in secret.html's central directory record.
    const name = new TextEncoder().encode('secret.html');
    for (let i = 0; i < zip.length - 46; i++)
      if (zip[i] === 0x50 && zip[i + 1] === 0x4b && zip[i + 2] === 1 && zip[i + 3] === 2)
        if (name.every((b, j) => zip[i + 46 + j] === b)) zip[i + 8]! |= 1;
    const error = await rejection(unzipPackage(zip));
    expect(error.code).to.equal(PackageErrorCode.UnsupportedEntry);
    expect(error.entry).to.equal('secret.html');
    expect(error.message).to.contain('encrypted');
  });

  it('reads stored entries as views into the archive, without copying', async () => {
    const png = course.get('images/rope.png')!;
    const zip = zipFiles(
      new Map([
        ['imsmanifest.xml', course.get('imsmanifest.xml')!],
        ['images/rope.png', png],
      ]),
    );
    const result = await unzipPackage(zip);
    const data = result.files.get('images/rope.png')!;
    expect(data.buffer).to.equal(zip.buffer);
    expect(data).to.deep.equal(png);
  });

  it('reports bytes that are not a zip at all as corrupt', async () => {
    const error = await rejection(
      unzipPackage(new TextEncoder().encode('<html>not a zip</html>'.repeat(10))),
    );
    expect(error.code).to.equal(PackageErrorCode.Corrupt);
  });

  it('refuses two entries with the same path', async () => {
    const zip = zipRaw({ 'imsmanifest.xml': tinyManifest, 'a/x.html': '1', 'a/./x.html': '2' });
    const error = await rejection(unzipPackage(zip));
    expect(error.code).to.equal(PackageErrorCode.DuplicateEntry);
  });

  it('lists the directory without inflating: sizes and compression per entry', () => {
    const zip = zipFiles(course);
    const dir = readZipDirectory(zip);
    expect(dir.entries.length).to.equal(course.size);
    const png = dir.entries.find((e) => e.path === 'images/rope.png');
    expect(png?.compression).to.equal(0);
    const html = dir.entries.find((e) => e.path === 'sco.html');
    expect(html?.compression).to.equal(8);
    expect(html?.size).to.equal(course.get('sco.html')?.length);
  });
});

describe('zip entries are checked, not trusted', () => {
  it('computes CRC-32 as zip does (check value, and every tail length of the 8-byte loop)', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).to.equal(0xcbf43926);
    expect(crc32(new Uint8Array(0))).to.equal(0);
    const bytes = crypto.getRandomValues(new Uint8Array(1000));
    for (const length of [1, 7, 8, 9, 63, 64, 65, 1000])
      expect(crc32(bytes.subarray(0, length)), `length ${length}`).to.equal(
        plainCrc32(bytes.subarray(0, length)),
      );
  });

  it('refuses an entry whose CRC-32 does not match the directory, naming it', async () => {
    const error = await rejection(unzipPackage(badCrcZip()));
    expect(error.code).to.equal(PackageErrorCode.ChecksumMismatch);
    expect(error.entry).to.equal('index.html');
  });

  it('refuses a stored entry whose bytes were altered after zipping', async () => {
    const zip = zipRaw({ 'imsmanifest.xml': tinyManifest, 'index.html': '<p>hello</p>' }, 0);
    const html = readZipDirectory(zip).entries.find((e) => e.path === 'index.html')!;
    zip[html.dataOffset + 3]! ^= 0x20;
    const error = await rejection(unzipPackage(zip));
    expect(error.code).to.equal(PackageErrorCode.ChecksumMismatch);
    expect(error.entry).to.equal('index.html');
  });

  it('stops inflating an entry that passes its declared size (256 MiB of zeros declared as 1 000 bytes)', async () => {
    const zip = overInflatingZip(256 * 1024 * 1024);
    const error = await rejection(unzipPackage(zip));
    expect(error.code).to.equal(PackageErrorCode.SizeMismatch);
    expect(error.entry).to.equal('index.html');
    expect(error.message).to.contain('stopped');
  });

  it('refuses an entry that inflates to fewer bytes than declared', async () => {
    const error = await rejection(unzipPackage(shortInflatingZip()));
    expect(error.code).to.equal(PackageErrorCode.SizeMismatch);
    expect(error.entry).to.equal('index.html');
  });

  it('refuses entries that share bytes: one local header twice, or a header quoted inside another entry', async () => {
    for (const zip of [overlappingZip(), quotedOverlapZip()]) {
      const error = await rejection(unzipPackage(zip));
      expect(error.code).to.equal(PackageErrorCode.OverlappingEntries);
      expect(() => readZipDirectory(zip)).to.throw(/share bytes/);
    }
  });

  it('refuses the 261 KB shared-stream bomb from its directory, before inflating anything', async () => {
    const bomb = sharedStreamBomb();
    expect(bomb.length).to.be.within(255_000, 270_000);
    const error = await rejection(unzipPackage(bomb));
    expect(error.code).to.equal(PackageErrorCode.OverlappingEntries);
  });

  describe('a deflated entry made only of stored blocks (incompressible media), copied out without inflating', () => {
    const media = new Uint8Array(300_000);
    for (let i = 0; i < media.length; i += 65536) crypto.getRandomValues(media.subarray(i, i + 65536));
    const record = (overrides: Partial<ZipRecord> = {}): ZipRecord => ({
      name: 'media.bin',
      method: 8,
      payload: deflateSync(media, { level: 0 }),
      size: media.length,
      crc: plainCrc32(media),
      ...overrides,
    });
    const zipWith = (r: ZipRecord): Uint8Array => writeZip([honest('imsmanifest.xml', tinyManifest), r]);

    it('reads it byte for byte', async () => {
      expect(record().payload[0]! & 0b110, 'BTYPE of the first block').to.equal(0);
      const result = await unzipPackage(zipWith(record()));
      expect(result.files.get('media.bin')).to.deep.equal(media);
    });

    it('refuses it when its blocks hold more than declared, before copying them', async () => {
      const error = await rejection(unzipPackage(zipWith(record({ size: media.length - 1 }))));
      expect(error.code).to.equal(PackageErrorCode.SizeMismatch);
      expect(error.message).to.contain('stopped');
    });

    it('refuses it when its blocks hold fewer bytes than declared', async () => {
      const error = await rejection(unzipPackage(zipWith(record({ size: media.length + 1 }))));
      expect(error.code).to.equal(PackageErrorCode.SizeMismatch);
    });

    it('refuses it when a byte was altered', async () => {
      const payload = record().payload.slice();
      payload[1000]! ^= 1;
      const error = await rejection(unzipPackage(zipWith(record({ payload }))));
      expect(error.code).to.equal(PackageErrorCode.ChecksumMismatch);
      expect(error.entry).to.equal('media.bin');
    });
  });

  it('still reads honest entries written by the same hand-made writer', async () => {
    const zip = writeZip([honest('imsmanifest.xml', tinyManifest), honest('index.html', 'x'.repeat(50_000))]);
    const result = await unzipPackage(zip);
    expect(result.files.get('index.html')?.length).to.equal(50_000);
  });
});
