// <scorm-dispatch-view token user-id>: the player's dispatch launch (/player/dispatch/<token>?user_id= and
// ?dispatch=<token>&user_id=). It reads dispatches.json, checks the token and the user id, opens the course
// for this learner of this dispatch (progress keyed `dispatch:<token>`, so learners of different LMSs never
// meet), asks about course versions when needed, and hosts <scorm-player>. In relay mode (&relay=1) it posts
// results to the framing shell once its origin is found in allowedOrigins; with a reportUrl it POSTs the
// attempt summary on each Commit and at exit.
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import '../player/scorm-player.js';
import { navigatorFactory } from './navigators.js';
import type { ScormProgressEvent, ScormSessionEndEvent } from '../player/events.js';
import { LaunchResults } from '../dispatch/launch-results.js';
import { courseUrls, lookupDispatch, parseRegistry, type DispatchEntry } from '../dispatch/registry.js';
import { RelayClient } from '../dispatch/relay-client.js';
import { sendReport, type AttemptSummary } from '../dispatch/report.js';
import { begunElsewhere, resumeSuspendData } from '../dispatch/resume.js';
import { dispatchCourseKey, MAX_USER_ID_LENGTH, userIdProblem } from '../dispatch/user-id.js';
import { openPlayerDb, type PlayerDatabase } from '../storage/db.js';
import type { ProgressStore } from '../storage/progress.js';
import { IdbProgressStore } from '../storage/progress-idb.js';
import { MemoryProgressStore } from '../storage/progress-memory.js';
import { openCourse, type OpenedCourse } from './course-opener.js';
import { resolveCourseVersion } from './course-version.js';
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

const ASK_LMS = 'Please tell the administrator of the learning system (LMS) you came from.';

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
        margin: 0;
        padding: 0.4rem 1rem;
        font-size: 0.9rem;
        border-bottom: 1px solid var(--sp-line);
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
  @state() accessor status = 'Opening the course…';
  /** True when the browser refused IndexedDB here (a third-party frame with storage blocked): progress then
   * lasts for this visit only, and the host LMS (relay mode) is where results are kept. */
  @state() accessor storageBlocked = false;
  /** True when the host LMS says the learner is resuming (relay hello) but this browser holds no progress:
   * the learner began in another browser or device, whose progress this one cannot see. */
  @state() accessor progressElsewhere = false;

  #store: ProgressStore | undefined;
  #ownDb: PlayerDatabase | undefined;
  #entry: DispatchEntry | undefined;
  #reportUrl: string | undefined;
  #relay: RelayClient | undefined;
  #results: LaunchResults | undefined;
  #exited = false;
  #run = 0;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('token') || changed.has('userId') || changed.has('db') || changed.has('registryUrl'))
      void this.#start();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    addEventListener('pagehide', this.#onPageHide);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('pagehide', this.#onPageHide);
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
      return html`${this.#notice()}<scorm-player
          .manifest=${c.manifest}
          .navigatorFactory=${navigatorFactory}
          .contentBase=${c.contentBase}
          .courseKey=${c.courseKey}
          .courseVersion=${c.courseVersion}
          .learner=${learner}
          .store=${this.#store}
          @scorm-progress=${this.#onProgress}
          @scorm-session-end=${this.#onSessionEnd}
        ></scorm-player>`;
    }
    return html`<div class="page"><p role="status">${this.status}</p></div>`;
  }

  #notice() {
    const text = this.storageBlocked
      ? 'This browser does not let the course keep your progress here, so it lasts for this visit only.'
      : this.progressElsewhere
        ? 'You began this course in another browser or on another device. Your progress there is not available here, so the course starts from the beginning.'
        : '';
    return text ? html`<p class="notice" role="status">${text}</p>` : nothing;
  }

  #fail(problem: DispatchProblem, heading: string, text: string): void {
    this.problem = { problem, heading, text };
    this.course = undefined;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('h1')?.focus());
  }

  async #start(): Promise<void> {
    const run = ++this.#run;
    const stale = (): boolean => run !== this.#run;
    this.problem = undefined;
    this.course = undefined;
    this.progressElsewhere = false;
    this.#relay = undefined;
    this.#results = undefined;
    this.#exited = false;
    const { token, userId } = this;
    if (!token) return;

    const idProblem = userIdProblem(userId);
    if (idProblem === 'empty')
      return this.#fail(
        'user-id-empty',
        'Your learner id is missing',
        `This course link names no learner (user_id), so your progress cannot be kept. ${ASK_LMS}`,
      );
    if (idProblem === 'too-long')
      return this.#fail(
        'user-id-too-long',
        'Your learner id is too long',
        `A learner id may have at most ${MAX_USER_ID_LENGTH} characters. ${ASK_LMS}`,
      );
    if (idProblem === 'control-characters')
      return this.#fail(
        'user-id-control-characters',
        'Your learner id is not valid',
        `The learner id in this course link holds control characters. ${ASK_LMS}`,
      );

    const registryUrl = this.registryUrl ?? new URL('dispatches.json', document.baseURI).href;
    let entry: DispatchEntry;
    try {
      const response = await fetch(registryUrl, { cache: 'no-cache' });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const lookup = lookupDispatch(parseRegistry(await response.text()), token);
      if (stale()) return;
      if (!lookup.ok) {
        switch (lookup.reason) {
          case 'unknown':
            return this.#fail(
              'unknown',
              'This course link is not known',
              `The player has no course for this link. ${ASK_LMS}`,
            );
          case 'disabled':
            return this.#fail(
              'disabled',
              'This course is not available',
              `The course behind this link has been switched off. ${ASK_LMS}`,
            );
          case 'expired':
            return this.#fail(
              'expired',
              'This course link has expired',
              `The course behind this link was available until ${new Date(lookup.entry?.expires ?? '').toUTCString()}. ${ASK_LMS}`,
            );
          default:
            return this.#fail(
              'invalid',
              'This course link is set up wrongly',
              `Its entry in the player's list is not valid. ${ASK_LMS}`,
            );
        }
      }
      entry = lookup.entry;
    } catch (error) {
      if (stale()) return;
      return this.#fail(
        'registry-unavailable',
        'The list of courses could not be loaded',
        `${error instanceof Error ? error.message : String(error)}. Check your connection and reload the page.`,
      );
    }
    this.#entry = entry;
    this.#reportUrl = entry.reportUrl ? new URL(entry.reportUrl, registryUrl).href : undefined;

    // Relay: find the shell while the course opens.
    const relay = this.relay ? new RelayClient({ token, entry }) : undefined;
    const connecting = relay?.connect();

    try {
      const db = await this.#database();
      if (stale()) return;
      this.storageBlocked = !db;
      this.#store = db ? new IdbProgressStore(db) : new MemoryProgressStore();
      const urls = courseUrls(entry, registryUrl);
      const courseKey = dispatchCourseKey(token);
      const open = (url: string): Promise<OpenedCourse> => this.#openCourse(db, url, registryUrl);
      let opened = await open(urls.current);
      if (stale()) return;
      const hadProgress = (await this.#store.loadCourse(courseKey, userId!)) !== undefined;
      const resolved = await resolveCourseVersion({
        store: this.#store,
        courseKey,
        learnerId: userId!,
        current: opened.courseVersion,
        earlierVersions: urls.versions,
        courseTitle: entry.title ?? opened.title,
      });
      if (stale()) return;
      if (resolved.choice === 'continue') {
        opened = await open(resolved.version.url);
        if (stale()) return;
      }
      const connection = await connecting;
      if (stale()) return;
      if (connection?.status === 'refused') {
        return this.#fail(
          'origin-not-allowed',
          'This course cannot be shown here',
          `${connection.origin ?? 'This site'} is not allowed to show this course. ${ASK_LMS}`,
        );
      }
      if (connection?.status === 'connected') {
        this.#relay = relay;
        if (connection.learnerName) this.learnerName = connection.learnerName;
        this.progressElsewhere = begunElsewhere(token, connection.resume, hadProgress);
      }
      this.#results = new LaunchResults(resumeSuspendData(token, opened.courseVersion.manifestHash));
      this.course = { ...opened, courseKey };
    } catch (error) {
      if (stale()) return;
      if (error instanceof StorageBlockedError) {
        return this.#fail(
          'storage-blocked',
          'This browser blocks what the course needs here',
          `The course comes as a package that must be stored in the browser, and this browser does not allow that inside your LMS's page (third-party storage is blocked). Allow cookies and site data for this site, or open the course in its own window. ${ASK_LMS}`,
        );
      }
      this.#fail(
        'course-unavailable',
        'The course could not be opened',
        `${error instanceof Error ? error.message : String(error)}. Try again later; if it keeps happening, ${ASK_LMS.toLowerCase()}`,
      );
    }
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
  async #openCourse(db: PlayerDatabase | undefined, url: string, base: string): Promise<OpenedCourse> {
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
    if (!c || !this.#results || this.userId === undefined) return undefined;
    const s: AttemptSummary = {
      token: this.token,
      userId: this.userId,
      event,
      course: c.courseVersion,
      ...this.#results.results(),
      totalSeconds,
      at: new Date().toISOString(),
    };
    if (suspended !== undefined) s.suspended = suspended;
    return s;
  }

  #onProgress = (event: ScormProgressEvent): void => {
    if (!this.#results) return;
    const results = this.#results.update(event.detail);
    this.#relay?.progress(results);
    const summary = this.#summary('commit', event.detail.totalSeconds);
    if (this.#reportUrl && summary) void sendReport(this.#reportUrl, summary);
  };

  #onSessionEnd = (event: ScormSessionEndEvent): void => {
    this.#exit(event.summary.suspended, event.summary.totalSeconds);
  };

  #exit(suspended: boolean, totalSeconds: number): void {
    if (this.#exited || !this.#results) return;
    this.#exited = true;
    this.#relay?.exit(this.#results.results(), suspended);
    const summary = this.#summary('exit', totalSeconds, suspended);
    if (this.#reportUrl && summary) void sendReport(this.#reportUrl, summary);
  }

  /** The tab or frame goes away mid-course: the learner may come back, so it counts as a suspend. */
  #onPageHide = (): void => {
    this.#exit(true, this.#results?.last?.totalSeconds ?? 0);
  };

  /** The registry entry in use (for tests and the app). */
  get entry(): DispatchEntry | undefined {
    return this.#entry;
  }
}

class StorageBlockedError extends Error {}

declare global {
  interface HTMLElementTagNameMap {
    'scorm-dispatch-view': DispatchView;
  }
}
