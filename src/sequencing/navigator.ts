// The one seam between the player and sequencing. SCORM 1.2 (free choice, flow by order, AICC-script
// prerequisites) and SCORM 2004 (the SN book) each have their own navigator behind this interface; the
// player is given a NavigatorFactory (as it is given its API factory) and never imports an engine.
//
// After every sequencing pass (a navigation request, a report from the content, a restore) the navigator
// publishes ONE NavigationSnapshot. The TOC, the toolbar and adl.nav.request_valid.* read only that
// snapshot (architecture.md, "Sequencing"), so what the learner sees and what the SCO is told never differ.
import type { Item, Manifest, Organization } from '../package/types.js';
import type { AttemptState, CompletionStatus, ObjectiveSeed, SuccessStatus } from '../runtime/types.js';

/** Navigation requests (SN 4.4.x), from the toolbar, the TOC or the content's adl.nav.request. */
export type NavRequest =
  | { type: NavRequestKind }
  | {
      type: 'choice' | 'jump';
      /** The target activity's identifier (the item's identifier). */
      target: string;
    };

/** The requests that take no target: each one a snapshot says is valid now or not. */
export const NAV_REQUEST_KINDS = [
  'start',
  'resumeAll',
  'continue',
  'previous',
  'exit',
  'exitAll',
  'abandon',
  'abandonAll',
  'suspendAll',
] as const;
export type NavRequestKind = (typeof NAV_REQUEST_KINDS)[number];

export type NavRequestType = NavRequest['type'];

/** Why a sequencing session ended (OP.1 1.4 "end the sequencing session"). */
export type SessionEndReason =
  /** exitAll, or an exit of the root activity (TB.2.3 3.3), or cmi.exit logout / time-out. */
  | 'exitAll'
  /** suspendAll (TB.2.3): resumeAll can continue it. */
  | 'suspendAll'
  | 'abandonAll'
  /** Continue past the last activity (SB.2.7 → SB.2.1-1): the flow of the course ended. */
  | 'completed'
  /** Start found nothing deliverable (SB.2.5: every leaf skipped, disabled or limited). */
  | 'nothing-to-deliver';

/** What OP.1 did with a request. */
export type NavOutcome =
  /** DB.2: deliver this leaf. `newAttempt` is false when a suspended attempt resumes (DB.2 5.1.1.1). */
  | { kind: 'deliver'; itemId: string; newAttempt: boolean }
  /** The sequencing session ended; no content stays on screen. */
  | { kind: 'end'; reason: SessionEndReason }
  /**
   * The request was carried out and nothing is delivered, but the session goes on (OP.1 1.4: a sequencing
   * request with no delivery, e.g. SB.2.11 exit of a non-root activity): wait for the next request.
   */
  | { kind: 'wait' }
  /**
   * Refused with an SN exception (Appendix D, e.g. 'NB.2.1-10', 'SB.2.9-4', 'DB.1.1-3') and a sentence for
   * the learner. A refusal after termination (OP.1 after step 1.3) leaves the previous content terminated.
   */
  | { kind: 'invalid'; exception: string; reason: string };

/** The rolled-up status of one activity (SN tracking model), for the TOC icons, results and reports. */
export interface ActivityStatus {
  itemId: string;
  completion: CompletionStatus;
  success: SuccessStatus;
  /** activityProgressStatus: at least one attempt began. */
  attempted: boolean;
  /** Primary objective normalized measure (-1..1), when known. */
  scoreScaled?: number;
  /** Attempt completion amount (0..1), when known. */
  progressMeasure?: number;
  attemptCount: number;
  suspended: boolean;
}

/** One activity as the snapshot shows it (sequencing.md §6.2, one TOC entry). */
export interface ActivityView {
  id: string;
  /** Shown in the TOC: the item's isvisible and no hiddenFromChoice on it or an ancestor. */
  visible: boolean;
  /** A choice request targeting it is valid now (NB.2.1 + SB.2.9 + DB.1.1 would pass). */
  selectable: boolean;
  /** No disabled rule applies to it or an ancestor (UP.5 / §6.2 pass 3). */
  enabled: boolean;
  /** A jump request targeting it is valid now (4th Ed.; leaves only). */
  jumpable: boolean;
  /** Its available children (SR.1/SR.2 selection and order), identifiers in delivery order. */
  children: readonly string[];
  status: ActivityStatus;
}

/** What is valid now: the one source for the TOC, the toolbar and adl.nav.request_valid.* (§6). */
export interface NavigationSnapshot {
  /** Increases with every sequencing pass; equal revisions mean equal snapshots. */
  readonly revision: number;
  /** The organization's identifier (the root activity). */
  readonly rootId: string;
  /** The activity being delivered (SN Current Activity while active), if any. */
  readonly currentId: string | undefined;
  /** Validity of the requests that take no target. */
  readonly requests: Readonly<Record<NavRequestKind, boolean>>;
  /** Every available activity, the root included, by identifier. Activities not selected are absent. */
  readonly activities: ReadonlyMap<string, ActivityView>;
}

/** Tracking data → run-time data for one delivery (sequencing.md §5.1). */
export interface DeliveryData {
  /** True for the first session of a new attempt (fresh data, cmi.entry ab-initio); false on resume. */
  newAttempt: boolean;
  /** cmi.objectives.n.* seeds: every objective of the activity with an ID, read maps applied. */
  objectives: ObjectiveSeed[];
}

/** A shared (global) objective's record (sequencing.md §1.4); undefined fields are unknown. */
export interface GlobalObjective {
  satisfied?: boolean;
  normalizedMeasure?: number;
  scoreRaw?: number;
  scoreMin?: number;
  scoreMax?: number;
  completed?: boolean;
  progressMeasure?: number;
}

/** Global objectives by targetObjectiveID, for one learner in one scope. */
export type GlobalObjectives = Record<string, GlobalObjective>;

/**
 * Where a navigator's global objectives live: `system` for the learner across every course
 * (adlseq:objectivesGlobalToSystem="true", the default), else `course` for this course only.
 */
export type GlobalObjectiveScope = 'system' | 'course';

export interface NavigatorOptions {
  /** A persist() from an earlier session of the same organization. Unreadable input is ignored. */
  restore?: unknown;
  /** The learner's global objectives in this navigator's scope (see `globalObjectiveScope`). */
  globalObjectives?: GlobalObjectives;
  /** Random source for selection and randomization (SR.1/SR.2); Math.random by default. */
  random?: () => number;
}

export type NavigatorFactory = (
  manifest: Manifest,
  organization: Organization,
  options?: NavigatorOptions,
) => Navigator;

export interface Navigator {
  readonly manifest: Manifest;
  readonly organization: Organization;
  /** The snapshot of the last sequencing pass. Cheap: computed once per pass, not per call. */
  snapshot(): NavigationSnapshot;
  /** Processes a request (OP.1) and says what to do next. Never throws for any request. */
  navigate(request: NavRequest): NavOutcome;
  /** Tracking → run-time data for a delivery of `itemId` (call after a 'deliver' outcome). */
  deliveryData(itemId: string): DeliveryData;
  /**
   * Run-time → tracking data (sequencing.md §5.2): what the current SCO reported, on every Commit and at
   * Terminate. Rolls up and publishes a new snapshot. Reports for an item that is not current are ignored.
   */
  report(itemId: string, state: AttemptState): void;
  /** The rolled-up status of any activity, the organization included (its identifier). */
  status(itemId: string): ActivityStatus;
  /** Leaves with something to launch, in manifest order. */
  leaves(): Item[];
  /** JSON-safe state of the whole activity tree (restore it with the factory's `restore`). */
  persist(): unknown;
  /** Which scope this navigator's global objectives belong to. */
  readonly globalObjectiveScope: GlobalObjectiveScope;
  /** The global objectives as they are now (to store them for the learner, in `globalObjectiveScope`). */
  globalObjectives(): GlobalObjectives;
  /** Called after every sequencing pass (a new snapshot); returns the unsubscribe function. */
  subscribe(listener: (snapshot: NavigationSnapshot) => void): () => void;
}

/**
 * The part of a snapshot that adl.nav.request_valid.* needs (sequencing.md §6.3), small and structured-
 * cloneable: the content host is sent one after every sequencing pass.
 */
export interface NavigationValidity {
  continue: boolean;
  previous: boolean;
  /** Identifiers a choice request may target now. */
  choice: readonly string[];
  /** Identifiers a jump request may target now. */
  jump: readonly string[];
}

export function navigationValidity(snapshot: NavigationSnapshot): NavigationValidity {
  const choice: string[] = [];
  const jump: string[] = [];
  for (const a of snapshot.activities.values()) {
    if (a.selectable) choice.push(a.id);
    if (a.jumpable) jump.push(a.id);
  }
  return { continue: snapshot.requests.continue, previous: snapshot.requests.previous, choice, jump };
}

/**
 * adl.nav.request_valid.* (sequencing.md §6.3) from the last validity the sequencer published; 'unknown'
 * before there is one. Shared by the player (same-origin content) and the content host, so both answer alike.
 */
export function requestValidity(
  validity: NavigationValidity | undefined,
  request: 'continue' | 'previous' | 'choice' | 'jump',
  target?: string,
): boolean | 'unknown' {
  if (!validity) return 'unknown';
  if (request === 'continue' || request === 'previous') return validity[request];
  // A choice/jump without {target=} is refused by the runtime before it asks (argument error).
  if (target === undefined) return false;
  return (request === 'choice' ? validity.choice : validity.jump).includes(target);
}
