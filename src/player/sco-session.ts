// One SCO's run-time session as the player sees it: the API object it put on the window, and the
// standard ways to end that session on the SCO's behalf (RTE 3.2 / scorm-reference C).
import type { AttemptState, RuntimeOptions } from '../runtime/types.js';

/** The part of Scorm12Api / Scorm2004Api the player relies on (every SCORM method takes strings). */
export interface ScormApi {
  state(): AttemptState;
}

export type ScormApiVersion = '1.2' | '2004';

/** Makes the API for a version; the default uses src/runtime. Tests and embedders may pass their own. */
export type ApiFactory = (version: ScormApiVersion, options: RuntimeOptions) => ScormApi;

type Call = (...args: string[]) => string;

const names = { '1.2': 'API', '2004': 'API_1484_11' } as const;

export class ScoSession {
  constructor(
    readonly itemId: string,
    readonly version: ScormApiVersion,
    readonly api: ScormApi,
  ) {}

  private call(name: string, ...args: string[]): string {
    const fn = (this.api as unknown as Record<string, Call | undefined>)[name];
    return typeof fn === 'function' ? String(fn.apply(this.api, args)) : 'false';
  }

  /**
   * Puts the API on `win` under the name of its version and removes the other name, so that the
   * standard discovery (climb window.parent looking for API / API_1484_11) finds exactly this one.
   */
  install(win: Window): void {
    const w = win as unknown as Record<string, unknown>;
    delete w[names[this.version === '1.2' ? '2004' : '1.2']];
    w[names[this.version]] = this.api;
  }

  /** Removes the API from `win` if it is still this session's. */
  uninstall(win: Window): void {
    const w = win as unknown as Record<string, unknown>;
    if (w[names[this.version]] === this.api) delete w[names[this.version]];
  }

  /** Initialized and not yet finished/terminated: a read succeeds with error code 0. */
  isRunning(): boolean {
    if (this.version === '1.2') {
      this.call('LMSGetValue', 'cmi.core.lesson_status');
      return this.call('LMSGetLastError') === '0';
    }
    this.call('GetValue', 'cmi.completion_status');
    return this.call('GetLastError') === '0';
  }

  /** Marks the SCO suspended (suspendAll from the player), unless the SCO already chose an exit. */
  suspend(): void {
    // cmi.exit is write-only; state().exit says what the SCO set this session.
    if (this.api.state().exit !== '') return;
    if (this.version === '1.2') this.call('LMSSetValue', 'cmi.core.exit', 'suspend');
    else this.call('SetValue', 'cmi.exit', 'suspend');
  }

  /**
   * Ends the session on the SCO's behalf, as when the learner navigates away (RTE: session time is added
   * to total time; 1.2 status rules and 2004 evaluation run in the runtime's LMSFinish/Terminate).
   */
  finish(): void {
    if (this.version === '1.2') this.call('LMSFinish', '');
    else this.call('Terminate', '');
  }
}
