// <scorm-toolbar>: Previous, Continue, Exit, Exit All, Suspend (architecture.md: these accessible names).
// One row of buttons, each an icon with its name beside it; at phone width the name is read, not shown.
// A button whose request is not valid now is disabled; one the current item hides (adlnav hideLMSUI) is
// absent, and so are Previous and Continue in a course with a single launchable item (there is nowhere to
// go). Pressing one sends a NavRequestEvent; the player decides.
import { LitElement, css, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import type { HideLmsUi } from '../package/types.js';
import { msg, updateWhenLocaleChanges } from '../i18n/msg.js';
import { NavRequestEvent } from './events.js';
import { icons } from './icons.js';
import { controlButtons, playerTheme, srOnly } from './theme.js';

export type ToolbarAction = 'previous' | 'continue' | 'exit' | 'exitAll' | 'suspendAll';

const actions: readonly ToolbarAction[] = ['previous', 'continue', 'exit', 'exitAll', 'suspendAll'];

/** The buttons' names (architecture.md: Previous, Continue, Exit, Exit All, Suspend in English). */
function labelOf(action: ToolbarAction): string {
  switch (action) {
    case 'previous':
      return msg('Previous', { id: 'toolbar.previous' });
    case 'continue':
      return msg('Continue', { id: 'toolbar.continue' });
    case 'exit':
      return msg('Exit', { id: 'toolbar.exit' });
    case 'exitAll':
      return msg('Exit All', { id: 'toolbar.exit-all' });
    case 'suspendAll':
      return msg('Suspend', { id: 'toolbar.suspend' });
  }
}

/** Flow buttons: meaningless when the course has one launchable item. */
const FLOW: readonly ToolbarAction[] = ['previous', 'continue'];

export class ScormToolbar extends LitElement {
  static override styles = [
    playerTheme,
    srOnly,
    controlButtons,
    css`
      :host {
        display: block;
      }
      div {
        display: flex;
        flex-wrap: nowrap;
        gap: 0.375rem;
      }
      button:disabled {
        color: var(--scorm-disabled);
        border-style: dashed;
        cursor: not-allowed;
      }
      @media (max-width: 40rem) {
        button {
          padding: 0.25rem;
        }
        .label {
          position: absolute;
          width: 1px;
          height: 1px;
          overflow: hidden;
          clip-path: inset(50%);
          white-space: nowrap;
        }
      }
    `,
  ];

  /** Which requests are valid now. */
  @property({ attribute: false }) accessor valid: Partial<Record<ToolbarAction, boolean>> = {};
  /** The current item's hideLMSUI values. */
  @property({ attribute: false }) accessor hideLmsUi: readonly HideLmsUi[] = [];
  /** Whether the course has more than one launchable item (Previous/Continue mean something). */
  @property({ type: Boolean }) accessor sequential = true;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }

  override render() {
    return html`<div role="group" aria-label=${msg('Course navigation', { id: 'toolbar.group' })}>
      ${actions.map((action) =>
        this.hideLmsUi.includes(action) || (!this.sequential && FLOW.includes(action))
          ? nothing
          : html`<button
              type="button"
              data-action=${action}
              title=${labelOf(action)}
              ?disabled=${!this.valid[action]}
              @click=${() => this.press(action)}
            >
              ${icons[action]}<span class="label">${labelOf(action)}</span>
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
