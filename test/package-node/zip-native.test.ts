// The native inflater under Node (src/package/zip-native.ts): Node's zlib takes bytes after a gzip member as a
// further member or ignores them, so an entry's data could bring its own gzip trailer; there raw deflate is
// inflated and the CRC-32 computed in JavaScript. The same hostile entries as in Chromium must be refused.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PackageError } from '../../src/package/index.js';
import { largePage } from '../package/hostile-zips.js';
import { honestLargeZip, hostileLargeEntries, readIndexHtml } from '../package/native-cases.js';

test('a large deflated entry is read natively, byte for byte', async () => {
  const page = largePage(512 * 1024);
  const { bytes, chunks } = await readIndexHtml(honestLargeZip(page));
  assert.equal(new TextDecoder().decode(bytes), page);
  assert.ok(chunks > 1, `${chunks} chunk(s): the native inflater was not used`);
});

for (const { what, zip, code, message } of hostileLargeEntries())
  test(`a large entry with ${what} is refused (${code}), naming it`, async () => {
    await assert.rejects(readIndexHtml(zip), (error: unknown) => {
      assert.ok(error instanceof PackageError);
      assert.equal(error.code, code);
      assert.equal(error.entry, 'index.html');
      if (message) assert.match(error.message, message);
      return true;
    });
  });
