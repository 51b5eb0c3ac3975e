import { expect } from '@open-wc/testing';
import {
  evaluatePrerequisites,
  parsePrerequisites,
  PrerequisiteError,
} from '../../src/sequencing/prerequisites.js';
import type { LessonStatus } from '../../src/runtime/types.js';

const statuses: Record<string, LessonStatus> = {
  a: 'completed',
  b: 'passed',
  c: 'failed',
  d: 'incomplete',
  e: 'not attempted',
  f: 'browsed',
};
const statusOf = (id: string): LessonStatus | undefined => statuses[id];

// One row: script, expected result with the statuses above.
const rows: [string, boolean][] = [
  ['a', true],
  ['b', true],
  ['c', false],
  ['d', false],
  ['e', false],
  ['a & b', true],
  ['a & c', false],
  ['a | c', true],
  ['c | d', false],
  ['~c', true],
  ['~a', false],
  ['~(a & c)', true],
  ['(a & c) | b', true],
  ['(a & c) | d', false],
  ['a AND b', true],
  ['c OR a', true],
  ['NOT c', true],
  ['(module1 AND module2) OR c', true], // unknown identifiers count as met
  ['c = "failed"', true],
  ['c = "passed"', false],
  ['c <> "passed"', true],
  ['c # "failed"', false],
  ['d = incomplete', true],
  ['d = "i"', true],
  ['e = "not attempted"', true],
  ['f = "b"', true],
  ['2*{a,b,c}', true],
  ['3*{a,b,c}', false],
  ['1*{c,d}', false],
  ['a & ~c & (d | b)', true],
];

describe('prerequisites (AICC script subset)', () => {
  for (const [script, expected] of rows) {
    it(`${script} → ${expected}`, () => {
      const expr = parsePrerequisites(script);
      expect(expr).to.not.equal(undefined);
      expect(evaluatePrerequisites(expr!, statusOf)).to.equal(expected);
    });
  }
  it('an empty script has no expression', () => {
    expect(parsePrerequisites('  ')).to.equal(undefined);
  });
  for (const bad of ['a &', '(a', 'a = "nonsense"', 'a b', '"unclosed']) {
    it(`rejects ${bad}`, () => {
      expect(() => parsePrerequisites(bad)).to.throw(PrerequisiteError);
    });
  }
});
