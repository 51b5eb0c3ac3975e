// The direct launcher: content on the app's own origin, loaded straight into the stage's frame, with the
// API object on the player's window (an ancestor of the SCO frame, found by the standard discovery:
// scorm-reference C). Used without a content origin (the app says so), by embedders and in tests.
import type {
  AttemptState,
  NavRequestFromContent,
  RuntimeNavigator,
  RuntimeOptions,
} from '../runtime/types.js';
import { requestValidity, type NavigationValidity } from '../sequencing/navigator.js';
import type {
  ContentEvents,
  ContentLaunch,
  ContentLauncher,
  ContentSession,
  ContentStage,
} from './content-session.js';
import { ScoSession, type ApiFactory } from './sco-session.js';

export class DirectContentLauncher implements ContentLauncher {
  /** Same-origin content finds the API through `opener` in a window of its own. */
  readonly opensWindows = true;

  constructor(
    private readonly apiFactory: ApiFactory,
    private readonly win: Window = window,
  ) {}

  launch(stage: ContentStage, launch: ContentLaunch, events: ContentEvents): ContentSession {
    // Assets get the API too: content labelled "asset" that calls it anyway (common in real packages)
    // keeps working; one that does not is credited by the player when it is left.
    return new DirectSco(this.apiFactory, this.win, stage, launch, events);
  }
}

class DirectSco implements ContentSession {
  readonly itemId: string;
  private validity: NavigationValidity | undefined;
  private readonly session: ScoSession;
  private left = false;

  constructor(
    factory: ApiFactory,
    private readonly win: Window,
    private readonly stage: ContentStage,
    launch: ContentLaunch,
    events: ContentEvents,
  ) {
    this.itemId = launch.itemId;
    this.validity = launch.validity;
    let request: NavRequestFromContent | undefined;
    const options: RuntimeOptions = {
      ...launch.options,
      // Commit and Terminate both arrive here (state.terminated tells which); a refusal makes that call
      // return "false" (391): the store is known to be failing.
      onCommit: (state: AttemptState) => {
        const ticket = events.commit(state, undefined);
        // The runtime hands over adl.nav.request after this callback, within the same Terminate call:
        // report the end once that call has returned, unless the player is the one finishing.
        if (state.terminated && !this.left) queueMicrotask(() => events.ended(request));
        return ticket.refusal;
      },
      onChange: (change) => events.change(change),
    };
    if (launch.version === '2004') {
      const navigator: RuntimeNavigator = {
        isRequestValid: (kind, target) => requestValidity(this.validity, kind, target),
        request: (r) => (request = r),
      };
      options.navigator = navigator;
    }
    this.session = new ScoSession(launch.itemId, launch.version, factory(launch.version, options));
    // The API is in place before the frame starts loading (scorm-reference C).
    this.session.install(win);
    stage.load(launch.url, launch.title);
  }

  setValidity(validity: NavigationValidity): void {
    this.validity = validity;
  }

  leave(options: { suspend: boolean }): Promise<void> {
    this.end(options.suspend);
    return Promise.resolve();
  }

  leaveNow(): void {
    this.end(false);
  }

  /**
   * Unloads the SCO's document first (its own unload handlers may set exit and finish the session), then,
   * if it is still running, ends its session the standard way on its behalf (RTE 3.2).
   */
  private end(suspend: boolean): void {
    if (this.left) return;
    this.left = true;
    try {
      if (suspend && this.session.isRunning()) this.session.suspend();
      this.stage.unload();
      if (this.session.isRunning()) this.session.finish();
    } finally {
      this.session.uninstall(this.win);
    }
  }
}
