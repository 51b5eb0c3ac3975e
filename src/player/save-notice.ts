// <save-notice>: the learner's view of a save that failed. A save that failed is never silent (issue 12):
// while `problem` is set, a persistent notice says why, with a Retry; it stays until a save succeeds (the
// player clears `problem`). The element only asks: Retry dispatches a SaveRetryEvent, which the player
// answers by writing everything that is unsaved again (ProgressKeeper.retry()).
import { LitElement, css, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';

/** The learner asked to try saving again. */
export class SaveRetryEvent extends Event {
  static readonly eventName = 'scorm-save-retry';
  constructor() {
    super(SaveRetryEvent.eventName, { bubbles: true, composed: true });
  }
}

export class SaveNotice extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
    :host([hidden]) {
      display: none;
    }
    .notice {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 1rem;
      align-items: center;
      margin: 0.5rem 0;
      padding: 0.75rem 1rem;
      border: 2px solid #a51d2d;
      border-radius: 0.25rem;
      background: #fdecea;
      color: #1d1d1d;
    }
    p {
      margin: 0;
      flex: 1 1 20rem;
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
  `;

  /** Why saving fails, in words for the learner; '' when saves succeed (nothing is shown). */
  @property() accessor problem = '';

  override render() {
    if (!this.problem) return nothing;
    // role="alert": announced once when it appears; it stays on screen until the problem is gone.
    return html`<div class="notice" role="alert">
      <p>Your progress could not be saved: ${this.problem}. It is kept on this page until it can be.</p>
      <button type="button" @click=${() => this.dispatchEvent(new SaveRetryEvent())}>Retry</button>
    </div>`;
  }
}

customElements.define('save-notice', SaveNotice);

declare global {
  interface HTMLElementTagNameMap {
    'save-notice': SaveNotice;
  }
}
