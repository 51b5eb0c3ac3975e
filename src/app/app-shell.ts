// <scorm-app>: the composition root of the SPA. It reads the route from the URL, keeps the URL in step with
// the view (history.pushState; query-string routes so any static host works), opens the database, knows the
// learner of standalone launches, and lazy-loads every view but the library.
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { DB_NAME, openPlayerDb, type PlayerDatabase } from '../storage/db.js';
import { LearnerChangeEvent, NavigateEvent } from './events.js';
import { learnerFromParam, loadLearner, saveLearner, type Learner } from './learner-store.js';
import { parseRoute, routeHref, type Route } from './routes.js';
import { appConfig } from './app-config.js';
import { sharedStyles } from './shared-styles.js';
import { loadView, type LazyView } from './view-loaders.js';
import type { LearnerDialog } from './learner-dialog.js';
import './library-view.js';

const titles: Record<Route['view'], string> = {
  library: 'Library',
  play: 'Playing',
  results: 'Results',
  dispatch: 'Course',
  'dispatch-maker': 'Dispatch maker',
  unknown: 'Page not found',
};

@customElement('scorm-app')
export class ScormApp extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
        min-height: 100vh;
      }
      .skip {
        position: absolute;
        left: 0.5rem;
        top: -4rem;
        z-index: 10;
        background: var(--sp-bg);
        padding: 0.5rem 1rem;
      }
      .skip:focus {
        top: 0.5rem;
      }
      header {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5rem 1.5rem;
        padding: 0.5rem 1rem;
        border-bottom: 1px solid var(--sp-line);
      }
      .brand {
        font-weight: 700;
        color: inherit;
        text-decoration: none;
        font-size: 1.1rem;
      }
      nav ul {
        display: flex;
        gap: 1rem;
        list-style: none;
        margin: 0;
        padding: 0;
      }
      nav a {
        display: inline-block;
        padding: 0.6rem 0.2rem;
      }
      nav a[aria-current='page'] {
        font-weight: 700;
      }
      .learner {
        margin-left: auto;
        display: flex;
        align-items: center;
        gap: 0.5rem;
        flex-wrap: wrap;
      }
      main {
        padding: 1rem;
        max-width: 72rem;
        margin: 0 auto;
      }
      main:focus {
        outline: none;
      }
      main.play {
        max-width: none;
        padding: 0;
      }
      @media (max-width: 30rem) {
        header {
          padding: 0.5rem;
        }
        main {
          padding: 0.75rem;
        }
      }
    `,
  ];

  /** The IndexedDB database name (tests use their own). */
  @property({ attribute: 'db-name' }) accessor dbName = DB_NAME;
  @state() accessor route: Route = parseRoute(location);
  @state() accessor db: PlayerDatabase | undefined;
  /** The learner kept in the settings store (standalone launches). */
  @state() accessor storedLearner: Learner | undefined;
  @state() accessor learnerLoaded = false;
  /** Views whose module has loaded. */
  @state() accessor ready = new Set<LazyView>();
  @state() accessor loadError: string | undefined;
  /** IndexedDB could not be opened. */
  @state() accessor dbError: string | undefined;
  /** The learner dialog was cancelled on a play route that needs a name. */
  @state() accessor learnerDeclined = false;

  #moveFocus = false;

  override connectedCallback() {
    super.connectedCallback();
    window.addEventListener('popstate', this.#onPopState);
    this.addEventListener('click', this.#onClick);
    this.addEventListener(NavigateEvent.eventName, this.#onNavigate);
    this.addEventListener(LearnerChangeEvent.eventName, this.#onLearnerChange);
    void this.#openDb();
    // config.json (content origin) is read once, at startup.
    void appConfig();
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    window.removeEventListener('popstate', this.#onPopState);
    this.removeEventListener('click', this.#onClick);
    this.removeEventListener(NavigateEvent.eventName, this.#onNavigate);
    this.removeEventListener(LearnerChangeEvent.eventName, this.#onLearnerChange);
    this.db?.close();
  }

  /** Shows a route and records it in the history (the URL is the state: every view has one). */
  navigate(route: Route, { replace = false } = {}) {
    const href = routeHref(route);
    if (replace) history.replaceState(null, '', href);
    else history.pushState(null, '', href);
    this.#show(parseRoute(location));
  }

  /** The learner of the current route: `&learner=` wins over the stored one (architecture.md). */
  get learner(): Learner | undefined {
    const r = this.route;
    const fromUrl = r.view === 'play' || r.view === 'results' ? r.learner : undefined;
    return fromUrl !== undefined ? learnerFromParam(fromUrl) : this.storedLearner;
  }

  /** Opens the learner dialog; resolves with the saved learner, or undefined when cancelled. */
  async askLearner(): Promise<Learner | undefined> {
    await import('./learner-dialog.js');
    await this.updateComplete;
    const dialog = this.renderRoot.querySelector<LearnerDialog>('scorm-learner-dialog')!;
    dialog.current = this.storedLearner;
    const learner = await dialog.ask();
    if (learner && this.db) {
      await saveLearner(this.db, learner);
      this.storedLearner = learner;
    }
    return learner;
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('route')) {
      document.title = `${titles[this.route.view]} · scorm-player`;
      this.#load();
    }
  }

  protected override updated(changed: PropertyValues<this>) {
    if (changed.has('route') || changed.has('ready') || changed.has('learnerLoaded')) this.#maybeAskLearner();
    if (this.#moveFocus && this.#viewReady()) {
      this.#moveFocus = false;
      void this.#focusView();
    }
  }

  override render() {
    const r = this.route;
    if (r.view === 'dispatch') {
      // A dispatch launch runs inside a host LMS: no library chrome around it.
      return this.ready.has('dispatch')
        ? html`<scorm-dispatch-view .token=${r.token} .userId=${r.userId}></scorm-dispatch-view>`
        : this.#renderLoading();
    }
    return html`
      <button type="button" class="skip" @click=${this.#skip}>Skip to content</button>
      <header>
        <a class="brand" href=${routeHref({ view: 'library' })}>scorm-player</a>
        <nav aria-label="Main">
          <ul>
            <li>
              <a
                href=${routeHref({ view: 'library' })}
                aria-current=${r.view === 'library' ? 'page' : nothing}
                >Library</a
              >
            </li>
            <li>
              <a
                href=${routeHref({ view: 'results' })}
                aria-current=${r.view === 'results' ? 'page' : nothing}
                >Results</a
              >
            </li>
          </ul>
        </nav>
        <div class="learner">
          ${
            this.storedLearner
              ? html`<span>Learner: <strong>${this.storedLearner.name}</strong></span>`
              : nothing
          }
          <button type="button" @click=${() => void this.askLearner()}>
            ${this.storedLearner ? 'Change name' : 'Set your name'}
          </button>
        </div>
      </header>
      <main id="main" tabindex="-1" class=${r.view === 'play' ? 'play' : ''}>${this.#renderView()}</main>
      <scorm-learner-dialog></scorm-learner-dialog>
    `;
  }

  #renderView() {
    const r = this.route;
    if (this.dbError && r.view !== 'unknown') {
      return html`<h1 tabindex="-1">Storage is not available</h1>
        <p class="error" role="alert">
          This browser refused the player its local storage (IndexedDB), so courses and progress cannot be
          kept here: ${this.dbError}
        </p>
        <p>Private windows and some privacy settings do this. Try a normal window.</p>`;
    }
    switch (r.view) {
      case 'library':
        return html`<scorm-library-view .db=${this.db} .learnerId=${this.learner?.id}></scorm-library-view>`;
      case 'unknown':
        return html`<h1 tabindex="-1">Page not found</h1>
          <p>
            There is no view called “${r.name}”.
            <a href=${routeHref({ view: 'library' })}>Go to the library</a>.
          </p>`;
      case 'play': {
        if (!this.ready.has('play') || !this.db || !this.learnerLoaded) return this.#renderLoading();
        const learner = this.learner;
        if (!learner) {
          return this.learnerDeclined
            ? html`<div style="padding:1rem">
                <h1 tabindex="-1">Who is learning?</h1>
                <p>Your progress is kept under your name in this browser.</p>
                <button type="button" class="primary" @click=${() => void this.#askForPlay()}>
                  Enter your name
                </button>
                <a href=${routeHref({ view: 'library' })}>Back to the library</a>
              </div>`
            : this.#renderLoading();
        }
        return html`<scorm-play-view
          .db=${this.db}
          .source=${r.source}
          .learner=${learner}
          .item=${r.item}
        ></scorm-play-view>`;
      }
      case 'results':
        if (!this.ready.has('results') || !this.db) return this.#renderLoading();
        return html`<scorm-results-view
          .db=${this.db}
          .course=${r.course}
          .learnerId=${r.learner}
        ></scorm-results-view>`;
      case 'dispatch-maker':
        return this.ready.has('dispatch-maker')
          ? html`<scorm-dispatch-maker .db=${this.db}></scorm-dispatch-maker>`
          : this.#renderLoading();
      default:
        return nothing;
    }
  }

  #renderLoading() {
    if (this.loadError) {
      return html`<div style="padding:1rem">
        <h1 tabindex="-1">This view could not be loaded</h1>
        <p class="error" role="alert">${this.loadError}</p>
        <p><a href=${routeHref({ view: 'library' })}>Go to the library</a></p>
      </div>`;
    }
    return html`<p class="muted" role="status" style="padding:1rem">Loading…</p>`;
  }

  async #openDb() {
    try {
      const db = await openPlayerDb(this.dbName);
      this.db = db;
      this.storedLearner = await loadLearner(db);
    } catch (error) {
      // Private windows and third-party frames may refuse IndexedDB; a dispatch launch copes on its own.
      this.dbError = (error as Error).message || String(error);
    }
    this.learnerLoaded = true;
  }

  #load() {
    const view = this.route.view;
    if (view === 'library' || view === 'unknown' || this.ready.has(view)) return;
    this.loadError = undefined;
    loadView(view).then(
      () => (this.ready = new Set(this.ready).add(view)),
      (error: unknown) => (this.loadError = `${(error as Error).message}. Check your connection and reload.`),
    );
  }

  #viewReady(): boolean {
    const view = this.route.view;
    return view === 'library' || view === 'unknown' || this.ready.has(view);
  }

  async #focusView() {
    await this.updateComplete;
    const main = this.renderRoot.querySelector<HTMLElement>('main');
    const view = main?.firstElementChild as (HTMLElement & { updateComplete?: Promise<unknown> }) | null;
    await view?.updateComplete;
    const heading =
      view?.shadowRoot?.querySelector<HTMLElement>('h1') ?? main?.querySelector<HTMLElement>('h1');
    if (heading) {
      if (!heading.hasAttribute('tabindex')) heading.tabIndex = -1;
      heading.focus();
    } else main?.focus();
  }

  #maybeAskLearner() {
    const r = this.route;
    if (r.view !== 'play' || !this.learnerLoaded || !this.db || this.learner || this.learnerDeclined) return;
    void this.#askForPlay();
  }

  #asking = false;
  async #askForPlay() {
    if (this.#asking) return;
    this.#asking = true;
    try {
      const learner = await this.askLearner();
      this.learnerDeclined = learner === undefined;
    } finally {
      this.#asking = false;
    }
  }

  #show(route: Route) {
    this.learnerDeclined = false;
    this.#moveFocus = true;
    this.route = route;
  }

  #onPopState = () => this.#show(parseRoute(location));

  #onNavigate = (event: NavigateEvent) => this.navigate(event.route);

  #onLearnerChange = (event: LearnerChangeEvent) => {
    this.storedLearner = event.learner;
    if (this.db) void saveLearner(this.db, event.learner);
  };

  /** Same-document links (query-string routes) change the view without a page load. */
  #onClick = (event: MouseEvent) => {
    if (
      event.defaultPrevented ||
      event.button !== 0 ||
      event.metaKey ||
      event.ctrlKey ||
      event.shiftKey ||
      event.altKey
    )
      return;
    const anchor = event.composedPath().find((n): n is HTMLAnchorElement => n instanceof HTMLAnchorElement);
    if (!anchor || !anchor.href || anchor.target || anchor.hasAttribute('download')) return;
    const url = new URL(anchor.href);
    if (url.origin !== location.origin || !samePage(url, new URL(document.baseURI))) return;
    if (url.hash && url.search === location.search) return;
    event.preventDefault();
    history.pushState(null, '', url.href);
    this.#show(parseRoute(location));
  };

  /** A button, not a link: an in-page link cannot reach into the shadow root (axe: skip-link). */
  #skip() {
    this.renderRoot.querySelector<HTMLElement>('main')?.focus();
  }
}

/** Whether a URL points at the app's own page (index.html or its folder). */
function samePage(url: URL, base: URL): boolean {
  const folder = (p: string) => p.replace(/[^/]*$/, '');
  const file = (p: string) => p.slice(folder(p).length);
  return folder(url.pathname) === folder(base.pathname) && ['', 'index.html'].includes(file(url.pathname));
}

declare global {
  interface HTMLElementTagNameMap {
    'scorm-app': ScormApp;
  }
}
