// <scorm-dispatch-maker> (?view=dispatch-maker): makes a dispatch shell for a customer's LMS. Pick a course
// (from the library or by URL), the SCORM version and the mode; the token is generated or given. The zip is
// built here in the browser with fflate, and the dispatches.json entry to add beside the player is shown.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { buildShellZip, shellZipName, type ShellTemplates } from '../dispatch/build-shell.js';
import { DispatchError } from '../dispatch/dispatch-error.js';
import { registryEntryJson } from '../dispatch/registry.js';
import type { DispatchMode, DispatchRoute, ShellScormVersion } from '../dispatch/shell-options.js';
import { generateToken } from '../dispatch/token.js';
import { openPlayerDb, type PlayerDatabase, type StoredPackage } from '../storage/db.js';
import { sharedStyles } from './shared-styles.js';

@customElement('scorm-dispatch-maker')
export class DispatchMaker extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
        max-width: 44rem;
      }
      form {
        display: grid;
        gap: 1rem;
      }
      label,
      legend {
        font-weight: 600;
      }
      input[type='text'],
      input[type='url'],
      input[type='date'],
      select,
      textarea {
        display: block;
        width: 100%;
        box-sizing: border-box;
        font: inherit;
        padding: 0.35rem;
        margin-top: 0.25rem;
      }
      fieldset {
        border: 1px solid var(--sp-line);
        padding: 0.5rem 0.75rem;
      }
      fieldset label {
        font-weight: normal;
        margin-right: 1rem;
      }
      .hint {
        color: var(--sp-muted);
        font-size: 0.9rem;
        margin: 0.25rem 0 0;
      }
      ul.hint {
        padding-left: 1.25rem;
      }
      .row {
        display: flex;
        gap: 0.5rem;
        align-items: end;
      }
      .row > :first-child {
        flex: 1;
      }
      pre {
        overflow: auto;
        padding: 0.75rem;
        border: 1px solid var(--sp-line);
      }
    `,
  ];

  /** The library (the maker opens the player's database itself when the app passes none). */
  @property({ attribute: false }) accessor db: PlayerDatabase | undefined = undefined;
  /** The shell templates; by default the ones bundled with the app (loaded on first use). */
  @property({ attribute: false }) accessor templates: ShellTemplates | undefined = undefined;

  @state() accessor packages: StoredPackage[] = [];
  @state() accessor course = '';
  @state() accessor courseTitle = '';
  @state() accessor scorm: ShellScormVersion = '2004';
  @state() accessor mode: DispatchMode = 'redirect';
  @state() accessor route: DispatchRoute = 'path';
  @state() accessor playerUrl = new URL('./', document.baseURI).href;
  @state() accessor token = generateToken();
  @state() accessor origins = '';
  @state() accessor expires = '';
  @state() accessor reportUrl = '';
  @state() accessor hashUserId = false;
  @state() accessor error = '';
  @state() accessor entry = '';
  @state() accessor download: { url: string; name: string; size: number } | undefined = undefined;

  #ownDb: PlayerDatabase | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#loadLibrary();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.download) URL.revokeObjectURL(this.download.url);
    this.#ownDb?.close();
    this.#ownDb = undefined;
  }

  async #loadLibrary(): Promise<void> {
    try {
      const db = this.db ?? (this.#ownDb ??= await openPlayerDb());
      const { listPackages } = await import('../storage/package-store.js');
      this.packages = await listPackages(db);
    } catch {
      this.packages = [];
    }
  }

  override render() {
    const fromLibrary = this.packages.filter((p) => p.source);
    return html`
      <h1 tabindex="-1">Make a dispatch package</h1>
      <p>
        A dispatch package is a small SCORM package for a customer's LMS. Inside the LMS it reads who the
        learner is and opens the course on this player, which you update in one place for every LMS.
      </p>
      <form @submit=${this.#make} novalidate>
        ${
          fromLibrary.length
            ? html`<div>
                <label for="library">Course from the library</label>
                <select id="library" @change=${this.#pick}>
                  <option value="">Choose a course…</option>
                  ${fromLibrary.map((p) => html`<option value=${p.id}>${p.title}</option>`)}
                </select>
                <p class="hint">
                  Only courses opened from a URL can be dispatched: the player loads them from there.
                </p>
              </div>`
            : nothing
        }
        <div>
          <label for="course">Course URL</label>
          <input
            id="course"
            type="text"
            required
            aria-describedby="course-hint"
            .value=${this.course}
            @input=${(e: Event) => (this.course = (e.target as HTMLInputElement).value)}
          />
          <p class="hint" id="course-hint">
            A folder, its imsmanifest.xml or a .zip, relative to dispatches.json (e.g.
            courses/demo/imsmanifest.xml).
          </p>
        </div>
        <div>
          <label for="title">Title shown in the LMS</label>
          <input
            id="title"
            type="text"
            required
            maxlength="200"
            .value=${this.courseTitle}
            @input=${(e: Event) => (this.courseTitle = (e.target as HTMLInputElement).value)}
          />
        </div>
        <fieldset>
          <legend>SCORM version of the package</legend>
          ${this.#radio('scorm', '1.2', 'SCORM 1.2')} ${this.#radio('scorm', '2004', 'SCORM 2004')}
        </fieldset>
        <fieldset aria-describedby="mode-hint">
          <legend>Mode</legend>
          ${this.#radio('mode', 'redirect', 'Redirect')} ${this.#radio('mode', 'relay', 'Relay')}
          <ul class="hint" id="mode-hint">
            <li>
              Redirect: the LMS hands the learner over to the player and records only that the course was
              launched; the learner's progress stays in their browser.
            </li>
            <li>
              Relay: the player runs inside the LMS page and writes completion, score, time and the learner's
              progress into the LMS, so they can continue on another device (it needs the LMS's origin below).
            </li>
          </ul>
        </fieldset>
        <div>
          <label for="player">Player URL</label>
          <input
            id="player"
            type="url"
            .value=${this.playerUrl}
            @input=${(e: Event) => (this.playerUrl = (e.target as HTMLInputElement).value)}
          />
        </div>
        <div>
          <label for="route">Launch URL form</label>
          <select
            id="route"
            @change=${(e: Event) => (this.route = (e.target as HTMLSelectElement).value as DispatchRoute)}
          >
            <option value="path" ?selected=${this.route === 'path'}>
              /player/dispatch/&lt;token&gt; (host serves index.html for unknown paths)
            </option>
            <option value="query" ?selected=${this.route === 'query'}>
              ?dispatch=&lt;token&gt; (works on any static host)
            </option>
          </select>
        </div>
        <div class="row">
          <div>
            <label for="token">Token</label>
            <input
              id="token"
              type="text"
              pattern="[A-Za-z0-9_\\-]{4,64}"
              .value=${this.token}
              @input=${(e: Event) => (this.token = (e.target as HTMLInputElement).value)}
            />
          </div>
          <button type="button" @click=${() => (this.token = generateToken())}>New token</button>
        </div>
        <div>
          <label for="origins">LMS origins allowed to frame the player (relay mode), one a line</label>
          <textarea
            id="origins"
            rows="2"
            placeholder="https://lms.example.com"
            .value=${this.origins}
            @input=${(e: Event) => (this.origins = (e.target as HTMLTextAreaElement).value)}
          ></textarea>
        </div>
        <div>
          <label for="expires">Expires (optional)</label>
          <input
            id="expires"
            type="date"
            .value=${this.expires}
            @input=${(e: Event) => (this.expires = (e.target as HTMLInputElement).value)}
          />
        </div>
        <div>
          <label for="report">Report URL (optional: commits and the exit are POSTed there as JSON)</label>
          <input
            id="report"
            type="url"
            aria-describedby="report-hint"
            .value=${this.reportUrl}
            @input=${(e: Event) => (this.reportUrl = (e.target as HTMLInputElement).value)}
          />
          <p class="hint" id="report-hint">
            Reports carry the LMS's learner id, the results and the time spent (dispatch-report.schema.json).
          </p>
          <label
            ><input
              type="checkbox"
              .checked=${this.hashUserId}
              @change=${(e: Event) => (this.hashUserId = (e.target as HTMLInputElement).checked)}
            />
            Send a salted SHA-256 of the learner id instead of the id</label
          >
        </div>
        <div><button type="submit">Make the package</button></div>
      </form>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${
        this.download
          ? html`<h2>Your package</h2>
              <p role="status">
                <a href=${this.download.url} download=${this.download.name}>Download ${this.download.name}</a>
                (${this.download.size} bytes). Upload it to the LMS as a SCORM ${this.scorm} package.
              </p>
              <h2>Add this entry to dispatches.json</h2>
              <pre aria-label="dispatches.json entry"><code>${this.entry}</code></pre>
              <button type="button" @click=${() => void navigator.clipboard?.writeText(this.entry)}>
                Copy the entry
              </button>`
          : nothing
      }
    `;
  }

  #radio(name: 'scorm' | 'mode', value: string, label: string) {
    return html`<label
      ><input
        type="radio"
        name=${name}
        .value=${value}
        .checked=${this[name] === value}
        @change=${() => {
          if (name === 'scorm') this.scorm = value as ShellScormVersion;
          else this.mode = value as DispatchMode;
        }}
      />
      ${label}</label
    >`;
  }

  #pick = (e: Event): void => {
    const pkg = this.packages.find((p) => p.id === (e.target as HTMLSelectElement).value);
    if (!pkg) return;
    this.course = pkg.source ?? '';
    this.courseTitle = pkg.title.slice(0, 200);
    this.scorm = pkg.version === '1.2' ? '1.2' : '2004';
  };

  #make = async (e: Event): Promise<void> => {
    e.preventDefault();
    this.error = '';
    if (this.download) URL.revokeObjectURL(this.download.url);
    this.download = undefined;
    if (!this.course.trim()) {
      this.error = 'Give the course URL.';
      return;
    }
    const options = {
      scorm: this.scorm,
      token: this.token.trim(),
      playerUrl: this.playerUrl.trim(),
      title: this.courseTitle,
      mode: this.mode,
      route: this.route,
    };
    try {
      const templates = this.templates ?? (await import('./dispatch-templates.js')).shellTemplates;
      const zip = buildShellZip(options, templates);
      const name = shellZipName(options);
      const blob = new Blob([zip as Uint8Array<ArrayBuffer>], { type: 'application/zip' });
      this.download = { url: URL.createObjectURL(blob), name, size: zip.byteLength };
      const origins = this.origins
        .split(/\s+/)
        .map((o) => o.trim())
        .filter(Boolean);
      this.entry = registryEntryJson(options.token, {
        course: this.course.trim(),
        title: this.courseTitle.trim(),
        ...(origins.length ? { allowedOrigins: origins } : {}),
        ...(this.expires ? { expires: new Date(`${this.expires}T23:59:59Z`).toISOString() } : {}),
        ...(this.reportUrl.trim() ? { reportUrl: this.reportUrl.trim(), hashUserId: this.hashUserId } : {}),
      });
    } catch (error) {
      this.error =
        error instanceof DispatchError ? error.message : `The package could not be made: ${String(error)}`;
    }
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'scorm-dispatch-maker': DispatchMaker;
  }
}
