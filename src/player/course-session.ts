// The session controller: one learner's sequencing session in one organization. It runs the overall
// sequencing loop (SN OP.1) on the Navigator it is given, one request at a time: it ends the running
// content's session first (TB.2.3 needs the SCO's last report), asks the navigator, and delivers
// (DB.2) through the ContentLauncher. What the content commits goes to the navigator (run-time → tracking
// data, sequencing.md §5.2) and to the progress keeper; what it needs at delivery comes from the
// navigator (§5.1). The element renders what this controller says.
import { msg, str } from '../i18n/msg.js';
import type { Item, Manifest, Organization } from '../package/types.js';
import type { AttemptState, NavRequestFromContent, SharedDataStores } from '../runtime/types.js';
import {
  navigationValidity,
  type NavigationSnapshot,
  type NavRequest,
  type Navigator,
  type SessionEndReason,
} from '../sequencing/navigator.js';
import type {
  ContentEvents,
  ContentLauncher,
  ContentSession,
  ContentStage,
  SaveTicket,
} from './content-session.js';
import type { CourseSummary, ProgressDetail } from './events.js';
import { launchValues } from './launch-options.js';
import type { ProgressKeeper } from './progress-keeper.js';

export type SessionPhase = 'waiting' | 'playing' | 'idle' | 'ended' | 'error';

/** What the controller needs of the element that shows it. */
export interface CourseSessionHost {
  /** Where to deliver: the stage once rendered (awaits the element's update), or the content's window. */
  stage(): Promise<ContentStage>;
  /** Something shown changed (phase, snapshot, current item). */
  changed(): void;
  /** A message for screen readers (and the idle panel). */
  announce(text: string): void;
  itemChanged(itemId: string | undefined, title: string | undefined): void;
  progress(detail: ProgressDetail): void;
  ended(reason: SessionEndReason, summary: CourseSummary): void;
}

export interface CourseSessionOptions {
  manifest: Manifest;
  organization: Organization;
  navigator: Navigator;
  keeper: ProgressKeeper;
  launcher: ContentLauncher;
  /** URL prefix the launch URLs resolve against. */
  contentBase: string;
  credit: 'credit' | 'no-credit';
  mode: 'normal' | 'browse' | 'review';
}

export class CourseSession {
  phase: SessionPhase = 'waiting';
  endReason: SessionEndReason | undefined;
  /** Whether anything was delivered in this session (an empty course ends differently). */
  deliveredAny = false;
  readonly items = new Map<string, Item>();
  readonly navigator: Navigator;
  private content: ContentSession | undefined;
  /** Per launch: whether its content committed anything (an asset that did not is credited on leaving). */
  private readonly reported = new WeakMap<ContentSession, boolean>();
  private queue: Promise<void> = Promise.resolve();
  private readonly unsubscribe: () => void;
  private disposed = false;

  constructor(
    private readonly options: CourseSessionOptions,
    private readonly host: CourseSessionHost,
  ) {
    this.navigator = options.navigator;
    const stack = [...options.organization.items];
    while (stack.length) {
      const item = stack.pop()!;
      this.items.set(item.identifier, item);
      stack.push(...item.children);
    }
    this.unsubscribe = this.navigator.subscribe((snapshot) => this.onSnapshot(snapshot));
  }

  /** The item being delivered. */
  get currentItemId(): string | undefined {
    return this.content?.itemId;
  }

  snapshot(): NavigationSnapshot {
    return this.navigator.snapshot();
  }

  /** Resolves once the requests issued so far have been carried out. */
  whenSettled(): Promise<void> {
    return this.queue;
  }

  /**
   * The first request: resume a suspended attempt at once (a suspendAll, or a session cut off by a closed
   * tab), else the `&item=` choice, else start. When start cannot deliver (SCORM 2004's default control
   * mode has flow=false on the root, so SB.2.5 finds nothing in every course without sequencing data), the
   * learner would face an empty stage: like the reference LMSs, choose the first item the TOC offers.
   */
  async begin(initialItem: string | undefined): Promise<void> {
    const snapshot = this.navigator.snapshot();
    if (snapshot.requests.resumeAll) {
      await this.requestNavigation({ type: 'resumeAll' });
      // DB.1.1 may refuse the suspended activity now (e.g. a rule disables it): go on as a fresh visit.
      if (this.phase !== 'idle') return;
    }
    const now = this.navigator.snapshot();
    let first: NavRequest;
    if (initialItem && now.activities.get(initialItem)?.selectable)
      first = { type: 'choice', target: initialItem };
    else if (now.requests.start) first = { type: 'start' };
    else {
      const leaf = firstChoosableLeaf(now);
      first = leaf === undefined ? { type: 'start' } : { type: 'choice', target: leaf };
    }
    return this.requestNavigation(first);
  }

  /** Queues a navigation request; requests run one at a time, in order. */
  requestNavigation(request: NavRequest): Promise<void> {
    this.queue = this.queue.then(() => this.perform(request)).catch((error: unknown) => this.fail(error));
    return this.queue;
  }

  /**
   * Delivers the item on screen again, on the stage the host gives now (a window of its own, or back in the
   * frame). The running SCO is suspended first (cmi.exit suspend unless it chose an exit), so it resumes
   * where it was (entry resume, RTE 4.2.8); the sequencer is not asked: the activity stays the current one.
   */
  relaunch(): Promise<void> {
    this.queue = this.queue
      .then(async () => {
        const content = this.content;
        if (!content || this.disposed) return;
        await this.leave(true);
        await this.options.keeper.whenSaved();
        if (this.disposed) return;
        this.deliver(await this.host.stage(), content.itemId, false);
      })
      .catch((error: unknown) => this.fail(error));
    return this.queue;
  }

  /**
   * The page is going away, or the player is removed: leave the content at once and end the sequencing
   * session on the learner's behalf (sequencing.md §5.3: suspendAll if the SCO suspended, else exitAll), so
   * the stored state has no current activity and the next visit can start or resume. The write is issued
   * before this returns.
   */
  leaveNow(): void {
    const content = this.content;
    if (!content) return;
    this.content = undefined;
    content.leaveNow();
    this.afterLeaving(content);
    const suspended = this.options.keeper.attempts.get(content.itemId)?.exit === 'suspend';
    const request: NavRequest = { type: suspended ? 'suspendAll' : 'exitAll' };
    const { keeper } = this.options;
    if (isValid(this.navigator.snapshot(), request)) {
      const outcome = this.navigator.navigate(request);
      const record = keeper.record;
      if (outcome.kind === 'end' && record) {
        record.suspended = outcome.reason === 'suspendAll';
        record.ended = outcome.reason !== 'suspendAll';
      }
      keeper.saveCourse();
    }
    keeper.flushNow();
  }

  dispose(): void {
    this.disposed = true;
    this.unsubscribe();
    this.leaveNow();
  }

  // ---------------------------------------------------------------------------------------------
  // OP.1
  // ---------------------------------------------------------------------------------------------

  private async perform(request: NavRequest): Promise<void> {
    if (this.disposed) return;
    const stage = await this.host.stage();
    const snapshot = this.navigator.snapshot();
    // Choosing the item on screen keeps it: re-delivering would throw away the learner's session.
    if (request.type === 'choice' && request.target === this.content?.itemId) return;
    if (!isValid(snapshot, request)) {
      this.host.announce(unavailable(request));
      return;
    }
    // TB.2.3 before SB.2.12: the current attempt ends (and reports) before the next activity is chosen.
    await this.leave(request.type === 'suspendAll');
    await this.options.keeper.whenSaved();
    if (this.disposed) return;
    const outcome = this.navigator.navigate(request);
    switch (outcome.kind) {
      case 'deliver':
        this.deliver(stage, outcome.itemId, outcome.newAttempt);
        break;
      case 'end':
        await this.end(outcome.reason);
        break;
      case 'wait':
        this.setIdle();
        this.options.keeper.saveCourse();
        break;
      case 'invalid':
        // Valid before the content reported its last values, not after (e.g. a rule now disables it).
        this.setIdle();
        this.options.keeper.saveCourse();
        this.host.announce(outcome.reason);
        break;
    }
  }

  private setIdle(): void {
    this.phase = 'idle';
    this.host.itemChanged(undefined, undefined);
    this.host.changed();
  }

  /** Ends the running content's session (the player's request, not the content's own Terminate). */
  private async leave(suspend: boolean): Promise<void> {
    const content = this.content;
    if (!content) return;
    this.content = undefined;
    await content.leave({ suspend });
    this.afterLeaving(content);
  }

  private afterLeaving(content: ContentSession): void {
    const itemId = content.itemId;
    const item = this.items.get(itemId);
    // An asset cannot report; launching it is its whole attempt (SCORM 1.2 CAM; 2004 UP.4 for
    // non-communicative content). One that reported anyway keeps what it reported.
    if (item?.resource?.scormType === 'asset' && !this.reported.get(content)) {
      const state = assetState(this.options.manifest.version === '1.2');
      this.navigator.report(itemId, state);
      this.options.keeper.saveAttempt(itemId, state);
    }
  }

  /** DB.2: launch the activity's content with the API in reach. */
  private deliver(stage: ContentStage, itemId: string, newAttempt: boolean): void {
    const { manifest, keeper } = this.options;
    const item = this.items.get(itemId);
    if (!item?.launchUrl) {
      this.fail(
        new Error(msg(str`Item "${itemId}" has nothing to launch.`, { id: 'session.nothing-to-launch' })),
      );
      return;
    }
    const version = manifest.version === '1.2' ? '1.2' : '2004';
    const delivery = this.navigator.deliveryData(itemId);
    const learner = keeper.learner;
    const options: ContentLaunchOptions = {
      learnerId: learner.id,
      credit: this.options.credit,
      mode: this.options.mode,
      ...launchValues(manifest, item),
    };
    if (learner.name !== undefined) options.learnerName = learner.name;
    const resume = keeper.attempts.get(itemId);
    // A new attempt (DB.2) starts from fresh run-time data in 2004; SCORM 1.2 keeps its total time, and its
    // runtime starts the new attempt itself from the previous exit.
    if (resume && (version === '1.2' || !newAttempt)) options.resume = resume;
    if (version === '2004') {
      options.sharedData = keeper.sharedData;
      if (delivery.objectives.length) options.objectives = delivery.objectives;
    }
    const launch: { content?: ContentSession } = {};
    const events = this.eventsFor(itemId, () => launch.content);
    const content = this.options.launcher.launch(
      stage,
      {
        itemId,
        url: this.launchUrl(item.launchUrl),
        title: item.title,
        version,
        scormType: item.resource?.scormType === 'asset' ? 'asset' : 'sco',
        options,
        validity: version === '2004' ? navigationValidity(this.navigator.snapshot()) : undefined,
      },
      events,
    );
    launch.content = content;
    this.content = content;
    this.deliveredAny = true;
    this.phase = 'playing';
    this.endReason = undefined;
    this.host.itemChanged(itemId, item.title);
    const record = keeper.record;
    if (record) {
      record.suspended = false;
      record.ended = false;
    }
    keeper.saveCourse(itemId);
    this.host.changed();
  }

  private launchUrl(launchUrl: string): string {
    const base = new URL(this.options.contentBase || './', document.baseURI);
    return new URL(launchUrl, base).href;
  }

  private eventsFor(itemId: string, launched: () => ContentSession | undefined): ContentEvents {
    const isCurrent = () => this.content !== undefined && this.content === launched();
    return {
      commit: (state, sharedData) => {
        const content = launched();
        if (content) this.reported.set(content, true);
        return this.committed(itemId, state, sharedData);
      },
      change: () => undefined,
      ended: (request) => {
        if (isCurrent()) this.contentEnded(this.options.keeper.attempts.get(itemId), request);
      },
      missing: (url, message) => {
        if (isCurrent()) this.host.announce(`${message} (${url})`);
      },
    };
  }

  /** Commit or Terminate from the content: tracking data, the store, and the app. */
  private committed(itemId: string, s: AttemptState, sharedData: SharedDataStores | undefined): SaveTicket {
    const { keeper, organization } = this.options;
    if (sharedData) Object.assign(keeper.sharedData, sharedData);
    this.navigator.report(itemId, s);
    const ticket = keeper.saveAttempt(itemId, s);
    const root = this.navigator.status(organization.identifier);
    const detail: ProgressDetail = {
      courseKey: keeper.courseKey,
      learnerId: keeper.learner.id,
      itemId,
      completion: root.completion,
      success: root.success,
      sessionSeconds: s.sessionSeconds,
      totalSeconds: keeper.totalSeconds(),
      item: s,
      terminated: s.terminated,
    };
    if (root.scoreScaled !== undefined) detail.scoreScaled = root.scoreScaled;
    if (root.progressMeasure !== undefined) detail.progressMeasure = root.progressMeasure;
    if (this.navigator.leaves().length === 1) {
      // Raw/min/max do not roll up; a single-SCO course can pass its SCO's on.
      if (s.scoreRaw !== undefined) detail.scoreRaw = s.scoreRaw;
      if (s.scoreMin !== undefined) detail.scoreMin = s.scoreMin;
      if (s.scoreMax !== undefined) detail.scoreMax = s.scoreMax;
      if (detail.scoreScaled === undefined && s.scoreScaled !== undefined) detail.scoreScaled = s.scoreScaled;
    }
    this.host.progress(detail);
    return ticket;
  }

  /**
   * The content terminated itself: run its adl.nav.request (RTE 4.2.x), or leave by time-out/logout, which
   * mean exit all (scorm-reference B5); otherwise the content stays until the learner navigates.
   */
  private contentEnded(s: AttemptState | undefined, request: NavRequestFromContent | undefined): void {
    let next: NavRequest | undefined = request;
    if (!next && (s?.exit === 'time-out' || s?.exit === 'logout')) next = { type: 'exitAll' };
    // A course with a single launchable item has nothing left to deliver once its SCO has finished: end
    // the session (suspended if the SCO suspended, so the next visit resumes) and show the end page.
    if (!next && this.navigator.leaves().length === 1)
      next = { type: s?.exit === 'suspend' ? 'suspendAll' : 'exitAll' };
    if (next) void this.requestNavigation(next);
  }

  private async end(reason: SessionEndReason): Promise<void> {
    const { keeper } = this.options;
    const record = keeper.record;
    if (record) {
      record.suspended = reason === 'suspendAll';
      record.ended = reason !== 'suspendAll';
    }
    this.phase = 'ended';
    this.endReason = reason;
    this.host.itemChanged(undefined, undefined);
    keeper.saveCourse();
    await keeper.whenSaved();
    this.host.changed();
    if (record) this.host.ended(reason, summaryOf(record));
  }

  private onSnapshot(snapshot: NavigationSnapshot): void {
    if (this.content && this.options.manifest.version !== '1.2')
      this.content.setValidity(navigationValidity(snapshot));
    this.host.changed();
  }

  private fail(error: unknown): void {
    console.error('scorm-player:', error);
    this.leaveNow();
    this.phase = 'error';
    this.host.announce(error instanceof Error ? error.message : String(error));
    this.host.changed();
  }
}

type ContentLaunchOptions = Parameters<ContentLauncher['launch']>[1]['options'];

/** The first leaf in TOC order that is visible and may be chosen now (the snapshot's delivered order). */
function firstChoosableLeaf(snapshot: NavigationSnapshot): string | undefined {
  const visit = (id: string): string | undefined => {
    const view = snapshot.activities.get(id);
    if (!view) return undefined;
    if (view.children.length === 0) return view.visible && view.selectable ? id : undefined;
    for (const child of view.children) {
      const found = visit(child);
      if (found !== undefined) return found;
    }
    return undefined;
  };
  return visit(snapshot.rootId);
}

/** NB.2.1 as the snapshot answers it. */
function isValid(snapshot: NavigationSnapshot, request: NavRequest): boolean {
  if (request.type === 'choice') return snapshot.activities.get(request.target)?.selectable ?? false;
  if (request.type === 'jump') return snapshot.activities.get(request.target)?.jumpable ?? false;
  return snapshot.requests[request.type];
}

/** What the learner hears when a request the sequencer refuses (NB.2.1) is made anyway. */
function unavailable(request: NavRequest): string {
  switch (request.type) {
    case 'choice':
    case 'jump':
      return msg('That item is not available now.', { id: 'session.item-unavailable' });
    case 'start':
      return msg('Start is not available now.', { id: 'session.start-unavailable' });
    case 'resumeAll':
      return msg('Resume is not available now.', { id: 'session.resume-unavailable' });
    case 'continue':
      return msg('Continue is not available now.', { id: 'session.continue-unavailable' });
    case 'previous':
      return msg('Previous is not available now.', { id: 'session.previous-unavailable' });
    case 'exit':
    case 'exitAll':
      return msg('Exit is not available now.', { id: 'session.exit-unavailable' });
    case 'abandon':
    case 'abandonAll':
      return msg('Abandon is not available now.', { id: 'session.abandon-unavailable' });
    case 'suspendAll':
      return msg('Suspend is not available now.', { id: 'session.suspend-unavailable' });
  }
}

export function summaryOf(r: {
  courseKey: string;
  learnerId: string;
  title: string;
  completionStatus: CourseSummary['completion'];
  successStatus: CourseSummary['success'];
  scoreScaled?: number;
  totalSeconds: number;
  suspended: boolean;
}): CourseSummary {
  const s: CourseSummary = {
    courseKey: r.courseKey,
    learnerId: r.learnerId,
    title: r.title,
    completion: r.completionStatus,
    success: r.successStatus,
    totalSeconds: r.totalSeconds,
    suspended: r.suspended,
  };
  if (r.scoreScaled !== undefined) s.scoreScaled = r.scoreScaled;
  return s;
}

function assetState(scorm12: boolean): AttemptState {
  return {
    scormVersion: scorm12 ? '1.2' : '2004',
    entry: 'ab-initio',
    newAttempt: true,
    terminated: true,
    exit: '',
    totalTime: scorm12 ? '0000:00:00' : 'PT0S',
    totalSeconds: 0,
    sessionSeconds: 0,
    completionStatus: 'completed',
    successStatus: 'unknown',
    ...(scorm12 ? { lessonStatus: 'completed' as const } : {}),
    location: '',
    suspendData: '',
    data: {},
  };
}
