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
import { msg, updateWhenLocaleChanges } from '../i18n/msg.js';
import type { Item, Manifest, Organization } from '../package/types.js';
import type { NavigatorFactory, NavRequest, SessionEndReason } from '../sequencing/navigator.js';
import type { StoredCourseProgress } from '../storage/db.js';
import type { ProgressStore } from '../storage/progress.js';
import type { ContentLauncher } from './content-session.js';
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
import './scorm-toc.js';
import './scorm-stage.js';
import './scorm-toolbar.js';
import './save-notice.js';

export type { Learner };

type Phase = SessionPhase | 'choose-organization';

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
  /** Why saves fail now ('' while they succeed), for <save-notice>. */
  @state() private accessor saveProblem = '';

  private session: CourseSession | undefined;

  constructor() {
    super();
    updateWhenLocaleChanges(this); // re-render on a language switch (src/i18n)
  }
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
    this.tocOpen = !window.matchMedia('(max-width: 40rem)').matches;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener(NavRequestEvent.eventName, this.onNavRequest);
    this.removeEventListener(OrganizationRequestEvent.eventName, this.onOrganizationRequest);
    window.removeEventListener('pagehide', this.onPageHide);
    this.openToken++;
    this.closeSession();
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
        this.announce(msg('Your progress could not be saved.', { id: 'player.save-failed' }));
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
        stage: async () => {
          await this.updateComplete;
          return this.renderRoot.querySelector('scorm-stage') as ScormStage;
        },
        changed: () => this.requestUpdate(),
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
    void this.requestNavigation(event.request);
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
          started && phase !== 'ended'
            ? html`<scorm-toolbar
                .valid=${this.valid}
                .hideLmsUi=${current?.hideLmsUi ?? []}
              ></scorm-toolbar>`
            : nothing
        }
      </div>
      <nav class="toc" id="toc" aria-label=${msg('Table of contents', { id: 'player.toc' })}>
        <scorm-toc .root=${this.tocRoot} .states=${this.tocStateMap} .currentId=${currentId}></scorm-toc>
      </nav>
      <div class="main">
        <save-notice
          .problem=${this.saveProblem}
          @scorm-save-retry=${() => void this.keeper?.retry()}
        ></save-notice>
        <scorm-stage ?hidden=${phase !== 'playing'}></scorm-stage>
        ${this.renderPanel()}
        <p class="sr-only" role="status">${this.message}</p>
      </div>
    </div>`;
  }

  private renderPanel() {
    switch (this.phase()) {
      case 'idle':
        return html`<section class="panel" aria-labelledby="idle-h">
          <h2 id="idle-h">${msg('Choose what to do next', { id: 'player.idle-title' })}</h2>
          <p>
            ${msg('Pick an item in the table of contents, or use Continue or Previous.', { id: 'player.idle-text' })}
          </p>
        </section>`;
      case 'ended': {
        const reason = this.session?.endReason;
        const suspended = reason === 'suspendAll';
        const heading =
          reason === 'completed'
            ? msg('You have finished the course', { id: 'player.finished' })
            : reason === 'nothing-to-deliver' && !this.session?.deliveredAny
              ? msg('There is nothing to play in this course', { id: 'player.nothing' })
              : msg('You have left the course', { id: 'player.left' });
        return html`<section class="panel" aria-labelledby="end-h">
          <h2 id="end-h">${heading}</h2>
          <p>
            ${suspended ? msg('Your place is saved. Resume now or later.', { id: 'player.place-saved' }) : msg('Your progress is saved.', { id: 'player.progress-saved' })}
          </p>
          ${
            suspended
              ? html`<button type="button" @click=${() => this.requestNavigation({ type: 'resumeAll' })}>
                  ${msg('Resume', { id: 'player.resume' })}
                </button>`
              : html`<button type="button" @click=${() => this.requestNavigation({ type: 'start' })}>
                  ${msg('Restart', { id: 'player.restart' })}
                </button>`
          }
        </section>`;
      }
      case 'error':
        return html`<section class="panel" role="alert">
          <h2>${msg('The course could not be played', { id: 'player.failed' })}</h2>
          <p>${this.failure || this.message}</p>
        </section>`;
      default:
        return nothing;
    }
  }

  private renderOrganizations() {
    const m = this.manifest!;
    return html`<section class="panel" aria-labelledby="org-h">
      <h2 id="org-h">${msg('Choose a version of this course', { id: 'player.choose-org' })}</h2>
      <ul class="orgs">
        ${m.organizations.map(
          (o) =>
            html`<li>
              <button
                type="button"
                @click=${() => this.dispatchEvent(new OrganizationRequestEvent(o.identifier))}
              >
                ${o.title}${o === m.defaultOrganization ? ` ${msg('(recommended)', { id: 'player.recommended' })}` : ''}
              </button>
            </li>`,
        )}
      </ul>
    </section>`;
  }
}

/** Item titles by identifier, the organization's included. */
function titlesOf(organization: Organization): Map<string, string> {
  const titles = new Map<string, string>([[organization.identifier, organization.title]]);
  const stack: Item[] = [...organization.items];
  while (stack.length) {
    const item = stack.pop()!;
    titles.set(item.identifier, item.title);
    stack.push(...item.children);
  }
  return titles;
}

customElements.define('scorm-player', ScormPlayer);

declare global {
  interface HTMLElementTagNameMap {
    'scorm-player': ScormPlayer;
  }
}
