// Both SCORM duration formats: table cases, and properties (every valid timeinterval round-trips).
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import {
  formatInterval,
  formatTimespan,
  isInterval,
  isTimespan,
  parseInterval,
  parseTimespan,
} from '../../src/util/duration.js';

describe('timeinterval (SCORM 2004)', () => {
  const cases: [string, number][] = [
    ['PT0H0M0S', 0],
    ['PT0S', 0],
    ['P0D', 0],
    ['PT1H2M3.5S', 3723.5],
    ['PT1.25S', 1.25],
    ['P1D', 86400],
    ['P1Y', 31536000],
    ['P1M', 2628029],
    ['PT1M', 60],
    ['P1Y2M3DT4H5M6.78S', 31536000 + 2 * 2628029 + 3 * 86400 + 4 * 3600 + 5 * 60 + 6.78],
    ['PT36H', 129600],
  ];
  for (const [v, s] of cases)
    it(`${v} is ${s} s`, () => {
      expect(isInterval(v)).to.equal(true);
      expect(parseInterval(v)).to.equal(s);
    });

  for (const v of [
    '',
    'P',
    'PT',
    'P1DT',
    'P1W',
    'PT1.234S',
    'PT-1S',
    '01:00:00',
    'T1H',
    'P1H',
    'PT1S ',
    'pt1s',
  ])
    it(`${JSON.stringify(v)} is not one`, () => {
      expect(isInterval(v)).to.equal(false);
      expect(parseInterval(v)).to.be.NaN;
    });

  it('formats seconds as hours, minutes and seconds', () => {
    expect(formatInterval(0)).to.equal('PT0H0M0S');
    expect(formatInterval(3723.5)).to.equal('PT1H2M3.5S');
    expect(formatInterval(0.005)).to.equal('PT0H0M0.01S');
    expect(formatInterval(86400 * 3 + 0.07)).to.equal('PT72H0M0.07S');
    expect(formatInterval(-5)).to.equal('PT0H0M0S');
  });

  const part = (unit: string) =>
    fc.option(
      fc.nat({ max: 99999 }).map((n) => `${n}${unit}`),
      { nil: '' },
    );
  const seconds = fc.option(
    fc
      .tuple(fc.nat({ max: 99999 }), fc.option(fc.stringMatching(/^\d{1,2}$/), { nil: '' }))
      .map(([s, f]) => `${s}${f ? '.' + f : ''}S`),
    { nil: '' },
  );
  const interval = fc
    .tuple(part('Y'), part('M'), part('D'), part('H'), part('M'), seconds)
    .filter(([y, mo, d, h, mi, s]) => !!(y || mo || d || h || mi || s))
    .map(([y, mo, d, h, mi, s]) => `P${y}${mo}${d}${h || mi || s ? `T${h}${mi}${s}` : ''}`);

  it('every valid timeinterval round-trips through seconds', () => {
    fc.assert(
      fc.property(interval, (v) => {
        expect(isInterval(v), v).to.equal(true);
        const s = parseInterval(v);
        const again = formatInterval(s);
        expect(isInterval(again), again).to.equal(true);
        expect(parseInterval(again)).to.equal(s);
        expect(formatInterval(parseInterval(again))).to.equal(again);
      }),
      { numRuns: 1000 },
    );
  });

  it('no string makes it throw', () => {
    fc.assert(
      fc.property(fc.string(), (v) => {
        const s = parseInterval(v);
        expect(Number.isNaN(s) || isInterval(v)).to.equal(true);
      }),
    );
  });
});

describe('CMITimespan (SCORM 1.2)', () => {
  const cases: [string, number][] = [
    ['0000:00:00', 0],
    ['00:00:00', 0],
    ['0001:02:03.5', 3723.5],
    ['12:30:05.25', 45005.25],
    ['9999:59:59.99', 35999999.99],
  ];
  for (const [v, s] of cases)
    it(`${v} is ${s} s`, () => {
      expect(isTimespan(v)).to.equal(true);
      expect(parseTimespan(v)).to.equal(s);
    });
  for (const v of ['', '1:00:00', '00000:00:00', '00:60:00', '00:00:60', '00:00:00.123', 'PT1S', '00:00'])
    it(`${JSON.stringify(v)} is not one`, () => expect(parseTimespan(v)).to.be.NaN);

  it('formats seconds with four hour digits, capped at 9999:59:59.99', () => {
    expect(formatTimespan(0)).to.equal('0000:00:00');
    expect(formatTimespan(3723.5)).to.equal('0001:02:03.5');
    expect(formatTimespan(5.25)).to.equal('0000:00:05.25');
    expect(formatTimespan(1e12)).to.equal('9999:59:59.99');
  });

  it('every timespan round-trips through seconds', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3599999999 }), (cs) => {
        const v = formatTimespan(cs / 100);
        expect(isTimespan(v), v).to.equal(true);
        expect(parseTimespan(v)).to.equal(cs / 100);
      }),
      { numRuns: 1000 },
    );
  });
});
