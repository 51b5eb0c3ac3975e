// A stage that is a window of its own: "Open in a new window" for content that wants the whole screen or
// misbehaves in a frame. The content's document loads in a popup the player opened, so the standard API
// discovery finds the API through window.opener (scorm-reference C, RTE 3.3.6.1 GetAPI: the parent chain,
// then the opener's). Launchers see it as any other ContentStage; the popup is kept between deliveries (a
// popup opened without a click is blocked, and the content's own navigation requests come without one).
import type { ContentStage } from './content-session.js';

export interface WindowStageEvents {
  /** The learner closed the window (or the browser did). */
  closed(): void;
}

const WINDOW_NAME = 'scorm-player-content';
/** How often the player looks whether the learner closed the window (there is no event for it). */
const POLL_MS = 400;

export class WindowStage implements ContentStage {
  private popup: Window | null = null;
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly events: WindowStageEvents,
    private readonly opener: Window = window,
  ) {}

  /** The content's window, while it is open. */
  get window(): Window | null {
    return this.popup && !this.popup.closed ? this.popup : null;
  }

  /**
   * Opens the (empty) window. Call it from the click that asks for it: browsers block popups opened later.
   * Returns false when the popup was blocked.
   */
  open(): boolean {
    if (this.window) {
      this.popup!.focus();
      return true;
    }
    // No 'noopener': the content reaches the API through window.opener.
    this.popup = this.opener.open('about:blank', WINDOW_NAME, 'popup,width=1024,height=768');
    if (!this.popup) return false;
    this.timer = setInterval(() => {
      if (this.popup?.closed) {
        this.stopWatching();
        this.popup = null;
        this.events.closed();
      }
    }, POLL_MS);
    return true;
  }

  load(url: string, title: string): void {
    const popup = this.window;
    if (!popup) {
      this.events.closed();
      return;
    }
    popup.location.href = url;
    // Until the content's document replaces it, the blank page says what is coming.
    try {
      popup.document.title = title;
    } catch {
      // The content's document (another origin) is already there.
    }
  }

  /** Empties the window (the content's unload handlers run as it navigates away). */
  unload(): void {
    const popup = this.window;
    if (popup) popup.location.href = 'about:blank';
  }

  fail(message: string): void {
    console.error('scorm-player: content in its own window failed:', message);
  }

  focus(): void {
    this.window?.focus();
  }

  /** Closes the window without reporting it as closed by the learner. */
  close(): void {
    this.stopWatching();
    const popup = this.window;
    this.popup = null;
    popup?.close();
  }

  private stopWatching(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
  }
}
