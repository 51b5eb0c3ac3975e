import { expect } from '@open-wc/testing';
import { begunElsewhere, resumeSuspendData } from '../../src/dispatch/resume.js';

describe('resumed launches', () => {
  it('mark the host suspend_data with the dispatch and the manifest version', () => {
    expect(resumeSuspendData('tok1', 'abcdef0123456789ffff')).to.equal('dispatch:tok1:abcdef012345');
  });

  it('tell a learner who began in another browser, and nobody else', () => {
    const mark = resumeSuspendData('tok1', 'abcdef0123456789');
    expect(begunElsewhere('tok1', mark, false)).to.equal(true);
    expect(begunElsewhere('tok1', mark, true)).to.equal(false);
    expect(begunElsewhere('tok2', mark, false)).to.equal(false);
    expect(begunElsewhere('tok1', '', false)).to.equal(false);
    expect(begunElsewhere('tok1', undefined, false)).to.equal(false);
    expect(begunElsewhere('tok1', 'some other content data', false)).to.equal(false);
  });
});
