// CRC-32 under Node, where src/package/crc32.ts uses zlib's own: the same values as the one-table loop of
// test/package/hostile-zips.ts and as the slicing-by-8 tables browsers use, over every tail length and when
// continued over pieces.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomFillSync } from 'node:crypto';
import { crc32, crc32Tables } from '../../src/package/crc32.js';
import { plainCrc32 } from '../package/hostile-zips.js';

test('crc32 gives the check value of zip and agrees with the one-table loop and the tables', () => {
  assert.equal(crc32(new TextEncoder().encode('123456789')), 0xcbf43926);
  assert.equal(crc32(new Uint8Array(0)), 0);
  const bytes = randomFillSync(new Uint8Array(4099));
  for (const length of [1, 7, 8, 9, 63, 64, 65, 1000, 4099]) {
    const piece = bytes.subarray(bytes.length - length); // also at offsets not a multiple of 8
    assert.equal(crc32(piece), plainCrc32(piece), `length ${piece.length}`);
    assert.equal(crc32Tables(piece), plainCrc32(piece), `tables, length ${piece.length}`);
  }
});

test('crc32 goes on over data that comes in pieces', () => {
  const bytes = randomFillSync(new Uint8Array(10_000));
  const whole = plainCrc32(bytes);
  for (const cut of [0, 1, 4096, 9999]) {
    const head = bytes.subarray(0, cut);
    const tail = bytes.subarray(cut);
    assert.equal(crc32(tail, crc32(head)), whole, `cut at ${cut}`);
    assert.equal(crc32Tables(tail, crc32Tables(head)), whole, `tables, cut at ${cut}`);
  }
});
