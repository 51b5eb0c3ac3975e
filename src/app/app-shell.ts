import { LitElement, html, css } from 'lit';

/** Placeholder shell until the app views land; replaced by the app issue. */
export class ScormApp extends LitElement {
  static override styles = css`
    :host {
      display: block;
      padding: 1rem;
    }
  `;
  override render() {
    return html`<main><h1>scorm-player</h1></main>`;
  }
}
customElements.define('scorm-app', ScormApp);

declare global {
  interface HTMLElementTagNameMap {
    'scorm-app': ScormApp;
  }
}
