// <scorm-stage>: the content frame. The iframe is created and removed imperatively, because the player
// must control exactly when a SCO's document unloads (its unload handlers call LMSFinish/Terminate on the
// API the player is about to replace). Direct content (on the app's origin) gets no sandbox: it reaches the
// API through same-origin window.parent (scorm-reference C). A content host on the content origin is
// sandboxed without allow-top-navigation (architecture.md "Content isolation"): browsers let a cross-site
// frame navigate the top page, and content must not take the player away.
import { LitElement, css, html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { msg, str } from '../i18n/msg.js';

export type StageStatus = 'empty' | 'loading' | 'ready' | 'error';

/** Every right the content keeps in a sandboxed frame: all but navigating the top window. */
export const CONTENT_SANDBOX =
  'allow-scripts allow-same-origin allow-forms allow-popups allow-modals allow-downloads';

export interface StageLoadOptions {
  /** Sandbox the frame (CONTENT_SANDBOX): for a content host on another origin. */
  sandbox?: boolean;
}

/** Launch URLs the stage loads: http(s) only (a javascript: or data: URL would run on the player's origin). */
export function loadableUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url, document.baseURI);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

export class ScormStage extends LitElement {
  static override styles = css`
    :host {
      display: flex;
      flex-direction: column;
      position: relative;
      min-height: 20rem;
    }
    :host([hidden]) {
      display: none;
    }
    .host {
      flex: 1;
      display: flex;
    }
    iframe {
      flex: 1;
      width: 100%;
      min-height: 20rem;
      border: 0;
      background: #fff;
    }
    .loading {
      position: absolute;
      inset: 0 auto auto 0;
      margin: 0.5rem;
      padding: 0.25rem 0.5rem;
      background: #fff;
      border-radius: 0.25rem;
    }
    .error {
      margin: 1rem;
      padding: 1rem;
      border: 2px solid #a51d2d;
      border-radius: 0.25rem;
    }
    .error h2 {
      margin-top: 0;
      font-size: 1.125rem;
    }
    code {
      overflow-wrap: anywhere;
    }
  `;

  @state() accessor status: StageStatus = 'empty';
  @state() private accessor errorMessage = '';
  @state() private accessor errorUrl = '';
  private frame: HTMLIFrameElement | undefined;
  private generation = 0;

  /** The content frame, while one is on the stage. */
  get iframe(): HTMLIFrameElement | undefined {
    return this.frame;
  }

  override render() {
    return html`<div class="host"></div>
      ${this.status === 'loading' ? html`<p class="loading" role="status">${msg('Loading…', { id: 'app.loading' })}</p>` : nothing}
      ${
        this.status === 'error'
          ? html`<div class="error" role="alert">
              <h2>${msg('The content could not be loaded', { id: 'stage.failed' })}</h2>
              <p>${this.errorMessage}</p>
              <p><code>${this.errorUrl}</code></p>
            </div>`
          : nothing
      }`;
  }

  /**
   * Puts a new frame on the stage and starts loading `url` at once (navigation starts in this call), then
   * checks in parallel that the launch file exists, so a missing file shows an error instead of a 404 page.
   * A URL that is not http(s) is refused with an error in place of the frame. Returns the new frame.
   */
  load(url: string, title: string, options: StageLoadOptions = {}): HTMLIFrameElement | undefined {
    this.unload();
    if (!loadableUrl(url)) {
      this.fail(
        msg(
          'This item cannot be played: its launch URL is neither a web address nor a file of the package.',
          {
            id: 'stage.unsafe-url',
          },
        ),
        url,
      );
      return undefined;
    }
    const generation = ++this.generation;
    const frame = document.createElement('iframe');
    frame.title = title;
    frame.setAttribute('allow', 'fullscreen; autoplay');
    if (options.sandbox) frame.setAttribute('sandbox', CONTENT_SANDBOX);
    frame.addEventListener('load', () => {
      if (generation === this.generation && this.status === 'loading') this.status = 'ready';
    });
    frame.src = url;
    this.host().append(frame);
    this.frame = frame;
    this.status = 'loading';
    void this.check(url, generation);
    return frame;
  }

  /** Removes the frame now: the content's unload handlers run before this returns. */
  unload(): void {
    this.generation++;
    const frame = this.frame;
    this.frame = undefined;
    frame?.remove();
    this.status = 'empty';
  }

  private host(): HTMLElement {
    // The host div exists from the first render; render synchronously if load() comes first.
    if (!this.hasUpdated) this.performUpdate();
    return this.renderRoot.querySelector('.host') as HTMLElement;
  }

  private async check(url: string, generation: number): Promise<void> {
    const target = new URL(url, document.baseURI);
    // Only same-origin files can be checked (CORS); other content is left to the frame.
    if (target.origin !== location.origin) return;
    let problem: string | undefined;
    try {
      let response = await fetch(target, { method: 'HEAD', cache: 'no-store' });
      if (response.status === 405 || response.status === 501) {
        response = await fetch(target, { cache: 'no-store' });
        void response.body?.cancel();
      }
      if (!response.ok)
        problem =
          response.status === 404
            ? msg('The launch file of this item is missing from the package.', { id: 'stage.missing' })
            : msg(str`The server answered ${response.status} ${response.statusText}.`, { id: 'stage.http' });
    } catch (error) {
      problem = msg(
        str`The launch file could not be fetched (${error instanceof Error ? error.message : String(error)}).`,
        { id: 'stage.fetch' },
      );
    }
    if (problem && generation === this.generation) this.fail(problem, target.href);
  }

  /** Shows the error view in place of the frame. */
  fail(message: string, url = ''): void {
    this.unload();
    this.errorMessage = message;
    this.errorUrl = url;
    this.status = 'error';
  }
}

customElements.define('scorm-stage', ScormStage);

declare global {
  interface HTMLElementTagNameMap {
    'scorm-stage': ScormStage;
  }
}
