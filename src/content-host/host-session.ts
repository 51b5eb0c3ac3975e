// The content host's side of one launch (architecture.md "Content isolation"): it makes the SCO's API
// with the DOM-free runtime, puts it on the host's window (the SCO frame's parent, so the standard
// discovery finds it: scorm-reference C), frames the SCO, and speaks to the player only over the port it
// was given (protocol.ts). It persists nothing: every Commit/Terminate goes to the player as a `commit`.
import { Scorm12Api, Scorm2004Api } from '../runtime/index.js';
import type { AttemptState, NavRequestFromContent, RuntimeChange, RuntimeOptions } from '../runtime/types.js';
import { requestValidity, type NavigationValidity } from '../sequencing/navigator.js';
import { isPlayerToHost, type HostToPlayer, type LaunchSpec } from './protocol.js';
import { RecordSender } from './record-changes.js';

type Api = Scorm12Api | Scorm2004Api;

const apiNames = { '1.2': 'API', '2004': 'API_1484_11' } as const;

/** What a launch URL may be: http(s) on the host's own origin (the content origin). */
export function launchUrlAllowed(url: string, hostOrigin: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.origin === hostOrigin;
}

export class HostSession {
  private api: Api | undefined;
  private version: '1.2' | '2004' = '2004';
  private frame: HTMLIFrameElement | undefined;
  private validity: NavigationValidity | undefined;
  private seq = 0;
  /** The outcome of the latest save the player reported: Commit answers "false" (391) while it failed. */
  private failing: string | undefined;
  private leaving = false;
  private done = false;
  private scheduled = false;
  private dirty = false;
  private readonly changes = new Map<string, RuntimeChange>();

  constructor(
    private readonly win: Window,
    private readonly port: MessagePort,
    /** Where the SCO frame goes (the host page's body). */
    private readonly container: HTMLElement,
  ) {}

  /** Listens on the port and tells the player the host is ready for `launch`. */
  start(): void {
    this.port.onmessage = (event: MessageEvent) => this.receive(event.data);
    this.post({ type: 'ready' });
  }

  /** The API this launch made (tests and benches). */
  get currentApi(): Api | undefined {
    return this.api;
  }

  /** What the player has of the states' record lists: a state goes with only the records that changed. */
  private readonly records = new RecordSender();

  private post(message: HostToPlayer): void {
    if (
      (message.type === 'commit' || message.type === 'state' || message.type === 'unloaded') &&
      message.state
    )
      Object.assign(message, this.records.pack(message.state));
    this.port.postMessage(message);
  }

  private receive(data: unknown): void {
    if (!isPlayerToHost(data) || this.done) return;
    switch (data.type) {
      case 'launch':
        if (!this.api) this.launch(data.launch);
        break;
      case 'navigation':
        this.validity = data.validity;
        break;
      case 'saved':
        // Saves settle in order (the player's keeper writes in order); the latest one says how the store is.
        if (data.seq === this.seq) this.failing = data.ok ? undefined : data.diagnostic;
        break;
      case 'unload':
        this.unload(data.suspend);
        break;
    }
  }

  private launch(spec: LaunchSpec): void {
    if (!launchUrlAllowed(spec.url, this.win.location.origin)) {
      this.post({ type: 'missing', url: spec.url, message: 'The launch URL is not on the content origin.' });
      return;
    }
    this.version = spec.version;
    this.validity = spec.validity;
    let request: NavRequestFromContent | undefined;
    const options: RuntimeOptions = {
      ...spec.options,
      onCommit: (state: AttemptState) => {
        // Changes first, in order, then the state to store (which supersedes the mirrored one).
        this.dirty = false;
        this.flush();
        this.post({ type: 'commit', seq: ++this.seq, state, ...this.sharedData(spec) });
        // The runtime hands over adl.nav.request after this callback, within the same Terminate call.
        if (state.terminated && !this.leaving)
          queueMicrotask(() => this.post({ type: 'terminated', ...(request ? { request } : {}) }));
        return this.failing === undefined ? undefined : { diagnostic: this.failing };
      },
      onChange: (change) => this.queueChange(change),
    };
    if (spec.version === '2004')
      options.navigator = {
        isRequestValid: (kind, target) => requestValidity(this.validity, kind, target),
        request: (r) => (request = r),
      };
    const api = spec.version === '1.2' ? new Scorm12Api(options) : new Scorm2004Api(options);
    this.api = api;
    this.mirrorSets(api);
    const w = this.win as unknown as Record<string, unknown>;
    delete w[apiNames[spec.version === '1.2' ? '2004' : '1.2']];
    w[apiNames[spec.version]] = api;
    // The API is in place before the SCO's document starts loading.
    const frame = this.win.document.createElement('iframe');
    frame.title = spec.title;
    frame.setAttribute('allow', 'fullscreen; autoplay');
    frame.addEventListener('load', () => this.post({ type: 'loaded' }), { once: true });
    frame.src = spec.url;
    this.container.append(frame);
    this.frame = frame;
    void this.check(spec.url);
  }

  /**
   * Watched changes go to the player once per burst of calls, the last value of each element only: a
   * message per SetValue would make every call cost a cross-process post (the runtime runs beside the
   * SCO so that calls stay as fast as on the player's own origin).
   */
  private queueChange(change: RuntimeChange): void {
    this.changes.set(change.element, change);
    this.schedule();
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setTimeout(() => this.flush(), 0);
  }

  /** Sends the burst's changes, then the current state (protocol.ts, `state`). */
  private flush(): void {
    this.scheduled = false;
    const changes = [...this.changes.values()];
    this.changes.clear();
    if (this.done || !this.api) return;
    for (const change of changes) this.post({ type: 'change', change });
    if (this.dirty) this.post({ type: 'state', state: this.api.state() });
    this.dirty = false;
  }

  /** After each burst of SetValue calls, the player gets the current state (protocol.ts, `state`). */
  private mirrorSets(api: Api): void {
    const wrap = <T extends (element: string, value: string) => string>(set: T): T =>
      ((element: string, value: string) => {
        const result = set.call(api, element, value);
        this.dirty = true;
        this.schedule();
        return result;
      }) as T;
    if (api instanceof Scorm12Api) api.LMSSetValue = wrap(api.LMSSetValue);
    else api.SetValue = wrap(api.SetValue);
  }

  /** 2004: the adl.data stores this SCO may write, as they are now. */
  private sharedData(spec: LaunchSpec): { sharedData?: Record<string, string | undefined> } {
    const stores = spec.options.sharedData;
    const writable = (spec.options.dataMaps ?? []).filter((m) => m.writeSharedData).map((m) => m.targetID);
    if (!stores || !writable.length) return {};
    return { sharedData: Object.fromEntries(writable.map((id) => [id, stores[id]])) };
  }

  /** A missing launch file shows the player's error instead of a 404 page. */
  private async check(url: string): Promise<void> {
    let problem: string | undefined;
    try {
      const response = await fetch(url, { method: 'HEAD', cache: 'no-store' });
      if (!response.ok)
        problem =
          response.status === 404
            ? 'The launch file of this item is missing from the package.'
            : `The server answered ${response.status} ${response.statusText}.`;
    } catch (error) {
      problem = `The launch file could not be fetched (${error instanceof Error ? error.message : String(error)}).`;
    }
    if (problem && !this.leaving) this.post({ type: 'missing', url, message: problem });
  }

  /** RTE 3.2: remove the SCO's document (its unload handlers may finish), then finish on its behalf. */
  private unload(suspend: boolean): void {
    this.leaving = true;
    const api = this.api;
    if (api && suspend && this.running(api) && api.state().exit === '') {
      if (api instanceof Scorm12Api) api.LMSSetValue('cmi.core.exit', 'suspend');
      else api.SetValue('cmi.exit', 'suspend');
    }
    this.frame?.remove();
    this.frame = undefined;
    if (api && this.running(api)) {
      if (api instanceof Scorm12Api) api.LMSFinish('');
      else api.Terminate('');
    }
    this.done = true;
    this.post({ type: 'unloaded', ...(api && this.seq > 0 ? { state: api.state() } : {}) });
    const w = this.win as unknown as Record<string, unknown>;
    if (api && w[apiNames[this.version]] === api) delete w[apiNames[this.version]];
  }

  /** Initialized and not yet finished: a read succeeds with error code 0. */
  private running(api: Api): boolean {
    if (api instanceof Scorm12Api) {
      api.LMSGetValue('cmi.core.lesson_status');
      return api.LMSGetLastError() === '0';
    }
    api.GetValue('cmi.completion_status');
    return api.GetLastError() === '0';
  }
}
