// The progress keeper: what a learner's course session has stored and is storing. It owns the course
// record, each item's last attempt state, the adl.data shared stores and the learner's global objectives,
// and writes them through the ProgressStore the app chose: one transaction per Commit, Terminate or
// sequencing change, issued at once, never debounced (a closed tab loses nothing that was committed).
// A save that fails is never silent: the keeper remembers why (`failure`, shown by the player with a Retry,
// and answered to the SCO's next Commit/Terminate as a refusal: "false", error 391), keeps every attempt
// state that did not reach the store and writes it again with the next save, and meanwhile parks it in the
// store's synchronous journal so that a reload loses nothing either.
import type { Manifest, Organization } from '../package/types.js';
import type { AttemptState, SharedDataStores } from '../runtime/types.js';
import type { GlobalObjectives, Navigator } from '../sequencing/navigator.js';
import type { StoredAttempt, StoredCourseProgress } from '../storage/db.js';
import type { ProgressStore, SaveRecords } from '../storage/progress.js';
import type { SaveResult, SaveTicket } from './content-session.js';

/** What the player keeps in StoredCourseProgress.sequencing (opaque to storage). */
interface SequencingRecord {
  organizationId: string;
  navigator: unknown;
}

/** Why a save failed, in words for the learner (the error's name kept for the diagnostic). */
export function describeSaveError(error: unknown): string {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  const message = error instanceof Error || error instanceof DOMException ? error.message : String(error);
  // IndexedDB 3.0 §5.7: a full quota aborts the transaction with QuotaExceededError; a database closed
  // under the page (storage cleared, version change elsewhere) fails requests with InvalidStateError.
  if (name === 'QuotaExceededError')
    return "the browser's storage for this site is full (QuotaExceededError)";
  if (name === 'InvalidStateError') return 'the browser closed the progress database (InvalidStateError)';
  if (name === 'BlockedError') return message;
  if (name === 'VersionError' || name === 'AbortError')
    return `the progress database could not be opened or was interrupted (${name}: ${message})`;
  return name ? `${name}: ${message}` : message;
}

/** One attempt waiting to be written, with the order it was made in (a newer one replaces it). */
interface QueuedAttempt {
  record: StoredAttempt;
  seq: number;
}

export interface Learner {
  id: string;
  name?: string;
}

/** Where a navigator's global objectives are stored for the learner. */
export function globalObjectiveScopeKey(scope: Navigator['globalObjectiveScope'], courseKey: string): string {
  return scope === 'system' ? 'system' : `course:${courseKey}`;
}

export class ProgressKeeper {
  /** The course record as last written (or as it will be written next). */
  record: StoredCourseProgress | undefined;
  /** Each item's last attempt state (for resume and total time). */
  readonly attempts = new Map<string, AttemptState>();
  /** adl.data shared stores by targetID (2004); the direct runtime writes into this object. */
  sharedData: SharedDataStores = {};
  private navigator: Navigator | undefined;
  private organization: Organization | undefined;
  /** Why saving fails now (for the learner and the SCO's diagnostic); undefined while saves succeed. */
  failure: string | undefined;
  private readonly saves = new Set<Promise<SaveResult>>();
  private pending:
    | { attempts: Map<string, QueuedAttempt>; done: Promise<SaveResult>; resolve: (r: SaveResult) => void }
    | undefined;
  /** Attempt states whose last write failed, by item: written again with the next save. */
  private readonly unsaved = new Map<string, QueuedAttempt>();
  private seq = 0;

  /**
   * @param onFailure a save failed (called for each failed save; `failure` says why)
   * @param onRecovered a save succeeded after failures, and nothing is left unsaved
   */
  constructor(
    readonly store: ProgressStore,
    readonly courseKey: string,
    readonly learner: Learner,
    private readonly onFailure: (error: unknown) => void,
    private readonly onRecovered: () => void = () => undefined,
  ) {}

  /** The journal slot where this learner's unsaved states wait while the store is failing. */
  private get journalSlot(): string {
    return `unsaved:${this.courseKey}:${this.learner.id}`;
  }

  /** Reads what is stored for this learner and course (before the organization is known). */
  async load(): Promise<void> {
    const [record, attempts] = await Promise.all([
      this.store.loadCourse(this.courseKey, this.learner.id),
      this.store.loadAttempts(this.courseKey, this.learner.id),
    ]);
    this.record = record;
    this.attempts.clear();
    for (const a of attempts) this.attempts.set(a.itemId, a.state);
    this.sharedData = { ...(record?.sharedData ?? {}) };
  }

  /** The organization the stored sequencing state belongs to, if any. */
  storedOrganizationId(): string | undefined {
    return (this.record?.sequencing as SequencingRecord | undefined)?.organizationId;
  }

  /** The stored navigator state for this organization, if it was saved for it. */
  storedNavigatorState(organization: Organization): unknown {
    const stored = this.record?.sequencing as SequencingRecord | undefined;
    return stored?.organizationId === organization.identifier ? stored.navigator : undefined;
  }

  /** The learner's global objectives in a navigator scope. */
  async loadGlobalObjectives(scope: Navigator['globalObjectiveScope']): Promise<GlobalObjectives> {
    const stored = await this.store.loadGlobalObjectives(
      this.learner.id,
      globalObjectiveScopeKey(scope, this.courseKey),
    );
    return stored?.objectives ?? {};
  }

  /** Starts keeping progress for a navigator's session; fills in a new course record. */
  begin(
    manifest: Manifest,
    organization: Organization,
    navigator: Navigator,
    courseVersion: StoredCourseProgress['courseVersion'] | undefined,
  ): StoredCourseProgress {
    this.navigator = navigator;
    this.organization = organization;
    const now = new Date().toISOString();
    this.record = {
      courseKey: this.courseKey,
      learnerId: this.learner.id,
      title: manifest.title,
      courseVersion: courseVersion ?? { url: '', manifestHash: '' },
      completionStatus: 'not attempted',
      successStatus: 'unknown',
      totalSeconds: 0,
      suspended: false,
      ended: false,
      startedAt: now,
      ...this.record,
      updatedAt: now,
    };
    if (this.learner.name) this.record.learnerName = this.learner.name;
    return this.record;
  }

  /** Total time in the course: the sum over items. */
  totalSeconds(): number {
    let total = 0;
    for (const a of this.attempts.values()) total += a.totalSeconds;
    return total;
  }

  /** Keeps an item's state and writes it with the course record. */
  saveAttempt(itemId: string, state: AttemptState): SaveTicket {
    this.attempts.set(itemId, state);
    return this.queue({
      courseKey: this.courseKey,
      learnerId: this.learner.id,
      itemId,
      state,
      updatedAt: new Date().toISOString(),
    });
  }

  /** Writes the course record (sequencing state, statuses, current item) alone. */
  saveCourse(currentItemId?: string): SaveTicket {
    if (currentItemId !== undefined && this.record) this.record.currentItemId = currentItemId;
    return this.queue(undefined);
  }

  /**
   * Writes again everything that is unsaved (the Retry of the player's notice), with the course record as
   * it is now. Resolves with the outcome.
   */
  retry(): Promise<SaveResult> {
    return this.queue(undefined).stored;
  }

  /** Resolves once every write issued so far has settled. */
  async whenSaved(): Promise<void> {
    while (this.saves.size || this.pending) {
      if (this.pending) await this.pending.done;
      await Promise.all([...this.saves]);
    }
  }

  /**
   * Writes issued in the same task go out as one transaction, at the end of that task (a microtask):
   * a SCO's last Terminate and the end of the sequencing session during pagehide must land together,
   * because a browser unloading the page may drop a transaction that was still waiting for another.
   */
  private queue(attempt: StoredAttempt | undefined): SaveTicket {
    let pending = this.pending;
    if (!pending) {
      const attempts = new Map<string, QueuedAttempt>();
      let resolve!: (result: SaveResult) => void;
      const done = new Promise<SaveResult>((r) => (resolve = r));
      pending = this.pending = { attempts, done, resolve };
      queueMicrotask(() => this.flush());
    }
    if (attempt) pending.attempts.set(attempt.itemId, { record: attempt, seq: ++this.seq });
    // RTE 3.1.7.6 Commit: while saves are failing, the SCO is told so ("false", 391) at once; its state is
    // kept and written with the next save that succeeds.
    const refusal =
      this.failure === undefined
        ? undefined
        : { diagnostic: `Your progress could not be saved: ${this.failure}` };
    return { refusal, stored: pending.done };
  }

  /**
   * The page is going away: issue what is queued now, and also through the store's synchronous journal
   * where it has one (a browser may drop an unload's asynchronous writes).
   */
  flushNow(): void {
    this.flush(true);
  }

  private flush(sync = false): void {
    const pending = this.pending;
    this.pending = undefined;
    if (!pending) return;
    // What failed before goes out again, unless a newer state of the same item is in this save.
    const attempts = new Map(this.unsaved);
    for (const [itemId, queued] of pending.attempts) attempts.set(itemId, queued);
    const course = this.courseRecords();
    const batches: { records: SaveRecords; attempt?: QueuedAttempt }[] = [...attempts.values()].map(
      (queued) => ({ records: { attempt: queued.record }, attempt: queued }),
    );
    if (course) {
      if (batches[0]) Object.assign(batches[0].records, course);
      else batches.push({ records: course });
    }
    const writes = batches.map((b) => b.records);
    if (sync) this.store.saveSync?.(writes);
    const stored = Promise.allSettled(writes.map((records) => this.store.save(records))).then(
      (outcomes): SaveResult => {
        let error: unknown;
        outcomes.forEach((outcome, i) => {
          const queued = batches[i]?.attempt;
          if (outcome.status === 'rejected') {
            error ??= outcome.reason;
            if (queued) this.keepUnsaved(queued);
          } else if (queued && (this.unsaved.get(queued.record.itemId)?.seq ?? Infinity) <= queued.seq)
            this.unsaved.delete(queued.record.itemId);
        });
        return error === undefined ? this.succeeded() : this.failed(error, course);
      },
    );
    this.saves.add(stored);
    void stored.finally(() => this.saves.delete(stored));
    void stored.then(pending.resolve);
  }

  private keepUnsaved(queued: QueuedAttempt): void {
    const known = this.unsaved.get(queued.record.itemId);
    if (!known || known.seq < queued.seq) this.unsaved.set(queued.record.itemId, queued);
  }

  private failed(error: unknown, course: SaveRecords | undefined): SaveResult {
    this.failure = describeSaveError(error);
    // Park what is unsaved in the synchronous journal (one slot, overwritten), so that a reload or a
    // closed tab does not lose it: the store moves it into the database when it is next opened.
    const records: SaveRecords[] = [...this.unsaved.values()].map((q) => ({ attempt: q.record }));
    if (course) records.push(course);
    this.store.saveSync?.(records, this.journalSlot);
    this.onFailure(error);
    return { ok: false, diagnostic: `Your progress could not be saved: ${this.failure}` };
  }

  private succeeded(): SaveResult {
    if (this.failure !== undefined && this.unsaved.size === 0) {
      this.failure = undefined;
      this.store.saveSync?.([], this.journalSlot);
      this.onRecovered();
    }
    return this.failure === undefined
      ? { ok: true }
      : { ok: false, diagnostic: `Your progress could not be saved: ${this.failure}` };
  }

  /** The course record and global objectives as they are now, or nothing before begin(). */
  private courseRecords(): SaveRecords | undefined {
    const navigator = this.navigator;
    const record = this.record;
    const organization = this.organization;
    if (!navigator || !record || !organization) return undefined;
    const root = navigator.status(organization.identifier);
    record.completionStatus = root.completion;
    record.successStatus = root.success;
    if (root.scoreScaled !== undefined) record.scoreScaled = root.scoreScaled;
    else delete record.scoreScaled;
    record.totalSeconds = this.totalSeconds();
    record.sequencing = {
      organizationId: organization.identifier,
      navigator: navigator.persist(),
    } satisfies SequencingRecord;
    record.sharedData = { ...this.sharedData };
    record.updatedAt = new Date().toISOString();
    return {
      course: { ...record },
      globalObjectives: {
        learnerId: this.learner.id,
        scope: globalObjectiveScopeKey(navigator.globalObjectiveScope, this.courseKey),
        objectives: navigator.globalObjectives(),
        updatedAt: record.updatedAt,
      },
    };
  }
}
