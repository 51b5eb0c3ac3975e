// <scorm-learner-dialog>: asks the learner's name once for standalone launches (a native modal <dialog>,
// so focus is trapped and Escape closes it, per the WAI-ARIA dialog pattern).
import { LitElement, css, html } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { msg, updateWhenLocaleChanges } from '../i18n/msg.js';
import { learnerFromName, type Learner } from './learner-store.js';
import { sharedStyles } from './shared-styles.js';

@customElement('scorm-learner-dialog')
export class LearnerDialog extends LitElement {
  static override styles = [
    sharedStyles,
    css`
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
      h2 {
        margin-top: 0;
      }
      label {
        display: block;
        font-weight: 600;
        margin-bottom: 0.3rem;
      }
      input {
        width: 100%;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        justify-content: flex-end;
        gap: 0.5rem;
        margin-top: 1rem;
      }
    `,
  ];

  /** The learner being renamed, if any (the dialog then offers to keep the same id). */
  @property({ attribute: false }) accessor current: Learner | undefined;
  @state() accessor problem = '';
  @query('dialog') accessor dialog!: HTMLDialogElement;
  @query('input') accessor input!: HTMLInputElement;

  #resolve: ((learner: Learner | undefined) => void) | undefined;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }

  /** Opens the dialog; resolves with the learner, or undefined when cancelled. */
  async ask(): Promise<Learner | undefined> {
    await this.updateComplete;
    this.problem = '';
    this.input.value = this.current?.name ?? '';
    this.dialog.showModal();
    this.input.focus();
    return new Promise((resolve) => (this.#resolve = resolve));
  }

  override render() {
    return html`
      <dialog aria-labelledby="learner-title" @close=${this.#onClose}>
        <form method="dialog" @submit=${this.#onSubmit} novalidate>
          <h2 id="learner-title">${msg('Who is learning?', { id: 'app.who' })}</h2>
          <p class="muted" id="learner-help">
            ${msg('Your name is kept in this browser only, with your progress. Courses may show it.', {
              id: 'learner.help',
            })}
          </p>
          <label for="learner-name">${msg('Your name', { id: 'learner.name' })}</label>
          <input
            id="learner-name"
            type="text"
            autocomplete="name"
            maxlength="100"
            required
            aria-describedby="learner-help ${this.problem ? 'learner-problem' : ''}"
            aria-invalid=${this.problem ? 'true' : 'false'}
          />
          ${this.problem ? html`<p id="learner-problem" class="error" role="alert">${this.problem}</p>` : ''}
          <div class="actions">
            <button type="button" value="cancel" @click=${this.#onCancel}>
              ${msg('Cancel', { id: 'common.cancel' })}
            </button>
            <button type="submit" class="primary">${msg('Save', { id: 'learner.save' })}</button>
          </div>
        </form>
      </dialog>
    `;
  }

  #onSubmit(event: SubmitEvent) {
    event.preventDefault();
    const name = this.input.value.trim();
    if (name === '') {
      this.problem = msg('Please enter your name.', { id: 'learner.empty' });
      this.input.focus();
      return;
    }
    const learner = this.current ? { id: this.current.id, name } : learnerFromName(name);
    this.#finish(learner);
    this.dialog.close('save');
  }

  /** Resolves at once rather than on the dialog's queued close event (Escape still goes through onClose). */
  #onCancel() {
    this.#finish(undefined);
    this.dialog.close('cancel');
  }

  #onClose() {
    this.#finish(undefined);
  }

  #finish(learner: Learner | undefined) {
    const resolve = this.#resolve;
    this.#resolve = undefined;
    resolve?.(learner);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'scorm-learner-dialog': LearnerDialog;
  }
}
