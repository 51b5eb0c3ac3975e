import { expect } from '@open-wc/testing';
import { Coalescer, type Clock } from '../../src/dispatch/coalesce.js';

/** A clock the test moves by hand. */
function manualClock() {
  let now = 0;
  const timers: { at: number; fn: () => void }[] = [];
  const clock: Clock = {
    now: () => now,
    setTimeout: (fn, ms) => {
      const t = { at: now + ms, fn };
      timers.push(t);
      return t;
    },
    clearTimeout: (h) => {
      const i = timers.indexOf(h as (typeof timers)[number]);
      if (i >= 0) timers.splice(i, 1);
    },
  };
  const advance = (ms: number) => {
    now += ms;
    for (const t of timers.filter((x) => x.at <= now)) {
      timers.splice(timers.indexOf(t), 1);
      t.fn();
    }
  };
  return { clock, advance };
}

describe('Coalescer', () => {
  it('sends at most once a second, the first at once and the last always', () => {
    const { clock, advance } = manualClock();
    const sent: number[] = [];
    const c = new Coalescer<number>((v) => sent.push(v), 1000, clock);
    for (let i = 1; i <= 5; i++) {
      c.push(i);
      advance(100);
    }
    expect(sent).to.deep.equal([1]);
    advance(600);
    expect(sent).to.deep.equal([1, 5]);
    advance(5000);
    c.push(6);
    expect(sent).to.deep.equal([1, 5, 6]);
  });

  it('flushes the waiting value on demand, and cancel hands it back unsent', () => {
    const { clock, advance } = manualClock();
    const sent: string[] = [];
    const c = new Coalescer<string>((v) => sent.push(v), 1000, clock);
    c.push('a');
    c.push('b');
    expect(c.pending).to.equal(true);
    c.flush();
    expect(sent).to.deep.equal(['a', 'b']);
    c.push('c');
    expect(c.cancel()).to.equal('c');
    advance(2000);
    expect(sent).to.deep.equal(['a', 'b']);
  });
});
