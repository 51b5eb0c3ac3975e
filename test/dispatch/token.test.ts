import { expect } from '@open-wc/testing';
import { generateToken, isValidToken } from '../../src/dispatch/token.js';

describe('tokens', () => {
  it('are random, URL-safe and of the asked length', () => {
    const tokens = new Set(Array.from({ length: 200 }, () => generateToken()));
    expect(tokens.size).to.equal(200);
    for (const t of tokens) {
      expect(t).to.match(/^[A-Za-z0-9]{16}$/);
      expect(isValidToken(t)).to.equal(true);
      expect(encodeURIComponent(t)).to.equal(t);
    }
    expect(generateToken(4)).to.have.length(4);
    expect(() => generateToken(3)).to.throw(RangeError);
  });

  it('use every letter about equally (no modulo bias)', () => {
    const counts = new Map<string, number>();
    const text = Array.from({ length: 400 }, () => generateToken(64)).join('');
    for (const c of text) counts.set(c, (counts.get(c) ?? 0) + 1);
    expect(counts.size).to.equal(62);
    const expected = text.length / 62;
    for (const n of counts.values()) expect(Math.abs(n - expected) / expected).to.be.below(0.25);
  });

  it('accept given tokens of 4-64 letters, digits, - and _', () => {
    expect(isValidToken('demo-Token_1')).to.equal(true);
    for (const bad of ['abc', 'a'.repeat(65), 'a b c', 'tök1', 'a/b1', '../x', ''])
      expect(isValidToken(bad), bad).to.equal(false);
  });
});
