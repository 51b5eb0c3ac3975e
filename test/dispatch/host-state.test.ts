// The course state kept in the host's cmi.suspend_data: encoded and read back, bound to a dispatch and a
// course version, trimmed to its essential part when it does not fit, and safe against crafted texts.
import { expect } from '@open-wc/testing';
import { deflateSync, strToU8 } from 'fflate';
import {
  decodeHostState,
  encodeEssential,
  encodeFull,
  hostStateTexts,
  HostStateError,
  peekHostState,
  type HostAttemptRecord,
  type HostState,
} from '../../src/dispatch/host-state.js';
import type { AttemptState } from '../../src/runtime/types.js';

const HASH = 'ab12'.repeat(16);

/** Random text that does not compress (a SCO's own suspend_data, say). */
function noise(n: number): string {
  const bytes = crypto.getRandomValues(new Uint8Array(n));
  return [...bytes].map((b) => String.fromCharCode(33 + (b % 90))).join('');
}

function attempt(itemId: string, minute: number, extra: Partial<AttemptState> = {}): HostAttemptRecord {
  const state: AttemptState = {
    scormVersion: '2004',
    entry: 'resume',
    newAttempt: false,
    terminated: true,
    exit: 'suspend',
    totalTime: 'PT1M',
    totalSeconds: 60,
    sessionSeconds: 60,
    completionStatus: 'completed',
    successStatus: 'passed',
    location: `${itemId}-page-3`,
    suspendData: extra.suspendData ?? '',
    data: {
      values: {
        'cmi.location': `${itemId}-page-3`,
        'cmi.completion_status': 'completed',
        'cmi.success_status': 'passed',
        'cmi.suspend_data': extra.suspendData ?? '',
        'cmi.interactions.0.id': 'q1',
      },
      counts: { 'cmi.interactions': 1 },
    },
    ...extra,
  };
  return { itemId, state, updatedAt: `2026-03-01T10:${String(minute).padStart(2, '0')}:00.000Z` };
}

function courseState(attempts: HostAttemptRecord[]): HostState {
  return {
    course: {
      title: 'Tea',
      courseVersion: { url: 'https://p.example.com/demo/imsmanifest.xml', manifestHash: HASH },
      completionStatus: 'incomplete',
      successStatus: 'unknown',
      totalSeconds: 120,
      currentItemId: 'sco-2',
      suspended: true,
      ended: false,
      sequencing: { organizationId: 'org', navigator: { v: 1, suspended: 'sco-2', states: {} } },
      sharedData: { notes: 'shared' },
      startedAt: '2026-03-01T09:00:00.000Z',
      updatedAt: '2026-03-01T10:30:00.000Z',
    },
    attempts,
  };
}

describe('host state', () => {
  it('reads back what it wrote, with a header naming the form, dispatch, version and time', () => {
    const state = courseState([attempt('sco-1', 10), attempt('sco-2', 20)]);
    const text = encodeFull('tok-1234', state);
    expect(text).to.match(/^sp1\.f\.tok-1234\.ab12ab12ab12ab12\.[0-9a-z]+\.[A-Za-z0-9_-]+$/);
    expect(peekHostState(text)).to.deep.equal({
      form: 'full',
      token: 'tok-1234',
      hash16: 'ab12ab12ab12ab12',
      at: Date.parse('2026-03-01T10:30:00.000Z'),
    });
    const back = decodeHostState(text, 'tok-1234');
    expect(back.course).to.deep.equal(state.course);
    expect(back.attempts).to.deep.equal(state.attempts);
  });

  it("keeps in the essential part the places and statuses, not the SCOs' data", () => {
    const state = courseState([attempt('sco-1', 10, { suspendData: noise(3000) }), attempt('sco-2', 20)]);
    const text = encodeEssential('tok-1234', state, 4096)!;
    const back = decodeHostState(text, 'tok-1234');
    expect(back.form).to.equal('essential');
    expect(back.course.sequencing).to.deep.equal(state.course.sequencing);
    expect(back.course.sharedData).to.equal(undefined);
    expect(back.course.currentItemId).to.equal('sco-2');
    const one = back.attempts.find((a) => a.itemId === 'sco-1')!;
    expect(one.state.suspendData).to.equal('');
    expect(one.state.location).to.equal('sco-1-page-3');
    expect(one.state.data).to.deep.equal({
      values: {
        'cmi.location': 'sco-1-page-3',
        'cmi.completion_status': 'completed',
        'cmi.success_status': 'passed',
      },
      counts: {},
    });
  });

  it('chooses the full state when it fits and the essential part otherwise, newest items first', () => {
    const small = courseState([attempt('sco-1', 10)]);
    const fits = hostStateTexts('tok-1234', small, 4096)!;
    expect(fits.form).to.equal('full');
    expect(peekHostState(fits.fallback!)!.form).to.equal('essential');

    const big = courseState([attempt('sco-1', 10, { suspendData: noise(5000) }), attempt('sco-2', 20)]);
    const trimmed = hostStateTexts('tok-1234', big, 4096)!;
    expect(trimmed.form).to.equal('essential');
    expect(trimmed.fallback).to.equal(undefined);
    expect(trimmed.state.length).to.be.at.most(4096);

    // Many items and a small limit: the newest ones stay.
    const many = courseState(Array.from({ length: 60 }, (_, i) => attempt(`item-${i}`, i % 60)));
    const kept = decodeHostState(encodeEssential('tok-1234', many, 900)!, 'tok-1234');
    expect(kept.attempts.length).to.be.greaterThan(0).and.lessThan(60);
    expect(kept.attempts[0]!.itemId).to.equal('item-59');
  });

  it('refuses texts of another dispatch, texts that are not ours, and damaged ones', () => {
    const text = encodeFull('tok-1234', courseState([attempt('sco-1', 10)]));
    const problem = (t: string, token = 'tok-1234') => {
      try {
        decodeHostState(t, token);
      } catch (e) {
        return e instanceof HostStateError ? e.problem : 'other';
      }
      return 'none';
    };
    expect(problem(text, 'tok-9999')).to.equal('other-dispatch');
    expect(problem('page=3;score=80')).to.equal('not-ours');
    expect(problem(text.slice(0, -10))).to.equal('damaged');
    // A header whose version differs from the record's.
    expect(problem(text.replace('.ab12ab12ab12ab12.', '.0000000000000000.'))).to.equal('damaged');
    // A payload that parses but is not a course state.
    const json = (v: unknown) =>
      `sp1.f.tok-1234.ab12ab12ab12ab12.1.${btoa(
        String.fromCharCode(...deflateSync(strToU8(JSON.stringify(v)))),
      )
        .replace(/\+/g, '-')
        .replace(/\//g, '_')
        .replace(/=+$/, '')}`;
    expect(problem(json({ c: { title: 5 }, a: [] }))).to.equal('damaged');
  });

  it('stops inflating a crafted text at its limit', () => {
    // 8 MB of zeros deflate to a few KB: more than any course state, refused without inflating it all.
    const bomb = deflateSync(new Uint8Array(8 * 1024 * 1024), { level: 9 });
    const text = `sp1.f.tok-1234.ab12ab12ab12ab12.1.${btoa(String.fromCharCode(...bomb))
      .replace(/\+/g, '-')
      .replace(/\//g, '_')
      .replace(/=+$/, '')}`;
    expect(text.length).to.be.lessThan(64000);
    expect(() => decodeHostState(text, 'tok-1234')).to.throw(HostStateError, /limit/);
  });
});
