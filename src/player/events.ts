// Events of the player components. Children ask (`*-request`), only <scorm-player> acts; the player tells
// the app what happened (progress, item change, session end). All bubble and cross shadow roots.
import type { NavRequest, SessionEndReason } from '../sequencing/navigator.js';
import type { AttemptState, CompletionStatus, SuccessStatus } from '../runtime/types.js';

export type { SessionEndReason };

/** A navigation request from the toolbar, the TOC or the session-end panel. */
export class NavRequestEvent extends Event {
  static readonly eventName = 'scorm-nav-request';
  constructor(readonly request: NavRequest) {
    super(NavRequestEvent.eventName, { bubbles: true, composed: true });
  }
}

/** The learner picked one of several organizations. */
export class OrganizationRequestEvent extends Event {
  static readonly eventName = 'scorm-organization-request';
  constructor(readonly organizationId: string) {
    super(OrganizationRequestEvent.eventName, { bubbles: true, composed: true });
  }
}

/** The course rollup after a Commit or Terminate, plus the item's own state. */
export interface ProgressDetail {
  courseKey: string;
  learnerId: string;
  /** The item whose SCO committed. */
  itemId: string;
  /** Course (root activity) rollup. */
  completion: CompletionStatus;
  success: SuccessStatus;
  scoreScaled?: number;
  /** Raw/min/max: the single SCO's when the course has one, else undefined (only scaled rolls up). */
  scoreRaw?: number;
  scoreMin?: number;
  scoreMax?: number;
  progressMeasure?: number;
  /** The SCO's session time so far. */
  sessionSeconds: number;
  /** Total time in the course (sum over items). */
  totalSeconds: number;
  /** The item's attempt state as the runtime reported it. */
  item: AttemptState;
  /** True when this came from Terminate/LMSFinish rather than Commit. */
  terminated: boolean;
}

export class ScormProgressEvent extends Event {
  static readonly eventName = 'scorm-progress';
  constructor(readonly detail: ProgressDetail) {
    super(ScormProgressEvent.eventName, { bubbles: true, composed: true });
  }
}

export interface CourseSummary {
  courseKey: string;
  learnerId: string;
  title: string;
  completion: CompletionStatus;
  success: SuccessStatus;
  scoreScaled?: number;
  totalSeconds: number;
  suspended: boolean;
}

export class ScormSessionEndEvent extends Event {
  static readonly eventName = 'scorm-session-end';
  constructor(
    readonly reason: SessionEndReason,
    readonly summary: CourseSummary,
  ) {
    super(ScormSessionEndEvent.eventName, { bubbles: true, composed: true });
  }
}

/** A new item is being delivered (itemId), or none is (undefined) after exit or the session's end. */
export class ScormItemChangeEvent extends Event {
  static readonly eventName = 'scorm-item-change';
  constructor(
    readonly itemId: string | undefined,
    readonly title: string | undefined,
  ) {
    super(ScormItemChangeEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'scorm-nav-request': NavRequestEvent;
    'scorm-organization-request': OrganizationRequestEvent;
    'scorm-progress': ScormProgressEvent;
    'scorm-session-end': ScormSessionEndEvent;
    'scorm-item-change': ScormItemChangeEvent;
  }
}
