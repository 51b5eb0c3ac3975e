import { expect } from '@open-wc/testing';
import {
  courseUrlKind,
  openCourseUrl,
  PackageErrorCode,
  type DownloadProgress,
  type DownloadedZip,
  type OpenedManifest,
} from '../../src/package/index.js';
import { importPackage } from '../../src/storage/importer.js';
import { freshDb } from '../storage/import-fixtures.js';
import { FIXTURE_12, FIXTURE_12_ID, fetchBytes, rejection, sha256 } from './zip-fixtures.js';

const fixtureFolder = new URL(FIXTURE_12, location.href).href;

describe('openCourseUrl', () => {
  it('tells zips, manifests and folders apart by the path', () => {
    expect(courseUrlKind(new URL('https://cdn.example/c/course.ZIP?v=2'))).to.equal('zip');
    expect(courseUrlKind(new URL('https://cdn.example/c/imsmanifest.xml#x'))).to.equal('manifest');
    expect(courseUrlKind(new URL('https://cdn.example/c/golf'))).to.equal('folder');
    expect(courseUrlKind(new URL('https://cdn.example/c/golf/'))).to.equal('folder');
  });

  for (const [label, course] of [
    ['a folder with a trailing slash', FIXTURE_12],
    ['a folder without one', FIXTURE_12.slice(0, -1)],
    ['the manifest itself', `${FIXTURE_12}imsmanifest.xml`],
  ] as const) {
    it(`opens ${label}: parses the manifest, with the folder as base URL`, async () => {
      const opened = (await openCourseUrl(course, { base: location.href })) as OpenedManifest;
      expect(opened.kind).to.equal('manifest');
      expect(opened.manifest.identifier).to.equal(FIXTURE_12_ID);
      expect(opened.manifestUrl).to.equal(`${fixtureFolder}imsmanifest.xml`);
      expect(opened.baseUrl).to.equal(fixtureFolder);
      expect(opened.source).to.equal(new URL(course, location.href).href);
      expect(opened.manifestHash).to.equal(await sha256(await fetchBytes(`${FIXTURE_12}imsmanifest.xml`)));
      // Content comes straight from that host: the launch URL resolves against the base URL.
      const launch = opened.manifest.defaultOrganization.items[0]?.launchUrl;
      expect(launch).to.equal('sco.html?pages=4&score=90&title=Knots%20Explained');
      const page = await fetch(new URL(launch!, opened.baseUrl));
      expect(page.status).to.equal(200);
    });
  }

  it('names the URL on an HTTP error, and hints at the folder for a missing manifest', async () => {
    const error = await rejection(openCourseUrl('/test/fixtures/no-such-course/', { base: location.href }));
    expect(error.code).to.equal(PackageErrorCode.HttpStatus);
    expect(error.url).to.equal(new URL('/test/fixtures/no-such-course/imsmanifest.xml', location.href).href);
    expect(error.message).to.contain(error.url).and.contain('404');
  });

  it('reports a network failure clearly, naming the URL', async () => {
    const url = 'http://127.0.0.1:9/course/imsmanifest.xml';
    const error = await rejection(openCourseUrl(url));
    expect(error.code).to.equal(PackageErrorCode.Network);
    expect(error.url).to.equal(url);
    expect(error.message).to.contain(url).and.contain('CORS');
  });

  it('reports a CORS refusal (another origin without Access-Control-Allow-Origin) clearly', async () => {
    const other = new URL(location.href);
    other.hostname = other.hostname === '127.0.0.1' ? 'localhost' : '127.0.0.1';
    const url = new URL(`${FIXTURE_12}imsmanifest.xml`, other).href;
    const error = await rejection(openCourseUrl(url));
    expect(error.code).to.equal(PackageErrorCode.Network);
    expect(error.message).to.contain(url).and.contain('Access-Control-Allow-Origin');
  });

  it('rejects an invalid manifest with its URL and the parser message', async () => {
    const url = new URL('/test/fixtures/manifests/malformed-xml-12.xml', location.href).href;
    const error = await rejection(openCourseUrl(url));
    expect(error.code).to.equal(PackageErrorCode.InvalidManifest);
    expect(error.message).to.contain(url);
    expect((error.cause as Error).name).to.equal('ManifestError');
  });

  for (const route of ['zips', 'zips-chunked']) {
    it(`downloads a zip with progress (${route}) and hands it to the importer`, async () => {
      const seen: DownloadProgress[] = [];
      const url = `/sw-test/${route}/runtime-12.zip`;
      const zip = (await openCourseUrl(url, {
        base: location.href,
        onProgress: (p) => seen.push(p),
      })) as DownloadedZip;
      expect(zip.kind).to.equal('zip');
      expect(zip.url).to.equal(new URL(url, location.href).href);
      expect([...zip.bytes.subarray(0, 4)]).to.deep.equal([0x50, 0x4b, 3, 4]);
      expect(seen.length).to.be.at.least(2);
      expect(seen.at(-1)?.bytes).to.equal(zip.bytes.length);
      if (route === 'zips') expect(seen.every((p) => p.totalBytes === zip.bytes.length)).to.equal(true);
      for (let i = 1; i < seen.length; i++) expect(seen[i]!.bytes).to.be.greaterThan(seen[i - 1]!.bytes);

      const t = await freshDb('test-open-url');
      try {
        const record = await importPackage(zip.bytes.slice().buffer, { db: t.db, source: zip.source });
        expect(record.manifestIdentifier).to.equal(FIXTURE_12_ID);
        // imsmanifest.xml, sco.html, sco.js and the glossary's page, stylesheet and image.
        expect(record.fileCount).to.equal(6);
      } finally {
        await t.remove();
      }
    });
  }

  it('cancels a download with the signal', async () => {
    const controller = new AbortController();
    const promise = openCourseUrl('/sw-test/zips-chunked/runtime-12.zip', {
      base: location.href,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.bytes > 0) controller.abort();
      },
    });
    const error = await rejection(promise);
    expect(error.code).to.equal(PackageErrorCode.Aborted);
  });

  it('refuses a zip larger than maxBytes', async () => {
    const error = await rejection(
      openCourseUrl('/sw-test/zips/runtime-12.zip', {
        base: location.href,
        maxBytes: 1000,
      }),
    );
    expect(error.code).to.equal(PackageErrorCode.TooLarge);
  });
});
