import { expect } from '@open-wc/testing';
import { LaunchResults, type ProgressLike } from '../../src/dispatch/launch-results.js';
import {
  isReport,
  progressMessage,
  exitMessage,
  sanitizeResults,
} from '../../src/dispatch/relay-protocol.js';

const p = (over: Partial<ProgressLike>): ProgressLike => ({
  itemId: 'a',
  completion: 'incomplete',
  success: 'unknown',
  sessionSeconds: 0,
  totalSeconds: 0,
  terminated: false,
  ...over,
});

describe('LaunchResults', () => {
  it('adds up SCO sessions of this launch, counting each once', () => {
    const r = new LaunchResults();
    expect(r.results()).to.deep.equal({
      completion: 'not attempted',
      success: 'unknown',
      sessionSeconds: 0,
    });
    r.update(p({ itemId: 'a', sessionSeconds: 10 }));
    r.update(p({ itemId: 'a', sessionSeconds: 30 })); // a later Commit of the same session
    expect(r.sessionSeconds).to.equal(30);
    r.update(p({ itemId: 'a', sessionSeconds: 40, terminated: true }));
    r.update(p({ itemId: 'b', sessionSeconds: 5 }));
    expect(r.sessionSeconds).to.equal(45);
    r.update(p({ itemId: 'a', sessionSeconds: 7 })); // a second session of a
    const out = r.update(
      p({ itemId: 'b', sessionSeconds: 6, completion: 'completed', success: 'passed', scoreScaled: 0.8 }),
    );
    expect(out).to.deep.equal({
      completion: 'completed',
      success: 'passed',
      scoreScaled: 0.8,
      sessionSeconds: 53,
      location: 'b',
    });
  });
});

describe('relay messages', () => {
  it('are built in the shape the shell accepts, with values brought into range', () => {
    const results = {
      completion: 'completed',
      success: 'passed',
      sessionSeconds: -3,
      scoreScaled: 1.5,
      progressMeasure: NaN,
      location: 'x'.repeat(300),
    } as const;
    expect(sanitizeResults(results)).to.deep.equal({
      completion: 'completed',
      success: 'passed',
      sessionSeconds: 0,
      scoreScaled: 1,
    });
    expect(isReport(progressMessage('tok1', results), 'tok1')).to.equal(true);
    expect(isReport(exitMessage('tok1', results, true), 'tok1')).to.equal(true);
    expect(isReport(exitMessage('tok1', results, true), 'tok2')).to.equal(false);
    expect(isReport({ ...progressMessage('tok1', results), success: 'great' }, 'tok1')).to.equal(false);
    expect(isReport({ ...progressMessage('tok1', results), scoreRaw: Infinity }, 'tok1')).to.equal(false);
  });
});
