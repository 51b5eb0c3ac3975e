// <scorm-app>: the composition root of the SPA. It reads the route from the URL, keeps the URL in step with
// the view (history.pushState; query-string routes so any static host works), opens the database, knows the
// learner of standalone launches, and lazy-loads every view but the library.
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { msg, str, updateWhenLocaleChanges } from '../i18n/msg.js';
import { allLocales, isLocale, localeNames } from '../i18n/locales.js';
import { chooseLanguage, currentLocale, prefetchCatalogs } from '../i18n/setup.js';
import { DB_NAME, openPlayerDb, type PlayerDatabase } from '../storage/db.js';
import { LearnerChangeEvent, NavigateEvent } from './events.js';
import { learnerFromParam, loadLearner, saveLearner, type Learner } from './learner-store.js';
import { parseRoute, routeHref, type Route } from './routes.js';
import { appConfig } from './app-config.js';
import { sharedStyles } from './shared-styles.js';
import { reloadIntoUpdate, watchForUpdates } from './update-watch.js';
import { loadView, type LazyView } from './view-loaders.js';
import type { LearnerDialog } from './learner-dialog.js';
import './library-view.js';

/** The document title's first part for each view (read at render time, in the current language). */
function viewTitle(view: Route['view']): string {
  switch (view) {
    case 'library':
      return msg('Library', { id: 'title.library' });
    case 'play':
      return msg('Playing', { id: 'title.play' });
    case 'results':
      return msg('Results', { id: 'title.results' });
    case 'dispatch':
      return msg('Course', { id: 'title.dispatch' });
    case 'dispatch-maker':
      return msg('Dispatch maker', { id: 'title.dispatch-maker' });
    case 'unknown':
      return msg('Page not found', { id: 'title.unknown' });
  }
}

@customElement('scorm-app')
export class ScormApp extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: flex;
        flex-direction: column;
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
      .update p {
        display: flex;
        align-items: center;
        flex-wrap: wrap;
        gap: 0.5rem;
        margin: 0;
        padding: 0.25rem 1rem;
        border-bottom: 1px solid var(--sp-line);
      }
      .language {
        font: inherit;
        min-height: 2.75rem;
        padding: 0.3rem 0.5rem;
        border: 1px solid var(--sp-muted);
        border-radius: 0.4rem;
        background: var(--sp-bg);
        color: var(--sp-fg);
      }
      main {
        padding: 1rem;
        max-width: 72rem;
        margin: 0 auto;
      }
      main:focus {
        outline: none;
      }
      /* The play view fills the window below the header (the content frame reaches its bottom edge). */
      main.play {
        max-width: none;
        width: 100%;
        padding: 0;
        flex: 1 1 auto;
        display: flex;
        flex-direction: column;
        min-height: 0;
      }
      /* A course at phone width: the header keeps to two short rows, so the content starts high up. */
      @media (max-width: 40rem) {
        header.play {
          padding: 0.25rem 0.5rem;
          row-gap: 0.25rem;
        }
        header.play .brand,
        header.play .learner > span {
          display: none;
        }
        header.play nav a {
          padding: 0.4rem 0.2rem;
        }
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

  /** A new version of the app is installed: the page offers to reload into it. */
  @state() accessor updateAvailable = false;

  #moveFocus = false;
  #stopWatching: (() => void) | undefined;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }

  override connectedCallback() {
    super.connectedCallback();
    window.addEventListener('popstate', this.#onPopState);
    this.addEventListener('click', this.#onClick);
    this.addEventListener(NavigateEvent.eventName, this.#onNavigate);
    this.addEventListener(LearnerChangeEvent.eventName, this.#onLearnerChange);
    this.#stopWatching = watchForUpdates(() => (this.updateAvailable = true));
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
    this.#stopWatching?.();
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
    // Also on a language switch (which changes no property): the title follows the language on screen.
    document.title = `${viewTitle(this.route.view)} · scorm-player`;
    if (changed.has('route')) this.#load();
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
      <button type="button" class="skip" @click=${this.#skip}>
        ${msg('Skip to content', { id: 'header.skip' })}
      </button>
      <header class=${r.view === 'play' ? 'play' : ''}>
        <a class="brand" href=${routeHref({ view: 'library' })}>scorm-player</a>
        <nav aria-label=${msg('Main', { id: 'header.nav' })}>
          <ul>
            <li>
              <a
                href=${routeHref({ view: 'library' })}
                aria-current=${r.view === 'library' ? 'page' : nothing}
                >${msg('Library', { id: 'header.library' })}</a
              >
            </li>
            <li>
              <a
                href=${routeHref({ view: 'results' })}
                aria-current=${r.view === 'results' ? 'page' : nothing}
                >${msg('Results', { id: 'header.results' })}</a
              >
            </li>
            <li>
              <a
                href=${routeHref({ view: 'dispatch-maker' })}
                aria-current=${r.view === 'dispatch-maker' ? 'page' : nothing}
                >${msg('Dispatch maker', { id: 'header.dispatch-maker' })}</a
              >
            </li>
          </ul>
        </nav>
        <div class="learner">
          ${
            this.storedLearner
              ? html`<span
                  >${msg('Learner:', { id: 'header.learner' })}
                  <strong>${this.storedLearner.name}</strong></span
                >`
              : nothing
          }
          <button type="button" @click=${() => void this.askLearner()}>
            ${
              this.storedLearner
                ? msg('Change name', { id: 'header.change-name' })
                : msg('Set your name', { id: 'header.set-name' })
            }
          </button>
          ${this.#renderLanguage()}
        </div>
      </header>
      ${this.#renderUpdate()}
      <main id="main" tabindex="-1" class=${r.view === 'play' ? 'play' : ''}>${this.#renderView()}</main>
      <scorm-learner-dialog></scorm-learner-dialog>
    `;
  }

  #renderView() {
    const r = this.route;
    if (this.dbError && r.view !== 'unknown') {
      return html`<h1 tabindex="-1">${msg('Storage is not available', { id: 'app.no-storage' })}</h1>
        <p class="error" role="alert">
          ${msg(
            str`This browser refused the player its local storage (IndexedDB), so courses and progress cannot be kept here: ${this.dbError}`,
            { id: 'app.no-storage-detail' },
          )}
        </p>
        <p>
          ${msg('Private windows and some privacy settings do this. Try a normal window.', {
            id: 'app.no-storage-hint',
          })}
        </p>`;
    }
    switch (r.view) {
      case 'library':
        // The list waits for the stored learner, so no card shows "Not started" before their status is read.
        return html`<scorm-library-view
          .db=${this.learnerLoaded ? this.db : undefined}
          .learnerId=${this.learner?.id}
        ></scorm-library-view>`;
      case 'unknown':
        return html`<h1 tabindex="-1">${msg('Page not found', { id: 'app.not-found' })}</h1>
          <p>
            ${msg(str`There is no view called “${r.name}”.`, { id: 'app.not-found-detail' })}
            <a href=${routeHref({ view: 'library' })}
              >${msg('Go to the library', { id: 'app.to-library' })}</a
            >
          </p>`;
      case 'play': {
        if (!this.ready.has('play') || !this.db || !this.learnerLoaded) return this.#renderLoading();
        const learner = this.learner;
        if (!learner) {
          return this.learnerDeclined
            ? html`<div style="padding:1rem">
                <h1 tabindex="-1">${msg('Who is learning?', { id: 'app.who' })}</h1>
                <p>
                  ${msg('Your progress is kept under your name in this browser.', { id: 'app.who-detail' })}
                </p>
                <button type="button" class="primary" @click=${() => void this.#askForPlay()}>
                  ${msg('Enter your name', { id: 'app.enter-name' })}
                </button>
                <a href=${routeHref({ view: 'library' })}
                  >${msg('Back to the library', { id: 'app.back-to-library' })}</a
                >
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
        <h1 tabindex="-1">${msg('This view could not be loaded', { id: 'app.load-failed' })}</h1>
        <p class="error" role="alert">
          ${this.loadError}. ${msg('Check your connection and reload.', { id: 'app.load-failed-hint' })}
        </p>
        <p>
          <a href=${routeHref({ view: 'library' })}>${msg('Go to the library', { id: 'app.to-library' })}</a>
        </p>
      </div>`;
    }
    return html`<p class="muted" role="status" style="padding:1rem">
      ${msg('Loading…', { id: 'app.loading' })}
    </p>`;
  }

  /** "Update available — reload": a polite status, so it is announced without taking focus. */
  #renderUpdate() {
    return html`<div class="update" role="status">
      ${
        this.updateAvailable
          ? html`<p>
              ${msg('Update available', { id: 'update.available' })} —
              <button type="button" @click=${() => void reloadIntoUpdate()}>
                ${msg('reload', { id: 'update.reload' })}
              </button>
            </p>`
          : nothing
      }
    </div>`;
  }

  /** The language switch: endonyms, so a learner finds their language whichever one is on screen. */
  #renderLanguage() {
    const current = currentLocale();
    return html`<select
      class="language"
      aria-label=${msg('Language', { id: 'header.language' })}
      @change=${this.#onLanguage}
      @focus=${prefetchCatalogs}
      @pointerenter=${prefetchCatalogs}
    >
      ${allLocales.map(
        (locale) =>
          html`<option value=${locale} lang=${locale} ?selected=${locale === current}>
            ${localeNames[locale]}
          </option>`,
      )}
    </select>`;
  }

  #onLanguage = (event: Event) => {
    const value = (event.target as HTMLSelectElement).value;
    if (isLocale(value)) void chooseLanguage(value);
  };

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
      (error: unknown) => (this.loadError = (error as Error).message),
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
