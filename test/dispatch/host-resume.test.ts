// Which state a relay launch resumes from: the host's or this browser's, whichever is newer, and never one of
// another dispatch or of a course version the learner cannot continue on.
import { expect } from '@open-wc/testing';
import { decideHostResume, type HostResumeInput } from '../../src/dispatch/host-resume.js';
import {
  encodeEssential,
  encodeFull,
  type HostAttemptRecord,
  type HostCourseRecord,
} from '../../src/dispatch/host-state.js';
import type { AttemptState } from '../../src/runtime/types.js';

const current = { url: 'https://p.example.com/tea/imsmanifest.xml', manifestHash: 'c'.repeat(64) };
const earlier = { url: 'https://p.example.com/tea-v1/imsmanifest.xml', manifestHash: 'e'.repeat(64) };

const course = (over: Partial<HostCourseRecord> = {}): HostCourseRecord => ({
  title: 'Tea',
  courseVersion: current,
  completionStatus: 'incomplete',
  successStatus: 'unknown',
  totalSeconds: 60,
  currentItemId: 'sco-2',
  suspended: true,
  ended: false,
  startedAt: '2026-03-01T09:00:00.000Z',
  updatedAt: '2026-03-01T10:00:00.000Z',
  ...over,
});

const attempt = (itemId: string, updatedAt: string, suspendData = ''): HostAttemptRecord => ({
  itemId,
  updatedAt,
  state: {
    scormVersion: '2004',
    entry: 'resume',
    newAttempt: false,
    terminated: true,
    exit: 'suspend',
    totalTime: 'PT1M',
    totalSeconds: 60,
    sessionSeconds: 60,
    completionStatus: 'completed',
    successStatus: 'unknown',
    location: 'p3',
    suspendData,
    data: { values: { 'cmi.location': 'p3', 'cmi.suspend_data': suspendData }, counts: {} },
  } satisfies AttemptState,
});

const input = (hostText: string | undefined, over: Partial<HostResumeInput> = {}): HostResumeInput => ({
  token: 'tok-1',
  hostText,
  hostEntry: 'resume',
  local: { attempts: [] },
  current,
  earlierVersions: [earlier.url],
  ...over,
});

describe('decideHostResume', () => {
  const host = encodeFull('tok-1', {
    course: course({ updatedAt: '2026-03-02T10:00:00.000Z' }),
    attempts: [attempt('sco-1', '2026-03-02T09:00:00.000Z', 'host data')],
  });

  it('resumes from the host when this browser has nothing', () => {
    const d = decideHostResume(input(host));
    expect(d.use).to.equal('host');
    if (d.use !== 'host') return;
    expect(d.replace).to.equal(true);
    expect(d.write.course.currentItemId).to.equal('sco-2');
    expect(d.write.attempts.map((a) => a.itemId)).to.deep.equal(['sco-1']);
  });

  it("keeps this browser's state when it is as new or newer", () => {
    const local = { course: course({ updatedAt: '2026-03-03T00:00:00.000Z' }), attempts: [] };
    expect(decideHostResume(input(host, { local }))).to.deep.equal({ use: 'local', reason: 'local-newer' });
  });

  it('ignores a state of another dispatch, of a version that is gone, or for a new host attempt', () => {
    expect(decideHostResume(input(host, { token: 'tok-2' }))).to.deep.equal({
      use: 'local',
      reason: 'other-dispatch',
    });
    const old = encodeFull('tok-1', {
      course: course({
        courseVersion: { url: 'https://p.example.com/retired/', manifestHash: 'f'.repeat(64) },
      }),
      attempts: [],
    });
    expect(decideHostResume(input(old))).to.deep.equal({ use: 'local', reason: 'other-version' });
    expect(decideHostResume(input(host, { hostEntry: 'ab-initio' }))).to.deep.equal({
      use: 'local',
      reason: 'new-host-attempt',
    });
    expect(decideHostResume(input('some content data'))).to.deep.equal({ use: 'local', reason: 'not-ours' });
    expect(decideHostResume(input(''))).to.deep.equal({ use: 'local', reason: 'no-host-state' });
  });

  it('takes a state of an earlier version still listed (the version choice then asks)', () => {
    const onEarlier = encodeFull('tok-1', { course: course({ courseVersion: earlier }), attempts: [] });
    expect(decideHostResume(input(onEarlier)).use).to.equal('host');
  });

  it("in the same attempt, keeps this browser's fuller record of an item the host has not seen change", () => {
    const localAttempt = attempt('sco-1', '2026-03-02T09:00:00.000Z', 'the SCO data this browser keeps');
    const local = {
      course: course({ updatedAt: '2026-03-01T12:00:00.000Z', sharedData: { notes: 'mine' } }),
      attempts: [localAttempt],
    };
    const essential = encodeEssential(
      'tok-1',
      {
        course: course({ updatedAt: '2026-03-02T10:00:00.000Z' }),
        attempts: [
          attempt('sco-1', '2026-03-02T09:00:00.000Z'),
          attempt('sco-2', '2026-03-02T10:00:00.000Z'),
        ],
      },
      4096,
    )!;
    const d = decideHostResume(input(essential, { local }));
    expect(d.use).to.equal('host');
    if (d.use !== 'host') return;
    expect(d.replace).to.equal(false);
    expect(d.write.attempts.map((a) => a.itemId)).to.deep.equal(['sco-2']);
    expect(d.write.course.sharedData).to.deep.equal({ notes: 'mine' });
  });
});
