// <scorm-dispatch-view token user-id>: the player's dispatch launch (/player/dispatch/<token>?user_id= and
// ?dispatch=<token>&user_id=). It reads dispatches.json, checks the token and the user id, opens the course
// for this learner of this dispatch (progress keyed `dispatch:<token>`, so learners of different LMSs never
// meet), asks about course versions when needed, and hosts <scorm-player>. In relay mode (&relay=1) it posts
// results and the learner's course state to the framing shell once its origin is found in allowedOrigins,
// and resumes from the host's state when it is newer than this browser's; with a reportUrl it POSTs the
// attempt summary. Both go at most once a second, the last values always (issue 12), and the exit last.
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import '../player/scorm-player.js';
import { navigatorFactory } from './navigators.js';
import type { ScormProgressEvent, ScormSessionEndEvent } from '../player/events.js';
import { Coalescer } from '../dispatch/coalesce.js';
import type { HostResumeDecision } from '../dispatch/host-resume.js';
import { SUSPEND_DATA_LIMIT } from '../dispatch/host-state.js';
import { LaunchResults } from '../dispatch/launch-results.js';
import { courseUrls, lookupDispatch, parseRegistry, type DispatchEntry } from '../dispatch/registry.js';
import { RelayClient, type RelayConnection } from '../dispatch/relay-client.js';
import type { RelayResults } from '../dispatch/relay-protocol.js';
import { hashedUserId, sendReport, type AttemptSummary, type ReportTransport } from '../dispatch/report.js';
import { dispatchCourseKey, MAX_USER_ID_LENGTH, userIdProblem } from '../dispatch/user-id.js';
import { formatDateTime } from '../i18n/format.js';
import { msg, str, updateWhenLocaleChanges } from '../i18n/msg.js';
import { openPlayerDb, type PlayerDatabase } from '../storage/db.js';
import type { ProgressStore } from '../storage/progress.js';
import { IdbProgressStore } from '../storage/progress-idb.js';
import { MemoryProgressStore } from '../storage/progress-memory.js';
import { openCourse, type OpenedCourse } from './course-opener.js';
import { contentIsolation, isolateCourse } from './content-origin.js';
import type { ContentLauncher } from '../player/content-session.js';
import { resolveCourseVersion } from './course-version.js';
import { adoptHostState, HostSync } from './dispatch-host-sync.js';
import { sharedStyles } from './shared-styles.js';

/** Why a dispatch cannot start; shown as a page of its own (`data-problem` names it for tests and styling). */
export type DispatchProblem =
  | 'user-id-empty'
  | 'user-id-too-long'
  | 'user-id-control-characters'
  | 'registry-unavailable'
  | 'unknown'
  | 'disabled'
  | 'expired'
  | 'invalid'
  | 'origin-not-allowed'
  | 'course-unavailable'
  | 'storage-blocked';

interface ProblemPage {
  problem: DispatchProblem;
  heading: string;
  text: string;
}

/** The way out of every problem page: the learner cannot fix the link, the LMS's administrator can. */
function askLms(): string {
  return msg('Please tell the administrator of the learning system (LMS) you came from.', {
    id: 'dispatch.ask-lms',
  });
}

@customElement('scorm-dispatch-view')
export class DispatchView extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: flex;
        flex-direction: column;
        min-height: 100vh;
      }
      .page {
        max-width: 38rem;
        margin: 0 auto;
        padding: 2rem 1rem;
      }
      scorm-player {
        flex: 1 1 auto;
        min-height: 100vh;
      }
      .notice {
        padding: 0.4rem 1rem;
        font-size: 0.9rem;
        border-bottom: 1px solid var(--sp-line);
      }
      .notice p {
        margin: 0;
      }
    `,
  ];

  @property() accessor token = '';
  @property({ attribute: 'user-id' }) accessor userId: string | undefined = undefined;
  /** The player's database; the view opens its own when the app does not pass one. */
  @property({ attribute: false }) accessor db: PlayerDatabase | undefined = undefined;
  /** Where the registry is (default: dispatches.json beside the app's index.html). */
  @property({ attribute: 'registry-url' }) accessor registryUrl: string | undefined = undefined;
  /** Relay mode (the shell frames the player); default: the page URL's relay=1. */
  @property({ type: Boolean }) accessor relay = new URLSearchParams(location.search).get('relay') === '1';

  @state() accessor problem: ProblemPage | undefined = undefined;
  @state() accessor course: OpenedCourse | undefined = undefined;
  @state() accessor learnerName: string | undefined = undefined;
  /** True when the browser refused IndexedDB here (a third-party frame with storage blocked): progress then
   * lasts for this visit only, and the host LMS (relay mode) is where results are kept. */
  @state() accessor storageBlocked = false;
  /** Why the host LMS's stored progress was not used although this browser has none (shown as a notice). */
  @state() accessor hostNotice = '';
  /** True once the host LMS holds less than the learner's full state (its suspend_data is too small). */
  @state() accessor hostPartial = false;
  /** How reports go (tests pass their own). */
  @property({ attribute: false }) accessor reportTransport: ReportTransport | undefined = undefined;

  #store: ProgressStore | undefined;
  #ownDb: PlayerDatabase | undefined;
  #entry: DispatchEntry | undefined;
  #reportUrl: string | undefined;
  /** The learner id reports carry: the LMS's, or its SHA-256 for an entry with hashUserId. */
  #reportUserId: { userId: string } | { userIdSha256: string } | undefined;
  #relay: RelayClient | undefined;
  #launcher: ContentLauncher | undefined;
  #hostSync: HostSync | undefined;
  #stopStored: (() => void) | undefined;
  #results: LaunchResults | undefined;
  #relayPosts: Coalescer<RelayResults> | undefined;
  #reports: Coalescer<AttemptSummary> | undefined;
  #exited = false;
  #run = 0;
  #pagehideAfter: Element | undefined;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('token') || changed.has('userId') || changed.has('db') || changed.has('registryUrl'))
      void this.#start();
  }

  protected override updated(): void {
    // The exit must carry what the player saves when the page goes away: the player ends its SCO in its own
    // pagehide listener, so ours is registered again after the player element connected, to run after it.
    const player = this.renderRoot.querySelector('scorm-player') ?? undefined;
    if (player && player !== this.#pagehideAfter) {
      this.#pagehideAfter = player;
      removeEventListener('pagehide', this.#onPageHide);
      addEventListener('pagehide', this.#onPageHide);
    }
  }

  override connectedCallback(): void {
    super.connectedCallback();
    addEventListener('pagehide', this.#onPageHide);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('pagehide', this.#onPageHide);
    this.#stopStored?.();
    this.#ownDb?.close();
    this.#ownDb = undefined;
  }

  override render() {
    if (this.problem) {
      return html`<div class="page" role="alert" data-problem=${this.problem.problem}>
        <h1 tabindex="-1">${this.problem.heading}</h1>
        <p>${this.problem.text}</p>
      </div>`;
    }
    const c = this.course;
    if (c && this.#store && this.userId !== undefined) {
      const learner = this.learnerName ? { id: this.userId, name: this.learnerName } : { id: this.userId };
      return html`${this.#notices()}<scorm-player
          .manifest=${c.manifest}
          .navigatorFactory=${navigatorFactory}
          .contentBase=${c.contentBase}
          .courseKey=${c.courseKey}
          .courseVersion=${c.courseVersion}
          .learner=${learner}
          .store=${this.#store}
          .contentLauncher=${this.#launcher}
          @scorm-progress=${this.#onProgress}
          @scorm-session-end=${this.#onSessionEnd}
        ></scorm-player>`;
    }
    return html`<div class="page">
      <p role="status">${msg('Opening the course…', { id: 'dispatch.opening' })}</p>
    </div>`;
  }

  #notices() {
    const texts: string[] = [];
    if (this.storageBlocked)
      texts.push(
        msg(
          'This browser does not let the course keep your progress here, so it lasts for this visit only.',
          {
            id: 'dispatch.storage-blocked-notice',
          },
        ),
      );
    if (this.hostNotice) texts.push(this.hostNotice);
    if (this.hostPartial)
      texts.push(
        this.storageBlocked
          ? msg(
              'Your learning system can keep only part of your progress in this course: your place and what you have completed.',
              { id: 'dispatch.host-partial' },
            )
          : msg(
              'Your learning system can keep only part of your progress in this course: your place and what you have completed. To continue exactly where you left off, come back in this browser.',
              { id: 'dispatch.host-partial-come-back' },
            ),
      );
    return texts.length
      ? html`<div class="notice" role="status">${texts.map((t) => html`<p>${t}</p>`)}</div>`
      : nothing;
  }

  #fail(problem: DispatchProblem, heading: string, text: string): void {
    this.problem = { problem, heading, text };
    this.course = undefined;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('h1')?.focus());
  }

  async #start(): Promise<void> {
    const run = ++this.#run;
    const stale = (): boolean => run !== this.#run;
    this.#reset();
    const { token, userId } = this;
    if (!token) return;
    if (!this.#checkUserId(userId)) return;
    const registryUrl = this.registryUrl ?? new URL('dispatches.json', document.baseURI).href;
    const entry = await this.#lookup(token, registryUrl, stale);
    if (!entry || stale()) return;
    this.#entry = entry;
    this.#reportUrl = entry.reportUrl ? new URL(entry.reportUrl, registryUrl).href : undefined;
    this.#reportUserId = entry.hashUserId
      ? { userIdSha256: await hashedUserId(token, userId!) }
      : { userId: userId! };

    // Relay: find the shell while the course opens.
    const relay = this.relay ? new RelayClient({ token, entry }) : undefined;
    const connecting = relay?.connect();
    try {
      const db = await this.#database();
      if (stale()) return;
      this.storageBlocked = !db;
      const store: ProgressStore = db ? new IdbProgressStore(db) : new MemoryProgressStore();
      const urls = courseUrls(entry, registryUrl);
      const courseKey = dispatchCourseKey(token);
      const keys = { courseKey, learnerId: userId! };
      const open = (url: string): Promise<OpenedCourse> => this.#openCourse(db, url, registryUrl);
      let opened = await open(urls.current);
      const connection = await connecting;
      if (stale()) return;
      if (connection?.status === 'refused') {
        return this.#fail(
          'origin-not-allowed',
          msg('This course cannot be shown here', { id: 'dispatch.origin-title' }),
          connection.origin
            ? msg(str`${connection.origin} is not allowed to show this course. ${askLms()}`, {
                id: 'dispatch.origin-text',
              })
            : msg(str`This site is not allowed to show this course. ${askLms()}`, {
                id: 'dispatch.origin-text-unknown',
              }),
        );
      }
      // The host's state goes in before the version choice, which then applies to it as to any record.
      if (connection?.status === 'connected') {
        const hadProgress = (await store.loadCourse(courseKey, userId!)) !== undefined;
        const decision = await adoptHostState(store, keys, {
          token,
          hostText: connection.resume,
          hostEntry: connection.entry,
          current: opened.courseVersion,
          earlierVersions: urls.versions,
        });
        if (stale()) return;
        if (!hadProgress) this.hostNotice = hostNoticeFor(decision);
      }
      const resolved = await resolveCourseVersion({
        store,
        ...keys,
        current: opened.courseVersion,
        earlierVersions: urls.versions,
        courseTitle: entry.title ?? opened.title,
      });
      if (stale()) return;
      if (resolved.choice === 'continue') {
        opened = await open(resolved.version.url);
        if (stale()) return;
      }
      this.#store = store;
      if (connection?.status === 'connected' && relay) {
        this.#store = await this.#connectRelay(relay, connection, store, keys);
        if (stale()) return;
      }
      this.#results = new LaunchResults();
      this.#reports = new Coalescer((summary) => this.#send(summary));
      this.course = { ...opened, courseKey };
    } catch (error) {
      if (stale()) return;
      if (error instanceof StorageBlockedError) {
        return this.#fail(
          'storage-blocked',
          msg('This browser blocks what the course needs here', { id: 'dispatch.storage-title' }),
          msg(
            str`The course comes as a package that must be stored in the browser, and this browser does not allow that inside your LMS's page (third-party storage is blocked). Allow cookies and site data for this site, or open the course in its own window. ${askLms()}`,
            { id: 'dispatch.storage-text' },
          ),
        );
      }
      this.#fail(
        'course-unavailable',
        msg('The course could not be opened', { id: 'dispatch.open-failed-title' }),
        msg(
          str`${error instanceof Error ? error.message : String(error)}. Try again later. If it keeps happening: ${askLms()}`,
          { id: 'dispatch.open-failed-text' },
        ),
      );
    }
  }

  /** A new token or learner starts with nothing of the previous one. */
  #reset(): void {
    this.problem = undefined;
    this.course = undefined;
    this.hostNotice = '';
    this.hostPartial = false;
    this.#relay = undefined;
    this.#hostSync = undefined;
    this.#stopStored?.();
    this.#stopStored = undefined;
    this.#relayPosts?.cancel();
    this.#relayPosts = undefined;
    this.#reports?.cancel();
    this.#reports = undefined;
    this.#results = undefined;
    this.#exited = false;
  }

  #checkUserId(userId: string | undefined): boolean {
    const problem = userIdProblem(userId);
    if (problem === 'empty')
      this.#fail(
        'user-id-empty',
        msg('Your learner id is missing', { id: 'dispatch.user-empty-title' }),
        msg(str`This course link names no learner (user_id), so your progress cannot be kept. ${askLms()}`, {
          id: 'dispatch.user-empty-text',
        }),
      );
    else if (problem === 'too-long')
      this.#fail(
        'user-id-too-long',
        msg('Your learner id is too long', { id: 'dispatch.user-long-title' }),
        msg(str`A learner id may have at most ${MAX_USER_ID_LENGTH} characters. ${askLms()}`, {
          id: 'dispatch.user-long-text',
        }),
      );
    else if (problem === 'control-characters')
      this.#fail(
        'user-id-control-characters',
        msg('Your learner id is not valid', { id: 'dispatch.user-invalid-title' }),
        msg(str`The learner id in this course link holds control characters. ${askLms()}`, {
          id: 'dispatch.user-invalid-text',
        }),
      );
    return problem === undefined;
  }

  /** The registry entry of the token, or undefined after showing why it cannot be used. */
  async #lookup(
    token: string,
    registryUrl: string,
    stale: () => boolean,
  ): Promise<DispatchEntry | undefined> {
    try {
      const response = await fetch(registryUrl, { cache: 'no-cache' });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const lookup = lookupDispatch(parseRegistry(await response.text()), token);
      if (stale()) return undefined;
      if (lookup.ok) return lookup.entry;
      switch (lookup.reason) {
        case 'unknown':
          this.#fail(
            'unknown',
            msg('This course link is not known', { id: 'dispatch.unknown-title' }),
            msg(str`The player has no course for this link. ${askLms()}`, { id: 'dispatch.unknown-text' }),
          );
          break;
        case 'disabled':
          this.#fail(
            'disabled',
            msg('This course is not available', { id: 'dispatch.disabled-title' }),
            msg(str`The course behind this link has been switched off. ${askLms()}`, {
              id: 'dispatch.disabled-text',
            }),
          );
          break;
        case 'expired':
          this.#fail(
            'expired',
            msg('This course link has expired', { id: 'dispatch.expired-title' }),
            msg(
              str`The course behind this link was available until ${formatDateTime(lookup.entry?.expires)}. ${askLms()}`,
              { id: 'dispatch.expired-text' },
            ),
          );
          break;
        default:
          this.#fail(
            'invalid',
            msg('This course link is set up wrongly', { id: 'dispatch.invalid-title' }),
            msg(str`Its entry in the player's list is not valid. ${askLms()}`, {
              id: 'dispatch.invalid-text',
            }),
          );
      }
    } catch (error) {
      if (!stale())
        this.#fail(
          'registry-unavailable',
          msg('The list of courses could not be loaded', { id: 'dispatch.registry-title' }),
          msg(
            str`${error instanceof Error ? error.message : String(error)}. Check your connection and reload the page.`,
            {
              id: 'dispatch.registry-text',
            },
          ),
        );
    }
    return undefined;
  }

  /** Relay: the learner name, the host-state sync and the coalesced posts; returns the store to play on. */
  async #connectRelay(
    relay: RelayClient,
    connection: Extract<RelayConnection, { status: 'connected' }>,
    store: ProgressStore,
    keys: { courseKey: string; learnerId: string },
  ): Promise<ProgressStore> {
    this.#relay = relay;
    if (connection.learnerName) this.learnerName = connection.learnerName;
    const posts = new Coalescer<RelayResults>((results) => relay.progress(results, this.#hostSync?.texts()));
    this.#relayPosts = posts;
    const sync = new HostSync({
      token: relay.token,
      ...keys,
      limit: Math.min(connection.limit ?? SUSPEND_DATA_LIMIT['1.2'], SUSPEND_DATA_LIMIT['2004']),
      onChange: () => {
        if (!this.#exited) posts.push(this.#results?.results() ?? new LaunchResults().results());
      },
      onPartial: () => (this.hostPartial = true),
    });
    await sync.load(store);
    this.#hostSync = sync;
    this.#stopStored = relay.onStored((message) => sync.stored(message));
    return sync.wrap(store);
  }

  /** The player's database, or undefined when the browser refuses IndexedDB here (reference F: third-party
   * frames in private windows, or with third-party cookies blocked, get no storage at all). */
  async #database(): Promise<PlayerDatabase | undefined> {
    if (this.db) return this.db;
    try {
      return (this.#ownDb ??= await openPlayerDb());
    } catch {
      return undefined;
    }
  }

  /** Opens a course URL; without a database, only folders and manifests (a zip must be imported first). */
  /** With a content origin, the course plays from there (content-origin.ts). */
  async #openCourse(db: PlayerDatabase | undefined, url: string, base: string): Promise<OpenedCourse> {
    // The content origin's check (a page load there) runs while the course opens: neither needs the other.
    const isolating = contentIsolation();
    isolating.catch(() => undefined); // awaited below
    const course = await this.#openOnAppOrigin(db, url, base);
    const isolation = await isolating;
    this.#launcher = isolation?.launcher;
    return isolation ? isolateCourse(db, course, isolation) : course;
  }

  async #openOnAppOrigin(db: PlayerDatabase | undefined, url: string, base: string): Promise<OpenedCourse> {
    if (db) return openCourse(db, { kind: 'url', url }, { base });
    const { openCourseUrl } = await import('../package/open-url.js');
    const opened = await openCourseUrl(url, { base });
    if (opened.kind !== 'manifest') throw new StorageBlockedError();
    return {
      manifest: opened.manifest,
      title: opened.manifest.title,
      contentBase: opened.baseUrl,
      courseKey: `url:${opened.manifestUrl}`,
      courseVersion: { url: opened.manifestUrl, manifestHash: opened.manifestHash },
    };
  }

  #summary(event: 'commit' | 'exit', totalSeconds: number, suspended?: boolean): AttemptSummary | undefined {
    const c = this.course;
    if (!c || !this.#results || !this.#reportUserId) return undefined;
    const s: AttemptSummary = {
      token: this.token,
      ...this.#reportUserId,
      event,
      course: c.courseVersion,
      ...this.#results.results(),
      totalSeconds,
      at: new Date().toISOString(),
    };
    if (suspended !== undefined) s.suspended = suspended;
    return s;
  }

  #send(summary: AttemptSummary): void {
    if (this.#reportUrl) void sendReport(this.#reportUrl, summary, this.reportTransport);
  }

  #onProgress = (event: ScormProgressEvent): void => {
    if (!this.#results || this.#exited) return;
    const results = this.#results.update(event.detail);
    // The save that came with this Commit has already asked for a post (HostSync.onChange); this one
    // carries the new results (the same post when both fall in one second).
    this.#relayPosts?.push(results);
    const summary = this.#summary('commit', event.detail.totalSeconds);
    if (summary) this.#reports?.push(summary);
  };

  #onSessionEnd = (event: ScormSessionEndEvent): void => {
    this.#exit(event.summary.suspended, event.summary.totalSeconds);
  };

  /**
   * The exit goes last and carries the final values: a post or report still waiting is replaced by it (it
   * holds the same values, newer), and nothing is posted after it (the shell has ended the host session).
   */
  #exit(suspended: boolean, totalSeconds: number): void {
    if (this.#exited || !this.#results) return;
    this.#exited = true;
    this.#relayPosts?.cancel();
    this.#relay?.exit(this.#results.results(), suspended, this.#hostSync?.texts());
    this.#reports?.cancel();
    const summary = this.#summary('exit', totalSeconds, suspended);
    if (summary) this.#send(summary);
  }

  /** The tab or frame goes away mid-course: the learner may come back, so it counts as a suspend. */
  #onPageHide = (event: PageTransitionEvent): void => {
    if (event.persisted) return;
    this.#exit(true, this.#results?.last?.totalSeconds ?? 0);
  };

  /** The registry entry in use (for tests and the app). */
  get entry(): DispatchEntry | undefined {
    return this.#entry;
  }
}

class StorageBlockedError extends Error {}

/** What to tell a learner whose LMS holds progress that is not used, when this browser has none. */
function hostNoticeFor(decision: HostResumeDecision): string {
  if (decision.use !== 'local') return '';
  if (decision.reason === 'other-version')
    return msg(
      'Your progress kept by your learning system was made on a version of this course that is no longer available, so the course starts from the beginning.',
      { id: 'dispatch.host-other-version' },
    );
  if (decision.reason === 'damaged')
    return msg(
      'Your progress kept by your learning system could not be read, so the course starts from the beginning.',
      {
        id: 'dispatch.host-damaged',
      },
    );
  return '';
}

declare global {
  interface HTMLElementTagNameMap {
    'scorm-dispatch-view': DispatchView;
  }
}
