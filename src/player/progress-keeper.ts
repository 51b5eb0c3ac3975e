// The progress keeper: what a learner's course session has stored and is storing. It owns the course
// record, each item's last attempt state, the adl.data shared stores and the learner's global objectives,
// and writes them through the ProgressStore the app chose: one transaction per Commit, Terminate or
// sequencing change, issued at once, never debounced (a closed tab loses nothing that was committed).
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
  private readonly saves = new Set<Promise<SaveResult>>();
  private pending:
    | { attempts: Map<string, StoredAttempt>; done: Promise<SaveResult>; resolve: (r: SaveResult) => void }
    | undefined;

  constructor(
    readonly store: ProgressStore,
    readonly courseKey: string,
    readonly learner: Learner,
    private readonly onFailure: (error: unknown) => void,
  ) {}

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
    if (!this.pending) {
      const attempts = new Map<string, StoredAttempt>();
      let resolve!: (result: SaveResult) => void;
      const done = new Promise<SaveResult>((r) => (resolve = r));
      this.pending = { attempts, done, resolve };
      queueMicrotask(() => this.flush());
    }
    if (attempt) this.pending.attempts.set(attempt.itemId, attempt);
    return { refusal: undefined, stored: this.pending.done };
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
    const course = this.courseRecords();
    const writes: SaveRecords[] = [...pending.attempts.values()].map((attempt) => ({ attempt }));
    if (course) {
      if (writes[0]) Object.assign(writes[0], course);
      else writes.push(course);
    }
    if (sync) this.store.saveSync?.(writes);
    const stored = Promise.all(writes.map((records) => this.store.save(records))).then(
      (): SaveResult => ({ ok: true }),
      (error: unknown): SaveResult => {
        this.onFailure(error);
        return { ok: false, diagnostic: error instanceof Error ? error.message : String(error) };
      },
    );
    this.saves.add(stored);
    void stored.finally(() => this.saves.delete(stored));
    void stored.then(pending.resolve);
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
