// <scorm-dispatch-maker> (?view=dispatch-maker): makes a dispatch shell for a customer's LMS. Pick a course
// (from the library or by URL), the SCORM version and the mode; the token is generated or given. The zip is
// built here in the browser with fflate, and the dispatches.json entry to add beside the player is shown.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { buildShellZip, shellZipName, type ShellTemplates } from '../dispatch/build-shell.js';
import { DispatchError, DispatchErrorCode } from '../dispatch/dispatch-error.js';
import { normalizeOrigin, registryEntryJson } from '../dispatch/registry.js';
import {
  MAX_TITLE_LENGTH,
  normalizePlayerUrl,
  type DispatchMode,
  type DispatchRoute,
  type ShellScormVersion,
} from '../dispatch/shell-options.js';
import { generateToken, isValidToken } from '../dispatch/token.js';
import { formatBytes } from '../i18n/format.js';
import { msg, str, updateWhenLocaleChanges } from '../i18n/msg.js';
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
      .field-error {
        color: var(--sp-danger);
        font-weight: 600;
        margin: 0.25rem 0 0;
      }
      [aria-invalid='true'] {
        border-color: var(--sp-danger);
        border-width: 2px;
      }
      .copy {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5rem;
      }
      .copied {
        font-weight: 600;
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
  /** Problems with single fields, shown next to them (WCAG 3.3.1), by field id. */
  @state() accessor fieldErrors: Partial<Record<Field, string>> = {};
  /** A problem that belongs to no one field (the templates, say). */
  @state() accessor error = '';
  @state() accessor entry = '';
  @state() accessor download: { url: string; name: string; size: number } | undefined = undefined;
  /** Which copy button last succeeded or failed, for its visible confirmation. */
  @state() accessor copied: { what: 'token' | 'entry'; ok: boolean } | undefined = undefined;

  #ownDb: PlayerDatabase | undefined;
  #copiedTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#loadLibrary();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.download) URL.revokeObjectURL(this.download.url);
    clearTimeout(this.#copiedTimer);
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
    const dispatchable = this.packages.filter(isDispatchable);
    const others = this.packages.length - dispatchable.length;
    return html`
      <h1 tabindex="-1">${msg('Make a dispatch package', { id: 'maker.title' })}</h1>
      <p>
        ${msg(
          "A dispatch package is a small SCORM package for a customer's LMS. Inside the LMS it reads who the learner is and opens the course on this player, which you update in one place for every LMS.",
          { id: 'maker.intro' },
        )}
      </p>
      <form @submit=${this.#make} novalidate>
        ${
          dispatchable.length
            ? html`<div>
                <label for="library">${msg('Course from the library', { id: 'maker.library' })}</label>
                <select id="library" aria-describedby="library-hint" @change=${this.#pick}>
                  <option value="">${msg('Choose a course…', { id: 'maker.choose' })}</option>
                  ${dispatchable.map((p) => html`<option value=${p.id}>${p.title}</option>`)}
                </select>
                ${this.#libraryHint(others)}
              </div>`
            : this.packages.length
              ? this.#libraryHint(others)
              : nothing
        }
        <div>
          <label for="course">${msg('Course URL', { id: 'maker.course' })}</label>
          <input
            id="course"
            type="text"
            required
            spellcheck="false"
            .value=${this.course}
            @input=${(e: Event) => (this.course = (e.target as HTMLInputElement).value)}
            aria-invalid=${this.#invalid('course')}
            aria-describedby=${this.#describedBy('course', 'course-hint')}
          />
          <p class="hint" id="course-hint">
            ${msg(
              'A folder, its imsmanifest.xml or a .zip on a web server, relative to dispatches.json (e.g. courses/demo/imsmanifest.xml) or a full https:// address.',
              { id: 'maker.course-hint' },
            )}
          </p>
          ${this.#fieldError('course')}
        </div>
        <div>
          <label for="title">${msg('Title shown in the LMS', { id: 'maker.course-title' })}</label>
          <input
            id="title"
            type="text"
            required
            maxlength=${MAX_TITLE_LENGTH}
            .value=${this.courseTitle}
            @input=${(e: Event) => (this.courseTitle = (e.target as HTMLInputElement).value)}
            aria-invalid=${this.#invalid('title')}
            aria-describedby=${this.#describedBy('title')}
          />
          ${this.#fieldError('title')}
        </div>
        <fieldset>
          <legend>${msg('SCORM version of the package', { id: 'maker.scorm' })}</legend>
          ${this.#radio('scorm', '1.2', 'SCORM 1.2')} ${this.#radio('scorm', '2004', 'SCORM 2004')}
        </fieldset>
        <fieldset aria-describedby="mode-hint">
          <legend>${msg('Mode', { id: 'maker.mode' })}</legend>
          ${this.#radio('mode', 'redirect', msg('Redirect', { id: 'maker.redirect' }))}
          ${this.#radio('mode', 'relay', msg('Relay', { id: 'maker.relay' }))}
          <ul class="hint" id="mode-hint">
            <li>
              ${msg(
                "Redirect: the LMS hands the learner over to the player and records only that the course was launched; the learner's progress stays in their browser.",
                { id: 'maker.redirect-hint' },
              )}
            </li>
            <li>
              ${msg(
                "Relay: the player runs inside the LMS page and writes completion, score, time and the learner's progress into the LMS, so they can continue on another device (it needs the LMS's origin below).",
                { id: 'maker.relay-hint' },
              )}
            </li>
          </ul>
        </fieldset>
        <div>
          <label for="player">${msg('Player URL', { id: 'maker.player' })}</label>
          <input
            id="player"
            type="url"
            .value=${this.playerUrl}
            @input=${(e: Event) => (this.playerUrl = (e.target as HTMLInputElement).value)}
            aria-invalid=${this.#invalid('player')}
            aria-describedby=${this.#describedBy('player')}
          />
          ${this.#fieldError('player')}
        </div>
        <div>
          <label for="route">${msg('Launch URL form', { id: 'maker.route' })}</label>
          <select
            id="route"
            @change=${(e: Event) => (this.route = (e.target as HTMLSelectElement).value as DispatchRoute)}
          >
            <option value="path" ?selected=${this.route === 'path'}>
              ${msg('/player/dispatch/<token> (the host serves index.html for unknown paths)', {
                id: 'maker.route-path',
              })}
            </option>
            <option value="query" ?selected=${this.route === 'query'}>
              ${msg('?dispatch=<token> (works on any static host)', { id: 'maker.route-query' })}
            </option>
          </select>
        </div>
        <div>
          <div class="row">
            <div>
              <label for="token">${msg('Token', { id: 'maker.token' })}</label>
              <input
                id="token"
                type="text"
                spellcheck="false"
                pattern="[A-Za-z0-9_\\-]{4,64}"
                .value=${this.token}
                @input=${(e: Event) => (this.token = (e.target as HTMLInputElement).value)}
                aria-invalid=${this.#invalid('token')}
                aria-describedby=${this.#describedBy('token')}
              />
            </div>
            <button type="button" @click=${() => (this.token = generateToken())}>
              ${msg('New token', { id: 'maker.new-token' })}
            </button>
            <button type="button" class="copy-token" @click=${() => void this.#copy('token', this.token)}>
              ${msg('Copy the token', { id: 'maker.copy-token' })}
            </button>
          </div>
          ${this.#fieldError('token')} ${this.#copiedNote('token')}
        </div>
        <div>
          <label for="origins"
            >${msg('LMS origins allowed to frame the player (relay mode), one a line', {
              id: 'maker.origins',
            })}</label
          >
          <textarea
            id="origins"
            rows="2"
            spellcheck="false"
            placeholder="https://lms.example.com"
            .value=${this.origins}
            @input=${(e: Event) => (this.origins = (e.target as HTMLTextAreaElement).value)}
            aria-invalid=${this.#invalid('origins')}
            aria-describedby=${this.#describedBy('origins')}
          ></textarea>
          ${this.#fieldError('origins')}
        </div>
        <div>
          <label for="expires">${msg('Expires (optional)', { id: 'maker.expires' })}</label>
          <input
            id="expires"
            type="date"
            .value=${this.expires}
            @input=${(e: Event) => (this.expires = (e.target as HTMLInputElement).value)}
            aria-invalid=${this.#invalid('expires')}
            aria-describedby=${this.#describedBy('expires')}
          />
          ${this.#fieldError('expires')}
        </div>
        <div>
          <label for="report"
            >${msg('Report URL (optional: commits and the exit are POSTed there as JSON)', {
              id: 'maker.report',
            })}</label
          >
          <input
            id="report"
            type="url"
            .value=${this.reportUrl}
            @input=${(e: Event) => (this.reportUrl = (e.target as HTMLInputElement).value)}
            aria-invalid=${this.#invalid('report')}
            aria-describedby=${this.#describedBy('report', 'report-hint')}
          />
          <p class="hint" id="report-hint">
            ${msg(
              "Reports carry the LMS's learner id, the results and the time spent (dispatch-report.schema.json).",
              { id: 'maker.report-hint' },
            )}
          </p>
          ${this.#fieldError('report')}
          <label
            ><input
              type="checkbox"
              .checked=${this.hashUserId}
              @change=${(e: Event) => (this.hashUserId = (e.target as HTMLInputElement).checked)}
            />
            ${msg('Send a salted SHA-256 of the learner id instead of the id', { id: 'maker.hash' })}</label
          >
        </div>
        <div>
          <button type="submit" class="primary">${msg('Make the package', { id: 'maker.make' })}</button>
        </div>
      </form>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${this.download ? this.#renderResult(this.download) : nothing}
    `;
  }

  #renderResult(download: { url: string; name: string; size: number }) {
    return html`<h2>${msg('Your package', { id: 'maker.result' })}</h2>
      <p role="status">
        <a href=${download.url} download=${download.name}
          >${msg(str`Download ${download.name}`, { id: 'maker.download' })}</a
        >
        ${msg(str`(${formatBytes(download.size)}). Upload it to the LMS as a SCORM ${this.scorm} package.`, {
          id: 'maker.upload',
        })}
      </p>
      <h2 id="entry-heading">${msg('Add this entry to dispatches.json', { id: 'maker.entry' })}</h2>
      <pre aria-labelledby="entry-heading"><code>${this.entry}</code></pre>
      <div class="copy">
        <button type="button" class="copy-entry" @click=${() => void this.#copy('entry', this.entry)}>
          ${msg('Copy the entry', { id: 'maker.copy-entry' })}
        </button>
        ${this.#copiedNote('entry')}
      </div>`;
  }

  #libraryHint(others: number) {
    return html`<p class="hint" id="library-hint">
      ${
        others > 0
          ? msg(
              str`Only courses opened from a web address can be dispatched: the player loads them from there. ${others} imported from files are not offered.`,
              { id: 'maker.library-hint-others' },
            )
          : msg(
              'Only courses opened from a web address can be dispatched: the player loads them from there.',
              {
                id: 'maker.library-hint',
              },
            )
      }
    </p>`;
  }

  #invalid(field: Field): 'true' | 'false' {
    return this.fieldErrors[field] ? 'true' : 'false';
  }

  #describedBy(field: Field, hint?: string): string {
    return [hint, this.fieldErrors[field] ? `${field}-error` : undefined].filter(Boolean).join(' ') || '';
  }

  #fieldError(field: Field) {
    const problem = this.fieldErrors[field];
    return problem ? html`<p class="field-error" id=${`${field}-error`}>${problem}</p>` : nothing;
  }

  #copiedNote(what: 'token' | 'entry') {
    const shown = this.copied?.what === what ? this.copied : undefined;
    // A live region that is always there, so the confirmation is announced as well as seen.
    return html`<span class=${shown?.ok === false ? 'error' : 'copied'} role="status" id=${`${what}-copied`}
      >${
        shown
          ? shown.ok
            ? msg('Copied', { id: 'maker.copied' })
            : msg('Could not copy: select the text and copy it yourself.', { id: 'maker.copy-failed' })
          : ''
      }</span
    >`;
  }

  async #copy(what: 'token' | 'entry', text: string): Promise<void> {
    let ok: boolean;
    try {
      await navigator.clipboard.writeText(text);
      ok = true;
    } catch {
      ok = false; // no clipboard (insecure context) or permission refused
    }
    this.copied = { what, ok };
    clearTimeout(this.#copiedTimer);
    this.#copiedTimer = setTimeout(() => (this.copied = undefined), 4000);
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
    if (!pkg || !isDispatchable(pkg)) return;
    this.course = pkg.source;
    this.courseTitle = pkg.title.slice(0, MAX_TITLE_LENGTH);
    this.scorm = pkg.version === '1.2' ? '1.2' : '2004';
    this.fieldErrors = {};
  };

  /** Every field's problem, in the form's order (the same rules as checkShellOptions, in the learner's words). */
  #check(): Partial<Record<Field, string>> {
    const problems: Partial<Record<Field, string>> = {};
    const course = this.course.trim();
    if (!course) problems.course = msg('Give the course URL.', { id: 'maker.error-course-empty' });
    else if (!isWebUrl(course, isWebUrl(this.playerUrl) ? this.playerUrl : document.baseURI))
      problems.course = msg(
        'The course must be on a web server (http or https): the player loads it from there at every launch.',
        { id: 'maker.error-course-web' },
      );
    const title = this.courseTitle.trim();
    if (!title || title.length > MAX_TITLE_LENGTH)
      problems.title = msg(str`Give a title of 1 to ${MAX_TITLE_LENGTH} characters.`, {
        id: 'maker.error-title',
      });
    try {
      normalizePlayerUrl(this.playerUrl.trim());
    } catch {
      problems.player = msg(
        'Give the full http(s) address of the player, e.g. https://player.example.com/.',
        {
          id: 'maker.error-player',
        },
      );
    }
    if (!isValidToken(this.token.trim()))
      problems.token = msg('The token must be 4 to 64 letters, digits, "-" or "_".', {
        id: 'maker.error-token',
      });
    const origins = this.#originList();
    const bad = origins.find((o) => normalizeOrigin(o) === undefined || !/^https?:/.test(o));
    if (bad !== undefined)
      problems.origins = msg(str`“${bad}” is not an origin such as https://lms.example.com.`, {
        id: 'maker.error-origin',
      });
    else if (this.mode === 'relay' && origins.length === 0)
      problems.origins = msg(
        "Relay mode needs the LMS's origin: the player only talks to the LMS pages named here.",
        {
          id: 'maker.error-origins-relay',
        },
      );
    if (this.expires && new Date(`${this.expires}T23:59:59Z`).getTime() < Date.now())
      problems.expires = msg('That day has passed: the dispatch would never work.', {
        id: 'maker.error-expires',
      });
    const report = this.reportUrl.trim();
    if (report && !isWebUrl(report))
      problems.report = msg('Give the full http(s) address that receives the reports.', {
        id: 'maker.error-report',
      });
    return problems;
  }

  #originList(): string[] {
    return this.origins
      .split(/\s+/)
      .map((o) => o.trim())
      .filter(Boolean);
  }

  #make = async (e: Event): Promise<void> => {
    e.preventDefault();
    this.error = '';
    if (this.download) URL.revokeObjectURL(this.download.url);
    this.download = undefined;
    this.fieldErrors = this.#check();
    const first = fields.find((f) => this.fieldErrors[f]);
    if (first) {
      // The first field with a problem takes focus; its message is its description (read with it).
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(`#${first}`)?.focus();
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
      const origins = this.#originList();
      this.entry = registryEntryJson(options.token, {
        course: this.course.trim(),
        title: this.courseTitle.trim(),
        ...(origins.length ? { allowedOrigins: origins } : {}),
        ...(this.expires ? { expires: new Date(`${this.expires}T23:59:59Z`).toISOString() } : {}),
        ...(this.reportUrl.trim() ? { reportUrl: this.reportUrl.trim(), hashUserId: this.hashUserId } : {}),
      });
    } catch (error) {
      const field = error instanceof DispatchError ? fieldOfError[error.code] : undefined;
      if (field) this.fieldErrors = { [field]: error instanceof Error ? error.message : String(error) };
      else
        this.error =
          error instanceof DispatchError
            ? error.message
            : msg(str`The package could not be made: ${String(error)}`, { id: 'maker.error-build' });
    }
  };
}

/** The form's fields that can be wrong, in their order on the page (the first wrong one takes focus). */
const fields = ['course', 'title', 'player', 'token', 'origins', 'expires', 'report'] as const;
type Field = (typeof fields)[number];

/** Errors of the dispatch layer that belong to one field (the rest are shown under the form). */
const fieldOfError: Partial<Record<DispatchErrorCode, Field>> = {
  [DispatchErrorCode.BadToken]: 'token',
  [DispatchErrorCode.BadTitle]: 'title',
  [DispatchErrorCode.BadPlayerUrl]: 'player',
};

/**
 * A library course can be dispatched when the player can load it from the web at every launch: it was
 * opened from an http(s) URL (stored as its absolute source). A zip imported from a file has only its file
 * name; its bytes live in this browser alone, which no learner in an LMS can reach.
 */
function isDispatchable(pkg: StoredPackage): pkg is StoredPackage & { source: string } {
  return pkg.source !== undefined && isWebUrl(pkg.source);
}

/** Whether a URL (relative ones against `base`, the folder of dispatches.json) is http(s). */
function isWebUrl(value: string, base?: string): boolean {
  try {
    const url = base === undefined ? new URL(value) : new URL(value, new URL('dispatches.json', base));
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'scorm-dispatch-maker': DispatchMaker;
  }
}
