// <scorm-library-view>: the library of imported courses (title, version, size, the learner's status,
// imported date; open; delete with confirmation), the importer and the open-by-URL form.
// This is the first view most visits see, so it stays small: the importer's zip and XML code load on demand.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { msg, str, updateWhenLocaleChanges } from '../i18n/msg.js';
import type { PlayerDatabase, StoredPackage } from '../storage/db.js';
import { formatBytes, formatDate, statusLabel, versionLabel } from './format.js';
import { listLibrary, packageCourseKey, type LibraryEntry } from './library-data.js';
import { removePackage } from './package-actions.js';
import { appConfig } from './app-config.js';
import { routeHref } from './routes.js';
import { sharedStyles } from './shared-styles.js';
import type { PackageImportedEvent } from './import-panel.js';
import './import-panel.js';
import './open-url-form.js';

@customElement('scorm-library-view')
export class LibraryView extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      .intro {
        display: flex;
        flex-wrap: wrap;
        gap: 1rem;
      }
      .intro > * {
        flex: 1 1 18rem;
      }
      ul.courses {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 0.75rem;
        grid-template-columns: repeat(auto-fill, minmax(min(100%, 20rem), 1fr));
      }
      li.course {
        border: 1px solid var(--sp-line);
        border-radius: 0.6rem;
        padding: 1rem;
        display: flex;
        flex-direction: column;
        gap: 0.5rem;
      }
      li.course h3 {
        margin: 0;
        font-size: 1.1rem;
        overflow-wrap: anywhere;
      }
      dl {
        display: grid;
        grid-template-columns: max-content 1fr;
        gap: 0.15rem 0.75rem;
        margin: 0;
      }
      dt {
        color: var(--sp-muted);
      }
      dd {
        margin: 0;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        margin-top: auto;
      }
      dialog {
        border: 1px solid var(--sp-line);
        border-radius: 0.6rem;
        padding: 1.25rem;
        width: min(26rem, calc(100vw - 2rem));
        box-sizing: border-box;
        background: var(--sp-bg);
        color: var(--sp-fg);
      }
      dialog::backdrop {
        background: rgb(0 0 0 / 0.45);
      }
      dialog h2 {
        margin-top: 0;
      }
    `,
  ];

  @property({ attribute: false }) accessor db: PlayerDatabase | undefined;
  @property({ attribute: false }) accessor learnerId: string | undefined;
  @state() accessor entries: LibraryEntry[] | undefined;
  @state() accessor toDelete: StoredPackage | undefined;
  @state() accessor announcement = '';
  /** No content origin is configured: packages' content runs on this site (architecture.md). */
  @state() accessor sharedOrigin = false;

  override connectedCallback() {
    super.connectedCallback();
    void appConfig().then((config) => (this.sharedOrigin = config.contentBase === undefined));
  }
  @query('dialog.confirm') accessor confirmDialog!: HTMLDialogElement;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }

  override updated(changed: Map<PropertyKey, unknown>) {
    if (changed.has('db') || changed.has('learnerId')) void this.refresh();
  }

  /** Counts refreshes, so that only the newest one's list is shown. */
  #refreshes = 0;

  /**
   * Reloads the list from the database. Refreshes overlap (the database and the learner arrive one after
   * the other); a slower, older one must not overwrite the newer learner's statuses with another's.
   */
  async refresh(): Promise<void> {
    if (!this.db) return;
    const refresh = ++this.#refreshes;
    const entries = await listLibrary(this.db, this.learnerId);
    if (refresh === this.#refreshes) this.entries = entries;
  }

  override render() {
    return html`
      <h1 tabindex="-1">${msg('Library', { id: 'library.title' })}</h1>
      <div class="intro">
        <scorm-import-panel .db=${this.db} @scorm-package-imported=${this.#onImported}></scorm-import-panel>
        <scorm-open-url-form></scorm-open-url-form>
      </div>
      <h2 id="courses-heading">${msg('Your courses', { id: 'library.courses' })}</h2>
      ${
        this.sharedOrigin
          ? html`<p class="muted" data-notice="shared-origin">
              ${msg("Content from packages runs with this site's rights.", { id: 'library.shared-origin' })}
            </p>`
          : nothing
      }
      <p class="visually-hidden" role="status">${this.announcement}</p>
      ${this.#renderList()} ${this.#renderConfirm()}
    `;
  }

  #renderList() {
    if (this.entries === undefined)
      return html`<p class="muted">${msg('Loading the library…', { id: 'library.loading' })}</p>`;
    if (this.entries.length === 0) {
      return html`<p>
        ${msg('No courses yet. Import a SCORM zip above, or', { id: 'library.empty' })}
        <a href=${routeHref({ view: 'play', source: { kind: 'url', url: 'demo/imsmanifest.xml' } })}
          >${msg('try the demo course', { id: 'library.demo' })}</a
        >.
      </p>`;
    }
    return html`<ul class="courses" aria-labelledby="courses-heading">
      ${this.entries.map((entry) => this.#renderEntry(entry))}
    </ul>`;
  }

  #renderEntry({ pkg, progress }: LibraryEntry) {
    const titleId = `title-${pkg.id}`;
    return html`<li class="course" data-package=${pkg.id}>
      <h3 id=${titleId}>${pkg.title}</h3>
      <dl>
        <dt>${msg('Version', { id: 'library.version' })}</dt>
        <dd>${versionLabel(pkg.version) ?? pkg.version}</dd>
        <dt>${msg('Size', { id: 'library.size' })}</dt>
        <dd>${msg(str`${formatBytes(pkg.size)}, ${pkg.fileCount} files`, { id: 'library.size-files' })}</dd>
        <dt>${msg('Status', { id: 'library.status' })}</dt>
        <dd class="status">
          ${statusLabel(progress && { completion: progress.completionStatus, success: progress.successStatus })}
        </dd>
        <dt>${msg('Imported', { id: 'library.imported' })}</dt>
        <dd>${formatDate(pkg.importedAt)}</dd>
      </dl>
      <div class="actions">
        <a
          class="button primary"
          href=${routeHref({ view: 'play', source: { kind: 'package', id: pkg.id } })}
          aria-describedby=${titleId}
          >${msg('Open', { id: 'library.open' })}</a
        >
        <a
          class="button"
          href=${routeHref({ view: 'results', course: packageCourseKey(pkg) })}
          aria-describedby=${titleId}
          >${msg('Results', { id: 'library.results' })}</a
        >
        <button type="button" class="danger" aria-describedby=${titleId} @click=${() => this.#askDelete(pkg)}>
          ${msg('Delete', { id: 'library.delete' })}
        </button>
      </div>
    </li>`;
  }

  #renderConfirm() {
    const pkg = this.toDelete;
    return html`<dialog class="confirm" aria-labelledby="confirm-title" @close=${this.#onConfirmClose}>
      ${
        pkg
          ? html`<form method="dialog">
              <h2 id="confirm-title">${msg(str`Delete “${pkg.title}”?`, { id: 'library.confirm-title' })}</h2>
              <p>
                ${msg(
                  "Its files are removed from this browser. Learners' results stay in the results view.",
                  {
                    id: 'library.confirm-detail',
                  },
                )}
              </p>
              <div class="actions">
                <button value="cancel" autofocus>${msg('Cancel', { id: 'common.cancel' })}</button>
                <button value="delete" class="primary">${msg('Delete', { id: 'library.delete' })}</button>
              </div>
            </form>`
          : nothing
      }
    </dialog>`;
  }

  async #askDelete(pkg: StoredPackage) {
    this.toDelete = pkg;
    await this.updateComplete;
    this.confirmDialog.showModal();
  }

  async #onConfirmClose() {
    const pkg = this.toDelete;
    const confirmed = this.confirmDialog.returnValue === 'delete';
    this.confirmDialog.returnValue = '';
    this.toDelete = undefined;
    if (!pkg || !confirmed || !this.db) return;
    await removePackage(this.db, pkg.id);
    this.announcement = msg(str`Deleted ${pkg.title}.`, { id: 'library.deleted' });
    await this.refresh();
    this.shadowRoot?.querySelector<HTMLElement>('h1')?.focus();
  }

  #onImported(event: PackageImportedEvent) {
    this.announcement = msg(str`Imported ${event.pkg.title}.`, { id: 'library.imported-announcement' });
    void this.refresh();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'scorm-library-view': LibraryView;
  }
}
