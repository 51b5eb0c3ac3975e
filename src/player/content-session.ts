// How the player runs one SCO or asset: the seam between <scorm-player> (which sequences and persists)
// and where the content runs. Two launchers implement it:
// - direct (direct-content.ts): the SCO loads in the stage's frame on the app's own origin, and the API
//   object sits on the player's window (scorm-reference C);
// - hosted (a content host page on another origin, src/content-host): the stage's frame loads the content
//   host, which holds the API beside the SCO and speaks to the player over a MessageChannel
//   (src/content-host/protocol.ts).
// The app chooses the launcher (the composition root); the player only speaks this interface.
import type { HostedRuntimeOptions } from '../content-host/protocol.js';
import type {
  AttemptState,
  CommitRefusal,
  NavRequestFromContent,
  RuntimeChange,
  SharedDataStores,
} from '../runtime/types.js';
import type { NavigationValidity } from '../sequencing/navigator.js';

/** One delivery: what to launch and the runtime options (callbacks excepted) its API is made with. */
export interface ContentLaunch {
  itemId: string;
  /** Absolute URL of the launch file (parameters included). */
  url: string;
  title: string;
  version: '1.2' | '2004';
  /**
   * Whether the item is a SCO or an asset. Assets need no API (RTE 3.1), but launchers provide it anyway
   * for mislabelled content; the player credits an asset that did not report when it is left.
   */
  scormType: 'sco' | 'asset';
  options: HostedRuntimeOptions;
  /** 2004: what adl.nav.request_valid.* answers until the next setValidity(). */
  validity: NavigationValidity | undefined;
}

/** The outcome of storing one committed state. */
export type SaveResult = { ok: true } | { ok: false; diagnostic: string };

/** What the player answers to a commit: at once (sync API) and when the write is durable. */
export interface SaveTicket {
  /** Set when saving is known to be failing now: the SCO's Commit/Terminate returns "false" (391). */
  refusal: CommitRefusal | undefined;
  /** Settles when this state is durable (or could not be stored). Never rejects. */
  stored: Promise<SaveResult>;
}

/** What the content tells the player. Every callback is for this launch only. */
export interface ContentEvents {
  /** Commit (state.terminated false) or Terminate/LMSFinish (true). */
  commit(state: AttemptState, sharedData: SharedDataStores | undefined): SaveTicket;
  /** A watched value changed (status, score, location, progress). */
  change(change: RuntimeChange): void;
  /**
   * The content's own Terminate / LMSFinish has returned (called once, after its terminating commit; never
   * for a finish the player did on the content's behalf in `leave`). `request` is the content's
   * adl.nav.request (2004; undefined for _none_ and for 1.2): the one channel for content navigation.
   */
  ended(request: NavRequestFromContent | undefined): void;
  /** The launch file could not be loaded. */
  missing(url: string, message: string): void;
}

export interface ContentSession {
  readonly itemId: string;
  /** A new sequencing pass: what adl.nav.request_valid.* answers from now on. */
  setValidity(validity: NavigationValidity): void;
  /**
   * Leaves the content: with `suspend`, sets exit=suspend unless the SCO chose an exit; removes its
   * document (its own unload handlers may finish the session); finishes the session on its behalf if it is
   * still running. Resolves once the final commit (if any) has reached `events.commit`.
   */
  leave(options: { suspend: boolean }): Promise<void>;
  /** The page is going away (pagehide): leave at once, as far as can be done synchronously. */
  leaveNow(): void;
}

/**
 * Where content is shown: the player's frame (<scorm-stage>, scorm-stage.ts) or a window of its own
 * (window-stage.ts, "Open in a new window"). A launcher that needs the browsing context itself tells them
 * apart with instanceof (ScormStage.iframe, WindowStage.window).
 */
export interface ContentStage {
  /** Starts loading `url` now (its title names the frame or window). */
  load(url: string, title: string): void;
  /** Removes the content's document: its unload handlers run (synchronously for the frame). */
  unload(): void;
  /** Shows that the content could not be loaded. */
  fail(message: string, url?: string): void;
}

export interface ContentLauncher {
  /**
   * Whether it can launch on a stage other than the player's frame (a WindowStage, "Open in a new
   * window"). The content host accepts its player only from `window.parent`, so hosted content stays in
   * the frame; the player offers the new window only when this is true.
   */
  readonly opensWindows: boolean;
  /** Starts loading the content on the stage; the API is in place before the SCO loads. */
  launch(stage: ContentStage, launch: ContentLaunch, events: ContentEvents): ContentSession;
}
