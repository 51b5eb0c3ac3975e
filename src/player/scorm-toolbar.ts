// <scorm-toolbar>: Previous, Continue, Exit, Exit All, Suspend (architecture.md: these accessible names).
// A button whose request is not valid now is disabled; one the current item hides (adlnav hideLMSUI) is
// absent. Pressing one sends a NavRequestEvent; the player decides.
import { LitElement, css, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import type { HideLmsUi } from '../package/types.js';
import { msg, updateWhenLocaleChanges } from '../i18n/msg.js';
import { NavRequestEvent } from './events.js';

export type ToolbarAction = 'previous' | 'continue' | 'exit' | 'exitAll' | 'suspendAll';

const buttons: { action: ToolbarAction; label: () => string }[] = [
  { action: 'previous', label: () => msg('Previous', { id: 'toolbar.previous' }) },
  { action: 'continue', label: () => msg('Continue', { id: 'toolbar.continue' }) },
  { action: 'exit', label: () => msg('Exit', { id: 'toolbar.exit' }) },
  { action: 'exitAll', label: () => msg('Exit All', { id: 'toolbar.exit-all' }) },
  { action: 'suspendAll', label: () => msg('Suspend', { id: 'toolbar.suspend' }) },
];

export class ScormToolbar extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
    div {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
    }
    button {
      font: inherit;
      min-height: 2.25rem;
      padding: 0.25rem 0.875rem;
      border: 1px solid #5e5e5e;
      border-radius: 0.25rem;
      background: #fff;
      color: #1d1d1d;
      cursor: pointer;
    }
    button:focus-visible {
      outline: 2px solid var(--scorm-focus, #1a5fb4);
      outline-offset: 2px;
    }
    button:disabled {
      color: #6b6b6b;
      border-color: #b0b0b0;
      cursor: not-allowed;
    }
  `;

  /** Which requests are valid now. */
  @property({ attribute: false }) accessor valid: Partial<Record<ToolbarAction, boolean>> = {};
  /** The current item's hideLMSUI values. */
  @property({ attribute: false }) accessor hideLmsUi: readonly HideLmsUi[] = [];

  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }

  override render() {
    return html`<div role="group" aria-label=${msg('Course navigation', { id: 'toolbar.label' })}>
      ${buttons.map(({ action, label }) =>
        this.hideLmsUi.includes(action)
          ? nothing
          : html`<button
              type="button"
              data-action=${action}
              ?disabled=${!this.valid[action]}
              @click=${() => this.press(action)}
            >
              ${label()}
            </button>`,
      )}
    </div>`;
  }

  private press(action: ToolbarAction): void {
    if (this.valid[action]) this.dispatchEvent(new NavRequestEvent({ type: action }));
  }
}

customElements.define('scorm-toolbar', ScormToolbar);

declare global {
  interface HTMLElementTagNameMap {
    'scorm-toolbar': ScormToolbar;
  }
}
