// Zips built at test time from the project's test courses (test/fixtures/, served from the project root), for
// the zip, storage, URL-opening and service-worker tests.
import { expect } from '@open-wc/testing';
import { zipSync, type Zippable } from 'fflate';
import { PackageError } from '../../src/package/index.js';

/** The SCORM 1.2 course of one SCO with a glossary asset (page, stylesheet, image): test/fixtures/README.md. */
export const FIXTURE_12 = '/test/fixtures/runtime-12/';
export const FIXTURE_12_ID = 'fixtures.runtime.12';

/**
 * Every file of a fixture package: the manifest and each file href it lists (the fixtures use no xml:base
 * where this is used).
 */
export async function fixtureFiles(folder = FIXTURE_12): Promise<Map<string, Uint8Array>> {
  const manifest = await fetchBytes(`${folder}imsmanifest.xml`);
  const text = new TextDecoder().decode(manifest);
  const hrefs = new Set([...text.matchAll(/<file href="([^"]+)"/g)].map((m) => m[1] as string));
  const paths = ['imsmanifest.xml', ...hrefs];
  const files = new Map<string, Uint8Array>();
  await Promise.all(paths.map(async (p) => files.set(p, await fetchBytes(folder + p))));
  return files;
}

export async function fetchBytes(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`fixture ${url}: ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

/** Zips files (deflated, except already-compressed images which are stored), optionally under a top folder. */
export function zipFiles(files: Map<string, Uint8Array>, topFolder = ''): Uint8Array {
  const zippable: Zippable = {};
  for (const [path, data] of files) {
    const stored = /\.(jpe?g|png|gif|mp3|mp4)$/i.test(path);
    zippable[topFolder ? `${topFolder}/${path}` : path] = [data, { level: stored ? 0 : 6 }];
  }
  return zipSync(zippable);
}

/** Zips raw entry names as given (for hostile names fflate will happily write). */
export function zipRaw(entries: Record<string, Uint8Array | string>, level: 0 | 6 | 9 = 6): Uint8Array {
  const zippable: Zippable = {};
  for (const [name, data] of Object.entries(entries))
    zippable[name] = [typeof data === 'string' ? new TextEncoder().encode(data) : data, { level }];
  return zipSync(zippable);
}

export const tinyManifest = `<?xml version="1.0"?>
<manifest identifier="tiny" xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
  <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>
  <organizations default="o"><organization identifier="o"><title>Tiny</title>
    <item identifier="i" identifierref="r"><title>Page</title></item></organization></organizations>
  <resources><resource identifier="r" type="webcontent" adlcp:scormtype="sco" href="index.html">
    <file href="index.html"/></resource></resources>
</manifest>`;

/** Awaits a promise that must reject with a PackageError, and returns the error. */
export async function rejection(promise: Promise<unknown>): Promise<PackageError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(PackageError);
    return error as PackageError;
  }
  throw new Error('expected a rejection');
}

/** SHA-256 of bytes as hex, computed here independently of src/package/zip-hash.ts. */
export async function sha256(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  return [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
}
