// The player's side of relay mode: finds out who frames it and, only when that origin is in the dispatch's
// allowedOrigins, posts the learner's results to it (reference F; the shell writes them into the host LMS).
// Every post names its target origin, so nothing reaches a window that navigated elsewhere.
import { isAllowedOrigin, normalizeOrigin, type DispatchEntry } from './registry.js';
import {
  PING,
  RELAY_VERSION,
  exitMessage,
  isHello,
  isStored,
  progressMessage,
  type RelayResults,
  type StateTexts,
  type StoredMessage,
} from './relay-protocol.js';

export type RelayConnection =
  | {
      status: 'connected';
      origin: string;
      learnerName?: string;
      /** The host's cmi.suspend_data, its cmi.entry and how long a suspend_data it takes (see HelloMessage). */
      resume?: string;
      entry?: string;
      limit?: number;
    }
  | { status: 'refused'; origin: string | undefined; reason: 'origin-not-allowed' | 'origin-mismatch' }
  | { status: 'no-shell' };

export interface RelayWindows {
  /** This window (receives the hello). */
  self: Window;
  /** The framing window (window.parent). */
  parent: Window;
  /** location.ancestorOrigins[0] where the browser has it (Chromium, WebKit). */
  ancestorOrigin?: string;
  /** document.referrer: the shell's URL or origin, or '' when the LMS's Referrer-Policy hides it. */
  referrer?: string;
}

/**
 * Decides whether a parent may receive results, from everything the browser tells about it. The hello's
 * MessageEvent.origin is the one the browser vouches for; the ancestor origin and the referrer must agree
 * with it when present (a shell that navigated, or a page framing a page that frames us, is refused).
 */
export function judgeParent(
  entry: DispatchEntry,
  eventOrigin: string,
  claimedOrigin: string,
  windows: Pick<RelayWindows, 'ancestorOrigin' | 'referrer'>,
): RelayConnection {
  const origin = normalizeOrigin(eventOrigin);
  if (origin === undefined || !isAllowedOrigin(entry, origin))
    return { status: 'refused', origin: origin ?? eventOrigin, reason: 'origin-not-allowed' };
  const others = [claimedOrigin, windows.ancestorOrigin, windows.referrer || undefined];
  for (const other of others) {
    if (other !== undefined && normalizeOrigin(other) !== origin)
      return { status: 'refused', origin, reason: 'origin-mismatch' };
  }
  return { status: 'connected', origin };
}

export interface RelayClientOptions {
  token: string;
  entry: DispatchEntry;
  windows?: RelayWindows;
  /** How long to wait for the shell's hello. Default 5 s. */
  timeoutMs?: number;
}

export class RelayClient {
  readonly token: string;
  readonly #entry: DispatchEntry;
  readonly #w: RelayWindows;
  readonly #timeoutMs: number;
  #origin: string | undefined;
  #exited = false;

  constructor(options: RelayClientOptions) {
    this.token = options.token;
    this.#entry = options.entry;
    this.#w = options.windows ?? currentWindows();
    this.#timeoutMs = options.timeoutMs ?? 5000;
  }

  get origin(): string | undefined {
    return this.#origin;
  }

  /** Waits for the shell's hello (asking for it with a data-free ping) and checks its origin. */
  connect(): Promise<RelayConnection> {
    const { self, parent } = this.#w;
    if (parent === self) return Promise.resolve({ status: 'no-shell' });
    // Refuse early, without a message, when the browser already names a framing origin we do not serve.
    if (this.#w.ancestorOrigin && !isAllowedOrigin(this.#entry, this.#w.ancestorOrigin)) {
      return Promise.resolve({
        status: 'refused',
        origin: this.#w.ancestorOrigin,
        reason: 'origin-not-allowed',
      });
    }
    return new Promise((resolve) => {
      const done = (result: RelayConnection): void => {
        clearTimeout(timer);
        clearInterval(interval);
        self.removeEventListener('message', onMessage);
        if (result.status === 'connected') this.#origin = result.origin;
        resolve(result);
      };
      const onMessage = (event: MessageEvent): void => {
        if (event.source !== parent || !isHello(event.data, this.token)) return;
        const verdict = judgeParent(this.#entry, event.origin, event.data.origin, this.#w);
        if (verdict.status !== 'connected') return done(verdict);
        const connected: RelayConnection = { status: 'connected', origin: verdict.origin };
        const { learnerName, resume, entry, limit } = event.data;
        if (learnerName) connected.learnerName = learnerName;
        if (resume) connected.resume = resume;
        if (entry !== undefined) connected.entry = entry;
        if (limit !== undefined) connected.limit = limit;
        done(connected);
      };
      self.addEventListener('message', onMessage);
      const ping = (): void => parent.postMessage({ type: PING, v: RELAY_VERSION }, '*');
      ping();
      // The app registers its listener when the route loads: ask again until the shell answers.
      const interval = setInterval(ping, 250);
      const timer = setTimeout(() => done({ status: 'no-shell' }), this.#timeoutMs);
    });
  }

  /** Posts results (and the course state for the host's suspend_data) after a save. */
  progress(results: RelayResults, texts?: StateTexts): void {
    if (!this.#origin || this.#exited) return;
    this.#w.parent.postMessage(progressMessage(this.token, results, texts), this.#origin);
  }

  /** Posts the end of the session; the shell then ends the host's session (LMSFinish/Terminate). */
  exit(results: RelayResults, suspended: boolean, texts?: StateTexts): void {
    if (!this.#origin || this.#exited) return;
    this.#exited = true;
    this.#w.parent.postMessage(exitMessage(this.token, results, suspended, texts), this.#origin);
  }

  /**
   * Calls back with each of the shell's answers to a state (what the host's suspend_data took); only from
   * the connected shell's window and origin. Returns the function that stops listening.
   */
  onStored(callback: (message: StoredMessage) => void): () => void {
    const listener = (event: MessageEvent): void => {
      if (event.source !== this.#w.parent || event.origin !== this.#origin) return;
      if (isStored(event.data, this.token)) callback(event.data);
    };
    this.#w.self.addEventListener('message', listener);
    return () => this.#w.self.removeEventListener('message', listener);
  }
}

function currentWindows(): RelayWindows {
  const w: RelayWindows = { self: window, parent: window.parent, referrer: document.referrer };
  const ancestors = window.location.ancestorOrigins as DOMStringList | undefined;
  if (ancestors && ancestors.length > 0) w.ancestorOrigin = ancestors.item(0) ?? undefined;
  return w;
}
