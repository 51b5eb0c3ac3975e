// The typed protocol between the player (the app's origin) and the content host (a page of the same build
// served from the content origin, architecture.md "Content isolation"). DOM-free types and guards only:
// both sides import this file, and neither trusts the other's messages without the guards below.
//
// Setup (origin-checked both ways):
//   1. The player puts `content-host.html` of the content origin in its content frame (sandboxed, no
//      allow-top-navigation) and waits for the frame's load event.
//   2. The player posts `{ protocol, type: 'connect' }` to that frame's window with `targetOrigin` set to
//      the content origin, transferring one end of a new MessageChannel. Only the content origin can get it.
//   3. The host accepts a connect only from `window.parent` and from the app origin it was told in its URL
//      (`?app=<origin>`, checked against `location.ancestorOrigins` / the referrer), once. From then on both
//      sides speak only over the port; window messages are ignored.
// One launch per port: the player makes a new channel (and a new host frame) for every delivery, so a
// message can never be taken for another item's.
//
// The SCORM API is synchronous and the app's store is not, and cross-origin: the host answers Commit at
// once from what it knows (the last `saved` result), and the player tells it the outcome of every save.
import type { NavigationValidity } from '../sequencing/navigator.js';
import type {
  AttemptState,
  NavRequestFromContent,
  RuntimeChange,
  RuntimeOptions,
  SharedDataStores,
} from '../runtime/types.js';
import { isRecordChanges, type RecordChanges } from './record-changes.js';

export const CONTENT_HOST_PROTOCOL = 'scorm-player/content-host@1';

/** The page of the build that hosts content (beside index.html on the content origin). */
export const CONTENT_HOST_PAGE = 'content-host.html';

/** The window message that hands the host its port (step 2 above). */
export interface ConnectMessage {
  protocol: typeof CONTENT_HOST_PROTOCOL;
  type: 'connect';
}

/** Runtime options that cross the channel: everything but callbacks and the navigator object. */
export type HostedRuntimeOptions = Omit<
  RuntimeOptions,
  'onCommit' | 'onChange' | 'onTerminate' | 'navigator'
>;

export interface LaunchSpec {
  /** Absolute URL of the SCO or asset, on the content origin. */
  url: string;
  /** The item's title: the inner frame's title. */
  title: string;
  version: '1.2' | '2004';
  options: HostedRuntimeOptions;
  /** 2004: what adl.nav.request_valid.* answers until the next `navigation` message. */
  validity?: NavigationValidity;
}

/** Player → host. */
export type PlayerToHost =
  /** Make the API, put it on the host's window, frame the SCO (once per channel). */
  | { type: 'launch'; launch: LaunchSpec }
  /** A new sequencing pass: answer adl.nav.request_valid.* from this. */
  | { type: 'navigation'; validity: NavigationValidity }
  /** The outcome of storing the commit/terminate numbered `seq`. */
  | { type: 'saved'; seq: number; ok: true }
  | { type: 'saved'; seq: number; ok: false; diagnostic: string }
  /**
   * Leave the SCO: (with `suspend`, set cmi.exit=suspend unless the SCO chose an exit), remove its frame so
   * its unload handlers run, then finish its session on its behalf if it is still running. Answered by
   * `unloaded`.
   */
  | { type: 'unload'; suspend: boolean };

/** Host → player. */
export type HostToPlayer =
  /** The port is connected; the host waits for `launch`. */
  | { type: 'ready' }
  /** The SCO's document loaded (the inner frame's load event). */
  | { type: 'loaded' }
  /** The launch file could not be loaded (missing, or the server refused it). */
  | { type: 'missing'; url: string; message: string }
  /** Commit (`terminated` false) or Terminate/LMSFinish (true): the state to persist, numbered for `saved`. */
  | {
      type: 'commit';
      seq: number;
      state: AttemptState;
      /** The state's record lists, as changes since the last message (record-changes.ts). */
      records?: RecordChanges;
      /** 2004: the adl.data stores this SCO may write, as they are now. */
      sharedData?: SharedDataStores;
    }
  /** A watched value changed (RuntimeOptions.onChange). */
  | { type: 'change'; change: RuntimeChange }
  /**
   * The SCO's current, uncommitted state, sent once after each burst of SetValue calls: the player cannot
   * wait for the host when its page goes away (pagehide), and keeps this as the session's last state then.
   */
  | { type: 'state'; state: AttemptState; records?: RecordChanges }
  /**
   * The content's own Terminate / LMSFinish returned (after its terminating `commit`; not sent for a finish
   * the host did on the content's behalf during `unload`), with its adl.nav.request when not _none_.
   */
  | { type: 'terminated'; request?: NavRequestFromContent }
  /** Answer to `unload`: the SCO is gone; `state` is its final state when a session had begun. */
  | { type: 'unloaded'; state?: AttemptState; records?: RecordChanges };

// ---------------------------------------------------------------------------------------------------------
// Guards: messages come from another origin (and, through the host, from content that can reach the
// host's port), so each side checks the shape before acting. They check structure, not meaning: the
// player still treats a commit like any SCO call on its own session.
// ---------------------------------------------------------------------------------------------------------

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isConnectMessage(value: unknown): value is ConnectMessage {
  return isRecord(value) && value.protocol === CONTENT_HOST_PROTOCOL && value.type === 'connect';
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

export function isNavigationValidity(value: unknown): value is NavigationValidity {
  return (
    isRecord(value) &&
    typeof value.continue === 'boolean' &&
    typeof value.previous === 'boolean' &&
    isStringArray(value.choice) &&
    isStringArray(value.jump)
  );
}

/** The fields of an AttemptState the player relies on; `data` must be a plain object. */
export function isAttemptState(value: unknown): value is AttemptState {
  return (
    isRecord(value) &&
    (value.scormVersion === '1.2' || value.scormVersion === '2004') &&
    typeof value.newAttempt === 'boolean' &&
    typeof value.terminated === 'boolean' &&
    typeof value.exit === 'string' &&
    typeof value.totalTime === 'string' &&
    typeof value.totalSeconds === 'number' &&
    Number.isFinite(value.totalSeconds) &&
    typeof value.sessionSeconds === 'number' &&
    Number.isFinite(value.sessionSeconds) &&
    typeof value.completionStatus === 'string' &&
    typeof value.successStatus === 'string' &&
    typeof value.location === 'string' &&
    typeof value.suspendData === 'string' &&
    isRecord(value.data)
  );
}

const contentNavTypes = new Set([
  'continue',
  'previous',
  'exit',
  'exitAll',
  'abandon',
  'abandonAll',
  'suspendAll',
]);

export function isNavRequestFromContent(value: unknown): value is NavRequestFromContent {
  if (!isRecord(value) || typeof value.type !== 'string') return false;
  if (value.type === 'choice' || value.type === 'jump') return typeof value.target === 'string';
  return contentNavTypes.has(value.type);
}

function isSharedData(value: unknown): value is SharedDataStores {
  return isRecord(value) && Object.values(value).every((v) => v === undefined || typeof v === 'string');
}

const optionalRecords = (value: unknown): boolean => value === undefined || isRecordChanges(value);

export function isHostToPlayer(value: unknown): value is HostToPlayer {
  if (!isRecord(value)) return false;
  switch (value.type) {
    case 'ready':
    case 'loaded':
      return true;
    case 'missing':
      return typeof value.url === 'string' && typeof value.message === 'string';
    case 'commit':
      return (
        typeof value.seq === 'number' &&
        isAttemptState(value.state) &&
        optionalRecords(value.records) &&
        (value.sharedData === undefined || isSharedData(value.sharedData))
      );
    case 'change':
      return (
        isRecord(value.change) &&
        typeof value.change.element === 'string' &&
        typeof value.change.value === 'string'
      );
    case 'terminated':
      return value.request === undefined || isNavRequestFromContent(value.request);
    case 'unloaded':
      return (value.state === undefined || isAttemptState(value.state)) && optionalRecords(value.records);
    case 'state':
      return isAttemptState(value.state) && optionalRecords(value.records);
    default:
      return false;
  }
}

export function isPlayerToHost(value: unknown): value is PlayerToHost {
  if (!isRecord(value)) return false;
  switch (value.type) {
    case 'launch': {
      const l = value.launch;
      return (
        isRecord(l) &&
        typeof l.url === 'string' &&
        typeof l.title === 'string' &&
        (l.version === '1.2' || l.version === '2004') &&
        isRecord(l.options) &&
        typeof l.options.learnerId === 'string' &&
        (l.validity === undefined || isNavigationValidity(l.validity))
      );
    }
    case 'navigation':
      return isNavigationValidity(value.validity);
    case 'saved':
      return (
        typeof value.seq === 'number' &&
        (value.ok === true || (value.ok === false && typeof value.diagnostic === 'string'))
      );
    case 'unload':
      return typeof value.suspend === 'boolean';
    default:
      return false;
  }
}
