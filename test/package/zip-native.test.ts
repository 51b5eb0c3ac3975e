import { expect } from '@open-wc/testing';
import { largePage } from './hostile-zips.js';
import { honestLargeZip, hostileLargeEntries, readIndexHtml } from './native-cases.js';
import { rejection } from './zip-fixtures.js';

describe('readZipEntryChunks: entries inflated by the native inflater are checked like every other', () => {
  it('reads a large deflated entry natively, byte for byte, as the chunks of the stream', async () => {
    const page = largePage(512 * 1024);
    const { bytes, chunks } = await readIndexHtml(honestLargeZip(page));
    expect(new TextDecoder().decode(bytes)).to.equal(page);
    // fflate returns one buffer; Chromium's DecompressionStream hands out its output in many chunks.
    expect(chunks).to.be.above(1);
  });

  for (const { what, zip, code, message } of hostileLargeEntries())
    it(`refuses a large entry with ${what} (${code}), naming it`, async () => {
      const error = await rejection(readIndexHtml(zip));
      expect(error.code).to.equal(code);
      expect(error.entry).to.equal('index.html');
      if (message) expect(error.message).to.match(message);
    });
});
