import { expect } from '@open-wc/testing';
import {
  courseUrls,
  entryProblem,
  isAllowedOrigin,
  lookupDispatch,
  parseRegistry,
  registryEntryJson,
} from '../../src/dispatch/registry.js';
import { DispatchError } from '../../src/dispatch/dispatch-error.js';
import { dispatchCourseKey, userIdProblem } from '../../src/dispatch/user-id.js';

const now = new Date('2026-06-01T00:00:00Z');
const registry = parseRegistry(
  JSON.stringify({
    ok: { course: 'courses/demo/' },
    off: { course: 'c/', enabled: false },
    old: { course: 'c/', expires: '2026-05-31T23:59:59Z' },
    later: { course: 'c/', expires: '2026-06-01T00:00:01Z' },
    broken: { title: 'no course' },
    badDate: { course: 'c/', expires: 'soon' },
  }),
);

describe('dispatch registry', () => {
  it('finds usable tokens and says why others cannot be used', () => {
    expect(lookupDispatch(registry, 'ok', now)).to.deep.equal({
      ok: true,
      token: 'ok',
      entry: { course: 'courses/demo/' },
    });
    expect(lookupDispatch(registry, 'later', now).ok).to.equal(true);
    expect(lookupDispatch(registry, 'nope', now)).to.deep.equal({ ok: false, reason: 'unknown' });
    expect(lookupDispatch(registry, 'toString', now)).to.deep.equal({ ok: false, reason: 'unknown' });
    expect(lookupDispatch(registry, 'off', now)).to.include({ ok: false, reason: 'disabled' });
    expect(lookupDispatch(registry, 'old', now)).to.include({ ok: false, reason: 'expired' });
    expect(lookupDispatch(registry, 'broken', now)).to.include({ ok: false, reason: 'invalid' });
    expect(lookupDispatch(registry, 'badDate', now)).to.include({ ok: false, reason: 'invalid' });
  });

  it('refuses a registry that is not a JSON object', () => {
    for (const text of ['[]', 'null', '{', '"x"'])
      expect(() => parseRegistry(text), text).to.throw(DispatchError);
    expect(entryProblem({ course: 'c', allowedOrigins: 'https://x' })).to.contain('allowedOrigins');
    expect(entryProblem({ course: 'c', versions: ['a', 1] })).to.contain('versions');
  });

  it('resolves course URLs against dispatches.json', () => {
    const urls = courseUrls(
      { course: 'courses/demo/v2/', versions: ['courses/demo/v1/', 'https://cdn.example.com/v0.zip'] },
      'https://p.example.com/app/dispatches.json',
    );
    expect(urls).to.deep.equal({
      current: 'https://p.example.com/app/courses/demo/v2/',
      versions: ['https://p.example.com/app/courses/demo/v1/', 'https://cdn.example.com/v0.zip'],
    });
  });

  it('compares origins in their serialized form', () => {
    const entry = {
      course: 'c',
      allowedOrigins: ['https://LMS.example.com:443/path', 'http://localhost:8080'],
    };
    expect(isAllowedOrigin(entry, 'https://lms.example.com')).to.equal(true);
    expect(isAllowedOrigin(entry, 'http://localhost:8080')).to.equal(true);
    expect(isAllowedOrigin(entry, 'http://lms.example.com')).to.equal(false);
    expect(isAllowedOrigin(entry, 'https://lms.example.com.evil.com')).to.equal(false);
    expect(isAllowedOrigin(entry, 'null')).to.equal(false);
    expect(isAllowedOrigin({ course: 'c' }, 'https://lms.example.com')).to.equal(false);
  });

  it('writes the entry to add for a new shell', () => {
    expect(
      JSON.parse(
        registryEntryJson('tok1', {
          course: 'c/',
          title: 'T',
          allowedOrigins: ['https://lms.example.com/x'],
        }),
      ),
    ).to.deep.equal({
      tok1: { course: 'c/', title: 'T', enabled: true, allowedOrigins: ['https://lms.example.com'] },
    });
  });
});

describe('dispatch user ids', () => {
  it('accepts LMS ids and refuses empty, over-long and control-character ids', () => {
    expect(userIdProblem('12345')).to.equal(undefined);
    expect(userIdProblem('jane.doe@example.com')).to.equal(undefined);
    expect(userIdProblem('urn:lms:élève/42')).to.equal(undefined);
    expect(userIdProblem('x'.repeat(4000))).to.equal(undefined);
    expect(userIdProblem(undefined)).to.equal('empty');
    expect(userIdProblem('')).to.equal('empty');
    expect(userIdProblem('   ')).to.equal('empty');
    expect(userIdProblem('x'.repeat(4001))).to.equal('too-long');
    expect(userIdProblem('a\u0000b')).to.equal('control-characters');
    expect(userIdProblem('a\nb')).to.equal('control-characters');
    expect(userIdProblem('a\u0085b')).to.equal('control-characters');
  });

  it('keeps progress per dispatch', () => {
    expect(dispatchCourseKey('tok1')).to.equal('dispatch:tok1');
  });
});
