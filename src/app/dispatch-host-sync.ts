// Relay mode keeps the learner's course state in the host LMS too (issue 14). The dispatch view gives
// <scorm-player> a store wrapped here: every save goes to the real store and into a mirror of this learner's
// records, from which the state texts for the host's cmi.suspend_data are encoded when the view next posts
// to the shell. The shell says which text the host took; a refusal lowers the length this sync aims for.
// Before the player opens, adoptHostState() writes a newer host state into the store.
import {
  hostStateTexts,
  type HostAttemptRecord,
  type HostCourseRecord,
  type HostStateForm,
} from '../dispatch/host-state.js';
import { decideHostResume, type HostResumeDecision, type HostResumeInput } from '../dispatch/host-resume.js';
import type { StateTexts, StoredMessage } from '../dispatch/relay-protocol.js';
import type { StoredAttempt, StoredCourseProgress } from '../storage/db.js';
import type { LearnerSummary, ProgressStore } from '../storage/progress.js';

// The dispatch layer restates the stored shapes (it may not import storage); these two lines make the
// compiler check that both directions still fit.
const toHost = (c: StoredCourseProgress): HostCourseRecord => c;
const fromHost = (c: HostCourseRecord, courseKey: string, learnerId: string): StoredCourseProgress => ({
  ...c,
  courseKey,
  learnerId,
});

export interface HostSyncOptions {
  token: string;
  courseKey: string;
  learnerId: string;
  /** The host's suspend_data length (hello's `limit`). */
  limit: number;
  /** Called after every save of this learner's records (the view then posts, coalesced). */
  onChange: () => void;
  /** Called once the host holds less than the full state (or nothing). */
  onPartial: () => void;
}

export class HostSync {
  #course: StoredCourseProgress | undefined;
  readonly #attempts = new Map<string, StoredAttempt>();
  #limit: number;
  /** What was posted, oldest first, until the shell answers (postMessage keeps the order). */
  readonly #sent: { form: HostStateForm; state: number; fallback: number | undefined }[] = [];
  #partial = false;

  constructor(private readonly o: HostSyncOptions) {
    this.#limit = o.limit;
  }

  /** The length this sync aims for: the host's limit, lowered by what the host refused. */
  get limit(): number {
    return this.#limit;
  }

  /** Takes the learner's records as the store has them when the player opens. */
  async load(store: ProgressStore): Promise<void> {
    const { courseKey, learnerId } = this.o;
    const [course, attempts] = await Promise.all([
      store.loadCourse(courseKey, learnerId),
      store.loadAttempts(courseKey, learnerId),
    ]);
    this.#course = course;
    this.#attempts.clear();
    for (const a of attempts) this.#attempts.set(a.itemId, a);
  }

  /** The store to give the player: the same store, whose saves this sync sees. */
  wrap(store: ProgressStore): ProgressStore {
    const mine = (r: { courseKey: string; learnerId: string }): boolean =>
      r.courseKey === this.o.courseKey && r.learnerId === this.o.learnerId;
    const wrapped: ProgressStore = {
      loadAttempt: (c, l, i) => store.loadAttempt(c, l, i),
      loadGlobalObjectives: (l, scope) => store.loadGlobalObjectives(l, scope),
      loadAttempts: (c, l) => store.loadAttempts(c, l),
      loadCourse: (c, l) => store.loadCourse(c, l),
      listCourses: (c) => store.listCourses(c),
      listLearners: (c): Promise<LearnerSummary[]> => store.listLearners(c),
      save: (records) => {
        // Mirrored before the write resolves: at pagehide the exit message is posted in the same task.
        let changed = false;
        if (records.course && mine(records.course)) {
          this.#course = structuredClone(records.course);
          changed = true;
        }
        if (records.attempt && mine(records.attempt)) {
          this.#attempts.set(records.attempt.itemId, structuredClone(records.attempt));
          changed = true;
        }
        const write = store.save(records);
        if (changed) this.o.onChange();
        return write;
      },
      deleteProgress: async (c, l) => {
        await store.deleteProgress(c, l);
        if (c === this.o.courseKey && (l === undefined || l === this.o.learnerId)) {
          this.#course = undefined;
          this.#attempts.clear();
        }
      },
    };
    // The same records also reach save(), where they are mirrored.
    if (store.saveSync) wrapped.saveSync = (records, slot) => store.saveSync!(records, slot);
    return wrapped;
  }

  /** The texts for the host's suspend_data now, or undefined before the first course record. */
  texts(): StateTexts | undefined {
    const course = this.#course;
    if (!course) return undefined;
    const attempts: HostAttemptRecord[] = [...this.#attempts.values()].map((a) => ({
      itemId: a.itemId,
      state: a.state,
      updatedAt: a.updatedAt,
    }));
    const texts = hostStateTexts(this.o.token, { course: toHost(course), attempts }, this.#limit);
    if (!texts) {
      this.#setPartial();
      return undefined;
    }
    if (texts.form === 'essential') this.#setPartial();
    this.#sent.push({ form: texts.form, state: texts.state.length, fallback: texts.fallback?.length });
    return texts.fallback === undefined
      ? { state: texts.state }
      : { state: texts.state, fallback: texts.fallback };
  }

  /** The shell's answer to the oldest text posted. */
  stored(message: StoredMessage): void {
    const sent = this.#sent.shift();
    if (!sent || message.stored === 'state') return;
    this.#setPartial();
    // The host refused a text of this length: aim below it from now on (halving when nothing was taken).
    const refused =
      message.stored === 'fallback' ? sent.state : Math.min(sent.state, sent.fallback ?? Infinity);
    this.#limit = Math.min(
      this.#limit,
      message.stored === 'fallback' ? refused - 1 : Math.floor(refused / 2),
    );
    // Give the host the part it can take without waiting for the next save.
    this.o.onChange();
  }

  #setPartial(): void {
    if (this.#partial) return;
    this.#partial = true;
    this.o.onPartial();
  }
}

/**
 * Before the player opens: when the host's state is newer than this browser's (and made for this dispatch
 * and a version the learner can continue on), writes it into the store. Returns the decision.
 */
export async function adoptHostState(
  store: ProgressStore,
  keys: { courseKey: string; learnerId: string },
  input: Omit<HostResumeInput, 'local'>,
): Promise<HostResumeDecision> {
  const { courseKey, learnerId } = keys;
  const [course, attempts] = await Promise.all([
    store.loadCourse(courseKey, learnerId),
    store.loadAttempts(courseKey, learnerId),
  ]);
  const decision = decideHostResume({
    ...input,
    local: course ? { course: toHost(course), attempts } : { attempts },
  });
  if (decision.use !== 'host') return decision;
  if (decision.replace) await store.deleteProgress(courseKey, learnerId);
  const record = fromHost(decision.write.course, courseKey, learnerId);
  if (course?.learnerName !== undefined) record.learnerName = course.learnerName;
  await store.save({ course: record });
  for (const a of decision.write.attempts) await store.save({ attempt: { ...a, courseKey, learnerId } });
  return decision;
}
