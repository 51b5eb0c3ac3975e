// <scorm-play-view>: opens the route's course (an imported package or a URL) and hosts <scorm-player> with
// the learner, the IndexedDB ProgressStore and where the content is served from. Loaded lazily
// (?course=… or ?package=…), so the player, runtime and sequencing code stay out of the library's first load.
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { msg, str, updateWhenLocaleChanges } from '../i18n/msg.js';
import '../player/scorm-player.js';
import { navigatorFactory } from './navigators.js';
import type { PlayerDatabase } from '../storage/db.js';
import { IdbProgressStore } from '../storage/progress-idb.js';
import {
  openCourse,
  openPackageAs,
  packageVersionUrl,
  type OpenProgress,
  type OpenedCourse,
} from './course-opener.js';
import { resolveCourseVersion } from './course-version.js';
import { contentIsolation, isolateCourse } from './content-origin.js';
import type { ContentLauncher } from '../player/content-session.js';
import { formatBytes } from './format.js';
import type { Learner } from './learner-store.js';
import { routeHref, type CourseSource } from './routes.js';
import { sharedStyles } from './shared-styles.js';

@customElement('scorm-play-view')
export class PlayView extends LitElement {
  constructor() {
    super();
    updateWhenLocaleChanges(this); // re-render on a language switch (src/i18n)
  }

  static override styles = [
    sharedStyles,
    css`
      /* The app gives the play view the window below its header; the player takes all of it. */
      :host {
        display: flex;
        flex-direction: column;
        flex: 1 1 auto;
        min-height: 0;
      }
      h1 {
        font-size: 1.05rem;
        margin: 0;
      }
      .bar {
        padding: 0.5rem 1rem;
      }
      .status {
        padding: 1rem;
      }
      progress {
        width: min(30rem, 100%);
      }
      scorm-player {
        flex: 1 1 auto;
      }
    `,
  ];

  @property({ attribute: false }) accessor db: PlayerDatabase | undefined;
  @property({ attribute: false }) accessor source: CourseSource | undefined;
  @property({ attribute: false }) accessor learner: Learner | undefined;
  /** `&item=`: a choice of this item is the first navigation request. */
  @property({ attribute: false }) accessor item: string | undefined;

  @state() accessor course: OpenedCourse | undefined;
  @state() accessor progress: OpenProgress | undefined;
  @state() accessor error = '';
  /** A zip from another origin waits for the learner's yes (links never import on their own). */
  @state() accessor askImport: { source: string; answer: (yes: boolean) => void } | undefined;
  /** The hosted launcher when a content origin is configured; else the player's direct one. */
  @state() accessor launcher: ContentLauncher | undefined;

  #abort: AbortController | undefined;
  #store: IdbProgressStore | undefined;

  protected override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('db') || changed.has('source')) void this.#open();
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.#abort?.abort();
  }

  override render() {
    const c = this.course;
    // The course's title is the player's bar (one compact bar: title, navigation, contents, view).
    const heading = html`<h1 tabindex="-1" slot="title">
      ${
        c?.title ??
        (this.error
          ? msg('This course could not be opened', { id: 'play.open-failed' })
          : msg('Opening the course…', { id: 'dispatch.opening' }))
      }
    </h1>`;
    const playing = !this.error && c && this.learner && this.#store;
    return html`
      ${playing ? nothing : html`<div class="bar">${heading}</div>`}
      ${
        this.error
          ? html`<div class="status">
              <p class="error" role="alert">${this.error}</p>
              <p>
                <a href=${routeHref({ view: 'library' })}
                  >${msg('Back to the library', { id: 'app.back-to-library' })}</a
                >
              </p>
            </div>`
          : c && this.learner && this.#store
            ? html`<scorm-player
                .manifest=${c.manifest}
                .navigatorFactory=${navigatorFactory}
                .contentBase=${c.contentBase}
                .courseKey=${c.courseKey}
                .courseVersion=${c.courseVersion}
                .learner=${this.learner}
                .store=${this.#store}
                .initialItem=${this.item}
                .contentLauncher=${this.launcher}
              >
                ${heading}
                <a slot="end-actions" href=${routeHref({ view: 'library' })}
                  >${msg('Back to the library', { id: 'app.back-to-library' })}</a
                >
              </scorm-player>`
            : this.askImport
              ? this.#renderAskImport(this.askImport)
              : this.#renderProgress()
      }
    `;
  }

  #renderAskImport(ask: { source: string; answer: (yes: boolean) => void }) {
    return html`<div class="status" role="alertdialog" aria-labelledby="ask-h" aria-describedby="ask-p">
      <h2 id="ask-h">${msg('Add this course to your library?', { id: 'play.ask-import' })}</h2>
      <p id="ask-p">
        ${msg(str`This link asks to import a course package from ${ask.source}.`, { id: 'play.ask-import-source' })}
      </p>
      <p>
        <button type="button" @click=${() => ask.answer(true)}>
          ${msg('Import', { id: 'play.import' })}
        </button>
        <button type="button" @click=${() => ask.answer(false)}>
          ${msg('Cancel', { id: 'common.cancel' })}
        </button>
      </p>
    </div>`;
  }

  /** A `?course=` zip on another origin is imported only once the learner agrees, naming its source. */
  async #confirmForeignZip(url: string, signal: AbortSignal): Promise<boolean> {
    const { courseUrlKind } = await import('../package/open-url.js');
    const target = new URL(url, document.baseURI);
    if (courseUrlKind(target) !== 'zip' || target.origin === location.origin) return true;
    const yes = await new Promise<boolean>((resolve) => {
      this.askImport = { source: target.href, answer: resolve };
      signal.addEventListener('abort', () => resolve(false), { once: true });
    });
    this.askImport = undefined;
    return yes;
  }

  #renderProgress() {
    const p = this.progress;
    let text = msg('Opening the course…', { id: 'dispatch.opening' });
    let bar = html``;
    if (p?.phase === 'download') {
      const total = p.progress.totalBytes;
      text = total
        ? msg(str`Downloading the course: ${formatBytes(p.progress.bytes)} of ${formatBytes(total)}`, {
            id: 'play.downloading-of',
          })
        : msg(str`Downloading the course: ${formatBytes(p.progress.bytes)}`, { id: 'play.downloading' });
      bar = html`<progress
        max=${total ?? 1}
        value=${total ? p.progress.bytes : nothing}
        aria-label=${msg('Download', { id: 'play.download' })}
      ></progress>`;
    } else if (p?.phase === 'import') {
      text = msg(str`Unpacking the course: ${p.progress.files} of ${p.progress.totalFiles} files`, {
        id: 'play.unpacking',
      });
      bar = html`<progress
        max=${p.progress.totalBytes || 1}
        value=${p.progress.bytes}
        aria-label=${msg('Unpacking', { id: 'play.unpacking-label' })}
      ></progress>`;
    } else if (p?.phase === 'service-worker') {
      text = msg('Preparing the course files…', { id: 'play.preparing' });
    }
    return html`<div class="status">
      <p role="status">${text}</p>
      ${bar}
      <p>
        <button type="button" @click=${() => this.#abort?.abort()}>
          ${msg('Cancel', { id: 'common.cancel' })}
        </button>
      </p>
    </div>`;
  }

  /**
   * H6's course-version check (src/app/course-version.ts): a learner whose unfinished attempt began on
   * another version of the course is asked whether to continue on it (when it is still in the library) or to
   * start again; otherwise the course opens at once, resuming a suspended attempt without asking.
   */
  async #chooseVersion(db: PlayerDatabase, course: OpenedCourse, signal: AbortSignal): Promise<OpenedCourse> {
    if (!this.learner || !this.#store) return course;
    const earlier = await this.#earlierVersions(db, course);
    const resolved = await resolveCourseVersion({
      store: this.#store,
      courseKey: course.courseKey,
      learnerId: this.learner.id,
      current: course.courseVersion,
      earlierVersions: earlier,
      courseTitle: course.title,
    });
    const started = resolved.version.url;
    if (resolved.choice !== 'continue' || started === course.courseVersion.url || signal.aborted)
      return course;
    if (!started.startsWith('package:')) return course;
    return openPackageAs(db, started.slice('package:'.length), course.courseKey, { signal });
  }

  /** Other library copies of the same course: same manifest identifier, or the same zip URL. */
  async #earlierVersions(db: PlayerDatabase, course: OpenedCourse): Promise<string[]> {
    if (course.packageId === undefined) return [];
    const all = await db.getAll('packages');
    const self = all.find((p) => p.id === course.packageId);
    if (!self) return [];
    return all
      .filter((p) => p.id !== self.id)
      .filter((p) =>
        course.courseKey.startsWith('pkg:')
          ? p.manifestIdentifier === self.manifestIdentifier
          : p.source !== undefined && p.source === self.source,
      )
      .map((p) => packageVersionUrl(p.id));
  }

  async #open() {
    const { db, source } = this;
    if (!db || !source) return;
    this.#abort?.abort();
    const abort = (this.#abort = new AbortController());
    this.course = undefined;
    this.error = '';
    this.#store = new IdbProgressStore(db);
    // The content origin's check (a page load there) runs while the course opens: neither needs the other.
    const isolating = contentIsolation();
    isolating.catch(() => undefined); // awaited below; a failure there is reported once, by that await
    try {
      if (source.kind === 'url' && !(await this.#confirmForeignZip(source.url, abort.signal))) {
        if (this.#abort === abort) this.error = msg('Nothing was imported.', { id: 'play.nothing-imported' });
        return;
      }
      const course = await openCourse(db, source, {
        signal: abort.signal,
        onProgress: (progress) => {
          if (!abort.signal.aborted) this.progress = progress;
        },
      });
      if (abort.signal.aborted) return;
      const chosen = await this.#chooseVersion(db, course, abort.signal);
      if (abort.signal.aborted) return;
      const isolation = await isolating;
      if (abort.signal.aborted) return;
      this.launcher = isolation?.launcher;
      this.course = isolation ? await isolateCourse(db, chosen, isolation) : chosen;
    } catch (error) {
      if (this.#abort !== abort) return;
      this.error = abort.signal.aborted
        ? msg('Opening the course was cancelled.', { id: 'play.cancelled' })
        : (error as Error).message || String(error);
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'scorm-play-view': PlayView;
  }
}
