// The hosted launcher (architecture.md "Content isolation"): content runs on the content origin inside the
// content host page (src/content-host), which holds the API beside the SCO; the stage's frame loads the
// host, sandboxed, and the player speaks to it only over a MessageChannel handed over with targetOrigin
// set to the content origin (src/content-host/protocol.ts). The player sequences and persists exactly as
// with the direct launcher: every commit from the host goes to `events.commit`, and its outcome goes back.
import {
  CONTENT_HOST_PAGE,
  CONTENT_HOST_PROTOCOL,
  isHostToPlayer,
  type ConnectMessage,
  type HostToPlayer,
  type PlayerToHost,
} from '../content-host/protocol.js';
import { RecordReceiver } from '../content-host/record-changes.js';
import type { AttemptState, SharedDataStores } from '../runtime/types.js';
import type { NavigationValidity } from '../sequencing/navigator.js';
import type {
  ContentEvents,
  ContentLaunch,
  ContentLauncher,
  ContentSession,
  ContentStage,
} from './content-session.js';
import { ScormStage } from './scorm-stage.js';

export interface HostedContentOptions {
  /** The build's folder on the content origin (ends with '/'): content-host.html is there. */
  contentBase: string;
  /** The app's origin, named to the host (default: this window's). */
  appOrigin?: string;
  /** Extra query parameters for the host page (tests name a fresh content database with `db`). */
  hostParams?: Record<string, string>;
  /** How long to wait for the host to connect, and for its answer to `unload` (ms). */
  timeout?: number;
}

export class HostedContentLauncher implements ContentLauncher {
  readonly contentOrigin: string;

  constructor(private readonly options: HostedContentOptions) {
    this.contentOrigin = new URL(options.contentBase).origin;
  }

  /** The content host page's URL for a role ('launch' or 'store'). */
  hostUrl(role: 'launch' | 'store' = 'launch'): string {
    const url = new URL(CONTENT_HOST_PAGE, this.options.contentBase);
    url.searchParams.set('app', this.options.appOrigin ?? location.origin);
    if (role === 'store') url.searchParams.set('role', 'store');
    for (const [k, v] of Object.entries(this.options.hostParams ?? {})) url.searchParams.set(k, v);
    return url.href;
  }

  readonly opensWindows = false;

  launch(stage: ContentStage, launch: ContentLaunch, events: ContentEvents): ContentSession {
    // Only the player's frame: a popup's opener would be the app's window (see ContentLauncher.opensWindows).
    if (!(stage instanceof ScormStage))
      throw new Error('Content from the content origin plays in the player frame only.');
    return new HostedSco(this, this.options.timeout ?? 10000, stage, launch, events);
  }
}

/** Whether a launch URL is http(s) on the content origin: anything else never reaches the host. */
export function hostedUrlAllowed(url: string, contentOrigin: string): boolean {
  try {
    const u = new URL(url);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.origin === contentOrigin;
  } catch {
    return false;
  }
}

class HostedSco implements ContentSession {
  readonly itemId: string;
  private port: MessagePort | undefined;
  private validity: NavigationValidity | undefined;
  private left = false;
  private ended = false;
  private connectTimer: ReturnType<typeof setTimeout> | undefined;
  private unloaded: (() => void) | undefined;
  /** The SCO's latest uncommitted state (`state`), newer than its last commit. */
  private pending: AttemptState | undefined;
  /** The SCO's last committed state. */
  private last: AttemptState | undefined;

  constructor(
    launcher: HostedContentLauncher,
    private readonly timeout: number,
    private readonly stage: ScormStage,
    private readonly launch: ContentLaunch,
    private readonly events: ContentEvents,
  ) {
    this.itemId = launch.itemId;
    this.validity = launch.validity;
    const origin = launcher.contentOrigin;
    if (!hostedUrlAllowed(launch.url, origin)) {
      stage.fail(
        'This item cannot be played: its launch URL is neither a web address nor a file of the package.',
        launch.url,
      );
      events.missing(launch.url, 'The launch URL was refused');
      return;
    }
    const frame = stage.load(launcher.hostUrl(), launch.title, { sandbox: true });
    if (!frame) return;
    const channel = new MessageChannel();
    this.port = channel.port1;
    this.port.onmessage = (event: MessageEvent) => this.receive(event.data);
    frame.addEventListener(
      'load',
      () => {
        // targetOrigin: only a document of the content origin can receive the port (protocol.ts, step 2).
        const connect: ConnectMessage = { protocol: CONTENT_HOST_PROTOCOL, type: 'connect' };
        frame.contentWindow?.postMessage(connect, origin, [channel.port2]);
      },
      { once: true },
    );
    this.connectTimer = setTimeout(() => {
      if (this.left) return;
      const message = `The content host at ${origin} did not answer.`;
      stage.fail(message, launcher.hostUrl());
      events.missing(launch.url, message);
    }, this.timeout);
  }

  private post(message: PlayerToHost): void {
    this.port?.postMessage(message);
  }

  /** The states' record lists as the host sent them (its messages carry only the records that changed). */
  private readonly records = new RecordReceiver();

  private receive(data: unknown): void {
    if (!isHostToPlayer(data)) return;
    if ((data.type === 'commit' || data.type === 'state' || data.type === 'unloaded') && data.state)
      data.state = this.records.unpack(data.state, data.records ?? {});
    this.handle(data);
  }

  private handle(message: HostToPlayer): void {
    switch (message.type) {
      case 'ready': {
        clearTimeout(this.connectTimer);
        if (this.left) return;
        const { url, title, version, options } = this.launch;
        this.post({
          type: 'launch',
          launch: { url, title, version, options, ...(this.validity ? { validity: this.validity } : {}) },
        });
        break;
      }
      case 'loaded':
        break;
      case 'missing':
        if (this.left) return;
        this.stage.fail(message.message, message.url);
        this.events.missing(message.url, message.message);
        break;
      case 'commit': {
        // The host is the content's: trust only what this launch may change (its own item's state, in its
        // version, and the shared-data stores it may write).
        if (message.state.scormVersion !== this.launch.version) return;
        this.pending = undefined;
        this.last = message.state;
        const ticket = this.events.commit(message.state, this.writableShared(message.sharedData));
        const seq = message.seq;
        void ticket.stored.then((result) =>
          this.post(
            result.ok
              ? { type: 'saved', seq, ok: true }
              : { type: 'saved', seq, ok: false, diagnostic: result.diagnostic },
          ),
        );
        break;
      }
      case 'change':
        this.events.change(message.change);
        break;
      case 'state':
        if (message.state.scormVersion === this.launch.version && !message.state.terminated)
          this.pending = message.state;
        break;
      case 'terminated':
        if (this.left || this.ended) return;
        this.ended = true;
        this.events.ended(message.request);
        break;
      case 'unloaded':
        this.unloaded?.();
        break;
    }
  }

  private writableShared(stores: SharedDataStores | undefined): SharedDataStores | undefined {
    if (!stores) return undefined;
    const writable = new Set(
      (this.launch.options.dataMaps ?? []).filter((m) => m.writeSharedData).map((m) => m.targetID),
    );
    const out: SharedDataStores = {};
    for (const [id, value] of Object.entries(stores)) if (writable.has(id)) out[id] = value;
    return Object.keys(out).length ? out : undefined;
  }

  setValidity(validity: NavigationValidity): void {
    this.validity = validity;
    this.post({ type: 'navigation', validity });
  }

  async leave(options: { suspend: boolean }): Promise<void> {
    if (this.left) return;
    this.left = true;
    clearTimeout(this.connectTimer);
    if (this.port) {
      // The host removes the SCO (its unload handlers run), finishes on its behalf if needed, and sends
      // the final commit before `unloaded`: port messages arrive in order.
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.timeout);
        this.unloaded = () => {
          clearTimeout(timer);
          resolve();
        };
        this.post({ type: 'unload', suspend: options.suspend });
      });
    }
    this.close();
  }

  leaveNow(): void {
    if (this.left) return;
    this.left = true;
    clearTimeout(this.connectTimer);
    // The page is going away and the host cannot answer in time: keep what the SCO set since its last
    // commit, as a session cut off by a closed tab (suspended unless it chose an exit, so it resumes).
    const cut = this.pending ?? this.last;
    this.pending = undefined;
    if (cut && !cut.terminated) this.events.commit({ ...cut, exit: cut.exit || 'suspend' }, undefined);
    this.post({ type: 'unload', suspend: false });
    this.close();
  }

  private close(): void {
    this.stage.unload();
    this.port?.close();
    this.port = undefined;
  }
}
