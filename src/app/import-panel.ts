// <scorm-import-panel>: import a SCORM zip by drag and drop or the file picker, with a progress bar and
// Cancel. The importer (zip reading, manifest parsing) is loaded on the first import, not with the library.
import { LitElement, css, html } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { msg, str, updateWhenLocaleChanges } from '../i18n/msg.js';
import type { PlayerDatabase, StoredPackage } from '../storage/db.js';
import { formatBytes } from './format.js';
import { importZip, type ImportProgress } from './package-actions.js';
import { sharedStyles } from './shared-styles.js';

/** A package finished importing. */
export class PackageImportedEvent extends Event {
  static readonly eventName = 'scorm-package-imported';
  constructor(readonly pkg: StoredPackage) {
    super(PackageImportedEvent.eventName, { bubbles: true, composed: true });
  }
}

@customElement('scorm-import-panel')
export class ImportPanel extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      section {
        border: 2px dashed var(--sp-line);
        border-radius: 0.6rem;
        padding: 1rem;
        height: 100%;
        box-sizing: border-box;
      }
      section.over {
        border-color: var(--sp-accent);
        background: color-mix(in srgb, var(--sp-accent) 8%, transparent);
      }
      h2 {
        margin-top: 0;
      }
      input[type='file'] {
        position: absolute;
        opacity: 0;
        width: 1px;
        height: 1px;
      }
      input[type='file']:focus-visible + label {
        outline: 3px solid var(--sp-accent);
        outline-offset: 2px;
      }
      progress {
        width: 100%;
        height: 1rem;
      }
      .row {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        align-items: center;
      }
    `,
  ];

  @property({ attribute: false }) accessor db: PlayerDatabase | undefined;
  @state() accessor busy: { name: string; progress: ImportProgress } | undefined;
  @state() accessor message: { kind: 'ok' | 'error'; text: string } | undefined;
  @state() accessor over = false;
  @query('input[type=file]') accessor fileInput!: HTMLInputElement;

  #abort: AbortController | undefined;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }

  override render() {
    const p = this.busy?.progress;
    return html`<section
      aria-labelledby="import-heading"
      class=${this.over ? 'over' : ''}
      @dragenter=${this.#onDragOver}
      @dragover=${this.#onDragOver}
      @dragleave=${() => (this.over = false)}
      @drop=${this.#onDrop}
    >
      <h2 id="import-heading">${msg('Import a course', { id: 'import.title' })}</h2>
      <p>${msg('Drop a SCORM package (.zip) here, or choose one.', { id: 'import.hint' })}</p>
      <div class="row">
        <input
          id="file"
          type="file"
          accept=".zip,application/zip,application/x-zip-compressed"
          ?disabled=${this.busy !== undefined}
          @change=${this.#onPick}
        />
        <label for="file" class="button primary" aria-disabled=${this.busy ? 'true' : 'false'}
          >${msg('Choose a zip file…', { id: 'import.choose' })}</label
        >
      </div>
      ${
        this.busy && p
          ? html`<div class="row" style="margin-top:0.75rem">
              <label for="import-progress"
                >${msg(str`Importing ${this.busy.name}`, { id: 'import.importing' })}</label
              >
              <progress
                id="import-progress"
                max=${p.totalBytes || 1}
                value=${p.bytes}
                aria-valuetext=${this.#progressText(p)}
              ></progress>
              <span class="muted" aria-hidden="true">${this.#progressText(p)}</span>
              <button type="button" @click=${this.cancel}>${msg('Cancel', { id: 'common.cancel' })}</button>
            </div>`
          : ''
      }
      <p role="status" class=${this.message?.kind === 'error' ? 'error' : ''}>${this.message?.text ?? ''}</p>
    </section>`;
  }

  /** Cancels the running import. */
  cancel = () => {
    this.#abort?.abort();
  };

  /** Imports one file (the picker, a drop, or a caller). */
  async importFile(file: File): Promise<StoredPackage | undefined> {
    if (!this.db || this.busy) return undefined;
    this.message = undefined;
    this.#abort = new AbortController();
    this.busy = {
      name: file.name,
      progress: { phase: 'read', bytes: 0, totalBytes: file.size, files: 0, totalFiles: 0 },
    };
    try {
      const pkg = await importZip(file, {
        db: this.db,
        signal: this.#abort.signal,
        source: file.name,
        onProgress: (progress) => {
          if (this.busy) this.busy = { ...this.busy, progress };
        },
      });
      this.message = { kind: 'ok', text: msg(str`Imported “${pkg.title}”.`, { id: 'import.done' }) };
      this.dispatchEvent(new PackageImportedEvent(pkg));
      return pkg;
    } catch (error) {
      this.message = this.#abort.signal.aborted
        ? { kind: 'ok', text: msg('Import cancelled.', { id: 'import.cancelled' }) }
        : {
            kind: 'error',
            text: msg(str`Could not import ${file.name}: ${(error as Error).message}`, {
              id: 'import.failed',
            }),
          };
      return undefined;
    } finally {
      this.busy = undefined;
      this.#abort = undefined;
      if (this.fileInput) this.fileInput.value = '';
    }
  }

  #progressText(p: ImportProgress): string {
    if (p.phase === 'read') return msg('Reading the file…', { id: 'import.reading' });
    if (p.phase === 'commit') return msg(str`Saving ${p.totalFiles} files…`, { id: 'import.saving' });
    const bytes = msg(str`${formatBytes(p.bytes)} of ${formatBytes(p.totalBytes)}`, { id: 'import.bytes' });
    if (p.totalFiles === 0) return bytes;
    return msg(str`${p.files} of ${p.totalFiles} files, ${bytes}`, { id: 'import.files-bytes' });
  }

  #onPick(event: Event) {
    const file = (event.target as HTMLInputElement).files?.[0];
    if (file) void this.importFile(file);
  }

  #onDragOver(event: DragEvent) {
    if (!event.dataTransfer?.types.includes('Files')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    this.over = true;
  }

  #onDrop(event: DragEvent) {
    event.preventDefault();
    this.over = false;
    const file = event.dataTransfer?.files[0];
    if (file) void this.importFile(file);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'scorm-import-panel': ImportPanel;
  }
  interface HTMLElementEventMap {
    'scorm-package-imported': PackageImportedEvent;
  }
}
