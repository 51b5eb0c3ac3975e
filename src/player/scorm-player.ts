// <scorm-player>: one course session for one learner. The element picks the organization (offering a
// choice when there are several), renders the TOC, toolbar and stage, and routes the `*-request` events of
// its children; the work is done by three parts it composes (style.md):
// - a CourseSession (course-session.ts) runs the sequencing loop on the Navigator made by the factory it is
//   given, and delivers content through the ContentLauncher it is given (direct, or a content host);
// - a ProgressKeeper (progress-keeper.ts) owns saving;
// - the TOC and the toolbar read the navigator's snapshot alone (toc-model.ts).
// It tells the app what happened with events (events.ts).
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { eachItem } from '../package/items.js';
import type { Manifest, Organization } from '../package/types.js';
import type { NavigatorFactory, NavRequest, SessionEndReason } from '../sequencing/navigator.js';
import type { StoredCourseProgress } from '../storage/db.js';
import type { ProgressStore } from '../storage/progress.js';
import type { ContentLauncher, ContentStage } from './content-session.js';
import { CourseSession, type SessionPhase } from './course-session.js';
import { runtimeApiFactory } from './default-api.js';
import { DirectContentLauncher } from './direct-content.js';
import {
  NavRequestEvent,
  OrganizationRequestEvent,
  ScormItemChangeEvent,
  ScormProgressEvent,
  ScormSessionEndEvent,
  type CourseSummary,
  type ProgressDetail,
} from './events.js';
import { ProgressKeeper, type Learner } from './progress-keeper.js';
import type { ApiFactory } from './sco-session.js';
import type { ScormStage } from './scorm-stage.js';
import type { TocItemState, TocNode } from './scorm-toc.js';
import type { ToolbarAction } from './scorm-toolbar.js';
import { tocShapeKey, tocStates, tocTree, toolbarValidity } from './toc-model.js';
import { formatDuration, formatPercent } from '../i18n/format.js';
import { msg, str, updateWhenLocaleChanges } from '../i18n/msg.js';
import { icons } from './icons.js';
import { controlButtons, playerTheme, srOnly } from './theme.js';
import { WindowStage } from './window-stage.js';
import './scorm-toc.js';
import './scorm-stage.js';
import './scorm-toolbar.js';
import './save-notice.js';

export type { Learner };

type Phase = SessionPhase | 'choose-organization';

/** Below this width the table of contents is a drawer over the content (the bar's icons lose their text). */
const NARROW = '(max-width: 40rem)';
/** Where the learner's choice to show or hide the table of contents is kept (wide layouts). */
const TOC_PREFERENCE = 'scorm-player:toc-open';

export class ScormPlayer extends LitElement {
  static override styles = [
    playerTheme,
    srOnly,
    controlButtons,
    css`
      /* The player fills the box it is given (the play view gives it the window below the app's header):
         one compact bar on top, the content frame takes every pixel below it. */
      :host {
        display: flex;
        flex-direction: column;
        position: relative;
        min-height: 0;
        --scorm-toc-width: 18rem;
        background: var(--scorm-bg);
        color: var(--scorm-fg);
      }
      :host(:fullscreen) {
        width: 100%;
        height: 100%;
      }
      .layout {
        flex: 1;
        display: grid;
        grid-template-columns: var(--scorm-toc-width) minmax(0, 1fr);
        grid-template-rows: auto minmax(0, 1fr);
        grid-template-areas: 'bar bar' 'toc main';
        min-height: 0;
        position: relative;
      }
      .layout.toc-closed {
        grid-template-columns: minmax(0, 1fr);
        grid-template-areas: 'bar' 'main';
      }
      .bar {
        grid-area: bar;
        display: flex;
        align-items: center;
        gap: 0.5rem;
        padding: 0.375rem 0.5rem;
        border-bottom: 1px solid var(--scorm-line);
        min-width: 0;
      }
      .title {
        flex: 1 1 auto;
        min-width: 0;
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
        font-weight: 600;
      }
      .title ::slotted(*) {
        margin: 0;
        font-size: 1.05rem;
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
      }
      .view-controls {
        display: flex;
        gap: 0.375rem;
      }
      .toc {
        grid-area: toc;
        min-height: 0;
        overflow: auto;
        border-right: 1px solid var(--scorm-line);
        background: var(--scorm-bg);
      }
      .toc-closed .toc {
        display: none;
      }
      .main {
        grid-area: main;
        display: flex;
        flex-direction: column;
        min-width: 0;
        min-height: 0;
      }
      scorm-stage {
        flex: 1;
        min-height: 0;
      }
      scorm-stage[hidden] {
        display: none;
      }
      .panel {
        margin: 1rem;
        padding: 1rem;
        border: 1px solid var(--scorm-line);
        border-radius: 0.25rem;
        background: var(--scorm-panel-bg);
        color: var(--scorm-fg);
      }
      .panel h2 {
        margin-top: 0;
        font-size: 1.25rem;
      }
      .panel .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        align-items: center;
      }
      .panel ::slotted(a) {
        color: var(--scorm-focus);
      }
      dl.summary {
        display: grid;
        grid-template-columns: max-content 1fr;
        gap: 0.25rem 1rem;
      }
      dl.summary dt {
        font-weight: 600;
      }
      dl.summary dd {
        margin: 0;
      }
      .bar > *:not(.title) {
        flex: none;
      }
      .orgs {
        list-style: none;
        padding: 0;
        display: grid;
        gap: 0.5rem;
      }
      /* Phone width: the table of contents is a drawer over the content, the bar one row of icons. */
      @media (max-width: 40rem) {
        .layout,
        .layout.toc-closed {
          grid-template-columns: minmax(0, 1fr);
          grid-template-areas: 'bar' 'main';
        }
        .bar {
          gap: 0.25rem;
          padding: 0.25rem;
        }
        .toc {
          grid-area: main;
          z-index: 2;
          width: min(85%, 20rem);
          border-right: 1px solid var(--scorm-line);
          box-shadow: 0.25rem 0 1rem var(--scorm-shadow);
        }
        .toc-label,
        .view-label {
          position: absolute;
          width: 1px;
          height: 1px;
          overflow: hidden;
          clip-path: inset(50%);
          white-space: nowrap;
        }
      }
    `,
  ];

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
  @property({ attribute: false }) accessor courseVersion: StoredCourseProgress['courseVersion'] | undefined =
    undefined;
  /** `&item=`: a choice of this item is the first navigation request. */
  @property({ attribute: 'initial-item' }) accessor initialItem: string | undefined = undefined;
  @property() accessor credit: 'credit' | 'no-credit' = 'credit';
  @property() accessor mode: 'normal' | 'browse' | 'review' = 'normal';
  /** Makes the sequencer for the course (SCORM 1.2 or 2004); the player never picks an engine itself. */
  @property({ attribute: false }) accessor navigatorFactory: NavigatorFactory | undefined = undefined;
  /** Makes the SCO's API for the direct launcher; defaults to src/runtime's Scorm12Api / Scorm2004Api. */
  @property({ attribute: false }) accessor apiFactory: ApiFactory = runtimeApiFactory;
  /** Where content runs; default: directly in the stage's frame with the API on this window. */
  @property({ attribute: false }) accessor contentLauncher: ContentLauncher | undefined = undefined;

  @state() private accessor choosingOrganization = false;
  @state() private accessor failure = '';
  @state() private accessor message = '';
  @state() private accessor tocOpen = true;
  /** The table of contents is a drawer (phone width). */
  @state() private accessor narrow = false;
  /** The content is in a window of its own ("Open in a new window"). */
  @state() private accessor inWindow = false;
  @state() private accessor fullscreen = false;
  /** Why saves fail now ('' while they succeed), for <save-notice>. */
  @state() private accessor saveProblem = '';

  private session: CourseSession | undefined;
  private keeper: ProgressKeeper | undefined;
  private openToken = 0;
  private opening: Promise<void> = Promise.resolve();
  private titles = new Map<string, string>();
  private tocRoot: TocNode | undefined;
  private tocKey = '';
  private tocStateMap: ReadonlyMap<string, TocItemState> = new Map();
  private valid: Partial<Record<ToolbarAction, boolean>> = {};
  private derivedRevision = -1;
  private previousItemId: string | undefined;
  /** Whether the course has more than one launchable item (Previous/Continue mean something). */
  private sequential = true;
  private readonly narrowQuery = window.matchMedia(NARROW);
  private readonly windowStage = new WindowStage({ closed: () => this.backFromWindow() });

  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }

  /** The navigator of the course being played (for the app and tests). */
  get navigator() {
    return this.session?.navigator;
  }

  /** The item being delivered. */
  get currentItemId(): string | undefined {
    return this.session?.currentItemId;
  }

  /** Resolves once every progress write issued so far is durable. */
  async whenSaved(): Promise<void> {
    await this.keeper?.whenSaved();
  }

  /** Resolves once the navigation requests issued so far have been carried out. */
  async whenSettled(): Promise<void> {
    await this.opening;
    await this.session?.whenSettled();
  }

  /** Asks for a navigation request, as the toolbar and TOC do. Requests run one at a time, in order. */
  async requestNavigation(request: NavRequest): Promise<void> {
    await this.opening;
    await this.session?.requestNavigation(request);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener(NavRequestEvent.eventName, this.onNavRequest);
    this.addEventListener(OrganizationRequestEvent.eventName, this.onOrganizationRequest);
    window.addEventListener('pagehide', this.onPageHide);
    this.addEventListener('keydown', this.onKeyDown);
    document.addEventListener('fullscreenchange', this.onFullscreenChange);
    this.narrowQuery.addEventListener('change', this.onNarrowChange);
    this.onNarrowChange();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener(NavRequestEvent.eventName, this.onNavRequest);
    this.removeEventListener(OrganizationRequestEvent.eventName, this.onOrganizationRequest);
    window.removeEventListener('pagehide', this.onPageHide);
    this.removeEventListener('keydown', this.onKeyDown);
    document.removeEventListener('fullscreenchange', this.onFullscreenChange);
    this.narrowQuery.removeEventListener('change', this.onNarrowChange);
    this.openToken++;
    this.closeSession();
    this.windowStage.close();
  }

  /** Shows or hides the table of contents; in the wide layout the choice is remembered. */
  toggleToc(open = !this.tocOpen): void {
    this.tocOpen = open;
    if (!this.narrow) {
      try {
        localStorage.setItem(TOC_PREFERENCE, open ? '1' : '0');
      } catch {
        // Storage refused (private mode): the choice lasts for this page.
      }
    }
    // A drawer that opens takes the focus (to the current item); one that closes gives it back.
    if (this.narrow)
      void this.updateComplete.then(() =>
        open
          ? this.renderRoot.querySelector('scorm-toc')?.focus()
          : this.renderRoot.querySelector<HTMLElement>('.toc-toggle')?.focus(),
      );
  }

  /** Enters or leaves fullscreen (the Fullscreen API on the player; Escape leaves it too). */
  async toggleFullscreen(): Promise<void> {
    try {
      if (this.isFullscreen()) await document.exitFullscreen();
      else await this.requestFullscreen({ navigationUI: 'hide' });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.announce(msg(str`Full screen is not available here (${reason}).`, { id: 'player.no-fullscreen' }));
    }
  }

  /** Whether the player is the fullscreen element (its own tree's: document.fullscreenElement is retargeted). */
  private isFullscreen(): boolean {
    const root = this.getRootNode() as Document | ShadowRoot;
    return root.fullscreenElement === this;
  }

  /** Moves the content into a window of its own; the API stays on this page (the window's opener). */
  openInWindow(): void {
    // Opened in the click itself: browsers block popups opened after an await.
    if (!this.windowStage.open()) {
      this.announce(
        msg('The browser blocked the new window. Allow pop-ups for this site and try again.', {
          id: 'player.popup-blocked',
        }),
      );
      return;
    }
    this.inWindow = true;
    void this.session?.relaunch();
  }

  /** Brings the content back into the player's frame (the learner closed the window, or asked). */
  backFromWindow(): void {
    if (!this.inWindow) return;
    this.inWindow = false;
    this.windowStage.close();
    void this.updateComplete.then(() => this.session?.relaunch());
  }

  protected override updated(changed: PropertyValues<this>): void {
    const keys = ['manifest', 'store', 'learner', 'courseKey', 'organizationId', 'navigatorFactory'] as const;
    if (
      keys.some((k) => changed.has(k)) &&
      this.manifest &&
      this.store &&
      this.learner &&
      this.courseKey &&
      this.navigatorFactory
    )
      this.opening = this.open().catch((error: unknown) => this.fail(error));
  }

  // ---------------------------------------------------------------------------------------------
  // Opening a course
  // ---------------------------------------------------------------------------------------------

  private async open(): Promise<void> {
    const token = ++this.openToken;
    await this.session?.whenSettled();
    this.closeSession();
    this.saveProblem = '';
    const keeper = new ProgressKeeper(
      this.store!,
      this.courseKey,
      this.learner!,
      (error) => {
        console.error('scorm-player: progress could not be saved', error);
        this.saveProblem = keeper.failure ?? '';
      },
      () => (this.saveProblem = ''),
    );
    await keeper.load();
    if (token !== this.openToken) return;
    this.keeper = keeper;
    const manifest = this.manifest!;
    const byId = (id: string | undefined) => manifest.organizations.find((o) => o.identifier === id);
    const organization =
      byId(this.organizationId) ??
      byId(keeper.storedOrganizationId()) ??
      (manifest.organizations.length > 1 ? undefined : manifest.defaultOrganization);
    if (!organization) {
      this.choosingOrganization = true;
      return;
    }
    await this.begin(organization, token);
  }

  private async begin(organization: Organization, token: number): Promise<void> {
    const manifest = this.manifest!;
    const keeper = this.keeper!;
    const factory = this.navigatorFactory!;
    // Leave the organization choice: the next render puts the TOC and the stage in place.
    this.choosingOrganization = false;
    this.failure = '';
    const probe = factory(manifest, organization);
    const globalObjectives = await keeper.loadGlobalObjectives(probe.globalObjectiveScope);
    if (token !== this.openToken) return;
    const restore = keeper.storedNavigatorState(organization);
    const navigator = factory(manifest, organization, {
      ...(restore === undefined ? {} : { restore }),
      globalObjectives,
    });
    this.titles = titlesOf(organization);
    this.tocRoot = undefined;
    this.tocKey = '';
    this.derivedRevision = -1;
    this.sequential = navigator.leaves().length > 1;
    keeper.begin(manifest, organization, navigator, this.courseVersion);
    this.session = new CourseSession(
      {
        manifest,
        organization,
        navigator,
        keeper,
        launcher: this.contentLauncher ?? new DirectContentLauncher(this.apiFactory),
        contentBase: this.contentBase,
        credit: this.credit,
        mode: this.mode,
      },
      {
        stage: async (): Promise<ContentStage> => {
          if (this.inWindow && this.windowStage.window) return this.windowStage;
          await this.updateComplete;
          return this.renderRoot.querySelector('scorm-stage') as ScormStage;
        },
        changed: () => this.sessionChanged(),
        announce: (text) => this.announce(text),
        itemChanged: (itemId, title) => this.itemChanged(itemId, title),
        progress: (detail: ProgressDetail) => this.dispatchEvent(new ScormProgressEvent(detail)),
        ended: (reason: SessionEndReason, summary: CourseSummary) =>
          this.dispatchEvent(new ScormSessionEndEvent(reason, summary)),
      },
    );
    this.requestUpdate();
    await this.session.begin(this.initialItem);
  }

  private closeSession(): void {
    this.session?.dispose();
    this.session = undefined;
    this.stage()?.unload();
  }

  private sessionChanged(): void {
    // Nothing is delivered any more (the end, or waiting for a choice): the content's window goes too.
    if (this.inWindow && this.session && this.session.phase !== 'playing') {
      this.inWindow = false;
      this.windowStage.close();
    }
    this.requestUpdate();
  }

  /** Review: the course again from the start, in review mode (RTE 4.2.13 cmi.mode), without credit. */
  private review(): void {
    this.mode = 'review';
    this.credit = 'no-credit';
    this.opening = this.open().catch((error: unknown) => this.fail(error));
  }

  private itemChanged(itemId: string | undefined, title: string | undefined): void {
    if (itemId === this.previousItemId) return;
    this.previousItemId = itemId;
    this.dispatchEvent(new ScormItemChangeEvent(itemId, title));
  }

  private fail(error: unknown): void {
    console.error('scorm-player:', error);
    this.closeSession();
    this.failure = error instanceof Error ? error.message : String(error);
  }

  private announce(text: string): void {
    // Re-set so that the same message is announced again.
    this.message = '';
    void this.updateComplete.then(() => (this.message = text));
  }

  private stage(): ScormStage | null {
    return this.renderRoot.querySelector('scorm-stage');
  }

  private phase(): Phase {
    if (this.choosingOrganization) return 'choose-organization';
    if (this.failure) return 'error';
    return this.session?.phase ?? 'waiting';
  }

  private readonly onNavRequest = (event: NavRequestEvent): void => {
    // Requests from the toolbar, TOC and panels inside this player stop here: only the player acts.
    event.stopPropagation();
    // A choice made in the drawer closes it, so the learner sees what they chose.
    if (this.narrow && this.tocOpen && event.request.type === 'choice') this.toggleToc(false);
    void this.requestNavigation(event.request);
  };

  private readonly onKeyDown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    if (this.narrow && this.tocOpen) {
      event.preventDefault();
      this.toggleToc(false);
    } else if (this.isFullscreen()) {
      // Browsers leave fullscreen on Escape themselves; this covers embedders that swallow it.
      event.preventDefault();
      void document.exitFullscreen();
    }
  };

  private readonly onFullscreenChange = (): void => {
    this.fullscreen = this.isFullscreen();
  };

  private readonly onNarrowChange = (): void => {
    this.narrow = this.narrowQuery.matches;
    // The drawer starts closed; the wide layout shows the learner's remembered choice (open by default).
    let remembered: string | null = null;
    try {
      remembered = localStorage.getItem(TOC_PREFERENCE);
    } catch {
      // Storage refused: the default.
    }
    this.tocOpen = !this.narrow && remembered !== '0';
  };

  private readonly onOrganizationRequest = (event: OrganizationRequestEvent): void => {
    event.stopPropagation();
    const organization = this.manifest?.organizations.find((o) => o.identifier === event.organizationId);
    if (organization && this.choosingOrganization)
      this.opening = this.begin(organization, this.openToken).catch((error: unknown) => this.fail(error));
  };

  private readonly onPageHide = (event: PageTransitionEvent): void => {
    // A page kept in the back/forward cache comes back as it was: leave the SCO running.
    if (event.persisted) return;
    // The tab is going away. Unload the content first (the parent's pagehide comes before the frame's
    // unload, and the SCO's own unload handler sets exit/session time), then finish on its behalf if it
    // did not; the write is issued before this handler returns.
    this.session?.leaveNow();
    // The content's window cannot reach the API once this page is gone.
    this.windowStage.close();
  };

  // ---------------------------------------------------------------------------------------------
  // Rendering
  // ---------------------------------------------------------------------------------------------

  /** Recomputes the TOC tree/states and toolbar validity when a new snapshot was published. */
  private derive(): void {
    const session = this.session;
    if (!session) return;
    const snapshot = session.snapshot();
    if (this.derivedRevision === snapshot.revision && this.tocRoot) return;
    this.derivedRevision = snapshot.revision;
    const key = tocShapeKey(snapshot);
    if (!this.tocRoot || key !== this.tocKey) {
      this.tocKey = key;
      this.tocRoot = tocTree(snapshot, this.titles);
    }
    this.tocStateMap = tocStates(snapshot);
    this.valid = toolbarValidity(snapshot);
  }

  override render() {
    const phase = this.phase();
    if (phase === 'choose-organization') return this.renderOrganizations();
    this.derive();
    const currentId = this.session?.currentItemId;
    const current = currentId ? this.session?.items.get(currentId) : undefined;
    const started = phase !== 'waiting' && phase !== 'error';
    const playing = phase === 'playing';
    // The end page and errors take the whole width: no contents beside them.
    const tocShown = this.tocOpen && phase !== 'ended';
    return html`<div class="layout ${tocShown ? '' : 'toc-closed'}">
      <div class="bar">
        ${
          phase === 'ended'
            ? nothing
            : html`<button
                type="button"
                class="toc-toggle"
                aria-expanded=${String(tocShown)}
                aria-controls="toc"
                title=${msg('Contents', { id: 'player.contents' })}
                @click=${() => this.toggleToc()}
              >
                ${icons.contents}<span class="toc-label">${msg('Contents', { id: 'player.contents' })}</span>
              </button>`
        }
        <div class="title"><slot name="title">${this.manifest?.title ?? ''}</slot></div>
        ${
          started && phase !== 'ended'
            ? html`<scorm-toolbar
                .valid=${this.valid}
                .hideLmsUi=${current?.hideLmsUi ?? []}
                .sequential=${this.sequential}
              ></scorm-toolbar>`
            : nothing
        }
        <div class="view-controls" role="group" aria-label=${msg('View', { id: 'player.view' })}>
          ${
            playing && !this.inWindow && (this.contentLauncher?.opensWindows ?? true)
              ? html`<button
                  type="button"
                  class="new-window"
                  title=${msg('Open in a new window', { id: 'player.new-window' })}
                  @click=${() => this.openInWindow()}
                >
                  ${icons.newWindow}<span class="view-label"
                    >${msg('Open in a new window', { id: 'player.new-window' })}</span
                  >
                </button>`
              : nothing
          }
          <button
            type="button"
            class="fullscreen"
            aria-pressed=${String(this.fullscreen)}
            title=${msg('Full screen', { id: 'player.fullscreen' })}
            @click=${() => void this.toggleFullscreen()}
          >
            ${icons.fullscreen}<span class="view-label"
              >${msg('Full screen', { id: 'player.fullscreen' })}</span
            >
          </button>
        </div>
      </div>
      <nav
        class="toc"
        id="toc"
        aria-label=${msg('Table of contents', { id: 'player.toc' })}
        ?hidden=${!tocShown}
      >
        <scorm-toc .root=${this.tocRoot} .states=${this.tocStateMap} .currentId=${currentId}></scorm-toc>
      </nav>
      <div class="main">
        <save-notice
          .problem=${this.saveProblem}
          @scorm-save-retry=${() => void this.keeper?.retry()}
        ></save-notice>
        <scorm-stage ?hidden=${!playing || this.inWindow}></scorm-stage>
        ${playing && this.inWindow ? this.renderInWindow(current?.title ?? '') : this.renderPanel()}
        <p class="sr-only" role="status">${this.message}</p>
      </div>
    </div>`;
  }

  private renderInWindow(title: string) {
    return html`<section class="panel" aria-labelledby="window-h">
      <h2 id="window-h">${msg('The course is open in another window', { id: 'player.in-window' })}</h2>
      <p>
        ${msg(str`“${title}” is playing in its own window. Your progress is saved from there.`, {
          id: 'player.in-window-detail',
        })}
      </p>
      <div class="actions">
        <button type="button" @click=${() => this.windowStage.focus()}>
          ${msg('Show the window', { id: 'player.show-window' })}
        </button>
        <button type="button" class="back-here" @click=${() => this.backFromWindow()}>
          ${msg('Bring it back here', { id: 'player.back-here' })}
        </button>
      </div>
    </section>`;
  }

  private renderPanel() {
    switch (this.phase()) {
      case 'idle':
        return html`<section class="panel" aria-labelledby="idle-h">
          <h2 id="idle-h">${msg('Choose what to do next', { id: 'player.idle' })}</h2>
          <p>
            ${msg('Pick an item in the table of contents, or use Continue or Previous.', {
              id: 'player.idle-detail',
            })}
          </p>
        </section>`;
      case 'ended':
        return this.renderEnd();
      case 'error':
        return html`<section class="panel" role="alert">
          <h2>${msg('The course could not be played', { id: 'player.error' })}</h2>
          <p>${this.failure || this.message}</p>
        </section>`;
      default:
        return nothing;
    }
  }

  /** The end page: where the learner stands, and what they can do now. No frame stays on screen. */
  private renderEnd() {
    const reason = this.session?.endReason;
    const suspended = reason === 'suspendAll';
    const empty = reason === 'nothing-to-deliver' && !this.session?.deliveredAny;
    const record = this.keeper?.record;
    const done = record?.completionStatus === 'completed' || record?.successStatus === 'passed';
    const heading = empty
      ? msg('There is nothing to play in this course', { id: 'player.end-empty' })
      : suspended
        ? msg('You have left the course', { id: 'player.end-left' })
        : done
          ? msg('You have finished the course', { id: 'player.end-finished' })
          : reason === 'completed' || reason === 'nothing-to-deliver'
            ? msg('You have reached the end of the course', { id: 'player.end-reached' })
            : msg('You have left the course', { id: 'player.end-left' });
    return html`<section class="panel end" aria-labelledby="end-h">
      <h2 id="end-h" tabindex="-1">${heading}</h2>
      ${
        record && !empty
          ? html`<dl class="summary">
              <dt>${msg('Status', { id: 'player.status' })}</dt>
              <dd class="end-status">${statusText(record.completionStatus, record.successStatus)}</dd>
              <dt>${msg('Score', { id: 'player.score' })}</dt>
              <dd class="end-score">
                ${
                  record.scoreScaled === undefined
                    ? msg('No score', { id: 'player.no-score' })
                    : formatPercent(record.scoreScaled)
                }
              </dd>
              <dt>${msg('Time', { id: 'player.time' })}</dt>
              <dd class="end-time">${formatDuration(record.totalSeconds)}</dd>
            </dl>`
          : nothing
      }
      <p>
        ${
          suspended
            ? msg('Your place is saved. Resume now or later.', { id: 'player.end-suspended' })
            : msg('Your progress is saved.', { id: 'player.end-saved' })
        }
      </p>
      <div class="actions">
        ${
          suspended
            ? html`<button type="button" @click=${() => this.requestNavigation({ type: 'resumeAll' })}>
                ${msg('Resume', { id: 'player.resume' })}
              </button>`
            : empty
              ? nothing
              : html`<button type="button" class="review" @click=${() => this.review()}>
                  ${msg('Review', { id: 'player.review' })}
                </button>`
        }
        <slot name="end-actions"></slot>
      </div>
    </section>`;
  }

  private renderOrganizations() {
    const m = this.manifest!;
    return html`<section class="panel" aria-labelledby="org-h">
      <h2 id="org-h">${msg('Choose a version of this course', { id: 'player.choose-organization' })}</h2>
      <ul class="orgs">
        ${m.organizations.map(
          (o) =>
            html`<li>
              <button
                type="button"
                @click=${() => this.dispatchEvent(new OrganizationRequestEvent(o.identifier))}
              >
                ${
                  o === m.defaultOrganization
                    ? msg(str`${o.title} (recommended)`, { id: 'player.recommended' })
                    : o.title
                }
              </button>
            </li>`,
        )}
      </ul>
    </section>`;
  }
}

/** The course's status in words: success when known, else completion (what the results view shows). */
function statusText(
  completion: StoredCourseProgress['completionStatus'],
  success: StoredCourseProgress['successStatus'],
): string {
  if (success === 'passed') return msg('Passed', { id: 'player.passed' });
  if (success === 'failed') return msg('Failed', { id: 'player.failed' });
  switch (completion) {
    case 'completed':
      return msg('Completed', { id: 'player.completed' });
    case 'incomplete':
      return msg('Incomplete', { id: 'player.incomplete' });
    case 'not attempted':
      return msg('Not attempted', { id: 'player.not-attempted' });
    default:
      return msg('Unknown', { id: 'player.unknown' });
  }
}

/** Item titles by identifier, the organization's included. */
function titlesOf(organization: Organization): Map<string, string> {
  const titles = new Map<string, string>([[organization.identifier, organization.title]]);
  for (const item of eachItem(organization.items)) titles.set(item.identifier, item.title);
  return titles;
}

customElements.define('scorm-player', ScormPlayer);

declare global {
  interface HTMLElementTagNameMap {
    'scorm-player': ScormPlayer;
  }
}
