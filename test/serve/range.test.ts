import { expect } from '@open-wc/testing';
import { parseRange } from '../../src/serve/range.js';

describe('parseRange (RFC 9110 §14)', () => {
  const rows: [string | null, number, ReturnType<typeof parseRange>][] = [
    [null, 100, { kind: 'none' }],
    ['bytes=0-', 100, { kind: 'range', start: 0, end: 99 }],
    ['bytes=10-19', 100, { kind: 'range', start: 10, end: 19 }],
    ['bytes=90-200', 100, { kind: 'range', start: 90, end: 99 }],
    ['bytes=-30', 100, { kind: 'range', start: 70, end: 99 }],
    ['bytes=-300', 100, { kind: 'range', start: 0, end: 99 }],
    ['bytes=-0', 100, { kind: 'unsatisfiable' }],
    ['bytes=100-', 100, { kind: 'unsatisfiable' }],
    ['bytes=0-', 0, { kind: 'unsatisfiable' }],
    ['bytes=20-10', 100, { kind: 'none' }],
    ['bytes=0-1,5-6', 100, { kind: 'none' }],
    ['items=0-1', 100, { kind: 'none' }],
    ['bytes=-', 100, { kind: 'none' }],
  ];
  for (const [header, size, expected] of rows)
    it(`${String(header)} of ${size} bytes → ${JSON.stringify(expected)}`, () => {
      expect(parseRange(header, size)).to.deep.equal(expected);
    });
});
