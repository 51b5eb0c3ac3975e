import { expect } from '@open-wc/testing';
import { judgeParent } from '../../src/dispatch/relay-client.js';

const entry = { course: 'c/', allowedOrigins: ['https://lms.example.com'] };

describe('judgeParent', () => {
  it('connects a listed origin when everything the browser says agrees', () => {
    expect(judgeParent(entry, 'https://lms.example.com', 'https://lms.example.com', {})).to.deep.equal({
      status: 'connected',
      origin: 'https://lms.example.com',
    });
    expect(
      judgeParent(entry, 'https://lms.example.com', 'https://lms.example.com', {
        ancestorOrigin: 'https://lms.example.com',
        referrer: 'https://lms.example.com/mod/scorm/shell/index.html?x=1',
      }).status,
    ).to.equal('connected');
  });

  it('refuses unlisted origins, and a hello whose origins disagree', () => {
    expect(judgeParent(entry, 'https://evil.example.com', 'https://lms.example.com', {})).to.deep.equal({
      status: 'refused',
      origin: 'https://evil.example.com',
      reason: 'origin-not-allowed',
    });
    expect(judgeParent(entry, 'https://lms.example.com', 'https://other.example.com', {}).status).to.equal(
      'refused',
    );
    expect(
      judgeParent(entry, 'https://lms.example.com', 'https://lms.example.com', {
        ancestorOrigin: 'https://evil.example.com',
      }),
    ).to.deep.include({ status: 'refused', reason: 'origin-mismatch' });
    expect(
      judgeParent(entry, 'https://lms.example.com', 'https://lms.example.com', {
        referrer: 'https://evil.example.com/x',
      }),
    ).to.deep.include({ status: 'refused', reason: 'origin-mismatch' });
    expect(
      judgeParent({ course: 'c/' }, 'https://lms.example.com', 'https://lms.example.com', {}).status,
    ).to.equal('refused');
    expect(judgeParent(entry, 'null', 'null', {}).status).to.equal('refused');
  });

  it('ignores an empty referrer (an LMS with Referrer-Policy: no-referrer)', () => {
    expect(
      judgeParent(entry, 'https://lms.example.com', 'https://lms.example.com', { referrer: '' }).status,
    ).to.equal('connected');
  });
});
