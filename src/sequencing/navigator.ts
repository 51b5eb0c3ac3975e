// The one seam between the player's components and sequencing (SCORM 2004 SN book; SCORM 1.2 free choice
// with prerequisites). The first implementations live beside this file; a full SN engine can replace them
// without touching the components, because the player only speaks this interface.
import type { Item, Manifest, Organization } from '../package/types.js';
import type { AttemptState, NavRequestFromContent, RuntimeNavigator } from '../runtime/types.js';

/** Navigation requests (SN 4.4.x), from the toolbar, the TOC or adl.nav.request. */
export type NavRequest =
  | {
      type:
        | 'start'
        | 'resumeAll'
        | 'continue'
        | 'previous'
        | 'exit'
        | 'exitAll'
        | 'abandon'
        | 'abandonAll'
        | 'suspendAll';
    }
  | { type: 'choice' | 'jump'; target: string };

export type NavRequestType = NavRequest['type'];

/** What the sequencer decided: deliver an activity, or end the session, or refuse. */
export type NavOutcome =
  | { kind: 'deliver'; itemId: string }
  | { kind: 'end'; reason: 'exitAll' | 'suspendAll' | 'abandonAll' | 'completed' | 'nothing-to-deliver' }
  | { kind: 'stay' }
  /**
   * (Added by the first implementation.) The current attempt was ended (exit, abandon) and nothing is
   * delivered, but the session goes on: the learner may choose from the TOC, or Continue/Previous from
   * the exited activity (SB.2.11: exit of a non-root activity does not end the session).
   */
  | { kind: 'idle' }
  | { kind: 'invalid'; reason: string };

/** Per-activity status shown in the TOC and stored with progress. */
export interface ActivityStatus {
  itemId: string;
  completion: 'completed' | 'incomplete' | 'not attempted' | 'unknown';
  success: 'passed' | 'failed' | 'unknown';
  attempted: boolean;
  scoreScaled?: number;
  progressMeasure?: number;
  attemptCount: number;
  suspended: boolean;
}

export interface Navigator extends RuntimeNavigator {
  readonly manifest: Manifest;
  readonly organization: Organization;
  /** The item being delivered, if any. */
  readonly currentItemId: string | undefined;
  /** Processes a request (SN OP.1) and says what to do next. */
  navigate(request: NavRequest): NavOutcome;
  /** Whether a request is valid now (toolbar enabling; the TOC's aria-disabled). */
  canNavigate(request: NavRequest): boolean;
  /** Whether an item is left out of the menu: isvisible=false (the item alone), hiddenFromChoice (its branch). */
  isHidden(itemId: string): boolean;
  /** Records what the SCO reported (on every Commit/Terminate) and rolls it up (RB.1). */
  report(itemId: string, state: AttemptState): void;
  /** The rolled-up status of any activity, the organization included (its identifier). */
  status(itemId: string): ActivityStatus;
  /** Serializable sequencing state for storage; restore with the `restore` option of the factory. */
  snapshot(): unknown;
  /** Subscribes to status/current-item changes; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
  /** Hands the SCO's adl.nav.request (after Terminate) to the player via the subscriber mechanism. */
  request(request: NavRequestFromContent): void;
  /** The request the content made at Terminate, taken once by the player. */
  takePendingRequest(): NavRequest | undefined;
  /** Items in tree order with a launch URL. */
  leaves(): Item[];
}
