import { expect } from '@open-wc/testing';
import { decideVersion, sameCourseUrl } from '../../src/dispatch/version-choice.js';

const v1 = { url: 'https://p.example.com/courses/demo/v1/imsmanifest.xml', manifestHash: 'aaa' };
const v2 = { url: 'https://p.example.com/courses/demo/v2/imsmanifest.xml', manifestHash: 'bbb' };

describe('decideVersion', () => {
  it('opens the current version for new learners, the same version, and finished attempts', () => {
    expect(decideVersion(undefined, v2, [])).to.deep.equal({ kind: 'open-current', reason: 'new' });
    expect(decideVersion({ courseVersion: { ...v2 }, ended: false }, v2, [])).to.deep.equal({
      kind: 'open-current',
      reason: 'same-version',
    });
    expect(decideVersion({ courseVersion: v1, ended: true }, v2, [v1.url])).to.deep.equal({
      kind: 'open-current',
      reason: 'attempt-ended',
    });
  });

  it('asks about an unfinished attempt on another version, offering it only while it is listed', () => {
    expect(
      decideVersion({ courseVersion: v1, ended: false }, v2, ['https://p.example.com/courses/demo/v1/']),
    ).to.deep.equal({
      kind: 'ask',
      started: v1,
      current: v2,
      canContinue: true,
    });
    expect(decideVersion({ courseVersion: v1, ended: false }, v2, [])).to.include({
      kind: 'ask',
      canContinue: false,
    });
    // Changed in place at the same URL: the old version is gone, even when listed.
    const inPlace = { url: v2.url, manifestHash: 'old' };
    expect(decideVersion({ courseVersion: inPlace, ended: false }, v2, [v2.url])).to.include({
      kind: 'ask',
      canContinue: false,
    });
  });

  it('treats a folder and its manifest as the same course URL', () => {
    expect(sameCourseUrl('https://x/c/', 'https://x/c/imsmanifest.xml')).to.equal(true);
    expect(sameCourseUrl('https://x/c/imsmanifest.xml?v=1', 'https://x/c/')).to.equal(true);
    expect(sameCourseUrl('https://x/c/', 'https://x/d/')).to.equal(false);
  });
});
