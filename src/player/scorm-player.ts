// <scorm-player>: the one owner of a course session. It picks the organization, builds the TOC, asks the
// Navigator what to deliver, makes the SCO's API and puts it on its own window before the SCO loads
// (scorm-reference C), ends a SCO's session on its behalf when the learner leaves it, writes progress on
// every Commit and Terminate, and tells the app what happened with events (events.ts).
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Item, Manifest, Organization } from '../package/types.js';
import type { AttemptState, RuntimeOptions, SharedDataStores } from '../runtime/types.js';
import { createNavigator } from '../sequencing/simple-navigator.js';
import type { NavRequest } from '../sequencing/navigator.js';
import type { LegacyNavigator as Navigator } from '../sequencing/simple-navigator.js';
import type { StoredCourseProgress } from '../storage/db.js';
import type { ProgressStore } from '../storage/progress.js';
import {
  NavRequestEvent,
  OrganizationRequestEvent,
  ScormItemChangeEvent,
  ScormProgressEvent,
  ScormSessionEndEvent,
  type CourseSummary,
  type SessionEndReason,
} from './events.js';
import { launchValues, parseNavRequest } from './launch-options.js';
import { NavigatorController } from './navigator-controller.js';
import { ScoSession, type ApiFactory } from './sco-session.js';
import { runtimeApiFactory } from './default-api.js';
import type { TocItemState, TocNode, TocStatus } from './scorm-toc.js';
import type { ToolbarAction } from './scorm-toolbar.js';
import type { ScormStage } from './scorm-stage.js';
import './scorm-toc.js';
import './scorm-stage.js';
import './scorm-toolbar.js';

export interface Learner {
  id: string;
  name?: string;
}

/** What the player stores in StoredCourseProgress.sequencing (opaque to storage). */
interface SequencingRecord {
  organizationId: string;
  navigator: unknown;
}

type Phase = 'waiting' | 'choose-organization' | 'playing' | 'idle' | 'ended' | 'error';

const toolbarActions: ToolbarAction[] = ['previous', 'continue', 'exit', 'exitAll', 'suspendAll'];

export class ScormPlayer extends LitElement {
  static override styles = css`
    :host {
      display: block;
      --scorm-toc-width: 18rem;
    }
    .layout {
      display: grid;
      grid-template-columns: var(--scorm-toc-width) 1fr;
      grid-template-rows: auto 1fr;
      grid-template-areas: 'bar bar' 'toc main';
      gap: 0.5rem;
      min-height: inherit;
      height: 100%;
    }
    .layout.toc-closed {
      grid-template-columns: 1fr;
      grid-template-areas: 'bar' 'main';
    }
    .bar {
      grid-area: bar;
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      align-items: center;
    }
    .toc {
      grid-area: toc;
      min-height: 0;
      overflow: auto;
      border-right: 1px solid #d0d0d0;
    }
    .toc-closed .toc {
      display: none;
    }
    .main {
      grid-area: main;
      display: flex;
      flex-direction: column;
      min-width: 0;
    }
    scorm-stage {
      flex: 1;
    }
    .panel {
      margin: 1rem;
      padding: 1rem;
      border: 1px solid #d0d0d0;
      border-radius: 0.25rem;
    }
    .panel h2 {
      margin-top: 0;
      font-size: 1.25rem;
    }
    button {
      font: inherit;
      min-height: 2.25rem;
      padding: 0.25rem 0.875rem;
      border: 1px solid #5e5e5e;
      border-radius: 0.25rem;
      background: #fff;
      color: #1d1d1d;
      cursor: pointer;
    }
    button:focus-visible {
      outline: 2px solid var(--scorm-focus, #1a5fb4);
      outline-offset: 2px;
    }
    .orgs {
      list-style: none;
      padding: 0;
      display: grid;
      gap: 0.5rem;
    }
    .sr-only {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
    @media (max-width: 40rem) {
      .layout,
      .layout.toc-closed {
        grid-template-columns: 1fr;
        grid-template-rows: auto auto 1fr;
        grid-template-areas: 'bar' 'toc' 'main';
      }
      .toc {
        border-right: 0;
        border-bottom: 1px solid #d0d0d0;
        max-height: 40vh;
      }
    }
  `;

  /** The parsed manifest of the course. */
  @property({ attribute: false }) accessor manifest: Manifest | undefined = undefined;
  /** The organization to play; default: the stored one, else the default (a choice when several). */
  @property({ attribute: 'organization-id' }) accessor organizationId: string | undefined = undefined;
  /** URL prefix the launch URLs resolve against (`content/<packageId>/`, or the course folder's URL). */
  @property({ attribute: 'content-base' }) accessor contentBase = '';
  /** Identifies the course for progress: `pkg:…`, `url:…` or `dispatch:…`. */
  @property({ attribute: 'course-key' }) accessor courseKey = '';
  @property({ attribute: false }) accessor learner: Learner | undefined = undefined;
  @property({ attribute: false }) accessor store: ProgressStore | undefined = undefined;
  /** The version of the course being played (kept in a new course record). */
  @property({ attribute: false }) accessor courseVersion: { url: string; manifestHash: string } | undefined =
    undefined;
  /** `&item=`: a choice of this item is the first navigation request. */
  @property({ attribute: 'initial-item' }) accessor initialItem: string | undefined = undefined;
  @property() accessor credit: 'credit' | 'no-credit' = 'credit';
  @property() accessor mode: 'normal' | 'browse' | 'review' = 'normal';
  /** Makes the SCO's API; defaults to src/runtime's Scorm12Api / Scorm2004Api. */
  @property({ attribute: false }) accessor apiFactory: ApiFactory = runtimeApiFactory;

  @state() private accessor phase: Phase = 'waiting';
  @state() private accessor endReason: SessionEndReason | undefined = undefined;
  @state() private accessor message = '';
  @state() private accessor tocOpen = true;

  private readonly nav = new NavigatorController(this);
  private organization: Organization | undefined;
  private items = new Map<string, Item>();
  private session: ScoSession | undefined;
  private attempts = new Map<string, AttemptState>();
  private sharedData: SharedDataStores = {};
  private record: StoredCourseProgress | undefined;
  private openToken = 0;
  private queue: Promise<void> = Promise.resolve();
  private leaving = false;
  private readonly saves = new Set<Promise<void>>();
  private tocRoot: TocNode | undefined;
  private hiddenKey = '';
  private tocStates: ReadonlyMap<string, TocItemState> = new Map();
  private valid: Partial<Record<ToolbarAction, boolean>> = {};
  private derivedRevision = -1;
  private previousItemId: string | undefined;
  private deliveredAny = false;

  /** The navigator of the course being played (for the app and tests). */
  get navigator(): Navigator | undefined {
    return this.nav.navigator;
  }

  /** The item being delivered. */
  get currentItemId(): string | undefined {
    return this.session?.itemId;
  }

  /** Resolves once every progress write issued so far is durable. */
  async whenSaved(): Promise<void> {
    while (this.saves.size) await Promise.all([...this.saves]);
  }

  /** Resolves once the navigation requests issued so far have been carried out. */
  whenSettled(): Promise<void> {
    return this.queue;
  }

  /** Asks for a navigation request, as the toolbar and TOC do. Requests run one at a time, in order. */
  requestNavigation(request: NavRequest): Promise<void> {
    this.queue = this.queue.then(() => this.perform(request)).catch((error: unknown) => this.fail(error));
    return this.queue;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener(NavRequestEvent.eventName, this.onNavRequest);
    this.addEventListener(OrganizationRequestEvent.eventName, this.onOrganizationRequest);
    window.addEventListener('pagehide', this.onPageHide);
    this.tocOpen = !window.matchMedia('(max-width: 40rem)').matches;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener(NavRequestEvent.eventName, this.onNavRequest);
    this.removeEventListener(OrganizationRequestEvent.eventName, this.onOrganizationRequest);
    window.removeEventListener('pagehide', this.onPageHide);
    this.openToken++;
    this.leaveScoNow(false);
  }

  protected override updated(changed: PropertyValues<this>): void {
    const keys = ['manifest', 'store', 'learner', 'courseKey', 'organizationId'] as const;
    if (keys.some((k) => changed.has(k)) && this.manifest && this.store && this.learner && this.courseKey) {
      void this.open();
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Opening a course
  // ---------------------------------------------------------------------------------------------

  private async open(): Promise<void> {
    const token = ++this.openToken;
    await this.queue;
    this.leaveScoNow(false);
    const manifest = this.manifest!;
    const store = this.store!;
    const learner = this.learner!;
    const [record, attempts] = await Promise.all([
      store.loadCourse(this.courseKey, learner.id),
      store.loadAttempts(this.courseKey, learner.id),
    ]);
    if (token !== this.openToken) return;
    this.record = record;
    this.attempts = new Map(attempts.map((a) => [a.itemId, a.state]));
    this.sharedData = { ...(record?.sharedData ?? {}) };
    const stored = record?.sequencing as SequencingRecord | undefined;
    const byId = (id: string | undefined) => manifest.organizations.find((o) => o.identifier === id);
    const organization =
      byId(this.organizationId) ??
      byId(stored?.organizationId) ??
      (manifest.organizations.length > 1 ? undefined : manifest.defaultOrganization);
    if (!organization) {
      this.phase = 'choose-organization';
      return;
    }
    this.begin(organization);
  }

  private begin(organization: Organization): void {
    const manifest = this.manifest!;
    const learner = this.learner!;
    const stored = this.record?.sequencing as SequencingRecord | undefined;
    const restore = stored?.organizationId === organization.identifier ? stored.navigator : undefined;
    this.organization = organization;
    // Leave the organization choice: the next render puts the TOC and the stage in place.
    this.phase = 'waiting';
    this.items = new Map();
    const stack = [...organization.items];
    while (stack.length) {
      const item = stack.pop()!;
      this.items.set(item.identifier, item);
      stack.push(...item.children);
    }
    const navigator = createNavigator(manifest, organization, restore === undefined ? {} : { restore });
    this.tocRoot = undefined;
    this.hiddenKey = '';
    this.nav.set(navigator);
    const now = new Date().toISOString();
    this.record = {
      courseKey: this.courseKey,
      learnerId: learner.id,
      title: manifest.title,
      courseVersion: this.courseVersion ?? { url: '', manifestHash: '' },
      completionStatus: 'not attempted',
      successStatus: 'unknown',
      totalSeconds: 0,
      suspended: false,
      ended: false,
      startedAt: now,
      ...this.record,
      updatedAt: now,
    };
    if (learner.name) this.record.learnerName = learner.name;
    // Opening a course again resumes a suspended attempt at once, without asking (architecture.md).
    let first: NavRequest = { type: 'start' };
    if (this.record.suspended && navigator.canNavigate({ type: 'resumeAll' })) first = { type: 'resumeAll' };
    else if (this.initialItem && navigator.canNavigate({ type: 'choice', target: this.initialItem }))
      first = { type: 'choice', target: this.initialItem };
    void this.requestNavigation(first);
  }

  // ---------------------------------------------------------------------------------------------
  // Navigation
  // ---------------------------------------------------------------------------------------------

  private async perform(request: NavRequest): Promise<void> {
    // The stage must be in the DOM before a frame can go on it (after the organization choice, say).
    await this.updateComplete;
    const navigator = this.nav.navigator;
    if (!navigator) return;
    // Choosing the item on screen keeps it: re-delivering would throw away the learner's session.
    if (request.type === 'choice' && this.session && request.target === this.session.itemId) return;
    if (!navigator.canNavigate(request)) {
      this.announce(`${describe(request)} is not available now.`);
      return;
    }
    // TB.2.3 before SB.2.12: the current attempt ends (and reports) before the next activity is chosen.
    this.leaveScoNow(request.type === 'suspendAll');
    await this.whenSaved();
    const outcome = navigator.navigate(request);
    switch (outcome.kind) {
      case 'deliver':
        this.deliver(outcome.itemId);
        break;
      case 'end':
        await this.endSession(outcome.reason);
        break;
      case 'idle':
        this.phase = 'idle';
        this.itemChanged(undefined);
        this.save();
        break;
      case 'stay':
        break;
      case 'invalid':
        // Valid before the SCO reported its last values, not after (e.g. a rule now disables it).
        this.phase = 'idle';
        this.itemChanged(undefined);
        this.announce(outcome.reason);
        break;
    }
  }

  /** DB.2: make the API, put it on this window, then load the SCO. */
  private deliver(itemId: string): void {
    const item = this.items.get(itemId);
    const manifest = this.manifest!;
    const learner = this.learner!;
    const factory = this.apiFactory;
    if (!item?.launchUrl) {
      this.fail(new Error(`Item "${itemId}" has nothing to launch.`));
      return;
    }
    const version = manifest.version === '1.2' ? '1.2' : '2004';
    const options: RuntimeOptions = {
      learnerId: learner.id,
      credit: this.credit,
      mode: this.mode,
      ...launchValues(manifest, item),
      onCommit: (s) => {
        // Terminate reports through onTerminate; one write per event.
        if (!s.terminated) this.saved(itemId, s, false);
      },
      onTerminate: (s) => this.saved(itemId, s, true),
    };
    if (learner.name !== undefined) options.learnerName = learner.name;
    const resume = this.attempts.get(itemId);
    if (resume) options.resume = resume;
    if (version === '2004') {
      options.navigator = this.nav.navigator!;
      options.sharedData = this.sharedData;
    }
    const session = new ScoSession(itemId, version, factory(version, options));
    // The API is in place before the frame starts loading (scorm-reference C).
    session.install(window);
    this.session = session;
    this.deliveredAny = true;
    this.phase = 'playing';
    this.endReason = undefined;
    this.stage()?.load(this.launchUrl(item.launchUrl), item.title);
    this.itemChanged(itemId);
    this.record!.suspended = false;
    this.record!.ended = false;
    this.save();
  }

  private launchUrl(launchUrl: string): string {
    const base = new URL(this.contentBase || './', document.baseURI);
    return new URL(launchUrl, base).href;
  }

  /**
   * Leaves the SCO on screen: unloads its document (its own unload handlers may finish the session),
   * then, if it is still running, ends its session the standard way on its behalf.
   */
  private leaveScoNow(suspend: boolean): void {
    const session = this.session;
    if (!session) {
      this.stage()?.unload();
      return;
    }
    this.leaving = true;
    try {
      if (suspend && session.isRunning()) session.suspend();
      this.stage()?.unload();
      if (session.isRunning()) session.finish();
      const item = this.items.get(session.itemId);
      // An asset cannot report; launching it is its whole attempt (SCORM 1.2 CAM; 2004 UP.4 for
      // non-communicative content).
      if (item?.resource?.scormType === 'asset' && !this.attempts.has(session.itemId)) {
        this.nav.navigator?.report(session.itemId, assetState(this.manifest!.version === '1.2'));
      }
    } finally {
      session.uninstall(window);
      this.session = undefined;
      this.leaving = false;
      this.nav.navigator?.takePendingRequest();
    }
  }

  /** onCommit/onTerminate: keep, roll up, write (one transaction, issued now), tell the app. */
  private saved(itemId: string, s: AttemptState, terminated: boolean): void {
    const navigator = this.nav.navigator;
    if (!navigator || !this.learner) return;
    this.attempts.set(itemId, s);
    navigator.report(itemId, s);
    this.save({
      courseKey: this.courseKey,
      learnerId: this.learner.id,
      itemId,
      state: s,
      updatedAt: new Date().toISOString(),
    });
    const root = navigator.status(this.organization!.identifier);
    const single = navigator.leaves().length === 1;
    const detail: ScormProgressEvent['detail'] = {
      courseKey: this.courseKey,
      learnerId: this.learner.id,
      itemId,
      completion: root.completion,
      success: root.success,
      sessionSeconds: s.sessionSeconds,
      totalSeconds: this.record!.totalSeconds,
      item: s,
      terminated,
    };
    if (root.scoreScaled !== undefined) detail.scoreScaled = root.scoreScaled;
    if (root.progressMeasure !== undefined) detail.progressMeasure = root.progressMeasure;
    if (single) {
      if (s.scoreRaw !== undefined) detail.scoreRaw = s.scoreRaw;
      if (s.scoreMin !== undefined) detail.scoreMin = s.scoreMin;
      if (s.scoreMax !== undefined) detail.scoreMax = s.scoreMax;
      if (detail.scoreScaled === undefined && s.scoreScaled !== undefined) detail.scoreScaled = s.scoreScaled;
    }
    this.dispatchEvent(new ScormProgressEvent(detail));
    // A SCO that terminates itself may ask for the next navigation (adl.nav.request; RTE 4.2.x), or leave
    // by time-out/logout, which mean exit all (scorm-reference B5). Run it once the SCO's call returns.
    if (terminated && !this.leaving && this.session?.itemId === itemId) {
      const session = this.session;
      setTimeout(() => {
        if (this.session !== session) return;
        let next: NavRequest | undefined = navigator.takePendingRequest() ?? parseNavRequest(s.navRequest);
        if (!next && (s.exit === 'time-out' || s.exit === 'logout')) next = { type: 'exitAll' };
        if (next) void this.requestNavigation(next);
      }, 0);
    }
  }

  private async endSession(reason: SessionEndReason): Promise<void> {
    this.record!.suspended = reason === 'suspendAll';
    this.record!.ended = reason !== 'suspendAll';
    this.phase = 'ended';
    this.endReason = reason;
    this.itemChanged(undefined);
    this.save();
    await this.whenSaved();
    this.dispatchEvent(new ScormSessionEndEvent(reason, this.summary()));
  }

  /** Writes the course record (and an attempt) in one transaction; never debounced. */
  private save(attempt?: Parameters<ProgressStore['save']>[0]['attempt']): void {
    const store = this.store;
    const navigator = this.nav.navigator;
    const record = this.record;
    if (!store || !navigator || !record) return;
    const root = navigator.status(this.organization!.identifier);
    let total = 0;
    for (const a of this.attempts.values()) total += a.totalSeconds;
    record.completionStatus = root.completion;
    record.successStatus = root.success;
    if (root.scoreScaled !== undefined) record.scoreScaled = root.scoreScaled;
    else delete record.scoreScaled;
    record.totalSeconds = total;
    if (this.session) record.currentItemId = this.session.itemId;
    record.sequencing = {
      organizationId: this.organization!.identifier,
      navigator: navigator.snapshot(),
    } satisfies SequencingRecord;
    record.sharedData = { ...this.sharedData };
    record.updatedAt = new Date().toISOString();
    const write = store.save(attempt ? { attempt, course: { ...record } } : { course: { ...record } });
    this.saves.add(write);
    write
      .catch((error: unknown) => {
        console.error('scorm-player: progress could not be saved', error);
        this.announce('Your progress could not be saved.');
      })
      .finally(() => this.saves.delete(write));
  }

  private summary(): CourseSummary {
    const r = this.record!;
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

  private itemChanged(itemId: string | undefined): void {
    if (itemId === this.previousItemId) return;
    this.previousItemId = itemId;
    this.dispatchEvent(new ScormItemChangeEvent(itemId, itemId ? this.items.get(itemId)?.title : undefined));
  }

  private fail(error: unknown): void {
    console.error('scorm-player:', error);
    this.leaveScoNow(false);
    this.message = error instanceof Error ? error.message : String(error);
    this.phase = 'error';
  }

  private announce(text: string): void {
    // Re-set so that the same message is announced again.
    this.message = '';
    void this.updateComplete.then(() => (this.message = text));
  }

  private stage(): ScormStage | null {
    return this.renderRoot.querySelector('scorm-stage');
  }

  private readonly onNavRequest = (event: NavRequestEvent): void => {
    // Requests from the toolbar, TOC and panels inside this player stop here: only the player acts.
    event.stopPropagation();
    void this.requestNavigation(event.request);
  };

  private readonly onOrganizationRequest = (event: OrganizationRequestEvent): void => {
    event.stopPropagation();
    const organization = this.manifest?.organizations.find((o) => o.identifier === event.organizationId);
    if (organization && this.phase === 'choose-organization') this.begin(organization);
  };

  private readonly onPageHide = (event: PageTransitionEvent): void => {
    // A page kept in the back/forward cache comes back as it was: leave the SCO running.
    if (event.persisted) return;
    // The tab is going away. Unload the content first (the parent's pagehide comes before the frame's
    // unload, and the SCO's own unload handler sets exit/session time), then finish on its behalf if it
    // did not; the write is issued before this handler returns.
    this.leaveScoNow(false);
  };

  // ---------------------------------------------------------------------------------------------
  // Rendering
  // ---------------------------------------------------------------------------------------------

  /** Recomputes the TOC tree/states and toolbar validity when the navigator changed. */
  private derive(): void {
    const navigator = this.nav.navigator;
    if (!navigator || this.derivedRevision === this.nav.revision) return;
    this.derivedRevision = this.nav.revision;
    const org = this.organization!;
    const all = [org.identifier, ...this.items.keys()];
    const hidden = all.filter((id) => id !== org.identifier && navigator.isHidden(id));
    const key = hidden.join('\n');
    if (!this.tocRoot || key !== this.hiddenKey) {
      this.hiddenKey = key;
      const hiddenSet = new Set(hidden);
      // A hidden item leaves the menu, but whatever of its branch is still shown takes its place (an
      // invisible wrapper's children; see Navigator.isHidden).
      const toNodes = (items: Item[]): TocNode[] =>
        items.flatMap((item) =>
          hiddenSet.has(item.identifier)
            ? toNodes(item.children)
            : [{ id: item.identifier, title: item.title, children: toNodes(item.children) }],
        );
      this.tocRoot = { id: org.identifier, title: org.title, children: toNodes(org.items) };
    }
    const states = new Map<string, TocItemState>();
    const current = this.session?.itemId;
    for (const id of all) {
      const s = navigator.status(id);
      const status: TocStatus =
        s.success === 'passed' || s.success === 'failed'
          ? s.success
          : s.completion === 'unknown'
            ? 'not attempted'
            : s.completion;
      const disabled = id !== current && !navigator.canNavigate({ type: 'choice', target: id });
      states.set(id, { status, disabled });
    }
    this.tocStates = states;
    const valid: Partial<Record<ToolbarAction, boolean>> = {};
    for (const a of toolbarActions) valid[a] = navigator.canNavigate({ type: a });
    this.valid = valid;
  }

  override render() {
    if (this.phase === 'choose-organization') return this.renderOrganizations();
    this.derive();
    const current = this.session ? this.items.get(this.session.itemId) : undefined;
    const started = this.phase !== 'waiting' && this.phase !== 'error';
    return html`<div class="layout ${this.tocOpen ? '' : 'toc-closed'}">
      <div class="bar">
        <button
          type="button"
          class="toc-toggle"
          aria-expanded=${String(this.tocOpen)}
          aria-controls="toc"
          @click=${() => (this.tocOpen = !this.tocOpen)}
        >
          Contents
        </button>
        ${
          started && this.phase !== 'ended'
            ? html`<scorm-toolbar
                .valid=${this.valid}
                .hideLmsUi=${current?.hideLmsUi ?? []}
              ></scorm-toolbar>`
            : nothing
        }
      </div>
      <nav class="toc" id="toc" aria-label="Table of contents">
        <scorm-toc
          .root=${this.tocRoot}
          .states=${this.tocStates}
          .currentId=${this.session?.itemId}
        ></scorm-toc>
      </nav>
      <div class="main">
        <scorm-stage ?hidden=${this.phase !== 'playing'}></scorm-stage>
        ${this.renderPanel()}
        <p class="sr-only" role="status">${this.message}</p>
      </div>
    </div>`;
  }

  private renderPanel() {
    switch (this.phase) {
      case 'idle':
        return html`<section class="panel" aria-labelledby="idle-h">
          <h2 id="idle-h">Choose what to do next</h2>
          <p>Pick an item in the table of contents, or use Continue or Previous.</p>
        </section>`;
      case 'ended': {
        const suspended = this.endReason === 'suspendAll';
        const heading =
          this.endReason === 'completed'
            ? 'You have finished the course'
            : this.endReason === 'nothing-to-deliver' && !this.deliveredAny
              ? 'There is nothing to play in this course'
              : 'You have left the course';
        return html`<section class="panel" aria-labelledby="end-h">
          <h2 id="end-h">${heading}</h2>
          <p>${suspended ? 'Your place is saved. Resume now or later.' : 'Your progress is saved.'}</p>
          ${
            suspended
              ? html`<button type="button" @click=${() => this.requestNavigation({ type: 'resumeAll' })}>
                  Resume
                </button>`
              : html`<button type="button" @click=${() => this.requestNavigation({ type: 'start' })}>
                  Restart
                </button>`
          }
        </section>`;
      }
      case 'error':
        return html`<section class="panel" role="alert">
          <h2>The course could not be played</h2>
          <p>${this.message}</p>
        </section>`;
      default:
        return nothing;
    }
  }

  private renderOrganizations() {
    const m = this.manifest!;
    return html`<section class="panel" aria-labelledby="org-h">
      <h2 id="org-h">Choose a version of this course</h2>
      <ul class="orgs">
        ${m.organizations.map(
          (o) =>
            html`<li>
              <button
                type="button"
                @click=${() => this.dispatchEvent(new OrganizationRequestEvent(o.identifier))}
              >
                ${o.title}${o === m.defaultOrganization ? ' (recommended)' : ''}
              </button>
            </li>`,
        )}
      </ul>
    </section>`;
  }
}

function describe(request: NavRequest): string {
  switch (request.type) {
    case 'choice':
    case 'jump':
      return 'That item';
    case 'suspendAll':
      return 'Suspend';
    case 'exitAll':
      return 'Exit All';
    default:
      return request.type[0]!.toUpperCase() + request.type.slice(1);
  }
}

function assetState(scorm12: boolean): AttemptState {
  return {
    scormVersion: scorm12 ? '1.2' : '2004',
    entry: '',
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

customElements.define('scorm-player', ScormPlayer);

declare global {
  interface HTMLElementTagNameMap {
    'scorm-player': ScormPlayer;
  }
}
